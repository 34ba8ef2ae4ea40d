package mailer

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/textproto"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	gomail "github.com/wneessen/go-mail"
	gomaillog "github.com/wneessen/go-mail/log"
	"github.com/wneessen/go-mail/smtp"
)

// SMTPOptions tell a Sender where and how to submit mail.
type SMTPOptions struct {
	Host     string
	Port     int
	Security string // tls (implicit) | starttls (mandatory) | plain (loopback only)
	Auth     string // plain | login | xoauth2 | none
	Username string
	Password string
	Token    string // xoauth2 bearer token
	// TokenFunc, when set, gives a fresh xoauth2 token before each
	// connection, instead of Token.
	TokenFunc func(ctx context.Context) (string, error)
	CAFile    string // PEM roots instead of the system's
	Timeout   time.Duration
	Helo      string // "" = the host name
	Debug     bool   // log the SMTP dialogue (AUTH redacted) at debug level
}

// Class says what a failed send means for the mail.
type Class int

const (
	// Temporary: not delivered; sending again later may work (4xx replies,
	// refused or lost connections and timeouts before the end of DATA).
	Temporary Class = iota + 1
	// Permanent: not delivered; sending again will fail the same way (5xx).
	Permanent
	// Unknown: the connection was lost or timed out after the final "."
	// was sent, so the server may have delivered the mail. Sending again
	// with the same Message-ID is the safe repair.
	Unknown
	// Misconfigured: the server refuses the way intake is set up to talk
	// to it (a login it does not offer, credentials it rejects). No mail
	// can go until the config changes; the mail itself is not at fault.
	Misconfigured
)

// String returns the class as the logs show it.
func (c Class) String() string {
	switch c {
	case Temporary:
		return "temporary"
	case Permanent:
		return "permanent"
	case Unknown:
		return "unknown"
	case Misconfigured:
		return "misconfigured"
	}
	return "Class(" + strconv.Itoa(int(c)) + ")"
}

// SendError is a failed send: its Class, the server's reply code when there
// was one, and the cause.
type SendError struct {
	Class Class
	Code  int // SMTP reply code, 0 when the server gave none
	Err   error
}

// Error returns the cause with the class after it.
func (e *SendError) Error() string { return fmt.Sprintf("%v (%s)", e.Err, e.Class) }

// Unwrap returns the cause.
func (e *SendError) Unwrap() error { return e.Err }

// Sender submits composed mail to one SMTP server. It is safe for
// concurrent use. A Send leaves its connection open for the next one (RSET
// between, a new connection when that fails); Hangup closes it.
type Sender struct {
	mu      sync.Mutex
	idle    *idleConn // the connection the last Send left, or nil
	host    string
	opts    []gomail.Option
	auth    string                                       // the configured mechanism, "" for none
	login   func(ctx context.Context) (smtp.Auth, error) // nil for none
	dialer  contextDialer
	addr    string
	timeout time.Duration
	log     *slog.Logger
	debug   bool // log the protocol (go-mail logs what it sends itself)
	// maxSize is the SIZE the server announced at the last EHLO (0: none);
	// sizeSeen tells whether an EHLO answer was read at all.
	maxSize  atomic.Int64
	sizeSeen atomic.Bool
}

// MaxSize returns the largest mail the server said it takes (SIZE in its
// EHLO answer, RFC 1870) at the last connection, or 0 when not known.
func (s *Sender) MaxSize() int64 { return s.maxSize.Load() }

// LearnSize returns the server's SIZE as MaxSize does, first asking the
// server (connect, EHLO, QUIT: Probe) when this process has not talked to
// it yet, so that the first mail composed already fits.
func (s *Sender) LearnSize(ctx context.Context) (int64, error) {
	if !s.sizeSeen.Load() {
		if _, _, err := s.Probe(ctx); err != nil {
			return 0, err
		}
	}
	return s.MaxSize(), nil
}

// noteSize records the SIZE of an EHLO answer (none: 0, no fixed limit).
func (s *Sender) noteSize(ok bool, v string) {
	n := int64(0)
	if ok {
		if m, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil {
			n = m
		}
	}
	s.maxSize.Store(n)
	s.sizeSeen.Store(true)
}

