package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-smtp"
	"go.yaml.in/yaml/v3"

	"intake/intake"
	"intake/rules"
)

// The polled account of the mail stack (.ci/mailstack.sh).
const (
	user     = "intake@example.test"
	password = "secret"
)

// config writes a copy of a config pointed at the bench's servers. The
// backlog is one burst of thousands of requests, so the cap on automatic
// replies per hour (a guard against floods and loops) is lifted.
func config(args []string) error {
	fl := flag.NewFlagSet("config", flag.ContinueOnError)
	in := fl.String("in", "config.yaml", "config to start from")
	out := fl.String("out", "", "config to write")
	imapAddr := fl.String("imap", "127.0.0.1:11143", "IMAP server")
	smtpAddr := fl.String("smtp", "127.0.0.1:2525", "SMTP server")
	data := fl.String("data", "", "data directory")
	var extra []string
	fl.Func("set", "KEY=VALUE: one more setting, the key a path of mapping keys (limits.max_message_bytes=200MiB); repeatable", func(kv string) error {
		if !strings.Contains(kv, "=") {
			return fmt.Errorf("-set %q: want KEY=VALUE", kv)
		}
		extra = append(extra, kv)
		return nil
	})
	if err := fl.Parse(args); err != nil {
		return err
	}
	src, err := os.ReadFile(*in)
	if err != nil {
		return err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return err
	}
	root := doc.Content[0]
	ih, ip, _ := net.SplitHostPort(*imapAddr)
	sh, sp, _ := net.SplitHostPort(*smtpAddr)
	for k, v := range map[string]string{
		"mailbox.host": ih, "mailbox.port": ip, "mailbox.security": "plain", "mailbox.auth": "plain",
		"mailbox.username": user, "mailbox.password": password,
		"smtp.host": sh, "smtp.port": sp, "smtp.security": "plain", "smtp.auth": "none",
		"data_dir": *data, "cases.limits.replies_per_hour": "1000000000",
	} {
		set(root, strings.Split(k, "."), v)
	}
	for _, kv := range extra {
		k, v, _ := strings.Cut(kv, "=")
		set(root, strings.Split(k, "."), v)
	}
	drop(root, "smtp", "username")
	drop(root, "smtp", "password")
	b, err := yaml.Marshal(&doc)
	if err != nil {
		return err
	}
	return os.WriteFile(*out, b, 0o600)
}

// set sets a scalar at a path of mapping keys, adding what is missing.
func set(n *yaml.Node, path []string, value string) {
	for i := 0; i < len(n.Content); i += 2 {
		if n.Content[i].Value != path[0] {
			continue
		}
		if len(path) == 1 {
			n.Content[i+1] = &yaml.Node{Kind: yaml.ScalarNode, Value: value}
			return
		}
		set(n.Content[i+1], path[1:], value)
		return
	}
	if len(path) == 1 {
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: path[0]}, &yaml.Node{Kind: yaml.ScalarNode, Value: value})
		return
	}
	m := &yaml.Node{Kind: yaml.MappingNode}
	n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: path[0]}, m)
	set(m, path[1:], value)
}

// drop removes a key of a section.
func drop(n *yaml.Node, section, key string) {
	for i := 0; i < len(n.Content); i += 2 {
		if n.Content[i].Value != section {
			continue
		}
		m := n.Content[i+1]
		for j := 0; j < len(m.Content); j += 2 {
			if m.Content[j].Value == key {
				m.Content = slices.Delete(m.Content, j, j+2)
				return
			}
		}
	}
}

// sink is an SMTP server that accepts every mail and logs its recipients,
// one line a mail, until SIGTERM.
func sink(args []string) error {
	fl := flag.NewFlagSet("sink", flag.ContinueOnError)
	listen := fl.String("listen", "127.0.0.1:2626", "address to listen on")
	logFile := fl.String("log", "", "file for one line of recipients a mail")
	if err := fl.Parse(args); err != nil {
		return err
	}
	f, err := os.Create(*logFile)
	if err != nil {
		return err
	}
	s := &sinkLog{w: bufio.NewWriter(f)}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &sinkSession{log: s}, nil }))
	srv.Domain = "sink.example.test"
	srv.MaxMessageBytes = 256 << 20
	srv.ReadTimeout, srv.WriteTimeout = time.Minute, time.Minute
	srv.ErrorLog = log.New(io.Discard, "", 0)
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return err
	}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	go func() { _ = srv.Serve(ln) }()
	<-stop
	srv.Close()
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

type sinkLog struct {
	mu sync.Mutex
	w  *bufio.Writer
}

