#!/usr/bin/env bash
# The agent at scale (issue 16): one ./varbind agent serving 1 endpoint, then one serving 10,000
# UDP endpoints (--devices: each port its own simulated device), with the heap after a full GC,
# the RSS and the file descriptors of each, then bench-agent against the single endpoint, one port
# of the 10,000 and the whole range, alternating, ROUNDS times. Medians are what to quote.
# Between the two, WRITES devices of the range (default 1,000) get a SET of sysContact.0 and
# sysLocation.0 each (a SET writes that device's own copy, issue 16), and the heap is measured
# again: the growth over WRITES is the memory of a device that was written to.
# Usage (from the repository root, after `mvn -B -ntp -q package -DskipTests`; needs jcmd and a
# file-descriptor limit above 10,000; pick a range no other program uses, below the ephemeral
# ports of /proc/sys/net/ipv4/ip_local_port_range):
#   benchmarks/scripts/agent-endpoints.sh [rounds [seconds [first-port [count [writes]]]]]   e.g. 3 3 20000 10000 1000
set -eu
rounds=${1:-3}
seconds=${2:-3}
first=${3:-20000}
count=${4:-10000}
writes=${5:-1000}
root=$(cd "$(dirname "$0")/../.." && pwd)
single=$((first + count))
last=$((first + count - 1))
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

start() { # $1 endpoints, $2 sockets to wait for; sets $started to the pid once they are bound
  "$root/varbind" agent --listen "$1" --devices --threads 1 -q -c public -w private &
  local pid=$!
  pids+=("$pid")
  for _ in $(seq 1 120); do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the agent on $1 did not start (a port in use?)" >&2; exit 1; fi
    if jcmd "$pid" VM.uptime >/dev/null 2>&1 && [ "$(ls /proc/$pid/fd | wc -l)" -gt "$2" ]; then break; fi
    sleep 1
  done
  started=$pid
}

measure() { # $1 pid, $2 label
  sleep 3
  jcmd "$1" GC.run >/dev/null
  sleep 1
  local heap
  heap=$(jcmd "$1" GC.heap_info | awk '/PSYoungGen|ParOldGen/ {for (i=1;i<=NF;i++) if ($i=="used") {sub("K,?","",$(i+1)); s+=$(i+1)}} END {print s}')
  echo "$2: heap after GC ${heap} KB, RSS $(awk '/VmRSS/ {print $2}' /proc/$1/status) KB, fds $(ls /proc/$1/fd | wc -l)"
}

start "udp:127.0.0.1:$single" 5
measure "$started" "1 endpoint (port $single)"
start "udp:127.0.0.1:$first-$last" "$count"
measure "$started" "$count endpoints ($first-$last)"
if [ "$writes" -gt 0 ]; then
  step=$(( count / writes > 0 ? count / writes : 1 ))
  for i in $(seq 0 $((writes - 1))); do
    snmpset -v2c -c private -Oq "udp:127.0.0.1:$((first + (i * step) % count))" \
      .1.3.6.1.2.1.1.4.0 s "ops-$i@example.net" .1.3.6.1.2.1.1.6.0 s "rack $i, row $((i % 40))" >/dev/null
  done
  measure "$started" "$count endpoints after a SET of 2 objects on $writes of them"
  snmpget -v2c -c public -Oqv "udp:127.0.0.1:$first" .1.3.6.1.2.1.1.4.0
  snmpget -v2c -c public -Oqv "udp:127.0.0.1:$((first + 1))" .1.3.6.1.2.1.1.4.0
fi
middle=$((first + count / 2))
snmpget -v2c -c public -On "udp:127.0.0.1:$first" .1.3.6.1.2.1.1.5.0 .1.3.6.1.2.1.2.2.1.10.2
snmpget -v2c -c public -On "udp:127.0.0.1:$last" .1.3.6.1.2.1.1.5.0 .1.3.6.1.2.1.2.2.1.10.2
for r in $(seq 1 "$rounds"); do
  for t in "127.0.0.1:$single" "127.0.0.1:$middle" "127.0.0.1:$first-$last"; do
    "$root/varbind" bench-agent --seconds "$seconds" "$t" | tail -1
  done
done
