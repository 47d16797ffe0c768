#!/usr/bin/env bash
# Page faults of the engine's trader thread (the journal's writer) with the journal on a writeback filesystem,
# without the shell or the sinks (perf/results/sinks.md, "Journal page faults on ext4"): runs llt-engine on its
# embedded simulator (paced at 20k events/s, both strategies, two simulated venues; the one "trader" thread
# pinned to ENGINE_CPU) and, with LOAD=sync, a `while true; do sync; sleep 0.2; done` loop beside it: each sync
# writes the journal's dirty pages back, which write-protects them. Counts the trader's minor faults over the
# measured window (/proc/PID/task/TID/stat) and reads its tick-to-order histogram with `llt stat --json`.
#
# usage: perf/scripts/journal-faults.sh ENGINE_BINARY RUN-NAME
# env:   LLT       the shell binary for `llt stat` (default: the repo's out/shell/llt)
#        LOAD      none | sync (sync loop on SHELL_CPUS) | dd (a 256 MiB dd write + fdatasync loop on SHELL_CPUS)
#        JOURNAL_ROOT directory for the journal (default /var/tmp: ext4 on the box this was written on)
#        ENGINE_CPU CPU of the trader thread (default 1)    SHELL_CPUS  CPUs of the load and llt stat (default 0)
#        DURATION  seconds the engine runs (default 25; measured from 4 s in to 3 s before the end)
#        RT        1: the trader in SCHED_FIFO (chrt -f 10), the stand-in for an isolated core
#        RECORD    1: `perf record $RECORD_ARGS -g` on the trader thread over the window (perf.data in the run dir);
#                  RECORD_ARGS default "-e cpu-clock -F 10000": kernel stacks of where the trader spends its time
# Prints: name, faults of the trader over the window, faults/s, orders, p50 p90 p99 p99.9 max (ns), load average,
#         the engine's journal line and the CPU time of the journal's background threads over the window.
set -u
engine_bin=$1; name=$2
repo="$(cd "$(dirname "$0")/../.." && pwd)"
llt=${LLT:-$repo/out/shell/llt}
engine_cpu=${ENGINE_CPU:-1}; shell_cpus=${SHELL_CPUS:-0}; duration=${DURATION:-25}; load_kind=${LOAD:-none}
root=${JOURNAL_ROOT:-/var/tmp}
dir=/tmp/llt-journal-faults/$name; rm -rf "$dir"; mkdir -p "$dir"; cd "$dir"
journal=$root/llt-journal-faults-$name; rm -rf "$journal"
cat > llt.json <<J
{ "engine": { "name": "jf-$name", "journal": { "dir": "$journal" },
    "threads": [ { "name": "trader", "cpus": "$engine_cpu", "idle": "backoff",
                   "agents": ["feed", "market-data", "gateway", "control", "conductor"] } ] } }
J
taskset -c "$shell_cpus" "$engine_bin" --config llt.json --duration "${duration}s" > engine.log 2>&1 &
engine=$!
tid=
for _ in $(seq 1 100); do
  tid=$(for t in /proc/$engine/task/*; do [[ $(cat "$t/comm" 2>/dev/null) == trader ]] && basename "$t"; done | head -1)
  [[ -n $tid ]] && break
  sleep 0.05
done
[[ -n $tid ]] || { echo "no trader thread in llt-engine" >&2; kill -INT $engine; wait $engine; exit 1; }
[[ ${RT:-0} == 1 ]] && chrt -f -p 10 "$tid"
loader=
case $load_kind in
  sync) taskset -c "$shell_cpus" bash -c 'while true; do sync; sleep 0.2; done' & loader=$! ;;
  dd)   taskset -c "$shell_cpus" bash -c "while true; do dd if=/dev/zero of=$root/llt-journal-faults-dd-$name bs=1M count=256 conv=fdatasync status=none; done" & loader=$! ;;
esac
sleep 4
minflt() { awk '{ sub(/^.*\) /, ""); print $8 }' "/proc/$engine/task/$tid/stat"; }   # field 10 = minflt
# CPU time of the journal's background threads (schedstat's first field, ns), to show what the pre-toucher costs
background_ns() { for t in /proc/$engine/task/*; do [[ $(cat "$t/comm" 2>/dev/null) == "$1" ]] && cut -d' ' -f1 "$t/schedstat"; done | head -1; }
faults_start=$(minflt)
pretouch_start=$(background_ns journal-pretouc); preparer_start=$(background_ns journal-prepare)
window=$((duration - 7))
if [[ ${RECORD:-0} == 1 ]]; then
  timeout -s INT "$window" perf record -q ${RECORD_ARGS:--e cpu-clock -F 10000} -g -t "$tid" -o perf.data > /dev/null 2>&1 || true
else
  sleep "$window"
fi
faults_end=$(minflt)
pretouch_end=$(background_ns journal-pretouc); preparer_end=$(background_ns journal-prepare)
load=$(cut -d' ' -f1 /proc/loadavg)
taskset -c "$shell_cpus" "$llt" stat --engine "jf-$name" --json > stat.json 2>/dev/null
[[ -n $loader ]] && { kill "$loader"; wait "$loader" 2> /dev/null; }
wait $engine
rm -f "$root/llt-journal-faults-dd-$name"
python3 - <<P
import json
s=json.load(open("$dir/stat.json"))
faults=$faults_end-$faults_start
for h in s["histograms"]:
    if h["label"].startswith("tick-to-order"):
        print("$name", "faults", faults, "per_s", round(faults/$window), "orders", h["count"], "p50", h["p50Ns"], "p90", h["p90Ns"],
              "p99", h["p99Ns"], "p99.9", h["p999Ns"], "max", h["maxNs"], "load", "$load")
P
grep -m1 'journal' engine.log
echo "CPU over the window: journal-pretouch $(( (${pretouch_end:-0} - ${pretouch_start:-0}) / 1000 )) us, journal-preparer $(( (${preparer_end:-0} - ${preparer_start:-0}) / 1000 )) us ($window s)"
rm -rf "$journal" "/dev/shm/llt/jf-$name"   # the journal and the engine's rings and counters (default shmDir)
exit 0
