#!/usr/bin/env bash
# Builds the installable packages of Plattform-Check on Linux (Debian 12), into dist/:
#
#   plattformcheck-VERSION-x64.msi            Windows installer (per machine, Start menu, .pcheck)
#   plattformcheck-VERSION-windows-x64.zip    Windows, portable (both .exe files, README, licences)
#   plattformcheck_VERSION-1_amd64.deb        Debian/Ubuntu package (desktop entry, icons, MIME)
#   SHA256SUMS                                checksums of the three
#
# Usage: scripts/package.sh [--install-tools]
#   --install-tools  first installs what it needs (apt: MinGW, wixl, msitools, zip; rustup's
#                    Windows target; cargo-deb), as root or with sudo.
#
# The Windows build is a cross-build with MinGW (x86_64-pc-windows-gnu); the .exe files import
# only system DLLs. scripts/smoke.sh checks the results (Wine, msiinfo, dpkg-deb).
set -euo pipefail
cd "$(dirname "$0")/.."

WIN_TARGET=x86_64-pc-windows-gnu

install_tools() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  local packages=()
  command -v x86_64-w64-mingw32-gcc >/dev/null || packages+=(gcc-mingw-w64-x86-64)
  command -v wixl >/dev/null || packages+=(wixl)
  command -v msiinfo >/dev/null || packages+=(msitools)
  command -v zip >/dev/null || packages+=(zip)
  if [ "${#packages[@]}" -gt 0 ]; then
    echo "package: installing ${packages[*]}"
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"
  fi
  rustup target list --installed | grep -qx "$WIN_TARGET" || rustup target add "$WIN_TARGET"
  command -v cargo-deb >/dev/null || cargo install --locked cargo-deb@3.8.0
}

[ "${1:-}" = "--install-tools" ] && install_tools

for tool in x86_64-w64-mingw32-gcc wixl zip cargo-deb sha256sum; do
  command -v "$tool" >/dev/null || {
    echo "package: $tool is missing; run scripts/package.sh --install-tools" >&2
    exit 1
  }
done

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
[ -n "$version" ] || { echo "package: no version in Cargo.toml" >&2; exit 1; }
grep -q "<release version=\"$version\"" assets/linux/de.plattform-check.PlattformCheck.metainfo.xml || {
  echo "package: assets/linux/…metainfo.xml has no <release> for $version; add it" >&2
  exit 1
}

dist=dist
stage="$dist/stage"
rm -rf "$dist"
mkdir -p "$stage"

echo "package: licences"
{
  echo "Plattform-Check is licensed under the MIT licence or the Apache License 2.0, at your"
  echo "option. Both texts follow, then the licence of the DejaVu fonts embedded in the PDF"
  echo "reports, then those of the crates built into the programs."
  echo
  cat assets/licenses/LICENSE-MIT.txt
  echo
  cat assets/licenses/LICENSE-APACHE.txt
  echo
  cat assets/fonts/LICENSE-DejaVu.txt
  echo
  cat assets/licenses/THIRD-PARTY.txt
} > "$stage/LICENSES.txt"

echo "package: Windows build ($WIN_TARGET, release)"
CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
  cargo build --locked --release --target "$WIN_TARGET" --bins
win="target/$WIN_TARGET/release"

# The Windows files, shared by the MSI and the zip.
winstage="$stage/plattformcheck-$version-windows-x64"
mkdir -p "$winstage"
cp "$win/plattformcheck.exe" "$win/plattformcheck-app.exe" README.md "$winstage/"
cp "$stage/LICENSES.txt" "$winstage/"

echo "package: MSI (wixl)"
cp assets/windows/plattformcheck.ico "$stage/"
msi="plattformcheck-$version-x64.msi"
# wixl resolves Source paths relative to the working folder only.
(
  cd "$winstage"
  cp ../plattformcheck.ico .
  wixl -a x64 -D "Version=$version" -D SourceDir=. -o "../../$msi" \
    ../../../assets/windows/plattformcheck.wxs
  rm plattformcheck.ico
)

echo "package: portable zip"
zipfile="plattformcheck-$version-windows-x64.zip"
(cd "$stage" && zip -q -r -X "../$zipfile" "plattformcheck-$version-windows-x64")

echo "package: Debian package (cargo-deb)"
cp "$stage/LICENSES.txt" target/LICENSES.txt
cargo deb --locked --output "$dist/" -- --bin plattformcheck
deb=$(cd "$dist" && ls plattformcheck_"$version"*_amd64.deb)

(cd "$dist" && sha256sum "$msi" "$zipfile" "$deb" > SHA256SUMS)
rm -rf "$stage"
echo "package: done"
ls -l "$dist"
