"""Problems found in contributions, reported in Vietnamese first, then English."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

_LINE_BREAKS = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")  # whatever str.splitlines() splits on


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    col: int
    severity: str  # "error" | "warning"
    code: str
    vi: str
    en: str

    @property
    def message(self) -> str:
        return f"{self.vi} / {self.en}"

    def format_text(self) -> str:
        # One problem, one line: a value quoted in a message may hold a line break.
        message = _LINE_BREAKS.sub(" ", self.message)
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {message}"

    def format_github(self) -> str:
        # GitHub workflow commands: %, CR and LF escaped in the message, also ':' and ','
        # in the properties (a file name may hold them).
        def prop(value) -> str:
            return _escape(str(value)).replace(":", "%3A").replace(",", "%2C")
        kind = "error" if self.severity == "error" else "warning"
        return (f"::{kind} file={prop(self.path)},line={self.line},col={self.col},"
                f"title={prop(self.code)}::{_escape(_LINE_BREAKS.sub(' ', self.message))}")

    def as_dict(self) -> dict:
        return asdict(self) | {"message": self.message}


def _escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


class ContentError(Exception):
    """Raised by the build when contributions have errors; carries them all."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__(f"{len(diagnostics)} problem(s)")
        self.diagnostics = diagnostics
