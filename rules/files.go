package rules

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// fileHit is an attachment with the class the rules recognised in it.
type fileHit struct {
	att      *Attachment
	class    *FileClass // nil when no class matched
	role     string     // old, new or "" when unknown
	rejected bool       // looks like the class by name, but its type does not count
	material string     // the material it satisfies, once assigned
	skipped  bool       // not read (over a limit): counts for nothing
}

// ext returns the lower-case extension of a file name, without the dot.
func ext(name string) string {
	return strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))
}

// archiveExts are containers: their entries are classified, not themselves.
var archiveExts = map[string]bool{"zip": true, "rar": true, "7z": true, "eml": true}

// classify recognises the class of every attachment: content patterns first
// (for every class), then name patterns in the order of the classes. text is
// the mail's new text, where a file's role may be said ("附件HostInfo.txt是
// 新服务器的").
func (r *Rules) classify(atts []*Attachment, text string) []*fileHit {
	hits := make([]*fileHit, 0, len(atts))
	for _, a := range atts {
		h := &fileHit{att: a}
		hits = append(hits, h)
		if archiveExts[ext(a.Name)] || a.Size == 0 && a.Data == nil && len(a.Head) == 0 && a.SHA256 == "" {
			continue
		}
		if a.Skipped() {
			// Skipped by the reader (over a limit, see its
			// attachment_skipped note): unread, it counts for nothing,
			// whatever its name says, so the reply asks for it again.
			h.skipped = true
			continue
		}
		h.class, h.rejected = r.classOf(a)
		if h.class != nil {
			h.role = r.roleOf(h.class, a.Name)
			if h.role == "" && h.class.RolesFromName {
				h.role = r.roleFromText(a.Name, text)
			}
		}
	}
	return hits
}

func (r *Rules) classOf(a *Attachment) (*FileClass, bool) {
	for i := range r.Files {
		fc := &r.Files[i]
		if len(fc.content) == 0 || !fc.accepts(a) {
			continue
		}
		for _, re := range fc.content {
			if re.Match(a.Head) || a.Text != "" && re.MatchString(a.Text) {
				return fc, false
			}
		}
	}
	for i := range r.Files {
		fc := &r.Files[i]
		matched := false
		for _, re := range fc.names {
			if re.MatchString(a.Name) {
				matched = true
				break
			}
		}
		if !matched {
			continue
		}
		if fc.rejects(a) {
			return fc, true
		}
		if fc.accepts(a) {
			return fc, false
		}
	}
	return nil, false
}

// accepts tells whether the file's extension or type is one the class allows.
func (fc *FileClass) accepts(a *Attachment) bool {
	if len(fc.Extensions) == 0 && len(fc.Types) == 0 {
		return true
	}
	e := ext(a.Name)
	for _, x := range fc.Extensions {
		if e == strings.ToLower(x) {
			return true
		}
	}
	for _, t := range fc.Types {
		if strings.HasPrefix(a.ContentType, strings.ToLower(t)) {
			return true
		}
	}
	return false
}

func (fc *FileClass) rejects(a *Attachment) bool {
	e := ext(a.Name)
	for _, x := range fc.Reject {
		if e == strings.ToLower(x) {
			return true
		}
	}
	return false
}

// roleFromText reads old/new from what the text says right after the file's
// name, or else right before it, within the same clause.
func (r *Rules) roleFromText(name, text string) string {
	lower := strings.ToLower(text)
	i := strings.Index(lower, strings.ToLower(name))
	n := len(name)
	if i < 0 {
		base := strings.TrimSuffix(name, path.Ext(name))
		if utf8.RuneCountInString(base) < 4 {
			return ""
		}
		i, n = strings.Index(lower, strings.ToLower(base)), len(base)
		if i < 0 {
			return ""
		}
	}
	after := clause(text[i+n:], false)
	before := clause(text[:i], true)
	for _, w := range []string{after, before} {
		if role := r.roleIn(w); role != "" {
			return role
		}
	}
	return ""
}

