// Package imapbox is the IMAP client of the polled mailbox: it lists, fetches
// and moves messages by UID, within deadlines and size caps, waits in IDLE,
// and logs in with a password or an OAuth 2.0 token (XOAUTH2, OAUTHBEARER).
package imapbox

import (
	"bytes"
	"cmp"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"mime"
	"net"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-message/charset"
	"github.com/emersion/go-sasl"

	"intake/intake/conf"
	"intake/intake/oauth"
)

// Config is the `mailbox:` section of config.yaml.
type Config struct {
	Host     string      `yaml:"host"`
	Port     int         `yaml:"port"`     // default 993 for tls, 143 otherwise
	Security string      `yaml:"security"` // tls (default) | starttls | plain
	Auth     string      `yaml:"auth"`     // plain (SASL PLAIN, default) | login (IMAP LOGIN) | xoauth2 | oauth2
	Username string      `yaml:"username"`
	Password conf.Secret `yaml:"password"` // for plain and login
	Token    conf.Secret `yaml:"token"`    // a fixed OAuth 2.0 access token for xoauth2 and oauth2
	// OAuth gets access tokens from the provider and renews them, for
	// xoauth2 and oauth2 (instead of Token).
	OAuth   oauth.Config  `yaml:"oauth"`
	CAFile  string        `yaml:"ca_file"` // optional extra CA for TLS, PEM
	Mailbox string        `yaml:"mailbox"` // default INBOX
	Folders Folders       `yaml:"folders"`
	Timeout conf.Duration `yaml:"timeout"` // connecting and logging in, and each List or Move; default 30s

	// MaxTries is how often a message whose processing fails is tried
	// (with backoff) before it is moved to the failed folder; default 8.
	MaxTries int `yaml:"max_tries"`

	// IDLE keeps a second connection open and polls as soon as the server
	// reports new mail, besides the schedule; IdleRestart is how often the
	// IDLE command is renewed, below the 29 minutes servers allow (RFC 2177).
	IDLE        bool          `yaml:"idle"`
	IdleRestart conf.Duration `yaml:"idle_restart"` // default 25m

	// Debug logs the IMAP protocol transcript at info level. The transcript
	// holds the credentials: never leave it on.
	Debug bool `yaml:"debug"`
}

// Folders names the folders processed mail is moved to. A "/" in a name
// separates hierarchy levels and is replaced by the server's own delimiter.
type Folders struct {
	Forwarded string `yaml:"forwarded"` // default Intake/Forwarded
	Waiting   string `yaml:"waiting"`   // default Intake/Waiting
	Ignored   string `yaml:"ignored"`   // default Intake/Ignored
	Failed    string `yaml:"failed"`    // default Intake/Failed
}

// SetDefaults fills in every field left empty.
func (c *Config) SetDefaults() {
	if c.Security == "" {
		c.Security = "tls"
	}
	if c.Port == 0 {
		c.Port = 143
		if c.Security == "tls" {
			c.Port = 993
		}
	}
	if c.Auth == "" {
		c.Auth = "plain"
	}
	if c.Mailbox == "" {
		c.Mailbox = "INBOX"
	}
	if c.Timeout == 0 {
		c.Timeout = conf.Duration(30 * time.Second)
	}
	if c.MaxTries == 0 {
		c.MaxTries = 8
	}
	c.OAuth.SetDefaults("imap")
	if c.IdleRestart == 0 {
		c.IdleRestart = conf.Duration(25 * time.Minute)
	}
	conf.SetDefault(&c.Folders.Forwarded, "Intake/Forwarded")
	conf.SetDefault(&c.Folders.Waiting, "Intake/Waiting")
	conf.SetDefault(&c.Folders.Ignored, "Intake/Ignored")
	conf.SetDefault(&c.Folders.Failed, "Intake/Failed")
}

// Validate reports every problem in a config that has had its defaults set.
func (c *Config) Validate() error {
	var errs []error
	for _, p := range c.Problems() {
		errs = append(errs, fmt.Errorf("mailbox: %s", p.Msg))
	}
	return errors.Join(errs...)
}

