#!/usr/bin/env bash
# Entry point for GPU CI runners: the main job on the CUDA backend. Datasets are mounted by the runner and named by
# FER_DATA_<DATASET> environment variables (see README.md); FER_PROTOCOL picks the protocol (default: paper).
# The harness itself refuses GPUs that nd4j-cuda-11.6 cannot run (compute capability above 8.6's family) before
# any training. Results: target/fer-results and target/allure-results (render with `mvn allure:report`).
set -euo pipefail
cd "$(dirname "$0")/.."
nvidia-smi --query-gpu=name,compute_cap,memory.total --format=csv
# A publishing run appends its cells to the committed ledger (an ordinary run writes target/fer-results/ledger.jsonl).
mvn -B verify -Pcuda -Dfer.protocol="${FER_PROTOCOL:-paper}" -Dfer.ledger="${FER_LEDGER:-reports/ledger.jsonl}"
mvn -B allure:report
