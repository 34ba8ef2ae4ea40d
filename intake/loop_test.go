package intake

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"intake/intake/imapbox"
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
	if got := h.imap.Inspect(t, "INBOX"); len(got) != 1 {
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
	if got := h.imap.Inspect(t, "INBOX"); len(got) != 0 {
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
	free := h.blockRaw(raw)
	for i := 0; i < 3; i++ {
		h.p.Poll(context.Background())
		h.now = h.now.Add(5 * time.Hour)
	}
	if got := h.imap.Inspect(t, "Intake/Failed"); len(got) != 1 {
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

	// The cause is mended; reprocess takes the mail again.
	free()
	given, _ := h.store.Quarantined()
	if len(given) != 1 {
		t.Fatalf("quarantined = %v, want the mail given up", given)
	}
	if err := h.p.ReprocessMail(context.Background(), given[0].ID); err != nil {
		t.Fatalf("ReprocessMail: %v", err)
	}
	if got := h.imap.Inspect(t, "INBOX"); len(got) != 1 {
		t.Fatalf("INBOX holds %d after ReprocessMail, want the mail back", len(got))
	}
	rep := h.poll()
	if len(rep.Processed) != 1 || rep.Processed[0].Decision.Action != rules.ActionRequest {
		t.Fatalf("poll after reprocess processed %+v, want the mail answered", rep.Processed)
	}
	if got := h.sentSince(1); len(got) != 1 || got[0].to[0] != "chen@hospital.example" {
		t.Errorf("after reprocess %d mails sent, want the reply to the customer", len(got))
	}
	out.Reset()
	WriteFailed(&out, h.store)
	if !strings.Contains(out.String(), "no failed mail") {
		t.Errorf("intake failed after reprocessing:\n%s", out.String())
	}
	if err := h.p.ReprocessMail(context.Background(), given[0].ID); err == nil {
		t.Error("ReprocessMail of a mail already taken again = nil error")
	}
}

// TestPollRetriesAMailItCannotReadBack: a mail whose stored raw copy is
// spoilt between storing and parsing (made unreadable, or its bytes
// changed) while a later mail of the same poll succeeds is retried with
// backoff, the checkpoint stopping before it; after max_tries it is filed
// in the failed folder with its reason and the admin told once.
func TestPollRetriesAMailItCannotReadBack(t *testing.T) {
	tests := []struct {
		name   string
		spoil  func(t *testing.T, path string)
		reason string // in the failure and the admin's notice
	}{
		{"unreadable", func(t *testing.T, path string) {
			// The store follows no symlink: the copy cannot be opened.
			if err := os.Rename(path, path+".moved"); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(filepath.Base(path)+".moved", path); err != nil {
				t.Fatal(err)
			}
		}, "opening raw message"},
		{"corrupted", func(t *testing.T, path string) {
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if _, err := f.WriteAt([]byte("Subject: License找回\r\n\r\n"), 0); err != nil {
				t.Fatal(err)
			}
		}, "does not match"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.cfg.Mailbox.MaxTries = 3
			first := testMail("chen@hospital.example", "License硬件变更申请", "spoilt-1@hospital.example", "", hwChangeIncomplete, licenseFile)
			second := testMail("li@clinic.example", "License硬件变更申请", "ok-2@clinic.example", "", hwChangeIncomplete, licenseFile)
			h.deliver(first)
			h.deliver(second)
			sum := sha256.Sum256([]byte(first))
			path := h.store.rawPath(hex.EncodeToString(sum[:]))
			h.p.crash = func(step string) {
				if fi, err := os.Lstat(path); step == "after_fetch" && err == nil && fi.Mode().IsRegular() {
					if b, _ := os.ReadFile(path); string(b) == first {
						tt.spoil(t, path)
					}
				}
			}

			rep := h.p.Poll(context.Background())
			if rep.Err() == nil || !strings.Contains(rep.Err().Error(), tt.reason) {
				t.Errorf("Poll error = %v, want one saying %q", rep.Err(), tt.reason)
			}
			if len(rep.Processed) != 1 || rep.Processed[0].From != "li@clinic.example" {
				t.Fatalf("first poll processed %+v, want the second mail only", rep.Processed)
			}
			if last, _, err := h.store.Checkpoint(mailboxKey(h.cfg), h.imapUIDValidity()); err != nil || last != 0 {
				t.Errorf("checkpoint = %d, %v; want 0 (uid 1 is not done)", last, err)
			}
			fs, _ := h.store.Failures()
			if len(fs) != 1 || fs[0].UID != 1 || fs[0].Tries != 1 || !strings.Contains(fs[0].LastError, tt.reason) {
				t.Fatalf("failures = %+v, want uid 1 with one try and %q", fs, tt.reason)
			}
			if got := h.imap.Inspect(t, "INBOX"); len(got) != 1 {
				t.Fatalf("INBOX holds %d messages after the first poll, want the spoilt one", len(got))
			}

			// Before its backoff it waits; then two more tries fail.
			h.p.Poll(context.Background())
			if fs, _ := h.store.Failures(); len(fs) != 1 || fs[0].Tries != 1 {
				t.Errorf("failures before the backoff ended = %+v, want still one try", fs)
			}
			for range 2 {
				h.now = h.now.Add(5 * time.Hour)
				h.p.Poll(context.Background())
			}
			if got := h.imap.Inspect(t, "Intake/Failed"); len(got) != 1 {
				t.Fatalf("Intake/Failed holds %d messages after 3 tries, want 1", len(got))
			}
			if got := h.imap.Inspect(t, "INBOX"); len(got) != 0 {
				t.Errorf("INBOX still holds %d messages", len(got))
			}
			if last, _, _ := h.store.Checkpoint(mailboxKey(h.cfg), h.imapUIDValidity()); last < 1 {
				t.Errorf("checkpoint = %d after giving up, want past uid 1", last)
			}
			h.now = h.now.Add(5 * time.Hour)
			h.p.Poll(context.Background())
			var notices []*sentMail
			for _, m := range h.sentSince(0) {
				if m.to[0] == h.cfg.SMTP.Admin {
					notices = append(notices, m)
				}
			}
			if len(notices) != 1 || !strings.Contains(notices[0].body, "3 times") || !strings.Contains(notices[0].body, tt.reason) {
				t.Fatalf("%d admin notices, want one saying 3 tries and %q", len(notices), tt.reason)
			}
			var out strings.Builder
			if err := WriteFailed(&out, h.store); err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"uid 1", ReasonProcessingFailed, tt.reason} {
				if !strings.Contains(out.String(), want) {
					t.Errorf("WriteFailed lacks %q:\n%s", want, out.String())
				}
			}
		})
	}
}

