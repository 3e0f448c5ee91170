#!/usr/bin/env bash
# PDF reading speed beside poppler's pdftotext, measured in one run on one machine.
#
#   bench/pdf-vs-pdftotext.sh [FILE.pdf ...]        (default: the two seed PDFs)
#   ROUNDS=40 bench/pdf-vs-pdftotext.sh             (process rounds; default 20)
#   SKIP_BDN=1 bench/pdf-vs-pdftotext.sh            (processes only, no BenchmarkDotNet)
#
# pdftotext starts one process per file, so the fair comparison is `extract parse` as one
# process per file (runtime start-up, rule loading, reading, segmenting, figures). Both run
# alternately, file by file, round by round, so drift of a noisy machine hits both alike;
# the .txt twin of the seed is parsed once a round to show what a process costs without PDF.
# Our reader in-process (PdfBenchmarks, BenchmarkDotNet) is shown per page as well: that is
# the speed inside `extract ingest`, which reads many files in one process.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rounds="${ROUNDS:-20}"
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(corpus/sanmenxia-2020-11.pdf corpus/sanmenxia-2020-11.restricted.pdf)
command -v pdftotext >/dev/null || { echo "pdftotext not found (apt-get install poppler-utils)" >&2; exit 2; }
command -v pdfinfo >/dev/null || { echo "pdfinfo not found (apt-get install poppler-utils)" >&2; exit 2; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
pages=0
for f in "${files[@]}"; do
  n=$(pdfinfo "$f" | awk '/^Pages:/ {print $2}')
  pages=$((pages + n))
done

# Build the command line once (Release), then run its dll directly: the ./extract wrapper's
# staleness check would be timed too.
./extract --version >/dev/null
cli=(dotnet "$root/.build/extract/extract.dll")
export EXTRACTION_RULES="$root/rules"

# The same bulletin as text: what a parse process costs without any PDF (start-up, rules,
# segmenting, figures, metrics), so the PDF share of a process can be told apart.
twin=corpus/sanmenxia-2020-11.txt

now() { echo "${EPOCHREALTIME/./}"; } # microseconds, without starting a process
poppler_us=0
extract_us=0
twin_us=0
for f in "${files[@]}"; do # one untimed pass each: disk cache, first JIT of the runtime
  pdftotext -q "$f" /dev/null
  "${cli[@]}" parse "$f" --json >/dev/null
done
# Half of the rounds before BenchmarkDotNet and half after, so the process figures span the
# same stretch of time as the in-process ones.
process_rounds() {
  local r f t0 t1 t2
  for ((r = 0; r < $1; r++)); do
    for f in "${files[@]}"; do
      t0=$(now); pdftotext -q "$f" /dev/null; t1=$(now)
      "${cli[@]}" parse "$f" --json >/dev/null; t2=$(now)
      poppler_us=$((poppler_us + t1 - t0))
      extract_us=$((extract_us + t2 - t1))
    done
    t0=$(now); "${cli[@]}" parse "$twin" --json >/dev/null; t1=$(now)
    twin_us=$((twin_us + t1 - t0))
  done
}
process_rounds $((rounds / 2))

bdn_reader="" bdn_pdfpig="" bdn_parse=""
if [ -z "${SKIP_BDN:-}" ]; then
  dotnet run -c Release --project bench/Extraction.Benchmarks -- --filter '*PdfBenchmarks*' \
    --warmupCount 3 --iterationCount 15 --exporters json >/tmp/pdf-bench.$$.log 2>&1 \
    || { tail -20 /tmp/pdf-bench.$$.log >&2; exit 1; }
  read -r bdn_pdfpig bdn_reader bdn_parse < <(python3 - "$root/BenchmarkDotNet.Artifacts/results/Extraction.Benchmarks.PdfBenchmarks-report-full-compressed.json" <<'EOF'
import json, sys
means = {b["Method"]: b["Statistics"]["Mean"] for b in json.load(open(sys.argv[1]))["Benchmarks"]}
print(means["PdfPigLetters"], means["Reader"], means["Parse"])
EOF
)
  rm -f /tmp/pdf-bench.$$.log
fi
process_rounds $((rounds - rounds / 2))

cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $cpu, $(nproc) cores, load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after"
python3 - "$pages" "$rounds" "$poppler_us" "$extract_us" "$twin_us" "$bdn_pdfpig" "$bdn_reader" "$bdn_parse" "${files[@]}" <<'EOF'
import sys
pages, rounds, poppler_us, extract_us, twin_us = (int(a) for a in sys.argv[1:6])
pdfpig_ns, reader_ns, parse_ns = sys.argv[6:9]
files = sys.argv[9:]
total = pages * rounds
rate = lambda us: total / (us / 1e6)
poppler, extract = rate(poppler_us), rate(extract_us)
print(f"{len(files)} file(s), {pages} pages, {rounds} rounds, alternating")
print(f"  {'pdftotext, a process per file':46} {poppler:8.1f} pages/s  {poppler_us / 1000 / rounds / len(files):7.1f} ms/file")
print(f"  {'extract parse --json, a process per file':46} {extract:8.1f} pages/s  {extract_us / 1000 / rounds / len(files):7.1f} ms/file")
print(f"  ratio extract parse / pdftotext (processes)    {extract / poppler:8.2f}")
print(f"  {'extract parse --json of the .txt twin':46} {'':8} {'':7}  {twin_us / 1000 / rounds:7.1f} ms/file (no PDF: start-up and the rest)")
if reader_ns:
    seed_pages = 10  # PdfBenchmarks reads corpus/sanmenxia-2020-11.pdf
    for name, ns in (("PdfPig letters only, in-process", pdfpig_ns), ("PdfDocumentReader, in-process", reader_ns), ("parse (reader + segmenter + figures), in-proc.", parse_ns)):
        r = seed_pages / (float(ns) / 1e9)
        print(f"  {name:46} {r:8.1f} pages/s  ratio to pdftotext {r / poppler:5.2f}")
EOF
