package intake

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
	"github.com/emersion/go-sasl"
	"go.yaml.in/yaml/v3"
)

const (
	memUser     = "intake@example.test"
	memPassword = "s3cret-pw"
	memToken    = "ya29.test-token"
)

// memIMAP is an in-process imapmemserver with one user.
type memIMAP struct {
	host, port string
	user       *imapmemserver.User
	transcript *lockedBuffer // everything the server read and wrote
	caFile     string        // set when the server speaks TLS
	// tokenOK, when set, decides which bearer tokens XOAUTH2 and
	// OAUTHBEARER accept (else only memToken), and OAUTHBEARER is offered.
	tokenOK atomic.Pointer[func(token string) bool]
	// refuseCreate makes CREATE fail as for an account without the
	// right to create folders.
	refuseCreate atomic.Bool
}

type memIMAPOptions struct {
	caps     imap.CapSet // nil: IMAP4rev1 with MOVE and UIDPLUS
	security string      // "plain" (default), "tls" or "starttls"
}

func startMemIMAP(t *testing.T, o memIMAPOptions) *memIMAP {
	t.Helper()
	if o.caps == nil {
		o.caps = imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapMove: {}, imap.CapUIDPlus: {}}
	}
	ts := &memIMAP{
		user:       imapmemserver.NewUser(memUser, memPassword),
		transcript: &lockedBuffer{},
	}
	if err := ts.user.Create("INBOX", nil); err != nil {
		t.Fatal(err)
	}

	opts := &imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			sess := &memSession{
				UserSession: imapmemserver.NewUserSession(ts.user),
				copyUID:     o.caps.Has(imap.CapUIDPlus),
				srv:         ts,
			}
			return sess, nil, nil
		},
		Caps:         o.caps,
		Logger:       log.New(ts.transcript, "server error: ", 0),
		DebugWriter:  ts.transcript,
		InsecureAuth: o.security == "" || o.security == "plain",
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if o.security == "tls" || o.security == "starttls" {
		var cert tls.Certificate
		cert, ts.caFile = selfSignedCert(t)
		tlsConfig := &tls.Config{Certificates: []tls.Certificate{cert}}
		if o.security == "tls" {
			ln = tls.NewListener(ln, tlsConfig)
		} else {
			opts.TLSConfig = tlsConfig
		}
	}
	srv := imapserver.New(opts)
	go srv.Serve(ln)
	t.Cleanup(func() {
		srv.Close()
		if t.Failed() {
			t.Logf("server transcript:\n%s", ts.transcript)
		}
	})
	ts.host, ts.port, _ = net.SplitHostPort(ln.Addr().String())
	return ts
}

func (ts *memIMAP) config() MailboxConfig {
	port, _ := strconv.Atoi(ts.port)
	return MailboxConfig{
		Host:     ts.host,
		Port:     port,
		Security: "plain",
		Username: memUser,
		Password: Secret{Value: memPassword},
		Timeout:  Duration(10 * time.Second),
	}
}

// appendMessage stores raw in mailbox with flags and returns its UID.
func (ts *memIMAP) appendMessage(t *testing.T, mailbox, raw string, flags ...imap.Flag) imap.UID {
	t.Helper()
	data, err := ts.user.Append(mailbox, bytes.NewReader([]byte(raw)), &imap.AppendOptions{Flags: flags})
	if err != nil {
		t.Fatalf("appending to %s: %v", mailbox, err)
	}
	return data.UID
}

// memMessage is a message as a second, independent client sees it.
type memMessage struct {
	UID   imap.UID
	Flags []imap.Flag
	Raw   string
}

