package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"

	"intake/intake"
	"intake/intake/imapbox"
	"intake/intake/message"
	"intake/mailer"
	"intake/rules"
)

// seedstore fills the data directory of a config as if intake had polled
// n generated mails (the mails of gen, without the large attachments)
// spread evenly over the last days, going through the store's own commit
// path: every message recorded with the decision the rules give its mail,
// a case for each request with its party, the replies and forwards sent
// (or, a few, kept or failed), follow-ups that complete two requests in
// five (one in ten of them from a colleague), reminders and closings as
// cases.remind_after and close_after have them, the mail filed, the
// checkpoint advanced, and retention applied as configured. Raw mail is
// written only for messages retention still keeps, and the bodies of sent
// mail only while retention keeps them: older ones are recorded as pruned,
// as a store that ran the whole time would have them.
func seedstore(args []string) error {
	fl := flag.NewFlagSet("seedstore", flag.ContinueOnError)
	cfgPath := fl.String("config", "", "the config whose data directory is filled")
	n := fl.Int("n", 100000, "mails the store has seen")
	days := fl.Int("days", 365, "days the mails are spread over, ending now")
	seed := fl.Uint64("seed", 3, "random seed")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *cfgPath == "" || fl.NArg() == 0 || *n <= 0 || *days <= 0 {
		return errors.New("usage: intakebench seedstore -config FILE [-n N] [-days D] TEMPLATE_DIR (one or more)")
	}
	cfg, err := intake.LoadConfig(*cfgPath)
	if err != nil {
		return err
	}
	var all []template
	for _, dir := range fl.Args() {
		ts, err := loadTemplates(dir)
		if err != nil {
			return err
		}
		all = append(all, ts...)
	}
	rng := rand.New(rand.NewPCG(*seed, 0x5eed))
	rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	st, err := intake.OpenStore(cfg.DataDir, nil)
	if err != nil {
		return err
	}
	defer st.Close()
	// A seeded store is made again, not recovered: no wait for the disk.
	if err := st.SetDurable(false); err != nil {
		return err
	}
	s, err := newSeeder(cfg, st, all, *n, time.Duration(*days)*24*time.Hour)
	if err != nil {
		return err
	}
	start := time.Now()
	if err := s.run(); err != nil {
		return err
	}
	counts, err := st.OutboxCounts()
	if err != nil {
		return err
	}
	fmt.Printf("seeded %d mails over %d days in %.0f s: %d cases, %d raw mails kept, outbox %v\n",
		*n, *days, time.Since(start).Seconds(), s.cases, s.rawKept, counts)
	return nil
}

// seeder plays the life of n mails against a store, oldest first.
type seeder struct {
	cfg      *intake.Config
	st       *intake.Store
	all      []template
	decided  map[string]*decided // by template name
	forwards map[string][]template
	n        int
	now      time.Time
	span     time.Duration
	key      string // the polled mailbox as the store names it
	from     string // intake's own address
	reply    []byte // the body of a reply, as large as a real one
	cases    int
	rawKept  int
	events   []event
	open     map[int]*seedCase // by the number of the mail that opened it
	filed    map[int64]imapbox.Filed
}

// decided is a template mail read and evaluated once.
type decided struct {
	msg *rules.Message
	d   rules.Decision
}

// seedCase is a case the seeder opened, as it stands.
type seedCase struct {
	c      *intake.Case
	sender string
	last   string // the Message-ID of the customer's last mail
}

// Events of a mail's life.
const (
	evArrive   = iota // the mail comes
	evFollowUp        // the customer sends what the request asked for
	evRemind          // the case waited remind_after
	evClose           // the case waited close_after
)

type event struct {
	at   time.Time
	kind int
	i    int // the mail
}

