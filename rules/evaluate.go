package rules

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Actions a Decision can take (DESIGN §2).
const (
	ActionForward    = "forward"
	ActionRequest    = "request_materials"
	ActionAsk        = "ask_scenario"
	ActionIgnore     = "ignore"
	ActionQuarantine = "quarantine"
)

// ReasonNotRequest is the ignore reason of mail that has nothing to do with
// the process (no scenario and no request cue).
const ReasonNotRequest = "not_request"

// Decision is what the rules make of a message, or of a case's messages.
type Decision struct {
	Action      string            `json:"action"`
	Scenario    string            `json:"scenario"`
	Product     string            `json:"product"`
	Present     []string          `json:"present"`
	Missing     []string          `json:"missing"`
	Fields      map[string]string `json:"fields"`
	Attachments []FileResult      `json:"attachments"`
	Notes       []string          `json:"notes"`
	Reason      string            `json:"reason"`

	// Why explains the decision for people, one sentence a line.
	Why []string `json:"-"`
	// Checklist has one item per material of the scenario, in order.
	Checklist []Item `json:"-"`
	// Scoring is how the scenario was chosen from the cues; nil when no
	// cue was found.
	Scoring *Scoring `json:"-"`
}

// Item is one material of a checklist and where it was found.
type Item struct {
	Material string
	Present  bool
	Source   string // where it was found ("attachment x.lic"), "" when missing
	Assumed  string // what was assumed to count it, if anything
}

// FileResult is an attachment of the evaluated mail and the material it
// counts for ("" when none).
type FileResult struct {
	Name      string `json:"name"`
	Size      int64  `json:"size"`
	SHA256    string `json:"sha256"`
	Material  string `json:"material"`
	Class     string `json:"class,omitempty"`
	Origin    string `json:"origin,omitempty"`
	Container string `json:"container,omitempty"`

	// Message is the index, in the evaluated messages, of the mail that
	// carried the file.
	Message int `json:"-"`
}

// HasNote tells whether the decision carries the note id.
func (d *Decision) HasNote(id string) bool {
	return slices.ContainsFunc(d.Notes, func(n string) bool { return NoteID(n) == id })
}

// NoteID returns the id of a note ("wrong_letter: …" → "wrong_letter").
func NoteID(note string) string {
	id, _, _ := strings.Cut(note, ":")
	return strings.TrimSpace(id)
}

// view is what the rules read of one message.
type view struct {
	msg    *Message
	fresh  string // new text of the body (and of the HTML alternative)
	quoted string // quoted history and forwarded mails' text
	ours   string // our own earlier mail quoted: read for the scenario only
	// altFresh is the new text of the HTML alternative, read for fields.
	altFresh string
	sig      string // the new text's signature

	// lowSubject and lowFresh are subject and fresh lower-cased once, for
	// the literal prefilter (see lowerOf).
	lowSubject, lowFresh string
	subject              string
}

// Evaluate decides what to do with the last of msgs, reading the earlier ones
// as the history of the same case: their fields and files count too, and
// their scenario holds when the last says nothing new. Evaluate must be given
// compiled rules (see Compile).
func (r *Rules) Evaluate(msgs []*Message) Decision {
	d := Decision{Fields: map[string]string{}, Present: []string{}, Missing: []string{}, Notes: []string{}, Attachments: []FileResult{}}
	if !r.compiled {
		panic("rules: Evaluate called before a successful Compile")
	}
	if len(msgs) == 0 {
		d.Action, d.Reason = ActionQuarantine, "malformed"
		return d
	}
	last := msgs[len(msgs)-1]
	if last.Problem != "" {
		d.Action, d.Reason = ActionQuarantine, last.Problem
		d.Why = append(d.Why, "the mail cannot be read within the limits: "+last.Problem+describe(last.Detail))
		d.Notes = append(d.Notes, last.Notes...)
		return d
	}
	if reason, why := r.ignoreReason(last); reason != "" {
		d.Action, d.Reason = ActionIgnore, reason
		d.Why = append(d.Why, why)
		return d
	}

	views := make([]view, len(msgs))
	for i, m := range msgs {
		views[i] = r.view(m)
	}
	var atts []*Attachment
	var from []int
	for i, m := range msgs {
		for j := range m.Attachments {
			atts = append(atts, &m.Attachments[j])
			from = append(from, i)
		}
	}
	var mention strings.Builder
	for _, v := range views {
		mention.WriteString(v.fresh)
		mention.WriteByte('\n')
	}
	hits := r.classify(atts, mention.String())
	hits, from = r.pastedFiles(views, hits, from)
	fields := r.readFields(views, hits)

	scenario, why, scoring := r.classifyScenario(views, hits, from)
	d.Why = append(d.Why, why...)
	d.Scoring = scoring
	unsure := false
	if scenario != "" && r.unsureOf(views[len(views)-1], hits, from, len(views)-1) {
		d.Why = append(d.Why, fmt.Sprintf("but the new text is unsure which process applies (%s is only from the quoted text)", scenario))
		scenario, unsure = "", true
	}
	d.Product = r.product(views, hits, fields)
	for id, v := range fields {
		d.Fields[id] = v.Value
	}
	scenario = r.adjust(&d, scenario, views, hits, fields)
	d.Scenario = scenario
	d.Notes = append(d.Notes, last.Notes...)

	if scenario == "" {
		if unsure || r.looksLikeRequest(views, hits) {
			d.Action = ActionAsk
			d.Why = append(d.Why, "it looks like a request, so the reply explains the processes and their materials")
		} else {
			d.Action, d.Reason = ActionIgnore, ReasonNotRequest
			d.Why = append(d.Why, "nothing in it is about the process (no scenario or request cue): no reply")
		}
		d.Attachments = fileResults(hits, from)
		return d
	}
	r.checklist(&d, r.scens[scenario], views, fields, hits)
	d.Attachments = fileResults(hits, from)
	if len(d.Missing) == 0 {
		d.Action = ActionForward
		d.Why = append(d.Why, "every material is present: forward to the engineers")
	} else {
		d.Action = ActionRequest
		d.Why = append(d.Why, "missing "+strings.Join(d.Missing, ", ")+": reply asking for them")
	}
	return d
}

