package message

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"intake/rules"
)

// file is an expected attachment: its name and origin.
type file struct{ name, origin string }

func (f file) String() string {
	if f.origin == "" {
		return f.name
	}
	return f.name + "@" + f.origin
}

// mailTest is what parsing one file of testdata/mail must give.
type mailTest struct {
	file      string
	subject   string
	from      string
	files     []file
	lines     []string // lines Body must contain
	forwarded int
}

var mailTests = []mailTest{
	{"01-recovery-complete-zh.eml", "License找回申请 - 浙江交投数据中心", "liuyang@example.cn", nil,
		[]string{"客户局点名称：浙江省交通投资集团数据中心", "授权码：IMC-PLAT-5A3F-92QD-0C5E"}, 0},
	{"02-recovery-missing-auth-code-en.eml", "Lost license activation file for iMC - please help recover", "d.brooks@example.com", nil,
		[]string{"Site name: Harbor Point University - Main Campus NOC"}, 0},
	{"03-hardware-change-complete-zh.eml", "License硬件变更申请 - 杭州市滨江区人民医院", "wanglei@hengwang-tech.example",
		[]file{{"老服务器License.lic", ""}, {"新服务器主机信息文件.txt", ""}, {"承诺书(盖章).pdf", ""}},
		[]string{"最终用户单位名称：杭州市滨江区人民医院", "授权码：IMC-PLAT-7F3A-92QD-0C5E"}, 0},
	{"04-hardware-change-missing-fields-en.eml", "Hardware change request - replacing our iMC server", "grace.lin@northwind-log.example",
		[]file{{"old-server.ak", ""}, {"hostinfo_new.txt", ""}, {"commitment_letter_stamped.jpg", ""}},
		[]string{"End user organization: Northwind Logistics (Shanghai) Co., Ltd."}, 0},
	{"05-hardware-change-letter-docx-zh.eml", "申请License硬件变更（苏州工业园区管委会信息中心）", "zhaomin@xinghai-sys.example",
		[]file{{"XLog_老服务器_License.lic", ""}, {"XLog_新服务器主机信息.txt", ""}, {"H3C业务软件License例外申请及承诺书.docx", ""}},
		[]string{"授权码：XLOG-4B20-HX7K-Q1P9"}, 0},
	{"06-hardware-change-html-table-zh.eml", "更换服务器 - License硬件变更申请（宁波港集团）", "sunhao@example.cn",
		[]file{{"旧服务器主机信息文件.txt", ""}, {"新服务器主机信息文件.txt", ""}, {"承诺书（已盖章）.pdf", ""}},
		[]string{"最终用户单位名称: 宁波港集团信息中心", "用户联系方式: 0574-27681150", "授权码: IMC-PLAT-1C8E-77RT-K2W4"}, 0},
	{"07-hardware-change-host-strings-zh.eml", "iMC APM License硬件变更申请", "zhouting@tianyuan-net.example",
		[]file{{"承诺书盖章扫描件.jpg", ""}},
		[]string{"旧机器标识字符串：APM-UID-9F3C-22B7-E1A0-5D4C", "新机器标识字符串：APM-UID-47AE-0B19-C6D2-8F35"}, 0},
	{"08-hardware-change-cams-zh.eml", "CAMS License硬件变更申请 - 南湖职业技术学院", "huangzq@example.net",
		[]file{{"CAMS老服务器License.lic", ""}, {"CAMS新服务器主机信息.txt", ""}, {"承诺书(盖章).jpg", ""}},
		[]string{"最终用户单位名称：南湖职业技术学院", "授权码：CAMS-3E9A-61PL-TT08"}, 0},
	{"09-unbind-complete-zh.eml", "License解绑申请 - 青港物流信息中心", "machao@ruitong-it.example",
		[]file{{"服务器License.lic", ""}, {"承诺书（解绑定专用）.pdf", ""}},
		[]string{"授权码：IMC-EIA-2D6B-93KX-M7Q1"}, 0},
	{"10-unbind-general-letter-zh.eml", "申请License解除绑定（厦门海沧港务）", "hejing@example.cn",
		[]file{{"XLog_License.lic", ""}, {"H3C业务软件License例外申请及承诺书(盖章).pdf", ""}},
		[]string{"授权码：XLOG-7C11-PB3N-0R6T"}, 0},
	{"11-unbind-all-serials-zh.eml", "License解绑申请 - 烟台港集团信息中心", "guopeng@boyuan-tech.example",
		[]file{{"License文件.lic", ""}, {"承诺书（解绑定专用）-盖章.pdf", ""}},
		[]string{"授权码：IMC-PLAT-6E2C-58VN-3JHD"}, 0},
	{"12-ask-scenario-zh.eml", "咨询：iMC License例外申请", "wuqian@example.com", nil,
		[]string{"授权码：IMC-PLAT-0B4D-61SX-9EWA"}, 0},
	{"13-hardware-change-zip-zh.eml", "License硬件变更 - 材料见附件压缩包", "linfeng@example.net",
		[]file{{"materials.zip", ""}, {"老服务器License.lic", "archive"}, {"新服务器主机信息文件.txt", "archive"}, {"承诺书(盖章).pdf", "archive"}},
		[]string{"授权码：IMC-PLAT-9A7E-15MC-6LTU"}, 0},
	{"14-unbind-forwarded-zh.eml", "Fwd: License解绑申请 - 江北市第一人民医院", "caoyang@zhongke-it.example",
		[]file{{"iMC_EIA_License.lic", "forwarded"}, {"承诺书（解绑定专用）盖章.pdf", "forwarded"}},
		[]string{"授权码：IMC-EIA-3K8P-20WD-5YNB"}, 1},
	{"15-ignore-out-of-office-zh.eml", "自动回复: Re: [LX-20261120-0004] License硬件变更申请 - 待补充材料", "xuwen@example.cn", nil,
		[]string{"您好，我于11月20日至11月30日休假"}, 0},
	{"16-ignore-bounce.eml", "Undelivered Mail Returned to Sender", "mailer-daemon@mail.example.net", nil,
		[]string{"This is the mail system at host mail.example.net."}, 1},
	{"17-ignore-mailing-list-zh.eml", "[imc-users] 请问License解绑需要准备哪些材料？", "zhaogang@example.com", nil,
		[]string{"需要准备哪些材料？"}, 0},
	{"18-ignore-noreply-zh.eml", "License申请受理通知", "noreply@portal.example.com", nil,
		[]string{"授权码：IMC-PLAT-3C5D-90MA-4XTE"}, 0},
	{"19-ignore-own-address.eml", "Fwd: License找回申请", "intake@example.test", nil,
		[]string{"授权码：IMC-PLAT-8B2E-47KC-1VWQ"}, 0},
}

