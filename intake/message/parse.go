// Package message reads one raw mail, within limits, into the rules.Message
// the rules evaluate: header fields, body text, files (inside .zip archives
// and attached messages too) and the problems that make a mail unreadable.
// It does no I/O beyond the reader it is given.
package message

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/mail"
	"net/textproto"
	"net/url"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	gomessage "github.com/emersion/go-message"
	mtextproto "github.com/emersion/go-message/textproto"

	"intake/rules"
)

// Quarantine reasons set in rules.Message.Problem.
const (
	ProblemTooLarge     = "too_large"
	ProblemTooDeep      = "too_deep"
	ProblemTooManyParts = "too_many_parts"
	ProblemMalformed    = "malformed"
)

// Sizes of the parts of a file kept beside Data.
const (
	maxHeadBytes           = 512      // rules.Attachment.Head
	maxAttachmentTextBytes = 64 << 10 // rules.Attachment.Text
)

// Parse reads one email from r and returns it as the rules see it.
//
// The error is only for read errors of r itself. Every problem with the
// content gives a message with Problem and Detail set (see rules.Message),
// with whatever header fields could be read filled in. Problems with single
// files (too large, archive bombs, undecodable parts) do not set Problem:
// they are skipped and reported in Notes. Parse reads at most
// lim.MaxMessageBytes+1 bytes of r and keeps memory bounded by lim; zero
// fields of lim take the defaults of DefaultLimits.
//
// A header block over MaxHeaderBytes makes the message "malformed" when it is
// the message's own header; a part or attached message with such a header is
// skipped with a "header_too_large" note.
func Parse(r io.Reader, lim Limits) (msg *rules.Message, err error) {
	p := &mimeParser{lim: lim.WithDefaults()}
	p.src = &sourceReader{r: r, left: int64(p.lim.MaxMessageBytes)}
	defer func() {
		if v := recover(); v != nil {
			msg, err = p.top, nil
			if msg == nil {
				msg = &rules.Message{}
			}
			msg.Problem, msg.Detail = ProblemMalformed, fmt.Sprintf("reader failure: %v", v)
		}
	}()

	msg = p.message(p.src, 0)
	if !p.stopped() {
		io.Copy(io.Discard, p.src) // the rest decides whether the message is too large
	}
	if p.src.err != nil {
		return nil, fmt.Errorf("reading message: %w", p.src.err)
	}
	if p.src.tooLarge {
		p.problem, p.detail = ProblemTooLarge, fmt.Sprintf("message larger than %d bytes", p.lim.MaxMessageBytes)
	}
	msg.Problem, msg.Detail = p.problem, p.detail
	return msg, nil
}

// mimeParser holds the state of one Parse call, shared by the message and
// the messages attached to it, so that limits count through them.
type mimeParser struct {
	lim          Limits
	src          *sourceReader
	top          *rules.Message
	parts        int   // MIME parts seen
	archiveBytes int64 // bytes expanded from archives
	files        int   // file parts met, in order: rules.Attachment.Part
	extract      *extraction
	problem      string
	detail       string
}

// fail records the first problem that makes the message unreadable.
func (p *mimeParser) fail(problem, detail string) {
	if p.problem == "" {
		p.problem, p.detail = problem, detail
	}
}

// stopped reports whether reading must stop: a problem was found or the
// source failed or ran over the size limit.
func (p *mimeParser) stopped() bool {
	return p.problem != "" || p.src.tooLarge || p.src.err != nil || p.extract != nil && p.extract.done
}

// msgState is one message being read, with its text collected so far.
type msgState struct {
	msg         *rules.Message
	plain, html strings.Builder
	truncated   bool
	noted       map[string]bool
	cids        map[string]bool // Content-IDs the HTML body shows (src="cid:…")
	partIDs     map[int]string  // the Content-ID of an attachment, by index
}

// note adds a reader remark ("id: text") to the message.
func (m *msgState) note(format string, args ...any) {
	m.addNote(fmt.Sprintf(format, args...))
}

// addNote adds a remark to the message unless it is there already.
func (m *msgState) addNote(n string) {
	if m.noted == nil {
		m.noted = map[string]bool{}
	}
	if !m.noted[n] {
		m.noted[n] = true
		m.msg.Notes = append(m.msg.Notes, n)
	}
}

