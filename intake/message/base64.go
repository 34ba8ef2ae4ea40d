package message

import (
	"encoding/base64"
	"io"
)

// base64Reader decodes a base64 body in blocks. It reads as go-message does
// (spaces, tabs and line breaks anywhere are skipped; anything else outside
// the alphabet, or after padding, is an error, returned after the bytes decoded before it; a
// body ending inside a group of four characters ends with
// io.ErrUnexpectedEOF), but decodes 32 KiB at a time where the standard
// library's streaming decoder works through 1 KiB.
type base64Reader struct {
	r    io.Reader
	in   []byte // raw block; in[:keep] are cleaned characters left from the last
	keep int
	done bool   // a group ended with padding: nothing may follow
	dec  []byte // decoded block
	out  []byte // decoded, not yet returned
	err  error
}

func newBase64Reader(r io.Reader) *base64Reader {
	return &base64Reader{r: r, in: make([]byte, 32<<10), dec: make([]byte, 24<<10)}
}

func (d *base64Reader) Read(p []byte) (int, error) {
	for len(d.out) == 0 {
		if d.err != nil {
			return 0, d.err
		}
		n, rerr := d.r.Read(d.in[d.keep:])
		j := d.keep
		for _, c := range d.in[d.keep : d.keep+n] {
			switch c {
			case ' ', '\t', '\r', '\n':
			default:
				d.in[j] = c
				j++
			}
		}
		if d.done && j > 0 {
			d.err = base64.CorruptInputError(0)
			continue
		}
		whole := j / 4 * 4
		d.done = whole > 0 && d.in[whole-1] == '='
		nw, err := base64.StdEncoding.Decode(d.dec, d.in[:whole])
		d.out = d.dec[:nw]
		if err != nil {
			d.err = err
			continue
		}
		d.keep = copy(d.in, d.in[whole:j])
		switch {
		case rerr == io.EOF && d.keep > 0:
			d.err = io.ErrUnexpectedEOF
		case rerr != nil:
			d.err = rerr
		}
	}
	n := copy(p, d.out)
	d.out = d.out[n:]
	return n, nil
}
