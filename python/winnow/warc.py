"""WARC files from Python: iterate records, or run the batch driver of `winnow warc`.

``records(source)`` reads a WARC (plain, gzip per record, whole-file gzip, zstd
with or without a dictionary; detected from the content) from a path or a binary
file object, yielding :class:`Record` objects. ``run(paths, output)`` is
``winnow warc``: the same JSON lines and the same counters, on all cores.
"""
from __future__ import annotations

import json
import os
from typing import Any, Callable, Iterable, Iterator, Optional, Union

from . import _winnow

__all__ = ["Record", "Records", "records", "run", "expand_paths"]

#: The HTTP header block of a response is decoded as ISO-8859-1, as HTTP/1.1 says.
_HEADER_ENCODING = "iso-8859-1"


class Record:
    """One WARC record.

    ``url`` (WARC-Target-URI), ``record_id``, ``date`` (WARC-Date), ``type``
    (WARC-Type), ``status`` (HTTP status, or None), ``headers`` (the HTTP response
    header fields: a dict with lower-case names; repeated fields joined with ", "),
    ``content_type`` (the WARC Content-Type), ``mime`` and ``charset`` (from the
    HTTP Content-Type), ``content_encoding`` (the coding that was undone),
    ``payload`` (bytes: the HTTP body with chunking and Content-Encoding undone),
    ``truncated`` (bool: the payload is incomplete), ``truncated_reason``
    (WARC-Truncated), ``payload_error`` (why the payload is incomplete or still
    encoded, or None) and ``offset`` (the record's or its gzip member's offset).
    """

    __slots__ = ("url", "record_id", "date", "type", "status", "_http_header", "content_type",
                 "mime", "charset", "content_encoding", "payload", "truncated",
                 "truncated_reason", "payload_error", "offset", "_headers")

    def __init__(self, fields: tuple) -> None:
        (self.url, self.record_id, self.date, self.type, self.status, self._http_header,
         self.content_type, self.mime, self.charset, self.content_encoding, self.payload,
         self.truncated, self.truncated_reason, self.payload_error, self.offset) = fields
        self._headers = None

    @property
    def headers(self) -> dict:
        """The HTTP response header fields, lower-case names (empty when there are none)."""
        if self._headers is None:
            h: dict = {}
            if self._http_header:
                lines = self._http_header.decode(_HEADER_ENCODING).split("\n")[1:]
                for line in lines:
                    name, sep, value = line.rstrip("\r").partition(":")
                    if not sep:
                        continue
                    name, value = name.strip().lower(), value.strip()
                    h[name] = h[name] + ", " + value if name in h else value
            self._headers = h
        return self._headers

    def extract(self, **options: Any) -> "_winnow.Article":
        """Extract the payload as a page (see winnow.extract for the options).

        The record's URL is the page's address and the HTTP charset takes part in
        the encoding detection, as in ``winnow warc``.
        """
        options.setdefault("transport_charset", self.charset)
        return _winnow.extract(self.payload, self.url, **options)

    def __repr__(self) -> str:
        return (f"<winnow.warc.Record {self.type} {self.url!r} status={self.status} "
                f"{len(self.payload)} bytes>")


class Records:
    """Iterator over the records of one WARC (see :func:`records`)."""

    def __init__(self, source: Any, *, html_only: bool = True, errors: str = "raise") -> None:
        if errors not in ("raise", "skip"):
            raise ValueError("errors must be 'raise' or 'skip'")
        if not isinstance(html_only, bool):
            raise TypeError("html_only must be a bool")
        self._reader = _winnow.WarcReader(source, html_only)
        self._skip = errors == "skip"
        #: With errors="skip": (offset, message) of each corrupt record passed over.
        self.errors: list = []

    def __iter__(self) -> "Records":
        return self

    def __next__(self) -> Record:
        while True:
            try:
                return Record(next(self._reader))
            except _winnow.Error as e:
                # A read failure (the file's own exception, or an I/O status) is
                # final; a corrupt record is not: the reader resynchronises.
                if not self._skip or e.status == "input/output error":
                    raise
                self.errors.append((e.offset, str(e)))

    @property
    def input_offset(self) -> int:
        """Bytes consumed from the (compressed) input so far."""
        return self._reader.input_offset

    def close(self) -> None:
        """Stop reading; a file object given as the source stays open."""
        self._reader.close()

    def __enter__(self) -> "Records":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def records(source: Union[str, bytes, "os.PathLike[str]", Any], *, html_only: bool = True,
            errors: str = "raise") -> Records:
    """Iterate the records of a WARC file.

    source is a path or a binary file object (``readinto`` or ``read``: an open
    file, ``io.BytesIO``, a stream from an object store...). With html_only (the
    default) only response records with an HTML MIME type are yielded, whatever
    their HTTP status. A corrupt record raises winnow.Error (with ``offset``);
    iteration may go on after it, or pass ``errors="skip"`` to skip such records
    and find them in the iterator's ``errors`` list. The reader is streaming:
    memory stays flat whatever the file size.
    """
    return Records(source, html_only=html_only, errors=errors)


