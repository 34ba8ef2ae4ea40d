#!/usr/bin/env bash
# bigmail.sh — intake's memory for one mail with a large attachment.
#
#   bash .ci/bigmail.sh [MiB]        (default 100)
#
# A complete request whose stamped letter is a MiB-sized PDF is polled by
# `intake poll --once` (decided, queued, forwarded to an SMTP sink with the
# file attached) and read by `intake check`; the same request with a small
# letter gives the idle figure of each. It prints the peak RSS of each run
# and the growth the large file causes, and fails when the forward did not
# reach the sink whole (a memory figure never fails it).
#
# Needs root on Debian (Dovecot from .ci/mailstack.sh). Ports:
# BIGMAIL_IMAP_PORT (11443), BIGMAIL_LMTP_PORT (10324), BIGMAIL_SINK_PORT
# (2826); BIGMAIL_KEEP=1 keeps the work folder.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
MIB=${1:-100}
IMAP_PORT=${BIGMAIL_IMAP_PORT:-11443}
LMTP_PORT=${BIGMAIL_LMTP_PORT:-10324}
SINK=127.0.0.1:${BIGMAIL_SINK_PORT:-2826}
NAME=bigmail KEEP=${BIGMAIL_KEEP:-} INTAKE_BIN=
. .ci/benchstack.sh
limit=$((MIB * 2 + 64))MiB
"$bench" config -in config.yaml -out "$work/intake.yaml" -imap "127.0.0.1:$IMAP_PORT" -smtp "$SINK" -data "$work/data" \
	-set "limits.max_message_bytes=$limit" -set "limits.max_attachment_bytes=$limit" -set "forwards.max_bytes=$limit"

# mail FILE LETTER_BYTES: a complete hardware-change request whose stamped
# letter (a PDF) has LETTER_BYTES bytes.
mail() {
	local b64text
	b64text=$(printf '%s' '您好：

我单位iMC服务器需要更换，申请License硬件变更。

最终用户单位名称：杭州示例医院
用户联系人：陈晓东
用户联系方式：0571-86621234
代理商工程师姓名：王磊
代理商工程师联系方式：13857120456
授权码：IMC-PLAT-7F3A-92QD-0C5E

附件为老服务器License文件、新服务器主机信息文件和盖章承诺书。
' | base64 -w 76)
	{
		printf 'From: =?utf-8?b?6ZmI5pmT5Lic?= <chen@hospital.example>\r\nTo: %s\r\n' "$USER_"
		printf 'Subject: =?utf-8?b?TGljZW5zZeehrOS7tuWPmOabtOeUs+ivtw==?=\r\nDate: Mon, 30 Nov 2026 08:00:00 +0800\r\n'
		printf 'Message-ID: <big-%s@hospital.example>\r\nMIME-Version: 1.0\r\n' "$2"
		printf 'Content-Type: multipart/mixed; boundary="b0"\r\n\r\n'
		printf -- '--b0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n%s\r\n' "$b64text"
		printf -- '--b0\r\nContent-Type: application/octet-stream; name="old-server.lic"\r\nContent-Disposition: attachment; filename="old-server.lic"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
		printf 'H3C Software License Activation File\r\nProduct: iMC PLAT 7.3\r\n' | base64 -w 76
		printf -- '\r\n--b0\r\nContent-Type: text/plain; name="hostinfo-new.txt"\r\nContent-Disposition: attachment; filename="=?utf-8?b?5paw5pyN5Yqh5Zmo5Li75py65L+h5oGvLnR4dA==?="\r\nContent-Transfer-Encoding: base64\r\n\r\n'
		printf '[HostInfo]\r\nHostID=NEW-1234-5678\r\n' | base64 -w 76
		printf -- '\r\n--b0\r\nContent-Type: application/pdf; name="=?utf-8?b?5om/6K+65LmmKOeblueroCkucGRm?="\r\nContent-Disposition: attachment; filename="=?utf-8?b?5om/6K+65LmmKOeblueroCkucGRm?="\r\nContent-Transfer-Encoding: base64\r\n\r\n'
		{ printf '%%PDF-1.4\n%% stamped letter\n'; head -c "$2" /dev/urandom; } | base64 -w 76
		printf -- '\r\n--b0--\r\n'
	} | sed 's/$/\r/; s/\r\r$/\r/' >"$1"
}
mail "$work/small.eml" 2000
mail "$work/big.eml" $((MIB << 20))
chown dovecot:dovecot "$work"/*.eml

MAILS=1 # for run: each run reads one mail
# poll NAME EML: a fresh store and INBOX holding EML alone, polled once.
poll() {
	sleep 1
	rm -rf "$maildir" "$work/data"
	mkdir -p "$maildir/new" "$maildir/cur" "$maildir/tmp"
	cp "$2" "$maildir/cur/1.$1:2,"
	chown -R dovecot:dovecot "$maildir"
	doveadm -c "$conf" mailbox status -u "$USER_" messages INBOX >/dev/null
	: >"$work/sink.log"
	sink_start
	run "$1" "$1" "$work/intake" poll --once --config "$work/intake.yaml"
	sink_stop
	grep -q 'license-engineers@example.test' "$work/sink.log" ||
		{ echo "bigmail: $1: no forward reached the sink" >&2; cat "$work/$1.log" >&2; exit 1; }
}

echo "== intake poll --once, a request with a small letter, then with a $MIB MiB one"
poll poll-small "$work/small.eml"
poll poll-big "$work/big.eml"
forward=$(find "$work/data/outbox" -name '*.eml' -size +"$MIB"M | head -n 1)
[[ -n $forward ]] || { echo "bigmail: the forward does not carry the $MIB MiB letter" >&2; exit 1; }
echo "== intake check, the same two mails"
run check-small check-small "$work/intake" check --json --config "$work/intake.yaml" "$work/small.eml"
run check-big check-big "$work/intake" check --json --config "$work/intake.yaml" "$work/big.eml"
grep -q '"action":"forward"' "$work/check-big.out" || { echo "bigmail: check did not decide forward" >&2; cat "$work/check-big.out" >&2; exit 1; }

echo
# rss NAME: the peak RSS of a run in KiB.
rss() { grep "\"name\":\"$1\"" "$results" | sed 's/.*"peak_rss_kib":\([0-9]*\).*/\1/'; }
awk -v mib="$MIB" -v ps="$(rss poll-small)" -v pb="$(rss poll-big)" -v cs="$(rss check-small)" -v cb="$(rss check-big)" 'BEGIN {
	printf "intake poll --once: %.1f MiB with a small letter, %.1f MiB with a %d MiB one: growth %.1f MiB\n", ps / 1024, pb / 1024, mib, (pb - ps) / 1024
	printf "intake check:       %.1f MiB with a small letter, %.1f MiB with a %d MiB one: growth %.1f MiB\n", cs / 1024, cb / 1024, mib, (cb - cs) / 1024
	printf "(target: growth under 64 MiB)\n"
}'
