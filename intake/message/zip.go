package message

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path"
	"strings"

	"intake/rules"
)

// ratioFloor is the expanded size under which MaxArchiveRatio is not
// enforced: small repetitive text files compress far better than 100:1.
const ratioFloor = 1 << 20

// zipTypes are the media types senders give .zip files.
var zipTypes = map[string]bool{
	"application/zip":              true,
	"application/x-zip-compressed": true,
	"application/x-zip":            true,
}

// zipBasedExts are file formats stored as zip archives that are documents
// of their own, not archives to open.
var zipBasedExts = map[string]bool{
	".docx": true, ".docm": true, ".xlsx": true, ".xlsm": true, ".pptx": true, ".pptm": true,
	".odt": true, ".ods": true, ".odp": true, ".jar": true, ".apk": true, ".epub": true,
	".vsdx": true, ".xps": true, ".ofd": true,
}

// isZip reports whether an attachment is a .zip archive to open: by
// extension, media type or the PK\x03\x04 signature.
func isZip(a rules.Attachment) bool {
	ext := strings.ToLower(path.Ext(a.Name))
	if zipBasedExts[ext] {
		return false
	}
	return ext == ".zip" || zipTypes[a.ContentType] || bytes.HasPrefix(a.Head, []byte("PK\x03\x04"))
}

