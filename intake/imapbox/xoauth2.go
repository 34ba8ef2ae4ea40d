package imapbox

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/emersion/go-sasl"
)

// XOAUTH2 is the name of the SASL mechanism used by Gmail and Microsoft 365
// for OAuth 2.0 bearer tokens. go-sasl no longer provides it.
const XOAUTH2 = "XOAUTH2"

// OAUTHBEARER is the standard SASL mechanism for OAuth 2.0 bearer tokens
// (RFC 7628), offered by Gmail and Dovecot beside XOAUTH2.
const OAUTHBEARER = "OAUTHBEARER"

// BearerClient is a sasl.Client for the XOAUTH2 and OAUTHBEARER mechanisms.
//
// When the server rejects the token it sends one challenge, a JSON error
// report, and expects a dummy response (empty for XOAUTH2, a single 0x01 for
// OAUTHBEARER) before it ends the exchange with NO. Next answers that way, so
// the connection stays in step, and keeps the report for Err: returning an
// error from Next instead (as go-sasl's OAUTHBEARER client does) would leave
// the server waiting for a response that imapclient never sends.
type BearerClient struct {
	mech, ir string
	dummy    []byte
	bad      bool // the username or token holds the separator 0x01
	err      error
}

var _ sasl.Client = (*BearerClient)(nil)

// NewXOAUTH2Client returns a client that logs username in with an OAuth 2.0
// access token over XOAUTH2.
func NewXOAUTH2Client(username, token string) *BearerClient {
	return &BearerClient{mech: XOAUTH2, ir: "user=" + username + "\x01auth=Bearer " + token + "\x01\x01", dummy: []byte{},
		bad: strings.ContainsRune(username+token, '\x01')}
}

// NewOAuthBearerClient returns a client that logs username in with an OAuth
// 2.0 access token over OAUTHBEARER; host and port are the server's.
func NewOAuthBearerClient(username, token, host string, port int) *BearerClient {
	// RFC 5801's saslname escapes "=" and ",".
	authzid := strings.NewReplacer("=", "=3D", ",", "=2C").Replace(username)
	ir := "n,a=" + authzid + ",\x01host=" + host + "\x01port=" + strconv.Itoa(port) + "\x01auth=Bearer " + token + "\x01\x01"
	return &BearerClient{mech: OAUTHBEARER, ir: ir, dummy: []byte{1},
		bad: strings.ContainsRune(username+token, '\x01')}
}

// Start returns the initial response: for XOAUTH2
// "user=" username "\x01auth=Bearer " token "\x01\x01".
func (c *BearerClient) Start() (mech string, ir []byte, err error) {
	if c.bad {
		return "", nil, fmt.Errorf("%s: username or token contains a separator", strings.ToLower(c.mech))
	}
	return c.mech, []byte(c.ir), nil
}

// Next records the server's error report and responds with the dummy
// message.
func (c *BearerClient) Next(challenge []byte) ([]byte, error) {
	if c.err != nil {
		return nil, sasl.ErrUnexpectedServerChallenge
	}
	c.err = parseXOAUTH2Error(challenge)
	return c.dummy, nil
}

// Err returns the server's error report, or nil if the server sent none.
func (c *BearerClient) Err() error {
	return c.err
}

// XOAUTH2Error is the JSON error report an XOAUTH2 server sends when it
// rejects a token.
type XOAUTH2Error struct {
	Status  string `json:"status"`
	Schemes string `json:"schemes"`
	Scope   string `json:"scope"`
}

func (e *XOAUTH2Error) Error() string {
	msg := "xoauth2: server rejected the token: status " + e.Status
	if e.Scope != "" {
		msg += ", scope " + e.Scope
	}
	return msg
}

func parseXOAUTH2Error(challenge []byte) error {
	var e XOAUTH2Error
	if err := json.Unmarshal(challenge, &e); err != nil || e.Status == "" {
		return fmt.Errorf("xoauth2: server rejected the token: %.200q", challenge)
	}
	return &e
}
