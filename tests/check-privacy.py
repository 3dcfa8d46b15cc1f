#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Privacy, proven rather than promised (TAP).

The command-line companion, on generated document photos, and the app, on
a whole scripted wizard run with the demo document and no export
(check-privacy-walk), are run:

- without a network (`unshare -n`): they must still work;
- under `strace -f`: no socket but AF_UNIX may be opened, and no file may
  be created, written, renamed, linked or removed outside the places GTK
  and GSettings themselves use: the cache (fontconfig, Mesa, the GStreamer
  registry) and GSettings' dconf database. Everything else, including the
  home folder, the temporary folder and the data folder (where GTK keeps
  its list of recent files), is out of bounds.

Each run gets a fresh, empty home, so nothing from the machine is counted.
A self-test first shows that the trace parser does catch a socket and a
written file.

usage: check-privacy.py CLI WALK MAKE-SPECIMEN
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

CLI, WALK, MAKE_SPECIMEN = (os.path.abspath(arg) for arg in sys.argv[1:4])
STRACE = shutil.which("strace")
SYSCALLS = ",".join([
    "socket", "connect", "bind", "sendto", "sendmsg",
    "open", "openat", "openat2", "creat", "truncate",
    "rename", "renameat", "renameat2", "link", "linkat", "symlink", "symlinkat",
    "mkdir", "mkdirat", "unlink", "unlinkat", "rmdir",
])
WRITE_FLAGS = ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND")
CHANGES = {"creat", "truncate", "rename", "renameat", "renameat2", "link", "linkat",
           "symlink", "symlinkat", "mkdir", "mkdirat", "unlink", "unlinkat", "rmdir"}

n_test = 0
failed = 0


def ok(passed, name, detail=""):
    global n_test, failed
    n_test += 1
    if not passed:
        failed += 1
    print(f"{'ok' if passed else 'not ok'} {n_test} - {name}")
    for line in detail.splitlines():
        print(f"# {line}")


def skip(name, reason):
    global n_test
    n_test += 1
    print(f"ok {n_test} - {name} # SKIP {reason}")


class Home:
    """A fresh home with the XDG folders in it."""

    def __init__(self):
        self.root = tempfile.mkdtemp(prefix="pf-privacy-")
        self.env = dict(os.environ)
        for name, sub in [("HOME", "home"), ("XDG_CACHE_HOME", "home/.cache"),
                          ("XDG_CONFIG_HOME", "home/.config"), ("XDG_DATA_HOME", "home/.local/share"),
                          ("XDG_STATE_HOME", "home/.local/state"), ("XDG_RUNTIME_DIR", "run"),
                          ("TMPDIR", "tmp")]:
            path = os.path.join(self.root, sub)
            os.makedirs(path, mode=0o700, exist_ok=True)
            self.env[name] = path
        # LeakSanitizer stops the world with ptrace, which it cannot do
        # under strace (build-aux/sanitize.sh); leaks are its tests' job.
        asan = self.env.get("ASAN_OPTIONS")
        self.env["ASAN_OPTIONS"] = (asan + ":" if asan else "") + "detect_leaks=0"
        self.cwd = os.path.join(self.root, "work")
        os.makedirs(self.cwd)
        # Where GTK and GSettings write by design.
        self.allowed = [self.env["XDG_CACHE_HOME"] + "/",
                        os.path.join(self.env["XDG_CONFIG_HOME"], "dconf") + "/",
                        os.path.join(self.env["XDG_RUNTIME_DIR"], "dconf") + "/",
                        "/dev/"]

    def remove(self):
        shutil.rmtree(self.root, ignore_errors=True)


def join_unfinished(lines):
    """strace -f splits a syscall that another thread interrupts into
    '... <unfinished ...>' and '<... name resumed> ...'; join them."""
    pending = {}
    for line in lines:
        m = re.match(r"^(\d+)\s+(.*)$", line)
        pid, text = (m.group(1), m.group(2)) if m else ("0", line)
        if text.endswith("<unfinished ...>"):
            pending[pid] = text[: -len("<unfinished ...>")]
            continue
        r = re.match(r"^<\.\.\. \w+ resumed>(.*)$", text)
        if r and pid in pending:
            text = pending.pop(pid) + r.group(1)
        yield text


def decode_path(argument, cwd):
    """A path argument as strace -y prints it, made absolute."""
    m = re.match(r'^"((?:[^"\\]|\\.)*)"', argument)
    if not m:
        return None
    path = m.group(1).encode().decode("unicode_escape")
    return path if path.startswith("/") else os.path.join(cwd, path)


