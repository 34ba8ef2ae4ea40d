#!/usr/bin/env python3
"""Blind test set 5 for `intake check`: 38 mails, two per corpus kind.

Deterministic (fixed dates, Message-IDs, boundaries, file contents); python3 stdlib only.
Writes NN-name.eml (CRLF, complete RFC 5322/MIME) and expected.jsonl beside this script.
"""
import base64
import binascii
import io
import json
import os
import struct
import urllib.parse
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
INTAKE = "intake@example.test"

# --------------------------------------------------------------------------- encoders


def crlf(text):
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def b64body(data):
    s = base64.b64encode(data).decode("ascii")
    return ("\r\n".join(s[i:i + 76] for i in range(0, len(s), 76)) + "\r\n").encode("ascii")


def qpbody(data):
    out = []
    for line in data.split(b"\r\n"):
        enc = []
        for i, b in enumerate(line):
            if 33 <= b <= 126 and b != 61:
                enc.append(bytes([b]))
            elif b in (32, 9):
                enc.append(bytes([b]) if i < len(line) - 1 else b"=%02X" % b)
            else:
                enc.append(b"=%02X" % b)
        cur, lines = b"", []
        for e in enc:
            if len(cur) + len(e) > 75:
                lines.append(cur + b"=")
                cur = e
            else:
                cur += e
        lines.append(cur)
        out.append(b"\r\n".join(lines))
    return b"\r\n".join(out)


def encode_body(data, cte):
    cte = cte.lower()
    if cte == "base64":
        return b64body(data)
    if cte == "quoted-printable":
        return qpbody(data)
    return data  # 7bit / 8bit


def ew(s, cs, enc="B"):
    """RFC 2047 encoded words (list), split on character boundaries."""
    if all(ord(c) < 128 for c in s) and enc != "force":
        return [s]
    enc = "B" if enc == "force" else enc
    pref = "=?%s?%s?" % (cs, enc)

    def one(t):
        raw = t.encode(cs)
        if enc == "B":
            return base64.b64encode(raw).decode("ascii")
        o = ""
        for b in raw:
            c = chr(b)
            if c.isalnum() and b < 128:
                o += c
            elif c == " ":
                o += "_"
            elif c in "!*+-/":
                o += c
            else:
                o += "=%02X" % b
        return o

    words, cur = [], ""
    for ch in s:
        t = cur + ch
        if cur and len(pref) + len(one(t)) + 2 > 75:
            words.append(cur)
            cur = ch
        else:
            cur = t
    words.append(cur)
    return [pref + one(w) + "?=" for w in words]


def hval(s, cs="utf-8", enc="B"):
    return "\r\n ".join(ew(s, cs, enc))


def addr(name, email, cs="utf-8", quote=False, enc="B"):
    if not name:
        return email
    if all(ord(c) < 128 for c in name):
        if any(c in name for c in ',.()<>@;:"[]'):
            return '"%s" <%s>' % (name, email)
        return "%s <%s>" % (name, email)
    w = " ".join(ew(name, cs, enc))
    return ('"%s" <%s>' % (w, email)) if quote else ("%s <%s>" % (w, email))


# --------------------------------------------------------------------------- MIME parts


def mkpart(headers, body):
    h = b"".join(("%s: %s\r\n" % (k, v)).encode("ascii") for k, v in headers)
    return h + b"\r\n" + body


def textpart(text, sub="plain", cs="utf-8", cte="base64", params="", csq=True):
    data = crlf(text).encode(cs)
    csv = ('"%s"' % cs) if csq else cs
    return mkpart([("Content-Type", "text/%s; charset=%s%s" % (sub, csv, params)),
                   ("Content-Transfer-Encoding", cte)], encode_body(data, cte))


def multipart(sub, parts, boundary, preamble=b"", extra=""):
    body = preamble
    for p in parts:
        body += b"--" + boundary.encode() + b"\r\n" + p
        if not p.endswith(b"\r\n"):
            body += b"\r\n"
    body += b"--" + boundary.encode() + b"--\r\n"
    return ('multipart/%s;%s boundary="%s"' % (sub, extra, boundary)), body


def mpart(ctype_body, extra_headers=()):
    ctype, body = ctype_body
    return mkpart([("Content-Type", ctype)] + list(extra_headers), body)


def rfc2231(name):
    pct = urllib.parse.quote(name.encode("utf-8"), safe="")
    if len(pct) <= 60:
        return "filename*=UTF-8''" + pct
    chunks, i = [], 0
    while i < len(pct):
        j = min(i + 60, len(pct))
        while "%" in pct[j - 2:j] and j < len(pct):  # do not split a %XX
            j += 1
        chunks.append(pct[i:j])
        i = j
    out = []
    for n, c in enumerate(chunks):
        out.append("filename*%d*=%s%s" % (n, "UTF-8''" if n == 0 else "", c))
    return ";\r\n ".join(out)


def attpart(fname, data, ctype, style="ew", cs="utf-8", cte="base64", extra=(), inline=False):
    disp = "inline" if inline else "attachment"
    if all(ord(c) < 128 for c in fname):
        hs = [("Content-Type", '%s; name="%s"' % (ctype, fname)),
              ("Content-Disposition", '%s; filename="%s"' % (disp, fname))]
    elif style == "ew":  # Outlook, Foxmail, QQ, 163, Gmail
        w = "\r\n ".join(ew(fname, cs))
        hs = [("Content-Type", '%s; name="%s"' % (ctype, w)),
              ("Content-Disposition", '%s; filename="%s"' % (disp, w))]
    elif style == "tb":  # Thunderbird: RFC 2047 name=, RFC 2231 filename*=
        w = "\r\n ".join(ew(fname, "UTF-8"))
        hs = [("Content-Type", '%s; charset=UTF-8; name="%s"' % (ctype, w)),
              ("Content-Disposition", "%s;\r\n %s" % (disp, rfc2231(fname)))]
    elif style == "apple":  # Apple Mail: RFC 2231 on both
        hs = [("Content-Type", "%s;\r\n\tname*=utf-8''%s" % (ctype, urllib.parse.quote(fname.encode(), safe=""))),
              ("Content-Disposition", "%s;\r\n\t%s" % (disp, rfc2231(fname).replace("UTF-8", "utf-8")))]
    else:
        raise ValueError(style)
    order = [hs[0], ("Content-Transfer-Encoding", cte)] + list(extra) + [hs[1]]
    return mkpart(order, encode_body(data, cte))


def message(headers, ctype, body, cte=None):
    hs = list(headers) + [("Content-Type", ctype)]
    if cte:
        hs.append(("Content-Transfer-Encoding", cte))
    return mkpart(hs, body)


# --------------------------------------------------------------------------- tiny files


def pdf(text):
    text = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = ("BT /F1 14 Tf 72 770 Td (%s) Tj ET\n0 0 1 RG 400 80 m 520 80 l 520 160 l 400 160 l s\n" % text).encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
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


def jpeg(comment=""):
    """8x8 grey baseline JPEG (DC-only), valid for any decoder."""
    def seg(marker, payload):
        return b"\xff" + bytes([marker]) + struct.pack(">H", len(payload) + 2) + payload
    out = b"\xff\xd8"
    out += seg(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    if comment:
        out += seg(0xFE, comment.encode())
    out += seg(0xDB, b"\x00" + b"\x01" * 64)
    out += seg(0xC0, b"\x08\x00\x08\x00\x08\x01\x01\x11\x00")
    out += seg(0xC4, b"\x00" + b"\x01" + b"\x00" * 15 + b"\x00")
    out += seg(0xC4, b"\x10" + b"\x01" + b"\x00" * 15 + b"\x00")
    out += seg(0xDA, b"\x01\x01\x00\x00\x3f\x00")
    out += b"\x3f" + b"\xff\xd9"
    return out


def png():
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    raw = b"".join(b"\x00" + b"\xff\x80\xff\x80" for _ in range(4))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def tiff():
    entries = [(256, 3, 1, 2), (257, 3, 1, 2), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
               (273, 4, 1, 0), (277, 3, 1, 1), (278, 3, 1, 2), (279, 4, 1, 4)]
    ifd_off = 8
    data_off = ifd_off + 2 + 12 * len(entries) + 4
    out = b"II*\x00" + struct.pack("<I", ifd_off) + struct.pack("<H", len(entries))
    for tag, typ, cnt, val in entries:
        if tag == 273:
            val = data_off
        if typ == 3:
            out += struct.pack("<HHIHH", tag, typ, cnt, val, 0)
        else:
            out += struct.pack("<HHII", tag, typ, cnt, val)
    out += struct.pack("<I", 0) + b"\x00\xff\xff\x00"
    return out


def docx(text):
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    paras = "".join('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % l for l in text.split("\n"))
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           + paras + '</w:body></w:document>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in (("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc)):
            zi = zipfile.ZipInfo(n, date_time=(2024, 11, 1, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, d.encode("utf-8"))
    return buf.getvalue()


def olecfb(text):
    """Word 97-2003 look-alike: OLE2 compound-file header and a text sector."""
    hdr = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + struct.pack("<HHHH", 0x3E, 3, 0xFFFE, 9)
           + struct.pack("<H", 6) + b"\x00" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 0x1000, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0))
    hdr += struct.pack("<I", 0) + b"\xff" * (512 - len(hdr) - 4)
    hdr = hdr[:512]
    body = text.encode("utf-16-le")
    return hdr + body + b"\x00" * (1024 - len(body) % 512)


def lic(product, code, host, serials=()):
    sig = binascii.hexlify(zlib.crc32((product + code + host).encode()).to_bytes(4, "big")).decode()
    lines = ["# H3C software license activation file (test fixture)",
             "[License]", "Product=%s" % product, "AuthCode=%s" % code, "HostID=%s" % host]
    if serials:
        lines.append("Serials=%s" % ",".join(serials))
    lines += ["Issued=2021-06-11", "Signature=%s%s" % (sig, sig[::-1] * 6)]
    return ("\r\n".join(lines) + "\r\n").encode("ascii")


def hostinfo(hostname, hostid, mac):
    return ("HostName=%s\r\nHostID=%s\r\nMAC=%s\r\nOS=Windows Server 2019\r\nCollector=iMC Registration\r\n"
            % (hostname, hostid, mac)).encode("ascii")


def zip_utf8(files):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in files:
            zi = zipfile.ZipInfo(n, date_time=(2024, 11, 8, 9, 30, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, d)
    return buf.getvalue()


def zip_gbk(files):
    """Stored zip with GBK-encoded names and no UTF-8 flag (Windows 'Send to compressed folder')."""
    dostime, dosdate = (10 << 11) | (15 << 5), ((2024 - 1980) << 9) | (11 << 5) | 7
    local, central = b"", b""
    for n, d in files:
        name = n.encode("gbk")
        crc = zlib.crc32(d) & 0xffffffff
        off = len(local)
        local += struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, 0, 0, dostime, dosdate, crc, len(d), len(d), len(name), 0) + name + d
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014b50, 20, 20, 0, 0, dostime, dosdate, crc, len(d), len(d),
                               len(name), 0, 0, 0, 0, 0x20, off) + name
    eocd = struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, len(files), len(files), len(central), len(local), 0)
    return local + central + eocd


# --------------------------------------------------------------------------- client HTML flavours


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_divs(text, wrap="<div>%s</div>"):
    return "".join(wrap % (esc(l) if l.strip() else "<br>") for l in text.split("\n"))


def foxmail_html(text, cs):
    return ('<html><head><meta http-equiv="content-type" content="text/html; charset=%s"><style>body { line-height: 1.5; }'
            ' body { font-size: 14px; font-family: \'Microsoft YaHei UI\'; color: rgb(0, 0, 0); line-height: 1.5; }</style>'
            '</head><body>\n%s\n<div><br></div><hr style="width: 210px; height: 1px;" color="#b5c4df" size="1" align="left">'
            '\n</body></html>' % (cs, html_divs(text)))


def coremail_html(text):
    return ('<div style="line-height:1.7;color:#000000;font-size:14px;font-family:Arial">%s</div><br><br>'
            '<span title="neteasefooter"><p>&nbsp;</p></span>' % "".join(
                (esc(l) + "<br>") if l.strip() else "<br>" for l in text.split("\n")))


def gmail_html(text):
    return '<div dir="ltr">%s</div>\r\n' % "".join(
        ("<div>%s</div>" % esc(l)) if l.strip() else "<div><br></div>" for l in text.split("\n"))


def word_html(inner, cs, lang="ZH-CN"):
    return ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" '
            'xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv=Content-Type content="text/html; charset=%s">'
            '<meta name=Generator content="Microsoft Word 15 (filtered medium)"><style><!--\n'
            '/* Font Definitions */\n@font-face\n\t{font-family:\\7B49\\7EBF;}\n'
            'p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\ttext-align:justify;\n\ttext-justify:inter-ideograph;\n'
            '\tfont-size:10.5pt;\n\tfont-family:\\7B49\\7EBF;}\n.MsoChpDefault\n\t{mso-style-type:export-only;}\n'
            'div.WordSection1\n\t{page:WordSection1;}\n--></style></head>'
            '<body lang=%s link="#0563C1" vlink="#954F72" style=\'text-justify-trim:punctuation\'>'
            '<div class=WordSection1>%s<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p></div></body></html>'
            % (cs, lang, inner))


