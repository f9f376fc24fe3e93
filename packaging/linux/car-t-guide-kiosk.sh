#!/bin/sh
# Clinic kiosk launcher: runs CAR T Family Guide alone under the cage kiosk compositor
# (Debian package "cage"), which shows one full-screen app and owns the keys a desktop would
# use to switch away (Alt+Tab, Super): there is no desktop to switch to. Kiosk mode needs a staff
# PIN first:  car-t-guide set-staff-pin
# Start it from a dedicated kiosk user's login (for example a systemd unit or getty autologin).
set -eu
export QT_QPA_PLATFORM=wayland
# -d: no client-side decorations. Without -s, cage does not allow switching virtual terminals
# (Ctrl+Alt+F<n>), so there is no way out to a console either.
exec cage -d -- car-t-guide --kiosk "$@"