func newSeeder(cfg *intake.Config, st *intake.Store, all []template, n int, span time.Duration) (*seeder, error) {
	s := &seeder{cfg: cfg, st: st, all: all, n: n, span: span, now: time.Now(),
		decided: map[string]*decided{}, forwards: map[string][]template{},
		open: map[int]*seedCase{}, filed: map[int64]imapbox.Filed{},
		key:  fmt.Sprintf("%s@%s/%s", cfg.Mailbox.Username, cfg.Mailbox.Host, cfg.Mailbox.Mailbox),
		from: cfg.SMTP.Admin, reply: bytes.Repeat([]byte("Thank you for your request. The materials we still need are listed below.\r\n"), 20<<10/76)}
	for _, t := range all {
		msg, err := message.Parse(bytes.NewReader(t.raw), cfg.Limits)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", t.name, err)
		}
		d := cfg.Rules.Evaluate([]*rules.Message{msg})
		s.decided[t.name] = &decided{msg, d}
		if d.Action == rules.ActionForward {
			s.forwards[d.Scenario] = append(s.forwards[d.Scenario], t)
		}
	}
	remind, closeAfter := time.Duration(cfg.Cases.RemindAfter), time.Duration(cfg.Cases.CloseAfter)
	for i := range n {
		at := s.arrival(i)
		s.events = append(s.events, event{at, evArrive, i})
		t := s.template(i)
		switch d := s.decided[t.name].d; d.Action {
		case rules.ActionRequest, rules.ActionAsk:
			if i%5 < 2 && len(s.forwards[d.Scenario]) > 0 {
				s.events = append(s.events, event{at.Add(26 * time.Hour), evFollowUp, i})
				continue
			}
			s.events = append(s.events, event{at.Add(remind), evRemind, i}, event{at.Add(closeAfter), evClose, i})
		}
	}
	slices.SortStableFunc(s.events, func(a, b event) int { return a.at.Compare(b.at) })
	return s, nil
}

func (s *seeder) arrival(i int) time.Time {
	return s.now.Add(-s.span + time.Duration(i)*(s.span/time.Duration(s.n)))
}

func (s *seeder) template(i int) template { return s.all[i%len(s.all)] }

// run plays the events up to now, a day at a time: at the end of each day
// the mail due is sent, the day's mail filed and retention applied, as the
// polls of that day would.
func (s *seeder) run() error {
	day := time.Time{}
	for _, e := range s.events {
		if e.at.After(s.now) {
			continue
		}
		if d := e.at.Truncate(24 * time.Hour); !d.Equal(day) {
			if !day.IsZero() {
				if err := s.endOfDay(day.Add(24 * time.Hour)); err != nil {
					return err
				}
			}
			day = d
		}
		var err error
		switch e.kind {
		case evArrive:
			err = s.arrive(e.i, e.at)
		case evFollowUp:
			err = s.followUp(e.i, e.at)
		case evRemind, evClose:
			err = s.housekeep(e.i, e.at, e.kind == evClose)
		}
		if err != nil {
			return err
		}
	}
	if err := s.endOfDay(s.now); err != nil {
		return err
	}
	return s.st.AdvanceCheckpoint(s.key, 1, uint32(2*s.n))
}

// endOfDay sends the mail due by then (a forward in 250 is refused for
// good: its case fails and the admin is told), files the messages and
// applies retention.
func (s *seeder) endOfDay(end time.Time) error {
	if end.After(s.now) {
		end = s.now
	}
	for {
		due, err := s.st.DueOutbox(end)
		if err != nil || len(due) == 0 {
			if err == nil {
				break
			}
			return err
		}
		for _, o := range due {
			at := o.CreatedAt.Add(time.Minute)
			if o.Kind == mailer.KindForward && o.ID%250 == 0 {
				notice, err := s.mail(mailer.KindAdmin, o.CaseID, "mail for case "+o.CaseID+" not delivered", []string{s.cfg.SMTP.Admin}, at, 2<<10)
				if err != nil {
					return err
				}
				if err := s.st.MarkFailed(o.ID, "550 5.1.1 mailbox unavailable", o.CaseID, notice, at); err != nil {
					return err
				}
				continue
			}
			if err := s.st.MarkSent(o.ID, at); err != nil {
				return err
			}
		}
	}
	if err := s.st.MarkMoved(s.filed); err != nil {
		return err
	}
	clear(s.filed)
	_, err := s.st.Prune(end, s.cfg.Retention)
	return err
}

// keeps tells whether retention still keeps, now, what changed at t, with
// a day's margin (a mail of a case that changed later is kept longer).
func keeps(now, t time.Time, d intake.Duration) bool {
	return d == 0 || now.Sub(t) < time.Duration(d)+24*time.Hour
}

