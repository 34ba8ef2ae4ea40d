package message

import (
	"bufio"
	"bytes"
	"errors"
	"io"

	mtextproto "github.com/emersion/go-message/textproto"
)

// The walker splits multipart bodies itself rather than with go-message's
// MultipartReader, which reads part headers without any bound (20 MiB of
// small header fields in one part cost it 2 GiB and 5 s, TestHostile
// "20 MiB of header fields in a part") and gives up on the first malformed
// part header (TestRealworldQuirks low-quality__bad-header-wrap.eml).

// Errors of malformed multipart bodies.
var (
	errHeaderTooLarge  = errors.New("header block too large")
	errMissingBoundary = errors.New("multipart body ended without its final boundary")
)

// maxFieldName bounds the look-ahead that tells a header field from text.
const maxFieldName = 998

// readHeader reads a header block of at most max bytes from br and leaves
// br at the start of the body. Over max it returns the fields read so far
// and errHeaderTooLarge. top is true for the header of a whole message.
//
// QUIRK: a header that breaks the syntax is read as far as it makes sense:
// an indented first line is unindented (TestRealworldQuirks
// low-quality__bad-header-start.eml); fields with a damaged name are
// dropped, and so is text before the first field of a message, such as an
// mbox "From " line (TestRealworldQuirks plain_emails__raw_email_incorrect_header.eml);
// a line that is neither a field nor a continuation starts the body, as when
// the empty line is missing (TestRealworldQuirks mail__qp-utf8-header-no-break.eml)
// or a part has no header (TestRealworldQuirks parts__multi-malformed.eml); an
// unindented line that continues a parameter list is joined to its field
// (TestRealworldQuirks low-quality__bad-header-wrap.eml).
func readHeader(br *bufio.Reader, max int64, top bool) (mtextproto.Header, error) {
	var block bytes.Buffer
	left := max
	for left > 0 {
		line, _ := br.Peek(maxFieldName)
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line = line[:i+1]
		}
		var dst io.Writer = &block
		switch {
		case len(line) == 0: // end of input
			return parseHeaderBlock(&block), nil
		case len(bytes.TrimRight(line, "\r\n")) == 0: // the empty line ending the header
			br.Discard(len(line))
			return parseHeaderBlock(&block), nil
		case block.Len() == 0 && (line[0] == ' ' || line[0] == '\t'):
			br.Discard(1)
			left--
			continue
		case line[0] == ' ' || line[0] == '\t' || isFieldLine(line):
		case block.Len() > 0 && isParamLine(line) && bytes.HasSuffix(bytes.TrimRight(block.Bytes(), "\r\n"), []byte(";")):
			block.WriteByte(' ')
		case bytes.IndexByte(line, ':') > 0 || top && block.Len() == 0:
			dst = io.Discard // a damaged field, or text before the header
		default:
			return parseHeaderBlock(&block), nil // the body starts here
		}
		if err := takeLine(br, dst, &left); err != nil {
			return parseHeaderBlock(&block), err
		}
	}
	return parseHeaderBlock(&block), errHeaderTooLarge
}

// takeLine moves the next line of br to w and counts it against left.
func takeLine(br *bufio.Reader, w io.Writer, left *int64) error {
	for {
		frag, err := br.ReadSlice('\n')
		*left -= int64(len(frag))
		if *left < 0 {
			return errHeaderTooLarge
		}
		w.Write(frag)
		switch err {
		case bufio.ErrBufferFull:
		case io.EOF:
			return nil // the next look-ahead ends the header
		default:
			return err
		}
	}
}

// parseHeaderBlock parses the lines readHeader kept.
func parseHeaderBlock(block *bytes.Buffer) mtextproto.Header {
	if block.Len() > 0 && !bytes.HasSuffix(block.Bytes(), []byte("\n")) {
		block.WriteString("\r\n")
	}
	block.WriteString("\r\n")
	h, _ := mtextproto.ReadHeader(bufio.NewReader(block))
	return h
}

// isFieldLine reports whether a header line starts with a field name and a colon.
func isFieldLine(line []byte) bool {
	i := bytes.IndexByte(line, ':')
	if i <= 0 {
		return false
	}
	for _, c := range bytes.TrimRight(line[:i], " \t") {
		if c <= ' ' || c > '~' {
			return false
		}
	}
	return true
}

