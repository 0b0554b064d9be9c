#!/bin/sh
# Inform benchmark of issue 17: acknowledged v2c informs per second with 1 and 64 in flight,
# Varbind to Varbind against SNMP4J 3.8.2 to SNMP4J, sender and receiver in one JVM, CPU, bytes allocated
# and context switches per inform.
# Usage (from the repository root, after `mvn -B -ntp -q package -DskipTests`):
#   benchmarks/scripts/informs.sh [in-flight list [seconds [rounds [pairs]]]]   e.g. 1,64 3 3 varbind,snmp4j
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
exec java -Xms512m -Xmx512m -XX:-UseDynamicNumberOfCompilerThreads -cp "$here/target/benchmarks.jar" \
  io.varbind.benchmarks.InformBench "$@"
