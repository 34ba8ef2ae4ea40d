package intake

import (
	"fmt"
	"net/mail"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"intake/mailer"
	"intake/rules"
)

// tagLines is how many non-empty lines of a mail's new text are searched
// for a case tag, besides the subject: people write "补充材料 LX-…" as the
// first line when the subject lost the tag.
const tagLines = 5

var tagPatterns sync.Map // prefix → *regexp.Regexp

// caseTag matches a case id as people write it: in any bracket or none
// (【LX-20261130-0029】, (LX-…), LX-…), in any case, with spaces or other
// dashes between its parts, in half- or full-width characters. Group 1 is
// the tag with its brackets, group 2 the day, group 3 the number.
func caseTag(prefix string) *regexp.Regexp {
	if re, ok := tagPatterns.Load(prefix); ok {
		return re.(*regexp.Regexp)
	}
	var b strings.Builder
	// Not inside a word of ASCII letters and digits; Chinese may touch it
	// ("补充材料LX-…"). Group 1 is the tag with its brackets.
	b.WriteString(`(?i)(?:^|[^a-z0-9ａ-ｚ０-９])(`)
	b.WriteString(`(?:[\[【〔［（(<＜《「『{]\s*)?`)
	for _, r := range prefix {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			fmt.Fprintf(&b, `[%c%c]`, r, r+0xFEE0)
			continue
		}
		b.WriteString(regexp.QuoteMeta(string(r)))
	}
	const sep = `[\s\x{3000}\-－_–—]*`
	b.WriteString(sep + `([0-9０-９]{8})` + sep + `([0-9０-９]{4,})(?:\s*[\]】〕］）)>＞》」』}])?)`)
	re := regexp.MustCompile(b.String())
	tagPatterns.Store(prefix, re)
	return re
}

// caseTags returns the case ids tagged in a text, in order, written as
// intake writes them (PREFIX-YYYYMMDD-NNNN).
func caseTags(prefix, text string) []string {
	var ids []string
	for _, m := range caseTag(prefix).FindAllStringSubmatch(text, -1) {
		ids = append(ids, prefix+"-"+halfWidth(m[2])+"-"+halfWidth(m[3]))
	}
	return ids
}

// halfWidth turns full-width digits and letters into ASCII.
func halfWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0xFF01 && r <= 0xFF5E {
			return r - 0xFEE0
		}
		return r
	}, s)
}

// firstLines returns the first n non-empty lines of a text.
func firstLines(text string, n int) string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if len(out) == n {
			break
		}
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// caseMatch is the case a message joins, and how, or why it joins none.
type caseMatch struct {
	c *Case
	// notes go into the message's decision: joined_case,
	// joined_colleague, joined_untagged, not_joined, which_case,
	// already_in_hand, merged_case; `intake cases show` lists them and the
	// reply says those that replies.notes has a text for.
	notes []string
	// merge is the provisional case (opened with which_case) that the
	// customer's answer naming one of its candidates closes: its messages
	// join c.
	merge *Case
}

// caseRef is a case a message points at, and where.
type caseRef struct {
	id, where string
	signed    bool // a reference to one of our own Message-IDs
}

// references lists the cases a message points at: tags in its subject,
// then in the first lines of its new text, then our signed Message-IDs in
// In-Reply-To and References; each case once.
func (p *Pipeline) references(cfg *Config, msg *rules.Message) []caseRef {
	var refs []caseRef
	seen := map[string]int{}
	add := func(id, where string, signed bool) {
		if i, ok := seen[id]; ok {
			refs[i].signed = refs[i].signed || signed
			return
		}
		seen[id] = len(refs)
		refs = append(refs, caseRef{id, where, signed})
	}
	for _, id := range caseTags(cfg.Cases.Prefix, msg.Subject) {
		add(id, "the tag in the subject", false)
	}
	for _, id := range caseTags(cfg.Cases.Prefix, firstLines(cfg.Rules.NewText(msg), tagLines)) {
		add(id, "the tag in the text", false)
	}
	for _, ref := range append(append([]string{}, msg.InReplyTo...), msg.References...) {
		if id := p.ids.CaseOf(ref); id != "" && id != "none" {
			add(id, "a reply to our mail", true)
		}
	}
	return refs
}

