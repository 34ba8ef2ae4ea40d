package rules

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// splitQuoted divides a body into the new text and the quoted history: lines
// starting with ">" and everything below a separator line ("-----Original
// Message-----", "在…写道："). Signatures and disclaimers (see
// SignatureSeparators) are left out of both. A quoted part whose separator or header
// block names one of our own addresses is our own earlier mail: it goes to
// ours, so that the checklist of our reply is not read as the customer's.
func (r *Rules) splitQuoted(body string) (fresh, quoted, ours, sig string) {
	var nb, qb, ob, sb strings.Builder
	lines := strings.Split(body, "\n")
	inQuote, own, inSig := false, false, false
	question := "" // the quoted line just before, when it is a label alone
	for i, line := range lines {
		// QUIRK: clients writing right-to-left scripts put a direction
		// mark before the "> " of a quoted line (testdata/blind3/27).
		line = strings.TrimLeft(line, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")
		lines[i] = line
		quotedLine := strings.HasPrefix(strings.TrimLeft(line, " \t"), ">")
		if !quotedLine && r.isSeparator(line) {
			own, inSig = r.mentionsOwn(quoteHeader(lines[i:])), false
			if !angleQuoteFollows(lines[i+1:]) {
				inQuote = true
			} else {
				// "On … wrote:" over ">" lines: only those are quoted; the
				// lines between them are answers, new text.
				if own {
					ob.WriteString(line + "\n")
				} else {
					qb.WriteString(line + "\n")
				}
				continue
			}
		} else if !inSig && matchAny(r.sigSep, strings.TrimSpace(line)) {
			inSig = true
		}
		switch {
		case inSig && !(quotedLine && !inQuote):
			// A signature or disclaimer: not the sender's request. The new
			// mail's own is kept apart (see senderParty).
			if !inQuote {
				sb.WriteString(line)
				sb.WriteByte('\n')
			}
		case inQuote && own:
			ob.WriteString(line)
			ob.WriteByte('\n')
		case inQuote:
			qb.WriteString(line)
			qb.WriteByte('\n')
		case quotedLine:
			q := strings.TrimLeft(strings.TrimLeft(line, " \t"), "> ")
			if own {
				ob.WriteString(q + "\n")
			} else {
				qb.WriteString(q + "\n")
			}
			if answerFollows(lines[i+1:]) && r.aloneLabel(strings.TrimRight(strings.TrimSpace(q), "?？:："), r.defSect) != nil {
				question = q
				continue
			}
		default:
			if question != "" && strings.TrimSpace(line) != "" {
				// An answer written under the quoted question it answers
				// ("> 2. 用户联系人" then "陈晓峰"): the question is its label.
				nb.WriteString(question)
				nb.WriteByte('\n')
			}
			nb.WriteString(line)
			nb.WriteByte('\n')
		}
		if strings.TrimSpace(line) != "" {
			question = ""
		}
	}
	return nb.String(), qb.String(), ob.String(), sb.String()
}

// answerFollows tells whether the next line is new text, not quoted: an
// answer written under a quoted question.
func answerFollows(lines []string) bool {
	if len(lines) == 0 {
		return false
	}
	l := strings.TrimSpace(lines[0])
	return l != "" && !strings.HasPrefix(l, ">")
}

// angleQuoteFollows tells whether the next non-empty line is quoted with ">".
func angleQuoteFollows(lines []string) bool {
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			return strings.HasPrefix(l, ">")
		}
	}
	return false
}

// level is an earlier mail of a chain: quoted below a separator, or
// attached. sender is the display name its header gives.
type level struct {
	sender, text, sig string
}