// isParamLine reports whether a line looks like a MIME parameter (name=value).
func isParamLine(line []byte) bool {
	i := bytes.IndexByte(line, '=')
	return i > 0 && !bytes.ContainsAny(line[:i], " \t:;\"")
}

// multipartReader splits a multipart body into its parts.
type multipartReader struct {
	br       *bufio.Reader
	dash     []byte // "--" and the boundary
	part     *partReader
	closed   bool // the closing boundary was read
	cutShort bool // the input ended before it
}

// newMultipartReader reads the parts of r, a multipart body with the given boundary.
func newMultipartReader(r io.Reader, boundary string) *multipartReader {
	mr := &multipartReader{
		br:   bufio.NewReaderSize(r, max(4096, 2*len(boundary))),
		dash: []byte("--" + boundary),
	}
	mr.part = &partReader{mr: mr, lineStart: true} // the preamble
	return mr
}

// nextPart skips the rest of the current part and reads the header of the
// next one. It returns io.EOF after the closing boundary and
// errMissingBoundary when the input ends before it. With errHeaderTooLarge
// it still returns the body, which the caller skips.
func (mr *multipartReader) nextPart(maxHeader int64) (mtextproto.Header, io.Reader, error) {
	if _, err := io.Copy(io.Discard, mr.part); err != nil {
		return mtextproto.Header{}, nil, err
	}
	switch {
	case mr.closed:
		return mtextproto.Header{}, nil, io.EOF
	case mr.cutShort:
		return mtextproto.Header{}, nil, errMissingBoundary
	}
	h, err := readHeader(mr.br, maxHeader, false)
	mr.part = &partReader{mr: mr, lineStart: true}
	return h, mr.part, err
}

// atBoundary reports whether a boundary line comes next, and if so reads it.
func (mr *multipartReader) atBoundary() bool {
	next, _ := mr.br.Peek(len(mr.dash) + 2)
	if !bytes.HasPrefix(next, mr.dash) {
		return false
	}
	if rest := next[len(mr.dash):]; len(rest) > 0 && bytes.IndexByte([]byte(" \t\r\n-"), rest[0]) < 0 {
		return false // "--boundaryX" is text
	}
	mr.closed = bytes.HasPrefix(next[len(mr.dash):], []byte("--"))
	for {
		if _, err := mr.br.ReadSlice('\n'); err != bufio.ErrBufferFull {
			return true
		}
	}
}

// partReader reads the body of one part: the bytes before the line break
// that precedes the next boundary line.
type partReader struct {
	mr        *multipartReader
	buf       []byte // read, not yet returned
	store     []byte // buf's backing array
	nl        []byte // the last line break, held back: it belongs to a boundary that may follow
	lineStart bool
	err       error // returned once buf is empty: io.EOF at the end of the part
}

// Read returns as many lines as fit in b (a decoder downstream works on
// large blocks far faster than line by line).
func (p *partReader) Read(b []byte) (int, error) {
	n := 0
	for n < len(b) {
		if len(p.buf) == 0 {
			if p.err != nil {
				break
			}
			p.fill()
			continue
		}
		c := copy(b[n:], p.buf)
		p.buf = p.buf[c:]
		n += c
	}
	if n == 0 && len(b) > 0 {
		return 0, p.err
	}
	return n, nil
}

// fill reads the next line, or as much of it as the buffer holds.
func (p *partReader) fill() {
	if p.lineStart && p.mr.atBoundary() {
		p.err = io.EOF
		return
	}
	frag, err := p.mr.br.ReadSlice('\n')
	p.buf = append(append(p.store[:0], p.nl...), frag...)
	p.store, p.nl = p.buf, p.nl[:0]
	p.lineStart = err == nil
	if p.lineStart {
		k := 1
		if len(frag) > 1 && frag[len(frag)-2] == '\r' {
			k = 2
		}
		p.nl = append(p.nl, p.buf[len(p.buf)-k:]...)
		p.buf = p.buf[:len(p.buf)-k]
	}
	switch err {
	case nil, bufio.ErrBufferFull:
	case io.EOF:
		p.err, p.mr.cutShort = io.EOF, true
	default:
		p.err = err
	}
}