type sinkSession struct {
	log  *sinkLog
	rcpt []string
}

func (s *sinkSession) Mail(string, *smtp.MailOptions) error { return nil }
func (s *sinkSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.rcpt = append(s.rcpt, to)
	return nil
}
func (s *sinkSession) Data(r io.Reader) error {
	if _, err := io.Copy(io.Discard, r); err != nil {
		return err
	}
	s.log.mu.Lock()
	fmt.Fprintln(s.log.w, strings.Join(s.rcpt, " "))
	s.log.w.Flush()
	s.log.mu.Unlock()
	s.rcpt = nil
	return nil
}
func (s *sinkSession) Reset()        { s.rcpt = nil }
func (s *sinkSession) Logout() error { return nil }

// floor does the least any tool must for the same job: fetch every body,
// send one small mail per answered request over one SMTP connection, and
// file everything with one UID MOVE.
func floor(args []string) error {
	fl := flag.NewFlagSet("floor", flag.ContinueOnError)
	imapAddr := fl.String("imap", "127.0.0.1:11143", "IMAP server")
	smtpAddr := fl.String("smtp", "127.0.0.1:2626", "SMTP server")
	if err := fl.Parse(args); err != nil {
		return err
	}
	c, err := imapclient.DialInsecure(*imapAddr, nil)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.Login(user, password).Wait(); err != nil {
		return err
	}
	if _, err := c.Select("INBOX", nil).Wait(); err != nil {
		return err
	}
	all := imap.UIDSet{imap.UIDRange{Start: 1, Stop: 0}}
	section := &imap.FetchItemBodySection{Peek: true}
	cmd := c.Fetch(all, &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{section}})
	var to []string
	br := bufio.NewReaderSize(nil, 64<<10)
	for msg := cmd.Next(); msg != nil; msg = cmd.Next() {
		for item := msg.Next(); item != nil; item = msg.Next() {
			body, ok := item.(imapclient.FetchItemDataBodySection)
			if !ok || body.Literal == nil {
				continue
			}
			br.Reset(body.Literal)
			if rcpt := answeredSender(br); rcpt != "" {
				to = append(to, rcpt)
			}
			if _, err := io.Copy(io.Discard, br); err != nil {
				return err
			}
		}
	}
	if err := cmd.Close(); err != nil {
		return fmt.Errorf("fetching: %w", err)
	}

	sc, err := smtp.Dial(*smtpAddr)
	if err != nil {
		return err
	}
	if err := sc.Hello("floor.example.test"); err != nil {
		return err
	}
	for i, rcpt := range to {
		if err := sc.Mail("", nil); err != nil {
			return err
		}
		if err := sc.Rcpt(rcpt, nil); err != nil {
			return err
		}
		w, err := sc.Data()
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "From: intake@example.test\r\nTo: %s\r\nSubject: Re: your request\r\nMessage-ID: <floor-%d@example.test>\r\n"+
			"Auto-Submitted: auto-replied\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nWe have your request; these materials are missing: …\r\n", rcpt, i)
		if err := w.Close(); err != nil {
			return err
		}
	}
	if err := sc.Quit(); err != nil {
		return err
	}

	if err := c.Create("Intake/Floor", nil).Wait(); err != nil && !strings.Contains(err.Error(), "ALREADYEXISTS") {
		return err
	}
	if _, err := c.Move(all, "Intake/Floor").Wait(); err != nil {
		return fmt.Errorf("moving: %w", err)
	}
	fmt.Printf("floor: %d replies sent\n", len(to))
	return c.Logout().Wait()
}

// answeredSender reads a header block and returns the From address of a
// mail the generator marked as answered, or "".
func answeredSender(br *bufio.Reader) string {
	var from string
	marked := false
	for {
		line, err := br.ReadString('\n')
		t := strings.TrimRight(line, "\r\n")
		if t == "" || err != nil {
			break
		}
		switch {
		case strings.EqualFold(t, "X-Bench: answered"):
			marked = true
		case len(t) > 5 && strings.EqualFold(t[:5], "from:"):
			from = t[5:]
		}
	}
	if !marked {
		return ""
	}
	if m := angleAddr.FindStringSubmatch(from); m != nil {
		return m[1] + "@" + m[2]
	}
	if m := bareAddr.FindStringSubmatch(from); m != nil {
		return m[1] + "@" + m[2]
	}
	return "customer@example.test"
}

