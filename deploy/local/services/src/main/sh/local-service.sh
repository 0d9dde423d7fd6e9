# Sourced by deploy/local/clickhouse.sh and deploy/local/kafka.sh: start|stop|status of one
# service, run in the background by dev.candleflow.local.LocalServiceMain (this module).
#
# Per service, in its data dir: <service>.pid (the launcher JVM), <service>.log (its output),
# <service>.ready (the address, written once the service answers). The launcher stops the
# service (chDB via stdin EOF, the broker via SIGTERM) when it gets SIGTERM; if the launcher is
# killed outright, the service still stops because its stdin pipe closes.

cf_module="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cf_root="$(cd "$cf_module/../../.." && pwd)"
cf_main_class=dev.candleflow.local.LocalServiceMain

cf_say() { echo "[$cf_service] $*"; }
cf_fail() { echo "[$cf_service] $*" >&2; return 1; }

# The launcher's classpath: compiled classes plus the runtime dependencies, rebuilt with Maven
# when the pom or a source is newer than what target/ holds.
cf_classpath() {
  local cp_file="$cf_module/target/local-services.classpath"
  local stamp="$cf_module/target/classes/dev/candleflow/local/LocalServiceMain.class"
  if [ ! -s "$cp_file" ] || [ ! -f "$stamp" ] || [ "$cf_module/pom.xml" -nt "$cp_file" ] \
      || [ -n "$(find "$cf_module/src/main" -newer "$stamp" -print -quit)" ]; then
    command -v mvn >/dev/null 2>&1 || cf_fail "Maven (mvn) is needed: apt-get install maven" || return 1
    cf_say "building deploy/local/services (the first time also downloads its dependencies) ..." >&2
    local out
    if ! out="$(cd "$cf_root" && mvn -B -q -pl deploy/local/services compile \
        dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime 2>&1)"; then
      echo "$out" >&2
      cf_fail "the build failed" || return 1
    fi
  fi
  echo "$cf_module/target/classes:$(cat "$cp_file")"
}

cf_port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True if $1 is a live launcher for this service and data dir (guards against reused pids).
cf_is_ours() {
  [ -n "$1" ] && [ -r "/proc/$1/cmdline" ] || return 1
  local cmdline
  cmdline="$(tr '\0' ' ' <"/proc/$1/cmdline")"
  [[ "$cmdline" == *"$cf_main_class $cf_service "* && "$cmdline" == *"--data-dir $cf_data "* ]]
}

cf_recorded_pid() { [ -f "$cf_pid_file" ] && cat "$cf_pid_file" || true; }

cf_start() {
  local pid
  pid="$(cf_recorded_pid)"
  if cf_is_ours "$pid"; then
    cf_say "already running at $(cat "$cf_ready" 2>/dev/null) (pid $pid)"
    return 0
  fi
  local p
  for p in "$cf_port" "$cf_second_port"; do
    if cf_port_in_use "$p"; then
      cf_fail "port $p on 127.0.0.1 is taken by another process; choose another one with" \
        "the environment variables listed in $(basename "$0")" || return 1
    fi
  done
  command -v java >/dev/null 2>&1 || cf_fail "Java 17 is needed: apt-get install openjdk-17-jdk-headless" || return 1
  local cp
  cp="$(cf_classpath)" || return 1
  rm -f "$cf_ready"
  nohup java -Xmx256m -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$cf_module/target/classes/dev/candleflow/local/cli-log4j2.properties" \
    -cp "$cp" "$cf_main_class" "$cf_service" --data-dir "$cf_data" --port "$cf_port" \
    --second-port "$cf_second_port" --ready-file "$cf_ready" >>"$cf_log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$cf_pid_file"
  cf_await_ready "$pid"
}

cf_await_ready() {
  local pid="$1" waited=0
  until [ -s "$cf_ready" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$cf_pid_file"
      cf_fail "failed to start; last lines of $cf_log:" || true
      tail -n 25 "$cf_log" >&2
      return 1
    fi
    if [ "$waited" -ge "$((cf_timeout * 5))" ]; then
      cf_fail "did not answer within $cf_timeout s; stopping it (see $cf_log)" || true
      cf_stop >/dev/null
      return 1
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
  cf_say "ready at $(cat "$cf_ready") (pid $pid, data $cf_data, log $cf_log)"
}

cf_stop() {
  local pid
  pid="$(cf_recorded_pid)"
  if ! cf_is_ours "$pid"; then
    rm -f "$cf_pid_file" "$cf_ready"
    cf_say "not running"
    return 0
  fi
  kill -TERM "$pid"
  local waited=0
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 200 ]; do
    sleep 0.2
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    cf_say "pid $pid ignored SIGTERM for 40 s, killing it"
    kill -KILL "$pid"
  fi
  rm -f "$cf_pid_file" "$cf_ready"
  cf_say "stopped (pid $pid)"
}

cf_status() {
  local pid
  pid="$(cf_recorded_pid)"
  if cf_is_ours "$pid" && [ -s "$cf_ready" ] && cf_port_in_use "$cf_port"; then
    cf_say "running at $(cat "$cf_ready") (pid $pid, data $cf_data)"
    return 0
  fi
  if cf_is_ours "$pid"; then
    cf_say "starting or unhealthy (pid $pid; see $cf_log)"
    return 1
  fi
  cf_say "not running"
  return 3
}

# cf_run SERVICE DATA_DIR PORT SECOND_PORT START_TIMEOUT_S COMMAND
cf_run() {
  cf_service="$1"
  mkdir -p "$2"
  cf_data="$(cd "$2" && pwd)"
  cf_port="$3"
  cf_second_port="$4"
  cf_timeout="$5"
  cf_pid_file="$cf_data/$cf_service.pid"
  cf_log="$cf_data/$cf_service.log"
  cf_ready="$cf_data/$cf_service.ready"
  case "${6:-}" in
    start) cf_start ;;
    stop) cf_stop ;;
    status) cf_status ;;
    *) echo "usage: $(basename "$0") start|stop|status" >&2; return 2 ;;
  esac
}
