package conf

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Duration is a time.Duration written in YAML as a Go duration string
// ("30s", "5m", "1h30m") or a number of days ("3d", "14d").
type Duration time.Duration

// UnmarshalYAML reads a duration string; a bare number is refused because
// its unit would be a guess.
func (d *Duration) UnmarshalYAML(node *yaml.Node) error {
	if node.Kind != yaml.ScalarNode {
		return YAMLError(node.Line, "want a duration such as 30s or 5m")
	}
	v, err := parseDuration(node.Value)
	if err != nil || v < 0 {
		return YAMLError(node.Line, "invalid duration %q (hint: a number with a unit, such as 30s, 5m, 72h or 14d)", node.Value)
	}
	*d = Duration(v)
	return nil
}

// MarshalYAML writes the duration as a string that UnmarshalYAML reads back.
func (d Duration) MarshalYAML() (any, error) {
	return d.String(), nil
}

// String formats the duration as time.Duration does.
func (d Duration) String() string {
	return time.Duration(d).String()
}

// ParseDuration reads a duration as the config writes one: "30s", "72h", "14d".
func ParseDuration(s string) (time.Duration, error) { return parseDuration(s) }

// parseDuration reads a Go duration, or whole days written "14d".
func parseDuration(s string) (time.Duration, error) {
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil {
			return 0, fmt.Errorf("parsing days %q: %w", s, err)
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	return time.ParseDuration(s)
}

// YAMLError reports a problem at a line of the YAML input as yaml.v3 reports
// its own type errors, so that decoding goes on and the config loader can list
// every problem with its line.
func YAMLError(line int, format string, args ...any) error {
	return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: ", line) + fmt.Sprintf(format, args...)}}
}
