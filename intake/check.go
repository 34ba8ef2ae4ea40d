package intake

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"intake/intake/message"
	"intake/rules"
)

// Checked is the outcome of evaluating one saved mail offline: the JSON
// contract of `intake check --json` (DESIGN §2), one object a line.
type Checked struct {
	File      string `json:"file"`
	MessageID string `json:"message_id"`
	From      string `json:"from"`
	rules.Decision

	msg *rules.Message
}

// CheckFile parses and evaluates one .eml file on its own, with the same code
// the daemon runs.
func (c *Config) CheckFile(path string) (*Checked, error) {
	msg, err := c.readMail(path)
	if err != nil {
		return nil, err
	}
	d := c.Rules.Evaluate([]*rules.Message{msg})
	return &Checked{File: filepath.Base(path), MessageID: msg.MessageID, From: msg.From, Decision: d, msg: msg}, nil
}

// CheckFiles evaluates files as CheckFile does, on every core, and calls
// each with the results in the order of files; it stops early when each
// returns false. At most a few results per core wait for their turn.
func (c *Config) CheckFiles(files []string, each func(path string, res *Checked, err error) bool) {
	type job struct {
		path string
		res  *Checked
		err  error
		done chan struct{}
	}
	workers := runtime.GOMAXPROCS(0)
	inOrder := make(chan *job, 4*workers) // bounds the results waiting
	work := make(chan *job)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(inOrder)
		defer close(work)
		for _, f := range files {
			j := &job{path: f, done: make(chan struct{})}
			select {
			case inOrder <- j:
			case <-stop:
				return
			}
			select {
			case work <- j:
			case <-stop:
				return
			}
		}
	}()
	for range workers {
		go func() {
			for j := range work {
				j.res, j.err = c.CheckFile(j.path)
				close(j.done)
			}
		}()
	}
	for j := range inOrder {
		<-j.done
		if !each(j.path, j.res, j.err) {
			return
		}
	}
}

// readMail parses a saved mail within the config's limits.
func (c *Config) readMail(path string) (*rules.Message, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening mail: %w", err)
	}
	defer f.Close()
	msg, err := message.Parse(f, c.Limits)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return msg, nil
}

// MailFiles expands files and folders into the .eml files they hold, sorted
// by path within each folder.
func MailFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", p, err)
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.EqualFold(filepath.Ext(path), ".eml") {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("walking %s: %w", p, err)
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

// WriteJSON writes the result as one JSON line.
func (ch *Checked) WriteJSON(w io.Writer) error {
	b, err := json.Marshal(ch)
	if err != nil {
		return fmt.Errorf("encoding result: %w", err)
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

// Explain writes the result for a person: the scenario and why, each
// material with ✓ or ✗ and where it was found, the notes and the action.
func (c *Config) Explain(w io.Writer, ch *Checked) {
	d := &ch.Decision
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("== %s\n", ch.File)
	if m := ch.msg; m != nil {
		from := m.From
		if m.FromName != "" {
			from = fmt.Sprintf("%s <%s>", m.FromName, m.From)
		}
		p("   from:     %s\n   subject:  %s\n", orDash(from), orDash(m.Subject))
	}
	p("   action:   %s", d.Action)
	if d.Reason != "" {
		p(" (%s)", d.Reason)
	}
	p("\n")
	if s := c.Rules.Scenario(d.Scenario); s != nil {
		p("   scenario: %s — %s / %s\n", s.ID, s.Name.ZH, s.Name.EN)
	}
	if d.Product != "" {
		p("   product:  %s\n", d.Product)
	}
	for _, why := range d.Why {
		p("   why:      %s\n", why)
	}
	writeScoring(w, "   scores:   ", "             ", d.Scoring)
	if len(d.Checklist) > 0 {
		p("   checklist:\n")
		for _, it := range d.Checklist {
			name := it.Material
			if m := c.Rules.Material(it.Material); m != nil {
				name = fmt.Sprintf("%s (%s / %s)", it.Material, m.Name.ZH, m.Name.EN)
			}
			if it.Present {
				p("     ✓ %s — %s\n", name, it.Source)
			} else {
				p("     ✗ %s — missing\n", name)
			}
			if it.Assumed != "" {
				p("         assumed: %s\n", it.Assumed)
			}
		}
	}
	if ids := c.Rules.SortedFieldIDs(d); len(ids) > 0 {
		p("   fields:\n")
		for _, id := range ids {
			p("     %s: %s\n", id, d.Fields[id])
		}
	}
	if len(d.Attachments) > 0 {
		p("   attachments:\n")
		for _, a := range d.Attachments {
			where := ""
			switch a.Origin {
			case rules.OriginArchive:
				where = fmt.Sprintf(" (in %s)", a.Container)
			case rules.OriginForwarded:
				where = fmt.Sprintf(" (in forwarded mail %q)", a.Container)
			case rules.OriginPasted:
				where = " (pasted into the text)"
			}
			what := "not a material"
			switch {
			case a.Material != "":
				what = "→ " + a.Material
			case a.Class != "":
				what = "a " + a.Class + ", not counted"
			}
			p("     %s%s, %d bytes: %s\n", a.Name, where, a.Size, what)
		}
	}
	if len(d.Notes) > 0 {
		p("   notes:\n")
		for _, n := range d.Notes {
			p("     - %s\n", n)
		}
	}
	p("\n")
}

// writeScoring writes the scenarios' scores, the first line after first,
// the others after indent.
func writeScoring(w io.Writer, first, indent string, sc *rules.Scoring) {
	if sc == nil {
		return
	}
	for i, l := range sc.Lines() {
		if i == 0 {
			fmt.Fprintf(w, "%s%s\n", first, l)
		} else {
			fmt.Fprintf(w, "%s%s\n", indent, l)
		}
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
