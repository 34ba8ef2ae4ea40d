package intake

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-message/mail"

	"intake/intake/imapbox/imaptest"
	"intake/mailer"
	"intake/mailer/mailertest"
	"intake/rules"
)

// harness is the pipeline against an in-process IMAP server and an SMTP
// recorder, with a clock the test moves.
type harness struct {
	t     testing.TB
	imap  *imaptest.Server
	smtp  *mailertest.Recorder
	cfg   *Config
	store *Store
	p     *Pipeline
	now   time.Time
	log   *imaptest.LockedBuffer
}

func newHarness(t testing.TB) *harness {
	t.Helper()
	h := &harness{t: t, imap: imaptest.Start(t, imaptest.Options{}), now: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC), log: &imaptest.LockedBuffer{}}
	rec, err := mailertest.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rec.Close() })
	h.smtp = rec
	h.cfg = shippedConfig(t)
	folders := h.cfg.Mailbox.Folders
	h.cfg.Mailbox = h.imap.Config()
	h.cfg.Mailbox.Folders = folders
	h.cfg.Mailbox.SetDefaults()
	host, port := splitHostPort(t, rec.Addr())
	h.cfg.SMTP.Host, h.cfg.SMTP.Port, h.cfg.SMTP.Security, h.cfg.SMTP.Auth = host, port, "plain", "none"
	h.cfg.DataDir = t.TempDir()
	h.store, err = OpenStore(h.cfg.DataDir, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.store.Close() })
	log := slog.New(slog.NewTextHandler(h.log, nil))
	opts, err := h.cfg.SMTP.Options(nil)
	if err != nil {
		t.Fatal(err)
	}
	sender, err := mailer.NewSender(opts, log)
	if err != nil {
		t.Fatal(err)
	}
	h.p, err = NewPipeline(h.cfg, h.store, DialIMAP(log, nil), sender, log)
	if err != nil {
		t.Fatal(err)
	}
	h.p.Now = func() time.Time { return h.now }
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("pipeline log:\n%s", h.log)
		}
	})
	return h
}

func splitHostPort(t testing.TB, addr string) (string, int) {
	t.Helper()
	i := strings.LastIndex(addr, ":")
	var port int
	fmt.Sscanf(addr[i+1:], "%d", &port)
	return addr[:i], port
}

// poll runs one cycle and fails the test on any error.
func (h *harness) poll() *Report {
	h.t.Helper()
	rep := h.p.Poll(context.Background())
	if err := rep.Err(); err != nil {
		h.t.Fatalf("Poll: %v", err)
	}
	return rep
}

func (h *harness) deliver(raw string) { h.imap.Append(h.t, "INBOX", raw) }

// sentSince returns the mail the recorder got after the first n, parsed.
func (h *harness) sentSince(n int) []*sentMail {
	h.t.Helper()
	var out []*sentMail
	for _, r := range h.smtp.Messages()[n:] {
		out = append(out, parseSent(h.t, r))
	}
	return out
}

// sentMail is a mail intake sent, read back.
type sentMail struct {
	from   string
	to     []string
	header mail.Header
	body   string
	files  map[string][]byte // attachment name → content
	raw    []byte
}

func parseSent(t testing.TB, r mailertest.Received) *sentMail {
	t.Helper()
	mr, err := mail.CreateReader(bytes.NewReader(r.Raw))
	if err != nil {
		t.Fatalf("reading sent mail: %v", err)
	}
	s := &sentMail{from: r.From, to: r.To, header: mr.Header, files: map[string][]byte{}, raw: r.Raw}
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("reading sent part: %v", err)
		}
		b, _ := io.ReadAll(p.Body)
		switch hd := p.Header.(type) {
		case *mail.InlineHeader:
			s.body += string(b)
		case *mail.AttachmentHeader:
			name, _ := hd.Filename()
			s.files[name] = b
		}
	}
	return s
}

func (s *sentMail) subject() string { v, _ := s.header.Subject(); return v }

// testFile is an attachment of a test mail.
type testFile struct {
	name, ctype string
	data        []byte
}

