//go:build e2e

// Helpers for end-to-end tests against the real Dovecot + Postfix stack that
// .ci/mailstack.sh starts on loopback (DESIGN §6):
//
//	bash .ci/mailstack.sh install
//	bash .ci/mailstack.sh start /tmp/intake-e2e
//	go test -tags e2e ./intake/
//
// Every test that needs the stack calls mailStack first: it skips the test when
// the stack does not answer (or fails it when INTAKE_E2E_REQUIRE=1, as CI should
// set). The stack is shared by all tests and keeps its mail between runs, so a
// test either matches messages by a unique token (e2eToken) or empties the
// mailboxes it uses first (e2eResetUser).

package intake_test

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/mail"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-smtp"
	"go.yaml.in/yaml/v3"
)

// Mailboxes on the stack (all @example.test, password e2ePassword()).
const (
	e2eIntake    = "intake@example.test"    // the request mailbox the poller reads
	e2eCustomer  = "customer@example.test"  // a customer who writes in and gets replies
	e2eEngineer  = "engineer@example.test"  // a single engineer
	e2eEngineers = "engineers@example.test" // the engineer group forwards go to
	e2eAdmin     = "admin@example.test"     // the admin address (failures, quarantine)
)

// e2eTimeout bounds every wait for mail delivered through Postfix.
const e2eTimeout = 20 * time.Second

// e2ePassword is the password of every stack user: INTAKE_E2E_PASSWORD, default "secret".
func e2ePassword() string {
	if p := os.Getenv("INTAKE_E2E_PASSWORD"); p != "" {
		return p
	}
	return "secret"
}

// mailStack returns the IMAP and SMTP addresses of the e2e mail stack
// (INTAKE_E2E_IMAP, default 127.0.0.1:11143; INTAKE_E2E_SMTP, default
// 127.0.0.1:2525). When either does not answer with its greeting, the test is
// skipped, or failed if INTAKE_E2E_REQUIRE=1.
func mailStack(t *testing.T) (imapAddr, smtpAddr string) {
	t.Helper()
	imapAddr = e2eEnvOr("INTAKE_E2E_IMAP", "127.0.0.1:11143")
	smtpAddr = e2eEnvOr("INTAKE_E2E_SMTP", "127.0.0.1:2525")
	var problems []string
	if err := e2eProbeGreeting(imapAddr, "* OK"); err != nil {
		problems = append(problems, "IMAP "+imapAddr+": "+err.Error())
	}
	if err := e2eProbeGreeting(smtpAddr, "220"); err != nil {
		problems = append(problems, "SMTP "+smtpAddr+": "+err.Error())
	}
	if len(problems) > 0 {
		msg := "e2e mail stack not reachable (" + strings.Join(problems, "; ") +
			"); start it with `bash .ci/mailstack.sh install && bash .ci/mailstack.sh start DIR`" +
			" or point INTAKE_E2E_IMAP / INTAKE_E2E_SMTP at it"
		if os.Getenv("INTAKE_E2E_REQUIRE") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return imapAddr, smtpAddr
}

func e2eEnvOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// e2eProbeGreeting connects to addr and checks that the server's first line starts with prefix.
func e2eProbeGreeting(addr, prefix string) error {
	conn, err := net.DialTimeout("tcp", addr, 2*time.Second)
	if err != nil {
		return err
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(3 * time.Second))
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return fmt.Errorf("no greeting: %w", err)
	}
	if !strings.HasPrefix(line, prefix) {
		return fmt.Errorf("unexpected greeting %q", strings.TrimSpace(line))
	}
	return nil
}

// e2eDial logs in as user; the caller must e2eClose the client.
func e2eDial(imapAddr, user string) (*imapclient.Client, error) {
	c, err := imapclient.DialInsecure(imapAddr, nil)
	if err != nil {
		return nil, fmt.Errorf("imap dial %s: %w", imapAddr, err)
	}
	if err := c.Login(user, e2ePassword()).Wait(); err != nil {
		_ = c.Close()
		return nil, fmt.Errorf("imap login %s: %w", user, err)
	}
	return c, nil
}

// e2eClose logs out and closes c.
func e2eClose(c *imapclient.Client) {
	_ = c.Logout().Wait()
	_ = c.Close()
}

