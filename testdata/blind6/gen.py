#!/usr/bin/env python3
"""Generate blind test mail for the licence-exception intake (kinds of real-world mail).

Stdlib only, deterministic. Run:  python3 gen.py   (writes NN-*.eml and expected.jsonl here)
"""
import base64
import email.base64mime
import email.quoprimime
import hashlib
import io
import json
import os
import quopri
import struct
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
MBOX = "license@lic-intake.example.test"          # the request mailbox
MBOX_NAME = "License例外申请"

# ---------------------------------------------------------------- MIME builder


class Part:
    def __init__(self, headers, body=b"", parts=None, boundary=None,
                 preamble=None, epilogue=None):
        self.headers = list(headers)
        self.body = body
        self.parts = parts
        self.boundary = boundary
        self.preamble = preamble
        self.epilogue = epilogue


def ser(p, nl="\n"):
    out = []
    for k, v in p.headers:
        out.append((k + ": " + v).replace("\n", nl))
    head = nl.join(out).encode("ascii") + nl.encode() + nl.encode()
    if p.parts is None:
        body = p.body
        if isinstance(body, str):
            body = body.encode("ascii")
        if nl == "\r\n":
            body = body.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        return head + body
    n = nl.encode()
    b = p.boundary.encode()
    chunks = [head]
    if p.preamble:
        chunks.append(p.preamble.encode() + n)
    for c in p.parts:
        chunks.append(b"--" + b + n)
        chunks.append(ser(c, nl))
        if not chunks[-1].endswith(n):
            chunks.append(n)
    chunks.append(b"--" + b + b"--" + n)
    if p.epilogue:
        chunks.append(p.epilogue.encode() + n)
    return b"".join(chunks)


def is_ascii(s):
    return all(ord(c) < 128 for c in s)


def ew(s, cs="utf-8", enc="B", step=None):
    """RFC 2047 encode (folded into several encoded-words when long)."""
    if is_ascii(s):
        return s
    step = step or (12 if enc == "B" else 7)
    words = []
    for i in range(0, len(s), step):
        piece = s[i:i + step].encode(cs)
        if enc == "B":
            words.append(email.base64mime.header_encode(piece, cs))
        else:
            words.append(email.quoprimime.header_encode(piece, cs))
    return "\n ".join(words)


def addr(name, mail, cs="utf-8", enc="B"):
    if not name:
        return mail
    if is_ascii(name):
        if any(c in name for c in ',.;:()<>@"'):
            return '"%s" <%s>' % (name, mail)
        return "%s <%s>" % (name, mail)
    return "%s <%s>" % (ew(name, cs, enc), mail)


def b64lines(raw, width=76):
    s = base64.b64encode(raw).decode("ascii")
    return "\n".join(s[i:i + width] for i in range(0, len(s), width)) + "\n"


def encode_body(raw, cte):
    if cte == "base64":
        return b64lines(raw).encode()
    if cte == "quoted-printable":
        return quopri.encodestring(raw)
    return raw if raw.endswith(b"\n") else raw + b"\n"


def text(s, sub="plain", cs="utf-8", cte="base64", label=None, extra=None,
         format_flowed=False):
    raw = s.encode(cs)
    ct = 'text/%s; charset="%s"' % (sub, label or cs)
    if format_flowed:
        ct = "text/%s; charset=%s; format=flowed" % (sub, label or cs)
    h = [("Content-Type", ct), ("Content-Transfer-Encoding", cte)]
    if extra:
        h += extra
    return Part(h, encode_body(raw, cte))


def quote_param(v):
    return '"%s"' % v.replace("\\", "\\\\").replace('"', '\\"')


def rfc2231(name, cs="utf-8"):
    out = []
    for byte in name.encode(cs):
        c = chr(byte)
        if c.isalnum() and byte < 128 or c in "-_.~!":
            out.append(c)
        else:
            out.append("%%%02X" % byte)
    return "%s''%s" % (cs, "".join(out))


def attach(name, data, ctype, mode="2231", cs="utf-8", disp="attachment",
           cid=None, cte="base64", with_name=True, with_filename=True,
           extra=None):
    """An attachment part. mode: 2231 (Thunderbird/Apple), 2047 (Outlook,
    Foxmail, Coremail) or 'raw' (ascii only)."""
    ctp = ctype
    dsp = disp
    if name is not None:
        if is_ascii(name) or mode == "raw":
            if with_name:
                ctp += ";\n\tname=" + quote_param(name)
            if with_filename:
                dsp += ";\n\tfilename=" + quote_param(name)
        elif mode == "2231":
            if with_name:
                ctp += ";\n\tname=" + quote_param(ew(name, cs, "B", 40).replace("\n ", " "))
            if with_filename:
                dsp += ";\n\tfilename*=" + rfc2231(name, cs)
        else:
            enc = ew(name, cs, "B", 40).replace("\n ", " ")
            if with_name:
                ctp += ";\n\tname=" + quote_param(enc)
            if with_filename:
                dsp += ";\n\tfilename=" + quote_param(enc)
    h = [("Content-Type", ctp)]
    if disp:
        h.append(("Content-Disposition", dsp))
    h.append(("Content-Transfer-Encoding", cte))
    if cid:
        h.append(("Content-ID", "<%s>" % cid))
    if extra:
        h += extra
    return Part(h, encode_body(data, cte))


def multipart(sub, parts, boundary, params="", preamble=None):
    ct = 'multipart/%s;%s\n\tboundary="%s"' % (sub, params, boundary)
    return Part([("Content-Type", ct)], parts=parts, boundary=boundary,
                preamble=preamble)


def mail(top, body):
    """top: list of header tuples; body: a Part (its headers are appended)."""
    return Part(top + [("MIME-Version", "1.0")] + body.headers, body.body,
                body.parts, body.boundary, body.preamble, body.epilogue)


def rfc822(msg, name=None, nl="\n"):
    h = [("Content-Type", "message/rfc822")]
    if name:
        h[0] = ("Content-Type", 'message/rfc822;\n\tname="%s"' % name)
        h.append(("Content-Disposition", 'attachment;\n\tfilename="%s"' % name))
    else:
        h.append(("Content-Disposition", "attachment"))
    raw = ser(msg, nl)
    return Part(h, raw)


# ---------------------------------------------------------------- file makers


def prng(seed, n):
    out = b""
    h = hashlib.sha256(seed.encode()).digest()
    while len(out) < n:
        out += h
        h = hashlib.sha256(h).digest()
    return out[:n]


def hexid(seed, n=32):
    return hashlib.sha256(seed.encode()).hexdigest()[:n].upper()


def pdf_file(lines, title="", producer="RICOH MP C3004 Scan", seed="x"):
    """A small, structurally valid one-page PDF (a 'scan' with a stamp circle)."""
    def esc(s):
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    content = "q 0.8 0 0 RG 2 w 470 140 m 470 173 443 200 410 200 c 377 200 350 173 350 140 c 350 107 377 80 410 80 c 443 80 470 107 470 140 c S Q\n"
    content += "BT /F1 11 Tf 60 780 Td 15 TL\n"
    for l in lines:
        content += "(%s) '\n" % esc(l)
    content += "ET\n"
    cbytes = content.encode("latin-1")
    t16 = ("\ufeff" + title).encode("utf-16-be").hex().upper()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(cbytes) + cbytes + b"endstream",
        ("<< /Title <%s> /Producer (%s) /CreationDate (D:20261127093000+08'00') >>" % (t16, esc(producer))).encode("latin-1"),
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R /ID [<%s><%s>] >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, hexid(seed).encode(), hexid(seed).encode(), x)
    return out


def jpeg_file(comment, seed, size=4000, exif_model=None):
    out = b"\xff\xd8"
    out += b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x01\x00\x96\x00\x96\x00\x00"
    if exif_model:
        exif = b"Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08" + exif_model.encode() + b"\x00"
        out += b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif
    c = comment.encode("utf-8")
    out += b"\xff\xfe" + struct.pack(">H", len(c) + 2) + c
    # quantisation table and frame header (plausible, 8-bit, 1240x1754, 3 comps)
    out += b"\xff\xdb" + struct.pack(">H", 67) + b"\x00" + bytes(range(1, 65))
    out += b"\xff\xc0" + struct.pack(">HBHHB", 17, 8, 1754, 1240, 3) + b"\x01\x22\x00\x02\x11\x00\x03\x11\x00"
    out += b"\xff\xda" + struct.pack(">H", 12) + b"\x03\x01\x00\x02\x11\x03\x11\x00\x3f\x00"
    out += prng(seed, size).replace(b"\xff", b"\xff\x00")
    out += b"\xff\xd9"
    return out


def png_file(w, h, colours, seed="logo"):
    rows = []
    for y in range(h):
        row = b"\x00"
        for x in range(w):
            row += bytes(colours[((x // 4) + (y // 4)) % len(colours)])
        rows.append(row)
    raw = b"".join(rows)

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"tEXt", b"Software\x00Microsoft Office")
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def heic_file(seed, size=6000):
    """HEIF container as an iPhone writes it: bytes 4..11 are 'ftypheic'."""
    ftyp = struct.pack(">I", 24) + b"ftypheic" + struct.pack(">I", 0) + b"mif1heic"
    hdlr = struct.pack(">I", 33) + b"hdlr" + b"\x00" * 4 + b"\x00" * 4 + b"pict" + b"\x00" * 12 + b"\x00"
    pitm = struct.pack(">I", 14) + b"pitm" + b"\x00" * 4 + struct.pack(">H", 1)
    meta_body = b"\x00" * 4 + hdlr + pitm
    meta = struct.pack(">I", 8 + len(meta_body)) + b"meta" + meta_body
    data = prng(seed, size)
    mdat = struct.pack(">I", 8 + len(data)) + b"mdat" + data
    return ftyp + meta + mdat


ZDATE = (2026, 11, 27, 9, 30, 0)


def zip_bytes(files):
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, date_time=ZDATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    return bio.getvalue()


def xesc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


DOCX_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
           '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
           '<Default Extension="xml" ContentType="application/xml"/>'
           '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
           '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
           '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
           '</Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="%s"/>'
             '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
             '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
             '</Relationships>')


def core_xml(title, author):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<dc:title>%s</dc:title><dc:creator>%s</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-26T08:00:00Z</dcterms:created>'
            '</cp:coreProperties>' % (xesc(title), xesc(author)))


def app_xml(app):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            '<Application>%s</Application></Properties>' % app)


def docx_file(paras, table=None, title="", author="user"):
    W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def p(t, bold=False):
        rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
        return '<w:p><w:r>%s<w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (rpr, xesc(t))
    body = "".join(p(t, i == 0) for i, t in enumerate(paras))
    if table:
        rows = ""
        for row in table:
            cells = "".join('<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>%s</w:tc>' % p(c) for c in row)
            rows += "<w:tr>%s</w:tr>" % cells
        body += ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>%s</w:tbl>' % rows)
        body += p("")
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s'
           '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>' % (W, body))
    return zip_bytes([
        ("[Content_Types].xml", DOCX_CT),
        ("_rels/.rels", ROOT_RELS % "word/document.xml"),
        ("docProps/core.xml", core_xml(title, author)),
        ("docProps/app.xml", app_xml("Microsoft Office Word")),
        ("word/document.xml", doc),
    ])


def xlsx_file(rows, sheet="信息表", title="", author="user"):
    strings = []
    idx = {}

    def si(s):
        if s not in idx:
            idx[s] = len(strings)
            strings.append(s)
        return idx[s]
    xrows = ""
    for r, row in enumerate(rows, 1):
        cells = ""
        for c, val in enumerate(row):
            ref = "%s%d" % ("ABCDEFGH"[c], r)
            cells += '<c r="%s" t="s"><v>%d</v></c>' % (ref, si(val))
        xrows += '<row r="%d">%s</row>' % (r, cells)
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
          '</Types>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
          '<sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>' % xesc(sheet))
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
              '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
              '</Relationships>')
    ws = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<cols><col min="1" max="1" width="34" customWidth="1"/><col min="2" max="2" width="48" customWidth="1"/></cols>'
          '<sheetData>%s</sheetData></worksheet>' % xrows)
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>'
           % (len(strings), len(strings), "".join("<si><t>%s</t></si>" % xesc(s) for s in strings)))
    return zip_bytes([
        ("[Content_Types].xml", ct),
        ("_rels/.rels", ROOT_RELS % "xl/workbook.xml"),
        ("docProps/core.xml", core_xml(title, author)),
        ("docProps/app.xml", app_xml("Microsoft Excel")),
        ("xl/workbook.xml", wb),
        ("xl/_rels/workbook.xml.rels", wbrels),
        ("xl/worksheets/sheet1.xml", ws),
        ("xl/sharedStrings.xml", sst),
    ])


def hostinfo(host, seed, product="iMC PLAT 7.3 (E0706P05)", os_="Windows Server 2019 Standard 64-bit",
             customer="", crlf=True):
    uid = hexid(seed + "uid", 32)
    mac = "-".join(hexid(seed + "mac", 12)[i:i + 2] for i in range(0, 12, 2))
    blob = base64.b64encode(prng(seed + "blob", 180)).decode()
    lines = [
        "# iMC Host Information File",
        "# Do not modify this file. Send it to H3C to apply for the activation file.",
        "[HostInfo]",
        "ProductVersion=%s" % product,
        "Customer=%s" % customer,
        "HostName=%s" % host,
        "OSName=%s" % os_,
        "UniqueID=%s" % uid,
        "MACAddress=%s" % mac,
        "CPUID=BFEBFBFF000%s" % hexid(seed + "cpu", 5),
        "DiskSerial=%s" % hexid(seed + "disk", 16),
        "[Fingerprint]",
    ] + [blob[i:i + 64] for i in range(0, len(blob), 64)]
    s = ("\r\n" if crlf else "\n").join(lines) + ("\r\n" if crlf else "\n")
    return s.encode("utf-8")


def licfile(product, key, seed):
    sig = base64.b64encode(prng(seed + "sig", 256)).decode()
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n<License version="2.0">\n'
            '  <Vendor>H3C</Vendor>\n  <Product>%s</Product>\n  <LicenseKey>%s</LicenseKey>\n'
            '  <HostID>%s</HostID>\n  <Issued>2023-06-15</Issued>\n  <Signature>\n%s\n  </Signature>\n</License>\n'
            % (product, key, hexid(seed + "host", 32), "\n".join(sig[i:i + 64] for i in range(0, len(sig), 64))))
    return body.encode("utf-8")


def letter_pdf(kind, org, seed, producer="RICOH MP C3004 Scan"):
    if kind == "unbind":
        title = "H3C业务软件License例外申请及承诺书（解绑定专用）"
        lines = ["H3C License Exception Application and Commitment Letter (Unbind only)",
                 "Company: " + org, "Product: iMC",
                 "Serials before change / serials to unbind: see table",
                 "Customer signature: ________   Company seal: [SEALED]", "2026-11-26"]
    else:
        title = "H3C业务软件License例外申请及承诺书"
        lines = ["H3C License Exception Application and Commitment Letter",
                 "Company: " + org, "Exception: server / hardware change",
                 "Customer signature: ________   Company seal: [SEALED]", "2026-11-26"]
    return pdf_file(lines, title, producer, seed)


