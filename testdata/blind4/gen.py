#!/usr/bin/env python3
"""Generate the blind4 test mail (38 .eml files + expected.jsonl).

Deterministic: fixed dates, Message-IDs, boundaries and file contents.
Python 3 standard library only. Run: python3 gen.py (writes beside itself).

Each of the 19 kinds of the shared corpus gets two new mails written the way
a separate team would write them: other clients, charsets, wordings, label
variants and structures.
"""
import base64
import hashlib
import json
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
CRLF = b"\r\n"
INTAKE = "intake@example.test"

CS_LABEL = {"utf-8": "UTF-8", "gbk": "GBK", "gb2312": "GB2312", "gb18030": "GB18030",
            "big5": "Big5", "us-ascii": "us-ascii"}


# ---------------------------------------------------------------- encoders

def b64(data):
    s = base64.b64encode(data).decode()
    return ("\r\n".join(s[i:i + 76] for i in range(0, len(s), 76)) + "\r\n").encode()


def qp(data):
    out = []
    for line in data.split(b"\n"):
        line = line.rstrip(b"\r")
        toks = []
        for i, x in enumerate(line):
            if 33 <= x <= 126 and x != 61:
                toks.append(chr(x))
            elif x in (32, 9) and i != len(line) - 1:
                toks.append(chr(x))
            else:
                toks.append("=%02X" % x)
        cur = ""
        for t in toks:
            if len(cur) + len(t) > 75:
                out.append(cur + "=")
                cur = t
            else:
                cur += t
        out.append(cur)
    return "\r\n".join(out).encode()


def enc_words(s, cs="utf-8", mode="B", maxbytes=45):
    label = CS_LABEL.get(cs, cs.upper())
    chunks, cur = [], ""
    for ch in s:
        if cur and len((cur + ch).encode(cs)) > maxbytes:
            chunks.append(cur)
            cur = ch
        else:
            cur += ch
    if cur:
        chunks.append(cur)
    words = []
    for c in chunks:
        b = c.encode(cs)
        if mode == "B":
            words.append("=?%s?B?%s?=" % (label, base64.b64encode(b).decode()))
        else:
            q = "".join(chr(x) if (x < 128 and (chr(x).isalnum() or chr(x) in "!*+-/")) else
                        ("_" if x == 32 else "=%02X" % x) for x in b)
            words.append("=?%s?Q?%s?=" % (label, q))
    return words


def h(s, cs="utf-8", mode="B"):
    """A header text: ASCII as is, else encoded words folded onto lines."""
    if all(ord(c) < 128 for c in s):
        return s
    return "\r\n ".join(enc_words(s, cs, mode))


def addr(name, address, cs="utf-8", mode="B"):
    if not name:
        return address
    if all(ord(c) < 128 for c in name):
        return '"%s" <%s>' % (name, address)
    return "%s <%s>" % (h(name, cs, mode), address)


def part(headers, body):
    out = b""
    for n, v in headers:
        if isinstance(v, str):
            v = v.encode("ascii")
        out += n.encode() + b": " + v + CRLF
    return out + CRLF + body


def multipart(sub, boundary, parts, extra="", preamble=b""):
    body = preamble
    for p in parts:
        body += b"--" + boundary.encode() + CRLF + p + CRLF
    body += b"--" + boundary.encode() + b"--" + CRLF
    ct = 'multipart/%s;%s\r\n\tboundary="%s"' % (sub, extra, boundary)
    return part([("Content-Type", ct)], body)


def text(t, cs="utf-8", cte="base64", sub="plain", params=""):
    label = CS_LABEL.get(cs, cs)
    if not t.endswith("\n"):
        t += "\n"
    if cte == "base64":
        body = b64(t.replace("\n", "\r\n").encode(cs))
    elif cte == "quoted-printable":
        body = qp(t.encode(cs))
    else:
        body = t.replace("\n", "\r\n").encode(cs)
    return part([("Content-Type", 'text/%s; charset="%s"%s' % (sub, label, params)),
                 ("Content-Transfer-Encoding", cte)], body)


def pct(b):
    return "".join(chr(x) if (x < 128 and (chr(x).isalnum() or chr(x) in "-._~")) else "%%%02X" % x
                   for x in b)


def att(name, data, ctype, cs="utf-8", style="rfc2047", disp="attachment", extra=()):
    ascii_name = all(ord(c) < 128 for c in name)
    if ascii_name:
        ct = '%s;\r\n\tname="%s"' % (ctype, name)
        cd = '%s;\r\n\tfilename="%s"' % (disp, name)
    elif style == "rfc2047":
        w = " ".join(enc_words(name, cs))
        ct = '%s;\r\n\tname="%s"' % (ctype, w)
        cd = '%s;\r\n\tfilename="%s"' % (disp, w)
    elif style == "rfc2231":
        w = " ".join(enc_words(name, cs))
        ct = '%s;\r\n\tname="%s"' % (ctype, w)
        p = pct(name.encode(cs))
        pieces, cur = [], ""
        i = 0
        while i < len(p):
            step = 3 if p[i] == "%" else 1
            if len(cur) + step > 42:
                pieces.append(cur)
                cur = ""
            cur += p[i:i + step]
            i += step
        pieces.append(cur)
        label = CS_LABEL.get(cs, cs)
        segs = []
        for n, piece in enumerate(pieces):
            pre = "%s''" % label if n == 0 else ""
            segs.append(" filename*%d*=%s%s" % (n, pre, piece))
        cd = disp + ";\r\n" + ";\r\n".join(segs)
    elif style == "raw":
        raw = name.encode(cs)
        ct = ('%s;\r\n\tname="' % ctype).encode() + raw + b'"'
        cd = ('%s;\r\n\tfilename="' % disp).encode() + raw + b'"'
    else:
        raise ValueError(style)
    hdrs = [("Content-Type", ct)] + list(extra) + [
        ("Content-Transfer-Encoding", "base64"), ("Content-Disposition", cd)]
    return part(hdrs, b64(data))


def message(headers, root):
    out = b""
    for n, v in headers:
        if isinstance(v, str):
            v = v.encode("ascii")
        out += n.encode() + b": " + v + CRLF
    return out + root


# ---------------------------------------------------------------- tiny files

def pdf(label):
    label = label.replace("(", "[").replace(")", "]")
    stream = ("BT /F1 9 Tf 12 60 Td (%s) Tj ET\n" % label).encode("latin-1")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 120] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def jpeg():
    seg = lambda m, p: b"\xff" + bytes([m]) + struct.pack(">H", len(p) + 2) + p
    out = b"\xff\xd8"
    out += seg(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    out += seg(0xDB, b"\x00" + b"\x01" * 64)
    out += seg(0xC0, b"\x08\x00\x08\x00\x08\x01\x01\x11\x00")
    out += seg(0xC4, b"\x00" + b"\x01" + b"\x00" * 15 + b"\x00")
    out += seg(0xC4, b"\x10" + b"\x01" + b"\x00" * 15 + b"\x00")
    out += seg(0xDA, b"\x01\x01\x00\x00\x3f\x00")
    out += b"\x3f\xff\xd9"
    return out


def png():
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b""))


def tiff():
    entries = [(256, 3, 1, 1), (257, 3, 1, 1), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
               (273, 4, 1, 122), (277, 3, 1, 1), (278, 3, 1, 1), (279, 4, 1, 1)]
    out = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", len(entries))
    for tag, typ, cnt, val in entries:
        if typ == 3:
            out += struct.pack("<HHIHH", tag, typ, cnt, val, 0)
        else:
            out += struct.pack("<HHII", tag, typ, cnt, val)
    out += struct.pack("<I", 0)
    assert len(out) == 122
    return out + b"\x80"


def zipbytes(entries, made_by=0x0014):
    """entries: (name_bytes, data_or_None_for_dir, flags). Deflated files, fixed date."""
    dostime, dosdate = (10 << 11) | (30 << 5), ((2026 - 1980) << 9) | (3 << 5) | 2
    local, central = b"", b""
    for name, data, flags in entries:
        off = len(local)
        if data is None:
            method, comp, crc, size, ext = 0, b"", 0, 0, 0x10
        else:
            co = zlib.compressobj(9, zlib.DEFLATED, -15)
            comp = co.compress(data) + co.flush()
            method, crc, size, ext = 8, zlib.crc32(data) & 0xffffffff, len(data), 0x20
        local += struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, flags, method, dostime, dosdate,
                             crc, len(comp), size, len(name), 0) + name + comp
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014b50, made_by, 20, flags, method,
                               dostime, dosdate, crc, len(comp), size, len(name), 0, 0, 0, 0,
                               ext, off) + name
    eocd = struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, len(entries), len(entries),
                       len(central), len(local), 0)
    return local + central + eocd


def docx(title):
    ct = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          b'<Default Extension="xml" ContentType="application/xml"/>'
          b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          b'</Types>')
    rels = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            b'</Relationships>')
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p>'
           '<w:p><w:r><w:t>本公司（单位）：</w:t></w:r></w:p></w:body></w:document>' % title).encode()
    return zipbytes([(b"[Content_Types].xml", ct, 0), (b"_rels/.rels", rels, 0),
                     (b"word/document.xml", doc, 0)])


