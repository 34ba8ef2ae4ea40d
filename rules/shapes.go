package rules

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Shape is the form of a field's value: an authorization code's groups, a
// phone number with its country code and extension. Labels tell which field
// a value belongs to; the shape is how the values are found in the text a
// label introduces, checked, and written the same way every time.
type Shape struct {
	ID string `yaml:"id"`
	// Find lists the forms a value takes; the first form that matches at a
	// place wins.
	Find []ShapeForm `yaml:"find"`
	// Upper writes the letters of a value in upper case; Separators (a
	// pattern) between its groups are written as Join.
	Upper      bool   `yaml:"upper"`
	Separators string `yaml:"separators"`
	Join       string `yaml:"join"`

	sep *regexp.Regexp
}

// ShapeForm is one form of a shape's values.
type ShapeForm struct {
	Pattern string `yaml:"pattern"`
	// Must, when set, is a pattern every value of this form also matches
	// (a digit somewhere, so that four-letter words are not a code).
	Must string `yaml:"must"`

	re, at, must *regexp.Regexp
}

// shaped is one value found by a shape, normalised, with the text before it
// on its line (the description of "iMC 平台（100 节点）：K7PM-…").
type shaped struct {
	value  string
	before string
	start  int
	end    int
}

// values returns the values of the shape in s, left to right, normalised.
// Where forms overlap, the one starting first (then the longer) wins.
func (sh *Shape) values(s string) []shaped {
	var locs [][]int
	for i := range sh.Find {
		f := &sh.Find[i]
		for _, loc := range f.re.FindAllStringIndex(s, -1) {
			if f.must == nil || f.must.MatchString(s[loc[0]:loc[1]]) {
				locs = append(locs, loc)
			}
		}
	}
	slices.SortFunc(locs, func(a, b []int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return b[1] - a[1]
	})
	var out []shaped
	end := 0
	for _, loc := range locs {
		if loc[0] < end {
			continue
		}
		line := s[:loc[0]]
		if nl := strings.LastIndexByte(line, '\n'); nl >= 0 {
			line = line[nl+1:]
		}
		out = append(out, shaped{value: sh.normalize(s[loc[0]:loc[1]]), before: line, start: loc[0], end: loc[1]})
		end = loc[1]
	}
	return out
}

// startsAt tells whether a value of the shape starts s (after spaces).
func (sh *Shape) startsAt(s string) bool {
	s = strings.TrimLeft(s, " \t\u3000")
	for i := range sh.Find {
		f := &sh.Find[i]
		if m := f.at.FindString(s); m != "" && (f.must == nil || f.must.MatchString(m)) {
			return true
		}
	}
	return false
}

// normalize writes a value the shape's way: case, then separators.
func (sh *Shape) normalize(v string) string {
	v = strings.TrimSpace(v)
	if sh.Upper {
		v = strings.ToUpper(v)
	}
	if sh.sep != nil {
		v = sh.sep.ReplaceAllString(v, sh.Join)
	}
	return v
}

// describe returns the description written before a value on its line, cut
// of labels' separators and bullets: "iMC 平台（100 节点）".
func describeBefore(before string) string {
	d := strings.TrimSpace(bulletRE.ReplaceAllString(strings.TrimSpace(before), ""))
	d = strings.TrimRight(d, " \t:：-–—=|")
	if utf8.RuneCountInString(d) > 60 {
		return ""
	}
	return strings.TrimSpace(d)
}

// anywhere returns one pattern for every form of the shape, capturing the
// value (for Also, which moves the first value to another field).
func (sh *Shape) anywhere() *regexp.Regexp {
	pats := make([]string, len(sh.Find))
	for i, f := range sh.Find {
		if f.re == nil {
			return nil // reported by Compile
		}
		pats[i] = f.Pattern
	}
	return regexp.MustCompile(`(?i)(` + strings.Join(pats, "|") + `)`)
}
