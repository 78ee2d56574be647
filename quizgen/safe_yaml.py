"""YAML as every file quizgen reads it (config, recipes, front matter, option values).

PyYAML's safe loader, without aliases: `*name` repeats a node, and nine levels of
aliases in a few hundred bytes expand into gigabytes once the data is copied or
written out. No setting quizgen reads needs one, so an alias is refused at its line.
"""

from __future__ import annotations

from typing import Any

import yaml


class Loader(yaml.SafeLoader):
    """yaml.SafeLoader that refuses aliases."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(
                None, None, "YAML aliases (*name) are not allowed", mark
            )
        return super().compose_node(parent, index)


def load(text: str) -> Any:
    return yaml.load(text, Loader=Loader)  # noqa: S506 - a SafeLoader subclass


def compose(text: str) -> yaml.Node | None:
    return yaml.compose(text, Loader=Loader)
