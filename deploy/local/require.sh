# Sourced by run.sh and test.sh: checks the tools the build and the local services need,
# installing the missing ones from Debian's packages where this user may (root).
# Shell, not Java, because it must run before anything is built.

candleflow_require() {
  local missing=()
  command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  command -v npm >/dev/null 2>&1 || missing+=(npm)   # fetches the ClickHouse engine (chDB)
  command -v gcc >/dev/null 2>&1 || missing+=(gcc)   # builds the tiny chDB launcher
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "[candleflow] installing ${missing[*]} ..."
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      echo "[candleflow] missing tools: ${missing[*]} (install them, e.g. apt-get install ${missing[*]})" >&2
      return 1
    fi
  fi
  local v
  v=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  if [ -z "$v" ] || [ "$v" -lt 17 ]; then
    echo "[candleflow] Java 17 or newer is needed; 'java -version' says: $(java -version 2>&1 | head -1)" >&2
    return 1
  fi
}
