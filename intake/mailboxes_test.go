package intake

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"intake/intake/imapbox"
	"intake/intake/imapbox/imaptest"
)

// TestTwoMailboxes: one process reads two mailboxes, each filing into its
// own folders and forwarding by its own routes, with one case numbering.
func TestTwoMailboxes(t *testing.T) {
	h := newHarness(t)
	emea := imaptest.Start(t, imaptest.Options{})
	mc := emea.Config()
	mc.Host = "localhost" // another server than h.imap's 127.0.0.1 (the port is not part of a mailbox's name)
	mc.SetDefaults()
	h.cfg.Routes = []Route{{Name: "default", To: []string{"engineers@intake.test"}}}
	h.cfg.Mailboxes = []MoreMailbox{{Name: "emea", IMAP: mc, Routes: []Route{{Name: "emea", To: []string{"emea-team@intake.test"}}}}}
	if probs := h.cfg.mailboxesProblems(); len(probs) > 0 {
		t.Fatalf("mailboxes: %v", probs)
	}
	complete := func(id string) string {
		return "From: " + id + "@customer" + id + ".test\r\nSubject: License找回申请\r\nMessage-ID: <" + id + "@customer.test>\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n\r\n激活文件丢失，申请找回。\r\n客户局点名称：示例中心 " + id + "\r\n授权码：LK2024-0815-AB12-CD34\r\n"
	}
	h.deliver(complete("first"))
	emea.Append(t, "INBOX", complete("second"))

	rep := h.poll()
	if len(rep.Processed) != 2 {
		t.Fatalf("poll processed %d mails, want one from each mailbox", len(rep.Processed))
	}
	var to []string // the forwards' recipients
	for _, m := range h.sentSince(0) {
		if strings.HasSuffix(m.to[0], "@intake.test") {
			to = append(to, m.to[0])
		}
	}
	slices.Sort(to)
	if !slices.Equal(to, []string{"emea-team@intake.test", "engineers@intake.test"}) {
		t.Errorf("forwards went to %v, want one by each mailbox's route", to)
	}
	for _, pr := range rep.Processed {
		want := mailboxKey(h.cfg)
		if strings.Contains(pr.MessageID, "second") {
			want = mailboxKey(h.cfg.view("emea"))
		}
		if pr.Mailbox != want || pr.Decision.Action != "forward" {
			t.Errorf("%s: mailbox %s, action %s; want %s, forward", pr.MessageID, pr.Mailbox, pr.Decision.Action, want)
		}
	}
	if ids := []string{rep.Processed[0].CaseID, rep.Processed[1].CaseID}; ids[0] == ids[1] || !strings.HasSuffix(ids[0], "-0001") || !strings.HasSuffix(ids[1], "-0002") {
		t.Errorf("case ids %v, want one numbering: -0001 and -0002", ids)
	}
	for name, srv := range map[string]*imaptest.Server{"mailbox": h.imap, "emea": emea} {
		if n := len(srv.Inspect(t, "Intake/Forwarded")); n != 1 {
			t.Errorf("%s: Intake/Forwarded holds %d, want its own mail", name, n)
		}
		if n := len(srv.Inspect(t, "INBOX")); n != 0 {
			t.Errorf("%s: INBOX holds %d, want none", name, n)
		}
	}

	// A mail to the second mailbox only: the first has nothing new.
	emea.Append(t, "INBOX", complete("third"))
	if rep := h.poll(); len(rep.Processed) != 1 || rep.Processed[0].Mailbox != mailboxKey(h.cfg.view("emea")) {
		t.Errorf("second poll processed %+v, want the one new mail of emea", rep.Processed)
	}
}

