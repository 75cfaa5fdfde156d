#!/usr/bin/env bash
# Makes the class-data archive with which the JVM starts podpoint-bot sooner, using less CPU: one training run of the
# packaged app (H2 in memory, a throw-away encryption key, Telegram and Pod Point pointed at a closed local port, so
# nothing leaves the machine), stopped once it answers its health check.
#   Java 25 and later: an AOT cache (JEP 483/514): the classes the run loaded, already loaded and linked.
#   Java 17 to 24: a dynamic AppCDS archive: at exit the JVM writes every class it loaded; later starts map them
#   instead of loading and verifying them again.
# The jar is Quarkus's aot-jar (application.properties): the JVM's own class loader defines all of its classes, so the
# archive serves them all (with the fast-jar, Quarkus's class loader still read them from the jars at every start).
# On a 2-core machine a start to Telegram took 1.9 to 2.1 s (Java 25) and 2.0 to 2.5 s (Java 17) with the archive,
# about 6 s without (Java 17; README, Performance).
# Both are started the same way (-XX:SharedArchiveFile), so the README's command and the Docker image work with either.
#
# usage (from the repository root, after ./mvnw package; H2 builds only):
#   docker/appcds.sh [jar] [archive]      defaults: target/quarkus-app/quarkus-run.jar target/quarkus-app/app-cds.jsa
# then start with the same jar path and the same JVM:
#   java @jvm.options -XX:SharedArchiveFile=target/quarkus-app/app-cds.jsa -jar target/quarkus-app/quarkus-run.jar
# JAVA=/path/to/bin/java picks another JVM than the java on the PATH.
#
# Make it again after every build and with the JVM that runs the bot: the JVM checks that the archive belongs to the
# same JVM and the same jars (same paths, same files), and otherwise starts without it, the slow way. A missing
# archive is ignored the same way.
set -euo pipefail
jar="${1:-target/quarkus-app/quarkus-run.jar}"
archive="${2:-$(dirname "${jar}")/app-cds.jsa}"
options="${JVM_OPTIONS_FILE:-$(dirname "$0")/../jvm.options}"
[ -f "${options}" ] || options="$(dirname "${jar}")/jvm.options"
port="${APPCDS_PORT:-18399}"
log="$(mktemp)"
java="${JAVA:-java}"
rm -f "${archive}"
# Java 25+ knows -XX:AOTCacheOutput; asked first, because jvm.options makes the JVM ignore options it does not know
flags="$("${java}" -XX:+PrintFlagsFinal -version 2>/dev/null || true)"
case "${flags}" in
  *" AOTCacheOutput "*) record="-XX:AOTCacheOutput=${archive}" ;;
  *) record="-XX:ArchiveClassesAtExit=${archive}" ;;
esac

key="$(head -c 32 /dev/urandom | base64)"
env -i PATH="${PATH}" HOME="${HOME:-/tmp}" MALLOC_ARENA_MAX=2 \
  TELEGRAM_BOT_TOKEN=123456:appcds-training-run TELEGRAM_API_URL=http://127.0.0.1:9 \
  PODPOINT_API_URL=http://127.0.0.1:9 PODPOINT_AUTH_URL=http://127.0.0.1:9 PODPOINT_TOKEN_URL=http://127.0.0.1:9 \
  PODPOINT_MFA_URL=http://127.0.0.1:9 BOT_ENCRYPTION_KEY="${key}" QUARKUS_HTTP_PORT="${port}" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:mem:appcds;DB_CLOSE_DELAY=-1" \
  "${java}" "@${options}" "${record}" -jar "${jar}" >"${log}" 2>&1 &
pid=$!

up() {
  exec 3<>"/dev/tcp/127.0.0.1/${port}" || return 1
  printf 'GET /q/health/live HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
  local status
  IFS= read -r -t 5 status <&3 || return 1
  exec 3<&-
  case "${status}" in *" 200 "*) return 0 ;; *) return 1 ;; esac
}
for _ in $(seq 1 240); do
  if ! kill -0 "${pid}" 2>/dev/null; then
    echo "appcds: the training run stopped early:" >&2; tail -20 "${log}" >&2; exit 1
  fi
  if up 2>/dev/null; then break; fi
  sleep 0.5
done
sleep 3 # the Telegram client's first attempts (HTTP, JSON) load their classes too
kill -TERM "${pid}"
wait "${pid}" || true
rm -f "${log}"
[ -s "${archive}" ] || { echo "appcds: no archive was written" >&2; exit 1; }
echo "appcds: wrote ${archive} ($(du -h "${archive}" | cut -f1), ${record%%=*})"
