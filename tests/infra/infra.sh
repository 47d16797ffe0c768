#!/usr/bin/env bash
# Functions shared by up.sh, down.sh and server.sh: install, start, probe and stop each test server.
# Sourced, never run. Every function returns non-zero with a "infra: <server>: <why>" line on stderr instead
# of exiting, because up.sh is itself sourced by tests/run.sh and must not end the caller's shell.
#
# Layout under LLT_INFRA_DIR (default /tmp/llt-infra; /tmp and the directory are world-enterable, so the
# postgres user can reach its data directory):
#   env                    the LLT_TEST_* exports, for processes that did not source up.sh
#   redis/    redis.pid redis.port redis.log
#   postgres/ data/ (PGDATA, owned by postgres) socket dir, postgres.port, password, postgres.log
#   kafka/    fifo, kcat.pid, holder.pid, kcat.log, bootstrap
#   mongo/    mongo.pid mongo.port mongo.log

LLT_INFRA_DIR="${LLT_INFRA_DIR:-/tmp/llt-infra}"
LLT_INFRA_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Debian's python3 sees the apt-installed mockupdb/mongomock/pymongo; a pyenv or venv python3 on PATH does not.
LLT_INFRA_PYTHON="${LLT_INFRA_PYTHON:-/usr/bin/python3}"
# Preferred ports (fixed so a developer can point a client at them); a busy one is replaced by a free one. They
# sit below the kernel's ephemeral range (32768+), where an outgoing connection could hold them at any moment.
LLT_INFRA_REDIS_PORT="${LLT_INFRA_REDIS_PORT:-16379}"
LLT_INFRA_POSTGRES_PORT="${LLT_INFRA_POSTGRES_PORT:-15432}"
LLT_INFRA_MONGO_PORT="${LLT_INFRA_MONGO_PORT:-17017}"
LLT_INFRA_WAIT_S="${LLT_INFRA_WAIT_S:-60}"

infra_fail() {
    echo "infra: $1: $2" >&2
    return 1
}

infra_log() {
    echo "infra: $*" >&2
}

# --- packages --------------------------------------------------------------------------------------------

