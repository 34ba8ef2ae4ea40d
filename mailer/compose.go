package mailer

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"intake/rules"
	"io"
	"mime"
	"net/mail"
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	gomail "github.com/wneessen/go-mail"
)

// Attachment is a file attached to a mail: its content in Data, or, for a
// file too large to hold in memory, Open gives it to be read once (a
// Compose reads it once) and Size says how long it is.
type Attachment struct {
	Name        string // as the reader sees it, in any script
	ContentType string // "" = guessed from the name's extension
	Data        []byte
	Open        func() (io.ReadCloser, error)
	Size        int64
	// SHA256 is the content's hex digest when known; Digest computes it
	// from Data otherwise.
	SHA256 string
}

// Digest returns the hex SHA-256 of the file's content.
func (a Attachment) Digest() string {
	if a.SHA256 != "" || a.Data == nil && a.Open != nil {
		return a.SHA256
	}
	h := sha256.Sum256(a.Data)
	return hex.EncodeToString(h[:])
}

// Len returns the length of the file's content.
func (a Attachment) Len() int64 {
	if a.Open != nil && a.Data == nil {
		return a.Size
	}
	return int64(len(a.Data))
}

// open returns the file's content to read.
func (a Attachment) open() (io.ReadCloser, error) {
	if a.Open != nil && a.Data == nil {
		return a.Open()
	}
	return io.NopCloser(bytes.NewReader(a.Data)), nil
}

// Spec is one mail intake writes: a reply to a customer, a forward to the
// engineers or a notice to the admin. Subject and Body are already rendered.
type Spec struct {
	From        string        // "License Intake <intake@example.test>"
	To          []string      // addresses, may carry display names
	ReplyTo     *mail.Address // forward: the customer; nil for none
	Subject     string
	Body        string            // plain text, UTF-8
	MessageID   string            // without <>, chosen by the caller
	InReplyTo   string            // without <>
	References  []string          // without <>
	Date        time.Time         // required: the outbox keeps the mail as composed
	AutoReply   bool              // Auto-Submitted: auto-replied (else auto-generated)
	Loop        string            // X-Loop value: our own address
	Headers     map[string]string // extra fields, e.g. X-Intake-Case; not one Compose writes
	Attachments []Attachment
	Originals   [][]byte // raw customer mails, attached as message/rfc822
}

// Outgoing is a composed mail with its envelope, ready to be stored in the
// outbox and sent byte for byte, as often as a retry needs: in Raw, or, for
// a mail kept in a file, in Body (Size bytes).
type Outgoing struct {
	MessageID string
	From      string   // envelope sender; "" is the null sender <>
	To        []string // bare envelope recipients
	Raw       []byte
	Body      io.ReaderAt
	Size      int64
	// SHA256, when set, is the hex digest the mail must have: Send ends
	// DATA only when the bytes it read from Body match it, so a file
	// spoilt on disk is never delivered as something else.
	SHA256 string
}

// content returns the mail's bytes as a reader and their length.
func (o *Outgoing) content() (io.ReaderAt, int64) {
	if o.Body != nil {
		return o.Body, o.Size
	}
	return bytes.NewReader(o.Raw), int64(len(o.Raw))
}

// Compose builds the mail s describes with go-mail, in memory (Raw). With
// nullSender the envelope sender is <> (RFC 3834 §3.3 allows it for
// auto-replies, so that bounces of the reply come back to nobody);
// otherwise it is the From address.
func Compose(s Spec, nullSender bool) (*Outgoing, error) {
	var buf bytes.Buffer
	out, err := ComposeTo(&buf, s, nullSender)
	if err != nil {
		return nil, err
	}
	out.Raw = buf.Bytes()
	return out, nil
}

