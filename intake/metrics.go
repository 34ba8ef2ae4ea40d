package intake

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// storeCollector reports what the store holds when Prometheus scrapes:
// cases by state, and the outbox's depth and the age of its oldest mail.
// Counters of events are declared next to the code that counts them
// (daemon.go, pipeline.go, oauth.go).
type storeCollector struct {
	store *Store
	now   func() time.Time
}

var (
	casesDesc  = prometheus.NewDesc("intake_cases", "Cases in the store, by state.", []string{"state"}, nil)
	outboxDesc = prometheus.NewDesc("intake_outbox_depth",
		"Mails waiting in the outbox to be sent (first try or retry).", nil, nil)
	outboxAgeDesc = prometheus.NewDesc("intake_outbox_oldest_age_seconds",
		"Age of the oldest mail waiting in the outbox; 0 when it is empty.", nil, nil)
)

func (c storeCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- casesDesc
	ch <- outboxDesc
	ch <- outboxAgeDesc
}

func (c storeCollector) Collect(ch chan<- prometheus.Metric) {
	byState, err := c.store.caseCounts()
	if err != nil {
		ch <- prometheus.NewInvalidMetric(casesDesc, err)
	}
	for _, state := range []string{StateWaiting, StateForwarded, StateClosed, StateFailed, StateIgnored} {
		ch <- prometheus.MustNewConstMetric(casesDesc, prometheus.GaugeValue, float64(byState[state]), state)
	}
	depth, oldest, err := c.store.outboxPending()
	if err != nil {
		ch <- prometheus.NewInvalidMetric(outboxDesc, err)
		return
	}
	age := 0.0
	if depth > 0 {
		age = max(0, c.now().Sub(oldest).Seconds())
	}
	ch <- prometheus.MustNewConstMetric(outboxDesc, prometheus.GaugeValue, float64(depth))
	ch <- prometheus.MustNewConstMetric(outboxAgeDesc, prometheus.GaugeValue, age)
}

// caseCounts returns the number of cases in each state.
func (s *Store) caseCounts() (map[string]int, error) {
	rows, err := s.db.Query(`SELECT state, count(*) FROM cases GROUP BY state`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var state string
		var n int
		if err := rows.Scan(&state, &n); err != nil {
			return nil, err
		}
		out[state] = n
	}
	return out, rows.Err()
}

// outboxPending returns how many mails wait to be sent and when the oldest
// was queued.
func (s *Store) outboxPending() (n int, oldest time.Time, err error) {
	var first *int64
	err = s.db.QueryRow(`SELECT count(*), min(created_at) FROM outbox WHERE state = ?`, OutboxPending).Scan(&n, &first)
	if err != nil || first == nil {
		return n, time.Time{}, err
	}
	return n, time.Unix(*first, 0), nil
}

// metricsHandler serves the process's metrics (every counter registered
// with the default registry, Go runtime and process figures) and the
// store's, for /metrics.
func metricsHandler(store *Store, now func() time.Time) http.Handler {
	reg := prometheus.NewRegistry()
	reg.MustRegister(storeCollector{store: store, now: now})
	return promhttp.HandlerFor(prometheus.Gatherers{prometheus.DefaultGatherer, reg}, promhttp.HandlerOpts{})
}
