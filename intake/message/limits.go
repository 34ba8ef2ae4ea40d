package message

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// Limits bounds the work and memory the MIME reader spends on one message.
// A zero field means the default of DefaultLimits.
type Limits struct {
	MaxMessageBytes    ByteSize `yaml:"max_message_bytes"`    // whole raw message
	MaxParts           int      `yaml:"max_parts"`            // MIME parts, attached messages included
	MaxDepth           int      `yaml:"max_depth"`            // MIME nesting, attached messages included
	MaxAttachmentBytes ByteSize `yaml:"max_attachment_bytes"` // one decoded file
	MaxArchiveEntries  int      `yaml:"max_archive_entries"`  // files in one .zip
	MaxArchiveBytes    ByteSize `yaml:"max_archive_bytes"`    // expanded bytes of all .zip entries of a message
	MaxArchiveRatio    int      `yaml:"max_archive_ratio"`    // expanded/compressed size of one entry
	MaxHeaderBytes     ByteSize `yaml:"max_header_bytes"`     // one header block
	MaxTextBytes       ByteSize `yaml:"max_text_bytes"`       // body text kept
}

// DefaultLimits returns the limits used for every field left zero.
func DefaultLimits() Limits {
	return Limits{
		MaxMessageBytes:    64 * MiB,
		MaxParts:           500,
		MaxDepth:           20,
		MaxAttachmentBytes: 32 * MiB,
		MaxArchiveEntries:  200,
		MaxArchiveBytes:    128 * MiB,
		MaxArchiveRatio:    100,
		MaxHeaderBytes:     256 * KiB,
		MaxTextBytes:       1 * MiB,
	}
}

// WithDefaults returns l with every zero or negative field set to its default.
func (l Limits) WithDefaults() Limits {
	d := DefaultLimits()
	pick := func(v *ByteSize, def ByteSize) {
		if *v <= 0 {
			*v = def
		}
	}
	pickInt := func(v *int, def int) {
		if *v <= 0 {
			*v = def
		}
	}
	pick(&l.MaxMessageBytes, d.MaxMessageBytes)
	pickInt(&l.MaxParts, d.MaxParts)
	pickInt(&l.MaxDepth, d.MaxDepth)
	pick(&l.MaxAttachmentBytes, d.MaxAttachmentBytes)
	pickInt(&l.MaxArchiveEntries, d.MaxArchiveEntries)
	pick(&l.MaxArchiveBytes, d.MaxArchiveBytes)
	pickInt(&l.MaxArchiveRatio, d.MaxArchiveRatio)
	pick(&l.MaxHeaderBytes, d.MaxHeaderBytes)
	pick(&l.MaxTextBytes, d.MaxTextBytes)
	return l
}

// ByteSize is a number of bytes. In YAML it is a plain integer or a number
// with a unit: "512KiB", "25 MB", "64MiB", "1GiB".
type ByteSize int64

// Byte size units.
const (
	KiB ByteSize = 1 << 10
	MiB ByteSize = 1 << 20
	GiB ByteSize = 1 << 30
)

// byteUnits are the units ParseByteSize accepts, in lower case.
var byteUnits = map[string]ByteSize{
	"": 1, "b": 1,
	"k": 1000, "kb": 1000, "kib": KiB,
	"m": 1000 * 1000, "mb": 1000 * 1000, "mib": MiB,
	"g": 1000 * 1000 * 1000, "gb": 1000 * 1000 * 1000, "gib": GiB,
}

// ParseByteSize parses a size such as "64MiB", "25 MB" or "1024".
func ParseByteSize(s string) (ByteSize, error) {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) && r != '.' })
	if i < 0 {
		i = len(s)
	}
	num, unit := s[:i], strings.ToLower(strings.TrimSpace(s[i:]))
	mult, ok := byteUnits[unit]
	if num == "" || !ok {
		return 0, fmt.Errorf("invalid byte size %q (want a number with an optional unit: B, KB, KiB, MB, MiB, GB, GiB)", s)
	}
	n, err := strconv.ParseFloat(num, 64)
	if err != nil || n < 0 || n*float64(mult) > 1<<62 {
		return 0, fmt.Errorf("invalid byte size %q", s)
	}
	return ByteSize(n * float64(mult)), nil
}

// UnmarshalYAML accepts a plain integer or a string with a unit.
func (b *ByteSize) UnmarshalYAML(node *yaml.Node) error {
	if node.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: byte size must be a number or a string like \"64MiB\"", node.Line)
	}
	v, err := ParseByteSize(node.Value)
	if err != nil {
		return fmt.Errorf("line %d: %w", node.Line, err)
	}
	*b = v
	return nil
}

// String formats b with the largest binary unit that divides it.
func (b ByteSize) String() string {
	switch {
	case b >= GiB && b%GiB == 0:
		return fmt.Sprintf("%dGiB", b/GiB)
	case b >= MiB && b%MiB == 0:
		return fmt.Sprintf("%dMiB", b/MiB)
	case b >= KiB && b%KiB == 0:
		return fmt.Sprintf("%dKiB", b/KiB)
	}
	return fmt.Sprintf("%d", int64(b))
}
