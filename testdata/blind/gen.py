#!/usr/bin/env python3
"""Blind test set for intake (license-exception process, DESIGN.md section 1).

Writes NN-name.eml (RFC 5322/MIME, CRLF) and expected.jsonl into this folder.
Deterministic: fixed dates, Message-IDs, boundaries and file contents.
python3 stdlib only.  Run:  python3 gen.py
"""
import base64
import binascii
import hashlib
import json
import os
import struct
import urllib.parse
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
TO = "intake@example.test"

HW = ["end_user_org", "end_user_contact", "end_user_phone", "agent_engineer",
      "agent_phone", "auth_code", "old_server_file", "new_host_info", "commitment_letter"]
UB = ["end_user_org", "end_user_contact", "end_user_phone", "agent_engineer",
      "agent_phone", "auth_code", "old_server_file", "unbind_letter"]
RC = ["site_name", "auth_code"]


# ---------------------------------------------------------------- encoders

def crlf(s):
    return s.replace("\r\n", "\n").replace("\n", "\r\n")


def b64lines(data):
    enc = base64.b64encode(data).decode("ascii")
    return "\r\n".join(enc[i:i + 76] for i in range(0, len(enc), 76)) + "\r\n"


def qp(data):
    """Quoted-printable of bytes whose lines are separated by \\n."""
    out = []
    for line in data.split(b"\n"):
        enc = binascii.b2a_qp(line, istext=False, header=False)
        out.append(enc.decode("ascii").replace("\n", "\r\n"))
    return "\r\n".join(out) + ("\r\n" if not data.endswith(b"\n") else "")


def ew(text, charset="utf-8", enc="B", maxlen=75):
    """RFC 2047 encoded words, split on characters, folded with CRLF SP."""
    if all(ord(c) < 128 for c in text) and enc != "force":
        return text
    words, cur = [], ""
    prefix = "=?%s?%s?" % (charset, enc)

    def encode(chunk):
        raw = chunk.encode(charset)
        if enc == "B":
            return prefix + base64.b64encode(raw).decode("ascii") + "?="
        q = ""
        for b in raw:
            ch = chr(b)
            if ch.isalnum() and b < 128:
                q += ch
            elif ch == " ":
                q += "_"
            else:
                q += "=%02X" % b
        return prefix + q + "?="

    for c in text:
        if len(encode(cur + c)) > maxlen:
            words.append(encode(cur))
            cur = c
        else:
            cur += c
    if cur:
        words.append(encode(cur))
    return "\r\n ".join(words)


def rfc2231(param, value, charset="utf-8", split=60):
    pct = urllib.parse.quote(value.encode(charset), safe="")
    if len(pct) <= split:
        return "%s*=%s''%s" % (param, charset, pct)
    parts, i, n = [], 0, 0
    while i < len(pct):
        j = min(i + split, len(pct))
        # do not split a %XX escape
        if j < len(pct):
            if pct[j - 1] == "%":
                j += 2
            elif pct[j - 2] == "%":
                j += 1
        parts.append(pct[i:j])
        i = j
    out = []
    for n, p in enumerate(parts):
        if n == 0:
            out.append("%s*0*=%s''%s" % (param, charset, p))
        else:
            out.append("%s*%d*=%s" % (param, n, p))
    return ";\r\n ".join(out)


# ---------------------------------------------------------------- MIME tree

class Part:
    def __init__(self, headers, body=None, children=None, boundary=None):
        self.headers = headers      # list of (name, value) – value already encoded
        self.body = body            # str, already transfer-encoded, CRLF
        self.children = children or []
        self.boundary = boundary

    def render(self):
        out = "".join("%s: %s\r\n" % (k, v) for k, v in self.headers) + "\r\n"
        if self.children:
            out += "This is a multi-part message in MIME format.\r\n\r\n" if self.boundary.startswith("----=_") else ""
            for c in self.children:
                out += "--%s\r\n" % self.boundary + c.render()
                if not out.endswith("\r\n"):
                    out += "\r\n"
            out += "--%s--\r\n" % self.boundary
        else:
            out += self.body
        return out


def multipart(subtype, boundary, children, extra=None):
    return Part([("Content-Type", 'multipart/%s;\r\n\tboundary="%s"' % (subtype, boundary))] + (extra or []),
                children=children, boundary=boundary)


def text(body, subtype="plain", charset="utf-8", cte="base64", params="", extra=None):
    raw = body.replace("\r\n", "\n").encode(charset)
    if cte == "base64":
        enc = b64lines(raw.replace(b"\n", b"\r\n"))
    elif cte == "quoted-printable":
        enc = qp(raw)
    else:  # 7bit / 8bit
        enc = raw.decode(charset).replace("\n", "\r\n")
        if not enc.endswith("\r\n"):
            enc += "\r\n"
    ct = 'text/%s; charset="%s"%s' % (subtype, charset, params)
    return Part([("Content-Type", ct), ("Content-Transfer-Encoding", cte)] + (extra or []), body=enc)


def att(name, data, ctype, style="2047-utf-8", disp="attachment", extra=None, cte="base64"):
    """style: plain | 2047-<charset> | 2231-<charset> | 2047name-2231file"""
    if style == "plain":
        nm = '"%s"' % name
        ct = '%s; name=%s' % (ctype, nm)
        cd = '%s; filename=%s' % (disp, nm)
    elif style.startswith("2047-"):
        cs = style[5:]
        nm = '"%s"' % ew(name, cs, "B", maxlen=1000)
        ct = '%s;\r\n\tname=%s' % (ctype, nm)
        cd = '%s;\r\n\tfilename=%s' % (disp, nm)
    elif style.startswith("2231-"):
        cs = style[5:]
        ct = '%s;\r\n\t%s' % (ctype, rfc2231("name", name, cs))
        cd = '%s;\r\n\t%s' % (disp, rfc2231("filename", name, cs))
    elif style == "apple":
        # Apple Mail: filename*=utf-8''... on disposition, name in type via 2231 too
        ct = '%s;\r\n\t%s' % (ctype, rfc2231("name", name))
        cd = '%s;\r\n\t%s' % (disp, rfc2231("filename", name))
    else:
        raise ValueError(style)
    hdrs = [("Content-Type", ct)]
    if style == "apple":
        hdrs = [("Content-Disposition", cd), ("Content-Type", ct)]
    else:
        hdrs.append(("Content-Disposition", cd))
    hdrs.append(("Content-Transfer-Encoding", cte))
    if cte == "base64":
        body = b64lines(data)
    else:
        body = data.decode("ascii")
    return Part(hdrs + (extra or []), body=body)


def message(headers, root):
    """headers: list of (name, value); root: Part (its headers are appended)."""
    top = [("MIME-Version", "1.0")] if not any(k.lower() == "mime-version" for k, _ in headers) else []
    p = Part(headers + top + root.headers, body=root.body, children=root.children, boundary=root.boundary)
    return p.render().encode("utf-8")


# ---------------------------------------------------------------- fake files

def prng(seed, n):
    out = b""
    i = 0
    while len(out) < n:
        out += hashlib.sha256(("%s/%d" % (seed, i)).encode()).digest()
        i += 1
    return out[:n]


def lic_file(seed, product="iMC"):
    body = base64.b64encode(prng(seed, 360)).decode()
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return ("[License]\nProduct=%s\nVersion=7.3\nSerial=%s\n[Data]\n%s\n" % (
        product, hashlib.md5(seed.encode()).hexdigest().upper()[:20], "\n".join(lines))).replace("\n", "\r\n").encode()


def ak_file(seed):
    return b"AK\x01\x00" + prng(seed, 508)


def host_file(seed, hostname):
    h = hashlib.sha1(seed.encode()).hexdigest().upper()
    return ("HostInfo Version=2.0\nHostName=%s\nOS=Windows Server 2019 Standard\n"
            "CPU=Intel(R) Xeon(R) Silver 4214R\nMAC=%s-%s-%s-%s-%s-%s\nDiskSN=%s\nHostID=%s\n" % (
                hostname, h[0:2], h[2:4], h[4:6], h[6:8], h[8:10], h[10:12], h[12:24], h[:32])
            ).replace("\n", "\r\n").encode()


def pdf_file(label):
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        None,
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    stream = "BT /F1 12 Tf 72 770 Td (%s) Tj ET" % label
    objs[3] = "<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
    out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(out.encode("latin-1")))
        out += "%d 0 obj\n%s\nendobj\n" % (i + 1, o)
    xref = len(out.encode("latin-1"))
    out += "xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += "%010d 00000 n \n" % o
    out += "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out.encode("latin-1")


JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////"
    "////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=")


def jpeg_file(seed):
    # valid tiny JPEG with a COM segment to make each file distinct
    com = ("scan %s" % seed).encode()
    return JPEG[:2] + b"\xff\xfe" + struct.pack(">H", len(com) + 2) + com + JPEG[2:]


def png_file(seed):
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    raw = b"\x00\xff\xff\xff"
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) +
            chunk(b"tEXt", b"Comment\x00" + seed.encode()) +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def tiff_file(seed):
    # 1x1 bilevel uncompressed little-endian TIFF
    entries = [(256, 3, 1, 1), (257, 3, 1, 1), (259, 3, 1, 1), (262, 3, 1, 0),
               (273, 4, 1, 8), (277, 3, 1, 1), (278, 3, 1, 1), (279, 4, 1, 1)]
    ifd_off = 9 + (len(seed) % 3)
    head = b"II*\x00" + struct.pack("<I", ifd_off)
    data = b"\x00" + b"\x00" * (ifd_off - 9)
    ifd = struct.pack("<H", len(entries))
    for tag, typ, cnt, val in entries:
        ifd += struct.pack("<HHI", tag, typ, cnt) + (struct.pack("<HH", val, 0) if typ == 3 else struct.pack("<I", val))
    ifd += struct.pack("<I", 0)
    return head + data + ifd


def zip_bytes(entries):
    """entries: list of (name_bytes, data, utf8_flag). Stored, fixed timestamp."""
    dos_time, dos_date = (10 << 11) | (30 << 5), ((2025 - 1980) << 9) | (3 << 5) | 10
    local, central, off = b"", b"", 0
    for name, data, utf8 in entries:
        crc = zlib.crc32(data) & 0xffffffff
        flag = 0x800 if utf8 else 0
        lh = struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, flag, 0, dos_time, dos_date,
                         crc, len(data), len(data), len(name), 0) + name + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014b50, 20, 20, flag, 0, dos_time, dos_date,
                               crc, len(data), len(data), len(name), 0, 0, 0, 0, 0x20, off) + name
        local += lh
        off += len(lh)
    end = struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, len(entries), len(entries), len(central), off, 0)
    return local + central + end


def docx_file(title):
    ct = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
          b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          b'<Default Extension="xml" ContentType="application/xml"/>'
          b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          b'</Types>')
    rels = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            b'</Relationships>')
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           '<w:p><w:r><w:t>%s</w:t></w:r></w:p><w:p><w:r><w:t>本公司（单位）：</w:t></w:r></w:p>'
           '</w:body></w:document>' % title).encode("utf-8")
    return zip_bytes([(b"[Content_Types].xml", ct, False), (b"_rels/.rels", rels, False),
                      (b"word/document.xml", doc, False)])


def doc_file(seed):
    return bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + prng(seed, 488)


