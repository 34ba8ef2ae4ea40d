package intake

import "testing"

// TestCheckVariants runs a second, independent set of request mail, written
// differently from testdata/mail (other wordings, clients and charsets; made
// by gen.py beside it), through the code of `intake check` with the shipped
// config, against the outcome a careful reader of the process expects.
func TestCheckVariants(t *testing.T) { checkAgainst(t, "../testdata/variants") }

// TestCheckBlind runs a third set, written by someone who had read only the
// process and not the rules (made by gen.py beside it).
func TestCheckBlind(t *testing.T) { checkAgainst(t, "../testdata/blind") }

// TestCheckBlind2 runs a fourth set, also written from the process alone,
// about resellers, reply and forward chains, signatures and odd files.
func TestCheckBlind2(t *testing.T) { checkAgainst(t, "../testdata/blind2") }

// TestCheckBlind3 runs a fifth set, also written from the process alone:
// very short mail, synonyms, table layouts, odd separators and clients.
func TestCheckBlind3(t *testing.T) { checkAgainst(t, "../testdata/blind3") }

// TestCheckBlind4 runs a sixth set: two new mails for each kind of the
// example mail, written differently by someone who had not seen it.
func TestCheckBlind4(t *testing.T) { checkAgainst(t, "../testdata/blind4") }

// TestCheckBlind5 runs a seventh set, again two new mails for each kind of
// the example mail, from a different writer.
func TestCheckBlind5(t *testing.T) { checkAgainst(t, "../testdata/blind5") }

// TestCheckBlind6 runs a set written blind for the kinds of mail of the
// reading issue: auth codes as people type them, forward chains, replies,
// system mail, files by content, forms and TNEF (21 of 43 on first run).
func TestCheckBlind6(t *testing.T) { checkAgainst(t, "../testdata/blind6") }

// TestCheckBlind7 runs a set written blind in clients and styles no earlier
// set tried: Lotus Notes, service-desk relays, formal letters with numbered
// clauses, chat markdown, pinyin file names (42 of 48 on first run).
func TestCheckBlind7(t *testing.T) { checkAgainst(t, "../testdata/blind7") }

// TestCheckBlind8 runs a set written blind after the rules read blind7, by
// a writer who saw none of the earlier mail: formal letters, webmail, Excel
// rows pasted as text, Vietnamese and Thai English, system mail (44 of 46
// on first run).
func TestCheckBlind8(t *testing.T) { checkAgainst(t, "../testdata/blind8") }

// TestCheckReading runs mail for the reading issue's kinds that blind6
// leaves out, written by the engineer who changed the rules (none of the 9
// passed before those changes).
func TestCheckReading(t *testing.T) { checkAgainst(t, "../testdata/reading") }
