#!/usr/bin/env python3
"""Draw the seeded std sample that `zigport eval` measures generality on.

The sample is drawn once, with a fixed seed, from every `.zig` file of the
pinned toolchain's `lib/std`, minus:
  - OS- and target-specific trees (the issue's list: os, posix, Build,
    Thread, debug; plus libc bindings `c`, the startup code, dynamic
    loading, valgrind client requests, the per-CPU feature tables of
    `Target` and host detection in `zig/system`, which only make sense
    per target);
  - the held-out std files of ../shared/heldout.md (and the folder of the
    same name, so a held-out module's own parts are not measured either);
  - the modules of zig-std-eval.toml, which rules were written against.
It is never edited after results are seen: re-drawing with another seed or
size is a new sample with a new name.

usage: draw_std_sample.py STD_DIR EVAL_MANIFEST OUT_MANIFEST [--seed N] [--count N]
"""
import argparse
import pathlib
import random
import re

EXCLUDED_TREES = ["os", "posix", "Build", "Thread", "debug", "c", "start",
                  "dynamic_library", "valgrind", "Target", "zig/system"]
HELD_OUT = [
    "BitStack.zig", "Random/ChaCha.zig", "Random/ziggurat.zig", "buf_map.zig",
    "compress/zstd.zig", "crypto/25519/curve25519.zig", "crypto/Sha1.zig",
    "crypto/aes/soft.zig", "crypto/ff.zig", "crypto/poly1305.zig",
    "crypto/salsa20.zig", "fmt/parse_float/common.zig",
    "fmt/parse_float/convert_eisel_lemire.zig", "json/static.zig",
    "math/atan.zig", "math/complex/sinh.zig", "math/expm1.zig",
    "math/iszero.zig", "math/ldexp.zig", "multi_array_list.zig",
    "priority_dequeue.zig", "static_string_map.zig", "tar.zig",
    "testing/FailingAllocator.zig", "time/epoch.zig", "zip.zig", "zon.zig",
]


def excluded(rel: str, eval_paths: set) -> bool:
    stem = rel[:-len(".zig")]
    if any(stem == t or stem.startswith(t + "/") for t in EXCLUDED_TREES):
        return True
    for held in HELD_OUT:
        stem = held[:-len(".zig")]
        if rel == held or rel.startswith(stem + "/"):
            return True
    return rel in eval_paths


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("std_dir")
    ap.add_argument("eval_manifest")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20261203)
    ap.add_argument("--count", type=int, default=160)
    args = ap.parse_args()
    std = pathlib.Path(args.std_dir)
    eval_paths = set(re.findall(r'path\s*=\s*"([^"]+)"',
                                pathlib.Path(args.eval_manifest).read_text()))
    files = sorted(p.relative_to(std).as_posix() for p in std.rglob("*.zig"))
    pool = [f for f in files if not excluded(f, eval_paths)]
    sample = sorted(random.Random(args.seed).sample(pool, args.count))
    lines = [
        "# A seeded random sample of the pinned std (Zig 0.15.2), for measuring",
        "# the translator on Zig no rule was written against (`zigport eval",
        "# --manifest` with this file). Drawn by corpus/tools/draw_std_sample.py",
        f"# with seed {args.seed}, {args.count} of {len(pool)} eligible files",
        f"# ({len(files)} in lib/std). Never edited after results were seen.",
        "",
    ]
    for f in sample:
        lines += ["[[module]]", f'path = "{f}"', ""]
    pathlib.Path(args.out).write_text("\n".join(lines))
    print(f"{len(sample)} of {len(pool)} eligible files -> {args.out}")


if __name__ == "__main__":
    main()
