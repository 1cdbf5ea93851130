#!/usr/bin/env bash
# The project's benchmark command. Builds what it needs (the benchmarks module and the modules it
# depends on, tests compiled but not run), then runs io.github.qrerank.bench.BenchMain, which
# measures everything in one JVM and writes BENCHMARKS.md at the repository root.
#
#   ./bench.sh                   full run (about 4 minutes on 2 cores)
#   ./bench.sh --quick           smoke run with tiny samples (the report says so)
#   ./bench.sh --only S1,S2      only these sections; the others are marked as not measured
#   ./bench.sh --skip S1,S2      every section but these (--skip-solr is --skip solr,cloud,remote)
#   ./bench.sh --only S1 --keep  measure S1, copy the other sections from the current report
#                                (each marked with the run that measured it)
#   ./bench.sh --out FILE        write the report elsewhere
#
# Sections: exact, cpsat (runs exact too), solr, strange, bandwidth, qaoa, penalty, qaoa-latency,
# cloud (qrerank against rerank on a 2-shard SolrCloud, and the shards' extra bytes), remote
# (solver=remote against solver=exact while an in-process provider server flaps).
# The bandwidth section holds 3 GiB of arrays at 26 qubits, hence the 6 GiB heap.
# -XX:+AlwaysPreTouch makes the JVM touch its heap at start (about 0.3 s for the 1 GiB initial
# heap, and again whenever the heap grows), so that timed code allocating fresh arrays does not
# pay the kernel's first-touch page faults, as in a server that has been up for a while (Solr's
# own bin/solr starts Solr with -XX:+AlwaysPreTouch in its default GC_TUNE). Measured
# in section 4 at 18 qubits: without it about 540 minor faults per run, the executor's p50 5.4-5.8
# ms instead of 3.5 ms and gate by gate 12.5-16.5 ms instead of 10.6 ms (load average 1.7-2.2).
# --add-modules=jdk.incubator.vector lets the simulator's cost-phase pass use the JDK's Vector API
# (section 5 also times the scalar fallback that runs without it); the JVM warns once that it uses
# an incubator module.
#
# Set MAVEN_ARGS (e.g. MAVEN_ARGS=-o) to pass extra options to Maven.
set -euo pipefail
cd "$(dirname "$0")"

echo "[bench] building (mvn package -pl benchmarks -am -DskipTests)" >&2
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:-} -pl benchmarks -am package -DskipTests

classpath="benchmarks/target/classes:$(cat benchmarks/target/bench-classpath.txt)"
exec java -Xms1g -Xmx6g -XX:+UseG1GC -XX:+AlwaysPreTouch --add-modules=jdk.incubator.vector -cp "$classpath" \
  io.github.qrerank.bench.BenchMain --command "./bench.sh${*:+ $*}" "$@"
