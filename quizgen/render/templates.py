"""Jinja environment over templates/, with a user folder that overrides the shipped templates."""

from __future__ import annotations

import jinja2

from ..util.paths import templates_dir


def environment(template_dir: str | None = None) -> jinja2.Environment:
    """Autoescaped for HTML and XML; a user's `render.template_dir` is searched first."""
    loaders: list[jinja2.BaseLoader] = []
    if template_dir:
        loaders.append(jinja2.FileSystemLoader(template_dir))
    loaders.append(jinja2.FileSystemLoader(str(templates_dir())))
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(["html", "htm", "xml", "j2"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
