"""`quizgen bench`: corpus-scale build figures. A measurement printed for people, never a timed test.

It makes a corpus of at least `words` words in a temporary folder from copies of the
shared corpus (../shared/corpus) and the project's samples/, each copy made distinct
(its own number added, so its hash and name differ), then times with one fresh cache:
a cold build, an unchanged rebuild, and a rebuild after one document changed; and
prints words/second, those times and the peak memory of the process and its workers.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil

from .errors import QuizgenError

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = (ROOT.parent / "shared" / "corpus", ROOT / "samples")
BINARY_SUFFIXES = {".pdf"}  # a copy number cannot be written into these as text
FRONT_MATTER_OPEN = re.compile(r"\A---[ \t]*\r?\n")
# Formats whose cost grows with the bank, not with fixed work like laying out PDF pages.
DEFAULT_OUTPUTS = ("anki", "gift", "csv")
TARGET_WORDS_PER_SECOND = 20_000
TARGET_REBUILD_SECONDS = 1.0
TARGET_PEAK_BYTES = 1 << 30
SAMPLE_SECONDS = 0.25  # memory moves slowly; sampling more often would slow the build it measures


@dataclass(frozen=True)
class Figures:
    words: int
    documents: int
    cold: float
    unchanged: float
    one_changed: float
    peak_bytes: int
    questions: int

    @property
    def words_per_second(self) -> float:
        return self.words / self.cold if self.cold else 0.0


def originals(folders: Sequence[Path]) -> list[Path]:
    """Readable documents to copy (the corpus folder also holds notes, which are not readings)."""
    from .ingest.readers import supported_suffixes

    suffixes = supported_suffixes() - BINARY_SUFFIXES
    found = [
        p
        for folder in folders
        if folder.is_dir()
        for p in sorted(folder.iterdir())
        if p.suffix.lower() in suffixes and p.is_file() and p.name != "NOTES.md"
    ]
    if not found:
        raise QuizgenError(f"no documents to copy in {', '.join(str(f) for f in folders)}")
    return found


def distinct_copy(text: str, number: int) -> str:
    """The text with its copy number added where no reader treats it as structure."""
    if FRONT_MATTER_OPEN.match(text):
        return FRONT_MATTER_OPEN.sub(lambda m: f"{m.group(0)}bench_copy: {number}\n", text, count=1)
    return f"{text.rstrip()}\n\nBench copy {number}.\n"


def make_corpus(
    folder: Path, min_words: int, sources: Sequence[Path] = DEFAULT_SOURCES
) -> tuple[list[Path], int]:
    """Copies of the originals under `folder` until they hold `min_words` words; returns (files, words)."""
    texts = [(p, p.read_text(encoding="utf-8", errors="replace")) for p in originals(sources)]
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    words = 0
    number = 0
    while words < min_words:
        number += 1
        for path, text in texts:
            copy = distinct_copy(text, number)
            target = folder / f"{number:05d}-{path.name}"
            target.write_text(copy, encoding="utf-8")
            written.append(target)
            words += len(copy.split())
    return written, words


class PeakMemory:
    """Peak resident memory of this process and its workers together, sampled on a thread
    (getrusage gives only the largest single process, not workers running side by side)."""

    def __init__(self, every: float = SAMPLE_SECONDS):
        self.every = every
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        me = psutil.Process()
        while True:
            self.peak = max(self.peak, _resident(me))
            if self._stop.wait(self.every):
                return


def _resident(process: psutil.Process) -> int:
    total = process.memory_info().rss
    for child in process.children(recursive=True):
        try:
            total += child.memory_info().rss
        except psutil.Error:
            pass  # a worker that ended between the listing and the reading
    return total


def run(
    min_words: int = 1_000_000,
    outputs: Sequence[str] = DEFAULT_OUTPUTS,
    jobs: int | None = None,
    keep: Path | None = None,
    say: Callable[[str], None] = print,
    sources: Sequence[Path] = DEFAULT_SOURCES,
) -> Figures:
    """Make the corpus, build it three times, and return the figures."""
    from .build import build_recipe
    from .config import Settings
    from .recipe import Recipe

    folder = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="quizgen-bench-"))
    try:
        files, words = make_corpus(folder / "texts", min_words, sources)
        say(f"corpus: {len(files)} documents, {words:,} words in {folder / 'texts'}")
        settings = Settings.model_validate(
            {"cache_dir": str(folder / "cache"), "output_dir": str(folder / "out")}
        )
        recipe = Recipe(
            name="bench",
            path=None,
            title="bench",
            sources=(str(folder / "texts"),),
            outputs={name: {} for name in outputs},
        )

        def timed(label: str) -> tuple[float, int]:
            started = time.perf_counter()
            result = build_recipe(recipe, folder / "out", settings, jobs=jobs)
            elapsed = time.perf_counter() - started
            problems = list(result.failures) + [o.error for o in result.outputs if o.error]
            if problems:
                raise QuizgenError(f"bench build failed: {problems[0]}")
            say(f"{label}: {elapsed:.2f} s ({sum(result.questions.values())} questions)")
            return elapsed, sum(result.questions.values())

        with PeakMemory() as memory:
            cold, questions = timed("cold build")
            unchanged, _ = timed("unchanged rebuild")
            files[len(files) // 2].write_text(
                distinct_copy(files[len(files) // 2].read_text("utf-8"), 0), "utf-8"
            )
            one_changed, _ = timed("one document changed")
        return Figures(words, len(files), cold, unchanged, one_changed, memory.peak, questions)
    finally:
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def report(figures: Figures, say: Callable[[str], None] = print) -> None:
    """The figures against the targets, with how far a missed one is off."""

    def verdict(ok: bool, off: str) -> str:
        return "meets the target" if ok else f"MISSES the target: {off}"

    wps = figures.words_per_second
    say(
        f"cold build: {wps:,.0f} words/s over {figures.words:,} words "
        f"({verdict(wps >= TARGET_WORDS_PER_SECOND, f'{TARGET_WORDS_PER_SECOND / max(wps, 1):.1f}x too slow')})"
    )
    say(
        f"unchanged rebuild: {figures.unchanged:.2f} s ({verdict(figures.unchanged < TARGET_REBUILD_SECONDS, f'{figures.unchanged / TARGET_REBUILD_SECONDS:.1f}x the 1 s target')})"
    )
    say(f"one document changed: {figures.one_changed:.2f} s")
    peak = figures.peak_bytes / (1 << 20)
    say(
        f"peak memory, all processes together: {peak:,.0f} MiB ({verdict(figures.peak_bytes < TARGET_PEAK_BYTES, f'{peak / 1024:.2f} GiB')})"
    )