// testMail builds a customer mail.
func testMail(from, subject, msgID, inReplyTo, body string, files ...testFile) string {
	var b strings.Builder
	fmt.Fprintf(&b, "From: %s\r\nTo: intake@example.test\r\nSubject: %s\r\nDate: Fri, 27 Nov 2026 08:00:00 +0800\r\nMessage-ID: <%s>\r\nMIME-Version: 1.0\r\n",
		from, mime.BEncoding.Encode("utf-8", subject), msgID)
	if inReplyTo != "" {
		fmt.Fprintf(&b, "In-Reply-To: <%s>\r\nReferences: <%s>\r\n", inReplyTo, inReplyTo)
	}
	text := base64.StdEncoding.EncodeToString([]byte(body))
	if len(files) == 0 {
		fmt.Fprintf(&b, "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n%s\r\n", text)
		return b.String()
	}
	fmt.Fprintf(&b, "Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n--b0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n%s\r\n", text)
	for _, f := range files {
		name := mime.BEncoding.Encode("utf-8", f.name)
		fmt.Fprintf(&b, "--b0\r\nContent-Type: %s; name=\"%s\"\r\nContent-Disposition: attachment; filename=\"%s\"\r\nContent-Transfer-Encoding: base64\r\n\r\n%s\r\n",
			f.ctype, name, name, base64.StdEncoding.EncodeToString(f.data))
	}
	b.WriteString("--b0--\r\n")
	return b.String()
}

var (
	licenseFile = testFile{"old-server.lic", "application/octet-stream", []byte("H3C Software License Activation File\r\nProduct: iMC PLAT 7.3\r\n")}
	newHostFile = testFile{"新服务器主机信息.txt", "text/plain", []byte("[HostInfo]\r\nHostID=NEW-1234-5678\r\n")}
	letterScan  = testFile{"承诺书(盖章).pdf", "application/pdf", []byte("%PDF-1.4\n% stamped letter\n")}
)

const hwChangeIncomplete = `您好：

我单位iMC服务器需要更换，申请License硬件变更。

最终用户单位名称：杭州示例医院
用户联系人：陈晓东
用户联系方式：0571-86621234

附件为老服务器License文件。
`

const hwChangeFollowUp = `补充材料如下：

代理商工程师姓名：王磊
代理商工程师联系方式：13857120456
授权码：IMC-PLAT-7F3A-92QD-0C5E

新服务器主机信息文件和盖章承诺书见附件。
`