// ComposeTo builds the mail s describes as Compose does and writes it to
// w; the Outgoing it returns has Size set and no Raw. The files are
// streamed into w one at a time: memory holds the mail's text, not its
// files (go-mail v0.8.1 buffers each part it encodes whole, so it writes a
// short marker where each file goes, and the file's base64 lines replace
// the marker on the way to w).
func ComposeTo(w io.Writer, s Spec, nullSender bool) (*Outgoing, error) {
	out, err := compose(w, s, nullSender)
	if err != nil {
		return nil, fmt.Errorf("composing <%s>: %w", s.MessageID, err)
	}
	return out, nil
}

func compose(w io.Writer, s Spec, nullSender bool) (*Outgoing, error) {
	if err := checkMsgID(s.MessageID); err != nil {
		return nil, fmt.Errorf("message id: %w", err)
	}
	if s.Date.IsZero() {
		return nil, errors.New("date is not set")
	}
	from, err := mail.ParseAddress(s.From)
	if err != nil {
		return nil, fmt.Errorf("parsing from %q: %w", s.From, err)
	}
	if len(s.To) == 0 {
		return nil, errors.New("no recipients")
	}
	var to []*mail.Address
	var rcpts []string
	seen := map[string]bool{}
	for _, t := range s.To {
		a, err := mail.ParseAddress(t)
		if err != nil {
			return nil, fmt.Errorf("parsing to %q: %w", t, err)
		}
		to = append(to, a)
		if key := strings.ToLower(a.Address); !seen[key] {
			seen[key] = true
			rcpts = append(rcpts, a.Address)
		}
	}

	// Headers are B-encoded (compact for Chinese, as Thunderbird writes
	// them); the body part is quoted-printable, so its English half stays
	// readable in the raw mail.
	m := gomail.NewMsg(gomail.WithEncoding(gomail.EncodingB64), gomail.WithNoDefaultUserAgent())
	m.FromMailAddress(from)
	m.ToMailAddress(to...)
	if s.ReplyTo != nil {
		// An address, not a string: a display name such as "Zhang, San"
		// written unquoted would not parse (TestPipelineDisplayNames).
		m.ReplyToMailAddress(s.ReplyTo)
	}
	if plainHeader(s.Subject) {
		m.Subject(s.Subject)
	} else {
		// QUIRK: go-mail folds a long encoded subject right after
		// "Subject:", and Python's email package then reads it with a
		// leading space (TestComposeSubject). It writes preformatted
		// headers in map order: keep this the only one.
		m.SetGenHeaderPreformatted(gomail.HeaderSubject, encodeSubject(s.Subject))
	}
	m.SetMessageIDWithValue(s.MessageID)
	m.SetDateWithValue(s.Date)
	// In-Reply-To and References come from the customer's mail, where
	// broken ids exist: one that cannot be written is left out, since a
	// reply with less threading beats no reply.
	if validRef(s.InReplyTo) {
		m.SetGenHeader(gomail.HeaderInReplyTo, "<"+s.InReplyTo+">")
	}
	var refs []string
	for _, r := range s.References {
		if validRef(r) {
			refs = append(refs, "<"+r+">")
		}
	}
	if len(refs) > 0 {
		// One value: go-mail joins several values with ", ", which is wrong
		// for References; it folds this one at the spaces.
		m.SetGenHeader(gomail.HeaderReferences, strings.Join(refs, " "))
	}
	auto := "auto-generated"
	if s.AutoReply {
		auto = "auto-replied"
	}
	m.SetGenHeader("Auto-Submitted", auto)
	// Exchange and Outlook send no out-of-office replies to this mail.
	m.SetGenHeader(gomail.HeaderXAutoResponseSuppress, "All")
	if s.Loop != "" {
		m.SetGenHeader("X-Loop", s.Loop)
	}
	for k, v := range s.Headers {
		if !validFieldName(k) || ownFields[strings.ToLower(k)] {
			return nil, fmt.Errorf("bad extra header %q", k)
		}
		m.SetGenHeader(gomail.Header(k), v)
	}

	m.SetBodyString(gomail.TypeTextPlain, s.Body, gomail.WithPartEncoding(gomail.EncodingQP))

	token := make([]byte, 16)
	if _, err := rand.Read(token); err != nil {
		return nil, fmt.Errorf("making file markers: %w", err)
	}
	markers := make([][]byte, len(s.Attachments))
	for i, a := range s.Attachments {
		name := cleanName(a.Name)
		// 53 bytes: go-mail writes the marker as one base64 line.
		mark := fmt.Sprintf("intake-file %s %08d", hex.EncodeToString(token), i)
		markers[i] = []byte(base64.StdEncoding.EncodeToString([]byte(mark)) + "\r\n")
		m.AttachReadSeeker(name, strings.NewReader(mark), partHeaders(contentType(a.ContentType, name), name))
	}
	// The customer's mails go as message/rfc822 parts, unencoded: that is
	// what Thunderbird and Outlook write when they forward as attachment,
	// and what they show as a mail of its own (headers, body, its own
	// attachments), one click from a reply to the customer. RFC 2046 §5.2.1
	// forbids base64 there, and clients that meet it anyway show an opaque
	// file. A mail that cannot travel as 8bit (a line over 998 bytes, a NUL
	// or a lone CR) would need binary, which SMTP carries only with
	// BINARYMIME: that one goes base64 as application/octet-stream, still
	// named .eml, which both clients open as a mail on a double click
	// (TestComposeOriginalLongLine).
	unencoded := false
	for i, raw := range s.Originals {
		name := fmt.Sprintf("original-%d.eml", i+1)
		body, ok := messagePart(raw)
		if !ok {
			m.AttachReadSeeker(name, bytes.NewReader(raw), partHeaders("application/octet-stream", name))
			continue
		}
		// QUIRK: go-mail writes a file unencoded only with NoEncoding, which
		// it labels 8bit whatever the content (a file marked 7bit it
		// quoted-printable-encodes); 8bit is true of any mail that passed
		// messagePart. See TestComposeAttachments.
		m.AttachReadSeeker(name, bytes.NewReader(body), partHeaders("message/rfc822", name),
			gomail.WithFileEncoding(gomail.NoEncoding))
		unencoded = true
	}
	if unencoded {
		// RFC 2045 §6.4: a multipart holding an 8bit part is itself 8bit.
		m.SetGenHeader(gomail.HeaderContentTransferEnc, "8bit")
	}

	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("writing message: %w", err)
	}
	raw := buf.Bytes()
	if !bytes.HasSuffix(raw, []byte("\r\n")) {
		raw = append(raw, '\r', '\n')
	}
	cw := &countWriter{w: w}
	for i, a := range s.Attachments {
		before, after, ok := bytes.Cut(raw, markers[i])
		if !ok {
			return nil, fmt.Errorf("writing message: the place of file %d is lost", i+1)
		}
		if _, err := cw.Write(before); err != nil {
			return nil, fmt.Errorf("writing message: %w", err)
		}
		if err := writeBase64(cw, a); err != nil {
			return nil, fmt.Errorf("writing %s: %w", cleanName(a.Name), err)
		}
		raw = after
	}
	if _, err := cw.Write(raw); err != nil {
		return nil, fmt.Errorf("writing message: %w", err)
	}
	out := &Outgoing{MessageID: s.MessageID, To: rcpts, Size: cw.n}
	if !nullSender {
		out.From = from.Address
	}
	return out, nil
}

