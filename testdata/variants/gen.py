#!/usr/bin/env python3
"""Generate the variant request mails in this folder and expected.jsonl.

A second, independent set of customer and reseller mail for `intake check`,
written differently from testdata/mail: other wordings, other clients, other
charsets and encodings. Deterministic: fixed dates, Message-IDs, boundaries
and file contents. Run from anywhere:

    python3 testdata/variants/gen.py

Every .eml is written with CRLF line endings. The expected outcome of each is
what a careful person reading DESIGN.md §1 decides, not what the tool says.
"""

import base64
import binascii
import json
import os
import quopri
import random
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
CRLF = "\r\n"
INTAKE = "intake@example.test"

# ---------------------------------------------------------------------------
# Encoding helpers


def crlf(s):
    """Text with any line endings → CRLF."""
    return s.replace("\r\n", "\n").replace("\r", "\n").replace("\n", CRLF)


def b64lines(data):
    s = base64.b64encode(data).decode("ascii")
    return CRLF.join(s[i:i + 76] for i in range(0, len(s), 76)) + CRLF


def qp(text, charset):
    """Quoted-printable of text in charset, CRLF line breaks kept as breaks."""
    raw = text.replace("\r\n", "\n").encode(charset)
    out = quopri.encodestring(raw).decode("ascii")
    return crlf(out) if out.endswith("\n") else crlf(out) + CRLF


def words(text, charset, enc="B", budget=45):
    """RFC 2047 encoded words for text, split on character boundaries so
    that no word is longer than 75 characters."""
    out, chunk = [], ""
    for ch in text:
        if chunk and len((chunk + ch).encode(charset)) > budget:
            out.append(word(chunk, charset, enc))
            chunk = ""
        chunk += ch
    if chunk:
        out.append(word(chunk, charset, enc))
    return out


def word(text, charset, enc="B"):
    raw = text.encode(charset)
    if enc == "B":
        return "=?%s?B?%s?=" % (charset, base64.b64encode(raw).decode("ascii"))
    q = []
    for b in raw:
        if b == 0x20:
            q.append("_")
        elif 33 <= b <= 126 and chr(b) not in "=?_\"(),.:;<>@[\\]":
            q.append(chr(b))
        else:
            q.append("=%02X" % b)
    return "=?%s?Q?%s?=" % (charset, "".join(q))


def hdr_words(text, charset, enc="B", budget=45):
    """A header value of encoded words, folded one word a line."""
    return (CRLF + " ").join(words(text, charset, enc, budget))


def pct(text, charset):
    return "".join(chr(b) if b < 0x80 and (chr(b).isalnum() or chr(b) in "-._") else "%%%02X" % b
                   for b in text.encode(charset))


def rfc2231(param, text, charset, split=None):
    """param*=charset''%XX, or continuations param*0*=…; param*1*=… cut
    every split bytes of the percent-encoded value (possibly inside a
    multi-byte character, as some clients do)."""
    enc = pct(text, charset)
    if not split:
        return "%s*=%s''%s" % (param, charset, enc)
    toks, i = [], 0
    while i < len(enc):
        n = 3 if enc[i] == "%" else 1
        toks.append(enc[i:i + n])
        i += n
    parts, cur = [], ""
    for t in toks:
        if len(cur) + len(t) > split:
            parts.append(cur)
            cur = ""
        cur += t
    parts.append(cur)
    out = []
    for k, p in enumerate(parts):
        pre = "%s''" % charset if k == 0 else ""
        out.append("%s*%d*=%s%s" % (param, k, pre, p))
    return (";" + CRLF + " ").join(out)


# ---------------------------------------------------------------------------
# MIME building. A part is (header lines, body text already encoded).


def part(headers, body):
    return CRLF.join(headers) + CRLF + CRLF + body


def text_part(text, ctype="text/plain", charset="utf-8", cte="base64", extra=()):
    cs_label = charset
    py = {"gb2312": "gbk", "x-gbk": "gbk"}.get(charset.lower(), charset)
    headers = ['Content-Type: %s; charset="%s"' % (ctype, cs_label)]
    if cte == "base64":
        body = b64lines(crlf(text).encode(py))
    elif cte == "quoted-printable":
        body = qp(text, py)
    elif cte in ("8bit", "7bit"):
        body = crlf(text)
        if not body.endswith(CRLF):
            body += CRLF
        body = body.encode(py).decode("latin-1")  # bytes carried as-is
    else:
        raise ValueError(cte)
    headers.append("Content-Transfer-Encoding: " + cte)
    headers.extend(extra)
    return part(headers, body)


def file_part(ctype_line, disp_line, data, extra=()):
    headers = ["Content-Type: " + ctype_line, "Content-Transfer-Encoding: base64"]
    if disp_line:
        headers.append("Content-Disposition: " + disp_line)
    headers.extend(extra)
    return part(headers, b64lines(data))


def attach(name, data, ctype, style="plain", charset="utf-8", split=None, disp="attachment"):
    """A file part named the way a given client names files:
    plain    name="x" / filename="x" (ASCII names)
    ew       name="=?cs?B?…?=" in both (Outlook, Foxmail, NetEase)
    ew-ct    name="=?cs?B?…?=" in Content-Type only, no disposition filename
    2231     name*= / filename*=cs''%XX (Thunderbird, Apple Mail)
    2231c    RFC 2231 continuations (filename*0*=…; filename*1*=…)
    """
    if style == "plain":
        ct = '%s; name="%s"' % (ctype, name)
        dp = '%s; filename="%s"' % (disp, name)
    elif style in ("ew", "ew-ct"):
        w = " ".join(words(name, charset, "B"))  # long names split into several words, as Outlook does
        ct = '%s;%s\tname="%s"' % (ctype, CRLF, w)
        dp = '%s;%s\tfilename="%s"' % (disp, CRLF, w) if style == "ew" else disp
    elif style == "2231":
        ct = "%s;%s %s" % (ctype, CRLF, rfc2231("name", name, charset))
        dp = "%s;%s %s" % (disp, CRLF, rfc2231("filename", name, charset))
    elif style == "2231c":
        ct = "%s;%s %s" % (ctype, CRLF, rfc2231("name", name, charset, split or 30))
        dp = "%s;%s %s" % (disp, CRLF, rfc2231("filename", name, charset, split or 30))
    else:
        raise ValueError(style)
    return file_part(ct, dp, data)


def multipart(subtype, parts, boundary, preamble=None, params=""):
    head = 'Content-Type: multipart/%s;%s\tboundary="%s"%s' % (subtype, CRLF, boundary, params)
    body = ""
    if preamble:
        body += preamble + CRLF + CRLF
    for p in parts:
        body += "--" + boundary + CRLF + p
        if not p.endswith(CRLF):
            body += CRLF
    body += "--" + boundary + "--" + CRLF
    return head, body


def message(headers, content):
    """headers: list of 'Name: value' (values may be folded with CRLF);
    content: a part string (its own Content-* headers, blank line, body) or
    a (content-type header, body) pair from multipart()."""
    if isinstance(content, tuple):
        ct, body = content
        lines = list(headers) + [ct]
        return CRLF.join(lines) + CRLF + CRLF + body
    head, _, body = content.partition(CRLF + CRLF)
    return CRLF.join(list(headers) + head.split(CRLF)) + CRLF + CRLF + body


# ---------------------------------------------------------------------------
# Tiny but valid files.


def rng(seed):
    return random.Random(seed)


def license_text(product, code, seed):
    r = rng(seed)
    blob = base64.b64encode(bytes(r.randrange(256) for _ in range(300))).decode()
    lines = [blob[i:i + 64] for i in range(0, len(blob), 64)]
    return crlf(
        "H3C Software License Activation File\n"
        "Format-Version: 2.1\n"
        "Product: %s\n"
        "Authorization-Code: %s\n"
        "Issued: 2023-05-18\n"
        "-----BEGIN ACTIVATION DATA-----\n%s\n-----END ACTIVATION DATA-----\n"
        % (product, code, "\n".join(lines))).encode("ascii")


def license_bin(seed):
    r = rng(seed)
    return b"H3CAK\x02\x00\x01" + struct.pack("<I", 232) + bytes(r.randrange(256) for _ in range(232))


def host_info(host, hostid, seed, product="iMC", section=True, comment=True):
    r = rng(seed)
    mac = "-".join("%02X" % r.randrange(256) for _ in range(6))
    disk = "".join(r.choice("0123456789ABCDEF") for _ in range(12))
    s = ""
    if comment:
        s += "; %s host information file\n; collected by the product registration page\n" % product
    if section:
        s += "[HostInfo]\n"
    s += ("Product=%s\nHostName=%s\nOS=Windows Server 2019 Standard\n"
          "CPU=Intel(R) Xeon(R) Silver 4314 CPU @ 2.40GHz\nMAC=%s\nDiskSerial=%s\nHostID=%s\n"
          % (product, host, mac, disk, hostid))
    return crlf(s).encode("ascii")


def pdf(lines):
    """A one-page PDF with the given text lines (ASCII)."""
    esc = [l.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for l in lines]
    stream = "BT /F1 12 Tf 60 780 Td 16 TL\n" + "".join("(%s) Tj T*\n" % l for l in esc) + "ET\n"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        "<< /Length %d >>\nstream\n%sendstream" % (len(stream), stream),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out.encode("latin-1")))
        out += "%d 0 obj\n%s\nendobj\n" % (i, o)
    xref = len(out.encode("latin-1"))
    out += "xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += "".join("%010d 00000 n \n" % o for o in offs)
    out += "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out.encode("latin-1")


def jpeg(comment, w=16, h=16):
    """A baseline grayscale JPEG of flat grey: one-symbol Huffman tables,
    every block DC 0 and EOB (valid, decodable)."""
    def seg(marker, payload):
        return b"\xff" + bytes([marker]) + struct.pack(">H", len(payload) + 2) + payload
    app0 = seg(0xE0, b"JFIF\x00\x01\x01\x01\x00\x96\x00\x96\x00\x00")
    com = seg(0xFE, comment.encode("ascii"))
    dqt = seg(0xDB, b"\x00" + bytes([8] * 64))
    sof = seg(0xC0, b"\x08" + struct.pack(">HH", h, w) + b"\x01\x01\x11\x00")
    dht_dc = seg(0xC4, b"\x00" + bytes([1] + [0] * 15) + b"\x00")
    dht_ac = seg(0xC4, b"\x10" + bytes([1] + [0] * 15) + b"\x00")
    sos = seg(0xDA, b"\x01\x01\x00\x00\x3f\x00")
    blocks = ((w + 7) // 8) * ((h + 7) // 8)
    bits = "00" * blocks
    bits += "1" * (-len(bits) % 8)
    data = bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))
    data = data.replace(b"\xff", b"\xff\x00")
    return b"\xff\xd8" + app0 + com + dqt + sof + dht_dc + dht_ac + sos + data + b"\xff\xd9"


def png(w=24, h=16, seed=1):
    r = rng(seed)
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    raw = b"".join(b"\x00" + bytes(230 + r.randrange(20) for _ in range(w)) for _ in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + chunk(b"tEXt", b"Comment\x00stamped commitment letter scan")
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def tiff(w=16, h=16, seed=2):
    """A little-endian, uncompressed 8-bit greyscale TIFF."""
    r = rng(seed)
    pixels = bytes(220 + r.randrange(30) for _ in range(w * h))
    entries = [
        (256, 3, 1, w), (257, 3, 1, h), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
        (273, 4, 1, 0), (277, 3, 1, 1), (278, 3, 1, h), (279, 4, 1, len(pixels)),
    ]
    ifd_off = 8
    data_off = ifd_off + 2 + 12 * len(entries) + 4
    ifd = struct.pack("<H", len(entries))
    for tag, typ, cnt, val in entries:
        if tag == 273:
            val = data_off
        if typ == 3:
            ifd += struct.pack("<HHIHH", tag, typ, cnt, val, 0)
        else:
            ifd += struct.pack("<HHII", tag, typ, cnt, val)
    ifd += struct.pack("<I", 0)
    return b"II*\x00" + struct.pack("<I", ifd_off) + ifd + pixels


def ole_doc(seed):
    """The start of a Word 97 (.doc) compound file: a blank template."""
    r = rng(seed)
    head = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
    head += bytes(512 - len(head))
    return head + bytes(r.randrange(256) for _ in range(1024))


def zip_file(entries, utf8_flag=False):
    """A deflated .zip; names are given as bytes and written as they are,
    with the UTF-8 flag only when utf8_flag (Chinese Windows archivers
    write GBK names without it)."""
    local, central, off = b"", b"", 0
    dostime, dosdate = (9 << 11) | (30 << 5), ((2026 - 1980) << 9) | (11 << 5) | 23
    flags = 0x800 if utf8_flag else 0
    for name, data in entries:
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        comp = c.compress(data) + c.flush()
        crc = zlib.crc32(data) & 0xffffffff
        lh = struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, flags, 8, dostime, dosdate, crc,
                         len(comp), len(data), len(name), 0) + name
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014b50, 20, 20, flags, 8, dostime, dosdate,
                               crc, len(comp), len(data), len(name), 0, 0, 0, 0, 0x20, off) + name
        local += lh + comp
        off += len(lh) + len(comp)
    end = struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, len(entries), len(entries), len(central), off, 0)
    return local + central + end


LETTER_PDF = pdf(["H3C License Exception Application and Commitment Letter",
                  "[stamped scan - company seal]", "Date: 2026-11-20"])
UNBIND_PDF = pdf(["H3C License Exception Application and Commitment Letter (unbind only)",
                  "[stamped scan - company seal]", "Date: 2026-11-21"])
INVOICE_PDF = pdf(["Summit IT Services GmbH - Invoice INV-2026-1187", "Amount due: EUR 4,380.00"])

# ---------------------------------------------------------------------------
# Our own replies, as customers quote them (rendered from config.yaml's
# templates by hand: they are mail we sent, not rules).

HW_NAMES = [
    ("最终用户单位名称", "End-user organisation"),
    ("用户联系人", "End-user contact person"),
    ("用户联系方式", "End-user phone or e-mail"),
    ("代理商工程师姓名", "Reseller engineer's name"),
    ("代理商工程师联系方式", "Reseller engineer's phone or e-mail"),
    ("老服务器的License文件或主机信息文件", "Old server's license file or host information file"),
    ("新服务器的主机信息文件", "New server's host information file"),
    ("客户单位盖章的《H3C业务软件License例外申请及承诺书》",
     'The commitment letter ("License exception application and commitment letter"), stamped by the customer'),
]


def our_request_reply_hw(customer, case):
    zh_recv = "\n".join("- " + z for z, _ in HW_NAMES)
    en_recv = "\n".join("- " + e for _, e in HW_NAMES)
    return (
        "%s，您好：\n\n"
        "我们已收到您的License硬件变更申请（案例编号 %s）。为提交H3C工程师处理，还需要以下材料：\n\n"
        "1. 授权码（License Key）\n"
        "   请写明之前注册（或需要变更）的授权码，例如“授权码：XXXX-XXXX-XXXX”。\n\n"
        "已收到：\n%s\n\n"
        "请直接回复本邮件并附上以上材料（请保留主题中的案例编号），材料齐全后我们会立即转交工程师。\n\n"
        "License Intake（自动回复）\n\n"
        "----------------------------------------------------------------\n\n"
        "Hello %s,\n\n"
        "We have received your License hardware change request (case %s). Before it can go to the engineers we still need:\n\n"
        "1. Authorization code (License Key)\n"
        "   Please write the authorization code registered before (or the one to change), e.g. \"Auth code: XXXX-XXXX-XXXX\"\n\n"
        "Received:\n%s\n\n"
        "Please reply to this mail with these materials (keep the case number in the subject); once the case is complete it goes to the engineers at once.\n\n"
        "License Intake (automatic reply)\n"
        % (customer, case, zh_recv, customer, case, en_recv))


