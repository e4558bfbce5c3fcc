#!/usr/bin/env bash
# Generates a handbook with N standards (default 10,000) in a temporary directory and times
# `sok build` on it: with hyperfine when it is installed, else with bash's `time`.
#
#   benches/build.sh            # 10,000 standards, release build of sok
#   benches/build.sh 2000       # a smaller handbook
#   SOK=target/debug/sok benches/build.sh 500
set -euo pipefail
cd "$(dirname "$0")/.."

N="${1:-10000}"
SOK="${SOK:-target/release/sok}"
if [ "$SOK" = target/release/sok ]; then
  cargo build --release --quiet
fi

DIR="$(mktemp -d "${TMPDIR:-/tmp}/sok-bench.XXXXXX")"
trap 'rm -rf "$DIR"' EXIT
HB="$DIR/handbook"
mkdir -p "$HB/standards" "$HB/journeys" "$HB/situations" "$HB/chapters"

cat >"$HB/sok.toml" <<'TOML'
[handbook]
title = "Standardy obsługi klienta — benchmark"
organization = "Benchmark sp. z o.o."
language = "pl"
version = "1.0.0"
effective = 2026-03-01
owner = "owner-1"
review_every = "6 months"
last_reviewed = 2026-02-10
TOML

awk -v n="$N" -v hb="$HB" 'BEGIN {
  owners = 40; touchpoints = 12; journeys = 10; steps = 20; situations = 100
  split("awareness consideration decision post-purchase", stage, " ")
  split("phone email chat social store web mail other", channel, " ")
  f = hb "/owners.toml"
  for (o = 1; o <= owners; o++) {
    printf "[[owner]]\nid = \"owner-%d\"\nname = \"Kierownik zespołu %d\"\nteam = \"Zespół %d\"\n", o, o, (o % 8) + 1 > f
    if (o > 1) printf "reports_to = \"owner-%d\"\n", int(o / 3) + 1 > f
    printf "description = \"Odpowiada za obszar %d i raportuje co miesiąc.\"\n\n", o > f
  }
  f = hb "/touchpoints.toml"
  for (t = 1; t <= touchpoints; t++)
    printf "[[touchpoint]]\nid = \"tp-%d\"\nname = \"Punkt styku %d\"\nchannel = \"%s\"\nowner = \"owner-%d\"\nhours = \"pon.–pt. 8–18\"\n\n", t, t, channel[(t % 8) + 1], (t % owners) + 1 > f
  f = hb "/glossary.toml"
  for (g = 1; g <= 50; g++)
    printf "[[term]]\nterm = \"Pojęcie %d\"\ndefinition = \"Definicja pojęcia numer %d używanego w standardach.\"\n\n", g, g > f
  for (j = 1; j <= journeys; j++) {
    f = hb "/journeys/journey-" j ".toml"
    printf "name = \"Ścieżka %d\"\nowner = \"owner-%d\"\n", j, (j % owners) + 1 > f
    for (s = 1; s <= steps; s++)
      printf "\n[[step]]\nid = \"step-%d\"\nname = \"Krok %d ścieżki %d\"\nstage = \"%s\"\nowner = \"owner-%d\"\ntouchpoints = [\"tp-%d\"]\ninstruction = \"Robimy to w ciągu **%d minut**.\"\n", s, s, j, stage[int((s - 1) * 4 / steps) + 1], ((j + s) % owners) + 1, ((j + s) % touchpoints) + 1, s > f
    close(f)
  }
  for (i = 1; i <= situations; i++) {
    f = hb "/situations/situation-" i ".md"
    printf "+++\nname = \"Trudna sytuacja %d\"\nowner = \"owner-%d\"\ntouchpoints = [\"tp-%d\"]\nseverity = \"high\"\nrespond_within = \"15 min\"\nsay = [\"Rozumiem, pomogę.\"]\nnever_say = [\"To nie moja sprawa\"]\n\n[[escalation]]\nafter = \"1 h\"\nto = \"owner-1\"\n+++\n\n1. Słuchamy.\n2. Działamy.\n", i, (i % owners) + 1, (i % touchpoints) + 1 > f
    close(f)
  }
  for (i = 1; i <= n; i++) {
    f = hb "/standards/standard-" i ".md"
    printf "+++\ntitle = \"Standard numer %d: odpowiadamy w ciągu %d minut\"\nowner = \"owner-%d\"\ntouchpoints = [\"tp-%d\"]\nsteps = [\"journey-%d/step-%d\"]\nsituations = [\"situation-%d\"]\nsay = [\"Dzień dobry, w czym mogę pomóc?\"]\nreview_every = \"6 months\"\nlast_reviewed = 2026-02-10\n\n[measure]\nmetric = \"answer_time\"\nmax = \"%d min\"\nshare = 90\nperiod = \"month\"\nhours = \"business\"\n+++\n\nW każdym miesiącu 90%% połączeń odbieramy w ciągu %d minut.\nKierownik sprawdza raport w pierwszy poniedziałek miesiąca.\n", i, (i % 10) + 1, (i % owners) + 1, (i % touchpoints) + 1, (i % journeys) + 1, (i % steps) + 1, (i % situations) + 1, (i % 10) + 1, (i % 10) + 1 > f
    close(f)
  }
  f = hb "/chapters/01-general.md"
  printf "+++\ntitle = \"Postanowienia ogólne\"\norder = 1\n+++\n\nStandard obowiązuje wszystkich pracowników.\n" > f
}'

echo "handbook with $N standards in $HB"
"$SOK" check "$HB" >/dev/null
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 1 --runs 3 "$SOK build $HB --out $DIR/out"
else
  time "$SOK" build "$HB" --out "$DIR/out"
fi
echo "output: $(find "$DIR/out" -type f | wc -l) files, $(du -sh "$DIR/out" | cut -f1)"
