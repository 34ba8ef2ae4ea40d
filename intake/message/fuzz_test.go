package message

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that no input makes Parse panic, fail or break its limits.
func FuzzParse(f *testing.F) {
	for _, pattern := range []string{"../../testdata/mail/*.eml", "../../testdata/realworld/*/*.eml"} {
		paths, _ := filepath.Glob(pattern)
		for _, path := range paths {
			if data, err := os.ReadFile(path); err == nil {
				f.Add(data)
			}
		}
	}
	lim := Limits{
		MaxMessageBytes:    1 * MiB,
		MaxParts:           50,
		MaxDepth:           6,
		MaxAttachmentBytes: 256 * KiB,
		MaxArchiveEntries:  20,
		MaxArchiveBytes:    1 * MiB,
		MaxArchiveRatio:    100,
		MaxHeaderBytes:     16 * KiB,
		MaxTextBytes:       64 * KiB,
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse(bytes.NewReader(data), lim)
		if err != nil {
			t.Fatalf("Parse error: %v", err)
		}
		checkInvariants(t, "fuzz input", m, lim)
		if len(data) > int(lim.MaxMessageBytes) && m.Problem != ProblemTooLarge {
			t.Errorf("Parse(%d bytes).Problem = %q, want %s", len(data), m.Problem, ProblemTooLarge)
		}
	})
}
