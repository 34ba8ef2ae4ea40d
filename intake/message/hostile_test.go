package message

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"intake/rules"
)

// maxHostileAlloc bounds the bytes Parse may allocate for one hostile
// message; it bounds the peak heap from above.
const maxHostileAlloc = 256 << 20

// hostileHead is the header every hostile message starts with: the fields a
// caller needs to report a quarantined mail.
const hostileHead = "From: Mallory <mallory@example.test>\r\nSubject: hostile\r\nMessage-ID: <h@example.test>\r\nMIME-Version: 1.0\r\n"

// hostileCase is one hostile message and what Parse must make of it.
type hostileCase struct {
	name     string
	input    func() io.Reader
	limits   func(*Limits)
	problem  string
	note     string // a note that must be present, by prefix
	checkMsg func(t *testing.T, m *rules.Message)
}

// hostileCases are the messages of TestHostile and BenchmarkHostile.
func hostileCases() []hostileCase {
	bigLimits := func(l *Limits) { l.MaxMessageBytes = 256 * MiB }
	return []hostileCase{
		{name: "10,000 nested multiparts", input: deepMultipart(10000), problem: ProblemTooDeep},
		{name: "10,000 nested attached messages", input: deepForward(10000), problem: ProblemTooDeep},
		{name: "10,000 parts", input: manyParts(10000), problem: ProblemTooManyParts},
		{name: "zip bomb", input: zipBomb(1<<30, 1<<30),
			note: "attachment_skipped: zeros.bin: expands more than 100 times",
			checkMsg: func(t *testing.T, m *rules.Message) {
				want := []file{{"bomb.zip", ""}, {"zeros.bin", "archive"}}
				if got := files(m); !slices.Equal(got, want) || m.Attachments[1].Data != nil {
					t.Errorf("Parse(zip bomb).Attachments = %v, want %v, the entry without Data", got, want)
				}
			}},
		// archive/zip itself stops reading at the declared size.
		{name: "zip bomb with a lying header", input: zipBomb(1<<30, 1000),
			note: "attachment_skipped: zeros.bin: unreadable"},
		{name: "100 MiB attachment", input: bigAttachment(100 << 20), problem: ProblemTooLarge},
		{name: "100 MiB attachment, larger message limit", input: bigAttachment(100 << 20), limits: bigLimits,
			note: "attachment_skipped: big.bin: larger than 33554432 bytes",
			checkMsg: func(t *testing.T, m *rules.Message) {
				if len(m.Attachments) != 1 || m.Attachments[0].Size != 100<<20 || m.Attachments[0].Data != nil {
					t.Errorf("Parse(100 MiB attachment).Attachments = %v, want big.bin of 100 MiB without Data", files(m))
				}
				if !strings.Contains(m.Body, "see attachment") {
					t.Errorf("Parse(100 MiB attachment).Body = %q, want the text part", m.Body)
				}
			}},
		{name: "unknown charset", input: stringInput(hostileHead + "Content-Type: text/plain; charset=x-martian\r\n\r\nhello\r\n"),
			note: `unknown_charset: "x-martian"`,
			checkMsg: func(t *testing.T, m *rules.Message) {
				if m.Body != "hello" {
					t.Errorf("Parse(unknown charset).Body = %q, want hello", m.Body)
				}
			}},
		{name: "2 MiB header in a part", input: stringInput(multipart(
			"Content-Type: text/plain\r\nX-Junk: "+strings.Repeat("j", 2<<20)+"\r\n\r\nlost\r\n",
			"Content-Type: text/plain\r\n\r\nkept\r\n")),
			note: "header_too_large: part 1",
			checkMsg: func(t *testing.T, m *rules.Message) {
				if m.Body != "kept" {
					t.Errorf("Parse(2 MiB part header).Body = %q, want kept", m.Body)
				}
			}},
		{name: "20 MiB of header fields in a part", input: stringInput(multipart(
			"Content-Type: text/plain\r\n"+strings.Repeat("X:y\r\n", 4<<20)+"\r\nlost\r\n",
			"Content-Type: text/plain\r\n\r\nkept\r\n")),
			note: "header_too_large: part 1",
			checkMsg: func(t *testing.T, m *rules.Message) {
				if m.Body != "kept" {
					t.Errorf("Parse(20 MiB part header).Body = %q, want kept", m.Body)
				}
			}},
		{name: "2 MiB message header", input: stringInput(hostileHead + "X-Junk: " + strings.Repeat("j", 2<<20) + "\r\n\r\nbody\r\n"), problem: ProblemMalformed},
		{name: "15,000 encoded words", input: stringInput(hostileHead + "X-Words:" + strings.Repeat(" =?utf-8?Q?a?=", 15000) + "\r\n\r\nbody\r\n"),
			checkMsg: func(t *testing.T, m *rules.Message) {
				if got := m.HeaderValue("X-Words"); got != strings.Repeat("a", 15000) {
					t.Errorf("Parse(15,000 encoded words).Header[X-Words] is %d bytes, want 15000 a's", len(got))
				}
			}},
		{name: "50,000 nested HTML tables", input: stringInput(hostileHead + "Content-Type: text/html\r\n\r\n" +
			strings.Repeat("<table><tr><td>x", 50000) + "\r\n"),
			checkMsg: func(t *testing.T, m *rules.Message) {
				if n := strings.Count(m.Body, "x"); n != 50000 {
					t.Errorf("Parse(nested HTML tables).Body has %d x, want 50000", n)
				}
			}},
		{name: "truncated base64", input: stringInput(multipart(
			"Content-Type: text/plain\r\n\r\ntext\r\n",
			"Content-Type: application/pdf; name=a.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\nJVBER")),
			note: "malformed_part: a.pdf",
			checkMsg: func(t *testing.T, m *rules.Message) {
				if len(m.Attachments) != 1 || !strings.HasPrefix(string(m.Attachments[0].Data), "%PDF-1.4\n") {
					t.Errorf("Parse(truncated base64).Attachments = %v, want a.pdf with what could be decoded", files(m))
				}
			}},
		{name: "missing final boundary", input: stringInput(hostileHead + "Content-Type: multipart/mixed; boundary=BB\r\n\r\n--BB\r\nContent-Type: text/plain\r\n\r\nunfinished\r\n"), note: "malformed_multipart",
			checkMsg: func(t *testing.T, m *rules.Message) {
				if m.Body != "unfinished" {
					t.Errorf("Parse(missing final boundary).Body = %q, want unfinished", m.Body)
				}
			}},
	}
}

