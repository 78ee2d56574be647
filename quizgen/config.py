"""Settings: one declarative schema, loaded from YAML, every problem reported with key and line.

`config.yaml` at the project root is the shipped default; every field below has a
default, so an empty file (or none) is valid. Unknown keys are errors: a typo must
not be silently ignored.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from . import safe_yaml
from .errors import ConfigError


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class IngestSettings(Section):
    max_file_mb: float = Field(
        20.0, gt=0, description="Refuse source files larger than this (MiB)."
    )
    min_text_chars: int = Field(
        40, ge=1, description="A file with less text than this is refused as empty."
    )
    max_text_chars: int = Field(
        2_000_000,
        ge=1,
        description="Refuse a file whose text (decoded, decompressed) is longer than this.",
    )


class ExtractSettings(Section):
    pipeline: Literal["auto", "trained", "blank"] = Field(
        "auto",
        description="auto: the trained English pipeline when installed, else a blank one; "
        "trained: require it; blank: rules only.",
    )
    min_quote_words: int = Field(
        8, ge=1, description="Shorter quoted phrases are terms, not quotes."
    )
    kinds: list[Literal["enumeration", "definition", "date", "quote"]] = Field(
        default_factory=lambda: ["enumeration", "definition", "date", "quote"],
        description="Item kinds to extract.",
    )
    speech_verbs: list[str] = Field(
        default_factory=list,
        description="Extra verbs that attribute a quote (added to the built-in list).",
    )
    vocabulary: list[str] = Field(
        default_factory=list,
        description="Domain terms a user wants recognised as list members or terms.",
    )


class GenerateSettings(Section):
    seed: int = Field(
        0, description="Seed for distractors and shuffles: same seed, same questions."
    )
    types: list[str] = Field(
        default_factory=lambda: [
            "basic",
            "short_answer",
            "cloze",
            "multiple_choice",
            "true_false",
            "list_recall",
            "matching",
            "ordering",
        ],
        description="Question types to generate.",
    )
    distractor_vocabulary: list[str] = Field(
        default_factory=list, description="Fallback distractors when the sources give too few."
    )
    max_prompt_chars: int = Field(
        400, ge=40, description="Longer prompts are rejected by the quality gate."
    )
    max_answer_chars: int = Field(
        160, ge=10, description="Longer answers are rejected by the quality gate."
    )


class RenderSettings(Section):
    paper: Literal["A4", "Letter"] = Field("A4", description="Worksheet paper size.")
    template_dir: str | None = Field(
        None,
        description="A folder whose templates override the shipped ones (same relative paths).",
    )


class ApiSettings(Section):
    database_url: str = Field(
        "sqlite:///build/bank.sqlite", description="Question store for `quizgen serve`."
    )
    api_key: str | None = Field(
        None,
        description="Key required for writes (POST /documents, POST /quizzes); QUIZGEN_API_KEY overrides it.",
    )
    max_upload_mb: float = Field(5.0, gt=0, description="Largest accepted upload (MiB).")
    write_rate_limit: str = Field(
        "60/minute",
        description="Writes (uploads, new quizzes) per client, e.g. '60/minute'; empty: no limit.",
    )
    export_rate_limit: str = Field(
        "20/minute", description="Quiz exports per client, e.g. '20/minute'; empty: no limit."
    )
    max_concurrent_pdf: int = Field(
        2, ge=1, description="PDF worksheets laid out at once; more wait, then 503."
    )
    export_cache_mb: float = Field(
        64.0, ge=0, description="Memory for rendered exports kept for repeat requests."
    )
    review_file: str | None = Field(
        None,
        description="Teacher review of the served questions at /review, signed in with the API key; "
        "decisions go to this file (e.g. decks/unit.review.yaml). None: no review pages.",
    )

    @field_validator("write_rate_limit", "export_rate_limit")
    @classmethod
    def _rate(cls, value: str) -> str:
        if value:
            from limits import parse

            try:
                parse(value)
            except ValueError:
                raise ValueError(
                    f"{value!r} is not a rate such as '60/minute' or '5/second'"
                ) from None
        return value


def user_cache_dir() -> str:
    """quizgen's folder in the user's cache folder (XDG_CACHE_HOME, ~/Library/Caches, %LOCALAPPDATA%)."""
    import platformdirs

    return platformdirs.user_cache_dir("quizgen", appauthor=False)


class Settings(Section):
    """All of quizgen's settings."""

    output_dir: str = Field(
        "build", description="Where `quizgen build` writes, relative to the project."
    )
    cache_dir: str | None = Field(
        None,
        validate_default=True,
        description="Extraction cache; safe to delete. Unset (null): the user's cache folder "
        "(~/.cache/quizgen on Linux), so no run leaves a cache in the working folder.",
    )
    ingest: IngestSettings = IngestSettings()
    extract: ExtractSettings = ExtractSettings()
    generate: GenerateSettings = GenerateSettings()
    render: RenderSettings = RenderSettings()
    api: ApiSettings = ApiSettings()

    @field_validator("cache_dir")
    @classmethod
    def _cache_dir(cls, value: str | None) -> str:
        return value if value else user_cache_dir()


