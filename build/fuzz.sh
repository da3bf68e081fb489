#!/usr/bin/env bash
# Long fuzzing run of the parser and the analyzer (CsCheck properties in tests/.../Fuzzing).
#   build/fuzz.sh [cases-per-property]      default 100000 (CI runs 1500/600/1000/500)
#   NRU_FUZZ_SEED=<seed> build/fuzz.sh N    replays the CsCheck seed a failure printed
# Prints, per property, the number of cases run, and the total.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export NRU_FUZZ_ITERATIONS="${1:-${NRU_FUZZ_ITERATIONS:-100000}}"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
dotnet test tests/NonRootUser.Analyzers.Tests -c Release \
  --filter "FullyQualifiedName~Fuzzing.FuzzTests.Mutated|FullyQualifiedName~Fuzzing.FuzzTests.Generated" \
  --logger "console;verbosity=normal" 2>&1 | tee "$log" | grep -E '^fuzz:|Failed |Error Message|Passed!|Failed!'
status=${PIPESTATUS[0]}

total=$(sed -n 's/^fuzz: [^:]*: \([0-9]*\) cases in .*/\1/p' "$log" | awk '{s += $1} END {print s + 0}')
echo "fuzz: total: $total cases ($NRU_FUZZ_ITERATIONS per property)"
if [ "$status" -ne 0 ]; then
  echo "fuzz: FAILED: the shrunk input and the seed to replay it are in the output above" >&2
  grep -A60 'Error Message' "$log" | head -120 >&2
fi
exit "$status"
