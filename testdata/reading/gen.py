#!/usr/bin/env python3
"""Mail for the reading issue's kinds that testdata/blind6 leaves out, written by
the engineer who changed the rules (not blind): a phone photo sent as
application/octet-stream without an extension, a chain of attached mail three
levels deep, plain-text read receipts and delivery notices, answers written
between the quoted lines of our own reply, an auth code with dots, fields in a
Word form named like the letter, a cancelled calendar invitation.

Deterministic, python3 stdlib only. Writes NN-name.eml and expected.jsonl here.
"""
import base64
import io
import json
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECT = []


def b64(data):
    s = base64.b64encode(data).decode()
    return "\r\n".join(s[i:i + 76] for i in range(0, len(s), 76))


def head(frm, subject, mid, extra=()):
    h = [("From", frm), ("To", "License Intake <intake@example.test>"), ("Subject", subject),
         ("Date", "Mon, 30 Nov 2026 10:%02d:00 +0800" % (len(EXPECT) + 1)), ("Message-ID", "<%s>" % mid),
         ("MIME-Version", "1.0")] + list(extra)
    return "".join("%s: %s\r\n" % kv for kv in h)


def enc(s):
    return "=?utf-8?B?%s?=" % base64.b64encode(s.encode()).decode()


def text(body, sub="plain"):
    return ("Content-Type: text/%s; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" % sub) + b64(body.replace("\n", "\r\n").encode()) + "\r\n"


def att(name, ctype, data, extra=""):
    n = enc(name) if any(ord(c) > 127 for c in name) else name
    nm = '; name="%s"' % n if name else ""
    fn = '; filename="%s"' % n if name else ""
    return ("Content-Type: %s%s\r\nContent-Transfer-Encoding: base64\r\n%sContent-Disposition: attachment%s\r\n\r\n" % (ctype, nm, extra, fn)) + b64(data) + "\r\n"


def multipart(sub, parts, boundary):
    out = "Content-Type: multipart/%s; boundary=\"%s\"\r\n\r\n" % (sub, boundary)
    for p in parts:
        out += "--%s\r\n%s" % (boundary, p)
    return out + "--%s--\r\n" % boundary


def rfc822(msg):
    return "Content-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n" + msg


def emit(name, raw, exp):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(raw.encode())
    e = {"file": name, "action": exp["action"], "scenario": exp.get("scenario", ""),
         "missing": exp.get("missing", []), "notes": exp.get("notes", [])}
    if "reason" in exp:
        e["reason"] = exp["reason"]
    e["why"] = exp["why"]
    EXPECT.append(e)


LIC = b"License Activation File\r\nProduct=iMC PLAT 7.3\r\nKey=00A1B2C3D4E5\r\n"
HOST_NEW = b"[HostInfo]\r\nHostName=NEW-01\r\nHostID=9F3A-11C2-7B0E-44D1\r\n"
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(range(256)) * 4
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

FIELDS = """最终用户单位名称：{org}
用户联系人：{contact}
用户联系方式：{phone}
代理商工程师姓名：{agent}
代理商工程师联系方式：{agent_phone}
授权码：{code}"""


def docx(paragraphs, rows):
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "".join("<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % p for p in paragraphs)
    body += "<w:tbl>" + "".join("<w:tr>" + "".join("<w:tc><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc>" % c for c in r) + "</w:tr>" for r in rows) + "</w:tbl>"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
                           ("word/document.xml", '<?xml version="1.0" encoding="UTF-8"?><w:document %s><w:body>%s</w:body></w:document>' % (w, body))]:
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 11, 30, 10, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


# 01: the stamped letter photographed on an iPhone, sent as application/octet-stream, no extension
body = "您好，我院iMC服务器更换，申请License硬件变更。\n\n" + FIELDS.format(
    org="宁波市第二医院信息中心", contact="周敏", phone="0574-8731 2200", agent="陆涛", agent_phone="135 8600 1234",
    code="B7KD-2QXM-9WPL-4RTZ") + "\n\n老服务器License文件、新服务器主机信息文件见附件，盖章的承诺书拍照附上。\n\n周敏\n发自我的iPhone\n"
emit("01-letter-photo-octet-stream-no-extension.eml",
     head("周敏 <zhoumin@nbey.example.cn>", enc("iMC License硬件变更申请"), "r01@nbey.example.cn")
     + multipart("mixed", [text(body), att("old_server.lic", "application/octet-stream", LIC),
                           att("new_hostinfo.txt", "text/plain", HOST_NEW), att("IMG_0456", "application/octet-stream", HEIC)], "r01b"),
     {"action": "forward", "scenario": "hardware_change",
      "why": "iPhone photo of the stamped letter sent as application/octet-stream named IMG_0456 (no extension): HEIC by its magic bytes."})

