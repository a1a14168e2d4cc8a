"""Problems found in contributions, reported in Vietnamese first, then English."""

from __future__ import annotations

from dataclasses import asdict, dataclass


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
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"

    def format_github(self) -> str:
        # GitHub workflow commands need %, CR and LF escaped in the message.
        msg = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        kind = "error" if self.severity == "error" else "warning"
        return f"::{kind} file={self.path},line={self.line},col={self.col},title={self.code}::{msg}"

    def as_dict(self) -> dict:
        return asdict(self) | {"message": self.message}


class ContentError(Exception):
    """Raised by the build when contributions have errors; carries them all."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__(f"{len(diagnostics)} problem(s)")
        self.diagnostics = diagnostics
