#!/usr/bin/env bash
# mailstack.sh — a real Dovecot + Postfix mail stack on loopback for intake's
# end-to-end tests (DESIGN §6).
#
#   bash .ci/mailstack.sh install        apt-get install dovecot-imapd dovecot-lmtpd postfix
#                                        (skipped quickly when already installed)
#   bash .ci/mailstack.sh start DIR      configure and start (or reload) both servers;
#                                        Dovecot's config, state, logs and maildirs live in DIR
#   bash .ci/mailstack.sh start-imap DIR only Dovecot (IMAP and LMTP), Postfix left alone:
#                                        a private instance on other ports (the benchmark)
#   bash .ci/mailstack.sh stop DIR       stop both servers
#   bash .ci/mailstack.sh status DIR     tell whether the listeners answer
#
# Must run as root on Debian 12. Everything listens on 127.0.0.1 only:
#   IMAP  127.0.0.1:11143  (Dovecot, plaintext LOGIN/PLAIN, no TLS)
#   LMTP  127.0.0.1:10024  (Dovecot, Postfix delivers into it)
#   SMTP  127.0.0.1:2525   (Postfix; any @example.test user, relayed for 127.0.0.0/8;
#                           mail to @bounces.example.test is accepted, then bounced 5.1.1)
# Users (password "secret", or $MAILSTACK_PASSWORD): see USERS below, plus any
# addresses listed in $MAILSTACK_EXTRA_USERS (space separated, @example.test).
# Ports can be changed with MAILSTACK_IMAP_PORT / MAILSTACK_LMTP_PORT / MAILSTACK_SMTP_PORT.
# MAILSTACK_DOVECOT_ONLY=1 starts and stops Dovecot alone (a second instance on other ports
# beside a running stack: the fault suite's, which it restarts and kicks at will), and
# MAILSTACK_IMAP_CAPABILITY replaces the IMAP capabilities Dovecot announces after login
# (to hide MOVE and UIDPLUS, say).
# IMAP also takes OAuth 2.0 bearer tokens (XOAUTH2, OAUTHBEARER): Dovecot's oauth2
# passdb asks a token introspection endpoint on http://127.0.0.1:11180/introspect
# ($MAILSTACK_OAUTH_PORT), which the OAuth end-to-end test serves while it runs.
#
# Postfix has a single system-wide configuration: `start` rewrites a few of its
# main.cf/master.cf settings with postconf (it is meant for throwaway test machines).
set -euo pipefail

IMAP_PORT="${MAILSTACK_IMAP_PORT:-11143}"
LMTP_PORT="${MAILSTACK_LMTP_PORT:-10024}"
SMTP_PORT="${MAILSTACK_SMTP_PORT:-2525}"
OAUTH_PORT="${MAILSTACK_OAUTH_PORT:-11180}"
PASSWORD="${MAILSTACK_PASSWORD:-secret}"
DOMAIN="example.test"
BOUNCE_DOMAIN="bounces.example.test" # accepted, then bounced: see configure_postfix
USERS=(
  "intake@${DOMAIN}"
  "customer@${DOMAIN}"
  "engineer@${DOMAIN}"
  "engineers@${DOMAIN}"
  "admin@${DOMAIN}"
)
# shellcheck disable=SC2206
USERS+=(${MAILSTACK_EXTRA_USERS:-})
WAIT_SECONDS="${MAILSTACK_WAIT_SECONDS:-30}"
DOVECOT_ONLY="${MAILSTACK_DOVECOT_ONLY:-}"
IMAP_CAPABILITY="${MAILSTACK_IMAP_CAPABILITY:-}"

log() { printf 'mailstack: %s\n' "$*" >&2; }
die() { printf 'mailstack: error: %s\n' "$*" >&2; exit 1; }

need_root() { [[ $(id -u) -eq 0 ]] || die "must run as root"; }

