#!/usr/bin/env bash
# What the package costs inside `dotnet build`: the AnalyzeDockerfiles task (and its target) in a no-op rebuild of a
# project with 1 Dockerfile and of one with 500, each rebuild in a fresh MSBuild process (JIT and assembly loading
# included), compared with dockerfile-utils (the VS Code Docker extension's linter) validating the same 500 files warm.
#
#   build/measure-build.sh [-n RUNS] [--keep] [--no-node] [--work DIR]
#     -n RUNS     no-op rebuilds per project (default 5)
#     --keep      keep the temporary folder (projects, feed, packages, logs) and print its path
#     --no-node   skip the dockerfile-utils comparison (needs node and npm, and the npm registry)
#     --work DIR  use DIR (created if absent; best empty) instead of a fresh mktemp folder
#     --task-assembly PATH
#                 run this build of NonRootUser.Analyzers.dll instead of the packed one (NonRootUserTaskAssembly), to
#                 measure a candidate fix (e.g. a ReadyToRun image) against the same consumers
#
# Needs only the .NET SDK (10.0, for net10.0 consumers) and, for the comparison, node + npm. Everything it creates
# lives in the temporary folder: the package feed, the consumers, their NuGet cache (NUGET_PACKAGES) and dockerfile-utils.
# On a machine shared with other work the numbers are noisy: the load average is printed with them.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_UI_LANGUAGE=en
# No MSBuild server: every rebuild must start cold.
export DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1

runs=5
keep=false
node_compare=true
work=""
task_assembly=""
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs="$2"; shift 2 ;;
    --keep) keep=true; shift ;;
    --no-node) node_compare=false; shift ;;
    --work) work="$2"; shift 2 ;;
    --task-assembly) task_assembly="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

# Targets (issue "Fast and unbreakable"): the task's time in a no-op rebuild, in ms.
target_one_ms=50
target_many_ms=300
many_count=500

task_override=()
if [ -n "$task_assembly" ]; then
  task_override=("-p:NonRootUserTaskAssembly=$(cd "$(dirname "$task_assembly")" && pwd)/$(basename "$task_assembly")")
fi

if [ -z "$work" ]; then
  work="$(mktemp -d "${TMPDIR:-/tmp}/nru-measure.XXXXXX")"
else
  mkdir -p "$work"
fi
work="$(cd "$work" && pwd)"
if [ "$keep" = false ]; then
  trap 'rm -rf "$work"' EXIT
fi

log() { printf '== %s\n' "$*"; }
load_average() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime | sed 's/.*average[s]*: //'; }
now_ms() { date +%s%3N; }

# min / median / max of the numbers on stdin (one per line).
stats() {
  sort -n | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "n/a n/a n/a"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%d %d %d\n", v[1], m, v[NR] }'
}

# ------------------------------------------------------------------------------------------------------------------
# 1. The package, in a feed of its own, under a version no cache has seen.
# ------------------------------------------------------------------------------------------------------------------
version="0.0.0-perf.$(date +%Y%m%d%H%M%S).$$"
feed="$work/feed"
log "packing NonRootUser.Analyzers $version (load average $(load_average))"
dotnet pack src/NonRootUser.Analyzers -c Release -o "$feed" -p:Version="$version" -nologo -v quiet >"$work/pack.log" 2>&1 \
  || { cat "$work/pack.log"; exit 1; }

# ------------------------------------------------------------------------------------------------------------------
# 2. Two consumers: a class library with one Dockerfile, and one with 500 varied Dockerfiles in subfolders.
# ------------------------------------------------------------------------------------------------------------------
export NUGET_PACKAGES="$work/packages"
consumers="$work/consumers"
mkdir -p "$consumers"

# The consumers must not pick up anything from the folders above them (a Directory.Build.props in /tmp, say).
cat >"$consumers/Directory.Build.props" <<'EOF'
<Project>
  <PropertyGroup>
    <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
    <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>
  </PropertyGroup>
</Project>
EOF
cat >"$consumers/NuGet.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="perf-feed" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
EOF

