package rules

import (
	"net/textproto"
	"strings"
	"time"
)

// Message is one parsed email as the rules see it: headers, readable text and
// the files it carries. It is built by the MIME reader (package intake) and
// holds no reference to any mailbox; rules never parse raw mail themselves.
type Message struct {
	// Header holds every top-level header field, decoded (RFC 2047) to UTF-8,
	// keyed in canonical MIME form ("Auto-Submitted", "List-Id").
	Header textproto.MIMEHeader

	MessageID  string   // without angle brackets
	InReplyTo  []string // message ids, without angle brackets
	References []string // message ids, without angle brackets
	From       string   // bare lower-case address, "" when unreadable
	FromName   string   // display name, decoded
	To         []string // bare lower-case addresses of To and Cc
	Subject    string   // decoded
	Date       time.Time

	// MediaType is the top-level content type ("multipart/report"), lower
	// case; Params are its parameters ("report-type").
	MediaType string
	Params    map[string]string

	// Body is the readable text of the message: the text/plain part when
	// there is one, else the text/html part turned into text (table rows
	// become "label: value" lines). AltBody is the HTML part turned into
	// text when both exist, so fields only present in an Outlook table are
	// still found.
	Body    string
	AltBody string

	// Attachments lists every file the message carries, including the
	// entries of .zip archives and the files of attached messages (see
	// Attachment.Origin), in the order they appear.
	Attachments []Attachment

	// Forwarded holds the attached message/rfc822 mails, parsed the same way.
	// Their attachments are also listed in Attachments (Origin "forwarded").
	Forwarded []*Message

	// Notes are remarks of the reader, as "id: text" (for example
	// "attachment_skipped: bomb.zip: expands past 100 MiB").
	Notes []string

	// Problem is set when the mail cannot be read within the limits; it is
	// one of the quarantine reasons ("too_large", "too_deep",
	// "too_many_parts", "malformed") and Detail says more.
	Problem string
	Detail  string
}

// Attachment origins.
const (
	OriginDirect    = ""          // a part of the message itself
	OriginArchive   = "archive"   // an entry of an attached .zip
	OriginForwarded = "forwarded" // a part of an attached message/rfc822
	// OriginPasted (files.go): content pasted into the text, not attached.
)

// Attachment is one file carried by a message.
type Attachment struct {
	Name        string // sanitised file name (SafeFileName)
	Original    string // the name as sent, when SafeFileName changed more than its folders
	ContentType string // lower-case media type as sent, or sniffed for archive entries
	Size        int64  // decoded size in bytes
	SHA256      string // hex digest of the decoded content

	// Origin tells where the file was found; Container names the archive or
	// the forwarded message's subject it came from.
	Origin    string
	Container string

	// Head is the first bytes of the content (up to 512) for type sniffing.
	// Text is the content (up to 64 KiB) when the file is text, so that host
	// identifiers written inside it can be recognised.
	Head []byte
	Text string

	// Data is the whole decoded content, kept so that a forward can attach
	// it. Nil for skipped files, and for files too large to hold, which
	// Part locates instead.
	Data []byte `json:"-"`
	// Part, for a file read but not held (larger than the reader holds in
	// memory), is its position among the file parts of the raw mail, by
	// which it is read again when a forward attaches it; 0 otherwise.
	Part int `json:"-"`

	// Inline marks a part shown inside the body (an HTML mail's logo, with a
	// Content-ID or disposition inline) rather than attached by the sender.
	Inline bool
	// Embedded marks a part the HTML body shows through a cid: reference:
	// part of the body's layout (a signature logo), never taken for a
	// material on the strength of the text alone.
	Embedded bool
}

// Skipped reports whether the reader skipped the file (over a limit): it
// was not read, so nothing is known of it but its name and size.
func (a *Attachment) Skipped() bool { return a.Data == nil && a.Part == 0 && a.Size > 0 }

// HeaderValue returns the first value of the named header field, "" if absent.
func (m *Message) HeaderValue(name string) string {
	if m.Header == nil {
		return ""
	}
	return strings.TrimSpace(m.Header.Get(name))
}