// levels returns the earlier mails of a message's chain, newest first: those
// quoted below separators in its body (not our own), then the attached ones
// and theirs, level by level.
func (r *Rules) levels(m *Message) []level {
	var out []level
	body := m.Body
	if strings.TrimSpace(body) == "" {
		body = m.AltBody
	}
	var cur *level
	var text, sig strings.Builder
	end := func() {
		if cur != nil {
			cur.text, cur.sig = text.String(), sig.String()
			out = append(out, *cur)
		}
		cur = nil
		text.Reset()
		sig.Reset()
	}
	lines := strings.Split(body, "\n")
	inSig := false
	for i, line := range lines {
		if r.isSeparator(line) {
			end()
			header := quoteHeader(lines[i:])
			if !r.mentionsOwn(header) {
				cur, inSig = &level{sender: headerName(header)}, false
			}
			continue
		}
		if cur == nil {
			continue
		}
		t := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "> "))
		if !inSig && matchAny(r.sigSep, t) {
			inSig = true
		}
		if inSig {
			sig.WriteString(t + "\n")
		} else {
			text.WriteString(t + "\n")
		}
	}
	end()
	for _, fw := range m.Forwarded {
		fresh, _, _, fsig := r.splitQuoted(fw.Body)
		out = append(out, level{sender: fw.FromName, text: fresh, sig: fsig})
		out = append(out, r.levels(fw)...)
	}
	return out
}

// mailboxName finds a display name before an address: `"刘芳"<liufang@…>`,
// `Rajesh Kumar <rajesh@…>`.
var mailboxName = regexp.MustCompile(`(?:^|[\s:：,，;；])"?([^"<>:：,，;；]{1,60}?)"?\s*<[^<>\s@]+@[^<>\s]+>`)

// headerName returns the display name of the sender a quote header names.
func headerName(header string) string {
	for _, l := range strings.Split(header, "\n") {
		if m := mailboxName.FindStringSubmatch(l); m != nil {
			name := strings.TrimSpace(m[1])
			// "On Mon, 23 Nov 2026 at 10:02, Rajesh Kumar <…> wrote:": the
			// name is the last clause before the address.
			if i := strings.LastIndexAny(name, ",，"); i >= 0 {
				name = strings.TrimSpace(name[i+1:])
			}
			if name != "" && !strings.ContainsAny(name, "0123456789") {
				return name
			}
		}
	}
	return ""
}

