// Package rules holds the YAML rule types of intake and the pure functions that
// classify a request mail and check its materials. Nothing here touches the
// network, the disk or the clock: the caller passes parsed messages in and
// gets a Decision back.
package rules

import "regexp"

// Rules is the `rules:` section of config.yaml: everything that describes one
// intake process. A different process is a different Rules value.
type Rules struct {
	// OwnAddresses are the addresses intake sends from; mail from them (or
	// carrying them in X-Loop) is never answered. The mailbox address is
	// added by the loader.
	OwnAddresses []string `yaml:"own_addresses"`

	// RequestCues are patterns that make an unclassified mail look like a
	// request worth an ask_scenario reply rather than mail to ignore;
	// NotRequest patterns (an invoice, a quotation) override them.
	RequestCues []string `yaml:"request_cues"`
	NotRequest  []string `yaml:"not_request"`

	// QuoteSeparators are line patterns after which the rest of a body is
	// quoted history ("-----Original Message-----", "在…写道：").
	QuoteSeparators []string `yaml:"quote_separators"`

	// SignatureSeparators are line patterns (a closing, "-- ", a
	// disclaimer) after which a body's lines up to the next quoted part
	// are a signature: read neither for fields nor for cues.
	SignatureSeparators []string `yaml:"signature_separators"`

	// EmptyValues is a pattern for field values that mean "nothing given"
	// (无, N/A, TBD).
	EmptyValues string `yaml:"empty_values"`

	// SubjectWeight multiplies the weight of a cue found in the subject.
	SubjectWeight int `yaml:"subject_weight"`

	// Negations are patterns that, right before a cue, cancel it ("不是要
	// 找回", "not a recovery").
	Negations []string `yaml:"negations"`

	// Unsure are patterns of a new text that does not know which process
	// applies ("不确定", "not sure"): when the newest mail's new text names
	// no single process and says so, the reply asks, even if the quoted
	// mail it answers leans to one.
	Unsure []string `yaml:"unsure"`

	// SenderParties tell when the sender is one of the parties ("I am the
	// reseller engineer"): the sender's name then fills that party's name
	// field and the signature is read for that party's short labels.
	SenderParties []SenderParty `yaml:"sender_parties"`

	// Shapes are the forms of field values (an auth code, a phone number),
	// named by fields' shape.
	Shapes []Shape `yaml:"shapes"`

	Roles      Roles        `yaml:"roles"`
	Sections   []Section    `yaml:"sections"`
	Fields     []Field      `yaml:"fields"`
	Files      []FileClass  `yaml:"files"`
	Products   []Product    `yaml:"products"`
	Materials  []Material   `yaml:"materials"`
	Scenarios  []Scenario   `yaml:"scenarios"`
	Adjust     []Adjustment `yaml:"adjustments"`
	Ignore     []IgnoreRule `yaml:"ignore"`
	ProductKey string       `yaml:"product_field"` // id of the field that names the product

	compiled bool
	negation *regexp.Regexp // a negation at the end of the text before a cue
	negWords *regexp.Regexp // a negation anywhere
	request  []*regexp.Regexp
	notReq   []*regexp.Regexp
	unsure   [][]branch
	quoteSep []*regexp.Regexp
	sigSep   []*regexp.Regexp
	empty    *regexp.Regexp
	own      map[string]bool
	fields   map[string]*Field
	shapes   map[string]*Shape
	// nameLabels maps the names of field materials (see nameKey) to the
	// field they are read from.
	nameLabels map[string]*Field
	files      map[string]*FileClass
	mats       map[string]*Material
	scens      map[string]*Scenario
	sections   map[string]*Section
	defSect    string
}

// Text is a message in both languages of the replies.
type Text struct {
	ZH string `yaml:"zh"`
	EN string `yaml:"en"`
}

// Roles tells an old server's file from a new one's by its name.
type Roles struct {
	Old []string `yaml:"old"`
	New []string `yaml:"new"`

	old, new []*regexp.Regexp
}

