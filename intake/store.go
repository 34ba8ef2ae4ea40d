package intake

import (
	"bufio"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	_ "modernc.org/sqlite" // pure-Go SQLite driver: no cgo on the servers.

	"intake/intake/imapbox"
	"intake/rules"
)

// Case states.
const (
	StateWaiting   = "waiting"   // materials missing, a reply asked for them
	StateForwarded = "forwarded" // complete, sent to the engineers
	StateIgnored   = "ignored"   // nothing to do (kept for the record)
	StateFailed    = "failed"    // a mail of the case could not be sent
	StateClosed    = "closed"    // waited too long and was closed
)

// Outbox states.
const (
	OutboxPending = "pending" // to send (again)
	OutboxSent    = "sent"
	OutboxFailed  = "failed" // refused for good, the admin was told
	// OutboxHeld waits for its case's forward to be accepted, then is sent;
	// it is cancelled when the forward is refused for good.
	OutboxHeld = "held"
	// OutboxFallback is sent instead of the held mail when the case's
	// forward is refused for good, and cancelled when it is accepted.
	OutboxFallback  = "fallback"
	OutboxCancelled = "cancelled"
	// OutboxKept was composed in triage-only mode: it is sent only when
	// the admin releases it (intake release).
	OutboxKept = "kept"
)

const schema = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS checkpoints (
	mailbox TEXT NOT NULL, uidvalidity INTEGER NOT NULL, last_uid INTEGER NOT NULL,
	PRIMARY KEY (mailbox, uidvalidity));
CREATE TABLE IF NOT EXISTS cases (
	id TEXT PRIMARY KEY, state TEXT NOT NULL, scenario TEXT NOT NULL, product TEXT NOT NULL,
	customer TEXT NOT NULL, subject TEXT NOT NULL,
	created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, reminded_at INTEGER, forwarded_at INTEGER);
CREATE TABLE IF NOT EXISTS parties (case_id TEXT NOT NULL REFERENCES cases(id), address TEXT NOT NULL,
	PRIMARY KEY (case_id, address));