def word_p(text):
    if not text.strip():
        return "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>"
    # Word wraps runs of Latin text in lang=EN-US spans
    out, cur, latin = "", "", None
    for ch in text:
        isl = ord(ch) < 128
        if latin is None or isl == latin:
            cur += ch
        else:
            out += ("<span lang=EN-US>%s</span>" % esc(cur)) if latin else esc(cur)
            cur = ch
        latin = isl
    out += ("<span lang=EN-US>%s</span>" % esc(cur)) if latin else esc(cur)
    return "<p class=MsoNormal>%s<o:p></o:p></p>" % out


def word_table(rows, header=None):
    td = ("<td width=%d valign=top style='width:%.1fpt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>"
          "<p class=MsoNormal>%s<o:p></o:p></p></td>")
    out = ("<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>")
    if header:
        out += "<tr>" + "".join(td % (200, 150.0, "<b>%s</b>" % esc(h)) for h in header) + "</tr>"
    for k, v in rows:
        out += "<tr>" + td % (200, 150.0, esc(k)) + td % (330, 247.5, word_p(v)[len("<p class=MsoNormal>"):-len("<o:p></o:p></p>")]) + "</tr>"
    return out + "</table>"


# --------------------------------------------------------------------------- the mails

MAILS = []


def mail(name, expected):
    def deco(fn):
        MAILS.append((name, fn, expected))
        return fn
    return deco


def exp(action, scenario="", missing=(), notes=(), reason=None, why=""):
    d = {"action": action, "scenario": scenario, "missing": list(missing), "notes": list(notes)}
    if reason:
        d["reason"] = reason
    d["why"] = why
    return d


def outlook_win_headers(frm, subject, date, mid, cs, lang="zh-cn", extra=()):
    return ([("From", frm), ("To", '"%s" <%s>' % (INTAKE, INTAKE)), ("Subject", hval(subject, cs)),
             ("Date", date), ("Message-ID", mid), ("MIME-Version", "1.0")]
            + list(extra)
            + [("X-Mailer", "Microsoft Outlook 16.0"), ("Thread-Index", "AdsvOhwrPUBU5bfAQ1uXk2Jw8mZ0cA=="),
               ("Content-Language", lang)])


# ---- kind 01: recovery complete ---------------------------------------------------------

@mail("01-recovery-complete-foxmail-gbk-brackets", exp(
    "forward", "recovery",
    why="Hospital IT admin, Foxmail in GBK (base64, text+html): 激活文件丢失/申请License找回 with 客户局点名称 and 授权码 in 【】 brackets."))
def m01():
    cs = "GBK"
    text = ("H3C工程师您好：\n\n"
            "我院网管平台（iMC）服务器上周操作系统崩溃，重装系统后发现原来的License激活文件没有备份，已经丢失，现申请License找回。\n\n"
            "【客户局点名称】江川市第一人民医院\n"
            "【授权码】3Q7K-M2PA-X9D4-T6WB-8HCE\n"
            "【所属产品】iMC PLAT 7.3 (E0710)\n\n"
            "如需其他信息请与我联系，谢谢！\n\n"
            "陈晓东\n江川市第一人民医院 信息中心\n电话：0871-55501234\n")
    alt = multipart("alternative", [textpart(text, "plain", cs, "base64"),
                                    textpart(foxmail_html(text, cs), "html", cs, "base64")],
                    "----=_001_NextPart843615822751_=----")
    hs = [("Date", "Mon, 4 Nov 2024 09:12:33 +0800"),
          ("From", addr("陈晓东", "chenxd@jcyy.example.cn", cs, quote=True)),
          ("To", '"intake" <%s>' % INTAKE),
          ("Subject", hval("iMC激活文件丢失，申请License找回", cs)),
          ("X-Priority", "3"), ("X-GUID", "6E2B1C44-8D1A-4F3B-9C20-5B7A1E0D2F11"),
          ("X-Has-Attach", "no"), ("X-Mailer", "Foxmail 7.2.25.228[cn]"),
          ("Mime-Version", "1.0"), ("Message-ID", "<202411040912330213457@jcyy.example.cn>")]
    return message(hs, alt[0], b"This is a multi-part message in MIME format.\r\n\r\n" + alt[1])


@mail("02-recovery-complete-outlook-big5-qp", exp(
    "forward", "recovery",
    why="Taiwanese integrator, Outlook in Big5 quoted-printable: License 啟用檔案遺失 / 申請 License 找回 with 客戶局點名稱 and 授權碼 (traditional labels, full-width colons)."))
def m02():
    cs = "big5"
    text = ("H3C 技術支援 您好：\n\n"
            "敝司為新竹示範科學園區管理局 XLog 系統的維護廠商。客戶端日誌伺服器上個月更新作業系統時，"
            "License 啟用檔案不慎遺失，需申請 License 找回，相關資料如下：\n\n"
            "客戶局點名稱：新竹示範科學園區管理局 資訊室\n"
            "授權碼：XLG-5820-KD73-PQ19-00A6\n"
            "所屬產品：XLog\n\n"
            "麻煩協助處理，謝謝！\n\n"
            "林志豪 Jimmy Lin\n示範系統整合股份有限公司\nTel: +886-3-555-0188\n")
    html = word_html("".join(word_p(l) for l in text.split("\n")), cs, "ZH-TW")
    alt = multipart("alternative", [textpart(text, "plain", cs, "quoted-printable"),
                                    textpart(html, "html", cs, "quoted-printable")],
                    "----=_NextPart_000_0015_01DB2E9C.5A7B3C10")
    hs = outlook_win_headers(addr("林志豪", "jimmy.lin@sysint.example.tw", cs),
                             "XLog License 找回申請 - 新竹示範科學園區管理局",
                             "Tue, 5 Nov 2024 14:03:12 +0800",
                             "<001501db2f59$4a6b2c10$df618430$@sysint.example.tw>", cs, "zh-tw")
    return message(hs, alt[0], b"This is a multipart message in MIME format.\r\n\r\n" + alt[1])


# ---- kind 02: recovery, one item missing ------------------------------------------------

@mail("03-recovery-missing-site-iphone", exp(
    "request_materials", "recovery", ["site_name"],
    why="Young reseller engineer from iPhone Mail, terse: 激活文件丢了…找回, 授权码 given with a space instead of a colon, but no customer site name anywhere."))
def m03():
    text = ("王工 客户imc的激活文件丢了，服务器之前重装过没备份，麻烦帮忙找回一下\n"
            "授权码 7F3D-22KQ-M81Z-0PXL-6YTR\n"
            "谢谢\n\n发自我的iPhone")
    hs = [("Content-Type", "text/plain;\r\n\tcharset=utf-8"), ("Content-Transfer-Encoding", "quoted-printable"),
          ("From", addr("刘洋", "liuyang@reseller.example.com")),
          ("Mime-Version", "1.0 (1.0)"), ("Date", "Wed, 6 Nov 2024 21:47:05 +0800"),
          ("Subject", hval("license找回")),
          ("Message-Id", "<9B1E6D2A-4C7F-4E35-8A10-3F2D5C6B7E81@reseller.example.com>"),
          ("To", INTAKE), ("X-Mailer", "iPhone Mail (21H16)")]
    return mkpart(hs, qpbody(crlf(text).encode("utf-8")))


@mail("04-recovery-missing-auth-gmail-en", exp(
    "request_materials", "recovery", ["auth_code"],
    why="Overseas partner in non-native English from Gmail web: lost activation file / help us recover, 'Customer site:' given, the authorization code explicitly not yet available (quoted customer mail has none either)."))
def m04():
    text = ("Dear H3C team,\n\n"
            "Our customer has lost the license activation file of XLog, after they re-install the OS of server the file is gone and no backup. "
            "Please kindly help us recover the license.\n\n"
            "Customer site: Hai Phong Port Authority - Data Center\n"
            "Product: XLog V2\n\n"
            "About the authorization code, we are still asking customer to find it, the paper document is also lost. "
            "Is it possible to find by the site name?\n\n"
            "Thank you very much and best regards,\nNguyen Van Minh\nTechnical Engineer\nSao Mai Networks (partner)\n\n"
            "On Mon, Nov 4, 2024 at 4:12 PM Le Thi Hoa <hoa.le@haiphongport.example.net> wrote:\n"
            "> Dear Minh,\n> The XLog server show \"no license\" after reinstall. Please help.\n> Hoa\n")
    html = gmail_html(text)
    alt = multipart("alternative", [textpart(text, "plain", "UTF-8", "7bit"),
                                    textpart(html, "html", "UTF-8", "quoted-printable")],
                    "000000000000c3f1a20625e1b7d4")
    hs = [("MIME-Version", "1.0"), ("From", "Nguyen Van Minh <minh.nguyen@saomai.example.net>"),
          ("Date", "Tue, 5 Nov 2024 10:21:44 +0700"),
          ("Message-ID", "<CAJ7qX2mK8fR3pQ0vN4wY6tB9sL1hZ5cE2aD7gU3iO8eW0rT6yA@mail.example.com>"),
          ("Subject", "Request recover license file for customer XLog"), ("To", INTAKE)]
    return message(hs, alt[0], alt[1])


# ---- kind 03: hardware change complete --------------------------------------------------

@mail("05-hwchange-complete-gov-outlook-gbk", exp(
    "forward", "hardware_change",
    why="Government data-centre clerk writing a formal letter from Outlook (GBK, a GBK-only character in a name): 一、…六、 numbered seed labels, 原服务器License文件.lic, 新服务器主机信息.txt and a stamped-letter PDF."))
def m05():
    cs = "gbk"
    text = ("H3C公司技术支持部：\n\n"
            "根据贵司《H3C业务软件产品License例外申请流程说明书》的要求，我中心网管平台（iMC）原服务器因主板故障已于2024年10月28日停用，"
            "现需将软件授权由原服务器变更至新服务器，特申请License硬件变更。相关材料报送如下：\n\n"
            "一、最终用户单位名称：滨海市政务数据中心\n"
            "二、用户联系人：刘堃\n"
            "三、用户联系方式：022-55501876\n"
            "四、代理商工程师姓名：何建国\n"
            "五、代理商工程师联系方式：136-0000-1234\n"
            "六、需要变更的授权码：IMC-PLAT-8F2K-39DM-QW71\n\n"
            "随函附件：\n"
            "1. 原服务器License文件（原服务器License文件.lic）\n"
            "2. 新服务器主机信息文件（新服务器主机信息.txt）\n"
            "3. 加盖单位公章的《H3C业务软件License例外申请及承诺书》扫描件\n\n"
            "请予办理为盼。\n\n"
            "滨海市政务数据中心 运维管理科\n二〇二四年十一月五日\n")
    html = word_html("".join(word_p(l) for l in text.split("\n")), cs)
    alt = multipart("alternative", [textpart(text, "plain", cs, "base64"), textpart(html, "html", cs, "base64")],
                    "----=_NextPart_001_0021_01DB2F7D.2A4E6F50")
    atts = [
        attpart("原服务器License文件.lic", lic("iMC PLAT", "IMC-PLAT-8F2K-39DM-QW71", "HID-7A21-90DE-4C3B"),
                "application/octet-stream", "ew", cs),
        attpart("新服务器主机信息.txt", hostinfo("BHDC-IMC-NEW", "HID-3C9F-1B2A-77E0", "00-50-56-A1-2B-3C"),
                "text/plain", "ew", cs),
        attpart("License例外申请及承诺书（盖章）.pdf", pdf("H3C License Exception Application and Commitment Letter - stamped"),
                "application/pdf", "ew", cs),
    ]
    mixed = multipart("mixed", [mpart(alt)] + atts, "----=_NextPart_000_0020_01DB2F7D.2A4E6F50")
    hs = outlook_win_headers(addr("周敏", "zhoumin@bhdc.example.cn", cs), "关于申请iMC软件License硬件变更的函",
                             "Tue, 5 Nov 2024 10:23:45 +0800", "<002001db2f3a$1c2b3d40$54e5b7c0$@bhdc.example.cn>", cs)
    return message(hs, mixed[0], b"This is a multipart message in MIME format.\r\n\r\n" + mixed[1])


@mail("06-hwchange-complete-thunderbird-subject-code", exp(
    "forward", "hardware_change",
    why="Thunderbird, UTF-8 8bit: 硬件变更 with the auth code only in the subject, half-width-colon labels, a license file (always old) and an unlabelled HostInfo.txt (so new); the quoted customer mail below 在…写道 asks about 找回 but the new text decides."))
