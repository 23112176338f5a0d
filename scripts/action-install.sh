#!/usr/bin/env bash
# The GitHub Action's install steps (action.yml runs them), kept in a script
# so they run by hand too: scripts/check-action runs them against a release
# made here.
#
#   action-install.sh plan      which flaglint to run: a release to download,
#                               or this revision's source to build
#   action-install.sh download  download a release archive, verify its
#                               SHA-256 and install the binary
#   action-install.sh source    build this revision with cargo, outside the
#                               user's workspace
#
# Environment (inputs reach this script only through it, never pasted into
# the script's text, so no input can inject shell code):
#   FLAGLINT_VERSION       plan: the `version` input (`0.1.0`); empty means
#                          the release of the action's own tag.
#                          download: the release to fetch.
#   FLAGLINT_ACTION_REF    plan: the ref the action was used at (`v0.1.0`,
#                          `main`, a commit); default: the last part of
#                          GITHUB_ACTION_PATH.
#   FLAGLINT_TARGET        the target triple; default: this runner's.
#   FLAGLINT_DEST          download, source: the directory to install in
#                          (DEST/bin/flaglint).
#   FLAGLINT_DOWNLOAD_URL  where releases are; default
#                          https://github.com/flaglint/flaglint/releases/download
#                          (a file:// URL works, for tests).
set -euo pipefail

die() {
  echo "flaglint action: $*" >&2
  exit 1
}

# The Rust target of the release archive for this machine. GitHub's runners
# say RUNNER_OS and RUNNER_ARCH; elsewhere uname does.
runner_target() {
  local os="${RUNNER_OS:-$(uname -s)}" arch="${RUNNER_ARCH:-$(uname -m)}"
  case "$arch" in
    X64 | x86_64 | amd64) arch=x86_64 ;;
    ARM64 | aarch64 | arm64) arch=aarch64 ;;
    *) die "no flaglint release for the $arch architecture; set the action's version to \"\" at a commit to build from source" ;;
  esac
  case "$os" in
    Linux) echo "$arch-unknown-linux-musl" ;;
    macOS | Darwin) echo "$arch-apple-darwin" ;;
    # Windows on Arm runs the x86_64 binary.
    Windows | MINGW* | MSYS* | CYGWIN*) echo "x86_64-pc-windows-msvc" ;;
    *) die "no flaglint release for $os" ;;
  esac
}

# A version as releases are tagged: 1.2.3, maybe with a pre-release suffix.
valid_version() {
  [[ "$1" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]
}

# `key=value` lines for the steps after this one.
output() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    echo "$1" >>"$GITHUB_OUTPUT"
  fi
  echo "$1"
}

plan() {
  local version="${FLAGLINT_VERSION:-}" ref="${FLAGLINT_ACTION_REF:-}" mode target dir cache_key=""
  version="${version#v}"
  if [ -z "$ref" ] && [ -n "${GITHUB_ACTION_PATH:-}" ]; then
    ref="$(basename "$GITHUB_ACTION_PATH")"
  fi
  if [ -n "$version" ]; then
    valid_version "$version" || die "version \"${FLAGLINT_VERSION}\" is not a release number such as 0.1.0"
    mode=download
  elif [[ "$ref" =~ ^v([0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?)$ ]]; then
    # `uses: flaglint/flaglint@v0.1.0`: that release.
    version="${BASH_REMATCH[1]}"
    mode=download
  else
    # A branch or a commit: its source, which may be ahead of any release.
    mode=source
  fi
  target="${FLAGLINT_TARGET:-$(runner_target)}"
  local base="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/flaglint"
  if [ "$mode" = download ]; then
    dir="$base/$version-$target"
    cache_key="flaglint-$version-$target"
    echo "flaglint action: running release $version ($target), downloaded from the GitHub release" >&2
  else
    dir="$base/source-$target"
    # A commit's build never changes: cache it. A branch's would go stale.
    if [[ "$ref" =~ ^[0-9a-f]{40}$ ]]; then
      cache_key="flaglint-source-$ref-$target"
    fi
    echo "flaglint action: \"${ref:-this revision}\" is no release tag: building flaglint from its source (pin a release, \`@v0.1.0\` or \`version: 0.1.0\`, to download a binary in seconds)" >&2
  fi
  local exe=""
  case "$target" in *windows*) exe=".exe" ;; esac
  output "mode=$mode"
  output "version=$version"
  output "target=$target"
  output "dir=$dir"
  output "bin=$dir/bin/flaglint$exe"
  output "cache-key=$cache_key"
}

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d ' ' -f 1
  else
    shasum -a 256 "$1" | cut -d ' ' -f 1
  fi
}