usage() {
  sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

installed() {
  command -v dovecot >/dev/null 2>&1 || return 1
  command -v doveadm >/dev/null 2>&1 || return 1
  command -v postfix >/dev/null 2>&1 || return 1
  command -v postconf >/dev/null 2>&1 || return 1
  local p
  for p in dovecot-imapd dovecot-lmtpd postfix; do
    [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) == "install ok installed" ]] || return 1
  done
}

cmd_install() {
  need_root
  if installed; then
    log "dovecot-imapd, dovecot-lmtpd and postfix already installed"
    return 0
  fi
  # Keep the packages' own init scripts from starting a system-wide Dovecot
  # (which would listen on every interface) or Postfix during the install.
  local policy=/usr/sbin/policy-rc.d made_policy=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    made_policy=1
  fi
  # "No configuration": no questions, no main.cf written; `start` configures it.
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  echo "postfix postfix/mailname string localhost.localdomain" | debconf-set-selections
  local rc=0
  {
    apt-get update &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
      dovecot-imapd dovecot-lmtpd postfix
  } || rc=$?
  if [[ $made_policy -eq 1 ]]; then rm -f "$policy"; fi
  [[ $rc -eq 0 ]] || die "apt-get install failed (exit $rc)"
  installed || die "packages still missing after apt-get install"
  log "installed: $(dovecot --version 2>/dev/null | head -n1) / postfix $(postconf -dh mail_version 2>/dev/null)"
}

# answers HOST PORT PREFIX: true when a TCP connect works and the greeting starts with PREFIX.
answers() {
  local host=$1 port=$2 prefix=$3 line
  # shellcheck disable=SC2016 # expanded by the inner bash
  line=$(timeout 3 bash -c '
    exec 3<>"/dev/tcp/$1/$2" || exit 1
    IFS= read -r -t 2 line <&3 || exit 1
    printf "%s" "$line"
    case $3 in
      "* OK"*) printf "a1 LOGOUT\r\n" >&3 ;;
      *)       printf "QUIT\r\n" >&3 ;;
    esac
    exec 3<&-' _ "$host" "$port" "$prefix" 2>/dev/null) || return 1
  [[ $line == "$prefix"* ]]
}

dirs() {
  [[ $# -ge 1 && -n $1 ]] || die "missing DIR argument"
  DIR=$1
  mkdir -p "$DIR"
  DIR=$(cd "$DIR" && pwd -P)
  CONF="$DIR/dovecot.conf"
  RUN="$DIR/run"              # Dovecot base_dir (sockets, master.pid)
  STATE="$DIR/state"
  MAIL="$DIR/mail"
  HOMES="$DIR/home"
  DOVECOT_LOG="$DIR/dovecot.log"
  POSTFIX_LOG="$DIR/postfix.log"
  START_LOG="$DIR/mailstack.log"   # output of the daemons' start/stop commands
}

# alive PID: the process exists and is not a zombie (in containers whose PID 1
# does not reap, a stopped daemon can linger as one).
alive() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]]
}

dovecot_pid() {
  local pid
  [[ -s $RUN/master.pid ]] || return 1
  pid=$(<"$RUN/master.pid")
  [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" || return 1
  printf '%s' "$pid"
}

postfix_running() { postfix status >/dev/null 2>&1; }

# detached LOGFILE CMD...: run CMD with stdin from /dev/null, stdout/stderr
# appended to LOGFILE and every other descriptor closed, so the daemons it leaves
# behind never hold the caller's pipes open (`mailstack.sh start | tee`, a Go
# test's exec.Cmd output, CI log capture would otherwise wait for ever).
detached() {
  local logfile=$1
  shift
  (
    for fd in "/proc/$BASHPID/fd"/*; do
      fd=${fd##*/}
      if [[ $fd =~ ^[0-9]+$ ]] && ((fd > 2)); then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    exec "$@" </dev/null >>"$logfile" 2>&1
  )
}

