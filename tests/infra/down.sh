#!/usr/bin/env bash
# Stops every server tests/infra/up.sh started and removes their run directory ($LLT_INFRA_DIR).
# shellcheck source=tests/infra/infra.sh
source "$(dirname "${BASH_SOURCE[0]}")/infra.sh"

infra_mongo_stop
infra_kafka_stop
infra_redis_stop
infra_postgres_stop
rm -rf "$LLT_INFRA_DIR"
echo "infra: stopped" >&2
