# llt — two commands do everything on a fresh machine:
#   make run    build and run the platform on its embedded defaults (no servers needed)
#   make test   install/start the test servers, run every test, print "N passed, N failed"
SHELL := /bin/bash
.DEFAULT_GOAL := help
DOTNET ?= dotnet
CONFIG ?= Release
OUT := out

.PHONY: help build run test bench aot infra-up infra-down clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

build: ## build the whole solution (Release)
	$(DOTNET) build llt.sln -c $(CONFIG) -nologo -v quiet

run: ## build and run the platform on its embedded defaults
	bash tools/run.sh

test: ## start test servers, run all tests, print "N passed, N failed"
	bash tests/run.sh

bench: ## run the BenchmarkDotNet suites (FILTER='*Sbe*' to narrow) and the latency harness
	$(DOTNET) run -c Release --project perf/Llt.Benchmarks -- --filter '$(or $(FILTER),*)'

aot: ## publish llt-engine with Native AOT to out/engine (fails on any warning)
	bash tools/aot.sh $(OUT)/engine

infra-up: ## start the test servers on loopback (Redis, PostgreSQL, Kafka mock, MongoDB stand-in)
	bash tests/infra/up.sh

infra-down: ## stop the test servers
	bash tests/infra/down.sh

clean: ## remove build output
	rm -rf artifacts $(OUT) BenchmarkDotNet.Artifacts
