#!/usr/bin/env bash
# Installs, from Debian, the system packages briefing needs when they are missing.
#   setup-system.sh fonts   print fonts for the brief (Liberation, Noto, Nanum for Hangul)
#   setup-system.sh test    fonts, plus Chromium (the preview tests drive it through Playwright;
#                           no browser download) and poppler-utils (PDFs read back as text/PNG)
set -euo pipefail
mode=${1:-test}
need=()
[ -e /usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf ] || need+=(fonts-liberation)
[ -d /usr/share/fonts/truetype/nanum ] || need+=(fonts-nanum)
[ -d /usr/share/fonts/truetype/noto ] || need+=(fonts-noto-core)
if [ "$mode" = test ]; then
  command -v chromium >/dev/null || need+=(chromium)
  command -v pdftoppm >/dev/null || need+=(poppler-utils)
fi
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing system packages: ${need[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
