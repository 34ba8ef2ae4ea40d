#!/usr/bin/env python3
"""Generate the blind3 test mails (deterministic, stdlib only).

Run:  python3 gen.py      (writes NN-name.eml and expected.jsonl beside this file)

Emphasis of this set: very short mails, the synonyms people really use for the
documents and the process, labels as people type them, unusual formatting,
Big5 / Hong Kong UTF-8 / various clients, mixed and edge cases, and a few
mails that must be ignored.
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

OUT = os.path.dirname(os.path.abspath(__file__))
TO = "intake@example.test"

# ---------------------------------------------------------------- tiny files


def make_pdf(label="stamped scan"):
    content = b"q 0.8 0 0 rg 400 80 120 120 re f Q q 0 0 0 rg 60 700 300 4 re f Q"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Title (" + label.encode("ascii") + b") /Producer (blind3 scanner) >>",
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n" % (len(objs) + 1)
    out += b"0000000000 65535 f \n"
    for off in offs:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def make_png(w=4, h=4, rgb=(200, 30, 30)):
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def make_jpeg():
    # 1x1 grey baseline JPEG: one DC code and one AC (EOB) code, both "0".
    out = b"\xff\xd8"
    out += b"\xff\xdb\x00\x43\x00" + b"\x01" * 64
    out += b"\xff\xc0\x00\x0b\x08\x00\x01\x00\x01\x01\x01\x11\x00"
    out += b"\xff\xc4\x00\x14\x00" + b"\x01" + b"\x00" * 15 + b"\x00"
    out += b"\xff\xc4\x00\x14\x10" + b"\x01" + b"\x00" * 15 + b"\x00"
    out += b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00"
    out += b"\x3f"
    out += b"\xff\xd9"
    return out


def make_tiff():
    entries = [(256, 3, 1, 1), (257, 3, 1, 1), (258, 3, 1, 8), (259, 3, 1, 1),
               (262, 3, 1, 1), (273, 4, 1, 110), (278, 3, 1, 1), (279, 4, 1, 1)]
    out = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", len(entries))
    for tag, typ, cnt, val in entries:
        if typ == 3:
            out += struct.pack("<HHIHH", tag, typ, cnt, val, 0)
        else:
            out += struct.pack("<HHII", tag, typ, cnt, val)
    out += struct.pack("<I", 0)
    assert len(out) == 110
    return out + b"\x80"


def make_zip(files):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, date_time=(2025, 3, 1, 10, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    return buf.getvalue()


def make_docx(title):
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p>'
           '<w:p><w:r><w:t>本公司（单位）：________</w:t></w:r></w:p></w:body></w:document>' % title)
    return make_zip([
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
        ("word/document.xml", doc),
    ])


def lic(tag, product="iMC"):
    body = ("H3C %s License Activation File\r\nFormatVersion=3\r\nProduct=%s\r\n"
            "HostID=%s-HOST-OLD\r\nIssued=2021-06-18\r\nSignature=%s\r\n"
            % (product, product, tag, base64.b64encode(("sig-" + tag).encode() * 3).decode()))
    return body.encode()


def hostinfo(tag, which):
    return ("[HostInfo]\r\nHostID=%s-%s-7F3A9C21\r\nMAC=00:0C:29:%02X:1A:2B\r\nCPU=BFEBFBFF000906EA\r\n"
            "Disk=WD-WCC4E%s\r\nCollected=2025-03-0%d\r\n"
            % (tag, which, len(tag) % 256, which, 3 if which == "NEW" else 1)).encode()


def machine_xml(tag):
    return ('<?xml version="1.0" encoding="UTF-8"?>\r\n<machineInfo>\r\n  <hostId>%s-NEW-55E1</hostId>\r\n'
            '  <mac>3C:EC:EF:10:22:33</mac>\r\n  <serial>SRV-%s-2025</serial>\r\n</machineInfo>\r\n' % (tag, tag)).encode()


PDF = make_pdf()
PNG = make_png()
JPG = make_jpeg()
TIF = make_tiff()

# ---------------------------------------------------------------- MIME


def b64lines(data):
    s = base64.b64encode(data).decode()
    return "\r\n".join(s[i:i + 76] for i in range(0, len(s), 76)).encode() + b"\r\n"


def ew(text, charset="UTF-8"):
    """RFC 2047 B-encoding, split into words of bounded length."""
    try:
        text.encode("ascii")
        return text
    except UnicodeEncodeError:
        pass
    words, cur = [], ""
    for ch in text:
        if cur and len((cur + ch).encode(charset)) > 42:
            words.append(cur)
            cur = ch
        else:
            cur += ch
    if cur:
        words.append(cur)
    return "\r\n ".join("=?%s?B?%s?=" % (charset, base64.b64encode(w.encode(charset)).decode()) for w in words)


def addr(name, email, charset="UTF-8"):
    if not name:
        return email
    try:
        name.encode("ascii")
        return '"%s" <%s>' % (name, email)
    except UnicodeEncodeError:
        return "%s <%s>" % (ew(name, charset), email)


class Part:
    def __init__(self, headers, body=None, children=None, preamble=b""):
        self.headers = headers
        self.body = body
        self.children = children
        self.preamble = preamble
        self.boundary = None


def render_headers(headers):
    return b"".join(("%s: %s\r\n" % (k, v)).encode("ascii") for k, v in headers)


def render(part):
    if part.children is None:
        return render_headers(part.headers) + b"\r\n" + part.body
    out = render_headers(part.headers) + b"\r\n" + part.preamble
    for c in part.children:
        out += b"--" + part.boundary.encode() + b"\r\n" + render(c) + b"\r\n"
    out += b"--" + part.boundary.encode() + b"--\r\n"
    return out


def encode_body(data, cte):
    if cte == "base64":
        return b64lines(data)
    if cte == "quoted-printable":
        enc = quopri.encodestring(data.replace(b"\r\n", b"\n"))
        enc = enc.replace(b"\n", b"\r\n")
        if not enc.endswith(b"\r\n"):
            enc += b"\r\n"
        return enc
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    return data


def text(s, charset="utf-8", subtype="plain", cte="base64", extra=()):
    data = s.replace("\r\n", "\n").replace("\n", "\r\n").encode(charset)
    hs = [("Content-Type", 'text/%s; charset="%s"' % (subtype, charset))]
    hs.append(("Content-Transfer-Encoding", cte))
    hs.extend(extra)
    return Part(hs, encode_body(data, cte))


def att(name, data, ctype="application/octet-stream", style="2047", charset="UTF-8", inline=False, cid=None):
    disp = "inline" if inline else "attachment"
    try:
        name.encode("ascii")
        ascii_name = True
    except UnicodeEncodeError:
        ascii_name = False
    if ascii_name:
        ct = '%s; name="%s"' % (ctype, name)
        cd = '%s; filename="%s"' % (disp, name)
    elif style == "2047":
        e = ew(name, charset).replace("\r\n ", " ")
        ct = '%s; name="%s"' % (ctype, e)
        cd = '%s; filename="%s"' % (disp, e)
    else:  # RFC 2231
        q = urllib.parse.quote(name.encode(charset), safe="")
        ct = '%s; name*=%s\'\'%s' % (ctype, charset.lower(), q)
        cd = "%s; filename*=%s''%s" % (disp, charset.lower(), q)
    hs = [("Content-Type", ct), ("Content-Disposition", cd), ("Content-Transfer-Encoding", "base64")]
    if cid:
        hs.append(("Content-ID", "<%s>" % cid))
    return Part(hs, b64lines(data))


_bcount = [0]


def multi(subtype, children, params="", boundary=None):
    _bcount[0] += 1
    b = boundary or "----=_Part_blind3_%04d_%08X" % (_bcount[0], (_bcount[0] * 2654435761) & 0xFFFFFFFF)
    p = Part([("Content-Type", 'multipart/%s;%s boundary="%s"' % (subtype, params, b))], children=children,
             preamble=b"This is a multi-part message in MIME format.\r\n\r\n")
    p.boundary = b
    return p


def message(headers, root):
    hs = list(headers)
    if not any(k == "MIME-Version" for k, _ in hs):
        hs.append(("MIME-Version", "1.0"))
    return render_headers(hs) + render(root)


def std_headers(n, frm, subject, date, charset="UTF-8", extra=(), to=TO, msgid=None, dom="example.com"):
    hs = [("From", frm), ("To", to), ("Subject", ew(subject, charset)), ("Date", date),
          ("Message-ID", msgid or "<blind3-%02d.%s@%s>" % (n, "20250310", dom))]
    hs.extend(extra)
    return hs


# ---------------------------------------------------------------- the mails

MAILS = []


def mail(n, name, exp):
    def deco(fn):
        MAILS.append((n, name, fn, exp))
        return fn
    return deco


def E(action, scenario="", missing=(), notes=(), why="", reason=None, known_gap=None):
    d = {"action": action, "scenario": scenario, "missing": list(missing), "notes": list(notes)}
    if reason:
        d["reason"] = reason
    d["why"] = why
    if known_gap:
        d["known_gap"] = known_gap
    return d


HW_ALL = ["end_user_org", "end_user_contact", "end_user_phone", "agent_engineer", "agent_phone", "auth_code"]


@mail(1, "subject-only-recovery-zh", E(
    "forward", "recovery",
    why="Empty body; the subject alone says License找回 and carries 局点：… and 授权码：…, which is the whole recovery checklist."))
def m01(n):
    hs = std_headers(n, addr("周敏", "zhoumin@port.example.cn"),
                     "License找回 局点：宁波示例港务集团 授权码：LK-IMC-7Q2K-PX4M-9D3R",
                     "Mon, 10 Mar 2025 08:12:40 +0800", extra=[("X-Mailer", "Foxmail 7.2.25.254[cn]")])
    return message(hs, text("\n", cte="base64"))


@mail(2, "rutimian-migrate-attachments-only-zh", E(
    "request_materials", "hardware_change", HW_ALL,
    why="'如题，材料见附件' under subject 'iMC授权迁移到新机器' (= hardware change): old license, new host-info file and stamped 承诺书 are attached, but no end-user, reseller or auth-code field is given anywhere."))
def m02(n):
    hs = std_headers(n, addr("徐工", "xu.gong@njint.example.cn"), "iMC授权迁移到新机器",
                     "Mon, 10 Mar 2025 09:01:02 +0800", extra=[("X-Mailer", "Foxmail 7.2.25.254[cn]")])
    root = multi("mixed", [
        text("如题，材料见附件。\n\n", cte="base64"),
        att("旧服务器License文件.lic", lic("NJU")),
        att("新服务器主机信息.txt", hostinfo("NJU", "NEW"), "text/plain"),
        att("例外申请及承诺书-盖章.pdf", PDF, "application/pdf"),
    ])
    return message(hs, root)


@mail(3, "en-oneliner-license-transfer", E(
    "request_materials", "hardware_change", HW_ALL,
    why="One line 'pls see attached for license transfer' from a phone: moving the whole license to another server is hardware change; old license, new host info and stamped letter attached, every field missing."))
def m03(n):
    hs = std_headers(n, addr("Kevin Ong", "kevin.ong@netpro.example.sg"), "license transfer",
                     "Mon, 10 Mar 2025 10:22:11 +0800", extra=[("X-Mailer", "iPhone Mail (21D61)")])
    root = multi("mixed", [
        text("pls see attached for license transfer\n\nSent from my iPhone\n", cte="7bit"),
        att("old_server.lic", lic("SGX")),
        att("new_server_hostinfo.txt", hostinfo("SGX", "NEW"), "text/plain"),
        att("commitment_letter_stamped.pdf", PDF, "application/pdf"),
    ], boundary="Apple-Mail-4F2B8C1E-0A77-4C1D-9E21-5B0D3A6F1C10")
    return message(hs, root)


@mail(4, "fields-in-txt-attachment-zh", E(
    "forward", "hardware_change",
    why="JUDGEMENT: body is only '如题，材料见附件'; subject 机器换了 = hardware change; every field is labelled inside the attached 申请信息.txt, which a human engineer simply opens; old license, 新机器码文件 and stamped 承诺书 attached."))
def m04(n):
    info = ("最终用户单位名称：合肥示例燃气集团\r\n用户联系人：汪涛\r\n用户联系方式：0551-6222 3344\r\n"
            "代理商工程师姓名：储亮\r\n代理商工程师联系方式：13955112233\r\n授权码：LK-IMC-HF31-7788-99AA\r\n")
    hs = std_headers(n, addr("储亮", "chuliang@ahsi.example.cn"), "机器换了，重新下发License",
                     "Mon, 10 Mar 2025 10:40:00 +0800", extra=[("X-Mailer", "Foxmail 7.2.25.254[cn]")])
    root = multi("mixed", [
        text("如题，材料见附件\n", cte="base64"),
        att("申请信息.txt", info.encode("utf-8"), "text/plain"),
        att("原服务器授权文件.lic", lic("HFG")),
        att("新机器码文件.txt", hostinfo("HFG", "NEW"), "text/plain"),
        att("承诺书盖章件.pdf", PDF, "application/pdf"),
    ])
    return message(hs, root)


@mail(5, "chengnuohan-zhujigenghuan-wps-zh", E(
    "forward", "hardware_change",
    why="主机更换 (host replaced): 客户名称, '联系人及电话：刘洋 13816668888' (name and phone in one field), 集成商工程师 with 电话 after a full-width space, 授权码; old license, 新服务器机器码文件 and the stamped 承诺函."))
def m05(n):
    body = ("您好，\n\n因原服务器主板故障，主机更换，需要将iMC授权迁移到新服务器。\n\n"
            "客户名称：上海示例证券有限公司\n联系人及电话：刘洋 13816668888\n"
            "代理商：上海示例网络科技有限公司\n集成商工程师：孙浩　电话：13701234567\n"
            "授权码：LK-IMC-3F7A-88D2-C1E9\n\n附件：原服务器License文件、新服务器机器码文件、盖章承诺函。\n\n"
            "孙浩\n上海示例网络科技有限公司\n")
    hs = std_headers(n, addr("孙浩", "sunhao@shnet.example.cn"), "主机更换-License变更申请（上海示例证券）",
                     "Mon, 10 Mar 2025 11:05:31 +0800", extra=[("X-Mailer", "WPS Mail 1.0.0.7")])
    root = multi("mixed", [
        text(body, cte="base64"),
        att("原服务器License.lic", lic("SHZQ")),
        att("新服务器机器码文件.txt", hostinfo("SHZQ", "NEW"), "text/plain"),
        att("例外申请承诺函（盖章）.pdf", PDF, "application/pdf"),
    ])
    return message(hs, root)


@mail(6, "server-swap-exception-form-en", E(
    "forward", "hardware_change",
    why="'Server swap': 'Customer Name -', 'Contact -', 'Contact No.', 'Partner engineer -', 'Mob:', 'License Key:'; old activation file, old and new host info, and the stamped exception application form (= the commitment letter) as PDF."))
def m06(n):
    body = ("Hi team,\n\nWe did a server swap for the customer's iMC last weekend. Please re-issue the license for the new server.\n\n"
            "Customer Name - Example Bank Berhad\nContact - Ms. Nur Aisyah\nContact No. +60 3 2123 4567\n"
            "Partner engineer - Lim Wei Jie\nMob: +60 12 345 6789\nLicense Key: LK-IMC-55AB-7C21-90EF\n\n"
            "Attached: old server activation file, old/new host info, stamped exception application form.\n\n"
            "Regards,\nLim Wei Jie\nExample Networks Sdn Bhd\n")
    html = "<html><body>" + "".join("<p>%s</p>" % l if l else "<p>&nbsp;</p>" for l in body.split("\n")) + "</body></html>"
    hs = std_headers(n, addr("Lim Wei Jie", "weijie.lim@examplenet.example.my"), "Server swap - iMC license re-issue request",
                     "Mon, 10 Mar 2025 11:30:00 +0800", extra=[("X-Mailer", "Microsoft Outlook 16.0")])
    root = multi("mixed", [
        multi("alternative", [text(body, cte="quoted-printable"), text(html, subtype="html", cte="quoted-printable")]),
        att("old_server_activation.lic", lic("EBB")),
        att("old_hostinfo.txt", hostinfo("EBB", "OLD"), "text/plain"),
        att("new_hostinfo.txt", hostinfo("EBB", "NEW"), "text/plain"),
        att("Exception_Application_Form_stamped.pdf", PDF, "application/pdf"),
    ])
    return message(hs, root)


@mail(7, "rma-replacement-outlook-mac-en", E(
    "forward", "hardware_change", notes=["roles_assumed"],
    why="RMA replacement of the server (Outlook for Mac): all fields ('End user contact: David Koh, +65 …' holds name and phone); license.dat is the old file, so machine_info.xml (no role in its name) must be the new host info, by assumption; stamped letter is a JPEG."))
def m07(n):
    body = ("Hello,\n\nOur iMC server was replaced under RMA (mainboard + NICs). Please move the license to the replacement box.\n\n"
            "End user: Example Logistics Pte Ltd\nEnd user contact: David Koh, +65 9123 4567\n"
            "Reseller engineer: Priya Nair / +65 8765 4321\nLicense Key: LK-IMC-0A1B-2C3D-4E5F\n\n"
            "Attached: license.dat from the old server, machine_info.xml, and the commitment letter with our company chop.\n\n"
            "Thanks,\nPriya\n")
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
            '<body style="font-family:Calibri"><div>' + "<br>\n".join(body.split("\n")) + "</div></body></html>")
    hs = std_headers(n, addr("Priya Nair", "priya.nair@sysint.example.sg"), "RMA replacement of iMC server – need new license",
                     "Mon, 10 Mar 2025 12:01:44 +0800",
                     extra=[("User-Agent", "Microsoft-MacOutlook/16.82.24021116"), ("Thread-Topic", "RMA replacement of iMC server")])
    root = multi("mixed", [
        multi("alternative", [text(body, cte="quoted-printable"), text(html, subtype="html", cte="quoted-printable")],
              boundary="B_3792908504_1185412399"),
        att("license.dat", lic("ELOG")),
        att("machine_info.xml", machine_xml("ELOG"), "text/xml"),
        att("commitment_letter_chop.jpg", JPG, "image/jpeg"),
    ], boundary="B_3792908504_2001839711")
    return message(hs, root)


@mail(8, "rehost-docx-letter-en", E(
    "request_materials", "hardware_change", ["commitment_letter"], ["letter_not_stamped"],
    why="'Re-host … move license to new box' with every field, old/new host-id files named old_box/new_box, but the letter is the Word template (.docx), not a stamped scan."))
def m08(n):
    body = ("Dear H3C,\n\nWe need to re-host the iMC license, i.e. move license to new box; the old one is being decommissioned.\n\n"
            "End user: Example University of Technology\nEnd user contact person: Dr. Sarah Lee\nEnd user phone: +852 3442 1000\n"
            "Reseller engineer: Tony Chan\nReseller engineer mobile: +852 6123 9876\nAuth code: LK-IMC-77C1-0D2E-93FA\n\n"
            "The commitment letter is attached, we will fill it in later.\n\nBest,\nTony\n")
    hs = std_headers(n, addr("Tony Chan", "tony.chan@hkit.example.hk"), "Re-host iMC license to new box",
                     "Mon, 10 Mar 2025 13:14:15 +0800", extra=[("X-Mailer", "Microsoft Outlook 16.0")])
    root = multi("mixed", [
        text(body, cte="7bit"),
        att("old_box_hostid.txt", hostinfo("EUT", "OLD"), "text/plain"),
        att("new_box_hostid.txt", hostinfo("EUT", "NEW"), "text/plain"),
        att("H3C_License_Exception_Commitment_Letter.docx", make_docx("H3C License例外申请及承诺书"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ])
    return message(hs, root)


@mail(9, "screenshot-host-info-zh", E(
    "request_materials", "hardware_change", ["new_host_info"],
    why="Complete hardware change except that the new server's host information is only 新服务器主机信息截图.png, a screenshot: the engineer needs the host-information file itself (downloaded from iMC) or the identifier string, so new_host_info is still missing."))
def m09(n):
    body = ("您好：\n服务器更换，申请License硬件变更。\n\n用户单位：成都示例电力公司\n联系人：何静\n手机：13980001234\n\n"
            "代理商工程师：冯磊\n联系电话：18628889999\n\n授权码：LK-IMC-9E8D-7C6B-5A40\n\n"
            "附件：老服务器License文件、新服务器主机信息截图、承诺书盖章件。\n")
    hs = std_headers(n, addr("冯磊", "fenglei@scint.example.cn"), "服务器更换 License硬件变更申请",
                     "Mon, 10 Mar 2025 14:00:00 +0800", extra=[("X-Mailer", "Foxmail 7.2.25.254[cn]")])
    root = multi("mixed", [
        text(body, cte="base64"),
        att("老服务器License.lic", lic("CDDL")),
        att("新服务器主机信息截图.png", make_png(8, 6, (240, 240, 240)), "image/png"),
        att("承诺书盖章件.pdf", PDF, "application/pdf"),
    ])
    return message(hs, root)


@mail(10, "recovery-lost-shiyongdanwei-zh", E(
    "forward", "recovery",
    why="授权文件丢了 = recovery; the site is given as 使用单位 and the auth code as 授权号."))
def m10(n):
    body = ("你好，\n我们学校iMC的授权文件丢了，麻烦帮忙处理一下。\n\n使用单位：武汉示例第三中学\n授权号：LK-IMC-1122-3344-5566\n\n谢谢！\n信息中心 胡老师\n")
    hs = std_headers(n, addr("胡老师", "hu@school3.example.cn"), "授权文件丢了，麻烦帮忙",
                     "Mon, 10 Mar 2025 14:20:00 +0800", extra=[("X-Mailer", "Coremail Webmail Server Version XT5.0.13")])
    return message(hs, text(body, charset="gbk", cte="base64"))


@mail(11, "tw-big5-recovery", E(
    "forward", "recovery",
    why="Taiwan Big5 (subject, body): 授權檔遺失 / 找回 = recovery; 客戶名稱 is the site, 授權碼 the code."))
def m11(n):
    body = ("您好：\n\n本單位iMC授權檔因誤刪遺失，申請License找回。\n\n客戶名稱：台中示例科技大學\n授權碼：LK-IMC-TW01-8899-AABB\n"
            "聯絡人：林志豪 0912-345-678\n\n謝謝\n")
    hs = std_headers(n, addr("林志豪", "chlin@tcu.example.tw", "big5"), "授權檔遺失 申請License找回",
                     "Mon, 10 Mar 2025 15:00:00 +0800", charset="big5",
                     extra=[("X-Mailer", "Microsoft Outlook 15.0"), ("Content-Language", "zh-tw")])
    return message(hs, text(body, charset="big5", cte="quoted-printable"))


@mail(12, "license-corrupted-no-code-en", E(
    "request_materials", "recovery", ["auth_code"],
    why="'license file corrupted … re-issue (重新下发License)' on unchanged hardware: the activation file must be found again (recovery); the site is given, the auth code is not."))
def m12(n):
    body = ("Hi,\n\nThe iMC license file on our server got corrupted after someone edited it by mistake. "
            "The server and its hardware are unchanged. Could you re-issue the activation file (重新下发License)?\n\n"
            "Site: Example Port Authority, Terminal 2\n\nThanks\nAhmed\n")
    hs = std_headers(n, addr("Ahmed Saleh", "ahmed.saleh@port.example.ae"), "license file corrupted - please re-issue (重新下发License)",
                     "Mon, 10 Mar 2025 15:30:00 +0400", extra=[("X-Mailer", "Microsoft Outlook 16.0")])
    return message(hs, text(body, cte="base64"))


@mail(13, "hk-utf8-hardware-change", E(
    "forward", "hardware_change",
    why="Hong Kong, traditional Chinese in UTF-8: 硬體變更; 最終用戶/聯絡人/電話/代理商工程師/手提/授權碼; 舊/新伺服器主機資訊 files and 承諾書_已蓋章.pdf."))
def m13(n):
    body = ("您好，\n\n本公司伺服器更換，申請License硬體變更。\n\n最終用戶：香港示例物流有限公司\n聯絡人：陳大文\n電話：+852 2345 6789\n"
            "代理商工程師：黃志明\n手提：+852 9123 4567\n授權碼：LK-IMC-HK77-2024-0C0D\n\n"
            "附件：舊伺服器主機資訊、新伺服器主機資訊、已蓋章承諾書。\n\n黃志明\n示例系統集成（香港）有限公司\n")
    hs = std_headers(n, addr("黃志明", "wong.cm@sihk.example.hk"), "iMC 硬體變更申請（香港示例物流）",
                     "Mon, 10 Mar 2025 16:00:00 +0800", extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "zh-HK")])
    root = multi("mixed", [
        text(body, cte="base64"),
        att("舊伺服器主機資訊.txt", hostinfo("HKL", "OLD"), "text/plain", style="2231"),
        att("新伺服器主機資訊.txt", hostinfo("HKL", "NEW"), "text/plain", style="2231"),
        att("承諾書_已蓋章.pdf", PDF, "application/pdf", style="2231"),
    ])
    return message(hs, root)


@mail(14, "tw-big5-unbind-partial", E(
    "forward", "unbind",
    why="Taiwan Big5: 解綁 of 2 of 4 serials, every field (最終用戶單位/用戶聯絡人/用戶電話/代理商工程師/代理商電話/授權碼), old license file and the stamped 承諾書（解綁定專用）, names Big5-encoded."))
def m14(n):
    body = ("您好：\n\n申請iMC License解綁，將部分授權序號移到另一台伺服器使用。\n\n最終用戶單位：高雄示例醫院\n用戶聯絡人：吳美玲\n"
            "用戶電話：07-1234567\n代理商工程師：張家豪\n代理商電話：0933-222-111\n授權碼：LK-IMC-KH55-6677-8899\n\n"
            "原授權序號：SN-A001, SN-A002, SN-A003, SN-A004\n需解綁序號：SN-A003, SN-A004\n\n附件為原伺服器授權檔及蓋章承諾書。\n")
    hs = std_headers(n, addr("張家豪", "chang.jh@twsi.example.tw", "big5"), "iMC License解綁申請",
                     "Tue, 11 Mar 2025 09:00:00 +0800", charset="big5", extra=[("X-Mailer", "Microsoft Outlook 15.0")])
    root = multi("mixed", [
        text(body, charset="big5", cte="base64"),
        att("原伺服器授權檔.lic", lic("KHH"), charset="big5"),
        att("承諾書（解綁定專用）_蓋章.pdf", PDF, "application/pdf", charset="big5"),
    ])
    return message(hs, root)


@mail(15, "wps-unbind-all-serials-zh", E(
    "request_materials", "hardware_change", ["new_host_info", "commitment_letter"], ["unbind_all_serials"],
    why="解除授权绑定 where the serials to unbind are exactly all original serials: must become hardware change, which lacks the new host info and the general letter (the unbind-only letter does not serve); labels 最终客户/座机/合作伙伴工程师 'name / phone'."))
def m15(n):
    body = ("您好，\n申请解除授权绑定，原服务器要下线，授权要挪到别的服务器。\n\n最终客户：青岛示例港口集团\n用户联系人：马超\n"
            "座机：0532-8888 6666\n合作伙伴工程师：田野 / 15966667777\n授权码：LK-IMC-QD10-2030-4050\n\n"
            "原授权序列号：SN-Q01、SN-Q02、SN-Q03\n需要解绑的序列号：SN-Q01、SN-Q02、SN-Q03\n")
    hs = std_headers(n, addr("田野", "tianye@qdpartner.example.cn"), "申请解除授权绑定",
                     "Tue, 11 Mar 2025 09:30:00 +0800", extra=[("X-Mailer", "WPS Mail 1.0.0.7")])
    root = multi("mixed", [
        text(body, cte="base64"),
        att("原服务器License.lic", lic("QDG")),
        att("例外申请承诺书（解绑定专用）盖章.pdf", PDF, "application/pdf"),
    ])
    return message(hs, root)


@mail(16, "163-release-partial-sn-pipes-zh", E(
    "forward", "unbind",
    why="释放部分授权 = partial unbind (SN lists: 2 of 5); fields as 'label | value' rows; old host-information file and the stamped unbind-only letter (公章扫描件)."))
def m16(n):
    body = ("您好：\n需要释放部分授权（License解绑），释放出来的授权给分公司的新服务器用。\n\n"
            "用户单位 | 郑州示例烟草公司\n联系人 | 高峰\n手机 | 13700371234\n代理商工程师 | 许刚\n电话 | 13803712345\n"
            "License Key | LK-IMC-ZZ88-1357-2468\n\n原授权SN：ZZ-001 ZZ-002 ZZ-003 ZZ-004 ZZ-005\n本次释放SN：ZZ-004 ZZ-005\n")
    html = "<div style=\"line-height:1.7;font-size:14px\">" + "<br>".join(body.split("\n")) + "</div>"
    hs = std_headers(n, addr("许刚", "xugang_zz@163.example.com"), "释放部分授权 License解绑",
                     "Tue, 11 Mar 2025 10:00:00 +0800", charset="GBK",
                     extra=[("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)"),
                            ("X-Originating-IP", "[192.0.2.10]")])
    root = multi("mixed", [
        multi("alternative", [text(body, charset="GBK", cte="base64"), text(html, charset="GBK", subtype="html", cte="base64")]),
        att("老服务器主机信息.txt", hostinfo("ZZT", "OLD"), "text/plain", charset="GBK"),
        att("承诺书(解绑定专用)-公章扫描件.pdf", PDF, "application/pdf", charset="GBK"),
    ])
    return message(hs, root)


@mail(17, "alimail-unbind-general-letter-zh", E(
    "request_materials", "unbind", ["unbind_letter"], ["wrong_letter"],
    why="Partial 授权解绑 with every field and the old license, but the attached stamped letter is the general 《例外申请及承诺书》, not the unbind-only one."))
def m17(n):
    body = ("您好，\n申请授权解绑：原授权5个序列号，其中2个解绑后用于新建的灾备机房。\n\n最终用户单位名称：深圳示例水务集团\n用户联系人：叶青\n"
            "用户联系方式：0755-2666 1234\n代理商工程师姓名：罗斌\n代理商工程师联系方式：13509876543\n授权码：LK-IMC-SZ44-5566-7788\n\n"
            "原授权序列号：SZ-1 SZ-2 SZ-3 SZ-4 SZ-5\n需要解绑定的授权序列号：SZ-4 SZ-5\n")
    hs = std_headers(n, addr("罗斌", "luobin@szsi.example.cn"), "授权解绑申请",
                     "Tue, 11 Mar 2025 10:30:00 +0800", extra=[("X-Mailer", "Alimail-Mailagent revision 4.8.12")])
    root = multi("mixed", [
        text(body, cte="base64"),
        att("原服务器License文件.lic", lic("SZW"), style="2231"),
        att("H3C业务软件License例外申请及承诺书-盖章.pdf", PDF, "application/pdf", style="2231"),
    ], boundary="----=ALIBOUNDARY_69083_4a6e5940_67cf9a1b_1f2e")
    return message(hs, root)


@mail(18, "xlog-unbind-no-letter-zh", E(
    "request_materials", "unbind", ["unbind_letter"], ["unbind_imc_only"],
    why="Partial unbind for XLog with every field and the old license, letter 'to follow': the unbind-only letter is missing, and the reply must say that the unbind process/letter is for iMC."))
def m18(n):
    body = ("您好，\n我们XLog日志审计的授权需要解绑一部分（3个序列号中的1个），用到另一台采集服务器上。\n\n最终用户单位名称：南昌示例轨道交通\n"
            "用户联系人：涂静\n用户联系方式：0791-8866 2211\n代理商工程师姓名：邹凯\n代理商工程师联系方式：13870001111\n"
            "授权码：LK-XLOG-NC01-2468-1357\n原授权序列号：XL-01 XL-02 XL-03\n需要解绑定的授权序列号：XL-03\n\n"
            "附件为原服务器License文件，承诺书盖章后再补。\n")
    hs = std_headers(n, addr("邹凯", "zoukai@ncsi.example.cn"), "XLog 授权解绑",
                     "Tue, 11 Mar 2025 11:00:00 +0800", extra=[("X-Mailer", "Foxmail 7.2.25.254[cn]")])
    root = multi("mixed", [
        text(body, cte="base64"),
        att("XLog原服务器License.lic", lic("NCX", "XLog")),
    ])
    return message(hs, root)


@mail(19, "cams-hwchange-old-in-use-zh", E(
    "forward", "hardware_change", notes=["cams_recollect_host_info"],
    why="Complete CAMS hardware change; the mail says the old CAMS machine stays in use for a while, so the CAMS note about re-collecting the old machine's host information must be in the forward/reply."))
def m19(n):
    body = ("您好：\nCAMS服务器更换，申请License硬件变更。旧CAMS服务器目前仍在使用中，新旧并行一个月后下线。\n\n"
            "最终用户单位名称：长沙示例职业技术学院\n用户联系人：彭辉\n用户联系方式：0731-8455 6677\n"
            "代理商工程师姓名：谭勇\n代理商工程师联系方式：13975112345\n授权码：LK-CAMS-CS09-1111-2222\n\n附件：旧/新服务器主机信息、承诺书盖章件。\n")
    hs = std_headers(n, addr("谭勇", "tanyong@hnsi.example.cn"), "CAMS服务器更换，申请License硬件变更",
                     "Tue, 11 Mar 2025 11:30:00 +0800", extra=[("X-Mailer", "Foxmail 7.2.25.254[cn]")])
    root = multi("mixed", [
        text(body, cte="base64"),
        att("CAMS旧服务器主机信息.txt", hostinfo("CSV", "OLD"), "text/plain"),
        att("CAMS新服务器主机信息.txt", hostinfo("CSV", "NEW"), "text/plain"),
        att("承诺书盖章.jpg", JPG, "image/jpeg"),
    ])
    return message(hs, root)


@mail(20, "quidview-upgrade-in-filename-zh", E(
    "forward", "hardware_change", notes=["quidview_upgrade"],
    why="Subject/body say only '例外申请材料'; the stamped letter's file name says Quidview LAN WAN V2.1升级到Quidview DM V3.10, i.e. the upgrade case, which follows the hardware-change checklist; all fields, old license and new host info present."))
def m20(n):
    body = ("您好，附件是盖章的申请材料，请帮忙处理。\n\n最终用户单位名称：太原示例钢铁集团\n用户联系人：阎军\n用户联系方式：0351-7012 3456\n"
            "代理商工程师姓名：郭斌\n代理商工程师联系方式：13903510000\n授权码：LK-QV-TY21-0001-0031\n")
    hs = std_headers(n, addr("郭斌", "guobin@sxsi.example.cn"), "例外申请材料",
                     "Tue, 11 Mar 2025 13:00:00 +0800", extra=[("X-Mailer", "Foxmail 7.2.25.254[cn]")])
    root = multi("mixed", [
        text(body, cte="base64"),
        att("Quidview LAN WAN V2.1升级到Quidview DM V3.10-例外申请及承诺书-盖章.pdf", PDF, "application/pdf"),
        att("QV旧服务器License.lic", lic("TYG", "Quidview")),
        att("新服务器主机信息.txt", hostinfo("TYG", "NEW"), "text/plain"),
    ])
    return message(hs, root)


@mail(21, "two-sites-recovery-and-hwchange-zh", E(
    "ask_scenario",
    why="JUDGEMENT: one mail asks for two cases - recovery for site A (complete) and hardware change for site B (complete). One case cannot be both; a careful human would not forward it as either one alone (the other request would be lost) but reply that the requests are separate processes, one mail each, i.e. ask_scenario.",
    known_gap="two requests in one mail are not told apart: the one with the stronger cues is taken (here hardware change, with the other site's auth code)"))
def m21(n):
    body = ("您好，\n我们有两个局点需要处理License：\n\n一、苏州示例第一医院：iMC授权文件丢失，申请License找回。\n   局点名称：苏州示例第一医院\n"
            "   授权码：LK-IMC-SZ01-0101-0202\n\n二、无锡示例第二医院：服务器更换，申请License硬件变更。\n   最终用户单位名称：无锡示例第二医院\n"
            "   用户联系人：沈佳\n   用户联系方式：0510-8111 2222\n   代理商工程师姓名：顾伟\n   代理商工程师联系方式：13915101234\n"
            "   授权码：LK-IMC-WX02-0303-0404\n   附件为无锡局点的旧服务器License文件、新服务器主机信息文件和盖章承诺书。\n\n谢谢！\n顾伟\n")
    hs = std_headers(n, addr("顾伟", "guwei@jssi.example.cn"), "两个局点的License申请（找回+硬件变更）",
                     "Tue, 11 Mar 2025 14:00:00 +0800", extra=[("X-Mailer", "Foxmail 7.2.25.254[cn]")])
    root = multi("mixed", [
        text(body, cte="base64"),
        att("无锡-旧服务器License.lic", lic("WXH")),
        att("无锡-新服务器主机信息.txt", hostinfo("WXH", "NEW"), "text/plain"),
        att("无锡-承诺书盖章.pdf", PDF, "application/pdf"),
    ])
    return message(hs, root)


@mail(22, "how-long-no-tag-zh", E(
    "ask_scenario",
    why="Asks only how long 'the License application we sent last week' takes; no case tag, no References, no scenario cue: it is about a request but the scenario is unknown, so the reply explaining the three processes (ask_scenario) is the only fitting action."))
def m22(n):
    body = "你好，我们上周提交的iMC License申请，想问下一般多久能处理好？谢谢\n\n李工\n"
    hs = std_headers(n, addr("李工", "ligong@hbsi.example.cn"), "咨询一下进度",
                     "Tue, 11 Mar 2025 14:30:00 +0800", extra=[("X-Mailer", "Foxmail 7.2.25.254[cn]")])
    return message(hs, text(body, cte="base64"))


@mail(23, "alimail-html-divs-br-zh", E(
    "forward", "hardware_change",
    why="HTML-only (Alibaba Mail style) with fields inside <div>s split by <br>; 服务器换了 = hardware change; reseller contact is an e-mail address (联系方式 allows it); old license, new_hostid.txt, stamped 盖章件 PNG."))
def m23(n):
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body>'
            '<div class="__aliyun_email_body_block"><div style="font-size:14px;font-family:Tahoma,Arial;">'
            '<div>您好：</div><div><br></div><div>我们的服务器换了，申请License硬件变更。<br></div><div><br></div>'
            '<div>最终用户单位名称：杭州示例银行<br>用户联系人：钱锋<br>用户联系方式：0571-8765 4321</div>'
            '<div>代理商工程师：吕晨<br>代理商工程师联系方式：lv.chen@agent.example.com</div>'
            '<div>授权码：LK-IMC-HZ66-1234-ABCD</div><div><br></div>'
            '<div>附件为原服务器License文件、新服务器hostid和盖章件。</div></div></div></body></html>')
    hs = std_headers(n, addr("吕晨", "lv.chen@agent.example.com"), "License硬件变更申请-杭州示例银行",
                     "Tue, 11 Mar 2025 15:00:00 +0800", extra=[("X-Mailer", "Alimail-Mailagent revision 4.8.12")])
    root = multi("mixed", [
        text(html, subtype="html", cte="base64"),
        att("原服务器License文件.lic", lic("HZB")),
        att("new_hostid.txt", hostinfo("HZB", "NEW"), "text/plain"),
        att("承诺书-盖章件.png", make_png(6, 8, (255, 0, 0)), "image/png"),
    ], boundary="----=ALIBOUNDARY_12345_5b7e1f20_67cfa0c3_2ab")
    return message(hs, root)


@mail(24, "markdown-table-unbind-zh", E(
    "forward", "unbind",
    why="Plain-text Markdown table (| 项目 | 内容 |) holding every field and the serial lists (1 of 3 unbound); old license and stamped unbind-only letter attached."))
def m24(n):
    body = ("您好，申请License解绑（部分序列号迁移），信息如下：\n\n| 项目 | 内容 |\n|---|---|\n| 最终用户单位 | 厦门示例航空 |\n"
            "| 用户联系人 | 蔡明 |\n| 联系电话 | 0592-5678 1234 |\n| 代理商工程师 | 林峰 |\n| 工程师电话 | 13906001234 |\n"
            "| 授权码 | LK-IMC-XM12-3456-7890 |\n| 原授权序列号 | XM-01, XM-02, XM-03 |\n| 需解绑序列号 | XM-02 |\n\n谢谢\n")
    hs = std_headers(n, addr("林峰", "linfeng@xmsi.example.cn"), "License解绑申请（部分序列号迁移）",
                     "Tue, 11 Mar 2025 15:30:00 +0800", extra=[("User-Agent", "Mozilla/5.0 Thunderbird/115.8.0")])
    root = multi("mixed", [
        text(body, cte="8bit", extra=()),
        att("原服务器License文件.lic", lic("XMA"), style="2231"),
        att("承诺书（解绑定专用）盖章.pdf", PDF, "application/pdf", style="2231"),
    ])
    return message(hs, root)


@mail(25, "circled-bullets-emoji-recovery-zh", E(
    "forward", "recovery",
    why="找回授权文件 with ①②③ bullets and emoji around the values: ① 局点 ② 授权码 - the recovery checklist."))
def m25(n):
    body = ("您好👋\n授权文件误删了😭，麻烦帮忙找回授权文件～\n\n① 局点：福州示例自来水公司 🏢\n② 授权码：LK-IMC-FZ99-0001-0002 🔑\n"
            "③ 产品：iMC\n\n多谢🙏\n")
    hs = std_headers(n, addr("陈工", "chen@fzwater.example.cn"), "🙏 找回授权文件",
                     "Tue, 11 Mar 2025 16:00:00 +0800", extra=[("X-Mailer", "QQMail 2.x")])
    return message(hs, text(body, cte="base64"))


@mail(26, "outlook-html-merged-header-table-zh", E(
    "forward", "hardware_change",
    why="HTML-only Outlook table with merged section headers (colspan) 最终用户信息 / 代理商信息 over rows 单位名称/联系人/联系方式 and 工程师姓名/联系方式: the second 联系方式 belongs to the reseller by its section; old/new host info and stamped letter attached."))
def m26(n):
    td = '<td style="border:solid windowtext 1.0pt;padding:0cm 5.4pt"><p class=MsoNormal>%s</p></td>'
    def row(a, b):
        return "<tr>" + td % a + td % b + "</tr>"
    def head(a):
        return ('<tr><td colspan=2 style="border:solid windowtext 1.0pt;background:#D9E2F3"><p class=MsoNormal align=center>'
                '<b>%s</b></p></td></tr>' % a)
    html = ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv=Content-Type content="text/html; charset=utf-8">'
            '</head><body lang=ZH-CN><div class=WordSection1><p class=MsoNormal>您好，申请License硬件变更（更换服务器），信息如下：</p>'
            '<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>'
            + head("最终用户信息") + row("单位名称", "天津示例地铁运营公司") + row("联系人", "于洋") + row("联系方式", "022-2345 6789")
            + head("代理商信息") + row("工程师姓名", "穆青") + row("联系方式", "13820001234")
            + head("授权信息") + row("授权码", "LK-IMC-TJ03-5555-6666")
            + '</table><p class=MsoNormal>附件为旧/新服务器主机信息文件和盖章承诺书。</p></div></body></html>')
    hs = std_headers(n, addr("穆青", "muqing@tjsi.example.cn"), "License硬件变更 - 天津示例地铁",
                     "Tue, 11 Mar 2025 16:30:00 +0800",
                     extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Thread-Index", "AdmS3k1Qm8cN4bJpTdeuW0lYz6rGwA==")])
    root = multi("mixed", [
        text(html, subtype="html", cte="quoted-printable"),
        att("旧服务器主机信息.txt", hostinfo("TJM", "OLD"), "text/plain"),
        att("新服务器主机信息.txt", hostinfo("TJM", "NEW"), "text/plain"),
        att("承诺书盖章件.pdf", PDF, "application/pdf"),
    ], boundary="_004_TYZPR06MB1234ABCDprod_")
    return message(hs, root)


@mail(27, "rtl-quote-correction-zh", E(
    "forward", "hardware_change",
    why="New text corrects the request to 主机更换 (hardware change) with every field and all three files; the earlier 'License找回' request is quoted below with RLM-prefixed '>' markers and must not make the scenario ambiguous."))
def m27(n):
    q = "\u200f> "
    body = ("更正：我们的情况属于主机更换，走硬件变更流程，材料见附件。\n\n最终用户单位名称：大连示例船舶重工\n用户联系人：孔亮\n"
            "用户联系方式：0411-8222 3333\n代理商工程师姓名：白杨\n代理商工程师联系方式：13940990000\n授权码：LK-IMC-DL07-0707-0707\n\n白杨\n\n"
            + q + "发件人：白杨\n" + q + "主题：License找回\n" + q + "\n" + q + "您好，申请License找回，授权文件丢失。\n"
            + q + "局点名称：大连示例船舶重工\n" + q + "授权码：LK-IMC-DL07-0707-0707\n")
    hs = std_headers(n, addr("白杨", "baiyang@dlsi.example.cn"), "Re: License找回",
                     "Wed, 12 Mar 2025 09:00:00 +0800",
                     extra=[("X-Mailer", "Foxmail 7.2.25.254[cn]"), ("In-Reply-To", "<blind3-27-orig@dlsi.example.cn>"),
                            ("References", "<blind3-27-orig@dlsi.example.cn>")])
    root = multi("mixed", [
        text(body, cte="base64"),
        att("旧服务器License.lic", lic("DLC")),
        att("新服务器主机信息.txt", hostinfo("DLC", "NEW"), "text/plain"),
        att("承诺书盖章.pdf", PDF, "application/pdf"),
    ])
    return message(hs, root)


@mail(28, "image-only-body-zh", E(
    "request_materials", "hardware_change", HW_ALL,
    why="Body is only an inline screenshot (image001.png, cid:) - no text fields can be read; the subject 授权迁移到新机器 gives hardware change; old license, 新服务器主机标识文件 and the stamped letter (公章扫描件) are attached; the inline image is not a letter."))
def m28(n):
    cid = "image001.png@01DB9211.5A3C7E40"
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>'
            '<div><img width="640" height="480" src="cid:%s"></div></body></html>' % cid)
    hs = std_headers(n, addr("方工", "fang@gxsi.example.cn"), "授权迁移到新机器",
                     "Wed, 12 Mar 2025 09:30:00 +0800", extra=[("X-Mailer", "Microsoft Outlook 16.0")])
    root = multi("mixed", [
        multi("related", [text(html, subtype="html", cte="base64"),
                          att("image001.png", make_png(16, 12, (250, 250, 250)), "image/png", inline=True, cid=cid)],
              params=' type="text/html";'),
        att("旧服务器License.lic", lic("NNX")),
        att("新服务器主机标识文件.txt", hostinfo("NNX", "NEW"), "text/plain"),
        att("承诺书-公章扫描件.pdf", PDF, "application/pdf"),
    ])
    return message(hs, root)


@mail(29, "two-text-plain-parts-unbind-zh", E(
    "forward", "unbind",
    why="Two text/plain parts: the first has the request (解绑, 1 of 4 serials), end-user fields and auth code; the second (GBK, quoted-printable) holds the reseller engineer and phone; old license and stamped unbind-only letter attached."))
def m29(n):
    p1 = ("您好，申请iMC License解绑。\n\n最终用户单位名称：昆明示例烟草物流\n用户联系人：杨洁\n用户联系方式：0871-6333 4444\n"
          "授权码：LK-IMC-KM05-9090-1010\n原授权序列号：KM-1 KM-2 KM-3 KM-4\n需要解绑定的授权序列号：KM-2\n")
    p2 = "代理商信息\n代理商工程师姓名：段勇\n代理商工程师联系方式：13888001234\n"
    hs = std_headers(n, addr("段勇", "duanyong@ynsi.example.cn"), "iMC License解绑申请",
                     "Wed, 12 Mar 2025 10:00:00 +0800", extra=[("X-Mailer", "Foxmail 7.2.25.254[cn]")])
    root = multi("mixed", [
        text(p1, cte="8bit"),
        text(p2, charset="GBK", cte="quoted-printable"),
        att("原服务器License.lic", lic("KMT")),
        att("承诺书（解绑定专用）盖章.pdf", PDF, "application/pdf"),
    ])
    return message(hs, root)


@mail(30, "163-qp-gbk-recovery-zh", E(
    "forward", "recovery",
    why="NetEase 163 webmail, GBK quoted-printable: 授权文件丢失 = recovery; 局点名称 and '授权码/License Key' combined label."))
def m30(n):
    body = "您好：\n我们局点的iMC授权文件丢失了，申请找回。\n局点名称：西安示例高新区管委会\n授权码/License Key：LK-IMC-XA00-1111-2222\n\n谢谢！"
    html = "<div style=\"line-height:1.7;color:#000000;font-size:14px;font-family:Arial\">" + "<br>".join(body.split("\n")) + "</div>"
    hs = std_headers(n, addr("雷工", "leigong_xa@163.example.com", "GBK"), "License找回申请",
                     "Wed, 12 Mar 2025 10:30:00 +0800", charset="GBK",
                     extra=[("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)"),
                            ("X-NTES-SC", "AL_Qu2aC/qYv0su4CWaYekfmk4aj+k+XsC4v/0u2YNUPp80tyvp+x8NRkNbBGPf49mxDxMPjFvW")])
    root = multi("alternative", [text(body, charset="GBK", cte="quoted-printable"),
                                 text(html, charset="GBK", subtype="html", cte="quoted-printable")])
    return message(hs, root)


@mail(31, "outlook-mac-missing-agent-en", E(
    "request_materials", "hardware_change", ["agent_engineer", "agent_phone"],
    why="End user writes directly (Outlook for Mac): 'Customer Name -', 'Contact -', 'E-mail:' (contact details may be e-mail), License Key and all three files; no reseller engineer or reseller contact anywhere."))
def m31(n):
    body = ("Hi H3C team,\n\nWe are replacing our iMC server (hardware change). Details:\n\nCustomer Name - Example Hotel Group\n"
            "Contact - Mr. James Wong\nE-mail: james.wong@hotel.example.com\nLicense Key: LK-IMC-HG88-4321-8765\n\n"
            "Please find the old server license, new server host info and our signed and stamped commitment letter attached.\n\n"
            "Best regards,\nJames Wong\nIT Manager, Example Hotel Group\n")
    html = "<html><body><div style=\"font-family:Aptos\">" + "<br>".join(body.split("\n")) + "</div></body></html>"
    hs = std_headers(n, addr("James Wong", "james.wong@hotel.example.com"), "iMC hardware change",
                     "Wed, 12 Mar 2025 11:00:00 +0800", extra=[("User-Agent", "Microsoft-MacOutlook/16.82.24021116")])
    root = multi("mixed", [
        multi("alternative", [text(body, cte="quoted-printable"), text(html, subtype="html", cte="quoted-printable")],
              boundary="B_3792999999_1111111111"),
        att("old_server_license.lic", lic("EHG")),
        att("new_server_hostinfo.txt", hostinfo("EHG", "NEW"), "text/plain"),
        att("signed_commitment_letter.pdf", PDF, "application/pdf"),
    ], boundary="B_3792999999_2222222222")
    return message(hs, root)


@mail(32, "fullwidth-space-no-colons-zh", E(
    "forward", "hardware_change",
    why="Label and value pairs on one line separated only by full-width spaces, no colons: 客户名称　…　联系人　…　手机　… / 代理商　…　工程师　…　电话　… / 授权码　…; old license, new host info, stamped letter."))
def m32(n):
    body = ("您好，服务器更换，申请License硬件变更。\n\n客户名称　上海示例银行　联系人　赵敏　手机　13611112222\n"
            "代理商　上海示例集成　工程师　钱多多　电话　13522223333\n授权码　LK-IMC-SH31-4159-2653\n\n附件请查收。\n")
    hs = std_headers(n, addr("钱多多", "qdd@shjc.example.cn"), "服务器更换申请License硬件变更",
                     "Wed, 12 Mar 2025 11:30:00 +0800", extra=[("X-Mailer", "WPS Mail 1.0.0.7")])
    root = multi("mixed", [
        text(body, cte="base64"),
        att("旧服务器License.lic", lic("SHB")),
        att("新服务器主机信息.txt", hostinfo("SHB", "NEW"), "text/plain"),
        att("承诺书盖章.pdf", PDF, "application/pdf"),
    ])
    return message(hs, root)


@mail(33, "pipe-slash-separators-zh", E(
    "forward", "hardware_change",
    why="Several labelled fields per line split by '丨' and '|': 用户单位丨联系人丨座机, 代理商工程师 | 手机; old/new host info named 原/新 and the stamped letter."))
def m33(n):
    body = ("您好，机房搬迁换了新服务器，申请License硬件变更。\n\n用户单位：广州示例地产丨联系人：邓丽丨座机：020-3888 1234\n"
            "代理商工程师：梁伟 | 手机：13802221111\n授权码：LK-IMC-GZ20-2222-3333\n")
    hs = std_headers(n, addr("梁伟", "liangwei@gdsi.example.cn"), "License硬件变更（机房搬迁换新服务器）",
                     "Wed, 12 Mar 2025 13:00:00 +0800", extra=[("X-Mailer", "Foxmail 7.2.25.254[cn]")])
    root = multi("mixed", [
        text(body, cte="base64"),
        att("原服务器主机信息.txt", hostinfo("GZD", "OLD"), "text/plain"),
        att("新服务器主机信息.txt", hostinfo("GZD", "NEW"), "text/plain"),
        att("例外申请承诺书_盖章.pdf", PDF, "application/pdf"),
    ])
    return message(hs, root)


@mail(34, "role-from-body-hostid-zh", E(
    "request_materials", "hardware_change", ["old_server_file"],
    why="迁移授权到新服务器: the only host file, hostid.txt, is said in the body to be the NEW server's; the old server was scrapped without exporting its license file, so old_server_file is missing."))
def m34(n):
    body = ("您好，\n需要迁移授权到新服务器。附件hostid.txt是新服务器的主机信息；老服务器已经报废，上面的License文件没有导出来。\n\n"
            "最终用户单位名称：济南示例热力公司\n用户联系人：孟凡\n用户联系方式：0531-8123 4567\n代理商工程师姓名：曲强\n"
            "代理商工程师联系方式：15305310000\n授权码：LK-IMC-JN11-2233-4455\n")
    hs = std_headers(n, addr("曲强", "quqiang@sdsi.example.cn"), "迁移授权到新服务器",
                     "Wed, 12 Mar 2025 13:30:00 +0800", extra=[("X-Mailer", "Foxmail 7.2.25.254[cn]")])
    root = multi("mixed", [
        text(body, cte="base64"),
        att("hostid.txt", hostinfo("JNR", "NEW"), "text/plain"),
        att("承诺书盖章件.pdf", PDF, "application/pdf"),
    ])
    return message(hs, root)


@mail(35, "wps-zip-migration-zh", E(
    "forward", "hardware_change", notes=["from_archive"],
    why="授权迁移 with every field in the body; the old license, new host info and stamped 承诺书 come inside 授权迁移材料.zip."))
def m35(n):
    body = ("您好，申请iMC授权迁移（更换服务器），材料打包在附件里。\n\n最终用户单位名称：石家庄示例医药集团\n用户联系人：贾敏\n"
            "用户联系方式：0311-8567 1234\n代理商工程师姓名：郝鹏\n代理商工程师联系方式：13703110000\n授权码：LK-IMC-SJ08-7777-8888\n")
    z = make_zip([("旧服务器License.lic", lic("SJZ")), ("新服务器主机信息.txt", hostinfo("SJZ", "NEW")),
                  ("承诺书盖章件.pdf", PDF)])
    hs = std_headers(n, addr("郝鹏", "haopeng@hbsi.example.cn"), "iMC授权迁移申请",
                     "Wed, 12 Mar 2025 14:00:00 +0800", extra=[("X-Mailer", "WPS Mail 1.0.0.7")])
    root = multi("mixed", [text(body, cte="base64"), att("授权迁移材料.zip", z, "application/zip")])
    return message(hs, root)


@mail(36, "forwarded-rfc822-migration-en", E(
    "forward", "hardware_change", notes=["from_forwarded"],
    why="Reseller forwards the customer's 'server swap' mail as an attachment (message/rfc822) with end-user fields, License Key and the three files; the reseller engineer and phone are in the reseller's own text ('license migration')."))
def m36(n):
    inner_body = ("Dear partner,\n\nWe swapped our iMC server. Please arrange the license.\n\nEnd user: Example Plantation Bhd\n"
                  "Contact: Tan Mei Ling\nPhone: +60 3 5555 1234\nLicense Key: LK-IMC-PL09-1212-3434\n\n"
                  "Attached: old server license, new server host info, stamped commitment letter.\n\nTan Mei Ling\n")
    inner_hs = [("From", addr("Tan Mei Ling", "meiling.tan@plantation.example.my")),
                ("To", addr("Ahmad Faiz", "ahmad@resell.example.my")), ("Subject", "server swap - iMC license"),
                ("Date", "Tue, 11 Mar 2025 16:00:00 +0800"), ("Message-ID", "<inner-36@plantation.example.my>"),
                ("MIME-Version", "1.0")]
    inner = message(inner_hs, multi("mixed", [
        text(inner_body, cte="7bit"),
        att("old_server.lic", lic("EPB")),
        att("new_server_hostinfo.txt", hostinfo("EPB", "NEW"), "text/plain"),
        att("commitment_letter_stamped.pdf", PDF, "application/pdf"),
    ]))
    body = ("Hi team,\n\nPls help with the license migration for our customer, details in the attached mail.\n\n"
            "Reseller engineer: Ahmad Faiz\nMobile: +60 17 222 3333\n\nThanks,\nAhmad\n")
    hs = std_headers(n, addr("Ahmad Faiz", "ahmad@resell.example.my"), "FW: server swap - iMC license",
                     "Wed, 12 Mar 2025 14:30:00 +0800", extra=[("X-Mailer", "Microsoft Outlook 16.0")])
    rfc = Part([("Content-Type", 'message/rfc822; name="server swap - iMC license.eml"'),
                ("Content-Disposition", 'attachment; filename="server swap - iMC license.eml"'),
                ("Content-Transfer-Encoding", "7bit")], inner)
    root = multi("mixed", [text(body, cte="7bit"), rfc])
    return message(hs, root)


@mail(37, "read-receipt-mdn-zh", E(
    "ignore",
    why="A read receipt (multipart/report; report-type=disposition-notification, subject 已读:) for one of our replies; machine-generated, must get no reply. No Auto-Submitted header, so no single reason is fixed."))
def m37(n):
    human = ("您的邮件\n\n收件人: 张伟\n主题: Re: [LX-20250308-0003] License硬件变更申请\n发送时间: 2025年3月8日 10:02\n\n"
             "已于 2025年3月12日 15:00 读取。\n")
    mdn = ("Reporting-UA: OUTLOOK.corp.example.cn; Microsoft Outlook 16.0\r\nFinal-Recipient: rfc822;zhangwei@corp.example.cn\r\n"
           "Original-Message-ID: <LX-20250308-0003.reply.1@example.test>\r\nDisposition: manual-action/MDN-sent-manually; displayed\r\n")
    hs = std_headers(n, addr("张伟", "zhangwei@corp.example.cn"), "已读: Re: [LX-20250308-0003] License硬件变更申请",
                     "Wed, 12 Mar 2025 15:00:00 +0800", extra=[("X-Mailer", "Microsoft Outlook 16.0")])
    root = multi("report", [text(human, cte="base64"),
                            Part([("Content-Type", "message/disposition-notification")], mdn.encode())],
                 params=" report-type=disposition-notification;")
    return message(hs, root)


@mail(38, "delayed-dsn", E(
    "ignore", reason="bounce",
    why="A 'delayed delivery' DSN from MAILER-DAEMON (multipart/report; report-type=delivery-status, Action: delayed) about one of our replies: a delivery report, never answered."))
def m38(n):
    human = ("This is the mail system at host mx.example.net.\n\n####################################################################\n"
             "# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n"
             "####################################################################\n\nYour message could not be delivered for more than 4 hour(s).\n"
             "It will be retried until it is 5 day(s) old.\n\n<liming@customer.example.org>: connect to mail.customer.example.org[198.51.100.7]:25:\n"
             "    Connection timed out\n")
    dsn = ("Reporting-MTA: dns; mx.example.net\r\nX-Postfix-Queue-ID: 4Z1XyT3kQmz9sW\r\nX-Postfix-Sender: rfc822; intake@example.test\r\n"
           "Arrival-Date: Wed, 12 Mar 2025 10:00:01 +0800 (CST)\r\n\r\nFinal-Recipient: rfc822; liming@customer.example.org\r\n"
           "Original-Recipient: rfc822;liming@customer.example.org\r\nAction: delayed\r\nStatus: 4.4.1\r\n"
           "Diagnostic-Code: X-Postfix; connect to mail.customer.example.org[198.51.100.7]:25: Connection timed out\r\n"
           "Will-Retry-Until: Mon, 17 Mar 2025 10:00:01 +0800 (CST)\r\n")
    orig = ("Return-Path: <intake@example.test>\r\nFrom: intake@example.test\r\nTo: liming@customer.example.org\r\n"
            "Subject: Re: [LX-20250312-0001] License找回\r\nAuto-Submitted: auto-replied\r\nMessage-ID: <LX-20250312-0001.reply.1@example.test>\r\n")
    hs = [("Return-Path", "<>"), ("From", "Mail Delivery System <MAILER-DAEMON@mx.example.net>"), ("To", TO),
          ("Subject", "Delayed Mail (still being retried)"), ("Date", "Wed, 12 Mar 2025 14:00:05 +0800 (CST)"),
          ("Message-ID", "<20250312060005.4Z1XyT3kQmz9sW@mx.example.net>"), ("Auto-Submitted", "auto-replied")]
    root = multi("report", [
        Part([("Content-Description", "Notification"), ("Content-Type", "text/plain; charset=us-ascii")],
             human.replace("\n", "\r\n").encode()),
        Part([("Content-Description", "Delivery report"), ("Content-Type", "message/delivery-status")], dsn.encode()),
        Part([("Content-Description", "Undelivered Message Headers"), ("Content-Type", "text/rfc822-headers")], orig.encode()),
    ], params=" report-type=delivery-status;", boundary="4Z1XyT3kQmz9sW.1741759205/mx.example.net")
    return message(hs, root)


@mail(39, "webmail-autoreply-xmailer-only-zh", E(
    "ignore", reason="auto_submitted",
    why="Chinese webmail vacation auto-reply: subject 'Re: 自动回复：…', a vacation body, only an X-Mailer header (no Auto-Submitted / X-Autoreply); still an auto-reply that must not be answered."))
def m39(n):
    body = ("您好！我已休假，3月20日返回，期间不能及时回复邮件。紧急事务请联系同事 赵工 0755-1234 5678。\n\n——此邮件为自动回复——\n")
    hs = std_headers(n, addr("王芳", "wangfang@corp.example.cn"), "Re: 自动回复：[LX-20250310-0012] License解绑申请",
                     "Wed, 12 Mar 2025 15:30:00 +0800", extra=[("X-Mailer", "Coremail Webmail Server Version XT5.0.13")])
    return message(hs, text(body, cte="base64"))


@mail(40, "spam-cheap-licenses-en", E(
    "ignore",
    why="Unsolicited advertising for cheap software licenses / 'license transfer service' with an unsubscribe footer: not a request, nothing to answer (ignore; spam, list or not_request all apply, so no single reason is expected)."))
def m40(n):
    body = ("Dear IT Manager,\n\n*** SOFTWARE LICENSES CHEAP!!! ***\nGenuine Windows / Office / network management license keys - up to 90% OFF!\n"
            "We also offer license transfer and re-host service for any vendor. Lost your license file? No problem!\n\n"
            "Order today: http://cheap-soft.example.biz/deal?id=8812\nWhatsApp: +1 555 0100\n\n"
            "To unsubscribe reply REMOVE.\n")
    hs = std_headers(n, addr("Best Soft Deals", "sales@cheap-soft.example.biz"), "Software licenses cheap!!! Genuine keys 90% off",
                     "Wed, 12 Mar 2025 03:12:09 +0000", dom="cheap-soft.example.biz",
                     extra=[("X-Mailer", "PHPMailer 6.8.0"), ("To", "undisclosed-recipients:;")])
    hs = [h for h in hs if not (h[0] == "To" and h[1] == TO)]
    return message(hs, text(body, cte="7bit"))


@mail(41, "jihuoma-label-tiff-shenqinghan-zh", E(
    "forward", "hardware_change",
    why="Server hardware changed (换了主板和网卡, 主机信息变了): 最终客户/联系人/邮箱, 代理商工程师 'name 丨 phone', '激活码（License Key）' label; 原主机信息文件 (old) and 现主机信息文件 (current = new); the stamped 申请函 is a TIFF scan."))
def m41(n):
    body = ("您好，\n服务器硬件升级（换了主板和网卡），主机信息变了，iMC提示License无效，申请License硬件变更。\n\n"
            "最终客户：重庆示例汽车零部件有限公司\n联系人：冉雪\n邮箱：ranxue@auto-parts.example.cn\n"
            "代理商工程师：向东丨13996001234\n激活码（License Key）：LK-IMC-CQ16-5151-6262\n\n"
            "附件：原主机信息文件、现主机信息文件、盖章的例外申请函。\n")
    hs = std_headers(n, addr("向东", "xiangdong@cqsi.example.cn"), "服务器硬件升级后License失效，申请硬件变更",
                     "Thu, 13 Mar 2025 09:00:00 +0800", extra=[("X-Mailer", "Foxmail 7.2.25.254[cn]")])
    root = multi("mixed", [
        text(body, cte="base64"),
        att("原主机信息文件.txt", hostinfo("CQA", "OLD"), "text/plain"),
        att("现主机信息文件.txt", hostinfo("CQA", "NEW"), "text/plain"),
        att("例外申请函-盖章.tif", TIF, "image/tiff"),
    ])
    return message(hs, root)


@mail(42, "unbind-docx-no-agent-phone-en", E(
    "request_materials", "unbind", ["agent_phone", "unbind_letter"], ["letter_not_stamped"],
    why="English partial unbind (2 of 6 serials) with end-user fields, reseller engineer name only, auth code and old license; the unbind-only letter is a blank .docx template: reseller contact and stamped unbind letter missing."))
def m42(n):
    body = ("Hello,\n\nPlease unbind 2 license serials from our current iMC server so they can be used on a second server "
            "(partial migration, the rest stays).\n\nEnd user organisation: Example Airport Services Co.\nEnd user contact: Mr. Somchai P.\n"
            "End user phone: +66 2 123 4567\nReseller engineer: Niran K.\nAuthorization code: LK-IMC-BK02-6060-7070\n\n"
            "Original serials: BK-01 BK-02 BK-03 BK-04 BK-05 BK-06\nSerials to unbind: BK-05 BK-06\n\n"
            "The unbind commitment letter template is attached; stamping takes a few days.\n\nNiran\n")
    hs = std_headers(n, addr("Niran K.", "niran@thaisi.example.co.th"), "Unbind iMC license serials",
                     "Thu, 13 Mar 2025 10:00:00 +0700", extra=[("X-Mailer", "Microsoft Outlook 16.0")])
    root = multi("mixed", [
        text(body, cte="quoted-printable"),
        att("old_server_license.lic", lic("BKK")),
        att("Commitment_Letter_Unbind_Only_template.docx", make_docx("H3C License例外申请及承诺书（解绑定专用）"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ])
    return message(hs, root)


def main():
    for f in os.listdir(OUT):
        if f.endswith(".eml"):
            os.remove(os.path.join(OUT, f))
    lines = []
    for n, name, fn, exp in sorted(MAILS):
        data = fn(n)
        assert b"\n" not in data.replace(b"\r\n", b""), name
        fname = "%02d-%s.eml" % (n, name)
        with open(os.path.join(OUT, fname), "wb") as fh:
            fh.write(data)
        d = {"file": fname}
        d.update(exp)
        lines.append(json.dumps(d, ensure_ascii=False))
    with open(os.path.join(OUT, "expected.jsonl"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    print("wrote %d mails" % len(lines))


if __name__ == "__main__":
    main()
