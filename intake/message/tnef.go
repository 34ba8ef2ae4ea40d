package message

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"intake/rules"
)

// TNEF (MS-OXTNEF) is how Outlook sends rich-text mail: the files are inside
// one winmail.dat part. The Go module proxy serves no maintained TNEF
// library, so this is a small reader of the part of the format that carries
// files: their titles, long names and data, and the message class. It reads
// from memory already within MaxAttachmentBytes, adds no more files than
// MaxArchiveEntries and counts their bytes toward MaxArchiveBytes.

const tnefSignature = 0x223E9F78

// TNEF attributes (id | type << 16) and MAPI properties this reader uses.
const (
	attOemCodepage    = 0x00069007
	attMessageClass   = 0x00078008
	attAttachRendData = 0x00069002
	attAttachTitle    = 0x00018010
	attAttachData     = 0x0006800F
	attAttachment     = 0x00069005

	prAttachLongFilename = 0x3707
	prAttachMimeTag      = 0x370E
)

// tnefTypes are the media types senders give TNEF parts.
var tnefTypes = map[string]bool{"application/ms-tnef": true, "application/vnd.ms-tnef": true}

// isTNEF reports whether an attachment is a TNEF part: by type, the
// winmail.dat name or the signature.
func isTNEF(a rules.Attachment) bool {
	return tnefTypes[a.ContentType] || strings.EqualFold(a.Name, "winmail.dat") ||
		len(a.Head) >= 4 && binary.LittleEndian.Uint32(a.Head) == tnefSignature
}

// tnefFile is one file carried in a TNEF part.
type tnefFile struct {
	title, long, mime string
	data              []byte
}

// name is the file's long name when given, else its 8.3 title.
func (f tnefFile) name() string {
	if f.long != "" {
		return f.long
	}
	return f.title
}

// readTNEF returns the message class and the files of a TNEF part, at most
// max files; ok is false when data is not TNEF.
func readTNEF(data []byte, max int) (class string, files []tnefFile, ok bool) {
	if len(data) < 6 || binary.LittleEndian.Uint32(data) != tnefSignature {
		return "", nil, false
	}
	codepage := uint32(1252)
	var cur *tnefFile
	flush := func() {
		if cur != nil && (cur.data != nil || cur.name() != "") {
			files = append(files, *cur)
		}
		cur = nil
	}
	for r := data[6:]; len(r) >= 11; {
		level, id, n := r[0], binary.LittleEndian.Uint32(r[1:]), binary.LittleEndian.Uint32(r[5:])
		if uint64(n)+11 > uint64(len(r)) {
			break // truncated: keep what was read
		}
		val := r[9 : 9+n]
		r = r[11+n:] // value and checksum
		switch {
		case id == attOemCodepage && len(val) >= 4:
			codepage = binary.LittleEndian.Uint32(val)
		case id == attMessageClass && level == 1:
			class = cString(val, codepage)
		case id == attAttachRendData:
			flush()
			if len(files) >= max {
				return class, files, true
			}
			cur = &tnefFile{}
		case cur == nil:
		case id == attAttachTitle:
			cur.title = cString(val, codepage)
		case id == attAttachData:
			cur.data = val
		case id == attAttachment:
			cur.long, cur.mime = mapiNames(val, codepage)
		}
	}
	flush()
	return class, files, true
}

// cString decodes a NUL-terminated 8-bit string in a Windows code page.
func cString(b []byte, codepage uint32) string {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	var s []byte
	var err error
	switch codepage {
	case 936, 54936:
		s, err = simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	case 950:
		s, err = traditionalchinese.Big5.NewDecoder().Bytes(b)
	case 65001:
		return strings.ToValidUTF8(string(b), "\uFFFD")
	default:
		s, err = charmap.Windows1252.NewDecoder().Bytes(b)
	}
	if err != nil {
		return decodeUnlabelled(b)
	}
	return string(s)
}

