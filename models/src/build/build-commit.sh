#!/bin/sh
# Writes the commit the build is made from into the classes (read by common.Provenance), so
# that a jar copied anywhere still names its code; "-dirty" when tracked files had changes,
# "unknown" outside a git checkout (e.g. a source archive).
out="$1"
mkdir -p "$out"
c=$(git rev-parse HEAD 2>/dev/null) || c=unknown
if [ "$c" != unknown ] && [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
  c="$c-dirty"
fi
printf 'gitCommit=%s\n' "$c" > "$out/hubprice-build.properties"
