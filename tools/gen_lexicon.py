#!/usr/bin/env python3
"""gen_lexicon.py: writes src/extract/signals/lexicon_data.h from data/lexicon/*.tsv.

Every word and phrase the extractor looks for lives in the lexicon files, one
row per phrase:  phrase<TAB>role<TAB>lang[<TAB>flags]
  phrase  the bytes to look for, UTF-8; wrap it in double quotes when it starts
          or ends with a space or starts with '#' or '"' (the quotes are removed)
  role    which list it belongs to; declared in the same file by a line
          `#@ role [option ...]: what the role means and how the code uses it`
          options: flags=PREFIX  the 4th column holds '|'-separated flag names,
                                 written to C as PREFIX + name in the
                                 initializer WN_LEX_ROLE_FLAGS, parallel to the
                                 words (the code that defines the names
                                 declares the array)
                   bits=A,B,...  the 4th column holds '|'-separated names
                                 among A, B...: bits the generator defines
                                 (WN_LEX_ROLE_A...) and puts in
                                 wn_lex_ROLE_bits[] (a phrase's rows are ORed)
                   value         the 4th column holds a number 0-255 (with
                                 bits: among the names), put in
                                 wn_lex_ROLE_value[] (a month, a tag)
                   order=longest longest phrase first (ties in byte order)
                                 instead of byte order
  lang    ISO 639-1 code of the phrase's language, or * for markup tokens that
          belong to no language (class names, schema names)
Other lines starting with '#' are comments; blank lines are skipped.

Per role the header holds `static const char *const wn_lex_ROLE[]`: the
phrases, deduplicated (a phrase tagged with several languages is kept once),
in byte order (strcmp order) unless the role asks for another, NULL-terminated;
WN_LEX_ROLE_N is the count without the NULL; wn_lex_ROLE_len[] the phrases'
lengths in bytes (a scan over many phrases needs no strlen).

Usage: tools/gen_lexicon.py [--check] [--data DIR] [OUT]
  (default OUT src/extract/signals/lexicon_data.h; run from the repository root)
  --check  also verify the data and that every wn_lex_ROLE / WN_LEX_ROLE the
           code under src/ names is a declared role and every role is used
           (exit 1 on a problem)
  --data DIR  read DIR/*.tsv instead of data/lexicon (the tests' bad samples)
"""
import glob
import os
import re
import sys
import textwrap

DATA = 'data/lexicon'
DEFAULT_OUT = 'src/extract/signals/lexicon_data.h'
ROLE_RE = re.compile(r'^#@\s+([a-z][a-z0-9_]*)((?:\s+[a-z]+(?:=[A-Za-z0-9_,]+)?)*)\s*:\s*(\S.*)$')
LANG_RE = re.compile(r'^([a-z]{2}|\*)$')
FLAG_RE = re.compile(r'^[A-Z][A-Z0-9_]*$')


class Role:
    def __init__(self, name, where, options, why):
        self.name = name
        self.where = where
        self.flags = options.get('flags')
        self.bits = options['bits'].split(',') if options.get('bits') else []
        self.value = 'value' in options
        self.order = options.get('order', 'bytes')
        self.why = why
        self.rows = []   # (phrase bytes, lang, flags tuple, where)


def c_string(b):
    """A C string literal of printable ASCII and octal escapes ('?' escaped: no trigraphs)."""
    out = []
    for x in b:
        if x in (0x22, 0x5C):
            out.append('\\' + chr(x))
        elif 0x20 <= x < 0x7F and x != 0x3F:
            out.append(chr(x))
        else:
            out.append('\\%03o' % x)
    return '"' + ''.join(out) + '"'


