"""One root error and a subclass per stage. Messages say where: 'FILE:LINE: problem'."""

from __future__ import annotations


class QuizgenError(Exception):
    """Root of every error the CLI reports in one line."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class ConfigError(QuizgenError):
    """A config file or deck recipe is invalid."""


class IngestError(QuizgenError):
    """A source document cannot be read."""


class ExtractError(QuizgenError):
    """Extraction failed on a document."""


class GenerateError(QuizgenError):
    """Questions could not be generated."""


class BankError(QuizgenError):
    """A question bank is invalid or cannot be stored."""


class RenderError(QuizgenError):
    """An output could not be written."""
