package mailer

import (
	"bytes"
	"flag"
	"io"
	netmail "net/mail"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	_ "github.com/emersion/go-message/charset" // the GBK text attachment
	"github.com/emersion/go-message/mail"
	"go.yaml.in/yaml/v3"

	"intake/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// repliesYAML is a replies: section like the shipped config's, kept here so
// that the golden files change only when the mailer does.
const repliesYAML = `
request:
  subject: 'Re: [{{.CaseID}}] {{.Subject}}'
  body: |-
    {{.Customer}}，您好：

    我们已收到您的{{.Scenario.ZH}}申请（案例编号 {{.CaseID}}）。还需要以下材料：
    {{range $i, $m := .Missing}}
    {{inc $i}}. {{$m.Name.ZH}}
       {{$m.Hint.ZH}}{{if $m.Template}}（空白模板见附件：{{$m.Template}}）{{end}}{{if $m.Steps.ZH}}
    {{indent 3 $m.Steps.ZH}}{{end}}
    {{end}}{{if .Notes}}
    请注意：{{range .Notes}}
    - {{.ZH}}{{end}}
    {{end}}
    License Intake（自动回复）

    ----------------------------------------------------------------

    Hello {{.Customer}},

    We have received your {{.Scenario.EN}} request (case {{.CaseID}}). We still need:
    {{range $i, $m := .Missing}}
    {{inc $i}}. {{$m.Name.EN}}
       {{$m.Hint.EN}}{{if $m.Template}} (blank form attached: {{$m.Template}}){{end}}{{if $m.Steps.EN}}
    {{indent 3 $m.Steps.EN}}{{end}}
    {{end}}{{if .Notes}}
    Please note:{{range .Notes}}
    - {{.EN}}{{end}}
    {{end}}
    License Intake (automatic reply)
ask:
  subject: 'Re: [{{.CaseID}}] {{.Subject}}'
  body: |-
    {{.Customer}}，您好：

    我们无法判断您需要办理哪一种License例外申请，请回复说明：
    {{range $i, $s := .Scenarios}}
    {{inc $i}}. {{$s.Name.ZH}}：{{$s.Description.ZH}}
       所需材料：{{range $j, $m := $s.Materials}}{{if $j}}；{{end}}{{$m.ZH}}{{end}}
    {{end}}
    ----------------------------------------------------------------

    Hello {{.Customer}},

    We could not tell which license exception you need. Please reply saying which applies:
    {{range $i, $s := .Scenarios}}
    {{inc $i}}. {{$s.Name.EN}}: {{$s.Description.EN}}
       Materials: {{range $j, $m := $s.Materials}}{{if $j}}; {{end}}{{$m.EN}}{{end}}
    {{end}}
forwarded: {subject: 'Re: [{{.CaseID}}] {{.Subject}}', body: 'forwarded'}
received: {subject: 'Re: [{{.CaseID}}] {{.Subject}}', body: 'received'}
reminder: {subject: 'Re: [{{.CaseID}}] {{.Subject}}', body: 'reminder'}
closed: {subject: 'Re: [{{.CaseID}}] {{.Subject}}', body: 'closed'}
forward:
  subject: '[{{.CaseID}}] {{.Scenario.ZH}} / {{.Scenario.EN}}{{if .Product}} - {{.Product}}{{end}} - {{.Subject}}'
  body: |-
    Case 案例: {{.CaseID}}
    Scenario 场景: {{.Scenario.ZH}} / {{.Scenario.EN}}
    Product 产品: {{.Product}}
    Customer 客户: {{.Customer}}
    Mails 邮件数: {{.Messages}}

    Fields 字段:{{range .Fields}}
      {{.Name.ZH}} / {{.Name.EN}}: {{.Value}}{{end}}

    Checklist 材料清单:{{range .Checklist}}
      [{{if .Present}}x{{else}} {{end}}] {{.Name.ZH}} / {{.Name.EN}}{{if .Source}}
          from: {{.Source}}{{end}}{{if .Assumed}}
          assumed: {{.Assumed}}{{end}}{{end}}
    {{if .Notes}}
    Notes 备注:{{range .Notes}}
      - {{.}}{{end}}
    {{end}}
    Files attached 附件:{{range .Files}}
      - {{.}}{{end}}

    The customer's original mails are attached; Reply-To is the customer.
admin: {subject: '[intake] {{.Subject}}', body: '{{.Text}}'}
`

func testReplies(t *testing.T) *Replies {
	t.Helper()
	var r Replies
	if err := yaml.Unmarshal([]byte(repliesYAML), &r); err != nil {
		t.Fatalf("decoding replies: %v", err)
	}
	if probs := r.Parse(); len(probs) > 0 {
		t.Fatalf("Parse() = %v", probs)
	}
	return &r
}

var (
	testDate = time.Date(2026, 11, 27, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))
	hwChange = rules.Text{ZH: "License硬件变更", EN: "hardware change"}
)