func describe(detail string) string {
	if detail == "" {
		return ""
	}
	return " (" + detail + ")"
}

func (r *Rules) view(m *Message) view {
	v := view{msg: m, subject: m.Subject}
	fresh, quoted, ours, sig := r.splitQuoted(m.Body)
	v.sig = sig
	if m.AltBody != "" {
		// The HTML alternative says the same again: it is read for fields
		// (a table may hold what the plain text flattened), and for the
		// rest only where the plain text has nothing.
		f2, q2, o2, _ := r.splitQuoted(m.AltBody)
		v.altFresh = f2
		if strings.TrimSpace(fresh) == "" {
			fresh = f2
		}
		if strings.TrimSpace(quoted) == "" {
			quoted = q2
		}
		if strings.TrimSpace(ours) == "" {
			ours = o2
		}
	}
	v.fresh, v.quoted, v.ours = fresh, quoted+forwardedText(m.Forwarded), ours
	v.lowSubject, v.lowFresh = lowerOf(v.subject), lowerOf(fresh)
	return v
}

// forwardedText is the text of attached mails and of the mails attached to
// them, level by level: a chain forwarded through several people.
func forwardedText(fws []*Message) string {
	var b strings.Builder
	for _, fw := range fws {
		b.WriteString("\n" + fw.Subject + "\n")
		if fw.Body != "" {
			b.WriteString(fw.Body)
		} else {
			b.WriteString(fw.AltBody)
		}
		b.WriteString(forwardedText(fw.Forwarded))
	}
	return b.String()
}

// senderParty fills in what a sender who is one of the parties left to
// their signature: their name from the From header and the party's short
// labels ("Mobile: …") from the signature. A sender is that party when the
// new text says so or the party's name field already holds their name.
func (r *Rules) senderParty(v view, where string, out map[string]fieldValue) {
	r.levelParty(level{sender: v.msg.FromName, text: v.fresh, sig: v.sig}, false, where, out)
}

// levelParty is senderParty for one mail of a chain: the newest, or an
// earlier one quoted or attached below it, whose sender its header names.
// The oldest mail of a chain (origin) that gives a party's own fields is
// that party's: the end user who wrote the request the others forwarded.
func (r *Rules) levelParty(l level, origin bool, where string, out map[string]fieldValue) {
	name := strings.TrimSpace(l.sender)
	var own map[string]fieldValue
	if origin && name != "" {
		own = map[string]fieldValue{}
		r.extractFields(l.text, "", own)
	}
	for _, sp := range r.SenderParties {
		named := sp.NameField != "" && name != "" && strings.EqualFold(out[sp.NameField].Value, name)
		gives := false
		for id := range own {
			if f := r.fields[id]; f != nil && f.Section == sp.Section && id != sp.NameField {
				gives = true
			}
		}
		if !named && !gives && (sp.when == nil || !sp.when.MatchString(l.text)) {
			continue
		}
		if f := r.fields[sp.NameField]; f != nil && name != "" {
			r.setField(out, f, name, "", strings.TrimSpace(where+" sender's name"))
		}
		r.extractFieldsIn(l.sig, strings.TrimSpace(where+" signature"), sp.Section, out)
		return
	}
}

// textExts are files people write forms in (the reader gives Word and
// Excel files their text).
var textExts = map[string]bool{"txt": true, "csv": true, "md": true, "ini": true, "log": true,
	"docx": true, "docm": true, "xlsx": true, "xlsm": true}

