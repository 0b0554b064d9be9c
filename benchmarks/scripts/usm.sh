#!/bin/sh
# USM per-message cost and key localisation, Varbind beside SNMP4J in one JMH run (issue 5).
# Usage (from the repository root, after `mvn -B -ntp -q install -DskipTests`):
#   benchmarks/scripts/usm.sh [extra JMH options]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
out="$here/target/usm-jmh.json"
java -jar "$here/target/benchmarks.jar" UsmBenchmark -prof gc -rf json -rff "$out" "$@"
python3 "$here/scripts/jmh-summary.py" "$out"
