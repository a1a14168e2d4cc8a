"""MkDocs hooks of the hub's search: the logic lives in aixutra.search.hooks."""

from aixutra.search.hooks import (  # noqa: F401
    on_env,
    on_page_content,
    on_post_build,
    on_pre_build,
)
