#!/usr/bin/env bash
# The qrerank provider server: a quantum provider on 127.0.0.1 speaking the Qiskit Runtime
# sampler REST protocol (POST /jobs, GET /jobs/{id}, GET /jobs/{id}/results,
# POST /jobs/{id}/cancel, Authorization: Bearer). It simulates the OpenQASM 3 circuits qrerank
# sends with the simulator module's engine, after a configurable queue delay and with seeded
# fault injection, until Ctrl-C.
#
#   ./provider.sh --token-file FILE [--port P] [--queue-delay-ms MS] [--error-share X] ...
#   ./provider.sh --help        (all options)
#
# Builds the simulator first (mvn package, skipping tests; nothing is installed in ~/.m2).
# Prints "qrerank provider listening on http://127.0.0.1:<port>" once it accepts requests.
# Environment: MVN_ARGS extra Maven arguments (e.g. -o), JAVA_OPTS JVM options (default -Xmx1g),
# QRERANK_PROVIDER_SKIP_BUILD=1 reuses the last build.
set -euo pipefail
# Paths given as options (--token-file, --record) stay relative to the caller's directory.
root="$(cd "$(dirname "$0")" && pwd)"

classpath_file="$root/simulator/target/provider.classpath"
if [[ "${QRERANK_PROVIDER_SKIP_BUILD:-0}" != 1 || ! -f "$classpath_file" ]]; then
  echo "provider.sh: building the simulator (mvn package -DskipTests) ..." >&2
  # shellcheck disable=SC2086
  mvn -B -q -Dstyle.color=never -DskipTests ${MVN_ARGS:-} -f "$root/pom.xml" -pl simulator \
    package dependency:build-classpath -DincludeScope=runtime \
    -Dmdep.outputFile="$classpath_file" >&2
fi

# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xmx1g} \
  -cp "$root/simulator/target/classes:$(cat "$classpath_file")" \
  io.github.qrerank.provider.server.ProviderServer "$@"
