//go:build e2e

package intake_test

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	gomail "github.com/emersion/go-message/mail"
	"go.yaml.in/yaml/v3"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// intakeBinary builds cmd/intake once per test run.
func intakeBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "intake-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "intake")
		out, err := exec.Command("go", "build", "-o", binPath, "../cmd/intake").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// e2eConfig writes the shipped config.yaml with the connection settings
// pointed at the mail stack, and returns its path.
func e2eConfig(t *testing.T, imapAddr, smtpAddr string) string {
	t.Helper()
	src, err := os.ReadFile("../config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	repo, _ := filepath.Abs("..")
	// Letter templates are relative to the config file; the copy lives elsewhere.
	src = bytes.ReplaceAll(src, []byte("template: mailer/letters/"), []byte("template: "+repo+"/mailer/letters/"))
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	ih, ip, _ := net.SplitHostPort(imapAddr)
	sh, sp, _ := net.SplitHostPort(smtpAddr)
	dir := t.TempDir()
	set := func(path, value string) { setYAML(t, doc.Content[0], strings.Split(path, "."), value) }
	set("mailbox.host", ih)
	set("mailbox.port", ip)
	set("mailbox.security", "plain")
	set("mailbox.username", "intake@example.test")
	set("mailbox.password", e2ePassword())
	set("smtp.host", sh)
	set("smtp.port", sp)
	set("smtp.security", "plain")
	set("smtp.username", "")
	set("smtp.password", "")
	set("smtp.admin", e2eAdmin)
	set("data_dir", filepath.Join(dir, "data"))
	set("routes", "")
	out, err := yaml.Marshal(&doc)
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, []byte("routes:\n  - name: all\n    to: ["+e2eEngineers+"]\n")...)
	path := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(path, out, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// setYAML sets a scalar at a path of a mapping; "" removes the key.
func setYAML(t *testing.T, n *yaml.Node, path []string, value string) {
	t.Helper()
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value != path[0] {
			continue
		}
		if len(path) > 1 {
			setYAML(t, n.Content[i+1], path[1:], value)
			return
		}
		if value == "" {
			n.Content = append(n.Content[:i], n.Content[i+2:]...)
			return
		}
		n.Content[i+1] = &yaml.Node{Kind: yaml.ScalarNode, Value: value}
		return
	}
	if value != "" {
		t.Fatalf("config has no key %v", path)
	}
}

// runIntake runs the binary and returns its output; env adds variables.
func runIntake(t *testing.T, env []string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(intakeBinary(t), args...)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func mustPoll(t *testing.T, cfg string) string {
	t.Helper()
	out, err := runIntake(t, nil, "poll", "--once", "--config", cfg)
	if err != nil {
		t.Fatalf("intake poll --once: %v\n%s", err, out)
	}
	return out
}

// e2eMail builds a customer mail with attachments.
func e2eMail(from, subject, msgID, inReplyTo, body string, files map[string]string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMessage-ID: <%s>\r\nMIME-Version: 1.0\r\n",
		from, e2eIntake, mime.BEncoding.Encode("utf-8", subject), time.Now().Format(time.RFC1123Z), msgID)
	if inReplyTo != "" {
		fmt.Fprintf(&b, "In-Reply-To: %s\r\nReferences: %s\r\n", inReplyTo, inReplyTo)
	}
	fmt.Fprintf(&b, "Content-Type: multipart/mixed; boundary=\"e2e\"\r\n\r\n--e2e\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n%s\r\n",
		base64.StdEncoding.EncodeToString([]byte(body)))
	for name, data := range files {
		enc := mime.BEncoding.Encode("utf-8", name)
		fmt.Fprintf(&b, "--e2e\r\nContent-Type: application/octet-stream; name=\"%s\"\r\nContent-Disposition: attachment; filename=\"%s\"\r\nContent-Transfer-Encoding: base64\r\n\r\n%s\r\n",
			enc, enc, base64.StdEncoding.EncodeToString([]byte(data)))
	}
	b.WriteString("--e2e--\r\n")
	return []byte(b.String())
}

const e2eRequest = `您好：

我单位iMC服务器更换，申请License硬件变更。

最终用户单位名称：示例市第一医院
用户联系人：陈晓东
用户联系方式：0571-86621234
代理商工程师姓名：王磊

附件为老服务器的License文件。
`

const e2eFollowUp = `补充材料：

代理商工程师联系方式：13857120456
授权码：IMC-PLAT-7F3A-92QD-0C5E

新服务器主机信息文件和盖章承诺书见附件。
`

var (
	e2eLicense = map[string]string{"old-server.lic": "H3C Software License Activation File\r\nProduct: iMC PLAT 7.3\r\n"}
	e2eRest    = map[string]string{"新服务器主机信息.txt": "[HostInfo]\r\nHostID=NEW-1234\r\n", "承诺书(盖章).pdf": "%PDF-1.4\n% stamped\n"}
)

func resetAll(t *testing.T, imapAddr string) {
	for _, u := range []string{e2eIntake, e2eCustomer, e2eEngineer, e2eEngineers, e2eAdmin} {
		e2eResetUser(t, imapAddr, u)
	}
}

// TestE2EHardwareChange is the whole job on Dovecot and Postfix: an
// incomplete hardware-change request gets a reply listing exactly what is
// missing, with RFC 3834 headers; the customer answers it with the missing
// files; the engineers get one forward with every file, the summary and the
// originals; ignored mail gets nothing; a further poll sends nothing.
func TestE2EHardwareChange(t *testing.T) {
	imapAddr, smtpAddr := mailStack(t)
	resetAll(t, imapAddr)
	cfg := e2eConfig(t, imapAddr, smtpAddr)

	e2eSendMail(t, smtpAddr, e2eCustomer, []string{e2eIntake},
		e2eMail("陈晓东 <"+e2eCustomer+">", "License硬件变更申请", "req-1@example.test", "", e2eRequest, e2eLicense))
	// Mail that must get no reply, from an address whose mailbox we read.
	e2eSendMail(t, smtpAddr, e2eEngineer, []string{e2eIntake}, e2eNewMessage(e2eEngineer, e2eIntake, "自动回复: License硬件变更申请",
		"我正在休假。", "Auto-Submitted: auto-replied"))
	e2eSendMail(t, smtpAddr, e2eEngineer, []string{e2eIntake}, e2eNewMessage(e2eEngineer, e2eIntake, "[imc-users] License解绑怎么办？",
		"请问解绑需要什么材料？", "List-Id: <imc-users.lists.example.test>", "Precedence: list"))
	e2eSendMail(t, smtpAddr, "", []string{e2eIntake}, e2eNewMessage("MAILER-DAEMON@example.test", e2eIntake, "Undelivered Mail Returned to Sender",
		"This is the mail system. License找回 could not be delivered.", "Auto-Submitted: auto-replied"))
	e2eWaitFor(t, imapAddr, e2eIntake, "INBOX", e2eTimeout, func([]byte) bool { return len(e2eReadMailbox(t, imapAddr, e2eIntake)) == 4 })

	out := mustPoll(t, cfg)
	t.Logf("first poll:\n%s", out)
	reply := e2eWaitForSubject(t, imapAddr, e2eCustomer, "License硬件变更申请")
	subject := e2eSubject(reply)
	if !strings.HasPrefix(subject, "Re: [LX-") {
		t.Errorf("reply subject = %q, want Re: [LX-…]", subject)
	}
	if got := e2eHeader(reply, "Auto-Submitted"); got != "auto-replied" {
		t.Errorf("reply Auto-Submitted = %q", got)
	}
	if got := e2eHeader(reply, "In-Reply-To"); got != "<req-1@example.test>" {
		t.Errorf("reply In-Reply-To = %q", got)
	}
	if got := e2eHeader(reply, "References"); !strings.Contains(got, "<req-1@example.test>") {
		t.Errorf("reply References = %q", got)
	}
	body := decodedText(t, reply)
	wantMissing := []string{"代理商工程师联系方式", "授权码（License Key）", "新服务器的主机信息文件", "客户单位盖章的《H3C业务软件License例外申请及承诺书》"}
	for i, m := range wantMissing {
		if !strings.Contains(body, fmt.Sprintf("%d. %s", i+1, m)) {
			t.Errorf("reply does not list missing item %d. %s:\n%s", i+1, m, body)
		}
	}
	if strings.Contains(body, fmt.Sprintf("%d. ", len(wantMissing)+1)) {
		t.Errorf("reply lists more than the %d missing items:\n%s", len(wantMissing), body)
	}

	// The customer answers the reply with the rest.
	e2eSendMail(t, smtpAddr, e2eCustomer, []string{e2eIntake},
		e2eMail("陈晓东 <"+e2eCustomer+">", "Re: "+subject, "req-2@example.test", e2eHeader(reply, "Message-Id"), e2eFollowUp, e2eRest))
	e2eWaitFor(t, imapAddr, e2eIntake, "INBOX", e2eTimeout, func([]byte) bool { return len(e2eReadMailbox(t, imapAddr, e2eIntake)) == 1 })
	out = mustPoll(t, cfg)
	t.Logf("second poll:\n%s", out)
	fwd := e2eWaitForSubject(t, imapAddr, e2eEngineers, "LX-")
	for _, want := range []string{"old-server.lic", "承诺书(盖章).pdf"} {
		if !bytes.Contains(fwd, []byte(want)) && !strings.Contains(decodedNames(fwd), want) {
			t.Errorf("forward lacks file %q", want)
		}
	}
	if n := bytes.Count(fwd, []byte("Content-Type: message/rfc822")); n != 2 {
		t.Errorf("forward holds %d originals, want 2", n)
	}
	if got := e2eHeader(fwd, "Reply-To"); !strings.Contains(got, e2eCustomer) {
		t.Errorf("forward Reply-To = %q", got)
	}
	if !strings.Contains(decodedText(t, fwd), "IMC-PLAT-7F3A-92QD-0C5E") {
		t.Errorf("forward summary lacks the auth code")
	}
	e2eWaitFor(t, imapAddr, e2eCustomer, "INBOX", e2eTimeout, func([]byte) bool { return len(e2eReadMailbox(t, imapAddr, e2eCustomer)) == 2 })

	// A third poll: nothing new, nothing sent.
	mustPoll(t, cfg)
	time.Sleep(2 * time.Second)
	counts := map[string]int{e2eCustomer: 2, e2eEngineers: 1, e2eEngineer: 0, e2eAdmin: 0}
	for user, want := range counts {
		if got := len(e2eReadMailbox(t, imapAddr, user)); got != want {
			t.Errorf("%s received %d mails, want %d", user, got, want)
		}
	}
	folders := map[string]int{"INBOX": 0, "Intake/Waiting": 1, "Intake/Forwarded": 1, "Intake/Ignored": 3}
	for f, want := range folders {
		if got := len(e2eReadFolder(t, imapAddr, e2eIntake, f)); got != want {
			t.Errorf("intake's %s holds %d, want %d", f, got, want)
		}
	}
	out, err := runIntake(t, nil, "cases", "list", "--config", cfg)
	if err != nil || strings.Count(out, "forwarded") != 1 {
		t.Errorf("intake cases list: %v\n%s", err, out)
	}
	caseID := strings.Trim(subject[strings.Index(subject, "["):strings.Index(subject, "]")+1], "[]")
	out, err = runIntake(t, nil, "cases", "show", caseID, "--config", cfg)
	for _, want := range []string{"case " + caseID + ": forwarded", "decision: request_materials", "decision: forward", "- forward to " + e2eEngineers} {
		if err != nil || !strings.Contains(out, want) {
			t.Errorf("intake cases show %s lacks %q (err %v):\n%s", caseID, want, err, out)
		}
	}
	out, err = runIntake(t, nil, "reprocess", caseID, "--dry-run", "--config", cfg)
	if err != nil || !strings.Contains(out, "case "+caseID+": forward, scenario hardware_change, missing []") {
		t.Errorf("intake reprocess --dry-run: %v\n%s", err, out)
	}
}

// TestE2ECrash kills intake with SIGKILL at each step of a message and
// starts it again: no case is lost and no reply is sent twice, except in the
// one window SMTP cannot close (after the server accepted the mail, before
// intake recorded it), where the reply is sent again with the same
// Message-ID.
func TestE2ECrash(t *testing.T) {
	imapAddr, smtpAddr := mailStack(t)
	for _, step := range []string{"after_fetch", "after_commit", "before_send", "after_send", "before_move"} {
		t.Run(step, func(t *testing.T) {
			resetAll(t, imapAddr)
			cfg := e2eConfig(t, imapAddr, smtpAddr)
			e2eSendMail(t, smtpAddr, e2eCustomer, []string{e2eIntake},
				e2eMail(e2eCustomer, "License硬件变更申请", "crash-"+step+"@example.test", "", e2eRequest, e2eLicense))
			e2eWaitFor(t, imapAddr, e2eIntake, "INBOX", e2eTimeout, func([]byte) bool { return len(e2eReadMailbox(t, imapAddr, e2eIntake)) == 1 })

			out, err := runIntake(t, []string{"INTAKE_CRASH_AT=" + step}, "poll", "--once", "--config", cfg)
			if ee, ok := err.(*exec.ExitError); !ok || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
				t.Fatalf("poll with INTAKE_CRASH_AT=%s ended with %v, want SIGKILL\n%s", step, err, out)
			}
			mustPoll(t, cfg)
			mustPoll(t, cfg)

			e2eWaitFor(t, imapAddr, e2eCustomer, "INBOX", e2eTimeout, func([]byte) bool { return len(e2eReadMailbox(t, imapAddr, e2eCustomer)) >= 1 })
			time.Sleep(time.Second)
			replies := e2eReadMailbox(t, imapAddr, e2eCustomer)
			want := 1
			if step == "after_send" {
				want = 2 // delivered, then sent again: the window SMTP cannot close
			}
			if len(replies) != want {
				t.Errorf("customer got %d replies, want %d", len(replies), want)
			}
			if len(replies) == 2 && e2eHeader(replies[0], "Message-Id") != e2eHeader(replies[1], "Message-Id") {
				t.Errorf("the resent reply has another Message-ID: %s vs %s", e2eHeader(replies[0], "Message-Id"), e2eHeader(replies[1], "Message-Id"))
			}
			if got := len(e2eReadFolder(t, imapAddr, e2eIntake, "Intake/Waiting")); got != 1 {
				t.Errorf("Intake/Waiting holds %d, want the request", got)
			}
			if got := len(e2eReadMailbox(t, imapAddr, e2eIntake)); got != 0 {
				t.Errorf("INBOX still holds %d", got)
			}
			out, err = runIntake(t, nil, "cases", "list", "--config", cfg)
			if err != nil || strings.Count(out, "LX-") != 1 || !strings.Contains(out, "waiting") {
				t.Errorf("after the crash, cases list:\n%s\nwant one waiting case (err %v)", out, err)
			}
		})
	}
}

