#!/usr/bin/env python3
"""Generates a synthetic Rust repository for timing flaglint.

usage: bench/generate.py DIR [--files N] [--flags K] [--seed S] [--polyglot]
                          [--density D]

DIR gets a flags.toml declaring K flags and N Rust files of about 120 lines
each, spread over nested modules. A share D of the files (default 0.05)
calls the flag API with a declared key, directly and through a constant;
in Rust, 2% more use an undeclared key and 1% a dynamic one; the rest is ordinary code, comments and string literals.
With --polyglot the files are spread over every language flaglint parses
(Rust, Python, JavaScript, TypeScript, TSX, Go, Java, Ruby, C#, Kotlin,
PHP) instead of being all Rust. As in a real repository, about 2% more
files sit in a .gitignore'd build/ directory and 0.5% are binary; both
must be skipped.
"""
import argparse
import os
import random

p = argparse.ArgumentParser()
p.add_argument("dir")
p.add_argument("--files", type=int, default=10_000)
p.add_argument("--flags", type=int, default=200)
p.add_argument("--seed", type=int, default=1)
p.add_argument("--polyglot", action="store_true")
p.add_argument("--density", type=float, default=0.05)
args = p.parse_args()
rng = random.Random(args.seed)
os.makedirs(args.dir, exist_ok=True)

keys = [f"flag-{i:05d}" for i in range(args.flags)]
with open(os.path.join(args.dir, "flags.toml"), "w") as f:
    f.write('[[scan.calls]]\ncallee = "flags::is_enabled"\n\n')
    f.write('[[scan.calls]]\ncallee = "flags.is_enabled"\n\n')
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

# Per language: extension, a gate calling the flag API with two keys (one
# through a constant), and a filler function with a comment and strings.
LANGUAGES = {
    "rust": ("rs", 'const KEY: &str = "{k1}";\npub fn gate() -> bool {{ flags::is_enabled("{k2}") && flags::is_enabled(KEY) }}\n',
             '/// Doc {n}.\npub fn thing_{n}(v: &[u64]) -> u64 {{\n    // sum "{n}"\n    v.iter().map(|x| x * {n}).sum()\n}}\n'),
    "python": ("py", 'KEY = "{k1}"\ndef gate():\n    return flags.is_enabled("{k2}") and flags.is_enabled(KEY)\n',
               'def thing_{n}(v):\n    """Doc {n}."""\n    # sum\n    return sum(x * {n} for x in v) or "none-{n}"\n'),
    "javascript": ("js", 'const KEY = "{k1}";\nexport function gate() {{ return flags.is_enabled("{k2}") && flags.is_enabled(KEY); }}\n',
                   '// sum {n}\nexport function thing{n}(v) {{ return v.map((x) => x * {n}).join("-{n}"); }}\n'),
    "typescript": ("ts", 'const KEY = "{k1}";\nexport function gate(): boolean {{ return flags.is_enabled("{k2}") && flags.is_enabled(KEY); }}\n',
                   '// sum {n}\nexport function thing{n}(v: number[]): string {{ return v.map((x) => x * {n}).join("-{n}"); }}\n'),
    "tsx": ("tsx", 'const KEY = "{k1}";\nexport const Gate = () => (flags.is_enabled("{k2}") && flags.is_enabled(KEY) ? <A /> : <B />);\n',
            'export const Thing{n} = () => <div title="t-{n}">{{/* c */}}{n}</div>;\n'),
    "go": ("go", 'const Key = "{k1}"\n\nfunc Gate() bool {{ return flags.is_enabled("{k2}") && flags.is_enabled(Key) }}\n',
           '// Thing{n} sums.\nfunc Thing{n}(v []int) string {{ return fmt.Sprint(len(v) * {n}, "-{n}") }}\n'),
    "java": ("java", 'class Gate{i} {{ static final String KEY = "{k1}"; boolean gate() {{ return flags.is_enabled("{k2}") && flags.is_enabled(KEY); }} }}\n',
             'class Thing{n} {{ /* c */ String f() {{ return "t-{n}"; }} }}\n'),
    "ruby": ("rb", 'KEY = "{k1}"\ndef gate\n  flags.is_enabled("{k2}") && flags.is_enabled(KEY)\nend\n',
             '# thing {n}\ndef thing_{n}(v)\n  v.map {{ |x| x * {n} }}.join("-{n}")\nend\n'),
    "csharp": ("cs", 'class Gate{i} {{ const string Key = "{k1}"; bool G() {{ return flags.is_enabled("{k2}") && flags.is_enabled(Key); }} }}\n',
               'class Thing{n} {{ /* c */ string F() {{ return "t-{n}"; }} }}\n'),
    "kotlin": ("kt", 'const val KEY = "{k1}"\nfun gate() = flags.is_enabled("{k2}") && flags.is_enabled(KEY)\n',
               '// thing {n}\nfun thing{n}(v: List<Int>) = v.map {{ it * {n} }}.joinToString("-{n}")\n'),
    "php": ("php", '<?php\nconst KEY = "{k1}";\nfunction gate() {{ return $flags->is_enabled("{k2}") && $flags->is_enabled(KEY); }}\n',
            '// thing {n}\nfunction thing{n}($v) {{ return implode("-{n}", $v); }}\n'),
}

