// Package mailer turns decisions into mail: the replies customers get, the
// forwards engineers get and the notices the admin gets, rendered from the
// templates of config.yaml and composed with go-mail.
package mailer

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"

	"intake/rules"
)

// Replies is the `replies:` section of config.yaml: one template pair per
// kind of mail intake writes, and the customer-facing text of each note.
type Replies struct {
	Request   Template `yaml:"request"`   // materials are missing
	Ask       Template `yaml:"ask"`       // the scenario is unclear
	Forwarded Template `yaml:"forwarded"` // acknowledgement: the case went to the engineers
	Received  Template `yaml:"received"`  // instead, when the forward was refused: received, in hand
	Reminder  Template `yaml:"reminder"`  // the case still waits for materials
	Closed    Template `yaml:"closed"`    // the case was closed unanswered
	Forward   Template `yaml:"forward"`   // the case as engineers get it
	Update    Template `yaml:"update"`    // later mail of a forwarded case, to the engineers
	Admin     Template `yaml:"admin"`     // a notice to the admin address
	// TooLarge tells a sender that their mail was too large to be read;
	// without it, such a sender gets no answer (the admin is told anyway).
	TooLarge Template `yaml:"too_large"`

	// Scenarios holds the mail of one scenario written its own way, by
	// scenario id; a kind left out there is written with the shared
	// template above.
	Scenarios map[string]ScenarioReplies `yaml:"scenarios"`

	// Notes are the texts shown for the decision's note ids.
	Notes map[string]rules.Text `yaml:"notes"`
}

// ScenarioReplies are the templates of one scenario's mail. Every one is
// optional. The ask reply and admin notices have no scenario and are
// always the shared ones.
type ScenarioReplies struct {
	Request   *Template `yaml:"request"`
	Forwarded *Template `yaml:"forwarded"`
	Received  *Template `yaml:"received"`
	Reminder  *Template `yaml:"reminder"`
	Closed    *Template `yaml:"closed"`
	Forward   *Template `yaml:"forward"`
}

// Mail kinds, as For takes them and the outbox records them.
const (
	KindRequest   = "request"
	KindAsk       = "ask"
	KindForwarded = "forwarded"
	KindReceived  = "received"
	KindReminder  = "reminder"
	KindClosed    = "closed"
	KindForward   = "forward"
	KindUpdate    = "update"
	KindAdmin     = "admin"
	KindTooLarge  = "too_large"
)

// For returns the template of a kind of mail for a scenario: the
// scenario's own when the config gives one, else the shared one; nil for
// an unknown kind.
func (r *Replies) For(kind, scenario string) *Template {
	if s, ok := r.Scenarios[scenario]; ok {
		if t := s.byKind()[kind]; t != nil {
			return t
		}
	}
	return r.shared()[kind]
}

func (r *Replies) shared() map[string]*Template {
	return map[string]*Template{KindRequest: &r.Request, KindAsk: &r.Ask, KindForwarded: &r.Forwarded, KindReceived: &r.Received,
		KindReminder: &r.Reminder, KindClosed: &r.Closed, KindForward: &r.Forward, KindUpdate: &r.Update, KindAdmin: &r.Admin, KindTooLarge: &r.TooLarge}
}

func (s ScenarioReplies) byKind() map[string]*Template {
	return map[string]*Template{KindRequest: s.Request, KindForwarded: s.Forwarded, KindReceived: s.Received,
		KindReminder: s.Reminder, KindClosed: s.Closed, KindForward: s.Forward}
}

// Template is a subject and a body, Go text/template source.
type Template struct {
	Subject string `yaml:"subject"`
	Body    string `yaml:"body"`

	subject, body *template.Template
}

// Problem is a mistake in a template, at a path below `replies:`. Line,
// when not 0, is the line inside the template's text (1 is its first).
type Problem struct {
	Path string
	Line int
	Msg  string
}