func sameRawFolder(a, b string) bool {
	sa, sb := sha256.Sum256([]byte(a)), sha256.Sum256([]byte(b))
	return sa[0] == sb[0]
}

// imapUIDValidity is the UIDVALIDITY of the test server's INBOX.
func (h *harness) imapUIDValidity() uint32 {
	h.t.Helper()
	mb, err := imapbox.Dial(context.Background(), h.cfg.Mailbox, nil, h.p.log)
	if err != nil {
		h.t.Fatal(err)
	}
	defer mb.Close()
	return mb.UIDValidity()
}

// faultProxy stands between intake and the test IMAP server and misbehaves
// on demand: it stops passing the server's answers once the client sent a
// command holding stallOn, or it shrinks every RFC822.SIZE it passes (a
// server that announces less than it sends).
type faultProxy struct {
	host    string
	port    int
	stallOn atomic.Pointer[string]
	// trickle, when not 0, makes a stall slow instead: the server's
	// answers go on, a line every trickle.
	trickle atomic.Int64
	shrink  atomic.Bool
	stalled chan struct{} // closed when the first stall begins
	once    sync.Once
}

func startFaultProxy(t testing.TB, target string) *faultProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	fp := &faultProxy{stalled: make(chan struct{})}
	fp.host, fp.port = splitHostPort(t, ln.Addr().String())
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go fp.serve(c, target)
		}
	}()
	return fp
}

func (fp *faultProxy) stall(on string) { fp.stallOn.Store(&on) }

var sizeItem = regexp.MustCompile(`RFC822\.SIZE \d+`)