// e2eSession runs fn in a fresh IMAP session as user, closed afterwards, so
// helpers called many times in one test do not pile up connections.
func e2eSession(t testing.TB, imapAddr, user string, fn func(c *imapclient.Client)) {
	t.Helper()
	c, err := e2eDial(imapAddr, user)
	if err != nil {
		t.Fatal(err)
	}
	defer e2eClose(c)
	fn(c)
}

// e2eMessage is one message of a mailbox as read by e2eFetch.
type e2eMessage struct {
	UID   imap.UID
	Flags []imap.Flag
	Raw   []byte // the full message (BODY.PEEK[]): does not set \Seen
}

// e2eFetch reads every message of user's mailbox, in UID order. A mailbox that
// does not exist reads as empty.
func e2eFetch(t testing.TB, imapAddr, user, mailbox string) []e2eMessage {
	t.Helper()
	var msgs []e2eMessage
	e2eSession(t, imapAddr, user, func(c *imapclient.Client) {
		var err error
		if msgs, err = e2eFetchConn(c, mailbox); err != nil {
			t.Fatalf("imap read %s %s: %v", user, mailbox, err)
		}
	})
	return msgs
}

func e2eFetchConn(c *imapclient.Client, mailbox string) ([]e2eMessage, error) {
	// Dovecot 2.3 answers SELECT of a missing mailbox with a bare NO (no
	// [NONEXISTENT] code), so ask LIST first.
	if !strings.EqualFold(mailbox, "INBOX") {
		list, err := c.List("", mailbox, nil).Collect()
		if err != nil {
			return nil, fmt.Errorf("list: %w", err)
		}
		if len(list) == 0 {
			return nil, nil
		}
	}
	sel, err := c.Select(mailbox, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		return nil, fmt.Errorf("select: %w", err)
	}
	defer func() { _ = c.Unselect().Wait() }()
	if sel.NumMessages == 0 {
		return nil, nil
	}
	var all imap.SeqSet
	all.AddRange(1, 0) // 1:*
	section := &imap.FetchItemBodySection{Peek: true}
	bufs, err := c.Fetch(all, &imap.FetchOptions{
		UID:         true,
		Flags:       true,
		BodySection: []*imap.FetchItemBodySection{section},
	}).Collect()
	if err != nil {
		return nil, fmt.Errorf("fetch: %w", err)
	}
	msgs := make([]e2eMessage, 0, len(bufs))
	for _, b := range bufs {
		msgs = append(msgs, e2eMessage{UID: b.UID, Flags: b.Flags, Raw: b.FindBodySection(section)})
	}
	slices.SortFunc(msgs, func(a, b e2eMessage) int { return cmp.Compare(a.UID, b.UID) })
	return msgs, nil
}

// e2eReadMailbox returns the full raw bodies of every message in user's INBOX, in UID order.
func e2eReadMailbox(t testing.TB, imapAddr, user string) [][]byte {
	t.Helper()
	return e2eReadFolder(t, imapAddr, user, "INBOX")
}

// e2eReadFolder is e2eReadMailbox for any mailbox (e.g. "Intake/Forwarded"); a
// missing mailbox reads as empty.
func e2eReadFolder(t testing.TB, imapAddr, user, mailbox string) [][]byte {
	t.Helper()
	var raws [][]byte
	for _, m := range e2eFetch(t, imapAddr, user, mailbox) {
		raws = append(raws, m.Raw)
	}
	return raws
}

// e2eAppend stores raw (CRLF line endings) into user's mailbox, creating the
// mailbox when missing, and returns the new message's UID.
func e2eAppend(t testing.TB, imapAddr, user, mailbox string, raw []byte, flags ...imap.Flag) imap.UID {
	t.Helper()
	var uid imap.UID
	e2eSession(t, imapAddr, user, func(c *imapclient.Client) {
		if !strings.EqualFold(mailbox, "INBOX") {
			if err := c.Create(mailbox, nil).Wait(); err != nil {
				var imapErr *imap.Error
				if !errors.As(err, &imapErr) || imapErr.Code != imap.ResponseCodeAlreadyExists {
					t.Fatalf("imap create %s %s: %v", user, mailbox, err)
				}
			}
		}
		cmd := c.Append(mailbox, int64(len(raw)), &imap.AppendOptions{Flags: flags})
		if _, err := cmd.Write(raw); err != nil {
			t.Fatalf("imap append %s %s: write: %v", user, mailbox, err)
		}
		if err := cmd.Close(); err != nil {
			t.Fatalf("imap append %s %s: close: %v", user, mailbox, err)
		}
		data, err := cmd.Wait()
		if err != nil {
			t.Fatalf("imap append %s %s: %v", user, mailbox, err)
		}
		uid = data.UID // Dovecot has UIDPLUS, so APPENDUID is always there
	})
	return uid
}

