"""How the hub becomes a MkDocs site: files, pages and notices, per language."""
