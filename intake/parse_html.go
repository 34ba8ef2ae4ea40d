package intake

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxTableNesting bounds the tables laid out as rows; deeper tables are read
// as plain blocks so that hostile nesting stays linear.
const maxTableNesting = 32

// blockTags end a line of text before and after them.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Br: true, atom.Caption: true, atom.Dd: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true,
	atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true, atom.Hr: true,
	atom.Li: true, atom.Main: true, atom.Nav: true, atom.Ol: true, atom.P: true,
	atom.Pre: true, atom.Section: true, atom.Table: true, atom.Tr: true, atom.Ul: true,
}

// hiddenTags hold no readable text.
var hiddenTags = map[atom.Atom]bool{
	atom.Style: true, atom.Script: true, atom.Title: true, atom.Template: true,
	atom.Object: true, atom.Iframe: true,
}

// htmlToText turns an HTML body into plain text: <head>, <style> and
// <script> are dropped, block elements become line breaks, &nbsp; a space,
// and a table row becomes one line: "label: value" for two cells (as
// Outlook lays out forms), "l1: v1" lines for an even number of cells, cells
// joined by " | " otherwise. Rows whose cells hold tables (layout tables)
// are read as blocks.
func htmlToText(src string) string {
	c := &htmlConverter{}
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		switch tt {
		case html.TextToken:
			if c.hidden == 0 && !c.inHead {
				c.text(tok.Data)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			c.start(tok.DataAtom, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			c.end(tok.DataAtom)
		}
	}
	for len(c.tables) > 0 {
		c.end(atom.Table)
	}
	return cleanLines(c.out.String())
}

// htmlConverter is the state of htmlToText.
type htmlConverter struct {
	out    strings.Builder
	tables []*htmlTable
	flat   int // tables beyond maxTableNesting, read as blocks
	hidden int
	inHead bool
}

// htmlTable is an open table: the cells of its current row.
type htmlTable struct {
	cells  []string
	cell   *strings.Builder // the open cell, nil between cells
	layout bool             // a cell of the row holds a table
}

// target is where text goes: the innermost open cell, else the document.
func (c *htmlConverter) target() *strings.Builder {
	for i := len(c.tables) - 1; i >= 0; i-- {
		if c.tables[i].cell != nil {
			return c.tables[i].cell
		}
	}
	return &c.out
}

// htmlSpace is a run of white space, &nbsp; included.
var htmlSpace = regexp.MustCompile(`[\s\x{00a0}]+`)

func (c *htmlConverter) text(s string) {
	w := c.target()
	s = htmlSpace.ReplaceAllString(s, " ")
	if w.Len() == 0 || strings.HasSuffix(w.String(), "\n") {
		s = strings.TrimLeft(s, " ") // white space does not open a line
	}
	w.WriteString(s)
}

func (c *htmlConverter) start(a atom.Atom, selfClosing bool) {
	switch {
	case a == atom.Head:
		c.inHead = true
	case a == atom.Body:
		c.inHead = false
	case hiddenTags[a]:
		if !selfClosing {
			c.hidden++
		}
	case a == atom.Table && len(c.tables) < maxTableNesting:
		for i := len(c.tables) - 1; i >= 0; i-- {
			if c.tables[i].cell != nil {
				c.tables[i].layout = true
				break
			}
		}
		c.lineBreak()
		c.tables = append(c.tables, &htmlTable{})
	case a == atom.Table:
		c.flat++
		c.lineBreak()
	case a == atom.Tr && c.flat == 0 && len(c.tables) > 0:
		c.endRow()
	case (a == atom.Td || a == atom.Th) && c.flat == 0 && len(c.tables) > 0:
		t := c.tables[len(c.tables)-1]
		t.endCell()
		t.cell = &strings.Builder{}
	case a == atom.Br:
		c.target().WriteString("\n")
	case blockTags[a]:
		c.lineBreak()
	}
}

func (c *htmlConverter) end(a atom.Atom) {
	switch {
	case a == atom.Head:
		c.inHead = false
	case hiddenTags[a]:
		if c.hidden > 0 {
			c.hidden--
		}
	case a == atom.Table && c.flat > 0:
		c.flat--
		c.lineBreak()
	case a == atom.Table && len(c.tables) > 0:
		c.endRow()
		c.tables = c.tables[:len(c.tables)-1]
		c.lineBreak()
	case a == atom.Tr && c.flat == 0 && len(c.tables) > 0:
		c.endRow()
	case (a == atom.Td || a == atom.Th) && c.flat == 0 && len(c.tables) > 0:
		c.tables[len(c.tables)-1].endCell()
	case blockTags[a]:
		c.lineBreak()
	}
}

// lineBreak ends the current line of text, if one is open.
func (c *htmlConverter) lineBreak() {
	w := c.target()
	if w.Len() > 0 && !strings.HasSuffix(w.String(), "\n") {
		w.WriteString("\n")
	}
}

// endCell closes the open cell of t, if any.
func (t *htmlTable) endCell() {
	if t.cell != nil {
		t.cells = append(t.cells, t.cell.String())
		t.cell = nil
	}
}

// endRow writes the current row of the innermost table as text.
func (c *htmlConverter) endRow() {
	t := c.tables[len(c.tables)-1]
	t.endCell()
	cells, layout := t.cells, t.layout
	t.cells, t.layout = nil, false
	if len(cells) == 0 {
		return
	}
	c.lineBreak()
	w := c.target()
	if layout {
		for _, cell := range cells {
			w.WriteString(cell)
			w.WriteString("\n")
		}
		return
	}
	w.WriteString(formatRow(cells))
	w.WriteString("\n")
}

// formatRow lays out the cells of a row as one or more lines.
func formatRow(cells []string) string {
	var kept []string
	for _, cell := range cells {
		if s := strings.Join(strings.Fields(cell), " "); s != "" {
			kept = append(kept, s)
		}
	}
	if len(kept) < 2 || len(kept)%2 == 1 {
		return strings.Join(kept, " | ")
	}
	var lines []string
	for i := 0; i < len(kept); i += 2 {
		label := kept[i]
		sep := ": "
		if strings.HasSuffix(label, ":") || strings.HasSuffix(label, "：") {
			sep = " "
		}
		lines = append(lines, label+sep+kept[i+1])
	}
	return strings.Join(lines, "\n")
}

// cleanLines collapses the spaces of every line and keeps at most one blank
// line in a row.
func cleanLines(s string) string {
	var b strings.Builder
	blank := true // no blank lines at the start
	for _, line := range strings.Split(s, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			if !blank {
				b.WriteString("\n")
			}
			blank = true
			continue
		}
		b.WriteString(line)
		b.WriteString("\n")
		blank = false
	}
	return strings.TrimSpace(b.String())
}