def doc_cfb():
    """An empty but valid OLE compound file (what an old .doc starts as)."""
    hdr = bytearray(512)
    hdr[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", hdr, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", hdr, 40, 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE)
    struct.pack_into("<I", hdr, 72, 0)
    hdr[76:512] = b"\xff" * (512 - 76)
    struct.pack_into("<I", hdr, 76, 0)
    fat = bytearray(b"\xff" * 512)
    struct.pack_into("<II", fat, 0, 0xFFFFFFFD, 0xFFFFFFFE)
    d = bytearray(512)
    name = "Root Entry".encode("utf-16-le") + b"\x00\x00"
    d[0:len(name)] = name
    struct.pack_into("<HBB", d, 64, len(name), 5, 1)
    struct.pack_into("<III", d, 68, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
    struct.pack_into("<II", d, 116, 0xFFFFFFFE, 0)
    for i in range(1, 4):
        struct.pack_into("<III", d, 128 * i + 68, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
    return bytes(hdr) + bytes(fat) + bytes(d)


def lic(seed):
    blob = b"".join(hashlib.sha256((seed + str(i)).encode()).digest() for i in range(6))
    return (b"H3C-LICENSE-FILE 2.0\r\nIssued-To: " + seed.encode() + b"\r\n\r\n"
            + base64.b64encode(blob) + b"\r\n")


def hostinfo(seed, product="iMC"):
    d = hashlib.sha256(seed.encode()).hexdigest().upper()
    return ("Product=%s\r\nHostName=%s\r\nHostID=%s-%s-%s-%s\r\nOS=Linux x86_64\r\n"
            % (product, seed, d[0:8], d[8:16], d[16:24], d[24:32])).encode()


# ---------------------------------------------------------------- html helpers

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_foxmail(t, cs="GBK"):
    lines = "".join("<div>%s</div>" % (esc(l) if l else "<br>") for l in t.split("\n"))
    return ('<html><head><meta http-equiv="content-type" content="text/html; charset=%s">'
            '<style>body { line-height: 1.5; }body { font-size: 14px; font-family: 微软雅黑; '
            'color: #000000; }</style></head><body>\n%s\n<div><br></div><hr style="width: 210px; '
            'height: 1px;" color="#b5c4df" size="1" align="left"></body></html>' % (cs, lines))


def html_outlook(t, cs="gb2312"):
    f1, f2 = {"big5": ("新細明體", "新細明體"), "us-ascii": ("Calibri", "Calibri")}.get(cs.lower(), ("宋体", "等线"))
    ps = "\n".join("<p class=MsoNormal>%s<o:p></o:p></p>" % (esc(l) if l else "<o:p>&nbsp;</o:p>")
                   for l in t.split("\n"))
    return ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">'
            '<head><meta http-equiv=Content-Type content="text/html; charset=%s">'
            '<meta name=Generator content="Microsoft Word 15 (filtered medium)"><style><!--\n'
            '/* Font Definitions */\n@font-face\n\t{font-family:%s;}\np.MsoNormal, li.MsoNormal\n'
            '\t{margin:0cm;font-size:10.5pt;font-family:%s;}\n--></style></head>'
            '<body lang=ZH-CN link="#0563C1" vlink="#954F72" style=\'text-align:justify\'>'
            '<div class=WordSection1>\n%s\n</div></body></html>' % (cs, f1, f2, ps))


def html_gmail(t):
    inner = "<br>".join(esc(l) for l in t.split("\n"))
    return '<div dir="ltr">%s</div>\n' % inner


# ---------------------------------------------------------------- the mails

MAILS = []


def mail(fn, data, action, scenario="", missing=(), notes=(), reason=None, why=""):
    exp = {"file": fn, "action": action, "scenario": scenario, "missing": list(missing),
           "notes": list(notes)}
    if reason:
        exp["reason"] = reason
    exp["why"] = why
    MAILS.append((fn, data, exp))


def std(frm, subject, date, mid, extra=(), to=INTAKE, cs="utf-8", mode="B"):
    hs = [("From", frm), ("To", to), ("Subject", h(subject, cs, mode)), ("Date", date),
          ("Message-ID", mid)]
    hs += list(extra)
    hs.append(("MIME-Version", "1.0"))
    return hs


# 01a ---- recovery complete: GBK, Foxmail, labels 局点名称 / License授权码
t = """您好：

我们局点的iMC服务器上个月重装了操作系统，重装前没有备份License激活文件，现在文件丢了，麻烦帮忙找回。

局点名称：广州地铁三号线网管中心
License授权码：IMC-PLAT-5F2C-88D1-A0E7

谢谢！

王丽
广州地铁运维部"""
root = multipart("alternative", "----=_001_NextPart572182624333_=----", [
    text(t, "gbk", "base64"), text(html_foxmail(t), "gbk", "base64", "html")])
mail("01a-recovery-complete-gbk-foxmail.eml", message(
    std(addr("王丽", "wangli@gzmetro.example.cn", "gbk"), "激活文件丢了，麻烦帮忙找回License",
        "Tue, 3 Mar 2026 09:12:45 +0800", "<202603030912452108731@gzmetro.example.cn>",
        [("X-Priority", "3"), ("X-GUID", "5B1F0C2A-8E71-4D0B-9F3E-0A6C2D7B41E9"),
         ("X-Has-Attach", "no"), ("X-Mailer", "Foxmail 7.2.25.228[cn]")], cs="gbk"), root),
    "forward", "recovery", why="GBK Foxmail recovery (丢了/找回) with the label variants 局点名称 and License授权码.")

# 01b ---- recovery complete: Big5, traditional, quoted-printable
t = """您好，

本單位的XLog伺服器上週重灌系統時，License啟動檔案不慎遺失，懇請協助找回。

客戶局點名稱：臺中市政府資訊中心
授權碼：XLOG-3B7D-22C9-E410

如需其他資料，請不吝告知。

陳志明 敬上
臺中市政府資訊中心 系統組"""
root = text(t, "big5", "quoted-printable")
mail("01b-recovery-complete-big5.eml", message(
    std(addr("陳志明", "cm.chen@tccg.example.tw", "big5"), "License找回申請（啟動檔案遺失）",
        "Wed, 4 Mar 2026 14:03:11 +0800", "<000a01dcab7f$3c1e2b40$b45a81c0$@tccg.example.tw>",
        [("X-Mailer", "Microsoft Outlook 16.0"), ("Thread-Index", "AdyrfzwNkUjSZ0mXQpW1cVmfLh8e5A=="),
         ("Content-Language", "zh-tw")], cs="big5"), root),
    "forward", "recovery", why="Traditional-Chinese Big5 recovery (找回/遺失) with 客戶局點名稱 and 授權碼, quoted-printable body.")

# 02a ---- recovery missing auth_code: English Gmail, "Customer site:"
t = """Hello,

Our Quidview server crashed last week. We restored it from backup, but the license activation file was not part of the backup and is now lost. Could you please help us recover it?

Customer site: Harbor Logistics, Rotterdam DC
Product: Quidview

I am still digging through our purchase records for the authorization code; I could not find it so far.

Best regards,
Tom Becker
IT Operations, Harbor Logistics"""
root = multipart("alternative", "000000000000a1b2c3d4e5f60718", [
    text(t, "utf-8", "quoted-printable"), text(html_gmail(t), "utf-8", "quoted-printable", "html")])
mail("02a-recovery-missing-auth-code-gmail.eml", message(
    std(addr("Tom Becker", "tom.becker@harborlogistics.example.com"), "Lost license activation file - please help",
        "Thu, 5 Mar 2026 08:41:27 +0100",
        "<CAF7h2kQ9x1p0vZr3mT8uYw5bLd2nE4sA6cR7gH1jK0oP9qW@mail.example.com>"), root),
    "request_materials", "recovery", ["auth_code"],
    why="English Gmail recovery (lost/recover) with 'Customer site:'; the authorization code is only mentioned as not found, never given.")

# 02b ---- recovery missing site_name: Apple Mail, License Key given
t = """Hi team,

The license file of our iMC installation was deleted by accident during a disk cleanup and we have no copy left. Please recover the activation file for us.

License Key: IMC-EIA-77A1-4C0B-9D2E

Thanks,
Sarah"""
root = text(t, "us-ascii", "7bit", params="; format=flowed")
mail("02b-recovery-missing-site-applemail.eml", message(
    [("From", addr("Sarah Olsen", "s.olsen@fjordnet.example.no")), ("Content-Type", "text/plain;\r\n\tcharset=us-ascii;\r\n\tformat=flowed"),
     ("Content-Transfer-Encoding", "7bit"), ("Mime-Version", "1.0 (Mac OS X Mail 16.0 \\(3774.300.61.1.2\\))"),
     ("Subject", "License recovery request"), ("Message-Id", "<6E0B2A9D-41C7-4F3B-8D52-7A1E9C0F3B24@fjordnet.example.no>"),
     ("Date", "Fri, 6 Mar 2026 10:15:02 +0100"), ("To", INTAKE), ("X-Mailer", "Apple Mail (2.3774.300.61.1.2)")],
    CRLF + t.replace("\n", "\r\n").encode() + CRLF),
    "request_materials", "recovery", ["site_name"],
    why="Apple Mail recovery (deleted/recover) that gives 'License Key:' but no customer site name anywhere.")

# 03a ---- hardware change complete: Thunderbird UTF-8 8bit, short labels, RFC 2231 names
t = """您好，

客户机房的iMC服务器已到报废年限，现已更换服务器，需要把License从老服务器迁移到新服务器上，申请硬件变更。资料如下：

最终用户：江苏省南通市第一人民医院
用户联系人：周建国
用户电话：0513-8555-0142
代理商工程师：刘洋
代理商电话：138-0000-1234
需要变更的授权码：IMC-PLAT-3C9E-71B0-5DD4

附件依次为：老服务器的License文件、新服务器的主机信息文件、客户盖章的承诺书扫描件。

-- 
刘洋
南通华信网络科技有限公司"""
root = multipart("mixed", "------------8aB3kLm0Qw7ZxT2pR5vN1cYd", [
    text(t, "utf-8", "8bit", params="; format=flowed"),
    att("老服务器License文件.lic", lic("nt-hospital-old"), "application/octet-stream", style="rfc2231"),
    att("新服务器主机信息.txt", hostinfo("nt-hospital-new"), "text/plain", style="rfc2231"),
    att("承诺书盖章扫描件.jpg", jpeg(), "image/jpeg", style="rfc2231"),
], preamble=b"This is a multi-part message in MIME format.\r\n")
mail("03a-hardware-change-complete-thunderbird.eml", message(
    std(addr("刘洋", "liuyang@ht-net.example.cn"), "更换服务器后License迁移申请（iMC）",
        "Mon, 9 Mar 2026 16:20:33 +0800", "<7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f@ht-net.example.cn>",
        [("User-Agent", "Mozilla Thunderbird"), ("Content-Language", "zh-CN")]), root),
    "forward", "hardware_change",
    why="Thunderbird hardware change (更换服务器/硬件变更) with short labels 最终用户/用户电话/代理商电话, RFC 2231 file names 老服务器…lic, 新服务器主机信息.txt, stamped letter JPG.")

# 03b ---- hardware change complete: Big5 traditional, numbered labels 聯絡
t = """您好：

因原伺服器主機板故障，需將iMC授權轉移至新伺服器，特此申請License硬體變更，相關資料如下：

1. 最終用戶單位名稱：高雄港務資訊處
2. 用戶聯絡人：林美玲
3. 用戶聯絡方式：07-555-0188
4. 代理商工程師姓名：黃國華
5. 代理商工程師聯絡方式：0912-000-345
6. 授權碼：IMC-PLAT-8A41-20FE-B733

附件：舊伺服器主機資訊檔、新伺服器主機資訊檔、蓋章承諾書。

黃國華
宏遠系統整合股份有限公司"""
root = multipart("mixed", "----=_NextPart_000_0021_01DCAF1B.6F2E8A10", [
    multipart("alternative", "----=_NextPart_001_0022_01DCAF1B.6F2E8A10", [
        text(t, "big5", "base64"), text(html_outlook(t, "big5"), "big5", "base64", "html")]),
    att("舊伺服器主機資訊.txt", hostinfo("khh-old"), "text/plain", "big5"),
    att("新伺服器主機資訊.txt", hostinfo("khh-new"), "text/plain", "big5"),
    att("License例外申請及承諾書_蓋章.pdf", pdf("H3C License Exception - stamped"), "application/pdf", "big5"),
], preamble=b"This is a multipart message in MIME format.\r\n\r\n")
mail("03b-hardware-change-complete-big5.eml", message(
    std(addr("黃國華", "kh.huang@hongyuan-si.example.tw", "big5"), "License硬體變更申請－iMC",
        "Tue, 10 Mar 2026 11:05:48 +0800", "<001b01dcaf1b$6f2e8a10$4d8b9e30$@hongyuan-si.example.tw>",
        [("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "zh-tw")], cs="big5"), root),
    "forward", "hardware_change",
    why="Big5 traditional hardware change (硬體變更/新伺服器) with numbered labels using 聯絡, files 舊/新伺服器主機資訊.txt and a stamped 承諾書 PDF.")

# 04a ---- hardware change missing end_user_phone + auth_code: English Outlook
t = """Hello,

We are replacing the iMC server at our customer's site (the old HP DL380 is end of life) and need the license moved to the replacement server.

End-user organization: Northwind Regional Hospital
End-user contact: Dr. Anna Kowalski
Partner engineer: Mark Janssen
Partner engineer phone: +31 20 555 0199

Attached: the old server's license file, the new server's host info file and the signed & stamped commitment letter.

Kind regards,
Mark Janssen
Contoso Networks B.V."""
root = multipart("mixed", "_004_AM6PR02MB4325A1B2C3D4E5F6A7B8contosoexamplenl_", [
    multipart("alternative", "_000_AM6PR02MB4325A1B2C3D4E5F6A7B8contosoexamplenl_", [
        text(t, "us-ascii", "quoted-printable"), text(html_outlook(t, "us-ascii"), "us-ascii", "quoted-printable", "html")]),
    att("old_server_license.lic", lic("northwind-old"), "application/octet-stream"),
    att("new_server_hostinfo.txt", hostinfo("northwind-new"), "text/plain"),
    att("Commitment_Letter_stamped.pdf", pdf("H3C License Exception Application and Commitment Letter - stamped"), "application/pdf"),
])
mail("04a-hardware-change-missing-phone-authcode-en.eml", message(
    std(addr("Mark Janssen", "mark.janssen@contoso-networks.example.nl"), "iMC license transfer to a replacement server",
        "Wed, 11 Mar 2026 13:47:19 +0000", "<AM6PR02MB4325A1B2C3D4E5F6A7B8@AM6PR02MB4325.eurprd02.prod.example.nl>",
        [("Thread-Topic", "iMC license transfer to a replacement server"), ("Thread-Index", "AQHcsY1kB2n5c3Jx0kGm1Qe8VdL3Ow=="),
         ("Accept-Language", "en-US"), ("Content-Language", "en-US"), ("X-MS-Has-Attach", "yes")]), root),
    "request_materials", "hardware_change", ["end_user_phone", "auth_code"],
    why="English Outlook 'replacing the server' request with end-user org/contact and partner engineer/phone and all three files, but no end-user phone and no license key.")

# 04b ---- hardware change missing agent_engineer + agent_phone: direct customer, generic labels
t = """Dear support,

The motherboard of our XLog server was replaced by the hardware vendor and the license no longer validates. We need a hardware change of the XLog license.

Organization: Fabrikam Energy Ltd.
Contact person: Li Wei
Phone: +86 21 5555 0123
Authorization code: XLOG-91D3-6E2A-0B58

We bought the software directly, so no reseller engineer is involved.
The old and new host info files are attached, together with a PNG scan of the stamped commitment letter.

Regards,
Li Wei"""
root = multipart("mixed", "=_a8c3e1f0b2d4", [
    text(t, "utf-8", "7bit"),
    att("hostinfo_old.txt", hostinfo("fabrikam-old", "XLog"), "text/plain"),
    att("hostinfo_new.txt", hostinfo("fabrikam-new", "XLog"), "text/plain"),
    att("commitment-letter-scan.png", png(), "image/png"),
])
mail("04b-hardware-change-missing-agent-en.eml", message(
    std(addr("Li Wei", "li.wei@fabrikam-energy.example.com"), "License hardware change for XLog (motherboard replaced)",
        "Thu, 12 Mar 2026 07:30:00 +0800", "<a8c3e1f0b2d4.1773271800@webmail.fabrikam-energy.example.com>",
        [("User-Agent", "Roundcube Webmail/1.6.9")]), root),
    "request_materials", "hardware_change", ["agent_engineer", "agent_phone"],
    why="Direct customer's English hardware change with generic labels Organization/Contact person/Phone/Authorization code and all files, but no reseller engineer or reseller phone.")

# 05a ---- hardware change, letter only as old .doc: NetEase-style GB2312
t = """您好，
我司客户的iMC服务器因硬件故障已更换新服务器，现申请License硬件变更。

最终用户单位名称：成都市第三人民医院
用户联系人：赵敏
用户联系方式：zhaomin@cd3h.example.cn
代理商工程师姓名：孙涛
代理商工程师联系方式：139-0000-5678
授权码：IMC-PLAT-2B6D-90C1-7E45

附件：旧服务器License文件、新服务器主机信息文件、承诺书。
孙涛"""
root = multipart("mixed", "----=_Part_118230_1407733521.1773388800123", [
    multipart("alternative", "----=_Part_118231_988134170.1773388800123", [
        text(t, "gbk", "base64"), text(html_foxmail(t, "GBK"), "gbk", "base64", "html")]),
    att("旧服务器License.lic", lic("cd3h-old"), "application/octet-stream", "gbk"),
    att("新服务器主机信息.txt", hostinfo("cd3h-new"), "text/plain", "gbk"),
    att("H3C业务软件License例外申请及承诺书.doc", doc_cfb(), "application/msword", "gbk"),
])
mail("05a-hardware-change-letter-doc-163.eml", message(
    std(addr("孙涛", "suntao_sc@mail.example.cn", "gbk"), "申请License硬件变更（服务器更换）",
        "Fri, 13 Mar 2026 16:00:00 +0800", "<6f1a2b3c.2d4e.19cdf0a1b2c.Coremail.suntao_sc@mail.example.cn>",
        [("X-Mailer", "NetEase Mail Master 5.3.2.1021"), ("X-Priority", "3")], cs="gbk"), root),
    "request_materials", "hardware_change", ["commitment_letter"], ["letter_not_stamped"],
    why="Complete hardware change whose only letter is the blank template as an old Word .doc (application/msword), which is not the stamped letter.")

# 05b ---- hardware change, .docx letter and no new host info
t = """各位好：

XLog所在服务器的主板和阵列卡都换了，需要做License硬件变更。新服务器的主机信息文件等新机器上线后再补发。

单位名称：厦门港口集团信息中心
联系人：黄丽
联系电话：0592-555-0166
代理商工程师：陈伟
代理商工程师电话：136-0000-7788
授权码（License Key）：XLOG-5C7A-1D9E-44F2

承诺书已经填好了（Word版），盖章版随后补上。

陈伟"""
root = multipart("mixed", "_002_SG2PR04MB5521D0C3B2A1908F7E6Dexamplecn_", [
    multipart("alternative", "_000_SG2PR04MB5521D0C3B2A1908F7E6Dexamplecn_", [
        text(t, "utf-8", "base64"), text(html_outlook(t, "utf-8"), "utf-8", "base64", "html")]),
    att("老服务器License.lic", lic("xmport-old"), "application/octet-stream"),
    att("承诺书-已填写.docx", docx("H3C业务软件License例外申请及承诺书"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
])
mail("05b-hardware-change-docx-no-new-host.eml", message(
    std(addr("陈伟", "chenwei@xmsi.example.cn"), "关于XLog服务器硬件变更的申请",
        "Mon, 16 Mar 2026 09:22:10 +0800", "<SG2PR04MB5521D0C3B2A1908F7E6D@SG2PR04MB5521.apcprd04.prod.example.cn>",
        [("Accept-Language", "zh-CN, en-US"), ("Content-Language", "zh-CN"), ("X-MS-Has-Attach", "yes")]), root),
    "request_materials", "hardware_change", ["new_host_info", "commitment_letter"], ["letter_not_stamped"],
    why="Hardware change with 单位名称/联系人/联系电话 labels, old license file and a filled-in .docx letter, new host info promised later: new host info and stamped letter missing.")

# 06a ---- HTML-only Coremail, horizontal table (labels in a header row)
t_html = """<div style="line-height:1.7;color:#000000;font-size:14px;font-family:Arial"><div>您好，我单位iMC网管服务器已更换，申请License硬件变更，信息如下：</div><div><br></div>
<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;width:100%">
<tbody><tr style="background:#dbe5f1"><th>最终用户单位名称</th><th>用户联系人</th><th>用户联系方式</th><th>代理商工程师姓名</th><th>代理商工程师联系方式</th><th>授权码</th></tr>
<tr><td>武汉光谷数据中心</td><td>郑强</td><td>027-5555-0133</td><td>吴磊</td><td>137-0000-2468</td><td>IMC-PLAT-6E8F-13A2-C9B0</td></tr>
</tbody></table><div><br></div><div>附件为旧服务器主机信息、新服务器主机信息和盖章承诺书。</div><div>吴磊</div></div><br><br><span title="neteasefooter"><p>&nbsp;</p></span>"""
root = multipart("mixed", "----=_Part_40172_1733417829.1773631200456", [
    text(t_html, "gbk", "base64", "html"),
    att("旧服务器主机信息.txt", hostinfo("wuhan-old"), "text/plain", "gbk"),
    att("新服务器主机信息.txt", hostinfo("wuhan-new"), "text/plain", "gbk"),
    att("承诺书（盖章）.pdf", pdf("H3C License Exception - stamped"), "application/pdf", "gbk"),
])
mail("06a-hardware-change-coremail-header-row-table.eml", message(
    std(addr("吴磊", "wulei@whsi.example.cn", "gbk"), "License硬件变更申请-iMC",
        "Tue, 17 Mar 2026 10:00:00 +0800", "<3a7c9e1f.4b2d.19cf1a2b3c4.Coremail.wulei@whsi.example.cn>",
        [("X-Priority", "3"), ("X-Mailer", "Coremail Webmail Server Version XT5.0.13 build 20210709(b2c3d4e5) Copyright (c) 2002-2026 www.mailtech.cn example"),
         ("X-Originating-IP", "[203.0.113.27]"), ("X-CM-CTRLDATA", "eWx0H2Zvb3Rlcl9odG09MTIzNDo1Ng==")], cs="gbk"), root),
    "forward", "hardware_change",
    why="HTML-only Coremail mail whose table puts all six labels in one header row and the values in the row below; 旧/新服务器主机信息.txt and a stamped PDF letter.")

# 06b ---- HTML-only Outlook, four-column table (label, value, label, value), TIFF letter
def cell(s, w="25%"):
    return ("<td width=\"%s\" valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>"
            "<p class=MsoNormal><span style='font-family:宋体'>%s</span><span lang=EN-US><o:p></o:p></span></p></td>" % (w, s))
rows = [("最终用户单位", "西安高新区管委会信息中心", "用户联系人", "马超"),
        ("用户电话", "029-5555-0177", "代理商工程师", "何静"),
        ("代理商电话", "135-0000-9911", "授权码", "IMC-PLAT-4D2A-7B19-E603"),
        ("所属产品", "iMC", "变更原因", "原服务器硬件老化，更换服务器")]
table = ("<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>"
         + "".join("<tr>" + "".join(cell(c) for c in r) + "</tr>\n" for r in rows) + "</table>")
t_html = html_outlook("您好：\n\n申请将以下iMC License变更到新服务器上，请审核：", "gb2312").replace(
    "\n</div></body>", "\n" + table + "\n<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>"
    "<p class=MsoNormal>附件：原License文件、新服务器主机信息、盖章承诺书扫描件（TIF）。<o:p></o:p></p>"
    "<p class=MsoNormal>何静<o:p></o:p></p>\n</div></body>")
root = multipart("mixed", "_006_TY0PR06MB51287E2F6A5B4C3D2E1Fexamplecn_", [
    text(t_html, "gb2312", "quoted-printable", "html"),
    att("iMC_License_old.lic", lic("xian-old"), "application/octet-stream"),
    att("iMC_HostInfo_new.txt", hostinfo("xian-new"), "text/plain"),
    att("承诺书扫描.tif", tiff(), "image/tiff", "gb2312"),
])
mail("06b-hardware-change-outlook-4col-table.eml", message(
    std(addr("何静", "hejing@qinchuang.example.cn", "gb2312"), "转移iMC License到新服务器",
        "Wed, 18 Mar 2026 15:31:07 +0800", "<TY0PR06MB51287E2F6A5B4C3D2E1F@TY0PR06MB5128.apcprd06.prod.example.cn>",
        [("Thread-Topic", h("转移iMC License到新服务器", "gb2312")), ("Accept-Language", "zh-CN, en-US"),
         ("Content-Language", "zh-CN"), ("X-MS-Has-Attach", "yes"), ("X-MS-TNEF-Correlator", "")], cs="gb2312"), root),
    "forward", "hardware_change",
    why="HTML-only Outlook mail with a four-column table (label, value, label, value) incl. 更换服务器 as the reason; old .lic, iMC_HostInfo_new.txt and a TIFF letter scan.")

# 07a ---- host identifier strings in English
t = """Hello,

Our APM module on iMC has been moved to a replacement server. APM uses UniqueID strings instead of host information files, so here they are:

Old machine identifier string: 5F3A-9C21-0B7E-D4C8-11AA
New machine identifier string: 7E2D-4B90-CC13-A6F5-22BB

End user: Contoso Water Utility
End-user contact: James Miller
End-user phone: +1 555 0100 212
Reseller engineer: Priya Nair
Reseller engineer phone: +1 555 0100 347
License key: IMC-APM-1A2B-3C4D-5E6F

The stamped commitment letter is attached as a JPG scan.

Priya Nair
Tailwind Integration Inc."""
root = multipart("mixed", "b1_9a8f7e6d5c4b3a29180706050403", [
    multipart("alternative", "b2_9a8f7e6d5c4b3a29180706050403", [
        text(t, "utf-8", "quoted-printable"), text(html_gmail(t), "utf-8", "quoted-printable", "html")]),
    att("H3C_License_Exception_Commitment_Letter_stamped.jpg", jpeg(), "image/jpeg"),
])
mail("07a-hardware-change-host-strings-en.eml", message(
    std(addr("Priya Nair", "priya.nair@tailwind-int.example.com"), "APM license - replacement server (UniqueID strings)",
        "Thu, 19 Mar 2026 18:02:44 -0500", "<20260319230244.9a8f7e6d@mx.tailwind-int.example.com>",
        [("X-Mailer", "Zimbra 9.0.0_GA_4546 (ZimbraWebClient - GC122 (Linux)/9.0.0_GA_4546)")]), root),
    "forward", "hardware_change",
    why="English APM hardware change (replacement server) giving 'Old/New machine identifier string:' in the body instead of host files, all fields and a stamped JPG letter.")

# 07b ---- host identifier strings, traditional wording 字串
t = """您好，

本案為APM元件，主機資訊為字串形式，伺服器已更換，申請License硬體變更。

舊機器標識字串：A1B2-C3D4-E5F6-0718-293A
新機器標識字串：B2C3-D4E5-F607-1829-3A4B

最終用戶單位名稱：新竹科學園區管理局
用戶聯繫人：張雅婷
用戶聯繫方式：03-555-0155
代理商工程師姓名：吳家豪
代理商工程師聯繫方式：0933-000-678
授權碼：IMC-APM-9F8E-7D6C-5B4A

蓋章的承諾書掃描件請見附件。"""
root = multipart("mixed", "Apple-Mail=_3F2A1B0C-9D8E-4F7A-B6C5-D4E3F2A1B0C9", [
    text(t, "utf-8", "quoted-printable"),
    att("承諾書蓋章.png", png(), "image/png", style="rfc2231"),
])
mail("07b-hardware-change-host-strings-trad.eml", message(
    std(addr("吳家豪", "jh.wu@hcsi.example.tw"), "硬體變更申請（APM，主機標識字串）",
        "Fri, 20 Mar 2026 09:10:10 +0800", "<3F2A1B0C-9D8E-4F7A-B6C5-D4E3F2A1B0C9@hcsi.example.tw>",
        [("X-Mailer", "Apple Mail (2.3774.300.61.1.2)")]), root),
    "forward", "hardware_change",
    why="Traditional-Chinese APM hardware change with 舊機器標識字串/新機器標識字串 (字串, not 字符串) in the body, every field and a stamped PNG letter.")

# 08a ---- CAMS, English
t = """Hi,

Please process a hardware change for our CAMS license; the CAMS server is being replaced by a new machine.

Product: CAMS
End user organisation: Adventure Works University
End user contact: Helen Park
End user phone / email: helen.park@adventureworks.example.edu
Reseller engineer name: Tom Chen
Reseller engineer contact: tom.chen@bluesky-reseller.example.com
Auth code: CAMS-77C2-9A1E-5B30

Attachments: license file of the old CAMS server, host info of the new server, stamped commitment letter.

Tom"""
root = multipart("mixed", "===============4821753119055536127==", [
    text(t, "utf-8", "7bit"),
    att("cams_old_server.lic", lic("aw-cams-old"), "application/octet-stream"),
    att("cams_new_hostinfo.txt", hostinfo("aw-cams-new", "CAMS"), "text/plain"),
    att("commitment_letter_stamped.pdf", pdf("H3C License Exception Commitment Letter - CAMS - stamped"), "application/pdf"),
])
mail("08a-hardware-change-cams-en.eml", message(
    std(addr("Tom Chen", "tom.chen@bluesky-reseller.example.com"), "CAMS server hardware change",
        "Mon, 23 Mar 2026 12:00:00 +0000", "<177426720001.4821.bluesky@bluesky-reseller.example.com>",
        [("User-Agent", "Evolution 3.50.3")]), root),
    "forward", "hardware_change", notes=["cams_recollect_host_info"],
    why="Complete English CAMS hardware change (Product: CAMS); the CAMS note about re-collecting the old machine's host information must be carried.")

# 08b ---- CAMS, GB18030 Foxmail, 所属产品
t = """您好：

CAMS认证服务器更换，申请License硬件变更，材料如下。

所属产品：CAMS
最终用户单位名称：青岛海洋大学网络中心
用户联系人：王芳
用户联系方式：0532-5555-0190
代理商工程师姓名：李军
代理商工程师联系方式：131-0000-4321
授权码：CAMS-3E5F-8A7B-0C1D

附件：CAMS旧服务器主机信息、CAMS新服务器主机信息、盖章承诺书。

李军"""
root = multipart("mixed", "----=_001_NextPart318224671530_=----", [
    multipart("alternative", "----=_002_NextPart726531907124_=----", [
        text(t, "gb18030", "base64"), text(html_foxmail(t, "GB18030"), "gb18030", "base64", "html")]),
    att("CAMS旧服务器主机信息.txt", hostinfo("qd-cams-old", "CAMS"), "text/plain", "gb18030"),
    att("CAMS新服务器主机信息.txt", hostinfo("qd-cams-new", "CAMS"), "text/plain", "gb18030"),
    att("承诺书盖章件.pdf", pdf("H3C License Exception - CAMS - stamped"), "application/pdf", "gb18030"),
])
mail("08b-hardware-change-cams-gb18030.eml", message(
    std(addr("李军", "lijun@qdnet.example.cn", "gb18030"), "CAMS服务器更换，申请License硬件变更",
        "Tue, 24 Mar 2026 14:14:14 +0800", "<202603241414142917385@qdnet.example.cn>",
        [("X-Has-Attach", "yes"), ("X-Mailer", "Foxmail 7.2.23.121[cn]")], cs="gb18030"), root),
    "forward", "hardware_change", notes=["cams_recollect_host_info"],
    why="Complete CAMS hardware change from Foxmail in GB18030 (subject, body, file names) with 所属产品：CAMS; the CAMS note must be carried.")

# 09a ---- unbind complete, English
t = """Hello,

Please unbind part of our iMC license from the current server so that two serials can be used on a second server.

End user organization: Litware Bank
End user contact: Olivia Brown
End user phone: +44 20 5550 0111
Reseller engineer: Daniel Green
Reseller engineer phone: +44 20 5550 0222
License key: IMC-PLAT-0A1B-2C3D-4E5F

Original serials: SN-1001, SN-1002, SN-1003, SN-1004, SN-1005
Serials to unbind: SN-1004, SN-1005

Attached: the current server's license file and the stamped commitment letter (unbind only).

Daniel"""
root = multipart("mixed", "_005_LO2P265MB3310F1E2D3C4B5A69788litwareexampleuk_", [
    multipart("alternative", "_000_LO2P265MB3310F1E2D3C4B5A69788litwareexampleuk_", [
        text(t, "us-ascii", "quoted-printable"), text(html_outlook(t, "us-ascii"), "us-ascii", "quoted-printable", "html")]),
    att("imc_license_current_server.lic", lic("litware-cur"), "application/octet-stream"),
    att("Commitment_Letter_Unbind_Only_stamped.pdf", pdf("H3C License Exception Commitment Letter (Unbind only) - stamped"), "application/pdf"),
])
mail("09a-unbind-complete-en.eml", message(
    std(addr("Daniel Green", "daniel.green@fourthcoffee-it.example.co.uk"), "Unbind request - iMC license (2 of 5 serials)",
        "Wed, 25 Mar 2026 10:45:00 +0000", "<LO2P265MB3310F1E2D3C4B5A69788@LO2P265MB3310.GBRP265.PROD.example.co.uk>",
        [("Accept-Language", "en-GB"), ("Content-Language", "en-GB"), ("X-MS-Has-Attach", "yes")]), root),
    "forward", "unbind",
    why="English partial unbind (2 of 5 serials) with every field, the current license file and a stamped 'Unbind Only' commitment letter PDF.")

# 09b ---- unbind complete, traditional 解綁, host info file as old-server file
t = """您好：

需將部分授權序號與原伺服器解除綁定，以便在其他伺服器使用，申請License解綁。

最終用戶單位名稱：台南市立醫院
用戶聯繫人：李怡君
用戶聯繫方式：06-555-0123
代理商工程師姓名：蔡明哲
代理商工程師聯繫方式：0955-000-111
授權碼：IMC-PLAT-7C6B-5A49-3827

變更前原License授權中包含的授權序列號列表：IMC-SN-2001、IMC-SN-2002、IMC-SN-2003
需要解綁定的授權序列號：IMC-SN-2003

附件：原伺服器主機資訊檔、蓋章之承諾書（解綁定專用）。"""
root = multipart("mixed", "----=_NextPart_000_0007_01DCBC61.2A3B4C50", [
    text(t, "utf-8", "base64"),
    att("原伺服器主機資訊.txt", hostinfo("tainan-orig"), "text/plain"),
    att("承諾書（解綁定專用）_蓋章.pdf", pdf("H3C License Exception Commitment Letter (unbind only) - stamped"), "application/pdf"),
])
mail("09b-unbind-complete-trad.eml", message(
    std(addr("蔡明哲", "mz.tsai@southsi.example.tw"), "iMC License解綁申請",
        "Thu, 26 Mar 2026 08:08:08 +0800", "<000701dcbc61$2a3b4c50$7e8f9a0b$@southsi.example.tw>",
        [("X-Mailer", "Microsoft Outlook 16.0")]), root),
    "forward", "unbind",
    why="Traditional-Chinese partial unbind (解綁/解除綁定, 1 of 3 serials) with the old server's host info file (原伺服器主機資訊.txt) and a stamped 承諾書（解綁定專用）PDF.")

# 10a ---- unbind with the general letter, English
t = """Hello,

We would like to unbind one serial of our iMC license from the current server and use it on a lab server.

End user organization: Woodgrove Insurance
End user contact: Ryan Cooper
End user phone: +1 555 0142 880
Reseller engineer: Grace Lee
Reseller engineer phone: +1 555 0142 990
License key: IMC-PLAT-A1C3-E5G7-B2D4

Original serials: IMC-SN-6001, IMC-SN-6002
Serials to unbind: IMC-SN-6002

Attached are the license file and the stamped H3C License Exception Application and Commitment Letter.

Grace"""
root = multipart("mixed", "=-Xq3v9Lm2Rt8Zp0Yk5Wd1", [
    text(t, "utf-8", "quoted-printable"),
    att("woodgrove_imc.lic", lic("woodgrove"), "application/octet-stream"),
    att("License_Exception_Commitment_Letter_stamped.pdf", pdf("H3C License Exception Application and Commitment Letter - stamped"), "application/pdf"),
])
mail("10a-unbind-general-letter-en.eml", message(
    std(addr("Grace Lee", "grace.lee@margie-travel-it.example.com"), "Request to unbind an iMC license serial",
        "Fri, 27 Mar 2026 17:25:00 -0700", "<d41d8cd98f00b204e9800998ecf8427e@margie-travel-it.example.com>",
        [("User-Agent", "Mutt/2.2.12 (2023-09-09)")]), root),
    "request_materials", "unbind", ["unbind_letter"], ["wrong_letter"],
    why="English partial unbind that attaches the general 'License Exception Application and Commitment Letter' (no unbind wording) instead of the unbind-only one.")

# 10b ---- unbind with the general letter as JPG, GBK, also no agent phone
t = """您好：

现申请解除绑定iMC部分授权（3个序列号中解绑1个），资料如下：

最终用户单位名称：杭州市余杭区政务服务中心
用户联系人：钱晓东
用户联系方式：0571-5555-0108
代理商工程师姓名：何伟
授权码：IMC-PLAT-9E7C-5A3B-1D2F
原授权序列号：IMC-SN-7001、IMC-SN-7002、IMC-SN-7003
需要解绑定的授权序列号：IMC-SN-7002

附件为老服务器License文件和盖章承诺书。"""
root = multipart("mixed", "----=_001_NextPart143377520861_=----", [
    multipart("alternative", "----=_002_NextPart620381915742_=----", [
        text(t, "gbk", "base64"), text(html_foxmail(t), "gbk", "base64", "html")]),
    att("老服务器License.lic", lic("yuhang-old"), "application/octet-stream", "gbk"),
    att("《H3C业务软件License例外申请及承诺书》盖章.jpg", jpeg(), "image/jpeg", "gbk"),
])
mail("10b-unbind-general-letter-gbk.eml", message(
    std(addr("何伟", "hewei@zjsi.example.cn", "gbk"), "申请解除绑定（iMC部分授权）",
        "Mon, 30 Mar 2026 11:11:11 +0800", "<202603301111117654321@zjsi.example.cn>",
        [("X-Mailer", "Foxmail 7.2.25.228[cn]")], cs="gbk"), root),
    "request_materials", "unbind", ["agent_phone", "unbind_letter"], ["wrong_letter"],
    why="GBK unbind (解除绑定, 1 of 3 serials) with the general 《…承诺书》 JPG instead of the unbind-only letter and no reseller engineer phone.")

# 11a ---- unbind of all serials (same set, other order), unbind letter attached, English
t = """Hello,

Please unbind our iMC license serials from the old server.

End user organization: Proseware Logistics
End user contact: Nina Patel
End user phone: +65 5550 1234
Reseller engineer: Ken Ong
Reseller engineer phone: +65 5550 5678
License key: IMC-PLAT-FA12-EB34-DC56

Original license serials: IMC-SN-3001; IMC-SN-3002; IMC-SN-3003
Serials to unbind: IMC-SN-3003; IMC-SN-3001; IMC-SN-3002

The old server's license file and our stamped unbind commitment letter are attached.

Ken"""
root = multipart("mixed", "----sinikael-?=_1-17749152000000.123456789", [
    text(t, "utf-8", "7bit"),
    att("proseware_old_server.lic", lic("proseware-old"), "application/octet-stream"),
    att("Unbind_Commitment_Letter_stamped.pdf", pdf("H3C License Exception Commitment Letter (Unbind only) - stamped"), "application/pdf"),
])
mail("11a-unbind-all-serials-en.eml", message(
    std(addr("Ken Ong", "ken.ong@proseware-si.example.sg"), "iMC license unbind request",
        "Tue, 31 Mar 2026 09:00:00 +0800", "<b7e2c1a0-5d4f-4e3b-9a8c-7f6e5d4c3b2a@proseware-si.example.sg>",
        [("X-Mailer", "Nodemailer (6.9.13; +https://nodemailer.com/)")]), root),
    "request_materials", "hardware_change", ["new_host_info", "commitment_letter"], ["unbind_all_serials", "wrong_letter"],
    why="Unbind whose serials to unbind are all three original serials in another order: hardware change instead, lacking new host info and the general letter (the attached unbind-only letter is the wrong one).")

# 11b ---- unbind of all serials stated in words (全部)
t = """您好，

我们要把iMC的授权从这台服务器上解绑，原License里的序列号全部都要解绑。

最终用户单位名称：合肥市轨道交通集团
用户联系人：孙丽
用户联系方式：0551-5555-0177
代理商工程师姓名：周杰
代理商工程师联系方式：150-0000-3344
授权码：IMC-PLAT-C0DE-1234-ABCD

变更前原License授权中包含的授权序列号列表：IMC-SN-4001、IMC-SN-4002
需要解绑定的授权序列号：全部

附件是旧服务器的主机信息文件，解绑承诺书盖章后再发。"""
root = multipart("mixed", "----=_Part_77_1024.1775001600000", [
    text(t, "utf-8", "quoted-printable"),
    att("旧服务器主机信息.txt", hostinfo("hefei-old"), "text/plain"),
])
mail("11b-unbind-all-serials-in-words-zh.eml", message(
    std(addr("周杰", "zhoujie@ahsi.example.cn"), "申请License解绑",
        "Wed, 1 Apr 2026 10:30:00 +0800", "<1775010600000.77.zhoujie@ahsi.example.cn>",
        [("X-Mailer", "Microsoft Outlook 16.0")]), root),
    "request_materials", "hardware_change", ["new_host_info", "commitment_letter"], ["unbind_all_serials"],
    why="Unbind where the serials to unbind are given as 全部 (and 序列号全部都要解绑): hardware change instead, lacking new host info and the general stamped letter.")

# 12a ---- ask scenario, English
t = """Hello,

We run XLog at Tailspin Toys (auth code XLOG-6B2C-8D4E-0F1A). Our account manager told us to contact this mailbox about a license exception. What exactly do we need to send you?

Thanks,
Kevin Zhou
Tailspin Toys IT"""
root = text(t, "utf-8", "7bit", params="; format=flowed")
mail("12a-ask-scenario-en.eml", message(
    std(addr("Kevin Zhou", "kevin.zhou@tailspin.example.com"), "Question about an XLog license exception",
        "Thu, 2 Apr 2026 15:45:00 -0400", "<CAKz9vT1x2Y3z4A5b6C7d8E9f0G1h2I3j4K5l6M7n8@mail.example.com>"), root),
    "ask_scenario",
    why="English question about an XLog license exception with an auth code but no recovery, hardware-change or unbind cue.")

# 12b ---- ask scenario, GB2312 Outlook
t = """您好！

我们单位使用iMC平台，授权码：IMC-PLAT-1357-9BDF-2468。
听说License有例外申请流程，想了解一下具体怎么办理、需要准备哪些材料？

盼复，谢谢。
苏州工业园区某单位 信息科 顾磊"""
root = multipart("alternative", "----=_NextPart_000_0003_01DCC2A5.11223340", [
    text(t, "gb2312", "base64"), text(html_outlook(t, "gb2312"), "gb2312", "base64", "html")])
mail("12b-ask-scenario-gb2312.eml", message(
    std(addr("顾磊", "gulei@sipgov.example.cn", "gb2312"), "咨询：iMC License例外申请",
        "Fri, 3 Apr 2026 09:30:00 +0800", "<000301dcc2a5$11223340$33445566$@sipgov.example.cn>",
        [("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "zh-cn")], cs="gb2312"), root),
    "ask_scenario",
    why="GB2312 Outlook enquiry about the iMC License例外申请 process with an auth code and no cue for any of the three processes.")

# 13a ---- zip with GBK (CP936) entry names, no UTF-8 flag
t = """您好：

iMC服务器已更换，申请License硬件变更。材料已打包在附件压缩包中（旧服务器License、新服务器主机信息、盖章承诺书）。

最终用户单位名称：南京市江宁区人民医院
用户联系人：冯涛
用户联系方式：025-5555-0111
代理商工程师姓名：蒋欣
代理商工程师联系方式：188-0000-6677
授权码：IMC-PLAT-5E6F-7A8B-9C0D

蒋欣"""
zgbk = zipbytes([("旧服务器License.lic".encode("gbk"), lic("jiangning-old"), 0),
                 ("新服务器主机信息.txt".encode("gbk"), hostinfo("jiangning-new"), 0),
                 ("承诺书盖章.pdf".encode("gbk"), pdf("H3C License Exception - stamped"), 0)], made_by=0x0014)
root = multipart("mixed", "----=_001_NextPart880127345611_=----", [
    multipart("alternative", "----=_002_NextPart880127345612_=----", [
        text(t, "gbk", "base64"), text(html_foxmail(t), "gbk", "base64", "html")]),
    att("申请材料.zip", zgbk, "application/x-zip-compressed", "gbk"),
])
mail("13a-hardware-change-zip-gbk-names.eml", message(
    std(addr("蒋欣", "jiangxin@njsi.example.cn", "gbk"), "iMC硬件变更申请材料（压缩包）",
        "Mon, 6 Apr 2026 14:00:00 +0800", "<202604061400001122334@njsi.example.cn>",
        [("X-Mailer", "Foxmail 7.2.25.228[cn]")], cs="gbk"), root),
    "forward", "hardware_change", notes=["from_archive"],
    why="Hardware change whose three files sit in 申请材料.zip with CP936/GBK entry names (no UTF-8 flag, as Windows zips them); fields in the body.")

# 13b ---- zip with nested folders and macOS junk
t = """Hi,

Hardware change for iMC: the server at our customer was replaced. All the files are in the attached zip (old_server / new_server / letter folders).

End user organization: Blue Yonder Airlines
End user contact: Marco Rossi
End user phone: +39 02 5555 0199
Reseller engineer: Elena Bianchi
Reseller engineer phone: +39 02 5555 0288
Auth code: IMC-PLAT-B1B2-B3B4-B5B6

Elena"""
zmac = zipbytes([
    (b"LX-materials/", None, 0),
    (b"LX-materials/old_server/", None, 0),
    (b"LX-materials/old_server/license.lic", lic("blueyonder-old"), 0),
    (b"LX-materials/new_server/", None, 0),
    (b"LX-materials/new_server/hostinfo.txt", hostinfo("blueyonder-new"), 0),
    (b"LX-materials/letter/", None, 0),
    (b"LX-materials/letter/commitment_letter_stamped.pdf", pdf("H3C License Exception - stamped"), 0),
    (b"__MACOSX/", None, 0),
    (b"__MACOSX/LX-materials/", None, 0),
    (b"__MACOSX/LX-materials/old_server/._license.lic", b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        " + b"\x00" * 40, 0),
    (b"__MACOSX/LX-materials/letter/._commitment_letter_stamped.pdf", b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        " + b"\x00" * 40, 0),
], made_by=0x031E)
root = multipart("mixed", "Apple-Mail=_5C4B3A29-1807-4F6E-8D7C-6B5A49382716", [
    text(t, "us-ascii", "7bit"),
    att("LX-materials.zip", zmac, "application/zip"),
])
mail("13b-hardware-change-zip-nested-folders.eml", message(
    std(addr("Elena Bianchi", "elena.bianchi@fabrikam-it.example.it"), "Hardware change - iMC - materials in zip",
        "Tue, 7 Apr 2026 11:20:00 +0200", "<5C4B3A29-1807-4F6E-8D7C-6B5A49382716@fabrikam-it.example.it>",
        [("X-Mailer", "Apple Mail (2.3774.300.61.1.2)")]), root),
    "forward", "hardware_change", notes=["from_archive"],
    why="Hardware change whose files sit in nested folders of a macOS zip (old_server/license.lic, new_server/hostinfo.txt, letter/…pdf) next to __MACOSX/._ junk entries.")

# 14a ---- Outlook forward with the request as an attached item (message/rfc822)
inner_t = """李工：

我们需要把iMC的1个授权序列号从原服务器上解绑，用到新采购的服务器上。附件是原服务器的License文件和盖好章的解绑定专用承诺书，麻烦您帮忙提交。

郭静
无锡市滨湖区教育局"""
inner = message(
    std(addr("郭静", "guojing@bhedu.example.cn", "gb2312"), "申请License解绑", "Wed, 8 Apr 2026 09:00:00 +0800",
        "<000101dcc6f1$aa11bb22$cc33dd44$@bhedu.example.cn>", [("X-Mailer", "Microsoft Outlook 16.0")],
        to=addr("李明", "liming@wxsi.example.cn", "gb2312"), cs="gb2312"),
    multipart("mixed", "----=_NextPart_000_0001_01DCC6F1.AA11BB22", [
        text(inner_t, "gb2312", "base64"),
        att("原服务器License.lic", lic("binhu-orig"), "application/octet-stream", "gb2312"),
        att("解绑定专用承诺书_盖章.jpg", jpeg(), "image/jpeg", "gb2312"),
    ]))
t = """您好，

转发客户的解绑申请（原邮件见附件），请处理。补充信息如下：

最终用户单位名称：无锡市滨湖区教育局
用户联系人：郭静
用户联系方式：0510-5555-0123
代理商工程师姓名：李明
代理商工程师联系方式：139-0000-8899
授权码：IMC-PLAT-D4E5-F6A7-B8C9
原授权序列号：IMC-SN-5001、IMC-SN-5002、IMC-SN-5003、IMC-SN-5004
需要解绑定的授权序列号：IMC-SN-5001

李明"""
root = multipart("mixed", "_004_HK0PR03MB4417A0B1C2D3E4F5A6B7examplecn_", [
    multipart("alternative", "_000_HK0PR03MB4417A0B1C2D3E4F5A6B7examplecn_", [
        text(t, "gb2312", "base64"), text(html_outlook(t, "gb2312"), "gb2312", "base64", "html")]),
    part([("Content-Type", 'message/rfc822;\r\n\tname="%s"' % " ".join(enc_words("申请License解绑.eml", "gb2312"))),
          ("Content-Disposition", "attachment;\r\n\tfilename=\"%s\"" % " ".join(enc_words("申请License解绑.eml", "gb2312")))],
         inner),
])
mail("14a-unbind-forwarded-outlook.eml", message(
    std(addr("李明", "liming@wxsi.example.cn", "gb2312"), "FW: 申请License解绑",
        "Wed, 8 Apr 2026 10:12:00 +0800", "<HK0PR03MB4417A0B1C2D3E4F5A6B7@HK0PR03MB4417.apcprd03.prod.example.cn>",
        [("Thread-Topic", h("申请License解绑", "gb2312")), ("Accept-Language", "zh-CN, en-US"),
         ("X-MS-Has-Attach", "yes")], cs="gb2312"), root),
    "forward", "unbind", notes=["from_forwarded"],
    why="Outlook 'FW:' with the customer's unbind mail attached as an item (message/rfc822, GB2312) holding the license file and 解绑定专用承诺书 JPG; fields in the reseller's text.")

# 14b ---- Thunderbird forward-as-attachment; everything inside the attached mail
inner_t = """您好，

申请iMC License解绑（5个序列号中解绑2个），资料如下：

最终用户单位名称：宁波港集团信息中心
用户联系人：应晓峰
用户联系方式：0574-5555-0166
代理商工程师姓名：虞静
代理商工程师联系方式：133-0000-2211
授权码：IMC-PLAT-1F2E-3D4C-5B6A
变更前原License授权中包含的授权序列号列表：IMC-SN-8001、IMC-SN-8002、IMC-SN-8003、IMC-SN-8004、IMC-SN-8005
需要解绑定的授权序列号：IMC-SN-8004、IMC-SN-8005

附件：老服务器License文件、盖章的承诺书（解绑定专用）。"""
inner = message(
    std(addr("应晓峰", "yingxf@nbport.example.cn"), "License解绑申请 - 宁波港", "Thu, 9 Apr 2026 08:30:00 +0800",
        "<SEZPR06MB6812B0A1C2D3E4F5A6B7@SEZPR06MB6812.apcprd06.prod.example.cn>",
        [("Content-Language", "zh-CN")], to=addr("虞静", "yujing@nbsi.example.cn")),
    multipart("mixed", "_003_SEZPR06MB6812B0A1C2D3E4F5A6B7examplecn_", [
        multipart("alternative", "_000_SEZPR06MB6812B0A1C2D3E4F5A6B7examplecn_", [
            text(inner_t, "utf-8", "base64"), text(html_outlook(inner_t, "utf-8"), "utf-8", "base64", "html")]),
        att("老服务器License.lic", lic("nbport-old"), "application/octet-stream"),
        att("承诺书（解绑定专用）盖章.pdf", pdf("H3C License Exception Commitment Letter (unbind only) - stamped"), "application/pdf"),
    ]))
t = """转发宁波港的解绑申请，资料都在附件邮件里，请处理。

虞静"""
root = multipart("mixed", "------------0Zk3nQ8vB2xR7mT4pL9sW1cE", [
    text(t, "utf-8", "8bit", params="; format=flowed"),
    part([("Content-Type", 'message/rfc822; charset=UTF-8;\r\n name="%s"' % " ".join(enc_words("License解绑申请 - 宁波港.eml"))),
          ("Content-Disposition", "attachment;\r\n filename*0*=UTF-8''License%E8%A7%A3%E7%BB%91%E7%94%B3%E8%AF%B7%20;\r\n"
           " filename*1*=-%20%E5%AE%81%E6%B3%A2%E6%B8%AF.eml")], inner),
], preamble=b"This is a multi-part message in MIME format.\r\n")
mail("14b-unbind-forwarded-thunderbird.eml", message(
    std(addr("虞静", "yujing@nbsi.example.cn"), "Fwd: License解绑申请 - 宁波港",
        "Thu, 9 Apr 2026 09:05:00 +0800", "<e3f4a5b6-c7d8-4e9f-a0b1-c2d3e4f5a6b7@nbsi.example.cn>",
        [("User-Agent", "Mozilla Thunderbird"), ("Content-Language", "zh-CN")]), root),
    "forward", "unbind", notes=["from_forwarded"],
    why="Thunderbird forward-as-attachment: the reseller writes one line; fields, serials (2 of 5), license file and unbind-only letter are all inside the attached message/rfc822.")

# 15a ---- Exchange out-of-office (Auto-Submitted: auto-generated)
t = """I am out of the office until 16 March with limited access to email.
For urgent matters about the server replacement and the license transfer, please contact my colleague Peter de Vries.

Anna Kowalski"""
root = multipart("alternative", "_000_DB9PR02MB7210C1D2E3F4A5B6C7D8northwindexampleorg_", [
    text(t, "us-ascii", "quoted-printable"), text(html_outlook(t, "us-ascii"), "us-ascii", "quoted-printable", "html")])
mail("15a-ignore-exchange-automatic-reply.eml", message(
    std(addr("Anna Kowalski", "anna.kowalski@northwind.example.org"),
        "Automatic reply: [LX-20260311-0004] Re: iMC license transfer to a replacement server",
        "Wed, 11 Mar 2026 14:05:12 +0000", "<DB9PR02MB7210C1D2E3F4A5B6C7D8@DB9PR02MB7210.eurprd02.prod.example.org>",
        [("Thread-Topic", "[LX-20260311-0004] Re: iMC license transfer to a replacement server"),
         ("In-Reply-To", "<lx-20260311-0004.1@example.test>"), ("References", "<lx-20260311-0004.1@example.test>"),
         ("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All"),
         ("X-MS-Exchange-Inbox-Rules-Loop", "anna.kowalski@northwind.example.org"),
         ("Content-Language", "en-US")]), root),
    "ignore", reason="auto_submitted",
    why="Exchange out-of-office ('Automatic reply:', Auto-Submitted: auto-generated, X-Auto-Response-Suppress) that talks about the server replacement.")

# 15b ---- Chinese webmail vacation reply without Auto-Submitted (X-Autoreply)
t = """您好，我正在休假，4月13日返回，期间无法及时查看邮件。
如有License硬件变更相关的紧急事项，请致电0513-8555-0100。

---------- 原始邮件 ----------
发件人：intake@example.test
主题：[LX-20260409-0011] Re: 更换服务器后License迁移申请（iMC）
> 您的申请还缺少以下材料：授权码"""
root = text(t, "utf-8", "base64")
mail("15b-ignore-cn-vacation-xautoreply.eml", message(
    std(addr("周建国", "zhoujg@nt-hospital.example.cn"), "自动回复：[LX-20260409-0011] Re: 更换服务器后License迁移申请（iMC）",
        "Thu, 9 Apr 2026 16:21:00 +0800", "<autoreply.1775722860.7731@nt-hospital.example.cn>",
        [("In-Reply-To", "<lx-20260409-0011.1@example.test>"), ("X-Autoreply", "yes"),
         ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 example")]), root),
    "ignore", reason="auto_submitted",
    why="Chinese webmail vacation reply marked only by X-Autoreply: yes and a 自动回复： subject (full-width colon), no Auto-Submitted header; quotes a hardware-change request.")

# 16a ---- Exchange Online NDR from MicrosoftExchange…@ (not MAILER-DAEMON)
orig = message(
    [("From", INTAKE), ("To", "old.contact@northwind.example.org"),
     ("Subject", "[LX-20260311-0004] Re: iMC license transfer to a replacement server"),
     ("Date", "Wed, 11 Mar 2026 13:50:00 +0000"), ("Message-ID", "<lx-20260311-0004.1@example.test>"),
     ("Auto-Submitted", "auto-replied"), ("MIME-Version", "1.0")],
    text("您的申请还缺少以下材料 / Still missing: end_user_phone, auth_code\n", "utf-8", "base64"))
ndr_t = """Your message to old.contact@northwind.example.org couldn't be delivered.
old.contact wasn't found at northwind.example.org.

intake   Office 365   old.contact
Action Required                     Recipient
Unknown To address

How to Fix It
The address may be misspelled or may not exist."""
dsn = ("Reporting-MTA: dns;AM0PR02MB5555.eurprd02.prod.example.org\r\n"
       "Received-From-MTA: dns;mail.example.test\r\nArrival-Date: Wed, 11 Mar 2026 13:50:01 +0000\r\n\r\n"
       "Final-Recipient: rfc822;old.contact@northwind.example.org\r\nAction: failed\r\nStatus: 5.1.10\r\n"
       "Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup\r\n").encode()
root = multipart("report", "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", [
    multipart("alternative", "f6e5d4c3-b2a1-4098-8765-43210fedcba9", [
        text(ndr_t, "us-ascii", "quoted-printable"), text(html_gmail(ndr_t), "us-ascii", "quoted-printable", "html")]),
    part([("Content-Type", "message/delivery-status")], dsn),
    part([("Content-Type", "message/rfc822")], orig),
], extra=" report-type=delivery-status;")
mail("16a-ignore-exchange-ndr.eml", message(
    [("Return-Path", "<>"), ("From", addr("Microsoft Outlook", "MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@northwind.example.org")),
     ("To", INTAKE), ("Date", "Wed, 11 Mar 2026 13:50:03 +0000"),
     ("Subject", "Undeliverable: [LX-20260311-0004] Re: iMC license transfer to a replacement server"),
     ("Message-ID", "<8f7e6d5c-4b3a-4291-8071-6f5e4d3c2b1a@AM0PR02MB5555.eurprd02.prod.example.org>"),
     ("In-Reply-To", "<lx-20260311-0004.1@example.test>"),
     ("X-MS-Exchange-Message-Is-Ndr", ""), ("Content-Language", "en-US"), ("MIME-Version", "1.0")], root),
    "ignore", reason="bounce",
    why="Exchange Online NDR ('Undeliverable:', multipart/report delivery-status) from a MicrosoftExchange…@ address, not MAILER-DAEMON/postmaster.")

# 16b ---- qmail bounce: plain text, no MIME report
t = """Hi. This is the qmail-send program at mx1.dragon.example.net.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<li.ming@dragon.example.net>:
Sorry, no mailbox here by that name. (#5.1.1)

--- Below this line is a copy of the message.

Return-Path: <intake@example.test>
Received: (qmail 28817 invoked from network); 10 Apr 2026 02:01:00 -0000
From: intake@example.test
To: li.ming@dragon.example.net
Subject: [LX-20260410-0002] Re: License hardware change
Message-ID: <lx-20260410-0002.1@example.test>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii

Your hardware change request is still missing: auth code, new host info file,
stamped commitment letter.
"""
mail("16b-ignore-qmail-bounce.eml", message(
    [("Return-Path", "<>"), ("Received", "(qmail 28820 invoked for bounce); 10 Apr 2026 02:01:01 -0000"),
     ("Date", "10 Apr 2026 02:01:01 -0000"), ("From", "MAILER-DAEMON@mx1.dragon.example.net"),
     ("To", INTAKE), ("Subject", "failure notice")],
    CRLF + t.replace("\n", "\r\n").encode()),
    "ignore", reason="bounce",
    why="qmail 'failure notice': plain text with no MIME or delivery-status part, the returned copy (with hardware-change wording) inline below the line.")

# 17a ---- Google Groups post (List-ID, Mailing-list, no Precedence), To the group
t = """Hi all,

How do I do a License hardware change for iMC? We replaced our server last week.
Auth code: IMC-PLAT-0000-1111-2222 (ours, in case it matters)

Thanks,
Zhang San

-- 
You received this message because you are subscribed to the Google Groups "iMC Users" group.
To unsubscribe from this group and stop receiving emails from it, send an email to imc-users+unsubscribe@groups.example.com."""
root = multipart("alternative", "0000000000009f8e7d06123abcde", [
    text(t, "utf-8", "quoted-printable"), text(html_gmail(t), "utf-8", "quoted-printable", "html")])
mail("17a-ignore-google-groups.eml", message(
    [("Delivered-To", INTAKE), ("From", "'Zhang San' via iMC Users <imc-users@groups.example.com>"),
     ("Reply-To", "zhang.san@cust.example.com"), ("To", '"iMC Users" <imc-users@groups.example.com>'),
     ("Subject", "[imc-users] How to do License hardware change for iMC?"),
     ("Date", "Fri, 10 Apr 2026 03:12:00 -0700"), ("Message-ID", "<c0ffee12-3456-4789-abcd-ef0123456789n@groups.example.com>"),
     ("X-Original-Sender", "zhang.san@cust.example.com"), ("Mailing-list", "list imc-users@groups.example.com; contact imc-users+owners@groups.example.com"),
     ("List-ID", "<imc-users.groups.example.com>"), ("X-Google-Group-Id", "123456789012"),
     ("List-Post", "<https://groups.example.com/group/imc-users/post>, <mailto:imc-users@groups.example.com>"),
     ("List-Help", "<https://support.example.com/groups>, <mailto:imc-users+help@groups.example.com>"),
     ("List-Archive", "<https://groups.example.com/group/imc-users/>"),
     ("List-Unsubscribe", "<mailto:groups-manage+123456789012+unsubscribe@groups.example.com>,\r\n <https://groups.example.com/group/imc-users/subscribe>"),
     ("MIME-Version", "1.0")], root),
    "ignore", reason="list",
    why="Google-Groups-style post (List-ID, Mailing-list, List-Unsubscribe; no Precedence) To the group, asking about hardware change with an auth code.")

# 17b ---- Coremail-style list, To the intake address, List-Id with encoded phrase, Sender
t = """各位同行好：

请教一下，iMC的License找回流程是怎样的？我们局点的激活文件丢失了，需要提供哪些材料？
局点名称：某市电力调度中心

谢谢！

_______________________________________________
网管用户交流 邮件列表
退订请发送邮件至 netops-leave@lists.example.cn"""
root = text(t, "utf-8", "base64")
mail("17b-ignore-coremail-list.eml", message(
    [("From", addr("赵磊", "zhaolei@power.example.cn")), ("Sender", "netops-bounces@lists.example.cn"),
     ("To", INTAKE), ("Subject", h("[网管交流] 请教License找回流程")),
     ("Date", "Sat, 11 Apr 2026 20:00:00 +0800"), ("Message-ID", "<2026041120000012345.zhaolei@power.example.cn>"),
     ("List-Id", "%s <netops.lists.example.cn>" % h("网管用户交流")),
     ("List-Unsubscribe", "<mailto:netops-leave@lists.example.cn>"),
     ("List-Post", "<mailto:netops@lists.example.cn>"),
     ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 example"), ("MIME-Version", "1.0")], root),
    "ignore", reason="list",
    why="Chinese list mail delivered personally To the intake address (List-Id with an encoded phrase, List-Unsubscribe, Sender bounces; no Precedence) asking how 找回 works.")

# 18a ---- do-not-reply@ notification
t_html = """<html><body><table width="600"><tr><td>
<p>Dear customer,</p>
<p>The status of your License hardware change application <b>HC-2026-000317</b> has changed to <b>In review</b>.</p>
<p>Auth code: IMC-PLAT-9999-8888-7777</p>
<p>This mailbox is not monitored. Please do not reply to this email.</p>
</td></tr></table></body></html>"""
root = text(t_html, "utf-8", "quoted-printable", "html")
mail("18a-ignore-do-not-reply.eml", message(
    std(addr("License Portal", "do-not-reply@portal.example.com"), "Your license application status changed",
        "Mon, 13 Apr 2026 02:00:00 +0000", "<0100018f2a3b4c5d-1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d-000000@portal.example.com>",
        [("X-SES-Outgoing", "2026.04.13-203.0.113.10")]), root),
    "ignore", reason="noreply",
    why="HTML notification from do-not-reply@ (hyphenated variant) about a hardware-change application with an auth code.")

# 18b ---- donotreply@ with a Chinese display name
t = """尊敬的客户：

您的License解绑申请（编号UB-2026-0421）已受理，工程师将在3个工作日内处理。
授权码：IMC-PLAT-4321-8765-CBA9

本邮件由系统自动发出，请勿直接回复。"""
root = text(t, "gbk", "base64")
mail("18b-ignore-donotreply-cn.eml", message(
    std(addr("服务平台（请勿回复）", "donotreply@service.example.cn", "gbk"), "【通知】您的License解绑申请已受理",
        "Tue, 14 Apr 2026 09:00:00 +0800", "<notify.20260414090000.55821@service.example.cn>", cs="gbk"), root),
    "ignore", reason="noreply",
    why="GBK notification from donotreply@ (no separator) with display name 服务平台（请勿回复） about an unbind application.")

# 19a ---- own address, mixed case with a display name
t = """FYI, forwarding a request that came in by phone:

-----Original Message-----
From: Chen Hui <chenhui@lakeside.example.cn>
Sent: Wednesday, April 15, 2026 9:00 AM
Subject: License recovery

We lost the activation file.
Site name: Lakeside Water Plant
Auth code: XLOG-2468-ACE0-1357"""
root = text(t, "us-ascii", "7bit")
mail("19a-ignore-own-address-mixed-case.eml", message(
    std('"License Intake Desk" <Intake@Example.TEST>', "FW: License recovery",
        "Wed, 15 Apr 2026 10:00:00 +0800", "<own.20260415100000@example.test>"), root),
    "ignore", reason="own_address",
    why="From our own address written Intake@Example.TEST with a display name: an admin forwarding a recovery request from inside the mailbox.")

# 19b ---- own address, upper case, GB2312 encoded display name, To with display name
t = """转发给受理邮箱处理：

-----原始邮件-----
发件人: 郑华 <zhenghua@cqsi.example.cn>
发送时间: 2026年4月16日 9:30
主题: 硬件变更申请

最终用户单位名称：重庆市两江新区数据中心
授权码：IMC-PLAT-1029-3847-5610
服务器已更换，申请License硬件变更。"""
root = text(t, "gb2312", "base64")
mail("19b-ignore-own-address-upper-cn.eml", message(
    std("%s <INTAKE@EXAMPLE.TEST>" % h("许可受理邮箱", "gb2312"), "转发: 硬件变更申请",
        "Thu, 16 Apr 2026 10:00:00 +0800", "<own.20260416100000@example.test>",
        to="%s <intake@example.test>" % h("许可受理", "gb2312"), cs="gb2312"), root),
    "ignore", reason="own_address",
    why="From INTAKE@EXAMPLE.TEST (upper case) with a GB2312-encoded display name, To with a display name: our own mail forwarding a hardware-change request.")


def main():
    for fn in os.listdir(HERE):
        if fn.endswith(".eml"):
            os.remove(os.path.join(HERE, fn))
    lines = []
    for fn, data, exp in sorted(MAILS, key=lambda m: m[0]):
        assert b"\n" not in data.replace(b"\r\n", b""), fn
        with open(os.path.join(HERE, fn), "wb") as f:
            f.write(data)
        lines.append(json.dumps(exp, ensure_ascii=False))
    with open(os.path.join(HERE, "expected.jsonl"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %d mails" % len(MAILS))


if __name__ == "__main__":
    main()
