#!/usr/bin/env bash
# Starts the servers the integration tests talk to, on loopback, and exports their addresses.
# Sourced by tests/run.sh (so the exports reach dotnet test) or run by `make infra-up`.
# The current test suites need no external server: the engine, rings, journal and counters are tested
# in-process and across processes on this machine. The shell's sinks (PostgreSQL, Redis, Kafka, MongoDB)
# add their servers here when they land.
echo "infra: no test servers required by the current suites"
