#!/usr/bin/env python3
"""Generate blind test mail for the license-exception intake processor.

Stdlib only, deterministic: fixed dates, Message-IDs, boundaries, zip timestamps.
Run:  python3 gen.py   -> writes NN-*.eml and expected.jsonl next to this file.
"""
import base64
import datetime
import io
import json
import os
import quopri
import struct
import zipfile
import zlib
from email.utils import format_datetime

HERE = os.path.dirname(os.path.abspath(__file__))
OURS = "license@example.test"
OURS_NAME = "H3C License申请受理"

# --------------------------------------------------------------------------
# MIME helpers (hand-built so every byte, charset and encoding is deliberate)
# --------------------------------------------------------------------------


def b64wrap(data: bytes) -> bytes:
    s = base64.b64encode(data)
    return b"\n".join(s[i:i + 76] for i in range(0, len(s), 76)) + b"\n"


def ew(s: str, charset: str = "utf-8", enc: str = "B") -> str:
    """RFC 2047 encoded words (only when needed), folded with CRLF-space."""
    try:
        s.encode("ascii")
        return s
    except UnicodeEncodeError:
        pass
    chunks, cur = [], ""
    limit = 36 if enc == "B" else 18
    for ch in s:
        if cur and len((cur + ch).encode(charset)) > limit:
            chunks.append(cur)
            cur = ch
        else:
            cur += ch
    if cur:
        chunks.append(cur)
    words = []
    for c in chunks:
        raw = c.encode(charset)
        if enc == "B":
            words.append("=?%s?B?%s?=" % (charset, base64.b64encode(raw).decode()))
        else:
            out = ""
            for b in raw:
                ch = chr(b)
                if ch.isalnum() and b < 128:
                    out += ch
                elif ch == " ":
                    out += "_"
                else:
                    out += "=%02X" % b
            words.append("=?%s?Q?%s?=" % (charset, out))
    return "\n ".join(words)


def addr(name: str, email: str, charset: str = "utf-8", enc: str = "B") -> str:
    if not name:
        return email
    try:
        name.encode("ascii")
        if any(c in name for c in ',.;:()"'):
            return '"%s" <%s>' % (name, email)
        return "%s <%s>" % (name, email)
    except UnicodeEncodeError:
        return "%s <%s>" % (ew(name, charset, enc), email)


def hb(headers) -> bytes:
    return b"".join(("%s: %s\n" % (k, v)).encode("ascii") for k, v in headers)


def T(s: str, subtype: str = "plain", charset: str = "utf-8", cte: str = "base64", extra=None):
    raw = s.encode(charset)
    if cte == "base64":
        body = b64wrap(raw)
    elif cte == "quoted-printable":
        body = quopri.encodestring(raw)
        if not body.endswith(b"\n"):
            body += b"\n"
    else:
        body = raw if raw.endswith(b"\n") else raw + b"\n"
    h = [("Content-Type", 'text/%s; charset="%s"' % (subtype, charset)),
         ("Content-Transfer-Encoding", cte)]
    if extra:
        h += extra
    return (h, body)


def pct(raw: bytes) -> str:
    safe = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~"
    return "".join(chr(b) if b in safe else "%%%02X" % b for b in raw)


def A(name: str, data: bytes, ctype: str, style: str = "2047", charset: str = "utf-8",
      disp: str = "attachment", cid: str = None, ctparams: str = ""):
    """Attachment part. style: plain | 2047 | 2231 | 2231cont | both."""
    if style == "plain":
        nparam = 'name="%s"' % name
        fparam = 'filename="%s"' % name
    elif style == "2047":
        e = ew(name, charset).replace("\n ", " ")
        nparam = 'name="%s"' % e
        fparam = 'filename="%s"' % e
    elif style == "2231":
        p = "%s''%s" % (charset, pct(name.encode(charset)))
        nparam = "name*=" + p
        fparam = "filename*=" + p
    elif style == "2231cont":
        units, j = [], 0
        enc = pct(name.encode(charset))
        while j < len(enc):
            step = 3 if enc[j] == "%" else 1
            units.append(enc[j:j + step])
            j += step
        pieces, cur = [], ""
        for u in units:
            if len(cur) + len(u) > 42:
                pieces.append(cur)
                cur = ""
            cur += u
        if cur:
            pieces.append(cur)
        fparam = "\n\t".join("filename*%d*=%s%s;" % (n, (charset + "''") if n == 0 else "", pc)
                             for n, pc in enumerate(pieces)).rstrip(";")
        nparam = "\n\t".join("name*%d*=%s%s;" % (n, (charset + "''") if n == 0 else "", pc)
                             for n, pc in enumerate(pieces)).rstrip(";")
    elif style == "both":
        e = ew(name, charset).replace("\n ", " ")
        nparam = 'name="%s"' % e
        fparam = "filename*=%s''%s" % (charset, pct(name.encode(charset)))
    else:
        raise ValueError(style)
    h = [("Content-Type", "%s;%s\n\t%s" % (ctype, ctparams, nparam))]
    h.append(("Content-Transfer-Encoding", "base64"))
    if cid:
        h.append(("Content-ID", "<%s>" % cid))
    h.append(("Content-Disposition", "%s;\n\t%s" % (disp, fparam)))
    return (h, b64wrap(data))


def M(subtype: str, parts, boundary: str, params: str = ""):
    body = b""
    if subtype == "mixed" or subtype == "report":
        body += b"This is a multi-part message in MIME format.\n\n"
    for h, b in parts:
        body += b"--" + boundary.encode() + b"\n" + hb(h) + b"\n" + b
        if not b.endswith(b"\n"):
            body += b"\n"
    body += b"--" + boundary.encode() + b"--\n"
    return ([("Content-Type", 'multipart/%s;%s\n\tboundary="%s"' % (subtype, params, boundary))], body)


def RFC822(msgbytes: bytes, name: str = None):
    h = [("Content-Type", "message/rfc822")]
    if name:
        h.append(("Content-Disposition", 'attachment;\n\tfilename="%s"' % ew(name).replace("\n ", " ")))
    return (h, msgbytes)


TZ8 = datetime.timezone(datetime.timedelta(hours=8))


def D(y, mo, d, h, mi, s=0, tz=TZ8):
    return format_datetime(datetime.datetime(y, mo, d, h, mi, s, tzinfo=tz))


def build(headers, part) -> bytes:
    return hb(headers) + b"MIME-Version: 1.0\n" + hb(part[0]) + b"\n" + part[1]


EXPECTED = []


def emit(fname, headers, part, action, scenario, missing, notes, why, reason=None):
    data = build(headers, part)
    with open(os.path.join(HERE, fname), "wb") as f:
        f.write(data)
    rec = {"file": fname, "action": action, "scenario": scenario, "missing": missing,
           "notes": notes, "why": why}
    if reason:
        rec["reason"] = reason
    EXPECTED.append(rec)


# --------------------------------------------------------------------------
# Materials
# --------------------------------------------------------------------------


def hostinfo(host, ip, mac, uid, product="iMC PLAT 7.3 (E0710P06)",
             osname="Windows Server 2019 Standard (x64)", when="2026-11-20 10:12:33",
             charset="utf-8", extra=""):
    txt = (
        "#==================================================\n"
        "# H3C Intelligent Management Center\n"
        "# Host Information File (主机信息文件)\n"
        "# Do not edit this file. 请勿修改本文件内容。\n"
        "#==================================================\n"
        "[General]\n"
        "FileVersion=3.2\n"
        "Product=%s\n"
        "CollectTime=%s\n"
        "[Host]\n"
        "HostName=%s\n"
        "OSName=%s\n"
        "IPAddress=%s\n"
        "MACAddress=%s\n"
        "CPUID=BFEBFBFF%08X\n"
        "DiskSerial=S3Z%dNB0K6%05d\n"
        "UniqueID=%s\n"
        "%s"
        "[Digest]\n"
        "Checksum=%s\n"
    ) % (product, when, host, osname, ip, mac, abs(hash_int(uid)) % 0xFFFFFFFF,
         abs(hash_int(host)) % 9, abs(hash_int(ip)) % 99999, uid, extra,
         base64.b64encode(zlib.compress((host + uid).encode())).decode()[:44])
    return txt.replace("\n", "\r\n").encode(charset)


def hash_int(s: str) -> int:
    return zlib.crc32(s.encode("utf-8"))


def license_file(product, authcode, hostid, features, serials=()):
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             "<H3CLicense version=\"2.1\">",
             "  <Product>%s</Product>" % product,
             "  <AuthorizationCode>%s</AuthorizationCode>" % authcode,
             "  <HostID>%s</HostID>" % hostid,
             "  <IssueDate>2023-05-16</IssueDate>",
             "  <Features>"]
    for name, count in features:
        lines.append('    <Feature name="%s" count="%s" expire="permanent"/>' % (name, count))
    lines.append("  </Features>")
    if serials:
        lines.append("  <Serials>")
        for s in serials:
            lines.append("    <Serial>%s</Serial>" % s)
        lines.append("  </Serials>")
    sig = base64.b64encode(zlib.compress((authcode * 7 + hostid).encode(), 9) * 3).decode()
    lines.append("  <Signature>")
    for i in range(0, min(len(sig), 256), 64):
        lines.append("    " + sig[i:i + 64])
    lines.append("  </Signature>")
    lines.append("</H3CLicense>")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def pdf(lines, producer="Canon iR-ADV C5535 PDF", title=None):
    content = "BT /F1 11 Tf 60 780 Td 14 TL\n"
    for l in lines:
        l = l.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        content += "(%s) Tj T*\n" % l
    content += "ET\n0.8 0 0 RG 4 w 430 120 m 500 120 l 500 190 l 430 190 l h S\n"
    stream = content.encode("latin-1")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Producer (" + producer.encode("latin-1") + b") /CreationDate (D:20261127093000+08'00')"
        + ((b" /Title <FEFF" + title.encode("utf-16-be").hex().upper().encode() + b">") if title else b"") + b" >>",
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
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


_JPEG_1x1 = bytes.fromhex(
    "FFD8FFE000104A46494600010101004800480000"
    "FFDB004300030202020202030202020303030304060404040404080606050609080A0A090809090A0C0F0C0A0B0E0B09090D110D0E0F101011100A0C12131210130F101010"
    "FFC9000B080001000101011100FFCC000600101005FFDA0008010100003F00D2CF20FFD9")


def jpg(comment: str, exif_model: str = None):
    seg = b""
    if exif_model:
        payload = b"Exif\x00\x00MM\x00*\x00\x00\x00\x08" + b"Apple\x00" + exif_model.encode() + b"\x00" * 8
        seg += b"\xFF\xE1" + struct.pack(">H", len(payload) + 2) + payload
    c = comment.encode("utf-8")
    seg += b"\xFF\xFE" + struct.pack(">H", len(c) + 2) + c
    return _JPEG_1x1[:20] + seg + _JPEG_1x1[20:]


def png(w=48, h=32, seed=1):
    raw = b""
    for y in range(h):
        raw += b"\x00" + bytes(((x * 7 + y * 13 + seed * 31) % 256 if (x + y) % 5 else 255) for x in range(w))

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + chunk(b"tEXt", b"Software\x00Epson Scan 2") + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def tiff(w=16, h=8):
    pix = bytes(((x * 16 + y * 8) % 256) for y in range(h) for x in range(w))
    entries = [(256, 3, 1, w), (257, 3, 1, h), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
               (273, 4, 1, 0), (277, 3, 1, 1), (278, 3, 1, h), (279, 4, 1, len(pix))]
    ifd_off = 8
    data_off = ifd_off + 2 + len(entries) * 12 + 4
    out = b"II*\x00" + struct.pack("<I", ifd_off) + struct.pack("<H", len(entries))
    for tag, typ, cnt, val in entries:
        if tag == 273:
            val = data_off
        if typ == 3:
            out += struct.pack("<HHIHH", tag, typ, cnt, val, 0)
        else:
            out += struct.pack("<HHII", tag, typ, cnt, val)
    out += struct.pack("<I", 0) + pix
    return out


ZDATE = (2026, 11, 27, 9, 30, 0)


def zipit(files):
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, date_time=ZDATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    return bio.getvalue()


GENERAL_TEMPLATE = [
    "H3C License例外申请及承诺书",
    "本公司（单位）：",
    "因存在下面所列情况，需要使用H3C公司的例外变更流程申请新的License激活文件。以此文件证明本公司（单位）是H3C公司业务软件产品的合法用户，并承诺：",
    "a) 销毁并不再使用本申请变更前已有的License激活文件/激活码，否则视为使用盗版软件并承担由此产生的相关后果。",
    "b) 从本申请变更前的计算机上卸载相关的应用程序。",
    "所属产品（单选）  □ iMC产品  □ XLog产品  □ Quidview产品  □ CAMS产品",
    "例外情况  □ 更换服务器或者硬件配置  □ Quidview LAN/WAN V2.1升级到Quidview DM V3.10",
    "旧机器标识字符串：",
    "新机器标识字符串：",
    "变更前原License授权中包含的组件及规模信息：",
    "例外情况原因说明：",
    "客户签字：                      客户单位盖章：             年    月    日",
]
UNBIND_TEMPLATE = [
    "H3C License例外申请及承诺书（解绑定专用）",
    "本公司（单位）：",
    "因存在下面所列情况，需要使用H3C公司的例外变更流程申请新的License激活文件。",
    "iMC产品",
    "变更前原License授权中包含的授权序列号列表：",
    "需要解绑定的授权序列号：",
    "例外情况原因说明：",
    "客户签字：                      客户单位盖章：             年    月    日",
]