// TestPipelineRequestThenComplete follows one case: an incomplete request
// gets a reply listing exactly what is missing, the customer's answer with
// the rest completes it, the engineers get one forward with every file and
// the originals, and a further poll sends nothing.
func TestPipelineRequestThenComplete(t *testing.T) {
	h := newHarness(t)
	h.deliver(testMail("陈晓东 <chen@hospital.example>", "License硬件变更申请", "req-1@hospital.example", "", hwChangeIncomplete, licenseFile))
	rep := h.poll()
	if len(rep.Processed) != 1 || rep.Processed[0].Decision.Action != rules.ActionRequest {
		t.Fatalf("first poll processed %+v, want one request_materials", rep.Processed)
	}
	caseID := rep.Processed[0].CaseID
	sent := h.sentSince(0)
	if len(sent) != 1 {
		t.Fatalf("first poll sent %d mails, want 1 reply", len(sent))
	}
	reply := sent[0]
	if got := reply.subject(); !strings.Contains(got, "["+caseID+"]") || !strings.HasPrefix(got, "Re: ") {
		t.Errorf("reply subject = %q, want Re: with [%s]", got, caseID)
	}
	if got := reply.header.Get("Auto-Submitted"); got != "auto-replied" {
		t.Errorf("reply Auto-Submitted = %q, want auto-replied", got)
	}
	if got := reply.header.Get("In-Reply-To"); got != "<req-1@hospital.example>" {
		t.Errorf("reply In-Reply-To = %q", got)
	}
	if !slices.Equal(reply.to, []string{"chen@hospital.example"}) || reply.from != "" {
		t.Errorf("reply envelope from %q to %v, want null sender to the customer", reply.from, reply.to)
	}
	for _, want := range []string{"代理商工程师姓名", "代理商工程师联系方式", "授权码", "新服务器的主机信息文件", "盖章", "Reseller engineer's name", "产品注册"} {
		if !strings.Contains(reply.body, want) {
			t.Errorf("reply body lacks %q:\n%s", want, reply.body)
		}
	}
	for _, notWanted := range []string{"1. 最终用户单位名称", "1. 用户联系人"} {
		if strings.Contains(reply.body, notWanted) {
			t.Errorf("reply asks for %q, which was given", notWanted)
		}
	}
	if _, ok := reply.files["appendix-1-commitment-letter.docx"]; !ok {
		t.Errorf("reply attachments = %v, want the blank letter template", keys(reply.files))
	}
	if got := h.imap.Inspect(t, "Intake/Waiting"); len(got) != 1 {
		t.Errorf("Intake/Waiting holds %d messages, want 1", len(got))
	}
	if got := h.imap.Inspect(t, "INBOX"); len(got) != 0 {
		t.Errorf("INBOX still holds %d messages", len(got))
	}

	// The customer answers the reply with the missing materials.
	h.now = h.now.Add(2 * time.Hour)
	h.deliver(testMail("陈晓东 <chen@hospital.example>", reply.subject(), "req-2@hospital.example",
		reply.header.Get("Message-Id")[1:len(reply.header.Get("Message-Id"))-1], hwChangeFollowUp, newHostFile, letterScan))
	rep = h.poll()
	if len(rep.Processed) != 1 || rep.Processed[0].Decision.Action != rules.ActionForward || rep.Processed[0].CaseID != caseID {
		t.Fatalf("second poll processed %+v, want forward of %s", rep.Processed, caseID)
	}
	sent = h.sentSince(1)
	if len(sent) != 2 {
		t.Fatalf("second poll sent %d mails, want the forward and the acknowledgement", len(sent))
	}
	var fwd, ack *sentMail
	for _, s := range sent {
		if slices.Contains(s.to, "license-engineers@example.test") {
			fwd = s
		} else {
			ack = s
		}
	}
	if fwd == nil || ack == nil {
		t.Fatalf("sent to %v and %v, want the engineers and the customer", sent[0].to, sent[1].to)
	}
	for _, name := range []string{"old-server.lic", "新服务器主机信息.txt", "承诺书(盖章).pdf"} {
		if _, ok := fwd.files[name]; !ok {
			t.Errorf("forward attachments = %v, want %q", keys(fwd.files), name)
		}
	}
	if got := fwd.header.Get("Reply-To"); !strings.Contains(got, "chen@hospital.example") {
		t.Errorf("forward Reply-To = %q, want the customer", got)
	}
	for _, want := range []string{caseID, "IMC-PLAT-7F3A-92QD-0C5E", "[x]", "杭州示例医院"} {
		if !strings.Contains(fwd.body, want) {
			t.Errorf("forward summary lacks %q:\n%s", want, fwd.body)
		}
	}
	if n := bytes.Count(fwd.raw, []byte("Content-Type: message/rfc822")); n != 2 {
		t.Errorf("forward has %d message/rfc822 parts, want the 2 originals", n)
	}
	if !strings.Contains(ack.subject(), caseID) || ack.header.Get("Auto-Submitted") != "auto-replied" {
		t.Errorf("acknowledgement subject %q, Auto-Submitted %q", ack.subject(), ack.header.Get("Auto-Submitted"))
	}
	c, _ := h.store.Case(caseID)
	if c == nil || c.State != StateForwarded {
		t.Errorf("case %s = %+v, want forwarded", caseID, c)
	}

	// Nothing new: nothing sent.
	h.poll()
	if n := len(h.smtp.Messages()); n != 3 {
		t.Errorf("after a quiet poll %d mails were sent in all, want 3", n)
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestPipelineIgnoresAndQuarantines: mail that must get no reply gets none
// and is filed under Ignored; unreadable mail goes to Failed and the admin
// is told.
func TestPipelineIgnoresAndQuarantines(t *testing.T) {
	h := newHarness(t)
	for _, f := range []string{"15-ignore-out-of-office-zh.eml", "16-ignore-bounce.eml", "17-ignore-mailing-list-zh.eml", "18-ignore-noreply-zh.eml", "19-ignore-own-address.eml"} {
		raw, err := readFile("../testdata/mail/" + f)
		if err != nil {
			t.Fatal(err)
		}
		h.deliver(raw)
	}
	deep := "From: a@example.com\r\nSubject: deep\r\nMessage-ID: <deep@example.com>\r\nContent-Type: multipart/mixed; boundary=\"x0\"\r\n\r\n"
	for i := 0; i < 100; i++ {
		deep += fmt.Sprintf("--x%d\r\nContent-Type: multipart/mixed; boundary=\"x%d\"\r\n\r\n", i, i+1)
	}
	h.deliver(deep)
	rep := h.poll()
	if len(rep.Processed) != 6 {
		t.Fatalf("processed %d, want 6", len(rep.Processed))
	}
	sent := h.sentSince(0)
	if len(sent) != 1 || !slices.Equal(sent[0].to, []string{"license-admin@example.test"}) {
		t.Fatalf("sent %d mails (%v), want only the admin notice of the quarantined one", len(sent), sent)
	}
	if got := len(h.imap.Inspect(t, "Intake/Ignored")); got != 5 {
		t.Errorf("Intake/Ignored holds %d, want 5", got)
	}
	if got := len(h.imap.Inspect(t, "Intake/Failed")); got != 1 {
		t.Errorf("Intake/Failed holds %d, want 1", got)
	}
}

// TestPipelineStrangerTagOpensNewCase: a case tag from someone who is not a
// party of the case opens a new case and tells nothing of the other.
func TestPipelineStrangerTagOpensNewCase(t *testing.T) {
	h := newHarness(t)
	h.deliver(testMail("chen@hospital.example", "License硬件变更申请", "a@hospital.example", "", hwChangeIncomplete, licenseFile))
	first := h.poll().Processed[0].CaseID
	h.deliver(testMail("mallory@evil.example", "Re: ["+first+"] License硬件变更申请", "b@evil.example", "", hwChangeFollowUp, newHostFile, letterScan))
	pr := h.poll().Processed[0]
	if pr.CaseID == first {
		t.Fatalf("stranger's mail joined case %s", first)
	}
	if c, _ := h.store.Case(first); c.State != StateWaiting {
		t.Errorf("case %s changed to %s by a stranger", first, c.State)
	}
}

// TestPipelineSendRetryAndFailure: a 4xx is retried later with the same
// Message-ID; a 5xx parks the mail, marks the case failed and tells the admin.
func TestPipelineSendRetryAndFailure(t *testing.T) {
	h := newHarness(t)
	h.smtp.FailNext(451, 1)
	h.deliver(testMail("chen@hospital.example", "License硬件变更申请", "a@hospital.example", "", hwChangeIncomplete, licenseFile))
	rep := h.p.Poll(context.Background())
	if rep.Err() == nil || len(h.smtp.Messages()) != 0 {
		t.Fatalf("451: err %v, %d delivered; want an error and nothing delivered", rep.Err(), len(h.smtp.Messages()))
	}
	out, _ := h.store.AllOutbox()
	if len(out) != 1 || out[0].State != OutboxPending || out[0].Attempts != 1 {
		t.Fatalf("outbox after 451 = %+v", out)
	}
	h.poll() // not due yet
	if len(h.smtp.Messages()) != 0 {
		t.Fatal("retried before the backoff")
	}
	h.now = h.now.Add(2 * time.Minute)
	h.poll()
	got := h.sentSince(0)
	if len(got) != 1 || got[0].header.Get("Message-Id") != "<"+out[0].MessageID+">" {
		t.Fatalf("retry sent %d mails, want 1 with Message-ID %s", len(got), out[0].MessageID)
	}

	h.smtp.FailNext(550, 1)
	h.deliver(testMail("li@school.example", "License找回", "c@school.example", "", "激活文件丢失，需要找回。客户局点名称：示例学校"))
	rep = h.p.Poll(context.Background())
	if rep.Err() == nil {
		t.Fatal("550 gave no error")
	}
	caseID := rep.Processed[0].CaseID
	if c, _ := h.store.Case(caseID); c.State != StateFailed {
		t.Errorf("case %s state %s after 550, want failed", caseID, c.State)
	}
	// The reason stays with the mail that failed (it once read "<nil>").
	if mails, _ := h.store.CaseOutbox(caseID); len(mails) == 0 || mails[0].State != OutboxFailed || !strings.Contains(mails[0].LastError, "550") {
		t.Errorf("failed mail of case %s = %+v, want its last error to name the 550", caseID, mails)
	}
	notices := h.sentSince(1)
	if len(notices) != 1 || !slices.Equal(notices[0].to, []string{"license-admin@example.test"}) || !strings.Contains(notices[0].body, "550") {
		t.Errorf("after 550 sent %v, want one admin notice naming the error", notices)
	}
}

// TestPipelineUIDValidityChange: a mailbox recreated with a new UIDVALIDITY
// is scanned again, and mail seen before is not processed twice.
func TestPipelineUIDValidityChange(t *testing.T) {
	h := newHarness(t)
	raw := testMail("chen@hospital.example", "License硬件变更申请", "a@hospital.example", "", hwChangeIncomplete, licenseFile)
	h.deliver(raw)
	// The mailbox is recreated (a new UIDVALIDITY) holding the same mail.
	h.poll()
	h.imap.Recreate(t, "INBOX")
	h.deliver(raw)
	rep := h.poll()
	if len(rep.Processed) != 1 || !rep.Processed[0].Duplicate {
		t.Fatalf("after UIDVALIDITY change processed %+v, want one duplicate", rep.Processed)
	}
	if n := len(h.smtp.Messages()); n != 1 {
		t.Errorf("%d mails sent in all, want the one reply", n)
	}
	if got := len(h.imap.Inspect(t, "Intake/Waiting")); got != 2 {
		t.Errorf("Intake/Waiting holds %d, want both copies", got)
	}
}

// TestPipelineReminderAndClose: a waiting case is reminded once, then
// closed.
func TestPipelineReminderAndClose(t *testing.T) {
	h := newHarness(t)
	h.deliver(testMail("chen@hospital.example", "License硬件变更申请", "a@hospital.example", "", hwChangeIncomplete, licenseFile))
	caseID := h.poll().Processed[0].CaseID
	h.now = h.now.Add(4 * 24 * time.Hour)
	h.poll()
	h.poll()
	sent := h.sentSince(1)
	if len(sent) != 1 || !strings.Contains(sent[0].body, "授权码") || !strings.Contains(sent[0].subject(), caseID) {
		t.Fatalf("after 4 days sent %d mails, want one reminder listing what is missing: %q %q", len(sent), sent[0].subject(), sent[0].body)
	}
	h.now = h.now.Add(11 * 24 * time.Hour)
	h.poll()
	sent = h.sentSince(2)
	if len(sent) != 1 || !strings.Contains(sent[0].body, "closed") {
		t.Fatalf("after 15 days sent %d mails, want the closing notice", len(sent))
	}
	if c, _ := h.store.Case(caseID); c.State != StateClosed {
		t.Errorf("case state %s, want closed", c.State)
	}
}

// TestPipelineRateLimit: one sender gets at most rate_per_sender replies per
// window, however much mail it sends.
func TestPipelineRateLimit(t *testing.T) {
	h := newHarness(t)
	h.cfg.Cases.RatePerSender = 2
	for i := 0; i < 4; i++ {
		h.deliver(testMail("loop@robot.example", "License找回", fmt.Sprintf("m%d@robot.example", i), "", fmt.Sprintf("License丢失 %d", i)))
	}
	h.poll()
	replies, notices := 0, 0
	for _, s := range h.sentSince(0) {
		switch {
		case slices.Contains(s.to, "loop@robot.example"):
			replies++
		case slices.Contains(s.to, "license-admin@example.test") && strings.Contains(s.subject(), "rate limit"):
			notices++
		}
	}
	if replies != 2 || notices != 1 {
		t.Errorf("4 mails from one sender got %d replies and the admin %d notices, want 2 and 1 (the cut-off told once)", replies, notices)
	}
}

func readFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	return string(b), err
}

// TestPipelineReprocess: after a rules change, reprocessing a waiting case
// evaluates its stored mail again and forwards it when it is now complete.
func TestPipelineReprocess(t *testing.T) {
	h := newHarness(t)
	// The auth code is written with a label the rules do not know yet.
	body := strings.Replace(hwChangeFollowUp, "授权码：", "许可证编号：", 1)
	h.deliver(testMail("chen@hospital.example", "License硬件变更申请", "a@hospital.example", "", hwChangeIncomplete+body, licenseFile, newHostFile, letterScan))
	pr := h.poll().Processed[0]
	if !slices.Equal(pr.Decision.Missing, []string{"auth_code"}) {
		t.Fatalf("before the change missing %v, want [auth_code]", pr.Decision.Missing)
	}
	d, kinds, err := h.p.Reprocess(context.Background(), pr.CaseID, false, true)
	if err != nil || d.Action != rules.ActionRequest || len(kinds) != 0 {
		t.Fatalf("dry run before the change: %v %v %v", d, kinds, err)
	}

	// The admin teaches the rules the label.
	f := &h.cfg.Rules.Fields[slices.IndexFunc(h.cfg.Rules.Fields, func(f rules.Field) bool { return f.ID == "auth_code" })]
	f.Labels = append(f.Labels, "许可证编号")
	if probs := h.cfg.Rules.Compile(); len(probs) > 0 {
		t.Fatal(probs)
	}
	d, kinds, err = h.p.Reprocess(context.Background(), pr.CaseID, false, false)
	if err != nil {
		t.Fatalf("Reprocess: %v", err)
	}
	if d.Action != rules.ActionForward || !slices.Equal(kinds, []string{"forward", "forwarded"}) {
		t.Fatalf("Reprocess = %s, mail %v; want forward with the forward and the confirmation", d.Action, kinds)
	}
	if c, _ := h.store.Case(pr.CaseID); c.State != StateForwarded {
		t.Errorf("case state %s, want forwarded", c.State)
	}
	sent := h.sentSince(1)
	if len(sent) != 2 {
		t.Fatalf("reprocess sent %d mails, want 2", len(sent))
	}
	var buf bytes.Buffer
	if err := WriteCase(&buf, h.store, pr.CaseID); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"case " + pr.CaseID + ": forwarded", "decision: request_materials", "✗ auth_code",
		"scores: in the new text: hardware_change ", `hardware_change 11 = subject "硬件变更" 3×2`, "- request to chen@hospital.example", "- forward to license-engineers@example.test", "sent"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("cases show lacks %q:\n%s", want, buf.String())
		}
	}
}

