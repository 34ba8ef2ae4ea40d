package intake

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	shipped "intake"
	"intake/intake/conf"
	"intake/intake/imapbox"
	"intake/intake/message"
	"intake/mailer"
	"intake/rules"
)

// Config is the whole of config.yaml. Each part lives with the package that
// uses it: rules in rules, reply templates in mailer, the rest here.
type Config struct {
	Mailbox   imapbox.Config `yaml:"mailbox"`
	Mailboxes []MoreMailbox  `yaml:"mailboxes"` // read besides Mailbox, with their own folders and routes
	SMTP      SMTPConfig     `yaml:"smtp"`
	Schedule  string         `yaml:"schedule"`
	DataDir   string         `yaml:"data_dir"`
	Listen    string         `yaml:"listen"` // address of /healthz and /metrics; empty: off
	Log       LogConfig      `yaml:"log"`
	// StopTimeout bounds how long a stop waits for the message in hand.
	StopTimeout Duration       `yaml:"stop_timeout"`
	Limits      message.Limits `yaml:"limits"`
	Cases       CaseConfig     `yaml:"cases"`
	Forwards    ForwardConfig  `yaml:"forwards"`
	Health      HealthConfig   `yaml:"health"`
	Routes      []Route        `yaml:"routes"`
	Replies     mailer.Replies `yaml:"replies"`
	Rules       rules.Rules    `yaml:"rules"`
	// TriageOnly decides, records and files every mail but sends nothing:
	// the mail it would send is kept in the outbox unsent.
	TriageOnly bool `yaml:"triage_only"`
	// Retention says how long mail no longer needed stays in the store.
	Retention RetentionConfig `yaml:"retention"`

	// Path is the file the config was read from; Files resolves the paths
	// the config names (letter templates) relative to it.
	Path  string `yaml:"-"`
	Files fs.FS  `yaml:"-"`

	origin *Config // the config a view of one mailbox was made from (see view)
}

// whole returns the config c is a view of, or c.
func (c *Config) whole() *Config {
	if c.origin != nil {
		return c.origin
	}
	return c
}

// ConfigError lists every problem found in a config file, one a line, each
// as "file:line: what (hint: how to fix)".
type ConfigError struct {
	Problems []string
}

func (e *ConfigError) Error() string { return strings.Join(e.Problems, "\n") }

// LoadConfig reads and checks the config file at path.
func LoadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading config: %w", err)
	}
	return ParseConfig(path, data, configDir(filepath.Dir(path)))
}

// configDir opens the files a config names: relative paths from the
// config's folder, absolute paths as they are. A relative path missing
// there is taken from the files intake ships with, so that a copy of the
// shipped config.yaml moved elsewhere still finds its letter templates.
type configDir string

func (d configDir) Open(name string) (fs.File, error) {
	if filepath.IsAbs(name) {
		return os.Open(name)
	}
	f, err := os.Open(filepath.Join(string(d), name))
	if errors.Is(err, fs.ErrNotExist) && fs.ValidPath(name) {
		if sf, serr := shipped.Files.Open(name); serr == nil {
			return sf, nil
		}
	}
	return f, err
}

// ParseConfig decodes and checks a config. name is used in messages; files
// holds what the config refers to by relative path (letter templates).
func ParseConfig(name string, data []byte, files fs.FS) (*Config, error) {
	base := filepath.Base(name)
	cfg := &Config{Path: name, Files: files}
	lines, texts, probs, ok := decodeStrict(base, data, cfg)
	if !ok {
		return nil, &ConfigError{Problems: probs}
	}
	at := func(path string) string { return fmt.Sprintf("%s:%d", base, lineOf(lines, path)) }
	// inText places a line of a multi-line value (a template's line 4).
	inText := func(path string, n int) string {
		if start, ok := texts[path]; ok && n > 0 {
			return fmt.Sprintf("%s:%d", base, start+n-1)
		}
		return at(path)
	}

	cfg.setDefaults()
	probs = append(probs, cfg.loadMailboxRules(data, at)...)
	probs = append(probs, cfg.validate(at, inText)...)
	if len(probs) > 0 {
		return nil, &ConfigError{Problems: probs}
	}
	return cfg, nil
}

