#!/usr/bin/env bash
# bench.sh — intake against the servers alone, on one backlog of request mail.
#
#   bash .ci/bench.sh [N]        (default 300; README's figures use 10000)
#
# Generates N realistic request mails from the mail sets under testdata/
# (every scenario, Chinese in UTF-8, GBK, GB2312 and Big5, English; one in ten
# with a 1–5 MiB attachment), puts them in a private Dovecot's INBOX (its own
# ports, so the e2e stack is left alone) and, each time on the same
# contents, times:
#   floor               fetch every body, send one small mail per answered
#                       request over one SMTP connection, one UID MOVE of all
#   intake poll         `intake poll --once`, the whole job (mail to an SMTP sink)
#   intake triage-only  `intake poll --once --no-send`
#   imapfilter          imapfilter matching bodies and moving (Debian's package)
#   intake check        `intake check --json` on the same mails as files
# and prints wall time, mails/s, peak RSS and the ratios. Each intake run is
# checked (mail filed by action, one case per request, mail sent or held);
# a mismatch fails the script, a time never does.
# With BENCH_SECOND=M (e.g. 1000), it also times a poll of M more mails on the
# store that has seen the N, and the same poll on an empty store.
#
# Needs root on Debian (Dovecot from .ci/mailstack.sh; imapfilter is installed
# with apt-get when missing). Ports: BENCH_IMAP_PORT (11243), BENCH_LMTP_PORT
# (10124), BENCH_SINK_PORT (2626). BENCH_INTAKE=FILE times that intake binary
# instead of one built from this tree (to compare with an older version);
# BENCH_KEEP=1 keeps the work folder (logs, store, sink log) for a look.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
N=${1:-300}
SECOND=${BENCH_SECOND:-0}
IMAP_PORT=${BENCH_IMAP_PORT:-11243}
LMTP_PORT=${BENCH_LMTP_PORT:-10124}
SINK=127.0.0.1:${BENCH_SINK_PORT:-2626}
USER_=intake@example.test

