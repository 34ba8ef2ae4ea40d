package rules

import "testing"

func TestSafeFileName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"report.pdf", "report.pdf"},
		{"../../etc/passwd", "passwd"},
		{`C:\Users\x\老服务器.lic`, "老服务器.lic"},
		{"CON.lic", "_CON.lic"},
		{"con", "_con"},
		{"nul", "_nul"},
		{"NUL.tar.gz", "_NUL.tar.gz"},
		{"COM1.txt", "_COM1.txt"},
		{"lpt9.pdf", "_lpt9.pdf"},
		{"LPT¹.pdf", "_LPT¹.pdf"},
		{"aux .txt", "_aux .txt"},
		{"console.txt", "console.txt"},
		{"COM10.txt", "COM10.txt"},
		{"old\u202Ecil.exe", "oldcil.exe"},
		{"\u2067invoice\u2069.pdf", "invoice.pdf"},
		{"a\u200Bb\uFEFF.pdf", "ab.pdf"},
		{"bad<>:\"|?*.txt", "bad_______.txt"},
		{"...hidden", "hidden"},
		{"\u202E", ""},
		{"tab\there.txt", "tabhere.txt"},
	}
	for _, tt := range tests {
		if got := SafeFileName(tt.in); got != tt.want {
			t.Errorf("SafeFileName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
