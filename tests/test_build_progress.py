"""What the build's progress says: the recipe's selection, and which output is being written."""

from __future__ import annotations

from pathlib import Path

from quizgen.build import build_recipe, print_summary
from quizgen.config import Settings
from quizgen.recipe import load_recipe

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "town-government.md"


class Recorder:
    """A BuildProgress that keeps every description a stage showed."""

    def __init__(self):
        self.shown: list[str] = []

    def stage(self, name, total=None):
        recorder = self
        recorder.shown.append(name)

        class Stage:
            def total(self, count):
                pass

            def advance(self, count=1):
                pass

            def describe(self, text):
                recorder.shown.append(text)

            def done(self, note=None):
                recorder.shown.append(note or name)

        return Stage()


def test_progress_says_what_the_recipe_kept_and_names_each_output(tmp_path, capsys):
    (tmp_path / "reading.md").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "recipe.yaml").write_text(
        "title: T\nsources: [reading.md]\ncounts: {true_false: 1}\noutputs: [csv, gift]\n",
        encoding="utf-8",
    )
    bars = Recorder()
    result = build_recipe(
        load_recipe(tmp_path / "recipe.yaml"),
        tmp_path / "out",
        Settings(cache_dir=str(tmp_path / "cache")),
        progress=bars,
        reuse=False,
    )
    assert result.ok, result.failures
    kept = sum(result.questions.values())
    generated = [line for line in bars.shown if line.startswith("generated ")]
    assert len(generated) == 1 and generated[0].endswith(f"questions; the recipe kept {kept}")
    assert int(generated[0].split()[1]) > kept  # the recipe asked for one true/false question only
    assert [
        line for line in bars.shown if line.startswith("writing ") and line != "writing outputs"
    ] == ["writing csv", "writing gift"]
    print_summary(result)
    assert (
        f"{kept} questions (the recipe kept {kept} of {result.generated} generated)"
        in capsys.readouterr().out
    )
