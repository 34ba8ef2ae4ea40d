//go:build e2e

package intake_test

import (
	"bytes"
	"database/sql"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"go.yaml.in/yaml/v3"
	_ "modernc.org/sqlite" // reads intake's store between runs

	"intake/mailer/mailertest"
)

// The fault suite: intake against servers that fail the way real ones do,
// each scenario ending with one line of counts. It starts its own Dovecot
// (beside any other stack, on its own ports) so that it can kick, restart
// and reconfigure it, takes replies and forwards with an SMTP server of its
// own (mailertest's, which counts every copy), and uses Postfix's smtp-sink
// for refusals at each SMTP command. Run by .ci/run with INTAKE_FAULTS=1;
// needs root.
//
// Every scenario ends the same way: polls (with time moved on past every
// backoff) until nothing is left, then counts. The promises: no mail lost
// (every customer answered, or their case failed with the admin told), no
// mail stuck (the inbox empty, nothing waiting in the outbox or for a
// retry), and no mail sent twice but in the after-"." window, which is
// counted.

// faultCapsNoMove are Dovecot's capabilities after login without MOVE and
// UIDPLUS.
const faultCapsNoMove = "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE UNSELECT CHILDREN NAMESPACE LIST-EXTENDED ESEARCH LIST-STATUS LITERAL+ SPECIAL-USE"

