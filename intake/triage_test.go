package intake

import (
	"testing"
	"time"

	"intake/rules"
)

// TestTriageOnlySendsNothing: in triage-only mode a poll decides, records
// and files every mail but sends nothing; the mail it would have sent stays
// kept unsent after the mode is switched off, until the admin releases it.
func TestTriageOnlySendsNothing(t *testing.T) {
	h := newHarness(t)
	h.cfg.TriageOnly = true
	h.deliver(testMail("陈晓东 <chen@hospital.example>", "License硬件变更申请", "req-1@hospital.example", "", hwChangeIncomplete, licenseFile))
	raw, err := readFile("../testdata/mail/01-recovery-complete-zh.eml")
	if err != nil {
		t.Fatal(err)
	}
	h.deliver(raw)
	rep := h.poll()
	if len(rep.Processed) != 2 || rep.Processed[0].Decision.Action != rules.ActionRequest || rep.Processed[1].Decision.Action != rules.ActionForward {
		t.Fatalf("processed %+v, want a request and a forward", rep.Processed)
	}
	if n := len(h.smtp.Messages()); n != 0 || rep.Sent != 0 {
		t.Fatalf("triage-only poll sent %d mails, want none", n)
	}
	if got := len(h.imap.Inspect(t, "Intake/Waiting")) + len(h.imap.Inspect(t, "Intake/Forwarded")); got != 2 {
		t.Errorf("%d mails filed, want 2", got)
	}
	cases, err := h.store.Cases("")
	if err != nil || len(cases) != 2 {
		t.Fatalf("cases = %d (%v), want 2", len(cases), err)
	}
	counts, err := h.store.OutboxCounts()
	if err != nil {
		t.Fatal(err)
	}
	// The reply asking for materials and the forward are kept; the
	// customer's "forwarded" waits for its forward as always.
	if counts[OutboxKept] != 2 || counts[OutboxPending] != 0 {
		t.Fatalf("outbox = %v, want 2 kept", counts)
	}

	h.cfg.TriageOnly = false
	h.now = h.now.Add(48 * time.Hour)
	h.poll()
	if n := len(h.smtp.Messages()); n != 0 {
		t.Fatalf("switching triage-only off sent %d kept mails by itself, want none", n)
	}
	if n, err := h.store.ReleaseKept(KeptFilter{Since: h.now.Add(-24 * time.Hour)}, h.now); err != nil || n != 0 {
		t.Fatalf("releasing the mail of the last 24h released %d (%v), want 0: it is 48h old", n, err)
	}
	if n, err := h.store.ReleaseKept(KeptFilter{}, h.now); err != nil || n != 2 {
		t.Fatalf("releasing all released %d (%v), want 2", n, err)
	}
	h.poll()
	if n := len(h.smtp.Messages()); n != 3 {
		t.Fatalf("after the release a poll sent %d mails, want 3", n)
	}
}