// SenderParty is a party the sender may say they are. A sender is also
// taken as the party whose NameField holds the sender's display name.
type SenderParty struct {
	Section   string `yaml:"section"`
	NameField string `yaml:"name_field"`
	When      string `yaml:"when"`

	when *regexp.Regexp
}

// Section is a heading in a mail body ("Reseller:", "最终用户信息") under
// which short labels ("Phone:") belong to a particular party.
type Section struct {
	ID       string   `yaml:"id"`
	Default  bool     `yaml:"default"` // the section of text before any heading
	Headings []string `yaml:"headings"`

	headings *regexp.Regexp
}

// Field is a labelled value read from the text of a mail ("授权码：XXXX").
type Field struct {
	ID   string `yaml:"id"`
	Name Text   `yaml:"name"`
	// Labels are patterns of the label that introduces the value, anywhere.
	Labels []string `yaml:"labels"`
	// Section and SectionLabels: short labels that only count under a
	// heading of that section ("Phone" under "Reseller").
	Section       string   `yaml:"section"`
	SectionLabels []string `yaml:"section_labels"`
	// Inline are patterns with one capture group that find the value inside
	// running text ("our license key is ABC-123").
	Inline []string `yaml:"inline"`
	// Value, when set, is a pattern the value must match to count.
	Value string `yaml:"value"`
	// Shape, when set, names the shape of the field's values: they are
	// found in the text a label introduces (the rest of the line, or the
	// lines under a label alone, each value after its description) or next
	// to a label in running text, normalised, and only they count.
	Shape string `yaml:"shape"`
	// List marks values that are lists (serial numbers), split on commas,
	// semicolons and spaces.
	List bool `yaml:"list"`
	// Also moves a part of the value to another field: "李四 13822223333"
	// under a name label gives the phone number to the phone field.
	Also []Also `yaml:"also"`

	label, sectionLabel *regexp.Regexp
	inline              []*regexp.Regexp
	value               *regexp.Regexp
	shape               *Shape
	near                *regexp.Regexp // the labels anywhere, for values next to them
}

// Also is a pattern whose match in a field's value belongs to another field.
// With Shape instead of Pattern, the first value of that shape moves.
type Also struct {
	Pattern string `yaml:"pattern"`
	Shape   string `yaml:"shape"`
	Field   string `yaml:"field"`

	re *regexp.Regexp
}

// FileClass recognises one kind of attachment (a license file, a host
// information file, a stamped letter).
type FileClass struct {
	ID   string `yaml:"id"`
	Name Text   `yaml:"name"`
	// Names are patterns of the file name; Content are patterns of the first
	// bytes or the text of the file. Either makes a match; Content is tried
	// first, for every class, before any name.
	Names   []string `yaml:"names"`
	Content []string `yaml:"content"`
	// Extensions, when set, limit the class to these extensions (no dot,
	// lower case) or to content types starting with one of Types.
	Extensions []string `yaml:"extensions"`
	Types      []string `yaml:"types"`
	// Reject lists extensions that look like this class by name but do not
	// count (a Word template where a stamped scan is needed); RejectNote is
	// the note id given for them.
	Reject     []string `yaml:"reject"`
	RejectNote string   `yaml:"reject_note"`
	// Role fixes the role of every file of this class ("old": a license file
	// always belongs to the old server); RolesFromName reads old/new from the
	// file name.
	Role          string `yaml:"role"`
	RolesFromName bool   `yaml:"roles_from_name"`
	// AssumeWhen: a file no class recognised, of an accepted extension or
	// type, is taken as this class when the mail's new text matches this
	// pattern and it is the only such file (note file_assumed).
	AssumeWhen string `yaml:"assume_when"`
	// Pasted: the content of such a file pasted into the new text (a block
	// of "key=value" lines that Content matches) counts like the file,
	// its role read from the line that introduces it.
	Pasted bool `yaml:"pasted"`

	names, content []*regexp.Regexp
	assume         *regexp.Regexp
}

