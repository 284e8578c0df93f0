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
# rewrite only on change, so an unchanged build does not re-pack the jar
printf 'gitCommit=%s\n' "$c" > "$out/.hubprice-build.properties.tmp"
if cmp -s "$out/.hubprice-build.properties.tmp" "$out/hubprice-build.properties"; then
  rm -f "$out/.hubprice-build.properties.tmp"
else
  mv "$out/.hubprice-build.properties.tmp" "$out/hubprice-build.properties"
fi