// quoteHeader returns a separator line with the sender lines of the header
// block under it ("From: …", "发件人：…"): who wrote the quoted mail. The
// recipients (To, 收件人) are left out: a customer's own mail quoted back
// names us as its recipient.
func quoteHeader(lines []string) string {
	out := []string{lines[0]}
	for i := 1; i < len(lines) && i < 8; i++ {
		l := strings.TrimSpace(lines[i])
		if !headerLine.MatchString(l) {
			break
		}
		if senderLine.MatchString(l) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

var (
	headerLine = regexp.MustCompile(`^[^\s:：]{1,20}\s*[:：]\s*\S`)
	senderLine = regexp.MustCompile(`(?i)^(from|发件人|發件人|寄件者|寄件人|发信人|de|von)\s*[:：]`)
)

func (r *Rules) isSeparator(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" {
		return false
	}
	for _, re := range r.quoteSep {
		if re.MatchString(line) {
			return true
		}
	}
	return false
}

// fieldValue is a value found for a field and where.
type fieldValue struct {
	Value string
	Label string // the label as written, "" for inline matches
	Where string // body, quoted, forwarded…
	// Details are a shaped field's values, each with the description
	// written before it ("K7PM-… (iMC 平台（100 节点）)").
	Details []string
}

// extractFields reads every labelled field of a text. A value is the rest of
// the line after "label:" up to the next label on the same line; a label
// alone on its line takes the next non-empty line (a list field takes every
// line up to a blank one). Under a section heading the section's short
// labels apply.
func (r *Rules) extractFields(text, where string, into map[string]fieldValue) {
	r.extractFieldsIn(text, where, r.defSect, into)
}

// extractFieldsIn is extractFields starting in a section (a signature is
// read in its sender's party).
func (r *Rules) extractFieldsIn(text, where, section string, into map[string]fieldValue) {
	text = plainMarkup(text)
	lines := r.unfoldColumns(strings.Split(text, "\n"), section)
	text = strings.Join(lines, "\n")
	var pending *Field
	var pendingLabel string
	var list []string
	waited := 0 // lines read under a shaped label without a value
	mine := map[string]bool{}
	flush := func() {
		if pending != nil && len(list) > 0 {
			if pending.shape != nil {
				r.setShaped(into, mine, pending, list, pendingLabel, where)
			} else {
				r.setField(into, pending, strings.Join(list, ", "), pendingLabel, where)
			}
		}
		pending, list, waited = nil, nil, 0
	}
	for i, raw := range lines {
		line := strings.TrimRight(raw, "\r \t\u3000")
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			if len(list) > 0 {
				flush()
			}
			continue
		}
		if r.isSeparator(trimmed) {
			// Another mail of a forward chain: its parties start afresh.
			flush()
			section = r.defSect
			continue
		}
		if s := r.heading(trimmed); s != "" {
			// "Customer:" may be a heading or a label whose value follows:
			// a heading when labels follow it.
			label := r.aloneLabel(strings.TrimRight(trimmed, ":："), section)
			if label == nil || r.labelsFollow(lines[i+1:], s) {
				flush()
				section = s
				continue
			}
		}
		hits := r.lineLabels(line, &section)
		if len(hits) == 0 {
			if f := r.aloneLabel(trimmed, section); f != nil {
				flush()
				pending, pendingLabel = f, trimmed
				if f.Section != "" && f.label != nil && f.label.MatchString(trimmed) {
					section = f.Section
				}
				continue
			}
			switch {
			case pending != nil && pending.shape != nil:
				// The values under a shaped label, each maybe after its
				// description ("iMC 平台（100 节点）：K7PM-…").
				vals := pending.shape.values(trimmed)
				if len(vals) == 0 && len(list) > 0 {
					flush() // the values under a label are one run of lines
					continue
				}
				for _, v := range vals {
					list = append(list, shapedItem(v))
				}
				if waited++; len(list) == 0 && waited > maxShapedWait {
					flush()
				}
			case pending != nil:
				list = append(list, cleanValue(bulletRE.ReplaceAllString(trimmed, "")))
				if !pending.List {
					flush()
				}
			}
			continue
		}
		flush()
		for i, h := range hits {
			end := len(line)
			if i+1 < len(hits) {
				end = hits[i+1].start
			}
			v := line[h.valStart:end]
			if h.field.shape != nil {
				var vals []string
				for _, sv := range h.field.shape.values(v) {
					vals = append(vals, shapedItem(sv))
				}
				if len(vals) == 0 && i == len(hits)-1 {
					// "授权码（共三个）：" or "Auth codes: see below".
					pending, pendingLabel = h.field, h.label
					continue
				}
				r.setShaped(into, mine, h.field, vals, h.label, where)
				continue
			}
			if h.prose {
				if cut := strings.IndexAny(v, "，,。；;！!"); cut >= 0 {
					v = v[:cut]
				}
			}
			v = cleanValue(v)
			if strings.HasSuffix(v, ":") || strings.HasSuffix(v, "：") {
				v = "" // "用户联系方式 如下：": the value follows
			}
			if v == "" && i == len(hits)-1 {
				pending, pendingLabel = h.field, h.label
				continue
			}
			r.setField(into, h.field, v, h.label, where)
		}
	}
	flush()
	for i := range r.Fields {
		f := &r.Fields[i]
		if _, ok := into[f.ID]; ok {
			continue
		}
		for _, re := range f.inline {
			if m := re.FindStringSubmatch(text); len(m) > 1 {
				r.setField(into, f, cleanValue(m[1]), "", where)
				break
			}
		}
		if _, ok := into[f.ID]; !ok && f.near != nil {
			r.nearLabel(f, text, where, into)
		}
	}
}