// mail makes an outgoing mail of a kind and stores it, with a body of
// size bytes while retention would keep it (else empty: all such mail
// shares the one empty file, which retention removes with the last row).
func (s *seeder) mail(kind, caseID, subject string, to []string, at time.Time, size int) (*intake.Outgoing, error) {
	o := &intake.Outgoing{Kind: kind, MessageID: fmt.Sprintf("seed.%s.%s.%d@example.test", kind, caseID, at.UnixNano()),
		EnvFrom: s.from, Recipients: to, Subject: subject}
	var raw []byte
	if keeps(s.now, at, s.cfg.Retention.Sent) || kind == mailer.KindAdmin {
		raw = append([]byte(fmt.Sprintf("Message-ID: <%s>\r\nSubject: %s\r\n\r\n", o.MessageID, subject)), bytes.Repeat(s.reply, size/len(s.reply)+1)[:size]...)
	}
	var err error
	o.File, o.Size, err = s.st.PutMail(func(w io.Writer) error { _, err := w.Write(raw); return err })
	return o, err
}

// rawOf makes mail i and stores its raw mail when retention keeps it,
// returning its digest and size.
func (s *seeder) rawOf(i int, t template, at time.Time) (string, int64, error) {
	raw := rewrite(t, i)
	if keeps(s.now, at, s.cfg.Retention.Cases) {
		s.rawKept++
		return s.st.PutRaw(bytes.NewReader(raw))
	}
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:]), int64(len(raw)), nil
}

// record makes the message row of mail i (sent by from) with its decision.
func (s *seeder) record(i int, t template, from string, at time.Time, d rules.Decision) (*intake.Record, error) {
	sum, size, err := s.rawOf(i, t, at)
	if err != nil {
		return nil, err
	}
	msg := s.decided[t.name].msg
	row := intake.MessageRow{Mailbox: s.key, UIDValidity: 1, UID: uint32(i + 1), MessageID: fmt.Sprintf("bench-%d@bench.example.test", i),
		SHA256: sum, Size: size, From: from, Subject: msg.Subject, ReceivedAt: at,
		Action: d.Action, Scenario: d.Scenario, Reason: d.Reason, Decision: d, Folder: s.folder(d.Action), Moved: true}
	return &intake.Record{Message: row}, nil
}

// folder is where a message of an action is filed.
func (s *seeder) folder(action string) string {
	f := s.cfg.Mailbox.Folders
	switch action {
	case rules.ActionForward:
		return f.Forwarded
	case rules.ActionRequest, rules.ActionAsk:
		return f.Waiting
	case rules.ActionQuarantine:
		return f.Failed
	}
	return f.Ignored
}

// sender is the address mail i comes from: its own for a request (as gen
// writes it), the template's for the rest.
func (s *seeder) sender(i int, t template) string {
	from := s.decided[t.name].msg.From
	if answered(s.decided[t.name].d.Action) && from != "" {
		return fmt.Sprintf("b%d.%s", i, from)
	}
	return from
}

func (s *seeder) commit(rec *intake.Record, at time.Time) error {
	id, err := s.st.Commit(rec, at)
	if err != nil {
		return err
	}
	s.filed[id] = imapbox.Filed{UIDValidity: 2, UID: imap.UID(rec.Message.UID)}
	return nil
}