// decodeStrict decodes a YAML file into v, refusing unknown keys. It returns
// the lines of the file's paths and texts (see nodeLines), one "file:line:"
// problem per key it could not take, and false when what was read is not
// worth checking further (bad syntax, a key given twice).
func decodeStrict(base string, data []byte, v any) (lines, texts map[string]int, probs []string, ok bool) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, nil, []string{yamlSyntaxProblem(base, err)}, false
	}
	lines, texts = nodeLines(&root)
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			return nil, nil, []string{yamlSyntaxProblem(base, err)}, false
		}
		var dups []string
		for _, msg := range te.Errors {
			if m := duplicateKey.FindStringSubmatch(msg); m != nil {
				key := keyAtLine(lines, m[1])
				if key == "" {
					key = m[2]
				}
				dups = append(dups, fmt.Sprintf("%s:%s: %s: given twice, first at line %s (hint: a key stands once in its place; keep one, or merge the two into the first)",
					base, m[1], key, m[3]))
				continue
			}
			probs = append(probs, typeProblem(base, msg, lines))
		}
		if len(dups) > 0 {
			// yaml stops decoding at a repeated key: what is left of the
			// file is empty and checking it would only add noise.
			return nil, nil, append(probs, dups...), false
		}
	}
	return lines, texts, probs, true
}

func (c *Config) setDefaults() {
	c.Mailbox.SetDefaults()
	for i := range c.Mailboxes {
		c.Mailboxes[i].IMAP.SetDefaults()
		if u := c.Mailboxes[i].IMAP.Username; strings.Contains(u, "@") {
			c.Rules.OwnAddresses = appendUnique(c.Rules.OwnAddresses, u)
		}
	}
	c.SMTP.setDefaults()
	c.Limits = c.Limits.WithDefaults()
	c.Cases.setDefaults()
	c.Forwards.setDefaults()
	c.Retention.setDefaults()
	c.Log.setDefaults()
	if c.Schedule == "" {
		c.Schedule = "0 */2 * * * *"
	}
	c.Health.setDefaults(c.Schedule)
	if c.DataDir == "" {
		c.DataDir = "intake-data"
	}
	if c.StopTimeout == 0 {
		c.StopTimeout = Duration(30 * time.Second)
	}
	if c.Mailbox.Username != "" && strings.Contains(c.Mailbox.Username, "@") {
		c.Rules.OwnAddresses = appendUnique(c.Rules.OwnAddresses, c.Mailbox.Username)
	}
	if a := c.SMTP.fromAddress(); a != "" {
		c.Rules.OwnAddresses = appendUnique(c.Rules.OwnAddresses, a)
	}
}

func appendUnique(list []string, v string) []string {
	v = strings.ToLower(strings.TrimSpace(v))
	for _, x := range list {
		if strings.EqualFold(x, v) {
			return list
		}
	}
	return append(list, v)
}

// validate checks every part and cross-reference, returning one line per
// problem. at turns a YAML path into "file:line"; inText does the same for
// a line inside a multi-line value.
func (c *Config) validate(at func(string) string, inText func(string, int) string) []string {
	var probs []string
	add := func(path, msg string) { probs = append(probs, at(path)+": "+msg) }
	probs = append(probs, rulesProblems(c.Rules.Compile(), at, "rules.")...)
	for _, p := range c.Mailbox.Problems() {
		add("mailbox."+p.Path, "mailbox: "+p.Msg)
	}
	for _, p := range c.mailboxesProblems() {
		add(p.path, p.msg)
	}
	for _, p := range c.SMTP.validate() {
		add("smtp."+p.path, p.msg)
	}
	if _, err := ParseSchedule(c.Schedule); err != nil {
		add("schedule", fmt.Sprintf("bad schedule %q: %v (hint: a cron expression such as \"0 */2 * * * *\": seconds minutes hours day month weekday, the seconds optional)", c.Schedule, err))
	}
	for _, p := range c.Cases.validate() {
		add("cases."+p.path, p.msg)
	}
	for _, p := range c.Log.problems() {
		add("log."+p.path, p.msg)
	}
	for _, p := range c.Health.validate() {
		add("health."+p.path, p.msg)
	}
	for _, p := range c.Forwards.validate() {
		add("forwards."+p.path, p.msg)
	}
	for i, id := range c.Cases.MatchFields {
		if c.Rules.Field(id) == nil {
			add(fmt.Sprintf("cases.match_fields[%d]", i), fmt.Sprintf("unknown field %q (hint: an id of rules.fields, such as auth_code)", id))
		}
	}
	for i, r := range c.Routes {
		for _, p := range r.validate(&c.Rules) {
			add(fmt.Sprintf("routes[%d].%s", i, p.path), p.msg)
		}
	}
	for _, p := range c.Replies.Parse() {
		path := "replies." + p.Path
		if p.Line > 0 {
			// At the template's own line, and named, since that line
			// holds no key.
			probs = append(probs, inText(path, p.Line)+": "+path+": "+p.Msg)
			continue
		}
		add(path, p.Msg)
	}
	for id := range c.Replies.Scenarios {
		if !slices.ContainsFunc(c.mailboxNames(), func(name string) bool { return c.view(name).Rules.Scenario(id) != nil }) {
			add("replies.scenarios."+id, fmt.Sprintf("templates for scenario %q, which rules.scenarios does not define (hint: the keys here are scenario ids: %s)", id, strings.Join(c.Rules.ScenarioIDs(), ", ")))
		}
	}
	probs = append(probs, c.noteProblems(at)...)
	probs = append(probs, c.templateProblems(&c.Rules, at)...)
	return probs
}