// TestHostile holds Parse to its limits on hostile messages: the right
// problem or note, the header still read, the memory bounded, and no hang.
// How fast it is belongs to BenchmarkHostile.
func TestHostile(t *testing.T) {
	for _, tt := range hostileCases() {
		t.Run(tt.name, func(t *testing.T) {
			var m *rules.Message
			var err error
			measure(t, tt.name, func() { m, err = Parse(tt.input(), tt.lim()) })
			if err != nil {
				t.Fatalf("Parse(%s) error: %v", tt.name, err)
			}
			if m.Problem != tt.problem {
				t.Errorf("Parse(%s).Problem = %q (%s), want %q", tt.name, m.Problem, m.Detail, tt.problem)
			}
			if m.From != "mallory@example.test" || m.Subject != "hostile" || m.MessageID != "h@example.test" {
				t.Errorf("Parse(%s).From, Subject, MessageID = %q, %q, %q, want the header read", tt.name, m.From, m.Subject, m.MessageID)
			}
			if tt.note != "" && !slices.ContainsFunc(m.Notes, func(n string) bool { return strings.HasPrefix(n, tt.note) }) {
				t.Errorf("Parse(%s).Notes = %q, want one starting %q", tt.name, m.Notes, tt.note)
			}
			if tt.checkMsg != nil {
				tt.checkMsg(t, m)
			}
		})
	}
}