// readFields reads the labelled fields of every message: new text first,
// newest message first, then the subjects, then text files that are none of
// the known kinds (a form saved as .txt), then quoted history and forwarded
// mail.
func (r *Rules) readFields(views []view, hits []*fileHit) map[string]fieldValue {
	out := map[string]fieldValue{}
	many := len(views) > 1
	where := func(i int, what string) string {
		if many {
			return fmt.Sprintf("message %d %s", i+1, what)
		}
		return what
	}
	for i := len(views) - 1; i >= 0; i-- {
		r.extractFields(views[i].fresh, where(i, "body"), out)
		r.extractFields(views[i].altFresh, where(i, "body"), out)
	}
	for i := len(views) - 1; i >= 0; i-- {
		r.extractFields(views[i].subject, where(i, "subject"), out)
	}
	for i := len(views) - 1; i >= 0; i-- {
		r.senderParty(views[i], where(i, ""), out)
	}
	for _, h := range hits {
		// A form is read for fields, also one named like the letter but
		// sent as a Word or Excel file: a form is not the letter.
		if (h.class == nil || h.rejected) && h.att.Text != "" && !h.att.Inline && (strings.HasPrefix(h.att.ContentType, "text/") || textExts[ext(h.att.Name)]) {
			r.extractFields(h.att.Text, fmt.Sprintf("attachment %q", h.att.Name), out)
		}
	}
	for i := len(views) - 1; i >= 0; i-- {
		r.extractFields(views[i].quoted, where(i, "quoted text"), out)
	}
	if len(r.SenderParties) > 0 {
		// Each earlier mail of a chain, level by level: a party's
		// signature at the bottom counts for that party.
		for i := len(views) - 1; i >= 0; i-- {
			ls := r.levels(views[i].msg)
			for j, l := range ls {
				r.levelParty(l, j == len(ls)-1, where(i, "quoted mail of "+l.sender), out)
			}
		}
	}
	return out
}

// classifyScenario scores the scenarios' cues in the new text of each
// message, newest first; the first message with a clear winner decides.
// Quoted history is read only when no new text has a cue, and our own
// quoted mail last of all. The scoring returned is the deciding one, or
// the first tie when none decided.
func (r *Rules) classifyScenario(views []view, hits []*fileHit, from []int) (string, []string, *Scoring) {
	var ambiguous []string
	var tied *Scoring
	for pass := 0; pass < 3; pass++ {
		for i := len(views) - 1; i >= 0; i-- {
			text, subject, lowText, lowSubject := views[i].fresh, views[i].subject, views[i].lowFresh, views[i].lowSubject
			switch pass {
			case 1:
				text, subject, lowText, lowSubject = views[i].quoted, "", lowerOf(views[i].quoted), ""
			case 2:
				text, subject, lowText, lowSubject = views[i].ours, "", lowerOf(views[i].ours), ""
			}
			var msgHits []*fileHit
			for j, h := range hits {
				if from[j] == i {
					msgHits = append(msgHits, h)
				}
			}
			sc := r.score(subject, text, lowSubject, lowText, msgHits)
			if len(sc.Scores) == 0 {
				continue
			}
			sc.Where = [...]string{"new text", "quoted text", "our own quoted reply"}[pass]
			if len(views) > 1 {
				sc.Where = fmt.Sprintf("%s of message %d", sc.Where, i+1)
			}
			if sc.Tie() {
				ambiguous = append(ambiguous, fmt.Sprintf("the cues are as strong for %s as for %s", sc.Scores[0].Scenario, sc.Scores[1].Scenario))
				if tied == nil {
					tied = &sc
				}
				continue
			}
			best := sc.Scores[0]
			var because []string
			for _, c := range best.From {
				if c.Class != "" {
					because = append(because, fmt.Sprintf("attachment %q is classed as %s", c.Match, c.Class))
					continue
				}
				because = addReason(because, c.Where, c.Match)
			}
			return best.Scenario, []string{fmt.Sprintf("scenario %s from the %s: %s", best.Scenario, sc.Where, strings.Join(because, ", "))}, &sc
		}
	}
	if len(ambiguous) > 0 {
		return "", ambiguous[:1], tied
	}
	return "", []string{"no scenario cue in the subject, the text or the attachments"}, nil
}

// unsureOf tells whether the newest message's new text says it does not
// know which process applies, names no single one itself, and answers a
// quoted mail that offered more than one.
func (r *Rules) unsureOf(v view, hits []*fileHit, from []int, i int) bool {
	if !slices.ContainsFunc(r.unsure, func(bs []branch) bool { return matchesLower(bs, v.fresh, v.lowFresh) }) {
		return false
	}
	history := v.quoted + "\n" + v.ours
	if r.score("", history, "", lowerOf(history), nil).cued() < 2 {
		return false
	}
	var msgHits []*fileHit
	for j, h := range hits {
		if from[j] == i {
			msgHits = append(msgHits, h)
		}
	}
	sc := r.score("", v.fresh, "", v.lowFresh, msgHits)
	return sc.cued() == 0 || sc.Tie()
}