// rulesProblems turns the problems of compiling rules into lines at the
// place of each under prefix ("rules.").
func rulesProblems(ps []rules.Problem, at func(string) string, prefix string) []string {
	var probs []string
	for _, p := range ps {
		msg := p.Msg
		if p.Hint != "" {
			msg += " (hint: " + p.Hint + ")"
		}
		probs = append(probs, at(prefix+p.Path)+": "+msg)
	}
	return probs
}

// templateProblems checks that the letter templates the rules' materials
// name can be read.
func (c *Config) templateProblems(rs *rules.Rules, at func(string) string) []string {
	var probs []string
	for i, m := range rs.Materials {
		if m.Template == "" {
			continue
		}
		if _, err := fs.Stat(c.Files, m.Template); err != nil {
			probs = append(probs, fmt.Sprintf("%s: letter template %q: %v (hint: a path relative to the config file)", at(fmt.Sprintf("rules.materials[%d].template", i)), m.Template, errors.Unwrap(err)))
		}
	}
	return probs
}

// problem is a mistake in one part of the config, at a path below it.
type problem struct{ path, msg string }

// Duration and Secret are the config types of package conf, named here for
// the sections that live in this package.
type (
	Duration = conf.Duration
	Secret   = conf.Secret
)

var syntaxLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func yamlSyntaxProblem(file string, err error) string {
	if m := syntaxLine.FindStringSubmatch(err.Error()); m != nil {
		return fmt.Sprintf("%s:%s: %s (hint: check the indentation and quoting; a value with ': ' or '#' needs quotes)", file, m[1], m[2])
	}
	return fmt.Sprintf("%s: %v", file, err)
}

var (
	unknownField = regexp.MustCompile(`^line (\d+): field (\S+) not found in type (\S+)$`)
	typeMismatch = regexp.MustCompile(`^line (\d+): (.*)$`)
	duplicateKey = regexp.MustCompile(`^line (\d+): mapping key "(.*)" already defined at line (\d+)$`)
	cannotDecode = regexp.MustCompile("^cannot unmarshal !!(\\w+)(?: `(.*)`)? into (\\S+)$")
)

// typeProblem turns one of yaml's decoding errors into a config problem in
// plain words, with the key it is about and a hint: for an unknown key the
// keys the place allows, for a value of the wrong kind what was wanted.
// A value holding ": " is read as a key and its value, the most common
// slip of all: the hint says to quote it.
func typeProblem(file, msg string, lines map[string]int) string {
	if m := unknownField.FindStringSubmatch(msg); m != nil {
		var hints []string
		if keys := knownKeys[m[3]]; len(keys) > 0 {
			hints = append(hints, "known keys here: "+strings.Join(keys, ", "))
		}
		if m[3] == "rules.Text" {
			hints = append(hints, "a text holding ': ' must be quoted, en: 'Note: …'")
		}
		if imap := knownKeys[reflect.TypeFor[imapbox.Config]().String()]; m[3] == reflect.TypeFor[MoreMailbox]().String() && slices.Contains(imap, m[2]) {
			hints = append(hints, fmt.Sprintf("%s goes under imap:, whose keys are those of mailbox: %s", m[2], strings.Join(imap, ", ")))
		}
		hint := ""
		if len(hints) > 0 {
			hint = " (hint: " + strings.Join(hints, "; ") + ")"
		}
		return fmt.Sprintf("%s:%s: unknown key %q%s", file, m[1], m[2], hint)
	}
	m := typeMismatch.FindStringSubmatch(msg)
	if m == nil {
		return file + ": " + msg
	}
	text, key := m[2], keyAtLine(lines, m[1])
	if d := cannotDecode.FindStringSubmatch(text); d != nil {
		// The longest path on the line is inside what was found: the
		// first key of a mapping, the first item of a list.
		switch d[1] {
		case "map":
			key = key[:max(strings.LastIndex(key, "."), 0)]
		case "seq":
			key = strings.TrimSuffix(key, "[0]")
		}
		text = fmt.Sprintf("%s is not %s", foundKind(d[1], d[2]), wantedKind(d[3]))
		switch {
		case d[1] == "map" && !strings.HasPrefix(d[3], "map[") && !strings.Contains(d[3], "."):
			text += " (hint: a value holding ': ' is read as a key and a value; put it in quotes, 'like: this')"
		case d[1] == "seq":
			text += " (hint: one value here, not a list)"
		case strings.HasPrefix(d[3], "[]"):
			text += " (hint: a list, [a, b] or one \"- item\" a line)"
		case d[3] == "rules.Text":
			text += " (hint: {zh: …, en: …})"
		}
	}
	if key != "" {
		text = key + ": " + text
	}
	return fmt.Sprintf("%s:%s: %s", file, m[1], text)
}