// decodedText returns the text parts of a mail, decoded.
func decodedText(t *testing.T, raw []byte) string {
	t.Helper()
	var sb strings.Builder
	walkParts(t, raw, func(h gomail.PartHeader, body []byte) {
		if _, ok := h.(*gomail.InlineHeader); ok {
			sb.Write(body)
		}
	})
	return sb.String()
}

// decodedNames returns the attachment file names of a mail, one a line.
func decodedNames(raw []byte) string {
	var names []string
	mr, err := gomail.CreateReader(bytes.NewReader(raw))
	if err != nil {
		return ""
	}
	for {
		p, err := mr.NextPart()
		if err != nil {
			break
		}
		if ah, ok := p.Header.(*gomail.AttachmentHeader); ok {
			n, _ := ah.Filename()
			names = append(names, n)
		}
	}
	return strings.Join(names, "\n")
}

func walkParts(t *testing.T, raw []byte, f func(gomail.PartHeader, []byte)) {
	t.Helper()
	mr, err := gomail.CreateReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("reading mail: %v", err)
	}
	for {
		p, err := mr.NextPart()
		if err != nil {
			break
		}
		b, _ := io.ReadAll(p.Body)
		f(p.Header, b)
	}
}

// TestE2EUIDValidityChange: Dovecot's UIDVALIDITY of the request mailbox
// changes (doveadm mailbox update) while a processed mail is back in it; the
// poller reads the mailbox again and files the mail without answering twice.
func TestE2EUIDValidityChange(t *testing.T) {
	imapAddr, smtpAddr := mailStack(t)
	conf := dovecotConf(t)
	resetAll(t, imapAddr)
	cfg := e2eConfig(t, imapAddr, smtpAddr)
	e2eSendMail(t, smtpAddr, e2eCustomer, []string{e2eIntake},
		e2eMail(e2eCustomer, "License硬件变更申请", "uidv-1@example.test", "", e2eRequest, e2eLicense))
	e2eWaitFor(t, imapAddr, e2eIntake, "INBOX", e2eTimeout, func([]byte) bool { return len(e2eReadMailbox(t, imapAddr, e2eIntake)) == 1 })
	mustPoll(t, cfg)
	e2eWaitFor(t, imapAddr, e2eCustomer, "INBOX", e2eTimeout, func([]byte) bool { return len(e2eReadMailbox(t, imapAddr, e2eCustomer)) == 1 })

	// The processed mail comes back, and the mailbox gets a new UIDVALIDITY.
	waiting := e2eReadFolder(t, imapAddr, e2eIntake, "Intake/Waiting")
	if len(waiting) != 1 {
		t.Fatalf("Intake/Waiting holds %d, want 1", len(waiting))
	}
	e2eAppend(t, imapAddr, e2eIntake, "INBOX", waiting[0])
	uv := fmt.Sprint(uint32(time.Now().Unix()))
	if out, err := exec.Command("doveadm", "-c", conf, "mailbox", "update", "-u", e2eIntake, "--uid-validity", uv, "INBOX").CombinedOutput(); err != nil {
		t.Fatalf("doveadm mailbox update: %v\n%s", err, out)
	}
	out := mustPoll(t, cfg)
	if !strings.Contains(out, "duplicate") {
		t.Errorf("poll after the UIDVALIDITY change:\n%s\nwant the mail recognised as a duplicate", out)
	}
	time.Sleep(time.Second)
	if n := len(e2eReadMailbox(t, imapAddr, e2eCustomer)); n != 1 {
		t.Errorf("customer got %d replies, want still 1", n)
	}
	if n := len(e2eReadMailbox(t, imapAddr, e2eIntake)); n != 0 {
		t.Errorf("INBOX holds %d, want 0", n)
	}
}

