package rules

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// testRules is a small process: two parties, a few labels, a list field.
func testRules(t *testing.T) *Rules {
	t.Helper()
	r := &Rules{
		OwnAddresses:    []string{"desk@example.test"},
		QuoteSeparators: []string{`^-{2,} ?original message ?-{2,}$`, `^on .* wrote:$`, `^.{0,80}写道[:：]?$`},
		EmptyValues:     `n/a|无|…+`,
		Sections: []Section{
			{ID: "customer", Default: true, Headings: []string{`customer( info)?`, `客户信息`}},
			{ID: "partner", Headings: []string{`partner( info)?`, `代理商信息`}},
		},
		Fields: []Field{
			{ID: "org", Labels: []string{`(customer )?organi[sz]ation`, `单位名称`}},
			{ID: "phone", Labels: []string{`customer phone`}, Section: "customer", SectionLabels: []string{`phone|电话`}},
			{ID: "partner_phone", Labels: []string{`partner phone`}, Section: "partner", SectionLabels: []string{`phone|电话`}},
			{ID: "code", Labels: []string{`auth(orization)? code`, `授权码`}, Value: `[A-Z0-9-]{6,}`,
				Inline: []string{`code is ([A-Z0-9]+(?:-[A-Z0-9]+){2,})`}},
			{ID: "serials", Labels: []string{`serials`}, List: true},
		},
		Files:     []FileClass{{ID: "doc", Names: []string{`\.pdf$`}}},
		Materials: []Material{{ID: "org", Kind: "field", Name: Text{"单位", "Org"}, AnyOf: []Source{{Field: "org"}}}},
		Scenarios: []Scenario{{ID: "s", Cues: []Cue{{Pattern: "help"}}, Materials: []string{"org"}}},
	}
	if probs := r.Compile(); len(probs) > 0 {
		t.Fatalf("Compile: %v", probs)
	}
	return r
}

func TestExtractFields(t *testing.T) {
	tests := []struct {
		name string
		text string
		want map[string]string
	}{
		{"colon forms", "Organisation: ACME Ltd\n授权码：IMC-1234-ABCD\n", map[string]string{"org": "ACME Ltd", "code": "IMC-1234-ABCD"}},
		{"two on a line", "Customer organization: ACME, Customer phone: 123 456\n", map[string]string{"org": "ACME", "phone": "123 456"}},
		{"dash separator", "Authorization code - IMC-1234-ABCD\n", map[string]string{"code": "IMC-1234-ABCD"}},
		{"label alone, value below", "Organisation\nACME Ltd\n", map[string]string{"org": "ACME Ltd"}},
		{"label list is not a value", "- Organisation\n- Customer phone\n", map[string]string{}},
		{"sections", "Customer:\nPhone: 111\nPartner:\nPhone: 222\n", map[string]string{"phone": "111", "partner_phone": "222"}},
		{"bracketed heading", "【代理商信息】\n电话：333\n", map[string]string{"partner_phone": "333"}},
		{"empty value", "Organisation: N/A\n", map[string]string{}},
		{"value must match", "授权码：见附件\n", map[string]string{}},
		{"inline", "our code is IMC-ABCD-1234 thanks\n", map[string]string{"code": "IMC-ABCD-1234"}},
		{"list over lines", "Serials:\n1. SN-001\n2. SN-002\n\nOrganisation: X\n", map[string]string{"serials": "SN-001, SN-002", "org": "X"}},
		{"time is not a separator", "Meeting at 09:40 tomorrow\n", map[string]string{}},
		{"bracketed label", "【单位名称】示例医院\n[Authorization code] IMC-1234-ABCD\n", map[string]string{"org": "示例医院", "code": "IMC-1234-ABCD"}},
		{"table cells", "| 单位名称 | 示例医院 |\n", map[string]string{"org": "示例医院"}},
		{"full-width spaces", "单位名称　示例医院　电话　0571-1234\n", map[string]string{"org": "示例医院", "phone": "0571-1234"}},
		{"label spaced to line up", "单 位 名 称：示例医院\n【代理商信息】\n电  话：333\n", map[string]string{"org": "示例医院", "partner_phone": "333"}},
		{"markdown", "## 申请\n**代理商信息**\n- **电话**：`333`\n", map[string]string{"partner_phone": "333"}},
		{"a dash in a sentence is no separator", "Request recover license file for organisation - urgent\n", map[string]string{}},
		{"a dash after a segment's label", "[Ticket 42] Organisation - ACME Ltd | Customer phone - 123 456\n", map[string]string{"org": "ACME Ltd", "phone": "123 456"}},
		{"a header row over a value row, tab-separated", "单位名称\tCustomer phone\tAuth code\nACME Ltd\t123 456\tIMC-1234-ABCD\n\nthanks\n",
			map[string]string{"org": "ACME Ltd", "phone": "123 456", "code": "IMC-1234-ABCD"}},
		{"a form row of labels and values", "单位名称\t示例医院\tCustomer phone\t0571-1234\n", map[string]string{"org": "示例医院", "phone": "0571-1234"}},
		{"separator line is not emphasis", "Customer phone: 111\n______________\nPartner:\nPhone: 222\n", map[string]string{"phone": "111", "partner_phone": "222"}},
	}
	r := testRules(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]fieldValue{}
			r.extractFields(tt.text, "body", got)
			vals := map[string]string{}
			for k, v := range got {
				vals[k] = v.Value
			}
			if len(vals) != len(tt.want) {
				t.Fatalf("extractFields(%q) = %v, want %v", tt.text, vals, tt.want)
			}
			for k, v := range tt.want {
				if vals[k] != v {
					t.Errorf("extractFields(%q)[%s] = %q, want %q", tt.text, k, vals[k], v)
				}
			}
		})
	}
}