// TestPipelineTooLarge: a message over max_message_bytes is quarantined on
// the server's size alone, without being fetched, and the next one is
// processed as usual.
func TestPipelineTooLarge(t *testing.T) {
	h := newHarness(t)
	h.cfg.Limits.MaxMessageBytes = 4 << 10
	big := testFile{"big.bin", "application/octet-stream", bytes.Repeat([]byte("x"), 8<<10)}
	h.deliver(testMail("chen@hospital.example", "License硬件变更申请", "big@hospital.example", "", hwChangeIncomplete, big))
	h.deliver(testMail("li@school.example", "License找回", "small@school.example", "", "激活文件丢失，需要找回。客户局点名称：示例学校"))
	rep := h.poll()
	if len(rep.Processed) != 2 {
		t.Fatalf("processed %d, want 2", len(rep.Processed))
	}
	if d := rep.Processed[0].Decision; d.Action != rules.ActionQuarantine || d.Reason != "too_large" {
		t.Errorf("big mail: %s %s, want quarantine too_large", d.Action, d.Reason)
	}
	if d := rep.Processed[1].Decision; d.Action != rules.ActionRequest {
		t.Errorf("next mail: %s, want request_materials", d.Action)
	}
	if strings.Contains(h.imap.Transcript.String(), "UID FETCH 1 (UID BODY.PEEK[])") {
		t.Error("the too-large mail was fetched")
	}
	if got := len(h.imap.Inspect(t, "Intake/Failed")); got != 1 {
		t.Errorf("Intake/Failed holds %d, want 1", got)
	}
	var admin int
	for _, s := range h.sentSince(0) {
		if slices.Contains(s.to, "license-admin@example.test") && strings.Contains(s.body, "too_large") {
			admin++
		}
	}
	if admin != 1 {
		t.Errorf("%d admin notices about the large mail, want 1", admin)
	}
}