def m06():
    text = ("您好，\n\n"
            "东岭大学网络中心的iMC服务器要更换成新服务器，申请License硬件变更，授权码见邮件标题。\n\n"
            "用户单位: 东岭大学网络与信息中心\n"
            "用户联系人: 赵磊\n"
            "用户电话: 0571-55502231\n"
            "代理商工程师: 孙浩（杭州示例网络科技有限公司）\n"
            "代理商电话: 188-0000-2222\n\n"
            "附件是老服务器上导出的License文件、新服务器的主机信息文件和盖章的承诺书。\n\n"
            "孙浩\n\n"
            "在 2024/11/3 10:02, 赵磊 写道:\n"
            "> 孙工，新服务器已经上架了，原来那台的license是要找回还是怎么弄？\n"
            "> 赵磊\n")
    atts = [
        attpart("iMC_License_20210611.lic", lic("iMC PLAT", "H3C-IMC-4471-KQ9Z-P0E2", "HID-DL-00A1-7F3E"),
                "application/octet-stream", "tb"),
        attpart("HostInfo.txt", hostinfo("DLU-NMS-02", "HID-DL-55C2-9B10", "3C-EC-EF-12-34-56"), "text/plain", "tb"),
        attpart("承诺书-东岭大学-盖章.pdf", pdf("Commitment letter - Dongling University - stamped"), "application/pdf", "tb"),
    ]
    mixed = multipart("mixed", [textpart(text, "plain", "UTF-8", "8bit", "; format=flowed", csq=False)] + atts,
                      "------------0Kx3bVqJ9tYw2sRm4LhP7dZe")
    hs = [("Message-ID", "<4b1f2c9e-7a35-4d2b-9e61-0c8f3a5d7e21@hzexample.example.com>"),
          ("Date", "Mon, 4 Nov 2024 16:40:12 +0800"), ("MIME-Version", "1.0"),
          ("User-Agent", "Mozilla Thunderbird"), ("Content-Language", "zh-CN"), ("To", INTAKE),
          ("From", addr("孙浩", "sunhao@hzexample.example.com")),
          ("Subject", hval("硬件变更｜东岭大学｜授权码 H3C-IMC-4471-KQ9Z-P0E2", "UTF-8"))]
    return message(hs, mixed[0], b"This is a multi-part message in MIME format.\r\n" + mixed[1])


# ---- kind 04: hardware change, fields missing (English) ---------------------------------

@mail("07-hwchange-missing-phones-outlookmac-en", exp(
    "request_materials", "hardware_change", ["end_user_phone", "agent_phone"],
    why="Partner sales coordinator in non-native English (Outlook for Mac, QP): hardware change with end-user company/contact, partner engineer name and auth code, all three files (letter 'with customer chop'), but no phone/contact details for end user or engineer."))
def m07():
    text = ("Hello H3C support team,\n\n"
            "We would like to request the license hardware change for our customer. Their old iMC server was broken (mainboard) "
            "and customer already buy the new server, so the license need to move to new server.\n\n"
            "Below the information:\n"
            "End user company: Kestrel Logistics Sdn Bhd\n"
            "End user contact person: Mr. Ahmad Faizal bin Rahman\n"
            "Partner engineer name: Tan Wei Ling\n"
            "Auth code: IMC-7M2Q-55XZ-LP08-AA31\n\n"
            "Attached please find the old server license file, new server host info file and the commitment letter with customer chop.\n\n"
            "Thanks & regards,\nSiti Aminah\nSales Coordinator\nExample Systems Sdn Bhd\n")
    html = ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" '
            'content="text/html; charset=utf-8"></head><body lang="EN-US" style="word-wrap:break-word">'
            '<div class="WordSection1">' + "".join(
                '<p class="MsoNormal"><span style="font-size:11.0pt">%s<o:p></o:p></span></p>' % (esc(l) or "<o:p>&nbsp;</o:p>")
                for l in text.split("\n")) + "</div></body></html>")
    alt = multipart("alternative", [textpart(text, "plain", "UTF-8", "quoted-printable"),
                                    textpart(html, "html", "UTF-8", "quoted-printable")], "B_3813994120_1850230447")
    atts = [
        attpart("Kestrel_old_server.lic", lic("iMC PLAT", "IMC-7M2Q-55XZ-LP08-AA31", "HID-KL-1122-3344"),
                "application/octet-stream", "apple"),
        attpart("Kestrel_new_server_hostinfo.txt", hostinfo("KL-NMS-NEW", "HID-KL-9988-7766", "00-1B-21-AA-BB-CC"),
                "text/plain", "apple"),
        attpart("Commitment Letter_Kestrel_chop.pdf", pdf("License Exception Commitment Letter - Kestrel - company chop"),
                "application/pdf", "apple"),
    ]
    mixed = multipart("mixed", [mpart(alt)] + atts, "B_3813994120_1279348520")
    hs = [("User-Agent", "Microsoft-MacOutlook/16.89.24091630"), ("Date", "Thu, 07 Nov 2024 11:02:00 +0800"),
          ("Subject", "License hardware change request - Kestrel Logistics"),
          ("From", "Siti Aminah <siti.aminah@examplesys.example.my>"), ("To", "<%s>" % INTAKE),
          ("Message-ID", "<8F2A9C31-5D6E-4B7A-A1C2-3E4F5A6B7C8D@examplesys.example.my>"),
          ("Thread-Topic", "License hardware change request - Kestrel Logistics"),
          ("Mime-version", "1.0")]
    return message(hs, mixed[0], b"> This message is in MIME format. Since your mail reader does not understand\r\n"
                   b"this format, some or all of this message may not be legible.\r\n\r\n" + mixed[1])


@mail("08-hwchange-missing-agent-163-en", exp(
    "request_materials", "hardware_change", ["agent_engineer", "agent_phone"],
    why="Hospital IT admin writing English from NetEase 163 webmail (GBK base64, Chinese signature): hardware change with Organization/Contact person/Tel/Auth code, old+new host-info files and a stamped JPG, but says the reseller engineer has left: no engineer name or contact."))
def m08():
    cs = "GBK"
    text = ("Dear H3C Support,\n\n"
            "I am the IT administrator of Pudong International Hospital. We replaced our iMC server with a new machine last week "
            "and need to transfer the license to the new server (hardware change).\n\n"
            "Organization: Pudong International Hospital\n"
            "Contact person: Grace Wu\n"
            "Tel: 021-5550-7788 ext 8012\n"
            "Auth code: IMC-EIA-3K8P-22WQ-91LM\n\n"
            "The host info files of the old server and the new server, and the signed & stamped commitment letter are attached.\n\n"
            "We bought the license through a local partner but their engineer has left the company, so please reply to me directly.\n\n"
            "Best regards,\nGrace Wu\n浦东国际医院 信息科\n")
    alt = multipart("alternative", [textpart(text, "plain", cs, "base64", csq=False),
                                    textpart(coremail_html(text), "html", cs, "base64", csq=False)],
                    "----=_Part_284751_1093524571.1730961234567")
    atts = [
        attpart("hostinfo_old_server.txt", hostinfo("PIH-NMS-01", "HID-PIH-0101-AAAA", "00-0C-29-11-22-33"),
                "application/octet-stream", "ew", cs),
        attpart("hostinfo_new_server.txt", hostinfo("PIH-NMS-02", "HID-PIH-0202-BBBB", "00-0C-29-44-55-66"),
                "application/octet-stream", "ew", cs),
        attpart("commitment_letter_stamped.jpg", jpeg("commitment letter stamped"), "image/jpeg", "ew", cs),
    ]
    mixed = multipart("mixed", [mpart(alt)] + atts, "----=_Part_284750_1374829341.1730961234567")
    hs = [("Date", "Thu, 7 Nov 2024 14:33:54 +0800 (CST)"), ("From", '"Grace Wu" <gracewu_it@163.example.com>'),
          ("To", INTAKE), ("Subject", "iMC license hardware change - Pudong International Hospital"),
          ("X-Priority", "3"),
          ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build 20240801(9da12a7b) Copyright (c) 2002-2024 www.mailtech.cn 163com"),
          ("X-NTES-SC", "AL_Qu2cAf2fvk8o4SWdbOkZnEYQheY4XMKyuPkg1YJXOp80iCf91iEcZlpKO0rx0Paj8SurUQ=="),
          ("MIME-Version", "1.0"), ("Message-ID", "<6b1c2f4.3a21.192ff0a1b2c.Coremail.gracewu_it@163.example.com>")]
    return message(hs, mixed[0], mixed[1])


# ---- kind 05: hardware change, letter is a Word file ------------------------------------

@mail("09-hwchange-doc-letter-qq-gb18030", exp(
    "request_materials", "hardware_change", ["commitment_letter"], ["letter_not_stamped"],
    why="QQ Mail (gb18030 base64): complete hardware-change fields, 老/新服务器主机信息 files, but the letter is 承诺书.doc (Word 97-2003), not a stamped scan."))
def m09():
    cs = "gb18030"
    text = ("您好，客户iMC服务器更换，申请硬件变更，资料如下：\n"
            "最终用户单位名称：临江市水务集团有限公司\n"
            "用户联系人：马骏\n"
            "用户联系方式：13912340000\n"
            "代理商工程师姓名：吴杰\n"
            "代理商工程师联系方式：15000001111\n"
            "授权码：IMC-5H2D-KK90-3QPL-Z7N4\n"
            "老服务器主机信息、新服务器主机信息、承诺书都在附件，麻烦尽快处理，谢谢！\n")
    html = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GB18030\">" + html_divs(text)
    alt = multipart("alternative", [textpart(text, "plain", cs, "base64"), textpart(html, "html", cs, "base64")],
                    "----=_NextPart_672C8A15_0F3B2D80_1E6A4C97")
    atts = [
        attpart("老服务器主机信息.txt", hostinfo("LJSW-OLD", "HID-LJ-0001-7777", "00-50-56-00-00-01"),
                "application/octet-stream", "ew", cs),
        attpart("新服务器主机信息.txt", hostinfo("LJSW-NEW", "HID-LJ-0002-8888", "00-50-56-00-00-02"),
                "application/octet-stream", "ew", cs),
        attpart("承诺书.doc", olecfb("H3C业务软件License例外申请及承诺书 本公司（单位）：临江市水务集团有限公司"),
                "application/msword", "ew", cs),
    ]
    mixed = multipart("mixed", [mpart(alt)] + atts, "----=_NextPart_672C8A15_0F3B2D80_3C2E1B55")
    hs = [("X-QQ-mid", "xmsezb52-0t1730971221tb2k3a8cz"), ("X-QQ-XMAILINFO", "OBbVaH9yh8B5mnTxBK0Tq3dLh+T9lLLG6uNvbGw1D5p4"),
          ("X-QQ-FEAT", "3C2Xi2rGQDNtTqk4+TkO3nWuzu2t8+wKy0HLUDXpMr8="),
          ("X-QQ-SSF", "00000000000000F0000000000000"),
          ("From", addr("阿杰", "2851234567@qq.example.com", cs, quote=True)),
          ("To", '"intake" <%s>' % INTAKE), ("Subject", hval("iMC更换服务器 License变更申请", cs)),
          ("Mime-Version", "1.0"), ("Date", "Thu, 7 Nov 2024 17:20:21 +0800"),
          ("X-Priority", "3"), ("Message-ID", "<tencent_9F3B1A2C4D5E6F708192A3B4C5D6E7F80A09@qq.example.com>"),
          ("X-QQ-MIME", "TCMime 1.0 by Tencent"), ("X-Mailer", "QQMail 2.x"), ("X-QQ-Mailer", "QQMail 2.x")]
    return message(hs, mixed[0], b"This is a multi-part message in MIME format.\r\n\r\n" + mixed[1], "8Bit")


@mail("10-hwchange-docx-letter-outlookmac-zh", exp(
    "request_materials", "hardware_change", ["end_user_phone", "commitment_letter"], ["letter_not_stamped"],
    why="Reseller on Outlook for Mac (UTF-8 base64): 旧服务器 license, 新虚拟机 host info and the filled-in 承诺书 as .docx (stamped version 'next week'); says the customer's phone is not yet known."))
