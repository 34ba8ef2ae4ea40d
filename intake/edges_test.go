package intake

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"intake/intake/imapbox/imaptest"
	"intake/mailer"
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

	logs := &imaptest.LockedBuffer{}
	st, err = OpenStore(dir, imaptest.Logger(logs))
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
	h.cfg.Health.NoticeWindow = 0 // a notice for each mail, not one per problem
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

// dsn writes a delivery status notification as Postfix does: a
// human-readable part, the delivery-status part and the returned mail's
// headers.
func dsn(returned []byte, action, status, diagnostic, rcpt string) string {
	head, _, _ := bytes.Cut(returned, []byte("\r\n\r\n"))
	id := sha256.Sum256([]byte(string(returned) + action + status))
	return "From: MAILER-DAEMON@relay.example (Mail Delivery System)\r\n" +
		"To: intake@example.test\r\nSubject: Undelivered Mail Returned to Sender\r\n" +
		"Date: Fri, 27 Nov 2026 09:10:00 +0000\r\nMessage-ID: <" + hex.EncodeToString(id[:8]) + "@relay.example>\r\n" +
		"Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/report; report-type=delivery-status; boundary=\"dsn\"\r\n\r\n" +
		"--dsn\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n" +
		"I'm sorry to have to inform you that your message could not\r\nbe delivered to one or more recipients.\r\n\r\n" +
		"--dsn\r\nContent-Type: message/delivery-status\r\n\r\n" +
		"Reporting-MTA: dns; relay.example\r\nArrival-Date: Fri, 27 Nov 2026 09:09:59 +0000\r\n\r\n" +
		"Final-Recipient: rfc822; " + rcpt + "\r\nOriginal-Recipient: rfc822;" + rcpt + "\r\n" +
		"Action: " + action + "\r\nStatus: " + status + "\r\nRemote-MTA: dns; mx.example\r\n" +
		"Diagnostic-Code: smtp; " + diagnostic + "\r\n\r\n" +
		"--dsn\r\nContent-Type: text/rfc822-headers\r\n\r\n" + string(head) + "\r\n\r\n--dsn--\r\n"
}

// TestPipelineBounceFailsItsCase: a forward the relay accepted but could not
// deliver comes back as a bounce; it is matched to the forward by our signed
// Message-ID, the forward and its case are marked failed with the status
// and the diagnostic, and the admin is told. A delay report changes
// nothing, and neither does a bounce naming a Message-ID we did not sign.
func TestPipelineBounceFailsItsCase(t *testing.T) {
	h := newHarness(t)
	h.deliver(testMail("陈晓东 <chen@hospital.example>", "License硬件变更申请", "req-1@hospital.example", "",
		hwChangeIncomplete+hwChangeFollowUp, licenseFile, newHostFile, letterScan))
	rep := h.poll()
	caseID := rep.Processed[0].CaseID
	var fwd *OutboxRow
	mails, _ := h.store.CaseOutbox(caseID)
	for _, o := range mails {
		if o.Kind == "forward" {
			fwd = o
		}
	}
	if fwd == nil || fwd.State != OutboxSent {
		t.Fatalf("case %s mail = %+v, want a sent forward", caseID, mails)
	}
	sentBefore := len(h.smtp.Messages())

	// A delay, and a forged Message-ID: nothing changes.
	fwdRaw := mustReadMail(t, h.store, fwd.File)
	h.deliver(dsn(fwdRaw, "delayed", "4.4.1", "connect to mx.example: Connection timed out", "nobody@example.test"))
	forged := bytes.Replace(fwdRaw, []byte(fwd.MessageID), []byte("LX-20261127-0001.forward.aaaaaaaa.bbbbbbbbbbbbbbbb@intake.example.test"), 1)
	h.deliver(dsn(forged, "failed", "5.1.1", "550 5.1.1 <nobody@example.test>: User unknown", "nobody@example.test"))
	h.poll()
	if c, _ := h.store.Case(caseID); c.State != StateForwarded {
		t.Fatalf("after a delay and a forged bounce, case %s is %s, want forwarded", caseID, c.State)
	}

	h.deliver(dsn(fwdRaw, "failed", "5.1.1", "550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown", "nobody@example.test"))
	h.poll()
	if c, _ := h.store.Case(caseID); c.State != StateFailed {
		t.Errorf("after the bounce, case %s is %s, want failed", caseID, c.State)
	}
	o, _ := h.store.OutboxByMessageID(fwd.MessageID)
	if o.State != OutboxFailed || !strings.Contains(o.LastError, "5.1.1") || !strings.Contains(o.LastError, "User unknown") {
		t.Errorf("forward after the bounce: state %s, last error %q; want failed with the status and diagnostic", o.State, o.LastError)
	}
	notices := h.sentSince(sentBefore)
	if len(notices) != 1 || !slices.Equal(notices[0].to, []string{"license-admin@example.test"}) ||
		!strings.Contains(notices[0].body, "Status: 5.1.1") || !strings.Contains(notices[0].body, caseID) {
		t.Errorf("after the bounce sent %v, want one admin notice with the status and the case", notices)
	}
	msgs, _ := h.store.CaseMessages(caseID)
	if last := msgs[len(msgs)-1]; last.Reason != "bounce" {
		t.Errorf("the bounce is not filed with case %s: last message %+v", caseID, last)
	}
}

// TestPipelineSentButNotRecorded: when the store cannot record a mail as
// sent (a full disk), nothing more goes out in that poll, where every later
// drain used to send the same mail again (and a sent forward started the
// drain over, without end); once the store takes writes, the one unrecorded
// mail goes again (the after-"." window) and nothing else twice.
func TestPipelineSentButNotRecorded(t *testing.T) {
	h := newHarness(t)
	if _, err := h.store.db.Exec(`CREATE TRIGGER full_disk BEFORE UPDATE OF state ON outbox WHEN NEW.state = 'sent'
		BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END`); err != nil {
		t.Fatal(err)
	}
	h.deliver(testMail("陈晓东 <chen@hospital.example>", "License硬件变更申请", "req-1@hospital.example", "",
		hwChangeIncomplete+hwChangeFollowUp, licenseFile, newHostFile, letterScan))
	h.deliver(testMail("li@school.example", "License找回", "c@school.example", "", "激活文件丢失，需要找回。客户局点名称：示例学校"))
	done := make(chan *Report, 1)
	go func() { done <- h.p.Poll(context.Background()) }()
	select {
	case rep := <-done:
		if rep.Err() == nil {
			t.Error("Poll() with sends that cannot be recorded = no error")
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("Poll() did not end; %d mails sent so far", len(h.smtp.Messages()))
	}
	if n := len(h.smtp.Messages()); n != 1 {
		t.Errorf("%d mails went out while none could be recorded, want 1", n)
	}
	if _, err := h.store.db.Exec(`DROP TRIGGER full_disk`); err != nil {
		t.Fatal(err)
	}
	h.poll()
	h.poll()
	copies := map[string]int{}
	for _, m := range h.sentSince(0) {
		copies[m.header.Get("Message-Id")]++
	}
	dups := 0
	for _, n := range copies {
		dups += n - 1
	}
	if dups != 1 || len(copies) != 3 {
		t.Errorf("sent %d distinct mails with %d repeats, want 3 (the forward, the confirmation, the request reply), the one unrecorded sent twice: %v", len(copies), dups, copies)
	}
}
