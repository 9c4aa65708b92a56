#!/usr/bin/env bash
# Debian packages Kasian needs beyond its services: Chromium prints official PDFs (ADR 0006),
# poppler-utils checks them (pdftotext, pdftoppm), Laksaman is the TH Sarabun font they use.
# Idempotent; run as root. Quiet when everything is present.
set -euo pipefail

packages=(chromium poppler-utils fonts-tlwg-laksaman-ttf)

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }

missing=()
for package in "${packages[@]}"; do
  installed "$package" || missing+=("$package")
done
((${#missing[@]} == 0)) && exit 0

if ((EUID != 0)); then
  echo "[kasian] system packages missing (${missing[*]}); run scripts/system-packages.sh as root" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "[kasian] installed system packages: ${missing[*]}" >&2
