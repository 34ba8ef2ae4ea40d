package rules

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// requiredLiterals returns strings, lower case, of which every match of the
// pattern (case-insensitive) contains at least one; nil when no such set is
// known. A text that holds none of them cannot match, so the regular
// expression need not run: most cues are absent from most mail.
func requiredLiterals(pattern string) []string {
	re, err := syntax.Parse(pattern, syntax.Perl|syntax.FoldCase)
	if err != nil {
		return nil
	}
	return required(re.Simplify())
}

func required(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(re.Rune))}
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		var best []string
		for _, sub := range re.Sub {
			if set := required(sub); set != nil && selectivity(set) > selectivity(best) {
				best = set
			}
		}
		return best
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			set := required(sub)
			if set == nil {
				return nil
			}
			all = append(all, set...)
		}
		return all
	}
	return nil
}

// selectivity ranks a set by its shortest member: longer is rarer.
func selectivity(set []string) int {
	if set == nil {
		return -1
	}
	n := 1 << 30
	for _, s := range set {
		n = min(n, utf8.RuneCountInString(s))
	}
	return n
}

// branch is one alternative of a pattern, with the literals it needs.
type branch struct {
	re   *regexp.Regexp
	need []string
}

// branches splits a pattern into its top-level alternatives, each compiled
// (case-insensitive) with its own required literals, so that only the
// alternatives whose words are in a text run on it. A pattern that is not an
// alternation is one branch.
func branches(pattern string) []branch {
	re, err := syntax.Parse(pattern, syntax.Perl|syntax.FoldCase)
	if err != nil {
		return nil
	}
	subs := []*syntax.Regexp{re}
	if re.Op == syntax.OpAlternate {
		subs = re.Sub
	}
	out := make([]branch, 0, len(subs))
	for _, sub := range subs {
		c, err := regexp.Compile(sub.String())
		if err != nil {
			return []branch{{re: regexp.MustCompile("(?i)" + pattern), need: requiredLiterals(pattern)}}
		}
		out = append(out, branch{re: c, need: required(sub.Simplify())})
	}
	return out
}

// find returns the leftmost match of any branch in s at or after pos, as
// indexes into s, or nil; lower is s lower-cased ("" to read every branch).
func find(bs []branch, s, lower string, pos int) []int {
	var best []int
	for _, b := range bs {
		if lower != "" && !mayMatch(b.need, lower[pos:]) {
			continue
		}
		if loc := b.re.FindStringIndex(s[pos:]); loc != nil && (best == nil || pos+loc[0] < best[0]) {
			best = []int{pos + loc[0], pos + loc[1]}
		}
	}
	return best
}

// lowerOf returns s lower-cased for the prefilter, or "" (read every
// branch) when lower-casing changes its length.
func lowerOf(s string) string {
	lower := strings.ToLower(s)
	if len(lower) != len(s) {
		return ""
	}
	return lower
}

// matches tells whether any branch matches s.
func matches(bs []branch, s string) bool { return matchesLower(bs, s, lowerOf(s)) }

// matchesLower is matches with s already lower-cased (see lowerOf).
func matchesLower(bs []branch, s, lower string) bool {
	return s != "" && find(bs, s, lower, 0) != nil
}

// mayMatch tells whether lower (a lower-cased text) holds one of need.
func mayMatch(need []string, lower string) bool {
	if need == nil {
		return true
	}
	for _, s := range need {
		if strings.Contains(lower, s) {
			return true
		}
	}
	return false
}
