#!/usr/bin/env bash
# Kasian local services without Docker: PostgreSQL, Redis, MinIO, Keycloak.
#
#   scripts/services.sh up              install what is missing, start what is not ready, wait
#   scripts/services.sh down [--purge]  stop all four (--purge also deletes the data dir)
#   scripts/services.sh status          one line per service
#   scripts/services.sh env             `export VAR=value` lines for the application:
#                                         eval "$(scripts/services.sh env)"
#
# Versions, ports and dev credentials come from deploy/versions.env; an environment
# variable of the same name always wins.
#   KASIAN_CACHE_DIR  downloads and builds, shared by clones
#                     (default ${XDG_CACHE_HOME:-$HOME/.cache}/kasian)
#   KASIAN_DATA_DIR   databases, object store, pid files, logs (default <repo>/.data)
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
VERSIONS_FILE="$REPO_ROOT/deploy/versions.env"
REALM_FILE="$REPO_ROOT/deploy/keycloak/kasian-realm.json"

log() { printf '[services] %s\n' "$*" >&2; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }

# --- configuration ---------------------------------------------------------------
load_versions() {
  [[ -f $VERSIONS_FILE ]] || die "missing $VERSIONS_FILE"
  local line key val
  while IFS= read -r line || [[ -n $line ]]; do
    line=${line%$'\r'}
    [[ -z $line || $line == \#* || $line != *=* ]] && continue
    key=${line%%=*}
    val=${line#*=}
    [[ $key =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || continue
    if [[ -z ${!key+set} ]]; then   # the environment wins
      printf -v "$key" '%s' "$val"
    fi
  done <"$VERSIONS_FILE"
}
load_versions

CACHE_DIR="${KASIAN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kasian}"
DATA_DIR="${KASIAN_DATA_DIR:-$REPO_ROOT/.data}"
LOG_DIR="$DATA_DIR/logs"
RUN_DIR="$DATA_DIR/run"

PG_BIN="/usr/lib/postgresql/$POSTGRES_MAJOR/bin"
PG_DATA="$DATA_DIR/pg"
PG_SOCK="$DATA_DIR/pg-run"
REDIS_DIR="$DATA_DIR/redis"
MINIO_DIR="$DATA_DIR/minio"
MINIO_BIN="$CACHE_DIR/minio/$MINIO_VERSION/minio"
KC_TARBALL="$CACHE_DIR/keycloak/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz"
KC_HOME="$CACHE_DIR/keycloak/$KEYCLOAK_VERSION"
KC_BUILD_OPTS=(--db=postgres --health-enabled=true)
KC_REALM=kasian

# PostgreSQL runs as the `postgres` OS user when we are root (via runuser), else as ourselves.

# --- small helpers ---------------------------------------------------------------
now_us() { local t=$EPOCHREALTIME; printf '%s' "${t//[.,]/}"; }
elapsed() { # elapsed <start_us> -> "1.2s"
  local d=$(( $(now_us) - $1 ))
  printf '%d.%ds' $((d / 1000000)) $(((d % 1000000) / 100000))
}

as_pg() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

http_ok() { # http_ok <url>: true when the answer is 200
  local code
  code=$(curl -s -o /dev/null -m 3 -w '%{http_code}' "$1" 2>/dev/null) || true
  [[ $code == 200 ]]
}

# pid_alive <pidfile> <cmdline-substring>: the pid in the file lives and is the expected program
pid_alive() {
  local pid
  [[ -s $1 ]] || return 1
  pid=$(<"$1")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [[ -r /proc/$pid/cmdline ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$2"
}

require_port_free() { # require_port_free <port> <service>
  if port_open "$1"; then
    die "port $1 (for $2) on 127.0.0.1 is already in use by a process that is not this checkout's $2 (data dir $DATA_DIR). Stop it or override the port (see deploy/versions.env)."
  fi
}

show_log_tail() {
  local f=$1
  if [[ -f $f ]]; then
    printf '[services] ---- last 40 lines of %s ----\n' "$f" >&2
    tail -n 40 "$f" >&2 || true
    printf '[services] ---- end of %s ----\n' "$f" >&2
  else
    printf '[services] (no log file %s)\n' "$f" >&2
  fi
}

# wait_until <service> <timeout_s> <logfile> <pidfile-or-empty> <pid-match> <check command...>
wait_until() {
  local name=$1 timeout=$2 logf=$3 pidf=$4 match=$5
  shift 5
  local deadline=$(( $(now_us) + timeout * 1000000 ))
  while ! "$@"; do
    if [[ -n $pidf ]] && [[ -s $pidf ]] && ! pid_alive "$pidf" "$match"; then
      log "$name exited before becoming ready"
      show_log_tail "$logf"
      exit 1
    fi
    if (( $(now_us) > deadline )); then
      log "$name not ready after ${timeout}s"
      show_log_tail "$logf"
      exit 1
    fi
    sleep 0.5
  done
}

# start_bg <pidfile> <logfile> <command...>: detached from this shell (survives its exit)
start_bg() {
  local pidf=$1 logf=$2
  shift 2
  rm -f "$pidf"
  # shellcheck disable=SC2016 # $$ and "$@" are expanded by the inner bash
  nohup setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidf" "$@" >>"$logf" 2>&1 </dev/null &
  local i
  for i in $(seq 1 50); do [[ -s $pidf ]] && return 0; sleep 0.1; done
  die "could not start $*"
}

stop_pidfile() { # stop_pidfile <name> <pidfile> <match> <timeout_s>
  local name=$1 pidf=$2 match=$3 timeout=$4 pid t0 i
  t0=$(now_us)
  if ! pid_alive "$pidf" "$match"; then
    rm -f "$pidf"
    log "$name not running"
    return 0
  fi
  pid=$(<"$pidf")
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < timeout * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name did not stop within ${timeout}s, killing"
    pkill -KILL -P "$pid" 2>/dev/null || true
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$pidf"
  log "$name stopped ($(elapsed "$t0"))"
}

urlenc() { # percent-encode everything but unreserved characters (byte-wise)
  local LC_ALL=C s=$1 out='' c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case $c in
      [A-Za-z0-9._~-]) out+=$c ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  printf '%s' "$out"
}

# --- installation ----------------------------------------------------------------
ensure_packages() {
  local pkgs=()
  [[ -x $PG_BIN/initdb && -x $PG_BIN/pg_ctl ]] || pkgs+=(postgresql)
  command -v psql >/dev/null || pkgs+=(postgresql-client)
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null || pkgs+=(redis-server)
  command -v java >/dev/null || pkgs+=(openjdk-17-jre-headless)
  if [[ ! -f $KC_TARBALL && ! -d $KC_HOME ]]; then
    command -v mvn >/dev/null || pkgs+=(maven)
  fi
  command -v curl >/dev/null || pkgs+=(curl)
  ((${#pkgs[@]})) || return 0
  local t0 sudo=()
  t0=$(now_us)
  if [[ $EUID -ne 0 ]]; then
    command -v sudo >/dev/null || die "need to install ${pkgs[*]} but not root and no sudo"
    sudo=(sudo)
  fi
  log "installing ${pkgs[*]} (apt-get)"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >&2
  [[ -x $PG_BIN/initdb ]] || die "PostgreSQL $POSTGRES_MAJOR server binaries not found in $PG_BIN after install"
  log "packages installed ($(elapsed "$t0"))"
}

find_go() {
  if command -v go >/dev/null; then command -v go; return; fi
  if [[ -x /usr/local/go/bin/go ]]; then echo /usr/local/go/bin/go; return; fi
  die "Go toolchain not found (neither 'go' on PATH nor /usr/local/go/bin/go). Install Go from https://go.dev/dl/ to build MinIO $MINIO_VERSION, or put a prebuilt binary at $MINIO_BIN"
}

ensure_minio_binary() {
  [[ -x $MINIO_BIN ]] && ! pgrep -f "go install github.com/minio/minio@$MINIO_VERSION" >/dev/null && return 0
  local t0
  t0=$(now_us)
  mkdir -p "$CACHE_DIR/minio"
  # One build at a time across clones; an unlocked build started by hand is waited for too.
  exec 8>"$CACHE_DIR/minio/.build.lock"
  flock 8
  if pgrep -f "go install github.com/minio/minio@$MINIO_VERSION" >/dev/null; then
    log "a build of minio $MINIO_VERSION is already running, waiting for it"
    while pgrep -f "go install github.com/minio/minio@$MINIO_VERSION" >/dev/null; do sleep 2; done
  fi
  if [[ ! -x $MINIO_BIN ]]; then
    local go
    go=$(find_go)
    log "building minio $MINIO_VERSION with go install (a few minutes the first time)"
    mkdir -p "$LOG_DIR"
    if ! GOBIN="$CACHE_DIR/minio/$MINIO_VERSION" GOMODCACHE="$CACHE_DIR/go/mod" \
      GOCACHE="$CACHE_DIR/go/build" GOFLAGS=-modcacherw \
      "$go" install "github.com/minio/minio@$MINIO_VERSION" >"$LOG_DIR/minio-build.log" 2>&1; then
      log "minio build failed"
      show_log_tail "$LOG_DIR/minio-build.log"
      exit 1
    fi
  fi
  flock -u 8
  exec 8>&-
  [[ -x $MINIO_BIN ]] || die "minio binary missing after build: $MINIO_BIN"
  log "minio binary ready ($(elapsed "$t0"))"
}

ensure_keycloak_dist() {
  local marker="$KC_HOME/.kasian-build" want
  want="${KC_BUILD_OPTS[*]}"
  if [[ -f $KC_HOME/bin/kc.sh && -f $marker && "$(<"$marker")" == "$want" ]]; then
    return 0
  fi
  local t0
  t0=$(now_us)
  mkdir -p "$CACHE_DIR/keycloak" "$LOG_DIR"
  exec 9>"$CACHE_DIR/keycloak/.lock"
  flock 9
  if [[ ! -f $KC_HOME/bin/kc.sh ]]; then
    if [[ ! -f $KC_TARBALL ]]; then
      log "downloading keycloak-quarkus-dist $KEYCLOAK_VERSION (Maven Central)"
      mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz" \
        "-DoutputDirectory=$CACHE_DIR/keycloak" "-Dmaven.repo.local=$CACHE_DIR/m2" >&2
      [[ -f $KC_TARBALL ]] || die "download did not produce $KC_TARBALL"
    fi
    log "extracting keycloak $KEYCLOAK_VERSION"
    local tmp="$KC_HOME.tmp.$$"
    rm -rf "$tmp"
    mkdir -p "$tmp"
    tar -xzf "$KC_TARBALL" -C "$tmp" --strip-components=1
    rm -rf "$KC_HOME"
    mv "$tmp" "$KC_HOME"
  fi
  if [[ ! -f $marker || "$(<"$marker")" != "$want" ]]; then
    log "kc.sh build ${KC_BUILD_OPTS[*]} (once per option set)"
    if ! "$KC_HOME/bin/kc.sh" build "${KC_BUILD_OPTS[@]}" >"$LOG_DIR/keycloak-build.log" 2>&1; then
      log "keycloak build failed"
      show_log_tail "$LOG_DIR/keycloak-build.log"
      exit 1
    fi
    printf '%s' "$want" >"$marker"
  fi
  flock -u 9
  exec 9>&-
  log "keycloak distribution ready ($(elapsed "$t0"))"
}

# --- PostgreSQL ------------------------------------------------------------------
pg_running() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }
pg_ready() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$KASIAN_PG_PORT" -t 2 >/dev/null 2>&1; }

pg_psql() { # superuser psql on the postgres database; SQL on stdin
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- psql -X -q -h "$PG_SOCK" -p "$KASIAN_PG_PORT" -U postgres -d postgres \
      -v ON_ERROR_STOP=1 "$@"
  else
    PGPASSWORD="$KASIAN_PG_SUPERUSER_PASSWORD" psql -X -q -h 127.0.0.1 -p "$KASIAN_PG_PORT" \
      -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"
  fi
}

pg_init() {
  [[ -f $PG_DATA/PG_VERSION ]] && return 0
  local t0 pwfile
  t0=$(now_us)
  mkdir -p "$PG_DATA"
  chmod 700 "$PG_DATA"
  if [[ $EUID -eq 0 ]]; then chown postgres:postgres "$PG_DATA"; fi
  pwfile=$(mktemp)
  printf '%s\n' "$KASIAN_PG_SUPERUSER_PASSWORD" >"$pwfile"
  if [[ $EUID -eq 0 ]]; then chown postgres "$pwfile"; fi
  if ! as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --pwfile="$pwfile" \
    --auth-local=peer --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
    >"$LOG_DIR/postgres-initdb.log" 2>&1; then
    rm -f "$pwfile"
    log "initdb failed"
    show_log_tail "$LOG_DIR/postgres-initdb.log"
    exit 1
  fi
  rm -f "$pwfile"
  log "postgres cluster initialised in $PG_DATA ($(elapsed "$t0"))"
}

# Roles (ADR 0014): the owner role owns the database and everything in it and runs the migrations;
# the application's login role only belongs to the group kasian_app, to which the migrations grant
# what the application may do (no UPDATE, DELETE or TRUNCATE on audit events). A database whose
# tables the application role still owns (made before this split) is handed over to the owner once.
pg_setup_roles() {
  pg_psql -v su_pw="$KASIAN_PG_SUPERUSER_PASSWORD" \
    -v app_user="$KASIAN_DB_USER" -v app_pw="$KASIAN_DB_PASSWORD" -v app_db="$KASIAN_DB_NAME" \
    -v owner_user="$KASIAN_DB_OWNER_USER" -v owner_pw="$KASIAN_DB_OWNER_PASSWORD" \
    -v kc_pw="$KASIAN_KC_DB_PASSWORD" <<'SQL'
ALTER ROLE postgres PASSWORD :'su_pw';
SELECT format('CREATE ROLE %I LOGIN', :'owner_user')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'owner_user') \gexec
ALTER ROLE :"owner_user" WITH LOGIN CREATEDB PASSWORD :'owner_pw';
SELECT 'CREATE ROLE kasian_app NOLOGIN'
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kasian_app') \gexec
SELECT format('CREATE ROLE %I LOGIN', :'app_user')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app_user') \gexec
ALTER ROLE :"app_user" WITH LOGIN NOCREATEDB PASSWORD :'app_pw';
GRANT kasian_app TO :"app_user";
SELECT format('CREATE DATABASE %I OWNER %I', :'app_db', :'owner_user')
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'app_db') \gexec
ALTER DATABASE :"app_db" OWNER TO :"owner_user";
SELECT 'CREATE ROLE keycloak LOGIN'
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'keycloak') \gexec
ALTER ROLE keycloak WITH LOGIN PASSWORD :'kc_pw';
SELECT 'CREATE DATABASE keycloak OWNER keycloak'
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'keycloak') \gexec
ALTER DATABASE keycloak OWNER TO keycloak;
\connect :"app_db"
SELECT format('REASSIGN OWNED BY %I TO %I', :'app_user', :'owner_user')
  WHERE EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = :'app_user')) \gexec
SQL
}

up_postgres() {
  local t0
  t0=$(now_us)
  if pg_running && pg_ready; then
    pg_setup_roles
    log "postgres already ready on 127.0.0.1:$KASIAN_PG_PORT ($(elapsed "$t0"))"
    return 0
  fi
  if ! pg_running; then
    require_port_free "$KASIAN_PG_PORT" postgres
    pg_init
    mkdir -p "$PG_SOCK"
    chmod 755 "$PG_SOCK"
    if [[ $EUID -eq 0 ]]; then chown postgres:postgres "$PG_SOCK"; fi
    touch "$LOG_DIR/postgres.log"
    if [[ $EUID -eq 0 ]]; then chown postgres "$LOG_DIR/postgres.log"; fi
    if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$LOG_DIR/postgres.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $KASIAN_PG_PORT -c unix_socket_directories='$PG_SOCK'" \
      start >/dev/null; then
      log "postgres failed to start"
      show_log_tail "$LOG_DIR/postgres.log"
      exit 1
    fi
  fi
  wait_until postgres 60 "$LOG_DIR/postgres.log" "" "" pg_ready
  pg_setup_roles
  log "postgres ready on 127.0.0.1:$KASIAN_PG_PORT ($(elapsed "$t0"))"
}

down_postgres() {
  local t0
  t0=$(now_us)
  if [[ -f $PG_DATA/PG_VERSION ]] && pg_running; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null
    log "postgres stopped ($(elapsed "$t0"))"
  else
    log "postgres not running"
  fi
}

# --- Redis -----------------------------------------------------------------------
REDIS_PID="$REDIS_DIR/redis.pid"
redis_ready() { [[ "$(redis-cli -h 127.0.0.1 -p "$KASIAN_REDIS_PORT" ping 2>/dev/null)" == PONG ]]; }

up_redis() {
  local t0
  t0=$(now_us)
  if pid_alive "$REDIS_PID" redis-server && redis_ready; then
    log "redis already ready on 127.0.0.1:$KASIAN_REDIS_PORT ($(elapsed "$t0"))"
    return 0
  fi
  if ! pid_alive "$REDIS_PID" redis-server; then
    require_port_free "$KASIAN_REDIS_PORT" redis
    mkdir -p "$REDIS_DIR"
    rm -f "$REDIS_PID"
    redis-server --bind 127.0.0.1 --port "$KASIAN_REDIS_PORT" --protected-mode yes \
      --daemonize yes --dir "$REDIS_DIR" --pidfile "$REDIS_PID" \
      --logfile "$LOG_DIR/redis.log" --appendonly no >/dev/null
  fi
  wait_until redis 20 "$LOG_DIR/redis.log" "$REDIS_PID" redis-server redis_ready
  log "redis ready on 127.0.0.1:$KASIAN_REDIS_PORT ($(elapsed "$t0"))"
}

down_redis() {
  local t0 pid i
  t0=$(now_us)
  if pid_alive "$REDIS_PID" redis-server; then
    pid=$(<"$REDIS_PID")
    redis-cli -h 127.0.0.1 -p "$KASIAN_REDIS_PORT" shutdown nosave >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
    rm -f "$REDIS_PID"
    log "redis stopped ($(elapsed "$t0"))"
  else
    log "redis not running"
  fi
}

# --- MinIO -----------------------------------------------------------------------
MINIO_PID="$RUN_DIR/minio.pid"
minio_ready() { http_ok "http://127.0.0.1:$KASIAN_MINIO_PORT/minio/health/ready"; }

up_minio() {
  local t0
  t0=$(now_us)
  if pid_alive "$MINIO_PID" minio && minio_ready; then
    log "minio already ready on 127.0.0.1:$KASIAN_MINIO_PORT ($(elapsed "$t0"))"
    return 0
  fi
  if ! pid_alive "$MINIO_PID" minio; then
    require_port_free "$KASIAN_MINIO_PORT" minio
    require_port_free "$KASIAN_MINIO_CONSOLE_PORT" "minio console"
    ensure_minio_binary
    mkdir -p "$MINIO_DIR"
    # MINIO_* variables configure the server: pass only the ones we mean.
    start_bg "$MINIO_PID" "$LOG_DIR/minio.log" \
      env -u MINIO_VERSION MINIO_ROOT_USER="$KASIAN_MINIO_ROOT_USER" \
      MINIO_ROOT_PASSWORD="$KASIAN_MINIO_ROOT_PASSWORD" MINIO_UPDATE=off \
      "$MINIO_BIN" server "$MINIO_DIR" --address "127.0.0.1:$KASIAN_MINIO_PORT" \
      --console-address "127.0.0.1:$KASIAN_MINIO_CONSOLE_PORT"
  fi
  wait_until minio 60 "$LOG_DIR/minio.log" "$MINIO_PID" minio minio_ready
  log "minio ready on 127.0.0.1:$KASIAN_MINIO_PORT ($(elapsed "$t0"))"
}

# --- Keycloak --------------------------------------------------------------------
KC_PID="$RUN_DIR/keycloak.pid"
KC_MATCH="$KC_HOME/bin/kc.sh"
kc_ready() {
  http_ok "http://127.0.0.1:$KASIAN_KEYCLOAK_MGMT_PORT/health/ready" &&
    http_ok "http://127.0.0.1:$KASIAN_KEYCLOAK_PORT/realms/$KC_REALM/.well-known/openid-configuration"
}

up_keycloak() {
  local t0
  t0=$(now_us)
  if pid_alive "$KC_PID" "$KC_MATCH" && kc_ready; then
    log "keycloak already ready on 127.0.0.1:$KASIAN_KEYCLOAK_PORT ($(elapsed "$t0"))"
    return 0
  fi
  if ! pid_alive "$KC_PID" "$KC_MATCH"; then
    require_port_free "$KASIAN_KEYCLOAK_PORT" keycloak
    require_port_free "$KASIAN_KEYCLOAK_MGMT_PORT" "keycloak management"
    ensure_keycloak_dist
    mkdir -p "$KC_HOME/data/import"
    cp "$REALM_FILE" "$KC_HOME/data/import/kasian-realm.json"
    start_bg "$KC_PID" "$LOG_DIR/keycloak.log" \
      env KC_DB_PASSWORD="$KASIAN_KC_DB_PASSWORD" \
      KC_BOOTSTRAP_ADMIN_USERNAME="$KASIAN_KC_ADMIN_USER" \
      KC_BOOTSTRAP_ADMIN_PASSWORD="$KASIAN_KC_ADMIN_PASSWORD" \
      "$KC_HOME/bin/kc.sh" start --optimized --http-enabled=true --hostname-strict=false \
      --http-host=127.0.0.1 --http-port="$KASIAN_KEYCLOAK_PORT" \
      --http-management-port="$KASIAN_KEYCLOAK_MGMT_PORT" --cache=local \
      --db-url="jdbc:postgresql://127.0.0.1:$KASIAN_PG_PORT/keycloak" --db-username=keycloak \
      --import-realm
  fi
  wait_until keycloak 180 "$LOG_DIR/keycloak.log" "$KC_PID" "$KC_MATCH" kc_ready
  log "keycloak ready on 127.0.0.1:$KASIAN_KEYCLOAK_PORT ($(elapsed "$t0"))"
}

# --- commands --------------------------------------------------------------------
cmd_up() {
  local t0
  t0=$(now_us)
  [[ -f $REALM_FILE ]] || die "missing $REALM_FILE"
  ensure_packages
  mkdir -p "$DATA_DIR" "$LOG_DIR" "$RUN_DIR"
  chmod 755 "$DATA_DIR" "$LOG_DIR"
  up_postgres
  up_redis
  up_minio
  up_keycloak
  log "all services ready ($(elapsed "$t0")); data in $DATA_DIR, cache in $CACHE_DIR"
}

cmd_down() {
  local purge=${1:-}
  stop_pidfile keycloak "$KC_PID" "$KC_MATCH" 60
  stop_pidfile minio "$MINIO_PID" minio 30
  if command -v redis-cli >/dev/null; then down_redis; fi
  if [[ -x $PG_BIN/pg_ctl ]]; then down_postgres; fi
  if [[ $purge == --purge ]]; then
    local real
    real=$(readlink -f "$DATA_DIR")
    case $real in
      / | "$HOME" | "$REPO_ROOT" | "$(readlink -f "$CACHE_DIR")") die "refusing to purge $real" ;;
    esac
    rm -rf -- "$real"
    log "purged $real"
  fi
}

cmd_status() {
  local s
  if [[ -x $PG_BIN/pg_ctl && -f $PG_DATA/PG_VERSION ]] && pg_running; then
    if pg_ready; then s="running, ready"; else s="running, NOT ready"; fi
  else s=down; fi
  printf '%-9s %-18s 127.0.0.1:%s\n' postgres "$s" "$KASIAN_PG_PORT"
  if pid_alive "$REDIS_PID" redis-server; then
    if redis_ready; then s="running, ready"; else s="running, NOT ready"; fi
  else s=down; fi
  printf '%-9s %-18s 127.0.0.1:%s\n' redis "$s" "$KASIAN_REDIS_PORT"
  if pid_alive "$MINIO_PID" minio; then
    if minio_ready; then s="running, ready"; else s="running, NOT ready"; fi
  else s=down; fi
  printf '%-9s %-18s 127.0.0.1:%s (console %s)\n' minio "$s" "$KASIAN_MINIO_PORT" "$KASIAN_MINIO_CONSOLE_PORT"
  if pid_alive "$KC_PID" "$KC_MATCH"; then
    if kc_ready; then s="running, ready"; else s="running, NOT ready"; fi
  else s=down; fi
  printf '%-9s %-18s 127.0.0.1:%s (management %s)\n' keycloak "$s" "$KASIAN_KEYCLOAK_PORT" "$KASIAN_KEYCLOAK_MGMT_PORT"
}

cmd_env() {
  local kc="http://127.0.0.1:$KASIAN_KEYCLOAK_PORT"
  local -a vars=(
    DATABASE_URL "postgresql://$(urlenc "$KASIAN_DB_USER"):$(urlenc "$KASIAN_DB_PASSWORD")@127.0.0.1:$KASIAN_PG_PORT/$(urlenc "$KASIAN_DB_NAME")?schema=public"
    DATABASE_OWNER_URL "postgresql://$(urlenc "$KASIAN_DB_OWNER_USER"):$(urlenc "$KASIAN_DB_OWNER_PASSWORD")@127.0.0.1:$KASIAN_PG_PORT/$(urlenc "$KASIAN_DB_NAME")?schema=public"
    DATABASE_ADMIN_URL "postgresql://postgres:$(urlenc "$KASIAN_PG_SUPERUSER_PASSWORD")@127.0.0.1:$KASIAN_PG_PORT/postgres"
    REDIS_URL "redis://127.0.0.1:$KASIAN_REDIS_PORT"
    MINIO_ENDPOINT "http://127.0.0.1:$KASIAN_MINIO_PORT"
    MINIO_ACCESS_KEY "$KASIAN_MINIO_ROOT_USER"
    MINIO_SECRET_KEY "$KASIAN_MINIO_ROOT_PASSWORD"
    KEYCLOAK_URL "$kc"
    KEYCLOAK_MGMT_URL "http://127.0.0.1:$KASIAN_KEYCLOAK_MGMT_PORT"
    KEYCLOAK_REALM "$KC_REALM"
    KEYCLOAK_ADMIN_USER "$KASIAN_KC_ADMIN_USER"
    KEYCLOAK_ADMIN_PASSWORD "$KASIAN_KC_ADMIN_PASSWORD"
    OIDC_ISSUER "$kc/realms/$KC_REALM"
    OIDC_AUDIENCE kasian-api
    OIDC_CLIENT_ID kasian-api
    OIDC_CLIENT_SECRET kasian-api-dev-secret
    AUDIT_SIGNING_KEY_FILE "${AUDIT_SIGNING_KEY_FILE:-$DATA_DIR/audit/checkpoint-signing-key.pem}"
    AUDIT_PUBLIC_KEY_FILE "${AUDIT_PUBLIC_KEY_FILE:-$DATA_DIR/audit/checkpoint-public-keys.pem}"
    AUDIT_CHECKPOINT_RETENTION_DAYS "${AUDIT_CHECKPOINT_RETENTION_DAYS:-1}"
  )
  local i q="'" v
  for ((i = 0; i < ${#vars[@]}; i += 2)); do
    v=${vars[i + 1]}
    printf "export %s='%s'\n" "${vars[i]}" "${v//$q/$q\\$q$q}"
  done
}

usage() {
  sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

case ${1:-} in
  up) [[ $# -eq 1 ]] || usage; cmd_up ;;
  down)
    [[ $# -eq 1 || ($# -eq 2 && $2 == --purge) ]] || usage
    cmd_down "${2:-}"
    ;;
  status) [[ $# -eq 1 ]] || usage; cmd_status ;;
  env) [[ $# -eq 1 ]] || usage; cmd_env ;;
  *) usage ;;
esac