// TestMailboxesProblems: a mailbox listed twice, or without a name, is a
// config error.
func TestMailboxesProblems(t *testing.T) {
	cfg := shippedConfig(t)
	same := cfg.Mailbox
	cfg.Mailboxes = []MoreMailbox{{Name: "again", IMAP: same}, {IMAP: same}}
	var got []string
	for _, p := range cfg.mailboxesProblems() {
		got = append(got, p.path+": "+p.msg)
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{"mailboxes[0].imap.mailbox: mailbox \"again\" reads the same mailbox as `mailbox:`", "mailboxes[1].name: mailbox without a name"} {
		if !strings.Contains(all, want) {
			t.Errorf("problems:\n%s\nwant %q", all, want)
		}
	}
}

// mailboxRulesConfig writes the shipped config with the mailboxes given
// (YAML under `mailboxes:`) and the files named, and loads it.
func mailboxRulesConfig(t *testing.T, mailboxes string, files map[string]string) (*Config, error) {
	t.Helper()
	shipped, err := os.ReadFile("../config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(path, append(shipped, "\nmailboxes:\n"+mailboxes...), 0o644); err != nil {
		t.Fatal(err)
	}
	return LoadConfig(path)
}

// shippedRules is the `rules:` section of the shipped config, as a rules
// file of its own, with each pair of old, new replaced.
func shippedRules(t *testing.T, oldNew ...string) string {
	t.Helper()
	shipped, err := os.ReadFile("../config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(shipped), "\nrules:\n")
	if !ok {
		t.Fatal("no rules: section in the shipped config")
	}
	return strings.NewReplacer(oldNew...).Replace("rules:\n" + section)
}

// serveMailboxes points each of cfg's mailboxes to the folder of ts named
// by its imap.mailbox, each filing in folders of its own below it.
func serveMailboxes(ts *imaptest.Server, cfg *Config) {
	for i := range cfg.Mailboxes {
		m := &cfg.Mailboxes[i]
		folder := m.IMAP.Mailbox
		mc := ts.Config()
		mc.Host, mc.Mailbox = "localhost", folder
		mc.Folders = imapbox.Folders{Forwarded: folder + "/Forwarded", Waiting: folder + "/Waiting", Ignored: folder + "/Ignored", Failed: folder + "/Failed"}
		mc.SetDefaults()
		m.IMAP = mc
	}
}

// TestMailboxRules: two more mailboxes, one with a subset of the shared
// scenarios and one with its own rules file, each decide by their own rules
// and forward by their own routes, with one case numbering; a follow-up in
// another mailbox joins its case.
func TestMailboxRules(t *testing.T) {
	h := newHarness(t)
	loaded, err := mailboxRulesConfig(t, `
  - name: emea
    imap: {host: localhost, username: x@example.test, password: pw, mailbox: EMEA}
    scenarios: [hardware_change, unbind]
    routes: [{name: emea, to: [emea-team@intake.test]}]
  - name: apac
    imap: {host: localhost, username: x@example.test, password: pw, mailbox: APAC}
    rules: apac-rules.yaml
    routes: [{name: apac, to: [apac-team@intake.test]}]
`, map[string]string{"apac-rules.yaml": shippedRules(t, "materials: [site_name, auth_code]", "materials: [site_name]")})
	if err != nil {
		t.Fatal(err)
	}
	other := imaptest.Start(t, imaptest.Options{})
	other.Create(t, "EMEA")
	other.Create(t, "APAC")
	serveMailboxes(other, loaded)
	h.cfg.Routes = []Route{{Name: "default", To: []string{"engineers@intake.test"}}}
	h.cfg.Mailboxes = loaded.Mailboxes
	if probs := h.cfg.mailboxesProblems(); len(probs) > 0 {
		t.Fatalf("mailboxes: %v", probs)
	}

	// A recovery request with the site's name and no auth code.
	recovery := func(id string) string {
		return "From: " + id + "@customer.test\r\nSubject: License找回申请\r\nMessage-ID: <" + id + "@customer.test>\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n\r\n激活文件丢失，申请找回。\r\n客户局点名称：示例中心 " + id + "\r\n"
	}
	h.deliver(recovery("main"))
	other.Append(t, "EMEA", recovery("emea"))
	other.Append(t, "APAC", recovery("apac"))
	rep := h.poll()
	got := map[string]string{}
	cases := map[string]string{}
	for _, pr := range rep.Processed {
		id, _, _ := strings.Cut(pr.MessageID, "@")
		got[id] = pr.Decision.Action + " " + pr.Decision.Scenario
		cases[id] = pr.CaseID
	}
	want := map[string]string{
		"main": "request_materials recovery", // the shared rules: the auth code is missing
		"emea": "ask_scenario ",              // recovery is not among emea's scenarios
		"apac": "forward recovery",           // apac's rules file needs the site name alone
	}
	if !maps.Equal(got, want) {
		t.Errorf("decisions %v, want %v", got, want)
	}
	var numbers []string
	for _, id := range cases {
		numbers = append(numbers, id[len(id)-4:])
	}
	slices.Sort(numbers)
	if !slices.Equal(numbers, []string{"0001", "0002", "0003"}) {
		t.Errorf("case ids %v, want one numbering", cases)
	}
	var to []string
	for _, m := range h.sentSince(0) {
		if strings.HasSuffix(m.to[0], "@intake.test") {
			to = append(to, m.to[0])
		}
	}
	if !slices.Equal(to, []string{"apac-team@intake.test"}) {
		t.Errorf("forwards went to %v, want apac's route alone", to)
	}
	asked := 0
	for _, m := range h.sentSince(0) {
		if m.to[0] != "emea@customer.test" {
			continue
		}
		asked++
		if strings.Contains(m.body, "License recovery") || !strings.Contains(m.body, "License hardware change") {
			t.Errorf("emea's ask_scenario reply does not list emea's scenarios alone:\n%s", m.body)
		}
	}
	if asked != 1 {
		t.Errorf("%d replies to emea's customer, want the ask_scenario reply", asked)
	}
	if n := len(other.Inspect(t, "APAC/Forwarded")); n != 1 {
		t.Errorf("APAC/Forwarded holds %d, want apac's mail", n)
	}
	if n := len(other.Inspect(t, "EMEA/Waiting")); n != 1 {
		t.Errorf("EMEA/Waiting holds %d, want emea's mail", n)
	}

	// The main mailbox's customer answers with the auth code, but writes to
	// the apac address: the mail joins the case and apac's rules decide.
	sent := len(h.smtp.Messages())
	other.Append(t, "APAC", "From: main@customer.test\r\nSubject: Re: License找回申请\r\nMessage-ID: <main-2@customer.test>\r\n"+
		"In-Reply-To: <main@customer.test>\r\nReferences: <main@customer.test>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"+
		cases["main"]+"\r\n授权码：LK2024-0815-AB12-CD34\r\n")
	rep = h.poll()
	if len(rep.Processed) != 1 || rep.Processed[0].CaseID != cases["main"] || rep.Processed[0].Decision.Action != "forward" {
		t.Fatalf("follow-up in another mailbox: %+v, want case %s forwarded", rep.Processed, cases["main"])
	}
	to = nil
	for _, m := range h.sentSince(sent) {
		if strings.HasSuffix(m.to[0], "@intake.test") {
			to = append(to, m.to[0])
		}
	}
	if !slices.Equal(to, []string{"apac-team@intake.test"}) {
		t.Errorf("the follow-up's forward went to %v, want apac's route (where it arrived)", to)
	}

	// emea's rules change to need the site's name alone for a recovery:
	// reprocessing its case forwards it by emea's routes.
	h.cfg.Mailboxes[0].rules = h.cfg.Mailboxes[1].rules
	sent = len(h.smtp.Messages())
	d, _, err := h.p.Reprocess(context.Background(), cases["emea"], false, false)
	if err != nil || d.Action != "forward" {
		t.Fatalf("reprocessing emea's case: %v, %+v; want forward", err, d)
	}
	to = nil
	for _, m := range h.sentSince(sent) {
		if strings.HasSuffix(m.to[0], "@intake.test") {
			to = append(to, m.to[0])
		}
	}
	if !slices.Equal(to, []string{"emea-team@intake.test"}) {
		t.Errorf("the reprocessed case went to %v, want emea's route", to)
	}
}

// TestMailboxRulesProblems: a bad rules file is reported at its own
// file:line, a scenario subset naming an unknown scenario at the config's.
func TestMailboxRulesProblems(t *testing.T) {
	bad := shippedRules(t, "{pattern: '\\b(re-?issue|re-?send)\\b', weight: 1}", "{pattern: '(unclosed', weight: 1}")
	badLine := strings.Count(bad[:strings.Index(bad, "(unclosed")], "\n") + 1
	for _, tc := range []struct {
		name, mailboxes string
		files           map[string]string
		want            []string
	}{
		{"bad pattern", "  - {name: apac, imap: {host: h.example.com, username: a@example.com, password: pw}, rules: apac.yaml}\n",
			map[string]string{"apac.yaml": bad},
			[]string{fmt.Sprintf(`apac.yaml:%d: mailbox apac: bad pattern: missing closing )`, badLine)}},
		{"unknown key", "  - {name: apac, imap: {host: h.example.com, username: a@example.com, password: pw}, rules: apac.yaml}\n",
			map[string]string{"apac.yaml": "rules:\n  scenarios:\n    - id: x\n      materialz: [a]\n"},
			[]string{`apac.yaml:4: unknown key "materialz"`}},
		{"missing file", "  - {name: apac, imap: {host: h.example.com, username: a@example.com, password: pw}, rules: gone.yaml}\n",
			nil, []string{`config.yaml:`, `mailbox apac: rules file "gone.yaml"`}},
		{"unknown scenario", "  - {name: apac, imap: {host: h.example.com, username: a@example.com, password: pw}, scenarios: [unbind, recover]}\n",
			nil, []string{`unknown scenario "recover" (hint: the ids of the scenarios of the rules: recovery, hardware_change, unbind)`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := mailboxRulesConfig(t, tc.mailboxes, tc.files)
			if err == nil {
				t.Fatal("loaded, want an error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error:\n%v\nwant %q", err, w)
				}
			}
		})
	}
}

// TestReloadMailboxRules: SIGHUP reads a mailbox's rules file again, and
// the next mail there is decided by the new rules.
func TestReloadMailboxRules(t *testing.T) {
	h := newHarness(t)
	h.p.Now = time.Now
	h.cfg.Schedule = "@every 1s"
	h.cfg.Routes = []Route{{Name: "default", To: []string{"engineers@intake.test"}}}
	h.cfg.Listen = ""
	loaded, err := mailboxRulesConfig(t, `
  - name: apac
    imap: {host: localhost, username: x@example.test, password: pw, mailbox: APAC}
    rules: apac-rules.yaml
    routes: [{name: apac, to: [apac-team@intake.test]}]
`, map[string]string{"apac-rules.yaml": shippedRules(t)})
	if err != nil {
		t.Fatal(err)
	}
	other := imaptest.Start(t, imaptest.Options{})
	other.Create(t, "APAC")
	serveMailboxes(other, loaded)
	h.cfg.Mailboxes = loaded.Mailboxes
	// The daemon reads the config file again, on the servers of the test.
	reload := func() (*Config, error) {
		cfg, err := LoadConfig(loaded.Path)
		if err != nil {
			return nil, err
		}
		serveMailboxes(other, cfg)
		cfg.Mailbox, cfg.SMTP, cfg.DataDir, cfg.Routes = h.cfg.Mailbox, h.cfg.SMTP, h.cfg.DataDir, h.cfg.Routes
		cfg.Schedule, cfg.Listen = h.cfg.Schedule, h.cfg.Listen
		return cfg, nil
	}
	d := &Daemon{Pipeline: h.p, Log: h.p.log, Reload: reload}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx) }()
	defer func() {
		cancel()
		<-done
	}()
	waitFor(t, "the first poll", func() bool { return h.p.alive.Load() > 0 })

	// A recovery needs the site's name alone in apac from now on.
	rulesPath := filepath.Join(filepath.Dir(loaded.Path), "apac-rules.yaml")
	if err := os.WriteFile(rulesPath, []byte(shippedRules(t, "materials: [site_name, auth_code]", "materials: [site_name]")), 0o644); err != nil {
		t.Fatal(err)
	}
	first := h.p.Config()
	syscall.Kill(syscall.Getpid(), syscall.SIGHUP)
	waitFor(t, "the reload", func() bool { return h.p.Config() != first })
	other.Append(t, "APAC", "From: a@customer.test\r\nSubject: License找回申请\r\nMessage-ID: <a@customer.test>\r\n"+
		"Content-Type: text/plain; charset=utf-8\r\n\r\n激活文件丢失，申请找回。\r\n客户局点名称：示例中心\r\n")
	waitFor(t, "the forward to apac's engineers", func() bool {
		for _, m := range h.smtp.Messages() {
			if slices.Contains(m.To, "apac-team@intake.test") {
				return true
			}
		}
		return false
	})
}

