package intake

import (
	"context"
	"fmt"

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
