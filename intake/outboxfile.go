package intake

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
)

// moveOutMail moves the mail a store of an earlier version kept in the
// outbox table (raw) out into files under outbox/, one row per commit
// after its file is synced: a crash in between leaves a file the next
// open names or removes.
func (s *Store) moveOutMail(log *slog.Logger) error {
	moved := 0
	for {
		var id int64
		var raw []byte
		err := s.db.QueryRow(`SELECT id, raw FROM outbox WHERE file IS NULL LIMIT 1`).Scan(&id, &raw)
		if errors.Is(err, sql.ErrNoRows) {
			break
		}
		if err != nil {
			return fmt.Errorf("moving stored mail out to files: %w", err)
		}
		sum, size := "", int64(0)
		if len(raw) > 0 { // empty: pruned by retention
			sum, size, err = s.PutMail(func(w io.Writer) error {
				_, err := io.Copy(w, bytes.NewReader(raw))
				return err
			})
			if err != nil {
				return fmt.Errorf("moving stored mail out to files: %w", err)
			}
		}
		if _, err := s.db.Exec(`UPDATE outbox SET file = ?, size = ?, raw = X'' WHERE id = ?`, sum, size, id); err != nil {
			return fmt.Errorf("moving stored mail out to files: %w", err)
		}
		moved++
	}
	if moved > 0 {
		log.Info("outbox mail moved out of the database into files", "dir", filepath.Join(s.dir, "outbox"), "count", moved)
	}
	return nil
}

// removeUnnamedMail removes the composed mail no outbox row names: a
// crash (or a poll that failed) between PutMail and the commit leaves
// such a file.
func (s *Store) removeUnnamedMail(log *slog.Logger) error {
	removed := 0
	err := filepath.WalkDir(filepath.Join(s.dir, "outbox"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		sum, ok := strings.CutSuffix(d.Name(), ".eml")
		if !ok {
			return nil
		}
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM outbox WHERE file = ?`, sum).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		if err := os.Remove(path); err != nil {
			return err
		}
		removed++
		return nil
	})
	if err != nil {
		return fmt.Errorf("removing composed mail no row names: %w", err)
	}
	if removed > 0 {
		log.Info("removed composed mail that no outbox row names (a poll ended before its commit)", "count", removed)
	}
	return nil
}

// dropUnnamed removes the files of composed mail that no outbox row
// names: mail composed for a commit that failed or never came (a plan
// that failed half way, a dry run). What it cannot remove, the next
// OpenStore does.
func (s *Store) dropUnnamed(mail []*Outgoing) {
	for _, o := range mail {
		if o == nil || o.File == "" {
			continue
		}
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM outbox WHERE file = ?`, o.File).Scan(&n); err != nil || n > 0 {
			continue
		}
		os.Remove(s.filePath("outbox", o.File))
	}
}

// dropUnnamedOnError is dropUnnamed when *err is set, for a deferred call.
func (s *Store) dropUnnamedOnError(err *error, mail []*Outgoing) {
	if *err != nil {
		s.dropUnnamed(mail)
	}
}