write_dovecot_conf() {
  local uid gid
  uid=$(id -u dovecot) || die "no dovecot user (run: $0 install)"
  gid=$(id -g dovecot)
  getent passwd dovenull >/dev/null || die "no dovenull user (run: $0 install)"

  install -d -m 0755 "$DIR" "$STATE"
  install -d -m 0700 -o dovecot -g dovecot "$MAIL" "$HOMES"
  local u
  for u in "${USERS[@]}"; do
    install -d -m 0700 -o dovecot -g dovecot "$HOMES/$u"
  done
  # Dovecot's mail processes run as the dovecot user: every parent of DIR must let it through.
  runuser -u dovecot -- test -w "$MAIL" ||
    die "user dovecot cannot write $MAIL: a parent of $DIR is not searchable by others (chmod o+x it, or pick another DIR)"

  local users_file="$DIR/users"
  : >"$users_file.tmp"
  for u in "${USERS[@]}"; do
    [[ $u == *@* && $u != *:* ]] || die "bad user name: $u"
    printf '%s:{PLAIN}%s::::::\n' "$u" "$PASSWORD" >>"$users_file.tmp"
  done
  chown root:dovecot "$users_file.tmp"
  chmod 0640 "$users_file.tmp"
  mv -f "$users_file.tmp" "$users_file"

  # The OAuth passdb: a token is good when the introspection endpoint says it
  # is active for that user (RFC 7662).
  cat >"$DIR/dovecot-oauth2.conf.ext" <<EOF
introspection_mode = post
introspection_url = http://127.0.0.1:$OAUTH_PORT/introspect
username_attribute = username
active_attribute = active
active_value = true
timeout_msecs = 5000
EOF

  cat >"$CONF.tmp" <<EOF
# Written by mailstack.sh start; rewritten on every start.
protocols = imap lmtp
listen = 127.0.0.1
base_dir = $RUN
state_dir = $STATE
instance_name = mailstack
log_path = $DOVECOT_LOG
auth_verbose = yes
verbose_proctitle = yes

ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login xoauth2 oauthbearer

default_login_user = dovenull
default_internal_user = dovecot
mail_uid = $uid
mail_gid = $gid
first_valid_uid = $uid
last_valid_uid = $uid
first_valid_gid = $gid
last_valid_gid = $gid

mail_location = maildir:$MAIL/%u
mail_max_userip_connections = 100

namespace inbox {
  inbox = yes
  separator = /
  mailbox Drafts {
    special_use = \\Drafts
  }
  mailbox Sent {
    special_use = \\Sent
  }
  mailbox Trash {
    special_use = \\Trash
  }
}

passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%Lu $users_file
}
passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = $DIR/dovecot-oauth2.conf.ext
}
userdb {
  driver = static
  args = uid=$uid gid=$gid home=$HOMES/%Lu
}

service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $LMTP_PORT
  }
}
EOF
  if [[ -n $IMAP_CAPABILITY ]]; then
    printf 'protocol imap {\n  imap_capability = %s\n}\n' "$IMAP_CAPABILITY" >>"$CONF.tmp"
  fi
  mv -f "$CONF.tmp" "$CONF"
  doveconf -c "$CONF" -n >/dev/null 2>"$DIR/doveconf.err" ||
    die "invalid Dovecot config $CONF: $(cat "$DIR/doveconf.err")"
  rm -f "$DIR/doveconf.err"
}

