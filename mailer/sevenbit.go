package mailer

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/textproto"
	"strings"
)

// SevenBit rewrites a mail that Compose wrote so that it travels to a
// server without 8BITMIME: every part of the top-level multipart whose body
// has 8-bit bytes is re-encoded, a message/rfc822 part (which RFC 2046 lets
// travel only 7bit, 8bit or binary) as an application/octet-stream .eml
// file in base64, which mail clients open as a mail, any other part in
// quoted-printable. The top-level header, with its Message-ID, is kept byte
// for byte; a mail without 8-bit bytes is returned as it is.
func SevenBit(raw []byte) ([]byte, error) {
	if !has8bit(raw) {
		return raw, nil
	}
	var out bytes.Buffer
	if err := SevenBitTo(&out, bytes.NewReader(raw)); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// SevenBitTo writes the mail read from r to w re-encoded as SevenBit does,
// for a mail that has 8-bit bytes. A part in base64 (a file) streams
// through; the others (the text and the customer's original mails, which
// Compose keeps short) are read whole to be re-encoded.
func SevenBitTo(w io.Writer, r io.Reader) error {
	br := bufio.NewReader(r)
	var head []byte
	for {
		line, err := br.ReadSlice('\n')
		if err != nil {
			return fmt.Errorf("re-encoding for 7bit: reading header: %w", err)
		}
		if string(line) == "\r\n" {
			break
		}
		if head = append(head, line...); len(head) > 1<<20 {
			return errors.New("re-encoding for 7bit: header over 1 MiB")
		}
	}
	head = bytes.TrimSuffix(head, []byte("\r\n"))
	if has8bit(head) {
		return errors.New("re-encoding for 7bit: the header itself is 8bit")
	}
	hdr, err := textproto.NewReader(bufio.NewReader(bytes.NewReader(append(head, "\r\n\r\n"...)))).ReadMIMEHeader()
	if err != nil {
		return fmt.Errorf("re-encoding for 7bit: reading header: %w", err)
	}
	mt, params, err := mime.ParseMediaType(hdr.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(mt, "multipart/") || params["boundary"] == "" {
		return fmt.Errorf("re-encoding for 7bit: a %s body is not one Compose writes 8bit", mt)
	}

	bw := bufio.NewWriter(w)
	bw.Write(head)
	bw.WriteString("\r\n\r\n")
	mw := multipart.NewWriter(bw)
	if err := mw.SetBoundary(params["boundary"]); err != nil {
		return fmt.Errorf("re-encoding for 7bit: %w", err)
	}
	mr := multipart.NewReader(br, params["boundary"])
	for {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("re-encoding for 7bit: reading part: %w", err)
		}
		if strings.EqualFold(strings.TrimSpace(p.Header.Get("Content-Transfer-Encoding")), "base64") {
			pw, err := mw.CreatePart(p.Header)
			if err != nil {
				return fmt.Errorf("re-encoding for 7bit: %w", err)
			}
			if _, err := io.Copy(sevenBitOnly{pw}, p); err != nil {
				return fmt.Errorf("re-encoding for 7bit: %w", err)
			}
			continue
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return fmt.Errorf("re-encoding for 7bit: reading part: %w", err)
		}
		h := p.Header
		if has8bit(data) {
			h = textproto.MIMEHeader{}
			for k, v := range p.Header {
				h[k] = v
			}
			data, err = encodePart(h, data)
			if err != nil {
				return err
			}
		}
		pw, err := mw.CreatePart(h)
		if err != nil {
			return fmt.Errorf("re-encoding for 7bit: %w", err)
		}
		pw.Write(data)
	}
	if err := mw.Close(); err != nil {
		return fmt.Errorf("re-encoding for 7bit: %w", err)
	}
	bw.WriteString("\r\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("re-encoding for 7bit: %w", err)
	}
	return nil
}

// sevenBitOnly passes on what is written to it while it is 7-bit.
type sevenBitOnly struct{ w io.Writer }

func (s sevenBitOnly) Write(b []byte) (int, error) {
	if has8bit(b) {
		return 0, errors.New("an 8-bit byte in a base64 part")
	}
	return s.w.Write(b)
}

// encodePart re-encodes one 8bit part body in h's place and returns it.
func encodePart(h textproto.MIMEHeader, data []byte) ([]byte, error) {
	var b bytes.Buffer
	mt, _, _ := mime.ParseMediaType(h.Get("Content-Type"))
	if strings.HasPrefix(mt, "message/") || strings.HasPrefix(mt, "multipart/") {
		name := "original.eml"
		if _, dp, err := mime.ParseMediaType(h.Get("Content-Disposition")); err == nil && dp["filename"] != "" {
			name = dp["filename"]
		}
		h.Set("Content-Type", mime.FormatMediaType("application/octet-stream", map[string]string{"name": name}))
		h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
		h.Set("Content-Transfer-Encoding", "base64")
		enc := base64.StdEncoding.EncodeToString(data)
		for len(enc) > 76 {
			b.WriteString(enc[:76] + "\r\n")
			enc = enc[76:]
		}
		b.WriteString(enc)
		return b.Bytes(), nil
	}
	h.Set("Content-Transfer-Encoding", "quoted-printable")
	qw := quotedprintable.NewWriter(&b)
	if _, err := qw.Write(data); err != nil {
		return nil, fmt.Errorf("re-encoding for 7bit: %w", err)
	}
	if err := qw.Close(); err != nil {
		return nil, fmt.Errorf("re-encoding for 7bit: %w", err)
	}
	return b.Bytes(), nil
}

func has8bit(b []byte) bool {
	return bytes.ContainsFunc(b, func(r rune) bool { return r >= 0x80 })
}

// has8bitIn reports whether what r reads has 8-bit bytes.
func has8bitIn(r io.Reader) (bool, error) {
	buf := make([]byte, 64<<10)
	for {
		n, err := r.Read(buf)
		if has8bit(buf[:n]) {
			return true, nil
		}
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, err
		}
	}
}
