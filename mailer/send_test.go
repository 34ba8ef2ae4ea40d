package mailer

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-message/mail"
	gomail "github.com/wneessen/go-mail"

	"intake/mailer/mailertest"
)

func startRecorder(t *testing.T) *mailertest.Recorder {
	t.Helper()
	rec, err := mailertest.Start()
	if err != nil {
		t.Fatalf("starting recorder: %v", err)
	}
	t.Cleanup(func() { _ = rec.Close() })
	return rec
}

func options(t *testing.T, addr string) SMTPOptions {
	t.Helper()
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := strconv.Atoi(port)
	return SMTPOptions{Host: host, Port: p, Security: "plain", Auth: "none", Timeout: 5 * time.Second, Helo: "intake.test"}
}

func newSender(t *testing.T, o SMTPOptions) *Sender {
	t.Helper()
	s, err := NewSender(o, nil)
	if err != nil {
		t.Fatalf("NewSender(%+v) = %v", o, err)
	}
	return s
}

// wantClass checks that err is a *SendError of class want.
func wantClass(t *testing.T, err error, want Class, wantCode int) {
	t.Helper()
	var se *SendError
	if !errors.As(err, &se) {
		t.Fatalf("Send() = %v, want a *SendError (%s)", err, want)
	}
	if se.Class != want || se.Code != wantCode {
		t.Errorf("Send() = %v: class %s code %d, want %s %d", err, se.Class, se.Code, want, wantCode)
	}
}

func TestSendDelivers(t *testing.T) {
	rec := startRecorder(t)
	s := newSender(t, options(t, rec.Addr()))
	for _, null := range []bool{false, true} {
		out := mustCompose(t, forwardSpec(t), null)
		if err := s.Send(context.Background(), out); err != nil {
			t.Fatalf("Send(null sender %v) = %v", null, err)
		}
	}
	if err := rec.Wait(2, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	msgs := rec.Messages()
	want := mustCompose(t, forwardSpec(t), false)
	for i, wantFrom := range []string{"intake@example.test", ""} {
		m := msgs[i]
		if m.From != wantFrom {
			t.Errorf("message %d: MAIL FROM %q, want %q", i, m.From, wantFrom)
		}
		if len(m.To) != 2 || m.To[0] != "eng@example.test" || m.To[1] != "lead@example.test" {
			t.Errorf("message %d: RCPT TO %v, want eng@ and lead@", i, m.To)
		}
		// Compose is deterministic but for the boundary.
		if !bytes.Equal(normalise(m.Raw), normalise(want.Raw)) {
			t.Errorf("message %d: data differs from what was composed", i)
		}
	}
	// Byte for byte: the very Raw that was sent.
	out := mustCompose(t, requestSpec(t), true)
	if err := s.Send(context.Background(), out); err != nil {
		t.Fatalf("Send(request) = %v", err)
	}
	if err := rec.Wait(3, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	if got := rec.Messages()[2].Raw; !bytes.Equal(got, out.Raw) {
		t.Errorf("received data differs from Outgoing.Raw:\n%s\nwant\n%s", got, out.Raw)
	}
}

func TestSendDotLines(t *testing.T) {
	rec := startRecorder(t)
	s := newSender(t, options(t, rec.Addr()))
	spec := askSpec(t)
	spec.Body = ".\n..\n.leading dot\n"
	out := mustCompose(t, spec, false)
	if err := s.Send(context.Background(), out); err != nil {
		t.Fatalf("Send() = %v", err)
	}
	if err := rec.Wait(1, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	if got := rec.Messages()[0].Raw; !bytes.Equal(got, out.Raw) {
		t.Errorf("received data differs from Outgoing.Raw:\n%s", got)
	}
}

func TestSendFaults(t *testing.T) {
	for _, tc := range []struct {
		name      string
		inject    func(*mailertest.Recorder)
		wantClass Class
		wantCode  int
	}{
		{"451 on DATA", func(r *mailertest.Recorder) { r.FailNext(451, 1) }, Temporary, 451},
		{"550 on DATA", func(r *mailertest.Recorder) { r.FailNext(550, 1) }, Permanent, 550},
		{"550 on one RCPT", func(r *mailertest.Recorder) { r.RejectRcpt("lead@example.test", 550) }, Permanent, 550},
		{"450 on one RCPT", func(r *mailertest.Recorder) { r.RejectRcpt("lead@example.test", 450) }, Temporary, 450},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := startRecorder(t)
			tc.inject(rec)
			s := newSender(t, options(t, rec.Addr()))
			err := s.Send(context.Background(), mustCompose(t, forwardSpec(t), false))
			wantClass(t, err, tc.wantClass, tc.wantCode)
			if err := rec.Wait(1, 50*time.Millisecond); err == nil {
				t.Errorf("recorder Wait(1) = nil, want a timeout: it holds %d messages", len(rec.Messages()))
			}
			// The fault was for one message: the retry goes through.
			if tc.name == "451 on DATA" {
				if err := s.Send(context.Background(), mustCompose(t, forwardSpec(t), false)); err != nil {
					t.Errorf("Send() after the fault = %v", err)
				}
			}
		})
	}
}

// TestSendDropAfterData shows the window SMTP cannot close: the server took
// the whole message and went away without a reply. Send says Unknown, while
// go-mail's own SendError calls the same failure permanent.
func TestSendDropAfterData(t *testing.T) {
	rec := startRecorder(t)
	rec.DropAfterData(2)
	s := newSender(t, options(t, rec.Addr()))
	out := mustCompose(t, requestSpec(t), false)
	wantClass(t, s.Send(context.Background(), out), Unknown, 0)
	if msgs := rec.Messages(); len(msgs) != 1 || !msgs[0].Dropped || !bytes.Equal(msgs[0].Raw, out.Raw) {
		t.Errorf("recorder holds %d messages, want the dropped one", len(msgs))
	}

	// The quirk this works around.
	o := options(t, rec.Addr())
	c, err := gomail.NewClient(o.Host, gomail.WithPort(o.Port), gomail.WithTLSPolicy(gomail.NoTLS))
	if err != nil {
		t.Fatal(err)
	}
	m := gomail.NewMsg()
	if err := m.From("intake@example.test"); err != nil {
		t.Fatal(err)
	}
	if err := m.To("zhang.wei@customer.example"); err != nil {
		t.Fatal(err)
	}
	m.SetBodyString(gomail.TypeTextPlain, "hello")
	var ge *gomail.SendError
	if err := c.DialAndSend(m); !errors.As(err, &ge) || ge.IsTemp() {
		t.Errorf("go-mail DialAndSend() = %v, want a SendError with IsTemp() false (else the QUIRK in send.go is stale)", err)
	}

	// Resending with the same Message-ID is the repair.
	if err := s.Send(context.Background(), out); err != nil {
		t.Fatalf("Send() again = %v", err)
	}
	if n := len(rec.Messages()); n != 3 {
		t.Errorf("recorder holds %d messages, want 3", n)
	}
}

func TestSendConnectionRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	s := newSender(t, options(t, addr))
	wantClass(t, s.Send(context.Background(), mustCompose(t, askSpec(t), false)), Temporary, 0)
}