# ---------------------------------------------------------------- TNEF (MS-OXTNEF)


def tnef_attr(level, attr, data):
    return struct.pack("<BII", level, attr, len(data)) + data + struct.pack("<H", sum(data) & 0xFFFF)


def tnef_date(y, mo, d, h, mi, s):
    import datetime
    dow = (datetime.date(y, mo, d).isoweekday()) % 7
    return struct.pack("<7H", y, mo, d, h, mi, s, dow)


def mapi_unicode(prop_id, s):
    b = s.encode("utf-16-le") + b"\x00\x00"
    pad = (4 - len(b) % 4) % 4
    return struct.pack("<HHII", 0x001F, prop_id, 1, len(b)) + b + b"\x00" * pad


def mapi_long(prop_id, v):
    return struct.pack("<HHI", 0x0003, prop_id, v)


def tnef_file(attachments, codepage=936, msg_class="IPM.Microsoft Mail.Note", key=0x5A17):
    out = struct.pack("<IH", 0x223E9F78, key)
    out += tnef_attr(1, 0x00089006, struct.pack("<I", 0x00010000))        # attTnefVersion
    out += tnef_attr(1, 0x00069007, struct.pack("<II", codepage, 0))      # attOemCodepage
    out += tnef_attr(1, 0x00078008, msg_class.encode("ascii") + b"\x00")  # attMessageClass
    out += tnef_attr(1, 0x00038005, tnef_date(2026, 11, 30, 10, 5, 0))   # attDateSent
    for name, data, mime in attachments:
        ext = os.path.splitext(name)[1]
        out += tnef_attr(2, 0x00069002, struct.pack("<HIHHI", 1, 0xFFFFFFFF, 0xFFFF, 0xFFFF, 0))  # attAttachRendData
        out += tnef_attr(2, 0x00018010, name.encode("gbk" if codepage == 936 else "cp1252") + b"\x00")  # attAttachTitle
        out += tnef_attr(2, 0x00038013, tnef_date(2026, 11, 27, 16, 20, 0))  # attAttachModifyDate
        out += tnef_attr(2, 0x0006800F, data)                                # attAttachData
        props = [mapi_unicode(0x3707, name), mapi_unicode(0x3703, ext),
                 mapi_unicode(0x370E, mime), mapi_long(0x3705, 1), mapi_long(0x0E20, len(data))]
        out += tnef_attr(2, 0x00069005, struct.pack("<I", len(props)) + b"".join(props))  # attAttachment
    return out


# ---------------------------------------------------------------- helpers for headers

def D(day, hh, mm, tz="+0800", dow=None):
    import datetime
    dows = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    d = datetime.date(2026, 11, day)
    return "%s, %d Nov 2026 %02d:%02d:%02d %s" % (dows[d.weekday()], day, hh, mm, (day * 7 + mm) % 60, tz)


def received(frm_host, ip, by_host, day, hh, mm, idn):
    return ("Received", "from %s (unknown [%s])\n\tby %s (Postfix) with ESMTPS id %s\n\tfor <%s>; %s"
            % (frm_host, ip, by_host, idn, MBOX, D(day, hh, mm)))


MAILS = []
EXPECT = []


def emit(fname, msg, exp, nl="\n"):
    data = ser(msg, nl)
    with open(os.path.join(HERE, fname), "wb") as f:
        f.write(data)
    e = {"file": fname}
    e.update(exp)
    e.setdefault("scenario", "")
    e.setdefault("missing", [])
    e.setdefault("notes", [])
    order = ["file", "action", "scenario", "missing", "notes", "reason", "why"]
    EXPECT.append({k: e[k] for k in order if k in e})


HC = ["end_user_org", "end_user_contact", "end_user_phone", "agent_engineer", "agent_phone",
      "auth_code", "old_server_file", "new_host_info", "commitment_letter"]
UB = ["end_user_org", "end_user_contact", "end_user_phone", "agent_engineer", "agent_phone",
      "auth_code", "old_server_file", "unbind_letter"]

CT_PDF = "application/pdf"
CT_JPG = "image/jpeg"
CT_TXT = "text/plain"
CT_BIN = "application/octet-stream"
CT_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"



# =====================================================================
# Kind 1 — auth codes as people type them
# =====================================================================

def k1():
    # 01: lower-case code with dashes, Coremail webmail, UTF-8 quoted-printable
    body = """您好：

我院网管服务器上周系统盘故障后重装，iMC的激活文件没有备份，现申请License找回。

客户局点名称：上海市第六人民医院（徐汇院区）信息科
授权码：3ab9-k2mx-7pqr-w4tz-8cde

产品为 iMC PLAT 7.3，麻烦尽快处理，谢谢！

王莉
上海市第六人民医院 信息科
电话 021-6436 9181
"""
    m = mail([
        ("Received", "from mail.sh6yy.example.cn (mail.sh6yy.example.cn [203.0.113.21])\n\tby mx.lic-intake.example.test (Postfix) with ESMTPS id 4Q1aB2cD3e\n\tfor <%s>; %s" % (MBOX, D(30, 9, 12))),
        ("From", addr("王莉", "wangli@sh6yy.example.cn", "utf-8", "Q")),
        ("To", addr(MBOX_NAME, MBOX)),
        ("Subject", ew("License找回申请（上海六院）", "utf-8", "Q")),
        ("Date", D(30, 9, 11)),
        ("Message-ID", "<6e1f0a2b.3c4d.19a7e0c1d2e.Coremail.wangli@sh6yy.example.cn>"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)"),
        ("X-Originating-IP", "[10.12.3.44]"),
    ], text(body, cte="quoted-printable", label="UTF-8"))
    emit("01-authcode-lowercase-recovery.eml", m, {
        "action": "forward", "scenario": "recovery",
        "why": "Hospital IT via Coremail webmail, UTF-8 quoted-printable; site name and an auth code typed all lower case with dashes."})

    # 02: spaces instead of dashes, labels without colon, GB18030 base64, Foxmail
    body = """H3C工程师您好，

我们单位的iMC激活文件找不到了（原来的管理员离职，文件没有交接），请帮忙找回License。

局点名称 南通市国土资源局数据中心
授权码 7hq2 m8xd 4kla 9wne 3rty

联系人 顾建华 13706281234

顾建华
南通市国土资源局 信息中心
"""
    m = mail([
        ("From", addr("顾建华", "gujianhua@ntgt.example.cn", "GB18030")),
        ("To", MBOX),
        ("Subject", ew("iMC激活文件丢了，申请找回", "GB18030")),
        ("Date", D(30, 10, 3)),
        ("Message-ID", "<202611301003218853412@ntgt.example.cn>"),
        ("X-Priority", "3"),
        ("X-GUID", "9C1D5E2A-77B3-4F1A-8E2C-1B6A3D5F0E91"),
        ("X-Has-Attach", "no"),
        ("X-Mailer", "Foxmail 7.2.25.228[cn]"),
    ], text(body, cs="GB18030", label="GB18030", cte="base64"))
    emit("02-authcode-spaces-nocolon-gb18030.eml", m, {
        "action": "forward", "scenario": "recovery",
        "why": "Foxmail, GB18030 base64; labels without colon ('局点名称 …', '授权码 …') and a lower-case code in space-separated groups."})

    # 03: British 'Licence key:', Singapore partner, Outlook multipart/alternative + attachments
    plain = """Dear H3C Licensing Team,

The motherboard of our customer's iMC server failed and the vendor has replaced the whole server. We would like to apply for a licence hardware change so that iMC can be activated on the new machine.

End-user organisation: Ngee Ann Polyclinic Services Pte Ltd
End-user contact person: Ms Tan Mei Ling
End-user contact no.: +65 6123 4567 (meiling.tan@napoly.example.com.sg)
Partner engineer: Muhammad Faizal bin Rahman (SG NetSys Pte Ltd)
Partner engineer mobile: +65 9876 5432
Licence key: 9QWE RT7Y UI3O PA5S DF2G

Attached please find the old server's licence file, the new server's host information file and the signed & stamped commitment letter.

Thank you.

Best regards,
Faizal
SG NetSys Pte Ltd | 10 Ubi Crescent #05-21 Singapore 408564
"""
    html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body lang=\"EN-SG\"><div class=\"WordSection1\">" + "".join(
        "<p class=\"MsoNormal\">%s<o:p></o:p></p>" % (xesc(l) if l else "&nbsp;") for l in plain.splitlines()) + "</div></body></html>"
    alt = multipart("alternative", [text(plain, cs="us-ascii", cte="7bit"), text(html, "html", cte="quoted-printable")],
                    "_000_SG2PR06MB51234A1B2C3D4E5F6071SG2PR06MB5123apcp_")
    m = mail([
        ("From", addr("Muhammad Faizal bin Rahman", "faizal@sgnetsys.example.com.sg")),
        ("To", MBOX),
        ("Cc", addr("Tan Mei Ling", "meiling.tan@napoly.example.com.sg")),
        ("Subject", "Licence hardware change - Ngee Ann Polyclinic (iMC)"),
        ("Thread-Topic", "Licence hardware change - Ngee Ann Polyclinic (iMC)"),
        ("Thread-Index", "AdtCq7Z1xYwqM0e3R2mKp8sJ0f4NbA=="),
        ("Date", D(30, 10, 41)),
        ("Message-ID", "<SG2PR06MB5123A1B2C3D4E5F60718@SG2PR06MB5123.apcprd06.prod.outlook.example>"),
        ("Accept-Language", "en-SG, en-US"),
        ("Content-Language", "en-SG"),
        ("X-MS-Has-Attach", "yes"),
    ], multipart("mixed", [
        alt,
        attach("old_server_iMC_PLAT.lic", licfile("iMC PLAT 7.3", "9QWE-RT7Y-UI3O-PA5S-DF2G", "k03"), CT_BIN),
        attach("new_server_hostinfo.txt", hostinfo("NAP-NMS-02", "k03new", customer="Ngee Ann Polyclinic"), CT_TXT),
        attach("Commitment Letter (signed and stamped).pdf", letter_pdf("hc", "Ngee Ann Polyclinic Services Pte Ltd", "k03l"), CT_PDF),
    ], "_004_SG2PR06MB51234A1B2C3D4E5F6071SG2PR06MB5123apcp_"))
    emit("03-licence-key-british-sg.eml", m, {
        "action": "forward", "scenario": "hardware_change",
        "why": "Singapore partner via Outlook; British 'Licence key:' with the code in space-separated groups; old .lic, new host file and stamped PDF attached."}, nl="\r\n")

    # 04: several codes, one per line under one label, each after a description; unbind
    body = """您好！

我院需要把iMC的一部分授权从现网服务器上解绑，迁到分院新建的服务器上使用，特申请License解绑。

最终用户单位：湖州市中心医院信息处
用户联系人：沈志强
联系电话：0572-2033456
代理商工程师：周凯（浙江恒信网络技术有限公司）
代理商工程师电话：158 5720 1234

授权码：
iMC 平台（100 节点）：K7PM-2QXA-9RTB-4WCN-6YDE
iMC EIA（500 用户）：M3ZT-8HVA-1QPL-5NRX-2KSD
iMC APM（50 监视器）：R9FB-6LWC-3TXM-7PQE-1HAZ

需要解绑定的授权序列号：只解绑 iMC EIA（500 用户）这一条，平台和APM继续留在原服务器上使用。

原服务器的License文件、盖章的《承诺书（解绑定专用）》见附件。

沈志强
"""
    m = mail([
        ("From", addr("沈志强", "shenzq@hzszxyy.example.cn")),
        ("To", MBOX),
        ("Cc", addr("周凯", "zhoukai@hengxin-net.example.cn")),
        ("Subject", ew("【License解绑】湖州市中心医院 iMC EIA授权解绑申请")),
        ("Date", D(30, 11, 20)),
        ("Message-ID", "<tencent_8F3A1C2B9D0E4F5A6B7C8D9E0F1A2B3C4D05@qq.example.com>"),
        ("X-QQ-mid", "esmtpsz17t1764479400tyz8q3m"),
        ("X-QQ-SSF", "00000000000000F0"),
        ("X-Mailer", "QQMail 2.x"),
    ], multipart("mixed", [
        text(body, cte="base64"),
        attach("原服务器License文件.lic", licfile("iMC PLAT 7.3 + EIA + APM", "K7PM-2QXA-9RTB-4WCN-6YDE", "k04"), CT_BIN, mode="2047"),
        attach("承诺书（解绑定专用）盖章.jpg", jpeg_file("scan", "k04l", exif_model="Canon iR-ADV C3525"), CT_JPG, mode="2047"),
    ], "----=_NextPart_656B2A1C_0F3D2E80_4A1D7B5C", preamble="This is a multi-part message in MIME format."))
    emit("04-authcode-per-line-descriptions-unbind.eml", m, {
        "action": "forward", "scenario": "unbind",
        "why": "QQ Mail; three codes on their own lines under one '授权码：' label, each after a product description ('iMC 平台（100 节点）：…'); only one of them is unbound."})

    # 05: traditional Chinese (HK), Big5 base64, code without dashes and without colon
    body = """您好，

本院的iMC網管伺服器已經更換，需要申請License硬體變更，資料如下：

最終用戶單位：香港仁濟醫院資訊科技部
用戶聯絡人：陳家豪
用戶聯絡電話：+852 2417 8123
代理商工程師：李偉強（信達網絡有限公司）
代理商工程師電話：+852 9123 4567
授權碼 4GHT8KWQ2MZX7PLN6VRB

舊伺服器及新伺服器的主機資訊檔案、已蓋章的承諾書掃描件請見附件。

陳家豪
資訊科技部
"""
    m = mail([
        ("From", addr("陳家豪", "kh.chan@ykh.example.org.hk", "big5")),
        ("To", MBOX),
        ("Subject", ew("iMC License 硬體變更申請 - 仁濟醫院", "big5")),
        ("Date", D(30, 11, 58)),
        ("Message-ID", "<HK0PR03MB4410C1D2E3F4A5B6C7D8@HK0PR03MB4410.apcprd03.prod.outlook.example>"),
        ("Content-Language", "zh-HK"),
        ("X-MS-Has-Attach", "yes"),
    ], multipart("mixed", [
        text(body, cs="big5", label="big5", cte="base64"),
        attach("舊伺服器主機資訊.txt", hostinfo("YCH-IMC-01", "k05old", customer="Yan Chai Hospital"), CT_TXT, mode="2047", cs="big5"),
        attach("新伺服器主機資訊.txt", hostinfo("YCH-IMC-02", "k05new", customer="Yan Chai Hospital"), CT_TXT, mode="2047", cs="big5"),
        attach("承諾書_已蓋章.pdf", letter_pdf("hc", "Yan Chai Hospital", "k05l"), CT_PDF, mode="2047", cs="big5"),
    ], "_005_HK0PR03MB4410C1D2E3F4A5B6C7D8HK0PR03MB4410apcp_"))
    emit("05-authcode-nodash-nocolon-big5.eml", m, {
        "action": "forward", "scenario": "hardware_change",
        "why": "Hong Kong hospital, traditional Chinese in Big5 base64 (Big5 file names too); '授權碼 4GHT8KWQ…' written as one run without dashes or colon."}, nl="\r\n")

    # 06: Malaysia, recovery with two codes after descriptions separated by ' - '
    body = """Hi H3C team,

Our customer's iMC server was rebuilt after a ransomware incident and the activation files are gone (backups were encrypted too). Kindly assist to recover the licence.

Site name: Universiti Teknologi Sarawak - Sibu Campus (IT Centre)
Auth codes:
iMC PLAT 7.3 (200 nodes) - 6txk-q2pm-8wnl-3zra-5hdc
iMC UAM (1000 users) - b4ne-7ykw-1qsm-9ltx-2pvf

Thanks & regards,
Ahmad Zulkifli bin Osman
Network Engineer
Borneo Integrated Networks Sdn Bhd
Tel: +60 84-321 456
"""
    m = mail([
        ("From", addr("Ahmad Zulkifli", "zulkifli@borneonet.example.com.my")),
        ("To", MBOX),
        ("Subject", "Licence recovery - UTS Sibu campus iMC"),
        ("Date", D(30, 12, 15)),
        ("Message-ID", "<CAK7xq2Fh9pR3mN0wT1sV5yZ8aB4cD6eG2hJ1kL0mN9pQ8rS7tU@mail.gmail.example>"),
    ], multipart("alternative", [
        text(body, cte="quoted-printable", label="UTF-8"),
        text("<div dir=\"ltr\">" + "<br>".join(xesc(l) for l in body.splitlines()) + "</div>", "html", cte="quoted-printable", label="UTF-8"),
    ], "000000000000f3a1b2c3d4e5f607"))
    emit("06-authcodes-two-lines-recovery-my.eml", m, {
        "action": "forward", "scenario": "recovery",
        "why": "Malaysian reseller via Gmail; 'Auth codes:' label followed by two lower-case codes, each after a product description and ' - '."})


