package conf

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Secret is a credential in the config: written inline, or read from an
// environment variable or a file when it is needed. In YAML it is either a
// plain string (the inline value) or a mapping with exactly one of value,
// env and file:
//
//	password: {env: INTAKE_IMAP_PASSWORD}
//	token: {file: /run/secrets/imap-token}
//
// Its String, GoString and LogValue methods print "[secret]", so that a
// logged or printed config never shows the credential.
type Secret struct {
	Value string `yaml:"value"`
	Env   string `yaml:"env"`
	File  string `yaml:"file"`
}

// UnmarshalYAML accepts a plain string or a {value|env|file} mapping.
func (s *Secret) UnmarshalYAML(node *yaml.Node) error {
	switch node.Kind {
	case yaml.ScalarNode:
		if node.Tag == "!!null" {
			*s = Secret{}
			return nil
		}
		*s = Secret{Value: node.Value}
		return nil
	case yaml.MappingNode:
		var out Secret
		for i := 0; i+1 < len(node.Content); i += 2 {
			key, val := node.Content[i], node.Content[i+1]
			if val.Kind != yaml.ScalarNode {
				return YAMLError(val.Line, "secret %s: want a string", key.Value)
			}
			switch key.Value {
			case "value":
				out.Value = val.Value
			case "env":
				out.Env = val.Value
			case "file":
				out.File = val.Value
			default:
				return YAMLError(key.Line, "secret: unknown key %q (hint: value, env or file)", key.Value)
			}
		}
		if out.sources() > 1 {
			return YAMLError(node.Line, "secret: set only one of value, env and file")
		}
		*s = out
		return nil
	default:
		return YAMLError(node.Line, "secret: want a string or a mapping with value, env or file")
	}
}

func (s Secret) sources() int {
	n := 0
	for _, v := range []string{s.Value, s.Env, s.File} {
		if v != "" {
			n++
		}
	}
	return n
}

// IsZero reports whether no source is set.
func (s Secret) IsZero() bool {
	return s.sources() == 0
}

// Resolve returns the credential: the inline value, the environment
// variable's value (which must be set and non-empty), or the file's contents
// without trailing line breaks.
func (s Secret) Resolve() (string, error) {
	switch {
	case s.Value != "":
		return s.Value, nil
	case s.Env != "":
		v, ok := os.LookupEnv(s.Env)
		if !ok {
			return "", fmt.Errorf("environment variable %s is not set", s.Env)
		}
		if v == "" {
			return "", fmt.Errorf("environment variable %s is empty", s.Env)
		}
		return v, nil
	case s.File != "":
		b, err := os.ReadFile(s.File)
		if err != nil {
			return "", fmt.Errorf("reading secret file: %w", err)
		}
		v := strings.TrimRight(string(b), "\r\n")
		if v == "" {
			return "", fmt.Errorf("secret file %s is empty", s.File)
		}
		return v, nil
	default:
		return "", errors.New("secret not set (hint: value, env or file)")
	}
}

// String returns "[secret]", never the credential.
func (s Secret) String() string { return "[secret]" }

// GoString returns "[secret]", so that %#v does not print the credential.
func (s Secret) GoString() string { return "[secret]" }

// LogValue returns "[secret]" for log/slog.
func (s Secret) LogValue() slog.Value { return slog.StringValue("[secret]") }