def our_ask_reply(customer, case):
    return (
        "%s，您好：\n\n"
        "我们已收到您的邮件（案例编号 %s），但无法判断您需要办理哪一种License例外申请。请回复本邮件说明适用以下哪一种，并附上对应材料：\n\n"
        "1. License找回：激活文件丢失，需要找回。\n"
        "   所需材料：客户局点名称；授权码（License Key）\n\n"
        "2. License硬件变更：服务器硬件信息发生变化或需要更换新服务器，需要将软件授权从老服务器变更到新服务器上。\n"
        "   所需材料：最终用户单位名称；用户联系人；用户联系方式；代理商工程师姓名；代理商工程师联系方式；授权码（License Key）；"
        "老服务器的License文件或主机信息文件；新服务器的主机信息文件；客户单位盖章的《H3C业务软件License例外申请及承诺书》\n\n"
        "3. License解绑：需要将部分授权与服务器解除绑定，以便在别的服务器上使用（仅限部分授权迁移）。\n"
        "   所需材料：最终用户单位名称；用户联系人；用户联系方式；代理商工程师姓名；代理商工程师联系方式；授权码（License Key）；"
        "老服务器的License文件或主机信息文件；客户单位盖章的《H3C业务软件License例外申请及承诺书（解绑定专用）》\n\n"
        "License Intake（自动回复）\n\n"
        "----------------------------------------------------------------\n\n"
        "Hello %s,\n\n"
        "We have received your mail (case %s) but could not tell which license exception you need. Please reply saying which of these applies, with its materials:\n\n"
        "1. License recovery: The activation file is lost and must be found again.\n"
        "   Materials: Customer site name; Authorization code (License Key)\n\n"
        "2. License hardware change: The server hardware changed or the server is replaced; the license moves from the old server to the new one.\n"
        "   Materials: End-user organisation; End-user contact person; End-user phone or e-mail; Reseller engineer's name; "
        "Reseller engineer's phone or e-mail; Authorization code (License Key); Old server's license file or host information file; "
        "New server's host information file; The commitment letter, stamped by the customer\n\n"
        "3. License unbind: Part of a license is unbound from a server so that it can be used on another one (part of the serials only).\n"
        "   Materials: End-user organisation; End-user contact person; End-user phone or e-mail; Reseller engineer's name; "
        "Reseller engineer's phone or e-mail; Authorization code (License Key); Old server's license file or host information file; "
        "The unbind-only commitment letter, stamped by the customer\n\n"
        "License Intake (automatic reply)\n"
        % (customer, case, customer, case))


def html_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_paras(text):
    """Plain text → Outlook-ish HTML paragraphs."""
    out = []
    for para in text.strip("\n").split("\n\n"):
        out.append('<p class="MsoNormal">%s<o:p></o:p></p>' % "<br>\n".join(html_escape(l) for l in para.split("\n")))
    return "\n".join(out)


OUTLOOK_HEAD = ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
                'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">\n'
                '<head><meta http-equiv="Content-Type" content="text/html; charset=%s">\n'
                '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
                '<style><!--\np.MsoNormal, li.MsoNormal {margin:0cm; font-size:11.0pt; font-family:DengXian;}\n'
                'table.MsoTableGrid {border-collapse:collapse;}\n--></style></head>\n'
                '<body lang="ZH-CN" link="#0563C1" vlink="#954F72"><div class="WordSection1">\n')
OUTLOOK_TAIL = "\n</div></body></html>\n"

# ---------------------------------------------------------------------------
# The mails. Each entry: file name, bytes, expected outcome.

MAILS = []


def add(name, raw, action, scenario="", missing=(), notes=(), reason=None, why=""):
    if isinstance(raw, str):
        raw = raw.encode("latin-1")  # 8-bit bodies are carried as latin-1 characters
    exp = {"file": name, "action": action, "scenario": scenario, "missing": list(missing), "notes": list(notes)}
    if reason:
        exp["reason"] = reason
    exp["why"] = why
    MAILS.append((name, raw, exp))


def received(host, ip, qid, date):
    return ("Received: from %s (%s [%s])%s\tby mx.example.test (Postfix) with ESMTPS id %s%s\tfor <%s>; %s"
            % (host, host, ip, CRLF, qid, CRLF, INTAKE, date))


def base_headers(frm, subject, date, msgid, host, ip, qid, to=INTAKE, extra=(), return_path=None):
    rp = return_path if return_path is not None else "<%s>" % frm.split("<")[-1].rstrip(">").strip()
    h = ["Return-Path: " + rp, received(host, ip, qid, date), "From: " + frm, "To: " + to,
         "Subject: " + subject, "Date: " + date, "Message-ID: " + msgid, "MIME-Version: 1.0"]
    h.extend(extra)
    return h


def u8(s):
    """A str holding UTF-8 bytes as latin-1 characters, for 8bit parts."""
    return s.encode("utf-8").decode("latin-1")


# ===========================================================================
# Recovery


def m01():
    date = "Mon, 23 Nov 2026 08:12:44 +1000"
    text = """Hello,

After last night's maintenance window the system disk of our iMC server was
re-imaged, and the activation file was wiped along with it. We do not have a
backup copy. Could you please send us the activation file again so we can
import it? The server hardware has not changed: same machine, same host ID.

Customer: Harbour City Water Authority (Data Centre 2)
License key: IMC-PLAT-5KQ2-8WZT-41HD

Regards,
Martin Hughes
Systems Engineer | Harbour City Water Authority
"""
    html = OUTLOOK_HEAD % "us-ascii" + html_paras(text) + OUTLOOK_TAIL
    body = multipart("alternative", [text_part(text, charset="us-ascii", cte="quoted-printable"),
                                     text_part(html, "text/html", "us-ascii", "quoted-printable")],
                     "_000_SY4P282MB1043B2E1A1C2D3E4F5A6B7C8D9SY4P282MB1043AUSP_")
    h = base_headers("Martin Hughes <m.hughes@harbourwater.example>",
                     "iMC activation file wiped - need a copy", date,
                     "<SY4P282MB1043B2E1A1C2D3E4F5A6B7C8D9@SY4P282MB1043.AUSP282.PROD.OUTLOOK.COM>",
                     "mail-sy4aus01on2101.outbound.protection.outlook.example", "40.107.107.101", "4GkQ1b2Lm3z9a", date,
                     extra=["Thread-Topic: iMC activation file wiped - need a copy",
                            "Thread-Index: AdtdZ1k2v9m0cQ3hQ0ylb9W8o1d2Aw==", "Content-Language: en-AU",
                            "X-MS-Has-Attach:", "X-Mailer: Microsoft Outlook 16.0"])
    add("01-recovery-activation-wiped-en.eml", message(h, body), "forward", "recovery",
        why="English recovery request that never says lost/recover: the activation file was 'wiped' and they ask to have it 'sent again'; 'Customer:' gives the site and 'License key:' the code.")


def m02():
    date = "Mon, 23 Nov 2026 21:40:03 +0100"
    text = """Hi there,

the RAID controller in our monitoring server died and took both disks with it.
We rebuilt the box on the same hardware, but the iMC license file is lost and
we have no copy. Can you re-issue it?

License key: IMC-PLAT-9RT4-2MXC-7YBE

Thanks
Tom
"""
    body = text_part(text, charset="UTF-8", cte="7bit").replace(
        'Content-Type: text/plain; charset="UTF-8"', "Content-Type: text/plain; charset=UTF-8; format=flowed", 1)
    h = base_headers("Tom Becker <tom.becker.it@mailbox.example>", "Lost license file after RAID failure", date,
                     "<CAO4q8vN2xk9Lw0TzQ7fPp3Hh6dR1yB5mE8sJ0aQ2c@mail.mailbox.example>",
                     "mail-yw1-f180.mailbox.example", "209.85.128.180", "4GkR7c1Ndzz3k", date,
                     extra=["User-Agent: K-9 Mail for Android"])
    add("02-recovery-raid-no-site-en.eml", message(h, body), "request_materials", "recovery", ["site_name"],
        why="Recovery (license file lost, asks to re-issue) with a 'License key:' line but no customer or site name anywhere.")


def m03():
    date = "Tue, 24 Nov 2026 09:05:18 +0800"
    text = """您好：

本院網管伺服器上的iMC授權檔案不見了（疑似系統更新時被覆蓋），目前系統顯示未授權，請協助重新提供授權檔案。

客戶名稱：福爾摩沙醫療財團法人台中分院
授權碼：IMC-PLAT-3TWQ-6HNA-88KD

謝謝！
陳怡君
資訊室
"""
    body = text_part(text, charset="big5", cte="base64")
    h = base_headers("%s <yichun.chen@formosa-med.example>" % word("陳怡君", "big5"),
                     hdr_words("iMC授權檔案不見了，請協助處理", "big5"), date,
                     "<000001dc5d12$7b3e9a40$71bacec0$@formosa-med.example>",
                     "mail.formosa-med.example", "203.0.113.21", "4GkS0d8Pqwz1m", date,
                     extra=["X-Mailer: Microsoft Outlook 16.0", "Content-Language: zh-tw",
                            "Thread-Index: AdtdEns+mkBxus7AQWq3m2vN0p1x9g=="])
    add("03-recovery-tw-big5.eml", message(h, body), "forward", "recovery",
        why="Traditional Chinese (Big5, Taiwan wording) recovery: the license file 'disappeared' (不見了) and they ask to have it provided again; 客戶名稱 and 授權碼 are given.")


def m04():
    date = "Tue, 24 Nov 2026 10:26:51 +0800"
    text = """您好，

我单位iMC服务器上的License激活文件因误操作被删除，现申请找回。

使用单位：武汉市江夏区政务服务数据中心
授权码：IMC-PLAT-7M3D-Q2WE-5LNV

联系人：赵磊 13971234567
"""
    body = text_part(text, charset="GBK", cte="base64")
    h = base_headers("%s <zhaolei@jxzwy.example>" % word("赵磊", "GBK"),
                     hdr_words("License找回申请——江夏区政务服务数据中心", "GBK"), date,
                     "<202611241026513286712@jxzwy.example>", "smtp.jxzwy.example", "198.51.100.23", "4GkS3h2Rtmz5n", date,
                     extra=["X-Priority: 3", "X-GUID: 3F2C1A7E-9B4D-4E61-8A0C-2D5B7E9F1C33",
                            "X-Has-Attach: no", "X-Mailer: Foxmail 7.2.25.254[cn]"])
    add("04-recovery-gbk-shiyong-danwei.eml", message(h, body), "forward", "recovery",
        why="GBK Foxmail recovery (找回) where the site is given as 使用单位 (the organisation using the software), which is the customer site.")


def m05():
    date = "Tue, 24 Nov 2026 11:48:09 +0800"
    text = """您好！

我们南宁轨道交通运营控制中心的iMC服务器上周重装了操作系统，重装前没有备份，原来的激活文件已经没有了，现在需要重新获取激活文件。服务器硬件没有任何变动。

局点名称：南宁轨道交通运营控制中心
授权码：IMC-PLAT-2GX8-L4RP-9VCW

刘䶮
广西邕信信息技术有限公司
"""
    body = text_part(text, charset="gb18030", cte="base64")
    h = base_headers("%s <liuyan@yongxin-it.example>" % word("刘䶮", "gb18030"),
                     hdr_words("关于iMC激活文件重新获取的请求", "gb18030", "Q", 18), date,
                     "<tencent_5B0C2E8F4A9D1E3C7B6A2F0D8E4C1B9A7F05@qq.example>",
                     "smtpbg.qq.example", "203.0.113.66", "4GkS6k9Vwxz2p", date,
                     extra=["X-QQ-mid: esmtp21t1795937289t3r8q2x1", "X-Mailer: QQMail 2.x"])
    add("05-recovery-gb18030-q-subject.eml", message(h, body), "forward", "recovery",
        why="GB18030 mail (Q-encoded subject, a 4-byte GB18030 character in the name): the activation file is 'gone' after a reinstall and must be 'obtained again' — recovery, with 局点名称 and 授权码.")


def m06():
    date = "Tue, 24 Nov 2026 14:02:37 +0800"
    text = """您好，
我们的iMC License文件丢失了，麻烦帮忙找回一下。
客户局点名称：成都高新区社区卫生服务中心
授权码为：IMC-PLAT-8HJ3-K6TR-2QPW
谢谢
"""
    html = ('<div>您好，</div><div>我们的iMC License文件丢失了，麻烦帮忙找回一下。</div>'
            '<div>客户局点名称：成都高新区社区卫生服务中心</div><div>授权码为：IMC-PLAT-8HJ3-K6TR-2QPW</div>'
            '<div>谢谢</div>')
    body = multipart("alternative", [text_part(text, charset="utf-8", cte="base64"),
                                     text_part(html, "text/html", "utf-8", "base64")],
                     "----=_NextPart_6561A7C2_0B8E4F10_3D27A5E9")
    h = base_headers("%s <2865301147@qq.example>" % word("李婷", "utf-8"),
                     hdr_words("License文件丢失需要找回", "utf-8"), date,
                     "<tencent_9C4A1E7B2D6F3A8C5E0B1D4F7A2C9E6B3D08@qq.example>",
                     "smtpbg.qq.example", "203.0.113.67", "4GkS9m3Xyzz6q", date,
                     extra=["X-QQ-mid: esmtp22t1795946557t7k2m9w4", "X-Mailer: QQMail 2.x"])
    add("06-recovery-authcode-wei-zh.eml", message(h, body), "forward", "recovery",
        why="QQ Mail recovery (丢失/找回) with 客户局点名称 and the code written as '授权码为：…', a common Chinese way of labelling it.")


# ===========================================================================
# Hardware change