func TestParseMailFiles(t *testing.T) {
	all, _ := filepath.Glob("../../testdata/mail/*.eml")
	for _, path := range all {
		name := filepath.Base(path)
		if !slices.ContainsFunc(mailTests, func(tt mailTest) bool { return tt.file == name }) {
			t.Errorf("%s has no entry in mailTests", name)
		}
	}
	for _, tt := range mailTests {
		t.Run(tt.file, func(t *testing.T) {
			m := parseFile(t, filepath.Join("../../testdata/mail", tt.file))
			if m.Problem != "" || len(m.Notes) > 0 {
				t.Errorf("Parse(%s).Problem, Notes = %q %q, %q, want none", tt.file, m.Problem, m.Detail, m.Notes)
			}
			if m.Subject != tt.subject {
				t.Errorf("Parse(%s).Subject = %q, want %q", tt.file, m.Subject, tt.subject)
			}
			if m.From != tt.from {
				t.Errorf("Parse(%s).From = %q, want %q", tt.file, m.From, tt.from)
			}
			if got := files(m); !slices.Equal(got, tt.files) {
				t.Errorf("Parse(%s).Attachments = %v, want %v", tt.file, got, tt.files)
			}
			for _, line := range tt.lines {
				if !strings.Contains(m.Body, line) {
					t.Errorf("Parse(%s).Body lacks %q; Body:\n%s", tt.file, line, m.Body)
				}
			}
			if len(m.Forwarded) != tt.forwarded {
				t.Errorf("Parse(%s).Forwarded = %d messages, want %d", tt.file, len(m.Forwarded), tt.forwarded)
			}
			for _, a := range m.Attachments {
				if a.Data == nil || int64(len(a.Data)) != a.Size || len(a.SHA256) != 64 || !bytes.HasPrefix(a.Data, a.Head) {
					t.Errorf("Parse(%s) attachment %s: Size %d, len(Data) %d, SHA256 %q, Head %d bytes: inconsistent",
						tt.file, a.Name, a.Size, len(a.Data), a.SHA256, len(a.Head))
				}
			}
		})
	}
}

