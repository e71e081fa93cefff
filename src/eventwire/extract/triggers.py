"""Event triggers: words and phrases that signal an incident, typed into ACLED sub-event types.

Triggers are not only verbs: strikes, clashes, shelling, assassination, ambush, raid, capture,
recaptured, blockade, withdrawal. Context words refine the type (``refine``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Trigger:
    start: int  # offsets into the sentence
    end: int
    text: str
    sub_event_type: str
    strength: float  # how surely the words alone signal an event (0-1)
    kind: str  # air | shelling | suicide | ied | grenade | chemical | clash | capture | recapture | attack |
    #            kill | abduct | sexual | protest | riot | mob | agreement | arrest | move | hq | transfer |
    #            disrupt | loot | blockade


_W = r"(?:\w+\s+){0,3}?"
_LEX: list[tuple[str, str, str, float]] = [
    # (regex, kind, default sub-event type, strength)
    (r"suicide (?:bomb(?:er|ers|ing|ings)?|attack(?:er|ers|s)?|car bomb(?:ing)?|blast|vest)|blew (?:himself|herself|themselves) up|svbieds?", "suicide", "Suicide bomb", 0.9),
    (r"chemical (?:attack|weapons? attack|strike)|sarin|chlorine (?:gas|attack|barrel)|nerve (?:agent|gas)|neurotoxic (?:agents?|gas|symptoms|substances?)|toxic gas(?: attack)?|(?:poison |nerve )?gas attacks?|poison gas|gass(?:ed|ing)", "chemical", "Chemical weapon", 0.8),
    (r"air ?strikes?|air ?raids?|air attacks?|drone (?:strikes?|attacks?)|aerial (?:bombardment|attacks?)|warplanes? (?:struck|bombed|hit|pounded|targeted|attacked)|jets? (?:struck|bombed|hit|pounded|targeted|attacked)|barrel bombs?", "air", "Air/drone strike", 0.9),
    (r"shell(?:ed|ing|s)?|artillery (?:fire|strikes?|attacks?|barrage)|mortar (?:fire|rounds?|shells?|attacks?|bombs?)|rocket (?:fire|attacks?)|fired (?:rockets|missiles|mortars?|shells)|missile (?:strikes?|attacks?)|rockets? (?:hit|struck|landed|slammed)|missiles? (?:hit|struck|landed)|bombard(?:ed|ment|ing)", "shelling", "Shelling/artillery/missile attack", 0.85),
    (r"(?:car|truck|lorry|vehicle|motorcycle|motorbike)[- ]bomb(?:s|ing|ings)?|roadside bombs?|improvised explosive devices?|ieds?|landmines?|land mines?|bomb (?:blast|attack|exploded|went off)|explosive devices?|bombing(?:s)?|bombed|dynamited|blew up|exploded|went off|blasts?|explosions?|explosives?[- ]laden|detonated", "ied", "Remote explosive/landmine/IED", 0.75),
    (r"grenades?", "grenade", "Grenade", 0.7),
    (r"recaptur(?:ed|e|ing)|retook|retaken|regain(?:ed|s)? (?:full )?control|liberat(?:ed|ion of)|re-?took", "recapture", "Government regains territory", 0.85),
    (r"captur(?:ed|e|ing)|seiz(?:ed|ure of) (?:control|the (?:town|city|village|base|area|district))|took (?:full )?control|taken control|overr?an|fell to", "capture", "Non-state actor overtakes territory", 0.8),
    (r"seized|seizing", "capture", "Non-state actor overtakes territory", 0.55),
    (r"clash(?:ed|es|ing)?|fighting|fought|battl(?:ed|es|ing)|gun ?battles?|firefights?|exchange(?:d)? (?:of )?fire|ambush(?:ed|es)?|offensive|skirmish(?:es)?|assault(?:ed)? on (?:positions|the (?:town|city|village|base))|raid(?:ed|s)?|attack(?:ed|s)? (?:army|military|police|government) (?:positions|posts?|checkpoints?|bases?|convoys?)|advanc(?:ed|ing) (?:into|on)", "clash", "Armed clash", 0.8),
    (r"attack(?:ed|s|ing)?|storm(?:ed|ing)?|assault(?:ed|s|ing)?", "clash", "Armed clash", 0.45),
    (r"kidnap(?:ped|ping|pings|s)?|abduct(?:ed|ion|ions|s)?|taken hostage|took (?:\w+ )?hostages?|forced disappearances?", "abduct", "Abduction/forced disappearance", 0.85),
    (r"rap(?:ed|es)|sexual (?:violence|assault|abuse)", "sexual", "Sexual violence", 0.7),
    (r"assassinat(?:ed|ion|ing|e)|massacr(?:ed|e|ing)|executed|beheaded|shot dead|gunned down|murder(?:ed|ing|s)?|stabbed|lynch(?:ed|ing)|opened fire on|shot (?:and killed|at)", "attack", "Attack", 0.8),
    (r"kill(?:ed|ing|s)|dead|died|death toll|lost their lives|wounded|injured", "kill", "Attack", 0.45),
    (r"riot(?:s|ed|ing|ers)?|torched|set fire to|stoned|hurled stones|burn(?:ed|ing|t) tyres", "riot", "Violent demonstration", 0.75),
    (r"mob(?:s)?", "mob", "Mob violence", 0.5),
    (r"protest(?:ed|ers|ors|s|ing)?|demonstrat(?:ed|ion|ions|ors|ing)|rall(?:y|ies|ied)|marched|sit-ins?|took to the streets", "protest", "Peaceful protest", 0.8),
    (r"ceasefire|cease-fire|truce|peace (?:deal|agreement|accord)|signed (?:an? )?(?:agreement|deal|accord)|evacuation (?:deal|agreement)|prisoner (?:exchange|swap)|surrender(?:ed|s)?|laid down (?:their|its) arms", "agreement", "Agreement", 0.8),
    ((r"(?<!cardiac )(?<!court )(?<!courted )(?<!courting )(?<!house )arrest(?:ed|s|ing)?(?! warrants?)|detain(?:ed|ing)|"
      r"rounded up|(?:taken|remanded) (?:in|into) (?:police |judicial )?custody|(?:been|was|were) booked(?! on)|"
      r"booked under|locking up|lock(?:ed)? up (?:the )?(?!gates?|doors?|shops?)\w+"), "arrest", "Arrests", 0.75),
    (r"headquarters|(?:military )?bases? (?:was|were|has been|have been) (?:established|set up|moved|relocated)|set up (?:a |its |their )?(?:base|headquarters)", "hq", "Headquarters or base established", 0.5),
    (r"relocat(?:ed|ing|e|ion)|withdr(?:ew|awn|awal|awing|aw)|pull(?:ed|ing) out|retreat(?:ed|ing|s)?|fle(?:e|eing|d)|leav(?:e|ing)|left the|moving|moved|transferr(?:ed|ing)|redeploy(?:ed|ment|ing)|deploy(?:ed|ment|ing)|evacuat(?:ed|ing|ion)|(?:troops|forces|fighters|reinforcements) (?:arrived|entered)", "move", "Change to group/activity", 0.55),
    (r"handed over|without (?:a fight|resistance|fighting)|peacefully (?:entered|took)", "transfer", "Non-violent transfer of territory", 0.7),
    (r"defused|intercepted|shot down (?:a |two |\w+ )?(?:drones?|missiles?|rockets?)|seized (?:a |an )?(?:weapons|arms|ammunition) (?:cache|depot|stockpile)|weapons cache", "disrupt", "Disrupted weapons use", 0.75),
    (r"loot(?:ed|ing)|plunder(?:ed|ing)|ransack(?:ed|ing)", "loot", "Looting/property destruction", 0.7),
    (r"blockade(?:d|s)?|besieg(?:ed|ing)|siege", "blockade", "Other", 0.4),
]
_COMPILED = [(re.compile(rf"\b(?:{rx})\b", re.I), kind, sub, strength) for rx, kind, sub, strength in _LEX]
# "strikes" alone is an air strike only with aircraft or a foreign military around it (``refine``)
_STRIKES = re.compile(r"\b(?:strikes?|struck|bomb(?:ed|s)|bombing raids?|hit)\b", re.I)
AIRCRAFT = re.compile(r"\b(?:jets?|warplanes?|aircraft|planes?|drones?|helicopters?|air ?force|aerial|air ?strikes?|(?<!suicide )bombers?|sorties?)\b", re.I)
MOVED_THINGS = re.compile(r"\b(?:fighters|troops|forces|families|family members|members|militants|jihadists|leaders|commanders|"
                          r"weapon(?:s|ry)|equipment|headquarters|base|units?|convoys?|reinforcements|bureaucrats|personnel|arms|"
                          r"ammunition|tanks|artillery|supplies|operations?)\b", re.I)
CIVILIAN = re.compile(r"\b(?:civilians?|villagers?|residents|worshippers|children|women|students|farmers|passengers|"
                      r"journalists?|aid workers?|teachers?|doctors|patients|people|family|families|shoppers|pilgrims|evacuees)\b", re.I)
PROTEST_CONTEXT = re.compile(r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies)|crowds?|marchers|sit-ins?|rioters?|riots?|mobs?)\b", re.I)
COMBATANT = re.compile(r"\b(?:soldiers|troops|militants|fighters|rebels|insurgents|jihadists|gunmen|policemen|police(?:men| officers)?|"
                       r"militiamen|combatants|members of|terrorists|attackers|personnel|guards|servicemen|army)\b", re.I)


_SEIZED = re.compile(r"\b(?:seiz(?:ed|ing)|confiscat(?:ed|ing)|found|recovered|captured|cache|stockpile|arsenal|"
                     r"smuggl\w+|defused|deactivated)\b", re.I)
_ACCIDENT = re.compile(r"\b(?:accident\w*|crash(?:ed|es)?|plunged|drowned|collision|heart attack|natural causes|"
                       r"illness|disease|earthquake|flood(?:s|ing)?)\b", re.I)


def find(sentence: str) -> list[Trigger]:
    """Every trigger in a sentence, longest first where two overlap."""
    found: list[Trigger] = []
    for rx, kind, sub, strength in _COMPILED:
        for m in rx.finditer(sentence):
            found.append(Trigger(m.start(), m.end(), m.group(), sub, strength, kind))
    if AIRCRAFT.search(sentence) or re.search(r"\b(?:launched|carried out|conducted)\b[^.]*\bstrikes?\b", sentence, re.I):
        for m in _STRIKES.finditer(sentence):
            found.append(Trigger(m.start(), m.end(), m.group(), "Air/drone strike", 0.8, "air"))
    if _SEIZED.search(sentence):  # "troops seized six grenades": weapons found, not used
        found = [t for t in found if t.kind not in ("grenade", "ied") or not _SEIZED.search(sentence[max(0, t.start - 80):t.start])]
    if _ACCIDENT.search(sentence):  # "two crewmen died when the helicopter crashed": no violence
        found = [t for t in found if t.kind != "kill"]
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    out: list[Trigger] = []
    for t in found:
        if out and t.start < out[-1].end:
            if t.strength > out[-1].strength and t.end - t.start >= out[-1].end - out[-1].start:
                out[-1] = t
            continue
        out.append(t)
    # "suicide car bomb attack", "a gas attack killed": the weapon names the attack; the head noun adds nothing
    return [t for k, t in enumerate(out) if not (t.kind in ("clash", "kill") and t.strength < 0.5 and k and
                                                 out[k - 1].kind in _WEAPONS and t.start - out[k - 1].end <= 2)]


_WEAPONS = frozenset({"air", "shelling", "suicide", "ied", "grenade", "chemical"})


def is_movement_of_armed_group(sentence: str, trigger: Trigger) -> bool:
    """'moving fighters', 'headquarters ... have been relocated', 'militants are fleeing': what moves must be
    the trigger's object (just after it) or its subject (just before it)."""
    after = sentence[trigger.end: trigger.end + 45]
    before = sentence[max(0, trigger.start - 80): trigger.start]
    return bool(MOVED_THINGS.search(after) or MOVED_THINGS.search(before))
