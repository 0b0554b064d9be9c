#!/bin/sh
# The soak of issue 14 (benchmarks/README.md, Soak): one engine polls 1,000 endpoints of the
# built-in agent (half v2c, half v3 authPriv) through a relay that drops 5% of the responses and
# duplicates and delays 2% each; the agent restarts every minute. Prints a line a minute (requests,
# answers, typed errors, heap after GC, threads, file descriptors) and exits 1 if a request ended
# without values or a typed error, or if heap, threads or descriptors grew by more than 5% from
# the 5th minute to the last.
# Usage (from the repository root, after `mvn -B -ntp -q package -DskipTests`):
#   benchmarks/scripts/soak.sh [minutes [endpoints]]     e.g. 30 1000
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
exec java -Xmx512m -cp "$here/target/benchmarks.jar" io.varbind.benchmarks.Soak "$@"
