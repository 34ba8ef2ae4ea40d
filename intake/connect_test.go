package intake

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/emersion/go-imap/v2"

	"intake/intake/imapbox/imaptest"
)

// TestConnect holds `check-config --connect` to what it reports for
// servers set up the ways that go wrong: each failure is named with a fix,
// and nothing is sent without --send-test.
func TestConnect(t *testing.T) {
	for _, tt := range []struct {
		name  string
		setup func(h *harness)
		check string // the check's name
		want  string // its status and the start of its detail
		fix   string // in its fix
	}{
		{"all well", func(h *harness) {}, "imap folder", "ok Intake/Forwarded created", ""},
		{"wrong password", func(h *harness) { h.cfg.Mailbox.Password = Secret{Value: "wrong"} }, "imap login", "FAIL as intake@example.test", "check mailbox.username and the password"},
		{"no folder permission", func(h *harness) { h.imap.RefuseCreate.Store(true) }, "imap folder", "FAIL Intake/Forwarded: creating folder", "give the account the right to create folders"},
		{"no MOVE", func(h *harness) {
			h.imap = imaptest.Start(h.t, imaptest.Options{Caps: imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapUIDPlus: {}}})
			h.cfg.Mailbox.Port = h.imap.Config().Port
		}, "imap MOVE", "warn not offered: intake copies", "a server with MOVE"},
		{"neither MOVE nor UIDPLUS", func(h *harness) {
			h.imap = imaptest.Start(h.t, imaptest.Options{Caps: imap.CapSet{imap.CapIMAP4rev1: {}}})
			h.cfg.Mailbox.Port = h.imap.Config().Port
		}, "imap MOVE", "FAIL neither MOVE nor UIDPLUS", "use a server with MOVE or UIDPLUS"},
		{"SMTP without 8BITMIME", func(h *harness) { h.smtp.Hide8BITMIME() }, "smtp 8BITMIME", "warn not offered", "submission server"},
		{"missing mailbox", func(h *harness) { h.cfg.Mailbox.Mailbox = "Requests" }, "imap mailbox", "FAIL selecting", "the server has: INBOX"},
		{"SMTP login refused", func(h *harness) {
			h.smtp.RequireAuth("desk", "right")
			h.cfg.SMTP.Auth, h.cfg.SMTP.Username, h.cfg.SMTP.Password = "plain", "desk", Secret{Value: "wrong"}
		}, "smtp login", "FAIL", "check smtp.auth, smtp.username"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			tt.setup(h)
			probes := Connect(context.Background(), h.cfg, nil, "", slog.New(slog.DiscardHandler))
			var got *Probe
			for i, pr := range probes {
				if pr.Name == tt.check && got == nil {
					got = &probes[i]
				}
			}
			var out strings.Builder
			WriteProbes(&out, probes)
			if got == nil {
				t.Fatalf("no %q check in:\n%s", tt.check, out.String())
			}
			if line := got.Status + " " + got.Detail; !strings.HasPrefix(line, tt.want) || !strings.Contains(got.Fix, tt.fix) {
				t.Errorf("%s = %q (fix %q), want %q… with fix %q; all:\n%s", tt.check, line, got.Fix, tt.want, tt.fix, out.String())
			}
			if n := len(h.smtp.Messages()); n != 0 {
				t.Errorf("--connect without --send-test sent %d mails", n)
			}
		})
	}
}

// TestConnectSendTest: --send-test ADDR sends one mail there.
func TestConnectSendTest(t *testing.T) {
	h := newHarness(t)
	probes := Connect(context.Background(), h.cfg, nil, "admin@intake.test", slog.New(slog.DiscardHandler))
	var out strings.Builder
	if WriteProbes(&out, probes) {
		t.Errorf("a check failed:\n%s", out.String())
	}
	msgs := h.smtp.Messages()
	if len(msgs) != 1 || msgs[0].To[0] != "admin@intake.test" || !strings.Contains(string(msgs[0].Raw), "Subject: intake connection test") {
		t.Errorf("sent %d mails, want the test mail to admin@intake.test", len(msgs))
	}
	if !strings.Contains(out.String(), "ok    smtp test mail     sent to admin@intake.test") {
		t.Errorf("output lacks the test mail line:\n%s", out.String())
	}
}
