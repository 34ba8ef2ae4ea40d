package intake

import (
	"fmt"
	"io"
	"strings"
)

// WriteReport prints what a poll did: one line a message, then the mail
// sent and the errors.
func WriteReport(w io.Writer, rep *Report) {
	for _, pr := range rep.Processed {
		d := pr.Decision
		what := d.Action
		if d.Scenario != "" {
			what += " " + d.Scenario
		}
		if d.Reason != "" {
			what += " (" + d.Reason + ")"
		}
		if len(d.Missing) > 0 {
			what += " missing " + strings.Join(d.Missing, ", ")
		}
		fmt.Fprintf(w, "uid %d  %-28s %s", pr.UID, orDash(pr.From), what)
		if pr.CaseID != "" {
			fmt.Fprintf(w, "  case %s", pr.CaseID)
		}
		if len(pr.Mail) > 0 {
			fmt.Fprintf(w, "  mail: %s", strings.Join(pr.Mail, ", "))
		}
		fmt.Fprintf(w, "  → %s\n", pr.Folder)
	}
	fmt.Fprintf(w, "%d message(s), %d mail sent, %d error(s)\n", len(rep.Processed), rep.Sent, len(rep.Errors))
}
