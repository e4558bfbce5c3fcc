#!/usr/bin/env bash
# Generates N events (default 10,000,000) for examples/sklep-kwiatek with `sok sample-events`
# and times `sok measure` on them, from CSV and from Parquet, against the floor: DuckDB's own
# command line counting rows per metric in the same files. Each is run RUNS times (default
# 5); the median wall time and the peak memory (GNU time's maximum resident set size) are
# printed (docs/performance.md, section "measure").
#
#   benches/measure.sh                    # 10 million events, release build of sok
#   benches/measure.sh 1000000            # fewer events
#   RUNS=3 SOK=target/debug/sok benches/measure.sh 100000
#   KEEP=1 benches/measure.sh             # keep the generated files (in $BENCH_DIR)
#
# Parquet is written by sok when `sok sample-events` can write it, otherwise converted from
# the CSV by DuckDB, which this script installs from PyPI (`duckdb`, `duckdb-cli`) into a venv
# of its own, $BENCH_VENV (default .ci/cache/bench-venv).
set -euo pipefail
cd "$(dirname "$0")/.."

N="${1:-10000000}"
RUNS="${RUNS:-5}"
SOK="${SOK:-target/release/sok}"
HB="${HB:-examples/sklep-kwiatek}"
FROM=2026-01-01
DAYS=365
VENV="${BENCH_VENV:-.ci/cache/bench-venv}"
if [ -z "${BENCH_DIR:-}" ]; then
  if [ -d /dev/shm ] && [ -w /dev/shm ]; then BENCH_DIR=/dev/shm/sok-bench-measure; else BENCH_DIR="${TMPDIR:-/tmp}/sok-bench-measure"; fi
fi
DIR="$BENCH_DIR"

die() { echo "error: $*" >&2; exit 1; }

[ -x /usr/bin/time ] && /usr/bin/time -f %M true 2>/dev/null \
  || die "GNU time is needed for the peak memory (/usr/bin/time; Debian package \`time\`)"
if [ "$SOK" = target/release/sok ]; then
  cargo build --release --quiet
fi
[ -x "$SOK" ] || die "no sok binary at $SOK"

mkdir -p "$DIR"
if [ -z "${KEEP:-}" ]; then
  trap 'rm -f "$DIR"/events.csv "$DIR"/events.parquet "$DIR"/report-*.json "$DIR"/time.txt' EXIT
fi

# `timed NAME CMD...`: runs CMD RUNS times, prints "NAME  median wall s  peak RSS MB".
# Exit 1 from sok measure (rejected rows, a missed standard) is a result, not a failure.
timed() {
  local name=$1; shift
  local walls=() peak=0 status
  for _ in $(seq "$RUNS"); do
    status=0
    /usr/bin/time -f "%e %M" -o "$DIR/time.txt" "$@" >/dev/null || status=$?
    [ "$status" -le 1 ] || die "$name failed (exit $status): $*"
    read -r wall rss <"$DIR/time.txt"
    walls+=("$wall")
    [ "$rss" -gt "$peak" ] && peak=$rss
  done
  local median
  median=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
  printf '%-34s %8s s  %8.1f MB\n' "$name" "$median" "$(echo "$peak" | awk '{ print $1 / 1024 }')"
}

# --- generation --------------------------------------------------------------------------
# --per-day is per touchpoint and open day; a quarter at 50 a day tells how many rows that makes.
sample=$("$SOK" sample-events "$HB" --seed 1 --from "$FROM" --days 91 --per-day 50 | wc -l)
sample=$((sample - 1))
[ "$sample" -gt 0 ] || die "the handbook $HB has no measurable standard to generate events for"
PER_DAY=$(awk -v n="$N" -v s="$sample" -v d="$DAYS" 'BEGIN { p = n * 50 * 91 / (s * d); print (p < 1) ? 1 : int(p + 0.5) }')