// roleIn returns the role words in s name: old or new, "" for neither or
// both.
func (r *Rules) roleIn(s string) string {
	old, neu := matchAny(r.Roles.old, s), matchAny(r.Roles.new, s)
	switch {
	case old && !neu:
		return "old"
	case neu && !old:
		return "new"
	}
	return ""
}

// clause returns the words of s up to the next (or, backwards, the last)
// clause break, at most 30 runes.
func clause(s string, backwards bool) string {
	runes := []rune(s)
	if backwards {
		slices.Reverse(runes)
	}
	var out []rune
	for _, c := range runes {
		if len(out) == 30 || strings.ContainsRune("。；;！!？?，,、：:\n", c) {
			break
		}
		out = append(out, c)
	}
	if backwards {
		slices.Reverse(out)
	}
	return string(out)
}

// roleOf reads old/new from the file name where the class allows it.
func (r *Rules) roleOf(fc *FileClass, name string) string {
	if fc.Role != "" {
		return fc.Role
	}
	if !fc.RolesFromName {
		return ""
	}
	return r.roleIn(name)
}

// OriginPasted is the origin of a file whose content was pasted into the
// text of a mail rather than attached.
const OriginPasted = "pasted"

// pastedFiles adds, for each block of the new texts that a class taking
// pasted content recognises, a file of that class (see FileClass.Pasted).
func (r *Rules) pastedFiles(views []view, hits []*fileHit, from []int) ([]*fileHit, []int) {
	for i, v := range views {
		if !strings.Contains(v.fresh, "=") {
			continue // no "key=value" line: nothing pasted
		}
		for n, b := range pastedBlocks(v.fresh) {
			for j := range r.Files {
				fc := &r.Files[j]
				if !fc.Pasted || !slices.ContainsFunc(fc.content, func(re *regexp.Regexp) bool { return re.MatchString(b.text) }) {
					continue
				}
				sum := sha256.Sum256([]byte(b.text))
				a := &Attachment{Name: fmt.Sprintf("%s-pasted-%d.txt", fc.ID, n+1), ContentType: "text/plain",
					Size: int64(len(b.text)), SHA256: hex.EncodeToString(sum[:]), Text: b.text, Origin: OriginPasted,
					Container: b.lead}
				h := &fileHit{att: a, class: fc, role: fc.Role}
				if h.role == "" && fc.RolesFromName {
					h.role = r.roleIn(b.lead)
				}
				hits, from = append(hits, h), append(from, i)
				break
			}
		}
	}
	return hits, from
}

// block is a run of lines pasted from a file, with the line that leads to it.
type block struct {
	text string
	lead string
}

// fileLine is a line of a configuration-like file: "key=value", "[section]"
// or a "#" comment.
var fileLine = regexp.MustCompile(`^(?:[A-Za-z][\w .-]{0,40}\s*=|\[[\w .-]{1,40}\]$|#)`)

// pastedBlocks finds the blocks of a text that look like a pasted file: at
// least three lines in a run, most of them "key=value", "[section]" or "#"
// lines. Rules of dashes or equals signs around a block are not part of it.
func pastedBlocks(text string) []block {
	var out []block
	var run []string
	lead, prev := "", ""
	end := func() {
		n := 0
		for _, l := range run {
			if fileLine.MatchString(l) {
				n++
			}
		}
		if len(run) >= 3 && n >= 3 && 2*n >= len(run) {
			out = append(out, block{text: strings.Join(run, "\n"), lead: lead})
		}
		run = nil
	}
	for _, raw := range strings.Split(text, "\n") {
		l := strings.TrimSpace(raw)
		if l == "" || strings.Trim(l, "-=_*~ ") == "" {
			if len(run) > 0 {
				end()
			}
			continue
		}
		if len(run) == 0 {
			lead = prev
		}
		run = append(run, l)
		prev = l
	}
	if len(run) > 0 {
		end()
	}
	return out
}

// pastedLead is the line that introduced pasted content.
func pastedLead(h *fileHit) string { return h.att.Container }