type contextDialer interface {
	DialContext(ctx context.Context, network, addr string) (net.Conn, error)
}

// NewSender checks o and prepares a Sender. Nothing is dialled yet.
func NewSender(o SMTPOptions, log *slog.Logger) (*Sender, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.Port == 0 {
		o.Port = map[string]int{"tls": 465, "starttls": 587, "plain": 25}[o.Security]
	}
	opts := []gomail.Option{
		gomail.WithPort(o.Port),
		gomail.WithTimeout(o.Timeout),
	}
	if o.Helo != "" {
		opts = append(opts, gomail.WithHELO(o.Helo))
	}

	tc := &tls.Config{ServerName: o.Host, MinVersion: tls.VersionTLS12}
	if o.CAFile != "" {
		pem, err := os.ReadFile(o.CAFile)
		if err != nil {
			return nil, fmt.Errorf("reading ca file: %w", err)
		}
		tc.RootCAs = x509.NewCertPool()
		if !tc.RootCAs.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("reading ca file %s: no PEM certificate", o.CAFile)
		}
	}
	opts = append(opts, gomail.WithTLSConfig(tc))
	var dialer contextDialer = &net.Dialer{}
	switch o.Security {
	case "tls":
		// Our own dialer does the TLS handshake; WithSSL only tells go-mail
		// not to try STARTTLS on top.
		dialer = &tls.Dialer{NetDialer: &net.Dialer{}, Config: tc}
		opts = append(opts, gomail.WithSSL())
	case "starttls":
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	case "plain":
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	default:
		return nil, fmt.Errorf("unknown smtp security %q (hint: tls, starttls or plain)", o.Security)
	}

	// Credentials never go out in clear text. go-mail refuses PLAIN and
	// LOGIN without TLS too, but only when it gets there, and it sends an
	// XOAUTH2 token anyway.
	loopback := o.Host == "localhost" || net.ParseIP(o.Host).IsLoopback()
	if o.Security == "plain" && o.Auth != "none" && o.Auth != "" && !loopback {
		return nil, fmt.Errorf("smtp auth %s without TLS to %s would send the credentials in clear text (hint: security: starttls or tls)", o.Auth, o.Host)
	}
	// Sender logs in itself after go-mail connected, rather than through
	// go-mail's WithSMTPAuth, so that a server without AUTH, or one that
	// refuses the credentials, is told apart from a passing failure.
	var login func(context.Context) (smtp.Auth, error)
	switch o.Auth {
	case "none", "":
	case "plain", "login":
		if o.Username == "" || o.Password == "" {
			return nil, fmt.Errorf("smtp auth %s needs a username and a password", o.Auth)
		}
		login = func(context.Context) (smtp.Auth, error) {
			return smtp.PlainAuth("", o.Username, o.Password, o.Host, false), nil
		}
		if o.Auth == "login" {
			login = func(context.Context) (smtp.Auth, error) {
				return smtp.LoginAuth(o.Username, o.Password, o.Host, false), nil
			}
		}
	case "xoauth2":
		if o.Username == "" || (o.Token == "" && o.TokenFunc == nil) {
			return nil, errors.New("smtp auth xoauth2 needs a username and a token")
		}
		login = func(ctx context.Context) (smtp.Auth, error) {
			tok := o.Token
			if o.TokenFunc != nil {
				var err error
				if tok, err = o.TokenFunc(ctx); err != nil {
					return nil, err
				}
			}
			return smtp.XOAuth2Auth(o.Username, tok), nil
		}
	default:
		return nil, fmt.Errorf("unknown smtp auth %q (hint: plain, login, xoauth2 or none)", o.Auth)
	}
	auth := ""
	if login != nil {
		auth = o.Auth
	}
	if o.Debug {
		opts = append(opts, gomail.WithDebugLog(), gomail.WithLogger(debugLog{log}))
	}

	if _, err := gomail.NewClient(o.Host, opts...); err != nil {
		return nil, fmt.Errorf("setting up smtp client: %w", err)
	}
	return &Sender{host: o.Host, opts: opts, auth: auth, login: login, dialer: dialer, addr: net.JoinHostPort(o.Host, strconv.Itoa(o.Port)),
		timeout: o.Timeout, log: log, debug: o.Debug}, nil
}