# content types
PDF, JPG, PNG, TIF = "application/pdf", "image/jpeg", "image/png", "image/tiff"
OCT, TXT, ZIP = "application/octet-stream", "text/plain", "application/x-zip-compressed"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOC = "application/msword"

# ---------------------------------------------------------------- helpers per client

def outlook_html(lines, charset="utf-8"):
    ps = []
    for ln in lines.split("\n"):
        if ln.strip() == "":
            ps.append('<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>')
        else:
            ps.append('<p class=MsoNormal><span style=\'font-family:"Microsoft YaHei",sans-serif\'>%s<span lang=EN-US><o:p></o:p></span></span></p>'
                      % ln.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    return ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" '
            'xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv=Content-Type content="text/html; charset=%s">'
            '<meta name=Generator content="Microsoft Word 15 (filtered medium)"><style><!--\n'
            'p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm;text-align:justify;font-size:10.5pt;font-family:DengXian;}\n'
            '--></style></head><body lang=ZH-CN link="#0563C1" vlink="#954F72" style=\'text-justify-trim:punctuation\'>'
            '<div class=WordSection1>\n%s\n</div></body></html>\n' % (charset, "\n".join(ps)))


def simple_html(lines, charset="utf-8", font="微软雅黑"):
    body = "".join("<div>%s</div>" % (l.replace("&", "&amp;").replace("<", "&lt;") or "<br>") for l in lines.split("\n"))
    return ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=%s"></head>'
            '<body><div style="font-family:%s;font-size:14px">%s</div></body></html>\n' % (charset, font, body))


def hdr(date, frm, subj, mid, to=TO, cs="utf-8", enc="B", extra=None, pre=None):
    h = list(pre or [])
    h += [("From", frm), ("To", to), ("Subject", ew(subj, cs, enc)), ("Date", date), ("Message-ID", mid)]
    return h + (extra or [])


def person(name, addr, cs="utf-8"):
    if all(ord(c) < 128 for c in name):
        return '"%s" <%s>' % (name, addr)
    return "%s <%s>" % (ew(name, cs, "B"), addr)


MAILS = []


def mail(fname, raw, action, scenario, missing, notes, why, reason=None, known_gap=None):
    e = {"file": fname, "action": action, "scenario": scenario, "missing": missing, "notes": notes}
    if reason:
        e["reason"] = reason
    e["why"] = why
    if known_gap:
        e["known_gap"] = known_gap
    MAILS.append((fname, raw, e))


def outlook_mixed(b, body, atts, cs="utf-8", cte="base64"):
    alt = multipart("alternative", "----=_NextPart_001_%s" % b,
                    [text(body, "plain", cs, cte), text(outlook_html(body, cs), "html", cs, cte)])
    if not atts:
        return alt
    return multipart("mixed", "----=_NextPart_000_%s" % b, [alt] + atts)


OUTLOOK = [("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "zh-cn")]

# ================================================================= the mails

# 01 recovery, Outlook UTF-8, labelled fields ---------------------------------
body = """您好！

我院iMC智能管理平台服务器前段时间重装了操作系统，之前的License激活文件没有备份，现申请License找回。

客户局点名称：江城市第一人民医院
授权码：H7K2M-PQ9XR-4TW8B-NJ3FD-Y6C5L

麻烦尽快处理，谢谢！

李明
江城市第一人民医院 信息科
电话：0716-8123456
"""
mail("01-recovery-outlook-utf8.eml",
     message(hdr("Mon, 10 Mar 2025 09:12:33 +0800", person("李明", "liming@hospital.example.cn"),
                 "License找回申请 - 江城市第一人民医院", "<000001db9135$7a1c2e40$6e548ac0$@hospital.example.cn>",
                 extra=OUTLOOK + [("Thread-Index", "AduRNXoeJ0s8kVbQTm2lUq7x3oP1Ag==")]),
             outlook_mixed("01DB9135.7A1E5F30", body, [])),
     "forward", "recovery", [], [],
     "Recovery request (激活文件没有备份 / License找回) with 客户局点名称 and 授权码 labelled: complete.")

# 02 recovery, Foxmail GBK, labels without colons --------------------------------
body = """王工，您好：

南湖区教育信息中心的iMC服务器硬盘坏了，换盘后重装，原来的激活文件丢失了，需要找回License。

局点名称  南湖区教育信息中心
之前注册的授权码  3F9A-77C2-D01E-4B88-A6E5

请帮忙处理，多谢！

--------------
陈晓东
南湖数码科技有限公司 技术部
"""
fox_html = simple_html(body, "gbk", "宋体")
mail("02-recovery-foxmail-gbk-nocolon.eml",
     message(hdr("Mon, 10 Mar 2025 10:02:11 +0800", person("陈晓东", "chenxd@nanhu-it.example.com", "GBK"),
                 "申请找回iMC激活文件", "<202503101002112037856@nanhu-it.example.com>", cs="GBK",
                 extra=[("X-Priority", "3"), ("X-GUID", "6E5B2C1A-0D44-4E9F-8A21-3F0C7B1D9E02"),
                        ("X-Has-Attach", "no"), ("X-Mailer", "Foxmail 7.2.25.254[cn]")]),
             multipart("alternative", "----=_001_NextPart583512730816_=----",
                       [text(body, "plain", "GBK"), text(fox_html, "html", "GBK")])),
     "forward", "recovery", [], [],
     "Recovery (激活文件丢失了，需要找回) with labels written without colons: '局点名称  …', '之前注册的授权码  …' (the seed's own wording).")

# 03 recovery, Gmail English, site missing ---------------------------------------
body = """Hi team,

Our XLog server got reinstalled last week and we lost the activation file. Could you help us recover the license?

License Key: XL-88QW-2301-PLMN-7781

Thanks a lot,
Kevin
"""
mail("03-recovery-gmail-en-missing-site.eml",
     message(hdr("Mon, 10 Mar 2025 02:45:09 +0000", '"Kevin Tran" <kevin.tran.it@example.com>',
                 "Lost license activation file", "<CAF7x2Lq8m9kR0pVdY3Zt1uW4bN6cH5eJ2gA@mail.example.com>"),
             multipart("alternative", "000000000000a1b2c3d4e5f60708",
                       [text(body, "plain", "UTF-8", "quoted-printable", params=""),
                        text('<div dir="ltr">' + body.replace("\n", "<br>") + "</div>\n", "html", "UTF-8", "quoted-printable")])),
     "request_materials", "recovery", ["site_name"], [],
     "English recovery request (lost the activation file, recover) with only 'License Key:'; no site/customer name anywhere.")

# 04 recovery, key facts only in the subject, iPhone ----------------------------
body = "如题，麻烦帮忙找回license，谢谢。\n\n发自我的iPhone\n"
mail("04-recovery-subject-only-iphone.eml",
     message(hdr("Tue, 11 Mar 2025 21:17:40 +0800", person("周工", "zhou.gong@binhai.example.cn"),
                 "License找回 局点：滨海职业技术学院 授权码：KQ7T-2M9D-88XR-HH41-0PLZ",
                 "<8E2A1F7C-4B3D-4C9E-9F0A-2D6B5E1C7A30@binhai.example.cn>",
                 extra=[("X-Mailer", "iPhone Mail (21D61)")],
                 pre=[("Content-Type", "text/plain; charset=utf-8"), ("Content-Transfer-Encoding", "base64"),
                      ("Mime-Version", "1.0 (1.0)")]),
             Part([], body=b64lines(crlf(body).encode()))),
     "forward", "recovery", [], [],
     "Everything is in the subject ('License找回 局点：… 授权码：…'); the body only says 如题.")

# 05 recovery, Taiwan, Big5 ---------------------------------------------------------
body = """您好，

客戶的 iMC 伺服器之前的啟用檔案遺失，需要找回 License，資料如下：

客戶局點名稱：新竹範例科技園區管理中心
授權碼：TW26-K8P1-0Q3Z-5MNV-X2C7

再麻煩協助處理，謝謝！

林志明 Jimmy Lin
範例資訊股份有限公司
Tel: 03-5771234 #215
"""
mail("05-recovery-big5-tw.eml",
     message(hdr("Tue, 11 Mar 2025 14:30:02 +0800", person("林志明", "jimmy.lin@example.com.tw", "big5"),
                 "申請找回 License 啟用檔", "<004d01db924a$2f0b9e30$8d22da90$@example.com.tw>", cs="big5",
                 extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "zh-tw")]),
             outlook_mixed("01DB924A.2F0E3A40", body, [], cs="big5")),
     "forward", "recovery", [], [],
     "Traditional Chinese in Big5: 啟用檔案遺失，需要找回; 客戶局點名稱 / 授權碼.")

# 06 hardware change complete, Outlook UTF-8, seed-numbered list -----------------
body = """您好：

华东示例电力有限公司的iMC服务器因老化需要更换新服务器，申请License硬件变更，材料如下：

1、最终用户单位名称：华东示例电力有限公司
   用户联系人：赵刚
   用户联系方式：0571-88886666
2、代理商工程师姓名：王磊
   代理商工程师联系方式：13800138000
3、需要变更的授权码：8D2F-71AC-4E09-B3C6-55AA
4、老服务器的License文件：见附件
5、新服务器的主机信息文件：见附件
6、客户单位盖章的承诺书：见附件

谢谢！
王磊
杭州示例网络工程有限公司
"""
atts = [att("老服务器License.lic", lic_file("06-old"), OCT),
        att("新服务器主机信息.txt", host_file("06-new", "HDDL-IMC-02"), TXT),
        att("H3C业务软件License例外申请及承诺书（盖章）.pdf", pdf_file("06 stamped letter"), PDF)]
mail("06-hw-complete-outlook.eml",
     message(hdr("Wed, 12 Mar 2025 09:40:00 +0800", person("王磊", "wanglei@hz-net.example.com"),
                 "License硬件变更申请-华东示例电力 iMC", "<000a01db92ee$1a2b3c40$4e5f6a70$@hz-net.example.com>",
                 extra=OUTLOOK),
             outlook_mixed("01DB92EE.1A2D5E60", body, atts)),
     "forward", "hardware_change", [], [],
     "Textbook hardware change: all six seed items as a numbered list, 老服务器License.lic, 新服务器主机信息.txt and a stamped PDF letter.")

# 07 hardware change, Thunderbird, table pasted as tab text, 2231 file names ------
body = """各位好，

西川示例大学信息中心原iMC服务器已到保修期，换了新服务器，需要把License从老服务器迁移到新服务器上。信息见下表：

项目\t内容
最终用户单位名称\t西川示例大学信息中心
用户联系人\t孙丽
用户联系方式\tsunli@univ.example.edu.cn
代理商工程师姓名\t陈志强
代理商工程师联系方式\t139-1234-5678
授权码\t5TQ9-PL2X-00AC-R7M3-KK8D

附件为新旧服务器的主机信息文件和盖章的承诺书扫描件。

--
陈志强
"""
atts = [att("hostinfo_old.txt", host_file("07-old", "XCU-NMS-01"), TXT, "2231-UTF-8"),
        att("hostinfo_new.txt", host_file("07-new", "XCU-NMS-02"), TXT, "2231-UTF-8"),
        att("承诺书盖章扫描件.pdf", pdf_file("07 letter scan"), PDF, "2231-UTF-8")]
