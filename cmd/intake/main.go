// Command intake reads a request mailbox, classifies each mail, checks its
// materials, asks customers for what is missing and forwards complete cases
// to engineers. See README.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	shipped "intake"
	"intake/intake"
	"intake/intake/oauth"
)

const usage = `intake — email-driven intake of license-exception requests

usage:
  intake run [--config FILE]                      the daemon: poll on the config's schedule until stopped
  intake poll --once [--no-send] [--config FILE]  one poll; exit 1 when anything failed; --no-send: triage only
  intake check [--config FILE] [--json] PATH...   evaluate saved .eml files (or folders of them)
         [--mail] [--out DIR]                     also show the mail it would send; write it to DIR as .eml
  intake test [--config FILE] [--update] DIR...   test the rules on mail sets (DIR/*.eml and DIR/expected.jsonl)
  intake check-config [FILE]                      check a config file; every problem with file:line
  intake check-config --connect [--send-test ADDR] [FILE]
                                                  and log in to the IMAP and SMTP servers: one line per check
  intake cases list [--state S] [--config FILE]   the cases in the store
  intake cases show ID [--config FILE]            a case: its messages, decisions and mail
  intake failed [--config FILE]                   mail that failed: waiting for another try, or given up
  intake release [--since D | --all]              send the mail kept by triage-only mode or a forward cap
         [--case ID] [--sender ADDR]              (without flags: list it, with why)
  intake reprocess ID [--reply] [--dry-run]       evaluate a case again with the current rules
  intake reprocess --mail N                       move mail #N of "intake failed" back to be read again
  intake demo [--out DIR] [--serve]               the whole job on mail servers inside this process
  intake help                                     this text

Without --config, ./config.yaml is used when present, else the built-in default.
`

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "check":
		return check(args, stdout, stderr)
	case "test":
		return test(args, stdout, stderr)
	case "check-config":
		return checkConfig(args, stdout, stderr)
	case "run":
		return runDaemon(args, stderr)
	case "poll":
		return poll(args, stdout, stderr)
	case "cases":
		return cases(args, stdout, stderr)
	case "failed":
		return failed(args, stdout, stderr)
	case "release":
		return release(args, stdout, stderr)
	case "reprocess":
		return reprocess(args, stdout, stderr)
	case "demo":
		return demo(args, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "intake: unknown command %q\n\n%s", cmd, usage)
	return 2
}

// loadConfig reads the config named by a flag; without one, ./config.yaml
// when present, else the built-in default.
func loadConfig(path string, stderr io.Writer) (*intake.Config, bool) {
	var cfg *intake.Config
	var err error
	switch {
	case path != "":
		cfg, err = intake.LoadConfig(path)
	case fileExists(shipped.ConfigName):
		cfg, err = intake.LoadConfig(shipped.ConfigName)
	default:
		data, rerr := shipped.Files.ReadFile(shipped.ConfigName)
		if rerr != nil {
			err = rerr
			break
		}
		cfg, err = intake.ParseConfig(shipped.ConfigName, data, shipped.Files)
	}
	if err != nil {
		var ce *intake.ConfigError
		if errors.As(err, &ce) {
			for _, p := range ce.Problems {
				fmt.Fprintln(stderr, p)
			}
		} else {
			fmt.Fprintf(stderr, "intake: %v\n", err)
		}
		return nil, false
	}
	return cfg, true
}

// loadMailboxConfig loads the config as it applies to the mailbox named
// under mailboxes: ("" for mailbox:), telling what is wrong on stderr.
func loadMailboxConfig(path, mailbox string, stderr io.Writer) (*intake.Config, bool) {
	cfg, ok := loadConfig(path, stderr)
	if !ok {
		return nil, false
	}
	cfg, err := cfg.ForMailbox(mailbox)
	if err != nil {
		fmt.Fprintf(stderr, "intake: %v\n", err)
		return nil, false
	}
	return cfg, true
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func check(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	configPath := fl.String("config", "", "config file (default ./config.yaml, else built in)")
	mailbox := fl.String("mailbox", "", "decide as the mailbox with this name under mailboxes: (its rules)")
	asJSON := fl.Bool("json", false, "one JSON object per message per line")
	showMail := fl.Bool("mail", false, "also show the mail it would send: reply, forward, acknowledgement")
	outDir := fl.String("out", "", "write the mail it would send to this folder as .eml files")
	paths, err := parseArgs(fl, args)
	if err != nil {
		return 2
	}
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "intake check: give .eml files or folders")
		return 2
	}
	cfg, ok := loadMailboxConfig(*configPath, *mailbox, stderr)
	if !ok {
		return 2
	}
	files, err := intake.MailFiles(paths)
	if err != nil {
		fmt.Fprintf(stderr, "intake check: %v\n", err)
		return 2
	}
	var pv *intake.Previewer
	if *showMail || *outDir != "" {
		if pv, err = cfg.NewPreviewer(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))); err != nil {
			fmt.Fprintf(stderr, "intake check: %v\n", err)
			return 2
		}
		defer pv.Close()
	}
	status := 0
	cfg.CheckFiles(files, func(f string, res *intake.Checked, err error) bool {
		if err != nil {
			fmt.Fprintf(stderr, "intake check: %v\n", err)
			status = 2
			return true
		}
		if *asJSON {
			err = res.WriteJSON(stdout)
		} else {
			cfg.Explain(stdout, res)
		}
		if err == nil && pv != nil {
			err = pv.Preview(stdout, f, *showMail && !*asJSON, *outDir)
		}
		if err != nil {
			fmt.Fprintf(stderr, "intake check: %v\n", err)
			status = 2
			return false
		}
		return true
	})
	return status
}

