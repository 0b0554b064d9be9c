#!/bin/sh
# The Kafka Connect figure of issue 18 section 4: DEVICES simulated devices (the built-in agent,
# another process, one UDP port per device on 127.0.0.1:BASE_PORT..) polled every second by
# SnmpPollSourceConnector on an EmbeddedConnectCluster (one broker, WORKERS workers, a consumer
# counting the records, all in one test JVM), with the producer settings kafka-connect/README.md
# recommends (see ConnectThroughputBench). Prints one line per worker count.
# Usage (from the repository root, after `mvn -B -ntp -q package -DskipTests`):
#   benchmarks/scripts/connect.sh [devices [seconds [workers [base-port [connector-settings [worker-settings]]]]]]
#   e.g. benchmarks/scripts/connect.sh 10000 20 1,2 21000
#        benchmarks/scripts/connect.sh 10000 20 1 21000 "" "value.converter.schemas.enable=true"
# Settings are k=v;k=v, added to (or replacing) the connector's or the worker's.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
devices=${1:-10000}
seconds=${2:-20}
workers=${3:-1,2}
base=${4:-21000}   # below Linux's ephemeral ports (32768-60999)
connector=${5:-}
worker=${6:-}
. "$here/scripts/agent-range.sh"
start_agent_range "$root" "$base" "$devices"
cd "$root"
mvn -B -ntp verify -pl api,agent,kafka-connect -am -Dtest=ConnectThroughputBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dvarbind.connectBench="$devices" -Dvarbind.connectBench.seconds="$seconds" -Dvarbind.connectBench.workers="$workers" \
  -Dvarbind.connectBench.agent="127.0.0.1:$base" "-Dvarbind.connectBench.connector=$connector" \
  "-Dvarbind.connectBench.worker=$worker" -Dkafka.test.leakDetection=disabled -Dkafka.test.argLine=-Xmx1g \
  -Dmaven.javadoc.skip=true | grep -E "device polls/s|Tests run:|FAIL|ERROR"
