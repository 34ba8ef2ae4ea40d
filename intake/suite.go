package intake

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"intake/rules"
)

// ExpectedFile names the file of a mail set that holds what each of its
// mails should come to.
const ExpectedFile = "expected.jsonl"

// Expectation is one line of a mail set's expected.jsonl: the fields of
// `intake check --json` that matter, for one mail or one thread.
type Expectation struct {
	File     string   `json:"file"`
	Action   string   `json:"action"`
	Scenario string   `json:"scenario"`
	Missing  []string `json:"missing"`
	Notes    []string `json:"notes"` // ids that must be among the decision's notes
	Reason   string   `json:"reason,omitempty"`
	Why      string   `json:"why,omitempty"` // for people: what the mail is
	// KnownGap, when set, says what the rules do not handle yet: a
	// mismatch is reported as a known gap, not a failure, until the rules
	// give what is expected; then the line must lose its known_gap.
	KnownGap string `json:"known_gap,omitempty"`
}

// Case outcomes of a mail set's test.
const (
	CasePass       = "pass"
	CaseFail       = "fail"
	CaseKnownGap   = "known gap"
	CaseGapClosed  = "gap closed" // a known gap that is no longer one: remove known_gap
	CaseUnexpected = "unexpected" // a mail without a line in expected.jsonl
	CaseNoMail     = "no mail"    // a line without its mail
	CaseUnreadable = "unreadable" // the mail could not be read at all
)

// CaseResult is one mail, or one thread, of a set and how its decision
// compares with the expectation.
type CaseResult struct {
	Name   string // the file, or the thread's folder, within the set
	Status string
	Diffs  []string // one line per field that differs: "action: got …, want …"
	Want   Expectation
	Got    *Checked // the decision of the last mail; nil when none
	Err    error    // CaseUnreadable
}

// SetResult is a mail set's test: every case in file order.
type SetResult struct {
	Dir   string
	Cases []CaseResult
}

// Failed tells whether any case failed.
func (s *SetResult) Failed() bool {
	return slices.ContainsFunc(s.Cases, func(c CaseResult) bool {
		return c.Status != CasePass && c.Status != CaseKnownGap
	})
}

// TestSet evaluates every case of a mail set with the config and compares
// it with the set's expected.jsonl. A case is a .eml file of dir, or a
// subfolder: a thread, whose mails are evaluated in name order as one
// case, each with the earlier ones as its history, as the daemon does when
// they join one case; its expected line names the folder.
func (c *Config) TestSet(dir string) (*SetResult, error) {
	exps, err := ReadExpectations(filepath.Join(dir, ExpectedFile))
	if err != nil {
		return nil, err
	}
	cases, err := setCases(dir)
	if err != nil {
		return nil, err
	}
	res := &SetResult{Dir: dir}
	want := map[string]Expectation{}
	for _, e := range exps {
		want[e.File] = e
	}
	seen := map[string]bool{}
	for _, name := range cases {
		seen[name] = true
		cr := CaseResult{Name: name}
		e, ok := want[name]
		cr.Got, cr.Err = c.checkCase(filepath.Join(dir, name))
		switch {
		case cr.Err != nil:
			cr.Status = CaseUnreadable
		case !ok:
			cr.Status = CaseUnexpected
		default:
			cr.Want = e
			cr.Diffs = e.Diff(cr.Got)
			cr.Status = CasePass
			switch {
			case e.KnownGap != "" && len(cr.Diffs) == 0:
				cr.Status = CaseGapClosed
			case e.KnownGap != "":
				cr.Status = CaseKnownGap
			case len(cr.Diffs) > 0:
				cr.Status = CaseFail
			}
		}
		res.Cases = append(res.Cases, cr)
	}
	for _, e := range exps {
		if !seen[e.File] {
			res.Cases = append(res.Cases, CaseResult{Name: e.File, Status: CaseNoMail, Want: e})
		}
	}
	return res, nil
}

