#!/usr/bin/env bash
# Set up (first time only) and start KAP Companion. Any arguments go to the app, e.g. --demo.
source "$(dirname "${BASH_SOURCE[0]}")/ensure-venv.sh"
exec "$venv/bin/kap-companion" "$@"