func TestSendCanceled(t *testing.T) {
	rec := startRecorder(t)
	s := newSender(t, options(t, rec.Addr()))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := s.Send(ctx, mustCompose(t, askSpec(t), false))
	wantClass(t, err, Temporary, 0)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Send(canceled) = %v, want context.Canceled in the chain", err)
	}
}

func TestSendAuth(t *testing.T) {
	rec := startRecorder(t)
	rec.RequireAuth("intake", "s3cret")
	o := options(t, rec.Addr())

	// Without AUTH the server refuses MAIL FROM.
	err := newSender(t, o).Send(context.Background(), mustCompose(t, askSpec(t), false))
	wantClass(t, err, Permanent, 502)

	// Credentials the server refuses are the config's fault, not the mail's.
	o.Auth, o.Username, o.Password = "plain", "intake", "wrong"
	err = newSender(t, o).Send(context.Background(), mustCompose(t, askSpec(t), false))
	wantClass(t, err, Misconfigured, 535)

	o.Password = "s3cret"
	if err := newSender(t, o).Send(context.Background(), mustCompose(t, askSpec(t), false)); err != nil {
		t.Fatalf("Send(auth plain) = %v", err)
	}

	o.Auth, o.Password, o.Token = "xoauth2", "", "s3cret"
	if err := newSender(t, o).Send(context.Background(), mustCompose(t, askSpec(t), false)); err != nil {
		t.Fatalf("Send(auth xoauth2) = %v", err)
	}
	if msgs := rec.Messages(); len(msgs) != 2 || msgs[0].User != "intake" || msgs[1].User != "intake" {
		t.Errorf("recorder holds %+v, want two messages from user intake", msgs)
	}
}

