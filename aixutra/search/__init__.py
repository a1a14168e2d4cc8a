"""Search for Vietnamese readers: accent-insensitive, one prebuilt lunr index per language.

- documents: what each built page contributes: title; headings, tags, prompt tasks,
  sector, audience and unit names, bold and glossary terms; summary, prompt texts and
  measured results. Page bodies are left out: the index stays small enough for a phone.
- tokens: how text becomes words (NFC, lowercase; folded: no marks, đ as d).
- index: the lunr index (Python `lunr`), packed for the browser (index.<lang>.js).
- hooks: the MkDocs events (hooks/search.py); measure: timing in Chromium, CPU throttled.

In the browser (overrides/assets/search/search.js, loaded on the first focus of the box
in overrides/partials/axt-search.html) a query word matches every spelling that folds
like it, the exact accented spelling ranks first, and Telex or VNI keys left in a word
are tried when the word itself is not in the index.
"""
