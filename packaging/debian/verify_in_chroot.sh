#!/bin/sh
# Check the Debian package on a bare Debian 12, as clinic IT would install it:
#
#   sudo packaging/debian/verify_in_chroot.sh dist/car-t-guide_*.deb [CHROOT]
#
# Makes (once) a minimal Debian 12 with debootstrap in CHROOT (default build/bookworm), adds the
# checkers (desktop-file-utils, appstream, systemd, python3 for the smoke test), lists
# every file, then: apt install ./the.deb; car-t-guide --version; the smoke test of
# /opt/car-t-guide (every page in every language, an export); desktop-file-validate,
# appstreamcli validate, systemd-analyze verify; set-staff-pin --system and the file's group and
# mode; apt purge and autoremove; and compares the file list with the one from before the
# install. Needs root, debootstrap and the Debian archive. Exit 0 when all is well.
set -eu

DEB="$(realpath "$1")"
ROOT_DIR="$(cd "$(dirname "$0")/../.." && pwd)"
CHROOT="$(realpath -m "${2:-$ROOT_DIR/build/bookworm}")"
MIRROR="${DEBIAN_MIRROR:-$(sed -n 's/^URIs: *//p; s/^deb \(http[^ ]*\) .*/\1/p' \
    /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list 2>/dev/null | head -n 1)}"

step() { printf '\n== %s\n' "$*"; }
in_chroot() { chroot "$CHROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }

if [ ! -x "$CHROOT/usr/bin/apt-get" ]; then
    step "debootstrap a minimal Debian 12 into $CHROOT"
    debootstrap --variant=minbase bookworm "$CHROOT" "$MIRROR"
fi
cleanup() {
    for mount in dev/pts dev proc sys; do
        umount "$CHROOT/$mount" 2>/dev/null || true
    done
}
trap cleanup EXIT
mount -t proc proc "$CHROOT/proc"
mount -t sysfs sys "$CHROOT/sys"
mount --bind /dev "$CHROOT/dev"
mount --bind /dev/pts "$CHROOT/dev/pts"
cp /etc/resolv.conf "$CHROOT/etc/resolv.conf" 2>/dev/null || true

step "the checkers (not part of what is measured)"
in_chroot apt-get update -qq
in_chroot apt-get install -y -qq --no-install-recommends \
    desktop-file-utils appstream systemd python3 >/dev/null
# A clean start, if an earlier run left the package installed.
in_chroot apt-get purge -y -qq car-t-guide >/dev/null 2>&1 || true
in_chroot apt-get autoremove --purge -y -qq >/dev/null

list_files() {
    chroot "$CHROOT" find / -xdev \( -path /proc -o -path /sys -o -path /dev -o -path /tmp \
        -o -path /run -o -path /var/log -o -path /var/cache -o -path /var/lib/apt \
        -o -path /var/lib/dpkg -o -path /root \) -prune -o -print | sort
}
list_files > "$CHROOT/../before-install.txt"

step "apt install ./$(basename "$DEB")"
cp "$DEB" "$CHROOT/tmp/"
in_chroot apt-get install -y -q "/tmp/$(basename "$DEB")" | tail -n 3
du -sh "$CHROOT/opt/car-t-guide"

step "the app starts"
in_chroot car-t-guide --version
cp "$ROOT_DIR/packaging/smoke_test.py" "$CHROOT/tmp/"
in_chroot python3 /tmp/smoke_test.py /opt/car-t-guide --in-place

step "menu entry, AppStream metainfo, kiosk unit"
in_chroot desktop-file-validate /usr/share/applications/org.cartfamilyguide.CarTGuide.desktop
in_chroot appstreamcli validate --no-net \
    /usr/share/metainfo/org.cartfamilyguide.CarTGuide.metainfo.xml
in_chroot systemd-analyze verify car-t-guide-kiosk.service
ls "$CHROOT/usr/share/icons/hicolor/"*/apps/org.cartfamilyguide.CarTGuide.* | wc -l

step "the staff PIN, machine-wide, readable by the kiosk user only"
printf '482916\n' | chroot "$CHROOT" car-t-guide set-staff-pin --system --from-stdin
chroot "$CHROOT" stat -c '%U:%G %a %n' /etc/xdg/car-t-guide/settings.toml
chroot "$CHROOT" setpriv --reuid=car-t-guide-kiosk --regid=car-t-guide --init-groups \
    env HOME=/var/lib/car-t-guide-kiosk car-t-guide settings | grep staff_pin_hash
chroot "$CHROOT" setpriv --reuid=nobody --regid=nogroup --clear-groups \
    env HOME=/tmp car-t-guide settings >/dev/null 2>&1 \
    && { echo "FAIL: another user can read the PIN hash"; exit 1; } \
    || echo "another user cannot read it: ok"

step "apt purge leaves nothing"
in_chroot apt-get purge -y -q car-t-guide | tail -n 2
in_chroot apt-get autoremove --purge -y -q | tail -n 1
list_files > "$CHROOT/../after-purge.txt"
if diff "$CHROOT/../before-install.txt" "$CHROOT/../after-purge.txt"; then
    echo "nothing left: ok"
else
    echo "FAIL: files left after purge (above)"
    exit 1
fi
echo
echo "Debian package verified on a bare Debian 12."