// inspect returns every message in mailbox, read over a separate connection.
func (ts *memIMAP) inspect(t *testing.T, mailbox string) []memMessage {
	t.Helper()
	c, err := imapclient.DialInsecure(net.JoinHostPort(ts.host, ts.port), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Login(memUser, memPassword).Wait(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Select(mailbox, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		t.Fatalf("selecting %s: %v", mailbox, err)
	}
	body := &imap.FetchItemBodySection{Peek: true}
	msgs, err := c.Fetch(imap.SeqSet{{Start: 1, Stop: 0}}, &imap.FetchOptions{
		UID: true, Flags: true, BodySection: []*imap.FetchItemBodySection{body},
	}).Collect()
	if err != nil {
		t.Fatalf("fetching %s: %v", mailbox, err)
	}
	var out []memMessage
	for _, m := range msgs {
		out = append(out, memMessage{m.UID, m.Flags, string(m.FindBodySection(body))})
	}
	return out
}

func (ts *memIMAP) mailboxes(t *testing.T) []string {
	t.Helper()
	c, err := imapclient.DialInsecure(net.JoinHostPort(ts.host, ts.port), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Login(memUser, memPassword).Wait(); err != nil {
		t.Fatal(err)
	}
	list, err := c.List("", "*", nil).Collect()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range list {
		names = append(names, d.Mailbox)
	}
	slices.Sort(names)
	return names
}

// memSession adds SASL PLAIN, XOAUTH2 and OAUTHBEARER to imapmemserver's
// session.
type memSession struct {
	*imapmemserver.UserSession
	copyUID bool // answer COPY with COPYUID, as a server with UIDPLUS does
	srv     *memIMAP
}

// Copy sends COPYUID only as real servers do: with UIDPLUS, and when a
// message was copied. (imapmemserver sends it always, and garbles it when
// nothing was copied: "OK [COPYUID 2 T8 NO [SERVERBUG]".)
func (s *memSession) Copy(numSet imap.NumSet, dest string) (*imap.CopyData, error) {
	data, err := s.UserSession.Copy(numSet, dest)
	if err != nil || !s.copyUID || len(data.SourceUIDs) == 0 {
		return nil, err
	}
	return data, nil
}

func (s *memSession) Create(name string, opts *imap.CreateOptions) error {
	if s.srv.refuseCreate.Load() {
		return &imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeNoPerm, Text: "Permission denied"}
	}
	return s.UserSession.Create(name, opts)
}

func (s *memSession) AuthenticateMechanisms() []string {
	if s.srv.tokenOK.Load() != nil {
		return []string{sasl.Plain, XOAUTH2, OAUTHBEARER}
	}
	return []string{sasl.Plain, XOAUTH2}
}

// tokenOK reports whether the server takes token for memUser.
func (s *memSession) tokenOK(token string) bool {
	if ok := s.srv.tokenOK.Load(); ok != nil {
		return (*ok)(token)
	}
	return token == memToken
}

func (s *memSession) Authenticate(mech string) (sasl.Server, error) {
	switch mech {
	case sasl.Plain:
		return sasl.NewPlainServer(func(identity, username, password string) error {
			return s.Login(username, password)
		}), nil
	case XOAUTH2:
		return &memXOAUTH2Server{ok: s.tokenOK}, nil
	case OAUTHBEARER:
		return sasl.NewOAuthBearerServer(func(o sasl.OAuthBearerOptions) *sasl.OAuthBearerError {
			if o.Username != memUser || !s.tokenOK(o.Token) {
				return &sasl.OAuthBearerError{Status: "invalid_token", Schemes: "bearer"}
			}
			return nil
		}), nil
	}
	return nil, &imap.Error{Type: imap.StatusResponseTypeNo, Text: "unsupported mechanism"}
}

// memXOAUTH2Server accepts memUser with a token ok takes and otherwise
// behaves as Gmail does: a JSON error challenge, then NO after the client's
// empty reply.
type memXOAUTH2Server struct {
	ok       func(token string) bool
	rejected bool
}

func (s *memXOAUTH2Server) Next(resp []byte) ([]byte, bool, error) {
	switch {
	case s.rejected:
		if len(resp) != 0 {
			return nil, true, errors.New("xoauth2: want an empty response to the error challenge")
		}
		return nil, true, imapserver.ErrAuthFailed
	case resp == nil:
		return nil, false, nil // "+ ": ask for the initial response
	}
	if tok, ok := strings.CutPrefix(string(resp), "user="+memUser+"\x01auth=Bearer "); ok &&
		strings.HasSuffix(tok, "\x01\x01") && s.ok(strings.TrimSuffix(tok, "\x01\x01")) {
		return nil, true, nil
	}
	s.rejected = true
	return []byte(`{"status":"401","schemes":"bearer","scope":"https://mail.google.com/"}`), false, nil
}

type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func bufferLogger(w *lockedBuffer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, nil))
}