def m07():
    date = "Mon, 23 Nov 2026 16:31:09 -0500"
    text = """Hello License team,

Our customer Bayside Port Authority is retiring their iMC server. We need to
rehost the license onto a replacement box (a Dell R660 that is already racked
and running iMC).

Customer:
Company: Bayside Port Authority
Name: Ellen Marsh
Phone: +1 555 0142 7781

Reseller:
Company: Delta Integrators Inc.
Name: Raj Patel
Mobile: +1 555 0199 2304

Authorization code - IMC-PLAT-6DN2-TT8X-4KQM

Attached: the license file from the old server, the host info of the
replacement server, and the commitment letter signed and stamped by Bayside.

Best regards,
Raj Patel
Delta Integrators Inc.
"""
    parts = [text_part(text, charset="UTF-8", cte="7bit").replace('charset="UTF-8"', "charset=UTF-8; format=flowed"),
             attach("bayside-imc-old.lic", license_text("iMC PLAT 7.3", "IMC-PLAT-6DN2-TT8X-4KQM", 7), "application/octet-stream"),
             attach("hostinfo_replacement.txt", host_info("BPA-IMC-02", "8C1F0A72-3D4E-5B6C-9A8B-7E6D5C4B3A21", 7), "text/plain"),
             attach("Commitment_Letter_Bayside_signed.pdf", LETTER_PDF, "application/pdf")]
    body = multipart("mixed", parts, "------------7yHqN3sX0dPz2LkB5vR8wT1a", "This is a multi-part message in MIME format.")
    h = base_headers("Raj Patel <raj.patel@deltaint.example>", "License rehost for Bayside Port Authority - iMC", date,
                     "<5e2a9c17-3b4d-4f60-a1e8-9d7c2b6f0e43@deltaint.example>",
                     "mail.deltaint.example", "198.51.100.77", "4GkT1p5Abcz8r", date,
                     extra=["User-Agent: Mozilla Thunderbird", "Content-Language: en-US"])
    add("07-hardware-change-rehost-sections-en.eml", message(h, body), "forward", "hardware_change",
        why="Reseller asks to 'rehost the license onto a replacement box'; contact data sit under 'Customer:' and 'Reseller:' headings as Company/Name/Phone/Mobile lines; the code is written 'Authorization code - …'; old license, replacement host info and signed letter attached.")


def m08():
    date = "Mon, 23 Nov 2026 15:17:26 +0800"
    text = """您好：

因原服务器硬盘故障，需要将iMC迁移到新服务器，申请License硬件变更，资料如下：

最终用户单位名称：杭州市拱墅区城市管理局
用户联系人：吴敏
用户联系方式：0571-88123456
代理商工程师姓名：孙建国
代理商工程师联系方式：13857112345
授权码（License Key）：IMC-PLAT-4FQ9-W2ZB-7MKC

附件为老服务器主机信息、新服务器主机信息和盖章承诺书扫描件，请查收。

孙建国
杭州中通网络工程有限公司
"""
    parts = [text_part(text, charset="GBK", cte="base64"),
             attach("老服务器主机信息.txt", host_info("GS-IMC-01", "2A7C9E10-4B3D-4F21-8C6A-0D9E8F7A6B51", 81), "text/plain", "ew", "GBK"),
             attach("新服务器主机信息.txt", host_info("GS-IMC-02", "6F0B3D29-7E1C-4A58-9B2D-3C4E5F6A7B80", 82), "text/plain", "ew", "GBK"),
             attach("承诺书盖章扫描件.jpg", jpeg("stamped commitment letter scan"), "image/jpeg", "ew", "GBK")]
    body = multipart("mixed", parts, "----=_001_NextPart582716354108_=----", "This is a multi-part message in MIME format.")
    h = base_headers("%s <sunjg@hzzt-net.example>" % word("孙建国", "GBK"),
                     hdr_words("服务器更换，申请iMC License迁移", "GBK"), date,
                     "<202611231517262961734@hzzt-net.example>", "smtp.hzzt-net.example", "198.51.100.31", "4GkT4r8Cdez1s", date,
                     extra=["X-Priority: 3", "X-GUID: 7A1E3C5B-2D4F-4061-9B8A-C7D6E5F4A3B2",
                            "X-Has-Attach: yes", "X-Mailer: Foxmail 7.2.25.254[cn]"])
    add("08-hardware-change-foxmail-gbk-names.eml", message(h, body), "forward", "hardware_change",
        why="Foxmail in GBK: B-encoded GBK subject, attachment names as RFC 2047 inside name=/filename=, full-width colons and '授权码（License Key）：'; complete.")


def m09():
    date = "Mon, 23 Nov 2026 17:02:48 +0800"
    text = """您好，
东莞华信精密制造有限公司的iMC服务器主板损坏，已更换新的服务器，申请License硬件变更。

最终用户单位名称: 东莞华信精密制造有限公司
用户联系人: 黄志强
用户联系方式: 0769-22881234 / huangzq@hxjm.example
代理商工程师姓名: 林晓东
代理商工程师联系方式: 13612345678
授权码: IMC-PLAT-9QW3-ZE7T-1MNB

附件：原服务器License文件、新服务器主机信息文件、加盖公章的承诺书。
"""
    parts = [text_part(text, charset="GBK", cte="quoted-printable"),
             attach("原服务器License.lic", license_bin(9), "application/octet-stream", "2231", "GBK"),
             attach("新服务器主机信息.txt", host_info("HX-IMC-NEW", "0E4D8C2B-9A1F-4735-B6C2-8D1E0F3A5C97", 91), "text/plain", "2231c", "GBK", 24),
             attach("H3C业务软件License例外申请及承诺书（已盖章）.pdf", LETTER_PDF, "application/pdf", "2231c", "GBK", 40)]
    body = multipart("mixed", parts, "=-=-=__coremail_8Hk2Lq9Vw3xZ__=-=-=")
    h = base_headers("%s <linxd@dgsw-net.example>" % word("林晓东", "GBK"),
                     hdr_words("License硬件变更申请（东莞华信精密制造）", "GBK"), date,
                     "<6f3a1c2e.8d41.18c7b2a9e10.Coremail.linxd@dgsw-net.example>",
                     "mail.dgsw-net.example", "198.51.100.32", "4GkT7t1Efgz4u", date,
                     extra=["X-Mailer: Coremail Webmail Server Version XT5.0.13 build 20210104(ab8c30b6)",
                            "X-Originating-IP: [198.51.100.32]", "X-CM-TRANSID:AQAAf0Dw5Q2tB3xlR6kAAA--.31725S2"])
    add("09-hardware-change-rfc2231-gbk.eml", message(h, body), "forward", "hardware_change",
        why="Coremail mail with GBK quoted-printable text and RFC 2231 file names in GBK (filename*=GBK''…, and continuations cut inside a character); complete.")


def outlook_table_html(rows, header=None, charset="utf-8", intro="", outro="", cols=None):
    cell = '<td width="%d" valign="top" style="border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal">%s<o:p></o:p></p></td>'
    th = '<td width="%d" valign="top" style="border:solid windowtext 1.0pt;background:#D9E2F3;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal"><b>%s</b><o:p></o:p></p></td>'
    out = [OUTLOOK_HEAD % charset, intro,
           '<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none">', "<tbody>"]
    if header:
        out.append("<tr>" + "".join(th % (180, html_escape(c)) for c in header) + "</tr>")
    for r in rows:
        out.append("<tr>" + "".join(cell % (180, html_escape(c)) for c in r) + "</tr>")
    out += ["</tbody></table>", outro, OUTLOOK_TAIL]
    return "\n".join(out)


def m10():
    date = "Tue, 24 Nov 2026 09:44:15 +0800"
    rows = [("最终用户单位名称", "华东电力设计院有限公司"), ("用户联系人", "钱晓峰"), ("用户联系方式", "021-62345678"),
            ("代理商工程师姓名", "周立"), ("代理商工程师联系方式", "18917654321"),
            ("需要变更的授权码", "IMC-PLAT-3ZK7-B8QD-6WHF"), ("所属产品", "iMC PLAT 7.3 (E0706)")]
    intro_t = "各位好，\n\n华东电力设计院的iMC服务器需要更换新服务器，申请License硬件变更，信息如下：\n"
    outro_t = "附件为老服务器License文件、新服务器主机信息文件及盖章承诺书。\n\n周立\n上海东联网络系统有限公司\n"
    plain = intro_t + "\n项目\t内容\t\n" + "".join("%s\t%s\t\n" % r for r in rows) + "\n" + outro_t
    html = outlook_table_html(rows, ("项目", "内容"), intro=html_paras(intro_t), outro=html_paras(outro_t))
    alt = multipart("alternative", [text_part(plain, charset="utf-8", cte="base64"),
                                    text_part(html, "text/html", "utf-8", "base64")],
                    "----=_NextPart_001_0042_01DC5DF2.1A2B3C40")
    alt_part = alt[0] + CRLF + CRLF + alt[1]
    parts = [alt_part,
             attach("iMC_License_old.ak", license_bin(10), "application/octet-stream"),
             attach("新服务器主机信息.txt", host_info("HDY-IMC-NEW", "9B2C4D6E-1F3A-4B5C-8D7E-6F5A4B3C2D10", 101), "text/plain", "ew", "utf-8"),
             attach("承诺书（盖章版）.pdf", LETTER_PDF, "application/pdf", "ew", "utf-8")]
    body = multipart("mixed", parts, "----=_NextPart_000_0041_01DC5DF2.1A2B3C40", "This is a multipart message in MIME format.")
    h = base_headers("%s <zhouli@dlwl-sys.example>" % word("周立", "utf-8"),
                     hdr_words("License硬件变更-华东电力设计院", "utf-8"), date,
                     "<004101dc5df2$1a2b3c40$4e81b4c0$@dlwl-sys.example>", "mail.dlwl-sys.example", "198.51.100.41", "4GkU0v4Ghiz7w", date,
                     extra=["X-Mailer: Microsoft Outlook 16.0", "Thread-Index: AdtdOhorPEDPaGR6Q2WzMC9rXXtYnA==", "Content-Language: zh-cn"])
    add("10-hardware-change-outlook-tabs.eml", message(h, body), "forward", "hardware_change",
        why="Outlook mail whose table became 'label<TAB>value<TAB>' lines in the text part (header row 项目/内容 included) with the HTML table beside it; complete.")


def m11():
    date = "Tue, 24 Nov 2026 10:03:55 +0800"
    text = """Dear Sir/Madam,

We have replaced our iMC server and would like to transfer the license to the
new server. Please find the requested details below.

End user organisation

Pacific Rim Shipping Ltd.

Contact person

Priya Nair

Contact number

+65 6555 0193

Reseller engineer

Daniel Tan (Lion City Networks)

Reseller contact number

+65 9555 0148

License Key

IMC-PLAT-8PL2-MX4R-3TNS

The old server's license file, the host information file of the new server and
the stamped commitment letter (PDF) are attached.

Kind regards,
Priya Nair
IT Operations Manager
"""
    parts = [text_part(text, charset="us-ascii", cte="7bit"),
             attach("old_server_license.lic", license_text("iMC PLAT 7.3", "IMC-PLAT-8PL2-MX4R-3TNS", 11), "application/octet-stream"),
             attach("new_server_hostinfo.txt", host_info("PRS-IMC-NEW", "3D5F7A9B-2C4E-4618-A0B2-C4D6E8F0A1B3", 111), "text/plain"),
             attach("Commitment Letter - stamped.pdf", LETTER_PDF, "application/pdf")]
    body = multipart("mixed", parts, "_004_SG2PR06MB3114A7B6C5D4E3F2SG2PR06MB3114apcp_", "")
    h = base_headers("Priya Nair <priya.nair@pacrim-ship.example>",
                     "Request: license transfer to new server (iMC) - Pacific Rim Shipping", date,
                     "<SG2PR06MB3114A7B6C5D4E3F2A1B0C9D8@SG2PR06MB3114.apcprd06.prod.outlook.example>",
                     "mail-sg2apc01on2050.outbound.protection.outlook.example", "40.107.215.50", "4GkU3x7Jklz0y", date,
                     extra=["Thread-Topic: Request: license transfer to new server (iMC) - Pacific Rim Shipping",
                            "Content-Language: en-SG", "X-Mailer: Microsoft Outlook 16.0"])
    add("11-hardware-change-label-next-line-en.eml", message(h, body), "forward", "hardware_change",
        why="Plain text made from a table: each English label alone on its line, its value on the next (blank lines between); replaced server, complete.")


def html_only(frm, subject, date, msgid, host, ip, qid, html, charset, atts, boundary, extra=()):
    parts = [text_part(html, "text/html", charset, "base64")] + atts
    body = multipart("mixed", parts, boundary, "This is a multipart message in MIME format.")
    h = base_headers(frm, subject, date, msgid, host, ip, qid, extra=list(extra))
    return message(h, body)


def m12():
    date = "Tue, 24 Nov 2026 11:20:33 +0800"
    rows = [("最终用户单位名称", "山东交通职业学院网络中心"), ("用户联系人", "郑海涛"), ("用户联系方式", "0531-80687654"),
            ("代理商工程师姓名", "曲向东"), ("代理商工程师联系方式", "15165012345"),
            ("授权码", "IMC-PLAT-5VB6-N3XQ-8RJT"), ("所属产品", "iMC")]
    intro = html_paras("您好：\n\n我校网络中心iMC服务器已到报废年限，需更换服务器，现申请License硬件变更，相关信息见下表，"
                       "附件为旧服务器主机信息文件、新服务器主机信息文件和盖章承诺书。")
    html = outlook_table_html(rows, ("材料", "内容"), charset="gb2312", intro=intro, outro=html_paras("郑海涛"))
    atts = [attach("旧服务器主机信息.txt", host_info("SDJT-NMS-01", "4E6A8C0D-3B5F-4719-B1D3-E5F7A9C1E2D4", 121), "text/plain", "ew", "gb2312"),
            attach("新服务器主机信息.txt", host_info("SDJT-NMS-02", "7A9C1E3F-5D7B-4A92-C4E6-A8B0C2E4F6A8", 122), "text/plain", "ew", "gb2312"),
            attach("承诺书-盖章.pdf", LETTER_PDF, "application/pdf", "ew", "gb2312")]
    raw = html_only("%s <zhenght@sdjtzy.example>" % word("郑海涛", "gb2312"),
                    hdr_words("申请License硬件变更（山东交通职业学院）", "gb2312"), date,
                    "<000c01dc5dfc$3e5a7b90$bb0e72b0$@sdjtzy.example>", "mail.sdjtzy.example", "198.51.100.52", "4GkU6z0Lmnz3a",
                    html, "gb2312", atts, "----=_NextPart_000_000D_01DC5DFC.3E5A7B90",
                    extra=["X-Mailer: Microsoft Outlook 14.0", "Content-Language: zh-cn"])
    add("12-hardware-change-html-header-row-gbk.eml", raw, "forward", "hardware_change",
        why="HTML-only Outlook mail in GB2312/GBK: a two-column table with a header row (材料/内容) above the label/value rows; complete.")


def m13():
    date = "Tue, 24 Nov 2026 14:55:02 +0800"
    header = ("最终用户单位名称", "用户联系人", "用户联系方式", "代理商工程师姓名", "代理商工程师联系方式", "授权码")
    row = ("佛山市南海区教育局信息中心", "梁志伟", "0757-86281234", "何俊", "13925912345", "IMC-PLAT-7TY4-D9PK-2MZA")
    intro = html_paras("您好，\n\n我局iMC服务器更换，申请License硬件变更，信息如下表（附件为老服务器License文件、新服务器主机信息、盖章承诺书）：")
    html = outlook_table_html([row], header, intro=intro, outro=html_paras("何俊\n广东南粤网络技术有限公司"))
    atts = [attach("老服务器License.lic", license_text("iMC PLAT 7.3", "IMC-PLAT-7TY4-D9PK-2MZA", 13), "application/octet-stream", "ew", "utf-8"),
            attach("新服务器主机信息.txt", host_info("NH-EDU-IMC2", "1C3E5A7B-9D2F-4B46-8E0A-2C4E6A8B0D13", 131), "text/plain", "ew", "utf-8"),
            attach("承诺书盖章.pdf", LETTER_PDF, "application/pdf", "ew", "utf-8")]
    raw = html_only("%s <hejun@nyue-net.example>" % word("何俊", "utf-8"),
                    hdr_words("iMC License硬件变更申请 - 佛山市南海区教育局", "utf-8"), date,
                    "<001a01dc5e0a$5c7d9e20$15797a60$@nyue-net.example>", "mail.nyue-net.example", "198.51.100.53", "4GkV0b3Nopz6c",
                    html, "utf-8", atts, "----=_NextPart_000_001B_01DC5E0A.5C7D9E20",
                    extra=["X-Mailer: Microsoft Outlook 16.0", "Content-Language: zh-cn"])
    add("13-hardware-change-html-horizontal-table.eml", raw, "forward", "hardware_change",
        why="HTML-only mail with a table pasted from Excel: a header row of the six labels and one row of values beneath; complete.")


