package intake

import (
	"bytes"
	"context"
	"intake/mailer"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestPipelineForwardNamesEngineersCanTrust: files named as Windows devices
// or with a right-to-left override reach the engineers under safe names,
// and the summary says what each was sent as.
func TestPipelineForwardNamesEngineersCanTrust(t *testing.T) {
	h := newHarness(t)
	lic := testFile{"CON.lic", licenseFile.ctype, licenseFile.data}
	host := testFile{"新服务器主机信息\u202Efdp.txt", newHostFile.ctype, newHostFile.data}
	h.deliver(testMail("陈晓东 <chen@hospital.example>", "License硬件变更申请", "req-1@hospital.example", "",
		hwChangeIncomplete+hwChangeFollowUp, lic, host, letterScan))
	h.poll()
	var fwd *sentMail
	for _, s := range h.sentSince(0) {
		if slices.Contains(s.to, "license-engineers@example.test") {
			fwd = s
		}
	}
	if fwd == nil {
		t.Fatalf("no forward sent; log:\n%s", h.log)
	}
	for _, want := range []string{"_CON.lic", "新服务器主机信息fdp.txt", "承诺书(盖章).pdf"} {
		if _, ok := fwd.files[want]; !ok {
			t.Errorf("forward attachments = %q, want %q", keys(fwd.files), want)
		}
	}
	for _, want := range []string{`_CON.lic (sent as "CON.lic")`, `新服务器主机信息fdp.txt (sent as "新服务器主机信息\u202efdp.txt")`} {
		if !strings.Contains(fwd.body, want) {
			t.Errorf("forward summary lacks %s:\n%s", want, fwd.body)
		}
	}
	if strings.ContainsRune(fwd.body, '\u202E') {
		t.Errorf("forward summary carries the override character itself:\n%s", fwd.body)
	}
}

// TestOpenStoreTightensDataDir: a data directory left open to others (by
// an older intake, a restore, a careless chmod) is closed to them on start,
// the log says so, and what SQLite writes afterwards is closed too.
func TestOpenStoreTightensDataDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	st, err := OpenStore(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.PutRaw(strings.NewReader("Subject: x\r\n\r\nx\r\n")); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Secret(); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if d.IsDir() {
			return os.Chmod(path, 0o755)
		}
		return os.Chmod(path, 0o644)
	}); err != nil {
		t.Fatal(err)
	}
	// An interrupted fetch left its temporary file.
	if err := os.WriteFile(filepath.Join(dir, "raw", incomingPrefix+"123"), []byte("half a mail"), 0o644); err != nil {
		t.Fatal(err)
	}

	logs := &lockedBuffer{}
	st, err = OpenStore(dir, bufferLogger(logs))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.NextCaseID("LX", time.Now()); err != nil { // a write: the WAL grows
		t.Fatal(err)
	}
	n := 0
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		info, _ := d.Info()
		want := fs.FileMode(0o600)
		if d.IsDir() {
			want = 0o700
		}
		if info.Mode().Perm() != want {
			t.Errorf("%s has mode %04o, want %04o", path, info.Mode().Perm(), want)
		}
		if strings.HasPrefix(d.Name(), incomingPrefix) {
			t.Errorf("%s of an interrupted fetch is still there", path)
		}
		n++
		return nil
	})
	if n < 6 {
		t.Errorf("walked %d entries, want the database, its WAL, the lock and a raw mail", n)
	}
	for _, want := range []string{"modes tightened", "intake.db 0644→0600", "interrupted fetches"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logs)
		}
	}
}

// TestOpenStoreRefusesSymlinks: a symbolic link under the data directory
// (a raw mail pointing at a file of the system's) is refused, not followed.
func TestOpenStoreRefusesSymlinks(t *testing.T) {
	for _, name := range []string{"lock", "intake.db", "raw/ab/ab12.eml", "raw/cd"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			target := filepath.Join(t.TempDir(), "victim")
			if err := os.WriteFile(target, []byte("keep me"), 0o644); err != nil {
				t.Fatal(err)
			}
			link := filepath.Join(dir, name)
			os.MkdirAll(filepath.Dir(link), 0o700)
			if err := os.Symlink(target, link); err != nil {
				t.Fatal(err)
			}
			st, err := OpenStore(dir, nil)
			if err == nil {
				st.Close()
				t.Fatalf("OpenStore with %s a symbolic link = nil error", name)
			}
			if info, _ := os.Stat(target); info.Mode().Perm() != 0o644 {
				t.Errorf("the link's target was changed to %04o", info.Mode().Perm())
			}
		})
	}
}

