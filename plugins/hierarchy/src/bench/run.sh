#!/bin/sh
# Rollup benchmark on a generated 1,000,000-node forest in embedded H2: prints figures, never passes or fails.
# Run from the repository root after `mvn install -DskipTests` (pass your Maven options in MAVEN_ARGS, e.g.
# MAVEN_ARGS="-o -Dmaven.repo.local=/path/to/repo"). Optional arguments: roots (10) and nodes per root (100000).
set -e
cd "$(dirname "$0")/../.."
mvn -q $MAVEN_ARGS test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
exec java -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.openkam.hierarchy.internal.HierarchyBenchmark "$@"
