# One `winnow warc` process per WARC file, spread by dask.bag.
# Run from the folder that holds warc-paths.txt (one WARC path per line).
import json
import os
import subprocess

import dask.bag as db

OUT_DIR = "out"


def winnow_file(path, out_dir=OUT_DIR, threads=4):
    name = os.path.basename(path).split(".warc")[0]
    out = os.path.join(out_dir, name + ".jsonl.gz")
    stats = os.path.join(out_dir, name + ".stats.json")
    rc = subprocess.run(["winnow", "warc", "-q", "-j", str(threads),
                         "-o", out, "--stats", stats, path]).returncode
    if rc > 1:                      # 2 usage, 3 output error: a real failure
        raise RuntimeError(f"winnow warc {path}: exit {rc}")
    with open(stats) as f:
        return dict(json.load(f), file=path, exit=rc)


if __name__ == "__main__":          # dask.bag's process pool imports this file again
    os.makedirs(OUT_DIR, exist_ok=True)
    with open("warc-paths.txt") as f:
        paths = sorted(f.read().split())
    results = db.from_sequence(paths, npartitions=len(paths)).map(winnow_file).compute()
    print(sum(r["extracted"] for r in results), "pages")