def docx(paragraphs, fill=None):
    def esc(s):
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    paras = list(paragraphs)
    if fill:
        paras = [p + (fill.get(p.split("：")[0], "") if p.endswith("：") else "") for p in paras]
    body = "".join('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % esc(p) for p in paras)
    files = [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
         '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
         '</Types>'),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
         '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
         '</Relationships>'),
        ("docProps/core.xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
         'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>%s</dc:title><dc:creator>H3C</dc:creator></cp:coreProperties>'
         % esc(paragraphs[0])),
        ("word/document.xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s'
         '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>' % body),
    ]
    return zipit([(n, d.encode("utf-8")) for n, d in files])


CT_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CT_OCT = "application/octet-stream"


def stamped_general(org, product="iMC"):
    return pdf(["H3C License Exception Application and Commitment Letter",
                "Company: (see seal)", "Product: %s   [x] Server / hardware change" % product,
                "(scanned copy, company seal affixed)", "Signed: ____   Seal: [SEAL]   2026-11-26"],
               title="%s 盖章扫描件" % org)


def stamped_unbind(org):
    return pdf(["H3C License Exception Application and Commitment Letter (Unbind only)",
                "Company: (see seal)", "Product: iMC", "Serials to unbind: see form",
                "(scanned copy, company seal affixed)", "Signed: ____   Seal: [SEAL]   2026-11-26"],
               title="%s 盖章扫描件" % org)


def our_reply_quote(case, scen_zh, missing_zh, prefix="> "):
    lines = ["您好，",
             "",
             "我们已收到您的%s申请，案件号 %s。经核对，还缺少以下材料：" % (scen_zh, case)]
    lines += ["  - " + m for m in missing_zh]
    lines += ["",
              "请直接回复本邮件补充，请勿修改邮件主题中的案件号。",
              "",
              "Hello, we received your request (case %s). The items listed above are still missing;" % case,
              "please reply to this mail with them.",
              "",
              "H3C License申请受理（自动回复，请勿直接致电）"]
    return "\n".join(prefix + l if l else prefix.rstrip() for l in lines)


# --------------------------------------------------------------------------
# The mails
# --------------------------------------------------------------------------


def mails():
    # ---------------------------------------------------------------- 01
    org = "江州市政务服务数据管理局"
    body = """江州市政务服务数据管理局

关于申请iMC网管软件License硬件变更的函

新华三技术有限公司：

    我局电子政务外网网管平台（iMC PLAT 7.3）原部署服务器因主板及RAID卡故障已于2026年11月更换，现需将原软件授权变更至新服务器。根据贵司《业务软件产品License例外申请流程》，现将有关事项函告如下：

    一、最终用户信息
    最终用户单位名称：江州市政务服务数据管理局
    用户联系人：陈建国（网络安全科科长）
    用户联系方式：0796-8231567，chenjg@jzsdsj.gov.cn

    二、代理商信息
    代理商：江州赣鑫信息技术有限公司
    代理商工程师姓名：刘志强
    代理商工程师联系方式：13907961234

    三、授权信息
    所属产品：iMC
    需要变更的授权码：JZ7P-3KQ8-W2MX-61TA
    变更前原License授权中包含的组件及规模：iMC PLAT 平台（500节点）、iMC EIA（1000用户）
    例外情况原因说明：原服务器（浪潮NF5280M5）主板故障，厂商已整机更换，主机信息随之变化。

    四、随函附件
    1. 旧服务器License激活文件（iMC-PLAT-旧服务器License.lic）
    2. 新服务器主机信息文件（新服务器主机信息.txt）
    3. 加盖我局公章的《H3C业务软件License例外申请及承诺书》扫描件

    特此函告，请予办理为盼。

江州市政务服务数据管理局（印）
2026年11月27日

（联系人：陈建国，电话：0796-8231567）
"""
    parts = [T(body, charset="gb18030", cte="base64"),
             A("iMC-PLAT-旧服务器License.lic",
               license_file("iMC PLAT 7.3", "JZ7P-3KQ8-W2MX-61TA", "JZ-NMS-01/00-1E-67-2A-11-90",
                            [("iMC-PLAT-NODE", 500), ("iMC-EIA-USER", 1000)]),
               CT_OCT, "2047", "gb18030"),
             A("新服务器主机信息.txt", hostinfo("JZ-NMS-NEW", "10.96.1.21", "6C-92-BF-4A-0E-31",
                                           "F2A17C09-5B3E-4D21-9C8A-0E7D61B2A4C3"),
               "text/plain", "2047", "gb18030", ctparams=' charset="utf-8";'),
             A("承诺书（盖章扫描件）.pdf", stamped_general(org), "application/pdf", "2047", "gb18030")]
    emit("01-gov-gongwen-gb18030-hwchange-complete.eml",
         [("Return-Path", "<xxk@jzsdsj.gov.cn>"),
          ("From", addr("江州市政务服务数据管理局网络安全科", "xxk@jzsdsj.gov.cn", "gb18030")),
          ("To", addr(OURS_NAME, OURS, "gb18030")),
          ("Subject", ew("关于申请iMC网管软件License硬件变更的函", "gb18030")),
          ("Date", D(2026, 11, 27, 10, 5, 12)),
          ("Message-ID", "<20261127100512.6F1A2B@jzsdsj.gov.cn>"),
          ("X-Mailer", "Coremail Webmail Server Version XT5.0.13")],
         M("mixed", parts, "----=_Part_101_1A2B3C4D.1764209112000"),
         "forward", "hardware_change", [], [],
         "Government IT department's formal 公文 letter (一、二、三 sections) in GB18030/base64 with RFC 2047 GB18030 file names; all nine items present.")

    # ---------------------------------------------------------------- 02
    body = """老师们好～ 👋

我是实验室的网管小张，上周把网管服务器重装了系统 💻，结果iMC的激活文件忘记备份了 😭😭 现在iMC一直提示未激活……

麻烦帮忙找回一下License 🙏🙏

局点：东陵大学信息科学与工程学院网络工程实验室
授权码：DL2Q-8MX4-KT71-P0ZC

产品是iMC PLAT 7.3，原来是50节点的。
有啥需要补充的随时喊我哈 😄

张晓 | 东陵大学信息学院网络实验室
📞 138-0571-2233
"""
    emit("02-univ-lab-emoji-recovery.eml",
         [("From", addr("张晓", "zhangxiao@cs.dongling-univ.edu.cn")),
          ("To", OURS),
          ("Subject", ew("求助🙏 iMC激活文件丢了，申请License找回")),
          ("Date", D(2026, 11, 26, 22, 41, 3)),
          ("Message-ID", "<CAF3k9Q2pR+7xYz@mail.gmail.com>"),
          ("User-Agent", "Mozilla Thunderbird")],
         T(body, cte="quoted-printable"),
         "forward", "recovery", [], [],
         "University lab admin writing casually with emoji (UTF-8 quoted-printable, emoji in RFC 2047 subject); site and auth code given with short labels.")

    # ---------------------------------------------------------------- 03
    org = "江南职业技术学院"
    body = ("各位好，\n\n"
            "客户江南职院需要把一部分iMC EIA授权从老服务器上解绑，挪到新建的分校区服务器上用。"
            "下面是从我们项目跟踪表里直接贴过来的信息：\n\n"
            "最终用户单位名称\t用户联系人\t用户联系方式\t代理商工程师\t代理商工程师电话\t授权码\t所属产品\t原License序列号\t需要解绑定的序列号\n"
            "江南职业技术学院\t孙建华\t0510-85123456\t刘洋\t13812345678\tA7Q2-6KXM-91TB-30DF\tiMC EIA\tEIA-20230871, EIA-20230872, EIA-20230873\tEIA-20230873\n\n"
            "附件是老服务器的License文件，以及客户盖好章的解绑定专用承诺书扫描件。\n\n"
            "谢谢！\n\n"
            "刘洋 | 售前工程师\n无锡恒通网络科技有限公司\nM: 138 1234 5678\n")
    parts = [T(body, cte="base64"),
             A("江南职院_原服务器License.lic",
               license_file("iMC EIA 7.3", "A7Q2-6KXM-91TB-30DF", "JNZY-AAA-01",
                            [("iMC-EIA-USER", 3000)], ["EIA-20230871", "EIA-20230872", "EIA-20230873"]),
               CT_OCT, "2047"),
             A("解绑定专用承诺书_盖章.pdf", stamped_unbind(org), "application/pdf", "2047")]
    emit("03-reseller-excel-tsv-unbind-complete.eml",
         [("From", addr("刘洋", "liuyang@wx-hengtong.com.cn")),
          ("To", OURS),
          ("Subject", ew("License解绑申请-江南职业技术学院")),
          ("Date", D(2026, 11, 27, 15, 20, 44)),
          ("Message-ID", "<5d1e0a7c-3b8f-4e2a-9a61-77c2e0f4b1a3@wx-hengtong.com.cn>")],
         M("mixed", parts, "=_alt_3f9c2e1d"),
         "forward", "unbind", [], [],
         "Reseller pre-sales engineer pastes an Excel header row and value row (tab-separated) for a partial iMC unbind; old license file and stamped unbind letter attached.")

    # ---------------------------------------------------------------- 04
    body = """你好，

唔該幫手處理一下 iMC License 硬體變更。

我們公司部 iMC 伺服器上個月主機板壞了，冇辦法再開機，已經換了一部新伺服器，所以要將 License 轉去新機。

最終用戶單位：港灣物流有限公司
聯絡人：陳家豪 (Kelvin Chan)
聯絡電話：+852 2345 6789
授權碼：HK3T-9PQD-27XW-M4LC
產品：iMC PLAT 7.3，200 個節點

舊伺服器主機資訊同新伺服器主機資訊都係附件入面。
承諾書要等老闆簽名蓋章，遲幾日先補返俾你哋，唔該晒！

Kelvin Chan
IT Manager
港灣物流有限公司
"""
    body = body.replace("俾你哋", "俾你們")  # 哋 is not in plain Big5
    parts = [T(body, charset="big5", cte="quoted-printable"),
             A("舊伺服器主機資訊.txt", hostinfo("HKLOG-IMC01", "192.168.10.5", "00-25-90-AB-12-01",
                                            "0C1D2E3F-4A5B-6C7D-8E9F-A0B1C2D3E4F5"),
               "text/plain", "2047", "big5"),
             A("新伺服器主機資訊.txt", hostinfo("HKLOG-IMC02", "192.168.10.6", "00-25-90-AB-77-42",
                                            "7E8F9A0B-1C2D-3E4F-5A6B-7C8D9E0F1A2B"),
               "text/plain", "2047", "big5")]
    emit("04-hk-big5-hwchange-no-agent-no-letter.eml",
         [("From", addr("Kelvin Chan", "kelvin.chan@harbour-logistics.com.hk")),
          ("To", OURS),
          ("Subject", ew("iMC License 硬體變更 (伺服器更換) 唔該", "big5")),
          ("Date", D(2026, 11, 28, 11, 2, 9)),
          ("Message-ID", "<HK20261128110209.A11@harbour-logistics.com.hk>"),
          ("X-Mailer", "Microsoft Outlook 16.0")],
         M("mixed", parts, "----_NextPart_000_0011_01DB4F2A.6C3E5B10"),
         "request_materials", "hardware_change", ["agent_engineer", "agent_phone", "commitment_letter"], [],
         "Hong Kong customer in traditional Chinese with Cantonese particles, Big5 quoted-printable; old/new host files attached, no reseller details, letter promised later.")

    # ---------------------------------------------------------------- 05
    body = """Dear H3C team,

Good day. Our customer server was reinstall OS last week and the license activation file is lost, they not have any backup copy. Now iMC show "not activated" and cannot add new device.

Kindly help us to recover the license file for them.

Authorization code: 3F8K-22MN-7QWE-91ZX
Product: iMC PLAT 7.3 + UAM

Please let me know if you need more information.

Thanks and best regards,
Nguyen Van Hieu
Technical Support Engineer
Saigon Network Distribution JSC
Mobile: +84 90 312 4567
"""
    emit("05-vn-distributor-recovery-no-site.eml",
         [("From", addr("Nguyen Van Hieu", "hieu.nv@saigon-netdist.vn")),
          ("To", OURS),
          ("Cc", "support@saigon-netdist.vn"),
          ("Subject", "Request recover license file for customer - urgent"),
          ("Date", D(2026, 11, 26, 9, 14, 0, datetime.timezone(datetime.timedelta(hours=7)))),
          ("Message-ID", "<SG2PR06MB5311A0B7C7E2F9D3E1@SG2PR06MB5311.apcprd06.prod.outlook.com>")],
         T(body, charset="us-ascii", cte="7bit"),
         "request_materials", "recovery", ["site_name"], [],
         "Vietnamese distributor in Vietnamese-English asks to recover a lost activation file; gives the auth code but never names the customer site.")

    # ---------------------------------------------------------------- 06
    body = """Dear Sir/Madam,

We would like to request to unbind some license serial of XLog from the old log server, so customer can use it on new log server at DR site.

Detail as below:
End user: Bangkok Metro Hospital
Contact person: Khun Siriporn W.
Tel: +66 2 123 4567
Partner engineer: Somchai Phongsri
Partner mobile: +66 81 234 5678
License key: XL7H-2D99-KALM-31QP
Product: XLog
All serial in original license: XLOG-SN-1001, XLOG-SN-1002
Serial need to unbind: XLOG-SN-1002

Attached is the license file of the old server. Commitment letter we will send later after customer stamp.

Khob khun krub,
Somchai
Siam IT Solution Co., Ltd.
"""
    parts = [T(body, charset="us-ascii", cte="7bit"),
             A("XLog_old_server.lic",
               license_file("XLog 7.0", "XL7H-2D99-KALM-31QP", "BMH-LOG-01",
                            [("XLOG-EPS", 2000)], ["XLOG-SN-1001", "XLOG-SN-1002"]),
               CT_OCT, "plain")]
    emit("06-th-distributor-unbind-xlog.eml",
         [("From", addr("Somchai Phongsri", "somchai@siam-itsolution.co.th")),
          ("To", OURS),
          ("Subject", "Unbind license serial for XLog - Bangkok Metro Hospital"),
          ("Date", D(2026, 11, 27, 14, 3, 51, datetime.timezone(datetime.timedelta(hours=7)))),
          ("Message-ID", "<0f2b8e1a9c@siam-itsolution.co.th>")],
         M("mixed", parts, "b1_0f2b8e1a9c"),
         "request_materials", "unbind", ["unbind_letter"], ["unbind_imc_only"],
         "Thai distributor in Thai-English asks to unbind part of an XLog license; all fields and old license file given, letter later; unbind letter is iMC-only.")

    # ---------------------------------------------------------------- 07
    orig = "\n".join([
        "你好，我院iMC服务器的激活文件丢失了，需要找回License。",
        "局点名称：福州市第三人民医院",
        "授权码在找，稍后补充。",
        "",
        "王刚 信息科"])
    quoted = our_reply_quote("LX-20261125-0012", "License找回", ["之前注册的授权码 (auth code)"])
    quoted += "\n>\n> 在 2026年11月25日 14:20，王刚 <wanggang@fzsy-hospital.cn> 写道：\n" + \
        "\n".join(">> " + l if l else ">>" for l in orig.split("\n"))
    body = ("授权码：6JQ2-K8PX-40MT-ZR7C\n\n王刚\n福州市第三人民医院 信息科\n\n"
            "在 2026年11月25日 14:32，%s <%s> 写道：\n" % (OURS_NAME, OURS) + quoted + "\n")
    emit("07-topposting-recovery-authcode-only.eml",
         [("From", addr("王刚", "wanggang@fzsy-hospital.cn")),
          ("To", addr(OURS_NAME, OURS)),
          ("Subject", ew("回复：Re: [LX-20261125-0012] License找回申请")),
          ("Date", D(2026, 11, 25, 16, 8, 30)),
          ("Message-ID", "<tencent_6B1F2A0C9E@qq.com>"),
          ("In-Reply-To", "<LX-20261125-0012.r1@example.test>"),
          ("References", "<20261125142001.55A@fzsy-hospital.cn> <LX-20261125-0012.r1@example.test>")],
         T(body, cte="8bit"),
         "forward", "recovery", [], [],
         "Customer top-posts only the missing auth code above our quoted reply; the site name is in their own quoted original request.")

    # ---------------------------------------------------------------- 08
    org = "闽江县人民医院"
    plain = """各位好，

补充完整材料：附件为老服务器License文件、新服务器主机信息文件及客户盖章的承诺书，请查收。
代理商工程师：王磊，电话：13905912345

王磊 | 技术服务部
闽江信息系统集成有限公司
福州市鼓楼区软件大道89号

________________________________
发件人: 林海燕 <linhy@mjxrmyy.cn>
发送时间: 2026年11月27日 9:12
收件人: 王磊 <wanglei@minjiang-si.com>; license@example.test
抄送: 黄科长 <huangke@mjxrmyy.cn>; 信息科 <xxk@mjxrmyy.cn>; 陈涛 <chentao@minjiang-si.com>; 销售部 <sales@minjiang-si.com>; 郑晓雯 <zhengxw@mjxrmyy.cn>; 项目组 <pmo@minjiang-si.com>
主题: License硬件变更申请 - 闽江县人民医院

王工、H3C的老师：

我院网管服务器更换了，麻烦协助申请iMC License硬件变更。
最终用户单位名称：闽江县人民医院
用户联系人：林海燕
联系电话：0591-22334455
授权码：M2C8-7VQX-41PA-9DKE
原License组件及规模：iMC PLAT 300节点 + EIA 500用户
原因：旧服务器（DELL R730）已超保并频繁宕机，迁移至新服务器。

谢谢！
林海燕
闽江县人民医院 信息科
"""
    html = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><style>p.MsoNormal{margin:0cm;font-size:10.5pt;font-family:等线}</style></head>
