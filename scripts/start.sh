#!/usr/bin/env bash
# `npm start`: installs what is missing, starts the services, migrates, seeds the demo office,
# starts the api and the worker in the background, waits until the api is ready, prints where
# everything is. Run it again at any time; `npm run stop` stops api and worker.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
prepare

RUN_DIR="${KASIAN_DATA_DIR:-$KASIAN_ROOT/.data}/run"
LOG_DIR="${KASIAN_DATA_DIR:-$KASIAN_ROOT/.data}/logs"
mkdir -p "$RUN_DIR" "$LOG_DIR"
export API_PORT="${API_PORT:-3100}" WORKER_HEALTH_PORT="${WORKER_HEALTH_PORT:-3101}"

step "database migrations"
bash scripts/migrate.sh
step "demo data (องค์การบริหารส่วนตำบลป่าตึง)"
logins=$(node dist/apps/api/src/cli/seed-demo.js)

bash scripts/stop.sh --quiet
for app in api worker; do
  nohup node "dist/apps/$app/src/main.js" >>"$LOG_DIR/$app.log" 2>&1 &
  echo $! > "$RUN_DIR/$app.pid"
done

step "waiting for the api to be ready"
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$API_PORT/health/ready" >/dev/null 2>&1; then ready=1; break; fi
  sleep 0.5
done
if [[ -z "${ready:-}" ]]; then
  echo "[kasian] the api did not become ready; last lines of $LOG_DIR/api.log:" >&2
  tail -n 40 "$LOG_DIR/api.log" >&2
  exit 1
fi

cat <<INFO

  Kasian เกษียน is running.

  API            http://127.0.0.1:$API_PORT            (ready: /health/ready)
  API docs       http://127.0.0.1:$API_PORT/docs
  Worker health  http://127.0.0.1:$WORKER_HEALTH_PORT/health/ready
  Keycloak       $KEYCLOAK_URL/admin  (admin: $KEYCLOAK_ADMIN_USER / $KEYCLOAK_ADMIN_PASSWORD)
  MinIO console  http://127.0.0.1:${KASIAN_MINIO_CONSOLE_PORT:-59001}  ($MINIO_ACCESS_KEY / $MINIO_SECRET_KEY)
  Logs           $LOG_DIR/

  Readiness:     $(curl -fsS "http://127.0.0.1:$API_PORT/health/ready" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);console.log(Object.entries(r.details).map(([k,v])=>k+" "+v.status).join(", "))})')

  Demo logins (องค์การบริหารส่วนตำบลป่าตึง), password for all: kasian-demo
INFO
node -e '
  // Thai vowels above/below and tone marks take no column of their own: pad by what is seen.
  const columns = (text) => [...text].filter((c) => !/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/.test(c)).length;
  const pad = (text, width) => text + " ".repeat(Math.max(1, width - columns(text)));
  const { logins } = JSON.parse(process.argv[1]);
  for (const l of logins) console.log(`    ${pad(l.username, 13)}${pad(l.nameTh, 32)}${pad(l.positionTh ?? "—", 40)}[${l.roles.join(", ")}]`);
' "$logins"
cat <<INFO

  Try it:
    TOKEN=\$(curl -s -d grant_type=password -d client_id=$OIDC_CLIENT_ID -d client_secret=$OIDC_CLIENT_SECRET \\
      -d username=kanokporn -d password=kasian-demo $OIDC_ISSUER/protocol/openid-connect/token | node -pe 'JSON.parse(require("fs").readFileSync(0)).access_token')
    curl -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:$API_PORT/me

INFO