CREATE TABLE IF NOT EXISTS counters (day TEXT PRIMARY KEY, seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS messages (
	id INTEGER PRIMARY KEY, mailbox TEXT NOT NULL, uidvalidity INTEGER NOT NULL, uid INTEGER NOT NULL,
	message_id TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL,
	from_addr TEXT NOT NULL, subject TEXT NOT NULL, received_at INTEGER NOT NULL,
	case_id TEXT REFERENCES cases(id), action TEXT NOT NULL, scenario TEXT NOT NULL, reason TEXT NOT NULL,
	decision TEXT NOT NULL, folder TEXT NOT NULL, moved INTEGER NOT NULL DEFAULT 0,
	UNIQUE (mailbox, uidvalidity, uid));
CREATE INDEX IF NOT EXISTS messages_sha ON messages(sha256);
CREATE INDEX IF NOT EXISTS messages_mid ON messages(message_id);
CREATE INDEX IF NOT EXISTS messages_case ON messages(case_id);
CREATE TABLE IF NOT EXISTS outbox (
	id INTEGER PRIMARY KEY, case_id TEXT, message_row INTEGER, kind TEXT NOT NULL,
	message_id TEXT NOT NULL UNIQUE, env_from TEXT NOT NULL, recipients TEXT NOT NULL,
	subject TEXT NOT NULL, raw BLOB NOT NULL DEFAULT X'', state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
	next_at INTEGER NOT NULL, last_error TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, sent_at INTEGER);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox(state, next_at);
CREATE INDEX IF NOT EXISTS outbox_case ON outbox(case_id, created_at, kind, state);
CREATE INDEX IF NOT EXISTS outbox_created ON outbox(created_at, kind, state, message_row);
CREATE INDEX IF NOT EXISTS parties_address ON parties(address);
CREATE INDEX IF NOT EXISTS messages_from ON messages(from_addr);
CREATE INDEX IF NOT EXISTS outbox_message ON outbox(message_row, kind, state, created_at);
CREATE INDEX IF NOT EXISTS outbox_replies ON outbox(lower(recipients), created_at, kind, state);
CREATE INDEX IF NOT EXISTS messages_unmoved ON messages(mailbox, uidvalidity, uid) WHERE moved = 0;
CREATE INDEX IF NOT EXISTS cases_state ON cases(state, created_at);
CREATE INDEX IF NOT EXISTS cases_idle ON cases(state, updated_at);
CREATE INDEX IF NOT EXISTS cases_unreminded ON cases(state, reminded_at, updated_at);
CREATE TABLE IF NOT EXISTS failures (
	mailbox TEXT NOT NULL, uidvalidity INTEGER NOT NULL, uid INTEGER NOT NULL,
	tries INTEGER NOT NULL, last_error TEXT NOT NULL, next_at INTEGER NOT NULL, first_at INTEGER NOT NULL,
	PRIMARY KEY (mailbox, uidvalidity, uid));
CREATE TABLE IF NOT EXISTS filed (
	message_row INTEGER PRIMARY KEY REFERENCES messages(id), uidvalidity INTEGER NOT NULL, uid INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS notices (problem TEXT PRIMARY KEY, last_at INTEGER NOT NULL, held INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS reply_minutes (minute INTEGER PRIMARY KEY, n INTEGER NOT NULL);
`

// Store keeps intake's state in a data directory: an SQLite database
// (checkpoints, every message seen, the messages whose processing failed,
// cases, the outbox), the raw messages, content-addressed under raw/, and
// the mail intake composed, content-addressed under outbox/ and named by
// its outbox row.
type Store struct {
	db     *sql.DB
	dir    string
	lock   *os.File
	syncMu sync.Mutex // held by durably
	// lax is set by SetDurable(false): files are not synced either.
	lax bool
}

// ErrLocked is returned when another intake process uses the data directory.
var ErrLocked = errors.New("the data directory is in use by another intake process")

// OpenStore opens (creating if needed) the store in dir and locks it for
// this process. The data directory holds the customers' mail and the key
// that signs intake's Message-IDs, so whatever was there before, it leaves
// every directory in it 0700 and every file 0600, saying so in the log when
// it had to change one; it refuses a symbolic link or a special file under
// it rather than follow one, and removes the temporary files of a fetch
// that was interrupted.
func OpenStore(dir string, log *slog.Logger) (*Store, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	for _, sub := range []string{"raw", "outbox"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o700); err != nil {
			return nil, fmt.Errorf("creating data directory: %w", err)
		}
	}
	lock, err := os.OpenFile(filepath.Join(dir, "lock"), os.O_CREATE|os.O_RDWR|syscall.O_NOFOLLOW, 0o600)
	if err != nil {
		return nil, fmt.Errorf("opening lock file: %w", err)
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		lock.Close()
		return nil, fmt.Errorf("locking %s: %w", dir, ErrLocked)
	}
	// SQLite gives its -wal and -shm files the mode of the database file.
	db, err := os.OpenFile(filepath.Join(dir, "intake.db"), os.O_CREATE|os.O_RDWR|syscall.O_NOFOLLOW, 0o600)
	if err == nil {
		err = db.Close()
	}
	if err == nil {
		err = secureDataDir(dir, log)
	}
	if err != nil {
		lock.Close()
		return nil, err
	}
	dsn := "file:" + filepath.Join(dir, "intake.db") + "?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
	sdb, err := sql.Open("sqlite", dsn)
	if err != nil {
		lock.Close()
		return nil, fmt.Errorf("opening database: %w", err)
	}
	sdb.SetMaxOpenConns(1)
	if err := migrate(sdb); err != nil {
		sdb.Close()
		lock.Close()
		return nil, err
	}
	st := &Store{db: sdb, dir: dir, lock: lock}
	if err := st.moveOutMail(log); err != nil {
		st.Close()
		return nil, err
	}
	if err := st.removeUnnamedMail(log); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// SetDurable turns off (and on again) waiting for each commit, and each
// file of raw or composed mail, to reach the disk. Only a tool that fills
// a store it can make again does so (the benchmark's seeding): a crash or
// power cut then may lose or spoil the latest commits. The loop always
// runs durable.
func (s *Store) SetDurable(durable bool) error {
	s.syncMu.Lock()
	defer s.syncMu.Unlock()
	mode := "NORMAL" // see Sync
	if !durable {
		mode = "OFF"
	}
	if _, err := s.db.Exec(`PRAGMA synchronous = ` + mode); err != nil {
		return fmt.Errorf("setting synchronous %s: %w", mode, err)
	}
	s.lax = !durable
	return nil
}

// Sync makes every commit so far durable. Commits are written with
// synchronous=NORMAL: in WAL mode each survives a crash of the process at
// once, and a power cut once the WAL file is synced, which a commit under
// synchronous=FULL does for all before it. The loop calls Sync before any
// effect outside the store (mail sent, mail moved), so a group of decisions
// costs one sync, not one each; what a power cut takes back had no effect
// yet and is decided again.
func (s *Store) Sync() error {
	return s.durably(func() error {
		_, err := s.db.Exec(`INSERT INTO meta (key, value) VALUES ('synced_at', unixepoch())
			ON CONFLICT(key) DO UPDATE SET value = excluded.value`)
		return err
	})
}

// durably runs f with its commits synced before they return.
func (s *Store) durably(f func() error) error {
	s.syncMu.Lock()
	defer s.syncMu.Unlock()
	if s.lax {
		return f()
	}
	if _, err := s.db.Exec(`PRAGMA synchronous = FULL`); err != nil {
		return fmt.Errorf("syncing the store: %w", err)
	}
	err := f()
	if _, perr := s.db.Exec(`PRAGMA synchronous = NORMAL`); perr != nil && err == nil {
		err = perr
	}
	if err != nil {
		return fmt.Errorf("syncing the store: %w", err)
	}
	return nil
}

// incomingPrefix starts the name of a raw message being written.
const incomingPrefix = ".incoming-"

// secureDataDir walks the data directory (the directory itself may be a
// symbolic link; nothing under it may): it tightens modes to 0700 and 0600,
// removes raw files an interrupted fetch left, and logs what it changed.
func secureDataDir(dir string, log *slog.Logger) error {
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return fmt.Errorf("checking data directory: %w", err)
	}
	var tightened, removed []string
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		info, err := d.Info()
		if err != nil {
			return err
		}
		want := fs.FileMode(0o600)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			return fmt.Errorf("data directory: %s is a symbolic link, and intake follows none under %s (hint: put the file itself there, or remove the link)", rel, dir)
		case d.IsDir():
			want = 0o700
		case !d.Type().IsRegular():
			return fmt.Errorf("data directory: %s is not a regular file (hint: remove it)", rel)
		case strings.HasPrefix(d.Name(), incomingPrefix):
			if err := os.Remove(path); err != nil {
				return fmt.Errorf("removing an interrupted fetch: %w", err)
			}
			removed = append(removed, rel)
			return nil
		}
		if info.Mode().Perm() != want {
			if err := os.Chmod(path, want); err != nil {
				return fmt.Errorf("tightening the mode of %s: %w", rel, err)
			}
			tightened = append(tightened, fmt.Sprintf("%s %04o→%04o", rel, info.Mode().Perm(), want))
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(tightened) > 0 {
		log.Warn("data directory was open to others: modes tightened", "dir", dir, "count", len(tightened), "first", tightened[:min(5, len(tightened))])
	}
	if len(removed) > 0 {
		log.Info("removed the files of interrupted fetches", "dir", dir, "count", len(removed))
	}
	return nil
}

// OpenStoreReadOnly opens an existing store for reading only, without the
// lock, so that `intake cases` works while `intake run` holds it.
func OpenStoreReadOnly(dir string) (*Store, error) {
	path := filepath.Join(dir, "intake.db")
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("opening store: no %s (has intake polled with this data_dir yet?)", path)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return nil, fmt.Errorf("opening database: %w", err)
	}
	return &Store{db: db, dir: dir}, nil
}

// Close closes the database and releases the lock.
func (s *Store) Close() error {
	err := s.db.Close()
	if s.lock != nil {
		s.lock.Close()
	}
	return err
}

// Secret returns the key that signs intake's Message-IDs, made on first use.
func (s *Store) Secret() ([]byte, error) {
	var key []byte
	err := s.db.QueryRow(`SELECT value FROM meta WHERE key = 'secret'`).Scan(&key)
	if err == nil {
		return key, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("reading secret: %w", err)
	}
	key = make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("making secret: %w", err)
	}
	if _, err := s.db.Exec(`INSERT OR IGNORE INTO meta (key, value) VALUES ('secret', ?)`, key); err != nil {
		return nil, fmt.Errorf("saving secret: %w", err)
	}
	return s.Secret()
}

// PutRaw stores a raw message under its SHA-256 and returns the digest and
// size. Storing the same content twice keeps one file.
func (s *Store) PutRaw(r io.Reader) (sum string, size int64, err error) {
	sum, size, err = s.putFile("raw", func(w io.Writer) error {
		_, err := io.Copy(w, r)
		return err
	})
	if err != nil {
		return "", 0, fmt.Errorf("storing raw message: %w", err)
	}
	return sum, size, nil
}

// PutMail stores a mail intake composed, which write writes, under
// outbox/ by its SHA-256, and returns the digest and size. The file is
// synced, renamed into place and its folder synced before PutMail
// returns, so that the commit naming it names a whole file; a crash
// before that commit leaves a file no row names, which the next
// OpenStore removes.
func (s *Store) PutMail(write func(w io.Writer) error) (sum string, size int64, err error) {
	sum, size, err = s.putFile("outbox", write)
	if err != nil {
		return "", 0, fmt.Errorf("storing composed mail: %w", err)
	}
	return sum, size, nil
}

// putFile writes a file under folder (raw or outbox) as write writes it,
// named by its SHA-256: to a temporary file first, synced, then renamed
// into place and the folder synced.
func (s *Store) putFile(folder string, write func(w io.Writer) error) (sum string, size int64, err error) {
	tmp, err := os.CreateTemp(filepath.Join(s.dir, folder), incomingPrefix+"*")
	if err != nil {
		return "", 0, fmt.Errorf("creating file: %w", err)
	}
	defer func() {
		tmp.Close()
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	h := sha256.New()
	bw := bufio.NewWriterSize(io.MultiWriter(tmp, h), 64<<10)
	if err := write(bw); err != nil {
		return "", 0, fmt.Errorf("writing: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return "", 0, fmt.Errorf("writing: %w", err)
	}
	if !s.lax {
		if err := tmp.Sync(); err != nil {
			return "", 0, fmt.Errorf("syncing: %w", err)
		}
	}
	st, err := tmp.Stat()
	if err != nil {
		return "", 0, fmt.Errorf("syncing: %w", err)
	}
	sum = hex.EncodeToString(h.Sum(nil))
	dst := s.filePath(folder, sum)
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return "", 0, fmt.Errorf("creating folder: %w", err)
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return "", 0, fmt.Errorf("renaming: %w", err)
	}
	if !s.lax {
		if err := syncDir(filepath.Dir(dst)); err != nil {
			return "", 0, err
		}
	}
	return sum, st.Size(), nil
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("syncing folder: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("syncing folder: %w", err)
	}
	return nil
}

func (s *Store) rawPath(sum string) string { return s.filePath("raw", sum) }

// filePath is where a content-addressed file of folder (raw or outbox) is.
func (s *Store) filePath(folder, sum string) string {
	return filepath.Join(s.dir, folder, sum[:2], sum+".eml")
}

// openFile opens a content-addressed file of folder.
func (s *Store) openFile(folder, sum string) (*os.File, error) {
	if len(sum) != 64 || strings.Trim(sum, "0123456789abcdef") != "" {
		return nil, fmt.Errorf("bad digest %q", sum)
	}
	return os.OpenFile(s.filePath(folder, sum), os.O_RDONLY|syscall.O_NOFOLLOW, 0)
}

// OpenRaw opens a stored raw message.
func (s *Store) OpenRaw(sum string) (*os.File, error) {
	f, err := s.openFile("raw", sum)
	if err != nil {
		return nil, fmt.Errorf("opening raw message: %w", err)
	}
	return f, nil
}

// ReadRaw returns a stored raw message.
func (s *Store) ReadRaw(sum string) ([]byte, error) {
	f, err := s.OpenRaw(sum)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// Checkpoint returns the highest UID of a mailbox for a UIDVALIDITY up to
// which every message is done (0 when none), and whether any checkpoint exists for the
// mailbox under another UIDVALIDITY.
func (s *Store) Checkpoint(mailbox string, uidValidity uint32) (last uint32, otherValidity bool, err error) {
	err = s.db.QueryRow(`SELECT last_uid FROM checkpoints WHERE mailbox = ? AND uidvalidity = ?`, mailbox, uidValidity).Scan(&last)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, false, fmt.Errorf("reading checkpoint: %w", err)
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM checkpoints WHERE mailbox = ? AND uidvalidity != ?`, mailbox, uidValidity).Scan(&n); err != nil {
		return 0, false, fmt.Errorf("reading checkpoints: %w", err)
	}
	return last, n > 0, nil
}

// AdvanceCheckpoint moves a mailbox's checkpoint up to uid (never down) and
// forgets the failures at or below it: the caller advances it only over
// UIDs that are done, so a failure left there is of a message another
// client removed.
func (s *Store) AdvanceCheckpoint(mailbox string, uidValidity, uid uint32) error {
	return s.tx(func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO checkpoints (mailbox, uidvalidity, last_uid) VALUES (?, ?, ?)
			ON CONFLICT (mailbox, uidvalidity) DO UPDATE SET last_uid = max(last_uid, excluded.last_uid)`,
			mailbox, uidValidity, uid)
		if err != nil {
			return fmt.Errorf("advancing checkpoint: %w", err)
		}
		_, err = tx.Exec(`DELETE FROM failures WHERE mailbox = ? AND uidvalidity = ? AND uid <= ?`, mailbox, uidValidity, uid)
		if err != nil {
			return fmt.Errorf("advancing checkpoint: %w", err)
		}
		return nil
	})
}

// Failure is a message whose processing failed and is to be tried again.
type Failure struct {
	Mailbox     string
	UIDValidity uint32
	UID         uint32
	Tries       int
	LastError   string
	NextAt      time.Time // not tried again before
	FirstAt     time.Time
}

// Failure returns the failure recorded for a UID, or nil.
func (s *Store) Failure(mailbox string, uidValidity, uid uint32) (*Failure, error) {
	fs, err := s.queryFailures(`mailbox = ? AND uidvalidity = ? AND uid = ?`, mailbox, uidValidity, uid)
	if err != nil || len(fs) == 0 {
		return nil, err
	}
	return fs[0], nil
}

// Failures lists every message waiting to be tried again, oldest first.
func (s *Store) Failures() ([]*Failure, error) {
	return s.queryFailures(`1 ORDER BY first_at, uid`)
}

func (s *Store) queryFailures(where string, args ...any) ([]*Failure, error) {
	rows, err := s.db.Query(`SELECT mailbox, uidvalidity, uid, tries, last_error, next_at, first_at FROM failures WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("querying failures: %w", err)
	}
	defer rows.Close()
	var out []*Failure
	for rows.Next() {
		var f Failure
		var next, first int64
		if err := rows.Scan(&f.Mailbox, &f.UIDValidity, &f.UID, &f.Tries, &f.LastError, &next, &first); err != nil {
			return nil, fmt.Errorf("reading failure: %w", err)
		}
		f.NextAt, f.FirstAt = time.Unix(next, 0), time.Unix(first, 0)
		out = append(out, &f)
	}
	return out, rows.Err()
}

// RecordFailure counts a failed try of a message and says when to try again.
func (s *Store) RecordFailure(mailbox string, uidValidity, uid uint32, why string, now, next time.Time) error {
	_, err := s.db.Exec(`INSERT INTO failures (mailbox, uidvalidity, uid, tries, last_error, next_at, first_at) VALUES (?, ?, ?, 1, ?, ?, ?)
		ON CONFLICT (mailbox, uidvalidity, uid) DO UPDATE SET tries = tries + 1, last_error = excluded.last_error, next_at = excluded.next_at`,
		mailbox, uidValidity, uid, why, next.Unix(), now.Unix())
	if err != nil {
		return fmt.Errorf("recording failure of uid %d: %w", uid, err)
	}
	return nil
}

// MessageRow is a message intake has seen, with its decision.
type MessageRow struct {
	ID          int64
	Mailbox     string
	UIDValidity uint32
	UID         uint32
	MessageID   string
	SHA256      string
	Size        int64
	From        string
	Subject     string
	ReceivedAt  time.Time
	CaseID      string
	Action      string
	Scenario    string
	Reason      string
	Decision    rules.Decision
	Folder      string
	Moved       bool
	PrunedAt    time.Time // when retention removed its raw mail; zero while kept
}

const messageCols = `id, mailbox, uidvalidity, uid, message_id, sha256, size, from_addr, subject, received_at,
	coalesce(case_id, ''), action, scenario, reason, decision, folder, moved, pruned_at`

func scanMessage(row interface{ Scan(...any) error }) (*MessageRow, error) {
	var m MessageRow
	var received int64
	var decision string
	var pruned sql.NullInt64
	err := row.Scan(&m.ID, &m.Mailbox, &m.UIDValidity, &m.UID, &m.MessageID, &m.SHA256, &m.Size, &m.From, &m.Subject,
		&received, &m.CaseID, &m.Action, &m.Scenario, &m.Reason, &decision, &m.Folder, &m.Moved, &pruned)
	if err != nil {
		return nil, err
	}
	m.ReceivedAt, m.PrunedAt = time.Unix(received, 0), unixOrZero(pruned)
	var sd storedDecision
	if err := json.Unmarshal([]byte(decision), &sd); err != nil {
		return nil, fmt.Errorf("decoding decision of message %d: %w", m.ID, err)
	}
	m.Decision = sd.Decision
	m.Decision.Why, m.Decision.Checklist, m.Decision.Scoring = sd.Why, sd.Checklist, sd.Scoring
	return &m, nil
}

// storedDecision is a decision as the store keeps it: with the explanation
// the checklist and the scores that the JSON contract of `intake check`
// leaves out.
type storedDecision struct {
	rules.Decision
	Why       []string       `json:"why"`
	Checklist []rules.Item   `json:"checklist"`
	Scoring   *rules.Scoring `json:"scoring,omitempty"`
}

func (s *Store) queryMessages(where string, args ...any) ([]*MessageRow, error) {
	rows, err := s.db.Query(`SELECT `+messageCols+` FROM messages WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("querying messages: %w", err)
	}
	defer rows.Close()
	var out []*MessageRow
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return nil, fmt.Errorf("reading message: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func (s *Store) oneMessage(where string, args ...any) (*MessageRow, error) {
	ms, err := s.queryMessages(where+` LIMIT 1`, args...)
	if err != nil || len(ms) == 0 {
		return nil, err
	}
	return ms[0], nil
}

// SeenUID returns the message recorded for a UID, or nil.
func (s *Store) SeenUID(mailbox string, uidValidity, uid uint32) (*MessageRow, error) {
	return s.oneMessage(`mailbox = ? AND uidvalidity = ? AND uid = ?`, mailbox, uidValidity, uid)
}

// Duplicate returns an earlier message with the same content, or nil.
// Quarantined messages do not count: one moved back to be read again is
// read again.
func (s *Store) Duplicate(sum string) (*MessageRow, error) {
	return s.oneMessage(`sha256 = ? AND action NOT IN ('duplicate', 'quarantine', 'reprocessed') ORDER BY id`, sum)
}

// WithMessageID lists the earlier messages, not duplicates, that carry a
// Message-ID, oldest first.
func (s *Store) WithMessageID(messageID string) ([]*MessageRow, error) {
	return s.queryMessages(`message_id = ? AND action NOT IN ('duplicate', 'quarantine', 'reprocessed') ORDER BY id`, messageID)
}

// PendingMoves lists the messages of a mailbox whose decision is committed
// but which were not moved to their folder yet.
func (s *Store) PendingMoves(mailbox string, uidValidity uint32) ([]*MessageRow, error) {
	return s.queryMessages(`mailbox = ? AND uidvalidity = ? AND moved = 0 ORDER BY uid`, mailbox, uidValidity)
}

// MarkMoved records in one commit that messages (by row id) are in their
// folder, and where, when the server said.
func (s *Store) MarkMoved(filed map[int64]imapbox.Filed) error {
	if len(filed) == 0 {
		return nil
	}
	err := s.tx(func(tx *sql.Tx) error {
		for id, f := range filed {
			if _, err := tx.Exec(`UPDATE messages SET moved = 1 WHERE id = ?`, id); err != nil {
				return err
			}
			if f.UID == 0 {
				continue
			}
			if _, err := tx.Exec(`INSERT OR REPLACE INTO filed (message_row, uidvalidity, uid) VALUES (?, ?, ?)`, id, f.UIDValidity, f.UID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("marking %d messages moved: %w", len(filed), err)
	}
	return nil
}

// FiledAs returns where a message was filed, zero when unknown.
func (s *Store) FiledAs(id int64) (imapbox.Filed, error) {
	var f imapbox.Filed
	err := s.db.QueryRow(`SELECT uidvalidity, uid FROM filed WHERE message_row = ?`, id).Scan(&f.UIDValidity, &f.UID)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return imapbox.Filed{}, fmt.Errorf("reading where message %d was filed: %w", id, err)
	}
	return f, nil
}

// Message returns a message row by id, or nil.
func (s *Store) Message(id int64) (*MessageRow, error) {
	return s.oneMessage(`id = ?`, id)
}

// MarkReprocessed records that a quarantined message went back to the
// polled mailbox to be read again: it leaves the failed list and is no
// longer what a new message duplicates.
func (s *Store) MarkReprocessed(id int64) error {
	if _, err := s.db.Exec(`UPDATE messages SET action = ? WHERE id = ?`, ActionReprocessed, id); err != nil {
		return fmt.Errorf("marking message %d reprocessed: %w", id, err)
	}
	return nil
}

// ActionReprocessed is the action recorded for a quarantined message sent
// back to be read again.
const ActionReprocessed = "reprocessed"

// Quarantined lists the messages filed in the failed folder, newest first.
func (s *Store) Quarantined() ([]*MessageRow, error) {
	return s.queryMessages(`action = ? ORDER BY id DESC`, rules.ActionQuarantine)
}

// CaseMessages returns the messages of a case, oldest first.
func (s *Store) CaseMessages(caseID string) ([]*MessageRow, error) {
	return s.queryMessages(`case_id = ? ORDER BY received_at, id`, caseID)
}

// Case is a request and its state.
type Case struct {
	ID          string
	State       string
	Scenario    string
	Product     string
	Customer    string // "Name <address>" of the first sender
	Subject     string // the first subject, without Re: and tag
	CreatedAt   time.Time
	UpdatedAt   time.Time
	RemindedAt  time.Time // zero when no reminder was sent
	ForwardedAt time.Time
	Parties     []string // addresses that may add to the case
}

func unixOrZero(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.Unix(v.Int64, 0)
}

// Case returns a case by id, or nil.
func (s *Store) Case(id string) (*Case, error) {
	cs, err := s.queryCases(`id = ?`, id)
	if err != nil || len(cs) == 0 {
		return nil, err
	}
	return cs[0], nil
}

// Cases lists cases, newest first; state filters when not empty.
func (s *Store) Cases(state string) ([]*Case, error) {
	if state == "" {
		return s.queryCases(`1 ORDER BY created_at DESC, id DESC`)
	}
	return s.queryCases(`state = ? ORDER BY created_at DESC, id DESC`, state)
}

// DueWaiting lists the waiting cases that housekeeping has to look at,
// newest first: those last changed at or before closeBy, and those not
// reminded yet last changed at or before remindBy. It reads only those,
// however many cases wait.
func (s *Store) DueWaiting(remindBy, closeBy time.Time) ([]*Case, error) {
	return s.queryCases(`id IN (SELECT id FROM cases WHERE state = ? AND updated_at <= ?
		UNION ALL SELECT id FROM cases WHERE state = ? AND reminded_at IS NULL AND updated_at <= ?) ORDER BY created_at DESC, id DESC`,
		StateWaiting, closeBy.Unix(), StateWaiting, remindBy.Unix())
}

func (s *Store) queryCases(where string, args ...any) ([]*Case, error) {
	rows, err := s.db.Query(`SELECT id, state, scenario, product, customer, subject, created_at, updated_at, reminded_at, forwarded_at FROM cases WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("querying cases: %w", err)
	}
	var out []*Case
	for rows.Next() {
		var c Case
		var created, updated int64
		var reminded, forwarded sql.NullInt64
		if err := rows.Scan(&c.ID, &c.State, &c.Scenario, &c.Product, &c.Customer, &c.Subject, &created, &updated, &reminded, &forwarded); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading case: %w", err)
		}
		c.CreatedAt, c.UpdatedAt = time.Unix(created, 0), time.Unix(updated, 0)
		c.RemindedAt, c.ForwardedAt = unixOrZero(reminded), unixOrZero(forwarded)
		out = append(out, &c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, c := range out {
		prow, err := s.db.Query(`SELECT address FROM parties WHERE case_id = ? ORDER BY address`, c.ID)
		if err != nil {
			return nil, fmt.Errorf("querying parties: %w", err)
		}
		for prow.Next() {
			var a string
			if err := prow.Scan(&a); err != nil {
				prow.Close()
				return nil, err
			}
			c.Parties = append(c.Parties, a)
		}
		prow.Close()
	}
	return out, nil
}

// OutboxRow is a mail intake sends or has sent.
type OutboxRow struct {
	Outgoing
	ID         int64
	CaseID     string
	MessageRow int64 // the customer message it answers, 0 for none
	State      string
	Attempts   int
	NextAt     time.Time
	LastError  string
	CreatedAt  time.Time
	SentAt     time.Time
	PrunedAt   time.Time // when retention removed the mail itself (File); zero while kept
}

// queryOutbox lists outbox rows. The mail itself is a file (File) that
// OpenMail opens.
func (s *Store) queryOutbox(where string, args ...any) ([]*OutboxRow, error) {
	rows, err := s.db.Query(`SELECT id, coalesce(case_id, ''), coalesce(message_row, 0), kind, message_id, env_from, recipients, subject,
		coalesce(file, ''), coalesce(size, 0), state, attempts, next_at, last_error, created_at, sent_at, pruned_at FROM outbox WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("querying outbox: %w", err)
	}
	defer rows.Close()
	var out []*OutboxRow
	for rows.Next() {
		var o OutboxRow
		var recips string
		var next, created int64
		var sent, pruned sql.NullInt64
		if err := rows.Scan(&o.ID, &o.CaseID, &o.MessageRow, &o.Kind, &o.MessageID, &o.EnvFrom, &recips, &o.Subject, &o.File, &o.Size,
			&o.State, &o.Attempts, &next, &o.LastError, &created, &sent, &pruned); err != nil {
			return nil, fmt.Errorf("reading outbox: %w", err)
		}
		if err := json.Unmarshal([]byte(recips), &o.Recipients); err != nil {
			return nil, fmt.Errorf("decoding recipients of outbox %d: %w", o.ID, err)
		}
		o.NextAt, o.CreatedAt, o.SentAt, o.PrunedAt = time.Unix(next, 0), time.Unix(created, 0), unixOrZero(sent), unixOrZero(pruned)
		out = append(out, &o)
	}
	return out, rows.Err()
}

// DueOutbox lists the mail to send now, oldest first.
func (s *Store) DueOutbox(now time.Time) ([]*OutboxRow, error) {
	return s.queryOutbox(`state = ? AND next_at <= ? ORDER BY id`, OutboxPending, now.Unix())
}

// OpenMail opens a composed mail by its digest (Outgoing.File).
func (s *Store) OpenMail(sum string) (*os.File, error) {
	f, err := s.openFile("outbox", sum)
	if err != nil {
		return nil, fmt.Errorf("opening composed mail: %w", err)
	}
	return f, nil
}

// ReadMail returns a composed mail by its digest, whole: for showing it,
// not for sending.
func (s *Store) ReadMail(sum string) ([]byte, error) {
	f, err := s.OpenMail(sum)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// OutboxByMessageID returns the outbox row of a Message-ID, or nil.
func (s *Store) OutboxByMessageID(id string) (*OutboxRow, error) {
	rows, err := s.queryOutbox(`message_id = ?`, id)
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	return rows[0], nil
}

// CaseOutbox lists every mail of a case, oldest first.
func (s *Store) CaseOutbox(caseID string) ([]*OutboxRow, error) {
	return s.queryOutbox(`case_id = ? ORDER BY id`, caseID)
}

// AllOutbox lists every mail in the outbox but the cancelled, oldest first.
func (s *Store) AllOutbox() ([]*OutboxRow, error) {
	return s.queryOutbox(`state != ? ORDER BY id`, OutboxCancelled)
}

// OutboxCounts counts the mail of the outbox by state.
func (s *Store) OutboxCounts() (map[string]int, error) {
	rows, err := s.db.Query(`SELECT state, count(*) FROM outbox GROUP BY state`)
	if err != nil {
		return nil, fmt.Errorf("counting outbox: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var state string
		var n int
		if err := rows.Scan(&state, &n); err != nil {
			return nil, fmt.Errorf("counting outbox: %w", err)
		}
		out[state] = n
	}
	return out, rows.Err()
}

// KeptFilter picks kept mail: queued at or after Since, and, when set,
// about one case or caused by one sender's mail.
type KeptFilter struct {
	Since  time.Time
	CaseID string
	Sender string
}

// where is the filter as an SQL condition on outbox o joined to the
// messages m that caused it, with its arguments.
func (f KeptFilter) where() (string, []any) {
	cond, args := `o.state = ? AND o.created_at >= ?`, []any{OutboxKept, f.Since.Unix()}
	if f.CaseID != "" {
		cond += ` AND o.case_id = ?`
		args = append(args, f.CaseID)
	}
	if f.Sender != "" {
		cond += ` AND m.from_addr = ?`
		args = append(args, strings.ToLower(f.Sender))
	}
	return cond, args
}

// KeptRow is one kept mail: what it is, whose, and why it is kept.
type KeptRow struct {
	ID      int64
	CaseID  string
	Sender  string // the address whose mail caused it; "" for none
	Kind    string
	Subject string
	Created time.Time
	Why     string
}

// KeptList lists the kept mail the filter picks, oldest first.
func (s *Store) KeptList(f KeptFilter) ([]KeptRow, error) {
	cond, args := f.where()
	rows, err := s.db.Query(`SELECT o.id, coalesce(o.case_id, ''), coalesce(m.from_addr, ''), o.kind, o.subject, o.created_at, o.last_error
		FROM outbox o LEFT JOIN messages m ON o.message_row = m.id WHERE `+cond+` ORDER BY o.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("listing kept mail: %w", err)
	}
	defer rows.Close()
	var out []KeptRow
	for rows.Next() {
		var k KeptRow
		var created int64
		if err := rows.Scan(&k.ID, &k.CaseID, &k.Sender, &k.Kind, &k.Subject, &created, &k.Why); err != nil {
			return nil, fmt.Errorf("listing kept mail: %w", err)
		}
		k.Created = time.Unix(created, 0)
		out = append(out, k)
	}
	return out, rows.Err()
}

// ReleaseKept makes the kept mail the filter picks due now, and returns
// how many.
func (s *Store) ReleaseKept(f KeptFilter, now time.Time) (int, error) {
	cond, args := f.where()
	res, err := s.db.Exec(`UPDATE outbox SET state = ?, next_at = ?, last_error = '' WHERE id IN (
		SELECT o.id FROM outbox o LEFT JOIN messages m ON o.message_row = m.id WHERE `+cond+`)`,
		append([]any{OutboxPending, now.Unix()}, args...)...)
	if err != nil {
		return 0, fmt.Errorf("releasing kept mail: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// MarkSent records a delivered mail.
func (s *Store) MarkSent(id int64, now time.Time) error {
	// Synced at once: the record of a mail sent is what keeps a power cut
	// from sending it again.
	err := s.durably(func() error {
		return s.tx(func(tx *sql.Tx) error {
			_, err := tx.Exec(`UPDATE outbox SET state = ?, sent_at = ?, attempts = attempts + 1, last_error = '' WHERE id = ?`, OutboxSent, now.Unix(), id)
			if err != nil {
				return err
			}
			return settleHeld(tx, id, true)
		})
	})
	if err != nil {
		return fmt.Errorf("marking outbox %d sent: %w", id, err)
	}
	return nil
}

// settleHeld releases the mail held for a case's forward when the forward
// (outbox row id) was accepted, or its fallback when it was refused, and
// cancels the other.
func settleHeld(tx *sql.Tx, id int64, accepted bool) error {
	release, cancel := OutboxHeld, OutboxFallback
	if !accepted {
		release, cancel = OutboxFallback, OutboxHeld
	}
	const ofForward = `case_id = (SELECT case_id FROM outbox WHERE id = ? AND kind = 'forward')`
	if _, err := tx.Exec(`UPDATE outbox SET state = ? WHERE state = ? AND `+ofForward, OutboxPending, release, id); err != nil {
		return fmt.Errorf("releasing held mail: %w", err)
	}
	if _, err := tx.Exec(`UPDATE outbox SET state = ? WHERE state = ? AND `+ofForward, OutboxCancelled, cancel, id); err != nil {
		return fmt.Errorf("cancelling held mail: %w", err)
	}
	return nil
}

// MarkRetry records a failed attempt and when to try again.
func (s *Store) MarkRetry(id int64, next time.Time, why string) error {
	_, err := s.db.Exec(`UPDATE outbox SET attempts = attempts + 1, next_at = ?, last_error = ? WHERE id = ?`, next.Unix(), why, id)
	if err != nil {
		return fmt.Errorf("marking outbox %d for retry: %w", id, err)
	}
	return nil
}

// NoteSendError records why a mail was not sent without counting it as an
// attempt: the failure was not the mail's (a misconfigured server).
func (s *Store) NoteSendError(id int64, why string) error {
	if _, err := s.db.Exec(`UPDATE outbox SET last_error = ? WHERE id = ?`, why, id); err != nil {
		return fmt.Errorf("noting the error of outbox %d: %w", id, err)
	}
	return nil
}

// MarkFailed parks a mail that will not be sent, with the case it belongs to
// set to failed, and queues the admin notice in the same transaction.
func (s *Store) MarkFailed(id int64, why string, caseID string, notice *Outgoing, now time.Time) (err error) {
	if notice != nil {
		defer s.dropUnnamedOnError(&err, []*Outgoing{notice})
	}
	return s.tx(func(tx *sql.Tx) error {
		if _, err := tx.Exec(`UPDATE outbox SET state = ?, attempts = attempts + 1, last_error = ? WHERE id = ?`, OutboxFailed, why, id); err != nil {
			return err
		}
		if err := settleHeld(tx, id, false); err != nil {
			return err
		}
		if caseID != "" {
			if _, err := tx.Exec(`UPDATE cases SET state = ?, updated_at = ? WHERE id = ?`, StateFailed, now.Unix(), caseID); err != nil {
				return err
			}
		}
		if notice != nil {
			return insertOutbox(tx, caseID, 0, notice, now)
		}
		return nil
	})
}

// OldestPending counts the mail waiting to be sent and says since when the
// oldest waits.
func (s *Store) OldestPending() (n int, oldest time.Time, err error) {
	var first sql.NullInt64
	err = s.db.QueryRow(`SELECT count(*), min(created_at) FROM outbox WHERE state = ?`, OutboxPending).Scan(&n, &first)
	if err != nil {
		return 0, time.Time{}, fmt.Errorf("reading the outbox: %w", err)
	}
	return n, unixOrZero(first), nil
}

// Writable checks that the store takes writes now: a file in raw/ (where
// mail is kept) and a row in the database.
func (s *Store) Writable(now time.Time) error {
	f, err := os.CreateTemp(filepath.Join(s.dir, "raw"), ".health-*")
	if err == nil {
		_, err = f.WriteString(now.Format(time.RFC3339))
		if err == nil {
			err = f.Sync()
		}
		f.Close()
		os.Remove(f.Name())
	}
	if err != nil {
		return fmt.Errorf("the store cannot be written: %w", err)
	}
	if _, err := s.db.Exec(`INSERT INTO meta (key, value) VALUES ('health', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, now.Unix()); err != nil {
		return fmt.Errorf("the store cannot be written: %w", err)
	}
	return nil
}

// TakeNotice decides whether a notice of a problem goes to the admin now:
// yes when none went within window, and then held is how many were held
// back since the last one; else this one is counted as held back.
func (s *Store) TakeNotice(problem string, now time.Time, window time.Duration) (send bool, held int, err error) {
	err = s.tx(func(tx *sql.Tx) error {
		var last int64
		err := tx.QueryRow(`SELECT last_at, held FROM notices WHERE problem = ?`, problem).Scan(&last, &held)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if err == nil && now.Sub(time.Unix(last, 0)) < window {
			_, err := tx.Exec(`UPDATE notices SET held = held + 1 WHERE problem = ?`, problem)
			return err
		}
		send = true
		_, err = tx.Exec(`INSERT INTO notices (problem, last_at, held) VALUES (?, ?, 0)
			ON CONFLICT (problem) DO UPDATE SET last_at = excluded.last_at, held = 0`, problem, now.Unix())
		return err
	})
	if err != nil {
		return false, 0, fmt.Errorf("recording notice of %s: %w", problem, err)
	}
	return send, held, nil
}

// RepliesTo counts the replies sent or queued to an address since a time,
// for the per-sender rate limit. A reply has one recipient; the query
// reads only the outbox_replies index, never the mail.
func (s *Store) RepliesTo(addr string, since time.Time) (int, error) {
	to, err := json.Marshal([]string{strings.ToLower(addr)})
	if err != nil {
		return 0, err
	}
	var n int
	err = s.db.QueryRow(`SELECT count(*) FROM outbox WHERE lower(recipients) = ? AND created_at >= ?
		AND kind IN ('request', 'ask', 'forwarded', 'received', 'reminder', 'closed', 'too_large')
		AND state NOT IN ('fallback', 'cancelled')`, string(to), since.Unix()).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("counting replies: %w", err)
	}
	return n, nil
}

// Outgoing is a mail to queue: its kind (request, ask, forwarded, received,
// forward, update, reminder, closed, admin) and the composed message.
type Outgoing struct {
	Kind string
	// State is the outbox state it is queued in: pending when empty, or
	// held or fallback on its case's forward.
	State      string
	MessageID  string
	EnvFrom    string
	Recipients []string
	Subject    string
	// File is the SHA-256 of the composed mail, stored under outbox/ by
	// PutMail before the commit that queues it; Size is its length.
	File string
	Size int64
	// Kept keeps mail that would be sent at once in the outbox unsent
	// (triage-only mode) until the admin releases it.
	Kept bool
	// Why says why mail queued kept is kept (a rate limit); `intake
	// release` shows it. Triage-only mode goes without saying.
	Why string
}

// Record is everything one processed message changes, committed at once.
type Record struct {
	Message MessageRow
	// Case, when set, is created or updated; NewCase tells which.
	Case    *Case
	NewCase bool
	// Party, when set, joins the case's parties.
	Party string
	Mail  []*Outgoing
	// Bounced, when set, is a mail of ours the message reports undelivered:
	// it is marked failed with the report.
	Bounced *Bounced
	// Merge, when set, is a provisional case closed into Case: its
	// messages become Case's and its unsent mail is cancelled.
	Merge string
}

// Bounced is an outbox mail a bounce reports undelivered, and why.
type Bounced struct {
	OutboxID int64
	Why      string
}

// Commit writes a processed message in one transaction: its row, its case
// and the mail it causes; a failure recorded for it is forgotten. It
// returns the message row's id.
func (s *Store) Commit(r *Record, now time.Time) (int64, error) {
	var rowID int64
	var err error
	defer s.dropUnnamedOnError(&err, r.Mail)
	err = s.tx(func(tx *sql.Tx) error {
		if r.Case != nil {
			if err := upsertCase(tx, r.Case, r.NewCase); err != nil {
				return err
			}
			if r.Party != "" {
				if _, err := tx.Exec(`INSERT OR IGNORE INTO parties (case_id, address) VALUES (?, ?)`, r.Case.ID, strings.ToLower(r.Party)); err != nil {
					return err
				}
			}
			if r.Merge != "" {
				if err := mergeCase(tx, r.Merge, r.Case.ID, now); err != nil {
					return fmt.Errorf("closing case %s into %s: %w", r.Merge, r.Case.ID, err)
				}
			}
		}
		m := &r.Message
		decision, err := json.Marshal(storedDecision{Decision: m.Decision, Why: m.Decision.Why, Checklist: m.Decision.Checklist, Scoring: m.Decision.Scoring})
		if err != nil {
			return err
		}
		var caseID any
		if m.CaseID != "" {
			caseID = m.CaseID
		}
		res, err := tx.Exec(`INSERT INTO messages (mailbox, uidvalidity, uid, message_id, sha256, size, from_addr, subject, received_at,
			case_id, action, scenario, reason, decision, folder, moved) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			m.Mailbox, m.UIDValidity, m.UID, m.MessageID, m.SHA256, m.Size, m.From, m.Subject, m.ReceivedAt.Unix(),
			caseID, m.Action, m.Scenario, m.Reason, string(decision), m.Folder, m.Moved)
		if err != nil {
			return fmt.Errorf("inserting message: %w", err)
		}
		rowID, _ = res.LastInsertId()
		for _, o := range r.Mail {
			if err := insertOutbox(tx, m.CaseID, rowID, o, now); err != nil {
				return err
			}
		}
		if b := r.Bounced; b != nil {
			if _, err := tx.Exec(`UPDATE outbox SET state = ?, last_error = ? WHERE id = ?`, OutboxFailed, b.Why, b.OutboxID); err != nil {
				return fmt.Errorf("marking outbox %d bounced: %w", b.OutboxID, err)
			}
		}
		_, err = tx.Exec(`DELETE FROM failures WHERE mailbox = ? AND uidvalidity = ? AND uid = ?`, m.Mailbox, m.UIDValidity, m.UID)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("committing message uid %d: %w", r.Message.UID, err)
	}
	return rowID, nil
}

// mergeCase closes case from into case into: its messages and parties
// become into's, and its mail not yet sent is cancelled.
func mergeCase(tx *sql.Tx, from, into string, now time.Time) error {
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`UPDATE messages SET case_id = ? WHERE case_id = ?`, []any{into, from}},
		{`INSERT OR IGNORE INTO parties (case_id, address) SELECT ?, address FROM parties WHERE case_id = ?`, []any{into, from}},
		{`UPDATE outbox SET state = ? WHERE case_id = ? AND state IN (?, ?, ?, ?)`, []any{OutboxCancelled, from, OutboxPending, OutboxKept, OutboxHeld, OutboxFallback}},
		{`UPDATE cases SET state = ?, updated_at = ? WHERE id = ?`, []any{StateClosed, now.Unix(), from}},
	} {
		if _, err := tx.Exec(q.sql, q.args...); err != nil {
			return err
		}
	}
	return nil
}

// CommitCase writes a change to a case that no new message caused (a
// reminder, closing, a reprocess) with the mail it causes.
func (s *Store) CommitCase(c *Case, mail []*Outgoing, now time.Time) (err error) {
	defer s.dropUnnamedOnError(&err, mail)
	return s.tx(func(tx *sql.Tx) error {
		if err := upsertCase(tx, c, false); err != nil {
			return err
		}
		for _, o := range mail {
			if err := insertOutbox(tx, c.ID, 0, o, now); err != nil {
				return err
			}
		}
		return nil
	})
}

// QueueMail adds mail that belongs to no case (an admin notice).
func (s *Store) QueueMail(o *Outgoing, now time.Time) (err error) {
	defer s.dropUnnamedOnError(&err, []*Outgoing{o})
	return s.tx(func(tx *sql.Tx) error { return insertOutbox(tx, "", 0, o, now) })
}

func upsertCase(tx *sql.Tx, c *Case, isNew bool) error {
	var reminded, forwarded any
	if !c.RemindedAt.IsZero() {
		reminded = c.RemindedAt.Unix()
	}
	if !c.ForwardedAt.IsZero() {
		forwarded = c.ForwardedAt.Unix()
	}
	if isNew {
		_, err := tx.Exec(`INSERT INTO cases (id, state, scenario, product, customer, subject, created_at, updated_at, reminded_at, forwarded_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.ID, c.State, c.Scenario, c.Product, c.Customer, c.Subject,
			c.CreatedAt.Unix(), c.UpdatedAt.Unix(), reminded, forwarded)
		if err != nil {
			return fmt.Errorf("inserting case %s: %w", c.ID, err)
		}
		return nil
	}
	_, err := tx.Exec(`UPDATE cases SET state = ?, scenario = ?, product = ?, updated_at = ?, reminded_at = ?, forwarded_at = ? WHERE id = ?`,
		c.State, c.Scenario, c.Product, c.UpdatedAt.Unix(), reminded, forwarded, c.ID)
	if err != nil {
		return fmt.Errorf("updating case %s: %w", c.ID, err)
	}
	return nil
}

func insertOutbox(tx *sql.Tx, caseID string, msgRow int64, o *Outgoing, now time.Time) error {
	recips, err := json.Marshal(o.Recipients)
	if err != nil {
		return err
	}
	var cid, mrow any
	if caseID != "" {
		cid = caseID
	}
	if msgRow != 0 {
		mrow = msgRow
	}
	state := o.State
	if state == "" {
		state = OutboxPending
	}
	why := o.Why
	if state == OutboxPending && o.Kept {
		state, why = OutboxKept, "triage-only mode"
	}
	if o.File == "" {
		return fmt.Errorf("queueing %s mail: no stored mail", o.Kind)
	}
	_, err = tx.Exec(`INSERT INTO outbox (case_id, message_row, kind, message_id, env_from, recipients, subject, raw, file, size, state, next_at, created_at, last_error)
		VALUES (?, ?, ?, ?, ?, ?, ?, X'', ?, ?, ?, ?, ?, ?)`, cid, mrow, o.Kind, o.MessageID, o.EnvFrom, string(recips), o.Subject, o.File, o.Size,
		state, now.Unix(), now.Unix(), why)
	if err != nil {
		return fmt.Errorf("queueing %s mail: %w", o.Kind, err)
	}
	if strings.Contains(replyKinds, "'"+o.Kind+"'") {
		_, err = tx.Exec(`INSERT INTO reply_minutes (minute, n) VALUES (?, 1) ON CONFLICT(minute) DO UPDATE SET n = n + 1`, now.Unix()/60)
		if err != nil {
			return fmt.Errorf("counting %s mail: %w", o.Kind, err)
		}
	}
	return nil
}

// NextCaseID allocates the next case number of a day: PREFIX-YYYYMMDD-NNNN.
func (s *Store) NextCaseID(prefix string, day time.Time) (string, error) {
	d := day.Format("20060102")
	var seq int
	err := s.db.QueryRow(`INSERT INTO counters (day, seq) VALUES (?, 1)
		ON CONFLICT (day) DO UPDATE SET seq = seq + 1 RETURNING seq`, prefix+"-"+d).Scan(&seq)
	if err != nil {
		return "", fmt.Errorf("allocating case id: %w", err)
	}
	return fmt.Sprintf("%s-%s-%04d", prefix, d, seq), nil
}

func (s *Store) tx(f func(*sql.Tx) error) error {
	tx, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("beginning transaction: %w", err)
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("committing: %w", err)
	}
	return nil
}