// setCases lists the cases of a set: its .eml files and its subfolders
// that hold .eml files, by name.
func setCases(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading mail set: %w", err)
	}
	var out []string
	for _, e := range entries {
		switch {
		case !e.IsDir() && isMail(e.Name()):
			out = append(out, e.Name())
		case e.IsDir():
			if files, err := threadFiles(filepath.Join(dir, e.Name())); err == nil && len(files) > 0 {
				out = append(out, e.Name())
			}
		}
	}
	return out, nil
}

func isMail(name string) bool { return strings.EqualFold(filepath.Ext(name), ".eml") }

// threadFiles lists the mails of a thread folder in name order.
func threadFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading thread: %w", err)
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() && isMail(e.Name()) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(out)
	return out, nil
}

// checkCase evaluates a mail, or a thread folder's mails in order: each
// with the earlier ones that count for a case (not the ignored or
// quarantined ones) as its history. The result is the last mail's.
func (c *Config) checkCase(path string) (*Checked, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if !st.IsDir() {
		return c.CheckFile(path)
	}
	files, err := threadFiles(path)
	if err != nil {
		return nil, err
	}
	var history []*rules.Message
	var last *Checked
	for _, f := range files {
		msg, err := c.readMail(f)
		if err != nil {
			return nil, err
		}
		d := c.Rules.Evaluate(append(slices.Clip(history), msg))
		last = &Checked{File: filepath.Base(path), MessageID: msg.MessageID, From: msg.From, Decision: d, msg: msg}
		switch d.Action {
		case rules.ActionRequest, rules.ActionAsk, rules.ActionForward:
			history = append(history, msg)
		}
	}
	return last, nil
}

// Diff compares a decision with the expectation, one line per field that
// differs. Notes need only include the expected ids; a reason is compared
// when one is expected.
func (e Expectation) Diff(got *Checked) []string {
	var out []string
	diff := func(field string, g, w any) {
		out = append(out, fmt.Sprintf("%-9s got %v, want %v", field+":", g, w))
	}
	if got.Action != e.Action {
		diff("action", got.Action, e.Action)
	}
	if got.Scenario != e.Scenario {
		diff("scenario", orDash(got.Scenario), orDash(e.Scenario))
	}
	if want := orEmpty(e.Missing); !slices.Equal(orEmpty(got.Missing), want) {
		diff("missing", orEmpty(got.Missing), want)
	}
	var lacking []string
	for _, n := range e.Notes {
		if !got.HasNote(n) {
			lacking = append(lacking, n)
		}
	}
	if len(lacking) > 0 {
		diff("notes", noteIDs(got.Notes), fmt.Sprintf("%v among them", lacking))
	}
	if e.Reason != "" && got.Reason != e.Reason {
		diff("reason", orDash(got.Reason), e.Reason)
	}
	return out
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// noteIDs returns the ids of notes, once each, in order.
func noteIDs(notes []string) []string {
	out := []string{}
	for _, n := range notes {
		if id := rules.NoteID(n); !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// ReadExpectations reads an expected.jsonl.
func ReadExpectations(path string) ([]Expectation, error) {
	return readExpectationsFS(os.DirFS(filepath.Dir(path)), filepath.Base(path))
}

func readExpectationsFS(fsys fs.FS, name string) ([]Expectation, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("reading expectations: %w", err)
	}
	defer f.Close()
	var out []Expectation
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var e Expectation
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return nil, fmt.Errorf("reading %s:%d: %w", name, n, err)
		}
		out = append(out, e)
	}
	return out, sc.Err()
}

