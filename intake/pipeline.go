package intake

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/mail"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"

	"intake/intake/imapbox"
	"intake/intake/message"
	"intake/intake/oauth"
	"intake/mailer"
	"intake/rules"
)

// Mailbox is the request mailbox as the pipeline uses it. *imapbox.Mailbox is
// the real one.
type Mailbox interface {
	UIDValidity() uint32
	// List returns the messages with a UID above after, oldest first.
	List(ctx context.Context, after imap.UID) ([]imapbox.Envelope, error)
	// FetchAll streams whole messages, without marking them seen, to each
	// as they arrive (see imapbox.Mailbox.FetchAll). A message sent larger
	// than its announced size allows is refused with a
	// *imapbox.SizeMismatchError.
	FetchAll(ctx context.Context, envs []imapbox.Envelope, each func(env imapbox.Envelope, body io.Reader)) error
	// Move moves messages to a folder, creating the folder if needed, and
	// returns the messages it moved, each with where it went when the
	// server tells (else a zero imapbox.Filed); a UID it leaves out was
	// gone. On an error it still returns what it moved.
	Move(ctx context.Context, uids []imap.UID, folder string) (map[imap.UID]imapbox.Filed, error)
	Close() error
}

// Sender delivers one composed mail. *mailer.Sender is the real one; an
// error that is a *mailer.SendError says whether to retry.
type Sender interface {
	Send(ctx context.Context, out *mailer.Outgoing) error
}

// DialFunc opens the request mailbox.
type DialFunc func(ctx context.Context, cfg *Config) (Mailbox, error)

// DialIMAP is the DialFunc of a real IMAP server; tokens renews the
// mailbox's OAuth token (nil when it has none).
func DialIMAP(log *slog.Logger, tokens *oauth.Tokens) DialFunc {
	return func(ctx context.Context, cfg *Config) (Mailbox, error) {
		return imapbox.Dial(ctx, cfg.Mailbox, tokens, log)
	}
}

// Pipeline is the daemon's work: poll the mailbox, decide, record, send and
// file every new message. It is safe to run one Poll at a time.
type Pipeline struct {
	cfg    atomic.Pointer[Config]
	store  *Store
	dial   DialFunc
	sendMu sync.Mutex // guards send, which a reload replaces
	send   Sender
	log    *slog.Logger
	ids    msgIDs
	alive  atomic.Int64 // unix seconds a poll last reached the mailbox
	// Now is the clock; tests set it.
	Now func() time.Time
	// smtpDownUntil: after the SMTP server could not be reached, no drain
	// tries it before then; smtpDowns counts the failures in a row.
	smtpDownUntil time.Time
	smtpDowns     int
	// parsed keeps the mails read last, parsed: a case's earlier mails
	// are weighed again with each new mail of its sender.
	parsed parsedMail
	// crash, when set, is called at each step of a message so that tests
	// can kill the process there (see crashPoint).
	crash func(step string)
}

// NewPipeline wires a pipeline.
func NewPipeline(cfg *Config, store *Store, dial DialFunc, send Sender, log *slog.Logger) (*Pipeline, error) {
	key, err := store.Secret()
	if err != nil {
		return nil, err
	}
	_, domain, _ := strings.Cut(cfg.SMTP.fromAddress(), "@")
	p := &Pipeline{store: store, dial: dial, send: send, log: log, Now: time.Now,
		ids: msgIDs{key: key, domain: domain}, crash: crashPoint}
	p.cfg.Store(cfg)
	return p, nil
}

// Config returns the config in use.
func (p *Pipeline) Config() *Config { return p.cfg.Load() }

// SetConfig replaces the config from the next message on (a reload).
func (p *Pipeline) SetConfig(cfg *Config) { p.cfg.Store(cfg) }

// SetSender replaces the SMTP sender from the next mail on (a reload).
func (p *Pipeline) SetSender(s Sender) {
	p.sendMu.Lock()
	defer p.sendMu.Unlock()
	p.send = s
}

func (p *Pipeline) sender() Sender {
	p.sendMu.Lock()
	defer p.sendMu.Unlock()
	return p.send
}

// Processed is what happened to one message in a poll.
type Processed struct {
	Mailbox   string // user@host/folder
	UID       uint32
	MessageID string
	From      string
	Subject   string
	CaseID    string
	Decision  rules.Decision
	Folder    string
	Duplicate bool
	Mail      []string // kinds of the mail it caused ("request", "forward", …)
}

// brief keeps of a decision what a poll's report shows: a backlog's
// report holds one a mail, and the store has each whole. (10,000 whole
// decisions of the mail sets hold 26 MiB of heap, brief ones 4 MiB.)
func brief(d rules.Decision) rules.Decision {
	d.Fields, d.Attachments, d.Checklist, d.Scoring = nil, nil, nil, nil
	return d
}

// Report sums up one poll.
type Report struct {
	Processed []Processed
	Sent      int
	Errors    []error

	// unrecorded is set when a mail went out but the store could not
	// record it (a full disk): nothing more is sent in this poll, since
	// every drain would send that mail again.
	unrecorded bool
}

// Err joins the errors of the poll.
func (r *Report) Err() error { return errors.Join(r.Errors...) }

// Poll runs one cycle: finish what an interrupted cycle left, read every new
// message, decide, commit, send and file it, then send reminders and close
// stale cases. When ctx ends, the message in hand is finished first.
func (p *Pipeline) Poll(ctx context.Context) *Report {
	rep := &Report{}
	cfg := p.Config()
	// Work on a message goes on after a stop was asked for while it makes
	// progress, for at most stop_timeout; the stop is honoured between
	// messages.
	work, cancel := afterStop(ctx, time.Duration(cfg.StopTimeout))
	defer cancel()
	// The drains of a poll share one SMTP connection; it closes with the poll.
	defer func() {
		if h, ok := p.sender().(interface{ Hangup() }); ok {
			h.Hangup()
		}
	}()

	p.drain(work, rep)
	for _, name := range cfg.mailboxNames() {
		if ctx.Err() != nil {
			break
		}
		p.pollMailbox(ctx, work, name, rep)
	}
	if ctx.Err() == nil {
		if err := p.housekeep(p.Config()); err != nil {
			rep.Errors = append(rep.Errors, err)
		}
	}
	p.drain(work, rep)
	return rep
}

