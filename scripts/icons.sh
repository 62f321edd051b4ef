#!/usr/bin/env bash
# Derives the platform icons from assets/icon.png (256x256): the Windows .ico (embedded in the
# .exe files and shown by the installer) and the hicolor PNG sizes of the Linux package.
# The results are committed, so that building packages needs no image tools; run this again
# only after changing assets/icon.png. Needs ImageMagick (`convert`).
set -euo pipefail
cd "$(dirname "$0")/.."
src=assets/icon.png
convert "$src" -define icon:auto-resize=256,64,48,32,24,16 assets/windows/plattformcheck.ico
for size in 16 24 32 48 64 128 256; do
  dir="assets/linux/icons/${size}x${size}"
  mkdir -p "$dir"
  convert "$src" -resize "${size}x${size}" -strip "$dir/de.plattform-check.PlattformCheck.png"
done
echo "icons: assets/windows/plattformcheck.ico and assets/linux/icons/*/ written"
