"""`quizgen --help`, every command's --help and `--version`: plain words, no internal types."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from quizgen import __version__
from quizgen.cli import app

runner = CliRunner()
COMMANDS = [
    "ingest",
    "extract",
    "build",
    "render",
    "validate",
    "sample",
    "review",
    "serve",
    "bench",
]
INTERNAL = re.compile(r"<bool>|<str>|<path>|<int|<float|list\[|\{\w|\[x>=|x<=")


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_names_values_in_words(command):
    result = runner.invoke(app, [*command.split(), "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    assert "Usage: " in result.output
    assert INTERNAL.findall(result.output) == [], result.output
    assert "[default:" not in result.output, "defaults are given in words in the help text"


def test_every_command_is_checked():
    assert sorted(c.name or c.callback.__name__ for c in app.registered_commands) == sorted(
        COMMANDS
    )


def test_render_help_lists_every_format():
    from quizgen.render import RENDERERS

    output = runner.invoke(app, ["render", "--help"], terminal_width=200).output
    assert f"FORMAT is one of: {', '.join(RENDERERS.names())}." in output


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output == f"quizgen {__version__}\n"


def test_a_bad_count_is_one_plain_line():
    result = runner.invoke(app, ["sample", "x.json", "--n", "0"])
    assert result.exit_code == 2 and "must be at least 1" in result.output
