package message

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"

	"intake/rules"
)

// TestParseHoldsLargeFilesNot: a file over MaxHeldBytes is read for its
// size, digest, head and text but not held (Part locates it instead), and
// CopyFile reads it again from the mail byte for byte, inside an attached
// mail too; an archive is held whole and opened as before; a file over
// MaxAttachmentBytes is skipped as before.
func TestParseHoldsLargeFilesNot(t *testing.T) {
	rnd := rand.NewChaCha8([32]byte{1})
	big := make([]byte, MaxHeldBytes+123457)
	rnd.Read(big)
	text := []byte(strings.Repeat("HostID=NEW-1234-5678\r\n", (MaxHeldBytes+4096)/22))
	inner := big[:MaxHeldBytes+1000]
	zipped := makeZip(t, zipEntry{name: "noise.bin", data: string(big[:MaxHeldBytes+10])}, zipEntry{name: "old.lic", data: "H3C License"})
	forwarded := "From: b@example.test\r\nSubject: fwd\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=CC\r\n\r\n" +
		"--CC\r\nContent-Type: text/plain\r\n\r\ninner\r\n" +
		"--CC\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=inner.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n" + wrap76(b64(string(inner))) + "\r\n--CC--\r\n"
	part := func(name, ct string, data []byte) string {
		return "--BB\r\nContent-Type: " + ct + "\r\nContent-Disposition: attachment; filename=" + name +
			"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + wrap76(b64(string(data))) + "\r\n"
	}
	raw := "From: a@example.test\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=BB\r\n\r\n" +
		"--BB\r\nContent-Type: text/plain\r\n\r\ntext\r\n" +
		part("small.lic", "application/octet-stream", []byte("H3C License small")) +
		part("capture.bin", "application/octet-stream", big) +
		part("hostinfo.txt", "text/plain", text) +
		part("files.zip", "application/zip", []byte(zipped)) +
		"--BB\r\nContent-Type: message/rfc822\r\n\r\n" + forwarded + "\r\n" +
		part("huge.bin", "application/octet-stream", append(big, big...)) +
		"--BB--\r\n"
	lim := DefaultLimits()
	lim.MaxAttachmentBytes = 3 * MiB
	m, err := Parse(strings.NewReader(raw), lim)
	if err != nil || m.Problem != "" {
		t.Fatalf("Parse = %v, problem %q %s", err, m.Problem, m.Detail)
	}
	want := map[string][]byte{"small.lic": []byte("H3C License small"), "capture.bin": big, "hostinfo.txt": text, "files.zip": []byte(zipped), "inner.bin": inner}
	byName := map[string]rules.Attachment{}
	for _, a := range m.Attachments {
		byName[a.Name] = a
	}
	for name, data := range want {
		a, ok := byName[name]
		sum := sha256.Sum256(data)
		switch {
		case !ok:
			t.Errorf("%s: not found among %v", name, files(m))
			continue
		case a.Size != int64(len(data)) || a.SHA256 != hex.EncodeToString(sum[:]):
			t.Errorf("%s: size %d, sha256 %.12s; want %d, %.12s", name, a.Size, a.SHA256, len(data), hex.EncodeToString(sum[:]))
		case !bytes.Equal(a.Head, data[:min(len(data), maxHeadBytes)]):
			t.Errorf("%s: head differs", name)
		case a.Text != attachmentText(data, int64(len(data)), a.ContentType, ""):
			t.Errorf("%s: text differs from the text of the whole file", name)
		}
		held := len(data) <= MaxHeldBytes || name == "files.zip"
		if held != (a.Data != nil) || held != (a.Part == 0) || a.Skipped() {
			t.Errorf("%s (%d bytes): Data %d bytes, Part %d, skipped %v; want held %v", name, len(data), len(a.Data), a.Part, a.Skipped(), held)
		}
		if a.Part == 0 {
			continue
		}
		var out bytes.Buffer
		got, err := CopyFile(&out, strings.NewReader(raw), lim, a.Part)
		if err != nil || got != a.SHA256 || !bytes.Equal(out.Bytes(), data) {
			t.Errorf("CopyFile(part %d = %s) = %d bytes, %.12s, %v; want the file, %.12s", a.Part, name, out.Len(), got, err, a.SHA256)
		}
	}
	if a := byName["old.lic"]; a.Origin != rules.OriginArchive || string(a.Data) != "H3C License" {
		t.Errorf("the zip over MaxHeldBytes was not opened: old.lic = %+v", a)
	}
	if a := byName["huge.bin"]; !a.Skipped() || a.Part != 0 {
		t.Errorf("huge.bin over max_attachment_bytes: skipped %v, part %d; want skipped", a.Skipped(), a.Part)
	}
	if _, err := CopyFile(&bytes.Buffer{}, strings.NewReader(raw), lim, 99); err == nil {
		t.Error("CopyFile of a part the mail does not have gave no error")
	}
}