// TestParseMailDetails checks what the table above does not: header fields,
// the attached message, the text of files, containers.
func TestParseMailDetails(t *testing.T) {
	m := parseFile(t, "../../testdata/mail/14-unbind-forwarded-zh.eml")
	inner := m.Forwarded[0]
	if inner.From != "qianli@jbhospital.example" || inner.Subject != "License解绑申请" {
		t.Errorf("Parse(14).Forwarded[0] From, Subject = %q, %q, want qianli@jbhospital.example, License解绑申请", inner.From, inner.Subject)
	}
	if c := m.Attachments[0].Container; c != "License解绑申请" {
		t.Errorf("Parse(14).Attachments[0].Container = %q, want the inner subject", c)
	}

	m = parseFile(t, "../../testdata/mail/13-hardware-change-zip-zh.eml")
	if c := m.Attachments[1].Container; c != "materials.zip" {
		t.Errorf("Parse(13).Attachments[1].Container = %q, want materials.zip", c)
	}

	m = parseFile(t, "../../testdata/mail/15-ignore-out-of-office-zh.eml")
	if got := m.HeaderValue("Auto-Submitted"); got != "auto-replied" {
		t.Errorf("Parse(15).Header[Auto-Submitted] = %q, want auto-replied", got)
	}
	if want := []string{"LX-20261120-0004.r1@example.test"}; !slices.Equal(m.InReplyTo, want) {
		t.Errorf("Parse(15).InReplyTo = %q, want %q", m.InReplyTo, want)
	}

	m = parseFile(t, "../../testdata/mail/16-ignore-bounce.eml")
	if m.MediaType != "multipart/report" || m.Params["report-type"] != "delivery-status" {
		t.Errorf("Parse(16).MediaType, Params = %q, %v, want multipart/report with report-type delivery-status", m.MediaType, m.Params)
	}

	m = parseFile(t, "../../testdata/mail/08-hardware-change-cams-zh.eml")
	if m.FromName != "黄志强" || m.MessageID != "003301dc5d2b$9e4f1a20$daed4e60$@example.net" || m.Date.IsZero() {
		t.Errorf("Parse(08).FromName, MessageID, Date = %q, %q, %v", m.FromName, m.MessageID, m.Date)
	}
	if txt := m.Attachments[1].Text; !strings.Contains(txt, "host information file") {
		t.Errorf("Parse(08).Attachments[1].Text = %q, want the host file's text", txt)
	}

	m = parseFile(t, "../../testdata/mail/04-hardware-change-missing-fields-en.eml")
	if !strings.Contains(m.AltBody, "End user organization: Northwind Logistics") {
		t.Errorf("Parse(04).AltBody = %q, want the HTML part as text", m.AltBody)
	}
}

// TestParseCharsets covers encodings of Chinese mail, generated.
func TestParseCharsets(t *testing.T) {
	gbk := func(s string) string { return encode(t, simplifiedchinese.GBK, s) }
	tests := []struct {
		name    string
		raw     string
		subject string
		body    string // Body must contain it
		files   []string
	}{
		{"GBK body and subject", textMail("=?GBK?B?"+b64(gbk("硬件变更申请"))+"?=", "text/plain; charset=GBK", "8bit", gbk("授权码：IMC-1\r\n")),
			"硬件变更申请", "授权码：IMC-1", nil},
		{"gb2312 label with GBK-only characters", textMail("x", "text/plain; charset=gb2312", "base64", b64(gbk("用户联系人：王喆\r\n"))),
			"x", "用户联系人：王喆", nil},
		{"GB18030 four-byte characters", textMail("=?gb18030?B?"+b64(encode(t, simplifiedchinese.GB18030, "𠮷野家"))+"?=", "text/plain; charset=gb18030", "base64",
			b64(encode(t, simplifiedchinese.GB18030, "单位：𠮷野家"))), "𠮷野家", "单位：𠮷野家", nil},
		{"Big5 body and subject", textMail("=?big5?B?"+b64(encode(t, traditionalchinese.Big5, "硬體變更"))+"?=", "text/plain; charset=big5", "base64",
			b64(encode(t, traditionalchinese.Big5, "授權碼：IMC-2"))), "硬體變更", "授權碼：IMC-2", nil},
		{"unlabelled GBK body", textMail("x", "text/plain", "8bit", gbk("授权码：IMC-3")), "x", "授权码：IMC-3", nil},
		{"mislabelled", textMail("x", "text/plain; charset=us-ascii", "8bit", "授权码：IMC-4"), "x", "授权码：IMC-4", nil},
		{"split word", textMail("=?utf-8?B?"+b64("授权"[:4])+"?= =?utf-8?B?"+b64("授权"[4:])+"?=", "text/plain", "7bit", "x"),
			"授权", "x", nil},
		{"unknown charset word", textMail("=?x-martian?B?"+b64("\xff\xfe")+"?= ok", "text/plain", "7bit", "x"),
			"=?x-martian?B?//4=?= ok", "x", nil},
		{"RFC 2047 in name", withFile("application/pdf; name=\"=?GBK?B?"+b64(gbk("承诺书.pdf"))+"?=\"", "attachment"),
			"x", "", []string{"承诺书.pdf"}},
		{"RFC 2231 continuations in GBK", withFile("application/pdf",
			"attachment; filename*0*=gbk''"+pct(gbk("承诺书"))+"; filename*1*="+pct(gbk("（盖章）"))+"; filename*2=.pdf"),
			"x", "", []string{"承诺书（盖章）.pdf"}},
		{"raw GBK filename", withFile("application/pdf", "attachment; filename=\""+gbk("主机信息.txt")+"\""),
			"x", "", []string{"主机信息.txt"}},
		{"path in name", withFile("application/octet-stream", "attachment; filename=\"../../etc/passwd\""),
			"x", "", []string{"passwd"}},
		{"Windows path in name", withFile("application/octet-stream", `attachment; filename="..\\..\\x.exe"`),
			"x", "", []string{"x.exe"}},
		{"illegal characters", withFile("application/octet-stream", "attachment; filename=\"..a<b>c:d|e?f*\x01.txt\""),
			"x", "", []string{"a_b_c_d_e_f_.txt"}},
		{"dots only", withFile("application/pdf", "attachment; filename=\"..\""),
			"x", "", []string{"attachment-1.pdf"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := parseString(t, tt.raw)
			if m.Subject != tt.subject {
				t.Errorf("Parse(%s).Subject = %q, want %q", tt.name, m.Subject, tt.subject)
			}
			if !strings.Contains(m.Body, tt.body) {
				t.Errorf("Parse(%s).Body = %q, want it to contain %q", tt.name, m.Body, tt.body)
			}
			var names []string
			for _, a := range m.Attachments {
				names = append(names, a.Name)
			}
			if !slices.Equal(names, tt.files) {
				t.Errorf("Parse(%s).Attachments = %q, want %q", tt.name, names, tt.files)
			}
		})
	}
}

