#!/usr/bin/env bash
# Start-up of a one-shot command: `./varbind get` of two OIDs beside `snmpget` of the same two, whole
# processes, alternating (A B A B ...) in one run, against a snmpd this script starts on loopback and
# then against Varbind's built-in agent; prints each command's median, min and max of wall time and of
# CPU (user + system, every thread) and the median of the pairwise ratios.
# Usage (from the repository root, after `mvn -B -ntp -q package -DskipTests`):
#   benchmarks/scripts/startup.sh [runs]          (default 21; one warm-up run each, not counted)
# snmpget is given -M $VARBIND_MIB_DIRS (else ../shared/mibs) -m ALL to name the two OIDs as ./varbind does.
# BEFORE=/path/to/another/checkout (built) adds its ./varbind get to each round, for a ratio now/before.
# JAVA_HOME picks the JDK as for ./varbind. Needs /usr/sbin/snmpd and snmpget (Debian: snmpd, snmp).
set -eu
runs="${1:-21}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
# snmpget reads the standard MIBs as text (Debian's snmp has none of its own); ./varbind has them built in
mibs="${VARBIND_MIB_DIRS:-$root/../shared/mibs}"
snmpd_pid=""
agent_pid=""
cleanup() {
  [ -n "$snmpd_pid" ] && kill "$snmpd_pid" 2>/dev/null || true
  [ -n "$agent_pid" ] && kill "$agent_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# times one command: appends "wall user sys" to $2
time_one() {
  local out="$1"; shift
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -f '%U %S' -o "$work/t" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000 )) $(cat "$work/t")" >> "$out"
}

compare() {
  local label="$1" target="$2"
  local a=("$root/varbind" get -v2c -c public "$target" sysDescr.0 sysUpTime.0)
  local b=(snmpget -M "$mibs" -m ALL -v2c -c public "$target" sysDescr.0 sysUpTime.0)
  local c=()
  [ -n "${BEFORE:-}" ] && c=("$BEFORE/varbind" get -v2c -c public "$target" sysDescr.0 sysUpTime.0)
  rm -f "$work/a" "$work/b" "$work/c"
  # warm-up (and each checkout's class-data archive after a build)
  "${a[@]}" >/dev/null && "${b[@]}" >/dev/null && { [ -z "${BEFORE:-}" ] || "${c[@]}" >/dev/null; }
  for _ in $(seq "$runs"); do
    time_one "$work/a" "${a[@]}"
    time_one "$work/b" "${b[@]}"
    [ -z "${BEFORE:-}" ] || time_one "$work/c" "${c[@]}"
  done
  python3 - "$label" "$work/a" "$work/b" "$work/c" <<'EOF'
import os, statistics, sys
label, fa, fb, fc = sys.argv[1:]
def rows(f):
    return [(int(w) / 1e6, float(u) + float(s)) for w, u, s in (l.split() for l in open(f))]
def line(name, xs):
    w = [x[0] for x in xs]; c = [x[1] for x in xs]
    return f"  {name:<16} wall {statistics.median(w):.3f} s ({min(w):.3f}-{max(w):.3f})   cpu {statistics.median(c):.3f} s ({min(c):.3f}-{max(c):.3f})"
def ratio(name, xs, ys):
    rw = statistics.median(x[0] / y[0] for x, y in zip(xs, ys))
    rc = statistics.median(x[1] / max(y[1], 0.001) for x, y in zip(xs, ys))
    return f"  ratio {name} (median of pairs): wall {rw:.2f}x, cpu {rc:.2f}x"
a, b = rows(fa), rows(fb)
print(f"{label}: {len(a)} runs each, alternating")
print(line("./varbind get", a))
print(line("snmpget", b))
if os.path.exists(fc):
    c = rows(fc)
    print(line("BEFORE get", c))
    print(ratio("varbind/BEFORE", a, c))
print(ratio("varbind/snmpget", a, b))
EOF
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1)"

port=$(free_port)
printf 'rocommunity public 127.0.0.1\n' > "$work/snmpd.conf"
/usr/sbin/snmpd -C -c "$work/snmpd.conf" -p "$work/snmpd.pid" -Lf /dev/null "udp:127.0.0.1:$port"
for _ in $(seq 50); do [ -s "$work/snmpd.pid" ] && break; sleep 0.1; done
snmpd_pid=$(cat "$work/snmpd.pid")
compare "snmpd (udp:127.0.0.1:$port)" "udp:127.0.0.1:$port"
kill "$snmpd_pid"; snmpd_pid=""

port=$(free_port)
"$root/varbind" agent --listen "udp:127.0.0.1:$port" >/dev/null 2>&1 &
agent_pid=$!
for _ in $(seq 100); do snmpget -v2c -c public -t 0.2 -r 0 "udp:127.0.0.1:$port" sysDescr.0 >/dev/null 2>&1 && break; sleep 0.1; done
compare "built-in agent (./varbind agent, udp:127.0.0.1:$port)" "udp:127.0.0.1:$port"