work=$(mktemp -d /tmp/intake-bench.XXXXXX)
chmod 755 "$work"
sink_pid=
cleanup() {
	[[ -n $sink_pid ]] && kill "$sink_pid" 2>/dev/null || true
	MAILSTACK_IMAP_PORT=$IMAP_PORT MAILSTACK_LMTP_PORT=$LMTP_PORT bash .ci/mailstack.sh stop "$work/stack" >/dev/null 2>&1 || true
	if [[ -n ${BENCH_KEEP:-} ]]; then echo "bench: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

if ! command -v imapfilter >/dev/null; then
	# A new machine's package lists may be empty or old: update them first.
	apt-get update >/dev/null
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends imapfilter >/dev/null
fi
if [[ -n ${BENCH_INTAKE:-} ]]; then
	cp "$BENCH_INTAKE" "$work/intake" # another build, e.g. an older one to compare
else
	go build -o "$work/intake" ./cmd/intake
fi
go build -o "$work/intakebench" ./cmd/intakebench
bench="$work/intakebench"
MAILSTACK_IMAP_PORT=$IMAP_PORT MAILSTACK_LMTP_PORT=$LMTP_PORT bash .ci/mailstack.sh start-imap "$work/stack"
conf="$work/stack/dovecot.conf"
maildir="$work/stack/mail/$USER_"

sets=()
for f in testdata/*/expected.jsonl; do sets+=("$(dirname "$f")"); done
"$bench" gen -n "$N" -maildir "$work/seed" -eml "$work/eml" -expect "$work/expect.json" "${sets[@]}"
if ((SECOND > 0)); then
	"$bench" gen -n "$SECOND" -seed 2 -offset "$N" -maildir "$work/seed2" -expect "$work/expect2.json" "${sets[@]}"
fi
chown -R dovecot:dovecot "$work/seed"* "$work/eml"
"$bench" config -in config.yaml -out "$work/intake.yaml" -imap "127.0.0.1:$IMAP_PORT" -smtp "$SINK" -data "$work/data"

# reset SEED: the polled INBOX holds exactly the seed's mails, indexed, and
# no other folder exists. Files are hard links (Dovecot never rewrites a
# maildir file); the pause gives the new mailbox a new UIDVALIDITY.
reset() {
	sleep 1
	rm -rf "$maildir"
	cp -al "$1" "$maildir"
	chown dovecot:dovecot "$maildir"
	doveadm -c "$conf" mailbox status -u "$USER_" messages INBOX >/dev/null
}
sink_start() {
	"$bench" sink -listen "$SINK" -log "$work/sink.log" &
	sink_pid=$!
	for _ in $(seq 50); do
		(exec 3<>"/dev/tcp/${SINK%:*}/${SINK#*:}") 2>/dev/null && return 0
		sleep 0.1
	done
	echo "bench: the SMTP sink did not start" >&2
	exit 1
}
sink_stop() {
	kill "$sink_pid"
	wait "$sink_pid" || true
	sink_pid=
}
results="$work/results.jsonl"
# run NAME LOG COMMAND...: time COMMAND, its output and log going to LOG.out
# and LOG.log under the work folder; on failure, show the end of the log.
run() {
	local name=$1 log=$work/$2
	shift 2
	"$bench" measure -out "$results" -name "$name" -mails "${MAILS:-0}" -stdout "$log.out" -stderr "$log.log" -- "$@" ||
		{ tail -n 20 "$log.log" >&2; exit 1; }
}

echo "== floor"
reset "$work/seed"
sink_start
run floor floor "$bench" floor -imap "127.0.0.1:$IMAP_PORT" -smtp "$SINK"
sink_stop

echo "== intake poll --once"
reset "$work/seed"
sink_start
run "intake poll" poll "$work/intake" poll --once --config "$work/intake.yaml"
sink_stop
"$bench" verify -config "$work/intake.yaml" -expect "$work/expect.json" -sink "$work/sink.log"

if ((SECOND > 0)); then
	echo "== $SECOND more mails: on the store that has seen $N, then on an empty one"
	reset "$work/seed2"
	sink_start
	MAILS=$SECOND run "poll $SECOND after $N" poll2 "$work/intake" poll --once --config "$work/intake.yaml"
	sink_stop
	mv "$work/data" "$work/data-seen"
	reset "$work/seed2"
	sink_start
	MAILS=$SECOND run "poll $SECOND on an empty store" poll3 "$work/intake" poll --once --config "$work/intake.yaml"
	sink_stop
	"$bench" verify -config "$work/intake.yaml" -expect "$work/expect2.json" -sink "$work/sink.log"
	du -sh "$work/data-seen" "$work/data" | sed 's/^/store size: /'
fi

echo "== intake poll --once --no-send"
rm -rf "$work/data"
reset "$work/seed"
run "intake triage-only" triage "$work/intake" poll --once --no-send --config "$work/intake.yaml"
"$bench" verify -config "$work/intake.yaml" -expect "$work/expect.json"

echo "== imapfilter"
reset "$work/seed"
cat >"$work/imapfilter.lua" <<EOF
options.timeout = 600
options.create = true
options.subscribe = false
local acc = IMAP { server = '127.0.0.1', port = $IMAP_PORT, username = '$USER_', password = 'secret' }
local all = acc.INBOX:select_all()
local requests = all:match_body('找回|硬件变更|解绑|recover|lost|hardware|unbind|[Ll]icense')
requests:move_messages(acc['Intake/Waiting'])
acc.INBOX:select_all():move_messages(acc['Intake/Ignored'])
EOF
HOME="$work" run imapfilter imapfilter imapfilter -c "$work/imapfilter.lua"
left=$(doveadm -c "$conf" mailbox status -u "$USER_" messages INBOX)
[[ $left == *"messages=0" ]] || { echo "bench: imapfilter left $left in INBOX" >&2; exit 1; }

echo "== intake check"
run "intake check" check "$work/intake" check --json --config "$work/intake.yaml" "$work/eml"
test "$(wc -l <"$work/check.out")" -eq "$N"

echo
"$bench" report -expect "$work/expect.json" "$results"
