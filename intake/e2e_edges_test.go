//go:build e2e

package intake_test

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestE2EBounceFailsCase: a forward Postfix accepts but cannot deliver (the
// engineers' address is wrong) comes back to intake's mailbox as a
// delivery status notification; the next poll matches it to the forward,
// marks the case failed with Postfix's status and diagnostic, and tells the
// admin, where it used to file the bounce as ignored and leave the case
// "forwarded".
func TestE2EBounceFailsCase(t *testing.T) {
	imapAddr, smtpAddr := mailStack(t)
	resetAll(t, imapAddr)
	cfg := e2eConfig(t, imapAddr, smtpAddr)
	src, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	// Postfix takes mail for any domain from loopback and bounces what it
	// cannot deliver outside example.test.
	src = bytes.Replace(src, []byte("to: ["+e2eEngineers+"]"), []byte("to: [engineers@bounces.example.test]"), 1)
	if err := os.WriteFile(cfg, src, 0o600); err != nil {
		t.Fatal(err)
	}

	files := map[string]string{}
	for k, v := range e2eLicense {
		files[k] = v
	}
	for k, v := range e2eRest {
		files[k] = v
	}
	e2eSendMail(t, smtpAddr, e2eCustomer, []string{e2eIntake},
		e2eMail("陈晓东 <"+e2eCustomer+">", "License硬件变更申请", "bounce-1@example.test", "", e2eRequest+e2eFollowUp, files))
	e2eWaitFor(t, imapAddr, e2eIntake, "INBOX", e2eTimeout, func([]byte) bool { return len(e2eReadMailbox(t, imapAddr, e2eIntake)) == 1 })
	out := mustPoll(t, cfg)
	t.Logf("first poll:\n%s", out)
	bounce := e2eWaitFor(t, imapAddr, e2eIntake, "INBOX", e2eTimeout, func(raw []byte) bool {
		return bytes.Contains(raw, []byte("report-type=delivery-status"))
	})
	t.Logf("bounce from Postfix: %s", e2eSubject(bounce))

	out = mustPoll(t, cfg)
	t.Logf("second poll:\n%s", out)
	notice := e2eWaitForSubject(t, imapAddr, e2eAdmin, "bounced")
	if body := decodedText(t, notice); !strings.Contains(body, "Status: 5.") || !strings.Contains(body, "engineers@bounces.example.test") {
		t.Errorf("admin notice lacks the status or the address:\n%s", body)
	}
	out, err = runIntake(t, nil, "cases", "list", "--config", cfg)
	if err != nil || !strings.Contains(out, "failed") || strings.Contains(out, "forwarded") {
		t.Errorf("intake cases list after the bounce: %v\n%s", err, out)
	}
	caseID := strings.Fields(out[strings.Index(out, "LX-"):])[0]
	out, err = runIntake(t, nil, "cases", "show", caseID, "--config", cfg)
	if err != nil || !strings.Contains(out, "last error: bounced (failed): 5.") {
		t.Errorf("intake cases show %s lacks the bounce's reason (err %v):\n%s", caseID, err, out)
	}
	if got := len(e2eReadMailbox(t, imapAddr, e2eIntake)); got != 0 {
		t.Errorf("INBOX still holds %d", got)
	}
}
