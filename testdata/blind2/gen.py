#!/usr/bin/env python3
"""Generate the blind2 test set: reseller/distributor mail, reply and forward
chains, awkward attachments, product spellings, and a few mails that must be
ignored.  Deterministic (fixed dates, ids, boundaries, zip timestamps); python3
stdlib only.  Run from anywhere:  python3 gen.py  -> writes *.eml and
expected.jsonl next to this file.

Each mail is evaluated on its own (no earlier message of the case available).
"""
import base64
import io
import json
import os
import quopri
import struct
import zipfile
import zlib
from html import escape

HERE = os.path.dirname(os.path.abspath(__file__))
INTAKE = '"H3C License" <intake@example.test>'
CRLF = "\r\n"

# ---------------------------------------------------------------- files


def tiny_pdf(title):
    text = title.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = "BT /F1 14 Tf 50 780 Td (%s) Tj 0 -24 Td (Stamp: [company seal]) Tj ET" % text
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        "<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += ("%d 0 obj\n%s\nendobj\n" % (i, o)).encode("latin-1")
    xref = len(out)
    out += ("xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)).encode()
    for off in offs:
        out += ("%010d 00000 n \n" % off).encode()
    out += ("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)).encode()
    return out


# 1x1 grey baseline JPEG (one DC and one AC Huffman code of length 1).
TINY_JPEG = (
    b"\xff\xd8"
    + b"\xff\xdb\x00\x43\x00" + b"\x01" * 64
    + b"\xff\xc0\x00\x0b\x08\x00\x01\x00\x01\x01\x01\x11\x00"
    + b"\xff\xc4\x00\x14\x00" + b"\x01" + b"\x00" * 15 + b"\x00"
    + b"\xff\xc4\x00\x14\x10" + b"\x01" + b"\x00" * 15 + b"\x00"
    + b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00"
    + b"\x3f"
    + b"\xff\xd9"
)


def tiny_png(w=2, h=2, rgb=(200, 30, 30)):
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def tiny_tiff():
    n = 9
    pix_off = 8 + 2 + 12 * n + 4

    def short(tag, v):
        return struct.pack("<HHIHH", tag, 3, 1, v, 0)

    def long_(tag, v):
        return struct.pack("<HHII", tag, 4, 1, v)

    ifd = struct.pack("<H", n) + b"".join([
        short(256, 1), short(257, 1), short(258, 8), short(259, 1), short(262, 1),
        long_(273, pix_off), short(277, 1), short(278, 1), long_(279, 1),
    ]) + struct.pack("<I", 0)
    return b"II*\x00" + struct.pack("<I", 8) + ifd + b"\x80"


ZDATE = (2025, 3, 20, 10, 0, 0)


def make_zip(entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries:
            zi = zipfile.ZipInfo(name, date_time=ZDATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            if any(ord(c) > 127 for c in name):
                zi.flag_bits |= 0x800
            z.writestr(zi, data)
    return buf.getvalue()


def tiny_docx(title):
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           '<w:p><w:r><w:t>%s</w:t></w:r></w:p>'
           '<w:p><w:r><w:t>本公司（单位）：__________  客户单位盖章：__________</w:t></w:r></w:p>'
           '</w:body></w:document>') % escape(title)
    return make_zip([("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc)])


def license_file(key, product="iMC PLAT", hostid="HID-0000"):
    body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<License product=\"%s\">\n  <LicenseKey>%s</LicenseKey>\n  <HostID>%s</HostID>\n"
            "  <Issued>2021-06-01</Issued>\n  <Signature>%s</Signature>\n</License>\n"
            % (product, key, hostid, base64.b64encode(zlib.compress((key + hostid).encode())).decode()))
    return body.encode()


def hostinfo_txt(host, hid, mac="00-1A-2B-3C-4D-5E"):
    return ("HostName=%s\r\nHostID=%s\r\nMAC=%s\r\nOS=Windows Server 2019\r\nCPU=2x Xeon Silver 4210\r\n"
            % (host, hid, mac)).encode()


def hostinfo_xml(host, hid):
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<HostInfo>\n  <HostName>%s</HostName>\n"
            "  <HostID>%s</HostID>\n  <MAC>00-50-56-AB-CD-01</MAC>\n</HostInfo>\n" % (host, hid)).encode()


def hostinfo_csv(host, hid):
    return ("HostName,HostID,MAC,OS\r\n%s,%s,00-0C-29-11-22-33,CentOS 7.9\r\n" % (host, hid)).encode()


def hostinfo_dat(host, hid):
    return b"IMCHOSTINFO\x00\x01\x00" + ("HostName=%s;HostID=%s;" % (host, hid)).encode() + b"\x00\x00\xff"


# ---------------------------------------------------------------- MIME


def b64lines(data):
    s = base64.b64encode(data).decode()
    return CRLF.join(s[i:i + 76] for i in range(0, len(s), 76)).encode() + CRLF.encode()


def ew(s, cs="utf-8", chunk=18):
    if all(ord(c) < 128 for c in s):
        return s
    parts = [s[i:i + chunk] for i in range(0, len(s), chunk)]
    return (CRLF + " ").join("=?%s?B?%s?=" % (cs, base64.b64encode(p.encode(cs)).decode()) for p in parts)


def addr(name, email, cs="utf-8"):
    if all(ord(c) < 128 for c in name):
        return '"%s" <%s>' % (name, email)
    return "%s <%s>" % (ew(name, cs), email)


def qp(data):
    lines = data.split(b"\r\n")
    out = []
    for ln in lines:
        enc = quopri.encodestring(ln)
        if enc.endswith(b"\n"):
            enc = enc[:-1]
        out.append(enc.replace(b"\n", b"\r\n"))
    return b"\r\n".join(out)


def text(s, sub="plain", cs="utf-8", cte="base64", extra=""):
    data = s.replace("\r\n", "\n").replace("\n", CRLF).encode(cs)
    if cte == "base64":
        body = b64lines(data)
    elif cte == "quoted-printable":
        body = qp(data)
    else:
        body = data
    h = ["Content-Type: text/%s; charset=\"%s\"%s" % (sub, cs, extra),
         "Content-Transfer-Encoding: %s" % cte]
    return (h, body)


def att(name, data, ctype="application/octet-stream", cs="utf-8", style="2047", disp="attachment", cid=None):
    h = []
    if style == "2231" and any(ord(c) > 127 for c in name):
        from urllib.parse import quote
        h.append('Content-Type: %s;%s name="%s"' % (ctype, CRLF, ew(name, cs)))
        h.append("Content-Disposition: %s;%s filename*=%s''%s" % (disp, CRLF, cs, quote(name.encode(cs))))
    else:
        h.append('Content-Type: %s;%s name="%s"' % (ctype, CRLF, ew(name, cs)))
        h.append('Content-Disposition: %s;%s filename="%s"' % (disp, CRLF, ew(name, cs)))
    if cid:
        h.append("Content-ID: <%s>" % cid)
    h.append("Content-Transfer-Encoding: base64")
    return (h, b64lines(data))


def multipart(sub, parts, boundary, params=""):
    body = b"This is a multi-part message in MIME format.\r\n\r\n"
    for ph, pb in parts:
        body += b"--" + boundary.encode() + b"\r\n" + CRLF.join(ph).encode() + b"\r\n\r\n" + pb
        if not pb.endswith(b"\r\n"):
            body += b"\r\n"
    body += b"--" + boundary.encode() + b"--\r\n"
    return (['Content-Type: multipart/%s;%s boundary="%s"%s' % (sub, CRLF, boundary, params)], body)


def message(headers, root):
    rh, rb = root
    hs = list(headers) + ["MIME-Version: 1.0"] + rh
    return CRLF.join(hs).encode() + b"\r\n\r\n" + rb


def std_headers(frm, subject, date, mid, to=INTAKE, cs="utf-8", extra=()):
    h = ["From: " + frm, "To: " + to, "Subject: " + ew(subject, cs), "Date: " + date, "Message-ID: <%s>" % mid]
    h += list(extra)
    return h


def html_of(s):
    out = []
    for ln in s.split("\n"):
        out.append(escape(ln) if ln else "&nbsp;")
    return ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head>"
            "<body><div>" + "<br>\n".join(out) + "</div></body></html>")


MAILS = []


def add(name, data, action, scenario, missing, notes, why, reason=None, known_gap=None):
    rec = {"file": name, "action": action, "scenario": scenario, "missing": missing, "notes": notes}
    if reason:
        rec["reason"] = reason
    rec["why"] = why
    if known_gap:
        rec["known_gap"] = known_gap
    MAILS.append((name, data, rec))


PDF = "application/pdf"
JPG = "image/jpeg"
PNG = "image/png"
TXT = "text/plain"
OCT = "application/octet-stream"
ZIP = "application/zip"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LETTER = "H3C Software License Exception Application and Commitment Letter - stamped"
ULETTER = "H3C Software License Exception Commitment Letter (Unbind only) - stamped"

DISCLAIMER_EN = (
    "CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and may be privileged. "
    "If you are not the intended recipient, please notify the sender immediately and delete it. "
    "E-mail transmission cannot be guaranteed to be secure or error-free as information could be "
    "intercepted, corrupted, lost, destroyed, arrive late or incomplete, or contain viruses.")

# ======================================================================= 01
body = """Dear H3C team,

On behalf of our end customer, please help with a License hardware change for iMC.
The customer's old server had a motherboard failure and iMC has been reinstalled on a new server.

Customer: Example Port Authority of Singapore (EPAS)
Customer contact: Ms. Chua Li Ling
Customer phone: +65 6225 0198
Reseller engineer: Jason Lim
Reseller engineer mobile: +65 9012 3345
Authorization code: IMCPLAT-8K2D-44QX-Z7RM-0T5B

Attachments:
- old_server_license.lic : activation file from the old server
- new_server_hostinfo.txt : host information file of the new server
- DOC001.pdf : the commitment letter, signed and stamped by the customer

Best regards,
Jason Lim
Senior Network Engineer
Example Networks Pte Ltd
10 Anson Road #22-05, International Plaza, Singapore 079903
Tel: +65 6100 2000 | Fax: +65 6100 2001 | Mobile: +65 9012 3345
www.example-networks.sg

""" + DISCLAIMER_EN + "\n"
m = message(std_headers(addr("Jason Lim", "jason.lim@example-networks.sg"),
                        "License hardware change request - iMC - Example Port Authority",
                        "Mon, 17 Mar 2025 09:12:40 +0800", "20250317091240.5A1C@example-networks.sg"),
            multipart("mixed", [
                text(body, cte="quoted-printable"),
                att("old_server_license.lic", license_file("IMCPLAT-8K2D-44QX-Z7RM-0T5B", hostid="HID-EPAS-OLD-7731")),
                att("new_server_hostinfo.txt", hostinfo_txt("EPAS-NMS-02", "HID-EPAS-NEW-9902"), TXT),
                att("DOC001.pdf", tiny_pdf(LETTER), PDF),
            ], "----=_NextPart_000_0001_01DB96F1.5A1C2000"))
add("01-sg-reseller-hwchange-complete-en.eml", m, "forward", "hardware_change", [], [],
    "Singapore reseller, 'Customer:/Customer contact:/Customer phone:' for the end user, reseller engineer labelled; old .lic, new host file and the stamped letter under the uninformative name DOC001.pdf (the body says what it is).")

# ======================================================================= 02
body = """Hi,

Our end customer is replacing their iMC server and needs the license moved to the new machine (hardware change).

End customer: Example Medical Centre Sdn Bhd, Kuala Lumpur
End customer contact person: Dr. Lee Mei Fong (IT Manager)
Reseller engineer: Nurul Aina binti Ahmad
Reseller engineer phone: +60 12-345 6789
License key: IMC-EMC-5521-9AQZ-K81L

Attached are the old and new host info files and the commitment letter, signed and chopped by the customer.

Thanks & Regards,
Nurul Aina
Technical Consultant | Example Solutions Sdn Bhd (123456-X)
Level 12, Menara Example, Jalan Sultan Ismail, 50250 Kuala Lumpur, Malaysia
Tel: +603-2161 0000 | Fax: +603-2161 0001 | HP: +6012-345 6789
Email: nurul@example-solutions.com.my
"""
m = message(std_headers(addr("Nurul Aina", "nurul@example-solutions.com.my"),
                        "iMC license transfer to new server - Example Medical Centre",
                        "Mon, 17 Mar 2025 15:40:02 +0800", "CAB7Q0x9-2025-0317@example-solutions.com.my"),
            multipart("mixed", [
                text(body),
                att("OLD_hostinfo.txt", hostinfo_txt("EMC-IMC-01", "HID-EMC-A100"), TXT),
                att("NEW_hostinfo.txt", hostinfo_txt("EMC-IMC-02", "HID-EMC-B200"), TXT),
                att("Commitment_Letter_chopped.pdf", tiny_pdf(LETTER), PDF),
            ], "000000000000b2c1f50630a1c0d2"))
add("02-my-reseller-hwchange-no-enduser-phone-en.eml", m, "request_materials", "hardware_change", ["end_user_phone"], [],
    "Malaysian reseller gives end customer org and contact person but no end-user phone; the Tel/Fax/HP numbers in the reseller's signature are the reseller's, not the end user's.")

# ======================================================================= 03
body = """Dear Sir/Madam,

Kindly process a license unbind for our end user. They are moving two of the five node license serials to a server at a new site; the remaining three serials stay on the current server.

End user organisation: Example Logistics LLC, Jebel Ali
End user contact: Mr. Omar Al Hashimi
End user contact number: +971 4 880 1234
Our engineer: Rahul Menon, +971 50 123 4567
License key (auth code): IMC-EL-30Z8-77PQ-M2C4
Product: iMC
Serials of the original license: 210235A3KLH2410001, 210235A3KLH2410002, 210235A3KLH2410003, 210235A3KLH2410004, 210235A3KLH2410005
Serials to unbind: 210235A3KLH2410004, 210235A3KLH2410005

Attached: the old server's activation file and the stamped unbind commitment letter.

Best regards,

Rahul Menon
Presales Engineer
Example Distribution FZE
P.O. Box 17000, Jebel Ali Free Zone, Dubai, UAE
T: +971 4 800 5000 | F: +971 4 800 5001 | M: +971 50 123 4567

Disclaimer: This message is intended only for the addressee and may contain confidential information.
إخلاء مسؤولية: هذه الرسالة موجهة فقط إلى المرسل إليه وقد تحتوي على معلومات سرية. إذا تلقيت هذه الرسالة عن طريق الخطأ، يرجى إبلاغ المرسل وحذفها.
"""
m = message(std_headers(addr("Rahul Menon", "rahul.menon@example-dist.ae"),
                        "License Unbind request - iMC - Example Logistics LLC",
                        "Tue, 18 Mar 2025 10:05:11 +0400", "DB8PR04MB7001.20250318100511@example-dist.ae"),
            multipart("mixed", [
                text(body, cte="quoted-printable"),
                att("License_EL_old.lic", license_file("IMC-EL-30Z8-77PQ-M2C4", hostid="HID-EL-5005")),
                att("Unbind_Commitment_Letter_stamped.pdf", tiny_pdf(ULETTER), PDF),
            ], "_004_DB8PR04MB7001_"))
add("03-ae-distributor-unbind-complete-en.eml", m, "forward", "unbind", [], [],
    "Dubai distributor: partial unbind (2 of 5 serials) with end-user fields, 'Our engineer: name, phone', auth code, old license file and stamped unbind-only letter; signature P.O. Box/T/F/M numbers and an Arabic disclaimer are noise.")

# ======================================================================= 04
body = """Hello,

our end customer lost the activation file of their iMC installation after a storage failure and would like to recover the license.

End customer site: Stadtwerke Example Musterstadt, Netzleitstelle
Previously registered auth code: IMC-SWM-1188-4KD2-P0XZ

Thank you and kind regards

Katrin Vogel
Technical Sales | Example Distribution GmbH
Musterstrasse 12, 80331 München, Deutschland
Tel.: +49 89 1234 5670 | Mobil: +49 171 2345678
Geschäftsführer: Max Beispiel | Amtsgericht München HRB 123456

Diese E-Mail enthält vertrauliche und/oder rechtlich geschützte Informationen. Wenn Sie nicht der richtige Adressat sind oder diese E-Mail irrtümlich erhalten haben, informieren Sie bitte sofort den Absender und vernichten Sie diese E-Mail.
"""
m = message(std_headers(addr("Katrin Vogel", "k.vogel@example-distribution.de"),
                        "Lost iMC activation file - license recovery for end customer",
                        "Tue, 18 Mar 2025 08:30:00 +0100", "3f2a91c0-8b1e-4d55-9a0e-0401a7c2d001@example-distribution.de"),
            text(body, cte="quoted-printable"))
add("04-de-distributor-recovery-en.eml", m, "forward", "recovery", [], [],
    "German distributor: recovery (lost / recover) with 'End customer site:' as the site name and 'Previously registered auth code:'; German signature and disclaimer are noise.")

# ======================================================================= 05
body = """H3C工程师您好：

我司代理的最终客户更换了iMC服务器，申请License硬件变更，资料如下：

最终客户：示例市第一人民医院
客户联系人：赵敏（信息科）
客户电话：0571-8888 1234
代理商工程师：王磊  手机：139 0571 2468
授权码：IMC-PLAT-RY01-6Q3M-XX82

附件：原服务器主机信息.txt、新服务器主机信息.txt、承诺书盖章扫描件.jpg

谢谢！
--
王磊 | 技术支持部
示例科技有限公司
地址：浙江省杭州市西湖区示例路88号示例大厦12楼
电话：0571-8765 4321  传真：0571-8765 4322
手机：13905712468
"""
m = message(std_headers(addr("王磊", "wanglei@example-tech.cn", "gbk"),
                        "关于示例市第一人民医院iMC服务器更换的License变更申请",
                        "Wed, 19 Mar 2025 10:20:33 +0800", "202503191020335231008@example-tech.cn", cs="gbk",
                        extra=["X-Mailer: Foxmail 7.2.25.228[cn]"]),
            multipart("mixed", [
                text(body, cs="gbk"),
                att("原服务器主机信息.txt", hostinfo_txt("RY-IMC-OLD", "HID-RY-1111"), TXT, cs="gbk"),
                att("新服务器主机信息.txt", hostinfo_txt("RY-IMC-NEW", "HID-RY-2222"), TXT, cs="gbk"),
                att("承诺书盖章扫描件.jpg", TINY_JPEG, JPG, cs="gbk"),
            ], "----=_NextPart_5FA1B2C3_0A1B2C3D_4E5F6071"))
add("05-cn-reseller-hwchange-gbk-zh.eml", m, "forward", "hardware_change", [], [],
    "GBK mail from a Chinese reseller: 最终客户/客户联系人/客户电话, 代理商工程师 with 手机 on the same line, 授权码; 原/新 host files and a stamped letter scan; the signature's 电话/传真/手机 are the reseller's.")

# ======================================================================= 06
body = """您好，

申请iMC License解绑，将部分授权迁移到新机房的服务器上使用。

用户方：示例省电力公司信息通信分公司
用户方联系人：陈刚
用户方电话：0351-666 0001
代理商工程师：刘洋，18603510000
授权码：IMC-SXEP-77AB-2C9D-E5F1
变更前原License授权中包含的授权序列号列表：210235A1ABC001、210235A1ABC002、210235A1ABC003
需要解绑定的授权序列号：210235A1ABC003

老服务器License文件见附件。解绑承诺书正在走盖章流程，盖好后补发。

刘洋
示例信息技术有限公司 | 太原市小店区示例街9号
电话：0351-7000 8000  传真：0351-7000 8001

本邮件及其附件含有示例信息技术有限公司的保密信息，仅限于发送给上面地址中列出的个人或群组。禁止任何其他人以任何形式使用本邮件中的信息。如果您错收了本邮件，请您立即电话或邮件通知发件人并删除本邮件！
"""
m = message(std_headers(addr("刘洋", "liuyang@example-it.com.cn"),
                        "申请iMC License解绑 - 用户方：示例省电力公司",
                        "Wed, 19 Mar 2025 14:02:09 +0800", "tencent_6A2B3C4D5E6F@example-it.com.cn"),
            multipart("mixed", [
                text(body),
                att("iMC_license_old.lic", license_file("IMC-SXEP-77AB-2C9D-E5F1", hostid="HID-SXEP-0001")),
            ], "----=_Part_1123_998877.1742364129000"))
add("06-cn-reseller-unbind-yonghufang-zh.eml", m, "request_materials", "unbind", ["unbind_letter"], [],
    "Partial unbind (1 of 3 serials) with end-user fields labelled 用户方/用户方联系人/用户方电话 and the old license file; the stamped unbind letter is explicitly still to come.")

# ======================================================================= 07
new = """Hi team,

As requested, attached are the new server host information file and the stamped commitment letter.

Regards,
Siti
"""
quoted = """________________________________
From: Siti Rahman <siti.rahman@example-water.sg>
Sent: Monday, 17 March 2025 9:14 AM
To: intake@example.test
Subject: License hardware change - iMC - Example Water Board

Dear H3C,

We are moving our iMC to a new server (hardware change).

End user organisation: Example Water Board
Contact person: Siti Rahman
Contact phone: +65 6333 7000
Reseller engineer: Daniel Goh (Example Integrators Pte Ltd)
Reseller engineer phone: +65 9888 1212
Auth code: IMC-EWB-4410-PLAT-77ZK
Old server APM UniqueID: APM-UID-0A1B2C3D4E5F

The new server host file and the letter will follow.

Siti Rahman
IT Infrastructure, Example Water Board
"""
plain = new + "\n" + quoted
m = message(std_headers(addr("Siti Rahman", "siti.rahman@example-water.sg"),
                        "RE: License hardware change - iMC - Example Water Board",
                        "Thu, 20 Mar 2025 11:02:45 +0800", "SG2PR06MB5500ABCD0002@example-water.sg",
                        extra=["In-Reply-To: <SG2PR06MB5500ABCD0001@example-water.sg>",
                               "References: <SG2PR06MB5500ABCD0001@example-water.sg>",
                               "Thread-Topic: License hardware change - iMC - Example Water Board"]),
            multipart("mixed", [
                multipart("alternative", [text(plain, cte="quoted-printable"), text(html_of(plain), "html", cte="quoted-printable")],
                          "_000_SG2PR06MB5500ABCD0002_"),
                att("New_Server_HostInfo.txt", hostinfo_txt("EWB-IMC-NEW", "HID-EWB-2025"), TXT),
                att("Signed_Commitment_Letter.pdf", tiny_pdf(LETTER), PDF),
            ], "_004_SG2PR06MB5500ABCD0002_"))
add("07-reply-outlook-topposted-hwchange-en.eml", m, "forward", "hardware_change", [], [],
    "Top-posted Outlook reply: new text only brings the new host file and stamped letter; the customer's quoted original (From:/Sent:/To:/Subject: block) carries every field and the old server's APM UniqueID, and the new text says nothing against them.")

# ======================================================================= 08
body = """在 2025年3月18日周二 14:02，孙丽 <sunli@example-school.edu.cn> 写道：
> 您好，
>
> 我们学校iMC服务器重装系统后，License激活文件丢失了，需要找回。
> 客户局点名称：示例大学网络信息中心
> 授权码稍后补充。
>
> 孙丽

补充授权码：IMC-EDU-6612-KQ9W-30HF

谢谢！
孙丽
"""
m = message(std_headers(addr("孙丽", "sunli@example-school.edu.cn"), "Re: iMC License找回",
                        "Thu, 20 Mar 2025 08:47:19 +0800", "CAF8sunli+20250320@example-school.edu.cn",
                        extra=["In-Reply-To: <CAF8sunli+20250318@example-school.edu.cn>"]),
            multipart("alternative", [text(body), text(html_of(body), "html")], "000000000000a1b2c3d4e5f60708"))
add("08-reply-gmail-bottomposted-recovery-zh.eml", m, "forward", "recovery", [], [],
    "Bottom-posted Gmail reply: the quoted original ('> ' under 在…写道：) gives 客户局点名称 and says the code will follow; the new text below it supplies 授权码.")

# ======================================================================= 09
body = """Sorry, correction: the auth code in my previous mail had a typo.
Correct auth code: IMC-EPS-9031-LM7Q-2XBD

Please use this one.
Mark

On Tue, 18 Mar 2025 at 10:21, Mark Tan <mark.tan@example-campus.edu.sg> wrote:
> Hi,
>
> We lost the iMC license file after a disk crash and need to recover it.
>
> Site name: Example Polytechnic - Campus Network
> Auth code: IMC-EPS-9031-LM7Q-2XDB
>
> Thanks,
> Mark Tan
> Network Team, Example Polytechnic
> Tel: +65 6555 0100
"""
m = message(std_headers(addr("Mark Tan", "mark.tan@example-campus.edu.sg"),
                        "Re: Recover lost iMC license - Example Polytechnic",
                        "Thu, 20 Mar 2025 09:05:00 +0800", "CAMt+9031correction@example-campus.edu.sg",
                        extra=["In-Reply-To: <CAMt+9031orig@example-campus.edu.sg>"]),
            text(body, cte="7bit"))
add("09-reply-correction-authcode-recovery-en.eml", m, "forward", "recovery", [], [],
    "Top-posted correction: new text 'Correct auth code: …2XBD' replaces the quoted '…2XDB'; site name only in the quoted part. fields.auth_code must be IMC-EPS-9031-LM7Q-2XBD.")

# ======================================================================= 10
new = """更正：和用户再次确认，原License的三个序列号都要解绑（210235A9XYZ001、210235A9XYZ002、210235A9XYZ003），之前说只解绑210235A9XYZ002有误。
需要解绑定的授权序列号：210235A9XYZ001、210235A9XYZ002、210235A9XYZ003
License文件和解绑承诺书见附件。

周涛
"""
quoted = """
zhoutao@example-sys.com.cn

发件人：周涛
发送时间：2025-03-19 15:20
收件人：intake@example.test
主题：iMC License解绑申请

您好：
申请iMC License解绑。
最终用户单位名称：示例市税务局
用户联系人：黄伟
用户联系方式：0755-2222 3333
代理商工程师姓名：周涛
代理商工程师联系方式：13800138000
授权码：IMC-SZTAX-4400-KK21-7YHN
变更前原License授权中包含的授权序列号列表：210235A9XYZ001、210235A9XYZ002、210235A9XYZ003
需要解绑定的授权序列号：210235A9XYZ002
"""
m = message(std_headers(addr("周涛", "zhoutao@example-sys.com.cn"), "回复：iMC License解绑申请",
                        "Thu, 20 Mar 2025 16:11:08 +0800", "202503201611083918340@example-sys.com.cn",
                        extra=["X-Mailer: Foxmail 7.2.25.375[cn]"]),
            multipart("mixed", [
                text(new + quoted),
                att("210235A9XYZ.lic", license_file("IMC-SZTAX-4400-KK21-7YHN", hostid="HID-SZTAX-01")),
                att("承诺书（解绑定专用）盖章.pdf", tiny_pdf(ULETTER), PDF),
            ], "----=_NextPart_000_0A2F_01DB9A1C.77E0C130"))
add("10-reply-correction-unbind-all-zh.eml", m, "request_materials", "hardware_change", ["new_host_info", "commitment_letter"], ["unbind_all_serials"],
    "Foxmail reply (发件人：/发送时间：/收件人：/主题： block) whose new text corrects the serials to unbind to all three of the original list; fields come from the quote; every serial unbound -> hardware change, lacking new host info and the general letter.")

# ======================================================================= 11
body = """请协助处理，附件已齐。谢谢
--
何晓 | 示例分销有限公司 商务部
电话：010-6500 0000 转 8012
地址：北京市朝阳区示例路1号示例中心B座

---------- Forwarded message ---------
发件人： 李建国 <lijianguo@example-dist.cn>
Date: 2025年3月20日周四 上午9:30
Subject: Fwd: 服务器更换，iMC License需要变更
To: 何晓 <hexiao@example-dist.cn>


小何，帮忙转给H3C申请一下。我这边是代理商工程师：李建国，电话 13611112222。
授权码：IMC-BJGW-2207-HC55-91QA

---------- Forwarded message ---------
发件人： 张伟 <zhangwei@example-gov.cn>
Date: 2025年3月19日周三 下午5:45
Subject: 服务器更换，iMC License需要变更
To: 李建国 <lijianguo@example-dist.cn>


李工：
我们中心iMC的服务器硬盘和主板都坏了，已经更换新服务器，需要做License硬件变更。
单位：示例区政务服务数据中心
联系人：张伟
联系电话：010-8123 4567
旧服务器和新服务器的主机信息文件、盖章的承诺书见附件。
张伟
"""
m = message(std_headers(addr("何晓", "hexiao@example-dist.cn"), "Fwd: Fwd: 服务器更换，iMC License需要变更",
                        "Thu, 20 Mar 2025 10:15:55 +0800", "CAHx0fwd2+20250320@example-dist.cn"),
            multipart("mixed", [
                text(body),
                att("旧服务器主机信息.txt", hostinfo_txt("ZW-IMC-01", "HID-ZW-0101"), TXT, style="2231"),
                att("新服务器主机信息.txt", hostinfo_txt("ZW-IMC-02", "HID-ZW-0202"), TXT, style="2231"),
                att("承诺书-盖章.pdf", tiny_pdf(LETTER), PDF, style="2231"),
            ], "000000000000c3d4e5f6a7b80911"))
add("11-forward-chain-3level-hwchange-zh.eml", m, "forward", "hardware_change", [], [],
    "Customer -> reseller engineer -> colleague -> intake, two inline 'Forwarded message' levels: end-user 单位/联系人/联系电话 at the deepest level, 代理商工程师 and 授权码 in the middle, files on top; the colleague's signature 电话 is not the end user's.")

# ======================================================================= 12
body = """Hi H3C team,

Forwarding the customer's request below. Reseller engineer: Priya Nair, +971 55 765 4321.
The customer's stamped commitment letter will follow next week.

Regards,
Priya Nair
Solutions Engineer | Example Technologies LLC, Abu Dhabi
Office: +971 2 600 7000

From: Hassan Al Mansoori <hassan.m@example-hospital.ae>
Sent: Wednesday, March 19, 2025 11:02 AM
To: Priya Nair <priya.nair@example-tech.ae>
Subject: iMC server hardware change

Dear Priya,

We replaced our iMC server. Please arrange the license change with H3C.

Organisation: Example Hospital Abu Dhabi
Contact: Hassan Al Mansoori, IT Infrastructure
Mobile: +971 50 222 3344
License key: IMC-EHAD-5150-VV2K-8PLN

Old and new host information files attached.

Hassan
"""
m = message(std_headers(addr("Priya Nair", "priya.nair@example-tech.ae"),
                        "FW: iMC server hardware change - Example Hospital Abu Dhabi",
                        "Thu, 20 Mar 2025 13:30:27 +0400", "AM9PR07MB7222FW0001@example-tech.ae"),
            multipart("mixed", [
                text(body, cte="quoted-printable"),
                att("hostinfo_old.txt", hostinfo_txt("EHAD-NMS-A", "HID-EHAD-OLD1"), TXT),
                att("hostinfo_new.txt", hostinfo_txt("EHAD-NMS-B", "HID-EHAD-NEW2"), TXT),
            ], "_002_AM9PR07MB7222FW0001_"))
add("12-forward-outlook-en-missing-letter.eml", m, "request_materials", "hardware_change", ["commitment_letter"], [],
    "Reseller forwards (Outlook From:/Sent: block) the customer's hardware-change mail: org, contact, 'Mobile:' and license key below, reseller engineer in the new text, old/new host files attached; the stamped letter is still to come.")

# ======================================================================= 13
new_html = ("<div>解绑承诺书已盖章，连同老服务器的License文件一起发送，请查收。</div><div><br></div>"
            "<div>马超</div><div><br></div>")
quoted_html = (
    "<div style=\"font-size: 12px;font-family: Arial Narrow;padding:2px 0 2px 0;\">"
    "------------------&nbsp;原始邮件&nbsp;------------------</div>"
    "<div style=\"font-size: 12px;background:#efefef;padding:8px;\">"
    "<div><b>发件人:</b>&nbsp;\"马超\"&lt;1234567@qq.example.com&gt;;</div>"
    "<div><b>发送时间:</b>&nbsp;2025年3月20日(星期四) 上午10:15</div>"
    "<div><b>收件人:</b>&nbsp;\"intake\"&lt;intake@example.test&gt;;</div>"
    "<div><b>主题:</b>&nbsp;iMC授权解绑</div></div><div><br></div>"
    "<div>您好，我们需要把iMC的部分授权解绑，迁到分校区的服务器。</div>"
    "<div>最终用户单位名称：示例职业技术学院</div>"
    "<div>用户联系人：马超</div>"
    "<div>用户联系方式：0871-6500 2233</div>"
    "<div>代理商工程师姓名：冯敏</div>"
    "<div>代理商工程师联系方式：13700001111</div>"
    "<div>授权码：IMC-YNVC-5120-PQ8R-3MZT</div>"
    "<div>变更前原License授权中包含的授权序列号列表：210235A7QRS00011、210235A7QRS00012</div>"
    "<div>需要解绑定的授权序列号：210235A7QRS00012</div>"
    "<div>承诺书盖章后再发。</div>")
html = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GB18030\">" + new_html + quoted_html
QQ_PLAIN = """解绑承诺书已盖章，连同老服务器的License文件一起发送，请查收。

马超

------------------ 原始邮件 ------------------
发件人: "马超"<1234567@qq.example.com>;
发送时间: 2025年3月20日(星期四) 上午10:15
收件人: "intake"<intake@example.test>;
主题: iMC授权解绑

您好，我们需要把iMC的部分授权解绑，迁到分校区的服务器。
最终用户单位名称：示例职业技术学院
用户联系人：马超
用户联系方式：0871-6500 2233
代理商工程师姓名：冯敏
代理商工程师联系方式：13700001111
授权码：IMC-YNVC-5120-PQ8R-3MZT
变更前原License授权中包含的授权序列号列表：210235A7QRS00011、210235A7QRS00012
需要解绑定的授权序列号：210235A7QRS00012
承诺书盖章后再发。
"""
m = message(std_headers(addr("马超", "1234567@qq.example.com", "gb18030"), "回复：iMC授权解绑",
                        "Fri, 21 Mar 2025 09:58:41 +0800", "tencent_9F8E7D6C5B4A39281706@qq.example.com", cs="gb18030",
                        extra=["X-QQ-MIME: TCMime 1.0 by Tencent", "X-Mailer: QQMail 2.x"]),
            multipart("mixed", [
                multipart("alternative", [
                    text(QQ_PLAIN, cs="gb18030"),
                    text(html, "html", cs="gb18030")], "----=_NextPart_67DCC8A1_0B1C2D3E_11223344"),
                att("授权文件.lic", license_file("IMC-YNVC-5120-PQ8R-3MZT", hostid="HID-YNVC-77"), cs="gb18030"),
                att("承诺书（解绑定专用）-盖章.jpg", TINY_JPEG, JPG, cs="gb18030"),
            ], "----=_NextPart_67DCC8A1_0B1C2D3E_55667788"))
add("13-reply-qq-unbind-complete-zh.eml", m, "forward", "unbind", [], [],
    "QQ Mail reply (plain and HTML): the quoted original (原始邮件 / 发件人:/发送时间:/收件人:/主题:) carries all fields and a partial serial list; new mail attaches 授权文件.lic and the stamped unbind letter.")

# ======================================================================= 14
body = """Hi, our iMC activation file is lost after the VM was deleted by mistake. Pls help to recover.
Site: Example Harbour Logistics HK - Kwai Chung DC
Auth code IMC-EHL-7781-ZZ3P-QQ04

Thx
KM

Sent from my iPhone
"""
m = message(std_headers(addr("Wong K.M.", "km.wong@example-hk.com"), "License recovery",
                        "Fri, 21 Mar 2025 22:14:03 +0800", "A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF@example-hk.com",
                        extra=["X-Mailer: iPhone Mail (22D72)"]),
            text(body, cte="7bit", extra="; format=flowed; delsp=yes"))
add("14-mobile-iphone-recovery-en.eml", m, "forward", "recovery", [], [],
    "Short iPhone mail: lost/recover, 'Site:' as site name and 'Auth code' followed by the code without a colon.")

# ======================================================================= 15
body = """你好，我们是示例电力公司调度中心，iMC的License激活文件丢失了，想找回。授权码在合同里，回头找到发给你们。

发自我的华为手机
"""
m = message(std_headers(addr("郑强", "zhengqiang@example-power.cn"), "激活文件丢失",
                        "Sat, 22 Mar 2025 07:40:12 +0800", "hw-mail-20250322074012-5521@example-power.cn"),
            text(body))
add("15-mobile-huawei-recovery-missing-code-zh.eml", m, "request_materials", "recovery", ["auth_code"], [],
    "Huawei-phone recovery mail: the site is named in prose (我们是示例电力公司调度中心) with no label; the auth code is explicitly not given yet.",
    known_gap="a site named only in prose, without a label, is not read; the reply asks for it")

# ======================================================================= 16
plain = """申请iMC License硬件变更（更换服务器）。

最终用户单位名称：示例银行股份有限公司数据中心
用户联系人：钱进
用户联系方式：021-5050 6060
代理商工程师姓名：黄静
代理商工程师联系方式：13512345678
授权码：IMC-BANK-0099-TT6R-41ZZ

附件说明：DOC001.pdf 为客户盖章的承诺书扫描件；HostInfo_old.xml 为旧服务器主机信息；HostInfo_new.xml 为新服务器主机信息。

黄静
示例集成服务有限公司
上海市浦东新区示例路100号 | 电话：021-6800 0000
"""
html = html_of(plain).replace("</div></body>",
                              "</div><div><img src=\"cid:image001.png@01DB9A2C.5E3F1A20\" width=\"120\" height=\"40\"></div></body>")
m = message(std_headers(addr("黄静", "huangjing@example-int.cn"), "iMC License硬件变更申请-示例银行",
                        "Fri, 21 Mar 2025 15:33:20 +0800", "TY0PR06MB5111HJ0001@example-int.cn",
                        extra=["X-Mailer: Microsoft Outlook 16.0"]),
            multipart("mixed", [
                multipart("alternative", [
                    text(plain, cte="quoted-printable"),
                    multipart("related", [
                        text(html, "html", cte="quoted-printable"),
                        att("image001.png", tiny_png(4, 2, (0, 80, 160)), PNG, disp="inline", cid="image001.png@01DB9A2C.5E3F1A20"),
                    ], "_007_TY0PR06MB5111HJ0001_", '; type="text/html"'),
                ], "_000_TY0PR06MB5111HJ0001_"),
                att("DOC001.pdf", tiny_pdf(LETTER), PDF),
                att("HostInfo_old.xml", hostinfo_xml("BANK-IMC-OLD", "HID-BANK-0001"), "text/xml"),
                att("HostInfo_new.xml", hostinfo_xml("BANK-IMC-NEW", "HID-BANK-0002"), "text/xml"),
            ], "_008_TY0PR06MB5111HJ0001_"))
add("16-outlook-doc001-logo-hwchange-zh.eml", m, "forward", "hardware_change", [], [],
    "Outlook mail with an inline image001.png logo (not a material); the stamped letter is DOC001.pdf, identified only by the body's 附件说明; host files are .xml named old/new.")

# ======================================================================= 17
plain = """您好，申请iMC更换服务器的License硬件变更。

最终用户：示例港务集团
联系人：何平
电话：0532-8000 1111
代理商工程师：林峰 15800001111
授权码：IMC-PORT-3321-AB7C-9DEF

旧/新服务器主机信息文件见附件（old_hostinfo.dat、new_hostinfo.dat）。承诺书已盖章，手机拍照见附件。

林峰
示例网络工程有限公司 青岛分公司
电话：0532-8600 0000  地址：青岛市市南区示例路5号
"""
html = html_of(plain).replace("</div></body>",
                              "</div><div><img src=\"cid:image001.png@01DB9A40.11223344\"></div></body>")
m = message(std_headers(addr("林峰", "linfeng@example-net.com.cn"), "更换服务器License变更",
                        "Fri, 21 Mar 2025 17:05:00 +0800", "TYCPR01MB8888LF0001@example-net.com.cn",
                        extra=["X-Mailer: Microsoft Outlook 16.0"]),
            multipart("mixed", [
                multipart("related", [
                    multipart("alternative", [text(plain), text(html, "html")], "_000_TYCPR01MB8888LF0001_"),
                    att("image001.png", tiny_png(3, 1, (230, 0, 18)), PNG, disp="inline", cid="image001.png@01DB9A40.11223344"),
                ], "_006_TYCPR01MB8888LF0001_", '; type="multipart/alternative"'),
                att("old_hostinfo.dat", hostinfo_dat("PORT-IMC-A", "HID-PORT-A01")),
                att("new_hostinfo.dat", hostinfo_dat("PORT-IMC-B", "HID-PORT-B02")),
                att("20250321.jpg", TINY_JPEG, JPG),
            ], "_009_TYCPR01MB8888LF0001_"))
add("17-photo-letter-20250321-hwchange-zh.eml", m, "forward", "hardware_change", [], [],
    "Stamped letter photographed as 20250321.jpg (body: 承诺书已盖章，手机拍照见附件; it is the only non-inline image); host files as .dat with old/new names; image001.png is an inline logo, not the letter.")

# ======================================================================= 18
body = """Hello,

Please could you unbind one serial of our customer's iMC licence so it can be used on a second server; the other three serials stay where they are.

End user: Example County Council
End user contact: Sarah Jones
End user phone: +44 1632 960123
Partner engineer: Ben Carter
Partner engineer phone: +44 7700 900456
Licence key: IMC-ECC-2024-UK77-B1N9
Original licence serials: 210235A4UKC0001, 210235A4UKC0002, 210235A4UKC0003, 210235A4UKC0004
Serial to unbind: 210235A4UKC0004

Attached: old_server_hostinfo.csv (host information of the current server) and the stamped unbind commitment letter (TIFF scan).

Kind regards,
Ben Carter
Example VAR Ltd
1 Example Street, Bristol BS1 0XX
T: +44 117 496 0000  M: +44 7700 900456

Example VAR Ltd is registered in England and Wales No. 01234567. Registered office: 1 Example Street, Bristol BS1 0XX.
This email and any files transmitted with it are confidential and intended solely for the use of the individual or entity to whom they are addressed.
"""
m = message(std_headers(addr("Ben Carter", "ben.carter@example-var.co.uk"), "iMC licence unbind - Example County Council",
                        "Mon, 24 Mar 2025 10:00:00 +0000", "LO2P265MB0001BC@example-var.co.uk"),
            multipart("mixed", [
                text(body, cte="quoted-printable"),
                att("old_server_hostinfo.csv", hostinfo_csv("ECC-IMC-01", "HID-ECC-0404"), "text/csv"),
                att("Unbind_Letter_signed_stamped.tif", tiny_tiff(), "image/tiff"),
            ], "_003_LO2P265MB0001BC_"))
add("18-uk-reseller-unbind-csv-tiff-en.eml", m, "forward", "unbind", [], [],
    "UK partner: partial unbind (1 of 4), 'End user/Partner engineer/Licence key' labels (British spelling), old host info as .csv and the stamped unbind letter as a .tif scan.")

# ======================================================================= 19
body = """Dear H3C,

Our customer's iMC server was replaced, please process the license hardware change.

End user: Example Plantation Berhad
End user contact: Mr. Tan Chee Keong
End user tel: +60 3-7800 1122
Reseller engineer: Lim Boon Keat
Reseller engineer tel: +60 16-220 3344
License key: IMC-EPB-6060-HC11-ZXQ2

Attached: the license file, the host info file and the stamped commitment letter.

Regards,
Lim Boon Keat
Example Systems Sdn Bhd | No. 8, Jalan Example 2, 47800 Petaling Jaya
Tel: +603-7700 0000
"""
m = message(std_headers(addr("Lim Boon Keat", "bk.lim@example-sys.com.my"), "iMC license hardware change - Example Plantation",
                        "Mon, 24 Mar 2025 11:45:10 +0800", "CAKbk+lim20250324@example-sys.com.my"),
            multipart("mixed", [
                text(body),
                att("210235A2CVH239000457.lic", license_file("IMC-EPB-6060-HC11-ZXQ2", hostid="HID-EPB-OLD")),
                att("hostinfo.txt", hostinfo_txt("EPB-IMC", "HID-EPB-NEW"), TXT),
                att("Commitment Letter (stamped).pdf", tiny_pdf(LETTER), PDF),
            ], "0000000000007a8b9c0d1e2f3a4b"))
add("19-license-named-after-serial-hwchange-en.eml", m, "forward", "hardware_change", [], ["roles_assumed"],
    "License file named after the serial (210235A2CVH239000457.lic) and a host file named just hostinfo.txt: the license is old by rule, so the host file is taken as the new server's - an assumption the forward must state.")

# ======================================================================= 20
body = """您好，

iMC服务器已更换，申请License硬件变更。

最终用户单位名称：示例云计算有限公司
用户联系人：高翔
用户联系方式：027-8765 0000
代理商工程师姓名：徐明
代理商工程师联系方式：13098765432
授权码：IMC-CLOUD-8100-WH22-M3NP

新服务器主机信息文件和盖章承诺书打包在"申请材料.zip"中；另附"iMC运行日志.zip"，是更换前后的系统日志，供参考。

徐明
"""
mat_zip = make_zip([("新服务器主机信息.txt", hostinfo_txt("CLOUD-IMC-NEW", "HID-CLOUD-0902")),
                    ("承诺书-盖章.pdf", tiny_pdf(LETTER))])
log_zip = make_zip([("logs/license_check.log", "2025-03-18 10:01:02 INFO license check: activation file not found\n"),
                    ("logs/imcserver.log", "2025-03-18 10:00:00 INFO iMC server starting\n"),
                    ("logs/install.log", "2025-03-17 18:00:00 INFO install finished\n")])
m = message(std_headers(addr("徐明", "xuming@example-cloud.cn"), "iMC更换服务器License变更申请（附件为压缩包）",
                        "Mon, 24 Mar 2025 14:20:00 +0800", "20250324142000.XM001@example-cloud.cn"),
            multipart("mixed", [
                text(body),
                att("申请材料.zip", mat_zip, ZIP, style="2231"),
                att("iMC运行日志.zip", log_zip, ZIP, style="2231"),
            ], "----=_Part_20250324_XM"))
add("20-two-zips-missing-old-hwchange-zh.eml", m, "request_materials", "hardware_change", ["old_server_file"], ["from_archive"],
    "Two zips: 申请材料.zip holds the new host file and stamped letter; iMC运行日志.zip is a log bundle (license_check.log etc.), not an old-server file; nothing gives the old server's license/host info.")

# ======================================================================= 21
inner = message(std_headers(addr("潘静", "panjing@example-hosp.cn"), "iMC License解绑申请",
                            "Fri, 21 Mar 2025 16:00:00 +0800", "20250321160000.PJ01@example-hosp.cn",
                            to=addr("吴敏", "wumin@example-agent.cn")),
                multipart("mixed", [
                    text("""吴工您好：

我院iMC需要把一个授权序列号解绑，转到新院区服务器使用，其余不变。
最终用户单位名称：示例市妇幼保健院
用户联系人：潘静
用户联系方式：0898-6600 1234
授权码：IMC-FYBJ-3030-NN5T-Q7RS
变更前原License授权中包含的授权序列号列表：210235A6HOS0001、210235A6HOS0002
需要解绑定的授权序列号：210235A6HOS0002
老服务器License文件和盖章的解绑定专用承诺书见附件。

潘静
"""),
                    att("iMC授权文件.lic", license_file("IMC-FYBJ-3030-NN5T-Q7RS", hostid="HID-FYBJ-1")),
                    att("承诺书（解绑定专用）盖章.pdf", tiny_pdf(ULETTER), PDF),
                ], "----=_Part_inner_PJ01"))
body = """H3C您好，

客户的解绑申请邮件见附件（原邮件.eml），材料都在里面。
代理商工程师：吴敏，电话：13312345678。

吴敏
示例代理服务有限公司 海口市龙华区示例路3号 电话：0898-6800 0000
"""
m = message(std_headers(addr("吴敏", "wumin@example-agent.cn"), "转发客户解绑申请",
                        "Mon, 24 Mar 2025 09:10:00 +0800", "20250324091000.WM01@example-agent.cn"),
            multipart("mixed", [text(body), att("原邮件.eml", inner, OCT, style="2231")], "----=_Part_outer_WM01"))
add("21-attached-eml-octet-unbind-zh.eml", m, "forward", "unbind", [], ["from_forwarded"],
    "Reseller attaches the customer's mail as 原邮件.eml with Content-Type application/octet-stream (not message/rfc822); inside: end-user fields, partial serials, license file and stamped unbind letter; reseller engineer in the outer text.")

# ======================================================================= 22
body = """您好，

示例能源集团的iMC服务器更换，申请License硬件变更。

最终用户单位名称：示例能源集团有限公司
用户联系人：罗斌
用户联系方式：028-8500 7777
代理商工程师姓名：邓佳
代理商工程师联系方式：18980001234
授权码：IMC-ENGY-5566-CD3E-8FGH

附件：原License文件、新服务器主机信息、承诺书（Word版和盖章扫描PDF各一份）。

邓佳
"""
m = message(std_headers(addr("邓佳", "dengjia@example-sc.cn"), "iMC License硬件变更 - 示例能源集团",
                        "Mon, 24 Mar 2025 16:40:00 +0800", "20250324164000.DJ22@example-sc.cn"),
            multipart("mixed", [
                text(body),
                att("原License文件.lic", license_file("IMC-ENGY-5566-CD3E-8FGH", hostid="HID-ENGY-OLD")),
                att("新服务器主机信息.txt", hostinfo_txt("ENGY-IMC-NEW", "HID-ENGY-NEW"), TXT),
                att("H3C业务软件License例外申请及承诺书.docx", tiny_docx("H3C业务软件License例外申请及承诺书"), DOCX),
                att("H3C业务软件License例外申请及承诺书-盖章.pdf", tiny_pdf(LETTER), PDF),
            ], "----=_Part_DJ22"))
add("22-docx-plus-stamped-pdf-hwchange-zh.eml", m, "forward", "hardware_change", [], [],
    "The letter comes twice: as the Word file (.docx, does not count) and as the stamped PDF of the same letter (counts), so the checklist is complete.")

# ======================================================================= 23
body = """您好，申请iMC License解绑（部分授权迁移）。

最终用户单位名称：示例交通运输局
用户联系人：韩梅
用户联系方式：0411-8200 3344
代理商工程师姓名：白杨
代理商工程师联系方式：15940001122
授权码：IMC-DLJT-1212-XY3Z-0ABC
变更前原License授权中包含的授权序列号列表：210235A8JT0001、210235A8JT0002、210235A8JT0003
需要解绑定的授权序列号：210235A8JT0001

附件为老服务器License文件和填好的解绑承诺书。

白杨
"""
m = message(std_headers(addr("白杨", "baiyang@example-dl.cn"), "iMC License解绑申请-示例交通运输局",
                        "Tue, 25 Mar 2025 09:00:00 +0800", "20250325090000.BY23@example-dl.cn"),
            multipart("mixed", [
                text(body),
                att("iMC_old.lic", license_file("IMC-DLJT-1212-XY3Z-0ABC", hostid="HID-DLJT-9")),
                att("承诺书（解绑定专用）.docx", tiny_docx("H3C业务软件License例外申请及承诺书（解绑定专用）"), DOCX),
            ], "----=_Part_BY23"))
add("23-docx-only-unbind-zh.eml", m, "request_materials", "unbind", ["unbind_letter"], ["letter_not_stamped"],
    "Partial unbind whose only letter is the filled-in Word file 承诺书（解绑定专用）.docx: not the stamped letter.")

# ======================================================================= 24
body = """Dear support,

The license activation file of our Intelligent Management Center (iMC PLAT 7.3) can no longer be found after the migration of our backup system. Could you please recover it?

Customer site: Example Airport Authority - Terminal 2 NOC
License Key: IMC-PLAT73-AAT2-0058-KJ

Best regards,
Grace Ho
Example Airport Authority
"""
m = message(std_headers(addr("Grace Ho", "grace.ho@example-airport.hk"), "intelligent management center license lost",
                        "Tue, 25 Mar 2025 10:10:10 +0800", "20250325101010.GH24@example-airport.hk"),
            text(body, cte="7bit"))
add("24-intelligent-management-center-recovery-en.eml", m, "forward", "recovery", [], [],
    "Product spelled 'intelligent management center' / 'iMC PLAT 7.3'; recovery with 'Customer site:' and 'License Key:'.")

# ======================================================================= 25
html = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>
<p>您好：</p>
<p>我单位智能管理中心（iMC）服务器老化，已迁移到新服务器，申请授权迁移（License硬件变更）。</p>
<table border="1" cellspacing="0" cellpadding="4">
<tr><td>用户单位</td><td>示例市公安局科技信息化处</td></tr>
<tr><td>用户联系人</td><td>罗军</td></tr>
<tr><td>用户电话</td><td>0851-8600 1100</td></tr>
<tr><td>代理商工程师</td><td>熊伟</td></tr>
<tr><td>工程师电话</td><td>18685001234</td></tr>
<tr><td>License Key</td><td>IMC-GZGA-4321-KL9M-N0PQ</td></tr>
</table>
<p>附件：old-iMC.lic（老服务器授权文件）、new-hostinfo.txt（新服务器主机信息）、承诺书.png（盖章后拍照）。</p>
<p>熊伟<br>示例安防科技有限公司&nbsp;电话：0851-8500 0000</p>
</body></html>
"""
m = message(std_headers(addr("熊伟", "xiongwei@example-af.cn", "gb2312"), "智能管理中心授权迁移到新服务器",
                        "Tue, 25 Mar 2025 11:30:00 +0800", "TYZPR03MB7777XW25@example-af.cn", cs="gb2312",
                        extra=["X-Mailer: Microsoft Outlook 16.0"]),
            multipart("mixed", [
                text(html, "html", cs="gb2312"),
                att("old-iMC.lic", license_file("IMC-GZGA-4321-KL9M-N0PQ", hostid="HID-GZGA-OLD")),
                att("new-hostinfo.txt", hostinfo_txt("GZGA-IMC-NEW", "HID-GZGA-NEW"), TXT),
                att("承诺书.png", tiny_png(2, 3, (250, 250, 250)), PNG, cs="gb2312"),
            ], "_005_TYZPR03MB7777XW25_"))
add("25-zhineng-guanli-zhongxin-html-table-zh.eml", m, "forward", "hardware_change", [], [],
    "GB2312 HTML-only Outlook mail: product written 智能管理中心, cue 授权迁移/License硬件变更, fields in a table with short labels (用户单位/用户电话/代理商工程师/工程师电话/License Key); stamped letter photo 承诺书.png.")

# ======================================================================= 26
body = """您好，

我们的XLOG（日志审计）产品需要把部分授权解绑，迁到另一台日志服务器使用。

所属产品：XLOG
最终用户单位名称：示例证券股份有限公司
用户联系人：曹阳
用户联系方式：0755-8300 9900
代理商工程师姓名：欧阳晨
代理商工程师联系方式：13510203040
授权码：XLOG-ZQ-7001-RS4T-UV56
变更前原License授权中包含的授权序列号列表：210235A9LOG01、210235A9LOG02、210235A9LOG03
需要解绑定的授权序列号：210235A9LOG03

附件为原激活文件。承诺书模板请发给我们。

欧阳晨
"""
m = message(std_headers(addr("欧阳晨", "oyc@example-sec.cn"), "XLOG授权解绑",
                        "Tue, 25 Mar 2025 14:00:00 +0800", "20250325140000.OYC26@example-sec.cn"),
            multipart("mixed", [
                text(body),
                att("xlog_license.lic", license_file("XLOG-ZQ-7001-RS4T-UV56", product="XLog", hostid="HID-XLOG-1")),
            ], "----=_Part_OYC26"))
add("26-xlog-unbind-zh.eml", m, "request_materials", "unbind", ["unbind_letter"], ["unbind_imc_only"],
    "Partial unbind for XLOG (written in capitals): unbind-only letter is for iMC, so note unbind_imc_only; the letter is also missing.")

# ======================================================================= 27
body = """Dear H3C,

The customer plans to upgrade Quidview NMS from Quidview LAN/WAN V2.1 to Quidview DM V3.10 on a new server and needs the license changed accordingly.

End user: Example Telecom Operations Centre
End user contact: Mr. Rashid Saleh
End user phone: +968 2400 1122
Reseller engineer: Vikram Shah
Reseller engineer phone: +968 9100 2233
License key: QV-LANWAN21-0777-ETOC-55AA

Attached: the V2.1 license file of the old server, the host info of the new DM V3.10 server, and the stamped commitment letter.

Regards,
Vikram Shah
Example Muscat Trading LLC | Muscat, Oman | Tel +968 2450 0000
"""
m = message(std_headers(addr("Vikram Shah", "vikram@example-muscat.om"), "Quidview NMS upgrade LAN/WAN V2.1 to DM V3.10 - license",
                        "Tue, 25 Mar 2025 16:20:00 +0400", "20250325162000.VS27@example-muscat.om"),
            multipart("mixed", [
                text(body),
                att("quidview_v21_old.lic", license_file("QV-LANWAN21-0777-ETOC-55AA", product="Quidview LAN/WAN V2.1", hostid="HID-QV-OLD")),
                att("new_server_DM310_hostinfo.txt", hostinfo_txt("ETOC-QVDM", "HID-QV-NEW"), TXT),
                att("commitment_letter_stamped.pdf", tiny_pdf(LETTER), PDF),
            ], "----=_Part_VS27"))
add("27-quidview-nms-upgrade-en.eml", m, "forward", "hardware_change", [], ["quidview_upgrade"],
    "Product written 'Quidview NMS'; upgrade Quidview LAN/WAN V2.1 -> DM V3.10 follows the hardware-change checklist, which is complete.")

# ======================================================================= 28
body = """您好：

我单位CAMS 3.x（CAMS3.60）认证计费服务器需要更换新服务器，申请License硬件变更。旧服务器上的CAMS目前仍在运行使用。

最终用户单位名称：示例理工大学
用户联系人：邹磊
用户联系方式：0731-8800 6655
代理商工程师姓名：龙飞
代理商工程师联系方式：13874001234
授权码：CAMS-360-HNLG-9090-AB12

附件：CAMS旧服务器主机信息.txt、盖章承诺书.pdf。新服务器还在上架，主机信息下周提供。

龙飞
"""
m = message(std_headers(addr("龙飞", "longfei@example-hn.cn"), "CAMS 3.x 服务器更换 License变更",
                        "Wed, 26 Mar 2025 09:30:00 +0800", "20250326093000.LF28@example-hn.cn"),
            multipart("mixed", [
                text(body),
                att("CAMS旧服务器主机信息.txt", hostinfo_txt("HNLG-CAMS-01", "HID-CAMS-0001"), TXT),
                att("盖章承诺书.pdf", tiny_pdf(LETTER), PDF),
            ], "----=_Part_LF28"))
add("28-cams3-hwchange-missing-new-zh.eml", m, "request_materials", "hardware_change", ["new_host_info"], ["cams_recollect_host_info"],
    "CAMS 3.x (CAMS3.60) hardware change, old machine still in use; new server host info explicitly comes next week; CAMS note required.")

# ======================================================================= 29
body = """Hi,

Please unbind ALL serials of this iMC license from the old server, we are decommissioning it completely.

End user organisation: Example Shipping Pte Ltd
End user contact: Mr. Gopal Krishnan
End user phone: +65 6270 8899
Reseller engineer: Alvin Teo
Reseller engineer phone: +65 9777 6655
License key: IMC-ESP-1100-UB99-AL1S
Original license serials: 210235A5UVW0001, 210235A5UVW0002
Serials to unbind: 210235A5UVW0001, 210235A5UVW0002

Attached the license file and the stamped unbind commitment letter.

Alvin Teo
Example Integrators Pte Ltd | 1 Example Ave #05-01 Singapore 609000 | Tel +65 6500 1000
"""
m = message(std_headers(addr("Alvin Teo", "alvin.teo@example-integrators.sg"), "Unbind license serials - Example Shipping",
                        "Wed, 26 Mar 2025 10:45:00 +0800", "20250326104500.AT29@example-integrators.sg"),
            multipart("mixed", [
                text(body),
                att("ESP_license.lic", license_file("IMC-ESP-1100-UB99-AL1S", hostid="HID-ESP-01")),
                att("Unbind_Letter_stamped.pdf", tiny_pdf(ULETTER), PDF),
            ], "----=_Part_AT29"))
add("29-unbind-all-serials-en.eml", m, "request_materials", "hardware_change", ["new_host_info", "commitment_letter"], ["unbind_all_serials"],
    "English unbind of ALL serials (serials to unbind = original serials): must use hardware change, which lacks the new host info and the general stamped letter.")

# ======================================================================= 30
body = """您好，

用户更换了iMC服务器，申请License硬件变更。

最终用户单位名称：示例水务集团
用户联系人：蒋涛
用户联系方式：0571-8777 5566
代理商工程师姓名：钟华
代理商工程师联系方式：13757001234
授权码：IMC-WATER-2323-EF4G-5HIJ

附件：旧服务器主机信息.txt、新服务器主机信息.txt、盖章承诺书。

钟华
"""
m = message(std_headers(addr("钟华", "zhonghua@example-zj.cn"), "iMC更换服务器 License硬件变更",
                        "Wed, 26 Mar 2025 13:15:00 +0800", "20250326131500.ZH30@example-zj.cn"),
            multipart("mixed", [
                text(body),
                att("旧服务器主机信息.txt", hostinfo_txt("WATER-OLD", "HID-WATER-1"), TXT),
                att("新服务器主机信息.txt", hostinfo_txt("WATER-NEW", "HID-WATER-2"), TXT),
                att("H3C业务软件License例外申请及承诺书（解绑定专用）盖章.pdf", tiny_pdf(ULETTER), PDF),
            ], "----=_Part_ZH30"))
add("30-hwchange-with-unbind-letter-zh.eml", m, "request_materials", "hardware_change", ["commitment_letter"], ["wrong_letter"],
    "Explicit hardware change (更换服务器/硬件变更) that attaches the stamped unbind-only letter: wrong letter, the general one is needed.")

# ======================================================================= 31
html = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body lang="EN-US">
<p class="MsoNormal">Dear H3C Team,</p>
<p class="MsoNormal">Kindly unbind one license serial of the end customer's iMC so it can be activated on their DR server. Details below.</p>
<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0">
<tr><td><p class="MsoNormal"><b>End Customer</b></p></td><td><p class="MsoNormal">Example Water &amp; Electricity Company, Riyadh</p></td></tr>
<tr><td><p class="MsoNormal"><b>Customer Contact</b></p></td><td><p class="MsoNormal">Eng. Abdullah Al-Qahtani</p></td></tr>
<tr><td><p class="MsoNormal"><b>Customer Tel</b></p></td><td><p class="MsoNormal">+966 11 400 1234</p></td></tr>
<tr><td><p class="MsoNormal"><b>Partner Engineer</b></p></td><td><p class="MsoNormal">Faisal Noor</p></td></tr>
<tr><td><p class="MsoNormal"><b>Partner Engineer Mobile</b></p></td><td><p class="MsoNormal">+966 55 123 4567</p></td></tr>
<tr><td><p class="MsoNormal"><b>License Key</b></p></td><td><p class="MsoNormal">IMC-EWEC-6677-SA01-RYD2</p></td></tr>
<tr><td><p class="MsoNormal"><b>Original Serials</b></p></td><td><p class="MsoNormal">210235A6SA0001, 210235A6SA0002, 210235A6SA0003</p></td></tr>
<tr><td><p class="MsoNormal"><b>Serials to Unbind</b></p></td><td><p class="MsoNormal">210235A6SA0003</p></td></tr>
</table>
<p class="MsoNormal">Attached: current server license file and the stamped unbind letter.</p>
<p class="MsoNormal">Best Regards,</p>
<table><tr><td><img width="90" height="30" src="cid:image001.png@01DB9E11.A0B0C0D0"></td>
<td><p class="MsoNormal"><b>Faisal Noor</b> | Network Consultant<br>Example Systems Arabia Co.<br>King Fahd Road, Olaya, Riyadh 12211, KSA<br>
Tel: +966 11 200 3000 | Fax: +966 11 200 3001 | Mobile: +966 55 123 4567</p></td></tr></table>
</body></html>
"""
m = message(std_headers(addr("Faisal Noor", "faisal.noor@example-arabia.sa"), "License unbind - iMC - Example Water & Electricity",
                        "Wed, 26 Mar 2025 12:00:00 +0300", "DB9PR02MB9999FN31@example-arabia.sa",
                        extra=["X-Mailer: Microsoft Outlook 16.0"]),
            multipart("mixed", [
                multipart("related", [
                    text(html, "html", cte="quoted-printable"),
                    att("image001.png", tiny_png(6, 2, (0, 120, 60)), PNG, disp="inline", cid="image001.png@01DB9E11.A0B0C0D0"),
                ], "_006_DB9PR02MB9999FN31_", '; type="text/html"'),
                att("EWEC_iMC.lic", license_file("IMC-EWEC-6677-SA01-RYD2", hostid="HID-EWEC-01")),
                att("Unbind Commitment Letter - stamped.pdf", tiny_pdf(ULETTER), PDF),
            ], "_007_DB9PR02MB9999FN31_"))
add("31-sa-outlook-html-table-unbind-en.eml", m, "forward", "unbind", [], [],
    "Saudi partner, HTML-only Outlook mail: fields in a 2-column table (End Customer/Customer Tel/Partner Engineer Mobile…), partial unbind, license file and stamped unbind letter; inline logo and a signature table with Tel/Fax/Mobile.")

# ======================================================================= 32
body = """您好：

敝公司代理之最終用戶更換iMC伺服器，申請License硬體變更，資料如下：

最終用戶單位：示例科技大學圖書資訊處
用戶聯絡人：林怡君
用戶聯絡電話：02-2733-0000 分機 1234
代理商工程師：張志明
代理商工程師電話：0912-345-678
授權碼：IMC-TWTU-8080-JK1L-MN23

附件：舊伺服器主機資訊、新伺服器主機資訊、用印後的承諾書掃描檔。

張志明
示例系統整合股份有限公司
台北市大安區示例路二段100號8樓
TEL：02-2700-0000  FAX：02-2700-0001

本電子郵件及附件所載資訊均為保密資訊，僅供指定之收件人使用。若您並非指定之收件人，請勿使用、揭露或複製本郵件內容，並請立即通知寄件人並刪除本郵件。
"""
m = message(std_headers(addr("張志明", "zhiming.chang@example-si.com.tw", "big5"), "iMC License 硬體變更申請",
                        "Wed, 26 Mar 2025 15:00:00 +0800", "000a01db9e22$5a6b7c80$0f1e2d3c@example-si.com.tw", cs="big5"),
            multipart("mixed", [
                text(body, cs="big5"),
                att("舊伺服器主機資訊.txt", hostinfo_txt("TWTU-IMC-OLD", "HID-TWTU-1"), TXT, cs="big5"),
                att("新伺服器主機資訊.txt", hostinfo_txt("TWTU-IMC-NEW", "HID-TWTU-2"), TXT, cs="big5"),
                att("承諾書_用印.pdf", tiny_pdf(LETTER), PDF, cs="big5"),
            ], "----=_NextPart_000_000B_01DB9E65.6A8F4A80"))
add("32-big5-tw-hwchange-zh-hant.eml", m, "forward", "hardware_change", [], [],
    "Big5 Traditional Chinese (Taiwan): 硬體變更, 最終用戶單位/用戶聯絡人/用戶聯絡電話, 授權碼, 舊/新伺服器主機資訊 files and 承諾書_用印.pdf (用印 = stamped); TEL/FAX in signature and zh-Hant disclaimer are noise.")

# ======================================================================= 33
body = """您好：

我目前休假中，將於3月31日返回辦公室，期間無法即時回覆郵件。
緊急事項請聯絡同事李先生，電話 02-2700-1234。

謝謝！
陳怡如
"""
m = message(std_headers(addr("陳怡如", "yiru.chen@example-tw.com.tw", "big5"),
                        "自動回覆: 回覆: [LX-20250321-0004] License硬體變更",
                        "Thu, 27 Mar 2025 08:00:05 +0800", "autoreply-20250327080005.7788@example-tw.com.tw", cs="big5",
                        extra=["Precedence: auto_reply",
                               "In-Reply-To: <LX-20250321-0004.reply.1@example.test>",
                               "X-Mailer: Microsoft Exchange Server 2019"]),
            text(body, cs="big5"))
add("33-autoreply-precedence-zh-hant.eml", m, "ignore", "", [], [],
    "Traditional-Chinese out-of-office (自動回覆:) with 'Precedence: auto_reply' but no Auto-Submitted header; it repeats a hardware-change subject but is an auto-reply.",
    reason="auto_submitted")

# ======================================================================= 34
report_text = """Dies ist eine automatisch erstellte Nachricht des Mailsystems.

Ihre Nachricht konnte an einen oder mehrere Empfänger nicht zugestellt werden:

<it-support@example-kunde.de>: Empfänger unbekannt / Postfach existiert nicht.

Betreff der Nachricht: Re: [LX-20250324-0011] License硬件变更 – fehlende Unterlagen
"""
dsn = """Reporting-MTA: dns; mx01.example-kunde.de
Arrival-Date: Thu, 27 Mar 2025 09:12:00 +0100

Final-Recipient: rfc822; it-support@example-kunde.de
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 Benutzer unbekannt
"""
orig_hdrs = """From: "H3C License" <intake@example.test>
To: it-support@example-kunde.de
Subject: Re: [LX-20250324-0011] =?utf-8?B?TGljZW5zZeehrOS7tuWPmOabtA==?=
Date: Thu, 27 Mar 2025 16:11:50 +0800
Message-ID: <LX-20250324-0011.reply.2@example.test>
Auto-Submitted: auto-replied
"""
m = message(["From: Mail Delivery System <postmaster@example-kunde.de>",
             "To: intake@example.test",
             "Subject: " + ew("Unzustellbar: Re: [LX-20250324-0011] License硬件变更"),
             "Date: Thu, 27 Mar 2025 09:12:01 +0100",
             "Message-ID: <20250327081201.9A1B2C3D@mx01.example-kunde.de>"],
            multipart("report", [
                text(report_text, cte="quoted-printable"),
                (["Content-Type: message/delivery-status"], dsn.replace("\n", CRLF).encode()),
                (["Content-Type: text/rfc822-headers"], orig_hdrs.replace("\n", CRLF).encode()),
            ], "9A1B2C3D.1743063121/mx01.example-kunde.de", "; report-type=delivery-status"))
add("34-dsn-german-postmaster.eml", m, "ignore", "", [], [],
    "German non-delivery report ('Unzustellbar', 'Empfänger unbekannt') from postmaster@, multipart/report; report-type=delivery-status, about one of our replies.",
    reason="bounce")

# ======================================================================= 35
ics = """BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
CALSCALE:GREGORIAN
METHOD:REQUEST
BEGIN:VEVENT
DTSTART:20250401T020000Z
DTEND:20250401T023000Z
DTSTAMP:20250327T030000Z
ORGANIZER;CN=Jason Lim:mailto:jason.lim@example-networks.sg
UID:7k2j3h4g5f6d7s8a9p0o@google.example
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=intake@example.test:mailto:intake@example.test
SUMMARY:License hardware change discussion - Example Port Authority
DESCRIPTION:Call to go through the license hardware change / unbind options for the customer.
LOCATION:Online meeting
SEQUENCE:0
STATUS:CONFIRMED
END:VEVENT
END:VCALENDAR
"""
plain = """You have been invited to the following event.

License hardware change discussion - Example Port Authority
When: Tuesday 1 Apr 2025 10:00 - 10:30 (Singapore Standard Time)
Joining info: Online meeting
Organiser: Jason Lim

Call to go through the license hardware change / unbind options for the customer.

Going (intake@example.test)? Yes - Maybe - No

Invitation from Google Calendar
"""
m = message(std_headers(addr("Jason Lim", "jason.lim@example-networks.sg"),
                        "Invitation: License hardware change discussion - Example Port Authority @ Tue 1 Apr 2025 10:00 - 10:30 (SGT)",
                        "Thu, 27 Mar 2025 11:00:00 +0800", "000000000000ics1a2b3c4d5e6f@google.example",
                        to="intake@example.test"),
            multipart("mixed", [
                multipart("alternative", [
                    text(plain, cte="7bit"),
                    text(html_of(plain), "html", cte="quoted-printable"),
                    text(ics, "calendar", cte="7bit", extra="; method=REQUEST"),
                ], "000000000000ics0alt00000000"),
                att("invite.ics", ics.replace("\n", CRLF).encode(), "application/ics"),
            ], "000000000000ics0mix00000000"))
add("35-calendar-invite-en.eml", m, "ignore", "", [], [],
    "Calendar invitation (text/calendar METHOD:REQUEST + invite.ics) for a meeting about a hardware change: not a request, so no checklist reply (judgement: ignore, reason not_request).",
    reason="not_request")

# ======================================================================= 36
body = """Hello,

After reinstalling the server we have lost the iMC activation file. Please help to recover the license.

Site name: Example Convention Centre Kuala Lumpur
Auth code: IMC-ECCK-4545-RT7Y-U8IO

A screenshot of the registration page is attached.

Thanks,
Faridah
"""
full = message(std_headers(addr("Faridah Yusof", "faridah@example-ecck.com.my"), "Recover lost iMC license",
                           "Thu, 27 Mar 2025 14:00:00 +0800", "20250327140000.FY36@example-ecck.com.my"),
               multipart("mixed", [
                   text(body, cte="7bit"),
                   att("screenshot.png", tiny_png(64, 48, (240, 240, 240)) + b"\x00" * 600, PNG),
               ], "----=_Part_FY36"))
cut = full.index(b"Content-Disposition: attachment;\r\n filename=\"screenshot.png\"")
cut = full.index(b"\r\n\r\n", cut) + 4 + 150  # part way into the base64 body, mid-line
m = full[:cut]
add("36-truncated-mime-recovery-en.eml", m, "forward", "recovery", [], [],
    "Message cut off in the middle of the base64 of a screenshot attachment (no closing boundary); the complete text part is an ordinary recovery request with site name and auth code, so a careful reader acts on it rather than quarantining.")

# ======================================================================= 37
body = """Dear H3C team,

Our end customer Example Bank Singapore has an issue with their iMC license after the data centre maintenance last weekend. Could you please advise how we should proceed and what you need from us?

Customer: Example Bank Singapore Ltd
License key: IMC-EBS-3131-DC88-QW12

Best regards,
Michelle Koh
Account Manager | Example Distribution (S) Pte Ltd
80 Example Road #10-01, Singapore 068898 | DID: +65 6800 1234 | Mobile: +65 9100 5678

""" + DISCLAIMER_EN + " If you have received this email in error, please notify the sender and delete it.\n"
m = message(std_headers(addr("Michelle Koh", "michelle.koh@example-dist.sg"), "iMC license issue - Example Bank Singapore",
                        "Thu, 27 Mar 2025 16:30:00 +0800", "20250327163000.MK37@example-dist.sg"),
            text(body, cte="quoted-printable"))
add("37-ask-scenario-disclaimer-lost-en.eml", m, "ask_scenario", "", [], [],
    "Distributor asks about an unspecified iMC license issue after maintenance: no recovery/hardware-change/unbind cue in the new text; the disclaimer's 'corrupted, lost, destroyed' and 'in error' are boilerplate, not a cue.")

# ======================================================================= 38
body = """Dear H3C Support,

I am the reseller engineer handling this case for the end customer. Their iMC server has been replaced with new hardware and the license needs a hardware change.

End customer details:
Organisation: Example Ministry Data Centre
Contact: Eng. Fatima Al-Thani
Phone: +974 4400 1234

License key: IMC-EMDC-7070-QA01-DOH4

Attached: old server license file, new server host info and the stamped commitment letter.

Best regards,

--
Ahmed Khalil
Senior Systems Engineer
Example Integration W.L.L.
P.O. Box 24000, Doha, Qatar
Mobile: +974 5550 6677
Office: +974 4455 0000
"""
m = message(std_headers(addr("Ahmed Khalil", "ahmed.khalil@example-integration.qa"), "iMC license hardware change - Example Ministry DC",
                        "Fri, 28 Mar 2025 09:00:00 +0300", "20250328090000.AK38@example-integration.qa"),
            multipart("mixed", [
                text(body),
                att("old_server.lic", license_file("IMC-EMDC-7070-QA01-DOH4", hostid="HID-EMDC-OLD")),
                att("new_server_hostinfo.txt", hostinfo_txt("EMDC-NMS-NEW", "HID-EMDC-NEW"), TXT),
                att("commitment_letter_stamped.jpg", TINY_JPEG, JPG),
            ], "----=_Part_AK38"))
add("38-signature-as-agent-hwchange-en.eml", m, "forward", "hardware_change", [], [],
    "The sender says 'I am the reseller engineer handling this case'; his name and mobile are only in the '--' signature, which a careful reader takes as agent_engineer/agent_phone; end-user details are labelled under 'End customer details:'.")

# ======================================================================= 39
body = """H3C您好，

需求：iMC License激活文件丢失，申请找回。
最终客户：示例银行总行数据中心（北京亦庄机房）
授权码：IMC-BOC-DC01-7788-YZ99

以上，谢谢。
--
赵磊 | 示例分销（北京）有限公司
电话：010-5800 1234  手机：13901234567
地址：北京市海淀区示例路18号
"""
m = message(std_headers(addr("赵磊", "zhaolei@example-dist-bj.cn"), "License找回申请",
                        "Fri, 28 Mar 2025 10:00:00 +0800", "20250328100000.ZL39@example-dist-bj.cn"),
            text(body))
add("39-distributor-recovery-enduser-as-site-zh.eml", m, "forward", "recovery", [], [],
    "Distributor recovery request: the site is given as 最终客户：示例银行总行数据中心（北京亦庄机房）, which is the customer site name; 授权码 labelled.")

# ======================================================================= 40
new = """更正：上封邮件写的是找回，实际情况是服务器主板损坏，已经更换了新服务器，需要办理的是License硬件变更，不是找回。
新服务器主机信息文件和盖章的承诺书见附件。

吕芳
"""
quoted = """
-----原始邮件-----
发件人: 吕芳 <lvfang@example-museum.cn>
发送时间: 2025年3月25日 9:40
收件人: intake@example.test
主题: iMC License找回

您好，我馆iMC的License激活文件丢失了，申请找回。
客户局点名称：示例省博物馆
授权码：IMC-MUSE-1357-GH2J-4KLM
最终用户单位名称：示例省博物馆
用户联系人：吕芳
用户联系方式：025-8460 0000
"""
m = message(std_headers(addr("吕芳", "lvfang@example-museum.cn"), "答复: iMC License找回",
                        "Fri, 28 Mar 2025 11:20:00 +0800", "SEZPR06MB6100LF40@example-museum.cn",
                        extra=["In-Reply-To: <SEZPR06MB6100LF39@example-museum.cn>", "X-Mailer: Microsoft Outlook 16.0"]),
            multipart("mixed", [
                text(new + quoted),
                att("新服务器主机信息.txt", hostinfo_txt("MUSE-IMC-NEW", "HID-MUSE-2"), TXT),
                att("承诺书盖章.pdf", tiny_pdf(LETTER), PDF),
            ], "_004_SEZPR06MB6100LF40_"))
add("40-reply-correction-scenario-zh.eml", m, "request_materials", "hardware_change", ["agent_engineer", "agent_phone", "old_server_file"], [],
    "Outlook-zh reply (-----原始邮件----- / 发件人:/发送时间:/收件人:/主题:): new text corrects the scenario from 找回 to 硬件变更; end-user fields and auth code come from the quote; no reseller engineer and no old-server file.")

# ======================================================================= 41
body = """Hello,

License hardware change for our end customer's iMC.

End customer: Example Refinery Company
End customer contact: Mr. Nasser Al-Harthy
End customer phone: +973 1750 0000
Reseller engineer: Joseph Mathew
Reseller engineer phone: +973 3600 1122
License key: IMC-ERC-2468-BH01-MNO3

Host information files are attached for both servers: IMC-SRV01 is the old server (being decommissioned), IMC-SRV02 is the new one. The stamped letter is attached as a photo.

Regards,
Joseph Mathew
Example Gulf Networks W.L.L., Manama, Bahrain | Tel: +973 1720 0000
"""
m = message(std_headers(addr("Joseph Mathew", "joseph.mathew@example-gulf.bh"), "iMC hardware change - Example Refinery",
                        "Fri, 28 Mar 2025 13:00:00 +0300", "20250328130000.JM41@example-gulf.bh"),
            multipart("mixed", [
                text(body),
                att("hostinfo_IMC-SRV01.txt", hostinfo_txt("IMC-SRV01", "HID-ERC-01"), TXT),
                att("hostinfo_IMC-SRV02.txt", hostinfo_txt("IMC-SRV02", "HID-ERC-02"), TXT),
                att("letter.jpg", TINY_JPEG, JPG),
            ], "----=_Part_JM41"))
add("41-hostnames-roles-by-body-hwchange-en.eml", m, "forward", "hardware_change", [], [],
    "Host files named after server host names (hostinfo_IMC-SRV01.txt / _SRV02.txt), the body says SRV01 is old and SRV02 new; stamped letter photo letter.jpg.")

# ======================================================================= 42
body = """Dear H3C,

Please unbind one serial from our customer's iMC license; it will be used on a new monitoring server. The other serial stays.

End customer: Gemeente Example (municipality)
Partner engineer: Pieter de Vries
Partner engineer phone: +31 6 1234 5678
License key: IMC-GEX-9753-NL01-AMS2
Original serials: 210235A7NL0001, 210235A7NL0002
Serial to unbind: 210235A7NL0002

Attached: old license file and the stamped unbind letter.

Met vriendelijke groet / Kind regards,

Pieter de Vries
Senior Engineer
Example Netwerken B.V.
Voorbeeldstraat 10, 1011 AB Amsterdam
T +31 20 123 4567 | M +31 6 1234 5678
KvK 12345678

Dit e-mailbericht is uitsluitend bestemd voor de geadresseerde(n). Indien u dit bericht onterecht ontvangt, wordt u verzocht de inhoud niet te gebruiken en de afzender direct te informeren door het bericht te retourneren.
"""
m = message(std_headers(addr("Pieter de Vries", "p.devries@example-netwerken.nl"), "License unbind request - Gemeente Example",
                        "Fri, 28 Mar 2025 15:00:00 +0100", "20250328150000.PV42@example-netwerken.nl"),
            multipart("mixed", [
                text(body, cte="quoted-printable"),
                att("GEX_old.lic", license_file("IMC-GEX-9753-NL01-AMS2", hostid="HID-GEX-1")),
                att("unbind_letter_stamped.pdf", tiny_pdf(ULETTER), PDF),
            ], "----=_Part_PV42"))
add("42-nl-reseller-unbind-missing-contact-en.eml", m, "request_materials", "unbind", ["end_user_contact", "end_user_phone"], [],
    "Dutch partner: partial unbind with end-customer org only; no end-user contact person or phone (the signature's name, T and M are the partner's); license file and stamped unbind letter present.")


def main():
    for name in os.listdir(HERE):
        if name.endswith(".eml"):
            os.remove(os.path.join(HERE, name))
    with open(os.path.join(HERE, "expected.jsonl"), "w", encoding="utf-8") as f:
        for name, data, rec in MAILS:
            with open(os.path.join(HERE, name), "wb") as g:
                g.write(data)
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print("wrote %d mails" % len(MAILS))


if __name__ == "__main__":
    main()