<body lang="ZH-CN"><div class="WordSection1">
<p class="MsoNormal">各位好，</p><p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">补充完整材料：附件为老服务器License文件、新服务器主机信息文件及客户盖章的承诺书，请查收。</p>
<p class="MsoNormal">代理商工程师：王磊，电话：13905912345</p><p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal"><img width="120" height="32" src="cid:image001.png@01DB5F3A.7E2C4B10" alt="logo"></p>
<p class="MsoNormal">王磊 | 技术服务部<br>闽江信息系统集成有限公司<br>福州市鼓楼区软件大道89号</p>
<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b>发件人:</b> 林海燕 &lt;linhy@mjxrmyy.cn&gt;<br><b>发送时间:</b> 2026年11月27日 9:12<br><b>收件人:</b> 王磊 &lt;wanglei@minjiang-si.com&gt;; license@example.test<br><b>抄送:</b> 黄科长 &lt;huangke@mjxrmyy.cn&gt;; 信息科 &lt;xxk@mjxrmyy.cn&gt;; 陈涛 &lt;chentao@minjiang-si.com&gt;; 销售部 &lt;sales@minjiang-si.com&gt;; 郑晓雯 &lt;zhengxw@mjxrmyy.cn&gt;; 项目组 &lt;pmo@minjiang-si.com&gt;<br><b>主题:</b> License硬件变更申请 - 闽江县人民医院</p></div>
<p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">王工、H3C的老师：</p>
<p class="MsoNormal">我院网管服务器更换了，麻烦协助申请iMC License硬件变更。<br>最终用户单位名称：闽江县人民医院<br>用户联系人：林海燕<br>联系电话：0591-22334455<br>授权码：M2C8-7VQX-41PA-9DKE<br>原License组件及规模：iMC PLAT 300节点 + EIA 500用户<br>原因：旧服务器（DELL R730）已超保并频繁宕机，迁移至新服务器。</p>
<p class="MsoNormal">谢谢！<br>林海燕<br>闽江县人民医院 信息科</p>
</div></body></html>
"""
    alt = M("alternative", [T(plain, charset="gb2312", cte="base64"), T(html, "html", "gb2312", "base64")],
            "----=_NextPart_002_0A1B_01DB5F3A.7E2C4B10")
    related = M("related", [alt, A("image001.png", png(40, 12, 3), "image/png", "plain", disp="inline",
                                   cid="image001.png@01DB5F3A.7E2C4B10")],
                "----=_NextPart_001_0A1A_01DB5F3A.7E2C4B10", ' type="multipart/alternative";')
    parts = [related,
             A("老服务器License文件.lic",
               license_file("iMC PLAT 7.3", "M2C8-7VQX-41PA-9DKE", "MJXRMYY-R730",
                            [("iMC-PLAT-NODE", 300), ("iMC-EIA-USER", 500)]), CT_OCT, "2047", "gb2312"),
             A("新服务器主机信息.txt", hostinfo("MJYY-NMS-NEW", "172.16.5.20", "B0-26-28-C1-9A-03",
                                           "5D6E7F80-91A2-4B3C-8D4E-5F60718293A4"),
               "text/plain", "2047", "gb2312"),
             A("承诺书（盖章）.pdf", stamped_general(org), "application/pdf", "2047", "gb2312")]
    cc = ", ".join([addr("黄科长", "huangke@mjxrmyy.cn"), addr("信息科", "xxk@mjxrmyy.cn"),
                    addr("陈涛", "chentao@minjiang-si.com"), addr("销售部", "sales@minjiang-si.com"),
                    addr("郑晓雯", "zhengxw@mjxrmyy.cn"), addr("项目组", "pmo@minjiang-si.com"),
                    addr("林海燕", "linhy@mjxrmyy.cn")]).replace(", ", ",\n\t")
    emit("08-outlook-replyall-cc-chain-hwchange.eml",
         [("From", addr("王磊", "wanglei@minjiang-si.com", "gb2312")),
          ("To", addr(OURS_NAME, OURS, "gb2312")),
          ("Cc", cc),
          ("Subject", ew("答复: License硬件变更申请 - 闽江县人民医院", "gb2312")),
          ("Thread-Topic", ew("License硬件变更申请 - 闽江县人民医院", "gb2312")),
          ("Thread-Index", "AdtfOn4sS0eQw1b2Qk2yN3F4xYz1AAAwB2Cg"),
          ("Date", D(2026, 11, 27, 10, 47, 2)),
          ("Message-ID", "<TYZPR03MB7001E2C44F1B7A3D@TYZPR03MB7001.apcprd03.prod.outlook.com>"),
          ("In-Reply-To", "<20261127091200.3C2D@mjxrmyy.cn>"),
          ("References", "<20261127091200.3C2D@mjxrmyy.cn>"),
          ("X-MS-Has-Attach", "yes"),
          ("X-Mailer", "Microsoft Outlook 16.0")],
         M("mixed", parts, "----=_NextPart_000_0A19_01DB5F3A.7E2C4B10"),
         "forward", "hardware_change", [], [],
         "Reseller engineer's Outlook Reply All (long CC) adds agent details and all three files on top of the customer's request quoted in an Outlook 发件人:/发送时间: block (GB2312, HTML+plain, inline logo).")

    # ---------------------------------------------------------------- 09
    org = "恒泰特钢集团有限公司"
    body = """您好：

我司申请iMC License硬件变更（更换服务器），全部材料已打包为附件 20261130.zip，内含：旧服务器License文件、新服务器主机信息文件、盖章承诺书。

最终用户单位名称：恒泰特钢集团有限公司
用户联系人：马骏
用户联系方式：0635-7781234 / majun@hengtai-steel.com
代理商工程师：孙立
代理商工程师联系方式：15006351122
授权码：HT4R-8WQ2-N6PZ-0KX3

马骏
恒泰特钢 信息中心
"""
    z = zipit([("旧服务器License文件.lic",
                license_file("iMC PLAT 7.3", "HT4R-8WQ2-N6PZ-0KX3", "HT-IMC-OLD", [("iMC-PLAT-NODE", 200)])),
               ("新服务器主机信息.txt", hostinfo("HT-IMC-NEW", "10.8.0.12", "3C-EC-EF-10-22-9B",
                                             "A1B2C3D4-E5F6-4789-9ABC-DEF012345678")),
               ("盖章承诺书.pdf", stamped_general(org))])
    parts = [T(body, cte="base64"), A("20261130.zip", z, "application/x-zip-compressed", "plain")]
    emit("09-zip-by-date-hwchange.eml",
         [("From", addr("马骏", "majun@hengtai-steel.com")),
          ("To", OURS),
          ("Subject", ew("License硬件变更申请材料")),
          ("Date", D(2026, 11, 30, 8, 55, 40)),
          ("Message-ID", "<20261130085540.3a7f@hengtai-steel.com>")],
         M("mixed", parts, "=_6e1c0d7b9f20"),
         "forward", "hardware_change", [], ["from_archive"],
         "Customer puts every file into one archive named by date (20261130.zip); fields in the body; complete.")

    # ---------------------------------------------------------------- 10
    body = "如题，谢谢！\n\n--\n周敏\n中山市第三人民医院 网络组\n"
    emit("10-subject-fields-recovery.eml",
         [("From", addr("周敏", "zhoumin@zs3hospital.cn")),
          ("To", OURS),
          ("Subject", ew("License找回 局点名称：中山市第三人民医院 授权码：7K3M-92QD-XP4T-118B")),
          ("Date", D(2026, 11, 26, 13, 30, 0)),
          ("Message-ID", "<2026112613300001.zm@zs3hospital.cn>")],
         T(body, cte="quoted-printable"),
         "forward", "recovery", [], [],
         "Customer writes both fields in the RFC 2047 encoded subject line; the body says only 如题.")

    # ---------------------------------------------------------------- 11
    org = "南岭电力设计院有限公司"
    body = """H3C工程师您好：