# 02: a request attached to a forward attached to a forward (three levels)
inner = head("韩雪 <hanxue@dlgs.example.cn>", enc("iMC License解绑申请"), "r02c@dlgs.example.cn") + multipart("mixed", [
    text("您好，我单位需要把iMC UAM的部分授权（200用户）解绑，迁到分中心的服务器上。\n\n" + FIELDS.format(
        org="大连港湾数据中心", contact="韩雪", phone="0411-8265 3300", agent="曲波", agent_phone="139 4011 5566",
        code="D4NX-8QWE-1ZLK-6PMR") + "\n需要解绑定的授权序列号：UAM20240311008\n\n原License文件和盖章的《承诺书（解绑定专用）》见附件。\n"),
    att("原License文件.lic", "application/octet-stream", LIC),
    att("承诺书（解绑定专用）盖章.pdf", "application/pdf", PDF)], "r02c")
middle = head("曲波 <qubo@lnwl.example.cn>", enc("转发: iMC License解绑申请"), "r02b@lnwl.example.cn") + multipart("mixed", [
    text("孙经理，客户的解绑申请见附件，麻烦提交。\n曲波\n"), rfc822(inner)], "r02b")
outer = head("孙立 <sunli@lnwl.example.cn>", enc("转发: 转发: iMC License解绑申请"), "r02a@lnwl.example.cn") + multipart("mixed", [
    text("您好，请处理附件里客户的License解绑申请（客户邮件在最里层）。\n孙立\n"), rfc822(middle)], "r02a")
emit("02-request-three-attached-levels-down.eml", outer,
     {"action": "forward", "scenario": "unbind", "notes": ["from_forwarded"],
      "why": "Reseller staff forward a forward: the customer's fields and files are two message/rfc822 levels below the top mail."})

# 03: a plain-text read receipt (no multipart/report, no Auto-Submitted) quoting our subject
emit("03-read-receipt-plain-en.eml",
     head("Tan Wei Ming <weiming.tan@sgmed.example.com.sg>", "Read: Re: [LX-20261130-0009] Licence recovery - request materials", "r03@sgmed.example.com.sg")
     + "Content-Type: text/plain; charset=us-ascii\r\n\r\nYour message\r\n\r\n  To: Tan Wei Ming\r\n  Subject: Re: [LX-20261130-0009] Licence recovery - request materials\r\n  Sent: Monday, 30 November 2026 10:02 AM\r\n\r\nwas read on Monday, 30 November 2026 10:40 AM.\r\n",
     {"action": "ignore", "reason": "read_receipt",
      "why": "Outlook read receipt as plain text: 'Read:' subject and 'was read on'; it quotes our request subject but is not a request."})

# 04: a plain-text 'Delivered' notice from a gateway (not multipart/report)
emit("04-delivered-notice-plain-zh.eml",
     head(enc("邮件系统") + " <mailsys@szgov.example.cn>", enc("已送达: Re: [LX-20261130-0011] License硬件变更"), "r04@szgov.example.cn")
     + text("您的邮件已成功送达以下收件人：\nliwei@szgov.example.cn\n\n主题：Re: [LX-20261130-0011] License硬件变更\n授权码、承诺书等材料请见原邮件。\n"),
     {"action": "ignore", "reason": "bounce",
      "why": "A Chinese gateway's plain-text delivery notice ('已送达:', '已成功送达'): a delivery report, never answered."})

# 05: answers written between the quoted lines of our own reply
emit("05-answers-between-our-quoted-lines.eml",
     head("Lee Chong Wei <cw.lee@pgnet.example.com.my>", "Re: [LX-20261130-0012] Licence unbind - materials missing", "r05@pgnet.example.com.my",
          [("In-Reply-To", "<lx-20261130-0012@example.test>")])
     + multipart("mixed", [text("Hi, answers below each item. Files attached.\n\nOn Mon, 30 Nov 2026 at 09:12, License Intake <intake@example.test> wrote:\n"
                                "> We have received your License unbind request. Before it can go to the engineers we still need:\n>\n"
                                "> 1. End-user organisation\nPenang Port Sdn Bhd\n> 2. End-user contact person\nMs Nur Aisyah\n"
                                "> 3. End-user phone or e-mail\n+60 4-263 3211 ext 214\n> 4. Reseller engineer's name\nLee Chong Wei\n"
                                "> 5. Reseller engineer's phone or e-mail\n+60 12-488 9031\n> 6. Authorization code (License Key)\nk8qz-3mwa-7tpl-2xne-5hdr\n"
                                "> 7. Old server's license file or host information file\nattached\n> 8. The unbind-only commitment letter, stamped by the customer\nattached\n>\n"
                                "> License Intake (automatic reply)\n"),
                           att("old_server.lic", "application/octet-stream", LIC),
                           att("Unbind_Undertaking_STAMPED.PDF", "application/pdf", PDF)], "r05b"),
     {"action": "forward", "scenario": "unbind",
      "why": "Answers typed under each quoted item of our own checklist (Gmail '>' quoting): the quoted item is the label of the answer; the code is lower case."})