// Send submits the mail (out.Raw, or out.Body streamed) byte for byte to out.To, from out.From (the null
// sender <> when empty). A failure is a *SendError.
//
// Recipients are all or nothing: when the server refuses one of them the
// mail goes to none, and the class of that refusal (5xx permanent, 4xx
// temporary) is the class of the whole send. Sending to the accepted ones
// only would make a later retry deliver to them twice.
func (s *Sender) Send(ctx context.Context, out *Outgoing) error {
	start := time.Now()
	if len(out.To) == 0 {
		return &SendError{Class: Permanent, Err: fmt.Errorf("sending <%s>: no recipients", out.MessageID)}
	}
	fail := func(stage string, err error, afterDot bool) error {
		if ctx.Err() != nil {
			err = fmt.Errorf("%w (%v)", context.Cause(ctx), err)
		}
		class, code := classify(err, afterDot)
		return &SendError{Class: class, Code: code, Err: fmt.Errorf("sending <%s>: %s: %w", out.MessageID, stage, err)}
	}

	c, conn, err := s.session(ctx, out.MessageID, fail)
	if err != nil {
		return err
	}
	kept := false // the connection waits in s.idle for the next Send
	defer func() {
		if !kept {
			conn.Close()
		}
	}()
	// go-mail looks at ctx only while dialling; closing the connection
	// breaks whatever read or write is under way.
	stop := context.AfterFunc(ctx, func() { _ = conn.Close() })
	defer stop()

	s.noteSize(c.Extension("SIZE"))

	body, size := out.content()
	// sevenBit is set when the mail must be re-encoded on the way: it
	// has 8-bit bytes and the server lacks 8BITMIME.
	sevenBit := false
	if ok, _ := c.Extension("8BITMIME"); !ok {
		eight, err := has8bitIn(io.NewSectionReader(body, 0, size))
		if err != nil {
			return &SendError{Class: Temporary, Err: fmt.Errorf("sending <%s>: reading the mail: %w", out.MessageID, err)}
		}
		if eight {
			// QUIRK: some relays still lack 8BITMIME; the customer's
			// original mails travel 8bit (TestSendWithout8BITMIME). A
			// mail that cannot be re-encoded is refused before DATA.
			if err := SevenBitTo(io.Discard, io.NewSectionReader(body, 0, size)); err != nil {
				return &SendError{Class: Permanent, Err: fmt.Errorf("sending <%s>: server %s lacks 8BITMIME: %w", out.MessageID, s.addr, err)}
			}
			sevenBit = true
		}
	}

	w, stage, err := s.envelope(c, out.From, out.To)
	if err != nil {
		return fail(stage, err, false)
	}
	// The mail streams from its source; the digest of what was read is
	// checked before the final ".".
	h := sha256.New()
	src := io.TeeReader(io.NewSectionReader(body, 0, size), h)
	// The timeout is for a stall, not for the whole message: it restarts
	// with every chunk written.
	dw := &deadlineWriter{w: w, renew: func() { _ = c.UpdateDeadline(s.timeout) }}
	var werr error
	if sevenBit {
		werr = SevenBitTo(dw, src)
		if werr == nil {
			_, werr = io.Copy(io.Discard, src) // the rest counts for the digest
		}
	} else {
		_, werr = io.CopyBuffer(dw, src, make([]byte, 64<<10))
	}
	if werr != nil {
		return fail("writing message", werr, false)
	}
	if out.SHA256 != "" && hex.EncodeToString(h.Sum(nil)) != out.SHA256 {
		// The connection is dropped without the final ".": the server
		// discards what it got.
		return &SendError{Class: Permanent, Err: fmt.Errorf("sending <%s>: the stored mail does not match its digest %.12s (spoilt on disk): not sent", out.MessageID, out.SHA256)}
	}
	// QUIRK: go-mail's DataCloser.Close drops the error of writing the
	// final "." and reports only the reply it then fails to read. Flushing
	// here first surfaces a broken connection while the message is still
	// incomplete, hence certainly not delivered (Temporary); only what
	// fails after this point is Unknown. See TestSendDropAfterData.
	_ = c.UpdateDeadline(s.timeout)
	if err := c.Text.W.Flush(); err != nil {
		return fail("writing message", err, false)
	}
	if err := w.Close(); err != nil {
		return fail("ending DATA", err, true)
	}
	// The server took the mail: return now, so that the caller records it
	// before anything else can go wrong. The connection waits for the next
	// Send (a drain sends many); Hangup says goodbye.
	if stop() {
		kept = true
		s.keep(c, conn)
	}

	s.log.Debug("mail sent", "message_id", out.MessageID, "recipients", len(out.To),
		"bytes", size, "took", time.Since(start))
	return nil
}