我单位iMC服务器更换，申请License硬件变更，相关信息如下：

一、最终用户单位名称：南岭电力设计院有限公司
    用户联系人：李明
    用户联系方式：020-38815566
二、代理商工程师：何志刚，联系方式：13719004455
三、需要变更的授权码：NL9D-4XK2-PQ73-WE5M

附件说明：
附件1：老服务器主机信息文件（旧服务器上导出的）
附件2：新服务器主机信息文件
附件3：加盖公章的《H3C业务软件License例外申请及承诺书》扫描件

请查收，谢谢！

李明
南岭电力设计院 信息中心
"""
    parts = [T(body, cte="base64"),
             A("附件1.txt", hostinfo("NLDL-NMS01", "10.30.2.11", "00-1B-21-8E-45-C0",
                                   "11AA22BB-33CC-44DD-55EE-66FF77889900", when="2026-11-18 16:40:02"),
               "text/plain", "2047"),
             A("附件2.txt", hostinfo("NLDL-NMS02", "10.30.2.12", "00-1B-21-8E-46-D8",
                                   "99887766-5544-4332-2110-0FFEEDDCCBBA", when="2026-11-25 09:02:17"),
               "text/plain", "2047"),
             A("附件3.pdf", stamped_general(org), "application/pdf", "2047")]
    emit("11-numbered-attachments-hwchange.eml",
         [("From", addr("李明", "liming@nanling-epdi.com")),
          ("To", OURS),
          ("Subject", ew("iMC License硬件变更申请（南岭电力设计院）")),
          ("Date", D(2026, 11, 27, 16, 45, 9)),
          ("Message-ID", "<20261127164509.NL0001@nanling-epdi.com>")],
         M("mixed", parts, "----=_Part_88_192837465.1764233109"),
         "forward", "hardware_change", [], [],
         "Customer names attachments 附件1/2/3 and says in the text which is the old host file, the new host file and the stamped letter.")

    # ---------------------------------------------------------------- 12
    body = """您好，

我们需要申请iMC License解绑：原授权里有4个EIA序列号，其中2个要解绑出来给二期机房的新服务器用。

最终用户单位名称：华信控股集团
用户联系人：李娜
用户联系方式：021-60912233
代理商工程师：钱峰
代理商工程师联系方式：13917765432
授权码：HX5K-0PLM-Q8RT-27VB
原License序列号：EIA-HX-0001、EIA-HX-0002、EIA-HX-0003、EIA-HX-0004
需要解绑定的授权序列号：EIA-HX-0003、EIA-HX-0004

老服务器的License文件还在找，承诺书在走盖章流程，弄好后一起发。

李娜
华信控股集团 信息技术部

——————————————
本邮件由企业微信发送
企业微信，让每个企业都有自己的微信
"""
    emit("12-wechat-work-unbind-missing-files.eml",
         [("From", addr("李娜", "lina@huaxin-holding.com")),
          ("To", OURS),
          ("Subject", ew("iMC授权解绑申请")),
          ("Date", D(2026, 11, 28, 9, 7, 33)),
          ("Message-ID", "<wework.1764292053.7c1f@exmail.qq.com>"),
          ("X-Mailer", "WeCom Mail")],
         T(body, cte="base64"),
         "request_materials", "unbind", ["old_server_file", "unbind_letter"], [],
         "Customer writing from WeChat Work (企业微信 footer) gives all fields for a partial unbind but neither the old server file nor the letter.")

    # ---------------------------------------------------------------- 13
    html = """<html><head><style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head>
<body dir="ltr"><div style="font-family: Calibri, Arial, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">您好，<br><br>
学校机房的网管服务器换硬盘重装后，iMC的License激活文件丢失了，想申请License找回，信息如下：</div>
<div><br></div>
<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse">
<tbody>
<tr><td><b>客户局点名称</b></td><td>临江市第二中学</td></tr>
<tr><td><b>授权码</b></td><td>LJ2Z-66QA-TRX0-9HB4</td></tr>
<tr><td><b>产品</b></td><td>iMC PLAT 7.3 (E0706)</td></tr>
</tbody></table>
<div><br>谢谢！<br>陈伟</div>
<div id="appendonsend"></div>
</body></html>
"""
    emit("13-hotmail-html-only-recovery.eml",
         [("From", addr("Chen Wei", "chenwei_1988@hotmail.com")),
          ("To", OURS),
          ("Subject", ew("License丢失找回")),
          ("Date", D(2026, 11, 29, 20, 11, 46)),
          ("Message-ID", "<PUZPR01MB4898C3F7AA8B2E1D9F0@PUZPR01MB4898.apcprd01.prod.exchangelabs.com>"),
          ("x-ms-exchange-messagesentrepresentingtype", "1")],
         T(html, "html", "utf-8", "base64"),
         "forward", "recovery", [], [],
         "Hotmail webmail sending HTML only; site name and auth code in an HTML table.")

    # ---------------------------------------------------------------- 14
    html = """<html><head></head><body><div class="ydp3b1c7e9yahoo-style-wrap" style="font-family:Helvetica Neue, Helvetica, Arial, sans-serif;font-size:13px;"><div dir="ltr" data-setdir="false">您好，</div><div dir="ltr" data-setdir="false"><br></div>
<div dir="ltr" data-setdir="false">我们公司的iMC服务器要更换新服务器，申请License硬件变更。</div>
<div dir="ltr" data-setdir="false">最终用户单位名称：瑞丰纺织股份有限公司<br>用户联系人：周平<br>用户联系方式：0512-63301122<br>代理商工程师：吴凯<br>代理商工程师联系方式：18962107788<br>授权码：RF8N-1QZ4-DK6W-73PX</div>
<div dir="ltr" data-setdir="false"><br></div><div dir="ltr" data-setdir="false">附件有旧服务器的License文件、新服务器的主机信息文件，还有承诺书（已经按模板填好了）。</div>
<div dir="ltr" data-setdir="false"><br></div><div dir="ltr" data-setdir="false">周平</div></div></body></html>
"""
    parts = [T(html, "html", "utf-8", "quoted-printable"),
             A("old_server_license.lic",
               license_file("iMC PLAT 7.3", "RF8N-1QZ4-DK6W-73PX", "RFFZ-IMC", [("iMC-PLAT-NODE", 100)]),
               CT_OCT, "plain"),
             A("new_server_hostinfo.txt", hostinfo("RF-NMS-2026", "192.168.100.8", "F4-03-43-2B-9C-11",
                                                   "2B3C4D5E-6F70-4182-93A4-B5C6D7E8F901"),
               "text/plain", "plain"),
             A("H3C业务软件License例外申请及承诺书.docx",
               docx(GENERAL_TEMPLATE, {"本公司（单位）": "瑞丰纺织股份有限公司"}), CT_DOCX, "2231")]
    emit("14-yahoo-html-only-hwchange-docx-letter.eml",
         [("From", addr("Zhou Ping", "zhouping_it@yahoo.com")),
          ("To", OURS),
          ("Subject", ew("申请License硬件变更 - 瑞丰纺织")),
          ("Date", D(2026, 11, 28, 14, 22, 5)),
          ("Message-ID", "<1390528861.2741963.1764310925117@mail.yahoo.com>"),
          ("X-Mailer", "WebService/1.1.23125 YMailNorrin")],
         M("mixed", parts, "----=_Part_2741962_1137455923.1764310925116"),
         "request_materials", "hardware_change", ["commitment_letter"], ["letter_not_stamped"],
         "Yahoo webmail, HTML only; every item present except the letter, which is a filled-in but unstamped .docx.")

    # ---------------------------------------------------------------- 15
    org = "清源水务集团有限公司"
    orig = """您好，我司APM服务器更换，申请License硬件变更。
最终用户单位名称：清源水务集团有限公司
用户联系人：赵强
联系电话：0571-86012345
代理商工程师：冯涛
代理商工程师联系方式：13588001234
授权码：QY6A-PM3K-82VD-XT0R
所属产品：iMC APM
旧机器标识字符串（UniqueID）：APM-UID-4C7E2A91B05D
新机器标识字符串（UniqueID）：APM-UID-9D13F6E08A2C
承诺书盖章后补。

赵强"""
    body = ("附件是盖章的承诺书\n\n赵强\n\n"
            "------------------ 原始邮件 ------------------\n"
            "发件人: \"H3C License申请受理\"<license@example.test>;\n"
            "发送时间: 2026年11月26日(星期四) 下午3:05\n"
            "收件人: \"赵强\"<zhaoq@qingyuan-water.cn>;\n"
            "主题: Re: [LX-20261126-0031] License硬件变更申请\n\n"
            + our_reply_quote("LX-20261126-0031", "License硬件变更",
                              ["客户单位盖章的《H3C业务软件License例外申请及承诺书》"], prefix="") +
            "\n\n------------------ 原始邮件 ------------------\n"
            "发件人: \"赵强\"<zhaoq@qingyuan-water.cn>;\n"
            "发送时间: 2026年11月26日(星期四) 下午2:51\n"
            "收件人: \"license\"<license@example.test>;\n"
            "主题: License硬件变更申请\n\n" + orig + "\n")
    parts = [T(body, charset="gb18030", cte="base64"),
             A("承诺书盖章.jpg", jpg("scan: commitment letter, Qingyuan Water, sealed"), "image/jpeg", "2047", "gb18030")]
    emit("15-short-followup-stamped-letter.eml",
         [("From", addr("赵强", "zhaoq@qingyuan-water.cn")),
          ("To", addr(OURS_NAME, OURS)),
          ("Subject", ew("回复：Re: [LX-20261126-0031] License硬件变更申请", "gb18030")),
          ("Date", D(2026, 11, 27, 8, 31, 17)),
          ("Message-ID", "<tencent_9AD3C1B2E7F4@foxmail.com>"),
          ("In-Reply-To", "<LX-20261126-0031.r1@example.test>"),
          ("X-Mailer", "Foxmail 7.2.25.228[cn]")],
         M("mixed", parts, "----=_NextPart_6565A7E5_0B1C2D3E_4F5A6B7C"),
         "forward", "hardware_change", [], [],
         "Very short Foxmail follow-up '附件是盖章的承诺书' with the stamped letter; the quoted thread below holds all fields and old/new APM UniqueID strings.")

    # ---------------------------------------------------------------- 16
    body1 = """您好，申请iMC License解绑。

最终用户单位：南海农商银行
联系人：张磊 0757-86223344
代理商工程师：梁文斌 13926001122
授权码：NH3B-7KQ1-ZP84-XD2W
原授权序列号：UAM-NH-01，UAM-NH-02，UAM-NH-03
需要解绑的序列号：UAM-NH-03

解绑定专用承诺书已盖章，拍照两页发给您（IMG_0001、IMG_0002）。
"""
    body2 = "\n\nSent from my iPad\n"
    parts = [T(body1, cte="quoted-printable"),
             A("IMG_0001.jpg", jpg("page 1", "iPad (9th generation)"), "image/jpeg", "plain", disp="inline",
               ctparams=" x-apple-part-url=2F1E4C6B-0A9D-4E3B-8C7F-1A2B3C4D5E6F;"),
             A("IMG_0002.jpg", jpg("page 2", "iPad (9th generation)"), "image/jpeg", "plain", disp="inline",
               ctparams=" x-apple-part-url=7C8D9E0F-1A2B-4C3D-9E4F-5A6B7C8D9E0F;"),
             T(body2, cte="quoted-printable")]
    emit("16-ipad-photos-unbind-letter.eml",
         [("From", addr("张磊", "zhanglei@nanhai-rcb.com")),
          ("To", OURS),
          ("Subject", ew("iMC解绑申请")),
          ("Date", D(2026, 11, 29, 19, 52, 8)),
          ("Message-ID", "<7E3C1A9B-2D4F-4A8E-B6C0-91F2E3D4A5B6@nanhai-rcb.com>"),
          ("X-Mailer", "iPad Mail (22B83)")],
         M("mixed", parts, "Apple-Mail-7E3C1A9B-2D4F-4A8E-B6C0-91F2E3D4A5B6"),
         "request_materials", "unbind", ["old_server_file"], [],
         "iPad user sends photos IMG_0001/0002.jpg of the stamped unbind letter (said so in the text) plus fields; no old server license/host file.")

    # ---------------------------------------------------------------- 17
    body = """您好，

