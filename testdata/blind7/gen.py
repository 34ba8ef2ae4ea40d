#!/usr/bin/env python3
"""Blind test-mail generator for the license-exception intake processor.

Stdlib only, deterministic (fixed dates, Message-IDs, boundaries, zip timestamps).
Run: python3 gen.py   -> writes NN-*.eml and expected.jsonl next to this script.
"""
import base64
import io
import json
import os
import quopri
import struct
import urllib.parse
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
TO = "License Exception Desk <license-exception@example.test>"
MAILS = []      # (file, bytes, crlf)
EXPECTED = []   # dicts
LF_ONLY = {"19", "31", "39"}

# --------------------------------------------------------------------------
# encoding helpers


def b64wrap(data):
    s = base64.b64encode(data).decode("ascii")
    return ("\n".join(s[i:i + 76] for i in range(0, len(s), 76)) + "\n").encode("ascii")


def qpenc(data):
    out = quopri.encodestring(data)
    if not out.endswith(b"\n"):
        out += b"\n"
    return out


def _q_word(b):
    out = []
    for c in b:
        ch = chr(c)
        if ch.isalnum() and c < 128:
            out.append(ch)
        elif ch == " ":
            out.append("_")
        elif ch in "!*+-/":
            out.append(ch)
        else:
            out.append("=%02X" % c)
    return "".join(out)


def ew(s, charset="utf-8", mode="B", maxlen=75, mid_split=False):
    """RFC 2047 encode s into one or more encoded words (folded)."""
    def enc(chunk_bytes):
        if mode == "B":
            body = base64.b64encode(chunk_bytes).decode("ascii")
        else:
            body = _q_word(chunk_bytes)
        return "=?%s?%s?%s?=" % (charset, mode, body)
    if mid_split:
        # some clients cut the byte string blindly, splitting a character
        b = s.encode(charset)
        size = 30
        return "\n ".join(enc(b[i:i + size]) for i in range(0, len(b), size))
    words, cur = [], ""
    for ch in s:
        if cur and len(enc((cur + ch).encode(charset))) > maxlen:
            words.append(cur)
            cur = ch
        else:
            cur += ch
    if cur:
        words.append(cur)
    return "\n ".join(enc(w.encode(charset)) for w in words)


def addr(name, email, charset="utf-8", mode="B"):
    if name is None:
        return email
    try:
        name.encode("ascii")
        if any(c in name for c in ',.()<>@;:"'):
            return '"%s" <%s>' % (name, email)
        return "%s <%s>" % (name, email)
    except UnicodeEncodeError:
        return "%s <%s>" % (ew(name, charset, mode), email)


def pct2231(s, charset):
    return urllib.parse.quote(s.encode(charset), safe="")


class P:
    def __init__(self, headers, body):
        self.headers = headers  # list of str (may contain \n + whitespace folds)
        self.body = body        # bytes

    def serialize(self):
        h = "\n".join(self.headers).encode("utf-8")
        return h + b"\n\n" + self.body


def encode_body(data, cte):
    if cte == "base64":
        return b64wrap(data)
    if cte == "quoted-printable":
        return qpenc(data)
    if not data.endswith(b"\n"):
        data += b"\n"
    return data


def text(s, charset="utf-8", cte="quoted-printable", subtype="plain", params="",
         pycharset=None, extra=()):
    data = s.encode(pycharset or charset)
    hdr = ['Content-Type: text/%s; charset="%s"%s' % (subtype, charset, params),
           "Content-Transfer-Encoding: %s" % cte] + list(extra)
    return P(hdr, encode_body(data, cte))


def att(data, fname, ctype="application/octet-stream", style="2047b", charset="utf-8",
        disp="attachment", cte="base64", extra=(), ctparams=""):
    """An attachment.  style: plain | 2047b | 2047q | 2231 | 2231c | raw8"""
    if style == "plain":
        name_p = 'name="%s"' % fname
        file_p = 'filename="%s"' % fname
    elif style in ("2047b", "2047q"):
        w = ew(fname, charset, "B" if style == "2047b" else "Q")
        name_p = 'name="%s"' % w
        file_p = 'filename="%s"' % w
    elif style == "2231":
        v = pct2231(fname, charset)
        name_p = 'name="%s"' % ew(fname, charset, "B")
        file_p = "filename*=%s''%s" % (charset, v)
    elif style == "2231c":
        # cut between characters (never inside a multibyte character)
        segs, cur = [], ""
        for ch in fname:
            tok = pct2231(ch, charset)
            if cur and len(cur) + len(tok) > 42:
                segs.append(cur)
                cur = ""
            cur += tok
        segs.append(cur)
        name_p = 'name="%s"' % ew(fname, charset, "B")
        parts = []
        for n, sg in enumerate(segs):
            if n == 0:
                parts.append("filename*0*=%s''%s" % (charset, sg))
            else:
                parts.append("filename*%d*=%s" % (n, sg))
        file_p = ";\n ".join(parts)
    elif style == "raw8":
        name_p = 'name="%s"' % fname
        file_p = 'filename="%s"' % fname
    else:
        raise ValueError(style)
    hdr = ["Content-Type: %s;%s\n %s" % (ctype, ctparams, name_p),
           "Content-Transfer-Encoding: %s" % cte]
    if disp:
        hdr.append("Content-Disposition: %s;\n %s" % (disp, file_p))
    hdr += list(extra)
    return P(hdr, encode_body(data, cte))


def mp(subtype, parts, boundary, preamble="This is a multi-part message in MIME format.\n",
       params="", extra=()):
    hdr = ['Content-Type: multipart/%s;%s\n\tboundary="%s"' % (subtype, params, boundary)] + list(extra)
    out = preamble.encode("utf-8") if preamble else b""
    for p in parts:
        out += b"\n--" + boundary.encode() + b"\n" + p.serialize()
        if not out.endswith(b"\n"):
            out += b"\n"
    out += b"\n--" + boundary.encode() + b"--\n"
    return P(hdr, out)


def rfc822(msg_bytes, fname=None):
    hdr = ["Content-Type: message/rfc822" + ('; name="%s"' % fname if fname else ""),
           "Content-Disposition: attachment" + ('; filename="%s"' % fname if fname else "")]
    return P(hdr, msg_bytes.replace(b"\r\n", b"\n"))


def build(top, part, mime_version="MIME-Version: 1.0"):
    hdrs = list(top)
    if mime_version:
        hdrs.append(mime_version)
    h = "\n".join(hdrs + part.headers).encode("utf-8")
    return h + b"\n\n" + part.body


def add(fname, data, action, scenario, missing, notes, why, reason=None, crlf=True):
    if fname[:2] in LF_ONLY:
        crlf = False  # a few mails saved with bare LF line ends, as some tools write them
    if crlf:
        data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    MAILS.append((fname, data))
    e = {"file": fname, "action": action, "scenario": scenario, "missing": missing,
         "notes": notes, "why": why}
    if reason:
        e["reason"] = reason
    EXPECTED.append(e)


# --------------------------------------------------------------------------
# material files

ZIP_DATE = (2024, 3, 11, 9, 30, 0)


def hostinfo(host, uid, mac, ver="iMC PLAT 7.3 (E0705)", when="2024-03-12 10:15:33",
             osname="Windows Server 2019 Standard", zh=False, charset="utf-8"):
    if zh:
        t = ("[iMC主机信息]\n"
             "产品版本=%s\n主机名=%s\n操作系统=%s\n"
             "UniqueID=%s\nMAC地址=%s\nCPU序列号=BFEBFBFF000%s\n"
             "磁盘序列号=WD-WCC%s\n收集时间=%s\n"
             "说明=本文件由iMC产品注册页面生成，请勿修改\n"
             % (ver, host, osname, uid, mac, uid[-6:], uid[:8].replace("-", ""), when))
    else:
        t = ("#iMC Host Information File\n"
             "#Generated by iMC Intelligent Management Center - Product Registration\n"
             "ProductVersion=%s\nHostName=%s\nOS=%s\nUniqueID=%s\nMACAddress=%s\n"
             "CPUID=BFEBFBFF000%s\nDiskSerial=WD-WCC%s\nCollectTime=%s\n"
             "Checksum=%s\n"
             % (ver, host, osname, uid, mac, uid[-6:], uid[:8].replace("-", ""), when,
                base64.b32encode(uid.encode())[:24].decode()))
    return t.replace("\n", "\r\n").encode(charset)


def licfile(product, key, serials, hostid, issued="2019-06-18"):
    sig = base64.b64encode(("%s|%s|%s" % (product, key, hostid)).encode() * 3).decode()
    sl = "".join("    <Serial>%s</Serial>\r\n" % s for s in serials)
    t = ('<?xml version="1.0" encoding="UTF-8"?>\r\n'
         "<H3CLicense version=\"2.0\">\r\n"
         "  <Product>%s</Product>\r\n  <LicenseKey>%s</LicenseKey>\r\n"
         "  <Serials>\r\n%s  </Serials>\r\n"
         "  <HostID>%s</HostID>\r\n  <Issued>%s</Issued>\r\n"
         "  <Signature>%s</Signature>\r\n</H3CLicense>\r\n"
         % (product, key, sl, hostid, issued, sig))
    return t.encode("utf-8")


