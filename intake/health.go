package intake

import (
	"errors"
	"fmt"
	"time"
)

// HealthConfig is the `health:` section of config.yaml: when /healthz says
// intake is unhealthy, and how often the admin hears of one problem.
type HealthConfig struct {
	// MaxPollAge is the longest time without a poll that reached the
	// mailbox; default three schedule intervals, at least 10 minutes.
	MaxPollAge Duration `yaml:"max_poll_age"`
	// MaxOutboxAge is the longest a mail may wait in the outbox; default 1h.
	MaxOutboxAge Duration `yaml:"max_outbox_age"`
	// NoticeWindow is how often the admin is told of one kind of problem
	// (unreadable mail, mail given up, undelivered mail): once a window,
	// the next notice counting those held back; default 1h.
	NoticeWindow Duration `yaml:"notice_window"`
}

func (c *HealthConfig) setDefaults(schedule string) {
	if c.MaxPollAge == 0 {
		c.MaxPollAge = Duration(10 * time.Minute)
		if s, err := ParseSchedule(schedule); err == nil {
			t0 := s.Next(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
			c.MaxPollAge = Duration(max(10*time.Minute, 3*s.Next(t0).Sub(t0)))
		}
	}
	if c.MaxOutboxAge == 0 {
		c.MaxOutboxAge = Duration(time.Hour)
	}
	if c.NoticeWindow == 0 {
		c.NoticeWindow = Duration(time.Hour)
	}
}

func (c *HealthConfig) validate() []problem {
	var probs []problem
	for _, d := range []struct {
		key string
		v   Duration
	}{{"max_poll_age", c.MaxPollAge}, {"max_outbox_age", c.MaxOutboxAge}, {"notice_window", c.NoticeWindow}} {
		if d.v < 0 {
			probs = append(probs, problem{d.key, fmt.Sprintf("%s %s is negative (hint: a duration such as 1h)", d.key, d.v)})
		}
	}
	return probs
}

// Health reports what keeps intake from doing its job now, one error a
// problem, nil when none: no poll reached the mailbox within max_poll_age,
// mail waits in the outbox longer than max_outbox_age, or the store cannot
// be written.
func (p *Pipeline) Health(now time.Time) error {
	cfg := p.Config().Health
	var errs []error
	if last := p.alive.Load(); last == 0 {
		errs = append(errs, errors.New("no poll has reached the mailbox yet"))
	} else if age := now.Sub(time.Unix(last, 0)); age > time.Duration(cfg.MaxPollAge) {
		errs = append(errs, fmt.Errorf("no poll has reached the mailbox for %s (max_poll_age %s)", age.Round(time.Second), cfg.MaxPollAge))
	}
	n, oldest, err := p.store.OldestPending()
	if err != nil {
		errs = append(errs, err)
	} else if n > 0 && now.Sub(oldest) > time.Duration(cfg.MaxOutboxAge) {
		errs = append(errs, fmt.Errorf("%d mail(s) waiting in the outbox, the oldest since %s (max_outbox_age %s)",
			n, oldest.Format(time.RFC3339), cfg.MaxOutboxAge))
	}
	if err := p.store.Writable(now); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}
