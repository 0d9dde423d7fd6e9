#!/usr/bin/env bash
# Runs every test: unit tests, then the integration tests against real ClickHouse (chDB),
# real Kafka (KRaft) and Flink MiniClusters that the tests start and stop themselves.
# Extra arguments go to Maven, e.g. deploy/local/test.sh -pl jobs/candle-job -am
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
# shellcheck source=require.sh
. deploy/local/require.sh
candleflow_require
exec mvn -B verify "$@"
