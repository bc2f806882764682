#!/usr/bin/env python3
"""tuning.py: no magic threshold in src/extract/**/*.c.

Lists every decimal number that is an operand of a comparison (x < 200,
n * 2 > m, ld >= 0.3f, 12 < x) in the extractor's C files, after comments,
strings and character literals are taken out. Thresholds belong in
src/extract/tuning.h (WN_TUNE) with a reason. Not flagged: 0 and 1, hex
numbers (byte values), array sizes (sizeof), and the lines of
tests/tree/tuning_allow.txt: facts of a format and bounds on work, each
with its reason (the header's opening comment draws the line).

Usage: tuning.py [ROOT]   (default: the current directory). Exit 1 on a hit.
"""
import os
import re
import sys

CMP = r'(?:<=|>=|==|!=|(?<![<>-])<(?![<=])|(?<![-<>])>(?![>=]))'
NUM = r'(?<![\w.])(\d+\.\d*|\d*\.\d+|\d+)([fFuUlL]*)(?![\w.])'
# number right after a comparison (through casts, parens and a sign)
AFTER = re.compile(CMP + r'\s*(?:\(\s*\w+\s*\)\s*|\(\s*|-\s*)*' + NUM)
# number right before a comparison (through closing parens)
BEFORE = re.compile(NUM + r'\s*\)*\s*' + CMP)
# a number scaling one side of a comparison: a < b * 2, n * 2 > m
SCALED_R = re.compile(CMP + r'\s*[\w.>\[\]()-]+?\s*[*/%]\s*' + NUM)
SCALED_L = re.compile(r'[*/%]\s*' + NUM + r'\s*\)*\s*' + CMP)
OFFER = re.compile(r'\boffer\w*\s*\(')
# none, one, and the byte values 127/128/255/256 (ASCII and byte bounds)
TRIVIAL = {0.0, 1.0, 127.0, 128.0, 255.0, 256.0}


def strip(src):
    """Comments, strings and char literals become spaces (newlines kept)."""
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith('/*', i):
            j = src.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', src[i:j]))
            i = j
        elif src.startswith('//', i):
            j = src.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i))
            i = j
        elif c in '"\'':
            j = i + 1
            while j < n and src[j] != c and src[j] != '\n':
                j += 2 if src[j] == '\\' else 1
            out.append(c + ' ' * (j - i - 1) + (c if j < n else ''))
            i = j + 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def load_allow(path):
    allow = []
    if not os.path.exists(path):
        return allow
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line.strip() or line.lstrip().startswith('#'):
            continue
        f, _, frag = line.partition(': ')
        frag = frag.split('  # ')[0].strip()
        allow.append((f.strip(), frag))
    return allow


def hits(text):
    found = []
    for rx in (AFTER, BEFORE, SCALED_R, SCALED_L):
        for m in rx.finditer(text):
            v = m.group(1)
            if float(v) in TRIVIAL:
                continue
            # the last argument of a call compared as a whole: memcmp(p, q, 3) == 0
            if rx is BEFORE and re.search(r',\s*$', text[:m.start(1)]) and \
                    re.match(r'\s*\)', text[m.end(1):]):
                continue
            found.append((m.start(1), v))
    # a priority or a word limit handed to a metadata slot: offer(..., 90)
    for m in OFFER.finditer(text):
        depth, i = 1, m.end()
        while i < len(text) and depth:
            depth += {'(': 1, ')': -1}.get(text[i], 0)
            i += 1
        for n in re.finditer(NUM, text[m.end():i]):
            if float(n.group(1)) not in TRIVIAL:
                found.append((m.end() + n.start(1), n.group(1)))
    return found


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else '.'
    allow = load_allow(os.path.join(root, 'tests/tree/tuning_allow.txt'))
    used = set()
    bad = 0
    base = os.path.join(root, 'src/extract')
    for d, _, files in sorted(os.walk(base)):
        for name in sorted(files):
            if not name.endswith('.c'):
                continue
            path = os.path.join(d, name)
            rel = os.path.relpath(path, root)
            src = open(path, encoding='utf-8').read()
            lines = src.split('\n')
            text = strip(src)
            starts = [0]
            for ln in text.split('\n'):
                starts.append(starts[-1] + len(ln) + 1)
            seen = set()
            for pos, v in sorted(hits(text)):
                k = next(i for i in range(len(starts)) if starts[i + 1] > pos)
                if (k, v) in seen:
                    continue
                seen.add((k, v))
                code = lines[k].strip()
                if 'sizeof' in text.split('\n')[k]:
                    continue
                ok = [a for a in allow if a[0] == rel and a[1] in code]
                if ok:
                    used.update(ok)
                    continue
                print('%s:%d: %s   <- %s' % (rel, k + 1, code, v))
                bad += 1
    for a in allow:
        if a not in used:
            print('tests/tree/tuning_allow.txt: no longer matches: %s: %s' % a)
            bad += 1
    if bad:
        print('tuning: %d number(s) compared in src/extract/ outside src/extract/tuning.h '
              '(name them in WN_TUNE with a reason, or, for a format fact or a work bound, '
              'add the line to tests/tree/tuning_allow.txt)' % bad)
        return 1
    print('tuning: no magic threshold in src/extract/*.c')
    return 0


if __name__ == '__main__':
    sys.exit(main())