def m10():
    text = ("H3C的同事好，\n\n"
            "星河证券的iMC要从旧服务器迁到新的虚拟机上，申请License硬件变更：\n\n"
            "最终用户单位名称：星河证券股份有限公司\n"
            "用户联系人：郑女士\n"
            "代理商工程师姓名：黄思远\n"
            "代理商工程师联系方式：huang.siyuan@reseller.example.com / 137-0000-4455\n"
            "授权码：IMC-AX21-77QW-M0D3-B8KT\n\n"
            "附件：旧服务器的License文件、新虚拟机的主机信息文件、填好的承诺书（客户盖章需要走流程，盖章版下周补发）。\n"
            "客户联系电话我这边暂时没有，回头一起补。\n\n"
            "黄思远\n")
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
            '<body lang="ZH-CN" style="word-wrap:break-word"><div class="WordSection1">' + "".join(
                '<p class="MsoNormal"><span style="font-size:11.0pt">%s</span></p>' % (esc(l) or "&nbsp;") for l in text.split("\n"))
            + "</div></body></html>")
    alt = multipart("alternative", [textpart(text, "plain", "UTF-8", "base64"), textpart(html, "html", "UTF-8", "base64")],
                    "B_3814001234_2028391733")
    atts = [
        attpart("iMC_old.lic", lic("iMC PLAT", "IMC-AX21-77QW-M0D3-B8KT", "HID-XH-4455-0001"), "application/octet-stream", "apple"),
        attpart("iMC_new_hostinfo.txt", hostinfo("XH-VM-IMC", "HID-XH-4455-0002", "00-50-56-9A-00-11"), "text/plain", "apple"),
        attpart("H3C业务软件License例外申请及承诺书_已填写.docx",
                docx("H3C License例外申请及承诺书\n本公司（单位）：星河证券股份有限公司\n客户单位盖章：（待盖章）"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "apple"),
    ]
    mixed = multipart("mixed", [mpart(alt)] + atts, "B_3814001234_1562730988")
    hs = [("User-Agent", "Microsoft-MacOutlook/16.90.24101712"), ("Date", "Fri, 08 Nov 2024 09:15:40 +0800"),
          ("Subject", hval("Re: 星河证券 iMC服务器迁移 - License硬件变更", "UTF-8")),
          ("From", addr("黄思远", "huang.siyuan@reseller.example.com", "UTF-8")), ("To", "<%s>" % INTAKE),
          ("Message-ID", "<C1D2E3F4-0A1B-4C2D-8E3F-445566778899@reseller.example.com>"),
          ("Mime-version", "1.0")]
    return message(hs, mixed[0], b"> This message is in MIME format. Since your mail reader does not understand\r\n"
                   b"this format, some or all of this message may not be legible.\r\n\r\n" + mixed[1])


# ---- kind 06: HTML-only Outlook table ---------------------------------------------------

@mail("11-hwchange-html-table-outlook-gb2312-tif", exp(
    "forward", "hardware_change",
    why="HTML-only Outlook mail (gb2312 QP, Word markup) with label/value table cells without colons; 原License.dat (old), 新服务器HostInfo.txt (new) and the stamped letter as a TIFF scan."))
def m11():
    cs = "gb2312"
    rows = [("最终用户单位名称", "南江省中医院"), ("用户联系人", "杨帆"), ("用户联系方式", "0851-55503321 / 13800005566"),
            ("代理商工程师姓名", "田野"), ("代理商工程师联系方式", "13500007788"),
            ("授权码", "IMC-PLAT-6T4R-2M8N-QQ05"), ("所属产品", "iMC")]
    inner = (word_p("您好！") + word_p("我院网管服务器已更换为新服务器，现提交License硬件变更申请，信息如下表：")
             + word_table(rows) + word_p("")
             + word_p("附件：原服务器License文件、新服务器主机信息文件、盖章承诺书扫描件（TIF格式）。")
             + word_p("") + word_p("杨帆") + word_p("南江省中医院 网络信息部"))
    html = word_html(inner, cs)
    body = textpart(html, "html", cs, "quoted-printable")
    atts = [
        attpart("原License.dat", lic("iMC PLAT", "IMC-PLAT-6T4R-2M8N-QQ05", "HID-NJ-6600-0001"), "application/octet-stream", "ew", cs),
        attpart("新服务器HostInfo.txt", hostinfo("NJZY-NMS-NEW", "HID-NJ-6600-0002", "F4-8E-38-00-11-22"), "text/plain", "ew", cs),
        attpart("盖章承诺书.tif", tiff(), "image/tiff", "ew", cs),
    ]
    mixed = multipart("mixed", [body] + atts, "----=_NextPart_000_0031_01DB31C0.77E2A4B0")
    hs = outlook_win_headers(addr("杨帆", "yangfan@njzy.example.cn", cs), "License硬件变更申请-省中医院",
                             "Fri, 8 Nov 2024 15:47:02 +0800", "<003101db31bd$8a1c3e20$9e54ba60$@njzy.example.cn>", cs)
    return message(hs, mixed[0], b"This is a multipart message in MIME format.\r\n\r\n" + mixed[1])


@mail("12-hwchange-html-table-outlook-big5", exp(
    "forward", "hardware_change",
    why="Taiwanese integrator, HTML-only Outlook mail in Big5 base64: 硬體變更 with a 項目/內容 table in traditional labels (最終用戶單位名稱, 用戶聯絡人, 代理商工程師聯絡方式, 授權碼…), 舊/新伺服器主機資訊 files and a 用印 (stamped) letter PDF."))
def m12():
    cs = "big5"
    rows = [("最終用戶單位名稱", "台中示範醫院 資訊室"), ("用戶聯絡人", "張建宏 組長"), ("用戶聯絡方式", "04-5550-2288 分機 3102"),
            ("代理商工程師姓名", "陳怡君"), ("代理商工程師聯絡方式", "0912-000-345"), ("授權碼", "IMC-TW-9K3D-51PX-R2E7")]
    inner = (word_p("您好：") + word_p("客戶台中示範醫院 iMC 伺服器汰換，需將 License 由舊伺服器移轉至新伺服器，申請硬體變更，資料如下：")
             + word_table(rows, header=("項目", "內容")) + word_p("")
             + word_p("附件：舊伺服器主機資訊檔、新伺服器主機資訊檔，以及客戶用印之承諾書掃描檔。")
             + word_p("") + word_p("陳怡君 Amy Chen") + word_p("示範資訊股份有限公司 技術部"))
    html = word_html(inner, cs, "ZH-TW")
    body = textpart(html, "html", cs, "base64")
    atts = [
        attpart("舊伺服器主機資訊.txt", hostinfo("TCH-NMS-OLD", "HID-TC-3102-0001", "00-25-90-AA-00-01"), "text/plain", "ew", cs),
        attpart("新伺服器主機資訊.txt", hostinfo("TCH-NMS-NEW", "HID-TC-3102-0002", "00-25-90-AA-00-02"), "text/plain", "ew", cs),
        attpart("承諾書_用印掃描.pdf", pdf("License Exception Commitment Letter - company seal"), "application/pdf", "ew", cs),
    ]
    mixed = multipart("mixed", [body] + atts, "----=_NextPart_000_0042_01DB3250.1F3C5A70")
    hs = outlook_win_headers(addr("陳怡君", "amy.chen@demo-info.example.tw", cs), "License 硬體變更申請 - 台中示範醫院",
                             "Mon, 11 Nov 2024 10:05:19 +0800", "<004201db33d9$2b4c6d80$81e54880$@demo-info.example.tw>",
                             cs, "zh-tw")
    return message(hs, mixed[0], b"This is a multipart message in MIME format.\r\n\r\n" + mixed[1])


# ---- kind 07: host identifier strings in the body ---------------------------------------

@mail("13-hwchange-host-strings-163-camscanner", exp(
    "forward", "hardware_change",
    why="NetEase 163 (GBK base64): APM hardware change with 旧机器标识字符串/新机器标识字符串 (UniqueID) in a 1、…8、 list, user contact given as an email, and the stamped letter as a CamScanner photo named by date ('扫描全能王 2024-11-08 14.30.jpg') that the text calls 盖章的承诺书扫描件."))
def m13():
    cs = "GBK"
    text = ("H3C工程师您好：\n"
            "客户APM组件所在服务器更换，申请License硬件变更。APM的主机信息是UniqueID字符串，直接写在下面，没有主机信息文件。\n"
            "1、最终用户单位名称：云岭烟草物流有限公司\n"
            "2、用户联系人：普光明\n"
            "3、用户联系方式：puguangming@ylwl.example.cn\n"
            "4、代理商工程师姓名：邓超\n"
            "5、代理商工程师联系方式：18600003344\n"
            "6、授权码：APM-4D8C-0MQ2-77HF-KX1S\n"
            "7、旧机器标识字符串：UID-7C3A19E2-55B0-4F1D-9A7E-0D2B6C81F4A3\n"
            "8、新机器标识字符串：UID-E19B0C44-2F6A-4B8D-B3C1-77A0D95E2F10\n"
            "盖章的承诺书扫描件在附件里。\n谢谢！\n邓超\n")
    alt = multipart("alternative", [textpart(text, "plain", cs, "base64", csq=False),
                                    textpart(coremail_html(text), "html", cs, "base64", csq=False)],
                    "----=_Part_301122_2101554318.1731047400123")
    atts = [attpart("扫描全能王 2024-11-08 14.30.jpg", jpeg("CamScanner"), "image/jpeg", "ew", cs)]
    mixed = multipart("mixed", [mpart(alt)] + atts, "----=_Part_301121_1520931677.1731047400123")
    hs = [("Date", "Fri, 8 Nov 2024 14:31:07 +0800 (CST)"), ("From", addr("邓超", "dengchao2019@163.example.com", cs, quote=True)),
          ("To", INTAKE), ("Subject", hval("APM更换服务器License变更（主机标识为字符串）", cs)), ("X-Priority", "3"),
          ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build 20240801(9da12a7b) Copyright (c) 2002-2024 www.mailtech.cn 163com"),
          ("MIME-Version", "1.0"), ("Message-ID", "<3f5a1e2.5b72.19309d4e8a1.Coremail.dengchao2019@163.example.com>")]
    return message(hs, mixed[0], mixed[1])


@mail("14-hwchange-host-strings-thunderbird-en", exp(
    "forward", "hardware_change",
    why="Overseas partner in English (Thunderbird, 7bit): APM hardware change with column-aligned labels ('End user org   :'), 'License Key', Old/New machine identifier strings in the body, and the stamped letter as scan_20241112.pdf."))
def m14():
    text = ("Hi team,\n\n"
            "Customer is replacing the server which runs iMC APM. APM uses UniqueID string as host information, "
            "so there is no host info file, the strings are below.\n\n"
            "End user organisation : Example Power Grid Corporation Ltd\n"
            "End user contact      : Mr. Suresh Iyer\n"
            "End user phone        : +91 80 5550 4411\n"
            "Reseller engineer     : Rajesh Kumar\n"
            "Reseller engineer tel : +91 98450 00077\n"
            "License Key           : APM-IN-2Q9W-7TR4-00XZ\n"
            "Old machine identifier string: 3F2A-99C1-7B0D-EE45\n"
            "New machine identifier string: 8C7E-1A2B-05F9-D3C6\n\n"
            "The stamped exception application and commitment letter is attached (scan_20241112.pdf).\n\n"
            "Regards,\nRajesh\n")
    atts = [attpart("scan_20241112.pdf", pdf("Scan 2024-11-12 page 1"), "application/pdf", "tb")]
    mixed = multipart("mixed", [textpart(text, "plain", "UTF-8", "7bit", "; format=flowed", csq=False)] + atts,
                      "------------wQ2z8N1dVf0cYp5KjH3mRtBx")
    hs = [("Message-ID", "<0d6e9a41-2c7b-4f58-b3e0-91a2c4d5e6f7@partner.example.in>"),
          ("Date", "Tue, 12 Nov 2024 12:18:30 +0530"), ("MIME-Version", "1.0"), ("User-Agent", "Mozilla Thunderbird"),
          ("Content-Language", "en-US"), ("To", INTAKE), ("From", "Rajesh Kumar <rajesh.k@partner.example.in>"),
          ("Subject", "Hardware change - APM license - Example Power Grid Corp")]
    return message(hs, mixed[0], b"This is a multi-part message in MIME format.\r\n" + mixed[1])


# ---- kind 08: CAMS -------------------------------------------------------------------------

@mail("15-hwchange-cams-foxmail-gb18030", exp(
    "forward", "hardware_change", notes=["cams_recollect_host_info"],
    why="Complete CAMS hardware change from Foxmail in GB18030 (a 4-byte GB18030 character in a name), 所属产品：CAMS, CAMS旧/新 file names, stamped letter as PNG; old CAMS still in use, so the CAMS note is needed."))
def m15():
    cs = "GB18030"
    text = ("您好！\n\n"
            "我司代理的平原职业技术学院CAMS认证系统服务器老化，现更换为新服务器，需办理License硬件变更。\n\n"
            "所属产品：CAMS\n"
            "最终用户单位名称：平原职业技术学院\n"
            "用户联系人：王䶮\n"
            "用户联系方式：0391-5550 6677\n"
            "代理商工程师姓名：孔祥瑞\n"
            "代理商工程师联系方式：17700008899\n"
            "授权码：CAMS-3E7Y-QP21-84KD-L0VA\n\n"
            "附件：\n1）CAMS旧服务器License文件\n2）CAMS新服务器主机信息文件\n3）盖章承诺书（PNG扫描件）\n\n"
            "另：旧服务器上的CAMS目前还在使用。\n\n孔祥瑞\n")
    alt = multipart("alternative", [textpart(text, "plain", cs, "base64"), textpart(foxmail_html(text, cs), "html", cs, "base64")],
                    "----=_001_NextPart316528390147_=----")
    atts = [
        attpart("CAMS旧服务器License.lic", lic("CAMS", "CAMS-3E7Y-QP21-84KD-L0VA", "HID-PY-CAMS-0001"), "application/octet-stream", "ew", cs),
        attpart("CAMS新服务器主机信息.txt", hostinfo("PY-CAMS-NEW", "HID-PY-CAMS-0002", "00-E0-4C-68-00-02"), "text/plain", "ew", cs),
        attpart("承诺书盖章.png", png(), "image/png", "ew", cs),
    ]
    mixed = multipart("mixed", [mpart(alt)] + atts, "----=_001_NextPart316528390146_=----")
    hs = [("Date", "Mon, 11 Nov 2024 16:08:45 +0800"), ("From", addr("孔祥瑞", "kongxr@pyzy-agent.example.cn", cs, quote=True)),
          ("To", '"intake" <%s>' % INTAKE), ("Subject", hval("CAMS服务器更换 License硬件变更申请", cs)),
          ("X-Priority", "3"), ("X-GUID", "A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF"), ("X-Has-Attach", "yes"),
          ("X-Mailer", "Foxmail 7.2.25.228[cn]"), ("Mime-Version", "1.0"),
          ("Message-ID", "<202411111608451726344@pyzy-agent.example.cn>")]
    return message(hs, mixed[0], b"This is a multi-part message in MIME format.\r\n\r\n" + mixed[1])


@mail("16-hwchange-cams-iphone-terse", exp(
    "forward", "hardware_change", notes=["cams_recollect_host_info"],
    why="Young reseller engineer from iPhone Mail: 'CAMS换服务器', terse lines where name and phone share one line (联系人：钱主任 137…, 代理商工程师：周杰 159…), old.lic, new_hostinfo.txt and the stamped letter photographed as IMG_0423.JPG."))
def m16():
    text = ("王工，西河县人民医院CAMS服务器换了，申请license硬件变更，材料在附件，承诺书盖章后拍照了\n"
            "用户单位：西河县人民医院\n"
            "联系人：钱主任 13700005678\n"
            "代理商工程师：周杰 15900003333\n"
            "授权码：CAMS-2231-88KD-EQ0P-7MZA\n"
            "旧服务器license和新服务器主机信息文件也在附件\n\n发自我的iPhone\n")
    atts = [
        attpart("old.lic", lic("CAMS", "CAMS-2231-88KD-EQ0P-7MZA", "HID-XH-CAMS-01"), "application/octet-stream", "apple"),
        attpart("new_hostinfo.txt", hostinfo("XHX-CAMS-02", "HID-XH-CAMS-02", "00-16-3E-00-AB-02"), "text/plain", "apple"),
        attpart("IMG_0423.JPG", jpeg(), "image/jpeg", "apple"),
    ]
    mixed = multipart("mixed", [textpart(text, "plain", "utf-8", "quoted-printable", csq=False)] + atts,
                      "Apple-Mail-6C1F8E2A-3B4D-4E5F-9A0B-1C2D3E4F5A6B")
    hs = [("From", addr("周杰", "zhoujie@reseller.example.com")), ("Mime-Version", "1.0 (1.0)"),
          ("Date", "Mon, 11 Nov 2024 19:52:10 +0800"), ("Subject", hval("CAMS换服务器")),
          ("Message-Id", "<E7A1B2C3-D4E5-4F60-8172-93A4B5C6D7E8@reseller.example.com>"), ("To", INTAKE),
          ("X-Mailer", "iPhone Mail (21H16)")]
    return message(hs, mixed[0], mixed[1], "7bit")


# ---- kind 09: unbind complete ------------------------------------------------------------

@mail("17-unbind-complete-gov-outlook-gbk", exp(
    "forward", "unbind",
    why="Government bureau's formal 函 from Outlook (GBK base64): partial 解除绑定 (2 of 4 serials, seed labels for both lists), every field in a 1.–9. list, 原服务器主机信息文件.txt as the old-server file, stamped 承诺书（解绑定专用） PDF."))
def m17():
    cs = "gbk"
    text = ("H3C公司：\n\n"
            "我局网络管理平台（iMC）原部署于一台物理服务器，现因业务调整，需将其中部分授权从该服务器解除绑定，迁移至分中心服务器使用。"
            "现按贵司流程申请License解绑，有关材料如下：\n\n"
            "1. 最终用户单位名称：清河市大数据管理局\n"
            "2. 用户联系人：吴晓芳\n"
            "3. 用户联系方式：0312-55508866\n"
            "4. 代理商工程师姓名：冯立\n"
            "5. 代理商工程师联系方式：13300009900\n"
            "6. 授权码：IMC-PLAT-2W8E-KD55-10QR\n"
            "7. 变更前原License授权中包含的授权序列号列表：IMCSN-0001-7KDQ、IMCSN-0002-3PLX、IMCSN-0003-W9ZA、IMCSN-0004-M2TE\n"
            "8. 需要解绑定的授权序列号：IMCSN-0003-W9ZA、IMCSN-0004-M2TE\n"
            "9. 所属产品：iMC\n\n"
            "附件：原服务器主机信息文件；加盖公章的《H3C业务软件License例外申请及承诺书（解绑定专用）》扫描件。\n\n"
            "特此函告。\n\n清河市大数据管理局\n2024年11月6日\n")
    html = word_html("".join(word_p(l) for l in text.split("\n")), cs)
    alt = multipart("alternative", [textpart(text, "plain", cs, "base64"), textpart(html, "html", cs, "base64")],
                    "----=_NextPart_001_0052_01DB3012.6C7D8E90")
    atts = [
        attpart("原服务器主机信息文件.txt", hostinfo("QHDSJ-IMC", "HID-QH-5588-0001", "D8-9E-F3-00-00-01"), "text/plain", "ew", cs),
        attpart("承诺书（解绑定专用）-盖章.pdf", pdf("Commitment Letter (unbind only) - stamped"), "application/pdf", "ew", cs),
    ]
    mixed = multipart("mixed", [mpart(alt)] + atts, "----=_NextPart_000_0051_01DB3012.6C7D8E90")
    hs = outlook_win_headers(addr("吴晓芳", "wuxf@qhdsj.example.cn", cs), "关于申请iMC软件License解绑的函",
                             "Wed, 6 Nov 2024 11:30:00 +0800", "<005101db2fe7$a1b2c3d4$e5f60718$@qhdsj.example.cn>", cs)
    return message(hs, mixed[0], b"This is a multipart message in MIME format.\r\n\r\n" + mixed[1])


@mail("18-unbind-complete-outlook-en", exp(
    "forward", "unbind",
    why="Thai partner in non-native English (Outlook for Windows, UTF-8 QP): unbind 1 of 3 serials for a DR site, every field with English labels (contact info as email+phone), the license file and 'Commitment_Letter_Unbind_Only_stamped.pdf'."))
def m18():
    text = ("Dear H3C License team,\n\n"
            "Our customer want to unbind 1 serial from the current iMC server, so this serial can be use on another server in DR site. "
            "Other serials keep on the current server.\n\n"
            "End user organization: Example Bangkok Mass Transit Co., Ltd.\n"
            "End user contact: Khun Nattapong S.\n"
            "End user contact info: nattapong.s@bmt.example.co.th, +66 2 555 0199\n"
            "Reseller engineer: Somchai Prasert\n"
            "Reseller engineer contact: +66 81 555 0142\n"
            "Authorization code: IMC-TH-55RK-Q2W9-X81D\n"
            "Original license serials: SN-TH-0101, SN-TH-0102, SN-TH-0103\n"
            "Serial to unbind: SN-TH-0103\n\n"
            "Attachments: license file of the current server, and the stamped commitment letter (unbind only).\n\n"
            "Best regards,\nSomchai\n")
    html = word_html("".join(word_p(l) for l in text.split("\n")), "utf-8", "EN-US")
    alt = multipart("alternative", [textpart(text, "plain", "us-ascii", "7bit"), textpart(html, "html", "utf-8", "quoted-printable")],
                    "----=_NextPart_001_0061_01DB3360.40A1B2C0")
    atts = [
        attpart("iMC_license_backup.lic", lic("iMC PLAT", "IMC-TH-55RK-Q2W9-X81D", "HID-TH-0101-ABCD",
                                              ("SN-TH-0101", "SN-TH-0102", "SN-TH-0103")), "application/octet-stream"),
        attpart("Commitment_Letter_Unbind_Only_stamped.pdf", pdf("Commitment Letter (Unbind Only) - stamped"), "application/pdf"),
    ]
    mixed = multipart("mixed", [mpart(alt)] + atts, "----=_NextPart_000_0060_01DB3360.40A1B2C0")
    hs = outlook_win_headers('"Somchai Prasert" <somchai.p@partner.example.co.th>', "Request License Unbind - iMC - Example Bangkok Mass Transit",
                             "Mon, 11 Nov 2024 15:20:41 +0700", "<006001db3409$b2c3d4e5$f6071829$@partner.example.co.th>",
                             "utf-8", "en-us")
    return message(hs, mixed[0], b"This is a multipart message in MIME format.\r\n\r\n" + mixed[1])


# ---- kind 10: unbind with the general letter ---------------------------------------------

@mail("19-unbind-general-letter-gmail-zh", exp(
    "request_materials", "unbind", ["unbind_letter"], ["wrong_letter"],
    why="Hospital admin on Gmail web (UTF-8 base64): 解除绑定（解绑） of 1 of 3 serials with every field and the license file, but the stamped letter is the general 《H3C业务软件License例外申请及承诺书（盖章）》."))
def m19():
    text = ("您好，\n\n"
            "我院iMC平台需要把部分授权从现在的服务器上解除绑定（解绑），挪到新院区的服务器上用。资料如下：\n\n"
            "最终用户单位名称：安平市妇幼保健院\n"
            "用户联系人：何静\n"
            "用户联系方式：0317-55501122\n"
            "代理商工程师姓名：曹宇\n"
            "代理商工程师联系方式：13600002288\n"
            "授权码：IMC-4K7M-QQ20-LX3B-9D1P\n"
            "原授权序列号：SN-A1001, SN-A1002, SN-A1003\n"
            "需要解绑的序列号：SN-A1003\n\n"
            "附件有服务器的License文件和盖了章的承诺书。\n\n"
            "何静\n安平市妇幼保健院 信息科\n")
    alt = multipart("alternative", [textpart(text, "plain", "UTF-8", "base64"), textpart(gmail_html(text), "html", "UTF-8", "base64")],
                    "000000000000e8a9b10626a4c2f1")
    gx = [("X-Attachment-Id", "f_m3a1b2c30"), ("Content-ID", "<f_m3a1b2c30>")]
    atts = [
        attpart("License文件.lic", lic("iMC PLAT", "IMC-4K7M-QQ20-LX3B-9D1P", "HID-AP-1001-0001", ("SN-A1001", "SN-A1002", "SN-A1003")),
                "application/octet-stream", "ew", "UTF-8", extra=gx),
        attpart("H3C业务软件License例外申请及承诺书（盖章）.pdf", pdf("H3C License Exception Application and Commitment Letter - stamped"),
                "application/pdf", "ew", "UTF-8", extra=[("X-Attachment-Id", "f_m3a1b2c41"), ("Content-ID", "<f_m3a1b2c41>")]),
    ]
    mixed = multipart("mixed", [mpart(alt)] + atts, "000000000000e8a9b30626a4c2f3")
    hs = [("MIME-Version", "1.0"), ("From", addr("何静", "hejing.it@gmail.example.com", "UTF-8")),
          ("Date", "Tue, 12 Nov 2024 08:55:17 +0800"),
          ("Message-ID", "<CAHs7vP1q2w3E4r5T6y7U8i9O0pA1s2D3f4G5h6J7k8L9zXcV@mail.example.com>"),
          ("Subject", hval("申请iMC License解除绑定", "UTF-8")), ("To", INTAKE)]
    return message(hs, mixed[0], mixed[1])


@mail("20-unbind-general-letter-big5", exp(
    "request_materials", "unbind", ["agent_phone", "unbind_letter"], ["wrong_letter"],
    why="Reseller's sales assistant in traditional Chinese (Outlook, Big5 QP): 解綁 of 1 of 2 serials, the engineer's name but no engineer contact, the license file and the general 'License例外申請及承諾書_用印.pdf' instead of the unbind-only letter."))
def m20():
    cs = "big5"
    text = ("您好，\n"
            "客戶需將 iMC 部分授權序號自原伺服器解綁，改用於備援伺服器，申請 License 解綁。\n\n"
            "最終用戶單位名稱：高雄示範港務股份有限公司\n"
            "用戶聯絡人：李美玲\n"
            "用戶聯絡方式：07-555-1234\n"
            "代理商工程師姓名：王俊傑\n"
            "授權碼：IMC-KH-7Y3T-20PQ-ZZ4M\n"
            "原授權序號：KH-SN-01、KH-SN-02\n"
            "需解綁序號：KH-SN-02\n\n"
            "附件為原伺服器 License 檔案及客戶用印之 License 例外申請及承諾書。\n\n"
            "林小姐 業務助理\n示範網通股份有限公司\n")
    html = word_html("".join(word_p(l) for l in text.split("\n")), cs, "ZH-TW")
    alt = multipart("alternative", [textpart(text, "plain", cs, "quoted-printable"), textpart(html, "html", cs, "quoted-printable")],
                    "----=_NextPart_001_0071_01DB3445.11223340")
    atts = [
        attpart("原伺服器License.lic", lic("iMC PLAT", "IMC-KH-7Y3T-20PQ-ZZ4M", "HID-KH-0001-0002", ("KH-SN-01", "KH-SN-02")),
                "application/octet-stream", "ew", cs),
        attpart("License例外申請及承諾書_用印.pdf", pdf("License Exception Application and Commitment Letter - seal"),
                "application/pdf", "ew", cs),
    ]
    mixed = multipart("mixed", [mpart(alt)] + atts, "----=_NextPart_000_0070_01DB3445.11223340")
    hs = outlook_win_headers(addr("林雅婷", "yating.lin@demo-net.example.tw", cs), "iMC License 解綁申請",
                             "Tue, 12 Nov 2024 13:42:08 +0800", "<007001db34c2$55667788$99aabbcc$@demo-net.example.tw>", cs, "zh-tw")
    return message(hs, mixed[0], b"This is a multipart message in MIME format.\r\n\r\n" + mixed[1])


# ---- kind 11: every serial unbound -> hardware change ------------------------------------

@mail("21-unbind-all-serials-outlook-zh", exp(
    "request_materials", "hardware_change", ["new_host_info", "commitment_letter"], ["unbind_all_serials"],
    why="Unbind request (Outlook UTF-8 QP, text+html) whose 需要解绑定的授权序列号 list is the original list in another order and with other separators (；vs ，): every serial, so hardware change, lacking new host info and the general letter."))
def m21():
    text = ("您好，\n"
            "海川钢铁iMC需要解绑，把授权从现在的服务器上解绑下来，用到另一台服务器上。\n\n"
            "最终用户单位名称：海川钢铁集团有限公司\n"
            "用户联系人：袁刚\n"
            "用户联系方式：0535-55503388\n"
            "代理商工程师姓名：牛犇\n"
            "代理商工程师联系方式：13900004455\n"
            "授权码：IMC-HC-31QA-8WZK-7M0E\n"
            "变更前原License授权中包含的授权序列号列表：HC-0001；HC-0002；HC-0003\n"
            "需要解绑定的授权序列号：HC-0003，HC-0001，HC-0002\n\n"
            "附件为原服务器License文件、盖章的解绑定专用承诺书。\n\n牛犇\n")
    html = word_html("".join(word_p(l) for l in text.split("\n")), "utf-8")
    alt = multipart("alternative", [textpart(text, "plain", "utf-8", "quoted-printable"), textpart(html, "html", "utf-8", "quoted-printable")],
                    "----=_NextPart_001_0081_01DB3512.ABCDEF01")
    atts = [
        attpart("海川钢铁_License.lic", lic("iMC PLAT", "IMC-HC-31QA-8WZK-7M0E", "HID-HC-0001", ("HC-0001", "HC-0002", "HC-0003")),
                "application/octet-stream", "ew", "utf-8"),
        attpart("承诺书（解绑定专用）_盖章.pdf", pdf("Commitment Letter (unbind only) - stamped"), "application/pdf", "ew", "utf-8"),
    ]
    mixed = multipart("mixed", [mpart(alt)] + atts, "----=_NextPart_000_0080_01DB3512.ABCDEF01")
    hs = outlook_win_headers(addr("牛犇", "niuben@hcagent.example.cn", "utf-8"), "License解绑申请-海川钢铁",
                             "Wed, 13 Nov 2024 10:10:10 +0800", "<008001db3571$0a1b2c3d$4e5f6a7b$@hcagent.example.cn>", "utf-8")
    return message(hs, mixed[0], b"This is a multipart message in MIME format.\r\n\r\n" + mixed[1])


@mail("22-unbind-all-serials-gmail-en", exp(
    "request_materials", "hardware_change", ["commitment_letter"], ["unbind_all_serials"],
    why="English (Gmail) 'unbind the license … All serials of this license should be unbind (the whole license moves)' with equal serial lists; has old license and new host info, so as a hardware change only the general stamped letter is missing (an unbind-only letter was sent)."))
def m22():
    text = ("Hello,\n\n"
            "Customer Example Textile Mills is decommissioning their old iMC server and wants to unbind the license from it, "
            "to use it on the new server. All serials of this license should be unbind (the whole license moves, nothing stays on the old server).\n\n"
            "End user org: Example Textile Mills Ltd.\n"
            "End user contact: Mr. Imran Qureshi, +92 42 555 0133\n"
            "Reseller engineer: Bilal Ahmed\n"
            "Reseller engineer phone: +92 300 555 0190\n"
            "Auth code: IMC-PK-6QW2-0E9R-T7YU\n"
            "Serials in original license: PK-SN-11, PK-SN-12, PK-SN-13\n"
            "Serials to unbind: PK-SN-11, PK-SN-12, PK-SN-13\n\n"
            "Attached: old server license file, new server host info, and the unbind commitment letter signed and stamped.\n\n"
            "Thanks,\nBilal\n")
    alt = multipart("alternative", [textpart(text, "plain", "UTF-8", "7bit"), textpart(gmail_html(text), "html", "UTF-8", "quoted-printable")],
                    "00000000000071b2c30626b5d3e1")
    atts = [
        attpart("old_server_license.lic", lic("iMC PLAT", "IMC-PK-6QW2-0E9R-T7YU", "HID-PK-1100", ("PK-SN-11", "PK-SN-12", "PK-SN-13")),
                "application/octet-stream", extra=[("X-Attachment-Id", "f_m3c0d1e20"), ("Content-ID", "<f_m3c0d1e20>")]),
        attpart("new_server_hostinfo.txt", hostinfo("ETM-NMS-NEW", "HID-PK-2200", "00-1A-4B-00-22-00"), "text/plain",
                extra=[("X-Attachment-Id", "f_m3c0d1e31"), ("Content-ID", "<f_m3c0d1e31>")]),
        attpart("Unbind_Commitment_Letter_stamped.pdf", pdf("Commitment Letter (unbind only) - signed and stamped"), "application/pdf",
                extra=[("X-Attachment-Id", "f_m3c0d1e42"), ("Content-ID", "<f_m3c0d1e42>")]),
    ]
    mixed = multipart("mixed", [mpart(alt)] + atts, "00000000000071b2c50626b5d3e3")
    hs = [("MIME-Version", "1.0"), ("From", "Bilal Ahmed <bilal.ahmed.net@gmail.example.com>"),
          ("Date", "Wed, 13 Nov 2024 11:40:02 +0500"),
          ("Message-ID", "<CAPx9Lm2n3B4v5C6x7Z8a9S0d1F2g3H4j5K6l7Q8w9E0r1T2y3U@mail.example.com>"),
          ("Subject", "Unbind license from old server - Example Textile Mills"), ("To", INTAKE)]
    return message(hs, mixed[0], mixed[1])


# ---- kind 12: scenario unclear -------------------------------------------------------------

@mail("23-ask-scenario-outlook-en", exp(
    "ask_scenario",
    why="Kazakh partner in non-native English (Outlook, QP): 'issue with their iMC license … apply the license exception process', customer and auth code given, asks which documents; no cue for lost, hardware change or unbind."))
def m23():
    text = ("Dear Sir/Madam,\n\n"
            "We are H3C partner in Kazakhstan. Our customer have an issue with their iMC license and we would like to apply "
            "the license exception process. Customer information:\n\n"
            "Customer: Example Almaty Telecom JSC\n"
            "Auth code: IMC-KZ-0P9O-8I7U-6Y5T\n\n"
            "Could you please advise which documents we should prepare and what is the procedure?\n\n"
            "Best regards,\nAidar Nurlanov\nExample Integration LLP\n")
    html = word_html("".join(word_p(l) for l in text.split("\n")), "utf-8", "EN-US")
    alt = multipart("alternative", [textpart(text, "plain", "utf-8", "quoted-printable"), textpart(html, "html", "utf-8", "quoted-printable")],
                    "----=_NextPart_000_0091_01DB35A0.C0D0E0F0")
    hs = outlook_win_headers('"Aidar Nurlanov" <a.nurlanov@integration.example.kz>', "Question about iMC license exception",
                             "Wed, 13 Nov 2024 09:05:00 +0500", "<009101db3587$c1d2e3f4$a5b6c7d8$@integration.example.kz>",
                             "utf-8", "en-us")
    return message(hs, alt[0], b"This is a multipart message in MIME format.\r\n\r\n" + alt[1])


@mail("24-ask-scenario-hospital-163", exp(
    "ask_scenario",
    why="Hospital admin (163 webmail, UTF-8 QP) asks which exception process and which materials for an iMC License '出了点问题'; gives 局点名称 and 授权码 but no recovery/hardware-change/unbind cue, so the site+code pair must not by itself make it a recovery."))
def m24():
    text = ("您好：\n"
            "我院的iMC网管系统License出了点问题，想咨询一下例外申请需要走哪个流程、准备哪些材料？\n"
            "局点名称：北岸市中心医院\n"
            "授权码：IMC-BA-5T6Y-7U8I-9O0P\n"
            "联系人：宋医生（信息科） 0532-55507766\n"
            "麻烦回复，谢谢！\n")
    alt = multipart("alternative", [textpart(text, "plain", "UTF-8", "quoted-printable", csq=False),
                                    textpart(coremail_html(text), "html", "UTF-8", "quoted-printable", csq=False)],
                    "----=_Part_411235_1928374650.1731550000321")
    hs = [("Date", "Thu, 14 Nov 2024 10:06:40 +0800 (CST)"), ("From", addr("宋医生", "basy_xxk@163.example.com", "UTF-8", quote=True)),
          ("To", INTAKE), ("Subject", hval("咨询iMC License例外申请", "UTF-8")), ("X-Priority", "3"),
          ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build 20240801(9da12a7b) Copyright (c) 2002-2024 www.mailtech.cn 163com"),
          ("MIME-Version", "1.0"), ("Message-ID", "<7a2b3c4.6d81.1932a6b7c8d.Coremail.basy_xxk@163.example.com>")]
    return message(hs, alt[0], alt[1])


# ---- kind 13: materials in a zip -----------------------------------------------------------

@mail("25-hwchange-zip-utf8-foxmail", exp(
    "forward", "hardware_change", notes=["from_archive"],
    why="Foxmail (UTF-8 base64): fields in the body, and 旧服务器License.lic, 新服务器主机信息.txt and 承诺书盖章版.pdf inside 申请材料.zip (UTF-8 entry names)."))
def m25():
    cs = "UTF-8"
    text = ("您好，\n"
            "客户iMC换新服务器，申请硬件变更。\n"
            "最终用户单位名称：青石市轨道交通集团\n"
            "用户联系人：潘婷\n"
            "用户联系方式：0731-55509900\n"
            "代理商工程师姓名：蒋文\n"
            "代理商工程师联系方式：18900001212\n"
            "授权码：IMC-QS-2B4N-6M8K-0J1H\n"
            "旧服务器License文件、新服务器主机信息文件、盖章承诺书打包在附件压缩包里。\n\n蒋文\n")
    z = zip_utf8([("旧服务器License.lic", lic("iMC PLAT", "IMC-QS-2B4N-6M8K-0J1H", "HID-QS-0001")),
                  ("新服务器主机信息.txt", hostinfo("QSGD-NMS-NEW", "HID-QS-0002", "00-50-56-B0-00-02")),
                  ("承诺书盖章版.pdf", pdf("Commitment letter - stamped"))])
    alt = multipart("alternative", [textpart(text, "plain", cs, "base64"), textpart(foxmail_html(text, cs), "html", cs, "base64")],
                    "----=_001_NextPart528106947321_=----")
    mixed = multipart("mixed", [mpart(alt), attpart("申请材料.zip", z, "application/x-zip-compressed", "ew", cs)],
                      "----=_001_NextPart528106947320_=----")
    hs = [("Date", "Thu, 14 Nov 2024 15:20:00 +0800"), ("From", addr("蒋文", "jiangwen@reseller.example.cn", cs, quote=True)),
          ("To", '"intake" <%s>' % INTAKE), ("Subject", hval("iMC License硬件变更申请（材料见压缩包）", cs)),
          ("X-Priority", "3"), ("X-GUID", "0F1E2D3C-4B5A-4697-8877-665544332211"), ("X-Has-Attach", "yes"),
          ("X-Mailer", "Foxmail 7.2.25.228[cn]"), ("Mime-Version", "1.0"),
          ("Message-ID", "<202411141520004387120@reseller.example.cn>")]
    return message(hs, mixed[0], b"This is a multi-part message in MIME format.\r\n\r\n" + mixed[1])


@mail("26-hwchange-zip-gbk-names-tabs-outlook", exp(
    "forward", "hardware_change", notes=["from_archive"],
    why="Outlook (gb2312 base64) with labels and values separated by tabs (pasted from Excel, no colons) and a zip made by Windows whose entry names are GBK without the UTF-8 flag: 老服务器license.lic, 新服务器主机信息.txt, 例外申请承诺书-盖章.pdf."))
def m26():
    cs = "gb2312"
    text = ("王工好，\n\n"
            "附件压缩包是金沙县人民政府iMC硬件变更的材料（老服务器license、新服务器主机信息、盖章承诺书），信息如下：\n\n"
            "最终用户单位名称\t金沙县人民政府办公室\n"
            "用户联系人\t罗明\n"
            "用户联系方式\t0857-55504321\n"
            "代理商工程师姓名\t彭亮\n"
            "代理商工程师联系方式\t15800006789\n"
            "授权码\tIMC-JS-8Q7W-6E5R-4T3Y\n\n"
            "谢谢\n彭亮\n")
    z = zip_gbk([("老服务器license.lic", lic("iMC PLAT", "IMC-JS-8Q7W-6E5R-4T3Y", "HID-JS-0001")),
                 ("新服务器主机信息.txt", hostinfo("JSX-NMS-NEW", "HID-JS-0002", "00-50-56-C0-00-02")),
                 ("例外申请承诺书-盖章.pdf", pdf("Exception commitment letter - stamped"))])
    html = word_html("".join(word_p(l.replace("\t", "    ")) for l in text.split("\n")), cs)
    alt = multipart("alternative", [textpart(text, "plain", cs, "base64"), textpart(html, "html", cs, "base64")],
                    "----=_NextPart_001_00A1_01DB3650.12345678")
    mixed = multipart("mixed", [mpart(alt), attpart("iMC硬件变更材料.zip", z, "application/x-zip-compressed", "ew", cs)],
                      "----=_NextPart_000_00A0_01DB3650.12345678")
    hs = outlook_win_headers(addr("彭亮", "pengliang@gzagent.example.cn", cs), "iMC硬件变更",
                             "Fri, 15 Nov 2024 09:40:00 +0800", "<00a001db3703$aa11bb22$cc33dd44$@gzagent.example.cn>", cs)
    return message(hs, mixed[0], b"This is a multipart message in MIME format.\r\n\r\n" + mixed[1])


# ---- kind 14: forwarded as an attached message ----------------------------------------------

@mail("27-unbind-forwarded-outlook-gbk-inner", exp(
    "forward", "unbind", notes=["from_forwarded"],
    why="Reseller forwards (Outlook, as attachment) a hospital's GBK mail whose attachments are 原服务器主机信息.txt and a stamped 承诺书(解绑定专用) JPG; every field, including a partial serial list, is in the reseller's UTF-8 text."))
def m27():
    icS = "gbk"
    inner_text = ("曾工：\n\n我们要把iMC其中一个序列号解绑，转到分院的服务器上用。原服务器主机信息文件和盖章的承诺书（解绑定专用）在附件，麻烦帮忙提交。\n\n"
                  "许文博\n东湖区人民医院 信息科\n")
    ialt = multipart("alternative", [textpart(inner_text, "plain", icS, "base64"),
                                     textpart(foxmail_html(inner_text, icS), "html", icS, "base64")],
                     "----=_001_NextPart201941112310_=----")
    iatts = [
        attpart("原服务器主机信息.txt", hostinfo("DHRM-IMC", "HID-DH-0001", "00-0C-29-D4-00-01"), "text/plain", "ew", icS),
        attpart("承诺书(解绑定专用)盖章.jpg", jpeg("unbind letter stamped"), "image/jpeg", "ew", icS),
    ]
    imixed = multipart("mixed", [mpart(ialt)] + iatts, "----=_001_NextPart201941112309_=----")
    inner = message([("Date", "Wed, 13 Nov 2024 16:22:10 +0800"), ("From", addr("许文博", "xuwb@dhrmyy.example.cn", icS, quote=True)),
                     ("To", addr("曾凡", "zengfan@reseller.example.cn", icS, quote=True)),
                     ("Subject", hval("iMC授权解绑", icS)), ("X-Mailer", "Foxmail 7.2.25.228[cn]"),
                     ("Mime-Version", "1.0"), ("Message-ID", "<202411131622100134567@dhrmyy.example.cn>")],
                    imixed[0], b"This is a multi-part message in MIME format.\r\n\r\n" + imixed[1])
    text = ("H3C的同事好：\n\n"
            "转发客户的解绑申请（见附件邮件），客户的主机信息文件和盖章的解绑定专用承诺书都在附件邮件里。补充信息如下：\n\n"
            "最终用户单位名称：东湖区人民医院\n"
            "用户联系人：许文博\n"
            "用户联系方式：027-55503456\n"
            "代理商工程师姓名：曾凡\n"
            "代理商工程师联系方式：13800007890\n"
            "授权码：IMC-DH-1A2S-3D4F-5G6H\n"
            "需解绑序列号：DH-SN-02（原授权共3个序列号：DH-SN-01、DH-SN-02、DH-SN-03）\n\n"
            "曾凡\n")
    html = word_html("".join(word_p(l) for l in text.split("\n")), "utf-8")
    alt = multipart("alternative", [textpart(text, "plain", "utf-8", "quoted-printable"), textpart(html, "html", "utf-8", "quoted-printable")],
                    "----=_NextPart_001_00B1_01DB3588.01020304")
    fwd = mkpart([("Content-Type", "message/rfc822"), ("Content-Disposition", "attachment")], inner)
    mixed = multipart("mixed", [mpart(alt), fwd], "----=_NextPart_000_00B0_01DB3588.01020304")
    hs = outlook_win_headers(addr("曾凡", "zengfan@reseller.example.cn", "utf-8"), "FW: iMC授权解绑",
                             "Wed, 13 Nov 2024 17:05:33 +0800", "<00b001db35a5$11223344$55667788$@reseller.example.cn>", "utf-8")
    return message(hs, mixed[0], b"This is a multipart message in MIME format.\r\n\r\n" + mixed[1])


@mail("28-unbind-forwarded-thunderbird-big5-inner", exp(
    "forward", "unbind", notes=["from_forwarded"],
    why="Singapore distributor forwards as attachment (Thunderbird, English) a Taiwanese customer's Big5 mail (解綁) whose attachments are iMC.lic and 承諾書（解綁定專用）.pdf; fields are in the English outer text (serial range NT-SN-0001..0005, unbind one)."))
def m28():
    ics = "big5"
    inner_text = ("Kevin 您好，\n\n附件為 iMC 原伺服器 License 檔案以及用印的承諾書（解綁定專用），麻煩協助申請解綁序號 NT-SN-0003。\n\n"
                  "黃淑芬\n新北示範科技 資訊部\n")
    ialt = multipart("alternative", [textpart(inner_text, "plain", ics, "base64"),
                                     textpart(word_html("".join(word_p(l) for l in inner_text.split("\n")), ics, "ZH-TW"), "html", ics, "base64")],
                     "----=_NextPart_001_0011_01DB3601.AABBCCDD")
    iatts = [
        attpart("iMC.lic", lic("iMC PLAT", "IMC-NT-4R5T-6Y7U-8I9O", "HID-NT-0001"), "application/octet-stream", "ew", ics),
        attpart("承諾書（解綁定專用）.pdf", pdf("Commitment Letter (unbind only) - company seal"), "application/pdf", "ew", ics),
    ]
    imixed = multipart("mixed", [mpart(ialt)] + iatts, "----=_NextPart_000_0010_01DB3601.AABBCCDD")
    inner = message(outlook_win_headers(addr("黃淑芬", "sf.huang@ntdemo.example.tw", ics), "iMC License 解綁申請",
                                        "Thu, 14 Nov 2024 09:10:00 +0800", "<001001db3627$0a0b0c0d$0e0f1011$@ntdemo.example.tw>",
                                        ics, "zh-tw"), imixed[0], b"This is a multipart message in MIME format.\r\n\r\n" + imixed[1])
    # Thunderbird "Forward as Attachment" keeps the To of the original; fix it to the distributor
    inner = inner.replace(('To: "%s" <%s>' % (INTAKE, INTAKE)).encode(), b"To: <kevin.tsai@distributor.example.sg>", 1)
    text = ("Hi H3C team,\n\n"
            "Please find attached the unbind request from our Taiwan reseller's customer (forwarded as attachment). "
            "The license file and the stamped unbind-only commitment letter are in the attached mail. Details:\n\n"
            "End user organization: New Taipei Example Technology Co.\n"
            "End user contact: Ms. Huang Shu-Fen\n"
            "End user phone: +886 2 5550 7890\n"
            "Reseller engineer: Kevin Tsai\n"
            "Reseller engineer phone: +65 5550 3344\n"
            "Auth code: IMC-NT-4R5T-6Y7U-8I9O\n"
            "Serial to unbind: NT-SN-0003 (license has NT-SN-0001..NT-SN-0005)\n\n"
            "Regards,\nKevin\n")
    name = "iMC License 解綁申請.eml"
    fwd = mkpart([("Content-Type", 'message/rfc822; charset=UTF-8; name="%s"' % hval(name, "UTF-8")),
                  ("Content-Disposition", "attachment;\r\n " + rfc2231(name))], inner)
    mixed = multipart("mixed", [textpart(text, "plain", "UTF-8", "7bit", "; format=flowed", csq=False), fwd],
                      "------------Hq7Rw3Nz0Lb5Kc1Vx9Ty2Ms4")
    hs = [("Message-ID", "<7e8f9a0b-1c2d-4e3f-a4b5-c6d7e8f9a0b1@distributor.example.sg>"),
          ("Date", "Thu, 14 Nov 2024 11:30:45 +0800"), ("MIME-Version", "1.0"), ("User-Agent", "Mozilla Thunderbird"),
          ("Content-Language", "en-US"), ("To", INTAKE), ("From", "Kevin Tsai <kevin.tsai@distributor.example.sg>"),
          ("Subject", hval("Fwd: iMC License 解綁申請 - New Taipei Example Technology", "UTF-8"))]
    return message(hs, mixed[0], b"This is a multi-part message in MIME format.\r\n" + mixed[1])


# ---- kind 15: auto-replies ------------------------------------------------------------------

@mail("29-ignore-autoreply-exchange-autogenerated", exp(
    "ignore", reason="auto_submitted",
    why="Exchange out-of-office ('Automatic reply: Re: [LX-…]') carrying Auto-Submitted: auto-generated and X-Auto-Response-Suppress, in reply to our reply; body mentions License 找回."))
def m29():
    cs = "utf-8"
    text = ("您好，我于11月5日至11月12日休假，期间邮件可能无法及时回复。License找回等急事请联系信息中心值班电话 0871-55500000。\n\n"
            "I am on leave from Nov 5 to Nov 12 with limited access to email.\n")
    alt = multipart("alternative", [textpart(text, "plain", cs, "base64"),
                                    textpart(word_html("".join(word_p(l) for l in text.split("\n")), cs), "html", cs, "base64")],
                    "_000_SG2PR06MB5311A1B2C3D4E5F6SG2PR06MB5311apcp_")
    hs = [("From", addr("陈晓东", "chenxd@jcyy.example.cn", cs)), ("To", "intake <%s>" % INTAKE),
          ("Subject", hval("Automatic reply: Re: [LX-20241104-0012] iMC激活文件丢失，申请License找回", cs)),
          ("Thread-Topic", hval("Re: [LX-20241104-0012] iMC激活文件丢失，申请License找回", cs)),
          ("Date", "Mon, 4 Nov 2024 01:15:02 +0000"),
          ("Message-ID", "<SG2PR06MB5311F0E1D2C3B4A5SG2PR06MB5311.apcprd06.prod.example.com>"),
          ("In-Reply-To", "<lx-20241104-0012.r1@example.test>"), ("References", "<lx-20241104-0012.r1@example.test>"),
          ("X-MS-Has-Attach", ""), ("X-Auto-Response-Suppress", "All"), ("Auto-Submitted", "auto-generated"),
          ("X-MS-Exchange-Generated-Message-Source", "Mailbox Rules Agent"), ("Content-Language", "zh-CN"),
          ("MIME-Version", "1.0")]
    return message(hs, alt[0], alt[1])


@mail("30-ignore-autoreply-163-subject-only", exp(
    "ignore", reason="auto_submitted",
    why="NetEase 163 vacation auto-reply recognisable only by its subject '自动回复：Re: [LX-…]' and text (no Auto-Submitted header), replying to our request for materials."))
def m30():
    cs = "GBK"
    text = "您好，您的来信已收到，我目前在客户现场，稍后回复您。\n【这是一封自动回复邮件】\n"
    alt = multipart("alternative", [textpart(text, "plain", cs, "base64", csq=False),
                                    textpart(coremail_html(text), "html", cs, "base64", csq=False)],
                    "----=_Part_412221_2018733311.1731058200456")
    hs = [("Date", "Fri, 8 Nov 2024 17:30:00 +0800 (CST)"), ("From", addr("邓超", "dengchao2019@163.example.com", cs, quote=True)),
          ("To", INTAKE), ("Subject", hval("自动回复：Re: [LX-20241108-0021] APM更换服务器License变更（主机标识为字符串）", cs)),
          ("In-Reply-To", "<lx-20241108-0021.r1@example.test>"),
          ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build 20240801(9da12a7b) Copyright (c) 2002-2024 www.mailtech.cn 163com"),
          ("MIME-Version", "1.0"), ("Message-ID", "<1b2c3d4.7e92.1930b1c2d3e.Coremail.dengchao2019@163.example.com>")]
    return message(hs, alt[0], alt[1])


# ---- kind 16: bounces ------------------------------------------------------------------------

@mail("31-ignore-bounce-exchange-ndr", exp(
    "ignore", reason="bounce",
    why="Exchange Online non-delivery report ('无法传递: Re: [LX-…]') from a MicrosoftExchange… sender (not MAILER-DAEMON), multipart/report; report-type=delivery-status with the returned headers."))
def m31():
    cs = "utf-8"
    text = ("无法将邮件传递到以下收件人或组：\n\nwangwei@dhrmyy.example.cn\n找不到你尝试联系的电子邮件地址。请检查收件人的电子邮件地址，然后尝试重新发送邮件。\n\n"
            "Your message to wangwei@dhrmyy.example.cn couldn't be delivered.\n")
    human = multipart("alternative", [textpart(text, "plain", cs, "base64"),
                                      textpart("<html><body>" + html_divs(text) + "</body></html>", "html", cs, "base64")],
                      "_000_TYZPR06MB6543C1D2E3F4A5B6TYZPR06MB6543apcp_")
    ds = ("Reporting-MTA: dns;TYZPR06MB6543.apcprd06.prod.example.com\r\nReceived-From-MTA: dns;mail.example.test\r\n"
          "Arrival-Date: Wed, 13 Nov 2024 09:20:03 +0000\r\n\r\n"
          "Final-Recipient: rfc822;wangwei@dhrmyy.example.cn\r\nAction: failed\r\nStatus: 5.1.10\r\n"
          "Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup\r\n").encode()
    rh = ("Return-Path: <intake@example.test>\r\nFrom: intake@example.test\r\nTo: wangwei@dhrmyy.example.cn\r\n"
          "Subject: Re: [LX-20241113-0004] iMC授权解绑\r\nAuto-Submitted: auto-replied\r\n"
          "Message-ID: <lx-20241113-0004.r1@example.test>\r\nDate: Wed, 13 Nov 2024 09:20:01 +0000\r\n").encode()
    report = multipart("report", [mpart(human), mkpart([("Content-Type", "message/delivery-status")], ds),
                                  mkpart([("Content-Type", "text/rfc822-headers")], rh)],
                       "_004_TYZPR06MB6543C1D2E3F4A5B6TYZPR06MB6543apcp_", extra=" report-type=delivery-status;")
    hs = [("From", "Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@dhrmyy.example.cn>"),
          ("To", "<%s>" % INTAKE), ("Date", "Wed, 13 Nov 2024 09:20:05 +0000"),
          ("Subject", hval("无法传递: Re: [LX-20241113-0004] iMC授权解绑", cs)),
          ("Message-ID", "<1a2b3c4d-5e6f-4789-9abc-def012345678@TYZPR06MB6543.apcprd06.prod.example.com>"),
          ("In-Reply-To", "<lx-20241113-0004.r1@example.test>"), ("Content-Language", "zh-CN"),
          ("X-MS-Exchange-Message-Is-Ndr", ""), ("MIME-Version", "1.0")]
    return message(hs, report[0], report[1])


@mail("32-ignore-bounce-postmaster-plain", exp(
    "ignore", reason="bounce",
    why="Chinese webmail bounce ('系统退信') from postmaster@ with a null Return-Path, HTML-only and not multipart/report; it quotes our reply's subject about 硬件变更."))
def m32():
    cs = "GBK"
    html = ("<html><body><div style=\"font-size:14px\"><p><b>系统退信</b></p>"
            "<p>很抱歉，您发送的邮件没有成功送达以下收件人：</p><p>panting@qsgd.example.cn</p>"
            "<p>原因：收件人邮箱已满（552 Mailbox size limit exceeded）</p>"
            "<p>原邮件主题：Re: [LX-20241114-0009] iMC License硬件变更申请（材料见压缩包）</p>"
            "<p>发送时间：2024-11-14 15:21:02</p></div></body></html>")
    hs = [("Return-Path", "<>"), ("Date", "Thu, 14 Nov 2024 15:21:09 +0800 (CST)"),
          ("From", addr("系统管理员", "postmaster@mail.qsgd.example.cn", cs, quote=True)), ("To", INTAKE),
          ("Subject", hval("系统退信", cs)), ("MIME-Version", "1.0"),
          ("Message-ID", "<bounce.3c4d5e6f.20241114152109@mail.qsgd.example.cn>")]
    return message(hs, 'text/html; charset="%s"' % cs, b64body(html.encode(cs)), "base64")


# ---- kind 17: mailing lists -------------------------------------------------------------------

@mail("33-ignore-list-groups-big5", exp(
    "ignore", reason="list",
    why="A user-group post in traditional Chinese (Big5) via a Google-Groups-style list (List-ID, Mailing-list, List-Post/Unsubscribe, Precedence: list, From rewritten 'via' the group) asking about 硬體變更 with an auth code."))
def m33():
    cs = "big5"
    text = ("各位先進好，\n\n我們的 iMC 伺服器下個月要硬體變更，授權碼 IMC-TW-1Q2W-3E4R-5T6Y，請問大家申請 License 硬體變更時，"
            "承諾書是要用印掃描還是正本寄送？\n\n謝謝！\n大明\n\n--\n您收到這封郵件，是因為您訂閱了「網管使用者社群」群組。\n"
            "如要取消訂閱，請傳送電子郵件到 netmgmt-users+unsubscribe@groups.example.org。\n")
    hs = [("Date", "Fri, 15 Nov 2024 08:12:40 +0800"),
          ("From", "%s <netmgmt-users@groups.example.org>" % hval("'林大明' via 網管使用者社群", cs)),
          ("To", addr("網管使用者社群", "netmgmt-users@groups.example.org", cs)),
          ("Message-Id", "<9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4n@groups.example.org>"),
          ("Subject", hval("[網管使用者社群] iMC License 硬體變更 承諾書問題", cs)), ("MIME-Version", "1.0"),
          ("X-Original-Sender", "daming.lin@example.tw"), ("Reply-To", addr("林大明", "daming.lin@example.tw", cs)),
          ("Precedence", "list"), ("Mailing-list", "list netmgmt-users@groups.example.org; contact netmgmt-users+owners@groups.example.org"),
          ("List-ID", "<netmgmt-users.groups.example.org>"), ("X-Google-Group-Id", "681122334455"),
          ("List-Post", "<https://groups.example.org/group/netmgmt-users/post>, <mailto:netmgmt-users@groups.example.org>"),
          ("List-Help", "<https://support.example.org/groups>, <mailto:netmgmt-users+help@groups.example.org>"),
          ("List-Archive", "<https://groups.example.org/group/netmgmt-users/>"),
          ("List-Unsubscribe", "<mailto:netmgmt-users+unsubscribe@groups.example.org>, <https://groups.example.org/group/netmgmt-users/subscribe>")]
    return message(hs, 'text/plain; charset="%s"' % cs, b64body(crlf(text).encode(cs)), "base64")


@mail("34-ignore-list-newsletter-bulk", exp(
    "ignore",
    why="A community newsletter ('【社区周刊】… License解绑与硬件变更常见问题') sent in bulk: Precedence: bulk, List-Unsubscribe and List-Unsubscribe-Post, no List-Id; it walks through 解绑/硬件变更 materials and an example 授权码 (list or bulk both fit, so no single reason is fixed)."))
def m34():
    cs = "utf-8"
    text = ("H3C网管用户社区周刊 第45期\n\n"
            "本期话题：License解绑与硬件变更常见问题\n"
            "1. 解绑只适用于部分授权迁移，全部迁移请走硬件变更流程。\n"
            "2. 硬件变更需提供：最终用户单位名称、用户联系人、用户联系方式、代理商工程师姓名及联系方式、授权码（例如 IMC-XXXX-XXXX-XXXX）、"
            "老服务器License文件、新服务器主机信息文件、盖章承诺书。\n"
            "3. 承诺书必须盖章，Word模板不算。\n\n"
            "不想再收到本刊？点击退订：https://news.example.com/unsub?u=8f3a2b\n")
    html = "<html><body><table width=\"600\"><tr><td>" + html_divs(text, "<p>%s</p>") + "</td></tr></table></body></html>"
    alt = multipart("alternative", [textpart(text, "plain", cs, "quoted-printable"), textpart(html, "html", cs, "quoted-printable")],
                    "=_mc_7f6e5d4c3b2a1908")
    hs = [("Return-Path", "<bounce-mc.us21_123456.789-intake=example.test@mail.news.example.com>"),
          ("From", addr("H3C网管用户社区", "community@news.example.com", cs, quote=True)), ("To", "<%s>" % INTAKE),
          ("Subject", hval("【社区周刊】第45期：License解绑与硬件变更常见问题", cs)),
          ("Date", "Fri, 15 Nov 2024 02:00:00 +0000"), ("Message-ID", "<20241115020000.8f3a2b.45@news.example.com>"),
          ("Precedence", "bulk"),
          ("List-Unsubscribe", "<https://news.example.com/unsub?u=8f3a2b&id=45>, <mailto:unsubscribe@news.example.com?subject=unsubscribe>"),
          ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), ("X-Campaign", "weekly-45"),
          ("Feedback-ID", "45:weekly:news.example.com"), ("MIME-Version", "1.0")]
    return message(hs, alt[0], alt[1])


