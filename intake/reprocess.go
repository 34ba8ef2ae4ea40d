package intake

import (
	"context"
	"fmt"

	"intake/intake/imapbox"
	"intake/rules"
)

// Reprocess evaluates a case again from its stored messages with the rules
// in use now (after a rules change). A case that has become complete and was
// not forwarded is forwarded and the customer told; with reply, a case still
// missing materials gets a new request listing them. Nothing is queued when
// dryRun is set. It returns the new decision and the kinds of mail queued.
func (p *Pipeline) Reprocess(ctx context.Context, caseID string, reply, dryRun bool) (*rules.Decision, []string, error) {
	cfg := p.Config()
	c, err := p.store.Case(caseID)
	if err != nil {
		return nil, nil, err
	}
	if c == nil {
		return nil, nil, fmt.Errorf("reprocessing: no case %s", caseID)
	}
	// The case is judged by the rules and routes of the mailbox its
	// newest mail came in by, as that mail was.
	rows, err := p.store.CaseMessages(caseID)
	if err != nil {
		return nil, nil, err
	}
	if len(rows) > 0 {
		cfg = cfg.viewOfKey(rows[len(rows)-1].Mailbox)
	}
	msgs, sums, err := p.history(cfg, caseID)
	if err != nil {
		return nil, nil, err
	}
	if len(msgs) == 0 {
		return nil, nil, fmt.Errorf("reprocessing %s: the case holds no request mail", caseID)
	}
	d := cfg.Rules.Evaluate(msgs)
	last := len(msgs) - 1
	pl := plan{cfg: cfg, now: p.Now(), msg: msgs[last], d: &d, msgs: msgs, sums: sums, c: c}
	rec := &Record{}
	// Mail composed but not committed (a dry run, a failure) leaves no file.
	defer func() { p.store.dropUnnamed(rec.Mail) }()
	cp := *c
	cp.Scenario, cp.Product, cp.UpdatedAt = d.Scenario, d.Product, pl.now
	switch {
	case d.Action == rules.ActionForward && c.State != StateForwarded:
		cp.State, cp.ForwardedAt = StateForwarded, pl.now
		if err := p.queueForward(&pl, rec, &cp, "forward"); err != nil {
			return nil, nil, err
		}
		if err := p.queueAcknowledgement(&pl, rec, &cp); err != nil {
			return nil, nil, err
		}
	case (d.Action == rules.ActionRequest || d.Action == rules.ActionAsk) && c.State != StateForwarded:
		cp.State = StateWaiting
		if reply {
			if err := p.queueReply(&pl, rec, &cp, replyKind(d.Action)); err != nil {
				return nil, nil, err
			}
		}
	}
	kinds := queuedKinds(rec.Mail)
	if dryRun {
		return &d, kinds, nil
	}
	if err := p.store.CommitCase(&cp, rec.Mail, pl.now); err != nil {
		return nil, nil, err
	}
	rep := &Report{}
	p.drain(ctx, rep)
	return &d, kinds, rep.Err()
}

// restorer is a mailbox that can move filed mail back to be read again.
// *imapbox.Mailbox is one.
type restorer interface {
	Restore(ctx context.Context, folder string, filed imapbox.Filed) error
}

// ReprocessMail takes a mail in the failed folder again (one given up
// after max_tries, or one that could not be read, after the cause was
// mended): it moves it back into the polled mailbox, where the next poll
// reads it as new mail, and takes it off the failed list. id is the
// message's number in `intake failed`.
func (p *Pipeline) ReprocessMail(ctx context.Context, id int64) error {
	row, err := p.store.Message(id)
	if err != nil {
		return err
	}
	if row == nil || row.Action != rules.ActionQuarantine {
		return fmt.Errorf("reprocessing mail #%d: no such mail in the failed folder (hint: `intake failed` lists them)", id)
	}
	cfg := p.Config().viewOfKey(row.Mailbox) // the mailbox it was read from
	filed, err := p.store.FiledAs(id)
	if err != nil {
		return err
	}
	if filed.UID == 0 {
		return fmt.Errorf("reprocessing mail #%d: the server did not say where it went (no UIDPLUS) (hint: move it from %s back to %s with a mail client; the next poll reads it)",
			id, row.Folder, cfg.Mailbox.Mailbox)
	}
	mb, err := p.dial(ctx, cfg)
	if err != nil {
		return fmt.Errorf("opening mailbox: %w", err)
	}
	defer mb.Close()
	r, ok := mb.(restorer)
	if !ok {
		return fmt.Errorf("reprocessing mail #%d: this mailbox cannot move mail back", id)
	}
	if err := r.Restore(ctx, row.Folder, filed); err != nil {
		return fmt.Errorf("reprocessing mail #%d: %w", id, err)
	}
	p.log.Info("mail moved back to be read again", "id", id, "uid", row.UID, "folder", row.Folder)
	return p.store.MarkReprocessed(id)
}
