// Package imaptest runs an in-process IMAP server (go-imap's imapmemserver)
// with one user for the tests of the mailbox client and of the pipeline.
package imaptest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"log"
	"log/slog"
	"math/big"
	"net"
	"os"
	"path/filepath"
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

	"intake/intake/conf"
	"intake/intake/imapbox"
)

// The user of the test server, its password and the bearer token it takes.
const (
	User     = "intake@example.test"
	Password = "s3cret-pw"
	Token    = "ya29.test-token"
)

// Server is an in-process imapmemserver with one user.
type Server struct {
	Host, Port string
	user       *imapmemserver.User
	Transcript *LockedBuffer // everything the server read and wrote
	CAFile     string        // set when the server speaks TLS
	// TokenOK, when set, decides which bearer tokens XOAUTH2 and
	// OAUTHBEARER accept (else only Token), and OAUTHBEARER is offered.
	TokenOK atomic.Pointer[func(token string) bool]
	// RefuseCreate makes CREATE fail as for an account without the
	// right to create folders.
	RefuseCreate atomic.Bool
}

// Options sets what the server offers.
type Options struct {
	Caps     imap.CapSet // nil: IMAP4rev1 with MOVE and UIDPLUS
	Security string      // "plain" (default), "tls" or "starttls"
}

// Start starts a server on loopback until the test ends; on failure the
// test logs its transcript.
func Start(t testing.TB, o Options) *Server {
	t.Helper()
	if o.Caps == nil {
		o.Caps = imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapMove: {}, imap.CapUIDPlus: {}}
	}
	ts := &Server{
		user:       imapmemserver.NewUser(User, Password),
		Transcript: &LockedBuffer{},
	}
	if err := ts.user.Create("INBOX", nil); err != nil {
		t.Fatal(err)
	}

	opts := &imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			sess := &memSession{
				UserSession: imapmemserver.NewUserSession(ts.user),
				copyUID:     o.Caps.Has(imap.CapUIDPlus),
				srv:         ts,
			}
			return sess, nil, nil
		},
		Caps:         o.Caps,
		Logger:       log.New(ts.Transcript, "server error: ", 0),
		DebugWriter:  ts.Transcript,
		InsecureAuth: o.Security == "" || o.Security == "plain",
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if o.Security == "tls" || o.Security == "starttls" {
		var cert tls.Certificate
		cert, ts.CAFile = selfSignedCert(t)
		tlsConfig := &tls.Config{Certificates: []tls.Certificate{cert}}
		if o.Security == "tls" {
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
			t.Logf("server transcript:\n%s", ts.Transcript)
		}
	})
	ts.Host, ts.Port, _ = net.SplitHostPort(ln.Addr().String())
	return ts
}

// Config is the mailbox section that logs in to the server in plain text.
func (ts *Server) Config() imapbox.Config {
	port, _ := strconv.Atoi(ts.Port)
	return imapbox.Config{
		Host:     ts.Host,
		Port:     port,
		Security: "plain",
		Username: User,
		Password: conf.Secret{Value: Password},
		Timeout:  conf.Duration(10 * time.Second),
	}
}

// Append stores raw in mailbox with flags and returns its UID.
func (ts *Server) Append(t testing.TB, mailbox, raw string, flags ...imap.Flag) imap.UID {
	t.Helper()
	data, err := ts.user.Append(mailbox, bytes.NewReader([]byte(raw)), &imap.AppendOptions{Flags: flags})
	if err != nil {
		t.Fatalf("appending to %s: %v", mailbox, err)
	}
	return data.UID
}

// Create adds an empty mailbox (a second folder to poll).
func (ts *Server) Create(t testing.TB, mailbox string) {
	t.Helper()
	if err := ts.user.Create(mailbox, nil); err != nil {
		t.Fatal(err)
	}
}

