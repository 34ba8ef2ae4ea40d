package intake

import (
	"sync"

	"intake/intake/message"
	"intake/rules"
)

// parsedBudget bounds the memory, in bytes, that the mails parsedMail
// keeps take (see parsedSize).
const parsedBudget = 16 << 20

// parsedMail keeps the mails parseStored read last, by digest: a new mail
// is weighed against every open case of its sender, each with its earlier
// mails, so without it a flood from one address read and parsed every
// earlier mail again for each new one. Raw mail never changes under its
// digest, so an entry stays true while the limits it was parsed with are
// those in use; the oldest entries go past parsedBudget. The parsed mails
// are shared: nothing may change them.
type parsedMail struct {
	mu     sync.Mutex
	limits message.Limits
	mails  map[string]*rules.Message
	sizes  map[string]int64
	order  []string // digests, oldest first
	size   int64
}

// get returns the parsed mail of a digest read with lim, or nil.
func (c *parsedMail) get(sum string, lim message.Limits) *rules.Message {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.limits != lim {
		return nil
	}
	return c.mails[sum]
}

// put keeps the parsed mail of a digest, read with lim.
func (c *parsedMail) put(sum string, lim message.Limits, m *rules.Message) {
	size := parsedSize(m)
	if size > parsedBudget/4 {
		return // one large mail would push out the rest
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.mails == nil || c.limits != lim {
		c.limits, c.mails, c.sizes, c.order, c.size = lim, map[string]*rules.Message{}, map[string]int64{}, nil, 0
	}
	if _, ok := c.mails[sum]; ok {
		return
	}
	c.mails[sum], c.sizes[sum] = m, size
	c.order, c.size = append(c.order, sum), c.size+size
	for c.size > parsedBudget {
		old := c.order[0]
		c.order, c.size = c.order[1:], c.size-c.sizes[old]
		delete(c.mails, old)
		delete(c.sizes, old)
	}
}

// parsedSize is about the memory a parsed mail holds: its text and the
// files it carries, their content included.
func parsedSize(m *rules.Message) int64 {
	n := int64(len(m.Body) + len(m.AltBody) + 1024)
	for _, a := range m.Attachments {
		n += int64(len(a.Data) + len(a.Text) + len(a.Head) + 256)
	}
	for _, f := range m.Forwarded {
		n += parsedSize(f)
	}
	return n
}
