"""ACLED's 6 event types and 25 sub-event types, with disorder type and cross-walks to CAMEO and PLOVER."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SubType:
    event_type: str
    sub_event_type: str
    disorder: str
    cameo: str  # CAMEO code of the typical act
    plover: str  # PLOVER event
    plover_mode: str = ""


PV, DEM, SD = "Political violence", "Demonstrations", "Strategic developments"
_ROWS = [
    SubType("Battles", "Government regains territory", PV, "190", "ASSAULT", "firearms"),
    SubType("Battles", "Non-state actor overtakes territory", PV, "192", "ASSAULT", "firearms"),
    SubType("Battles", "Armed clash", PV, "190", "ASSAULT", "firearms"),
    SubType("Protests", "Excessive force against protesters", "Political violence; Demonstrations", "175", "ASSAULT", "crowd-control"),
    SubType("Protests", "Protest with intervention", DEM, "141", "PROTEST", "demo"),
    SubType("Protests", "Peaceful protest", DEM, "141", "PROTEST", "demo"),
    SubType("Riots", "Violent demonstration", DEM, "145", "PROTEST", "riot"),
    SubType("Riots", "Mob violence", "Political violence; Demonstrations", "145", "PROTEST", "riot"),
    SubType("Explosions/Remote violence", "Chemical weapon", PV, "2042", "ASSAULT", "unconventional"),
    SubType("Explosions/Remote violence", "Air/drone strike", PV, "195", "ASSAULT", "aerial"),
    SubType("Explosions/Remote violence", "Suicide bomb", PV, "1831", "ASSAULT", "suicide-attack"),
    SubType("Explosions/Remote violence", "Shelling/artillery/missile attack", PV, "194", "ASSAULT", "heavy-weapons"),
    SubType("Explosions/Remote violence", "Remote explosive/landmine/IED", PV, "183", "ASSAULT", "explosives"),
    SubType("Explosions/Remote violence", "Grenade", PV, "183", "ASSAULT", "explosives"),
    SubType("Violence against civilians", "Sexual violence", PV, "1822", "ASSAULT", "sexual"),
    SubType("Violence against civilians", "Attack", PV, "180", "ASSAULT", "firearms"),
    SubType("Violence against civilians", "Abduction/forced disappearance", PV, "181", "ASSAULT", "abduct"),
    SubType("Strategic developments", "Agreement", SD, "057", "AGREE", ""),
    SubType("Strategic developments", "Arrests", SD, "173", "COERCE", "arrest"),
    SubType("Strategic developments", "Change to group/activity", SD, "154", "MOBILIZE", "troops"),
    SubType("Strategic developments", "Disrupted weapons use", SD, "171", "COERCE", "seize"),
    SubType("Strategic developments", "Headquarters or base established", SD, "154", "MOBILIZE", "troops"),
    SubType("Strategic developments", "Looting/property destruction", SD, "171", "COERCE", "seize"),
    SubType("Strategic developments", "Non-violent transfer of territory", SD, "0874", "RETREAT", "withdraw"),
    SubType("Strategic developments", "Other", SD, "", "", ""),
]
SUB_TYPES: dict[str, SubType] = {r.sub_event_type: r for r in _ROWS}
EVENT_TYPES: tuple[str, ...] = tuple(dict.fromkeys(r.event_type for r in _ROWS))
# ACLED's hierarchy: when two types describe one incident the earlier wins.
RANK: dict[str, int] = {r.sub_event_type: i for i, r in enumerate(_ROWS)}
MOVEMENT = {"Change to group/activity", "Headquarters or base established", "Non-violent transfer of territory"}
QUAD = {"ASSAULT": 4, "PROTEST": 4, "COERCE": 4, "MOBILIZE": 4, "SANCTION": 4, "AGREE": 1, "RETREAT": 2,
        "CONCEDE": 1, "CONSULT": 1, "SUPPORT": 1, "COOPERATE": 2, "AID": 2, "REQUEST": 3, "ACCUSE": 3,
        "REJECT": 3, "THREATEN": 3}


def side(actor_id: str) -> str:
    """The side an actor stands for: a state's forces, police and government are one ("state:SYR"); a class
    with its country fixed ("Syrian insurgents": generic:rebels@SYR) is the class the event's country gives."""
    return ":".join(actor_id.split(":")[:2]) if actor_id.startswith("state:") else actor_id.split("@", 1)[0]


def family(sub_event_type: str) -> str:
    """Blocking family for clustering: the ACLED event type (movements are one family)."""
    if sub_event_type in MOVEMENT:
        return "movement"
    return SUB_TYPES[sub_event_type].event_type if sub_event_type in SUB_TYPES else "other"


def plover(sub_event_type: str, *, context: list[str] | None = None, mode: str = "") -> dict[str, object]:
    row = SUB_TYPES[sub_event_type]
    modes = [mode or row.plover_mode] if (mode or row.plover_mode) else []
    return {"event": row.plover, "mode": modes, "context": context or ["military"],
            "quad_code": QUAD.get(row.plover, 0)}