const customerMail = "From: 张伟 <zhang.wei@customer.example>\r\n" +
	"To: intake@example.test\r\n" +
	"Subject: =?UTF-8?B?SU1DIExpY2Vuc2Xnoazku7blj5jmm7Q=?=\r\n" +
	"Message-ID: <cust-1@customer.example>\r\n" +
	"Date: Thu, 26 Nov 2026 16:00:00 +0800\r\n" +
	"MIME-Version: 1.0\r\n" +
	"Content-Type: text/plain; charset=UTF-8\r\n" +
	"Content-Transfer-Encoding: 8bit\r\n" +
	"\r\n" +
	"您好，服务器更换，申请License硬件变更。\r\n" +
	"授权码：LK-1234-5678\r\n"

func requestSpec(t *testing.T) Spec {
	r := testReplies(t)
	subject, body, err := r.Request.Render(ReplyData{
		CaseID: "LX-20261127-0007", Subject: "IMC License硬件变更", Customer: "张伟",
		Scenario: hwChange, Product: "iMC",
		Missing: []Item{
			{ID: "new_host_info", Name: rules.Text{ZH: "新服务器的主机信息文件", EN: "New server's host information file"},
				Hint:  rules.Text{ZH: "在新服务器上导出", EN: "Export it on the new server"},
				Steps: rules.Text{ZH: "1. 登录iMC\n2. 导出主机信息", EN: "1. Log in to iMC\n2. Export the host information"}},
			{ID: "commitment_letter", Name: rules.Text{ZH: "盖章的承诺书", EN: "Stamped commitment letter"},
				Hint: rules.Text{ZH: "盖章后扫描", EN: "Stamp it and scan it"}, Template: "承诺书.docx"},
		},
		Notes: []rules.Text{{ZH: "您发送的承诺书是Word文件。", EN: "The letter you sent is a Word file."}},
	})
	if err != nil {
		t.Fatalf("rendering request: %v", err)
	}
	return Spec{
		From: "License Intake <intake@example.test>", To: []string{"张伟 <zhang.wei@customer.example>"},
		Subject: subject, Body: body,
		MessageID: "LX-20261127-0007.1.ab12cd@intake.example.test", InReplyTo: "cust-1@customer.example",
		References: []string{"cust-0@customer.example", "cust-1@customer.example"},
		Date:       testDate, AutoReply: true, Loop: "intake@example.test",
		Headers:     map[string]string{"X-Intake-Case": "LX-20261127-0007"},
		Attachments: []Attachment{{Name: "承诺书.docx", Data: []byte("PK\x03\x04 blank letter")}},
	}
}

func askSpec(t *testing.T) Spec {
	r := testReplies(t)
	subject, body, err := r.Ask.Render(ReplyData{
		CaseID: "LX-20261127-0008", Subject: "license问题", Customer: "li@customer.example",
		Scenarios: []ScenarioInfo{
			{ID: "recovery", Name: rules.Text{ZH: "License找回", EN: "License recovery"},
				Description: rules.Text{ZH: "激活文件丢失", EN: "the activation file is lost"},
				Materials:   []rules.Text{{ZH: "客户局点名称", EN: "Customer site name"}, {ZH: "授权码", EN: "Authorization code"}}},
			{ID: "unbind", Name: rules.Text{ZH: "License解绑", EN: "License unbinding"},
				Description: rules.Text{ZH: "解绑部分序列号", EN: "unbind some serials"},
				Materials:   []rules.Text{{ZH: "授权码", EN: "Authorization code"}}},
		},
	})
	if err != nil {
		t.Fatalf("rendering ask: %v", err)
	}
	return Spec{
		From: "License Intake <intake@example.test>", To: []string{"li@customer.example"},
		Subject: subject, Body: body,
		MessageID: "LX-20261127-0008.1.ef34ab@intake.example.test", InReplyTo: "q-1@customer.example",
		References: []string{"q-1@customer.example"},
		Date:       testDate, AutoReply: true, Loop: "intake@example.test",
	}
}