// Problems lists every mistake with the key it is at.
func (c *Config) Problems() []conf.Problem {
	var probs []conf.Problem
	bad := func(key, format string, args ...any) {
		probs = append(probs, conf.Problem{Path: key, Msg: fmt.Sprintf(format, args...)})
	}
	if c.Host == "" {
		bad("host", "host is empty")
	}
	if c.Port < 1 || c.Port > 65535 {
		bad("port", "port %d out of range", c.Port)
	}
	if !slices.Contains([]string{"tls", "starttls", "plain"}, c.Security) {
		bad("security", "unknown security %q (hint: tls, starttls or plain)", c.Security)
	}
	if c.Security == "plain" && !conf.IsLoopback(c.Host) {
		bad("security", "security plain would send the credentials and the mail unencrypted to %s; it is for a server on loopback only (hint: tls or starttls)", c.Host)
	}
	switch c.Auth {
	case "plain", "login":
		if c.Password.IsZero() {
			bad("password", "auth %s needs a password (hint: password: {env: NAME} or {file: PATH})", c.Auth)
		}
	case "xoauth2", "oauth2":
		probs = append(probs, oauth.BearerProblems(c.Auth, c.Token, &c.OAuth)...)
	default:
		bad("auth", "unknown auth %q (hint: plain, login, xoauth2 or oauth2)", c.Auth)
	}
	if c.Username == "" {
		bad("username", "username is empty")
	}
	if c.MaxTries < 1 {
		bad("max_tries", "max_tries %d is below 1 (hint: 8 tries take about two hours with backoff)", c.MaxTries)
	}
	for _, f := range []string{c.Folders.Forwarded, c.Folders.Waiting, c.Folders.Ignored, c.Folders.Failed} {
		if sameMailbox(f, c.Mailbox) {
			bad("folders", "folder %q is the mailbox polled (hint: processed mail must move out of it)", f)
		}
	}
	return probs
}

// sameMailbox compares mailbox names; INBOX is case-insensitive (RFC 3501).
func sameMailbox(a, b string) bool {
	if strings.EqualFold(a, "INBOX") {
		return strings.EqualFold(b, "INBOX")
	}
	return a == b
}

// Envelope is what List reports about a message: enough to decide whether to
// fetch it.
type Envelope struct {
	UID  imap.UID
	Size int64 // RFC822.SIZE

	// From the server's ENVELOPE, so that a mail too large to fetch can
	// still be named and answered: the sender's bare lower-case address
	// and name, the decoded subject, the Message-ID without brackets.
	From, FromName, Subject, MessageID string
}

// ErrNoSuchMessage is returned when a UID names no message in the mailbox,
// for instance because another client expunged it.
var ErrNoSuchMessage = errors.New("no such message")

// Mailbox is a connection to the polled mailbox, selected read-write.
// It addresses messages by UID only. It is safe for concurrent use: its
// commands run one at a time.
//
// When a call's context ends before the server answers, the connection is
// closed (go-imap commands cannot be interrupted otherwise) and the caller
// must dial again.
type Mailbox struct {
	mu          sync.Mutex // held by run: one command at a time
	c           *imapclient.Client
	conn        net.Conn // under c
	log         *slog.Logger
	timeout     time.Duration
	delim       rune // hierarchy delimiter, 0 if the server has none
	uidValidity uint32
	selected    string          // the server name of the polled mailbox
	folders     map[string]bool // server names known to exist
}

// Dial connects, authenticates and selects cfg.Mailbox. It sets the
// defaults of a copy of cfg and validates it first. tokens renews the
// OAuth token of auth xoauth2 or oauth2 (nil when cfg has no oauth block).
func Dial(ctx context.Context, cfg Config, tokens *oauth.Tokens, log *slog.Logger) (*Mailbox, error) {
	return dial(ctx, cfg, tokens, log, nil)
}

// dial is Dial with a handler of the server's unilateral
// data, which the IDLE watcher needs.
func dial(ctx context.Context, cfg Config, tokens *oauth.Tokens, log *slog.Logger, unilateral *imapclient.UnilateralDataHandler) (*Mailbox, error) {
	cfg.SetDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	tlsConfig, err := cfg.tlsConfig()
	if err != nil {
		return nil, err
	}

	ctx, cancel := context.WithTimeout(ctx, time.Duration(cfg.Timeout))
	defer cancel()

	var token string
	if cfg.Auth == "xoauth2" || cfg.Auth == "oauth2" {
		if token, err = oauth.BearerToken(ctx, cfg.Token, cfg.OAuth, tokens, cfg.Username); err != nil {
			return nil, err
		}
	}
	addr := net.JoinHostPort(cfg.Host, strconv.Itoa(cfg.Port))
	conn, err := dialConn(ctx, cfg.Security, addr, tlsConfig)
	if err != nil {
		return nil, fmt.Errorf("connecting to %s: %w", addr, err)
	}

	// No UnilateralDataHandler but the IDLE watcher's on purpose: go-imap
	// runs it on the goroutine that reads from the server, so a slow one
	// stalls every command. Messages are addressed by UID only, so unilateral
	// EXPUNGE and EXISTS need no bookkeeping, and unilateral FETCH data is
	// discarded by go-imap itself.
	opts := &imapclient.Options{TLSConfig: tlsConfig, WordDecoder: &mime.WordDecoder{CharsetReader: charset.Reader},
		UnilateralDataHandler: unilateral}
	if cfg.Debug {
		opts.DebugWriter = &transcriptWriter{log: log}
	}

	m := &Mailbox{
		conn:    conn,
		log:     log,
		timeout: time.Duration(cfg.Timeout),
		folders: make(map[string]bool),
	}
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	err = m.open(conn, opts, cfg, token)
	if !stop() {
		err = context.Cause(ctx)
	}
	if err != nil {
		conn.Close()
		if m.c != nil {
			m.c.Close()
		}
		return nil, fmt.Errorf("opening mailbox %q on %s: %w", cfg.Mailbox, addr, err)
	}
	return m, nil
}

