package intake

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestDaemonIdle: with mailbox.idle the daemon answers a new mail within
// two seconds although its schedule is hourly, and renews IDLE on time.
func TestDaemonIdle(t *testing.T) {
	h := newHarness(t)
	h.p.Now = time.Now
	h.cfg.Schedule = "@every 1h"
	h.cfg.Mailbox.IDLE = true
	h.cfg.Mailbox.IdleRestart = Duration(300 * time.Millisecond)
	d := &Daemon{Pipeline: h.p, Log: h.p.log}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx) }()
	defer func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("the daemon did not stop")
		}
	}()

	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(h.imap.Transcript.String(), "IDLE\r\n") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(time.Second) // IDLE renewed a few times over
	start := time.Now()
	h.deliver(testMail("chen@hospital.example", "License硬件变更申请", "idle1@hospital.example", "", hwChangeIncomplete, licenseFile))
	if err := h.smtp.Wait(1, 2*time.Second); err != nil {
		t.Fatalf("no reply within 2 s of the mail's arrival: %v", err)
	}
	t.Logf("reply %v after the mail arrived", time.Since(start).Round(time.Millisecond))
	if n := strings.Count(h.imap.Transcript.String(), " IDLE\r\n"); n < 3 {
		t.Errorf("IDLE issued %d times in over a second with idle_restart 300ms, want it renewed", n)
	}
}