// pollMailbox reads one mailbox of the config ("" for `mailbox:`, else a
// name under `mailboxes:`): files what an earlier poll left, then decides,
// commits, sends and files every new message.
func (p *Pipeline) pollMailbox(ctx, work context.Context, name string, rep *Report) {
	cfg := p.Config().view(name)
	if cfg == nil {
		return
	}
	key := mailboxKey(cfg)
	start, errs := time.Now(), len(rep.Errors)
	defer func() {
		pollDuration.WithLabelValues(key).Observe(time.Since(start).Seconds())
		if len(rep.Errors) > errs {
			pollsDone.WithLabelValues(key, "error").Inc()
			return
		}
		pollsDone.WithLabelValues(key, "ok").Inc()
		pollLastSuccess.WithLabelValues(key).SetToCurrentTime()
	}()
	mb, err := p.dial(ctx, cfg)
	if err != nil {
		rep.Errors = append(rep.Errors, fmt.Errorf("opening mailbox %s: %w", key, err))
		return
	}
	defer mb.Close()
	uv := mb.UIDValidity()

	pending, err := p.store.PendingMoves(key, uv)
	if err != nil {
		rep.Errors = append(rep.Errors, err)
		return
	}
	if err := p.move(work, mb, pending); err != nil {
		rep.Errors = append(rep.Errors, err)
	}

	last, other, err := p.store.Checkpoint(key, uv)
	if err != nil {
		rep.Errors = append(rep.Errors, err)
		return
	}
	if last == 0 && other {
		p.log.Warn("UIDVALIDITY changed: rescanning the mailbox, skipping mail already processed", "mailbox", key, "uidvalidity", uv)
	}
	envs, err := mb.List(ctx, imap.UID(last))
	if err != nil {
		rep.Errors = append(rep.Errors, fmt.Errorf("listing new mail in %s: %w", key, err))
		return
	}
	p.alive.Store(p.Now().Unix())
	// The checkpoint follows the done UIDs while no message before them
	// failed or waits for its next try.
	allDone := true
	// Committed messages are filed a group at a time (one MOVE per
	// folder); until then they are pending moves, which the next poll
	// files after a crash.
	var toMove []*MessageRow
	decided := 0 // mails decided in this poll
	fileDecided := func() {
		p.drain(work, rep) // the answers before the filing
		if len(toMove) == 0 {
			return
		}
		p.crash("before_move")
		if err := p.move(work, mb, toMove); err != nil {
			rep.Errors = append(rep.Errors, err)
		}
		toMove = toMove[:0]
	}
	ra := p.startReadAhead(ctx, work, name, mb, envs, func(env imapbox.Envelope) bool {
		cfg := p.Config().view(name)
		return cfg != nil && p.wanted(cfg, key, uv, env)
	})
	defer ra.stop()
	lost := false
	for i, env := range envs {
		if ctx.Err() != nil {
			p.log.Info("stopping between messages", "mailbox", key, "left", len(envs)-i)
			break
		}
		if cfg = p.Config().view(name); cfg == nil {
			break // a reload took the mailbox away
		}
		pr, done, err := p.take(work, cfg, ra, key, uv, env)
		ra.release(env)
		var lostConn *mailboxError
		if err != nil {
			errors.As(err, &lostConn)
			p.log.Error("processing message", "mailbox", key, "uid", env.UID, "err", err)
			rep.Errors = append(rep.Errors, fmt.Errorf("uid %d: %w", env.UID, err))
		}
		if err != nil && pr == nil {
			if pr, done, err = p.failed(work, cfg, key, uv, env, err); err != nil {
				rep.Errors = append(rep.Errors, err)
			}
		}
		allDone = allDone && done
		if lostConn == nil {
			p.alive.Store(p.Now().Unix()) // a long backlog is progress, not a stall
			progressed(work)
		}
		if allDone {
			if err := p.store.AdvanceCheckpoint(key, uv, uint32(env.UID)); err != nil {
				rep.Errors = append(rep.Errors, err)
			}
		}
		if pr != nil {
			pr.Mailbox = key
			pr.Decision = brief(pr.Decision)
			rep.Processed = append(rep.Processed, *pr)
		}
		if decided++; decided%drainGroup == 0 {
			p.drain(work, rep)
		}
		if pr != nil && lostConn == nil {
			row, err := p.store.SeenUID(key, uv, uint32(env.UID))
			if err == nil && row != nil {
				toMove = append(toMove, row)
			}
		}
		if lostConn != nil {
			p.log.Warn("mailbox connection lost: the rest waits for the next poll", "left", len(envs)-i-1)
			lost = true
			break
		}
		if len(toMove) >= moveGroup {
			fileDecided()
		}
	}
	ra.stop() // before the moves: one command at a time
	if !lost {
		fileDecided()
	}
}

// moveGroup is how many committed messages are filed together, and
// drainGroup after how many decided messages the mail they caused is sent
// (one sync of the store for the group: see Store.Sync).
const (
	moveGroup  = 200
	drainGroup = 32
)

// afterStop returns a context that outlives ctx: after a stop was asked
// for, the work in hand goes on while it makes progress (see progressed),
// and is abandoned to the next poll once it makes none for a tenth of grace
// (a stalled server), or when grace has passed since the stop.
func afterStop(ctx context.Context, grace time.Duration) (context.Context, context.CancelFunc) {
	work, cancel := context.WithCancelCause(context.WithoutCancel(ctx))
	w := &stopWatch{}
	work = context.WithValue(work, stopWatchKey{}, w)
	stop := context.AfterFunc(ctx, func() {
		idle := grace / 10
		stopped := time.Now()
		w.progress() // the work in hand gets a whole idle bound
		tick := time.NewTicker(max(idle/4, time.Millisecond))
		defer tick.Stop()
		for {
			select {
			case <-work.Done():
				return
			case now := <-tick.C:
				switch {
				case now.Sub(stopped) > grace:
					cancel(fmt.Errorf("stopping: the message in hand took over stop_timeout %s", grace))
				case now.Sub(w.since()) > idle:
					cancel(fmt.Errorf("stopping: the message in hand made no progress for %s", idle))
				}
			}
		}
	})
	return work, func() {
		stop()
		cancel(nil)
	}
}

// stopWatch records when the work of a poll last made progress.
type stopWatch struct{ last atomic.Int64 }

type stopWatchKey struct{}

func (w *stopWatch) progress()        { w.last.Store(time.Now().UnixNano()) }
func (w *stopWatch) since() time.Time { return time.Unix(0, w.last.Load()) }

// progressed tells the poll whose work ctx is that its work moved on (bytes
// came, a step ended): after a stop it is not abandoned as stalled yet.
func progressed(ctx context.Context) {
	if w, ok := ctx.Value(stopWatchKey{}).(*stopWatch); ok {
		w.progress()
	}
}

// mailboxKey names the polled mailbox in checkpoints: user@host/mailbox.
func mailboxKey(cfg *Config) string {
	return fmt.Sprintf("%s@%s/%s", cfg.Mailbox.Username, cfg.Mailbox.Host, cfg.Mailbox.Mailbox)
}

func folderFor(cfg *Config, action string) string {
	switch action {
	case rules.ActionForward:
		return cfg.Mailbox.Folders.Forwarded
	case rules.ActionRequest, rules.ActionAsk:
		return cfg.Mailbox.Folders.Waiting
	case rules.ActionQuarantine:
		return cfg.Mailbox.Folders.Failed
	}
	return cfg.Mailbox.Folders.Ignored
}

