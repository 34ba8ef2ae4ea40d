package imapbox_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"go.yaml.in/yaml/v3"

	"intake/intake/conf"
	"intake/intake/imapbox"
	"intake/intake/imapbox/imaptest"
	"intake/intake/oauth"
)

func dialMemIMAP(t *testing.T, cfg imapbox.Config) *imapbox.Mailbox {
	t.Helper()
	m, err := imapbox.Dial(context.Background(), cfg, nil, imaptest.Logger(&imaptest.LockedBuffer{}))
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	t.Cleanup(func() { m.Close() })
	return m
}

func TestMailboxListFetch(t *testing.T) {
	ts := imaptest.Start(t, imaptest.Options{})
	raws := []string{imaptest.TestMessage("one"), imaptest.TestMessage("two-longer"), imaptest.TestMessage("three")}
	var uids []imap.UID
	for _, raw := range raws {
		uids = append(uids, ts.Append(t, "INBOX", raw))
	}
	m := dialMemIMAP(t, ts.Config())
	ctx := context.Background()

	if got := m.UIDValidity(); got == 0 {
		t.Errorf("UIDValidity() = 0, want the server's value")
	}

	list, err := m.List(ctx, 0)
	if err != nil {
		t.Fatalf("List(0): %v", err)
	}
	var want []imapbox.Envelope
	for i, raw := range raws {
		subject := []string{"one", "two-longer", "three"}[i]
		want = append(want, imapbox.Envelope{UID: uids[i], Size: int64(len(raw)), From: "customer@example.com", Subject: subject, MessageID: subject + "@example.com"})
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
	for _, msg := range ts.Inspect(t, "INBOX") {
		if slices.Contains(msg.Flags, imap.FlagSeen) {
			t.Errorf("after Fetch, uid %d has flags %v, want no \\Seen", msg.UID, msg.Flags)
		}
	}

	if err := m.Fetch(ctx, imapbox.Envelope{UID: 999}, &bytes.Buffer{}); !errors.Is(err, imapbox.ErrNoSuchMessage) {
		t.Errorf("Fetch(999) = %v, want ErrNoSuchMessage", err)
	}
}

// TestMailboxFetchAll: the bodies of several messages come with one UID
// FETCH, whole and in UID order; a message gone since the listing gets no
// call; a literal larger than its announced size allows ends the fetch
// there, naming its UID.
func TestMailboxFetchAll(t *testing.T) {
	ts := imaptest.Start(t, imaptest.Options{})
	raws := map[imap.UID]string{}
	for _, s := range []string{"one", "two-longer", "three", "four"} {
		raw := imaptest.TestMessage(s) + strings.Repeat("body line\r\n", 7000) // past sizeAllowed's slack
		raws[ts.Append(t, "INBOX", raw)] = raw
	}
	m := dialMemIMAP(t, ts.Config())
	ctx := context.Background()
	list, err := m.List(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	bodyFetch := regexp.MustCompile(`(?m)^T[0-9]+ UID FETCH .*BODY`)
	fetchCmds := func() int {
		return len(bodyFetch.FindAllString(ts.Transcript.String(), -1))
	}
	before := fetchCmds()
	gone := imapbox.Envelope{UID: 999, Size: 10}
	var order []imap.UID
	err = m.FetchAll(ctx, append(slices.Clone(list), gone), func(env imapbox.Envelope, body io.Reader) {
		order = append(order, env.UID)
		b, err := io.ReadAll(body)
		if err != nil || string(b) != raws[env.UID] {
			t.Errorf("uid %d: read %d bytes, %v; want its %d bytes", env.UID, len(b), err, len(raws[env.UID]))
		}
	})
	if err != nil {
		t.Fatalf("FetchAll: %v", err)
	}
	if len(order) != len(list) || !slices.IsSorted(order) {
		t.Errorf("called for uids %v, want each of %d in order", order, len(list))
	}
	if n := fetchCmds() - before; n != 1 {
		t.Errorf("FetchAll sent %d UID FETCH commands, want 1", n)
	}

	// each may leave a body unread: the next one still comes whole.
	var got []imap.UID
	if err := m.FetchAll(ctx, list[:2], func(env imapbox.Envelope, body io.Reader) {
		got = append(got, env.UID)
		if env.UID == list[1].UID {
			if b, _ := io.ReadAll(body); string(b) != raws[env.UID] {
				t.Errorf("uid %d after an unread body: %d bytes", env.UID, len(b))
			}
		}
	}); err != nil || len(got) != 2 {
		t.Fatalf("FetchAll leaving a body unread: %v, calls %v", err, got)
	}

	// The third message claims to be tiny: the fetch stops at it.
	lying := slices.Clone(list)
	lying[2].Size = 10
	var reached []imap.UID
	err = m.FetchAll(ctx, lying, func(env imapbox.Envelope, body io.Reader) {
		reached = append(reached, env.UID)
		io.Copy(io.Discard, body)
	})
	var lie *imapbox.SizeMismatchError
	if !errors.As(err, &lie) || lie.UID != list[2].UID {
		t.Fatalf("FetchAll with a size lie at uid %d = %v, want a *SizeMismatchError naming it", list[2].UID, err)
	}
	if !slices.Equal(reached, []imap.UID{list[0].UID, list[1].UID}) {
		t.Errorf("called for %v before the lie, want the two before it", reached)
	}
}

func TestMailboxListAfterCheckpoint(t *testing.T) {
	ts := imaptest.Start(t, imaptest.Options{})
	first := ts.Append(t, "INBOX", imaptest.TestMessage("a"))
	second := ts.Append(t, "INBOX", imaptest.TestMessage("b"))
	ts.Append(t, "INBOX", imaptest.TestMessage("deleted"), imap.FlagDeleted)
	m := dialMemIMAP(t, ts.Config())
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
	third := ts.Append(t, "INBOX", imaptest.TestMessage("c"))
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
			ts := imaptest.Start(t, imaptest.Options{Caps: tt.caps})
			raw := imaptest.TestMessage("to-move")
			uid := ts.Append(t, "INBOX", raw)
			bystander := ts.Append(t, "INBOX", imaptest.TestMessage("bystander"), imap.FlagDeleted)
			logs := &imaptest.LockedBuffer{}
			m, err := imapbox.Dial(context.Background(), ts.Config(), nil, imaptest.Logger(logs))
			if err != nil {
				t.Fatalf("DialMailbox: %v", err)
			}
			defer m.Close()

			if _, err := m.Move(context.Background(), []imap.UID{uid}, "Intake/Forwarded"); err != nil {
				t.Fatalf("Move(%d, Intake/Forwarded): %v", uid, err)
			}

			moved := ts.Inspect(t, "Intake/Forwarded")
			if len(moved) != 1 || moved[0].Raw != raw {
				t.Errorf("Intake/Forwarded holds %v, want exactly the moved message", moved)
			}
			inbox := ts.Inspect(t, "INBOX")
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

			cmds := clientCommands(ts.Transcript.String())
			for _, name := range []string{"EXPUNGE", tt.wantNotCmd} {
				if n := countCommands(cmds, name); n > 0 {
					t.Errorf("client sent %s %d times; commands:\n%s", name, n, strings.Join(cmds, "\n"))
				}
			}
			if tt.wantWarn != "" && !strings.Contains(logs.String(), tt.wantWarn) {
				t.Errorf("log = %q, want a warning containing %q", logs.String(), tt.wantWarn)
			}
			if got := ts.Mailboxes(t); !slices.Equal(got, []string{"INBOX", "Intake/Forwarded"}) {
				t.Errorf("mailboxes = %v, want INBOX and the created folder", got)
			}

			// The folder now exists: a second move must not try to create it.
			second := ts.Append(t, "INBOX", imaptest.TestMessage("second"))
			if _, err := m.Move(context.Background(), []imap.UID{second}, "Intake/Forwarded"); err != nil {
				t.Fatalf("second Move: %v", err)
			}
			if n := countCommands(clientCommands(ts.Transcript.String()), "CREATE"); n != 1 {
				t.Errorf("client sent CREATE %d times, want 1", n)
			}
		})
	}
}

