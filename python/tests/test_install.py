"""The README's install route: pip install --no-build-isolation ./python into a
venv made with --system-site-packages, offline, then the README's one-liner."""
import os
import subprocess
import sys

import pytest

from conftest import EXAMPLE_PAGE, ROOT


@pytest.mark.skipif(os.environ.get("WINNOW_SANITIZED") == "1",
                    reason="installs a release build: tested in the release suite")
def test_pip_install_into_a_venv(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    py = str(venv / "bin" / "python")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    r = subprocess.run([py, "-m", "pip", "install", "-q", "--no-index", "--no-build-isolation",
                        os.path.join(ROOT, "python")], env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    code = ("import winnow, winnow.warc, winnow.adapter; "
            f"print(winnow.__file__); print(winnow.extract(open({EXAMPLE_PAGE!r},'rb').read()).title)")
    r = subprocess.run([py, "-c", code], env=env, cwd=str(tmp_path), capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    where, title = r.stdout.splitlines()
    assert where.startswith(str(venv))        # the installed copy, not the source tree
    assert title == "Night trains return to the Alps"