// TestParseHeaders covers header fields real mail gets wrong.
func TestParseHeaders(t *testing.T) {
	raw := "From: =?utf-8?B?" + b64("张三, 销售部") + "?= <Zhang.San@Example.CN>\r\n" +
		"To: a@example.test, \"B\" <b@example.test>\r\nCc: <c@example.test>\r\n" +
		"Message-ID: junk-id@example.cn\r\nReferences: <r1@x> (comment) <r2@x>\r\n" +
		"Date: not a date\r\nSubject: plain\r\n\r\nbody\r\n"
	m := parseString(t, raw)
	if m.From != "zhang.san@example.cn" || m.FromName != "张三, 销售部" {
		t.Errorf("Parse(unparsable From).From, FromName = %q, %q, want zhang.san@example.cn, 张三, 销售部", m.From, m.FromName)
	}
	if want := []string{"a@example.test", "b@example.test", "c@example.test"}; !slices.Equal(m.To, want) {
		t.Errorf("Parse().To = %q, want %q", m.To, want)
	}
	if m.MessageID != "junk-id@example.cn" || !slices.Equal(m.References, []string{"r1@x", "r2@x"}) {
		t.Errorf("Parse().MessageID, References = %q, %q", m.MessageID, m.References)
	}
	if !m.Date.IsZero() {
		t.Errorf("Parse().Date = %v, want zero", m.Date)
	}
}

