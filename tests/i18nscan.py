# SPDX-License-Identifier: GPL-3.0-or-later
"""What the data and translation checks (tests/check-*.py) share.

For check-potfiles.py and check-translatable.py: a small C tokenizer
(enough to tell code from comments and string literals, and to split call
arguments) and a GtkBuilder walker; they read the tree as text and never
build or run anything. For every check: the argument reader and the TAP
printer.
"""

import os
import re
import sys
import xml.etree.ElementTree as ET

# Calls that mark a string for translation (GLib's and gettext's own).
GETTEXT_CALLS = frozenset({
    '_', 'N_', 'C_', 'NC_', 'Q_',
    'gettext', 'dgettext', 'dcgettext', 'ngettext', 'dngettext', 'pgettext',
    'g_dgettext', 'g_dcgettext', 'g_dngettext', 'g_dpgettext', 'g_dpgettext2',
    'g_strip_context',
})

# The marker that says "this literal is not text for people", e.g. a key.
OPT_OUT = 'no-i18n'

_TOKEN_RE = re.compile(r'''
    (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<string>(?:u8|u|U|L)?"(?:\\.|[^"\\\n])*")
  | (?P<char>(?:u8|u|U|L)?'(?:\\.|[^'\\\n])+')
  | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<number>\.?[0-9](?:[eEpP][+-]|[A-Za-z0-9_.])*)
  | (?P<ws>\s+)
  | (?P<punct>->|.)
''', re.S | re.X)


class Token:
    __slots__ = ('kind', 'text', 'line')

    def __init__(self, kind, text, line):
        self.kind = kind
        self.text = text
        self.line = line

    def __repr__(self):
        return f'Token({self.kind}, {self.text!r}, {self.line})'


def tokenize(source):
    """Returns (tokens without comments or blanks, lines that opt out)."""
    tokens = []
    opt_out_lines = set()
    line = 1
    for m in _TOKEN_RE.finditer(source):
        kind = m.lastgroup
        text = m.group()
        if kind == 'comment':
            if OPT_OUT in text:
                opt_out_lines.update(range(line, line + text.count('\n') + 1))
        elif kind != 'ws':
            tokens.append(Token(kind, text, line))
        line += text.count('\n')
    return tokens, opt_out_lines


def marks_translation(tokens):
    """True when the code calls one of the gettext functions."""
    return any(t.kind == 'ident' and t.text in GETTEXT_CALLS
               and i + 1 < len(tokens) and tokens[i + 1].text == '('
               for i, t in enumerate(tokens))


def call_arguments(tokens, open_index):
    """Splits the arguments of the call whose '(' is tokens[open_index].

    Returns (a list of token lists, the index after the closing ')'), or
    (None, len(tokens)) when the parentheses never close.
    """
    args = [[]]
    depth = 0
    for i in range(open_index, len(tokens)):
        text = tokens[i].text
        if text in '([{' and tokens[i].kind == 'punct':
            depth += 1
            if depth == 1:
                continue
        elif text in ')]}' and tokens[i].kind == 'punct':
            depth -= 1
            if depth == 0:
                return (args if args != [[]] else []), i + 1
        elif text == ',' and depth == 1:
            args.append([])
            continue
        args[-1].append(tokens[i])
    return None, len(tokens)


def unmarked_literals(arg, exempt_calls=()):
    """The string literals of one argument that no gettext call encloses.

    A literal inside one of exempt_calls (lookups by key and the like) is
    not text for people and is left alone.
    """
    found = []
    stack = []          # for each open parenthesis: the call it belongs to
    previous = None
    for t in arg:
        if t.kind == 'punct' and t.text == '(':
            name = previous.text if previous is not None and previous.kind == 'ident' else ''
            stack.append(name)
        elif t.kind == 'punct' and t.text == ')':
            if stack:
                stack.pop()
        elif t.kind == 'string':
            inside = set(stack)
            if not inside & GETTEXT_CALLS and not any(
                    re.fullmatch(p, name) for p in exempt_calls for name in inside):
                found.append(t)
        previous = t
    return found


_ESCAPE_RE = re.compile(r'\\(?:x[0-9a-fA-F]+|[0-7]{1,3}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)', re.S)
_FORMAT_RE = re.compile(r"%(?:\d+\$)?[-+ #0'I]*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
                        r'(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspnm%]')
_MARKUP_RE = re.compile(r'<[^<>]*>|&#?\w+;')
_LETTER_RE = re.compile(r'[^\W\d_]')


def has_words(text, c_literal=False):
    """True when text has a letter once escapes, formats and markup are gone.

    "%s", "\\n", "<b>%d</b>" and "—" carry nothing to translate.
    """
    if c_literal:
        text = text[text.index('"') + 1:-1]
        text = _ESCAPE_RE.sub(' ', text)
        text = _FORMAT_RE.sub(' ', text)
    text = _MARKUP_RE.sub(' ', text)
    return _LETTER_RE.search(text) is not None


def builder_elements(path):
    """Every element of a GtkBuilder file, or raises ValueError if unreadable."""
    try:
        return list(ET.parse(path).getroot().iter())
    except (ET.ParseError, OSError) as e:
        raise ValueError(f'{path}: cannot be read as XML: {e}') from e


def source_files(root, subdir, suffixes):
    """Files below root/subdir ending in one of suffixes, relative to root, sorted."""
    found = []
    for base, dirs, files in os.walk(os.path.join(root, subdir)):
        dirs[:] = sorted(d for d in dirs if not d.startswith('.'))
        for name in files:
            if name.endswith(suffixes):
                found.append(os.path.relpath(os.path.join(base, name), root))
    return sorted(found)


def read_text(root, relpath):
    with open(os.path.join(root, relpath), encoding='utf-8') as f:
        return f.read()


def arguments(argv, *names):
    """argv's arguments if there are as many as names, else None after usage."""
    if len(argv) != len(names) + 1:
        print(f'usage: {argv[0]} {" ".join(names)}', file=sys.stderr)
        return None
    return argv[1:]


class Tap:
    """Prints a TAP stream; exit() returns 1 if anything failed."""

    def __init__(self):
        self.results = []

    def check(self, description, problems):
        self.results.append((description, list(problems)))

    def exit(self):
        print(f'1..{len(self.results)}')
        failed = False
        for n, (description, problems) in enumerate(self.results, 1):
            print(f'{"not ok" if problems else "ok"} {n} - {description}')
            for problem in problems:
                print(f'# {problem}')
                # Also on stderr, which `meson test --print-errorlogs` shows.
                print(f'{description}: {problem}', file=sys.stderr)
            failed = failed or bool(problems)
        sys.stdout.flush()
        return 1 if failed else 0
