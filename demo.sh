#!/usr/bin/env bash
# The qrerank demo: a real Solr (127.0.0.1, context /solr, core "products") with the qrerank
# plugin, a generated product catalog (50,000 products by default), a printout of plain vs
# qrerank top-5 for example searches with curl commands to try, then serving until Ctrl-C.
#
#   ./demo.sh [--docs N] [--port P] [--seed S] [--home DIR] [--exit] [--cloud | --remote] [--help]
#
# --cloud runs a 2-shard SolrCloud; --remote also starts qrerank's quantum provider server in the
# same JVM and shows solver=remote answered by it, by the exact fallback, and by the late-answer
# cache (./demo.sh --help says more).
#
# Builds what it needs first (mvn package, skipping tests; nothing is installed in ~/.m2).
# Environment: MVN_ARGS extra Maven arguments (e.g. -o), JAVA_OPTS JVM options (default -Xmx2g),
# QRERANK_DEMO_SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")"

classpath_file=integration-tests/target/demo.classpath
if [[ "${QRERANK_DEMO_SKIP_BUILD:-0}" != 1 || ! -f "$classpath_file" ]]; then
  echo "demo.sh: building the plugin and the demo (mvn package -DskipTests) ..." >&2
  # shellcheck disable=SC2086
  mvn -B -q -Dstyle.color=never -DskipTests ${MVN_ARGS:-} -pl integration-tests -am package >&2
fi

# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xmx2g} \
  -cp "integration-tests/target/classes:$(cat "$classpath_file")" \
  io.github.qrerank.it.demo.DemoMain "$@"