// envelope sends MAIL FROM, a RCPT TO for each recipient and DATA, and
// returns the writer of the message, whose Close ends it and reads the
// server's answer. Where the server offers PIPELINING (RFC 2920) the
// commands go out in one write and their replies are read after: one round
// trip instead of two and one more a recipient, which is most of a send to a
// distant relay. On a refusal it returns the refused command (stage) and
// the connection must be dropped: after a refused RCPT the server may have
// accepted DATA, and only hanging up before the final "." keeps the mail
// from the recipients it accepted.
func (s *Sender) envelope(c *smtp.Client, from string, to []string) (w io.WriteCloser, stage string, err error) {
	mail := "MAIL FROM:<" + from + ">"
	if ok, _ := c.Extension("PIPELINING"); !ok {
		// go-mail's Mail and Rcpt take the path with its brackets; it
		// adds BODY=8BITMIME (and SMTPUTF8) where the server offers them.
		_ = c.UpdateDeadline(s.timeout)
		if err := c.Mail("<" + from + ">"); err != nil {
			return nil, mail, err
		}
		for _, rcpt := range to {
			_ = c.UpdateDeadline(s.timeout)
			if err := c.Rcpt("<" + rcpt + ">"); err != nil {
				return nil, "RCPT TO:<" + rcpt + ">", err
			}
		}
		_ = c.UpdateDeadline(s.timeout)
		w, err := c.Data()
		if err != nil {
			return nil, "DATA", err
		}
		return w, "", nil
	}

	type command struct {
		line   string
		expect int // as textproto.ReadResponse takes it
	}
	params := ""
	if ok, _ := c.Extension("8BITMIME"); ok {
		params += " BODY=8BITMIME" // as go-mail's Mail adds them
	}
	if ok, _ := c.Extension("SMTPUTF8"); ok {
		params += " SMTPUTF8"
	}
	cmds := []command{{mail + params, 250}}
	for _, rcpt := range to {
		cmds = append(cmds, command{"RCPT TO:<" + rcpt + ">", 25})
	}
	cmds = append(cmds, command{"DATA", 354})
	_ = c.UpdateDeadline(s.timeout)
	for _, cmd := range cmds {
		if strings.ContainsAny(cmd.line, "\r\n") {
			return nil, cmd.line, errors.New("a line break in an address")
		}
		if s.debug {
			s.log.Debug("smtp", "direction", "client to server", "line", cmd.line, "pipelined", true)
		}
		c.Text.W.WriteString(cmd.line + "\r\n")
	}
	if err := c.Text.W.Flush(); err != nil {
		return nil, mail, err
	}
	// Every reply is read, so that the first refusal is the one reported
	// (a refused MAIL makes the rest fail too).
	for _, cmd := range cmds {
		_ = c.UpdateDeadline(s.timeout)
		_, msg, rerr := c.Text.ReadResponse(cmd.expect)
		if s.debug {
			s.log.Debug("smtp", "direction", "server to client", "line", msg, "err", rerr)
		}
		var te *textproto.Error
		if rerr != nil && err == nil {
			stage, err = strings.TrimSuffix(cmd.line, params), rerr
		}
		if rerr != nil && !errors.As(rerr, &te) {
			break // the connection failed: no more replies come
		}
	}
	if err != nil {
		return nil, stage, err
	}
	return &pipelinedData{c: c, w: c.Text.DotWriter()}, "", nil
}

