"""Ingestion: find source files, pick a reader, clean into an immutable Document."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..errors import IngestError
from ..models import Document

# Files a folder holds beside its readings: README.md, NOTES.txt, LICENSE-MIT, changelog.md.
# The word alone or followed by '.', '-' or '_', so 'Notebook.md' is still a reading.
NOT_A_READING = re.compile(r"(?:readme|notes|changelog|license)(?:[._-]|$)", re.I)


def find_sources(paths: Iterable[str | Path], failures: list[str] | None = None) -> list[Path]:
    """Expand files and folders into the supported files they hold, in a stable order.

    When expanding a folder, files conventionally not readings are skipped: README*,
    NOTES*, CHANGELOG*, LICENSE* (any case) and hidden files or folders. A file named
    explicitly is always read. A missing path or a folder without supported files raises
    IngestError, or, when a `failures` list is given, is recorded there so the other
    paths are still read.
    """
    found: list[Path] = []
    for given in paths:
        try:
            found.extend(_sources_in(Path(given)))
        except IngestError as exc:
            if failures is None:
                raise
            failures.append(str(exc))
    return found


def _sources_in(path: Path) -> list[Path]:
    from .readers import supported_suffixes

    if not path.exists():
        raise IngestError("no such file or folder", str(path))
    if not path.is_dir():
        return [path]
    suffixes = supported_suffixes()
    supported = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
    files = [p for p in supported if is_reading(p.relative_to(path))]
    if not files:
        skipped = f"; skipped {len(supported)} notes, readme or hidden files" if supported else ""
        raise IngestError(
            f"no supported files in this folder (looked for {', '.join(sorted(suffixes))}{skipped})",
            str(path),
        )
    return files


def is_reading(relative: Path) -> bool:
    """False for a file inside a folder that is hidden, or conventionally not a reading."""
    if any(part.startswith(".") for part in relative.parts):
        return False
    return not NOT_A_READING.match(relative.name)


def check_text_budget(chars: int, settings, path: str) -> None:
    """IngestError when a document's text is over `ingest.max_text_chars` (readers that
    decompress check it as they go, so a bomb is refused before it is expanded)."""
    from ..config import Settings

    limit = (settings or Settings()).ingest.max_text_chars
    if chars > limit:
        raise IngestError(
            f"the text is over the limit of {limit:,} characters (ingest.max_text_chars)", path
        )


def load_document(path: str | Path, settings=None) -> Document:
    """Read and clean one file. Raises IngestError naming the file on any bad input."""
    from ..config import Settings
    from .clean import clean
    from .readers import choose_reader

    settings = settings or Settings()
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > settings.ingest.max_file_mb * 1024 * 1024:
            shown = f"{size / 1048576:.1f} MiB" if size >= 1048576 else f"{size / 1024:.1f} KiB"
            raise IngestError(
                f"file is {shown}, over the limit of {settings.ingest.max_file_mb:g} MiB (ingest.max_file_mb)",
                str(path),
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise IngestError("no such file", str(path)) from None
    except IsADirectoryError:
        raise IngestError("is a folder, not a file", str(path)) from None
    except PermissionError:
        raise IngestError("permission denied", str(path)) from None
    except OSError as exc:  # a device, a broken network mount...
        raise IngestError(f"cannot read: {exc.strerror or exc}", str(path)) from None
    if not data.strip():
        raise IngestError("the file is empty", str(path))
    reader = choose_reader(path, data[:4096])
    raw = reader.read(str(path), data, settings)
    check_text_budget(sum(len(line.text) for line in raw.lines), settings, str(path))
    document = clean(raw)
    text_chars = sum(len(p.text) for p in document.paragraphs)
    if text_chars < settings.ingest.min_text_chars:
        raise IngestError(f"no usable text ({text_chars} characters after cleaning)", str(path))
    return document