// TestReprocessMailOfAnotherMailbox: `intake reprocess --mail N` moves a
// mail given up in a mailbox of `mailboxes:` back into that mailbox.
func TestReprocessMailOfAnotherMailbox(t *testing.T) {
	h := newHarness(t)
	emea := imaptest.Start(t, imaptest.Options{})
	mc := emea.Config()
	mc.Host, mc.MaxTries = "localhost", 1
	mc.SetDefaults()
	h.cfg.Mailboxes = []MoreMailbox{{Name: "emea", IMAP: mc}}
	raw := testMail("chen@hospital.example", "License硬件变更申请", "fail-1@hospital.example", "", hwChangeIncomplete, licenseFile)
	emea.Append(t, "INBOX", raw)
	free := h.blockRaw(raw)
	h.p.Poll(context.Background())
	if got := emea.Inspect(t, "Intake/Failed"); len(got) != 1 {
		t.Fatalf("emea's Intake/Failed holds %d messages, want the mail given up", len(got))
	}
	free()
	given, _ := h.store.Quarantined()
	if len(given) != 1 {
		t.Fatalf("quarantined = %v, want the mail given up", given)
	}
	if err := h.p.ReprocessMail(context.Background(), given[0].ID); err != nil {
		t.Fatalf("ReprocessMail: %v", err)
	}
	if got := emea.Inspect(t, "INBOX"); len(got) != 1 {
		t.Errorf("emea's INBOX holds %d after ReprocessMail, want the mail back", len(got))
	}
}
