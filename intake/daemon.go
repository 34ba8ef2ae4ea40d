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
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/robfig/cron/v3"
)

// Daemon runs the pipeline on the config's cron schedule until it is told to
// stop: one poll at a time (a tick that finds the last poll still running is
// skipped), SIGHUP reloads the config (a bad one is refused and the old
// one kept), SIGINT/SIGTERM stop it after the message in hand.
type Daemon struct {
	Pipeline *Pipeline
	// Reload reads the config again; nil disables SIGHUP reloads.
	Reload func() (*Config, error)
	Log    *slog.Logger
	// Checks are more conditions of health (an OAuth token that cannot be
	// renewed): /healthz fails while one returns an error.
	Checks []func() error

	httpListen atomic.Value // the address /healthz is served on
	lastOK     atomic.Int64 // unix seconds of the last poll without error
}

// Metrics of polls and reloads, by mailbox (user@host/folder).
var (
	mailsRead = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "intake_mails_total",
		Help: "Mails read from the mailbox and decided, by mailbox, action and scenario.",
	}, []string{"mailbox", "action", "scenario"})
	pollsDone = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "intake_polls_total",
		Help: "Polls of the mailbox, by mailbox and result (ok, error).",
	}, []string{"mailbox", "result"})
	pollDuration = promauto.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "intake_poll_duration_seconds",
		Help:    "How long a poll took, sending included.",
		Buckets: prometheus.ExponentialBuckets(0.05, 2, 14), // 50 ms to 7 min
	}, []string{"mailbox"})
	pollLastSuccess = promauto.NewGaugeVec(prometheus.GaugeOpts{
		Name: "intake_poll_last_success_timestamp_seconds",
		Help: "When the last poll without an error ended (unix seconds).",
	}, []string{"mailbox"})
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
	if cfg.Listen != "" {
		srv, err := d.serveHTTP(cfg.Listen)
		if err != nil {
			return err
		}
		defer srv.Close()
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
	c := cron.New(cron.WithLocation(time.Local))
	c.Schedule(sched, cron.FuncJob(poll))
	c.Start()
	d.Log.Info("intake running", "schedule", cfg.Schedule, "mailbox", mailboxKey(cfg), "data_dir", cfg.DataDir)
	go poll() // the first poll does not wait for the first tick

	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	for {
		select {
		case <-ctx.Done():
			d.Log.Info("stopping: finishing the message in hand")
			<-c.Stop().Done()
			mu.Lock() // wait for a poll started by hand
			mu.Unlock()
			d.Log.Info("stopped")
			return nil
		case <-hup:
			d.reload()
		}
	}
}

func (d *Daemon) poll(ctx context.Context) {
	start := time.Now()
	mailbox := mailboxKey(d.Pipeline.Config())
	rep := d.Pipeline.Poll(ctx)
	pollDuration.WithLabelValues(mailbox).Observe(time.Since(start).Seconds())
	for _, pr := range rep.Processed {
		mailsRead.WithLabelValues(mailbox, pr.Decision.Action, pr.Decision.Scenario).Inc()
	}
	if err := rep.Err(); err != nil {
		pollsDone.WithLabelValues(mailbox, "error").Inc()
		d.Log.Error("poll finished with errors", "processed", len(rep.Processed), "sent", rep.Sent, "err", err)
		return
	}
	pollsDone.WithLabelValues(mailbox, "ok").Inc()
	pollLastSuccess.WithLabelValues(mailbox).SetToCurrentTime()
	d.lastOK.Store(time.Now().Unix())
	d.Log.Info("poll done", "processed", len(rep.Processed), "sent", rep.Sent)
}

func (d *Daemon) reload() {
	if d.Reload == nil {
		return
	}
	cfg, err := d.Reload()
	if err != nil {
		reloads.WithLabelValues("refused").Inc()
		d.Log.Error("config reload refused: keeping the config in use", "err", err)
		return
	}
	d.Pipeline.SetConfig(cfg)
	reloads.WithLabelValues("ok").Inc()
	d.Log.Info("config reloaded")
}

// serveHTTP serves /healthz and /metrics (Prometheus).
func (d *Daemon) serveHTTP(addr string) (*http.Server, error) {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		last := d.lastOK.Load()
		if last == 0 {
			http.Error(w, "no successful poll yet", http.StatusServiceUnavailable)
			return
		}
		for _, check := range d.Checks {
			if err := check(); err != nil {
				http.Error(w, err.Error(), http.StatusServiceUnavailable)
				return
			}
		}
		fmt.Fprintf(w, "ok: last successful poll %s\n", time.Unix(last, 0).Format(time.RFC3339))
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
