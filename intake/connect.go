package intake

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"intake/intake/imapbox"
	"intake/intake/oauth"
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
	tokens *oauth.Tokens
	log    *slog.Logger
	out    []Probe
}

// OK records a step that passed; the prober is the imapbox.Reporter of the
// IMAP checks.
func (p *prober) OK(name, format string, args ...any) {
	p.out = append(p.out, Probe{Status: ProbeOK, Name: name, Detail: fmt.Sprintf(format, args...)})
}

// Warn records a step that passed with a caveat and how to lift it.
func (p *prober) Warn(name, detail, fix string) {
	p.out = append(p.out, Probe{Status: ProbeWarn, Name: name, Detail: detail, Fix: fix})
}

// Fail records a step that failed and how to fix it.
func (p *prober) Fail(name, detail, fix string) {
	p.out = append(p.out, Probe{Status: ProbeFail, Name: name, Detail: detail, Fix: fix})
}

// Connect checks cfg against the real servers, as `intake check-config
// --connect` does: for each mailbox the IMAP login, mailbox, folders
// (creating the missing ones, as the first poll would) and capabilities; the SMTP greeting,
// extensions and login; the data directory. It sends mail only when sendTo
// is set: one test mail to that address.
func Connect(ctx context.Context, cfg *Config, tokens *oauth.Tokens, sendTo string, log *slog.Logger) []Probe {
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
	pre := "imap"
	if name != "" {
		pre = "imap " + name
	}
	imapbox.Probe(ctx, p.cfg.view(name).Mailbox, p.tokens, p.log, pre, p)
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
		p.Fail("smtp connect", err.Error(), "check the smtp section (intake check-config names the key)")
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Duration(sc.Timeout))
	defer cancel()
	ext, loginErr, err := sender.Probe(ctx)
	if err != nil {
		p.Fail("smtp connect", err.Error(), "check smtp.host, port and security: starttls for 587, tls for 465")
		return
	}
	p.OK("smtp connect", "%s (%s), EHLO answered", addr, sc.Security)
	switch {
	case sc.Auth == "none":
		p.OK("smtp login", "none configured (the server must relay for this host)")
	case loginErr != nil:
		p.Fail("smtp login", loginErr.Error(), "check smtp.auth, smtp.username and the password or token; AUTH offered: "+orDash(ext["AUTH"]))
	default:
		p.OK("smtp login", "as %s (auth %s; offered %s)", sc.Username, sc.Auth, ext["AUTH"])
	}
	if size, ok := ext["SIZE"]; ok {
		n, _ := strconv.ParseInt(size, 10, 64)
		if n > 0 && n < int64(p.cfg.Limits.MaxMessageBytes) {
			p.Warn("smtp SIZE", fmt.Sprintf("the server takes at most %d bytes, less than limits.max_message_bytes %d", n, p.cfg.Limits.MaxMessageBytes),
				"forwards carry the customer's mail: lower limits.max_message_bytes or raise the server's limit")
		} else {
			p.OK("smtp SIZE", "%s", orDash(size))
		}
	} else {
		p.OK("smtp SIZE", "no limit announced")
	}
	if _, ok := ext["8BITMIME"]; ok {
		p.OK("smtp 8BITMIME", "offered")
	} else {
		p.Warn("smtp 8BITMIME", "not offered: forwards are re-encoded to 7bit (larger, and the originals no longer byte for byte)",
			"use the provider's submission server (port 587), which offers 8BITMIME")
	}
	if sendTo == "" {
		return
	}
	if loginErr != nil {
		p.Fail("smtp test mail", "not sent: the login failed", "fix the login first")
		return
	}
	id := fmt.Sprintf("intake-test.%d@%s", time.Now().UnixNano(), sc.Host)
	raw := fmt.Sprintf("Date: %s\r\nFrom: %s\r\nTo: <%s>\r\nSubject: intake connection test\r\nMessage-ID: <%s>\r\n"+
		"Auto-Submitted: auto-generated\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"+
		"This mail was sent by `intake check-config --connect --send-test` to check the SMTP settings.\r\n",
		time.Now().Format(time.RFC1123Z), sc.From, sendTo, id)
	err = sender.Send(ctx, &mailer.Outgoing{MessageID: id, From: sc.fromAddress(), To: []string{sendTo}, Raw: []byte(raw)})
	if err != nil {
		p.Fail("smtp test mail", err.Error(), "the server refused the mail: check smtp.from (the login may not send as that address)")
		return
	}
	p.OK("smtp test mail", "sent to %s (Message-ID <%s>)", sendTo, id)
}

// dataDir checks that the data directory can be written and is not open to
// other users: it holds customer mail and the key intake signs with.
func (p *prober) dataDir() {
	dir := p.cfg.DataDir
	fi, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		parent := filepath.Dir(dir)
		if f, err := os.CreateTemp(parent, ".intake-check-*"); err != nil {
			p.Fail("data_dir", fmt.Sprintf("%s does not exist and %s is not writable: %v", dir, parent, err),
				"create it (mode 0700) for the user intake runs as; with systemd, StateDirectory=intake")
		} else {
			f.Close()
			os.Remove(f.Name())
			p.OK("data_dir", "%s will be created", dir)
		}
		return
	}
	if err != nil || !fi.IsDir() {
		p.Fail("data_dir", fmt.Sprintf("%s: not a directory (%v)", dir, err), "data_dir must name a directory")
		return
	}
	f, err := os.CreateTemp(dir, ".intake-check-*")
	if err != nil {
		p.Fail("data_dir", fmt.Sprintf("%s is not writable: %v", dir, err), "chown it to the user intake runs as")
		return
	}
	f.Close()
	os.Remove(f.Name())
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		p.Warn("data_dir", fmt.Sprintf("%s is mode %04o: other users can read customer mail", dir, perm), "chmod 700 "+dir)
		return
	}
	p.OK("data_dir", "%s writable, mode %04o", dir, fi.Mode().Perm())
}
