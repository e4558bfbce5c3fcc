#!/usr/bin/env bash
# The handbook bench: generates a handbook of N standards (benches/corpus.rs) and times, on
# the same corpus and alternating them in every round, the floor (benches/floor.rs),
# `sok check`, `sok lint`, `sok build --format html`, `--format markdown` and both; with
# COMPARE=1 also mdBook and Hugo on the same Markdown when they are installed. Prints the
# medians of wall time, user and system CPU and peak memory, and each ratio to the floor.
#
#   benches/build.sh            # 10,000 standards, 5 rounds
#   benches/build.sh 1000       # another size
#   RUNS=9 COMPARE=1 benches/build.sh
#
# Outputs go to /dev/shm (memory) where it exists: creating thousands of files on this
# machine's disk is slow and erratic, so only paired runs on a RAM disk are compared.
# Options: RUNS (5), BENCH_DIR, SOK (a sok binary; default a release build), KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."

N="${1:-10000}"
RUNS="${RUNS:-5}"
if [ -d /dev/shm ]; then
  BENCH_DIR="${BENCH_DIR:-/dev/shm/sok-bench-build}"
else
  BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/sok-bench-build}"
fi
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (Debian package: time)" >&2; exit 2; }

bench_binary() {
  cargo build --release --quiet --bench "$1" --message-format=json |
    sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | grep "/$1-" | tail -1
}
if [ -z "${SOK:-}" ]; then
  cargo build --release --quiet
  SOK=target/release/sok
fi
CORPUS="$(bench_binary corpus)"
FLOOR="$(bench_binary floor)"

mkdir -p "$BENCH_DIR"
[ "${KEEP:-}" = 1 ] || trap 'rm -rf "$BENCH_DIR"' EXIT
MIRRORS=()
[ "${COMPARE:-}" = 1 ] && MIRRORS=(--mirrors)
HB="$("$CORPUS" "$N" "$BENCH_DIR" "${MIRRORS[@]}")"
OUT="$BENCH_DIR/out"
echo "corpus: $N standards, $(find "$HB" -type f | wc -l) files, $(du -sb "$HB" | cut -f1) bytes, in $HB"
"$SOK" check "$HB" >/dev/null

NAMES=(floor check lint "build html" "build markdown" build)
CMDS=(
  "$FLOOR $HB $OUT/floor"
  "$SOK check $HB"
  "$SOK lint $HB"
  "$SOK build $HB --format html --out $OUT/html"
  "$SOK build $HB --format markdown --out $OUT/markdown"
  "$SOK build $HB --out $OUT/all"
)
if [ "${COMPARE:-}" = 1 ]; then
  if command -v mdbook >/dev/null; then
    NAMES+=(mdbook); CMDS+=("mdbook build $BENCH_DIR/mdbook -d $OUT/mdbook")
  else
    echo "mdbook not installed (cargo install mdbook): left out" >&2
  fi
  if command -v hugo >/dev/null; then
    NAMES+=(hugo); CMDS+=("hugo --quiet -s $BENCH_DIR/hugo -d $OUT/hugo")
  else
    echo "hugo not installed (Debian package: hugo): left out" >&2
  fi
fi

TIMES="$BENCH_DIR/times.tsv"
: >"$TIMES"
for round in $(seq "$RUNS"); do
  for i in "${!CMDS[@]}"; do
    # Each command replaces its output, as a user's build does: the folder is removed first
    # so that no run pays for another's leftovers.
    rm -rf "$OUT/floor" "$OUT/mdbook" "$OUT/hugo"
    /usr/bin/time -f "%e %U %S %M" -o "$BENCH_DIR/one" ${CMDS[$i]} >/dev/null 2>&1 || true
    printf '%s\t%s\n' "${NAMES[$i]}" "$(tail -1 "$BENCH_DIR/one")" >>"$TIMES"
  done
  echo "round $round of $RUNS done" >&2
done

python3 - "$TIMES" "${NAMES[@]}" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1], encoding="utf-8"):
    name, figures = line.rstrip("\n").split("\t")
    rows.setdefault(name, []).append([float(x) for x in figures.split()])
med = {n: [statistics.median(col) for col in zip(*r)] for n, r in rows.items()}
floor = med["floor"][0] or 1e-9
print(f"\n| command | wall (s) | user (s) | system (s) | peak memory (MB) | wall / floor |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
for name in sys.argv[2:]:
    wall, user, system, rss = med[name]
    print(f"| {name} | {wall:.2f} | {user:.2f} | {system:.2f} | {rss / 1024:.0f} | {wall / floor:.1f}× |")
print(f"\nmedians of {len(rows['floor'])} rounds")
PY

ALL="$OUT/all"
if [ -d "$ALL/html" ]; then
  largest="$(find "$ALL/html" -name '*.html' ! -name print.html -printf '%s %P\n' | sort -n | tail -1)"
  echo "site: $(find "$ALL/html" -name '*.html' | wc -l) pages;" \
    "search-index.js $(stat -c %s "$ALL/html/search-index.js") bytes;" \
    "print.html $(stat -c %s "$ALL/html/print.html") bytes;" \
    "handbook.md $(stat -c %s "$ALL/handbook.md") bytes;" \
    "largest other page: ${largest#* } (${largest%% *} bytes)"
fi
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
