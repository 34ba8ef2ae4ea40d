package intake

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"slices"
	"strings"
	"testing"

	"intake/intake/message"
	"intake/mailer"
	"intake/mailer/mailertest"
	"intake/rules"
)

// scan is a file of n bytes that looks like a stamped letter's PDF.
func scan(name string, n int) testFile {
	data := append([]byte("%PDF-1.4\n% stamped letter\n"), bytes.Repeat([]byte{'s', 'c', 'a', 'n', 0x8F}, n/5)...)
	return testFile{name, "application/pdf", data}
}

// padded is f grown to about n bytes with lines of its own kind.
func padded(f testFile, n int) testFile {
	f.data = append(bytes.Clone(f.data), bytes.Repeat([]byte("# padding line\r\n"), n/16)...)
	return f
}

// engineersMail returns the mail the engineers got, in order.
func engineersMail(h *harness, since int) []*sentMail {
	var out []*sentMail
	for _, s := range h.sentSince(since) {
		if slices.Contains(s.to, "license-engineers@example.test") {
			out = append(out, s)
		}
	}
	return out
}

// TestPipelineForwardEachFileOnce: a 2 MB scan makes a forward of about
// its encoded size, not twice that: the original mails go as headers and
// text, without their files.
func TestPipelineForwardEachFileOnce(t *testing.T) {
	h := newHarness(t)
	letter := scan("承诺书(盖章).pdf", 2<<20)
	h.deliver(testMail("陈晓东 <chen@hospital.example>", "License硬件变更申请", "r-1@hospital.example", "", hwChangeComplete, licenseFile, newHostFile, letter))
	h.poll()
	fwd := engineersMail(h, 0)
	if len(fwd) != 1 {
		t.Fatalf("%d forwards, want 1", len(fwd))
	}
	if got, max := len(fwd[0].raw), len(letter.data)*137/100+100<<10; got > max {
		t.Errorf("forward of a %d-byte scan is %d bytes, want at most %d (each file once)", len(letter.data), got, max)
	}
	if !bytes.Equal(fwd[0].files["承诺书(盖章).pdf"], letter.data) {
		t.Error("the scan is not attached whole")
	}
	if !bytes.Contains(fwd[0].raw, []byte("Content-Type: message/rfc822")) || !bytes.Contains(fwd[0].raw, []byte("杭州示例医院")) {
		t.Error("the customer's mail is not attached with its text")
	}
}

// TestPipelineForwardOversize: files that do not fit forwards.max_bytes
// follow in numbered mails on the forward's thread (split) or stay in the
// store, listed with name, size and SHA-256 (store); a file larger than a
// whole mail always stays, and the customer still gets one confirmation.
func TestPipelineForwardOversize(t *testing.T) {
	for _, mode := range []string{"split", "store"} {
		t.Run(mode, func(t *testing.T) {
			h := newHarness(t)
			h.cfg.Forwards.MaxBytes = 400 * message.KiB
			h.cfg.Forwards.Oversize = mode
			lic, host, huge := padded(licenseFile, 200<<10), padded(newHostFile, 220<<10), scan("承诺书(盖章).pdf", 500<<10)
			h.deliver(testMail("陈晓东 <chen@hospital.example>", "License硬件变更申请", "r-1@hospital.example", "", hwChangeComplete, lic, host, huge))
			h.poll()
			fwd := engineersMail(h, 0)
			want := map[string]int{"split": 2, "store": 1}[mode]
			if len(fwd) != want {
				t.Fatalf("%d mails to the engineers, want %d", len(fwd), want)
			}
			seen := map[string]int{}
			for i, m := range fwd {
				if len(m.raw) > int(h.cfg.Forwards.MaxBytes) {
					t.Errorf("mail %d is %d bytes, over max_bytes %d", i+1, len(m.raw), h.cfg.Forwards.MaxBytes)
				}
				if i > 0 && m.header.Get("In-Reply-To") != fwd[0].header.Get("Message-Id") {
					t.Errorf("mail %d is not on the forward's thread", i+1)
				}
				for name := range m.files {
					seen[name]++
				}
			}
			if seen["承诺书(盖章).pdf"] != 0 {
				t.Error("a file larger than a whole mail was sent")
			}
			sum := sha256.Sum256(huge.data)
			if !strings.Contains(fwd[0].body, "承诺书(盖章).pdf (512") || !strings.Contains(fwd[0].body, hex.EncodeToString(sum[:])) {
				t.Errorf("the forward does not list the file left in the store with its hash:\n%s", fwd[0].body)
			}
			if mode == "split" && (seen[lic.name] != 1 || seen[host.name] != 1) {
				t.Errorf("files sent %v, want each of the two smaller files once", seen)
			}
			acks := 0
			for _, s := range h.sentSince(0) {
				if slices.Contains(s.to, "chen@hospital.example") {
					acks++
				}
			}
			if acks != 1 {
				t.Errorf("%d mails to the customer, want one confirmation", acks)
			}
		})
	}
}