// test runs mail sets through the rules and compares the outcome with each
// set's expected.jsonl: exit 0 when all are as expected, 1 when any is
// not, 2 when the config or a set cannot be read.
func test(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("test", flag.ContinueOnError)
	fl.SetOutput(stderr)
	configPath := fl.String("config", "", "config file (default ./config.yaml, else built in)")
	mailbox := fl.String("mailbox", "", "decide as the mailbox with this name under mailboxes: (its rules)")
	update := fl.Bool("update", false, "write the current results into each expected.jsonl (after reviewing them)")
	dirs, err := parseArgs(fl, args)
	if err != nil {
		return 2
	}
	if len(dirs) == 0 {
		fmt.Fprintln(stderr, "intake test: give mail set folders, each with .eml files and an expected.jsonl")
		return 2
	}
	cfg, ok := loadMailboxConfig(*configPath, *mailbox, stderr)
	if !ok {
		return 2
	}
	var sets []*intake.SetResult
	for _, dir := range dirs {
		res, err := cfg.TestSet(dir)
		if err != nil {
			fmt.Fprintf(stderr, "intake test: %v\n", err)
			return 2
		}
		sets = append(sets, res)
	}
	passed := intake.WriteTestReport(stdout, sets)
	if *update {
		for _, res := range sets {
			n, err := intake.UpdateExpectations(res)
			if err != nil {
				fmt.Fprintf(stderr, "intake test: %v\n", err)
				return 2
			}
			if n > 0 {
				fmt.Fprintf(stdout, "updated %d line(s) of %s\n", n, filepath.Join(res.Dir, intake.ExpectedFile))
			}
		}
		return 0
	}
	if !passed {
		return 1
	}
	return 0
}

func checkConfig(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("check-config", flag.ContinueOnError)
	fl.SetOutput(stderr)
	connect := fl.Bool("connect", false, "also log in to the IMAP and SMTP servers and check what intake needs there")
	sendTo := fl.String("send-test", "", "with --connect: send one test mail to this address")
	pos, err := parseArgs(fl, args)
	if err != nil {
		return 2
	}
	if len(pos) > 1 {
		fmt.Fprintln(stderr, "intake check-config: give at most one config file")
		return 2
	}
	path := ""
	if len(pos) == 1 {
		path = pos[0]
	}
	cfg, ok := loadConfig(path, stderr)
	if !ok {
		return 1
	}
	fmt.Fprintf(stdout, "%s: ok (%d scenarios, %d materials, %d ignore rules)\n",
		cfg.Path, len(cfg.Rules.Scenarios), len(cfg.Rules.Materials), len(cfg.Rules.Ignore))
	if !*connect {
		if *sendTo != "" {
			fmt.Fprintln(stderr, "intake check-config: --send-test needs --connect")
			return 2
		}
		return 0
	}
	log := intake.LogConfig{Format: cfg.Log.Format, Level: "warn"}.NewLogger(stderr)
	probes := intake.Connect(context.Background(), cfg, oauth.NewTokens(cfg.DataDir, log), *sendTo, log)
	if intake.WriteProbes(stdout, probes) {
		return 1
	}
	return 0
}

// parseArgs parses flags placed anywhere among the arguments ("cases show
// ID --config F" as well as "--config F cases show ID") and returns the
// positional ones.
func parseArgs(fl *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fl.Parse(args); err != nil {
			return nil, err
		}
		if fl.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fl.Arg(0))
		args = fl.Args()[1:]
	}
}