// message reads one mail, the top-level one or an attached one, from r.
func (p *mimeParser) message(r io.Reader, depth int) *rules.Message {
	m := &msgState{msg: &rules.Message{Header: textproto.MIMEHeader{}}}
	if p.top == nil {
		p.top = m.msg
	}
	body := bufio.NewReader(r)
	h, err := readHeader(body, int64(p.lim.MaxHeaderBytes), true)
	fillHeader(m.msg, h)
	switch {
	case p.stopped():
		return m.msg
	case errors.Is(err, errHeaderTooLarge) && depth == 0:
		p.fail(ProblemMalformed, fmt.Sprintf("header_too_large: header block over %d bytes", p.lim.MaxHeaderBytes))
		return m.msg
	case errors.Is(err, errHeaderTooLarge):
		m.note("header_too_large: attached message: header block over %d bytes, skipped", p.lim.MaxHeaderBytes)
		return m.msg
	case h.Len() == 0 && depth == 0:
		p.fail(ProblemMalformed, "no header fields")
		return m.msg
	}
	p.entity(m, h, body, depth)
	m.finish(p.lim)
	return m.msg
}

// fillHeader sets the header fields of msg from h.
func fillHeader(msg *rules.Message, h mtextproto.Header) {
	for f := h.Fields(); f.Next(); {
		msg.Header.Add(f.Key(), decodeWords(f.Value()))
	}
	if ids := parseMessageIDs(h.Get("Message-Id")); len(ids) > 0 {
		msg.MessageID = ids[0]
	}
	msg.InReplyTo = parseMessageIDs(h.Get("In-Reply-To"))
	msg.References = parseMessageIDs(h.Get("References"))
	msg.From, msg.FromName = parseMailbox(h.Get("From"))
	msg.To = parseAddressList(append(h.Values("To"), h.Values("Cc")...))
	msg.Subject = strings.TrimSpace(decodeWords(h.Get("Subject")))
	msg.Date, _ = mail.ParseDate(h.Get("Date")) // zero when unreadable
	msg.MediaType, msg.Params = contentType(h)
}

// contentType returns the lower-case media type of an entity and its
// parameters; text/plain when it is missing or unreadable (RFC 2045).
func contentType(h mtextproto.Header) (string, map[string]string) {
	t, params := parseParams(h.Get("Content-Type"))
	if f := strings.Fields(t); len(f) > 0 {
		t = f[0] // QUIRK: "text/html charset=..." without ";" (TestRealworldQuirks mail__mime-bad-content-type.eml)
	}
	if !strings.Contains(t, "/") {
		t = "text/plain"
	}
	return t, params
}

// entity reads one MIME entity whose header is h.
func (p *mimeParser) entity(m *msgState, h mtextproto.Header, body io.Reader, depth int) {
	mediaType, params := contentType(h)
	if strings.HasPrefix(mediaType, "multipart/") {
		if params["boundary"] != "" {
			p.multipart(m, body, params["boundary"], depth)
			return
		}
		// QUIRK: multipart without a boundary is read as text
		// (TestRealworldQuirks mail__multipart-wo-boundary.eml).
		mediaType = "text/plain"
	}
	p.leaf(m, h, mediaType, params, body, depth)
}

// multipart reads the parts of a multipart body one level below depth.
func (p *mimeParser) multipart(m *msgState, body io.Reader, boundary string, depth int) {
	mr := newMultipartReader(body, boundary)
	for n := 1; !p.stopped(); n++ {
		h, part, err := mr.nextPart(int64(p.lim.MaxHeaderBytes))
		switch {
		case err == io.EOF || p.stopped():
			return
		case err != nil && !errors.Is(err, errHeaderTooLarge):
			m.note("malformed_multipart: %v", err)
			return
		}
		p.parts++
		switch {
		case p.parts > p.lim.MaxParts:
			p.fail(ProblemTooManyParts, fmt.Sprintf("more than %d MIME parts", p.lim.MaxParts))
			return
		case depth+1 > p.lim.MaxDepth:
			p.fail(ProblemTooDeep, fmt.Sprintf("MIME parts nested deeper than %d", p.lim.MaxDepth))
			return
		case err != nil:
			m.note("header_too_large: part %d: header block over %d bytes, skipped", n, p.lim.MaxHeaderBytes)
			continue
		}
		p.entity(m, h, part, depth+1)
	}
}