# 06: an auth code written with dots
emit("06-auth-code-with-dots-recovery.eml",
     head("钱程 <qiancheng@hzlib.example.cn>", enc("License找回"), "r06@hzlib.example.cn")
     + text("您好，服务器重装后iMC激活文件丢失，申请License找回。\n客户局点名称：杭州图书馆网络部\n授权码：7hq2.m8xd.4kla.9wne\n谢谢\n"),
     {"action": "forward", "scenario": "recovery",
      "why": "The auth code typed with dots between its groups, lower case."})

# 07: the fields only in a Word form named like the letter; the stamped letter is a PDF
form = docx(["H3C业务软件License例外申请表", "请如实填写"],
            [["最终用户单位名称", "温州市瓯海区政务服务中心"], ["用户联系人", "潘宁"], ["用户联系方式", "0577-8851 0021"],
             ["代理商工程师姓名", "叶斌"], ["代理商工程师联系方式", "138 5771 2233"], ["授权码", "W2ER-6TYU-0PLK-3MNB"]])
emit("07-fields-in-docx-form-named-like-the-letter.eml",
     head("叶斌 <yebin@wzxx.example.cn>", enc("iMC服务器更换 License硬件变更"), "r07@wzxx.example.cn")
     + multipart("mixed", [text("您好，客户iMC服务器更换，申请License硬件变更，信息见附件申请表，材料见附件。\n叶斌\n"),
                           att("License例外申请表.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", form),
                           att("老服务器License.lic", "application/octet-stream", LIC),
                           att("新服务器主机信息.txt", "text/plain", HOST_NEW),
                           att("承诺书盖章扫描件.pdf", "application/pdf", PDF)], "r07b"),
     {"action": "forward", "scenario": "hardware_change",
      "why": "Every field only in a .docx table named 申请表 (looks like the letter by name, is a form); the stamped letter is the PDF."})

# 08: a cancelled meeting about an unbind
ics = "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nBEGIN:VEVENT\r\nSUMMARY:iMC licence unbind\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
emit("08-calendar-cancel-unbind.eml",
     head("Priya Raman <priya.raman@chennaimed.example.in>", "Canceled: iMC licence unbind - serials to release", "r08@chennaimed.example.in")
     + multipart("alternative", [text("The meeting about unbinding the iMC licence serials has been cancelled.\n"),
                                 "Content-Type: text/calendar; charset=utf-8; method=CANCEL\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(ics.encode()) + "\r\n"], "r08b"),
     {"action": "ignore", "reason": "calendar",
      "why": "A meeting cancellation (text/calendar METHOD:CANCEL) about an unbind: calendar mail, not a request."})

# 09: an inline chain whose oldest mail, the end user's, gives the contact
# only as its sender and signature
chain = """您好，请帮忙处理下面客户的License解绑申请，原License文件和盖章的解绑承诺书见附件。

代理商工程师：赵磊
电话：139 1012 3456

-----原始邮件-----
发件人: 郑晓 <zhengxiao@huaxinjie.example.cn>
发送时间: 2026年11月27日 16:40
收件人: 赵磊 <zhaolei@huaxinjie.example.cn>
主题: 转发: 关于iMC授权解绑

赵工，朝阳水务的解绑需求，麻烦提交一下。

郑晓 | 销售经理

-----原始邮件-----
发件人: 韩冬 <handong@cyswj.example.gov.cn>
发送时间: 2026年11月27日 10:12
收件人: 郑晓 <zhengxiao@huaxinjie.example.cn>
主题: 关于iMC授权解绑

郑经理好，我局要把iMC EIA中200个用户的授权解绑，其余授权保持不变。

最终用户单位：北京市朝阳区水务局信息中心
授权码：H2QW-8PZN-5KLD-3XMA-7RTC

谢谢！
韩冬
信息中心 主任
手机：138 0013 8000
"""
emit("09-inline-chain-end-user-signature-at-the-bottom.eml",
     head("赵磊 <zhaolei@huaxinjie.example.cn>", enc("转发: 转发: 关于iMC授权解绑"), "r09@huaxinjie.example.cn")
     + multipart("mixed", [text(chain), att("iMC原License文件.lic", "application/octet-stream", LIC),
                           att("承诺书（解绑定专用）-盖章.pdf", "application/pdf", PDF)], "r09b"),
     {"action": "forward", "scenario": "unbind",
      "why": "Inline chain customer → sales → reseller: the end user's name and mobile are only the bottom mail's sender and signature; the sales person's phone in the middle is not the end user's."})

with open(os.path.join(HERE, "expected.jsonl"), "w") as f:
    for e in EXPECT:
        f.write(json.dumps(e, ensure_ascii=False) + "\n")
