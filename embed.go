// Package shipped holds the files intake ships with: the default config.yaml,
// the blank letter templates it names and the example mail `intake demo`
// seeds its mailbox with, embedded so that they work from any directory.
package shipped

import "embed"

// Files holds config.yaml, mailer/letters/*.docx and testdata/mail (the
// example mail and its expected.jsonl), at those paths.
//
//go:embed config.yaml mailer/letters/*.docx testdata/mail/*.eml testdata/mail/expected.jsonl
var Files embed.FS

// ConfigName is the name of the default config in Files.
const ConfigName = "config.yaml"

// ExampleMail is the folder of example mail in Files.
const ExampleMail = "testdata/mail"
