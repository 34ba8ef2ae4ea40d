// Package conf holds the small types the config sections of every package
// share: durations, secrets and the problems validation reports. It imports
// no other package of intake.
package conf

import "net"

// Problem is a mistake in one part of the config, at a path below it.
type Problem struct{ Path, Msg string }

// SetDefault sets *s to v when it is empty.
func SetDefault(s *string, v string) {
	if *s == "" {
		*s = v
	}
}

// IsLoopback reports whether host names this machine.
func IsLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