# ---- kind 18: no-reply senders ----------------------------------------------------------------

@mail("35-ignore-noreply-oa-hyphen", exp(
    "ignore", reason="noreply",
    why="OA workflow notification from no-reply@oa.example.cn ('【待办提醒】《iMC License硬件变更申请》已提交审批', with an auth code); no automation headers, only the sender shows it must not be answered."))
def m35():
    cs = "GBK"
    text = ("您好：\n\n您提交的流程《iMC License硬件变更申请》已进入审批环节。\n"
            "授权码：IMC-OA-7788-9900-AABB\n当前处理人：信息中心 李主任\n\n"
            "此邮件由系统自动发送，请勿直接回复。\n")
    hs = [("From", addr("OA办公系统", "no-reply@oa.example.cn", cs, quote=True)), ("To", INTAKE),
          ("Subject", hval("【待办提醒】《iMC License硬件变更申请》已提交审批", cs)),
          ("Date", "Fri, 15 Nov 2024 10:00:12 +0800"), ("Message-ID", "<oa.wf.20241115100012.55431@oa.example.cn>"),
          ("MIME-Version", "1.0")]
    return message(hs, 'text/plain; charset="%s"' % cs, b64body(crlf(text).encode(cs)), "base64")


@mail("36-ignore-donotreply-portal-en", exp(
    "ignore", reason="noreply",
    why="Support-portal case update from DoNotReply@support.example.net (mixed-case, no hyphen) about a 'License unbind request'; no automation headers."))
