"""`quizgen bench`: corpus-scale build figures. A measurement printed for people, never a timed test.

It builds a real corpus of distinct documents (../shared/bench/speeches, or `--corpus`) at
several sizes (nested subsets of about 100k and 300k words, then the whole), each into a
fresh cache, as `quizgen build FOLDER` does, and prints per size: words/s, questions, the
seconds of each stage (read+extract, generate, bank, each renderer), the peak memory of all
processes together and the CPU cost per 1,000 words, so a stage whose cost grows faster
than the corpus shows at once. On the largest size it then times an unchanged rebuild and
two rebuilds after one document changed (an edit that leaves its facts, one that adds
facts), each as `quizgen build` in a process of its own, as a user would run it. Last, extraction's speed is set beside two passes over the same files on the same
cores: spaCy's blank tokenizer (the floor) and en_core_web_sm's full pipeline.

The machine may be shared, so every figure is given as wall time and as CPU time of this
process and its workers; compare ratios within one run.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from .errors import QuizgenError

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "bench" / "speeches"
DEFAULT_SIZES = (100_000, 300_000, 0)  # words; 0: the whole corpus
FULL_PIPELINE_WORDS = (
    150_000  # the full-pipeline pass reads this much (it is slow), scaled by words
)
TARGET_WORDS_PER_SECOND = 20_000
TARGET_CHANGED_SECONDS = 2.0
TARGET_UNCHANGED_SECONDS = 1.0
TARGET_PEAK_BYTES = 1 << 30
TARGET_COST_GROWTH = 1.25  # cost per 1,000 words at the whole size / at the smallest
TARGET_FULL_PIPELINE_RATIO = 4.0
SAMPLE_SECONDS = 0.25  # memory moves slowly; sampling more often would slow the build it measures
FACT_FREE_EDIT = "\n\nThis line was added by the benchmark.\n"
FACT_EDIT = (
    "\n\nA tidewatch is a small stone tower that keeps a written record of the sea level. "
    "The first tidewatch on the coast was built by the harbour board in 1907.\n"
)


# --- clocks -----------------------------------------------------------------------------------


def cpu_seconds() -> float:
    """CPU time of this process, of every worker it has waited for and of those still running
    (a build keeps its workers from reading through generation)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    ended = resource.getrusage(resource.RUSAGE_CHILDREN)
    running = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
            running += times.user + times.system
        except psutil.Error:
            pass  # it ended between the listing and the reading
    return own.ru_utime + own.ru_stime + ended.ru_utime + ended.ru_stime + running


@dataclass(frozen=True)
class Mark:
    wall: float
    cpu: float

    @staticmethod
    def now() -> Mark:
        return Mark(time.perf_counter(), cpu_seconds())


@dataclass
class StageTimes:
    """(name, wall seconds, CPU seconds) of each stage of one build, in order."""

    stages: list[tuple[str, float, float]] = field(default_factory=list)
    _open: tuple[str, Mark] | None = None

    def start(self, name: str) -> None:
        self.stop()
        self._open = (name, Mark.now())

    def stop(self) -> None:
        if self._open is not None:
            name, began = self._open
            now = Mark.now()
            self.stages.append((name, now.wall - began.wall, now.cpu - began.cpu))
            self._open = None


class _TimedStage:
    """A progress.Stage that marks where a build's stages (and each renderer) begin and end."""

    def __init__(self, times: StageTimes, name: str):
        self._times = times
        times.start(name)

    def total(self, count) -> None:
        pass

    def advance(self, count: int = 1) -> None:
        pass

    def describe(self, text: str) -> None:
        self._times.start(text.removeprefix("writing "))  # "writing anki": one renderer

    def done(self, note: str | None = None) -> None:
        self._times.stop()


class TimedProgress:
    """Stands for progress.BuildProgress, timing each stage the build shows and each renderer."""

    NAMES = {
        "reading documents": "read+extract",
        "generating questions": "generate",
        "saving the bank": "bank",
        "writing outputs": "outputs",
    }

    def __init__(self):
        self.times = StageTimes()

    def stage(self, name: str, total=None) -> _TimedStage:
        return _TimedStage(self.times, self.NAMES.get(name, name))


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


# --- corpus -----------------------------------------------------------------------------------


