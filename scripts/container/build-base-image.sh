#!/usr/bin/env bash
# Builds the local base image for modelkeeper's containers when no registry is reachable:
# a rootfs holding this machine's node and git binaries and exactly the shared libraries they
# (and onnxruntime's native binding) load, a non-root user 10001, and nothing else (no shell,
# no package manager), imported with `podman import`.
#   scripts/container/build-base-image.sh [IMAGE]   (default localhost/modelkeeper-base:latest)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
image="${1:-localhost/modelkeeper-base:latest}"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$here/containers.conf}"

rootfs="$(mktemp -d /tmp/modelkeeper-rootfs.XXXXXX)"
trap 'rm -rf "$rootfs"' EXIT

node_bin="$(readlink -f "$(command -v node)")"
git_bin="$(readlink -f "$(command -v git)")"
ort_dir="$root/node_modules/onnxruntime-node/bin/napi-v6/linux/x64"

# Every shared library the binaries load, followed through symlinks (both names are kept).
libraries() {
  for binary in "$@"; do
    ldd "$binary" | awk '/=>/ { print $3 } /^[ \t]*\// { print $1 }'
  done | sort -u | grep -v '^$'
}
copy_path() {
  local path="$1"
  mkdir -p "$rootfs$(dirname "$path")"
  cp -a "$path" "$rootfs$path"
  if [ -L "$path" ]; then copy_path "$(readlink -f "$path")"; fi
}

mkdir -p "$rootfs"/{usr/bin,usr/lib,usr/lib64,tmp,etc,repo,var/log/modelkeeper,home/modelkeeper}
# Debian's /lib and /lib64 are symlinks into /usr: the same links here keep every library path valid.
for link in /lib /lib64; do
  if [ -L "$link" ]; then ln -s "$(readlink "$link")" "$rootfs$link"; else mkdir -p "$rootfs$link"; fi
done
cp "$node_bin" "$rootfs/usr/bin/node"
cp "$git_bin" "$rootfs/usr/bin/git"
for lib in $(libraries "$node_bin" "$git_bin" "$ort_dir"/onnxruntime_binding.node "$ort_dir"/libonnxruntime.so.1); do
  case "$lib" in "$ort_dir"/*) continue ;; esac # shipped inside the image's node_modules
  copy_path "$lib"
done
chmod 1777 "$rootfs/tmp"
cat > "$rootfs/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/usr/sbin/nologin
modelkeeper:x:10001:10001:modelkeeper:/home/modelkeeper:/usr/sbin/nologin
PASSWD
cat > "$rootfs/etc/group" <<'GROUP'
root:x:0:
modelkeeper:x:10001:
GROUP
# The repository is mounted at /repo and owned by someone else: let git read it there only.
cat > "$rootfs/etc/gitconfig" <<'GITCONFIG'
[safe]
	directory = /repo
GITCONFIG
chown 10001:10001 "$rootfs/var/log/modelkeeper" "$rootfs/home/modelkeeper"

tar -C "$rootfs" -c . | podman import \
  --change 'ENV PATH=/usr/bin' --change 'ENV HOME=/home/modelkeeper' \
  --change 'USER 10001:10001' \
  - "$image" >/dev/null
echo "$image: node $("$node_bin" --version), $("$git_bin" --version)"
