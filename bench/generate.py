#!/usr/bin/env python3
"""Generates a synthetic Rust repository for timing flaglint.

usage: bench/generate.py DIR [--files N] [--flags K] [--seed S]

DIR gets a flags.toml declaring K flags and N Rust files of about 120 lines
each, spread over nested modules. About one file in five calls the flag
API with a declared key; some use constants, some undeclared keys, some
dynamic keys; the rest is ordinary code, comments and string literals.
"""
import argparse
import os
import random

p = argparse.ArgumentParser()
p.add_argument("dir")
p.add_argument("--files", type=int, default=10_000)
p.add_argument("--flags", type=int, default=200)
p.add_argument("--seed", type=int, default=1)
args = p.parse_args()
rng = random.Random(args.seed)
os.makedirs(args.dir, exist_ok=True)

keys = [f"flag-{i:05d}" for i in range(args.flags)]
with open(os.path.join(args.dir, "flags.toml"), "w") as f:
    f.write('[[scan.calls]]\ncallee = "flags::is_enabled"\n\n')
    for i, key in enumerate(keys):
        expires = "2026-10-30" if i % 7 else "2026-10-01"
        f.write(
            f'[flags.{key}]\ntype = "release"\nowner = "team-{i % 12}"\n'
            f'created = 2026-09-01\nexpires = {expires}\ndefault = false\n'
            f'cleanup_issue = "https://example.com/issues/{i}"\n\n'
        )

FILLER = '''
/// Computes the {n}th thing. See `docs/thing-{n}.md`.
pub fn thing_{n}(input: &[u64]) -> u64 {{
    // Sum the input, skipping zeros.
    let mut total = 0;
    for value in input.iter().filter(|v| **v != 0) {{
        total += value * {n};
    }}
    log::debug!("thing {{}} -> {{}}", "{n}", total);
    total
}}
'''

for i in range(args.files):
    sub = os.path.join(args.dir, "src", f"m{i % 50:02d}", f"n{i % 7}")
    os.makedirs(sub, exist_ok=True)
    parts = ["use crate::flags;\n"]
    roll = rng.random()
    if roll < 0.2:
        key = rng.choice(keys)
        parts.append(f'const KEY: &str = "{key}";\n')
        parts.append(
            f'pub fn gate(user: &User) -> bool {{\n    flags::is_enabled("{rng.choice(keys)}")'
            f' && crate::flags::is_enabled(KEY)\n}}\n'
        )
    elif roll < 0.22:
        parts.append('pub fn gate() -> bool { flags::is_enabled("not-declared") }\n')
    elif roll < 0.23:
        parts.append('pub fn gate(name: &str) -> bool { flags::is_enabled(name) }\n')
    for n in range(10):
        parts.append(FILLER.format(n=i * 10 + n))
    with open(os.path.join(sub, f"file{i:06d}.rs"), "w") as f:
        f.write("".join(parts))
