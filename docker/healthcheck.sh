#!/usr/bin/env bash
# Container health check that needs neither curl nor wget (runtime images need not have them): HTTP/1.0 GET over
# bash's /dev/tcp. Exit 0 when the endpoint answers 200, 1 otherwise.
# usage: healthcheck.sh [path]      (default /q/health/live; port from QUARKUS_HTTP_PORT, default 8080)
# Liveness, not readiness: /q/health/ready also asks Telegram and Pod Point, whose outages are not this container's.
set -euo pipefail
path="${1:-/q/health/live}"
port="${QUARKUS_HTTP_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "${path}" >&3
IFS= read -r -t 5 status <&3 || exit 1
exec 3<&-
case "${status}" in
  *" 200 "*) exit 0 ;;
  *) exit 1 ;;
esac
