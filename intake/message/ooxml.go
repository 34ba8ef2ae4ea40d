package message

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"intake/rules"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"
)

// maxSheets is how many worksheets of a workbook are read for text.
const maxSheets = 8

// ooxmlExts are the Office Open XML formats whose text is read: information
// forms are sent as Word or Excel files.
var ooxmlExts = map[string]bool{".docx": true, ".docm": true, ".xlsx": true, ".xlsm": true}

// ooxmlText returns the text of a Word or Excel file, as the rules read a
// form: a document's paragraphs, a table row as its cells joined by tabs
// ("最终用户单位名称\t江西…"), every row of a workbook's sheets the same way.
// It is bounded like a .zip: the entry count, and the parts it reads count
// toward MaxArchiveBytes, each within MaxArchiveRatio and the text kept.
// Anything unreadable gives "".
func (p *mimeParser) ooxmlText(name string, data []byte) string {
	if !ooxmlExts[strings.ToLower(path.Ext(name))] || zipDirectoryEntries(data) > p.lim.MaxArchiveEntries {
		return ""
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return ""
	}
	parts := map[string]*zip.File{}
	var sheets []string
	for _, f := range zr.File {
		parts[f.Name] = f
		if strings.HasPrefix(f.Name, "xl/worksheets/sheet") && strings.HasSuffix(f.Name, ".xml") {
			sheets = append(sheets, f.Name)
		}
	}
	if f := parts["word/document.xml"]; f != nil {
		return capText(wordText(p.part(f)))
	}
	slices.SortFunc(sheets, func(a, b string) int { return sheetNumber(a) - sheetNumber(b) })
	var shared []string
	if f := parts["xl/sharedStrings.xml"]; f != nil {
		shared = sharedStrings(p.part(f))
	}
	var b strings.Builder
	for _, s := range sheets[:min(len(sheets), maxSheets)] {
		b.WriteString(sheetText(p.part(parts[s]), shared))
	}
	return capText(b.String())
}

// part reads one part of an OOXML file within the archive limits, nil when
// it is over them or unreadable.
func (p *mimeParser) part(f *zip.File) []byte {
	limit := min(int64(p.lim.MaxArchiveBytes)-p.archiveBytes, max(int64(f.CompressedSize64)*int64(p.lim.MaxArchiveRatio), ratioFloor), 16*int64(p.lim.MaxTextBytes))
	if f.Flags&0x1 != 0 || int64(f.UncompressedSize64) > limit {
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, limit+1))
	p.archiveBytes += int64(len(b))
	if err != nil || int64(len(b)) > limit {
		return nil
	}
	return b
}

// capText cuts a form's text to what an attachment keeps.
func capText(s string) string {
	if len(s) > maxAttachmentTextBytes {
		s = rules.TruncateUTF8(s, maxAttachmentTextBytes)
	}
	return strings.TrimSpace(s)
}

// sheetNumber is the N of "xl/worksheets/sheetN.xml".
func sheetNumber(name string) int {
	n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(name, "xl/worksheets/sheet"), ".xml"))
	return n
}

// wordText returns the text of word/document.xml: paragraphs on lines, a
// table row's cells joined by tabs.
func wordText(doc []byte) string {
	var b, cell strings.Builder
	var row []string
	depth := 0 // table nesting
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		out := &b
		if depth > 0 {
			out = &cell
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "tbl":
				depth++
			case "tab":
				out.WriteByte('\t')
			case "br", "cr":
				out.WriteByte('\n')
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "tbl":
				depth = max(0, depth-1)
			case "p":
				out.WriteByte('\n')
			case "tc":
				row = append(row, strings.Join(strings.Fields(cell.String()), " "))
				cell.Reset()
			case "tr":
				b.WriteString(strings.Join(slices.DeleteFunc(row, func(s string) bool { return s == "" }), "\t") + "\n")
				row = nil
			}
		case xml.CharData:
			out.Write(t)
		}
	}
	return b.String()
}

// sharedStrings returns the strings of xl/sharedStrings.xml by index.
func sharedStrings(doc []byte) []string {
	var out []string
	var si strings.Builder
	inText := false
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := d.Token()
		if err != nil {
			return out
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				si.Reset()
			case "t":
				inText = true
			case "rPh":
				inText = false // phonetic hints are not the text
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				out = append(out, si.String())
			case "t":
				inText = false
			}
		case xml.CharData:
			if inText {
				si.Write(t)
			}
		}
	}
}

// sheetText returns a worksheet's rows, each its non-empty cells joined by
// tabs.
func sheetText(doc []byte, shared []string) string {
	var b, val strings.Builder
	var row []string
	cellType, inValue := "", false
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := d.Token()
		if err != nil {
			return b.String()
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "c":
				cellType = ""
				for _, a := range t.Attr {
					if a.Name.Local == "t" {
						cellType = a.Value
					}
				}
				val.Reset()
			case "v", "t":
				inValue = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v", "t":
				inValue = false
			case "c":
				v := strings.TrimSpace(val.String())
				if cellType == "s" {
					if i, err := strconv.Atoi(v); err == nil && i >= 0 && i < len(shared) {
						v = strings.TrimSpace(shared[i])
					} else {
						v = ""
					}
				}
				if v != "" {
					row = append(row, strings.Join(strings.Fields(v), " "))
				}
			case "row":
				if len(row) > 0 {
					b.WriteString(strings.Join(row, "\t") + "\n")
				}
				row = nil
			}
		case xml.CharData:
			if inValue {
				val.Write(t)
			}
		}
	}
}
