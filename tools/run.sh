#!/usr/bin/env bash
# `make run`: builds the Native-AOT engine and the CLI, then runs the platform with `llt run` on its embedded
# defaults (simulator feed, four instruments, both built-in strategies, two simulated venues, journal under
# data/journal; sinks only for servers configured in the environment or ./.env) for DURATION (default 20s).
# While it runs, an operator drill goes through cmd.ring (kill switch on and off, confirmed by the journal);
# afterwards the CLI shows what happened from the engine's journal and counters. Needs no servers.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${DURATION:-20s}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== building llt-engine (Native AOT) and llt"
bash tools/aot.sh out/engine >/tmp/llt-aot.log 2>&1 || { cat /tmp/llt-aot.log; exit 1; }
tail -1 /tmp/llt-aot.log
dotnet publish shell/Llt.Shell/Llt.Shell.csproj -c Release -o out/shell -nologo -v quiet >/tmp/llt-shell.log 2>&1 || { cat /tmp/llt-shell.log; exit 1; }
llt=(out/shell/llt)

echo "== llt run --duration ${duration} (supervises out/engine/llt-engine; /health and /metrics on 127.0.0.1:\${HEALTH_PORT:-8080})"
"${llt[@]}" run --duration "$duration" --plain --interval 5s &
platform=$!
trap 'kill -INT $platform 2>/dev/null || true; wait $platform 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    "${llt[@]}" status >/dev/null 2>&1 && break
    sleep 0.1
done
sleep 3

echo "== operator: kill switch on and off through cmd.ring (confirmed by the journal)"
"${llt[@]}" kill --reason "make run: kill switch drill"
"${llt[@]}" resume --reason "make run: drill over"

wait "$platform"
trap - EXIT

echo "== llt status"
"${llt[@]}" status || true
echo "== llt pnl"
"${llt[@]}" pnl
echo "== llt positions"
"${llt[@]}" positions
echo "== llt risk"
"${llt[@]}" risk | head -n 20

echo "== counters and latency histograms (llt stat, one refresh)"
"${llt[@]}" stat --count 1 --interval 1

echo "== journal: frames by message type"
"${llt[@]}" journal dump data/journal | grep -o '"\$header":{"message":"[A-Za-z]*"' | cut -d'"' -f6 | sort | uniq -c | sort -rn
