"""Dask: one WARC file per task, each writing its own shard, resumable.

``run_warcs(paths, out_dir)`` maps ``winnow.warc.run`` over the files with Dask.
Every task writes ``out_dir/<name>.jsonl.gz`` and then ``out_dir/<name>.stats.json``,
the completion marker: both are written under temporary names and renamed, so a
killed task never leaves a shard that looks finished, and a rerun skips the
shards whose marker exists. A task that fails (a file that cannot be opened or
read to its end, a worker that died) is reported with its path and reason while
the others finish; it has no marker, so a rerun tries it again.
"""
from __future__ import annotations

import inspect
import json
import os
import traceback
from typing import Any, Iterable, Optional

from . import warc as _warc

__all__ = ["run_warcs", "shard_name"]

_SUFFIXES = (".warc.gz", ".warc.zst", ".warc", ".gz", ".zst")

#: Counters summed over the shards (the rest of a stats record is per run).
_COUNTERS = ("files", "files_failed", "records_seen", "extracted", "skipped", "skipped_type",
             "skipped_mime", "skipped_status", "failed", "failed_read", "failed_extract",
             "failed_limit", "failed_timeout", "truncated", "input_bytes", "input_total",
             "html_bytes", "output_bytes", "error_lines")


def shard_name(path: str) -> str:
    """The shard's name: the file's name without its WARC and compression suffixes."""
    base = os.path.basename(os.fspath(path))
    for suffix in _SUFFIXES:
        if base.endswith(suffix) and len(base) > len(suffix):
            return base[: -len(suffix)]
    return base


def _task(path: str, out_dir: str, name: str, threads: int, options: dict) -> dict:
    """One WARC -> one shard. Runs on a worker; never raises."""
    out = os.path.join(out_dir, name + ".jsonl.gz")
    marker = os.path.join(out_dir, name + ".stats.json")
    result: dict = {"file": path, "name": name, "output": out}
    # Hidden temporary names: a glob for *.jsonl.gz never sees a partial shard.
    tmp_out = os.path.join(out_dir, "." + name + ".partial.jsonl.gz")
    tmp_marker = os.path.join(out_dir, "." + name + ".partial.stats.json")
    try:
        if os.path.exists(marker):
            with open(marker) as f:
                result.update(state="skipped", stats=json.load(f))
            return result
        stats, file_errors = _warc._run([path], tmp_out, threads=threads, **options)
        if stats.get("files_failed"):
            reason = "; ".join(e.get("error", "failed") for e in file_errors) or "file failed"
            result.update(state="failed", reason=reason, stats=stats)
            return result
        with open(tmp_marker, "w") as f:
            json.dump(stats, f)
        os.replace(tmp_out, out)
        os.replace(tmp_marker, marker)
        result.update(state="done", stats=stats)
    except Exception as e:  # reported, so that the other tasks finish
        result.update(state="failed", reason=f"{type(e).__name__}: {e}",
                      traceback=traceback.format_exc())
    finally:
        for tmp in (tmp_out, tmp_marker):   # left only by a failure
            if os.path.exists(tmp):
                os.remove(tmp)
    return result


def _summary(results: list) -> dict:
    totals = {k: 0 for k in _COUNTERS}
    for r in results:
        for k in _COUNTERS:
            totals[k] += int(r.get("stats", {}).get(k, 0) or 0)
    failures = [{"file": r["file"], "reason": r["reason"]} for r in results if r["state"] == "failed"]
    return dict(totals,
                shards=len(results),
                shards_done=sum(r["state"] == "done" for r in results),
                shards_skipped=sum(r["state"] == "skipped" for r in results),
                shards_failed=len(failures),
                failures=failures,
                tasks=results)


def run_warcs(paths: Iterable[str], out_dir: str, *, client: Any = None, threads_per_task: int = 1,
              **options: Any) -> dict:
    """Extract WARC files with Dask, one file per task, one shard per file.

    paths: WARC files (directories are expanded as ``winnow warc`` does).
    out_dir: created if missing; gets ``<name>.jsonl.gz`` and ``<name>.stats.json``
    per file. client: None (a running ``distributed`` client if there is one, else
    Dask's default scheduler), a ``distributed.Client``, a cluster (e.g.
    ``distributed.LocalCluster``) or a scheduler address ("tcp://host:8786").
    threads_per_task: extraction threads per task (start workers with
    ``--nthreads 1`` and give each task the cores it may use). options: as for
    ``winnow.warc.run`` (statuses, mimes, comments, time_limit_ms...).

    Returns the summed counters of every finished or skipped shard, plus
    ``shards``, ``shards_done``, ``shards_skipped``, ``shards_failed``,
    ``failures`` (``{"file", "reason"}`` per failed task) and ``tasks`` (one
    result per file, in input order).
    """
    if not isinstance(threads_per_task, int) or isinstance(threads_per_task, bool) or threads_per_task < 1:
        raise ValueError("threads_per_task must be a positive int")
    for bad in ("output", "stats", "progress", "threads"):
        if bad in options:
            raise TypeError(f"run_warcs() sets {bad!r} itself")
    # Refuse an unknown option here, not in every task on the workers.
    known = set(inspect.signature(_warc.run).parameters) - {"paths", "output"}
    for name in options:
        if name not in known:
            raise TypeError(f"run_warcs() got an unexpected keyword argument {name!r}")
    files = _warc.expand_paths(paths)
    names = [shard_name(p) for p in files]
    seen: dict = {}
    for p, n in zip(files, names):
        if n in seen:
            raise ValueError(f"{seen[n]} and {p} would both write the shard {n!r}")
        seen[n] = p
    out_dir = os.path.abspath(os.fspath(out_dir))
    os.makedirs(out_dir, exist_ok=True)
    files = [os.path.abspath(p) for p in files]

    own_client = None
    try:
        if client is None:
            client = _current_client()
        elif isinstance(client, str) or hasattr(client, "scheduler_address"):
            from distributed import Client
            client = own_client = Client(client)
        if client is None:
            import dask
            tasks = [dask.delayed(_task, pure=False)(p, out_dir, n, threads_per_task, options)
                     for p, n in zip(files, names)]
            results = list(dask.compute(*tasks))
        else:
            futures = client.map(_task, files, [out_dir] * len(files), names,
                                 [threads_per_task] * len(files), [options] * len(files),
                                 pure=False)
            results = []
            for path, name, fut in zip(files, names, futures):
                try:
                    results.append(fut.result())
                except Exception as e:  # the worker died, or the task was lost
                    results.append({"file": path, "name": name, "state": "failed",
                                    "reason": f"{type(e).__name__}: {e}"})
    finally:
        if own_client is not None:
            own_client.close()
    return _summary(results)


def _current_client() -> Optional[Any]:
    try:
        from distributed import default_client
    except ImportError:
        return None
    try:
        return default_client()
    except ValueError:
        return None