func (fp *faultProxy) serve(client net.Conn, target string) {
	defer client.Close()
	server, err := net.Dial("tcp", target)
	if err != nil {
		return
	}
	defer server.Close()
	var stalled atomic.Bool
	go func() {
		defer client.Close()
		defer server.Close()
		r := bufio.NewReader(client)
		for {
			line, err := r.ReadString('\n')
			if on := fp.stallOn.Load(); on != nil && *on != "" && strings.Contains(line, *on) {
				stalled.Store(true)
				fp.once.Do(func() { close(fp.stalled) })
			}
			if _, werr := server.Write([]byte(line)); werr != nil || err != nil {
				return
			}
		}
	}()
	r := bufio.NewReader(server)
	for {
		line, err := r.ReadString('\n')
		if d := time.Duration(fp.trickle.Load()); stalled.Load() && d > 0 {
			time.Sleep(d)
			if _, werr := client.Write([]byte(line)); werr != nil {
				return
			}
		} else if !stalled.Load() {
			if fp.shrink.Load() {
				line = sizeItem.ReplaceAllString(line, "RFC822.SIZE 100")
			}
			if _, werr := client.Write([]byte(line)); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// throughProxy points the harness's mailbox at a fault proxy.
func (h *harness) throughProxy() *faultProxy {
	h.t.Helper()
	fp := startFaultProxy(h.t, net.JoinHostPort(h.imap.Host, h.imap.Port))
	h.cfg.Mailbox.Host, h.cfg.Mailbox.Port = fp.host, fp.port
	return fp
}

// pollWithin runs one poll and fails the test when it takes longer than d.
func (h *harness) pollWithin(d time.Duration) *Report {
	h.t.Helper()
	done := make(chan *Report, 1)
	start := time.Now()
	go func() { done <- h.p.Poll(context.Background()) }()
	select {
	case rep := <-done:
		h.t.Logf("poll took %v", time.Since(start).Round(time.Millisecond))
		return rep
	case <-time.After(d):
		h.t.Fatalf("Poll still running after %v", d)
		return nil
	}
}

// TestPollStalledFetch: a server that stops answering after the FETCH
// command does not hold the poll: the fetch is given up after the idle
// timeout, the mail counts one failed try and stays in the mailbox, and the
// next poll, with the server well again, processes it and the mail behind
// it.
func TestPollStalledFetch(t *testing.T) {
	h := newHarness(t)
	h.cfg.Mailbox.Timeout = Duration(300 * time.Millisecond)
	fp := h.throughProxy()
	h.deliver(testMail("chen@hospital.example", "License硬件变更申请", "a@hospital.example", "", hwChangeIncomplete, licenseFile))
	h.deliver(testMail("li@clinic.example", "License硬件变更申请", "b@clinic.example", "", hwChangeIncomplete, licenseFile))
	fp.stall("BODY.PEEK[]")

	rep := h.pollWithin(10 * time.Second)
	if err := rep.Err(); err == nil || !errors.Is(err, imapbox.ErrStalled) {
		t.Errorf("poll of a stalled server: err = %v, want ErrStalled", err)
	}
	if len(rep.Processed) != 0 {
		t.Errorf("processed %+v from a stalled server", rep.Processed)
	}
	fs, _ := h.store.Failures()
	if len(fs) != 1 || fs[0].UID != 1 || fs[0].Tries != 1 {
		t.Errorf("failures = %+v, want uid 1 with one try", fs)
	}

	fp.stall("")
	h.now = h.now.Add(2 * time.Minute)
	rep = h.pollWithin(10 * time.Second)
	if len(rep.Processed) != 2 || rep.Err() != nil {
		t.Fatalf("poll after the stall processed %d, err %v; want both mails", len(rep.Processed), rep.Err())
	}
	if got := h.imap.Inspect(t, "INBOX"); len(got) != 0 {
		t.Errorf("INBOX holds %d messages, want 0", len(got))
	}
}

// TestPollSizeLie: a literal larger than the RFC822.SIZE announced (plus a
// margin) is not read: the mail is quarantined with the reason, the admin
// told, the mail filed in the failed folder, and the mail behind it is
// processed.
func TestPollSizeLie(t *testing.T) {
	h := newHarness(t)
	fp := h.throughProxy()
	big := hwChangeIncomplete + strings.Repeat("附件说明 padding line for size\n", 4000) // ~150 KB
	h.deliver(testMail("chen@hospital.example", "License硬件变更申请", "big@hospital.example", "", big, licenseFile))
	h.deliver(testMail("li@clinic.example", "License硬件变更申请", "b@clinic.example", "", hwChangeIncomplete, licenseFile))
	fp.shrink.Store(true)

	rep := h.pollWithin(10 * time.Second)
	if len(rep.Processed) != 1 || rep.Processed[0].Decision.Reason != ProblemSizeMismatch {
		t.Fatalf("processed %+v, want the big mail quarantined as %s", rep.Processed, ProblemSizeMismatch)
	}
	var lie *imapbox.SizeMismatchError
	if !errors.As(rep.Err(), &lie) || lie.Announced != 100 {
		t.Errorf("poll err = %v, want a SizeMismatchError announcing 100", rep.Err())
	}
	fp.shrink.Store(false)
	rep = h.pollWithin(10 * time.Second)
	if len(rep.Processed) != 1 || rep.Processed[0].From != "li@clinic.example" {
		t.Errorf("next poll processed %+v, want the second mail", rep.Processed)
	}
	if got := h.imap.Inspect(t, "Intake/Failed"); len(got) != 1 {
		t.Errorf("Intake/Failed holds %d, want the big mail", len(got))
	}
	var notices int
	for _, s := range h.sentSince(0) {
		if s.to[0] == h.cfg.SMTP.Admin && strings.Contains(s.body, ProblemSizeMismatch) {
			notices++
		}
	}
	if notices != 1 {
		t.Errorf("%d admin notices naming %s, want 1", notices, ProblemSizeMismatch)
	}
}

// TestDaemonStopsDuringStalledFetch: SIGTERM while a FETCH is stalled stops
// the daemon within stop_timeout; the mail is abandoned without counting a
// try, and stays in the mailbox for the next run.
func TestDaemonStopsDuringStalledFetch(t *testing.T) {
	h := newHarness(t)
	h.p.Now = time.Now
	h.cfg.Mailbox.Timeout = Duration(time.Minute)
	h.cfg.StopTimeout = Duration(500 * time.Millisecond)
	h.cfg.Schedule = "@every 1h"
	fp := h.throughProxy()
	fp.stall("BODY.PEEK[]")
	h.deliver(testMail("chen@hospital.example", "License硬件变更申请", "a@hospital.example", "", hwChangeIncomplete, licenseFile))

	d := &Daemon{Pipeline: h.p, Log: h.p.log}
	done := make(chan error, 1)
	go func() { done <- d.Run(context.Background()) }()
	select {
	case <-fp.stalled:
	case <-time.After(10 * time.Second):
		t.Fatal("the daemon never fetched")
	}
	time.Sleep(100 * time.Millisecond)
	start := time.Now()
	syscall.Kill(syscall.Getpid(), syscall.SIGTERM)
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v", err)
		}
		if took := time.Since(start); took > 3*time.Second {
			t.Errorf("the daemon took %v to stop, stop_timeout is 500ms", took)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the daemon did not stop within 10s of SIGTERM during a stalled fetch")
	}
	if fs, _ := h.store.Failures(); len(fs) != 0 {
		t.Errorf("failures = %+v, want none: a try cut short by a stop does not count", fs)
	}
	if got := h.imap.Inspect(t, "INBOX"); len(got) != 1 {
		t.Errorf("INBOX holds %d, want the abandoned mail", len(got))
	}
}

// TestStopWaitsOnlyForProgress: after a stop, the mail in hand is
// finished while its fetch keeps bringing bytes, even past the idle bound
// (a tenth of stop_timeout), and abandoned soon after its fetch stalls,
// long before stop_timeout.
func TestStopWaitsOnlyForProgress(t *testing.T) {
	tests := []struct {
		name      string
		trickle   time.Duration // 0: the server stalls
		processed int
		within    time.Duration // from the stop to the end of the poll
	}{
		{"slow but progressing", 100 * time.Millisecond, 1, 8 * time.Second},
		{"stalled", 0, 0, 3 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.cfg.Mailbox.Timeout = Duration(time.Minute)
			h.cfg.StopTimeout = Duration(10 * time.Second) // idle bound 1s
			fp := h.throughProxy()
			fp.trickle.Store(int64(tt.trickle))
			fp.stall("BODY.PEEK[]")
			h.deliver(testMail("chen@hospital.example", "License硬件变更申请", "a@hospital.example", "", hwChangeIncomplete, licenseFile))

			ctx, stop := context.WithCancel(context.Background())
			defer stop()
			done := make(chan *Report, 1)
			go func() { done <- h.p.Poll(ctx) }()
			select {
			case <-fp.stalled:
			case <-time.After(10 * time.Second):
				t.Fatal("the poll never fetched")
			}
			time.Sleep(100 * time.Millisecond)
			start := time.Now()
			stop()
			var rep *Report
			select {
			case rep = <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("the poll did not end within 20s of the stop")
			}
			took := time.Since(start)
			t.Logf("poll ended %v after the stop", took.Round(time.Millisecond))
			if took > tt.within {
				t.Errorf("poll ended %v after the stop, want within %v", took.Round(time.Millisecond), tt.within)
			}
			if len(rep.Processed) != tt.processed {
				t.Errorf("processed %d mails after the stop, want %d (err %v)", len(rep.Processed), tt.processed, rep.Err())
			}
			if tt.trickle > 0 && took < time.Second {
				t.Errorf("poll ended %v after the stop: the slow fetch cannot have outlived the idle bound", took)
			}
			if fs, _ := h.store.Failures(); len(fs) != 0 {
				t.Errorf("failures = %+v, want none: a try cut short by a stop does not count", fs)
			}
		})
	}
}

// TestForwardConfirmedOnlyWhenAccepted: the customer's "complete,
// forwarded" reply waits while the forward is deferred (4xx) and goes only
// after the forward was accepted; when the forward is refused for good (5xx)
// the admin is told and the customer gets "received, in hand" instead.
func TestForwardConfirmedOnlyWhenAccepted(t *testing.T) {
	complete := func(id string) string {
		return testMail("chen@hospital.example", "License硬件变更申请", id, "", hwChangeIncomplete+hwChangeFollowUp, licenseFile, newHostFile, letterScan)
	}
	engineers := "license-engineers@example.test"
	kinds := func(h *harness, from int) []string {
		var out []string
		for _, s := range h.sentSince(from) {
			switch {
			case s.to[0] == engineers:
				out = append(out, "forward")
			case s.to[0] == h.cfg.SMTP.Admin:
				out = append(out, "admin")
			case strings.Contains(s.body, "forwarded to the engineers"):
				out = append(out, "forwarded")
			case strings.Contains(s.body, "is in hand"):
				out = append(out, "received")
			default:
				out = append(out, "other")
			}
		}
		return out
	}

	t.Run("deferred then accepted", func(t *testing.T) {
		h := newHarness(t)
		h.smtp.RejectRcpt(engineers, 451)
		h.deliver(complete("c1@hospital.example"))
		h.p.Poll(context.Background())
		if got := kinds(h, 0); len(got) != 0 {
			t.Fatalf("while the forward is deferred the server got %v, want nothing", got)
		}
		h.smtp.RejectRcpt(engineers, 0)
		h.now = h.now.Add(time.Hour)
		h.poll()
		if got := kinds(h, 0); !slices.Equal(got, []string{"forward", "forwarded"}) {
			t.Errorf("after the forward was accepted the server got %v, want [forward forwarded]", got)
		}
	})
	t.Run("refused", func(t *testing.T) {
		h := newHarness(t)
		h.smtp.RejectRcpt(engineers, 550)
		h.deliver(complete("c2@hospital.example"))
		rep := h.p.Poll(context.Background())
		got := kinds(h, 0)
		slices.Sort(got)
		if !slices.Equal(got, []string{"admin", "received"}) {
			t.Fatalf("after the forward was refused the server got %v, want the admin notice and the received reply", got)
		}
		for _, s := range h.sentSince(0) {
			if s.to[0] == h.cfg.SMTP.Admin && !strings.Contains(s.body, "received, in hand") {
				t.Errorf("admin notice does not say what the customer got:\n%s", s.body)
			}
		}
		if c, _ := h.store.Case(rep.Processed[0].CaseID); c == nil || c.State != StateFailed {
			t.Errorf("case = %+v, want failed", c)
		}
		h.now = h.now.Add(time.Hour)
		h.p.Poll(context.Background())
		if n := len(h.smtp.Messages()); n != 2 {
			t.Errorf("%d mails in all after a further poll, want 2", n)
		}
	})
}

// TestDuplicateNeedsMoreThanMessageID: two different mails that carry the
// same Message-ID are both answered; a copy of a mail delivered again with
// another trace header (same Message-ID, sender and Date) is a duplicate.
func TestDuplicateNeedsMoreThanMessageID(t *testing.T) {
	h := newHarness(t)
	first := testMail("chen@hospital.example", "License硬件变更申请", "same@mailer.example", "", hwChangeIncomplete, licenseFile)
	h.deliver(first)
	h.deliver(testMail("li@clinic.example", "License硬件变更申请", "same@mailer.example", "", hwChangeIncomplete, licenseFile))
	h.deliver("Received: from relay2.example by mx.example; Fri, 27 Nov 2026 08:05:00 +0800\r\n" + first)
	rep := h.poll()
	if len(rep.Processed) != 3 {
		t.Fatalf("processed %d, want 3", len(rep.Processed))
	}
	if p := rep.Processed[1]; p.Duplicate || p.CaseID == "" || p.CaseID == rep.Processed[0].CaseID {
		t.Errorf("second sender's mail with the same Message-ID: %+v, want its own case", p)
	}
	if p := rep.Processed[2]; !p.Duplicate {
		t.Errorf("the copy with another Received header: %+v, want a duplicate", p)
	}
	var to []string
	for _, s := range h.sentSince(0) {
		to = append(to, s.to...)
	}
	slices.Sort(to)
	if !slices.Equal(to, []string{"chen@hospital.example", "li@clinic.example"}) {
		t.Errorf("replies went to %v, want one to each sender", to)
	}
}

// TestAdminNoticeOncePerProblem: many unreadable mails make one admin
// notice per notice_window, not one each; the next notice after the window
// counts those held back.
func TestAdminNoticeOncePerProblem(t *testing.T) {
	h := newHarness(t)
	deep := "From: a@example.com\r\nSubject: deep\r\nMessage-ID: <deep-%d@example.com>\r\nContent-Type: multipart/mixed; boundary=\"x0\"\r\n\r\n"
	for i := 0; i < 100; i++ {
		deep += fmt.Sprintf("--x%d\r\nContent-Type: multipart/mixed; boundary=\"x%d\"\r\n\r\n", i, i+1)
	}
	for i := 0; i < 20; i++ {
		h.deliver(fmt.Sprintf(deep, i))
	}
	rep := h.poll()
	if len(rep.Processed) != 20 {
		t.Fatalf("processed %d, want 20", len(rep.Processed))
	}
	if n := len(h.smtp.Messages()); n != 1 {
		t.Errorf("20 unreadable mails made %d admin notices, want 1", n)
	}
	h.now = h.now.Add(time.Duration(h.cfg.Health.NoticeWindow) + time.Minute)
	h.deliver(fmt.Sprintf(deep, 20))
	h.poll()
	sent := h.sentSince(1)
	if len(sent) != 1 || !strings.Contains(sent[0].body, "19 more notice(s) of this kind") {
		t.Errorf("after the window: %d notices; want one counting the 19 held back", len(sent))
	}
}

// TestHealth: /healthz's checks say what is wrong: no poll yet, no poll for
// longer than max_poll_age, mail stuck in the outbox, a store that cannot
// be written.
func TestHealth(t *testing.T) {
	h := newHarness(t)
	if err := h.p.Health(h.now); err == nil || !strings.Contains(err.Error(), "no poll") {
		t.Errorf("Health before any poll = %v, want no poll yet", err)
	}
	h.poll()
	if err := h.p.Health(h.now); err != nil {
		t.Errorf("Health after a poll = %v, want nil", err)
	}
	if err := h.p.Health(h.now.Add(time.Duration(h.cfg.Health.MaxPollAge) + time.Minute)); err == nil || !strings.Contains(err.Error(), "max_poll_age") {
		t.Errorf("Health long after the last poll = %v, want max_poll_age", err)
	}

	h.smtp.FailNext(451, 100)
	h.deliver(testMail("chen@hospital.example", "License硬件变更申请", "h1@hospital.example", "", hwChangeIncomplete, licenseFile))
	h.p.Poll(context.Background())
	later := h.now.Add(time.Duration(h.cfg.Health.MaxOutboxAge) + time.Minute)
	h.p.alive.Store(later.Unix())
	if err := h.p.Health(later); err == nil || !strings.Contains(err.Error(), "waiting in the outbox") {
		t.Errorf("Health with a reply stuck for over max_outbox_age = %v, want the outbox named", err)
	}

	h.smtp.FailNext(0, 0)
	h.now = later
	h.poll()
	raw := filepath.Join(h.cfg.DataDir, "raw")
	if err := os.Rename(raw, raw+".away"); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(raw, nil, 0o600) // raw/ is now a file: nothing can be written under it
	if err := h.p.Health(h.now); err == nil || !strings.Contains(err.Error(), "cannot be written") {
		t.Errorf("Health with an unwritable store = %v, want it named", err)
	}
}
