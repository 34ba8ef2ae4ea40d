package intake

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"intake/rules"
)

// blockRaw makes the store unable to write a raw mail, as a full disk
// would: the folder its file goes to is taken by a plain file. It returns
// the function that frees it.
func (h *harness) blockRaw(raw string) func() {
	h.t.Helper()
	sum := sha256.Sum256([]byte(raw))
	dir := filepath.Join(h.cfg.DataDir, "raw", hex.EncodeToString(sum[:])[:2])
	if err := os.WriteFile(dir, []byte("in the way"), 0o600); err != nil {
		h.t.Fatal(err)
	}
	return func() {
		if err := os.Remove(dir); err != nil {
			h.t.Fatal(err)
		}
	}
}

// TestPollRetriesAFailedMail: a mail that fails (its store write fails)
// while a later one of the same poll succeeds is not passed over: it stays
// in the mailbox, the checkpoint stops before it, and a later poll, after
// its backoff, processes it.
func TestPollRetriesAFailedMail(t *testing.T) {
	h := newHarness(t)
	first := testMail("chen@hospital.example", "License硬件变更申请", "fail-1@hospital.example", "", hwChangeIncomplete, licenseFile)
	second := testMail("li@clinic.example", "License硬件变更申请", "ok-2@clinic.example", "", hwChangeIncomplete, licenseFile)
	if sameRawFolder(first, second) {
		t.Fatal("test mails share a raw folder; change one")
	}
	h.deliver(first)
	h.deliver(second)
	free := h.blockRaw(first)

	rep := h.p.Poll(context.Background())
	if rep.Err() == nil {
		t.Fatal("Poll with an unwritable store reported no error")
	}
	if len(rep.Processed) != 1 || rep.Processed[0].From != "li@clinic.example" {
		t.Fatalf("first poll processed %+v, want the second mail only", rep.Processed)
	}
	if got := h.imap.inspect(t, "INBOX"); len(got) != 1 {
		t.Fatalf("INBOX holds %d messages after the first poll, want the failed one", len(got))
	}
	last, _, err := h.store.Checkpoint(mailboxKey(h.cfg), h.imapUIDValidity())
	if err != nil || last != 0 {
		t.Errorf("checkpoint = %d, %v; want 0 (uid 1 is not done)", last, err)
	}
	fs, _ := h.store.Failures()
	if len(fs) != 1 || fs[0].UID != 1 || fs[0].Tries != 1 || !strings.Contains(fs[0].LastError, "raw") {
		t.Fatalf("failures = %+v, want uid 1 with one try and the store error", fs)
	}

	// Before its backoff it waits; the poll is quiet.
	h.poll()
	if n := len(h.smtp.Messages()); n != 1 {
		t.Errorf("%d mails sent before the backoff ended, want 1", n)
	}

	free()
	h.now = h.now.Add(2 * time.Minute)
	rep = h.poll()
	if len(rep.Processed) != 1 || rep.Processed[0].From != "chen@hospital.example" || rep.Processed[0].Decision.Action != rules.ActionRequest {
		t.Fatalf("poll after the disk was freed processed %+v, want the first mail", rep.Processed)
	}
	if got := h.imap.inspect(t, "INBOX"); len(got) != 0 {
		t.Errorf("INBOX still holds %d messages", len(got))
	}
	if last, _, _ := h.store.Checkpoint(mailboxKey(h.cfg), h.imapUIDValidity()); last < 1 {
		t.Errorf("checkpoint = %d, want past uid 1", last)
	}
	if fs, _ := h.store.Failures(); len(fs) != 0 {
		t.Errorf("failures left: %+v", fs)
	}
}