// checkMsgID reports whether id, one of ours, is id-left@id-right.
func checkMsgID(id string) error {
	if left, right, ok := strings.Cut(id, "@"); !ok || left == "" || right == "" || !validRef(id) {
		return fmt.Errorf("%q is not id-left@id-right without <>", id)
	}
	return nil
}

// plainHeader reports whether s can go into a header as it is: printable
// ASCII that does not look encoded, whose first word fits on the first line.
func plainHeader(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return false
		}
	}
	first, _, _ := strings.Cut(s, " ")
	return len(first) <= 60 && !strings.Contains(s, "=?")
}

// encodeSubject returns s as RFC 2047 B-encoded words split at characters,
// one a line, so that no line ("Subject: " included) passes 76 characters.
func encodeSubject(s string) string {
	var words []string
	max := 39 // bytes in the first word: 9 + 12 + 52 = 73 characters
	for s != "" {
		n := 0
		for n < len(s) {
			_, size := utf8.DecodeRuneInString(s[n:])
			if n > 0 && n+size > max {
				break
			}
			n += size
		}
		words = append(words, "=?UTF-8?b?"+base64.StdEncoding.EncodeToString([]byte(s[:n]))+"?=")
		s = s[n:]
		max = 45 // 1 + 12 + 60
	}
	return strings.Join(words, "\r\n ")
}

