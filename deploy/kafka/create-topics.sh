#!/usr/bin/env bash
# Creates candleflow's Kafka topics on a Kafka without Strimzi; existing topics are left alone.
# The same set as topics.yaml (a test in deploy/cluster keeps the two equal).
#
#   deploy/kafka/create-topics.sh BOOTSTRAP_SERVERS [REPLICATION_FACTOR]    (default 3)
#
# docker-compose.yml runs it once in the Kafka image with replication factor 1. The job also
# creates its own topics (compacted, 3 partitions) when they are missing, so this script is about
# the right partition counts and retention, and about feed-health.
set -euo pipefail
bootstrap="${1:?usage: $0 BOOTSTRAP_SERVERS [REPLICATION_FACTOR]}"
replication="${2:-3}"
kafka_topics="$(command -v kafka-topics.sh || echo /opt/kafka/bin/kafka-topics.sh)"
# acks=all writes need min.insync.replicas <= replicas; 2 once there are 3.
min_isr=$(( replication >= 3 ? 2 : 1 ))

# create NAME PARTITIONS CONFIG...
create() {
  local name="$1" partitions="$2"
  shift 2
  local configs=(--config "min.insync.replicas=$min_isr")
  local c
  for c in "$@"; do
    configs+=(--config "$c")
  done
  "$kafka_topics" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$name" \
    --partitions "$partitions" --replication-factor "$replication" "${configs[@]}"
}

create candles 12 cleanup.policy=compact min.compaction.lag.ms=3600000
create candles.live 12 cleanup.policy=compact,delete retention.ms=86400000
create outliers 6 cleanup.policy=compact
create dead-letters 3 cleanup.policy=delete retention.ms=2592000000
create feed-health 3 cleanup.policy=compact,delete retention.ms=604800000
"$kafka_topics" --bootstrap-server "$bootstrap" --list