mail("07-hw-thunderbird-tab-table.eml",
     message(hdr("Wed, 12 Mar 2025 11:05:47 +0800", '"Chen Zhiqiang" <czq@xc-sys.example.com>',
                 "License迁移到新服务器", "<3b9c5e2a-7d41-4f0b-a6e8-1c2d3e4f5a60@xc-sys.example.com>",
                 extra=[("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) Gecko/20100101 Thunderbird/115.8.0"),
                        ("Content-Language", "zh-CN")]),
             multipart("mixed", "------------9Q2mX7vK3pL0aB5cD8eF1gH4",
                       [text(body, "plain", "UTF-8", "8bit", params="; format=flowed")] + atts)),
     "forward", "hardware_change", [], [],
     "Hardware change worded as '迁移到新服务器' / 换了新服务器; fields in a tab-separated table (label<TAB>value, header row 项目/内容); hostinfo_old/new.txt; 2231 file names.")

# 08 hardware change, HTML-only Outlook table, gb2312 ----------------------------
rows = [("最终用户单位名称", "示例市轨道交通集团有限公司"), ("用户联系人", "钱伟"), ("用户联系方式", "021-66778899"),
        ("代理商工程师姓名", "吴昊"), ("代理商工程师联系方式", "13611112222"),
        ("授权码", 'IMC-<span lang=EN-US>PLAT</span>-<span lang=EN-US>77AB-C0D1-9E2F</span>')]
trs = "".join(
    "<tr><td width=180 valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>"
    "<p class=MsoNormal><span style='font-family:宋体'>%s</span></p></td>"
    "<td width=300 valign=top style='border:solid windowtext 1.0pt;border-left:none;padding:0cm 5.4pt 0cm 5.4pt'>"
    "<p class=MsoNormal><span style='font-family:宋体'>%s<span lang=EN-US><o:p></o:p></span></span></p></td></tr>\n" % r
    for r in rows)
html = ("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head>"
        "<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\"></head><body lang=ZH-CN>"
        "<div class=WordSection1><p class=MsoNormal><span style='font-family:宋体'>您好：<span lang=EN-US><o:p></o:p></span></span></p>"
        "<p class=MsoNormal><span style='font-family:宋体'>用户更换服务器，申请<span lang=EN-US>License</span>硬件变更，信息如下："
        "<span lang=EN-US><o:p></o:p></span></span></p>\n"
        "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>\n%s</table>"
        "<p class=MsoNormal><span style='font-family:宋体'>老服务器激活文件、新服务器主机信息文件、盖章承诺书见附件。</span></p>"
        "<p class=MsoNormal><span lang=EN-US>&nbsp;</span></p><p class=MsoNormal><span style='font-family:宋体'>吴昊</span></p>"
        "</div></body></html>\n" % trs)
atts = [att("iMC_old_server.ak", ak_file("08-old"), OCT, "plain"),
        att("NewServer_HostInfo.txt", host_file("08-new", "RT-IMC-NEW"), TXT, "plain"),
        att("stamped_letter.pdf", pdf_file("08 stamped"), PDF, "plain")]
mail("08-hw-html-only-table-gb2312.eml",
     message(hdr("Wed, 12 Mar 2025 15:20:18 +0800", person("吴昊", "wuhao@rt-tech.example.com", "gb2312"),
                 "更换服务器license申请", "<001201db9315$0c0d0e10$24252620$@rt-tech.example.com>", cs="gb2312",
                 extra=OUTLOOK),
             multipart("mixed", "----=_NextPart_000_0013_01DB9315.0C0F3150",
                       [text(html, "html", "gb2312", "base64")] + atts)),
     "forward", "hardware_change", [], [],
     "HTML-only (gb2312, base64) Outlook table, values split by <span lang=EN-US>; iMC_old_server.ak (activation file, old by name), NewServer_HostInfo.txt, stamped_letter.pdf.")

# 09 hardware change, letter as .docx --------------------------------------------
body = """您好，

我司代理的客户服务器更换，需做License硬件变更。

最终用户单位名称：示例县人民政府办公室
用户联系人：郑强
用户联系方式：0734-3216547
代理商工程师姓名：黄晓峰
代理商工程师联系方式：18673456789
授权码：2K8C-Q1PZ-7MNV-33XD-RT0A

老服务器license文件、新服务器主机信息都在附件，承诺书已填好一并附上。

黄晓峰
"""
atts = [att("old_server.lic", lic_file("09-old"), OCT, "plain", extra=[("Content-ID", "<f_m7x1a2b30>"), ("X-Attachment-Id", "f_m7x1a2b30")]),
        att("new_server_hostinfo.txt", host_file("09-new", "GOV-NMS-2"), TXT, "plain", extra=[("Content-ID", "<f_m7x1a2b41>"), ("X-Attachment-Id", "f_m7x1a2b41")]),
        att("H3C业务软件License例外申请及承诺书.docx", docx_file("H3C License例外申请及承诺书"), DOCX, "2047-UTF-8",
            extra=[("Content-ID", "<f_m7x1a2b52>"), ("X-Attachment-Id", "f_m7x1a2b52")])]
mail("09-hw-letter-docx-gmail.eml",
     message(hdr("Thu, 13 Mar 2025 08:55:31 +0800", person("黄晓峰", "hxf.net@example.com", "UTF-8"),
                 "服务器更换，申请license变更", "<CAJ9pQ3v_k2Lm8NnB4xR7tY1wZ5sD0fG6hE3cA@mail.example.com>", cs="UTF-8"),
             multipart("mixed", "000000000000f1e2d3c4b5a69788",
                       [multipart("alternative", "000000000000f1e2d3c4b5a69787",
                                  [text(body, "plain", "UTF-8", "base64"),
                                   text('<div dir="ltr">' + body.replace("\n", "<br>") + "</div>\n", "html", "UTF-8", "base64")])] + atts)),
     "request_materials", "hardware_change", ["commitment_letter"], ["letter_not_stamped"],
     "Complete hardware change except the letter, which is the filled-in Word file (.docx), not a stamped scan.")

# 10 hardware change, roles only from what else is there (license = old) ------------
body = """您好：

示例港务集团网管服务器更换，申请iMC License硬件变更。
最终用户单位名称：示例港务集团有限公司
用户联系人：冯涛
用户联系方式：0532-82345678
代理商工程师姓名：马俊
代理商工程师联系方式：15966668888
授权码：QD33-91KF-7ZX0-PP2M-4C8N

附件：原License文件、主机信息文件、承诺书照片。

马俊
"""
atts = [att("iMC_License_20210315.lic", lic_file("10-old"), OCT, "2047-GBK"),
        att("HostInfo.txt", host_file("10-new", "PORT-NMS-NEW"), TXT, "2047-GBK"),
        att("承诺书.jpg", jpeg_file("10 letter"), JPG, "2047-GBK")]
mail("10-hw-roles-license-means-old-coremail.eml",
     message(hdr("Thu, 13 Mar 2025 10:11:12 +0800", person("马俊", "majun@qd-net.example.com", "GBK"),
                 "iMC硬件变更", "<5a1b2c3d.4e5f.1958a6b7c8d.Coremail.majun@qd-net.example.com>", cs="GBK",
                 extra=[("X-Priority", "3"), ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)"),
                        ("X-Originating-IP", "[192.0.2.44]")]),
             multipart("mixed", "----=_Part_214503_1390872516.1741831872123",
                       [multipart("alternative", "----=_Part_214505_2022348915.1741831872123",
                                  [text(body, "plain", "GBK", "base64"), text(simple_html(body, "GBK"), "html", "GBK", "base64")])] + atts)),
     "forward", "hardware_change", [], [],
     "Host file named only HostInfo.txt; the other file is a license (.lic), always old, so HostInfo.txt is the new server's by the seed's rule (not an ambiguity, so no roles_assumed is required).")

# 11 hardware change, single unnamed host file that the body calls the NEW one -------
body = """你好，

我们单位网管服务器（iMC）主板烧了，无法开机，已经采购新服务器，申请License硬件变更。
老服务器开不了机，主机信息导不出来，原来的license文件也找不到了。
附件HostInfo.txt是新服务器的主机信息文件，盖章的承诺书拍了照片。

最终用户单位名称：示例市第三中学
用户联系人：韩梅
用户联系方式：13512345678
代理商工程师姓名：刘畅
代理商工程师联系方式：13787654321
授权码：9ZX1-LM2K-QQ08-T7RB-5WNE
"""
atts = [att("HostInfo.txt", host_file("11-new", "SZ3-NMS"), TXT, "2047-gb18030"),
        att("承诺书盖章.png", png_file("11 letter"), PNG, "2047-gb18030")]
mail("11-hw-body-says-file-is-new-qq.eml",
     message(hdr("Thu, 13 Mar 2025 13:45:27 +0800", person("韩梅", "1234567890@qq.example.com", "gb18030"),
                 "申请License硬件变更", "<tencent_3F2A1B0C9D8E7F6A5B4C3D2E1F0A9B8C7D06@qq.example.com>", cs="gb18030",
                 extra=[("X-QQ-mid", "xmailweb.example.0.1741844727"), ("X-Mailer", "QQMail 2.x"), ("X-QQ-MIME", "TCMime 1.0 by Tencent")]),
             multipart("mixed", "----=_NextPart_67D27CF7_0A1B2C3D_4E5F6A7B",
                       [multipart("alternative", "----=_NextPart_67D27CF7_0A1B2C3D_11223344",
                                  [text(body, "plain", "gb18030", "base64"),
                                   text(simple_html(body, "gb18030"), "html", "gb18030", "base64")])] + atts)),
     "request_materials", "hardware_change", ["old_server_file"], [],
     "Only one host file (HostInfo.txt, no role in its name); the body says it is the NEW server's and that the old server's files cannot be obtained: old_server_file missing.")

# 12 hardware change, English from a non-native writer ----------------------------
body = """Dear H3C team,

Please kindly support us to change the license to new server. Old server is broken mainboard, customer bought new server already.

Information as below:
- End user: Saigon Example Port Authority
- Contact person: Mr. Le Minh Tuan
- Contact phone: +84 28 3812 3456
- Partner engineer: Nguyen Van Thanh
- Engineer phone: +84 90 123 4567
- License key: VN21-88KD-MQ0P-3XZ7-TT9C

Attached file: old license, new hostinfo, commitment letter with stamp.

Many thanks and best regards,
Thanh
"""
atts = [att("OldServer_iMC.lic", lic_file("12-old"), OCT, "plain"),
        att("NewServer_hostinfo.txt", host_file("12-new", "SEP-NMS-02"), TXT, "plain"),
        att("Commitment Letter signed.pdf", pdf_file("12 commitment"), PDF, "plain")]
mail("12-hw-english-nonnative.eml",
     message(hdr("Thu, 13 Mar 2025 16:02:55 +0700", '"Nguyen Van Thanh" <thanh.nv@partner.example.com>',
                 "Request change hardware for iMC license - Customer: Saigon Example Port",
                 "<SG2PR01MB4567A1B2C3D4E5F6A7B8C9DFA@SG2PR01MB4567.apcprd01.prod.example.com>",
                 extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "en-US")]),
             multipart("mixed", "----=_NextPart_000_0021_01DB9412.5A6B7C80",
                       [multipart("alternative", "----=_NextPart_001_0022_01DB9412.5A6B7C80",
                                  [text(body, "plain", "us-ascii", "7bit"),
                                   text(outlook_html(body, "us-ascii"), "html", "us-ascii", "quoted-printable")])] + atts)),
     "forward", "hardware_change", [], [],
     "Non-native English: 'change the license to new server', 'End user', 'Contact person', 'Partner engineer', 'Engineer phone', 'License key'; OldServer/NewServer file names; signed PDF letter.")