// maxShapedWait is how many lines under a shaped label may pass before its
// first value; after that the label had none.
const maxShapedWait = 6

// shapedItem is a shaped value with its description, as setShaped takes it:
// "K7PM-2QXA-9RTB-4WCN-6YDE\tiMC 平台（100 节点）".
func shapedItem(v shaped) string {
	if d := describeBefore(v.before); d != "" {
		return v.value + "\t" + d
	}
	return v.value
}

// setShaped sets a shaped field from its values (see shapedItem). Values
// under more labels of the same text add up: "平台授权码：…" and "EIA授权码：…"
// on the next line are two codes of the one field.
func (r *Rules) setShaped(into map[string]fieldValue, mine map[string]bool, f *Field, items []string, label, where string) {
	if len(items) == 0 {
		return
	}
	old, ok := into[f.ID]
	if ok && !mine[f.ID] {
		return
	}
	var vals, details []string
	if ok {
		vals, details = strings.Split(old.Value, ", "), old.Details
	}
	for _, it := range items {
		v, d, _ := strings.Cut(it, "\t")
		if slices.Contains(vals, v) {
			continue
		}
		vals = append(vals, v)
		if d != "" {
			v += " (" + d + ")"
		}
		details = append(details, v)
	}
	if !ok {
		old = fieldValue{Label: strings.TrimSpace(label), Where: where}
	}
	old.Value, old.Details = strings.Join(vals, ", "), details
	into[f.ID] = old
	mine[f.ID] = true
}

// nearLabel finds a value of f's shape next to one of its labels in running
// text: after the label on its line, or on the line under a line that ends
// with the label ("our licence key for the old box is 3ab9 k2mx …"). It
// looks for the values first: most texts have none.
func (r *Rules) nearLabel(f *Field, text, where string, into map[string]fieldValue) {
	for _, v := range f.shape.values(text) {
		line := v.before
		if utf8.RuneCountInString(line) > 120 {
			line = string([]rune(line)[utf8.RuneCountInString(line)-120:])
		}
		if strings.TrimSpace(line) == "" {
			// The value starts its line: the label may end the line above.
			above := strings.TrimRight(text[:v.start-len(v.before)], " \t\n")
			if nl := strings.LastIndexByte(above, '\n'); nl >= 0 {
				above = above[nl+1:]
			}
			line = above
		}
		if !r.labelIn(f, line) {
			continue
		}
		r.setShaped(into, map[string]bool{}, f, []string{v.value}, "", where)
		return
	}
}

// labelIn tells whether one of f's labels stands in s, starting a word
// (Chinese labels need no space before them: "补充授权码").
func (r *Rules) labelIn(f *Field, s string) bool {
	for _, loc := range f.near.FindAllStringIndex(s, 4) {
		if first, _ := utf8.DecodeRuneInString(s[loc[0]:]); loc[0] == 0 || unicode.Is(unicode.Han, first) || isBoundary(s, loc[0]) {
			return true
		}
	}
	return false
}

var bulletRE = regexp.MustCompile(`^` + bullet)

// QUIRK: notes pasted from chat and wiki tools (DingTalk, Feishu, Slack)
// keep their markdown: "## 申请", "**代理商**", "`CD-TF-…`". The marks are
// structure, not words: headings, emphasis and code spans are read as their
// plain text (testdata/blind7/19-chat-markdown-unbind-complete.eml). Only
// paired marks go, so a "____" separator line stays.
var markupRE = []struct {
	re   *regexp.Regexp
	repl string
}{
	{regexp.MustCompile(`(?m)^([ \t]{0,3})#{1,6}[ \t]+`), "$1"},
	{regexp.MustCompile(`\*\*([^*\n]+?)\*\*`), "$1"},
	{regexp.MustCompile(`__([^_\s][^_\n]*?)__`), "$1"},
	{regexp.MustCompile("`([^`\n]+)`"), "$1"},
}