func forwardSpec(t *testing.T) Spec {
	r := testReplies(t)
	subject, body, err := r.Forward.Render(ForwardData{
		CaseID: "LX-20261127-0007", Scenario: hwChange, Product: "iMC",
		Customer: "张伟 <zhang.wei@customer.example>", Subject: "IMC License硬件变更",
		Fields: []FieldLine{{rules.Text{ZH: "授权码", EN: "Authorization code"}, "LK-1234-5678"}},
		Checklist: []CheckLine{
			{Name: rules.Text{ZH: "授权码", EN: "Authorization code"}, Present: true, Source: "body"},
			{Name: rules.Text{ZH: "老服务器文件", EN: "Old server file"}, Present: true, Source: "旧服务器.lic", Assumed: "old: license file"},
		},
		Notes:    []string{"roles_assumed: 旧服务器.lic is the old server's"},
		Files:    []string{"旧服务器.lic", "承诺书-盖章.pdf"},
		Messages: 1,
	})
	if err != nil {
		t.Fatalf("rendering forward: %v", err)
	}
	return Spec{
		From: "License Intake <intake@example.test>", To: []string{"Engineers <eng@example.test>", "lead@example.test"},
		ReplyTo: &netmail.Address{Name: "张伟", Address: "zhang.wei@customer.example"},
		Subject: subject, Body: body,
		MessageID: "LX-20261127-0007.fwd.9f8e7d@intake.example.test",
		Date:      testDate, Loop: "intake@example.test",
		Headers: map[string]string{"X-Intake-Case": "LX-20261127-0007"},
		Attachments: []Attachment{
			{Name: "旧服务器.lic", ContentType: "application/octet-stream; name=x.lic", Data: []byte("LICENSE-DATA")},
			{Name: "承诺书-盖章.pdf", ContentType: "application/pdf", Data: []byte("%PDF-1.4 stamped")},
		},
		Originals: [][]byte{[]byte(customerMail)},
	}
}

func mustCompose(t *testing.T, s Spec, nullSender bool) *Outgoing {
	t.Helper()
	out, err := Compose(s, nullSender)
	if err != nil {
		t.Fatalf("Compose(%s) = %v", s.MessageID, err)
	}
	if i := bareLF(out.Raw); i >= 0 {
		t.Fatalf("Compose(%s).Raw has a bare LF at byte %d", s.MessageID, i)
	}
	return out
}

// bareLF returns the index of the first LF without CR before it, or -1.
func bareLF(b []byte) int {
	for i, c := range b {
		if c == '\n' && (i == 0 || b[i-1] != '\r') {
			return i
		}
	}
	return -1
}

var boundaryRE = regexp.MustCompile(`boundary="?([0-9a-zA-Z'()+_,./:=?-]+)"?`)

// normalise replaces the random MIME boundary and turns CRLF into LF, so
// that a golden file reads and diffs like text.
func normalise(raw []byte) []byte {
	if m := boundaryRE.FindSubmatch(raw); m != nil {
		raw = bytes.ReplaceAll(raw, m[1], []byte("BOUNDARY"))
	}
	return bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n"))
}

func TestComposeGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		spec func(*testing.T) Spec
	}{
		{"request", requestSpec},
		{"ask", askSpec},
		{"forward", forwardSpec},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := mustCompose(t, tc.spec(t), false)
			got := normalise(out.Raw)
			file := filepath.Join("testdata", tc.name+".eml")
			if *update {
				if err := os.WriteFile(file, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("reading golden file: %v (hint: go test ./mailer -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Compose(%s) differs from %s (go test ./mailer -update rewrites it):\n%s", tc.name, file, got)
			}
		})
	}
}

