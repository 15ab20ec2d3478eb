#!/usr/bin/env bash
# tools/serve-over-vnc (what `./kiosk run` uses without a display) listens on loopback only,
# answers as a VNC server there, and leaves nothing running when it stops.
#   tst_serve_over_vnc.sh SCRIPT
set -euo pipefail
script=$1
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v ss >/dev/null || fail "ss (iproute2) is missing"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

listeners() { ss -ltnH "sport = :$port" | awk '{print $4}'; }
wait_for() { # wait_for SECONDS CONDITION...: poll the condition until it holds or time runs out
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.1
  done
}
has_listener() { [ -n "$(listeners)" ]; }
no_listener() { [ -z "$(listeners)" ]; }

"$script" --port "$port" -- sleep 600 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
wait_for 30 has_listener || fail "nothing listens on port $port after 30 s"

while read -r address; do
  case "$address" in
    "127.0.0.1:$port" | "[::1]:$port") echo "ok: listening on $address" ;;
    *) fail "listening on $address: the VNC server must be bound to loopback only" ;;
  esac
done < <(listeners)

exec 3<>"/dev/tcp/127.0.0.1/$port" || fail "cannot connect to 127.0.0.1:$port"
read -r -t 10 banner <&3 || fail "no greeting from 127.0.0.1:$port"
exec 3<&-
[[ $banner == "RFB 003."* ]] || fail "not a VNC server greeting on 127.0.0.1:$port: '$banner'"
echo "ok: VNC greeting '$banner' on loopback"

# From the machine's own LAN address, where it has one, the port must be closed.
for address in $(hostname -I 2>/dev/null); do
  [[ $address == 127.* || $address == ::1 ]] && continue
  [[ $address == *:* ]] && target="[$address]" || target=$address
  if (exec 4<>"/dev/tcp/$address/$port") 2>/dev/null; then
    fail "port $port answers on $target: reachable from the network"
  fi
  echo "ok: refused on $target"
done

kill -TERM "$pid"
wait "$pid" 2>/dev/null || true
wait_for 20 no_listener || fail "the VNC server still listens after serve-over-vnc stopped"
echo "ok: nothing left listening after stop"
