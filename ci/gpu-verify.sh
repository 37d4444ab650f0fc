#!/usr/bin/env bash
# Entry script of users' GPU CI runners (issue 8), called by ci/github/gpu-reproduction.yml and
# ci/gitlab/gpu-reproduction.gitlab-ci.yml; see README "Sharded runs on CI".
#
#   ci/gpu-verify.sh --shard I/N [--out DIR] [--protocol P] [--cpu] [--dry-run]
#       one shard: check the GPU, verify the configured datasets against datasets.lock, run `mvn verify` on this
#       shard's units, and leave everything to upload in DIR (run records, shard.json, folds/, allure-results/).
#   ci/gpu-verify.sh --merge [--out DIR] [--ledger FILE] SHARD_DIR...
#       the merge job: `fer merge` of the shards' folders into DIR, then the Allure HTML report in DIR/allure-report.
#
# Datasets are mounted by the runner and named by FER_DATA_<DATASET> (README); with none, the embedded dataset runs.
# --cpu: no GPU check and the CPU backend (for testing this script without a GPU); --dry-run: print the steps only.
# A shard's failed cells do not fail its job (the merge job judges the merged cells): its results are always left for
# upload. Exit codes: 2 for a usage error, else the failing step's (fer merge: 1 missing units, 4 failed cells).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: $0 --shard I/N [--out DIR] [--protocol P] [--cpu] [--dry-run]" >&2
          echo "       $0 --merge [--out DIR] [--ledger FILE] [--cpu] [--dry-run] SHARD_DIR..." >&2; exit 2; }

shard="${FER_SHARD:-}" out="" protocol="${FER_PROTOCOL:-paper}" ledger="${FER_LEDGER:-reports/ledger.jsonl}"
cpu=0 dry=0 merge=0 shards=()
while [ $# -gt 0 ]; do
  case "$1" in
    --shard) [ $# -ge 2 ] || usage; shard="$2"; shift 2 ;;
    --out) [ $# -ge 2 ] || usage; out="$2"; shift 2 ;;
    --protocol) [ $# -ge 2 ] || usage; protocol="$2"; shift 2 ;;
    --ledger) [ $# -ge 2 ] || usage; ledger="$2"; shift 2 ;;
    --cpu) cpu=1; shift ;;
    --dry-run) dry=1; shift ;;
    --merge) merge=1; shift ;;
    -h|--help) usage ;;
    -*) echo "$0: unknown option $1" >&2; usage ;;
    *) shards+=("$1"); shift ;;
  esac
done

mvn="${MVN:-mvn} -B -q"
profile=$([ "$cpu" = 1 ] && echo "" || echo "-Pcuda")
step() { echo "== $1"; }
run() { echo "+ $*"; if [ "$dry" = 0 ]; then "$@"; fi; }

if [ "$merge" = 1 ]; then
  [ ${#shards[@]} -gt 0 ] || { echo "$0: --merge needs the shards' folders" >&2; usage; }
  out="${out:-merged}"
  step "build the command line (CPU backend: merging trains nothing)"
  run $mvn package -DskipTests
  step "merge ${#shards[@]} shard folder(s) into $out"
  status=0
  run target/fer merge "${shards[@]}" --out "$out" --ledger "$ledger" || status=$?
  step "Allure HTML report of the merged results: $out/allure-report"
  run rm -rf target/allure-results
  run cp -r "$out/allure-results" target/allure-results
  run $mvn allure:report
  run cp -r target/site/allure-maven-plugin "$out/allure-report"
  exit "$status"
fi

[[ "$shard" =~ ^[0-9]+/[0-9]+$ ]] || { echo "$0: --shard I/N (e.g. 2/8) is required, got '${shard}'" >&2; usage; }
index="${shard%/*}" count="${shard#*/}"
[ "$index" -ge 1 ] && [ "$index" -le "$count" ] || { echo "$0: shard $shard: need 1 <= I <= N" >&2; usage; }
out="${out:-shard-$index-of-$count}"

if [ "$cpu" = 1 ]; then
  step "CPU mode: no GPU check"
else
  step "check the GPU"
  run nvidia-smi --query-gpu=name,compute_cap,memory.total --format=csv
fi
step "build (${profile:-CPU backend})"
run $mvn package -DskipTests $profile
[ "$cpu" = 1 ] || run target/fer gpu
if env | grep -q '^FER_DATA_'; then
  step "verify the configured datasets against datasets.lock"
  run target/fer datasets verify
else
  step "no FER_DATA_<DATASET> set: the embedded dataset only"
fi
step "run shard $shard, protocol $protocol, results in $out"
run $mvn verify $profile -Dfer.protocol="$protocol" -Dfer.shard="$shard" -Dfer.results="$out" \
    -Dallure.results.directory="$out/allure-results" -Dmaven.test.failure.ignore=true