// Result is one timed run.
type Result struct {
	Name   string  `json:"name"`
	Wall   float64 `json:"wall_s"`
	CPU    float64 `json:"cpu_s"` // user and system time of the process itself
	RSSKiB int64   `json:"peak_rss_kib"`
	Exit   int     `json:"exit"`
	Mails  int     `json:"mails,omitempty"` // when not the whole backlog
}

// measure runs a command and appends its wall time and peak RSS to a file.
func measure(args []string) error {
	fl := flag.NewFlagSet("measure", flag.ContinueOnError)
	name := fl.String("name", "", "name of the run")
	out := fl.String("out", "", "file the result line is appended to")
	stdout := fl.String("stdout", "", "file for the command's output (default: this one's)")
	stderr := fl.String("stderr", "", "file for the command's errors and log (default: this one's)")
	mails := fl.Int("mails", 0, "mails the run handles, when not the whole backlog")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() == 0 {
		return errors.New("no command")
	}
	cmd := exec.Command(fl.Arg(0), fl.Args()[1:]...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	for _, o := range []struct {
		path string
		w    *io.Writer
	}{{*stdout, &cmd.Stdout}, {*stderr, &cmd.Stderr}} {
		if o.path == "" {
			continue
		}
		f, err := os.Create(o.path)
		if err != nil {
			return err
		}
		defer f.Close()
		*o.w = f
	}
	start := time.Now()
	err := cmd.Run()
	r := Result{Name: *name, Wall: time.Since(start).Seconds(), Mails: *mails}
	if cmd.ProcessState == nil {
		return err
	}
	r.Exit = cmd.ProcessState.ExitCode()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.RSSKiB = ru.Maxrss
		r.CPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
	}
	b, _ := json.Marshal(r)
	f, ferr := os.OpenFile(*out, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if ferr != nil {
		return ferr
	}
	defer f.Close()
	if _, ferr := fmt.Fprintf(f, "%s\n", b); ferr != nil {
		return ferr
	}
	fmt.Printf("%s: %.2f s (CPU %.2f s), peak RSS %.1f MiB, exit %d\n", r.Name, r.Wall, r.CPU, float64(r.RSSKiB)/1024, r.Exit)
	if err != nil {
		return fmt.Errorf("%s: %w", *name, err)
	}
	return nil
}

// verify checks what a poll did against what the generator expects: every
// mail left the inbox for the folder of its action, one case per answered
// request, and the mail sent (or, without -sink, kept unsent).
func verify(args []string) error {
	fl := flag.NewFlagSet("verify", flag.ContinueOnError)
	cfgPath := fl.String("config", "", "the config intake ran with")
	expectPath := fl.String("expect", "", "the generator's expected outcome")
	sinkPath := fl.String("sink", "", "the sink's log (empty: nothing may have been sent)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	cfg, err := intake.LoadConfig(*cfgPath)
	if err != nil {
		return err
	}
	ex, err := readExpect(*expectPath)
	if err != nil {
		return err
	}
	var problems []string
	want := func(what string, got, exp int) {
		if got != exp {
			problems = append(problems, fmt.Sprintf("%s: got %d, want %d", what, got, exp))
		}
	}

	c, err := imapclient.DialInsecure(net.JoinHostPort(cfg.Mailbox.Host, strconv.Itoa(cfg.Mailbox.Port)), nil)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.Login(user, password).Wait(); err != nil {
		return err
	}
	folders := cfg.Mailbox.Folders
	wantIn := map[string]int{
		"INBOX":           0,
		folders.Forwarded: ex.Actions[rules.ActionForward],
		folders.Waiting:   ex.Actions[rules.ActionRequest] + ex.Actions[rules.ActionAsk],
		folders.Ignored:   ex.Actions[rules.ActionIgnore],
		folders.Failed:    ex.Actions[rules.ActionQuarantine],
	}
	for folder, n := range wantIn {
		st, err := c.Status(folder, &imap.StatusOptions{NumMessages: true}).Wait()
		got := 0
		if err == nil && st.NumMessages != nil {
			got = int(*st.NumMessages)
		}
		want("mails in "+folder, got, n)
	}

	store, err := intake.OpenStoreReadOnly(cfg.DataDir)
	if err != nil {
		return err
	}
	defer store.Close()
	cases, err := store.Cases("")
	if err != nil {
		return err
	}
	want("cases", len(cases), ex.Answered)
	counts, err := store.OutboxCounts()
	if err != nil {
		return err
	}
	queued := ex.Answered + ex.Forwards + ex.Actions[rules.ActionQuarantine]
	if *sinkPath == "" {
		// Kept: every reply but the "forwarded" ones (held for their
		// forward), the forwards and the admin notices.
		want("mail kept, not sent", counts[intake.OutboxKept], ex.Answered+ex.Actions[rules.ActionQuarantine])
		want("mail sent", counts[intake.OutboxSent], 0)
	} else {
		want("mail sent", counts[intake.OutboxSent], queued)
		replies, forwards, admin, err := sinkCounts(*sinkPath, cfg)
		if err != nil {
			return err
		}
		want("replies received by the sink", replies, ex.Answered)
		want("forwards received by the sink", forwards, ex.Forwards)
		want("admin notices received by the sink", admin, ex.Actions[rules.ActionQuarantine])
	}
	if len(problems) > 0 {
		return fmt.Errorf("correctness mismatch:\n  %s", strings.Join(problems, "\n  "))
	}
	fmt.Printf("verified: %d mails filed, %d cases, %d mails queued\n", ex.Mails, len(cases), queued)
	return nil
}

// readExpect reads the generator's expected outcome.
func readExpect(path string) (*Expect, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var ex Expect
	if err := json.Unmarshal(b, &ex); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return &ex, nil
}

// sinkCounts sorts the sink's mail by recipient: the engineers of a route,
// the admin, or a customer.
func sinkCounts(path string, cfg *intake.Config) (replies, forwards, admin int, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, 0, err
	}
	engineers := map[string]bool{}
	for _, r := range cfg.Routes {
		for _, to := range r.To {
			engineers[strings.ToLower(to)] = true
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		first, _, _ := strings.Cut(strings.ToLower(line), " ")
		switch {
		case first == "":
		case first == strings.ToLower(cfg.SMTP.Admin):
			admin++
		case engineers[first]:
			forwards++
		default:
			replies++
		}
	}
	return replies, forwards, admin, nil
}

// readResults reads the results of measure, by name and in order.
func readResults(path string) (map[string]Result, []string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	res := map[string]Result{}
	var order []string
	for _, line := range bytes.Split(bytes.TrimSpace(b), []byte("\n")) {
		var r Result
		if err := json.Unmarshal(line, &r); err != nil {
			return nil, nil, err
		}
		if _, ok := res[r.Name]; !ok {
			order = append(order, r.Name)
		}
		res[r.Name] = r
	}
	return res, order, nil
}

// report prints the results as a table, with rates and the ratios; with
// -ratio, how one run compares with another.
func report(args []string) error {
	fl := flag.NewFlagSet("report", flag.ContinueOnError)
	expectPath := fl.String("expect", "", "the generator's expected outcome")
	ratio := fl.Bool("ratio", false, "print only how the first run named compares with the second")
	if err := fl.Parse(args); err != nil {
		return err
	}
	res, order, err := readResults(fl.Arg(fl.NArg() - 1))
	if err != nil {
		return err
	}
	if *ratio {
		a, b := res[fl.Arg(0)], res[fl.Arg(1)]
		if a.Wall == 0 || b.Wall == 0 || b.CPU == 0 {
			return fmt.Errorf("no results of %q and %q", fl.Arg(0), fl.Arg(1))
		}
		fmt.Printf("%s / %s: wall %.1f s / %.1f s = %.2f×, CPU %.1f s / %.1f s = %.2f×\n",
			a.Name, b.Name, a.Wall, b.Wall, a.Wall/b.Wall, a.CPU, b.CPU, a.CPU/b.CPU)
		return nil
	}
	ex, err := readExpect(*expectPath)
	if err != nil {
		return err
	}
	fmt.Printf("%d mails (%.0f MiB, %d with a 1–5 MiB attachment), %d answered\n\n", ex.Mails, float64(ex.Bytes)/(1<<20), ex.Large, ex.Answered)
	fmt.Printf("| run | wall time | mails/s | peak RSS | × floor | CPU of the process |\n|---|---|---|---|---|---|\n")
	fl0 := res["floor"].Wall
	for _, name := range order {
		r := res[name]
		ratio := "—"
		if fl0 > 0 && r.Mails == 0 {
			ratio = fmt.Sprintf("%.1f×", r.Wall/fl0)
		}
		mails := ex.Mails
		if r.Mails > 0 {
			mails = r.Mails
		}
		fmt.Printf("| %s | %.1f s | %.0f | %.0f MiB | %s | %.1f s |\n", name, r.Wall, float64(mails)/r.Wall, float64(r.RSSKiB)/1024, ratio, r.CPU)
	}
	if t, f := res["intake triage-only"], res["imapfilter"]; t.Wall > 0 && f.Wall > 0 {
		fmt.Printf("\ntriage-only / imapfilter: %.1f×\n", t.Wall/f.Wall)
	}
	return nil
}