write_project() { # folder name
  mkdir -p "$1"
  cat >"$1/$2.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <NuGetAudit>false</NuGetAudit>
    <!-- No compiler server left running after the script. -->
    <UseSharedCompilation>false</UseSharedCompilation>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="NonRootUser.Analyzers" Version="$version" PrivateAssets="all" />
  </ItemGroup>
</Project>
EOF
  cat >"$1/Class1.cs" <<EOF
namespace $2;

public class Class1
{
}
EOF
}

# Visual Studio's ASP.NET template (base / build / publish / final). $1 project, $2 .NET version, $3 with USER?
df_vs_template() {
  local user_line='USER $APP_UID'
  [ "$3" = yes ] || user_line=''
  cat <<EOF
# See https://aka.ms/customizecontainer to learn how to customize your debug container and how Visual Studio uses this Dockerfile to build your images for faster debugging.

# This stage is used when running from VS in fast mode (Default for Debug configuration)
FROM mcr.microsoft.com/dotnet/aspnet:$2 AS base
$user_line
WORKDIR /app
EXPOSE 8080
EXPOSE 8081


# This stage is used to build the service project
FROM mcr.microsoft.com/dotnet/sdk:$2 AS build
ARG BUILD_CONFIGURATION=Release
WORKDIR /src
COPY ["$1/$1.csproj", "$1/"]
COPY ["$1.Core/$1.Core.csproj", "$1.Core/"]
RUN dotnet restore "./$1/$1.csproj"
COPY . .
WORKDIR "/src/$1"
RUN dotnet build "./$1.csproj" -c \$BUILD_CONFIGURATION -o /app/build

# This stage is used to publish the service project to be copied to the final stage
FROM build AS publish
ARG BUILD_CONFIGURATION=Release
RUN dotnet publish "./$1.csproj" -c \$BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false

# This stage is used in production or when running from VS in regular mode (Default when not using the Debug configuration)
FROM base AS final
WORKDIR /app
COPY --from=publish /app/publish .
ENTRYPOINT ["dotnet", "$1.dll"]
EOF
}

# Chiseled runtime-deps with a self-contained app: runs as app by default. $1 project, $2 .NET version
df_chiseled() {
  cat <<EOF
# syntax=docker/dockerfile:1
ARG DOTNET_VERSION=$2
FROM --platform=\$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:\${DOTNET_VERSION}-noble AS build
ARG TARGETARCH
WORKDIR /source

# Restore as a distinct layer.
COPY --link *.csproj .
RUN dotnet restore -a \$TARGETARCH

COPY --link . .
RUN dotnet publish -a \$TARGETARCH --no-restore -o /app \\
    -p:PublishTrimmed=true \\
    -p:InvariantGlobalization=true

FROM mcr.microsoft.com/dotnet/runtime-deps:\${DOTNET_VERSION}-noble-chiseled
EXPOSE 8080
WORKDIR /app
COPY --link --from=build /app .
ENTRYPOINT ["./$1"]
EOF
}

# Alpine, with a user created by adduser. $1 project, $2 .NET version, $3 the user for USER (may differ: a finding)
df_alpine() {
  cat <<EOF
FROM mcr.microsoft.com/dotnet/sdk:$2-alpine AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.nuget/packages \\
    dotnet publish "$1.csproj" -c Release -r linux-musl-x64 --self-contained false -o /out

FROM mcr.microsoft.com/dotnet/aspnet:$2-alpine
RUN apk add --no-cache icu-libs tzdata \\
 && addgroup -S -g 10001 appgroup \\
 && adduser -S -D -H -u 10001 -G appgroup appuser
ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false \\
    ASPNETCORE_HTTP_PORTS=8080
WORKDIR /app
COPY --from=build --chown=appuser:appgroup /out .
USER $3
HEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- http://localhost:8080/health || exit 1
ENTRYPOINT ["dotnet", "$1.dll"]
EOF
}