我于2026年11月27日至12月3日休假，期间不能及时回复邮件。紧急事务请联系信息科黄科长（0591-22334400）。

林海燕
闽江县人民医院 信息科
"""
    emit("17-autoreply-out-of-office.eml",
         [("From", addr("林海燕", "linhy@mjxrmyy.cn")),
          ("To", addr(OURS_NAME, OURS)),
          ("Subject", ew("自动回复: Re: [LX-20261127-0040] License硬件变更申请")),
          ("Date", D(2026, 11, 27, 11, 0, 4)),
          ("Message-ID", "<auto.20261127110004.linhy@mjxrmyy.cn>"),
          ("In-Reply-To", "<LX-20261127-0040.r1@example.test>"),
          ("Auto-Submitted", "auto-replied"),
          ("X-Auto-Response-Suppress", "All"),
          ("Precedence", "auto_reply")],
         T(body, charset="gb2312", cte="base64"),
         "ignore", "", [], [],
         "Customer's out-of-office auto-reply to our case mail (Auto-Submitted: auto-replied).", reason="auto_submitted")

    # ---------------------------------------------------------------- 18
    notice = """This is the mail system at host mx1.example.test.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

<chenjg@jzsdsj-old.gov.cn>: host mx.jzsdsj-old.gov.cn[203.0.113.25] said: 550
    5.1.1 <chenjg@jzsdsj-old.gov.cn>: Recipient address rejected: User unknown
    in local recipient table (in reply to RCPT TO command)
"""
    status = """Reporting-MTA: dns; mx1.example.test
X-Postfix-Queue-ID: 4Y2kLm0Q7Zz9tK
Arrival-Date: Fri, 27 Nov 2026 10:06:01 +0800 (CST)

Final-Recipient: rfc822; chenjg@jzsdsj-old.gov.cn
Original-Recipient: rfc822;chenjg@jzsdsj-old.gov.cn
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.jzsdsj-old.gov.cn
Diagnostic-Code: smtp; 550 5.1.1 <chenjg@jzsdsj-old.gov.cn>: Recipient address
    rejected: User unknown in local recipient table
"""
    orig_hdrs = ("From: %s <%s>\nTo: chenjg@jzsdsj-old.gov.cn\nSubject: %s\nDate: %s\n"
                 "Message-ID: <LX-20261127-0003.r1@example.test>\nAuto-Submitted: auto-replied\n"
                 "In-Reply-To: <20261127100000.old@jzsdsj-old.gov.cn>\n"
                 % (ew(OURS_NAME), OURS, ew("Re: [LX-20261127-0003] License硬件变更"), D(2026, 11, 27, 10, 6, 0)))
    parts = [T(notice, charset="us-ascii", cte="7bit", extra=[("Content-Description", "Notification")]),
             ([("Content-Description", "Delivery report"), ("Content-Type", "message/delivery-status")],
              status.encode()),
             ([("Content-Description", "Undelivered Message Headers"), ("Content-Type", "text/rfc822-headers")],
              orig_hdrs.encode())]
    emit("18-bounce-dsn.eml",
         [("Return-Path", "<>"),
          ("From", "MAILER-DAEMON@mx1.example.test (Mail Delivery System)"),
          ("To", OURS),
          ("Subject", "Undelivered Mail Returned to Sender"),
          ("Date", D(2026, 11, 27, 10, 6, 2)),
          ("Message-ID", "<20261127020602.4Y2kLm0Q7Zz9tK@mx1.example.test>"),
          ("Auto-Submitted", "auto-replied")],
         M("report", parts, "4Y2kLm0Q7Zz9tK.1764209162/mx1.example.test", " report-type=delivery-status;"),
         "ignore", "", [], [],
         "Postfix DSN bounce (multipart/report) of one of our case replies, null return path.", reason="bounce")

    # ---------------------------------------------------------------- 19
    html = """<html><body style="font-family:微软雅黑">
<h2>网络运维周刊 第187期</h2>
<p>本期看点：</p>
<ul><li>服务器更换后，网管软件License如何迁移？一文读懂硬件变更流程</li>
<li>License激活文件丢失怎么办？找回申请要准备哪些材料</li>
<li>iMC 7.3 E0710 新特性速览</li></ul>
<p>点击阅读全文：https://weekly.netops-cn.com/187</p>
<p style="font-size:11px;color:#999">您收到此邮件是因为您订阅了网络运维周刊。<a href="https://weekly.netops-cn.com/unsub?u=ab12">退订</a></p>
</body></html>
"""
    emit("19-newsletter-list.eml",
         [("From", addr("网络运维周刊", "weekly@netops-cn.com")),
          ("To", OURS),
          ("Subject", ew("【网络运维周刊】服务器更换后License如何迁移？| 第187期")),
          ("Date", D(2026, 11, 27, 7, 0, 0)),
          ("Message-ID", "<weekly-187.license@netops-cn.com>"),
          ("List-Id", "<weekly.netops-cn.com>"),
          ("List-Unsubscribe", "<https://weekly.netops-cn.com/unsub?u=ab12>, <mailto:unsub@netops-cn.com?subject=unsub>"),
          ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
          ("Precedence", "bulk")],
         T(html, "html", "utf-8", "base64"),
         "ignore", "", [], [],
         "Newsletter with List-Id/List-Unsubscribe whose articles mention license recovery and server change.", reason="list")

    # ---------------------------------------------------------------- 20
    body = """您好，

您关注的工单 INC0048213「iMC License硬件变更（更换服务器）」状态已更新为：等待外部厂商。

处理人：网络组 韩磊
更新时间：2026-11-28 10:30

本邮件由系统自动发送，请勿直接回复。
"""
    emit("20-noreply-ticket-notification.eml",
         [("From", addr("IT服务台", "noreply@servicedesk.yuhang-group.com")),
          ("To", OURS),
          ("Subject", ew("工单 INC0048213 已更新：iMC License硬件变更（更换服务器）")),
          ("Date", D(2026, 11, 28, 10, 30, 12)),
          ("Message-ID", "<INC0048213.upd.1764297012@servicedesk.yuhang-group.com>")],
         T(body, cte="base64"),
         "ignore", "", [], [],
         "Ticket-system notification from a noreply@ address that quotes a hardware-change ticket title.", reason="noreply")

    # ---------------------------------------------------------------- 21
    body = """你好，

我们学校的iMC今天登录后提示“License无效或已过期”，部分功能用不了，设备也加不进去。
授权码：XY8C-3NQ2-PL56-7RTK

请问这种情况要怎么处理？需要我们提供什么？

谢谢
网络中心 邓老师
"""
    emit("21-unclear-license-invalid.eml",
         [("From", addr("网络中心", "netcenter@xiangyun-tc.edu.cn")),
          ("To", OURS),
          ("Subject", ew("iMC提示License无效，求助")),
          ("Date", D(2026, 11, 30, 9, 40, 27)),
          ("Message-ID", "<20261130094027.8812@xiangyun-tc.edu.cn>")],
         T(body, cte="quoted-printable"),
         "ask_scenario", "", [], [],
         "School network centre reports a 'license invalid' error and asks what to do; no sign of lost file, server change or unbind.")

    # ---------------------------------------------------------------- 22
    body = """Hi team,

Customer have problem with iMC license, after Windows update it show error "License verification failed" and some module cannot open.
Screenshot attached. Please support to check what procedure we need to follow.

Thanks,
Tran Thi Mai
Presales - Hanoi Office
Saigon Network Distribution JSC
"""
    parts = [T(body, charset="us-ascii", cte="7bit"),
             A("screenshot.png", png(64, 40, 9), "image/png", "plain")]
    emit("22-unclear-vn-error-screenshot.eml",
         [("From", addr("Tran Thi Mai", "mai.tt@saigon-netdist.vn")),
          ("To", OURS),
          ("Subject", "iMC license error - need support"),
          ("Date", D(2026, 11, 28, 16, 12, 0, datetime.timezone(datetime.timedelta(hours=7)))),
          ("Message-ID", "<SG2PR06MB53119F1C3B7A2E40@SG2PR06MB5311.apcprd06.prod.outlook.com>")],
         M("mixed", parts, "_004_SG2PR06MB53119F1C3B7A2E40_"),
         "ask_scenario", "", [], [],
         "Vietnamese distributor reports an iMC license error with a screenshot and asks which procedure applies.")

    # ---------------------------------------------------------------- 23
    body = """H3C的同事好：

客户要把iMC授权整体迁到新机房的服务器上，申请License解绑。

最终用户单位名称：长丰县教育体育局
用户联系人：许文
用户联系方式：0551-66778899
代理商工程师：周国栋
代理商工程师联系方式：18655123456
授权码：CF2E-9JX6-VQ41-RM8T
变更前原License授权中包含的授权序列号列表：IMC-CF-0101、IMC-CF-0102、IMC-CF-0103
需要解绑定的授权序列号：IMC-CF-0101、IMC-CF-0102、IMC-CF-0103（全部）

附件是老服务器的License文件，新服务器还在安装，承诺书后补。

周国栋
合肥智联网络工程有限公司
"""
    parts = [T(body, cte="base64"),
             A("长丰教体局-老服务器License.lic",
               license_file("iMC PLAT 7.3", "CF2E-9JX6-VQ41-RM8T", "CFJTJ-NMS",
                            [("iMC-PLAT-NODE", 150)], ["IMC-CF-0101", "IMC-CF-0102", "IMC-CF-0103"]),
               CT_OCT, "2047")]
    emit("23-unbind-all-serials.eml",
         [("From", addr("周国栋", "zhougd@hf-zhilian.com")),
          ("To", OURS),
          ("Subject", ew("申请iMC License解绑 - 长丰县教育体育局")),
          ("Date", D(2026, 11, 30, 10, 18, 55)),
          ("Message-ID", "<20261130101855.zgd@hf-zhilian.com>")],
         M("mixed", parts, "----=_Part_2301_88442211.1764469135"),
         "request_materials", "hardware_change", ["new_host_info", "commitment_letter"], ["unbind_all_serials"],
         "Reseller asks to 'unbind' but lists every serial of the original license as to be unbound, so it is a hardware change; old license attached, no new host file or letter.")

    # ---------------------------------------------------------------- 24
    org = "北川理工学院"
    body = """您好：

我校CAMS认证计费系统服务器更换，申请CAMS License硬件变更。
旧CAMS服务器目前仍在运行（新服务器上线前需要并行），已按承诺书说明重新收集了旧服务器的主机信息。

最终用户单位名称：北川理工学院
用户联系人：郭宁
用户联系方式：0816-2229988，guoning@bclg.edu.cn
代理商工程师：韦强
代理商工程师联系方式：13890165432
授权码：BC7C-AM5S-20QX-K9LW
所属产品：CAMS
变更前原License组件及规模：CAMS 基础平台 + 5000在线用户
例外情况原因说明：旧服务器性能不足，更换为新服务器。

附件：旧服务器主机信息（重新收集）、新服务器主机信息、盖章承诺书扫描件。

郭宁
北川理工学院 网络信息中心
"""
    parts = [T(body, cte="base64"),
             A("CAMS旧服务器主机信息_重新收集.txt",
               hostinfo("BCLG-CAMS01", "10.0.9.5", "00-0C-29-4F-8A-11", "CAMS-7F3A-11D2-9E40",
                        product="CAMS 3.60 (E0305)", osname="Red Hat Enterprise Linux 6.10", when="2026-11-29 15:01:44"),
               "text/plain", "2047"),
             A("CAMS新服务器主机信息.txt",
               hostinfo("BCLG-CAMS02", "10.0.9.6", "00-0C-29-77-1B-90", "CAMS-2C8E-44A1-7B05",
                        product="CAMS 3.60 (E0305)", osname="Red Hat Enterprise Linux 7.9", when="2026-11-29 15:20:08"),
               "text/plain", "2047"),
             A("承诺书扫描.png", png(96, 64, 5), "image/png", "2047")]
    emit("24-cams-hwchange-complete.eml",
         [("From", addr("郭宁", "guoning@bclg.edu.cn")),
          ("To", OURS),
          ("Subject", ew("CAMS License硬件变更申请 - 北川理工学院")),
          ("Date", D(2026, 11, 30, 11, 5, 0)),
          ("Message-ID", "<20261130110500.cams@bclg.edu.cn>")],
         M("mixed", parts, "----=_Part_24_CAMS_1764471900"),
         "forward", "hardware_change", [], ["cams_recollect_host_info"],
         "University asks a CAMS hardware change, old CAMS machine still running, host info re-collected; complete, PNG scan of the letter.")

    # ---------------------------------------------------------------- 25
    body = """您好，

我公司网管系统计划从 Quidview LAN/WAN V2.1 升级到 Quidview DM V3.10，按流程需要申请License例外处理，请协助。

最终用户单位名称：西江电网调度中心
用户联系人：黎志明
用户联系方式：0758-2216677
代理商工程师：彭海
代理商工程师联系方式：13602891234
授权码：QV21-8KD3-LN7Q-X0PA
所属产品：Quidview
变更前原License组件及规模：Quidview LAN/WAN V2.1 网元管理 300 设备

