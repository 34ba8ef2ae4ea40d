package intake

import "strings"

// OpenCasesOf lists the open cases (waiting or forwarded) that an address
// is a party of, oldest first; with byDomain also those with a party at
// the address's domain.
func (s *Store) OpenCasesOf(addr string, byDomain bool) ([]*Case, error) {
	addr = strings.ToLower(addr)
	_, dom, _ := strings.Cut(addr, "@")
	where := `state IN (?, ?) AND id IN (SELECT case_id FROM parties WHERE address = ?`
	args := []any{StateWaiting, StateForwarded, addr}
	if byDomain && dom != "" {
		where += ` OR address LIKE ? ESCAPE '\'`
		args = append(args, "%@"+strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(dom))
	}
	return s.queryCases(where+`) ORDER BY created_at, id`, args...)
}
