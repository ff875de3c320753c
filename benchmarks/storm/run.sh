#!/bin/sh
# A violation storm in fresh JVMs, the log to a real file: 20,000 identical UNIQUE violations on H2 through the driver
# jar given (default: the one `mvn package` built), three times, then the raw H2 driver three times. Prints each run's
# time and the log's lines and bytes. See benchmarks/README.md, "Violation storm".
# Usage, from anywhere: benchmarks/storm/run.sh [driver.jar] [integrity.log.rate, or "default" for none]
# RAW= (empty) skips the raw driver's runs; KEEP_LOG=file keeps the last run's log.
set -e
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=${1:-$(ls "$ROOT"/target/integrity-jdbc-*.jar | grep -v -e sources -e javadoc | head -1)}
RATE=${2:-default}
OUT=$(mktemp -d)
mvn -q -f "$ROOT/pom.xml" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath"
LIBS=$(tr ':' '\n' < "$OUT/classpath" | grep -E \
    '/(h2|slf4j-api|logback-classic|logback-core|micrometer-core|micrometer-commons|micrometer-observation|HdrHistogram)-[0-9]' \
    | paste -sd: -)
echo "driver: $JAR"
for variant in "$RATE" ${RAW-raw}; do
    for run in 1 2 3; do
        rm -f "$OUT/storm.log"
        STORM_LOG="$OUT/storm.log" java -cp "$JAR:$LIBS" -Dlogback.configurationFile="$ROOT/benchmarks/storm/storm-logback.xml" \
            "$ROOT/benchmarks/storm/StormProbe.java" "$variant"
        if [ -f "$OUT/storm.log" ]; then
            echo "    log: $(wc -l < "$OUT/storm.log") lines, $(wc -c < "$OUT/storm.log") bytes"
        else
            echo "    log: none"
        fi
    done
    if [ -n "$KEEP_LOG" ] && [ "$variant" != raw ]; then
        cp "$OUT/storm.log" "$KEEP_LOG"
    fi
done
rm -rf "$OUT"
