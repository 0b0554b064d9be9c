#!/bin/sh
# Codec encode/decode, Varbind beside SNMP4J in one JMH run, with the GC profiler.
# Usage (from the repository root, after `mvn -B -ntp -q install -DskipTests`):
#   benchmarks/scripts/codec.sh [extra JMH options]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
out="$here/target/codec-jmh.json"
java -jar "$here/target/benchmarks.jar" CodecBenchmark -prof gc -rf json -rff "$out" "$@"
python3 "$here/scripts/jmh-summary.py" "$out"
