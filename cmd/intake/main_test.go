package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"intake/intake"
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
			[]string{"action:   request_materials", "✗ commitment_letter", "letter_not_stamped",
				"scores:   in the new text: hardware_change 10: no other scenario scored (margin 10)\n",
				`hardware_change 10 = subject "硬件变更" 3×2 + text "硬件更换" 3 + text "新服务器" 1`}},
		{"check-config shipped", []string{"check-config", "../../config.yaml"}, 0, []string{"config.yaml: ok"}},
		{"check-config built in", []string{"check-config"}, 0, []string{"config.yaml: ok"}},
		{"check-config bad", []string{"check-config", "../../testdata/config/bad-typo.yaml"}, 1, []string{`bad-typo.yaml:26: unknown key "lables"`}},
		{"check with bad config", []string{"check", "--config", "../../testdata/config/bad-regex.yaml", "../../testdata/mail"}, 2, []string{"bad-regex.yaml:29"}},
		{"check missing file", []string{"check", "nothing-here.eml"}, 2, []string{"nothing-here.eml"}},
		{"demo", []string{"demo", "--out", filepath.Join(t.TempDir(), "sent")}, 0, []string{"As expected", "Mail sent (25)"}},
		{"test corpus", []string{"test", "../../testdata/mail", "../../testdata/blind"}, 0,
			[]string{"../../testdata/mail: 19 cases, 19 passed\n", "GAP  ../../testdata/blind/44-", "2 sets: 68 cases, 67 passed, 1 known gaps\nPASS\n"}},
		{"test failing", []string{"test", wrongSet(t)}, 1, []string{"action:   got forward, want ask_scenario", "1 cases, 0 passed, 1 failed\nFAILED"}},
		{"test bad config", []string{"test", "--config", "../../testdata/config/bad-regex.yaml", "../../testdata/mail"}, 2, []string{"bad-regex.yaml:29"}},
		{"test no set", []string{"test", "../../testdata/config"}, 2, []string{"expected.jsonl"}},
		{"check mail request", []string{"check", "--mail", "../../testdata/mail/05-hardware-change-letter-docx-zh.eml"}, 0, []string{
			"--- request: the reply asking for what is missing\nFrom: \"License Intake\" <intake@example.test>\nTo: <zhaomin@xinghai-sys.example>\nSubject: Re: [LX-",
			"Auto-Submitted: auto-replied\n", "Attachment: appendix-1-commitment-letter.docx (application/vnd.openxmlformats-officedocument.wordprocessingml.document, ",
			"1. 客户单位盖章的《H3C业务软件License例外申请及承诺书》", "- The letter you sent is a Word file"}},
		{"check mail forward", []string{"check", "--mail", "../../testdata/mail/03-hardware-change-complete-zh.eml"}, 0, []string{
			"--- forward: the case as the engineers get it\n", "To: <license-engineers@example.test>\nReply-To: 王磊 <wanglei@hengwang-tech.example>",
			"Attachment: 老服务器License.lic (application/octet-stream, 628 bytes)", "Attachment: the original mail \"License硬件变更申请 - 杭州市滨江区人民医院\"",
			"--- forwarded: the acknowledgement: complete, forwarded\n"}},
		{"check mail ignored", []string{"check", "--mail", "../../testdata/mail/15-ignore-out-of-office-zh.eml"}, 0, []string{"(no mail would be sent)"}},
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

// TestCheckMailOut: --out writes the mail a check would cause as .eml
// files a mail client opens, one per mail.
func TestCheckMailOut(t *testing.T) {
	out := filepath.Join(t.TempDir(), "mail")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", "--out", out, "../../testdata/mail/03-hardware-change-complete-zh.eml", "../../testdata/mail/02-recovery-missing-auth-code-en.eml"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, name := range []string{"03-hardware-change-complete-zh-forward.eml", "03-hardware-change-complete-zh-forwarded.eml", "02-recovery-missing-auth-code-en-request.eml"} {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Errorf("check --out wrote no %s: %v", name, err)
			continue
		}
		if !bytes.Contains(b, []byte("\r\nX-Intake-Case: LX-")) {
			t.Errorf("%s is not the composed mail:\n%.400s", name, b)
		}
	}
	if entries, _ := os.ReadDir(out); len(entries) != 3 {
		t.Errorf("check --out wrote %d files, want 3", len(entries))
	}
}

// wrongSet is a mail set whose one mail is expected to be something else.
func wrongSet(t *testing.T) string {
	dir := t.TempDir()
	b, err := os.ReadFile("../../testdata/mail/01-recovery-complete-zh.eml")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "a.eml"), b, 0o644)
	os.WriteFile(filepath.Join(dir, "expected.jsonl"), []byte(`{"file":"a.eml","action":"ask_scenario","scenario":"recovery","missing":[]}`+"\n"), 0o644)
	return dir
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