# Windows Nano Server (escape directive, PowerShell-free). $1 project, $2 .NET version
df_nanoserver() {
  cat <<EOF
# escape=\`
FROM mcr.microsoft.com/dotnet/sdk:$2-nanoserver-ltsc2022 AS build
WORKDIR C:\\src
COPY . .
RUN dotnet publish $1.csproj -c Release -o C:\\app

FROM mcr.microsoft.com/dotnet/aspnet:$2-nanoserver-ltsc2022
WORKDIR C:\\app
COPY --from=build C:\\app .
ENV ASPNETCORE_URLS=http://+:8080 \`
    DOTNET_RUNNING_IN_CONTAINER=true
USER ContainerUser
ENTRYPOINT ["dotnet.exe", "$1.dll"]
EOF
}

# Debian with useradd and a build argument for the uid; $3 the user for USER.
df_debian_useradd() {
  cat <<EOF
FROM mcr.microsoft.com/dotnet/sdk:$2 AS build
WORKDIR /src
COPY ["src/$1/$1.csproj", "src/$1/"]
RUN dotnet restore "src/$1/$1.csproj"
COPY . .
RUN dotnet publish "src/$1/$1.csproj" -c Release -o /app/publish --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:$2-bookworm-slim AS final
ARG APP_USER=svc
ARG APP_UID=10001
RUN apt-get update \\
    && apt-get install -y --no-install-recommends curl ca-certificates \\
    && rm -rf /var/lib/apt/lists/* \\
    && groupadd --gid \$APP_UID \$APP_USER \\
    && useradd --uid \$APP_UID --gid \$APP_USER --no-create-home --shell /usr/sbin/nologin \$APP_USER
WORKDIR /app
COPY --from=build /app/publish .
USER $3
ENTRYPOINT ["dotnet", "$1.dll"]
EOF
}

# A Node.js front end served by the node user, and one with USER root left in (a finding).
df_node() {
  cat <<EOF
FROM node:22-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

FROM node:22-alpine AS build
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

FROM node:22-alpine
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
USER $3
EXPOSE 3000
CMD ["node", "dist/server.js"]
EOF
}

# A worker that switches to a user nothing created (the samples/Worker mistake: NRU003).
df_worker_missing_user() {
  cat <<EOF
FROM mcr.microsoft.com/dotnet/runtime:$2 AS base
WORKDIR /app

FROM mcr.microsoft.com/dotnet/sdk:$2 AS build
WORKDIR /src
COPY ["$1/$1.csproj", "$1/"]
RUN dotnet restore "./$1/$1.csproj"
COPY . .
RUN dotnet publish "./$1/$1.csproj" -c Release -o /app/publish /p:UseAppHost=false

FROM base AS final
WORKDIR /app
COPY --from=build /app/publish .
USER worker
ENTRYPOINT ["dotnet", "$1.dll"]
EOF
}

# The i-th of the varied Dockerfiles: mostly clean, about one in eight with a finding.
write_dockerfile() { # index path
  local i="$1" path="$2" name versions=(8.0 9.0 10.0)
  name="Service$(printf '%03d' "$i")"
  local v="${versions[$((i % 3))]}"
  mkdir -p "$(dirname "$path")"
  case $((i % 16)) in
    0|1|2|3) df_vs_template "$name" "$v" yes ;;
    4) df_vs_template "$name" "$v" no ;;                       # NRU001
    5|6) df_chiseled "$name" "$v" ;;
    7|8) df_alpine "$name" "$v" appuser ;;
    9) df_alpine "$name" "$v" 10001:10001 ;;
    10) df_nanoserver "$name" "$v" ;;
    11) df_debian_useradd "$name" "$v" '$APP_USER' ;;
    12) df_debian_useradd "$name" "$v" svc ;;
    13) df_node "$name" "$v" node ;;
    14) df_node "$name" "$v" root ;;                           # NRU002
    15) df_worker_missing_user "$name" "$v" ;;                 # NRU003
  esac >"$path"
}

one="$consumers/OneDockerfile"
many="$consumers/ManyDockerfiles"
write_project "$one" OneDockerfile
df_vs_template OneDockerfile 10.0 yes >"$one/Dockerfile"
write_project "$many" ManyDockerfiles
expected_many=0
for i in $(seq 1 "$many_count"); do
  case $((i % 16)) in 4|14|15) expected_many=$((expected_many + 1)) ;; esac
  group="$(printf 'group%02d' $((i / 50)))"
  service="$(printf 'service%03d' "$i")"
  # Mostly Dockerfile, some with the other names the default items pick up.
  case $((i % 10)) in
    8) file="Dockerfile.release" ;;
    9) file="Containerfile" ;;
    *) file="Dockerfile" ;;
  esac
  write_dockerfile "$i" "$many/services/$group/$service/$file"
done
find "$many/services" -type f | sort >"$work/many-files.txt"
log "consumers in $consumers: 1 Dockerfile, $(wc -l <"$work/many-files.txt") Dockerfiles ($(cat "$work"/many-files.txt | xargs cat | wc -c) bytes)"

# ------------------------------------------------------------------------------------------------------------------
# 3. Restore and build once, then N no-op rebuilds, each a new dotnet process without node reuse.
# ------------------------------------------------------------------------------------------------------------------
# Milliseconds of the summary line named $2 (a target or a task) in the build log $1; empty when absent.
summary_ms() {
  awk -v name="$2" '
    /^Target Performance Summary:/ { section = "target"; next }
    /^Task Performance Summary:/ { section = "task"; next }
    /^[^ \t]/ { if (section != "") section = "done" }
    (section == "target" || section == "task") && $2 == "ms" && $3 == name { print section, $1 }' "$1"
}

# Seconds of "Time Elapsed hh:mm:ss.ff" as ms.
elapsed_ms() {
  sed -n 's/^Time Elapsed \([0-9]*\):\([0-9]*\):\([0-9.]*\).*/\1 \2 \3/p' "$1" | awk '{ printf "%d\n", ($1 * 3600 + $2 * 60 + $3) * 1000 }'
}

