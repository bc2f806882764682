#!/usr/bin/env python3
"""check_phrases.py: no word or phrase spelled in the extractor's code.

The extractor's words live in data/lexicon/*.tsv (tools/gen_lexicon.py); the
code asks for them by role. This check reads every .c and .h file under
src/extract/ (the generated lexicon_data.h aside) and reports each PHRASE
LITERAL: a string literal in the code (comments and #include lines are not
code) whose text (escapes resolved, UTF-8 decoded) holds a word: two letters
in a row, a letter being a character of Unicode category L (so "by", "für",
"作者"; not "：", " - ", "\\xC2\\xA9" or a lone "年"). These are not phrases and
pass:
  - a literal with a '%' in it: a printf format (trace and error messages);
  - an argument of wn_dom_attr() / wn_dom_attr_value(): an attribute name,
    markup the HTML standard defines, not extractor knowledge;
  - a message: an argument of wn_set_error(), wn_buf_printf(), wn_buf_puts()
    (error and --explain text) or _Static_assert(), or a value given to an
    error's msg field;
  - a literal listed in tools/phrase-allowlist.txt for that file, each with
    its reason; "@name" in place of the literal passes the initializer of the
    variable name (a table of markup tokens with data beside each); "*" passes
    the whole file (only for a file whose lists are still to be moved, and the
    reason says so).
Exit 1 and one line per literal when something else is found.

Usage: tools/check_phrases.py   (from the repository root; make phrases runs it)
"""
import glob
import re
import sys
import unicodedata

ALLOW = 'tools/phrase-allowlist.txt'
ESCAPE = re.compile(r'\\(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{4}|[0-7]{1,3}|.)')


def decode(body):
    """The text of a C string literal's body: escapes resolved, UTF-8 decoded."""
    out = bytearray()
    pos = 0
    for m in ESCAPE.finditer(body):
        out += body[pos:m.start()].encode('utf-8')
        e = m.group(1)
        if e[0] == 'x':
            out.append(int(e[1:], 16))
        elif e[0] == 'u':
            out += chr(int(e[1:], 16)).encode('utf-8')
        elif e[0] in '01234567':
            out.append(int(e, 8) & 0xFF)
        else:
            out += {'n': b'\n', 't': b'\t', 'r': b'\r'}.get(e, e.encode('utf-8'))
        pos = m.end()
    out += body[pos:].encode('utf-8')
    return out.decode('utf-8', 'replace')


def has_word(text):
    """Two letters in a row (Unicode category L*): a word, not punctuation."""
    prev = False
    for ch in text:
        letter = unicodedata.category(ch).startswith('L')
        if letter and prev:
            return True
        prev = letter
    return False
ATTR_CALLS = {'wn_dom_attr', 'wn_dom_attr_value'}
MESSAGE_CALLS = {'wn_set_error', 'wn_buf_printf', 'wn_buf_puts', '_Static_assert'}
MSG_FIELD = re.compile(r'(?:\.|->)msg\s*=\s*$')
LITERAL = re.compile(r'"(?:\\.|[^"\\\n])*"')


IDENT_END = re.compile(r'([A-Za-z_][A-Za-z0-9_]*)\s*$')
TABLE_START = re.compile(r'([A-Za-z_][A-Za-z0-9_]*)\s*(?:\[[^\]]*\]\s*)*=\s*$')


def literals(text):
    """(line number, literal with its quotes, the innermost named call around it, the
    code before it on its line, the variable whose initializer holds it) of every
    string literal outside comments, character constants and #include lines."""
    out = []
    i, n, line = 0, len(text), 1
    code = []     # the code of the current line so far
    calls = []    # names of the open calls ('' for a parenthesis that is no call)
    braces = []   # per open brace: the variable it initialises, or None
    recent = ''   # the code since the last '(' or ')', to find a call's name
    while i < n:
        c = text[i]
        if text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            if '\n' in text[i:j]:
                line += text.count('\n', i, j)
                code = []
            i = j
            continue
        if text.startswith('//', i):
            j = text.find('\n', i)
            i = n if j < 0 else j
            continue
        m = None
        if c == "'":
            m = re.compile(r"'(?:\\.|[^'\\\n])*'").match(text, i)
        elif c == '"':
            m = LITERAL.match(text, i)
            if m:
                before = ''.join(code)
                if not before.lstrip().startswith('#include'):
                    named = [k for k in calls if k]
                    tables = [b for b in braces if b]
                    out.append((line, m.group(0), named[-1] if named else '', before,
                                tables[-1] if tables else None))
        if m:
            code.append(m.group(0))
            recent += ' '
            i = m.end()
            continue
        if c == '\n':
            line += 1
            code = []
            if ''.join(code).lstrip().startswith('#'):
                calls = []
        else:
            code.append(c)
        if c == '(':
            k = IDENT_END.search(recent)
            calls.append(k.group(1) if k else '')
            recent = ''
        elif c == ')':
            if calls:
                calls.pop()
            recent = ''
        elif c == '{':
            k = TABLE_START.search(recent)
            braces.append(k.group(1) if k else None)
            recent = ''
        elif c == '}':
            if braces:
                braces.pop()
            recent = ''
        elif c == ';':
            recent = ''
        else:
            recent += c
        i += 1
    return out


def load_allowlist():
    allow = {}
    with open(ALLOW, encoding='utf-8') as f:
        for no, raw in enumerate(f, 1):
            line = raw.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            cols = line.split('\t')
            if len(cols) != 3 or not cols[2].strip() or \
                    not (cols[1] == '*' or LITERAL.fullmatch(cols[1]) or re.fullmatch(r'@\w+', cols[1])):
                sys.exit('%s:%d: want FILE<TAB>"literal", @table or *<TAB>reason' % (ALLOW, no))
            allow.setdefault(cols[0], {})[cols[1]] = no
    return allow


def main():
    allow = load_allowlist()
    used = set()
    bad = 0
    files = sorted(glob.glob('src/extract/**/*.[ch]', recursive=True))
    for path in files:
        if path.endswith('/lexicon_data.h'):
            continue
        with open(path, encoding='utf-8') as f:
            text = f.read()
        ok = allow.get(path, {})
        for line, lit, call, before, table in literals(text):
            body = lit[1:-1]
            if not has_word(decode(body)) or '%' in body:
                continue
            if call in ATTR_CALLS or call in MESSAGE_CALLS or MSG_FIELD.search(before):
                continue
            if table and '@' + table in ok:
                used.add((path, '@' + table))
                continue
            if lit in ok or '*' in ok:
                used.add((path, lit if lit in ok else '*'))
                continue
            print('%s:%d: phrase literal %s: put it in data/lexicon/ and ask for its role' % (path, line, lit))
            bad += 1
    for path, lits in sorted(allow.items()):
        for lit, no in sorted(lits.items()):
            if (path, lit) not in used:
                print('%s:%d: allowlist entry %s %s matches nothing: remove it' % (ALLOW, no, path, lit))
                bad += 1
    if bad:
        print('check_phrases: %d problem(s)' % bad)
        sys.exit(1)
    print('check_phrases: no phrase literal in src/extract (%d files)' % len(files))


if __name__ == '__main__':
    main()
