# Sourced by install.sh and test.sh: installs Debian packages a command needs when they are missing.
#   ensure_debian_packages "<what for>" <command>:<package> ...
# As root with apt-get: `apt-get update` then `apt-get install -y` of the missing ones. Otherwise it
# stops with the one command that installs them (nothing is left to fail minutes later).
ensure_debian_packages() {
  local why=$1; shift
  local missing=() pair
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    printf '\033[1mwetube:\033[0m installing %s from Debian'"'"'s packages (%s)…\n' "${missing[*]}" "$why"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
    for pair in "$@"; do
      command -v "${pair%%:*}" >/dev/null 2>&1 || { printf '\033[1;31mwetube:\033[0m %s is still missing after installing %s\n' "${pair%%:*}" "${pair#*:}" >&2; return 1; }
    done
  else
    printf '\033[1;31mwetube:\033[0m %s needs %s. Install them first:\n  sudo apt-get update && sudo apt-get install -y %s   (Debian/Ubuntu)\n' \
      "$why" "${missing[*]}" "${missing[*]}" >&2
    return 1
  fi
}
