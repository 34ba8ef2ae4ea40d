package intake

import (
	"fmt"
	"slices"
	"strings"

	"intake/mailer"
	"intake/rules"
)

// planUpdate decides what a new mail on a forwarded case causes. The
// engineers get a short update on the forward's thread with only what is
// new (new text, files not sent before); a mail that only thanks causes
// nothing or a one-line note (cases.thanks); the same request again tells
// the customer it is already in hand and sends the engineers nothing. The
// case's earlier mail is not read again: what was sent is known from the
// store.
func (p *Pipeline) planUpdate(pl *plan, rec *Record, c *Case) error {
	cfg, d := pl.cfg, pl.d
	c.State = StateForwarded
	rows, err := p.store.CaseMessages(c.ID)
	if err != nil {
		return err
	}
	known := map[string]bool{}
	for _, r := range rows {
		for _, a := range r.Decision.Attachments {
			known[a.SHA256] = true
		}
	}
	var files []mailer.Attachment
	var names, skipped []string
	for _, a := range pl.msg.Attachments {
		if a.Inline || known[a.SHA256] && !a.Skipped() {
			continue
		}
		f, ok := attachable(a, pl.sums[0], p.storedFiles(cfg))
		switch {
		case !ok && a.Size > 0:
			skipped = append(skipped, fmt.Sprintf("%s (%d bytes)", a.Name, a.Size))
		case ok:
			known[a.SHA256] = true
			files, names = append(files, f), append(names, fileLine(f))
		}
	}
	text := strings.TrimSpace(cfg.Rules.NewText(pl.msg))
	// The decision of an update is the case's, so that `cases show` and a
	// reprocess read it as a mail that went to the engineers.
	d.Action, d.Scenario, d.Product = rules.ActionForward, c.Scenario, c.Product
	d.Checklist, d.Present, d.Missing = nil, []string{}, []string{}

	switch {
	case len(files) == 0 && len(skipped) == 0 && cfg.Cases.Thanks.only(text, pl.msg.FromName):
		if cfg.Cases.Thanks.Engineers == "none" {
			d.Why = append(d.Why, "the case is with the engineers and the mail only thanks: nothing sent (cases.thanks.engineers: none)")
			return nil
		}
		d.Why = append(d.Why, "the case is with the engineers and the mail only thanks: a one-line note to them")
		return p.queueUpdate(pl, rec, c, mailer.UpdateData{Text: oneLine(text), Thanks: true})
	case len(files) == 0 && len(skipped) == 0 && (d.HasNote("already_in_hand") || repeatsRequest(c, d, rows)):
		if !d.HasNote("already_in_hand") {
			d.Notes = append(d.Notes, "already_in_hand: "+c.ID+": the same request again, after the forward")
		}
		d.Why = append(d.Why, "the case is with the engineers and the mail adds nothing: the customer is told it is in hand")
		return p.queueReply(pl, rec, c, mailer.KindForwarded)
	}
	d.Why = append(d.Why, fmt.Sprintf("the case is with the engineers: an update with %d new file(s) and the new text", len(files)))
	var notes []string
	for _, n := range d.Notes {
		if id := rules.NoteID(n); id == "attachment_skipped" || id == "joined_untagged" || id == "joined_colleague" {
			notes = append(notes, n)
		}
	}
	data := mailer.UpdateData{Text: text, Skipped: skipped, Notes: notes}
	parts, err := p.fitFiles(pl, files, names, 32<<10+int64(len(text)), &data.Files, &data.Later, &data.Left)
	if err != nil {
		return err
	}
	if err := p.queueUpdate(pl, rec, c, data, parts...); err != nil || len(skipped) == 0 {
		return err
	}
	// The customer is asked for what could not be read.
	return p.queueReply(pl, rec, c, mailer.KindForwarded)
}

// queueUpdate composes the engineers' update: on the forward's thread,
// Reply-To the customer, with only the new files and no original mail.
func (p *Pipeline) queueUpdate(pl *plan, rec *Record, c *Case, data mailer.UpdateData, parts ...[]mailer.Attachment) error {
	cfg := pl.cfg
	rt := routeFor(cfg.Routes, c.Scenario, c.Product, pl.msg.From)
	if rt == nil {
		return fmt.Errorf("updating case %s: no route takes scenario %s, product %s", c.ID, c.Scenario, c.Product)
	}
	// The forward's id and subject only: the outbox rows hold whole mails.
	fwdID, fwdSubject, err := p.store.CaseForward(c.ID)
	if err != nil {
		return err
	}
	thread := &rules.Message{MessageID: fwdID}
	data.Subject = fwdSubject
	if fwdID == "" {
		data.Subject = "[" + c.ID + "] " + c.Subject
	}
	data.CaseID, data.Customer = c.ID, customer(pl.msg)
	var files []mailer.Attachment
	if len(parts) > 0 {
		files = parts[0]
	}
	o, err := p.compose(cfg, &cfg.Replies.Update, data, mailer.KindUpdate, c.ID, rt.To, thread, files, nil, false, replyTo(pl.msg, pl.c))
	if err != nil {
		return err
	}
	held, err := p.holdIfOver(pl, rec, c.ID, o)
	if err != nil {
		return err
	}
	rec.Mail = append(rec.Mail, o)
	if len(parts) > 1 && !held {
		return p.queueParts(pl, rec, c, rt.To, o, parts[1:])
	}
	return nil
}

// repeatsRequest reports whether a decision states the same request as
// the case already holds: its scenario, and every field it gives with a
// value an earlier mail of the case gave.
func repeatsRequest(c *Case, d *rules.Decision, rows []*MessageRow) bool {
	if d.Scenario == "" || d.Scenario != c.Scenario || len(d.Fields) == 0 {
		return false
	}
	for id, v := range d.Fields {
		if !slices.ContainsFunc(rows, func(r *MessageRow) bool { return sameValue(v, r.Decision.Fields[id]) }) {
			return false
		}
	}
	return true
}

// oneLine joins the lines of a short text.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// orOctet is a content type, application/octet-stream when unknown.
func orOctet(ct string) string {
	if ct == "" {
		return "application/octet-stream"
	}
	return ct
}
