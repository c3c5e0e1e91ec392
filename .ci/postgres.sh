#!/usr/bin/env bash
# A private PostgreSQL server for the tests, sourced by test.sh:
#   postgres_start   installs Debian's postgresql when its binaries are missing, creates a
#                    cluster under .cache/postgres (ignored by git), starts it on a free
#                    127.0.0.1 port and exports NEWSREADER_TEST_POSTGRES (a connection string)
#   postgres_stop    stops it (test.sh calls it from an EXIT trap, so also when tests fail)
# The server trusts local connections: it listens on loopback only and lives for one run.

postgres_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  return 1
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
  POSTGRES_DIR="${NEWSREADER_POSTGRES_DIR:-$PWD/.cache/postgres}"
  rm -rf "$POSTGRES_DIR"
  mkdir -p "$POSTGRES_DIR"
  # initdb and postgres refuse to run as root: hand the folder to the postgres user then.
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$POSTGRES_DIR"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$POSTGRES_DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$POSTGRES_DIR/initdb.log" 2>&1 \
    || { echo "PostgreSQL: initdb failed:" >&2; cat "$POSTGRES_DIR/initdb.log" >&2; return 1; }
  # A free port: ask the kernel for one, then hand it to the server.
  POSTGRES_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  "${as[@]}" "$bin/pg_ctl" -D "$POSTGRES_DIR/data" -l "$POSTGRES_DIR/server.log" \
    -o "-p $POSTGRES_PORT -k $POSTGRES_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    -w start >/dev/null \
    || { echo "PostgreSQL: the test server did not start:" >&2; cat "$POSTGRES_DIR/server.log" >&2; return 1; }
  POSTGRES_AS=("${as[@]}")
  POSTGRES_BIN="$bin"
  export NEWSREADER_TEST_POSTGRES="Host=127.0.0.1;Port=$POSTGRES_PORT;Username=postgres;Database=postgres"
  echo "PostgreSQL test server on 127.0.0.1:$POSTGRES_PORT ($POSTGRES_DIR)"
}

postgres_stop() {
  if [ -n "${POSTGRES_DIR:-}" ] && [ -f "$POSTGRES_DIR/data/postmaster.pid" ]; then
    "${POSTGRES_AS[@]}" "$POSTGRES_BIN/pg_ctl" -D "$POSTGRES_DIR/data" -m fast -w stop >/dev/null || true
  fi
}
