package message

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"net/mail"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/emersion/go-message/charset"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// decodeCharset converts b from the named charset to UTF-8. known is false
// when the charset is not known; b is then decoded as unlabelled text.
func decodeCharset(label string, b []byte) (s string, known bool) {
	label = strings.ToLower(strings.Trim(strings.TrimSpace(label), `"'`))
	// QUIRK: charset="charset=us-ascii" (TestRealworldQuirks mail__html-mime-bad-charset-inline.eml).
	label = strings.TrimPrefix(label, "charset=")
	switch label {
	case "", "us-ascii", "ascii", "utf-8", "utf8":
		// QUIRK: mail labelled us-ascii or utf-8 that carries other 8-bit
		// text is read like unlabelled text (TestParseCharsets "mislabelled").
		return decodeUnlabelled(b), true
	case "gb2312", "gbk", "x-gbk", "cp936", "euc-cn", "gb18030", "x-gb18030":
		// QUIRK: Chinese clients label GBK (and GB18030) text as gb2312; GB18030
		// is a superset of both (TestParseMailFiles 08, TestParseCharsets
		// "gb2312 label with GBK-only characters").
		s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
		return string(s), err == nil
	}
	r, err := charset.Reader(label, bytes.NewReader(b))
	if err != nil {
		return decodeUnlabelled(b), false
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return decodeUnlabelled(b), false
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), true
}

// decodeUnlabelled converts 8-bit text of unknown charset to UTF-8: valid
// UTF-8 is kept, then GB18030 is tried, then Windows-1252 (Latin-1).
//
// QUIRK: Chinese clients send raw GBK in headers, file names and unlabelled
// parts (TestParseCharsets "raw GBK filename", "unlabelled GBK body").
func decodeUnlabelled(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	if s, ok := decodeGB18030(b); ok {
		return s
	}
	s, _ := charmap.Windows1252.NewDecoder().Bytes(b)
	return string(s)
}

// decodeGB18030 decodes b as GB18030; ok is false when b is not valid GB18030.
func decodeGB18030(b []byte) (string, bool) {
	s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil || bytes.ContainsRune(s, utf8.RuneError) {
		return "", false
	}
	return string(s), true
}

// encodedWord is an RFC 2047 word: charset, encoding and text.
var encodedWord = regexp.MustCompile(`=\?([^?\s]+)\?([bBqQ])\?([^?]*)\?=`)

// decodeWords decodes the RFC 2047 encoded words in a header value, wherever
// they are (also inside quotes, as Foxmail writes name="=?GBK?B?...?=").
// Raw 8-bit text is decoded as unlabelled text. Words that cannot be decoded
// are kept as written.
//
// QUIRK: adjacent words of one charset are joined before decoding, because
// clients split multi-byte characters across words (TestParseCharsets "split word").
func decodeWords(s string) string {
	if !utf8.ValidString(s) {
		s = decodeUnlabelled([]byte(s))
	}
	locs := encodedWord.FindAllStringSubmatchIndex(s, -1)
	if locs == nil {
		return s
	}
	var out strings.Builder
	var pending []byte      // decoded bytes of the current run of words
	var pendingLabel string // its charset, "" when no run is open
	runStart, last := 0, 0  // s[runStart:last] is the run as written
	flush := func() {
		if pendingLabel == "" {
			return
		}
		text, known := decodeCharset(pendingLabel, pending)
		if !known && !utf8.Valid(pending) {
			text = s[runStart:last]
		}
		out.WriteString(text)
		pending, pendingLabel = nil, ""
	}
	for _, loc := range locs {
		between := s[last:loc[0]]
		label, _, _ := strings.Cut(strings.ToLower(s[loc[2]:loc[3]]), "*") // RFC 2231 language suffix
		raw, ok := wordBytes(s[loc[4]:loc[5]], s[loc[6]:loc[7]])
		ok = ok && label != ""
		adjacent := ok && pendingLabel != "" && strings.TrimSpace(between) == ""
		if !adjacent || label != pendingLabel {
			flush()
		}
		if !adjacent { // white space between adjacent words is dropped
			out.WriteString(between)
		}
		last = loc[1]
		if !ok {
			out.WriteString(s[loc[0]:loc[1]])
			continue
		}
		if pendingLabel == "" {
			runStart = loc[0]
		}
		pending = append(pending, raw...)
		pendingLabel = label
	}
	flush()
	out.WriteString(s[last:])
	return out.String()
}