// TestPollGivesUpAfterMaxTries: a mail that keeps failing is moved to the
// failed folder with its reason after max_tries, the admin is told once,
// and `intake failed` shows it.
func TestPollGivesUpAfterMaxTries(t *testing.T) {
	h := newHarness(t)
	h.cfg.Mailbox.MaxTries = 3
	raw := testMail("chen@hospital.example", "License硬件变更申请", "fail-1@hospital.example", "", hwChangeIncomplete, licenseFile)
	h.deliver(raw)
	h.blockRaw(raw)
	for i := 0; i < 3; i++ {
		h.p.Poll(context.Background())
		h.now = h.now.Add(5 * time.Hour)
	}
	if got := h.imap.inspect(t, "Intake/Failed"); len(got) != 1 {
		t.Fatalf("Intake/Failed holds %d messages after 3 failed tries, want 1", len(got))
	}
	h.p.Poll(context.Background())
	sent := h.sentSince(0)
	if len(sent) != 1 || sent[0].to[0] != h.cfg.SMTP.Admin || !strings.Contains(sent[0].body, "3 times") {
		t.Fatalf("sent %d mails, want one admin notice saying 3 tries", len(sent))
	}
	var out strings.Builder
	if err := WriteFailed(&out, h.store); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"uid 1", ReasonProcessingFailed, "3 tries failed", "Intake/Failed"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("WriteFailed lacks %q:\n%s", want, out.String())
		}
	}
	if last, _, _ := h.store.Checkpoint(mailboxKey(h.cfg), h.imapUIDValidity()); last != 1 {
		t.Errorf("checkpoint = %d after giving up, want 1", last)
	}
}

func sameRawFolder(a, b string) bool {
	sa, sb := sha256.Sum256([]byte(a)), sha256.Sum256([]byte(b))
	return sa[0] == sb[0]
}

// imapUIDValidity is the UIDVALIDITY of the test server's INBOX.
func (h *harness) imapUIDValidity() uint32 {
	h.t.Helper()
	mb, err := DialMailbox(context.Background(), h.cfg.Mailbox, h.p.log)
	if err != nil {
		h.t.Fatal(err)
	}
	defer mb.Close()
	return mb.UIDValidity()
}

// TestUIDChunks: a sparse UID set is cut into sets that each fit the line
// limit and together hold every UID once.
func TestUIDChunks(t *testing.T) {
	var uids []imap.UID
	for u := imap.UID(1_000_000); u < 1_030_000; u += 2 { // 15,000 lone UIDs: 120 KB as one set
		uids = append(uids, u)
	}
	uids = append(uids, 5, 6, 7, 9)
	chunks := uidChunks(uids, maxUIDSetLen)
	if len(chunks) < 2 {
		t.Fatalf("uidChunks gave %d set(s) for %d sparse UIDs, want several", len(chunks), len(uids))
	}
	seen := map[imap.UID]bool{}
	for _, c := range chunks {
		if n := len(c.String()); n > maxUIDSetLen {
			t.Errorf("a set is %d bytes, over %d", n, maxUIDSetLen)
		}
		nums, _ := c.Nums()
		for _, u := range nums {
			if seen[u] {
				t.Errorf("uid %d in two sets", u)
			}
			seen[u] = true
		}
	}
	if len(seen) != len(uids) {
		t.Errorf("the sets hold %d UIDs, want %d", len(seen), len(uids))
	}
	if got := uidChunks([]imap.UID{1, 2, 3}, maxUIDSetLen); len(got) != 1 || got[0].String() != "1:3" {
		t.Errorf("uidChunks(1,2,3) = %v, want 1:3", got)
	}
}

// TestMailboxListSparse: List of a mailbox whose UIDs are far apart sends
// several short FETCH commands and lists every message.
func TestMailboxListSparse(t *testing.T) {
	defer func(n int) { maxUIDSetLen = n }(maxUIDSetLen)
	maxUIDSetLen = 12
	ts := startMemIMAP(t, memIMAPOptions{})
	var want []imap.UID
	for i := 0; i < 20; i++ {
		want = append(want, ts.appendMessage(t, "INBOX", mailboxTestMessage(fmt.Sprint(i))))
		ts.appendMessage(t, "INBOX", mailboxTestMessage("gap"), imap.FlagDeleted)
	}
	m := dialMemIMAP(t, ts.config())
	list, err := m.List(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []imap.UID
	for _, e := range list {
		got = append(got, e.UID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("List = %v, want %v", got, want)
	}
	fetches := 0
	for _, cmd := range clientCommands(ts.transcript.String()) {
		if strings.HasPrefix(cmd, "UID FETCH") {
			fetches++
			if set, _, _ := strings.Cut(strings.TrimPrefix(cmd, "UID FETCH "), " "); len(set) > maxUIDSetLen {
				t.Errorf("command %q: set over %d bytes", cmd, maxUIDSetLen)
			}
		}
	}
	if fetches < 2 {
		t.Errorf("%d UID FETCH commands, want the set split", fetches)
	}
}