func TestFaults(t *testing.T) {
	if os.Getenv("INTAKE_FAULTS") != "1" {
		t.Skip("the fault suite runs with INTAKE_FAULTS=1 (as .ci/run does); it needs root")
	}
	if os.Geteuid() != 0 {
		t.Fatal("the fault suite needs root: it starts its own Dovecot and mounts a tmpfs")
	}
	var mu sync.Mutex
	var lines []string
	report := func(line string) {
		mu.Lock()
		defer mu.Unlock()
		lines = append(lines, line)
	}
	t.Cleanup(func() {
		fmt.Println("\nfault suite: one line per promise")
		for _, l := range lines {
			fmt.Println(l)
		}
	})
	st := startFaultStack(t, "")

	for _, f := range []struct{ name, flag, cmd string }{
		{"smtp 4xx at MAIL", "-r", "MAIL"},
		{"smtp 5xx at MAIL", "-f", "MAIL"},
		{"smtp 4xx at RCPT", "-r", "RCPT"},
		{"smtp 5xx at RCPT", "-f", "RCPT"},
		{"smtp 4xx at DATA", "-r", "DATA"},
		{"smtp 5xx at DATA", "-f", "DATA"},
		{"smtp 4xx after the dot", "-r", "."},
		{"smtp 5xx after the dot", "-f", "."},
		{"smtp drop after the dot", "-q", "."},
	} {
		t.Run(f.name, func(t *testing.T) {
			r := newFaultRun(t, st, f.name)
			r.seed(9)
			sink := startSink(t, f.flag, f.cmd)
			r.setSMTP(sink)
			if out, err := r.poll(); err == nil {
				t.Errorf("a poll against smtp-sink %s %s reported no error:\n%s", f.flag, f.cmd, out)
			}
			r.setSMTP(r.rec.Addr())
			r.settle()
			report(r.check(0))
		})
	}

	t.Run("smtp accepted, then dropped unanswered", func(t *testing.T) {
		r := newFaultRun(t, st, "dropped")
		r.seed(12)
		r.rec.DropAfterData(4)
		r.poll()
		r.settle()
		report(r.check(4))
	})

	t.Run("SIGKILL at random moments", func(t *testing.T) {
		r := newFaultRun(t, st, "sigkill")
		r.seed(120)
		seed := uint64(time.Now().UnixNano())
		rng := rand.New(rand.NewPCG(seed, 0))
		kills := 0
		for ; kills < 12 && r.inbox() > 0; kills++ {
			cmd := r.start()
			time.Sleep(time.Duration(50+rng.IntN(700)) * time.Millisecond)
			_ = cmd.Process.Signal(syscall.SIGKILL)
			_ = cmd.Wait()
		}
		t.Logf("%d kills (random seed %d)", kills, seed)
		r.settle()
		report(r.check(kills) + fmt.Sprintf("  (%d kills)", kills))
	})

	t.Run("doveadm kick mid-fetch", func(t *testing.T) {
		r := newFaultRun(t, st, "kick")
		r.seed(200)
		cmd := r.start()
		time.Sleep(700 * time.Millisecond)
		st.doveadm("kick", e2eIntake)
		if err := cmd.Wait(); err == nil {
			t.Error("the kicked poll ended without an error: it had finished before the kick (seed more mail)")
		}
		r.settle()
		report(r.check(0))
	})

	t.Run("Dovecot restarted mid-run", func(t *testing.T) {
		r := newFaultRun(t, st, "restart")
		r.seed(200)
		cmd := r.start()
		time.Sleep(700 * time.Millisecond)
		st.mailstack("stop")
		st.mailstack("start")
		_ = cmd.Wait()
		r.settle()
		report(r.check(0))
	})

	t.Run("UIDVALIDITY changed mid-backlog", func(t *testing.T) {
		r := newFaultRun(t, st, "uidvalidity")
		r.seed(100)
		cmd := r.start()
		time.Sleep(900 * time.Millisecond)
		_ = cmd.Process.Signal(syscall.SIGKILL) // some mail committed, not yet filed
		_ = cmd.Wait()
		st.doveadm("mailbox", "update", "-u", e2eIntake, "--uid-validity", strconv.FormatInt(time.Now().Unix(), 10), "INBOX")
		r.settle()
		report(r.check(1))
	})

	t.Run("MOVE and UIDPLUS hidden", func(t *testing.T) {
		bare := startFaultStack(t, faultCapsNoMove)
		e2eSession(t, bare.imap, e2eIntake, func(c *imapclient.Client) {
			if caps := c.Caps(); caps.Has(imap.CapMove) || caps.Has(imap.CapUIDPlus) {
				t.Fatalf("Dovecot still announces MOVE or UIDPLUS: %v", caps)
			}
		})
		r := newFaultRun(t, bare, "nomove")
		r.seed(40)
		r.settle()
		report(r.check(0))
	})

	t.Run("server stalls after FETCH", func(t *testing.T) {
		r := newFaultRun(t, st, "stall")
		p := startStallProxy(t, st.imap)
		host, port, _ := net.SplitHostPort(p.addr)
		r.set("mailbox.host", host)
		r.set("mailbox.port", port)
		r.set("mailbox.timeout", "2s")
		r.set("stop_timeout", "3s")
		r.set("schedule", "@every 1s")
		r.seed(10)
		cmd := exec.Command(intakeBinary(t), "run", "--config", r.cfg)
		cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		select {
		case <-p.stalled:
		case <-time.After(20 * time.Second):
			_ = cmd.Process.Kill()
			t.Fatal("intake never fetched through the proxy")
		}
		start := time.Now()
		_ = cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			_ = cmd.Process.Kill()
			t.Fatal("intake run did not stop within 30s of SIGTERM during a stalled FETCH")
		}
		took := time.Since(start)
		if took > 10*time.Second {
			t.Errorf("SIGTERM during a stalled FETCH: stopped after %v, want within stop_timeout 3s plus the mailbox timeout", took)
		}
		r.settle()
		report(r.check(0) + fmt.Sprintf("  (SIGTERM while stalled: exit in %.1fs)", took.Seconds()))
	})

	t.Run("Postfix restarted mid-run", func(t *testing.T) {
		// Postfix is one per machine: this one restarts the stack's,
		// which only a run that owns the machine (.ci/run) may do.
		if os.Getenv("INTAKE_FAULTS_POSTFIX") != "1" {
			t.Skip("restarts the machine's Postfix: set INTAKE_FAULTS_POSTFIX=1 (as .ci/run does)")
		}
		imapAddr, smtpAddr := mailStack(t)
		r := newFaultRun(t, st, "postfix")
		resetAll(t, imapAddr)
		r.delivered = imapAddr
		r.setSMTP(smtpAddr)
		r.seed(100)
		cmd := r.start()
		time.Sleep(1500 * time.Millisecond)
		for _, args := range [][]string{{"stop"}, {"start"}} {
			if out, err := exec.Command("postfix", args...).CombinedOutput(); err != nil {
				t.Fatalf("postfix %s: %v\n%s", args[0], err, out)
			}
		}
		_ = cmd.Wait()
		r.settle()
		// Postfix delivers on its own time.
		deadline := time.Now().Add(e2eTimeout)
		for time.Now().Before(deadline) && len(r.received()) < 100+34 {
			time.Sleep(500 * time.Millisecond)
		}
		report(r.check(0))
	})

	t.Run("data directory disk full, then freed", func(t *testing.T) {
		r := newFaultRun(t, st, "diskfull")
		if err := os.MkdirAll(r.data, 0o700); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", r.data).CombinedOutput(); err != nil {
			t.Fatalf("mount tmpfs: %v\n%s", err, out)
		}
		t.Cleanup(func() { _ = exec.Command("umount", "-l", r.data).Run() })
		r.big = 96 << 10
		r.seed(24)
		out, err := r.poll()
		if err == nil || !strings.Contains(out, "no space left on device") && !strings.Contains(out, "disk is full") {
			t.Errorf("a poll onto a full disk: %v, want an error saying so:\n%s", err, lastLines(out, 10))
		}
		if out, err := exec.Command("mount", "-o", "remount,size=64m", r.data).CombinedOutput(); err != nil {
			t.Fatalf("remount tmpfs: %v\n%s", err, out)
		}
		r.settle()
		report(r.check(0))
	})
}

