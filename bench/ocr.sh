#!/bin/sh
# Pages per second of OCR: the seed scan (10 pages, 150 dpi) parsed with an empty cache, then
# again from the cache. Run from the repository root; needs tesseract-ocr, tesseract-ocr-chi-sim
# and poppler-utils.
set -eu
file=${1:-scans/sanmenxia-2020-11.scan.pdf}
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
./extract --version >/dev/null
pages=$(pdfinfo "$file" | awk '/^Pages:/ {print $2}')
for run in recognised cached; do
    start=$(date +%s.%N)
    EXTRACTION_CACHE=$cache ./extract parse "$file" >/dev/null
    end=$(date +%s.%N)
    echo "$run: $pages pages in $(echo "$end - $start" | bc) s: $(echo "scale=2; $pages / ($end - $start)" | bc) pages/s"
done