func TestSplitQuoted(t *testing.T) {
	r := testRules(t)
	body := "new words\n> old line\nOn Monday, Bob <bob@example.com> wrote:\nbob's text\n在2026年，Desk <desk@example.test> 写道：\nour checklist\n"
	fresh, quoted, ours, _ := r.splitQuoted(body)
	if strings.TrimSpace(fresh) != "new words" {
		t.Errorf("fresh = %q", fresh)
	}
	if !strings.Contains(quoted, "old line") || !strings.Contains(quoted, "bob's text") || strings.Contains(quoted, "our checklist") {
		t.Errorf("quoted = %q, want the customer's history without ours", quoted)
	}
	if !strings.Contains(ours, "our checklist") {
		t.Errorf("ours = %q, want our own quoted reply", ours)
	}
}

func TestCoversAndLists(t *testing.T) {
	if got := listValues("SN-1, SN-2 and SN-3。"); !slices.Equal(got, []string{"SN-1", "SN-2", "SN-3"}) {
		t.Errorf("listValues = %v", got)
	}
	if !covers("SN-3；SN-1、SN-2", "SN-1, SN-2, SN-3") {
		t.Error("covers: the same serials in another order and separators")
	}
	if covers("SN-1", "SN-1, SN-2") {
		t.Error("covers: a part is not the whole")
	}
	for _, tt := range []struct {
		a    string
		want bool
	}{
		{"all three serials listed in 2.2.", true},
		{"全部3个", true},
		{"三個", true},
		{"two of them", false},
		{"3、4 两个", false},
		{"see 2.2", false},
		{"all", false},
	} {
		if got := covers(tt.a, "SN-1, SN-2, SN-3"); got != tt.want {
			t.Errorf("covers(%q, three serials) = %v, want %v", tt.a, got, tt.want)
		}
	}
}

func TestCompileReportsEveryProblem(t *testing.T) {
	r := &Rules{
		Fields:    []Field{{ID: "a", Labels: []string{"("}}},
		Materials: []Material{{ID: "m", Kind: "atachment", AnyOf: []Source{{Field: "zz"}}}},
		Scenarios: []Scenario{{ID: "s", Materials: []string{"m", "nope"}}},
	}
	probs := r.Compile()
	var paths []string
	for _, p := range probs {
		paths = append(paths, p.Path)
	}
	for _, want := range []string{"fields[0].labels[0]", "materials[0].kind", "materials[0].name", "materials[0].any_of[0].field", "scenarios[0].materials[1]"} {
		if !slices.Contains(paths, want) {
			t.Errorf("Compile problems at %v, want one at %s", paths, want)
		}
	}
}