# 13 hardware change, end user writes directly: no reseller engineer ---------------
body = """您好！

我单位iMC网管平台服务器硬件变更（更换了主板和网卡），现需要重新申请License。

单位名称：示例省农业科学院
联系人：许文
联系电话：027-87651234
授权码：HB55-8LKQ-Z2M1-0XCV-NB7T

附件是老服务器的License文件、新服务器的主机信息文件和盖章的承诺书。

许文
"""
atts = [att("旧服务器License文件.lic", lic_file("13-old"), OCT),
        att("新服务器主机信息文件.txt", host_file("13-new", "AAS-NMS"), TXT),
        att("承诺书（已盖章）.pdf", pdf_file("13 stamped"), PDF)]
mail("13-hw-missing-agent-outlook.eml",
     message(hdr("Fri, 14 Mar 2025 09:30:00 +0800", person("许文", "xuwen@aas.example.cn"),
                 "iMC服务器硬件变更License申请", "<001f01db94a2$b1c2d3e0$15263740$@aas.example.cn>", extra=OUTLOOK),
             outlook_mixed("01DB94A2.B1C4F500", body, atts)),
     "request_materials", "hardware_change", ["agent_engineer", "agent_phone"], [],
     "End user writes directly with 单位名称/联系人/联系电话 (short labels) and all files, but no reseller engineer name or contact.")

# 14 hardware change, CAMS, Foxmail GB2312 -----------------------------------------
body = """您好：

示例职业学院的CAMS认证服务器需要更换新服务器，申请License硬件变更。所属产品：CAMS。
旧服务器目前还在运行，新服务器上线后下线。

最终用户单位名称：示例职业学院
用户联系人：曹磊
用户联系方式：0591-83456789
代理商工程师姓名：叶斌
代理商工程师联系方式：13905912345
授权码：CAMS-4Q7W-1ZP0-KX83

附件：旧服务器License、新服务器主机信息、盖章承诺书。
"""
atts = [att("CAMS旧服务器license.lic", lic_file("14-old", "CAMS"), OCT, "2047-GB2312"),
        att("CAMS新服务器主机信息.txt", host_file("14-new", "CAMS-NEW"), TXT, "2047-GB2312"),
        att("承诺书盖章.pdf", pdf_file("14 stamped"), PDF, "2047-GB2312")]
mail("14-hw-cams-foxmail.eml",
     message(hdr("Fri, 14 Mar 2025 10:15:42 +0800", person("叶斌", "yebin@fz-net.example.com", "GB2312"),
                 "CAMS License硬件变更申请", "<202503141015420359218@fz-net.example.com>", cs="GB2312",
                 extra=[("X-Priority", "3"), ("X-Has-Attach", "yes"), ("X-Mailer", "Foxmail 7.2.25.228[cn]")]),
             multipart("mixed", "----=_001_NextPart024185316725_=----",
                       [multipart("alternative", "----=_002_NextPart271305836510_=----",
                                  [text(body, "plain", "GB2312", "base64"), text(simple_html(body, "GB2312", "宋体"), "html", "GB2312", "quoted-printable")])] + atts)),
     "forward", "hardware_change", [], ["cams_recollect_host_info"],
     "Complete CAMS hardware change (old CAMS machine still running): the CAMS note must be in the forward.")

# 15 Quidview LAN/WAN V2.1 -> DM V3.10 upgrade, no new host file --------------------
body = """您好，

示例化工集团现网使用 Quidview LAN/WAN V2.1，计划升级到 Quidview DM V3.10，按流程申请License例外。

最终用户单位名称：示例化工集团有限公司
用户联系人：蒋华
用户联系方式：0523-86541234
代理商工程师姓名：沈亮
代理商工程师联系方式：13852341234
原授权码：QV21-0088-A7C3-LKJH

原License文件和盖章承诺书见附件。

沈亮
"""
atts = [att("quidview_v21_license.lic", lic_file("15-old", "Quidview"), OCT, "plain"),
        att("承诺书-盖章.pdf", pdf_file("15 stamped"), PDF)]
mail("15-quidview-upgrade.eml",
     message(hdr("Fri, 14 Mar 2025 14:22:09 +0800", person("沈亮", "shenliang@tz-sys.example.com"),
                 "Quidview升级License申请", "<002a01db94cb$aa11bb20$fe223340$@tz-sys.example.com>", extra=OUTLOOK),
             outlook_mixed("01DB94CB.AA13DC30", body, atts)),
     "request_materials", "hardware_change", ["new_host_info"], ["quidview_upgrade"],
     "Quidview LAN/WAN V2.1 → Quidview DM V3.10 upgrade: hardware-change checklist; old license and stamped letter given, no new host information.")

# 16 hardware change, APM UniqueID strings in the body, photo of the letter ---------
body = """您好：

我司客户的APM组件服务器更换，申请License硬件变更。APM的主机信息为字符串形式，填写如下：

旧机器标识字符串：APM-UID-7F3A9C21D4E8B605
新机器标识字符串：APM-UID-0B6D2E9F13A7C448

最终用户单位名称：示例银行股份有限公司数据中心
用户联系人：彭飞
用户联系方式：pengfei@bank.example.com
代理商工程师姓名：邓超
代理商工程师联系方式：18620001234
授权码：APM9-22LK-7QWE-M0NZ-X1C4

盖章承诺书照片见附件。
"""
atts = [att("盖章承诺书.jpg", jpeg_file("16 letter"), JPG)]
mail("16-hw-apm-uniqueid-strings.eml",
     message(hdr("Sat, 15 Mar 2025 09:05:00 +0800", person("邓超", "dengchao@gz-it.example.com"),
                 "APM License硬件变更", "<002b01db9569$c0d1e2f0$41526370$@gz-it.example.com>", extra=OUTLOOK),
             outlook_mixed("01DB9569.C0D40610", body, atts)),
     "forward", "hardware_change", [], [],
     "APM host identifiers given as strings (旧机器标识字符串 / 新机器标识字符串) satisfy both server files; stamped letter as JPEG.")

# 17 hardware change, everything in a zip with GBK (non-UTF-8) entry names ----------
body = """您好，

客户服务器更换，申请iMC License硬件变更，相关材料打包在附件压缩包里（老服务器license、新服务器主机信息、盖章承诺书）。

最终用户单位名称：示例市自来水公司
用户联系人：蔡明
用户联系方式：0755-26781234
代理商工程师姓名：杜鹏
代理商工程师联系方式：13760001234
授权码：SZW1-33PL-K9MN-0QAZ-7YTR
"""
zdata = zip_bytes([("旧服务器license.lic".encode("gbk"), lic_file("17-old"), False),
                   ("新服务器主机信息.txt".encode("gbk"), host_file("17-new", "SW-NMS-B"), False),
                   ("承诺书盖章.pdf".encode("gbk"), pdf_file("17 stamped"), False)])
atts = [att("变更材料.zip", zdata, ZIP, "2047-gb2312")]
mail("17-hw-zip-gbk-names.eml",
     message(hdr("Sat, 15 Mar 2025 11:34:51 +0800", person("杜鹏", "dupeng@sz-net.example.com", "gb2312"),
                 "License硬件变更申请（材料见压缩包）", "<003001db957e$1f2e3d40$5d6c7b80$@sz-net.example.com>", cs="gb2312",
                 extra=OUTLOOK),
             outlook_mixed("01DB957E.1F305E50", body, atts, cs="gb2312")),
     "forward", "hardware_change", [], ["from_archive"],
     "All three files inside 变更材料.zip, entry names in GBK without the UTF-8 flag (Windows 'send to compressed folder').")

# 18 forwarded request as message/rfc822, reseller adds its own details --------------
inner_body = """王经理您好，

我们单位的网管服务器换了，需要把iMC的License变更到新服务器。

最终用户单位名称：示例市中心血站
用户联系人：罗敏
用户联系方式：0851-85671234
授权码：GYX7-1QW2-E3RT-Y5UI-0PLM

老服务器的License文件、新服务器的主机信息文件和盖章承诺书都在附件里。

罗敏
"""
inner = message(hdr("Fri, 14 Mar 2025 17:20:00 +0800", person("罗敏", "luomin@blood.example.cn"),
                    "License硬件变更", "<002c01db9509$a1b2c3d4$e5f60718$@blood.example.cn>",
                    to=person("王经理", "wang@gy-sys.example.com"), extra=OUTLOOK),
                outlook_mixed("01DB9509.A1B4E5F0", inner_body,
                              [att("老服务器License.lic", lic_file("18-old"), OCT),
                               att("新服务器主机信息.txt", host_file("18-new", "BLOOD-NMS2"), TXT),
                               att("承诺书盖章件.pdf", pdf_file("18 stamped"), PDF)]))
body = """您好，

转发客户的License硬件变更申请，客户材料见附件邮件。
代理商工程师：刘洋
电话：13911112222

请处理，谢谢。
"""
fwd = Part([("Content-Type", 'message/rfc822;\r\n\tname="%s"' % ew("License硬件变更.eml", "utf-8", "B", 1000)),
            ("Content-Disposition", 'attachment;\r\n\tfilename="%s"' % ew("License硬件变更.eml", "utf-8", "B", 1000)),
            ("Content-Transfer-Encoding", "7bit")], body=inner.decode("utf-8"))
mail("18-hw-forwarded-rfc822.eml",
     message(hdr("Sat, 15 Mar 2025 08:45:10 +0800", person("刘洋", "liuyang@gy-sys.example.com"),
                 "FW: License硬件变更", "<003101db952d$aa00bb11$cc22dd33$@gy-sys.example.com>", extra=OUTLOOK),
             outlook_mixed("01DB952D.AA02DC20", body, [fwd])),
     "forward", "hardware_change", [], ["from_forwarded"],
     "Reseller forwards the customer's mail as an attachment (message/rfc822) with end-user fields and all files; agent name/phone ('代理商工程师：', '电话：') are in the outer text.")

# 19 hardware change, Apple Mail, letter photo with a generic camera name -------------
body = """您好，

客户更换服务器，申请License硬件变更。

最终用户单位名称：示例大剧院管理有限公司
用户联系人：唐颖
用户联系方式：010-65431234
代理商工程师姓名：高远
代理商工程师联系方式：13501234567
授权码：BJTH-8K2L-MN0P-Q1RS

老服务器license：old.lic
新服务器主机信息：new_hostinfo.txt
盖章承诺书：拍照附上（IMG_4821.JPG）

高远
"""
atts = [att("old.lic", lic_file("19-old"), OCT, "apple"),
        att("new_hostinfo.txt", host_file("19-new", "THEATRE-NMS"), TXT, "apple"),
        att("IMG_4821.JPG", jpeg_file("19 letter photo"), JPG, "apple")]
