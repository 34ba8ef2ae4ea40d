package intake

import (
	"os"
	"syscall"
)

// The crash tests (crash_test.go) run `intake poll --once` with
// INTAKE_CRASH_AT set to a step of the pipeline (after_fetch, after_commit,
// before_send, after_send, before_move); the process then kills itself with
// SIGKILL at that step, as a power cut would, and the test restarts it.
func init() {
	step := os.Getenv("INTAKE_CRASH_AT")
	if step == "" {
		return
	}
	crashPoint = func(s string) {
		if s == step {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {}
		}
	}
}
