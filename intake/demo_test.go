package intake

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/smtp"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2/imapclient"

	"intake/intake/imapbox/imaptest"
	"intake/intake/message"
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
		msg, err := message.Parse(bytes.NewReader(raw), message.Limits{})
		if err != nil || msg.Problem != "" || msg.MessageID == "" {
			t.Errorf("%s does not read back as mail: %v %s", filepath.Base(f), err, msg.Problem)
		}
	}
}

// TestDemoServe follows the README's demo --serve path: a request sent to
// the demo's SMTP server is answered in the customer's IMAP inbox.
func TestDemoServe(t *testing.T) {
	out := &imaptest.LockedBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := RunDemo(ctx, DemoOptions{Config: shippedConfig(t), Mail: os.DirFS("../testdata/mail"), Serve: true,
			Out: out, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
		done <- err
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("RunDemo --serve: %v", err)
		}
	}()
	addrs := regexp.MustCompile(`IMAP  (127\.0\.0\.1:\d+) .*\n  SMTP  (127\.0\.0\.1:\d+)`)
	var m []string
	for deadline := time.Now().Add(30 * time.Second); m == nil && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		m = addrs.FindStringSubmatch(out.String())
	}
	if m == nil {
		t.Fatalf("demo --serve printed no addresses:\n%s", out.String())
	}
	msg := "From: Customer <customer@example.test>\r\nTo: intake@example.test\r\nSubject: License找回\r\nMessage-ID: <serve-1@example.test>\r\n" +
		"Content-Type: text/plain; charset=utf-8\r\n\r\n激活文件丢失，申请找回。\r\n客户局点名称：示例中心\r\n"
	if err := smtp.SendMail(m[2], nil, "customer@example.test", []string{"intake@example.test"}, []byte(msg)); err != nil {
		t.Fatalf("sending to the demo: %v", err)
	}
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(500 * time.Millisecond) {
		c, err := imapclient.DialInsecure(m[1], nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Login("customer@example.test", DemoPassword).Wait(); err != nil {
			t.Fatal(err)
		}
		sel, err := c.Select("INBOX", nil).Wait()
		c.Close()
		if err != nil {
			t.Fatal(err)
		}
		if sel.NumMessages > 0 {
			return // answered
		}
	}
	t.Fatalf("no reply in the customer's inbox within 20s:\n%s", out.String())
}

// TestDemoOutFollowsNoSymlink: demo --out writes no file through a symbolic
// link, neither the folder named nor a file in it.
func TestDemoOutFollowsNoSymlink(t *testing.T) {
	run := func(dir string) error {
		_, err := RunDemo(context.Background(), DemoOptions{Config: shippedConfig(t), Mail: os.DirFS("../testdata/mail"),
			OutDir: dir, Out: io.Discard, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
		return err
	}
	first := t.TempDir()
	if err := run(first); err != nil {
		t.Fatal(err)
	}
	names, _ := filepath.Glob(filepath.Join(first, "*.eml"))
	victim := filepath.Join(t.TempDir(), "victim")
	if err := os.WriteFile(victim, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	linked := t.TempDir()
	for _, n := range names {
		if err := os.Symlink(victim, filepath.Join(linked, filepath.Base(n))); err != nil {
			t.Fatal(err)
		}
	}
	if err := run(linked); err == nil {
		t.Error("demo --out over symbolic links = nil error")
	}
	dirLink := filepath.Join(t.TempDir(), "out")
	if err := os.Symlink(t.TempDir(), dirLink); err != nil {
		t.Fatal(err)
	}
	if err := run(dirLink); err == nil {
		t.Error("demo --out to a symbolic link = nil error")
	}
	if b, _ := os.ReadFile(victim); string(b) != "keep me" {
		t.Errorf("the link's target now holds %q", b)
	}
}
