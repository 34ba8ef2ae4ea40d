package rules

import "strings"

// NewText returns what the sender wrote in this mail: the body (or, where
// it has none, the HTML alternative) without quoted history and signature.
// Case matching reads a tag in its first lines and tells a bare "thanks"
// from news.
func (r *Rules) NewText(m *Message) string {
	fresh, _, _, _ := r.splitQuoted(m.Body)
	if strings.TrimSpace(fresh) == "" && m.AltBody != "" {
		fresh, _, _, _ = r.splitQuoted(m.AltBody)
	}
	return fresh
}
