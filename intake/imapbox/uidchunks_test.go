package imapbox

import (
	"testing"

	"github.com/emersion/go-imap/v2"
)

// TestUIDChunks: a sparse UID set is cut into sets that each fit the line
// limit and together hold every UID once.
func TestUIDChunks(t *testing.T) {
	var uids []imap.UID
	for u := imap.UID(1_000_000); u < 1_030_000; u += 2 { // 15,000 lone UIDs: 120 KB as one set
		uids = append(uids, u)
	}
	uids = append(uids, 5, 6, 7, 9)
	chunks := uidChunks(uids, maxUIDSetLen)
	if len(chunks) < 2 {
		t.Fatalf("uidChunks gave %d set(s) for %d sparse UIDs, want several", len(chunks), len(uids))
	}
	seen := map[imap.UID]bool{}
	for _, c := range chunks {
		if n := len(c.String()); n > maxUIDSetLen {
			t.Errorf("a set is %d bytes, over %d", n, maxUIDSetLen)
		}
		nums, _ := c.Nums()
		for _, u := range nums {
			if seen[u] {
				t.Errorf("uid %d in two sets", u)
			}
			seen[u] = true
		}
	}
	if len(seen) != len(uids) {
		t.Errorf("the sets hold %d UIDs, want %d", len(seen), len(uids))
	}
	if got := uidChunks([]imap.UID{1, 2, 3}, maxUIDSetLen); len(got) != 1 || got[0].String() != "1:3" {
		t.Errorf("uidChunks(1,2,3) = %v, want 1:3", got)
	}
}
