package message

import (
	"intake/rules"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxTableNesting bounds the tables laid out as tables; deeper tables are
// read as plain blocks so that hostile nesting stays linear.
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
// <script> are dropped, block elements become line breaks and &nbsp; a
// space. Tables become "label: value" lines, see htmlTable.render.
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
	tables []*htmlTable // open tables, innermost last
	flat   int          // open tables beyond maxTableNesting, read as blocks
	hidden int
	bold   int
	inHead bool
}

// htmlTable is an open table.
type htmlTable struct {
	rows   [][]htmlCell
	cell   *openCell // nil between cells
	layout bool      // a cell holds a table: the table lays out the page
}

// openCell is a table cell being read.
type openCell struct {
	text  strings.Builder
	plain int // bytes of text outside <b> and <strong>
	th    bool
}

// htmlCell is a table cell read.
type htmlCell struct {
	text   string
	header bool // a <th>, or bold throughout: a column heading
}

// openCell returns the innermost open cell, nil outside tables.
func (c *htmlConverter) openCell() *openCell {
	for i := len(c.tables) - 1; i >= 0; i-- {
		if c.tables[i].cell != nil {
			return c.tables[i].cell
		}
	}
	return nil
}

// target is where text goes: the innermost open cell, else the document.
func (c *htmlConverter) target() *strings.Builder {
	if cell := c.openCell(); cell != nil {
		return &cell.text
	}
	return &c.out
}

// text adds the text of the document, its white space collapsed.
func (c *htmlConverter) text(s string) {
	w := c.target()
	s = collapseSpace(s)
	if w.Len() == 0 || strings.HasSuffix(w.String(), "\n") {
		s = strings.TrimLeft(s, " ") // white space does not open a line
	}
	if cell := c.openCell(); cell != nil && c.bold == 0 {
		cell.plain += len(strings.TrimSpace(s))
	}
	w.WriteString(s)
}

// collapseSpace replaces every run of white space, &nbsp; included, by one space.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) { // U+00A0 too
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// lineBreak ends the current line of text, if one is open.
func (c *htmlConverter) lineBreak() {
	w := c.target()
	if w.Len() > 0 && !strings.HasSuffix(w.String(), "\n") {
		w.WriteString("\n")
	}
}

// start handles a start tag.
func (c *htmlConverter) start(a atom.Atom, selfClosing bool) {
	inTable := c.flat == 0 && len(c.tables) > 0
	switch {
	case a == atom.Head:
		c.inHead = true
	case a == atom.Body:
		c.inHead = false
	case hiddenTags[a]:
		if !selfClosing {
			c.hidden++
		}
	case a == atom.B || a == atom.Strong:
		c.bold++
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
	case a == atom.Tr && inTable:
		t := c.tables[len(c.tables)-1]
		t.endCell()
		t.rows = append(t.rows, nil)
	case (a == atom.Td || a == atom.Th) && inTable:
		t := c.tables[len(c.tables)-1]
		t.endCell()
		t.cell = &openCell{th: a == atom.Th}
	case a == atom.Br:
		c.target().WriteString("\n")
	case blockTags[a]:
		c.lineBreak()
	}
}

// end handles an end tag.
func (c *htmlConverter) end(a atom.Atom) {
	inTable := c.flat == 0 && len(c.tables) > 0
	switch {
	case a == atom.Head:
		c.inHead = false
	case hiddenTags[a]:
		c.hidden = max(0, c.hidden-1)
	case a == atom.B || a == atom.Strong:
		c.bold = max(0, c.bold-1)
	case a == atom.Table && c.flat > 0:
		c.flat--
		c.lineBreak()
	case a == atom.Table && len(c.tables) > 0:
		t := c.tables[len(c.tables)-1]
		t.endCell()
		c.tables = c.tables[:len(c.tables)-1]
		c.lineBreak()
		c.target().WriteString(t.render())
		c.lineBreak()
	case (a == atom.Td || a == atom.Th || a == atom.Tr) && inTable:
		c.tables[len(c.tables)-1].endCell()
	case blockTags[a]:
		c.lineBreak()
	}
}

// endCell closes the open cell of t, if any.
func (t *htmlTable) endCell() {
	if t.cell == nil {
		return
	}
	if len(t.rows) == 0 {
		t.rows = append(t.rows, nil)
	}
	text := t.cell.text.String()
	cell := htmlCell{text: text, header: t.cell.th || t.cell.plain == 0 && strings.TrimSpace(text) != ""}
	t.rows[len(t.rows)-1] = append(t.rows[len(t.rows)-1], cell)
	t.cell = nil
}

// rowNumber is the text of a numbering cell ("1", "2.", "3、").
var rowNumber = regexp.MustCompile(`^\d{1,3}[.、)）]?$`)

// render lays out a table as text:
//   - a layout table (cells holding tables) as the blocks of its cells;
//   - a table whose first row holds column headings (bold or <th>) over
//     three or more columns, as a spreadsheet pasted into Outlook is, as
//     "heading: value" lines for every data row;
//   - otherwise row by row (see formatRow), as Outlook writes a form with a
//     label cell and a value cell.
//
// A first column that only numbers the rows ("序号": 1, 2, 3) is dropped.
func (t *htmlTable) render() string {
	if t.layout {
		var b strings.Builder
		for _, row := range t.rows {
			for _, cell := range row {
				b.WriteString(cell.text + "\n")
			}
		}
		return b.String()
	}
	var rows [][]string
	heading := true
	for _, row := range t.rows {
		var cells []string
		filled := false
		for _, cell := range row {
			text := strings.Join(strings.Fields(cell.text), " ")
			cells = append(cells, text)
			filled = filled || text != ""
			if len(rows) == 0 && text != "" && !cell.header {
				heading = false
			}
		}
		if filled {
			rows = append(rows, cells)
		}
	}
	if len(rows) == 0 {
		return ""
	}
	heading = heading && len(rows) > 1
	data := rows
	if heading {
		data = rows[1:]
	}
	numbered := true
	for _, row := range data {
		numbered = numbered && len(row) >= 3 && rowNumber.MatchString(row[0])
	}
	if numbered {
		for i := range rows {
			rows[i] = rows[i][1:]
		}
	}
	if heading && len(rows[0]) >= 3 {
		return strings.Join(rules.ColumnLines(rows[0], rows[1:]), "\n")
	}
	var lines []string
	for _, row := range rows {
		lines = append(lines, formatRow(row))
	}
	return strings.Join(lines, "\n")
}

// formatRow lays out the cells of a row: "label: value" for two cells,
// "l1: v1" lines for an even number, cells joined by " | " otherwise.
// Empty cells are left out.
func formatRow(cells []string) string {
	var kept []string
	for _, cell := range cells {
		if cell != "" {
			kept = append(kept, cell)
		}
	}
	if len(kept) < 2 || len(kept)%2 == 1 {
		return strings.Join(kept, " | ")
	}
	var lines []string
	for i := 0; i < len(kept); i += 2 {
		lines = append(lines, rules.Labelled(kept[i], kept[i+1]))
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
