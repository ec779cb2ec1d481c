#!/usr/bin/env bash
# Benchmarks of govgraph (see BENCHMARKS.md): extraction on one core, fresh builds of 1k and 10k
# synthetic documents beside a raw `oxigraph load` of the same quads, a rebuild after one changed
# document (twice: warm, and with a cold page cache when run as root), and every shipped query.
# Usage: bash bench/run.sh [WORKDIR] [SIZES...]
# A query is stopped after QUERY_TIMEOUT seconds (default 60); it then shows 0 rows. Then the
# maps, `analyse` and `report` are timed on the same store.
# Needs: /usr/bin/time, the oxigraph CLI (`pip install oxigraph`).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/govgraph-bench}
shift || true
sizes=${*:-1000 10000}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/govgraph/target}
cargo build --release --quiet --bin govgraph --example bench_extract
gg=$CARGO_TARGET_DIR/release/govgraph
mkdir -p "$work"
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, load $(cut -d' ' -f1-3 /proc/loadavg)"
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
for n in $sizes; do
  docs=$work/synth$n
  [ -d "$docs" ] || "$gg" synth --docs "$n" --seed 1 -o "$docs" >/dev/null
  mb=$(du -sm "$docs" | cut -f1)
  echo "## $n documents ($mb MB)"
  "$CARGO_TARGET_DIR/release/examples/bench_extract" "$docs"
  rm -rf "$work/g$n.db" "$work/raw$n.db"
  /usr/bin/time -v "$gg" build "$docs" --store "$work/g$n.db" -q 2>"$work/time$n.txt" | tail -1
  secs=$(grep -oP 'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): \K.*' "$work/time$n.txt")
  rss=$(grep -oP 'Maximum resident set size \(kbytes\): \K.*' "$work/time$n.txt")
  echo "govgraph build: wall $secs, peak RSS $((rss / 1024)) MB"
  "$gg" dump --store "$work/g$n.db" -o "$work/dump$n.nq"
  /usr/bin/time -v oxigraph load --location "$work/raw$n.db" --file "$work/dump$n.nq" 2>"$work/rawtime$n.txt" >/dev/null
  secs=$(grep -oP 'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): \K.*' "$work/rawtime$n.txt")
  rss=$(grep -oP 'Maximum resident set size \(kbytes\): \K.*' "$work/rawtime$n.txt")
  echo "oxigraph load of the same $(wc -l <"$work/dump$n.nq") quads: wall $secs, peak RSS $((rss / 1024)) MB"
  # One changed document: a sentence added to a copy of the first one.
  first=$(ls "$docs" | head -1 || true)
  cp "$docs/$first" "$work/$first.orig"
  echo "Aliro Venkata noted that the WSIS+20 Review needs a clear timeline." >>"$docs/$first"
  t=$(date +%s%N); "$gg" build "$docs" --store "$work/g$n.db" -q | tail -1; echo "rebuild after one changed document: $(ms "$t") ms"
  cp "$work/$first.orig" "$docs/$first"
  "$gg" build "$docs" --store "$work/g$n.db" -q >/dev/null
  for q in queries/*.rq; do
    name=$(basename "$q" .rq)
    t=$(date +%s%N); rows=$(timeout "${QUERY_TIMEOUT:-60}" "$gg" query "$name" --store "$work/g$n.db" --format tsv | wc -l || true); echo "query $name: $(ms "$t") ms ($((rows - 1)) rows)"
  done
  # The commands that read the whole store: the maps, analyse and the report (each stopped
  # after MAP_TIMEOUT seconds, default 600; it then says so).
  mkdir -p "$work/out$n"
  for job in "export processes" "export actors" "export people" "export timeline" analyse report; do
    case $job in
      export*) args=(-o "$work/out$n/${job#export }.svg") ;;
      report) args=(-o "$work/out$n/report.html") ;;
      *) args=() ;;
    esac
    # shellcheck disable=SC2086 # $job is a subcommand and its argument
    if /usr/bin/time -f "%e %M" -o "$work/jobtime.txt" timeout "${MAP_TIMEOUT:-600}" "$gg" $job "${args[@]}" --store "$work/g$n.db" >/dev/null 2>&1; then
      read -r secs kb < <(tail -1 "$work/jobtime.txt")
      echo "$job: $secs s, peak RSS $((kb / 1024)) MB"
    else
      echo "$job: failed or stopped after ${MAP_TIMEOUT:-600} s"
    fi
  done
  # The same change with a cold page cache, as after a reboot or a day of other work, when
  # this user may drop the cache (root). Last, so that nothing else is timed cold.
  if [ -w /proc/sys/vm/drop_caches ]; then
    echo "Aliro Venkata noted that the WSIS+20 Review needs a clear timeline." >>"$docs/$first"
    sync; echo 3 >/proc/sys/vm/drop_caches
    t=$(date +%s%N); "$gg" build "$docs" --store "$work/g$n.db" -q | tail -1; echo "rebuild after one changed document, cold page cache: $(ms "$t") ms"
    cp "$work/$first.orig" "$docs/$first"
    "$gg" build "$docs" --store "$work/g$n.db" -q >/dev/null
  fi
done