// ownFields are the header fields Compose writes itself.
var ownFields = map[string]bool{
	"from": true, "to": true, "cc": true, "bcc": true, "reply-to": true, "subject": true,
	"message-id": true, "date": true, "in-reply-to": true, "references": true,
	"auto-submitted": true, "x-auto-response-suppress": true, "x-loop": true,
	"mime-version": true, "content-type": true, "content-transfer-encoding": true,
}

// validRef reports whether a customer's message id can be written between
// < and >: printable ASCII without brackets or spaces.
func validRef(id string) bool {
	for i := 0; i < len(id); i++ {
		if id[i] <= ' ' || id[i] > '~' || id[i] == '<' || id[i] == '>' {
			return false
		}
	}
	return id != ""
}

// validFieldName reports whether k is an RFC 5322 field name.
func validFieldName(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		if k[i] <= ' ' || k[i] > '~' || k[i] == ':' {
			return false
		}
	}
	return true
}

// cleanName is the name a file is attached as: rules.SafeFileName, which
// intake's reader has applied on the way in already, again here so that no
// caller can break a header or hand an engineer a device name.
func cleanName(name string) string {
	if name = rules.SafeFileName(name); name == "" {
		return "attachment"
	}
	return name
}

// contentType returns the Content-Type for an attached file: ct when it
// parses, keeping only a text type's charset, else the type of the name's
// extension. A message or multipart type becomes application/octet-stream,
// because attachments go base64, which RFC 2046 forbids for those.
func contentType(ct, name string) string {
	t, params, err := mime.ParseMediaType(ct)
	if err != nil || !strings.Contains(t, "/") {
		t, params = extTypes[strings.ToLower(path.Ext(name))], nil
		if t == "" {
			t, params, _ = mime.ParseMediaType(mime.TypeByExtension(path.Ext(name)))
		}
	}
	switch {
	case t == "" || strings.HasPrefix(t, "message/") || strings.HasPrefix(t, "multipart/"):
		return "application/octet-stream"
	case strings.HasPrefix(t, "text/") && params["charset"] != "":
		return mime.FormatMediaType(t, map[string]string{"charset": params["charset"]})
	}
	return t
}

// extTypes are the types of the files intake handles most, so that they do
// not depend on the host's mime.types.
var extTypes = map[string]string{
	".doc":  "application/msword",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".pdf":  "application/pdf",
	".jpg":  "image/jpeg",
	".jpeg": "image/jpeg",
	".png":  "image/png",
	".tif":  "image/tiff",
	".tiff": "image/tiff",
	".zip":  "application/zip",
	".txt":  "text/plain",
}

// partHeaders sets an attachment's Content-Type and Content-Disposition, so
// that go-mail leaves them alone. A non-ASCII name is written the way
// Thunderbird writes it, which Outlook, Gmail and Apple Mail read too:
// RFC 2231 in Content-Disposition (the standard) and RFC 2047 words in the
// Content-Type name (for readers that know only that).
func partHeaders(ct, name string) gomail.FileOption {
	return func(f *gomail.File) {
		f.Name = name
		nameParam := `name="` + name + `"`
		if !plainParam(name) {
			nameParam = `name="` + mime.BEncoding.Encode("UTF-8", name) + `"`
		}
		f.Header.Set(string(gomail.HeaderContentType), ct+";\r\n "+nameParam)
		f.Header.Set(string(gomail.HeaderContentDisposition), "attachment;"+filenameParam(name))
	}
}

