//go:build e2e

package intake_test

import (
	"os"
	"strings"
	"testing"
)

// TestE2EConnect: `intake check-config --connect` against Dovecot and
// Postfix passes every check, and names a wrong password with its fix.
func TestE2EConnect(t *testing.T) {
	imapAddr, smtpAddr := mailStack(t)
	cfg := e2eConfig(t, imapAddr, smtpAddr)
	out, err := runIntake(t, nil, "check-config", "--connect", cfg)
	if err != nil || strings.Contains(out, "FAIL") {
		t.Fatalf("check-config --connect: %v\n%s", err, out)
	}
	for _, want := range []string{"ok    imap login", "ok    imap MOVE", "ok    imap IDLE", "ok    smtp connect", "ok    smtp 8BITMIME"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	src, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(src), "password: "+e2ePassword(), "password: not-"+e2ePassword(), 1)
	if err := os.WriteFile(cfg, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err = runIntake(t, nil, "check-config", "--connect", cfg)
	if err == nil || !strings.Contains(out, "FAIL  imap login") || !strings.Contains(out, "AUTHENTICATIONFAILED") || !strings.Contains(out, "fix: check mailbox.username and the password") {
		t.Errorf("check-config --connect with a wrong password: %v\n%s", err, out)
	}
}