def m14():
    date = "Tue, 24 Nov 2026 15:37:40 +0800"
    rows = [("1", "最终用户单位名称", "重庆两江新区政务数据中心"), ("2", "用户联系人", "冉小军"), ("3", "用户联系方式", "023-67891234"),
            ("4", "代理商工程师姓名", "邓杰"), ("5", "代理商工程师联系方式", "13883012345"), ("6", "授权码", "IMC-PLAT-2RH9-S6LW-4XCB")]
    intro = html_paras("您好！\n\n两江新区政务数据中心iMC服务器硬件故障后整机更换，申请License硬件变更。材料清单如下，文件见附件（旧服务器License、新服务器主机信息、盖章承诺书）。")
    html = outlook_table_html(rows, ("序号", "项目", "内容"), intro=intro, outro=html_paras("邓杰"))
    atts = [attach("旧服务器License.lic", license_text("iMC PLAT 7.3", "IMC-PLAT-2RH9-S6LW-4XCB", 14), "application/octet-stream", "ew", "utf-8"),
            attach("新服务器主机信息.txt", host_info("LJ-IMC-NEW", "5B7D9F1A-3C5E-4770-9A1C-3E5A7C9E1B24", 141), "text/plain", "ew", "utf-8"),
            attach("承诺书（盖章）.pdf", LETTER_PDF, "application/pdf", "ew", "utf-8")]
    raw = html_only("%s <dengjie@yuxin-tech.example>" % word("邓杰", "utf-8"),
                    hdr_words("License硬件变更申请_重庆两江新区政务数据中心", "utf-8"), date,
                    "<002301dc5e10$7e9fb0c0$7bdf1240$@yuxin-tech.example>", "mail.yuxin-tech.example", "198.51.100.54", "4GkV3d6Pqrz9e",
                    html, "utf-8", atts, "----=_NextPart_000_0024_01DC5E10.7E9FB0C0",
                    extra=["X-Mailer: Microsoft Outlook 16.0", "Content-Language: zh-cn"])
    add("14-hardware-change-html-3col-numbered.eml", raw, "forward", "hardware_change",
        why="HTML-only mail whose table has three columns (序号 | 项目 | 内容) with a header row; every field is in it and the three files are attached.")


def m15():
    date = "Tue, 24 Nov 2026 16:12:19 +0800"
    html = ('<div style="line-height:1.7;color:#000000;font-size:14px;font-family:Arial">'
            '<div>您好，</div><div>我们医院机房的iMC服务器更换了，麻烦办理License硬件变更。<br><br>'
            '最终用户单位名称：温州市第三人民医院<br>用户联系人：潘雪峰<br>用户联系方式：0577-88061234<br>'
            '代理商工程师姓名：叶晨<br>代理商工程师联系方式：13706612345<br>授权码：IMC-PLAT-2KD8-R5WN-9QHE<br><br>'
            '附件：旧服务器主机信息、新服务器主机信息、承诺书（盖章）</div></div><br><br><span title="neteasefooter"><p>&nbsp;</p></span>')
    atts = [attach("旧服务器主机信息.txt", host_info("WZ3Y-IMC-01", "8D0F2B4C-6E8A-4C93-B5D7-F9B1D3F5A7C9", 151), "text/plain", "ew", "UTF-8"),
            attach("新服务器主机信息.txt", host_info("WZ3Y-IMC-02", "0A2C4E6F-8B0D-4EA5-C7E9-B1D3F5A7C9E2", 152), "text/plain", "ew", "UTF-8"),
            attach("承诺书（盖章）.jpg", jpeg("stamped letter photo", 24, 16), "image/jpeg", "ew", "UTF-8")]
    raw = html_only("%s <panxuefeng_it@163mail.example>" % word("潘雪峰", "UTF-8"),
                    hdr_words("更换服务器 License硬件变更", "UTF-8"), date,
                    "<4f1c8a2e.5b3d.18c7f1e2d3a.Coremail.panxuefeng_it@163mail.example>", "m16.163mail.example", "203.0.113.116", "4GkV6f9Rstz2g",
                    html, "UTF-8", atts, "----=_Part_318842_1077290213.1795940339812",
                    extra=["X-Mailer: Coremail Webapp 10.0.1 build 20230412", "X-NTES-SC: AL_Qu2cAv2cuEwv4iOdY+kfmk0Xg+o"])
    add("15-hardware-change-html-br-lines.eml", raw, "forward", "hardware_change",
        why="NetEase webmail, HTML only: the fields are '标签：值' lines separated by <br>; old/new host files by 旧/新 and a stamped letter photo; complete.")


def m16():
    date = "Wed, 25 Nov 2026 09:18:47 +0800"
    text = """您好：

苏州工业园区管委会数据中心iMC服务器因主板故障整机更换，现申请License硬件变更。

【最终用户信息】
单位名称：苏州工业园区管委会数据中心
联系人：顾佳
联系电话：0512-66681234

【代理商信息】
公司：苏州新点网络科技有限公司
工程师：沈浩
联系电话：13913612345

【授权信息】
授权码：IMC-PLAT-6XW2-H7JD-4BQR
所属产品：iMC EIA

附件：老服务器主机信息文件、新服务器主机信息文件、盖章承诺书扫描件。

沈浩
"""
    parts = [text_part(text, charset="UTF-8", cte="8bit").replace('charset="UTF-8"', "charset=UTF-8; format=flowed"),
             attach("老服务器主机信息.txt", host_info("SIP-DC-IMC1", "2E4A6C8E-0B2D-4F61-A3C5-E7A9C1E3B5D7", 161), "text/plain", "2231", "utf-8"),
             attach("新服务器主机信息.txt", host_info("SIP-DC-IMC2", "4A6C8E0B-2D4F-4182-B5E7-A9C1E3B5D7F9", 162), "text/plain", "2231", "utf-8"),
             attach("承诺书扫描件（盖章）.pdf", LETTER_PDF, "application/pdf", "2231", "utf-8")]
    body = multipart("mixed", parts, "------------Wq3Lz8Xn1Rv5Tb0Ky7Hd2Jf4", "This is a multi-part message in MIME format.")
    h = base_headers("%s <shenhao@xindian-net.example>" % word("沈浩", "UTF-8"),
                     hdr_words("【License硬件变更】苏州工业园区管委会数据中心", "UTF-8"), date,
                     "<8c1d3e5f-7a9b-4c2d-8e6f-1a3b5c7d9e0f@xindian-net.example>", "mail.xindian-net.example", "198.51.100.61", "4GkW0h2Tuvz5j", date,
                     extra=["User-Agent: Mozilla Thunderbird", "Content-Language: zh-CN"])
    add("16-hardware-change-bracket-headings-zh.eml", message(h, body), "forward", "hardware_change",
        why="Chinese plain text grouped under 【最终用户信息】 / 【代理商信息】 headings with short labels (单位名称, 联系人, 工程师, 联系电话 twice); complete.")


def m17():
    date = "Wed, 25 Nov 2026 10:40:12 +0800"
    text = """您好：

客戶的 CAMS 伺服器因硬體老舊已汰換為新伺服器，需辦理授權硬體變更，資料如下：

最終使用者單位：新竹精密光電股份有限公司
使用者聯絡人：黃淑芬
聯絡電話：03-5771234
經銷商工程師：林志明
經銷商聯絡電話：0912-345678
授權碼：CAMS-PLAT-4HX7-PQ2M-8ZTD

附件為舊伺服器主機資訊、新伺服器主機資訊及蓋章承諾書（TIF 掃描檔）。

林志明
台灣系統整合股份有限公司
"""
    parts = [text_part(text, charset="big5", cte="quoted-printable"),
             attach("舊伺服器主機資訊.txt", host_info("HSP-CAMS-01", "6C8E0A2B-4D6F-4A93-C7E9-B1D3F5A7C9E1", 171, "CAMS"), "text/plain", "ew", "big5"),
             attach("新伺服器主機資訊.txt", host_info("HSP-CAMS-02", "8E0A2C4D-6F8B-4BA4-D9F1-C3E5A7B9D1F3", 172, "CAMS"), "text/plain", "ew", "big5"),
             attach("承諾書_已蓋章.tif", tiff(), "image/tiff", "ew", "big5")]
    body = multipart("mixed", parts, "----=_NextPart_000_0057_01DC5EA1.2F4B6D80", "This is a multipart message in MIME format.")
    h = base_headers("%s <zhiming.lin@tw-sysint.example>" % word("林志明", "big5"),
                     hdr_words("CAMS 授權硬體變更申請 - 新竹精密光電", "big5"), date,
                     "<005601dc5ea1$2f4b6d80$8de24880$@tw-sysint.example>", "mail.tw-sysint.example", "203.0.113.81", "4GkW3k5Vwxz8l", date,
                     extra=["X-Mailer: Microsoft Outlook 16.0", "Content-Language: zh-tw"])
    add("17-hardware-change-tw-cams-big5.eml", message(h, body), "forward", "hardware_change", notes=["cams_recollect_host_info"],
        why="Big5 Taiwan wording of a CAMS hardware change (硬體變更, 伺服器, 最終使用者單位, 使用者聯絡人, 經銷商工程師/經銷商聯絡電話), old/new 主機資訊 files and a stamped letter as TIFF; complete, with the CAMS note.")


def m18():
    date = "Wed, 25 Nov 2026 08:51:30 +0100"
    text = """Hello,

the motherboard of our iMC server was swapped by Dell last week and since then
iMC says the license does not match this machine. As far as I understand the
license has to be moved to the changed hardware.

End user: AlpenLogistik GmbH
Contact: Lukas Weber
Phone: +49 89 5550 3344
Reseller engineer: Jonas Keller (NetWerk Partner GmbH)
License key: IMC-PLAT-3HD9-XV6K-7PLE

I attached the license file we had and the host information file I exported
from the repaired server today. The signed letter will follow once our managing
director is back.

Best,
Lukas
"""
    parts = [text_part(text, charset="us-ascii", cte="7bit"),
             attach("AlpenLog_iMC.lic", license_text("iMC PLAT 7.3", "IMC-PLAT-3HD9-XV6K-7PLE", 18), "application/octet-stream"),
             attach("hostinfo_after_repair.txt", host_info("ALP-IMC", "1A3C5E7F-9B1D-4F24-A6C8-E0A2C4E6F8A0", 181), "text/plain")]
    body = multipart("mixed", parts, "Apple-Mail=_6E2B1C4D-8F3A-4B5C-9D7E-0A1B2C3D4E5F")
    h = base_headers("Lukas Weber <l.weber@alpenlog.example>", "iMC license invalid after motherboard replacement", date,
                     "<6E2B1C4D-8F3A-4B5C-9D7E-0A1B2C3D4E5F@alpenlog.example>", "mail.alpenlog.example", "192.0.2.88", "4GkW6m8Xyzz1n", date,
                     extra=["X-Mailer: Apple Mail (2.3774.300.61.1.2)", "Mime-Version: 1.0 (Mac OS X Mail 16.0)"])
    add("18-hardware-change-motherboard-missing-en.eml", message(h, body), "request_materials", "hardware_change",
        ["agent_phone", "commitment_letter"],
        why="English hardware change told only through 'the motherboard was swapped… moved to the changed hardware'; license file and the repaired server's host info attached, but no reseller phone and the letter will follow.")


def m19():
    date = "Wed, 25 Nov 2026 10:07:14 +0100"
    text = """Hello,

Please process a license hardware change for our end customer; their old
server (HP DL380 Gen9) has been replaced by a new one.

End-user company: Métropole de Lyon – DSI
End-user contact: Marc Fournier
End-user tel.: +33 4 55 50 12 34
Partner engineer: Sophie Laurent
Partner phone: +33 6 55 50 98 76
Auth. code: IMC-PLAT-1QS5-VN8M-6TGC

Attachments: old server license file, new server host info, and the stamped
commitment letter (PNG).

Best regards,
Sophie Laurent
Rhône Réseaux SAS
"""
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
            '<body style="overflow-wrap: break-word;"><div dir="auto">' +
            "".join("<div>%s</div>" % (html_escape(l) if l else "<br>") for l in text.rstrip("\n").split("\n")) +
            "</div></body></html>")
    alt = multipart("alternative", [text_part(text, charset="utf-8", cte="quoted-printable"),
                                    text_part(html, "text/html", "utf-8", "quoted-printable")],
                    "Apple-Mail=_A1B2C3D4-0001-4E5F-8A9B-ALT")
    parts = [alt[0] + CRLF + CRLF + alt[1],
             attach("DL380-old.lic", license_text("iMC PLAT 7.3", "IMC-PLAT-1QS5-VN8M-6TGC", 19), "application/octet-stream"),
             attach("hostinfo-new-server.txt", host_info("LYON-IMC-NEW", "3C5E7A9B-1D3F-4A46-B8C0-E2A4C6E8A0B2", 191), "text/plain"),
             attach("commitment-letter-stamped.png", png(), "image/png")]
    body = multipart("mixed", parts, "Apple-Mail=_A1B2C3D4-0001-4E5F-8A9B-MIXED")
    h = base_headers("Sophie Laurent <sophie.laurent@rhone-reseaux.example>",
                     hdr_words("Hardware change - iMC - Métropole de Lyon", "utf-8", "Q", 40), date,
                     "<A1B2C3D4-0001-4E5F-8A9B-5C6D7E8F9A0B@rhone-reseaux.example>", "mail.rhone-reseaux.example", "192.0.2.91", "4GkX0p1Abcz4q", date,
                     extra=["X-Mailer: Apple Mail (2.3774.300.61.1.2)"])
    add("19-hardware-change-end-user-tel-dot-en.eml", message(h, body), "forward", "hardware_change",
        why="French reseller in English (Q-encoded UTF-8 subject): 'End-user company/contact/tel.:', 'Partner engineer/phone:', 'Auth. code:'; old license, new host info and a PNG of the stamped letter; complete.")


