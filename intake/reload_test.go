package intake

import (
	"context"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"intake/mailer"
	"intake/mailer/mailertest"
)

// TestDaemonReload: SIGHUP puts the whole new config to use: mail goes to
// the new SMTP server, the new schedule runs, /healthz moves to the new
// address and the next poll files mail in the new folders. A reload that
// changes data_dir is refused whole, with the reason in the log.
func TestDaemonReload(t *testing.T) {
	h := newHarness(t)
	h.p.Now = time.Now
	h.cfg.Schedule = "@every 1h" // after the first poll, none for an hour
	h.cfg.Listen = "127.0.0.1:0"

	second, err := mailertest.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	next := *h.cfg
	next.SMTP.Host, next.SMTP.Port = splitHostPort(t, second.Addr())
	next.Schedule = "@every 1s"
	next.Listen = freeAddr(t)
	next.Mailbox.Folders.Waiting = "Requests/Waiting"
	var reloaded atomic.Pointer[Config] // handed to the daemon's goroutine
	reloaded.Store(&next)

	d := &Daemon{Pipeline: h.p, Log: h.p.log,
		Reload: func() (*Config, error) { return reloaded.Load(), nil },
		NewSender: func(cfg *Config) (Sender, error) {
			opts, err := cfg.SMTP.Options(nil)
			if err != nil {
				return nil, err
			}
			return mailer.NewSender(opts, h.p.log)
		}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx) }()
	defer func() {
		cancel()
		<-done
	}()
	waitFor(t, "the first poll", func() bool { return h.p.alive.Load() > 0 })
	oldAddr := d.httpAddr()

	syscall.Kill(syscall.Getpid(), syscall.SIGHUP)
	waitFor(t, "the reload", func() bool { return h.p.Config() == &next })
	h.deliver(testMail("chen@hospital.example", "License硬件变更申请", "r1@hospital.example", "", hwChangeIncomplete, licenseFile))
	if err := second.Wait(1, 10*time.Second); err != nil {
		t.Fatalf("no reply through the new SMTP server on the new schedule: %v", err)
	}
	if n := len(h.smtp.Messages()); n != 0 {
		t.Errorf("the old SMTP server got %d mails after the reload", n)
	}
	waitFor(t, "the mail filed in the new folder", func() bool {
		return slices.Contains(h.imap.Mailboxes(t), "Requests/Waiting") && len(h.imap.Inspect(t, "Requests/Waiting")) == 1
	})
	if d.httpAddr() != next.Listen {
		t.Errorf("serving on %s, want the new address %s", d.httpAddr(), next.Listen)
	}
	if resp, err := http.Get("http://" + next.Listen + "/healthz"); err != nil {
		t.Errorf("GET /healthz on the new address: %v", err)
	} else {
		resp.Body.Close()
	}
	if _, err := http.Get("http://" + oldAddr + "/healthz"); err == nil {
		t.Errorf("the old address %s still answers", oldAddr)
	}

	moved := next
	moved.DataDir = t.TempDir()
	reloaded.Store(&moved)
	refused := func() float64 { return testutil.ToFloat64(reloads.WithLabelValues("refused")) }
	before := refused()
	syscall.Kill(syscall.Getpid(), syscall.SIGHUP)
	waitFor(t, "the refusal", func() bool { return refused() > before })
	if h.p.Config() != &next {
		t.Error("a reload changing data_dir was applied")
	}
	if !strings.Contains(h.log.String(), "data_dir cannot change while intake runs") {
		t.Errorf("log does not say why the reload was refused:\n%s", h.log)
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("waited 10s for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
