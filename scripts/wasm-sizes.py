#!/usr/bin/env python3
"""Lists the largest functions of a wasm file by code size, using its name
section (run on wasm-bindgen's output, before wasm-opt strips names).
Usage: scripts/wasm-sizes.py FILE.wasm [N]"""
import sys, re, collections

def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1
        r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i

def main():
    data = open(sys.argv[1], 'rb').read()
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    i, imports, bodies, names = 8, 0, [], {}
    while i < len(data):
        sid = data[i]; i += 1
        size, i = leb(data, i); end = i + size
        if sid == 2:  # imports: count function imports
            cnt, j = leb(data, i)
            for _ in range(cnt):
                for _ in range(2):
                    l, j = leb(data, j); j += l
                kind = data[j]; j += 1
                if kind == 0: _, j = leb(data, j); imports += 1
                elif kind == 1: j += 1; fl, j = leb(data, j); _, j = leb(data, j); j = leb(data, j)[1] if fl & 1 else j
                elif kind == 2: fl, j = leb(data, j); _, j = leb(data, j); j = leb(data, j)[1] if fl & 1 else j
                elif kind == 3: j += 2
                else: j += 1; _, j = leb(data, j)
        elif sid == 10:
            cnt, j = leb(data, i)
            for _ in range(cnt):
                l, j = leb(data, j); bodies.append(l); j += l
        elif sid == 0:
            l, j = leb(data, i); name = data[j:j+l].decode(); j += l
            if name == 'name':
                while j < end:
                    sub = data[j]; j += 1
                    sl, j = leb(data, j); se = j + sl
                    if sub == 1:
                        cnt, j = leb(data, j)
                        for _ in range(cnt):
                            idx, j = leb(data, j); l, j = leb(data, j)
                            names[idx] = data[j:j+l].decode('utf8', 'replace'); j += l
                    j = se
        i = end
    total = sum(bodies)
    rows = sorted(((s, names.get(imports + k, f'func[{imports+k}]')) for k, s in enumerate(bodies)), reverse=True)
    print(f'code: {total} bytes in {len(bodies)} functions')
    for s, nm in rows[:n]:
        print(f'{s:8d}  {nm[:150]}')
    crates = collections.Counter()
    for s, nm in rows:
        m = re.search(r'(?:<|^)(\w+)::', nm)
        crates[m.group(1) if m else '?'] += s
    print('by crate:', ', '.join(f'{c} {s}' for c, s in crates.most_common(12)))

main()
