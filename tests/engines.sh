#!/usr/bin/env bash
# Installs (when missing) and starts the database engines the export tests load DDL into:
#   PostgreSQL 15 on 127.0.0.1:${SCHEMATA_PGPORT:-5433} (trust auth, user postgres)
#   MariaDB on 127.0.0.1:${SCHEMATA_MYPORT:-3307}, socket $DIR/mysock/mysqld.sock (root via the socket)
# Both are throw-away instances with their data in $DIR (default /tmp/schemata-engines).
# Usage: tests/engines.sh start|stop|status|env     (run as root; `env` prints the variables tests read)
set -euo pipefail
DIR=${SCHEMATA_ENGINES_DIR:-/tmp/schemata-engines}
PGPORT=${SCHEMATA_PGPORT:-5433}
MYPORT=${SCHEMATA_MYPORT:-3307}
PGBIN=/usr/lib/postgresql/15/bin
MYSOCK=$DIR/mysock/mysqld.sock

install_packages() {
  local missing=()
  [ -x "$PGBIN/initdb" ] || missing+=(postgresql-15)
  dpkg -s postgresql-15-postgis-3 >/dev/null 2>&1 || missing+=(postgresql-15-postgis-3)
  command -v mariadbd >/dev/null 2>&1 || missing+=(mariadb-server mariadb-client)
  command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "engines: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

pg_up() { "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT" 2>/dev/null; }
my_up() { mysqladmin --no-defaults -uroot --socket="$MYSOCK" ping >/dev/null 2>&1; }

start_pg() {
  if pg_up; then echo "postgres: already up on 127.0.0.1:$PGPORT"; return; fi
  mkdir -p "$DIR"; chmod 755 "$DIR"
  if [ ! -f "$DIR/pg/PG_VERSION" ]; then
    install -d -o postgres -g postgres "$DIR/pg"
    runuser -u postgres -- "$PGBIN/initdb" -D "$DIR/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  install -d -o postgres -g postgres "$DIR/pgsock"
  touch "$DIR/pg.log"; chown postgres:postgres "$DIR/pg.log"
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DIR/pg" -l "$DIR/pg.log" -w -t 60 start -o \
    "-p $PGPORT -c listen_addresses=127.0.0.1 -k $DIR/pgsock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_locks_per_transaction=1024" >/dev/null
  echo "postgres: up on 127.0.0.1:$PGPORT"
}

start_my() {
  if my_up; then echo "mariadb: already up on 127.0.0.1:$MYPORT"; return; fi
  mkdir -p "$DIR"; chmod 755 "$DIR"
  if [ ! -d "$DIR/mariadb/mysql" ]; then
    install -d -o mysql -g mysql "$DIR/mariadb"
    mariadb-install-db --no-defaults --user=mysql --datadir="$DIR/mariadb" --auth-root-authentication-method=socket >/dev/null
  fi
  install -d -o mysql -g mysql "$DIR/mysock"
  touch "$DIR/mariadb.err"; chown mysql:mysql "$DIR/mariadb.err"
  setsid nohup mariadbd --no-defaults --user=mysql --datadir="$DIR/mariadb" --socket="$MYSOCK" \
    --port="$MYPORT" --bind-address=127.0.0.1 --pid-file="$DIR/mysock/mariadb.pid" --log-error="$DIR/mariadb.err" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
    --innodb-flush-log-at-trx-commit=0 --skip-log-bin >/dev/null 2>&1 </dev/null &
  for _ in $(seq 1 60); do my_up && break; sleep 1; done
  my_up || { echo "mariadb: failed to start, see $DIR/mariadb.err" >&2; exit 1; }
  echo "mariadb: up on 127.0.0.1:$MYPORT"
}

case "${1:-start}" in
  start) install_packages; start_pg; start_my ;;
  stop)
    [ -f "$DIR/pg/postmaster.pid" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DIR/pg" -m fast -w stop >/dev/null || true
    my_up && mysqladmin --no-defaults -uroot --socket="$MYSOCK" shutdown || true
    echo "engines: stopped" ;;
  status)
    pg_up && echo "postgres: up" || echo "postgres: down"
    my_up && echo "mariadb: up" || echo "mariadb: down" ;;
  env) echo "FIDELITY_PGPORT=$PGPORT FIDELITY_MYSOCK=$MYSOCK" ;;
  *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac
