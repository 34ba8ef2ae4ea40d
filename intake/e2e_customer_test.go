//go:build e2e

package intake_test

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestE2EClumsyCustomer plays a customer as real ones write, against
// Dovecot and Postfix: a first request; a follow-up with no tag; a
// colleague answering our reply; the letter in a file over the size limit;
// the letter again as a 20 MB scan under a full-width tag; the first
// request sent again; "收到，谢谢" after the forward. It asserts what each
// party received: one case, one forward carrying the scan once, no second
// forward, nothing for the thanks.
func TestE2EClumsyCustomer(t *testing.T) {
	imapAddr, smtpAddr := mailStack(t)
	resetAll(t, imapAddr)
	cfg := e2eConfig(t, imapAddr, smtpAddr)
	// A 20 MB scan fits (limits), and so does its forward, once each file
	// travels once (the relay takes 50 MiB).
	raw, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	raw = bytes.Replace(raw, []byte("max_attachment_bytes: 32MiB"), []byte("max_attachment_bytes: 21MiB"), 1)
	raw = bytes.Replace(raw, []byte("max_bytes: 25MiB"), []byte("max_bytes: 40MiB"), 1)
	if err := os.WriteFile(cfg, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	colleague := e2eEngineer // another address at the customer's domain
	customer := "陈晓东 <" + e2eCustomer + ">"
	send := func(from, envFrom string, mail []byte, inbox int) {
		t.Helper()
		e2eSendMail(t, smtpAddr, envFrom, []string{e2eIntake}, mail)
		e2eWaitFor(t, imapAddr, e2eIntake, "INBOX", e2eTimeout, func([]byte) bool { return len(e2eReadMailbox(t, imapAddr, e2eIntake)) == inbox })
		t.Logf("poll:\n%s", mustPoll(t, cfg))
	}
	waitCount := func(user string, n int) [][]byte {
		t.Helper()
		e2eWaitFor(t, imapAddr, user, "INBOX", e2eTimeout, func([]byte) bool { return len(e2eReadMailbox(t, imapAddr, user)) >= n })
		return e2eReadMailbox(t, imapAddr, user)
	}

	// 1. The request, with the old server's license file only.
	first := e2eMail(customer, "License硬件变更申请", "c-1@example.test", "", e2eRequest, e2eLicense)
	send(customer, e2eCustomer, first, 1)
	reply1 := waitCount(e2eCustomer, 1)[0]
	caseID := regexp.MustCompile(`LX-\d{8}-\d{4}`).FindString(e2eSubject(reply1))
	if caseID == "" {
		t.Fatalf("first reply %q carries no case id", e2eSubject(reply1))
	}

	// 2. No tag, no reply: a new mail with the reseller's phone and the auth code.
	send(customer, e2eCustomer, e2eMail(customer, "补充材料", "c-2@example.test", "", e2eFollowUp, nil), 1)
	reply2 := waitCount(e2eCustomer, 2)[1]
	if !strings.Contains(e2eSubject(reply2), caseID) || !strings.Contains(decodedText(t, reply2), "没有带案例编号") {
		t.Errorf("the untagged follow-up's reply %q does not say it joined %s", e2eSubject(reply2), caseID)
	}

	// 3. A colleague answers our first reply with the new server's host file.
	send(colleague, colleague, e2eMail("王磊 <"+colleague+">", "Re: "+e2eSubject(reply1), "w-1@example.test", e2eHeader(reply1, "Message-Id"),
		"新服务器主机信息文件见附件。\n", map[string]string{"新服务器主机信息.txt": "[HostInfo]\r\nHostID=NEW-1234\r\n"}), 1)
	reply3 := waitCount(colleague, 1)[0]
	if !strings.Contains(e2eSubject(reply3), caseID) || !strings.Contains(decodedText(t, reply3), "同事") {
		t.Errorf("the colleague's reply %q does not say the mail joined %s", e2eSubject(reply3), caseID)
	}

	// 4. The stamped letter, in a file over max_attachment_bytes, under a
	// full-width tag.
	tag := "【" + caseID + "】"
	tooBig := map[string]string{"承诺书(盖章).pdf": "%PDF-1.4\n" + strings.Repeat("x", 22<<20)}
	send(customer, e2eCustomer, e2eMail(customer, "回复："+tag+"承诺书", "c-3@example.test", "", "盖章承诺书见附件。\n", tooBig), 1)
	reply4 := waitCount(e2eCustomer, 3)[2]
	if text := decodedText(t, reply4); !strings.Contains(text, "超出大小") || !strings.Contains(text, "1. 客户单位盖章") {
		t.Errorf("the reply to the unread letter does not ask for it again and say why:\n%s", text)
	}
	if n := len(e2eReadMailbox(t, imapAddr, e2eEngineers)); n != 0 {
		t.Fatalf("the engineers got %d mails before the case was complete", n)
	}

	// 5. The letter as a 20 MB scan, tag in full-width brackets, lower case.
	scan := "%PDF-1.4\n% stamped\n" + strings.Repeat("scan\x8f", 4_000_000)
	send(customer, e2eCustomer, e2eMail(customer, "【"+strings.ToLower(caseID)+"】盖章扫描件", "c-4@example.test", "", "盖章承诺书扫描件见附件。\n",
		map[string]string{"承诺书(盖章)扫描.pdf": scan}), 1)
	fwd := waitCount(e2eEngineers, 1)[0]
	if !strings.Contains(e2eSubject(fwd), caseID) || !strings.Contains(e2eHeader(fwd, "Reply-To"), e2eCustomer) {
		t.Errorf("forward %q Reply-To %q", e2eSubject(fwd), e2eHeader(fwd, "Reply-To"))
	}
	if names := decodedNames(fwd); strings.Count(names, "承诺书(盖章)扫描.pdf") != 1 {
		t.Errorf("forward attachments %q, want the scan once", names)
	}
	if len(fwd) > len(scan)*14/10+1<<20 {
		t.Errorf("forward is %d bytes for a %d-byte scan: a file travels more than once", len(fwd), len(scan))
	}
	confirm := waitCount(e2eCustomer, 4)[3]
	if !strings.Contains(e2eSubject(confirm), caseID) {
		t.Errorf("confirmation %q", e2eSubject(confirm))
	}

	// 6. The first request again (a new Message-ID).
	send(customer, e2eCustomer, bytes.Replace(first, []byte("<c-1@example.test>"), []byte("<c-5@example.test>"), 1), 1)
	again := waitCount(e2eCustomer, 5)[4]
	if !strings.Contains(e2eSubject(again), caseID) || !strings.Contains(decodedText(t, again), "already in hand") {
		t.Errorf("the resend's reply %q does not say the request is in hand", e2eSubject(again))
	}

	// 7. Thanks, answering the confirmation.
	send(customer, e2eCustomer, e2eMail(customer, "Re: "+e2eSubject(confirm), "c-6@example.test", e2eHeader(confirm, "Message-Id"), "收到，谢谢！\n\n陈晓东\n", nil), 1)
	mustPoll(t, cfg)

	for user, want := range map[string]int{e2eCustomer: 5, colleague: 1, e2eEngineers: 1, e2eAdmin: 0} {
		if got := len(e2eReadMailbox(t, imapAddr, user)); got != want {
			t.Errorf("%s received %d mails, want %d", user, got, want)
		}
	}
	out, err := runIntake(t, nil, "cases", "list", "--config", cfg)
	if err != nil || strings.Count(out, "LX-") != 1 {
		t.Errorf("intake cases list: %v, want one case:\n%s", err, out)
	}
	out, err = runIntake(t, nil, "cases", "show", caseID, "--config", cfg)
	for _, want := range []string{"joined_untagged: " + caseID, "joined_colleague: " + caseID, "attachment_skipped", "already_in_hand", "only thanks"} {
		if err != nil || !strings.Contains(out, want) {
			t.Errorf("intake cases show %s lacks %q:\n%s", caseID, want, out)
		}
	}
}