k1()


# =====================================================================
# Kind 2 — forward chains
# =====================================================================

def k2():
    # 07: materials and fields two message/rfc822 levels down
    cust_body = """刘经理您好：

我中心iMC服务器已到报废年限，已采购新服务器替换，需要申请License硬件变更，材料如下：

最终用户单位：江西省农村信用社联合社科技中心
用户联系人：许文
联系方式：0791-8612 3456
代理商工程师：孙磊
代理商工程师联系方式：138 0791 2345
授权码：Z8KD-4MWQ-2NXA-7TPL-9CRE

附件为旧服务器的License文件、新服务器的主机信息文件以及盖章的承诺书扫描件。

许文
"""
    inner = mail([
        ("From", addr("许文", "xuwen@jxnx.example.cn")),
        ("To", addr("刘洋", "liuyang@hengtong-net.example.cn")),
        ("Subject", ew("iMC服务器更换 License变更")),
        ("Date", D(26, 15, 2)),
        ("Message-ID", "<2026112615020411.77310@jxnx.example.cn>"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.13"),
    ], multipart("mixed", [
        text(cust_body, cte="base64"),
        attach("旧服务器License.lic", licfile("iMC PLAT 7.3", "Z8KD-4MWQ-2NXA-7TPL-9CRE", "k07"), CT_BIN, mode="2047"),
        attach("新服务器主机信息.txt", hostinfo("JXNX-IMC-NEW", "k07new"), CT_TXT, mode="2047"),
        attach("承诺书盖章扫描件.pdf", letter_pdf("hc", "Jiangxi Rural Credit Union", "k07l"), CT_PDF, mode="2047"),
    ], "----=_Part_183447_1920354411.1764140524117"))
    middle = mail([
        ("From", addr("刘洋", "liuyang@hengtong-net.example.cn")),
        ("To", addr("孙磊", "sunlei@hengtong-net.example.cn")),
        ("Subject", ew("转发: iMC服务器更换 License变更")),
        ("Date", D(27, 9, 30)),
        ("Message-ID", "<a1b2c3d4-0001-4e5f-9a8b-hengtong.liuyang@hengtong-net.example.cn>"),
    ], multipart("mixed", [
        text("孙工，客户许文的邮件转给你（见附件），请帮忙提交给H3C。\n\n刘洋\n", cte="base64"),
        rfc822(inner),
    ], "----=_Part_2001_88"))
    top = mail([
        ("From", addr("孙磊", "sunlei@hengtong-net.example.cn")),
        ("To", MBOX),
        ("Subject", ew("转发: 转发: iMC服务器更换 License变更（江西农信）")),
        ("Date", D(30, 9, 5)),
        ("Message-ID", "<b7c8d9e0-0002-4e5f-9a8b-hengtong.sunlei@hengtong-net.example.cn>"),
    ], multipart("mixed", [
        text("您好，销售同事转来的客户License硬件变更申请见附件邮件，客户的材料都在最里面那封邮件里，请帮忙处理。\n\n孙磊 | 恒通网络 技术部\n", cte="base64"),
        rfc822(middle),
    ], "----=_Part_3001_99"))
    emit("07-fwd-two-rfc822-levels.eml", top, {
        "action": "forward", "scenario": "hardware_change", "notes": ["from_forwarded"],
        "why": "Reseller engineer forwards the sales colleague's forward as an attachment; every field and file sits two message/rfc822 levels down in the customer's original mail."})

    # 08: inline chain customer -> sales -> reseller engineer -> mailbox
    body = """H3C License组的同事您好：

请帮忙处理下面这个客户的iMC License解绑申请，原License文件和盖章的《承诺书（解绑定专用）》见附件。

代理商工程师：赵磊（北京华信捷科技有限公司）
电话：139 1012 3456

赵磊

-----原始邮件-----
发件人: 郑晓 <zhengxiao@huaxinjie.example.cn>
发送时间: 2026年11月27日 16:40
收件人: 赵磊 <zhaolei@huaxinjie.example.cn>
主题: 转发: 关于iMC授权解绑

赵工，朝阳水务的解绑需求，客户信息在下面，麻烦帮忙提交一下，附件是客户给的文件。

郑晓 | 销售经理

-----原始邮件-----
发件人: 韩冬 <handong@cyswj.example.gov.cn>
发送时间: 2026年11月27日 10:12
收件人: 郑晓 <zhengxiao@huaxinjie.example.cn>
主题: 关于iMC授权解绑

郑经理好，

我局要把iMC EIA中200个用户的授权解绑，挪到二期新建的服务器上使用，其余授权保持不变。

最终用户单位：北京市朝阳区水务局信息中心
用户联系人：韩冬
联系电话：010-6582 7731
授权码：H2QW-8PZN-5KLD-3XMA-7RTC
需要解绑定的授权序列号：EIA-200用户（序列号 EIA2026110700316）

谢谢！
韩冬
"""
    m = mail([
        ("From", addr("赵磊", "zhaolei@huaxinjie.example.cn")),
        ("To", MBOX),
        ("Subject", ew("转发: 转发: 关于iMC授权解绑（朝阳水务）")),
        ("Date", D(30, 9, 48)),
        ("Message-ID", "<002d01db4a3c$5e6f7a80$1b4e6f80$@huaxinjie.example.cn>"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Thread-Index", "AQHbQq7ZxYwqM0e3R2mKp8sJ0f4NbLKu3A5Q"),
        ("Content-Language", "zh-cn"),
    ], multipart("mixed", [
        text(body, cs="gbk", label="GBK", cte="base64"),
        attach("iMC原License文件.lic", licfile("iMC PLAT 7.3 + EIA", "H2QW-8PZN-5KLD-3XMA-7RTC", "k08"), CT_BIN, mode="2047", cs="gbk"),
        attach("H3C业务软件License例外申请及承诺书（解绑定专用）-盖章.pdf", letter_pdf("unbind", "Chaoyang Water Authority", "k08l"), CT_PDF, mode="2047", cs="gbk"),
    ], "----=_NextPart_000_002E_01DB4A3C.5E6F7A80", preamble="This is a multipart message in MIME format."))
    emit("08-inline-chain-enduser-bottom-reseller-top.eml", m, {
        "action": "forward", "scenario": "unbind",
        "why": "Outlook GBK inline chain customer -> sales -> reseller engineer -> mailbox; end-user fields only at the bottom of the chain, reseller's name and phone at the top."}, nl="\r\n")

    # 09: end user cannot find the code, reseller adds it on top (QQ/Foxmail quote style)
    body = """您好，
客户那边找不到授权码，我们查了当时的订单，授权码如下：
授权码：N6VB-3KQZ-8MXT-2WLP-5EJD
其他材料客户已经提供，见下方邮件和附件，请帮忙处理License硬件变更。

代理商工程师：马骏  手机：186 2153 7788
武汉楚天信息系统有限公司

------------------ 原始邮件 ------------------
发件人: "刘芳"<liufang@whgg3z.example.cn>;
发送时间: 2026年11月29日(星期天) 下午3:20
收件人: "马骏"<majun@chutian-it.example.cn>;
主题: iMC服务器更换，申请license变更

马工：
我们机房iMC服务器换了新机器，需要做License硬件变更。
最终用户单位：武汉光谷第三中学
联系人：刘芳
电话：027-8778 6543
授权码：找了一圈没找到当初的授权证书，麻烦帮忙查一下。
老服务器和新服务器的主机信息文件、盖章的承诺书都在附件里。
谢谢！
"""
    m = mail([
        ("From", addr("马骏", "majun@chutian-it.example.cn", "GBK")),
        ("To", MBOX),
        ("Subject", ew("回复: iMC服务器更换，申请license变更", "GBK")),
        ("Date", D(30, 10, 22)),
        ("Message-ID", "<tencent_5E1D2C3B4A59687F0E1D2C3B4A596878@qq.example.com>"),
        ("In-Reply-To", "<tencent_1A2B3C4D5E6F70819A2B3C4D5E6F7081@qq.example.com>"),
        ("X-QQ-mid", "bizesmtp77t1764469320t2m9q8zv"),
        ("X-Mailer", "QQMail 2.x"),
    ], multipart("mixed", [
        text(body, cs="GBK", label="GBK", cte="quoted-printable"),
        attach("老服务器主机信息.txt", hostinfo("GG3Z-SRV-OLD", "k09old"), CT_TXT, mode="2047", cs="GBK"),
        attach("新服务器主机信息.txt", hostinfo("GG3Z-SRV-NEW", "k09new"), CT_TXT, mode="2047", cs="GBK"),
        attach("承诺书盖章.jpg", jpeg_file("stamped", "k09l", exif_model="HUAWEI ELS-AN00"), CT_JPG, mode="2047", cs="GBK"),
    ], "----=_NextPart_656A7B3C_0E9D2A18_5B7C1D2E"))
    emit("09-enduser-no-code-reseller-adds-on-top.eml", m, {
        "action": "forward", "scenario": "hardware_change",
        "why": "QQ Mail reply, GBK quoted-printable: the end user (quoted below) could not find the auth code and the reseller engineer adds it and his own details on top."})

    # 10: English Outlook inline chain (Malaysia), stamped letter still to come
    body = """Hi H3C Licensing,

Please help to process the licence hardware change for our customer below. The old server's licence file and the new server's host info file are attached. The customer will send the stamped commitment letter separately once their director has signed it.

Reseller engineer: Ong Kah Hoe
Mobile: +60 12-345 6789

Regards,
Ong Kah Hoe
Senior Engineer | MyNet Solutions Sdn Bhd

From: Nurul Aina binti Hassan <nurul.aina@lap.example.gov.my>
Sent: Friday, 27 November 2026 11:05 AM
To: Ong Kah Hoe <kahhoe.ong@mynet.example.com.my>
Subject: iMC server replacement - licence transfer

Hi Kah Hoe,

We have replaced our iMC server (old Dell R730 to new R750). Details as requested:

Organisation: Lembaga Air Perak - ICT Division
Contact person: Nurul Aina binti Hassan
Tel: +60 5-254 7788
License key: 2KTR-9XMQ-6PLW-4ZNA-8BVD

The stamped commitment letter will follow - still pending our director's signature.

Thank you.
Nurul Aina
"""
    m = mail([
        ("From", addr("Ong Kah Hoe", "kahhoe.ong@mynet.example.com.my")),
        ("To", MBOX),
        ("Subject", "FW: iMC server replacement - licence transfer"),
        ("Thread-Topic", "iMC server replacement - licence transfer"),
        ("Date", D(30, 10, 50)),
        ("Message-ID", "<KL1PR01MB5220E8F7A6B5C4D3E2F1@KL1PR01MB5220.apcprd01.prod.outlook.example>"),
        ("Content-Language", "en-MY"),
    ], multipart("mixed", [
        text(body, cs="us-ascii", cte="7bit"),
        attach("old_server_license.lic", licfile("iMC PLAT 7.3", "2KTR-9XMQ-6PLW-4ZNA-8BVD", "k10"), CT_BIN),
        attach("new_server_hostinfo.txt", hostinfo("LAP-NMS-R750", "k10new"), CT_TXT),
    ], "_002_KL1PR01MB5220E8F7A6B5C4D3E2F1KL1PR01MB5220apcp_"))
    emit("10-en-outlook-chain-letter-to-follow.eml", m, {
        "action": "request_materials", "scenario": "hardware_change", "missing": ["commitment_letter"],
        "why": "Malaysian reseller forwards (Outlook 'From:/Sent:' inline header) the end user's details; files attached but the stamped letter is announced for later."}, nl="\r\n")

    # 11: HK forwarder attaches the customer's Big5 mail as message/rfc822
    inner_body = """Kelvin 你好，

我們的iMC激活檔案遺失了（伺服器硬碟損壞，資料未能救回），需要申請License找回。

客戶局點名稱：大埔污水處理廠監控中心
授權碼：c7mw-2tqx-9plk-4nzr-6hva

麻煩你幫忙跟進，謝謝！
黃淑儀
"""
    inner = mail([
        ("From", addr("黃淑儀", "sy.wong@tpstw.example.gov.hk", "big5")),
        ("To", addr("Kelvin Cheung", "kelvin.cheung@hknetlink.example.com.hk")),
        ("Subject", ew("License 找回申請", "big5")),
        ("Date", D(27, 17, 45)),
        ("Message-ID", "<000a01db4b12$aa11bb22$cc33dd44@tpstw.example.gov.hk>"),
    ], text(inner_body, cs="big5", label="big5", cte="quoted-printable"))
    m = mail([
        ("From", addr("Kelvin Cheung", "kelvin.cheung@hknetlink.example.com.hk")),
        ("To", MBOX),
        ("Subject", "FW: License =?big5?B?p+SmXqXTvdA=?="),
        ("Date", D(30, 11, 5)),
        ("Message-ID", "<HK2PR02MB3921F0E1D2C3B4A59687@HK2PR02MB3921.apcprd02.prod.outlook.example>"),
    ], multipart("mixed", [
        text("Hi team,\n\nFYI pls help to handle the customer's request below (attached). Thx.\n\nKelvin Cheung\nHK Netlink Ltd\n", cs="us-ascii", cte="7bit"),
        rfc822(inner),
    ], "_003_HK2PR02MB3921F0E1D2C3B4A59687HK2PR02MB3921apcp_"))
    emit("11-fwd-attached-big5-recovery.eml", m, {
        "action": "forward", "scenario": "recovery",
        "why": "Hong Kong reseller's one-line 'FYI pls help' forward; the request (site name, lower-case code) is only in the attached Big5 quoted-printable message/rfc822."})


k2()


# =====================================================================
# Kind 3 — replies
# =====================================================================

def k3():
    # 12: answers typed between the quoted questions of our own auto-reply
    body = """您好，已按要求补充，答复写在各项下面了，文件见附件。

在 2026-11-27 14:02:11，"License例外申请" <license@lic-intake.example.test> 写道：
> 您好，
>
> 您的License硬件变更申请（案件号 LX-20261127-0007）还缺少以下材料，请补充：
>
> 1. 最终用户单位名称
南京水利科学研究院网络中心
> 2. 用户联系人
陈晓峰
> 3. 用户联系方式
025-8582 9011，chenxf@nhri.example.cn
> 4. 代理商工程师姓名
孙浩（江苏同创信息技术有限公司）
> 5. 代理商工程师联系方式
138 5188 2046
> 6. 需要变更的授权码
P4QX-7MZK-2WLA-9RTD-5HNB
> 7. 老服务器的License文件或老服务器的主机信息文件
附件 old_server.lic
> 8. 新服务器的主机信息文件
附件 new_hostinfo.txt
> 9. 客户单位盖章的《H3C业务软件License例外申请及承诺书》
附件，盖章扫描件
>
> 补齐后请直接回复本邮件，无需修改主题。
>
> License例外申请受理邮箱（自动回复）
"""
    m = mail([
        ("From", addr("陈晓峰", "chenxf@nhri.example.cn", "utf-8", "Q")),
        ("To", addr(MBOX_NAME, MBOX)),
        ("Subject", ew("Re: [LX-20261127-0007] License硬件变更 – 材料不全", "utf-8", "Q")),
        ("Date", D(30, 13, 40)),
        ("Message-ID", "<3b7e9a1c.51a2.19a7f3b2c41.Coremail.chenxf@nhri.example.cn>"),
        ("In-Reply-To", "<lx-20261127-0007.1764223331@lic-intake.example.test>"),
        ("References", "<lx-20261127-0007.1764223331@lic-intake.example.test>"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.14"),
    ], multipart("mixed", [
        text(body, cte="base64", label="UTF-8"),
        attach("old_server.lic", licfile("iMC PLAT 7.3", "P4QX-7MZK-2WLA-9RTD-5HNB", "k12"), CT_BIN),
        attach("new_hostinfo.txt", hostinfo("NHRI-NMS-NEW", "k12new"), CT_TXT),
        attach("承诺书盖章.pdf", letter_pdf("hc", "NHRI", "k12l"), CT_PDF, mode="2047"),
    ], "----=_Part_406611_2055781233.1764481200655"))
    emit("12-reply-interleaved-answers.eml", m, {
        "action": "forward", "scenario": "hardware_change",
        "why": "Coremail reply to our missing-materials mail: every answer is typed unquoted between the quoted '>' questions, below the '在…写道：' line."})

    # 13: reseller's reply; the end user's details only in the quoted earlier mail of a third party
    body = """Hi H3C team,

Please see the customer's unbind request below. Attached are the original iMC licence file and the stamped unbind-only commitment letter.

Reseller engineer: Lim Wei Jie
HP: +65 8123 4567

Thanks,
Wei Jie
Orchid Systems Integration Pte Ltd

On Mon, 23 Nov 2026 at 10:02, Rajesh Kumar <rajesh.kumar@tuasmarine.example.com.sg> wrote:
> Hi Wei Jie,
>
> As discussed, we need to unbind 2 of the 5 serials under our iMC licence so
> that they can be used on the DR server. The other 3 stay on the production
> server.
>
> Organisation: Tuas Marine Logistics Pte Ltd
> Contact: Rajesh Kumar (IT Infrastructure)
> Tel: +65 6261 8890
> Licence key: W7KX-3MQP-9ZTA-2LRN-6DVB
> Serials to unbind: EIA0019230, EIA0019231
>
> Regards,
> Rajesh
"""
    m = mail([
        ("From", addr("Lim Wei Jie", "weijie.lim@orchidsi.example.com.sg")),
        ("To", MBOX),
        ("Cc", addr("Rajesh Kumar", "rajesh.kumar@tuasmarine.example.com.sg")),
        ("Subject", "Re: iMC licence - unbind 2 serials for DR server"),
        ("Date", D(30, 14, 2)),
        ("Message-ID", "<CAF9p2wQ7nR1kT3mV5xY8zB0cD2eG4hJ6kL8mN0pQ2rS4tU6vW@mail.gmail.example>"),
        ("In-Reply-To", "<CAB1rajesh7Xq2m9@mail.tuasmarine.example.com.sg>"),
        ("References", "<CAB1rajesh7Xq2m9@mail.tuasmarine.example.com.sg>"),
    ], multipart("mixed", [
        multipart("alternative", [
            text(body, cte="quoted-printable", label="UTF-8"),
            text("<div dir=\"ltr\">" + "<br>".join(xesc(l) for l in body.split("On Mon, 23")[0].splitlines()) +
                 "</div><br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">On Mon, 23 Nov 2026 at 10:02, Rajesh Kumar &lt;rajesh.kumar@tuasmarine.example.com.sg&gt; wrote:<br></div>"
                 "<blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex\">" +
                 "<br>".join(xesc(l[2:]) for l in body.split("wrote:\n")[1].splitlines()) + "</blockquote></div>",
                 "html", cte="quoted-printable", label="UTF-8"),
        ], "000000000000a9b8c7d6e5f40312"),
        attach("iMC_original_licence.lic", licfile("iMC PLAT 7.3 + EIA", "W7KX-3MQP-9ZTA-2LRN-6DVB", "k13"), CT_BIN),
        attach("Unbind_Commitment_Letter_stamped.pdf", letter_pdf("unbind", "Tuas Marine Logistics Pte Ltd", "k13l"), CT_PDF),
    ], "000000000000a9b8c7d6e5f40314"))
    emit("13-reply-enduser-details-only-in-quote.eml", m, {
        "action": "forward", "scenario": "unbind",
        "why": "Singapore reseller replies via Gmail; the end user's organisation, contact, phone and licence key are only in the quoted earlier mail of the customer, which the new text does not contradict."})

    # 14: quote says every serial, new text corrects: only two -> still unbind
    body = """您好，更正一下我上一封邮件：不是全部序列号都解绑，只需要解绑下面两个，其余的继续在原服务器上使用：
  iMC EIA（500用户）  序列号 210235A1BX0001
  iMC APM（20监视器）  序列号 210235A1BX0003

最终用户单位：成都天府软件园运营管理有限公司
用户联系人：杨帆
联系电话：028-8531 6620
代理商工程师：何川（四川蜀信科技）
代理商工程师电话：133 0800 4521
授权码：F5RW-2KXM-8QPL-3TNA-6ZDE

原License文件和盖章的解绑定专用承诺书重新附上，以这封为准。

杨帆

-----原始邮件-----
发件人: 杨帆 <yangfan@tfsp.example.cn>
发送时间: 2026年11月30日 9:15
收件人: license@lic-intake.example.test
主题: iMC License解绑申请

您好，我们需要把授权码 F5RW-2KXM-8QPL-3TNA-6ZDE 下的全部序列号都解绑，迁到新机房的服务器上，请协助。
"""
    m = mail([
        ("From", addr("杨帆", "yangfan@tfsp.example.cn", "GBK")),
        ("To", MBOX),
        ("Subject", ew("答复: iMC License解绑申请（更正）", "GBK")),
        ("Date", D(30, 14, 30)),
        ("Message-ID", "<00a101db4b20$7c8d9e00$7562da00$@tfsp.example.cn>"),
        ("In-Reply-To", "<009f01db4b10$11223344$55667788$@tfsp.example.cn>"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Content-Language", "zh-cn"),
    ], multipart("mixed", [
        text(body, cs="GBK", label="GBK", cte="base64"),
        attach("原License文件.lic", licfile("iMC PLAT 7.5 + EIA + APM", "F5RW-2KXM-8QPL-3TNA-6ZDE", "k14"), CT_BIN, mode="2047", cs="GBK"),
        attach("承诺书(解绑定专用)_盖章.pdf", letter_pdf("unbind", "Tianfu Software Park", "k14l"), CT_PDF, mode="2047", cs="GBK"),
    ], "----=_NextPart_000_00A2_01DB4B20.7C8D9E00"))
    emit("14-reply-corrects-quote-only-two-serials.eml", m, {
        "action": "forward", "scenario": "unbind",
        "why": "Outlook GBK reply: the quoted earlier mail says every serial should be unbound, the new text corrects it to only two serials, so it stays a normal unbind."}, nl="\r\n")

    # 15: reverse — quote says two serials, new text says all of them -> hardware_change
    body = """Hi,

Sorry, a correction to my earlier email: after checking with our vendor, we are actually moving the WHOLE licence to the new server - all serials need to be unbound from the old server, not just the two EIA ones. The old server will be decommissioned.

Old licence file attached again.

Cheers,
Kenneth

On Fri, 27 Nov 2026 at 16:12, Kenneth Lau <kenneth.lau@hkpolyclub.example.org.hk> wrote:
> Dear H3C,
>
> We would like to unbind 2 serials (iMC EIA 200 users) from our current iMC
> server so they can be used on a new server.
>
> End user: HK Polytechnic Alumni Club Ltd
> Contact person: Kenneth Lau
> Phone: +852 2766 1234
> Reseller engineer: Jacky Ho (Pacific Link Systems)
> Reseller phone: +852 6123 9876
> Licence Key: T3MB-8WQX-1ZKR-6PNL-4HDA
>
> The stamped unbind letter and licence file are attached.
>
> Kenneth
"""
    m = mail([
        ("From", addr("Kenneth Lau", "kenneth.lau@hkpolyclub.example.org.hk")),
        ("To", MBOX),
        ("Subject", "Re: iMC licence unbind - 2 EIA serials"),
        ("Date", D(30, 15, 0)),
        ("Message-ID", "<CAH4k9mLx2Q8nP0rS3tV6wY9zA1bC4dE7fG0hJ3kM6nP9qR2sT@mail.gmail.example>"),
        ("In-Reply-To", "<CAH4k9mKenneth01@mail.gmail.example>"),
        ("References", "<CAH4k9mKenneth01@mail.gmail.example>"),
    ], multipart("mixed", [
        text(body, cs="UTF-8", cte="7bit", format_flowed=True),
        attach("old_server_licence.lic", licfile("iMC PLAT 7.3 + EIA", "T3MB-8WQX-1ZKR-6PNL-4HDA", "k15"), CT_BIN),
    ], "0000000000001e2d3c4b5a697887"))
    emit("15-reply-corrects-quote-to-all-serials.eml", m, {
        "action": "request_materials", "scenario": "hardware_change",
        "missing": ["new_host_info", "commitment_letter"], "notes": ["unbind_all_serials"],
        "why": "HK customer via Gmail: quoted first mail asked to unbind two serials, new text says all serials move, so the hardware-change checklist applies (fields from the quote, old licence attached)."})

    # 16: '不确定' between the two processes the quoted question offered
    body = """不确定，我们也搞不太清楚这两个流程的区别，领导只是让我先联系你们。方便的话请电话联系我：0531-8890 2314。

孟庆磊
山东鲁信数据服务有限公司

发件人: H3C License支持 <license@lic-intake.example.test>
发送时间: 2026年11月30日 10:05
收件人: 孟庆磊 <mengql@luxindata.example.cn>
主题: 回复: 咨询iMC授权问题

您好，
根据您的描述，请确认您需要申请的是《License硬件变更》还是《License解绑》？两者所需材料不同：
- 硬件变更：服务器硬件变化或整体更换新服务器，授权从老服务器变更到新服务器；
- 解绑：将部分授权序列号与服务器解除绑定，以便在别的服务器上使用。
确认后我们会告知需要准备的材料。
"""
    m = mail([
        ("From", addr("孟庆磊", "mengql@luxindata.example.cn")),
        ("To", MBOX),
        ("Subject", ew("回复: 回复: 咨询iMC授权问题")),
        ("Date", D(30, 15, 20)),
        ("Message-ID", "<2026113015201877216931@luxindata.example.cn>"),
        ("In-Reply-To", "<lx-q-20261130-0003.1764468300@lic-intake.example.test>"),
        ("X-Mailer", "Foxmail 7.2.25.375[cn]"),
    ], text(body, cs="utf-8", cte="base64"))
    emit("16-reply-unsure-between-two-processes.eml", m, {
        "action": "ask_scenario",
        "why": "Foxmail reply whose new text is only '不确定…' to a quoted question offering hardware change or unbind; no materials, the scenario stays open."})

    # 17: English 'not sure' (Hong Kong), quote offered recovery vs hardware change
    body = """Hi,

Not sure leh, our previous IT guy handled the iMC setup and he has left the company. Can you advise which one applies to us? You can call me at 3188 2210.

Thanks,
Winnie Ma
Office Manager, Kwun Tong Trading Co. Ltd

-----Original Message-----
From: H3C License Support <license@lic-intake.example.test>
Sent: Monday, November 30, 2026 11:20 AM
To: Winnie Ma <winnie.ma@ktt.example.com.hk>
Subject: RE: iMC licence problem

Dear customer,

Could you please confirm whether you need a licence recovery (the activation file was lost) or a licence hardware change (the licence has to move to a new or changed server)? The required materials are different.

Regards,
H3C License Support
"""
    m = mail([
        ("From", addr("Winnie Ma", "winnie.ma@ktt.example.com.hk")),
        ("To", MBOX),
        ("Subject", "RE: iMC licence problem"),
        ("Date", D(30, 15, 45, "+0800")),
        ("Message-ID", "<PS2PR02MB2710AA11BB22CC33DD44@PS2PR02MB2710.apcprd02.prod.outlook.example>"),
        ("In-Reply-To", "<lx-q-20261130-0005.1764472800@lic-intake.example.test>"),
    ], text(body, cs="us-ascii", cte="7bit"))
    emit("17-reply-not-sure-en-hk.eml", m, {
        "action": "ask_scenario",
        "why": "Hong Kong office manager answers 'Not sure leh' to a quoted question offering recovery or hardware change; nothing decides the process."})


k3()


# =====================================================================
# Kind 4 — system mail that must be ignored
# =====================================================================

def k4():
    # 18: Outlook/Exchange read receipt (MDN) with Auto-Submitted
    human = """Your message

To: Lim Wei Jie
Subject: Re: [LX-20261124-0003] Licence unbind request - Tuas Marine
Sent: Tuesday, 24 November 2026 3:12:40 PM (UTC+08:00) Kuala Lumpur, Singapore

was read on Tuesday, 24 November 2026 3:20:05 PM (UTC+08:00) Kuala Lumpur, Singapore.
"""
    mdn = """Reporting-UA: SG2PR06MB5123.apcprd06.prod.outlook.example; Microsoft Exchange Server
Final-Recipient: rfc822;weijie.lim@orchidsi.example.com.sg
Original-Message-ID: <lx-20261124-0003.1764227560@lic-intake.example.test>
Disposition: manual-action/MDN-sent-manually; displayed
"""
    m = mail([
        ("From", addr("Lim Wei Jie", "weijie.lim@orchidsi.example.com.sg")),
        ("To", addr("License Exception", MBOX)),
        ("Subject", "Read: Re: [LX-20261124-0003] Licence unbind request - Tuas Marine"),
        ("Date", D(24, 15, 20)),
        ("Message-ID", "<SG2PR06MB51230F1E2D3C4B5A6978@SG2PR06MB5123.apcprd06.prod.outlook.example>"),
        ("Auto-Submitted", "auto-replied"),
        ("Thread-Topic", "[LX-20261124-0003] Licence unbind request - Tuas Marine"),
        ("X-MS-Exchange-Organization-SCL", "-1"),
    ], multipart("report", [
        text(human, cs="us-ascii", cte="7bit"),
        Part([("Content-Type", "message/disposition-notification")], mdn.encode()),
    ], "_000_SG2PR06MB51230F1E2D3C4B5A6978SG2PR06MB5123apcp_", params=" report-type=disposition-notification;"))
    emit("18-mdn-outlook-auto-submitted.eml", m, {
        "action": "ignore", "reason": "auto_submitted",
        "why": "Exchange read receipt 'Read: …' (multipart/report disposition-notification) carrying Auto-Submitted: auto-replied."})

    # 19: Foxmail read receipt, no Auto-Submitted, quoting the original headers
    human = """您发给 许文 的邮件

主题：License硬件变更申请 – 江西农信（补充材料）
时间：2026年11月30日 上午9:05

已于 2026年11月30日 上午9:31 被阅读。

此回执只表明收件人的计算机上曾显示过此邮件。
"""
    mdn = """Reporting-UA: Foxmail 7.2.25.228[cn]
Original-Recipient: rfc822;xuwen@jxnx.example.cn
Final-Recipient: rfc822;xuwen@jxnx.example.cn
Original-Message-ID: <lx-20261130-0002.1764464700@lic-intake.example.test>
Disposition: manual-action/MDN-sent-manually; displayed
"""
    orig_headers = """Received: from mx.lic-intake.example.test (unknown [198.51.100.7])
	by mail.jxnx.example.cn (Coremail) with SMTP id 9WxYZbCdEf; Mon, 30 Nov 2026 09:05:11 +0800
From: =?UTF-8?B?TGljZW5zZeS+i+WklueUs+ivtw==?= <license@lic-intake.example.test>
To: =?UTF-8?B?6K645paH?= <xuwen@jxnx.example.cn>
Subject: =?UTF-8?B?TGljZW5zZeehrOS7tuWPmOabtOeUs+ivtyDigJMg5rGf6KW/5Yac5L+h?=
 =?UTF-8?B?77yI6KGl5YWF5p2Q5paZ77yJ?=
Date: Mon, 30 Nov 2026 09:05:00 +0800
Message-ID: <lx-20261130-0002.1764464700@lic-intake.example.test>
Disposition-Notification-To: xuwen@jxnx.example.cn
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="intake-b1"
"""
    m = mail([
        ("From", addr("许文", "xuwen@jxnx.example.cn", "GB2312")),
        ("To", MBOX),
        ("Subject", ew("已读: License硬件变更申请 – 江西农信（补充材料）", "GBK")),
        ("Date", D(30, 9, 31)),
        ("Message-ID", "<202611300931463719902@jxnx.example.cn>"),
        ("X-Mailer", "Foxmail 7.2.25.228[cn]"),
    ], multipart("report", [
        text(human, cs="GBK", label="GBK", cte="base64"),
        Part([("Content-Type", "message/disposition-notification")], mdn.encode()),
        Part([("Content-Type", "text/rfc822-headers")], orig_headers.encode()),
    ], "----=_NextPart_MDN_656A9C22_1B2C3D4E", params=" report-type=disposition-notification;"))
    emit("19-mdn-foxmail-no-autosubmitted-quoted-headers.eml", m, {
        "action": "ignore",
        "why": "Foxmail read receipt '已读: …' (GBK) without Auto-Submitted; third part text/rfc822-headers quotes the original mail's headers about a hardware change."})

    # 20: Coremail read receipt with Auto-Submitted: auto-generated, human part repeats the request
    human = """这是一封邮件已读回执。

您于 2026-11-30 08:52 发送给 handong@cyswj.example.gov.cn 的邮件：
  主题：Re: [LX-20261127-0011] 关于iMC授权解绑 — 还缺盖章承诺书
已于 2026-11-30 10:14 被阅读。

原邮件摘要：
  授权码：H2QW-8PZN-5KLD-3XMA-7RTC
  缺少：客户单位盖章的《H3C业务软件License例外申请及承诺书（解绑定专用）》
"""
    mdn = """Reporting-UA: mail.cyswj.example.gov.cn; Coremail Webmail Server
Final-Recipient: rfc822; handong@cyswj.example.gov.cn
Original-Message-ID: <lx-20261127-0011.1764464000@lic-intake.example.test>
Disposition: automatic-action/MDN-sent-automatically; displayed
"""
    m = mail([
        ("From", addr("韩冬", "handong@cyswj.example.gov.cn")),
        ("To", MBOX),
        ("Subject", ew("已读回执: Re: [LX-20261127-0011] 关于iMC授权解绑")),
        ("Date", D(30, 10, 14)),
        ("Message-ID", "<mdn.4f2a.19a7f0e1.Coremail.handong@cyswj.example.gov.cn>"),
        ("Auto-Submitted", "auto-generated"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.13"),
    ], multipart("report", [
        text(human, cs="GB18030", label="GB18030", cte="quoted-printable"),
        Part([("Content-Type", "message/disposition-notification"), ("Content-Transfer-Encoding", "7bit")], mdn.encode()),
    ], "----=_Part_mdn_771_1764468840", params=" report-type=disposition-notification;"))
    emit("20-mdn-coremail-auto-generated-quotes-request.eml", m, {
        "action": "ignore", "reason": "auto_submitted",
        "why": "Coremail read receipt, GB18030 quoted-printable, Auto-Submitted: auto-generated; its human part repeats the auth code and a missing letter but it is not a request."})

    # 21: Exchange recall, Chinese, plain+html
    plain = "周凯 希望撤回邮件“【License解绑】湖州市中心医院 iMC EIA授权解绑申请”。\n"
    html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>周凯 希望撤回邮件“【License解绑】湖州市中心医院 iMC EIA授权解绑申请”。</p></body></html>"
    m = mail([
        ("From", addr("周凯", "zhoukai@hengxin-net.example.cn", "gb2312")),
        ("To", MBOX),
        ("Subject", ew("撤回: 【License解绑】湖州市中心医院 iMC EIA授权解绑申请", "gb2312")),
        ("Thread-Topic", ew("【License解绑】湖州市中心医院 iMC EIA授权解绑申请", "gb2312")),
        ("Thread-Index", "AQHbQ1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6"),
        ("Date", D(30, 11, 26)),
        ("Message-ID", "<HK0PR01MB2244AABBCCDDEEFF0011@HK0PR01MB2244.apcprd01.prod.exchangelabs.example>"),
        ("Content-Language", "zh-CN"),
        ("X-MS-Has-Attach", ""),
        ("X-MS-Exchange-Organization-RecordReviewCfmType", "0"),
        ("X-MS-TNEF-Correlator", "<HK0PR01MB2244AABBCCDDEEFF0011@HK0PR01MB2244.apcprd01.prod.exchangelabs.example>"),
    ], multipart("alternative", [
        text(plain, cs="gb2312", cte="base64"),
        text(html, "html", cs="gb2312", cte="base64"),
    ], "_000_HK0PR01MB2244AABBCCDDEEFF0011HK0PR01MB2244apcp_"))
    emit("21-recall-zh-exchange.eml", m, {
        "action": "ignore",
        "why": "Exchange message recall '撤回: …' (gb2312) for an earlier unbind request; no Auto-Submitted header, not a request."}, nl="\r\n")

    # 22: Exchange recall in English, sent as TNEF (IPM.Outlook.Recall)
    plain = "Lim Wei Jie would like to recall the message, \"Re: iMC licence - unbind 2 serials for DR server\".\r\n"
    m = mail([
        ("From", addr("Lim Wei Jie", "weijie.lim@orchidsi.example.com.sg")),
        ("To", MBOX),
        ("Subject", "Recall: Re: iMC licence - unbind 2 serials for DR server"),
        ("Thread-Topic", "Re: iMC licence - unbind 2 serials for DR server"),
        ("Date", D(30, 14, 9)),
        ("Message-ID", "<SG2PR06MB5123RECALL0099@SG2PR06MB5123.apcprd06.prod.outlook.example>"),
        ("X-MS-TNEF-Correlator", "<SG2PR06MB5123RECALL0099@SG2PR06MB5123.apcprd06.prod.outlook.example>"),
        ("X-MS-Exchange-Organization-AuthAs", "Internal"),
    ], multipart("mixed", [
        text(plain, cs="us-ascii", cte="7bit"),
        attach("winmail.dat", tnef_file([], codepage=1252, msg_class="IPM.Outlook.Recall"), "application/ms-tnef"),
    ], "_000_SG2PR06MB5123RECALL0099SG2PR06MB5123apcp_"))
    emit("22-recall-en-tnef.eml", m, {
        "action": "ignore",
        "why": "Exchange 'Recall: …' from a Singapore reseller, carried as application/ms-tnef with message class IPM.Outlook.Recall."})

    # 23: calendar invitation METHOD:REQUEST
    ics = """BEGIN:VCALENDAR
METHOD:REQUEST
PRODID:Microsoft Exchange Server 2016
VERSION:2.0
BEGIN:VTIMEZONE
TZID:China Standard Time
BEGIN:STANDARD
DTSTART:16010101T000000
TZOFFSETFROM:+0800
TZOFFSETTO:+0800
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
ORGANIZER;CN=孙磊:mailto:sunlei@hengtong-net.example.cn
ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=License
 例外申请:mailto:license@lic-intake.example.test
ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=许文:mailto
 :xuwen@jxnx.example.cn
DESCRIPTION;LANGUAGE=zh-CN:讨论江西农信iMC License硬件变更材料（授权码、新服
 务器主机信息、盖章承诺书）。\\n腾讯会议：618-227-903\\n
UID:040000008200E00074C5B7101A82E0080000000010A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5
SUMMARY;LANGUAGE=zh-CN:License硬件变更沟通会（江西农信）
DTSTART;TZID=China Standard Time:20261202T140000
DTEND;TZID=China Standard Time:20261202T143000
CLASS:PUBLIC
PRIORITY:5
DTSTAMP:20261130T013000Z
TRANSP:OPAQUE
STATUS:CONFIRMED
SEQUENCE:0
LOCATION;LANGUAGE=zh-CN:腾讯会议
BEGIN:VALARM
ACTION:DISPLAY
DESCRIPTION:REMINDER
TRIGGER;RELATED=START:-PT15M
END:VALARM
END:VEVENT
END:VCALENDAR
"""
    plain = "讨论江西农信iMC License硬件变更材料（授权码、新服务器主机信息、盖章承诺书）。\n腾讯会议：618-227-903\n"
    m = mail([
        ("From", addr("孙磊", "sunlei@hengtong-net.example.cn")),
        ("To", addr(MBOX_NAME, MBOX) + ", " + addr("许文", "xuwen@jxnx.example.cn")),
        ("Subject", ew("License硬件变更沟通会（江西农信）")),
        ("Thread-Topic", ew("License硬件变更沟通会（江西农信）")),
        ("Date", D(30, 9, 30)),
        ("Message-ID", "<b7c8d9e0-0003-4e5f-9a8b-hengtong.sunlei.cal@hengtong-net.example.cn>"),
        ("Content-Language", "zh-CN"),
        ("X-MS-Has-Attach", ""),
        ("X-MS-Exchange-Organization-SCL", "-1"),
    ], multipart("alternative", [
        text(plain, cte="base64"),
        text("<html><body><p>" + xesc(plain).replace("\n", "<br>") + "</p></body></html>", "html", cte="base64"),
        Part([("Content-Type", 'text/calendar; charset="utf-8"; method=REQUEST'),
              ("Content-Transfer-Encoding", "base64")], b64lines(ics.replace("\n", "\r\n").encode("utf-8")).encode()),
    ], "_000_cal_b7c8d9e0hengtong_"))
    emit("23-calendar-invite-request.eml", m, {
        "action": "ignore",
        "why": "Outlook meeting invitation (text/calendar METHOD:REQUEST) from a reseller about a hardware-change case; its description lists materials but it is not a request."})

    # 24: Postfix 'delivery delayed' DSN
    notice = """This is the mail system at host mx1.sh6yy.example.cn.

####################################################################
# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #
####################################################################

Your message could not be delivered for more than 4 hour(s).
It will be retried until it is 5 day(s) old.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<wangli@sh6yy.example.cn>: connect to
    mailstore.sh6yy.example.cn[10.12.0.25]:25: Connection timed out
"""
    ds = """Reporting-MTA: dns; mx1.sh6yy.example.cn
X-Postfix-Queue-ID: 4Q3rT7xYz1
X-Postfix-Sender: rfc822; license@lic-intake.example.test
Arrival-Date: Mon, 30 Nov 2026 09:13:02 +0800 (CST)

Final-Recipient: rfc822; wangli@sh6yy.example.cn
Original-Recipient: rfc822;wangli@sh6yy.example.cn
Action: delayed
Status: 4.4.1
Diagnostic-Code: X-Postfix; connect to mailstore.sh6yy.example.cn[10.12.0.25]:25:
    Connection timed out
Will-Retry-Until: Sat, 5 Dec 2026 09:13:02 +0800 (CST)
"""
    hdrs = """Return-Path: <license@lic-intake.example.test>
From: =?UTF-8?B?TGljZW5zZeS+i+WklueUs+ivtw==?= <license@lic-intake.example.test>
To: wangli@sh6yy.example.cn
Subject: =?UTF-8?Q?Re:_[LX-20261130-0001]_License=E6=89=BE=E5=9B=9E=E7=94=B3=E8=AF=B7?=
Date: Mon, 30 Nov 2026 09:13:00 +0800
Message-ID: <lx-20261130-0001.1764465180@lic-intake.example.test>
Auto-Submitted: auto-replied
"""
    m = mail([
        ("Return-Path", "<>"),
        ("From", "MAILER-DAEMON@mx1.sh6yy.example.cn (Mail Delivery System)"),
        ("To", MBOX),
        ("Subject", "Delayed Mail (still being retried)"),
        ("Date", D(30, 13, 13)),
        ("Message-ID", "<20261130051302.7A1B2C3D4E@mx1.sh6yy.example.cn>"),
    ], multipart("report", [
        Part([("Content-Description", "Notification"), ("Content-Type", "text/plain; charset=us-ascii")], notice.encode()),
        Part([("Content-Description", "Delivery report"), ("Content-Type", "message/delivery-status")], ds.encode()),
        Part([("Content-Description", "Undelivered Message Headers"), ("Content-Type", "text/rfc822-headers")], hdrs.encode()),
    ], "4Q3rT7xYz1.1764479582/mx1.sh6yy.example.cn", params=" report-type=delivery-status;",
        preamble="This is a MIME-encapsulated message."))
    emit("24-dsn-delivery-delayed.eml", m, {
        "action": "ignore", "reason": "bounce",
        "why": "Postfix 'Delayed Mail (still being retried)' DSN from MAILER-DAEMON (multipart/report delivery-status, Action: delayed) about one of our replies."})

    # 25: Exchange 'Delivered:' DSN (success notification)
    notice = """Your message has been delivered to the following recipients:

kh.chan@ykh.example.org.hk (kh.chan@ykh.example.org.hk)

Subject: Re: [LX-20261130-0004] iMC License 硬體變更申請 - 仁濟醫院
"""
    ds = """Reporting-MTA: dns;HK0PR03MB4410.apcprd03.prod.outlook.example
Received-From-MTA: dns;mx.lic-intake.example.test
Arrival-Date: Mon, 30 Nov 2026 04:02:11 +0000

Final-Recipient: rfc822;kh.chan@ykh.example.org.hk
Action: delivered
Status: 2.0.0
X-Display-Name: Chan Ka Ho
"""
    hdrs = """From: license@lic-intake.example.test
To: kh.chan@ykh.example.org.hk
Subject: Re: [LX-20261130-0004] iMC License =?UTF-8?B?56Gs6auU6K6K5pu055Sz6KuL?=
Date: Mon, 30 Nov 2026 12:02:09 +0800
Message-ID: <lx-20261130-0004.1764475329@lic-intake.example.test>
Return-Receipt-To: license@lic-intake.example.test
"""
    m = mail([
        ("From", "postmaster@ykh.example.org.hk"),
        ("To", MBOX),
        ("Subject", ew("Delivered: Re: [LX-20261130-0004] iMC License 硬體變更申請 - 仁濟醫院")),
        ("Date", D(30, 12, 2)),
        ("Message-ID", "<4b1c2d3e-aaaa-4bbb-8ccc-0d1e2f3a4b5c@HK0PR03MB4410.apcprd03.prod.outlook.example>"),
        ("Content-Language", "en-US"),
        ("X-MS-Exchange-Message-Is-Ndr", ""),
    ], multipart("report", [
        multipart("alternative", [
            text(notice, cte="quoted-printable"),
            text("<html><body><b>Your message has been delivered to the following recipients:</b><br><a href=\"mailto:kh.chan@ykh.example.org.hk\">kh.chan@ykh.example.org.hk</a></body></html>", "html", cs="us-ascii", cte="7bit"),
        ], "_001_dsn_inner_"),
        Part([("Content-Type", "message/delivery-status")], ds.encode()),
        Part([("Content-Type", "text/rfc822-headers")], hdrs.encode()),
    ], "_000_dsn_4b1c2d3e_", params=" report-type=delivery-status;"))
    emit("25-dsn-delivered-exchange.eml", m, {
        "action": "ignore",
        "why": "Exchange 'Delivered: …' success DSN from postmaster (Action: delivered) for our reply to a Hong Kong case; must not be answered."})

    # 26: spam flagged by the receiving server, dressed as a recovery request
    body = """尊敬的客户：

您的License授权即将失效！为避免业务中断，请立即完成License找回验证。

客户局点名称：请在下方链接中填写
授权码：9ZZZ-8YYY-7XXX-6WWW-5VVV（系统预分配）

点击链接完成验证：http://h3c-license-verify.example.net/recover?id=88231

本邮件由系统自动发送，请勿回复。
"""
    m = mail([
        ("Received", "from mail.bulk-sender.example.net (unknown [192.0.2.77])\n\tby mx.lic-intake.example.test (Postfix) with ESMTP id 7F2E3D4C5B\n\tfor <%s>; %s" % (MBOX, D(30, 3, 17))),
        ("X-Spam-Flag", "YES"),
        ("X-Spam-Score", "9.8"),
        ("X-Spam-Level", "*********"),
        ("X-Spam-Status", "Yes, score=9.8 required=5.0 tests=BAYES_99,FROM_SUSPICIOUS_NTLD,\n\tHTML_MESSAGE,RDNS_NONE,URIBL_ABUSE_SURBL autolearn=no version=3.4.6"),
        ("From", addr("H3C授权中心", "service@h3c-license-verify.example.net")),
        ("To", MBOX),
        ("Subject", ew("【紧急】License找回验证通知")),
        ("Date", D(30, 3, 16)),
        ("Message-ID", "<20261130031602.88231@h3c-license-verify.example.net>"),
    ], text(body, cte="base64"))
    emit("26-spam-flag-fake-recovery.eml", m, {
        "action": "ignore", "reason": "spam",
        "why": "Phishing dressed as a licence-recovery mail with site/auth-code labels; the receiving server stamped X-Spam-Flag: YES."})

    # 27: out-of-office marked only by X-Autoreply: yes (Chinese, subject looks like a normal reply)
    body = """您好，我本周在外地出差（11月30日—12月4日），邮件回复可能不及时。
如有急事请拨打手机 138 0791 2345，或联系同事刘洋 liuyang@hengtong-net.example.cn。

孙磊
"""
    m = mail([
        ("From", addr("孙磊", "sunlei@hengtong-net.example.cn")),
        ("To", MBOX),
        ("Subject", ew("Re: [LX-20261130-0002] License硬件变更申请 – 材料缺失")),
        ("Date", D(30, 9, 6)),
        ("Message-ID", "<autoreply.1764464760.sunlei@hengtong-net.example.cn>"),
        ("In-Reply-To", "<lx-20261130-0002.1764464700@lic-intake.example.test>"),
        ("X-Autoreply", "yes"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.13"),
    ], text(body, cte="base64"))
    emit("27-autoreply-x-autoreply-only.eml", m, {
        "action": "ignore", "reason": "auto_submitted",
        "why": "Reseller's out-of-office answer to our reply, marked only by 'X-Autoreply: yes' (no Auto-Submitted, subject a plain 'Re:')."})

    # 28: English out-of-office marked only by X-Autorespond
    body = """Thank you for your email. I am on leave from 30 Nov to 4 Dec 2026 with limited access to email.

For urgent licence matters (hardware change / unbind) please contact our helpdesk at +60 3-2201 5500.

Regards,
Ong Kah Hoe
"""
    m = mail([
        ("From", addr("Ong Kah Hoe", "kahhoe.ong@mynet.example.com.my")),
        ("To", MBOX),
        ("Subject", "Re: [LX-20261130-0006] Licence hardware change - missing stamped letter"),
        ("Date", D(30, 11, 1)),
        ("Message-ID", "<vacation.20261130110102.kahhoe@mynet.example.com.my>"),
        ("In-Reply-To", "<lx-20261130-0006.1764471600@lic-intake.example.test>"),
        ("X-Autorespond", "Out of office - Ong Kah Hoe"),
        ("Precedence", "normal"),
    ], text(body, cs="us-ascii", cte="7bit"))
    emit("28-autoreply-x-autorespond-en.eml", m, {
        "action": "ignore", "reason": "auto_submitted",
        "why": "Malaysian reseller's vacation notice, marked only by an X-Autorespond header; body mentions hardware change/unbind."})


k4()


# =====================================================================
# Kind 5 — files as they really arrive
# =====================================================================

def k5():
    # 29: iPhone Mail, HEIC photos of the stamped letter
    body = """您好，

我们医院的iMC服务器已更换新机器，申请License硬件变更。

最终用户单位：佛山市南海区人民医院
用户联系人：梁志伟
用户电话：0757-8663 1120
代理商工程师：邓海峰（广东粤联网络）
代理商工程师电话：139 2868 0456
授权码：Q2WE-7RTY-4UIO-9PAS-1DFG

旧服务器主机信息和新服务器主机信息文件在附件，盖章的承诺书用手机拍了照片（IMG_4821、IMG_4822 两张）。

发自我的iPhone
"""
    alt = multipart("alternative", [
        text(body, cte="quoted-printable"),
        text("<html><head><meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\"></head><body dir=\"auto\">" +
             "<br>".join(xesc(l) for l in body.splitlines()) + "</body></html>", "html", cte="quoted-printable"),
    ], "Apple-Mail-6C1D2E3F-4A5B-6C7D-8E9F-0A1B2C3D4E5F")
    m = mail([
        ("From", addr("梁志伟", "liangzw@nhrmyy.example.cn")),
        ("To", MBOX),
        ("Subject", ew("iMC License硬件变更申请（南海区人民医院）")),
        ("Date", D(30, 16, 8)),
        ("Message-ID", "<7E3A1B2C-9D8E-4F60-A1B2-C3D4E5F60718@nhrmyy.example.cn>"),
        ("X-Mailer", "iPhone Mail (22B91)"),
        ("Content-Transfer-Encoding", "7bit"),
    ], multipart("mixed", [
        alt,
        attach("旧服务器主机信息.txt", hostinfo("NHRMYY-IMC-OLD", "k29old"), CT_TXT),
        attach("新服务器主机信息.txt", hostinfo("NHRMYY-IMC-NEW", "k29new"), CT_TXT),
        attach("IMG_4821.HEIC", heic_file("k29a"), "image/heic", disp="attachment"),
        attach("IMG_4822.HEIC", heic_file("k29b"), "image/heic", disp="attachment"),
    ], "Apple-Mail-0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0"))
    emit("29-heic-iphone-photos-of-letter.eml", m, {
        "action": "forward", "scenario": "hardware_change",
        "why": "iPhone Mail; the stamped letter arrives as two HEIC photos named IMG_4821.HEIC/IMG_4822.HEIC (real ftypheic magic), the text says they are the letter."})

    # 30: WeChat image of the stamped unbind letter
    body = """您好，申请iMC License解绑。

最终用户单位：厦门市思明区教育局信息中心
联系人：林晓燕
联系方式：0592-2158 306
代理商工程师：陈建国
代理商工程师电话：135 9920 7731
授权码：V8NM-3QWE-6RTA-1ZXC-9LKJ

需要解绑定的授权序列号：EIA 300 用户中的 100 用户（序列号 EIA-XM-0107）。
解绑定专用承诺书已盖章，手机微信拍的照片一并附上；原服务器License文件见附件。
"""
    m = mail([
        ("From", addr("林晓燕", "linxy@smjyj.example.cn", "GB18030")),
        ("To", MBOX),
        ("Subject", ew("iMC授权解绑申请-思明区教育局", "GB18030")),
        ("Date", D(30, 16, 30)),
        ("Message-ID", "<202611301630114729551@smjyj.example.cn>"),
        ("X-Mailer", "Foxmail 7.2.25.228[cn]"),
    ], multipart("mixed", [
        text(body, cs="GB18030", label="GB18030", cte="base64"),
        attach("微信图片_20261130161522.jpg", jpeg_file("WeChat", "k30l", exif_model="Xiaomi 23127PN0CC"), CT_JPG, mode="2047", cs="GB18030"),
        attach("原服务器license.lic", licfile("iMC PLAT 7.3 + EIA", "V8NM-3QWE-6RTA-1ZXC-9LKJ", "k30"), CT_BIN, mode="2047", cs="GB18030"),
    ], "----=_NextPart_656BC8E2_0A1B2C3D_7E8F9A0B"))
    emit("30-wechat-jpg-unbind-letter.eml", m, {
        "action": "forward", "scenario": "unbind",
        "why": "Foxmail GB18030; the stamped unbind-only letter is a WeChat photo '微信图片_20261130161522.jpg', identified only by the text."})

    # 31: scan without file extension, Content-Type application/pdf
    body = """您好：

我公司iMC服务器硬件升级（更换主板和网卡），主机信息已变化，申请License硬件变更。

最终用户单位：宁波舟山港信息通信有限公司
用户联系人：徐海涛
用户联系方式：0574-2769 0018 / xuht@nbzsport.example.cn
代理商工程师：蒋文斌
代理商工程师联系方式：189 5740 3312
需要变更的授权码：J4KL-7MNB-2VCX-5ZAS-8QWE

附件：原服务器License文件、新主机信息文件、承诺书盖章扫描件（扫描仪直接发出来的，没有后缀）。
"""
    m = mail([
        ("From", addr("徐海涛", "xuht@nbzsport.example.cn")),
        ("To", MBOX),
        ("Subject", ew("License硬件变更申请 宁波舟山港信通")),
        ("Date", D(30, 16, 52)),
        ("Message-ID", "<1764492720.77310.xuht@nbzsport.example.cn>"),
        ("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) Gecko/20100101 Thunderbird/115.16.0"),
        ("Content-Language", "zh-CN"),
    ], multipart("mixed", [
        text(body, cte="8bit", format_flowed=True),
        attach("原服务器License_old.lic", licfile("iMC PLAT 7.5", "J4KL-7MNB-2VCX-5ZAS-8QWE", "k31"), CT_BIN),
        attach("新主机信息_new.txt", hostinfo("NBZS-NMS-01", "k31new"), CT_TXT),
        attach("承诺书盖章扫描件", letter_pdf("hc", "Ningbo Zhoushan Port ICT", "k31l", producer="KONICA MINOLTA bizhub C300i"), CT_PDF),
    ], "------------0A1B2C3D4E5F6A7B8C9D0E1F"))
    emit("31-scan-no-extension-pdf.eml", m, {
        "action": "forward", "scenario": "hardware_change",
        "why": "Thunderbird, UTF-8 8bit; the stamped letter scan is named '承诺书盖章扫描件' with no extension but Content-Type application/pdf (and %PDF content)."})

    # 32: scan without extension, image/jpeg (Singapore, unbind)
    body = """Hello,

We need to unbind part of our iMC licence (UAM 300 of 1000 users) so it can be activated on our new branch server.

Company: Lion City Credit Cooperative Ltd
Contact person: Mr Goh Boon Keng
Contact number: +65 6334 0921
Reseller engineer: Priya Nair (Merlion Networks Pte Ltd)
Reseller contact: +65 9455 1208 / priya@merlionnet.example.com.sg
License Key: C6VB-1NMQ-8WER-3TYU-5IOP
Serials to unbind: UAM-300 (serial UAM20231104017)

The scanned unbind undertaking (stamped) and the old licence file are attached.

Regards,
Goh Boon Keng
"""
    m = mail([
        ("From", addr("Goh Boon Keng", "bkgoh@lccc.example.com.sg")),
        ("To", MBOX),
        ("Subject", "iMC license unbind request - Lion City Credit Cooperative"),
        ("Date", D(30, 17, 5)),
        ("Message-ID", "<0100019a7f1b2c3d-4e5f6a7b-8c9d-0e1f-2a3b-4c5d6e7f8a9b-000000@lccc.example.com.sg>"),
        ("X-Mailer", "Microsoft Outlook for Mac 16.91"),
    ], multipart("mixed", [
        text(body, cs="us-ascii", cte="7bit"),
        attach("Unbind_Letter_stamped", jpeg_file("stamped", "k32l", exif_model="FUJIFILM Apeos C2570"), CT_JPG),
        attach("iMC_old_server.lic", licfile("iMC PLAT 7.3 + UAM", "C6VB-1NMQ-8WER-3TYU-5IOP", "k32"), CT_BIN),
    ], "B_3847021122_1604481990"))
    emit("32-scan-no-extension-jpeg-unbind-sg.eml", m, {
        "action": "forward", "scenario": "unbind",
        "why": "Singapore customer with Outlook for Mac; the stamped unbind letter is 'Unbind_Letter_stamped' with no extension, Content-Type image/jpeg."})

    # 33: upper-case extensions (Malaysia)
    body = """Dear Sir/Madam,

Kindly process licence hardware change for the iMC system below. The server has been replaced due to end of support.

End User: Hospital Pakar Seri Manjung Sdn Bhd
End User Contact Person: Dr. Lim Siew Fong
End User Contact: +60 5-688 2211
SI Engineer: Tan Boon Huat (Perak Digital Integrators)
SI Engineer Contact: +60 16-552 7810
Auth Code: M1NB-5VCX-9ZAQ-2WSX-6EDC

Attachments:
1. OLD_SERVER_LICENSE.LIC - licence file from the old server
2. NEW_HOSTINFO.TXT - host info of the new server
3. COMMITMENT_LETTER_STAMPED.PDF - stamped commitment letter

Thank you.
"""
    m = mail([
        ("From", addr("Tan Boon Huat", "boonhuat.tan@perakdigital.example.com.my")),
        ("To", MBOX),
        ("Subject", "LICENCE HARDWARE CHANGE - HOSPITAL PAKAR SERI MANJUNG"),
        ("Date", D(30, 17, 20)),
        ("Message-ID", "<MA0PR01MB7788123456789ABCDEF0@MA0PR01MB7788.INDPRD01.PROD.OUTLOOK.example>"),
        ("X-MS-Has-Attach", "yes"),
    ], multipart("mixed", [
        text(body, cs="windows-1252", cte="quoted-printable"),
        attach("OLD_SERVER_LICENSE.LIC", licfile("iMC PLAT 7.3", "M1NB-5VCX-9ZAQ-2WSX-6EDC", "k33"), CT_BIN),
        attach("NEW_HOSTINFO.TXT", hostinfo("HPSM-NMS-NEW", "k33new"), CT_TXT),
        attach("COMMITMENT_LETTER_STAMPED.PDF", letter_pdf("hc", "Hospital Pakar Seri Manjung", "k33l"), CT_PDF),
    ], "_004_MA0PR01MB7788123456789ABCDEF0MA0PR01MB7788INDP_"))
    emit("33-uppercase-extensions-my.eml", m, {
        "action": "forward", "scenario": "hardware_change",
        "why": "Malaysian SI engineer; every attachment has an upper-case extension (.LIC, .TXT, .PDF)."})

    # 34: upper-case .DOCX letter only (not stamped) in an unbind case
    body = """您好！

申请iMC License解绑，把其中的APM组件授权迁到测试环境服务器。

最终用户单位：合肥市轨道交通集团运营分公司
用户联系人：汪磊
用户联系方式：0551-6388 7715
代理商工程师：吴敏（安徽皖通信息）
代理商工程师联系方式：151 5601 2238
授权码：D9FG-4HJK-7LZX-2CVB-5NMQ
需要解绑定的授权序列号：APM-50（APM20250618002）

承诺书（解绑定专用）已填好见附件，原License文件也附上了。

汪磊
"""
    m = mail([
        ("From", addr("汪磊", "wanglei@hfgdjt.example.cn")),
        ("To", MBOX),
        ("Subject", ew("iMC License解绑申请（合肥轨交）")),
        ("Date", D(30, 17, 40)),
        ("Message-ID", "<0f9e8d7c-6b5a-4938-8271-605f4e3d2c1b@hfgdjt.example.cn>"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
    ], multipart("mixed", [
        text(body, cs="GBK", label="GBK", cte="base64"),
        attach("解绑定专用承诺书.DOCX", docx_file([
            "H3C License例外申请及承诺书（解绑定专用）",
            "本公司（单位）：合肥市轨道交通集团运营分公司",
            "因存在下面所列情况，需要使用H3C公司的例外变更流程申请新的License激活文件。",
            "iMC产品",
            "变更前原License授权中包含的授权序列号列表：PLAT-100；EIA-500；APM-50",
            "需要解绑定的授权序列号：APM-50（APM20250618002）",
            "例外情况原因说明：APM组件迁至测试环境服务器",
            "客户签字：            客户单位盖章：             年    月    日",
        ], title="H3C License例外申请及承诺书（解绑定专用）", author="wanglei"), CT_DOCX, mode="2047", cs="GBK"),
        attach("OLD.LIC", licfile("iMC PLAT 7.5 + EIA + APM", "D9FG-4HJK-7LZX-2CVB-5NMQ", "k34"), CT_BIN),
    ], "----=_NextPart_000_0031_01DB4B3A.9F8E7D60"))
    emit("34-uppercase-docx-letter-not-stamped.eml", m, {
        "action": "request_materials", "scenario": "unbind", "missing": ["unbind_letter"],
        "notes": ["letter_not_stamped"],
        "why": "Outlook GBK; the unbind letter is a filled-in but unstamped Word file '解绑定专用承诺书.DOCX' (upper-case extension) — it does not count."})

    # 35: upper-case .ZIP holding the host files and a .JPG letter
    body = """您好，申请License硬件变更（更换服务器）。

最终用户单位：青岛港湾职业技术学院网络中心
用户联系人：曲文涛
电话：0532-8681 5520
代理商工程师：于洋
代理商工程师电话：137 0532 8866
授权码：U7YT-2REW-5QAZ-8XSW-3CDE

新旧服务器主机信息文件和盖章承诺书打了个压缩包，见附件 MATERIALS.ZIP。
"""
    z = zip_bytes([
        ("OLD_HOSTINFO.TXT", hostinfo("QDGW-IMC-OLD", "k35old")),
        ("NEW_HOSTINFO.TXT", hostinfo("QDGW-IMC-NEW", "k35new")),
        ("承诺书盖章.JPG", jpeg_file("stamped", "k35l", exif_model="EPSON DS-530")),
    ])
    m = mail([
        ("From", addr("曲文涛", "quwt@qdgw.example.edu.cn")),
        ("To", MBOX),
        ("Subject", ew("License硬件变更申请-青岛港湾职院")),
        ("Date", D(30, 18, 2)),
        ("Message-ID", "<20261130180214.3A2B1C@qdgw.example.edu.cn>"),
        ("X-Mailer", "Coremail Webmail Server Version XT6.0.2"),
    ], multipart("mixed", [
        text(body, cte="quoted-printable"),
        attach("MATERIALS.ZIP", z, "application/x-zip-compressed"),
    ], "----=_Part_99887_1112223334.1764496934000"))
    emit("35-uppercase-zip-with-files.eml", m, {
        "action": "forward", "scenario": "hardware_change", "notes": ["from_archive"],
        "why": "Coremail; the old/new host files and a stamped '承诺书盖章.JPG' are inside an upper-case MATERIALS.ZIP (application/x-zip-compressed)."})


k5()


# =====================================================================
# Kind 6 — inline images
# =====================================================================

LOGO = png_file(48, 16, [(0, 82, 155), (255, 255, 255), (230, 0, 18)], "logo")
ICON = png_file(16, 16, [(10, 102, 194), (255, 255, 255)], "icon")


def outlook_html(rows_html, paras_before, paras_after, sig_html):
    css = ("<style><!-- p.MsoNormal{margin:0cm;font-size:10.5pt;font-family:等线;} "
           "table.info td{border:solid windowtext 1.0pt;padding:0cm 5.4pt;} --></style>")
    h = "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">%s</head><body lang=\"ZH-CN\"><div class=\"WordSection1\">" % css
    h += "".join("<p class=\"MsoNormal\">%s<o:p></o:p></p>" % xesc(p) for p in paras_before)
    if rows_html:
        h += "<table class=\"info\" border=\"1\" cellspacing=\"0\" cellpadding=\"0\">" + rows_html + "</table>"
    h += "".join("<p class=\"MsoNormal\">%s<o:p></o:p></p>" % xesc(p) for p in paras_after)
    h += sig_html + "</div></body></html>"
    return h


def k6():
    # 36: signature logo in multipart/related; fields in an HTML table; letter 'will follow'
    rows = [("最终用户单位名称", "苏州工业园区管委会信息中心"), ("用户联系人", "钱丽华"),
            ("用户联系方式", "0512-6668 3021"), ("代理商工程师姓名", "顾峰"),
            ("代理商工程师联系方式", "139 1355 6204"), ("授权码", "S5DF-8GHJ-1KLZ-4XCV-7BNM")]
    rows_html = "".join("<tr><td width=\"180\"><p class=\"MsoNormal\"><b>%s</b></p></td><td width=\"300\"><p class=\"MsoNormal\">%s</p></td></tr>" % (xesc(a), xesc(b)) for a, b in rows)
    before = ["您好：", "", "我单位iMC服务器已更换，申请License硬件变更，信息如下："]
    after = ["", "新、旧服务器的主机信息文件见附件。盖章的承诺书正在走公司用印流程，盖好章后补发给您。", "", "谢谢！"]
    sig = ("<p class=\"MsoNormal\"><img width=\"96\" height=\"32\" id=\"图片_x0020_1\" src=\"cid:image001.png@01DB4B40.A1B2C3D0\" alt=\"logo\"></p>"
           "<p class=\"MsoNormal\">顾峰 | 苏州汇联网络科技有限公司 | 技术服务部</p>")
    html = outlook_html(rows_html, before, after, sig)
    plain = "您好：\n\n我单位iMC服务器已更换，申请License硬件变更，信息如下：\n\n" + "".join("%s\t%s\n" % r for r in rows) + \
        "\n新、旧服务器的主机信息文件见附件。盖章的承诺书正在走公司用印流程，盖好章后补发给您。\n\n谢谢！\n\n[logo]\n顾峰 | 苏州汇联网络科技有限公司 | 技术服务部\n"
    rel = multipart("related", [
        multipart("alternative", [text(plain, cte="base64"), text(html, "html", cte="base64")], "_000_inner_alt_36_"),
        attach("image001.png", LOGO, "image/png", disp="inline", cid="image001.png@01DB4B40.A1B2C3D0"),
    ], "_007_related_36_", params=' type="multipart/alternative";')
    m = mail([
        ("From", addr("顾峰", "gufeng@huilian-net.example.cn")),
        ("To", MBOX),
        ("Cc", addr("钱丽华", "qianlh@sipac.example.gov.cn")),
        ("Subject", ew("License硬件变更申请（苏州工业园区）")),
        ("Thread-Topic", ew("License硬件变更申请（苏州工业园区）")),
        ("Date", D(30, 10, 15)),
        ("Message-ID", "<TYZPR06MB6101B2A3C4D5E6F70819@TYZPR06MB6101.apcprd06.prod.outlook.example>"),
        ("Content-Language", "zh-CN"),
        ("X-MS-Has-Attach", "yes"),
    ], multipart("mixed", [
        rel,
        attach("旧服务器主机信息.txt", hostinfo("SIP-IMC-OLD", "k36old"), CT_TXT, mode="2047"),
        attach("新服务器主机信息.txt", hostinfo("SIP-IMC-NEW", "k36new"), CT_TXT, mode="2047"),
    ], "_008_mixed_36_"))
    emit("36-inline-logo-letter-to-follow-zh.eml", m, {
        "action": "request_materials", "scenario": "hardware_change", "missing": ["commitment_letter"],
        "why": "Outlook HTML with the fields in a table and a signature logo image001.png (multipart/related, cid:); the text says the stamped letter follows later, so the logo is not the letter."}, nl="\r\n")

    # 37: English Outlook, logo + social icon inline; unbind letter to follow
    plain = """Hi H3C Licensing Team,

We would like to unbind part of the iMC licence of our customer (EIA 100 of 400 users) so it can be used on their new campus server.

End-user organisation: Sunway Pyramid Convention Centre Sdn Bhd
End-user contact: Mr Rahul Menon
End-user phone: +60 3-7492 8000
Reseller engineer: Chong Mei Yee
Reseller engineer phone: +60 17-338 4412
License Key: G8HJ-2KLQ-6WER-9TYP-4ASD
Serials to unbind: EIA-100 (EIA20240902011)

The original licence file is attached. The stamped unbind-only commitment letter will follow after the customer's director signs it next week.

Best regards,
Chong Mei Yee
Klang Valley Network Services Sdn Bhd
[cid:image001.png@01DB4B41.0A0B0C0D]  [cid:image002.png@01DB4B41.0A0B0C0D]
"""
    html = outlook_html("", [l for l in plain.split("Best regards,")[0].splitlines()], ["Best regards,", "Chong Mei Yee", "Klang Valley Network Services Sdn Bhd"],
                        "<p class=\"MsoNormal\"><img width=\"96\" height=\"32\" src=\"cid:image001.png@01DB4B41.0A0B0C0D\">&nbsp;&nbsp;<a href=\"https://www.linkedin.example/company/kvns\"><img width=\"16\" height=\"16\" src=\"cid:image002.png@01DB4B41.0A0B0C0D\"></a></p>").replace("lang=\"ZH-CN\"", "lang=\"EN-MY\"")
    rel = multipart("related", [
        multipart("alternative", [text(plain, cs="us-ascii", cte="7bit"), text(html, "html", cte="quoted-printable")], "_000_alt_37_"),
        attach("image001.png", LOGO, "image/png", disp="inline", cid="image001.png@01DB4B41.0A0B0C0D"),
        attach("image002.png", ICON, "image/png", disp="inline", cid="image002.png@01DB4B41.0A0B0C0D"),
    ], "_006_rel_37_", params=' type="multipart/alternative";')
    m = mail([
        ("From", addr("Chong Mei Yee", "meiyee.chong@kvns.example.com.my")),
        ("To", MBOX),
        ("Subject", "iMC licence unbind - Sunway Pyramid Convention Centre"),
        ("Date", D(30, 10, 35)),
        ("Message-ID", "<SEYPR03MB7070C0D1E2F3A4B5C6D7@SEYPR03MB7070.apcprd03.prod.outlook.example>"),
        ("Content-Language", "en-MY"),
        ("X-MS-Has-Attach", "yes"),
    ], multipart("mixed", [
        rel,
        attach("iMC_licence_original.lic", licfile("iMC PLAT 7.3 + EIA", "G8HJ-2KLQ-6WER-9TYP-4ASD", "k37"), CT_BIN),
    ], "_007_mixed_37_"))
    emit("37-inline-logo-icons-unbind-letter-to-follow-en.eml", m, {
        "action": "request_materials", "scenario": "unbind", "missing": ["unbind_letter"],
        "why": "Malaysian reseller's Outlook mail with two inline signature images (logo, LinkedIn icon) by cid:; the stamped unbind letter is promised for next week."})

    # 38: control — inline logo plus a real attached stamped letter
    plain = """您好：

我司申请iMC License解绑：把网络流量分析NTA授权从老平台解绑，迁到新建的分析服务器。

最终用户单位：广州地铁集团有限公司信息中心
用户联系人：黄俊杰
用户联系方式：020-8328 9900
代理商工程师：罗志明（广州迅捷网络）
代理商工程师联系方式：136 0000 8152
授权码：Y3UI-6OPA-9SDF-2GHJ-5KLZ
需要解绑定的授权序列号：NTA-20（NTA20240321005）

原License文件和盖章的解绑定专用承诺书见附件。

罗志明 | 广州迅捷网络
"""
    html = outlook_html("", plain.split("罗志明 |")[0].splitlines(), [],
                        "<p class=\"MsoNormal\"><img width=\"96\" height=\"32\" src=\"cid:image001.png@01DB4B42.11223344\"></p><p class=\"MsoNormal\">罗志明 | 广州迅捷网络</p>")
    rel = multipart("related", [
        multipart("alternative", [text(plain, cte="base64"), text(html, "html", cte="base64")], "_000_alt_38_"),
        attach("image001.png", LOGO, "image/png", disp="inline", cid="image001.png@01DB4B42.11223344"),
    ], "_006_rel_38_", params=' type="multipart/alternative";')
    m = mail([
        ("From", addr("罗志明", "luozm@xunjie-net.example.cn")),
        ("To", MBOX),
        ("Subject", ew("iMC License解绑申请-广州地铁")),
        ("Date", D(30, 11, 10)),
        ("Message-ID", "<TYZPR06MB6102AB12CD34EF56AB78@TYZPR06MB6102.apcprd06.prod.outlook.example>"),
        ("X-MS-Has-Attach", "yes"),
    ], multipart("mixed", [
        rel,
        attach("原License文件.lic", licfile("iMC PLAT 7.3 + NTA", "Y3UI-6OPA-9SDF-2GHJ-5KLZ", "k38"), CT_BIN, mode="2047"),
        attach("License例外申请及承诺书（解绑定专用）盖章版.pdf", letter_pdf("unbind", "Guangzhou Metro", "k38l"), CT_PDF, mode="2047"),
    ], "_007_mixed_38_"))
    emit("38-inline-logo-plus-attached-letter.eml", m, {
        "action": "forward", "scenario": "unbind",
        "why": "Outlook HTML with an inline signature logo and, separately, the stamped unbind letter as a real PDF attachment: complete."})


k6()


# =====================================================================
# Kind 7 — clerk-like reading
# =====================================================================

def k7():
    # 39: fields only in an .xlsx information form
    body = """您好，

我单位iMC服务器更换，申请License硬件变更。相关信息填在附件的《License例外申请信息表》里了，老服务器License文件、新服务器主机信息和盖章承诺书也一并附上，请查收。

谢谢
"""
    form = xlsx_file([
        ["License例外申请信息表", ""],
        ["申请类型", "硬件变更（更换服务器）"],
        ["所属产品", "iMC"],
        ["最终用户单位名称", "重庆市渝北区人民医院"],
        ["用户联系人", "冉光明"],
        ["用户联系方式", "023-6782 1145"],
        ["代理商工程师姓名", "谭凯"],
        ["代理商工程师联系方式", "177 2300 5816"],
        ["授权码", "E2RT-5YUI-8OPA-1SDF-4GHJ"],
        ["变更前原License授权组件及规模", "iMC PLAT 200节点 + EIA 1000用户"],
        ["例外情况原因说明", "原服务器超过维保期，更换新服务器"],
    ], title="License例外申请信息表", author="ranguangming")
    m = mail([
        ("From", addr("冉光明", "rangm@ybrmyy.example.cn")),
        ("To", MBOX),
        ("Subject", ew("License硬件变更申请")),
        ("Date", D(30, 13, 5)),
        ("Message-ID", "<20261130130512.4455@ybrmyy.example.cn>"),
        ("X-Mailer", "Foxmail 7.2.25.375[cn]"),
    ], multipart("mixed", [
        text(body, cte="base64"),
        attach("License例外申请信息表.xlsx", form, CT_XLSX, mode="2047"),
        attach("老服务器License.lic", licfile("iMC PLAT 7.3 + EIA", "E2RT-5YUI-8OPA-1SDF-4GHJ", "k39"), CT_BIN, mode="2047"),
        attach("新服务器主机信息.txt", hostinfo("YBRMYY-NMS-NEW", "k39new"), CT_TXT, mode="2047"),
        attach("承诺书-盖章扫描.pdf", letter_pdf("hc", "Yubei People's Hospital", "k39l"), CT_PDF, mode="2047"),
    ], "----=_NextPart_656BE011_1A2B3C4D_5E6F7081"))
    emit("39-fields-only-in-xlsx-form.eml", m, {
        "action": "forward", "scenario": "hardware_change",
        "why": "Foxmail; the body says 'see the form': every field is only in an attached .xlsx information form (real OOXML, sharedStrings), files and stamped PDF attached."})

    # 40: fields in a .docx information form; no letter at all (a form is not the letter)
    body = """您好：

申请iMC License解绑，申请信息见附件《解绑申请信息登记表》，原服务器的License文件也附上。盖章的承诺书我们下周寄出/扫描后再发。

石磊
"""
    form = docx_file(["iMC License解绑申请信息登记表", "请如实填写以下信息："], table=[
        ["项目", "内容"],
        ["最终用户单位", "天津港集装箱码头有限公司"],
        ["用户联系人", "石磊"],
        ["用户联系电话", "022-2570 6318"],
        ["代理商工程师", "高远（天津津联网络）"],
        ["代理商工程师电话", "186 2277 4590"],
        ["授权码", "A4SD-7FGH-0JKL-3ZXC-6VBN"],
        ["需要解绑的授权序列号", "UAM-200（UAM20230512009）"],
    ], title="解绑申请信息登记表", author="shilei")
    m = mail([
        ("From", addr("石磊", "shilei@tjctcp.example.cn")),
        ("To", MBOX),
        ("Subject", ew("iMC License 解绑申请（天津港集装箱码头）")),
        ("Date", D(30, 13, 35)),
        ("Message-ID", "<000001db4b3f$0a1b2c3d$1e2f3a4b$@tjctcp.example.cn>"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
    ], multipart("mixed", [
        text(body, cs="GBK", label="GBK", cte="quoted-printable"),
        attach("解绑申请信息登记表.docx", form, CT_DOCX, mode="2047", cs="GBK"),
        attach("原服务器License.lic", licfile("iMC PLAT 7.3 + UAM", "A4SD-7FGH-0JKL-3ZXC-6VBN", "k40"), CT_BIN, mode="2047", cs="GBK"),
    ], "----=_NextPart_000_0001_01DB4B3F.0A1B2C3D"))
    emit("40-fields-in-docx-form-no-letter.eml", m, {
        "action": "request_materials", "scenario": "unbind", "missing": ["unbind_letter"],
        "why": "Outlook GBK QP; fields only in a .docx information form (a table), which is a form and not the letter; the stamped unbind letter is still to come."})

    # 41: Outlook rich text: attachments inside winmail.dat (TNEF)
    body = """您好，

我院iMC服务器更换，申请License硬件变更。

最终用户单位：南昌大学第二附属医院网络信息中心
用户联系人：胡建平
用户联系方式：0791-8626 2245
代理商工程师：熊伟
代理商工程师联系方式：159 7008 3316
授权码：W9ER-2TYU-5IOP-8ASD-1FGH

旧服务器License文件、新服务器主机信息文件、盖章承诺书扫描件见附件。

胡建平
"""
    tn = tnef_file([
        ("旧服务器License.lic", licfile("iMC PLAT 7.3", "W9ER-2TYU-5IOP-8ASD-1FGH", "k41"), CT_BIN),
        ("新服务器主机信息.txt", hostinfo("NCDX2-NMS-NEW", "k41new"), CT_TXT),
        ("承诺书盖章扫描.pdf", letter_pdf("hc", "The Second Affiliated Hospital of Nanchang University", "k41l"), CT_PDF),
    ], codepage=936)
    m = mail([
        ("From", addr("胡建平", "hujp@ndefy.example.cn", "gb2312")),
        ("To", MBOX),
        ("Subject", ew("License硬件变更申请-南大二附院", "gb2312")),
        ("Thread-Topic", ew("License硬件变更申请-南大二附院", "gb2312")),
        ("Date", D(30, 14, 12)),
        ("Message-ID", "<NDEFY-EX01A7B8C9D0E1F2A3B4C5D6@exch01.ndefy.example.cn>"),
        ("X-MS-Has-Attach", "yes"),
        ("X-MS-TNEF-Correlator", "<NDEFY-EX01A7B8C9D0E1F2A3B4C5D6@exch01.ndefy.example.cn>"),
        ("Content-Language", "zh-CN"),
    ], multipart("mixed", [
        text(body, cs="gb2312", cte="base64"),
        attach("winmail.dat", tn, "application/ms-tnef"),
    ], "_000_NDEFYEX01A7B8C9D0E1F2A3B4C5D6exch01ndefyexamplecn_"))
    emit("41-tnef-winmail-dat-attachments.eml", m, {
        "action": "forward", "scenario": "hardware_change",
        "why": "Exchange/Outlook rich text: the plain body carries the fields, the three files are only inside winmail.dat (application/ms-tnef, GBK titles plus Unicode long names)."}, nl="\r\n")

    # 42: customer's mail attached as .eml with Content-Type application/octet-stream
    inner_body = """吴工您好：

我们需要把iMC平台里的一部分授权（EIA 200用户）解绑，迁到灾备中心的服务器使用，其余不变。

最终用户单位：贵州省大数据发展管理局数据中心
联系人：龙海燕
电话：0851-8668 2031
授权码：H6JK-9LZX-3CVB-7NMQ-1WER
需要解绑的序列号：EIA20240105033

原License文件和盖章的解绑定专用承诺书在附件。

龙海燕
"""
    inner = mail([
        ("From", addr("龙海燕", "longhy@gzdsj.example.gov.cn")),
        ("To", addr("吴涛", "wutao@qianyun-it.example.cn")),
        ("Subject", ew("iMC授权解绑申请")),
        ("Date", D(28, 10, 20)),
        ("Message-ID", "<2026112810201166.31@gzdsj.example.gov.cn>"),
    ], multipart("mixed", [
        text(inner_body, cte="base64"),
        attach("原License文件.lic", licfile("iMC PLAT 7.5 + EIA", "H6JK-9LZX-3CVB-7NMQ-1WER", "k42"), CT_BIN, mode="2047"),
        attach("解绑定专用承诺书_盖章.pdf", letter_pdf("unbind", "Guizhou Big Data Bureau", "k42l"), CT_PDF, mode="2047"),
    ], "----=_Part_42_inner_1764296400"))
    body = """您好，

客户的原始邮件见附件（.eml），是iMC License解绑申请，材料都在客户邮件里，请处理。

代理商工程师：吴涛（贵州黔云信息技术有限公司）
联系方式：138 8502 7719

吴涛
"""
    m = mail([
        ("From", addr("吴涛", "wutao@qianyun-it.example.cn")),
        ("To", MBOX),
        ("Subject", ew("转发客户邮件：iMC授权解绑申请（贵州大数据局）")),
        ("Date", D(30, 14, 48)),
        ("Message-ID", "<20261130144802.9911@qianyun-it.example.cn>"),
        ("X-Mailer", "Foxmail 7.2.25.375[cn]"),
    ], multipart("mixed", [
        text(body, cte="base64"),
        attach("客户原邮件-iMC授权解绑申请.eml", ser(inner), CT_BIN, mode="2047"),
    ], "----=_NextPart_656C1F80_2B3C4D5E_6F708192"))
    emit("42-customer-mail-as-eml-octet-stream.eml", m, {
        "action": "forward", "scenario": "unbind", "notes": ["from_forwarded"],
        "why": "Reseller attaches the customer's original mail as '客户原邮件….eml' with Content-Type application/octet-stream; end-user fields and both files are inside it, reseller details on top."})

    # 43: host-information file content pasted into the body (CAMS)
    pasted = hostinfo("CAMS-SRV-NEW", "k43new", product="CAMS 3.60 (E0309)", os_="Red Hat Enterprise Linux 7.9", customer="Shenyang Jianzhu University", crlf=False).decode()
    body = """您好：

我校CAMS认证服务器更换新机器，申请License硬件变更。

所属产品：CAMS
最终用户单位：沈阳建筑大学网络信息中心
用户联系人：赵永刚
用户联系方式：024-2469 0377
代理商工程师：郝明（辽宁北方网联）
代理商工程师联系方式：135 0400 6613
授权码：K1LZ-4XCV-7BNM-0QWE-3RTY

新服务器的主机信息文件附件发不出去（被邮件系统拦截），内容直接贴在下面：
------------------------------------------------------------
%s------------------------------------------------------------

老服务器的License文件和盖章的承诺书见附件。

赵永刚
""" % pasted
    m = mail([
        ("From", addr("赵永刚", "zhaoyg@sjzu.example.edu.cn")),
        ("To", MBOX),
        ("Subject", ew("CAMS License硬件变更申请（沈阳建筑大学）")),
        ("Date", D(30, 15, 33)),
        ("Message-ID", "<5a6b7c8d.2f.19a7f6d0a11.Coremail.zhaoyg@sjzu.example.edu.cn>"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.13"),
    ], multipart("mixed", [
        text(body, cte="base64"),
        attach("CAMS老服务器License.lic", licfile("CAMS 3.60", "K1LZ-4XCV-7BNM-0QWE-3RTY", "k43"), CT_BIN, mode="2047"),
        attach("H3C业务软件License例外申请及承诺书-盖章.pdf", letter_pdf("hc", "Shenyang Jianzhu University", "k43l"), CT_PDF, mode="2047"),
    ], "----=_Part_43_1764487980"))
    emit("43-hostinfo-content-pasted-cams.eml", m, {
        "action": "forward", "scenario": "hardware_change",
        "notes": ["cams_recollect_host_info"],
        "why": "Coremail; CAMS hardware change where the new server's host-information file is pasted into the body (UniqueID etc.), old licence and stamped letter attached."})


k7()


with open(os.path.join(HERE, "expected.jsonl"), "w", encoding="utf-8") as f:
    for e in EXPECT:
        f.write(json.dumps(e, ensure_ascii=False) + "\n")
print("wrote %d mails" % len(EXPECT))
