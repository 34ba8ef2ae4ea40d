package rules

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
)

// Problem is one mistake in the rules. Path locates the value in the YAML
// document below `rules:` ("scenarios[1].materials[0]") so the loader can
// name its line.
type Problem struct {
	Path string
	Msg  string
	Hint string
}

func (p Problem) Error() string {
	if p.Hint == "" {
		return p.Path + ": " + p.Msg
	}
	return fmt.Sprintf("%s: %s (hint: %s)", p.Path, p.Msg, p.Hint)
}

type compiler struct{ probs []Problem }

func (c *compiler) add(path, hint, format string, args ...any) {
	c.probs = append(c.probs, Problem{Path: path, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// re compiles a pattern case-insensitively, reporting a bad one.
func (c *compiler) re(path, pat string) *regexp.Regexp {
	re, err := regexp.Compile("(?i)" + pat)
	if err != nil {
		msg := err.Error()
		if e, ok := err.(*syntax.Error); ok {
			msg = fmt.Sprintf("%s in %q", e.Code, strings.TrimPrefix(e.Expr, "(?i)"))
		}
		c.add(path, "patterns are Go regular expressions (RE2): escape ( ) [ ] . with \\ and quote the YAML string with ''", "bad pattern: %s", msg)
		return nil
	}
	return re
}

func (c *compiler) res(path string, pats []string) []*regexp.Regexp {
	out := make([]*regexp.Regexp, 0, len(pats))
	for i, p := range pats {
		if re := c.re(fmt.Sprintf("%s[%d]", path, i), p); re != nil {
			out = append(out, re)
		}
	}
	return out
}

// alternation joins patterns into one group, checking each on its own first
// so that a mistake is reported at its own index.
func (c *compiler) alternation(path string, pats []string) (string, bool) {
	ok := true
	for i, p := range pats {
		if _, err := regexp.Compile(p); err != nil {
			c.re(fmt.Sprintf("%s[%d]", path, i), p)
			ok = false
		}
	}
	return "(?:" + strings.Join(pats, "|") + ")", ok
}

func (c *compiler) unique(path, kind, id string, seen map[string]bool) {
	switch {
	case id == "":
		c.add(path+".id", "every "+kind+" needs an id", "%s without an id", kind)
	case seen[id]:
		c.add(path+".id", "ids must be unique", "duplicate %s id %q", kind, id)
	}
	seen[id] = true
}

// Line-start decorations before a label: bullets and numbering ("1、", "2.",
// "（3）", "-", "•").
const bullet = `(?:\d{1,2}\s*[.、)）]\s*|[（(]\d{1,2}[)）]\s*|[-*•·]\s*)?`

// A label may be followed by a short parenthesis ("授权码（License Key）")
// before its separator.
const labelTail = `\s*(?:[（(][^）)\n]{0,40}[)）]\s*)?(?:为|為|是|\.)?`

// Compile checks the rules and prepares their patterns. It reports every
// problem at once; the rules are usable only when none is returned.
func (r *Rules) Compile() []Problem {
	c := &compiler{}
	r.compiled, r.defSect = false, ""
	r.request = c.res("request_cues", r.RequestCues)
	r.notReq = c.res("not_request", r.NotRequest)
	r.unsure = nil
	for i, pat := range r.Unsure {
		if c.re(fmt.Sprintf("unsure[%d]", i), pat) != nil {
			r.unsure = append(r.unsure, branches(pat))
		}
	}
	r.negation, r.negWords = nil, nil
	if alt, ok := c.alternation("negations", r.Negations); ok && len(r.Negations) > 0 {
		r.negation = regexp.MustCompile(`(?i)` + alt + `\s*\S{0,3}\s*$`)
		r.negWords = regexp.MustCompile(`(?i)` + alt)
	}
	r.quoteSep = c.res("quote_separators", r.QuoteSeparators)
	r.sigSep = c.res("signature_separators", r.SignatureSeparators)
	if r.EmptyValues != "" {
		r.empty = c.re("empty_values", `^\s*(?:`+r.EmptyValues+`)\s*$`)
	}
	if r.SubjectWeight == 0 {
		r.SubjectWeight = 2
	}
	r.own = map[string]bool{}
	for _, a := range r.OwnAddresses {
		r.own[strings.ToLower(strings.TrimSpace(a))] = true
	}
	r.Roles.old = c.res("roles.old", r.Roles.Old)
	r.Roles.new = c.res("roles.new", r.Roles.New)

	r.sections = map[string]*Section{}
	seen := map[string]bool{}
	for i := range r.Sections {
		s := &r.Sections[i]
		path := fmt.Sprintf("sections[%d]", i)
		c.unique(path, "section", s.ID, seen)
		r.sections[s.ID] = s
		if s.Default {
			if r.defSect != "" {
				c.add(path+".default", "only one section can be the default", "second default section %q", s.ID)
			}
			r.defSect = s.ID
		}
		if alt, ok := c.alternation(path+".headings", s.Headings); ok && len(s.Headings) > 0 {
			s.headings = regexp.MustCompile(`(?i)^` + bullet + `[【\[(（<]?\s*` + alt + `\s*[】\])）>]?\s*[:：]?$`)
		}
	}

	for i := range r.SenderParties {
		sp := &r.SenderParties[i]
		path := fmt.Sprintf("sender_parties[%d]", i)
		if r.sections[sp.Section] == nil {
			c.add(path+".section", "the id of a section under rules.sections", "unknown section %q", sp.Section)
		}
		if sp.When != "" {
			sp.when = c.re(path+".when", sp.When)
		}
	}

	r.shapes = map[string]*Shape{}
	seen = map[string]bool{}
	for i := range r.Shapes {
		c.shape(fmt.Sprintf("shapes[%d]", i), &r.Shapes[i], seen)
		r.shapes[r.Shapes[i].ID] = &r.Shapes[i]
	}

	r.fields = map[string]*Field{}
	seen = map[string]bool{}
	for i := range r.Fields {
		f := &r.Fields[i]
		path := fmt.Sprintf("fields[%d]", i)
		c.unique(path, "field", f.ID, seen)
		r.fields[f.ID] = f
		if len(f.Labels)+len(f.SectionLabels)+len(f.Inline) == 0 {
			c.add(path, "give labels, section_labels or inline patterns", "field %q can never be found", f.ID)
		}
		if alt, ok := c.alternation(path+".labels", f.Labels); ok && len(f.Labels) > 0 {
			f.label = anchored(alt)
		}
		if alt, ok := c.alternation(path+".section_labels", f.SectionLabels); ok && len(f.SectionLabels) > 0 {
			f.sectionLabel = anchored(alt)
		}
		if len(f.SectionLabels) > 0 && r.sections[f.Section] == nil {
			c.add(path+".section", "section_labels need the id of a section under rules.sections", "field %q: unknown section %q", f.ID, f.Section)
		}
		f.inline = c.res(path+".inline", f.Inline)
		for j, re := range f.inline {
			if re.NumSubexp() < 1 {
				c.add(fmt.Sprintf("%s.inline[%d]", path, j), "wrap the value in ( ) and the rest in (?: )", "inline pattern has no capture group")
			}
		}
		if f.Value != "" {
			f.value = c.re(path+".value", `^(?:`+f.Value+`)`)
		}
		f.shape, f.near = nil, nil
		if f.Shape != "" {
			if f.shape = r.shapes[f.Shape]; f.shape == nil {
				c.add(path+".shape", "the id of a shape under rules.shapes", "field %q: unknown shape %q", f.ID, f.Shape)
			}
			if alt, ok := c.alternation(path+".labels", f.Labels); ok && len(f.Labels) > 0 {
				f.near = regexp.MustCompile(`(?i)` + alt)
			}
		}
	}
	for i := range r.Fields {
		for j := range r.Fields[i].Also {
			a := &r.Fields[i].Also[j]
			ap := fmt.Sprintf("fields[%d].also[%d]", i, j)
			switch {
			case (a.Pattern == "") == (a.Shape == ""):
				c.add(ap, "give pattern: or shape:", "also needs exactly one of pattern and shape")
			case a.Pattern != "":
				a.re = c.re(ap+".pattern", a.Pattern)
			case r.shapes[a.Shape] == nil:
				c.add(ap+".shape", "the id of a shape under rules.shapes", "unknown shape %q", a.Shape)
			default:
				a.re = r.shapes[a.Shape].anywhere()
			}
			if r.fields[a.Field] == nil {
				c.add(ap+".field", "the id of a field under rules.fields", "unknown field %q", a.Field)
			}
		}
	}

	r.files = map[string]*FileClass{}
	seen = map[string]bool{}
	for i := range r.Files {
		fc := &r.Files[i]
		path := fmt.Sprintf("files[%d]", i)
		c.unique(path, "file class", fc.ID, seen)
		r.files[fc.ID] = fc
		fc.names = c.res(path+".names", fc.Names)
		fc.content = c.res(path+".content", fc.Content)
		if len(fc.Names)+len(fc.Content) == 0 {
			c.add(path, "give names or content patterns", "file class %q can never match", fc.ID)
		}
		if fc.Role != "" && fc.Role != "old" && fc.Role != "new" {
			c.add(path+".role", "old or new", "unknown role %q", fc.Role)
		}
		if len(fc.Reject) > 0 && fc.RejectNote == "" {
			c.add(path+".reject_note", "name the note id given for a rejected file, e.g. letter_not_stamped", "reject without reject_note")
		}
		if fc.AssumeWhen != "" {
			fc.assume = c.re(path+".assume_when", fc.AssumeWhen)
		}
		if fc.Pasted && len(fc.Content) == 0 {
			c.add(path+".pasted", "a pasted file is recognised by its content: give content patterns", "pasted without content")
		}
	}

	seen = map[string]bool{}
	for i := range r.Products {
		p := &r.Products[i]
		path := fmt.Sprintf("products[%d]", i)
		c.unique(path, "product", p.ID, seen)
		p.patterns = nil
		for j, pat := range p.Patterns {
			if c.re(fmt.Sprintf("%s.patterns[%d]", path, j), pat) != nil {
				p.patterns = append(p.patterns, branches(pat)...)
			}
		}
	}
	if r.ProductKey != "" && r.fields[r.ProductKey] == nil {
		c.add("product_field", "the id of a field under rules.fields", "unknown field %q", r.ProductKey)
	}

	r.mats = map[string]*Material{}
	seen = map[string]bool{}
	for i := range r.Materials {
		m := &r.Materials[i]
		path := fmt.Sprintf("materials[%d]", i)
		c.unique(path, "material", m.ID, seen)
		r.mats[m.ID] = m
		if m.Kind != "field" && m.Kind != "attachment" {
			c.add(path+".kind", "field or attachment", "material %q: unknown kind %q", m.ID, m.Kind)
		}
		if m.Name.ZH == "" || m.Name.EN == "" {
			c.add(path+".name", "replies are bilingual: give name.zh and name.en", "material %q needs a name in both languages", m.ID)
		}
		if len(m.AnyOf) == 0 {
			c.add(path+".any_of", "list at least one source: - field: ID or - file: ID", "material %q has no source", m.ID)
		}
		for j, s := range m.AnyOf {
			sp := fmt.Sprintf("%s.any_of[%d]", path, j)
			c.source(r, sp, s)
		}
		for j, w := range m.Wrong {
			wp := fmt.Sprintf("%s.wrong[%d]", path, j)
			if r.files[w.File] == nil {
				c.add(wp+".file", "the id of a class under rules.files", "unknown file class %q", w.File)
			}
			if w.Note == "" {
				c.add(wp+".note", "a note id such as wrong_letter", "wrong file without a note")
			}
		}
	}

	r.nameLabels = map[string]*Field{}
	for _, m := range r.Materials {
		if m.Kind != "field" || len(m.AnyOf) == 0 || r.fields[m.AnyOf[0].Field] == nil {
			continue
		}
		for _, n := range []string{m.Name.ZH, m.Name.EN} {
			if k := nameKey(n); k != "" && r.nameLabels[k] == nil {
				r.nameLabels[k] = r.fields[m.AnyOf[0].Field]
			}
		}
	}

	r.scens = map[string]*Scenario{}
	seen = map[string]bool{}
	for i := range r.Scenarios {
		s := &r.Scenarios[i]
		path := fmt.Sprintf("scenarios[%d]", i)
		c.unique(path, "scenario", s.ID, seen)
		r.scens[s.ID] = s
		if len(s.Materials) == 0 {
			c.add(path+".materials", "list the ids of the materials this scenario requires", "scenario %q has no materials", s.ID)
		}
		for j, id := range s.Materials {
			if r.mats[id] == nil {
				c.add(fmt.Sprintf("%s.materials[%d]", path, j), "materials are defined under rules.materials: "+strings.Join(r.materialIDs(), ", "), "scenario %q: unknown material %q", s.ID, id)
			}
		}
		for j := range s.Cues {
			cue := &s.Cues[j]
			cp := fmt.Sprintf("%s.cues[%d]", path, j)
			switch {
			case (cue.Pattern == "") == (cue.File == ""):
				c.add(cp, "a cue has either pattern: or file:", "cue needs exactly one of pattern and file")
			case cue.Pattern != "":
				if cue.re = c.re(cp+".pattern", cue.Pattern); cue.re != nil {
					cue.branches = branches(cue.Pattern)
				}
			case r.files[cue.File] == nil:
				c.add(cp+".file", "the id of a class under rules.files", "unknown file class %q", cue.File)
			}
			if cue.Weight == 0 {
				cue.Weight = 1
			}
		}
	}
	for i := range r.Adjust {
		c.adjustment(r, fmt.Sprintf("adjustments[%d]", i), &r.Adjust[i])
	}
	for i := range r.Ignore {
		c.ignore(fmt.Sprintf("ignore[%d]", i), &r.Ignore[i])
	}
	r.compiled = len(c.probs) == 0
	return c.probs
}

func (c *compiler) shape(path string, sh *Shape, seen map[string]bool) {
	c.unique(path, "shape", sh.ID, seen)
	if len(sh.Find) == 0 {
		c.add(path+".find", "list the forms of the value: - pattern: '...'", "shape %q finds nothing", sh.ID)
	}
	for j := range sh.Find {
		f := &sh.Find[j]
		fp := fmt.Sprintf("%s.find[%d]", path, j)
		f.re = c.re(fp+".pattern", f.Pattern)
		if f.re != nil {
			f.at = regexp.MustCompile(`(?i)^(?:` + f.Pattern + `)`)
		}
		f.must = nil
		if f.Must != "" {
			f.must = c.re(fp+".must", f.Must)
		}
	}
	sh.sep = nil
	if sh.Separators != "" {
		sh.sep = c.re(path+".separators", sh.Separators)
	}
}

func (c *compiler) source(r *Rules, path string, s Source) {
	switch {
	case (s.Field == "") == (s.File == ""):
		c.add(path, "a source is either field: ID or file: ID", "source needs exactly one of field and file")
	case s.Field != "" && r.fields[s.Field] == nil:
		c.add(path+".field", "the id of a field under rules.fields", "unknown field %q", s.Field)
	case s.File != "" && r.files[s.File] == nil:
		c.add(path+".file", "the id of a class under rules.files", "unknown file class %q", s.File)
	}
	if s.Role != "" && s.Role != "old" && s.Role != "new" {
		c.add(path+".role", "old or new", "unknown role %q", s.Role)
	}
}

func (c *compiler) adjustment(r *Rules, path string, a *Adjustment) {
	w := &a.When
	for j, id := range w.Scenario {
		if r.scens[id] == nil {
			c.add(fmt.Sprintf("%s.when.scenario[%d]", path, j), "the id of a scenario", "unknown scenario %q", id)
		}
	}
	if a.Scenario != "" && r.scens[a.Scenario] == nil {
		c.add(path+".scenario", "the id of a scenario", "unknown scenario %q", a.Scenario)
	}
	if w.Text != "" {
		if c.re(path+".when.text", w.Text) != nil {
			w.text = branches(w.Text)
		}
	}
	if len(w.Covers) != 0 {
		if len(w.Covers) != 2 {
			c.add(path+".when.covers", "two list fields: [subset_of_this, all_of_these]", "covers needs two field ids")
		}
		for j, id := range w.Covers {
			if f := r.fields[id]; f == nil || !f.List {
				c.add(fmt.Sprintf("%s.when.covers[%d]", path, j), "the id of a field with list: true", "%q is not a list field", id)
			}
		}
	}
	if a.Scenario == "" && a.Note == "" {
		c.add(path, "give scenario: and/or note:", "adjustment does nothing")
	}
}

func (c *compiler) ignore(path string, ig *IgnoreRule) {
	if ig.Reason == "" {
		c.add(path+".reason", "a reason id such as bounce or list", "ignore rule without a reason")
	}
	if ig.Header == "" && ig.From == "" && ig.Subject == "" && ig.Body == "" && ig.FileType == "" && !ig.OwnAddress {
		c.add(path, "give header:, from:, subject:, body:, file_type: or own_address: true", "ignore rule %q matches nothing", ig.Reason)
	}
	if ig.FileText != "" && ig.FileType == "" {
		c.add(path+".file_text", "file_text needs file_type: the content type of the part to read", "file_text without file_type")
	}
	ig.fileType, ig.fileText = nil, nil
	if ig.FileType != "" {
		ig.fileType = c.re(path+".file_type", ig.FileType)
	}
	if ig.FileText != "" {
		ig.fileText = c.re(path+".file_text", ig.FileText)
	}
	if ig.Body != "" {
		ig.body = c.re(path+".body", ig.Body)
	}
	if ig.Match != "" {
		ig.match = c.re(path+".match", ig.Match)
	}
	if ig.Unless != "" {
		ig.unless = c.re(path+".unless", ig.Unless)
	}
	if ig.From != "" {
		ig.from = c.re(path+".from", ig.From)
	}
	if ig.Subject != "" {
		ig.subject = c.re(path+".subject", ig.Subject)
	}
}

func (r *Rules) materialIDs() []string {
	ids := make([]string, len(r.Materials))
	for i, m := range r.Materials {
		ids[i] = m.ID
	}
	return ids
}

// Scenario returns the scenario with the id, or nil.
func (r *Rules) Scenario(id string) *Scenario { return r.scens[id] }

// Material returns the material with the id, or nil.
func (r *Rules) Material(id string) *Material { return r.mats[id] }

// Field returns the field with the id, or nil.
func (r *Rules) Field(id string) *Field { return r.fields[id] }

// ScenarioIDs returns the scenarios' ids in their order.
func (r *Rules) ScenarioIDs() []string {
	ids := make([]string, len(r.Scenarios))
	for i, s := range r.Scenarios {
		ids[i] = s.ID
	}
	return ids
}

// NoteUse is a note id the rules can give, and where the rules name it.
type NoteUse struct {
	Path string // below `rules:`, as in Problem
	ID   string
}

// NoteUses lists every note id the rules name: the adjustments' notes, the
// files' reject notes and the wrong files' notes. A reply shows a note only
// when the config gives it a text, so each needs one.
func (r *Rules) NoteUses() []NoteUse {
	var out []NoteUse
	for i, f := range r.Files {
		if f.RejectNote != "" {
			out = append(out, NoteUse{fmt.Sprintf("files[%d].reject_note", i), f.RejectNote})
		}
	}
	for i, m := range r.Materials {
		for j, w := range m.Wrong {
			if w.Note != "" {
				out = append(out, NoteUse{fmt.Sprintf("materials[%d].wrong[%d].note", i, j), w.Note})
			}
		}
	}
	for i, a := range r.Adjust {
		if a.Note != "" {
			out = append(out, NoteUse{fmt.Sprintf("adjustments[%d].note", i), a.Note})
		}
	}
	return out
}