// reportTypes are parts of delivery and read reports, of no interest.
var reportTypes = map[string]bool{
	"message/delivery-status":                 true,
	"message/global-delivery-status":          true,
	"message/disposition-notification":        true,
	"message/global-disposition-notification": true,
	"text/rfc822-headers":                     true,
}

// leaf reads a non-multipart entity: body text, an attached message or a file.
func (p *mimeParser) leaf(m *msgState, h mtextproto.Header, mediaType string, params map[string]string, raw io.Reader, depth int) {
	disposition, dparams := parseParams(h.Get("Content-Disposition"))
	name := fileName(dparams, params)
	body, err := transferDecoded(h, raw)
	if err != nil {
		m.note("unknown_encoding: %q: kept as sent", h.Get("Content-Transfer-Encoding"))
	}
	switch {
	case reportTypes[mediaType]:
	case mediaType == "message/rfc822" || mediaType == "message/global":
		p.forward(m, body, depth+1, name)
	case (mediaType == "text/plain" || mediaType == "text/html") && name == "" && disposition != "attachment":
		p.text(m, mediaType, params["charset"], body)
	default:
		inline := disposition == "inline" || disposition == "" && h.Get("Content-Id") != ""
		if id := contentID(h.Get("Content-Id")); id != "" {
			if m.partIDs == nil {
				m.partIDs = map[int]string{}
			}
			m.partIDs[len(m.msg.Attachments)] = id
		}
		p.attachment(m, mediaType, params["charset"], name, body, depth, inline)
	}
}

// fileName returns the decoded, unsanitised file name of a part: the
// Content-Disposition filename, else the Content-Type name.
func fileName(dparams, params map[string]string) string {
	name := dparams["filename"]
	if strings.TrimSpace(name) == "" {
		name = params["name"]
	}
	// QUIRK: RFC 2047 words inside quoted parameters, as Foxmail and Outlook
	// write them (TestParseMailFiles 03, TestParseCharsets "RFC 2047 in name").
	return strings.TrimSpace(decodeWords(name))
}

// transferDecoded undoes the Content-Transfer-Encoding of a body. An unknown
// encoding gives an error and the body as sent.
func transferDecoded(h mtextproto.Header, body io.Reader) (io.Reader, error) {
	// QUIRK: "base64;" and " Base64 " as sent by some mailers
	// (TestRealworldQuirks error_emails__content_transfer_encoding_with_semi_colon.eml).
	enc, _, _ := strings.Cut(h.Get("Content-Transfer-Encoding"), ";")
	enc = strings.ToLower(strings.TrimSpace(enc))
	if enc == "base64" {
		return newBase64Reader(body), nil
	}
	var th gomessage.Header
	th.Set("Content-Transfer-Encoding", enc)
	// With no Content-Type, go-message decodes the transfer encoding only
	// and leaves the charset to us.
	e, err := gomessage.New(th, body)
	return e.Body, err
}

// text adds a body text part to the message.
func (p *mimeParser) text(m *msgState, mediaType, label string, body io.Reader) {
	out := &m.plain
	if mediaType == "text/html" {
		out = &m.html
	}
	max := int64(p.lim.MaxTextBytes)
	if int64(out.Len()) >= max {
		m.truncated = true
		return
	}
	b, err := io.ReadAll(io.LimitReader(body, max+1))
	if err != nil && !p.stopped() {
		m.note("malformed_part: body text: %v", err)
	}
	if int64(len(b)) > max {
		b, m.truncated = b[:max], true
	}
	s, known := decodeCharset(label, b)
	if !known {
		m.note("unknown_charset: %q: body text read as UTF-8, GB18030 or Latin-1", label)
	}
	s = normalizeNewlines(s)
	if mediaType == "text/html" {
		for _, ref := range cidRef.FindAllStringSubmatch(s, -1) {
			if m.cids == nil {
				m.cids = map[string]bool{}
			}
			m.cids[contentID(ref[1])] = true
		}
		s = htmlToText(s)
	}
	if out.Len() > 0 && strings.TrimSpace(s) != "" {
		out.WriteString("\n")
	}
	out.WriteString(s)
}

