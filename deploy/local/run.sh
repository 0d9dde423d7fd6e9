#!/usr/bin/env bash
# Runs candleflow on this machine: real ClickHouse and Kafka, the exchange simulator, and
# CandleJob on an embedded Flink MiniCluster with the Web UI. Ctrl-C stops everything.
#
#   deploy/local/run.sh                         simulated Binance market, 10x real time
#   deploy/local/run.sh --speed 1               ... at real-time pace
#   deploy/local/run.sh --live                  the real Binance stream (needs internet)
#   deploy/local/run.sh --replay FILE [--replay-speed 2|max]   rebuild candles from a capture
#   deploy/local/run.sh --symbols BTC-USDT --candles.interval 1s   any job setting as --key value
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
# shellcheck source=require.sh
. deploy/local/require.sh
candleflow_require

echo "[candleflow] building (the first run downloads the dependencies, a few minutes) ..."
mvn -B -q -DskipTests -pl deploy/local/stack -am install
mvn -B -q -pl deploy/local/stack dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
cp="deploy/local/stack/target/classes:$(cat deploy/local/stack/target/classpath.txt)"

# Flink needs these module opens on Java 17 (the same set flink-dist passes).
opens=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
  --add-exports=java.base/sun.net.util=ALL-UNNAMED)
exec java -Xmx1536m "${opens[@]}" -cp "$cp" dev.candleflow.local.stack.LocalStack "$@"