// move files committed messages, one Move per folder, and records each
// message the server moved or no longer holds.
func (p *Pipeline) move(ctx context.Context, mb Mailbox, rows []*MessageRow) error {
	byFolder := map[string][]*MessageRow{}
	var folders []string
	for _, row := range rows {
		if byFolder[row.Folder] == nil {
			folders = append(folders, row.Folder)
		}
		byFolder[row.Folder] = append(byFolder[row.Folder], row)
	}
	// A mail filed is never read again: its decision must be durable first.
	if err := p.store.Sync(); err != nil {
		return err
	}
	var errs []error
	for _, folder := range folders {
		group := byFolder[folder]
		uids := make([]imap.UID, len(group))
		for i, row := range group {
			uids[i] = imap.UID(row.UID)
		}
		moved, err := mb.Move(ctx, uids, folder)
		filed := map[int64]imapbox.Filed{}
		for _, row := range group {
			f, ok := moved[imap.UID(row.UID)]
			switch {
			case ok:
				filed[row.ID] = f
			case err == nil:
				// An OK move leaves none of its UIDs in the mailbox.
				p.log.Warn("message gone before it was filed", "mailbox", row.Mailbox, "uid", row.UID, "message_id", row.MessageID, "case", row.CaseID)
				filed[row.ID] = imapbox.Filed{}
			}
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("moving %d messages to %s: %w", len(group)-len(filed), folder, err))
		}
		if err := p.store.MarkMoved(filed); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// ProblemSizeMismatch is the quarantine reason of a message the server sent
// larger than the size it announced allows.
const ProblemSizeMismatch = "size_mismatch"

// take processes one listed message unless it is done already or waits
// for its next try. done tells whether the message needs nothing more from
// the loop (the checkpoint may pass it). A message processed while the
// connection was lost comes with the *mailboxError.
func (p *Pipeline) take(ctx context.Context, cfg *Config, ra *readAhead, key string, uv uint32, env imapbox.Envelope) (pr *Processed, done bool, err error) {
	switch done, waiting, err := p.standing(key, uv, env); {
	case err != nil:
		return nil, false, err
	case done:
		return nil, true, nil // committed before a crash; Poll filed it
	case waiting:
		return nil, false, nil
	}
	pr, err = p.process(ctx, cfg, ra, key, uv, env)
	if errors.Is(err, imapbox.ErrNoSuchMessage) {
		p.log.Warn("message gone before it was read", "mailbox", key, "uid", env.UID)
		return nil, true, nil
	}
	return pr, pr != nil, err
}

// wanted tells whether the read-ahead should read env: a message take
// would fetch (not too large, not done, not waiting for its next try).
func (p *Pipeline) wanted(cfg *Config, key string, uv uint32, env imapbox.Envelope) bool {
	if env.Size > int64(cfg.Limits.MaxMessageBytes) {
		return false
	}
	done, waiting, err := p.standing(key, uv, env)
	return err == nil && !done && !waiting
}

// standing tells where a listed message stands: done (committed before),
// or waiting for its next try after a failure; else it is to be read now.
func (p *Pipeline) standing(key string, uv uint32, env imapbox.Envelope) (done, waiting bool, err error) {
	if row, err := p.store.SeenUID(key, uv, uint32(env.UID)); err != nil || row != nil {
		return row != nil, false, err
	}
	f, err := p.store.Failure(key, uv, uint32(env.UID))
	return false, f != nil && p.Now().Before(f.NextAt), err
}

// failed records a failed try of a message. After cfg's max_tries it gives
// the message up: it is recorded as quarantined (reason processing_failed)
// with the last error, filed in the failed folder and the admin told, and
// done is true. A try cut short by a stop is not counted.
func (p *Pipeline) failed(ctx context.Context, cfg *Config, key string, uv uint32, env imapbox.Envelope, cause error) (pr *Processed, done bool, err error) {
	if ctx.Err() != nil {
		return nil, false, nil
	}
	now := p.Now()
	prev, err := p.store.Failure(key, uv, uint32(env.UID))
	if err != nil {
		return nil, false, err
	}
	tries := 1
	if prev != nil {
		tries = prev.Tries + 1
	}
	if tries < cfg.Mailbox.MaxTries {
		next := now.Add(backoff(tries - 1))
		p.log.Warn("message failed, will retry", "mailbox", key, "uid", env.UID, "try", tries, "next", next, "err", cause)
		return nil, false, p.store.RecordFailure(key, uv, uint32(env.UID), cause.Error(), now, next)
	}
	p.log.Error("message failed for good: moving it to the failed folder", "mailbox", key, "uid", env.UID, "tries", tries, "err", cause)
	why := fmt.Sprintf("%d tries failed; the last: %v", tries, cause)
	row := MessageRow{Mailbox: key, UIDValidity: uv, UID: uint32(env.UID), ReceivedAt: now, Size: env.Size,
		Action: rules.ActionQuarantine, Reason: ReasonProcessingFailed, Folder: cfg.Mailbox.Folders.Failed,
		Decision: rules.Decision{Action: rules.ActionQuarantine, Reason: ReasonProcessingFailed, Why: []string{why}}}
	notice, err := p.adminNotice(cfg, ReasonProcessingFailed, "", fmt.Sprintf("mail uid %d could not be processed", env.UID),
		fmt.Sprintf("A mail (uid %d, %d bytes) of %s failed %d times and was moved to %s. No reply was sent.\n\nLast error: %v\n\n"+
			"`intake failed` lists it; once the cause is mended, move it back to the mailbox polled and it is read again.\n",
			env.UID, env.Size, key, tries, cfg.Mailbox.Folders.Failed, cause), now)
	if err != nil {
		return nil, false, err
	}
	rec := &Record{Message: row}
	if notice != nil {
		rec.Mail = append(rec.Mail, notice)
	}
	if _, err := p.store.Commit(rec, now); err != nil {
		return nil, false, err
	}
	return &Processed{UID: uint32(env.UID), Decision: row.Decision, Folder: row.Folder}, true, nil
}

// ReasonProcessingFailed is the reason of a message given up after
// max_tries failed tries.
const ReasonProcessingFailed = "processing_failed"

// mailboxError is a failure of the mailbox connection while a message was
// read: the connection cannot be used for the rest of the poll.
type mailboxError struct{ err error }

func (e *mailboxError) Error() string { return e.err.Error() }
func (e *mailboxError) Unwrap() error { return e.err }

// process reads, decides and commits one message. Sending and filing follow
// in Poll. A message the server sent larger than it announced is committed
// as quarantined and returned with the *mailboxError of the closed
// connection.
func (p *Pipeline) process(ctx context.Context, cfg *Config, ra *readAhead, key string, uv uint32, env imapbox.Envelope) (_ *Processed, lost error) {
	now := p.Now()
	row := MessageRow{Mailbox: key, UIDValidity: uv, UID: uint32(env.UID), ReceivedAt: now, Size: env.Size}
	var msg *rules.Message
	var got *fetched
	if env.Size > int64(cfg.Limits.MaxMessageBytes) {
		// Not fetched at all: the server's size is enough to refuse it.
		// Not fetched at all: the server's size is enough to refuse it, and
		// its envelope names it.
		msg = &rules.Message{Problem: message.ProblemTooLarge, Detail: fmt.Sprintf("%d bytes, over max_message_bytes %d", env.Size, cfg.Limits.MaxMessageBytes),
			MessageID: env.MessageID, From: env.From, FromName: env.FromName, Subject: env.Subject}
	} else {
		got = ra.get(ctx, env)
		var lie *imapbox.SizeMismatchError
		if errors.As(got.err, &lie) {
			// The connection is gone; the mail is quarantined unread.
			lost = got.err
			msg = &rules.Message{Problem: ProblemSizeMismatch, Detail: lie.Error()}
		} else if got.err != nil {
			return nil, got.err
		} else {
			row.SHA256, row.Size, msg = got.sum, got.size, got.msg
			dup, err := p.duplicateOf(cfg, got.sum, msg)
			if err != nil {
				return nil, err
			}
			if dup != nil {
				return p.commitDuplicate(cfg, row, msg, dup, now)
			}
		}
	}
	row.MessageID, row.From, row.Subject = msg.MessageID, msg.From, msg.Subject

	match, msgs, sums, err := p.caseOf(cfg, msg)
	if err != nil {
		return nil, err
	}
	c := match.c
	update := c != nil && c.State == StateForwarded
	if update {
		msgs, sums = nil, nil // the engineers have the rest
	}
	msgs, sums = append(msgs, msg), append(sums, row.SHA256)
	var d rules.Decision
	if len(msgs) == 1 && got != nil && got.alone != nil && got.of == cfg.whole() {
		d = *got.alone // decided while it was read
	} else {
		d = cfg.Rules.Evaluate(msgs)
	}
	if update && d.Action == rules.ActionIgnore && d.Reason == "not_request" {
		// News on a case with the engineers needs no process words ("补充
		// 照片" and a file): planUpdate decides what it is worth.
		d.Action, d.Reason = rules.ActionForward, ""
	}
	if engineerAddress(cfg, msg.From) {
		c = nil
		d = rules.Decision{Action: rules.ActionIgnore, Reason: "own_address",
			Why: []string{"from " + msg.From + ", an address intake sends to (engineers or admin): it never starts or changes a case"}}
	} else if p.engineersMail(msg) {
		c = nil
		d = rules.Decision{Action: rules.ActionIgnore, Reason: "loop",
			Why: []string{"answers a mail intake sent to the engineers or the admin (its signed Message-ID is in In-Reply-To/References)"}}
	} else if n := p.ownRefs(msg); n >= cfg.Cases.Limits.LoopRefs {
		c = nil
		d = rules.Decision{Action: rules.ActionIgnore, Reason: "loop",
			Why: []string{fmt.Sprintf("its References hold %d of intake's own Message-IDs: a reply loop with an auto-responder (cases.limits.loop_refs %d)", n, cfg.Cases.Limits.LoopRefs)}}
	}
	if d.Action != rules.ActionQuarantine && d.Action != rules.ActionIgnore {
		d.Notes = append(d.Notes, match.notes...)
	}
	rec := &Record{}
	if match.merge != nil && c != nil {
		rec.Merge = match.merge.ID
	}
	pl := plan{cfg: cfg, now: now, uid: uint32(env.UID), size: env.Size, msg: msg, d: &d, msgs: msgs, sums: sums, c: c, update: update && c != nil}
	if err := p.plan(&pl, rec); err != nil {
		p.store.dropUnnamed(rec.Mail)
		return nil, err
	}
	row.Action, row.Scenario, row.Reason, row.Decision = d.Action, d.Scenario, d.Reason, d
	row.Folder = folderFor(cfg, d.Action)
	if rec.Case != nil {
		row.CaseID = rec.Case.ID
	}
	rec.Message = row
	if _, err := p.store.Commit(rec, now); err != nil {
		return nil, err
	}
	p.crash("after_commit")
	p.log.Info("message decided", "mailbox", key, "uid", env.UID, "message_id", msg.MessageID, "from", msg.From, "action", d.Action, "scenario", d.Scenario,
		"reason", d.Reason, "case", row.CaseID, "missing", d.Missing)
	pr := &Processed{UID: uint32(env.UID), MessageID: msg.MessageID, From: msg.From, Subject: msg.Subject,
		CaseID: row.CaseID, Decision: d, Folder: row.Folder}
	pr.Mail = queuedKinds(rec.Mail)
	return pr, lost
}

// duplicateOf returns the message a new one repeats, or nil: one with the
// same content (as after a UIDVALIDITY change), or with the same Message-ID
// from the same sender with the same Date (a copy delivered again with
// other trace headers). Two mails that only share a Message-ID are both
// processed: some senders reuse one.
func (p *Pipeline) duplicateOf(cfg *Config, sum string, msg *rules.Message) (*MessageRow, error) {
	if dup, err := p.store.Duplicate(sum); err != nil || dup != nil {
		return dup, err
	}
	if msg.MessageID == "" || msg.Date.IsZero() {
		return nil, nil
	}
	rows, err := p.store.WithMessageID(msg.MessageID)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if r.SHA256 == "" || !r.PrunedAt.IsZero() || !strings.EqualFold(r.From, msg.From) {
			continue
		}
		prev, err := p.parseStored(cfg, r.SHA256)
		if err != nil {
			return nil, err
		}
		if prev.Date.Equal(msg.Date) {
			return r, nil
		}
	}
	return nil, nil
}

