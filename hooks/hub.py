"""MkDocs hooks of AI Xứ Trà: the logic lives in aixutra.site.hooks."""

from aixutra.site.hooks import (  # noqa: F401
    on_config,
    on_files,
    on_nav,
    on_page_content,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_post_page,
    on_post_template,
    on_pre_build,
    on_serve,
    on_template_context,
)
