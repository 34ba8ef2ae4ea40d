package intake

import (
	"bytes"
	"fmt"
	"mime"
	"net/mail"
	"slices"
	"strings"
	"testing"
	"time"

	"intake/rules"
)

// hwChangeComplete is a whole hardware-change request in one mail.
const hwChangeComplete = hwChangeIncomplete + hwChangeFollowUp

// TestPipelineDisplayNames: a complete request is forwarded whatever the
// sender's display name holds (Outlook's "Last, First", every RFC 5322
// special, CJK, an encoded word), and every header intake writes names the
// customer as they wrote themselves.
func TestPipelineDisplayNames(t *testing.T) {
	names := []string{`Zhang, San`, `张三`, `Chen (IT) <dept>`, `a@b`, `Wang: "Wei"; [ops]`, `back\slash.dot`, `李四, 信息中心 [值班]`}
	for i, name := range names {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			h := newHarness(t)
			from := (&mail.Address{Name: name, Address: "zs@hospital.example"}).String()
			h.deliver(testMail(from, "License硬件变更申请", "n@hospital.example", "", hwChangeComplete, licenseFile, newHostFile, letterScan))
			rep := h.poll()
			if len(rep.Processed) != 1 || rep.Processed[0].Decision.Action != rules.ActionForward {
				t.Fatalf("From %s: processed %+v, want one forward", from, rep.Processed)
			}
			sent := h.sentSince(0)
			if len(sent) != 2 {
				t.Fatalf("From %s: sent %d mails, want the forward and the confirmation", from, len(sent))
			}
			for _, s := range sent {
				for _, field := range []string{"From", "To", "Reply-To"} {
					v := s.header.Get(field)
					if v == "" {
						continue
					}
					as, err := mail.ParseAddressList(v)
					if err != nil {
						t.Errorf("%s: %q does not parse: %v", field, v, err)
					}
					for _, a := range as {
						if a.Address == "zs@hospital.example" && a.Name != name && a.Name != "" {
							t.Errorf("%s names the customer %q, want %q", field, a.Name, name)
						}
					}
				}
			}
			var fwd = sent[0]
			if !strings.Contains(strings.Join(fwd.to, ","), "engineers") {
				fwd = sent[1]
			}
			rt, err := mail.ParseAddress(fwd.header.Get("Reply-To"))
			if err != nil || rt.Address != "zs@hospital.example" || rt.Name != name {
				t.Errorf("forward Reply-To = %q (%v), want %q <zs@hospital.example>", fwd.header.Get("Reply-To"), err, name)
			}
		})
	}
}