// TestMailboxMoveMany: a group of messages moves with one command (MOVE,
// or COPY, STORE and EXPUNGE without it), each with its new UID when the
// server says; a UID no longer in the mailbox is left out of the answer.
func TestMailboxMoveMany(t *testing.T) {
	for _, tt := range []struct {
		name  string
		caps  imap.CapSet
		cmds  []string // sent once each
		filed bool     // the server tells the new UIDs
	}{
		{"MOVE", imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapMove: {}, imap.CapUIDPlus: {}}, []string{"UID MOVE"}, true},
		{"no MOVE, UIDPLUS", imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapUIDPlus: {}}, []string{"UID COPY", "UID STORE", "UID EXPUNGE"}, true},
		{"no MOVE, no UIDPLUS", imap.CapSet{imap.CapIMAP4rev1: {}}, []string{"UID COPY", "UID STORE"}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ts := imaptest.Start(t, imaptest.Options{Caps: tt.caps})
			var uids []imap.UID
			for i := range 4 {
				uids = append(uids, ts.Append(t, "INBOX", imaptest.TestMessage(fmt.Sprintf("mail %d", i))))
			}
			stays := uids[2]
			m := dialMemIMAP(t, ts.Config())

			group := []imap.UID{uids[3], uids[0], uids[1], 999}
			moved, err := m.Move(context.Background(), group, "Intake/Waiting")
			if err != nil {
				t.Fatalf("Move(%v): %v", group, err)
			}
			if len(moved) != 3 {
				t.Errorf("Move(%v) = %v, want the three messages there were", group, moved)
			}
			if _, ok := moved[999]; ok {
				t.Errorf("Move says it moved uid 999, which never was")
			}
			folder := ts.Inspect(t, "Intake/Waiting")
			if len(folder) != 3 {
				t.Errorf("Intake/Waiting holds %d, want 3", len(folder))
			}
			for _, uid := range group[:3] {
				f, ok := moved[uid]
				if tt.filed != (f.UID != 0) || !ok {
					t.Errorf("uid %d filed as %+v (moved %v), want a new UID: %v", uid, f, ok, tt.filed)
				}
			}
			if tt.filed {
				seen := map[imap.UID]bool{}
				for _, f := range moved {
					seen[f.UID] = true
				}
				if len(seen) != 3 {
					t.Errorf("new UIDs %v are not one a message", moved)
				}
			}
			if list, err := m.List(context.Background(), 0); err != nil || len(list) != 1 || list[0].UID != stays {
				t.Errorf("List(0) after Move = %v, %v; want only uid %d", list, err, stays)
			}
			cmds := clientCommands(ts.Transcript.String())
			for _, name := range tt.cmds {
				if n := countCommands(cmds, name); n != 1 {
					t.Errorf("client sent %s %d times, want once for the group; commands:\n%s", name, n, strings.Join(cmds, "\n"))
				}
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
			ts := imaptest.Start(t, imaptest.Options{Caps: caps})
			uid := ts.Append(t, "INBOX", imaptest.TestMessage("stays"))
			m := dialMemIMAP(t, ts.Config())

			// imapmemserver refuses to copy a mailbox into itself.
			if _, err := m.Move(context.Background(), []imap.UID{uid}, "INBOX"); err == nil {
				t.Fatalf("Move(%d, INBOX) = nil, want the COPY error", uid)
			}
			inbox := ts.Inspect(t, "INBOX")
			if len(inbox) != 1 || len(inbox[0].Flags) != 0 {
				t.Errorf("INBOX after failed Move = %v, want the message untouched", inbox)
			}

			if moved, err := m.Move(context.Background(), []imap.UID{999}, "Intake/Failed"); err != nil || len(moved) != 0 {
				t.Errorf("Move(999) = %v, %v; want nothing moved and no error", moved, err)
			}
		})
	}
}

