package imapbox

// SetMaxUIDSetLen sets the longest UID set of one command until the test
// calls the function it returns.
func SetMaxUIDSetLen(n int) (restore func()) {
	old := maxUIDSetLen
	maxUIDSetLen = n
	return func() { maxUIDSetLen = old }
}

// FuncWriter turns a function into an io.Writer.
type FuncWriter = funcWriter
