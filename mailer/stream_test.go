package mailer

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/emersion/go-message/mail"
)

// bigFile is a file of n pseudo-random bytes.
func bigFile(n int) []byte {
	b := make([]byte, n)
	r := rand.NewChaCha8([32]byte{7})
	r.Read(b)
	return b
}

// readOnce is a file to Open that says how often it was opened.
type readOnce struct {
	data   []byte
	opened int
}

func (r *readOnce) open() (io.ReadCloser, error) {
	r.opened++
	return io.NopCloser(bytes.NewReader(r.data)), nil
}

// TestComposeToStreamsFiles: a file given by Open is read once and written
// into the mail exactly as the same file given in memory (Data) is, byte
// for byte, and sent from a file it arrives whole, through the 7bit
// re-encoding too.
func TestComposeToStreamsFiles(t *testing.T) {
	data := bigFile(5<<20 + 7)
	held := forwardSpec(t)
	held.Attachments = append(held.Attachments, Attachment{Name: "capture.pcap", ContentType: "application/octet-stream", Data: data})
	want := mustCompose(t, held, false)

	f := &readOnce{data: data}
	streamed := forwardSpec(t)
	streamed.Attachments = append(streamed.Attachments, Attachment{Name: "capture.pcap", ContentType: "application/octet-stream", Open: f.open, Size: int64(len(data))})
	var buf bytes.Buffer
	out, err := ComposeTo(&buf, streamed, false)
	if err != nil {
		t.Fatalf("ComposeTo: %v", err)
	}
	if f.opened != 1 {
		t.Errorf("ComposeTo opened the file %d times, want 1", f.opened)
	}
	if !bytes.Equal(sameBoundaries(buf.Bytes()), sameBoundaries(want.Raw)) || out.Size != int64(buf.Len()) {
		t.Fatalf("ComposeTo wrote %d bytes (Size %d), Compose %d: the mails differ", buf.Len(), out.Size, len(want.Raw))
	}
	if bytes.Contains(buf.Bytes(), []byte("aW50YWtlLWZpbGUg")) { // base64 of "intake-file "
		t.Error("a file's marker was left in the mail")
	}

	for _, hide := range []bool{false, true} {
		rec := startRecorder(t)
		if hide {
			rec.Hide8BITMIME()
		}
		sum := sha256.Sum256(buf.Bytes())
		out.Body, out.SHA256 = bytes.NewReader(buf.Bytes()), hex.EncodeToString(sum[:])
		if err := newSender(t, options(t, rec.Addr())).Send(context.Background(), out); err != nil {
			t.Fatalf("Send (8BITMIME hidden: %v) = %v", hide, err)
		}
		msgs := rec.Messages()
		if len(msgs) != 1 {
			t.Fatalf("recorder holds %d messages, want 1", len(msgs))
		}
		if !hide && !bytes.Equal(msgs[0].Raw, buf.Bytes()) {
			t.Errorf("sent from a file, the mail changed on the way")
		}
		if got := attachment(t, msgs[0].Raw, "capture.pcap"); !bytes.Equal(got, data) {
			t.Errorf("8BITMIME hidden %v: capture.pcap arrived with %d bytes, want the %d sent, byte-identical", hide, len(got), len(data))
		}
	}
}

// sameBoundaries returns raw with its MIME boundaries (go-mail makes them
// at random) replaced by fixed ones.
func sameBoundaries(raw []byte) []byte {
	for i, m := range regexp.MustCompile(`boundary="?([^";\r\n]+)`).FindAllSubmatch(raw, -1) {
		raw = bytes.ReplaceAll(raw, m[1], []byte(fmt.Sprintf("BOUNDARY%d", i)))
	}
	return raw
}

// attachment returns the content of the named attachment of a mail.
func attachment(t *testing.T, raw []byte, name string) []byte {
	t.Helper()
	m, err := mail.CreateReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	for {
		p, err := m.NextPart()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			t.Fatal(err)
		}
		if h, ok := p.Header.(*mail.AttachmentHeader); ok {
			if n, _ := h.Filename(); n == name {
				b, err := io.ReadAll(p.Body)
				if err != nil {
					t.Fatal(err)
				}
				return b
			}
		}
	}
}

// TestSendSpoiltBody: a mail whose bytes no longer match its digest (a
// file spoilt on disk) is refused for good and never delivered: DATA is
// not ended.
func TestSendSpoiltBody(t *testing.T) {
	rec := startRecorder(t)
	out := mustCompose(t, forwardSpec(t), false)
	sum := sha256.Sum256(out.Raw)
	spoilt := bytes.Clone(out.Raw)
	spoilt[len(spoilt)/2] ^= 0x01
	out.Body, out.Size, out.SHA256 = bytes.NewReader(spoilt), int64(len(spoilt)), hex.EncodeToString(sum[:])
	err := newSender(t, options(t, rec.Addr())).Send(context.Background(), out)
	var se *SendError
	if !errors.As(err, &se) || se.Class != Permanent || !strings.Contains(err.Error(), "spoilt") {
		t.Errorf("Send(spoilt) = %v, want a permanent error naming the spoilt mail", err)
	}
	if n := len(rec.Messages()); n != 0 {
		t.Errorf("the recorder got %d messages, want none", n)
	}
}
