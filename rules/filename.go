package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxFileNameBytes bounds a name SafeFileName returns.
const MaxFileNameBytes = 200

// SafeFileName makes a file name as sent safe to store, attach and show to
// an engineer: the base name after any / or \; without control characters
// and without format characters (the bidirectional overrides that make
// "old\u202Ecil.exe" show as "oldexe.lic", zero-width joiners); with the
// characters Windows forbids replaced by _; no leading dots or spaces; a
// Windows device name ("CON.lic", "nul", "COM1.txt"), which Windows opens
// as the device whatever the extension, prefixed with _; at most
// MaxFileNameBytes bytes, the extension kept. It returns "" when nothing
// usable is left. Every name intake writes goes through it.
func SafeFileName(name string) string {
	name = name[strings.LastIndexAny(name, `/\`)+1:]
	name = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError || r == '\u2028' || r == '\u2029':
			return -1
		case strings.ContainsRune(`<>:"|?*`, r):
			return '_'
		}
		return r
	}, name)
	name = strings.TrimRight(strings.TrimLeft(name, ". \t\u3000"), " \t\u3000")
	if isDeviceName(name) {
		name = "_" + name
	}
	if len(name) > MaxFileNameBytes {
		ext := ""
		if i := strings.LastIndexByte(name, '.'); i > 0 && len(name)-i <= 16 {
			ext = name[i:]
		}
		name = TruncateUTF8(name[:len(name)-len(ext)], MaxFileNameBytes-len(ext)) + ext
	}
	return name
}

// isDeviceName reports whether Windows takes name for a device: CON, PRN,
// AUX, NUL, COM0-9 or LPT0-9 (with the superscript digits Windows also
// accepts), in any case, before the first dot, trailing spaces ignored.
func isDeviceName(name string) bool {
	base, _, _ := strings.Cut(name, ".")
	base = strings.ToUpper(strings.TrimRight(base, " "))
	switch base {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if rest, ok := strings.CutPrefix(base, "COM"); ok {
		return isDeviceDigit(rest)
	}
	if rest, ok := strings.CutPrefix(base, "LPT"); ok {
		return isDeviceDigit(rest)
	}
	return false
}

func isDeviceDigit(s string) bool {
	return len(s) == 1 && s[0] >= '0' && s[0] <= '9' || s == "¹" || s == "²" || s == "³"
}

// TruncateUTF8 cuts s to at most n bytes at a rune boundary.
func TruncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
