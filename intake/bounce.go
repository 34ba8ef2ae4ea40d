package intake

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/emersion/go-message"
)

// deliveryReport is what a bounce says about one of intake's own mails.
type deliveryReport struct {
	MessageID  string   // the returned mail's Message-ID, one of ours
	Action     string   // RFC 3464 action of the first failed recipient (or of the first one): failed, delayed, delivered…
	Status     string   // its status code, e.g. 5.1.1
	Diagnostic string   // its Diagnostic-Code, unfolded
	Recipients []string // the recipients that failed
}

// maxBounceText bounds what readBounce reads of a bounce's parts.
const maxBounceText = 1 << 20

var (
	bounceMessageID  = regexp.MustCompile(`(?im)^Message-ID:[ \t]*(?:\r?\n[ \t]+)?<([^>\s]+)>`) // go-mail folds it
	dsnField         = regexp.MustCompile(`(?im)^(Action|Status|Diagnostic-Code|Final-Recipient|Original-Recipient):[ \t]*(.*(?:\r?\n[ \t]+.*)*)`)
	plainBounceDelay = regexp.MustCompile(`(?i)\bdelay(ed)?\b|will (be )?retr(y|ied)|still trying`)
	blankLine        = regexp.MustCompile(`\r?\n[ \t]*\r?\n`)
)

// readBounce reads a bounce of one of intake's own mails: a delivery
// status notification (RFC 3464: multipart/report with a
// message/delivery-status part and the returned message or its headers),
// or a bounce some servers still write as plain text with the returned
// headers quoted. ours tells intake's Message-IDs (signed) from others. It
// returns nil when the bounce names none of intake's mails.
func readBounce(r io.Reader, ours func(id string) bool) (*deliveryReport, error) {
	e, err := message.Read(r)
	if err != nil && !message.IsUnknownCharset(err) && !message.IsUnknownEncoding(err) {
		return nil, fmt.Errorf("reading bounce: %w", err)
	}
	var status, text bytes.Buffer
	budget := int64(maxBounceText)
	var walk func(e *message.Entity, depth int) error
	walk = func(e *message.Entity, depth int) error {
		if mr := e.MultipartReader(); mr != nil && depth < 8 {
			for {
				p, err := mr.NextPart()
				if err == io.EOF {
					return nil
				}
				if err != nil && !message.IsUnknownCharset(err) && !message.IsUnknownEncoding(err) {
					return err
				}
				if err := walk(p, depth+1); err != nil {
					return err
				}
			}
		}
		mt, _, _ := e.Header.ContentType()
		dst := &text
		switch mt {
		case "message/delivery-status", "message/global-delivery-status":
			dst = &status
		case "message/rfc822", "message/global", "text/rfc822-headers", "message/global-headers", "text/plain", "":
		default:
			return nil // files, HTML: no headers quoted there
		}
		n, err := io.Copy(dst, io.LimitReader(e.Body, budget))
		budget -= n
		dst.WriteString("\n")
		return err
	}
	if err := walk(e, 0); err != nil {
		return nil, fmt.Errorf("reading bounce: %w", err)
	}

	rep := &deliveryReport{}
	for _, m := range bounceMessageID.FindAllStringSubmatch(text.String(), -1) {
		if ours(m[1]) {
			rep.MessageID = m[1]
			break
		}
	}
	if rep.MessageID == "" {
		return nil, nil
	}
	if status.Len() == 0 {
		// A plain-text bounce: a failure unless it says it is a delay.
		rep.Action = "failed"
		if plainBounceDelay.Match(text.Bytes()) {
			rep.Action = "delayed"
		}
		return rep, nil
	}
	// Per-recipient blocks follow the per-message one, separated by blank
	// lines; the first failed recipient speaks for the report.
	for _, block := range blankLine.Split(status.String(), -1) {
		f := map[string]string{}
		for _, m := range dsnField.FindAllStringSubmatch(block, -1) {
			f[strings.ToLower(m[1])] = strings.Join(strings.Fields(m[2]), " ")
		}
		action := strings.ToLower(f["action"])
		if action == "" {
			continue
		}
		if action == "failed" {
			_, rcpt, _ := strings.Cut(f["final-recipient"], ";")
			rep.Recipients = append(rep.Recipients, strings.TrimSpace(rcpt))
		}
		if rep.Action == "" || (action == "failed" && rep.Action != "failed") {
			rep.Action, rep.Status, rep.Diagnostic = action, f["status"], f["diagnostic-code"]
		}
	}
	return rep, nil
}

// String says what the report tells, for the outbox and the admin.
func (r *deliveryReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "bounced (%s)", orDash(r.Action))
	if r.Status != "" {
		b.WriteString(": " + r.Status)
	}
	if r.Diagnostic != "" {
		b.WriteString(" " + r.Diagnostic)
	}
	if len(r.Recipients) > 0 {
		b.WriteString(" for " + strings.Join(r.Recipients, ", "))
	}
	return b.String()
}
