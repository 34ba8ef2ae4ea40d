// Package oauth gets and renews the OAuth 2.0 access tokens the IMAP mailbox
// and the SMTP server log in with.
package oauth

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"

	"intake/intake/conf"
)

// Config is the `oauth:` part of the mailbox and smtp sections: where
// intake gets a fresh OAuth 2.0 access token for auth xoauth2 or oauth2,
// instead of a fixed `token`.
//
//	oauth:
//	  provider: microsoft        # microsoft | google; or token_url
//	  tenant: contoso.onmicrosoft.com
//	  client_id: 00000000-0000-0000-0000-000000000000
//	  client_secret: {env: INTAKE_OAUTH_SECRET}
//	  refresh_token: {file: /etc/intake/refresh-token}
type Config struct {
	Provider     string      `yaml:"provider"`      // microsoft | google | "" (give token_url)
	Flow         string      `yaml:"flow"`          // refresh_token (default) | client_credentials
	Tenant       string      `yaml:"tenant"`        // microsoft: the directory (tenant) id or domain
	TokenURL     string      `yaml:"token_url"`     // default from provider and tenant
	ClientID     string      `yaml:"client_id"`     // the app registration's client id
	ClientSecret conf.Secret `yaml:"client_secret"` // none for a public client
	RefreshToken conf.Secret `yaml:"refresh_token"` // for flow refresh_token
	Scopes       []string    `yaml:"scopes"`        // default from provider, flow and section
	// RefreshBefore is how long before expiry a token is renewed; the old
	// token keeps being used while renewing fails. Default 10m.
	RefreshBefore conf.Duration `yaml:"refresh_before"`
}

// IsZero reports whether the section has no oauth block.
func (o *Config) IsZero() bool {
	return o.ClientID == "" && o.Provider == "" && o.TokenURL == "" && o.RefreshToken.IsZero()
}

// Scopes intake asks for by default. A Microsoft 365 token is for one
// resource: IMAP and SMTP scopes of outlook.office.com go together in a
// delegated token; an application token (client credentials) asks for
// everything the app was granted on outlook.office365.com.
const (
	scopeGoogleMail        = "https://mail.google.com/"
	scopeMicrosoftIMAP     = "https://outlook.office.com/IMAP.AccessAsUser.All"
	scopeMicrosoftSMTP     = "https://outlook.office.com/SMTP.Send"
	scopeMicrosoftApp      = "https://outlook.office365.com/.default"
	scopeMicrosoftOffline  = "offline_access"
	flowRefreshToken       = "refresh_token"
	flowClientCredentials  = "client_credentials"
	defaultOAuthRefreshDue = 10 * time.Minute
)

// SetDefaults fills in the token URL and scopes of a provider; section is
// "imap" or "smtp".
func (o *Config) SetDefaults(section string) {
	if o.IsZero() {
		return
	}
	if o.Flow == "" {
		o.Flow = flowRefreshToken
	}
	if o.RefreshBefore == 0 {
		o.RefreshBefore = conf.Duration(defaultOAuthRefreshDue)
	}
	switch o.Provider {
	case "google":
		conf.SetDefault(&o.TokenURL, "https://oauth2.googleapis.com/token")
		if o.Scopes == nil {
			o.Scopes = []string{scopeGoogleMail}
		}
	case "microsoft":
		tenant := o.Tenant
		if tenant == "" {
			tenant = "organizations"
		}
		conf.SetDefault(&o.TokenURL, "https://login.microsoftonline.com/"+url.PathEscape(tenant)+"/oauth2/v2.0/token")
		if o.Scopes == nil {
			switch {
			case o.Flow == flowClientCredentials:
				o.Scopes = []string{scopeMicrosoftApp}
			case section == "smtp":
				o.Scopes = []string{scopeMicrosoftSMTP, scopeMicrosoftOffline}
			default:
				o.Scopes = []string{scopeMicrosoftIMAP, scopeMicrosoftOffline}
			}
		}
	}
}

