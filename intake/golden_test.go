package intake

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"intake/mailer"
	"intake/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGoldenReplies renders the shipped config's replies and forward for
// example mail and compares them with testdata/golden: what customers and
// engineers read. Run with -update after changing a template on purpose.
func TestGoldenReplies(t *testing.T) {
	cfg := shippedConfig(t)
	tests := []struct {
		mail, kind, golden string
	}{
		{"04-hardware-change-missing-fields-en.eml", "request", "request-04.txt"},
		{"11-unbind-all-serials-zh.eml", "request", "request-11.txt"},
		{"12-ask-scenario-zh.eml", "ask", "ask-12.txt"},
		{"08-hardware-change-cams-zh.eml", "forwarded", "forwarded-08.txt"},
		{"08-hardware-change-cams-zh.eml", "forward", "forward-08.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			ch, err := cfg.CheckFile(filepath.Join("../testdata/mail", tt.mail))
			if err != nil {
				t.Fatal(err)
			}
			c := &Case{ID: "LX-20261127-0007", Subject: cleanSubject(ch.msg.Subject, cfg.Cases.Prefix), Customer: customer(ch.msg)}
			var subject, body string
			if tt.kind == "forward" {
				data := forwardData(cfg, c, &ch.Decision, []*rules.Message{ch.msg})
				_, data.Files = materialFiles(&ch.Decision, []*rules.Message{ch.msg}, nil, nil)
				data.Messages = 1
				subject, body, err = cfg.Replies.Forward.Render(data)
			} else {
				data := replyData(cfg, c, &ch.Decision)
				data.Customer = displayName(ch.msg)
				tpl := map[string]*mailer.Template{"request": &cfg.Replies.Request, "ask": &cfg.Replies.Ask, "forwarded": &cfg.Replies.Forwarded}[tt.kind]
				subject, body, err = tpl.Render(data)
			}
			if err != nil {
				t.Fatal(err)
			}
			got := "Subject: " + subject + "\n\n" + body
			path := filepath.Join("../testdata/golden", tt.golden)
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./intake -run TestGoldenReplies -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s for %s differs from %s:\n--- got\n%s\n--- want\n%s", tt.kind, tt.mail, path, got, want)
			}
		})
	}
}
