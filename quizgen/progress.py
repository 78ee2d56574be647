"""Progress bars for the stages of a long build, on stderr, and silent when stderr is not a terminal.

The build's counts (documents, items, questions, rejections, outputs) are in
`build.print_report`; the bars only show how far each stage has got and how long
it took, and the reading stage says how many documents came from the cache.
"""

from __future__ import annotations

import sys
from contextlib import AbstractContextManager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)


class Stage:
    """One bar. `total(None)` (the default) shows a spinner for work of unknown size."""

    def __init__(self, progress: Progress | None, name: str, total: int | None = None):
        self._progress = progress
        self._task = progress.add_task(name, total=total) if progress is not None else None

    def total(self, count: int | None) -> None:
        if self._progress is not None:
            self._progress.update(self._task, total=count)

    def describe(self, text: str) -> None:
        """Say what the stage is doing now ("writing worksheet"), for a step that takes a while."""
        if self._progress is not None:
            self._progress.update(self._task, description=text)

    def advance(self, count: int = 1) -> None:
        if self._progress is not None:
            self._progress.advance(self._task, count)

    def done(self, note: str | None = None) -> None:
        """Mark the stage finished; `note` replaces its description ("read 12 documents (10 cached)")."""
        if self._progress is None:
            return
        task = self._progress.tasks[self._task] if self._task < len(self._progress.tasks) else None
        total = task.total if task is not None and task.total is not None else 1
        self._progress.update(
            self._task, total=total, completed=total, **({"description": note} if note else {})
        )


class BuildProgress(AbstractContextManager):
    """`with BuildProgress() as bars: stage = bars.stage("reading")`; a no-op when not enabled."""

    def __init__(self, enabled: bool | None = None, console: Console | None = None):
        console = console or Console(stderr=True)
        if enabled is None:
            enabled = console.is_terminal and sys.stderr.isatty()
        self._progress = (
            Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console,
                transient=False,
            )
            if enabled
            else None
        )

    def __enter__(self) -> BuildProgress:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()

    def stage(self, name: str, total: int | None = None) -> Stage:
        return Stage(self._progress, name, total)


QUIET = BuildProgress(enabled=False)