// findCase returns the case a message belongs to. A tag or a reference to
// our mail joins its case only from a party of it (or, with join_by_domain,
// an address of a party's domain that is no shared mail provider), or from
// a colleague (same domain) answering our own signed mail; never when the
// receiving server found the From forged (DMARC). Every refusal is a
// not_joined note with its reason.
func (p *Pipeline) findCase(cfg *Config, msg *rules.Message) caseMatch {
	var m caseMatch
	forged := dmarcFailed(msg, cfg.Cases.AuthservID)
	refs := p.references(cfg, msg)
	if !forged {
		if m, ok := p.answerWhich(cfg, msg, refs); ok {
			return m
		}
	}
	for _, ref := range refs {
		c, err := p.store.Case(ref.id)
		if err != nil || c == nil {
			continue
		}
		why := ""
		switch {
		case forged:
			why = "the receiving server found the sender's From forged (DMARC fail)"
		case isParty(c, msg.From, cfg.Cases):
			m.c = c
			m.notes = append(m.notes, fmt.Sprintf("joined_case: %s by %s", c.ID, ref.where))
			return m
		case ref.signed && colleague(c, msg.From, cfg.Cases):
			m.c = c
			m.notes = append(m.notes, fmt.Sprintf("joined_colleague: %s by %s from a colleague of %s", c.ID, ref.where, strings.Join(c.Parties, ", ")))
			return m
		case colleague(c, msg.From, cfg.Cases):
			why = fmt.Sprintf("%s is a colleague of the case's parties but wrote a new mail, not a reply to ours: a party must answer or copy them in", msg.From)
		default:
			why = fmt.Sprintf("%s is not a party of the case", orDash(msg.From))
		}
		p.log.Warn("case reference refused: opening a new case", "case", c.ID, "from", msg.From, "why", why)
		m.notes = append(m.notes, fmt.Sprintf("not_joined: %s (by %s): %s", c.ID, ref.where, why))
	}
	return m
}

// answerWhich recognises the answer to a which_case question: a mail from
// a party that points at the provisional case (a reply to our mail, or its
// tag) and tags one of the cases the question named. It joins that case
// and closes the provisional one into it (note merged_case).
func (p *Pipeline) answerWhich(cfg *Config, msg *rules.Message, refs []caseRef) (caseMatch, bool) {
	for _, r := range refs {
		prov, err := p.store.Case(r.id)
		if err != nil || prov == nil || prov.State != StateWaiting || !isParty(prov, msg.From, cfg.Cases) {
			continue
		}
		cands := p.whichCandidates(cfg, prov.ID)
		for _, t := range refs {
			if t.id == prov.ID || !slices.Contains(cands, t.id) {
				continue
			}
			c, err := p.store.Case(t.id)
			if err != nil || c == nil || !isParty(c, msg.From, cfg.Cases) {
				continue
			}
			return caseMatch{c: c, merge: prov, notes: []string{
				fmt.Sprintf("joined_case: %s by %s", c.ID, t.where),
				fmt.Sprintf("merged_case: %s closed into %s: the customer named %s of the cases it could belong to (%s)", prov.ID, c.ID, c.ID, strings.Join(cands, ", ")),
			}}, true
		}
	}
	return caseMatch{}, false
}

// whichCandidates returns the cases a provisional case's first mail could
// have joined (its which_case note), or nil when it is no such case.
func (p *Pipeline) whichCandidates(cfg *Config, caseID string) []string {
	rows, err := p.store.CaseMessages(caseID)
	if err != nil || len(rows) == 0 {
		return nil
	}
	for _, n := range rows[0].Decision.Notes {
		if rules.NoteID(n) == "which_case" {
			return caseTags(cfg.Cases.Prefix, n)
		}
	}
	return nil
}

// isParty reports whether from may add to c: one of its parties, or with
// join_by_domain one of their domains that is no shared mail provider.
func isParty(c *Case, from string, cc CaseConfig) bool {
	from = strings.ToLower(from)
	for _, a := range c.Parties {
		if a == from {
			return true
		}
	}
	return cc.JoinByDomain && colleague(c, from, cc)
}

// colleague reports whether from shares its domain with a party of c and
// the domain is no shared mail provider (where a domain says nothing).
func colleague(c *Case, from string, cc CaseConfig) bool {
	_, dom, _ := strings.Cut(strings.ToLower(from), "@")
	if dom == "" || cc.sharedDomain(dom) {
		return false
	}
	for _, a := range c.Parties {
		if _, d, _ := strings.Cut(a, "@"); d == dom {
			return true
		}
	}
	return false
}