// UpdateExpectations rewrites a set's expected.jsonl with what the rules
// give now, for a reviewed change: every case's line takes the current
// action, scenario, missing, notes and reason, and keeps its why; a known
// gap that is closed loses its known_gap, one that is still open is kept
// as it was; a mail without a line gets one, a line without its mail is
// dropped. It returns how many lines changed.
func UpdateExpectations(res *SetResult) (int, error) {
	var buf bytes.Buffer
	changed := 0
	for _, cr := range res.Cases {
		e := cr.Want
		switch cr.Status {
		case CaseNoMail:
			changed++
			continue
		case CaseUnreadable, CaseKnownGap:
		case CasePass:
		default:
			changed++
			g := cr.Got
			e = Expectation{File: cr.Name, Action: g.Action, Scenario: g.Scenario, Missing: orEmpty(g.Missing),
				Notes: noteIDs(g.Notes), Reason: g.Reason, Why: e.Why}
		}
		b, err := json.Marshal(e)
		if err != nil {
			return 0, fmt.Errorf("encoding expectation: %w", err)
		}
		buf.Write(b)
		buf.WriteByte('\n')
	}
	path := filepath.Join(res.Dir, ExpectedFile)
	if changed == 0 {
		return 0, nil
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return 0, fmt.Errorf("writing expectations: %w", err)
	}
	return changed, nil
}

// WriteTestReport writes the results of mail sets as a person reads them:
// a block per case that is not as expected, with a line per field that
// differs, then a line per set and the summary. It returns whether every
// case passed (known gaps included).
func WriteTestReport(w io.Writer, sets []*SetResult) bool {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	total := map[string]int{}
	ok := true
	for _, s := range sets {
		n := map[string]int{}
		for _, cr := range s.Cases {
			n[cr.Status]++
			total[cr.Status]++
			if cr.Status == CaseKnownGap {
				p("GAP  %s: %s\n", filepath.Join(s.Dir, cr.Name), cr.Want.KnownGap)
			}
			if cr.Status == CasePass || cr.Status == CaseKnownGap {
				continue
			}
			p("FAIL %s: %s\n", filepath.Join(s.Dir, cr.Name), caseProblem(cr))
			for _, d := range cr.Diffs {
				p("    %s\n", d)
			}
			if cr.Got != nil && cr.Status == CaseFail {
				for _, why := range cr.Got.Why {
					p("    why:      %s\n", why)
				}
				writeScoring(w, "    scores:   ", "              ", cr.Got.Scoring)
			}
			if cr.Want.Why != "" && cr.Status == CaseFail {
				p("    the mail: %s\n", cr.Want.Why)
			}
		}
		if s.Failed() {
			ok = false
		}
		p("%s: %s\n", s.Dir, counts(len(s.Cases), n))
	}
	if len(sets) > 1 {
		cases := 0
		for _, s := range sets {
			cases += len(s.Cases)
		}
		p("%d sets: %s\n", len(sets), counts(cases, total))
	}
	if ok {
		p("PASS\n")
	} else {
		p("FAILED\n")
	}
	return ok
}

func caseProblem(cr CaseResult) string {
	switch cr.Status {
	case CaseFail:
		return "not as expected"
	case CaseGapClosed:
		return fmt.Sprintf("now as expected: the known gap %q is closed (hint: remove known_gap from its line)", cr.Want.KnownGap)
	case CaseUnexpected:
		return fmt.Sprintf("no line in %s (hint: --update adds one with the current decision: %s %s)", ExpectedFile, cr.Got.Action, orDash(cr.Got.Scenario))
	case CaseNoMail:
		return fmt.Sprintf("%s names it, but there is no such mail or thread folder", ExpectedFile)
	case CaseUnreadable:
		return cr.Err.Error()
	}
	return cr.Status
}

func counts(cases int, n map[string]int) string {
	s := fmt.Sprintf("%d cases, %d passed", cases, n[CasePass])
	if k := n[CaseKnownGap]; k > 0 {
		s += fmt.Sprintf(", %d known gaps", k)
	}
	if bad := cases - n[CasePass] - n[CaseKnownGap]; bad > 0 {
		s += fmt.Sprintf(", %d failed", bad)
	}
	return s
}