_WARC_SUFFIXES = (".warc", ".warc.gz", ".warc.zst")


def expand_paths(paths: Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]]) -> list:
    """Paths as ``winnow warc`` takes them: a directory stands for every *.warc,
    *.warc.gz and *.warc.zst below it (name order, depth first, symlinked
    directories not followed); other paths are kept as given."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    out = []
    for p in paths:
        p = os.fspath(p)
        if isinstance(p, bytes):
            p = os.fsdecode(p)
        if os.path.isdir(p):
            out.extend(_walk(p))
        else:
            out.append(p)
    return out


def _walk(d: str) -> list:
    out = []
    with os.scandir(d) as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        if e.is_dir(follow_symlinks=False):
            out.extend(_walk(e.path))
        elif e.name.endswith(_WARC_SUFFIXES):
            out.append(e.path)
    return out


def _run(paths: Any, output: Any, *, stats: Optional[str] = None, **options: Any) -> tuple:
    """run(), also returning the error lines of files that failed as a whole."""
    stats_json, file_errors = _winnow.batch_run(expand_paths(paths), output, **options)
    if stats is not None:
        tmp = os.fspath(stats) + ".tmp"
        with open(tmp, "w") as f:
            f.write(stats_json)
        os.replace(tmp, stats)
    return json.loads(stats_json), [json.loads(line) for line in file_errors]


def run(paths: Any, output: Any, *, threads: Optional[int] = None, readers: Optional[int] = None,
        statuses: Optional[str] = None, mimes: Optional[str] = None, error_lines: bool = True,
        time_limit_ms: Optional[int] = None, max_memory_mb: Optional[int] = None,
        max_in_flight_mb: Optional[int] = None, comments: bool = False,
        with_markdown: bool = False, with_html: bool = False, page_type: Optional[str] = None,
        links: bool = False, images: bool = False, tables: bool = True,
        favor: Optional[str] = None, stats: Optional[str] = None,
        progress: Optional[Callable[[dict], None]] = None) -> dict:
    """Extract every HTML response of the WARC files in paths to JSON lines.

    The batch driver of ``winnow warc``: the same lines, in input order, and the
    same counters (the dict its ``--stats`` file holds). output is a path (a name
    ending in .gz is gzip-compressed) or a binary file object. threads defaults to
    the online CPUs (``threads=1``: one busy thread). statuses ("2xx", "200,301",
    "all") and mimes filter the records as ``--status`` / ``--mime`` do; page_type
    forces a page type instead of classifying each page; comments, links, images,
    tables, favor and with_markdown / with_html are ``winnow.extract``'s options
    (links and images show in the markdown and html fields);
    time_limit_ms (default 10000) and max_memory_mb (default 512) are the per-page
    budgets. stats, when given, is a path for the counters' JSON. progress, when
    given, is called with a stats dict about every 250 ms. Ctrl-C stops the run.
    The GIL is released while it runs.
    """
    prog = None
    if progress is not None:
        if not callable(progress):
            raise TypeError("progress must be callable")
        def prog(s: str, _cb=progress) -> None:
            _cb(json.loads(s))
    st, _ = _run(paths, output, stats=stats, threads=threads, readers=readers,
                 statuses=statuses, mimes=mimes, error_lines=error_lines,
                 time_limit_ms=time_limit_ms, max_memory_mb=max_memory_mb,
                 max_in_flight_mb=max_in_flight_mb, comments=comments,
                 with_markdown=with_markdown, with_html=with_html, page_type=page_type,
                 links=links, images=images, tables=tables, favor=favor, progress=prog)
    return st
