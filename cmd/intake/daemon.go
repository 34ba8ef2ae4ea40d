package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"intake/intake"
	"intake/intake/conf"
	"intake/intake/oauth"
	"intake/mailer"
)

// open loads the config, opens the store and wires the pipeline to the real
// mailbox and SMTP server.
func open(configPath string, stderr io.Writer) (*intake.Pipeline, *intake.Store, *slog.Logger, *oauth.Tokens, bool) {
	cfg, ok := loadConfig(configPath, stderr)
	if !ok {
		return nil, nil, nil, nil, false
	}
	log := cfg.Log.NewLogger(stderr)
	st, err := intake.OpenStore(cfg.DataDir, log)
	if err != nil {
		fmt.Fprintf(stderr, "intake: %v\n", err)
		return nil, nil, nil, nil, false
	}
	tokens := oauth.NewTokens(cfg.DataDir, log)
	sender, err := newSender(cfg, tokens, log)
	if err != nil {
		fmt.Fprintf(stderr, "intake: %v\n", err)
		st.Close()
		return nil, nil, nil, nil, false
	}
	p, err := intake.NewPipeline(cfg, st, intake.DialIMAP(log, tokens), sender, log)
	if err != nil {
		fmt.Fprintf(stderr, "intake: %v\n", err)
		st.Close()
		return nil, nil, nil, nil, false
	}
	tokens.Notify = p.NotifyAdmin
	return p, st, log, tokens, true
}

// newSender builds the SMTP sender of a config.
func newSender(cfg *intake.Config, tokens *oauth.Tokens, log *slog.Logger) (intake.Sender, error) {
	opts, err := cfg.SMTP.Options(tokens)
	if err != nil {
		return nil, err
	}
	return mailer.NewSender(opts, log)
}

func runDaemon(args []string, stderr io.Writer) int {
	fl := flag.NewFlagSet("run", flag.ContinueOnError)
	fl.SetOutput(stderr)
	configPath := fl.String("config", "", "config file (default ./config.yaml)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	p, st, log, tokens, ok := open(*configPath, stderr)
	if !ok {
		return 2
	}
	defer st.Close()
	d := &intake.Daemon{Pipeline: p, Log: log, Reload: func() (*intake.Config, error) {
		return intake.LoadConfig(p.Config().Path)
	}, NewSender: func(cfg *intake.Config) (intake.Sender, error) {
		return newSender(cfg, tokens, log)
	}, Checks: []func() error{tokens.Check}, Tokens: tokens}
	if err := d.Run(context.Background()); err != nil {
		fmt.Fprintf(stderr, "intake run: %v\n", err)
		return 1
	}
	return 0
}

func poll(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("poll", flag.ContinueOnError)
	fl.SetOutput(stderr)
	configPath := fl.String("config", "", "config file (default ./config.yaml)")
	once := fl.Bool("once", false, "poll once and exit (the only mode; the daemon is `intake run`)")
	noSend := fl.Bool("no-send", false, "triage only: decide, record and file, but send nothing (the mail is kept)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if !*once {
		fmt.Fprintln(stderr, "intake poll: give --once (the daemon is `intake run`)")
		return 2
	}
	p, st, _, _, ok := open(*configPath, stderr)
	if !ok {
		return 2
	}
	defer st.Close()
	if *noSend {
		cfg := *p.Config()
		cfg.TriageOnly = true
		p.SetConfig(&cfg)
	}
	rep := p.Poll(context.Background())
	intake.WriteReport(stdout, rep)
	if err := rep.Err(); err != nil {
		fmt.Fprintf(stderr, "intake poll: %v\n", err)
		return 1
	}
	return 0
}

func cases(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || (args[0] != "list" && args[0] != "show") {
		fmt.Fprintln(stderr, "intake cases: list or show ID")
		return 2
	}
	fl := flag.NewFlagSet("cases", flag.ContinueOnError)
	fl.SetOutput(stderr)
	configPath := fl.String("config", "", "config file (default ./config.yaml)")
	state := fl.String("state", "", "only cases in this state (waiting, forwarded, failed, closed)")
	pos, err := parseArgs(fl, args[1:])
	if err != nil {
		return 2
	}
	st, ok := openReadOnly(*configPath, "cases", stderr)
	if !ok {
		return 2
	}
	defer st.Close()
	if args[0] == "list" {
		cs, err := st.Cases(*state)
		if err != nil {
			fmt.Fprintf(stderr, "intake cases: %v\n", err)
			return 1
		}
		intake.WriteCases(stdout, cs)
		return 0
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "intake cases show: give one case id")
		return 2
	}
	if err := intake.WriteCase(stdout, st, pos[0]); err != nil {
		fmt.Fprintf(stderr, "intake cases show: %v\n", err)
		return 1
	}
	return 0
}

