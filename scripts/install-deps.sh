#!/usr/bin/env bash
# Installs what Coaching Kiosk needs on Debian 12 or later, and nothing that is
# already there. Run as root (or it uses sudo). Safe to run again.
set -euo pipefail

# Libraries the package links, fonts the sheets use, and the real programs the
# tests drive: a telnet client in tmux, a socat serial line, an IPP printer and
# cupsd (which need D-Bus and avahi), and poppler to read PDFs back.
packages=(
    libsqlite3-dev libcups2-dev libcairo2-dev libpango1.0-dev fonts-dejavu-core
    pkg-config telnet tmux socat picocom cups cups-client cups-ipp-utils
    poppler-utils dbus avahi-daemon
)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The Swift toolchain is not a Debian 12 package: it comes from swift.org.
if ! command -v swift >/dev/null 2>&1; then
    for candidate in /opt/swift/usr/bin /usr/share/swift/usr/bin /usr/local/swift/usr/bin; do
        if [ -x "$candidate/swift" ]; then
            echo "Swift is at $candidate but not on PATH: add it (export PATH=\"$candidate:\$PATH\")." >&2
            exit 1
        fi
    done
    echo "Swift 6.1 or later is needed and was not found. Install the toolchain for Debian from" >&2
    echo "swift.org (or with swiftly), put its usr/bin on PATH, and run this again." >&2
    exit 1
fi
version=$(swift --version 2>&1 | sed -n 's/.*Swift version \([0-9]*\)\.\([0-9]*\).*/\1 \2/p' | head -n 1)
read -r major minor <<<"${version:-0 0}"
if [ "$major" -lt 6 ] || { [ "$major" -eq 6 ] && [ "$minor" -lt 1 ]; }; then
    echo "Swift 6.1 or later is needed; this is $(swift --version 2>&1 | head -n 1)." >&2
    exit 1
fi
