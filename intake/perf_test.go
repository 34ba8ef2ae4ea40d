package intake

import (
	"context"
	"fmt"
	"net"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"intake/mailer"
)

// TestHotQueriesUseIndexes: every query the loop runs for each message or
// each poll finds its rows through an index; none reads a whole table
// (with the mail bodies in it) as the reply rate limit once did.
func TestHotQueriesUseIndexes(t *testing.T) {
	st, err := OpenStore(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	msg := `SELECT ` + messageCols + ` FROM messages WHERE `
	for name, q := range map[string]string{
		"SeenUID":           msg + `mailbox = ? AND uidvalidity = ? AND uid = ?`,
		"Duplicate":         msg + `sha256 = ? AND action != 'duplicate' ORDER BY id LIMIT 1`,
		"WithMessageID":     msg + `message_id = ? AND action != 'duplicate' ORDER BY id`,
		"PendingMoves":      msg + `mailbox = ? AND uidvalidity = ? AND moved = 0 ORDER BY uid`,
		"CaseMessages":      msg + `case_id = ? ORDER BY received_at, id`,
		"Case":              `SELECT id, state FROM cases WHERE id = ?`,
		"Cases(waiting)":    `SELECT id, state FROM cases WHERE state = ? ORDER BY created_at DESC, id DESC`,
		"parties":           `SELECT address FROM parties WHERE case_id = ? ORDER BY address`,
		"DueOutbox":         `SELECT id FROM outbox WHERE state = ? AND next_at <= ? ORDER BY id`,
		"OutboxByMessageID": `SELECT id FROM outbox WHERE message_id = ?`,
		"OutboxRaw":         `SELECT raw FROM outbox WHERE id = ?`,
		"settleHeld":        `UPDATE outbox SET state = ? WHERE state = ? AND case_id = (SELECT case_id FROM outbox WHERE id = ? AND kind = 'forward')`,
		"Failure":           `SELECT tries FROM failures WHERE mailbox = ? AND uidvalidity = ? AND uid = ?`,
		"Checkpoint":        `SELECT last_uid FROM checkpoints WHERE mailbox = ? AND uidvalidity = ?`,
		"RepliesTo": `SELECT count(*) FROM outbox WHERE lower(recipients) = ? AND created_at >= ?
			AND kind IN ('request', 'ask', 'forwarded', 'received', 'reminder', 'closed', 'too_large')
			AND state NOT IN ('fallback', 'cancelled')`,
	} {
		plan := queryPlan(t, st, q)
		if strings.Contains(plan, "SCAN ") {
			t.Errorf("%s reads a whole table or index:\n%s", name, plan)
		}
		if name == "RepliesTo" && !strings.Contains(plan, "COVERING INDEX") {
			t.Errorf("RepliesTo reads the outbox rows (and their mail), not only an index:\n%s", plan)
		}
	}
}

// queryPlan returns SQLite's plan for a query, one step a line.
func queryPlan(t *testing.T, st *Store, q string) string {
	t.Helper()
	args := make([]any, strings.Count(q, "?"))
	for i := range args {
		args[i] = "x"
	}
	rows, err := st.db.Query("EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatalf("explaining %s: %v", q, err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		b.WriteString(detail + "\n")
	}
	return b.String()
}

// TestDrainBacksOffWhileSMTPIsDown: with the SMTP server unreachable, a
// poll of several messages tries it once, not once per message (each try
// used to reload every due mail with its body), and the mail goes out once
// the backoff is over and the server is back.
func TestDrainBacksOffWhileSMTPIsDown(t *testing.T) {
	h := newHarness(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var dials atomic.Int32
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			dials.Add(1)
			c.Close() // no greeting: the server is not there
		}
	}()
	defer ln.Close()
	down := *h.cfg
	host, port := splitHostPort(t, ln.Addr().String())
	down.SMTP.Host, down.SMTP.Port = host, port
	opts, err := down.SMTP.Options(nil)
	if err != nil {
		t.Fatal(err)
	}
	up := h.p.send
	h.p.send, err = mailer.NewSender(opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		h.deliver(testMail(fmt.Sprintf("c%d@hospital.example", i), "License找回", fmt.Sprintf("m%d@hospital.example", i), "", "License丢失，申请找回"))
	}
	rep := h.p.Poll(context.Background())
	if len(rep.Processed) != 5 {
		t.Fatalf("processed %d, want 5", len(rep.Processed))
	}
	if n := dials.Load(); n != 1 {
		t.Errorf("a poll of 5 mails with the SMTP server down dialled it %d times, want 1", n)
	}

	h.p.send = up
	h.now = h.now.Add(time.Minute)
	h.poll()
	if n := len(h.smtp.Messages()); n != 5 {
		t.Errorf("after the backoff, with the server back, %d mails sent, want 5", n)
	}
}

// TestCheckFilesInOrder: evaluated on every core, the results of a folder
// come out in the order of its files, each the same as on its own.
func TestCheckFilesInOrder(t *testing.T) {
	cfg := shippedConfig(t)
	files, err := MailFiles([]string{"../testdata/mail", "../testdata/blind"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	cfg.CheckFiles(files, func(path string, res *Checked, err error) bool {
		var b strings.Builder
		if err == nil {
			err = res.WriteJSON(&b)
		}
		got = append(got, path+" "+b.String()+fmt.Sprint(err))
		return true
	})
	if len(got) != len(files) {
		t.Fatalf("%d results for %d files", len(got), len(files))
	}
	for i, f := range files {
		res, err := cfg.CheckFile(f)
		var b strings.Builder
		if err == nil {
			err = res.WriteJSON(&b)
		}
		if want := f + " " + b.String() + fmt.Sprint(err); got[i] != want {
			t.Fatalf("result %d:\n got %s\nwant %s", i, got[i], want)
		}
	}
	n := 0
	cfg.CheckFiles(files, func(string, *Checked, error) bool { n++; return n < 3 })
	if n != 3 {
		t.Errorf("each returned false at the third file but was called %d times", n)
	}
}