// arrive records mail i as the pipeline decides it.
func (s *seeder) arrive(i int, at time.Time) error {
	t := s.template(i)
	dc := s.decided[t.name]
	from := s.sender(i, t)
	rec, err := s.record(i, t, from, at, dc.d)
	if err != nil {
		return err
	}
	switch dc.d.Action {
	case rules.ActionQuarantine:
		problem := "quarantined:" + dc.d.Reason
		send, _, err := s.st.TakeNotice(problem, at, time.Duration(s.cfg.Health.NoticeWindow))
		if err != nil {
			return err
		}
		if send {
			notice, err := s.mail(mailer.KindAdmin, "", "quarantined mail from "+from, []string{s.cfg.SMTP.Admin}, at, 2<<10)
			if err != nil {
				return err
			}
			rec.Mail = append(rec.Mail, notice)
		}
		return s.commit(rec, at)
	case rules.ActionIgnore:
		return s.commit(rec, at)
	}
	id, err := s.st.NextCaseID(s.cfg.Cases.Prefix, at)
	if err != nil {
		return err
	}
	c := &intake.Case{ID: id, State: intake.StateWaiting, Scenario: dc.d.Scenario, Product: dc.d.Product, Customer: from,
		Subject: dc.msg.Subject, CreatedAt: at, UpdatedAt: at}
	rec.Case, rec.NewCase, rec.Party, rec.Message.CaseID = c, true, from, id
	s.cases++
	if dc.d.Action == rules.ActionForward {
		if err := s.forward(rec, c, from, at, rec.Message.Size); err != nil {
			return err
		}
	} else {
		o, err := s.mail(replyKindOf(dc.d.Action), id, "Re: "+dc.msg.Subject, []string{from}, at, 20<<10)
		if err != nil {
			return err
		}
		// A reply in 150 waits for the admin: the sender hit a rate limit.
		o.Kept, o.Why = i%150 == 0, "reply rate limit reached"
		rec.Mail = append(rec.Mail, o)
		s.open[i] = &seedCase{c: c, sender: from, last: rec.Message.MessageID}
	}
	return s.commit(rec, at)
}

func replyKindOf(action string) string {
	if action == rules.ActionAsk {
		return mailer.KindAsk
	}
	return mailer.KindRequest
}

// forward completes a case: the forward to the engineers (with the
// customer's mail in it), the "forwarded" reply held on it and the
// "received" reply that goes instead if it is refused.
func (s *seeder) forward(rec *intake.Record, c *intake.Case, to string, at time.Time, size int64) error {
	c.State, c.ForwardedAt, c.UpdatedAt = intake.StateForwarded, at, at
	route := "engineers@example.test"
	if len(s.cfg.Routes) > 0 && len(s.cfg.Routes[0].To) > 0 {
		route = s.cfg.Routes[0].To[0]
	}
	for _, m := range []struct {
		kind, subject, to, state string
		size                     int
	}{
		{mailer.KindForward, "[" + c.ID + "] " + c.Subject, route, "", int(size)*4/3 + 16<<10},
		{mailer.KindForwarded, "Re: " + c.Subject, to, intake.OutboxHeld, 20 << 10},
		{mailer.KindReceived, "Re: " + c.Subject, to, intake.OutboxFallback, 20 << 10},
	} {
		o, err := s.mail(m.kind, c.ID, m.subject, []string{m.to}, at, m.size)
		if err != nil {
			return err
		}
		o.State = m.state
		rec.Mail = append(rec.Mail, o)
	}
	return nil
}

// followUp records the customer's second mail, which completes the case
// opened by mail i; one in ten comes from a colleague, who joins the case.
func (s *seeder) followUp(i int, at time.Time) error {
	sc := s.open[i]
	if sc == nil {
		return nil
	}
	delete(s.open, i)
	fw := s.forwards[sc.c.Scenario]
	t := fw[i%len(fw)]
	from := sc.sender
	if i%10 == 1 {
		local, dom, _ := strings.Cut(from, "@")
		from = "colleague." + local + "@" + dom
	}
	d := s.decided[t.name].d
	d.Notes = append(slices.Clip(d.Notes), "joined_case: "+sc.c.ID+" by a reply to our mail")
	rec, err := s.record(s.n+i, t, from, at, d)
	if err != nil {
		return err
	}
	rec.Message.CaseID, rec.Case, rec.Party = sc.c.ID, sc.c, from
	if err := s.forward(rec, sc.c, sc.sender, at, rec.Message.Size); err != nil {
		return err
	}
	return s.commit(rec, at)
}

// housekeep reminds the customer of a case still waiting, or closes it.
func (s *seeder) housekeep(i int, at time.Time, closing bool) error {
	sc := s.open[i]
	if sc == nil {
		return nil
	}
	kind := mailer.KindReminder
	if closing {
		kind = mailer.KindClosed
		sc.c.State = intake.StateClosed
		delete(s.open, i)
	} else {
		sc.c.RemindedAt = at
	}
	o, err := s.mail(kind, sc.c.ID, "Re: "+sc.c.Subject, []string{sc.sender}, at, 20<<10)
	if err != nil {
		return err
	}
	return s.st.CommitCase(sc.c, []*intake.Outgoing{o}, at)
}
