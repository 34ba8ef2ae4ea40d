package intake

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"

	"intake/intake/message"
	"intake/mailer"
	"intake/mailer/mailertest"
	"intake/rules"
)

// DemoPassword is the password of every mailbox of the demo's IMAP server.
const DemoPassword = "demo"

// Demo addresses.
const (
	demoIntake   = "intake@example.test"
	demoCustomer = "customer@example.test"
)

// DemoOptions configures RunDemo.
type DemoOptions struct {
	Config *Config // the shipped config; connection settings are overridden
	// Mail holds the example mail (*.eml) and its expected.jsonl.
	Mail fs.FS
	// OutDir, when set, receives every mail intake sent, as .eml files.
	OutDir string
	// Serve keeps the servers up after the demo, polling every few seconds,
	// until ctx ends.
	Serve bool
	Out   io.Writer
	Log   *slog.Logger
}

// demo is the in-process mail system: an IMAP server whose users are created
// on demand, and an SMTP server that records every mail and delivers it to
// the recipients' inboxes.
type demo struct {
	mu    sync.Mutex
	mem   *imapmemserver.Server
	users map[string]*imapmemserver.User
	imap  *imapserver.Server
	addr  string
	smtp  *mailertest.Recorder
}

func startDemo() (*demo, error) {
	d := &demo{mem: imapmemserver.New(), users: map[string]*imapmemserver.User{}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("listening for IMAP: %w", err)
	}
	d.addr = ln.Addr().String()
	d.imap = imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return d.mem.NewSession(), nil, nil
		},
		Caps:         imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapMove: {}, imap.CapUIDPlus: {}},
		InsecureAuth: true, // loopback only
	})
	go d.imap.Serve(ln)
	if d.smtp, err = mailertest.Start(); err != nil {
		d.imap.Close()
		return nil, err
	}
	d.smtp.OnReceive(func(m mailertest.Received) {
		for _, to := range m.To {
			d.deliver(to, m.Raw)
		}
	})
	for _, u := range []string{demoIntake, demoCustomer} {
		d.user(u)
	}
	return d, nil
}

func (d *demo) close() {
	d.smtp.Close()
	d.imap.Close()
}

// user returns the mailbox of an address, creating it.
func (d *demo) user(addr string) *imapmemserver.User {
	addr = strings.ToLower(addr)
	d.mu.Lock()
	defer d.mu.Unlock()
	u := d.users[addr]
	if u == nil {
		u = imapmemserver.NewUser(addr, DemoPassword)
		u.Create("INBOX", nil)
		d.mem.AddUser(u)
		d.users[addr] = u
	}
	return u
}

func (d *demo) deliver(addr string, raw []byte) error {
	_, err := d.user(addr).Append("INBOX", bytes.NewReader(raw), &imap.AppendOptions{Time: time.Now()})
	return err
}

// demoFile is one seeded mail and what should become of it.
type demoFile struct {
	name string
	uid  uint32
	want Expectation
}

