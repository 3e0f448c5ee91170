#!/usr/bin/env bash
# Archive-scale measurements of whole `extract` commands, each beside its anchor in the same
# run (medians of paired runs), written as a table into bench/README.md:
#   start-up      extract parse FILE.txt, extract search WORD   vs  extract --version
#   parallelism   ingest N bulletins with --jobs 2              vs  --jobs 1
#   growth        one new file into an N-bulletin database       vs  into an empty one
#   size          database bytes                                 vs  text bytes ingested
#   PDF           ingest P PDFs                                  vs  PdfPig's text extraction of them, one process
#   memory        peak memory of an ingest of N bulletins        vs  of N/10
# Usage: bench/ingest.sh [N=2000] [RUNS=3] [P=200]   (from the repository root; needs python3)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-2000}"
runs="${2:-3}"
pdfs="${3:-200}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./extract --version >/dev/null   # build once, outside the timings
dotnet build bench/Extraction.Benchmarks -c Release -o "$work/bench" --nologo -v quiet >/dev/null

# An archive of N distinct bulletins: the corpus .txt bulletins with their issue numbers,
# dates and figures varied, so no two files share content.
python3 - "$n" "$work/archive" <<'PY'
import pathlib, random, re, sys
n, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
out.mkdir(parents=True)
seeds = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path("corpus").glob("*.txt")) if "gb18030" not in p.name]
rng = random.Random(20261202)
for i in range(n):
    text = seeds[i % len(seeds)]
    text = re.sub(r"第\s*(\d+)\s*期", lambda m: f"第{int(m.group(1)) + i}期", text, count=1)
    text = re.sub(r"\d{3,}", lambda m: str(int(m.group(0)) + rng.randint(1, 9)), text)
    (out / f"b{i:05d}.txt").write_text(f"（存档{i}）\n" + text, encoding="utf-8")
PY
# P PDFs: the corpus PDFs, each copy made distinct by a comment after its end (same pages).
mkdir -p "$work/pdfs"
seeds=(corpus/*.pdf)
for i in $(seq 0 $((pdfs - 1))); do
  f="${seeds[$((i % ${#seeds[@]}))]}"
  { cat "$f"; printf '%%archive %d\n' "$i"; } > "$work/pdfs/$(basename "$f" .pdf)-$i.pdf"
done
tenth=$((n / 10))
mkdir -p "$work/tenth"
archived=("$work"/archive/*.txt)
cp "${archived[@]:0:$tenth}" "$work/tenth/"

extra="$work/extra.txt"
cp corpus/sanmenxia-2020-11.txt "$extra"
echo "（新增）" >> "$extra"

seconds() { # median wall seconds of a command, over $runs runs; $1 = label (unused), rest = command
  shift
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc -l | awk '{printf "%.3f", $1}')")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
cpu() { # user+system seconds of one run of a command
  /usr/bin/time -f '%U %S' -o "$work/cpu.txt" "$@" >/dev/null 2>&1
  awk '{print $1 + $2}' "$work/cpu.txt"
}
peak() { # peak resident memory (KB) of one run of a command
  /usr/bin/time -f '%M' -o "$work/mem.txt" "$@" >/dev/null 2>&1
  cat "$work/mem.txt"
}
ratio() { echo "scale=2; ($1) / ($2)" | bc -l | sed 's/^\./0./'; }

version=$(seconds v ./extract --version)
parse=$(seconds p ./extract parse corpus/sanmenxia-2020-11.txt)

ingest_jobs() { rm -f "$work/j.db"*; ./extract ingest "$work/archive" --db "$work/j.db" -q --jobs "$1"; }
one=$(seconds j1 ingest_jobs 1)
two=$(seconds j2 ingest_jobs 2)
cpu_total=$(cpu ./extract ingest "$work/archive" --db "$work/cpu.db" -q --jobs 1)
search=$(seconds s ./extract search 负压病房 --db "$work/j.db")

big="$work/j.db"
into_big() { cp "$big" "$work/big.db"; rm -f "$work/big.db-wal" "$work/big.db-shm"; ./extract ingest "$extra" --db "$work/big.db" -q; }
into_empty() { rm -f "$work/empty.db"*; ./extract ingest "$extra" --db "$work/empty.db" -q; }
copy_only() { cp "$big" "$work/big.db"; }
grown=$(seconds b into_big)
copied=$(seconds c copy_only)
empty=$(seconds e into_empty)

pdf_ingest() { rm -f "$work/p.db"*; ./extract ingest "$work/pdfs" --db "$work/p.db" -q; }
pdf=$(seconds p pdf_ingest)
pdfpig=$(seconds pp dotnet "$work/bench/Extraction.Benchmarks.dll" pdfpig-text "$work/pdfs")

rm -f "$work/m.db"*
mem_all=$(peak ./extract ingest "$work/archive" --db "$work/m.db" -q)
rm -f "$work/m.db"*
mem_tenth=$(peak ./extract ingest "$work/tenth" --db "$work/m.db" -q)

db_bytes=$(stat -c %s "$work/j.db")
text_bytes=$(cat "$work"/archive/*.txt | wc -c)
cores=$(nproc)

table=$(cat <<MD
$(date +%F), \`bench/ingest.sh $n $runs\`, $cores cores, $(dotnet --version); medians of $runs runs, seconds of wall time.

| measurement | anchor | ratio |
|---|---|---:|
| \`extract parse\` one .txt: ${parse} s | \`extract --version\`: ${version} s | $(ratio "$parse" "$version")× |
| \`extract search 负压病房\` over $n bulletins: ${search} s | \`extract --version\` | $(ratio "$search" "$version")× |
| ingest $n .txt, \`--jobs 2\`: ${two} s | \`--jobs 1\`: ${one} s | $(ratio "$one" "$two")× faster |
| CPU of one ingest, \`--jobs 1\`: $(ratio "$cpu_total * 1000" "$n") ms per bulletin (start-up and history rebuild included) | — | — |
| one new file into the $n-bulletin database: $(echo "$grown - $copied" | bc -l | awk '{printf "%.3f", $1}') s (the copy of the database taken out) | into an empty one: ${empty} s | $(ratio "$grown - $copied" "$empty")× |
| database: $db_bytes bytes | text ingested: $text_bytes bytes | $(ratio "$db_bytes" "$text_bytes")× |
| ingest $pdfs PDFs (${#seeds[@]} originals, copies made distinct): ${pdf} s | PdfPig's text extraction of the same files, one process: ${pdfpig} s | $(ratio "$pdf" "$pdfpig")× |
| peak memory, ingest of $n bulletins: ${mem_all} KB | of $tenth bulletins: ${mem_tenth} KB | $(ratio "$mem_all" "$mem_tenth")× |
MD
)
echo "$table"

# The table replaces the one between the markers of bench/README.md.
python3 - "$table" <<'PY'
import pathlib, sys
readme = pathlib.Path("bench/README.md")
text = readme.read_text(encoding="utf-8")
start, end = "<!-- ingest.sh -->", "<!-- /ingest.sh -->"
block = f"{start}\n{sys.argv[1]}\n{end}"
if start in text:
    text = text[:text.index(start)] + block + text[text.index(end) + len(end):]
else:
    text += f"\n## Whole commands at archive scale\n\n`bench/ingest.sh [N] [RUNS]` times whole `extract` commands beside their anchors in the same run.\n\n{block}\n"
readme.write_text(text, encoding="utf-8")
PY
