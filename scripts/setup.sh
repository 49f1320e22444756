#!/usr/bin/env bash
# Installs what Footfall needs, idempotently, and says what it does.
#   - Debian packages (FFmpeg, libebur128, libsndfile, tools used by tests)
#   - the demo video (vtest.avi from Debian's opencv-doc package)
#   - the BlazePose models (mediapipe==0.10.21 wheel) and the LiteRT runtime (ai-edge-litert==2.3.0 wheel)
# Everything downloaded lands in $FOOTFALL_CACHE (default: .cache/ in the repository), which git ignores.
#   scripts/setup.sh --e2e   also installs the browser test's Debian packages (chromium, chromium-driver,
#                            python3-selenium: about 400 MB installed, so only `make e2e` and CI ask for them)
set -euo pipefail
e2e=0
for argument in "$@"; do
    case "$argument" in
        --e2e) e2e=1 ;;
        *) printf '[setup] error: unknown option %s (known: --e2e)\n' "$argument" >&2; exit 2 ;;
    esac
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${FOOTFALL_CACHE:-$here/.cache}"
say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else die "need root to run: $* (run setup as root or install sudo)"; fi
}

# --- 1. Debian packages -------------------------------------------------------------------------
apt_packages=(pkg-config ffmpeg libavformat-dev libavcodec-dev libavutil-dev libswscale-dev
    libswresample-dev libebur128-dev libsndfile1-dev unzip sox)
# The browser test drives Debian's Chromium through Debian's chromium-driver (same source package, so the versions
# always match) with Debian's Selenium: nothing from PyPI, no browser download. It runs with /usr/bin/python3.
# fonts-liberation is only a Recommends of chromium; without it the screenshots may lack readable text.
if [ "$e2e" = 1 ]; then apt_packages+=(chromium chromium-driver python3-selenium fonts-liberation); fi
missing=()
for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq || die "apt-get update failed: is the Debian mirror reachable?"
    as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || die "apt-get install ${missing[*]} failed"
else
    say "Debian packages: all present"
fi

# --- 2. demo video -------------------------------------------------------------------------------
demo="$cache/demo/vtest.avi"
if [ ! -s "$demo" ]; then
    say "fetching the demo video (vtest.avi from Debian's opencv-doc package)"
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    ( cd "$tmp" && apt-get download opencv-doc >/dev/null 2>&1 ) || {
        as_root apt-get update -qq
        ( cd "$tmp" && apt-get download opencv-doc >/dev/null ) || die "apt-get download opencv-doc failed"
    }
    dpkg-deb -x "$tmp"/opencv-doc_*.deb "$tmp/x"
    found="$(find "$tmp/x" -name vtest.avi | head -n 1)"
    [ -n "$found" ] || die "vtest.avi not found inside opencv-doc"
    mkdir -p "$cache/demo"
    cp "$found" "$demo.tmp" && mv "$demo.tmp" "$demo"
    rm -rf "$tmp"; trap - EXIT
    say "demo video: $demo"
else
    say "demo video: present ($demo)"
fi

# --- 3. models and runtime from pinned wheels ----------------------------------------------------
# name==version | sha256 of the wheel | files to extract (path inside wheel) -> destination
mp_wheel="mediapipe-0.10.21-cp311-cp311-manylinux_2_28_x86_64.whl"
mp_sha="05dc4a9e593655a79558d05d6227d31018c2537a4bd3362b51e230cf22aecfe3"
lr_wheel="ai_edge_litert-2.3.0-cp311-cp311-manylinux_2_27_x86_64.whl"
lr_sha="1f15078a6725d2357d9de9221664c29afa0545d807559c5f7199ce5e40b96b23"

fetch_wheel() { # spec wheel-file sha
    local spec="$1" file="$2" sha="$3" dir="$cache/wheels"
    mkdir -p "$dir"
    if [ ! -s "$dir/$file" ]; then
        say "downloading $spec (pip download, pinned)"
        python3 -m pip download --quiet --no-deps --only-binary=:all: --python-version 3.11 \
            --implementation cp --abi cp311 --platform "$(basename "${file##*-}" .whl)" \
            --dest "$dir" "$spec" >/dev/null 2>&1 \
            || python3 -m pip download --quiet --no-deps --only-binary=:all: --python-version 3.11 \
                --dest "$dir" "$spec" \
            || die "pip download $spec failed: is PyPI reachable?"
    fi
    [ -s "$dir/$file" ] || die "expected $dir/$file after pip download $spec"
    local got; got="$(sha256sum "$dir/$file" | cut -d' ' -f1)"
    [ "$got" = "$sha" ] || die "checksum mismatch for $file: got $got, want $sha (delete it and re-run)"
}

extract() { # wheel-file inner-path destination
    local wheel="$cache/wheels/$1" inner="$2" dest="$3"
    if [ ! -s "$dest" ]; then
        mkdir -p "$(dirname "$dest")"
        unzip -p "$wheel" "$inner" >"$dest.tmp" && mv "$dest.tmp" "$dest"
        say "extracted $(basename "$dest")"
    fi
}

models="$cache/models"; lib="$cache/lib"
if [ ! -s "$models/pose_detection.tflite" ] || [ ! -s "$models/pose_landmark_full.tflite" ]; then
    fetch_wheel "mediapipe==0.10.21" "$mp_wheel" "$mp_sha"
    extract "$mp_wheel" mediapipe/modules/pose_detection/pose_detection.tflite "$models/pose_detection.tflite"
    extract "$mp_wheel" mediapipe/modules/pose_landmark/pose_landmark_full.tflite "$models/pose_landmark_full.tflite"
    extract "$mp_wheel" mediapipe-0.10.21.dist-info/LICENSE "$models/LICENSE.mediapipe"
else
    say "BlazePose models: present ($models)"
fi
if [ ! -s "$lib/libLiteRt.so" ]; then
    fetch_wheel "ai-edge-litert==2.3.0" "$lr_wheel" "$lr_sha"
    extract "$lr_wheel" ai_edge_litert/libLiteRt.so "$lib/libLiteRt.so"
else
    say "LiteRT runtime: present ($lib/libLiteRt.so)"
fi

say "ready: cache at $cache"
