//go:build e2e

// End-to-end tests against the real Dovecot + Postfix stack (.ci/mailstack.sh).
// Run: go test -tags e2e ./intake/   (helpers: e2e_helpers_test.go)

package intake_test

import (
	"bytes"
	"strings"
	"testing"
)

// TestMailStackRoundTrip proves the stack itself works: mail submitted to
// Postfix on the SMTP port lands in the recipient's Dovecot INBOX, and a
// message APPENDed over IMAP reads back byte for byte.
func TestMailStackRoundTrip(t *testing.T) {
	imapAddr, smtpAddr := mailStack(t)

	t.Run("smtp to imap", func(t *testing.T) {
		token := e2eToken(t)
		subject := "License找回 round trip " + token
		raw := e2eNewMessage(e2eCustomer, e2eEngineer, subject, "授权码：ABC-123\nround trip "+token+"\n")
		e2eSendMail(t, smtpAddr, e2eCustomer, []string{e2eEngineer}, raw)

		got := e2eWaitForSubject(t, imapAddr, e2eEngineer, token)
		if s := e2eSubject(got); s != subject {
			t.Errorf("subject = %q, want %q", s, subject)
		}
		if from := e2eHeader(got, "From"); from != e2eCustomer {
			t.Errorf("From = %q, want %q", from, e2eCustomer)
		}
		if !bytes.Contains(got, []byte("授权码：ABC-123")) {
			t.Errorf("body lost in transit:\n%s", got)
		}
		// Postfix and Dovecot add their trace headers.
		if !bytes.Contains(got, []byte("Delivered-To: "+e2eEngineer)) {
			t.Errorf("no Delivered-To header from Dovecot LMTP:\n%s", got)
		}
	})

	t.Run("imap append", func(t *testing.T) {
		token := e2eToken(t)
		raw := e2eNewMessage(e2eCustomer, e2eIntake, "License解绑 seed "+token, "seeded over IMAP\n")
		uid := e2eAppendToInbox(t, imapAddr, e2eIntake, raw)
		if uid == 0 {
			t.Fatal("APPEND returned no UID")
		}

		var found []byte
		for _, m := range e2eFetch(t, imapAddr, e2eIntake, "INBOX") {
			if m.UID == uid {
				found = m.Raw
			}
		}
		if found == nil {
			t.Fatalf("UID %d not in intake INBOX", uid)
		}
		if !bytes.Equal(found, raw) {
			t.Errorf("read back differs from what was appended:\ngot:\n%s\nwant:\n%s", found, raw)
		}
		n := 0
		for _, r := range e2eReadMailbox(t, imapAddr, e2eIntake) {
			if strings.Contains(e2eSubject(r), token) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("e2eReadMailbox found the seeded message %d times, want 1", n)
		}
	})
}
