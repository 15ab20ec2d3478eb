#!/usr/bin/env bash
# tst_package: build the .deb with cpack, unpack it (dpkg-deb -x) into a scratch root and check:
#   - the files a tablet install needs are there (binary, unit, session, desktop entry, RBAC, docs)
#   - the unpacked usr/bin/kilo-kiosk runs, reports the project version, reads the packaged sample
#     label (ocr) and renders its compiled-in UI (--demo --screenshot-dir)
#   - the RBAC manifest has no wildcard and grants exactly the kiosk's verbs, per resource
#   - every Depends: entry is a real Debian package (needs apt metadata: apt-get update)
#   - the hand-written Depends cover the QML modules listed in ./kiosk's PACKAGES
# Nothing is skipped: a missing tool (cpack, dpkg-deb, the keyring tools) or missing apt metadata
# is a failure that says what to install or run.
set -euo pipefail

build_dir= source_dir= cpack= version=
while [ $# -gt 0 ]; do
    case "$1" in
        --build-dir) build_dir=$2; shift 2 ;;
        --source-dir) source_dir=$2; shift 2 ;;
        --cpack) cpack=$2; shift 2 ;;
        --version) version=$2; shift 2 ;;
        *) echo "tst_package: unknown argument $1" >&2; exit 2 ;;
    esac
done

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "PASS: $*"; }

if [ -z "$cpack" ] || ! command -v "$cpack" >/dev/null 2>&1; then
    echo "FAIL: cpack not found; cannot build the package (apt-get install cmake)" >&2; exit 1
fi
if ! command -v dpkg-deb >/dev/null 2>&1; then
    echo "FAIL: dpkg-deb not found; cannot inspect the package (apt-get install dpkg; this test needs Debian)" >&2; exit 1
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# --- build -------------------------------------------------------------------------------
if ! "$cpack" -G DEB --config "$build_dir/CPackConfig.cmake" -B "$scratch/out" >"$scratch/cpack.log" 2>&1; then
    cat "$scratch/cpack.log" >&2
    echo "FAIL: cpack -G DEB failed" >&2
    exit 1