// openReadOnly opens the store of the config for reading, while `intake
// run` may hold it; cmd names the command in messages.
func openReadOnly(configPath, cmd string, stderr io.Writer) (*intake.Store, bool) {
	cfg, ok := loadConfig(configPath, stderr)
	if !ok {
		return nil, false
	}
	st, err := intake.OpenStoreReadOnly(cfg.DataDir)
	if err != nil {
		fmt.Fprintf(stderr, "intake %s: %v\n", cmd, err)
		return nil, false
	}
	return st, true
}

// release lists the mail kept unsent (by triage-only mode or a forward
// rate limit) with why, and, when asked, makes the kept mail of a time, a
// case or a sender due; the next poll sends it.
func release(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("release", flag.ContinueOnError)
	fl.SetOutput(stderr)
	configPath := fl.String("config", "", "config file (default ./config.yaml)")
	since := fl.String("since", "", "release the mail kept within this long (e.g. 24h, 2d)")
	all := fl.Bool("all", false, "release every kept mail, however old")
	caseID := fl.String("case", "", "release the kept mail of this case")
	sender := fl.String("sender", "", "release the kept mail this address's mail caused")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if *all && *since != "" {
		fmt.Fprintln(stderr, "intake release: give --since or --all, not both")
		return 2
	}
	cfg, ok := loadConfig(*configPath, stderr)
	if !ok {
		return 2
	}
	st, err := intake.OpenStore(cfg.DataDir, nil)
	if err != nil {
		fmt.Fprintf(stderr, "intake release: %v\n", err)
		return 2
	}
	defer st.Close()
	now := time.Now()
	f := intake.KeptFilter{CaseID: *caseID, Sender: *sender}
	if *since != "" {
		d, err := conf.ParseDuration(*since)
		if err != nil {
			fmt.Fprintf(stderr, "intake release: --since: %v\n", err)
			return 2
		}
		f.Since = now.Add(-d)
	}
	if !*all && *since == "" && *caseID == "" && *sender == "" {
		kept, err := st.KeptList(f)
		if err != nil {
			fmt.Fprintf(stderr, "intake release: %v\n", err)
			return 1
		}
		if len(kept) == 0 {
			fmt.Fprintln(stdout, "no mail kept unsent")
			return 0
		}
		fmt.Fprintf(stdout, "%d mail kept unsent:\n", len(kept))
		for _, k := range kept {
			fmt.Fprintf(stdout, "  #%d %s  %s  case %s  from %s  %q\n    kept: %s\n", k.ID, k.Created.Format(time.DateTime), k.Kind,
				cmp.Or(k.CaseID, "-"), cmp.Or(k.Sender, "-"), k.Subject, k.Why)
		}
		fmt.Fprintln(stdout, "release it with --case ID, --sender ADDR, --since 24h (or any duration) or --all; the next poll sends it")
		return 0
	}
	n, err := st.ReleaseKept(f, now)
	if err != nil {
		fmt.Fprintf(stderr, "intake release: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "%d mail released: the next poll sends it\n", n)
	return 0
}

func failed(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("failed", flag.ContinueOnError)
	fl.SetOutput(stderr)
	configPath := fl.String("config", "", "config file (default ./config.yaml)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	st, ok := openReadOnly(*configPath, "failed", stderr)
	if !ok {
		return 2
	}
	defer st.Close()
	if err := intake.WriteFailed(stdout, st); err != nil {
		fmt.Fprintf(stderr, "intake failed: %v\n", err)
		return 1
	}
	return 0
}

// reprocessMail takes a mail of the failed folder again.
func reprocessMail(configPath string, id int64, stdout, stderr io.Writer) int {
	p, st, _, _, ok := open(configPath, stderr)
	if !ok {
		return 2
	}
	defer st.Close()
	if err := p.ReprocessMail(context.Background(), id); err != nil {
		fmt.Fprintf(stderr, "intake reprocess: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "mail #%d is back in %s: the next poll reads it again\n", id, p.Config().Mailbox.Mailbox)
	return 0
}

func reprocess(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("reprocess", flag.ContinueOnError)
	fl.SetOutput(stderr)
	configPath := fl.String("config", "", "config file (default ./config.yaml)")
	reply := fl.Bool("reply", false, "send the customer a new request when materials are still missing")
	dry := fl.Bool("dry-run", false, "show the new decision, queue nothing")
	mail := fl.Int64("mail", 0, "move mail #N of `intake failed` back to the mailbox, to be read again")
	pos, err := parseArgs(fl, args)
	if err != nil {
		return 2
	}
	if *mail != 0 {
		return reprocessMail(*configPath, *mail, stdout, stderr)
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "intake reprocess: give one case id")
		return 2
	}
	id := pos[0]
	p, st, _, _, ok := open(*configPath, stderr)
	if !ok {
		return 2
	}
	defer st.Close()
	d, kinds, err := p.Reprocess(context.Background(), id, *reply, *dry)
	if d != nil {
		fmt.Fprintf(stdout, "case %s: %s, scenario %s, missing %v\n", id, d.Action, d.Scenario, d.Missing)
		for _, k := range kinds {
			fmt.Fprintf(stdout, "  mail queued: %s\n", k)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "intake reprocess: %v\n", err)
		return 1
	}
	return 0
}
