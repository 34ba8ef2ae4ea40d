package intake

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"mime"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-message/charset"

	"intake/mailer"
)

// Probe is one check of `intake check-config --connect`: its outcome,
// what was found, and for a failure or a warning how to fix it.
type Probe struct {
	Status string // ok, warn or FAIL
	Name   string
	Detail string
	Fix    string
}

// Probe statuses.
const (
	ProbeOK   = "ok"
	ProbeWarn = "warn"
	ProbeFail = "FAIL"
)

// prober runs the checks of one config and collects their outcomes.
type prober struct {
	cfg    *Config
	tokens *Tokens
	log    *slog.Logger
	out    []Probe
}

func (p *prober) ok(name, format string, args ...any) {
	p.out = append(p.out, Probe{Status: ProbeOK, Name: name, Detail: fmt.Sprintf(format, args...)})
}

func (p *prober) warn(name, detail, fix string) {
	p.out = append(p.out, Probe{Status: ProbeWarn, Name: name, Detail: detail, Fix: fix})
}

func (p *prober) fail(name, detail, fix string) {
	p.out = append(p.out, Probe{Status: ProbeFail, Name: name, Detail: detail, Fix: fix})
}

// Connect checks cfg against the real servers, as `intake check-config
// --connect` does: for each mailbox the IMAP login, mailbox, folders
// (creating the missing ones, as the first poll would) and capabilities; the SMTP greeting,
// extensions and login; the data directory. It sends mail only when sendTo
// is set: one test mail to that address.
func Connect(ctx context.Context, cfg *Config, tokens *Tokens, sendTo string, log *slog.Logger) []Probe {
	p := &prober{cfg: cfg, tokens: tokens, log: log}
	for _, name := range cfg.mailboxNames() {
		p.imap(ctx, name)
	}
	p.smtp(ctx, sendTo)
	p.dataDir()
	return p.out
}

// WriteProbes prints one line per check, with the fix after a failure or a
// warning, and reports whether any failed.
func WriteProbes(w io.Writer, probes []Probe) (failed bool) {
	for _, pr := range probes {
		line := fmt.Sprintf("%-4s  %-18s %s", pr.Status, pr.Name, pr.Detail)
		if pr.Fix != "" {
			line += " (fix: " + pr.Fix + ")"
		}
		fmt.Fprintln(w, line)
		failed = failed || pr.Status == ProbeFail
	}
	return failed
}

