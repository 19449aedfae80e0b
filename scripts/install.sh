#!/usr/bin/env bash
# Installs what WeTube needs to run: ffmpeg (Debian's package, when missing) and the npm packages
# (again only when package-lock.json changed). Used by `npm start` and by CI.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1mwetube:\033[0m %s\n' "$*"; }
die() { printf '\033[1;31mwetube:\033[0m %s\n' "$*" >&2; exit 1; }

node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || die "Node.js 20.19 or newer is needed (found $(node --version)). See README.md."

# shellcheck source=scripts/debian-packages.sh
. scripts/debian-packages.sh
ensure_debian_packages "transcoding" ffmpeg:ffmpeg ffprobe:ffmpeg || exit 1

lock_hash=$(sha256sum package-lock.json | cut -c1-16)
if [ "$(cat node_modules/.wetube-installed 2>/dev/null)" != "$lock_hash" ]; then
  say "installing npm packages…"
  # `npm install`, not `npm ci`: npm 11 leaves the other platforms' optional builds of
  # msgpackr-extract out of the lock file and `npm ci` then calls the lock out of sync.
  npm install --no-audit --no-fund
  echo "$lock_hash" > node_modules/.wetube-installed
fi
