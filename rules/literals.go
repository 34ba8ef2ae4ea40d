package rules

import (
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
