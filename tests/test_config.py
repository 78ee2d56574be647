"""Settings: the shipped config.yaml, and one clear line for every kind of mistake in a config file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

import quizgen.extract  # noqa: F401  (the item kinds the settings are checked against)
from quizgen.config import Settings, _key_lines, load_settings
from quizgen.errors import ConfigError

SHIPPED = Path(__file__).resolve().parent.parent / "config.yaml"


def schema_fields(
    model: type[BaseModel] = Settings, prefix: tuple = ()
) -> list[tuple[tuple, bool]]:
    """Every field's key path, and whether it is a section (a nested schema) rather than a value."""
    out = []
    for name, field in model.model_fields.items():
        nested = isinstance(field.annotation, type) and issubclass(field.annotation, BaseModel)
        out.append((prefix + (name,), nested))
        if nested:
            out += schema_fields(field.annotation, prefix + (name,))
    return out


def write(folder: Path, text: str, name: str = "settings.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# ---- the shipped config.yaml ----------------------------------------------------------------


def test_shipped_config_validates_and_holds_the_defaults():
    assert load_settings(SHIPPED) == Settings()


def test_shipped_config_lists_every_field_with_a_comment():
    text = SHIPPED.read_text(encoding="utf-8")
    lines = text.split("\n")
    key_lines = _key_lines(yaml.compose(text))
    for key, is_section in schema_fields():
        assert key in key_lines, f"{'.'.join(key)} is missing from config.yaml"
        if not is_section:
            assert comment_above(lines, key_lines[key]), (
                f"{'.'.join(key)} in config.yaml has no comment above it"
            )


def comment_above(lines: list[str], line: int) -> bool:
    """A comment right above the key, or above the run of keys it belongs to ('prompts and answers')."""
    index = line - 2
    while index >= 0 and lines[index].strip() and not lines[index].lstrip().startswith("#"):
        index -= 1
    return index >= 0 and lines[index].lstrip().startswith("#")


def test_shipped_config_has_no_key_the_schema_lacks():
    known = {key for key, _ in schema_fields()}
    found = {
        key
        for key in _key_lines(yaml.compose(SHIPPED.read_text(encoding="utf-8")))
        if isinstance(key[-1], str)
    }
    assert found <= known


def test_no_config_file_means_the_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_settings() == Settings()
    assert load_settings(write(tmp_path, "")) == Settings()
    assert load_settings(write(tmp_path, "# only a comment\n")) == Settings()


def test_values_from_a_file_are_used(tmp_path):
    settings = load_settings(
        write(tmp_path, "ingest:\n  max_file_mb: 0.5\nextract:\n  kinds: [quote]\n")
    )
    assert settings.ingest.max_file_mb == 0.5
    assert settings.extract.kinds == ["quote"]
    assert settings.generate == Settings().generate


# ---- wrong keys and values ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        (
            "ingest:\n  max_fle_mb: 3\n",
            2,
            "unknown key 'ingest.max_fle_mb' (allowed: max_file_mb, max_text_chars, min_text_chars); did you mean 'max_file_mb'?",
        ),
        (
            "output_dir: out\nextrct:\n  pipeline: blank\n",
            2,
            "unknown key 'extrct' (allowed: api, cache_dir, ",
        ),
        (
            "extract:\n  pipeline: fancy\n",
            2,
            "'extract.pipeline' is fancy; allowed: 'auto', 'trained' or 'blank'",
        ),
        (
            "ingest:\n  max_file_mb: -3\n",
            2,
            "'ingest.max_file_mb' is -3; allowed: a number greater than 0",
        ),
        (
            "ingest:\n  min_text_chars: 0\n",
            2,
            "'ingest.min_text_chars' is 0; allowed: a number of at least 1",
        ),
        ("generate:\n  seed: many\n", 2, "'generate.seed' is many; allowed: a whole number"),
        (
            "extract:\n  kinds:\n    - quote\n    - joke\n",
            4,
            "'extract.kinds[1]' is joke; allowed: 'enumeration', 'definition', 'date' or 'quote'",
        ),
        (
            "extract:\n  vocabulary: civic trust\n",
            2,
            "'extract.vocabulary' is civic trust; allowed: a list",
        ),
        ("render:\n  paper: A5\n", 2, "'render.paper' is A5; allowed: 'A4' or 'Letter'"),
        (
            "ingest: 3\n",
            1,
            "'ingest' must be a mapping of keys (allowed: max_file_mb, max_text_chars, min_text_chars)",
        ),
        (
            "ingest:\n  max_file_mb: 1\n  max_file_mb: 2\n",
            3,
            "'ingest.max_file_mb' is given twice (first on line 2)",
        ),
        ("ingest:\n  max_file_mb: [1\n", 3, "invalid YAML"),
        ("- output_dir\n", 1, "the top level must be a mapping of settings"),
    ],
)
def test_a_wrong_key_or_value_names_file_key_line_and_what_is_allowed(
    tmp_path, text, line, expected
):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}:{line}: ")
    assert expected in message


def test_every_problem_is_reported_at_once_with_its_line(tmp_path):
    path = write(tmp_path, "ingest:\n  max_file_mb: 0\nrender:\n  paper: A3\n  colour: red\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    message = str(caught.value)
    assert message.startswith(
        f"{path}: line 2: 'ingest.max_file_mb' is 0; allowed: a number greater than 0; "
    )
    assert "; line 4: 'render.paper' is A3; allowed: 'A4' or 'Letter'" in message
    assert "; line 5: unknown key 'render.colour' (allowed: paper, template_dir)" in message


def test_a_missing_config_file_is_named(tmp_path):
    with pytest.raises(ConfigError, match="settings.yaml: file not found"):
        load_settings(tmp_path / "settings.yaml")


# ---- command-line options over the file -------------------------------------------------------------


def test_an_option_overrides_the_file(tmp_path):
    path = write(tmp_path, "extract:\n  pipeline: trained\n  min_quote_words: 5\n")
    settings = load_settings(path, {"extract.pipeline": "blank", "generate.seed": 7})
    assert (
        settings.extract.pipeline,
        settings.extract.min_quote_words,
        settings.generate.seed,
    ) == ("blank", 5, 7)


def test_an_option_left_unset_keeps_the_file_value(tmp_path):
    path = write(tmp_path, "extract:\n  pipeline: trained\n")
    assert load_settings(path, {"extract.pipeline": None}).extract.pipeline == "trained"


def test_an_option_replaces_a_wrong_file_value(tmp_path):
    path = write(tmp_path, "extract:\n  pipeline: fancy\n")
    assert load_settings(path, {"extract.pipeline": "blank"}).extract.pipeline == "blank"


def test_a_wrong_option_value_is_blamed_on_the_option_not_the_file(tmp_path):
    path = write(tmp_path, "extract:\n  pipeline: trained\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(path, {"extract.pipeline": "fancy"})
    assert caught.value.line is None
    assert (
        "'extract.pipeline' (command-line option) is fancy; allowed: 'auto', 'trained' or 'blank'"
        in str(caught.value)
    )