// Problems lists the mistakes of a set oauth block, keys relative to it.
func (o *Config) Problems() []conf.Problem {
	var probs []conf.Problem
	bad := func(key, format string, args ...any) {
		probs = append(probs, conf.Problem{Path: "oauth." + key, Msg: fmt.Sprintf(format, args...)})
	}
	if !slices.Contains([]string{"", "google", "microsoft"}, o.Provider) {
		bad("provider", "unknown provider %q (hint: microsoft or google, or leave it out and give token_url)", o.Provider)
	}
	if o.TokenURL == "" && o.Provider == "" {
		bad("token_url", "oauth needs a provider or a token_url (hint: provider: microsoft)")
	} else if u, err := url.Parse(o.TokenURL); o.TokenURL != "" && (err != nil || (u.Scheme != "https" && !(u.Scheme == "http" && conf.IsLoopback(u.Hostname())))) {
		bad("token_url", "token_url %q must be an https URL (http only on loopback)", o.TokenURL)
	}
	if o.ClientID == "" {
		bad("client_id", "client_id is empty (hint: the application (client) id of the app registration)")
	}
	switch o.Flow {
	case flowRefreshToken:
		if o.RefreshToken.IsZero() {
			bad("refresh_token", "flow refresh_token needs a refresh_token (hint: refresh_token: {file: PATH}; README: Microsoft 365 and Gmail)")
		}
	case flowClientCredentials:
		if o.ClientSecret.IsZero() {
			bad("client_secret", "flow client_credentials needs a client_secret (hint: client_secret: {env: NAME})")
		}
		if o.Provider == "microsoft" && (o.Tenant == "" || o.Tenant == "common" || o.Tenant == "organizations") {
			bad("tenant", "flow client_credentials needs your tenant (hint: tenant: contoso.onmicrosoft.com or its id)")
		}
	default:
		bad("flow", "unknown flow %q (hint: refresh_token or client_credentials)", o.Flow)
	}
	if len(o.Scopes) == 0 {
		bad("scopes", "no scopes (hint: scopes: [%s])", scopeGoogleMail)
	}
	return probs
}

// Metrics of token refreshes, by account and result (ok, error).
var (
	oauthRefreshes = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "intake_oauth_token_refreshes_total",
		Help: "OAuth 2.0 access tokens fetched from the token endpoint, by account and result.",
	}, []string{"account", "result"})
	oauthExpiry = promauto.NewGaugeVec(prometheus.GaugeOpts{
		Name: "intake_oauth_token_expiry_timestamp_seconds",
		Help: "When the access token in use expires (unix seconds).",
	}, []string{"account"})
	oauthFailing = promauto.NewGaugeVec(prometheus.GaugeOpts{
		Name: "intake_oauth_token_refresh_failing",
		Help: "1 while the last attempt to renew the account's token failed.",
	}, []string{"account"})
)

// Tokens hands out OAuth 2.0 access tokens for the accounts of the config,
// renewing each some minutes before it expires and caching it in the data
// directory (mode 0600), so that a restart does not need the token endpoint
// and a rotated refresh token is not lost. It is safe for concurrent use
// and outlives config reloads.
//
// When renewing fails, intake logs it, sets the failing metric, reports it
// through Check (the health endpoint) and calls Notify once, while the old
// token is still good: mail stops only when it expires.
type Tokens struct {
	dir string
	log *slog.Logger
	// Notify, when set, tells the admin about a failure; it is called
	// once per run of failures.
	Notify func(subject, text string)
	// Now is the clock; tests set it.
	Now func() time.Time

	mu      sync.Mutex
	sources map[string]*tokenSource
}

// NewTokens returns the token cache of a data directory.
func NewTokens(dataDir string, log *slog.Logger) *Tokens {
	return &Tokens{dir: dataDir, log: log, Now: time.Now, sources: make(map[string]*tokenSource)}
}

// Token returns a valid access token for account under cfg, renewing it when
// it is due.
func (t *Tokens) Token(ctx context.Context, cfg Config, account string) (string, error) {
	s, err := t.source(cfg, account)
	if err != nil {
		return "", err
	}
	return s.token(ctx, t)
}

// Renew renews every token that is due, as Token would, so that a token is
// renewed (or its failure reported) ahead of its expiry even when no
// connection is made meanwhile (a long schedule). The daemon calls it every
// minute.
func (t *Tokens) Renew(ctx context.Context) {
	t.mu.Lock()
	sources := make([]*tokenSource, 0, len(t.sources))
	for _, s := range t.sources {
		sources = append(sources, s)
	}
	t.mu.Unlock()
	for _, s := range sources {
		_, _ = s.token(ctx, t) // a failure is logged, counted and reported by token
	}
}

// Check returns the failures of the last renewal of every account, nil when
// all are fine.
func (t *Tokens) Check() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	var errs []error
	for _, s := range t.sources {
		s.mu.Lock()
		if s.failing != nil {
			errs = append(errs, fmt.Errorf("oauth token for %s: renewing failed since %s (token valid until %s): %w",
				s.account, s.failingSince.Format(time.RFC3339), s.validUntil(), s.failing))
		}
		s.mu.Unlock()
	}
	return errors.Join(errs...)
}