func TestSendDebugHidesSecrets(t *testing.T) {
	rec := startRecorder(t)
	rec.RequireAuth("intake", "s3cret")
	o := options(t, rec.Addr())
	o.Auth, o.Username, o.Password, o.Debug = "plain", "intake", "s3cret", true
	var buf bytes.Buffer
	s, err := NewSender(o, slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Send(context.Background(), mustCompose(t, askSpec(t), false)); err != nil {
		t.Fatalf("Send() = %v", err)
	}
	log := buf.String()
	if !strings.Contains(log, "MAIL FROM:<intake@example.test>") {
		t.Errorf("debug log lacks the dialogue:\n%s", log)
	}
	secret := base64.StdEncoding.EncodeToString([]byte("\x00intake\x00s3cret"))
	if strings.Contains(log, "s3cret") || strings.Contains(log, secret) {
		t.Errorf("debug log shows the password:\n%s", log)
	}
}

func TestNewSenderErrors(t *testing.T) {
	base := SMTPOptions{Host: "127.0.0.1", Port: 2525, Security: "plain", Auth: "none"}
	for name, change := range map[string]func(*SMTPOptions){
		"security":         func(o *SMTPOptions) { o.Security = "ssl" },
		"auth":             func(o *SMTPOptions) { o.Auth = "cram" },
		"plain no pass":    func(o *SMTPOptions) { o.Auth, o.Username = "plain", "u" },
		"xoauth2 no token": func(o *SMTPOptions) { o.Auth, o.Username = "xoauth2", "u" },
		"missing ca file":  func(o *SMTPOptions) { o.CAFile = "testdata/nope.pem" },
		"clear text auth":  func(o *SMTPOptions) { o.Host, o.Auth, o.Username, o.Token = "smtp.example.test", "xoauth2", "u", "t" },
	} {
		o := base
		change(&o)
		if _, err := NewSender(o, nil); err == nil {
			t.Errorf("NewSender(%s) = nil error, want one", name)
		}
	}
}

// testCA writes a self-signed certificate for 127.0.0.1 to a PEM file and
// returns the server's TLS config and the file.
func testCA(t *testing.T) (*tls.Config, string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA:                  true,
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(file, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	cert := tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
	return &tls.Config{Certificates: []tls.Certificate{cert}}, file
}

func TestSendTLS(t *testing.T) {
	cfg, caFile := testCA(t)
	for _, security := range []string{"tls", "starttls"} {
		t.Run(security, func(t *testing.T) {
			rec, err := mailertest.StartTLS(cfg, security == "tls")
			if err != nil {
				t.Fatal(err)
			}
			defer rec.Close()
			rec.RequireAuth("intake", "s3cret")
			o := options(t, rec.Addr())
			o.Security, o.Auth, o.Username, o.Password = security, "plain", "intake", "s3cret"

			// Without the CA the certificate is not trusted: not sent.
			err = newSender(t, o).Send(context.Background(), mustCompose(t, askSpec(t), false))
			wantClass(t, err, Temporary, 0)

			o.CAFile = caFile
			if err := newSender(t, o).Send(context.Background(), mustCompose(t, askSpec(t), false)); err != nil {
				t.Fatalf("Send(%s) = %v", security, err)
			}
			if msgs := rec.Messages(); len(msgs) != 1 || msgs[0].User != "intake" || !msgs[0].TLS {
				t.Errorf("recorder holds %+v, want one message from user intake over TLS", msgs)
			}
		})
	}

	// A server without STARTTLS gets nothing when starttls is asked for.
	rec := startRecorder(t)
	o := options(t, rec.Addr())
	o.Security, o.CAFile = "starttls", caFile
	wantClass(t, newSender(t, o).Send(context.Background(), mustCompose(t, askSpec(t), false)), Temporary, 0)
	if n := len(rec.Messages()); n != 0 {
		t.Errorf("recorder holds %d messages, want 0", n)
	}
}

// TestSendAuthAgainstServerWithoutAuth: a username configured for a relay
// that offers no AUTH is a configuration error, said at once and plainly,
// not a temporary failure to retry for a day; auth none goes through.
func TestSendAuthAgainstServerWithoutAuth(t *testing.T) {
	rec := startRecorder(t)
	o := options(t, rec.Addr())
	o.Auth, o.Username, o.Password = "plain", "intake", "s3cret"
	err := newSender(t, o).Send(context.Background(), mustCompose(t, askSpec(t), false))
	wantClass(t, err, Misconfigured, 0)
	if err == nil || !strings.Contains(err.Error(), "offers no AUTH, but auth plain is configured (hint: auth: none") {
		t.Errorf("Send() = %v, want it to say the server offers no AUTH, with a hint", err)
	}
	rec.RequireAuth("intake", "s3cret")
	o.Auth = "login"
	err = newSender(t, o).Send(context.Background(), mustCompose(t, askSpec(t), false))
	wantClass(t, err, Misconfigured, 0)
	if err == nil || !strings.Contains(err.Error(), "not login") {
		t.Errorf("Send() = %v, want it to name the mechanisms offered", err)
	}

	o.Auth, o.Username, o.Password = "none", "", ""
	rec2 := startRecorder(t)
	o2 := options(t, rec2.Addr())
	if err := newSender(t, o2).Send(context.Background(), mustCompose(t, askSpec(t), false)); err != nil {
		t.Errorf("Send(auth none) = %v", err)
	}
}

// TestSendWithout8BITMIME: a forward, whose attached originals travel 8bit,
// goes to a relay without 8BITMIME re-encoded to 7bit rather than refused;
// the engineers still get each original as a mail file, byte for byte.
func TestSendWithout8BITMIME(t *testing.T) {
	rec := startRecorder(t)
	rec.Hide8BITMIME()
	out := mustCompose(t, forwardSpec(t), false)
	if !has8bit(out.Raw) {
		t.Fatal("the forward has no 8-bit byte: the test proves nothing")
	}
	if err := newSender(t, options(t, rec.Addr())).Send(context.Background(), out); err != nil {
		t.Fatalf("Send() to a server without 8BITMIME = %v", err)
	}
	msgs := rec.Messages()
	if len(msgs) != 1 {
		t.Fatalf("recorder holds %d messages, want 1", len(msgs))
	}
	got := msgs[0].Raw
	if has8bit(got) {
		t.Errorf("the mail went 8bit to a server without 8BITMIME")
	}
	head, _, _ := bytes.Cut(out.Raw, []byte("\r\n\r\n"))
	if !bytes.HasPrefix(got, head) {
		t.Errorf("the header changed on the way")
	}
	m, err := mail.CreateReader(bytes.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	var emls [][]byte
	text := ""
	for {
		p, err := m.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(p.Body)
		if h, ok := p.Header.(*mail.AttachmentHeader); ok {
			if name, _ := h.Filename(); strings.HasSuffix(name, ".eml") {
				emls = append(emls, b)
			}
		} else {
			text += string(b)
		}
	}
	spec := forwardSpec(t)
	if len(emls) != len(spec.Originals) {
		t.Fatalf("got %d .eml attachments, want %d", len(emls), len(spec.Originals))
	}
	for i, e := range emls {
		if !bytes.Equal(bytes.ReplaceAll(e, []byte("\r\n"), []byte("\n")), bytes.ReplaceAll(spec.Originals[i], []byte("\r\n"), []byte("\n"))) {
			t.Errorf("original %d changed on the way:\n%s", i+1, e)
		}
	}
	if !strings.Contains(text, strings.Split(spec.Body, "\n")[0]) {
		t.Errorf("the summary did not survive: %q", text)
	}
}

// TestSendReturnsBeforeQuit: the send is over when the server answers the
// data; a server that then stalls on QUIT does not hold the caller, who
// records the mail sent at once (the window after "." is the reply's
// round trip, no longer QUIT's).
func TestSendReturnsBeforeQuit(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		r := bufio.NewReader(c)
		fmt.Fprintf(c, "220 stall.test ESMTP\r\n")
		data := false
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			switch cmd := strings.ToUpper(strings.TrimSpace(line)); {
			case data:
				if cmd == "." {
					data = false
					fmt.Fprintf(c, "250 queued\r\n")
				}
			case strings.HasPrefix(cmd, "EHLO"):
				fmt.Fprintf(c, "250-stall.test\r\n250 8BITMIME\r\n")
			case cmd == "DATA":
				data = true
				fmt.Fprintf(c, "354 go on\r\n")
			case cmd == "QUIT":
				time.Sleep(10 * time.Second) // never says goodbye in time
				return
			default:
				fmt.Fprintf(c, "250 ok\r\n")
			}
		}
	}()
	o := options(t, ln.Addr().String())
	o.Timeout = 5 * time.Second
	start := time.Now()
	if err := newSender(t, o).Send(context.Background(), mustCompose(t, askSpec(t), false)); err != nil {
		t.Fatalf("Send() = %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Send() took %v: it waited for the answer to QUIT", d)
	}
}

// TestSenderMaxSize: the SIZE a server announces in its EHLO answer is
// known after a send, so that forwards can be cut to fit it.
func TestSenderMaxSize(t *testing.T) {
	rec := startRecorder(t)
	s := newSender(t, options(t, rec.Addr()))
	if got := s.MaxSize(); got != 0 {
		t.Errorf("MaxSize before any send = %d, want 0", got)
	}
	if err := s.Send(context.Background(), mustCompose(t, forwardSpec(t), false)); err != nil {
		t.Fatal(err)
	}
	if got := s.MaxSize(); got != 64<<20 {
		t.Errorf("MaxSize = %d, want the recorder's SIZE %d", got, 64<<20)
	}
}

// TestSenderLearnSize: a fresh sender learns the SIZE from EHLO before it
// sends anything, and asks the server only once.
func TestSenderLearnSize(t *testing.T) {
	rec := startRecorder(t)
	s := newSender(t, options(t, rec.Addr()))
	for i := 0; i < 2; i++ {
		if got, err := s.LearnSize(context.Background()); err != nil || got != 64<<20 {
			t.Fatalf("LearnSize = %d, %v; want the recorder's SIZE %d", got, err, 64<<20)
		}
		if i == 0 {
			rec.Close() // a second ask would fail
		}
	}
	if n := len(rec.Messages()); n != 0 {
		t.Errorf("learning the SIZE sent %d mails", n)
	}
}

// stallingServer answers SMTP on loopback until the stage named (greeting,
// EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA or "." for the end of the data),
// where it goes silent while keeping the connection open. It returns the
// address.
func stallingServer(t *testing.T, stage string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	t.Cleanup(func() {
		close(done)
		ln.Close()
	})
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		stall := func() { <-done }
		if stage == "greeting" {
			stall()
			return
		}
		fmt.Fprintf(c, "220 stall.test ESMTP\r\n")
		r := bufio.NewReader(c)
		data := false
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			cmd := strings.ToUpper(strings.TrimSpace(line))
			verb, _, _ := strings.Cut(cmd, " ")
			if data {
				if cmd == "." {
					data = false
					if stage == "." {
						stall()
						return
					}
					fmt.Fprintf(c, "250 queued\r\n")
				}
				continue
			}
			if verb == stage || (stage == "MAIL" && strings.HasPrefix(cmd, "MAIL")) || (stage == "RCPT" && strings.HasPrefix(cmd, "RCPT")) {
				stall()
				return
			}
			switch {
			case verb == "EHLO":
				fmt.Fprintf(c, "250-stall.test\r\n250-8BITMIME\r\n250-STARTTLS\r\n250 AUTH PLAIN\r\n")
			case verb == "DATA":
				data = true
				fmt.Fprintf(c, "354 go on\r\n")
			default:
				fmt.Fprintf(c, "250 ok\r\n")
			}
		}
	}()
	return ln.Addr().String()
}

