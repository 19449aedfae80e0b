#!/usr/bin/env bash
# `npm start`: installs what WeTube needs (npm packages; ffmpeg from Debian when missing), builds,
# and starts the whole platform on its embedded defaults: SQLite file, in-process job queue and a
# local storage folder under ./data. Web: http://localhost:3000, API: http://localhost:4000.
# A sample video is ingested on first start. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

say() { printf '\033[1mwetube:\033[0m %s\n' "$*"; }
die() { printf '\033[1;31mwetube:\033[0m %s\n' "$*" >&2; exit 1; }

bash scripts/install.sh

# --- build (again only when a source changed) ---------------------------------------------------
stamp=dist/.wetube-built
# Only sources count: the api rewrites apps/api/schema.gql when it starts.
if [ ! -f "$stamp" ] || [ -n "$(find apps libs transcoder web/app web/components web/lib web/next.config.* package.json tsconfig.json \
     -newer "$stamp" -type f \( -name '*.ts' -o -name '*.tsx' -o -name '*.css' -o -name '*.json' \) 2>/dev/null | head -1)" ] || [ ! -d web/.next ]; then
  say "building…"
  npm run --silent build
  touch "$stamp"
fi

# --- start --------------------------------------------------------------------------------------
export NODE_ENV="${NODE_ENV:-development}"
export PORT="${PORT:-4000}"
export WEB_PORT="${WEB_PORT:-3000}"
export DATA_DIR="${DATA_DIR:-$ROOT/data}"
export PUBLIC_API_URL="${PUBLIC_API_URL:-http://localhost:$PORT}"
export WEB_ORIGIN="${WEB_ORIGIN:-http://localhost:$WEB_PORT,http://127.0.0.1:$WEB_PORT}"
export WETUBE_API_URL="${WETUBE_API_URL:-$PUBLIC_API_URL}"
export SEED_SAMPLE="${SEED_SAMPLE:-true}"
mkdir -p "$DATA_DIR"

pids=()
# --- STUN/TURN (TURN=on): the platform's own coturn, with per-session credentials from a shared secret ---
if [ "${TURN:-off}" = on ]; then
  # shellcheck source=scripts/debian-packages.sh
  . scripts/debian-packages.sh
  ensure_debian_packages "TURN=on (the platform's STUN/TURN server)" turnserver:coturn || exit 1
  if [ -z "${TURN_SECRET:-}" ]; then
    [ -s "$DATA_DIR/turn-secret" ] || (umask 077; node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64url"))' > "$DATA_DIR/turn-secret")
    TURN_SECRET=$(cat "$DATA_DIR/turn-secret")
  fi
  export TURN_SECRET
  turn_host=$(node -e 'console.log(new URL(process.argv[1]).hostname)' "$PUBLIC_API_URL")
  turn_port="${TURN_PORT:-3478}"
  export STUN_URLS="${STUN_URLS:-stun:$turn_host:$turn_port}"
  export TURN_URLS="${TURN_URLS:-turn:$turn_host:$turn_port?transport=udp,turn:$turn_host:$turn_port?transport=tcp}"
  turn_args=(-n --no-cli --no-tls --no-dtls --fingerprint --use-auth-secret "--static-auth-secret=$TURN_SECRET"
    "--realm=${TURN_REALM:-wetube}" "--listening-port=$turn_port" "--min-port=${TURN_MIN_PORT:-49152}" "--max-port=${TURN_MAX_PORT:-65535}"
    --no-multicast-peers --simple-log "--log-file=$DATA_DIR/turnserver.log" "--pidfile=$DATA_DIR/turnserver.pid"
    "--userdb=$DATA_DIR/turndb")
  [ -n "${TURN_LISTEN_IP:-}" ] && turn_args+=("--listening-ip=$TURN_LISTEN_IP" "--relay-ip=$TURN_LISTEN_IP")
  [ -n "${TURN_EXTERNAL_IP:-}" ] && turn_args+=("--external-ip=$TURN_EXTERNAL_IP")
fi

stop() { trap - INT TERM EXIT; for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop INT TERM EXIT

if [ "${TURN:-off}" = on ]; then
  turnserver "${turn_args[@]}" > "$DATA_DIR/turnserver.out" 2>&1 &
  pids+=($!)
fi
node dist/apps/api/src/main.js &
pids+=($!)
# Started by another program (the e2e harness): end with it, however it ended.
if [ -n "${WETUBE_EXIT_WITH_PID:-}" ]; then
  (while kill -0 "$WETUBE_EXIT_WITH_PID" 2>/dev/null; do sleep 2; done; kill -TERM $$ 2>/dev/null) &
  pids+=($!)
fi
if [ -n "${REDIS_URL:-}" ] && [ "${TRANSCODE_IN_PROCESS:-false}" != true ]; then
  # Jobs go through BullMQ: run one transcoder worker beside the api (add more anywhere).
  node dist/transcoder/src/main.js &
  pids+=($!)
fi
(cd web && exec node ../node_modules/next/dist/bin/next start -p "$WEB_PORT") > "$DATA_DIR/web.log" 2>&1 &
pids+=($!)

wait_http() { # url seconds
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || die "$1 did not answer within $2 s (logs: $DATA_DIR/web.log and above)"
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null || die "a process exited during start-up (see the log above)"; done
    sleep 0.5
  done
}
wait_http "http://127.0.0.1:$PORT/api/health" 90
wait_http "http://127.0.0.1:$WEB_PORT/" 90

# Wait for the sample video (first start only): show its progress.
if [ "$SEED_SAMPLE" = true ]; then
  deadline=$((SECONDS + 600))
  while :; do
    state=$(curl -fsS "http://127.0.0.1:$PORT/graphql" -H 'content-type: application/json' \
      -d '{"query":"{ videos(first: 1) { totalCount } }"}' 2>/dev/null | node -pe 'JSON.parse(require("fs").readFileSync(0)).data.videos.totalCount' 2>/dev/null || echo 0)
    [ "$state" -ge 1 ] 2>/dev/null && break
    [ $SECONDS -lt $deadline ] || die "the sample video did not become ready"
    printf '\rwetube: preparing the sample video… %ss ' "$SECONDS"
    sleep 1
  done
  printf '\r'
fi

say "ready."
say "  web      http://localhost:$WEB_PORT"
say "  GraphQL  $PUBLIC_API_URL/graphql"
say "  REST     $PUBLIC_API_URL/api  (uploads: /api/uploads, HLS: /hls)"
[ "${TURN:-off}" = on ] && say "  STUN/TURN ${TURN_URLS%%,*}  (coturn, credentials per session)"
say "  data     $DATA_DIR   (Ctrl-C stops)"
wait -n "${pids[@]}"
