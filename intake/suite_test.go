package intake

import (
	"bytes"
	"flag"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// followUp answers 02-recovery-missing-auth-code-en.eml with the code it
// lacked, and nothing else.
const followUp = "From: Daniel Brooks <d.brooks@example.com>\r\nTo: intake@example.test\r\n" +
	"Subject: Re: Lost license activation file for iMC - please help recover\r\n" +
	"Message-ID: <follow-up-1@example.com>\r\nIn-Reply-To: <8c1f2e0a-3b57-4d9e-a1c4-6f2b7d90e513@example.com>\r\n" +
	"Content-Type: text/plain; charset=UTF-8\r\n\r\nHello,\r\n\r\nAuth code: IMC-HPU-4471-AC2E\r\n\r\nDaniel\r\n"

// writeSet makes a mail set of corpus mails, a thread and an expected.jsonl.
func writeSet(t *testing.T, expected string) string {
	t.Helper()
	dir := t.TempDir()
	copyMail := func(from, to string) {
		b, err := os.ReadFile(filepath.Join("../testdata/mail", from))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, to)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, to), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyMail("01-recovery-complete-zh.eml", "a-pass.eml")
	copyMail("02-recovery-missing-auth-code-en.eml", "b-fail.eml")
	copyMail("15-ignore-out-of-office-zh.eml", "c-no-line.eml")
	copyMail("02-recovery-missing-auth-code-en.eml", "d-gap.eml")
	copyMail("12-ask-scenario-zh.eml", "e-gap-closed.eml")
	copyMail("02-recovery-missing-auth-code-en.eml", "thread/1-request.eml")
	if err := os.WriteFile(filepath.Join(dir, "thread", "2-code.eml"), []byte(followUp), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ExpectedFile), []byte(expected), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

const setExpected = `{"file": "a-pass.eml", "action": "forward", "scenario": "recovery", "missing": [], "notes": []}
{"file": "b-fail.eml", "action": "forward", "scenario": "recovery", "missing": [], "notes": ["roles_assumed"], "why": "the test wants it wrong"}
{"file": "d-gap.eml", "action": "forward", "scenario": "recovery", "missing": [], "known_gap": "pretend the code is read"}
{"file": "e-gap-closed.eml", "action": "ask_scenario", "scenario": "", "missing": [], "known_gap": "pretend it was a gap"}
{"file": "gone.eml", "action": "ignore", "scenario": "", "missing": [], "reason": "bounce"}
{"file": "thread", "action": "forward", "scenario": "recovery", "missing": [], "notes": [], "why": "the follow-up gives the code"}
`

// TestTestSet runs a mail set with every kind of case through the code of
// `intake test`: what passes, what differs (with a line per field), a mail
// without a line, a line without a mail, a known gap still open and one
// closed, and a thread whose follow-up completes it.
func TestTestSet(t *testing.T) {
	cfg := shippedConfig(t)
	dir := writeSet(t, setExpected)
	res, err := cfg.TestSet(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a-pass.eml": CasePass, "b-fail.eml": CaseFail, "c-no-line.eml": CaseUnexpected,
		"d-gap.eml": CaseKnownGap, "e-gap-closed.eml": CaseGapClosed, "gone.eml": CaseNoMail, "thread": CasePass}
	if len(res.Cases) != len(want) {
		t.Errorf("TestSet gave %d cases, want %d", len(res.Cases), len(want))
	}
	for _, cr := range res.Cases {
		if cr.Status != want[cr.Name] {
			t.Errorf("TestSet case %s = %s %v, want %s", cr.Name, cr.Status, cr.Diffs, want[cr.Name])
		}
		if cr.Name == "b-fail.eml" {
			wantDiffs := []string{"action:   got request_materials, want forward", "missing:  got [auth_code], want []",
				"notes:    got [], want [roles_assumed] among them"}
			if strings.Join(cr.Diffs, "\n") != strings.Join(wantDiffs, "\n") {
				t.Errorf("TestSet case b-fail.eml diffs:\n%s\nwant:\n%s", strings.Join(cr.Diffs, "\n"), strings.Join(wantDiffs, "\n"))
			}
		}
	}
	if !res.Failed() {
		t.Error("Failed() = false for a set with failures")
	}
	var out bytes.Buffer
	if WriteTestReport(&out, []*SetResult{res}) {
		t.Error("WriteTestReport = true for a set with failures")
	}
	for _, w := range []string{
		"FAIL " + filepath.Join(dir, "b-fail.eml") + ": not as expected\n    action:   got request_materials, want forward\n",
		"the mail: the test wants it wrong",
		"c-no-line.eml: no line in expected.jsonl (hint: --update adds one with the current decision: ignore -)",
		`e-gap-closed.eml: now as expected: the known gap "pretend it was a gap" is closed (hint: remove known_gap from its line)`,
		"gone.eml: expected.jsonl names it, but there is no such mail or thread folder",
		": 7 cases, 2 passed, 1 known gaps, 4 failed\nFAILED\n",
	} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("WriteTestReport lacks %q:\n%s", w, out.String())
		}
	}
}

