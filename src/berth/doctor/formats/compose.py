"""Compose YAML with positions: mappings and lists that remember the line of each key and item.

PyYAML's composer gives node positions; this turns the node tree into plain dicts and lists
(``YMap``/``YList``) carrying them, resolving anchors and ``<<`` merge keys as Compose does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml

__all__ = ["YList", "YMap", "load", "position"]

_MERGE = "tag:yaml.org,2002:merge"
_COMPOSE_TAGS = frozenset({"!reset", "!override"})


class YMap(dict[Any, Any]):
    line: int = 1
    column: int = 1
    key_positions: dict[Any, tuple[int, int]]


class YList(list[Any]):
    line: int = 1
    column: int = 1
    item_positions: list[tuple[int, int]]


def load(text: str) -> Any:
    """The document, or None when empty. Raises ``yaml.YAMLError`` when malformed."""
    # Imported here: PyYAML is a tenth of the doctor's start-up, and most runs (a warm
    # cache, a project without Compose files) parse no YAML at all.
    import yaml

    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if node is None:
        return None
    constructor = yaml.SafeLoader("")
    return _convert(node, constructor, {})


def _convert(node: yaml.Node, constructor: yaml.SafeLoader, memo: dict[int, Any]) -> Any:
    import yaml

    if id(node) in memo:
        return memo[id(node)]
    mark = node.start_mark
    if isinstance(node, yaml.MappingNode):
        result = YMap()
        result.line, result.column = mark.line + 1, mark.column + 1
        result.key_positions = {}
        memo[id(node)] = result
        merged: list[YMap] = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                value = _convert(value_node, constructor, memo)
                merged.extend(value if isinstance(value, list) else [value])
                continue
            key = _convert(key_node, constructor, memo)
            try:
                hash(key)
            except TypeError:
                continue
            result[key] = _convert(value_node, constructor, memo)
            result.key_positions[key] = (
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
        for source in merged:
            if isinstance(source, YMap):
                for key, value in source.items():
                    if key not in result:
                        result[key] = value
                        result.key_positions[key] = source.key_positions.get(
                            key, (source.line, source.column)
                        )
        return result
    if isinstance(node, yaml.SequenceNode):
        items = YList()
        items.line, items.column = mark.line + 1, mark.column + 1
        items.item_positions = []
        memo[id(node)] = items
        for item in node.value:
            items.append(_convert(item, constructor, memo))
            items.item_positions.append((item.start_mark.line + 1, item.start_mark.column + 1))
        return items
    if node.tag in _COMPOSE_TAGS:
        # Compose's merge tags (!reset, !override): the value as written, or nothing.
        return None if node.tag == "!reset" else getattr(node, "value", None)
    return constructor.construct_object(node, deep=True)


def position(container: Any, key: Any) -> tuple[int, int]:
    """Line and column of ``key`` in a YMap (or index in a YList), else of the container."""
    if isinstance(container, YMap) and key in container.key_positions:
        return container.key_positions[key]
    if (
        isinstance(container, YList)
        and isinstance(key, int)
        and key < len(container.item_positions)
    ):
        return container.item_positions[key]
    return (getattr(container, "line", 1), getattr(container, "column", 1))