// e2eAppendToInbox seeds user's INBOX with raw, e.g. a customer request in the intake mailbox.
func e2eAppendToInbox(t testing.TB, imapAddr, user string, raw []byte) imap.UID {
	t.Helper()
	return e2eAppend(t, imapAddr, user, "INBOX", raw)
}

// e2eResetUser empties user's INBOX and deletes every other mailbox, so a test
// that processes "all mail" starts from a known state.
func e2eResetUser(t testing.TB, imapAddr, user string) {
	t.Helper()
	e2eSession(t, imapAddr, user, func(c *imapclient.Client) { e2eResetConn(t, c, user) })
}

func e2eResetConn(t testing.TB, c *imapclient.Client, user string) {
	t.Helper()
	list, err := c.List("", "*", nil).Collect()
	if err != nil {
		t.Fatalf("imap list %s: %v", user, err)
	}
	var names []string
	for _, mb := range list {
		if !strings.EqualFold(mb.Mailbox, "INBOX") {
			names = append(names, mb.Mailbox)
		}
	}
	// Children before parents.
	slices.SortFunc(names, func(a, b string) int { return len(b) - len(a) })
	for _, name := range names {
		if err := c.Delete(name).Wait(); err != nil {
			var imapErr *imap.Error
			if errors.As(err, &imapErr) && imapErr.Code == imap.ResponseCodeNonExistent {
				continue // a parent that only exists through its children (\NonExistent)
			}
			t.Fatalf("imap delete %s %s: %v", user, name, err)
		}
	}
	sel, err := c.Select("INBOX", nil).Wait()
	if err != nil {
		t.Fatalf("imap select %s INBOX: %v", user, err)
	}
	if sel.NumMessages > 0 {
		var all imap.SeqSet
		all.AddRange(1, 0) // 1:*
		if err := c.Store(all, &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true, Flags: []imap.Flag{imap.FlagDeleted}}, nil).Close(); err != nil {
			t.Fatalf("imap store %s: %v", user, err)
		}
		if err := c.Expunge().Close(); err != nil {
			t.Fatalf("imap expunge %s: %v", user, err)
		}
	}
	if err := c.Unselect().Wait(); err != nil {
		t.Fatalf("imap unselect %s: %v", user, err)
	}
}

// e2eSendMail submits raw through the stack's Postfix (no auth, no TLS) with
// the given envelope. Postfix delivers @example.test recipients to Dovecot.
func e2eSendMail(t testing.TB, smtpAddr, from string, to []string, raw []byte) {
	t.Helper()
	c, err := smtp.Dial(smtpAddr)
	if err != nil {
		t.Fatalf("smtp dial %s: %v", smtpAddr, err)
	}
	defer c.Close()
	if err := c.Hello("e2e.test"); err != nil {
		t.Fatalf("smtp hello: %v", err)
	}
	if err := c.SendMail(from, to, bytes.NewReader(raw)); err != nil {
		t.Fatalf("smtp send %s -> %v: %v", from, to, err)
	}
	if err := c.Quit(); err != nil {
		t.Fatalf("smtp quit: %v", err)
	}
}