// sizedSender is a Sender whose server announced a SIZE.
type sizedSender struct{ n int64 }

func (s sizedSender) Send(context.Context, *mailer.Outgoing) error { return nil }
func (s sizedSender) MaxSize() int64                               { return s.n }

// TestForwardBudget: the server's SIZE bounds a forward below max_bytes;
// an unknown or larger one does not.
func TestForwardBudget(t *testing.T) {
	cfg := shippedConfig(t)
	for _, tc := range []struct{ size, want int64 }{{0, 25 << 20}, {10 << 20, 10 << 20}, {50 << 20, 25 << 20}} {
		p := &Pipeline{send: sizedSender{tc.size}}
		if got := p.forwardBudget(cfg); got != tc.want {
			t.Errorf("forwardBudget with SIZE %d = %d, want %d", tc.size, got, tc.want)
		}
	}
}

// TestPipelineForwardFirstFitsSize: the first forward of a fresh process
// already fits the SIZE the server announces below forwards.max_bytes:
// intake asks the server before composing it, not after a refused send.
func TestPipelineForwardFirstFitsSize(t *testing.T) {
	h := newHarness(t)
	rec, err := mailertest.StartSized(400 << 10)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rec.Close() })
	h.smtp = rec
	h.cfg.SMTP.Host, h.cfg.SMTP.Port = splitHostPort(t, rec.Addr())
	opts, err := h.cfg.SMTP.Options(nil)
	if err != nil {
		t.Fatal(err)
	}
	sender, err := mailer.NewSender(opts, slog.New(slog.NewTextHandler(h.log, nil)))
	if err != nil {
		t.Fatal(err)
	}
	h.p.SetSender(sender)
	lic, host, letter := padded(licenseFile, 150<<10), padded(newHostFile, 160<<10), scan("承诺书(盖章).pdf", 170<<10)
	h.deliver(testMail("陈晓东 <chen@hospital.example>", "License硬件变更申请", "r-1@hospital.example", "", hwChangeComplete, lic, host, letter))
	rep := h.poll()
	if pr := rep.Processed[0]; pr.Decision.Action != rules.ActionForward {
		t.Fatalf("decision %s, want forward", pr.Decision.Action)
	}
	fwd := engineersMail(h, 0)
	seen := map[string]int{}
	for i, m := range fwd {
		if len(m.raw) > 400<<10 {
			t.Errorf("mail %d is %d bytes, over the server's SIZE", i+1, len(m.raw))
		}
		for name := range m.files {
			seen[name]++
		}
	}
	if len(fwd) < 2 || seen[lic.name] != 1 || seen[host.name] != 1 || seen[letter.name] != 1 {
		t.Errorf("the first poll delivered %d mails to the engineers with files %v, want the three files split to fit SIZE 400 KiB", len(fwd), seen)
	}
}
