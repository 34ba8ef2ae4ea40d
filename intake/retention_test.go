package intake

import (
	"os"
	"strings"
	"testing"
	"time"

	"intake/rules"
)

// TestRetentionPrunes: sent mail past retention.sent loses its body, the
// raw mail of a forwarded case past retention.cases is removed while a
// waiting case keeps its own, `intake cases show` says what went, and a
// later mail to the pruned case is still processed.
func TestRetentionPrunes(t *testing.T) {
	h := newHarness(t)
	h.cfg.Retention = RetentionConfig{Sent: Duration(7 * 24 * time.Hour), Cases: Duration(30 * 24 * time.Hour)}
	raw, err := readFile("../testdata/mail/01-recovery-complete-zh.eml")
	if err != nil {
		t.Fatal(err)
	}
	h.deliver(raw)
	rep := h.poll()
	if len(rep.Processed) != 1 || rep.Processed[0].Decision.Action != rules.ActionForward {
		t.Fatalf("processed %+v, want one forward", rep.Processed)
	}
	done := rep.Processed[0].CaseID
	doneRow := mustCaseMessages(t, h.store, done)[0]

	h.now = h.now.Add(8 * 24 * time.Hour)
	h.cfg.Cases.CloseAfter = Duration(365 * 24 * time.Hour) // keep the next case waiting
	h.deliver(testMail("陈晓东 <chen@hospital.example>", "License硬件变更申请", "req-1@hospital.example", "", hwChangeIncomplete, licenseFile))
	rep = h.poll()
	waiting := rep.Processed[0].CaseID
	mails, err := h.store.CaseOutbox(done)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range mails {
		if _, err := os.Stat(h.store.filePath("outbox", o.File)); o.State == OutboxSent && (o.PrunedAt.IsZero() || err == nil) {
			t.Errorf("%s mail sent 8 days ago with retention.sent 7d: pruned at %v, its file kept (stat: %v)", o.Kind, o.PrunedAt, err)
		}
	}
	if _, err := os.Stat(h.store.rawPath(doneRow.SHA256)); err != nil {
		t.Errorf("raw mail of the forwarded case removed before retention.cases: %v", err)
	}

	h.now = h.now.Add(31 * 24 * time.Hour)
	h.poll()
	if _, err := os.Stat(h.store.rawPath(doneRow.SHA256)); !os.IsNotExist(err) {
		t.Errorf("raw mail of the case forwarded 39 days ago with retention.cases 30d still there (%v)", err)
	}
	var b strings.Builder
	if err := WriteCase(&b, h.store, done); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"raw mail pruned", "mail itself pruned"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("cases show %s does not say %q:\n%s", done, want, b.String())
		}
	}
	for _, m := range mustCaseMessages(t, h.store, waiting) {
		if !m.PrunedAt.IsZero() {
			t.Errorf("the waiting case %s lost its raw mail", waiting)
		}
		if _, err := os.Stat(h.store.rawPath(m.SHA256)); err != nil {
			t.Errorf("raw mail of the waiting case: %v", err)
		}
	}

	// The customer writes again on the pruned case: it is read without the
	// pruned mail, not failed.
	h.deliver(testMail("chen@hospital.example", "Re: ["+done+"] License找回", "late@hospital.example", "", "还有一个问题"))
	if rep := h.poll(); len(rep.Processed) != 1 {
		t.Fatalf("a mail to the pruned case: processed %+v", rep.Processed)
	}
}

func mustCaseMessages(t *testing.T, st *Store, id string) []*MessageRow {
	t.Helper()
	ms, err := st.CaseMessages(id)
	if err != nil {
		t.Fatal(err)
	}
	return ms
}
