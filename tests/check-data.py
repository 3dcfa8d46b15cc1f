#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validates the built desktop file and AppStream metainfo.

  - desktop-file-validate reports no error and no warning;
  - appstreamcli validate --no-net reports no error, no warning and no
    hint beyond those known to come from an older AppStream;
  - the launcher starts id-preflight with the app's icon, and carries the
    translations from po/;
  - the metainfo names the app, links only to the project, states that the
    app works offline, lists the screenshots the widget tests take,
    and has a release for the project's version.

Usage: check-data.py DESKTOP_FILE_VALIDATE APPSTREAMCLI DESKTOP METAINFO
       APP_ID VERSION SOURCE_ROOT
Prints TAP; the first test feeds the validators broken copies so that they
are seen to fail.
"""

import configparser
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import i18nscan  # noqa: E402

PROJECT_URL = 'https://github.com/idpreflight/id-preflight'
SCREENSHOT_URL = ('https://raw.githubusercontent.com/idpreflight/id-preflight/main/'
                  'data/screenshots/{}.png')
SCREENSHOTS = ['start', 'photo-result', 'details', 'selfie', 'safety', 'summary-findings']

# AppStream 0.16 (Debian 12) does not know <developer>, which AppStream 1.0
# introduced to replace <developer_name>; it says so as a mere hint.
KNOWN_HINTS = {'unknown-tag developer'}


def run(args):
    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
    result = subprocess.run(args, capture_output=True, text=True, env=env)
    return result.returncode, result.stdout + result.stderr


def validate_desktop(tool, path):
    code, output = run([tool, path])
    problems = [line for line in output.splitlines() if 'error:' in line or 'warning:' in line]
    if code != 0 and not problems:
        problems.append(f'desktop-file-validate exited with {code}')
    return problems


def validate_metainfo(tool, path):
    code, output = run([tool, 'validate', '--no-net', '--pedantic', path])
    problems = []
    for line in output.splitlines():
        m = re.match(r'([EWIP]): [^:]+:(?:\d+:)? ?(\S+(?: \S+)?)', line)
        if not m:
            continue
        severity, tag = m.groups()
        if severity in 'EW' or (severity == 'I' and tag not in KNOWN_HINTS):
            problems.append(line.strip())
    if code != 0 and not problems:
        problems.append(f'appstreamcli exited with {code}: {output.strip()}')
    return problems


def check_desktop(path, app_id, langs):
    entry = configparser.RawConfigParser(interpolation=None, strict=True)
    entry.optionxform = str
    try:
        entry.read(path, encoding='utf-8')
        e = entry['Desktop Entry']
    except (configparser.Error, KeyError) as err:
        return [f'cannot read [Desktop Entry]: {err}']
    problems = []
    if e.get('Exec', '').split()[:1] != ['id-preflight']:
        problems.append(f'Exec is {e.get("Exec")!r}, not id-preflight')
    if e.get('Icon') != app_id:
        problems.append(f'Icon is {e.get("Icon")!r}, not {app_id}')
    if e.get('StartupNotify') != 'true':
        problems.append('StartupNotify is not true')
    for key in ('Categories', 'Keywords'):
        if not e.get(key, '').endswith(';'):
            problems.append(f'{key} is missing or does not end in ";"')
    for lang in langs:
        for key in ('Comment', 'Keywords'):
            if f'{key}[{lang}]' not in e:
                problems.append(f'{key}[{lang}] is missing: the translation was not merged')
    return problems


def check_metainfo(path, app_id, version):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as err:
        return [f'not valid XML: {err}']
    problems = []

    def text(xpath):
        found = root.find(xpath)
        return found.text.strip() if found is not None and found.text else None

    if text('id') != app_id:
        problems.append(f'<id> is {text("id")!r}')
    if text('name') != 'ID Preflight':
        problems.append(f'<name> is {text("name")!r}')
    if text("launchable[@type='desktop-id']") != app_id + '.desktop':
        problems.append('<launchable> does not name the desktop file')
    if text('project_license') != 'GPL-3.0-or-later' or text('metadata_license') != 'CC0-1.0':
        problems.append('the licences are not GPL-3.0-or-later and CC0-1.0')
    if text('developer/name') is None:
        problems.append('no <developer><name>')
    rating = root.find('content_rating')
    if rating is None or rating.get('type') != 'oars-1.1':
        problems.append('no oars-1.1 <content_rating>')
    if text('supports/internet') != 'offline-only':
        problems.append('does not state <internet>offline-only</internet>')
    for url in root.iter('url'):
        if not (url.text or '').startswith(PROJECT_URL):
            problems.append(f'<url> to somewhere other than the project: {url.text}')
    shots = [i.text for i in root.iter('image')]
    wanted = [SCREENSHOT_URL.format(name) for name in SCREENSHOTS]
    if shots != wanted:
        problems.append(f'the screenshots are {shots}, not {wanted}')
    releases = [r.get('version') for r in root.iter('release')]
    if version not in releases:
        problems.append(f'no <release> for version {version} (found {releases})')
    return problems


def self_test(tap, desktop_tool, appstream_tool, desktop, metainfo):
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        with open(metainfo, encoding='utf-8') as f:
            good = f.read()
        broken = re.sub(r'<summary>.*?</summary>', '', good, count=1)
        broken = broken.replace('date="', 'date="2026-13-45" x-date="', 1)
        path = os.path.join(tmp, os.path.basename(metainfo))
        with open(path, 'w', encoding='utf-8') as f:
            f.write(broken)
        if not validate_metainfo(appstream_tool, path):
            problems.append('appstreamcli accepted a metainfo file without a summary')

        with open(desktop, encoding='utf-8') as f:
            good = f.read()
        path = os.path.join(tmp, os.path.basename(desktop))
        with open(path, 'w', encoding='utf-8') as f:
            f.write(re.sub(r'^Type=.*$', 'Type=Nonsense', good, flags=re.M))
        if not validate_desktop(desktop_tool, path):
            problems.append('desktop-file-validate accepted Type=Nonsense')
    tap.check('self-test: broken copies are refused by the validators', problems)


def main(argv):
    args = i18nscan.arguments(argv, 'DESKTOP_FILE_VALIDATE', 'APPSTREAMCLI', 'DESKTOP',
                              'METAINFO', 'APP_ID', 'VERSION', 'SOURCE_ROOT')
    if args is None:
        return 2
    desktop_tool, appstream_tool, desktop, metainfo, app_id, version, root = args
    langs = []
    with open(os.path.join(root, 'po', 'LINGUAS'), encoding='utf-8') as f:
        for line in f:
            langs += line.split('#', 1)[0].split()
    tap = i18nscan.Tap()
    self_test(tap, desktop_tool, appstream_tool, desktop, metainfo)
    tap.check('desktop-file-validate accepts the desktop file',
              validate_desktop(desktop_tool, desktop))
    tap.check('the desktop file starts the app, with its icon and translations',
              check_desktop(desktop, app_id, langs))
    tap.check('appstreamcli validate --no-net accepts the metainfo',
              validate_metainfo(appstream_tool, metainfo))
    tap.check('the metainfo describes the app, offline, with its screenshots and release',
              check_metainfo(metainfo, app_id, version))
    return tap.exit()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
