#!/usr/bin/env bash
# Screenshots of the app's screens as a user sees them: start, basic data (Stammdaten), a question
# with a finding and the result, at 1280x800 and 1024x768, in the light theme, the dark theme and
# projector mode.
# Runs the debug build under Xvfb and steers it with xdotool (Debian: xvfb xauth xdotool
# imagemagick). Writes OUT/<screen>-<size>-<look>.png; nothing else is touched (a fresh data and
# home folder per run, a copy of the example).
#
#   scripts/screenshots.sh [OUT]        (default: target/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/screenshots}
mkdir -p "$out"
for tool in Xvfb xdotool import; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing (apt-get install xvfb xauth xdotool imagemagick)" >&2; exit 1; }
done
cargo build --quiet
bin=$PWD/target/debug/plattformcheck
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp assets/examples/stadt-musterstadt-tiktok.ron "$work/beispiel.ron"

# shot NAME WIDTH HEIGHT LOOK ARGS... : one run of the app, steered by the steps in $steps.
shot() {
  local name=$1 w=$2 h=$3 look=$4; shift 4
  local n=90; while [[ -e /tmp/.X$n-lock ]]; do n=$((n+1)); done
  Xvfb ":$n" -screen 0 "${w}x${h}x24" -nolisten tcp >/dev/null 2>&1 &
  local xpid=$!
  local home; home=$(mktemp -d)
  sleep 1
  DISPLAY=":$n" HOME="$home" XDG_DATA_HOME="$home" PLATTFORMCHECK_DATA_DIR="$home" "$@" >/dev/null 2>&1 &
  local apid=$!
  sleep 5
  export DISPLAY=":$n"
  local win; win=$(xdotool search --sync --onlyvisible --pid "$apid" 2>/dev/null | head -n1 || true)
  # The window fills the screen (its default size is smaller than 1280x800).
  if [[ -n $win ]]; then
    xdotool windowmove "$win" 0 0 windowsize "$win" "$w" "$h" 2>/dev/null || true
    sleep 1
    xdotool windowfocus --sync "$win" 2>/dev/null || true
  fi
  # The view menu sits at the right end of the bar: dark theme is its first entry, projector
  # mode its last.
  case $look in
    dark) xdotool mousemove $((w - 40)) 17 click 1; sleep 1; xdotool mousemove $((w - 200)) 46 click 1; sleep 1 ;;
    projector) xdotool mousemove $((w - 40)) 17 click 1; sleep 1; xdotool mousemove $((w - 190)) 150 click 1; sleep 1 ;;
  esac
  xdotool mousemove $((w / 2)) $((h / 2)); sleep 0.3
  for step in "${steps[@]}"; do
    case $step in
      key:*) xdotool key --delay 80 "${step#key:}" ;;
      click:*) local xy=${step#click:}; xdotool mousemove "${xy%,*}" "${xy#*,}" click 1 ;;
    esac
    sleep 1
  done
  import -window root "$out/$name-${w}x${h}-$look.png"
  kill "$apid" 2>/dev/null || true; wait "$apid" 2>/dev/null || true
  kill "$xpid" 2>/dev/null || true; wait "$xpid" 2>/dev/null || true
  rm -rf "$home" "$work"/.*.plattformcheck-lock
  echo "screenshots: $out/$name-${w}x${h}-$look.png"
}

for size in 1280x800 1024x768; do
  w=${size%x*} h=${size#*x}
  for look in light dark projector; do
    steps=(); shot start "$w" "$h" "$look" "$bin"
    steps=(); shot result "$w" "$h" "$look" "$bin" "$work/beispiel.ron"
    # The file opens at its result; ← goes back to the last question.
    steps=("key:Left"); shot question "$w" "$h" "$look" "$bin" "$work/beispiel.ron"
    # "Stammdaten" heads the side list: lower in projector mode, lower still at 1024 px, where
    # the projector's bar has two rows.
    y=131
    if [[ $look == projector ]]; then y=$(( w < 1280 ? 214 : 176 )); fi
    steps=("click:60,$y"); shot metadata "$w" "$h" "$look" "$bin" "$work/beispiel.ron"
  done
done
