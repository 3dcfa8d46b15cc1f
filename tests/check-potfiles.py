#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when po/POTFILES.in and the files with translatable strings differ.

A file under src/ with a gettext call (_(), N_(), C_(), ngettext() ...) or
a .ui file with translatable="yes", and the data files that carry text
(.desktop.in, .metainfo.xml.in, .gschema.xml), must be listed; every listed
file must exist, and none twice. A listed file with no strings is allowed.

Usage: check-potfiles.py SOURCE_ROOT. Prints TAP; the first tests feed the
checker a small broken tree so that it is seen to fail.
"""

import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import i18nscan  # noqa: E402

DATA_SUFFIXES = ('.desktop.in', '.metainfo.xml.in', '.gschema.xml')


def read_potfiles(root):
    """The entries of po/POTFILES.in, in order, without comments."""
    entries = []
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line.startswith('['):
                # "[type: gettext/glade] file.ui" names the file after the bracket.
                line = line.partition(']')[2].strip()
            if line and not line.startswith('#'):
                entries.append(line)
    return entries


def translatable_files(root):
    """Files that hold translatable strings, relative to root."""
    found = []
    for relpath in i18nscan.source_files(root, 'src', ('.c', '.h')):
        tokens, _ = i18nscan.tokenize(i18nscan.read_text(root, relpath))
        if i18nscan.marks_translation(tokens):
            found.append(relpath)
    for relpath in i18nscan.source_files(root, 'src', ('.ui',)):
        try:
            elements = i18nscan.builder_elements(os.path.join(root, relpath))
        except ValueError:
            # Unreadable XML is reported by check-translatable.py; here it
            # counts as holding strings so that it is listed all the same.
            elements = None
        if elements is None or any(e.get('translatable') == 'yes' for e in elements):
            found.append(relpath)
    found += i18nscan.source_files(root, 'data', DATA_SUFFIXES)
    return sorted(found)


def check_tree(root):
    """Returns (missing from the list, listed but absent, listed twice)."""
    entries = read_potfiles(root)
    listed = set(entries)
    missing = [f'{p} has translatable strings but is not in po/POTFILES.in'
               for p in translatable_files(root) if p not in listed]
    absent = [f'po/POTFILES.in lists {p}, which does not exist'
              for p in entries if not os.path.isfile(os.path.join(root, p))]
    twice = sorted({f'po/POTFILES.in lists {p} more than once'
                    for p in entries if entries.count(p) > 1})
    return missing, absent, twice


def self_test(tap):
    with tempfile.TemporaryDirectory() as tmp:
        for d in ('po', 'src/core', 'src/ui', 'data'):
            os.makedirs(os.path.join(tmp, d))
        samples = {
            'src/core/listed.c': 'const char *s = N_("Passport");\n',
            'src/core/unlisted.c': 'g_set_error (e, D, 1, _("Cannot read it"));\n',
            'src/core/plural.c': 'char *s = g_strdup_printf (ngettext ("%d day", "%d days", n), n);\n',
            'src/core/comment-only.c': '/* Strings go through _() */\nint x = 1;\n',
            'src/core/identifier.c': 'int check_ (int a_);\nint y = check_ (2);\n',
            'src/ui/page.ui': '<interface><object class="GtkLabel"><property name="label" '
                              'translatable="yes">Start</property></object></interface>\n',
            'src/ui/plain.ui': '<interface><object class="GtkImage"><property '
                               'name="icon-name">go-next-symbolic</property></object></interface>\n',
            'data/app.desktop.in': '[Desktop Entry]\nName=App\n',
            'po/POTFILES.in': '# comment\nsrc/core/listed.c\nsrc/core/gone.c\n'
                              'src/core/listed.c\n',
        }
        for name, text in samples.items():
            with open(os.path.join(tmp, name), 'w', encoding='utf-8') as f:
                f.write(text)
        missing, absent, twice = check_tree(tmp)
        expected_missing = ['src/core/plural.c', 'src/core/unlisted.c', 'src/ui/page.ui',
                            'data/app.desktop.in']
        problems = []
        for p in expected_missing:
            if not any(m.startswith(p + ' ') for m in missing):
                problems.append(f'not reported as missing: {p}')
        for p in ('src/core/comment-only.c', 'src/core/identifier.c', 'src/ui/plain.ui',
                  'src/core/listed.c'):
            if any(m.startswith(p + ' ') for m in missing):
                problems.append(f'wrongly reported as missing: {p}')
        if not any('src/core/gone.c' in a for a in absent):
            problems.append('a listed file that does not exist went unnoticed')
        if not any('src/core/listed.c' in t for t in twice):
            problems.append('a file listed twice went unnoticed')
        tap.check('self-test: a broken POTFILES.in is caught, and only what is wrong', problems)


def main(argv):
    args = i18nscan.arguments(argv, 'SOURCE_ROOT')
    if args is None:
        return 2
    tap = i18nscan.Tap()
    self_test(tap)
    missing, absent, twice = check_tree(args[0])
    tap.check('every file with translatable strings is in po/POTFILES.in', missing)
    tap.check('every file in po/POTFILES.in exists', absent)
    tap.check('no file is listed twice in po/POTFILES.in', twice)
    return tap.exit()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
