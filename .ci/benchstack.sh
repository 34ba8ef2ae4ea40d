# benchstack.sh — sourced by bench.sh and bigmail.sh: a work folder under
# /tmp, intake and intakebench built into it, a private Dovecot (its own
# ports, clear of the end-to-end stack's) and, on exit, the removal of all
# of it.
#
# Set before sourcing: NAME (names the folder and the log lines),
# IMAP_PORT, LMTP_PORT, KEEP (not empty: the work folder stays) and
# INTAKE_BIN (not empty: time that intake binary, not one built from this
# tree). Sets: work, bench (intakebench), conf (Dovecot's), USER_ (the
# polled user), maildir (its INBOX), results; and the functions sink_start,
# sink_stop (an SMTP sink on $SINK logging to $work/sink.log, killed on
# exit too) and run.
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

sink_start() {
	"$bench" sink -listen "$SINK" -log "$work/sink.log" &
	sink_pid=$!
	for _ in $(seq 50); do
		(exec 3<>"/dev/tcp/${SINK%:*}/${SINK#*:}") 2>/dev/null && return 0
		sleep 0.1
	done
	echo "$NAME: the SMTP sink did not start" >&2
	exit 1
}
sink_stop() {
	kill "$sink_pid"
	wait "$sink_pid" || true
	sink_pid=
}
results="$work/results.jsonl"
# run NAME LOG COMMAND...: time COMMAND (counting MAILS mails, 0 when
# unset), its output and log going to LOG.out and LOG.log under the work
# folder; on failure, show the end of the log.
run() {
	local name=$1 log=$work/$2
	shift 2
	"$bench" measure -out "$results" -name "$name" -mails "${MAILS:-0}" -stdout "$log.out" -stderr "$log.log" -- "$@" ||
		{ tail -n 20 "$log.log" >&2; exit 1; }
}