// pipelinedData is the message of a pipelined send: Close writes the final
// "." and reads the server's answer.
type pipelinedData struct {
	c *smtp.Client
	w io.WriteCloser
}

func (d *pipelinedData) Write(b []byte) (int, error) { return d.w.Write(b) }

func (d *pipelinedData) Close() error {
	if err := d.w.Close(); err != nil {
		return err
	}
	_, _, err := d.c.Text.ReadResponse(250)
	return err
}

// deadlineWriter writes in chunks of at most 64 KiB, renewing the
// connection's deadline before each.
type deadlineWriter struct {
	w     io.Writer
	renew func()
}

func (d *deadlineWriter) Write(b []byte) (int, error) {
	const chunk = 64 << 10
	n := 0
	for len(b) > 0 {
		k := min(chunk, len(b))
		d.renew()
		m, err := d.w.Write(b[:k])
		n += m
		if err != nil {
			return n, err
		}
		b = b[k:]
	}
	return n, nil
}

// idleMax is how long a connection may wait for the next Send: servers
// drop idle clients after minutes, and a poll's mail comes in seconds.
const idleMax = 30 * time.Second

// idleConn is a connection kept between Sends.
type idleConn struct {
	c     *smtp.Client
	conn  net.Conn
	since time.Time
}

// session returns a connection ready for MAIL FROM: the one the last Send
// left, after an RSET, when it is fresh and still answers; else a new one,
// greeted, secured and logged in. On failure nothing is left open.
func (s *Sender) session(ctx context.Context, id string, fail func(string, error, bool) error) (*smtp.Client, net.Conn, error) {
	s.mu.Lock()
	ic := s.idle
	s.idle = nil
	s.mu.Unlock()
	if ic != nil {
		if time.Since(ic.since) < idleMax {
			_ = ic.c.UpdateDeadline(s.timeout)
			if ic.c.Reset() == nil {
				return ic.c, ic.conn, nil
			}
		}
		ic.conn.Close() // gone stale or dropped by the server: dial again
	}

	// go-mail looks at ctx only while dialling: closing the connection on
	// a stop breaks a greeting, EHLO, STARTTLS or login that stalls (each
	// is bounded by the timeout otherwise).
	var conn net.Conn
	stop := func() bool { return true }
	defer func() { stop() }()
	dial := func(dctx context.Context, network, addr string) (net.Conn, error) {
		var err error
		conn, err = s.dialer.DialContext(dctx, network, addr)
		if err == nil {
			c := conn
			stop = context.AfterFunc(ctx, func() { _ = c.Close() })
		}
		return conn, err
	}
	var auth smtp.Auth
	if s.login != nil {
		var err error
		if auth, err = s.login(ctx); err != nil {
			return nil, nil, &SendError{Class: Temporary, Err: fmt.Errorf("sending <%s>: %w", id, err)}
		}
	}
	client, err := gomail.NewClient(s.host, append(slices.Clip(s.opts), gomail.WithDialContextFunc(dial))...)
	if err != nil {
		return nil, nil, &SendError{Class: Permanent, Err: fmt.Errorf("sending <%s>: setting up smtp client: %w", id, err)}
	}
	// Greeting, EHLO and STARTTLS happen in here.
	c, err := client.DialToSMTPClientWithContext(ctx)
	if err != nil {
		// QUIRK: go-mail leaves the connection open when EHLO or STARTTLS
		// fails after it connected (TestSendTLS, server without STARTTLS).
		if conn != nil {
			conn.Close()
		}
		return nil, nil, fail("connecting to "+s.addr, err, false)
	}
	err = s.logIn(c, auth)
	if err != nil {
		conn.Close()
		var se *SendError
		if errors.As(err, &se) {
			se.Err = fmt.Errorf("sending <%s>: %w", id, se.Err)
			return nil, nil, se
		}
		return nil, nil, fail("logging in to "+s.addr, err, false)
	}
	return c, conn, nil
}