echo "== generating about $N events for $HB ($DAYS days from $FROM, --per-day $PER_DAY) into $DIR"
/usr/bin/time -f "%e %M" -o "$DIR/time.txt" \
  "$SOK" sample-events "$HB" --seed 1 --from "$FROM" --days "$DAYS" --per-day "$PER_DAY" \
  --out "$DIR/events.csv" 2>"$DIR/generate.log"
read -r wall rss <"$DIR/time.txt"
rows=$(grep -o 'wrote [0-9]*' "$DIR/generate.log" | grep -o '[0-9]*')
size=$(du -m "$DIR/events.csv" | cut -f1)
echo "events.csv: $rows rows, $size MB, written in $wall s (peak $(awk -v r="$rss" 'BEGIN { print r / 1024 }') MB)"

have_duckdb() { [ -x "$VENV/bin/duckdb" ]; }
if ! have_duckdb; then
  echo "== installing DuckDB (duckdb, duckdb-cli from PyPI) into $VENV"
  { python3 -m venv "$VENV" && "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
      --no-input duckdb duckdb-cli; } >"$DIR/pip.log" 2>&1 \
    || echo "warning: DuckDB could not be installed ($(tail -1 "$DIR/pip.log")); no Parquet and no floor" >&2
fi
DUCKDB="$VENV/bin/duckdb"

PARQUET=""
if "$SOK" sample-events --help | grep -q parquet; then
  "$SOK" sample-events "$HB" --seed 1 --from "$FROM" --days "$DAYS" --per-day "$PER_DAY" \
    --format parquet --out "$DIR/events.parquet" 2>/dev/null
  PARQUET="$DIR/events.parquet"
elif have_duckdb; then
  # Typed as a warehouse writes it: timestamps as TIMESTAMPTZ (the CSV's local times read
  # in the handbook's zone), value as DOUBLE, the text columns dictionary-encoded.
  ZONE=$(sed -n 's/^timezone *= *"\(.*\)".*/\1/p' "$HB/sok.toml" | head -1)
  "$DUCKDB" -c "SET TimeZone = '${ZONE:-UTC}';
      COPY (SELECT id, metric, touchpoint,
        CAST(start AS TIMESTAMPTZ) AS start, CAST(\"end\" AS TIMESTAMPTZ) AS \"end\",
        TRY_CAST(value AS DOUBLE) AS value, CAST(abandoned AS TIMESTAMPTZ) AS abandoned,
        agent, team
      FROM read_csv('$DIR/events.csv', all_varchar = true))
      TO '$DIR/events.parquet' (FORMAT parquet, COMPRESSION zstd)" >/dev/null
  PARQUET="$DIR/events.parquet"
fi
[ -n "$PARQUET" ] && echo "events.parquet: $(du -m "$PARQUET" | cut -f1) MB"

# --- measuring ---------------------------------------------------------------------------
if ! "$SOK" measure --help >/dev/null 2>&1; then
  die "this sok has no \`measure\` command yet: only the generation above was run
  (KEEP=1 keeps the generated files in $DIR)"
fi

echo "== $RUNS runs each: median wall time, peak memory"
AS_OF=2027-01-01
timed "sok measure (CSV)" "$SOK" measure "$HB" --events "$DIR/events.csv" --as-of "$AS_OF" \
  --format json --out "$DIR/report-csv.json"
if [ -n "$PARQUET" ]; then
  timed "sok measure (Parquet)" "$SOK" measure "$HB" --events "$PARQUET" --as-of "$AS_OF" \
    --format json --out "$DIR/report-parquet.json"
  cmp -s "$DIR/report-csv.json" "$DIR/report-parquet.json" \
    || die "the reports of the CSV and the Parquet file differ: the same events must give the same report"
fi
if have_duckdb; then
  timed "duckdb: rows per metric (CSV)" "$DUCKDB" -c \
    "SELECT metric, count(*) FROM read_csv('$DIR/events.csv', all_varchar = true) GROUP BY metric"
  [ -n "$PARQUET" ] && timed "duckdb: rows per metric (Parquet)" "$DUCKDB" -c \
    "SELECT metric, count(*) FROM read_parquet('$PARQUET') GROUP BY metric"
fi
echo "($(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg))"