mail("19-hw-apple-generic-photo-letter.eml",
     message([("Content-Type", 'multipart/mixed;\r\n\tboundary="Apple-Mail=_5B2C8A1D-3E4F-4A5B-9C6D-7E8F9A0B1C2D"'),
              ("Mime-Version", "1.0 (Mac OS X Mail 16.0 \\(3774.500.171.1.1\\))")] +
             hdr("Sat, 15 Mar 2025 15:08:44 +0800", person("高远", "gaoyuan@bj-net.example.com"),
                 "License硬件变更申请", "<7C1D2E3F-4A5B-4C6D-8E9F-0A1B2C3D4E5F@bj-net.example.com>",
                 extra=[("X-Mailer", "Apple Mail (2.3774.500.171.1.1)")]),
             Part([], children=[text(body, "plain", "utf-8", "quoted-printable")] + atts,
                  boundary="Apple-Mail=_5B2C8A1D-3E4F-4A5B-9C6D-7E8F9A0B1C2D")),
     "forward", "hardware_change", [], [],
     "Stamped letter is a phone photo with a camera name (IMG_4821.JPG); the body says '盖章承诺书：拍照附上（IMG_4821.JPG）'.")

# 20 hardware change with the unbind-only letter (wrong letter) ----------------------
body = """您好：

客户iMC服务器更换新机器，申请License硬件变更。

最终用户单位名称：示例高速公路管理局
用户联系人：潘杰
用户联系方式：0731-84561234
代理商工程师姓名：谢军
代理商工程师联系方式：13974561234
授权码：HN88-QZ1X-W2EC-R4VT

附件为老服务器license、新服务器主机信息和盖章的承诺书。
"""
atts = [att("老服务器.lic", lic_file("20-old"), OCT),
        att("新服务器主机信息.txt", host_file("20-new", "HW-NMS-NEW"), TXT),
        att("H3C业务软件License例外申请及承诺书（解绑定专用）-盖章.pdf", pdf_file("20 unbind letter"), PDF)]
mail("20-hw-wrong-letter-unbind.eml",
     message(hdr("Mon, 17 Mar 2025 09:18:27 +0800", person("谢军", "xiejun@cs-net.example.com"),
                 "License硬件变更申请（示例高速）", "<003501db96d1$10203040$50607080$@cs-net.example.com>", extra=OUTLOOK),
             outlook_mixed("01DB96D1.10225150", body, atts)),
     "request_materials", "hardware_change", ["commitment_letter"], ["wrong_letter"],
     "Hardware change with a stamped letter, but it is the unbind-only letter（解绑定专用）: the general letter is still needed.")

# 21 unbind complete -----------------------------------------------------------------
body = """您好，

客户需将iMC License中的部分授权从原服务器解绑，迁移到分院的新平台上使用，申请License解绑。

最终用户单位名称：示例省肿瘤医院
用户联系人：董洁
用户联系方式：0371-65581234
代理商工程师姓名：袁博
代理商工程师联系方式：13837101234
授权码：ZZ01-A2B3-C4D5-E6F7

变更前原License授权中包含的授权序列号列表：
  IMC-EIA-0000123、IMC-EIA-0000124、IMC-UAM-0000311、IMC-UAM-0000312、IMC-WSM-0000501
需要解绑定的授权序列号：
  IMC-UAM-0000311、IMC-UAM-0000312

原服务器License文件和盖章的解绑定专用承诺书见附件。
"""
atts = [att("原服务器license.lic", lic_file("21-old"), OCT),
        att("承诺书（解绑定专用）盖章.pdf", pdf_file("21 unbind letter"), PDF)]
mail("21-unbind-complete-outlook.eml",
     message(hdr("Mon, 17 Mar 2025 10:40:00 +0800", person("袁博", "yuanbo@zz-it.example.com"),
                 "iMC License解绑申请", "<003801db96dd$01a2b3c4$d5e6f708$@zz-it.example.com>", extra=OUTLOOK),
             outlook_mixed("01DB96DD.01A4D4E0", body, atts)),
     "forward", "unbind", [], [],
     "Partial unbind (2 of 5 serials) with the stamped unbind-only letter and the original license file.")

# 22 unbind of every serial -> hardware change -------------------------------------
body = """您好，

客户要把iMC的License全部从老服务器上解绑，换到新的虚拟机上。

最终用户单位名称：示例市税务局
用户联系人：范丽
用户联系方式：0512-65231234
代理商工程师姓名：邹凯
代理商工程师联系方式：15062341234
授权码：SZTX-77QW-ER12-TY34

原License授权中包含的授权序列号：IMC-PLAT-0009001, IMC-EIA-0009002, IMC-UAM-0009003
需要解绑的授权序列号：IMC-PLAT-0009001, IMC-EIA-0009002, IMC-UAM-0009003（全部）

附件为老服务器license文件和解绑定专用承诺书盖章件。
"""
atts = [att("old_server_license.lic", lic_file("22-old"), OCT, "plain", extra=[("X-Attachment-Id", "f_m7y9c0d10")]),
        att("解绑定专用承诺书-盖章.pdf", pdf_file("22 unbind letter"), PDF, "2047-UTF-8", extra=[("X-Attachment-Id", "f_m7y9c0d21")])]
mail("22-unbind-all-serials-gmail.eml",
     message(hdr("Mon, 17 Mar 2025 13:02:15 +0800", person("邹凯", "zoukai.sz@example.com", "UTF-8"),
                 "申请License解绑", "<CAK3rT9w_p0Qx1Lz2Mn3Bv4Cx5Dz6Ef7Gh8Ij@mail.example.com>", cs="UTF-8"),
             multipart("mixed", "000000000000b7c8d9e0f1a2b3c4",
                       [multipart("alternative", "000000000000b7c8d9e0f1a2b3c3",
                                  [text(body, "plain", "UTF-8", "base64"),
                                   text('<div dir="ltr">' + body.replace("\n", "<br>") + "</div>\n", "html", "UTF-8", "base64")])] + atts)),
     "request_materials", "hardware_change", ["new_host_info", "commitment_letter"], ["unbind_all_serials", "wrong_letter"],
     "Unbind of every serial (all three listed, '全部'): must go through hardware change, so new host info and the general letter are missing (the unbind-only letter is the wrong one there).")

# 23 unbind for XLog (not iMC), mixed Chinese/English, no letter ----------------------
body = """Hi,

客户的XLog license需要unbind部分serial，挪到另一台server上用。

End user: Example Securities Co., Ltd.
Contact: 何静 / 021-50561234
代理商工程师：Tony Xu，mobile 13321231234
License key: XLOG-5566-TTYY-8899
要解绑的序列号：XLOG-LA-000777

old server的license file附上了，承诺书还在走盖章流程，晚点补。

Tony
"""
atts = [att("xlog_server.lic", lic_file("23-old", "XLog"), OCT, "plain")]
mail("23-unbind-xlog-mixed.eml",
     message(hdr("Mon, 17 Mar 2025 16:30:30 +0800", '"Tony Xu" <tony.xu@sh-sec-it.example.com>',
                 "XLog license unbind", "<af1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b@sh-sec-it.example.com>",
                 extra=[("User-Agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:115.0) Gecko/20100101 Thunderbird/115.9.0")]),
             multipart("mixed", "------------Zx8Yw7Vu6Ts5Rq4Po3Nm2Lk1",
                       [text(body, "plain", "UTF-8", "quoted-printable", params="; format=flowed")] + atts)),
     "request_materials", "unbind", ["unbind_letter"], ["unbind_imc_only"],
     "Partial unbind for XLog (not iMC): unbind_imc_only note; fields given as 'End user:', 'Contact: name / phone', '代理商工程师：name，mobile …', 'License key:'; the letter is still missing.")

# 24 unbind with the general letter (wrong letter) -------------------------------------
body = """您好：

申请iMC License解除绑定，将部分授权迁移至灾备中心服务器。

最终用户单位名称：示例证券交易服务中心
用户联系人：方圆
用户联系方式：0755-88001234
代理商工程师姓名：汤勇
代理商工程师联系方式：13602341234
授权码：SE77-1A2S-3D4F-5G6H
需要解绑定的授权序列号：IMC-EIA-0012001

附件：老服务器主机信息文件、盖章承诺书。
"""
atts = [att("老服务器主机信息.txt", host_file("24-old", "SE-NMS-01"), TXT),
        att("H3C业务软件License例外申请及承诺书_盖章.pdf", pdf_file("24 general letter"), PDF)]
mail("24-unbind-general-letter.eml",
     message(hdr("Tue, 18 Mar 2025 09:09:09 +0800", person("汤勇", "tangyong@sz-sec.example.com"),
                 "License解除绑定申请", "<004001db9795$0a1b2c3d$4e5f6a7b$@sz-sec.example.com>", extra=OUTLOOK),
             outlook_mixed("01DB9795.0A1D4D50", body, atts)),
     "request_materials", "unbind", ["unbind_letter"], ["wrong_letter"],
     "Unbind (解除绑定) with the general letter instead of the unbind-only one; old server host info present.")

# 25 unbind, Hong Kong, Traditional Chinese UTF-8, 聯絡 labels, 舊 file name -----------
body = """您好，

客戶需要將 iMC License 中部分授權從原伺服器解綁，轉到另一台伺服器使用，現申請 License 解綁。

最終用戶單位名稱：香港範例物流有限公司
用戶聯絡人：陳家明
用戶聯絡方式：+852 2345 6789
代理商工程師姓名：黃志偉
代理商工程師聯絡方式：+852 9123 4567
授權碼：HK20-9QWE-7RTY-5UIO
需要解綁定的授權序列號：IMC-WSM-0033002

附件為舊伺服器 License 檔案及已蓋章的承諾書（解綁定專用）。

Regards,
黃志偉 Wilson Wong
"""
atts = [att("舊伺服器License.lic", lic_file("25-old"), OCT),
        att("承諾書（解綁定專用）蓋章.pdf", pdf_file("25 unbind letter hk"), PDF)]
mail("25-unbind-hk-traditional.eml",
     message(hdr("Tue, 18 Mar 2025 11:25:36 +0800", person("黃志偉", "wilson.wong@example.hk"),
                 "申請 iMC License 解綁", "<HK0PR03MB5678B1C2D3E4F5A6B7C8D9E0F1@HK0PR03MB5678.apcprd03.prod.example.com>",
                 extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "zh-HK")]),
             outlook_mixed("01DB97A8.5C6D7E80", body, atts)),
     "forward", "unbind", [], [],
     "Hong Kong, Traditional Chinese: 解綁, 聯絡人/聯絡方式 (not 聯繫), 授權碼; 舊伺服器License.lic (舊 = old); stamped 承諾書（解綁定專用）.")

# 26 unbind, letter only as .docx --------------------------------------------------------
body = """您好：

客户iMC部分License需要解绑，迁移到新建的二期平台。

最终用户单位名称：示例新区管委会
用户联系人：姜波
用户联系方式：0411-39871234
代理商工程师姓名：段磊
代理商工程师联系方式：13940901234
授权码：DL66-8UIO-P0AS-D1FG
需要解绑定的授权序列号：IMC-UAM-0044011、IMC-UAM-0044012

附件为老服务器License和承诺书（解绑定专用）。
"""
atts = [att("老服务器License.lic", lic_file("26-old"), OCT),
        att("H3C业务软件License例外申请及承诺书（解绑定专用）.docx", docx_file("H3C License例外申请及承诺书（解绑定专用）"), DOCX)]