// cued is the number of scenarios that scored.
func (s Scoring) cued() int {
	n := 0
	for _, sc := range s.Scores {
		if sc.Score > 0 {
			n++
		}
	}
	return n
}

// Scoring is how one text scored for each scenario: the text that decided
// the scenario, or the first whose cues were as strong for two.
type Scoring struct {
	Where  string          `json:"where"`  // "new text", "quoted text of message 1"…
	Scores []ScenarioScore `json:"scores"` // every scenario that scored, highest first
}

// ScenarioScore is a scenario's score and the cues it came from.
type ScenarioScore struct {
	Scenario string      `json:"scenario"`
	Score    int         `json:"score"`
	From     []CuePoints `json:"from"`
	Denied   bool        `json:"denied,omitempty"` // the text said it is not this one: no score
}

// CuePoints is one cue found and the points it gave.
type CuePoints struct {
	Where  string `json:"where"`           // subject, text, attachment
	Match  string `json:"match"`           // the words matched, or the file's name
	Class  string `json:"class,omitempty"` // the file's class
	Weight int    `json:"weight"`
	Times  int    `json:"times,omitempty"` // the subject's multiplier, when more than 1
}

// Points is what the cue added to the score.
func (c CuePoints) Points() int { return c.Weight * max(c.Times, 1) }

// Margin is the winner's lead over the runner-up (its whole score when it
// is the only one).
func (s *Scoring) Margin() int {
	switch len(s.Scores) {
	case 0:
		return 0
	case 1:
		return s.Scores[0].Score
	}
	return s.Scores[0].Score - s.Scores[1].Score
}

// Tie tells whether the margin is too small to decide: two scenarios
// scored the same, so the reply asks which process is meant.
func (s *Scoring) Tie() bool { return len(s.Scores) > 1 && s.Margin() == 0 }

// Lines explains the scoring for people: one line for the ranking and the
// margin, then one per scenario with the cues it came from.
func (s *Scoring) Lines() []string {
	var rank []string
	for _, sc := range s.Scores {
		rank = append(rank, fmt.Sprintf("%s %d", sc.Scenario, sc.Score))
	}
	head := fmt.Sprintf("in the %s: %s", s.Where, strings.Join(rank, ", "))
	switch {
	case s.Tie():
		head += fmt.Sprintf(": margin 0, too small to decide between %s and %s", s.Scores[0].Scenario, s.Scores[1].Scenario)
	case len(s.Scores) == 1:
		head += fmt.Sprintf(": no other scenario scored (margin %d)", s.Margin())
	default:
		head += fmt.Sprintf(": %s wins by %d", s.Scores[0].Scenario, s.Margin())
	}
	out := []string{head}
	for _, sc := range s.Scores {
		var parts []string
		for _, c := range sc.From {
			pts := fmt.Sprintf("%d", c.Weight)
			if c.Times > 1 {
				pts = fmt.Sprintf("%d×%d", c.Weight, c.Times)
			}
			what := fmt.Sprintf("%s %q", c.Where, c.Match)
			if c.Class != "" {
				what += " (" + c.Class + ")"
			}
			parts = append(parts, what+" "+pts)
		}
		line := fmt.Sprintf("  %s %d = %s", sc.Scenario, sc.Score, strings.Join(parts, " + "))
		if sc.Denied {
			line += " (denied by a negation: 0)"
		}
		out = append(out, line)
	}
	return out
}

