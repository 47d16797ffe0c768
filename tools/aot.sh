#!/usr/bin/env bash
# Publishes llt-engine with Native AOT and fails if the toolchain printed any warning: the engine must
# stay trimming- and AOT-clean (no reflection, no dynamic code).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/engine}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
dotnet publish hotpath/Llt.Engine/Llt.Engine.csproj -c Release -r linux-x64 -o "$out" -nologo 2>&1 | tee "$log"
warnings=$(grep -E ': warning [A-Z]+[0-9]+' "$log" | sort -u | wc -l || true)
if [[ "$warnings" != "0" ]]; then
    echo "aot: $warnings warning(s) in the Native AOT publish" >&2
    exit 1
fi
echo "aot: $out/llt-engine published with 0 warnings ($(du -h "$out/llt-engine" | cut -f1))"