// wordBytes decodes the text of one encoded word (encoding "B" or "Q").
func wordBytes(enc, text string) ([]byte, bool) {
	if strings.EqualFold(enc, "B") {
		text = strings.Join(strings.Fields(text), "")
		if b, err := base64.StdEncoding.DecodeString(text); err == nil {
			return b, true
		}
		b, err := base64.RawStdEncoding.DecodeString(strings.TrimRight(text, "="))
		return b, err == nil
	}
	var b []byte
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '_':
			b = append(b, ' ')
		case c == '=' && i+2 < len(text):
			v, err := strconv.ParseUint(text[i+1:i+3], 16, 8)
			if err != nil {
				return nil, false
			}
			b = append(b, byte(v))
			i += 2
		default:
			b = append(b, c)
		}
	}
	return b, true
}

// parseParams splits a structured header value ("text/plain; charset=gbk")
// into its lower-case first token and its parameters, keyed in lower case.
// RFC 2231 values (name*=, name*0*=, ...) are decoded from their charset.
// It tolerates what real mail does: duplicate parameters (the first wins),
// unquoted special characters, a missing closing quote.
func parseParams(v string) (string, map[string]string) {
	value, rest, _ := strings.Cut(v, ";")
	raw := map[string]string{}
	for {
		rest = strings.TrimLeft(rest, " \t\r\n;")
		i := strings.IndexAny(rest, "=;")
		if i < 0 {
			break
		}
		if rest[i] == ';' { // a bare token: skip it
			rest = rest[i:]
			continue
		}
		key := strings.ToLower(strings.TrimSpace(rest[:i]))
		rest = strings.TrimLeft(rest[i+1:], " \t\r\n")
		var val string
		if strings.HasPrefix(rest, `"`) {
			val, rest = quotedString(rest[1:])
		} else {
			val, rest, _ = strings.Cut(rest, ";")
			val = strings.TrimSpace(val)
		}
		if _, dup := raw[key]; key != "" && !dup {
			raw[key] = val
		}
	}
	return strings.ToLower(strings.TrimSpace(value)), joinExtended(raw)
}

// quotedString reads a quoted string whose opening quote is already
// consumed and returns its value and the text after it.
func quotedString(s string) (string, string) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i+1 < len(s) {
				i++
				b.WriteByte(s[i])
			}
		case '"':
			return b.String(), s[i+1:]
		default:
			b.WriteByte(s[i])
		}
	}
	// QUIRK: missing closing quote, the value runs to the end
	// (TestParseParams "missing quote").
	return b.String(), ""
}

// joinExtended resolves RFC 2231 parameters: name*=charset'lang'%XX and
// continuations name*0*=, name*1=, ... Go's mime package drops them for
// charsets other than UTF-8, and go-message decodes them wrongly.
func joinExtended(raw map[string]string) map[string]string {
	type section struct {
		n       int
		encoded bool
		value   string
	}
	sections := map[string][]section{}
	params := map[string]string{}
	for key, val := range raw {
		name, ext, isExt := strings.Cut(key, "*")
		if !isExt {
			params[key] = val
			continue
		}
		encoded := strings.HasSuffix(ext, "*") || ext == ""
		n, err := strconv.Atoi(strings.TrimSuffix(ext, "*"))
		if ext == "" {
			n, err = 0, nil
		}
		if err == nil {
			sections[name] = append(sections[name], section{n, encoded, val})
		}
	}
	for name, secs := range sections {
		sort.Slice(secs, func(i, j int) bool { return secs[i].n < secs[j].n })
		var b []byte
		label := ""
		for i, s := range secs {
			if s.n != i {
				break // a gap: keep what is continuous
			}
			v := s.value
			if s.encoded && i == 0 {
				if parts := strings.SplitN(v, "'", 3); len(parts) == 3 {
					label, v = parts[0], parts[2]
				}
			}
			if s.encoded {
				b = append(b, percentDecode(v)...)
			} else {
				b = append(b, v...)
			}
		}
		params[name], _ = decodeCharset(label, b)
	}
	return params
}