func TestComposeHeaders(t *testing.T) {
	out := mustCompose(t, requestSpec(t), true)
	if out.From != "" {
		t.Errorf("Compose(null sender).From = %q, want \"\"", out.From)
	}
	if want := []string{"zhang.wei@customer.example"}; strings.Join(out.To, ",") != strings.Join(want, ",") {
		t.Errorf("Compose().To = %v, want %v", out.To, want)
	}
	r, err := mail.CreateReader(bytes.NewReader(out.Raw))
	if err != nil {
		t.Fatalf("reading composed mail: %v", err)
	}
	h := r.Header
	for key, want := range map[string]string{
		"Auto-Submitted":           "auto-replied",
		"X-Auto-Response-Suppress": "All",
		"X-Loop":                   "intake@example.test",
		"X-Intake-Case":            "LX-20261127-0007",
		"In-Reply-To":              "<cust-1@customer.example>",
		"References":               "<cust-0@customer.example> <cust-1@customer.example>",
		"Message-Id":               "<LX-20261127-0007.1.ab12cd@intake.example.test>",
		"Date":                     "Fri, 27 Nov 2026 09:30:00 +0800",
	} {
		if got := h.Get(key); got != want {
			t.Errorf("header %s = %q, want %q", key, got, want)
		}
	}
	if subj, _ := h.Subject(); subj != "Re: [LX-20261127-0007] IMC License硬件变更" {
		t.Errorf("Subject() = %q", subj)
	}
	if to, _ := h.AddressList("To"); len(to) != 1 || to[0].Name != "张伟" {
		t.Errorf("To = %v, want 张伟", to)
	}

	fwd := mustCompose(t, forwardSpec(t), false)
	if fwd.From != "intake@example.test" {
		t.Errorf("Compose(forward).From = %q, want intake@example.test", fwd.From)
	}
	r, err = mail.CreateReader(bytes.NewReader(fwd.Raw))
	if err != nil {
		t.Fatalf("reading forward: %v", err)
	}
	if got := r.Header.Get("Auto-Submitted"); got != "auto-generated" {
		t.Errorf("forward Auto-Submitted = %q, want auto-generated", got)
	}
	if rt, _ := r.Header.AddressList("Reply-To"); len(rt) != 1 || rt[0].Address != "zhang.wei@customer.example" || rt[0].Name != "张伟" {
		t.Errorf("forward Reply-To = %v", rt)
	}
}

type part struct {
	name, typ string
	data      []byte
}

// parts reads every part of a composed mail with go-message.
func parts(t *testing.T, raw []byte) (text string, atts []part) {
	t.Helper()
	r, err := mail.CreateReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("reading composed mail: %v", err)
	}
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			return text, atts
		}
		if err != nil {
			t.Fatalf("reading part: %v", err)
		}
		data, err := io.ReadAll(p.Body)
		if err != nil {
			t.Fatalf("reading part body: %v", err)
		}
		switch h := p.Header.(type) {
		case *mail.InlineHeader:
			text = string(data)
		case *mail.AttachmentHeader:
			name, err := h.Filename()
			if err != nil {
				t.Errorf("Filename() = %v", err)
			}
			typ, _, _ := h.ContentType()
			atts = append(atts, part{name, typ, data})
		}
	}
}

