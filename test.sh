#!/usr/bin/env bash
# Runs every NewsReader test (unit, integration, browser) on a fresh machine: installs
# Debian's chromium when it is missing, runs dotnet test on SQLite, then the integration tests
# (all but the browser ones) again on a private PostgreSQL server it starts and always stops,
# and ends with one line "tests: N passed, M failed". Exits non-zero when anything fails,
# including a PostgreSQL server that would not start.
#
#   ./test.sh --fast   unit tests and the SQLite integration tests only: no browser tests and no
#                      PostgreSQL pass, for a quick check while working
# Any other arguments go to dotnet test (a --filter of your own is combined with the script's).
set -euo pipefail
cd "$(dirname "$0")"
source .ci/postgres.sh
trap postgres_stop EXIT

fast=0
user_filter=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --fast) fast=1 ;;
    --filter) user_filter="${2:-}"; shift ;;
    --filter=*) user_filter="${1#--filter=}" ;;
    *) args+=("$1") ;;
  esac
  shift
done

# The script's own filter and the caller's, both applied: "(theirs)&ours".
filter_args() {
  local ours="$1"
  if [ -n "$user_filter" ] && [ -n "$ours" ]; then
    echo "--filter"; echo "($user_filter)&$ours"
  elif [ -n "$user_filter$ours" ]; then
    echo "--filter"; echo "$user_filter$ours"
  fi
}
browser_out="FullyQualifiedName!~NewsReader.Web.Tests.Browser"

if [ "$fast" -eq 0 ] && [ ! -x /usr/bin/chromium ]; then
  echo "Installing chromium for the browser tests..."
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

# The W3C conformance tests run the JSON-Schema suite in tests/conformance (see its README) with
# Node and ajv; install the packages only when missing, so later runs need no network.
validator_modules=.cache/w3c-validator/node_modules
if [ ! -f "$validator_modules/ajv/package.json" ] || [ ! -f "$validator_modules/ajv-draft-04/package.json" ] \
   || [ ! -f "$validator_modules/ajv-formats/package.json" ]; then
  echo "Installing ajv for the W3C conformance tests..."
  npm install --silent --prefix .cache/w3c-validator ajv@8 ajv-draft-04 ajv-formats \
    || echo "npm install failed: the W3C conformance tests will say what is missing."
fi

rm -rf TestResults
set +e
status=0
# Layout as .editorconfig says (braces, indentation, spacing, final newlines); style
# preferences there are hints and do not fail it. `dotnet format NewsReader.sln` fixes it.
format_status=0
dotnet format NewsReader.sln --verify-no-changes --verbosity quiet || format_status=$?
if [ "$format_status" -ne 0 ]; then
  echo "FAILED: the code layout differs from .editorconfig (listed above); run: dotnet format NewsReader.sln" >&2
  status=1
fi
if [ "$fast" -eq 0 ]; then
  postgres_start
  postgres_status=$?
fi
dotnet build NewsReader.sln -nologo -v quiet
mapfile -t filter < <(filter_args "$([ "$fast" -eq 1 ] && echo "$browser_out")")
dotnet test NewsReader.sln --no-build --logger "trx" --results-directory TestResults "${filter[@]}" "${args[@]}"
[ $? -ne 0 ] && status=1
if [ "$fast" -eq 1 ]; then
  echo "--fast: no browser tests and no PostgreSQL pass."
elif [ "$postgres_status" -eq 0 ]; then
  echo "Integration tests on PostgreSQL..."
  # Browser tests exercise pages, not the engine, and run once. Reliability/ runs the app as a
  # process on a SQLite file (kill -9, SIGTERM, the SQLite backup verbs): SQLite-only by nature.
  mapfile -t filter < <(filter_args "$browser_out&FullyQualifiedName!~NewsReader.Web.Tests.Reliability")
  NEWSREADER_TEST_DATABASE=postgres dotnet test tests/NewsReader.Web.Tests --no-build \
    --logger "trx" --results-directory TestResults/postgres "${filter[@]}" "${args[@]}"
  [ $? -ne 0 ] && status=1
else
  echo "FAILED: the PostgreSQL test server did not start (see above), so the PostgreSQL pass did not run." >&2
  status=1
fi
set -e

passed=0
failed=0
for trx in TestResults/*.trx TestResults/postgres/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*')
  f=$(echo "$counters" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
if [ "$format_status" -ne 0 ]; then
  echo "FAILED: code layout; run: dotnet format NewsReader.sln" >&2
fi
echo "tests: $passed passed, $failed failed"
exit "$status"
