package intake

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
)

// CaseConfig is the `cases:` section of config.yaml.
type CaseConfig struct {
	// Prefix starts every case id: PREFIX-YYYYMMDD-NNNN.
	Prefix string `yaml:"prefix"`
	// RemindAfter is how long a waiting case waits before the customer is
	// reminded once; CloseAfter how long before it is closed.
	RemindAfter Duration `yaml:"remind_after"`
	CloseAfter  Duration `yaml:"close_after"`
	// JoinByDomain lets anyone of the sender domains of a case add to it;
	// otherwise only its senders can. It never applies to SharedDomains.
	JoinByDomain bool `yaml:"join_by_domain"`
	// SharedDomains are mail providers anyone can have an address at
	// (qq.com, gmail.com): a domain there says nothing about who one is.
	SharedDomains []string `yaml:"shared_domains"`
	// AuthservID is the authserv-id our own receiving server writes in
	// Authentication-Results; a DMARC fail there keeps a mail out of any
	// existing case. Empty: not checked.
	AuthservID string `yaml:"authserv_id"`
	// MatchFields are the fields (rules.fields ids) that say a mail
	// without a case tag is about a sender's open case when it repeats
	// their value: the auth code, the organisation.
	MatchFields []string `yaml:"match_fields"`
	// Thanks tells a bare "thanks" on a forwarded case from news.
	Thanks ThanksConfig `yaml:"thanks"`
	// Limits caps mail to the engineers and automatic replies.
	Limits RateConfig `yaml:"limits"`
	// RatePerSender is the most replies one sender gets per RateWindow.
	RatePerSender int      `yaml:"rate_per_sender"`
	RateWindow    Duration `yaml:"rate_window"`
}

// ThanksConfig is `cases.thanks`: what a mail that only thanks (收到，谢谢)
// causes once its case is with the engineers.
type ThanksConfig struct {
	// Engineers is "none" (nothing is sent) or "note" (a one-line update).
	Engineers string `yaml:"engineers"`
	// Patterns are the words of thanks and acknowledgement.
	Patterns []string `yaml:"patterns"`
	// MaxRest is how many letters may remain once the patterns, the
	// sender's name and punctuation are taken out.
	MaxRest int `yaml:"max_rest"`

	patterns []*regexp.Regexp
}

// only reports whether text says nothing but thanks.
func (t *ThanksConfig) only(text, name string) bool {
	text = strings.ToLower(text)
	found := false
	for _, re := range t.patterns {
		if re.MatchString(text) {
			found = true
			text = re.ReplaceAllString(text, " ")
		}
	}
	if !found {
		return false
	}
	if name != "" {
		text = strings.ReplaceAll(text, strings.ToLower(name), " ")
	}
	rest := 0
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			rest++
		}
	}
	return rest <= t.MaxRest
}

func (c *CaseConfig) setDefaults() {
	c.Limits.setDefaults()
	if c.Thanks.Engineers == "" {
		c.Thanks.Engineers = "none"
	}
	if c.Prefix == "" {
		c.Prefix = "LX"
	}
	if c.RemindAfter == 0 {
		c.RemindAfter = Duration(3 * 24 * time.Hour)
	}
	if c.CloseAfter == 0 {
		c.CloseAfter = Duration(14 * 24 * time.Hour)
	}
	if c.RatePerSender == 0 {
		c.RatePerSender = 10
	}
	if c.RateWindow == 0 {
		c.RateWindow = Duration(24 * time.Hour)
	}
}

// sharedDomain reports whether dom is a shared mail provider's (or a
// subdomain of one: vip.163.com).
func (c *CaseConfig) sharedDomain(dom string) bool {
	for _, d := range c.SharedDomains {
		if d = strings.ToLower(d); dom == d || strings.HasSuffix(dom, "."+d) {
			return true
		}
	}
	return false
}

func (c *CaseConfig) validate() []problem {
	var probs []problem
	switch c.Thanks.Engineers {
	case "none", "note":
	default:
		probs = append(probs, problem{"thanks.engineers", fmt.Sprintf("unknown value %q (hint: none or note)", c.Thanks.Engineers)})
	}
	c.Thanks.patterns = nil
	for i, p := range c.Thanks.Patterns {
		re, err := regexp.Compile("(?i)" + p)
		if err != nil {
			probs = append(probs, problem{fmt.Sprintf("thanks.patterns[%d]", i), fmt.Sprintf("bad pattern: %v", err)})
			continue
		}
		c.Thanks.patterns = append(c.Thanks.patterns, re)
	}
	if c.JoinByDomain && len(c.SharedDomains) == 0 {
		probs = append(probs, problem{"join_by_domain", "join_by_domain needs shared_domains, or a stranger at gmail.com joins every gmail.com case (hint: copy the list of the shipped config.yaml)"})
	}
	if strings.ContainsAny(c.Prefix, " []<>@") {
		probs = append(probs, problem{"prefix", "prefix " + c.Prefix + " cannot hold spaces, brackets or @ (hint: letters such as LX)"})
	}
	if c.CloseAfter <= c.RemindAfter {
		probs = append(probs, problem{"close_after", "close_after must be longer than remind_after"})
	}
	return append(probs, c.Limits.validate()...)
}