def m20():
    date = "Wed, 25 Nov 2026 11:22:08 +0800"
    text = """您好，

最终用户单位名称：西安电子工程研究所
用户联系人：马丽
用户联系方式：029-88451234
代理商工程师姓名：韩冬
代理商工程师联系方式：18629012345
授权码：IMC-PLAT-8CN4-F6YT-2WKS

原服务器已下线，需要将License迁移到新采购的服务器上。附件为原服务器的License文件、在新服务器上导出的主机信息文件，以及盖章的承诺书。

韩冬
"""
    parts = [text_part(text, charset="utf-8", cte="base64"),
             attach("iMC.lic", license_text("iMC PLAT 7.3", "IMC-PLAT-8CN4-F6YT-2WKS", 20), "application/octet-stream"),
             attach("HostInfo.txt", host_info("XAEE-IMC", "5E7A9C1D-3F5B-4B67-C9E1-A3C5E7A9B1D3", 201), "text/plain"),
             attach("承诺书.pdf", LETTER_PDF, "application/pdf", "ew", "utf-8")]
    body = multipart("mixed", parts, "----=_NextPart_000_0068_01DC5EB3.4D6F8A10", "This is a multipart message in MIME format.")
    h = base_headers("%s <handong@qinwang-it.example>" % word("韩冬", "utf-8"),
                     hdr_words("License硬件变更申请-西安电子工程研究所", "utf-8"), date,
                     "<006701dc5eb3$4d6f8a10$e84e9e30$@qinwang-it.example>", "mail.qinwang-it.example", "198.51.100.71", "4GkX3r4Cdez7s", date,
                     extra=["X-Mailer: Microsoft Outlook 16.0", "Content-Language: zh-cn"])
    add("20-hardware-change-hostinfo-norole-plus-license.eml", message(h, body), "forward", "hardware_change",
        why="A license file (always the old server's) and a host file named only HostInfo.txt, which must then be the new server's (the text says so too); stamped letter; complete.")


def m21():
    date = "Wed, 25 Nov 2026 13:45:51 +0800"
    text = """您好：

我司客户福州市鼓楼区档案馆的iMC服务器需要更换，申请License硬件变更。

最终用户单位名称：福州市鼓楼区档案馆
用户联系人：林海燕
用户联系方式：0591-87561234
代理商工程师姓名：陈伟
代理商工程师联系方式：13805912345
授权码：IMC-PLAT-4MN7-PQ3R-8STV

附件是两台服务器的主机信息文件和盖章承诺书。

陈伟
"""
    parts = [text_part(text, charset="utf-8", cte="base64"),
             attach("hostinfo1.txt", host_info("GL-DAG-A", "7A9C1E3F-5B7D-4C88-D0F2-B4D6F8A0C2E4", 211), "text/plain"),
             attach("hostinfo2.txt", host_info("GL-DAG-B", "9C1E3A5B-7D9F-4DA9-E1F3-C5E7A9B1D3F5", 212), "text/plain"),
             attach("承诺书盖章.jpg", jpeg("stamped commitment letter"), "image/jpeg", "ew", "utf-8")]
    body = multipart("mixed", parts, "----=_NextPart_000_0079_01DC5EC7.6F8A1C20", "This is a multipart message in MIME format.")
    h = base_headers("%s <chenwei@minxin-net.example>" % word("陈伟", "utf-8"),
                     hdr_words("iMC服务器更换 License硬件变更", "utf-8"), date,
                     "<007801dc5ec7$6f8a1c20$4e9e5460$@minxin-net.example>", "mail.minxin-net.example", "198.51.100.72", "4GkX6t7Efgz0u", date,
                     extra=["X-Mailer: Microsoft Outlook 16.0", "Content-Language: zh-cn"])
    add("21-hardware-change-hostinfo1-hostinfo2.eml", message(h, body), "forward", "hardware_change", notes=["roles_assumed"],
        why="Two host files named only hostinfo1.txt / hostinfo2.txt and nothing saying which is old or new: the case is complete but the forward must say what was assumed.")


def m22():
    date = "Wed, 25 Nov 2026 15:03:27 +0800"
    text = """您好，申请iMC License硬件变更（服务器更换），信息如下：
最终用户单位名称：宁波港集团信息中心
用户联系人：方远
用户联系方式：0574-27681234
代理商工程师姓名：俞涛
代理商工程师联系方式：13586712345
授权码：IMC-PLAT-4RM7-C2XH-9DLB
老服务器License文件和新服务器主机信息文件见附件，承诺书已经盖章，拍照见附件 IMG_2041.jpg。

发自我的iPhone
"""
    parts = [text_part(text, charset="utf-8", cte="quoted-printable").replace('charset="utf-8"', "charset=utf-8"),
             attach("老服务器License.lic", license_bin(22), "application/octet-stream", "2231", "utf-8"),
             attach("新服务器主机信息.txt", host_info("NBG-IMC-NEW", "1E3A5C7D-9F1B-4EBA-F2A4-D6F8A0C2E4A6", 221), "text/plain", "2231", "utf-8"),
             attach("IMG_2041.jpg", jpeg("iPhone photo", 32, 24), "image/jpeg", disp="inline")]
    body = multipart("mixed", parts, "Apple-Mail-3F8C2A1E-7B4D-4E9A-8C6F-1D2E3F4A5B6C")
    h = base_headers("%s <yutao@yongjiang-it.example>" % word("俞涛", "utf-8"),
                     hdr_words("iMC License硬件变更申请", "utf-8"), date,
                     "<3F8C2A1E-7B4D-4E9A-8C6F-1D2E3F4A5B6C@yongjiang-it.example>", "mail.yongjiang-it.example", "198.51.100.73", "4GkY0v0Ghiz3w", date,
                     extra=["X-Mailer: iPhone Mail (21H16)", "Mime-Version: 1.0 (1.0)"])
    add("22-hardware-change-img-jpg-letter-zh.eml", message(h, body), "forward", "hardware_change",
        why="iPhone mail: the stamped letter is a photo named IMG_2041.jpg and the text says so (承诺书已经盖章，拍照见附件 IMG_2041.jpg); with old license and new host info the case is complete.")


def m23():
    date = "Wed, 25 Nov 2026 16:26:40 +0800"
    text = """您好，
我们客户的iMC服务器更换了新服务器，需要做License硬件变更。材料都打包在附件“变更资料.zip”里（旧服务器License文件、新服务器主机信息、盖章承诺书）。

最终用户单位名称：广州市越秀区人民法院
用户联系人：陈静
用户联系方式：020-83001234
代理商工程师姓名：钟伟
代理商工程师联系方式：13802912345
授权码：IMC-PLAT-5EJ8-T3VN-6QXA

钟伟
"""
    z = zip_file([("变更资料/旧服务器License.lic".encode("gbk"), license_text("iMC PLAT 7.3", "IMC-PLAT-5EJ8-T3VN-6QXA", 23)),
                  ("变更资料/新服务器主机信息.txt".encode("gbk"), host_info("YX-COURT-IMC2", "3A5C7E9F-1B3D-4FCB-A4C6-E8A0C2E4A6B8", 231)),
                  ("变更资料/承诺书（盖章）.pdf".encode("gbk"), LETTER_PDF)])
    parts = [text_part(text, charset="gb2312", cte="base64"),
             attach("变更资料.zip", z, "application/x-zip-compressed", "ew", "gb2312")]
    body = multipart("mixed", parts, "----=_NextPart_000_008A_01DC5ED3.81A3C540", "This is a multipart message in MIME format.")
    h = base_headers("%s <zhongwei@yuetong-it.example>" % word("钟伟", "gb2312"),
                     hdr_words("License硬件变更资料（压缩包）", "gb2312"), date,
                     "<008901dc5ed3$81a3c540$84eb4fc0$@yuetong-it.example>", "mail.yuetong-it.example", "198.51.100.74", "4GkY3x3Jklz6y", date,
                     extra=["X-Mailer: Microsoft Outlook 15.0", "Content-Language: zh-cn"])
    add("23-hardware-change-zip-gbk-names.eml", message(h, body), "forward", "hardware_change", notes=["from_archive"],
        why="All three files inside a .zip made on Chinese Windows: entry names in GBK without the UTF-8 flag, inside a folder; fields in the GB2312-labelled body.")


def m24():
    date = "Thu, 26 Nov 2026 09:12:05 +0800"
    inner_text = """王工您好，

我们中心的iMC服务器要换成新服务器，麻烦帮忙走一下License硬件变更流程。

最终用户单位名称：南京市鼓楼区大数据管理中心
用户联系人：周静
用户联系方式：025-83561234
授权码：IMC-PLAT-6GH2-K8LM-3NPQ

附件是老服务器的License、新服务器的主机信息和盖章的承诺书。

周静
"""
    idate = "Wed, 25 Nov 2026 17:40:22 +0800"
    iparts = [text_part(inner_text, charset="utf-8", cte="base64"),
              attach("老服务器License.lic", license_text("iMC PLAT 7.3", "IMC-PLAT-6GH2-K8LM-3NPQ", 24), "application/octet-stream", "ew", "utf-8"),
              attach("新服务器主机信息.txt", host_info("GL-BD-IMC2", "5C7E9A1B-3D5F-4ADC-B6E8-A0C2E4A6B8C0", 241), "text/plain", "ew", "utf-8"),
              attach("承诺书盖章版.pdf", LETTER_PDF, "application/pdf", "ew", "utf-8")]
    ibody = multipart("mixed", iparts, "----=_NextPart_000_0011_01DC5F0A.1B2C3D40", "This is a multipart message in MIME format.")
    ih = ["From: %s <zhoujing@glbd.example>" % word("周静", "utf-8"), "To: %s <wangjian@jsxt-net.example>" % word("王建", "utf-8"),
          "Subject: " + hdr_words("iMC服务器更换 - 鼓楼区大数据管理中心", "utf-8"), "Date: " + idate,
          "Message-ID: <001001dc5f0a$1b2c3d40$5186b7c0$@glbd.example>", "MIME-Version: 1.0", "X-Mailer: Microsoft Outlook 16.0"]
    inner = message(ih, ibody).encode("latin-1")
    text = """您好，

客户的License硬件变更申请见附件邮件（客户原邮件），邮件附件里有老服务器License、新服务器主机信息和盖章承诺书。

代理商工程师姓名：王建
代理商工程师联系方式：13951712345

王建
江苏信通网络技术有限公司
"""
    parts = [text_part(text, charset="utf-8", cte="base64"),
             attach("客户原邮件.eml", inner, "application/octet-stream", "ew", "utf-8")]
    body = multipart("mixed", parts, "=-=-=__webmail_3kP9sL2vQ8__=-=-=")
    h = base_headers("%s <wangjian@jsxt-net.example>" % word("王建", "utf-8"),
                     hdr_words("转发：客户License硬件变更申请", "utf-8"), date,
                     "<1795936325.7731.webmail@jsxt-net.example>", "mail.jsxt-net.example", "198.51.100.75", "4GkY6z6Lmnz9a", date,
                     extra=["X-Mailer: Webmail 5.2"])
    add("24-hardware-change-forwarded-eml-octet.eml", message(h, body), "forward", "hardware_change", notes=["from_forwarded"],
        why="A reseller's webmail attaches the customer's mail as '客户原邮件.eml' typed application/octet-stream; end-user fields, code and the three files are in it, the reseller fields in the outer text.")


def m25():
    date = "Thu, 26 Nov 2026 10:31:44 +0900"
    text = """Hi team,

Please see the request from our customer below and process it.

Partner engineer: Kenji Sato
Partner phone: +81 90 5555 0172

Kenji Sato
Nippon Net Partners

---------- Forwarded message ---------
From: Yuki Tanaka <y.tanaka@osaka-logi.example>
Date: Wed, Nov 25, 2026 at 4:12 PM
Subject: iMC server replacement - license
To: Kenji Sato <kenji.sato@nipponnet-partners.example>


Sato-san,

We replaced our iMC server last weekend (the old one had a failing RAID
controller). Could you ask H3C to move our license to the new server?

Company: Osaka Logistics Co., Ltd.
Contact: Yuki Tanaka
Tel: +81 6 5555 0148
License key: IMC-PLAT-7NB3-K9WQ-2HRF

Attached are the license file from the old server, the host information file
of the new server and our stamped commitment letter.

Regards,
Yuki Tanaka
"""
    html = ('<div dir="ltr"><div>Hi team,</div><div><br></div><div>Please see the request from our customer below and process it.</div>'
            '<div><br></div><div>Partner engineer: Kenji Sato</div><div>Partner phone: +81 90 5555 0172</div><div><br></div>'
            '<div>Kenji Sato<br>Nippon Net Partners</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
            '---------- Forwarded message ---------<br>From: <strong class="gmail_sendername" dir="auto">Yuki Tanaka</strong> '
            '<span dir="auto">&lt;<a href="mailto:y.tanaka@osaka-logi.example">y.tanaka@osaka-logi.example</a>&gt;</span><br>'
            'Date: Wed, Nov 25, 2026 at 4:12 PM<br>Subject: iMC server replacement - license<br>To: Kenji Sato &lt;'
            '<a href="mailto:kenji.sato@nipponnet-partners.example">kenji.sato@nipponnet-partners.example</a>&gt;<br></div><br><br>'
            '<div dir="ltr">Sato-san,<br><br>We replaced our iMC server last weekend (the old one had a failing RAID controller). '
            'Could you ask H3C to move our license to the new server?<br><br>Company: Osaka Logistics Co., Ltd.<br>Contact: Yuki Tanaka<br>'
            'Tel: +81 6 5555 0148<br>License key: IMC-PLAT-7NB3-K9WQ-2HRF<br><br>Attached are the license file from the old server, '
            'the host information file of the new server and our stamped commitment letter.<br><br>Regards,<br>Yuki Tanaka</div></div></div>')
    alt = multipart("alternative", [text_part(text, charset="UTF-8", cte="7bit"), text_part(html, "text/html", "UTF-8", "quoted-printable")],
                    "000000000000b7c1e405f1a2c3d4")
    parts = [alt[0] + CRLF + CRLF + alt[1],
             attach("osaka-old-server.lic", license_text("iMC PLAT 7.3", "IMC-PLAT-7NB3-K9WQ-2HRF", 25), "application/octet-stream"),
             attach("new_server_hostinfo.txt", host_info("OSK-IMC-NEW", "7E9A1C3D-5F7B-4BED-C8E0-A2C4E6A8B0C2", 251), "text/plain"),
             attach("commitment_letter_stamped.pdf", LETTER_PDF, "application/pdf")]
    body = multipart("mixed", parts, "000000000000b7c1e605f1a2c3d6")
    h = base_headers("Kenji Sato <kenji.sato@nipponnet-partners.example>", "Fwd: iMC server replacement - license", date,
                     "<CAJx7Nq3wP0mZk2sT9vB4rL8hY1dF6gE5aC0uW3oQ7iM2nR@mail.nipponnet-partners.example>",
                     "mail-ej1-f53.google.example", "209.85.218.53", "4GkZ0b9Nopz2c", date)
    add("25-hardware-change-inline-forward-en.eml", message(h, body), "forward", "hardware_change",
        why="Gmail inline forward ('---------- Forwarded message ---------') of the customer's request: the partner's own lines give the reseller fields, the forwarded text the end-user fields and the key; files attached to the forward.")


