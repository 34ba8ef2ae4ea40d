package intake

import (
	"errors"
	"intake/intake/message"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadConfigShipped(t *testing.T) {
	cfg := shippedConfig(t)
	if got := len(cfg.Rules.Scenarios); got != 3 {
		t.Errorf("shipped config has %d scenarios, want 3", got)
	}
	if cfg.Mailbox.Folders.Failed != "Intake/Failed" {
		t.Errorf("Mailbox.Folders.Failed = %q", cfg.Mailbox.Folders.Failed)
	}
	if !cfg.Rules.Material("commitment_letter").Hint.IsSet() {
		t.Error("commitment_letter has no hint")
	}
}

func TestLoadConfigMinimal(t *testing.T) {
	cfg, err := LoadConfig("../testdata/config/minimal.yaml")
	if err != nil {
		t.Fatalf("LoadConfig(minimal.yaml): %v", err)
	}
	if cfg.Limits != message.DefaultLimits() {
		t.Errorf("limits left out = %+v, want the defaults", cfg.Limits)
	}
	if cfg.Schedule == "" || cfg.Cases.Prefix != "LX" {
		t.Errorf("defaults not set: schedule %q prefix %q", cfg.Schedule, cfg.Cases.Prefix)
	}
}

// TestLoadConfigBad holds every bad config to the exact problems it has:
// one line each, with file:line and, where one helps, a hint.
func TestLoadConfigBad(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"bad-typo.yaml", []string{
			`bad-typo.yaml:26: unknown key "lables" (hint: known keys here: also, id, inline, labels`,
			`bad-typo.yaml:36: material "invoice": unknown kind "atachment" (hint: field or attachment)`,
		}},
		{"bad-unknown-material.yaml", []string{
			`bad-unknown-material.yaml:43: scenario "refund": unknown material "receipt" (hint: materials are defined under rules.materials: order, invoice)`,
		}},
		{"bad-regex.yaml", []string{
			`bad-regex.yaml:29: bad pattern: missing closing ) in "invoice(" (hint:`,
			`bad-regex.yaml:42: bad pattern: missing closing ]`,
		}},
		{"bad-template.yaml", []string{
			`bad-template.yaml:17: replies.ask.body: template fails on sample data: `,
			`can't evaluate field Nope`,
			`bad-template.yaml:20: replies.closed.body: bad template: `,
		}},
		{"bad-refs.yaml", []string{
			`bad-refs.yaml:7: mailbox: port 99999 out of range`,
			`bad-refs.yaml:15: undefined scenario "refnud" used in route all`,
		}},
		{"bad-plain.yaml", []string{
			`bad-plain.yaml:5: mailbox: security plain would send the credentials and the mail unencrypted to imap.example.com; it is for a server on loopback only (hint: tls or starttls)`,
			`bad-plain.yaml:10: security plain with auth plain would send the credentials unencrypted to smtp.example.com (hint:`,
		}},
		{"bad-oauth.yaml", []string{
			`bad-oauth.yaml:6: mailbox: flow client_credentials needs your tenant (hint: tenant: contoso.onmicrosoft.com or its id)`,
			`bad-oauth.yaml:11: auth xoauth2 needs an oauth block or a fixed token (hint: oauth:`,
			`bad-oauth.yaml:18: unknown log format yaml (hint: text or json)`,
		}},
		{"bad-limits.yaml", []string{
			`bad-limits.yaml:16: cases.limits.loop_refs 2 would take a customer's ordinary thread for a loop (hint: 3 or more; 8 by default)`,
		}},
		{"bad-syntax.yaml", []string{`bad-syntax.yaml:`, `(hint: check the indentation`}},
		{"bad-mailboxes.yaml", []string{
			`bad-mailboxes.yaml:47: unknown key "host" (hint: known keys here: imap, name, routes, rules, scenarios; host goes under imap:, whose keys are those of mailbox: auth, ca_file,`,
			`bad-mailboxes-rules.yaml:14: mailbox apac: bad pattern: missing closing ) in "refund("`,
		}},
		// A note id with no text would silently vanish from replies.
		{"bad-notes.yaml", []string{
			`bad-notes.yaml:36: note "invoice_not_scanned" has no text under replies.notes`,
			`bad-notes.yaml:55: note "refund_twice" has no text under replies.notes, so replies would leave it out (hint: add refund_twice: {zh: …, en: …} under replies.notes, or use one of its ids: late_refund)`,
			`bad-notes.yaml:27: note "late_refund" has no en text`,
			`bad-notes.yaml:24: templates for scenario "refnud", which rules.scenarios does not define (hint: the keys here are scenario ids: refund)`,
		}},
		// A repeated key is the only problem: yaml decodes nothing past it,
		// and the empty rest must not read as missing templates.
		{"bad-duplicate.yaml", []string{
			`bad-duplicate.yaml:18: replies: given twice, first at line 13 (hint: a key stands once in its place; keep one, or merge the two into the first)`,
		}},
		// A template's mistake is at its own line, not the body: line.
		{"bad-template-line.yaml", []string{
			`bad-template-line.yaml:23: replies.request.body: bad template: bad character U+007D '}'`,
			`bad-template-line.yaml:32: replies.closed.body: template fails on sample data: <.Dyas>: can't evaluate field Dyas in this mail's data`,
		}},
		// Type slips in plain words, and the hint to quote a value with ": ".
		{"bad-types.yaml", []string{
			`bad-types.yaml:24: rules.subject_weight: "two" is not a whole number`,
			`bad-types.yaml:26: rules.not_request[0]: a set of key: value pairs is not a single value (hint: a value holding ': ' is read as a key and a value; put it in quotes`,
			`bad-types.yaml:36: rules.materials[0].name: "Order n..." is not a text in both languages (hint: {zh: …, en: …})`,
			`bad-types.yaml:42: unknown key "Invoice" (hint: known keys here: en, zh; a text holding ': ' must be quoted`,
		}},
	}
	// The files whose wanted problems are all they may have.
	only := map[string]bool{"bad-duplicate.yaml": true, "bad-mailboxes.yaml": true}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, err := LoadConfig(filepath.Join("../testdata/config", tt.file))
			var ce *ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("LoadConfig(%s) = %v, want a ConfigError", tt.file, err)
			}
			all := strings.Join(ce.Problems, "\n")
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("LoadConfig(%s) problems:\n%s\nwant one containing %q", tt.file, all, w)
				}
			}
			if only[tt.file] && len(ce.Problems) != len(tt.want) {
				t.Errorf("LoadConfig(%s) gave %d problems, want only %d:\n%s", tt.file, len(ce.Problems), len(tt.want), all)
			}
			for _, p := range ce.Problems {
				if strings.Contains(p, "type ") || strings.Contains(p, "unmarshal") {
					t.Errorf("problem %q is in Go's words", p)
				}
				// A file the config names (a mailbox's rules) has its own.
				if !strings.HasPrefix(p, tt.file+":") && !strings.HasPrefix(p, strings.TrimSuffix(tt.file, ".yaml")+"-") {
					t.Errorf("problem %q does not start with %s:LINE", p, tt.file)
				}
			}
		})
	}
}

// FuzzLoadConfig feeds arbitrary bytes to the config loader: it must return
// a config or a ConfigError, never panic.
func FuzzLoadConfig(f *testing.F) {
	// The small configs only: the fuzzer mutates them faster, and the
	// shipped config is loaded by the other tests.
	for _, p := range []string{"../testdata/config/minimal.yaml"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	files, _ := filepath.Glob("../testdata/config/bad-*.yaml")
	for _, p := range files {
		b, _ := os.ReadFile(p)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := ParseConfig("fuzz.yaml", data, os.DirFS(".."))
		if err == nil && cfg == nil {
			t.Fatal("ParseConfig returned neither config nor error")
		}
		var ce *ConfigError
		if err != nil && !errors.As(err, &ce) {
			t.Fatalf("ParseConfig error %T is not a ConfigError: %v", err, err)
		}
	})
}
