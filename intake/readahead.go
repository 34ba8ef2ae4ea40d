package intake

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/emersion/go-imap/v2"

	"intake/intake/imapbox"
	"intake/rules"
)

// The read-ahead fetches the next messages of a poll while the loop
// decides the one in hand: a batch of bodies comes in one UID FETCH, each
// is stored as it arrives and parsed on another core. Only reading runs
// ahead; every decision, commit and mail is still made one message at a
// time in UID order, so a crash or a stop loses nothing a poll without it
// would keep (a body read ahead and never decided is an unnamed file in
// raw/, fetched again by the next poll).
const (
	batchMails = 32      // messages in one UID FETCH
	batchBytes = 4 << 20 // announced bytes in one UID FETCH
	aheadMails = 128     // messages read but not yet decided
	aheadBytes = 16 << 20
)

// fetched is a message read ahead: its raw mail stored and parsed, or why
// it could not be.
type fetched struct {
	env   imapbox.Envelope
	ready chan struct{} // closed when the rest is set
	sum   string
	size  int64
	msg   *rules.Message
	err   error // fetching, storing or parsing; a lost connection is a *mailboxError
	// alone is the decision on msg as if it were the whole case, made
	// with the rules of config of (a whole config): a mail that joins no
	// case needs nothing else, and this takes it off the loop's core.
	alone *rules.Decision
	of    *Config
}

// readAhead reads the messages of one poll ahead of the loop.
type readAhead struct {
	p    *Pipeline
	name string // the mailbox's name in the config
	mb   Mailbox

	mu         sync.Mutex
	cond       *sync.Cond
	items      map[imap.UID]*fetched
	aheadMails int
	aheadBytes int64
	passed     imap.UID // the highest UID taken or skipped so far
	finished   bool     // run returned: nothing more is taken
	closed     bool

	done   chan struct{}
	parse  chan struct{} // one token per parse running
	parses sync.WaitGroup
}

// startReadAhead starts reading envs in order, skipping what want refuses
// (mail too large to fetch, done before, or waiting for its next try).
// Fetches run under work; no new batch starts once ctx ends or stop is
// called.
func (p *Pipeline) startReadAhead(ctx, work context.Context, name string, mb Mailbox, envs []imapbox.Envelope,
	want func(imapbox.Envelope) bool) *readAhead {
	ra := &readAhead{p: p, name: name, mb: mb, items: map[imap.UID]*fetched{}, done: make(chan struct{}),
		parse: make(chan struct{}, runtime.GOMAXPROCS(0))}
	ra.cond = sync.NewCond(&ra.mu)
	go ra.run(ctx, work, envs, want)
	return ra
}

func (ra *readAhead) run(ctx, work context.Context, envs []imapbox.Envelope, want func(imapbox.Envelope) bool) {
	defer close(ra.done)
	defer ra.parses.Wait()
	defer func() {
		ra.mu.Lock()
		ra.finished = true
		ra.cond.Broadcast()
		ra.mu.Unlock()
	}()
	var batch []*fetched
	var size int64
	flush := func() {
		ra.fetch(work, batch)
		batch, size = nil, 0
	}
	for _, env := range envs {
		if ctx.Err() != nil || work.Err() != nil || ra.isClosed() {
			return
		}
		if !want(env) {
			ra.pass(env.UID)
			continue
		}
		if len(batch) > 0 && (len(batch) == batchMails || size+env.Size > batchBytes || !ra.room(env.Size)) {
			flush()
		}
		if !ra.reserve(env.Size) {
			break // closed
		}
		batch = append(batch, &fetched{env: env, ready: make(chan struct{})})
		size += env.Size
		ra.mu.Lock()
		ra.items[env.UID] = batch[len(batch)-1]
		ra.mu.Unlock()
		ra.pass(env.UID)
	}
	if len(batch) > 0 && !ra.isClosed() {
		flush()
	}
}

// pass notes that the read-ahead took or skipped the message uid.
func (ra *readAhead) pass(uid imap.UID) {
	ra.mu.Lock()
	ra.passed = uid
	ra.cond.Broadcast()
	ra.mu.Unlock()
}

func (ra *readAhead) isClosed() bool {
	ra.mu.Lock()
	defer ra.mu.Unlock()
	return ra.closed
}

// room tells whether a message of size fits in the read-ahead now.
func (ra *readAhead) room(size int64) bool {
	ra.mu.Lock()
	defer ra.mu.Unlock()
	return ra.fits(size)
}

