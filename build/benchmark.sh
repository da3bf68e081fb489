#!/usr/bin/env bash
# Parser and analyzer benchmarks, in Release.
#   build/benchmark.sh          quick mode (Stopwatch, ~a few minutes): parse-only and parse+analyse MB/s, µs/file and
#                               allocations per input, where the time goes, and whether the targets are met
#   build/benchmark.sh --full   BenchmarkDotNet (ParserBenchmarks and AnalyzerBenchmarks); extra arguments go to it,
#                               e.g. build/benchmark.sh --full --filter '*Analyzer*'
# On a machine shared with other builds, read the MB/cpu-s and µs/file columns (CPU time), not wall-clock MB/s.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

project=tests/NonRootUser.Analyzers.Benchmarks
dotnet build -c Release "$project" -v quiet -nologo >/dev/null

if [ "${1:-}" = "--full" ]; then
  shift
  if [ $# -eq 0 ]; then set -- --filter '*'; fi
  exec dotnet run -c Release --no-build --project "$project" -- "$@"
fi

output="$(mktemp)"
trap 'rm -f "$output"' EXIT
dotnet run -c Release --no-build --project "$project" -- --quick | tee "$output"

echo
echo "== summary"
sed -n '/^targets/,$p' "$output"
