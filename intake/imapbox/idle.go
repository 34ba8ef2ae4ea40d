package imapbox

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/emersion/go-imap/v2/imapclient"

	"intake/intake/oauth"
)

// DialIdle is Dial for a connection that waits in IDLE: the channel it
// returns receives when the server reports the number of messages (new
// mail). It never blocks go-imap's reader, so reports that come while one is
// pending are merged into it.
func DialIdle(ctx context.Context, cfg Config, tokens *oauth.Tokens, log *slog.Logger) (*Mailbox, <-chan struct{}, error) {
	newMail := make(chan struct{}, 1)
	unilateral := &imapclient.UnilateralDataHandler{
		Mailbox: func(data *imapclient.UnilateralDataMailbox) {
			if data.NumMessages != nil {
				select { // never block go-imap's reader
				case newMail <- struct{}{}:
				default:
				}
			}
		},
	}
	m, err := dial(ctx, cfg, tokens, log, unilateral)
	if err != nil {
		return nil, nil, err
	}
	return m, newMail, nil
}

// Idle starts the IDLE command; EndIdle ends it.
func (m *Mailbox) Idle() (*imapclient.IdleCommand, error) {
	return m.c.Idle()
}

// EndIdle sends DONE and waits for the server's answer on done (where the
// caller sends cmd.Wait's result), for at most the mailbox timeout (a
// connection that died silently answers never).
func (m *Mailbox) EndIdle(cmd *imapclient.IdleCommand, done <-chan error) error {
	if err := cmd.Close(); err != nil {
		return fmt.Errorf("ending IDLE: %w", err)
	}
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("ending IDLE: %w", err)
		}
		return nil
	case <-time.After(m.timeout):
		m.c.Close()
		return fmt.Errorf("ending IDLE: no answer within %s", m.timeout)
	}
}
