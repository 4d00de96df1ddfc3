#!/usr/bin/env bash
# Installs what the browser test (src/test/java/org/lotflow/browser) needs: Debian's headless-capable
# Chromium and its matching ChromeDriver (/usr/bin/chromium, /usr/bin/chromedriver). Nothing else is
# downloaded: the test points Selenium at these two files, so Selenium Manager never fetches a browser.
# Idempotent: does nothing when both are there. Run as root (CI is), or with sudo.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi

echo "Installing chromium and chromium-driver for the browser test"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
/usr/bin/chromium --version
/usr/bin/chromedriver --version