// commitDuplicate records a message seen before (see duplicateOf) and
// files it where the first went, causing no mail.
func (p *Pipeline) commitDuplicate(cfg *Config, row MessageRow, msg *rules.Message, dup *MessageRow, now time.Time) (*Processed, error) {
	row.MessageID, row.From, row.Subject = msg.MessageID, msg.From, msg.Subject
	row.Action, row.Reason, row.Folder = "duplicate", fmt.Sprintf("same as message %d (uid %d)", dup.ID, dup.UID), dup.Folder
	row.Decision = rules.Decision{Action: "duplicate", Reason: row.Reason}
	if _, err := p.store.Commit(&Record{Message: row}, now); err != nil {
		return nil, err
	}
	p.log.Info("message already processed", "mailbox", row.Mailbox, "uid", row.UID, "message_id", row.MessageID,
		"case", dup.CaseID, "first", dup.ID)
	return &Processed{UID: row.UID, MessageID: msg.MessageID, From: msg.From, Subject: msg.Subject, CaseID: dup.CaseID,
		Decision: row.Decision, Folder: row.Folder, Duplicate: true}, nil
}

// history parses the earlier messages of a case that count for its
// checklist (not the ignored or quarantined ones), oldest first, and
// returns them with the digests of their raw mail.
func (p *Pipeline) history(cfg *Config, caseID string) ([]*rules.Message, []string, error) {
	rows, err := p.store.CaseMessages(caseID)
	if err != nil {
		return nil, nil, err
	}
	return p.historyOf(cfg, caseID, rows)
}

// historyOf is history from the case's messages as CaseMessages lists them.
func (p *Pipeline) historyOf(cfg *Config, caseID string, rows []*MessageRow) ([]*rules.Message, []string, error) {
	var msgs []*rules.Message
	var sums []string
	for _, r := range rows {
		switch r.Action {
		case rules.ActionRequest, rules.ActionAsk, rules.ActionForward:
		default:
			continue
		}
		if !r.PrunedAt.IsZero() {
			continue // retention removed it: what it brought is asked for again
		}
		m, err := p.parseStored(cfg, r.SHA256)
		if err != nil {
			return nil, nil, fmt.Errorf("reading case %s history: %w", caseID, err)
		}
		msgs, sums = append(msgs, m), append(sums, r.SHA256)
	}
	return msgs, sums, nil
}

