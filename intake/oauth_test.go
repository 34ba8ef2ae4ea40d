package intake

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"intake/intake/imapbox/imaptest"
	"intake/intake/oauth"
	"intake/mailer"
)

// tokenServer is an OAuth 2.0 token endpoint on loopback, as Microsoft's and
// Google's behave: every refresh answers with a new access token and a new
// refresh token (the old one stops working), access tokens expire after
// lifetime. Its clock is the test's.
type tokenServer struct {
	*httptest.Server
	now      func() time.Time
	lifetime time.Duration

	mu      sync.Mutex
	refresh string               // the refresh token that works now
	access  map[string]time.Time // access token → expiry
	grants  []string             // grant types asked for, in order
	scopes  []string             // scope asked for, in order
	fail    bool                 // answer invalid_grant
	n       int
}

func startTokenServer(t *testing.T, now func() time.Time) *tokenServer {
	ts := &tokenServer{now: now, lifetime: time.Hour, refresh: "rt-0", access: map[string]time.Time{}}
	ts.Server = httptest.NewServer(http.HandlerFunc(ts.serve))
	t.Cleanup(ts.Close)
	return ts
}

func (ts *tokenServer) serve(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil || r.Method != http.MethodPost {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	ts.mu.Lock()
	defer ts.mu.Unlock()
	grant := r.PostForm.Get("grant_type")
	client, secret, basic := r.BasicAuth()
	if !basic {
		client, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	ts.grants = append(ts.grants, grant)
	ts.scopes = append(ts.scopes, r.PostForm.Get("scope"))
	refuse := func(code string) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, `{"error":%q,"error_description":"test server refuses"}`, code)
	}
	switch {
	case ts.fail:
		refuse("invalid_grant")
		return
	case client != "intake-app":
		refuse("invalid_client")
		return
	case grant == "refresh_token" && r.PostForm.Get("refresh_token") != ts.refresh:
		refuse("invalid_grant")
		return
	case grant == "client_credentials" && secret != "app-secret":
		refuse("invalid_client")
		return
	case grant != "refresh_token" && grant != "client_credentials":
		refuse("unsupported_grant_type")
		return
	}
	ts.n++
	tok := fmt.Sprintf("at-%d", ts.n)
	ts.access[tok] = ts.now().Add(ts.lifetime)
	resp := map[string]any{"access_token": tok, "token_type": "Bearer", "expires_in": int(ts.lifetime.Seconds())}
	if grant == "refresh_token" {
		ts.refresh = fmt.Sprintf("rt-%d", ts.n)
		resp["refresh_token"] = ts.refresh
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(resp)
}

// valid reports whether token is an access token that has not expired.
func (ts *tokenServer) valid(token string) bool {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	exp, ok := ts.access[token]
	return ok && ts.now().Before(exp)
}

func (ts *tokenServer) grantCount() int {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return len(ts.grants)
}

func (ts *tokenServer) setFail(fail bool) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	ts.fail = fail
}

// testClock is time.Now moved on by the test.
type testClock struct {
	mu  sync.Mutex
	off time.Duration
}

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.off)
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.off += d
}

func (ts *tokenServer) oauth() oauth.Config {
	o := oauth.Config{TokenURL: ts.URL, ClientID: "intake-app", RefreshToken: Secret{Value: "rt-0"},
		Scopes: []string{"https://mail.example.test/"}}
	o.SetDefaults("imap")
	return o
}

// useOAuth rewires the harness so that the IMAP server and the SMTP
// recorder take only live tokens of ts, and intake logs in to both with the
// refresh-token flow. It returns the token cache.
func (h *harness) useOAuth(ts *tokenServer, clock *testClock) *oauth.Tokens {
	h.t.Helper()
	valid := ts.valid
	h.imap.TokenOK.Store(&valid)
	h.smtp.RequireToken(imaptest.User, ts.valid)
	h.cfg.Mailbox.Auth, h.cfg.Mailbox.Password, h.cfg.Mailbox.OAuth = "oauth2", Secret{}, ts.oauth()
	h.cfg.SMTP.Auth, h.cfg.SMTP.Username, h.cfg.SMTP.OAuth = "xoauth2", imaptest.User, ts.oauth()
	if probs := h.cfg.Mailbox.Problems(); len(probs) > 0 {
		h.t.Fatalf("mailbox config: %v", probs)
	}
	log := slog.New(slog.NewTextHandler(h.log, nil))
	tokens := oauth.NewTokens(h.cfg.DataDir, log)
	tokens.Now = clock.now
	opts, err := h.cfg.SMTP.Options(tokens)
	if err != nil {
		h.t.Fatal(err)
	}
	sender, err := mailer.NewSender(opts, log)
	if err != nil {
		h.t.Fatal(err)
	}
	h.p, err = NewPipeline(h.cfg, h.store, DialIMAP(log, tokens), sender, log)
	if err != nil {
		h.t.Fatal(err)
	}
	h.p.Now = func() time.Time { return h.now }
	tokens.Notify = h.p.NotifyAdmin
	return tokens
}

