package mailer

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"
)

// pipelineServer is an SMTP server offering PIPELINING that reads a
// client's whole group (MAIL FROM, the RCPT TOs, DATA) before it answers
// any of it, refusing the recipients in refuse. It sends on got each
// transaction's commands and whether the message's final "." came.
func pipelineServer(t *testing.T, refuse string) (addr string, got <-chan string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	out := make(chan string, 4)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		defer close(out)
		fmt.Fprintf(c, "220 pipe.test ESMTP\r\n")
		r := bufio.NewReader(c)
		var group []string
		var replies []string
		for {
			c.SetReadDeadline(time.Now().Add(5 * time.Second))
			line, err := r.ReadString('\n')
			if err != nil {
				out <- strings.Join(group, "|") + "|no final dot"
				return
			}
			cmd := strings.TrimSpace(line)
			verb, _, _ := strings.Cut(strings.ToUpper(cmd), " ")
			switch verb {
			case "EHLO":
				fmt.Fprintf(c, "250-pipe.test\r\n250-PIPELINING\r\n250 8BITMIME\r\n")
			case "MAIL":
				group, replies = []string{cmd}, []string{"250 ok"}
			case "RCPT":
				group = append(group, cmd)
				if refuse != "" && strings.Contains(cmd, refuse) {
					replies = append(replies, "550 5.1.1 no such user")
				} else {
					replies = append(replies, "250 ok")
				}
			case "DATA":
				// Only now, with the whole group read, come the replies.
				group = append(group, cmd)
				fmt.Fprintf(c, "%s\r\n354 go on\r\n", strings.Join(replies, "\r\n"))
				for {
					l, err := r.ReadString('\n')
					if err != nil {
						out <- strings.Join(group, "|") + "|no final dot"
						return
					}
					if strings.TrimRight(l, "\r\n") == "." {
						break
					}
				}
				fmt.Fprintf(c, "250 queued\r\n")
				out <- strings.Join(group, "|") + "|final dot"
			case "QUIT":
				fmt.Fprintf(c, "221 bye\r\n")
				return
			default:
				fmt.Fprintf(c, "250 ok\r\n")
			}
		}
	}()
	return ln.Addr().String(), out
}

// TestSendPipelines: to a server offering PIPELINING, the envelope and DATA
// go in one write, answered together (a client waiting for each reply
// would wait here for its timeout). When the server refuses one of two
// recipients but accepts DATA, the connection is dropped before the final
// ".", so the mail reaches neither, and the refusal is the send's error.
func TestSendPipelines(t *testing.T) {
	t.Run("delivered", func(t *testing.T) {
		addr, got := pipelineServer(t, "")
		o := options(t, addr)
		o.Timeout = 2 * time.Second
		if err := newSender(t, o).Send(context.Background(), mustCompose(t, askSpec(t), false)); err != nil {
			t.Fatalf("Send() = %v", err)
		}
		if g := <-got; !strings.HasPrefix(g, "MAIL FROM:") || !strings.HasSuffix(g, "DATA|final dot") {
			t.Errorf("server saw %q, want MAIL, RCPT, DATA and the message", g)
		}
	})
	t.Run("one recipient refused", func(t *testing.T) {
		addr, got := pipelineServer(t, "second@")
		o := options(t, addr)
		o.Timeout = 2 * time.Second
		spec := askSpec(t)
		spec.To = append(spec.To, "second@hospital.example")
		err := newSender(t, o).Send(context.Background(), mustCompose(t, spec, false))
		wantClass(t, err, Permanent, 550)
		if err == nil || !strings.Contains(err.Error(), "RCPT TO:<second@hospital.example>") {
			t.Errorf("Send() = %v, want the refused RCPT named", err)
		}
		if g := <-got; !strings.HasSuffix(g, "no final dot") {
			t.Errorf("server saw %q, want the connection dropped before the final dot", g)
		}
	})
}