def read(errors, data):
    roles = {}
    rows = []
    files = sorted(glob.glob(os.path.join(data, '*.tsv')))
    if not files:
        errors.append('%s: no .tsv files' % data)
    for path in files:
        with open(path, encoding='utf-8') as f:
            lines = f.read().split('\n')
        if lines and lines[-1] == '':
            lines.pop()
        for no, line in enumerate(lines, 1):
            where = '%s:%d' % (path, no)
            if line.startswith('#@'):
                m = ROLE_RE.match(line)
                if not m:
                    errors.append('%s: bad role line (want "#@ role [key=value ...]: why")' % where)
                    continue
                name, opts, why = m.group(1), m.group(2).split(), m.group(3)
                options = dict((o.split('=', 1) + [''])[:2] for o in opts)
                bad = set(options) - {'flags', 'order', 'bits', 'value'}
                if bad or options.get('order', 'bytes') not in ('bytes', 'longest') or \
                        ('flags' in options and ('bits' in options or 'value' in options)) or \
                        len(options.get('bits', '').split(',')) > 16:
                    errors.append('%s: unknown role option %s' % (where, ' '.join(opts)))
                if name in roles:
                    errors.append('%s: role %s already declared at %s' % (where, name, roles[name].where))
                    continue
                roles[name] = Role(name, where, options, why)
                continue
            if line.startswith('#') or line.strip() == '':
                continue
            cols = line.split('\t')
            if len(cols) not in (3, 4):
                errors.append('%s: want 3 or 4 tab-separated columns, got %d' % (where, len(cols)))
                continue
            phrase, role, lang = cols[0], cols[1], cols[2]
            flags = tuple(cols[3].split('|')) if len(cols) == 4 and cols[3] != '' else ()
            if len(phrase) >= 2 and phrase[0] == '"' and phrase[-1] == '"':
                phrase = phrase[1:-1]
            elif phrase != phrase.strip(' '):
                errors.append('%s: phrase with an edge space must be quoted' % where)
            if phrase == '':
                errors.append('%s: empty phrase' % where)
            if not LANG_RE.match(lang):
                errors.append('%s: language %r is not an ISO 639-1 code or *' % (where, lang))
            for fl in flags:
                if not FLAG_RE.match(fl) and not fl.isdigit():
                    errors.append('%s: bad flag name %r' % (where, fl))
            rows.append((role, phrase.encode('utf-8'), lang, flags, where))
    seen = {}
    for role, phrase, lang, flags, where in rows:
        r = roles.get(role)
        if r is None:
            errors.append('%s: role %s is not declared (#@ %s: ...)' % (where, role, role))
            continue
        if flags and not (r.flags or r.bits or r.value):
            errors.append('%s: role %s takes no 4th column' % (where, role))
        if r.bits or r.value:
            nums = [f for f in flags if f.isdigit()]
            names = [f for f in flags if not f.isdigit()]
            if r.value and len(nums) != 1:
                errors.append('%s: role %s wants one number in the 4th column' % (where, role))
            if not r.value and nums:
                errors.append('%s: role %s takes no number' % (where, role))
            for nm in names:
                if nm not in r.bits:
                    errors.append('%s: %s is none of the bits of role %s (%s)' % (where, nm, role, ','.join(r.bits)))
        key = (phrase, role, lang, flags)
        if key in seen:
            errors.append('%s: duplicate of %s' % (where, seen[key]))
            continue
        seen[key] = where
        r.rows.append((phrase, lang, flags, where))
    for r in roles.values():
        if not r.rows:
            errors.append('%s: role %s has no entries' % (r.where, r.name))
    return roles


def entries(r, errors):
    """The role's (phrase, flags) entries, deduplicated across languages, in the
    role's order. A role with bits or a value has one entry per phrase: the bits
    of its rows ORed, their values equal."""
    out = {}
    if r.bits or r.value:
        merged = {}
        for phrase, _lang, flags, where in r.rows:
            nums = tuple(f for f in flags if f.isdigit())
            names = set(f for f in flags if not f.isdigit())
            if phrase in merged:
                if merged[phrase][0] != nums:
                    errors.append('%s: %s has another value at %s' % (where, phrase.decode(), merged[phrase][2]))
                merged[phrase][1].update(names)
            else:
                merged[phrase] = (nums, names, where)
        for phrase, (nums, names, where) in merged.items():
            out[(phrase, nums + tuple(sorted(names, key=r.bits.index)))] = where
    else:
        for phrase, _lang, flags, where in r.rows:
            out[(phrase, flags)] = where
    items = sorted(out)
    if r.order == 'longest':
        items.sort(key=lambda e: (-len(e[0]), e[0], e[1]))
    if not r.flags:
        phrases = [p for p, _ in items]
        if len(set(phrases)) != len(phrases):
            errors.append('role %s: a phrase listed twice' % r.name)
    return items