func dialMemIMAP(t *testing.T, cfg MailboxConfig) *IMAPMailbox {
	t.Helper()
	m, err := DialMailbox(context.Background(), cfg, bufferLogger(&lockedBuffer{}))
	if err != nil {
		t.Fatalf("DialMailbox: %v", err)
	}
	t.Cleanup(func() { m.Close() })
	return m
}

func mailboxTestMessage(subject string) string {
	return "From: customer@example.com\r\nTo: intake@example.test\r\nSubject: " + subject +
		"\r\nMessage-ID: <" + subject + "@example.com>\r\n\r\nHello, " + subject + ".\r\n"
}

// selfSignedCert returns a self-signed certificate for 127.0.0.1 and the
// path of its PEM file, for ca_file.
func selfSignedCert(t *testing.T) (tls.Certificate, string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "intake test"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, caFile
}

func TestMailboxListFetch(t *testing.T) {
	ts := startMemIMAP(t, memIMAPOptions{})
	raws := []string{mailboxTestMessage("one"), mailboxTestMessage("two-longer"), mailboxTestMessage("three")}
	var uids []imap.UID
	for _, raw := range raws {
		uids = append(uids, ts.appendMessage(t, "INBOX", raw))
	}
	m := dialMemIMAP(t, ts.config())
	ctx := context.Background()

	if got := m.UIDValidity(); got == 0 {
		t.Errorf("UIDValidity() = 0, want the server's value")
	}

	list, err := m.List(ctx, 0)
	if err != nil {
		t.Fatalf("List(0): %v", err)
	}
	var want []Envelope
	for i, raw := range raws {
		subject := []string{"one", "two-longer", "three"}[i]
		want = append(want, Envelope{UID: uids[i], Size: int64(len(raw)), From: "customer@example.com", Subject: subject, MessageID: subject + "@example.com"})
	}
	if !slices.Equal(list, want) {
		t.Errorf("List(0) = %v, want %v", list, want)
	}

	for i, raw := range raws {
		var buf bytes.Buffer
		if err := m.Fetch(ctx, list[i], &buf); err != nil {
			t.Fatalf("Fetch(%d): %v", uids[i], err)
		}
		if buf.String() != raw {
			t.Errorf("Fetch(%d) wrote %q, want %q", uids[i], buf.String(), raw)
		}
	}
	for _, msg := range ts.inspect(t, "INBOX") {
		if slices.Contains(msg.Flags, imap.FlagSeen) {
			t.Errorf("after Fetch, uid %d has flags %v, want no \\Seen", msg.UID, msg.Flags)
		}
	}

	if err := m.Fetch(ctx, Envelope{UID: 999}, &bytes.Buffer{}); !errors.Is(err, ErrNoSuchMessage) {
		t.Errorf("Fetch(999) = %v, want ErrNoSuchMessage", err)
	}
}

