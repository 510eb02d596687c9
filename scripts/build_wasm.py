#!/usr/bin/env python3
"""Trunk build step: compiles the app to wasm and splits it into chunks loaded on demand.

Trunk's own Rust pipeline runs cargo, wasm-bindgen and wasm-opt in one go, with no place for a
step in between; the code splitting needs one (see docs/performance.md, "Code splitting"):

1. cargo builds the wasm with its relocations kept (`--emit-relocs`, .cargo/config.toml);
2. `wasm-split-cli` moves the code only reachable from the lazy pages (`src/lazy_pages.rs`)
   into chunk files and writes the loader `__wasm_split.js`;
3. wasm-bindgen generates the JS glue for the main module (keeping the function table the
   chunks plug into);
4. in release, wasm-opt -Oz shrinks every wasm file (WASM_OPT_LEVEL=s|0|1|2|3|4 to compare
   levels, `scripts/bench --profiles`; 0 skips wasm-opt).

Everything lands in `pkg-<hash>/` inside the staging directory: the folder name changes with
the content, so a browser never mixes files of two builds, and the files inside keep the
names the loader refers to. `postbuild.py` then adds the start-up script to index.html.

Steps 2-4 take minutes (wasm-opt on every chunk) and depend only on the linked wasm: their
output is kept in target/wasm-split-cache/, keyed by the linked wasm's hash, so a second build
of the same code (the sub-path build of scripts/test) reuses it.

Run by trunk (stage "build") with TRUNK_STAGING_DIR and TRUNK_PROFILE set.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

TARGET = "wasm32-unknown-unknown"
BINARY = "border-diagnostic"


def run(*command: str) -> None:
    print("build_wasm:", " ".join(command), flush=True)
    subprocess.run(command, check=True)


def cargo_target_dir(root: str) -> str:
    return os.environ.get("CARGO_TARGET_DIR", os.path.join(root, "target"))


def compile_wasm(root: str, release: bool) -> str:
    command = ["cargo", "build", "--target", TARGET, "--bin", BINARY, "--locked", "--offline"]
    if release:
        command.append("--release")
    run(*command)
    profile = "release" if release else "debug"
    return os.path.join(cargo_target_dir(root), TARGET, profile, f"{BINARY}.wasm")


def split_and_bind(linked_wasm: str, work_dir: str) -> None:
    run("wasm-split-cli", "--target", "web", "--out-name", BINARY, linked_wasm, work_dir)
    main_module = os.path.join(work_dir, f"{BINARY}.wasm")
    run(
        "wasm-bindgen", "--target", "web", "--no-typescript", "--keep-lld-exports",
        "--out-name", BINARY, "--out-dir", work_dir, main_module,
    )
    os.remove(main_module)


def optimise(work_dir: str, level: str) -> None:
    paths = [os.path.join(work_dir, name) for name in sorted(os.listdir(work_dir)) if name.endswith(".wasm")]
    # Largest first, two at a time (the machines have 2 cores): the main module takes longest.
    paths.sort(key=os.path.getsize, reverse=True)
    print(f"build_wasm: wasm-opt -O{level} on {len(paths)} wasm files", flush=True)
    with ThreadPoolExecutor(max_workers=2) as pool:
        for _ in pool.map(lambda path: run_quiet("wasm-opt", f"-O{level}", path, "-o", path), paths):
            pass


def run_quiet(*command: str) -> None:
    """Runs a command, showing its output only when it fails (wasm-opt warns once per chunk
    about the wasm-split name section, which is harmless)."""
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise subprocess.CalledProcessError(result.returncode, command)


def content_hash(directory: str) -> str:
    digest = hashlib.sha256()
    for name in sorted(os.listdir(directory)):
        digest.update(name.encode())
        with open(os.path.join(directory, name), "rb") as f:
            digest.update(f.read())
    return digest.hexdigest()[:16]


def file_hash(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        digest.update(f.read())
    return digest.hexdigest()[:16]


def split_package(root: str, linked_wasm: str, opt_level: str) -> str:
    """The split, bound and optimised files for this linked wasm, from the cache or made now."""
    cache = os.path.join(cargo_target_dir(root), "wasm-split-cache")
    key = f"O{opt_level}-{file_hash(linked_wasm)}"
    cached = os.path.join(cache, key)
    if os.path.isdir(cached):
        print(f"build_wasm: reusing {cached}", flush=True)
        return cached
    shutil.rmtree(cache, ignore_errors=True)  # one entry: older builds are never needed again
    os.makedirs(cache)
    work_dir = tempfile.mkdtemp(prefix="wasm-split-", dir=cache)
    try:
        split_and_bind(linked_wasm, work_dir)
        if opt_level != "0":
            optimise(work_dir, opt_level)
    except BaseException:
        shutil.rmtree(work_dir, ignore_errors=True)
        raise
    os.rename(work_dir, cached)  # complete or absent: never a half-written entry
    return cached


def main() -> None:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    staging = os.environ["TRUNK_STAGING_DIR"]
    release = os.environ.get("TRUNK_PROFILE", "debug") == "release"
    opt_level = os.environ.get("WASM_OPT_LEVEL", "z") if release else "0"
    if opt_level not in ("z", "s", "0", "1", "2", "3", "4"):
        sys.exit(f"build_wasm: WASM_OPT_LEVEL must be z, s or 0-4, not {opt_level!r}")
    files = split_package(root, compile_wasm(root, release), opt_level)
    package = os.path.join(staging, f"pkg-{content_hash(files)}")
    shutil.copytree(files, package)
    print(f"build_wasm: {os.path.basename(package)} written", flush=True)


if __name__ == "__main__":
    try:
        main()
    except subprocess.CalledProcessError as error:
        sys.exit(error.returncode or 1)