// TestParseHTML checks the HTML to text conversion on its own.
func TestParseHTML(t *testing.T) {
	tests := []struct{ name, html, want string }{
		{"blocks and entities", "<html><head><title>t</title><style>p{}</style></head><body><p>a&nbsp;b</p><div>c<br>d</div><script>x()</script></body></html>",
			"a b\nc\nd"},
		{"inline tags join", "<p><span>IMC-</span><span>PLAT</span> <b>x</b></p>", "IMC-PLAT x"},
		{"label row", "<table><tr><td><p>授权码</p></td><td><p>IMC-1</p></td></tr><tr><td>站点：</td><td>A</td></tr></table>",
			"授权码: IMC-1\n站点： A"},
		{"four cells pair up", "<table><tr><td>a</td><td>1</td><td>b</td><td>2</td></tr></table>", "a: 1\nb: 2"},
		{"three cells", "<table><tr><th>a</th><th>b</th><th>c</th></tr></table>", "a | b | c"},
		{"heading row over columns", "<table><tr><td><b>单位</b></td><td><b>联系人</b></td><td><strong>授权码</strong></td></tr>" +
			"<tr><td>A局</td><td>张三</td><td>IMC-1</td></tr></table>", "单位: A局\n联系人: 张三\n授权码: IMC-1"},
		{"numbered rows", "<table><tr><th>序号</th><th>项目</th><th>内容</th></tr><tr><td>1</td><td>授权码</td><td>IMC-1</td></tr>" +
			"<tr><td>2.</td><td>用户联系人</td><td>张三</td></tr></table>", "项目: 内容\n授权码: IMC-1\n用户联系人: 张三"},
		{"label cells in bold", "<table><tr><td><b>授权码</b></td><td>IMC-1</td><td><b>站点</b></td><td>A</td></tr>" +
			"<tr><td><b>联系人</b></td><td>张三</td><td></td><td></td></tr></table>", "授权码: IMC-1\n站点: A\n联系人: 张三"},
		{"layout table", "<table><tr><td><table><tr><td>k</td><td>v</td></tr></table><p>text</p></td></tr></table>",
			"k: v\ntext"},
	}
	for _, tt := range tests {
		if got := htmlToText(tt.html); got != tt.want {
			t.Errorf("htmlToText(%s) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestParseZip covers .zip attachments built in the test.
func TestParseZip(t *testing.T) {
	gbkName := encode(t, simplifiedchinese.GBK, "新服务器主机信息.txt")
	inner := makeZip(t, zipEntry{name: "deep.txt", data: "x"})
	archive := makeZip(t,
		zipEntry{name: gbkName, data: "host: abc", nonUTF8: true},
		zipEntry{name: "docs/", data: ""},
		zipEntry{name: "docs/承诺书.pdf", data: "%PDF-1.4"},
		zipEntry{name: "__MACOSX/docs/._承诺书.pdf", data: "junk"},
		zipEntry{name: "secret.lic", data: "s", encrypted: true},
		zipEntry{name: "inner.zip", data: inner},
	)
	m := parseString(t, withData("application/octet-stream", "attachment; filename=\"a.ZIP\"", archive))
	want := []file{{"a.ZIP", ""}, {"新服务器主机信息.txt", "archive"}, {"承诺书.pdf", "archive"}, {"secret.lic", "archive"}, {"inner.zip", "archive"}}
	if got := files(m); !slices.Equal(got, want) {
		t.Errorf("Parse(zip).Attachments = %v, want %v", got, want)
	}
	if want := []string{"attachment_skipped: secret.lic: encrypted"}; !slices.Equal(m.Notes, want) {
		t.Errorf("Parse(zip).Notes = %q, want %q", m.Notes, want)
	}
	if len(m.Attachments) == 5 {
		if a := m.Attachments[1]; a.Text != "host: abc" || a.Container != "a.ZIP" || a.ContentType != "text/plain" {
			t.Errorf("Parse(zip) GBK entry: Text %q, Container %q, ContentType %q", a.Text, a.Container, a.ContentType)
		}
		if a := m.Attachments[3]; a.Data != nil {
			t.Errorf("Parse(zip) encrypted entry has Data")
		}
	}

	// Over the total expansion limit.
	m = parseString(t, withData("application/zip", "attachment; filename=\"b.zip\"",
		makeZip(t, zipEntry{name: "1.txt", data: "12345678"}, zipEntry{name: "2.txt", data: "12345678"})),
		func(l *Limits) { l.MaxArchiveBytes = 10 })
	if want := []string{"attachment_skipped: 2.txt: archives expand past 10 bytes in total"}; !slices.Equal(m.Notes, want) {
		t.Errorf("Parse(zip over MaxArchiveBytes).Notes = %q, want %q", m.Notes, want)
	}

	// By signature alone, and too many entries.
	var many []zipEntry
	for i := range 5 {
		many = append(many, zipEntry{name: fmt.Sprintf("f%d.txt", i), data: "x"})
	}
	m = parseString(t, withData("application/octet-stream", "attachment; filename=\"bundle\"", makeZip(t, many...)), func(l *Limits) { l.MaxArchiveEntries = 4 })
	if want := []string{"attachment_skipped: bundle: more than 4 archive entries"}; len(m.Attachments) != 1 || !slices.Equal(m.Notes, want) {
		t.Errorf("Parse(zip of 5, limit 4) = %v, notes %q, want the zip only and %q", files(m), m.Notes, want)
	}
}

// parseFile parses a file with the default limits.
func parseFile(t testing.TB, path string) *rules.Message {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := Parse(f, Limits{})
	if err != nil {
		t.Fatalf("Parse(%s) error: %v", path, err)
	}
	return m
}

// parseString parses raw with the default limits changed by the options.
func parseString(t testing.TB, raw string, opts ...func(*Limits)) *rules.Message {
	t.Helper()
	lim := DefaultLimits()
	for _, o := range opts {
		o(&lim)
	}
	m, err := Parse(strings.NewReader(raw), lim)
	if err != nil {
		t.Fatalf("Parse error: %v", err)
	}
	return m
}

// files lists the names and origins of a message's attachments.
func files(m *rules.Message) []file {
	var out []file
	for _, a := range m.Attachments {
		out = append(out, file{a.Name, a.Origin})
	}
	return out
}

// textMail builds a single-part message.
func textMail(subject, contentType, encoding, body string) string {
	return "From: a@example.test\r\nTo: intake@example.test\r\nSubject: " + subject + "\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: " + contentType + "\r\nContent-Transfer-Encoding: " + encoding + "\r\n\r\n" + body + "\r\n"
}

// withFile builds a message with a text part and one small file.
func withFile(contentType, disposition string) string {
	return withData(contentType, disposition, "data")
}

// withData builds a message with a text part and one file.
func withData(contentType, disposition, data string) string {
	return "From: a@example.test\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=BB\r\n\r\n" +
		"--BB\r\nContent-Type: text/plain\r\n\r\ntext\r\n" +
		"--BB\r\nContent-Type: " + contentType + "\r\nContent-Disposition: " + disposition +
		"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + wrap76(b64(data)) + "\r\n--BB--\r\n"
}

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// wrap76 breaks base64 text into lines as mailers do.
func wrap76(s string) string {
	var b strings.Builder
	for len(s) > 76 {
		b.WriteString(s[:76] + "\r\n")
		s = s[76:]
	}
	b.WriteString(s)
	return b.String()
}

// pct percent-encodes every byte, as RFC 2231 values are written.
func pct(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		fmt.Fprintf(&b, "%%%02X", s[i])
	}
	return b.String()
}

// encode converts UTF-8 text to a legacy charset.
func encode(t testing.TB, e encoding.Encoding, s string) string {
	t.Helper()
	out, err := e.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

type zipEntry struct {
	name, data         string
	nonUTF8, encrypted bool
}

// makeZip builds a zip archive in memory.
func makeZip(t testing.TB, entries ...zipEntry) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, NonUTF8: e.nonUTF8}
		if e.encrypted {
			h.Flags |= 0x1
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(e.data))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func BenchmarkParse(b *testing.B) {
	paths, _ := filepath.Glob("../../testdata/mail/*.eml")
	var raws [][]byte
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, data)
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		if _, err := Parse(bytes.NewReader(raws[n%len(raws)]), Limits{}); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "mails/s")
}

// BenchmarkParseAttachment parses a mail with a 4 MiB attachment in base64
// lines of 76 characters, as most mailers write them.
func BenchmarkParseAttachment(b *testing.B) {
	data := make([]byte, 4<<20)
	for i := range data {
		data[i] = byte(i * 7 % 251)
	}
	enc := base64.StdEncoding.EncodeToString(data)
	var raw strings.Builder
	raw.WriteString("From: a@example.test\r\nSubject: scan\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n" +
		"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nsee the file\r\n" +
		"--b1\r\nContent-Type: application/octet-stream; name=\"scan.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n")
	for len(enc) > 76 {
		raw.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	raw.WriteString(enc + "\r\n--b1--\r\n")
	b.SetBytes(int64(raw.Len()))
	b.ReportAllocs()
	for b.Loop() {
		m, err := Parse(strings.NewReader(raw.String()), Limits{})
		if err != nil {
			b.Fatal(err)
		}
		if len(m.Attachments) != 1 || m.Attachments[0].Size != int64(len(data)) {
			b.Fatalf("attachments %+v", m.Attachments)
		}
	}
}

func TestParseParams(t *testing.T) {
	tests := []struct {
		name, in, value string
		params          map[string]string
	}{
		{"plain", `Text/Plain; charset="GBK"; format=flowed`, "text/plain", map[string]string{"charset": "GBK", "format": "flowed"}},
		{"duplicate", `attachment; filename="a.pdf"; filename="b.pdf"`, "attachment", map[string]string{"filename": "a.pdf"}},
		{"unquoted specials", `attachment; filename=Invoice_(1).pdf`, "attachment", map[string]string{"filename": "Invoice_(1).pdf"}},
		{"missing quote", `text/html; charset="UTF-8`, "text/html", map[string]string{"charset": "UTF-8"}},
		{"escaped quote", `a; name="x\"y"; b=1`, "a", map[string]string{"name": `x"y`, "b": "1"}},
		{"bare token", `a; junk; b=1`, "a", map[string]string{"b": "1"}},
		{"RFC 2231", `a; name*=utf-8'zh'%E6%96%87.txt; name="fallback"`, "a", map[string]string{"name": "文.txt"}},
		{"RFC 2231 gap", `a; name*0=x; name*2=z`, "a", map[string]string{"name": "x"}},
	}
	for _, tt := range tests {
		value, params := parseParams(tt.in)
		if value != tt.value || !maps.Equal(params, tt.params) {
			t.Errorf("parseParams(%s) = %q, %v, want %q, %v", tt.name, value, params, tt.value, tt.params)
		}
	}
}

func TestParseByteSize(t *testing.T) {
	tests := []struct {
		yaml string
		want ByteSize
		err  string
	}{
		{"1024", 1024, ""},
		{"64MiB", 64 << 20, ""},
		{`"25 MB"`, 25_000_000, ""},
		{"512KiB", 512 << 10, ""},
		{"1GiB", 1 << 30, ""},
		{"1.5 KiB", 1536, ""},
		{"12 parsecs", 0, `line 1: invalid byte size "12 parsecs"`},
		{"-5", 0, "invalid byte size"},
		{"[1]", 0, "must be a number"},
	}
	for _, tt := range tests {
		var got ByteSize
		err := yaml.Unmarshal([]byte(tt.yaml), &got)
		if tt.err == "" && (err != nil || got != tt.want) {
			t.Errorf("yaml.Unmarshal(%s) = %d, %v, want %d", tt.yaml, got, err, tt.want)
		}
		if tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("yaml.Unmarshal(%s) error = %v, want one containing %q", tt.yaml, err, tt.err)
		}
	}
	var lim Limits
	if err := yaml.Unmarshal([]byte("max_message_bytes: 10MiB\nmax_parts: 7\n"), &lim); err != nil ||
		lim.MaxMessageBytes != 10<<20 || lim.MaxParts != 7 || lim.WithDefaults().MaxDepth != 20 {
		t.Errorf("yaml.Unmarshal(limits) = %+v, %v", lim, err)
	}
}

// TestParseEMLAttachment checks that a mail attached as a .eml file of type
// application/octet-stream is read like message/rfc822.
func TestParseEMLAttachment(t *testing.T) {
	inner := strings.Replace(withFile("application/pdf", `attachment; filename="letter.pdf"`), "Subject: x", "Subject: 解绑申请", 1)
	m := parseString(t, withData("application/octet-stream", `attachment; filename="req.eml"`, inner))
	want := []file{{"letter.pdf", "forwarded"}}
	if got := files(m); !slices.Equal(got, want) || len(m.Forwarded) != 1 || m.Attachments[0].Container != "解绑申请" {
		t.Errorf("Parse(.eml attachment).Attachments = %v, Forwarded %d, want %v from 1 message", got, len(m.Forwarded), want)
	}
	m = parseString(t, withData("application/octet-stream", `attachment; filename="notes.eml"`, "just text"))
	if want := []file{{"notes.eml", ""}}; !slices.Equal(files(m), want) {
		t.Errorf("Parse(.eml that is no mail).Attachments = %v, want %v", files(m), want)
	}
}

// TestParseFilesByContent checks that a file sent as application/octet-stream
// gets the type its first bytes tell, whatever its name.
func TestParseFilesByContent(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"IMG_0231", "\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "image/heic"},
		{"photo.HEIF", "\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1heic", "image/heif"},
		{"scan0001", "%PDF-1.4\n%…", "application/pdf"},
		{"letter.dat", "\xff\xd8\xff\xe0\x00\x10JFIF\x00", "image/jpeg"},
		{"page2", "II*\x00\x08\x00\x00\x00", "image/tiff"},
		{"notes.bin", "plain words", "application/octet-stream"},
	}
	for _, tt := range tests {
		m := parseString(t, withData("application/octet-stream", `attachment; filename="`+tt.name+`"`, tt.data))
		if len(m.Attachments) != 1 || m.Attachments[0].ContentType != tt.want {
			t.Errorf("Parse(%s as octet-stream).Attachments = %+v, want one of type %s", tt.name, m.Attachments, tt.want)
		}
	}
}