// Product is a product the requests are about.
type Product struct {
	ID       string   `yaml:"id"`
	Patterns []string `yaml:"patterns"`

	patterns []branch // every alternative of every pattern, each with its literals
}

// Material is one item of a checklist. It is present when any of its
// sources is.
type Material struct {
	ID   string `yaml:"id"`
	Kind string `yaml:"kind"` // field or attachment
	Name Text   `yaml:"name"`
	Hint Text   `yaml:"hint"`
	// AnyOf lists the sources that satisfy the material.
	AnyOf []Source `yaml:"any_of"`
	// Wrong lists files that are not this material but are often sent in
	// its place; when the material is missing and such a file is present,
	// the note is given.
	Wrong []WrongFile `yaml:"wrong"`
	// Template is a blank form attached to the reply when the material is
	// missing (a path the loader resolves; rules only carry it).
	Template string `yaml:"template"`
	// Steps are extra instructions shown in the reply when the material is
	// missing (how to download a host information file).
	Steps Text `yaml:"steps"`
}

// Source is one way a material can be present: a field, or a file of a
// class (optionally with a role).
type Source struct {
	Field string `yaml:"field"`
	File  string `yaml:"file"`
	Role  string `yaml:"role"`
}

// WrongFile names a file class that is the wrong one for a material.
type WrongFile struct {
	File string `yaml:"file"`
	Note string `yaml:"note"`
}

// Scenario is one kind of request with its checklist.
type Scenario struct {
	ID          string   `yaml:"id"`
	Name        Text     `yaml:"name"`
	Description Text     `yaml:"description"`
	Cues        []Cue    `yaml:"cues"`
	Materials   []string `yaml:"materials"`
}

// Cue is evidence for a scenario: a text pattern (subject and new body) or
// a file class among the attachments.
type Cue struct {
	Pattern string `yaml:"pattern"`
	File    string `yaml:"file"`
	Weight  int    `yaml:"weight"`

	re       *regexp.Regexp
	branches []branch // its alternatives, each with its required literals
}

// Adjustment is one of the process's own rules: when its condition holds,
// it changes the scenario and/or adds a note.
type Adjustment struct {
	When     Condition `yaml:"when"`
	Scenario string    `yaml:"scenario"`
	Note     string    `yaml:"note"`
}

// Condition is a conjunction: every part that is set must hold.
type Condition struct {
	Scenario   []string `yaml:"scenario"`    // the scenario is one of these
	Product    []string `yaml:"product"`     // the product is one of these
	ProductNot []string `yaml:"product_not"` // the product is known and none of these
	Text       string   `yaml:"text"`        // the subject or new text matches
	// Covers holds two list fields: the first's values include every value
	// of the second (all serials are to be unbound).
	Covers []string `yaml:"covers"`

	text []branch
}

// IgnoreRule makes mail that must get no reply recognisable. A rule matches
// when every part that is set matches.
type IgnoreRule struct {
	Reason string `yaml:"reason"`
	// Header and Match: the header field is present and its value matches
	// (an empty Match means present at all); Unless exempts values.
	Header string `yaml:"header"`
	Match  string `yaml:"match"`
	Unless string `yaml:"unless"`
	// From matches the sender's bare address.
	From string `yaml:"from"`
	// Subject matches the decoded subject; Body the text of the mail.
	Subject string `yaml:"subject"`
	Body    string `yaml:"body"`
	// OwnAddress: the sender (or, with Header, the header value) is one of
	// our own addresses.
	OwnAddress bool `yaml:"own_address"`
	// FileType and FileText: a part of the mail (not of a forwarded one)
	// has a content type matching FileType and, when FileText is set, text
	// matching it: a calendar invitation's text/calendar with its METHOD.
	FileType string `yaml:"file_type"`
	FileText string `yaml:"file_text"`

	match, unless, from, subject, body, fileType, fileText *regexp.Regexp
}

// IsSet tells whether both languages are given.
func (t Text) IsSet() bool { return t.ZH != "" && t.EN != "" }
