#!/usr/bin/env bash
# A local ClickHouse server (chDB's engine) for people; tests and the run command start their
# own from Java. Data survives stop/start.
#
#   deploy/local/clickhouse.sh start|stop|status
#
#   CANDLEFLOW_CLICKHOUSE_DATA_DIR   data dir            (default deploy/local/.data/clickhouse)
#   CANDLEFLOW_CLICKHOUSE_PORT       HTTP port (JDBC)    (default 18123)
#   CANDLEFLOW_CLICKHOUSE_TCP_PORT   native TCP port     (default 19000)
#
# JDBC: jdbc:clickhouse://127.0.0.1:18123/market with user "default" and an empty password.
# Use an explicit Atomic database: CREATE DATABASE IF NOT EXISTS market ENGINE = Atomic
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=services/src/main/sh/local-service.sh
. "$here/services/src/main/sh/local-service.sh"
# 300 s: the first start downloads the engine (about 180 MB) into ~/.cache/candleflow.
cf_run clickhouse "${CANDLEFLOW_CLICKHOUSE_DATA_DIR:-$here/.data/clickhouse}" \
  "${CANDLEFLOW_CLICKHOUSE_PORT:-18123}" "${CANDLEFLOW_CLICKHOUSE_TCP_PORT:-19000}" 300 "${1:-}"