// TestParseEmbeddedImage checks that an image the HTML body shows by cid: is
// marked Embedded, and one merely attached is not.
func TestParseEmbeddedImage(t *testing.T) {
	raw := "From: a@example.test\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=MM\r\n\r\n" +
		"--MM\r\nContent-Type: multipart/related; boundary=RR\r\n\r\n" +
		"--RR\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>承诺书随后寄出</p><img src=\"cid:image001.png@01DB4A3C.5E6F7A80\">\r\n" +
		"--RR\r\nContent-Type: image/png; name=\"image001.png\"\r\nContent-ID: <image001.png@01DB4A3C.5E6F7A80>\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64("\x89PNG\r\n\x1a\nlogo") + "\r\n" +
		"--RR--\r\n" +
		"--MM\r\nContent-Type: image/png; name=\"photo.png\"\r\nContent-ID: <photo>\r\nContent-Disposition: attachment; filename=\"photo.png\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64("\x89PNG\r\n\x1a\nphoto") + "\r\n" +
		"--MM--\r\n"
	m := parseString(t, raw)
	var got []string
	for _, a := range m.Attachments {
		got = append(got, fmt.Sprintf("%s embedded=%v", a.Name, a.Embedded))
	}
	if want := []string{"image001.png embedded=true", "photo.png embedded=false"}; !slices.Equal(got, want) {
		t.Errorf("Parse(logo by cid: and an attached photo).Attachments = %v, want %v", got, want)
	}
}