// keep puts a connection aside for the next Send. Only one waits: a
// second (from concurrent Sends) says goodbye at once.
func (s *Sender) keep(c *smtp.Client, conn net.Conn) {
	s.mu.Lock()
	old := s.idle
	s.idle = &idleConn{c: c, conn: conn, since: time.Now()}
	s.mu.Unlock()
	if old != nil {
		s.quit(old)
	}
}

// Hangup says goodbye on the connection kept for the next Send, if any, in
// the background: a failing QUIT changes nothing. The next Send dials anew.
func (s *Sender) Hangup() {
	s.mu.Lock()
	ic := s.idle
	s.idle = nil
	s.mu.Unlock()
	if ic != nil {
		s.quit(ic)
	}
}

func (s *Sender) quit(ic *idleConn) {
	go func() {
		defer ic.conn.Close()
		_ = ic.c.UpdateDeadline(s.timeout)
		_ = ic.c.Quit()
	}()
}

// logIn authenticates as configured. A server that offers no AUTH, or not
// the mechanism configured, or that refuses the credentials for good, is a
// Misconfigured SendError; a 4xx answer is Temporary.
func (s *Sender) logIn(c *smtp.Client, auth smtp.Auth) error {
	if auth == nil {
		return nil
	}
	ok, mechs := c.Extension("AUTH")
	if !ok {
		return &SendError{Class: Misconfigured, Err: fmt.Errorf("server %s offers no AUTH, but auth %s is configured (hint: auth: none, and no username, for a relay that takes mail without a login)", s.addr, s.auth)}
	}
	if !slices.Contains(strings.Fields(strings.ToUpper(mechs)), strings.ToUpper(s.auth)) {
		return &SendError{Class: Misconfigured, Err: fmt.Errorf("server %s offers AUTH %s, not %s (hint: set smtp.auth to one of those)", s.addr, mechs, s.auth)}
	}
	_ = c.UpdateDeadline(s.timeout)
	if err := c.Auth(auth); err != nil {
		var te *textproto.Error
		if errors.As(err, &te) && te.Code/100 == 5 {
			return &SendError{Class: Misconfigured, Code: te.Code, Err: fmt.Errorf("server %s refuses the login as configured: %w (hint: check smtp.username and the password or token)", s.addr, err)}
		}
		return err
	}
	return nil
}

// classify tells the class of a failed step from the reply code when the
// server gave one, else from whether the final "." had been sent.
//
// QUIRK: go-mail's own SendError.IsTemp looks only at the first character
// of the error text, so a connection lost after the final "." (no reply, an
// io.EOF) counts as permanent although the mail may have been delivered.
func classify(err error, afterDot bool) (Class, int) {
	var te *textproto.Error
	if errors.As(err, &te) {
		switch te.Code / 100 {
		case 4:
			return Temporary, te.Code
		case 5:
			return Permanent, te.Code
		}
		// A 2xx or 3xx where another was wanted: a confused server.
		if afterDot {
			return Unknown, te.Code
		}
		return Temporary, te.Code
	}
	if afterDot {
		return Unknown, 0
	}
	return Temporary, 0
}

// debugLog hands go-mail's protocol log to slog, one record a line. go-mail
// redacts the AUTH exchange itself.
type debugLog struct{ log *slog.Logger }

func (d debugLog) Debugf(l gomaillog.Log) { d.line(slog.LevelDebug, l) }
func (d debugLog) Infof(l gomaillog.Log)  { d.line(slog.LevelInfo, l) }
func (d debugLog) Warnf(l gomaillog.Log)  { d.line(slog.LevelWarn, l) }
func (d debugLog) Errorf(l gomaillog.Log) { d.line(slog.LevelError, l) }

func (d debugLog) line(level slog.Level, l gomaillog.Log) {
	dir := "S>C"
	if l.Direction == gomaillog.DirClientToServer {
		dir = "C>S"
	}
	d.log.Log(context.Background(), level, "smtp", "dir", dir, "line", fmt.Sprintf(l.Format, l.Messages...))
}
