#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest against the app's promises.

  - the app id and the command are the app's;
  - the sandbox has no network, no access to every device and no file
    system access (photos come through the file chooser portal, the camera
    through the camera portal);
  - Tesseract's OpenMP threads are limited to one;
  - every downloaded archive or file is pinned by a SHA-256, every git
    source by a commit, and nothing is fetched over plain http.

Usage: check-flatpak.py MANIFEST APP_ID. Prints TAP; the first test feeds
the checks broken copies of the manifest so that they are seen to fail.
"""

import copy
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import i18nscan  # noqa: E402

SHA256_RE = re.compile(r'[0-9a-f]{64}')
COMMIT_RE = re.compile(r'[0-9a-f]{40}')
FORBIDDEN_ARGS = (
    ('--share=network', 'the app never uses the network'),
    ('--device=all', 'the camera comes through the camera portal'),
    ('--filesystem=', 'photos come through the file chooser portal'),
    ('--socket=session-bus', 'portals need no full session bus'),
    ('--socket=system-bus', 'nothing needs the system bus'),
)


def modules_of(manifest, manifest_dir):
    """Every module, nested ones included; a module in its own file is read."""
    found = []
    pending = list(manifest.get('modules', []))
    while pending:
        module = pending.pop(0)
        if isinstance(module, str):
            with open(os.path.join(manifest_dir, module), encoding='utf-8') as f:
                module = json.load(f)
        found.append(module)
        pending += module.get('modules', [])
    return found


def check_identity(manifest, app_id):
    problems = []
    got = manifest.get('id', manifest.get('app-id'))
    if got != app_id:
        problems.append(f'the app id is {got!r}, not {app_id!r}')
    if manifest.get('command') != 'id-preflight':
        problems.append(f'the command is {manifest.get("command")!r}, not \'id-preflight\'')
    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        problems.append('the runtime is not org.gnome.Platform with org.gnome.Sdk')
    if not re.fullmatch(r'\d+', str(manifest.get('runtime-version', ''))):
        problems.append(f'runtime-version {manifest.get("runtime-version")!r} is not a '
                        'GNOME release number')
    return problems


def check_sandbox(manifest):
    args = manifest.get('finish-args', [])
    problems = [f'finish-args has {arg}: {why}'
                for arg in args for bad, why in FORBIDDEN_ARGS if arg.startswith(bad)]
    if '--env=OMP_THREAD_LIMIT=1' not in args:
        problems.append('finish-args does not set --env=OMP_THREAD_LIMIT=1')
    return problems


def check_sources(modules):
    problems = []
    for module in modules:
        name = module.get('name', '?')
        for source in module.get('sources', []):
            if isinstance(source, str):
                problems.append(f'{name}: source {source} is in a separate file; inline it')
                continue
            kind = source.get('type')
            url = source.get('url', '')
            if url.startswith('http://'):
                problems.append(f'{name}: {url} is fetched over plain http')
            if kind in ('archive', 'file') and 'url' in source:
                if not SHA256_RE.fullmatch(source.get('sha256', '')):
                    problems.append(f'{name}: {url} has no 64-digit sha256')
            elif kind == 'git':
                if not COMMIT_RE.fullmatch(source.get('commit', '')):
                    problems.append(f'{name}: git {url} is not pinned by a commit')
            elif kind == 'dir' and name != 'id-preflight':
                problems.append(f'{name}: a dir source outside the app module')
    return problems


def check_ocr(modules):
    names = {m.get('name') for m in modules}
    problems = [f'no {needed} module' for needed in ('leptonica', 'tesseract')
                if needed not in names]
    data = [s for m in modules for s in m.get('sources', [])
            if isinstance(s, dict) and s.get('url', '').endswith('/eng.traineddata')]
    if not data:
        problems.append('no eng.traineddata file source')
    for source in data:
        if re.search(r'/(?:main|master|HEAD)/', source['url']):
            problems.append(f'{source["url"]} follows a branch, not a fixed tag')
    return problems


def check_manifest(manifest, manifest_dir, app_id):
    modules = modules_of(manifest, manifest_dir)
    return {
        'identity': check_identity(manifest, app_id),
        'sandbox': check_sandbox(manifest),
        'sources': check_sources(modules),
        'ocr': check_ocr(modules),
    }


def self_test(tap, manifest, manifest_dir, app_id):
    def broken(change):
        bad = copy.deepcopy(manifest)
        change(bad)
        return any(check_manifest(bad, manifest_dir, app_id).values())

    def first_source(bad, kind):
        return next(s for m in bad['modules'] if isinstance(m, dict)
                    for s in m.get('sources', []) if s.get('type') == kind)

    mutations = {
        'network': lambda m: m['finish-args'].append('--share=network'),
        'all devices': lambda m: m['finish-args'].append('--device=all'),
        'home folder': lambda m: m['finish-args'].append('--filesystem=home'),
        'no thread limit': lambda m: m['finish-args'].remove('--env=OMP_THREAD_LIMIT=1'),
        'other app id': lambda m: m.update({'id': 'org.example.Other'}),
        'other command': lambda m: m.update({'command': 'sh'}),
        'archive without sha256': lambda m: first_source(m, 'archive').pop('sha256'),
        'short sha256': lambda m: first_source(m, 'file').update({'sha256': 'abc123'}),
        'git without commit': lambda m: first_source(m, 'git').pop('commit'),
        'plain http': lambda m: first_source(m, 'archive').update(
            {'url': 'http://example.org/a.tar.gz'}),
        'OCR data from a branch': lambda m: first_source(m, 'file').update(
            {'url': 'https://github.com/tesseract-ocr/tessdata_fast/raw/main/eng.traineddata'}),
    }
    missed = []
    for what, change in mutations.items():
        try:
            if not broken(change):
                missed.append(f'not caught: {what}')
        except (StopIteration, KeyError, ValueError) as e:
            missed.append(f'cannot make the "{what}" sample from this manifest: {e!r}')
    tap.check('self-test: broken copies of the manifest are caught', missed)


def main(argv):
    args = i18nscan.arguments(argv, 'MANIFEST', 'APP_ID')
    if args is None:
        return 2
    path, app_id = args
    tap = i18nscan.Tap()
    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        tap.check('the manifest is readable JSON', [str(e)])
        return tap.exit()
    manifest_dir = os.path.dirname(os.path.abspath(path))
    self_test(tap, manifest, manifest_dir, app_id)
    results = check_manifest(manifest, manifest_dir, app_id)
    tap.check('the app id, command and runtime are right', results['identity'])
    tap.check('the sandbox has no network, devices or files beyond the portals',
              results['sandbox'])
    tap.check('every download is pinned by a sha256 or a git commit', results['sources'])
    tap.check('leptonica, tesseract and eng.traineddata at a fixed tag are built',
              results['ocr'])
    return tap.exit()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
