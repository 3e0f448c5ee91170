#!/usr/bin/env bash
# Checks what users install, as they would install it (run by CI; from the repository root):
#   1. the .NET tool from the packages scripts/package.sh builds, installed with
#      `dotnet tool install --add-source artifacts extract` into a folder of its own;
#   2. the self-contained single file for linux-x64, run with no .NET on PATH, no DOTNET_ROOT
#      and an empty home.
# Each must parse a corpus bulletin exactly as ./extract does, and report the version of the
# packages.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sample="$PWD/corpus/songqiao-county-2020-09.docx"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)"

scripts/package.sh linux-x64
./extract parse "$sample" --json > "$work/expected.json"

dotnet tool install --tool-path "$work/tool" --add-source artifacts --version "$version" extract >/dev/null
(cd "$work" && "$work/tool/extract" parse "$sample" --json) > "$work/tool.json"
cmp "$work/expected.json" "$work/tool.json"
"$work/tool/extract" --version | grep -q "^$version+"
echo "dotnet tool install: extract $version parses $(basename "$sample") as ./extract does" >&2

mkdir -p "$work/home"
env -i HOME="$work/home" PATH=/usr/bin:/bin "$PWD/artifacts/extract-linux-x64/extract" parse "$sample" --json > "$work/single.json"
cmp "$work/expected.json" "$work/single.json"
echo "single file (no .NET on PATH): parses $(basename "$sample") as ./extract does" >&2
