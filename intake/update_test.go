package intake

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"intake/rules"
)

// forwardedCase delivers a complete request and returns its case id and
// the forward the engineers got.
func forwardedCase(t *testing.T, h *harness) (string, *sentMail) {
	t.Helper()
	h.deliver(testMail("陈晓东 <chen@hospital.example>", "License硬件变更申请", "r-1@hospital.example", "", hwChangeComplete, licenseFile, newHostFile, letterScan))
	caseID := h.poll().Processed[0].CaseID
	for _, s := range h.sentSince(0) {
		if slices.Contains(s.to, "license-engineers@example.test") {
			return caseID, s
		}
	}
	t.Fatal("no forward")
	return "", nil
}

// TestPipelineThanksAfterForward: "收到，谢谢" after the forward sends the
// engineers nothing (cases.thanks.engineers: none) or one line (note), and
// never the package again.
func TestPipelineThanksAfterForward(t *testing.T) {
	for _, mode := range []string{"none", "note"} {
		t.Run(mode, func(t *testing.T) {
			h := newHarness(t)
			h.cfg.Cases.Thanks.Engineers = mode
			caseID, fwd := forwardedCase(t, h)
			for i, text := range []string{"收到，谢谢！\n\n陈晓东\n", "Thanks a lot!\n"} {
				h.deliver(testMail("陈晓东 <chen@hospital.example>", "Re: ["+caseID+"] License硬件变更申请", "t-"+string(rune('1'+i))+"@hospital.example", "", text))
			}
			rep := h.poll()
			sent := h.sentSince(2)
			for _, pr := range rep.Processed {
				if pr.CaseID != caseID {
					t.Errorf("thanks went to case %q, want %s", pr.CaseID, caseID)
				}
			}
			want := map[string]int{"none": 0, "note": 2}[mode]
			if len(sent) != want {
				t.Fatalf("two thanks caused %d mails, want %d", len(sent), want)
			}
			for _, s := range sent {
				if len(s.files) != 0 || len(s.raw) > 4000 || s.header.Get("In-Reply-To") != fwd.header.Get("Message-Id") {
					t.Errorf("thanks note: %d files, %d bytes, In-Reply-To %q; want a short note on the forward's thread %s",
						len(s.files), len(s.raw), s.header.Get("In-Reply-To"), fwd.header.Get("Message-Id"))
				}
			}
		})
	}
}

// TestPipelineUpdateAfterForward: a follow-up with a new file after the
// forward reaches the engineers as an update on the forward's thread with
// only that file and the new text; no original is attached again, and the
// outbox grows by about the new file only.
func TestPipelineUpdateAfterForward(t *testing.T) {
	h := newHarness(t)
	caseID, fwd := forwardedCase(t, h)
	before := outboxBytes(t, h)
	photo := testFile{"机房照片.jpg", "image/jpeg", bytes.Repeat([]byte{0xFF, 0xD8, 0xFF, 0xE0}, 50_000)}
	// No word of the process in it: news all the same.
	h.deliver(testMail("陈晓东 <chen@hospital.example>", "Re: ["+caseID+"]", "u-1@hospital.example", "",
		"补充一张机房照片，另外新服务器下周一上线。\n", photo, letterScan))
	pr := h.poll().Processed[0]
	if pr.CaseID != caseID {
		t.Fatalf("follow-up went to %s, want %s", pr.CaseID, caseID)
	}
	sent := h.sentSince(2)
	if len(sent) != 1 || !slices.Contains(sent[0].to, "license-engineers@example.test") {
		t.Fatalf("follow-up caused %d mails, want one update to the engineers", len(sent))
	}
	up := sent[0]
	if up.header.Get("In-Reply-To") != fwd.header.Get("Message-Id") || !strings.HasPrefix(up.subject(), "Re: ") || !strings.Contains(up.subject(), caseID) {
		t.Errorf("update subject %q In-Reply-To %q, want Re: on the forward's thread %s", up.subject(), up.header.Get("In-Reply-To"), fwd.header.Get("Message-Id"))
	}
	if !slices.Equal(keys(up.files), []string{"机房照片.jpg"}) {
		t.Errorf("update attachments %v, want only the new photo (the letter was sent before)", keys(up.files))
	}
	if bytes.Contains(up.raw, []byte("message/rfc822")) {
		t.Error("the update attaches an original mail again")
	}
	if !strings.Contains(up.body, "新服务器下周一上线") || !strings.Contains(up.header.Get("Reply-To"), "chen@hospital.example") {
		t.Errorf("update body lacks the new text or Reply-To the customer:\n%s", up.body)
	}
	if grew := outboxBytes(t, h) - before; grew > 2*len(photo.data)+20_000 {
		t.Errorf("the outbox grew by %d bytes for a %d-byte file", grew, len(photo.data))
	}
}

func outboxBytes(t *testing.T, h *harness) int {
	out, err := h.store.AllOutbox()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, o := range out {
		n += int(o.Size)
	}
	return n
}

// TestPipelineSkippedFileNotCounted: a stamped letter over
// max_attachment_bytes is not read, so it is not counted by its name; the
// reply asks for it again and says why.
func TestPipelineSkippedFileNotCounted(t *testing.T) {
	h := newHarness(t)
	h.cfg.Limits.MaxAttachmentBytes = 64 << 10
	big := testFile{"承诺书(盖章).pdf", "application/pdf", append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("x"), 100<<10)...)}
	h.deliver(testMail("陈晓东 <chen@hospital.example>", "License硬件变更申请", "r-1@hospital.example", "", hwChangeComplete, licenseFile, newHostFile, big))
	pr := h.poll().Processed[0]
	if pr.Decision.Action != rules.ActionRequest || !slices.Equal(pr.Decision.Missing, []string{"commitment_letter"}) {
		t.Fatalf("request with an unread letter: %s missing %v, want request_materials missing commitment_letter (%+v)", pr.Decision.Action, pr.Decision.Missing, pr.Decision.Checklist)
	}
	sent := h.sentSince(0)
	if len(sent) != 1 || !strings.Contains(sent[0].body, "超出大小") || !strings.Contains(sent[0].body, "盖章") {
		t.Errorf("reply does not ask for the letter again and say why:\n%s", sent[0].body)
	}
}

// TestPipelineUpdatesCappedPerCase: a loop of news on one forwarded case
// reaches the engineers at most cases.limits.forwards_per_case times per
// window (the forward included); the rest is kept and the admin told once.
func TestPipelineUpdatesCappedPerCase(t *testing.T) {
	h := newHarness(t)
	h.cfg.Cases.Limits.ForwardsPerCase = 3
	caseID, _ := forwardedCase(t, h)
	for i := 0; i < 4; i++ {
		h.deliver(testMail("chen@hospital.example", "Re: ["+caseID+"]", "n-"+string(rune('a'+i))+"@hospital.example", "",
			"新服务器的机房位置变了，第"+string(rune('一'+i))+"次更新。\n", testFile{"photo" + string(rune('a'+i)) + ".jpg", "image/jpeg", []byte("jpeg " + string(rune('a'+i)))}))
	}
	h.poll()
	updates, notices := 0, 0
	for _, s := range h.sentSince(2) {
		switch {
		case slices.Contains(s.to, "license-engineers@example.test"):
			updates++
		case slices.Contains(s.to, "license-admin@example.test"):
			notices++
		}
	}
	if updates != 2 || notices != 1 {
		t.Errorf("4 updates on a case capped at 3 mails: %d updates and %d admin notices, want 2 and 1", updates, notices)
	}
}
