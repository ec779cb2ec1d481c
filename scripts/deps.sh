#!/usr/bin/env bash
# Installs what govgraph needs beyond Rust: libclang and a C++ compiler (RocksDB's build)
# and Graphviz (rendering maps). Sourced by scripts/demo and scripts/test.
# Uses apt-get when run as root on Debian/Ubuntu; otherwise says what to install.
missing=()
# bindgen loads libclang.so or libclang-N.so; libclang-cpp.so (present on some images without
# libclang) is a different library and does not count.
if ! compgen -G '/usr/lib/llvm-*/lib/libclang.so*' >/dev/null \
   && ! compgen -G '/usr/lib/*/libclang-[0-9]*.so*' >/dev/null \
   && [ -z "${LIBCLANG_PATH:-}" ]; then
  missing+=(libclang-dev)
fi
command -v c++ >/dev/null 2>&1 || missing+=(g++)
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "govgraph: installing ${missing[*]} with apt-get" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "govgraph: missing system packages: ${missing[*]}" >&2
    echo "  install them first, e.g.: sudo apt-get install ${missing[*]}" >&2
    case " ${missing[*]} " in
      *" libclang-dev "*|*" g++ "*) exit 1 ;;  # RocksDB cannot compile without them
      *) echo "  (continuing: without Graphviz, maps are written as .dot files)" >&2 ;;
    esac
  fi
fi
# One build cache outside the clone, so a fresh clone does not recompile RocksDB.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/govgraph/target}"
