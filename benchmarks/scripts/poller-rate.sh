#!/bin/sh
# The poller's maximum sustained rate at equal CPU (issue 18, section 1): Varbind's Poller and
# SNMP4J (driven as PollerBench describes), each in its own JVM pinned to one core (CLIENT_CPU,
# default 1), the simulated devices pinned to the other (AGENT_CPU, default 0). TARGETS devices,
# each polled with one GET of OIDS OIDs every INTERVAL, for each interval of the list: the offered
# rate is TARGETS/INTERVAL polls per second, raised without more ports. Each run prints
# PollerBench's figures and a RESULT line: "sustained" when, in each half of the window, at least
# 99% of the polls due succeeded and p99 start lateness stayed under 100 ms (a growing backlog
# fails the second half); "behind" otherwise; "agent-bound" when the devices' process used more
# than 85% of its core (the rate then says nothing about the client). A client that falls behind
# at two rates in a row is not run at higher ones. Last, each client's highest sustained rate and
# their ratio.
#
# Devices: AGENT=c (default) is benchmarks/src/test/c/pollresponder.c, compiled here with gcc (a
# few us per answer, so it is not the limit); AGENT=java is the built-in `./varbind agent` (one
# event loop; about 19 us per 10-OID GET, so it binds near 50,000 polls/s).
# NICE=-10 (root only) runs both sides at that niceness: on a machine shared with other work it
# keeps the pinned cores mostly theirs; leave it unset on a quiet machine.
# Usage (from the repository root, after `mvn -B -ntp -q package -DskipTests`):
#   benchmarks/scripts/poller-rate.sh [targets [oids [measure-seconds [intervals [base-port]]]]]
#   e.g. benchmarks/scripts/poller-rate.sh 10000 10 10 "1 0.5 0.33 0.25 0.2 0.167 0.143 0.125" 1200
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
targets=${1:-10000}
oids=${2:-10}
seconds=${3:-10}
intervals=${4:-"1 0.5 0.33 0.25 0.2 0.167 0.143 0.125"}
base=${5:-1200}   # below Linux's ephemeral ports (32768-60999), which other programs take at random
# taskset and nice each exec what they run, so $! below is the devices' own pid
niceness=
[ -z "${NICE:-}" ] || niceness="nice -n $NICE"
agent_cpu=${AGENT_CPU:-0}
client_cpu=${CLIENT_CPU:-1}
last=$((base + targets - 1))
if [ "${AGENT:-c}" = java ]; then
  taskset -c "$agent_cpu" $niceness "$root/varbind" agent --listen "udp:127.0.0.1:$base-$last" -q --threads 1 &
  agent=$!
  wait_s=8
else
  gcc -O2 -o "$here/target/pollresponder" "$here/src/test/c/pollresponder.c"
  taskset -c "$agent_cpu" $niceness "$here/target/pollresponder" 127.0.0.1 "$base" "$targets" &
  agent=$!
  wait_s=1
fi
trap 'kill $agent 2>/dev/null || true' EXIT INT TERM
sleep "$wait_s"
if ! kill -0 "$agent" 2>/dev/null; then
  echo "$(basename "$0"): the devices did not start on udp:127.0.0.1:$base-$last (a port in use? pick another base)" >&2
  exit 1
fi
out=$(mktemp)
for client in varbind snmp4j; do
  behind=0
  for interval in $intervals; do
    [ "$behind" -lt 2 ] || break
    taskset -c "$client_cpu" $niceness java -Xms1g -Xmx1g -XX:+UseParallelGC -Dvarbind.bench.agentPid="$agent" \
      -cp "$here/target/benchmarks.jar" io.varbind.benchmarks.PollerBench \
      "$client" "$targets" "$oids" "$interval" "$seconds" 127.0.0.1 "$base" 2>/dev/null | tee -a "$out"
    if grep "^RESULT $client " "$out" | tail -1 | grep -q "verdict=sustained"; then behind=0; else behind=$((behind + 1)); fi
  done
done
awk '/^RESULT/ {
  split($3, o, "="); split($4, v, "=")
  if (v[2] == "sustained" && o[2] + 0 > best[$2] + 0) best[$2] = o[2]
  if (v[2] == "agent-bound") bound[$2] = bound[$2] " " o[2]
}
END {
  for (c in best) printf "max sustained %s: %d polls/s%s\n", c, best[c], bound[c] ? " (agent-bound at" bound[c] ")" : ""
  if (best["snmp4j"] > 0) printf "ratio varbind/snmp4j: %.2fx\n", best["varbind"] / best["snmp4j"]
}' "$out"
rm -f "$out"
