package rules

import (
	"strings"
	"unicode/utf8"
)

// ColumnLines lays out a table whose first row holds the column headings
// as "heading: value" lines: one for every filled cell of the rows below
// that has a heading. The HTML reader lays out a spreadsheet pasted into
// Outlook this way, and the rules a spreadsheet pasted as text.
func ColumnLines(headings []string, rows [][]string) []string {
	var lines []string
	for _, row := range rows {
		for i, v := range row {
			if v != "" && i < len(headings) && headings[i] != "" {
				lines = append(lines, Labelled(headings[i], v))
			}
		}
	}
	return lines
}

// Labelled writes a label and its value as one line.
func Labelled(label, value string) string {
	if strings.HasSuffix(label, ":") || strings.HasSuffix(label, "：") {
		return label + " " + value
	}
	return label + ": " + value
}

// unfoldColumns turns the tab-separated tables of lines into "label: value"
// lines (see ColumnLines): a row of two or more cells, most of them labels,
// over the rows below it of as many cells, as Excel pastes a header row and
// its value rows as text. Other lines stay as they are.
func (r *Rules) unfoldColumns(lines []string, section string) []string {
	var out []string
	for i := 0; i < len(lines); i++ {
		headings := tabCells(lines[i])
		if len(headings) < 2 || !r.labelRow(headings, section) {
			out = append(out, lines[i])
			continue
		}
		var rows [][]string
		for j := i + 1; j < len(lines); j++ {
			cells := tabCells(lines[j])
			if len(cells) != len(headings) || r.labelRow(cells, section) {
				break
			}
			rows = append(rows, cells)
		}
		if len(rows) == 0 {
			out = append(out, lines[i])
			continue
		}
		out = append(out, ColumnLines(headings, rows)...)
		i += len(rows)
	}
	return out
}

// tabCells splits a line at its tabs into trimmed cells; a line without a
// tab is one cell.
func tabCells(line string) []string {
	cells := strings.Split(strings.TrimRight(line, "\r \t\u3000"), "\t")
	for i, c := range cells {
		cells[i] = strings.TrimSpace(c)
	}
	return cells
}

// labelRow tells whether a row of cells is a header row: every cell filled
// and short, and more than half of them labels of fields (a form's
// "label, value, label, value" row is not).
func (r *Rules) labelRow(cells []string, section string) bool {
	labels := 0
	for _, c := range cells {
		if c == "" || utf8.RuneCountInString(c) > 40 {
			return false
		}
		if r.aloneLabel(c, section) != nil {
			labels++
		}
	}
	return 2*labels > len(cells)
}
