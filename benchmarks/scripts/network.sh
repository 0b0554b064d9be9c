#!/bin/sh
# Network benchmarks of issue 4, Varbind beside SNMP4J and a plain DatagramChannel ping-pong in
# one run: (a) sequential GETs and (b) 64 in flight against the canned responder of the
# benchmarks module, (c) GETBULK walks of a real snmpd's whole tree (needs /usr/sbin/snmpd).
# (Compiler threads are fixed in number: their CPU is left out of the figures, see NetworkBench.)
# Usage (from the repository root, after `mvn -B -ntp -q install -DskipTests`):
#   benchmarks/scripts/network.sh [rounds [seconds-per-measurement [scenarios]]]   e.g. 7 3 abc
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
exec java -Xms512m -Xmx512m -XX:-UseDynamicNumberOfCompilerThreads -cp "$here/target/benchmarks.jar" io.varbind.benchmarks.NetworkBench "$@"
