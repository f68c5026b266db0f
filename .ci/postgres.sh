#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the tests, as a non-root user, on a private port.
# Prints the URL to use as TEST_POSTGRES_URL on stdout. Installs the server (apt) if missing.
set -euo pipefail

PGPORT="${PGPORT:-55432}"
PGROOT="${PGROOT:-/tmp/rumour-bot-pg}"
PGUSER_OS="${PGUSER_OS:-postgres}"

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

if ! PGBIN=$(find_bin); then
  echo "installing postgresql (apt)" >&2
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >&2
  $SUDO apt-get install -y -qq postgresql >&2
  PGBIN=$(find_bin)
fi

if [ "$(id -u)" -eq 0 ]; then
  id "$PGUSER_OS" >/dev/null 2>&1 || useradd --system --no-create-home "$PGUSER_OS"
  RUN=(runuser -u "$PGUSER_OS" --)
else
  RUN=()
fi

if "${RUN[@]}" "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT" 2>/dev/null; then
  echo "postgresql://rumour:rumour@127.0.0.1:$PGPORT/rumour_test"
  exit 0
fi

rm -rf "$PGROOT"
mkdir -p "$PGROOT"
[ "$(id -u)" -eq 0 ] && chown "$PGUSER_OS" "$PGROOT"
echo rumour > "$PGROOT/.pw"
[ "$(id -u)" -eq 0 ] && chown "$PGUSER_OS" "$PGROOT/.pw"
"${RUN[@]}" "$PGBIN/initdb" -D "$PGROOT/data" -U rumour --pwfile="$PGROOT/.pw" \
  -A scram-sha-256 --no-sync >/dev/null
"${RUN[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/log" -w \
  -o "-p $PGPORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
PGPASSWORD=rumour "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U rumour rumour_test
echo "postgresql://rumour:rumour@127.0.0.1:$PGPORT/rumour_test"
