package intake

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"intake/intake/message"
)

var updateSchema = flag.Bool("update-schema", false, "rewrite config.schema.json from the Go types")

// schemaFile is the JSON Schema of config.yaml, shipped beside it so that
// editors (yaml-language-server) complete keys and mark mistakes.
const schemaFile = "../config.schema.json"

// TestConfigSchema generates the JSON Schema of config.yaml from the Go
// types the loader decodes it into, with their doc comments as
// descriptions, and fails when the committed file differs: the schema
// cannot go stale. Run with -update-schema to rewrite it.
func TestConfigSchema(t *testing.T) {
	got, err := configSchema()
	if err != nil {
		t.Fatal(err)
	}
	if *updateSchema {
		if err := os.WriteFile(schemaFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatalf("reading %s: %v (hint: go test ./intake -run TestConfigSchema -update-schema)", schemaFile, err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the schema of the Go types (hint: go test ./intake -run TestConfigSchema -update-schema, and commit it)", schemaFile)
	}
	for _, cfg := range []string{"../config.yaml", "../testdata/tuning/config.yaml"} {
		b, err := os.ReadFile(cfg)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(b), "\n")
		rel, _ := filepath.Rel(filepath.Dir(cfg), schemaFile)
		if want := "# yaml-language-server: $schema=" + filepath.ToSlash(rel); first != want {
			t.Errorf("%s begins %q, want %q so that editors find the schema", cfg, first, want)
		}
	}
}

// TestConfigSchemaKeys checks the schema against the loader's own list of
// keys: every struct of the config is there, with every key and no other.
func TestConfigSchemaKeys(t *testing.T) {
	b, err := configSchema()
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Definitions map[string]struct {
			Properties           map[string]any `json:"properties"`
			AdditionalProperties *bool          `json:"additionalProperties"`
		} `json:"definitions"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	for goType, keys := range knownKeys {
		name := defName(goType)
		if goType == "conf.Secret" {
			continue // reads itself: a string or one of its keys
		}
		d, ok := s.Definitions[name]
		if !ok {
			t.Errorf("schema has no definition %s", name)
			continue
		}
		if len(d.Properties) != len(keys) || d.AdditionalProperties == nil || *d.AdditionalProperties {
			t.Errorf("schema %s has %d properties (additional: %v), want exactly %v", name, len(d.Properties), d.AdditionalProperties, keys)
		}
		for _, k := range keys {
			if _, ok := d.Properties[k]; !ok {
				t.Errorf("schema %s lacks %q", name, k)
			}
		}
	}
}

// configSchema builds the schema: draft-07, which yaml-language-server
// reads, with one definition per struct type.
func configSchema() ([]byte, error) {
	g := schemaGen{defs: map[string]any{}, types: map[string]reflect.Type{}, docs: map[string]string{}}
	for _, dir := range []string{".", "../rules", "../mailer", "message", "imapbox", "oauth", "conf"} {
		if err := g.readDocs(dir); err != nil {
			return nil, err
		}
	}
	root := g.schema(reflect.TypeOf(Config{}))
	out := map[string]any{
		"$schema":     "http://json-schema.org/draft-07/schema#",
		"title":       "intake config.yaml",
		"description": "The rules, mailbox, mail server and replies of intake. Generated from the Go types by TestConfigSchema: do not edit.",
		"$ref":        root["$ref"],
		"definitions": g.defs,
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

type schemaGen struct {
	defs  map[string]any
	types map[string]reflect.Type
	docs  map[string]string // "pkg.Type" and "pkg.Type.Field" → doc comment
}

// readDocs collects the doc comments of a package's types and their fields.
func (g *schemaGen) readDocs(dir string) error {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ParseComments)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, spec := range gd.Specs {
				ts := spec.(*ast.TypeSpec)
				doc := ts.Doc
				if doc == nil {
					doc = gd.Doc
				}
				g.docs[f.Name.Name+"."+ts.Name.Name] = docText(doc, nil)
				st, ok := ts.Type.(*ast.StructType)
				if !ok {
					continue
				}
				var group *ast.CommentGroup // a comment over several fields
				for _, fd := range st.Fields.List {
					if fd.Doc != nil {
						group = fd.Doc
					}
					for _, n := range fd.Names {
						g.docs[f.Name.Name+"."+ts.Name.Name+"."+n.Name] = docText(fd.Doc, fd.Comment)
						if fd.Doc == nil && fd.Comment == nil && group != nil {
							g.docs[f.Name.Name+"."+ts.Name.Name+"."+n.Name] = docText(group, nil)
						}
					}
				}
			}
		}
	}
	return nil
}

func docText(doc, line *ast.CommentGroup) string {
	var parts []string
	for _, c := range []*ast.CommentGroup{doc, line} {
		if t := strings.Join(strings.Fields(c.Text()), " "); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}

// defName is the definition name of a Go type ("imapbox.Config"): the bare
// type name, or the name it had before its package was split off where
// bare names would clash.
func defName(goType string) string {
	switch goType {
	case "imapbox.Config":
		return "MailboxConfig"
	case "oauth.Config":
		return "OAuthConfig"
	}
	return goType[strings.LastIndex(goType, ".")+1:]
}

// custom are the types that read themselves from YAML (UnmarshalYAML).
var custom = map[reflect.Type]map[string]any{
	reflect.TypeOf(Duration(0)): {"type": "string", "pattern": `^\d+(\.\d+)?(ns|us|µs|ms|s|m|h|d)(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))*$`,
		"description": "A duration: a number with a unit, such as 30s, 5m, 72h or 14d."},
	reflect.TypeOf(message.ByteSize(0)): {"type": []string{"integer", "string"}, "pattern": `^\d+(\.\d+)?\s*([KMG]i?B|B)?$`,
		"description": "A size in bytes: a number, or a number with a unit (KB, KiB, MB, MiB, GB, GiB)."},
	reflect.TypeOf(Secret{}): {"description": "A secret: the value itself, or where to read it.",
		"anyOf": []any{
			map[string]any{"type": "string"},
			map[string]any{"type": "object", "additionalProperties": false, "minProperties": 1, "maxProperties": 1,
				"properties": map[string]any{
					"value": map[string]any{"type": "string", "description": "The secret itself (better kept out of the file)."},
					"env":   map[string]any{"type": "string", "description": "The environment variable that holds it."},
					"file":  map[string]any{"type": "string", "description": "The file that holds it."},
				}},
		}},
}

func (g *schemaGen) schema(t reflect.Type) map[string]any {
	if s, ok := custom[t]; ok {
		return s
	}
	switch t.Kind() {
	case reflect.Pointer:
		return g.schema(t.Elem())
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": g.schema(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": g.schema(t.Elem())}
	case reflect.Struct:
		name := defName(t.String())
		if seen, ok := g.types[name]; ok && seen != t {
			panic("schema: two config types named " + name + ": " + seen.String() + ", " + t.String())
		}
		if _, ok := g.defs[name]; !ok {
			g.types[name] = t
			g.defs[name] = nil // taken: a type that holds itself refers back
			props := map[string]any{}
			for i := 0; i < t.NumField(); i++ {
				f := t.Field(i)
				key, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
				if !f.IsExported() || key == "" || key == "-" {
					continue
				}
				p := map[string]any{}
				for k, v := range g.schema(f.Type) {
					p[k] = v
				}
				if doc := g.docs[t.String()+"."+f.Name]; doc != "" {
					if ref, ok := p["$ref"]; ok {
						// Draft-07 ignores what stands beside a $ref.
						p = map[string]any{"allOf": []any{map[string]any{"$ref": ref}}}
					}
					p["description"] = doc
				}
				props[key] = p
			}
			def := map[string]any{"type": "object", "additionalProperties": false, "properties": props}
			if doc := g.docs[t.String()]; doc != "" {
				def["description"] = doc
			}
			g.defs[name] = def
		}
		return map[string]any{"$ref": "#/definitions/" + name}
	}
	panic("schema: no JSON type for " + t.String())
}

// TestConfigSchemaValidates checks the schema the way an editor uses it:
// the shipped and example configs meet it, and the slips check-config
// reports are marked by it too. The validator knows the parts of JSON
// Schema that configSchema writes.
func TestConfigSchemaValidates(t *testing.T) {
	b, err := configSchema()
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(b, &schema); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		file string
		want []string // paths the schema marks
	}{
		{"../config.yaml", nil},
		{"../testdata/tuning/config.yaml", nil},
		{"../testdata/config/minimal.yaml", nil},
		{"../testdata/config/bad-typo.yaml", []string{"rules.fields[0].lables"}},
		{"../testdata/config/bad-types.yaml", []string{"rules.subject_weight", "rules.not_request[0]", "rules.materials[0].name", "rules.materials[1].name.Invoice"}},
	}
	for _, tt := range tests {
		data, err := os.ReadFile(tt.file)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		v := validator{root: schema}
		v.check(schema, doc, "")
		sort.Strings(v.errs)
		sort.Strings(tt.want)
		if strings.Join(v.errs, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("schema marks in %s:\n%s\nwant:\n%s", tt.file, strings.Join(v.errs, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

type validator struct {
	root map[string]any
	errs []string
}

// check validates v against s, adding the path of each value that fails.
func (x *validator) check(s map[string]any, v any, path string) {
	if !x.ok(s, v, path, true) {
		x.errs = append(x.errs, strings.TrimPrefix(path, "."))
	}
}

// ok tells whether v meets s; with deep, the errors inside objects and
// arrays are reported at their own paths and the value counts as met.
func (x *validator) ok(s map[string]any, v any, path string, deep bool) bool {
	if ref, ok := s["$ref"].(string); ok {
		def := x.root["definitions"].(map[string]any)[strings.TrimPrefix(ref, "#/definitions/")]
		return x.ok(def.(map[string]any), v, path, deep)
	}
	for _, sub := range asList(s["allOf"]) {
		if !x.ok(sub.(map[string]any), v, path, deep) {
			return false
		}
	}
	if alts := asList(s["anyOf"]); len(alts) > 0 {
		met := false
		for _, sub := range alts {
			met = met || x.ok(sub.(map[string]any), v, path, false)
		}
		if !met {
			return false
		}
	}
	if typ, ok := s["type"]; ok && !typeOK(typ, v) {
		return false
	}
	if pat, ok := s["pattern"].(string); ok {
		if str, ok := v.(string); ok && !regexp.MustCompile(pat).MatchString(str) {
			return false
		}
	}
	switch v := v.(type) {
	case map[string]any:
		props, _ := s["properties"].(map[string]any)
		for k, val := range v {
			sub, ok := props[k].(map[string]any)
			if !ok {
				sub, ok = s["additionalProperties"].(map[string]any)
			}
			switch {
			case ok && deep:
				x.check(sub, val, path+"."+k)
			case ok && !x.ok(sub, val, path+"."+k, false):
				return false
			case !ok && s["additionalProperties"] == false:
				if !deep {
					return false
				}
				x.errs = append(x.errs, strings.TrimPrefix(path+"."+k, "."))
			}
		}
	case []any:
		if items, ok := s["items"].(map[string]any); ok {
			for i, val := range v {
				p := fmt.Sprintf("%s[%d]", path, i)
				if deep {
					x.check(items, val, p)
				} else if !x.ok(items, val, p, false) {
					return false
				}
			}
		}
	}
	return true
}

func asList(v any) []any { l, _ := v.([]any); return l }

func typeOK(typ, v any) bool {
	if l, ok := typ.([]any); ok {
		for _, t := range l {
			if typeOK(t, v) {
				return true
			}
		}
		return false
	}
	switch typ {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "integer":
		_, ok := v.(int)
		return ok
	case "number":
		switch v.(type) {
		case int, float64:
			return true
		}
	}
	return false
}
