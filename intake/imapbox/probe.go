package imapbox

import (
	"context"
	"fmt"
	"log/slog"
	"mime"
	"net"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-message/charset"

	"intake/intake/oauth"
)

// Reporter receives the outcome of each step of Probe: ok with what was
// found, or a warning or a failure with how to fix it.
type Reporter interface {
	OK(name, format string, args ...any)
	Warn(name, detail, fix string)
	Fail(name, detail, fix string)
}

// Probe checks cfg, whose defaults are set, against the server step by step,
// as `intake check-config --connect` does: the OAuth token, connecting,
// logging in, the capabilities intake relies on, the mailbox and the
// folders (creating the missing ones, as the first poll would). Each step's
// name starts with pre.
func Probe(ctx context.Context, mc Config, tokens *oauth.Tokens, log *slog.Logger, pre string, p Reporter) {
	addr := net.JoinHostPort(mc.Host, strconv.Itoa(mc.Port))
	timeout := time.Duration(mc.Timeout)
	ctx, cancel := context.WithTimeout(ctx, 3*timeout)
	defer cancel()

	var token string
	if mc.Auth == "xoauth2" || mc.Auth == "oauth2" {
		var err error
		if token, err = oauth.BearerToken(ctx, mc.Token, mc.OAuth, tokens, mc.Username); err != nil {
			p.Fail(pre+" oauth token", err.Error(), "check mailbox.oauth: client_id, client_secret, refresh_token, tenant and the app's consent (README: Microsoft 365 and Gmail)")
			return
		}
		p.OK(pre+" oauth token", "access token for %s", mc.Username)
	}

	tlsConfig, err := mc.tlsConfig()
	if err != nil {
		p.Fail(pre+" connect", err.Error(), "mailbox.ca_file must name a PEM file")
		return
	}
	conn, err := dialConn(ctx, mc.Security, addr, tlsConfig)
	if err != nil {
		p.Fail(pre+" connect", err.Error(), "check mailbox.host and port, and that this machine may reach them")
		return
	}
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	opts := &imapclient.Options{TLSConfig: tlsConfig, WordDecoder: &mime.WordDecoder{CharsetReader: charset.Reader}}
	m := &Mailbox{conn: conn, log: log, timeout: timeout, folders: make(map[string]bool)}
	if err := m.greet(conn, opts, mc); err != nil {
		p.Fail(pre+" connect", err.Error(), "mailbox.security must match the port: tls for 993, starttls (or plain on loopback) for 143")
		return
	}
	defer m.c.Close()
	p.OK(pre+" connect", "%s (%s)", addr, mc.Security)

	if err := m.authenticate(mc, token); err != nil {
		fix := "check mailbox.username and the password; Microsoft 365 and Gmail take no passwords: auth oauth2 (README)"
		if mc.Auth == "xoauth2" || mc.Auth == "oauth2" {
			fix = "the server refuses the token: check the scopes and that the app may open this mailbox (README: Microsoft 365 and Gmail)"
		}
		p.Fail(pre+" login", fmt.Sprintf("as %s: %v", mc.Username, err), fix)
		return
	}
	p.OK(pre+" login", "as %s (auth %s)", mc.Username, mc.Auth)

	caps := m.c.Caps()
	switch {
	case caps.Has(imap.CapMove):
		p.OK(pre+" MOVE", "processed mail is moved in one step")
	case caps.Has(imap.CapUIDPlus):
		p.Warn(pre+" MOVE", "not offered: intake copies, flags \\Deleted and expunges by UID (UIDPLUS) instead",
			"none needed; a server with MOVE files mail in one step")
	default:
		p.Fail(pre+" MOVE", "neither MOVE nor UIDPLUS: processed mail is copied to its folder but stays in the inbox flagged \\Deleted",
			"use a server with MOVE or UIDPLUS (every current one has them), or expunge the inbox by other means")
	}
	if caps.Has(imap.CapUIDPlus) {
		p.OK(pre+" UIDPLUS", "offered")
	} else {
		p.Warn(pre+" UIDPLUS", "not offered: copies are checked by fetching them", "none needed")
	}
	if caps.Has(imap.CapIdle) {
		p.OK(pre+" IDLE", "offered")
	} else {
		p.Warn(pre+" IDLE", "not offered: new mail waits for the schedule", "shorten schedule if replies must be quick")
	}

	if err := m.run(ctx, timeout, func() error { return m.selectMailbox(mc.Mailbox) }); err != nil {
		p.Fail(pre+" mailbox", err.Error(), "mailbox.mailbox must name an existing folder"+folderList(ctx, m))
		return
	}
	p.OK(pre+" mailbox", "%s selected read-write (UIDVALIDITY %d)", mc.Mailbox, m.uidValidity)

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
			p.Fail(pre+" folder", fmt.Sprintf("%s: %v", folder, err),
				"create the folder by hand, give the account the right to create folders, or name existing ones under mailbox.folders")
		case existed:
			p.OK(pre+" folder", "%s exists", folder)
		default:
			p.OK(pre+" folder", "%s created", folder)
		}
	}
	_ = m.run(ctx, timeout, func() error { return m.c.Logout().Wait() })
}

// folderList names the server's folders for a fix, "" when they cannot be
// listed.
func folderList(ctx context.Context, m *Mailbox) string {
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