mail("26-unbind-letter-docx.eml",
     message(hdr("Tue, 18 Mar 2025 14:14:14 +0800", person("段磊", "duanlei@dl-net.example.com"),
                 "iMC License解绑", "<004401db97c0$1b2c3d4e$5f6a7b8c$@dl-net.example.com>", extra=OUTLOOK),
             outlook_mixed("01DB97C0.1B2E5E60", body, atts)),
     "request_materials", "unbind", ["unbind_letter"], ["letter_not_stamped"],
     "Partial unbind, complete except that the unbind-only letter is the Word template (.docx), not a stamped scan.")

# 27 unclear request, Chinese ----------------------------------------------------------------
body = """您好，

我们的iMC登录后一直提示License异常，授权码是 WH12-3QAZ-4WSX-5EDC，请问这种情况应该怎么处理？需要我们提供什么材料？

谢谢
刘工
"""
mail("27-ask-scenario-zh.eml",
     message(hdr("Wed, 19 Mar 2025 09:50:00 +0800", person("刘工", "liugong@wh-steel.example.cn"),
                 "iMC License问题咨询", "<004801db9855$aa01bb02$cc03dd04$@wh-steel.example.cn>", extra=OUTLOOK),
             outlook_mixed("01DB9855.AA03DC10", body, [])),
     "ask_scenario", "", [], [],
     "A license question ('提示License异常…需要提供什么材料') that names none of the three processes: ask which one.")

# 28 unclear request, English ------------------------------------------------------------------
body = """Hello,

We have some questions regarding our iMC license and would like to know the procedure on your side. Could you please advise which documents you need from us?

Best regards,
Maria Santos
IT Infrastructure, Example Manufacturing Philippines Inc.
"""
mail("28-ask-scenario-en.eml",
     message(hdr("Wed, 19 Mar 2025 10:20:45 +0800", '"Maria Santos" <maria.santos@example.ph>',
                 "Question about iMC license procedure", "<PH0PR12MB7788C1D2E3F4A5B6C7D8E9F0A1@PH0PR12MB7788.example.com>",
                 extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "en-US")]),
             multipart("alternative", "_000_PH0PR12MB7788C1D2E3F4A5B6C7D8E9F0A1PH0PR12MB7788_",
                       [text(body, "plain", "us-ascii", "quoted-printable"),
                        text(outlook_html(body, "us-ascii"), "html", "us-ascii", "quoted-printable")])),
     "ask_scenario", "", [], [],
     "Generic English question about the license procedure; no process named: ask which one.")

# 29 follow-up with only the new host file, evaluated alone ------------------------------------
body = """您好，新服务器的主机信息文件已补充，见附件。

王磊
"""
atts = [att("新服务器主机信息.txt", host_file("29-new", "HDDL-IMC-03"), TXT)]
mail("29-followup-new-host-only.eml",
     message(hdr("Wed, 19 Mar 2025 14:05:00 +0800", person("王磊", "wanglei@hz-net.example.com"),
                 "Re: [LX-20250318-0004] License硬件变更申请 - 缺少材料 / Materials missing",
                 "<005001db9878$1a1b1c1d$2e2f3031$@hz-net.example.com>",
                 extra=OUTLOOK + [("In-Reply-To", "<LX-20250318-0004.r1@example.test>"),
                                  ("References", "<002f01db97e9$aa00bb11$cc22dd33$@hz-net.example.com> <LX-20250318-0004.r1@example.test>")]),
             outlook_mixed("01DB9878.1A1D3D40", body, atts)),
     "request_materials", "hardware_change", [m for m in HW if m != "new_host_info"], [],
     "Follow-up that only adds the new server's host file; evaluated alone (no case history offline) everything else of the hardware-change checklist is missing.")

# 30 follow-up: new text adds the letter, the quoted original holds the fields ------------------
body = """补充盖章的承诺书，请查收。

------------------ 原始邮件 ------------------
发件人: "程亮"<chengliang@xa-net.example.com>;
发送时间: 2025年3月18日(星期二) 下午4:12
收件人: "intake"<intake@example.test>;
主题: License硬件变更申请-示例市政务云

您好，

示例市政务云平台iMC服务器更换，申请License硬件变更。

最终用户单位名称：示例市大数据管理局
用户联系人：任重
用户联系方式：029-86781234
代理商工程师姓名：程亮
代理商工程师联系方式：18992341234
授权码：XA09-ZXCV-BNM1-2345

老服务器license和新服务器主机信息见附件，承诺书盖章后补发。
"""
atts = [att("承诺书（盖章）.pdf", pdf_file("30 stamped"), PDF, "2047-gb18030")]
mail("30-followup-quoted-fields-qq.eml",
     message(hdr("Wed, 19 Mar 2025 15:31:08 +0800", person("程亮", "chengliang@xa-net.example.com", "gb18030"),
                 "回复：License硬件变更申请-示例市政务云", "<tencent_9A8B7C6D5E4F3A2B1C0D9E8F7A6B5C4D3E07@xa-net.example.com>",
                 cs="gb18030",
                 extra=[("X-QQ-mid", "xmailweb.example.0.1742369468"), ("X-Mailer", "QQMail 2.x"),
                        ("In-Reply-To", "<005a01db97f1$00112233$44556677$@xa-net.example.com>")]),
             multipart("mixed", "----=_NextPart_67DA7360_1B2C3D4E_5F6A7B8C",
                       [multipart("alternative", "----=_NextPart_67DA7360_1B2C3D4E_99AABBCC",
                                  [text(body, "plain", "gb18030", "base64"),
                                   text(simple_html(body, "gb18030"), "html", "gb18030", "base64")])] + atts)),
     "request_materials", "hardware_change", ["old_server_file", "new_host_info"], [],
     "Follow-up whose new text only adds the stamped letter; the fields are in the quoted original (QQ '原始邮件' separator) and count because the new text says nothing about them; the server files were never in this mail.")

# 31 correction: new text says hardware change, quoted text and subject say recovery -------------
body = """更正一下：我们不是要找回，是服务器换了，需要做License硬件变更。材料补全如下：

最终用户单位名称：示例市妇幼保健院
用户联系人：欧阳青
用户联系方式：0898-66781234
代理商工程师姓名：符海
代理商工程师联系方式：13876001234
授权码：HK98-LKJ7-HGF6-DSA5

附件：老服务器license、新服务器主机信息、盖章承诺书。

符海

在 2025年3月18日周二 09:12，符海 <fuhai.hn@example.com> 写道：
> 您好，申请License找回。
> 客户局点名称：示例市妇幼保健院
> 授权码：HK98-LKJ7-HGF6-DSA5
"""
atts = [att("老服务器license.lic", lic_file("31-old"), OCT, "2047-UTF-8"),
        att("新服务器主机信息.txt", host_file("31-new", "FY-NMS-2"), TXT, "2047-UTF-8"),
        att("承诺书盖章.pdf", pdf_file("31 stamped"), PDF, "2047-UTF-8")]
mail("31-correction-new-text-decides-gmail.eml",
     message(hdr("Wed, 19 Mar 2025 16:40:00 +0800", person("符海", "fuhai.hn@example.com", "UTF-8"),
                 "Re: License找回申请", "<CAM8pL2x_Q9wE7rT5yU3iO1pA0sD4fG6hJ8kLz@mail.example.com>", cs="UTF-8",
                 extra=[("In-Reply-To", "<CAM8pL2x_first_msg_0318@mail.example.com>")]),
             multipart("mixed", "000000000000c1d2e3f4a5b6c7d8",
                       [text(body, "plain", "UTF-8", "quoted-printable")] + atts)),
     "forward", "hardware_change", [], [],
     "Subject and quoted text say 找回, but the new text corrects it to 硬件变更 and supplies the full checklist: hardware_change, complete.")

# 32 out-of-office with Auto-Submitted -------------------------------------------------------------
body = """Thank you for your email. I am out of the office until 24 March with limited access to email.
For urgent license matters please contact support@reseller.example.com.

Best regards,
David Lee
"""
mail("32-ooo-auto-submitted.eml",
     message(hdr("Thu, 20 Mar 2025 08:00:03 +0800", '"David Lee" <david.lee@reseller.example.com>',
                 "Automatic reply: [LX-20250319-0006] License hardware change - materials missing",
                 "<auto-0320-0800-david.lee@reseller.example.com>",
                 extra=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All"),
                        ("In-Reply-To", "<LX-20250319-0006.r1@example.test>")]),
             text(body, "plain", "us-ascii", "7bit")),
     "ignore", "", [], [],
     "Out-of-office reply with Auto-Submitted: auto-replied.", reason="auto_submitted")

# 33 QQ-style auto reply, only X-Autoreply and the subject ------------------------------------------
body = """您好，我最近正在休假中，无法亲自回复您的邮件。我将在假期结束后，尽快给您回复。

这是来自QQ邮箱的假期自动回复邮件。
"""
mail("33-autoreply-qq-xheader.eml",
     message(hdr("Thu, 20 Mar 2025 09:13:44 +0800", person("小周", "876543210@qq.example.com", "gb18030"),
                 "自动回复: Re: [LX-20250319-0007] License找回申请", "<tencent_autoreply_0320_0913_876543210@qq.example.com>",
                 cs="gb18030", extra=[("X-Autoreply", "yes"), ("X-QQ-mid", "autoreply.example.1742433224")]),
             text(body, "plain", "gb18030", "base64")),
     "ignore", "", [], [],
     "QQ Mail holiday auto-reply: no Auto-Submitted header, only X-Autoreply: yes and the 自动回复 subject.", reason="auto_submitted")

# 34 Exchange OOF in Chinese, no Auto-Submitted ----------------------------------------------------
body = """您好，我于3月20日至3月28日出差，期间邮件回复不及时，紧急事务请联系 13900001111。

谢谢！
"""
mail("34-autoreply-exchange-zh.eml",
     message(hdr("Thu, 20 Mar 2025 10:01:02 +0800", person("孙建国", "sunjg@corp.example.cn"),
                 "自动答复: License硬件变更申请-示例市政务云", "<9f8e7d6c5b4a4f3e8d2c1b0a99887766@corp.example.cn>",
                 extra=[("X-MS-Has-Attach", ""), ("X-Auto-Response-Suppress", "All"),
                        ("X-MS-Exchange-Inbox-Rules-Loop", "sunjg@corp.example.cn"),
                        ("Thread-Topic", ew("License硬件变更申请-示例市政务云")),
                        ("Content-Language", "zh-CN")]),
             multipart("alternative", "_000_9f8e7d6c5b4a4f3e8d2c1b0a99887766corpexamplecn_",
                       [text(body, "plain", "gb2312", "base64"), text(outlook_html(body, "gb2312"), "html", "gb2312", "base64")])),
     "ignore", "", [], [],
     "Exchange out-of-office ('自动答复:' subject, X-Auto-Response-Suppress, X-MS-Exchange-Inbox-Rules-Loop) that quotes a request subject; must not be answered.")

# 35 DSN bounce from Exchange -----------------------------------------------------------------------
orig_hdrs = ("From: intake@example.test\r\nTo: nobody@gone.example.org\r\nSubject: =?UTF-8?B?W0xYLTIwMjUwMzE5LTAwMDhdIExpY2Vuc2Xnoazku7blj5jmm7Q=?=\r\n"
             "Date: Wed, 19 Mar 2025 18:00:00 +0800\r\nMessage-ID: <LX-20250319-0008.r1@example.test>\r\nAuto-Submitted: auto-replied\r\n")
