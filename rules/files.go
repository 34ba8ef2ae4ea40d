package rules

import (
	"path"
	"strings"
)

// fileHit is an attachment with the class the rules recognised in it.
type fileHit struct {
	att      *Attachment
	class    *FileClass // nil when no class matched
	role     string     // old, new or "" when unknown
	rejected bool       // looks like the class by name, but its type does not count
	material string     // the material it satisfies, once assigned
}

// ext returns the lower-case extension of a file name, without the dot.
func ext(name string) string {
	return strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))
}

// archiveExts are containers: their entries are classified, not themselves.
var archiveExts = map[string]bool{"zip": true, "rar": true, "7z": true, "eml": true}

// classify recognises the class of every attachment: content patterns first
// (for every class), then name patterns in the order of the classes.
func (r *Rules) classify(atts []*Attachment) []*fileHit {
	hits := make([]*fileHit, 0, len(atts))
	for _, a := range atts {
		h := &fileHit{att: a}
		hits = append(hits, h)
		if archiveExts[ext(a.Name)] || a.Size == 0 && a.Data == nil && len(a.Head) == 0 && a.SHA256 == "" {
			continue
		}
		h.class, h.rejected = r.classOf(a)
		if h.class != nil {
			h.role = r.roleOf(h.class, a.Name)
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

// roleOf reads old/new from the file name where the class allows it.
func (r *Rules) roleOf(fc *FileClass, name string) string {
	if fc.Role != "" {
		return fc.Role
	}
	if !fc.RolesFromName {
		return ""
	}
	old, neu := matchAny(r.Roles.old, name), matchAny(r.Roles.new, name)
	switch {
	case old && !neu:
		return "old"
	case neu && !old:
		return "new"
	}
	return ""
}