// e2eWaitFor polls user's mailbox until a message satisfies match and returns
// it; it fails the test after timeout (e2eTimeout when 0), listing what the
// mailbox held.
func e2eWaitFor(t testing.TB, imapAddr, user, mailbox string, timeout time.Duration, match func(raw []byte) bool) []byte {
	t.Helper()
	if timeout == 0 {
		timeout = e2eTimeout
	}
	deadline := time.Now().Add(timeout)
	for {
		var msgs []e2eMessage
		c, err := e2eDial(imapAddr, user)
		if err == nil {
			msgs, err = e2eFetchConn(c, mailbox)
			e2eClose(c)
			for _, m := range msgs {
				if match(m.Raw) {
					return m.Raw
				}
			}
		}
		if time.Now().After(deadline) {
			var subjects []string
			for _, m := range msgs {
				subjects = append(subjects, e2eSubject(m.Raw))
			}
			t.Fatalf("no matching message in %s %s after %v (last error %v; subjects %q)",
				user, mailbox, timeout, err, subjects)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// e2eWaitForSubject waits for a message in user's INBOX whose decoded subject contains substr.
func e2eWaitForSubject(t testing.TB, imapAddr, user, substr string) []byte {
	t.Helper()
	return e2eWaitFor(t, imapAddr, user, "INBOX", 0, func(raw []byte) bool {
		return strings.Contains(e2eSubject(raw), substr)
	})
}

var e2eSeq atomic.Uint64

// e2eToken returns a string unique to this test run, to put in subjects and
// Message-IDs so a test finds its own mail in the shared mailboxes.
func e2eToken(t testing.TB) string {
	name := strings.NewReplacer("/", "-", " ", "_").Replace(t.Name())
	return fmt.Sprintf("%s-%d-%d", name, time.Now().UnixNano(), e2eSeq.Add(1))
}

// e2eNewMessage builds a plain-text message with CRLF line endings. subject may
// be non-ASCII (it is RFC 2047 encoded); extra headers are "Key: value" lines.
func e2eNewMessage(from, to, subject, body string, extra ...string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "From: %s\r\n", from)
	fmt.Fprintf(&b, "To: %s\r\n", to)
	fmt.Fprintf(&b, "Subject: %s\r\n", mime.BEncoding.Encode("utf-8", subject))
	fmt.Fprintf(&b, "Date: %s\r\n", time.Now().Format(time.RFC1123Z))
	fmt.Fprintf(&b, "Message-ID: <%d.%d@e2e.example.test>\r\n", time.Now().UnixNano(), e2eSeq.Add(1))
	b.WriteString("MIME-Version: 1.0\r\n")
	b.WriteString("Content-Type: text/plain; charset=utf-8\r\n")
	b.WriteString("Content-Transfer-Encoding: 8bit\r\n")
	for _, h := range extra {
		b.WriteString(h + "\r\n")
	}
	b.WriteString("\r\n")
	b.WriteString(strings.ReplaceAll(strings.ReplaceAll(body, "\r\n", "\n"), "\n", "\r\n"))
	if !strings.HasSuffix(body, "\n") {
		b.WriteString("\r\n")
	}
	return []byte(b.String())
}

// e2eHeader returns the decoded value of header key in raw ("" if absent or unreadable).
func e2eHeader(raw []byte, key string) string {
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return ""
	}
	v := msg.Header.Get(key)
	dec := mime.WordDecoder{CharsetReader: func(charset string, input io.Reader) (io.Reader, error) {
		return nil, fmt.Errorf("charset %s not decoded", charset)
	}}
	if d, err := dec.DecodeHeader(v); err == nil {
		return d
	}
	return v
}

// e2eSubject is e2eHeader(raw, "Subject").
func e2eSubject(raw []byte) string { return e2eHeader(raw, "Subject") }

// dovecotConf returns the stack's dovecot.conf, which doveadm needs. Without
// it the test is skipped, or fails when INTAKE_E2E_REQUIRE=1.
func dovecotConf(t *testing.T) string {
	t.Helper()
	conf := os.Getenv("INTAKE_E2E_DOVECOT_CONF")
	if conf == "" {
		if os.Getenv("INTAKE_E2E_REQUIRE") == "1" {
			t.Fatal("INTAKE_E2E_DOVECOT_CONF is not set (the stack's dovecot.conf, for doveadm)")
		}
		t.Skip("INTAKE_E2E_DOVECOT_CONF is not set")
	}
	return conf
}

// editE2EConfig rewrites the config file at path after edit has changed its
// YAML document's root mapping.
func editE2EConfig(t *testing.T, path string, edit func(root *yaml.Node)) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	edit(doc.Content[0])
	out, err := yaml.Marshal(&doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, out, 0o600); err != nil {
		t.Fatal(err)
	}
}

// addMailboxKey adds key: value to the config's mailbox section.
func addMailboxKey(root *yaml.Node, key string, value *yaml.Node) {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "mailbox" {
			mb := root.Content[i+1]
			mb.Content = append(mb.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, value)
		}
	}
}

// startIntakeRun starts `intake run` on cfg with its output in logs and
// returns the process and the channel its exit arrives on. A daemon still
// running when the test ends is killed.
func startIntakeRun(t *testing.T, cfg string, logs io.Writer) (*exec.Cmd, <-chan error) {
	t.Helper()
	cmd := exec.Command(intakeBinary(t), "run", "--config", cfg)
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
		}
	})
	return cmd, done
}
