#!/bin/sh
# Notification receiver benchmark of issue 17: traps per second received without loss and
# receiver CPU per trap, for Varbind's NotificationReceiver, SNMP4J 3.8.2's Snmp responder and
# Net-SNMP's snmptrapd, fed the same trap of 7 varbinds (v2c, or with v3 an authPriv SHA/AES-128
# message of a user of the sending engine) by a C sender (trapblast, compiled
# here with gcc) at each fixed rate. Needs gcc and /usr/sbin/snmptrapd.
# Usage (from the repository root, after `mvn -B -ntp -q package -DskipTests`):
#   benchmarks/scripts/traps.sh [rates [seconds-per-rate [receivers [v2c|v3 [sender-threads]]]]]
#   e.g. 20000,50000,100000,200000 3 varbind,snmp4j,snmptrapd v2c 2
# JAVA_OPTS="-Dtrapbench.threads=true" adds each Java receiver's CPU per trap by thread group.
# JAVA_OPTS="-Dtrapbench.coalesceMicros=0" turns Varbind's read coalescing off (default 1 ms).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
blaster="$here/target/trapblast"
gcc -O2 -pthread -o "$blaster" "$here/src/test/c/trapblast.c"
exec java -Xms512m -Xmx512m -XX:-UseDynamicNumberOfCompilerThreads ${JAVA_OPTS:-} -cp "$here/target/benchmarks.jar" \
  io.varbind.benchmarks.TrapBench "$blaster" "$@"
