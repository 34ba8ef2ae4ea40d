package message

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"intake/rules"
)

// unreadableFiles are the realworld files that are not mail at all: Parse
// may only give them a Problem.
var unreadableFiles = map[string]bool{
	"mail__erroneous.eml":         true, // one line of prose
	"sample_output_multipart.eml": true, // empty
}

// TestRealworld parses the malformed mail of other libraries' test suites.
func TestRealworld(t *testing.T) {
	paths, _ := filepath.Glob("../../testdata/realworld/*/*.eml")
	if len(paths) == 0 {
		t.Fatal("no files in testdata/realworld")
	}
	var problems, noted, attachments int
	for _, path := range paths {
		name := filepath.Base(path)
		start := time.Now()
		m := parseFile(t, path)
		if took := time.Since(start); took > time.Second {
			t.Errorf("Parse(%s) took %v", name, took)
		}
		if (m.Problem != "") != unreadableFiles[name] {
			t.Errorf("Parse(%s).Problem = %q (%s), want a problem: %v", name, m.Problem, m.Detail, unreadableFiles[name])
		}
		checkInvariants(t, name, m, DefaultLimits())
		if m.Problem != "" {
			problems++
		}
		if len(m.Notes) > 0 {
			noted++
		}
		attachments += len(m.Attachments)
	}
	t.Logf("%d files: %d unreadable, %d with notes, %d attachments", len(paths), problems, noted, attachments)
}

// TestRealworldQuirks checks the real-world workarounds marked QUIRK.
func TestRealworldQuirks(t *testing.T) {
	tests := []struct {
		file string
		got  func(m *rules.Message) string
		want string
	}{
		{"enmime/low-quality__bad-header-start.eml", func(m *rules.Message) string { return m.From }, "james@makita.skynet"},
		{"mikel-mail/plain_emails__raw_email_incorrect_header.eml", func(m *rules.Message) string { return m.Subject },
			"Stop adware/spyware once and for all."},
		{"enmime/mail__qp-utf8-header-no-break.eml", func(m *rules.Message) string {
			return m.MediaType + " " + strings.SplitN(m.AltBody, ",", 2)[0]
		}, "multipart/alternative Lorem ipsum dolor sit amet"},
		{"enmime/parts__missing-closing-param-quote.eml", func(m *rules.Message) string { return m.MediaType }, "text/html"},
		{"enmime/mail__mime-bad-content-type.eml", func(m *rules.Message) string { return m.Attachments[0].ContentType }, "application/pdf"},
		{"enmime/mail__multipart-wo-boundary.eml", func(m *rules.Message) string { return m.Body }, "I'm  multipart message without boundary"},
		{"mikel-mail/error_emails__content_transfer_encoding_with_semi_colon.eml", func(m *rules.Message) string { return firstLine(m.Body) }, "Dear Homeowner,"},
		{"enmime/mail__html-mime-bad-charset-inline.eml", func(m *rules.Message) string { return strings.Join(m.Notes, ",") + m.AltBody }, "Test of HTML section"},
		{"enmime/low-quality__bad-header-wrap.eml", func(m *rules.Message) string { return m.Attachments[0].Name }, "7DDA4_foo_9E5D72.zip"},
		{"enmime/parts__multi-malformed.eml", func(m *rules.Message) string { return m.Body },
			"Section one\n\nI'm section without headers\n\nSection two"},
		{"enmime/mail__mime-bad-8bit-filename.eml", func(m *rules.Message) string { return m.Attachments[0].Name }, "管理.doc"},
	}
	for _, tt := range tests {
		m := parseFile(t, filepath.Join("../../testdata/realworld", tt.file))
		if got := tt.got(m); got != tt.want {
			t.Errorf("Parse(%s) = %q, want %q", tt.file, got, tt.want)
		}
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// checkInvariants fails t when m breaks a promise of Parse under lim.
func checkInvariants(t *testing.T, name string, m *rules.Message, lim Limits) {
	t.Helper()
	switch m.Problem {
	case "", ProblemTooLarge, ProblemTooDeep, ProblemTooManyParts, ProblemMalformed:
	default:
		t.Errorf("Parse(%s).Problem = %q, want a known reason", name, m.Problem)
	}
	if strings.HasPrefix(m.Detail, "reader failure") {
		t.Errorf("Parse(%s) panicked: %s", name, m.Detail)
	}
	for _, s := range []string{m.Subject, m.FromName, m.Body, m.AltBody} {
		if !utf8.ValidString(s) {
			t.Errorf("Parse(%s) gave invalid UTF-8 %q", name, s)
		}
	}
	if len(m.Body) > int(lim.MaxTextBytes) || len(m.AltBody) > int(lim.MaxTextBytes) {
		t.Errorf("Parse(%s).Body is %d bytes, AltBody %d, want at most %d", name, len(m.Body), len(m.AltBody), lim.MaxTextBytes)
	}
	for _, a := range m.Attachments {
		if a.Name == "" || a.Name == "." || a.Name == ".." || len(a.Name) > rules.MaxFileNameBytes ||
			!utf8.ValidString(a.Name) || strings.ContainsAny(a.Name, "/\\<>:\"|?*\x00") || strings.HasPrefix(a.Name, ".") {
			t.Errorf("Parse(%s) attachment name %q is not sanitised", name, a.Name)
		}
		if len(a.Data) > int(lim.MaxAttachmentBytes) || len(a.Head) > maxHeadBytes {
			t.Errorf("Parse(%s) attachment %s: %d bytes of Data, %d of Head, over the limits", name, a.Name, len(a.Data), len(a.Head))
		}
	}
	if depth := forwardDepth(m); depth > lim.MaxDepth {
		t.Errorf("Parse(%s) has attached messages %d deep, want at most %d", name, depth, lim.MaxDepth)
	}
}

// forwardDepth is how deep attached messages nest in m.
func forwardDepth(m *rules.Message) int {
	d := 0
	for _, f := range m.Forwarded {
		d = max(d, 1+forwardDepth(f))
	}
	return d
}