// dmarcFailed reports whether an Authentication-Results field written by
// our own receiving server (authservID) says DMARC failed. Fields of other
// servers are ignored: anyone can write one.
func dmarcFailed(msg *rules.Message, authservID string) bool {
	if authservID == "" || msg.Header == nil {
		return false
	}
	for _, v := range msg.Header.Values("Authentication-Results") {
		id, rest, _ := strings.Cut(v, ";")
		if f := strings.Fields(id); len(f) == 0 || !strings.EqualFold(f[0], authservID) {
			continue
		}
		for _, res := range strings.Split(rest, ";") {
			if f := strings.Fields(res); len(f) > 0 && strings.EqualFold(f[0], "dmarc=fail") {
				return true
			}
		}
	}
	return false
}

// replyTo is where the customer wants answers: the mail's Reply-To when it
// opens a case or names a party of the case it joins, else its From. A
// Reply-To of a stranger on a joining mail is ignored, so a forged From
// cannot steer a case's mail elsewhere.
func replyTo(msg *rules.Message, c *Case) *mail.Address {
	from := &mail.Address{Name: msg.FromName, Address: msg.From}
	rt := msg.HeaderValue("Reply-To")
	if rt == "" {
		return from
	}
	a, err := mail.ParseAddress(rt)
	if err != nil {
		return from
	}
	a.Address = strings.ToLower(a.Address)
	if c != nil && a.Address != strings.ToLower(msg.From) {
		for _, p := range c.Parties {
			if p == a.Address {
				return a
			}
		}
		return from
	}
	return a
}

// matchByParty finds the case of a mail that names none: an open case of
// the same process that the sender is a party of and that the mail
// supplies something it lacks, sends one of its files again or repeats one
// of its match_fields. A mail that fits two cases joins neither: the reply
// asks which (note which_case). A mail that adds nothing is the same
// request again (note already_in_hand). The case's history, parsed, comes
// with it.
func (p *Pipeline) matchByParty(cfg *Config, msg *rules.Message) (caseMatch, []*rules.Message, []string, error) {
	var none caseMatch
	if msg.From == "" || dmarcFailed(msg, cfg.Cases.AuthservID) {
		return none, nil, nil, nil
	}
	_, dom, _ := strings.Cut(msg.From, "@")
	cases, err := p.store.OpenCasesOf(msg.From, cfg.Cases.JoinByDomain && !cfg.Cases.sharedDomain(dom))
	if err != nil || len(cases) == 0 {
		return none, nil, nil, err
	}
	alone := cfg.Rules.Evaluate([]*rules.Message{msg})
	if alone.Action == rules.ActionQuarantine || alone.Action == rules.ActionIgnore && alone.Reason != "not_request" {
		return none, nil, nil, nil
	}
	type fit struct {
		c    *Case
		why  string
		new  bool
		hist []*rules.Message
		sums []string
	}
	var fits []fit
	for _, c := range cases {
		if alone.Scenario != "" && alone.Scenario != c.Scenario {
			continue
		}
		rows, err := p.store.CaseMessages(c.ID)
		if err != nil {
			return none, nil, nil, err
		}
		last := lastDecision(rows)
		if last == nil {
			continue
		}
		var why []string
		conflict := false
		for _, f := range cfg.Cases.MatchFields {
			v := alone.Fields[f]
			switch {
			case v == "" || last.Fields[f] == "":
			case sameValue(v, last.Fields[f]):
				why = append(why, "repeats its "+f)
			default:
				conflict = true // another auth code, another organisation: another request
			}
		}
		if conflict {
			continue
		}
		if name := sharedFile(alone.Attachments, rows); name != "" {
			why = append(why, "sends its file "+name+" again")
		}
		var hist []*rules.Message
		var sums, added []string
		if c.State != StateForwarded { // a forwarded case lacks nothing
			hist, sums, err = p.historyOf(cfg, c.ID, rows)
			if err != nil {
				return none, nil, nil, err
			}
			joined := cfg.Rules.Evaluate(append(append([]*rules.Message{}, hist...), msg))
			for _, id := range joined.Present {
				if !slices.Contains(last.Present, id) {
					added = append(added, id)
				}
			}
			if joined.Scenario == c.Scenario && len(added) > 0 {
				why = append(why, "supplies "+strings.Join(added, ", "))
			}
		}
		if len(why) > 0 {
			fits = append(fits, fit{c, strings.Join(why, ", "), len(added) > 0, hist, sums})
		}
	}
	switch len(fits) {
	case 0:
		return none, nil, nil, nil
	case 1:
		f := fits[0]
		m := caseMatch{c: f.c, notes: []string{fmt.Sprintf("joined_untagged: %s: a mail from a party of the case that %s", f.c.ID, f.why)}}
		if !f.new {
			m.notes = append(m.notes, fmt.Sprintf("already_in_hand: %s: the mail adds nothing the case lacks", f.c.ID))
		}
		return m, f.hist, f.sums, nil
	}
	var ids []string
	for _, f := range fits {
		ids = append(ids, f.c.ID+" ("+f.why+")")
	}
	return caseMatch{notes: []string{"which_case: could belong to " + strings.Join(ids, " or ")}}, nil, nil, nil
}