func (t *Tokens) source(cfg Config, account string) (*tokenSource, error) {
	if t == nil {
		return nil, errors.New("oauth: no token cache (internal error)")
	}
	refresh := ""
	if cfg.Flow == flowRefreshToken {
		var err error
		if refresh, err = cfg.RefreshToken.Resolve(); err != nil {
			return nil, fmt.Errorf("resolving oauth refresh_token: %w", err)
		}
	}
	secret := ""
	if !cfg.ClientSecret.IsZero() {
		var err error
		if secret, err = cfg.ClientSecret.Resolve(); err != nil {
			return nil, fmt.Errorf("resolving oauth client_secret: %w", err)
		}
	}
	// The key covers everything that makes a token different, so a new
	// refresh token from the admin starts afresh rather than being
	// overridden by a cached, rotated one.
	h := sha256.New()
	for _, v := range []string{cfg.TokenURL, cfg.Flow, cfg.ClientID, secret, refresh, account, strings.Join(cfg.Scopes, " ")} {
		h.Write([]byte(v))
		h.Write([]byte{0})
	}
	key := hex.EncodeToString(h.Sum(nil))[:16]

	t.mu.Lock()
	defer t.mu.Unlock()
	if s := t.sources[key]; s != nil {
		return s, nil
	}
	s := &tokenSource{
		account: account, flow: cfg.Flow, refresh: refresh,
		client: clientcredentials.Config{ClientID: cfg.ClientID, ClientSecret: secret, TokenURL: cfg.TokenURL, Scopes: cfg.Scopes},
		early:  time.Duration(cfg.RefreshBefore),
		path:   filepath.Join(t.dir, "oauth-"+key+".json"),
	}
	if cfg.Provider != "" {
		// Both providers take the client in the form; a public client
		// (no secret) cannot use HTTP Basic at all.
		s.client.AuthStyle = oauth2.AuthStyleInParams
	}
	s.load(t.log)
	t.sources[key] = s
	return s, nil
}

// tokenSource is one account's token and how to renew it.
type tokenSource struct {
	account, flow, path string
	// client is the template of the token request: each fetch copies
	// its settings into a new Config.
	client clientcredentials.Config
	early  time.Duration

	mu           sync.Mutex
	tok          *oauth2.Token
	refresh      string // the refresh token to use next; providers may rotate it
	failing      error
	failingSince time.Time
	told         bool
}

// cachedToken is the cache file's content.
type cachedToken struct {
	AccessToken  string    `json:"access_token"`
	RefreshToken string    `json:"refresh_token,omitempty"`
	Expiry       time.Time `json:"expiry"`
}

func (s *tokenSource) load(log *slog.Logger) {
	data, err := os.ReadFile(s.path)
	if errors.Is(err, os.ErrNotExist) {
		return
	}
	var c cachedToken
	if err == nil {
		err = json.Unmarshal(data, &c)
	}
	if err != nil {
		log.Warn("ignoring unreadable oauth token cache", "path", s.path, "err", err)
		return
	}
	s.tok = &oauth2.Token{AccessToken: c.AccessToken, Expiry: c.Expiry}
	if c.RefreshToken != "" {
		s.refresh = c.RefreshToken
	}
}

func (s *tokenSource) save() error {
	data, err := json.Marshal(cachedToken{AccessToken: s.tok.AccessToken, RefreshToken: s.refresh, Expiry: s.tok.Expiry})
	if err != nil {
		return err
	}
	tmp := s.path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return fmt.Errorf("writing oauth token cache: %w", err)
	}
	if err := os.Chmod(tmp, 0o600); err != nil { // WriteFile keeps the mode of a file left over
		return fmt.Errorf("writing oauth token cache: %w", err)
	}
	if err := os.Rename(tmp, s.path); err != nil {
		return fmt.Errorf("writing oauth token cache: %w", err)
	}
	return nil
}

func (s *tokenSource) validUntil() string {
	if s.tok == nil {
		return "never (no token yet)"
	}
	return s.tok.Expiry.Format(time.RFC3339)
}

// usable reports whether the token can still be presented: it has not
// expired, with a margin for the login that follows.
func (s *tokenSource) usable(now time.Time) bool {
	return s.tok != nil && (s.tok.Expiry.IsZero() || s.tok.Expiry.Sub(now) > 30*time.Second)
}

