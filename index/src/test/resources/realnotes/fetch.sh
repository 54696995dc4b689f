#!/usr/bin/env bash
# Checks out the note collections of collections.tsv at their pinned commits, one folder each under DEST, holding
# only the collection's knowledge-base folder: the layout `spikebot eval --notes DEST` expects.
#
#   fetch.sh DEST                 fetch each commit from GitHub (shallow: that one commit only)
#   fetch.sh DEST MIRRORS         use already-fetched bare repositories MIRRORS/<owner>+<name>/repo when present
#
# Nothing fetched belongs in this repository; DEST must be outside it. A folder already in DEST is left alone
# (delete it to fetch again); spikebot keeps its index of each collection in DEST/<name>/.spikebot.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dest=${1:?usage: fetch.sh DEST [MIRRORS]}
mirrors=${2:-}
mkdir -p "$dest"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

while IFS=$'\t' read -r name repo commit folder kind; do
  case "$name" in ''|'#'*) continue ;; esac
  target="$dest/$name"
  if [ -d "$target" ]; then
    echo "$name: $target exists, left as it is"
    continue
  fi
  gitdir="$mirrors/${repo/\//+}/repo"
  if [ -z "$mirrors" ] || ! git --git-dir="$gitdir" cat-file -e "$commit^{commit}" 2>/dev/null; then
    gitdir="$work/${repo/\//+}.git"
    git init -q --bare "$gitdir"
    echo "$name: fetching $repo at $commit"
    git --git-dir="$gitdir" fetch -q --depth 1 "https://github.com/$repo.git" "$commit"
  fi
  mkdir -p "$target"
  if [ "$folder" = "." ]; then
    git --git-dir="$gitdir" archive "$commit" | tar -x -C "$target"
  else
    # --strip-components drops the folder's own path, so that note paths are relative to the knowledge base.
    depth=$(awk -F/ '{print NF}' <<<"$folder")
    git --git-dir="$gitdir" archive "$commit" "$folder" | tar -x -C "$target" --strip-components="$depth"
  fi
  echo "$name: $(find "$target" -name '*.md' | wc -l) Markdown files ($kind)"
done < "$here/collections.tsv"