// lastDecision returns the decision of the latest message of a case that
// counted for its checklist, or nil.
func lastDecision(rows []*MessageRow) *rules.Decision {
	for _, r := range slices.Backward(rows) {
		switch r.Action {
		case rules.ActionRequest, rules.ActionAsk, rules.ActionForward:
			return &r.Decision
		}
	}
	return nil
}

// sameValue compares field values as people retype them: case, spaces and
// dashes aside.
func sameValue(a, b string) bool {
	norm := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) || r == '-' || r == '－' {
				return -1
			}
			return unicode.ToLower(r)
		}, halfWidth(s))
	}
	return b != "" && norm(a) == norm(b)
}

// sharedFile returns the name of a file of atts that a message of the case
// carried already, or "".
func sharedFile(atts []rules.FileResult, rows []*MessageRow) string {
	for _, a := range atts {
		for _, r := range rows {
			for _, b := range r.Decision.Attachments {
				if b.SHA256 == a.SHA256 {
					return a.Name
				}
			}
		}
	}
	return ""
}

// engineerAddress reports whether addr is one intake sends to: a route's
// engineers or the admin. Mail from there never starts or changes a case:
// a ticket system acknowledging a forward would otherwise loop.
func engineerAddress(cfg *Config, addr string) bool {
	if addr == "" {
		return false
	}
	own := []string{cfg.SMTP.Admin}
	for _, r := range cfg.Routes {
		own = append(own, r.To...)
	}
	for _, o := range own {
		if a, err := mail.ParseAddress(o); err == nil && strings.EqualFold(a.Address, addr) {
			return true
		}
	}
	return false
}

// caseOf finds the case a message joins (by reference, else by party) and
// returns it with its earlier messages, parsed, and their digests. Mail
// from the engineers' or admin's addresses, or answering mail sent there,
// joins nothing.
func (p *Pipeline) caseOf(cfg *Config, msg *rules.Message) (caseMatch, []*rules.Message, []string, error) {
	if engineerAddress(cfg, msg.From) || p.engineersMail(msg) || p.ownRefs(msg) >= cfg.Cases.Limits.LoopRefs {
		return caseMatch{}, nil, nil, nil
	}
	m := p.findCase(cfg, msg)
	if m.c == nil && len(m.notes) == 0 {
		return p.matchByParty(cfg, msg)
	}
	if m.c == nil || m.c.State == StateForwarded {
		return m, nil, nil, nil // a forwarded case's mail is not read again
	}
	hist, sums, err := p.history(cfg, m.c.ID)
	if err == nil && m.merge != nil {
		// The provisional case's mail is the chosen case's from now on.
		var more []*rules.Message
		var moreSums []string
		more, moreSums, err = p.history(cfg, m.merge.ID)
		hist, sums = append(hist, more...), append(sums, moreSums...)
	}
	return m, hist, sums, err
}

// ownRefs counts intake's own Message-IDs in a mail's In-Reply-To and
// References.
func (p *Pipeline) ownRefs(msg *rules.Message) int {
	seen := map[string]bool{}
	for _, ref := range append(append([]string{}, msg.InReplyTo...), msg.References...) {
		if _, _, ok := p.ids.parse(ref); ok {
			seen[ref] = true
		}
	}
	return len(seen)
}

// engineersMail tells whether a message answers mail intake sent to the
// engineers or the admin (a forward, an update, a notice): their ticket
// system or auto-reply, whatever its From says. Customers never get those
// Message-IDs, so such a mail must not reach a case, or it would loop.
func (p *Pipeline) engineersMail(msg *rules.Message) bool {
	for _, ref := range append(append([]string{}, msg.InReplyTo...), msg.References...) {
		switch _, kind, _ := p.ids.parse(ref); kind {
		case mailer.KindForward, mailer.KindUpdate, mailer.KindAdmin:
			return true
		}
	}
	return false
}