func (s *tokenSource) token(ctx context.Context, t *Tokens) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := t.Now()
	if s.tok != nil && (s.tok.Expiry.IsZero() || s.tok.Expiry.Sub(now) > s.early) {
		return s.tok.AccessToken, nil
	}
	tok, err := s.fetch(ctx)
	if err != nil {
		oauthRefreshes.WithLabelValues(s.account, "error").Inc()
		oauthFailing.WithLabelValues(s.account).Set(1)
		if s.failing == nil {
			s.failingSince = now
		}
		s.failing = err
		still := s.usable(now)
		t.log.Error("oauth token renewal failed", "account", s.account, "token_url", s.client.TokenURL,
			"token_valid_until", s.validUntil(), "still_usable", still, "err", err)
		if !s.told && t.Notify != nil {
			s.told = true
			t.Notify(fmt.Sprintf("OAuth token for %s cannot be renewed", s.account),
				fmt.Sprintf("intake could not renew the OAuth 2.0 access token of %s at %s:\n%v\n\n"+
					"The current token is valid until %s; after that intake can read and send no mail for this account.\n"+
					"Check the app registration (client secret expiry, consent, scopes) and the refresh token; see README: Microsoft 365 and Gmail.\n",
					s.account, s.client.TokenURL, err, s.validUntil()))
		}
		if still {
			return s.tok.AccessToken, nil
		}
		return "", fmt.Errorf("renewing oauth token for %s: %w", s.account, err)
	}
	if !tok.Expiry.IsZero() {
		// x/oauth2 stamps the expiry on time.Now; restate it on our clock.
		tok.Expiry = now.Add(time.Until(tok.Expiry))
	}
	oauthRefreshes.WithLabelValues(s.account, "ok").Inc()
	oauthFailing.WithLabelValues(s.account).Set(0)
	oauthExpiry.WithLabelValues(s.account).Set(float64(tok.Expiry.Unix()))
	if s.failing != nil {
		t.log.Info("oauth token renewed again", "account", s.account, "failing_since", s.failingSince)
	}
	s.failing, s.told = nil, false
	s.tok = tok
	if tok.RefreshToken != "" {
		s.refresh = tok.RefreshToken
	}
	if err := s.save(); err != nil {
		t.log.Warn("oauth token not cached", "account", s.account, "err", err)
	}
	t.log.Info("oauth token renewed", "account", s.account, "expires", tok.Expiry)
	return tok.AccessToken, nil
}

// fetch asks the token endpoint for a new token. The refresh-token grant
// goes through clientcredentials.Config with the grant type overridden
// (which that package allows): unlike oauth2.Config's refresh it sends the
// scopes, which Microsoft's endpoint wants on every refresh.
func (s *tokenSource) fetch(ctx context.Context) (*oauth2.Token, error) {
	c := &s.client
	conf := &clientcredentials.Config{ClientID: c.ClientID, ClientSecret: c.ClientSecret, TokenURL: c.TokenURL,
		Scopes: c.Scopes, AuthStyle: c.AuthStyle}
	if s.flow == flowRefreshToken {
		conf.EndpointParams = url.Values{"grant_type": {"refresh_token"}, "refresh_token": {s.refresh}}
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	return conf.Token(ctx)
}

// BearerProblems checks the credentials of auth xoauth2 or oauth2: a fixed
// token or an oauth block, not both.
func BearerProblems(auth string, token conf.Secret, o *Config) []conf.Problem {
	switch {
	case token.IsZero() && o.IsZero():
		return []conf.Problem{{Path: "oauth", Msg: "auth " + auth + " needs an oauth block or a fixed token (hint: oauth: {provider: microsoft, …}; README: Microsoft 365 and Gmail)"}}
	case !token.IsZero() && !o.IsZero():
		return []conf.Problem{{Path: "token", Msg: "give either token or oauth, not both (hint: oauth renews the token; a fixed token expires within the hour)"}}
	case !o.IsZero():
		return o.Problems()
	}
	return nil
}

// BearerToken returns the access token to log in with: a fresh one from
// tokens when the section has an oauth block, else the fixed token.
func BearerToken(ctx context.Context, token conf.Secret, o Config, tokens *Tokens, account string) (string, error) {
	if o.IsZero() {
		v, err := token.Resolve()
		if err != nil {
			return "", fmt.Errorf("resolving token: %w", err)
		}
		return v, nil
	}
	return tokens.Token(ctx, o, account)
}
