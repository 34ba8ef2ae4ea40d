// Command intakebench measures intake on a backlog of request mail against
// real servers: it generates the backlog, runs the floor (what the servers
// alone cost for the same job), times and checks each contender, and prints
// the figures. .ci/bench.sh drives it; README.md's performance section has
// the figures and the command.
package main

import (
	"fmt"
	"os"
)

const usage = `usage:
  intakebench gen -n N -maildir DIR -expect FILE [-eml DIR] TEMPLATE_DIR...
  intakebench seedstore -config FILE [-n N] [-days D] TEMPLATE_DIR...
  intakebench config -in FILE -out FILE -imap ADDR -smtp ADDR -data DIR [-set KEY=VALUE]...
  intakebench sink -listen ADDR -log FILE
  intakebench floor -imap ADDR -smtp ADDR
  intakebench measure -name NAME -out FILE [-stdout FILE] [-stderr FILE] -- COMMAND...
  intakebench verify -config FILE -expect FILE -sink FILE
  intakebench report -expect FILE RESULTS_FILE
  intakebench report -ratio NAME NAME RESULTS_FILE
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	cmds := map[string]func([]string) error{
		"gen": gen, "config": config, "sink": sink, "floor": floor,
		"seedstore": seedstore, "measure": measure, "verify": verify, "report": report,
	}
	f, ok := cmds[os.Args[1]]
	if !ok {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	if err := f(os.Args[2:]); err != nil {
		fmt.Fprintf(os.Stderr, "intakebench %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}