def m26():
    date = "Thu, 26 Nov 2026 08:05:19 +0400"
    case = "LX-20261124-0031"
    quoted = our_request_reply_hw("Ahmed Karim", case)
    text = ("Hi,\n\nApologies, I forgot it in my first mail. Our authorization code is IMC-PLAT-9XK2-M4TB-5WRD.\n\n"
            "Regards,\nAhmed\n\n"
            "________________________________\n"
            "From: License Intake <intake@example.test>\n"
            "Sent: Tuesday, November 24, 2026 9:14 AM\n"
            "To: Ahmed Karim <a.karim@gulfpetro-it.example>\n"
            "Subject: Re: [%s] iMC server swap - Gulf Petrochem\n\n" % case) + quoted
    html = (OUTLOOK_HEAD % "utf-8" +
            '<p class="MsoNormal">Hi,<o:p></o:p></p><p class="MsoNormal">Apologies, I forgot it in my first mail. Our authorization code is '
            'IMC-PLAT-9XK2-M4TB-5WRD.<o:p></o:p></p><p class="MsoNormal">Regards,<br>Ahmed<o:p></o:p></p>'
            '<div id="mail-editor-reference-message-container"><div style="border:none;border-top:solid #B5C4DF 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
            '<p class="MsoNormal"><b>From: </b>License Intake &lt;intake@example.test&gt;<br><b>Sent: </b>Tuesday, November 24, 2026 9:14 AM<br>'
            '<b>To: </b>Ahmed Karim &lt;a.karim@gulfpetro-it.example&gt;<br><b>Subject: </b>Re: [%s] iMC server swap - Gulf Petrochem<o:p></o:p></p></div>'
            % case + html_paras(quoted) + "</div>" + OUTLOOK_TAIL)
    body = multipart("alternative", [text_part(text, charset="utf-8", cte="base64"), text_part(html, "text/html", "utf-8", "base64")],
                     "_000_DB9PR02MB7241C5E6F7A8B9C0D1E2F3A4B5C6DB9PR02MB7241eurp_")
    h = base_headers("Ahmed Karim <a.karim@gulfpetro-it.example>", "RE: [%s] iMC server swap - Gulf Petrochem" % case, date,
                     "<DB9PR02MB7241C5E6F7A8B9C0D1E2F3A4B5C6@DB9PR02MB7241.eurprd02.prod.outlook.example>",
                     "mail-db9eur02on2071.outbound.protection.outlook.example", "40.107.249.71", "4GkZ3d2Pqrz5e", date,
                     extra=["In-Reply-To: <20261124051402.LX-20261124-0031.1@example.test>",
                            "References: <DB9PR02MB7241A1B2C3D4E5F6A7B8C9D0E1F2@DB9PR02MB7241.eurprd02.prod.outlook.example> <20261124051402.LX-20261124-0031.1@example.test>",
                            "Thread-Topic: [%s] iMC server swap - Gulf Petrochem" % case, "Content-Language: en-US",
                            "X-Mailer: Microsoft Outlook 16.0"])
    add("26-hardware-change-reply-adds-auth-code-en.eml", message(h, body), "request_materials", "hardware_change",
        ["end_user_org", "end_user_contact", "end_user_phone", "agent_engineer", "agent_phone", "old_server_file", "new_host_info", "commitment_letter"],
        why="Outlook reply whose new text only adds the auth code; the quoted part is our own request reply (it names the scenario and lists received item names, no values). Evaluated alone, only auth_code is present: the names in our 'Received' list must not count as fields.")


def m27():
    date = "Thu, 26 Nov 2026 11:16:38 +0800"
    text = """您好！

厦门市思明区卫健委的iMC服务器更换新服务器，申请License硬件变更，材料如下：

最终用户单位名称：厦门市思明区卫生健康局
用户联系人：郑雅琳
用户联系方式：0592-2101234
代理商工程师姓名：黄俊杰
代理商工程师联系方式：13906012345
授权码：IMC-PLAT-3BV6-N9XC-5ZLK

附件：旧服务器License文件、新服务器主机信息文件、盖章的承诺书。

黄俊杰
"""
    parts = [text_part(text, charset="utf-8", cte="base64"),
             attach("旧服务器License.lic", license_text("iMC PLAT 7.3", "IMC-PLAT-3BV6-N9XC-5ZLK", 27), "application/octet-stream", "ew", "utf-8"),
             attach("新服务器主机信息.txt", host_info("SM-WJ-IMC2", "9A1C3E5F-7B9D-4F0E-D0F2-B4D6F8A0C2E4", 271), "text/plain", "ew", "utf-8"),
             attach("H3C业务软件License例外申请及承诺书（解绑定专用）-盖章.pdf", UNBIND_PDF, "application/pdf", "ew", "utf-8")]
    body = multipart("mixed", parts, "----=_NextPart_000_009B_01DC5F1E.93B5D760", "This is a multipart message in MIME format.")
    h = base_headers("%s <huangjj@lujiang-net.example>" % word("黄俊杰", "utf-8"),
                     hdr_words("License硬件变更申请-厦门市思明区卫生健康局", "utf-8"), date,
                     "<009a01dc5f1e$93b5d760$bb2186e0$@lujiang-net.example>", "mail.lujiang-net.example", "198.51.100.76", "4GkZ6f5Rstz8g", date,
                     extra=["X-Mailer: Microsoft Outlook 16.0", "Content-Language: zh-cn"])
    add("27-hardware-change-unbind-letter-wrong.eml", message(h, body), "request_materials", "hardware_change", ["commitment_letter"], ["wrong_letter"],
        why="Hardware change (server replaced) that attaches the stamped unbind-only letter (解绑定专用) instead of the general one: wrong letter, the general letter is still missing.")


def m28():
    date = "Thu, 26 Nov 2026 13:58:21 +0800"
    text = """您好，

我司客户的iMC APM组件所在服务器更换，APM授权以UniqueID标识主机，现申请License硬件变更：

最终用户单位名称：长沙市望城区人民医院
用户联系人：易文
用户联系方式：0731-88081234
代理商工程师姓名：罗斌
代理商工程师联系方式：13975112345
授权码：IMC-APM-5TK8-W3QJ-7HNM
旧服务器APM UniqueID：5F3A9C21E04B7D18A6C2
新服务器APM UniqueID：B28D45F1A9C6E3072D4F

盖章承诺书见附件。

罗斌
"""
    parts = [text_part(text, charset="utf-8", cte="base64"),
             attach("承诺书（盖章）.pdf", LETTER_PDF, "application/pdf", "ew", "utf-8")]
    body = multipart("mixed", parts, "----=_NextPart_000_00AC_01DC5F35.A5C7E980", "This is a multipart message in MIME format.")
    h = base_headers("%s <luobin@xiangyun-it.example>" % word("罗斌", "utf-8"),
                     hdr_words("APM组件License硬件变更申请", "utf-8"), date,
                     "<00ab01dc5f35$a5c7e980$f157dc80$@xiangyun-it.example>", "mail.xiangyun-it.example", "198.51.100.77", "4Gl00h8Tuvz1j", date,
                     extra=["X-Mailer: Microsoft Outlook 16.0", "Content-Language: zh-cn"])
    add("28-hardware-change-apm-uniqueid-zh.eml", message(h, body), "forward", "hardware_change",
        why="APM hardware change where the hosts are identified by strings written as '旧服务器APM UniqueID：…' / '新服务器APM UniqueID：…' instead of files; with fields and the stamped letter it is complete.")


def m29():
    date = "Thu, 26 Nov 2026 09:27:50 +0000"
    text = """Hello,

We are upgrading Quidview from V2.1 (LAN/WAN edition) to Quidview DM V3.10 on
a new server, and were told this needs a license exception.

End user organisation: North Sea Energy Services Ltd
Contact person: Oliver Grant
Contact phone: +44 1224 555 019
Reseller engineer: Fiona Campbell
Reseller phone: +44 131 555 0177
License key: QV-LANWAN-21-6JD8-PQ3M

Attached: the license file of the current V2.1 server, the host information
file of the new DM server, and the stamped commitment letter.

Regards,
Oliver Grant
"""
    parts = [text_part(text, charset="us-ascii", cte="7bit"),
             attach("quidview_v21_license.lic", license_text("Quidview LAN/WAN V2.1", "QV-LANWAN-21-6JD8-PQ3M", 29), "application/octet-stream"),
             attach("dm310_newserver_hostinfo.txt", host_info("NSE-QVDM", "B1D3F5A7-9C1E-4A2F-E2A4-C6E8A0B2D4F6", 291, "Quidview"), "text/plain"),
             attach("commitment_letter_stamped.pdf", LETTER_PDF, "application/pdf")]
    body = multipart("mixed", parts, "------------Hq8Zt2Nw6Lp0Vx4Rc9Jm3Kd7", "This is a multi-part message in MIME format.")
    h = base_headers("Oliver Grant <o.grant@northsea-energy.example>", "Quidview upgrade - license", date,
                     "<a7c2e9f1-4b3d-4e6a-9c8b-2d1f0e3a5b7c@northsea-energy.example>", "mail.northsea-energy.example", "192.0.2.101", "4Gl03k1Vwxz4l", date,
                     extra=["User-Agent: Mozilla Thunderbird", "Content-Language: en-GB"])
    add("29-quidview-upgrade-en.eml", message(h, body), "forward", "hardware_change", notes=["quidview_upgrade"],
        why="Upgrade 'Quidview from V2.1 (LAN/WAN edition) to Quidview DM V3.10': follows the hardware-change checklist (complete here) and needs the quidview_upgrade note.")


def m30():
    date = "Thu, 26 Nov 2026 15:33:09 +0800"
    text = """您好：

我单位网管系统计划由Quidview LAN/WAN V2.1版本升级为Quidview DM V3.10，按要求提交License例外申请材料：

最终用户单位名称：河北省沧州港务集团信息中心
用户联系人：田野
用户联系方式：0317-5581234
代理商工程师姓名：孟凡
代理商工程师联系方式：13931712345
授权码：QV-LW21-8KP3-DX6N-2RTA

附件为原Quidview服务器的License文件和盖章承诺书，新服务器的主机信息文件还在收集，稍后补发。

孟凡
"""
    parts = [text_part(text, charset="GBK", cte="base64"),
             attach("原Quidview服务器License.lic", license_text("Quidview LAN/WAN V2.1", "QV-LW21-8KP3-DX6N-2RTA", 30), "application/octet-stream", "ew", "GBK"),
             attach("承诺书盖章扫描.pdf", LETTER_PDF, "application/pdf", "ew", "GBK")]
    body = multipart("mixed", parts, "----=_001_NextPart271835406291_=----", "This is a multi-part message in MIME format.")
    h = base_headers("%s <mengfan@jihai-net.example>" % word("孟凡", "GBK"),
                     hdr_words("Quidview升级License例外申请", "GBK"), date,
                     "<202611261533092417365@jihai-net.example>", "smtp.jihai-net.example", "198.51.100.78", "4Gl06m4Xyzz7n", date,
                     extra=["X-Mailer: Foxmail 7.2.25.254[cn]", "X-Has-Attach: yes"])
    add("30-quidview-upgrade-gbk.eml", message(h, body), "request_materials", "hardware_change", ["new_host_info"], ["quidview_upgrade"],
        why="GBK Foxmail: Quidview LAN/WAN V2.1 升级为 Quidview DM V3.10, hardware-change checklist; the new server's host file will follow, so only new_host_info is missing.")


# ===========================================================================
# Replies quoting our own mail


def m31():
    date = "Thu, 26 Nov 2026 10:02:33 +0800"
    case = "LX-20261124-0017"
    new = """您好，
不好意思上封邮件没说清楚，我们要办理的是License找回：服务器重装系统后激活文件丢失了，硬件没有变化。
客户局点名称：昆明市五华区疾病预防控制中心
授权码：IMC-PLAT-6PW3-J8RK-1ZTE
谢谢！
"""
    attr = "License Intake <intake@example.test> 于2026年11月24日周二 10:02写道："
    quoted = our_ask_reply("杨帆", case)
    text = new + "\n" + attr + "\n\n" + "\n".join(("> " + l) if l else ">" for l in quoted.rstrip("\n").split("\n")) + "\n"
    qhtml = "<br>\n".join(html_escape(l) for l in quoted.rstrip("\n").split("\n"))
    html = ('<div dir="ltr">' + "".join("<div>%s</div>" % html_escape(l) for l in new.rstrip("\n").split("\n")) + '</div><br>'
            '<div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">License Intake &lt;'
            '<a href="mailto:intake@example.test">intake@example.test</a>&gt; 于2026年11月24日周二 10:02写道：<br></div>'
            '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">'
            + qhtml + "</blockquote></div>")
    body = multipart("alternative", [text_part(text, charset="UTF-8", cte="base64"), text_part(html, "text/html", "UTF-8", "base64")],
                     "0000000000004d2e8a05f1b3c4e5")
    h = base_headers("%s <yangfan.km@gmail.example>" % word("杨帆", "UTF-8"),
                     hdr_words("Re: [%s] iMC License问题咨询" % case, "UTF-8"), date,
                     "<CAHq2Lw9xN4kT7vR1mZ3pB8sD0fG6hJ5cY2aE9uQ4oW1iK7n@mail.gmail.example>",
                     "mail-pl1-f170.google.example", "209.85.214.170", "4Gl09p7Abcz0q", date,
                     extra=["In-Reply-To: <20261124020211.LX-20261124-0017.1@example.test>",
                            "References: <CAHq2Lw9aB3cD4eF5gH6iJ7kL8mN9oP0qR1sT2uV3wX4yZ5@mail.gmail.example> <20261124020211.LX-20261124-0017.1@example.test>"])
    add("31-recovery-gmail-reply-to-ask-zh.eml", message(h, body), "forward", "recovery",
        why="Gmail reply (Chinese attribution line '… 于…写道：', HTML blockquote) to our ask_scenario reply: the new text says License找回 with site and code; the quoted list of all three processes must not change the scenario.")


# ===========================================================================
# Unbind


def m32():
    date = "Thu, 26 Nov 2026 17:20:41 -0800"
    text = """Dear H3C license team,

We are splitting our iMC deployment. Please release two serials from the old
server so that they can be registered on our second iMC server at the DR
site. The remaining serials stay where they are.

1) End user: Lakeside General Hospital
2) Contact: Helen Zhou
3) Tel: +1 555 0110 4471
4) Reseller engineer: Brian O'Neill
5) Reseller phone: +1 555 0187 2290
6) License key: IMC-EIA-4KT8-WN2P-7RDX
7) Serials on this license: EIA-SN-300115, EIA-SN-300116, EIA-SN-300117, EIA-SN-300118
8) Serials to release: EIA-SN-300117, EIA-SN-300118

The license file of the old server is attached. The stamped letter will be
sent separately next week.

Thank you,
Helen Zhou
IT Department, Lakeside General Hospital
"""
    html = OUTLOOK_HEAD % "us-ascii" + html_paras(text) + OUTLOOK_TAIL
    alt = multipart("alternative", [text_part(text, charset="us-ascii", cte="quoted-printable"),
                                    text_part(html, "text/html", "us-ascii", "quoted-printable")],
                    "_000_BY5PR11MB4022D1E2F3A4B5C6D7E8F9A0B1C2BY5PR11MB4022namp_")
    parts = [alt[0] + CRLF + CRLF + alt[1],
             attach("iMC_old_server.lic", license_text("iMC EIA 7.3", "IMC-EIA-4KT8-WN2P-7RDX", 32), "application/octet-stream")]
    body = multipart("mixed", parts, "_004_BY5PR11MB4022D1E2F3A4B5C6D7E8F9A0B1C2BY5PR11MB4022namp_")
    h = base_headers("Helen Zhou <helen.zhou@lakeside-hosp.example>", "Release 2 serials from old iMC server", date,
                     "<BY5PR11MB4022D1E2F3A4B5C6D7E8F9A0B1C2@BY5PR11MB4022.namprd11.prod.outlook.example>",
                     "mail-by5nam11on2090.outbound.protection.outlook.example", "40.107.220.90", "4Gl0Cr0Cdez3s", date,
                     extra=["Thread-Topic: Release 2 serials from old iMC server", "Content-Language: en-US",
                            "X-MS-Has-Attach: yes", "X-Mailer: Microsoft Outlook 16.0"])
    add("32-unbind-numbered-release-en.eml", message(h, body), "request_materials", "unbind", ["unbind_letter"],
        why="Partial unbind worded as 'release two serials from the old server' (two of four), fields as a numbered '1) End user: …' list; license file attached, the stamped letter comes later.")


