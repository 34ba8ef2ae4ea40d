//go:build e2e

package intake_test

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// syncBuffer is a bytes.Buffer a running process may write to while the
// test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestE2EIdle: with mailbox.idle and an hourly schedule, `intake run` takes
// a new mail out of Dovecot's INBOX within 2 seconds, and again after
// `doveadm kick` dropped its connections.
func TestE2EIdle(t *testing.T) {
	imapAddr, smtpAddr := mailStack(t)
	conf := dovecotConf(t)
	resetAll(t, imapAddr)
	cfg := e2eConfig(t, imapAddr, smtpAddr)
	editE2EConfig(t, cfg, func(root *yaml.Node) {
		setYAML(t, root, []string{"schedule"}, "@every 1h")
		addMailboxKey(root, "idle", &yaml.Node{Kind: yaml.ScalarNode, Value: "true"})
	})

	var logs syncBuffer
	cmd, done := startIntakeRun(t, cfg, &logs)
	waitLog := func(what string, n int) {
		t.Helper()
		deadline := time.Now().Add(e2eTimeout)
		for strings.Count(logs.String(), what) < n {
			if time.Now().After(deadline) {
				t.Fatalf("log has %q fewer than %d times:\n%s", what, n, logs.String())
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	// pickedUp appends a mail to the INBOX and returns how long it took
	// intake to file it.
	pickedUp := func(n int) time.Duration {
		t.Helper()
		start := time.Now()
		e2eAppendToInbox(t, imapAddr, e2eIntake, e2eMail(e2eCustomer, fmt.Sprintf("License找回申请 idle %d", n),
			fmt.Sprintf("idle-%d-%s@example.test", n, e2eToken(t)), "", "激活文件丢失，申请找回。\n客户局点名称：示例中心\n", nil))
		for len(e2eReadFolder(t, imapAddr, e2eIntake, "Intake/Waiting")) < n {
			if time.Since(start) > e2eTimeout {
				t.Fatalf("mail %d not filed within %s:\n%s", n, e2eTimeout, logs.String())
			}
			time.Sleep(25 * time.Millisecond)
		}
		return time.Since(start)
	}

	waitLog("idle: watching", 1)
	waitLog("poll done", 1)
	if took := pickedUp(1); took > 2*time.Second {
		t.Errorf("a new mail took %v to be filed, want under 2 s", took)
	} else {
		t.Logf("new mail filed %v after it arrived", took.Round(time.Millisecond))
	}

	if out, err := exec.Command("doveadm", "-c", conf, "kick", e2eIntake).CombinedOutput(); err != nil {
		t.Fatalf("doveadm kick: %v\n%s", err, out)
	}
	waitLog("idle: watching", 2) // reconnected
	if took := pickedUp(2); took > 2*time.Second {
		t.Errorf("after doveadm kick, a new mail took %v to be filed, want under 2 s", took)
	} else {
		t.Logf("after the kick, new mail filed %v after it arrived", took.Round(time.Millisecond))
	}
	if !strings.Contains(logs.String(), "idle connection ended: reconnecting") {
		t.Errorf("log does not tell of the lost connection:\n%s", logs.String())
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("intake run did not stop on SIGTERM\n%s", logs.String())
	}
}