// TestSendStallBounded: a server that accepts the connection and then
// stalls at any one step holds a Send for about smtp.timeout, not longer:
// each step has its own deadline. A stop (ctx canceled) ends it at once,
// whatever the step. Before the final "." the send is Temporary, after it
// Unknown.
func TestSendStallBounded(t *testing.T) {
	const timeout = 400 * time.Millisecond
	for _, stage := range []string{"greeting", "EHLO", "STARTTLS", "AUTH", "MAIL", "RCPT", "DATA", "."} {
		t.Run(stage, func(t *testing.T) {
			for _, stop := range []bool{false, true} {
				o := options(t, stallingServer(t, stage))
				o.Timeout = timeout
				switch stage {
				case "STARTTLS":
					o.Security = "starttls"
				case "AUTH":
					o.Auth, o.Username, o.Password = "plain", "intake", "s3cret"
				}
				ctx, bound := context.Background(), 4*timeout
				if stop {
					// A stop well before the timeout: the send ends with it.
					o.Timeout = time.Minute
					var cancel context.CancelFunc
					ctx, cancel = context.WithCancel(ctx)
					time.AfterFunc(timeout/2, cancel)
					defer cancel()
				}
				start := time.Now()
				err := newSender(t, o).Send(ctx, mustCompose(t, askSpec(t), false))
				took := time.Since(start)
				if took > bound {
					t.Errorf("Send() to a server stalling at %s (stop %v) took %v, want under %v", stage, stop, took.Round(time.Millisecond), bound)
				}
				want := Temporary
				if stage == "." {
					want = Unknown
				}
				wantClass(t, err, want, 0)
			}
		})
	}
}