def corpus_files(folder: Path) -> list[tuple[Path, int]]:
    """The corpus's documents (as `quizgen build` finds them) with their word counts."""
    from .ingest import find_sources

    if not Path(folder).is_dir():
        raise QuizgenError(
            f"{folder}: no such folder (the benchmark corpus; give one with --corpus)"
        )
    found = [
        (p, len(p.read_text("utf-8", errors="replace").split()))
        for p in find_sources([str(folder)])
    ]
    if not found:
        raise QuizgenError(f"{folder}: no documents to build")
    return found


def nested_subsets(
    files: Sequence[tuple[Path, int]], sizes: Sequence[int]
) -> list[list[tuple[Path, int]]]:
    """For each size (0: all), files in a fixed spread order until they hold that many words;
    each subset holds the smaller ones, so the sizes differ only in how much is read."""
    spread = sorted(files, key=lambda f: hashlib.sha256(f[0].name.encode()).hexdigest())
    subsets = []
    for size in sizes:
        if not size:
            subsets.append(list(spread))
            continue
        taken, words = [], 0
        for file in spread:
            if words >= size:
                break
            taken.append(file)
            words += file[1]
        subsets.append(taken)
    return subsets


# --- one size ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Build:
    wall: float
    cpu: float
    questions: int
    stages: tuple[tuple[str, float, float], ...] = ()


@dataclass(frozen=True)
class SizeFigures:
    documents: int
    words: int
    cold: Build
    peak_bytes: int
    unchanged: Build | None = None
    fact_free_edit: Build | None = None
    fact_edit: Build | None = None

    @property
    def words_per_second(self) -> float:
        return self.words / self.cold.wall if self.cold.wall else 0.0

    @property
    def cpu_per_1000_words(self) -> float:
        return 1000 * self.cold.cpu / self.words if self.words else 0.0

    def stage(self, name: str) -> tuple[float, float]:
        return next(((w, c) for n, w, c in self.cold.stages if n == name), (0.0, 0.0))


def build_once(folder: Path, out: Path, settings, jobs: int | None) -> Build:
    from .build import build_recipe
    from .recipe import recipe_for_paths

    recipe = recipe_for_paths([str(folder)])
    progress = TimedProgress()
    began = Mark.now()
    result = build_recipe(recipe, out, settings, jobs=jobs, progress=progress)
    ended = Mark.now()
    problems = list(result.failures) + [o.error for o in result.outputs if o.error]
    if problems:
        raise QuizgenError(f"bench build failed: {problems[0]}")
    return Build(
        ended.wall - began.wall,
        ended.cpu - began.cpu,
        sum(result.questions.values()),
        tuple(progress.times.stages),
    )


def build_as_user(folder: Path, out: Path, config: Path, jobs: int | None) -> Build:
    """`quizgen build FOLDER` in a process of its own, as a user runs it: the time includes
    starting Python and importing quizgen."""
    command = [sys.executable, "-m", "quizgen", "build", str(folder), "--out", str(out)]
    command += ["--config", str(config)] + (["--jobs", str(jobs)] if jobs else [])
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    began = Mark.now()
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    ended = Mark.now()
    if done.returncode != 0:
        raise QuizgenError(f"bench build failed: {done.stderr.strip() or done.stdout.strip()}")
    bank = json.loads((out / folder.name / "bank.json").read_text(encoding="utf-8"))
    return Build(ended.wall - began.wall, ended.cpu - began.cpu, len(bank["questions"]))


