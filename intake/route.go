package intake

import (
	"net/mail"
	"slices"
	"strings"

	"intake/rules"
)

// Route sends the cases it matches to a group of engineers. Every condition
// that is set must hold; the first matching route wins, and a route with no
// condition matches everything (put it last).
type Route struct {
	Name          string   `yaml:"name"`
	Scenarios     []string `yaml:"scenarios"`
	Products      []string `yaml:"products"`
	SenderDomains []string `yaml:"sender_domains"`
	To            []string `yaml:"to"`
}

func (r *Route) validate(rs *rules.Rules) []problem {
	var probs []problem
	if len(r.To) == 0 {
		probs = append(probs, problem{"to", "route " + r.Name + " sends to nobody (hint: to: [engineers@example.com])"})
	}
	for _, a := range r.To {
		if _, err := mail.ParseAddress(a); err != nil {
			probs = append(probs, problem{"to", "not an address: " + a})
		}
	}
	for _, s := range r.Scenarios {
		if rs.Scenario(s) == nil {
			probs = append(probs, problem{"scenarios", "undefined scenario \"" + s + "\" used in route " + r.Name + " (hint: the ids under rules.scenarios)"})
		}
	}
	return probs
}

// matches tells whether the route takes a case.
func (r *Route) matches(scenario, product, sender string) bool {
	if len(r.Scenarios) > 0 && !slices.Contains(r.Scenarios, scenario) {
		return false
	}
	if len(r.Products) > 0 && !slices.ContainsFunc(r.Products, func(p string) bool { return strings.EqualFold(p, product) }) {
		return false
	}
	if len(r.SenderDomains) > 0 {
		_, domain, _ := strings.Cut(sender, "@")
		if !slices.ContainsFunc(r.SenderDomains, func(d string) bool { return strings.EqualFold(d, domain) }) {
			return false
		}
	}
	return true
}

// routeFor returns the first route that takes the case, or nil.
func routeFor(routes []Route, scenario, product, sender string) *Route {
	for i := range routes {
		if routes[i].matches(scenario, product, sender) {
			return &routes[i]
		}
	}
	return nil
}
