#!/usr/bin/env bash
# A private PostgreSQL server for the tests, sourced by test.sh:
#   postgres_start   installs Debian's postgresql when its binaries are missing, creates a
#                    cluster in a new folder under /tmp (or in NEWSREADER_POSTGRES_DIR, emptied
#                    first), starts it on a free 127.0.0.1 port and exports
#                    NEWSREADER_TEST_POSTGRES (a connection string)
#   postgres_stop    stops it and removes the /tmp folder (test.sh calls it from an EXIT trap,
#                    so also when tests fail); a NEWSREADER_POSTGRES_DIR folder is left with its
#                    logs in it
# The server trusts local connections: it listens on loopback only and lives for one run.
# Its folder is not under the checkout: run as root, the server runs as the postgres user,
# which cannot enter a checkout inside a private folder (a home folder of mode 0700).

postgres_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  return 1
}

# Runs a PostgreSQL program as the server's user, from its folder: the postgres user may not
# be allowed into the current folder.
postgres_run() {
  (cd "$POSTGRES_DIR" && "${POSTGRES_AS[@]}" "$@")
}

postgres_start() {
  local bin
  if ! bin=$(postgres_bin); then
    echo "Installing postgresql for the PostgreSQL test run..."
    local sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
    bin=$(postgres_bin) || { echo "PostgreSQL: no pg_ctl after installing postgresql" >&2; return 1; }
  fi
  if [ -n "${NEWSREADER_POSTGRES_DIR:-}" ]; then
    POSTGRES_DIR="$NEWSREADER_POSTGRES_DIR"
    POSTGRES_DIR_MADE=""
    rm -rf "$POSTGRES_DIR"
    mkdir -p "$POSTGRES_DIR"
    POSTGRES_DIR=$(cd "$POSTGRES_DIR" && pwd)
  else
    POSTGRES_DIR=$(mktemp -d /tmp/newsreader-postgres.XXXXXX) \
      || { echo "PostgreSQL: could not make a folder under /tmp" >&2; return 1; }
    POSTGRES_DIR_MADE="$POSTGRES_DIR"
  fi
  POSTGRES_BIN="$bin"
  # initdb and postgres refuse to run as root: hand the folder to the postgres user then.
  POSTGRES_AS=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$POSTGRES_DIR"
    POSTGRES_AS=(runuser -u postgres --)
  fi
  postgres_run "$bin/initdb" -D "$POSTGRES_DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$POSTGRES_DIR/initdb.log" 2>&1 \
    || { echo "PostgreSQL: initdb failed:" >&2; cat "$POSTGRES_DIR/initdb.log" >&2; return 1; }
  # A free port: ask the kernel for one, then hand it to the server.
  POSTGRES_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  postgres_run "$bin/pg_ctl" -D "$POSTGRES_DIR/data" -l "$POSTGRES_DIR/server.log" \
    -o "-p $POSTGRES_PORT -k $POSTGRES_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    -w start >/dev/null \
    || { echo "PostgreSQL: the test server did not start:" >&2; cat "$POSTGRES_DIR/server.log" >&2; return 1; }
  export NEWSREADER_TEST_POSTGRES="Host=127.0.0.1;Port=$POSTGRES_PORT;Username=postgres;Database=postgres"
  # The server's own pg_dump and pg_restore, for the tests of the documented restore.
  export NEWSREADER_TEST_POSTGRES_BIN="$bin"
  echo "PostgreSQL test server on 127.0.0.1:$POSTGRES_PORT ($POSTGRES_DIR)"
}

postgres_stop() {
  [ -n "${POSTGRES_DIR:-}" ] || return 0
  if [ -f "$POSTGRES_DIR/data/postmaster.pid" ]; then
    postgres_run "$POSTGRES_BIN/pg_ctl" -D "$POSTGRES_DIR/data" -m fast -w stop >/dev/null || true
  fi
  if [ -n "${POSTGRES_DIR_MADE:-}" ]; then
    rm -rf "$POSTGRES_DIR_MADE"
  fi
  POSTGRES_DIR=""
  POSTGRES_DIR_MADE=""
}