func TestMailboxSecurity(t *testing.T) {
	for _, security := range []string{"tls", "starttls"} {
		t.Run(security, func(t *testing.T) {
			ts := imaptest.Start(t, imaptest.Options{Security: security})
			uid := ts.Append(t, "INBOX", imaptest.TestMessage("tls"))
			cfg := ts.Config()
			cfg.Security = security

			_, err := imapbox.Dial(context.Background(), cfg, nil, imaptest.Logger(&imaptest.LockedBuffer{}))
			if err == nil {
				t.Fatalf("DialMailbox without ca_file = nil, want a certificate error")
			}

			cfg.CAFile = ts.CAFile
			m := dialMemIMAP(t, cfg)
			if list, err := m.List(context.Background(), 0); err != nil || len(list) != 1 || list[0].UID != uid {
				t.Errorf("List(0) over %s = %v, %v; want uid %d", security, list, err, uid)
			}
		})
	}
}

func TestMailboxAuth(t *testing.T) {
	ts := imaptest.Start(t, imaptest.Options{})
	for _, tt := range []struct {
		name    string
		server  *imaptest.Server
		auth    string
		secret  string
		wantErr string
	}{
		{"plain", ts, "plain", imaptest.Password, ""},
		{"login", ts, "login", imaptest.Password, ""},
		{"XOAUTH2", ts, "xoauth2", imaptest.Token, ""},
		{"plain, wrong password", ts, "plain", "wrong", "Authentication failed"},
		{"XOAUTH2, wrong token", ts, "xoauth2", "expired", "status 401"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := tt.server.Config()
			cfg.Auth = tt.auth
			cfg.Password, cfg.Token = conf.Secret{}, conf.Secret{}
			if tt.auth == "xoauth2" {
				cfg.Token = conf.Secret{Value: tt.secret}
			} else {
				cfg.Password = conf.Secret{Value: tt.secret}
			}
			m, err := imapbox.Dial(context.Background(), cfg, nil, imaptest.Logger(&imaptest.LockedBuffer{}))
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("Dial(auth %s): %v", tt.auth, err)
				}
				m.Close()
				return
			}
			if err == nil {
				m.Close()
				t.Fatalf("Dial(auth %s, bad secret) = nil, want error", tt.auth)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Dial(auth %s) = %v, want %q", tt.auth, err, tt.wantErr)
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
	ts := imaptest.Start(t, imaptest.Options{})
	c, err := imapclient.DialInsecure(net.JoinHostPort(ts.Host, ts.Port), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	bad := imapbox.NewXOAUTH2Client(imaptest.User, "expired")
	if err := c.Authenticate(bad); err == nil {
		t.Fatal("Authenticate(expired token) = nil, want error")
	}
	var report *imapbox.XOAUTH2Error
	if !errors.As(bad.Err(), &report) || report.Status != "401" {
		t.Errorf("Err() = %v, want the server's report with status 401", bad.Err())
	}
	if err := c.Authenticate(imapbox.NewXOAUTH2Client(imaptest.User, imaptest.Token)); err != nil {
		t.Fatalf("Authenticate(good token) after a rejection: %v", err)
	}
}

func TestXOAUTH2Client(t *testing.T) {
	c := imapbox.NewXOAUTH2Client("user@example.com", "tok")
	mech, ir, err := c.Start()
	if err != nil || mech != "XOAUTH2" || string(ir) != "user=user@example.com\x01auth=Bearer tok\x01\x01" {
		t.Errorf("Start() = %q, %q, %v", mech, ir, err)
	}

	resp, err := c.Next([]byte(`{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}`))
	if err != nil || resp == nil || len(resp) != 0 {
		t.Errorf("Next(error report) = %q, %v; want an empty, non-nil response", resp, err)
	}
	var report *imapbox.XOAUTH2Error
	if !errors.As(c.Err(), &report) || report.Status != "400" || report.Scope != "https://mail.google.com/" {
		t.Errorf("Err() = %#v, want status 400 and the scope", c.Err())
	}
	if _, err := c.Next([]byte("again")); err == nil {
		t.Error("Next(second challenge) = nil error, want ErrUnexpectedServerChallenge")
	}

	c = imapbox.NewXOAUTH2Client("user", "tok")
	c.Next([]byte("not json"))
	if c.Err() == nil || !strings.Contains(c.Err().Error(), "not json") {
		t.Errorf("Err() after a non-JSON challenge = %v, want its text", c.Err())
	}

	if _, _, err := imapbox.NewXOAUTH2Client("user\x01", "tok").Start(); err == nil {
		t.Error("Start() with \\x01 in the username = nil error")
	}
}

// TestMailboxDebugTranscript: the transcript shows the dialogue but none of
// the credentials, whichever way intake logs in.
func TestMailboxDebugTranscript(t *testing.T) {
	ts := imaptest.Start(t, imaptest.Options{})
	secrets := []string{imaptest.Password, imaptest.Token,
		base64.StdEncoding.EncodeToString([]byte("\x00" + imaptest.User + "\x00" + imaptest.Password))}
	for _, auth := range []string{"login", "plain", "xoauth2"} {
		for _, debug := range []bool{false, true} {
			logs := &imaptest.LockedBuffer{}
			cfg := ts.Config()
			cfg.Auth = auth
			if auth == "xoauth2" {
				cfg.Token = conf.Secret{Value: imaptest.Token}
			}
			cfg.Debug = debug
			m, err := imapbox.Dial(context.Background(), cfg, nil, imaptest.Logger(logs))
			if err != nil {
				t.Fatalf("Dial(auth %s, debug %v): %v", auth, debug, err)
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
	ts := imaptest.Start(t, imaptest.Options{})
	uid := ts.Append(t, "INBOX", imaptest.TestMessage("ctx"))
	m := dialMemIMAP(t, ts.Config())

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
	w := imapbox.FuncWriter(func(p []byte) (int, error) {
		cancel()
		time.Sleep(50 * time.Millisecond) // let the connection close
		return 0, errors.New("disk full")
	})
	if err := m.Fetch(ctx, imapbox.Envelope{UID: uid, Size: 100}, w); !errors.Is(err, context.Canceled) {
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
	cfg := imapbox.Config{
		Host: host, Port: portNum, Security: "plain", Username: "u",
		Password: conf.Secret{Value: "p"}, Timeout: conf.Duration(200 * time.Millisecond),
	}
	start := time.Now()
	_, err = imapbox.Dial(context.Background(), cfg, nil, imaptest.Logger(&imaptest.LockedBuffer{}))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Dial(silent server) = %v, want context.DeadlineExceeded", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("DialMailbox took %v with a 200ms timeout", d)
	}
}

func TestMailboxConfig(t *testing.T) {
	var cfg imapbox.Config
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
	want := imapbox.Config{
		Host: "imap.example.com", Port: 143, Security: "starttls", Auth: "plain",
		Username: "intake", Password: conf.Secret{Env: "INTAKE_TEST_PW"}, Mailbox: "INBOX",
		Folders: imapbox.Folders{Forwarded: "Intake/Forwarded", Waiting: "Intake/Waiting", Ignored: "Intake/Ignored", Failed: "Errors"},
		Timeout: conf.Duration(time.Minute), MaxTries: 8, IdleRestart: conf.Duration(25 * time.Minute),
	}
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("decoded config = %+v\nwant %+v", cfg, want)
	}
	if err := cfg.Validate(); err != nil {
		t.Errorf("Validate() = %v", err)
	}

	def := imapbox.Config{Host: "h", Username: "u", Password: conf.Secret{Value: "p"}}
	def.SetDefaults()
	if def.Port != 993 || def.Security != "tls" {
		t.Errorf("defaults: port %d security %q, want 993 tls", def.Port, def.Security)
	}

	bad := imapbox.Config{Security: "ssl", Auth: "cram", Mailbox: "Intake/Failed"}
	bad.SetDefaults()
	err := bad.Validate()
	for _, want := range []string{"host is empty", `unknown security "ssl"`, `unknown auth "cram"`, "username is empty", `folder "Intake/Failed" is the mailbox polled`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() = %v, want it to contain %q", err, want)
		}
	}

	var d struct{ T conf.Duration }
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
		var v struct{ S conf.Secret }
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
		var v struct{ S conf.Secret }
		if err := yaml.Unmarshal([]byte(bad), &v); err == nil {
			t.Errorf("decoding %q = nil error", bad)
		}
	}

	s := conf.Secret{Value: "hunter2"}
	var logs bytes.Buffer
	slog.New(slog.NewTextHandler(&logs, nil)).Info("config", "password", s, "cfg", imapbox.Config{Password: s})
	for _, out := range []string{fmt.Sprint(s), fmt.Sprintf("%+v %#v", s, s), fmt.Sprintf("%+v", imapbox.Config{Password: s}), logs.String()} {
		if strings.Contains(out, "hunter2") {
			t.Errorf("secret printed: %s", out)
		}
	}
	if !(conf.Secret{}).IsZero() || s.IsZero() {
		t.Error("IsZero wrong")
	}
}

// TestMailboxListSparse: List of a mailbox whose UIDs are far apart sends
// several short FETCH commands and lists every message.
func TestMailboxListSparse(t *testing.T) {
	defer imapbox.SetMaxUIDSetLen(12)()
	ts := imaptest.Start(t, imaptest.Options{})
	var want []imap.UID
	for i := 0; i < 20; i++ {
		want = append(want, ts.Append(t, "INBOX", imaptest.TestMessage(fmt.Sprint(i))))
		ts.Append(t, "INBOX", imaptest.TestMessage("gap"), imap.FlagDeleted)
	}
	m := dialMemIMAP(t, ts.Config())
	list, err := m.List(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []imap.UID
	for _, e := range list {
		got = append(got, e.UID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("List = %v, want %v", got, want)
	}
	fetches := 0
	for _, cmd := range clientCommands(ts.Transcript.String()) {
		if strings.HasPrefix(cmd, "UID FETCH") {
			fetches++
			if set, _, _ := strings.Cut(strings.TrimPrefix(cmd, "UID FETCH "), " "); len(set) > 12 {
				t.Errorf("command %q: set over %d bytes", cmd, 12)
			}
		}
	}
	if fetches < 2 {
		t.Errorf("%d UID FETCH commands, want the set split", fetches)
	}
}

// TestOAuthConfigProblems: a bad oauth block names the key and the fix.
func TestOAuthConfigProblems(t *testing.T) {
	for _, tt := range []struct {
		name string
		cfg  imapbox.Config
		want string
	}{
		{"nothing", imapbox.Config{Auth: "oauth2"}, "needs an oauth block or a fixed token"},
		{"both", imapbox.Config{Auth: "xoauth2", Token: conf.Secret{Value: "t"}, OAuth: oauth.Config{Provider: "google", ClientID: "c", RefreshToken: conf.Secret{Value: "r"}}}, "either token or oauth"},
		{"no refresh token", imapbox.Config{Auth: "oauth2", OAuth: oauth.Config{Provider: "google", ClientID: "c"}}, "needs a refresh_token"},
		{"app without tenant", imapbox.Config{Auth: "oauth2", OAuth: oauth.Config{Provider: "microsoft", Flow: "client_credentials", ClientID: "c", ClientSecret: conf.Secret{Value: "s"}}}, "needs your tenant"},
		{"plain http", imapbox.Config{Auth: "oauth2", OAuth: oauth.Config{TokenURL: "http://login.example.com/token", ClientID: "c", RefreshToken: conf.Secret{Value: "r"}, Scopes: []string{"s"}}}, "must be an https URL"},
		{"unknown provider", imapbox.Config{Auth: "oauth2", OAuth: oauth.Config{Provider: "yahoo", ClientID: "c", RefreshToken: conf.Secret{Value: "r"}}}, "unknown provider"},
	} {
		c := tt.cfg
		c.Host, c.Username = "imap.example.com", "u@example.com"
		c.SetDefaults()
		err := c.Validate()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Validate() = %v, want %q", tt.name, err, tt.want)
		}
	}
	ms := imapbox.Config{Auth: "oauth2", OAuth: oauth.Config{Provider: "microsoft", ClientID: "c", RefreshToken: conf.Secret{Value: "r"}}}
	ms.OAuth.SetDefaults("imap")
	if got := strings.Join(ms.OAuth.Scopes, " "); got != "https://outlook.office.com/IMAP.AccessAsUser.All offline_access" || !strings.Contains(ms.OAuth.TokenURL, "/organizations/oauth2/v2.0/token") {
		t.Errorf("microsoft defaults: %s %s", ms.OAuth.TokenURL, got)
	}
}