// TestPipelineSMTPMisconfigured: a username configured for a relay without
// AUTH fails the poll at once with the reason, costs the mail no try, fails
// no case and queues no notice; fixed, the same mail goes out.
func TestPipelineSMTPMisconfigured(t *testing.T) {
	h := newHarness(t)
	opts, _ := h.cfg.SMTP.Options(nil)
	opts.Auth, opts.Username, opts.Password = "plain", "intake", "s3cret"
	bad, err := mailer.NewSender(opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	good := h.p.send
	h.p.send = bad
	h.deliver(testMail("chen@hospital.example", "License硬件变更申请", "a@hospital.example", "", hwChangeIncomplete, licenseFile))
	rep := h.p.Poll(context.Background())
	if err := rep.Err(); err == nil || !strings.Contains(err.Error(), "offers no AUTH") {
		t.Fatalf("Poll() error = %v, want one saying the server offers no AUTH", err)
	}
	out, _ := h.store.AllOutbox()
	if len(out) != 1 || out[0].State != OutboxPending || out[0].Attempts != 0 || !strings.Contains(out[0].LastError, "offers no AUTH") {
		t.Fatalf("outbox = %+v, want the reply pending, no attempt counted, the reason kept", out)
	}
	if c, _ := h.store.Case(out[0].CaseID); c.State == StateFailed {
		t.Errorf("case %s failed for a misconfigured server", c.ID)
	}
	h.p.send = good
	h.poll()
	if n := len(h.smtp.Messages()); n != 1 {
		t.Errorf("after the fix %d mails went out, want the reply", n)
	}
}

// TestPipelineTooLargeNamedAndAnswered: a mail too large to fetch is named
// in the admin notice by UID, sender and subject from the server's
// envelope, and its sender is told, in both languages, that it was too
// large to read; a no-reply sender is not.
func TestPipelineTooLargeNamedAndAnswered(t *testing.T) {
	h := newHarness(t)
	h.cfg.Limits.MaxMessageBytes = 4 << 10
	big := testFile{"big.bin", "application/octet-stream", bytes.Repeat([]byte("x"), 8<<10)}
	h.deliver(testMail("陈晓东 <chen@hospital.example>", "License硬件变更申请", "big@hospital.example", "", hwChangeIncomplete, big))
	h.deliver(testMail("no-reply@portal.example", "Your export", "big2@portal.example", "", "see attached", big))
	h.poll()
	var notices, replies []*sentMail
	for _, s := range h.sentSince(0) {
		switch {
		case slices.Contains(s.to, "license-admin@example.test"):
			notices = append(notices, s)
		default:
			replies = append(replies, s)
		}
	}
	if len(notices) != 2 {
		t.Fatalf("%d admin notices, want 2", len(notices))
	}
	for _, want := range []string{"UID: 1 in INBOX", "From: chen@hospital.example", "Subject: License硬件变更申请", "Message-ID: <big@hospital.example>", "The sender was told"} {
		if !strings.Contains(notices[0].body, want) {
			t.Errorf("admin notice lacks %q:\n%s", want, notices[0].body)
		}
	}
	if !strings.Contains(notices[1].body, "No reply was sent") {
		t.Errorf("notice about the no-reply sender's mail:\n%s", notices[1].body)
	}
	if len(replies) != 1 || !slices.Equal(replies[0].to, []string{"chen@hospital.example"}) {
		t.Fatalf("replies %v, want one to chen@hospital.example", replies)
	}
	r := replies[0]
	for _, want := range []string{"陈晓东", "超过了我们能够读取的大小上限（4KiB）", "larger than we can read (4KiB)"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("too-large reply lacks %q:\n%s", want, r.body)
		}
	}
	if r.subject() != "Re: License硬件变更申请" || r.header.Get("In-Reply-To") != "<big@hospital.example>" || r.header.Get("Auto-Submitted") != "auto-replied" {
		t.Errorf("too-large reply subject %q, In-Reply-To %q, Auto-Submitted %q", r.subject(), r.header.Get("In-Reply-To"), r.header.Get("Auto-Submitted"))
	}
}
