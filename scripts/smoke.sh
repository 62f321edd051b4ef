#!/usr/bin/env bash
# Smoke tests of the packages that scripts/package.sh put in dist/ (run by .ci/run):
#
#   checksums   SHA256SUMS matches the files.
#   windows     The .exe files of the zip: GUI and console subsystems, icon, version information
#               and manifest embedded; under Wine, `check`, `score` and `export` of every example
#               give the same text as the Linux build (`pdftotext` for the PDFs).
#   msi         The MSI's tables (files, Start-menu shortcut, .pcheck association, upgrade); then
#               installed, upgraded by a newer MSI, run and removed again under Wine.
#   deb         dpkg-deb --info/--contents, the desktop entry (desktop-file-validate), the
#               AppStream metainfo (appstreamcli validate) and the packaged program itself.
#   gui         The desktop app under Wine and Xvfb renders with OpenGL, renders through the
#               wgpu fallback with only OpenGL 1.1, and explains itself with no renderer.
#
# Usage: scripts/smoke.sh [--install-tools] [--screenshot]
#   --install-tools  installs Wine, Xvfb, Mesa's Vulkan driver, poppler, icoutils,
#                    desktop-file-utils and appstream (apt).
#   --screenshot     also saves dist/screenshots/wine-*.png of the desktop app's runs (not in
#                    CI): with OpenGL, with the fallback renderer, and the message box.
#
# Wine 8.0 (Debian 12) lacks bcryptprimitives.dll, which Rust's standard library imports; the
# Wine runs use a test-only stand-in (scripts/wine/bcryptprimitives.c) built into a temporary
# folder. It is never part of a package; this script checks that too.
set -euo pipefail
cd "$(dirname "$0")/.."

install=0
screenshot=0
for arg in "$@"; do
  case "$arg" in
    --install-tools) install=1 ;;
    --screenshot) screenshot=1 ;;
    *) echo "smoke: unknown option $arg" >&2; exit 2 ;;
  esac
done

