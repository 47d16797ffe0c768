#!/usr/bin/env bash
# Starts the servers the integration tests talk to, all on 127.0.0.1, and exports their addresses:
#   Redis 7, PostgreSQL 15 (user/db llt_test, scram password), the librdkafka mock Kafka cluster (inside kcat),
#   and a MongoDB wire-protocol stand-in (tests/infra/mongo_standin.py: mockupdb's server + mongomock).
# Installs what is missing from apt first (root only). Idempotent: servers already running are reused.
# Exports LLT_TEST_POSTGRES_HOST/PORT/DB/USER/PASSWORD, LLT_TEST_REDIS_HOST/PORT, LLT_TEST_KAFKA_BOOTSTRAP,
# LLT_TEST_MONGO_HOST/PORT and writes them to $LLT_INFRA_DIR/env (default /tmp/llt-infra/env).
# Sourced by tests/run.sh (so the exports reach dotnet test) or run by `make infra-up`; tests/infra/README.md
# says how each server starts. tests/infra/server.sh stops/starts one server (outage tests); down.sh stops all.

# shellcheck source=tests/infra/infra.sh
source "$(dirname "${BASH_SOURCE[0]}")/infra.sh"

llt_infra_up() {
    local started=$SECONDS server
    mkdir -p "$LLT_INFRA_DIR" || { infra_fail infra "cannot create $LLT_INFRA_DIR"; return 1; }
    chmod 0755 "$LLT_INFRA_DIR"
    infra_install || return 1
    for server in redis postgres kafka mongo; do
        "infra_${server}_start" || return 1
    done
    infra_write_env || { infra_fail infra "cannot write $LLT_INFRA_DIR/env"; return 1; }
    infra_log "up in $((SECONDS - started))s: postgres 127.0.0.1:$LLT_TEST_POSTGRES_PORT, redis 127.0.0.1:$LLT_TEST_REDIS_PORT," \
        "kafka $LLT_TEST_KAFKA_BOOTSTRAP, mongo 127.0.0.1:$LLT_TEST_MONGO_PORT (source $LLT_INFRA_DIR/env)"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    llt_infra_up
    exit $?
else
    llt_infra_up
fi