def m36():
    text = ("Hello,\n\nYour case 00123456 \"License unbind request - iMC\" has been updated.\n\n"
            "Status: Waiting for customer\nLast comment: Please provide the stamped unbind-only commitment letter.\n\n"
            "To respond, log in to the support portal. Please do not reply to this email.\n")
    html = "<html><body>" + html_divs(text, "<p>%s</p>") + "</body></html>"
    alt = multipart("alternative", [textpart(text, "plain", "utf-8", "quoted-printable"), textpart(html, "html", "utf-8", "quoted-printable")],
                    "--boundary_1731666000_9c8b7a6f")
    hs = [("From", "Example Support Portal <DoNotReply@support.example.net>"), ("To", INTAKE),
          ("Subject", "Case 00123456 updated: License unbind request - iMC"),
          ("Date", "Fri, 15 Nov 2024 10:20:00 +0000"), ("Message-ID", "<case00123456.upd7@support.example.net>"),
          ("MIME-Version", "1.0")]
    return message(hs, alt[0], alt[1])


# ---- kind 19: our own address ---------------------------------------------------------------

@mail("37-ignore-own-address-inline-forward", exp(
    "ignore", reason="own_address",
    why="An admin in the intake mailbox forwards a customer's recovery request inline (Outlook '-----原始邮件-----'); From is intake@example.test with a Chinese display name."))