// TestE2EDaemon runs `intake run` on a one-second schedule against the
// stack: a request is answered without a manual poll, and SIGTERM stops the
// daemon cleanly.
func TestE2EDaemon(t *testing.T) {
	imapAddr, smtpAddr := mailStack(t)
	resetAll(t, imapAddr)
	cfg := e2eConfig(t, imapAddr, smtpAddr)
	editE2EConfig(t, cfg, func(root *yaml.Node) {
		setYAML(t, root, []string{"schedule"}, "@every 1s")
	})
	var logs bytes.Buffer
	cmd, done := startIntakeRun(t, cfg, &logs)

	e2eSendMail(t, smtpAddr, e2eCustomer, []string{e2eIntake},
		e2eMail(e2eCustomer, "License找回申请", "daemon-1@example.test", "", "激活文件丢失，申请找回。\n客户局点名称：示例中心\n", nil))
	reply := e2eWaitForSubject(t, imapAddr, e2eCustomer, "License找回申请")
	if !strings.Contains(e2eSubject(reply), "[LX-") {
		t.Errorf("reply subject %q lacks the case tag", e2eSubject(reply))
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("intake run after SIGTERM: %v\n%s", err, logs.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("intake run did not stop on SIGTERM\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), "stopped") {
		t.Errorf("daemon log lacks the clean stop:\n%s", logs.String())
	}
}
