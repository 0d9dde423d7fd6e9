#!/usr/bin/env bash
# Applies the cluster DDL in deploy/clickhouse/cluster, in order, through one node: every
# statement is ON CLUSTER '{cluster}' (the operator defines the macros) and idempotent, except the
# schema_migrations insert, which collapses on its version (ReplacingMergeTree).
#
#   deploy/clickhouse/apply.sh CLICKHOUSE_CLIENT_ARGS...
#   e.g. kubectl port-forward -n candleflow svc/clickhouse-candleflow 9000:9000 &
#        deploy/clickhouse/apply.sh --host 127.0.0.1 --user candleflow --password "$CLICKHOUSE_PASSWORD"
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for f in "$here"/cluster/*.sql; do
  echo "[clickhouse] $(basename "$f")"
  clickhouse-client "$@" --multiquery <"$f"
done