if [ "$install" -eq 1 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  packages=()
  command -v wine >/dev/null || packages+=(wine wine64)
  command -v pdftotext >/dev/null || packages+=(poppler-utils)
  command -v wrestool >/dev/null || packages+=(icoutils)
  command -v desktop-file-validate >/dev/null || packages+=(desktop-file-utils)
  command -v appstreamcli >/dev/null || packages+=(appstream)
  command -v msiinfo >/dev/null || packages+=(msitools)
  command -v unzip >/dev/null || packages+=(unzip)
  command -v x86_64-w64-mingw32-gcc >/dev/null || packages+=(gcc-mingw-w64-x86-64)
  command -v Xvfb >/dev/null || packages+=(xvfb xauth)
  # Vulkan on the CPU (lavapipe), for the renderer fallback's run.
  [ -n "$(find /usr/share/vulkan/icd.d -name 'lvp_icd*.json' 2>/dev/null)" ] || packages+=(mesa-vulkan-drivers libvulkan1)
  if [ "$screenshot" -eq 1 ]; then
    command -v import >/dev/null || packages+=(imagemagick)
  fi
  if [ "${#packages[@]}" -gt 0 ]; then
    echo "smoke: installing ${packages[*]}"
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"
  fi
fi

fail() {
  echo "smoke: FAILED: $*" >&2
  exit 1
}
step() { echo "smoke: $*"; }

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
dist=dist
msi="$dist/plattformcheck-$version-x64.msi"
zipfile="$dist/plattformcheck-$version-windows-x64.zip"
deb=$(ls "$dist"/plattformcheck_"$version"*_amd64.deb 2>/dev/null | head -n 1 || true)
for f in "$msi" "$zipfile" "$deb" "$dist/SHA256SUMS"; do
  [ -n "$f" ] && [ -f "$f" ] || fail "missing package file ${f:-(.deb)}; run scripts/package.sh first"
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ---------------------------------------------------------------------------------------------
step "checksums"
(cd "$dist" && sha256sum --quiet -c SHA256SUMS) || fail "SHA256SUMS does not match"

# ---------------------------------------------------------------------------------------------
step "windows: the zip's contents"
unzip -q "$zipfile" -d "$work/zip"
win="$work/zip/plattformcheck-$version-windows-x64"
for f in plattformcheck.exe plattformcheck-app.exe README.md LICENSES.txt; do
  [ -f "$win/$f" ] || fail "the zip lacks $f"
done
zip_list=$(unzip -l "$zipfile")
grep -qi bcryptprimitives <<<"$zip_list" && fail "the zip contains the test-only DLL stand-in"

step "windows: subsystems and embedded resources"
subsystem() { x86_64-w64-mingw32-objdump -p "$1" | sed -n 's/^Subsystem[[:space:]]*//p'; }
[[ "$(subsystem "$win/plattformcheck-app.exe")" == *"Windows GUI"* ]] ||
  fail "plattformcheck-app.exe is not a GUI-subsystem program: $(subsystem "$win/plattformcheck-app.exe")"
[[ "$(subsystem "$win/plattformcheck.exe")" == *"Windows CUI"* ]] ||
  fail "plattformcheck.exe is not a console program: $(subsystem "$win/plattformcheck.exe")"
for exe in plattformcheck.exe plattformcheck-app.exe; do
  resources=$(wrestool -l "$win/$exe")
  for kind in "\[type=icon " "\[type=group_icon " "\[type=version " "--type=24 "; do
    grep -q -- "$kind" <<<"$resources" || fail "$exe has no ${kind//\\/} resource"
  done
  manifest=$(wrestool -x --raw -t 24 "$win/$exe")
  grep -q "PerMonitorV2" <<<"$manifest" || fail "$exe: the manifest lacks DPI awareness"
  grep -q "<activeCodePage[^>]*>UTF-8<" <<<"$manifest" || fail "$exe: the manifest lacks the UTF-8 code page"
  version_info=$(wrestool -x --raw -t version "$win/$exe" | tr -d '\0')
  grep -q "$version" <<<"$version_info" || fail "$exe: version information lacks $version"
done

# Wine runs.
wine_bin=${WINE:-$(command -v wine64 || command -v wine || true)}
[ -x "${wine_bin:-}" ] || wine_bin=/usr/lib/wine/wine64
[ -x "$wine_bin" ] || fail "Wine is not installed (scripts/smoke.sh --install-tools)"
export WINEDEBUG=-all WINEARCH=win64
export WINEPREFIX="${WINEPREFIX:-$PWD/target/wine-prefix}"
# No Mono/Gecko download prompts (this machine has no network), and no menu entries that Wine
# would mirror from the test installs into the host's desktop.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
step "windows: Wine prefix $WINEPREFIX"
"$wine_bin" wineboot --init >/dev/null 2>&1 || true


step "windows: only system DLLs are imported"
# Nothing a managed desktop would have to install first (no MinGW runtime DLLs): every import is
# a DLL that Wine, which mirrors Windows' system DLLs, has in system32, or one that only real
# Windows has (bcryptprimitives.dll, the api-ms-win-* API sets).
system32="$WINEPREFIX/drive_c/windows/system32"
for exe in plattformcheck.exe plattformcheck-app.exe; do
  for dll in $(x86_64-w64-mingw32-objdump -p "$win/$exe" | sed -n 's/^[[:space:]]*DLL Name: //p' | sort -fu); do
    case "${dll,,}" in
      bcryptprimitives.dll | api-ms-win-*) continue ;;
    esac
    [ -n "$(find "$system32" -maxdepth 1 -iname "$dll" -print -quit)" ] || fail "$exe imports $dll, which is not a Windows system DLL"
  done
done

runner="$work/run"
cp -r "$win" "$runner"
x86_64-w64-mingw32-gcc -shared -o "$runner/bcryptprimitives.dll" scripts/wine/bcryptprimitives.c -ladvapi32

linux_bin=target/release/plattformcheck
[ -x "$linux_bin" ] || fail "$linux_bin is missing (scripts/package.sh builds it)"