start_dovecot() {
  local v
  v=$(dovecot --version 2>/dev/null) || die "dovecot not installed (run: $0 install)"
  [[ $v == 2.3.* ]] || die "Dovecot $v: this script writes a Dovecot 2.3 config (Debian 12); 2.4 needs its new syntax"
  write_dovecot_conf
  if dovecot_pid >/dev/null; then
    log "dovecot already running (pid $(dovecot_pid)): reloading $CONF"
    detached "$START_LOG" doveadm -c "$CONF" reload || die "doveadm reload failed: $(tail -n 20 "$START_LOG")"
  else
    rm -f "$RUN/master.pid"
    detached "$START_LOG" dovecot -c "$CONF" || die "dovecot failed to start: $(tail -n 20 "$START_LOG")
running dovecot masters (another DIR's stack? stop it with: $0 stop THAT_DIR): $(pgrep -a -x dovecot 2>/dev/null || echo none)"
  fi
}

configure_postfix() {
  command -v postconf >/dev/null || die "postfix not installed (run: $0 install)"
  local etc
  etc=$(postconf -dh config_directory)
  # "No configuration" installs leave master.cf/main.cf out; start from the stock files.
  [[ -s $etc/master.cf ]] || cp /usr/share/postfix/master.cf.dist "$etc/master.cf"
  [[ -e $etc/main.cf ]] || : >"$etc/main.cf"
  : >>"$POSTFIX_LOG"
  postconf -e \
    "compatibility_level = 3.6" \
    "myhostname = mx.mailstack.test" \
    "mydomain = mailstack.test" \
    "myorigin = \$myhostname" \
    "inet_interfaces = loopback-only" \
    "inet_protocols = ipv4" \
    "mydestination =" \
    "mynetworks = 127.0.0.0/8" \
    "relayhost =" \
    "relay_domains = $BOUNCE_DOMAIN" \
    "transport_maps = inline:{ $BOUNCE_DOMAIN=bouncer: }" \
    "alias_maps =" \
    "alias_database =" \
    "virtual_mailbox_domains = $DOMAIN" \
    "virtual_transport = lmtp:inet:127.0.0.1:$LMTP_PORT" \
    "default_transport = error:no external delivery" \
    "relay_transport = error:no external delivery" \
    "smtputf8_enable = no" \
    "message_size_limit = 52428800" \
    "mailbox_size_limit = 0" \
    "biff = no" \
    "append_dot_mydomain = no" \
    "smtpd_banner = \$myhostname ESMTP mailstack" \
    "queue_run_delay = 5s" \
    "minimal_backoff_time = 5s" \
    "maximal_backoff_time = 30s" \
    "maillog_file_prefixes = /var, /dev/stdout, $DIR" \
    "maillog_file = $POSTFIX_LOG"
  # The test listener, and postlogd for maillog_file. postconf -M replaces an
  # existing entry of the same name, so this is idempotent.
  postconf -M "127.0.0.1:$SMTP_PORT/inet=127.0.0.1:$SMTP_PORT inet n - n - - smtpd"
  postconf -M "postlog/unix-dgram=postlog unix-dgram n - n - 1 postlogd"
  # Mail to $BOUNCE_DOMAIN is accepted, then bounced at delivery as "user
  # unknown" (exit 67 is EX_NOUSER, 5.1.1): a delivery status notification
  # comes back to the sender, as from a relay that learns late.
  postconf -M "bouncer/unix=bouncer unix - n n - - pipe flags= user=nobody argv=/bin/sh -c { exit 67 }"
  # No port-25 listener: the stack only needs the test port.
  if [[ -n $(postconf -M smtp/inet 2>/dev/null) ]]; then
    postconf -MX smtp/inet
  fi
  # Debian's helper copies resolv.conf, hosts, services… into the chroot jail.
  if [[ -x /usr/lib/postfix/configure-instance.sh ]]; then
    /usr/lib/postfix/configure-instance.sh - >/dev/null 2>&1 || true
  fi
}

start_postfix() {
  configure_postfix
  if postfix_running; then
    log "postfix already running: reloading"
    detached "$START_LOG" postfix reload || die "postfix reload failed: $(tail -n 20 "$START_LOG")"
  else
    detached "$START_LOG" postfix start ||
      die "postfix start failed: $(tail -n 20 "$START_LOG"); log: $(tail -n 20 "$POSTFIX_LOG" 2>/dev/null)"
  fi
}

wait_for() {
  local name=$1 port=$2 prefix=$3 logfile=$4 deadline=$((SECONDS + WAIT_SECONDS))
  until answers 127.0.0.1 "$port" "$prefix"; do
    if ((SECONDS >= deadline)); then
      log "$name did not answer on 127.0.0.1:$port within ${WAIT_SECONDS}s"
      log "last lines of $logfile:"
      tail -n 30 "$logfile" >&2 2>/dev/null || true
      log "processes: $(pgrep -a 'dovecot|master' 2>/dev/null | tr '\n' ';')"
      exit 1
    fi
    sleep 0.2
  done
}

cmd_start() {
  need_root
  dirs "$@"
  start_dovecot
  [[ -n $DOVECOT_ONLY ]] || start_postfix
  wait_for "Dovecot IMAP" "$IMAP_PORT" "* OK" "$DOVECOT_LOG"
  wait_for "Dovecot LMTP" "$LMTP_PORT" "220" "$DOVECOT_LOG"
  [[ -n $DOVECOT_ONLY ]] || wait_for "Postfix SMTP" "$SMTP_PORT" "220" "$POSTFIX_LOG"
  cat <<EOF
mailstack up (dir $DIR)
  IMAP  127.0.0.1:$IMAP_PORT   (plaintext login, password "$PASSWORD")
  SMTP  127.0.0.1:$SMTP_PORT    (no auth; relays to @$DOMAIN for 127.0.0.0/8)
  LMTP  127.0.0.1:$LMTP_PORT
  users ${USERS[*]}
  logs  $DOVECOT_LOG $POSTFIX_LOG
  doveadm -c $CONF ...
export INTAKE_E2E_IMAP=127.0.0.1:$IMAP_PORT INTAKE_E2E_SMTP=127.0.0.1:$SMTP_PORT
EOF
}

cmd_start_imap() {
  need_root
  dirs "$@"
  start_dovecot
  wait_for "Dovecot IMAP" "$IMAP_PORT" "* OK" "$DOVECOT_LOG"
  wait_for "Dovecot LMTP" "$LMTP_PORT" "220" "$DOVECOT_LOG"
  echo "dovecot up (dir $DIR): IMAP 127.0.0.1:$IMAP_PORT, maildirs under $MAIL"
}

cmd_stop() {
  need_root
  dirs "$@"
  local pid
  if pid=$(dovecot_pid); then
    detached "$START_LOG" doveadm -c "$CONF" stop || kill "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 10))
    while alive "$pid"; do
      if ((SECONDS >= deadline)); then kill -9 "$pid" 2>/dev/null || true; break; fi
      sleep 0.1
    done
    log "dovecot stopped"
  else
    log "dovecot not running for $DIR"
  fi
  local owner
  owner=$(postconf -h maillog_file 2>/dev/null || true)
  if [[ -n $DOVECOT_ONLY ]]; then
    :
  elif [[ -n $owner && $owner != "$POSTFIX_LOG" ]]; then
    log "postfix was last configured by another DIR (maillog_file = $owner): left alone"
  elif command -v postfix >/dev/null && postfix_running; then
    detached "$START_LOG" postfix stop || true
    local deadline=$((SECONDS + 10))
    while postfix_running && ((SECONDS < deadline)); do sleep 0.1; done
    log "postfix stopped"
  else
    log "postfix not running"
  fi
}

cmd_status() {
  dirs "$@"
  local rc=0 name port prefix
  for name in IMAP LMTP SMTP; do
    case $name in
      IMAP) port=$IMAP_PORT prefix="* OK" ;;
      LMTP) port=$LMTP_PORT prefix="220" ;;
      SMTP) port=$SMTP_PORT prefix="220" ;;
    esac
    if answers 127.0.0.1 "$port" "$prefix"; then
      echo "$name 127.0.0.1:$port up"
    else
      echo "$name 127.0.0.1:$port down"
      rc=1
    fi
  done
  return $rc
}

main() {
  [[ $# -ge 1 ]] || usage
  local sub=$1
  shift
  case $sub in
    install) cmd_install ;;
    start) cmd_start "$@" ;;
    start-imap) cmd_start_imap "$@" ;;
    stop) cmd_stop "$@" ;;
    status) cmd_status "$@" ;;
    -h | --help | help) usage ;;
    *) usage ;;
  esac
}

main "$@"