func TestRequiredLiterals(t *testing.T) {
	tests := []struct {
		pattern string
		match   []string // texts the pattern matches: each must pass the filter
		want    bool     // a filter is found
	}{
		{`找回|(license|licence)\S{0,8}(丢失|遗失)`, []string{"请帮忙找回", "LICENSE文件丢失", "Licence遗失"}, true},
		{`\b(recover|re-?issue)\b`, []string{"please RECOVER it", "reissue"}, true},
		{`hardware change|new (server|machine)`, []string{"Hardware Change", "a NEW machine"}, true},
		{`.{0,3}x?`, []string{"abc"}, false},
		{`(a|b*)c`, []string{"c", "ac"}, true},
	}
	for _, tt := range tests {
		need := requiredLiterals(tt.pattern)
		if (need != nil) != tt.want {
			t.Errorf("requiredLiterals(%q) = %q, want a filter: %v", tt.pattern, need, tt.want)
		}
		re := regexp.MustCompile("(?i)" + tt.pattern)
		for _, s := range tt.match {
			if !re.MatchString(s) {
				t.Fatalf("test bug: %q does not match %q", tt.pattern, s)
			}
			if !mayMatch(need, strings.ToLower(s)) {
				t.Errorf("filter %q of %q rejects %q, which matches", need, tt.pattern, s)
			}
		}
	}
}

func TestSignaturesSectionsAndDenial(t *testing.T) {
	r := testRules(t)
	r.SignatureSeparators = []string{`^--\s*$`, `^.{0,30}\bregards[\s,.!]*$`}
	r.Negations = []string{`不是|\bnot\b`}
	r.Scenarios = []Scenario{
		{ID: "recovery", Cues: []Cue{{Pattern: "找回|recover", Weight: 3}}, Materials: []string{"org"}},
		{ID: "change", Cues: []Cue{{Pattern: "硬件变更|hardware change", Weight: 3}}, Materials: []string{"org"}},
	}
	if probs := r.Compile(); len(probs) > 0 {
		t.Fatal(probs)
	}
	fresh, _, _, _ := r.splitQuoted("Organisation: ACME\nKind regards\nBob\nCustomer phone: 999\n-----Original Message-----\nPartner phone: 1\n")
	if strings.Contains(fresh, "999") || !strings.Contains(fresh, "ACME") {
		t.Errorf("fresh = %q, want the text without the signature", fresh)
	}
	got := map[string]fieldValue{}
	r.extractFields("Partner:\nPhone: 1\n-----Original Message-----\nPhone: 2\n", "quoted", got)
	if got["phone"].Value != "2" || got["partner_phone"].Value != "1" {
		t.Errorf("fields = %v, want the second mail of the chain back in the customer's section", got)
	}
	v := r.view(&Message{Subject: "Re: 找回", Body: "上封写的是找回，需要的是硬件变更，不是找回。"})
	s, _, sc := r.classifyScenario([]view{v}, nil, nil)
	if s != "change" {
		t.Errorf("classifyScenario = %q, want change: the sender denies recovery", s)
	}
	if sc == nil || len(sc.Scores) != 2 || !sc.Scores[1].Denied || sc.Scores[1].Score != 0 {
		t.Errorf("classifyScenario scoring = %+v, want change first and recovery denied with 0", sc)
	}
}

func TestBranches(t *testing.T) {
	bs := branches(`找回|(license|licence)\S{0,8}(丢失|遗失)|\brecover(y)?\b`)
	if len(bs) != 3 {
		t.Fatalf("branches = %d, want 3", len(bs))
	}
	for _, s := range []string{"请帮忙找回", "LICENSE文件丢失", "we need RECOVERY", "Recover it"} {
		if loc := find(bs, s, strings.ToLower(s), 0); loc == nil {
			t.Errorf("find(%q) = nil, want a match", s)
		}
		if loc := find(bs, s, "", 0); loc == nil {
			t.Errorf("find(%q) without a filter = nil", s)
		}
	}
	if loc := find(bs, "nothing here", "nothing here", 0); loc != nil {
		t.Errorf("find matched %v in a text without cues", loc)
	}
	s := "lost, then 找回 later"
	if loc := find(bs, s, strings.ToLower(s), 0); loc == nil || s[loc[0]:loc[1]] != "找回" {
		t.Errorf("find = %v, want the leftmost match 找回", loc)
	}
}