// TestPipelineMovesByFolder: a poll files its mail with one UID MOVE per
// destination folder, not one per mail, and records where each went; a poll
// killed before the moves leaves them pending, and the next poll files them
// the same way without sending anything again.
func TestPipelineMovesByFolder(t *testing.T) {
	for _, killed := range []bool{false, true} {
		t.Run(map[bool]string{false: "one poll", true: "killed before the moves"}[killed], func(t *testing.T) {
			h := newHarness(t)
			files := []string{"15-ignore-out-of-office-zh.eml", "01-recovery-complete-zh.eml", "16-ignore-bounce.eml", "02-recovery-missing-auth-code-en.eml",
				"17-ignore-mailing-list-zh.eml", "18-ignore-noreply-zh.eml", "12-ask-scenario-zh.eml", "19-ignore-own-address.eml"}
			for _, f := range files {
				raw, err := readFile("../testdata/mail/" + f)
				if err != nil {
					t.Fatal(err)
				}
				h.deliver(raw)
			}
			var rep *Report
			before := 0 // of the transcript: the moves counted are the ones after
			if killed {
				type kill struct{}
				h.p.crash = func(step string) {
					if step == "before_move" {
						panic(kill{})
					}
				}
				func() {
					defer func() {
						if _, ok := recover().(kill); !ok {
							t.Fatal("the poll did not reach before_move")
						}
					}()
					h.p.Poll(context.Background())
				}()
				if got := len(h.imap.Inspect(t, "INBOX")); got != len(files) {
					t.Fatalf("INBOX holds %d after the kill, want all %d", got, len(files))
				}
				h.p.crash = func(string) {}
				before = len(h.imap.Transcript.String())
				sent := len(h.smtp.Messages())
				if rep = h.poll(); len(rep.Processed) != 0 || len(h.smtp.Messages()) != sent {
					t.Fatalf("the poll after the kill processed %d and sent %d, want nothing new", len(rep.Processed), len(h.smtp.Messages())-sent)
				}
				rows, err := h.store.queryMessages(`1 = 1 ORDER BY uid`)
				if err != nil {
					t.Fatal(err)
				}
				for _, row := range rows {
					rep.Processed = append(rep.Processed, Processed{Mailbox: row.Mailbox, UID: row.UID, Folder: row.Folder})
				}
			} else {
				rep = h.poll()
			}
			if len(rep.Processed) != len(files) {
				t.Fatalf("processed %d, want %d", len(rep.Processed), len(files))
			}
			folders := map[string]bool{}
			for _, pr := range rep.Processed {
				folders[pr.Folder] = true
			}
			var moves []string
			for _, line := range strings.Split(h.imap.Transcript.String()[before:], "\r\n") {
				if f := strings.Fields(line); len(f) > 2 && f[1] == "UID" && f[2] == "MOVE" { // not the tagged OK
					moves = append(moves, line)
				}
			}
			if len(folders) < 2 || len(moves) != len(folders) {
				t.Errorf("client sent %d UID MOVE for %d mails in %d folders, want one a folder:\n%s", len(moves), len(rep.Processed), len(folders), strings.Join(moves, "\n"))
			}
			if got := len(h.imap.Inspect(t, "INBOX")); got != 0 {
				t.Errorf("INBOX still holds %d", got)
			}
			for _, pr := range rep.Processed {
				row, err := h.store.SeenUID(pr.Mailbox, h.imapUIDValidity(), pr.UID)
				if err != nil || row == nil || !row.Moved {
					t.Fatalf("uid %d: row %+v, %v; want it recorded moved", pr.UID, row, err)
				}
				if f, err := h.store.FiledAs(row.ID); err != nil || f.UID == 0 {
					t.Errorf("uid %d: filed as %+v, %v; want its UID in %s", pr.UID, f, err, pr.Folder)
				}
			}
		})
	}
}