func TestMailboxListAfterCheckpoint(t *testing.T) {
	ts := startMemIMAP(t, memIMAPOptions{})
	first := ts.appendMessage(t, "INBOX", mailboxTestMessage("a"))
	second := ts.appendMessage(t, "INBOX", mailboxTestMessage("b"))
	ts.appendMessage(t, "INBOX", mailboxTestMessage("deleted"), imap.FlagDeleted)
	m := dialMemIMAP(t, ts.config())
	ctx := context.Background()

	tests := []struct {
		after imap.UID
		want  []imap.UID
	}{
		{0, []imap.UID{first, second}},
		{first, []imap.UID{second}},
		{second, nil},     // "n:*" must not match the highest UID
		{second + 5, nil}, // nor a checkpoint beyond it
	}
	for _, tt := range tests {
		list, err := m.List(ctx, tt.after)
		if err != nil {
			t.Fatalf("List(%d): %v", tt.after, err)
		}
		var got []imap.UID
		for _, e := range list {
			got = append(got, e.UID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("List(%d) UIDs = %v, want %v", tt.after, got, tt.want)
		}
	}

	// New mail arriving on an open connection is listed.
	third := ts.appendMessage(t, "INBOX", mailboxTestMessage("c"))
	list, err := m.List(ctx, second)
	if err != nil || len(list) != 1 || list[0].UID != third {
		t.Errorf("List(%d) after new mail = %v, %v; want uid %d", second, list, err, third)
	}
}

func TestMailboxMove(t *testing.T) {
	for _, tt := range []struct {
		name       string
		caps       imap.CapSet
		wantGone   bool   // the original leaves INBOX
		wantWarn   string // in the client's log
		wantNotCmd string // a command the client must not send
	}{
		{
			name:       "MOVE",
			caps:       imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapMove: {}, imap.CapUIDPlus: {}},
			wantGone:   true,
			wantNotCmd: "UID COPY",
		},
		{
			name:       "IMAP4rev2",
			caps:       imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapIMAP4rev2: {}},
			wantGone:   true,
			wantNotCmd: "UID COPY",
		},
		{
			name:       "no MOVE, UIDPLUS",
			caps:       imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapUIDPlus: {}},
			wantGone:   true,
			wantNotCmd: "UID MOVE",
		},
		{
			name:       "no MOVE, no UIDPLUS",
			caps:       imap.CapSet{imap.CapIMAP4rev1: {}},
			wantGone:   false,
			wantWarn:   "neither MOVE nor UIDPLUS",
			wantNotCmd: "UID EXPUNGE",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ts := startMemIMAP(t, memIMAPOptions{caps: tt.caps})
			raw := mailboxTestMessage("to-move")
			uid := ts.appendMessage(t, "INBOX", raw)
			bystander := ts.appendMessage(t, "INBOX", mailboxTestMessage("bystander"), imap.FlagDeleted)
			logs := &lockedBuffer{}
			m, err := DialMailbox(context.Background(), ts.config(), bufferLogger(logs))
			if err != nil {
				t.Fatalf("DialMailbox: %v", err)
			}
			defer m.Close()

			if _, err := m.Move(context.Background(), uid, "Intake/Forwarded"); err != nil {
				t.Fatalf("Move(%d, Intake/Forwarded): %v", uid, err)
			}

			moved := ts.inspect(t, "Intake/Forwarded")
			if len(moved) != 1 || moved[0].Raw != raw {
				t.Errorf("Intake/Forwarded holds %v, want exactly the moved message", moved)
			}
			inbox := ts.inspect(t, "INBOX")
			var left []imap.UID
			for _, msg := range inbox {
				left = append(left, msg.UID)
				if msg.UID == uid && !slices.Contains(msg.Flags, imap.FlagDeleted) {
					t.Errorf("original uid %d left in INBOX without \\Deleted: %v", uid, msg.Flags)
				}
			}
			wantLeft := []imap.UID{uid, bystander}
			if tt.wantGone {
				wantLeft = []imap.UID{bystander}
			}
			if !slices.Equal(left, wantLeft) {
				t.Errorf("INBOX UIDs after Move = %v, want %v (the \\Deleted bystander must stay)", left, wantLeft)
			}
			if list, err := m.List(context.Background(), 0); err != nil || len(list) != 0 {
				t.Errorf("List(0) after Move = %v, %v; want nothing", list, err)
			}

			cmds := clientCommands(ts.transcript.String())
			for _, name := range []string{"EXPUNGE", tt.wantNotCmd} {
				if n := countCommands(cmds, name); n > 0 {
					t.Errorf("client sent %s %d times; commands:\n%s", name, n, strings.Join(cmds, "\n"))
				}
			}
			if tt.wantWarn != "" && !strings.Contains(logs.String(), tt.wantWarn) {
				t.Errorf("log = %q, want a warning containing %q", logs.String(), tt.wantWarn)
			}
			if got := ts.mailboxes(t); !slices.Equal(got, []string{"INBOX", "Intake/Forwarded"}) {
				t.Errorf("mailboxes = %v, want INBOX and the created folder", got)
			}

			// The folder now exists: a second move must not try to create it.
			second := ts.appendMessage(t, "INBOX", mailboxTestMessage("second"))
			if _, err := m.Move(context.Background(), second, "Intake/Forwarded"); err != nil {
				t.Fatalf("second Move: %v", err)
			}
			if n := countCommands(clientCommands(ts.transcript.String()), "CREATE"); n != 1 {
				t.Errorf("client sent CREATE %d times, want 1", n)
			}
		})
	}
}

