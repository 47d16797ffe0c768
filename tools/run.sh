#!/usr/bin/env bash
# `make run`: builds the Native-AOT engine and the CLI, runs the platform on its embedded defaults
# (simulator feed, four instruments, both built-in strategies, journal under data/journal) for
# DURATION (default 20s), exercises the kill switch from the CLI while it runs, then shows what
# happened from the engine's own counters and journal. Needs no servers.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${DURATION:-20s}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== building llt-engine (Native AOT) and llt"
bash tools/aot.sh out/engine >/tmp/llt-aot.log 2>&1 || { cat /tmp/llt-aot.log; exit 1; }
tail -1 /tmp/llt-aot.log
dotnet publish shell/Llt.Shell/Llt.Shell.csproj -c Release -o out/shell -nologo -v quiet >/tmp/llt-shell.log 2>&1 || { cat /tmp/llt-shell.log; exit 1; }
llt=(out/shell/llt)

echo "== starting llt-engine for ${duration}"
out/engine/llt-engine --duration "$duration" &
engine=$!
trap 'kill -TERM $engine 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    [[ -e /dev/shm/llt/default/cmd.ring ]] && break
    sleep 0.1
done
sleep 3

echo "== operator: kill switch on and off through cmd.ring (confirmed by the journal)"
"${llt[@]}" kill --reason "make run: kill switch drill"
"${llt[@]}" resume --reason "make run: drill over"

wait "$engine"
trap - EXIT

echo "== counters and latency histograms (llt stat, one refresh)"
"${llt[@]}" stat --count 1 --interval 1

echo "== journal: frames by message type"
"${llt[@]}" journal dump data/journal | grep -o '"\$header":{"message":"[A-Za-z]*"' | cut -d'"' -f6 | sort | uniq -c | sort -rn

echo "== last execution reports and control events"
"${llt[@]}" journal dump data/journal | grep -E '"message":"(ExecutionReport|KillSwitchState|CommandResult)"' | tail -n 6 | cut -c1-240
