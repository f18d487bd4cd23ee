#!/usr/bin/env bash
# Builds modelkeeper's server image with podman from a small staged context (the bundle in dist/,
# the CLI launcher, package.json; not the 800 MB of node_modules), on the local base image.
#   scripts/container/build-image.sh [TAG] [BASE]
# Defaults: TAG localhost/modelkeeper:latest, BASE localhost/modelkeeper-base:latest (built first
# by build-base-image.sh when it is missing). dist/ must be current: npm run bundle.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tag="${1:-localhost/modelkeeper:latest}"
base="${2:-localhost/modelkeeper-base:latest}"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$here/containers.conf}"

if ! podman image exists "$base"; then "$here/build-base-image.sh" "$base"; fi
if [ ! -f "$root/dist/cli.js" ]; then echo "dist/cli.js is missing: run npm run bundle first" >&2; exit 2; fi

context="$(mktemp -d /tmp/modelkeeper-context.XXXXXX)"
trap 'rm -rf "$context"' EXIT
mkdir -p "$context/bin"
cp "$root/Dockerfile" "$root/package.json" "$context/"
cp "$root/bin/modelkeeper.js" "$context/bin/"
cp -a "$root/dist" "$context/dist"
# --format docker keeps HEALTHCHECK (the OCI format has no such field).
podman build --quiet --format docker --build-arg "BASE=$base" --tag "$tag" "$context" >/dev/null
echo "$tag"