def _key_lines(node: yaml.Node, path: tuple = (), out: dict | None = None) -> dict[tuple, int]:
    """Map each key path of a YAML mapping to its 1-based line, for error messages."""
    out = {} if out is None else out
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key_path = path + (key_node.value,)
            if key_path in out:
                raise DuplicateKey(_key_name(key_path), out[key_path], key_node.start_mark.line + 1)
            out[key_path] = key_node.start_mark.line + 1
            _key_lines(value_node, key_path, out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out[path + (i,)] = item.start_mark.line + 1
            _key_lines(item, path + (i,), out)
    return out


class DuplicateKey(Exception):
    """A key given twice: YAML would silently keep the last value."""

    def __init__(self, key: str, first: int, again: int):
        self.key, self.first, self.again = key, first, again


def parse_yaml(path: Path, error: type[ConfigError] = ConfigError) -> tuple[Any, dict[tuple, int]]:
    """Load a YAML file and the line of each key; one clear error on bad syntax."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error("file not found", str(path)) from None
    except IsADirectoryError:
        raise error("is a folder, not a settings file", str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"cannot read: {exc}", str(path)) from None
    try:
        node = safe_yaml.compose(text)
        data = safe_yaml.load(text)
        lines = _key_lines(node) if node is not None else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise error(
            f"invalid YAML: {problem}", str(path), mark.line + 1 if mark else None
        ) from None
    except DuplicateKey as exc:
        raise error(
            f"'{exc.key}' is given twice (first on line {exc.first})", str(path), exc.again
        ) from None
    return data, lines


def validate(
    model: type[BaseModel],
    data: Any,
    path: Path,
    lines: dict[tuple, int],
    from_command_line: Iterable[tuple] = (),
) -> Any:
    """Validate data against a schema; every problem in one line, each with key, line and what is allowed.

    `from_command_line`: key paths whose value came from a command-line option, not the file.
    """
    try:
        return model.model_validate(data if data is not None else {})
    except ValidationError as exc:
        options = set(from_command_line)
        problems: list[tuple[int | None, str]] = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            if loc in options:
                problems.append((None, _describe(model, err, origin=" (command-line option)")))
            else:
                problems.append((lines.get(loc) or lines.get(loc[:-1]), _describe(model, err)))
        if len(problems) == 1:
            line, message = problems[0]
            raise ConfigError(message, str(path), line) from None
        raise ConfigError(
            "; ".join(f"line {line}: {msg}" if line else msg for line, msg in problems), str(path)
        ) from None


def _key_name(loc: tuple) -> str:
    """('extract', 'kinds', 1) -> 'extract.kinds[1]'."""
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "(top level)"


def _describe(model: type[BaseModel], err: dict, origin: str = "") -> str:
    """One pydantic error as "'key' is VALUE; allowed: WHAT"."""
    loc = tuple(err["loc"])
    key = _key_name(loc)
    if err["type"] == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"unknown key '{key}' (allowed: {', '.join(allowed)}){hint}"
    if err["type"] == "missing":
        return f"'{key}' is required"
    if err["type"] in ("model_type", "model_attributes_type", "dict_type"):
        return (
            f"'{key}' must be a mapping of keys (allowed: {', '.join(_allowed_keys(model, loc))})"
        )
    ctx = err.get("ctx") or {}
    allowed = {
        "literal_error": lambda: str(ctx.get("expected", "")),
        "enum": lambda: str(ctx.get("expected", "")),
        "greater_than": lambda: f"a number greater than {_number(ctx.get('gt'))}",
        "greater_than_equal": lambda: f"a number of at least {_number(ctx.get('ge'))}",
        "less_than": lambda: f"a number less than {_number(ctx.get('lt'))}",
        "less_than_equal": lambda: f"a number of at most {_number(ctx.get('le'))}",
        "int_parsing": lambda: "a whole number",
        "int_type": lambda: "a whole number",
        "int_from_float": lambda: "a whole number",
        "float_parsing": lambda: "a number",
        "float_type": lambda: "a number",
        "bool_parsing": lambda: "true or false",
        "bool_type": lambda: "true or false",
        "string_type": lambda: "text (quote it if YAML reads it as something else)",
        "list_type": lambda: "a list, e.g. [a, b]",
        "too_short": lambda: f"at least {ctx.get('min_length')} item(s)",
    }.get(err["type"])
    if allowed is None:  # a schema's own check, e.g. a field_validator's message
        return f"'{key}'{origin}: {err['msg'].removeprefix('Value error, ')}"
    return f"'{key}'{origin} is {_shown(err.get('input'))}; allowed: {allowed()}"


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _shown(value: Any) -> str:
    text = yaml.safe_dump(value, default_flow_style=True, width=1000).strip()
    text = text.removesuffix("...").strip()
    return text if len(text) <= 60 else text[:57] + "..."


def _allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    for part in loc:
        field = model.model_fields.get(str(part)) if isinstance(part, str) else None
        if (
            field is None
            or not isinstance(field.annotation, type)
            or not issubclass(field.annotation, BaseModel)
        ):
            return sorted(model.model_fields)
        model = field.annotation
    return sorted(model.model_fields)


def load_settings(
    path: str | Path | None = None, overrides: dict[str, Any] | None = None
) -> Settings:
    """Settings from a YAML file (default: ./config.yaml when present), then CLI overrides.

    `overrides` uses dotted keys: {"generate.seed": 3}. None values are ignored.
    """
    data: dict[str, Any] = {}
    lines: dict[tuple, int] = {}
    cfg_path = Path(path) if path else Path("config.yaml")
    if path or cfg_path.exists():
        loaded, lines = parse_yaml(cfg_path)
        if loaded is not None and not isinstance(loaded, dict):
            raise ConfigError("the top level must be a mapping of settings", str(cfg_path), 1)
        data = loaded or {}
    from_command_line = []
    for dotted, value in (overrides or {}).items():
        if value is None:
            continue
        target = data
        *parents, last = dotted.split(".")
        for part in parents:
            if not isinstance(target.get(part, {}), dict):
                target[
                    part
                ] = {}  # the file's wrong value is replaced, so only the option is checked
            target = target.setdefault(part, {})
        target[last] = value
        from_command_line.append(tuple(dotted.split(".")))
    return validate(Settings, data, cfg_path, lines, from_command_line)