// mapiNames reads an attachment's MAPI properties for its long file name
// and its MIME type; it stops at the first property it cannot size.
func mapiNames(b []byte, codepage uint32) (long, mime string) {
	u32 := func() (uint32, bool) {
		if len(b) < 4 {
			return 0, false
		}
		v := binary.LittleEndian.Uint32(b)
		b = b[4:]
		return v, true
	}
	count, ok := u32()
	for i := uint32(0); ok && i < count && i < 4096; i++ {
		var tag uint32
		if tag, ok = u32(); !ok {
			return
		}
		typ, id := tag&0xFFFF, tag>>16
		if id >= 0x8000 { // a named property: GUID, kind, id or name
			if len(b) < 20 {
				return
			}
			kind := binary.LittleEndian.Uint32(b[16:])
			b = b[20:]
			if kind == 0 {
				_, ok = u32()
			} else {
				n, ok2 := u32()
				if !ok2 || uint64(n+3)&^3 > uint64(len(b)) {
					return
				}
				b = b[(n+3)&^3:]
			}
		}
		variable := typ&^0x1000 == 0x001E || typ&^0x1000 == 0x001F || typ&^0x1000 == 0x0102 || typ&^0x1000 == 0x000D
		values := uint32(1)
		if typ&0x1000 != 0 || variable {
			// Multiple values, and strings, binaries and objects even when
			// single, carry their count.
			if values, ok = u32(); !ok {
				return
			}
		}
		typ &^= 0x1000
		for v := uint32(0); v < values && v < 4096; v++ {
			size := 0
			switch typ {
			case 0x0002, 0x0003, 0x0004, 0x000A, 0x000B: // short, long, float, error, boolean
				size = 4
			case 0x0005, 0x0006, 0x0007, 0x0014, 0x0040: // double, currency, apptime, i8, systime
				size = 8
			case 0x0048: // clsid
				size = 16
			case 0x001E, 0x001F, 0x0102, 0x000D: // string8, unicode, binary, object
				n, ok2 := u32()
				if !ok2 || uint64(n+3)&^3 > uint64(len(b)) {
					return
				}
				val := b[:n]
				b = b[(n+3)&^3:]
				switch {
				case id == prAttachLongFilename && typ == 0x001F, id == prAttachMimeTag && typ == 0x001F:
					setName(id, utf16String(val), &long, &mime)
				case id == prAttachLongFilename && typ == 0x001E, id == prAttachMimeTag && typ == 0x001E:
					setName(id, cString(val, codepage), &long, &mime)
				}
				continue
			default:
				return
			}
			if len(b) < size {
				return
			}
			b = b[size:]
		}
	}
	return
}

// setName keeps a file-name or MIME-type property.
func setName(id uint32, s string, long, mime *string) {
	if id == prAttachLongFilename {
		*long = s
	} else {
		*mime = strings.ToLower(strings.TrimSpace(s))
	}
}

// utf16String decodes NUL-terminated UTF-16LE.
func utf16String(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		c := binary.LittleEndian.Uint16(b[i:])
		if c == 0 {
			break
		}
		u = append(u, c)
	}
	return string(utf16.Decode(u))
}

// expandTNEF adds the files of a TNEF part to the message, with Origin
// "archive" and the part as their container; the part's message class is
// kept in the message's header as X-TNEF-Message-Class.
func (p *mimeParser) expandTNEF(m *msgState, part rules.Attachment) {
	class, files, ok := readTNEF(part.Data, p.lim.MaxArchiveEntries)
	if !ok {
		return
	}
	if class != "" && m.msg.Header.Get("X-Tnef-Message-Class") == "" {
		m.msg.Header.Set("X-Tnef-Message-Class", class)
	}
	for _, f := range files {
		name := rules.SafeFileName(f.name())
		if name == "" {
			name = fallbackFileName(len(m.msg.Attachments)+1, "application/octet-stream")
		}
		if p.archiveBytes += int64(len(f.data)); p.archiveBytes > int64(p.lim.MaxArchiveBytes) {
			m.note("attachment_skipped: %s: archives expand past %d bytes in total", name, p.lim.MaxArchiveBytes)
			f.data = nil
		}
		c, _ := capture(bytes.NewReader(f.data), int64(p.lim.MaxAttachmentBytes))
		mediaType := f.mime
		if mediaType == "" || genericTypes[mediaType] {
			mediaType = sniffType(name, c.head)
		}
		att := newAttachment(name, mediaType, "", c)
		att.Origin, att.Container = rules.OriginArchive, part.Name
		att.Original = originalName(f.name(), name)
		if c.data == nil {
			m.note("attachment_skipped: %s: larger than %d bytes", name, p.lim.MaxAttachmentBytes)
		}
		m.msg.Attachments = append(m.msg.Attachments, att)
	}
}