// TestParseOfficeForms checks that the text of a .docx or .xlsx form is
// read, a table row as its cells joined by tabs, and that a bomb of a part
// gives no text.
func TestParseOfficeForms(t *testing.T) {
	w := `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	docx := makeZip(t, zipEntry{name: "word/document.xml", data: `<w:document ` + w + `><w:body>` +
		`<w:p><w:r><w:t>信息登记表</w:t></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>最终用户单位</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>天津港</w:t></w:r><w:r><w:t>集装箱码头</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`</w:body></w:document>`})
	xlsx := makeZip(t,
		zipEntry{name: "xl/sharedStrings.xml", data: `<sst><si><t>授权码</t></si><si><r><t>E2RT-</t></r><r><t>5YUI</t></r></si></sst>`},
		zipEntry{name: "xl/worksheets/sheet1.xml", data: `<worksheet><sheetData><row><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
			`<row><c r="A2" t="inlineStr"><is><t>节点数</t></is></c><c r="B2"><v>200</v></c></row></sheetData></worksheet>`})
	bomb := makeZip(t, zipEntry{name: "word/document.xml", data: `<w:document ` + w + `><w:body><w:p><w:r><w:t>` + strings.Repeat("x", 8<<20) + `</w:t></w:r></w:p></w:body></w:document>`})
	tests := []struct{ name, data, want string }{
		{"form.docx", docx, "信息登记表\n最终用户单位\t天津港集装箱码头"},
		{"FORM.XLSX", xlsx, "授权码\tE2RT-5YUI\n节点数\t200"},
		{"bomb.docx", bomb, ""},
	}
	for _, tt := range tests {
		m := parseString(t, withData("application/octet-stream", `attachment; filename="`+tt.name+`"`, tt.data))
		if len(m.Attachments) != 1 || m.Attachments[0].Text != tt.want {
			t.Errorf("Parse(%s).Attachments[0].Text = %q, want %q", tt.name, m.Attachments[0].Text, tt.want)
		}
	}
}

// tnefAttr encodes one TNEF attribute with its checksum.
func tnefAttr(level byte, id uint32, data []byte) []byte {
	var sum uint16
	for _, c := range data {
		sum += uint16(c)
	}
	b := []byte{level}
	b = binary.LittleEndian.AppendUint32(b, id)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(data)))
	b = append(b, data...)
	return binary.LittleEndian.AppendUint16(b, sum)
}

// mapiUnicode encodes a single PT_UNICODE MAPI property.
func mapiUnicode(id uint16, s string) []byte {
	u := utf16.Encode([]rune(s + "\x00"))
	b := binary.LittleEndian.AppendUint32(nil, uint32(id)<<16|0x001F)
	b = binary.LittleEndian.AppendUint32(b, 1)
	b = binary.LittleEndian.AppendUint32(b, uint32(2*len(u)))
	for _, c := range u {
		b = binary.LittleEndian.AppendUint16(b, c)
	}
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// TestParseTNEF checks that the files inside winmail.dat are listed with
// their long (Unicode) names, and its message class kept.
func TestParseTNEF(t *testing.T) {
	tnef := binary.LittleEndian.AppendUint32(nil, 0x223E9F78)
	tnef = append(tnef, 0x17, 0x5A)
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("承诺书.pdf"))
	tnef = append(tnef, tnefAttr(1, 0x00069007, []byte{0xA8, 3, 0, 0, 0, 0, 0, 0})...)
	tnef = append(tnef, tnefAttr(1, 0x00078008, []byte("IPM.Microsoft Mail.Note\x00"))...)
	tnef = append(tnef, tnefAttr(2, 0x00069002, make([]byte, 14))...)
	tnef = append(tnef, tnefAttr(2, 0x00018010, append(gbk, 0))...)
	tnef = append(tnef, tnefAttr(2, 0x0006800F, []byte("%PDF-1.4 letter"))...)
	props := binary.LittleEndian.AppendUint32(nil, 1)
	props = append(props, mapiUnicode(0x3707, "承诺书（盖章扫描件）.pdf")...)
	tnef = append(tnef, tnefAttr(2, 0x00069005, props)...)
	tnef = append(tnef, tnefAttr(2, 0x00069002, make([]byte, 14))...)
	tnef = append(tnef, tnefAttr(2, 0x00018010, []byte("old.lic\x00"))...)
	tnef = append(tnef, tnefAttr(2, 0x0006800F, []byte("License Activation File"))...)

	m := parseString(t, withData("application/ms-tnef", `attachment; filename="winmail.dat"`, string(tnef)))
	want := []file{{"winmail.dat", ""}, {"承诺书（盖章扫描件）.pdf", "archive"}, {"old.lic", "archive"}}
	if got := files(m); !slices.Equal(got, want) {
		t.Fatalf("Parse(winmail.dat).Attachments = %v, want %v", got, want)
	}
	if a := m.Attachments[1]; a.ContentType != "application/pdf" || a.Size != 15 {
		t.Errorf("Parse(winmail.dat) letter = %s of %d bytes, want application/pdf of 15", a.ContentType, a.Size)
	}
	if got := m.Header.Get("X-Tnef-Message-Class"); got != "IPM.Microsoft Mail.Note" {
		t.Errorf("Parse(winmail.dat) message class = %q", got)
	}
	// Cut short anywhere, it still reads without failing.
	for n := 0; n < len(tnef); n += 7 {
		parseString(t, withData("application/ms-tnef", `attachment; filename="winmail.dat"`, string(tnef[:n])))
	}
}
