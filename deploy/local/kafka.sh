#!/usr/bin/env bash
# A local single-node Kafka broker (KRaft, broker and controller in one JVM) for people; tests
# and the run command start their own from Java. Topics and data survive stop/start.
#
#   deploy/local/kafka.sh start|stop|status
#
#   CANDLEFLOW_KAFKA_DATA_DIR          data dir          (default deploy/local/.data/kafka)
#   CANDLEFLOW_KAFKA_PORT              bootstrap port    (default 19092)
#   CANDLEFLOW_KAFKA_CONTROLLER_PORT   controller port   (default 19093)
#
# bootstrap.servers=127.0.0.1:19092; transactions work (replication factor 1).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=services/src/main/sh/local-service.sh
. "$here/services/src/main/sh/local-service.sh"
cf_run kafka "${CANDLEFLOW_KAFKA_DATA_DIR:-$here/.data/kafka}" \
  "${CANDLEFLOW_KAFKA_PORT:-19092}" "${CANDLEFLOW_KAFKA_CONTROLLER_PORT:-19093}" 120 "${1:-}"
