#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a translation in po/ does not compile or is not complete.

A fresh template is extracted from the files in po/POTFILES.in with the
same xgettext options as meson's "glib" preset (never from a checked-in
.pot, which could be stale). Each language in po/LINGUAS must then:
  - compile with `msgfmt --check` (formats, headers, plural forms);
  - once merged with the fresh template, have no untranslated and no fuzzy
    message, i.e. every string the app shows today is translated.

Usage: check-po.py SOURCE_ROOT. Prints TAP; the first test feeds the checks
a broken and an incomplete sample so that they are seen to fail.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import i18nscan  # noqa: E402

# meson's i18n.gettext(preset: 'glib') options, so that the check sees
# exactly the strings that `meson compile id-preflight-pot` extracts.
XGETTEXT_GLIB_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format', '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]

_STATS_RE = re.compile(r'(\d+) (translated|fuzzy|untranslated) (?:message|translation)')


def run(args, **kwargs):
    """Runs a tool with the C locale so that its messages can be parsed."""
    env = dict(os.environ, LC_ALL='C', LANGUAGE='')
    return subprocess.run(args, capture_output=True, text=True, env=env, **kwargs)


def read_linguas(po_dir):
    langs = []
    with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0]
            langs += line.split()
    return langs


def make_pot(root, out_dir):
    """Extracts the strings; returns (pot path, problems)."""
    pot = os.path.join(out_dir, 'fresh.pot')
    result = run(['xgettext', '--package-name=id-preflight', '-f',
                  os.path.join(root, 'po', 'POTFILES.in'), '-D', root, '-o', pot]
                 + XGETTEXT_GLIB_ARGS)
    if result.returncode != 0:
        return None, [f'xgettext failed: {line}' for line in result.stderr.splitlines()]
    return pot, []


def statistics(po_file):
    """Counts of (translated, fuzzy, untranslated), or a problem string."""
    result = run(['msgfmt', '--statistics', '-o', os.devnull, po_file])
    counts = {'translated': 0, 'fuzzy': 0, 'untranslated': 0}
    if result.returncode != 0:
        return None, result.stderr.strip()
    for number, kind in _STATS_RE.findall(result.stderr):
        counts[kind] = int(number)
    return counts, None


def check_language(po_file, pot, work_dir):
    """Returns (compile problems, completeness problems) for one .po file."""
    name = os.path.basename(po_file)
    if not os.path.isfile(po_file):
        problem = [f'{name} is in LINGUAS but does not exist']
        return problem, problem
    result = run(['msgfmt', '--check', '-o', os.devnull, po_file])
    compiled = []
    if result.returncode != 0:
        compiled = [f'{name}: {line}' for line in result.stderr.splitlines()]
        compiled = compiled or [f'{name}: msgfmt --check failed']
    merged = os.path.join(work_dir, 'merged-' + name)
    result = run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged, po_file, pot])
    if result.returncode != 0:
        return compiled, [f'{name}: msgmerge failed: {result.stderr.strip()}']
    counts, error = statistics(merged)
    if error:
        return compiled, [f'{name}: {error}']
    complete = []
    if counts['untranslated'] or counts['fuzzy']:
        complete.append(f'{name}: {counts["translated"]} translated, {counts["fuzzy"]} fuzzy, '
                        f'{counts["untranslated"]} untranslated; run `meson compile -C BUILD '
                        'id-preflight-update-po` and translate the rest')
        complete += [f'  {line}' for line in untranslated_ids(merged)[:20]]
    return compiled, complete


def untranslated_ids(po_file):
    """The msgids still to translate, to say which in the log."""
    result = run(['msgattrib', '--untranslated', '--no-obsolete', po_file])
    fuzzy = run(['msgattrib', '--only-fuzzy', '--no-obsolete', po_file])
    ids = []
    for quoted in re.findall(r'^msgid ((?:".*"\n)+)', result.stdout + fuzzy.stdout, re.M):
        text = ''.join(re.findall(r'^"(.*)"$', quoted, re.M))
        if text:
            ids.append(text)
    return ids


SAMPLE_POT = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Passport"
msgstr ""

#, c-format
msgid "You are under the minimum age of %d"
msgstr ""
'''
SAMPLE_PO_HEADER = '''msgid ""
msgstr ""
"Language: de\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

'''


def self_test(tap):
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'sample.pot')
        with open(pot, 'w', encoding='utf-8') as f:
            f.write(SAMPLE_POT)
        samples = {
            # A format the translation drops: msgfmt --check must refuse it.
            'broken.po': SAMPLE_PO_HEADER + 'msgid "Passport"\nmsgstr "Reisepass"\n\n'
                         '#, c-format\nmsgid "You are under the minimum age of %d"\n'
                         'msgstr "Sie sind zu jung"\n',
            # One string missing, so not complete.
            'partial.po': SAMPLE_PO_HEADER + 'msgid "Passport"\nmsgstr "Reisepass"\n',
            'good.po': SAMPLE_PO_HEADER + 'msgid "Passport"\nmsgstr "Reisepass"\n\n'
                       '#, c-format\nmsgid "You are under the minimum age of %d"\n'
                       'msgstr "Sie sind jünger als das Mindestalter von %d Jahren"\n',
        }
        results = {}
        for name, text in samples.items():
            path = os.path.join(tmp, name)
            with open(path, 'w', encoding='utf-8') as f:
                f.write(text)
            results[name] = check_language(path, pot, tmp)
        problems = []
        if not results['broken.po'][0]:
            problems.append('a .po file with a broken format compiled without complaint')
        if not results['partial.po'][1]:
            problems.append('a .po file with an untranslated message counted as complete')
        if results['good.po'][0] or results['good.po'][1]:
            problems.append(f'a complete, correct .po file was refused: {results["good.po"]}')
        tap.check('self-test: broken and incomplete translations are caught', problems)


def main(argv):
    args = i18nscan.arguments(argv, 'SOURCE_ROOT')
    if args is None:
        return 2
    root = args[0]
    tap = i18nscan.Tap()
    missing_tools = [t for t in ('xgettext', 'msgfmt', 'msgmerge', 'msgattrib')
                     if shutil.which(t) is None]
    if missing_tools:
        tap.check('the gettext tools are installed', [f'missing: {t}' for t in missing_tools])
        return tap.exit()
    self_test(tap)
    po_dir = os.path.join(root, 'po')
    langs = read_linguas(po_dir)
    tap.check('po/LINGUAS names at least one translation',
              [] if langs else ['po/LINGUAS is empty'])
    with tempfile.TemporaryDirectory() as tmp:
        pot, problems = make_pot(root, tmp)
        tap.check('the strings in po/POTFILES.in can be extracted', problems)
        if pot is None:
            return tap.exit()
        for lang in langs:
            compiled, complete = check_language(os.path.join(po_dir, lang + '.po'), pot, tmp)
            tap.check(f'{lang}.po compiles with msgfmt --check', compiled)
            tap.check(f'{lang}.po translates every current string', complete)
    return tap.exit()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
