# Sourced by the project's scripts: puts the project's tools on PATH.
# shellcheck shell=bash
PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PROJECT_ROOT
export PATH="$HOME/.cargo/bin:$PROJECT_ROOT/scripts/tools/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
export CHROME_PATH=/usr/bin/chromium
# Trunk must never try to download a tool: the right ones are on PATH.
export TRUNK_SKIP_VERSION_CHECK=true