// clientCommands returns the commands clients sent in a server transcript,
// without their tags ("UID MOVE 1 Intake/Forwarded").
func clientCommands(transcript string) []string {
	var cmds []string
	for _, line := range strings.Split(transcript, "\r\n") {
		tag, cmd, ok := strings.Cut(line, " ")
		if !ok || len(tag) < 2 || tag[0] != 'T' || strings.Trim(tag[1:], "0123456789") != "" {
			continue
		}
		if verb, _, _ := strings.Cut(cmd, " "); verb == "OK" || verb == "NO" || verb == "BAD" {
			continue // a tagged response
		}
		cmds = append(cmds, cmd)
	}
	return cmds
}

// countCommands counts the commands that are name or start with name + " ".
func countCommands(cmds []string, name string) int {
	n := 0
	for _, cmd := range cmds {
		if cmd == name || strings.HasPrefix(cmd, name+" ") {
			n++
		}
	}
	return n
}

func TestMailboxMoveFailedCopyDeletesNothing(t *testing.T) {
	for name, caps := range map[string]imap.CapSet{
		"UIDPLUS":    {imap.CapIMAP4rev1: {}, imap.CapUIDPlus: {}},
		"no UIDPLUS": {imap.CapIMAP4rev1: {}},
	} {
		t.Run(name, func(t *testing.T) {
			ts := startMemIMAP(t, memIMAPOptions{caps: caps})
			uid := ts.appendMessage(t, "INBOX", mailboxTestMessage("stays"))
			m := dialMemIMAP(t, ts.config())

			// imapmemserver refuses to copy a mailbox into itself.
			if _, err := m.Move(context.Background(), uid, "INBOX"); err == nil {
				t.Fatalf("Move(%d, INBOX) = nil, want the COPY error", uid)
			}
			inbox := ts.inspect(t, "INBOX")
			if len(inbox) != 1 || len(inbox[0].Flags) != 0 {
				t.Errorf("INBOX after failed Move = %v, want the message untouched", inbox)
			}

			if _, err := m.Move(context.Background(), 999, "Intake/Failed"); !errors.Is(err, ErrNoSuchMessage) {
				t.Errorf("Move(999) = %v, want ErrNoSuchMessage", err)
			}
		})
	}
}

func TestMailboxSecurity(t *testing.T) {
	for _, security := range []string{"tls", "starttls"} {
		t.Run(security, func(t *testing.T) {
			ts := startMemIMAP(t, memIMAPOptions{security: security})
			uid := ts.appendMessage(t, "INBOX", mailboxTestMessage("tls"))
			cfg := ts.config()
			cfg.Security = security

			_, err := DialMailbox(context.Background(), cfg, bufferLogger(&lockedBuffer{}))
			if err == nil {
				t.Fatalf("DialMailbox without ca_file = nil, want a certificate error")
			}

			cfg.CAFile = ts.caFile
			m := dialMemIMAP(t, cfg)
			if list, err := m.List(context.Background(), 0); err != nil || len(list) != 1 || list[0].UID != uid {
				t.Errorf("List(0) over %s = %v, %v; want uid %d", security, list, err, uid)
			}
		})
	}
}

