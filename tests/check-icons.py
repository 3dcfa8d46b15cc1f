#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the two app icons: named after the app id, drawn on the right
grid, and the symbolic one in the single colour GTK recolours.

Usage: check-icons.py ICONS_DIR APP_ID. Prints TAP; the first test feeds
the checks broken icons so that they are seen to fail.
"""

import os
import re
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import i18nscan  # noqa: E402

SYMBOLIC_COLOUR = '#2e3436'
_COLOUR_RE = re.compile(r'(?:fill|stroke|stop-color|color)\s*[:=]\s*"?([^;"\s]+)')
# Things that would not render the same everywhere or that GTK's symbolic
# recolouring ignores.
_FORBIDDEN_TAGS = ('image', 'text', 'script', 'foreignObject')


def _local(tag):
    return tag.rsplit('}', 1)[-1]


def check_svg(text, size, symbolic):
    """Problems with one icon's SVG source."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        return [f'not valid XML: {e}']
    problems = []
    if _local(root.tag) != 'svg':
        problems.append('the root element is not <svg>')
    if root.get('viewBox', '').split() != ['0', '0', str(size), str(size)]:
        problems.append(f'the viewBox is {root.get("viewBox")!r}, not "0 0 {size} {size}"')
    for e in root.iter():
        if _local(e.tag) in _FORBIDDEN_TAGS:
            problems.append(f'uses <{_local(e.tag)}>')
        for attr, value in e.attrib.items():
            if _local(attr) == 'href' and not value.startswith('#'):
                problems.append(f'refers to an outside file: {value}')
    if symbolic:
        colours = {c.lower() for c in _COLOUR_RE.findall(text)}
        colours -= {SYMBOLIC_COLOUR, 'none'}
        if colours:
            problems.append(f'colours other than {SYMBOLIC_COLOUR}: {sorted(colours)}')
        if 'stroke=' in text or 'stroke:' in text:
            problems.append('uses strokes; symbolic icons are drawn with fills only')
    return problems


def icon_paths(icons_dir, app_id):
    return {
        'scalable': (os.path.join(icons_dir, 'hicolor', 'scalable', 'apps', app_id + '.svg'),
                     128, False),
        'symbolic': (os.path.join(icons_dir, 'hicolor', 'symbolic', 'apps',
                                  app_id + '-symbolic.svg'), 16, True),
    }


def self_test(tap):
    good = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">'
            '<path fill="#2e3436" d="M 0 0 L 16 16 Z"/></svg>')
    samples = {
        'wrong grid': (good.replace('0 0 16 16', '0 0 24 24'), 16, True),
        'a second colour': (good.replace('#2e3436', '#ff0000'), 16, True),
        'a stroke': (good.replace('fill="#2e3436"', 'stroke="#2e3436"'), 16, True),
        'an embedded bitmap': (good.replace('<path', '<image href="photo.png"/><path'),
                               16, True),
        'broken XML': (good[:-6], 16, True),
    }
    missed = [f'not caught: {what}' for what, (text, size, symbolic) in samples.items()
              if not check_svg(text, size, symbolic)]
    if check_svg(good, 16, True):
        missed.append(f'a correct symbolic icon was refused: {check_svg(good, 16, True)}')
    tap.check('self-test: broken icons are caught', missed)


def main(argv):
    args = i18nscan.arguments(argv, 'ICONS_DIR', 'APP_ID')
    if args is None:
        return 2
    tap = i18nscan.Tap()
    self_test(tap)
    for kind, (path, size, symbolic) in icon_paths(*args).items():
        try:
            with open(path, encoding='utf-8') as f:
                problems = check_svg(f.read(), size, symbolic)
        except OSError as e:
            problems = [str(e)]
        tap.check(f'the {kind} icon {os.path.basename(path)} is a {size}×{size} SVG'
                  + (f' in {SYMBOLIC_COLOUR} only' if symbolic else ''),
                  [f'{os.path.basename(path)}: {p}' for p in problems])
    return tap.exit()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
