#!/usr/bin/env bash
# Engine tick-to-order with the journal sinks off or on, in the colocated layout (perf/results/sinks.md): the
# engine's one agent thread ("trader": feed, market-data, gateway, control, conductor) pinned to ENGINE_CPU,
# `llt run` confined to SHELL_CPUS with LLT_SHELL_CPUS (its sinks, drivers, health server, and the engine's
# unpinned threads, which inherit the shell's set), and for "on" the test servers of tests/infra moved onto
# SHELL_CPUS with taskset (every thread, so PostgreSQL backends forked later land there too).
#
# usage: perf/scripts/sink-latency.sh on|off RUN-NAME
# env:   LLT_OUT     directory holding engine/llt-engine and shell/llt (default: the repo's out/, from `make run`)
#        ENGINE_CPU  CPU of the trader thread (default 1)      SHELL_CPUS  CPUs of the shell and servers (default 0)
#        IDLE        the trader's idle strategy (default backoff; busy-spin, yield, ... as in docs/CONFIG.md)
#        DURATION    seconds of `llt run` (default 25; the histograms are read 3 s before the end)
#        RT          1: the trader thread in SCHED_FIFO (chrt, RT_PRIORITY default 10): an isolated core's stand-in
#        JOURNAL_ROOT directory for the journal (default: the run's directory under /tmp; /dev/shm = tmpfs)
#        PERF_STAT   1: `perf stat` the trader thread for the measured window (events in PERF_EVENTS; software
#                    events by default: the KVM guest this was written on exposes no hardware counters)
#        RESET_STORES 1 (default): before an "on" run, empty the stores the sinks share across runs (PostgreSQL
#                    schema llt dropped, Redis flushed, the Kafka mock restarted empty; MongoDB gets a database per run).
#                    Without it a store still holds the previous run's journal sequences, refuses the new journal
#                    ("ends before that: it is a different or reset journal") and delivers nothing until the new
#                    journal passes that sequence: the sink is "on" but idle. (It wipes the test servers' data: not
#                    beside tests that use them.)
# "on" needs the servers (`source tests/infra/up.sh` or `make infra-up`); it reads /tmp/llt-infra/env.
# Prints: mode, orders, p50 p90 p99 p99.9 max (ns) of the tick-to-order histogram and the load average; the
# sinks on; where the threads ran; the trader's wait for its CPU, involuntary switches and the interrupts on
# ENGINE_CPU over the window (by source); perf stat's counts with PERF_STAT=1. "on" gives the servers back
# every CPU this script may use when it ends.
set -u
repo="$(cd "$(dirname "$0")/../.." && pwd)"
mode=$1; name=$2
out=${LLT_OUT:-$repo/out}
engine_cpu=${ENGINE_CPU:-1}; shell_cpus=${SHELL_CPUS:-0}; idle=${IDLE:-backoff}; duration=${DURATION:-25}
infra=${LLT_INFRA_DIR:-/tmp/llt-infra}
all_cpus=$(taskset -cp $$ | sed 's/.*: //')
server_pids() {
  cat "$infra/redis/redis.pid" "$infra/kafka/kcat.pid" "$infra/mongo/mongo.pid" 2>/dev/null
  head -1 "$infra/postgres/data/postmaster.pid" 2>/dev/null
  pgrep -x postgres
}
dir=/tmp/llt-sink-latency/$name; rm -rf "$dir"; mkdir -p "$dir"; cd "$dir"
cat > llt.json <<J
{ "engine": { "name": "$name", "journal": { "dir": "${JOURNAL_ROOT:-$dir}/journal-$name" },
    "threads": [ { "name": "trader", "cpus": "$engine_cpu", "idle": "$idle",
                   "agents": ["feed", "market-data", "gateway", "control", "conductor"] } ] } }
J
: > empty.env
envs=(LLT_ENGINE=$out/engine/llt-engine HEALTH_PORT=0 LLT_SHELL_CPUS=$shell_cpus)
if [[ $mode == on && ${RESET_STORES:-1} == 1 ]]; then
  source "$infra/env"
  PGPASSWORD=$LLT_TEST_POSTGRES_PASSWORD psql -q -h "$LLT_TEST_POSTGRES_HOST" -p "$LLT_TEST_POSTGRES_PORT" -U "$LLT_TEST_POSTGRES_USER" \
    -d "$LLT_TEST_POSTGRES_DB" -c 'DROP SCHEMA IF EXISTS llt CASCADE' > /dev/null 2>&1 || echo "postgres reset failed" >&2
  redis-cli -h "$LLT_TEST_REDIS_HOST" -p "$LLT_TEST_REDIS_PORT" FLUSHALL > /dev/null || echo "redis reset failed" >&2
  # the mock cluster keeps its topics in memory: a restart empties it (and picks new ports, written to env)
  "$repo/tests/infra/server.sh" stop kafka > /dev/null 2>&1
  "$repo/tests/infra/server.sh" start kafka > /dev/null 2>&1 || echo "kafka restart failed" >&2
fi
if [[ $mode == on ]]; then
  source "$infra/env"
  envs+=(POSTGRES_HOST=$LLT_TEST_POSTGRES_HOST POSTGRES_PORT=$LLT_TEST_POSTGRES_PORT POSTGRES_DB=$LLT_TEST_POSTGRES_DB POSTGRES_USER=$LLT_TEST_POSTGRES_USER POSTGRES_PASSWORD=$LLT_TEST_POSTGRES_PASSWORD
         REDIS_HOST=$LLT_TEST_REDIS_HOST REDIS_PORT=$LLT_TEST_REDIS_PORT MONGO_HOST=$LLT_TEST_MONGO_HOST MONGO_PORT=$LLT_TEST_MONGO_PORT MONGO_DB=sinkcmp_$name
         KAFKA_BOOTSTRAP_SERVERS=$LLT_TEST_KAFKA_BOOTSTRAP)
  for pid in $(server_pids); do
    taskset -a -p -c "$shell_cpus" "$pid" > /dev/null 2>&1 || echo "taskset $pid failed" >&2
  done
