#!/usr/bin/env bash
# A Nacos server built from its source, standalone, with authentication on — the registry and config center a
# production Paysuite runs against, on one machine (docs/operations.md "Running against a Nacos built from source").
#
#   deploy/nacos/nacos-local.sh build  SRC_DIR [TAG]   # git checkout TAG (default: the newest release tag), build the distribution
#   deploy/nacos/nacos-local.sh start  SRC_DIR         # configure (ports, auth) and start it standalone, set the admin password
#   deploy/nacos/nacos-local.sh stop   SRC_DIR
#   deploy/nacos/nacos-local.sh address SRC_DIR        # the PAYSUITE_REGISTRY value for bin/run-local and the ITs
#
# NACOS_PORT (default 28848: off Nacos' 8848 so that a Nacos of the machine stays untouched; the gRPC ports are
# NACOS_PORT+1000 and +1001), NACOS_CONSOLE_PORT (default 28080), NACOS_PASSWORD (the user nacos; default: generated
# once into SRC_DIR/paysuite-nacos.password). The build's output stays under SRC_DIR.
set -euo pipefail
port=${NACOS_PORT:-28848}
console_port=${NACOS_CONSOLE_PORT:-28080}
cmd=${1:?build|start|stop|address}
src=${2:-}
[ -z "$src" ] || src=$(cd "$src" && pwd)

home() { # the unpacked distribution
  ls -d "$src"/distribution/target/nacos-server-*/nacos 2>/dev/null | head -1
}

password() {
  if [ -n "${NACOS_PASSWORD:-}" ]; then echo "$NACOS_PASSWORD"; return; fi
  local file="$src/paysuite-nacos.password"
  [ -s "$file" ] || openssl rand -hex 12 > "$file"
  cat "$file"
}

# sets key=value in a properties file, replacing the line that sets it (commented out or not)
set_property() {
  local file=$1 key=$2 value=$3
  if grep -qE "^#? *${key//./\\.}=" "$file"; then
    sed -i -E "s|^#? *${key//./\\.}=.*|${key}=${value}|" "$file"
  else
    echo "${key}=${value}" >> "$file"
  fi
}

case "$cmd" in
  build)
    cd "$src"
    tag=${3:-$(git tag --list '[0-9]*.[0-9]*.[0-9]*' | grep -vE -- '-(alpha|beta|BETA|ALPHA)' | sort -V | tail -1)}
    git checkout -q "$tag"
    echo "building Nacos $tag in $src (package only: nothing is installed into ~/.m2) ..."
    mvn -B -q -Prelease-nacos -Dmaven.test.skip=true -Dmaven.javadoc.skip=true -Drat.skip=true -Dcheckstyle.skip=true \
      -Dpmd.skip=true -Djacoco.skip=true package
    # the release profile's assembly runs in the install phase only; lay the distribution out as
    # distribution/release-nacos.xml says (bin, conf, plugins, LICENSE, NOTICE, target/nacos-server.jar)
    version=$(ls "$src"/server/target/nacos-server-*.jar | grep -v sources | sed -E 's/.*nacos-server-(.*)\.jar/\1/')
    dist="$src/distribution/target/nacos-server-$version/nacos"
    rm -rf "$dist" && mkdir -p "$dist/target"
    cp -r "$src"/distribution/conf "$src"/distribution/bin "$dist"/
    [ ! -d "$src"/distribution/plugins ] || cp -r "$src"/distribution/plugins "$dist"/
    cp "$src"/distribution/LICENSE-BIN "$dist"/LICENSE && cp "$src"/distribution/NOTICE-BIN "$dist"/NOTICE
    cp "$src"/bootstrap/target/nacos-server.jar "$dist"/target/
    chmod 755 "$dist"/bin/*
    echo "Nacos $version in $dist"
    ;;
  start)
    dir=$(home)
    [ -n "$dir" ] || { echo "no distribution under $src/distribution/target: run '$0 build $src' first" >&2; exit 1; }
    conf="$dir/conf/application.properties"
    set_property "$conf" nacos.server.main.port "$port"
    set_property "$conf" nacos.console.port "$console_port"
    # Nacos 3 refuses to start (startup.sh asks on the terminal) without these three; the token key must be Base64 of
    # at least 32 bytes. Generated once per distribution and kept in its conf.
    grep -qE '^nacos\.core\.auth\.plugin\.nacos\.token\.secret\.key=.+' "$conf" \
      || set_property "$conf" nacos.core.auth.plugin.nacos.token.secret.key "$(openssl rand -base64 32)"
    grep -qE '^nacos\.core\.auth\.server\.identity\.key=.+' "$conf" \
      || set_property "$conf" nacos.core.auth.server.identity.key "paysuite-$(openssl rand -hex 4)"
    grep -qE '^nacos\.core\.auth\.server\.identity\.value=.+' "$conf" \
      || set_property "$conf" nacos.core.auth.server.identity.value "$(openssl rand -hex 16)"
    # authentication on for the clients' API too (off by default): every Paysuite client then logs in with
    # nacos://…?username=nacos&password=…, as in production
    set_property "$conf" nacos.core.auth.enabled true
    # the embedded Derby store boots within Hikari's connection timeout, 3 s by default: on a loaded machine it
    # does not, and Nacos stops with "load derby-schema.sql error … Login timeout exceeded"
    set_property "$conf" db.pool.config.connectionTimeout 60000
    CUSTOM_NACOS_MEMORY="-Xms256m -Xmx256m -Xmn128m" "$dir/bin/startup.sh" -m standalone
    # the server's own process id, so that stop ends exactly it (Nacos' shutdown.sh ends every Nacos of the machine)
    sleep 2
    pgrep -f -- "-Dnacos.home=$dir " > "$dir/paysuite-nacos.pid" || true
    echo -n "waiting for Nacos on 127.0.0.1:$port "
    pid=$(cat "$dir/paysuite-nacos.pid" 2>/dev/null || true)
    for _ in $(seq 1 300); do
      if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
        echo " Nacos stopped while starting: see $dir/logs/startup.log" >&2; exit 1
      fi
      if curl -sf "http://127.0.0.1:$port/nacos/v3/admin/core/state/readiness" >/dev/null 2>&1 \
         || curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/nacos/v3/admin/core/state/readiness" 2>/dev/null | grep -qE '^(401|403)$'; then
        echo " up"; break
      fi
      echo -n .; sleep 2
    done
    # Nacos 3 has no default admin password: the first call sets it (answers an error when it is set already)
    curl -s -X POST "http://127.0.0.1:$port/nacos/v3/auth/user/admin" --data-urlencode "password=$(password)" >/dev/null || true
    echo "Nacos: http://127.0.0.1:$port/nacos (console http://127.0.0.1:$console_port), user nacos"
    echo "PAYSUITE_REGISTRY=$("$0" address "$src")"
    ;;
  stop)
    dir=$(home)
    pid=$(cat "$dir/paysuite-nacos.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && kill "$pid" 2>/dev/null; then
      while kill -0 "$pid" 2>/dev/null; do sleep 1; done
      echo "Nacos ($pid) stopped"
    fi
    rm -f "$dir/paysuite-nacos.pid"
    ;;
  address)
    echo "nacos://127.0.0.1:$port?username=nacos&password=$(password)"
    ;;
  *)
    echo "usage: $0 build|start|stop|address SRC_DIR" >&2; exit 2
    ;;
esac