// BenchmarkHostile times Parse on each hostile message (milliseconds, and
// about a second for the 100 MiB attachments, on one core without the race
// detector).
func BenchmarkHostile(b *testing.B) {
	for _, tt := range hostileCases() {
		b.Run(tt.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Parse(tt.input(), tt.lim()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func (tt hostileCase) lim() Limits {
	lim := DefaultLimits()
	if tt.limits != nil {
		tt.limits(&lim)
	}
	return lim
}

func TestHostileReadError(t *testing.T) {
	boom := errors.New("connection reset")
	r := io.MultiReader(strings.NewReader(hostileHead+"\r\nbody"), &failingReader{boom})
	if _, err := Parse(r, Limits{}); !errors.Is(err, boom) {
		t.Errorf("Parse(failing reader) error = %v, want %v", err, boom)
	}
}

type failingReader struct{ err error }

func (f *failingReader) Read([]byte) (int, error) { return 0, f.err }

// hangGuard is how long one Parse of a hostile message may run before the
// test calls it a hang: minutes, far above its time on a loaded machine
// under the race detector, so that only a hang or a blow-up fails.
const hangGuard = 3 * time.Minute

// measure runs f and fails the test when it allocates more than
// maxHostileAlloc, or does not return within hangGuard.
func measure(t *testing.T, name string, f func()) {
	t.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(hangGuard):
		t.Fatalf("Parse(%s) still running after %v: a hang", name, hangGuard)
	}
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("Parse(%s): %v, %.1f MiB allocated, heap in use %.1f MiB", name, took.Round(time.Millisecond),
		float64(alloc)/(1<<20), float64(after.HeapInuse)/(1<<20))
	if alloc > maxHostileAlloc {
		t.Errorf("Parse(%s) allocated %d MiB, want under %d MiB", name, alloc>>20, maxHostileAlloc>>20)
	}
}

func stringInput(s string) func() io.Reader {
	return func() io.Reader { return strings.NewReader(s) }
}

// multipart builds a multipart/mixed message of the given parts (header and body).
func multipart(parts ...string) string {
	var b strings.Builder
	b.WriteString(hostileHead + "Content-Type: multipart/mixed; boundary=BB\r\n\r\n")
	for _, p := range parts {
		b.WriteString("--BB\r\n" + p + "\r\n")
	}
	b.WriteString("--BB--\r\n")
	return b.String()
}

// deepMultipart nests multiparts n levels deep.
func deepMultipart(n int) func() io.Reader {
	var b strings.Builder
	b.WriteString(hostileHead + "Content-Type: multipart/mixed; boundary=b0\r\n\r\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "--b%d\r\nContent-Type: multipart/mixed; boundary=b%d\r\n\r\n", i-1, i)
	}
	fmt.Fprintf(&b, "--b%d\r\nContent-Type: text/plain\r\n\r\ndeep\r\n", n-1)
	for i := n - 1; i >= 0; i-- {
		fmt.Fprintf(&b, "--b%d--\r\n", i)
	}
	return stringInput(b.String())
}

// deepForward nests attached messages n levels deep.
func deepForward(n int) func() io.Reader {
	var b strings.Builder
	b.WriteString(hostileHead)
	for range n {
		b.WriteString("Content-Type: message/rfc822\r\n\r\nSubject: inner\r\n")
	}
	b.WriteString("\r\ndeep\r\n")
	return stringInput(b.String())
}

// manyParts builds a multipart of n small parts.
func manyParts(n int) func() io.Reader {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = "Content-Type: text/plain\r\n\r\npart"
	}
	return stringInput(multipart(parts...))
}

// zipBomb builds a message with a zip holding size zero bytes, declared in
// the zip header as declared bytes.
func zipBomb(size, declared int64) func() io.Reader {
	data := deflatedZeros(size)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	// The CRC is left zero: the reader must give up long before checking it.
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "zeros.bin", Method: zip.Deflate,
		CompressedSize64: uint64(len(data)), UncompressedSize64: uint64(declared)})
	if err != nil {
		panic(err)
	}
	w.Write(data)
	zw.Close()
	return stringInput(multipart("Content-Type: text/plain\r\n\r\nsee attachment",
		"Content-Type: application/zip\r\nContent-Disposition: attachment; filename=bomb.zip\r\n"+
			"Content-Transfer-Encoding: base64\r\n\r\n"+wrap76(b64(buf.String()))))
}

// deflatedZeros returns a deflate stream of size zero bytes (a multiple of
// 1 MiB) without compressing them all: a first compressed MiB, then a MiB
// compressed against a window of zeros, repeated, then an empty final block.
func deflatedZeros(size int64) []byte {
	const chunk = 1 << 20
	zeros := make([]byte, chunk)
	compress := func(dict []byte) []byte {
		var b bytes.Buffer
		w, _ := flate.NewWriterDict(&b, flate.BestSpeed, dict)
		w.Write(zeros)
		w.Flush()
		return b.Bytes()
	}
	out := compress(nil)
	next := compress(zeros[:32<<10])
	for i := int64(1); i < size/chunk; i++ {
		out = append(out, next...)
	}
	return append(out, 0x03, 0x00)
}

// bigAttachment streams a message with a text part and a file of size
// bytes, base64-encoded, without holding it in memory.
func bigAttachment(size int64) func() io.Reader {
	return func() io.Reader {
		head := hostileHead + "Content-Type: multipart/mixed; boundary=BB\r\n\r\n" +
			"--BB\r\nContent-Type: text/plain\r\n\r\nsee attachment\r\n" +
			"--BB\r\nContent-Type: application/octet-stream; name=big.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n"
		line := strings.Repeat("A", 76) + "\r\n" // 57 zero bytes
		lines := size / 57
		rest := base64Zeros(size - lines*57)
		return io.MultiReader(strings.NewReader(head), &repeatReader{line: line, n: lines},
			strings.NewReader(rest+"\r\n--BB--\r\n"))
	}
}

func base64Zeros(n int64) string {
	return b64(string(make([]byte, n)))
}

// repeatReader reads line n times.
type repeatReader struct {
	line string
	n    int64
	off  int
}

func (r *repeatReader) Read(b []byte) (int, error) {
	total := 0
	for len(b) > 0 && r.n > 0 {
		c := copy(b, r.line[r.off:])
		b, total, r.off = b[c:], total+c, r.off+c
		if r.off == len(r.line) {
			r.off, r.n = 0, r.n-1
		}
	}
	if total == 0 {
		return 0, io.EOF
	}
	return total, nil
}
