"""MkDocs hooks of the offline copies: the logic lives in aixutra.offline.hooks."""

from aixutra.offline.hooks import on_config  # noqa: F401