def parse(log, cwd):
    """Returns (sockets other than AF_UNIX, paths changed, files opened)
    from a trace."""
    bad_sockets = []
    changed = []
    n_opened = 0
    with open(log, errors="replace") as f:
        for text in join_unfinished(f.read().splitlines()):
            m = re.match(r"^(\w+)\((.*)\)\s+=\s+(-?\d+)", text)
            if not m:
                continue
            name, args, result = m.group(1), m.group(2), int(m.group(3))
            if result < 0:
                continue
            if name == "socket":
                if not args.startswith("AF_UNIX") and not args.startswith("AF_LOCAL"):
                    bad_sockets.append(text)
                continue
            if name in ("connect", "bind", "sendto", "sendmsg"):
                if re.search(r"sa_family=AF_(INET|INET6|PACKET|NETLINK)", args):
                    bad_sockets.append(text)
                continue
            # The directory a relative path is in, as strace -y shows it.
            base = cwd
            d = re.match(r"^(?:AT_FDCWD(?:<([^>]*)>)?|\d+<([^>]*)>),\s*(.*)$", args)
            if d:
                base = d.group(1) or d.group(2) or cwd
                args = d.group(3)
            if name in ("open", "openat", "openat2"):
                n_opened += 1
                if not any(flag in args for flag in WRITE_FLAGS):
                    continue
            elif name not in CHANGES:
                continue
            path = decode_path(args, base)
            if path is not None:
                changed.append((name, path))
    return bad_sockets, changed, n_opened


def outside(home, changed):
    return sorted({f"{name} {path}" for name, path in changed
                   if not any(path.startswith(prefix) for prefix in home.allowed)})


def traced(home, command, no_network):
    """Runs @command under strace (and without a network when asked);
    returns (the run, bad sockets, paths changed outside, changes in all).
    A run that failed or left no trace proves nothing: then the sockets
    are None."""
    log = os.path.join(home.root, "trace")
    argv = [STRACE, "-f", "-qq", "-y", "-s", "4096", "-e", "trace=" + SYSCALLS,
            "-e", "signal=none", "-o", log] + command
    if no_network:
        argv = UNSHARE + argv
    run = subprocess.run(argv, env=home.env, cwd=home.cwd, capture_output=True, text=True,
                         timeout=600)
    sockets, changed, n_opened = parse(log, home.cwd)
    if run.returncode not in (0, 1) or n_opened == 0:
        return run, None, None, 0
    for name, path in sorted(set(changed)):
        shown = "~" + path[len(home.root) + 5:] if path.startswith(home.root + "/home") else path
        print(f"# changed: {name} {shown}")
    return run, sockets, outside(home, changed), len(changed)


def find_unshare():
    for argv in (["unshare", "-n"], ["unshare", "-r", "-n"]):
        try:
            if subprocess.run(argv + ["true"], capture_output=True).returncode == 0:
                return argv
        except FileNotFoundError:
            return None
    return None


UNSHARE = find_unshare()

print("TAP version 13")

if STRACE is None:
    print("1..0 # SKIP strace is not installed (Debian: strace)")
    sys.exit(0)

# The parser catches what it is meant to catch.
home = Home()
leak = os.path.join(home.root, "home", "leak.txt")
py = ("import socket; s = socket.socket(socket.AF_INET, socket.SOCK_STREAM); "
      f"open({leak!r}, 'w').write('x')")
run, sockets, out, _ = traced(home, ["/usr/bin/python3", "-c", py], False)
ok(run.returncode == 0 and sockets is not None and len(sockets) == 1 and out == [f"openat {leak}"],
   "self-test: the trace shows an AF_INET socket and a written file",
   f"sockets: {sockets}\noutside: {out}\n{run.stderr}")
home.remove()

# Generated documents: a passport (PNG) and an ID card (JPEG).
photos_dir = tempfile.mkdtemp(prefix="pf-privacy-photos-")
photos = []
for layout, ext in (("td3", "png"), ("td1", "jpg")):
    path = os.path.join(photos_dir, f"{layout}.{ext}")
    subprocess.run([MAKE_SPECIMEN, f"--layout={layout}", "--seed=8", "--no-truth",
                    "-o", path], check=True, capture_output=True)
    photos.append(path)

if UNSHARE is None:
    skip("CLI without a network", "unshare -n is not allowed here (needs root or user namespaces)")
else:
    home = Home()
    run = subprocess.run(UNSHARE + [CLI] + photos, env=home.env, cwd=home.cwd,
                         capture_output=True, text=True, timeout=300)
    ok(run.returncode in (0, 1) and run.stdout.count(" pixels") == 2,
       "CLI without a network checks both photos",
       f"exit {run.returncode}\n{run.stderr}")
    home.remove()

home = Home()
run, sockets, out, n_changes = traced(home, [CLI, "--json"] + photos, False)
ok(run.returncode in (0, 1) and '"findings"' in run.stdout, "CLI under strace checks both photos",
   f"exit {run.returncode}\n{run.stderr[-2000:]}")
ok(sockets == [], "CLI opens no socket but AF_UNIX", "\n".join(sockets or []))
ok(out == [], "CLI writes no file outside GTK's and GSettings' places",
   "\n".join(out or []) + f"\n({n_changes} changes in all)")
home.remove()

home = Home()
run, sockets, out, n_changes = traced(home, [WALK], UNSHARE is not None)
where = "without a network, " if UNSHARE is not None else ""
ok(run.returncode == 0, f"the scripted wizard walk with the demo document runs {where}under strace",
   f"exit {run.returncode}\n{run.stdout[-2000:]}\n{run.stderr[-3000:]}")
ok(sockets == [], "the app opens no socket but AF_UNIX", "\n".join(sockets or []))
ok(out == [], "the app writes no file outside GTK's and GSettings' places",
   "\n".join(out or []) + f"\n({n_changes} changes in all, in the cache and dconf)")
home.remove()

shutil.rmtree(photos_dir, ignore_errors=True)
print(f"1..{n_test}")
sys.exit(1 if failed else 0)
