// Package mailer turns decisions into mail: the replies customers get, the
// forwards engineers get and the notices the admin gets, rendered from the
// templates of config.yaml and composed with go-mail.
package mailer

import (
	"bytes"
	"errors"
	"fmt"
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
	Reminder  Template `yaml:"reminder"`  // the case still waits for materials
	Closed    Template `yaml:"closed"`    // the case was closed unanswered
	Forward   Template `yaml:"forward"`   // the case as engineers get it
	Admin     Template `yaml:"admin"`     // a notice to the admin address

	// Notes are the texts shown for the decision's note ids.
	Notes map[string]rules.Text `yaml:"notes"`
}

// Template is a subject and a body, Go text/template source.
type Template struct {
	Subject string `yaml:"subject"`
	Body    string `yaml:"body"`

	subject, body *template.Template
}

// Problem is a mistake in a template, at a path below `replies:`.
type Problem struct {
	Path string
	Msg  string
}

// Parse compiles every template and renders it once with sample data, so
// that a misspelt field is found when the config is loaded, not when a
// customer's mail is answered.
func (r *Replies) Parse() []Problem {
	var probs []Problem
	for _, t := range r.all() {
		if t.tpl.Subject == "" || t.tpl.Body == "" {
			probs = append(probs, Problem{t.name, "needs both subject and body (hint: Go templates, e.g. subject: 'Re: [{{.CaseID}}] {{.Subject}}')"})
			continue
		}
		var err error
		if t.tpl.subject, err = template.New(t.name + ".subject").Funcs(funcs).Parse(t.tpl.Subject); err != nil {
			probs = append(probs, Problem{t.name + ".subject", fmt.Sprintf("bad template: %v", err)})
			continue
		}
		if t.tpl.body, err = template.New(t.name + ".body").Funcs(funcs).Parse(t.tpl.Body); err != nil {
			probs = append(probs, Problem{t.name + ".body", fmt.Sprintf("bad template: %v", err)})
			continue
		}
		if err := boundedLoops(t.tpl.subject, t.tpl.body); err != nil {
			probs = append(probs, Problem{t.name, err.Error()})
			continue
		}
		if _, _, err := t.tpl.Render(t.sample); err != nil {
			probs = append(probs, Problem{t.name, fmt.Sprintf("template fails on sample data: %v (hint: fields are listed in the README's config reference)", err)})
		}
	}
	return probs
}

type namedTemplate struct {
	name   string
	tpl    *Template
	sample any
}

func (r *Replies) all() []namedTemplate {
	reply := sampleReply()
	return []namedTemplate{
		{"request", &r.Request, reply},
		{"ask", &r.Ask, reply},
		{"forwarded", &r.Forwarded, reply},
		{"reminder", &r.Reminder, reply},
		{"closed", &r.Closed, reply},
		{"forward", &r.Forward, sampleForward()},
		{"admin", &r.Admin, AdminData{Subject: "sample", Text: "sample"}},
	}
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
	CaseID    string
	Subject   string // the customer's subject, without "Re:" and the case tag
	Customer  string // display name, or the address
	Scenario  rules.Text
	Product   string
	Missing   []Item
	Present   []Item
	Notes     []rules.Text   // the notes that have a customer-facing text
	Scenarios []ScenarioInfo // every scenario, for the ask reply
	Days      int            // days the case has waited (reminder, closed)
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

// ForwardData is what the engineers' forward is rendered with.
type ForwardData struct {
	CaseID    string
	Scenario  rules.Text
	Product   string
	Customer  string // "Name <address>"
	Subject   string
	Fields    []FieldLine
	Checklist []CheckLine
	Notes     []string // every note, id and text
	Files     []string // names of the files attached
	Messages  int      // how many customer mails the case holds
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
	return ReplyData{CaseID: "LX-20260101-0001", Subject: "sample", Customer: "sample", Scenario: t, Product: "P",
		Missing: []Item{it}, Present: []Item{it}, Notes: []rules.Text{t},
		Scenarios: []ScenarioInfo{{ID: "s", Name: t, Description: t, Materials: []rules.Text{t}}}, Days: 3}
}

func sampleForward() ForwardData {
	t := rules.Text{ZH: "样例", EN: "sample"}
	return ForwardData{CaseID: "LX-20260101-0001", Scenario: t, Product: "P", Customer: "a <a@example.test>", Subject: "s",
		Fields: []FieldLine{{t, "v"}}, Checklist: []CheckLine{{t, true, "attachment", "assumed"}},
		Notes: []string{"n"}, Files: []string{"f"}, Messages: 1}
}