func (ra *readAhead) fits(size int64) bool {
	return ra.aheadMails == 0 || ra.aheadMails < aheadMails && ra.aheadBytes+size <= aheadBytes
}

// reserve waits until a message of size fits in the read-ahead and counts
// it in; false when the read-ahead was closed meanwhile.
func (ra *readAhead) reserve(size int64) bool {
	ra.mu.Lock()
	defer ra.mu.Unlock()
	for !ra.closed && !ra.fits(size) {
		ra.cond.Wait()
	}
	if ra.closed {
		return false
	}
	ra.aheadMails++
	ra.aheadBytes += size
	return true
}

// fetch reads a batch: each body is stored as it comes and parsed on
// another goroutine. A message the server did not send is gone; when the
// fetch fails, the messages it did not reach fail with it.
func (ra *readAhead) fetch(work context.Context, batch []*fetched) {
	byUID := make(map[imap.UID]*fetched, len(batch))
	envs := make([]imapbox.Envelope, len(batch))
	for i, f := range batch {
		byUID[f.env.UID], envs[i] = f, f.env
	}
	err := ra.mb.FetchAll(work, envs, func(env imapbox.Envelope, body io.Reader) {
		f := byUID[env.UID]
		delete(byUID, env.UID)
		f.sum, f.size, f.err = ra.p.store.PutRaw(readerFunc(func(b []byte) (int, error) {
			progressed(work)
			return body.Read(b)
		}))
		if f.err != nil {
			f.err = fmt.Errorf("storing: %w", f.err)
			close(f.ready)
			return
		}
		ra.p.crash("after_fetch")
		ra.parse <- struct{}{}
		ra.parses.Add(1)
		go func() {
			defer ra.parses.Done()
			defer func() { <-ra.parse }()
			defer close(f.ready)
			whole := ra.p.Config()
			cfg := whole.view(ra.name)
			if cfg == nil {
				f.err = errors.New("the mailbox left the config")
				return
			}
			if f.msg, f.err = ra.p.parseStored(cfg, f.sum); f.err == nil {
				d := cfg.Rules.Evaluate([]*rules.Message{f.msg})
				f.alone, f.of = &d, whole
			}
		}()
	})
	var lie *imapbox.SizeMismatchError
	for _, f := range batch {
		if _, open := byUID[f.env.UID]; !open {
			continue
		}
		switch {
		case err == nil:
			f.err = fmt.Errorf("fetching uid %d: %w", f.env.UID, imapbox.ErrNoSuchMessage)
		case errors.As(err, &lie) && lie.UID != f.env.UID:
			f.err = &mailboxError{fmt.Errorf("fetching uid %d: connection closed after uid %d: %w", f.env.UID, lie.UID, io.ErrUnexpectedEOF)}
		default:
			f.err = &mailboxError{err}
		}
		close(f.ready)
	}
}

// get returns the message env read ahead, waiting for it; a message the
// read-ahead did not take (it skipped it, or stopped early) is read now.
func (ra *readAhead) get(ctx context.Context, env imapbox.Envelope) *fetched {
	ra.mu.Lock()
	for ra.items[env.UID] == nil && ra.passed < env.UID && !ra.finished {
		ra.cond.Wait()
	}
	f := ra.items[env.UID]
	ra.mu.Unlock()
	if f == nil {
		f = &fetched{env: env, ready: make(chan struct{})}
		ra.fetch(ctx, []*fetched{f})
	}
	<-f.ready
	return f
}

// release counts a message out of the read-ahead once it was decided.
func (ra *readAhead) release(env imapbox.Envelope) {
	ra.mu.Lock()
	defer ra.mu.Unlock()
	if _, ok := ra.items[env.UID]; !ok {
		return
	}
	delete(ra.items, env.UID)
	ra.aheadMails--
	ra.aheadBytes -= env.Size
	ra.cond.Broadcast()
}

// stop ends the read-ahead and waits for the fetch in hand (bounded by its
// work context) and the parses running.
func (ra *readAhead) stop() {
	ra.mu.Lock()
	ra.closed = true
	ra.cond.Broadcast()
	ra.mu.Unlock()
	<-ra.done
}

// readerFunc turns a function into an io.Reader.
type readerFunc func([]byte) (int, error)

func (f readerFunc) Read(p []byte) (int, error) { return f(p) }
