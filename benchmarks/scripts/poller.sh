#!/bin/sh
# The poller workload of issue 18: TARGETS devices (the built-in agent, another process, one UDP
# port per device on 127.0.0.1:BASE_PORT..) x OIDS OIDs in one GET, polled every 10 s then every
# 1 s, by Varbind's Poller and by SNMP4J driven as its documentation recommends, one after the
# other in separate JVMs (see PollerBench). Prints one line per client and interval.
# Usage (from the repository root, after `mvn -B -ntp -q package -DskipTests`):
#   benchmarks/scripts/poller.sh [targets [oids [measure-seconds [intervals [base-port]]]]]
#   e.g. benchmarks/scripts/poller.sh 10000 10 30 "10 1" 7000
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
targets=${1:-10000}
oids=${2:-10}
seconds=${3:-30}
intervals=${4:-"10 1"}
base=${5:-7000}   # below Linux's ephemeral ports (32768-60999), which other programs take at random
. "$here/scripts/agent-range.sh"
start_agent_range "$root" "$base" "$targets"
for interval in $intervals; do
  for client in varbind snmp4j; do
    java -Xms1g -Xmx1g -XX:+UseParallelGC -cp "$here/target/benchmarks.jar" io.varbind.benchmarks.PollerBench \
      "$client" "$targets" "$oids" "$interval" "$seconds" 127.0.0.1 "$base"
  done
done
