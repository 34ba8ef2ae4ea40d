package intake

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
)

// RetentionConfig says how long the store keeps mail it no longer needs.
// Zero keeps it for ever.
type RetentionConfig struct {
	// Sent is how long the body of a sent (or cancelled) mail is kept
	// after it was sent; its envelope, subject and Message-ID stay.
	Sent Duration `yaml:"sent"`
	// Cases is how long the raw mail of a case that is done (forwarded,
	// closed or failed) is kept after the case last changed, and the raw
	// mail of a message that joined no case after it came.
	Cases Duration `yaml:"cases"`
}

func (r *RetentionConfig) setDefaults() {
	if r.Sent == 0 {
		r.Sent = Duration(30 * 24 * time.Hour)
	}
	if r.Cases == 0 {
		r.Cases = Duration(180 * 24 * time.Hour)
	}
}

// migrate creates the schema and adds the columns a store made by an
// earlier version lacks.
func migrate(db *sql.DB) error {
	if _, err := db.Exec(schema); err != nil {
		return fmt.Errorf("creating schema: %w", err)
	}
	for _, c := range []struct{ table, column string }{
		{"messages", "pruned_at"},
		{"outbox", "pruned_at"},
	} {
		_, err := db.Exec(`ALTER TABLE ` + c.table + ` ADD COLUMN ` + c.column + ` INTEGER`)
		if err != nil && !strings.Contains(err.Error(), "duplicate column") {
			return fmt.Errorf("adding %s.%s: %w", c.table, c.column, err)
		}
	}
	// Indexes on the added columns, so that pruning reads only what is
	// still kept and old enough.
	_, err := db.Exec(`
CREATE INDEX IF NOT EXISTS messages_kept ON messages(received_at) WHERE pruned_at IS NULL AND sha256 != '';
CREATE INDEX IF NOT EXISTS outbox_kept ON outbox(created_at) WHERE pruned_at IS NULL AND state IN ('sent', 'cancelled');`)
	if err != nil {
		return fmt.Errorf("creating retention indexes: %w", err)
	}
	return nil
}

// Pruned says what one pruning removed.
type Pruned struct {
	Mail  int   // bodies of sent mail
	Raw   int   // raw mails (files)
	Bytes int64 // freed, about
}

// Prune removes what retention no longer keeps: the bodies of mail sent
// longer than r.Sent ago, and the raw mail of cases done (forwarded,
// closed, failed) and of messages that joined no case, r.Cases after the
// last change. The rows stay, marked with the time, so that `intake cases
// show` says what was pruned. A raw file another kept message shares
// stays.
func (s *Store) Prune(now time.Time, r RetentionConfig) (Pruned, error) {
	var p Pruned
	if r.Sent > 0 {
		cut := now.Add(-time.Duration(r.Sent)).Unix()
		err := s.tx(func(tx *sql.Tx) error {
			var n, size sql.NullInt64
			err := tx.QueryRow(`SELECT count(*), sum(length(raw)) FROM outbox WHERE pruned_at IS NULL AND state IN ('sent', 'cancelled')
				AND created_at < ? AND coalesce(sent_at, created_at) < ?`, cut, cut).Scan(&n, &size)
			if err != nil {
				return err
			}
			_, err = tx.Exec(`UPDATE outbox SET raw = X'', pruned_at = ? WHERE pruned_at IS NULL AND state IN ('sent', 'cancelled')
				AND created_at < ? AND coalesce(sent_at, created_at) < ?`, now.Unix(), cut, cut)
			p.Mail, p.Bytes = int(n.Int64), size.Int64
			return err
		})
		if err != nil {
			return p, fmt.Errorf("pruning sent mail: %w", err)
		}
	}
	if r.Cases > 0 {
		cut := now.Add(-time.Duration(r.Cases)).Unix()
		var sums []string
		err := s.tx(func(tx *sql.Tx) error {
			rows, err := tx.Query(`SELECT id, sha256 FROM messages WHERE pruned_at IS NULL AND sha256 != '' AND received_at < ?
				AND (case_id IS NULL OR case_id IN (SELECT id FROM cases WHERE state IN (?, ?, ?) AND updated_at < ?))`,
				cut, StateForwarded, StateClosed, StateFailed, cut)
			if err != nil {
				return err
			}
			var ids []int64
			for rows.Next() {
				var id int64
				var sum string
				if err := rows.Scan(&id, &sum); err != nil {
					rows.Close()
					return err
				}
				ids, sums = append(ids, id), append(sums, sum)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			for _, id := range ids {
				if _, err := tx.Exec(`UPDATE messages SET pruned_at = ? WHERE id = ?`, now.Unix(), id); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return p, fmt.Errorf("pruning raw mail: %w", err)
		}
		// The rows say pruned before the files go: a crash in between
		// leaves a file behind, never a row naming a missing file.
		for _, sum := range sums {
			var kept int
			if err := s.db.QueryRow(`SELECT count(*) FROM messages WHERE sha256 = ? AND pruned_at IS NULL`, sum).Scan(&kept); err != nil {
				return p, fmt.Errorf("pruning raw mail: %w", err)
			}
			if kept > 0 {
				continue
			}
			path := s.rawPath(sum)
			if st, err := os.Lstat(path); err == nil {
				p.Bytes += st.Size()
			}
			if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
				return p, fmt.Errorf("pruning raw mail: %w", err)
			}
			p.Raw++
		}
	}
	return p, nil
}
