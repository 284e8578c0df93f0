#!/bin/sh
# Writes the commit the build is made from into the classes (read by common.Provenance), so
# that a jar copied anywhere still names its code; "-dirty" when the code had uncommitted
# changes, "unknown" outside a git checkout (e.g. a source archive). "The code" is the paths in
# code-paths beside this script, the same list the launcher (./hubprice) rebuilds on: a study's
# uncommitted results or docs do not make a build dirty.
out="$1"
mkdir -p "$out"
here=$(cd "$(dirname "$0")" && pwd)
c=$(git rev-parse HEAD 2>/dev/null) || c=unknown
if [ "$c" != unknown ]; then
  top=$(git rev-parse --show-toplevel)
  # one pathspec per line, relative to the repository's top
  if [ -n "$(cd "$top" && tr '\n' '\0' < "$here/code-paths" | xargs -0 git status --porcelain --untracked-files=no -- 2>/dev/null)" ]; then
    c="$c-dirty"
  fi
fi
# rewrite only on change, so an unchanged build does not re-pack the jar
printf 'gitCommit=%s\n' "$c" > "$out/.hubprice-build.properties.tmp"
if cmp -s "$out/.hubprice-build.properties.tmp" "$out/hubprice-build.properties"; then
  rm -f "$out/.hubprice-build.properties.tmp"
else
  mv "$out/.hubprice-build.properties.tmp" "$out/hubprice-build.properties"
fi