results="$work/results.txt"
: >"$results"
# One no-op rebuild of $1 (a new dotnet process, no node reuse, no build server); extra MSBuild arguments follow.
# Appends "label task target elapsed wall load" to the results; prints one line.
noop_build() { # folder label run extra-args...
  local dir="$1" label="$2" run="$3" start end out task target total wall
  shift 3
  out="$work/$label-noop$run.log"
  start="$(now_ms)"
  (cd "$dir" && dotnet build --no-restore -nr:false -tl:off -nologo -clp:PerformanceSummary "$@" >"$out" 2>&1) \
    || { tail -40 "$out"; exit 1; }
  end="$(now_ms)"
  wall=$((end - start))
  task="$(summary_ms "$out" AnalyzeDockerfiles | awk '$1 == "task" { print $2 }')"
  target="$(summary_ms "$out" NonRootUserAnalyzeDockerfiles | awk '$1 == "target" { print $2 }')"
  total="$(elapsed_ms "$out")"
  printf '   %-9s no-op rebuild %d: task %s ms, target %s ms, build %s ms (Time Elapsed), %d ms wall, load %s\n' \
    "$label" "$run" "${task:--}" "${target:--}" "${total:-?}" "$wall" "$(load_average)"
  printf '%s %s %s %s %s %s\n' "$label" "${task:-NaN}" "${target:-NaN}" "${total:-NaN}" "$wall" "$(load_average | cut -d' ' -f1)" >>"$results"
}