// Parse compiles every template and renders it once with sample data, so
// that a misspelt field is found when the config is loaded, not when a
// customer's mail is answered.
func (r *Replies) Parse() []Problem {
	var probs []Problem
	if r.Update.Subject == "" && r.Update.Body == "" {
		r.Update = Template{Subject: DefaultUpdate.Subject, Body: DefaultUpdate.Body}
	}
	for _, t := range r.all() {
		if t.tpl.Subject == "" || t.tpl.Body == "" {
			// Named: a template left out has no line of its own.
			probs = append(probs, Problem{Path: t.name, Msg: "replies." + t.name + " needs both subject and body (hint: Go templates, e.g. subject: 'Re: [{{.CaseID}}] {{.Subject}}')"})
			continue
		}
		var err error
		if t.tpl.subject, err = template.New(t.name + ".subject").Funcs(funcs).Parse(t.tpl.Subject); err != nil {
			probs = append(probs, templateProblem(t.name+".subject", "bad template", err))
			continue
		}
		if t.tpl.body, err = template.New(t.name + ".body").Funcs(funcs).Parse(t.tpl.Body); err != nil {
			probs = append(probs, templateProblem(t.name+".body", "bad template", err))
			continue
		}
		if err := boundedLoops(t.tpl.subject, t.tpl.body); err != nil {
			probs = append(probs, Problem{Path: t.name, Msg: err.Error()})
			continue
		}
		if _, _, err := t.tpl.Render(t.sample); err != nil {
			p := templateProblem(t.name, "template fails on sample data", err)
			p.Msg += " (hint: fields are listed in the README's config reference)"
			probs = append(probs, p)
		}
	}
	return probs
}

// templateErr picks the template's name and line out of text/template's
// errors ("template: request.body:4: bad character…", "…:4:12: executing
// \"request.body\" at <.Nope>: can't evaluate…").
var templateErr = regexp.MustCompile(`template: ([\w.]+):(\d+):(?:\d+:)? ?(.*)$`)

// templateProblem places a text/template error at the template and line it
// names, in its own words without the "template: name:line:" prefix.
func templateProblem(path, what string, err error) Problem {
	m := templateErr.FindStringSubmatch(err.Error())
	if m == nil {
		return Problem{Path: path, Msg: fmt.Sprintf("%s: %v", what, err)}
	}
	line, _ := strconv.Atoi(m[2])
	if strings.HasPrefix(m[1], path+".") {
		path = m[1] // the sample run names which of subject and body failed
	}
	msg := strings.TrimPrefix(m[3], fmt.Sprintf("executing %q at ", m[1]))
	msg = goType.ReplaceAllString(msg, "in this mail's data")
	return Problem{Path: path, Line: line, Msg: what + ": " + msg}
}

// goType is text/template's "in type mailer.ReplyData": Go's words.
var goType = regexp.MustCompile(`in type \*?[\w.]+`)

type namedTemplate struct {
	name   string
	tpl    *Template
	sample any
}

func (r *Replies) all() []namedTemplate {
	reply := sampleReply()
	out := []namedTemplate{
		{KindRequest, &r.Request, reply},
		{KindAsk, &r.Ask, reply},
		{KindForwarded, &r.Forwarded, reply},
		{KindReceived, &r.Received, reply},
		{KindReminder, &r.Reminder, reply},
		{KindClosed, &r.Closed, reply},
		{KindForward, &r.Forward, sampleForward()},
		{KindAdmin, &r.Admin, AdminData{Subject: "sample", Text: "sample"}},
	}
	if r.TooLarge.Subject != "" || r.TooLarge.Body != "" {
		out = append(out, namedTemplate{KindTooLarge, &r.TooLarge, TooLargeData{Subject: "sample", Customer: "sample", Size: "80 MiB", Limit: "64 MiB"}})
	}
	out = append(out, namedTemplate{KindUpdate, &r.Update, UpdateData{CaseID: "LX-20261127-0007", Subject: "sample",
		Customer: "张伟 <zhang.wei@customer.example>", Text: "sample", Files: []string{"a.pdf"}, Later: []string{"c.pdf"}, Left: []string{"d.pdf"}, Skipped: []string{"b.pdf"}}})
	ids := make([]string, 0, len(r.Scenarios))
	for id := range r.Scenarios {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		kinds := r.Scenarios[id].byKind()
		for _, kind := range []string{KindRequest, KindForwarded, KindReceived, KindReminder, KindClosed, KindForward} {
			if t := kinds[kind]; t != nil {
				var sample any = reply
				if kind == KindForward {
					sample = sampleForward()
				}
				out = append(out, namedTemplate{"scenarios." + id + "." + kind, t, sample})
			}
		}
	}
	return out
}