func (p *prober) imap(ctx context.Context, name string) {
	cfg := p.cfg.view(name)
	pre := "imap"
	if name != "" {
		pre = "imap " + name
	}
	mc := cfg.Mailbox
	mc.tokens = p.tokens
	addr := net.JoinHostPort(mc.Host, strconv.Itoa(mc.Port))
	timeout := time.Duration(mc.Timeout)
	ctx, cancel := context.WithTimeout(ctx, 3*timeout)
	defer cancel()

	var token string
	if mc.Auth == "xoauth2" || mc.Auth == "oauth2" {
		var err error
		if token, err = bearerToken(ctx, mc.Token, mc.OAuth, mc.tokens, mc.Username); err != nil {
			p.fail(pre+" oauth token", err.Error(), "check mailbox.oauth: client_id, client_secret, refresh_token, tenant and the app's consent (README: Microsoft 365 and Gmail)")
			return
		}
		p.ok(pre+" oauth token", "access token for %s", mc.Username)
	}

	tlsConfig, err := mc.tlsConfig()
	if err != nil {
		p.fail(pre+" connect", err.Error(), "mailbox.ca_file must name a PEM file")
		return
	}
	conn, err := dial(ctx, mc.Security, addr, tlsConfig)
	if err != nil {
		p.fail(pre+" connect", err.Error(), "check mailbox.host and port, and that this machine may reach them")
		return
	}
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	opts := &imapclient.Options{TLSConfig: tlsConfig, WordDecoder: &mime.WordDecoder{CharsetReader: charset.Reader}}
	m := &IMAPMailbox{conn: conn, log: p.log, timeout: timeout, folders: make(map[string]bool)}
	if err := m.greet(conn, opts, mc); err != nil {
		p.fail(pre+" connect", err.Error(), "mailbox.security must match the port: tls for 993, starttls (or plain on loopback) for 143")
		return
	}
	defer m.c.Close()
	p.ok(pre+" connect", "%s (%s)", addr, mc.Security)

	if err := m.authenticate(mc, token); err != nil {
		fix := "check mailbox.username and the password; Microsoft 365 and Gmail take no passwords: auth oauth2 (README)"
		if mc.Auth == "xoauth2" || mc.Auth == "oauth2" {
			fix = "the server refuses the token: check the scopes and that the app may open this mailbox (README: Microsoft 365 and Gmail)"
		}
		p.fail(pre+" login", fmt.Sprintf("as %s: %v", mc.Username, err), fix)
		return
	}
	p.ok(pre+" login", "as %s (auth %s)", mc.Username, mc.Auth)

	caps := m.c.Caps()
	switch {
	case caps.Has(imap.CapMove):
		p.ok(pre+" MOVE", "processed mail is moved in one step")
	case caps.Has(imap.CapUIDPlus):
		p.warn(pre+" MOVE", "not offered: intake copies, flags \\Deleted and expunges by UID (UIDPLUS) instead",
			"none needed; a server with MOVE files mail in one step")
	default:
		p.fail(pre+" MOVE", "neither MOVE nor UIDPLUS: processed mail is copied to its folder but stays in the inbox flagged \\Deleted",
			"use a server with MOVE or UIDPLUS (every current one has them), or expunge the inbox by other means")
	}
	if caps.Has(imap.CapUIDPlus) {
		p.ok(pre+" UIDPLUS", "offered")
	} else {
		p.warn(pre+" UIDPLUS", "not offered: copies are checked by fetching them", "none needed")
	}
	if caps.Has(imap.CapIdle) {
		p.ok(pre+" IDLE", "offered")
	} else {
		p.warn(pre+" IDLE", "not offered: new mail waits for the schedule", "shorten schedule if replies must be quick")
	}

	if err := m.run(ctx, timeout, func() error { return m.selectMailbox(mc.Mailbox) }); err != nil {
		p.fail(pre+" mailbox", err.Error(), "mailbox.mailbox must name an existing folder"+p.folderList(m, ctx))
		return
	}
	p.ok(pre+" mailbox", "%s selected read-write (UIDVALIDITY %d)", mc.Mailbox, m.uidValidity)

	f := mc.Folders
	seen := map[string]bool{}
	for _, folder := range []string{f.Forwarded, f.Waiting, f.Ignored, f.Failed} {
		if seen[folder] {
			continue
		}
		seen[folder] = true
		name := m.serverName(folder)
		var existed bool
		err := m.run(ctx, timeout, func() error {
			list, err := m.c.List("", name, nil).Collect()
			if err != nil {
				return err
			}
			existed = slices.ContainsFunc(list, func(d *imap.ListData) bool { return selectable(d, name) })
			return m.ensureFolder(name)
		})
		switch {
		case err != nil:
			p.fail(pre+" folder", fmt.Sprintf("%s: %v", folder, err),
				"create the folder by hand, give the account the right to create folders, or name existing ones under mailbox.folders")
		case existed:
			p.ok(pre+" folder", "%s exists", folder)
		default:
			p.ok(pre+" folder", "%s created", folder)
		}
	}
	_ = m.run(ctx, timeout, func() error { return m.c.Logout().Wait() })
}

// folderList names the server's folders for a fix, "" when they cannot be
// listed.
func (p *prober) folderList(m *IMAPMailbox, ctx context.Context) string {
	var names []string
	_ = m.run(ctx, m.timeout, func() error {
		list, err := m.c.List("", "*", nil).Collect()
		for _, d := range list {
			names = append(names, d.Mailbox)
		}
		return err
	})
	if len(names) == 0 {
		return ""
	}
	slices.Sort(names)
	return "; the server has: " + strings.Join(names, ", ")
}