fi
debs=("$scratch"/out/*.deb)
[ -f "${debs[0]}" ] || { cat "$scratch/cpack.log" >&2; echo "FAIL: cpack produced no .deb" >&2; exit 1; }
deb=${debs[0]}
pass "built $(basename "$deb")"

[ "$(dpkg-deb -f "$deb" Package)" = kilo-kiosk ] && pass "package name" || fail "package name is $(dpkg-deb -f "$deb" Package)"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] && pass "version $version" || fail "version is $(dpkg-deb -f "$deb" Version), expected $version"

# --- contents ----------------------------------------------------------------------------
root=$scratch/root
dpkg-deb -x "$deb" "$root"
for path in usr/bin/kilo-kiosk \
            usr/lib/systemd/system/kilo-kiosk.service \
            usr/lib/kilo-kiosk/kilo-kiosk-session \
            usr/share/applications/kilo-kiosk.desktop \
            usr/share/icons/hicolor/scalable/apps/kilo-kiosk.svg \
            usr/share/kilo-kiosk/rbac/kilo-kiosk-rbac.yaml \
            usr/share/doc/kilo-kiosk/README.md; do
    [ -f "$root/$path" ] && pass "ships /$path" || fail "missing /$path"
done
[ -x "$root/usr/bin/kilo-kiosk" ] || fail "/usr/bin/kilo-kiosk is not executable"
[ -x "$root/usr/lib/kilo-kiosk/kilo-kiosk-session" ] || fail "kilo-kiosk-session is not executable"
# resources/ ships under /usr/share/kilo-kiosk (sample photos for the packaged OCR check go there too).
if [ -d "$source_dir/resources" ]; then
    while IFS= read -r -d '' resource; do
        relative=${resource#"$source_dir/resources/"}
        [ -f "$root/usr/share/kilo-kiosk/$relative" ] || fail "resource $relative not under /usr/share/kilo-kiosk"
    done < <(find "$source_dir/resources" -type f ! -name .gitkeep -print0)
fi
if leaked=$(dpkg-deb -c "$deb" | awk '{print $6}' | grep -E '^\./(usr/local|home|root|tmp|work)/'); then
    fail "files outside the system paths: $leaked"
fi

# Maintainer scripts: present, executable, valid shell.
control=$scratch/control
dpkg-deb -e "$deb" "$control"
for script in postinst prerm postrm; do
    if [ -x "$control/$script" ] && sh -n "$control/$script"; then pass "$script"; else fail "$script missing, not executable or not valid sh"; fi
done
grep -q 'adduser --system' "$control/postinst" || fail "postinst does not create the kiosk system user"

# The unit: cage on tty1, unprivileged user, --kiosk.
unit=$root/usr/lib/systemd/system/kilo-kiosk.service
grep -qx 'User=kilo-kiosk' "$unit" || fail "unit does not run as User=kilo-kiosk"
grep -qx 'TTYPath=/dev/tty1' "$unit" || fail "unit does not take tty1"
grep -q '^ExecStart=.*kilo-kiosk-session' "$unit" || fail "unit does not start kilo-kiosk-session"
grep -q 'exec cage .*/usr/bin/kilo-kiosk --kiosk' "$root/usr/lib/kilo-kiosk/kilo-kiosk-session" || fail "session does not run kilo-kiosk --kiosk under cage"
if command -v systemd-analyze >/dev/null 2>&1; then
    # Only complaints about the unit file itself count; the host's own units are not our business.
    if complaints=$(systemd-analyze verify "$unit" 2>&1 | grep -F "kilo-kiosk.service:"); then
        fail "systemd-analyze verify: $complaints"
    else
        pass "systemd-analyze verify kilo-kiosk.service"
    fi
fi
if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$root/usr/share/applications/kilo-kiosk.desktop" && pass "desktop entry valid" || fail "desktop-file-validate"
fi

# --- the packaged binary runs ------------------------------------------------------------
if out=$(QT_QPA_PLATFORM=offscreen timeout 60 "$root/usr/bin/kilo-kiosk" --version 2>&1); then
    case "$out" in
        "kilo-kiosk $version"*) pass "packaged kilo-kiosk --version: $out" ;;
        *) fail "packaged kilo-kiosk --version printed: $out" ;;
    esac
else
    fail "packaged kilo-kiosk --version failed: $out"
fi
# The packaged binary reads the packaged sample label (Tesseract's English data comes from
# tesseract-ocr-eng, a Depends; the drug lexicon from /usr/share/kilo-kiosk/ocr next to it).
sample=$root/usr/share/kilo-kiosk/samples/sample-label.jpg
sample_medication=Rosuvastatin
if [ ! -f "$sample" ]; then
    fail "missing /usr/share/kilo-kiosk/samples/sample-label.jpg"
elif out=$(timeout 120 "$root/usr/bin/kilo-kiosk" ocr --engine local --json "$sample" 2>&1); then
    name=$(sed -n 's/.*"medication_name" *: *"\([^"]*\)".*/\1/p' <<<"$out" | head -n 1)
    if [ "$name" = "$sample_medication" ]; then
        pass "packaged kilo-kiosk ocr reads the packaged sample: medication_name $name"
    else
        fail "packaged kilo-kiosk ocr on the sample read medication_name '$name', expected $sample_medication: $out"
    fi
else
    fail "packaged kilo-kiosk ocr on the sample failed: $out"
fi
# The UI is compiled in (qrc): the packaged binary renders its pages with nothing but the system's
# Qt modules, against its built-in simulator.
shots=$scratch/shots
if out=$(env HOME="$scratch/ui-home" XDG_CONFIG_HOME="$scratch/ui-home/config" XDG_DATA_HOME="$scratch/ui-home/data" \
        QT_QPA_PLATFORM=offscreen timeout 120 "$root/usr/bin/kilo-kiosk" --demo --screenshot-dir "$shots" 2>&1); then
    count=$(find "$shots" -name '*.png' -size +10k | wc -l)
    if [ "$count" -ge 2 ]; then pass "packaged kilo-kiosk --demo rendered $count pages"; else fail "packaged kilo-kiosk --demo rendered $count pages: $out"; fi
else
    fail "packaged kilo-kiosk --demo --screenshot-dir failed: $out"
