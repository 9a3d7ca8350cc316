"""Cutting work into batches for the core: bounded memory, a progress bar,
and a point between batches where Ctrl-C stops the run."""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, List, Optional, Sequence, Tuple

#: File endings read line by line as JSON records.
JSONL_SUFFIXES = (".jsonl", ".ndjson")

#: Batches of at least this many articles (or bytes of files) show a
#: progress bar unless told otherwise.
AUTO_PROGRESS_ARTICLES = 2_000
AUTO_PROGRESS_BYTES = 20_000_000


class Progress:
    """A tqdm bar (the notebook widget in Jupyter) when tqdm is installed
    and the bar is wanted; otherwise it does nothing. ``wanted=None`` shows
    it for long runs where someone watches: on a terminal or in a notebook,
    never in a log or a pipe."""

    def __init__(self, wanted: Optional[bool], total: int, unit: str, auto_from: int) -> None:
        self._bar = None
        if wanted is False or (wanted is None and (total < auto_from or not _watched())):
            return
        try:
            from tqdm.auto import tqdm
        except ImportError:
            if wanted:
                warnings.warn("progress=True needs tqdm, which is not installed: pip install 'newsents[progress]'",
                              stacklevel=3)
            return
        scaled = unit == "B"
        self._bar = tqdm(total=total, unit=unit, unit_scale=scaled, unit_divisor=1024 if scaled else 1000,
                         desc="newsents")

    def update(self, amount: int) -> None:
        if self._bar is not None:
            self._bar.update(amount)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _watched() -> bool:
    """Whether standard error is a terminal or a notebook's output."""
    stderr = sys.stderr
    return stderr is not None and (stderr.isatty() or type(stderr).__module__.startswith("ipykernel"))


class Batch:
    """Work for one call into the core: whole files, or JSONL lines with
    the file and line number of each."""

    def __init__(self) -> None:
        self.files: List[str] = []
        self.lines: List[bytes] = []
        self.line_sources: List[Tuple[str, int]] = []
        self.size = 0  # bytes, for the progress bar

    def __len__(self) -> int:
        return len(self.files) + len(self.lines)


def file_batches(files: Sequence[Path], batch_size: int) -> Iterator[Batch]:
    """Batches of at most ``batch_size`` articles, in file order: text files
    whole, JSONL files a line at a time (never read whole)."""
    batch = Batch()
    for path in files:
        lines = _open_jsonl(path)
        if lines is not None:
            if batch.files:
                yield batch
                batch = Batch()
            with lines:
                for number, line in enumerate(lines, 1):
                    if not line.strip():
                        continue
                    batch.lines.append(line)
                    batch.line_sources.append((str(path), number))
                    batch.size += len(line)
                    if len(batch) >= batch_size:
                        yield batch
                        batch = Batch()
        else:
            if batch.lines:
                yield batch
                batch = Batch()
            batch.files.append(str(path))
            batch.size += _size(path)
            if len(batch) >= batch_size:
                yield batch
                batch = Batch()
    if len(batch):
        yield batch


def _open_jsonl(path: Path) -> Optional[BinaryIO]:
    """A JSONL file opened for reading line by line; None for other files
    and for files that cannot be opened, which the core reads (and reports)
    whole."""
    if not path.name.lower().endswith(JSONL_SUFFIXES):
        return None
    try:
        return open(path, "rb")
    except OSError:
        return None


def _size(path: Path) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def total_size(files: Iterable[Path]) -> int:
    """Bytes to read, for the progress bar."""
    return sum(_size(path) for path in files)