def measure_size(
    files: Sequence[tuple[Path, int]], work: Path, jobs: int | None, rebuilds: bool
) -> SizeFigures:
    """Copy the files, build them cold into a fresh cache; with `rebuilds`, rebuild unchanged
    and after each kind of one-document edit."""
    from .config import Settings

    texts = work / "texts"
    texts.mkdir(parents=True)
    for path, _ in files:
        shutil.copyfile(path, texts / path.name)
    settings = Settings.model_validate({"cache_dir": str(work / "cache")})
    with PeakMemory() as memory:
        cold = build_once(texts, work / "out", settings, jobs)
    figures = SizeFigures(len(files), sum(w for _, w in files), cold, memory.peak)
    if not rebuilds:
        return figures
    config = work / "config.yaml"
    config.write_text(f"cache_dir: {json.dumps(str(work / 'cache'))}\n", encoding="utf-8")
    unchanged = build_as_user(texts, work / "out", config, jobs)
    edited = texts / files[len(files) // 2][0].name
    results = []
    for edit in (FACT_FREE_EDIT, FACT_EDIT):
        with edited.open("a", encoding="utf-8") as handle:
            handle.write(edit)
        results.append(build_as_user(texts, work / "out", config, jobs))
    return SizeFigures(
        figures.documents, figures.words, cold, memory.peak, unchanged, results[0], results[1]
    )


# --- the floor and the full pipeline ----------------------------------------------------------


def _pipe_worker(paths: list[str], choice: str) -> tuple[int, float]:
    """(words, CPU seconds) of running a pipeline over the files; loading it is not counted."""
    nlp = _full_pipeline(choice)
    texts = [Path(p).read_text("utf-8", errors="replace") for p in paths]
    nlp.max_length = max([nlp.max_length, *map(len, texts)])
    began = time.process_time()
    for _ in nlp.pipe(texts, batch_size=8):
        pass
    return sum(len(t.split()) for t in texts), time.process_time() - began


def _full_pipeline(choice: str):
    """spaCy's blank English, or the trained pipeline quizgen uses with every component on."""
    import spacy

    from .extract.nlp import TRAINED

    if choice == "blank":
        return spacy.blank("en")
    for name in TRAINED:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise QuizgenError("no trained English pipeline installed to compare with")


def pipeline_pass(
    files: Sequence[tuple[Path, int]], choice: str, jobs: int
) -> tuple[int, float, float]:
    """(words, CPU seconds, wall seconds) of `choice` over the files in `jobs` processes,
    the files shared out by size as the build shares them."""
    import multiprocessing

    shares: list[list[str]] = [[] for _ in range(jobs)]
    loads = [0] * jobs
    for path, words in sorted(files, key=lambda f: -f[1]):
        least = loads.index(min(loads))
        shares[least].append(str(path))
        loads[least] += words
    began = time.perf_counter()
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        done = list(pool.map(_pipe_worker, [s for s in shares if s], [choice] * jobs))
    # The wall time includes starting the workers and loading the pipeline: compare CPU.
    return sum(w for w, _ in done), sum(c for _, c in done), time.perf_counter() - began


def _fraction(files: Sequence[tuple[Path, int]], words: int) -> list[tuple[Path, int]]:
    return nested_subsets(files, [words])[0]


# --- the run ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    sizes: tuple[SizeFigures, ...]
    floor: tuple[int, float] = (0, 0.0)  # (words, CPU seconds) of the blank tokenizer
    full: tuple[int, float] = (0, 0.0)  # (words, CPU seconds) of en_core_web_sm's full pipeline

    @property
    def whole(self) -> SizeFigures:
        return self.sizes[-1]


def run(
    corpus: Path = DEFAULT_CORPUS,
    sizes: Sequence[int] = DEFAULT_SIZES,
    jobs: int | None = None,
    keep: Path | None = None,
    say: Callable[[str], None] = print,
    compare: bool = True,
) -> Figures:
    """Build each size, time the rebuilds on the largest, run the comparison passes; say each
    figure as it comes (a full run takes minutes)."""
    from .parallel import default_jobs

    files = corpus_files(Path(corpus))
    folder = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="quizgen-bench-"))
    workers = jobs or default_jobs()
    try:
        subsets = nested_subsets(files, sizes)
        measured = []
        for number, subset in enumerate(subsets):
            last = number == len(subsets) - 1
            figures = measure_size(subset, folder / f"size-{number}", jobs, rebuilds=last)
            say(
                f"built {figures.words:,} words ({figures.documents} documents): "
                f"{figures.cold.wall:.1f} s, {figures.cold.questions:,} questions"
            )
            measured.append(figures)
        floor = full = (0, 0.0)
        if compare:
            whole = subsets[-1]
            floor = pipeline_pass(whole, "blank", workers)[:2]
            full = pipeline_pass(_fraction(whole, FULL_PIPELINE_WORDS), "en_core_web_sm", workers)[
                :2
            ]
        return Figures(tuple(measured), floor, full)
    finally:
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def report(figures: Figures, say: Callable[[str], None] = print) -> None:
    """The table, then each target with how far a missed one is off."""
    sizes = figures.sizes
    stage_names = list(dict.fromkeys(n for s in sizes for n, _, _ in s.cold.stages))
    header = f"{'':<26}" + "".join(f"{s.words:>14,}" for s in sizes)
    say("words:" + header[6:])
    rows: list[tuple[str, Callable[[SizeFigures], str]]] = [
        ("documents", lambda s: f"{s.documents:,}"),
        ("questions", lambda s: f"{s.cold.questions:,}"),
        ("cold build, wall s", lambda s: f"{s.cold.wall:.1f}"),
        ("words/s (wall)", lambda s: f"{s.words_per_second:,.0f}"),
        ("CPU s, all processes", lambda s: f"{s.cold.cpu:.1f}"),
        ("CPU s per 1,000 words", lambda s: f"{s.cpu_per_1000_words:.3f}"),
        ("peak memory, MiB", lambda s: f"{s.peak_bytes / (1 << 20):,.0f}"),
    ]
    for name in stage_names:
        rows.append(
            (f"  {name}, s wall/CPU", lambda s, n=name: "{:.1f}/{:.1f}".format(*s.stage(n)))
        )
    for label, cell in rows:
        say(f"{label:<26}" + "".join(f"{cell(s):>14}" for s in sizes))

    whole, first = figures.whole, sizes[0]

    def verdict(ok: bool, off: str) -> str:
        return "meets the target" if ok else f"MISSES the target: {off}"

    wps = whole.words_per_second
    say(
        f"cold build: {wps:,.0f} words/s over {whole.words:,} words "
        f"({verdict(wps >= TARGET_WORDS_PER_SECOND, f'{TARGET_WORDS_PER_SECOND / max(wps, 1):.1f}x too slow')}; "
        f"{whole.words / max(whole.cold.cpu, 1e-9):,.0f} words per CPU second)"
    )
    for label, build, target in (
        ("unchanged rebuild", whole.unchanged, TARGET_UNCHANGED_SECONDS),
        ("one document changed, no fact changed", whole.fact_free_edit, TARGET_CHANGED_SECONDS),
        ("one document changed, facts added", whole.fact_edit, TARGET_CHANGED_SECONDS),
    ):
        if build is not None:
            say(
                f"{label}: {build.wall:.2f} s, {build.cpu:.2f} s CPU "
                f"({verdict(build.wall <= target, f'{build.wall / target:.1f}x the {target:g} s target')})"
            )
    peak = whole.peak_bytes / (1 << 20)
    say(
        f"peak memory, all processes together: {peak:,.0f} MiB "
        f"({verdict(whole.peak_bytes < TARGET_PEAK_BYTES, f'{peak / 1024:.2f} GiB')})"
    )
    growth = whole.cpu_per_1000_words / max(first.cpu_per_1000_words, 1e-9)
    say(
        f"cost per 1,000 words: {whole.cpu_per_1000_words:.3f} CPU s at {whole.words:,} words, "
        f"{first.cpu_per_1000_words:.3f} at {first.words:,} (x{growth:.2f}; "
        f"{verdict(growth <= TARGET_COST_GROWTH, 'grows faster than the corpus')})"
    )
    extract_cpu = whole.stage("read+extract")[1]
    if figures.floor[1] and extract_cpu:
        rate = whole.words / extract_cpu
        floor = figures.floor[0] / figures.floor[1]
        say(
            f"extraction: {rate:,.0f} words per CPU second; blank tokenizer over the same files "
            f"(the floor): {floor:,.0f} (extraction costs {floor / rate:.1f}x the floor)"
        )
    if figures.full[1] and extract_cpu:
        rate = whole.words / extract_cpu
        full = figures.full[0] / figures.full[1]
        say(
            f"en_core_web_sm full pipeline: {full:,.0f} words per CPU second over "
            f"{figures.full[0]:,} of the words (scaled by words); extraction is {rate / full:.1f}x "
            f"faster ({verdict(rate / full >= TARGET_FULL_PIPELINE_RATIO, 'want 4x')})"
        )