// dialConn opens the TCP connection, in TLS for security tls.
func dialConn(ctx context.Context, security, addr string, tlsConfig *tls.Config) (net.Conn, error) {
	if security == "tls" {
		d := &tls.Dialer{Config: tlsConfig}
		return d.DialContext(ctx, "tcp", addr)
	}
	var d net.Dialer
	return d.DialContext(ctx, "tcp", addr)
}

// open does the IMAP part of Dial: greeting, STARTTLS, login, SELECT.
func (m *Mailbox) open(conn net.Conn, opts *imapclient.Options, cfg Config, token string) error {
	if err := m.greet(conn, opts, cfg); err != nil {
		return err
	}
	if err := m.authenticate(cfg, token); err != nil {
		return fmt.Errorf("authenticating as %q: %w", cfg.Username, err)
	}
	return m.selectMailbox(cfg.Mailbox)
}

// greet starts the IMAP client on conn: STARTTLS when configured, then the
// server's greeting.
func (m *Mailbox) greet(conn net.Conn, opts *imapclient.Options, cfg Config) error {
	if cfg.Security == "starttls" {
		c, err := imapclient.NewStartTLS(conn, opts)
		if err != nil {
			return fmt.Errorf("starting TLS: %w", err)
		}
		m.c = c
	} else {
		m.c = imapclient.New(conn, opts)
	}
	if err := m.c.WaitGreeting(); err != nil {
		return fmt.Errorf("waiting for greeting: %w", err)
	}
	return nil
}

// selectMailbox learns the hierarchy delimiter and selects folder
// read-write.
func (m *Mailbox) selectMailbox(folder string) error {
	root, err := m.c.List("", "", nil).Collect()
	if err != nil {
		return fmt.Errorf("listing hierarchy delimiter: %w", err)
	}
	if len(root) > 0 {
		m.delim = root[0].Delim
	}

	name := m.serverName(folder)
	data, err := m.c.Select(name, nil).Wait()
	if err != nil {
		return fmt.Errorf("selecting %q: %w", name, err)
	}
	if data.UIDValidity == 0 {
		return fmt.Errorf("selecting %q: server sent no UIDVALIDITY", name)
	}
	m.uidValidity, m.selected = data.UIDValidity, name
	m.folders[name] = true
	return nil
}

func (m *Mailbox) authenticate(cfg Config, token string) error {
	switch cfg.Auth {
	case "xoauth2", "oauth2":
		client := NewXOAUTH2Client(cfg.Username, token)
		if cfg.Auth == "oauth2" && m.c.Caps().Has(imap.AuthCap(OAUTHBEARER)) {
			client = NewOAuthBearerClient(cfg.Username, token, cfg.Host, cfg.Port)
		}
		if err := m.c.Authenticate(client); err != nil {
			if serverErr := client.Err(); serverErr != nil {
				return fmt.Errorf("%w: %w", err, serverErr)
			}
			return err
		}
		return nil
	case "login":
		password, err := cfg.Password.Resolve()
		if err != nil {
			return fmt.Errorf("resolving password: %w", err)
		}
		if m.c.Caps().Has(imap.CapLoginDisabled) {
			return errors.New("server disables LOGIN on this connection (hint: security: tls or starttls)")
		}
		return m.c.Login(cfg.Username, password).Wait()
	default:
		password, err := cfg.Password.Resolve()
		if err != nil {
			return fmt.Errorf("resolving password: %w", err)
		}
		if !m.c.Caps().Has(imap.AuthCap(sasl.Plain)) {
			return errors.New("server does not offer AUTH=PLAIN (hint: auth: login)")
		}
		return m.c.Authenticate(sasl.NewPlainClient("", cfg.Username, password))
	}
}

