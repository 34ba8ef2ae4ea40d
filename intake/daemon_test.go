package intake

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestDaemon runs the daemon on a one-second schedule: it processes new
// mail, keeps its config when a reload is refused, serves health and
// metrics that change as mail flows, and stops cleanly when told.
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
	deadline := time.Now().Add(10 * time.Second)
	for d.lastOK.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond) // the first poll, on an empty mailbox
	}
	mailbox := `mailbox="` + mailboxKey(h.cfg) + `"`
	before := scrape(t, d.httpAddr())

	h.deliver(testMail("chen@hospital.example", "License硬件变更申请", "d1@hospital.example", "", hwChangeIncomplete, licenseFile))
	if err := h.smtp.Wait(1, 10*time.Second); err != nil {
		t.Fatalf("the daemon sent no reply: %v", err)
	}
	polled := func() float64 { return scrape(t, d.httpAddr()).get("intake_polls_total", mailbox, `result="ok"`) }
	okPolls := polled()
	deadline = time.Now().Add(10 * time.Second)
	for polled() < okPolls+1 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond) // a poll after the one that sent the reply
	}
	syscall.Kill(syscall.Getpid(), syscall.SIGHUP)
	refused := func() float64 { return scrape(t, d.httpAddr()).get("intake_config_reloads_total", `result="refused"`) }
	deadline = time.Now().Add(5 * time.Second)
	for refused() == before.get("intake_config_reloads_total", `result="refused"`) && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if reloads != 1 || h.p.Config() != h.cfg {
		t.Errorf("after a refused reload: %d reloads, config kept %v", reloads, h.p.Config() == h.cfg)
	}

	after := scrape(t, d.httpAddr())
	for _, m := range []struct {
		name   string
		labels []string
		delta  float64
	}{
		{"intake_mails_total", []string{mailbox, `action="request_materials"`, `scenario="hardware_change"`}, 1},
		{"intake_mail_sent_total", []string{`kind="request"`}, 1},
		{"intake_cases", []string{`state="waiting"`}, 1},
		{"intake_config_reloads_total", []string{`result="refused"`}, 1},
		{"intake_poll_duration_seconds_count", []string{mailbox}, 1},
	} {
		if got := after.get(m.name, m.labels...) - before.get(m.name, m.labels...); got < m.delta {
			t.Errorf("%s%v went up by %v, want %v", m.name, m.labels, got, m.delta)
		}
	}
	if got := after.get("intake_outbox_depth"); got != 0 {
		t.Errorf("intake_outbox_depth = %v after the reply went out, want 0", got)
	}
	if last := after.get("intake_poll_last_success_timestamp_seconds", mailbox); time.Since(time.Unix(int64(last), 0)) > time.Minute {
		t.Errorf("intake_poll_last_success_timestamp_seconds = %v, want about now", last)
	}
	resp, err := http.Get("http://" + d.httpAddr() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "ok: last successful poll") {
		t.Errorf("GET /healthz = %d %q, want 200 ok", resp.StatusCode, body)
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
	if got := len(h.imap.Inspect(t, "Intake/Waiting")); got != 1 {
		t.Errorf("Intake/Waiting holds %d, want 1", got)
	}
}

// metrics is one scrape of /metrics: "name{labels}" → value.
type metrics map[string]float64

// scrape reads /metrics over HTTP.
func scrape(t *testing.T, addr string) metrics {
	t.Helper()
	if addr == "" {
		t.Fatal("the daemon serves no HTTP although listen is set")
	}
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	out := metrics{}
	for _, line := range strings.Split(string(body), "\n") {
		i := strings.LastIndexByte(line, ' ')
		if line == "" || line[0] == '#' || i < 0 {
			continue
		}
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			t.Fatalf("metrics line %q: %v", line, err)
		}
		out[line[:i]] = v
	}
	return out
}

// get sums the series of name that carry every one of labels (`key="value"`).
func (m metrics) get(name string, labels ...string) float64 {
	sum := 0.0
	for series, v := range m {
		n, rest, _ := strings.Cut(series, "{")
		if n != name {
			continue
		}
		ok := true
		for _, l := range labels {
			ok = ok && (strings.Contains(rest, l+",") || strings.Contains(rest, l+"}"))
		}
		if ok {
			sum += v
		}
	}
	return sum
}
