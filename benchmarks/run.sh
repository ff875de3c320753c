#!/usr/bin/env bash
# Builds the driver and the benchmarks, runs every benchmark and writes the Markdown tables to results/.
# Extra arguments go to both JMH runs (e.g. -p variant=RAW,INTEGRITY_URL); JMH_JAVA_OPTS to the JMH JVM
# (e.g. -Djmh.ignoreLock=true when another JMH run holds /tmp/jmh.lock). Needs PostgreSQL on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")"
maven=(mvn -B -ntp -q ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL})
"${maven[@]}" -f ../pom.xml install -DskipTests
"${maven[@]}" package -DskipTests
mkdir -p results
run=(java ${JMH_JAVA_OPTS:-} -cp target/benchmarks.jar io.github.integrityjdbc.benchmarks.RunAll)
"${run[@]}" 'H2Benchmark|PostgresBenchmark' -f 1 -wi 5 -w 1s -i 5 -r 1s -rf json -rff results/workloads.json "$@" \
    | tee results/workloads.txt
"${run[@]}" 'PostgresTransactionBenchmark' -f 1 -wi 5 -w 1s -i 5 -r 1s -rf json -rff results/transaction.json "$@" \
    | tee results/transaction.txt
"${run[@]}" 'FirstConnectionBenchmark' -rf json -rff results/first-connection.json "$@" | tee results/first-connection.txt