// plainMarkup returns text with its markdown marks taken away (see
// markupRE). Text without them is returned as it is.
func plainMarkup(text string) string {
	if !strings.ContainsAny(text, "#*_`") {
		return text
	}
	for _, m := range markupRE {
		text = m.re.ReplaceAllString(text, m.repl)
	}
	return text
}

// QUIRK: Chinese labels are spaced out to line up in columns ("联 系 人：",
// "手  机：", testdata/blind7/01-lotus-notes-gb2312-hwchange-complete.eml):
// spaces between two Chinese characters of a label are not part of it.
func unspaced(s string) string {
	if !strings.ContainsAny(s, " \t\u3000") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(c) {
			j := i
			for j < len(s) {
				d, n := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsSpace(d) {
					break
				}
				j += n
			}
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next, _ := utf8.DecodeRuneInString(s[j:])
			if unicode.Is(unicode.Han, prev) && unicode.Is(unicode.Han, next) {
				i = j
				continue
			}
		}
		b.WriteRune(c)
		i += size
	}
	return b.String()
}

// labelsFollow tells whether the next non-empty line holds a label (read
// under section), as the lines below a heading do.
func (r *Rules) labelsFollow(lines []string, section string) bool {
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		return len(r.lineLabels(l, &section)) > 0 || r.aloneLabel(l, section) != nil || r.heading(l) != ""
	}
	return true
}

func (r *Rules) setField(into map[string]fieldValue, f *Field, v, label, where string) {
	_, set := into[f.ID]
	if v == "" {
		return
	}
	for _, a := range f.Also {
		loc := a.re.FindStringSubmatchIndex(v)
		if loc == nil {
			continue
		}
		part := v[loc[0]:loc[1]]
		if len(loc) >= 4 && loc[2] >= 0 {
			part = v[loc[2]:loc[3]]
		}
		before, after := v[:loc[0]], v[loc[1]:]
		if a.Shape != "" {
			// The shape is the value alone: its label and brackets stay
			// behind ("李四（电话：138…）").
			before, after = r.dropLabel(before, r.fields[a.Field]), strings.TrimLeft(after, " )）")
		}
		// "联系人：李四 138…" gives the number to the phone field; so does
		// a second line under a name label already given ("End user
		// contact person: …" then "End user contact: +60 …").
		if rest := cleanValue(before + " " + after); rest != "" || set {
			if rest != "" {
				v = rest
			}
			r.setField(into, r.fields[a.Field], cleanValue(part), label, where)
		}
	}
	if set {
		return
	}
	if r.empty != nil && r.empty.MatchString(v) {
		return
	}
	if f.value != nil && !f.value.MatchString(v) {
		return
	}
	into[f.ID] = fieldValue{Value: v, Label: strings.TrimSpace(label), Where: where}
}

// dropLabel cuts from the end of s a label of f with its separator and an
// opening bracket: "李四，电话：" → "李四".
func (r *Rules) dropLabel(s string, f *Field) string {
	trim := func(s string) string { return strings.TrimRight(s, " \t,，/、(（:：") }
	s = trim(s)
	if f == nil {
		return s
	}
	for i := len(s) - 1; i > 0; i-- {
		if !utf8.RuneStart(s[i]) || !isBoundary(s, i) && !unicode.Is(unicode.Han, firstRune(s[i:])) {
			continue
		}
		if g, _ := r.labelField(s[i:], f.Section); g == f || r.labelMatches(f, s[i:]) {
			return trim(s[:i])
		}
	}
	return s
}

// labelMatches tells whether s is one of f's own or section labels.
func (r *Rules) labelMatches(f *Field, s string) bool {
	s = unspaced(strings.TrimSpace(s))
	return f.label != nil && f.label.MatchString(s) || f.sectionLabel != nil && f.sectionLabel.MatchString(s)
}

func firstRune(s string) rune {
	c, _ := utf8.DecodeRuneInString(s)
	return c
}

