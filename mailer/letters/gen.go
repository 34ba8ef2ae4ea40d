//go:build ignore

// gen.go writes the blank letter templates (.docx) from the .txt files beside
// it, one paragraph a line: go run gen.go
package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"log"
	"os"
	"strings"
	"time"
)

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`

const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`

func main() {
	for _, name := range []string{"appendix-1-commitment-letter", "appendix-2-unbind-commitment-letter"} {
		text, err := os.ReadFile(name + ".txt")
		if err != nil {
			log.Fatal(err)
		}
		var doc bytes.Buffer
		doc.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
		for i, line := range strings.Split(strings.TrimRight(string(text), "\n"), "\n") {
			doc.WriteString("<w:p>")
			if i == 0 {
				doc.WriteString(`<w:pPr><w:jc w:val="center"/></w:pPr>`)
			}
			doc.WriteString(`<w:r>`)
			if i == 0 {
				doc.WriteString(`<w:rPr><w:b/><w:sz w:val="32"/></w:rPr>`)
			}
			doc.WriteString(`<w:t xml:space="preserve">`)
			xml.EscapeText(&doc, []byte(line))
			doc.WriteString("</w:t></w:r></w:p>")
		}
		doc.WriteString("</w:body></w:document>")

		var out bytes.Buffer
		zw := zip.NewWriter(&out)
		for _, f := range []struct{ name, body string }{
			{"[Content_Types].xml", contentTypes},
			{"_rels/.rels", rels},
			{"word/document.xml", doc.String()},
		} {
			// A fixed time keeps the output the same from run to run.
			w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				log.Fatal(err)
			}
			w.Write([]byte(f.body))
		}
		if err := zw.Close(); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(name+".docx", out.Bytes(), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
