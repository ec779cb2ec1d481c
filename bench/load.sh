#!/usr/bin/env bash
# Load benchmark of `govgraph serve` (not a timed test): builds a store from data/corpus, starts the
# endpoint on a free loopback port and drives it from a second process (wrk) with 32 concurrent
# clients POSTing the shipped queries in turn, for DURATION seconds (default 150; the run must make
# at least 10,000 queries). Prints throughput, p50/p99 latency and errors, and fails when any query
# failed or fewer than 10,000 were made. Results are recorded in BENCHMARKS.md.
#
#   bash bench/load.sh                  # needs wrk: apt-get install wrk
#   DURATION=60 CONNECTIONS=32 bash bench/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-150}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/govgraph/target}"
command -v wrk >/dev/null || { echo "bench: wrk is missing; install it with: apt-get install wrk" >&2; exit 2; }
GOVGRAPH="${GOVGRAPH:-$CARGO_TARGET_DIR/release/govgraph}"
[ -x "$GOVGRAPH" ] || cargo build --release --locked
work="$(mktemp -d)"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

"$GOVGRAPH" build data/corpus --store "$work/db" -q
"$GOVGRAPH" serve --store "$work/db" --bind 127.0.0.1:0 > "$work/serve.out" &
server_pid=$!
for _ in $(seq 100); do grep -q http:// "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
url="$(grep -o 'http://[0-9.:]*' "$work/serve.out")"

# One form-encoded body per shipped query; wrk's Lua sends them in turn.
{
  echo 'bodies = {}'
  for rq in queries/*.rq; do
    python3 -c 'import sys, urllib.parse; print("bodies[#bodies+1] = %r" % ("query=" + urllib.parse.quote(open(sys.argv[1]).read(), safe="")))' "$rq" \
      | sed "s/^bodies\[#bodies+1\] = '\(.*\)'$/bodies[#bodies+1] = \"\1\"/"
  done
  cat <<'LUA'
counter = 0
request = function()
  counter = counter + 1
  local body = bodies[(counter % #bodies) + 1]
  return wrk.format("POST", "/query", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "application/sparql-results+json",
  }, body)
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
               + summary.errors.timeout + summary.errors.status
  io.write(string.format("queries %d\n", summary.requests))
  io.write(string.format("seconds %.2f\n", summary.duration / 1e6))
  io.write(string.format("throughput %.1f queries/s\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("p50 %.2f ms\n", latency:percentile(50) / 1000))
  io.write(string.format("p99 %.2f ms\n", latency:percentile(99) / 1000))
  io.write(string.format("max %.2f ms\n", latency.max / 1000))
  io.write(string.format("errors %d\n", errors))
end
LUA
} > "$work/mix.lua"

echo "bench: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "bench: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s against $url/query, $(ls queries/*.rq | wc -l) shipped queries in turn"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s -s "$work/mix.lua" "$url" | tee "$work/wrk.out"
queries="$(awk '/^queries /{print $2}' "$work/wrk.out")"
errors="$(awk '/^errors /{print $2}' "$work/wrk.out")"
if [ "$errors" != 0 ]; then echo "bench: FAILED: $errors errors" >&2; exit 1; fi
if [ "$queries" -lt 10000 ]; then echo "bench: FAILED: only $queries queries (< 10,000); raise DURATION" >&2; exit 1; fi
echo "bench: ok: $queries queries, 0 errors"