func cleanValue(s string) string {
	s = strings.TrimLeft(s, " \t\u3000|丨｜")
	s = strings.TrimRightFunc(s, func(r rune) bool {
		// Separators, table borders and a trailing emoji ("… 🔑").
		return unicode.IsSpace(r) || strings.ContainsRune(",，;；。|丨｜\ufe0f\u200d", r) || unicode.Is(unicode.So, r)
	})
	s = strings.TrimSuffix(s, " .") // "Priya Nair ." once a phone is split off
	// A bracket the next label cut in two: "陳家豪（" before "電話：…）".
	s = strings.TrimRight(s, " (（")
	if strings.Count(s, ")")+strings.Count(s, "）") > strings.Count(s, "(")+strings.Count(s, "（") {
		s = strings.TrimRight(s, " )）")
	}
	return strings.TrimSpace(s)
}

type labelHit struct {
	field    *Field
	label    string
	start    int  // where the label starts
	valStart int  // just after the separator
	prose    bool // "最终用户是…": the value ends with the clause
}

// lineLabels finds the labels of one line: at each separator (":", "：", a
// tab, " - " or a run of spaces; after a Chinese label also "是", "为" or a
// single space) the longest text before it, starting at a word boundary,
// that is the label of a field. A field's own label (not a section's short
// one) moves *section to the field's party, so that a bare "电话" after
// "代理商工程师：…" is the reseller's.
func (r *Rules) lineLabels(line string, section *string) []labelHit {
	var hits []labelHit
	prev := 0
	for i := 0; i < len(line); {
		sepLen, weak := separatorAt(line, i)
		if sepLen == 0 {
			_, size := utf8.DecodeRuneInString(line[i:])
			i += size
			continue
		}
		f, start, own := r.labelBefore(line[prev:i], *section)
		if f != nil && dashAt(line[i:]) && inProse(line, prev+start) {
			// A dash after a word of a sentence is no separator: the
			// sentence goes on after it.
			f = nil
		}
		if f != nil && weak {
			last, _ := utf8.DecodeLastRuneInString(line[prev+start : i])
			next, _ := utf8.DecodeRuneInString(line[i+sepLen:])
			if !unicode.Is(unicode.Han, last) && !(line[i] == ' ' && (unicode.IsDigit(next) || next == '+')) &&
				!(f.shape != nil && f.shape.startsAt(line[i+sepLen:])) {
				// Weak separators follow Chinese labels, or come before a
				// number or a value of the field's shape ("Licence key
				// abcd efgh …").
				f = nil
			}
		}
		if f != nil {
			valStart := i + sepLen
			for valStart < len(line) && (line[valStart] == ' ' || line[valStart] == '\t') {
				valStart++
			}
			if weak {
				// "授权码为：…": a colon may still follow.
				valStart += len(line[valStart:]) - len(strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(line[valStart:], "："), ":"), " \t"))
			}
			hits = append(hits, labelHit{field: f, label: line[prev+start : i], start: prev + start, valStart: valStart, prose: weak})
			if own && f.Section != "" {
				*section = f.Section
			}
			prev = valStart
			i = valStart
			continue
		}
		i += sepLen
	}
	return hits
}

