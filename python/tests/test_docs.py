"""The Python in docs/ is code that runs: every ```python block of CRAWL.md and
PYTHON.md is one of docs/examples/*.py, and each example runs as written."""
import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT, make_records, page, tool_path, write_warc

DOCS = os.path.join(ROOT, "docs")
EXAMPLES = os.path.join(DOCS, "examples")


def examples():
    return {n: open(os.path.join(EXAMPLES, n)).read() for n in sorted(os.listdir(EXAMPLES))
            if n.endswith(".py")}


@pytest.mark.parametrize("doc", ["CRAWL.md", "PYTHON.md"])
def test_doc_blocks_are_the_example_files(doc):
    text = open(os.path.join(DOCS, doc)).read()
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert blocks
    files = examples()
    for block in blocks:
        assert block in files.values(), f"{doc}: a python block is not a docs/examples file:\n{block[:200]}"


def run_example(name, cwd, *args):
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(tool_path()) + os.pathsep + env.get("PATH", "")
    env["PYTHONPATH"] = os.pathsep.join(p for p in [os.environ.get("PYTHONPATH"), *sys.path] if p)
    r = subprocess.run([sys.executable, os.path.join(EXAMPLES, name), *args], cwd=cwd, env=env,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, f"{name}: exit {r.returncode}\n{r.stdout}\n{r.stderr}"
    return r.stdout


@pytest.fixture
def crawl_dir(tmp_path):
    paths = [write_warc(tmp_path / "one.warc.gz", make_records(4)),
             write_warc(tmp_path / "two.warc.gz", make_records(3, start=10))]
    (tmp_path / "warc-paths.txt").write_text("\n".join(paths) + "\n")
    return tmp_path


@pytest.mark.skipif(os.environ.get("WINNOW_SANITIZED") == "1",
                    reason="multi-process runs are tested in the release suite (CI time)")
def test_dask_cli_example(crawl_dir):
    out = run_example("dask_cli.py", crawl_dir)
    # pages 0-3 and 10-12, all 200 (only every fifth page, 4, 9, 14..., is a 404)
    assert out.strip() == "7 pages"
    assert sorted(os.listdir(crawl_dir / "out")) == ["one.jsonl.gz", "one.stats.json",
                                                     "two.jsonl.gz", "two.stats.json"]


@pytest.mark.skipif(os.environ.get("WINNOW_SANITIZED") == "1",
                    reason="multi-process runs are tested in the release suite (CI time)")
def test_dask_module_example(crawl_dir):
    assert run_example("dask_module.py", crawl_dir).strip() == "7 pages from 2 files"
    assert run_example("dask_module.py", crawl_dir).strip() == "7 pages from 2 files"   # skips


def test_threads_example(tmp_path):
    (tmp_path / "pages").mkdir()
    for i in range(6):
        (tmp_path / "pages" / f"p{i}.html").write_bytes(page(i))
    out = run_example("threads.py", tmp_path)
    assert out.splitlines() == [f"p{i}.html\tPage {i}" for i in range(6)]


def test_pipeline_adapter_example(tmp_path):
    out = run_example("pipeline_adapter.py", tmp_path)
    assert "main content" in out
