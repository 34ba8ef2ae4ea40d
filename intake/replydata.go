package intake

import (
	"fmt"
	"io"
	"io/fs"
	"mime"
	"path"
	"strconv"
	"strings"

	"intake/mailer"
	"intake/rules"
)

// replyData fills the customer-facing template data from a case and its
// decision.
func replyData(cfg *Config, c *Case, d *rules.Decision) mailer.ReplyData {
	rs := &cfg.Rules
	data := mailer.ReplyData{CaseID: c.ID, Subject: c.Subject, Customer: c.Customer, ScenarioID: d.Scenario, Product: d.Product}
	if s := rs.Scenario(d.Scenario); s != nil {
		data.Scenario = s.Name
	}
	shownSteps := map[rules.Text]bool{}
	for _, it := range d.Checklist {
		m := rs.Material(it.Material)
		if m == nil {
			continue
		}
		item := mailer.Item{ID: m.ID, Name: m.Name, Hint: m.Hint, Steps: m.Steps, Source: it.Source}
		if it.Present {
			item.Steps = rules.Text{}
			data.Present = append(data.Present, item)
			continue
		}
		if shownSteps[m.Steps] {
			item.Steps = rules.Text{} // the same instructions once
		}
		shownSteps[m.Steps] = true
		if m.Template != "" {
			item.Template = path.Base(m.Template)
		}
		data.Missing = append(data.Missing, item)
	}
	seen := map[string]bool{}
	for _, n := range d.Notes {
		id := rules.NoteID(n)
		if t, ok := cfg.Replies.Notes[id]; ok && !seen[id] {
			seen[id] = true
			if ids := caseTags(cfg.Cases.Prefix, n); id == "which_case" && len(ids) > 0 {
				// The customer answers by naming one: name them all.
				t.ZH += "可选的案例：" + strings.Join(ids, "、") + "。"
				t.EN += " The cases: " + strings.Join(ids, ", ") + "."
			}
			data.Notes = append(data.Notes, t)
		}
	}
	for _, s := range rs.Scenarios {
		info := mailer.ScenarioInfo{ID: s.ID, Name: s.Name, Description: s.Description}
		for _, id := range s.Materials {
			if m := rs.Material(id); m != nil {
				info.Materials = append(info.Materials, m.Name)
			}
		}
		data.Scenarios = append(data.Scenarios, info)
	}
	return data
}

// forwardData fills the engineers' summary.
func forwardData(cfg *Config, c *Case, d *rules.Decision, msgs []*rules.Message) mailer.ForwardData {
	rs := &cfg.Rules
	data := mailer.ForwardData{CaseID: c.ID, ScenarioID: d.Scenario, Product: d.Product, Customer: c.Customer, Subject: c.Subject}
	for _, n := range d.Notes {
		// A bare note id gets its text, so that engineers read what it means.
		if t, ok := cfg.Replies.Notes[n]; ok {
			n += ": " + t.ZH + " / " + t.EN
		}
		data.Notes = append(data.Notes, n)
	}
	if s := rs.Scenario(d.Scenario); s != nil {
		data.Scenario = s.Name
	}
	for _, id := range rs.SortedFieldIDs(d) {
		name := rules.Text{ZH: id, EN: id}
		if f := rs.Field(id); f != nil && f.Name.IsSet() {
			name = f.Name
		}
		data.Fields = append(data.Fields, mailer.FieldLine{Name: name, Value: d.Fields[id]})
	}
	for _, it := range d.Checklist {
		name := rules.Text{ZH: it.Material, EN: it.Material}
		if m := rs.Material(it.Material); m != nil {
			name = m.Name
		}
		data.Checklist = append(data.Checklist, mailer.CheckLine{Name: name, Present: it.Present, Source: it.Source, Assumed: it.Assumed})
	}
	return data
}

// fileOpener gives a file of the stored raw mail sum that the reader did
// not hold (rules.Attachment.Part) to be read.
type fileOpener func(sum string, a rules.Attachment) func() (io.ReadCloser, error)

// attachable returns a file of a message as a mail attaches it: its
// content when the reader held it, else read again from the stored raw
// mail sum by open; ok is false for a file not read at all (over a limit),
// or one that cannot be read again (no stored mail, or no open).
func attachable(a rules.Attachment, sum string, open fileOpener) (mailer.Attachment, bool) {
	f := mailer.Attachment{Name: a.Name, ContentType: orOctet(a.ContentType), Data: a.Data, SHA256: a.SHA256}
	switch {
	case a.Data != nil:
		return f, true
	case a.Part > 0 && sum != "" && open != nil:
		f.Open, f.Size = open(sum, a), a.Size
		return f, true
	}
	return f, false
}

// materialFiles returns the files that count for a material, once each, with
// their content (read again by open from the stored mail of sums, when the
// reader did not hold it), from the case's messages, and the name of each as
// the summary shows it: the name it is attached as, followed by the name it
// was sent with, quoted with escapes, when the two differ.
func materialFiles(d *rules.Decision, msgs []*rules.Message, sums []string, open fileOpener) ([]mailer.Attachment, []string) {
	want := map[string]bool{}
	for _, a := range d.Attachments {
		if a.Material != "" {
			want[a.SHA256] = true
		}
	}
	var out []mailer.Attachment
	var names []string
	for i, m := range msgs {
		sum := ""
		if i < len(sums) {
			sum = sums[i]
		}
		for _, a := range m.Attachments {
			if !want[a.SHA256] {
				continue
			}
			f, ok := attachable(a, sum, open)
			if !ok {
				continue
			}
			delete(want, a.SHA256)
			out = append(out, f)
			name := a.Name
			if a.Original != "" {
				name += " (sent as " + strconv.Quote(a.Original) + ")"
			}
			names = append(names, name)
		}
	}
	return out, names
}

// letterTemplate reads a blank letter the config names.
func letterTemplate(cfg *Config, name string) (mailer.Attachment, error) {
	data, err := fs.ReadFile(cfg.Files, name)
	if err != nil {
		return mailer.Attachment{}, fmt.Errorf("reading letter template: %w", err)
	}
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	return mailer.Attachment{Name: path.Base(name), ContentType: ct, Data: data}, nil
}
