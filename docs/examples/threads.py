# Extract a folder of pages on every core: the GIL is released while winnow works.
import os
import sys
from concurrent.futures import ThreadPoolExecutor

import winnow

folder = sys.argv[1] if len(sys.argv) > 1 else "pages"
paths = sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".html"))


def title(path):
    with open(path, "rb") as f:
        return winnow.extract(f.read()).title


with ThreadPoolExecutor(max_workers=os.cpu_count()) as pool:
    for path, t in zip(paths, pool.map(title, paths)):
        print(os.path.basename(path), t, sep="\t")
