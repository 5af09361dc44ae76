#!/usr/bin/env bash
# run-fuzz.sh BUILDDIR [SECONDS]: build the libFuzzer target of the bundle
# reader (meson's -Dfuzzing=true, with clang: ASan + UBSan) and run it for a
# bounded time on a seed corpus of real exports and broken files; then the
# CSV reader's, for a third of that time. Exits non-zero on any finding. The target is built in a meson build directory
# of its own next to BUILDDIR (BUILDDIR-fuzz, configured once with
# CC=clang); BUILDDIR's sportello makes the seeds.
set -euo pipefail
builddir="$1"
seconds="${2:-60}"
src="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fuzzdir="${builddir%/}-fuzz"
out="$builddir/fuzz"
mkdir -p "$out/corpus" "$out/artifacts"

command -v clang >/dev/null || { echo "fuzz: clang is not installed" >&2; exit 1; }

if [ ! -f "$fuzzdir/build.ninja" ]; then
  rm -rf "$fuzzdir"   # a setup that failed half-way
  CC=clang meson setup "$fuzzdir" "$src" -Dfuzzing=true --buildtype=debugoptimized >/dev/null
fi
meson compile -C "$fuzzdir" fuzz-bundle fuzz-csv >/dev/null
cp "$fuzzdir/tests/fuzz/fuzz-bundle" "$fuzzdir/tests/fuzz/fuzz-csv" "$out/"

# seeds: real exports of demo data, and broken files
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1764072000
"$builddir/src/sportello" --data-dir "$tmp/db" --demo 3 >/dev/null
"$builddir/src/sportello" --data-dir "$tmp/db" --export "$out/corpus/demo-3.sportello"
head -c 700 "$out/corpus/demo-3.sportello" > "$out/corpus/truncated.sportello"
printf '{"format":"sportello-bundle","version":2}' > "$out/corpus/newer.sportello"
printf '[]' > "$out/corpus/array.sportello"

echo "fuzz: running the bundle reader for ${seconds}s"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  "$out/fuzz-bundle" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
  -artifact_prefix="$out/artifacts/" "$out/corpus" 2>"$out/fuzz.log" || {
    tail -60 "$out/fuzz.log" >&2
    echo "fuzz: FAILED (artifacts in $out/artifacts)" >&2
    exit 1
  }
tail -3 "$out/fuzz.log"
echo "fuzz: no crash, leak or sanitizer report in ${seconds}s"

# the CSV reader: what spreadsheets and webinar platforms export
mkdir -p "$out/csv-corpus"
printf 'Nome;E-mail;Citt\xe0\r\n"Rossi; Anna";anna@example.it;"Cant\xf9\r\n(CO)"\r\n' > "$out/csv-corpus/cp1252.csv"
printf '\xef\xbb\xbfName,Email\nAnna "A",x\n"Bruno ""B""",b@x.it\n\n' > "$out/csv-corpus/bom.csv"
printf '\xff\xfea\x00\t\x00b\x00\n\x00' > "$out/csv-corpus/utf16.csv"
csv_seconds=$(( seconds / 3 > 0 ? seconds / 3 : 1 ))
echo "fuzz: running the CSV reader for ${csv_seconds}s"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  "$out/fuzz-csv" -max_total_time="$csv_seconds" -max_len=16384 -rss_limit_mb=2048 \
  -artifact_prefix="$out/artifacts/csv-" "$out/csv-corpus" 2>"$out/fuzz-csv.log" || {
    tail -60 "$out/fuzz-csv.log" >&2
    echo "fuzz: FAILED (artifacts in $out/artifacts)" >&2
    exit 1
  }
tail -3 "$out/fuzz-csv.log"
echo "fuzz: no crash, leak or sanitizer report in the CSV reader in ${csv_seconds}s"
