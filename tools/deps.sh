#!/usr/bin/env bash
# Installs the Debian 12 packages Interdict needs to build (and, with --dev, to test and
# benchmark), skipping those already installed. Uses sudo when not root.
set -euo pipefail

RUNTIME_PKGS=(g++ cmake ninja-build pkg-config libssl-dev libxml2-dev zlib1g-dev libicu-dev
              nlohmann-json3-dev libcli11-dev libcpp-httplib-dev libsqlite3-dev
              libcurl4-openssl-dev)
DEV_PKGS=(libgtest-dev libgmock-dev libbenchmark-dev wrk)

pkgs=("${RUNTIME_PKGS[@]}")
if [[ "${1:-}" == "--dev" ]]; then pkgs+=("${DEV_PKGS[@]}"); fi

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if (( ${#missing[@]} == 0 )); then
  echo "deps: all ${#pkgs[@]} packages present"
  exit 0
fi
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
echo "deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
