package intake

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/textproto"
	"slices"
	"strings"
	"time"

	"intake/intake/message"
	"intake/mailer"
	"intake/rules"
)

// ForwardConfig is the `forwards:` section of config.yaml: how large the
// engineers' mail may grow.
type ForwardConfig struct {
	// MaxBytes bounds one forward; the SMTP server's SIZE, once known,
	// bounds it too.
	MaxBytes message.ByteSize `yaml:"max_bytes"`
	// Oversize is what happens to files that do not fit: "split" sends
	// them in numbered mails on the forward's thread, "store" leaves them
	// in the data directory and lists them (name, size, SHA-256). A file
	// larger than a whole mail is always left in the store.
	Oversize string `yaml:"oversize"`
}

func (f *ForwardConfig) setDefaults() {
	if f.MaxBytes == 0 {
		f.MaxBytes = 25 * message.MiB
	}
	if f.Oversize == "" {
		f.Oversize = "split"
	}
}

func (f *ForwardConfig) validate() []problem {
	var probs []problem
	if f.Oversize != "split" && f.Oversize != "store" {
		probs = append(probs, problem{"oversize", fmt.Sprintf("unknown value %q (hint: split or store)", f.Oversize)})
	}
	if f.MaxBytes < 256*message.KiB {
		probs = append(probs, problem{"max_bytes", fmt.Sprintf("max_bytes %d is too small for a forward (hint: 25MiB)", f.MaxBytes)})
	}
	return probs
}

// sizeReporter is a Sender that knows the largest mail its server takes
// (SIZE in the EHLO answer; 0 while unknown).
type sizeReporter interface {
	MaxSize() int64
}

// sizeLearner is a Sender that can ask its server for SIZE before its
// first send in this process.
type sizeLearner interface {
	LearnSize(ctx context.Context) (int64, error)
}

// forwardBudget is the most bytes one mail to the engineers may have. The
// server's SIZE is asked for before the first forward of a process, so a
// fresh `intake poll --once` already fits it; a server that cannot be
// reached leaves forwards.max_bytes alone (the send will fail and retry).
func (p *Pipeline) forwardBudget(cfg *Config) int64 {
	budget := int64(cfg.Forwards.MaxBytes)
	var size int64
	switch s := p.sender().(type) {
	case sizeLearner:
		if cfg.TriageOnly {
			break // sends nothing, so asks the server nothing
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Duration(cfg.SMTP.Timeout))
		n, err := s.LearnSize(ctx)
		cancel()
		if err != nil {
			p.log.Warn("smtp SIZE not learnt: forwards.max_bytes alone bounds the forward", "err", err)
		}
		size = n
	case sizeReporter:
		size = s.MaxSize()
	}
	if size > 0 && size < budget {
		budget = size
	}
	return budget
}

// encodedSize estimates the bytes a file takes in a mail: base64 with
// line breaks, and its part headers.
func encodedSize(n int) int64 { return int64(n)*4/3 + int64(n)/38 + 600 }

// packFiles splits files, by their sizes, into those that go in the first
// mail (beside base bytes of summary and originals), those of further
// mails of at most budget bytes each (with split; none with store), and
// those too large for any mail. It returns indexes into sizes.
func packFiles(sizes []int, base, budget int64, split bool) (first []int, more [][]int, left []int) {
	// Smallest first: the most files travel, the largest stay behind.
	order := make([]int, len(sizes))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return sizes[a] - sizes[b] })
	used := base
	var rest []int
	for _, i := range order {
		if n := encodedSize(sizes[i]); used+n <= budget {
			first, used = append(first, i), used+n
			continue
		}
		rest = append(rest, i)
	}
	if !split {
		return first, nil, rest
	}
	const partBase = 8 << 10 // a part's own text and headers
	var cur []int
	used = partBase
	for _, i := range rest {
		n := encodedSize(sizes[i])
		if partBase+n > budget {
			left = append(left, i)
			continue
		}
		if used+n > budget {
			more, cur, used = append(more, cur), nil, partBase
		}
		cur, used = append(cur, i), used+n
	}
	if len(cur) > 0 {
		more = append(more, cur)
	}
	return first, more, left
}

// leftLine names a file left in the store for the engineers: name, size,
// SHA-256 and the stored mail that holds it.
func leftLine(name string, a mailer.Attachment, sum string) string {
	return fmt.Sprintf("%s (%d bytes, sha256 %s; in raw/%s/%s.eml of the data directory)", name, a.Len(), a.Digest(), sum[:2], sum)
}