// expandZip adds the files of a .zip attachment to the message, with Origin
// "archive". Archives and entries over the limits, encrypted or unreadable
// entries are skipped with an "attachment_skipped" note; skipped entries
// are still listed, without Data. Archives inside are listed, not opened.
func (p *mimeParser) expandZip(m *msgState, archive rules.Attachment) {
	if n := zipDirectoryEntries(archive.Data); n > p.lim.MaxArchiveEntries {
		m.note("attachment_skipped: %s: more than %d archive entries", archive.Name, p.lim.MaxArchiveEntries)
		return
	}
	zr, err := zip.NewReader(bytes.NewReader(archive.Data), int64(len(archive.Data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) { // names are sanitised below
		m.note("attachment_skipped: %s: unreadable archive: %v", archive.Name, err)
		return
	}
	for _, f := range zr.File {
		// QUIRK: macOS adds __MACOSX/._name resource forks that would look
		// like the real files (TestParseZip).
		if f.FileInfo().IsDir() || strings.HasSuffix(f.Name, "/") || strings.HasPrefix(f.Name, "__MACOSX/") {
			continue
		}
		sent := zipEntryName(f)
		name := rules.SafeFileName(sent)
		if name == "" {
			name = fallbackFileName(len(m.msg.Attachments)+1, "application/octet-stream")
		}
		att, skipped := p.zipEntry(f, name)
		if skipped != "" {
			m.note("attachment_skipped: %s: %s", name, skipped)
		}
		att.Origin, att.Container = rules.OriginArchive, archive.Name
		att.Original = originalName(sent, name)
		m.msg.Attachments = append(m.msg.Attachments, att)
	}
}

// zipEntry reads one archive entry within the limits. When the entry is
// skipped, skipped says why and the attachment has no content.
func (p *mimeParser) zipEntry(f *zip.File, name string) (att rules.Attachment, skipped string) {
	att = rules.Attachment{Name: name, ContentType: sniffType(name, nil), Size: int64(f.UncompressedSize64)}
	if f.Flags&0x1 != 0 {
		return att, "encrypted"
	}
	ratioCap := max(int64(f.CompressedSize64)*int64(p.lim.MaxArchiveRatio), ratioFloor)
	limit := min(int64(p.lim.MaxAttachmentBytes), int64(p.lim.MaxArchiveBytes)-p.archiveBytes, ratioCap)
	tooBig := func(n int64) string {
		switch {
		case n > ratioCap:
			return fmt.Sprintf("expands more than %d times", p.lim.MaxArchiveRatio)
		case n > int64(p.lim.MaxAttachmentBytes):
			return fmt.Sprintf("larger than %d bytes", p.lim.MaxAttachmentBytes)
		}
		return fmt.Sprintf("archives expand past %d bytes in total", p.lim.MaxArchiveBytes)
	}
	if int64(f.UncompressedSize64) > limit {
		return att, tooBig(int64(f.UncompressedSize64))
	}
	rc, err := f.Open()
	if err != nil {
		return att, fmt.Sprintf("unreadable: %v", err)
	}
	defer rc.Close()
	// The header may lie: read no more than the limit allows (archive/zip
	// also stops at the declared size, as TestHostile "lying header" shows).
	c, err := capture(io.LimitReader(rc, limit+1), limit)
	p.archiveBytes += min(c.size, limit)
	switch {
	case c.data == nil:
		return att, tooBig(c.size)
	case err != nil:
		return att, fmt.Sprintf("unreadable: %v", err)
	}
	return newAttachment(name, sniffType(name, c.head), "", c), ""
}

// zipEntryName decodes the name of an archive entry.
//
// QUIRK: Chinese Windows archivers store GBK names without the UTF-8 flag
// (TestParseZip).
func zipEntryName(f *zip.File) string {
	if f.Flags&0x800 != 0 {
		return strings.ToValidUTF8(f.Name, "\uFFFD")
	}
	return decodeUnlabelled([]byte(f.Name))
}

// zipDirectoryEntries counts the central directory records of a zip, so
// that a directory of millions of entries is refused before archive/zip
// allocates them.
func zipDirectoryEntries(data []byte) int {
	dir := data
	from := max(0, len(data)-(22+0xffff)) // the end record and its comment
	if end := bytes.LastIndex(data[from:], []byte("PK\x05\x06")); end >= 0 && from+end+20 <= len(data) {
		end += from
		if off := int64(binary.LittleEndian.Uint32(data[end+16:])); off < int64(end) {
			dir = data[off:end]
		}
	}
	return bytes.Count(dir, []byte("PK\x01\x02"))
}

// sniffType gives the media type of an archive entry from its extension,
// else from its first bytes (nil when unread).
func sniffType(name string, head []byte) string {
	t := mime.TypeByExtension(strings.ToLower(path.Ext(name)))
	if t == "" && head != nil {
		if t = sniffMagic(head); t == "" {
			t = http.DetectContentType(head)
		}
	}
	if t == "" {
		t = "application/octet-stream"
	}
	t, _ = parseParams(t)
	return t
}

// genericTypes are content types that say nothing of a file's kind.
var genericTypes = map[string]bool{
	"application/octet-stream": true, "application/unknown": true, "application/x-unknown": true,
	"application/binary": true, "application/x-download": true, "application/force-download": true,
	"binary/octet-stream": true,
}

// sniffMagic returns the media type of an image or PDF from its first bytes,
// or "": what a file is, whatever its name or declared type says.
func sniffMagic(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return "application/pdf"
	case bytes.HasPrefix(head, []byte("\xff\xd8\xff")):
		return "image/jpeg"
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		return "image/png"
	case bytes.HasPrefix(head, []byte("GIF87a")), bytes.HasPrefix(head, []byte("GIF89a")):
		return "image/gif"
	case bytes.HasPrefix(head, []byte("II*\x00")), bytes.HasPrefix(head, []byte("MM\x00*")):
		return "image/tiff"
	case bytes.HasPrefix(head, []byte("BM")) && len(head) > 14 && head[6] == 0 && head[7] == 0 && head[8] == 0 && head[9] == 0:
		return "image/bmp"
	case len(head) >= 12 && bytes.HasPrefix(head, []byte("RIFF")) && string(head[8:12]) == "WEBP":
		return "image/webp"
	case len(head) >= 12 && string(head[4:8]) == "ftyp":
		// ISO base media: the brand says HEIC/HEIF (iPhone photos) or AVIF.
		switch string(head[8:12]) {
		case "heic", "heix", "heim", "heis", "hevc", "hevx":
			return "image/heic"
		case "mif1", "msf1":
			return "image/heif"
		case "avif", "avis":
			return "image/avif"
		}
	}
	return ""
}
