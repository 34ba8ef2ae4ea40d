package intake

import (
	"io"
	"log/slog"
	"slices"

	"intake/intake/conf"
)

// LogConfig is the `log:` section: how intake writes its log (to stderr).
type LogConfig struct {
	Format string `yaml:"format"` // text (default, logfmt) | json (one object a line)
	Level  string `yaml:"level"`  // debug | info (default) | warn | error
}

func (c *LogConfig) setDefaults() {
	conf.SetDefault(&c.Format, "text")
	conf.SetDefault(&c.Level, "info")
}

func (c *LogConfig) problems() []problem {
	var probs []problem
	if !slices.Contains([]string{"text", "json"}, c.Format) {
		probs = append(probs, problem{"format", "unknown log format " + c.Format + " (hint: text or json)"})
	}
	var l slog.Level
	if err := l.UnmarshalText([]byte(c.Level)); err != nil {
		probs = append(probs, problem{"level", "unknown log level " + c.Level + " (hint: debug, info, warn or error)"})
	}
	return probs
}

// NewLogger returns the logger the config asks for, writing to w. Lines
// about a message carry its mailbox, uid, message_id and case.
func (c LogConfig) NewLogger(w io.Writer) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(c.Level)) // checked by validate; info when unset
	opts := &slog.HandlerOptions{Level: level}
	if c.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