func (p *prober) smtp(ctx context.Context, sendTo string) {
	sc := p.cfg.SMTP
	addr := net.JoinHostPort(sc.Host, strconv.Itoa(sc.Port))
	opts, err := sc.Options(p.tokens)
	var sender *mailer.Sender
	if err == nil {
		sender, err = mailer.NewSender(opts, p.log)
	}
	if err != nil {
		p.fail("smtp connect", err.Error(), "check the smtp section (intake check-config names the key)")
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Duration(sc.Timeout))
	defer cancel()
	ext, loginErr, err := sender.Probe(ctx)
	if err != nil {
		p.fail("smtp connect", err.Error(), "check smtp.host, port and security: starttls for 587, tls for 465")
		return
	}
	p.ok("smtp connect", "%s (%s), EHLO answered", addr, sc.Security)
	switch {
	case sc.Auth == "none":
		p.ok("smtp login", "none configured (the server must relay for this host)")
	case loginErr != nil:
		p.fail("smtp login", loginErr.Error(), "check smtp.auth, smtp.username and the password or token; AUTH offered: "+orDash(ext["AUTH"]))
	default:
		p.ok("smtp login", "as %s (auth %s; offered %s)", sc.Username, sc.Auth, ext["AUTH"])
	}
	if size, ok := ext["SIZE"]; ok {
		n, _ := strconv.ParseInt(size, 10, 64)
		if n > 0 && n < int64(p.cfg.Limits.MaxMessageBytes) {
			p.warn("smtp SIZE", fmt.Sprintf("the server takes at most %d bytes, less than limits.max_message_bytes %d", n, p.cfg.Limits.MaxMessageBytes),
				"forwards carry the customer's mail: lower limits.max_message_bytes or raise the server's limit")
		} else {
			p.ok("smtp SIZE", "%s", orDash(size))
		}
	} else {
		p.ok("smtp SIZE", "no limit announced")
	}
	if _, ok := ext["8BITMIME"]; ok {
		p.ok("smtp 8BITMIME", "offered")
	} else {
		p.warn("smtp 8BITMIME", "not offered: forwards are re-encoded to 7bit (larger, and the originals no longer byte for byte)",
			"use the provider's submission server (port 587), which offers 8BITMIME")
	}
	if sendTo == "" {
		return
	}
	if loginErr != nil {
		p.fail("smtp test mail", "not sent: the login failed", "fix the login first")
		return
	}
	id := fmt.Sprintf("intake-test.%d@%s", time.Now().UnixNano(), sc.Host)
	raw := fmt.Sprintf("Date: %s\r\nFrom: %s\r\nTo: <%s>\r\nSubject: intake connection test\r\nMessage-ID: <%s>\r\n"+
		"Auto-Submitted: auto-generated\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"+
		"This mail was sent by `intake check-config --connect --send-test` to check the SMTP settings.\r\n",
		time.Now().Format(time.RFC1123Z), sc.From, sendTo, id)
	err = sender.Send(ctx, &mailer.Outgoing{MessageID: id, From: sc.fromAddress(), To: []string{sendTo}, Raw: []byte(raw)})
	if err != nil {
		p.fail("smtp test mail", err.Error(), "the server refused the mail: check smtp.from (the login may not send as that address)")
		return
	}
	p.ok("smtp test mail", "sent to %s (Message-ID <%s>)", sendTo, id)
}

// dataDir checks that the data directory can be written and is not open to
// other users: it holds customer mail and the key intake signs with.
func (p *prober) dataDir() {
	dir := p.cfg.DataDir
	fi, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		parent := filepath.Dir(dir)
		if f, err := os.CreateTemp(parent, ".intake-check-*"); err != nil {
			p.fail("data_dir", fmt.Sprintf("%s does not exist and %s is not writable: %v", dir, parent, err),
				"create it (mode 0700) for the user intake runs as; with systemd, StateDirectory=intake")
		} else {
			f.Close()
			os.Remove(f.Name())
			p.ok("data_dir", "%s will be created", dir)
		}
		return
	}
	if err != nil || !fi.IsDir() {
		p.fail("data_dir", fmt.Sprintf("%s: not a directory (%v)", dir, err), "data_dir must name a directory")
		return
	}
	f, err := os.CreateTemp(dir, ".intake-check-*")
	if err != nil {
		p.fail("data_dir", fmt.Sprintf("%s is not writable: %v", dir, err), "chown it to the user intake runs as")
		return
	}
	f.Close()
	os.Remove(f.Name())
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		p.warn("data_dir", fmt.Sprintf("%s is mode %04o: other users can read customer mail", dir, perm), "chmod 700 "+dir)
		return
	}
	p.ok("data_dir", "%s writable, mode %04o", dir, fi.Mode().Perm())
}