def m33():
    date = "Fri, 27 Nov 2026 09:41:16 +0800"
    text = """您好，

我們需要將 iMC 授權中的部分序號從現有伺服器解綁，以便安裝到另一台伺服器使用，資料如下：

最終用戶單位名稱：香港城市物流有限公司
用戶聯絡人：李嘉欣
用戶聯絡電話：+852 5550 1234
代理商工程師姓名：張偉文
代理商工程師電話：+852 5550 9876
授權碼：IMC-EIA-8QP4-ZR6M-3KWT
原授權序號：EIA-SN-410021、EIA-SN-410022、EIA-SN-410023
需要解綁的序號：EIA-SN-410023

附件為授權檔及已蓋章的承諾書（解綁定專用）。

張偉文
"""
    parts = [text_part(text, charset="utf-8", cte="base64"),
             attach("授權檔_iMC.lic", license_text("iMC EIA 7.3", "IMC-EIA-8QP4-ZR6M-3KWT", 33), "application/octet-stream", "2231", "utf-8"),
             attach("承諾書（解綁定專用）_已蓋章.pdf", UNBIND_PDF, "application/pdf", "2231", "utf-8")]
    body = multipart("mixed", parts, "----=_NextPart_000_00BD_01DC5FD0.B7D9FBA0", "This is a multipart message in MIME format.")
    h = base_headers("%s <cheungww@hk-netsys.example>" % word("張偉文", "utf-8"),
                     hdr_words("iMC 授權解綁申請 – 香港城市物流", "utf-8"), date,
                     "<00bc01dc5fd0$b7d9fba0$278df2e0$@hk-netsys.example>", "mail.hk-netsys.example", "203.0.113.133", "4Gl0Ft3Efgz6u", date,
                     extra=["X-Mailer: Microsoft Outlook 16.0", "Content-Language: zh-hk"])
    add("33-unbind-hant-utf8.eml", message(h, body), "forward", "unbind",
        why="Traditional Chinese (UTF-8, Hong Kong) partial unbind (解綁 one of three 序號) with 授權檔 and the stamped 承諾書（解綁定專用）; complete.")


def m34():
    date = "Fri, 27 Nov 2026 10:15:52 +0800"
    text = """您好：

我单位XLog日志审计系统需要将部分授权从当前服务器解除绑定，迁到另一台XLog服务器上使用，材料如下：

最终用户单位名称：湘江新区数据资源管理局
用户联系人：谭军
用户联系方式：0731-88651234
代理商工程师姓名：彭亮
代理商工程师联系方式：13874912345
授权码：XLOG-STD-6HN2-VP8K-3QWD
所属产品：XLog
变更前原License授权中包含的授权序列号列表：XLOG-SN-7701，XLOG-SN-7702
需要解绑定的授权序列号：XLOG-SN-7702

附件：XLog License文件、盖章的承诺书（解绑定专用）扫描件。
"""
    parts = [text_part(text, charset="UTF-8", cte="base64"),
             attach("XLog_License.lic", license_text("XLog 5.0", "XLOG-STD-6HN2-VP8K-3QWD", 34), "application/octet-stream"),
             attach("承诺书（解绑定专用）盖章扫描件.pdf", UNBIND_PDF, "application/pdf", "ew", "UTF-8")]
    body = multipart("mixed", parts, "----=_Part_411275_1893402618.1796005352119")
    h = base_headers("%s <tanjun@xjxq-data.example>" % word("谭军", "UTF-8"),
                     hdr_words("XLog授权解绑申请", "UTF-8"), date,
                     "<2c8e1a4f.6b2d.18c81f3e7a2.Coremail.tanjun@xjxq-data.example>", "mail.xjxq-data.example", "198.51.100.91", "4Gl0Jv6Ghiz9w", date,
                     extra=["X-Mailer: Coremail Webmail Server Version XT6.0.2 build 20231103(d5a3e1b2)"])
    add("34-unbind-xlog-zh.eml", message(h, body), "forward", "unbind", notes=["unbind_imc_only"],
        why="Complete partial unbind (解除绑定) for XLog: the unbind-only letter is for iMC, so the forward carries the unbind_imc_only note.")


def m35():
    date = "Fri, 27 Nov 2026 08:44:03 -0500"
    text = """Hello,

Please unbind the following serials of our iMC license from the current server
(srv-imc-01); we want to use them on another server.

End user organization: Riverside University
Contact person: Mark Evans
Phone: +1 555 0123 8890
Reseller engineer: Anna Kowalski
Reseller phone: +1 555 0166 2201
License key: IMC-EIA-2WD7-QK5N-8HTL
All serials: EIA-SN-500301, EIA-SN-500302 and EIA-SN-500303
Serials to unbind: EIA-SN-500303; EIA-SN-500301; EIA-SN-500302

The license file and the stamped unbind-only commitment letter are attached.

Mark Evans
Riverside University IT Services
"""
    parts = [text_part(text, charset="UTF-8", cte="7bit").replace('charset="UTF-8"', "charset=UTF-8; format=flowed"),
             attach("srv-imc-01.lic", license_text("iMC EIA 7.3", "IMC-EIA-2WD7-QK5N-8HTL", 35), "application/octet-stream"),
             attach("unbind_commitment_letter_stamped.pdf", UNBIND_PDF, "application/pdf")]
    body = multipart("mixed", parts, "------------Bv5Kx1Qz8Lm3Ns7Pw0Rt4Yc", "This is a multi-part message in MIME format.")
    h = base_headers("Mark Evans <m.evans@riverside-univ.example>", "Unbind license serials - Riverside University", date,
                     "<d3f5a7c9-1e2b-4d6f-8a0c-3e5b7d9f1a2c@riverside-univ.example>", "mail.riverside-univ.example", "192.0.2.121", "4Gl0Mx9Jklz2y", date,
                     extra=["User-Agent: Mozilla Thunderbird", "Content-Language: en-US"])
    add("35-unbind-all-serials-and-en.eml", message(h, body), "request_materials", "hardware_change",
        ["new_host_info", "commitment_letter"], ["unbind_all_serials", "wrong_letter"],
        why="Unbind of every serial: 'All serials: A, B and C' vs 'Serials to unbind: C; A; B' (other order and separators) → hardware change, which lacks the new host info and the general letter (the unbind-only letter is the wrong one).")


def m36():
    date = "Fri, 27 Nov 2026 11:03:27 +0800"
    text = """您好，
我们要把iMC授权从现在的服务器上解绑，信息如下：

最终用户单位名称：合肥市包河区人民医院
用户联系人：许静
用户联系方式：0551-63361234
代理商工程师姓名：汪洋
代理商工程师联系方式：13955112345
授权码：IMC-EIA-7LC3-XM9Q-4PNV
原License授权序列号列表：
1. EIA-SN-620501
2. EIA-SN-620502
3. EIA-SN-620503
需要解绑的授权序列号：
1. EIA-SN-620503
2. EIA-SN-620501
3. EIA-SN-620502

附件为License文件和盖章的解绑定专用承诺书。

汪洋
"""
    parts = [text_part(text, charset="GBK", cte="base64"),
             attach("授权文件.lic", license_text("iMC EIA 7.3", "IMC-EIA-7LC3-XM9Q-4PNV", 36), "application/octet-stream", "ew", "GBK"),
             attach("承诺书（解绑定专用）已盖章.jpg", jpeg("stamped unbind letter"), "image/jpeg", "ew", "GBK")]
    body = multipart("mixed", parts, "----=_001_NextPart385027416350_=----", "This is a multi-part message in MIME format.")
    h = base_headers("%s <wangyang@huiwang-it.example>" % word("汪洋", "GBK"),
                     hdr_words("申请License解绑", "GBK"), date,
                     "<202611271103277152934@huiwang-it.example>", "smtp.huiwang-it.example", "198.51.100.92", "4Gl0Qz2Lmnz5a", date,
                     extra=["X-Mailer: Foxmail 7.2.25.254[cn]", "X-Has-Attach: yes"])
    add("36-unbind-all-serials-lines-gbk.eml", message(h, body), "request_materials", "hardware_change",
        ["new_host_info", "commitment_letter"], ["unbind_all_serials", "wrong_letter"],
        why="GBK unbind whose two serial lists are numbered lines below their labels; the serials to unbind are all three originals in another order → hardware change, lacking new host info and the general letter.")


def m37():
    date = "Fri, 27 Nov 2026 14:26:45 +0800"
    text = """您好，
太原市小店区政务服务中心的iMC需要办理License解绑，相关信息：
最终用户单位名称：太原市小店区政务服务中心
用户联系人：郝建平
用户联系方式：0351-7021234
代理商工程师姓名：武斌
代理商工程师联系方式：13935112345
授权码：IMC-EIA-3RV6-PK2J-9WMZ
需解绑序列号：全部（共3个）
附件：老服务器主机信息文件、盖章的承诺书（解绑定专用）照片。
"""
    parts = [text_part(text, charset="gb18030", cte="base64"),
             attach("老服务器主机信息.txt", host_info("XD-ZW-IMC", "C1E3A5B7-D9F1-4B3A-F4A6-C8E0A2B4D6F8", 371), "text/plain", "ew", "gb18030"),
             attach("承诺书解绑定专用.jpg", jpeg("unbind letter photo"), "image/jpeg", "ew", "gb18030")]
    body = multipart("mixed", parts, "----=_NextPart_000_00CE_01DC5FF4.C9EB1DB0", "This is a multipart message in MIME format.")
    h = base_headers("%s <wubin@jinyang-net.example>" % word("武斌", "gb18030"),
                     hdr_words("License解绑申请（太原市小店区政务服务中心）", "gb18030"), date,
                     "<00cd01dc5ff4$c9eb1db0$5dc15910$@jinyang-net.example>", "mail.jinyang-net.example", "198.51.100.93", "4Gl0U15Nopz8c", date,
                     extra=["X-Mailer: Microsoft Outlook 16.0", "Content-Language: zh-cn"])
    add("37-unbind-all-quanbu-gb18030.eml", message(h, body), "request_materials", "hardware_change",
        ["new_host_info", "commitment_letter"], ["unbind_all_serials", "wrong_letter"],
        why="GB18030 unbind whose serials to unbind are '全部（共3个）' — every serial → hardware change; the old host file is there, new host info and the general letter are not.")


def m38():
    date = "Fri, 27 Nov 2026 09:58:14 +0000"
    text = """Hi,

Please unbind one serial (EIA-SN-710044) of our iMC license from the production
server so we can use it on the lab server.

End-user organisation: Greenfield District Council
End-user contact: Sarah Moss
End-user phone: +44 20 5550 1180
Reseller engineer: Peter Hall
Reseller phone: +44 20 5550 7723
License key: IMC-EIA-6TF2-NC8W-1KJR
Original serials: EIA-SN-710041, EIA-SN-710042, EIA-SN-710043, EIA-SN-710044
Serials to unbind: EIA-SN-710044

Attached are the license file and the signed and stamped unbind commitment
letter (scan0001.pdf, straight from the office scanner).

Sarah Moss
"""
    parts = [text_part(text, charset="us-ascii", cte="7bit"),
             attach("greenfield-prod.lic", license_text("iMC EIA 7.3", "IMC-EIA-6TF2-NC8W-1KJR", 38), "application/octet-stream"),
             attach("scan0001.pdf", UNBIND_PDF, "application/pdf")]
    body = multipart("mixed", parts, "_002_LO2P265MB5163E4F5A6B7C8D9LO2P265MB5163GBRP_", "")
    h = base_headers("Sarah Moss <sarah.moss@greenfield-dc.example>", "License unbind request - Greenfield Council", date,
                     "<LO2P265MB5163E4F5A6B7C8D9E0F1A2B3@LO2P265MB5163.GBRP265.PROD.OUTLOOK.example>",
                     "mail-lo2gbr01on2110.outbound.protection.outlook.example", "40.107.10.110", "4Gl0X38Pqrz1e", date,
                     extra=["Content-Language: en-GB", "X-Mailer: Microsoft Outlook 16.0"])
    add("38-unbind-scan0001-pdf-en.eml", message(h, body), "forward", "unbind",
        why="Partial unbind whose stamped unbind letter is a scanner file named scan0001.pdf; the text says it is 'the signed and stamped unbind commitment letter'; complete.")


def m39():
    date = "Fri, 27 Nov 2026 15:47:32 +0800"
    text = """您好：

请帮忙将我单位iMC授权中的一个序列号解除绑定，转到新建的分院服务器上使用。

最终用户单位名称：绍兴市中心医院
用户联系人：金晓燕
用户联系方式：0575-88221234
代理商工程师姓名：陶然
代理商工程师联系方式：13857512345
授权码：IMC-EIA-9DX4-LB7T-2QWS
变更前原License授权中包含的授权序列号列表：EIA-SN-830011，EIA-SN-830012，EIA-SN-830013，EIA-SN-830014
需要解绑定的授权序列号：EIA-SN-830014

附件为License文件和承诺书（解绑定专用）。
"""
    parts = [text_part(text, charset="utf-8", cte="base64"),
             attach("绍兴中心医院iMC.lic", license_text("iMC EIA 7.3", "IMC-EIA-9DX4-LB7T-2QWS", 39), "application/octet-stream", "ew", "utf-8"),
             attach("H3C业务软件License例外申请及承诺书（解绑定专用）.doc", ole_doc(39), "application/msword", "ew", "utf-8")]
    body = multipart("mixed", parts, "----=_NextPart_000_00DF_01DC6006.DBFD2FC0", "This is a multipart message in MIME format.")
    h = base_headers("%s <taoran@yuewang-it.example>" % word("陶然", "utf-8"),
                     hdr_words("iMC License解绑申请", "utf-8"), date,
                     "<00de01dc6006$dbfd2fc0$93f88f40$@yuewang-it.example>", "mail.yuewang-it.example", "198.51.100.94", "4Gl0a5BRstz4g", date,
                     extra=["X-Mailer: Microsoft Outlook 16.0", "Content-Language: zh-cn"])
    add("39-unbind-letter-doc-zh.eml", message(h, body), "request_materials", "unbind", ["unbind_letter"], ["letter_not_stamped"],
        why="Partial unbind whose unbind-only letter is a Word 97 .doc (the blank template), which does not count as the stamped letter.")


# ===========================================================================
# Unclear requests