# Runs the Windows CLI under Wine in the package root (so relative paths are the same as
# Linux's); output with CRLF line ends and backslashes made comparable.
wine_cli() { "$wine_bin" "$runner/plattformcheck.exe" "$@" 2>"$work/wine-stderr" | tr -d '\r'; }
normalise() { sed 's#\\#/#g'; }

step "windows: check --strict of the built-in checklists"
lin_out=$("$linux_bin" check --strict checklists/*.ron)
win_out=$(wine_cli check --strict checklists/*.ron | normalise)
[ "$lin_out" = "$win_out" ] || { diff <(echo "$lin_out") <(echo "$win_out") >&2; fail "check differs under Wine"; }

count=0
for example in assets/examples/*.ron; do
  name=$(basename "$example" .ron)
  step "windows: score and export $name"
  lin_score=$("$linux_bin" score "$example")
  win_score=$(wine_cli score "$example" | normalise)
  [ "$lin_score" = "$win_score" ] || {
    diff <(echo "$lin_score") <(echo "$win_score") >&2
    fail "score of $name differs under Wine"
  }
  "$linux_bin" export "$example" -o "$work/$name-linux.pdf" >/dev/null
  wine_cli export "$example" -o "$work/$name-windows.pdf" >/dev/null
  [ -s "$work/$name-windows.pdf" ] || { cat "$work/wine-stderr" >&2; fail "no PDF of $name from Wine"; }
  pdftotext -layout "$work/$name-linux.pdf" "$work/$name-linux.txt"
  pdftotext -layout "$work/$name-windows.pdf" "$work/$name-windows.txt"
  cmp -s "$work/$name-linux.txt" "$work/$name-windows.txt" || {
    diff "$work/$name-linux.txt" "$work/$name-windows.txt" | head -n 20 >&2
    fail "the PDF text of $name differs under Wine"
  }
  count=$((count + 1))
done
[ "$count" -ge 6 ] || fail "only $count examples found"

step "windows: a file the command line cannot read is named in the error"
set +e
wine_cli score "no such file.pcheck" >/dev/null
rc=$?
set -e
[ "$rc" -eq 1 ] || [ "$rc" -eq 2 ] || fail "score of a missing file exited with $rc"
grep -q "no such file.pcheck" "$work/wine-stderr" || fail "the error does not name the file"

# ---------------------------------------------------------------------------------------------
step "msi: tables"
tables=$(msiinfo tables "$msi")
for t in File Component Shortcut Registry Upgrade Property Icon; do
  grep -qx "$t" <<<"$tables" || fail "the MSI has no $t table"
done
files=$(msiinfo export "$msi" File)
for f in plattformcheck.exe plattformcheck-app.exe README.md LICENSES.txt; do
  grep -q "	$f	" <<<"$files" || fail "the MSI does not install $f"
done
grep -qi bcryptprimitives <<<"$files" && fail "the MSI contains the test-only DLL stand-in"
shortcuts=$(msiinfo export "$msi" Shortcut)
grep -q "ProgramMenuFolder	Plattform-Check" <<<"$shortcuts" || fail "no Start-menu shortcut"
registry=$(msiinfo export "$msi" Registry)
grep -q "	\.pcheck		PlattformCheck.Assessment	" <<<"$registry" || fail "no .pcheck association"
grep -q 'PlattformCheck.Assessment\\shell\\open\\command		"\[#AppExe\]" "%1"' <<<"$registry" ||
  fail "the open command does not start plattformcheck-app.exe with the file"
properties=$(msiinfo export "$msi" Property)
grep -q "^ALLUSERS	1" <<<"$properties" || fail "not a per-machine install"
grep -q "^ProductVersion	$version" <<<"$properties" || fail "the MSI is not version $version"
grep -q "^UpgradeCode	{B54607EF-4493-4692-BF0E-8520E7D81033}" <<<"$properties" || fail "the UpgradeCode changed"
upgrades=$(msiinfo export "$msi" Upgrade)
grep -q "WIX_UPGRADE_DETECTED" <<<"$upgrades" || fail "no upgrade of older versions"

step "msi: install, upgrade and uninstall under Wine"
installed="$WINEPREFIX/drive_c/Program Files/Plattform-Check"
"$wine_bin" msiexec /x "$msi" /qn >/dev/null 2>&1 || true # a previous run's leftovers
"$wine_bin" msiexec /i "$msi" /qn >/dev/null 2>&1 || fail "msiexec /i failed"
for f in plattformcheck.exe plattformcheck-app.exe README.md LICENSES.txt; do
  [ -f "$installed/$f" ] || fail "after installing, $f is not in C:\\Program Files\\Plattform-Check"
done
start_menu_entry() { find "$WINEPREFIX/drive_c" -path '*/Start Menu/Programs/Plattform-Check.lnk' -print -quit; }
[ -n "$(start_menu_entry)" ] || fail "after installing, there is no Start-menu entry"
association=$("$wine_bin" reg query 'HKCR\.pcheck' 2>/dev/null | tr -d '\r' || true)
grep -q "PlattformCheck.Assessment" <<<"$association" ||
  fail "after installing, .pcheck is not associated"
open_command=$("$wine_bin" reg query 'HKCR\PlattformCheck.Assessment\shell\open\command' 2>/dev/null | tr -d '\r' || true)
grep -qi 'Plattform-Check\\plattformcheck-app.exe" "%1"' <<<"$open_command" || fail "after installing, the open command is wrong"
# A newer version of the same product replaces it (MajorUpgrade): the same files, one product.
newer="$work/newer"
mkdir -p "$newer"
cp "$win"/* "$newer/"
cp assets/windows/plattformcheck.ico "$newer/"
major=${version%%.*}
(cd "$newer" && wixl -a x64 -D "Version=$((major + 1)).0.0" -D SourceDir=. -o ../newer.msi \
  "$OLDPWD/assets/windows/plattformcheck.wxs")
"$wine_bin" msiexec /i "$work/newer.msi" /qn >/dev/null 2>&1 || fail "installing a newer MSI over it failed"
products=$("$wine_bin" reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall' /s 2>/dev/null |
  tr -d '\r' | grep -c "DisplayName.*Plattform-Check" || true)
[ "$products" -eq 1 ] || fail "after the upgrade, $products Plattform-Check entries are installed (want 1)"
"$wine_bin" msiexec /x "$work/newer.msi" /qn >/dev/null 2>&1 || fail "msiexec /x failed"
[ ! -e "$installed/plattformcheck.exe" ] || fail "after uninstalling, plattformcheck.exe is still there"
[ -z "$(start_menu_entry)" ] || fail "after uninstalling, the Start-menu entry is still there"
"$wine_bin" reg query 'HKCR\.pcheck' >/dev/null 2>&1 && fail "after uninstalling, .pcheck is still associated"

# ---------------------------------------------------------------------------------------------
step "deb: info and contents"
info=$(dpkg-deb --info "$deb")
grep -q "Package: plattformcheck" <<<"$info" || fail "the .deb is not named plattformcheck"
grep -q "Version: $version" <<<"$info" || fail "the .deb is not version $version"
grep -q "Depends:.*libc6" <<<"$info" || fail "the .deb declares no dependencies"
contents=$(dpkg-deb --contents "$deb")
for f in ./usr/bin/plattformcheck \
  ./usr/share/applications/de.plattform-check.PlattformCheck.desktop \
  ./usr/share/metainfo/de.plattform-check.PlattformCheck.metainfo.xml \
  ./usr/share/mime/packages/de.plattform-check.PlattformCheck.xml \
  ./usr/share/icons/hicolor/256x256/apps/de.plattform-check.PlattformCheck.png \
  ./usr/share/icons/hicolor/16x16/apps/de.plattform-check.PlattformCheck.png \
  ./usr/share/doc/plattformcheck/copyright; do
  grep -q " $f\$" <<<"$contents" || fail "the .deb lacks $f"
done
dpkg-deb -x "$deb" "$work/deb"
desktop-file-validate "$work/deb/usr/share/applications/de.plattform-check.PlattformCheck.desktop" ||
  fail "desktop-file-validate"
appstreamcli validate --no-net "$work/deb/usr/share/metainfo/de.plattform-check.PlattformCheck.metainfo.xml" >/dev/null ||
  fail "appstreamcli validate"
grep -q 'glob pattern="\*.pcheck"' "$work/deb/usr/share/mime/packages/de.plattform-check.PlattformCheck.xml" ||
  fail "the MIME type does not claim *.pcheck"
deb_version=$("$work/deb/usr/bin/plattformcheck" --version)
grep -q "$version" <<<"$deb_version" || fail "the packaged program is not $version"
"$work/deb/usr/bin/plattformcheck" check --strict checklists/*.ron >/dev/null || fail "the packaged program's check"

# ---------------------------------------------------------------------------------------------
# ---------------------------------------------------------------------------------------------
# The desktop app under Wine and Xvfb: it renders with OpenGL; where only OpenGL 1.1 is offered
# (MESA_GL_VERSION_OVERRIDE=1.1, as in a remote desktop session) it falls back to wgpu and still
# renders (here through Vulkan on Mesa's lavapipe; real Windows would take Direct3D 12/WARP
# first); with no renderer at all it explains itself. The console binary is used because its
# stderr is readable; the GUI binary runs the same code.
step "gui: Xvfb"
display=:97
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 2
cp assets/examples/stadt-musterstadt-tiktok.ron "$work/Prüfung Musterstadt.pcheck"

# Starts the app with the given environment, waits until stderr shows $1 (at most 90 s), takes a
# screenshot to $2 if screenshots are wanted, and stops the app. Fails if $1 never appears.
gui_run() {
  local expect=$1 shot=$2
  shift 2
  local log="$work/gui.log"
  : >"$log"
  env DISPLAY="$display" PLATTFORMCHECK_DATA_DIR="$work/appdata" PLATTFORMCHECK_TIMING=1 "$@" \
    "$wine_bin" "$runner/plattformcheck.exe" "$work/Prüfung Musterstadt.pcheck" >/dev/null 2>"$log" &
  local app=$! waited=0
  until grep -q "$expect" "$log"; do
    sleep 1
    waited=$((waited + 1))
    if [ "$waited" -ge 90 ]; then
      kill "$app" 2>/dev/null || true
      wineserver -k 2>/dev/null || true
      cat "$log" >&2
      fail "the app did not show \"$expect\" within 90 s"
    fi
  done
  if [ "$screenshot" -eq 1 ]; then
    sleep 3
    DISPLAY="$display" import -window root "$dist/screenshots/$shot"
  fi
  kill "$app" 2>/dev/null || true
  wineserver -k 2>/dev/null || true
  rm -f "$work"/.*.plattformcheck-lock
}
[ "$screenshot" -eq 1 ] && mkdir -p "$dist/screenshots"

step "gui: renders with OpenGL"
gui_run "first frame after" wine-app.png
step "gui: with OpenGL 1.1 only, renders through the wgpu fallback"
if [ -n "$(find /usr/share/vulkan/icd.d -name 'lvp_icd*.json' 2>/dev/null)" ]; then
  gui_run "first frame after" wine-fallback.png MESA_GL_VERSION_OVERRIDE=1.1
else
  echo "smoke: (no Vulkan driver on this machine: the fallback's rendering is not tried)" >&2
fi
step "gui: with no renderer at all, says what is missing and what to do"
gui_run "cannot open its window" wine-no-renderer.png MESA_GL_VERSION_OVERRIDE=1.1 VK_ICD_FILENAMES=/nonexistent.json
grep -q "OpenGL: .*Direct3D 12 (wgpu): .*Vulkan (wgpu): " "$work/gui.log" ||
  fail "the start failure does not name each renderer's cause: $(cat "$work/gui.log")"
[ "$screenshot" -eq 1 ] && echo "smoke: screenshots in $dist/screenshots/"

step "all passed"
