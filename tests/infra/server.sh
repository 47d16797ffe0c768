#!/usr/bin/env bash
# Stops or starts one test server started by tests/infra/up.sh, for outage tests:
#   tests/infra/server.sh stop|start|status redis|postgres|kafka|mongo
# start brings it back on the same port with the same data directory (PostgreSQL keeps its rows; Redis,
# the Kafka mock and the MongoDB stand-in keep data in memory only and come back empty). The Kafka mock
# picks new broker ports on every start: start rewrites $LLT_INFRA_DIR/env with the new bootstrap list.
# shellcheck source=tests/infra/infra.sh
source "$(dirname "${BASH_SOURCE[0]}")/infra.sh"

usage() {
    echo "usage: $0 stop|start|status redis|postgres|kafka|mongo" >&2
    exit 2
}

[[ $# -eq 2 ]] || usage
action="$1"
server="$2"
case "$server" in redis|postgres|kafka|mongo) ;; *) usage ;; esac

case "$action" in
    stop)
        "infra_${server}_stop"
        ;;
    start)
        "infra_${server}_start" || exit 1
        if [[ "$server" == kafka ]]; then
            infra_write_env || exit 1
        fi
        ;;
    status)
        case "$server" in
            redis) port="$(cat "$LLT_INFRA_DIR/redis/redis.port" 2>/dev/null)" ;;
            postgres) port="$(cat "$LLT_INFRA_DIR/postgres/postgres.port" 2>/dev/null)" ;;
            mongo) port="$(cat "$LLT_INFRA_DIR/mongo/mongo.port" 2>/dev/null)" ;;
            kafka) port="$(cat "$LLT_INFRA_DIR/kafka/bootstrap" 2>/dev/null)" ;;
        esac
        if [[ -n "$port" ]] && "infra_${server}_ready" "$port" >/dev/null 2>&1; then
            echo "$server up ($port)"
        else
            echo "$server down"
            exit 1
        fi
        ;;
    *) usage ;;
esac
