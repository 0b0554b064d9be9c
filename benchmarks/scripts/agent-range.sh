# Sourced by the benchmark scripts: start_agent_range ROOT BASE COUNT starts the built-in agent
# (another process, one event loop) with one simulated device per UDP port 127.0.0.1:BASE..,
# stopped when the calling script exits, and fails clearly when it did not start.
start_agent_range() {
  last=$(($2 + $3 - 1))
  "$1/varbind" agent --listen "udp:127.0.0.1:$2-$last" -q --threads 1 &
  agent=$!
  trap 'kill $agent 2>/dev/null || true' EXIT INT TERM
  sleep 8
  if ! kill -0 "$agent" 2>/dev/null; then
    echo "$(basename "$0"): the agent did not start on udp:127.0.0.1:$2-$last (a port in use? pick another base)" >&2
    exit 1
  fi
}