// parseStored parses a raw mail of the store, streaming it from its file,
// or returns it as parsed before (see parsedMail). A file whose bytes no
// longer hash to sum (spoilt on disk) is an error, never read as the mail
// it stood for. The parsed mail is shared: nothing may change it.
func (p *Pipeline) parseStored(cfg *Config, sum string) (*rules.Message, error) {
	if m := p.parsed.get(sum, cfg.Limits); m != nil {
		return m, nil
	}
	f, err := p.store.OpenRaw(sum)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	r := io.TeeReader(bufio.NewReaderSize(f, 64<<10), h) // the reader's own reads are small
	m, err := message.Parse(r, cfg.Limits)
	if err == nil {
		_, err = io.Copy(io.Discard, r) // what a limit left unread
	}
	if err != nil {
		return nil, fmt.Errorf("parsing %.12s: %w", sum, err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != sum {
		return nil, fmt.Errorf("parsing %.12s: the stored copy does not match its digest (now %.12s): spoilt on disk", sum, got)
	}
	p.parsed.put(sum, cfg.Limits, m)
	return m, nil
}

// plan is one message's decision and what it is about.
type plan struct {
	cfg  *Config
	now  time.Time
	uid  uint32 // the message's UID in the polled mailbox
	size int64  // its size as the server announced it
	msg  *rules.Message
	d    *rules.Decision
	msgs []*rules.Message // the case's messages, this one last
	sums []string         // the digests of their raw mail ("" when not fetched)
	c    *Case            // the case joined, or nil
	// update: c is with the engineers and msgs holds only this message.
	update bool
}

// plan turns a decision into the case change and the mail to queue.
func (p *Pipeline) plan(pl *plan, rec *Record) error {
	cfg, d := pl.cfg, pl.d
	switch d.Action {
	case rules.ActionQuarantine:
		kept := "It was not fetched."
		if sum := pl.sums[0]; sum != "" {
			kept = fmt.Sprintf("The raw mail is kept in the data directory as raw/%s/%s.eml; `intake check` on it shows the same decision.", sum[:2], sum)
		}
		answered := "No reply was sent."
		if d.Reason == message.ProblemTooLarge {
			ok, err := p.queueTooLarge(pl, rec)
			if err != nil {
				return err
			}
			if ok {
				answered = "The sender was told it was too large to read."
			}
		}
		notice, err := p.adminNotice(cfg, "quarantined:"+d.Reason, "", fmt.Sprintf("quarantined mail from %s: %s", orDash(pl.msg.From), d.Reason),
			fmt.Sprintf("A mail could not be read within the limits and was moved to %s. %s\n\nUID: %d in %s\nFrom: %s\nSubject: %s\nMessage-ID: <%s>\nReason: %s: %s\n\n%s\n",
				cfg.Mailbox.Folders.Failed, answered, pl.uid, cfg.Mailbox.Mailbox, orDash(pl.msg.From), pl.msg.Subject, pl.msg.MessageID, d.Reason, pl.msg.Detail, kept), pl.now)
		if err != nil {
			return err
		}
		if notice != nil {
			rec.Mail = append(rec.Mail, notice)
		}
		return nil
	case rules.ActionIgnore:
		if d.Reason == reasonBounce {
			if matched, err := p.planBounce(pl, rec); matched || err != nil {
				return err
			}
		}
		if pl.c != nil {
			c := *pl.c
			rec.Case = &c // recorded with the case for its history, no change
		}
		return nil
	}

	c := pl.c
	if c == nil {
		id, err := p.store.NextCaseID(cfg.Cases.Prefix, pl.now)
		if err != nil {
			return err
		}
		c = &Case{ID: id, CreatedAt: pl.now, Customer: customer(pl.msg), Subject: cleanSubject(pl.msg.Subject, cfg.Cases.Prefix)}
		rec.NewCase = true
	} else {
		cp := *c
		c = &cp
	}
	rec.Case, rec.Party = c, pl.msg.From
	if pl.update {
		c.UpdatedAt = pl.now
		return p.planUpdate(pl, rec, c)
	}
	wasForwarded := c.State == StateForwarded
	c.Scenario, c.Product, c.UpdatedAt = d.Scenario, d.Product, pl.now
	if c.State == StateClosed || c.State == StateFailed || c.State == "" {
		c.RemindedAt = time.Time{}
	}

	switch d.Action {
	case rules.ActionAsk, rules.ActionRequest:
		c.State = StateWaiting
		if !wasForwarded {
			return p.queueReply(pl, rec, c, replyKind(d.Action))
		}
		// A forwarded case that now looks incomplete (a later mail changed
		// the scenario) stays with the engineers; they get the update.
		c.State = StateForwarded
		return p.queueForward(pl, rec, c, "update")
	case rules.ActionForward:
		c.State = StateForwarded
		if wasForwarded {
			return p.queueForward(pl, rec, c, "update")
		}
		c.ForwardedAt = pl.now
		if err := p.queueForward(pl, rec, c, "forward"); err != nil {
			return err
		}
		return p.queueAcknowledgement(pl, rec, c)
	}
	return fmt.Errorf("planning: unknown action %q", d.Action)
}

// replyKind names the reply to a decision: request or ask.
func replyKind(action string) string {
	if action == rules.ActionAsk {
		return "ask"
	}
	return "request"
}

// queueAcknowledgement composes the customer's "complete, forwarded"
// reply, held until the case's forward is accepted, and the "received, in
// hand" reply that goes instead when the forward is refused for good.
func (p *Pipeline) queueAcknowledgement(pl *plan, rec *Record, c *Case) error {
	n := len(rec.Mail)
	if err := p.queueReply(pl, rec, c, mailer.KindForwarded); err != nil || len(rec.Mail) == n {
		return err // no reply: rate-limited, or no address
	}
	rec.Mail[n].State = OutboxHeld
	if err := p.queueReply(pl, rec, c, mailer.KindReceived); err != nil || len(rec.Mail) == n+1 {
		return err
	}
	rec.Mail[n+1].State = OutboxFallback
	return nil
}

// queuedKinds names the kinds of mail queued, leaving out the fallbacks,
// which go only when a forward is refused.
func queuedKinds(mail []*Outgoing) []string {
	var kinds []string
	for _, o := range mail {
		if o.State != OutboxFallback {
			kinds = append(kinds, o.Kind)
		}
	}
	return kinds
}

// queueReply composes the customer's reply of a kind (request, ask,
// forwarded), unless the sender's rate limit is reached.
func (p *Pipeline) queueReply(pl *plan, rec *Record, c *Case, kind string) error {
	cfg := pl.cfg
	to := strings.ToLower(replyTo(pl.msg, pl.c).Address)
	if to == "" {
		pl.d.Notes = append(pl.d.Notes, "no_reply_address: the sender's address cannot be read")
		return nil
	}
	if ok, err := p.replyAllowed(pl, rec, to, c.ID); !ok || err != nil {
		return err
	}
	tpl := cfg.Replies.For(kind, c.Scenario)
	data := replyData(cfg, c, pl.d)
	data.Customer = displayName(pl.msg)
	var atts []mailer.Attachment
	if kind == "request" {
		for _, it := range data.Missing {
			if it.Template == "" {
				continue
			}
			a, err := letterTemplate(cfg, cfg.Rules.Material(it.ID).Template)
			if err != nil {
				return err
			}
			atts = append(atts, a)
		}
	}
	out, err := p.compose(cfg, tpl, data, kind, c.ID, []string{to}, pl.msg, atts, nil, true, nil)
	if err != nil {
		return err
	}
	rec.Mail = append(rec.Mail, out)
	return nil
}

// reasonBounce is the ignore reason the rules give a bounce.
const reasonBounce = "bounce"

// planBounce matches a bounce to the mail of ours it returns, by our signed
// Message-ID in the returned headers. When the report says the mail failed,
// that mail is marked failed with the report, its case too, and the admin
// is told; the bounce is filed with the case. It reports whether the bounce
// was one of ours that failed.
func (p *Pipeline) planBounce(pl *plan, rec *Record) (bool, error) {
	sum := pl.sums[len(pl.sums)-1]
	if sum == "" {
		return false, nil
	}
	f, err := p.store.OpenRaw(sum)
	if err != nil {
		return false, err
	}
	defer f.Close()
	rep, err := readBounce(f, p.ids.Ours)
	if err != nil || rep == nil {
		return false, nil // not a report about our mail: an ignored bounce
	}
	o, err := p.store.OutboxByMessageID(rep.MessageID)
	if err != nil || o == nil {
		return false, err
	}
	if rep.Action != "failed" {
		pl.d.Notes = append(pl.d.Notes, fmt.Sprintf("delivery_report: %s mail <%s>: %s", o.Kind, o.MessageID, rep))
		return false, nil
	}
	why := rep.String()
	p.log.Warn("mail bounced", "kind", o.Kind, "case", o.CaseID, "to", o.Recipients, "message_id", o.MessageID, "status", rep.Status, "diagnostic", rep.Diagnostic)
	pl.d.Notes = append(pl.d.Notes, fmt.Sprintf("bounce_of: %s mail <%s>: %s", o.Kind, o.MessageID, why))
	rec.Bounced = &Bounced{OutboxID: o.ID, Why: why}
	if o.CaseID != "" {
		c, err := p.store.Case(o.CaseID)
		if err != nil {
			return false, err
		}
		if c != nil {
			cp := *c
			cp.State, cp.UpdatedAt = StateFailed, pl.now
			rec.Case = &cp
		}
	}
	if o.Kind == mailer.KindAdmin {
		return true, nil // the admin's address bounced: nobody to tell by mail
	}
	notice, err := p.adminNotice(pl.cfg, "bounced:"+o.Kind, o.CaseID, fmt.Sprintf("mail for case %s bounced", orDash(o.CaseID)),
		fmt.Sprintf("The %s mail %q to %s was accepted by the relay but came back undelivered:\n\nStatus: %s\nDiagnostic: %s\nMessage-ID: <%s>\n\nThe case is marked failed; see `intake cases show %s`.\n",
			o.Kind, o.Subject, strings.Join(o.Recipients, ", "), orDash(rep.Status), orDash(rep.Diagnostic), o.MessageID, orDash(o.CaseID)), pl.now)
	if err != nil {
		return false, err
	}
	if notice != nil {
		rec.Mail = append(rec.Mail, notice)
	}
	return true, nil
}

// queueTooLarge answers a mail too large to read, when the config has the
// too_large reply and the sender is one to answer: not one the ignore rules
// name by address or subject (the header was not read), and within the
// rate limit. It reports whether a reply was queued.
func (p *Pipeline) queueTooLarge(pl *plan, rec *Record) (bool, error) {
	cfg := pl.cfg
	to := pl.msg.From // the envelope has no Reply-To
	if cfg.Replies.TooLarge.Subject == "" || to == "" {
		return false, nil
	}
	probe := *pl.msg
	probe.Problem, probe.Detail = "", ""
	if d := cfg.Rules.Evaluate([]*rules.Message{&probe}); d.Action == rules.ActionIgnore && d.Reason != rules.ReasonNotRequest {
		return false, nil
	}
	n, err := p.store.RepliesTo(to, pl.now.Add(-time.Duration(cfg.Cases.RateWindow)))
	if err != nil {
		return false, err
	}
	if n >= cfg.Cases.RatePerSender {
		p.log.Warn("reply rate limit reached: no reply", "to", to, "replies", n)
		return false, nil
	}
	data := mailer.TooLargeData{Subject: pl.msg.Subject, Customer: displayName(pl.msg),
		Size: fmt.Sprintf("%.1f MiB", float64(pl.size)/float64(message.MiB)), Limit: cfg.Limits.MaxMessageBytes.String()}
	out, err := p.compose(cfg, &cfg.Replies.TooLarge, data, mailer.KindTooLarge, "", []string{to}, pl.msg, nil, nil, true, nil)
	if err != nil {
		return false, err
	}
	rec.Mail = append(rec.Mail, out)
	return true, nil
}

// queueForward composes the engineers' mail: the summary, every material
// file and the original mails.
func (p *Pipeline) queueForward(pl *plan, rec *Record, c *Case, kind string) error {
	cfg := pl.cfg
	rt := routeFor(cfg.Routes, c.Scenario, c.Product, pl.msg.From)
	if rt == nil {
		return fmt.Errorf("forwarding case %s: no route takes scenario %s, product %s (hint: end routes with one without conditions)", c.ID, c.Scenario, c.Product)
	}
	data := forwardData(cfg, c, pl.d, pl.msgs)
	files, names := materialFiles(pl.d, pl.msgs, pl.sums, p.storedFiles(cfg))
	var originals [][]byte
	var base int64 = 16 << 10 // the summary and the headers
	for i, sum := range pl.sums {
		if sum == "" {
			continue
		}
		o, err := p.strippedOriginal(cfg, sum, pl.msgs[i])
		if err != nil {
			return fmt.Errorf("forwarding case %s: %w", c.ID, err)
		}
		originals, base = append(originals, o), base+int64(len(o))+1024
	}
	data.Messages = len(originals)
	parts, err := p.fitFiles(pl, files, names, base, &data.Files, &data.Later, &data.Left)
	if err != nil {
		return err
	}
	out, err := p.compose(cfg, cfg.Replies.For(mailer.KindForward, c.Scenario), data, kind, c.ID, rt.To, pl.msg, parts[0], originals, false, replyTo(pl.msg, pl.c))
	if err != nil {
		return err
	}
	held, err := p.holdIfOver(pl, rec, c.ID, out)
	if err != nil {
		return err
	}
	rec.Mail = append(rec.Mail, out)
	if held {
		return nil
	}
	return p.queueParts(pl, rec, c, rt.To, out, parts[1:])
}

// sendStored sends an outbox mail from its file. A file that is gone is a
// permanent failure of the mail, as one spoilt on disk is (Send checks
// the digest).
func (p *Pipeline) sendStored(ctx context.Context, o *OutboxRow) error {
	f, err := p.store.OpenMail(o.File)
	if err != nil {
		return &mailer.SendError{Class: mailer.Permanent, Err: fmt.Errorf("sending <%s>: %w", o.MessageID, err)}
	}
	defer f.Close()
	return p.sender().Send(ctx, &mailer.Outgoing{MessageID: o.MessageID, From: o.EnvFrom, To: o.Recipients,
		Body: f, Size: o.Size, SHA256: o.File})
}

// compose renders a template and builds the mail.
func (p *Pipeline) compose(cfg *Config, tpl *mailer.Template, data any, kind, caseID string, to []string,
	inReplyTo *rules.Message, atts []mailer.Attachment, originals [][]byte, autoReply bool, replyTo *mail.Address) (*Outgoing, error) {
	subject, body, err := tpl.Render(data)
	if err != nil {
		return nil, fmt.Errorf("rendering %s mail: %w", kind, err)
	}
	spec := mailer.Spec{From: cfg.SMTP.From, To: to, ReplyTo: replyTo, Subject: subject, Body: body,
		MessageID: p.ids.New(caseID, kind), Date: p.Now(), AutoReply: autoReply, Loop: cfg.SMTP.fromAddress(),
		Attachments: atts, Originals: originals}
	if caseID != "" {
		spec.Headers = map[string]string{"X-Intake-Case": caseID}
	}
	if inReplyTo != nil && inReplyTo.MessageID != "" {
		spec.InReplyTo = inReplyTo.MessageID
		spec.References = append(append([]string{}, inReplyTo.References...), inReplyTo.MessageID)
	}
	// The mail goes straight into its file: its attachments stream from
	// the stored raw mail, never all in memory.
	var out *mailer.Outgoing
	sum, size, err := p.store.PutMail(func(w io.Writer) error {
		var err error
		out, err = mailer.ComposeTo(w, spec, autoReply)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("composing %s mail: %w", kind, err)
	}
	return &Outgoing{Kind: kind, MessageID: out.MessageID, EnvFrom: out.From, Recipients: out.To, Subject: subject, File: sum, Size: size,
		Kept: cfg.TriageOnly}, nil
}

// adminNotice composes a notice to the admin address. A notice of a kind
// of problem (not "") goes at most once a health.notice_window: within it,
// adminNotice returns nil and the next notice says how many were held back.
func (p *Pipeline) adminNotice(cfg *Config, problem, caseID, subject, text string, now time.Time) (*Outgoing, error) {
	return p.noticeOnce(cfg, problem, time.Duration(cfg.Health.NoticeWindow), caseID, subject, text, now)
}

// noticeOnce is adminNotice with its own window: a problem is told once
// per window, and the notice says how many of it were held back.
func (p *Pipeline) noticeOnce(cfg *Config, problem string, window time.Duration, caseID, subject, text string, now time.Time) (*Outgoing, error) {
	if problem != "" {
		send, held, err := p.store.TakeNotice(problem, now, window)
		if err != nil {
			return nil, err
		}
		if !send {
			p.log.Info("admin notice held back: one of its kind went within its window", "problem", problem, "window", window, "subject", subject)
			return nil, nil
		}
		if held > 0 {
			text += fmt.Sprintf("\n%d more notice(s) of this kind (%s) were held back within %s; "+
				"`intake failed` and `intake cases list --state failed` list them all.\n", held, problem, window)
		}
	}
	return p.compose(cfg, &cfg.Replies.Admin, mailer.AdminData{Subject: subject, Text: text}, "admin", caseID,
		[]string{cfg.SMTP.Admin}, nil, nil, nil, false, nil)
}

// NotifyAdmin queues a notice to the admin address; the next poll sends it.
func (p *Pipeline) NotifyAdmin(subject, text string) {
	cfg := p.Config()
	notice, err := p.adminNotice(cfg, "", "", subject, text, p.Now())
	if err == nil {
		err = p.store.QueueMail(notice, p.Now())
	}
	if err != nil {
		p.log.Error("admin notice not queued", "subject", subject, "err", err)
	}
}

// Metrics of polls, by mailbox (user@host/folder).
var (
	pollsDone = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "intake_polls_total",
		Help: "Polls of a mailbox, by mailbox and result (ok, error).",
	}, []string{"mailbox", "result"})
	pollDuration = promauto.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "intake_poll_duration_seconds",
		Help:    "How long reading a mailbox took, sending included.",
		Buckets: prometheus.ExponentialBuckets(0.05, 2, 14), // 50 ms to 7 min
	}, []string{"mailbox"})
	pollLastSuccess = promauto.NewGaugeVec(prometheus.GaugeOpts{
		Name: "intake_poll_last_success_timestamp_seconds",
		Help: "When the last poll of the mailbox without an error ended (unix seconds).",
	}, []string{"mailbox"})
)

