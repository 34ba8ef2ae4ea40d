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
# store that has seen the N, and the same poll on an empty store, and prints
# the ratio. With BENCH_SEEN=S as well (e.g. 100000), the store polled is one
# that has seen S mails instead: `intakebench seedstore` plays S mails of the
# same sets through the store's own commit path (cases in every state,
# replies and forwards sent, kept and failed, reminders, closings, retention)
# in minutes, without a mail server. N=0 skips the runs on the N mails:
#   BENCH_SEEN=100000 BENCH_SECOND=1000 bash .ci/bench.sh 0
# BENCH_SEEDED=DIR polls a copy of a data directory seeded before instead.
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
SEEN=${BENCH_SEEN:-0}
IMAP_PORT=${BENCH_IMAP_PORT:-11243}
LMTP_PORT=${BENCH_LMTP_PORT:-10124}
SINK=127.0.0.1:${BENCH_SINK_PORT:-2626}
if ! command -v imapfilter >/dev/null; then
	# A new machine's package lists may be empty or old: update them first.
	apt-get update >/dev/null
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends imapfilter >/dev/null
fi
NAME=bench KEEP=${BENCH_KEEP:-} INTAKE_BIN=${BENCH_INTAKE:-}
. .ci/benchstack.sh

sets=()
for f in testdata/*/expected.jsonl; do sets+=("$(dirname "$f")"); done
"$bench" gen -n "$N" -maildir "$work/seed" -eml "$work/eml" -expect "$work/expect.json" "${sets[@]}"
if ((SECOND > 0)); then
	# New senders and Message-IDs: past those of the N and of the seeded store.
	"$bench" gen -n "$SECOND" -seed 2 -offset $((N > 2 * SEEN ? N : 2 * SEEN)) -maildir "$work/seed2" -expect "$work/expect2.json" "${sets[@]}"
fi
chown -R dovecot:dovecot "$work/seed"* "$work/eml"
for data in data data-empty data-seeded; do
	"$bench" config -in config.yaml -out "$work/$data.yaml" -imap "127.0.0.1:$IMAP_PORT" -smtp "$SINK" -data "$work/$data"
done
mv "$work/data.yaml" "$work/intake.yaml"

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
# second CONFIG SEEN: time a poll of the SECOND mails on the store of CONFIG,
# which has seen SEEN mails, then the same poll on an empty store.
second() {
	echo "== $SECOND more mails: on the store that has seen $2, then on an empty one"
	reset "$work/seed2"
	sink_start
	MAILS=$SECOND run "poll $SECOND after $2" poll2 "$work/intake" poll --once --config "$1"
	sink_stop
	reset "$work/seed2"
	sink_start
	MAILS=$SECOND run "poll $SECOND on an empty store" poll3 "$work/intake" poll --once --config "$work/data-empty.yaml"
	sink_stop
	"$bench" verify -config "$work/data-empty.yaml" -expect "$work/expect2.json" -sink "$work/sink.log"
	du -sh "$(sed -n 's/^data_dir: *//p' "$1")" "$work/data-empty" | sed 's/^/store size: /'
}

if ((N > 0)); then
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
((SECOND > 0 && SEEN == 0)) && second "$work/intake.yaml" "$N"

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

fi

if ((SECOND > 0 && SEEN > 0)); then
	echo "== a store that has seen $SEEN mails"
	if [[ -n ${BENCH_SEEDED:-} ]]; then
		cp -a "$BENCH_SEEDED" "$work/data-seeded" # seeded before with seedstore -n $SEEN: to compare builds
	else
		"$bench" seedstore -config "$work/data-seeded.yaml" -n "$SEEN" "${sets[@]}"
	fi
	second "$work/data-seeded.yaml" "$SEEN"
fi

echo
if ((N > 0)); then
	"$bench" report -expect "$work/expect.json" "$results"
else
	"$bench" report -expect "$work/expect2.json" "$results"
fi
if ((SECOND > 0)); then
	"$bench" report -ratio "poll $SECOND after $((SEEN > 0 ? SEEN : N))" "poll $SECOND on an empty store" "$results"
fi
