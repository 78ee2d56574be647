"""quizgen: turn readings into study material teachers and students trust."""

__version__ = "0.1.0"
