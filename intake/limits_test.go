package intake

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// completeRequest is a complete hardware-change request of sender number
// i: its own auth code, organisation and letter, so it is a case of its own.
func completeRequest(from string, i int) string {
	body := strings.Replace(hwChangeComplete, "IMC-PLAT-7F3A-92QD-0C5E", fmt.Sprintf("IMC-PLAT-7F3A-92QD-%04d", i), 1)
	body = strings.Replace(body, "杭州示例医院", fmt.Sprintf("杭州示例医院%d分院", i), 1)
	return testMail(from, "License硬件变更申请", fmt.Sprintf("b-%d@%s", i, strings.Split(from, "@")[1]), "", body,
		licenseFile, newHostFile, testFile{fmt.Sprintf("承诺书(盖章)%d.pdf", i), "application/pdf", []byte(fmt.Sprintf("%%PDF-1.4\n%% %d\n", i))})
}

// adminNotices counts the sent mail to the admin whose subject holds sub.
func (h *harness) adminNotices(sub string) int {
	n := 0
	for _, s := range h.sentSince(0) {
		if slices.Contains(s.to, "license-admin@example.test") && strings.Contains(s.subject(), sub) {
			n++
		}
	}
	return n
}

// TestLimitNoticeOncePerRateWindow: the admin hears of a rate limit once
// per cases.rate_window it is hit in, however short health.notice_window
// is: a flood of requests from one sender over most of a day, or of forged
// senders within the hour, makes one notice each; a new window, a new one.
func TestLimitNoticeOncePerRateWindow(t *testing.T) {
	// A flood of 1,000 takes minutes, and one sender's far longer: each of
	// its mails is weighed against every open case of the sender (see
	// matchByParty). The suite floods with 100 forged senders and 30 mails
	// of one sender unless INTAKE_FLOOD asks more of each.
	forged, oneSender := 100, 30
	if n, err := strconv.Atoi(os.Getenv("INTAKE_FLOOD")); err == nil && n >= 20 {
		forged, oneSender = n, n
	}
	t.Run("one sender's replies", func(t *testing.T) {
		h := newHarness(t)
		h.cfg.Health.NoticeWindow = Duration(10 * time.Minute)
		for i := 0; i < oneSender; i++ {
			h.deliver(testMail("flood@school.example", "License找回", fmt.Sprintf("fl-%d@school.example", i), "", "License丢失，需要找回"))
			if i%(oneSender/15) == oneSender/15-1 {
				h.poll()
				h.now = h.now.Add(time.Hour) // 15 hours, inside the 24 h window
			}
		}
		if n := h.adminNotices("reply rate limit reached"); n != 1 {
			t.Errorf("%d mails from one sender over 15 hours made %d reply-limit notices, want 1", oneSender, n)
		}
		h.now = h.now.Add(25 * time.Hour)
		before := len(h.smtp.Messages())
		for i := 0; i < 12; i++ {
			h.deliver(testMail("flood@school.example", "License找回", fmt.Sprintf("fl2-%d@school.example", i), "", "License丢失，需要找回"))
		}
		h.poll()
		if n := h.adminNotices("reply rate limit reached"); n != 2 {
			t.Errorf("the limit hit again in a new window: %d notices in all, want 2; sent %d", n, len(h.sentSince(before)))
		}
	})
	t.Run("forged senders", func(t *testing.T) {
		h := newHarness(t)
		h.cfg.Health.NoticeWindow = Duration(5 * time.Minute)
		h.cfg.Cases.Limits.RepliesPerHour = forged / 10
		for i := 0; i < forged; i++ {
			h.deliver(testMail(fmt.Sprintf("forged%d@spam%d.example", i, i), "License找回", fmt.Sprintf("f-%d@spam.example", i), "", "License丢失，需要找回"))
			if i%(forged/10) == forged/10-1 {
				h.poll()
				h.now = h.now.Add(5 * time.Minute)
			}
		}
		if n := h.adminNotices("automatic replies stopped"); n != 1 {
			t.Errorf("%d forged senders within the hour made %d reply-cap notices, want 1", forged, n)
		}
	})
	t.Run("forwards of one sender", func(t *testing.T) {
		h := newHarness(t)
		h.cfg.Health.NoticeWindow = Duration(10 * time.Minute)
		h.cfg.Cases.Limits.ForwardsPerSender = 2
		for i := 0; i < 12; i++ {
			h.deliver(completeRequest("bulk@hospital.example", i))
			h.poll()
			h.now = h.now.Add(time.Hour)
		}
		if n := h.adminNotices("mail to the engineers held"); n != 1 {
			t.Errorf("12 complete requests of one sender over 12 hours made %d held-forward notices, want 1", n)
		}
	})
}

// TestReleaseByCaseAndSender: mail held by the forward limits is listed
// with why, and the admin releases one sender's or one case's alone.
func TestReleaseByCaseAndSender(t *testing.T) {
	h := newHarness(t)
	h.cfg.Cases.Limits.ForwardsPerSender = 1
	for i, from := range []string{"a@hospital.example", "a@hospital.example", "a@hospital.example", "b@clinic.example", "b@clinic.example"} {
		h.deliver(completeRequest(from, i))
	}
	h.poll()
	kept, err := h.store.KeptList(KeptFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(kept) != 3 {
		t.Fatalf("kept %d mails, want 3 (two of a@, one of b@): %+v", len(kept), kept)
	}
	for _, k := range kept {
		if k.Kind != "forward" || k.CaseID == "" || !strings.Contains(k.Why, "forwards_per_sender") || !strings.Contains(k.Why, k.Sender) {
			t.Errorf("kept mail %+v does not say whose and why", k)
		}
	}
	// One of a@'s cases alone.
	n, err := h.store.ReleaseKept(KeptFilter{CaseID: kept[0].CaseID}, h.now)
	if err != nil || n != 1 {
		t.Fatalf("releasing case %s: %d, %v; want 1", kept[0].CaseID, n, err)
	}
	// b@'s alone.
	if n, err := h.store.ReleaseKept(KeptFilter{Sender: "B@clinic.example"}, h.now); err != nil || n != 1 {
		t.Fatalf("releasing b@clinic.example: %d, %v; want 1", n, err)
	}
	before := len(h.smtp.Messages())
	h.poll()
	var got []string
	for _, s := range h.sentSince(before) {
		if slices.Contains(s.to, "license-engineers@example.test") {
			got = append(got, s.subject())
		}
	}
	if len(got) != 2 || !strings.Contains(strings.Join(got, "\n"), kept[0].CaseID) || !strings.Contains(strings.Join(got, "\n"), kept[2].CaseID) {
		t.Errorf("after releasing case %s and sender b@ the engineers got %q", kept[0].CaseID, got)
	}
	left, _ := h.store.KeptList(KeptFilter{})
	if len(left) != 1 || left[0].CaseID != kept[1].CaseID {
		t.Errorf("still kept %+v, want case %s alone", left, kept[1].CaseID)
	}
}