// faultStack is a Dovecot of the suite's own.
type faultStack struct {
	t               *testing.T
	dir, conf, imap string
	env             []string
}

func startFaultStack(t *testing.T, caps string) *faultStack {
	t.Helper()
	dir, err := os.MkdirTemp("", "intake-faults-")
	if err != nil {
		t.Fatal(err)
	}
	_ = os.Chmod(dir, 0o755) // Dovecot's own users go through it
	ip, lp := freePort(t), freePort(t)
	s := &faultStack{t: t, dir: dir, conf: filepath.Join(dir, "dovecot.conf"), imap: "127.0.0.1:" + strconv.Itoa(ip),
		env: []string{"MAILSTACK_DOVECOT_ONLY=1", "MAILSTACK_IMAP_PORT=" + strconv.Itoa(ip), "MAILSTACK_LMTP_PORT=" + strconv.Itoa(lp),
			"MAILSTACK_IMAP_CAPABILITY=" + caps}}
	s.mailstack("start")
	t.Cleanup(func() {
		s.mailstack("stop")
		os.RemoveAll(dir)
	})
	return s
}

func (s *faultStack) mailstack(cmd string) {
	c := exec.Command("bash", "../.ci/mailstack.sh", cmd, s.dir)
	c.Env = append(os.Environ(), s.env...)
	if out, err := c.CombinedOutput(); err != nil {
		s.t.Fatalf("mailstack.sh %s: %v\n%s", cmd, err, out)
	}
}

