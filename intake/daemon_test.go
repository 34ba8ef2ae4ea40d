package intake

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestDaemon runs the daemon on a one-second schedule: it processes new
// mail, keeps its config when a reload is refused, serves health and
// metrics, and stops cleanly when told.
func TestDaemon(t *testing.T) {
	h := newHarness(t)
	h.p.Now = time.Now
	h.cfg.Schedule = "@every 1s"
	h.cfg.Listen = "127.0.0.1:0"
	reloads := 0
	d := &Daemon{Pipeline: h.p, Log: h.p.log, Reload: func() (*Config, error) {
		reloads++
		return nil, errors.New("config.yaml:3: unknown key \"hots\"")
	}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx) }()

	h.deliver(testMail("chen@hospital.example", "License硬件变更申请", "d1@hospital.example", "", hwChangeIncomplete, licenseFile))
	if err := h.smtp.Wait(1, 10*time.Second); err != nil {
		t.Fatalf("the daemon sent no reply: %v", err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for d.lastOK.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond) // the poll that sent the reply is finishing
	}
	syscall.Kill(syscall.Getpid(), syscall.SIGHUP)
	deadline = time.Now().Add(5 * time.Second)
	for d.reloadsFailed.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if reloads != 1 || d.reloadsFailed.Load() != 1 || h.p.Config() != h.cfg {
		t.Errorf("after a refused reload: %d reloads, %d failures, config kept %v", reloads, d.reloadsFailed.Load(), h.p.Config() == h.cfg)
	}
	if addr := d.httpAddr(); addr != "" {
		for path, want := range map[string]string{"/healthz": "ok: last successful poll", "/metrics": `intake_messages_total{action="request_materials"} 1`} {
			resp, err := http.Get("http://" + addr + path)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if !strings.Contains(string(body), want) {
				t.Errorf("GET %s = %q, want %q", path, body, want)
			}
		}
	} else {
		t.Error("the daemon serves no HTTP although listen is set")
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the daemon did not stop")
	}
	if got := len(h.imap.inspect(t, "Intake/Waiting")); got != 1 {
		t.Errorf("Intake/Waiting holds %d, want 1", got)
	}
}