// TestPipelineFetchesInBatches: a backlog's bodies come a batch at a time
// (one UID FETCH for up to batchMails), not one command a mail, while every
// mail is still decided, numbered and answered in UID order.
func TestPipelineFetchesInBatches(t *testing.T) {
	h := newHarness(t)
	const n = batchMails + 8
	for i := range n {
		h.deliver(testMail(fmt.Sprintf("c%02d@hospital.example", i), "License硬件变更申请", fmt.Sprintf("b-%02d@hospital.example", i), "",
			hwChangeIncomplete, licenseFile))
	}
	rep := h.poll()
	if len(rep.Processed) != n {
		t.Fatalf("processed %d, want %d", len(rep.Processed), n)
	}
	for i, pr := range rep.Processed {
		if want := fmt.Sprintf("c%02d@hospital.example", i); pr.From != want || pr.UID != uint32(i+1) {
			t.Fatalf("mail %d: uid %d from %s, want uid %d from %s", i, pr.UID, pr.From, i+1, want)
		}
		if i > 0 && pr.CaseID <= rep.Processed[i-1].CaseID {
			t.Errorf("case %s of uid %d does not follow %s: cases not opened in UID order", pr.CaseID, pr.UID, rep.Processed[i-1].CaseID)
		}
	}
	bodyFetch := regexp.MustCompile(`(?m)^T[0-9]+ UID FETCH .*BODY`)
	if got, want := len(bodyFetch.FindAllString(h.imap.Transcript.String(), -1)), (n+batchMails-1)/batchMails; got != want {
		t.Errorf("%d UID FETCH commands for the bodies of %d mails, want %d", got, n, want)
	}
	if got := len(h.sentSince(0)); got != n {
		t.Errorf("sent %d replies, want one a mail (%d)", got, n)
	}
}