func (s *faultStack) doveadm(args ...string) {
	if out, err := exec.Command("doveadm", append([]string{"-c", s.conf}, args...)...).CombinedOutput(); err != nil {
		s.t.Fatalf("doveadm %v: %v\n%s", args, err, out)
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// startSink runs smtp-sink refusing (or dropping at) one command, and
// returns its address.
func startSink(t *testing.T, flag, command string) string {
	t.Helper()
	addr := "127.0.0.1:" + strconv.Itoa(freePort(t))
	cmd := exec.Command("smtp-sink", "-u", "nobody", flag, command, addr, "10")
	if err := cmd.Start(); err != nil {
		t.Fatalf("smtp-sink: %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	for range 50 {
		if e2eProbeGreeting(addr, "220") == nil {
			return addr
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("smtp-sink on %s never answered", addr)
	return ""
}

// faultRun is one scenario: intake's config and data, the mail seeded, and
// the SMTP server that takes what intake sends.
type faultRun struct {
	t    *testing.T
	name string
	key  string // in the customers' addresses, so no two scenarios mix
	st   *faultStack
	rec  *mailertest.Recorder
	cfg  string
	data string
	in   int
	big  int // bytes of an extra attachment on every mail

	// unrecorded counts the mails intake said it sent but could not
	// record (a full disk), or sent without knowing whether the server
	// took them (the connection lost after the data): each may go twice,
	// in the after-"." window.
	unrecorded int
	logs       []*bytes.Buffer // of the polls run in the background
	// delivered, when set, is the IMAP address of the stack whose
	// Postfix intake sends through: what it sent is read from the
	// recipients' mailboxes there instead of from rec.
	delivered string
}

func newFaultRun(t *testing.T, st *faultStack, name string) *faultRun {
	t.Helper()
	rec, err := mailertest.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rec.Close() })
	resetAll(t, st.imap)
	cfg := e2eConfig(t, st.imap, rec.Addr())
	key := strings.Trim(regexp.MustCompile(`[^a-z0-9]+`).ReplaceAllString(strings.ToLower(name), "-"), "-")
	r := &faultRun{t: t, name: name, key: key, st: st, rec: rec, cfg: cfg, data: filepath.Join(filepath.Dir(cfg), "data")}
	r.set("cases.rate_per_sender", "1000000")
	r.set("mailbox.timeout", "5s")
	return r
}

// set sets a scalar of the config at a dotted path, adding the key when
// the config has none.
func (r *faultRun) set(path, value string) {
	r.t.Helper()
	src, err := os.ReadFile(r.cfg)
	if err != nil {
		r.t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		r.t.Fatal(err)
	}
	n := doc.Content[0]
	keys := strings.Split(path, ".")
	for i, k := range keys {
		var next *yaml.Node
		for j := 0; j+1 < len(n.Content); j += 2 {
			if n.Content[j].Value == k {
				next = n.Content[j+1]
			}
		}
		if next == nil {
			next = &yaml.Node{Kind: yaml.MappingNode}
			if i == len(keys)-1 {
				next = &yaml.Node{Kind: yaml.ScalarNode}
			}
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, next)
		}
		n = next
	}
	*n = yaml.Node{Kind: yaml.ScalarNode, Value: value}
	out, err := yaml.Marshal(&doc)
	if err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(r.cfg, out, 0o600); err != nil {
		r.t.Fatal(err)
	}
}

func (r *faultRun) setSMTP(addr string) {
	host, port, _ := net.SplitHostPort(addr)
	r.set("smtp.host", host)
	r.set("smtp.port", port)
}

// seed puts n customer requests in intake's inbox: every third complete
// (a forward and a confirmation), the others missing materials (a reply).
func (r *faultRun) seed(n int) {
	r.t.Helper()
	c, err := e2eDial(r.st.imap, e2eIntake)
	if err != nil {
		r.t.Fatal(err)
	}
	defer e2eClose(c)
	for i := range n {
		body, files := e2eRequest, map[string]string{}
		for k, v := range e2eLicense {
			files[k] = v
		}
		if i%3 == 0 {
			body += e2eFollowUp
			for k, v := range e2eRest {
				files[k] = v
			}
		}
		if r.big > 0 {
			files["scan.pdf"] = "%PDF-1.4\n" + strings.Repeat(fmt.Sprintf("%x", i*7919), r.big/8)
		}
		raw := e2eMail(fmt.Sprintf("客户%d <customer+%s-%d@example.test>", i, r.key, i), fmt.Sprintf("License硬件变更申请 %d", i),
			fmt.Sprintf("%s-%d@faults.example.test", r.key, i), "", body, files)
		cmd := c.Append("INBOX", int64(len(raw)), nil)
		if _, err := cmd.Write(raw); err != nil {
			r.t.Fatal(err)
		}
		if err := cmd.Close(); err != nil {
			r.t.Fatal(err)
		}
		if _, err := cmd.Wait(); err != nil {
			r.t.Fatalf("seeding mail %d: %v", i, err)
		}
	}
	r.in += n
}

func (r *faultRun) poll() (string, error) {
	out, err := runIntake(r.t, nil, "poll", "--once", "--config", r.cfg)
	r.unrecorded += windowsOpened(out)
	return out, err
}

// windowsOpened counts the log lines of sends that may have gone through
// unrecorded: sent but not recorded, or failed after the data (unknown).
func windowsOpened(log string) int {
	n := 0
	for _, l := range strings.Split(log, "\n") {
		if strings.Contains(l, "mail sent but not recorded") || strings.Contains(l, "send failed") && strings.Contains(l, "(unknown)") {
			n++
		}
	}
	return n
}

// sent is a mail intake sent, as the scenario's SMTP server got it.
type sent struct {
	raw     []byte
	to      []string
	dropped bool // the server took it and hung up unanswered
}

func (r *faultRun) received() []sent {
	var out []sent
	if r.delivered == "" {
		for _, m := range r.rec.Messages() {
			out = append(out, sent{m.Raw, m.To, m.Dropped})
		}
		return out
	}
	for _, user := range []string{e2eCustomer, e2eEngineers, e2eAdmin} {
		for _, raw := range e2eReadMailbox(r.t, r.delivered, user) {
			msg, err := mail.ReadMessage(strings.NewReader(string(raw)))
			if err != nil {
				r.t.Fatal(err)
			}
			to, _ := msg.Header.AddressList("To")
			var addrs []string
			for _, a := range to {
				addrs = append(addrs, a.Address)
			}
			out = append(out, sent{raw: raw, to: addrs})
		}
	}
	return out
}

// postfixQueueID returns the queue id Postfix gave a mail it received
// ("by host (Postfix) with ESMTP id 10D60C038F"), or "".
func postfixQueueID(h mail.Header) string {
	for _, v := range h["Received"] {
		if m := postfixID.FindStringSubmatch(v); m != nil {
			return m[1]
		}
	}
	return ""
}

var postfixID = regexp.MustCompile(`\(Postfix\) with \S+ id ([0-9A-Za-z]+)`)

// start runs one poll in the background.
func (r *faultRun) start() *exec.Cmd {
	r.t.Helper()
	cmd := exec.Command(intakeBinary(r.t), "poll", "--once", "--config", r.cfg)
	var log bytes.Buffer
	r.logs = append(r.logs, &log)
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		r.t.Fatal(err)
	}
	return cmd
}

// db opens intake's store while no intake runs.
func (r *faultRun) db() *sql.DB {
	r.t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(r.data, "intake.db")+"?_pragma=busy_timeout(5000)")
	if err != nil {
		r.t.Fatal(err)
	}
	return db
}

