package intake

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"

	"intake/intake/imapbox"
)

// idleReconnects counts the IDLE connections lost and opened again.
var idleReconnects = promauto.NewCounterVec(prometheus.CounterOpts{
	Name: "intake_idle_reconnects_total",
	Help: "IDLE connections that ended (server gone, kicked, timed out) and were opened again, by mailbox.",
}, []string{"mailbox"})

// idleMailboxes names the mailboxes ("" for `mailbox:`) that use IDLE.
func idleMailboxes(cfg *Config) []string {
	var names []string
	for _, name := range cfg.mailboxNames() {
		if cfg.view(name).Mailbox.IDLE {
			names = append(names, name)
		}
	}
	return names
}

// errConfigChanged ends an IDLE connection whose config was reloaded.
var errConfigChanged = errors.New("config reloaded")

// watch keeps an IDLE connection to the mailbox name while ctx lasts and
// calls poll when the server reports new mail, and once after each
// (re)connect for what came while it was away. A lost connection is opened
// again after a backoff of 1 s doubling to 5 min; the cron schedule keeps
// polling meanwhile.
func (d *Daemon) watch(ctx context.Context, name string, poll func()) {
	wait := time.Second
	for ctx.Err() == nil {
		root := d.Pipeline.Config()
		cfg := root.view(name)
		if cfg == nil {
			return
		}
		start := time.Now()
		err := d.idleOnce(ctx, root, cfg, poll)
		if ctx.Err() != nil {
			return
		}
		if time.Since(start) > time.Minute {
			wait = time.Second // it worked for a while: not a server refusing us
		}
		if errors.Is(err, errConfigChanged) {
			continue
		}
		idleReconnects.WithLabelValues(mailboxKey(cfg)).Inc()
		d.Log.Warn("idle connection ended: reconnecting", "mailbox", mailboxKey(cfg), "in", wait, "err", err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		wait = min(2*wait, 5*time.Minute)
	}
}

// idleOnce opens one IDLE connection to cfg's mailbox and holds it until it
// fails, ctx ends or the config (root) is reloaded.
func (d *Daemon) idleOnce(ctx context.Context, root, cfg *Config, poll func()) error {
	mc := cfg.Mailbox
	m, newMail, err := imapbox.DialIdle(ctx, mc, d.Tokens, d.Log)
	if err != nil {
		return err
	}
	defer m.Close()
	d.Log.Info("idle: watching for new mail", "mailbox", mailboxKey(cfg), "restart", mc.IdleRestart)
	poll()
	for {
		cmd, err := m.Idle()
		if err != nil {
			return fmt.Errorf("starting IDLE: %w", err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		restart := time.NewTimer(time.Duration(mc.IdleRestart))
		var wake error // why the watch ends
		mail := false
		select {
		case <-ctx.Done():
			wake = ctx.Err()
		case <-newMail:
			mail = true
		case <-restart.C: // renew IDLE before the server drops it
			if d.Pipeline.Config() != root {
				wake = errConfigChanged
			}
		case err := <-done:
			restart.Stop()
			if err == nil {
				err = errors.New("no reason given")
			}
			return fmt.Errorf("idle ended by the server: %w", err)
		}
		restart.Stop()
		if err := m.EndIdle(cmd, done); err != nil {
			return err
		}
		if wake != nil {
			return wake
		}
		if mail {
			poll()
		}
	}
}