// finish sets Body and AltBody from the text collected.
func (m *msgState) finish(lim Limits) {
	plain, html := strings.TrimSpace(m.plain.String()), strings.TrimSpace(m.html.String())
	if plain == "" {
		plain, html = html, ""
	}
	max := int(lim.MaxTextBytes)
	if len(plain) > max || len(html) > max {
		m.truncated = true
	}
	m.msg.Body, m.msg.AltBody = rules.TruncateUTF8(plain, max), rules.TruncateUTF8(html, max)
	for i, id := range m.partIDs {
		if m.cids[id] && i < len(m.msg.Attachments) {
			m.msg.Attachments[i].Embedded = true
		}
	}
	if m.truncated {
		m.note("text_truncated: body text cut at %d bytes", max)
	}
}

// originalName returns the name a file was sent with, when sanitising it
// into safe changed more than its folders (the base name cut at / or \),
// bounded to twice the length of a safe name; else "".
func originalName(sent, safe string) string {
	base := sent[strings.LastIndexAny(sent, `/\`)+1:]
	if base == safe {
		return ""
	}
	return rules.TruncateUTF8(base, 2*rules.MaxFileNameBytes)
}

// cidRef is a reference of an HTML body to a part by its Content-ID.
var cidRef = regexp.MustCompile(`(?i)["'(=]\s*cid:([^"'\s>)]+)`)

// contentID returns a Content-ID, or a cid: URL's id, without its angle
// brackets, URL escapes and case, so that the two compare.
func contentID(v string) string {
	v = strings.Trim(strings.TrimSpace(v), "<>")
	if u, err := url.PathUnescape(v); err == nil {
		v = u
	}
	return strings.ToLower(v)
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// attachment reads a file part and adds it, and the entries of a .zip, to
// the message. A .eml file holding a mail is read as an attached message.
func (p *mimeParser) attachment(m *msgState, mediaType, label, name string, body io.Reader, depth int, inline bool) {
	p.files++
	if p.extract != nil {
		if p.files == p.extract.part {
			h := sha256.New()
			_, p.extract.err = io.Copy(io.MultiWriter(p.extract.w, h), body)
			p.extract.sum, p.extract.done = hex.EncodeToString(h.Sum(nil)), true
			return
		}
	}
	display := rules.SafeFileName(name)
	if display == "" {
		display = fallbackFileName(len(m.msg.Attachments)+1, mediaType)
	}
	c, err := captureHeld(body, int64(p.lim.MaxAttachmentBytes), MaxHeldBytes, func(head []byte) bool {
		return looksInside(display, mediaType, head)
	})
	if p.stopped() {
		return
	}
	if err != nil {
		m.note("malformed_part: %s: %v", display, err)
	}
	if c.data != nil && strings.EqualFold(path.Ext(display), ".eml") && looksLikeMail(c.data) {
		p.forward(m, bytes.NewReader(c.data), depth+1, display)
		return
	}
	if genericTypes[mediaType] {
		// QUIRK: phones and scanners send photos and scans as
		// application/octet-stream, often without an extension
		// (TestParseFilesByContent).
		if t := sniffMagic(c.head); t != "" {
			mediaType = t
		}
	}
	att := newAttachment(display, mediaType, label, c)
	if att.Text == "" && c.data != nil {
		att.Text = p.ooxmlText(display, c.data) // a form sent as .docx or .xlsx
	}
	att.Inline = inline
	att.Original = originalName(name, display)
	if c.streamed {
		att.Part = p.files
	}
	if c.data == nil && !c.streamed {
		m.note("attachment_skipped: %s: larger than %d bytes", display, p.lim.MaxAttachmentBytes)
	}
	m.msg.Attachments = append(m.msg.Attachments, att)
	switch {
	case c.data != nil && isZip(att):
		p.expandZip(m, att)
	case c.data != nil && isTNEF(att):
		// QUIRK: Outlook's rich-text mail carries its files in winmail.dat
		// (TestParseTNEF, testdata/blind6/41).
		p.expandTNEF(m, att)
	}
}

// MaxHeldBytes is the most of one file the reader holds in memory, unless
// it looks inside the file (looksInside): a larger file is read once for
// its size, SHA-256, head and text, and read again from the stored mail
// (CopyFile) when a forward attaches it.
const MaxHeldBytes = 2 << 20

// looksInside reports whether the reader opens a file to read it (an
// archive, Outlook's winmail.dat, a Word or Excel form, an attached mail),
// so that it holds the file whole, up to MaxAttachmentBytes.
func looksInside(name, mediaType string, head []byte) bool {
	ext := strings.ToLower(path.Ext(name))
	if ext == ".eml" || ooxmlExts[ext] {
		return true
	}
	a := rules.Attachment{Name: name, ContentType: mediaType, Head: head[:min(len(head), maxHeadBytes)]}
	if isZip(a) || isTNEF(a) {
		return true
	}
	if t := sniffMagic(a.Head); genericTypes[mediaType] && t != "" {
		a.ContentType = t
		return isZip(a) || isTNEF(a)
	}
	return false
}

// extraction is the file CopyFile is after and what became of it.
type extraction struct {
	part int // rules.Attachment.Part
	w    io.Writer
	done bool
	sum  string
	err  error
}

// CopyFile writes the content of the file at position part of a mail (the
// rules.Attachment.Part that Parse gave it, with the same limits) to w,
// reading the mail from r as Parse did, and returns the hex SHA-256 of
// what it wrote, for the caller to compare with the one Parse gave.
func CopyFile(w io.Writer, r io.Reader, lim Limits, part int) (sum string, err error) {
	p := &mimeParser{lim: lim.WithDefaults(), extract: &extraction{part: part, w: w}}
	p.src = &sourceReader{r: r, left: int64(p.lim.MaxMessageBytes)}
	defer func() {
		if v := recover(); v != nil {
			sum, err = "", fmt.Errorf("reading file %d: reader failure: %v", part, v)
		}
	}()
	p.message(p.src, 0)
	switch {
	case p.src.err != nil:
		return "", fmt.Errorf("reading message: %w", p.src.err)
	case !p.extract.done:
		return "", fmt.Errorf("reading file %d: the mail has no such file", part)
	case p.extract.err != nil:
		return "", fmt.Errorf("reading file %d: %w", part, p.extract.err)
	}
	return p.extract.sum, nil
}

// captured is the content of a file read with a size cap.
type captured struct {
	data []byte // nil when the file was over the cap, or streamed
	head []byte
	// text is the start of the content that attachmentText reads: all of
	// data, or, for a file streamed, its first maxAttachmentTextBytes.
	text     []byte
	streamed bool // over the held size, under the cap: read, not kept
	size     int64
	sum      string // hex SHA-256 of all of the content
}

// capture reads r to its end, keeping at most max bytes.
func capture(r io.Reader, max int64) (captured, error) {
	return captureHeld(r, max, max, nil)
}

// captureHeld reads r to its end, keeping at most max bytes; past held
// bytes it keeps on only when keep, given the start, says so, and else
// keeps the start alone (the file is streamed).
func captureHeld(r io.Reader, max, held int64, keep func(head []byte) bool) (captured, error) {
	h := sha256.New()
	w := &cappedWriter{max: max, held: held, keep: keep}
	_, err := io.Copy(io.MultiWriter(h, w), r)
	c := captured{size: w.n, sum: hex.EncodeToString(h.Sum(nil))}
	switch {
	case w.n > max:
		c.head = bytes.Clone(w.buf[:min(len(w.buf), maxHeadBytes)])
		return c, err
	case w.dropped:
		c.streamed, c.text = true, w.buf
		c.head = c.text[:min(len(c.text), maxHeadBytes)]
		return c, err
	case cap(w.buf)-len(w.buf) > len(w.buf)/4:
		c.data = bytes.Clone(w.buf) // do not keep the doubled buffer
	default:
		c.data = w.buf
	}
	if c.data == nil {
		c.data = []byte{} // empty, not skipped
	}
	c.head, c.text = c.data[:min(len(c.data), maxHeadBytes)], c.data
	return c, err
}

// cappedWriter keeps the first max bytes written to it and counts them
// all. Past held bytes, unless keep says so, it drops what it has but the
// first maxAttachmentTextBytes and keeps nothing more.
type cappedWriter struct {
	buf     []byte
	max     int64
	held    int64
	keep    func(head []byte) bool
	dropped bool
	n       int64
}

func (w *cappedWriter) Write(b []byte) (int, error) {
	w.n += int64(len(b))
	if w.dropped {
		return len(b), nil
	}
	if w.keep != nil && w.n > w.held && w.n <= w.max {
		if !w.keep(append(w.buf[:len(w.buf):len(w.buf)], b[:min(len(b), maxHeadBytes)]...)) {
			start := append(w.buf, b[:max(0, min(len(b), maxAttachmentTextBytes-len(w.buf)))]...)
			w.buf, w.dropped = bytes.Clone(start[:min(len(start), maxAttachmentTextBytes)]), true
			return len(b), nil
		}
		w.keep = nil
	}
	keep := b[:max(0, min(int64(len(b)), w.max-int64(len(w.buf))))]
	if need := len(w.buf) + len(keep); need > cap(w.buf) {
		// Double, but never past max: append's growth would allocate
		// several times the size of a large file.
		grown := make([]byte, len(w.buf), min(max(2*cap(w.buf), need, 4096), int(w.max)))
		copy(grown, w.buf)
		w.buf = grown
	}
	w.buf = append(w.buf, keep...)
	return len(b), nil
}

// newAttachment describes a captured file.
func newAttachment(name, mediaType, label string, c captured) rules.Attachment {
	return rules.Attachment{
		Name:        name,
		ContentType: mediaType,
		Size:        c.size,
		SHA256:      c.sum,
		Head:        c.head,
		Text:        attachmentText(c.text, c.size, mediaType, label),
		Data:        c.data,
	}
}

// attachmentText returns the start of a file as UTF-8 text when the file is
// text: without NUL bytes, and of a text/* type or free of other control
// bytes and valid UTF-8 or GB18030.
func attachmentText(data []byte, size int64, mediaType, label string) string {
	b := data[:min(len(data), maxAttachmentTextBytes)]
	cut := int64(len(b)) < size
	if bytes.IndexByte(b, 0) >= 0 || !strings.HasPrefix(mediaType, "text/") && !isPlainText(b, cut) {
		return ""
	}
	s, _ := decodeCharset(label, b)
	if cut {
		s = strings.TrimRight(s, "\uFFFD")
	}
	return normalizeNewlines(s)
}

// isPlainText reports whether b, the start of a file (cut when the file is
// longer), is text without NUL or other control bytes, in UTF-8 or GB18030.
func isPlainText(b []byte, cut bool) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7f {
			return false
		}
	}
	tries := 1
	if cut {
		tries = 4 // the cut may split a character of up to 4 bytes
	}
	for k := 0; k < tries && k < len(b); k++ {
		if utf8.Valid(b[:len(b)-k]) {
			return true
		}
		if _, ok := decodeGB18030(b[:len(b)-k]); ok {
			return true
		}
	}
	return false
}

// forward reads an attached message at depth and adds it to m, its files
// with Origin "forwarded".
func (p *mimeParser) forward(m *msgState, r io.Reader, depth int, name string) {
	if depth > p.lim.MaxDepth {
		p.fail(ProblemTooDeep, fmt.Sprintf("attached messages nested deeper than %d", p.lim.MaxDepth))
		return
	}
	inner := p.message(r, depth)
	m.msg.Forwarded = append(m.msg.Forwarded, inner)
	container := inner.Subject
	if container == "" {
		container = rules.SafeFileName(name)
	}
	for _, a := range inner.Attachments {
		a.Origin, a.Container = rules.OriginForwarded, container
		m.msg.Attachments = append(m.msg.Attachments, a)
	}
	for _, n := range inner.Notes {
		m.addNote(n)
	}
}

// looksLikeMail reports whether data starts with a mail header.
func looksLikeMail(data []byte) bool {
	h, _ := readHeader(bufio.NewReader(bytes.NewReader(data)), 64<<10, true)
	return h.Has("From") || h.Has("Subject") || h.Has("Message-Id")
}

// sourceReader reads the raw message, failing with errTooLarge past left bytes.
type sourceReader struct {
	r        io.Reader
	left     int64
	tooLarge bool
	err      error // a read error of r other than io.EOF
}

var errTooLarge = errors.New("message too large")

func (s *sourceReader) Read(b []byte) (int, error) {
	switch {
	case s.err != nil:
		return 0, s.err
	case s.tooLarge:
		return 0, errTooLarge
	}
	if int64(len(b)) > s.left+1 {
		b = b[:s.left+1]
	}
	n, err := s.r.Read(b)
	s.left -= int64(n)
	if s.left < 0 {
		s.tooLarge = true
		return n - 1, errTooLarge
	}
	if err != nil && err != io.EOF {
		s.err = err
	}
	return n, err
}