// UIDValidity returns the UIDVALIDITY of the selected mailbox. go-imap does
// not keep or compare it: the caller keys its UID checkpoint by it and scans
// again from the start when it changes.
func (m *Mailbox) UIDValidity() uint32 {
	return m.uidValidity
}

// List returns every message with a UID above after, oldest first, leaving
// out messages flagged \Deleted (they are being removed, by Move on a server
// without UIDPLUS or by another client).
func (m *Mailbox) List(ctx context.Context, after imap.UID) ([]Envelope, error) {
	var list []Envelope
	err := m.run(ctx, m.timeout, func() error {
		var err error
		list, err = m.list(after)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("listing messages after uid %d: %w", after, err)
	}
	return list, nil
}

func (m *Mailbox) list(after imap.UID) ([]Envelope, error) {
	var above imap.UIDSet
	above.AddRange(after+1, 0) // after+1:*
	data, err := m.c.UIDSearch(&imap.SearchCriteria{
		UID:     []imap.UIDSet{above},
		NotFlag: []imap.Flag{imap.FlagDeleted},
	}, nil).Wait()
	if err != nil {
		return nil, fmt.Errorf("searching: %w", err)
	}
	// SearchData.AllUIDs panics on a malformed answer; check it here instead.
	found, _ := data.All.(imap.UIDSet)
	uids, ok := found.Nums()
	if !ok {
		return nil, fmt.Errorf("searching: server answered with a dynamic set %v", found)
	}
	// "n:*" also matches the highest UID when it is below n (RFC 3501 6.4.8).
	uids = slices.DeleteFunc(uids, func(uid imap.UID) bool { return uid <= after })
	if len(uids) == 0 {
		return nil, nil
	}

	list := make([]Envelope, 0, len(uids))
	for _, set := range uidChunks(uids, maxUIDSetLen) {
		// Collect is safe here: no message bodies are fetched.
		msgs, err := m.c.Fetch(set, &imap.FetchOptions{
			UID:        true,
			RFC822Size: true,
			Envelope:   true,
		}).Collect()
		if err != nil {
			return nil, fmt.Errorf("fetching sizes: %w", err)
		}
		for _, msg := range msgs {
			if msg.UID > after {
				list = append(list, envelopeOf(msg))
			}
		}
	}
	slices.SortFunc(list, func(a, b Envelope) int { return cmp.Compare(a.UID, b.UID) })
	return list, nil
}

// envelopeOf keeps what intake uses of a message's FETCH data.
func envelopeOf(msg *imapclient.FetchMessageBuffer) Envelope {
	e := Envelope{UID: msg.UID, Size: msg.RFC822Size}
	if env := msg.Envelope; env != nil {
		e.Subject, e.MessageID = env.Subject, strings.Trim(env.MessageID, "<> ")
		if len(env.From) > 0 {
			e.From, e.FromName = strings.ToLower(env.From[0].Addr()), env.From[0].Name
		}
	}
	return e
}

// maxUIDSetLen bounds the UID set of one command, so that a sparse set
// (mail left behind between moved mail) fits a server's line limit:
// Dovecot's is 64 KiB, RFC 7162 asks clients to keep lines below 8,192
// octets.
var maxUIDSetLen = 8000

// uidChunks splits UIDs into sets whose IMAP form ("1:3,7,9:12") is at most
// limit bytes each.
func uidChunks(uids []imap.UID, limit int) []imap.UIDSet {
	uids = slices.Clone(uids)
	slices.Sort(uids)
	uids = slices.Compact(uids)
	var out []imap.UIDSet
	var cur imap.UIDSet
	n := 0 // length of cur's IMAP form
	for i := 0; i < len(uids); {
		j := i
		for j+1 < len(uids) && uids[j+1] == uids[j]+1 {
			j++
		}
		r := imap.UIDRange{Start: uids[i], Stop: uids[j]}
		size := len(strconv.FormatUint(uint64(r.Start), 10))
		if j > i {
			size += 1 + len(strconv.FormatUint(uint64(r.Stop), 10))
		}
		if len(cur) > 0 && n+1+size > limit {
			out = append(out, cur)
			cur, n = nil, 0
		}
		if len(cur) > 0 {
			n++ // the comma
		}
		cur, n = append(cur, r), n+size
		i = j + 1
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// Fetch writes the whole raw message env.UID to w as the server sends it,
// without holding it in memory, as FetchAll does for one message. When
// Fetch fails other than with ErrNoSuchMessage, the connection may be
// closed and w may hold part of the message.
func (m *Mailbox) Fetch(ctx context.Context, env Envelope, w io.Writer) error {
	var copied bool
	var werr error
	err := m.FetchAll(ctx, []Envelope{env}, func(_ Envelope, body io.Reader) {
		copied = true
		if _, err := io.Copy(w, body); err != nil {
			werr = fmt.Errorf("fetching uid %d: copying body: %w", env.UID, err)
		}
	})
	switch {
	case err != nil:
		return err
	case werr != nil && ctx.Err() != nil:
		return fmt.Errorf("fetching uid %d: %w", env.UID, context.Cause(ctx)) // the connection is closed
	case werr != nil:
		return werr
	case !copied:
		return fmt.Errorf("fetching uid %d: %w", env.UID, ErrNoSuchMessage)
	}
	return nil
}

// FetchAll streams the whole raw messages envs with one UID FETCH of
// BODY.PEEK[] per UID set (so they are not marked \Seen), calling each for
// every message as it arrives, in the server's order (ascending UID on the
// servers we know). each gets the message's body, which fails with
// io.ErrUnexpectedEOF when the server sends less than it announced; what
// each leaves unread is skipped. A message the server does not send (gone
// since it was listed) gets no call.
//
// The command has a deadline that grows with the sizes the server announced
// (the config's timeout twice plus a second for every fetchRate bytes) and
// is given up when no byte comes for the timeout. A literal larger than its
// announced size allows is refused unread with a *SizeMismatchError, and the
// connection closed. On any error, the messages after the one in hand get
// no call.
func (m *Mailbox) FetchAll(ctx context.Context, envs []Envelope, each func(env Envelope, body io.Reader)) error {
	if len(envs) == 0 {
		return nil
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	idle := time.AfterFunc(m.timeout, func() {
		cancel(fmt.Errorf("%w: no data for %s", ErrStalled, m.timeout))
	})
	defer idle.Stop()
	byUID := make(map[imap.UID]Envelope, len(envs))
	uids := make([]imap.UID, 0, len(envs))
	var total int64
	for _, env := range envs {
		byUID[env.UID] = env
		uids = append(uids, env.UID)
		total += env.Size
	}
	deadline := 2*m.timeout + time.Duration(total/fetchRate)*time.Second
	for _, set := range uidChunks(uids, maxUIDSetLen) {
		err := m.run(ctx, deadline, func() error {
			return m.fetchSet(set, byUID, func(env Envelope, body io.Reader) {
				each(env, readerFunc(func(p []byte) (int, error) {
					idle.Reset(m.timeout)
					return body.Read(p)
				}))
			})
		})
		if err != nil {
			return fmt.Errorf("fetching uids %v: %w", set, err)
		}
	}
	return nil
}

// fetchRate is the slowest transfer, in bytes a second, a fetch is given
// time for.
const fetchRate = 64 << 10

// ErrStalled is the cause of a fetch given up because the server sent
// nothing for the timeout.
var ErrStalled = errors.New("server stalled")

// SizeMismatchError is a message the server sends as a literal larger than
// the RFC822.SIZE it announced allows.
type SizeMismatchError struct {
	UID             imap.UID
	Announced, Sent int64
}

func (e *SizeMismatchError) Error() string {
	return fmt.Sprintf("server sends %d bytes for a message it announced as %d", e.Sent, e.Announced)
}

// sizeAllowed is the most a literal may exceed the announced RFC822.SIZE.
// QUIRK: some servers (Exchange) announce an estimate, not the exact size
// (TestPollSizeLie).
func sizeAllowed(announced int64) int64 {
	return announced + announced/4 + 64<<10
}

// funcWriter turns a function into an io.Writer.
type funcWriter func([]byte) (int, error)

func (f funcWriter) Write(p []byte) (int, error) { return f(p) }

// readerFunc turns a function into an io.Reader.
type readerFunc func([]byte) (int, error)

func (f readerFunc) Read(p []byte) (int, error) { return f(p) }

// fetchSet fetches the bodies of set, handing each message of envs to each.
func (m *Mailbox) fetchSet(set imap.UIDSet, envs map[imap.UID]Envelope, each func(Envelope, io.Reader)) error {
	section := &imap.FetchItemBodySection{Peek: true}
	cmd := m.c.Fetch(set, &imap.FetchOptions{
		UID:         true,
		BodySection: []*imap.FetchItemBodySection{section},
	})
	defer cmd.Close()

	for msg := cmd.Next(); msg != nil; msg = cmd.Next() {
		var body *imapclient.FetchItemDataBodySection
		var uid imap.UID
		// The UID may come before or after the body (RFC 3501 7.4.2).
		for item := msg.Next(); item != nil; item = msg.Next() {
			switch item := item.(type) {
			case imapclient.FetchItemDataUID:
				uid = item.UID
			case imapclient.FetchItemDataBodySection:
				if body != nil || !item.MatchCommand(section) {
					continue
				}
				if item.Literal == nil {
					return errors.New("server sent no body")
				}
				if uid == 0 {
					return errors.New("server sent a body before its UID")
				}
				env, ok := envs[uid]
				if !ok {
					continue // not asked for: go-imap skips its literal
				}
				if size := item.Literal.Size(); size > sizeAllowed(env.Size) {
					// Reading it to its end could take days: the
					// connection goes instead. (Not m.c.Close, which
					// waits for this literal to be read.)
					m.conn.Close()
					return &SizeMismatchError{UID: uid, Announced: env.Size, Sent: size}
				}
				body = &item
				lr := &exactReader{r: item.Literal, left: item.Literal.Size()}
				each(env, lr)
				if _, err := io.Copy(io.Discard, lr); err != nil {
					return fmt.Errorf("reading uid %d: %w", uid, err)
				}
			}
		}
	}
	return cmd.Close()
}

// exactReader reads a literal of a known size, failing with
// io.ErrUnexpectedEOF when it ends early.
type exactReader struct {
	r    io.Reader
	left int64
	err  error
}

func (e *exactReader) Read(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	if e.left <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > e.left {
		p = p[:e.left]
	}
	n, err := e.r.Read(p)
	e.left -= int64(n)
	switch {
	case err == io.EOF && e.left > 0:
		e.err = io.ErrUnexpectedEOF
	case err != nil && err != io.EOF:
		e.err = err
	}
	if e.err != nil {
		return n, e.err
	}
	return n, nil
}

// Move moves messages uids to folder, creating the folder first if needed,
// with one command per UID set of at most maxUIDSetLen bytes. It returns,
// for every message the server moved, where it went (a zero Filed when the
// server does not say); a UID absent from the answer was not in the mailbox.
// On an error, the answer still holds the messages moved before it.
//
// With MOVE it is one command a set. Without it, Move copies (UID COPY),
// checks which messages were copied, flags those \Deleted and removes them
// with UID EXPUNGE when the server has UIDPLUS. It never sends a plain
// EXPUNGE, which would also remove unrelated messages flagged \Deleted:
// without UIDPLUS the originals stay, flagged \Deleted (List skips them),
// and Move logs a warning. (imapclient's own fallback is not used: it sends
// STORE and EXPUNGE without waiting for the COPY result, and a plain EXPUNGE
// when the server lacks UIDPLUS.)
func (m *Mailbox) Move(ctx context.Context, uids []imap.UID, folder string) (map[imap.UID]Filed, error) {
	name := m.serverName(folder)
	moved := map[imap.UID]Filed{}
	for _, set := range uidChunks(uids, maxUIDSetLen) {
		err := m.run(ctx, m.timeout, func() error {
			if err := m.ensureFolder(name); err != nil {
				return err
			}
			return m.moveTo(set, name, moved)
		})
		if err != nil {
			return moved, fmt.Errorf("moving uids %v to %q: %w", set, name, err)
		}
	}
	return moved, nil
}

// Filed is where a moved message went: its UID in the folder, under the
// folder's UIDVALIDITY. It is zero when the server does not say (no UIDPLUS).
type Filed struct {
	UIDValidity uint32
	UID         imap.UID
}

// filedAs records in moved the messages of set that a COPYUID answer (src,
// dest) names, each with its new UID; without an answer (no UIDPLUS), every
// message of set is recorded with a zero Filed.
func filedAs(set imap.UIDSet, uidValidity uint32, src, dest imap.NumSet, moved map[imap.UID]Filed) {
	all, _ := set.Nums()
	from, ok := src.(imap.UIDSet)
	if !ok {
		for _, uid := range all {
			moved[uid] = Filed{}
		}
		return
	}
	srcUIDs, _ := from.Nums()
	var destUIDs []imap.UID
	if to, ok := dest.(imap.UIDSet); ok {
		destUIDs, _ = to.Nums()
	}
	for i, uid := range srcUIDs {
		if !set.Contains(uid) {
			continue
		}
		// RFC 4315: the destination set lists the new UIDs in the order
		// of the source set.
		if len(destUIDs) == len(srcUIDs) {
			moved[uid] = Filed{UIDValidity: uidValidity, UID: destUIDs[i]}
		} else {
			moved[uid] = Filed{}
		}
	}
}

// moveTo moves the messages set of the selected mailbox to the folder with
// server name name, which exists, and records them in moved.
func (m *Mailbox) moveTo(set imap.UIDSet, name string, moved map[imap.UID]Filed) error {
	if m.c.Caps().Has(imap.CapMove) {
		data, err := m.c.Move(set, name).Wait()
		if err != nil {
			return err
		}
		filedAs(set, data.UIDValidity, data.SourceUIDs, data.DestUIDs, moved)
		return nil
	}
	return m.copyAndDelete(set, name, moved)
}

func (m *Mailbox) copyAndDelete(set imap.UIDSet, name string, moved map[imap.UID]Filed) error {
	data, err := m.c.Copy(set, name).Wait()
	if err != nil {
		return fmt.Errorf("copying: %w", err)
	}
	copied := map[imap.UID]Filed{}
	var src imap.NumSet = data.SourceUIDs
	if data.SourceUIDs == nil {
		// A UID COPY that matches nothing still succeeds; a message that
		// exists after an OK COPY was copied.
		here, err := m.existing(set)
		if err != nil {
			return err
		}
		src = here
	}
	filedAs(set, data.UIDValidity, src, data.DestUIDs, copied)
	if len(copied) == 0 {
		return nil
	}
	var uids imap.UIDSet
	for uid := range copied {
		uids.AddNum(uid)
	}

	err = m.c.Store(uids, &imap.StoreFlags{
		Op:     imap.StoreFlagsAdd,
		Silent: true,
		Flags:  []imap.Flag{imap.FlagDeleted},
	}, nil).Close()
	if err != nil {
		return fmt.Errorf("flagging \\Deleted: %w", err)
	}

	if !m.c.Caps().Has(imap.CapUIDPlus) {
		m.log.Warn("copied messages left flagged \\Deleted: server has neither MOVE nor UIDPLUS",
			"uids", uids.String(), "folder", name)
	} else if err := m.c.UIDExpunge(uids).Close(); err != nil {
		return fmt.Errorf("expunging: %w", err)
	}
	maps.Copy(moved, copied)
	return nil
}

// Restore moves a message filed in folder back into the polled mailbox,
// where the next List finds it under a new UID. A folder whose UIDVALIDITY
// is no longer filed's, or that lacks the message, gives ErrNoSuchMessage.
func (m *Mailbox) Restore(ctx context.Context, folder string, filed Filed) error {
	name := m.serverName(folder)
	err := m.run(ctx, m.timeout, func() error {
		data, err := m.c.Select(name, nil).Wait()
		if err != nil {
			return fmt.Errorf("selecting %q: %w", name, err)
		}
		if data.UIDValidity != filed.UIDValidity {
			err = ErrNoSuchMessage
		} else {
			moved := map[imap.UID]Filed{}
			err = m.moveTo(imap.UIDSetNum(filed.UID), m.selected, moved)
			if _, ok := moved[filed.UID]; err == nil && !ok {
				err = ErrNoSuchMessage
			}
		}
		if _, serr := m.c.Select(m.selected, nil).Wait(); serr != nil && err == nil {
			err = fmt.Errorf("selecting %q again: %w", m.selected, serr)
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("moving uid %d of %q back to %q: %w", filed.UID, name, m.selected, err)
	}
	return nil
}

// existing returns the messages of set that the mailbox holds.
func (m *Mailbox) existing(set imap.UIDSet) (imap.UIDSet, error) {
	msgs, err := m.c.Fetch(set, &imap.FetchOptions{UID: true}).Collect()
	if err != nil {
		return nil, fmt.Errorf("checking uids: %w", err)
	}
	var here imap.UIDSet
	for _, msg := range msgs {
		if set.Contains(msg.UID) {
			here.AddNum(msg.UID)
		}
	}
	return here, nil
}

// ensureFolder creates the folder with server name name unless it exists.
func (m *Mailbox) ensureFolder(name string) error {
	if m.folders[name] {
		return nil
	}
	list, err := m.c.List("", name, nil).Collect()
	if err != nil {
		return fmt.Errorf("listing folder: %w", err)
	}
	if !slices.ContainsFunc(list, func(d *imap.ListData) bool { return selectable(d, name) }) {
		err := m.c.Create(name, nil).Wait()
		var imapErr *imap.Error
		if err != nil && !(errors.As(err, &imapErr) && imapErr.Code == imap.ResponseCodeAlreadyExists) {
			return fmt.Errorf("creating folder: %w", err)
		}
		// Many mail clients show subscribed folders only.
		if err := m.c.Subscribe(name).Wait(); err != nil {
			m.log.Warn("cannot subscribe to folder", "folder", name, "err", err)
		}
		m.log.Info("created folder", "folder", name)
	}
	m.folders[name] = true
	return nil
}

func selectable(d *imap.ListData, name string) bool {
	if !sameMailbox(d.Mailbox, name) {
		return false
	}
	for _, attr := range d.Attrs {
		if strings.EqualFold(string(attr), string(imap.MailboxAttrNoSelect)) ||
			strings.EqualFold(string(attr), string(imap.MailboxAttrNonExistent)) {
			return false
		}
	}
	return true
}

// serverName turns a config folder name, with "/" between levels, into the
// server's name for it.
func (m *Mailbox) serverName(folder string) string {
	if m.delim == 0 || m.delim == '/' {
		return folder
	}
	return strings.ReplaceAll(folder, "/", string(m.delim))
}

// Close logs out and closes the connection.
func (m *Mailbox) Close() error {
	err := m.run(context.Background(), m.timeout, func() error { return m.c.Logout().Wait() })
	if closeErr := m.c.Close(); closeErr != nil && !errors.Is(closeErr, net.ErrClosed) && err == nil {
		err = closeErr
	}
	if err != nil {
		return fmt.Errorf("logging out: %w", err)
	}
	return nil
}

// run calls f, closing the connection if ctx ends (or timeout, if not zero,
// passes) before f returns: go-imap commands take no context.
func (m *Mailbox) run(ctx context.Context, timeout time.Duration, f func() error) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return err
	}
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, timeout, fmt.Errorf("%w: no answer within %s", context.DeadlineExceeded, timeout))
		defer cancel()
	}
	stop := context.AfterFunc(ctx, func() { m.c.Close() })
	err := f()
	if !stop() && err != nil {
		return context.Cause(ctx)
	}
	return err
}

func (c *Config) tlsConfig() (*tls.Config, error) {
	cfg := &tls.Config{
		ServerName: c.Host,
		MinVersion: tls.VersionTLS12,
		NextProtos: []string{"imap"},
	}
	if c.CAFile == "" {
		return cfg, nil
	}
	pem, err := os.ReadFile(c.CAFile)
	if err != nil {
		return nil, fmt.Errorf("reading ca_file: %w", err)
	}
	pool, err := x509.SystemCertPool()
	if err != nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("reading ca_file %s: no PEM certificate found", c.CAFile)
	}
	cfg.RootCAs = pool
	return cfg, nil
}

// transcriptWriter logs IMAP protocol data, both directions, as it passes,
// with the credentials redacted: what follows LOGIN and AUTHENTICATE <mech>,
// and every line the client sends until the server's tagged answer to
// them (LOGIN literals, SASL responses). go-imap hands it both directions
// through one writer, so it recognises lines by their content.
type transcriptWriter struct {
	log *slog.Logger

	mu      sync.Mutex
	partial []byte // the unfinished line of the last write
	authTag string // tag of the LOGIN or AUTHENTICATE under way
}

// maxTranscriptLine bounds the unfinished line kept between writes; longer
// data (a message literal) is logged as it comes.
const maxTranscriptLine = 64 << 10

var authCommand = regexp.MustCompile(`^(\S+) ((?i:LOGIN)|(?i:AUTHENTICATE) \S+)( |\r?\n|$)`)

func (w *transcriptWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	data := append(w.partial, p...)
	w.partial = nil
	var out strings.Builder
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			if len(data) <= maxTranscriptLine {
				w.partial = data
				break
			}
			i = len(data) - 1
		}
		out.WriteString(w.redact(string(data[:i+1])))
		data = data[i+1:]
	}
	if out.Len() > 0 {
		w.log.Info("imap transcript", "data", out.String())
	}
	return len(p), nil
}

// redact returns one line of the transcript as it may be logged.
func (w *transcriptWriter) redact(line string) string {
	if m := authCommand.FindStringSubmatch(line); m != nil {
		w.authTag = m[1]
		if strings.TrimRight(line, "\r\n") == m[1]+" "+m[2] {
			return line
		}
		return m[1] + " " + m[2] + " [redacted]\r\n"
	}
	if w.authTag == "" {
		return line
	}
	switch {
	case strings.HasPrefix(line, w.authTag+" "):
		w.authTag = ""
		return line
	case strings.HasPrefix(line, "* "), strings.HasPrefix(line, "+ "), strings.TrimRight(line, "\r\n") == "+":
		// Server data and continuation requests: a SASL response is
		// base64, which never starts with "* " or "+ ".
		return line
	}
	return "[redacted]\r\n"
}
