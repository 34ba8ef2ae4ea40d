package intake

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"intake/intake/message"
	"intake/rules"
)

// reopenStore closes a store and opens it again, as a restart does.
func reopenStore(t *testing.T, st *Store, dir string) *Store {
	t.Helper()
	st.Close()
	st, err := OpenStore(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// mustReadMail reads a composed mail from the store by its digest.
func mustReadMail(t *testing.T, st *Store, sum string) []byte {
	t.Helper()
	raw, err := st.ReadMail(sum)
	if err != nil {
		t.Fatalf("ReadMail(%.12s): %v", sum, err)
	}
	return raw
}

// TestForwardStreamsLargeFile: a material file larger than the reader
// holds in memory reaches the engineers whole and byte-identical, read
// again from the stored raw mail; the outbox row names a file, and no
// mail is kept in the database.
func TestForwardStreamsLargeFile(t *testing.T) {
	h := newHarness(t)
	scan := make([]byte, message.MaxHeldBytes+654321)
	rand.NewChaCha8([32]byte{3}).Read(scan)
	copy(scan, "%PDF-1.4\n% stamped letter\n")
	bigLetter := testFile{letterScan.name, letterScan.ctype, scan}
	h.deliver(testMail("陈晓东 <chen@hospital.example>", "License硬件变更申请", "req-1@hospital.example", "",
		hwChangeIncomplete+hwChangeFollowUp, licenseFile, newHostFile, bigLetter))
	rep := h.poll()
	if d := rep.Processed[0].Decision; d.Action != rules.ActionForward {
		t.Fatalf("the complete request was decided %s, want forward", d.Action)
	}
	var fwd *sentMail
	for _, s := range h.sentSince(0) {
		if slices.Contains(s.to, "license-engineers@example.test") {
			fwd = s
		}
	}
	if fwd == nil {
		t.Fatal("no forward sent")
	}
	if got := fwd.files[bigLetter.name]; !bytes.Equal(got, scan) {
		t.Errorf("the forward carries %s with %d bytes, want the %d sent, byte-identical", bigLetter.name, len(got), len(scan))
	}
	var inDB int64
	if err := h.store.db.QueryRow(`SELECT coalesce(sum(length(raw)), 0) FROM outbox`).Scan(&inDB); err != nil || inDB != 0 {
		t.Errorf("the outbox table holds %d bytes of mail (%v), want none", inDB, err)
	}
	out, _ := h.store.AllOutbox()
	for _, o := range out {
		if st, err := os.Stat(h.store.filePath("outbox", o.File)); err != nil || st.Size() != o.Size {
			t.Errorf("%s mail: file %.12s: %v, want %d bytes", o.Kind, o.File, err, o.Size)
		}
	}
}

// TestOutboxSpoiltFileNotSent: a queued mail whose file was spoilt on disk
// is not sent as something else: it fails for good, the admin is told.
func TestOutboxSpoiltFileNotSent(t *testing.T) {
	h := newHarness(t)
	h.smtp.FailNext(451, 1)
	h.deliver(testMail("chen@hospital.example", "License硬件变更申请", "a@hospital.example", "", hwChangeIncomplete, licenseFile))
	h.p.Poll(context.Background())
	out, _ := h.store.AllOutbox()
	if len(out) != 1 || out[0].State != OutboxPending {
		t.Fatalf("outbox after 451 = %+v, want one pending mail", out)
	}
	path := h.store.filePath("outbox", out[0].File)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	raw = bytes.Replace(raw, []byte("License"), []byte("Lizenz!"), 1)
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	h.now = h.now.Add(2 * time.Minute)
	h.p.Poll(context.Background())
	for _, m := range h.smtp.Messages() {
		if bytes.Contains(m.Raw, []byte(out[0].MessageID)) && m.To[0] == "chen@hospital.example" {
			t.Errorf("the spoilt mail was delivered")
		}
	}
	after, _ := h.store.AllOutbox()
	if after[0].State != OutboxFailed || !strings.Contains(after[0].LastError, "spoilt") {
		t.Errorf("spoilt mail: state %s, last error %q; want failed, naming the spoilt file", after[0].State, after[0].LastError)
	}
}

// TestOutboxFileWithoutCommit: a crash between writing a composed mail and
// the commit that names it leaves a file the next start removes; the
// files rows name stay.
func TestOutboxFileWithoutCommit(t *testing.T) {
	dir := t.TempDir()
	st, err := OpenStore(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	put := func(s string) string {
		sum, _, err := st.PutMail(func(w io.Writer) error { _, err := io.WriteString(w, s); return err })
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	named, orphan := put("Subject: queued\r\n\r\nx\r\n"), put("Subject: never committed\r\n\r\nx\r\n")
	err = st.QueueMail(&Outgoing{Kind: "admin", MessageID: "n1@intake.test", EnvFrom: "intake@example.test",
		Recipients: []string{"admin@example.test"}, Subject: "queued", File: named, Size: 24}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	st = reopenStore(t, st, dir)
	if _, err := os.Stat(st.filePath("outbox", orphan)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the file no commit named is still there after a restart (stat: %v)", err)
	}
	if got, err := st.ReadMail(named); err != nil || string(got) != "Subject: queued\r\n\r\nx\r\n" {
		t.Errorf("ReadMail(the queued mail) = %q, %v", got, err)
	}
}

// TestOutboxMovesOutOldMail: a store of an earlier version, with the mail
// in the outbox table, has it moved out into files at open: the mail
// reads the same, the table keeps none, a pruned row stays pruned.
func TestOutboxMovesOutOldMail(t *testing.T) {
	dir := t.TempDir()
	st, err := OpenStore(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	mail := "Subject: kept in the database\r\n\r\nx\r\n"
	for i, raw := range []string{mail, ""} {
		_, err := st.db.Exec(`INSERT INTO outbox (kind, message_id, env_from, recipients, subject, raw, file, size, state, next_at, created_at)
			VALUES ('admin', ?, 'intake@example.test', '["admin@example.test"]', 's', ?, NULL, NULL, 'pending', 0, 0)`, fmt.Sprintf("old%d@intake.test", i), []byte(raw))
		if err != nil {
			t.Fatal(err)
		}
	}
	st = reopenStore(t, st, dir)
	out, err := st.AllOutbox()
	if err != nil || len(out) != 2 {
		t.Fatalf("AllOutbox = %d rows, %v", len(out), err)
	}
	if got, err := st.ReadMail(out[0].File); err != nil || string(got) != mail || out[0].Size != int64(len(mail)) {
		t.Errorf("the old mail reads %q (%d bytes), %v; want %q", got, out[0].Size, err, mail)
	}
	if out[1].File != "" {
		t.Errorf("an empty (pruned) old mail got a file %q", out[1].File)
	}
	var inDB int64
	if err := st.db.QueryRow(`SELECT coalesce(sum(length(raw)), 0) FROM outbox`).Scan(&inDB); err != nil || inDB != 0 {
		t.Errorf("the outbox table holds %d bytes of mail after the move (%v)", inDB, err)
	}
}

// unnamedMail lists the files under outbox/ that no outbox row names.
func unnamedMail(t *testing.T, st *Store) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(filepath.Join(st.dir, "outbox"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		var n int
		if err := st.db.QueryRow(`SELECT count(*) FROM outbox WHERE file = ?`, strings.TrimSuffix(d.Name(), ".eml")).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			out = append(out, d.Name())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestOutboxDryRunLeavesNoFile: mail composed and never committed (a
// reprocess dry run that would forward) leaves no file in outbox/.
func TestOutboxDryRunLeavesNoFile(t *testing.T) {
	h := newHarness(t)
	body := strings.Replace(hwChangeFollowUp, "授权码：", "许可证编号：", 1)
	h.deliver(testMail("chen@hospital.example", "License硬件变更申请", "a@hospital.example", "", hwChangeIncomplete+body, licenseFile, newHostFile, letterScan))
	pr := h.poll().Processed[0]
	f := &h.cfg.Rules.Fields[slices.IndexFunc(h.cfg.Rules.Fields, func(f rules.Field) bool { return f.ID == "auth_code" })]
	f.Labels = append(f.Labels, "许可证编号")
	if probs := h.cfg.Rules.Compile(); len(probs) > 0 {
		t.Fatal(probs)
	}
	_, kinds, err := h.p.Reprocess(context.Background(), pr.CaseID, false, true)
	if err != nil || !slices.Equal(kinds, []string{"forward", "forwarded"}) {
		t.Fatalf("dry run = %v, %v; want the forward and the confirmation composed", kinds, err)
	}
	if left := unnamedMail(t, h.store); len(left) != 0 {
		t.Errorf("the dry run left %d files no row names: %v", len(left), left)
	}
}