// TestOAuthTokenRenewedDuringRun: mail keeps flowing over IMAP and SMTP
// while access tokens expire, are renewed before they do, and the refresh
// token rotates; the cache keeps the rotated one for a restart.
func TestOAuthTokenRenewedDuringRun(t *testing.T) {
	clock := &testClock{}
	ts := startTokenServer(t, clock.now)
	h := newHarness(t)
	h.useOAuth(ts, clock)

	request := func(n int) {
		h.deliver(fmt.Sprintf("From: Wang Wei <wang@customer.test>\r\nTo: %s\r\nSubject: License recovery %d\r\nMessage-ID: <oauth-%d@customer.test>\r\n\r\n我们的License文件丢失了，需要找回。\r\n", imaptest.User, n, n))
	}
	steps := []struct {
		advance    time.Duration
		wantGrants int
	}{
		{0, 1},                // first login: one token for IMAP and SMTP alike
		{30 * time.Minute, 1}, // still fresh: no request to the endpoint
		{25 * time.Minute, 2}, // 5 minutes left: renewed before it expires
		{3 * time.Hour, 3},    // long expired (a night off): renewed with the rotated refresh token
	}
	for i, st := range steps {
		clock.advance(st.advance)
		sent := len(h.smtp.Messages())
		request(i)
		rep := h.poll()
		if len(rep.Processed) != 1 || rep.Sent != 1 {
			t.Fatalf("step %d: poll processed %d and sent %d, want 1 and 1", i, len(rep.Processed), rep.Sent)
		}
		if got := h.sentSince(sent); len(got) != 1 || got[0].to[0] != "wang@customer.test" {
			t.Fatalf("step %d: sent %d mails, want the reply to the customer", i, len(got))
		}
		if got := ts.grantCount(); got != st.wantGrants {
			t.Errorf("step %d: token endpoint asked %d times, want %d", i, got, st.wantGrants)
		}
	}
	if !strings.Contains(h.imap.Transcript.String(), "AUTHENTICATE OAUTHBEARER") {
		t.Errorf("auth oauth2 did not use OAUTHBEARER, which the server offers")
	}
	for i, s := range ts.scopes {
		if s != "https://mail.example.test/" {
			t.Errorf("request %d asked for scope %q, want the configured one", i, s)
		}
	}

	// The cache: mode 0600, the rotated refresh token; a restart uses it.
	files, _ := filepath.Glob(filepath.Join(h.cfg.DataDir, "oauth-*.json"))
	if len(files) != 1 {
		t.Fatalf("token cache files = %v, want one", files)
	}
	fi, err := os.Stat(files[0])
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("token cache mode = %v, %v; want 0600", fi.Mode(), err)
	}
	restarted := oauth.NewTokens(h.cfg.DataDir, slog.New(slog.DiscardHandler))
	restarted.Now = clock.now
	tok, err := restarted.Token(context.Background(), ts.oauth(), imaptest.User)
	if err != nil || !ts.valid(tok) || ts.grantCount() != 3 {
		t.Errorf("after restart: Token = %q, %v with %d grants; want the cached live token, no new grant", tok, err, ts.grantCount())
	}
	clock.advance(2 * time.Hour)
	if tok, err := restarted.Token(context.Background(), ts.oauth(), imaptest.User); err != nil || !ts.valid(tok) {
		t.Errorf("after restart, renewing with the cached rotated refresh token: %q, %v", tok, err)
	}
}