// tempStore writes the shipped config with a data directory of the test's
// own, and opens its store.
func tempStore(t *testing.T) (string, *intake.Store) {
	t.Helper()
	dir := t.TempDir()
	cfg, err := os.ReadFile("../../config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "config.yaml")
	cfg = bytes.Replace(cfg, []byte("data_dir: ./intake-data"), []byte("data_dir: "+filepath.Join(dir, "data")), 1)
	if err := os.WriteFile(path, cfg, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("INTAKE_SMTP_PASSWORD", "unused")
	t.Setenv("INTAKE_IMAP_PASSWORD", "unused")
	st, err := intake.OpenStore(filepath.Join(dir, "data"), nil)
	if err != nil {
		t.Fatal(err)
	}
	return path, st
}

// TestFailedCommands: `intake failed` reads the store while nothing failed,
// and `intake reprocess --mail` names a mail that is not in the failed
// folder as such.
func TestFailedCommands(t *testing.T) {
	path, st := tempStore(t)
	st.Close()
	for _, tt := range []struct {
		args     []string
		wantCode int
		want     string
	}{
		{[]string{"failed", "--config", path}, 0, "no failed mail"},
		{[]string{"reprocess", "--config", path, "--mail", "7"}, 1, "mail #7: no such mail in the failed folder"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(tt.args, &stdout, &stderr)
		if got := stdout.String() + stderr.String(); code != tt.wantCode || !strings.Contains(got, tt.want) {
			t.Errorf("intake %s = exit %d, %q; want exit %d with %q", strings.Join(tt.args, " "), code, got, tt.wantCode, tt.want)
		}
	}
}

// TestCheckAsMailbox: `check --mailbox NAME` decides by that mailbox's
// scenario subset; an unknown name is refused with the names there are.
func TestCheckAsMailbox(t *testing.T) {
	shipped, err := os.ReadFile("../../config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(t.TempDir(), "config.yaml")
	more := "\nmailboxes:\n  - {name: emea, imap: {host: imap.example.com, username: emea@example.com, password: pw}, scenarios: [hardware_change, unbind]}\n"
	if err := os.WriteFile(config, append(shipped, more...), 0o644); err != nil {
		t.Fatal(err)
	}
	mail := "../../testdata/mail/02-recovery-missing-auth-code-en.eml"
	for _, tc := range []struct {
		args     []string
		wantCode int
		want     string
	}{
		{[]string{"check", "--config", config, "--json", mail}, 0, `"action":"request_materials"`},
		{[]string{"check", "--config", config, "--mailbox", "emea", "--json", mail}, 0, `"action":"ask_scenario"`},
		{[]string{"check", "--config", config, "--mailbox", "apac", mail}, 2, `no mailbox "apac" under mailboxes: (hint: one of emea)`},
		{[]string{"test", "--config", config, "--mailbox", "apac", "../../testdata/mail"}, 2, `no mailbox "apac"`},
	} {
		var stdout, stderr bytes.Buffer
		code := run(tc.args, &stdout, &stderr)
		if code != tc.wantCode || !strings.Contains(stdout.String()+stderr.String(), tc.want) {
			t.Errorf("%v: exit %d, output %s%s; want exit %d and %q", tc.args, code, stdout.String(), stderr.String(), tc.wantCode, tc.want)
		}
	}
}

// TestReleaseCommand: `intake release` lists each kept mail with its case,
// sender and why, and --case and --sender release only theirs.
func TestReleaseCommand(t *testing.T) {
	path, st := tempStore(t)
	now := time.Now()
	sum, size, err := st.PutMail(func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err })
	if err != nil {
		t.Fatal(err)
	}
	for i, k := range []struct{ caseID, from, why string }{
		{"LX-20261130-0001", "a@hospital.example", "6 cases of a@hospital.example forwarded within 24h (cases.limits.forwards_per_sender 5)"},
		{"LX-20261130-0002", "b@clinic.example", "10 mails to the engineers about case LX-20261130-0002 within 24h (cases.limits.forwards_per_case 10)"},
		{"LX-20261130-0003", "b@clinic.example", "11 mails to the engineers about case LX-20261130-0003 within 24h (cases.limits.forwards_per_case 10)"},
	} {
		rec := &intake.Record{
			Case:    &intake.Case{ID: k.caseID, State: intake.StateForwarded, Customer: k.from, CreatedAt: now, UpdatedAt: now},
			NewCase: true,
			Message: intake.MessageRow{Mailbox: "INBOX", UIDValidity: 1, UID: uint32(i + 1), MessageID: fmt.Sprintf("m%d@x", i), From: k.from, CaseID: k.caseID, ReceivedAt: now},
			Mail: []*intake.Outgoing{{Kind: "forward", State: intake.OutboxKept, Why: k.why, MessageID: fmt.Sprintf("f%d@intake", i),
				EnvFrom: "intake@example.test", Recipients: []string{"engineers@example.test"}, Subject: "[" + k.caseID + "] request", File: sum, Size: size}},
		}
		if _, err := st.Commit(rec, now); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"release"}, []string{"3 mail kept unsent", "case LX-20261130-0001  from a@hospital.example", "kept: 6 cases of a@hospital.example forwarded", "kept: 11 mails to the engineers about case LX-20261130-0003"}},
		{[]string{"release", "--case", "LX-20261130-0003"}, []string{"1 mail released"}},
		{[]string{"release", "--sender", "B@clinic.example"}, []string{"1 mail released"}},
		{[]string{"release"}, []string{"1 mail kept unsent", "LX-20261130-0001"}},
	} {
		var stdout, stderr bytes.Buffer
		code := run(append(tt.args, "--config", path), &stdout, &stderr)
		for _, w := range tt.want {
			if code != 0 || !strings.Contains(stdout.String(), w) {
				t.Errorf("intake %s = exit %d, %q %q; want %q", strings.Join(tt.args, " "), code, stdout.String(), stderr.String(), w)
			}
		}
	}
}
