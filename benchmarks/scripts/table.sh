#!/bin/sh
# Whole-table reads of a real snmpd (started by the command; needs /usr/sbin/snmpd): Varbind's
# Session.table beside SNMP4J's TableUtils.getTable in one run, medians of interleaved rounds.
# Usage (from the repository root, after `mvn -B -ntp -q package -DskipTests`):
#   benchmarks/scripts/table.sh [rounds [seconds-per-measurement [TABLE...]]]   e.g. 5 2 ifTable hrSWRunTable
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
exec java -Xms256m -Xmx256m -cp "$here/target/benchmarks.jar" io.varbind.benchmarks.TableBench "$@"
