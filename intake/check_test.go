package intake

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"intake/intake/message"
	"intake/rules"
)

func shippedConfig(t testing.TB) *Config {
	t.Helper()
	cfg, err := LoadConfig("../config.yaml")
	if err != nil {
		t.Fatalf("LoadConfig(../config.yaml): %v", err)
	}
	return cfg
}

// checkAgainst tests a mail set with the shipped config through the code of
// `intake test`: a subtest per case, failing with the fields that differ,
// skipped while it is a known gap.
func checkAgainst(t *testing.T, dir string) { checkSet(t, shippedConfig(t), dir) }

// checkSet is checkAgainst with any config.
func checkSet(t *testing.T, cfg *Config, dir string) {
	res, err := cfg.TestSet(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Cases) == 0 {
		t.Fatalf("%s holds no case", dir)
	}
	for _, cr := range res.Cases {
		t.Run(cr.Name, func(t *testing.T) {
			switch cr.Status {
			case CasePass:
				return
			case CaseKnownGap:
				t.Skipf("known gap: %s (got %s %v)", cr.Want.KnownGap, cr.Got.Action, cr.Got.Missing)
			}
			t.Errorf("TestSet(%s) case %s: %s", dir, cr.Name, caseProblem(cr))
			for _, d := range cr.Diffs {
				t.Errorf("Check(%s) %s", cr.Name, d)
			}
			if cr.Got != nil {
				t.Logf("why: %v", cr.Got.Why)
			}
			if cr.Want.Why != "" {
				t.Logf("the mail: %s", cr.Want.Why)
			}
		})
	}
}

func TestCheckCorpus(t *testing.T) { checkAgainst(t, "../testdata/mail") }

// TestCheckJSONContract checks the field names and order of the JSON line
// against DESIGN §2.
func TestCheckJSONContract(t *testing.T) {
	cfg := shippedConfig(t)
	got, err := cfg.CheckFile("../testdata/mail/03-hardware-change-complete-zh.eml")
	if err != nil {
		t.Fatal(err)
	}
	var buf jsonBuffer
	if err := got.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(buf.b, &raw); err != nil {
		t.Fatalf("WriteJSON wrote %q: %v", buf.b, err)
	}
	for _, k := range []string{"file", "message_id", "from", "action", "scenario", "product", "present", "missing", "fields", "attachments", "notes", "reason"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("JSON line lacks %q: %s", k, buf.b)
		}
	}
	var d struct {
		File        string             `json:"file"`
		MessageID   string             `json:"message_id"`
		From        string             `json:"from"`
		Product     string             `json:"product"`
		Fields      map[string]string  `json:"fields"`
		Attachments []rules.FileResult `json:"attachments"`
	}
	if err := json.Unmarshal(buf.b, &d); err != nil {
		t.Fatal(err)
	}
	if d.File != "03-hardware-change-complete-zh.eml" || d.MessageID != "001201dc5c37$4a1e2b90$de5a82b0$@hengwang-tech.example" || d.From != "wanglei@hengwang-tech.example" {
		t.Errorf("JSON file/message_id/from = %q %q %q", d.File, d.MessageID, d.From)
	}
	if d.Product != "iMC" || d.Fields["auth_code"] != "IMC-PLAT-7F3A-92QD-0C5E" {
		t.Errorf("JSON product = %q, auth_code = %q", d.Product, d.Fields["auth_code"])
	}
	mats := map[string]string{}
	for _, a := range d.Attachments {
		if len(a.SHA256) != 64 || a.Size == 0 {
			t.Errorf("attachment %q: size %d sha256 %q", a.Name, a.Size, a.SHA256)
		}
		mats[a.Name] = a.Material
	}
	want := map[string]string{"老服务器License.lic": "old_server_file", "新服务器主机信息文件.txt": "new_host_info", "承诺书(盖章).pdf": "commitment_letter"}
	for name, m := range want {
		if mats[name] != m {
			t.Errorf("attachment %q counts for %q, want %q", name, mats[name], m)
		}
	}
}

type jsonBuffer struct{ b []byte }

