#!/usr/bin/env bash
# Run a command where the OS keychain works. On Linux without a reachable, unlocked Secret Service (CI, containers,
# ssh sessions) it starts a private D-Bus session with a throwaway, unlocked gnome-keyring in a temp HOME, runs the
# command there, and cleans up. Elsewhere (macOS, Windows, a Linux desktop with a keyring) it just runs the command.
# Usage: bash scripts/with-keyring.sh vitest run --config vitest.keychain.config.ts
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/node_modules/.bin:$PATH"   # so "vitest", "tsx" resolve like in npm scripts

if [ $# -eq 0 ]; then
  echo "usage: with-keyring.sh <command> [args...]" >&2
  exit 2
fi

# Set, read back and delete a probe item; succeeds only when the keychain really stores things.
probe_keychain() {
  (cd "$root" && timeout 20 node -e '
    const k = require("@napi-rs/keyring/keytar");
    const acc = "probe-" + process.pid + "-" + Date.now();
    (async () => {
      await k.setPassword("OrderDock-probe", acc, "probe");
      const ok = (await k.getPassword("OrderDock-probe", acc)) === "probe";
      await k.deletePassword("OrderDock-probe", acc);
      process.exit(ok ? 0 : 1);
    })().catch(() => process.exit(1));
  ' >/dev/null 2>&1)
}

inner() {
  local tmp rc
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/orderdock-keyring.XXXXXX")"
  # keep npm's cache where it was: the temp HOME is only for the keyring
  export npm_config_cache="${npm_config_cache:-${HOME:-/root}/.npm}"
  export HOME="$tmp" XDG_DATA_HOME="$tmp/.local/share" XDG_CONFIG_HOME="$tmp/.config" XDG_CACHE_HOME="$tmp/.cache"
  export XDG_RUNTIME_DIR="$tmp/run"
  mkdir -p "$XDG_DATA_HOME/keyrings" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
  mkdir -m 700 -p "$XDG_RUNTIME_DIR"
  local envs
  if ! envs="$(printf 'orderdock-test' | gnome-keyring-daemon --daemonize --unlock --components=secrets 2>/dev/null)"; then
    echo "with-keyring: gnome-keyring-daemon failed to start" >&2
    rm -rf "$tmp"
    return 1
  fi
  eval "$envs"
  export GNOME_KEYRING_CONTROL
  # wait (bounded) until the daemon owns the Secret Service name on our private bus
  for _ in $(seq 1 50); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
         org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
      break
    fi
    sleep 0.1
  done
  (cd "$root" && "$@")
  rc=$?
  # the daemon quits when dbus-run-session tears the bus down; stop it now if it told us its pid
  if [ -n "${GNOME_KEYRING_PID:-}" ]; then kill "$GNOME_KEYRING_PID" 2>/dev/null || true; fi
  rm -rf "$tmp"
  return "$rc"
}

if [ "${1:-}" = "--inner" ]; then
  shift
  inner "$@"
  exit $?
fi

if [ "$(uname -s)" != "Linux" ] || [ "${ORDERDOCK_KEYRING_NO_SANDBOX:-}" = "1" ] || probe_keychain; then
  cd "$root" && exec "$@"
fi

for tool in dbus-run-session gnome-keyring-daemon dbus-send; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: no usable Secret Service and '$tool' is missing; install: apt-get install -y gnome-keyring dbus dbus-x11" >&2
    exit 1
  fi
done
exec dbus-run-session -- bash "${BASH_SOURCE[0]}" --inner "$@"