附件：原Quidview V2.1 License文件、新服务器（DM V3.10）主机信息文件。
承诺书还在审批盖章。

黎志明
"""
    parts = [T(body, cte="quoted-printable"),
             A("QuidviewV21_原License.lic",
               license_file("Quidview LAN/WAN V2.1", "QV21-8KD3-LN7Q-X0PA", "XJDW-QV-01", [("QV-NE", 300)]),
               CT_OCT, "2047"),
             A("DM310_新服务器主机信息.txt",
               hostinfo("XJDW-QVDM", "10.58.1.30", "00-E0-4C-68-01-AA", "QVDM-5A61-0C9E-2F3B",
                        product="Quidview DM V3.10"), "text/plain", "2047")]
    emit("25-quidview-upgrade-no-letter.eml",
         [("From", addr("黎志明", "lizm@xijiang-grid.cn")),
          ("To", OURS),
          ("Subject", ew("Quidview LAN/WAN V2.1升级DM V3.10 License申请")),
          ("Date", D(2026, 11, 26, 10, 44, 21)),
          ("Message-ID", "<20261126104421.qv@xijiang-grid.cn>")],
         M("mixed", parts, "=_qv_7a1e2b"),
         "request_materials", "hardware_change", ["commitment_letter"], ["quidview_upgrade"],
         "Power-grid customer asks for the Quidview LAN/WAN V2.1 → DM V3.10 upgrade exception; old license and new host file given, letter still being stamped.")

    # ---------------------------------------------------------------- 26
    org = "临港新材料科技有限公司"
    body = """您好，

我司申请iMC License解绑，原授权中的2个UAM序列号需要解绑到新服务器使用，其余保留在原服务器。

最终用户单位名称：临港新材料科技有限公司
用户联系人：蒋雯
用户联系方式：021-58001234
代理商工程师：石磊
代理商工程师联系方式：13761234567
授权码：LG4U-7MZ2-QW98-PD1C
变更前原License授权中包含的授权序列号列表：UAM-LG-11、UAM-LG-12、UAM-LG-13、UAM-LG-14、UAM-LG-15
需要解绑定的授权序列号：UAM-LG-14、UAM-LG-15

附件为原服务器License文件及盖章的承诺书。

蒋雯
"""
    parts = [T(body, cte="base64"),
             A("原服务器License.lic",
               license_file("iMC UAM 7.3", "LG4U-7MZ2-QW98-PD1C", "LG-IMC-01", [("iMC-UAM-USER", 5000)],
                            ["UAM-LG-11", "UAM-LG-12", "UAM-LG-13", "UAM-LG-14", "UAM-LG-15"]), CT_OCT, "2047"),
             A("H3C业务软件License例外申请及承诺书_盖章.pdf", stamped_general(org), "application/pdf", "both")]
    emit("26-unbind-with-general-letter.eml",
         [("From", addr("蒋雯", "jiangwen@lingang-nm.com")),
          ("To", OURS),
          ("Subject", ew("iMC License解绑申请")),
          ("Date", D(2026, 11, 27, 13, 9, 38)),
          ("Message-ID", "<20261127130938.jw@lingang-nm.com>")],
         M("mixed", parts, "----=_Part_26_1764220178"),
         "request_materials", "unbind", ["unbind_letter"], ["wrong_letter"],
         "Partial iMC unbind with every field and the old license, but the stamped letter is the general one, not the unbind-only one.")

    # ---------------------------------------------------------------- 27
    org = "德阳重装机械有限公司"
    body = """您好：

我公司iMC服务器硬盘阵列损坏，已更换新服务器，申请License硬件变更。

最终用户单位名称：德阳重装机械有限公司
用户联系人：谭勇
用户联系方式：0838-2901122
代理商工程师：罗斌
代理商工程师联系方式：13990201234
授权码：DY9H-3WX7-KP20-MQ6E

附件：旧服务器License文件、新服务器主机信息文件、盖章承诺书。

谭勇
"""
    parts = [T(body, charset="gbk", cte="base64"),
             A("旧服务器License.lic",
               license_file("iMC PLAT 7.3", "DY9H-3WX7-KP20-MQ6E", "DYZZ-NMS", [("iMC-PLAT-NODE", 250)]),
               CT_OCT, "2047", "gbk"),
             A("新服务器主机信息.txt", hostinfo("DYZZ-NMS-NEW", "10.38.0.9", "AC-1F-6B-00-12-34",
                                           "6A7B8C9D-0E1F-4A2B-8C3D-4E5F6A7B8C9D"), "text/plain", "2047", "gbk"),
             A("H3C业务软件License例外申请及承诺书（解绑定专用）-盖章.pdf", stamped_unbind(org),
               "application/pdf", "2047", "gbk")]
    emit("27-hwchange-with-unbind-letter.eml",
         [("From", addr("谭勇", "tanyong@dyzz-machinery.com", "gbk")),
          ("To", OURS),
          ("Subject", ew("iMC License硬件变更申请（更换服务器）", "gbk")),
          ("Date", D(2026, 11, 28, 15, 33, 0)),
          ("Message-ID", "<20261128153300.ty@dyzz-machinery.com>")],
         M("mixed", parts, "----=_NextPart_27_DY"),
         "request_materials", "hardware_change", ["commitment_letter"], ["wrong_letter"],
         "Clear server-replacement request (GBK) with old/new files, but the stamped letter attached is the unbind-only one.")

    # ---------------------------------------------------------------- 28
    org = "清河县教育局"
    inner_body = """黄工：

我局网管服务器更换了，iMC License需要做硬件变更，材料见附件，麻烦帮忙提交H3C。

最终用户单位名称：清河县教育局
用户联系人：田晓东
用户联系方式：0315-5612345
授权码：QH1E-5DK8-MV3P-27ZN
原License规模：iMC PLAT 100节点

附件：旧服务器主机信息、新服务器主机信息、盖章承诺书扫描件

田晓东
"""
    inner_parts = [T(inner_body, cte="base64"),
                   A("旧服务器主机信息.txt", hostinfo("QHJY-IMC-OLD", "10.15.0.2", "00-16-3E-11-22-33",
                                                 "3C4D5E6F-7081-4293-A4B5-C6D7E8F90A1B"), "text/plain", "2047"),
                   A("新服务器主机信息.txt", hostinfo("QHJY-IMC-NEW", "10.15.0.3", "00-16-3E-44-55-66",
                                                 "8E9FA0B1-C2D3-44E5-F607-18293A4B5C6D"), "text/plain", "2047"),
                   A("承诺书盖章扫描件.jpg", jpg("QHJY commitment letter sealed"), "image/jpeg", "2047")]
    inner = build([("From", addr("田晓东", "tianxd@qhjyj.edu.cn")),
                   ("To", addr("黄志伟", "huangzw@jidong-net.com")),
                   ("Subject", ew("License硬件变更申请 - 清河县教育局")),
                   ("Date", D(2026, 11, 26, 16, 2, 10)),
                   ("Message-ID", "<20261126160210.txd@qhjyj.edu.cn>")],
                  M("mixed", inner_parts, "----=_Part_inner_28"))
    body = """H3C License受理组：

转发客户清河县教育局的iMC License硬件变更申请，客户原邮件及全部材料见附件邮件。
代理商工程师：黄志伟
代理商工程师联系方式：13603151188

黄志伟
冀东网络技术服务有限公司
"""
    parts = [T(body, cte="base64"), RFC822(inner, "License硬件变更申请 - 清河县教育局.eml")]
    emit("28-reseller-forward-rfc822.eml",
         [("From", addr("黄志伟", "huangzw@jidong-net.com")),
          ("To", OURS),
          ("Subject", ew("转发: License硬件变更申请 - 清河县教育局")),
          ("Date", D(2026, 11, 27, 9, 15, 0)),
          ("Message-ID", "<20261127091500.hzw@jidong-net.com>")],
         M("mixed", parts, "----=_Part_28_outer"),
         "forward", "hardware_change", [], ["from_forwarded"],
         "Reseller forwards the customer's request as an attached .eml (message/rfc822) carrying the fields and all three files, adding his own details on top.")

    # ---------------------------------------------------------------- 29
    body = """您好！

我单位iMC网管的激活文件丢失（原服务器系统盘损坏），需要找回License。
局点名称：安平县公安局
当时是代理商帮忙注册的，授权码我们这边没有留底，已经联系代理商在查。

联系人：孟凡 0318-7512233
"""
    emit("29-gbk-recovery-no-authcode.eml",
         [("From", addr("孟凡", "mengfan_apgaj@163.com", "gbk")),
          ("To", OURS),
          ("Subject", ew("申请iMC License找回", "gbk")),
          ("Date", D(2026, 11, 29, 10, 2, 44)),
          ("Message-ID", "<5a1c2e3f.4b2d.19a7c3e1f00.Coremail.mengfan_apgaj@163.com>"),
          ("X-Mailer", "Coremail Webmail Server Version XT5.0.14")],
         T(body, charset="gbk", cte="8bit"),
         "request_materials", "recovery", ["auth_code"], [],
         "163.com webmail in GBK 8bit asks to recover a lost activation file, gives the site but says the auth code is unknown.")

    # ---------------------------------------------------------------- 30
    org = "松江智造产业园管理有限公司"
    body = """Hello,

请协助办理iMC License解绑（解除绑定），原授权中有一个序列号需要迁到新服务器。

最终用户单位名称：松江智造产业园管理有限公司
用户联系人：顾佳
用户联系方式：gujia@sj-smartpark.com / 021-57801122
代理商工程师：陆海涛
代理商工程师联系方式：13816009876
授权码：SJ8P-2QKM-70XW-DN4H
变更前原License授权中包含的授权序列号列表：EIA-SJ-0501, EIA-SJ-0502
需要解绑定的授权序列号：EIA-SJ-0502

附件：原服务器主机信息文件、盖章的解绑定专用承诺书。

Thanks,
顾佳
"""
    parts = [T(body, cte="quoted-printable"),
             A("原服务器主机信息.txt", hostinfo("SJ-IMC-01", "10.21.7.40", "00-50-56-A1-B2-C3",
                                           "0A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9"), "text/plain", "2231"),
             A("H3C业务软件License例外申请及承诺书（解绑定专用）-盖章扫描件.pdf", stamped_unbind(org),
               "application/pdf", "2231cont")]
    emit("30-rfc2231-unbind-complete.eml",
         [("From", addr("顾佳", "gujia@sj-smartpark.com")),
          ("To", OURS),
          ("Subject", ew("iMC License解除绑定申请", "utf-8", "Q")),
          ("Date", D(2026, 11, 28, 17, 40, 3)),
          ("Message-ID", "<b3f1e2d4-5c6a-4b7e-8f90-a1b2c3d4e5f6@sj-smartpark.com>"),
          ("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0")],
         M("mixed", parts, "------------0Ma8Xk3Lq9Zs2Vb7Nc1Dr4Ft"),
         "forward", "unbind", [], [],
         "Thunderbird user with RFC 2231 file names (one split into continuations) and a Q-encoded subject; complete partial unbind.")

    # ---------------------------------------------------------------- 31
    body = ("H3C老师好，\n\n"
            "客户服务器换了，申请iMC License硬件变更，信息从我们登记表里拷出来的：\n\n"
            "项目\t内容\n"
            "最终用户单位名称\t盘锦港务集团\n"
            "用户联系人\t杨帆\n"
            "用户联系方式\t0427-3156789\n"
            "代理商工程师姓名\t唐亮\n"
            "代理商工程师联系方式\t15942712345\n"
            "需要变更的授权码\tPJ6G-0WQ3-HZ72-LK9D\n"
            "所属产品\tiMC PLAT 7.3\n"
            "原License规模\t400节点\n\n"
            "目前附上旧服务器的License文件，新服务器还没到货，主机信息和承诺书后面补。\n\n"
            "唐亮\n辽滨网络科技有限公司\n")
    parts = [T(body, cte="base64"),
             A("PJGW_old.lic", license_file("iMC PLAT 7.3", "PJ6G-0WQ3-HZ72-LK9D", "PJGW-NMS",
                                             [("iMC-PLAT-NODE", 400)]), CT_OCT, "plain")]
    emit("31-excel-vertical-hwchange-partial.eml",
         [("From", addr("唐亮", "tangliang@liaobin-tech.com")),
          ("To", OURS),
          ("Subject", ew("License硬件变更-盘锦港务集团")),
          ("Date", D(2026, 11, 29, 14, 5, 30)),
          ("Message-ID", "<20261129140530.tl@liaobin-tech.com>")],
         M("mixed", parts, "----=_Part_31_PJ"),
         "request_materials", "hardware_change", ["new_host_info", "commitment_letter"], [],
         "Reseller pastes a two-column Excel block (label<TAB>value); only the old license is attached, new host info and letter to follow.")

    # ---------------------------------------------------------------- 32
    body = """Hello H3C License team,