func (j *jsonBuffer) Write(p []byte) (int, error) { j.b = append(j.b, p...); return len(p), nil }

// BenchmarkEvaluate measures parsing and evaluating the example mail, as the
// daemon does for each new message.
func BenchmarkEvaluate(b *testing.B) {
	cfg := shippedConfig(b)
	raws := corpusRaws(b)
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		raw := raws[i%len(raws)]
		msg, err := message.Parse(bytesReader(raw), cfg.Limits)
		if err != nil {
			b.Fatal(err)
		}
		cfg.Rules.Evaluate([]*rules.Message{msg})
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "mails/s")
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }

// BenchmarkEvaluateParallel is BenchmarkEvaluate on every core, as a daemon
// catching up on a backlog would run.
func BenchmarkEvaluateParallel(b *testing.B) {
	cfg := shippedConfig(b)
	raws := corpusRaws(b)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			msg, err := message.Parse(bytesReader(raws[i%len(raws)]), cfg.Limits)
			if err != nil {
				b.Error(err)
				return
			}
			cfg.Rules.Evaluate([]*rules.Message{msg})
			i++
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "mails/s")
}

// TestCheckRealworld runs mail from other libraries' test suites through the
// whole decision: every one gets an action (and a reason where it is ignored
// or quarantined), and the delivery reports are ignored as bounces.
func TestCheckRealworld(t *testing.T) {
	cfg := shippedConfig(t)
	files, err := MailFiles([]string{"../testdata/realworld"})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 150 {
		t.Fatalf("found %d real-world mails, want the whole set", len(files))
	}
	actions := map[string]int{}
	for _, f := range files {
		got, err := cfg.CheckFile(f)
		if err != nil {
			t.Errorf("CheckFile(%s): %v", f, err)
			continue
		}
		actions[got.Action]++
		switch got.Action {
		case rules.ActionIgnore, rules.ActionQuarantine:
			if got.Reason == "" {
				t.Errorf("Check(%s) = %s without a reason", filepath.Base(f), got.Action)
			}
		case rules.ActionForward, rules.ActionRequest, rules.ActionAsk:
		default:
			t.Errorf("Check(%s).Action = %q", filepath.Base(f), got.Action)
		}
		if strings.Contains(f, "multipart_report_emails__") && (got.Action != rules.ActionIgnore || got.Reason != "bounce") {
			t.Errorf("Check(%s) = %s %q, want ignore bounce", filepath.Base(f), got.Action, got.Reason)
		}
	}
	t.Logf("%d real-world mails: %v", len(files), actions)
}

// corpusRaws reads the example mail.
func corpusRaws(b *testing.B) [][]byte {
	files, err := MailFiles([]string{"../testdata/mail"})
	if err != nil {
		b.Fatal(err)
	}
	raws := make([][]byte, len(files))
	for i, f := range files {
		if raws[i], err = os.ReadFile(f); err != nil {
			b.Fatal(err)
		}
	}
	return raws
}

// TestContactShape checks, with the shipped rules, that a number under a
// name label goes to the phone field whole, extension and all, and leaves
// the name clean.
func TestContactShape(t *testing.T) {
	cfg := shippedConfig(t)
	for body, want := range map[string][2]string{
		"用户联系人：李四 010-6552 1234 转 806":                           {"李四", "010-6552 1234 转 806"},
		"用户联系人：陳家豪（電話：+852 2417 8123 分機 12）":                     {"陳家豪", "+852 2417 8123 分機 12"},
		"End-user contact: Tan Mei Ling, +65 6123 4567 ext. 210": {"Tan Mei Ling", "+65 6123 4567 ext. 210"},
		"用户联系人：何静 / hejing@example.cn":                           {"何静", "hejing@example.cn"},
	} {
		d := cfg.Rules.Evaluate([]*rules.Message{{Subject: "License找回", Body: body}})
		if got := [2]string{d.Fields["end_user_contact"], d.Fields["end_user_phone"]}; got != want {
			t.Errorf("Evaluate(%q) contact, phone = %q, want %q", body, got, want)
		}
	}
}