measure_project() { # folder label expected-warnings
  local dir="$1" label="$2" expected="$3" start end warnings
  log "$label: restore + first build (load average $(load_average))"
  start="$(now_ms)"
  (cd "$dir" && dotnet restore -nologo -v quiet >"$work/$label-restore.log" 2>&1) || { cat "$work/$label-restore.log"; exit 1; }
  (cd "$dir" && dotnet build --no-restore -nr:false -tl:off -nologo -clp:PerformanceSummary "${task_override[@]}" >"$work/$label-build0.log" 2>&1) \
    || { tail -40 "$work/$label-build0.log"; exit 1; }
  end="$(now_ms)"
  warnings="$(sed -n 's/^ *\([0-9]*\) Warning(s).*/\1/p' "$work/$label-build0.log" | tail -1)"
  printf '   first build: %d ms wall (restore included), task %s ms, %s warning(s), %s expected\n' \
    $((end - start)) "$(summary_ms "$work/$label-build0.log" AnalyzeDockerfiles | awk '$1 == "task" { print $2 }')" \
    "$warnings" "$expected"
  if [ "$warnings" != "$expected" ]; then
    # Not fatal: the timing is still worth having, but the inputs no longer behave as designed (one finding in each
    # file generated to have one, none elsewhere), so the analyzer's output changed.
    echo "   WARNING: $warnings warnings instead of $expected; the findings:"
    grep -o 'services/[^(]*([0-9,]*): warning NRU[0-9]*' "$work/$label-build0.log" | sort -u | head -20 | sed 's/^/     /'
  fi
  # Interleaved, so that a burst of load on the shared machine hits both alike: with the package, and without
  # (NonRootUserEnabled=false and no Dockerfile items: the rest of the build, for the package's share of it).
  for r in $(seq 1 "$runs"); do
    noop_build "$dir" "$label" "$r" "${task_override[@]}"
    noop_build "$dir" "$label-off" "$r" -p:NonRootUserEnabled=false -p:EnableDefaultNonRootUserItems=false
  done
}

measure_project "$one" one 0
measure_project "$many" many "$expected_many"

# ------------------------------------------------------------------------------------------------------------------
# 4. dockerfile-utils (the linter of VS Code's Docker extension) on the same 500 files, warm, in one Node process.
# ------------------------------------------------------------------------------------------------------------------
node_warm=""
if [ "$node_compare" = true ] && command -v node >/dev/null && command -v npm >/dev/null; then
  log "dockerfile-utils: npm install in $work/node"
  mkdir -p "$work/node"
  (cd "$work/node" && npm init -y >/dev/null 2>&1 \
    && npm install dockerfile-utils --no-audit --no-fund --loglevel=error >"$work/npm.log" 2>&1) \
    || { cat "$work/npm.log"; node_compare=false; }
fi
if [ "$node_compare" = true ] && [ -d "$work/node/node_modules/dockerfile-utils" ]; then
  cat >"$work/node/measure.js" <<'EOF'
// Validates every file of the list, several rounds in one process: round 1 is cold (JIT), the others warm.
// Each round reads the files again, as the MSBuild task does on every build.
const fs = require('fs');
const t0 = process.hrtime.bigint();
const { validate } = require('dockerfile-utils');
const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
const files = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
const rounds = Number(process.argv[3] || 10);
const times = [];
let problems = 0;
for (let round = 0; round < rounds; round++) {
  const start = process.hrtime.bigint();
  problems = 0;
  for (const file of files) {
    problems += validate(fs.readFileSync(file, 'utf8')).length;
  }
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
const warm = times.slice(1).sort((a, b) => a - b);
const median = warm.length % 2 ? warm[(warm.length - 1) / 2] : (warm[warm.length / 2 - 1] + warm[warm.length / 2]) / 2;
console.log(JSON.stringify({ files: files.length, problems, loadMs, coldMs: times[0], warmMinMs: warm[0], warmMedianMs: median, warmMaxMs: warm[warm.length - 1] }));
EOF
  version_utils="$(node -p "require('$work/node/node_modules/dockerfile-utils/package.json').version")"
  log "dockerfile-utils $version_utils: validate() on the same $many_count files, 10 rounds per process, 3 processes (load average $(load_average))"
  : >"$work/node-results.txt"
  for p in 1 2 3; do
    line="$(node "$work/node/measure.js" "$work/many-files.txt" 10)"
    echo "   process $p: $line"
    echo "$line" >>"$work/node-results.txt"
  done
  node_warm="$(sed -n 's/.*"warmMedianMs":\([0-9.]*\).*/\1/p' "$work/node-results.txt" | awk '{ printf "%d\n", $1 + 0.5 }' | stats | awk '{ print $2 }')"
  node_cold="$(sed -n 's/.*"coldMs":\([0-9.]*\).*/\1/p' "$work/node-results.txt" | awk '{ printf "%d\n", $1 + 0.5 }' | stats | awk '{ print $2 }')"
  node_load="$(sed -n 's/.*"loadMs":\([0-9.]*\).*/\1/p' "$work/node-results.txt" | awk '{ printf "%d\n", $1 + 0.5 }' | stats | awk '{ print $2 }')"
fi

# ------------------------------------------------------------------------------------------------------------------
# 5. Summary against the targets.
# ------------------------------------------------------------------------------------------------------------------
column_stats() { # label column
  awk -v l="$1" -v c="$2" '$1 == l && $c != "NaN" { print $c }' "$results" | stats
}
echo
log "summary ($runs no-op rebuilds per project, fresh MSBuild process each; ms as min / median / max; load average now $(load_average); $(nproc) cores)"
printf '%-22s %-14s %-14s %-21s %-21s %-16s\n' project "task" "target" "build (Time Elapsed)" "same, package off" "dotnet build wall"
for label in one many; do
  case "$label" in one) name="1 Dockerfile" ;; many) name="$many_count Dockerfiles" ;; esac
  printf '%-22s %-14s %-14s %-21s %-21s %-16s\n' "$name" \
    "$(column_stats "$label" 2 | tr ' ' '/')" "$(column_stats "$label" 3 | tr ' ' '/')" \
    "$(column_stats "$label" 4 | tr ' ' '/')" "$(column_stats "$label-off" 4 | tr ' ' '/')" \
    "$(column_stats "$label" 5 | tr ' ' '/')"