infra_pg_bin() {
    local dir
    for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

infra_missing_packages() {
    local missing=()
    command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1 || missing+=(redis-server)
    infra_pg_bin >/dev/null && command -v psql >/dev/null 2>&1 || missing+=(postgresql-15)
    command -v kcat >/dev/null 2>&1 || missing+=(kcat)
    "$LLT_INFRA_PYTHON" -c 'import mockupdb' >/dev/null 2>&1 || missing+=(python3-mockupdb)
    "$LLT_INFRA_PYTHON" -c 'import mongomock' >/dev/null 2>&1 || missing+=(python3-mongomock)
    "$LLT_INFRA_PYTHON" -c 'import pymongo' >/dev/null 2>&1 || missing+=(python3-pymongo)
    echo "${missing[@]}"
}

infra_install() {
    local missing
    missing="$(infra_missing_packages)"
    [[ -z "$missing" ]] && return 0
    if [[ $(id -u) -ne 0 ]]; then
        infra_fail packages "missing ${missing} and not root: sudo apt-get install ${missing}"
        return 1
    fi
    infra_log "installing ${missing} from apt"
    # shellcheck disable=SC2086
    if ! apt-get -o DPkg::Lock::Timeout=300 update -qq >"$LLT_INFRA_DIR/apt.log" 2>&1 \
        || ! DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends \
            $missing >>"$LLT_INFRA_DIR/apt.log" 2>&1; then
        tail -5 "$LLT_INFRA_DIR/apt.log" >&2
        infra_fail packages "apt-get install ${missing} failed (log: $LLT_INFRA_DIR/apt.log)"
        return 1
    fi
    missing="$(infra_missing_packages)"
    [[ -z "$missing" ]] || { infra_fail packages "still missing after apt-get: ${missing}"; return 1; }
}

# --- small tools -----------------------------------------------------------------------------------------

infra_port_busy() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# True when 127.0.0.1:$1 can be bound right now: no listener and no connection holding it as its local port
# (a connect probe misses the latter, and then the server fails to bind).
infra_port_free() {
    "$LLT_INFRA_PYTHON" - "$1" >/dev/null 2>&1 <<'EOF'
import socket, sys
s = socket.socket()
s.bind(("127.0.0.1", int(sys.argv[1])))
EOF
}

# Prints the preferred port when it is free, else one the kernel hands out.
infra_pick_port() {
    if [[ "$1" != 0 ]] && infra_port_free "$1"; then
        echo "$1"
        return 0
    fi
    "$LLT_INFRA_PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

infra_pid_alive() {
    local pid
    [[ -f "$1" ]] || return 1
    pid="$(cat "$1" 2>/dev/null)"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

# Waits up to LLT_INFRA_WAIT_S for "$@" to succeed.
infra_wait_for() {
    local deadline=$((SECONDS + LLT_INFRA_WAIT_S))
    until "$@" >/dev/null 2>&1; do
        (( SECONDS >= deadline )) && return 1
        sleep 0.2
    done
}

# Waits up to LLT_INFRA_WAIT_S for "${@:2}" to succeed while the process in pid file $1 lives; fails at once when it exits.
infra_wait_while_alive() {
    local pid_file="$1" deadline=$((SECONDS + LLT_INFRA_WAIT_S))
    shift
    until "$@" >/dev/null 2>&1; do
        infra_pid_alive "$pid_file" || return 1
        (( SECONDS >= deadline )) && return 1
        sleep 0.2
    done
}

infra_stop_pid_file() {
    local file="$1" pid i
    [[ -f "$file" ]] || return 0
    pid="$(cat "$file" 2>/dev/null)"
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null
        for ((i = 0; i < 50; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
    fi
    rm -f "$file"
}

# --- Redis -----------------------------------------------------------------------------------------------

infra_redis_ready() {
    [[ "$(redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null)" == "PONG" ]]
}

infra_redis_start() {
    local dir="$LLT_INFRA_DIR/redis" port attempt
    mkdir -p "$dir"
    if infra_pid_alive "$dir/redis.pid" && [[ -f "$dir/redis.port" ]] && infra_redis_ready "$(cat "$dir/redis.port")"; then
        return 0
    fi
    infra_stop_pid_file "$dir/redis.pid"
    # the port it had (a restart keeps the address clients know), else the preferred one, else any free one
    port="$(cat "$dir/redis.port" 2>/dev/null || true)"
    [[ -n "$port" ]] && ! infra_port_busy "$port" || port="$(infra_pick_port "$LLT_INFRA_REDIS_PORT")"
    for attempt in 1 2 3; do
        # No RDB snapshots and no AOF: a test server that forgets on restart, like a cache that lost its node.
        # In the foreground of its own session (not --daemonize), so its pid is known before it binds.
        setsid redis-server --bind 127.0.0.1 --port "$port" --daemonize no --save '' --appendonly no \
            --dir "$dir" --logfile "$dir/redis.log" </dev/null >/dev/null 2>&1 &
        echo $! >"$dir/redis.pid"
        if infra_wait_while_alive "$dir/redis.pid" infra_redis_ready "$port"; then
            echo "$port" >"$dir/redis.port"
            return 0
        fi
        infra_stop_pid_file "$dir/redis.pid"
        infra_log "redis: could not start on 127.0.0.1:$port (attempt $attempt): $(tail -1 "$dir/redis.log" 2>/dev/null)"
        port="$(infra_pick_port 0)"
    done
    infra_fail redis "redis-server did not answer PING (log: $dir/redis.log)"
}

infra_redis_stop() {
    local dir="$LLT_INFRA_DIR/redis"
    if [[ -f "$dir/redis.port" ]] && infra_redis_ready "$(cat "$dir/redis.port")"; then
        redis-cli -h 127.0.0.1 -p "$(cat "$dir/redis.port")" shutdown nosave >/dev/null 2>&1
    fi
    infra_stop_pid_file "$dir/redis.pid"
}

# --- PostgreSQL ------------------------------------------------------------------------------------------

# Runs a command as the postgres OS user when we are root (initdb refuses root), else as ourselves.
infra_as_postgres() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

infra_postgres_ready() {
    local bin
    bin="$(infra_pg_bin)" || return 1
    "$bin/pg_isready" -h 127.0.0.1 -p "$1" -q
}

infra_postgres_psql() {
    local port="$1"
    shift
    infra_as_postgres psql -h "$LLT_INFRA_DIR/postgres" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

infra_postgres_start() {
    local dir="$LLT_INFRA_DIR/postgres" bin port password attempt
    bin="$(infra_pg_bin)" || { infra_fail postgres "initdb/pg_ctl not found under /usr/lib/postgresql"; return 1; }
    mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$dir"
    chmod 0755 "$dir"
    if [[ ! -f "$dir/data/PG_VERSION" ]]; then
        rm -rf "$dir/data"
        # trust on the socket (only the postgres OS user reaches it, the directory is its own),
        # scram passwords on TCP: the tests log in as a password user, like a real deployment.
        if ! infra_as_postgres "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --no-locale -N \
            --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1; then
            tail -5 "$dir/initdb.log" >&2
            infra_fail postgres "initdb failed (log: $dir/initdb.log)"
            return 1
        fi
    fi
    port="$(cat "$dir/postgres.port" 2>/dev/null || true)"
    if ! { [[ -n "$port" ]] && infra_postgres_ready "$port"; }; then
        [[ -n "$port" ]] && ! infra_port_busy "$port" || port="$(infra_pick_port "$LLT_INFRA_POSTGRES_PORT")"
        for attempt in 1 2 3; do
            # fsync off: a throwaway test server; durability against power loss is not what the tests check.
            if infra_as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t "$LLT_INFRA_WAIT_S" \
                -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
                start >"$dir/pg_ctl.log" 2>&1; then
                break
            fi
            tail -3 "$dir/postgres.log" >&2
            if (( attempt == 3 )); then
                infra_fail postgres "pg_ctl start on 127.0.0.1:$port failed (log: $dir/postgres.log)"
                return 1
            fi
            infra_log "postgres: could not start on 127.0.0.1:$port (attempt $attempt); trying another port"
            port="$(infra_pick_port 0)"
        done
        echo "$port" >"$dir/postgres.port"
    fi
    if ! infra_wait_for infra_postgres_ready "$port"; then
        infra_fail postgres "not accepting connections on 127.0.0.1:$port within ${LLT_INFRA_WAIT_S}s"
        return 1
    fi
    if [[ ! -s "$dir/password" ]]; then
        (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$dir/password")
    fi
    password="$(cat "$dir/password")"
    if [[ "$(infra_postgres_psql "$port" -c "SELECT 1 FROM pg_roles WHERE rolname = 'llt_test'")" != "1" ]]; then
        infra_postgres_psql "$port" -c "CREATE ROLE llt_test LOGIN CREATEDB PASSWORD '$password'" >/dev/null \
            || { infra_fail postgres "cannot create role llt_test"; return 1; }
    fi
    if [[ "$(infra_postgres_psql "$port" -c "SELECT 1 FROM pg_database WHERE datname = 'llt_test'")" != "1" ]]; then
        infra_postgres_psql "$port" -c "CREATE DATABASE llt_test OWNER llt_test" >/dev/null \
            || { infra_fail postgres "cannot create database llt_test"; return 1; }
    fi
}

infra_postgres_stop() {
    local dir="$LLT_INFRA_DIR/postgres" bin
    bin="$(infra_pg_bin)" || return 0
    [[ -f "$dir/data/postmaster.pid" ]] || return 0
    infra_as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
        || infra_as_postgres "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 10 stop >/dev/null 2>&1
}

# --- Kafka (librdkafka mock cluster inside kcat) -----------------------------------------------------------

infra_kafka_ready() {
    timeout 10 kcat -L -b "$1" -m 5 >/dev/null 2>&1
}

infra_kafka_start() {
    local dir="$LLT_INFRA_DIR/kafka" bootstrap deadline
    mkdir -p "$dir"
    if infra_pid_alive "$dir/kcat.pid" && [[ -s "$dir/bootstrap" ]] && infra_kafka_ready "$(cat "$dir/bootstrap")"; then
        return 0
    fi
    infra_kafka_stop
    # the old log would show the old cluster's brokers until the new kcat truncates it
    rm -f "$dir/fifo" "$dir/bootstrap" "$dir/kcat.log"
    mkfifo "$dir/fifo"
    # The mock cluster lives inside this kcat producer: it ignores -b and brings up three brokers on free
    # loopback ports, logging them. kcat produces whatever arrives on stdin, so stdin is a FIFO that a
    # sleeping holder keeps open: kcat never sees EOF and the cluster stays up until we kill it.
    setsid kcat -P -b 127.0.0.1:1 -t hold -X test.mock.num.brokers=3 <"$dir/fifo" >"$dir/kcat.log" 2>&1 &
    echo $! >"$dir/kcat.pid"
    setsid sleep 2147483647 >"$dir/fifo" 2>/dev/null </dev/null &
    echo $! >"$dir/holder.pid"
    deadline=$((SECONDS + LLT_INFRA_WAIT_S))
    while :; do
        bootstrap="$(sed -n 's/.*replaced with \([0-9.:,]*\).*/\1/p' "$dir/kcat.log" 2>/dev/null | head -1)"
        [[ -n "$bootstrap" ]] && break
        if ! infra_pid_alive "$dir/kcat.pid"; then
            tail -5 "$dir/kcat.log" >&2
            infra_fail kafka "kcat exited before the mock cluster came up (log: $dir/kcat.log)"
            return 1
        fi
        (( SECONDS >= deadline )) && { infra_fail kafka "no 'Mock cluster enabled' line in $dir/kcat.log within ${LLT_INFRA_WAIT_S}s"; return 1; }
        sleep 0.1
    done
    if ! infra_wait_for infra_kafka_ready "$bootstrap"; then
        infra_fail kafka "mock cluster $bootstrap does not answer metadata requests"
        return 1
    fi
    echo "$bootstrap" >"$dir/bootstrap"
}

infra_kafka_stop() {
    local dir="$LLT_INFRA_DIR/kafka"
    infra_stop_pid_file "$dir/holder.pid"
    infra_stop_pid_file "$dir/kcat.pid"
    rm -f "$dir/fifo"
}

# --- MongoDB wire-protocol stand-in ------------------------------------------------------------------------

infra_mongo_ready() {
    "$LLT_INFRA_PYTHON" - "$1" <<'EOF'
import sys, pymongo
client = pymongo.MongoClient("127.0.0.1", int(sys.argv[1]), serverSelectionTimeoutMS=2000, directConnection=True)
client.admin.command("ping")
EOF
}

infra_mongo_start() {
    local dir="$LLT_INFRA_DIR/mongo" port attempt
    mkdir -p "$dir"
    if infra_pid_alive "$dir/mongo.pid" && [[ -f "$dir/mongo.port" ]] && infra_mongo_ready "$(cat "$dir/mongo.port")" >/dev/null 2>&1; then
        return 0
    fi
    infra_stop_pid_file "$dir/mongo.pid"
    port="$(cat "$dir/mongo.port" 2>/dev/null || true)"
    [[ -n "$port" ]] && ! infra_port_busy "$port" || port="$(infra_pick_port "$LLT_INFRA_MONGO_PORT")"
    for attempt in 1 2 3; do
        setsid "$LLT_INFRA_PYTHON" "$LLT_INFRA_SCRIPTS/mongo_standin.py" --port "$port" >"$dir/mongo.log" 2>&1 </dev/null &
        echo $! >"$dir/mongo.pid"
        if infra_wait_while_alive "$dir/mongo.pid" infra_mongo_ready "$port"; then
            echo "$port" >"$dir/mongo.port"
            return 0
        fi
        infra_stop_pid_file "$dir/mongo.pid"
        infra_log "mongo: stand-in could not start on 127.0.0.1:$port (attempt $attempt): $(tail -1 "$dir/mongo.log" 2>/dev/null)"
        port="$(infra_pick_port 0)"
    done
    tail -5 "$dir/mongo.log" >&2
    infra_fail mongo "stand-in does not answer ping (log: $dir/mongo.log)"
}

infra_mongo_stop() {
    infra_stop_pid_file "$LLT_INFRA_DIR/mongo/mongo.pid"
}

# --- addresses -------------------------------------------------------------------------------------------

# Writes $LLT_INFRA_DIR/env from the running servers and exports the same variables into this shell.
infra_write_env() {
    local env="$LLT_INFRA_DIR/env" tmp
    tmp="$(mktemp "$LLT_INFRA_DIR/env.XXXXXX")"
    {
        echo "# written by tests/infra/up.sh; source it to reach the test servers"
        echo "export LLT_TEST_POSTGRES_HOST=127.0.0.1"
        echo "export LLT_TEST_POSTGRES_PORT=$(cat "$LLT_INFRA_DIR/postgres/postgres.port")"
        echo "export LLT_TEST_POSTGRES_DB=llt_test"
        echo "export LLT_TEST_POSTGRES_USER=llt_test"
        echo "export LLT_TEST_POSTGRES_PASSWORD=$(cat "$LLT_INFRA_DIR/postgres/password")"
        echo "export LLT_TEST_REDIS_HOST=127.0.0.1"
        echo "export LLT_TEST_REDIS_PORT=$(cat "$LLT_INFRA_DIR/redis/redis.port")"
        echo "export LLT_TEST_KAFKA_BOOTSTRAP=$(cat "$LLT_INFRA_DIR/kafka/bootstrap")"
        echo "export LLT_TEST_MONGO_HOST=127.0.0.1"
        echo "export LLT_TEST_MONGO_PORT=$(cat "$LLT_INFRA_DIR/mongo/mongo.port")"
        echo "export LLT_TEST_INFRA_SCRIPTS=$LLT_INFRA_SCRIPTS"
    } >"$tmp"
    chmod 0600 "$tmp"
    mv "$tmp" "$env"
    # shellcheck disable=SC1090
    source "$env"
}
