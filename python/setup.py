"""Build the winnow Python package: the C extension over include/winnow.h, with
the static library from the repository this folder belongs to (built here with
`make lib` when it is missing or stale). Install offline with

    pip install --no-build-isolation ./python
"""
import os
import re
import subprocess

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
HEADER = os.path.join(ROOT, "include", "winnow.h")
LIB = os.path.join(ROOT, "build", "release", "libwinnow.a")

if not os.path.exists(HEADER):
    raise SystemExit(f"winnow: {HEADER} not found: build from the winnow repository "
                     "(pip install ./python in its root, in-tree)")


def version():
    with open(HEADER) as f:
        return re.search(r'#define WN_VERSION_STRING "([^"]+)"', f.read()).group(1)


class BuildWithLibrary(build_ext):
    """make lib first: the library's own flags, one place that knows them."""

    def run(self):
        subprocess.check_call(["make", "-C", ROOT, "BUILD=release", "lib"])
        super().run()


setup(
    name="winnow",
    version=version(),
    description="Main content and metadata of web pages and WARC archives (libwinnow binding)",
    license="MIT",
    python_requires=">=3.9",
    packages=["winnow"],
    package_data={"winnow": ["py.typed", "*.pyi"]},
    ext_modules=[Extension(
        "winnow._winnow",
        sources=["winnow/_winnow.c"],
        include_dirs=[os.path.join(ROOT, "include")],
        extra_compile_args=["-std=c11", "-D_GNU_SOURCE"],
        extra_objects=[LIB],
        libraries=["isal", "z", "brotlidec", "zstd", "pthread", "m"],
    )],
    extras_require={"dask": ["dask", "distributed"]},
    cmdclass={"build_ext": BuildWithLibrary},
    zip_safe=False,
)
