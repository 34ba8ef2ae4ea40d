package intake

import (
	"slices"
	"strings"
	"testing"
)

// TestPipelineForwardNamesEngineersCanTrust: files named as Windows devices
// or with a right-to-left override reach the engineers under safe names,
// and the summary says what each was sent as.
func TestPipelineForwardNamesEngineersCanTrust(t *testing.T) {
	h := newHarness(t)
	lic := testFile{"CON.lic", licenseFile.ctype, licenseFile.data}
	host := testFile{"新服务器主机信息\u202Efdp.txt", newHostFile.ctype, newHostFile.data}
	h.deliver(testMail("陈晓东 <chen@hospital.example>", "License硬件变更申请", "req-1@hospital.example", "",
		hwChangeIncomplete+hwChangeFollowUp, lic, host, letterScan))
	h.poll()
	var fwd *sentMail
	for _, s := range h.sentSince(0) {
		if slices.Contains(s.to, "license-engineers@example.test") {
			fwd = s
		}
	}
	if fwd == nil {
		t.Fatalf("no forward sent; log:\n%s", h.log)
	}
	for _, want := range []string{"_CON.lic", "新服务器主机信息fdp.txt", "承诺书(盖章).pdf"} {
		if _, ok := fwd.files[want]; !ok {
			t.Errorf("forward attachments = %q, want %q", keys(fwd.files), want)
		}
	}
	for _, want := range []string{`_CON.lic (sent as "CON.lic")`, `新服务器主机信息fdp.txt (sent as "新服务器主机信息\u202efdp.txt")`} {
		if !strings.Contains(fwd.body, want) {
			t.Errorf("forward summary lacks %s:\n%s", want, fwd.body)
		}
	}
	if strings.ContainsRune(fwd.body, '\u202E') {
		t.Errorf("forward summary carries the override character itself:\n%s", fwd.body)
	}
}