func TestMailboxAuth(t *testing.T) {
	ts := startMemIMAP(t, memIMAPOptions{})
	for _, tt := range []struct {
		name    string
		server  *memIMAP
		auth    string
		secret  string
		wantErr string
	}{
		{"plain", ts, "plain", memPassword, ""},
		{"login", ts, "login", memPassword, ""},
		{"XOAUTH2", ts, "xoauth2", memToken, ""},
		{"plain, wrong password", ts, "plain", "wrong", "Authentication failed"},
		{"XOAUTH2, wrong token", ts, "xoauth2", "expired", "status 401"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := tt.server.config()
			cfg.Auth = tt.auth
			cfg.Password, cfg.Token = Secret{}, Secret{}
			if tt.auth == "xoauth2" {
				cfg.Token = Secret{Value: tt.secret}
			} else {
				cfg.Password = Secret{Value: tt.secret}
			}
			m, err := DialMailbox(context.Background(), cfg, bufferLogger(&lockedBuffer{}))
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("DialMailbox(auth %s): %v", tt.auth, err)
				}
				m.Close()
				return
			}
			if err == nil {
				m.Close()
				t.Fatalf("DialMailbox(auth %s, bad secret) = nil, want error", tt.auth)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("DialMailbox(auth %s) = %v, want %q", tt.auth, err, tt.wantErr)
			}
			if strings.Contains(err.Error(), tt.secret) {
				t.Errorf("error %q shows the secret", err)
			}
		})
	}
}

