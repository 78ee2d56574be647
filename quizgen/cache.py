"""Incremental build cache: a cleaned Document and its items, stored as JSON per source file.

An entry's key is the sha256 of the file's bytes, its suffix (the reader may be
chosen by it), the ingest and extract settings, quizgen's version and a hash of
the rule files, so any of those changing makes a new entry. Entries live under
`settings.cache_dir`, are written atomically, and a corrupt or foreign entry is
ignored and rebuilt: the folder is always safe to delete.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import orjson

from . import __version__
from .models import (
    Document,
    FlaggedRegion,
    Footnote,
    Item,
    Mark,
    Paragraph,
    Sentence,
)
from .util.files import write_text
from .util.paths import templates_dir

FORMAT = 2  # bump when the entry layout changes (2: marks, list items, block quotes)
PACKAGE_DIR = Path(__file__).parent


def document_from_dict(data: dict[str, Any]) -> Document:
    """Inverse of `Document.to_dict` (also after a JSON round trip, where tuples became lists)."""
    paragraphs = tuple(
        Paragraph(**{**p, "sentences": tuple(sentence_from_dict(s) for s in p["sentences"])})
        for p in data["paragraphs"]
    )
    return Document(
        path=data["path"],
        name=data["name"],
        format=data["format"],
        checksum=data["checksum"],
        metadata=data["metadata"],
        paragraphs=paragraphs,
        footnotes=tuple(Footnote(**f) for f in data["footnotes"]),
        regions=tuple(FlaggedRegion(**r) for r in data["regions"]),
    )


def sentence_from_dict(data: dict[str, Any]) -> Sentence:
    return Sentence(
        **{
            **data,
            "footnotes": tuple(data["footnotes"]),
            "marks": tuple(Mark(**m) for m in data.get("marks", ())),
        }
    )


def item_from_dict(data: dict[str, Any]) -> Item:
    """Inverse of `models.item_to_dict`, by the item kind's registry entry."""
    from .extract import item_from_dict as from_kind

    return from_kind(data)


@functools.lru_cache(maxsize=1)
def extraction_code_hash() -> str:
    """One hash over the rules and the code that reads, cleans and extracts, so changing
    any of them invalidates cached documents (quizgen's version alone is not enough)."""
    digest = hashlib.sha256()
    for part in ("rules", "ingest", "extract"):
        _tree_hash(PACKAGE_DIR / part, digest)
    digest.update((PACKAGE_DIR / "models.py").read_bytes())
    return digest.hexdigest()


def settings_fingerprint(settings) -> str:
    """What, besides the file itself, changes a cached result."""
    parts = {
        "format": FORMAT,
        "version": __version__,
        "code": extraction_code_hash(),
        "ingest": settings.ingest.model_dump(mode="json"),
        "extract": settings.extract.model_dump(mode="json"),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True)
class Entry:
    document: Document
    items: tuple[Item, ...]


