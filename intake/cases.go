package intake

import (
	"strings"
	"time"
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
	// RatePerSender is the most replies one sender gets per RateWindow.
	RatePerSender int      `yaml:"rate_per_sender"`
	RateWindow    Duration `yaml:"rate_window"`
}

func (c *CaseConfig) setDefaults() {
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
	if c.JoinByDomain && len(c.SharedDomains) == 0 {
		probs = append(probs, problem{"join_by_domain", "join_by_domain needs shared_domains, or a stranger at gmail.com joins every gmail.com case (hint: copy the list of the shipped config.yaml)"})
	}
	if strings.ContainsAny(c.Prefix, " []<>@") {
		probs = append(probs, problem{"prefix", "prefix " + c.Prefix + " cannot hold spaces, brackets or @ (hint: letters such as LX)"})
	}
	if c.CloseAfter <= c.RemindAfter {
		probs = append(probs, problem{"close_after", "close_after must be longer than remind_after"})
	}
	return probs
}
