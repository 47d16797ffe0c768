#!/usr/bin/env bash
# Stops what tests/infra/up.sh started.
echo "infra: nothing to stop"
