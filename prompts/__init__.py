"""Prompt templates as files (Dutch), versioned, loaded by key.

Layout: `prompts/<key>/v<N>.system.txt` and `prompts/<key>/v<N>.user.txt`. Templates use `$name` /
`${name}` placeholders (string.Template), so JSON examples with braces need no escaping. The highest
version is used unless one is asked for. The prompt's `version` includes a hash of its text, so editing
a template invalidates the LLM response cache without anyone having to remember to bump a number.
"""

from __future__ import annotations

import hashlib
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from notulist.errors import MissingPromptVariableError, PromptError

PROMPT_DIR = Path(__file__).resolve().parent
_VERSION_FILE = re.compile(r"^v(\d+)\.(system|user)\.txt$")


@dataclass(frozen=True)
class Prompt:
    key: str
    number: int  # the N of vN
    system: str
    user: str

    @property
    def version(self) -> str:
        """`extract/v1@1a2b3c4d`: key, file version and a hash of the text (the cache key part)."""
        digest = hashlib.sha256(f"{self.system}\x1f{self.user}".encode("utf-8")).hexdigest()[:8]
        return f"{self.key}/v{self.number}@{digest}"

    @property
    def variables(self) -> set[str]:
        names: set[str] = set()
        for text in (self.system, self.user):
            for match in string.Template.pattern.finditer(text):
                name = match.group("named") or match.group("braced")
                if name:
                    names.add(name)
        return names

    def render(self, **values: object) -> list[dict[str, str]]:
        """The chat messages with every placeholder filled; a missing value is an error, never blank."""
        missing = sorted(self.variables - values.keys())
        if missing:
            raise MissingPromptVariableError(
                f"prompt '{self.key}' (v{self.number}) mist de variabele(n): {', '.join(missing)}"
            )
        text = {k: str(v) for k, v in values.items()}
        try:
            return self._messages(text)
        except ValueError as exc:  # a lone "$" in the template text
            raise PromptError(f"prompt '{self.key}' (v{self.number}) heeft een ongeldige plaatsaanduiding: {exc}") from exc

    def _messages(self, text: dict[str, str]) -> list[dict[str, str]]:
        return [
            {"role": "system", "content": string.Template(self.system).substitute(text)},
            {"role": "user", "content": string.Template(self.user).substitute(text)},
        ]


def available_versions(key: str, *, root: Path = PROMPT_DIR) -> list[int]:
    folder = root / key
    if not folder.is_dir():
        return []
    found: dict[int, set[str]] = {}
    for path in folder.iterdir():
        m = _VERSION_FILE.match(path.name)
        if m:
            found.setdefault(int(m.group(1)), set()).add(m.group(2))
    return sorted(n for n, parts in found.items() if parts == {"system", "user"})


@lru_cache(maxsize=64)
def _load(key: str, number: int, root: Path) -> Prompt:
    folder = root / key
    return Prompt(
        key=key,
        number=number,
        system=(folder / f"v{number}.system.txt").read_text(encoding="utf-8").strip(),
        user=(folder / f"v{number}.user.txt").read_text(encoding="utf-8").strip(),
    )


def load_prompt(key: str, version: int | None = None, *, root: Path = PROMPT_DIR) -> Prompt:
    """The prompt for `key` (latest version unless `version` is given)."""
    if not re.fullmatch(r"[a-z][a-z0-9_]*", key):
        raise PromptError(f"ongeldige promptnaam '{key}'")
    versions = available_versions(key, root=root)
    if not versions:
        raise PromptError(f"prompt '{key}' bestaat niet (verwacht {root / key}/v1.system.txt en v1.user.txt)")
    number = versions[-1] if version is None else version
    if number not in versions:
        raise PromptError(f"prompt '{key}' heeft geen versie v{number} (wel: {', '.join(f'v{v}' for v in versions)})")
    return _load(key, number, root)


def as_document(text: str, **attributes: object) -> str:
    """Wrap document text as delimited data for a prompt.

    The text goes in verbatim (so the model can quote it exactly); only a literal closing tag inside it
    is defused, so a document cannot end its own data block and smuggle text in as instructions.
    """
    attrs = "".join(f' {k}="{_attr(v)}"' for k, v in attributes.items() if v is not None)
    body = re.sub(r"</?\s*document\b", lambda m: m.group(0).replace("document", "document_"), text, flags=re.IGNORECASE)
    return f"<document{attrs}>\n{body}\n</document>"


def _attr(value: object) -> str:
    return str(value).replace('"', "'").replace("<", "(").replace(">", ")").replace("\n", " ")
