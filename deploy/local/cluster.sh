#!/usr/bin/env bash
# A local Flink standalone session cluster for people: a JobManager JVM and TaskManager JVMs run
# from the Maven-resolved Flink jars (deploy/flink/pom.xml, no flink-dist download) with the
# configuration in deploy/flink/conf. Tests start their own from Java (module deploy/cluster,
# dev.candleflow.cluster.StandaloneCluster).
#
#   deploy/local/cluster.sh start|stop|status
#   deploy/local/cluster.sh flink ARGS...     Flink's own CLI against this cluster, e.g.
#     deploy/local/cluster.sh flink run -d -p 2 jobs/candle-job/target/candle-job-0.1.0-SNAPSHOT-flink.jar --symbols BTC-USDT
#     deploy/local/cluster.sh flink list
#     deploy/local/cluster.sh flink stop --savepointPath "$PWD/deploy/local/.data/flink/savepoints" JOB_ID
#
#   CANDLEFLOW_FLINK_DIR            conf, logs, checkpoints, savepoints   (default deploy/local/.data/flink)
#   CANDLEFLOW_FLINK_REST_PORT      REST API and Web UI                   (default 8081)
#   CANDLEFLOW_FLINK_RPC_PORT       JobManager RPC                        (default 6123)
#   CANDLEFLOW_FLINK_METRICS_PORT   Prometheus of the JobManager; TaskManager n gets this + n (default 9249)
#   CANDLEFLOW_FLINK_TASKMANAGERS   TaskManager JVMs                      (default 1)
#   CANDLEFLOW_FLINK_SLOTS          slots per TaskManager                 (default 2)
#
# `stop` ends only the JVMs whose pids `start` recorded in $CANDLEFLOW_FLINK_DIR/cluster.state.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
dir="${CANDLEFLOW_FLINK_DIR:-$root/deploy/local/.data/flink}"
lib="$root/deploy/flink/target/lib"
classes="$root/deploy/cluster/target/classes"

say() { echo "[flink] $*" >&2; }

# Flink's lib/ (deploy/flink/pom.xml) and the launcher's classes, rebuilt when their sources are
# newer than what target/ holds. The first build downloads Flink's jars (about 120 MB).
build() {
  command -v mvn >/dev/null 2>&1 || { say "Maven (mvn) is needed: apt-get install maven"; return 1; }
  local version runtime
  version="$(sed -n 's:.*<flink.version>\(.*\)</flink.version>.*:\1:p' pom.xml | head -1)"
  runtime="$lib/flink-runtime-$version.jar"
  if [ ! -f "$runtime" ] || [ deploy/flink/pom.xml -nt "$runtime" ]; then
    say "resolving Flink $version's jars into deploy/flink/target/lib ..."
    mvn -B -q -f deploy/flink/pom.xml dependency:copy-dependencies@flink-lib
    touch "$runtime"
  fi
  local main="$classes/dev/candleflow/cluster/ClusterMain.class"
  if [ ! -f "$main" ] || [ -n "$(find deploy/cluster/src/main deploy/cluster/pom.xml deploy/flink/conf \
      -newer "$main" -print -quit)" ]; then
    say "building deploy/cluster ..."
    mvn -B -q -pl deploy/cluster compile
  fi
}

launcher() {
  java -Xmx128m -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$classes/dev/candleflow/cluster/launcher-log4j2.properties" \
    -cp "$classes:$lib/*" dev.candleflow.cluster.ClusterMain "$@"
}

case "${1:-}" in
  start)
    command -v java >/dev/null 2>&1 || { say "Java 17 is needed: apt-get install openjdk-17-jdk-headless"; exit 1; }
    build
    mkdir -p "$dir"
    launcher start --work-dir "$dir" --lib "$lib" \
      --rest-port "${CANDLEFLOW_FLINK_REST_PORT:-8081}" --rpc-port "${CANDLEFLOW_FLINK_RPC_PORT:-6123}" \
      --metrics-port "${CANDLEFLOW_FLINK_METRICS_PORT:-9249}" \
      --taskmanagers "${CANDLEFLOW_FLINK_TASKMANAGERS:-1}" --slots "${CANDLEFLOW_FLINK_SLOTS:-2}"
    ;;
  stop | status)
    if [ ! -f "$classes/dev/candleflow/cluster/ClusterMain.class" ]; then
      say "not running (never built)"
      [ "$1" = stop ] && exit 0 || exit 3
    fi
    launcher "$1" --work-dir "$dir"
    ;;
  flink)
    shift
    build
    [ -f "$dir/conf/config.yaml" ] || { say "no cluster configuration in $dir; run: $0 start"; exit 1; }
    # The same module opens as the cluster's JVMs: Flink needs them on Java 17.
    opens=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
      --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
      --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
      --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED
      --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
      --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
      --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
      --add-exports=java.base/sun.net.util=ALL-UNNAMED)
    FLINK_CONF_DIR="$dir/conf" exec java -Xmx512m "${opens[@]}" \
      -Dlog.file="$dir/log/client.log" -Dlog4j.configurationFile="$dir/conf/log4j.properties" \
      -cp "$lib/*" org.apache.flink.client.cli.CliFrontend "$@"
    ;;
  *)
    echo "usage: $(basename "$0") start|stop|status|flink ARGS..." >&2
    exit 2
    ;;
esac
