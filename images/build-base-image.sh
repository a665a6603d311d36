#!/usr/bin/env bash
# Builds the base image of Heed's service images as a `docker save` tar, without a Docker engine and without a
# container registry: Debian bookworm (minbase) from Debian's own mirror by debootstrap, with OpenJDK 17's
# headless JRE and curl (for compose health checks), a user `heed` (uid 10001) and /var/lib/heed owned by it.
# Jib reads the tar as its base (`tar://...`) and puts each service's layers on top.
#
#   images/build-base-image.sh tar:///path/to/base.tar    builds that tar
#   images/build-base-image.sh eclipse-temurin:17-jre       does nothing: Jib takes that base from its registry
#
# Needs root (debootstrap and chroot do); installs debootstrap from Debian's packages when missing.
# The tar is rebuilt only when it is missing or this script changed; delete it to force a rebuild.
# HEED_DEBIAN_MIRROR picks another mirror (default http://deb.debian.org/debian).
set -euo pipefail

base=${1:?usage: build-base-image.sh tar:///path/to/base.tar}
if [[ "$base" != tar://* ]]; then
  echo "base image $base comes from its registry; nothing to build"
  exit 0
fi
out=${base#tar://}
mirror=${HEED_DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=bookworm
packages=openjdk-17-jre-headless,curl
tag=heed/jre17-base:$suite

script_hash=$(sha256sum "$0" | cut -d' ' -f1)
stamp="$out.script-sha256"
if [[ -f "$out" && -f "$stamp" && "$(cat "$stamp")" == "$script_hash" ]]; then
  echo "base image $out is up to date"
  exit 0
fi

fail() { echo "build-base-image: $*" >&2; exit 1; }
[[ "$(id -u)" -eq 0 ]] || fail "needs root (debootstrap and chroot do); run the images build with sudo, or pass -Dheed.image.base=<an image from a registry>"
command -v debootstrap >/dev/null || {
  echo "installing debootstrap from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
}

work=$(mktemp -d "${TMPDIR:-/tmp}/heed-base.XXXXXX")
cleanup() {
  # debootstrap mounts /proc and /sys inside the root while it installs; never leave them mounted.
  for m in proc sys dev/pts; do mountpoint -q "$work/rootfs/$m" 2>/dev/null && umount -l "$work/rootfs/$m" || true; done
  rm -rf "$work"
}
trap cleanup EXIT

rootfs="$work/rootfs"
echo "debootstrap $suite ($packages) from $mirror ..."
debootstrap --variant=minbase --include="$packages" "$suite" "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; fail "debootstrap failed (log above)"; }

chroot "$rootfs" /usr/sbin/groupadd --gid 10001 heed
chroot "$rootfs" /usr/sbin/useradd --uid 10001 --gid 10001 --no-create-home --home-dir /var/lib/heed --shell /usr/sbin/nologin heed
mkdir -p "$rootfs/var/lib/heed/routing"
chown -R 10001:10001 "$rootfs/var/lib/heed"

# What a running service never needs: package caches and indexes, manuals, translations, logs. Licences stay.
rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/* "$rootfs"/tmp/* \
       "$rootfs"/usr/share/man "$rootfs"/usr/share/locale "$rootfs"/usr/share/info
find "$rootfs/usr/share/doc" -mindepth 2 ! -name copyright ! -type d -delete
find "$rootfs/usr/share/doc" -mindepth 1 -type d -empty -delete

# One layer. /dev, /proc and /sys stay empty: the container runtime provides them.
image="$work/image"
mkdir -p "$image"
tar --numeric-owner --sort=name --mtime='@0' --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' \
    -C "$rootfs" -cf "$image/layer.tar" .
diff_id=$(sha256sum "$image/layer.tar" | cut -d' ' -f1)
java_home=$(dirname "$(dirname "$(readlink -f "$rootfs/usr/bin/java" | sed "s|^$rootfs||")")")
cat >"$image/config.json" <<EOF
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$java_home","LANG=C.UTF-8"],
           "WorkingDir":"/var/lib/heed"},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created_by":"images/build-base-image.sh: debootstrap --variant=minbase --include=$packages $suite"}]}
EOF
cat >"$image/manifest.json" <<EOF
[{"Config":"config.json","RepoTags":["$tag"],"Layers":["layer.tar"]}]
EOF

mkdir -p "$(dirname "$out")"
tar --sort=name --mtime='@0' -C "$image" -cf "$out.tmp" manifest.json config.json layer.tar
mv "$out.tmp" "$out"
echo "$script_hash" >"$stamp"
echo "base image $tag written to $out ($(du -h "$out" | cut -f1), java at $java_home)"