We are replacing the server that runs iMC APM and need a license hardware change.

End user organisation: Lion City Fintech Pte. Ltd.
End user contact: David Lim
End user phone: +65 6123 4567
Partner engineer: Ravi Kumar (Orchid Networks Pte. Ltd.)
Partner engineer phone: +65 9123 4567
License key (authorization code): LC5A-PM8R-02KX-VT3Q
Product: iMC APM
Old machine UniqueID: 7d2f9c41-83ab-4e10-b6d2-5c0a9e3f1b27
New machine UniqueID: e19b03c6-4f7a-4d8e-a2c5-6b8d0f1e9a34
Original license components: APM 50 application monitors
Reason: old server end-of-life, moved to new hardware.

The signed and company-stamped commitment letter is attached as PNG.

Best regards,
David Lim
IT Infrastructure, Lion City Fintech
"""
    parts = [T(body, charset="us-ascii", cte="7bit"),
             A("Commitment_Letter_stamped.png", png(120, 80, 7), "image/png", "plain")]
    emit("32-english-uniqueid-hwchange.eml",
         [("From", addr("David Lim", "david.lim@lioncity-fintech.com.sg")),
          ("To", OURS),
          ("Cc", addr("Ravi Kumar", "ravi@orchid-networks.com.sg")),
          ("Subject", "License hardware change request - APM server replacement"),
          ("Date", D(2026, 11, 27, 11, 20, 0)),
          ("Message-ID", "<CAJx8Lp1Q2w3E4r5T6y7U8i9O0p@mail.gmail.com>")],
         M("mixed", parts, "000000000000a1b2c3d4e5f60718"),
         "forward", "hardware_change", [], [],
         "Singapore customer in English gives old and new APM UniqueID strings in the body instead of host files; stamped PNG letter; complete.")

    # ---------------------------------------------------------------- 33
    org = "滨海新区港航服务中心"
    body = """您好，

我中心网管服务器更换，申请iMC License硬件变更。两台服务器的主机信息文件都在附件里，另附盖章承诺书。

最终用户单位名称：滨海新区港航服务中心
用户联系人：白雪
用户联系方式：022-25801234
代理商工程师：温建
代理商工程师联系方式：13752001234
授权码：BH3S-6ZQ1-KX84-WN0P

白雪
"""
    parts = [T(body, cte="base64"),
             A("hostinfo_10.1.8.20.txt", hostinfo("NMS-SRV01", "10.1.8.20", "00-1A-64-9C-01-01",
                                                  "44F0A1B2-C3D4-45E6-87F8-091A2B3C4D5E"), "text/plain", "plain"),
             A("hostinfo_10.1.8.31.txt", hostinfo("NMS-SRV02", "10.1.8.31", "00-1A-64-9C-02-02",
                                                  "5E4D3C2B-1A09-48F7-E6D5-C4B3A2F1E0D9"), "text/plain", "plain"),
             A("承诺书.pdf", stamped_general(org), "application/pdf", "2047")]
    emit("33-two-unnamed-hostfiles.eml",
         [("From", addr("白雪", "baixue@bhgh-service.cn")),
          ("To", OURS),
          ("Subject", ew("iMC License硬件变更申请")),
          ("Date", D(2026, 11, 30, 14, 12, 9)),
          ("Message-ID", "<20261130141209.bx@bhgh-service.cn>")],
         M("mixed", parts, "----=_Part_33_BH"),
         "forward", "hardware_change", [], ["roles_assumed"],
         "Hardware change with two host-info files named only by IP address (no old/new word), so which is old and which new must be assumed; otherwise complete.")

    # ---------------------------------------------------------------- 34
    org = "金沙江水电开发有限公司"
    body = """H3C工程师：

我公司iMC服务器更换，申请License硬件变更，附件为License文件、主机信息文件和盖章的承诺书。

最终用户单位名称：金沙江水电开发有限公司
用户联系人：邓华
用户联系方式：0871-63125566
代理商工程师：施雨
代理商工程师联系方式：13888123456
授权码：JS2H-8VD1-NQ50-RX7M

邓华
"""
    parts = [T(body, cte="base64"),
             A("iMC.lic", license_file("iMC PLAT 7.3", "JS2H-8VD1-NQ50-RX7M", "JSJ-NMS-A", [("iMC-PLAT-NODE", 200)]),
               CT_OCT, "plain"),
             A("HostInfo.txt", hostinfo("JSJ-NMS-B", "10.87.1.15", "90-E2-BA-33-44-55",
                                        "CB12DA34-EF56-4789-0ABC-DEF123456789"), "text/plain", "plain"),
             A("承诺书盖章版.pdf", stamped_general(org), "application/pdf", "2047")]
    emit("34-license-plus-unnamed-hostinfo.eml",
         [("From", addr("邓华", "denghua@jsj-hydro.com")),
          ("To", OURS),
          ("Subject", ew("License硬件变更申请 - 金沙江水电")),
          ("Date", D(2026, 11, 30, 15, 0, 0)),
          ("Message-ID", "<20261130150000.dh@jsj-hydro.com>")],
         M("mixed", parts, "----=_Part_34_JS"),
         "forward", "hardware_change", [], [],
         "Hardware change with iMC.lic and HostInfo.txt (no role words): the license file is the old server's, so the host file is the new one; complete.")

    # ---------------------------------------------------------------- 35
    body = """Hi 你好，

我哋部 iMC server 上星期重裝咗系統，之前嘅 License 啟動文件丟失咗，冇備份 🙈
唔該幫我哋搵返個 License。

局點名稱：九龍灣創新科技中心
授權碼：KB9T-4LW2-QX61-ZP3H

有咩要補充就話我知啦，唔該晒！

Ivy Wong
九龍灣創新科技中心 IT
"""
    emit("35-hk-utf8-cantonese-recovery.eml",
         [("From", addr("Ivy Wong", "ivy.wong@kbinnohub.hk")),
          ("To", OURS),
          ("Subject", ew("iMC License 啟動文件丟失咗，想搵返")),
          ("Date", D(2026, 11, 29, 11, 45, 0)),
          ("Message-ID", "<6F0A2C1E-77B3-4D5A-9E21-3C4B5A6D7E8F@kbinnohub.hk>"),
          ("X-Mailer", "Apple Mail (2.3826.300.87.4.3)")],
         T(body, cte="quoted-printable"),
         "forward", "recovery", [], [],
         "Hong Kong customer in UTF-8 traditional Chinese with Cantonese particles (咗, 哋, 嘅, 唔該) asks to recover a lost activation file; site and auth code given.")

    # ---------------------------------------------------------------- 36
    org = "武陵山旅游发展集团"
    body = """您好，

申请iMC License硬件变更（服务器更换）。

最终用户单位名称：武陵山旅游发展集团
用户联系人：覃丽
用户联系方式：0743-8226677
代理商工程师：向东
代理商工程师联系方式：13574381234
授权码：WL6Y-1KP9-ZD37-QM2X

附件说明：旧服务器License文件、新服务器主机信息文件；承诺书Word版是我们填写的电子版，PDF是盖章后的扫描件。

覃丽
"""
    parts = [T(body, cte="base64"),
             A("旧服务器License文件.lic",
               license_file("iMC PLAT 7.3", "WL6Y-1KP9-ZD37-QM2X", "WLS-IMC-OLD", [("iMC-PLAT-NODE", 120)]),
               CT_OCT, "2047"),
             A("新服务器主机信息.txt", hostinfo("WLS-IMC-NEW", "172.20.3.3", "C8-1F-66-AB-CD-EF",
                                           "D0E1F2A3-B4C5-46D7-E8F9-0A1B2C3D4E5F"), "text/plain", "2047"),
             A("H3C业务软件License例外申请及承诺书（填写版）.docx",
               docx(GENERAL_TEMPLATE, {"本公司（单位）": org, "例外情况原因说明": "服务器老化更换"}), CT_DOCX, "2047"),
             A("H3C业务软件License例外申请及承诺书（盖章扫描件）.pdf", stamped_general(org), "application/pdf", "2047")]
    emit("36-docx-and-stamped-pdf-hwchange.eml",
         [("From", addr("覃丽", "qinli@wls-tourism.com")),
          ("To", OURS),
          ("Subject", ew("iMC License硬件变更")),
          ("Date", D(2026, 11, 28, 10, 10, 10)),
          ("Message-ID", "<20261128101010.ql@wls-tourism.com>")],
         M("mixed", parts, "----=_Part_36_WL"),
         "forward", "hardware_change", [], [],
         "Complete hardware change carrying both the filled-in Word letter and its stamped PDF scan; the stamped scan satisfies the letter.")

    # ---------------------------------------------------------------- 37
    body = """您好，

我院需要对iMC License做部分解绑：原授权包含 EIA-YC-01、EIA-YC-02、EIA-YC-03 三个序列号，其中 EIA-YC-03 要解除绑定，迁到分院的服务器上。

最终用户单位名称：宜昌市中心医院
用户联系人：郑凯
用户联系方式：0717-6481234
授权码：YC3Z-5QM8-LK20-TW7E

附件是原服务器的主机信息文件和解绑承诺书。

郑凯 信息中心
"""
    parts = [T(body, cte="quoted-printable"),
             A("原服务器主机信息.txt", hostinfo("YCZX-IMC", "10.71.0.10", "00-E0-81-AA-BB-01",
                                           "FA12EB34-DC56-4B78-A90C-1D2E3F405162"), "text/plain", "2047"),
             A("H3C业务软件License例外申请及承诺书（解绑定专用）.docx",
               docx(UNBIND_TEMPLATE, {"本公司（单位）": "宜昌市中心医院"}), CT_DOCX, "2047")]
    emit("37-unbind-docx-letter-no-agent.eml",
         [("From", addr("郑凯", "zhengkai@ycszxyy.cn")),
          ("To", OURS),
          ("Subject", ew("iMC License解绑申请 - 宜昌市中心医院")),
          ("Date", D(2026, 11, 29, 9, 25, 40)),
          ("Message-ID", "<20261129092540.zk@ycszxyy.cn>")],
         M("mixed", parts, "----=_Part_37_YC"),
         "request_materials", "unbind", ["agent_engineer", "agent_phone", "unbind_letter"], ["letter_not_stamped"],
         "Hospital asks a partial unbind without reseller details; the unbind letter is the blank-ish Word template, not a stamped scan.")

    # ---------------------------------------------------------------- 38
    org = "东江环保股份有限公司"
    rows = [("最终用户单位名称", org), ("用户联系人", "钟伟"), ("用户联系方式", "0752-2889900"),
            ("代理商工程师", "叶帆"), ("代理商工程师联系方式", "13502281234"),
            ("授权码", "DJ4E-7PX2-MQ91-ZK5W"), ("所属产品", "iMC PLAT 7.3")]
    plain = ("您好：\n\n我司网管服务器更换，申请iMC License硬件变更，信息如下：\n\n" +
             "\n".join("%s\t%s" % r for r in rows) +
             "\n\n附件为新服务器主机信息文件和盖章承诺书扫描件（TIF）。\n\n钟伟\n东江环保 信息部\n")
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body lang="ZH-CN">'
            '<div class="WordSection1"><p class="MsoNormal">您好：</p><p class="MsoNormal">我司网管服务器更换，申请iMC License硬件变更，信息如下：</p>'
            '<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none">' +
            "".join('<tr><td width="180" style="border:solid windowtext 1.0pt;padding:0cm 5.4pt"><p class="MsoNormal"><span>%s</span></p></td>'
                    '<td width="260" style="border:solid windowtext 1.0pt;border-left:none;padding:0cm 5.4pt"><p class="MsoNormal"><span lang="EN-US">%s</span></p></td></tr>' % r
                    for r in rows) +
            '</table><p class="MsoNormal">附件为新服务器主机信息文件和盖章承诺书扫描件（TIF）。</p>'
            '<p class="MsoNormal">钟伟<br>东江环保 信息部</p></div></body></html>\n')
    alt = M("alternative", [T(plain, charset="gb2312", cte="base64"), T(html, "html", "gb2312", "quoted-printable")],
            "----=_NextPart_001_38DJ")
    parts = [alt,
             A("新服务器主机信息.txt", hostinfo("DJHB-NMS-NEW", "10.52.6.6", "00-15-5D-01-02-03",
                                           "1F2E3D4C-5B6A-4798-8A7B-6C5D4E3F2A1B"), "text/plain", "2047", "gb2312"),
             A("承诺书盖章扫描件.tif", tiff(), "image/tiff", "2047", "gb2312")]
    emit("38-outlook-html-table-hwchange-no-old.eml",
         [("From", addr("钟伟", "zhongwei@dongjiang-ep.com", "gb2312")),
          ("To", OURS),
          ("Subject", ew("iMC License硬件变更申请", "gb2312")),
          ("Date", D(2026, 11, 30, 16, 20, 0)),
          ("Message-ID", "<TY0PR06MB5123C0FFEE38DJ@TY0PR06MB5123.apcprd06.prod.outlook.com>"),
          ("X-Mailer", "Microsoft Outlook 16.0")],
         M("mixed", parts, "----=_NextPart_000_38DJ"),
         "request_materials", "hardware_change", ["old_server_file"], [],
         "Outlook mail with the fields in an HTML table (GB2312, plain alternative tab-separated); new host file and a TIFF letter scan, but nothing from the old server.")

    # ---------------------------------------------------------------- 39
    org = "沙洲钢铁有限公司"
    orig = """您好，申请iMC License解绑：
