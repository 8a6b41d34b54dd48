#!/usr/bin/env bash
# Builds llama.cpp's llama-server and llama-bench from the release node-llama-cpp ships
# (node_modules/node-llama-cpp/llama/gitRelease.bundle), once per machine and release, into
# ~/.cache/inkwell/llama.cpp-<tag>/ (or $INKWELL_CACHE_DIR). Prints the folder of the binaries.
# Needs git, cmake and a C++ compiler (Debian: cmake g++); never downloads anything.
set -euo pipefail
cd "$(dirname "$0")/.."
llama=node_modules/node-llama-cpp/llama
tag=$(node -p "require('./$llama/llama.cpp.info.json').tag")
cache=${INKWELL_CACHE_DIR:-$HOME/.cache/inkwell}/llama.cpp-$tag
if [ -x "$cache/bin/llama-server" ] && [ -x "$cache/bin/llama-bench" ]; then
  echo "$cache/bin"
  exit 0
fi
mkdir -p "$cache"
if [ ! -d "$cache/src/.git" ]; then
  rm -rf "$cache/src"
  git clone --quiet "$llama/gitRelease.bundle" "$cache/src" >&2
fi
cmake -S "$cache/src" -B "$cache/build" -DCMAKE_BUILD_TYPE=Release -DLLAMA_CURL=OFF \
  -DLLAMA_OPENSSL=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF >&2
cmake --build "$cache/build" --target llama-server llama-bench -j "$(nproc)" >&2
mkdir -p "$cache/bin"
cp "$cache/build/bin/llama-server" "$cache/build/bin/llama-bench" "$cache/bin/"
cp "$cache"/build/bin/*.so* "$cache/bin/" 2>/dev/null || true
echo "$cache/bin"