dsn = ("Reporting-MTA: dns;mx01.example.org\r\nReceived-From-MTA: dns;mail.example.test\r\n"
       "Arrival-Date: Wed, 19 Mar 2025 10:00:05 +0000\r\n\r\n"
       "Final-Recipient: rfc822;nobody@gone.example.org\r\nAction: failed\r\nStatus: 5.1.10\r\n"
       "Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup\r\n")
body = """Your message to nobody@gone.example.org couldn't be delivered.
nobody wasn't found at gone.example.org.

Diagnostic information for administrators:
Remote server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound'
"""
mail("35-bounce-dsn-exchange.eml",
     message(hdr("Wed, 19 Mar 2025 10:00:06 +0000", "postmaster@gone.example.org",
                 "Undeliverable: [LX-20250319-0008] License硬件变更", "<b0a1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d@mx01.example.org>",
                 extra=[("Content-Language", "en-US")]),
             Part([("Content-Type", 'multipart/report; report-type=delivery-status;\r\n\tboundary="b0a1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d"')],
                  children=[text(body, "plain", "us-ascii", "quoted-printable"),
                            Part([("Content-Type", "message/delivery-status")], body=dsn),
                            Part([("Content-Type", "text/rfc822-headers")], body=orig_hdrs)],
                  boundary="b0a1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d")),
     "ignore", "", [], [],
     "Exchange NDR (multipart/report; delivery-status) from postmaster about one of our replies.", reason="bounce")

# 36 qmail plain-text bounce that contains a whole request --------------------------------------------
body = """Hi. This is the qmail-send program at mx.example.net.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<engineer-old@example.net>:
Sorry, no mailbox here by that name. (#5.1.1)

--- Below this line is a copy of the message.

Return-Path: <intake@example.test>
Received: (qmail 12345 invoked from network); 20 Mar 2025 03:00:00 -0000
From: intake@example.test
To: engineer-old@example.net
Subject: [LX-20250319-0009] License硬件变更 - complete
Date: Thu, 20 Mar 2025 11:00:00 +0800

License硬件变更申请，材料齐全。
最终用户单位名称：示例市第二人民医院
用户联系人：田宇
用户联系方式：0816-2221234
代理商工程师姓名：石磊
代理商工程师联系方式：13990001234
授权码：MY22-QWER-ASDF-ZXCV
"""
mail("36-bounce-qmail-plain.eml",
     message(hdr("Thu, 20 Mar 2025 03:00:01 -0000", "MAILER-DAEMON@mx.example.net", "failure notice",
                 "<20250320030001.12346.qmail@mx.example.net>", to=TO),
             text(body, "plain", "utf-8", "8bit")),
     "ignore", "", [], [],
     "Old-style qmail bounce (plain text, MAILER-DAEMON, 'failure notice') that carries a full request copy below the line.", reason="bounce")

# 37 mailing-list post about license hardware change ----------------------------------------------------
body = """各位同行好，

分享一下最近做iMC License硬件变更的经验：老服务器的License文件、新服务器的主机信息文件和盖章承诺书一定要一次准备齐，授权码别抄错。

大家有问题可以在群里讨论。

_______________________________________________
netops mailing list
netops@lists.example.org
https://lists.example.org/mailman/listinfo/netops
"""
mail("37-list-mailman.eml",
     message(hdr("Thu, 20 Mar 2025 12:00:00 +0800", person("张工", "zhanggong@example.net"),
                 "[netops] iMC License硬件变更经验分享", "<20250320120000.7788@example.net>",
                 to="netops@lists.example.org",
                 extra=[("Cc", TO), ("Sender", '"netops" <netops-bounces@lists.example.org>'), ("Precedence", "list"),
                        ("List-Id", "<netops.lists.example.org>"),
                        ("List-Unsubscribe", "<https://lists.example.org/mailman/options/netops>,\r\n <mailto:netops-request@lists.example.org?subject=unsubscribe>"),
                        ("List-Post", "<mailto:netops@lists.example.org>"), ("X-BeenThere", "netops@lists.example.org"),
                        ("Errors-To", "netops-bounces@lists.example.org")]),
             text(body, "plain", "utf-8", "base64")),
     "ignore", "", [], [],
     "Mailman list post (List-Id, Precedence: list) discussing license hardware change, copied to intake.", reason="list")

# 38 no-reply notification --------------------------------------------------------------------------------
body = """您好，

您在示例云服务平台提交的工单 #CS-20250320-5521 状态已更新为“处理中”。
工单标题：License找回
客户局点名称：示例云
授权码：CLD1-2345-6789-ABCD

此邮件由系统自动发出，请勿直接回复。
"""
mail("38-noreply-ticket.eml",
     message(hdr("Thu, 20 Mar 2025 13:30:00 +0800", person("示例云服务", "no-reply@cloud.example.com"),
                 "工单状态更新：License找回", "<ticket-5521-20250320133000@cloud.example.com>"),
             multipart("alternative", "=_cloud_5521_alt",
                       [text(body, "plain", "utf-8", "base64"), text(simple_html(body), "html", "utf-8", "base64")])),
     "ignore", "", [], [],
     "Ticket notification from no-reply@… whose text even carries a site name and auth code.", reason="noreply")

# 39 our own address -----------------------------------------------------------------------------------------
body = """您好，您的License硬件变更申请还缺少以下材料：
- 新服务器的主机信息文件
- 客户单位盖章的《H3C业务软件License例外申请及承诺书》
请回复本邮件补充。
"""
mail("39-own-address.eml",
     message(hdr("Thu, 20 Mar 2025 14:00:00 +0800", '"License Intake" <intake@example.test>',
                 "Re: [LX-20250320-0001] License硬件变更申请", "<LX-20250320-0001.r1@example.test>"),
             text(body, "plain", "utf-8", "base64")),
     "ignore", "", [], [],
     "Mail from intake@example.test itself (our reply come back); no Auto-Submitted header on this copy.", reason="own_address")

# 40 newsletter with no list headers ---------------------------------------------------------------------------
html = """<html><head><meta charset="utf-8"></head><body style="margin:0;background:#f4f4f4">
<table width="600" align="center" cellpadding="0" cellspacing="0" style="background:#fff;font-family:Microsoft YaHei">
<tr><td style="padding:20px;font-size:20px;color:#c00">【产品资讯】iMC PLAT 7.3 (E0710) 新版本发布</td></tr>
<tr><td style="padding:0 20px">尊敬的合作伙伴：<br>新版本支持License在线迁移，硬件变更与找回流程更加便捷，欢迎升级体验。</td></tr>
<tr><td style="padding:20px"><a href="https://www.example.net/news/imc73">了解详情</a> | 如不希望再收到此类邮件，请回复“退订”。</td></tr>
</table></body></html>
"""
mail("40-newsletter-not-request.eml",
     message(hdr("Fri, 21 Mar 2025 10:00:00 +0800", person("示例科技市场部", "marketing@news.example.net"),
                 "【产品资讯】iMC PLAT 7.3 新版本发布，License管理更便捷", "<news-20250321-imc73-000481@news.example.net>",
                 extra=[("X-Mailer", "ExampleMailer EDM 3.2")]),
             text(html, "html", "utf-8", "base64")),
     "ignore", "", [], [],
     "HTML marketing newsletter (no List-* headers) that mentions License 硬件变更/找回 in passing: not a request."
     " Both list (bulk mail with an unsubscribe footer) and not_request apply, so no single reason is expected.")

# 41 invoice ----------------------------------------------------------------------------------------------------------
body = """您好，

附件为贵司采购 iMC License 的增值税专用发票（合同号 HT2025-0310），请查收。如有问题请联系财务部。

示例网络科技有限公司 财务部
电话：010-88881234
"""
atts = [att("发票_INV20250310-0042.pdf", pdf_file("invoice 0042"), PDF)]
mail("41-invoice-not-request.eml",
     message(hdr("Fri, 21 Mar 2025 11:11:11 +0800", person("财务部", "finance@sales.example.com"),
                 "发票 - 合同号HT2025-0310", "<006001db99e2$aabbccdd$eeff0011$@sales.example.com>", extra=OUTLOOK),
             outlook_mixed("01DB99E2.AABDEDF0", body, atts)),
     "ignore", "", [], [],
     "Invoice for iMC licenses with a PDF: not a license-exception request.", reason="not_request")

# 42 recovery, QQ Mail GB18030, typo label 授权吗, 4-byte GB18030 char ---------------------
body = """你好，

我们iMC的license丢了，服务器重装以后找不到激活文件，麻烦帮忙找回一下。

局点名称：示例县第一中学
授权吗：GZ17-8HJK-9LMN-0PQR

谢谢！
吴𠮷
"""
mail("42-recovery-qq-gb18030-typo.eml",
     message(hdr("Fri, 21 Mar 2025 20:45:30 +0800", person("吴𠮷", "2233445566@qq.example.com", "gb18030"),
                 "license 丢失了 求助", "<tencent_5C4B3A29180F7E6D5C4B3A2918070F6E5D08@qq.example.com>", cs="gb18030",
                 extra=[("X-QQ-mid", "xmailweb.example.0.1742561130"), ("X-Mailer", "QQMail 2.x")]),
             multipart("alternative", "----=_NextPart_67DD5A6A_0B1C2D3E_4F5A6B7C",
                       [text(body, "plain", "gb18030", "base64"), text(simple_html(body, "gb18030"), "html", "gb18030", "base64")])),
     "forward", "recovery", [], [],
     "Recovery ('license丢了…找不到激活文件…找回') in GB18030 with the typo label '授权吗：' and a 4-byte GB18030 character in the name.")

# 43 hardware change, Apple Mail, 原 (old) and 替换后 (new) file names ------------------------
body = """您好：

客户网管服务器替换，申请iMC License硬件变更。

最终用户单位名称：示例航空服务有限公司
用户联系人：钟楠
用户联系方式：0898-65011234
代理商工程师姓名：覃波
代理商工程师联系方式：13707711234
授权码：HA01-QAZ2-WSX3-EDC4

附件：原服务器主机信息、替换后服务器主机信息、盖章承诺书。
"""
atts = [att("原服务器主机信息.txt", host_file("43-old", "AIR-NMS-1"), TXT, "apple"),
        att("替换后服务器主机信息.txt", host_file("43-new", "AIR-NMS-2"), TXT, "apple"),
        att("承诺书.pdf", pdf_file("43 stamped"), PDF, "apple")]
mail("43-hw-apple-yuan-tihuanhou.eml",
     message([("Content-Type", 'multipart/mixed;\r\n\tboundary="Apple-Mail=_0F1E2D3C-4B5A-4968-8776-655443322110"'),
              ("Mime-Version", "1.0 (Mac OS X Mail 16.0 \\(3774.600.62\\))")] +
             hdr("Sat, 22 Mar 2025 10:30:00 +0800", person("覃波", "qinbo@nn-net.example.com"),
                 "iMC License硬件变更申请", "<0A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9@nn-net.example.com>",
                 extra=[("X-Mailer", "Apple Mail (2.3774.600.62)")]),
             Part([], children=[text(body, "plain", "utf-8", "quoted-printable")] + atts,
                  boundary="Apple-Mail=_0F1E2D3C-4B5A-4968-8776-655443322110")),
     "forward", "hardware_change", [], [],
     "Host files named 原服务器主机信息.txt (原 = old) and 替换后服务器主机信息.txt (new by elimination); letter just '承诺书.pdf'.")

