package intake

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// OpenCasesOf lists the open cases (waiting or forwarded) that an address
// is a party of, oldest first; with byDomain also those with a party at
// the address's domain.
func (s *Store) OpenCasesOf(addr string, byDomain bool) ([]*Case, error) {
	addr = strings.ToLower(addr)
	_, dom, _ := strings.Cut(addr, "@")
	// +state: the cases are found through the parties, never by their
	// state, which a store that has seen 100,000 mails has 60,000 of.
	where := `+state IN (?, ?) AND id IN (SELECT case_id FROM parties WHERE address = ?`
	args := []any{StateWaiting, StateForwarded, addr}
	if byDomain && dom != "" {
		where += ` OR address LIKE ? ESCAPE '\'`
		args = append(args, "%@"+strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(dom))
	}
	return s.queryCases(where+`) ORDER BY created_at, id`, args...)
}

// replyKinds are the kinds of outbox mail the hourly reply cap counts.
const replyKinds = `('request', 'ask', 'forwarded', 'reminder', 'closed')`

// RepliesSince counts the automatic replies queued since a time, to
// anyone, to the minute: from the start of since's minute. It sums the
// counts kept by minute (reply_minutes, at most one row a minute), so its
// cost does not grow with the replies: counting the outbox rows instead
// made each reply of a backlog cost as much as all before it.
func (s *Store) RepliesSince(since time.Time) (int, error) {
	var n int
	err := s.db.QueryRow(`SELECT coalesce(sum(n), 0) FROM reply_minutes WHERE minute >= ?`, since.Unix()/60).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("counting replies: %w", err)
	}
	return n, nil
}

// ForwardsSince counts, since a time, the forwards of new cases that a
// sender's messages caused, and the mail to the engineers (forwards and
// updates) about a case.
func (s *Store) ForwardsSince(from, caseID string, since time.Time) (bySender, byCase int, err error) {
	err = s.db.QueryRow(`SELECT count(*) FROM outbox o JOIN messages m ON o.message_row = m.id
		WHERE o.kind = 'forward' AND o.state != 'kept' AND m.from_addr = ? AND o.created_at >= ?`, strings.ToLower(from), since.Unix()).Scan(&bySender)
	if err == nil {
		err = s.db.QueryRow(`SELECT count(*) FROM outbox WHERE kind IN ('forward', 'update') AND state != 'kept' AND case_id = ? AND created_at >= ?`,
			caseID, since.Unix()).Scan(&byCase)
	}
	if err != nil {
		return 0, 0, fmt.Errorf("counting forwards: %w", err)
	}
	return bySender, byCase, nil
}

// CaseForward returns the Message-ID and subject of a case's latest forward
// ("" when none), without reading any mail's body: updates thread on it.
func (s *Store) CaseForward(caseID string) (messageID, subject string, err error) {
	err = s.db.QueryRow(`SELECT message_id, subject FROM outbox WHERE case_id = ? AND kind = 'forward' ORDER BY id DESC LIMIT 1`, caseID).
		Scan(&messageID, &subject)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("reading the forward of case %s: %w", caseID, err)
	}
	return messageID, subject, nil
}