func (r *faultRun) count(q string) int {
	r.t.Helper()
	db := r.db()
	defer db.Close()
	var n int
	if err := db.QueryRow(q).Scan(&n); err != nil {
		r.t.Fatalf("%s: %v", q, err)
	}
	return n
}

// settle moves time on past every backoff and polls until nothing is left
// to do, at most 12 times.
func (r *faultRun) settle() {
	r.t.Helper()
	for range 12 {
		if _, err := os.Stat(filepath.Join(r.data, "intake.db")); err != nil {
			r.poll() // the first poll makes the store
		}
		db := r.db()
		for _, q := range []string{`UPDATE outbox SET next_at = 0 WHERE state = 'pending'`, `UPDATE failures SET next_at = 0`} {
			if _, err := db.Exec(q); err != nil && !strings.Contains(err.Error(), "no such table") {
				r.t.Fatalf("%s: %v", q, err)
			}
		}
		db.Close()
		out, err := r.poll()
		if err == nil && r.inbox() == 0 && r.stuckRows() == 0 {
			return
		}
		r.t.Logf("settling: %v\n%s", err, lastLines(out, 5))
	}
}

func (r *faultRun) stuckRows() int {
	return r.count(`SELECT (SELECT count(*) FROM outbox WHERE state = 'pending') + (SELECT count(*) FROM failures)`)
}

// inbox counts the mail left in intake's inbox (a message flagged \Deleted
// by a move without UIDPLUS is gone).
func (r *faultRun) inbox() int {
	r.t.Helper()
	n := 0
	e2eSession(r.t, r.st.imap, e2eIntake, func(c *imapclient.Client) {
		if _, err := c.Select("INBOX", &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
			r.t.Fatalf("select INBOX: %v", err)
		}
		data, err := c.UIDSearch(&imap.SearchCriteria{NotFlag: []imap.Flag{imap.FlagDeleted}}, nil).Wait()
		if err != nil {
			r.t.Fatalf("search INBOX: %v", err)
		}
		n = len(data.AllUIDs())
	})
	return n
}

// folder counts the mail in one of intake's folders (0 when missing).
func (r *faultRun) folder(name string) int {
	r.t.Helper()
	n := 0
	e2eSession(r.t, r.st.imap, e2eIntake, func(c *imapclient.Client) {
		data, err := c.Status(name, &imap.StatusOptions{NumMessages: true}).Wait()
		if err == nil && data.NumMessages != nil {
			n = int(*data.NumMessages)
		}
	})
	return n
}

// stallProxy passes IMAP through to a server, except that on its first
// connection, once the client asks for a message body, the server's
// answers stop coming: a server that stalls after the FETCH command.
type stallProxy struct {
	addr    string
	stalled chan struct{}
}

