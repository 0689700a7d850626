#!/usr/bin/env bash
# Installs the system packages briefing's tests use, from Debian, when they are missing:
# Chromium (preview tests drive it through Playwright; no browser download),
# poppler-utils (pdftoppm/pdftotext read PDFs back) and print fonts.
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
[ -e /usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf ] || need+=(fonts-liberation)
[ -d /usr/share/fonts/truetype/nanum ] || need+=(fonts-nanum)
[ -d /usr/share/fonts/truetype/noto ] || need+=(fonts-noto-core)
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing system packages: ${need[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