def render(roles, errors):
    lines = [
        '/* generated by tools/gen_lexicon.py from the .tsv files in data/lexicon/; do not edit */',
        '/* Per role: the phrases in byte order (or the order the role declares),',
        ' * deduplicated, NULL-terminated; WN_LEX_<ROLE>_N counts them, wn_lex_<role>_len[]',
        ' * holds their lengths in bytes. A role with',
        ' * flags has the initializer WN_LEX_<ROLE>_FLAGS beside it. What each role means is said in',
        ' * the .tsv file that declares it (and repeated below). */',
        '#ifndef WN_EXTRACT_SIGNALS_LEXICON_DATA_H',
        '#define WN_EXTRACT_SIGNALS_LEXICON_DATA_H',
        '',
        '#include <stddef.h>',
        '',
        '/* The count of a role\'s phrases, and "array, count" for a function that takes both. */',
        '#define WN_LEX_COUNT(role) (sizeof wn_lex_##role / sizeof wn_lex_##role[0] - 1)',
        '#define WN_LEX_LIST(role) wn_lex_##role, WN_LEX_COUNT(role)',
        '',
    ]
    for name in sorted(roles):
        r = roles[name]
        items = entries(r, errors)
        src = os.path.basename(r.where.split(':')[0])
        why = r.why.replace('*/', '* /')
        lines.extend(textwrap.wrap('/* %s (%s): %s */' % (name, src, why), 96,
                                   subsequent_indent=' * ', break_on_hyphens=False))
        lines.append('#define WN_LEX_%s_N %d' % (name.upper(), len(items)))
        lines.append('static const char *const wn_lex_%s[%d] = {' % (name, len(items) + 1))
        for phrase, _ in items:
            lines.append('    %s,' % c_string(phrase))
        lines.append('    NULL,')
        lines.append('};')
        # The phrases' lengths in bytes: a scan over many phrases compares the
        # length and the first byte before it calls memcmp, without a strlen.
        lens = [len(p) for p, _ in items]
        if any(n > 255 for n in lens):
            errors.append('role %s: a phrase over 255 bytes' % name)
        lines.append('static const unsigned char wn_lex_%s_len[%d] = {' % (name, len(items) + 1))
        for i in range(0, len(lens), 16):
            lines.append('    ' + ', '.join(str(min(n, 255)) for n in lens[i:i + 16]) + ',')
        lines.append('    0,')
        lines.append('};')
        if r.flags:
            # An initializer, not an array: the flag names mean something only
            # where the code that defines them includes this header.
            lines.append('#define WN_LEX_%s_FLAGS { \\' % name.upper())
            for _, flags in items:
                lines.append('    %s, \\' % (' | '.join(r.flags + f for f in flags) if flags else '0'))
            lines.append('    0 }')
        if r.bits:
            for k, b in enumerate(r.bits):
                lines.append('#define WN_LEX_%s_%s 0x%xu' % (name.upper(), b, 1 << k))
            lines.append('static const unsigned short wn_lex_%s_bits[%d] = {' % (name, len(items) + 1))
            for _, flags in items:
                names = [f for f in flags if not f.isdigit()]
                lines.append('    %s,' % (' | '.join('WN_LEX_%s_%s' % (name.upper(), f) for f in names) if names else '0'))
            lines.append('    0,')
            lines.append('};')
        if r.value:
            lines.append('static const unsigned char wn_lex_%s_value[%d] = {' % (name, len(items) + 1))
            vals = [int(next(f for f in flags if f.isdigit())) for _, flags in items]
            if any(v > 255 for v in vals):
                errors.append('role %s: a value over 255' % name)
            for i in range(0, len(vals), 16):
                lines.append('    ' + ', '.join(str(v) for v in vals[i:i + 16]) + ',')
            lines.append('    0,')
            lines.append('};')
        lines.append('')
    lines.append('#endif')
    return '\n'.join(lines) + '\n'


def used_in_code():
    """Role names the C code under src/ refers to (wn_lex_ROLE, WN_LEX_ROLE_N or WN_LEX_ROLE_FLAGS)."""
    names = {}
    pat = re.compile(r'\b(?:wn_lex_([a-z0-9_]+)\b|WN_LEX_([A-Z0-9_]+?)_(?:N|FLAGS)\b|WN_LEX_(?:LIST|COUNT)\(\s*([a-z0-9_]+)\s*\))')
    for path in sorted(glob.glob('src/**/*.[ch]', recursive=True)):
        if path.endswith('lexicon_data.h'):
            continue
        with open(path, encoding='utf-8') as f:
            text = f.read()
        for m in pat.finditer(text):
            name = m.group(1) or m.group(3) or m.group(2).lower()
            for suffix in ('_bits', '_value', '_len'):
                if m.group(1) and name.endswith(suffix):
                    name = name[:-len(suffix)]
            names.setdefault(name, path)
    return names


def main():
    args = sys.argv[1:]
    check = '--check' in args
    args = [a for a in args if a != '--check']
    data = DATA
    if '--data' in args:
        k = args.index('--data')
        data = args[k + 1]
        del args[k:k + 2]
    out = args[0] if args else DEFAULT_OUT
    errors = []
    roles = read(errors, data)
    text = render(roles, errors)
    if check:
        used = used_in_code()
        for name, path in sorted(used.items()):
            if name not in roles:
                errors.append('%s: uses role %s, which no data/lexicon file declares' % (path, name))
        for name in sorted(roles):
            if name not in used:
                errors.append('%s: role %s is used nowhere under src/' % (roles[name].where, name))
    if errors:
        for e in errors:
            print('gen_lexicon: ' + e, file=sys.stderr)
        sys.exit(1)
    with open(out, 'w', encoding='utf-8') as f:
        f.write(text)


if __name__ == '__main__':
    main()