// score scores every scenario's cues in one text. A scenario the text
// denies ("不是找回") keeps its cues in the scoring but scores nothing.
func (r *Rules) score(subject, text, lowSubject, lowText string, hits []*fileHit) Scoring {
	from := map[string][]CuePoints{}
	scores := map[string]int{}
	denied := map[string]bool{}
	// Only a text with a negation in it can deny a scenario.
	negText := r.negWords != nil && r.negWords.MatchString(text)
	subjectWeight := r.SubjectWeight
	if replyPrefix.MatchString(subject) {
		// "Re: License找回" is the old subject carried on: it weighs no
		// more than the new text.
		subjectWeight = 1
	}
	for i := range r.Scenarios {
		s := &r.Scenarios[i]
		for _, c := range s.Cues {
			switch {
			case c.re != nil:
				if m, _ := r.cueMatchNegated(c, subject, lowSubject, false); m != "" {
					scores[s.ID] += c.Weight * subjectWeight
					from[s.ID] = append(from[s.ID], CuePoints{Where: "subject", Match: m, Weight: c.Weight, Times: subjectWeight})
				}
				m, negated := r.cueMatchNegated(c, text, lowText, negText)
				if negated && c.Weight >= 3 {
					// "不是找回": the sender says it is not this one.
					denied[s.ID] = true
				}
				if m != "" {
					scores[s.ID] += c.Weight
					from[s.ID] = append(from[s.ID], CuePoints{Where: "text", Match: m, Weight: c.Weight})
				}
			case c.File != "":
				for _, h := range hits {
					if h.class != nil && h.class.ID == c.File && !h.rejected {
						scores[s.ID] += c.Weight
						from[s.ID] = append(from[s.ID], CuePoints{Where: "attachment", Match: h.att.Name, Class: c.File, Weight: c.Weight})
						break
					}
				}
			}
		}
	}
	var out Scoring
	for i := range r.Scenarios {
		id := r.Scenarios[i].ID
		switch {
		case denied[id]:
			out.Scores = append(out.Scores, ScenarioScore{Scenario: id, From: from[id], Denied: true})
		case scores[id] > 0:
			out.Scores = append(out.Scores, ScenarioScore{Scenario: id, Score: scores[id], From: from[id]})
		}
	}
	// Highest first; among equals, the config's order.
	sort.SliceStable(out.Scores, func(i, j int) bool { return out.Scores[i].Score > out.Scores[j].Score })
	for len(out.Scores) > 0 && out.Scores[len(out.Scores)-1].Score == 0 && !out.Scores[len(out.Scores)-1].Denied {
		out.Scores = out.Scores[:len(out.Scores)-1]
	}
	if len(out.Scores) > 0 && out.Scores[0].Score == 0 {
		out.Scores = nil // only denials: nothing scored
	}
	return out
}

// replyPrefix is the "Re:"/"回复:" of a reply's subject, in the common
// languages of mail clients.
var replyPrefix = regexp.MustCompile(`(?i)^\s*(re|aw|sv|antw|答复|回复|回覆|答覆)\s*(\[\d+\])?\s*[:：]`)

// cueMatchNegated returns the first match of a cue in s that no negation
// right before it cancels ("我们不是要找回"), or "", and whether some match
// was negated. mayNegate says whether s holds a negation at all; without
// one the first match is enough.
func (r *Rules) cueMatchNegated(c Cue, s, lower string, mayNegate bool) (match string, negated bool) {
	for pos, tries := 0, 0; pos < len(s) && tries < 8; tries++ {
		loc := find(c.branches, s, lower, pos)
		if loc == nil {
			break
		}
		start, end := loc[0], loc[1]
		before := s[max(0, start-24):start]
		for len(before) > 0 && !utf8.RuneStart(before[0]) {
			before = before[1:]
		}
		switch {
		case mayNegate && r.negation.MatchString(before):
			negated = true
		case match == "":
			match = s[start:end]
		}
		if match != "" && (negated || !mayNegate) {
			break
		}
		pos = max(end, start+1)
	}
	return match, negated
}

// affirms tells whether s says what the pattern's branches match without a
// negation right before it: a correction "不是全部序列号都解绑" does not say
// that every serial is unbound.
func (r *Rules) affirms(bs []branch, s, lower string) bool {
	if !matchesLower(bs, s, lower) {
		return false // most texts: no need to look for negations
	}
	m, _ := r.cueMatchNegated(Cue{branches: bs}, s, lower, r.negWords != nil && r.negWords.MatchString(s))
	return m != ""
}

// addReason adds `where says "m"` unless a reason already quotes m.
func addReason(reasons []string, where, m string) []string {
	for _, r := range reasons {
		if strings.HasPrefix(r, where) && strings.Contains(r, m) {
			return reasons
		}
	}
	return append(reasons, fmt.Sprintf("%s says %q", where, m))
}

// product names the product: the product field when given, else the product
// mentioned most (subject counting double), else "".
func (r *Rules) product(views []view, hits []*fileHit, fields map[string]fieldValue) string {
	if v, ok := fields[r.ProductKey]; ok && r.ProductKey != "" {
		for _, p := range r.Products {
			if matches(p.patterns, v.Value) {
				return p.ID
			}
		}
	}
	best, bestScore := "", 0
	for _, p := range r.Products {
		n := 0
		for _, v := range views {
			if matchesLower(p.patterns, v.subject, v.lowSubject) {
				n += 2
			}
			if matchesLower(p.patterns, v.fresh, v.lowFresh) {
				n++
			}
		}
		for _, h := range hits {
			if matches(p.patterns, h.att.Name) || h.class != nil && matches(p.patterns, h.att.Text) {
				n++
			}
		}
		if n > bestScore {
			best, bestScore = p.ID, n
		}
	}
	if best == "" {
		// Named only in a forwarded or quoted mail ("申请iMC License解绑").
		for _, p := range r.Products {
			if slices.ContainsFunc(views, func(v view) bool { return matches(p.patterns, v.quoted) }) {
				return p.ID
			}
		}
	}
	return best
}