// TestCaseTags: a case id is found however people write it, and nothing
// that merely looks like one is taken.
func TestCaseTags(t *testing.T) {
	const id = "LX-20261130-0029"
	for _, text := range []string{
		"Re: [LX-20261130-0029] License硬件变更",
		"回复：【LX-20261130-0029】补充材料",
		"补充材料 LX-20261130-0030 和 LX-20261130-0029",
		"补充材料LX-20261130-0029",
		"re: lx-20261130-0029",
		"[ LX - 20261130 - 0029 ]",
		"ＬＸ－２０２６１１３０－００２９",
		"（LX-20261130-0029）",
		"LX 20261130 0029",
		"Case LX_20261130_0029, thanks",
	} {
		if got := caseTags("LX", text); !slices.Contains(got, id) {
			t.Errorf("caseTags(%q) = %v, want %s among them", text, got, id)
		}
	}
	for _, text := range []string{"XLX-20261130-0029", "LX-2026113-0029", "LX-20261130-002", "ALX-20261130-0029"} {
		if got := caseTags("LX", text); len(got) != 0 {
			t.Errorf("caseTags(%q) = %v, want none", text, got)
		}
	}
	for in, want := range map[string]string{
		"Re: 【LX-20261130-0029】License硬件变更": "License硬件变更",
		"回复：[lx-20261130-0029] 补充材料":        "补充材料",
		"License找回": "License找回",
	} {
		if got := cleanSubject(in, "LX"); got != want {
			t.Errorf("cleanSubject(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPipelineTagSpellings: a follow-up joins its case whether the tag is
// in full-width brackets in the subject, bare and lower-case in the first
// line of the text, or spaced out; the case is then forwarded once.
func TestPipelineTagSpellings(t *testing.T) {
	for _, tc := range []struct{ name, subject, firstLine string }{
		{"full-width brackets", "回复：【%s】License硬件变更申请", ""},
		{"bare in the text", "补充材料", "补充材料 %s\n"},
		{"lower case, spaced", "re: [ %s ]", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			h.deliver(testMail("陈晓东 <chen@hospital.example>", "License硬件变更申请", "req-1@hospital.example", "", hwChangeIncomplete, licenseFile))
			caseID := h.poll().Processed[0].CaseID
			tag := caseID
			if strings.Contains(tc.name, "lower") {
				tag = strings.ToLower(strings.ReplaceAll(caseID, "-", " - "))
			}
			subject := tc.subject
			if strings.Contains(subject, "%s") {
				subject = fmt.Sprintf(subject, tag)
			}
			body := hwChangeFollowUp
			if tc.firstLine != "" {
				body = fmt.Sprintf(tc.firstLine, tag) + body
			}
			// A new mail, not a reply: no In-Reply-To to go by.
			h.deliver(testMail("chen@hospital.example", subject, "req-2@hospital.example", "", body, newHostFile, letterScan))
			pr := h.poll().Processed[0]
			if pr.CaseID != caseID || pr.Decision.Action != rules.ActionForward {
				t.Fatalf("follow-up %q went to case %s as %s (%s), want %s forwarded", subject, pr.CaseID, pr.Decision.Action, pr.Decision.Reason, caseID)
			}
			if n := len(h.sentSince(1)); n != 2 {
				t.Errorf("follow-up caused %d mails, want the forward and the confirmation", n)
			}
		})
	}
}

// TestPipelineForgedJoin: a mail with the customer's From and a stranger's
// Reply-To joins the case, but the case's mail keeps going to the customer;
// one whose DMARC failed at our own server joins nothing.
func TestPipelineForgedJoin(t *testing.T) {
	h := newHarness(t)
	h.cfg.Cases.AuthservID = "mx.example.test"
	h.deliver(testMail("陈晓东 <chen@hospital.example>", "License硬件变更申请", "req-1@hospital.example", "", hwChangeIncomplete, licenseFile))
	caseID := h.poll().Processed[0].CaseID

	forged := testMail("陈晓东 <chen@hospital.example>", "Re: ["+caseID+"] License硬件变更申请", "f-1@evil.example", "", hwChangeFollowUp, newHostFile, letterScan)
	dmarc := "Authentication-Results: mx.example.test; dmarc=fail (p=none) header.from=hospital.example\r\n" +
		"Authentication-Results: evil.example; dmarc=pass header.from=hospital.example\r\n"
	h.deliver(dmarc + strings.Replace(forged, "f-1@", "f-0@", 1))
	pr := h.poll().Processed[0]
	if pr.CaseID == caseID {
		t.Fatalf("a mail whose DMARC failed joined case %s", caseID)
	}
	if !pr.Decision.HasNote("not_joined") {
		t.Errorf("notes %v, want not_joined", pr.Decision.Notes)
	}
	var buf bytes.Buffer
	if err := WriteCase(&buf, h.store, pr.CaseID); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "not_joined: "+caseID) || !strings.Contains(buf.String(), "DMARC") {
		t.Errorf("cases show of %s does not say why it did not join %s:\n%s", pr.CaseID, caseID, buf.String())
	}

	n := len(h.smtp.Messages())
	h.deliver("Reply-To: Mallory <mallory@evil.example>\r\n" + forged)
	pr = h.poll().Processed[0]
	if pr.CaseID != caseID || pr.Decision.Action != rules.ActionForward {
		t.Fatalf("forged mail: case %s %s, want %s forwarded", pr.CaseID, pr.Decision.Action, caseID)
	}
	for _, s := range h.sentSince(n) {
		if slices.Contains(s.to, "mallory@evil.example") {
			t.Errorf("mail went to the stranger's Reply-To")
		}
		if rt := s.header.Get("Reply-To"); rt != "" && !strings.Contains(rt, "chen@hospital.example") {
			t.Errorf("forward Reply-To = %q, want the customer", rt)
		}
	}
}

// TestPipelineUntaggedFollowUp: a new mail (no tag, no reply) from the
// customer with the missing files joins their open case, completes it,
// and the confirmation says which case it joined.
func TestPipelineUntaggedFollowUp(t *testing.T) {
	h := newHarness(t)
	h.deliver(testMail("陈晓东 <chen@hospital.example>", "License硬件变更申请", "req-1@hospital.example", "", hwChangeIncomplete, licenseFile))
	caseID := h.poll().Processed[0].CaseID
	h.deliver(testMail("陈晓东 <chen@hospital.example>", "补充材料", "req-2@hospital.example", "", hwChangeFollowUp, newHostFile, letterScan))
	pr := h.poll().Processed[0]
	if pr.CaseID != caseID || pr.Decision.Action != rules.ActionForward || !pr.Decision.HasNote("joined_untagged") {
		t.Fatalf("untagged follow-up: case %s, %s, notes %v; want %s forwarded with joined_untagged", pr.CaseID, pr.Decision.Action, pr.Decision.Notes, caseID)
	}
	for _, s := range h.sentSince(1) {
		if slices.Contains(s.to, "chen@hospital.example") && (!strings.Contains(s.subject(), caseID) || !strings.Contains(s.body, "没有带案例编号")) {
			t.Errorf("confirmation %q does not say it joined %s:\n%s", s.subject(), caseID, s.body)
		}
	}
	if cases, _ := h.store.Cases(""); len(cases) != 1 {
		t.Errorf("%d cases, want 1", len(cases))
	}
}

// TestPipelineWhichCase: a mail that two open cases of the sender could
// take joins neither; the reply asks which, and cases show says why.
func TestPipelineWhichCase(t *testing.T) {
	h := newHarness(t)
	h.deliver(testMail("chen@hospital.example", "License硬件变更申请 A", "a@hospital.example", "", hwChangeIncomplete, licenseFile))
	h.deliver(testMail("chen@hospital.example", "License硬件变更申请 B", "b@hospital.example", "", strings.Replace(hwChangeIncomplete, "杭州示例医院", "杭州示例二院", 1), licenseFile))
	rep := h.poll()
	if len(rep.Processed) != 2 || rep.Processed[0].CaseID == rep.Processed[1].CaseID {
		t.Fatalf("two requests made cases %+v, want two", rep.Processed)
	}
	h.deliver(testMail("chen@hospital.example", "补充材料", "c@hospital.example", "", hwChangeFollowUp, newHostFile, letterScan))
	pr := h.poll().Processed[0]
	if pr.CaseID == rep.Processed[0].CaseID || pr.CaseID == rep.Processed[1].CaseID || !pr.Decision.HasNote("which_case") {
		t.Fatalf("ambiguous mail went to %s, notes %v; want a new case with which_case", pr.CaseID, pr.Decision.Notes)
	}
	sent := h.sentSince(2)
	if len(sent) != 1 || !strings.Contains(sent[0].body, "请回复本邮件，在主题中写明应并入的案例编号") {
		t.Errorf("reply to the ambiguous mail does not ask which case: %d mails", len(sent))
	}
	a, b := rep.Processed[0].CaseID, rep.Processed[1].CaseID
	if len(sent) == 1 && (!strings.Contains(sent[0].body, a) || !strings.Contains(sent[0].body, b)) {
		t.Errorf("the reply does not name both cases %s and %s:\n%s", a, b, sent[0].body)
	}
	var buf bytes.Buffer
	WriteCase(&buf, h.store, pr.CaseID)
	if !strings.Contains(buf.String(), "which_case: could belong to "+a) {
		t.Errorf("cases show lacks the which_case reason:\n%s", buf.String())
	}

	// The customer answers our reply with case B's tag alone: the answer
	// and the first mail join B, which then has everything; the
	// provisional case closes with nothing left to send.
	ask := sent[0]
	answer := testMail("chen@hospital.example", "Re: "+b, "d@hospital.example", "", "是"+b+"的材料")
	answer = "In-Reply-To: " + ask.header.Get("Message-Id") + "\r\n" + answer
	h.deliver(answer)
	ans := h.poll().Processed[0]
	if ans.CaseID != b || !ans.Decision.HasNote("merged_case") {
		t.Fatalf("the answer went to %s, notes %v; want %s with merged_case", ans.CaseID, ans.Decision.Notes, b)
	}
	if ans.Decision.Action != rules.ActionForward {
		t.Errorf("case %s after the answer: %s missing %v; want forward with the first mail's materials", b, ans.Decision.Action, ans.Decision.Missing)
	}
	prov, _ := h.store.Case(pr.CaseID)
	if prov == nil || prov.State != StateClosed {
		t.Errorf("the provisional case %s is %+v, want closed", pr.CaseID, prov)
	}
	if rows, _ := h.store.CaseMessages(pr.CaseID); len(rows) != 0 {
		t.Errorf("the provisional case still holds %d messages", len(rows))
	}
	if rows, _ := h.store.CaseMessages(b); len(rows) != 3 {
		t.Errorf("case %s holds %d messages, want 3 (its request, the first mail, the answer)", b, len(rows))
	}
	if other, _ := h.store.CaseMessages(a); len(other) != 1 {
		t.Errorf("case %s holds %d messages, want its own 1", a, len(other))
	}
	// Days later: no reminder for the closed provisional case.
	before := len(h.smtp.Messages())
	h.now = h.now.Add(4 * 24 * time.Hour)
	h.poll()
	for _, s := range h.sentSince(before) {
		if strings.Contains(s.subject(), pr.CaseID) {
			t.Errorf("the closed provisional case %s still sends %q", pr.CaseID, s.subject())
		}
	}
}

// TestPipelineSameRequestTwice: the same complete request sent again (a
// new Message-ID) joins its case: one forward, and the second reply says
// it is already in hand.
func TestPipelineSameRequestTwice(t *testing.T) {
	h := newHarness(t)
	h.deliver(testMail("陈晓东 <chen@hospital.example>", "License硬件变更申请", "r-1@hospital.example", "", hwChangeComplete, licenseFile, newHostFile, letterScan))
	caseID := h.poll().Processed[0].CaseID
	h.deliver(testMail("陈晓东 <chen@hospital.example>", "License硬件变更申请", "r-2@hospital.example", "", hwChangeComplete, licenseFile, newHostFile, letterScan))
	pr := h.poll().Processed[0]
	if pr.CaseID != caseID || !pr.Decision.HasNote("already_in_hand") {
		t.Fatalf("resend: case %s, notes %v; want %s with already_in_hand", pr.CaseID, pr.Decision.Notes, caseID)
	}
	sent := h.sentSince(2)
	if len(sent) != 1 || !slices.Equal(sent[0].to, []string{"chen@hospital.example"}) || !strings.Contains(sent[0].body, "already in hand") {
		t.Fatalf("resend caused %d mails, want only a reply saying it is in hand", len(sent))
	}
}

// TestPipelineColleague: a colleague answering our reply joins the case
// and is told so; a colleague writing a new mail with the tag gets a new
// case and the reason.
func TestPipelineColleague(t *testing.T) {
	h := newHarness(t)
	h.deliver(testMail("chen@hospital.example", "License硬件变更申请", "r-1@hospital.example", "", hwChangeIncomplete, licenseFile))
	caseID := h.poll().Processed[0].CaseID
	reply := h.sentSince(0)[0]
	ours := strings.Trim(reply.header.Get("Message-Id"), "<>")

	h.deliver(testMail("wang@hospital.example", "License硬件变更申请 "+caseID, "w-1@hospital.example", "", "新服务器主机信息见附件", newHostFile))
	pr := h.poll().Processed[0]
	if pr.CaseID == caseID || !pr.Decision.HasNote("not_joined") {
		t.Fatalf("colleague's new mail: case %s notes %v, want a new case with not_joined", pr.CaseID, pr.Decision.Notes)
	}
	if s := h.sentSince(1); len(s) != 1 || !strings.Contains(s[0].body, "does not belong to your address") {
		t.Errorf("colleague's reply does not say why a new case was opened")
	}

	h.deliver(testMail("wang@hospital.example", reply.subject(), "w-2@hospital.example", ours, hwChangeFollowUp, newHostFile, letterScan))
	pr = h.poll().Processed[0]
	if pr.CaseID != caseID || pr.Decision.Action != rules.ActionForward || !pr.Decision.HasNote("joined_colleague") {
		t.Fatalf("colleague's answer to our mail: case %s %s notes %v, want %s forwarded, joined_colleague", pr.CaseID, pr.Decision.Action, pr.Decision.Notes, caseID)
	}
}

// TestPipelineSharedDomain: with join_by_domain, an address at a shared
// provider is no colleague of another address there.
func TestPipelineSharedDomain(t *testing.T) {
	h := newHarness(t)
	h.cfg.Cases.JoinByDomain = true
	h.deliver(testMail("chen@163.com", "License硬件变更申请", "r-1@163.com", "", hwChangeIncomplete, licenseFile))
	caseID := h.poll().Processed[0].CaseID
	h.deliver(testMail("mallory@163.com", "Re: ["+caseID+"]", "m-1@163.com", "", hwChangeFollowUp, newHostFile, letterScan))
	if pr := h.poll().Processed[0]; pr.CaseID == caseID {
		t.Fatalf("a stranger at a shared provider joined %s", caseID)
	}
	h.deliver(testMail("chen@hospital.example", "License硬件变更申请", "r-2@hospital.example", "", hwChangeIncomplete, licenseFile))
	other := h.poll().Processed[0].CaseID
	h.deliver(testMail("wang@hospital.example", "Re: ["+other+"]", "w-1@hospital.example", "", hwChangeFollowUp, newHostFile, letterScan))
	if pr := h.poll().Processed[0]; pr.CaseID != other {
		t.Fatalf("a colleague at the party's own domain went to %s, want %s (join_by_domain)", pr.CaseID, other)
	}
}

// TestPipelineEngineersNeverUpdate: mail from the engineers' address (a
// ticket system acknowledging the forward) neither starts nor changes a
// case and causes no mail.
func TestPipelineEngineersNeverUpdate(t *testing.T) {
	h := newHarness(t)
	h.deliver(testMail("chen@hospital.example", "License硬件变更申请", "r-1@hospital.example", "", hwChangeComplete, licenseFile, newHostFile, letterScan))
	caseID := h.poll().Processed[0].CaseID
	var fwd *sentMail
	for _, s := range h.sentSince(0) {
		if slices.Contains(s.to, "license-engineers@example.test") {
			fwd = s
		}
	}
	ack := "From: Tickets <license-engineers@example.test>\r\nTo: intake@example.test\r\nSubject: Re: " + fwd.subject() +
		"\r\nMessage-ID: <t-1@example.test>\r\nIn-Reply-To: " + fwd.header.Get("Message-Id") + "\r\n\r\nTicket 123 opened: License硬件变更 " + caseID + "\r\n"
	h.deliver(ack)
	h.deliver(strings.Replace(strings.Replace(ack, "license-engineers@example.test", "chen@hospital.example", 1), "t-1@", "t-2@", 1))
	rep := h.poll()
	for _, pr := range rep.Processed {
		if pr.Decision.Action != rules.ActionIgnore {
			t.Errorf("mail from %s: %s, want ignored", pr.From, pr.Decision.Action)
		}
	}
	if n := len(h.sentSince(2)); n != 0 {
		t.Errorf("the ticket system's mail caused %d mails, want none", n)
	}
}

// TestCasesEscapeControls: a name and subject carrying terminal escapes,
// a line break and a direction override (all possible in encoded words)
// are shown escaped by cases list and cases show.
func TestCasesEscapeControls(t *testing.T) {
	h := newHarness(t)
	name := mime.BEncoding.Encode("utf-8", "Zhang\x1b[2J\x1b[31m")
	h.deliver(testMail(name+" <zs@hospital.example>", "License找回\r\ncase LX-00000000-0000: forwarded\u202e", "e-1@hospital.example", "", "激活文件丢失，需要找回。客户局点名称：示例学校"))
	caseID := h.poll().Processed[0].CaseID
	var list, show bytes.Buffer
	cases, _ := h.store.Cases("")
	WriteCases(&list, cases)
	if err := WriteCase(&show, h.store, caseID); err != nil {
		t.Fatal(err)
	}
	for what, out := range map[string]string{"cases list": list.String(), "cases show": show.String()} {
		if strings.ContainsAny(out, "\x1b\r\u202e") || strings.Contains(out, "\ncase LX-00000000") {
			t.Errorf("%s prints control characters as they are:\n%q", what, out)
		}
		if !strings.Contains(out, `Zhang\x1b[2J`) || !strings.Contains(out, `\u202e`) {
			t.Errorf("%s does not show the escapes:\n%s", what, out)
		}
	}
}

// TestPipelineForwardRateLimit: complete requests from one sender beyond
// cases.limits.forwards_per_sender are kept for the admin, unsent, and the
// admin is told once.
func TestPipelineForwardRateLimit(t *testing.T) {
	h := newHarness(t)
	h.cfg.Cases.Limits.ForwardsPerSender = 2
	for i := 0; i < 4; i++ {
		body := strings.Replace(hwChangeComplete, "IMC-PLAT-7F3A-92QD-0C5E", fmt.Sprintf("IMC-PLAT-7F3A-92QD-000%d", i), 1)
		body = strings.Replace(body, "杭州示例医院", fmt.Sprintf("杭州示例医院%d分院", i), 1)
		h.deliver(testMail("bulk@hospital.example", "License硬件变更申请", fmt.Sprintf("b-%d@hospital.example", i), "", body,
			licenseFile, newHostFile, testFile{fmt.Sprintf("承诺书(盖章)%d.pdf", i), "application/pdf", []byte(fmt.Sprintf("%%PDF-1.4\n%% %d\n", i))}))
	}
	rep := h.poll()
	if len(rep.Processed) != 4 {
		t.Fatalf("processed %d, want 4", len(rep.Processed))
	}
	fwd, notices := 0, 0
	for _, s := range h.sentSince(0) {
		switch {
		case slices.Contains(s.to, "license-engineers@example.test"):
			fwd++
		case slices.Contains(s.to, "license-admin@example.test"):
			notices++
		}
	}
	if fwd != 2 || notices != 1 {
		t.Errorf("4 complete requests from one sender made %d forwards and %d admin notices, want 2 and 1", fwd, notices)
	}
	if !rep.Processed[3].Decision.HasNote("forward_held") {
		t.Errorf("the fourth request's notes %v, want forward_held", rep.Processed[3].Decision.Notes)
	}
}

// TestPipelineReplyCap: over cases.limits.replies_per_hour intake answers
// nobody, whoever writes, and tells the admin once.
func TestPipelineReplyCap(t *testing.T) {
	h := newHarness(t)
	h.cfg.Cases.Limits.RepliesPerHour = 3
	for i := 0; i < 6; i++ {
		h.deliver(testMail(fmt.Sprintf("forged%d@spam%d.example", i, i), "License找回", fmt.Sprintf("f-%d@spam.example", i), "", "License丢失，需要找回"))
	}
	h.poll()
	replies, notices := 0, 0
	for _, s := range h.sentSince(0) {
		if slices.Contains(s.to, "license-admin@example.test") {
			notices++
		} else {
			replies++
		}
	}
	if replies != 3 || notices != 1 {
		t.Errorf("6 forged senders got %d replies and the admin %d notices, want 3 and 1", replies, notices)
	}
	h.now = h.now.Add(61 * time.Minute)
	h.deliver(testMail("late@school.example", "License找回", "late@school.example", "", "License丢失，需要找回"))
	h.poll()
	if n := len(h.sentSince(replies + notices)); n != 1 {
		t.Errorf("after the hour %d mails, want the reply", n)
	}
}

// TestPipelineAskSaysWhyNewCase: a stranger's tagged mail whose process is
// unclear gets the ask reply, which still says why it opened a new case.
func TestPipelineAskSaysWhyNewCase(t *testing.T) {
	h := newHarness(t)
	h.deliver(testMail("chen@hospital.example", "License硬件变更申请", "r-1@hospital.example", "", hwChangeIncomplete, licenseFile))
	caseID := h.poll().Processed[0].CaseID
	h.deliver(testMail("li@other.example", "关于 "+caseID+" 的License申请", "l-1@other.example", "", "我们想办理License例外申请，请问需要什么材料？"))
	pr := h.poll().Processed[0]
	if pr.CaseID == caseID || pr.Decision.Action != rules.ActionAsk {
		t.Fatalf("stranger's unclear mail: case %s, %s; want a new case asked for its process", pr.CaseID, pr.Decision.Action)
	}
	if s := h.sentSince(1); len(s) != 1 || !strings.Contains(s[0].body, "does not belong to your address") {
		t.Errorf("the ask reply does not say why a new case was opened")
	}
}

// TestPipelineReplyLoop: an auto-responder that does not say it is one
// answers every reply; once its References hold cases.limits.loop_refs of
// our own signed Message-IDs (8 by default) the loop is cut: no reply, no
// case change.
func TestPipelineReplyLoop(t *testing.T) {
	for _, tc := range []struct{ loopRefs, cutAt int }{{0, 8}, {4, 4}, {10, 10}} {
		t.Run(fmt.Sprintf("loop_refs %d", tc.loopRefs), func(t *testing.T) {
			h := newHarness(t)
			h.cfg.Cases.RatePerSender = 100
			if tc.loopRefs != 0 {
				h.cfg.Cases.Limits.LoopRefs = tc.loopRefs
			}
			h.deliver(testMail("robot@hospital.example", "License找回", "l-0@hospital.example", "", "License丢失，需要找回"))
			h.poll()
			var refs []string
			for i := 1; i < 12; i++ {
				sent := h.sentSince(0)
				last := sent[len(sent)-1]
				id := strings.Trim(last.header.Get("Message-Id"), "<>")
				refs = append(refs, id)
				m := testMail("robot@hospital.example", "Re: "+last.subject(), fmt.Sprintf("l-%d@hospital.example", i), "", "License丢失，需要找回")
				m = "References: <" + strings.Join(refs, "> <") + ">\r\nIn-Reply-To: <" + id + ">\r\n" + m
				h.deliver(m)
				pr := h.poll().Processed[0]
				if pr.Decision.Reason == "loop" {
					if i != tc.cutAt {
						t.Errorf("loop cut at round %d, want %d", i, tc.cutAt)
					}
					return
				}
			}
			t.Fatalf("the loop went on for 11 rounds (%d mails sent)", len(h.smtp.Messages()))
		})
	}
}