func startStallProxy(t *testing.T, server string) *stallProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	p := &stallProxy{addr: ln.Addr().String(), stalled: make(chan struct{})}
	var once sync.Once
	first := true
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("tcp", server)
			if err != nil {
				c.Close()
				continue
			}
			stall := first
			first = false
			var mu sync.Mutex
			stalled := false
			go func() { // server to client, until the stall
				defer c.Close()
				buf := make([]byte, 32<<10)
				for {
					n, err := s.Read(buf)
					mu.Lock()
					quiet := stalled
					mu.Unlock()
					if quiet {
						if err != nil {
							return
						}
						continue // read and swallow: the client hears nothing
					}
					if n > 0 {
						if _, werr := c.Write(buf[:n]); werr != nil {
							return
						}
					}
					if err != nil {
						return
					}
				}
			}()
			go func() { // client to server, watching for the body FETCH
				defer s.Close()
				buf := make([]byte, 32<<10)
				for {
					n, err := c.Read(buf)
					if stall && n > 0 && strings.Contains(string(buf[:n]), "BODY.PEEK[]") {
						mu.Lock()
						stalled = true
						mu.Unlock()
						once.Do(func() { close(p.stalled) })
					}
					if n > 0 {
						if _, werr := s.Write(buf[:n]); werr != nil {
							return
						}
					}
					if err != nil {
						return
					}
				}
			}()
		}
	}()
	return p
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// check counts what happened and holds the promises; window is how many
// mails may have been sent twice through the after-"." window (a kill, a
// connection dropped after the data).
func (r *faultRun) check(window int) string {
	r.t.Helper()
	// What the SMTP server received, by Message-ID.
	copies := map[string]int{}
	dropped := map[string]bool{}
	answered := map[string]bool{}
	// Postfix's queue ids of each Message-ID: Postfix delivers at least
	// once, and a stop while it hands a mail to Dovecot makes it deliver
	// that one submission again. Those copies are the relay's, not sends
	// of intake's, and counted apart.
	queued := map[string]map[string]bool{}
	replies, forwards, notices, relayed := 0, 0, 0, 0
	for _, m := range r.received() {
		msg, err := mail.ReadMessage(strings.NewReader(string(m.raw)))
		if err != nil {
			r.t.Fatalf("reading a sent mail: %v", err)
		}
		id := strings.Trim(msg.Header.Get("Message-Id"), "<>")
		if qid := postfixQueueID(msg.Header); qid != "" {
			if queued[id] == nil {
				queued[id] = map[string]bool{}
			}
			if queued[id][qid] {
				relayed++
				continue
			}
			queued[id][qid] = true
		}
		copies[id]++
		if copies[id] > 1 {
			continue
		}
		if m.dropped {
			dropped[id] = true
		}
		switch kind := strings.Split(id, ".")[1]; kind {
		case "forward", "update":
			forwards++
		case "admin":
			notices++
		default:
			replies++
			for _, to := range m.to {
				answered[strings.ToLower(to)] = true
			}
		}
	}
	dups, windowDups := 0, 0
	for id, n := range copies {
		dups += n - 1
		if n > 1 && dropped[id] {
			windowDups += n - 1
		}
	}
	// Cases failed (the admin told) answer for their customers.
	db := r.db()
	rows, err := db.Query(`SELECT customer FROM cases WHERE state = 'failed'`)
	if err != nil {
		r.t.Fatal(err)
	}
	for rows.Next() {
		var c string
		rows.Scan(&c)
		if a, err := mail.ParseAddress(c); err == nil {
			answered[strings.ToLower(a.Address)] = true
		}
	}
	rows.Close()
	db.Close()
	failed := r.count(`SELECT count(*) FROM cases WHERE state = 'failed'`)
	// Notices written; a server refusing every mail refuses them too.
	written := r.count(`SELECT count(*) FROM outbox WHERE kind = 'admin'`)
	lost := 0
	for i := range r.in {
		if !answered[fmt.Sprintf("customer+%s-%d@example.test", r.key, i)] {
			lost++
		}
	}
	filed := 0
	for _, f := range []string{"Intake/Forwarded", "Intake/Waiting", "Intake/Ignored", "Intake/Failed"} {
		filed += r.folder(f)
	}
	cases := r.count(`SELECT count(*) FROM cases`)
	inbox := r.inbox()
	stuck := inbox + r.stuckRows()
	for _, l := range r.logs {
		r.unrecorded += windowsOpened(l.String())
	}
	r.logs = nil
	beyond := dups - windowDups
	if window += r.unrecorded; window > 0 && beyond <= window {
		windowDups, beyond = dups, 0 // a kill's resends are the window's
	}
	line := fmt.Sprintf("fault %-32s in %4d  filed %4d  cases %4d (failed %d; admin notices %d, delivered %d)  replies %4d  forwards %4d  lost %d  duplicated %d (after-\".\" window %d)  stuck %d",
		r.name, r.in, filed, cases, failed, written, notices, replies, forwards, lost, dups, windowDups, stuck)
	if relayed > 0 {
		line += fmt.Sprintf("  (Postfix delivered %d of its queued mails twice)", relayed)
	}
	r.t.Log(line)
	if lost != 0 || stuck != 0 || beyond != 0 || filed != r.in || failed > 0 && written == 0 {
		r.t.Errorf("promise broken: %s", line)
	}
	return line
}