// TestScoring shows each scenario's score and its cues, the winner's
// margin, and a tie as too small to decide (the mail is asked about).
func TestScoring(t *testing.T) {
	r := testRules(t)
	r.Scenarios = []Scenario{
		{ID: "transfer", Cues: []Cue{{Pattern: "转让|transfer", Weight: 3}, {File: "doc", Weight: 1}}, Materials: []string{"org"}},
		{ID: "change", Cues: []Cue{{Pattern: "新服务器|new server", Weight: 3}}, Materials: []string{"org"}},
	}
	if probs := r.Compile(); len(probs) > 0 {
		t.Fatal(probs)
	}
	tests := []struct {
		name      string
		msg       Message
		scenario  string
		wantLines []string
	}{
		{"clear", Message{Subject: "License转让", Body: "转让到新服务器"}, "transfer", []string{
			"in the new text: transfer 9, change 3: transfer wins by 6",
			`  transfer 9 = subject "转让" 3×2 + text "转让" 3`,
			`  change 3 = text "新服务器" 3`,
		}},
		{"tie", Message{Subject: "license", Body: "transfer to a new server"}, "", []string{
			"in the new text: transfer 3, change 3: margin 0, too small to decide between transfer and change",
			`  transfer 3 = text "transfer" 3`,
			`  change 3 = text "new server" 3`,
		}},
		{"alone", Message{Subject: "Re: transfer", Body: "see above"}, "transfer", []string{
			"in the new text: transfer 3: no other scenario scored (margin 3)",
			`  transfer 3 = subject "transfer" 3`,
		}},
	}
	for _, tt := range tests {
		d := r.Evaluate([]*Message{&tt.msg})
		if d.Scenario != tt.scenario {
			t.Errorf("%s: Evaluate.Scenario = %q, want %q (why %v)", tt.name, d.Scenario, tt.scenario, d.Why)
		}
		if d.Scoring == nil {
			t.Errorf("%s: Evaluate.Scoring = nil", tt.name)
			continue
		}
		if got := d.Scoring.Lines(); !slices.Equal(got, tt.wantLines) {
			t.Errorf("%s: Scoring.Lines() =\n%s\nwant\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.wantLines, "\n"))
		}
	}
}

// shapedRules is testRules with a shaped key field, as config.yaml's auth_code.
func shapedRules(t *testing.T) *Rules {
	t.Helper()
	r := testRules(t)
	r.Shapes = []Shape{{
		ID: "key",
		Find: []ShapeForm{
			{Pattern: `\b[a-z0-9]{2,10}(?:-[a-z0-9]{2,10}){2,9}\b`, Must: `(?:[a-z0-9][^a-z0-9]*){12}`},
			{Pattern: `\b[a-z0-9]{4,6}(?:[ _.][a-z0-9]{4,6}){3,9}\b`, Must: `\d[a-z]*[ _.]\S*\d`},
			{Pattern: `\b[a-z0-9]{16,40}\b`, Must: `\d.*[a-z]|[a-z].*\d`},
		},
		Upper: true, Separators: `[\s_.]+`, Join: "-",
	}}
	r.Fields = append(r.Fields, Field{ID: "key", Labels: []string{`(licen[cs]e|auth) (key|code)s?`, `许可码`}, Shape: "key"})
	if probs := r.Compile(); len(probs) > 0 {
		t.Fatalf("Compile: %v", probs)
	}
	return r
}

func TestShapedValues(t *testing.T) {
	tests := []struct {
		name, text, want, detail string
	}{
		{"lower case", "许可码：3ab9-k2mx-7pqr-w4tz-8cde\n", "3AB9-K2MX-7PQR-W4TZ-8CDE", ""},
		{"spaces, no colon", "许可码 7hq2 m8xd 4kla 9wne 3rty\n", "7HQ2-M8XD-4KLA-9WNE-3RTY", ""},
		{"one run", "Licence key: 4ght8kwq2mzx7pln6vrb\n", "4GHT8KWQ2MZX7PLN6VRB", ""},
		{"English label without a colon", "Licence key abcd-2345-efgh-6789 for the old box\n", "ABCD-2345-EFGH-6789", ""},
		{"next to the label in prose", "补充许可码：IMC-EDU-6612-KQ9W\n", "IMC-EDU-6612-KQ9W", ""},
		{"several under a label, each after a description",
			"许可码：\niMC 平台（100 节点）：K7PM-2QXA-9RTB-4WCN\niMC EIA（500 用户）：M3ZT-8HVA-1QPL-5NRX\n\n附件见下\n",
			"K7PM-2QXA-9RTB-4WCN, M3ZT-8HVA-1QPL-5NRX", "K7PM-2QXA-9RTB-4WCN (iMC 平台（100 节点）)"},
		{"the run under a label ends at a line without one", "Auth codes:\nPLAT - 6txk-q2pm-8wnl-3zra\nsee old_server_lic.txt\n", "6TXK-Q2PM-8WNL-3ZRA", ""},
		{"words and file names are no key", "许可码：will send this code next week\nlicense key old_server.lic\n", "", ""},
		{"a date is no key", "许可码于2026-05-17注册\n", "", ""},
	}
	r := shapedRules(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]fieldValue{}
			r.extractFields(tt.text, "body", got)
			if got["key"].Value != tt.want {
				t.Errorf("extractFields(%q)[key] = %q, want %q", tt.text, got["key"].Value, tt.want)
			}
			if tt.detail != "" && !slices.Contains(got["key"].Details, tt.detail) {
				t.Errorf("extractFields(%q)[key].Details = %q, want %q among them", tt.text, got["key"].Details, tt.detail)
			}
		})
	}
}

