#!/bin/sh
# Network benchmarks, Varbind beside SNMP4J and a plain DatagramChannel ping-pong in one run:
# (a) sequential GETs and (b) 64 in flight against the canned responder of the benchmarks module,
# (c) GETBULK walks of a real snmpd's whole tree (needs /usr/sbin/snmpd), (d) sequential v3
# authPriv (SHA, AES-128) GETs of the same snmpd. Each scenario runs the engine ("varbind"),
# the public Session API ("session") and SNMP4J side by side.
# (Compiler threads are fixed in number: their CPU is left out of the figures, see NetworkBench.)
# Usage (from the repository root, after `mvn -B -ntp -q package -DskipTests`):
#   benchmarks/scripts/network.sh [rounds [seconds-per-measurement [scenarios]]]   e.g. 7 3 abcd
# With CEILING=DIR, where DIR holds `responder` and `blaster` built from ../shared/perf/c (build them
# under /tmp, never into the project), the C blaster's 64-in-flight sendmmsg figure against the C
# responder (the wire's ceiling) is measured before and after the Java run, for (b)'s fractions.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
ceiling() {
  [ -n "${CEILING:-}" ] || return 0
  port=$(( 20000 + $$ % 20000 ))
  "$CEILING/responder" "$port" 127.0.0.1 >/dev/null 2>&1 &
  pid=$!
  sleep 0.3
  printf 'C ceiling (%s): ' "$1"
  "$CEILING/blaster" 127.0.0.1 "$port" 64 "${2:-3}" -m || true
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
ceiling before "${2:-3}"
java -Xms512m -Xmx512m -XX:-UseDynamicNumberOfCompilerThreads -cp "$here/target/benchmarks.jar" io.varbind.benchmarks.NetworkBench "$@"
ceiling after "${2:-3}"
