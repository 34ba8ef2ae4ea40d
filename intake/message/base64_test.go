package message

import (
	"bytes"
	"encoding/base64"
	"io"
	"strings"
	"testing"

	gomessage "github.com/emersion/go-message"
)

// TestBase64Reader: the block decoder gives what go-message's decoder
// gives (bytes, and whether it fails) on well-formed and on broken bodies,
// however the input is cut into reads.
func TestBase64Reader(t *testing.T) {
	big := make([]byte, 100<<10)
	for i := range big {
		big[i] = byte(i * 31 % 253)
	}
	lines := func(s string, n int, eol string) string {
		var b strings.Builder
		for len(s) > n {
			b.WriteString(s[:n] + eol)
			s = s[n:]
		}
		return b.String() + s + eol
	}
	enc := base64.StdEncoding.EncodeToString
	tests := []struct{ name, in string }{
		{"empty", ""},
		{"one line", enc([]byte("hello, 你好"))},
		{"crlf lines", lines(enc(big), 76, "\r\n")},
		{"lf lines", lines(enc(big), 64, "\n")},
		{"indented", lines(enc(big[:3000]), 76, "\r\n ")},
		{"spaces and tabs inside", "aGVs bG8s\tIHdv cmxk"},
		{"no padding", "aGVsbG8"},
		{"one char short", "aGVsbG8=a"},
		{"invalid char", lines(enc(big[:5000]), 76, "\r\n") + "*junk*" + enc([]byte("more"))},
		{"invalid char late", lines(enc(big), 76, "\r\n")[:90000] + "!" + "QUJD"},
		{"padding inside", enc([]byte("a")) + enc([]byte("b"))},
		{"trailing blank lines", enc([]byte("done")) + "\r\n\r\n\r\n"},
	}
	for _, tt := range tests {
		for _, chunk := range []int{1, 7, 4096, 1 << 20} {
			want, wantErr := goMessageDecode(tt.in)
			got, gotErr := io.ReadAll(newBase64Reader(&chunkReader{s: tt.in, n: chunk}))
			if (gotErr != nil) != (wantErr != nil) {
				t.Errorf("%s, reads of %d: error %v, go-message %v", tt.name, chunk, gotErr, wantErr)
			}
			if wantErr == nil && !bytes.Equal(got, want) {
				t.Errorf("%s, reads of %d: %d bytes decoded, go-message %d (or other bytes)", tt.name, chunk, len(got), len(want))
			}
			if wantErr != nil && !bytes.HasPrefix(want, got) && !bytes.HasPrefix(got, want) {
				t.Errorf("%s, reads of %d: decoded before the error differs from go-message's", tt.name, chunk)
			}
		}
	}
}

func goMessageDecode(in string) ([]byte, error) {
	var h gomessage.Header
	h.Set("Content-Transfer-Encoding", "base64")
	e, err := gomessage.New(h, strings.NewReader(in))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(e.Body)
}

// chunkReader returns at most n bytes a read.
type chunkReader struct {
	s string
	n int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.s) == 0 {
		return 0, io.EOF
	}
	k := copy(p[:min(len(p), c.n)], c.s)
	c.s = c.s[k:]
	return k, nil
}