// Metrics of the outbox's sends: replies, forwards, acknowledgements,
// reminders and admin notices by kind; failed attempts by kind and class
// (temporary, permanent, unknown, misconfigured).
var (
	mailsSent = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "intake_mail_sent_total",
		Help: "Mails intake sent, by kind (request, ask, received, forward, forwarded, update, reminder, closed, admin).",
	}, []string{"kind"})
	sendFailures = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "intake_send_failures_total",
		Help: "Failed attempts to send a mail, by kind and class (temporary, permanent, unknown, misconfigured).",
	}, []string{"kind", "class"})
)

// drain sends every mail that is due, retrying temporary failures with
// backoff and parking permanent ones (the admin is told). In triage-only
// mode it sends nothing.
func (p *Pipeline) drain(ctx context.Context, rep *Report) {
	if rep.unrecorded {
		return
	}
	cfg := p.Config()
	if cfg.TriageOnly {
		return
	}
	if p.Now().Before(p.smtpDownUntil) {
		return // the server was not reachable a moment ago: no try before then
	}
	due, err := p.store.DueOutbox(p.Now())
	if err != nil {
		rep.Errors = append(rep.Errors, err)
		return
	}
	if len(due) > 0 {
		// What leads to a mail is durable before it goes (see Store.Sync).
		if err := p.store.Sync(); err != nil {
			rep.Errors = append(rep.Errors, err)
			return
		}
	}
	settled := false // a forward was accepted or refused: mail held on it is due
	defer func() {
		if settled {
			p.drain(ctx, rep)
		}
	}()
	for _, o := range due {
		p.crash("before_send")
		err := p.sendStored(ctx, o)
		if err == nil {
			progressed(ctx)
			p.smtpDowns = 0
			p.crash("after_send")
			if err := p.store.MarkSent(o.ID, p.Now()); err != nil {
				// It will go again once the store takes writes: the
				// after-"." window, kept to this one mail.
				p.log.Error("mail sent but not recorded: no more mail goes out in this poll", "kind", o.Kind, "case", o.CaseID, "message_id", o.MessageID, "err", err)
				rep.Errors = append(rep.Errors, err)
				rep.unrecorded, settled = true, false
				return
			}
			rep.Sent++
			settled = settled || o.Kind == mailer.KindForward
			mailsSent.WithLabelValues(o.Kind).Inc()
			p.log.Info("mail sent", "kind", o.Kind, "case", o.CaseID, "to", o.Recipients, "message_id", o.MessageID)
			continue
		}
		var se *mailer.SendError
		permanent := errors.As(err, &se) && se.Class == mailer.Permanent
		class := "error"
		if se != nil {
			class = se.Class.String()
		}
		sendFailures.WithLabelValues(o.Kind, class).Inc()
		if se != nil && se.Class == mailer.Misconfigured {
			// Not the mail's fault: it waits, its tries untouched, and
			// so does the rest, until the config is fixed.
			p.log.Error("smtp is misconfigured: no mail goes out until the config is fixed", "kind", o.Kind, "case", o.CaseID, "err", err)
			if err := p.store.NoteSendError(o.ID, err.Error()); err != nil {
				rep.Errors = append(rep.Errors, err)
			}
			rep.Errors = append(rep.Errors, fmt.Errorf("sending %s mail %s: %w", o.Kind, o.MessageID, err))
			return
		}
		if !permanent && o.Attempts+1 < maxAttempts {
			next := p.Now().Add(backoff(o.Attempts))
			p.log.Warn("send failed, will retry", "kind", o.Kind, "case", o.CaseID, "attempt", o.Attempts+1, "next", next, "err", err)
			if err := p.store.MarkRetry(o.ID, next, err.Error()); err != nil {
				rep.Errors = append(rep.Errors, err)
			}
			rep.Errors = append(rep.Errors, fmt.Errorf("sending %s mail %s: %w", o.Kind, o.MessageID, err))
			if se != nil && se.Class == mailer.Temporary && se.Code == 0 {
				// The server is not reachable: the rest waits too, and
				// the next drains do not try before the backoff is over.
				p.smtpDownUntil = p.Now().Add(backoff(p.smtpDowns))
				p.smtpDowns++
				return
			}
			continue
		}
		p.log.Error("send failed for good", "kind", o.Kind, "case", o.CaseID, "to", o.Recipients, "err", err)
		rep.Errors = append(rep.Errors, fmt.Errorf("sending %s mail %s: %w", o.Kind, o.MessageID, err))
		var notice *Outgoing
		if o.Kind != "admin" {
			then := ""
			if o.Kind == mailer.KindForward {
				settled = true
				then = "The customer gets the \"received, in hand\" reply instead of \"forwarded\": pass the case to the engineers by hand.\n"
			}
			var nerr error
			notice, nerr = p.adminNotice(cfg, "undelivered:"+o.Kind, o.CaseID, fmt.Sprintf("mail for case %s not delivered", orDash(o.CaseID)),
				fmt.Sprintf("The %s mail %q to %s could not be delivered after %d attempt(s):\n%v\n\nThe case is marked failed; see `intake cases show %s`.\n%s",
					o.Kind, o.Subject, strings.Join(o.Recipients, ", "), o.Attempts+1, err, o.CaseID, then), p.Now())
			if nerr != nil {
				rep.Errors = append(rep.Errors, nerr)
			}
		}
		if err := p.store.MarkFailed(o.ID, fmt.Sprint(err), o.CaseID, notice, p.Now()); err != nil {
			rep.Errors = append(rep.Errors, err)
		}
	}
}

