#!/usr/bin/env bash
# Runs every test assembly and prints one summary line, "N passed, N failed", summed over all of them
# (from the TRX result files, because dotnet test prints one summary per assembly).
set -uo pipefail
# Started as a background job (nohup ... &), this script and everything it runs would inherit SIGINT/SIGQUIT
# ignored, and the tests that stop `llt run` with Ctrl-C would wait forever: restore the default dispositions.
if [[ -z "${LLT_SIGNALS_RESET:-}" ]] && env --default-signal=INT true 2>/dev/null; then
    export LLT_SIGNALS_RESET=1
    exec env --default-signal=INT,QUIT bash "$0" "$@"
fi
cd "$(dirname "$0")/.."
results="${LLT_TEST_RESULTS:-artifacts/test-results}"
rm -rf "$results"
mkdir -p "$results"

if [[ -x tests/infra/up.sh ]]; then
    # shellcheck disable=SC1091
    source tests/infra/up.sh || { echo "tests: test servers failed to start" >&2; echo "0 passed, 1 failed"; exit 1; }
fi

status=0
dotnet test llt.sln -c Release --nologo \
    --logger "trx" --logger "console;verbosity=normal" \
    --results-directory "$results" \
    --blame-hang-timeout 5m || status=$?

passed=0; failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
done
# name each failed test (and the first line of its message) so a CI log that keeps only the tail still says what failed
for trx in "$results"/*.trx; do
    python3 - "$trx" <<'PY' 2>/dev/null || true
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
root = ET.parse(sys.argv[1]).getroot()
for r in root.iterfind(".//t:UnitTestResult", ns):
    if r.get("outcome") == "Failed":
        msg = r.find("t:Output/t:ErrorInfo/t:Message", ns)
        first = (msg.text or "").strip().splitlines()[0][:300] if msg is not None and msg.text else ""
        print(f"FAILED {r.get('testName')}: {first}")
PY
done
trx_count=$(ls "$results"/*.trx 2>/dev/null | wc -l)
expected=$(grep -c 'Tests.csproj' llt.sln)
if (( trx_count < expected )); then
    # an assembly that crashed or failed to build wrote no results: count it as a failure
    failed=$((failed + expected - trx_count))
fi
if (( status != 0 && failed == 0 )); then
    failed=1
fi
echo "${passed} passed, ${failed} failed"
(( failed == 0 ))
