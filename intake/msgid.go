package intake

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"strings"
)

// msgIDs makes and recognises intake's own Message-IDs. Each carries the
// case id and a signature, so a reply's In-Reply-To finds its case, and a
// forged reference to someone else's case is not taken for ours:
//
//	<LX-20261127-0007.request.k2m4q7rt.3mzq5l2v9x4a@example.test>
type msgIDs struct {
	key    []byte
	domain string
}

var b32 = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

func (m msgIDs) sign(caseID, kind, nonce string) string {
	mac := hmac.New(sha256.New, m.key)
	mac.Write([]byte(caseID + "." + kind + "." + nonce))
	return b32.EncodeToString(mac.Sum(nil))[:16]
}

// New returns a fresh Message-ID (without angle brackets) for a mail of a
// case ("" for mail about no case).
func (m msgIDs) New(caseID, kind string) string {
	raw := make([]byte, 5)
	rand.Read(raw)
	nonce := b32.EncodeToString(raw)
	if caseID == "" {
		caseID = "none"
	}
	return caseID + "." + kind + "." + nonce + "." + m.sign(caseID, kind, nonce) + "@" + m.domain
}

// Ours reports whether id is one of intake's Message-IDs with a signature
// that holds, whether or not it belongs to a case.
func (m msgIDs) Ours(id string) bool {
	_, _, ok := m.parse(id)
	return ok
}

// CaseOf returns the case id of one of our Message-IDs, or "" when the id
// is not ours or its signature does not hold.
func (m msgIDs) CaseOf(id string) string {
	caseID, _, ok := m.parse(id)
	if !ok || caseID == "none" {
		return ""
	}
	return caseID
}

// parse returns the case id ("none" for mail about no case) and the kind
// of mail ("forward", "request", …) of one of our Message-IDs, and whether
// it is ours with a signature that holds.
func (m msgIDs) parse(id string) (caseID, kind string, ok bool) {
	local, domain, ok := strings.Cut(strings.Trim(id, "<> "), "@")
	if !ok || !strings.EqualFold(domain, m.domain) {
		return "", "", false
	}
	parts := strings.Split(local, ".")
	if len(parts) != 4 || !hmac.Equal([]byte(parts[3]), []byte(m.sign(parts[0], parts[1], parts[2]))) {
		return "", "", false
	}
	return parts[0], parts[1], true
}