// TestXOAUTH2ConnectionUsableAfterRejection shows why Next answers the error
// challenge instead of failing: the exchange ends cleanly, and the same
// connection can try again.
func TestXOAUTH2ConnectionUsableAfterRejection(t *testing.T) {
	ts := startMemIMAP(t, memIMAPOptions{})
	c, err := imapclient.DialInsecure(net.JoinHostPort(ts.host, ts.port), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	bad := NewXOAUTH2Client(memUser, "expired")
	if err := c.Authenticate(bad); err == nil {
		t.Fatal("Authenticate(expired token) = nil, want error")
	}
	var report *XOAUTH2Error
	if !errors.As(bad.Err(), &report) || report.Status != "401" {
		t.Errorf("Err() = %v, want the server's report with status 401", bad.Err())
	}
	if err := c.Authenticate(NewXOAUTH2Client(memUser, memToken)); err != nil {
		t.Fatalf("Authenticate(good token) after a rejection: %v", err)
	}
}

func TestXOAUTH2Client(t *testing.T) {
	c := NewXOAUTH2Client("user@example.com", "tok")
	mech, ir, err := c.Start()
	if err != nil || mech != "XOAUTH2" || string(ir) != "user=user@example.com\x01auth=Bearer tok\x01\x01" {
		t.Errorf("Start() = %q, %q, %v", mech, ir, err)
	}

	resp, err := c.Next([]byte(`{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}`))
	if err != nil || resp == nil || len(resp) != 0 {
		t.Errorf("Next(error report) = %q, %v; want an empty, non-nil response", resp, err)
	}
	var report *XOAUTH2Error
	if !errors.As(c.Err(), &report) || report.Status != "400" || report.Scope != "https://mail.google.com/" {
		t.Errorf("Err() = %#v, want status 400 and the scope", c.Err())
	}
	if _, err := c.Next([]byte("again")); err == nil {
		t.Error("Next(second challenge) = nil error, want ErrUnexpectedServerChallenge")
	}

	c = NewXOAUTH2Client("user", "tok")
	c.Next([]byte("not json"))
	if c.Err() == nil || !strings.Contains(c.Err().Error(), "not json") {
		t.Errorf("Err() after a non-JSON challenge = %v, want its text", c.Err())
	}

	if _, _, err := NewXOAUTH2Client("user\x01", "tok").Start(); err == nil {
		t.Error("Start() with \\x01 in the username = nil error")
	}
}

// TestMailboxDebugTranscript: the transcript shows the dialogue but none of
// the credentials, whichever way intake logs in.
func TestMailboxDebugTranscript(t *testing.T) {
	ts := startMemIMAP(t, memIMAPOptions{})
	secrets := []string{memPassword, memToken,
		base64.StdEncoding.EncodeToString([]byte("\x00" + memUser + "\x00" + memPassword))}
	for _, auth := range []string{"login", "plain", "xoauth2"} {
		for _, debug := range []bool{false, true} {
			logs := &lockedBuffer{}
			cfg := ts.config()
			cfg.Auth = auth
			if auth == "xoauth2" {
				cfg.Token = Secret{Value: memToken}
			}
			cfg.Debug = debug
			m, err := DialMailbox(context.Background(), cfg, bufferLogger(logs))
			if err != nil {
				t.Fatalf("DialMailbox(auth %s, debug %v): %v", auth, debug, err)
			}
			m.Close()
			if got := strings.Contains(logs.String(), "SELECT"); got != debug {
				t.Errorf("auth %s, debug %v: transcript in log = %v, want %v; log:\n%s", auth, debug, got, debug, logs)
			}
			for _, s := range secrets {
				if strings.Contains(logs.String(), s) {
					t.Errorf("auth %s, debug %v: log holds the secret %q:\n%s", auth, debug, s, logs)
				}
			}
		}
	}
}

func TestMailboxContext(t *testing.T) {
	ts := startMemIMAP(t, memIMAPOptions{})
	uid := ts.appendMessage(t, "INBOX", mailboxTestMessage("ctx"))
	m := dialMemIMAP(t, ts.config())

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := m.List(ctx, 0); !errors.Is(err, context.Canceled) {
		t.Errorf("List(cancelled ctx) = %v, want context.Canceled", err)
	}
	// A call refused before it starts leaves the connection usable.
	if _, err := m.List(context.Background(), 0); err != nil {
		t.Fatalf("List after a refused call: %v", err)
	}

	ctx, cancel = context.WithCancel(context.Background())
	w := funcWriter(func(p []byte) (int, error) {
		cancel()
		time.Sleep(50 * time.Millisecond) // let the connection close
		return 0, errors.New("disk full")
	})
	if err := m.Fetch(ctx, Envelope{UID: uid, Size: 100}, w); !errors.Is(err, context.Canceled) {
		t.Errorf("Fetch cancelled mid-body = %v, want context.Canceled", err)
	}
	if _, err := m.List(context.Background(), 0); err == nil {
		t.Error("List after a cancelled Fetch = nil error, want the connection closed")
	}
}

func TestMailboxDialTimeout(t *testing.T) {
	// A server that greets and then never answers.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			defer conn.Close()
			fmt.Fprint(conn, "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hello\r\n")
		}
	}()
	host, port, _ := net.SplitHostPort(ln.Addr().String())
	portNum, _ := strconv.Atoi(port)
	cfg := MailboxConfig{
		Host: host, Port: portNum, Security: "plain", Username: "u",
		Password: Secret{Value: "p"}, Timeout: Duration(200 * time.Millisecond),
	}
	start := time.Now()
	_, err = DialMailbox(context.Background(), cfg, bufferLogger(&lockedBuffer{}))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("DialMailbox(silent server) = %v, want context.DeadlineExceeded", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("DialMailbox took %v with a 200ms timeout", d)
	}
}

