package intake

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// esc makes a value from mail safe to print on a terminal: control
// characters (an ESC starting a terminal sequence, CR, a newline that
// would forge a line of the listing) and the invisible direction marks that
// reorder what is shown become Go escapes (\x1b, \u202e); any script
// stays as it is.
func esc(s string) string {
	if strings.IndexFunc(s, needsEscape) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !needsEscape(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

func needsEscape(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029' || r == utf8.RuneError
}

// WriteCases lists cases one a line.
func WriteCases(w io.Writer, cases []*Case) {
	if len(cases) == 0 {
		fmt.Fprintln(w, "no cases")
		return
	}
	fmt.Fprintf(w, "%-18s %-10s %-16s %-9s %-16s %s\n", "CASE", "STATE", "SCENARIO", "PRODUCT", "UPDATED", "CUSTOMER / SUBJECT")
	for _, c := range cases {
		fmt.Fprintf(w, "%-18s %-10s %-16s %-9s %-16s %s — %s\n", c.ID, c.State, orDash(c.Scenario), orDash(c.Product),
			c.UpdatedAt.Local().Format("2006-01-02 15:04"), esc(c.Customer), esc(c.Subject))
	}
}

// WriteCase shows a case: every message with its decision and why, and
// every mail sent.
func WriteCase(w io.Writer, st *Store, id string) error {
	c, err := st.Case(id)
	if err != nil {
		return err
	}
	if c == nil {
		return fmt.Errorf("no case %s", id)
	}
	msgs, err := st.CaseMessages(id)
	if err != nil {
		return err
	}
	mail, err := st.CaseOutbox(id)
	if err != nil {
		return err
	}
	ts := func(t time.Time) string { return t.Local().Format("2006-01-02 15:04:05") }
	fmt.Fprintf(w, "case %s: %s\n  scenario: %s   product: %s\n  customer: %s\n  subject:  %s\n  parties:  %s\n  opened %s, updated %s",
		c.ID, c.State, orDash(c.Scenario), orDash(c.Product), esc(c.Customer), esc(c.Subject), esc(strings.Join(c.Parties, ", ")), ts(c.CreatedAt), ts(c.UpdatedAt))
	if !c.ForwardedAt.IsZero() {
		fmt.Fprintf(w, ", forwarded %s", ts(c.ForwardedAt))
	}
	if !c.RemindedAt.IsZero() {
		fmt.Fprintf(w, ", reminded %s", ts(c.RemindedAt))
	}
	fmt.Fprintf(w, "\n\nmessages (%d):\n", len(msgs))
	for i, m := range msgs {
		d := m.Decision
		fmt.Fprintf(w, "  %d. %s  uid %d  from %s\n     subject: %s\n     message-id: <%s>  sha256 %.12s…\n     decision: %s",
			i+1, ts(m.ReceivedAt), m.UID, esc(m.From), esc(m.Subject), esc(m.MessageID), m.SHA256, m.Action)
		if m.Reason != "" {
			fmt.Fprintf(w, " (%s)", m.Reason)
		}
		if m.Scenario != "" {
			fmt.Fprintf(w, ", scenario %s", m.Scenario)
		}
		fmt.Fprintf(w, " → %s\n", m.Folder)
		if !m.PrunedAt.IsZero() {
			fmt.Fprintf(w, "     raw mail pruned %s (retention.cases): a later mail of the case is read without it\n", ts(m.PrunedAt))
		}
		for _, why := range d.Why {
			fmt.Fprintf(w, "     why: %s\n", esc(why))
		}
		writeScoring(w, "     scores: ", "             ", d.Scoring)
		for _, it := range d.Checklist {
			mark, src := "✗", "missing"
			if it.Present {
				mark, src = "✓", it.Source
			}
			fmt.Fprintf(w, "       %s %s — %s\n", mark, it.Material, esc(src))
		}
		for _, n := range d.Notes {
			fmt.Fprintf(w, "     note: %s\n", esc(n))
		}
	}
	fmt.Fprintf(w, "\nmail (%d):\n", len(mail))
	for _, o := range mail {
		when := "not yet"
		if !o.SentAt.IsZero() {
			when = ts(o.SentAt)
		}
		fmt.Fprintf(w, "  - %s to %s: %q\n    %s, %d attempt(s), sent %s, message-id <%s>\n", o.Kind, esc(strings.Join(o.Recipients, ", ")),
			o.Subject, o.State, o.Attempts, when, o.MessageID)
		switch {
		case o.LastError != "" && o.State == OutboxKept:
			fmt.Fprintf(w, "    kept: %s\n", esc(o.LastError))
		case o.LastError != "":
			fmt.Fprintf(w, "    last error: %s\n", esc(o.LastError))
		}
		if !o.PrunedAt.IsZero() {
			fmt.Fprintf(w, "    mail itself pruned %s (retention.sent): envelope, subject and message-id kept\n", ts(o.PrunedAt))
		}
	}
	return nil
}

// WriteFailed lists the mail that failed: the messages waiting for another
// try, then those in the failed folder (unreadable, or given up after
// max_tries), newest first.
func WriteFailed(w io.Writer, st *Store) error {
	fs, err := st.Failures()
	if err != nil {
		return err
	}
	ms, err := st.Quarantined()
	if err != nil {
		return err
	}
	ts := func(t time.Time) string { return t.Local().Format("2006-01-02 15:04:05") }
	if len(fs) == 0 && len(ms) == 0 {
		fmt.Fprintln(w, "no failed mail")
		return nil
	}
	fmt.Fprintf(w, "to be tried again (%d):\n", len(fs))
	for _, f := range fs {
		fmt.Fprintf(w, "  uid %d of %s  %d tries since %s, next %s\n    last error: %s\n",
			f.UID, f.Mailbox, f.Tries, ts(f.FirstAt), ts(f.NextAt), f.LastError)
	}
	fmt.Fprintf(w, "in the failed folder (%d; `intake reprocess --mail N` takes #N again):\n", len(ms))
	for _, m := range ms {
		fmt.Fprintf(w, "  #%d  uid %d of %s  %s  from %s  subject %q\n    %s (%s) → %s\n",
			m.ID, m.UID, m.Mailbox, ts(m.ReceivedAt), esc(orDash(m.From)), m.Subject, m.Action, m.Reason, m.Folder)
		for _, why := range m.Decision.Why {
			fmt.Fprintf(w, "    why: %s\n", esc(why))
		}
	}
	return nil
}
