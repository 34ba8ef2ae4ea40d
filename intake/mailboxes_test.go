package intake

import (
	"slices"
	"strings"
	"testing"

	"intake/intake/imapbox/imaptest"
)

// TestTwoMailboxes: one process reads two mailboxes, each filing into its
// own folders and forwarding by its own routes, with one case numbering.
func TestTwoMailboxes(t *testing.T) {
	h := newHarness(t)
	emea := imaptest.Start(t, imaptest.Options{})
	mc := emea.Config()
	mc.Host = "localhost" // another server than h.imap's 127.0.0.1 (the port is not part of a mailbox's name)
	mc.SetDefaults()
	h.cfg.Routes = []Route{{Name: "default", To: []string{"engineers@intake.test"}}}
	h.cfg.Mailboxes = []MoreMailbox{{Name: "emea", IMAP: mc, Routes: []Route{{Name: "emea", To: []string{"emea-team@intake.test"}}}}}
	if probs := h.cfg.mailboxesProblems(); len(probs) > 0 {
		t.Fatalf("mailboxes: %v", probs)
	}
	complete := func(id string) string {
		return "From: " + id + "@customer" + id + ".test\r\nSubject: License找回申请\r\nMessage-ID: <" + id + "@customer.test>\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n\r\n激活文件丢失，申请找回。\r\n客户局点名称：示例中心 " + id + "\r\n授权码：LK2024-0815-AB12-CD34\r\n"
	}
	h.deliver(complete("first"))
	emea.Append(t, "INBOX", complete("second"))

	rep := h.poll()
	if len(rep.Processed) != 2 {
		t.Fatalf("poll processed %d mails, want one from each mailbox", len(rep.Processed))
	}
	var to []string // the forwards' recipients
	for _, m := range h.sentSince(0) {
		if strings.HasSuffix(m.to[0], "@intake.test") {
			to = append(to, m.to[0])
		}
	}
	slices.Sort(to)
	if !slices.Equal(to, []string{"emea-team@intake.test", "engineers@intake.test"}) {
		t.Errorf("forwards went to %v, want one by each mailbox's route", to)
	}
	for _, pr := range rep.Processed {
		want := mailboxKey(h.cfg)
		if strings.Contains(pr.MessageID, "second") {
			want = mailboxKey(h.cfg.view("emea"))
		}
		if pr.Mailbox != want || pr.Decision.Action != "forward" {
			t.Errorf("%s: mailbox %s, action %s; want %s, forward", pr.MessageID, pr.Mailbox, pr.Decision.Action, want)
		}
	}
	if ids := []string{rep.Processed[0].CaseID, rep.Processed[1].CaseID}; ids[0] == ids[1] || !strings.HasSuffix(ids[0], "-0001") || !strings.HasSuffix(ids[1], "-0002") {
		t.Errorf("case ids %v, want one numbering: -0001 and -0002", ids)
	}
	for name, srv := range map[string]*imaptest.Server{"mailbox": h.imap, "emea": emea} {
		if n := len(srv.Inspect(t, "Intake/Forwarded")); n != 1 {
			t.Errorf("%s: Intake/Forwarded holds %d, want its own mail", name, n)
		}
		if n := len(srv.Inspect(t, "INBOX")); n != 0 {
			t.Errorf("%s: INBOX holds %d, want none", name, n)
		}
	}

	// A mail to the second mailbox only: the first has nothing new.
	emea.Append(t, "INBOX", complete("third"))
	if rep := h.poll(); len(rep.Processed) != 1 || rep.Processed[0].Mailbox != mailboxKey(h.cfg.view("emea")) {
		t.Errorf("second poll processed %+v, want the one new mail of emea", rep.Processed)
	}
}

// TestMailboxesProblems: a mailbox listed twice, or without a name, is a
// config error.
func TestMailboxesProblems(t *testing.T) {
	cfg := shippedConfig(t)
	same := cfg.Mailbox
	cfg.Mailboxes = []MoreMailbox{{Name: "again", IMAP: same}, {IMAP: same}}
	var got []string
	for _, p := range cfg.mailboxesProblems() {
		got = append(got, p.path+": "+p.msg)
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{"mailboxes[0].imap.mailbox: mailbox \"again\" reads the same mailbox as `mailbox:`", "mailboxes[1].name: mailbox without a name"} {
		if !strings.Contains(all, want) {
			t.Errorf("problems:\n%s\nwant %q", all, want)
		}
	}
}
