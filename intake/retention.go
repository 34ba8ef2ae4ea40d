package intake

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"slices"
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
		{"messages", "pruned_at INTEGER"},
		{"outbox", "pruned_at INTEGER"},
		// The composed mail as a file under outbox/ (its SHA-256) and its
		// size; NULL in a row of a store that kept the mail in raw, until
		// moveOutMail moves it out.
		{"outbox", "file TEXT"},
		{"outbox", "size INTEGER"},
	} {
		_, err := db.Exec(`ALTER TABLE ` + c.table + ` ADD COLUMN ` + c.column)
		if err != nil && !strings.Contains(err.Error(), "duplicate column") {
			return fmt.Errorf("adding %s.%s: %w", c.table, c.column, err)
		}
	}
	// Indexes on the added columns, so that pruning reads only what is
	// still kept and old enough. pruneFiles names them (INDEXED BY): else
	// SQLite reads every sent mail, or every done case, on each poll.
	_, err := db.Exec(`
CREATE INDEX IF NOT EXISTS messages_kept ON messages(received_at) WHERE pruned_at IS NULL AND sha256 != '';
CREATE INDEX IF NOT EXISTS outbox_kept ON outbox(created_at) WHERE pruned_at IS NULL AND state IN ('sent', 'cancelled');
CREATE INDEX IF NOT EXISTS outbox_file ON outbox(file);
CREATE INDEX IF NOT EXISTS outbox_file_kept ON outbox(file) WHERE pruned_at IS NULL;`)
	if err != nil {
		return fmt.Errorf("creating retention indexes: %w", err)
	}
	// The reply counts by minute (see RepliesSince) start from the
	// outbox's last two hours in a store made before them.
	var filled int
	if err := db.QueryRow(`SELECT count(*) FROM meta WHERE key = 'reply_minutes'`).Scan(&filled); err != nil {
		return fmt.Errorf("counting replies by minute: %w", err)
	}
	if filled == 0 {
		_, err := db.Exec(`INSERT INTO reply_minutes (minute, n) SELECT created_at / 60, count(*) FROM outbox
			WHERE kind IN ` + replyKinds + ` AND created_at >= unixepoch() - 7200 GROUP BY created_at / 60;
			INSERT INTO meta (key, value) VALUES ('reply_minutes', 1)`)
		if err != nil {
			return fmt.Errorf("counting replies by minute: %w", err)
		}
	}
	return nil
}

// Pruned says what one pruning removed.
type Pruned struct {
	Mail  int   // bodies of sent mail
	Raw   int   // raw mails (files)
	Bytes int64 // freed, about
}

// Prune removes what retention no longer keeps: the files of mail sent
// longer than r.Sent ago (outbox/), and the raw mail of cases done (forwarded,
// closed, failed) and of messages that joined no case, r.Cases after the
// last change. The rows stay, marked with the time, so that `intake cases
// show` says what was pruned. A raw file another kept message shares
// stays.
func (s *Store) Prune(now time.Time, r RetentionConfig) (Pruned, error) {
	var p Pruned
	// Reply counts older than the cap's hour count no more.
	if _, err := s.db.Exec(`DELETE FROM reply_minutes WHERE minute < ?`, now.Add(-2*time.Hour).Unix()/60); err != nil {
		return p, fmt.Errorf("pruning reply counts: %w", err)
	}
	if r.Sent > 0 {
		cut := now.Add(-time.Duration(r.Sent)).Unix()
		rows, _, size, err := s.pruneFiles(now, "outbox", "file", `state IN ('sent', 'cancelled')
			AND created_at < ? AND coalesce(sent_at, created_at) < ?`, cut, cut)
		p.Mail, p.Bytes = rows, p.Bytes+size
		if err != nil {
			return p, fmt.Errorf("pruning sent mail: %w", err)
		}
	}
	if r.Cases > 0 {
		cut := now.Add(-time.Duration(r.Cases)).Unix()
		_, files, size, err := s.pruneFiles(now, "messages", "sha256", `sha256 != '' AND received_at < ?
			AND (case_id IS NULL OR EXISTS (SELECT 1 FROM cases WHERE id = messages.case_id AND state IN (?, ?, ?) AND updated_at < ?))`,
			cut, StateForwarded, StateClosed, StateFailed, cut)
		p.Raw, p.Bytes = files, p.Bytes+size
		if err != nil {
			return p, fmt.Errorf("pruning raw mail: %w", err)
		}
	}
	return p, nil
}

// pruneFiles marks the rows of table (outbox or messages) that where
// picks, among those still kept, pruned in one transaction, then removes
// the files they name (by column col) that no kept row names any more.
// The rows say pruned before the files go: a crash in between leaves a
// file behind, never a row naming a missing file. It returns the rows
// pruned, the files removed and their bytes.
func (s *Store) pruneFiles(now time.Time, table, col, where string, args ...any) (pruned, removed int, size int64, err error) {
	folder := map[string]string{"outbox": "outbox", "messages": "raw"}[table]
	index := map[string]string{"outbox": "outbox_kept", "messages": "messages_kept"}[table]
	var sums []string
	err = s.tx(func(tx *sql.Tx) error {
		rows, err := tx.Query(`SELECT id, coalesce(`+col+`, '') FROM `+table+` INDEXED BY `+index+` WHERE pruned_at IS NULL AND `+where, args...)
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
			if _, err := tx.Exec(`UPDATE `+table+` SET pruned_at = ? WHERE id = ?`, now.Unix(), id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, 0, 0, err
	}
	pruned = len(sums)
	slices.Sort(sums)
	for _, sum := range slices.Compact(sums) { // a file many rows share is looked at once
		var kept int
		if err := s.db.QueryRow(`SELECT count(*) FROM `+table+` WHERE `+col+` = ? AND pruned_at IS NULL`, sum).Scan(&kept); err != nil {
			return pruned, removed, size, err
		}
		if sum == "" || kept > 0 {
			continue
		}
		path := s.filePath(folder, sum)
		if st, err := os.Lstat(path); err == nil {
			size += st.Size()
		}
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return pruned, removed, size, err
		}
		removed++
	}
	return pruned, removed, size, nil
}