最终用户单位名称：沙洲钢铁有限公司
用户联系人：缪斌
用户联系方式：0512-58567890
代理商工程师：陶然
代理商工程师联系方式：13962211234
授权码：SZ7G-2LQ9-XM40-PH8K
原授权序列号：IMC-SZ-31、IMC-SZ-32
需要解绑定的授权序列号：IMC-SZ-32
老服务器文件和承诺书稍后发。"""
    body = ("附件是老服务器的License文件和盖章的解绑承诺书，请查收。\n\n缪斌\n\n"
            "-----Original Message-----\n"
            "From: %s <%s>\nSent: Friday, November 27, 2026 3:40 PM\nTo: 缪斌 <miaobin@shazhou-steel.com>\n"
            "Subject: Re: [LX-20261127-0052] iMC License解绑申请\n\n" % (OURS_NAME, OURS) +
            our_reply_quote("LX-20261127-0052", "License解绑",
                            ["老服务器的License文件或主机信息文件", "客户单位盖章的《H3C业务软件License例外申请及承诺书（解绑定专用）》"],
                            prefix="") +
            "\n\n-----Original Message-----\nFrom: 缪斌 <miaobin@shazhou-steel.com>\n"
            "Sent: Friday, November 27, 2026 3:31 PM\nTo: %s\nSubject: iMC License解绑申请\n\n" % OURS + orig + "\n")
    parts = [T(body, cte="base64"),
             A("老服务器License.lic",
               license_file("iMC PLAT 7.3", "SZ7G-2LQ9-XM40-PH8K", "SZGT-NMS", [("iMC-PLAT-NODE", 300)],
                            ["IMC-SZ-31", "IMC-SZ-32"]), CT_OCT, "2047"),
             A("解绑承诺书-盖章.jpg", jpg("SZGT unbind letter sealed"), "image/jpeg", "2047")]
    emit("39-topposting-unbind-files.eml",
         [("From", addr("缪斌", "miaobin@shazhou-steel.com")),
          ("To", OURS),
          ("Subject", ew("RE: [LX-20261127-0052] iMC License解绑申请")),
          ("Date", D(2026, 11, 30, 9, 2, 0)),
          ("Message-ID", "<20261130090200.mb@shazhou-steel.com>"),
          ("In-Reply-To", "<LX-20261127-0052.r1@example.test>"),
          ("References", "<20261127153100.mb@shazhou-steel.com> <LX-20261127-0052.r1@example.test>")],
         M("mixed", parts, "----=_Part_39_SZ"),
         "forward", "unbind", [], [],
         "Top-posted follow-up (Outlook '-----Original Message-----' chain) attaching the old license and stamped unbind letter; fields and partial serials are in the quoted original.")

    # ---------------------------------------------------------------- 40
    body = """Dear H3C License team,

The XLog server of our customer crashed and the license activation file was lost together with the disk. Please help to recover the license.

Site name: Penang Port Authority - Data Centre
License Key: XP2L-9RT6-0MKA-QW83
Product: XLog

Regards,
Lim Wei Jie
Northern Systems Sdn. Bhd.
"""
    emit("40-xlog-recovery-english-qp.eml",
         [("From", addr("Lim Wei Jie", "weijie.lim@northernsys.com.my")),
          ("To", OURS),
          ("Subject", "XLog license lost - request recovery"),
          ("Date", D(2026, 11, 29, 15, 0, 0)),
          ("Message-ID", "<20261129070000.A1B2@northernsys.com.my>")],
         T(body, charset="iso-8859-1", cte="quoted-printable"),
         "forward", "recovery", [], [],
         "Malaysian reseller asks in English to recover a lost XLog license; 'Site name' and 'License Key' labels.")

    # ---------------------------------------------------------------- 41
    body = """Dear H3C,

Request License hardware change (replace server) for iMC of our customer.

End user: Hai Phong Water Supply JSC
Contact: Mr. Pham Duc Long
Phone: +84 225 3745 123
Distributor engineer: Nguyen Van Hieu
Engineer phone: +84 90 312 4567
Authorization code: HP4W-8SK1-LT92-QZ6N

Old and new host info files in attached zip. Commitment letter customer is processing stamp, we send later.

Best regards,
Hieu
Saigon Network Distribution JSC
"""
    z = zipit([("old_hostinfo.txt", hostinfo("HPWS-IMC", "10.225.1.5", "00-0E-C6-12-34-56",
                                              "77AA88BB-99CC-40DD-91EE-A2FFB3C4D5E6")),
               ("new_hostinfo.txt", hostinfo("HPWS-IMC2", "10.225.1.6", "00-0E-C6-65-43-21",
                                              "E6D5C4B3-FFA2-4E19-9DD0-4CC99BB88AA7"))])
    parts = [T(body, charset="us-ascii", cte="7bit"), A("license_docs.zip", z, "application/zip", "plain")]
    emit("41-vn-hwchange-zip-no-letter.eml",
         [("From", addr("Nguyen Van Hieu", "hieu.nv@saigon-netdist.vn")),
          ("To", OURS),
          ("Subject", "Request license hardware change - Hai Phong Water Supply"),
          ("Date", D(2026, 11, 30, 10, 0, 0, datetime.timezone(datetime.timedelta(hours=7)))),
          ("Message-ID", "<SG2PR06MB5311D41E2A9C0B77@SG2PR06MB5311.apcprd06.prod.outlook.com>")],
         M("mixed", parts, "_003_SG2PR06MB5311D41E2A9C0B77_"),
         "request_materials", "hardware_change", ["commitment_letter"], ["from_archive"],
         "Vietnamese distributor sends old_hostinfo/new_hostinfo inside a zip with all fields; commitment letter still to come.")

    # ---------------------------------------------------------------- 42
    org = "青岚食品股份有限公司"
    body = """您好，

材料见附件，请处理。

最终用户单位名称：青岚食品股份有限公司
用户联系人：吕娟
用户联系方式：0532-85671234
代理商工程师：柯明
代理商工程师联系方式：13863981234
授权码：QL1F-6MD3-WZ84-KP0R
变更前原License授权中包含的授权序列号列表：UAM-QL-01, UAM-QL-02, UAM-QL-03
需要解绑定的授权序列号：UAM-QL-02

吕娟
"""
    parts = [T(body, cte="base64"),
             A("old_server_license.lic",
               license_file("iMC UAM 7.3", "QL1F-6MD3-WZ84-KP0R", "QLSP-IMC", [("iMC-UAM-USER", 1500)],
                            ["UAM-QL-01", "UAM-QL-02", "UAM-QL-03"]), CT_OCT, "plain"),
             A("H3C业务软件License例外申请及承诺书（解绑定专用）-盖章.pdf", stamped_unbind(org), "application/pdf", "2047")]
    emit("42-scenario-from-attachment-unbind.eml",
         [("From", addr("吕娟", "lvjuan@qinglan-food.com")),
          ("To", OURS),
          ("Subject", ew("License申请材料 - 青岚食品")),
          ("Date", D(2026, 11, 30, 13, 30, 0)),
          ("Message-ID", "<20261130133000.lj@qinglan-food.com>")],
         M("mixed", parts, "----=_Part_42_QL"),
         "forward", "unbind", [], [],
         "Body only says 材料见附件 with fields and serial lists; the scenario comes from the attached stamped unbind-only letter; complete.")

    # ---------------------------------------------------------------- 43
    body = """尊敬的客户您好：

本公司长期代开各地增值税专用发票、普通发票，可验证后付款，点数优惠。
另有服务器、软件License低价转让，欢迎咨询。

联系人：王经理  QQ：88123456  微信同号
"""
    emit("43-spam-invoice.eml",
         [("From", addr("王经理", "wang8812@fapiao-dk.top")),
          ("To", OURS),
          ("Subject", ew("代开发票/软件License优惠")),
          ("Date", D(2026, 11, 28, 3, 12, 45)),
          ("Message-ID", "<1764270765.88123456@fapiao-dk.top>"),
          ("X-Spam-Flag", "YES"),
          ("X-Spam-Status", "Yes, score=14.2 required=5.0 tests=CN_INVOICE_SPAM,RDNS_NONE,URIBL_BLACK"),
          ("X-Spam-Score", "14.2")],
         T(body, charset="gb2312", cte="base64"),
         "ignore", "", [], [],
         "Invoice spam flagged by the spam filter (X-Spam-Flag: YES) that happens to mention software licenses.", reason="spam")

    # ---------------------------------------------------------------- 44
    body = """您好，

我们是H3C的渠道代理商，有个客户的iMC授权出了点状况，想先咨询一下：License例外申请一般分哪几种情况？各需要准备哪些材料？
我们确认清楚客户的情况后再正式提交。

谢谢！
蔡斌
远图网络科技（成都）有限公司
"""
    emit("44-process-inquiry.eml",
         [("From", addr("蔡斌", "caibin@yuantu-net.com")),
          ("To", OURS),
          ("Subject", ew("咨询：License例外申请需要哪些材料")),
          ("Date", D(2026, 11, 29, 16, 48, 0)),
          ("Message-ID", "<20261129164800.cb@yuantu-net.com>")],
         T(body, cte="base64"),
         "ask_scenario", "", [], [],
         "Reseller asks in general which license-exception cases exist and what each needs, without stating the customer's situation.")

    # ---------------------------------------------------------------- 45
    body = ("H3C同事好，\n\n客户的License需要处理一下，信息如下，麻烦看看：\n\n"
            "最终用户单位名称\t用户联系人\t用户联系方式\t代理商工程师\t代理商工程师联系方式\t授权码\n"
            "银滩度假酒店管理有限公司\t韦婷\t0779-3061234\t莫军\t13977961234\tYT8H-3QP6-ZW15-MK2D\n\n"
            "附件是服务器的主机信息文件。\n\n莫军\n北海讯通网络\n")
    parts = [T(body, cte="base64"),
             A("主机信息.txt", hostinfo("YTHOTEL-NMS", "192.168.8.8", "00-23-24-AB-CD-01",
                                       "ABCDEF01-2345-4678-9ABC-DEF012345678"), "text/plain", "2047")]
    emit("45-excel-no-scenario.eml",
         [("From", addr("莫军", "mojun@bh-xuntong.com")),
          ("To", OURS),
          ("Subject", ew("客户License处理")),
          ("Date", D(2026, 11, 30, 17, 5, 0)),
          ("Message-ID", "<20261130170500.mj@bh-xuntong.com>")],
         M("mixed", parts, "----=_Part_45_YT"),
         "ask_scenario", "", [], [],
         "Reseller pastes an Excel row of fields and one host-info file but never says whether it is a recovery, a server change or an unbind.")

    # ---------------------------------------------------------------- 46
    human = """您的邮件

    收件人: 田晓东
    主题: Re: [LX-20261127-0019] License硬件变更申请
    发送时间: 2026/11/27 9:20

已于 2026/11/27 10:02 读取。
"""
    mdn = """Reporting-UA: qhjyj.edu.cn; Microsoft Outlook 16.0
Final-Recipient: rfc822;tianxd@qhjyj.edu.cn
Original-Message-ID: <LX-20261127-0019.r1@example.test>
Disposition: manual-action/MDN-sent-manually; displayed
"""
    parts = [T(human, charset="gb2312", cte="base64"),
             ([("Content-Type", "message/disposition-notification")], mdn.encode())]
    emit("46-read-receipt.eml",
         [("From", addr("田晓东", "tianxd@qhjyj.edu.cn", "gb2312")),
          ("To", OURS),
          ("Subject", ew("已读: Re: [LX-20261127-0019] License硬件变更申请", "gb2312")),
          ("Date", D(2026, 11, 27, 10, 2, 11)),
          ("Message-ID", "<MDN.20261127100211.txd@qhjyj.edu.cn>")],
         M("report", parts, "----=_NextPart_MDN_46", " report-type=disposition-notification;"),
         "ignore", "", [], [],
         "Outlook read receipt (multipart/report, disposition-notification) for one of our case replies.")


def main():
    for f in os.listdir(HERE):
        if f.endswith(".eml"):
            os.remove(os.path.join(HERE, f))
    mails()
    with open(os.path.join(HERE, "expected.jsonl"), "w", encoding="utf-8") as f:
        for rec in EXPECTED:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print("wrote %d mails" % len(EXPECTED))


if __name__ == "__main__":
    main()
