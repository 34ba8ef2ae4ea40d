package intake

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/robfig/cron/v3"

	"intake/intake/oauth"
)

// Daemon runs the pipeline on the config's cron schedule until it is told to
// stop: one poll at a time (a tick that finds the last poll still running is
// skipped), SIGHUP reloads the config (all of it, or, when the new one is
// bad or changes what cannot change live, none of it), SIGINT/SIGTERM stop
// it after the message in hand (within stop_timeout).
type Daemon struct {
	Pipeline *Pipeline
	// Reload reads the config again; nil disables SIGHUP reloads.
	Reload func() (*Config, error)
	// NewSender builds the SMTP sender of a config, for a reload; nil keeps
	// the sender in use.
	NewSender func(*Config) (Sender, error)
	Log       *slog.Logger
	// Checks are more conditions of health (an OAuth token that cannot be
	// renewed): /healthz fails while one returns an error.
	Checks []func() error
	// Tokens renews the OAuth tokens: for the IDLE connections, and every
	// minute those due, ahead of their expiry; nil: none.
	Tokens *oauth.Tokens

	httpListen atomic.Value // the address /healthz is served on
	lastOK     atomic.Int64 // unix seconds of the last poll without error
}

// Metrics of the mail decided, by mailbox (user@host/folder), and of reloads.
var (
	mailsRead = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "intake_mails_total",
		Help: "Mails read from the mailbox and decided, by mailbox, action and scenario.",
	}, []string{"mailbox", "action", "scenario"})
	reloads = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "intake_config_reloads_total",
		Help: "Config reloads on SIGHUP, by result (ok, refused).",
	}, []string{"result"})
)

// Run blocks until ctx ends or a stop signal comes.
func (d *Daemon) Run(ctx context.Context) error {
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	cfg := d.Pipeline.Config()
	sched, err := ParseSchedule(cfg.Schedule)
	if err != nil {
		return err
	}
	var mu sync.Mutex // one poll at a time
	poll := func() {
		if !mu.TryLock() {
			d.Log.Warn("previous poll still running: tick skipped")
			return
		}
		defer mu.Unlock()
		d.poll(ctx)
	}
	r := &running{cron: cron.New(cron.WithLocation(time.Local)), job: cron.FuncJob(poll)}
	if cfg.Listen != "" {
		if r.srv, err = d.serveHTTP(cfg.Listen); err != nil {
			return err
		}
	}
	defer func() {
		if r.srv != nil {
			r.srv.Close()
		}
	}()
	r.entry = r.cron.Schedule(sched, r.job)
	r.cron.Start()
	d.Log.Info("intake running", "schedule", cfg.Schedule, "mailbox", mailboxKey(cfg), "data_dir", cfg.DataDir)
	go poll() // the first poll does not wait for the first tick
	var watching sync.WaitGroup
	// New mail an IDLE connection reports is polled at once; a poll under
	// way is waited for, not skipped.
	pollNow := func() {
		mu.Lock()
		defer mu.Unlock()
		if ctx.Err() == nil {
			d.poll(ctx)
		}
	}
	if d.Tokens != nil {
		watching.Go(func() {
			tick := time.NewTicker(time.Minute)
			defer tick.Stop()
			for {
				select {
				case <-ctx.Done():
					return
				case <-tick.C:
					d.Tokens.Renew(ctx)
				}
			}
		})
	}
	for _, name := range idleMailboxes(cfg) {
		watching.Go(func() { d.watch(ctx, name, pollNow) })
	}

	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	for {
		select {
		case <-ctx.Done():
			d.Log.Info("stopping: finishing the message in hand", "stop_timeout", d.Pipeline.Config().StopTimeout)
			<-r.cron.Stop().Done()
			mu.Lock() // wait for a poll started by hand
			mu.Unlock()
			watching.Wait()
			d.Log.Info("stopped")
			return nil
		case <-hup:
			d.reload(r)
		}
	}
}

// running is what Run started from the config, which a reload replaces.
type running struct {
	cron  *cron.Cron
	entry cron.EntryID // the poll's
	job   cron.Job
	srv   *http.Server // nil when listen is off
}

func (d *Daemon) poll(ctx context.Context) {
	rep := d.Pipeline.Poll(ctx)
	for _, pr := range rep.Processed {
		mailsRead.WithLabelValues(pr.Mailbox, pr.Decision.Action, pr.Decision.Scenario).Inc()
	}
	if err := rep.Err(); err != nil {
		d.Log.Error("poll finished with errors", "processed", len(rep.Processed), "sent", rep.Sent, "err", err)
		return
	}
	d.lastOK.Store(time.Now().Unix())
	d.Log.Info("poll done", "processed", len(rep.Processed), "sent", rep.Sent)
}