download() {
  local version="${FLAGLINT_VERSION:-}" dest="${FLAGLINT_DEST:?FLAGLINT_DEST names the install directory}"
  version="${version#v}"
  valid_version "$version" || die "version \"${FLAGLINT_VERSION:-}\" is not a release number such as 0.1.0"
  local target="${FLAGLINT_TARGET:-$(runner_target)}"
  local base="${FLAGLINT_DOWNLOAD_URL:-https://github.com/flaglint/flaglint/releases/download}"
  local archive exe=""
  case "$target" in
    *windows*) archive="flaglint-$target.zip" exe=".exe" ;;
    *) archive="flaglint-$target.tar.xz" ;;
  esac
  local url="$base/v$version/$archive"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  echo "flaglint action: downloading $url" >&2
  curl --proto '=https,file' --fail --silent --show-error --location --retry 3 \
    --output "$work/$archive" "$url" ||
    die "cannot download $url: is $version a flaglint release with a $target binary?"
  curl --proto '=https,file' --fail --silent --show-error --location --retry 3 \
    --output "$work/$archive.sha256" "$url.sha256" ||
    die "cannot download the checksum $url.sha256"
  local expected actual
  expected="$(cut -d ' ' -f 1 <"$work/$archive.sha256" | tr -d '\r\n' | tr 'A-F' 'a-f')"
  actual="$(sha256_of "$work/$archive")"
  [[ "$expected" =~ ^[0-9a-f]{64}$ ]] || die "$archive.sha256 holds no SHA-256"
  [ "$expected" = "$actual" ] ||
    die "$archive does not match its checksum (expected $expected, got $actual): not installed"
  echo "flaglint action: sha256 $actual verified" >&2
  mkdir -p "$work/unpacked"
  case "$archive" in
    *.zip)
      if command -v unzip >/dev/null 2>&1; then
        unzip -q "$work/$archive" -d "$work/unpacked"
      else
        powershell -NoProfile -Command "Expand-Archive -LiteralPath '$work/$archive' -DestinationPath '$work/unpacked'"
      fi
      ;;
    *) tar -xJf "$work/$archive" -C "$work/unpacked" ;;
  esac
  local binary
  binary="$(find "$work/unpacked" -type f -name "flaglint$exe" | head -n 1)"
  [ -n "$binary" ] || die "$archive holds no flaglint$exe"
  mkdir -p "$dest/bin"
  cp "$binary" "$dest/bin/flaglint$exe"
  chmod +x "$dest/bin/flaglint$exe"
  echo "flaglint action: installed $("$dest/bin/flaglint$exe" --version) ($target) in $dest/bin" >&2
}

source_build() {
  local dest="${FLAGLINT_DEST:?FLAGLINT_DEST names the install directory}"
  local src="${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}"
  command -v cargo >/dev/null 2>&1 ||
    die "building flaglint from source needs cargo (dtolnay/rust-toolchain); or pin a release to download it"
  # Out of the user's workspace, on stable: their rust-toolchain.toml (and
  # .cargo/config.toml) must not pick the compiler.
  mkdir -p "$dest"
  cd "$dest"
  echo "flaglint action: cargo install --locked --path $src (a release build takes about two minutes)" >&2
  RUSTUP_TOOLCHAIN=stable cargo install --locked --path "$src" --root "$dest"
}

case "${1:-}" in
  plan) plan ;;
  download) download ;;
  source) source_build ;;
  *) die "usage: $0 plan|download|source" ;;
esac
