//go:build e2e

package intake_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"intake/intake"
	"intake/intake/imapbox"
)

// e2eOAuth is an OAuth 2.0 provider on loopback: a token endpoint that
// rotates refresh tokens and issues short-lived access tokens, and the
// introspection endpoint (RFC 7662) Dovecot's oauth2 passdb asks
// (.ci/mailstack.sh points it at INTAKE_E2E_OAUTH, default 127.0.0.1:11180).
type e2eOAuth struct {
	lifetime time.Duration

	mu        sync.Mutex
	refresh   string
	expiry    map[string]time.Time // access token → expiry
	n         int
	inactive  int // introspections answered "not active"
	presented map[string]bool
}

func startE2EOAuth(t *testing.T, lifetime time.Duration) *e2eOAuth {
	t.Helper()
	addr := e2eEnvOr("INTAKE_E2E_OAUTH", "127.0.0.1:11180")
	o := &e2eOAuth{lifetime: lifetime, refresh: "rt-0", expiry: map[string]time.Time{}, presented: map[string]bool{}}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatalf("listening for Dovecot's token introspection on %s (another test run?): %v", addr, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /token", o.token)
	mux.HandleFunc("POST /introspect", o.introspect)
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return o
}

func (o *e2eOAuth) token(w http.ResponseWriter, r *http.Request) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if r.PostFormValue("grant_type") != "refresh_token" || r.PostFormValue("refresh_token") != o.refresh {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"error":"invalid_grant"}`)
		return
	}
	o.n++
	tok := fmt.Sprintf("e2e-at-%d-%d", time.Now().UnixNano(), o.n)
	o.expiry[tok] = time.Now().Add(o.lifetime)
	o.refresh = fmt.Sprintf("rt-%d", o.n)
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"access_token": tok, "token_type": "Bearer",
		"expires_in": int(o.lifetime.Seconds()), "refresh_token": o.refresh})
}

func (o *e2eOAuth) introspect(w http.ResponseWriter, r *http.Request) {
	o.mu.Lock()
	defer o.mu.Unlock()
	tok := r.PostFormValue("token")
	exp, ok := o.expiry[tok]
	active := ok && time.Now().Before(exp)
	o.presented[tok] = true
	if !active {
		o.inactive++
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"active": active, "username": e2eIntake})
}

func (o *e2eOAuth) counts() (issued, presented, inactive int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.n, len(o.presented), o.inactive
}

// TestE2EOAuthTokenExpiresDuringRun: `intake run` logs in to Dovecot with
// OAuth tokens that live 4 seconds; it renews them before they expire (with
// the rotated refresh token each time) and mail keeps flowing across
// several expiries.
func TestE2EOAuthTokenExpiresDuringRun(t *testing.T) {
	imapAddr, smtpAddr := mailStack(t)
	provider := startE2EOAuth(t, 4*time.Second)
	resetAll(t, imapAddr)
	cfg := e2eConfig(t, imapAddr, smtpAddr)
	editE2EConfig(t, cfg, func(root *yaml.Node) {
		setYAML(t, root, []string{"schedule"}, "@every 1s")
		setYAML(t, root, []string{"mailbox", "auth"}, "oauth2")
		setYAML(t, root, []string{"mailbox", "password"}, "")
		var oauth yaml.Node
		tokenURL := "http://" + e2eEnvOr("INTAKE_E2E_OAUTH", "127.0.0.1:11180") + "/token"
		if err := yaml.Unmarshal([]byte("token_url: "+tokenURL+"\nclient_id: intake-e2e\nrefresh_token: rt-0\nscopes: [mail]\nrefresh_before: 2s\n"), &oauth); err != nil {
			t.Fatal(err)
		}
		addMailboxKey(root, "oauth", oauth.Content[0])
	})

	var logs bytes.Buffer
	cmd, done := startIntakeRun(t, cfg, &logs)

	// Three mails, each after the token the last one was read with has
	// expired.
	for i := range 3 {
		subject := fmt.Sprintf("License找回申请 %s-%d", e2eToken(t), i)
		e2eSendMail(t, smtpAddr, e2eCustomer, []string{e2eIntake},
			e2eMail(e2eCustomer, subject, fmt.Sprintf("oauth-%d-%s@example.test", i, e2eToken(t)), "", "激活文件丢失，申请找回。\n客户局点名称：示例中心\n", nil))
		e2eWaitForSubject(t, imapAddr, e2eCustomer, subject)
		time.Sleep(5 * time.Second)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("intake run did not stop on SIGTERM\n%s", logs.String())
	}
	issued, presented, inactive := provider.counts()
	t.Logf("tokens issued %d, presented to Dovecot %d, refused as expired %d", issued, presented, inactive)
	if issued < 4 || presented < 4 {
		t.Errorf("tokens issued %d, presented %d: want several renewals over 15 s of 4 s tokens", issued, presented)
	}
	if inactive != 0 {
		t.Errorf("Dovecot was shown %d expired tokens: renewal came too late", inactive)
	}
	if strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("daemon logged errors:\n%s", logs.String())
	}
}

// TestE2EXOAUTH2 logs in to Dovecot over XOAUTH2 with a live token, and is
// refused with the server's report for an unknown one.
func TestE2EXOAUTH2(t *testing.T) {
	imapAddr, _ := mailStack(t)
	provider := startE2EOAuth(t, time.Minute)
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/token", strings.NewReader("grant_type=refresh_token&refresh_token=rt-0"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	provider.token(rec, req)
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &tok); err != nil || tok.AccessToken == "" {
		t.Fatalf("token endpoint: %s", rec.Body)
	}
	host, port, _ := net.SplitHostPort(imapAddr)
	p, _ := strconv.Atoi(port)
	for _, tt := range []struct {
		token string
		ok    bool
	}{{tok.AccessToken, true}, {"forged", false}} {
		cfg := imapbox.Config{Host: host, Port: p, Security: "plain", Auth: "xoauth2", Username: e2eIntake,
			Token: intake.Secret{Value: tt.token}}
		m, err := imapbox.Dial(context.Background(), cfg, nil, slog.New(slog.DiscardHandler))
		if (err == nil) != tt.ok {
			t.Errorf("XOAUTH2 with token %q: %v, want ok=%v", tt.token, err, tt.ok)
		}
		if m != nil {
			m.Close()
		}
	}
}