func TestMailboxConfig(t *testing.T) {
	var cfg MailboxConfig
	src := `
host: imap.example.com
security: starttls
username: intake
password: {env: INTAKE_TEST_PW}
timeout: 1m
folders:
  failed: Errors
`
	if err := yaml.Unmarshal([]byte(src), &cfg); err != nil {
		t.Fatal(err)
	}
	cfg.SetDefaults()
	want := MailboxConfig{
		Host: "imap.example.com", Port: 143, Security: "starttls", Auth: "plain",
		Username: "intake", Password: Secret{Env: "INTAKE_TEST_PW"}, Mailbox: "INBOX",
		Folders: Folders{Forwarded: "Intake/Forwarded", Waiting: "Intake/Waiting", Ignored: "Intake/Ignored", Failed: "Errors"},
		Timeout: Duration(time.Minute), MaxTries: 8, IdleRestart: Duration(25 * time.Minute),
	}
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("decoded config = %+v\nwant %+v", cfg, want)
	}
	if err := cfg.Validate(); err != nil {
		t.Errorf("Validate() = %v", err)
	}

	def := MailboxConfig{Host: "h", Username: "u", Password: Secret{Value: "p"}}
	def.SetDefaults()
	if def.Port != 993 || def.Security != "tls" {
		t.Errorf("defaults: port %d security %q, want 993 tls", def.Port, def.Security)
	}

	bad := MailboxConfig{Security: "ssl", Auth: "cram", Mailbox: "Intake/Failed"}
	bad.SetDefaults()
	err := bad.Validate()
	for _, want := range []string{"host is empty", `unknown security "ssl"`, `unknown auth "cram"`, "username is empty", `folder "Intake/Failed" is the mailbox polled`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() = %v, want it to contain %q", err, want)
		}
	}

	var d struct{ T Duration }
	if err := yaml.Unmarshal([]byte("t: 30"), &d); err == nil {
		t.Error("decoding duration 30 (no unit) = nil error")
	}
}

func TestSecret(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "token")
	if err := os.WriteFile(file, []byte("from-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("INTAKE_TEST_SECRET", "from-env")
	t.Setenv("INTAKE_TEST_EMPTY", "")

	for _, tt := range []struct {
		yaml    string
		want    string
		wantErr string
	}{
		{yaml: `s: inline`, want: "inline"},
		{yaml: `s: 12345`, want: "12345"},
		{yaml: `s: {value: inline}`, want: "inline"},
		{yaml: `s: {env: INTAKE_TEST_SECRET}`, want: "from-env"},
		{yaml: `s: {file: ` + file + `}`, want: "from-file"},
		{yaml: `s: {env: INTAKE_TEST_UNSET}`, wantErr: "INTAKE_TEST_UNSET is not set"},
		{yaml: `s: {env: INTAKE_TEST_EMPTY}`, wantErr: "INTAKE_TEST_EMPTY is empty"},
		{yaml: `s: {file: ` + dir + `/missing}`, wantErr: "missing"},
		{yaml: `s:`, wantErr: "not set"},
	} {
		var v struct{ S Secret }
		if err := yaml.Unmarshal([]byte(tt.yaml), &v); err != nil {
			t.Errorf("decoding %q: %v", tt.yaml, err)
			continue
		}
		got, err := v.S.Resolve()
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Resolve(%s) = %q, %v; want error containing %q", tt.yaml, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Resolve(%s) = %q, %v; want %q", tt.yaml, got, err, tt.want)
		}
	}

	for _, bad := range []string{"s: {env: A, file: B}", "s: {path: x}", "s: [a]"} {
		var v struct{ S Secret }
		if err := yaml.Unmarshal([]byte(bad), &v); err == nil {
			t.Errorf("decoding %q = nil error", bad)
		}
	}

	s := Secret{Value: "hunter2"}
	var logs bytes.Buffer
	slog.New(slog.NewTextHandler(&logs, nil)).Info("config", "password", s, "cfg", MailboxConfig{Password: s})
	for _, out := range []string{fmt.Sprint(s), fmt.Sprintf("%+v %#v", s, s), fmt.Sprintf("%+v", MailboxConfig{Password: s}), logs.String()} {
		if strings.Contains(out, "hunter2") {
			t.Errorf("secret printed: %s", out)
		}
	}
	if !(Secret{}).IsZero() || s.IsZero() {
		t.Error("IsZero wrong")
	}
}