for i in range(args.files):
    sub = os.path.join(args.dir, "src", f"m{i % 50:02d}", f"n{i % 7}")
    os.makedirs(sub, exist_ok=True)
    if not args.polyglot:
        parts = ["use crate::flags;\n"]
        roll = rng.random()
        if roll < args.density:
            key = rng.choice(keys)
            parts.append(f'const KEY: &str = "{key}";\n')
            parts.append(
                f'pub fn gate(user: &User) -> bool {{\n    flags::is_enabled("{rng.choice(keys)}")'
                f' && crate::flags::is_enabled(KEY)\n}}\n'
            )
        elif roll < args.density + 0.02:
            parts.append('pub fn gate() -> bool { flags::is_enabled("not-declared") }\n')
        elif roll < args.density + 0.03:
            parts.append('pub fn gate(name: &str) -> bool { flags::is_enabled(name) }\n')
        for n in range(10):
            parts.append(FILLER.format(n=i * 10 + n))
        with open(os.path.join(sub, f"file{i:06d}.rs"), "w") as f:
            f.write("".join(parts))
        continue
    name = list(LANGUAGES)[i % len(LANGUAGES)]
    ext, gate, filler = LANGUAGES[name]
    parts = []
    if name == "php":
        parts.append("<?php\n")
        gate = gate.replace("<?php\n", "")
    if name == "go":
        parts.append("package p\n\n")
    if rng.random() < args.density:
        parts.append(gate.format(k1=rng.choice(keys), k2=rng.choice(keys), i=i))
    for n in range(12):
        parts.append(filler.format(n=i * 12 + n))
    with open(os.path.join(sub, f"file{i:06d}.{ext}"), "w") as f:
        f.write("".join(parts))

# Ignored and binary files, as a real repository has.
with open(os.path.join(args.dir, ".gitignore"), "w") as f:
    f.write("build/\n")
build = os.path.join(args.dir, "build")
os.makedirs(build, exist_ok=True)
for i in range(args.files // 50):
    with open(os.path.join(build, f"gen{i:05d}.rs"), "w") as f:
        f.write(f'pub fn g() {{ flags::is_enabled("ignored-{i}"); }}\n')
assets = os.path.join(args.dir, "assets")
os.makedirs(assets, exist_ok=True)
for i in range(args.files // 200):
    with open(os.path.join(assets, f"img{i:04d}.png"), "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n\x00\x00" + os.urandom(2048) + keys[i % len(keys)].encode())
# The keys, for `rg -F -f keys.txt`.
with open(os.path.join(args.dir, "keys.txt"), "w") as f:
    f.write("\n".join(keys) + "\n")
