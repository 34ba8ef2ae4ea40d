// Package shipped holds the files intake ships with: the default config.yaml
// and the blank letter templates it names, embedded so that `intake demo`
// and `intake check` work from any directory.
package shipped

import "embed"

// Files holds config.yaml and mailer/letters/*.docx, at those paths.
//
//go:embed config.yaml mailer/letters/*.docx
var Files embed.FS

// ConfigName is the name of the default config in Files.
const ConfigName = "config.yaml"