// strippedOriginal is a customer's mail as the forward attaches it: its
// header fields that say who wrote what when, and its text, without the
// files the forward attaches itself (listed at the end), so that each
// file travels once.
func (p *Pipeline) strippedOriginal(cfg *Config, sum string, msg *rules.Message) ([]byte, error) {
	f, err := p.store.OpenRaw(sum)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	hdr, err := textproto.NewReader(bufio.NewReader(io.LimitReader(f, int64(cfg.Limits.MaxHeaderBytes)))).ReadMIMEHeader()
	if err != nil && len(hdr) == 0 {
		return nil, fmt.Errorf("reading the header of %.12s: %w", sum, err)
	}
	var b bytes.Buffer
	for _, k := range []string{"From", "Sender", "Reply-To", "To", "Cc", "Date", "Subject", "Message-Id", "In-Reply-To", "References"} {
		for _, v := range hdr.Values(k) {
			// Values come unfolded and still encoded: written back as
			// they came, one line each.
			fmt.Fprintf(&b, "%s: %s\r\n", k, strings.ReplaceAll(strings.ReplaceAll(v, "\r", ""), "\n", ""))
		}
	}
	b.WriteString("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
	body := msg.Body
	if body == "" {
		body = msg.AltBody
	}
	b.WriteString(strings.ReplaceAll(strings.TrimRight(body, "\n"), "\n", "\r\n"))
	b.WriteString("\r\n")
	var files []string
	for _, a := range msg.Attachments {
		if a.Inline || a.Origin != rules.OriginDirect {
			continue
		}
		files = append(files, fmt.Sprintf("  - %s (%d bytes, sha256 %s)", a.Name, a.Size, a.SHA256))
	}
	if len(files) > 0 {
		b.WriteString("\r\n[intake: the files of this mail, each attached to the forward once or listed there as left in the store]\r\n")
		b.WriteString(strings.Join(files, "\r\n"))
		b.WriteString("\r\n")
	}
	return b.Bytes(), nil
}

// fitFiles packs the files of a forward or update into mails that fit the
// budget (forwards.max_bytes and the server's SIZE). It returns the files
// of each mail, the first being the forward itself, and fills the names of
// the files the first mail attaches, those that follow in numbered mails
// and those left in the store.
func (p *Pipeline) fitFiles(pl *plan, files []mailer.Attachment, names []string, base int64, attached, later, left *[]string) ([][]mailer.Attachment, error) {
	cfg := pl.cfg
	sizes := make([]int, len(files))
	for i, f := range files {
		sizes[i] = int(f.Len())
	}
	budget := p.forwardBudget(cfg)
	first, more, rest := packFiles(sizes, base, budget, cfg.Forwards.Oversize == "split")
	slices.Sort(first)
	parts := [][]mailer.Attachment{nil}
	for _, i := range first {
		parts[0] = append(parts[0], files[i])
		*attached = append(*attached, names[i])
	}
	for n, group := range more {
		var part []mailer.Attachment
		for _, i := range group {
			part = append(part, files[i])
			*later = append(*later, fmt.Sprintf("%s (mail %d of %d)", names[i], n+2, len(more)+1))
		}
		parts = append(parts, part)
	}
	for _, i := range rest {
		*left = append(*left, leftLine(names[i], files[i], holder(pl, files[i])))
	}
	if len(rest) > 0 {
		pl.d.Notes = append(pl.d.Notes, fmt.Sprintf("files_left_in_store: %d file(s) too large for a mail of %d bytes stayed in the data directory", len(rest), budget))
	}
	return parts, nil
}

// holder returns the digest of the stored mail that carried a file.
func holder(pl *plan, a mailer.Attachment) string {
	sum := a.Digest()
	for i, m := range pl.msgs {
		for _, b := range m.Attachments {
			if b.SHA256 == sum && i < len(pl.sums) && pl.sums[i] != "" {
				return pl.sums[i]
			}
		}
	}
	return strings.Repeat("0", 64)
}

// queueParts queues the numbered mails that carry the files the first one
// had no room for, on its thread.
func (p *Pipeline) queueParts(pl *plan, rec *Record, c *Case, to []string, first *Outgoing, parts [][]mailer.Attachment) error {
	for n, files := range parts {
		var listed []string
		for _, f := range files {
			listed = append(listed, fileLine(f))
		}
		data := mailer.UpdateData{CaseID: c.ID, Subject: fmt.Sprintf("%s (%d/%d)", first.Subject, n+2, len(parts)+1),
			Customer: customer(pl.msg), Files: listed,
			Text: fmt.Sprintf("Files of case %s that did not fit in one mail: mail %d of %d. 案例材料分多封发送：第%d封，共%d封。", c.ID, n+2, len(parts)+1, n+2, len(parts)+1)}
		o, err := p.compose(pl.cfg, &pl.cfg.Replies.Update, data, mailer.KindForward, c.ID, to, &rules.Message{MessageID: first.MessageID},
			files, nil, false, replyTo(pl.msg, pl.c))
		if err != nil {
			return err
		}
		rec.Mail = append(rec.Mail, o)
	}
	return nil
}

// fileLine names a file for the engineers: name, size and SHA-256.
func fileLine(a mailer.Attachment) string {
	return fmt.Sprintf("%s (%d bytes, sha256 %s)", a.Name, a.Len(), a.Digest())
}

// storedFiles opens the files of the case's raw mail that the reader did
// not hold (larger than message.MaxHeldBytes) when a forward attaches
// them: each is read out of its stored mail again, as the forward is
// written, and its digest checked at the end, so that a mail spoilt on
// disk fails the forward rather than send another file.
func (p *Pipeline) storedFiles(cfg *Config) fileOpener {
	return func(sum string, a rules.Attachment) func() (io.ReadCloser, error) {
		return func() (io.ReadCloser, error) {
			f, err := p.store.OpenRaw(sum)
			if err != nil {
				return nil, err
			}
			pr, pw := io.Pipe()
			go func() {
				defer f.Close()
				got, err := message.CopyFile(pw, f, cfg.Limits, a.Part)
				if err == nil && got != a.SHA256 {
					err = fmt.Errorf("file %s of %.12s does not match its digest %.12s (now %.12s): spoilt on disk", a.Name, sum, a.SHA256, got)
				}
				pw.CloseWithError(err)
			}()
			return pr, nil
		}
	}
}
