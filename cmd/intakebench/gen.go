package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"intake/rules"
)

// template is one example mail with the action the shipped rules give it.
type template struct {
	name   string
	action string
	raw    []byte
}

// answered tells whether an action gets a reply (and opens a case).
func answered(action string) bool {
	switch action {
	case rules.ActionForward, rules.ActionRequest, rules.ActionAsk:
		return true
	}
	return false
}

// Expect is what a correct run makes of the generated backlog.
type Expect struct {
	Mails    int            `json:"mails"`
	Answered int            `json:"answered"` // replies to customers, and cases opened
	Forwards int            `json:"forwards"` // forwards to the engineers
	Actions  map[string]int `json:"actions"`
	Bytes    int64          `json:"bytes"`
	Large    int            `json:"large"` // mails with a big attachment
}

// gen writes a backlog of request mail into a maildir folder (the cur/ of
// the polled user) and, beside it, .eml links for `intake check`.
func gen(args []string) error {
	fl := flag.NewFlagSet("gen", flag.ContinueOnError)
	n := fl.Int("n", 300, "mails to generate")
	out := fl.String("maildir", "", "maildir folder to fill (its cur/ is written)")
	eml := fl.String("eml", "", "folder for .eml links to the same files")
	expect := fl.String("expect", "", "file for the expected outcome (JSON)")
	seed := fl.Uint64("seed", 1, "random seed")
	offset := fl.Int("offset", 0, "number of the first mail (a second backlog after a first)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *out == "" || *expect == "" || fl.NArg() == 0 {
		return errors.New("usage: intakebench gen -n N -maildir DIR -expect FILE [-eml DIR] TEMPLATE_DIR (one or more)")
	}
	var all, ans []template
	for _, dir := range fl.Args() {
		ts, err := loadTemplates(dir)
		if err != nil {
			return err
		}
		all = append(all, ts...)
	}
	for _, t := range all {
		if answered(t.action) {
			ans = append(ans, t)
		}
	}
	if len(ans) == 0 {
		return errors.New("no answered templates")
	}
	rng := rand.New(rand.NewPCG(*seed, 0x1ce))
	rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	cur := filepath.Join(*out, "cur")
	for _, d := range []string{cur, filepath.Join(*out, "new"), filepath.Join(*out, "tmp"), *eml} {
		if d == "" {
			continue
		}
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	ex := Expect{Actions: map[string]int{}}
	for i := *offset; i < *offset+*n; i++ {
		t := all[i%len(all)]
		var big int
		if i%10 == 0 {
			// One mail in ten carries a 1–5 MiB file (a log, a screenshot).
			t = ans[(i/10)%len(ans)]
			big = (1 << 20) + rng.IntN(4<<20)
		}
		raw := rewrite(t, i)
		if big > 0 {
			raw = attach(raw, i, big, rng)
			ex.Large++
		}
		name := fmt.Sprintf("1700000000.M%dP1.bench,S=%d:2,", i, len(raw))
		path := filepath.Join(cur, name)
		if err := os.WriteFile(path, raw, 0o600); err != nil {
			return err
		}
		if *eml != "" {
			if err := os.Link(path, filepath.Join(*eml, fmt.Sprintf("%06d-%s", i, t.name))); err != nil {
				return err
			}
		}
		ex.Mails++
		ex.Bytes += int64(len(raw))
		ex.Actions[t.action]++
		if answered(t.action) {
			ex.Answered++
		}
		if t.action == rules.ActionForward {
			ex.Forwards++
		}
	}
	b, err := json.MarshalIndent(ex, "", "  ")
	if err != nil {
		return err
	}
	fmt.Printf("generated %d mails (%.1f MiB, %d with a large attachment, %d answered)\n", ex.Mails, float64(ex.Bytes)/(1<<20), ex.Large, ex.Answered)
	return os.WriteFile(*expect, b, 0o644)
}

// loadTemplates reads a mail set: DIR/*.eml with DIR/expected.jsonl. Mail
// the rules do not handle yet (known_gap) is left out.
func loadTemplates(dir string) ([]template, error) {
	f, err := os.Open(filepath.Join(dir, "expected.jsonl"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []template
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var line struct {
			File     string `json:"file"`
			Action   string `json:"action"`
			KnownGap any    `json:"known_gap"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			return nil, fmt.Errorf("reading %s: %w", dir, err)
		}
		if line.KnownGap != nil || line.File == "" {
			continue
		}
		raw, err := os.ReadFile(filepath.Join(dir, line.File))
		if err != nil {
			return nil, err
		}
		out = append(out, template{name: line.File, action: line.Action, raw: raw})
	}
	return out, sc.Err()
}

var angleAddr = regexp.MustCompile(`<([^<>@\s]+)@([^<>\s]+)>`)
var bareAddr = regexp.MustCompile(`([^\s<>,:;"]+)@([^\s<>,;"]+)`)

// rewrite gives a template mail a Message-ID of its own and, for a request,
// a sender of its own (so every request is a case of its own and no sender
// reaches the reply rate limit) and a marker header the floor reads.
func rewrite(t template, i int) []byte {
	head, body := splitHeader(t.raw)
	var lines []string
	for _, f := range unfold(head) {
		name, value, _ := strings.Cut(f, ":")
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "message-id":
			continue
		case "reply-to":
			if answered(t.action) {
				continue
			}
		case "from":
			if answered(t.action) {
				f = name + ":" + uniqueSender(value, i)
			}
		}
		lines = append(lines, f)
	}
	lines = append(lines, fmt.Sprintf("Message-ID: <bench-%d@bench.example.test>", i))
	if answered(t.action) {
		lines = append(lines, "X-Bench: answered")
	}
	var b bytes.Buffer
	for _, l := range lines {
		b.WriteString(l)
		b.WriteString("\r\n")
	}
	b.WriteString("\r\n")
	b.Write(body)
	return b.Bytes()
}

func uniqueSender(v string, i int) string {
	if m := angleAddr.FindStringSubmatchIndex(v); m != nil {
		return v[:m[2]] + fmt.Sprintf("b%d.", i) + v[m[2]:]
	}
	if m := bareAddr.FindStringSubmatchIndex(v); m != nil {
		return v[:m[2]] + fmt.Sprintf("b%d.", i) + v[m[2]:]
	}
	return v
}

// splitHeader splits a raw mail at the first empty line.
func splitHeader(raw []byte) (head, body []byte) {
	for _, sep := range [][]byte{[]byte("\r\n\r\n"), []byte("\n\n")} {
		if i := bytes.Index(raw, sep); i >= 0 {
			return raw[:i], raw[i+len(sep):]
		}
	}
	return raw, nil
}

// unfold returns the header fields, continuation lines kept with their
// field (line ends normalised to CRLF inside a field).
func unfold(head []byte) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(string(head), "\r\n", "\n"), "\n") {
		if (strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t")) && len(out) > 0 {
			out[len(out)-1] += "\r\n" + l
			continue
		}
		out = append(out, l)
	}
	return out
}

// attach wraps a mail in multipart/mixed with a binary file of size bytes
// that no rule knows (diagnostics a customer adds).
func attach(raw []byte, i, size int, rng *rand.Rand) []byte {
	head, body := splitHeader(raw)
	var top, inner []string
	for _, f := range unfold(head) {
		name, _, _ := strings.Cut(f, ":")
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "content-type", "content-transfer-encoding":
			inner = append(inner, f)
		case "mime-version":
		default:
			top = append(top, f)
		}
	}
	if !slices.ContainsFunc(inner, func(f string) bool { return strings.HasPrefix(strings.ToLower(f), "content-type") }) {
		inner = append(inner, "Content-Type: text/plain; charset=us-ascii")
	}
	boundary := fmt.Sprintf("bench-boundary-%d", i)
	var b bytes.Buffer
	for _, f := range top {
		b.WriteString(f + "\r\n")
	}
	fmt.Fprintf(&b, "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"%s\"\r\n\r\n", boundary)
	fmt.Fprintf(&b, "--%s\r\n%s\r\n\r\n", boundary, strings.Join(inner, "\r\n"))
	b.Write(body)
	fmt.Fprintf(&b, "\r\n--%s\r\nContent-Type: application/octet-stream; name=\"diagnostics-%d.bin\"\r\n"+
		"Content-Disposition: attachment; filename=\"diagnostics-%d.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n", boundary, i, i)
	data := make([]byte, size)
	for j := 0; j < size; j += 8 {
		v := rng.Uint64()
		for k := 0; k < 8 && j+k < size; k++ {
			data[j+k] = byte(v >> (8 * k))
		}
	}
	enc := base64.StdEncoding.EncodeToString(data)
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\r\n")
	fmt.Fprintf(&b, "--%s--\r\n", boundary)
	return b.Bytes()
}