func TestComposeAttachments(t *testing.T) {
	long := strings.Repeat("业务软件License例外申请及承诺书", 4) + "（解绑定专用）.docx"
	s := forwardSpec(t)
	s.Attachments = append(s.Attachments,
		Attachment{Name: long, Data: []byte("long")},
		Attachment{Name: `..\evil/"name".txt`, ContentType: "text/plain; charset=GBK; name=x", Data: []byte("x")},
		Attachment{Name: "fwd.eml", ContentType: "message/rfc822", Data: []byte("Subject: x\r\n\r\nx\r\n")},
	)
	text, atts := parts(t, mustCompose(t, s, false).Raw)
	if !strings.Contains(text, "Case 案例: LX-20261127-0007") {
		t.Errorf("body = %q, want the rendered forward", text)
	}
	want := []part{
		{"旧服务器.lic", "application/octet-stream", []byte("LICENSE-DATA")},
		{"承诺书-盖章.pdf", "application/pdf", []byte("%PDF-1.4 stamped")},
		{long, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", []byte("long")},
		{`_name_.txt`, "text/plain", []byte("x")},
		{"fwd.eml", "application/octet-stream", []byte("Subject: x\r\n\r\nx\r\n")},
		{"original-1.eml", "message/rfc822", []byte(customerMail)},
	}
	if len(atts) != len(want) {
		t.Fatalf("got %d attachments, want %d: %v", len(atts), len(want), atts)
	}
	for i, w := range want {
		if g := atts[i]; g.name != w.name || g.typ != w.typ || !bytes.Equal(g.data, w.data) {
			t.Errorf("attachment %d = %q %s %q, want %q %s %q", i, g.name, g.typ, g.data, w.name, w.typ, w.data)
		}
	}

	// The original is a mail of its own.
	orig, err := mail.CreateReader(bytes.NewReader(atts[len(atts)-1].data))
	if err != nil {
		t.Fatalf("reading attached original: %v", err)
	}
	if subj, _ := orig.Header.Subject(); subj != "IMC License硬件变更" {
		t.Errorf("original Subject() = %q", subj)
	}
	if id, _ := orig.Header.MessageID(); id != "cust-1@customer.example" {
		t.Errorf("original MessageID() = %q", id)
	}
}

func TestComposeOriginalLF(t *testing.T) {
	s := forwardSpec(t)
	s.Originals = [][]byte{[]byte(strings.ReplaceAll(customerMail, "\r\n", "\n"))}
	_, atts := parts(t, mustCompose(t, s, false).Raw)
	if got := atts[len(atts)-1]; got.typ != "message/rfc822" || !bytes.Equal(got.data, []byte(customerMail)) {
		t.Errorf("LF original attached as %s %q, want message/rfc822 with CRLF", got.typ, got.data)
	}
}

func TestComposeOriginalLongLine(t *testing.T) {
	raw := []byte("Subject: long\r\n\r\n" + strings.Repeat("x", 1200) + "\r\n")
	s := forwardSpec(t)
	s.Originals = [][]byte{raw}
	_, atts := parts(t, mustCompose(t, s, false).Raw)
	if got := atts[len(atts)-1]; got.typ != "application/octet-stream" || got.name != "original-1.eml" || !bytes.Equal(got.data, raw) {
		t.Errorf("original with a 1200-byte line attached as %s %q, want application/octet-stream original-1.eml", got.typ, got.name)
	}
}

func TestComposeErrors(t *testing.T) {
	for name, change := range map[string]func(*Spec){
		"no recipients":   func(s *Spec) { s.To = nil },
		"bad from":        func(s *Spec) { s.From = "not an address" },
		"bad to":          func(s *Spec) { s.To = []string{"x@"} },
		"message id <>":   func(s *Spec) { s.MessageID = "<a@b>" },
		"no message id":   func(s *Spec) { s.MessageID = "" },
		"no date":         func(s *Spec) { s.Date = time.Time{} },
		"own header":      func(s *Spec) { s.Headers = map[string]string{"subject": "x"} },
		"bad header name": func(s *Spec) { s.Headers = map[string]string{"X Bad": "x"} },
	} {
		s := askSpec(t)
		change(&s)
		if _, err := Compose(s, false); err == nil {
			t.Errorf("Compose(%s) = nil error, want one", name)
		}
	}
}

func TestComposeBadReferences(t *testing.T) {
	s := askSpec(t)
	s.InReplyTo = "broken id"
	s.References = []string{"a@b", "<c@d>", "no-at-sign", "中文@x"}
	r, err := mail.CreateReader(bytes.NewReader(mustCompose(t, s, false).Raw))
	if err != nil {
		t.Fatalf("reading composed mail: %v", err)
	}
	if got := r.Header.Get("In-Reply-To"); got != "" {
		t.Errorf("In-Reply-To = %q, want none", got)
	}
	if got, want := r.Header.Get("References"), "<a@b> <no-at-sign>"; got != want {
		t.Errorf("References = %q, want %q", got, want)
	}
}

func TestFilenameParam(t *testing.T) {
	for _, name := range []string{"a.pdf", "承诺书.docx", strings.Repeat("长", 70) + ".pdf"} {
		p := filenameParam(name)
		for _, line := range strings.Split(p, "\r\n") {
			if len(line) > 78 {
				t.Errorf("filenameParam(%q) has a %d-byte line", name, len(line))
			}
		}
	}
}

func TestComposeSubject(t *testing.T) {
	for _, subj := range []string{
		"Re: [LX-20261127-0007] IMC License硬件变更",
		"Re: [LX-20261127-0007] " + strings.Repeat("硬件变更申请", 12),
		"Plain ASCII subject that is long enough to be folded by go-mail at one of its spaces, surely",
		"=?UTF-8?B?looks encoded?=",
		"https://support.example.test/a/very/long/path/that/does/not/fit/on/the/first/line",
	} {
		s := askSpec(t)
		s.Subject = subj
		out := mustCompose(t, s, false)
		head, _, _ := bytes.Cut(out.Raw, []byte("\r\n\r\n"))
		for _, line := range strings.Split(string(head), "\r\n") {
			if strings.HasPrefix(line, "Subject:") && strings.TrimSpace(line) == "Subject:" {
				t.Errorf("Compose(subject %q) folds right after Subject:", subj)
			}
			if strings.Contains(line, "=?") && len(line) > 76 {
				t.Errorf("Compose(subject %q) has a %d-character encoded line: %s", subj, len(line), line)
			}
		}
		r, err := mail.CreateReader(bytes.NewReader(out.Raw))
		if err != nil {
			t.Fatalf("reading composed mail: %v", err)
		}
		if got, _ := r.Header.Subject(); got != subj {
			t.Errorf("Compose(subject %q): read back %q", subj, got)
		}
	}
}

// TestRepliesFor picks a scenario's own template where the config gives
// one and the shared one for every other kind and scenario.
func TestRepliesFor(t *testing.T) {
	own := &Template{Subject: "own", Body: "{{.ScenarioID}} {{.Product}}"}
	r := Replies{Request: Template{Subject: "shared"}, Forward: Template{Subject: "shared forward"},
		Scenarios: map[string]ScenarioReplies{"transfer": {Request: own}}}
	tests := []struct{ kind, scenario, want string }{
		{KindRequest, "transfer", "own"},
		{KindRequest, "recovery", "shared"},
		{KindRequest, "", "shared"},
		{KindForward, "transfer", "shared forward"},
	}
	for _, tt := range tests {
		if got := r.For(tt.kind, tt.scenario); got == nil || got.Subject != tt.want {
			t.Errorf("For(%s, %s) = %+v, want subject %q", tt.kind, tt.scenario, got, tt.want)
		}
	}
	if probs := r.Parse(); len(probs) == 0 {
		t.Fatal("Parse of templates without bodies found no problem")
	}
	_, body, err := own.Render(ReplyData{ScenarioID: "transfer", Product: "iMC"})
	if err != nil || body != "transfer iMC\n" {
		t.Errorf("Render(own) = %q, %v, want the scenario id and product", body, err)
	}
}

// TestComposeDisplayNames: every header that pairs a name with an address
// (From, To, Reply-To) carries names holding each RFC 5322 special and CJK
// text so that mail readers get the name and the address back unchanged.
func TestComposeDisplayNames(t *testing.T) {
	names := []string{`Zhang, San`, `张三`, `李四, 信息中心`, `a@b`, `x <y>`, `(comment)`, `semi;colon: "q"`, `[ops]`, `back\slash`, `dot.ted`, `Ünïcode, Zoë`}
	for _, name := range names {
		s := requestSpec(t)
		s.From = (&netmail.Address{Name: name, Address: "intake@example.test"}).String()
		s.To = []string{(&netmail.Address{Name: name, Address: "zhang.wei@customer.example"}).String()}
		s.ReplyTo = &netmail.Address{Name: name, Address: "reply@customer.example"}
		out := mustCompose(t, s, false)
		r, err := mail.CreateReader(bytes.NewReader(out.Raw))
		if err != nil {
			t.Fatalf("name %q: reading composed mail: %v", name, err)
		}
		for field, addr := range map[string]string{"From": "intake@example.test", "To": "zhang.wei@customer.example", "Reply-To": "reply@customer.example"} {
			as, err := r.Header.AddressList(field)
			if err != nil || len(as) != 1 || as[0].Name != name || as[0].Address != addr {
				t.Errorf("name %q: %s = %q (%v), want the name and %s back", name, field, r.Header.Get(field), err, addr)
			}
		}
		if !strings.EqualFold(out.From, "intake@example.test") || out.To[0] != "zhang.wei@customer.example" {
			t.Errorf("name %q: envelope %q → %v", name, out.From, out.To)
		}
	}
}

// TestRepliesTooLargeChecked: the too_large reply is optional, and checked
// like the others when given.
func TestRepliesTooLargeChecked(t *testing.T) {
	r := testReplies(t)
	r.TooLarge = Template{Subject: "Re: {{.Subject}}", Body: "{{.Size}} > {{.Limit}}"}
	if probs := r.Parse(); len(probs) > 0 {
		t.Fatalf("Parse() = %v", probs)
	}
	if _, body, err := r.TooLarge.Render(TooLargeData{Size: "80.0 MiB", Limit: "64MiB"}); err != nil || body != "80.0 MiB > 64MiB\n" {
		t.Errorf("Render = %q, %v", body, err)
	}
	r.TooLarge = Template{Subject: "Re: {{.Subjct}}", Body: "x"}
	probs := r.Parse()
	if len(probs) != 1 || probs[0].Path != "too_large.subject" {
		t.Errorf("Parse() with a misspelt field = %+v, want one problem at too_large.subject", probs)
	}
}
