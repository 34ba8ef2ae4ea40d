# benchstack.sh — sourced by bench.sh and bigmail.sh: a work folder under
# /tmp, intake and intakebench built into it, a private Dovecot (its own
# ports, clear of the end-to-end stack's) and, on exit, the removal of all
# of it.
#
# Set before sourcing: NAME (names the folder and the log lines),
# IMAP_PORT, LMTP_PORT, KEEP (not empty: the work folder stays) and
# INTAKE_BIN (not empty: time that intake binary, not one built from this
# tree). Sets: work, bench (intakebench), conf (Dovecot's), USER_ (the
# polled user), maildir (its INBOX) and sink_pid, which the script sets to
# the SMTP sink it starts, killed on exit too.
work=$(mktemp -d "/tmp/intake-$NAME.XXXXXX")
chmod 755 "$work"
sink_pid=
cleanup() {
	[[ -n $sink_pid ]] && kill "$sink_pid" 2>/dev/null || true
	MAILSTACK_IMAP_PORT=$IMAP_PORT MAILSTACK_LMTP_PORT=$LMTP_PORT bash .ci/mailstack.sh stop "$work/stack" >/dev/null 2>&1 || true
	if [[ -n $KEEP ]]; then echo "$NAME: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

if [[ -n $INTAKE_BIN ]]; then
	cp "$INTAKE_BIN" "$work/intake" # another build, e.g. an older one to compare
else
	go build -o "$work/intake" ./cmd/intake
fi
go build -o "$work/intakebench" ./cmd/intakebench
bench="$work/intakebench"
MAILSTACK_IMAP_PORT=$IMAP_PORT MAILSTACK_LMTP_PORT=$LMTP_PORT bash .ci/mailstack.sh start-imap "$work/stack" >&2
conf="$work/stack/dovecot.conf"
USER_=intake@example.test
maildir="$work/stack/mail/$USER_"
