#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a user-visible string under src/ is not marked for translation.

In .ui files: a text property (label, title, tooltip-text, ...), a menu
label, a string-list item or a dialog response that has words but lacks
translatable="yes". translatable="no" opts out on purpose.

In .c files: a string literal with words passed straight to a call that
shows it to people (gtk_label_set_text, adw_*_set_title, pf_finding_new's
title and advice, GError messages outside src/camera, ...) and not wrapped
in _() or another gettext call. A comment containing "no-i18n" on the
literal's line (or the line before) opts out on purpose.

Usage: check-translatable.py SOURCE_ROOT. Prints TAP; the first tests feed
the checker known bad and good samples so that it is seen to fail.
"""

import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import i18nscan  # noqa: E402

# GtkBuilder properties whose value people read (or hear, for accessible
# labels and descriptions).
UI_TEXT_PROPERTIES = frozenset({
    'label', 'title', 'subtitle', 'description', 'text', 'body', 'heading',
    'tooltip-text', 'tooltip-markup', 'placeholder-text', 'button-label',
    'primary-text', 'secondary-text', 'primary-icon-tooltip-text',
    'secondary-icon-tooltip-text', 'comments', 'translator-credits',
    'message',
})

# Other properties (a custom widget's "explanation", say) count as text when
# their value reads like words: two words of letters side by side. These
# properties hold lists of names or codes, not words for people.
UI_NON_TEXT_PROPERTIES = frozenset({
    'css-classes', 'css-name', 'input-hints', 'input-purpose', 'accelerator', 'accels',
    'action-name', 'action-target', 'icon-name', 'font', 'font-desc', 'font-features',
    'attributes', 'name', 'buildable-id', 'mime-types', 'patterns',
})
_PROSE_RE = re.compile(r'[^\W\d_]{2,}\s+[^\W\d_]{2,}')

# Elements whose text is shown: menu attributes (by name), string-list items,
# message dialog responses, scale marks.
UI_TEXT_ELEMENTS = {
    'attribute': frozenset({'label'}),
    'item': None,
    'response': None,
    'mark': None,
}

# C calls that show a string, with the argument positions that hold it.
# 'even>=2' covers adw_message_dialog_add_responses (id, label, id, label...),
# 'all>=1' the variadic gtk_accessible_update_property.
C_TEXT_CALLS = [
    (r'gtk_label_new(?:_with_mnemonic)?', [0]),
    (r'gtk_\w+_new_with_(?:label|mnemonic)', [0]),
    (r'gtk_\w+_set_(?:text|markup|label|title|subtitle|tooltip_text|tooltip_markup|'
     r'placeholder_text|text_with_mnemonic|markup_with_mnemonic)', [1]),
    (r'gtk_file_filter_set_name', [1]),
    (r'gtk_file_chooser_native_new', [0, 3, 4]),
    (r'adw_\w+_set_(?:title|subtitle|description|body|heading|button_label|label|'
     r'text|tooltip_text|placeholder_text)', [1]),
    (r'adw_\w+_format_(?:body|heading)(?:_markup)?', [1]),
    (r'adw_toast_new(?:_format)?', [0]),
    (r'adw_message_dialog_new', [1, 2]),
    (r'adw_message_dialog_add_response', [2]),
    (r'adw_message_dialog_add_responses', 'even>=2'),
    (r'gtk_accessible_update_(?:property|state|relation)', 'all>=1'),
    (r'g_menu_item_new', [0]),
    (r'g_menu_(?:append|prepend|insert)', [1]),
    (r'pf_finding_new(?:_with_region)?', [2, 3]),
]

# GError messages are what core, ui and cli show for bad input. The camera
# layer's are not: its error codes drive the UI's own (translated) status
# pages, and its messages only reach the debug log.
C_ERROR_CALLS = [
    (r'g_set_error(?:_literal)?', [3]),
    (r'g_error_new(?:_literal)?', [2]),
    (r'g_task_return_new_error', [3]),
]
ERRORS_NOT_SHOWN_IN = ('src/camera/',)

_C_TEXT_CALLS = [(re.compile(p), spec) for p, spec in C_TEXT_CALLS]
_C_ERROR_CALLS = [(re.compile(p), spec) for p, spec in C_ERROR_CALLS]

# Lookups by key inside a shown argument: their literals are not text.
NON_TEXT_CALLS = (
    r'g_object_get_data', r'g_object_get_qdata', r'g_hash_table_lookup',
    r'g_settings_get_\w+', r'g_variant_\w+', r'g_strcmp0', r'g_str_equal',
    r'g_str_has_prefix', r'g_str_has_suffix', r'strcmp', r'g_quark_from_static_string',
    r'gtk_widget_get_template_child',
)


def _wanted(spec, index):
    if spec == 'even>=2':
        return index >= 2 and index % 2 == 0
    if spec == 'all>=1':
        return index >= 1
    return index in spec


def check_c(root, relpath):
    problems = []
    tokens, opt_out = i18nscan.tokenize(i18nscan.read_text(root, relpath))
    calls = _C_TEXT_CALLS
    if not relpath.replace(os.sep, '/').startswith(ERRORS_NOT_SHOWN_IN):
        calls = calls + _C_ERROR_CALLS
    i = 0
    while i < len(tokens) - 1:
        t = tokens[i]
        spec = None
        if t.kind == 'ident' and tokens[i + 1].text == '(':
            spec = next((s for r, s in calls if r.fullmatch(t.text)), None)
        if spec is None:
            i += 1
            continue
        args, _ = i18nscan.call_arguments(tokens, i + 1)
        for index, arg in enumerate(args or []):
            if not _wanted(spec, index):
                continue
            for lit in i18nscan.unmarked_literals(arg, NON_TEXT_CALLS):
                if not i18nscan.has_words(lit.text, c_literal=True):
                    continue
                if lit.line in opt_out or lit.line - 1 in opt_out:
                    continue
                problems.append(f'{relpath}:{lit.line}: {t.text}() shows {lit.text} '
                                'without _()')
        # Calls nest (a setter inside another's argument): step into them.
        i += 1
    return problems


def check_ui(root, relpath):
    try:
        elements = i18nscan.builder_elements(os.path.join(root, relpath))
    except ValueError as e:
        return [str(e)]
    problems = []
    for e in elements:
        name = e.get('name')
        if e.tag == 'property':
            shown = name in UI_TEXT_PROPERTIES or (
                name not in UI_NON_TEXT_PROPERTIES and _PROSE_RE.search(e.text or ''))
        elif e.tag in UI_TEXT_ELEMENTS:
            names = UI_TEXT_ELEMENTS[e.tag]
            shown = names is None or name in names
        else:
            shown = False
        text = (e.text or '').strip()
        if not shown or not text or not i18nscan.has_words(text):
            continue
        # Only "yes" is extracted by xgettext's GtkBuilder rules, even though
        # GTK itself would also accept "true" or "1".
        if e.get('translatable') in ('yes', 'no'):
            continue
        what = f'<{e.tag} name="{name}">' if name else f'<{e.tag}>'
        problems.append(f'{relpath}: {what}{text[:50]} lacks translatable="yes"')
    return problems


def check_tree(root):
    problems = []
    for relpath in i18nscan.source_files(root, 'src', ('.c',)):
        problems += check_c(root, relpath)
    for relpath in i18nscan.source_files(root, 'src', ('.ui',)):
        problems += check_ui(root, relpath)
    return problems


# Self-test samples: each bad one must be caught, the good ones must not be.
BAD_C = {
    'label': 'gtk_label_set_text (GTK_LABEL (label), "Hold still");',
    'adw title': 'adw_status_page_set_title (page,\n    "No camera found");',
    'finding advice': 'f = pf_finding_new ("photo.glare", PF_SEVERITY_CAUTION,\n'
                      '                    _("Glare"), "Tilt the card");',
    'printf title': 'adw_action_row_set_subtitle (row, g_strdup_printf ("%d photos", n));',
    'ternary': 'gtk_button_set_label (b, ok ? _("Done") : "Try again");',
    'error': 'g_set_error (error, PF_ERROR, PF_ERROR_FAILED, "Cannot read %s", name);',
    'toast': 'adw_toast_overlay_add_toast (o, adw_toast_new ("Copied"));',
}
GOOD_C = '''
/* A comment that says gtk_label_set_text (l, "Words") is not code. */
gtk_label_set_text (label, _("Hold still"));
gtk_label_set_text (label, "");
gtk_label_set_markup (label, "<b>%s</b>");
adw_action_row_set_subtitle (row, g_strdup_printf (_("%d photos"), n));
adw_status_page_set_title (page, title);
gtk_button_set_label (b, ok ? _("Done") : C_("photo", "Try again"));
f = pf_finding_new ("photo.glare", PF_SEVERITY_CAUTION, _("Glare"), _("Tilt the card"));
gtk_label_set_text (label, g_object_get_data (G_OBJECT (row), "title"));
gtk_window_set_title (window, "ID Preflight"); /* no-i18n: the app's name */
gtk_label_set_text (label, ngettext ("%d day", "%d days", n));
'''
BAD_UI = {
    'label property': '<property name="label">Take a photo</property>',
    'tooltip': '<property name="tooltip-text">Back</property>',
    'true is not yes': '<property name="title" translatable="true">Summary</property>',
    'string list item': '<object class="GtkStringList"><items><item>Passport</item></items>'
                        '</object>',
    'custom property': '<property name="explanation">Support never writes first.</property>',
}
GOOD_UI = '''<?xml version="1.0" encoding="UTF-8"?>
<interface>
  <object class="GtkBox">
    <child><object class="GtkLabel"><property name="label" translatable="yes">Take a photo</property>
      <accessibility><property name="label" translatable="yes">Photo</property></accessibility>
    </object></child>
    <child><object class="GtkImage"><property name="icon-name">camera-photo-symbolic</property>
    </object></child>
    <child><object class="GtkLabel"><property name="label" translatable="no">ID Preflight</property>
    </object></child>
    <child><object class="GtkLabel"><property name="label">·</property>
      <property name="css-classes">flat circular</property></object></child>
    <child><object class="GtkLabel"><property name="label" bind-source="x" bind-property="y"/>
    </object></child>
  </object>
</interface>
'''


def self_test(tap):
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, 'src'))

        def write(name, text):
            with open(os.path.join(tmp, 'src', name), 'w', encoding='utf-8') as f:
                f.write(text)

        missed = []
        for what, code in BAD_C.items():
            write('sample.c', 'static void\nf (void)\n{\n  ' + code + '\n}\n')
            if not check_tree(tmp):
                missed.append(f'C sample not caught: {what}')
        for what, xml in BAD_UI.items():
            write('sample.c', '')
            write('sample.ui', f'<?xml version="1.0"?>\n<interface><object class="GtkBox">'
                               f'<child><object class="GtkLabel">{xml}</object></child>'
                               f'</object></interface>\n')
            if not check_tree(tmp):
                missed.append(f'UI sample not caught: {what}')
        tap.check('self-test: unmarked samples are caught', missed)

        write('sample.c', GOOD_C)
        write('sample.ui', GOOD_UI)
        os.makedirs(os.path.join(tmp, 'src', 'camera'))
        write('camera/sample.c', 'g_task_return_new_error (task, PF_CAMERA_ERROR, 1,\n'
                                 '                         "The portal knows no camera");\n')
        tap.check('self-test: marked and non-text samples pass', check_tree(tmp))
        os.remove(os.path.join(tmp, 'src', 'camera', 'sample.c'))

        write('sample.ui', '<interface><object class="GtkBox">')
        tap.check('self-test: an unreadable .ui file is reported',
                  [] if check_tree(tmp) else ['a broken .ui file went unnoticed'])


def main(argv):
    args = i18nscan.arguments(argv, 'SOURCE_ROOT')
    if args is None:
        return 2
    root = args[0]
    tap = i18nscan.Tap()
    self_test(tap)
    tap.check('every user-visible string under src/ is marked for translation',
              check_tree(root))
    return tap.exit()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