fi

# --- credentials: packaged session script + packaged binary + a real gnome-keyring ---------
# What the tablet does: `kilo-kiosk-session --run kilo-kiosk cluster connect ... --token-stdin`
# stores the token in the kiosk user's keyring (unlocked with the LoadCredential password); a
# later session finds it there; no plain file holds it. Without a Secret Service, connect fails
# naming the keychain and saves nothing.
if ! "$root/usr/bin/kilo-kiosk" --help 2>/dev/null | grep -q '^ *cluster '; then
    fail "the packaged kilo-kiosk --help lists no cluster command: the keyring round trip cannot be checked"
elif ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null || ! command -v secret-tool >/dev/null; then
    fail "dbus-run-session, gnome-keyring-daemon and secret-tool are needed for the keyring round trip (apt-get install dbus-daemon gnome-keyring libsecret-tools)"
else
    kiosk_home=$scratch/kiosk-home
    mkdir -p "$kiosk_home" "$scratch/credentials"
    (umask 077 && head -c 48 /dev/urandom | base64 -w0 > "$scratch/credentials/keyring-password")
    token="pkg-test-token-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    server=http://127.0.0.1:6443
    as_kiosk() {
        env -u XDG_RUNTIME_DIR -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u XDG_CACHE_HOME -u DBUS_SESSION_BUS_ADDRESS \
            -u GNOME_KEYRING_CONTROL HOME="$kiosk_home" CREDENTIALS_DIRECTORY="$scratch/credentials" \
            QT_QPA_PLATFORM=offscreen "$@"
    }
    if out=$(printf '%s' "$token" | as_kiosk timeout 120 dbus-run-session -- "$root/usr/lib/kilo-kiosk/kilo-kiosk-session" --run \
            "$root/usr/bin/kilo-kiosk" cluster connect --server "$server" --token-stdin --no-verify 2>&1); then
        pass "packaged cluster connect stored the connection"
    else
        fail "packaged cluster connect failed: $out"
    fi
    found=$(as_kiosk timeout 120 dbus-run-session -- "$root/usr/lib/kilo-kiosk/kilo-kiosk-session" --run \
            secret-tool lookup server kilo-kiosk user "cluster-token $server" 2>/dev/null || true)
    [ "$found" = "$token" ] && pass "token found in the keyring by a later session" || fail "token not in the keyring (got '${found}')"
    if leaked=$(grep -rlF -- "$token" "$kiosk_home"); then fail "token in plain text in: $leaked"; else pass "token in no plain file"; fi

    nobus_home=$scratch/nobus-home
    mkdir -p "$nobus_home"
    if out=$(printf '%s' "$token" | env -u XDG_CONFIG_HOME -u XDG_DATA_HOME HOME="$nobus_home" \
            DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/kilo-kiosk-package-test QT_QPA_PLATFORM=offscreen \
            timeout 60 "$root/usr/bin/kilo-kiosk" cluster connect --server "$server" --token-stdin --no-verify 2>&1); then
        fail "cluster connect without a Secret Service succeeded: $out"
    else
        case "$out" in
            *"Secret Service"*"GNOME Keyring"*) pass "without a Secret Service: $(head -c 80 <<<"$out")..." ;;
            *) fail "without a Secret Service the error does not name the keychain: $out" ;;
        esac
        if grep -rqF -- "$server" "$nobus_home" 2>/dev/null || grep -rqF -- "$token" "$nobus_home" 2>/dev/null; then
            fail "cluster connect without a Secret Service wrote the connection or token to disk"
        fi
    fi
fi

# --- RBAC --------------------------------------------------------------------------------
rbac=$root/usr/share/kilo-kiosk/rbac/kilo-kiosk-rbac.yaml
if grep -n '\*' "$rbac"; then fail "RBAC manifest contains a wildcard"; else pass "RBAC manifest has no wildcard"; fi
for kind in ServiceAccount Role RoleBinding; do
    grep -qx "kind: $kind" "$rbac" || fail "RBAC manifest has no $kind"
