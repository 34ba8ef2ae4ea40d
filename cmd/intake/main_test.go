package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunCommands runs the commands of README.md as a user types them (from
// this folder, so that the built-in config is used).
func TestRunCommands(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		want     []string // in stdout, or stderr for failures
	}{
		{"check json", []string{"check", "--json", "../../testdata/mail"}, 0, []string{`"file":"01-recovery-complete-zh.eml"`, `"action":"forward"`}},
		{"check text", []string{"check", "../../testdata/mail/05-hardware-change-letter-docx-zh.eml"}, 0,
			[]string{"action:   request_materials", "✗ commitment_letter", "letter_not_stamped"}},
		{"check-config shipped", []string{"check-config", "../../config.yaml"}, 0, []string{"config.yaml: ok"}},
		{"check-config built in", []string{"check-config"}, 0, []string{"config.yaml: ok"}},
		{"check-config bad", []string{"check-config", "../../testdata/config/bad-typo.yaml"}, 1, []string{`bad-typo.yaml:26: unknown key "lables"`}},
		{"check with bad config", []string{"check", "--config", "../../testdata/config/bad-regex.yaml", "../../testdata/mail"}, 2, []string{"bad-regex.yaml:29"}},
		{"check missing file", []string{"check", "nothing-here.eml"}, 2, []string{"nothing-here.eml"}},
		{"demo", []string{"demo", "--out", filepath.Join(t.TempDir(), "sent")}, 0, []string{"As expected", "Mail sent (25)"}},
		{"unknown", []string{"frobnicate"}, 2, []string{`unknown command "frobnicate"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.wantCode {
				t.Fatalf("intake %s = exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(tt.args, " "), code, tt.wantCode, stdout.String(), stderr.String())
			}
			got := stdout.String() + stderr.String()
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("intake %s output lacks %q:\n%s", strings.Join(tt.args, " "), w, got)
				}
			}
		})
	}
}

// TestCheckJSONLines: one valid JSON object per mail per line.
func TestCheckJSONLines(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", "--json", "../../testdata/mail"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	emls, _ := filepath.Glob("../../testdata/mail/*.eml")
	if len(lines) != len(emls) {
		t.Fatalf("%d lines for %d mails", len(lines), len(emls))
	}
	for _, l := range lines {
		var v map[string]any
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Errorf("line %q: %v", l, err)
		}
	}
}
