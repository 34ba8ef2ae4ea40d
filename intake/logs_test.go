package intake

import (
	"encoding/json"
	"strings"
	"testing"

	"intake/intake/imapbox/imaptest"
)

// TestLogJSON: with log.format json every line is one JSON object, and the
// lines about a message name its mailbox, message id and case.
func TestLogJSON(t *testing.T) {
	h := newHarness(t)
	var buf imaptest.LockedBuffer
	h.p.log = LogConfig{Format: "json", Level: "info"}.NewLogger(&buf)
	h.deliver(testMail("chen@hospital.example", "License硬件变更申请", "log1@hospital.example", "", hwChangeIncomplete, licenseFile))
	h.poll()

	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line is not JSON: %q: %v", line, err)
		}
		msg, _ := rec["msg"].(string)
		seen[msg] = true
		var want []string
		switch msg {
		case "message decided":
			want = []string{"mailbox", "uid", "message_id", "case"}
		case "mail sent":
			want = []string{"case", "message_id", "kind"}
		}
		for _, k := range want {
			if v, ok := rec[k]; !ok || v == "" {
				t.Errorf("log line %q lacks %s: %s", msg, k, line)
			}
		}
	}
	if !seen["message decided"] || !seen["mail sent"] {
		t.Errorf("log lacks the message's lines: %s", buf.String())
	}
}