# 44 hardware change, one long paragraph, Coremail GBK, .dat files -------------------------
body = ("您好，我是示例信息技术有限公司的工程师贺新（电话15811223344），我们代理的最终用户是示例电网检修公司，"
        "用户联系人是常青，电话0311-86781234，由于原iMC服务器硬盘和主板同时故障，用户已经更换了新的服务器，"
        "需要把授权码为SJZ8-7UJM-6YHN-5TGB的License变更到新服务器上，现附上老服务器的激活文件（old_license.dat）、"
        "新服务器的主机信息文件（new_host.dat）以及用户盖章的承诺书扫描件，请帮忙尽快处理，多谢！\n\n贺新\n")
atts = [att("old_license.dat", lic_file("44-old"), OCT, "plain"),
        att("new_host.dat", host_file("44-new", "GRID-NMS-N"), OCT, "plain"),
        att("申请及承诺书扫描件.pdf", pdf_file("44 scan"), PDF, "2047-GBK")]
mail("44-hw-long-paragraph-coremail.eml",
     message(hdr("Sat, 22 Mar 2025 16:20:20 +0800", person("贺新", "hexin@sjz-it.example.com", "GBK"),
                 "关于示例电网检修公司iMC服务器更换的申请", "<6b7c8d9e.1a2b.195b4c5d6e7.Coremail.hexin@sjz-it.example.com>", cs="GBK",
                 extra=[("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)")]),
             multipart("mixed", "----=_Part_318822_1601122334.1742631620777",
                       [multipart("alternative", "----=_Part_318824_556677889.1742631620777",
                                  [text(body, "plain", "GBK", "base64"), text(simple_html(body, "GBK"), "html", "GBK", "base64")])] + atts)),
     "forward", "hardware_change", [], [],
     "Everything in one paragraph without labels (工程师贺新（电话…）, 最终用户是…, 用户联系人是…，电话…, 授权码为…); files old_license.dat / new_host.dat (octet-stream); scanned letter.",
     known_gap="a name or phone glued to its word with no separator (工程师贺新（电话1581…）, …，电话0311-…) is not read; the reply asks for them")

# 45 unbind, Gmail mixed language, no files ----------------------------------------------------
body = """Hi,

客户要把iMC的部分license unbind掉，挪到新的server上用，麻烦看下需要什么。

最终用户单位名称：Example Semiconductor (Wuxi) Co., Ltd.
用户联系人：Jason Zhu
用户联系方式：jason.zhu@semi.example.com
代理商工程师姓名：杨帆
代理商工程师联系方式：13812349876
授权码：WX55-PLMO-KNIJ-BHU8
需要解绑的序列号：IMC-EIA-0051001

Thanks
"""
mail("45-unbind-gmail-missing-files.eml",
     message(hdr("Mon, 24 Mar 2025 09:01:01 +0800", person("杨帆", "yangfan.wx@example.com", "UTF-8"),
                 "iMC license unbind", "<CAN5qW8e_R7tY6uI5oP4aS3dF2gH1jK0lZxCv@mail.example.com>", cs="UTF-8"),
             multipart("alternative", "000000000000d4e5f6a7b8c9d0e1",
                       [text(body, "plain", "UTF-8", "quoted-printable"),
                        text('<div dir="ltr">' + body.replace("\n", "<br>") + "</div>\n", "html", "UTF-8", "quoted-printable")])),
     "request_materials", "unbind", ["old_server_file", "unbind_letter"], [],
     "Partial unbind ('部分license unbind掉') with every field but no files: old server file and unbind-only letter missing.")

# 46 forwarded request as a .eml attachment with application/octet-stream --------------------
inner_body = """您好，

我院iMC服务器更换，申请License硬件变更。
最终用户单位名称：示例市中医院
用户联系人：莫兰
用户联系方式：0771-56781234
授权码：NN31-ZAQ1-XSW2-CDE3

附件：老服务器主机信息、新服务器主机信息、盖章承诺书。
"""
inner = message(hdr("Sun, 23 Mar 2025 18:00:00 +0800", person("莫兰", "molan@tcm.example.cn"),
                    "License硬件变更申请", "<006601db9bff$0a0b0c0d$0e0f1011$@tcm.example.cn>",
                    to=person("覃工", "qingong@gx-net.example.com"), extra=OUTLOOK),
                outlook_mixed("01DB9BFF.0A0D2D30", inner_body,
                              [att("老服务器主机信息.txt", host_file("46-old", "TCM-NMS-1"), TXT),
                               att("新服务器主机信息.txt", host_file("46-new", "TCM-NMS-2"), TXT),
                               att("承诺书盖章.jpg", jpeg_file("46 letter"), JPG)]))
body = """转发客户邮件，请处理。
代理商工程师姓名：覃工（覃文斌）
代理商工程师联系方式：13877101234
"""
atts = [att("Fw_客户License硬件变更申请.eml", inner, OCT, "2047-GBK")]
mail("46-hw-forwarded-eml-octet.eml",
     message(hdr("Mon, 24 Mar 2025 08:30:00 +0800", person("覃文斌", "qingong@gx-net.example.com", "GBK"),
                 "转发：License硬件变更申请", "<201503240830001234567@gx-net.example.com>", cs="GBK",
                 extra=[("X-Mailer", "Foxmail 7.2.25.254[cn]")]),
             multipart("mixed", "----=_001_NextPart318457204614_=----",
                       [text(body, "plain", "GBK", "base64")] + atts)),
     "forward", "hardware_change", [], ["from_forwarded"],
     "Forwarded customer request attached as a .eml file sent as application/octet-stream (not message/rfc822); it holds end-user fields and all three files; the agent fields are in the outer text.")

# 47 hardware change, Taiwan Big5, 硬體變更, 舊/新主機資訊, 用印 --------------------------------
body = """您好：

客戶 iMC 伺服器汰換，申請 License 硬體變更，資料如下：

最終用戶單位名稱：台南範例醫療財團法人
用戶聯絡人：蔡佩君
用戶聯絡電話：06-2001234
代理商工程師姓名：楊宗翰
代理商工程師電話：0912-345678
授權碼：TN47-QWER-1234-ZXCV

附件為舊主機資訊、新主機資訊以及已用印之承諾書。

楊宗翰
"""
atts = [att("舊主機資訊.txt", host_file("47-old", "TN-NMS-OLD"), TXT, "2047-big5"),
        att("新主機資訊.txt", host_file("47-new", "TN-NMS-NEW"), TXT, "2047-big5"),
        att("承諾書_已用印.pdf", pdf_file("47 stamped"), PDF, "2047-big5")]
mail("47-hw-big5-tw-jiu.eml",
     message(hdr("Mon, 24 Mar 2025 10:45:00 +0800", person("楊宗翰", "ych@tn-sys.example.com.tw", "big5"),
                 "License 硬體變更申請", "<006a01db9c7e$1c2d3e4f$5a6b7c8d$@tn-sys.example.com.tw>", cs="big5",
                 extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "zh-tw")]),
             outlook_mixed("01DB9C7E.1C2F5F60", body, atts, cs="big5")),
     "forward", "hardware_change", [], [],
     "Taiwan, Big5: 硬體變更, 伺服器汰換, 用戶聯絡電話 / 代理商工程師電話, 授權碼; files 舊主機資訊.txt / 新主機資訊.txt (舊 = old, 資訊), letter 承諾書_已用印.pdf (用印 = stamped).")

# 48 hardware change, scanner TIFF with a generic name, duplicate 'Tel:' labels ---------------
body = """您好，

客户服务器更换，申请License硬件变更（iMC）。

End User: 示例纺织集团有限公司
Contact: 邱娟
Tel: 0575-84121234
Reseller Engineer: 龙飞
Tel: 13505751234
License Key: SX12-RFV3-TGB4-YHN5

附件：原激活文件、新服务器主机信息、承诺书扫描件（scan0001.tif）。
"""
atts = [att("原激活文件.ak", ak_file("48-old"), OCT),
        att("new-hostinfo.txt", host_file("48-new", "TEX-NMS-2"), TXT, "plain"),
        att("scan0001.tif", tiff_file("48 scan"), TIF, "plain")]
mail("48-hw-tiff-scan-dup-tel.eml",
     message(hdr("Mon, 24 Mar 2025 14:14:00 +0800", person("龙飞", "longfei@sx-net.example.com"),
                 "License硬件变更", "<006e01db9c9b$aa11bb22$cc33dd44$@sx-net.example.com>", extra=OUTLOOK),
             outlook_mixed("01DB9C9B.AA13DC30", body, atts)),
     "forward", "hardware_change", [], [],
     "English labels in a Chinese mail with 'Tel:' twice (first after Contact = end user, second after Reseller Engineer = agent); 原激活文件.ak; letter as scanner TIFF 'scan0001.tif' described in the body.")

# 49 answer to our ask_scenario reply: new text says 硬件变更, quoted reply lists all processes -----
body = """我们是第二种情况，License硬件变更。老服务器license、新服务器主机信息和盖章承诺书见附件，其他信息稍后补充。

> 您好，我们无法判断您申请的是哪一种License例外流程，请说明：
> （1）License找回：激活文件丢失，需要找回。需提供：客户局点名称、之前注册的授权码。
> （2）License硬件变更：服务器硬件变化或更换新服务器。需提供：最终用户单位名称，用户联系人，用户联系方式；代理商工程师姓名，代理商工程师联系方式；需要变更的授权码；老服务器的License文件或主机信息文件；新服务器的主机信息文件；盖章承诺书。
> （3）License解绑：将部分授权码与服务器解除绑定。需提供：最终用户单位名称，用户联系人，用户联系方式；代理商工程师姓名，代理商工程师联系方式；需要变更的授权码；老服务器的License文件或主机信息文件；盖章的承诺书（解绑定专用）。
"""
atts = [att("老服务器license.lic", lic_file("49-old"), OCT),
        att("新服务器主机信息.txt", host_file("49-new", "X-NMS-9"), TXT),
        att("承诺书（盖章）.jpg", jpeg_file("49 letter"), JPG)]
mail("49-answer-to-ask-scenario-quoted.eml",
     message(hdr("Mon, 24 Mar 2025 16:00:00 +0800", person("魏东", "weidong@xm-net.example.com"),
                 "Re: [LX-20250324-0003] 请说明申请类型 / Which request is this?", "<007101db9cab$01020304$05060708$@xm-net.example.com>",
                 extra=OUTLOOK + [("In-Reply-To", "<LX-20250324-0003.r1@example.test>")]),
             outlook_mixed("01DB9CAB.01042420", body, atts)),
     "request_materials", "hardware_change", HW[:6], [],
     "Answer to our 'which process?' reply: new text says 硬件变更 and attaches the three files; the quoted explanation lists every label without values, so all six fields are still missing.")


# ================================================================= write

def main():
    for fn in os.listdir(HERE):
        if fn.endswith(".eml"):
            os.remove(os.path.join(HERE, fn))
    lines = []
    for fname, raw, e in MAILS:
        assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), fname
        with open(os.path.join(HERE, fname), "wb") as f:
            f.write(raw)
        lines.append(json.dumps(e, ensure_ascii=False))
    with open(os.path.join(HERE, "expected.jsonl"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %d mails" % len(MAILS))


if __name__ == "__main__":
    main()
