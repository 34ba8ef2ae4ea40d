// Package mailertest runs an SMTP server in the process that records what
// it receives and fails on demand: the tests of package mailer use it, and
// so does `intake demo`, which needs a mail server nobody has to set up.
package mailertest

import (
	"bytes"
	"crypto/tls"
	"fmt"
	"io"
	"log"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Received is one message the Recorder accepted.
type Received struct {
	From    string   // envelope sender, "" for the null sender
	To      []string // envelope recipients
	Raw     []byte   // the data, dot-unstuffed, as the client sent it
	User    string   // the AUTH user, "" without AUTH
	TLS     bool     // the message came over TLS
	Dropped bool     // accepted, then the connection was closed unanswered
}

// Recorder is an SMTP server on 127.0.0.1 that records every message it
// receives. It is safe for concurrent use.
type Recorder struct {
	srv *smtp.Server
	ln  net.Listener

	mu       sync.Mutex
	changed  *sync.Cond
	msgs     []Received
	failCode int
	failN    int
	dropN    int
	rejects  map[string]int // recipient → reply code
	user     string
	password string
	tokenOK  func(string) bool
	onRecv   func(Received)
	no8bit   bool
}

// Start listens on 127.0.0.1 on a free port, without TLS, and serves until
// Close.
func Start() (*Recorder, error) { return StartTLS(nil, false) }

// StartSized is Start with a server that announces SIZE maxBytes and
// refuses larger mail.
func StartSized(maxBytes int64) (*Recorder, error) { return start(nil, false, maxBytes) }

// StartTLS is Start with TLS: implicit TLS on connect when implicit is set,
// else STARTTLS offered to the client. A nil cfg means no TLS at all.
func StartTLS(cfg *tls.Config, implicit bool) (*Recorder, error) { return start(cfg, implicit, 64<<20) }

func start(cfg *tls.Config, implicit bool, maxBytes int64) (*Recorder, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("listening: %w", err)
	}
	r := &Recorder{ln: ln, rejects: map[string]int{}}
	r.changed = sync.NewCond(&r.mu)
	r.srv = smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		return &session{r: r, conn: c}, nil
	}))
	r.srv.Domain = "localhost"
	r.srv.AllowInsecureAuth = true // loopback only
	r.srv.ReadTimeout = time.Minute
	r.srv.WriteTimeout = time.Minute
	r.srv.MaxMessageBytes = maxBytes
	r.srv.ErrorLog = log.New(io.Discard, "", 0)
	ln = hidingListener{ln, r}
	if cfg != nil && implicit {
		ln = tls.NewListener(ln, cfg)
	} else {
		r.srv.TLSConfig = cfg
	}
	go func() { _ = r.srv.Serve(ln) }()
	return r, nil
}

// Addr is the host:port the Recorder listens on.
func (r *Recorder) Addr() string { return r.ln.Addr().String() }

// Close stops the server and drops every connection.
func (r *Recorder) Close() error { return r.srv.Close() }

// RequireAuth makes the server offer AUTH PLAIN and XOAUTH2 and refuse MAIL
// FROM until a client has logged in as user, with secret as the password
// (PLAIN) or the bearer token (XOAUTH2).
func (r *Recorder) RequireAuth(user, secret string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.user, r.password = user, secret
}

// RequireToken is RequireAuth for bearer tokens that change: XOAUTH2 (and
// PLAIN) accept a secret when ok says so.
func (r *Recorder) RequireToken(user string, ok func(secret string) bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.user, r.tokenOK = user, ok
}

// FailNext answers DATA of the next n messages with code (e.g. 451 or 550)
// instead of accepting them.
func (r *Recorder) FailNext(code, n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failCode, r.failN = code, n
}

// DropAfterData accepts the data of the next n messages, records them, and
// closes the connection without answering: the client cannot know whether
// the mail was delivered.
func (r *Recorder) DropAfterData(n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.dropN = n
}

// Hide8BITMIME makes the server leave 8BITMIME out of its EHLO answer from
// now on, on connections without TLS, as some relays still do (it accepts 8-bit data all the same, so
// that a test sees what the client sent).
func (r *Recorder) Hide8BITMIME() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.no8bit = true
}

// hidingListener hands out connections that drop the 8BITMIME line of the
// EHLO answer when the Recorder says so.
type hidingListener struct {
	net.Listener
	r *Recorder
}

func (l hidingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return hidingConn{c, l.r}, nil
}

type hidingConn struct {
	net.Conn
	r *Recorder
}

func (c hidingConn) Write(p []byte) (int, error) {
	c.r.mu.Lock()
	hide := c.r.no8bit
	c.r.mu.Unlock()
	// go-smtp writes the EHLO answer in one piece, 8BITMIME never last.
	if line := []byte("250-8BITMIME\r\n"); hide && bytes.Contains(p, line) {
		if _, err := c.Conn.Write(bytes.Replace(p, line, nil, 1)); err != nil {
			return 0, err
		}
		return len(p), nil
	}
	return c.Conn.Write(p)
}

