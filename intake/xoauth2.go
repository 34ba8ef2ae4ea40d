package intake

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/emersion/go-sasl"
)

// XOAUTH2 is the name of the SASL mechanism used by Gmail and Microsoft 365
// for OAuth 2.0 bearer tokens. go-sasl no longer provides it.
const XOAUTH2 = "XOAUTH2"

// XOAUTH2Client is a sasl.Client for the XOAUTH2 mechanism.
//
// When the server rejects the token it sends one challenge, a JSON error
// report, and expects an empty response before it ends the exchange with NO.
// Next answers that way, so the connection stays in step, and keeps the
// report for Err: returning an error from Next instead would leave the server
// waiting for a response that imapclient never sends.
type XOAUTH2Client struct {
	username, token string
	err             error
}

var _ sasl.Client = (*XOAUTH2Client)(nil)

// NewXOAUTH2Client returns a client that logs username in with an OAuth 2.0
// access token.
func NewXOAUTH2Client(username, token string) *XOAUTH2Client {
	return &XOAUTH2Client{username: username, token: token}
}

// Start returns the initial response
// "user=" username "\x01auth=Bearer " token "\x01\x01".
func (c *XOAUTH2Client) Start() (mech string, ir []byte, err error) {
	if strings.ContainsRune(c.username, '\x01') || strings.ContainsRune(c.token, '\x01') {
		return "", nil, errors.New("xoauth2: username or token contains \\x01")
	}
	return XOAUTH2, []byte("user=" + c.username + "\x01auth=Bearer " + c.token + "\x01\x01"), nil
}

// Next records the server's error report and responds with an empty message.
func (c *XOAUTH2Client) Next(challenge []byte) ([]byte, error) {
	if c.err != nil {
		return nil, sasl.ErrUnexpectedServerChallenge
	}
	c.err = parseXOAUTH2Error(challenge)
	return []byte{}, nil
}

// Err returns the server's error report, or nil if the server sent none.
func (c *XOAUTH2Client) Err() error {
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