// Recreate deletes mailbox and creates it again, empty and with a new
// UIDVALIDITY.
func (ts *Server) Recreate(t testing.TB, mailbox string) {
	t.Helper()
	if err := ts.user.Delete(mailbox); err != nil {
		t.Fatal(err)
	}
	if err := ts.user.Create(mailbox, nil); err != nil {
		t.Fatal(err)
	}
}

// Stored is a message as a second, independent client sees it.
type Stored struct {
	UID   imap.UID
	Flags []imap.Flag
	Raw   string
}

// Inspect returns every message in mailbox, read over a separate connection.
func (ts *Server) Inspect(t testing.TB, mailbox string) []Stored {
	t.Helper()
	c, err := imapclient.DialInsecure(net.JoinHostPort(ts.Host, ts.Port), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Login(User, Password).Wait(); err != nil {
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
	var out []Stored
	for _, m := range msgs {
		out = append(out, Stored{m.UID, m.Flags, string(m.FindBodySection(body))})
	}
	return out
}

// Mailboxes lists the names of every mailbox, sorted.
func (ts *Server) Mailboxes(t testing.TB) []string {
	t.Helper()
	c, err := imapclient.DialInsecure(net.JoinHostPort(ts.Host, ts.Port), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Login(User, Password).Wait(); err != nil {
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
	srv     *Server
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
	if s.srv.RefuseCreate.Load() {
		return &imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeNoPerm, Text: "Permission denied"}
	}
	return s.UserSession.Create(name, opts)
}

func (s *memSession) AuthenticateMechanisms() []string {
	if s.srv.TokenOK.Load() != nil {
		return []string{sasl.Plain, imapbox.XOAUTH2, imapbox.OAUTHBEARER}
	}
	return []string{sasl.Plain, imapbox.XOAUTH2}
}

// tokenOK reports whether the server takes token for User.
func (s *memSession) tokenOK(token string) bool {
	if ok := s.srv.TokenOK.Load(); ok != nil {
		return (*ok)(token)
	}
	return token == Token
}

func (s *memSession) Authenticate(mech string) (sasl.Server, error) {
	switch mech {
	case sasl.Plain:
		return sasl.NewPlainServer(func(identity, username, password string) error {
			return s.Login(username, password)
		}), nil
	case imapbox.XOAUTH2:
		return &memXOAUTH2Server{ok: s.tokenOK}, nil
	case imapbox.OAUTHBEARER:
		return sasl.NewOAuthBearerServer(func(o sasl.OAuthBearerOptions) *sasl.OAuthBearerError {
			if o.Username != User || !s.tokenOK(o.Token) {
				return &sasl.OAuthBearerError{Status: "invalid_token", Schemes: "bearer"}
			}
			return nil
		}), nil
	}
	return nil, &imap.Error{Type: imap.StatusResponseTypeNo, Text: "unsupported mechanism"}
}

// memXOAUTH2Server accepts User with a token ok takes and otherwise
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
	if tok, ok := strings.CutPrefix(string(resp), "user="+User+"\x01auth=Bearer "); ok &&
		strings.HasSuffix(tok, "\x01\x01") && s.ok(strings.TrimSuffix(tok, "\x01\x01")) {
		return nil, true, nil
	}
	s.rejected = true
	return []byte(`{"status":"401","schemes":"bearer","scope":"https://mail.google.com/"}`), false, nil
}

// LockedBuffer is a bytes.Buffer safe for concurrent use, for transcripts
// and logs.
type LockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write appends p.
func (b *LockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// String returns what was written.
func (b *LockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// Logger returns a text logger that writes to w.
func Logger(w *LockedBuffer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, nil))
}

// TestMessage returns a small mail with the subject, for List and Fetch.
func TestMessage(subject string) string {
	return "From: customer@example.com\r\nTo: intake@example.test\r\nSubject: " + subject +
		"\r\nMessage-ID: <" + subject + "@example.com>\r\n\r\nHello, " + subject + ".\r\n"
}

// selfSignedCert returns a self-signed certificate for 127.0.0.1 and the
// path of its PEM file, for ca_file.
func selfSignedCert(t testing.TB) (tls.Certificate, string) {
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