// RunDemo runs the real pipeline with the shipped rules against servers
// inside the process: it seeds the request mailbox with the example mail and
// a mail too deep to read, polls, answers one reply as its customer would,
// polls again, and reports every decision, case and mail. It returns whether
// everything went as the example mail's expectations say.
func RunDemo(ctx context.Context, o DemoOptions) (bool, error) {
	start := time.Now()
	d, err := startDemo()
	if err != nil {
		return false, err
	}
	defer d.close()
	cfg := *o.Config
	host, port, _ := net.SplitHostPort(d.addr)
	cfg.Mailbox.Host, cfg.Mailbox.Port, cfg.Mailbox.Security, cfg.Mailbox.Auth = host, atoi(port), "plain", "plain"
	cfg.Mailbox.Username, cfg.Mailbox.Password, cfg.Mailbox.Mailbox = demoIntake, Secret{Value: DemoPassword}, "INBOX"
	shost, sport, _ := net.SplitHostPort(d.smtp.Addr())
	cfg.SMTP.Host, cfg.SMTP.Port, cfg.SMTP.Security, cfg.SMTP.Auth = shost, atoi(sport), "plain", "none"
	dataDir, err := os.MkdirTemp("", "intake-demo-")
	if err != nil {
		return false, fmt.Errorf("creating demo data directory: %w", err)
	}
	defer os.RemoveAll(dataDir)
	cfg.DataDir = dataDir

	st, err := OpenStore(dataDir, o.Log)
	if err != nil {
		return false, err
	}
	defer st.Close()
	sender, err := mailer.NewSender(mailer.SMTPOptions{Host: shost, Port: cfg.SMTP.Port, Security: "plain", Auth: "none", Timeout: 10 * time.Second}, o.Log)
	if err != nil {
		return false, err
	}
	p, err := NewPipeline(&cfg, st, DialIMAP(o.Log, nil), sender, o.Log)
	if err != nil {
		return false, err
	}

	files, err := seedDemo(d, o.Mail)
	if err != nil {
		return false, err
	}
	w := o.Out
	fmt.Fprintf(w, "intake demo: IMAP %s and SMTP %s inside this process, the shipped rules, %d mails in %s's inbox\n\n",
		d.addr, d.smtp.Addr(), len(files), demoIntake)
	var problems []string

	fmt.Fprintf(w, "Round 1: the poller reads the request mailbox\n")
	rep1 := p.Poll(ctx)
	writeRound(w, rep1, files)
	problems = append(problems, checkRound1(rep1, files, &cfg)...)

	// The customer of the first incomplete request answers our reply with
	// what was missing.
	fmt.Fprintf(w, "\nRound 2: a customer answers the reply with the missing details\n")
	follow, err := demoFollowUp(d, st)
	if err != nil {
		return false, err
	}
	if follow != "" {
		fmt.Fprintf(w, "   (%s)\n", follow)
	}
	rep2 := p.Poll(ctx)
	writeRound(w, rep2, nil)
	if len(rep2.Processed) != 1 || rep2.Processed[0].Decision.Action != rules.ActionForward {
		problems = append(problems, "round 2: the follow-up did not complete its case")
	}
	for _, rep := range []*Report{rep1, rep2} {
		for _, err := range rep.Errors {
			problems = append(problems, err.Error())
		}
	}

	if err := writeCasesAndMail(w, st, o.OutDir); err != nil {
		return false, err
	}
	problems = append(problems, checkMail(st, rep1, rep2)...)

	fmt.Fprintln(w)
	if len(problems) > 0 {
		fmt.Fprintf(w, "NOT AS EXPECTED (%d):\n", len(problems))
		for _, p := range problems {
			fmt.Fprintf(w, "  - %s\n", p)
		}
	} else {
		fmt.Fprintf(w, "As expected: %d mails decided as their expected.jsonl says, one case completed by its follow-up, every mail sent (%.1fs).\n",
			len(files)+1, time.Since(start).Seconds())
	}
	if o.OutDir != "" {
		fmt.Fprintf(w, "The mail intake sent is in %s (open the .eml files in a mail client).\n", o.OutDir)
	}
	if o.Serve {
		return len(problems) == 0, serveDemo(ctx, d, p, &cfg, o)
	}
	return len(problems) == 0, nil
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// seedDemo puts the example mail, and a mail nested too deep to read, into
// the request mailbox.
func seedDemo(d *demo, mail fs.FS) ([]demoFile, error) {
	exps, err := readExpectationsFS(mail, ExpectedFile)
	if err != nil {
		return nil, err
	}
	var files []demoFile
	for _, e := range exps {
		raw, err := fs.ReadFile(mail, e.File)
		if err != nil {
			return nil, fmt.Errorf("reading example mail: %w", err)
		}
		data, err := d.user(demoIntake).Append("INBOX", bytes.NewReader(raw), &imap.AppendOptions{})
		if err != nil {
			return nil, fmt.Errorf("seeding %s: %w", e.File, err)
		}
		files = append(files, demoFile{name: e.File, uid: uint32(data.UID), want: e})
	}
	deep := "From: Deep Nesting <deep@example.org>\r\nTo: intake@example.test\r\nSubject: License help\r\nMessage-ID: <deep@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n"
	for i := 0; i < 200; i++ {
		deep += fmt.Sprintf("--b%d\r\nContent-Type: multipart/mixed; boundary=\"b%d\"\r\n\r\n", i, i+1)
	}
	data, err := d.user(demoIntake).Append("INBOX", strings.NewReader(deep), &imap.AppendOptions{})
	if err != nil {
		return nil, err
	}
	files = append(files, demoFile{name: "(generated) 200 nested multiparts", uid: uint32(data.UID),
		want: Expectation{Action: rules.ActionQuarantine, Reason: "too_deep"}})
	return files, nil
}

func writeRound(w io.Writer, rep *Report, files []demoFile) {
	names := map[uint32]string{}
	for _, f := range files {
		names[f.uid] = f.name
	}
	for _, pr := range rep.Processed {
		d := pr.Decision
		name := names[pr.UID]
		if name == "" {
			name = pr.From
		}
		what := d.Action
		if d.Scenario != "" {
			what += " " + d.Scenario
		}
		if d.Reason != "" {
			what += " (" + d.Reason + ")"
		}
		fmt.Fprintf(w, "  %-42s %-34s", clipName(name, 42), what)
		if pr.CaseID != "" {
			fmt.Fprintf(w, " %s", pr.CaseID)
		}
		fmt.Fprintf(w, " → %s\n", pr.Folder)
		if len(d.Missing) > 0 {
			fmt.Fprintf(w, "  %42s missing: %s\n", "", strings.Join(d.Missing, ", "))
		}
		for _, n := range d.Notes {
			fmt.Fprintf(w, "  %42s note: %s\n", "", clipName(n, 110))
		}
		for _, why := range d.Why {
			if !strings.HasPrefix(why, "missing ") && !strings.HasPrefix(why, "every material") {
				fmt.Fprintf(w, "  %42s why: %s\n", "", why)
			}
		}
	}
}

func clipName(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// checkRound1 compares the first round's decisions with the expectations.
func checkRound1(rep *Report, files []demoFile, cfg *Config) []string {
	var probs []string
	got := map[uint32]Processed{}
	for _, pr := range rep.Processed {
		got[pr.UID] = pr
	}
	for _, f := range files {
		pr, ok := got[f.uid]
		if !ok {
			probs = append(probs, f.name+": not processed")
			continue
		}
		d, e := pr.Decision, f.want
		if d.Action != e.Action || d.Scenario != e.Scenario || !slices.Equal(d.Missing, orNil(e.Missing)) {
			probs = append(probs, fmt.Sprintf("%s: %s %s %v, want %s %s %v", f.name, d.Action, d.Scenario, d.Missing, e.Action, e.Scenario, e.Missing))
		}
		for _, n := range e.Notes {
			if !d.HasNote(n) {
				probs = append(probs, fmt.Sprintf("%s: note %s missing", f.name, n))
			}
		}
		if e.Reason != "" && d.Reason != e.Reason {
			probs = append(probs, fmt.Sprintf("%s: reason %s, want %s", f.name, d.Reason, e.Reason))
		}
		if want := folderFor(cfg, e.Action); pr.Folder != want {
			probs = append(probs, fmt.Sprintf("%s: filed in %s, want %s", f.name, pr.Folder, want))
		}
	}
	return probs
}

func orNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// demoFollowUp answers the first request reply as its customer would: with
// the details the reply asked for. It returns what it did.
func demoFollowUp(d *demo, st *Store) (string, error) {
	out, err := st.AllOutbox()
	if err != nil {
		return "", err
	}
	for _, o := range out {
		if o.Kind != "request" || len(o.Recipients) != 1 {
			continue
		}
		msgs, err := st.CaseMessages(o.CaseID)
		if err != nil || len(msgs) == 0 {
			continue
		}
		missing := msgs[len(msgs)-1].Decision.Missing
		var body strings.Builder
		body.WriteString("Hello,\r\n\r\nHere is what was missing.\r\n\r\n")
		for _, id := range missing {
			v, ok := demoAnswers[id]
			if !ok {
				body.Reset()
				break
			}
			body.WriteString(v + "\r\n")
		}
		if body.Len() == 0 {
			continue
		}
		subject := o.Subject
		if !strings.HasPrefix(subject, "Re: ") {
			subject = "Re: " + subject
		}
		raw := fmt.Sprintf("From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMessage-ID: <follow-up.%s@demo.example>\r\nIn-Reply-To: <%s>\r\nReferences: <%s>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s",
			o.Recipients[0], demoIntake, subject, time.Now().Format(time.RFC1123Z), o.CaseID, o.MessageID, o.MessageID, body.String())
		if err := d.deliver(demoIntake, []byte(raw)); err != nil {
			return "", err
		}
		return fmt.Sprintf("%s answers case %s with %s", o.Recipients[0], o.CaseID, strings.Join(missing, ", ")), nil
	}
	return "", nil
}

// demoAnswers are the lines a customer adds for missing text fields.
var demoAnswers = map[string]string{
	"site_name":        "Site name: Demo City Data Centre",
	"end_user_org":     "End user organisation: Demo City Data Centre",
	"end_user_contact": "Contact person: Demo Contact",
	"end_user_phone":   "Phone: +86 21 5555 0100",
	"agent_engineer":   "Reseller engineer: Li Wei",
	"agent_phone":      "Reseller phone: +86 139 0000 0000",
	"auth_code":        "Auth code: IMC-PLAT-DEMO-0001-ABCD",
}

// writeCasesAndMail prints every case and every mail sent, and writes the
// mail to outDir when set.
func writeCasesAndMail(w io.Writer, st *Store, outDir string) error {
	cases, err := st.Cases("")
	if err != nil {
		return err
	}
	sort.Slice(cases, func(i, j int) bool { return cases[i].ID < cases[j].ID })
	fmt.Fprintf(w, "\nCases (%d)\n", len(cases))
	for _, c := range cases {
		fmt.Fprintf(w, "  %s  %-9s %-15s %-8s %s\n", c.ID, c.State, orDash(c.Scenario), orDash(c.Product), c.Customer)
	}
	out, err := st.AllOutbox()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nMail sent (%d): request and ask are replies to customers, forward is a case sent to the engineers,\n"+
		"forwarded tells the customer their case went to the engineers, admin is a notice to the admin\n", len(out))
	if outDir != "" {
		if err := makeOutDir(outDir); err != nil {
			return err
		}
	}
	for i, o := range out {
		fmt.Fprintf(w, "  %-9s %s to %s\n            %q\n", o.Kind, o.State, strings.Join(o.Recipients, ", "), o.Subject)
		if detail := mailDetail(st, o); detail != "" {
			fmt.Fprintf(w, "            %s\n", detail)
		}
		if outDir != "" {
			name := fmt.Sprintf("%02d-%s-%s.eml", i+1, o.Kind, rules.SafeFileName(strings.Join(o.Recipients, "+")))
			raw, err := st.ReadMail(o.File)
			if err != nil {
				return err
			}
			if err := writeNoFollow(filepath.Join(outDir, name), raw); err != nil {
				return fmt.Errorf("writing %s: %w", name, err)
			}
		}
	}
	return nil
}

// mailDetail says what a sent mail holds: the items a reply asks for, the
// files a forward carries.
func mailDetail(st *Store, o *OutboxRow) string {
	f, err := st.OpenMail(o.File)
	if err != nil {
		return ""
	}
	defer f.Close()
	msg, err := message.Parse(f, message.Limits{})
	if err != nil {
		return ""
	}
	var files []string
	for _, a := range msg.Attachments {
		if a.Origin == rules.OriginDirect {
			files = append(files, a.Name)
		}
	}
	switch o.Kind {
	case "request":
		if m, err := st.oneMessage(`id = ?`, o.MessageRow); err == nil && m != nil {
			s := "asks for: " + strings.Join(m.Decision.Missing, ", ")
			if len(files) > 0 {
				s += "; attached: " + strings.Join(files, ", ")
			}
			return s
		}
	case "forward", "update":
		if len(files) == 0 {
			files = []string{"none"}
		}
		return fmt.Sprintf("files: %s; originals: %d", strings.Join(files, ", "), len(msg.Forwarded))
	}
	if len(files) > 0 {
		return "attached: " + strings.Join(files, ", ")
	}
	return ""
}

// checkMail holds the mail sent to what the decisions call for: one reply per
// request or ask, a forward and an acknowledgement per completed case, a
// notice per quarantined mail, nothing for ignored mail, every mail sent.
func checkMail(st *Store, reps ...*Report) []string {
	want := map[string]int{}
	for _, rep := range reps {
		for _, pr := range rep.Processed {
			switch pr.Decision.Action {
			case rules.ActionRequest:
				want["request"]++
			case rules.ActionAsk:
				want["ask"]++
			case rules.ActionForward:
				want["forward"]++
				want["forwarded"]++
			case rules.ActionQuarantine:
				want["admin"]++
			}
		}
	}
	out, err := st.AllOutbox()
	if err != nil {
		return []string{err.Error()}
	}
	got := map[string]int{}
	var probs []string
	for _, o := range out {
		got[o.Kind]++
		if o.State != OutboxSent {
			probs = append(probs, fmt.Sprintf("%s mail to %v is %s", o.Kind, o.Recipients, o.State))
		}
	}
	for _, k := range []string{"request", "ask", "forward", "forwarded", "admin", "update", "reminder", "closed"} {
		if got[k] != want[k] {
			probs = append(probs, fmt.Sprintf("%d %s mail sent, want %d", got[k], k, want[k]))
		}
	}
	return probs
}

// serveDemo keeps the servers up and polls until ctx ends, so that a person
// can connect a mail client and write in.
func serveDemo(ctx context.Context, d *demo, p *Pipeline, cfg *Config, o DemoOptions) error {
	w := o.Out
	fmt.Fprintf(w, `
The demo servers stay up until Ctrl-C. Connect a mail client (no TLS, on this machine only):
  IMAP  %s   user %s   password %s
  SMTP  %s   no authentication
Send a request to %s and intake answers within a few seconds. Any address
@example.test has a mailbox (password %q): the engineers' is license-engineers@example.test.
`, d.addr, demoCustomer, DemoPassword, d.smtp.Addr(), demoIntake, DemoPassword)
	for _, u := range []string{"license-engineers@example.test", "cams-engineers@example.test", "license-admin@example.test"} {
		d.user(u)
	}
	cfg.Schedule = "@every 5s"
	daemon := &Daemon{Pipeline: p, Log: o.Log}
	return daemon.Run(ctx)
}

// DemoMail returns the example mail folder of a shipped file system.
func DemoMail(fsys fs.FS, dir string) (fs.FS, error) {
	sub, err := fs.Sub(fsys, path.Clean(dir))
	if err != nil {
		return nil, fmt.Errorf("opening example mail: %w", err)
	}
	return sub, nil
}

// writeNoFollow writes a new file, or replaces a file's content, but fails
// where the name is a symbolic link instead of writing where it points.
func writeNoFollow(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC|syscall.O_NOFOLLOW, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