// TestTestSetThreadAlone: the follow-up of the thread, on its own, is not
// a recovery request at all; in its thread it completes the case.
func TestTestSetThreadAlone(t *testing.T) {
	cfg := shippedConfig(t)
	dir := writeSet(t, setExpected)
	alone, err := cfg.CheckFile(filepath.Join(dir, "thread", "2-code.eml"))
	if err != nil {
		t.Fatal(err)
	}
	if alone.Action == "forward" {
		t.Fatalf("the follow-up alone is already forwarded (%v): the thread test would prove nothing", alone.Why)
	}
}

// TestUpdateExpectations rewrites expected.jsonl from the current results:
// afterwards the same set passes, the still-open known gap is kept as it
// was and every why survives.
func TestUpdateExpectations(t *testing.T) {
	cfg := shippedConfig(t)
	dir := writeSet(t, setExpected)
	res, err := cfg.TestSet(dir)
	if err != nil {
		t.Fatal(err)
	}
	n, err := UpdateExpectations(res)
	if err != nil {
		t.Fatal(err)
	}
	if n != 4 {
		t.Errorf("UpdateExpectations changed %d lines, want 4 (fail, no line, gap closed, no mail)", n)
	}
	again, err := cfg.TestSet(dir)
	if err != nil {
		t.Fatal(err)
	}
	if again.Failed() {
		var out bytes.Buffer
		WriteTestReport(&out, []*SetResult{again})
		t.Fatalf("after --update the set still fails:\n%s", out.String())
	}
	exps, err := ReadExpectations(filepath.Join(dir, ExpectedFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range exps {
		switch e.File {
		case "b-fail.eml":
			if e.Why != "the test wants it wrong" || e.Action != "request_materials" {
				t.Errorf("updated line %+v, want the current action and the old why", e)
			}
		case "d-gap.eml":
			if e.KnownGap != "pretend the code is read" || e.Action != "forward" {
				t.Errorf("updated line %+v, want the open known gap kept as it was", e)
			}
		case "e-gap-closed.eml":
			if e.KnownGap != "" {
				t.Errorf("updated line %+v still has its closed known gap", e)
			}
		case "gone.eml":
			t.Errorf("the line of a mail that is not there was kept")
		}
	}
}

// TestTuningExample runs the example of README.md "Tuning the rules": the
// shipped config with a license-transfer scenario added, on its mail set.
// The first, broad cue of the walk-through takes a move to a new server for
// a transfer; the scores show by how much.
func TestTuningExample(t *testing.T) {
	cfg, err := LoadConfig(tuningConfig)
	if err != nil {
		t.Fatalf("LoadConfig(testdata/tuning/config.yaml): %v", err)
	}
	checkSet(t, cfg, "../testdata/tuning/mail")

	// The transfer's acknowledgement is the scenario's own template, with
	// the product; the forward goes to the route for transfers.
	pv, err := cfg.NewPreviewer(slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer pv.Close()
	mail, err := pv.Mail("../testdata/tuning/mail/01-transfer-complete-zh.eml")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	for _, o := range mail {
		if err := pv.WriteMail(&out, o); err != nil {
			t.Fatal(err)
		}
	}
	for _, w := range []string{"--- forward: the case as the engineers get it\nFrom: \"License Intake\" <intake@example.test>\nTo: <license-desk@example.test>",
		"Attachment: License转让协议(双方盖章).pdf (application/pdf, ",
		"--- forwarded:", "您的License转让申请（案例编号 LX-", "，产品 iMC）材料已齐全，已转交授权管理组处理",
		"Your license transfer (case LX-"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("the mail for 01-transfer-complete-zh.eml lacks %q:\n%s", w, out.String())
		}
	}
	// A shared template still serves the scenario's other mail.
	mail, err = pv.Mail("../testdata/tuning/mail/02-transfer-missing-letter-en.eml")
	if err != nil || len(mail) != 1 || mail[0].Kind != "request" || !strings.Contains(string(mustReadMail(t, pv.st, mail[0].File)), "Transfer of our iMC license") {
		t.Errorf("Mail(02-transfer-missing-letter-en.eml) = %d mails, %v; want the shared request reply", len(mail), err)
	}
}

var updateTuning = flag.Bool("update-tuning", false, "rewrite testdata/tuning/config.yaml from config.yaml and README.md")

// tuningConfig is the example of README.md "Tuning the rules".
const tuningConfig = "../testdata/tuning/config.yaml"

// TestTuningREADME holds README.md's walk-through to the example it
// describes: testdata/tuning/config.yaml must be the shipped config.yaml
// with every YAML block of "Tuning the rules" added where the block's
// fence says (```yaml rules.fields), as an admin who follows the README
// writes it. The first try of the walk-through takes the move to a new
// server for a transfer, as the README's output shows, and nothing else.
// Run with -update-tuning after a change of config.yaml.
func TestTuningREADME(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := os.ReadFile("../config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	blocks := readmeBlocks(t, string(readme))
	var final, first []yamlBlock
	for _, b := range blocks {
		if b.mode == "first-try" {
			b.mode = ""
			first = append(first, b)
			continue
		}
		final = append(final, b)
		if b.path != "rules.scenarios" {
			first = append(first, b)
		}
	}
	header := "# yaml-language-server: $schema=../../config.schema.json\n" +
		"# The example of README.md \"Tuning the rules\": the shipped config.yaml with the\n" +
		"# README's blocks added where it says. Made by TestTuningREADME (-update-tuning):\n" +
		"# edit the README, not this file.\n"
	got := header + addBlocks(t, dropFirstLine(string(shipped)), final)
	if *updateTuning {
		if err := os.WriteFile(tuningConfig, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(tuningConfig)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Fatalf("%s is not config.yaml with README.md's Tuning the rules added (hint: go test ./intake -run TestTuningREADME -update-tuning)", tuningConfig)
	}

	tried, err := ParseConfig("my.yaml", []byte(header+addBlocks(t, dropFirstLine(string(shipped)), first)), configDir("../testdata/tuning"))
	if err != nil {
		t.Fatalf("the README's first try does not load: %v", err)
	}
	res, err := tried.TestSet("../testdata/tuning/mail")
	if err != nil {
		t.Fatal(err)
	}
	for _, cr := range res.Cases {
		wantFail := cr.Name == "03-transfer-to-new-server-zh.eml"
		if (cr.Status == CaseFail) != wantFail || wantFail && cr.Got.Scenario != "license_transfer" {
			t.Errorf("with the README's first try, %s = %s %v, want a failure only for 03 (license_transfer)", cr.Name, cr.Status, cr.Diffs)
		}
	}
}

// yamlBlock is a YAML block of the README and where it goes: the path of
// the list or mapping it adds to, and how ("" at the end, "first",
// "before-last", or "first-try" for the walk-through's first attempt).
type yamlBlock struct {
	path, mode, text string
}

func readmeBlocks(t *testing.T, readme string) []yamlBlock {
	_, section, ok := strings.Cut(readme, "\n## Tuning the rules\n")
	if !ok {
		t.Fatal(`README.md has no section "Tuning the rules"`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	var out []yamlBlock
	for _, b := range strings.Split(section, "```yaml")[1:] {
		info, rest, _ := strings.Cut(b, "\n")
		text, _, _ := strings.Cut(rest, "```")
		f := strings.Fields(info)
		if len(f) == 0 {
			t.Fatalf("README block without its place (```yaml rules.fields):\n%s", text)
		}
		blk := yamlBlock{path: f[0], text: text}
		if len(f) > 1 {
			blk.mode = f[1]
		}
		out = append(out, blk)
	}
	if len(out) < 9 {
		t.Fatalf("README's Tuning the rules has %d YAML blocks, want the whole walk-through", len(out))
	}
	return out
}

func dropFirstLine(s string) string { _, rest, _ := strings.Cut(s, "\n"); return rest }

// addBlocks adds each block to the YAML text at its place, keeping the
// rest of the text as it is: at the end of the list or mapping (before the
// comments and blank lines that open the next key), before its first item,
// or before its last.
func addBlocks(t *testing.T, doc string, blocks []yamlBlock) string {
	for _, b := range blocks {
		var root yaml.Node
		if err := yaml.Unmarshal([]byte(doc), &root); err != nil {
			t.Fatal(err)
		}
		lines := strings.SplitAfter(doc, "\n")
		node, next := findPath(root.Content[0], strings.Split(b.path, "."), nil)
		if node == nil {
			t.Fatalf("README block for %s: no such place in config.yaml", b.path)
		}
		var at int // 0-based index of the line the block goes before
		switch b.mode {
		case "first":
			at = node.Content[0].Line - 1
		case "before-last":
			at = node.Content[len(node.Content)-1].Line - 1
		case "":
			at = len(lines)
			if next != nil {
				at = next.Line - 1
			}
			for at > 0 && (strings.TrimSpace(lines[at-1]) == "" || strings.HasPrefix(strings.TrimSpace(lines[at-1]), "#")) {
				at--
			}
		default:
			t.Fatalf("README block for %s: unknown place %q", b.path, b.mode)
		}
		doc = strings.Join(lines[:at], "") + b.text + strings.Join(lines[at:], "")
	}
	return doc
}

// findPath returns the value node at a path of mapping keys and the key
// that follows it in the document (nil at the end).
func findPath(n *yaml.Node, path []string, next *yaml.Node) (*yaml.Node, *yaml.Node) {
	if len(path) == 0 {
		return n, next
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value != path[0] {
			continue
		}
		after := next
		if i+2 < len(n.Content) {
			after = n.Content[i+2]
		}
		return findPath(n.Content[i+1], path[1:], after)
	}
	return nil, nil
}