def m37():
    cs = "utf-8"
    text = ("请处理。\n\n-----原始邮件-----\n发件人: 陈晓东 <chenxd@jcyy.example.cn>\n发送时间: 2024年11月4日 9:12\n"
            "收件人: intake@example.test\n主题: iMC激活文件丢失，申请License找回\n\n"
            "【客户局点名称】江川市第一人民医院\n【授权码】3Q7K-M2PA-X9D4-T6WB-8HCE\n")
    alt = multipart("alternative", [textpart(text, "plain", cs, "base64"),
                                    textpart(word_html("".join(word_p(l) for l in text.split("\n")), cs), "html", cs, "base64")],
                    "----=_NextPart_000_00C1_01DB36F0.01010101")
    hs = outlook_win_headers(addr("许可申请受理", INTAKE, cs), "转发: iMC激活文件丢失，申请License找回",
                             "Fri, 15 Nov 2024 11:00:00 +0800", "<00c101db3710$01020304$05060708$@example.test>", cs)
    return message(hs, alt[0], b"This is a multipart message in MIME format.\r\n\r\n" + alt[1])


@mail("38-ignore-own-address-uppercase", exp(
    "ignore", reason="own_address",
    why="A request re-submitted by hand from the intake account's webmail with the address written in capitals (INTAKE@EXAMPLE.TEST) and a Reply-To to the customer; still our own address."))
