package intake

import (
	"context"
	"database/sql"
	"fmt"
	"io"
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
		"SeenUID":       msg + `mailbox = ? AND uidvalidity = ? AND uid = ?`,
		"Duplicate":     msg + `sha256 = ? AND action != 'duplicate' ORDER BY id LIMIT 1`,
		"WithMessageID": msg + `message_id = ? AND action != 'duplicate' ORDER BY id`,
		"PendingMoves":  msg + `mailbox = ? AND uidvalidity = ? AND moved = 0 ORDER BY uid`,
		"CaseMessages":  msg + `case_id = ? ORDER BY received_at, id`,
		"Case":          `SELECT id, state FROM cases WHERE id = ?`,
		"DueWaiting": `SELECT id, state FROM cases WHERE id IN (SELECT id FROM cases WHERE state = ? AND updated_at <= ?
			UNION ALL SELECT id FROM cases WHERE state = ? AND reminded_at IS NULL AND updated_at <= ?) ORDER BY created_at DESC, id DESC`,
		"parties":           `SELECT address FROM parties WHERE case_id = ? ORDER BY address`,
		"DueOutbox":         `SELECT id FROM outbox WHERE state = ? AND next_at <= ? ORDER BY id`,
		"OutboxByMessageID": `SELECT id FROM outbox WHERE message_id = ?`,
		"OutboxRaw":         `SELECT raw FROM outbox WHERE id = ?`,
		"settleHeld":        `UPDATE outbox SET state = ? WHERE state = ? AND case_id = (SELECT case_id FROM outbox WHERE id = ? AND kind = 'forward')`,
		"Failure":           `SELECT tries FROM failures WHERE mailbox = ? AND uidvalidity = ? AND uid = ?`,
		"Checkpoint":        `SELECT last_uid FROM checkpoints WHERE mailbox = ? AND uidvalidity = ?`,
		"OpenCasesOf":       `SELECT id FROM cases WHERE +state IN (?, ?) AND id IN (SELECT case_id FROM parties WHERE address = ?) ORDER BY created_at, id`,
		"Prune(sent)": `SELECT id, coalesce(file, '') FROM outbox INDEXED BY outbox_kept WHERE pruned_at IS NULL AND state IN ('sent', 'cancelled')
			AND created_at < ? AND coalesce(sent_at, created_at) < ?`,
		"Prune(raw)": `SELECT id, coalesce(sha256, '') FROM messages INDEXED BY messages_kept WHERE pruned_at IS NULL AND sha256 != '' AND received_at < ?
			AND (case_id IS NULL OR EXISTS (SELECT 1 FROM cases WHERE id = messages.case_id AND state IN (?, ?, ?) AND updated_at < ?))`,
		"Prune(shared)":      `SELECT count(*) FROM messages WHERE sha256 = ? AND pruned_at IS NULL`,
		"Prune(shared mail)": `SELECT count(*) FROM outbox WHERE file = ? AND pruned_at IS NULL`,
		"RepliesSince":       `SELECT coalesce(sum(n), 0) FROM reply_minutes WHERE minute >= ?`,
		"ForwardsSince(sender)": `SELECT count(*) FROM outbox o JOIN messages m ON o.message_row = m.id
			WHERE o.kind IN ('forward', 'update') AND o.state != 'kept' AND m.from_addr = ? AND o.created_at >= ?`,
		"ForwardsSince(case)": `SELECT count(*) FROM outbox WHERE kind IN ('forward', 'update') AND state != 'kept' AND case_id = ? AND created_at >= ?`,
		"RepliesTo": `SELECT count(*) FROM outbox WHERE lower(recipients) = ? AND created_at >= ?
			AND kind IN ('request', 'ask', 'forwarded', 'received', 'reminder', 'closed', 'too_large')
			AND state NOT IN ('fallback', 'cancelled')`,
	} {
		plan := queryPlan(t, st, q)
		if strings.Contains(plan, "SCAN ") {
			t.Errorf("%s reads a whole table or index:\n%s", name, plan)
		}
		if strings.Contains(plan, "(state=?)") || strings.Contains(plan, "LIST SUBQUERY") && !strings.Contains(plan, "(id=?)") {
			// Every sent mail, every forwarded case: they grow with every
			// mail ever read (OpenCasesOf read 60,000 cases a message on
			// a store that had seen 100,000 mails, Prune every sent mail
			// and every done case each poll).
			t.Errorf("%s reads every row in a state, or a whole list of them:\n%s", name, plan)
		}
		if name == "DueWaiting" && strings.Count(plan, "updated_at<?") != 2 {
			// Each poll: through every waiting case it costs as much as the open work.
			t.Errorf("DueWaiting does not read only the cases idle long enough:\n%s", plan)
		}
		if name == "ForwardsSince(sender)" && !strings.Contains(plan, "from_addr=?") {
			// Through the day's outbox it costs as much as the day's mail.
			t.Errorf("ForwardsSince(sender) does not start from the sender's messages:\n%s", plan)
		}
		if strings.HasPrefix(name, "Replies") || strings.HasPrefix(name, "Forwards") {
			for _, step := range strings.Split(strings.TrimSpace(plan), "\n") {
				onOutbox := strings.Contains(step, "outbox") || strings.HasPrefix(step, "SEARCH o ") || strings.HasPrefix(step, "SCAN o ")
				if onOutbox && !strings.Contains(step, "COVERING INDEX") {
					t.Errorf("%s reads the outbox rows (and their mail), not only an index:\n%s", name, plan)
				}
			}
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
	up := h.p.sender()
	downSender, err := mailer.NewSender(opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	h.p.SetSender(downSender)
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

	h.p.SetSender(up)
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

// BenchmarkStoreCommit measures what the store does for each answered
// message (the rate limit's count, a case number, the commit of the
// message, its case and a 20 KiB reply), on an empty store and on ones that
// have seen 10,000 and 100,000 such messages: those should cost no more.
func BenchmarkStoreCommit(b *testing.B) {
	for _, seen := range []int{0, 10000, 100000} {
		b.Run(fmt.Sprintf("seen=%d", seen), func(b *testing.B) {
			st, err := OpenStore(b.TempDir(), nil)
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
			sum, size, err := st.PutMail(func(w io.Writer) error {
				_, err := io.WriteString(w, strings.Repeat("x", 20<<10))
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
			record := func(i int) *Record {
				id := fmt.Sprintf("LX-20261127-%05d", i)
				from := fmt.Sprintf("c%d@hospital.example", i)
				return &Record{
					Message: MessageRow{Mailbox: "intake@example.test/INBOX", UIDValidity: 1, UID: uint32(i + 1), MessageID: from,
						SHA256: fmt.Sprintf("%064x", i), From: from, ReceivedAt: now, CaseID: id, Action: "request_materials", Folder: "Intake/Waiting"},
					Case: &Case{ID: id, State: StateWaiting, CreatedAt: now, UpdatedAt: now}, NewCase: true, Party: from,
					Mail: []*Outgoing{{Kind: "request", MessageID: "r-" + from, Recipients: []string{from}, File: sum, Size: size}},
				}
			}
			err = st.tx(func(tx *sql.Tx) error { // filled in one transaction: quicker than commit by commit
				for i := range seen {
					r := record(i)
					if err := upsertCase(tx, r.Case, true); err != nil {
						return err
					}
					if err := insertOutbox(tx, r.Case.ID, 0, r.Mail[0], now); err != nil {
						return err
					}
					_, err := tx.Exec(`INSERT INTO messages (mailbox, uidvalidity, uid, message_id, sha256, size, from_addr, subject, received_at,
						case_id, action, scenario, reason, decision, folder) VALUES (?, ?, ?, ?, ?, 0, ?, '', ?, ?, ?, '', '', '{}', ?)`,
						r.Message.Mailbox, r.Message.UIDValidity, r.Message.UID, r.Message.MessageID, r.Message.SHA256, r.Message.From,
						now.Unix(), r.Case.ID, r.Message.Action, r.Message.Folder)
					if err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for i := seen; b.Loop(); i++ {
				r := record(i)
				if _, err := st.RepliesSince(now.Add(-time.Hour)); err != nil {
					b.Fatal(err)
				}
				if _, err := st.RepliesTo(r.Message.From, now.Add(-24*time.Hour)); err != nil {
					b.Fatal(err)
				}
				if _, err := st.Commit(r, now); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkOneSender measures a poll of n mails from one address, each a
// request that opens a case of its own, so each is weighed against every
// open case of the sender: the cost per mail grows with n while the
// earlier mails are read and parsed again for each new one. Rate limits
// are lifted so that every mail is answered.
func BenchmarkOneSender(b *testing.B) {
	for _, n := range []int{25, 100} {
		b.Run(fmt.Sprintf("mails=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				h := newHarness(b)
				h.cfg.Cases.Limits.RepliesPerHour = 1 << 30
				h.cfg.Cases.RatePerSender = 1 << 30
				for i := range n {
					h.deliver(testMail("flood@school.example", "License找回", fmt.Sprintf("fl-%d@school.example", i), "", "License丢失，需要找回"))
				}
				b.StartTimer()
				if rep := h.poll(); len(rep.Processed) != n {
					b.Fatalf("processed %d of %d", len(rep.Processed), n)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*n), "ms/mail")
		})
	}
}

// TestRepliesSinceByMinute: the hourly reply cap counts the replies queued
// from the start of the window's first minute on, whatever their state;
// notices to the admin and forwards do not count; a store made before the
// counts by minute starts from its outbox.
func TestRepliesSinceByMinute(t *testing.T) {
	dir := t.TempDir()
	st, err := OpenStore(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Now().Truncate(time.Minute)
	queue := func(kind string, at time.Time) {
		t.Helper()
		sum, size, err := st.PutMail(func(w io.Writer) error { _, err := io.WriteString(w, kind); return err })
		if err != nil {
			t.Fatal(err)
		}
		o := &Outgoing{Kind: kind, MessageID: fmt.Sprintf("%s-%d@x", kind, at.UnixNano()), Recipients: []string{"c@hospital.example"}, File: sum, Size: size}
		if err := st.QueueMail(o, at); err != nil {
			t.Fatal(err)
		}
	}
	queue("request", t0.Add(-90*time.Minute))
	queue("ask", t0.Add(-50*time.Minute))
	queue("request", t0.Add(-50*time.Minute+30*time.Second))
	queue("forward", t0.Add(-40*time.Minute))
	queue("notice", t0.Add(-40*time.Minute))
	queue("reminder", t0.Add(-10*time.Minute))
	count := func(st *Store) int {
		t.Helper()
		n, err := st.RepliesSince(t0.Add(-time.Hour).Add(20 * time.Second))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count(st); n != 3 {
		t.Errorf("RepliesSince(the last hour) = %d, want 3 (ask, request, reminder)", n)
	}
	// An older store: no counts by minute yet.
	if _, err := st.db.Exec(`DELETE FROM reply_minutes; DELETE FROM meta WHERE key = 'reply_minutes'`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if st, err = OpenStore(dir, nil); err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n := count(st); n != 3 {
		t.Errorf("RepliesSince after opening a store without counts = %d, want 3 from its outbox", n)
	}
}
