#!/usr/bin/env python3
"""bench.py: speed of the Python module over the readability development pages.

Prints (numbers, not a timed test):
  1. pages/s of the C path (wn_extract in a C loop) and of winnow.extract(html).text
     and Extractor.extract(html).text, in thread CPU time (robust to a loaded host),
     and the module's ratio to C (target: within 10%);
  2. pages/s in wall-clock time on 1 and on 2 threads, each with its own Extractor
     (the GIL is released: target >= 1.8x on two free cores), with the load average;
  3. trafilatura.extract beside it, when trafilatura is importable.

Wall-clock numbers depend on what else runs: on a shared host wrap the run in
`flock /tmp/winnow-bench.lock` and read the load average it prints.

usage: PYTHONPATH=python python3 python/bench.py [--pages DIR] [--repeats N] [--threads N]
"""
import argparse
import os
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import winnow  # noqa: E402
from winnow import _winnow  # noqa: E402

DEFAULT_PAGES = os.path.join(os.path.dirname(HERE), "..", "shared", "data", "extraction",
                             "readability", "pages")


def load(folder):
    names = sorted(n for n in os.listdir(folder) if n.endswith(".html"))
    pages = []
    for n in names:
        with open(os.path.join(folder, n), "rb") as f:
            pages.append(f.read())
    return pages


def best(fn, repeats):
    return min(fn() for _ in range(repeats))


def cpu_loop(fn, pages):
    def run():
        t0 = time.thread_time()
        for p in pages:
            fn(p)
        return time.thread_time() - t0
    return run


def wall_threads(pages, nthreads, rounds):
    """Each thread extracts every page `rounds` times with its own Extractor.
    Returns pages/s and the share of the run during which two or more threads
    were inside extract() at once (0 if the GIL serialised them, whatever the
    load; near 1 when it is released)."""
    barrier = threading.Barrier(nthreads + 1)
    spans = [[] for _ in range(nthreads)]

    def work(k):
        ex = winnow.Extractor()
        out = spans[k]
        barrier.wait()
        for _ in range(rounds):
            for p in pages:
                t0 = time.perf_counter()
                ex.extract(p).text
                out.append((t0, time.perf_counter()))

    ts = [threading.Thread(target=work, args=(k,)) for k in range(nthreads)]
    for t in ts:
        t.start()
    barrier.wait()
    t0 = time.perf_counter()
    for t in ts:
        t.join()
    wall = time.perf_counter() - t0
    events = sorted([(a, 1) for sp in spans for a, _ in sp] + [(b, -1) for sp in spans for _, b in sp])
    inside, last, both = 0, t0, 0.0
    for when, step in events:
        if inside >= 2:
            both += when - last
        inside += step
        last = when
    return nthreads * rounds * len(pages) / wall, both / wall


def loadavg():
    try:
        return "load average %.2f %.2f %.2f" % os.getloadavg()
    except OSError:
        return "load average unknown"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", default=DEFAULT_PAGES)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=3, help="passes per thread in the wall-clock part")
    args = ap.parse_args()
    if not os.path.isdir(args.pages):
        print(f"bench.py: no pages at {args.pages} (../shared absent): skipped")
        return 0
    pages = load(args.pages)
    mb = sum(map(len, pages)) / 1e6
    print(f"== winnow Python module over {len(pages)} pages ({mb:.1f} MB), "
          f"{time.strftime('%Y-%m-%dT%H:%MZ', time.gmtime())}, {os.cpu_count()} CPUs, {loadavg()}")

    # 1. CPU time per page: C loop vs the binding
    for p in pages:                    # warm caches and the allocator
        winnow.extract(p)
    c = best(lambda: _winnow._c_extract_loop(pages), args.repeats)
    mod = best(cpu_loop(lambda p: winnow.extract(p).text, pages), args.repeats)
    ex = winnow.Extractor()
    exs = best(cpu_loop(lambda p: ex.extract(p).text, pages), args.repeats)
    n = len(pages)
    print(f"C path (wn_extract loop)        {n / c:8.1f} pages/s  (CPU time, best of {args.repeats})")
    print(f"winnow.extract(html).text       {n / mod:8.1f} pages/s  = {c / mod:6.1%} of C")
    print(f"Extractor().extract(html).text  {n / exs:8.1f} pages/s  = {c / exs:6.1%} of C")

    # 2. wall clock, 1 vs N threads
    one, _ = wall_threads(pages, 1, args.rounds)
    many, overlap = wall_threads(pages, args.threads, args.rounds)
    print(f"wall clock, 1 thread            {one:8.1f} pages/s")
    print(f"wall clock, {args.threads} threads           {many:8.1f} pages/s  = {many / one:.2f}x "
          f"({loadavg()})")
    print(f"  threads inside extract() at the same time: {overlap:.0%} of the {args.threads}-thread run "
          f"(0% would mean the GIL serialised them)")

    # 3. trafilatura, when installed
    try:
        import trafilatura
    except ImportError:
        print("trafilatura: not installed (pip install trafilatura to compare)")
    else:
        t = best(cpu_loop(lambda p: trafilatura.extract(p.decode("utf-8", "replace")), pages), 1)
        print(f"trafilatura.extract             {n / t:8.1f} pages/s  "
              f"(winnow.extract is {t / mod:.1f}x faster)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