// reload reads the config again and puts all of it to use: the SMTP sender
// is rebuilt, the schedule replaced, the listen address bound again, and
// the next poll uses the mailbox settings. Nothing changes when the config
// is bad, or changes what cannot change live, or a part cannot be set up
// (the new address is taken): the whole reload is refused and logged.
func (d *Daemon) reload(r *running) {
	if d.Reload == nil {
		return
	}
	if err := d.apply(r); err != nil {
		reloads.WithLabelValues("refused").Inc()
		d.Log.Error("config reload refused: keeping the config in use", "err", err)
		return
	}
	reloads.WithLabelValues("ok").Inc()
}

func (d *Daemon) apply(r *running) error {
	old := d.Pipeline.Config()
	cfg, err := d.Reload()
	if err != nil {
		return err
	}
	if err := unchangeable(old, cfg); err != nil {
		return err
	}
	var sender Sender
	if d.NewSender != nil {
		if sender, err = d.NewSender(cfg); err != nil {
			return fmt.Errorf("building the SMTP sender: %w", err)
		}
	}
	sched, err := ParseSchedule(cfg.Schedule)
	if err != nil {
		return err
	}
	var srv *http.Server
	if cfg.Listen != old.Listen && cfg.Listen != "" {
		if srv, err = d.serveHTTP(cfg.Listen); err != nil {
			return err
		}
	}

	d.Pipeline.SetConfig(cfg)
	if sender != nil {
		d.Pipeline.SetSender(sender)
	}
	if cfg.Schedule != old.Schedule {
		r.cron.Remove(r.entry)
		r.entry = r.cron.Schedule(sched, r.job)
	}
	if cfg.Listen != old.Listen {
		if r.srv != nil {
			r.srv.Close()
		}
		r.srv = srv
		if srv == nil {
			d.httpListen.Store("")
		}
	}
	d.Log.Info("config reloaded", "schedule", cfg.Schedule, "listen", cfg.Listen, "mailbox", mailboxKey(cfg),
		"smtp", net.JoinHostPort(cfg.SMTP.Host, strconv.Itoa(cfg.SMTP.Port)), "smtp_rebuilt", sender != nil)
	return nil
}

// unchangeable reports the changes a running daemon cannot take: the data
// directory (the store is open and locked), and the domain of smtp.from,
// which names intake's Message-IDs.
func unchangeable(old, cfg *Config) error {
	var errs []error
	if !slices.Equal(idleMailboxes(old), idleMailboxes(cfg)) {
		errs = append(errs, fmt.Errorf("which mailboxes use idle cannot change while intake runs (hint: restart intake)"))
	}
	if filepath.Clean(old.DataDir) != filepath.Clean(cfg.DataDir) {
		errs = append(errs, fmt.Errorf("data_dir cannot change while intake runs (%s, now %s) (hint: restart intake to use the new one)", old.DataDir, cfg.DataDir))
	}
	_, was, _ := strings.Cut(old.SMTP.fromAddress(), "@")
	_, is, _ := strings.Cut(cfg.SMTP.fromAddress(), "@")
	if !strings.EqualFold(was, is) {
		errs = append(errs, fmt.Errorf("the domain of smtp.from cannot change while intake runs (%s, now %s): it names intake's Message-IDs (hint: restart intake)", was, is))
	}
	return errors.Join(errs...)
}

// serveHTTP serves /healthz and /metrics (Prometheus).
func (d *Daemon) serveHTTP(addr string) (*http.Server, error) {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		errs := []error{d.Pipeline.Health(d.Pipeline.Now())}
		for _, check := range d.Checks {
			errs = append(errs, check())
		}
		if err := errors.Join(errs...); err != nil {
			http.Error(w, "unhealthy:\n"+err.Error(), http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintf(w, "ok: last successful poll %s\n", time.Unix(d.Pipeline.alive.Load(), 0).Format(time.RFC3339))
	})
	mux.Handle("/metrics", metricsHandler(d.Pipeline.store, time.Now))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listening on %s: %w", addr, err)
	}
	d.httpListen.Store(ln.Addr().String())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			d.Log.Error("http server", "err", err)
		}
	}()
	return srv, nil
}

// httpAddr returns the address /healthz and /metrics are served on, "" when
// none.
func (d *Daemon) httpAddr() string {
	a, _ := d.httpListen.Load().(string)
	return a
}