// RejectRcpt answers RCPT TO:<addr> with code from now on; code 0 accepts
// it again.
func (r *Recorder) RejectRcpt(addr string, code int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.rejects[strings.ToLower(addr)] = code
}

// OnReceive calls f with every message accepted from now on (after it is
// recorded), so that a caller can deliver it somewhere (intake demo puts it
// in the recipients' IMAP mailboxes).
func (r *Recorder) OnReceive(f func(Received)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.onRecv = f
}

// Messages returns a copy of what was received so far, in order.
func (r *Recorder) Messages() []Received {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]Received, len(r.msgs))
	copy(out, r.msgs)
	return out
}

// Wait blocks until at least n messages were received, or fails after
// timeout.
func (r *Recorder) Wait(n int, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	t := time.AfterFunc(timeout, func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.changed.Broadcast()
	})
	defer t.Stop()
	r.mu.Lock()
	defer r.mu.Unlock()
	for len(r.msgs) < n {
		if !time.Now().Before(deadline) {
			return fmt.Errorf("waiting for %d messages: got %d in %v", n, len(r.msgs), timeout)
		}
		r.changed.Wait()
	}
	return nil
}

// record adds m, or reports the fault to inject instead.
func (r *Recorder) record(m Received) (fail error, drop bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.failN > 0 {
		r.failN--
		return &smtp.SMTPError{Code: r.failCode, Message: "injected fault"}, false
	}
	if r.dropN > 0 {
		r.dropN--
		m.Dropped = true
		drop = true
	}
	r.msgs = append(r.msgs, m)
	r.changed.Broadcast()
	return nil, drop
}

type session struct {
	r     *Recorder
	conn  *smtp.Conn
	user  string
	authd bool
	from  string
	to    []string
}

func (s *session) AuthMechanisms() []string {
	s.r.mu.Lock()
	defer s.r.mu.Unlock()
	if s.r.user == "" {
		return nil
	}
	return []string{sasl.Plain, "XOAUTH2"}
}

func (s *session) Auth(mech string) (sasl.Server, error) {
	switch mech {
	case sasl.Plain:
		return sasl.NewPlainServer(func(identity, user, password string) error {
			if identity != "" && identity != user {
				return smtp.ErrAuthFailed
			}
			return s.login(user, password)
		}), nil
	case "XOAUTH2":
		return xoauth2Server(s.login), nil
	}
	return nil, smtp.ErrAuthUnknownMechanism
}

func (s *session) login(user, secret string) error {
	s.r.mu.Lock()
	ok := s.r.user != "" && user == s.r.user && secret == s.r.password
	if s.r.tokenOK != nil {
		ok = s.r.user != "" && user == s.r.user && s.r.tokenOK(secret)
	}
	s.r.mu.Unlock()
	if !ok {
		return smtp.ErrAuthFailed
	}
	s.user, s.authd = user, true
	return nil
}

// xoauth2Server reads the one XOAUTH2 message,
// "user=NAME\x01auth=Bearer TOKEN\x01\x01", and checks it with login.
type xoauth2Server func(user, token string) error

func (x xoauth2Server) Next(resp []byte) ([]byte, bool, error) {
	if resp == nil {
		return []byte{}, false, nil // no initial response: ask for it
	}
	var user, token string
	for _, f := range strings.Split(string(resp), "\x01") {
		if v, ok := strings.CutPrefix(f, "user="); ok {
			user = v
		}
		if v, ok := strings.CutPrefix(f, "auth=Bearer "); ok {
			token = v
		}
	}
	return nil, true, x(user, token)
}

func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	s.r.mu.Lock()
	need := s.r.user != ""
	s.r.mu.Unlock()
	if need && !s.authd {
		return smtp.ErrAuthRequired
	}
	s.from = from
	return nil
}

func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.r.mu.Lock()
	code := s.r.rejects[strings.ToLower(to)]
	s.r.mu.Unlock()
	if code != 0 {
		return &smtp.SMTPError{Code: code, Message: "injected rejection of " + to}
	}
	s.to = append(s.to, to)
	return nil
}

func (s *session) Data(rd io.Reader) error {
	raw, err := io.ReadAll(rd)
	if err != nil {
		return err
	}
	_, isTLS := s.conn.TLSConnectionState()
	m := Received{From: s.from, To: s.to, Raw: raw, User: s.user, TLS: isTLS}
	fail, drop := s.r.record(m)
	s.r.mu.Lock()
	onRecv := s.r.onRecv
	s.r.mu.Unlock()
	if fail == nil && onRecv != nil {
		onRecv(m)
	}
	if drop {
		// go-smtp then writes its reply to a closed connection and gives up.
		_ = s.conn.Conn().Close()
		return nil
	}
	return fail
}

func (s *session) Reset() {
	s.from, s.to = "", nil
}

func (s *session) Logout() error { return nil }