// maxAttempts bounds the tries of one mail (about a day with backoff).
const maxAttempts = 10

// backoff is the wait after the n-th failed attempt: 1m, 2m, 4m … up to 4h.
func backoff(n int) time.Duration {
	d := time.Minute << min(n, 8)
	return min(d, 4*time.Hour)
}

// housekeep reminds the customers of cases waiting too long, once, and
// closes those waiting longer still.
func (p *Pipeline) housekeep(cfg *Config) error {
	now := p.Now()
	pruned, err := p.store.Prune(now, cfg.Retention)
	if err != nil {
		return err
	}
	if pruned.Mail+pruned.Raw > 0 {
		p.log.Info("retention: old mail pruned", "sent_mail", pruned.Mail, "raw_mail", pruned.Raw, "bytes", pruned.Bytes)
	}
	cases, err := p.store.DueWaiting(now.Add(-time.Duration(cfg.Cases.RemindAfter)), now.Add(-time.Duration(cfg.Cases.CloseAfter)))
	if err != nil {
		return err
	}
	for _, c := range cases {
		idle := now.Sub(c.UpdatedAt)
		var kind string
		switch {
		case idle >= time.Duration(cfg.Cases.CloseAfter):
			kind = "closed"
		case c.RemindedAt.IsZero() && idle >= time.Duration(cfg.Cases.RemindAfter):
			kind = "reminder"
		default:
			continue
		}
		msgs, err := p.store.CaseMessages(c.ID)
		if err != nil {
			return err
		}
		var last *MessageRow
		for _, m := range msgs {
			if m.Action == rules.ActionRequest || m.Action == rules.ActionAsk {
				last = m
			}
		}
		if last == nil {
			continue
		}
		data := replyData(cfg, c, &last.Decision)
		data.Customer = c.Customer
		data.Days = int(idle.Hours() / 24)
		tpl := cfg.Replies.For(mailer.KindReminder, c.Scenario)
		switch {
		case kind == "closed":
			tpl, c.State = cfg.Replies.For(mailer.KindClosed, c.Scenario), StateClosed
		case last.Action == rules.ActionAsk:
			// Still no scenario: the reminder asks again which one.
			tpl, c.RemindedAt = cfg.Replies.For(mailer.KindAsk, c.Scenario), now
		default:
			c.RemindedAt = now
		}
		to := last.From
		prev := &rules.Message{MessageID: last.MessageID}
		out, err := p.compose(cfg, tpl, data, kind, c.ID, []string{to}, prev, nil, nil, true, nil)
		if err != nil {
			return err
		}
		if err := p.store.CommitCase(c, []*Outgoing{out}, now); err != nil {
			return err
		}
		p.log.Info("case "+kind, "case", c.ID, "idle", idle.Round(time.Hour))
	}
	return nil
}

// customer names the sender as "Name <address>", for people to read.
func customer(m *rules.Message) string {
	if m.FromName == "" {
		return m.From
	}
	return m.FromName + " <" + m.From + ">"
}

func displayName(m *rules.Message) string {
	if m.FromName != "" {
		return m.FromName
	}
	return m.From
}

var replyPrefix = regexp.MustCompile(`(?i)^\s*((re|fw|fwd|aw|sv|答复|回复|回覆|转发|轉寄|转寄)\s*(\[\d+\])?\s*[:：]\s*)+`)

// cleanSubject drops "Re:"/"Fwd:" prefixes and a case tag.
func cleanSubject(s, prefix string) string {
	for _, m := range slices.Backward(caseTag(prefix).FindAllStringSubmatchIndex(s, -1)) {
		s = s[:m[2]] + " " + s[m[3]:]
	}
	s = replyPrefix.ReplaceAllString(strings.TrimSpace(s), "")
	s = strings.TrimSpace(s)
	if s == "" {
		return "License"
	}
	return s
}

// crashPoint kills the process at a step named in INTAKE_CRASH_AT, for the
// crash tests (intake/crash_test.go). It does nothing otherwise.
var crashPoint = func(step string) {}
