"""Lays out a real repository at a pinned commit, for the benchmarks.

From a local git mirror when one holds the commit (the search tool's
`fetch` verb leaves them under /work/.mirror as <owner>+<name>/), else
from a bare, blob-filtered `git clone` of github.com/<repo> kept in
<work>/.git-cache. Blobs absent from the mirror (it lacks the largest
files) are skipped and counted. Python 3.11+ standard library only.
"""
import os
import shutil
import subprocess
import sys
import threading

STAMP = ".flaglint-bench-commit"


def git(gitdir, *args, **kw):
    return subprocess.run(["git", "--git-dir", gitdir, *args], **kw)


def has_commit(gitdir, commit):
    r = git(gitdir, "cat-file", "-e", commit + "^{commit}",
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return r.returncode == 0


def is_gitdir(d):
    return os.path.isfile(os.path.join(d, "HEAD")) and os.path.isdir(os.path.join(d, "objects"))


def find_mirror(mirror, repo, commit):
    """A local git directory holding `commit` of `repo`, or None."""
    owner, name = repo.split("/")
    for base in (os.path.join(mirror, owner + "+" + name), os.path.join(mirror, owner, name),
                 os.path.join(mirror, owner + "+" + name + ".git")):
        if not os.path.isdir(base):
            continue
        cands = [base, os.path.join(base, ".git")]
        cands += sorted(os.path.join(base, d) for d in os.listdir(base))
        for c in cands:
            if os.path.isdir(c) and is_gitdir(c) and has_commit(c, commit):
                return c
    return None


def clone(work, repo, commit):
    """A bare clone of github.com/repo under <work>/.git-cache holding commit."""
    cache = os.path.join(work, ".git-cache", repo.replace("/", "+") + ".git")
    url = "https://github.com/%s.git" % repo
    if not is_gitdir(cache):
        print("  cloning %s (no local mirror) ..." % url, file=sys.stderr)
        r = subprocess.run(["git", "clone", "--bare", "--filter=blob:limit=4m", url, cache])
        if r.returncode != 0:
            shutil.rmtree(cache, ignore_errors=True)
            return None
    if not has_commit(cache, commit):
        git(cache, "fetch", "--filter=blob:limit=4m", "origin", commit)
    return cache if has_commit(cache, commit) else None


def layout(gitdir, commit, dest):
    """Writes the tree of `commit` to dest; blobs missing from the mirror
    (it lacks files of 4 MiB and more) are skipped and counted."""
    ls = git(gitdir, "ls-tree", "-r", "-z", "--full-tree", commit,
             capture_output=True, check=True).stdout
    entries = []
    for rec in ls.split(b"\0"):
        if not rec:
            continue
        meta, path = rec.split(b"\t", 1)
        mode, typ, sha = meta.split()
        if typ == b"blob":
            entries.append((mode, sha, path))
    p = subprocess.Popen(["git", "--git-dir", gitdir, "cat-file", "--batch"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def feed():
        for _, sha, _ in entries:
            p.stdin.write(sha + b"\n")
        p.stdin.close()

    threading.Thread(target=feed, daemon=True).start()
    missing = 0
    destb = os.fsencode(dest)
    for mode, sha, path in entries:
        head = p.stdout.readline().split()
        if len(head) < 3 or head[1] == b"missing":
            missing += 1
            continue
        data = p.stdout.read(int(head[2]))
        p.stdout.read(1)
        out = os.path.join(destb, path)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        if mode == b"120000":
            try:
                os.symlink(data, out)
            except OSError:
                pass
        else:
            with open(out, "wb") as f:
                f.write(data)
            if mode == b"100755":
                os.chmod(out, 0o755)
    p.wait()
    return len(entries), missing


def prepare(app, work, mirror):
    """The tree of app["repo"] at app["commit"] under work/app["name"],
    laid out once and reused while its stamp names the same commit."""
    dest = os.path.join(work, app["name"])
    stamp = os.path.join(dest, STAMP)
    if os.path.isfile(stamp) and open(stamp).read().strip() == app["commit"]:
        return dest
    gitdir = find_mirror(mirror, app["repo"], app["commit"]) or clone(work, app["repo"], app["commit"])
    if gitdir is None:
        print("  cannot get %s at %s: no local mirror under %s holds it and `git clone "
              "https://github.com/%s` failed (no network?). Fetch it into the mirror "
              "directory, or pass --mirror." % (app["repo"], app["commit"], mirror, app["repo"]),
              file=sys.stderr)
        return None
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(dest)
    n, missing = layout(gitdir, app["commit"], dest)
    print("  laid out %s@%s: %d files%s" % (app["repo"], app["commit"][:12], n,
          " (%d large blobs absent from the mirror)" % missing if missing else ""), file=sys.stderr)
    with open(stamp, "w") as f:
        f.write(app["commit"] + "\n")
    return dest
