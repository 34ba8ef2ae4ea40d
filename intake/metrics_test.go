package intake

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestMetricsOutbox: a reply the SMTP server refuses for now waits in the
// outbox, and /metrics shows its depth, its age and the failure's class.
func TestMetricsOutbox(t *testing.T) {
	h := newHarness(t)
	srv := httptest.NewServer(metricsHandler(h.store, func() time.Time { return h.now }))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")
	before := scrape(t, addr)

	h.smtp.FailNext(451, 1)
	h.deliver(testMail("chen@hospital.example", "License硬件变更申请", "m1@hospital.example", "", hwChangeIncomplete, licenseFile))
	if rep := h.p.Poll(context.Background()); rep.Err() == nil {
		t.Fatal("poll with a refusing SMTP server reported no error")
	}
	h.now = h.now.Add(90 * time.Second)
	m := scrape(t, addr)
	if got := m.get("intake_outbox_depth"); got != 1 {
		t.Errorf("intake_outbox_depth = %v, want 1", got)
	}
	if got := m.get("intake_outbox_oldest_age_seconds"); got != 90 {
		t.Errorf("intake_outbox_oldest_age_seconds = %v, want 90", got)
	}
	if got := m.get("intake_send_failures_total", `class="temporary"`, `kind="request"`) - before.get("intake_send_failures_total", `class="temporary"`, `kind="request"`); got != 1 {
		t.Errorf("intake_send_failures_total{temporary,request} went up by %v, want 1", got)
	}
	if got := m.get("intake_cases", `state="waiting"`); got != 1 {
		t.Errorf("intake_cases{waiting} = %v, want 1", got)
	}

	h.now = h.now.Add(time.Hour) // past the backoff
	h.poll()
	if got := scrape(t, addr).get("intake_outbox_depth"); got != 0 {
		t.Errorf("intake_outbox_depth after the retry = %v, want 0", got)
	}
}