// adjust applies the process's own rules in order.
func (r *Rules) adjust(d *Decision, scenario string, views []view, hits []*fileHit, fields map[string]fieldValue) string {
	for _, a := range r.Adjust {
		w := a.When
		if len(w.Scenario) > 0 && !slices.Contains(w.Scenario, scenario) {
			continue
		}
		if len(w.Product) > 0 && !slices.Contains(w.Product, d.Product) {
			continue
		}
		if len(w.ProductNot) > 0 && (d.Product == "" || slices.Contains(w.ProductNot, d.Product)) {
			continue
		}
		if w.text != nil && !slices.ContainsFunc(views, func(v view) bool {
			return r.affirms(w.text, v.subject, v.lowSubject) || r.affirms(w.text, v.fresh, v.lowFresh)
		}) && !slices.ContainsFunc(hits, func(h *fileHit) bool { return matches(w.text, h.att.Name) }) {
			continue
		}
		if len(w.Covers) == 2 && !covers(fields[w.Covers[0]].Value, fields[w.Covers[1]].Value) {
			continue
		}
		if a.Scenario != "" && a.Scenario != scenario {
			d.Why = append(d.Why, fmt.Sprintf("scenario changed from %s to %s by a rule of the process (%s)", orNone(scenario), a.Scenario, orNone(a.Note)))
			scenario = a.Scenario
		}
		if a.Note != "" && !d.HasNote(a.Note) {
			d.Notes = append(d.Notes, a.Note)
		}
	}
	return scenario
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// covers tells whether list a holds every item of list b (b non-empty). A
// that names no items but counts them ("all three serials listed in 2.2",
// "全部4个") covers b when the count reaches b's length.
func covers(a, b string) bool {
	as, bs := listValues(a), listValues(b)
	if len(bs) == 0 {
		return false
	}
	if !slices.ContainsFunc(as, isItem) {
		n, ok := statedCount(a)
		return ok && n >= len(bs)
	}
	set := map[string]bool{}
	for _, x := range as {
		set[strings.ToUpper(x)] = true
	}
	for _, x := range bs {
		if !set[strings.ToUpper(x)] {
			return false
		}
	}
	return true
}

// looksLikeRequest tells whether a mail without a scenario is still about
// the process: a file of a known kind, or a request cue in the text, and no
// sign of other business (an invoice). Labels alone ("Name:", "Phone:") are
// not enough: spam has them too.
func (r *Rules) looksLikeRequest(views []view, hits []*fileHit) bool {
	for _, h := range hits {
		if h.class != nil {
			return true
		}
	}
	for _, v := range views {
		if matchAny(r.notReq, v.subject) || matchAny(r.notReq, v.fresh) {
			return false
		}
	}
	for _, v := range views {
		if matchAny(r.request, v.subject) || matchAny(r.request, v.fresh) {
			return true
		}
	}
	return false
}

// checklist fills Present, Missing, Checklist and the notes about files.
func (r *Rules) checklist(d *Decision, s *Scenario, views []view, fields map[string]fieldValue, hits []*fileHit) {
	found := map[string]*Item{}
	// Pass 1: fields and files whose class and role are known.
	for _, id := range s.Materials {
		m := r.mats[id]
		item := &Item{Material: id}
		found[id] = item
		for _, src := range m.AnyOf {
			if src.Field != "" {
				if v, ok := fields[src.Field]; ok {
					item.Present, item.Source = true, fieldSource(r.fields[src.Field], v)
					break
				}
				continue
			}
			if h := findHit(hits, src, false); h != nil {
				h.material = id
				item.Present, item.Source = true, fileSource(h)
				break
			}
		}
	}
	// Pass 2: files whose role the name does not tell go to the first
	// material still missing that takes their class.
	for _, id := range s.Materials {
		item, m := found[id], r.mats[id]
		if item.Present {
			continue
		}
		for _, src := range m.AnyOf {
			if src.File == "" || src.Role == "" {
				continue
			}
			if h := findHit(hits, src, true); h != nil {
				h.material, h.role = id, src.Role
				item.Present, item.Source = true, fileSource(h)
				if by := fixedRoleOther(hits, src.Role); by != nil {
					// The other role is taken by a file whose class fixes it
					// (a license file is old): this one is likely the other
					// server's, but it may be a second file of the same.
					item.Assumed = fmt.Sprintf("%q taken as the %s server's file, as %q is the %s server's", h.att.Name, src.Role, by.att.Name, by.role)
				} else {
					item.Assumed = fmt.Sprintf("%q taken as the %s server's file", h.att.Name, src.Role)
				}
				d.Notes = append(d.Notes, "roles_assumed: "+item.Assumed)
				break
			}
		}
	}
	// Pass 3: a lone unrecognised file, when the text says what it is.
	// Sentences wrap: read the new text as one line of words.
	var words []string
	for _, v := range views {
		words = append(words, strings.Fields(v.subject+"\n"+v.fresh)...)
	}
	fresh := strings.Join(words, " ")
	for _, id := range s.Materials {
		item, m := found[id], r.mats[id]
		if item.Present {
			continue
		}
		for _, src := range m.AnyOf {
			fc := r.files[src.File]
			if fc == nil || fc.assume == nil || !fc.assume.MatchString(fresh) {
				continue
			}
			var cand []*fileHit
			for _, h := range hits {
				if h.class == nil && h.material == "" && !h.att.Embedded && !h.skipped && !archiveExts[ext(h.att.Name)] && fc.accepts(h.att) && len(fc.Extensions)+len(fc.Types) > 0 {
					cand = append(cand, h)
				}
			}
			cand, named := narrow(cand, fresh)
			if len(cand) == 1 || named {
				// One file, or the files the text names: "盖章的承诺书拍了
				// 照片（IMG_4821、IMG_4822 两张）" are two pages of one letter.
				var names []string
				for _, h := range cand {
					h.class, h.material = fc, id
					names = append(names, fmt.Sprintf("%q", h.att.Name))
				}
				item.Present, item.Source = true, fileSource(cand[0])
				item.Assumed = fmt.Sprintf("%s taken as the %s, as the text mentions it", strings.Join(names, " and "), fc.ID)
				d.Notes = append(d.Notes, "file_assumed: "+item.Assumed)
				break
			}
		}
	}
	// Notes on what was sent instead of a missing material.
	for _, id := range s.Materials {
		item, m := found[id], r.mats[id]
		d.Checklist = append(d.Checklist, *item)
		if item.Present {
			d.Present = append(d.Present, id)
			continue
		}
		d.Missing = append(d.Missing, id)
		for _, src := range m.AnyOf {
			for _, h := range hits {
				if h.rejected && h.class != nil && h.class.ID == src.File {
					d.addNote(h.class.RejectNote, fmt.Sprintf("%q is a %s file, not the stamped scan or photo %s needs", h.att.Name, ext(h.att.Name), id))
				}
			}
		}
		for _, w := range m.Wrong {
			for _, h := range hits {
				if h.class != nil && h.class.ID == w.File && h.material == "" {
					d.addNote(w.Note, fmt.Sprintf("%q is classed as %s, but %s is needed", h.att.Name, w.File, id))
				}
			}
		}
	}
	for _, h := range hits {
		if h.material == "" {
			continue
		}
		switch h.att.Origin {
		case OriginArchive:
			d.addNote("from_archive", fmt.Sprintf("%q found inside %q", h.att.Name, h.att.Container))
		case OriginForwarded:
			d.addNote("from_forwarded", fmt.Sprintf("%q found in the forwarded mail %q", h.att.Name, h.att.Container))
		}
	}
}

func (d *Decision) addNote(id, text string) {
	if id == "" {
		return
	}
	for _, n := range d.Notes {
		if NoteID(n) == id && strings.Contains(n, text) {
			return
		}
	}
	d.Notes = append(d.Notes, id+": "+text)
}

// narrow picks, among files that could be the one the text speaks of, those
// it names (by name, or by the name without its extension: "IMG_4821"), and
// says so; else those the sender attached rather than showed inline (an
// HTML signature's logo).
func narrow(cand []*fileHit, text string) ([]*fileHit, bool) {
	lower := strings.ToLower(text)
	named := slices.DeleteFunc(slices.Clone(cand), func(h *fileHit) bool {
		name := strings.ToLower(h.att.Name)
		base := strings.TrimSuffix(name, path.Ext(name))
		return !strings.Contains(lower, name) && (utf8.RuneCountInString(base) < 4 || !strings.Contains(lower, base))
	})
	if len(named) > 0 {
		return named, true
	}
	if len(cand) < 2 {
		return cand, false
	}
	return slices.DeleteFunc(slices.Clone(cand), func(h *fileHit) bool { return h.att.Inline }), false
}

// fixedRoleOther returns an assigned file whose class fixes a role other
// than role, or nil.
func fixedRoleOther(hits []*fileHit, role string) *fileHit {
	for _, h := range hits {
		if h.material != "" && h.class != nil && h.class.Role != "" && h.class.Role != role {
			return h
		}
	}
	return nil
}

// findHit returns the first unassigned file of the source's class whose role
// fits: the known role when unknownRole is false, an unknown role otherwise.
func findHit(hits []*fileHit, src Source, unknownRole bool) *fileHit {
	for _, h := range hits {
		if h.class == nil || h.rejected || h.material != "" || h.class.ID != src.File {
			continue
		}
		switch {
		case unknownRole && h.role == "":
			return h
		case !unknownRole && (src.Role == "" || h.role == src.Role):
			return h
		}
	}
	return nil
}

func fieldSource(f *Field, v fieldValue) string {
	src := v.Where
	switch {
	case v.Label != "":
		src = fmt.Sprintf("%s, label %q", v.Where, v.Label)
	case f != nil:
		src = fmt.Sprintf("%s, in the text", v.Where)
	}
	if len(v.Details) > 1 || len(v.Details) == 1 && v.Details[0] != v.Value {
		src += ": " + strings.Join(v.Details, "; ")
	}
	return src
}

func fileSource(h *fileHit) string {
	switch h.att.Origin {
	case OriginArchive:
		return fmt.Sprintf("zip entry %q in %q", h.att.Name, h.att.Container)
	case OriginForwarded:
		return fmt.Sprintf("attachment %q of the forwarded mail %q", h.att.Name, h.att.Container)
	case OriginPasted:
		return fmt.Sprintf("%s pasted into the text (after %q)", h.class.ID, clip(pastedLead(h), 60))
	}
	return fmt.Sprintf("attachment %q", h.att.Name)
}

func fileResults(hits []*fileHit, from []int) []FileResult {
	out := make([]FileResult, 0, len(hits))
	for i, h := range hits {
		fr := FileResult{Name: h.att.Name, Size: h.att.Size, SHA256: h.att.SHA256, Material: h.material,
			Origin: h.att.Origin, Container: h.att.Container, Message: from[i]}
		if h.class != nil {
			fr.Class = h.class.ID
		}
		out = append(out, fr)
	}
	return out
}

func matchAny(res []*regexp.Regexp, s string) bool {
	if s == "" {
		return false
	}
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// ignoreReason returns the reason of the first ignore rule the message
// matches, and a sentence saying why.
func (r *Rules) ignoreReason(m *Message) (reason, why string) {
	for _, ig := range r.Ignore {
		if w, ok := r.ignoreMatch(&ig, m); ok {
			return ig.Reason, w
		}
	}
	return "", ""
}

func (r *Rules) ignoreMatch(ig *IgnoreRule, m *Message) (string, bool) {
	var why []string
	if ig.Header != "" {
		vals := m.Header.Values(ig.Header)
		ok := false
		for _, v := range vals {
			v = strings.TrimSpace(v)
			if ig.match != nil && !ig.match.MatchString(v) {
				continue
			}
			if ig.unless != nil && ig.unless.MatchString(v) {
				continue
			}
			if ig.OwnAddress && !r.mentionsOwn(v) {
				continue
			}
			ok = true
			why = append(why, fmt.Sprintf("header %s: %s", ig.Header, clip(v, 80)))
			break
		}
		if !ok {
			return "", false
		}
	} else if ig.OwnAddress {
		if !r.own[m.From] {
			return "", false
		}
		why = append(why, "sent from our own address "+m.From)
	}
	if ig.from != nil {
		if !ig.from.MatchString(m.From) {
			return "", false
		}
		why = append(why, "sender "+m.From)
	}
	if ig.subject != nil {
		if !ig.subject.MatchString(m.Subject) {
			return "", false
		}
		why = append(why, fmt.Sprintf("subject %q", clip(m.Subject, 80)))
	}
	if ig.body != nil {
		loc := ig.body.FindStringIndex(m.Body + "\n" + m.AltBody)
		if loc == nil {
			return "", false
		}
		why = append(why, fmt.Sprintf("text %q", clip((m.Body + "\n" + m.AltBody)[loc[0]:loc[1]], 60)))
	}
	if ig.fileType != nil {
		a := ownPart(m, ig.fileType, ig.fileText)
		if a == nil {
			return "", false
		}
		why = append(why, "a part of type "+a.ContentType)
	}
	return fmt.Sprintf("ignored as %s: %s", ig.Reason, strings.Join(why, ", ")), true
}

// ownPart returns the first file of the mail itself (not of a forwarded
// mail or an archive) whose type matches typ and whose text matches text
// when text is set.
func ownPart(m *Message, typ, text *regexp.Regexp) *Attachment {
	for i := range m.Attachments {
		a := &m.Attachments[i]
		if a.Origin == OriginDirect && typ.MatchString(a.ContentType) && (text == nil || text.MatchString(a.Text)) {
			return a
		}
	}
	return nil
}

func (r *Rules) mentionsOwn(v string) bool {
	v = strings.ToLower(v)
	for a := range r.own {
		if a != "" && strings.Contains(v, a) {
			return true
		}
	}
	return false
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

// SortedFieldIDs returns the ids of the decision's fields in the order of the
// rules' fields.
func (r *Rules) SortedFieldIDs(d *Decision) []string {
	ids := make([]string, 0, len(d.Fields))
	for _, f := range r.Fields {
		if _, ok := d.Fields[f.ID]; ok {
			ids = append(ids, f.ID)
		}
	}
	var extra []string
	for id := range d.Fields {
		if r.fields[id] == nil {
			extra = append(extra, id)
		}
	}
	sort.Strings(extra)
	return append(ids, extra...)
}
