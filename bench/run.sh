#!/usr/bin/env bash
# The benchmark (see bench/README.md). It provisions PostgreSQL like the test suite does
# (.ci/test.sh), builds the server, then runs the two benchmark classes only:
#   AuditWriteBenchmarkIT (adapters-out-persistence): audit rows per second through the audit port;
#   BenchmarkIT (liberty): the real server against a mock Kubernetes API with 200 pods.
# Settings (environment): BENCH_SECONDS per measured run (default 20), BENCH_CONCURRENCY (default
# "1,16"), BENCH_WARMUP_SECONDS (default 15), BENCH_AUDIT_ROWS (default 100000).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
out="bench/results-$(date -u +%Y%m%dT%H%M%SZ).txt"
log="bench/last-run.log"
rm -f adapters-out-persistence/target/bench-audit.txt liberty/target/bench-results.txt
echo "bench/run.sh: building and measuring (several minutes; the build log goes to $log)"
if ! .ci/test.sh -q -pl adapters-out-persistence,liberty -am \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='AuditWriteBenchmarkIT,BenchmarkIT' -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dbench.enabled=true \
  -Dbench.seconds="${BENCH_SECONDS:-20}" \
  -Dbench.concurrency="${BENCH_CONCURRENCY:-1,16}" \
  -Dbench.warmupSeconds="${BENCH_WARMUP_SECONDS:-15}" \
  -Dbench.auditRows="${BENCH_AUDIT_ROWS:-100000}" >"$log" 2>&1; then
  tail -n 60 "$log"
  echo "bench/run.sh: the run failed (full log: $log)" >&2
  exit 1
fi
{
  echo "# $(date -u +%FT%TZ), $(nproc) cores, $(java -version 2>&1 | head -n 1)"
  cat "$root/adapters-out-persistence/target/bench-audit.txt" "$root/liberty/target/bench-results.txt"
} | tee "$out"
echo "bench/run.sh: figures saved to $out"