// foundKind names in plain words what yaml found.
func foundKind(tag, value string) string {
	switch tag {
	case "map":
		return "a set of key: value pairs"
	case "seq":
		return "a list"
	case "null":
		return "an empty value"
	}
	if value != "" {
		return fmt.Sprintf("%q", value)
	}
	return "a " + tag
}

// wantedKind names in plain words the Go type a value was decoded into.
func wantedKind(goType string) string {
	switch {
	case strings.HasPrefix(goType, "[]"):
		return "a list"
	case strings.HasPrefix(goType, "map["):
		return "a set of key: value pairs"
	case goType == "rules.Text":
		return "a text in both languages"
	case strings.HasPrefix(goType, "int") || strings.HasPrefix(goType, "uint"):
		return "a whole number"
	case goType == "bool":
		return "true or false"
	case goType == "string":
		return "a single value"
	case strings.HasPrefix(goType, "float"):
		return "a number"
	}
	return "a set of key: value pairs" // a struct
}

// keyAtLine returns the longest YAML path that starts on a line.
func keyAtLine(lines map[string]int, line string) string {
	n, _ := strconv.Atoi(line)
	best := ""
	for path, l := range lines {
		if l == n && len(path) > len(best) {
			best = path
		}
	}
	return best
}

// knownKeys maps the Go type names yaml reports to the keys they accept.
var knownKeys = func() map[string][]string {
	out := map[string][]string{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || out[t.String()] != nil {
			return
		}
		var keys []string
		out[t.String()] = keys
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if !f.IsExported() || tag == "-" || tag == "" {
				continue
			}
			keys = append(keys, tag)
			walk(f.Type)
		}
		sort.Strings(keys)
		out[t.String()] = keys
	}
	walk(reflect.TypeOf(Config{}))
	return out
}()

// nodeLines maps every YAML path ("rules.scenarios[1].materials[0]") of a
// document to its line, and every scalar value's path to the line its text
// starts on (the line after "|" for a block).
func nodeLines(root *yaml.Node) (lines, texts map[string]int) {
	lines, texts = map[string]int{}, map[string]int{}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		if n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		if _, ok := lines[path]; !ok {
			lines[path] = n.Line
		}
		switch n.Kind {
		case yaml.ScalarNode:
			texts[path] = n.Line
			if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
				texts[path] = n.Line + 1
			}
		case yaml.DocumentNode:
			for _, c := range n.Content {
				walk(c, path)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				key := n.Content[i].Value
				p := key
				if path != "" {
					p = path + "." + key
				}
				lines[p] = n.Content[i].Line
				walk(n.Content[i+1], p)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, path+"["+strconv.Itoa(i)+"]")
			}
		}
	}
	walk(root, "")
	return lines, texts
}

// lineOf finds the line of a path, or of its nearest enclosing part when the
// path itself is not written (a key left out).
func lineOf(lines map[string]int, path string) int {
	for path != "" {
		if l, ok := lines[path]; ok && l > 0 {
			return l
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return 1
}

// noteProblems checks that every note id the rules can give has a text,
// and every note text both languages: a note without one would silently be
// left out of the customer's reply, or shown in one language only.
func (c *Config) noteProblems(at func(string) string) []string {
	probs := c.noteTextProblems(&c.Rules, at)
	for _, id := range slices.Sorted(maps.Keys(c.Replies.Notes)) {
		t := c.Replies.Notes[id]
		if t.IsSet() {
			continue
		}
		lang := "en"
		switch {
		case t.ZH == "" && t.EN == "":
			lang = "zh or en"
		case t.ZH == "":
			lang = "zh"
		}
		probs = append(probs, fmt.Sprintf("%s: note %q has no %s text (hint: give both, {zh: …, en: …})", at("replies.notes."+id), id, lang))
	}
	return probs
}

// noteTextProblems checks that every note id the rules can give has a text
// under replies.notes.
func (c *Config) noteTextProblems(rs *rules.Rules, at func(string) string) []string {
	var probs []string
	for _, u := range rs.NoteUses() {
		if _, ok := c.Replies.Notes[u.ID]; !ok {
			probs = append(probs, fmt.Sprintf("%s: note %q has no text under replies.notes, so replies would leave it out (hint: add %s: {zh: …, en: …} under replies.notes, or use one of its ids: %s)",
				at("rules."+u.Path), u.ID, u.ID, strings.Join(slices.Sorted(maps.Keys(c.Replies.Notes)), ", ")))
		}
	}
	return probs
}