func TestInterleavedAnswers(t *testing.T) {
	r := testRules(t)
	body := "已补充，答复写在各项下面。\n\nOn Monday, Desk <desk@example.test> wrote:\n> 您好，还缺：\n> 1. 单位名称\n示例医院\n> 2. Customer phone\n0571-1234\n>\n> Desk\n"
	fresh, _, ours, _ := r.splitQuoted(body)
	got := map[string]fieldValue{}
	r.extractFields(fresh, "body", got)
	if got["org"].Value != "示例医院" || got["phone"].Value != "0571-1234" {
		t.Errorf("fields of the answers = %v, want org 示例医院 and phone 0571-1234 (fresh %q)", got, fresh)
	}
	if strings.Contains(fresh, "还缺") || !strings.Contains(ours, "还缺") {
		t.Errorf("splitQuoted: fresh %q, ours %q: want our quoted mail apart", fresh, ours)
	}
}

func TestPastedBlocks(t *testing.T) {
	text := "新服务器的主机信息内容贴在下面：\n--------\n# Host Information File\n[HostInfo]\nHostName=NEW-01\nUniqueID=AFB5A4A7\nDiskSerial=8F65\n--------\n\n" +
		"Prices:\na = 1\nthe rest is prose\nand more prose\nand more\n"
	got := pastedBlocks(text)
	if len(got) != 1 || !strings.HasPrefix(got[0].text, "# Host Information File") || got[0].lead != "新服务器的主机信息内容贴在下面：" {
		t.Fatalf("pastedBlocks = %+v, want the host block led by its line", got)
	}
}

func TestHeaderName(t *testing.T) {
	for header, want := range map[string]string{
		"-----原始邮件-----\n发件人: 韩冬 <handong@example.cn>":                                 "韩冬",
		"------------------ 原始邮件 ------------------\n发件人: \"刘芳\"<liufang@example.cn>;": "刘芳",
		"On Mon, 23 Nov 2026 at 10:02, Rajesh Kumar <rajesh@example.sg> wrote:":        "Rajesh Kumar",
		"在 2026-11-27 14:02:11，\"License例外申请\" <license@example.test> 写道：":             "License例外申请",
		"-----Original Message-----\nFrom: ops@example.com":                            "",
	} {
		if got := headerName(header); got != want {
			t.Errorf("headerName(%q) = %q, want %q", header, got, want)
		}
	}
}