// filenameParam returns the filename parameter, with the CRLF and space that
// start its line: quoted when name is short plain ASCII, else RFC 2231
// percent-encoded UTF-8, split into continuations that keep lines short.
func filenameParam(name string) string {
	if plainParam(name) {
		return "\r\n filename=\"" + name + "\""
	}
	enc := percentEncode(name)
	if len(enc) <= 60 {
		return "\r\n filename*=UTF-8''" + enc
	}
	const chunk = 54 // six Chinese characters
	var b strings.Builder
	for i := 0; enc != ""; i++ {
		n := min(chunk, len(enc))
		// Never split a %XX escape.
		if j := strings.LastIndexByte(enc[:n], '%'); j > n-3 && n < len(enc) {
			n = j
		}
		if i > 0 {
			b.WriteString(";")
		}
		fmt.Fprintf(&b, "\r\n filename*%d*=", i)
		if i == 0 {
			b.WriteString("UTF-8''")
		}
		b.WriteString(enc[:n])
		enc = enc[n:]
	}
	return b.String()
}

// plainParam reports whether s can be written as a quoted parameter value
// as it is: printable ASCII, no quote or backslash, short enough for a line.
func plainParam(s string) bool {
	if len(s) > 60 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' || s[i] == '"' || s[i] == '\\' {
			return false
		}
	}
	return true
}

// percentEncode encodes s as an RFC 2231 value: attr-chars stay, every
// other byte becomes %XX.
func percentEncode(s string) string {
	const attrChars = "!#$&+-.^_`|~"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x80 && (unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c)) || strings.IndexByte(attrChars, c) >= 0) {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// messagePart returns raw with CRLF line ends, and whether it can travel as
// an 8bit message/rfc822 body: no NUL, no lone CR, no line over 998 bytes.
func messagePart(raw []byte) ([]byte, bool) {
	var b bytes.Buffer
	b.Grow(len(raw) + len(raw)/32)
	line := 0
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch c {
		case 0:
			return nil, false
		case '\r':
			if i+1 >= len(raw) || raw[i+1] != '\n' {
				return nil, false
			}
			continue // written with the \n
		case '\n':
			b.WriteString("\r\n")
			line = 0
			continue
		}
		if line++; line > 998 {
			return nil, false
		}
		b.WriteByte(c)
	}
	return b.Bytes(), true
}

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// writeBase64 writes a file's content to w in base64, in lines of 76
// characters each ended by CRLF, as go-mail writes a file it encodes.
// A file of Open must have Size bytes.
func writeBase64(w io.Writer, a Attachment) error {
	r, err := a.open()
	if err != nil {
		return err
	}
	defer r.Close()
	lw := &lineWriter{w: w}
	enc := base64.NewEncoder(base64.StdEncoding, lw)
	n, err := io.Copy(enc, r)
	if err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	if err := lw.Close(); err != nil {
		return err
	}
	if n != a.Len() {
		return fmt.Errorf("read %d bytes of a file of %d", n, a.Len())
	}
	return nil
}

// lineWriter breaks what is written into lines of 76 bytes ended by CRLF.
type lineWriter struct {
	w    io.Writer
	line [76 + 2]byte
	used int
}

func (l *lineWriter) Write(b []byte) (int, error) {
	n := len(b)
	for len(b) > 0 {
		k := copy(l.line[l.used:76], b)
		l.used += k
		b = b[k:]
		if l.used == 76 && len(b) > 0 {
			if err := l.flush(); err != nil {
				return 0, err
			}
		}
	}
	return n, nil
}

// flush writes the line held, if any, with its CRLF.
func (l *lineWriter) flush() error {
	if l.used == 0 {
		return nil
	}
	l.line[l.used], l.line[l.used+1] = '\r', '\n'
	if _, err := l.w.Write(l.line[:l.used+2]); err != nil {
		return err
	}
	l.used = 0
	return nil
}

// Close writes the last line.
func (l *lineWriter) Close() error { return l.flush() }
