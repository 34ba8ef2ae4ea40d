package intake

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDemo runs `intake demo` as a newcomer would and holds its report to
// what the seeded mail should produce.
func TestDemo(t *testing.T) {
	var out bytes.Buffer
	dir := t.TempDir()
	ok, err := RunDemo(context.Background(), DemoOptions{Config: shippedConfig(t), Mail: os.DirFS("../testdata/mail"),
		OutDir: dir, Out: &out, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatalf("RunDemo: %v\n%s", err, out.String())
	}
	report := out.String()
	if !ok {
		t.Fatalf("RunDemo reported a problem:\n%s", report)
	}
	for _, want := range []string{
		"01-recovery-complete-zh.eml                forward recovery",
		"04-hardware-change-missing-fields-en.eml   request_materials hardware_change",
		"missing: agent_engineer, agent_phone, auth_code",
		"12-ask-scenario-zh.eml                     ask_scenario",
		"16-ignore-bounce.eml                       ignore (bounce)",
		"quarantine (too_deep)",
		"Round 2: a customer answers the reply",
		"Cases (14)",
		"Mail sent (25)",
		"asks for: commitment_letter; attached: appendix-1-commitment-letter.docx",
		"files: 老服务器License.lic, 新服务器主机信息文件.txt, 承诺书(盖章).pdf; originals: 1",
		"As expected: 21 mails decided",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("demo report lacks %q:\n%s", want, report)
		}
	}
	// The round-2 forward completes a waiting case, with both originals.
	if !strings.Contains(report, "forward recovery") || strings.Count(report, "originals: 2") != 1 {
		t.Errorf("demo report does not show the follow-up forward with 2 originals:\n%s", report)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
	if len(files) != 25 {
		t.Errorf("--out wrote %d .eml files, want 25", len(files))
	}
	for _, f := range files {
		raw, _ := os.ReadFile(f)
		msg, err := Parse(bytes.NewReader(raw), Limits{})
		if err != nil || msg.Problem != "" || msg.MessageID == "" {
			t.Errorf("%s does not read back as mail: %v %s", filepath.Base(f), err, msg.Problem)
		}
	}
}
