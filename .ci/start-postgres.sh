# Sourced by .ci/run: starts a private PostgreSQL cluster for the sync server's tests, on
# 127.0.0.1 and a free port, in a folder under the scratch folder, and exports
# FIXLINE_TEST_DATABASE_URL. The caller stops it with stop_test_postgres (on exit).
# initdb refuses to run as root, so the cluster belongs to the postgres user.
start_test_postgres() {
  local scratch="$1"
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  pg_cluster="$scratch/postgres"
  rm -rf "$pg_cluster"
  mkdir -p "$pg_cluster"
  local run_as=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$pg_cluster"
    run_as=(runuser -u postgres --)
    # The postgres user must reach the folder: under a home it cannot enter, use /tmp instead.
    if ! runuser -u postgres -- test -w "$pg_cluster"; then
      rm -rf "$pg_cluster"
      pg_cluster="$(mktemp -d /tmp/fixline-postgres.XXXXXX)"
      chown postgres:postgres "$pg_cluster"
    fi
  fi
  pg_port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  "${run_as[@]}" "$bin/initdb" -D "$pg_cluster/data" -U fixline --auth=trust --encoding=UTF8 --no-locale >"$pg_cluster/initdb.log"
  "${run_as[@]}" "$bin/pg_ctl" -D "$pg_cluster/data" -l "$pg_cluster/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_cluster -c max_connections=200 -c fsync=off" start >/dev/null
  pg_pid="$(head -n 1 "$pg_cluster/data/postmaster.pid")"
  "$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U fixline fixline_test
  export FIXLINE_TEST_DATABASE_URL="postgres://fixline@127.0.0.1:$pg_port/fixline_test"
  echo "PostgreSQL for the server tests: pid $pg_pid at $FIXLINE_TEST_DATABASE_URL"
}

stop_test_postgres() {
  if [ -n "${pg_pid:-}" ] && kill -0 "$pg_pid" 2>/dev/null; then
    kill -INT "$pg_pid"
    while kill -0 "$pg_pid" 2>/dev/null; do sleep 0.2; done
  fi
}