def m40():
    date = "Fri, 27 Nov 2026 10:11:09 +0000"
    text = """Hi,

Since last Tuesday our iMC shows "license invalid" on the dashboard and some
modules are disabled. What do you need from us to get this sorted out?

License key: IMC-PLAT-5MW8-HD3K-2QVN

Thanks,
Chris Doyle
Brightwave Media
"""
    body = text_part(text, charset="us-ascii", cte="7bit")
    h = base_headers("Chris Doyle <c.doyle@brightwave.example>", "iMC license problem", date,
                     "<CAK8mP2vR9xL4tN7qZ1wB6sD3fH0jY5cE8aU2oI9gM4nT6k@mail.brightwave.example>",
                     "mail.brightwave.example", "192.0.2.131", "4Gl0d7ETuvz7j", date)
    add("40-ask-vague-en.eml", message(h, body), "ask_scenario",
        why="A licence problem ('license invalid', modules disabled) with a key, but nothing says whether the file is lost, the hardware changed or serials must be unbound.")


def m41():
    date = "Fri, 27 Nov 2026 16:20:58 +0800"
    text = """你好，
我们XLog的授权出了点问题，想问一下例外申请需要准备哪些材料？授权码是XLOG-ADV-8TQ3-WN6P-1HZK。
谢谢
"""
    body = text_part(text, charset="utf-8", cte="base64")
    h = base_headers("%s <gaoming@dongsheng-sec.example>" % word("高明", "utf-8"),
                     hdr_words("咨询XLog授权例外申请", "utf-8"), date,
                     "<wework.1796026858.4412@dongsheng-sec.example>", "mail.dongsheng-sec.example", "198.51.100.95", "4Gl0g9GVwxz0l", date,
                     extra=["X-Mailer: WeCom Mail"])
    add("41-ask-which-materials-zh.eml", message(h, body), "ask_scenario",
        why="Asks which materials an XLog licence exception needs and gives the code, without saying which of the three processes applies.")


# ===========================================================================
# Mail that must be ignored


def m42():
    date = "Tue, 24 Nov 2026 09:14:31 +0400"
    text = """I am out of the office until Sunday 29 November with limited access to e-mail.

For urgent matters about our iMC license please contact my colleague Omar
Haddad (o.haddad@gulfpetro-it.example).

Ahmed Karim
"""
    html = OUTLOOK_HEAD % "us-ascii" + html_paras(text) + OUTLOOK_TAIL
    body = multipart("alternative", [text_part(text, charset="us-ascii", cte="quoted-printable"),
                                     text_part(html, "text/html", "us-ascii", "quoted-printable")],
                     "_000_DB9PR02MB7241F1E2D3C4B5A6DB9PR02MB7241eurp_")
    h = base_headers("Ahmed Karim <a.karim@gulfpetro-it.example>",
                     "Automatic reply: Re: [LX-20261124-0031] iMC server swap - Gulf Petrochem", date,
                     "<DB9PR02MB7241F1E2D3C4B5A6A7B8C9D0@DB9PR02MB7241.eurprd02.prod.outlook.example>",
                     "mail-db9eur02on2071.outbound.protection.outlook.example", "40.107.249.71", "4Gl0jBJYzaz3n", date,
                     extra=["Thread-Topic: [LX-20261124-0031] iMC server swap - Gulf Petrochem",
                            "In-Reply-To: <20261124051402.LX-20261124-0031.1@example.test>",
                            "X-MS-Has-Attach:", "X-MS-TNEF-Correlator:", "X-Auto-Response-Suppress: All",
                            "X-MS-Exchange-Inbox-Rules-Loop: a.karim@gulfpetro-it.example", "Content-Language: en-US"])
    add("42-ignore-outlook-automatic-reply.eml", message(h, body), "ignore", reason="auto_submitted",
        why="Exchange/Outlook out-of-office ('Automatic reply:' subject, X-Auto-Response-Suppress: All) without an Auto-Submitted header, to one of our replies.")


def our_reply_message(to, case, subject, body_text, date):
    h = ["From: License Intake <intake@example.test>", "To: " + to, "Subject: " + hdr_words("Re: [%s] %s" % (case, subject), "utf-8"),
         "Date: " + date, "Message-ID: <20261124051402.%s.1@example.test>" % case, "Auto-Submitted: auto-replied", "MIME-Version: 1.0"]
    return message(h, text_part(body_text, charset="utf-8", cte="base64"))


def m43():
    date = "Tue, 24 Nov 2026 09:14:40 +0400"
    orig = our_reply_message("Ahmed Karim <a.karim@gulfpetro-it.example>", "LX-20261124-0031", "iMC server swap - Gulf Petrochem",
                             our_request_reply_hw("Ahmed Karim", "LX-20261124-0031"), "Tue, 24 Nov 2026 13:14:02 +0800")
    notice = """Delivery has failed to these recipients or groups:

a.karim@gulfpetro-it.example
The recipient's mailbox is full and can't accept messages now. Please try resending your message later, or contact the recipient directly.

Diagnostic information for administrators:

Generating server: DB9PR02MB7241.eurprd02.prod.outlook.example

a.karim@gulfpetro-it.example
Remote server returned '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded'
"""
    status = crlf("""Reporting-MTA: dns;DB9PR02MB7241.eurprd02.prod.outlook.example
Received-From-MTA: dns;mx.example.test
Arrival-Date: Tue, 24 Nov 2026 05:14:38 +0000

Final-Recipient: rfc822;a.karim@gulfpetro-it.example
Action: failed
Status: 5.2.2
Diagnostic-Code: smtp;554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded
""")
    parts = [multipart("alternative", [text_part(notice, charset="us-ascii", cte="quoted-printable")], "_001_DB9PR02MB7241NDR_"),
             part(["Content-Type: message/delivery-status"], status),
             part(["Content-Type: message/rfc822"], orig)]
    parts[0] = parts[0][0] + CRLF + CRLF + parts[0][1]
    body = multipart("report", parts, "_000_DB9PR02MB7241NDR_", params=";" + CRLF + "\treport-type=delivery-status")
    h = base_headers("postmaster@gulfpetro-it.example", "Undeliverable: Re: [LX-20261124-0031] iMC server swap - Gulf Petrochem", date,
                     "<d0a3f1e2-7b4c-4d5e-9f6a-NDR0031@DB9PR02MB7241.eurprd02.prod.outlook.example>",
                     "mail-db9eur02on2071.outbound.protection.outlook.example", "40.107.249.71", "4Gl0mDLabcz6q", date,
                     extra=["Content-Language: en-US", "X-MS-Exchange-Message-Is-Ndr:"],
                     return_path="<>")
    add("43-ignore-exchange-ndr.eml", message(h, body), "ignore", reason="bounce",
        why="Exchange non-delivery report from postmaster@ (multipart/report; report-type=delivery-status) carrying our own reply about a hardware change.")


def m44():
    date = "Wed, 25 Nov 2026 09:52:06 +0100"
    orig = our_reply_message("Lukas Weber <l.weber@alpenlog.example>", "LX-20261125-0009", "iMC license invalid after motherboard replacement",
                             our_request_reply_hw("Lukas Weber", "LX-20261125-0009"), "Wed, 25 Nov 2026 16:51:58 +0800")
    text = crlf("""Hi. This is the qmail-send program at mail.alpenlog.example.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<l.weber@alpenlog.example>:
Sorry, no mailbox here by that name. (#5.1.1)

--- Below this line is a copy of the message.

""") + orig
    h = ["Return-Path: <>", received("mail.alpenlog.example", "192.0.2.88", "4Gl0pFNcdez9s", date),
         "Date: " + date, "From: MAILER-DAEMON@mail.alpenlog.example", "To: " + INTAKE, "Subject: failure notice",
         "Message-ID: <20261125085206.31877.qmail@mail.alpenlog.example>"]
    raw = CRLF.join(h) + CRLF + CRLF + text
    add("44-ignore-qmail-failure-notice.eml", raw, "ignore", reason="bounce",
        why="A qmail bounce ('failure notice', plain text, no MIME) from MAILER-DAEMON@ with the returned message below.")


def m45():
    date = "Thu, 26 Nov 2026 07:00:00 +0000"
    html = ('<html><body style="font-family:Arial"><table width="600" align="center"><tr><td>'
            '<h1>NetOps Weekly #212</h1><h2>Moving your network-management licence to new hardware</h2>'
            '<p>Replacing a server? Most vendors tie the activation file to a host ID. Here is how to plan a hardware change '
            'or unbind serials without downtime, with notes on iMC, XLog and CAMS.</p>'
            '<p><a href="https://netops-weekly.example/212">Read more</a></p>'
            '<p style="font-size:11px;color:#777">You receive this because you subscribed at netops-weekly.example. '
            '<a href="https://netops-weekly.example/u/8f3a2c">Unsubscribe</a></p></td></tr></table></body></html>')
    text = ("NetOps Weekly #212\n\nMoving your network-management licence to new hardware\n\n"
            "Replacing a server? Most vendors tie the activation file to a host ID. Here is how to plan a hardware change or "
            "unbind serials without downtime, with notes on iMC, XLog and CAMS.\n\nRead more: https://netops-weekly.example/212\n\n"
            "Unsubscribe: https://netops-weekly.example/u/8f3a2c\n")
    body = multipart("alternative", [text_part(text, charset="utf-8", cte="quoted-printable"),
                                     text_part(html, "text/html", "utf-8", "quoted-printable")], "b1_8f3a2c7e9d1b4a6f")
    h = base_headers('"NetOps Weekly" <news@netops-weekly.example>', "NetOps Weekly #212: moving licences to new hardware", date,
                     "<212.8f3a2c.20261126070000@netops-weekly.example>", "mta7.netops-weekly.example", "198.51.100.201", "4Gl0sHPefgz2u", date,
                     extra=["List-Unsubscribe: <mailto:unsubscribe-8f3a2c@netops-weekly.example>, <https://netops-weekly.example/u/8f3a2c>",
                            "List-Unsubscribe-Post: List-Unsubscribe=One-Click", "Feedback-ID: 212:newsletter:netops"],
                     return_path="<bounce-8f3a2c@netops-weekly.example>")
    add("45-ignore-newsletter-list-unsubscribe.eml", message(h, body), "ignore", reason="list",
        why="A newsletter about moving licences to new hardware: List-Unsubscribe (one-click) only, no List-Id or Precedence.")


def m46():
    date = "Thu, 26 Nov 2026 02:30:00 +0000"
    text = """Dear partner,

You are invited to our webinar "iMC 7.3: licensing, upgrades and hardware
changes" on 10 December 2026, 10:00 CET. We will cover licence recovery,
hardware change and unbind requests step by step.

Register: https://partner-events.example/r/imc73

H3C Partner Events
"""
    body = text_part(text, charset="us-ascii", cte="7bit")
    h = base_headers('"Partner Events" <events@partner-events.example>', "Invitation: iMC 7.3 licensing & upgrade webinar", date,
                     "<inv-imc73-000481@partner-events.example>", "out3.partner-events.example", "198.51.100.202", "4Gl0vKRghiz5w", date,
                     extra=["Precedence: bulk", "X-Campaign: imc73-webinar"])
    add("46-ignore-precedence-bulk.eml", message(h, body), "ignore", reason="list",
        why="A bulk marketing invitation (Precedence: bulk, no List-* headers) that talks about recovery, hardware change and unbind.")


def m47():
    date = "Thu, 26 Nov 2026 05:12:44 +0000"
    text = """Dear customer,

The activation file for authorization code IMC-PLAT-7NB3-K9WQ-2HRF has been
generated and can be downloaded from the license portal for 30 days.

This mailbox is not monitored. Please do not reply to this e-mail.

License Portal
"""
    body = text_part(text, charset="us-ascii", cte="7bit")
    h = base_headers('"License Portal" <do-not-reply@licensing-portal.example>', "Your license activation file has been generated", date,
                     "<lp-20261126051244-77120@licensing-portal.example>", "smtp.licensing-portal.example", "198.51.100.203", "4Gl0yMTijkz8y", date)
    add("47-ignore-do-not-reply.eml", message(h, body), "ignore", reason="noreply",
        why="A licence-portal notification from do-not-reply@, which mentions an authorization code and an activation file.")


def m48():
    date = "Fri, 27 Nov 2026 08:30:12 +0800"
    text = """您好，

我们的iMC License激活文件丢失了，申请找回。

客户局点名称：昆仑科技园数据中心
授权码：IMC-PLAT-4QZ8-R2MX-7LDN

--
Kunlun Tech Helpdesk
"""
    body = text_part(text, charset="utf-8", cte="base64")
    h = base_headers("Kunlun Tech Helpdesk <helpdesk@kunlun-tech.example>",
                     hdr_words("[Ticket#88213] License找回", "utf-8"), date,
                     "<ticket-88213-3@helpdesk.kunlun-tech.example>", "helpdesk.kunlun-tech.example", "198.51.100.204", "4Gl11PVklmz1a", date,
                     extra=["X-Loop: intake@example.test", "X-OTRS-Loop: false", "X-Mailer: Helpdesk 6.5"])
    add("48-ignore-x-loop.eml", message(h, body), "ignore", reason="loop",
        why="A helpdesk system relays a request that has already passed through us: 'X-Loop: intake@example.test' — processing it again would loop.")


def m49():
    date = "Fri, 27 Nov 2026 09:00:31 +0100"
    text = """Dear customer,

please find attached invoice INV-2026-1187 for the services delivered in
October 2026.

  On-site network maintenance (16 h)             EUR 1,920.00
  Windows Server 2022 Standard licence (16 core)  x2   EUR 1,860.00
  Rack space Q4                                  EUR   600.00
  Total due                                      EUR 4,380.00

Payment terms: 14 days net, by bank transfer to IBAN DE00 5555 0000 1187 2026 00.

Kind regards,
Accounts Receivable
Summit IT Services GmbH
"""
    parts = [text_part(text, charset="utf-8", cte="quoted-printable"), attach("INV-2026-1187.pdf", INVOICE_PDF, "application/pdf")]
    body = multipart("mixed", parts, "=_summit_inv_1187_b0a9c8d7")
    h = base_headers('"Summit IT Services - Accounts Receivable" <ar@summit-itservices.example>',
                     "Invoice INV-2026-1187 from Summit IT Services", date,
                     "<inv-2026-1187.a1b2c3@summit-itservices.example>", "mail.summit-itservices.example", "192.0.2.141", "4Gl14RXlmnz4c", date,
                     extra=["X-Mailer: Summit Billing 3.2"])
    add("49-ignore-vendor-invoice.eml", message(h, body), "ignore", reason="not_request",
        why="A vendor's invoice (one line item is a Windows Server licence): not a request to this process at all, so no reply.")


# ---------------------------------------------------------------------------


def main():
    for name in sorted(n for n in globals() if n.startswith("m") and n[1:].isdigit()):
        globals()[name]()
    for f in os.listdir(HERE):
        if f.endswith(".eml"):
            os.remove(os.path.join(HERE, f))
    with open(os.path.join(HERE, "expected.jsonl"), "w", encoding="utf-8") as out:
        for name, raw, exp in MAILS:
            bare = raw.replace(b"\r\n", b"")
            assert b"\n" not in bare and b"\r" not in bare, name + ": bare LF or CR"
            with open(os.path.join(HERE, name), "wb") as f:
                f.write(raw)
            out.write(json.dumps(exp, ensure_ascii=False) + "\n")
    print("wrote %d mails to %s" % (len(MAILS), HERE))


if __name__ == "__main__":
    main()