def m38():
    text = ("Resubmitting the customer's request below (original was rejected by the spam filter).\n\n"
            "License hardware change\nEnd user organization: Example Harbour Authority\nEnd user contact: Ms. Lee, +852 5550 1212\n"
            "Reseller engineer: Tom Chan, +852 5550 3434\nAuth code: IMC-HK-1Z2X-3C4V-5B6N\n")
    hs = [("From", '"License Intake" <INTAKE@EXAMPLE.TEST>'), ("To", INTAKE),
          ("Reply-To", "Ms. Lee <lee@harbour.example.hk>"),
          ("Subject", "Fw: License hardware change - Example Harbour Authority"),
          ("Date", "Fri, 15 Nov 2024 11:45:00 +0800"), ("Message-ID", "<r2d2c3po.1731642300@webmail.example.test>"),
          ("MIME-Version", "1.0"), ("User-Agent", "Roundcube Webmail/1.6.9")]
    return message(hs, "text/plain; charset=US-ASCII; format=flowed", crlf(text).encode(), "7bit")


# --------------------------------------------------------------------------- main


def main():
    lines = []
    for name, fn, expected in MAILS:
        data = fn()
        assert b"\n" not in data.replace(b"\r\n", b""), name
        fname = name + ".eml"
        with open(os.path.join(HERE, fname), "wb") as f:
            f.write(data)
        row = {"file": fname}
        row.update(expected)
        lines.append(json.dumps(row, ensure_ascii=False))
    with open(os.path.join(HERE, "expected.jsonl"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %d mails" % len(MAILS))


if __name__ == "__main__":
    main()
