"""Per-article actor context: "the group", "the jihadists", "the coalition" point back to a named actor.

Feed :meth:`ActorContext.observe` every :class:`ActorMatch` of an article in text order; then
:meth:`ActorContext.resolve` maps an anaphoric phrase to the armed group named last, or to the
coalition the article names. "US-led coalition" is read as the Global Coalition Against Daesh when the
article is about Syria, Iraq or the Islamic State.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from eventwire.resolve.actors import ActorDictionary, ActorMatch

# Phrases that point back to the last named armed group (compared lower-cased, "the"/"its" optional).
GROUP_ANAPHORA = frozenset("""
group|jihadist group|jihadists|jihadis|militants|militant group|extremist group|extremists|terror group|
terrorist group|terrorist organisation|terrorist organization|terror organisation|terror organization|
insurgents|insurgent group|rebels|rebel group|organisation|organization|outfit|armed group|fighters|
militia|militiamen|jihadist organisation|jihadist organization|jihadist militia|islamist group|islamists|
group's fighters|militant organisation|militant organization|movement
""".replace("\n", "").split("|"))
COALITION_ANAPHORA = frozenset("""
coalition|coalition forces|coalition aircraft|coalition warplanes|coalition jets|coalition troops|
coalition planes|coalition drones|alliance|international coalition|military coalition|coalition's aircraft
""".replace("\n", "").split("|"))

_ANAPHORA_RE = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:" + "|".join(sorted(
        (re.escape(p).replace(r"\ ", r"\s+") for p in GROUP_ANAPHORA | COALITION_ANAPHORA), key=len, reverse=True))
    + r")\b")

_IS_CONTEXT = {"SYR", "IRQ"}
GLOBAL_COALITION = "global-coalition-against-daesh"
US_LED = "us-led-coalition"


def find_anaphora(text: str) -> list[tuple[int, int, str]]:
    """Spans of "the group", "the militants", "the coalition" ... in ``text``: (start, end, phrase)."""
    return [(m.start(), m.end(), m.group(0)) for m in _ANAPHORA_RE.finditer(text)]


def _phrase(text: str) -> str:
    t = " ".join(text.lower().replace("\u2019", "'").split())
    for art in ("the ", "its ", "their "):
        if t.startswith(art):
            return t[len(art):]
    return t


class ActorContext:
    """What one article has named so far; answers "who is 'the group' here?"."""

    def __init__(self, dictionary: ActorDictionary, *, country_iso3: str = ""):
        self.dictionary = dictionary
        self.country_iso3 = country_iso3
        self.last_group: str | None = None
        self.last_coalition: str | None = None
        self.seen: list[str] = []
        self._is_context = country_iso3 in _IS_CONTEXT

    def observe(self, match: ActorMatch) -> None:
        aid = match.actor_id
        if aid.startswith("raw:"):
            return
        entry = self.dictionary.get(aid)
        self.seen.append(aid)
        if aid == "islamic-state" or entry.country in _IS_CONTEXT or aid.split("@")[-1] in _IS_CONTEXT \
                or aid.startswith(("state:SYR:", "state:IRQ:")):
            self._is_context = True
        if entry.kind == "coalition":
            self.last_coalition = aid
        elif not match.generic and entry.armed_group:
            self.last_group = aid

    def _coalition(self) -> str | None:
        if self.last_coalition == US_LED and self._is_context:
            return GLOBAL_COALITION
        return self.last_coalition

    def resolve(self, text: str) -> str | None:
        """The actor id an anaphoric phrase points to, or None when the article names no candidate.

        "the group", "the jihadists", "the militants" (and "militants" alone) -> the last named armed
        group; "coalition", "the coalition", "coalition forces" -> the coalition named in the article
        (the US-led coalition read as the Global Coalition Against Daesh in a Syria/Iraq/IS article).
        """
        p = _phrase(text)
        if p in COALITION_ANAPHORA or p.endswith("-led coalition"):
            if p.endswith("-led coalition") and p.startswith(("us", "u.s.", "american")):
                return GLOBAL_COALITION if self._is_context else US_LED
            return self._coalition()
        if p in GROUP_ANAPHORA:
            return self.last_group
        return None