done
if [ -n "$node_warm" ]; then
  printf '%-22s warm %s ms per %d files (median of 3 processes; first round %s ms, require() %s ms)\n' \
    "dockerfile-utils" "$node_warm" "$many_count" "$node_cold" "$node_load"
fi

max_load="$(awk '{ if ($6 > m) m = $6 } END { print m + 0 }' "$results")"
# The rebuild itself keeps about one core busy (JIT and GC threads besides the build), hence cores + 1.
if awk -v l="$max_load" -v c="$(nproc)" 'BEGIN { exit !(l > c + 1) }'; then
  echo "note: the 1-minute load average reached $max_load on $(nproc) cores during the rebuilds: other work competed for the"
  echo "      CPU and the times above are inflated. Compare medians of runs made at similar load, or run again when quiet."
fi

echo
echo "targets"
verdict() { # description measured target
  if [ -z "$2" ] || [ "$2" = n/a ]; then
    printf '  %-58s %8s        not measured\n' "$1" "-"
  elif [ "$2" -le "$3" ]; then
    printf '  %-58s %5s ms  <= %s ms  met\n' "$1" "$2" "$3"
  else
    printf '  %-58s %5s ms  >  %s ms  MISSED\n' "$1" "$2" "$3"
  fi
}
one_median="$(column_stats one 2 | awk '{ print $2 }')"
many_median="$(column_stats many 2 | awk '{ print $2 }')"
verdict "task, no-op rebuild, 1 Dockerfile (median)" "$one_median" "$target_one_ms"
verdict "task, no-op rebuild, $many_count Dockerfiles (median)" "$many_median" "$target_many_ms"
if [ -n "$node_warm" ]; then
  if [ "$many_median" -lt "$node_warm" ]; then
    printf '  %-58s %5s ms  <  %s ms  met\n' "task for $many_count below dockerfile-utils warm" "$many_median" "$node_warm"
  else
    printf '  %-58s %5s ms  >= %s ms  MISSED\n' "task for $many_count below dockerfile-utils warm" "$many_median" "$node_warm"
  fi
else
  printf '  %-58s %8s        not measured (--no-node, or node/npm missing)\n' "task for $many_count below dockerfile-utils warm" "-"
fi
if [ "$keep" = true ]; then
  echo
  echo "kept: $work (build logs: $work/*-noop*.log)"
fi