fi
env "${envs[@]}" "$out/shell/llt" run --config llt.json --env-file empty.env --duration "${duration}s" --plain > run.log 2>&1 &
run=$!
engine=; tid=
for _ in $(seq 1 100); do
  engine=$(pgrep -n -x llt-engine)
  [[ -n $engine ]] && tid=$(for t in /proc/$engine/task/*; do [[ $(cat "$t/comm" 2>/dev/null) == trader ]] && basename "$t"; done | head -1)
  [[ -n $tid ]] && break
  sleep 0.05
done
[[ -n $tid ]] || { echo "no trader thread in llt-engine" >&2; kill -INT $run; wait $run; exit 1; }
# RT=1: SCHED_FIFO for the trader, so the neighbours of a shared host cannot preempt it on ENGINE_CPU: stands in
# for an isolated core (isolcpus/nohz_full) on a machine that has none; both modes get the same treatment.
[[ ${RT:-0} == 1 ]] && chrt -f -p "${RT_PRIORITY:-10}" "$tid"
sleep 4
# where everything runs: the trader thread, the engine's other threads, the shell's threads
{ echo "trader tid $tid: cpus $(taskset -cp "$tid" | sed 's/.*: //'), $(chrt -p "$tid" | head -1 | sed 's/.*: //')"
  echo "engine threads: $(for t in /proc/$engine/task/*; do taskset -cp "$(basename "$t")" 2>/dev/null | sed 's/.*: //'; done | sort | uniq -c | tr -s ' \n' ' ')"
  echo "shell threads: $(for t in /proc/$run/task/*; do taskset -cp "$(basename "$t")" 2>/dev/null | sed 's/.*: //'; done | sort | uniq -c | tr -s ' \n' ' ')"
} > placement.txt
sched_start=$(cat /proc/$engine/task/$tid/schedstat 2>/dev/null)
invol_start=$(awk '/nonvoluntary/ {print $2}' /proc/$engine/task/$tid/status 2>/dev/null)
irq_column=$((engine_cpu + 2)); irq_start=$(awk -v c=$irq_column 'NR > 1 && $c ~ /^[0-9]+$/ { n += $c } END { print n }' /proc/interrupts)
awk -v c=$irq_column 'NR > 1 { print $1, $c }' /proc/interrupts > irq-start.txt
if [[ ${PERF_STAT:-0} == 1 ]]; then
  timeout -s INT $((duration - 8)) perf stat -t "$tid" -e "${PERF_EVENTS:-task-clock,context-switches,cpu-migrations,page-faults}" \
    -o perf-stat.txt > /dev/null 2>&1 || true
  sleep 1
else
  sleep $((duration - 8))
fi
load=$(cut -d' ' -f1 /proc/loadavg)
# the trader's scheduling over the window: time it waited for its CPU while runnable (schedstat's 2nd field)
# and the switches it did not ask for, i.e. what another thread on ENGINE_CPU cost it
sched_end=$(cat /proc/$engine/task/$tid/schedstat 2>/dev/null)
invol_end=$(awk '/nonvoluntary/ {print $2}' /proc/$engine/task/$tid/status 2>/dev/null)
irq_end=$(awk -v c=$irq_column 'NR > 1 && $c ~ /^[0-9]+$/ { n += $c } END { print n }' /proc/interrupts)
awk -v c=$irq_column 'NR > 1 { print $1, $c }' /proc/interrupts > irq-end.txt
"$out/shell/llt" stat --engine "$name" --json > stat.json 2>/dev/null
wait $run
python3 - <<P
import json
s=json.load(open("$dir/stat.json"))
for h in s["histograms"]:
    if h["label"].startswith("tick-to-order"):
        print("$mode", h["count"], "p50", h["p50Ns"], "p90", h["p90Ns"], "p99", h["p99Ns"], "p99.9", h["p999Ns"], "max", h["maxNs"], "load", "$load")
P
grep -E 'sinks on' run.log | head -1 | sed 's/.*sinks on/sinks on/'
cat placement.txt
read -r _ wait_start _ <<< "$sched_start"; read -r _ wait_end _ <<< "$sched_end"
echo "trader over the window: waited $(( (${wait_end:-0} - ${wait_start:-0}) / 1000 )) us for its CPU, $(( ${invol_end:-0} - ${invol_start:-0} )) involuntary switches; $(( irq_end - irq_start )) interrupts on CPU $engine_cpu"
echo "interrupts on CPU $engine_cpu by source: $(paste -d' ' irq-start.txt irq-end.txt | awk '{ print $1, $2, $4 }' | awk '$3 ~ /^[0-9]+$/ && $3 - $2 > 0 { print $3 - $2, $1 }' | sort -rn | head -6 | tr '\n' ' ')"
[[ -f perf-stat.txt ]] && grep -E '^ +[0-9]' perf-stat.txt
[[ -n ${JOURNAL_ROOT:-} ]] && rm -rf "$JOURNAL_ROOT/journal-$name"
if [[ $mode == on ]]; then
  for pid in $(server_pids); do taskset -a -p -c "$all_cpus" "$pid" > /dev/null 2>&1; done
fi
exit 0