// percentDecode undoes %XX escapes, keeping malformed ones as written.
func percentDecode(s string) []byte {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			if v, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
				b = append(b, byte(v))
				i += 2
				continue
			}
		}
		b = append(b, s[i])
	}
	return b
}

// Patterns of addresses and message ids, for header values that net/mail
// cannot parse.
var (
	addrSpec    = regexp.MustCompile(`[A-Za-z0-9.!#$%&'*+/=?^_{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`)
	angleAddr   = regexp.MustCompile(`<\s*([^<>@\s]+@[^<>\s]+)\s*>`)
	messageIDRe = regexp.MustCompile(`<([^<>]*)>`)
)

// parseMailbox returns the bare lower-case address and the display name of
// a From-like header value.
func parseMailbox(raw string) (addr, name string) {
	v := decodeWords(raw)
	if a, err := mail.ParseAddress(v); err == nil {
		return strings.ToLower(a.Address), a.Name
	}
	// QUIRK: unparsable From (TestParseHeaders):
	// take the last <addr> and the text before it, or the first address seen.
	if m := angleAddr.FindAllStringSubmatchIndex(v, -1); m != nil {
		last := m[len(m)-1]
		name = strings.Trim(strings.TrimSpace(v[:last[0]]), `"' `)
		return strings.ToLower(v[last[2]:last[3]]), name
	}
	return strings.ToLower(addrSpec.FindString(v)), ""
}

// parseAddressList returns the bare lower-case addresses of header values
// such as To and Cc.
func parseAddressList(values []string) []string {
	var out []string
	for _, raw := range values {
		v := decodeWords(raw)
		if list, err := mail.ParseAddressList(v); err == nil {
			for _, a := range list {
				out = append(out, strings.ToLower(a.Address))
			}
			continue
		}
		for _, a := range addrSpec.FindAllString(v, -1) {
			out = append(out, strings.ToLower(a))
		}
	}
	return out
}

// parseMessageIDs returns the message ids of a header value without angle
// brackets, tolerating ids written without them.
func parseMessageIDs(v string) []string {
	var ids []string
	if m := messageIDRe.FindAllStringSubmatch(v, -1); m != nil {
		for _, s := range m {
			if id := strings.TrimSpace(s[1]); id != "" {
				ids = append(ids, id)
			}
		}
		return ids
	}
	for _, f := range strings.FieldsFunc(v, func(r rune) bool { return unicode.IsSpace(r) || r == ',' }) {
		if id := strings.Trim(f, "<>"); id != "" {
			ids = append(ids, id)
		}
	}
	return ids
}

// extensionByType gives a file extension for attachments without a name.
var extensionByType = map[string]string{
	"text/plain":               ".txt",
	"text/html":                ".html",
	"text/calendar":            ".ics",
	"image/jpeg":               ".jpg",
	"image/png":                ".png",
	"image/gif":                ".gif",
	"image/tiff":               ".tif",
	"application/pdf":          ".pdf",
	"application/zip":          ".zip",
	"application/msword":       ".doc",
	"application/octet-stream": ".bin",
	"message/rfc822":           ".eml",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}

// fallbackFileName names the n-th attachment of a message that has no usable name.
func fallbackFileName(n int, mediaType string) string {
	ext, ok := extensionByType[mediaType]
	if !ok {
		if exts, _ := mime.ExtensionsByType(mediaType); len(exts) > 0 {
			ext = exts[0]
		} else {
			ext = ".bin"
		}
	}
	return "attachment-" + strconv.Itoa(n) + ext
}
