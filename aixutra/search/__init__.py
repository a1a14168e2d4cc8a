"""Search for Vietnamese readers: accent-insensitive, one prebuilt lunr index per language.

tokens: how text becomes index words; documents: what each page contributes; index:
building and packing the lunr index; hooks: the MkDocs events; measure: timing in Chromium.
"""
