#!/usr/bin/env bash
# GPU benchmark run (issue 8; README "GPU"): builds with -Pcuda, runs the GPU smoke test (one epoch of the embedded
# dataset) and the JMH benchmarks on the CUDA backend, and writes the numbers to one file.
#
#   ci/gpu-benchmark.sh [--cpu] [--quick] [--dry-run]
#     --cpu      the same steps on the CPU backend (what a machine without a GPU can check; the smoke test skips)
#     --quick    PerformanceReport --quick (2 s iterations: checks that everything runs, not a measurement)
#     --dry-run  print the commands, run nothing
#   FER_BENCH_OUT     the result file (default target/gpu-benchmark.txt)
#   FER_CUDA_REDIST=1 take the CUDA 11.6 runtime from the JavaCPP redist jar (profile cuda-redist, 1.8 GB) instead
#                     of the system's libcublas.so.11 / libcusolver.so.11
#   FER_BENCH_WIDTHS  PerformanceReport widths (default 16/32/64,64/128/256)
set -euo pipefail
cd "$(dirname "$0")/.."

backend=cuda quick="" dry=false
for arg in "$@"; do
  case "$arg" in
    --cpu) backend=cpu ;;
    --quick) quick=--quick ;;
    --dry-run) dry=true ;;
    *) echo "usage: ci/gpu-benchmark.sh [--cpu] [--quick] [--dry-run]" >&2; exit 2 ;;
  esac
done
out="${FER_BENCH_OUT:-target/gpu-benchmark.txt}"
profiles="bench,$backend"
if [[ "$backend" == cuda && "${FER_CUDA_REDIST:-0}" == 1 ]]; then profiles="$profiles,cuda-redist"; fi
# ND4J keeps arrays off the Java heap; JavaCPP caps that memory at -Xmx unless told otherwise (README "GPU").
memory="-Xmx6g -Dorg.bytedeco.javacpp.maxbytes=${FER_MAXBYTES:-24G} -Dorg.bytedeco.javacpp.maxphysicalbytes=${FER_MAXPHYSICALBYTES:-32G}"

run() {
  echo "+ $*" >&2
  if ! $dry; then "$@"; fi
}
# run_into FILE COMMAND...: run, stdout into FILE
run_into() {
  local file="$1"; shift
  echo "+ $* > $file" >&2
  if ! $dry; then "$@" > "$file"; fi
}

if [[ "$backend" == cuda ]] && ! $dry; then
  if ! nvidia-smi --query-gpu=name,compute_cap,memory.total,driver_version --format=csv,noheader; then
    echo "gpu-benchmark: nvidia-smi failed: this is not a GPU machine (use --cpu for the CPU path)" >&2
    exit 1
  fi
fi

run mvn -B -q -P"$profiles" package -DskipTests
run rm -f target/gpu-smoke.txt
run mvn -B -q -P"$profiles" test -Dtest=GpuSmokeTest -Dsurefire.failIfNoSpecifiedTests=false -Dtest.heap="$memory"
run_into target/gpu-benchmark-report.txt java $memory -cp target/fer-benchmarks.jar \
  io.github.mbaseresnet.bench.PerformanceReport $quick --widths="${FER_BENCH_WIDTHS:-16/32/64,64/128/256}" --batches=16,64

if $dry; then exit 0; fi
{
  echo "# ci/gpu-benchmark.sh, $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), backend $backend"
  if [[ "$backend" == cuda ]]; then nvidia-smi --query-gpu=name,compute_cap,memory.total,driver_version --format=csv,noheader; fi
  if [[ -f target/gpu-smoke.txt ]]; then cat target/gpu-smoke.txt; else echo "gpu-smoke: skipped (see the test output: no CUDA backend or no supported GPU)"; fi
  sed -n '/^== Performance/,$p' target/gpu-benchmark-report.txt
} > "$out.tmp"
mv "$out.tmp" "$out"
echo "gpu-benchmark: numbers written to $out" >&2