def pdf(lines):
    """A small valid one-page PDF ('scan' with a red stamp square)."""
    body = "BT /F1 11 Tf 60 780 Td 14 TL\n"
    for ln in lines:
        ln = ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        body += "(%s) Tj T*\n" % ln
    body += "ET\n1 0 0 RG 3 w 400 90 110 110 re S\n0.8 0 0 rg BT /F1 9 Tf 412 140 Td (SEAL) Tj ET\n"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        "<< /Length %d >>\nstream\n%sendstream" % (len(body), body),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += ("%d 0 obj\n%s\nendobj\n" % (i, o)).encode("latin-1")
    x = len(out)
    out += ("xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)).encode()
    for o in offs:
        out += ("%010d 00000 n \n" % o).encode()
    out += ("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objs) + 1, x)).encode()
    return out


def png(w=24, h=24, seed=0):
    rows = b""
    for y in range(h):
        rows += b"\x00"
        for x in range(w):
            ring = 6 <= ((x - w // 2) ** 2 + (y - h // 2) ** 2) ** 0.5 <= 9
            rows += bytes((200, 20, 20)) if ring else bytes((250, 250, 245 - seed % 5))
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def jpg(comment="scan"):
    """Tiny baseline JPEG (one 8x8 grey block, one-symbol Huffman tables)."""
    def seg(marker, payload):
        return b"\xff" + bytes([marker]) + struct.pack(">H", len(payload) + 2) + payload
    out = b"\xff\xd8"
    out += seg(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    out += seg(0xFE, comment.encode("ascii"))
    out += seg(0xDB, b"\x00" + b"\x01" * 64)
    out += seg(0xC0, b"\x08\x00\x08\x00\x08\x01\x01\x11\x00")
    out += seg(0xC4, b"\x00" + b"\x01" + b"\x00" * 15 + b"\x00")
    out += seg(0xC4, b"\x10" + b"\x01" + b"\x00" * 15 + b"\x00")
    out += seg(0xDA, b"\x01\x01\x00\x00\x3f\x00")
    out += b"\x3f"
    out += b"\xff\xd9"
    return out


def tiff():
    entries = [(256, 3, 1, 2), (257, 3, 1, 2), (258, 3, 1, 8), (259, 3, 1, 1),
               (262, 3, 1, 1), (273, 4, 1, 0), (278, 3, 1, 2), (279, 4, 1, 4)]
    ifd_len = 2 + 12 * len(entries) + 4
    data_off = 8 + ifd_len
    out = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", len(entries))
    for tag, typ, cnt, val in entries:
        if tag == 273:
            val = data_off
        if typ == 3:
            out += struct.pack("<HHIHH", tag, typ, cnt, val, 0)
        else:
            out += struct.pack("<HHII", tag, typ, cnt, val)
    out += struct.pack("<I", 0)
    out += b"\x80\x20\x20\x80"
    return out


def docx(title, paras):
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '</Relationships>')
    def p(t, bold=False):
        t = t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
        return '<w:p><w:r>%s<w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (rpr, t)
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body>' + p(title, True) + "".join(p(x) for x in paras) +
           '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>%s</dc:title><dc:creator>H3C</dc:creator>'
            '</cp:coreProperties>' % title)
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in (("[Content_Types].xml", ct), ("_rels/.rels", rels),
                     ("word/document.xml", doc), ("docProps/core.xml", core)):
            zi = zipfile.ZipInfo(n, ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, d.encode("utf-8"))
    return bio.getvalue()


def zipf(entries, name_charset=None):
    """entries: list of (name, bytes).  name_charset='gbk' writes legacy GBK names
    without the UTF-8 flag (as Windows 'Send to compressed folder' on a Chinese system does)."""
    bio = io.BytesIO()
    repl = []
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
        for i, (n, d) in enumerate(entries):
            if name_charset:
                raw = n.encode(name_charset)
                ph = ("~%02d" % i + "q" * len(raw))[:len(raw)]
                assert len(ph) == len(raw)
                repl.append((ph.encode("ascii"), raw))
                n = ph
            zi = zipfile.ZipInfo(n, ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, d)
    out = bio.getvalue()
    for ph, raw in repl:
        assert out.count(ph) == 2, ph
        out = out.replace(ph, raw)
    return out


GENERAL_LETTER_TEXT = [
    "H3C License Exception Application and Commitment Letter",
    "(H3C ye wu ruan jian License li wai shen qing ji cheng nuo shu)",
    "Company: %s",
    "Product: [x] %s   Exception: [x] server / hardware change",
    "Old machine id: see attached host file    New machine id: see attached host file",
    "Signed: %s        Company seal: (stamped)        Date: %s",
]
UNBIND_LETTER_TEXT = [
    "H3C License Exception Application and Commitment Letter (Unbind only)",
    "(cheng nuo shu - jie bang ding zhuan yong)",
    "Company: %s",
    "Product: iMC",
    "Serials of original license: %s",
    "Serials to unbind: %s",
    "Signed: %s        Company seal: (stamped)        Date: %s",
]


def general_letter(org, product, signer, date):
    t = list(GENERAL_LETTER_TEXT)
    t[2] = t[2] % org
    t[3] = t[3] % product
    t[5] = t[5] % (signer, date)
    return pdf(t)


def unbind_letter(org, all_serials, unbind, signer, date):
    t = list(UNBIND_LETTER_TEXT)
    t[2] = t[2] % org
    t[4] = t[4] % all_serials
    t[5] = t[5] % unbind
    t[6] = t[6] % (signer, date)
    return pdf(t)


TEMPLATE_GENERAL = docx("H3C业务软件License例外申请及承诺书", [
    "本公司（单位）：______________________",
    "因存在下面所列情况，需要使用H3C公司的例外变更流程申请新的License激活文件。",
    "所属产品（单选）：□ iMC产品 □ XLog产品 □ Quidview产品 □ CAMS产品",
    "例外情况：□ 更换服务器或者硬件配置 □ Quidview LAN/WAN V2.1升级到Quidview DM V3.10",
    "旧机器标识字符串：", "新机器标识字符串：",
    "变更前原License授权中包含的组件及规模信息：", "例外情况原因说明：",
    "客户签字：            客户单位盖章：            年   月   日"])
TEMPLATE_UNBIND = docx("H3C业务软件License例外申请及承诺书（解绑定专用）", [
    "本公司（单位）：______________________", "iMC产品",
    "变更前原License授权中包含的授权序列号列表：", "需要解绑定的授权序列号：",
    "例外情况原因说明：",
    "客户签字：            客户单位盖章：            年   月   日"])


# ==========================================================================
# 01 Lotus Notes, GB2312, hardware change, complete
def m01():
    b = "=_mixed 0013CD5648258A1B_="
    ba = "=_alternative 0013CD5648258A1B_="
    body = """各位好：

我单位网管平台所在的旧服务器（IBM x3650 M4）已于2024年3月8日因主板故障下线，
iMC已迁移到新服务器（H3C UniServer R4900 G5）上运行，现需申请License更换服务器。
相关信息如下：

【最终用户】
  单位名称：西北能源化工集团有限公司信息中心
  联 系 人：李建国
  联系电话：0931-7931234 / 138 9310 2765

【代理商】
  甘肃恒通信息技术有限公司
  工程师：马涛
  手  机：139-1931-2208

需要变更的授权码：LK7Q-22HX-90PD-3MCA-E41T

附件：旧服务器主机信息文件、新服务器主机信息文件、盖章后的承诺书扫描件。

谢谢！

李建国
信息中心 网络运维科
西北能源化工集团有限公司
"""
    html = ('<font size=2 face="sans-serif">各位好：</font><br><br>'
            '<font size=2 face="sans-serif">我单位网管平台所在的旧服务器（IBM x3650 M4）已于2024年3月8日因主板故障下线，'
            'iMC已迁移到新服务器（H3C UniServer R4900 G5）上运行，现需申请License更换服务器。相关信息如下：</font><br><br>'
            '<font size=2 face="sans-serif">【最终用户】<br>&nbsp; 单位名称：西北能源化工集团有限公司信息中心<br>'
            '&nbsp; 联 系 人：李建国<br>&nbsp; 联系电话：0931-7931234 / 138 9310 2765</font><br><br>'
            '<font size=2 face="sans-serif">【代理商】<br>&nbsp; 甘肃恒通信息技术有限公司<br>&nbsp; 工程师：马涛<br>'
            '&nbsp; 手&nbsp; 机：139-1931-2208</font><br><br>'
            '<font size=2 face="sans-serif">需要变更的授权码：LK7Q-22HX-90PD-3MCA-E41T</font><br><br>'
            '<font size=2 face="sans-serif">附件：旧服务器主机信息文件、新服务器主机信息文件、盖章后的承诺书扫描件。</font><br><br>'
            '<font size=2 face="sans-serif">谢谢！</font><br><br><font size=2 face="sans-serif">李建国<br>'
            '信息中心 网络运维科<br>西北能源化工集团有限公司</font>')
    old = hostinfo("NWEC-NMS-01", "7C2E9A41-0B33-11E6-9F2A-40F2E9C1A0D4", "40:F2:E9:C1:A0:D4",
                   ver="iMC PLAT 7.3 (E0705)", when="2024-03-07 16:02:11", osname="Windows Server 2012 R2")
    new = hostinfo("NWEC-NMS-02", "3F9B7D20-6A1C-4E8B-B0C7-1A2B3C4D5E6F", "B4:05:5D:3A:11:E0",
                   ver="iMC PLAT 7.3 (E0705)", when="2024-03-11 09:41:57")
    parts = [
        mp("alternative", [text(body, "GB2312", "base64"),
                           text(html, "GB2312", "base64", subtype="html")], ba, preamble=""),
        att(old, "old_server_hostinfo.txt", "application/octet-stream", style="plain"),
        att(new, "new_server_hostinfo.txt", "application/octet-stream", style="plain"),
        att(general_letter("Northwest Energy & Chemical Group IT Center", "iMC", "Li Jianguo", "2024-03-11"),
            "承诺书盖章扫描件.pdf", "application/pdf", style="2047b", charset="GB2312"),
    ]
    top = [
        "To: " + TO,
        "Subject: " + ew("iMC License更换服务器申请（西北能源化工）", "GB2312", "B"),
        "X-Mailer: Lotus Notes Release 9.0.1FP10 SHF68 June 21, 2018",
        "Message-ID: <OF2A3B4C5D.6E7F8091-ON48258A1B.0012AB34-48258A1B.0013CD56@nwec.example.cn>",
        "From: " + addr("李建国", "li.jianguo@nwec.example.cn", "GB2312"),
        "Date: Tue, 12 Mar 2024 11:32:05 +0800",
        "X-MIMETrack: Serialize by Router on NWECMAIL01/NWEC(Release 9.0.1FP10|June 21, 2018) at\n 2024-03-12 11:32:06",
    ]
    add("01-lotus-notes-gb2312-hwchange-complete.eml", build(top, mp("mixed", parts, b, preamble="")),
        "forward", "hardware_change", [], [],
        "End user on Lotus Notes (GB2312 base64, text+html, Notes boundaries) with grouped 【最终用户】/【代理商】 blocks; old/new host files by name and stamped PDF: everything present.")


# 02 Lotus Notes, English, unbind without letter
def m02():
    b = "=_mixed 004F1A2B48258A22_="
    body = """Dear License Team,

We need to unbind part of our iMC licence from the current server NMS-SG-01,
so that the released serials can be registered on our DR site server.

Original licence (LK: 20190517-IMC-PLAT-8841-QX) contains 4 serials:
  IMC-PLAT-73-SN100451
  IMC-EIA-73-SN100452
  IMC-UAM-73-SN100453
  IMC-NTA-73-SN100454
Serials to unbind: IMC-UAM-73-SN100453, IMC-NTA-73-SN100454

End user organisation: Straits Maritime Logistics Pte Ltd
Contact person: Ong Siew Ling
Contact: ong.siewling@straitsml.example.sg / +65 6123 4567
Partner engineer: Rajesh Kumar (Nexus Integrated Solutions)
Partner engineer tel: +65 9123 8870

The current activation file of NMS-SG-01 is attached. The signed letter is
still with our legal department, we will send it separately.

Best regards,
Ong Siew Ling
IT Infrastructure
Straits Maritime Logistics Pte Ltd
"""
    lic = licfile("iMC PLAT 7.3", "20190517-IMC-PLAT-8841-QX",
                  ["IMC-PLAT-73-SN100451", "IMC-EIA-73-SN100452", "IMC-UAM-73-SN100453", "IMC-NTA-73-SN100454"],
                  "5A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9")
    parts = [text(body, "US-ASCII", "7bit"),
             att(lic, "NMS-SG-01_activation.lic", "application/octet-stream", style="plain")]
    top = [
        "To: " + TO,
        "Cc: rajesh.kumar@nexus-is.example.sg",
        "Subject: Request to unbind iMC licence serials - Straits Maritime Logistics",
        "X-Mailer: IBM Notes Release 9.0.1FP8 April 27, 2017",
        "Message-ID: <OFA1B2C3D4.55667788-ON48258A22.002B1C2D-48258A22.002C3D4E@straitsml.example.sg>",
        "From: Ong Siew Ling <ong.siewling@straitsml.example.sg>",
        "Date: Wed, 13 Mar 2024 16:05:44 +0800",
        "X-MIMETrack: Serialize by Router on SMLMAIL/SML(Release 9.0.1FP8|April 27, 2017) at\n 13/03/2024 16:05:45",
    ]
    add("02-ibm-notes-unbind-letter-later.eml", build(top, mp("mixed", parts, b, preamble="")),
        "request_materials", "unbind", ["unbind_letter"], [],
        "Singapore end user on IBM Notes, plain 7bit: partial unbind (2 of 4 serials) with all fields and old activation file; letter promised later, so only the unbind letter is missing.")


# 03 Zimbra, recovery, complete
def m03():
    b = "=_d41f3c2a-7e59-4d0b-9a8c-6b1e2f3a4b5c"
    body = """您好，

我院网管服务器上周做系统重装，之前导出的iMC License激活文件找不到了（备份盘也损坏），
麻烦帮忙找回激活文件。

局点名称：苏州市立第二医院（新院区数据中心）
授权码：  3MXP-7TQA-K2D9-W58L-HC0R

产品：iMC PLAT 7.3 + EIA
如需其他信息请联系我：0512-6753 2288

周敏
苏州市立第二医院 信息处
"""
    html = ("<html><body><div style=\"font-family: 宋体; font-size: 12pt; color: #000000\">"
            "<div>您好，</div><div><br></div>"
            "<div>我院网管服务器上周做系统重装，之前导出的iMC License激活文件找不到了（备份盘也损坏），麻烦帮忙找回激活文件。</div>"
            "<div><br></div><div>局点名称：苏州市立第二医院（新院区数据中心）</div>"
            "<div>授权码：&nbsp; 3MXP-7TQA-K2D9-W58L-HC0R</div><div><br></div>"
            "<div>产品：iMC PLAT 7.3 + EIA</div><div>如需其他信息请联系我：0512-6753 2288</div><div><br></div>"
            "<div>周敏</div><div>苏州市立第二医院 信息处</div></div></body></html>")
    top = [
        "Return-Path: zhoumin@szsl2h.example.cn",
        "Date: Thu, 14 Mar 2024 09:12:33 +0800 (CST)",
        "From: " + addr("周敏", "zhoumin@szsl2h.example.cn"),
        "To: " + TO,
        "Message-ID: <1203948571.88213.1710378753218.JavaMail.zimbra@szsl2h.example.cn>",
        "Subject: " + ew("iMC激活文件丢失，申请License找回", "utf-8", "B"),
        "X-Originating-IP: [10.12.3.45]",
        "X-Mailer: Zimbra 8.8.15_GA_4508 (ZimbraWebClient - GC122 (Win)/8.8.15_GA_4508)",
        "Thread-Index: Ab3fK2n1xqzW0yC8Y9s+7rG2pLm1Qw==",
        "Thread-Topic: " + ew("iMC激活文件丢失，申请License找回", "utf-8", "B"),
    ]
    p = mp("alternative", [text(body, "utf-8", "quoted-printable"),
                           text(html, "utf-8", "quoted-printable", subtype="html")], b, preamble="")
    add("03-zimbra-recovery-complete.eml", build(top, p), "forward", "recovery", [], [],
        "Hospital IT on Zimbra (text+html QP): activation file lost after reinstall, site name and auth code with padded full-width colon: complete recovery.")


# 04 Zimbra, hardware change, only old licence
def m04():
    b = "=_0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d"
    body = """Hello,

Our iMC server (Dell R730, service tag 7XK2M52) had its motherboard and both NICs
replaced by Dell on 11.03.2024. Since then iMC reports the licence as invalid
(host information mismatch). We would like to apply for a licence hardware
change.

  End-user company : Pacific Crest Resorts Ltd.
  Contact          : Daniel Ho
  Phone            : (852) 2345 6789
  Partner engineer : Eric Leung, Omnilink Systems (HK)
  Engineer phone   : +852 9876 5432
  Licence key      : HK-IMC-5590-21AA-7731

Attached is the licence file from before the repair. Please tell us what else
is needed.

Regards,
Daniel Ho
"""
    lic = licfile("iMC PLAT 7.3", "HK-IMC-5590-21AA-7731", ["IMC-PLAT-73-SN558201"],
                  "D7E6F5A4-B3C2-4D1E-8F90-112233445566", issued="2021-02-03")
    top = [
        "Return-Path: daniel.ho@pcresorts.example.hk",
        "Date: Fri, 15 Mar 2024 10:47:19 +0800 (HKT)",
        "From: Daniel Ho <daniel.ho@pcresorts.example.hk>",
        "To: " + TO,
        "Message-ID: <2099183344.41221.1710470839123.JavaMail.zimbra@pcresorts.example.hk>",
        "Subject: iMC licence - hardware change after motherboard replacement",
        "X-Mailer: Zimbra 9.0.0_GA_4546 (ZimbraWebClient - FF123 (Win)/9.0.0_GA_4546)",
        "Thread-Index: AdR2mK7pQ1sZ4v8Hc0Gf3qTn9wYbXA==",
        "Thread-Topic: iMC licence - hardware change after motherboard replacement",
    ]
    alt = mp("alternative", [text(body, "utf-8", "7bit"),
                             text("<html><body><pre style=\"font-family:monospace\">" + body.replace("&", "&amp;") +
                                  "</pre></body></html>", "utf-8", "7bit", subtype="html")],
             "=_alt-7d6c5b4a", preamble="")
    p = mp("mixed", [alt, att(lic, "licence_before_repair.lic", "application/octet-stream", style="plain")],
           b, preamble="")
    add("04-zimbra-hwchange-only-old-licence.eml", build(top, p),
        "request_materials", "hardware_change", ["new_host_info", "commitment_letter"], [],
        "Hong Kong end user on Zimbra, aligned 'key : value' rows, motherboard replaced (same server): only the pre-repair licence file attached, so new host info and stamped letter are missing.")


# 05 Roundcube, unbind, complete, format=flowed, RFC 2231 names
def m05():
    b = "=_5c1d0a4f8e2b7d93c6a1f0e4b2d8c7a9"
    body = ("您好：\r\n\r\n"
            "我司需要将iMC License中的部分授权序列号与当前服务器解除绑定，以便在分公司新部署的 \r\n"
            "iMC上使用。\r\n\r\n"
            "最终用户单位名称：浙江禾丰农业发展股份有限公司\r\n"
            "用户联系人：陈晓峰\r\n"
            "用户联系方式：chenxf@hefeng-agri.example.cn，手机 +86 138-0013-8000\r\n"
            "代理商工程师姓名：吴昊（杭州云启网络）\r\n"
            "代理商工程师联系方式：0571-8766 1200 转 806\r\n"
            "授权码：ZJ-HF-2022-0419-IMC-A7\r\n\r\n"
            "原授权包含的序列号：IMC-PLAT-SN20220419001、IMC-EIA-SN20220419002、 \r\n"
            "IMC-APM-SN20220419003\r\n"
            "需要解绑定的序列号：IMC-APM-SN20220419003\r\n\r\n"
            "附件为原服务器的主机信息文件和盖章的解绑定专用承诺书。\r\n\r\n"
            "-- \r\n陈晓峰\r\n浙江禾丰农业发展股份有限公司 信息部\r\n")
    old = hostinfo("HF-NMS", "9A8B7C6D-5E4F-3A2B-1C0D-EFEFEFEF0001", "00:50:56:9A:1C:2B",
                   ver="iMC PLAT 7.3 (E0706)", when="2024-03-14 14:20:05", zh=True)
    letter = unbind_letter("Zhejiang Hefeng Agriculture Development Co., Ltd.",
                           "IMC-PLAT-SN20220419001, IMC-EIA-SN20220419002, IMC-APM-SN20220419003",
                           "IMC-APM-SN20220419003", "Chen Xiaofeng", "2024-03-14")
    parts = [
        P(['Content-Type: text/plain; charset=UTF-8;\n format=flowed', "Content-Transfer-Encoding: 8bit"],
          body.replace("\r\n", "\n").encode("utf-8")),
        att(old, "原服务器主机信息.txt", "text/plain", style="2231", ctparams=""),
        att(letter, "承诺书(解绑定专用)-盖章.pdf", "application/pdf", style="2231"),
    ]
    top = [
        "Date: Fri, 15 Mar 2024 15:30:02 +0800",
        "From: " + addr("陈晓峰", "chenxf@hefeng-agri.example.cn"),
        "To: " + TO,
        "Subject: " + ew("iMC License解绑申请 - 浙江禾丰", "UTF-8", "Q"),
        "Message-ID: <8f3e2c1b9a7d6e5f4c3b2a1908f7e6d5@hefeng-agri.example.cn>",
        "X-Sender: chenxf@hefeng-agri.example.cn",
        "User-Agent: Roundcube Webmail/1.6.5",
    ]
    add("05-roundcube-unbind-complete-flowed.eml", build(top, mp("mixed", parts, b, preamble="")),
        "forward", "unbind", [], [],
        "Roundcube end user, format=flowed 8bit with soft breaks inside the serial list, RFC 2231 UTF-8 file names: partial unbind (1 of 3) with host file and stamped unbind letter, complete.")


# 06 Roundcube, recovery, reseller without site name
def m06():
    body = """Hi,

One of our customers lost the licence activation file of their iMC after a
storage failure and we need to get it recovered.

Auth code: 8812-RX4C-0PQ7-LM3Z

Which other information do you need? The customer would prefer not to be
named in email until the PO is closed.

Thanks,
Tom Reyes
Senior Engineer | Bluewave Networks Inc.
"""
    top = [
        "Date: Mon, 18 Mar 2024 08:03:55 +0000",
        "From: Tom Reyes <tom.reyes@bluewave-net.example.com>",
        "To: " + TO,
        "Subject: Lost licence file - recovery request",
        "Message-ID: <a17c4e2f90b8d3e61f5a2c7b9d0e8f13@bluewave-net.example.com>",
        "X-Sender: tom.reyes@bluewave-net.example.com",
        "User-Agent: Roundcube Webmail/1.5.3",
    ]
    p = P(["Content-Type: text/plain; charset=US-ASCII;\n format=flowed", "Content-Transfer-Encoding: 7bit"],
          body.encode())
    add("06-roundcube-recovery-no-site-name.eml", build(top, p),
        "request_materials", "recovery", ["site_name"], [],
        "Reseller engineer on Roundcube asks to recover a lost activation file for an unnamed customer: auth code given, site name deliberately withheld.")


# 07 Apple Mail, docx template as letter
def m07():
    b = "Apple-Mail=_7E1F0C2D-3B4A-4C5D-8E9F-A0B1C2D3E4F5"
    t1 = """各位工程师好，

因原网管服务器过保且频繁宕机，我们已采购新服务器并完成iMC安装，需要办理License硬件变更。

最终用户单位名称：上海浦江城市建设投资有限公司
用户联系人：顾佳怡
用户联系方式：+86-21-5888-6666 分机 2031
代理商工程师姓名：沈立
代理商工程师联系方式：186 2177 4409
需要变更的授权码：SH-PJ-IMC-2020-1130-77

原License包含组件及规模：iMC PLAT 7.3（200节点）、EIA（500用户）
变更原因：旧服务器硬件老化，更换新服务器

旧服务器主机信息：
"""
    t2 = "\n新服务器主机信息：\n"
    t3 = "\n承诺书：\n"
    t4 = """
顾佳怡
上海浦江城市建设投资有限公司 信息化管理部

"""
    old = hostinfo("PJ-IMC-OLD", "1E2D3C4B-5A69-7887-96A5-B4C3D2E1F000", "A0:36:9F:12:34:56",
                   when="2024-03-15 13:01:44", osname="CentOS Linux 7.6")
    new = hostinfo("PJ-IMC-NEW", "2F3E4D5C-6B7A-8998-A7B6-C5D4E3F2A111", "B8:59:9F:65:43:21",
                   when="2024-03-18 10:22:09", osname="Kylin V10 SP2")
    def aatt(data, name, ctype):
        return P(["Content-Disposition: inline;\n\tfilename*=utf-8''" + pct2231(name, "utf-8"),
                  "Content-Type: %s;\n\tx-unix-mode=0644;\n\tname=\"%s\"" % (ctype, ew(name)),
                  "Content-Transfer-Encoding: base64"], b64wrap(data))
    parts = [
        text(t1, "utf-8", "quoted-printable"),
        aatt(old, "旧服务器主机信息.txt", "text/plain"),
        text(t2, "utf-8", "quoted-printable"),
        aatt(new, "新服务器主机信息.txt", "text/plain"),
        text(t3, "utf-8", "quoted-printable"),
        aatt(TEMPLATE_GENERAL, "H3C业务软件License例外申请及承诺书.docx",
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        text(t4, "utf-8", "quoted-printable"),
    ]
    top = [
        "From: " + addr("顾佳怡", "gujiayi@pjcti.example.cn"),
        "Content-Type: multipart/mixed;\n\tboundary=\"%s\"" % b,
        "Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3774.400.31\\))",
        "Subject: " + ew("License硬件变更申请-浦江城投", "utf-8", "Q"),
        "Date: Mon, 18 Mar 2024 14:26:37 +0800",
        "Message-Id: <6A0B7C1D-2E3F-4A5B-9C8D-7E6F5A4B3C2D@pjcti.example.cn>",
        "To: " + TO,
        "X-Mailer: Apple Mail (2.3774.400.31)",
    ]
    whole = mp("mixed", parts, b, preamble="")
    add("07-apple-mail-hwchange-blank-docx-letter.eml", build(top, P([], whole.body), mime_version=None),
        "request_materials", "hardware_change", ["commitment_letter"], ["letter_not_stamped"],
        "Apple Mail macOS with interleaved inline parts (text/attachment/text), RFC 2231 names: everything present except that the letter is the blank .docx template, not a stamped scan.")


# 08 Android Gmail, one line + attachments
def m08():
    b = "000000000000b7c4a20613e1f5a2"
    ba = "000000000000b7c4a10613e1f5a0"
    line = "服务器换了，license硬件变更，授权码 9F3K-22QX-7TBD-M0PL，材料见附件"
    old = hostinfo("nms-old", "0A1B2C3D-4E5F-6A7B-8C9D-0E1F2A3B4C5D", "00:1E:67:AA:BB:01", when="2024-03-17 20:11:02")
    new = hostinfo("nms-new", "5D4C3B2A-1F0E-9D8C-7B6A-5F4E3D2C1B0A", "00:1E:67:AA:BB:02", when="2024-03-18 21:45:30")
    def gatt(data, name, ctype, n):
        fn = name if all(ord(c) < 128 for c in name) else ew(name)
        return P(['Content-Type: %s; name="%s"' % (ctype, fn),
                  'Content-Disposition: attachment; filename="%s"' % fn,
                  "Content-Transfer-Encoding: base64",
                  "Content-ID: <f_lu0x%d>" % n, "X-Attachment-Id: f_lu0x%d" % n], b64wrap(data))
    parts = [
        mp("alternative", [text(line + "\n", "UTF-8", "base64"),
                           text('<div dir="auto">' + line + "</div>\n", "UTF-8", "base64", subtype="html")],
           ba, preamble=""),
        gatt(old, "old.txt", 'text/plain; charset="US-ASCII"', 1),
        gatt(new, "new.txt", 'text/plain; charset="US-ASCII"', 2),
        gatt(jpg("stamped letter photo"), "承诺书.jpg", "image/jpeg", 3),
    ]
    top = [
        "MIME-Version: 1.0",
        "From: " + addr("王磊", "wanglei.nms@gmail.example.com"),
        "Date: Tue, 19 Mar 2024 07:58:14 +0800",
        "Message-ID: <CAJx7pK1q9V3hZ0mF+2rT8sLw4Y@mail.gmail.example.com>",
        "Subject: " + ew("license硬件变更", "UTF-8", "B"),
        "To: " + TO,
    ]
    add("08-android-gmail-oneline-hwchange.eml", build(top, mp("mixed", parts, b, preamble=""), mime_version=None),
        "request_materials", "hardware_change",
        ["end_user_org", "end_user_contact", "end_user_phone", "agent_engineer", "agent_phone"], [],
        "One-line Android Gmail mail (base64 text, html div dir=auto) with old.txt/new.txt host files and a photographed letter: auth code inline, but no end-user or reseller details at all.")


# 09 Tencent Exmail (QQ style), GB18030 base64, recovery complete
def m09():
    b = "----=_NextPart_65F8C2A1_0B1C2D3E_4F5A6B7C"
    body = """您好！

我司机房搬迁后iMC服务器重装了系统，原来的License激活文件没有备份，现在找不到了，申请License找回。

客户局点名称：深圳前海鹏程物流有限公司（前海总部机房）
之前注册的授权码：SZQH-5B7E-IMC-09XK-2231

联系人：黄志伟 0755-2658 9999 ext. 8021

谢谢！



黄志伟
IT运维部
深圳前海鹏程物流有限公司
"""
    html = ("<div>您好！</div><div><br></div><div>我司机房搬迁后iMC服务器重装了系统，原来的License激活文件没有备份，现在找不到了，申请License找回。</div>"
            "<div><br></div><div>客户局点名称：深圳前海鹏程物流有限公司（前海总部机房）</div>"
            "<div>之前注册的授权码：SZQH-5B7E-IMC-09XK-2231</div><div><br></div>"
            "<div>联系人：黄志伟 0755-2658 9999 ext. 8021</div><div><br></div><div>谢谢！</div>"
            "<div><br></div><div><sign signid=\"0\"><div style=\"color:#909090;font-family:Arial Narrow;font-size:12px\">------------------</div>"
            "<div style=\"font-size:14px;font-family:Verdana;color:#000;\"><div>黄志伟</div><div>IT运维部</div>"
            "<div>深圳前海鹏程物流有限公司</div></div></sign></div>")
    top = [
        "X-QQ-mid: bizesmtp91t1710831521t9k3j2h1",
        "X-QQ-Originating-IP: Vt2mB0rYq9bH1cP7aH6xZ1mQkV0sRj3o4W1e8kK2m3U=",
        "Received: from pcqhpc07 ( [183.14.xx.xx])\n\tby bizesmtp.qq.com (ESMTP) with SMTP id 0\n\tfor <license-exception@example.test>; Tue, 19 Mar 2024 14:58:40 +0800 (CST)",
        "X-QQ-SSF: 01400000000000F0Z000000A0000000",
        "X-QQ-FEAT: 3+jIVx9F0dsyRx0mNy3DKQ==",
        "X-QQ-GoodBg: 2",
        "From: " + addr("黄志伟", "huangzw@qhpc-logistics.example.cn", "gb18030"),
        "To: " + addr("License例外申请", "license-exception@example.test", "gb18030"),
        "Subject: " + ew("申请License找回（前海鹏程物流）", "gb18030", "B"),
        "Mime-Version: 1.0",
        "Date: Tue, 19 Mar 2024 14:58:41 +0800",
        "X-Priority: 3",
        "Message-ID: <tencent_8B2A4C6E1F3D5B7A9C0E2F4A6B8D0C1E@qq.example.com>",
        "X-QQ-MIME: TCMime 1.0 by Tencent",
        "X-Mailer: QQMail 2.x",
        "X-QQ-Mailer: QQMail 2.x",
    ]
    p = mp("alternative", [text(body, "gb18030", "base64"), text(html, "gb18030", "base64", subtype="html")],
           b, preamble="This is a multi-part message in MIME format.\n")
    add("09-tencent-exmail-gb18030-recovery.eml", build(top, p, mime_version=None), "forward", "recovery", [], [],
        "Tencent Exmail (X-QQ headers, GB18030 base64 text+html with QQ signature block): activation file lost after data-centre move, seed-style labels: complete recovery.")


# 10 Alibaba mail, zip with materials
def m10():
    b = "----=ALIBOUNDARY_71842_53f0c1e8c140_65f92a11_2b7d0"
    body = """您好，

我方客户因原iMC服务器硬盘阵列损坏，已更换新服务器，现申请License硬件变更。变更材料（新、老服务器主机信息及盖章承诺书）已压缩在附件中。

最终用户：杭州云栖数智科技有限公司
用户联系人：林若曦  联系方式：lin.ruoxi@yunqi-sz.example.cn / 0571-8502 1166
代理商：浙江数联通信技术有限公司，工程师 周航，电话 13757 1188 02
授权码：HZYQ-IMC-8823-5K1P-Q0WT

原License规模：iMC PLAT 7.3 管理300个节点

谢谢
周航
浙江数联通信技术有限公司 技术服务部
"""
    z = zipf([
        ("变更材料/老服务器主机信息.txt", hostinfo("yq-imc-01", "C1D2E3F4-A5B6-4C7D-8E9F-0A1B2C3D4E5F", "6C:92:BF:00:11:22", when="2024-03-18 09:03:12")),
        ("变更材料/新服务器主机信息.txt", hostinfo("yq-imc-02", "F5E4D3C2-B1A0-4F9E-8D7C-6B5A4F3E2D1C", "6C:92:BF:00:33:44", when="2024-03-19 11:47:35")),
        ("变更材料/License例外申请及承诺书-盖章.pdf", general_letter("Hangzhou Yunqi Shuzhi Technology Co., Ltd.", "iMC", "Lin Ruoxi", "2024-03-19")),
    ])
    top = [
        "X-Alimail-AntiSpam: AC=CONTINUE;BC=0.07436282|-1;CH=green;DM=|CONTINUE|false|;DS=CONTINUE|ham_regular_dialog|0.0413;FP=0|0|0|0|0|-1|-1|-1;HT=ay29a033018047194;MF=zhouhang@shulian-tx.example.cn;NM=1;PH=DS;RN=1;RT=1;SR=0;TI=SMTPD_---0W2hK3pQ_1710845201",
        "Date: Tue, 19 Mar 2024 18:46:41 +0800",
        "From: " + addr("周航", "zhouhang@shulian-tx.example.cn"),
        "To: " + TO,
        "Message-ID: <4a8c2e1f-7b3d-4e9a-a5c6-0d1e2f3a4b5c.zhouhang@shulian-tx.example.cn>",
        "Subject: " + ew("【License硬件变更】杭州云栖数智", "UTF-8", "B"),
        "X-Mailer: Alimail-Mailagent revision 2",
        "MIME-Version: 1.0",
        "x-aliyun-mail-creator: W4_5407021_x3kNjYmM2ZDU4NzQtYjE1Mi00ZTYxLWEyN2QtN2UxM2I5ZjQ3ZGQyMozilla/5.0",
    ]
    alt = mp("alternative", [text(body, "UTF-8", "base64"),
                             text("<div class=\"__aliyun_email_body_block\"><div style=\"line-height:1.7;font-family:Tahoma,Arial,STHeiti,SimSun;font-size:14.0px\">"
                                  + body.replace("\n", "<br >") + "</div></div>", "UTF-8", "base64", subtype="html")],
             "----=ALIBOUNDARY_71842_53f0c1e8c140_65f92a11_2b7d1", preamble="")
    p = mp("mixed", [alt, att(z, "变更材料.zip", "application/zip", style="2047b")], b, preamble="")
    add("10-alimail-hwchange-zip-complete.eml", build(top, p, mime_version=None),
        "forward", "hardware_change", [], ["from_archive"],
        "Reseller on Alibaba mail (Alimail headers, base64 UTF-8) packs old/new host files and stamped letter in a zip subfolder; fields inline with two per line: complete, from the archive.")


# 11 NetEase enterprise (Coremail), GBK, unbind with the general letter
def m11():
    b = "----=_Part_228871_1468829510.1710900123456"
    body = """您好：

我单位iMC需要把部分授权解除绑定，转到新建的灾备网管上用，具体如下：

1. 最终用户单位名称：南京江宁开发区管理委员会信息中心
2. 用户联系人：赵一鸣，电话 025-5210 7788
3. 代理商工程师：孙浩（江苏瑞通网络），手机 15951 903 377
4. 授权码：NJJN-IMC-2021-6620-HB
5. 原授权序列号：IMC-PLAT-SN6620-01、IMC-EIA-SN6620-02、IMC-UAM-SN6620-03
6. 需要解绑的序列号：IMC-UAM-SN6620-03
7. 原服务器License文件、盖章承诺书见附件

谢谢！
赵一鸣
"""
    lic = licfile("iMC PLAT 7.3", "NJJN-IMC-2021-6620-HB",
                  ["IMC-PLAT-SN6620-01", "IMC-EIA-SN6620-02", "IMC-UAM-SN6620-03"],
                  "3C4D5E6F-7081-92A3-B4C5-D6E7F8091A2B", issued="2021-07-09")
    top = [
        "Received: from zhaoym$jnkfq.example.cn ( [10.1.20.33] ) by\n ajax-webmail-mx.qiye.163.example.com (Coremail) ; Wed, 20 Mar 2024 10:02:03\n +0800 (GMT+08:00)",
        "X-Originating-IP: [10.1.20.33]",
        "Date: Wed, 20 Mar 2024 10:02:03 +0800 (GMT+08:00)",
        "X-CM-HeaderCharset: UTF-8",
        "From: " + addr("赵一鸣", "zhaoym@jnkfq.example.cn"),
        "To: " + TO,
        "Subject: " + ew("iMC授权解绑申请", "GBK", "B"),
        "X-Priority: 3",
        "X-Mailer: Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)\n Copyright (c) 2002-2024 www.mailtech.cn 163com",
        "X-NTES-SC: AL_Qu2bAvuYu08u5SKZY+kXn0sWhO8/WcG4uf0k3oJSP5s0qSbo1g4LZ0Nzv2T7",
        "MIME-Version: 1.0",
        "Message-ID: <3f1a2b4c.5d6e.18e58a1c3f2.Coremail.zhaoym@jnkfq.example.cn>",
        "X-Coremail-Locale: zh_CN",
    ]
    alt = mp("alternative", [text(body, "GBK", "base64"),
                             text("<div style=\"line-height:1.7;color:#000000;font-size:14px;font-family:Arial\">"
                                  + body.replace("\n", "<br>") + "</div>", "GBK", "base64", subtype="html")],
             "----=_Part_228873_1061392818.1710900123456", preamble="")
    parts = [alt,
             att(lic, "原服务器License文件.lic", "application/octet-stream", style="2047b", charset="GBK"),
             att(general_letter("Nanjing Jiangning Development Zone IT Center", "iMC", "Zhao Yiming", "2024-03-19"),
                 "H3C业务软件License例外申请及承诺书（盖章）.pdf", "application/pdf", style="2047b", charset="GBK")]
    add("11-netease-coremail-unbind-general-letter.eml", build(top, mp("mixed", parts, b, preamble=""), mime_version=None),
        "request_materials", "unbind", ["unbind_letter"], ["wrong_letter"],
        "End user on NetEase enterprise mail (Coremail, GBK) with a numbered list: partial unbind, but the stamped letter attached is the general one, not the unbind-only letter.")


# 12 ServiceNow-like ticket relay
def m12():
    body = """Dear H3C Licensing Team,

The following request was raised through our IT Service Portal and is being
forwarded to you for action. Please reply to this email keeping the reference
in the subject line.

Number:            RITM0048213
Opened:            20-Mar-2024 09:14 SGT
Requested for:     Tan Wei Ming
Caller phone:      +65 6701 2233
Company:           Merlion Commercial Bank Ltd
Assignment group:  Network Operations
Short description: iMC licence transfer to replacement server
State:             Awaiting Vendor

Description:
The iMC management server NOC-IMC-P01 reached end of support and is being
replaced by NOC-IMC-P02. The licence must be moved to the new server.
Licence key (from asset record CI0031882): SG-MCB-IMC-3314-77QH
Attached from the ticket: licence file of P01 and host information file
generated on P02.

Comments (customer visible):
20-Mar-2024 09:20 - Tan Wei Ming: The company-chopped commitment letter is
pending approval from our Legal; will be uploaded to the ticket when ready.

Ref:MSG0219934
"""
    lic = licfile("iMC PLAT 7.3", "SG-MCB-IMC-3314-77QH", ["IMC-PLAT-73-SN331401", "IMC-EIA-73-SN331402"],
                  "0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0", issued="2019-11-20")
    new = hostinfo("NOC-IMC-P02", "8E7D6C5B-4A39-2817-0615-F4E3D2C1B0A9", "F4:03:43:21:0A:9B",
                   when="2024-03-19 17:33:08", osname="Red Hat Enterprise Linux 8.8")
    parts = [text(body, "UTF-8", "quoted-printable"),
             att(lic, "NOC-IMC-P01.lic", "application/octet-stream", style="plain"),
             att(new, "NOC-IMC-P02_hostinfo.txt", "text/plain", style="plain")]
    top = [
        "Date: Wed, 20 Mar 2024 09:31:47 +0800",
        "From: Merlion Bank IT Service Desk <itservicedesk@merlionbank.example.sg>",
        "Reply-To: Merlion Bank IT Service Desk <itservicedesk@merlionbank.example.sg>",
        "To: " + TO,
        "Subject: RITM0048213 | iMC licence transfer to replacement server",
        "Message-ID: <1188273.4471.1710898307711@app129031.sin3.service-now.example.com>",
        "X-ServiceNow-Source: EmailAction",
        "X-ServiceNow-SysEmail-Version: 2",
    ]
    add("12-servicenow-relay-hwchange-no-partner.eml",
        build(top, mp("mixed", parts, "----=_Part_4470_1893322.1710898307710", preamble="")),
        "request_materials", "hardware_change", ["agent_engineer", "agent_phone", "commitment_letter"], [],
        "Bank's ServiceNow desk relays a ticket (RITM fields, 'Requested for', 'Caller phone'): server replacement with old licence and new host file; no partner engineer, chopped letter pending.")


# 13 Jira notification -> ignore
def m13():
    body = """Zhang Lei commented on OPS-482
-------------------------------

Re: iMC licence lost - need recovery

局点名称：华东电网调度中心  授权码：HD-IMC-7712-PQ55
已经在群里同步给H3C，等待对方回复。

----------------------
This message was sent by Atlassian Jira (v9.4.8#940008-sha1:5f2b1c0)
"""
    top = [
        "Date: Wed, 20 Mar 2024 11:05:12 +0800",
        "From: " + addr("Zhang Lei (Jira)", "jira@ops-tracker.example.cn"),
        "To: " + TO,
        "Message-ID: <JIRA.220781.1710900312000.4471.1710904312551@Atlassian.JIRA>",
        "In-Reply-To: <JIRA.220781.1710900312000@Atlassian.JIRA>",
        "Subject: [JIRA] (OPS-482) iMC licence lost - need recovery",
        "Auto-Submitted: auto-generated",
        "X-JIRA-FingerPrint: 5c8a1e2b7d3f4a6c9e0b1d2f3a4c5e6f",
    ]
    add("13-jira-comment-notification.eml", build(top, text(body, "UTF-8", "base64")),
        "ignore", "", [], [],
        "Jira comment notification (Auto-Submitted: auto-generated) that happens to carry a site name and auth code for a recovery: machine mail, no reply.",
        reason="auto_submitted")


# 14 Reseller formal letter, numbered sections (Chinese)
def m14():
    body = """致：H3C License例外申请受理组

关于北京燕京城市轨道交通运营有限公司iMC授权更换服务器的申请函

一、申请事由
    最终用户原网管服务器（HP DL380 Gen9）于2024年3月5日发生主板及RAID卡故障，
    已由新服务器（H3C UniServer R4900 G5）替代。现按《H3C业务软件产品License例外申请流程》
    申请License硬件变更，将授权由老服务器变更至新服务器。

二、最终用户信息
    （一）单位名称：北京燕京城市轨道交通运营有限公司
    （二）联系人：刘振宇
    （三）联系方式：010-8888 8888 转 123；liuzy@yjmetro.example.cn

三、代理商信息
    （一）代理商：北京中科汇通系统集成有限公司
    （二）工程师：韩冰
    （三）联系方式：+86 135 0112 7788

四、授权信息
    （一）授权码：BJYJ-IMC-2018-0822-5RTK
    （二）原授权组件及规模：iMC PLAT 7.3（500节点）、iMC NTA、iMC UAM（2000用户）
    （三）所属产品：iMC

五、附件清单
    附件1：老服务器License文件
    附件2：新服务器主机信息文件
    附件3：《H3C业务软件License例外申请及承诺书》盖章扫描件

特此申请。

北京中科汇通系统集成有限公司（公章）
二〇二四年三月二十日
"""
    lic = licfile("iMC PLAT 7.3", "BJYJ-IMC-2018-0822-5RTK", ["IMC-PLAT-SN0822-A", "IMC-NTA-SN0822-B", "IMC-UAM-SN0822-C"],
                  "44556677-8899-AABB-CCDD-EEFF00112233", issued="2018-08-22")
    new = hostinfo("YJ-NMS-R4900", "6A5B4C3D-2E1F-0A9B-8C7D-6E5F4A3B2C1D", "30:7B:C9:AA:01:02", when="2024-03-19 15:20:44", zh=True)
    parts = [text(body, "GBK", "base64"),
             att(lic, "附件1：老服务器License文件.lic", "application/octet-stream", style="2047b", charset="gb2312"),
             att(new, "附件2：新服务器主机信息.txt", "text/plain", style="2047b", charset="gb2312"),
             att(general_letter("Beijing Yanjing Urban Rail Transit Operation Co., Ltd.", "iMC", "Liu Zhenyu", "2024-03-20"),
                 "附件3：承诺书（盖章）.pdf", "application/pdf", style="2047b", charset="gb2312")]
    top = [
        "From: " + addr("韩冰", "hanbing@zkht-si.example.cn", "gb2312"),
        "To: " + TO,
        "Cc: " + addr("刘振宇", "liuzy@yjmetro.example.cn", "gb2312"),
        "Subject: " + ew("关于北京燕京城市轨道交通运营有限公司iMC授权更换服务器的申请函", "gb2312", "B"),
        "Date: Wed, 20 Mar 2024 16:40:00 +0800",
        "Message-ID: <202403201640000125478@zkht-si.example.cn>",
        "X-Mailer: Foxmail 7.2.25.228[cn]",
    ]
    add("14-reseller-formal-letter-zh-hwchange.eml",
        build(top, mp("mixed", parts, "----=_001_NextPart843110527231_=----")),
        "forward", "hardware_change", [], [],
        "Reseller's formal 申请函 with 一、二、（一） numbered sections (Foxmail, GB2312), components/scale given, 附件1/2/3 file names: complete hardware change.")


# 15 Reseller formal English letter: unbind of ALL serials -> hardware change
def m15():
    body = """Ref: NIS/LIC/2024/031
Date: 21 March 2024

To: H3C Licence Exception Desk

Subject: Request for unbinding of iMC licence serials - Kuala Lumpur Medical Centre

1. Background
   1.1 Kuala Lumpur Medical Centre (KLMC) operates iMC PLAT 7.3 on server
       KLMC-NMS-01, which is being decommissioned.
   1.2 KLMC requests that the licence serials be unbound from KLMC-NMS-01 so
       they can be registered on a replacement server.

2. Licence details
   2.1 Licence key: MY-KLMC-IMC-2020-4410
   2.2 Serials in the original licence:
         IMC-PLAT-73-SN441001, IMC-EIA-73-SN441002, IMC-NTA-73-SN441003
   2.3 Serials to be unbound: all three serials listed in 2.2.

3. End-user details
   3.1 Organisation: Kuala Lumpur Medical Centre Sdn Bhd
   3.2 Contact person: Dr. Aisyah Rahman (Head of IT)
   3.3 Contact: +60 3-2164 8800 / aisyah.rahman@klmc.example.my

4. Partner details
   4.1 Engineer: Lim Chee Keong, Nusantara Integrated Systems
   4.2 Contact: +60 12-338 7741

5. Enclosures
   5.1 Activation file of KLMC-NMS-01

We look forward to your favourable consideration.

Yours faithfully,
Lim Chee Keong
Nusantara Integrated Systems Sdn Bhd
"""
    lic = licfile("iMC PLAT 7.3", "MY-KLMC-IMC-2020-4410",
                  ["IMC-PLAT-73-SN441001", "IMC-EIA-73-SN441002", "IMC-NTA-73-SN441003"],
                  "A1A2A3A4-B1B2-C1C2-D1D2-E1E2E3E4E5E6", issued="2020-05-14")
    parts = [text(body, "us-ascii", "7bit"),
             att(lic, "KLMC-NMS-01_activation_file.lic", "application/octet-stream", style="plain")]
    top = [
        "From: Lim Chee Keong <ck.lim@nusantara-is.example.my>",
        "To: " + TO,
        "Subject: NIS/LIC/2024/031 - Request for unbinding of iMC licence serials (KLMC)",
        "Date: Thu, 21 Mar 2024 10:15:22 +0800",
        "Message-ID: <000001da7b2c$4e5f6a70$eb1c3f50$@nusantara-is.example.my>",
        "X-Mailer: Microsoft Outlook 16.0",
        "Content-Language: en-my",
    ]
    add("15-reseller-formal-en-unbind-all-serials.eml",
        build(top, mp("mixed", parts, "----=_NextPart_000_0001_01DA7B6F.5C8E1A20")),
        "request_materials", "hardware_change", ["new_host_info", "commitment_letter"], ["unbind_all_serials"],
        "Malaysian reseller's formal letter with 1./1.1 numbering asks to 'unbind' all three serials of the licence: that is the hardware-change process; new host info and stamped general letter missing.")


# 16 Long mail with bilingual legal disclaimer, recovery, HK
def m16():
    body = """Dear Sir/Madam,

We are writing on behalf of Victoria Harbour Securities Limited in relation to
our iMC network management platform.

During a scheduled migration of our virtual machines last weekend (16/03/2024),
the folder holding the iMC activation file was accidentally removed, and the
backup copy turned out to be corrupted. We would therefore like to apply for
recovery of the licence activation file.

    Site name:           Victoria Harbour Securities - Kwun Tong DC
    Authorization code:  VHS-IMC-1907-88KD-20LQ

For any clarification please contact the undersigned at (852) 2345 6789 or
on mobile +852 6123 4567.

Thank you for your kind assistance.

Yours faithfully,

Cheung Ka Wai, Kelvin
Assistant Manager, Infrastructure
Victoria Harbour Securities Limited
18/F, Harbour Centre, Kwun Tong, Kowloon

===========================================================================
免責聲明：本電郵及其附件所載資料屬機密資料，並可能受法律特權保護，僅供指定收件人
使用。如閣下並非指定收件人，請即通知寄件人並刪除本電郵，切勿使用、披露、複製或
分發本電郵任何內容。本公司不保證本電郵或其附件不含電腦病毒，亦不就因使用本電郵
而引致的任何損失或損害承擔責任。本電郵所表達的任何意見均屬寄件人個人意見，並不
代表本公司立場。

DISCLAIMER: This email and any attachments are confidential and may be
legally privileged, and are intended solely for the addressee. If you are
not the intended recipient, please notify the sender immediately and delete
this email; you must not use, disclose, copy or distribute any part of it.
The company does not warrant that this email or its attachments are free
from viruses and accepts no liability for any loss or damage arising from
their use. Opinions expressed herein are those of the sender and do not
necessarily represent those of the company. Victoria Harbour Securities
Limited is licensed by the Securities and Futures Commission (CE No. AXX123).
===========================================================================
"""
    top = [
        "From: \"Cheung, Ka Wai Kelvin\" <kelvin.cheung@vhsec.example.hk>",
        "To: " + TO,
        "Subject: Application for recovery of iMC licence activation file",
        "Date: Thu, 21 Mar 2024 17:02:48 +0800",
        "Message-ID: <HK2PR03MB4471C2B1A0E9F8D7C6B5A4F3E2D1C0B9A@HK2PR03MB4471.apcprd03.prod.example.com>",
        "Accept-Language: en-HK, zh-HK",
        "Content-Language: en-US",
    ]
    add("16-hk-bilingual-disclaimer-recovery.eml", build(top, text(body, "utf-8", "quoted-printable")),
        "forward", "recovery", [], [],
        "Hong Kong securities firm, formal letter ending in a long traditional-Chinese + English legal disclaimer; dd/mm/yyyy date, (852) phone; site name and authorization code: complete recovery.")


# 17 Long disclaimer mail, hardware change, direct customer, no partner info
def m17():
    body = """您好，

我公司（青岛海通远洋船舶管理有限公司）网管系统所在服务器于2024年3月15日完成替换，
现申请iMC License硬件变更，材料如下：

最终用户单位名称：青岛海通远洋船舶管理有限公司
用户联系人：孟凡东
用户联系方式：0532-8577 6600，mengfd@htship.example.cn
授权码：QD-HT-IMC-1203-9KX2

附件为老服务器主机信息文件、新服务器主机信息文件及盖章承诺书扫描件。
如有问题请随时联系。

孟凡东
青岛海通远洋船舶管理有限公司 信息技术部

----------------------------------------------------------------------
【保密声明】本邮件及其附件含有青岛海通远洋船舶管理有限公司的保密信息，仅限于
发送给上面地址中列出的个人或群组。禁止任何其他人以任何形式使用（包括但不限于
全部或部分地泄露、复制、或散发）本邮件中的信息。如果您错收了本邮件，请您立即
电话或邮件通知发件人并删除本邮件！
CONFIDENTIALITY NOTICE: This e-mail and its attachments contain confidential
information from Qingdao Haitong Ocean Shipping Management Co., Ltd., which
is intended only for the person or entity whose address is listed above. Any
use of the information contained herein in any way (including, but not
limited to, total or partial disclosure, reproduction, or dissemination) by
persons other than the intended recipient(s) is prohibited. If you receive
this e-mail in error, please notify the sender by phone or email immediately
and delete it!
----------------------------------------------------------------------
"""
    old = hostinfo("HT-NMS-01", "11223344-5566-7788-99AA-BBCCDDEEFF00", "9C:DC:71:01:02:03", when="2024-03-14 08:55:20")
    new = hostinfo("HT-NMS-02", "FFEEDDCC-BBAA-9988-7766-554433221100", "9C:DC:71:04:05:06", when="2024-03-15 19:12:47")
    parts = [text(body, "utf-8", "base64"),
             att(old, "老服务器主机信息.txt", "text/plain", style="2047b"),
             att(new, "新服务器主机信息.txt", "text/plain", style="2047b"),
             att(png(seed=1), "承诺书盖章扫描件.png", "image/png", style="2047b")]
    top = [
        "From: " + addr("孟凡东", "mengfd@htship.example.cn"),
        "To: " + TO,
        "Subject: " + ew("iMC License硬件变更申请 - 青岛海通远洋", "utf-8", "B"),
        "Date: Fri, 22 Mar 2024 09:20:11 +0800",
        "Message-ID: <20240322092011.7f3a9c1e@htship.example.cn>",
        "X-Mailer: Foxmail 7.2.23.121[cn]",
    ]
    add("17-disclaimer-hwchange-no-reseller.eml", build(top, mp("mixed", parts, "----=_001_NextPart118842731004_=----")),
        "request_materials", "hardware_change", ["agent_engineer", "agent_phone"], [],
        "End user with a bilingual zh/en confidentiality notice: full end-user data, both host files and stamped PNG scan, but no reseller engineer name or contact anywhere.")


# 18 Mixed Chinese/English in one line
def m18():
    body = ("Hi team, 我们的imc server上周 replace 了 (新的是 R4900 G6), so need license hardware change, "
            "授权码 is 7KQ2-PLM4-88ZX-W1RT, 新server的主机信息 & old license file 都 attached, 盖章的承诺书 will send later. Thx!\n\n"
            "Kevin\n")
    new = hostinfo("KV-IMC-G6", "ABCDEF01-2345-6789-ABCD-EF0123456789", "10:70:FD:AA:BB:CC", when="2024-03-21 22:10:00")
    lic = licfile("iMC PLAT 7.3", "7KQ2-PLM4-88ZX-W1RT", ["IMC-PLAT-73-SN778801"], "01234567-89AB-CDEF-0123-456789ABCDEF")
    parts = [text(body, "utf-8", "quoted-printable"),
             att(new, "new server hostinfo.txt", "text/plain", style="plain"),
             att(lic, "old license.lic", "application/octet-stream", style="plain")]
    top = [
        "From: Kevin Zhou <kevin.zhou@lingxi-tech.example.cn>",
        "To: " + TO,
        "Subject: imc license hardware change " + ew("申请", "utf-8", "B"),
        "Date: Fri, 22 Mar 2024 23:41:09 +0800",
        "Message-ID: <CAL9xY3mQ2vR8tN1oP5wZ7kH0jF4bS6eD9cA2gU3iV1x@mail.example.com>",
        "User-Agent: Mozilla Thunderbird",
    ]
    add("18-mixed-zh-en-one-line-hwchange.eml", build(top, mp("mixed", parts, "------------0Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8")),
        "request_materials", "hardware_change",
        ["end_user_org", "end_user_contact", "end_user_phone", "agent_engineer", "agent_phone", "commitment_letter"], [],
        "Code-switching one-liner (imc lowercase, 授权码 is …, file names with spaces): auth code, new host file and old licence given; no organisation/contacts and letter 'will send later'.")


# 19 Chat-app markdown, unbind complete
def m19():
    body = """## iMC License 解绑申请

**最终用户**
- 单位：成都天府软件园管理有限公司
- 联系人：何雨桐
- 电话：028-8519 3300 / 181-8201-6620

**代理商**
- 工程师：罗杰（四川蜀信科技）
- 电话：138 8006 1029

**授权码**：`CD-TF-IMC-2023-0312-UX`

**原License序列号**（共4个）
1. IMC-PLAT-SN0312-001
2. IMC-EIA-SN0312-002
3. IMC-APM-SN0312-003
4. IMC-NTA-SN0312-004

**本次解绑**：3、4 两个（APM、NTA），迁到二期机房新网管

> 附件：原服务器主机信息 + 解绑定专用承诺书（盖章扫描）

_从钉钉复制_
"""
    old = hostinfo("TFRJ-NMS", "77665544-3322-1100-FFEE-DDCCBBAA9988", "00:0C:29:5E:6F:70", when="2024-03-22 10:05:00", zh=True)
    letter = png(seed=3)
    parts = [text(body, "utf-8", "8bit", params="; format=flowed"),
             att(old, "原服务器主机信息_TFRJ-NMS.txt", "text/plain", style="2231"),
             att(letter, "解绑定专用承诺书_盖章.png", "image/png", style="2231")]
    top = [
        "From: " + addr("罗杰", "luojie@shuxin-tech.example.cn"),
        "To: " + TO,
        "Subject: " + ew("【解绑】iMC License 解绑申请 - 天府软件园", "utf-8", "B"),
        "Date: Sat, 23 Mar 2024 11:11:11 +0800",
        "Message-ID: <md-5f1e2d3c4b5a69788796a5b4@shuxin-tech.example.cn>",
        "User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) Gecko/20100101 Thunderbird/115.9.0",
    ]
    add("19-chat-markdown-unbind-complete.eml", build(top, mp("mixed", parts, "------------md7A2B9C4D1E6F")),
        "forward", "unbind", [], [],
        "Reseller pastes a DingTalk-style markdown note (## heading, **bold** labels, bullet lists, backticked auth code): partial unbind 2 of 4 serials with host file and stamped unbind letter PNG.")


# 20 Macau, Big5, hardware change complete
def m20():
    body = """您好：

本公司網管伺服器因硬件老化，已於2024年3月18日更換為新伺服器，現申請iMC License硬體變更。

最終用戶單位名稱：澳門濠江酒店管理有限公司
用戶聯絡人：梁嘉欣
用戶聯絡電話：+853 2871 2345
代理商工程師姓名：鄭家豪（澳門信達科技）
代理商工程師聯絡方式：+853 6612 3456
授權碼：MO-HJ-IMC-5521-0TKA

附件為舊伺服器主機資訊檔、新伺服器主機資訊檔及已蓋章之承諾書掃描件。

梁嘉欣
資訊科技部
澳門濠江酒店管理有限公司
"""
    old = hostinfo("HJ-NMS-OLD", "5A5A5A5A-1B1B-2C2C-3D3D-4E4E4E4E4E4E", "D0:94:66:11:22:33", when="2024-03-17 10:00:00")
    new = hostinfo("HJ-NMS-NEW", "6B6B6B6B-2C2C-3D3D-4E4E-5F5F5F5F5F5F", "D0:94:66:44:55:66", when="2024-03-18 16:30:00")
    parts = [text(body, "big5", "base64"),
             att(old, "舊伺服器主機資訊.txt", "text/plain", style="2047b", charset="big5"),
             att(new, "新伺服器主機資訊.txt", "text/plain", style="2047b", charset="big5"),
             att(jpg("stamped commitment letter"), "承諾書(已蓋章).jpg", "image/jpeg", style="2047b", charset="big5")]
    top = [
        "From: " + addr("梁嘉欣", "karen.leong@hojiang-hotel.example.mo", "big5"),
        "To: " + TO,
        "Subject: " + ew("iMC License硬體變更申請", "big5", "B"),
        "Date: Mon, 25 Mar 2024 10:30:00 +0800",
        "Message-ID: <20240325103000.A1B2C3@hojiang-hotel.example.mo>",
        "X-Mailer: Microsoft Outlook 15.0",
    ]
    add("20-macau-big5-hwchange-complete.eml", build(top, mp("mixed", parts, "----=_NextPart_000_0042_01DA7EA1.8C3B1F20")),
        "forward", "hardware_change", [], [],
        "Macau hotel IT writing traditional Chinese in Big5 (body and RFC 2047 Big5 file names 舊/新伺服器主機資訊, 承諾書 JPG), +853 numbers: complete hardware change.")


# 21 Taiwan, Big5 QP, recovery complete
def m21():
    body = """您好，

敝公司 iMC 的 License 啟用檔案因伺服器硬碟損毀而遺失，煩請協助找回。

局點名稱：新竹科學園區 晶揚光電股份有限公司 竹科二廠
授權碼：TW-JY-IMC-0618-K7PQ

聯絡人：林冠宇　電話：03-578-1234 分機 5566　手機：0912-345-678

感謝您的協助！
林冠宇 敬上
"""
    top = [
        "From: " + addr("林冠宇", "gy.lin@jingyang-opto.example.tw", "big5", "Q"),
        "To: " + TO,
        "Subject: " + ew("License 遺失，申請找回 (晶揚光電)", "big5", "Q"),
        "Date: Mon, 25 Mar 2024 14:02:30 +0800",
        "Message-ID: <002e01da7e8f$3c4d5e60$b5e81b20$@jingyang-opto.example.tw>",
        "X-Mailer: Microsoft Outlook 16.0",
        "Thread-Index: Adp+jzxNXmC16Bsg1P5x0Q3rW8vKlQ==",
        "Content-Language: zh-tw",
    ]
    add("21-taiwan-big5-qp-recovery.eml", build(top, text(body, "big5", "quoted-printable")),
        "forward", "recovery", [], [],
        "Taiwanese customer, Big5 quoted-printable body and Q-encoded Big5 subject, ideographic space between fields, 03-578-1234 分機 phone: lost activation file, site and auth code present.")


# 22 Taiwan, unbind, blank docx unbind letter
def m22():
    body = """您好：

我們需要將 iMC 授權中的部分序號解除綁定，移到台中新據點的伺服器使用。

最終用戶單位名稱：台灣福昇物流股份有限公司
用戶聯絡人：蔡佩珊
用戶聯絡方式：02-2712-3456 分機 221，peishan.tsai@fusheng-log.example.tw
代理商工程師姓名：張志明（宏遠資訊）
代理商工程師聯絡方式：0933-221-876
授權碼：TW-FS-IMC-2022-7788

原授權序號：IMC-PLAT-SN7788-1、IMC-EIA-SN7788-2、IMC-UAM-SN7788-3
需要解綁的序號：IMC-EIA-SN7788-2

附件為原伺服器主機資訊及承諾書（解綁定專用），請查收。

蔡佩珊
"""
    old = hostinfo("FS-NMS-TPE", "C3C3C3C3-D4D4-E5E5-F6F6-A7A7A7A7A7A7", "00:15:5D:01:AA:02", when="2024-03-25 09:14:41")
    tmpl = docx("H3C業務軟件License例外申請及承諾書（解綁定專用）", [
        "本公司（單位）：台灣福昇物流股份有限公司",
        "變更前原License授權中包含的授權序列號列表：IMC-PLAT-SN7788-1、IMC-EIA-SN7788-2、IMC-UAM-SN7788-3",
        "需要解綁定的授權序列號：IMC-EIA-SN7788-2",
        "例外情況原因說明：新據點部署",
        "客戶簽字：            客戶單位蓋章：            年   月   日"])
    parts = [text(body, "utf-8", "base64"),
             att(old, "原伺服器主機資訊.txt", "text/plain", style="2231"),
             att(tmpl, "承諾書（解綁定專用）.docx",
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document", style="2231")]
    top = [
        "From: " + addr("蔡佩珊", "peishan.tsai@fusheng-log.example.tw"),
        "To: " + TO,
        "Subject: " + ew("iMC License 解除綁定申請", "utf-8", "B"),
        "Date: Tue, 26 Mar 2024 10:48:03 +0800",
        "Message-ID: <a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4@fusheng-log.example.tw>",
        "User-Agent: Roundcube Webmail/1.6.2",
    ]
    add("22-taiwan-unbind-filled-docx-letter.eml", build(top, mp("mixed", parts, "=_c0ffee1234567890abcdef1234567890", preamble="")),
        "request_materials", "unbind", ["unbind_letter"], ["letter_not_stamped"],
        "Taiwanese end user (traditional Chinese, 解除綁定/解綁) sends the unbind-only letter as a typed-in .docx, not a stamped scan; all fields and the old host file present.")


# 23 Indian English, PFA, complete
def m23():
    body = """Dear Sir/Madam,

Greetings of the day!

This is to inform you that the iMC server at our Pune data centre has been
replaced with new hardware w.e.f. 18th March 2024. Hence we request you to
kindly change the licence to the new server.

PFA the following documents:
  a) Old server host information file
  b) New server host information file
  c) Commitment letter duly signed and stamped

Details as under:
End user name     - Deccan Agro Industries Ltd.
Contact person    - Mr. Sandeep Kulkarni
Contact no.       - +91 98450 12345 / 020-2612 3344
Partner engineer  - Mr. Vikram Nair (Sahyadri Netsys Pvt Ltd)
Partner contact   - +91 99220 77881
Licence key       - IN-DAI-IMC-2021-5507

Kindly do the needful at the earliest and revert back in case of any query.

Thanks & Regards,
Vikram Nair
Sahyadri Netsys Pvt Ltd, Pune
"""
    old = hostinfo("DAI-PUN-NMS01", "D1D2D3D4-E1E2-F1F2-A1A2-B1B2B3B4B5B6", "3C:A8:2A:10:20:30", when="2024-03-16 12:00:00")
    new = hostinfo("DAI-PUN-NMS02", "E7E8E9E0-F7F8-A7A8-B7B8-C7C8C9C0C1C2", "3C:A8:2A:40:50:60", when="2024-03-19 15:45:00")
    parts = [text(body, "us-ascii", "7bit"),
             att(old, "Old_Server_HostInfo.txt", "text/plain", style="plain"),
             att(new, "New_Server_HostInfo.txt", "text/plain", style="plain"),
             att(general_letter("Deccan Agro Industries Ltd.", "iMC", "Sandeep Kulkarni", "2024-03-20"),
                 "Commitment_Letter_Signed_Stamped.pdf", "application/pdf", style="plain")]
    top = [
        "From: Vikram Nair <vikram.nair@sahyadri-netsys.example.in>",
        "To: " + TO,
        "Cc: Sandeep Kulkarni <sandeep.k@deccanagro.example.in>",
        "Subject: Request for iMC Licence Change to New Server - Deccan Agro - Reg.",
        "Date: Tue, 26 Mar 2024 12:35:00 +0530",
        "Message-ID: <BM1PR01MB2345A1B2C3D4E5F6A7B8C9D0E1F2A3B4@BM1PR01MB2345.INDPRD01.PROD.example.com>",
        "Content-Language: en-IN",
    ]
    add("23-indian-english-pfa-hwchange-complete.eml",
        build(top, mp("mixed", parts, "_004_BM1PR01MB2345A1B2C3D4E5F6A7B8C9D0E1F2A3B4BM1PR01MB2345INDP_")),
        "forward", "hardware_change", [], [],
        "Indian reseller: 'PFA', 'kindly do the needful', 'w.e.f.', hyphen-separated labels, +91 numbers; old/new host files and stamped PDF: complete hardware change.")


# 24 Philippine English, recovery without auth code
def m24():
    body = """Good day po!

We would like to request for the recovery of our iMC licence. The activation
file was lost when our NMS server crashed last March 20, 2024 and we were not
able to retrieve it from the backup.

Site name: Visayas Power Distribution Corp. - Cebu Main Substation NOC

We are still looking for the authorization code from the original purchase
documents, will send it to you once we have located it.

Thank you and God bless!

Maria Cristina Dela Cruz
NOC Supervisor
Visayas Power Distribution Corp.
Mobile: +63 917 123 4567 | Landline: (032) 255 8800
"""
    top = [
        "From: Maria Cristina Dela Cruz <mcdelacruz@vispower.example.ph>",
        "To: " + TO,
        "Subject: Request for licence recovery - VPDC Cebu",
        "Date: Wed, 27 Mar 2024 08:15:42 +0800",
        "Message-ID: <CAB7pQ2Lm9N0vR4tS6wX8yZ1aB3cD5eF7gH9iJ-K@mail.vispower.example.ph>",
    ]
    alt = mp("alternative", [text(body, "UTF-8", "quoted-printable"),
                             text("<div dir=\"ltr\">" + body.replace("\n", "<br>") + "</div>", "UTF-8", "quoted-printable", subtype="html")],
             "0000000000004e5f6a0614a1b2c3", preamble="")
    add("24-philippine-recovery-no-auth-code.eml", build(top, alt),
        "request_materials", "recovery", ["auth_code"], [],
        "Philippine NOC supervisor ('Good day po', 'last March 20'): lost activation file, site name given, authorization code not yet found.")


# 25 Australian, CAMS hardware change complete
def m25():
    body = """G'day team,

Our CAMS box at the Parramatta office finally gave up the ghost last week, so
we've rebuilt CAMS on a new server and need the licence moved across
(hardware change). The old server is dead and won't be powered on again.

End user organisation : Harbourside Community Credit Union
Contact               : Liam O'Brien
Phone                 : (02) 9876 5432 / 0412 345 678
Reseller engineer     : Priya Sharma, Southern Cross Networks
Reseller phone        : +61 3 9012 3456
Licence key           : AU-HCCU-CAMS-3390-7YB

Old server licence file, new server host info and the signed & stamped
commitment letter are attached.

Licence was for CAMS with 1,500 concurrent users. Reason: server failure
(failed RAID controller and both PSUs).

Cheers,
Liam
"""
    lic = licfile("CAMS V3.60", "AU-HCCU-CAMS-3390-7YB", ["CAMS-360-SN339001"], "CAMS-HOSTKEY-8F7E6D5C4B3A", issued="2017-09-01")
    new = hostinfo("HCCU-CAMS-02", "B9B8B7B6-A5A4-9392-8180-7F7E7D7C7B7A", "00:25:90:AB:CD:EF",
                   ver="CAMS V3.60", when="2024-03-26 14:22:10", osname="Windows Server 2019")
    parts = [text(body, "utf-8", "quoted-printable"),
             att(lic, "old_cams_server.lic", "application/octet-stream", style="plain"),
             att(new, "new_cams_server_hostinfo.txt", "text/plain", style="plain"),
             att(tiff(), "commitment letter - signed and stamped.tif", "image/tiff", style="plain")]
    top = [
        "From: Liam O'Brien <liam.obrien@harbourside-cu.example.au>",
        "To: " + TO,
        "Subject: CAMS licence - hardware change (server failure)",
        "Date: Wed, 27 Mar 2024 16:05:00 +1100",
        "Message-ID: <SY4PR01MB6789ABCDEF0123456789ABCDEF012345@SY4PR01MB6789.ausprd01.prod.example.com>",
        "Content-Language: en-AU",
    ]
    add("25-australian-cams-hwchange-tiff.eml", build(top, mp("mixed", parts, "_002_SY4PR01MB6789ABCDEF0123456789ABCDEF012345SY4PR01MB6789ausp_")),
        "forward", "hardware_change", [], ["cams_recollect_host_info"],
        "Australian end user ('G'day', 'licence', (02) and 04xx numbers) moves a CAMS licence after a server failure; old licence, new host file and stamped TIFF letter: complete, CAMS note applies.")


# 26 HTML only (no text part), key/value table, hardware change complete
def m26():
    rows = [("最终用户单位名称", "广州南沙港务集团有限公司"), ("用户联系人", "邓伟强"),
            ("用户联系方式", "020-3468 5500 / dengwq@nsport.example.cn"),
            ("代理商工程师姓名", "谢文杰（广东粤讯网络工程有限公司）"), ("代理商工程师联系方式", "+86 136 3141 5926"),
            ("需要变更的授权码", "GZNS-IMC-2019-1024-PX8"), ("所属产品", "iMC PLAT 7.3 (E0703P06)"),
            ("变更原因", "原服务器硬件故障，更换新服务器")]
    trs = "".join('<tr><td style="border:1px solid #999;background:#f2f2f2;padding:4px">%s</td>'
                  '<td style="border:1px solid #999;padding:4px">%s</td></tr>\n' % r for r in rows)
    html = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body>\n"
            "<p style=\"font-family:微软雅黑\">您好，申请iMC License硬件变更，信息如下：</p>\n"
            "<table style=\"border-collapse:collapse;font-family:微软雅黑;font-size:10.5pt\">\n" + trs +
            "</table>\n<p>附件：旧服务器License激活文件、新服务器主机信息文件、承诺书盖章扫描件。</p>\n"
            "<p>邓伟强<br>广州南沙港务集团 信息科</p>\n</body></html>\n")
    lic = licfile("iMC PLAT 7.3", "GZNS-IMC-2019-1024-PX8", ["IMC-PLAT-SN1024-01", "IMC-NTA-SN1024-02"],
                  "98765432-10FE-DCBA-9876-543210FEDCBA", issued="2019-10-24")
    new = hostinfo("NSPORT-NMS-NEW", "13579BDF-2468-ACE0-1357-9BDF2468ACE0", "E8:61:1F:09:08:07", when="2024-03-27 11:11:11")
    parts = [text(html, "utf-8", "base64", subtype="html"),
             att(lic, "旧服务器激活文件.lic", "application/octet-stream", style="2047b"),
             att(new, "新服务器主机信息.txt", "text/plain", style="2047b"),
             att(png(seed=2), "承诺书盖章.png", "image/png", style="2047b")]
    top = [
        "From: " + addr("邓伟强", "dengwq@nsport.example.cn"),
        "To: " + TO,
        "Subject: " + ew("iMC License硬件变更申请（南沙港务）", "utf-8", "B"),
        "Date: Thu, 28 Mar 2024 09:00:00 +0800",
        "Message-ID: <html-only-0328-0900-nsport@nsport.example.cn>",
        "X-Mailer: WebMail 5.2",
    ]
    add("26-html-only-table-hwchange-complete.eml", build(top, mp("mixed", parts, "----=_html_only_26_boundary")),
        "forward", "hardware_change", [], [],
        "HTML-only body (no text/plain part) whose fields sit in a two-column key/value table; old licence, new host file and stamped PNG attached: complete.")


# 27 Single-part text/html, GB2312, recovery complete
def m27():
    html = ("<html><body style=\"font-size:14px\">\n<div>您好：</div>\n"
            "<div>我局iMC License激活文件丢失，申请找回，信息见下表。</div>\n"
            "<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n"
            "<tr><th>项目</th><th>内容</th></tr>\n"
            "<tr><td>客户局点名称</td><td>河北省沧州市公安局交警支队</td></tr>\n"
            "<tr><td>授权码</td><td>HB-CZ-IMC-4402-ZZ19</td></tr>\n"
            "<tr><td>联系人</td><td>高建华 139 3170 5566</td></tr>\n"
            "</table>\n<div>谢谢！</div>\n</body></html>\n")
    top = [
        "From: " + addr("高建华", "gaojh@czjj.example.cn", "gb2312"),
        "To: " + TO,
        "Subject: " + ew("License找回申请", "gb2312", "B"),
        "Date: Thu, 28 Mar 2024 10:20:00 +0800",
        "Message-ID: <000a01da80b5$11223344$55667788$@czjj.example.cn>",
    ]
    add("27-html-singlepart-gb2312-recovery.eml", build(top, text(html, "gb2312", "quoted-printable", subtype="html")),
        "forward", "recovery", [], [],
        "Single-part text/html in GB2312 quoted-printable, no text alternative and no attachments; site name and auth code in table cells: complete recovery.")


# 28 Plain-text box table, hardware change, no letter
def m28():
    body = """各位好，申请iMC License硬件变更（更换服务器），信息如下：

┌────────────────┬──────────────────────────────┐
│ 最终用户单位   │ 武汉光谷生物城医院集团       │
├────────────────┼──────────────────────────────┤
│ 用户联系人     │ 程曦                         │
├────────────────┼──────────────────────────────┤
│ 用户联系方式   │ 027-8765 4321                │
├────────────────┼──────────────────────────────┤
│ 代理商工程师   │ 熊磊                         │
├────────────────┼──────────────────────────────┤
│ 工程师电话     │ 150-7101-2345                │
├────────────────┼──────────────────────────────┤
│ 授权码         │ WH-GG-IMC-2020-3131-MN       │
└────────────────┴──────────────────────────────┘

附件为新旧服务器的主机信息文件，承诺书正在走盖章流程，盖好后补发。

熊磊
湖北楚天网络技术有限公司
"""
    old = hostinfo("GGBIO-NMS-A", "A0B1C2D3-E4F5-4061-8293-A4B5C6D7E8F0", "00:50:56:AB:00:01", when="2024-03-27 09:00:00")
    new = hostinfo("GGBIO-NMS-B", "F0E8D6C4-B2A0-4193-8572-6A4B3C2D1E0F", "00:50:56:AB:00:02", when="2024-03-28 09:30:00")
    parts = [text(body, "utf-8", "base64"),
             att(old, "主机信息-旧服务器.txt", "text/plain", style="2047b"),
             att(new, "主机信息-新服务器.txt", "text/plain", style="2047b")]
    top = [
        "From: " + addr("熊磊", "xionglei@chutian-net.example.cn"),
        "To: " + TO,
        "Subject: " + ew("更换服务器 License变更申请-光谷生物城医院", "utf-8", "B"),
        "Date: Thu, 28 Mar 2024 15:06:00 +0800",
        "Message-ID: <20240328150600.box-table@chutian-net.example.cn>",
        "X-Mailer: Foxmail 7.2.25.228[cn]",
    ]
    add("28-box-drawing-table-hwchange-no-letter.eml", build(top, mp("mixed", parts, "----=_001_NextPart550012349876_=----")),
        "request_materials", "hardware_change", ["commitment_letter"], [],
        "Reseller lays the fields out in a box-drawing text table (│ label │ value │); both host files attached, stamped letter still being stamped.")


# 29 Attachments named only with numbers, roles explained in the body
def m29():
    body = """您好，

我司申请iMC License硬件变更（旧服务器报废，更换为新服务器）。

最终用户单位名称：合肥庐州水务集团有限公司
用户联系人：方敏  电话：0551-6299 1188
代理商工程师：许诺  电话：177 5603 2299（安徽皖通信息）
授权码：HF-LZ-IMC-2022-0909-AQ

附件说明：
  1.pdf —— 盖章的承诺书扫描件
  2.txt —— 旧服务器主机信息
  3.txt —— 新服务器主机信息

方敏
"""
    old = hostinfo("LZSW-NMS-1", "0C0C0C0C-1D1D-2E2E-3F3F-404040404040", "90:E2:BA:01:01:01", when="2024-03-28 08:00:00")
    new = hostinfo("LZSW-NMS-2", "5D5D5D5D-6E6E-7F7F-8080-919191919191", "90:E2:BA:02:02:02", when="2024-03-29 08:00:00")
    parts = [text(body, "gbk", "base64"),
             att(general_letter("Hefei Luzhou Water Group Co., Ltd.", "iMC", "Fang Min", "2024-03-28"), "1.pdf", "application/pdf", style="plain"),
             att(old, "2.txt", "text/plain", style="plain"),
             att(new, "3.txt", "text/plain", style="plain")]
    top = [
        "From: " + addr("方敏", "fangmin@lzsw.example.cn", "gbk"),
        "To: " + TO,
        "Subject: " + ew("License硬件变更", "gbk", "B"),
        "Date: Fri, 29 Mar 2024 09:45:00 +0800",
        "Message-ID: <5F3A1B2C.4D5E6F70@lzsw.example.cn>",
        "X-Mailer: Coremail Webmail Server Version XT5.0.13",
    ]
    add("29-numbered-attachment-names-hwchange.eml", build(top, mp("mixed", parts, "----=_Part_99812_1231231231.1711676700000")),
        "forward", "hardware_change", [], [],
        "Attachments named only 1.pdf / 2.txt / 3.txt; the body says which is the stamped letter and which host file is old and which new: complete (GBK body).")


# 30 Attachments named in pinyin
def m30():
    body = """您好，申请License硬件变更，服务器已更换，材料见附件（文件名用拼音，怕乱码）。

最终用户单位名称：长沙湘江新区管理委员会
用户联系人：谭晓丽，0731-8899 6655
代理商工程师：彭勇，湖南星辰网络，电话 138-7315-0021
授权码：CS-XJ-IMC-2021-1111-LB

谭晓丽
"""
    old = hostinfo("XJXQ-OLD", "1A1A2B2B-3C3C-4D4D-5E5E-6F6F7A7A8B8B", "AC:1F:6B:00:00:01", when="2024-03-28 10:00:00", zh=True)
    new = hostinfo("XJXQ-NEW", "9C9C8D8D-7E7E-6F6F-5A5A-4B4B3C3C2D2D", "AC:1F:6B:00:00:02", when="2024-03-29 10:00:00", zh=True)
    parts = [text(body, "utf-8", "quoted-printable"),
             att(old, "jiu_fuwuqi_zhujixinxi.txt", "text/plain", style="plain"),
             att(new, "xin_fuwuqi_zhujixinxi.txt", "text/plain", style="plain"),
             att(general_letter("Changsha Xiangjiang New Area Administrative Committee", "iMC", "Tan Xiaoli", "2024-03-29"),
                 "chengnuoshu_gaizhang.pdf", "application/pdf", style="plain")]
    top = [
        "From: " + addr("谭晓丽", "tanxl@xjxq.example.cn"),
        "To: " + TO,
        "Subject: " + ew("License硬件变更申请 湘江新区", "utf-8", "B"),
        "Date: Fri, 29 Mar 2024 14:30:00 +0800",
        "Message-ID: <pinyin-30-0329@xjxq.example.cn>",
    ]
    add("30-pinyin-attachment-names-hwchange.eml", build(top, mp("mixed", parts, "===============3030303030303030303==")),
        "forward", "hardware_change", [], [],
        "File names in pinyin only (jiu_/xin_fuwuqi_zhujixinxi.txt = old/new server host info, chengnuoshu_gaizhang.pdf = stamped letter): complete hardware change.")


# 31 Product name lower-case / version, recovery
def m31():
    body = """hi,

imc licence activation file is gone after we reinstalled the OS of the NMS
server (IMC PLAT 7.3 E0703, win2016). pls help to recover it.

site: Yunnan Dianchi Tobacco Logistics Center, Kunming
license key: YN-DC-IMC-6677-QRS2

br
yang
"""
    top = [
        "From: yang jun <yangjun@dcyc.example.cn>",
        "To: " + TO,
        "Subject: imc licence file gone",
        "Date: Sat, 30 Mar 2024 21:14:00 +0800",
        "Message-ID: <lower-31-0330@dcyc.example.cn>",
        "User-Agent: Mutt/2.2.9 (2022-11-12)",
    ]
    add("31-lowercase-imc-recovery.eml", build(top, P(["Content-Type: text/plain; charset=us-ascii", "Content-Disposition: inline"], body.encode())),
        "forward", "recovery", [], [],
        "Terse lower-case mail from mutt ('imc', 'IMC PLAT 7.3 E0703', 'gone', 'pls'), labels 'site:' and 'license key:': activation file lost, recovery complete.")


# 32 iMC PLAT 7.3 APM UniqueID strings instead of files
def m32():
    body = """您好，

我单位 iMC PLAT 7.3 (E0705) 的 APM 组件所在服务器已更换，需要办理License硬件变更。
APM 的主机信息为字符串形式，直接写在下面：

  旧服务器 APM UniqueID：4C4C4544-0051-3510-8052-B4C04F4D4E32
  新服务器 APM UniqueID：4C4C4544-0047-4A10-8039-C8C04F505032

最终用户单位名称：重庆两江新区数据中心
用户联系人：冉启明
用户联系方式：023-6790 1234
代理商工程师姓名：邓琳（重庆巴渝网联）
代理商工程师联系方式：+86 139-8300-7766
授权码：CQLJ-APM-2023-0505-W2

盖章承诺书扫描件见附件。
"""
    parts = [text(body, "utf-8", "quoted-printable"),
             att(general_letter("Chongqing Liangjiang New Area Data Center", "iMC (APM)", "Ran Qiming", "2024-03-29"),
                 "License例外申请及承诺书_已盖章.pdf", "application/pdf", style="2231")]
    top = [
        "From: " + addr("冉启明", "ranqm@cqljdc.example.cn"),
        "To: " + TO,
        "Subject: " + ew("iMC PLAT 7.3 APM 更换服务器 License变更", "utf-8", "B"),
        "Date: Mon, 01 Apr 2024 09:05:00 +0800",
        "Message-ID: <apm-uniqueid-32@cqljdc.example.cn>",
    ]
    add("32-apm-uniqueid-strings-hwchange.eml", build(top, mp("mixed", parts, "b32_apm_boundary_0401")),
        "forward", "hardware_change", [], [],
        "APM component whose host information is a UniqueID string: old and new UniqueIDs written in the body instead of host files, plus the stamped letter PDF: complete.")


# 33 Quidview upgrade
def m33():
    body = """您好：

我单位现网使用Quidview LAN/WAN V2.1，计划升级到Quidview DM V3.10，按贵司流程需要走License例外申请。

最终用户单位名称：山东鲁能电力调度信息中心
用户联系人：田刚 0531-8601 2345
代理商工程师姓名：王晓东
代理商工程师联系方式：158 6666 1234（济南泉城网络）
授权码：SD-LN-QV-2009-0317

原授权组件及规模：Quidview LAN/WAN V2.1 基础平台，管理设备200台
附件：原Quidview License文件，新服务器主机信息文件。
承诺书盖章需走OA审批，下周提供。
"""
    lic = licfile("Quidview LAN/WAN V2.1", "SD-LN-QV-2009-0317", ["QV-21-SN031701"], "QV21-HOST-00AA11BB22CC", issued="2009-03-17")
    new = hostinfo("LN-QVDM-310", "2A2B2C2D-3E3F-4041-4243-444546474849", "00:E0:4C:68:00:01",
                   ver="Quidview DM V3.10", when="2024-03-30 10:10:10", osname="Windows Server 2016")
    parts = [text(body, "gb18030", "base64"),
             att(lic, "原Quidview_License.lic", "application/octet-stream", style="2047b", charset="gb18030"),
             att(new, "新服务器主机信息.txt", "text/plain", style="2047b", charset="gb18030")]
    top = [
        "From: " + addr("田刚", "tiangang@lnpower.example.cn", "gb18030"),
        "To: " + TO,
        "Subject: " + ew("Quidview升级License例外申请", "gb18030", "B"),
        "Date: Mon, 01 Apr 2024 11:30:00 +0800",
        "Message-ID: <tencent_33QV1234567890ABCDEF@qq.example.com>",
        "X-QQ-mid: bizesmtp33t1711942200tqv01",
    ]
    add("33-quidview-v21-to-dm310-upgrade.eml", build(top, mp("mixed", parts, "----=_NextPart_660A1B2C_0D0E0F10_11223344")),
        "request_materials", "hardware_change", ["commitment_letter"], ["quidview_upgrade"],
        "Quidview LAN/WAN V2.1 → DM V3.10 upgrade (GB18030): follows the hardware-change checklist; old licence and new host file given, stamped letter next week.")


# 34 Reseller forwards the customer's mail as an attachment (message/rfc822)
def m34():
    inner_body = """王工，您好：

我们新服务器已经装好iMC了，旧服务器和新服务器的主机信息文件、盖章的承诺书都在附件里，
麻烦帮我们提交License硬件变更申请。

谢谢！
石磊
宁波港城燃气有限公司
"""
    old = hostinfo("GCRQ-OLD", "3E3E3E3E-4F4F-5A5A-6B6B-7C7C7C7C7C7C", "00:1B:21:AA:00:01", when="2024-03-29 15:00:00")
    new = hostinfo("GCRQ-NEW", "8D8D8D8D-9E9E-AFAF-B0B0-C1C1C1C1C1C1", "00:1B:21:AA:00:02", when="2024-03-30 15:00:00")
    inner_parts = [text(inner_body, "utf-8", "base64"),
                   att(old, "旧服务器主机信息.txt", "text/plain", style="2047b"),
                   att(new, "新服务器主机信息.txt", "text/plain", style="2047b"),
                   att(general_letter("Ningbo Gangcheng Gas Co., Ltd.", "iMC", "Shi Lei", "2024-03-30"),
                       "承诺书-盖章.pdf", "application/pdf", style="2047b")]
    inner_top = [
        "From: " + addr("石磊", "shilei@gcrq.example.cn"),
        "To: " + addr("王工", "wangjun@yongxin-net.example.cn"),
        "Subject: " + ew("License硬件变更材料", "utf-8", "B"),
        "Date: Sat, 30 Mar 2024 16:20:00 +0800",
        "Message-ID: <inner-34-gcrq-0330@gcrq.example.cn>",
    ]
    inner = build(inner_top, mp("mixed", inner_parts, "----=_inner34_boundary"))
    outer_body = """您好，

转发最终用户的License硬件变更申请，用户原邮件及材料见附件邮件。补充信息如下：

最终用户单位名称：宁波港城燃气有限公司
用户联系人：石磊
用户联系方式：0574-8730 2211
代理商工程师姓名：王军（宁波甬信网络）
代理商工程师联系方式：139 5747 0088
需变更的授权码：NB-GC-IMC-2020-0808-HT

王军
"""
    parts = [text(outer_body, "utf-8", "quoted-printable"), rfc822(inner, "License硬件变更材料.eml")]
    top = [
        "From: " + addr("王军", "wangjun@yongxin-net.example.cn"),
        "To: " + TO,
        "Subject: " + ew("转发：License硬件变更材料（宁波港城燃气）", "utf-8", "B"),
        "Date: Mon, 01 Apr 2024 08:50:00 +0800",
        "Message-ID: <outer-34-yongxin-0401@yongxin-net.example.cn>",
        "X-Mailer: Microsoft Outlook 16.0",
    ]
    add("34-reseller-forward-as-attachment.eml", build(top, mp("mixed", parts, "----=_outer34_boundary")),
        "forward", "hardware_change", [], ["from_forwarded"],
        "Reseller forwards the end user's mail as an attached message/rfc822 (host files and stamped letter live inside it) and types all fields in the new text: complete.")


# 35 Reply whose quoted history is our own explanation of all three processes
def m35():
    body = """您好，我们要办的是License找回，之前的激活文件丢了。

客户局点名称：大连星海湾国际会展中心
授权码：DL-XH-IMC-2017-1205-BB

宋佳
在 2024年4月1日 10:02，License Exception Desk <license-exception@example.test> 写道：
> 您好，我们未能判断您的申请属于哪一类，请按以下说明补充：
>
> （1）License找回：激活文件丢失，需要找回。请提供：客户局点名称；之前注册的授权码。
> （2）License硬件变更：服务器硬件信息发生变化或需要更换新服务器。请提供：最终用户单位名称、
>     用户联系人、用户联系方式；代理商工程师姓名及联系方式；需要变更的授权码；老服务器的License
>     文件或主机信息文件；新服务器的主机信息文件；盖章的《H3C业务软件License例外申请及承诺书》。
> （3）License解绑：将授权码和服务器解除绑定。请提供：……以及盖章的《承诺书（解绑定专用）》。
>
> 此邮件为系统自动回复。
"""
    top = [
        "From: " + addr("宋佳", "songjia@xhwexpo.example.cn"),
        "To: " + TO,
        "Subject: " + ew("回复：Re: [LX-20240401-0003] iMC License 咨询", "utf-8", "B"),
        "Date: Mon, 01 Apr 2024 13:40:00 +0800",
        "Message-ID: <reply-35-xhwexpo-0401@xhwexpo.example.cn>",
        "In-Reply-To: <LX-20240401-0003.1711936920@example.test>",
        "References: <ask-35-orig@xhwexpo.example.cn> <LX-20240401-0003.1711936920@example.test>",
    ]
    add("35-reply-over-quoted-three-process-text.eml", build(top, text(body, "utf-8", "base64")),
        "forward", "recovery", [], [],
        "Customer answers our 'which process?' reply: new text says 找回 with site and auth code, while the quoted history (在…写道： and > lines) names all three processes and every material.")


# 36 RFC 2231 continuations in GB18030, unbind complete
def m36():
    body = """您好：

申请将我单位iMC授权中的部分序列号解绑。

最终用户单位名称：福建闽江航运集团有限公司
用户联系人：郑少华，电话 0591-8765 0099
代理商工程师：林国栋（福州榕信科技），电话 133 0591 7788
授权码：FJ-MJ-IMC-2019-0606-ZS
原授权序列号：IMC-PLAT-SN0606-11、IMC-EIA-SN0606-12、IMC-NTA-SN0606-13、IMC-UAM-SN0606-14
需解绑序列号：IMC-NTA-SN0606-13、IMC-UAM-SN0606-14

附件：原服务器License激活文件、盖章的解绑定专用承诺书。
"""
    lic = licfile("iMC PLAT 7.3", "FJ-MJ-IMC-2019-0606-ZS",
                  ["IMC-PLAT-SN0606-11", "IMC-EIA-SN0606-12", "IMC-NTA-SN0606-13", "IMC-UAM-SN0606-14"],
                  "B2B2C3C3-D4D4-E5E5-F6F6-071829304A5B", issued="2019-06-06")
    letter = unbind_letter("Fujian Minjiang Shipping Group Co., Ltd.",
                           "IMC-PLAT-SN0606-11, IMC-EIA-SN0606-12, IMC-NTA-SN0606-13, IMC-UAM-SN0606-14",
                           "IMC-NTA-SN0606-13, IMC-UAM-SN0606-14", "Zheng Shaohua", "2024-04-01")
    parts = [text(body, "gb18030", "base64"),
             att(lic, "原服务器License激活文件.lic", "application/octet-stream", style="2231c", charset="gb18030"),
             att(letter, "H3C业务软件License例外申请及承诺书（解绑定专用）_盖章.pdf", "application/pdf",
                 style="2231c", charset="gb18030")]
    top = [
        "From: " + addr("郑少华", "zhengsh@mjshipping.example.cn", "gb18030"),
        "To: " + TO,
        "Subject: " + ew("iMC License解绑定申请-闽江航运", "gb18030", "B", mid_split=True),
        "Date: Tue, 02 Apr 2024 10:00:00 +0800",
        "Message-ID: <rfc2231-36-0402@mjshipping.example.cn>",
        "X-Mailer: Foxmail 6, 15, 201, 26 [cn]",
    ]
    add("36-rfc2231-gb18030-continuations-unbind.eml", build(top, mp("mixed", parts, "----=_NextPart_36_rfc2231")),
        "forward", "unbind", [], [],
        "Old Foxmail: file names as RFC 2231 continuations in GB18030 and a subject whose encoded words split characters mid-byte; partial unbind 2 of 4 with licence file and stamped unbind letter.")


# 37 Out-of-office auto reply -> ignore
def m37():
    body = """您好，我于2024年4月1日至4月7日休假，期间不能及时回复邮件。
License硬件变更、解绑等事宜请联系同事张莉：010-6258 1234。
I am out of the office until 7 April 2024 with limited access to email.
"""
    top = [
        "From: " + addr("刘振宇", "liuzy@yjmetro.example.cn"),
        "To: " + TO,
        "Subject: " + ew("自动回复: Re: [LX-20240320-0012] License硬件变更申请", "utf-8", "B"),
        "Date: Tue, 02 Apr 2024 09:00:01 +0800",
        "Message-ID: <ooo-37-yjmetro@yjmetro.example.cn>",
        "In-Reply-To: <LX-20240320-0012.reply@example.test>",
        "Auto-Submitted: auto-replied",
        "X-Auto-Response-Suppress: All",
        "X-Autoreply: yes",
    ]
    add("37-out-of-office-autoreply-zh-en.eml", build(top, text(body, "utf-8", "base64")),
        "ignore", "", [], [],
        "Bilingual out-of-office reply (Auto-Submitted: auto-replied) mentioning License硬件变更 and 解绑: must not be answered.",
        reason="auto_submitted")


# 38 Bounce (DSN) -> ignore
def m38():
    report = """This is the mail system at host mx1.hzyq-smart.example.cn.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

<linruoxi@hzyq-smart.example.cn>: host 127.0.0.1[127.0.0.1] said: 550 5.1.1
    <linruoxi@hzyq-smart.example.cn>: Recipient address rejected: User unknown
    in local recipient table (in reply to RCPT TO command)
"""
    status = """Reporting-MTA: dns; mx1.hzyq-smart.example.cn
X-Postfix-Queue-ID: 4V8kXq2Z1Rz9t
Arrival-Date: Tue,  2 Apr 2024 11:20:03 +0800 (CST)

Final-Recipient: rfc822; linruoxi@hzyq-smart.example.cn
Original-Recipient: rfc822;linruoxi@hzyq-smart.example.cn
Action: failed
Status: 5.1.1
Remote-MTA: dns; 127.0.0.1
Diagnostic-Code: smtp; 550 5.1.1 <linruoxi@hzyq-smart.example.cn>: Recipient
    address rejected: User unknown in local recipient table
"""
    orig = build([
        "From: " + TO,
        "To: linruoxi@hzyq-smart.example.cn",
        "Subject: " + ew("Re: [LX-20240319-0021] 【License硬件变更】材料缺失", "utf-8", "B"),
        "Date: Tue, 02 Apr 2024 11:20:00 +0800",
        "Message-ID: <LX-20240319-0021.reply2@example.test>",
        "Auto-Submitted: auto-replied",
    ], text("您好，您的License硬件变更申请还缺少：新服务器的主机信息文件、盖章的承诺书。\n", "utf-8", "base64"))
    parts = [P(["Content-Description: Notification", "Content-Type: text/plain; charset=us-ascii"], report.encode()),
             P(["Content-Description: Delivery report", "Content-Type: message/delivery-status"], status.encode()),
             P(["Content-Description: Undelivered Message", "Content-Type: message/rfc822"], orig)]
    top = [
        "Return-Path: <>",
        "From: MAILER-DAEMON@mx1.hzyq-smart.example.cn (Mail Delivery System)",
        "Subject: Undelivered Mail Returned to Sender",
        "To: license-exception@example.test",
        "Date: Tue,  2 Apr 2024 11:20:04 +0800 (CST)",
        "Message-Id: <20240402032004.5A1B2C3D4E@mx1.hzyq-smart.example.cn>",
    ]
    p = mp("report", parts, "4V8kXq2Z1Rz9t.1712028004/mx1.hzyq-smart.example.cn",
           preamble="This is a MIME-encapsulated message.\n", params=" report-type=delivery-status;")
    add("38-postfix-bounce-of-our-reply.eml", build(top, p),
        "ignore", "", [], [],
        "Postfix DSN (null Return-Path, MAILER-DAEMON, multipart/report) returning one of our hardware-change replies: a bounce, no reply.",
        reason="bounce")


# 39 Mailing list post -> ignore
def m39():
    body = """> License丢了怎么找回？

按H3C的流程，License找回只要两样：客户局点名称和之前注册的授权码，发邮件给他们就行。
我们上个月刚办过，局点名称：某某市政务云，授权码：XXXX-XXXX-XXXX，两天就回了。

--
老周
_______________________________________________
imc-users mailing list
imc-users@lists.netops-cn.example.org
https://lists.netops-cn.example.org/mailman/listinfo/imc-users
"""
    top = [
        "From: " + addr("周建平", "zhoujp@cloudgov.example.cn"),
        "To: imc-users@lists.netops-cn.example.org",
        "Subject: " + ew("Re: [imc-users] License丢了怎么找回？", "utf-8", "B"),
        "Date: Tue, 02 Apr 2024 20:31:00 +0800",
        "Message-ID: <list-39-zhoujp@cloudgov.example.cn>",
        "In-Reply-To: <list-39-question@example.org>",
        "List-Id: iMC users discussion <imc-users.lists.netops-cn.example.org>",
        "List-Unsubscribe: <https://lists.netops-cn.example.org/mailman/options/imc-users>,\n <mailto:imc-users-request@lists.netops-cn.example.org?subject=unsubscribe>",
        "List-Post: <mailto:imc-users@lists.netops-cn.example.org>",
        "Precedence: list",
        "Sender: imc-users-bounces@lists.netops-cn.example.org",
        "Errors-To: imc-users-bounces@lists.netops-cn.example.org",
    ]
    add("39-mailing-list-post-about-recovery.eml", build(top, text(body, "utf-8", "quoted-printable")),
        "ignore", "", [], [],
        "Mailman list post (List-Id, List-Unsubscribe, Precedence: list) discussing how License找回 works, with example values: list traffic, no reply.",
        reason="list")


# 40 no-reply sender -> ignore
def m40():
    body = """尊敬的合作伙伴：

您在合作伙伴门户提交的License激活申请（单号 PP-2024-04-00871）已处理完成，
激活文件已发送至申请人邮箱。授权码：JS-WX-IMC-2024-0402-KC

本邮件由系统自动发送，请勿直接回复。
Please do not reply to this message.
"""
    top = [
        "From: " + addr("合作伙伴门户", "no-reply@partnerportal.example.com"),
        "To: " + TO,
        "Subject: " + ew("License激活申请处理完成通知 / License activation completed", "utf-8", "B"),
        "Date: Tue, 02 Apr 2024 22:00:00 +0800",
        "Message-ID: <pp-notify-40-00871@partnerportal.example.com>",
    ]
    add("40-noreply-portal-notice.eml", build(top, text(body, "utf-8", "base64")),
        "ignore", "", [], [],
        "Partner-portal notice from a no-reply@ sender (no Auto-Submitted header) quoting an auth code: nobody to answer.",
        reason="noreply")


# 41 ask scenario, simplified Chinese
def m41():
    body = """您好，

我们单位的IMC平台今天登录时提示授权异常，有些功能用不了了。
请问这种情况需要走哪个流程？需要我们提供哪些材料？

谢谢
何静
宁夏银川市第一中学 网络中心
0951-602 1234
"""
    top = [
        "From: " + addr("何静", "hejing@yc1z.example.cn"),
        "To: " + TO,
        "Subject: " + ew("IMC授权问题咨询", "utf-8", "B"),
        "Date: Wed, 03 Apr 2024 09:10:00 +0800",
        "Message-ID: <ask-41-yc1z-0403@yc1z.example.cn>",
    ]
    add("41-ask-vague-license-problem-zh.eml", build(top, text(body, "utf-8", "base64")),
        "ask_scenario", "", [], [],
        "School network centre: 'IMC' reports an authorization error, asks which process and what materials; nothing says lost, replaced or unbind.")


# 42 ask scenario, English, screenshot attached
def m42():
    body = """Hi there,

Our account manager told us to contact this mailbox about a licence
exception for our iMC PLAT 7.3. Could you let us know what information you
need from us? Screenshot of the licence page attached.

Kind regards,
Sophie Martin
IT Operations, Alpine Precision Instruments
+41 44 123 45 67
"""
    top = [
        "From: Sophie Martin <s.martin@alpine-precision.example.ch>",
        "To: " + TO,
        "Subject: iMC licence exception - what do you need?",
        "Date: Wed, 03 Apr 2024 10:25:00 +0200",
        "Message-ID: <ask-42-alpine-0403@alpine-precision.example.ch>",
        "User-Agent: Mozilla Thunderbird",
    ]
    parts = [text(body, "utf-8", "7bit", params="; format=flowed"),
             att(png(40, 30, seed=4), "licence-page.png", "image/png", style="plain")]
    add("42-ask-licence-exception-en-screenshot.eml", build(top, mp("mixed", parts, "------------ask42Boundary")),
        "ask_scenario", "", [], [],
        "Swiss customer on Thunderbird asks generically about 'a licence exception' for iMC PLAT 7.3 with a screenshot; no scenario cue at all.")


# 43 ask scenario, traditional Chinese
def m43():
    body = """您好：

請問 iMC License 例外申請需要準備哪些資料？我們公司有兩套 iMC，
想先了解流程再決定怎麼處理。

謝謝！
吳美玲
高雄港灣科技股份有限公司
07-333-8899
"""
    top = [
        "From: " + addr("吳美玲", "meiling.wu@khharbor.example.tw", "big5"),
        "To: " + TO,
        "Subject: " + ew("iMC License 例外申請流程詢問", "big5", "B"),
        "Date: Wed, 03 Apr 2024 15:40:00 +0800",
        "Message-ID: <ask-43-khharbor-0403@khharbor.example.tw>",
    ]
    add("43-ask-process-traditional-big5.eml", build(top, text(body, "big5", "base64")),
        "ask_scenario", "", [], [],
        "Kaohsiung customer in Big5 traditional Chinese asks what an iMC License 例外申請 needs before deciding anything: scenario unclear.")


# 44 XLog unbind -> unbind_imc_only
def m44():
    body = """您好，

我司XLog日志审计系统需要把部分License解绑，释放出来给新采集节点使用。

最终用户单位名称：贵州黔程高速公路运营有限公司
用户联系人：龙海，0851-8555 6789
代理商工程师：杨帆（贵阳黔通网络）
授权码：GZ-QC-XLOG-2022-1010
原授权序列号：XLOG-SN1010-A、XLOG-SN1010-B、XLOG-SN1010-C
需要解绑的序列号：XLOG-SN1010-C

附件为原服务器License文件。
"""
    lic = licfile("XLog V2.0", "GZ-QC-XLOG-2022-1010", ["XLOG-SN1010-A", "XLOG-SN1010-B", "XLOG-SN1010-C"],
                  "XLOG-HOST-5566778899AA", issued="2022-10-10")
    parts = [text(body, "utf-8", "quoted-printable"),
             att(lic, "XLog原服务器License.lic", "application/octet-stream", style="2047b")]
    top = [
        "From: " + addr("龙海", "longhai@qcgs.example.cn"),
        "To: " + TO,
        "Subject: " + ew("XLog License解绑申请", "utf-8", "B"),
        "Date: Thu, 04 Apr 2024 09:30:00 +0800",
        "Message-ID: <xlog-44-qcgs-0404@qcgs.example.cn>",
    ]
    add("44-xlog-unbind-not-imc.eml", build(top, mp("mixed", parts, "----=_xlog44_boundary")),
        "request_materials", "unbind", ["agent_phone", "unbind_letter"], ["unbind_imc_only"],
        "XLog (not iMC) partial unbind: reseller engineer named without a number, old licence attached, no letter; the unbind-only letter is for iMC, so the reply must say so.")


# 45 single host file, body says it is the NEW server's
def m45():
    body = """您好，

我院网管服务器已更换，申请iMC License硬件变更。

最终用户单位名称：昆明医科大学第三附属医院
用户联系人：李想  联系方式：0871-6818 5566
代理商工程师姓名：段鹏（云南滇信网络）
代理商工程师联系方式：139-8855-6677
授权码：KM-YK3-IMC-2021-0315

附件HostInfo.txt是新服务器导出的主机信息文件；旧服务器已经坏了开不了机，
License文件我们再找找。盖章承诺书照片也在附件。
"""
    new = hostinfo("KMYK3-NMS", "4B4B5C5C-6D6D-7E7E-8F8F-909090909090", "6C:B3:11:22:33:44", when="2024-04-03 17:00:00")
    parts = [text(body, "utf-8", "quoted-printable"),
             att(new, "HostInfo.txt", "text/plain", style="plain"),
             att(jpg("commitment letter photo"), "承诺书盖章照片.jpg", "image/jpeg", style="2047b")]
    top = [
        "From: " + addr("李想", "lixiang@kmyk3.example.cn"),
        "To: " + TO,
        "Subject: " + ew("iMC License硬件变更申请（昆医三附院）", "utf-8", "B"),
        "Date: Thu, 04 Apr 2024 11:00:00 +0800",
        "Message-ID: <single-host-45-0404@kmyk3.example.cn>",
    ]
    add("45-single-hostinfo-said-to-be-new.eml", build(top, mp("mixed", parts, "----=_single45_boundary")),
        "request_materials", "hardware_change", ["old_server_file"], [],
        "One host file with a role-less name (HostInfo.txt) that the body says is the NEW server's; old server dead and its licence not yet found: only the old server file is missing.")


# 46 two role-less host files -> roles assumed
def m46():
    body = """您好，申请License硬件变更（更换服务器）。

最终用户单位名称：太原晋阳湖智慧园区运营有限公司
用户联系人：白雪  电话：0351-7022 8899
代理商工程师姓名：郭涛
代理商工程师电话：186 3511 0033
授权码：TY-JYH-IMC-2023-0707

附件为两台服务器的主机信息文件，以及盖章承诺书扫描件。
"""
    a = hostinfo("JYH-SRV-A", "12121212-3434-5656-7878-9A9A9A9A9A9A", "00:16:3E:00:00:0A", when="2024-04-02 09:00:00")
    b_ = hostinfo("JYH-SRV-B", "BCBCBCBC-DEDE-F0F0-1212-343434343434", "00:16:3E:00:00:0B", when="2024-04-03 09:00:00")
    parts = [text(body, "utf-8", "base64"),
             att(a, "hostinfo-1.txt", "text/plain", style="plain"),
             att(b_, "hostinfo-2.txt", "text/plain", style="plain"),
             att(general_letter("Taiyuan Jinyanghu Smart Park Operation Co., Ltd.", "iMC", "Bai Xue", "2024-04-03"),
                 "承诺书扫描件.pdf", "application/pdf", style="2047b")]
    top = [
        "From: " + addr("白雪", "baixue@jyhpark.example.cn"),
        "To: " + TO,
        "Subject: " + ew("License硬件变更-晋阳湖园区", "utf-8", "B"),
        "Date: Thu, 04 Apr 2024 14:20:00 +0800",
        "Message-ID: <roles-46-0404@jyhpark.example.cn>",
    ]
    add("46-two-roleless-hostinfo-files.eml", build(top, mp("mixed", parts, "----=_roles46_boundary")),
        "forward", "hardware_change", [], ["roles_assumed"],
        "Two host files named hostinfo-1.txt / hostinfo-2.txt and a body that never says which server is which; everything else present: forwarded with the old/new assignment marked as assumed.")


# 47 zip with legacy GBK file names
def m47():
    body = """您好：

申请iMC License硬件变更，材料打包在附件压缩包里（旧/新服务器主机信息、承诺书盖章件）。

最终用户单位名称：江西赣江新区行政审批局
用户联系人：钟丽萍，0791-8388 1234
代理商工程师：熊伟，南昌洪城信息，手机 13907 9123 45
授权码：JX-GJ-IMC-2022-1212-DD

钟丽萍
"""
    z = zipf([
        ("旧服务器主机信息.txt", hostinfo("GJXQ-OLD", "ABABABAB-CDCD-EFEF-0101-232323232323", "00:E0:81:00:00:01", when="2024-04-03 10:00:00", zh=True, charset="gbk")),
        ("新服务器主机信息.txt", hostinfo("GJXQ-NEW", "45454545-6767-8989-ABAB-CDCDCDCDCDCD", "00:E0:81:00:00:02", when="2024-04-04 10:00:00", zh=True, charset="gbk")),
        ("承诺书盖章件.jpg", jpg("stamped letter scan")),
    ], name_charset="gbk")
    parts = [text(body, "gb2312", "base64"),
             att(z, "资料.zip", "application/x-zip-compressed", style="2047b", charset="gb2312")]
    top = [
        "From: " + addr("钟丽萍", "zhonglp@gjxq-sp.example.cn", "gb2312"),
        "To: " + TO,
        "Subject: " + ew("iMC License硬件变更申请", "gb2312", "B"),
        "Date: Fri, 05 Apr 2024 09:15:00 +0800",
        "Message-ID: <202404050915001234567@gjxq-sp.example.cn>",
        "X-Mailer: Foxmail 7.2.25.228[cn]",
    ]
    add("47-zip-with-gbk-entry-names.eml", build(top, mp("mixed", parts, "----=_001_NextPart4704050915_=----")),
        "forward", "hardware_change", [], ["from_archive"],
        "Windows-made zip whose Chinese entry names are GBK without the UTF-8 flag (旧/新服务器主机信息.txt, 承诺书盖章件.jpg), sent as application/x-zip-compressed: complete, from the archive.")


# 48 Gmail-style inline forward by the reseller
def m48():
    body = """请协助处理以下License解绑申请，我是代理商工程师。

代理商工程师：邱明（厦门鹭岛网络），电话 0592-5120 888 转 6

---------- Forwarded message ---------
From: 黄雅琴 <huangyq@xmairport-ops.example.cn>
Date: 2024年4月3日周三 16:05
Subject: iMC授权解绑
To: 邱明 <qiuming@ludao-net.example.cn>


邱工您好：

我们需要把iMC授权里的UAM序列号从现网管服务器解绑，转给T4航站楼新部署的iMC使用，其余序列号不动。

最终用户单位名称：厦门翔安机场运营管理有限公司
用户联系人：黄雅琴
联系电话：(0592) 555 6677
授权码：XM-XA-IMC-2023-0315-RQ
原授权序列号：IMC-PLAT-SN0315-1、IMC-EIA-SN0315-2、IMC-UAM-SN0315-3
需解绑：IMC-UAM-SN0315-3

原服务器主机信息和盖章的解绑定专用承诺书见附件。

黄雅琴
"""
    old = hostinfo("XA-NMS-01", "CACACACA-BDBD-9E9E-8F8F-707070707070", "00:25:B5:00:00:1A", when="2024-04-03 15:30:00")
    letter = unbind_letter("Xiamen Xiang'an Airport Operation Management Co., Ltd.",
                           "IMC-PLAT-SN0315-1, IMC-EIA-SN0315-2, IMC-UAM-SN0315-3", "IMC-UAM-SN0315-3",
                           "Huang Yaqin", "2024-04-03")
    alt = mp("alternative", [text(body, "UTF-8", "base64"),
                             text('<div dir="ltr">' + body.replace("\n", "<br>") + "</div>", "UTF-8", "base64", subtype="html")],
             "000000000000c1d2e3f40615a1b2c4", preamble="")
    parts = [alt,
             att(old, "原服务器主机信息.txt", "text/plain", style="2047b"),
             att(letter, "承诺书（解绑定专用）盖章.pdf", "application/pdf", style="2047b")]
    top = [
        "MIME-Version: 1.0",
        "From: " + addr("邱明", "qiuming@ludao-net.example.cn"),
        "Date: Thu, 04 Apr 2024 09:02:00 +0800",
        "Message-ID: <CAFwd48xYz0aBcDeFgHiJkLmNoPqRsTuVwXyZ@mail.gmail.example.com>",
        "Subject: " + ew("Fwd: iMC授权解绑", "UTF-8", "B"),
        "To: " + TO,
    ]
    add("48-gmail-inline-forward-unbind.eml", build(top, mp("mixed", parts, "000000000000c1d2e3f40615a1b2c5", preamble=""), mime_version=None),
        "forward", "unbind", [], [],
        "Reseller forwards inline (Gmail '---------- Forwarded message ---------'): new text gives only the reseller engineer, the forwarded part the end-user fields and partial unbind; attachments carried over: complete.")


def main():
    for name in sorted(k for k in globals() if k.startswith("m") and k[1:].isdigit()):
        globals()[name]()
    for fn in os.listdir(HERE):
        if fn.endswith(".eml"):
            os.remove(os.path.join(HERE, fn))
    for fname, data in MAILS:
        with open(os.path.join(HERE, fname), "wb") as f:
            f.write(data)
    with open(os.path.join(HERE, "expected.jsonl"), "w", encoding="utf-8") as f:
        for e in EXPECTED:
            f.write(json.dumps(e, ensure_ascii=False) + "\n")
    print("wrote %d mails" % len(MAILS))


if __name__ == "__main__":
    main()
