package intake

import (
	"fmt"

	"intake/intake/imapbox"
)

// MoreMailbox is one entry of `mailboxes:`: a mailbox read besides
// `mailbox:` by the same process, with its own folders and checkpoints and,
// when given, its own routes. All share the store, the case numbering and
// the SMTP server.
type MoreMailbox struct {
	Name string         `yaml:"name"`
	IMAP imapbox.Config `yaml:"imap"` // the keys of `mailbox:`
	// Routes replace the config's routes for mail read here; empty: the
	// config's.
	Routes []Route `yaml:"routes"`
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
		v.Mailbox = m.IMAP
		if len(m.Routes) > 0 {
			v.Routes = m.Routes
		}
		return &v
	}
	return nil
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
		for j, r := range m.Routes {
			for _, p := range r.validate(&c.Rules) {
				probs = append(probs, problem{fmt.Sprintf("%sroutes[%d].%s", at, j, p.path), p.msg})
			}
		}
	}
	return probs
}
