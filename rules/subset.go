package rules

import (
	"fmt"
	"slices"
	"strings"
)

// Keep narrows rules not yet compiled to the scenarios with the ids given:
// the others are dropped, so mail is classified among these alone and a
// mail that names none of them is handled as one without a scenario (an
// ask_scenario reply listing these, when it looks like a request). An
// adjustment that would move mail to a dropped scenario is dropped too, and
// one that applies only to dropped scenarios. It returns a problem for each
// id the rules do not define; path is where the ids are written.
func (r *Rules) Keep(path string, ids []string) []Problem {
	var probs []Problem
	for i, id := range ids {
		if !slices.ContainsFunc(r.Scenarios, func(s Scenario) bool { return s.ID == id }) {
			probs = append(probs, Problem{Path: fmt.Sprintf("%s[%d]", path, i), Msg: fmt.Sprintf("unknown scenario %q", id),
				Hint: "the ids of the scenarios of the rules: " + strings.Join(r.ScenarioIDs(), ", ")})
		}
	}
	r.Scenarios = slices.DeleteFunc(r.Scenarios, func(s Scenario) bool { return !slices.Contains(ids, s.ID) })
	var adjust []Adjustment
	for _, a := range r.Adjust {
		if a.Scenario != "" && !slices.Contains(ids, a.Scenario) {
			continue
		}
		if len(a.When.Scenario) > 0 {
			a.When.Scenario = slices.DeleteFunc(slices.Clone(a.When.Scenario), func(s string) bool { return !slices.Contains(ids, s) })
			if len(a.When.Scenario) == 0 {
				continue
			}
		}
		adjust = append(adjust, a)
	}
	r.Adjust = adjust
	return probs
}
