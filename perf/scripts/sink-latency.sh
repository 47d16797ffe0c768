#!/usr/bin/env bash
# Engine tick-to-order with the journal sinks off or on (perf/results/sinks.md). Needs `make run` (builds out/)
# and, for "on", the test servers (`make infra-up`). usage: perf/scripts/sink-latency.sh on|off RUN-NAME
set -u
repo="$(cd "$(dirname "$0")/../.." && pwd)"
mode=$1; name=$2
dir=/tmp/llt-sink-latency/$name; rm -rf $dir; mkdir -p $dir; cd $dir
cat > llt.json <<J
{ "engine": { "name": "$name", "journal": { "dir": "$dir/journal" } } }
J
: > empty.env
envs=(LLT_ENGINE=$repo/out/engine/llt-engine HEALTH_PORT=0)
if [[ $mode == on ]]; then
  source /tmp/llt-infra/env
  envs+=(POSTGRES_HOST=$LLT_TEST_POSTGRES_HOST POSTGRES_PORT=$LLT_TEST_POSTGRES_PORT POSTGRES_DB=$LLT_TEST_POSTGRES_DB POSTGRES_USER=$LLT_TEST_POSTGRES_USER POSTGRES_PASSWORD=$LLT_TEST_POSTGRES_PASSWORD
         REDIS_HOST=$LLT_TEST_REDIS_HOST REDIS_PORT=$LLT_TEST_REDIS_PORT MONGO_HOST=$LLT_TEST_MONGO_HOST MONGO_PORT=$LLT_TEST_MONGO_PORT MONGO_DB=sinkcmp_$name
         KAFKA_BOOTSTRAP_SERVERS=$LLT_TEST_KAFKA_BOOTSTRAP)
fi
env "${envs[@]}" $repo/out/shell/llt run --config llt.json --env-file empty.env --duration 25s --plain > run.log 2>&1 &
sleep 22
$repo/out/shell/llt stat --engine $name --json > stat.json 2>/dev/null
wait
python3 - <<P
import json
s=json.load(open("$dir/stat.json"))
for h in s["histograms"]:
    if h["label"].startswith("tick-to-order"):
        print("$mode", h["count"], "p50", h["p50Ns"], "p90", h["p90Ns"], "p99", h["p99Ns"], "p99.9", h["p999Ns"], "max", h["maxNs"])
P
grep -E 'sinks on' run.log | head -1