// TestOAuthRenewalFailure: when the endpoint refuses, intake says so in the
// log, the metric, the health check and one admin mail while the old token
// still works, and mail keeps flowing until it expires.
func TestOAuthRenewalFailure(t *testing.T) {
	clock := &testClock{}
	ts := startTokenServer(t, clock.now)
	h := newHarness(t)
	tokens := h.useOAuth(ts, clock)
	h.cfg.SMTP.Admin = "admin@intake.test"
	h.poll()
	failing := func() float64 { return gaugeValue(t, "intake_oauth_token_refresh_failing", "account", imaptest.User) }

	ts.setFail(true)
	clock.advance(52 * time.Minute) // 8 minutes left, inside refresh_before
	sent := len(h.smtp.Messages())
	h.deliver("From: wang@customer.test\r\nSubject: License recovery\r\nMessage-ID: <f1@customer.test>\r\n\r\n需要找回License。\r\n")
	rep := h.poll()
	if len(rep.Processed) != 1 {
		t.Fatalf("poll with the old token processed %d, want 1 (errors %v)", len(rep.Processed), rep.Err())
	}
	var admin []string
	for _, m := range h.sentSince(sent) {
		if m.to[0] == "admin@intake.test" {
			admin = append(admin, m.header.Get("Subject"))
		}
	}
	if len(admin) != 1 || !strings.Contains(admin[0], "OAuth token for "+imaptest.User+" cannot be renewed") {
		t.Errorf("admin mails = %q, want one about the token", admin)
	}
	if err := tokens.Check(); err == nil || !strings.Contains(err.Error(), "invalid_grant") {
		t.Errorf("Check() = %v, want the refusal", err)
	}
	if got := failing(); got != 1 {
		t.Errorf("intake_oauth_token_refresh_failing = %v, want 1", got)
	}
	if !strings.Contains(h.log.String(), "oauth token renewal failed") {
		t.Errorf("log lacks the failure:\n%s", h.log)
	}

	clock.advance(4 * time.Minute) // still failing: nobody is told again
	sent = len(h.smtp.Messages())
	h.poll()
	if n := len(h.sentSince(sent)); n != 0 {
		t.Errorf("second failing poll sent %d mails, want none (admin told once)", n)
	}

	clock.advance(10 * time.Minute) // expired: the mailbox cannot be opened
	if rep := h.p.Poll(context.Background()); rep.Err() == nil || !strings.Contains(rep.Err().Error(), "renewing oauth token") {
		t.Errorf("poll after expiry: %v, want the renewal error", rep.Err())
	}

	ts.setFail(false)
	h.poll()
	if err := tokens.Check(); err != nil || failing() != 0 {
		t.Errorf("after recovery: Check() = %v, failing = %v; want nil, 0", err, failing())
	}
}

// TestOAuthClientCredentials: the application flow sends the client secret
// and the scopes, and gets no refresh token.
func TestOAuthClientCredentials(t *testing.T) {
	clock := &testClock{}
	ts := startTokenServer(t, clock.now)
	tokens := oauth.NewTokens(t.TempDir(), slog.New(slog.DiscardHandler))
	tokens.Now = clock.now
	o := oauth.Config{Provider: "microsoft", Tenant: "contoso.test", Flow: "client_credentials", TokenURL: ts.URL,
		ClientID: "intake-app", ClientSecret: Secret{Value: "app-secret"}}
	o.SetDefaults("imap")
	if probs := o.Problems(); len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	for range 2 {
		tok, err := tokens.Token(context.Background(), o, "shared@contoso.test")
		if err != nil || !ts.valid(tok) {
			t.Fatalf("Token = %q, %v", tok, err)
		}
		clock.advance(55 * time.Minute)
	}
	if got := strings.Join(ts.grants, ","); got != "client_credentials,client_credentials" {
		t.Errorf("grants = %s, want two client_credentials", got)
	}
	if ts.scopes[0] != "https://outlook.office365.com/.default" {
		t.Errorf("scope = %q, want the Microsoft 365 application scope", ts.scopes[0])
	}
}

// TestOAuthRenewAhead: Renew, which the daemon calls every minute, renews a
// token that is due although no connection is made, and leaves a fresh one.
func TestOAuthRenewAhead(t *testing.T) {
	clock := &testClock{}
	ts := startTokenServer(t, clock.now)
	tokens := oauth.NewTokens(t.TempDir(), slog.New(slog.DiscardHandler))
	tokens.Now = clock.now
	if _, err := tokens.Token(context.Background(), ts.oauth(), imaptest.User); err != nil {
		t.Fatal(err)
	}
	tokens.Renew(context.Background())
	if n := ts.grantCount(); n != 1 {
		t.Errorf("Renew of a fresh token asked the endpoint: %d grants, want 1", n)
	}
	clock.advance(52 * time.Minute)
	tokens.Renew(context.Background())
	if n := ts.grantCount(); n != 2 {
		t.Errorf("Renew of a token due in 8 minutes: %d grants, want 2", n)
	}
}

// gaugeValue is the value of the gauge name whose label has value, read from
// the default registry; 0 when it is not there.
func gaugeValue(t *testing.T, name, label, value string) float64 {
	t.Helper()
	families, err := prometheus.DefaultGatherer.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
		for _, m := range f.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == label && l.GetValue() == value {
					return m.GetGauge().GetValue()
				}
			}
		}
	}
	return 0
}