// boundedLoops refuses a range over a number ({{range 99999999999}}): Go
// templates can range over integers, and such a loop would hang the
// rendering of every reply. Ranges over the data's lists are bounded by the
// mail.
func boundedLoops(ts ...*template.Template) error {
	var walk func(n parse.Node) error
	walk = func(n parse.Node) error {
		switch n := n.(type) {
		case *parse.ListNode:
			if n == nil {
				return nil
			}
			for _, c := range n.Nodes {
				if err := walk(c); err != nil {
					return err
				}
			}
		case *parse.RangeNode:
			if strings.ContainsAny(n.Pipe.String(), "0123456789") && hasNumber(n.Pipe) {
				return fmt.Errorf("line %d: range over a number is not allowed in reply templates (hint: range over .Missing, .Present, .Notes…)", n.Line)
			}
			return errors.Join(walk(n.List), walk(n.ElseList))
		case *parse.IfNode:
			return errors.Join(walk(n.List), walk(n.ElseList))
		case *parse.WithNode:
			return errors.Join(walk(n.List), walk(n.ElseList))
		}
		return nil
	}
	for _, t := range ts {
		for _, tt := range t.Templates() {
			if tt.Tree != nil {
				if err := walk(tt.Tree.Root); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// hasNumber tells whether a pipeline holds a number literal.
func hasNumber(p *parse.PipeNode) bool {
	for _, c := range p.Cmds {
		for _, a := range c.Args {
			switch a := a.(type) {
			case *parse.NumberNode:
				return true
			case *parse.PipeNode:
				if hasNumber(a) {
					return true
				}
			}
		}
	}
	return false
}

// Render executes the template with data, returning the subject (one line)
// and the body.
func (t *Template) Render(data any) (subject, body string, err error) {
	if t.subject == nil || t.body == nil {
		return "", "", fmt.Errorf("rendering: template not parsed")
	}
	var sb, bb bytes.Buffer
	if err := t.subject.Execute(&sb, data); err != nil {
		return "", "", fmt.Errorf("rendering subject: %w", err)
	}
	if err := t.body.Execute(&bb, data); err != nil {
		return "", "", fmt.Errorf("rendering body: %w", err)
	}
	subject = strings.Join(strings.Fields(sb.String()), " ")
	return subject, strings.TrimSpace(bb.String()) + "\n", nil
}

var funcs = template.FuncMap{
	"indent": func(n int, s string) string {
		pad := strings.Repeat(" ", n)
		return pad + strings.ReplaceAll(s, "\n", "\n"+pad)
	},
	"inc": func(i int) int { return i + 1 },
}

// ReplyData is what the customer-facing templates are rendered with.
type ReplyData struct {
	CaseID     string
	Subject    string // the customer's subject, without "Re:" and the case tag
	Customer   string // display name, or the address
	ScenarioID string // the scenario's id ("hardware_change"), "" when unclear
	Scenario   rules.Text
	Product    string // the product's id, "" when not known
	Missing    []Item
	Present    []Item
	Notes      []rules.Text   // the notes that have a customer-facing text
	Scenarios  []ScenarioInfo // every scenario, for the ask reply
	Days       int            // days the case has waited (reminder, closed)
}

// Item is one material as the customer reads it.
type Item struct {
	ID       string
	Name     rules.Text
	Hint     rules.Text
	Steps    rules.Text
	Template string // file name of the blank form attached, if any
	Source   string // where it was found (present items)
}

// ScenarioInfo is one process with its checklist.
type ScenarioInfo struct {
	ID          string
	Name        rules.Text
	Description rules.Text
	Materials   []rules.Text
}

// TooLargeData is what the too_large reply is rendered with.
type TooLargeData struct {
	Subject  string // the sender's subject, from the server's envelope
	Customer string // display name, or the address
	Size     string // the mail's size, e.g. "80 MiB"
	Limit    string // limits.max_message_bytes, e.g. "64 MiB"
}

// ForwardData is what the engineers' forward is rendered with.
type ForwardData struct {
	CaseID     string
	ScenarioID string
	Scenario   rules.Text
	Product    string
	Customer   string // "Name <address>"
	Subject    string
	Fields     []FieldLine
	Checklist  []CheckLine
	Notes      []string // every note, id and text
	Files      []string // names of the files attached
	Later      []string // files that follow in numbered mails on the thread
	Left       []string // files too large to mail, left in the store (name, size, SHA-256)
	Messages   int      // how many customer mails the case holds
}

// UpdateData is what the engineers' update on a forwarded case is rendered
// with: only what the customer's new mail adds.
type UpdateData struct {
	CaseID   string
	Subject  string   // the forward's subject
	Customer string   // "Name <address>"
	Text     string   // what the customer newly wrote ("" for none)
	Thanks   bool     // the mail only thanks; Text is that thanks
	Files    []string // files attached
	Later    []string // files that follow in numbered mails on the thread
	Left     []string // files too large to mail, left in the store
	Skipped  []string // files of the mail that were not read, with why
	Notes    []string
}

// DefaultUpdate is the update template of a config that names none.
var DefaultUpdate = Template{
	Subject: `Re: {{.Subject}}`,
	Body: `{{if .Thanks}}{{.Customer}}: {{.Text}}{{else}}Case 案例 {{.CaseID}}: a new mail from 客户新邮件 {{.Customer}}.
{{if .Text}}
{{.Text}}
{{end}}{{if .Files}}
New files attached 新附件:{{range .Files}}
  - {{.}}{{end}}
{{end}}{{if .Later}}
In the following mails 后续邮件中的附件:{{range .Later}}
  - {{.}}{{end}}
{{end}}{{if .Left}}
Too large to mail, kept by intake 过大未随邮件发送:{{range .Left}}
  - {{.}}{{end}}
{{end}}{{if .Skipped}}
Not read 未读取:{{range .Skipped}}
  - {{.}}{{end}}
{{end}}{{if .Notes}}
Notes 备注:{{range .Notes}}
  - {{.}}{{end}}
{{end}}
Files already sent are not attached again. Reply-To is the customer.{{end}}`,
}

// FieldLine is one field read from the mail.
type FieldLine struct {
	Name  rules.Text
	Value string
}

// CheckLine is one checklist item with where it came from.
type CheckLine struct {
	Name    rules.Text
	Present bool
	Source  string
	Assumed string
}

// AdminData is what admin notices are rendered with.
type AdminData struct {
	Subject string
	Text    string
}

func sampleReply() ReplyData {
	t := rules.Text{ZH: "样例", EN: "sample"}
	it := Item{ID: "x", Name: t, Hint: t, Steps: t, Template: "form.docx", Source: "attachment"}
	return ReplyData{CaseID: "LX-20260101-0001", Subject: "sample", Customer: "sample", ScenarioID: "s", Scenario: t, Product: "P",
		Missing: []Item{it}, Present: []Item{it}, Notes: []rules.Text{t},
		Scenarios: []ScenarioInfo{{ID: "s", Name: t, Description: t, Materials: []rules.Text{t}}}, Days: 3}
}

func sampleForward() ForwardData {
	t := rules.Text{ZH: "样例", EN: "sample"}
	return ForwardData{CaseID: "LX-20260101-0001", ScenarioID: "s", Scenario: t, Product: "P", Customer: "a <a@example.test>", Subject: "s",
		Fields: []FieldLine{{t, "v"}}, Checklist: []CheckLine{{t, true, "attachment", "assumed"}},
		Notes: []string{"n"}, Files: []string{"f"}, Later: []string{"g"}, Left: []string{"h"}, Messages: 1}
}
