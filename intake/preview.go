package intake

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"intake/intake/message"
	"intake/mailer"
	"intake/rules"
)

// Previewer composes the mail the daemon would send for a saved mail — the
// reply, the forward and its acknowledgement — with the daemon's own code,
// on a scratch store that Close throws away. Nothing is sent.
type Previewer struct {
	cfg *Config
	dir string
	st  *Store
	p   *Pipeline
}

// NewPreviewer opens a scratch store for previews.
func (c *Config) NewPreviewer(log *slog.Logger) (*Previewer, error) {
	dir, err := os.MkdirTemp("", "intake-preview-")
	if err != nil {
		return nil, fmt.Errorf("creating preview store: %w", err)
	}
	st, err := OpenStore(dir, log)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	p, err := NewPipeline(c, st, nil, nil, log)
	if err != nil {
		st.Close()
		os.RemoveAll(dir)
		return nil, err
	}
	return &Previewer{cfg: c, dir: dir, st: st, p: p}, nil
}

// Close removes the scratch store.
func (pv *Previewer) Close() error {
	err := pv.st.Close()
	return errors.Join(err, os.RemoveAll(pv.dir))
}

// Mail composes the mail a saved mail would cause as the first of a new
// case: none for mail that is ignored, an admin notice for mail that is
// quarantined.
func (pv *Previewer) Mail(path string) ([]*Outgoing, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening mail: %w", err)
	}
	sum, _, err := pv.st.PutRaw(f)
	f.Close()
	if err != nil {
		return nil, err
	}
	msg, err := pv.p.parseStored(pv.cfg, sum)
	if err != nil {
		return nil, err
	}
	msgs := []*rules.Message{msg}
	d := pv.cfg.Rules.Evaluate(msgs)
	rec := &Record{}
	pl := plan{cfg: pv.cfg, now: pv.p.Now(), msg: msg, d: &d, msgs: msgs, sums: []string{sum}}
	if err := pv.p.plan(&pl, rec); err != nil {
		return nil, err
	}
	// The "received" reply that would replace the acknowledgement if the
	// forward were refused is not what the mail causes.
	return slices.DeleteFunc(rec.Mail, func(o *Outgoing) bool { return o.State == OutboxFallback }), nil
}

// Preview shows (with show) and writes to outDir (when set) the mail a
// saved mail would cause.
func (pv *Previewer) Preview(w io.Writer, file string, show bool, outDir string) error {
	mail, err := pv.Mail(file)
	if err != nil {
		return err
	}
	if show && len(mail) == 0 {
		fmt.Fprintf(w, "   (no mail would be sent)\n\n")
	}
	for _, o := range mail {
		if show {
			if err := pv.WriteMail(w, o); err != nil {
				return err
			}
			fmt.Fprintln(w)
		}
		if outDir != "" {
			path, err := pv.SaveMail(outDir, file, o)
			if err != nil {
				return err
			}
			if show {
				fmt.Fprintf(w, "   written to %s\n\n", path)
			}
		}
	}
	return nil
}

// WriteMail shows a composed mail as its reader gets it: the headers that
// matter, the attachments with their sizes and the text.
func (pv *Previewer) WriteMail(w io.Writer, o *Outgoing) error {
	f, err := pv.st.OpenMail(o.File)
	if err != nil {
		return err
	}
	defer f.Close()
	m, err := message.Parse(f, message.DefaultLimits())
	if err != nil {
		return fmt.Errorf("reading back %s mail: %w", o.Kind, err)
	}
	fmt.Fprintf(w, "--- %s: %s\n", o.Kind, mailKinds[o.Kind])
	for _, h := range []string{"From", "To", "Reply-To", "Subject", "In-Reply-To", "References", "Auto-Submitted", "X-Intake-Case"} {
		if v := m.HeaderValue(h); v != "" {
			fmt.Fprintf(w, "%s: %s\n", h, v)
		}
	}
	for _, a := range m.Attachments {
		if a.Origin != rules.OriginDirect {
			continue // the files inside an attached original mail
		}
		fmt.Fprintf(w, "Attachment: %s (%s, %d bytes)\n", a.Name, a.ContentType, a.Size)
	}
	for _, f := range m.Forwarded {
		fmt.Fprintf(w, "Attachment: the original mail %q from %s (message/rfc822)\n", f.Subject, orDash(f.From))
	}
	fmt.Fprintf(w, "\n%s\n", strings.TrimRight(m.Body, "\n"))
	return nil
}

// mailKinds says what each kind of mail is.
var mailKinds = map[string]string{
	mailer.KindRequest:   "the reply asking for what is missing",
	mailer.KindAsk:       "the reply asking which process is meant",
	mailer.KindForward:   "the case as the engineers get it",
	mailer.KindForwarded: "the acknowledgement: complete, forwarded",
	mailer.KindReceived:  "the acknowledgement: received, in hand (the forward was refused)",
	mailer.KindTooLarge:  "the reply saying the mail is too large to read",
	mailer.KindAdmin:     "a notice to the admin",
}

// SaveMail writes a composed mail as name-kind.eml in dir, for a mail
// client to open.
func (pv *Previewer) SaveMail(dir, name string, o *Outgoing) (string, error) {
	if err := makeOutDir(dir); err != nil {
		return "", err
	}
	raw, err := pv.st.ReadMail(o.File)
	if err != nil {
		return "", err
	}
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	path := filepath.Join(dir, rules.SafeFileName(base+"-"+o.Kind+".eml"))
	if err := writeNoFollow(path, raw); err != nil {
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	return path, nil
}

// makeOutDir creates a folder that mail is written to (--out), refusing a
// symbolic link.
func makeOutDir(dir string) error {
	if info, err := os.Lstat(dir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return fmt.Errorf("writing to %s: it is a symbolic link, which --out does not follow (hint: name the directory itself)", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", dir, err)
	}
	return nil
}
