#!/bin/sh
# Clinic kiosk launcher: CAR T Family Guide alone under the cage kiosk compositor.
#
# cage (Debian package "cage") shows one full-screen app and owns the keys a desktop would use
# to switch away (Alt+Tab, Super): there is no desktop to switch to. Debian's cage does not pull
# in Xwayland, which it needs for X11 apps and which this launcher keeps as the fallback when
# Qt's Wayland plugin cannot start: install both ("apt install cage xwayland").
#
# Started by car-t-guide-kiosk.service (systemd restarts it whenever the app or cage ends), or
# by hand from a kiosk user's console for a try. Kiosk mode needs a staff PIN first:
#     sudo car-t-guide set-staff-pin --system
# Extra arguments go to the app (for example --idle-timeout 120).
set -eu

APP="${CAR_T_GUIDE_APP:-/usr/bin/car-t-guide}"
CAGE="${CAR_T_GUIDE_CAGE:-cage}"

say() { echo "car-t-guide-kiosk: $*" >&2; }

if ! command -v "$CAGE" >/dev/null 2>&1; then
    say "cage is not installed: apt install cage xwayland"
    exit 1
fi
if ! command -v Xwayland >/dev/null 2>&1; then
    say "warning: Xwayland is not installed (apt install xwayland): no X11 fallback"
fi

# Wayland first, X11 through Xwayland if the Wayland plugin cannot start.
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-wayland;xcb}"
# A UTF-8 locale: names in any script, and Qt warns and guesses without one. C.UTF-8 is always
# there on Debian; the app's own language comes from its settings, not from the locale.
case "${LC_ALL:-${LANG:-}}" in
    *UTF-8*|*utf8*|*UTF8*|*utf-8*) ;;
    *) export LANG=C.UTF-8; unset LC_ALL ;;
esac
# The kiosk window has no title bar to draw.
export QT_WAYLAND_DISABLE_WINDOWDECORATION=1

# One output only. cage's default ("extend") stretches the app across every screen attached;
# "-m last" keeps it on the last one connected. cage 0.1.4 (Debian 12) crashes with "-m last"
# (cage issue 231), so there the second screen must be switched off in the kernel instead
# (packaging/README.md: video=<connector>:d); say which screens are connected.
OUTPUTS="-m last"
VERSION="$("$CAGE" -v 2>&1 | sed -n 's/.*[Vv]ersion \([0-9][0-9.]*\).*/\1/p' | head -n 1)"
case "$VERSION" in
    0.1.[0-4]|0.1.[0-4].*|0.0.*)
        OUTPUTS=""
        CONNECTED=""
        for status in /sys/class/drm/card*-*/status; do
            [ -r "$status" ] || continue
            if [ "$(cat "$status")" = connected ]; then
                name="${status%/status}"
                CONNECTED="$CONNECTED ${name##*/card[0-9]-}"
            fi
        done
        if [ "$(echo $CONNECTED | wc -w)" -gt 1 ]; then
            say "warning: screens connected:$CONNECTED; cage $VERSION shows the guide across" \
                "all of them. Keep one: add video=<name>:d for the others to the kernel" \
                "command line (see packaging/README.md)"
        fi
        ;;
esac

# -d: no client-side decorations. Without -s, cage does not allow switching virtual terminals
# (Ctrl+Alt+F<n>), so there is no way out to a console either.
# shellcheck disable=SC2086  # OUTPUTS is zero or two words
exec "$CAGE" -d $OUTPUTS -- "$APP" --kiosk "$@"
