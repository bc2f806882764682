"""winnow.dask.run_warcs on a real LocalCluster (2 worker processes) and on Dask's
default scheduler: every record of every file accounted for, reruns skip
finished shards, a broken file is reported while the others finish."""
import gzip
import json
import os

import pytest

from conftest import make_records, write_warc

distributed = pytest.importorskip("distributed")
import winnow.dask as wdask  # noqa: E402

pytestmark = pytest.mark.skipif(os.environ.get("WINNOW_SANITIZED") == "1",
                                reason="multi-process runs are tested in the release suite (CI time)")


def make_inputs(d):
    """Five files whose records are counted by hand (one with a corrupt record, one
    that is noise), and a path whose file is missing."""
    d.mkdir()
    files = {
        # name: (path, records in the file, pages extracted, corrupt records)
        "a": (write_warc(d / "a.warc.gz", make_records(7)), 1 + 2 * 7, 6, 0),
        "b": (write_warc(d / "b.warc", make_records(3, start=50), "plain"), 1 + 2 * 3, 3, 0),
        "c": (write_warc(d / "c.warc.gz", make_records(12, start=100), "gzip"), 1 + 2 * 12, 10, 0),
    }
    recs = make_records(4, start=200)
    recs.insert(3, b"not a WARC record\r\n\r\n")   # one corrupt record among 9 good ones
    files["d"] = (write_warc(d / "d.warc.gz", recs), 1 + 2 * 4 + 1, 4, 1)
    noise = d / "e.warc.gz"
    noise.write_bytes(b"\x1f\x8b" + os.urandom(3000))    # gzip magic, then noise:
    files["e"] = (str(noise), 1, 0, 1)                   # one unreadable record
    return files, str(d / "gone.warc.gz")


def check_shards(out, files, result):
    by_file = {t["file"]: t for t in result["tasks"]}
    for name, (path, seen, extracted, corrupt) in files.items():
        t = by_file[os.path.abspath(path)]
        assert t["state"] in ("done", "skipped"), t
        st = t["stats"]
        assert st["records_seen"] == seen, name
        assert st["extracted"] == extracted, name
        assert st["failed_read"] == corrupt, name
        assert st["records_seen"] == st["extracted"] + st["skipped"] + st["failed"]
        lines = gzip.open(os.path.join(out, name + ".jsonl.gz")).read().decode().splitlines()
        assert len(lines) == extracted + corrupt
        assert sum("error" in json.loads(x) for x in lines) == corrupt
        assert json.load(open(os.path.join(out, name + ".stats.json"))) == st
    # the missing file is a failed task, reported with its path and reason
    bad = [t for t in result["tasks"] if t["state"] == "failed"]
    assert len(bad) == 1 and bad[0]["file"].endswith("gone.warc.gz")
    assert "cannot open" in bad[0]["reason"]   # the library's message
    assert result["records_seen"] == sum(f[1] for f in files.values())
    assert result["extracted"] == sum(f[2] for f in files.values())
    assert not [n for n in os.listdir(out) if "partial" in n]


def test_local_cluster_two_processes(tmp_path):
    files, junk = make_inputs(tmp_path / "in")
    out = str(tmp_path / "out" / "nested")          # created by run_warcs
    paths = [f[0] for f in files.values()] + [junk]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            r1 = wdask.run_warcs(paths, out, client=client)
            pids = client.run(os.getpid)
        assert len(set(pids.values())) == 2 and os.getpid() not in pids.values()
        check_shards(out, files, r1)
        assert r1["shards"] == 6 and r1["shards_done"] == 5 and r1["shards_failed"] == 1
        assert r1["failures"][0]["file"] == os.path.abspath(junk)
        assert r1["failures"][0]["reason"]
        assert not os.path.exists(os.path.join(out, "gone.stats.json"))
        # a rerun through the scheduler's address skips the finished shards and
        # tries the failed file again
        r2 = wdask.run_warcs(paths, out, client=cluster.scheduler_address)
        assert r2["shards_skipped"] == 5 and r2["shards_done"] == 0 and r2["shards_failed"] == 1
        check_shards(out, files, r2)
        # and given the cluster object itself
        r3 = wdask.run_warcs(paths[:2], out, client=cluster)
        assert r3["shards_skipped"] == 2 and r3["shards"] == 2


def test_default_scheduler_and_arguments(tmp_path):
    files, junk = make_inputs(tmp_path / "in")
    out = str(tmp_path / "out")
    r = wdask.run_warcs([str(tmp_path / "in"), junk], out, threads_per_task=2)   # a directory
    check_shards(out, files, r)
    assert r["shards_failed"] == 1 and r["failures"][0]["file"].endswith("gone.warc.gz")
    os.remove(os.path.join(out, "a.stats.json"))    # no marker: done again
    r = wdask.run_warcs([files["a"][0], files["b"][0]], out)
    assert r["shards_done"] == 1 and r["shards_skipped"] == 1
    with pytest.raises(ValueError, match="both write"):
        wdask.run_warcs([files["a"][0], str(tmp_path / "a.warc")], out)
    with pytest.raises(ValueError):
        wdask.run_warcs([files["a"][0]], out, threads_per_task=0)
    with pytest.raises(TypeError):
        wdask.run_warcs([files["a"][0]], out, output="x")
    with pytest.raises(TypeError, match="statuss"):
        wdask.run_warcs([files["a"][0]], out, statuss="all")
    r = wdask.run_warcs([files["b"][0]], str(tmp_path / "out2"), statuses="all", comments=True)
    assert r["shards_done"] == 1 and r["extracted"] == 3
    assert wdask.shard_name("/x/CC-MAIN-1.warc.gz") == "CC-MAIN-1"
