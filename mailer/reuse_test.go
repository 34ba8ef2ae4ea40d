package mailer

import (
	"context"
	"fmt"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"intake/mailer/mailertest"
)

// connCounter is a TCP proxy in front of a server that counts the
// connections made through it and can cut them all, as a server dropping
// idle clients does.
type connCounter struct {
	ln    net.Listener
	n     atomic.Int32
	mu    sync.Mutex
	conns []net.Conn
}

func newConnCounter(t *testing.T, target string) *connCounter {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &connCounter{ln: ln}
	t.Cleanup(func() { ln.Close(); p.cut() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			p.n.Add(1)
			p.mu.Lock()
			p.conns = append(p.conns, c, s)
			p.mu.Unlock()
			go func() { _, _ = io.Copy(s, c); s.Close() }()
			go func() { _, _ = io.Copy(c, s); c.Close() }()
		}
	}()
	return p
}

// cut closes every connection made so far.
func (p *connCounter) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// TestSendReusesConnection: mail sent one after the other goes over one
// connection (RSET between); when the server has dropped it, the next Send
// connects again and the mail still goes; after Hangup the next connects anew.
func TestSendReusesConnection(t *testing.T) {
	rec, err := mailertest.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer rec.Close()
	proxy := newConnCounter(t, rec.Addr())
	host, port, _ := net.SplitHostPort(proxy.ln.Addr().String())
	var p int
	fmt.Sscanf(port, "%d", &p)
	s, err := NewSender(SMTPOptions{Host: host, Port: p, Security: "plain", Auth: "none", Timeout: 5 * time.Second}, nil)
	if err != nil {
		t.Fatal(err)
	}
	send := func(i int) {
		t.Helper()
		raw := fmt.Sprintf("From: a@example.test\r\nTo: b@example.test\r\nSubject: %d\r\nMessage-ID: <m%d@example.test>\r\n\r\nhello\r\n", i, i)
		if err := s.Send(context.Background(), &Outgoing{MessageID: fmt.Sprintf("m%d@example.test", i), From: "a@example.test", To: []string{"b@example.test"}, Raw: []byte(raw)}); err != nil {
			t.Fatalf("mail %d: %v", i, err)
		}
	}
	for i := range 5 {
		send(i)
	}
	if n := proxy.n.Load(); n != 1 {
		t.Errorf("5 mails took %d connections, want 1", n)
	}
	proxy.cut()
	send(5)
	if n := proxy.n.Load(); n != 2 {
		t.Errorf("after the server dropped the connection: %d connections, want 2", n)
	}
	s.Hangup()
	send(6)
	if n := proxy.n.Load(); n != 3 {
		t.Errorf("after Hangup: %d connections, want 3", n)
	}
	if err := rec.Wait(7, 5*time.Second); err != nil {
		t.Fatalf("the server got %d of 7 mails: %v", len(rec.Messages()), err)
	}
}