// separatorAt returns the length of the label separator at line[i], or 0;
// weak separators count only after a Chinese label.
func separatorAt(line string, i int) (n int, weak bool) {
	switch {
	case dashAt(line[i:]):
		// "Authorization code - XXXX": a dash between spaces.
		_, size := utf8.DecodeRuneInString(line[i+1:])
		return size + 2, false
	case strings.HasPrefix(line[i:], "："):
		return len("："), false
	case strings.HasPrefix(line[i:], "】"), line[i] == ']':
		// "【客户局点名称】江川市…": a bracketed label needs no colon.
		_, size := utf8.DecodeRuneInString(line[i:])
		return size, false
	case line[i] == '|', strings.HasPrefix(line[i:], "丨"), strings.HasPrefix(line[i:], "｜"):
		// "License Key | XXXX", "| 授权码 | XXXX |": table cells.
		_, size := utf8.DecodeRuneInString(line[i:])
		return size, false
	case strings.HasPrefix(line[i:], "\u3000"):
		// "客户名称　上海示例银行": a full-width space after a Chinese label.
		if last, _ := utf8.DecodeLastRuneInString(line[:i]); unicode.Is(unicode.Han, last) {
			return len("\u3000"), true
		}
	case line[i] == '\t':
		return 1, false
	case line[i] == ':':
		// Not a separator inside "http://" or a time such as 09:40.
		if strings.HasPrefix(line[i:], "://") {
			return 0, false
		}
		if i > 0 && i+1 < len(line) && isDigit(line[i-1]) && isDigit(line[i+1]) {
			return 0, false
		}
		return 1, false
	case strings.HasPrefix(line[i:], "  ") && i > 0 && strings.TrimSpace(line[:i]) != "":
		n := 0
		for i+n < len(line) && line[i+n] == ' ' {
			n++
		}
		return n, false
	case line[i] == ' ' && i > 0:
		// "联系人 张三": a single space after a Chinese label; "Mob +60 12…":
		// one before a number.
		last, _ := utf8.DecodeLastRuneInString(line[:i])
		if unicode.Is(unicode.Han, last) || i+1 < len(line) && (isDigit(line[i+1]) || line[i+1] == '+') {
			return 1, true
		}
	case strings.HasPrefix(line[i:], "是"), strings.HasPrefix(line[i:], "为"), strings.HasPrefix(line[i:], "為"):
		// "最终用户是…", "授权码为…"
		return len("是"), true
	}
	return 0, false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// dashAt tells whether s starts with a dash between spaces.
func dashAt(s string) bool {
	return strings.HasPrefix(s, " - ") || strings.HasPrefix(s, " – ") || strings.HasPrefix(s, " — ")
}

// inProse tells whether a label starting at line[start] stands inside a
// sentence: after a word rather than at the start of the line or of a
// segment ("Request recover license file for customer - urgent"; not
// "[Ticket] Customer - …" or "Unbind - site - …").
func inProse(line string, start int) bool {
	before := strings.TrimRight(line[:start], " \t\u3000")
	last, _ := utf8.DecodeLastRuneInString(before)
	return before != "" && (unicode.IsLetter(last) || unicode.IsDigit(last))
}

// labelBefore finds the field whose label is the longest suffix of region
// that starts at a word boundary. It returns the field, the offset of the
// label in region, and whether it was the field's own label (not a
// section's short one).
func (r *Rules) labelBefore(region, section string) (*Field, int, bool) {
	base := 0
	if len(region) > 200 {
		base = len(region) - 200
		for base < len(region) && !utf8.RuneStart(region[base]) {
			base++
		}
	}
	for off := base; off < len(region); {
		if off == base || isBoundary(region, off) {
			if f, own := r.labelField(region[off:], section); f != nil {
				return f, off, own
			}
		}
		_, size := utf8.DecodeRuneInString(region[off:])
		off += size
	}
	return nil, 0, false
}

// isBoundary tells whether a label may start at region[off]: after a space,
// punctuation or the particles 的 and 是 ("我们的授权码：…", "我是代理商工程师：…").
func isBoundary(region string, off int) bool {
	r, _ := utf8.DecodeLastRuneInString(region[:off])
	return unicode.IsSpace(r) || unicode.IsPunct(r) || strings.ContainsRune("|丨｜\u3000的是", r)
}

// labelField returns the field whose label is exactly s (after trimming),
// and whether it is the field's own label rather than a section's.
func (r *Rules) labelField(s, section string) (*Field, bool) {
	s = unspaced(strings.TrimSpace(s))
	if s == "" || utf8.RuneCountInString(s) > 60 {
		return nil, false
	}
	for i := range r.Fields {
		f := &r.Fields[i]
		if f.label != nil && f.label.MatchString(s) {
			return f, true
		}
	}
	for i := range r.Fields {
		f := &r.Fields[i]
		if f.sectionLabel != nil && f.Section == section && f.sectionLabel.MatchString(s) {
			return f, false
		}
	}
	return nil, false
}

// nameKey is a checklist item's name as nameLabels keys it: without
// numbering, lower case, single spaces.
func nameKey(s string) string {
	s = strings.TrimLeft(s, " \t0123456789.、)）(（-*•·")
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// aloneLabel returns the field whose label makes up the whole line (a value
// on the next line follows, as in plain text made from a table).
func (r *Rules) aloneLabel(line, section string) *Field {
	if utf8.RuneCountInString(line) > 40 {
		return nil
	}
	if f, _ := r.labelField(line, section); f != nil {
		return f
	}
	// The name of a checklist item alone on its line is a label of its
	// field: an answer under our quoted checklist ("> 3. End-user phone or
	// e-mail").
	return r.nameLabels[nameKey(line)]
}

// heading returns the section a heading line opens, or "".
func (r *Rules) heading(line string) string {
	if utf8.RuneCountInString(line) > 40 {
		return ""
	}
	for i := range r.Sections {
		s := &r.Sections[i]
		if s.headings != nil && s.headings.MatchString(line) {
			return s.ID
		}
	}
	return ""
}

// anchored compiles a label alternation to match a whole candidate.
func anchored(alt string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)^` + bullet + alt + labelTail + `$`)
}

// remark is a parenthesised remark in a value: "（全部）", "(3 in all)".
var remark = regexp.MustCompile(`[（(][^）)]*[）)]`)

// listValues splits a list value (serial numbers) into its items: the
// tokens that hold a digit, so that "A, B and C" is three items.
func listValues(v string) []string {
	v = remark.ReplaceAllString(v, " ")
	var out []string
	for _, tok := range strings.FieldsFunc(v, func(r rune) bool {
		return r == ',' || r == '，' || r == ';' || r == '；' || r == '、' || r == '/' || unicode.IsSpace(r)
	}) {
		if strings.ContainsAny(tok, "0123456789") {
			out = append(out, strings.Trim(tok, ".。()（）"))
		}
	}
	return out
}

// isItem tells whether a list token is an item (a serial holds Latin letters
// and digits, or is a long number) rather than a count ("3个") or a
// reference ("2.2").
func isItem(tok string) bool {
	latin := strings.IndexFunc(tok, func(r rune) bool { return unicode.IsLetter(r) && !unicode.Is(unicode.Han, r) }) >= 0
	return latin || len(tok) >= 6 && strings.Trim(tok, "0123456789") == ""
}

// countWords are the numbers a list's size is written in.
var countWords = map[string]int{
	"one": 1, "two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"一": 1, "两": 2, "兩": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
}

// measureRE finds a Chinese count before its measure word ("3个", "三個").
var measureRE = regexp.MustCompile(`([一两兩二三四五六七八九十]|\d{1,2})\s*(?:个|個|条|條|项|項)`)

// statedCount returns the one count a value states ("all three serials
// listed in 2.2" is 3): number words and numbers standing alone, and Chinese
// counts; false when it states none or several.
func statedCount(v string) (int, bool) {
	v = remark.ReplaceAllString(v, " ")
	words := strings.FieldsFunc(strings.ToLower(v), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' || unicode.Is(unicode.Han, r)
	})
	for _, m := range measureRE.FindAllStringSubmatch(v, -1) {
		words = append(words, m[1])
	}
	n, found := 0, false
	for _, w := range words {
		c, ok := countWords[strings.TrimRight(w, ".")]
		if !ok {
			var err error
			if c, err = strconv.Atoi(strings.TrimRight(w, ".")); err != nil || c > 99 {
				continue
			}
		}
		if found && c != n {
			return 0, false
		}
		n, found = c, true
	}
	return n, found
}
