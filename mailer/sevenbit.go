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
	head, body, ok := bytes.Cut(raw, []byte("\r\n\r\n"))
	if !ok || has8bit(head) {
		return nil, errors.New("re-encoding for 7bit: the header itself is 8bit")
	}
	hdr, err := textproto.NewReader(bufio.NewReader(bytes.NewReader(append(head, "\r\n\r\n"...)))).ReadMIMEHeader()
	if err != nil {
		return nil, fmt.Errorf("re-encoding for 7bit: reading header: %w", err)
	}
	mt, params, err := mime.ParseMediaType(hdr.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(mt, "multipart/") || params["boundary"] == "" {
		return nil, fmt.Errorf("re-encoding for 7bit: a %s body is not one Compose writes 8bit", mt)
	}

	var out bytes.Buffer
	out.Write(head)
	out.WriteString("\r\n\r\n")
	mw := multipart.NewWriter(&out)
	if err := mw.SetBoundary(params["boundary"]); err != nil {
		return nil, fmt.Errorf("re-encoding for 7bit: %w", err)
	}
	mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	for {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("re-encoding for 7bit: reading part: %w", err)
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return nil, fmt.Errorf("re-encoding for 7bit: reading part: %w", err)
		}
		h := p.Header
		if has8bit(data) {
			h = textproto.MIMEHeader{}
			for k, v := range p.Header {
				h[k] = v
			}
			data, err = encodePart(h, data)
			if err != nil {
				return nil, err
			}
		}
		w, err := mw.CreatePart(h)
		if err != nil {
			return nil, fmt.Errorf("re-encoding for 7bit: %w", err)
		}
		w.Write(data)
	}
	if err := mw.Close(); err != nil {
		return nil, fmt.Errorf("re-encoding for 7bit: %w", err)
	}
	out.WriteString("\r\n")
	return out.Bytes(), nil
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
