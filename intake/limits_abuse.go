package intake

import (
	"fmt"
	"strings"
	"time"

	"intake/mailer"
)

// RateConfig is `cases.limits`: caps that keep a flood of mail (a loop,
// forged senders) from flooding customers, engineers or the admin.
type RateConfig struct {
	// ForwardsPerSender caps the cases one sender gets forwarded, and
	// ForwardsPerCase the mail to the engineers (forward and updates) about
	// one case, per cases.rate_window; mail over a cap is kept unsent for
	// the admin.
	ForwardsPerSender int `yaml:"forwards_per_sender"`
	ForwardsPerCase   int `yaml:"forwards_per_case"`
	// RepliesPerHour caps all automatic replies together; over it intake
	// answers nobody until the hour has passed, and tells the admin once.
	RepliesPerHour int `yaml:"replies_per_hour"`
	// LoopRefs is how many of intake's own Message-IDs a mail's
	// References may hold before it is taken for a loop with an
	// auto-responder that does not say it is one (each round adds one of
	// our replies); such mail is ignored.
	LoopRefs int `yaml:"loop_refs"`
}

func (r *RateConfig) setDefaults() {
	if r.ForwardsPerSender == 0 {
		r.ForwardsPerSender = 5
	}
	if r.ForwardsPerCase == 0 {
		r.ForwardsPerCase = 10
	}
	if r.RepliesPerHour == 0 {
		r.RepliesPerHour = 200
	}
	if r.LoopRefs == 0 {
		r.LoopRefs = 8
	}
}

// minLoopRefs is the least limits.loop_refs: a customer's answer to our
// reminder about our question already carries two of our ids.
const minLoopRefs = 3

func (r *RateConfig) validate() []problem {
	var probs []problem
	if r.LoopRefs < minLoopRefs {
		probs = append(probs, problem{"limits.loop_refs", fmt.Sprintf("cases.limits.loop_refs %d would take a customer's ordinary thread for a loop (hint: %d or more; 8 by default)", r.LoopRefs, minLoopRefs)})
	}
	return probs
}

// replyAllowed applies the global cap on automatic replies and the
// per-sender limit; when one cuts a reply off it notes it on the decision
// and tells the admin, once per window, in the same commit.
func (p *Pipeline) replyAllowed(pl *plan, rec *Record, to, caseID string) (bool, error) {
	cfg := pl.cfg
	hour := pl.now.Add(-time.Hour)
	all, err := p.store.RepliesSince(hour)
	if err != nil {
		return false, err
	}
	if all >= cfg.Cases.Limits.RepliesPerHour {
		p.log.Warn("automatic reply cap reached: no reply", "cap", cfg.Cases.Limits.RepliesPerHour, "to", to, "case", caseID)
		pl.d.Notes = append(pl.d.Notes, fmt.Sprintf("reply_cap: %d automatic replies within the hour, cases.limits.replies_per_hour is %d", all, cfg.Cases.Limits.RepliesPerHour))
		return false, p.tellAdminOnce(pl, rec, "reply_cap", time.Hour, caseID, "automatic replies stopped: replies_per_hour reached",
			fmt.Sprintf("intake sent %d automatic replies within the last hour, the cap cases.limits.replies_per_hour. It answers nobody until the hour has passed; mail is still read, recorded and forwarded. A flood of forged senders or a mail loop does this: see the log and `intake cases list`.\n", all))
	}
	window := time.Duration(cfg.Cases.RateWindow)
	n, err := p.store.RepliesTo(to, pl.now.Add(-window))
	if err != nil {
		return false, err
	}
	if n >= cfg.Cases.RatePerSender {
		p.log.Warn("reply rate limit reached: no reply", "to", to, "replies", n, "case", caseID, "message_id", pl.msg.MessageID)
		pl.d.Notes = append(pl.d.Notes, fmt.Sprintf("rate_limited: %d replies to %s within %s", n, to, cfg.Cases.RateWindow))
		return false, p.tellAdminOnce(pl, rec, "reply_rate:"+strings.ToLower(to), window, caseID, "reply rate limit reached for "+to,
			fmt.Sprintf("%s got %d automatic replies within %s (cases.rate_per_sender) and gets no more until the window has passed. Its mail is still read and recorded.\n", to, n, cfg.Cases.RateWindow))
	}
	return true, nil
}

