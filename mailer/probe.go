package mailer

import (
	"context"
	"fmt"
	"net"
	"slices"

	gomail "github.com/wneessen/go-mail"
)

// Probe connects and logs in as Send does, then says QUIT: it sends no
// mail. It returns the EHLO extensions intake cares about (name →
// parameters), and the login's failure apart from the connection's.
func (s *Sender) Probe(ctx context.Context) (ext map[string]string, loginErr, err error) {
	var conn net.Conn
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		var err error
		conn, err = s.dialer.DialContext(ctx, network, addr)
		return conn, err
	}
	client, err := gomail.NewClient(s.host, append(slices.Clip(s.opts), gomail.WithDialContextFunc(dial))...)
	if err != nil {
		return nil, nil, fmt.Errorf("setting up smtp client: %w", err)
	}
	c, err := client.DialToSMTPClientWithContext(ctx)
	if conn != nil {
		defer conn.Close()
		stop := context.AfterFunc(ctx, func() { _ = conn.Close() })
		defer stop()
	}
	if err != nil {
		return nil, nil, fmt.Errorf("connecting to %s: %w", s.addr, err)
	}
	s.noteSize(c.Extension("SIZE"))
	ext = map[string]string{}
	for _, name := range []string{"AUTH", "SIZE", "8BITMIME", "SMTPUTF8", "PIPELINING"} {
		if ok, param := c.Extension(name); ok {
			ext[name] = param
		}
	}
	if s.login != nil {
		auth, err := s.login(ctx)
		if err == nil {
			err = s.logIn(c, auth)
		}
		loginErr = err
	}
	_ = c.Quit()
	return ext, loginErr, nil
}