class Cache:
    """Cached ingest + extract results under one folder, for one set of settings."""

    def __init__(self, folder: str | Path, settings):
        self.folder = Path(folder)
        self.fingerprint = settings_fingerprint(settings)
        self.hits = 0  # entries reused by this build
        self.misses = 0  # files ingested and extracted again

    def key(self, path: Path, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()
        return hashlib.sha256(
            f"{self.fingerprint}:{path.suffix.lower()}:{digest}".encode()
        ).hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def has(self, key: str) -> bool:
        return self._file(key).is_file()

    def get(self, key: str, path: Path) -> Entry | None:
        """The entry for `key`, relabelled with `path` (the same bytes may sit elsewhere); None if absent or unreadable."""
        try:
            data = orjson.loads(self._file(key).read_bytes())  # a rebuild reads hundreds
            if data.get("key") != key:
                raise ValueError("entry for another key")
            entry = Entry(
                document_from_dict(data["document"]),
                tuple(item_from_dict(i) for i in data["items"]),
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # absent, corrupt or from an older layout: rebuilt and overwritten
        return _relabel(entry, str(path))

    def put(self, key: str, document: Document, items: list[Item] | tuple[Item, ...]) -> None:
        """Store an entry atomically; a document that cannot be written as JSON is simply not cached."""
        from .models import item_to_dict

        try:
            text = json.dumps(
                {
                    "key": key,
                    "document": document.to_dict(),
                    "items": [item_to_dict(i) for i in items],
                },
                ensure_ascii=False,
            )
        except (TypeError, ValueError):
            return
        try:
            write_text(self._file(key), text)
        except OSError:
            pass  # a read-only or full disk only costs speed, never the build


def _relabel(entry: Entry, path: str) -> Entry:
    """The cached result for identical bytes found at another path: same content, this file's name."""
    name = Path(path).name
    if entry.document.path == path and entry.document.name == name:
        return entry
    items = tuple(replace(i, source=replace(i.source, document=name)) for i in entry.items)
    return Entry(replace(entry.document, path=path, name=name), items)


# A whole build is reused when nothing that shapes its outputs changed: the recipe,
# every setting, each source's cache key, quizgen's own code, rules and templates.


def _tree_hash(folder: Path, digest) -> None:
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(
                path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0"
            )


def build_stamp(recipe, settings, keys: list[tuple[str, str]]) -> str:
    """A hash of what a recipe's outputs depend on; `keys` are (file name, cache key) of its sources."""
    from dataclasses import asdict

    digest = hashlib.sha256()
    described = {
        "recipe": asdict(recipe),
        "settings": settings.model_dump(mode="json"),
        "sources": keys,
        "version": __version__,
        "format": FORMAT,
    }
    digest.update(json.dumps(described, sort_keys=True, default=str).encode())
    digest.update(code_hash(settings).encode())
    return digest.hexdigest()


@functools.lru_cache(maxsize=8)
def _code_hash(template_dir: str | None) -> str:
    digest = hashlib.sha256(__version__.encode())
    _tree_hash(PACKAGE_DIR, digest)
    _tree_hash(templates_dir(), digest)
    if template_dir:
        _tree_hash(Path(template_dir), digest)
    return digest.hexdigest()


def code_hash(settings) -> str:
    """quizgen's code and templates (and the user's template folder), as outputs depend on them."""
    return _code_hash(settings.render.template_dir)


def _stamp_file(cache_dir: str | Path, out_dir: Path) -> Path:
    where = hashlib.sha256(str(Path(out_dir).resolve()).encode()).hexdigest()
    return Path(cache_dir) / "builds" / f"{where}.json"


def _fingerprint(path: Path) -> list[int]:
    status = path.stat()
    return [status.st_size, status.st_mtime_ns]


def reusable_build(cache_dir: str | Path, out_dir: Path, stamp: str) -> dict[str, Any] | None:
    """The summary recorded by the last build into `out_dir` when it had this stamp and its files are untouched."""
    try:
        data = json.loads(_stamp_file(cache_dir, out_dir).read_text(encoding="utf-8"))
        if data["stamp"] != stamp:
            return None
        for path, recorded in data["files"].items():
            if _fingerprint(Path(path)) != recorded:
                return None
        return data["summary"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def fingerprints(paths) -> dict[str, list[int]]:
    """Size and modification time of each file, to tell later whether someone touched it."""
    found = {}
    for path in paths:
        try:
            found[str(path)] = _fingerprint(Path(path))
        except OSError:
            found[str(path)] = []
    return found


def files_untouched(recorded: dict[str, list[int]]) -> bool:
    try:
        return all(_fingerprint(Path(p)) == f for p, f in recorded.items())
    except OSError:
        return False


def recorded_outputs(cache_dir: str | Path, out_dir: Path) -> dict[str, dict[str, Any]]:
    """The outputs the last successful build into `out_dir` wrote, by renderer (with their keys)."""
    try:
        data = json.loads(_stamp_file(cache_dir, out_dir).read_text(encoding="utf-8"))
        return {o["renderer"]: o for o in data["summary"]["outputs"] if o.get("key")}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def record_build(
    cache_dir: str | Path, out_dir: Path, stamp: str, summary: dict[str, Any], files: list[Path]
) -> None:
    """Remember a successful build; best effort, like every cache write."""
    try:
        data = {
            "stamp": stamp,
            "summary": summary,
            "files": {str(p): _fingerprint(Path(p)) for p in files},
        }
        write_text(
            _stamp_file(cache_dir, out_dir), json.dumps(data, ensure_ascii=False, default=str)
        )
    except (OSError, TypeError, ValueError):
        pass


# --- generation, per document ----------------------------------------------------------------
# A document's questions depend on its own items and on what its question types asked of the
# corpus (distractor pools, other documents' answers). An entry records those lookups with a
# digest of each answer; it is reused while every digest still matches in the new corpus.


@functools.lru_cache(maxsize=1)
def generation_code_hash() -> str:
    digest = hashlib.sha256()
    _tree_hash(
        PACKAGE_DIR / "generate", digest
    )  # question ids are made there too (generate/ids.py)
    # Each question's schema problem is kept with it (pipeline._checked).
    _tree_hash(PACKAGE_DIR / "schemas", digest)
    digest.update((PACKAGE_DIR / "bank" / "schema.py").read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class GeneratedEntry:
    usable: tuple[Item, ...]
    refused: tuple[Any, ...]  # generate.Rejection
    questions: tuple[Any, ...]  # models.Question, before merging and the gate
    scores: dict[str, float]
    lookups: tuple[tuple[tuple, str], ...]  # (corpus lookup, digest of its answer)
    checks: dict[str, tuple[str | None, str | None]]  # question id -> (gate, schema) (pipeline)


class GenerationCache:
    """Each document's screened items and questions, under `<cache_dir>/generated/`."""

    def __init__(self, folder: str | Path, settings, types):
        self.folder = Path(folder) / "generated"
        parts = {
            "format": FORMAT,
            "version": __version__,
            "extraction": settings_fingerprint(settings),
            "code": generation_code_hash(),
            "generate": settings.generate.model_dump(mode="json"),
            "types": list(types),
        }
        self.fingerprint = hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()

    def key(self, document: Document, source_key: str) -> str:
        """The extraction entry's key with the document's name and path (questions cite them)."""
        text = f"{self.fingerprint}:{source_key}:{document.name}:{document.path}"
        return hashlib.sha256(text.encode()).hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> GeneratedEntry | None:
        from .bank import question_from_dict
        from .generate import Rejection

        try:
            data = orjson.loads(self._file(key).read_bytes())  # a rebuild reads hundreds
            if data.get("key") != key:
                raise ValueError("entry for another key")
            return GeneratedEntry(
                usable=tuple(item_from_dict(i) for i in data["usable"]),
                refused=tuple(Rejection(question_from_dict(q), r) for q, r in data["refused"]),
                questions=tuple(question_from_dict(q) for q in data["questions"]),
                scores=dict(data["scores"]),
                lookups=tuple((tuple(k), d) for k, d in data["lookups"]),
                checks={qid: (gate, schema) for qid, (gate, schema) in data["checks"].items()},
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: str, entry: GeneratedEntry) -> None:
        from .models import item_to_dict

        try:
            text = json.dumps(
                {
                    "key": key,
                    "usable": [item_to_dict(i) for i in entry.usable],
                    "refused": [[r.question.to_dict(), r.reason] for r in entry.refused],
                    "questions": [q.to_dict() for q in entry.questions],
                    "scores": entry.scores,
                    "lookups": [[list(k), d] for k, d in entry.lookups],
                    "checks": entry.checks,
                },
                ensure_ascii=False,
            )
            write_text(self._file(key), text)
        except (OSError, TypeError, ValueError):
            pass
