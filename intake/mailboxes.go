package intake

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"intake/intake/imapbox"
	"intake/rules"
)

// MoreMailbox is one entry of `mailboxes:`: a mailbox read besides
// `mailbox:` by the same process, with its own folders and checkpoints and,
// when given, its own rules and routes. All share the store, the case
// numbering and the SMTP server.
type MoreMailbox struct {
	Name string         `yaml:"name"`
	IMAP imapbox.Config `yaml:"imap"` // the keys of `mailbox:`
	// Rules is a YAML file holding a `rules:` section, relative to the
	// config file, that replaces the config's rules for mail read here.
	Rules string `yaml:"rules"`
	// Scenarios narrows the rules (the config's, or those of Rules) to the
	// scenarios with these ids: mail is classified among them alone (see
	// rules.Keep).
	Scenarios []string `yaml:"scenarios"`
	// Routes replace the config's routes for mail read here; empty: the
	// config's.
	Routes []Route `yaml:"routes"`

	rules *rules.Rules // compiled from Rules and Scenarios; nil: the config's
}

// rulesFile is the content of a mailbox's rules file.
type rulesFile struct {
	Rules rules.Rules `yaml:"rules"`
}

// loadMailboxRules reads and compiles the rules of each mailbox that has a
// rules file or a scenario subset. data is the config file: a subset of its
// rules is decoded from it afresh, so that no two mailboxes share compiled
// state. A problem in a rules file is placed at its own file:line.
func (c *Config) loadMailboxRules(data []byte, at func(string) string) []string {
	var probs []string
	for i := range c.Mailboxes {
		m := &c.Mailboxes[i]
		m.rules = nil
		if m.Rules == "" && len(m.Scenarios) == 0 {
			continue
		}
		path := fmt.Sprintf("mailboxes[%d].", i)
		var rf rulesFile
		ruleAt := at // where the rules are written
		if m.Rules == "" {
			if err := yaml.Unmarshal(data, &rf); err != nil {
				probs = append(probs, fmt.Sprintf("%s: mailbox %s: reading the rules again: %v", at(path+"scenarios"), m.Name, err))
				continue
			}
		} else {
			raw, err := fs.ReadFile(c.Files, m.Rules)
			if err != nil {
				probs = append(probs, fmt.Sprintf("%s: mailbox %s: rules file %q: %v (hint: a YAML file with a rules: section, its path relative to the config file)", at(path+"rules"), m.Name, m.Rules, errors.Unwrap(err)))
				continue
			}
			base := filepath.Base(m.Rules)
			lines, _, fileProbs, ok := decodeStrict(base, raw, &rf)
			probs = append(probs, fileProbs...)
			if !ok || len(fileProbs) > 0 {
				continue
			}
			if len(rf.Rules.Scenarios) == 0 {
				probs = append(probs, fmt.Sprintf("%s:%d: mailbox %s: no rules.scenarios in %s (hint: the file holds a rules: section like the config's)", base, lineOf(lines, "rules"), m.Name, m.Rules))
				continue
			}
			ruleAt = func(p string) string { return fmt.Sprintf("%s:%d", base, lineOf(lines, p)) }
		}
		rs := &rf.Rules
		var subset []string
		if len(m.Scenarios) > 0 {
			subset = rulesProblems(rs.Keep("scenarios", m.Scenarios), func(p string) string { return at(path + p) }, "")
		}
		probs = append(probs, subset...)
		for _, a := range c.Rules.OwnAddresses {
			rs.OwnAddresses = appendUnique(rs.OwnAddresses, a)
		}
		compiled := rulesProblems(rs.Compile(), ruleAt, "rules.")
		if m.Rules != "" {
			compiled = append(compiled, c.noteTextProblems(rs, ruleAt)...)
			compiled = append(compiled, c.templateProblems(rs, ruleAt)...)
		}
		for _, p := range compiled {
			probs = append(probs, strings.Replace(p, ": ", ": mailbox "+m.Name+": ", 1)) // after file:line
		}
		if len(subset) == 0 && len(compiled) == 0 {
			m.rules = rs
		}
	}
	return probs
}

// mailboxNames lists the mailboxes a poll reads: "" for `mailbox:`, then
// the names under `mailboxes:`.
func (c *Config) mailboxNames() []string {
	names := []string{""}
	for _, m := range c.Mailboxes {
		names = append(names, m.Name)
	}
	return names
}

// view returns the config as it applies to the mailbox name ("" for
// `mailbox:`): a copy with that mailbox and its routes; nil when there is no
// such mailbox (a reload took it away).
func (c *Config) view(name string) *Config {
	if name == "" {
		return c
	}
	for i := range c.Mailboxes {
		m := &c.Mailboxes[i]
		if m.Name != name {
			continue
		}
		v := *c
		v.origin = c
		v.Mailbox = m.IMAP
		if m.rules != nil {
			v.Rules = *m.rules
		}
		if len(m.Routes) > 0 {
			v.Routes = m.Routes
		}
		return &v
	}
	return nil
}

// ForMailbox returns the config as it applies to mail read by the mailbox
// named under `mailboxes:` (its rules and routes); "" is `mailbox:`.
func (c *Config) ForMailbox(name string) (*Config, error) {
	if v := c.view(name); v != nil {
		return v, nil
	}
	return nil, fmt.Errorf("no mailbox %q under mailboxes: (hint: one of %s)", name, strings.Join(c.mailboxNames()[1:], ", "))
}

// viewOfKey returns the config as it applies to the mailbox whose mail is
// stored under key (see mailboxKey), or c when no mailbox has that key now.
func (c *Config) viewOfKey(key string) *Config {
	for _, name := range c.mailboxNames() {
		if v := c.view(name); mailboxKey(v) == key {
			return v
		}
	}
	return c
}

// mailboxesProblems checks every entry of `mailboxes:` as `mailbox:` is
// checked, and that no two name the same mailbox (they would share
// checkpoints).
func (c *Config) mailboxesProblems() []problem {
	var probs []problem
	names := map[string]bool{}
	keys := map[string]string{mailboxKey(c): "`mailbox:`"}
	for i := range c.Mailboxes {
		m := &c.Mailboxes[i]
		at := fmt.Sprintf("mailboxes[%d].", i)
		switch {
		case m.Name == "":
			probs = append(probs, problem{at + "name", "mailbox without a name (hint: name: support-emea)"})
		case names[m.Name]:
			probs = append(probs, problem{at + "name", fmt.Sprintf("two mailboxes are named %q", m.Name)})
		}
		names[m.Name] = true
		for _, p := range m.IMAP.Problems() {
			probs = append(probs, problem{at + "imap." + p.Path, "mailbox " + m.Name + ": " + p.Msg})
		}
		key := fmt.Sprintf("%s@%s/%s", m.IMAP.Username, m.IMAP.Host, m.IMAP.Mailbox)
		if other, ok := keys[key]; ok {
			probs = append(probs, problem{at + "imap.mailbox", fmt.Sprintf("mailbox %q reads the same mailbox as %s (%s) (hint: each mailbox once; its checkpoints would be shared)", m.Name, other, key)})
		}
		keys[key] = fmt.Sprintf("mailbox %q", m.Name)
		rs := &c.Rules
		if m.rules != nil {
			rs = m.rules
		}
		for j, r := range m.Routes {
			for _, p := range r.validate(rs) {
				probs = append(probs, problem{fmt.Sprintf("%sroutes[%d].%s", at, j, p.path), p.msg})
			}
		}
	}
	return probs
}
