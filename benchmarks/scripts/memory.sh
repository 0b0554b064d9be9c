#!/bin/sh
# Heap per open idle Session and per GET in flight on one engine (issue 13's memory targets:
# <= 1 KB per idle session, <= 512 B per request in flight). Serial GC, so heap after GC is exact.
# Usage (from the repository root, after `mvn -B -ntp -q package -DskipTests`):
#   benchmarks/scripts/memory.sh [sessions]     default 100000
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
exec java -Xms1g -Xmx1g -XX:+UseSerialGC -cp "$here/target/benchmarks.jar" io.varbind.benchmarks.SessionMemory "$@"
