#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Walks the whole wizard as a screen reader user would: through AT-SPI.

Starts `id-preflight --demo` on a private Xvfb display with the session's
accessibility bus, and goes from the first step to the summary:

  - the start step: chooses the passport;
  - the photo step: takes the demo document's photo, reads the result and
    keeps the photo ("Use This Photo");
  - the details step: types the surname with one wrong letter;
  - the validity and selfie steps (the demo face): reads their findings;
  - the region step: types a date of birth; the safety step: answers the
    quiz;
  - any other step the wizard has when the test runs: Next (or Skip);
  - the summary: the results; Export, where the file chooser's name entry
    takes a path in a folder of the walk's, and the file written must be a
    PDF (the app's toast says it is saved); and the ticket draft's Copy
    button, whose draft is read back from the clipboard and must not hold
    what was typed.

On each step it asserts that the step is reached (the header's "Step N of
M"), that every button, toggle, entry or list it can see has an accessible
name, and that findings reach screen readers as words (a severity label on
each finding row, the step list's status in each row's description), never
as a colour alone.

Two ways to act, one per run:
  --actions   controls are found by role and name and pressed through the
              AT-SPI Action interface. GTK 4.8 gives check buttons no
              action, so those are focused with Tab and toggled with Space,
              as Orca does.
  --keyboard  the keyboard alone (xdotool under Xvfb): Tab to each control
              until AT-SPI reports the focus on it, Space or Return to press
              it, the photo page's Ctrl+Return to take the photo, Ctrl+Q to
              quit. What is typed is read back from the entry through the
              Text interface: that is where the keys went. Each focus stop
              must have a name.

With --lang LANGUAGE the app runs in that translation (LANGUAGE, and
PF_LOCALEDIR naming the build folder's po/), and the walk looks for every
name and word in the same catalogue: a name that is wrong in a translation
fails as it would in English.

On failure the accessible tree of the window is printed. Every wait polls
with a deadline; nothing sleeps for a fixed time.

Usage: a11y-walk.py [--lang LANGUAGE] --actions|--keyboard ID_PREFLIGHT
Needs python3-pyatspi, at-spi2-core, dbus, xvfb and xdotool (Debian).
Prints TAP.
"""

import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time

# What the walk says and looks for, in the language of the run: each
# message is translated through the catalogue the build compiled
# (BUILD/po/<lang>/LC_MESSAGES, the folder PF_LOCALEDIR names), as the app
# translates it.
TRANSLATION = None


def tr(msgid):
    return TRANSLATION.gettext(msgid) if TRANSLATION is not None else msgid


def plain(msgid):
    """A message as shown on screen: its mnemonic underscore gone (GTK
    reads "_Next" as "Next" and "下一步(_N)" as "下一步(N)")."""
    return re.sub(r'_(.)', r'\1', tr(msgid))


def exact(msgid):
    return '^' + re.escape(plain(msgid)) + '$'


def starts(msgid):
    return '^' + re.escape(plain(msgid)) + r'(?!\w)'


def formatted(msgid, *patterns):
    """A printf message as a regular expression, each %d, %u or %s given."""
    parts = re.split(r'%(?:\d+\$)?[dus]', tr(msgid))
    out = re.escape(parts[0])
    for pattern, part in zip(patterns, parts[1:]):
        out += pattern + re.escape(part)
    return out


def set_language(language, localedir):
    """Loads the build's catalogue of language (None for the C locale's
    English) and fills NAMES from it."""
    global TRANSLATION
    if language:
        import gettext
        TRANSLATION = gettext.translation('id-preflight', localedir=localedir,
                                          languages=[language])
    surname = re.escape(plain('Surname'))
    NAMES.update({
        'step': '^' + formatted('Step %d of %u', r'(\d+)', r'(\d+)') + '$',
        'passport': starts('Passport'),
        'next': '^(' + re.escape(plain('_Next')) + '|' + re.escape(plain('_Skip')) + ')$',
        'capture': exact('Take the photo'),
        'use-photo': starts('_Use This Photo'),
        'copy-ticket': exact('Copy the ticket draft'),
        'export': exact('Export the report as a PDF'),
        'report-saved': exact('Report saved'),
        'passed-checks': exact('Checks That Passed'),
        'typed-surname': '^' + formatted('%s, as you type it on the service’s form', surname),
        'document-surname': '^' + formatted('%s, as the document shows it', surname),
        'birth-date': starts('Date of birth, for example 12 August 1974'),
        'quiz-answer': exact('Scam'),
        'steps': exact('Steps'),
    })


NAMES = {}

# Roles a person acts on; each must have a name.
INTERACTIVE_ROLES = {
    'push button', 'toggle button', 'check box', 'radio button', 'switch',
    'combo box', 'spin button', 'slider', 'entry', 'password text', 'link',
    'menu item', 'check menu item', 'radio menu item', 'page tab', 'toggle',
}
# Containers whose name helps ("list, Warning Signs, 5 items") but whose
# rows carry the words: a missing name is noted, not failed.
CONTAINER_ROLES = {'list', 'list box', 'tree', 'table'}
# Roles that carry text a person reads or types.
TEXT_ROLES = {'text', 'entry', 'password text'}

# GTK 4.8 names a widget without a label after its type ("GtkButton"): that
# is no name to a person.
TYPE_NAME_RE = re.compile(r'^(Gtk|Adw|Pf)[A-Z][A-Za-z0-9]*$')

WAIT = 20       # seconds for a step, a page or a control to appear
START_WAIT = 90  # seconds for the app to start and reach the accessibility bus
CALL_TIMEOUT_MS = 20000  # for one AT-SPI call to the app
PHOTO_WAIT = 90  # seconds for the demo photo to be taken and checked
MAX_TABS = 80    # Tab presses before a control counts as unreachable


class WalkError(Exception):
    pass


class Tap:
    """TAP printed as the walk goes, so that a crash still leaves a log."""

    def __init__(self):
        self.count = 0
        self.failed = False

    def check(self, description, problems):
        self.count += 1
        self.failed = self.failed or bool(problems)
        print(f'{"not ok" if problems else "ok"} {self.count} - {description}')
        for problem in problems:
            print(f'# {problem}')
            print(f'{description}: {problem}', file=sys.stderr)
        sys.stdout.flush()

    def note(self, text):
        print(f'# {text}')
        sys.stdout.flush()

    def finish(self):
        print(f'1..{self.count}')
        sys.stdout.flush()
        return 1 if self.failed else 0


# --- The session: a bus and a display of our own ---------------------------

def ensure_session_bus():
    """Runs the test again under dbus-run-session when there is no bus.

    The accessibility bus is started by the session bus on demand, so a
    session bus is all the walk needs from outside. Its launcher puts its
    socket in the runtime folder under a name made from DISPLAY alone:
    walks run side by side (meson runs tests in parallel) would take each
    other's bus, so each walk has a runtime folder of its own.

    The bus, and every service it starts, writes to dbus-run-session's
    stdout: the AT-SPI registry says "SpiRegistry daemon is running..."
    there, which would land in the TAP stream. So they are given stderr,
    and the walk, run again beneath them, takes its TAP stream back from a
    descriptor kept for it."""
    tap_fd = os.environ.pop('PF_A11Y_TAP_FD', None)
    if tap_fd is not None:
        os.dup2(int(tap_fd), 1)
        os.close(int(tap_fd))
    if os.environ.get('DBUS_SESSION_BUS_ADDRESS') or os.environ.get('PF_A11Y_REEXEC'):
        return
    runner = shutil.which('dbus-run-session')
    if runner is None:
        print('Bail out! no session bus and no dbus-run-session (Debian package dbus)')
        sys.exit(1)
    os.environ['PF_A11Y_REEXEC'] = '1'
    # Nor may the bus and its registry use a display the walk was given
    # (xvfb-run's, shared by walks side by side): their key handling there
    # made the registry miss its start. The walk's own Xvfb is the app's.
    for name in ('DISPLAY', 'XAUTHORITY', 'WAYLAND_DISPLAY'):
        os.environ.pop(name, None)
    os.environ['XDG_RUNTIME_DIR'] = tempfile.mkdtemp(prefix='pf-a11y-runtime-')
    os.environ['PF_A11Y_RUNTIME_DIR'] = os.environ['XDG_RUNTIME_DIR']
    sys.stdout.flush()
    tap_fd = os.dup(1)
    os.set_inheritable(tap_fd, True)
    os.environ['PF_A11Y_TAP_FD'] = str(tap_fd)
    os.dup2(2, 1)
    os.execv(runner, [runner, '--', sys.executable] + sys.argv)


def die_with_parent():
    """In a child: ends it when the walk ends, even when the walk is killed
    (libatspi aborts the walk when it loses its bus)."""
    import ctypes
    import signal
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def start_xvfb():
    """A private X display: keys typed into it reach only our window."""
    xvfb = shutil.which('Xvfb')
    if xvfb is None:
        raise WalkError('Xvfb is missing (Debian package xvfb)')
    read_fd, write_fd = os.pipe()
    process = subprocess.Popen([xvfb, '-displayfd', str(write_fd), '-screen', '0', '1280x1024x24',
                                '-nolisten', 'tcp', '-noreset'],
                               pass_fds=(write_fd,), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, preexec_fn=die_with_parent)
    os.close(write_fd)
    number = b''
    deadline = time.monotonic() + WAIT
    while not number.endswith(b'\n'):
        ready, _, _ = select.select([read_fd], [], [], max(0, deadline - time.monotonic()))
        chunk = os.read(read_fd, 16) if ready else b''
        if not chunk:
            process.kill()
            raise WalkError('Xvfb did not say which display it opened')
        number += chunk
    os.close(read_fd)
    return process, ':' + number.decode().strip()


# --- Reading the accessible tree -------------------------------------------

def atspi_modules():
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi, GLib
    import pyatspi
    return Atspi, GLib, pyatspi


Atspi = GLib = pyatspi = None


def pump():
    """Lets AT-SPI deliver the events it has (focus changes)."""
    context = GLib.MainContext.default()
    while context.pending():
        context.iteration(False)


# The app under test, so that a wait ends as soon as it dies.
watched_process = None


def wait_for(what, function, timeout=WAIT, interval=0.05):
    """Polls function until it returns something true; returns that."""
    deadline = time.monotonic() + timeout
    while True:
        pump()
        if watched_process is not None and watched_process.poll() is not None:
            raise WalkError(f'id-preflight exited with {watched_process.returncode} '
                            f'while the walk waited for {what}')
        try:
            result = function()
        except Exception:  # the tree changes under us: look again
            result = None
        if result:
            return result
        if time.monotonic() > deadline:
            raise WalkError(f'timed out after {timeout} s waiting for {what}')
        time.sleep(interval)


def name_of(node):
    name = (node.name or '').strip()
    return '' if TYPE_NAME_RE.match(name) else name


def role_of(node):
    return node.getRoleName()


def states_of(node):
    return node.getState()


def size_of(node):
    """(width, height), or None for an object without a place on screen."""
    try:
        return tuple(node.queryComponent().getSize())
    except NotImplementedError:
        return None


def children(node):
    result = []
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            result.append(child)
    return result


def shown(node):
    """GTK 4.8 keeps the pages a stack hides in the tree; they have no size."""
    size = size_of(node)
    return size is None or (size[0] > 0 and size[1] > 0)


def same(a, b):
    try:
        return a.path == b.path
    except AttributeError:
        return a == b


def walk(node, path=(), only_page=None):
    """The shown objects under node, each with the names of its ancestors;
    with only_page, no wizard page but that one."""
    try:
        if not shown(node):
            return
        if only_page is not None and re.match(r'^Pf\w+Page$', node.name or '') and \
           not same(node, only_page):
            return
        yield node, path
        here = path + ((role_of(node), name_of(node)),)
        for child in children(node):
            yield from walk(child, here, only_page)
    except Exception:  # an object that went away while we looked
        return


def visit_shown(root, visit, only_page=None):
    """Calls visit(node, path) for each shown object under root. An object
    that goes away between being listed and being read (a toast that timed
    out, a row rebuilt) makes libatspi say that its application no longer
    exists: it is passed over, as a screen reader would."""
    for node, path in walk(root, only_page=only_page):
        try:
            visit(node, path)
        except GLib.Error:
            continue


def find_all(root, role=None, name=None, sensitive=None):
    pattern = re.compile(name) if name else None
    roles = role if isinstance(role, set) else {role}
    found = []

    def visit(node, _):
        if role is not None and role_of(node) not in roles:
            return
        if pattern is not None and not pattern.search(name_of(node)):
            return
        if sensitive is not None and \
           states_of(node).contains(pyatspi.STATE_SENSITIVE) != sensitive:
            return
        found.append(node)

    visit_shown(root, visit)
    return found


def find(root, role=None, name=None, sensitive=None):
    found = find_all(root, role, name, sensitive)
    return found[0] if found else None


def text_of(node):
    """The text of an entry or label. GTK 4.8 answers GetText (0, -1) with
    nothing, so the end is given as the character count."""
    if node is None:
        return ''
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except NotImplementedError:
        return ''


def dump(node, depth=0, out=None):
    """The tree as text, for the log when something fails."""
    out = [] if out is None else out
    try:
        states = states_of(node)
        flags = [s for s, v in (('focused', pyatspi.STATE_FOCUSED),
                                ('checked', pyatspi.STATE_CHECKED),
                                ('insensitive', None)) if v is not None and states.contains(v)]
        if not states.contains(pyatspi.STATE_SENSITIVE):
            flags.append('insensitive')
        size = size_of(node)
        if size == (0, 0):
            flags.append('hidden')
        line = f'{"  " * depth}[{role_of(node)}] {node.name!r}'
        if node.description:
            line += f' desc={node.description!r}'
        if flags:
            line += ' (' + ', '.join(flags) + ')'
        out.append(line)
        if size != (0, 0):
            for child in children(node):
                dump(child, depth + 1, out)
    except Exception as e:
        out.append(f'{"  " * depth}<gone: {e}>')
    return out


# --- The app ---------------------------------------------------------------

class App:
    def __init__(self, binary, display, tap, keyboard, debug, language=None):
        self.tap = tap
        self.keyboard = keyboard
        self.display = display
        self.focused = None
        self.step_label = None
        self.pages_stack = None
        env = dict(os.environ)
        # The walk needs GTK's accessibility: never GTK_A11Y=none here.
        for name in ('GTK_A11Y', 'NO_AT_BRIDGE', 'WAYLAND_DISPLAY'):
            env.pop(name, None)
        env.update(DISPLAY=display, GDK_BACKEND='x11', LANGUAGE=language or '',
                   LC_ALL='C.UTF-8', GSETTINGS_BACKEND='memory', G_DEBUG=debug)
        if not language:
            # The C locale's English, whatever the build folder holds.
            env.pop('PF_LOCALEDIR', None)
        self.process = subprocess.Popen([binary, '--demo'], env=env,
                                        preexec_fn=die_with_parent)
        global watched_process
        watched_process = self.process
        # The registry and the app start together on a busy machine: give
        # them time (the wait ends as soon as the app is there).
        self.app = wait_for('the app on the accessibility bus', self._find_app,
                            timeout=START_WAIT)
        self.window = wait_for('the app’s window',
                               lambda: find(self.app, role='frame'), timeout=WAIT)
        pyatspi.Registry.registerEventListener(self._focus_cb, 'object:state-changed:focused')
        # What the walk typed that must never reach the ticket draft.
        self.typed = []
        self.clipboard = None

    def _find_app(self):
        desktop = pyatspi.Registry.getDesktop(0)
        for app in children(desktop):
            if app.get_process_id() == self.process.pid and app.childCount > 0:
                return app
        return None

    def _focus_cb(self, event):
        try:
            if event.detail1 and event.host_application is not None and \
               event.host_application.get_process_id() == self.process.pid:
                self.focused = event.source
        except GLib.Error:
            pass  # an event of an object or app that went away

    def clipboard_text(self):
        """The text on our display's clipboard, read as another app would."""
        if self.clipboard is None:
            import gi
            gi.require_version('Gdk', '4.0')
            from gi.repository import Gdk
            self.clipboard = Gdk.Display.open(self.display).get_clipboard()
        result = {}

        def done(clipboard, res):
            try:
                result['text'] = clipboard.read_text_finish(res) or ''
            except GLib.Error as e:
                result['text'] = ''
                result['error'] = e.message

        self.clipboard.read_text_async(None, done)
        deadline = time.monotonic() + 5
        while 'text' not in result and time.monotonic() < deadline:
            pump()
            time.sleep(0.02)
        return result.get('text', '').strip()

    def tree(self):
        return '\n'.join(dump(self.window))

    def alive(self):
        return self.process.poll() is None

    # Where we are.
    def step(self):
        """(n, m) from the header's "Step n of m".

        The label is found once: the window keeps it and changes its text,
        and walking the whole tree on every poll would be slow."""
        pattern = re.compile(NAMES['step'])
        match = None
        if self.step_label is not None:
            match = pattern.match(name_of(self.step_label))
        if match is None:
            self.step_label = find(self.window, role='label', name=NAMES['step'])
            if self.step_label is None:
                return None
            match = pattern.match(name_of(self.step_label))
        return (int(match.group(1)), int(match.group(2))) if match else None

    def page(self):
        """The page the wizard shows: child n - 1 of the pages stack.

        GTK 4.8 leaves a page it has shown once in the tree with its last
        size when the stack hides it, so the header's step number, not the
        pages' sizes, says which one is shown."""
        step = self.step()
        if step is None:
            return None
        if self.pages_stack is None:
            for node, _ in walk(self.window):
                if re.match(r'^Pf\w+Page$', node.name or '') and role_of(node) == 'filler':
                    self.pages_stack = node.parent.parent
                    break
            else:
                return None
        if self.pages_stack.childCount != step[1]:
            raise WalkError(f'the pages stack has {self.pages_stack.childCount} pages, '
                            f'the header says {step[1]} steps')
        return children(self.pages_stack.getChildAtIndex(step[0] - 1))[0]

    def wait_step(self, n):
        return wait_for(f'step {n}', lambda: (self.step() or (0, 0))[0] == n and self.step())

    # Keys, into our own display.
    def key(self, *keys):
        window_ids = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid',
                                     str(self.process.pid)],
                                    capture_output=True, text=True,
                                    env=dict(os.environ, DISPLAY=self.display)).stdout.split()
        if window_ids:
            subprocess.run(['xdotool', 'windowfocus', '--sync', window_ids[-1]],
                           env=dict(os.environ, DISPLAY=self.display),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run(['xdotool', 'key', '--clearmodifiers'] + list(keys),
                       env=dict(os.environ, DISPLAY=self.display), check=True)

    def focus(self, target, stops=None):
        """Tabs until target has the focus; each stop on the way is noted."""
        if states_of(target).contains(pyatspi.STATE_FOCUSED):
            return
        for _ in range(MAX_TABS):
            before = self.focused
            self.key('Tab')
            try:
                wait_for('the focus to move', lambda: self.focused is not before, timeout=2)
            except WalkError:
                pass
            if stops is not None and self.focused is not None:
                stops.append(self.focused)
            if states_of(target).contains(pyatspi.STATE_FOCUSED) or self.focus_within(target):
                return
        raise WalkError(f'{MAX_TABS} presses of Tab never reached {role_of(target)} '
                        f'“{name_of(target)}”')

    def type_into(self, target, text, stops=None):
        """Types into an entry: keys with --keyboard, else EditableText."""
        if not self.keyboard:
            try:
                editable = target.queryEditableText()
                if editable.setTextContents(text):
                    return
            except NotImplementedError:
                pass
        self.focus(target, stops)
        # What was there goes: the keys replace it.
        self.key('ctrl+a')
        subprocess.run(['xdotool', 'type', '--delay', '20', text],
                       env=dict(os.environ, DISPLAY=self.display), check=True)
        # Where the keys went, read back through the Text interface.
        wait_for(f'“{text}” to arrive in {role_of(target)} “{name_of(target)}”',
                 lambda: text_of(target) == text, timeout=5)
        self.key('Tab')

    def focus_within(self, target):
        """Whether the focus is inside target: an entry row hands its focus
        to the text field inside it, which GTK 4.8 reports on its own."""
        node = self.focused
        for _ in range(8):
            if node is None:
                return False
            try:
                if same(node, target):
                    return True
                node = node.parent
            except Exception:
                return False
        return False

    def press(self, target, stops=None):
        """Presses a button or toggles a check box, the way the run asks."""
        if not self.keyboard:
            try:
                action = target.queryAction()
                names = [action.getName(i) for i in range(action.nActions)]
            except NotImplementedError:
                names = []
            for wanted in ('click', 'activate', 'press', 'toggle'):
                if wanted in names:
                    action.doAction(names.index(wanted))
                    return
            if role_of(target) not in ('check box', 'radio button', 'toggle button', 'switch',
                                       'list item'):
                raise WalkError(f'{role_of(target)} “{name_of(target)}” offers no action '
                                f'({names})')
        # The keyboard: what --keyboard always does, and the only way GTK 4.8
        # lets a screen reader user toggle a check box.
        self.focus(target, stops)
        self.key('Return' if role_of(target) in ('push button', 'list item') else 'space')


# --- The checks ------------------------------------------------------------

def severity_words(source_root):
    """The words the app shows beside a finding, from src/ui/pf-status.c."""
    with open(os.path.join(source_root, 'src', 'ui', 'pf-status.c'), encoding='utf-8') as f:
        text = f.read()
    words = re.findall(r'\[PF_STEP_STATUS_\w+\]\s*=\s*\{[^}]*N_\("([^"]+)"\)', text)
    if not words:
        raise WalkError('no status words found in src/ui/pf-status.c')
    return {tr(word) for word in words}


def unnamed_controls(app, page, roles=None):
    """Every shown control without a name, said with where it is."""
    problems = []
    roles = roles or INTERACTIVE_ROLES | TEXT_ROLES
    page_name = page.name

    def visit(node, path):
        role = role_of(node)
        states = states_of(node)
        if role in TEXT_ROLES and not states.contains(pyatspi.STATE_EDITABLE):
            return
        if role not in roles or name_of(node):
            return
        where = ' > '.join(f'{r} “{n}”' for r, n in path if n) or 'the window'
        hint = f', tooltip “{node.description}”' if node.description else ''
        if role in CONTAINER_ROLES:
            first = next((name_of(c) for c in children(node) if name_of(c)), '')
            hint += f', first row “{first}”'
        problems.append(f'{page_name}: unnamed {role}{hint} in {where}')

    visit_shown(app.window, visit, only_page=page)
    return problems


def underscored_names(app, page):
    """Names that still hold a mnemonic's underscore (a GTK 4.8 habit)."""
    found = set()

    def visit(node, _):
        if role_of(node) in INTERACTIVE_ROLES and re.search(r'(^|\s)_\w', name_of(node)):
            found.add(name_of(node))

    visit_shown(app.window, visit, only_page=page)
    return found


def repeated_names(app, page):
    """Names that say the same words twice: GTK 4.8 adds a widget's own
    label to the label of the row that names it ("Passport Passport")."""
    found = set()

    def visit(node, _):
        words = name_of(node).replace('_', '').split()
        half = len(words) // 2
        if role_of(node) in INTERACTIVE_ROLES | TEXT_ROLES and half and \
           len(words) % 2 == 0 and words[:half] == words[half:]:
            found.add(name_of(node))

    visit_shown(app.window, visit, only_page=page)
    return found


def finding_rows(root, words):
    """(title, severity) of each shown row that states a finding's severity."""
    rows = []

    def visit(node, _):
        if role_of(node) != 'list item':
            return
        labels = find_all(node, role='label')
        severity = [w for w in map(name_of, labels) if w in words]
        if severity and name_of(node):
            rows.append((name_of(node), severity[0]))

    visit_shown(root, visit)
    return rows


def step_list_problems(app, words, visited):
    """The step list states each checked step's status in words."""
    problems = []
    steps = find(app.window, role='list', name=NAMES['steps'])
    if steps is None:
        # Folded: the list is a page of its own, and not shown.
        return problems
    for row in find_all(steps, role='list item'):
        title = name_of(row)
        if title in visited and row.description and row.description not in words:
            problems.append(f'step list: “{title}” is described as “{row.description}”, '
                            f'not by a status ({", ".join(sorted(words))})')
    start = [r for r in find_all(steps, role='list item') if r.description in words]
    if not start:
        problems.append('step list: no row states a status in words')
    return problems


# --- The walk --------------------------------------------------------------

def do_start(app, tap, words, stops):
    page = app.page()
    passport = wait_for('the Passport choice',
                        lambda: find(page, role={'check box', 'radio button'},
                                     name=NAMES['passport']))
    app.press(passport, stops)
    wait_for('Passport to be chosen',
             lambda: states_of(passport).contains(pyatspi.STATE_CHECKED))
    next_button = wait_for('the Next button to say Next',
                           lambda: find(app.window, role='push button',
                                                name=exact('_Next')))
    finding = wait_for('the start step’s status in the step list',
                       lambda: not step_list_problems(app, words, set()) or None, timeout=5)
    tap.check('start: the passport is chosen, Next replaces Skip and the step list says so',
              [] if next_button and finding else ['no change seen'])


def do_photo(app, tap, words, stops):
    page = app.page()

    def ready():
        use = find(page, role='push button', name=NAMES['use-photo'], sensitive=True)
        if use is not None:
            return ('use', use)
        capture = find(page, role='push button', name=NAMES['capture'], sensitive=True)
        if capture is not None:
            return ('capture', capture)
        return None

    kind, button = wait_for('the demo camera (a photo to take or to use)', ready,
                            timeout=PHOTO_WAIT)
    if kind == 'capture':
        if app.keyboard:
            # The page's own shortcut, as its tooltip says.
            app.key('ctrl+Return')
        else:
            try:
                app.press(button)
            except Exception:
                pass  # auto-capture may have taken it first: the result tells
    use = wait_for('the photo’s result (Use This Photo)',
                   lambda: find(page, role='push button', name=NAMES['use-photo'],
                                sensitive=True),
                   timeout=PHOTO_WAIT)
    verdict = [name_of(h) for h in find_all(page, role='heading') if name_of(h)]
    rows = finding_rows(page, words)
    if not rows:
        # Passed checks are folded away under one row: unfold it.
        folded = find(page, role='list item', name=NAMES['passed-checks'])
        if folded is not None:
            app.press(folded, stops)
            rows = wait_for('the passed checks to unfold',
                            lambda: finding_rows(page, words), timeout=5)
    problems = []
    if not verdict:
        problems.append('the result has no heading that states the verdict')
    if not rows:
        problems.append('no finding row states its severity in words '
                        f'({", ".join(sorted(words))})')
    if os.environ.get('PF_A11Y_DUMP'):
        print('\n'.join(dump(page)), file=sys.stderr)
    tap.check('photo: the demo photo is checked and its findings are words: '
              + '; '.join(f'{t} ({s})' for t, s in rows[:6]), problems)
    return use


def step_status(app, title):
    """What the step list says about a step, or None when folded away."""
    steps = find(app.window, role='list', name=NAMES['steps'])
    row = find(steps, role='list item', name='^' + re.escape(title) + '$') if steps else None
    return row.description if row is not None else None


def do_region(app, tap, words, stops):
    """Types a date of birth: the page answers with a finding in words."""
    page = app.page()
    entry = wait_for('the date of birth entry',
                     lambda: find(page, role={'text', 'entry'}, name=NAMES['birth-date']))
    app.type_into(entry, '1974-08-12', stops)
    status = wait_for('the step list to state the region step’s status',
                      lambda: step_status(app, tr('Region and age')) in words, timeout=5)
    tap.check('region: a typed date of birth gives the step a status in words',
              [] if status else ['no status'])


def do_safety(app, tap, words, stops):
    """Answers every quiz question (the first answer each time)."""
    page = app.page()
    answers = wait_for('the quiz answers',
                       lambda: find_all(page, role='push button', name=NAMES['quiz-answer'],
                                        sensitive=True))
    for button in answers:
        app.press(button, stops)
    status = wait_for('the step list to state the safety step’s status',
                      lambda: step_status(app, tr('Stay safe')) in words, timeout=5)
    tap.check(f'safety: {len(answers)} quiz answers given; the step has a status in words',
              [] if status else ['no status'])


def do_details(app, tap, words, stops):
    """Types the surname with one letter wrong: the page must say so in words."""
    page = app.page()
    try:
        reading = wait_for('the document’s surname as the app read it',
                           lambda: text_of(find(page, role={'text', 'entry'},
                                                name=NAMES['document-surname'])).strip(),
                           timeout=30)
    except WalkError:
        # A photo taken early (a corner cut off) cannot be read: type what
        # "the document shows" as the page asks then.
        box = find(page, role={'text', 'entry'}, name=NAMES['document-surname'])
        if box is None:
            raise
        reading = 'ERIKSSON'
        app.type_into(box, reading, stops)
    typed = find(page, role={'text', 'entry'}, name=NAMES['typed-surname'])
    if typed is None:
        raise WalkError('no entry for the surname as typed on the service’s form')
    wrong = reading[:-1] + ('X' if reading[-1:] != 'X' else 'Y')
    app.typed += [wrong, reading]
    app.type_into(typed, wrong, stops)
    status = wait_for('the step list to state the details step’s status',
                      lambda: step_status(app, tr('Your details')) in words and
                      step_status(app, tr('Your details')) != tr('Fine'), timeout=10)
    tap.check('details: a surname typed with one wrong letter is a finding in words '
              f'({step_status(app, tr("Your details"))})', [] if status else ['no status'])


def do_validity(app, tap, words, stops):
    """The demo document's validity findings, as rows that say their severity."""
    page = app.page()
    rows = wait_for('the validity findings', lambda: finding_rows(page, words),
                    timeout=PHOTO_WAIT)
    tap.check('validity: findings are words: ' + '; '.join(f'{t} ({s})' for t, s in rows), [])


def do_selfie(app, tap, words, stops):
    """The demo face's live checklist: each check says its state in words."""
    page = app.page()
    rows = wait_for('the selfie checklist with its states in words',
                    lambda: finding_rows(page, words), timeout=PHOTO_WAIT)
    tap.check('selfie: the live checks are words: ' + '; '.join(f'{t} ({s})' for t, s in rows),
              [])


def walk_wizard(app, tap, source_root):
    words = severity_words(source_root)
    unnamed = {}
    stops = []
    visited = set()
    underscored = set()
    repeated = set()
    unnamed_lists = {}
    started = time.monotonic()
    _, total = app.wait_step(1)
    tap.note(f'the wizard has {total} steps')

    for n in range(1, total + 1):
        app.wait_step(n)
        page = wait_for(f'the page of step {n}', app.page)
        page_name = page.name
        tap.check(f'step {n} of {total} is reached ({page_name}, '
                  f'{time.monotonic() - started:.0f} s into the walk)', [])
        if os.environ.get('PF_A11Y_DUMP'):
            print('\n'.join(dump(page)), file=sys.stderr)
        visited.add(page_name)

        next_target = None
        if page_name == 'PfStartPage':
            do_start(app, tap, words, stops)
        elif page_name == 'PfPhotoPage':
            next_target = do_photo(app, tap, words, stops)
        elif page_name == 'PfDetailsPage':
            do_details(app, tap, words, stops)
        elif page_name == 'PfValidityPage':
            do_validity(app, tap, words, stops)
        elif page_name == 'PfSelfiePage':
            do_selfie(app, tap, words, stops)
        elif page_name == 'PfRegionPage':
            do_region(app, tap, words, stops)
        elif page_name == 'PfSafetyPage':
            do_safety(app, tap, words, stops)

        for problem in unnamed_controls(app, page):
            unnamed.setdefault(problem, None)
        for problem in unnamed_controls(app, page, CONTAINER_ROLES):
            unnamed_lists.setdefault(problem, None)
        underscored |= underscored_names(app, page)
        repeated |= repeated_names(app, page)

        if n == total:
            break
        if next_target is None:
            # Named exactly: a hidden page's "Skip This Step" stays in
            # GTK 4.8's tree with its old size.
            next_target = wait_for('the Next or Skip button',
                                   lambda: find(app.window, role='push button',
                                                name=NAMES['next'], sensitive=True))
        app.press(next_target, stops)
        app.wait_step(n + 1)

    # The summary.
    page = app.page()
    headings = [name_of(h) for h in find_all(page, role='heading') if name_of(h)]
    rows = finding_rows(page, words)
    problems = []
    if not headings:
        problems.append('the summary has no heading')
    if not rows:
        problems.append('the summary shows no finding with its severity in words')
    if not any(plain('Passport') in t for t, _ in rows):
        problems.append('the summary does not list the start step’s finding (the passport)')
    tap.check('summary: findings are listed with their severity in words: '
              + '; '.join(f'{t} ({s})' for t, s in rows[:8]), problems)
    tap.check('the step list states each step’s status in words',
              step_list_problems(app, words, visited))

    for problem in unnamed_controls(app, page):
        unnamed.setdefault(problem, None)

    if app.keyboard:
        tap.note(f'{len(stops)} focus stops on the way')
        for node in stops:
            try:
                if role_of(node) in INTERACTIVE_ROLES and not name_of(node):
                    unnamed.setdefault(f'focus stop without a name: {role_of(node)} '
                                       f'(tooltip “{node.description}”)', None)
            except Exception:
                pass
    tap.check('every button, toggle, entry and list met on the way has an accessible name',
              list(unnamed))
    for problem in unnamed_lists:
        tap.note(f'list without a name: {problem}')
    for name in sorted(repeated - underscored):
        tap.note(f'name that repeats itself: {name}')
    for name in sorted(underscored | underscored_names(app, page)):
        tap.note(f'name with a mnemonic underscore (GTK 4.8): {name}')

    do_export(app, tap, page, stops)

    # Last, as it may be the end of the app: the ticket draft's Copy button.
    copy = find(page, role='push button', name=NAMES['copy-ticket'], sensitive=True)
    if copy is not None:
        app.press(copy, stops)
        draft = wait_for('the ticket draft on the clipboard', app.clipboard_text)
        leaks = [secret for secret in app.typed if secret and secret in draft]
        tap.check(f'summary: Copy puts a {len(draft)}-character ticket draft on the clipboard, '
                  'without what was typed', [f'the draft holds “{leak}”' for leak in leaks])
    else:
        tap.note('the summary has no “Copy the ticket draft” button (yet)')


def file_chooser(app):
    """The app's file chooser dialog, once shown with its name entry."""
    # GTK 4.8 gives the dialog the role "filler": any window but the main one.
    for window in children(app.app):
        if same(window, app.window):
            continue
        entries = [n for n, _ in walk(window)
                   if role_of(n) == 'text' and states_of(n).contains(pyatspi.STATE_EDITABLE)]
        if entries:
            return window, entries
    return None


def do_export(app, tap, page, stops):
    """Exports the report: the Export button, then the file chooser, where
    the name entry takes the path of a new file in a folder of the walk's."""
    button = wait_for('the Export button',
                      lambda: find(page, role='push button', name=NAMES['export'],
                                   sensitive=True))
    folder = tempfile.mkdtemp(prefix='pf-a11y-walk-')
    path = os.path.join(folder, 'report.pdf')
    try:
        app.press(button, stops)
        dialog, entries = wait_for('the file chooser with its name entry',
                                   lambda: file_chooser(app))
        # The name entry holds the suggested name; the chooser focuses it.
        name_entry = next((e for e in entries if text_of(e).endswith('.pdf')), entries[0])
        if app.keyboard:
            wait_for('the focus in the file name entry',
                     lambda: states_of(name_entry).contains(pyatspi.STATE_FOCUSED), timeout=5)
            app.key('ctrl+a')
            subprocess.run(['xdotool', 'type', '--delay', '20', path],
                           env=dict(os.environ, DISPLAY=app.display), check=True)
            wait_for('the path in the name entry', lambda: text_of(name_entry) == path,
                     timeout=5)
            app.key('Return')
        else:
            name_entry.queryEditableText().setTextContents(path)
            accept = wait_for('the chooser’s Export button',
                              lambda: find(dialog, role='push button',
                                           name=re.escape(plain('_Export')) + '$',
                                           sensitive=True))
            accept.queryAction().doAction(0)
        # GIO writes a new file in place: it is whole once it ends with the
        # PDF trailer.
        def written():
            try:
                with open(path, 'rb') as f:
                    data = f.read()
            except OSError:
                return None
            return data if data.rstrip().endswith(b'%%EOF') else None

        pdf = wait_for('the whole report on disk', written, timeout=60)
        problems = []
        if not pdf.startswith(b'%PDF-'):
            problems.append(f'{path} is no PDF ({pdf[:8]!r})')
        # The toast lives 5 s; one look at a whole tree can take longer on
        # a loaded machine (or under the sanitizers), so a missed toast is
        # noted, not failed: also one that went between being found and
        # being read (libatspi then says the object's application is gone).
        try:
            saved = wait_for('the toast that says the report is saved',
                             lambda: find(app.window, role='label',
                                          name=NAMES['report-saved']), timeout=10)
            said = f' and the app says “{name_of(saved)}”'
        except (WalkError, GLib.Error):
            said = ''
            tap.note('the “Report saved” toast was gone before the walk looked')
        tap.check(f'summary: the report is exported as a {len(pdf)}-byte PDF{said}', problems)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def quit_app(app, tap):
    if app.keyboard:
        app.key('ctrl+q')
    else:
        action = app.window.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        try:
            action.doAction(names.index('window.close'))
        except Exception:
            # The app may quit before it answers the call that closed it;
            # only an app still running after that is a failure.
            if app.alive():
                raise
    try:
        code = app.process.wait(timeout=WAIT)
    except subprocess.TimeoutExpired:
        app.process.kill()
        code = 'still running'
    tap.check('the app closes cleanly', [] if code == 0 else [f'exit status {code}'])


def main(argv):
    global Atspi, GLib, pyatspi
    args = argv[1:]
    language = None
    if len(args) == 4 and args[0] == '--lang':
        language, args = args[1], args[2:]
    if len(args) != 2 or args[0] not in ('--actions', '--keyboard'):
        print(__doc__.strip().splitlines()[-3], file=sys.stderr)
        return 2
    keyboard = args[0] == '--keyboard'
    binary = args[1]
    localedir = os.environ.get('PF_LOCALEDIR', '')
    if language and not os.path.isfile(os.path.join(localedir, language, 'LC_MESSAGES',
                                                    'id-preflight.mo')):
        print(f'Bail out! no catalogue for {language} in PF_LOCALEDIR “{localedir}” '
              '(the build folder’s po/)')
        return 1
    set_language(language, localedir)
    source_root = os.environ.get('PF_SOURCE_ROOT',
                                 os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ensure_session_bus()
    # fatal-warnings is for the app; libatspi warns about the registry's
    # own missing cache, which must not stop the walk.
    app_debug = os.environ.get('G_DEBUG', '')
    os.environ['G_DEBUG'] = ','.join(f for f in app_debug.split(',')
                                     if f and f not in ('fatal-warnings', 'fatal-criticals'))
    tap = Tap()
    missing = [tool for tool in ('xdotool', 'Xvfb') if shutil.which(tool) is None]
    try:
        Atspi, GLib, pyatspi = atspi_modules()
        # libatspi gives an app 0.8 s to answer, then pings it and calls it
        # gone ("The application no longer exists"): on a loaded machine
        # (meson runs tests side by side) a busy app is not a gone one.
        Atspi.set_timeout(CALL_TIMEOUT_MS, START_WAIT * 1000)
    except (ImportError, ValueError) as e:
        missing.append(f'pyatspi ({e})')
    tap.check('the tools are installed (python3-pyatspi, xvfb, xdotool)',
              [f'missing: {m}' for m in missing])
    if missing:
        return tap.finish()

    xvfb, display = start_xvfb()
    os.environ['DISPLAY'] = display
    app = None
    try:
        app = App(binary, display, tap, keyboard, app_debug, language)
        walk_wizard(app, tap, source_root)
        quit_app(app, tap)
    except Exception as e:  # a WalkError, or an object of an app that died
        if not isinstance(e, WalkError) and app is not None and not app.alive():
            e = f'id-preflight exited with {app.process.returncode}'
        tap.check('the walk goes from the first step to the summary and back out', [str(e)])
        import traceback
        for line in traceback.format_exc().splitlines():
            print(f'# {line}')
        if app is not None and app.alive():
            try:
                print('# The window’s accessible tree:')
                for line in app.tree().splitlines():
                    print('#   ' + line)
            except Exception as dump_error:
                print(f'# (the tree cannot be read: {dump_error})')
    finally:
        if app is not None and app.alive():
            app.process.kill()
            app.process.wait()
        xvfb.terminate()
        xvfb.wait()
        if os.environ.get('PF_A11Y_RUNTIME_DIR'):
            shutil.rmtree(os.environ['PF_A11Y_RUNTIME_DIR'], ignore_errors=True)
    return tap.finish()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