done
grep -Eq '^kind: Cluster(Role|RoleBinding)$' "$rbac" && fail "RBAC manifest grants cluster-wide rights"
if grep -E '^  namespace:' "$rbac" | grep -vqx '  namespace: kilo-guardian'; then
    fail "RBAC objects outside namespace kilo-guardian"
fi
# One "group/resource verb" line per grant, from the Role's rules (flow-style lists).
granted=$(awk '
    function items(line,   s) { s = line; sub(/^[^[]*\[/, "", s); sub(/\].*$/, "", s); gsub(/[" ]/, "", s); return s }
    /^kind: / { in_role = ($2 == "Role") }
    in_role && /apiGroups:/ { groups = items($0) }
    in_role && /resources:/ { resources = items($0) }
    in_role && /verbs:/ {
        ng = split(groups, g, ","); if (ng == 0) { ng = 1; g[1] = "" }
        nr = split(resources, r, ","); nv = split(items($0), v, ",")
        for (i = 1; i <= ng; i++) for (j = 1; j <= nr; j++) for (k = 1; k <= nv; k++)
            print (g[i] == "" ? "core" : g[i]) "/" r[j] " " v[k]
    }' "$rbac" | sort -u)
expected=$(
    for resource in core/pods core/pods/log core/events apps/deployments apps/replicasets; do
        for verb in get list watch; do echo "$resource $verb"; done
    done
    echo "apps/deployments patch"
    echo "apps/replicasets delete"
)
expected=$(sort -u <<<"$expected")
if [ "$granted" = "$expected" ]; then
    pass "RBAC grants exactly: $(awk '{print $2}' <<<"$granted" | sort -u | tr '\n' ' ')"
else
    fail "RBAC grants differ from the kiosk's needs:"
    diff <(echo "$expected") <(echo "$granted") >&2 || true
fi

# --- Depends ------------------------------------------------------------------------------
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
mapfile -t groups < <(tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/ *$//' | grep -v '^$')
[ ${#groups[@]} -gt 10 ] || fail "suspiciously short Depends (${#groups[@]} entries): shlibdeps missing?"
names=()
for group in "${groups[@]}"; do
    names+=("$(sed 's/ *(.*//; s/:.*//' <<<"${group%%|*}")")
done
have() { printf '%s\n' "${names[@]}" | grep -qx "$1"; }
for needed in tesseract-ocr-eng qt6-virtualkeyboard-plugin qml6-module-qtquick-virtualkeyboard \
              qml6-module-qtmultimedia gstreamer1.0-plugins-good cage gnome-keyring libqt6keychain1; do
    have "$needed" || fail "Depends lacks $needed"
done
# Every QML module the app's build list names (except the test-only one) is a runtime dependency.
if [ -f "$source_dir/kiosk" ]; then
    while read -r module; do
        [ "$module" = qml6-module-qttest ] && continue
        have "$module" || fail "Depends lacks $module (listed in ./kiosk PACKAGES)"
    done < <(sed -n '/^PACKAGES=(/,/^)/p' "$source_dir/kiosk" | grep -o 'qml6-module-[a-z0-9.-]*' | sort -u)
fi

apt_lists=$(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' 2>/dev/null | head -n 1 || true)
unknown=()
for group in "${groups[@]}"; do
    found=
    IFS='|' read -ra alternatives <<<"$group"
    for alternative in "${alternatives[@]}"; do
        name=$(sed 's/^ *//; s/ *(.*//; s/:.*//' <<<"$alternative")
        if dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q 'install ok installed'; then found=1; break; fi
        if [ -n "$apt_lists" ] && apt-cache show --no-all-versions "$name" >/dev/null 2>&1; then found=1; break; fi
    done
    [ -n "$found" ] || unknown+=("$group")
done
if [ ${#unknown[@]} -eq 0 ]; then
    pass "every Depends entry is a real Debian package"
elif [ -z "$apt_lists" ]; then
    fail "no apt metadata: cannot confirm these Depends entries are Debian packages (run apt-get update): ${unknown[*]}"
else
    fail "Depends entries that are no Debian package: ${unknown[*]}"
fi

if [ "$failures" -gt 0 ]; then
    echo "tst_package: $failures check(s) failed" >&2
    exit 1
fi
echo "tst_package: all checks passed"