// tellAdminOnce queues an admin notice that a limit was hit unless one of
// it went within the limit's own window (or is in this commit already):
// the admin hears of a cap once per window it is hit in, however much mail
// it stops, and health.notice_window plays no part.
func (p *Pipeline) tellAdminOnce(pl *plan, rec *Record, problem string, window time.Duration, caseID, subject, text string) error {
	for _, o := range rec.Mail {
		if o.Kind == mailer.KindAdmin && strings.Contains(o.Subject, subject) {
			return nil
		}
	}
	notice, err := p.noticeOnce(pl.cfg, problem, window, caseID, subject, text, pl.now)
	if err != nil || notice == nil {
		return err
	}
	rec.Mail = append(rec.Mail, notice)
	return nil
}

// holdIfOver keeps mail to the engineers that is over the forward caps in
// the outbox, unsent (state kept, for `intake release`), notes why on the
// decision and tells the admin once per cases.rate_window for the sender or
// case whose cap was hit. It reports whether it held.
func (p *Pipeline) holdIfOver(pl *plan, rec *Record, caseID string, out *Outgoing) (bool, error) {
	limit, who, why, err := p.forwardHeld(pl, caseID)
	if err != nil || why == "" {
		return false, err
	}
	out.State, out.Why = OutboxKept, why
	pl.d.Notes = append(pl.d.Notes, "forward_held: "+why)
	p.log.Warn("forward rate limit reached: mail held for the admin", "case", caseID, "from", pl.msg.From, "why", why)
	release := "--sender " + who
	if limit == "case" {
		release = "--case " + who
	}
	return true, p.tellAdminOnce(pl, rec, "forward_held:"+limit+":"+who, time.Duration(pl.cfg.Cases.RateWindow), caseID, "mail to the engineers held: "+limit+" "+who,
		fmt.Sprintf("Mail to the engineers is kept, not sent: %s.\nA loop or a flood of requests does this. `intake release` lists what is kept and why; `intake release %s` sends it. Further kept mail of this %s is not announced again within cases.rate_window %s.\n",
			why, release, limit, pl.cfg.Cases.RateWindow))
}

// forwardHeld reports whether mail to the engineers from this sender or
// about this case is over its cap: which limit ("sender" or "case"), whose
// (the address or the case id) and why; why is "" under both caps.
func (p *Pipeline) forwardHeld(pl *plan, caseID string) (limit, who, why string, err error) {
	cfg := pl.cfg
	since := pl.now.Add(-time.Duration(cfg.Cases.RateWindow))
	bySender, byCase, err := p.store.ForwardsSince(pl.msg.From, caseID, since)
	if err != nil {
		return "", "", "", err
	}
	switch {
	case bySender >= cfg.Cases.Limits.ForwardsPerSender:
		return "sender", strings.ToLower(pl.msg.From), fmt.Sprintf("%d cases of %s forwarded within %s (cases.limits.forwards_per_sender %d)", bySender, pl.msg.From, cfg.Cases.RateWindow, cfg.Cases.Limits.ForwardsPerSender), nil
	case byCase >= cfg.Cases.Limits.ForwardsPerCase:
		return "case", caseID, fmt.Sprintf("%d mails to the engineers about case %s within %s (cases.limits.forwards_per_case %d)", byCase, caseID, cfg.Cases.RateWindow, cfg.Cases.Limits.ForwardsPerCase), nil
	}
	return "", "", "", nil
}
