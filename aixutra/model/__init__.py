"""The content model: items loaded from the collections, with their taxonomies."""

from .hub import COLLECTIONS, Hub
from .item import Item
from .source import Source

__all__ = ["COLLECTIONS", "Hub", "Item", "Source"]
