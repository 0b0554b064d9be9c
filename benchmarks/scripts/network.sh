#!/bin/sh
# Network benchmarks, Varbind beside SNMP4J and a plain DatagramChannel ping-pong in one run:
# (a) sequential GETs and (b) 64 in flight against a canned responder, (c) GETBULK walks of a
# real snmpd's whole tree (needs /usr/sbin/snmpd), (d) sequential v3 authPriv (SHA, AES-128) GETs
# of the same snmpd, (e) the walks of (c) as (d)'s v3 user. Each scenario runs the engine
# ("varbind"), the public Session API ("session") and SNMP4J side by side.
# (Compiler threads are fixed in number: their CPU is left out of the figures, see NetworkBench.)
# Usage (from the repository root, after `mvn -B -ntp -q package -DskipTests`):
#   benchmarks/scripts/network.sh [rounds [seconds-per-measurement [scenarios]]]   e.g. 7 3 abcde
# Without CEILING, (a) and (b) run against the canned responder of the benchmarks module, a Java
# thread in the benchmark's JVM. With CEILING=DIR, where DIR holds `responder` and `blaster` built
# from ../shared/perf/c (build them under /tmp, never into the project), (a) and (b) run against the
# C responder instead, and the C blaster's 64-in-flight sendmmsg figure against the same responder
# (the wire's ceiling) is measured before and after the Java run, for (b)'s fractions.
# JAVA_OPTS: more options for the benchmark JVM, e.g. -Dvarbind.transport.sendmmsg=false.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
pid=
port=
start_responder() {
  # a free port: the responder exits at once when its port is taken (perhaps by another user's
  # responder, whose answers the blaster would count as bad), so try others until one stays up
  tries=0
  while :; do
    port=$(( 20000 + ($$ * 7 + tries * 7919) % 30000 ))
    "$CEILING/responder" "$port" 127.0.0.1 >/dev/null 2>&1 &
    pid=$!
    sleep 0.3
    kill -0 "$pid" 2>/dev/null && return 0
    tries=$((tries + 1))
    [ "$tries" -lt 10 ] || { echo "C ceiling: no free port for the responder" >&2; exit 1; }
  done
}
ceiling() {
  printf 'C ceiling (%s): ' "$1"
  "$CEILING/blaster" 127.0.0.1 "$port" 64 "$2" -m || true
}
external=
if [ -n "${CEILING:-}" ]; then
  start_responder
  trap 'kill "$pid" 2>/dev/null || true' EXIT
  ceiling before "${2:-3}"
  external="-Dvarbind.bench.responder=127.0.0.1:$port"
fi
java -Xms512m -Xmx512m -XX:-UseDynamicNumberOfCompilerThreads ${JAVA_OPTS:-} $external -cp "$here/target/benchmarks.jar" \
  io.varbind.benchmarks.NetworkBench "$@"
if [ -n "${CEILING:-}" ]; then
  ceiling after "${2:-3}"
fi
