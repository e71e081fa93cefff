"""Sentences to Reports: one article's claims about incidents, with roles, place, date, counts, sources.

The steps, per sentence: find triggers; drop negated, future, hypothetical and habitual ones; fill
actor and place slots; read the date expression and the figures; record who says so. Then, per
article: attach stand-alone casualty sentences to the incident they count, merge repeated mentions
of one incident into one report, and split multi-day totals per day (ACLED).
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from ..model import Actor, Article, Claimant, DateSpan, Mention, Place, Report, Span
from ..clean import normalized_words
from ..resolve import actors as actor_dict
from ..resolve import dates, places, sources
from . import counts, modality, roles, scoring, taxonomy, triggers
from .merge import Draft, fold_headline, merge, report_id, split_days
from .movement import movement_type

VIOLENT_KINDS = {"air", "shelling", "suicide", "ied", "grenade", "chemical", "clash", "capture", "recapture", "attack",
                 "abduct", "sexual"}
_CONTINUATION = re.compile(r"(?:The|This|That|These|Such) (?:process|operation|move|movement|attack|strike|strikes|raid|"
                           r"assault|offensive|withdrawal|relocation|transfer|bombing|blast|explosion|incident|fighting|"
                           r"clashes|convoy|evacuation)\b")
_JIHADIST = re.compile(r"\b(?:jihad\w*|islamist\w*|extremist\w*|terror\w*|militants?)\b", re.I)
_ANAPHORIC_PLACE = re.compile(r"\b(?:the (?:city|town|village|area|region|district|province|camp|capital|neighbourhood|"
                              r"neighborhood|outskirts|site|base|stronghold)|there|its outskirts)\b", re.I)
_SPEAKER = re.compile(rf"\s+(?:(?:also|later|earlier|have|has|had)\s+)?(?:{modality.SPEECH_VERBS}|stated|states)\b")
_HELD = re.compile(r"[-‑ ](?:held|controlled|run|dominated|besieged|occupied)\b", re.I)
_TRIGGER = 0.45  # trigger strength of a word that signals an event, not a stray word
_SPECIFIC = 0.6  # trigger strength of a word that names a kind of violence ("chemical attack", not "the attack")
_MODIFIER = r"(?:(?!(?:the|of|on|in|at|to|near|from|by)\b)[\w-]+\s+)"  # "a rebel-held", never "an airstrike on the"
_UNNAMED_LOCALITY = re.compile(rf"\b(?:a|an|one)\s+{_MODIFIER}{{0,3}}?(?:town|village|city|suburb|district|"
                               r"neighbou?rhood)\b", re.I)
_DATELINE = re.compile(r"^[A-Z][A-Za-z .'()-]{1,40}(?:,\s*[A-Z][A-Za-z .'()-]{1,30})?,\s*(?:\d{1,2}\s+\w+\.?\s+\d{2,4}|"
                       r"\w+\.?\s+\d{1,2}(?:,\s*\d{4})?)\s*(?:\([^)]{1,30}\))?\s*(?:-|--|—|–)|"
                       r"^[A-Z][A-Z .'-]{2,40}(?:\s*\([^)]{1,30}\))?\s*(?:-|--|—|–)\s")
# "a monitoring group said on Wednesday", "UNICEF said in a statement on Thursday", "told AFP on Sunday": the day
# of the statement, not of the event (which the news day then stands for, unstated)
_SPEECH_DATE = re.compile(rf"\b(?:{modality.SPEECH_VERBS}|told [A-Z][\w.]*(?: [A-Z][\w.]*)?|tweeted|wrote)"
                          r"(?: in a (?:statement|report|tweet|post))?(?: late| early)?\s+$")
# "the attack", "this deadly assault": a weak trigger that points back to an incident already told
_DEFINITE = re.compile(r"\b(?:the|this|that|(?:mon|tues|wednes|thurs|fri|satur|sun|yester)day(?:'s|’s|s))\s+(?:[\w-]+\s+)?$",
                       re.I)
# a trigger that names no kind of its own: "the raid" after "air raids" is one of them, from the air or not
_UNTYPED = re.compile(r"raids?", re.I)
# "Six people were also killed in rebel shelling", "Elsewhere, ...": a further incident, not the one before
_ANOTHER = re.compile(r"\b(?:also|meanwhile|elsewhere|separately|another|other)\b", re.I)
# an unnamed place in a part of the country: "a opposition-held village in the northwest", "in a northern village"
# (not "north of the city")
_ELSEWHERE = re.compile(rf"\b(?:a|an)\s+{_MODIFIER}{{0,3}}?(?:town|village|city|district|neighbou?rhood|area)\s+"
                        r"in\s+the\s+(?:far\s+)?(?:north|south|east|west|northeast|northwest|southeast|southwest|"
                        r"centre|center)(?:ern)?\b(?!\s+of\b)"
                        r"|\bin\s+(?:a|an)\s+(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)\s+"
                        r"(?:town|village|city|district|neighbou?rhood|area)\b", re.I)
# "The bomber ... attacked": the assailant of an incident the reader already knows
_THE_ASSAILANT = re.compile(r"\b(?:the|this)\s+(?:suicide\s+)?(?:bomber|gunman|assailant|attacker)\b", re.I)
_ASSAILANT = re.compile(r"\b(?:bombers?|gunm[ae]n|shooters?|assailants?|blew (?:him|her|them)sel(?:f|ves) up)\b", re.I)
# "... blew himself up a week before the pub bombings": an incident of another day than the one told
_OTHER_DAY = re.compile(r"\b(?:a|one|two|three|four|five|six|\d+|several|a few)\s+(?:days?|weeks?|months?|years?)\s+"
                        r"(?:before|after|earlier than|prior to)\s+(?:the|this|that|its)\b", re.I)
_WAR_TOLL = re.compile(r"\b(?:war|conflict|uprising|insurgency|crisis|revolution)\b(?:\s+[\w'’]+){0,6}?\s+(?:has|have|had)\s+"
                       r"(?:since\s+|so far\s+|now\s+|already\s+)?(?:killed|claimed)|\b(?:killed|died|dead|deaths)\b[^.]{0,60}?"
                       r"\b(?:in|during|since the (?:start|beginning) of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
                       r"(?:war|conflict|uprising|insurgency|crisis)\b", re.I)
_OF_WHOM = re.compile(r"\bof (?:whom|them)\b", re.I)
_VICTIM_GROUP = re.compile(r"\b(?:militants|jihadists|fighters|insurgents|extremists|terrorists|rebels)\b", re.I)


class ArticleExtractor:
    def __init__(self, article: Article, dictionary: actor_dict.ActorDictionary):
        self.a = article
        self.d = dictionary
        self.ctx = actor_dict.ActorContext(dictionary)
        self.datelines = dateline_spans(article)
        place_mentions = [m for m in article.mentions if m.kind == "place"
                          and not any(d.start <= m.start < d.end for d in self.datelines)]
        resolved = places.resolve_places(article.text, [(m.start, m.end) for m in place_mentions])
        self.places: list[tuple[Mention, Place]] = [(m, p) for m, p in zip(place_mentions, resolved) if p is not None]
        countries = [p.iso3 for _, p in self.places if p.iso3]
        # ties go to the country named first (never to set order, which differs between processes)
        self.country = max(set(countries), key=lambda c: (countries.count(c), -countries.index(c))) if countries else ""
        self.last_place: Place | None = None
        self.seen: list[str] = []  # named actor ids in text order
        self._news_day: date | None = None
        self.drafts: list[Draft] = []
        self.orgs: list[Mention] = []

    # -- helpers ---------------------------------------------------------------------------------
    def paragraph_of(self, pos: int) -> int:
        for i, p in enumerate(self.a.paragraphs):
            if p.start <= pos < p.end:
                return i
        return -1

    def actor(self, mention: Mention | None, when: date | None, country: str) -> Actor | None:
        if mention is None:
            return None
        actor_id = mention.ref or self.ctx.resolve(mention.text) or ""
        if actor_id.startswith("generic:unidentified-armed-group"):
            words = self.a.text[max(0, mention.start - 20):mention.end]
            actor_id = self.jihadist(words) or self.ctx.resolve(mention.text) or actor_id
        if not actor_id:
            if mention.kind == "place":
                return None
            name = re.sub(r"^(?:the|a|an)\s+", "", mention.text, flags=re.I)
            return Actor(id=f"raw:{name}", name=name, acled_name=name, text=mention.text)
        return self.d.to_actor(actor_id, country_iso3=country, when=when, text=mention.text)

    def date_for(self, sentence: str, trig_start: int, offset: int = 0) -> tuple[DateSpan | None, bool, bool]:
        """(date span, explicit in the sentence, unresolvable expression present). The dateline's date is the
        filing date, not the event's: it is skipped."""
        found = [d for d in dates.find_date_expressions(sentence)
                 if not any(x.start <= offset + d.start < x.end for x in self.datelines)
                 and not roles.in_other_clause(self.a, offset + d.start, offset + trig_start)]
        events = [d for d in found if not _SPEECH_DATE.search(sentence[max(0, d.start - 40):d.start])]
        if found:
            best = min(events or found, key=lambda d: abs(d.start - trig_start))
            span = dates.resolve(best.text, self.a.published, timezone=self.a.timezone)
            if span is None and self.a.published is None:  # "on Monday" with nothing to count from: kept, day open
                return DateSpan(None, None, 0, best.text, dates.NO_PUBLICATION_DATE), False, False
            if span is not None and not events:
                # only the statement is dated ("a monitor said on Wednesday"): ACLED takes its day, but it is
                # no stated day of the event, and another report's stated day does not contradict it
                span = replace(span, basis=f"{dates.STATEMENT_DAY}: {span.basis}")
            if span is not None:
                return span, True, False
            return None, False, True
        day = self.news_day()
        if day:
            return DateSpan(day, day, 2, "", "the article's news day (no date in the sentence)"), False, False
        return None, False, False

    def news_day(self) -> date | None:
        """The day an undated, present-tense claim belongs to: the latest day the article dates explicitly
        (within two days before publication, e.g. 'said yesterday'), else the publication date."""
        if self._news_day is None and self.a.published:
            self._news_day = self.a.published
            best = None
            for mention, span in dates.resolve_in_context(self.a.text, self.a.published, timezone=self.a.timezone):
                if span and span.precision == 1 and span.latest and 0 <= (self.a.published - span.latest).days <= 2:
                    best = max(best or span.latest, span.latest)
            if best:
                self._news_day = best
        return self._news_day

    def article_place(self) -> Place | None:
        """The place an article is about: the sub-national place its headline names, else the one it names most
        (a town with its province's mentions), in the country it names most.
        Never the dateline's: that is where the story was filed (a Moscow-datelined story about a Syrian truce
        is not about Moscow)."""
        if not hasattr(self, "_article_place"):
            self._article_place = None
            subs = [p for _, p in self.places if p.feature not in ("country", "region")]
            subs = [p for p in subs if p.iso3 == self.country] or subs
            title = self.a.title or ""
            in_title = {title[s:e].lower() for s, e in places.find_place_mentions(title)}
            headline = {p.geonameid for m, p in self.places if m.text.lower() in in_title}
            if subs:
                ids = [p.geonameid for p in subs]
                areas = [p.admin1 for p in subs if p.feature == "adm1"]

                def weight(place: Place) -> tuple[bool, int, int]:
                    # a town counts its own mentions and those of its province ("Hasakah city ... Hasakah province");
                    # ties go to the place named first
                    own = ids.count(place.geonameid)
                    return place.geonameid in headline, own + (areas.count(place.admin1) if place.feature != "adm1" else 0), \
                        -ids.index(place.geonameid)
                self._article_place = max(subs, key=weight)
        return self._article_place

    def locality_named_after(self, si: int, area: Place) -> Place | None:
        """The first town named in the two sentences after ``si`` that lies in ``area`` (a country or an admin
        area): "... struck a town in Aleppo province. Russian jets targeted the Atarib district ..."."""
        sents = self.a.sentences[si + 1:si + 3]
        if not sents:
            return None
        for m, p in self.places:
            if sents[0].start <= m.start < sents[-1].end and p.feature not in ("country", "adm1", "region") and \
                    p.iso3 == area.iso3 and (area.feature == "country" or p.admin1 == area.admin1):
                return p
        return None

    def previous_sentence(self, si: int) -> str:
        if si == 0:
            return ""
        prev = self.a.sentences[si - 1]
        return self.a.text[prev.start:prev.end]

    def continues(self, si: int) -> bool:
        """The sentence follows one that produced a report in the same paragraph."""
        return bool(self.drafts) and self.drafts[-1].sent_index == si - 1 and not self.drafts[-1].fallback_place and \
            self.drafts[-1].paragraph == self.paragraph_of(self.a.sentences[si].start)

    def capital_of(self, country: Place) -> Place | None:
        from countryinfo import CountryInfo

        try:
            capital = CountryInfo(country.iso3).capital()
        except Exception:  # noqa: BLE001 - countryinfo raises several kinds for unknown codes
            return None
        return places.lookup(capital, country_prior=country.iso2) if capital else None

    def jihadist(self, text: str) -> str:
        """'jihadist militants', 'the extremists' point to the last named transnational militant group."""
        if not _JIHADIST.search(text):
            return ""
        for actor_id in reversed(self.seen):
            cameo = self.d.get(actor_id).cameo
            if cameo.startswith("IMG") or "RAD" in cameo:
                return actor_id
        return ""

    # -- per sentence ----------------------------------------------------------------------------
    def sentence(self, si: int, sent: Span) -> None:
        text = self.a.text
        s = text[sent.start:sent.end]
        mentions = [m for m in self.a.mentions if sent.start <= m.start < sent.end
                    and not any(d.start <= m.start < d.end for d in self.datelines)]
        for m in mentions:
            if m.kind == "actor" and m.ref:
                self.ctx.observe(actor_dict.ActorMatch(m.start, m.end, m.ref, m.text, m.ref.startswith("generic:")))
                if not m.ref.startswith("generic:"):
                    self.seen.append(m.ref)
        claimants = sources.find_claimants(s)
        claim_names = [c.text or c.name for c in claimants]
        agents = [m for m in mentions if m.kind == "actor" and not any(m.text in n for n in claim_names)
                  and not _HELD.match(text, m.end)]  # "government-held parts of the city": a place, not an actor
        # a place inside an actor's name ("Egypt" in "Egypt's government") names the actor, not where it acted
        sent_places = [(m, p) for m, p in self.places if sent.start <= m.start < sent.end
                       and not any(a.start <= m.start and m.end <= a.end and a.end - a.start > m.end - m.start
                                   for a in agents)]
        # countries as agents: "France launched strikes" (not the claimant's: "Somalia's information minister said")
        for m, p in sent_places:
            if p.feature == "country" and p.iso3 and not any(a.start <= m.start < a.end for a in agents) and \
                    not any(m.text in n for n in claim_names):
                left = text[max(sent.start, m.start - 30):m.start]
                if not re.search(r"\b(?:in|of|to|from|across|into|on|at|near|between|among)\s+(?:the\s+)?$", left, re.I):
                    agents.append(replace(m, kind="actor", ref=self.d.state_forces(p.iso3)))
        agents.sort(key=lambda m: m.start)
        # organisations the dictionary does not know, for actor1 when no dictionary actor fills it
        self.orgs = [m for m in mentions if m.kind == "org" and not any(m.text in n or n in m.text for n in claim_names)
                     and not any(x.start < m.end and m.start < x.end for x in mentions if x.kind in ("actor", "place"))]
        trigs = triggers.find(s)
        note = modality.verification_note(s)
        if note:
            self.attach_verification(note, sent, sent_places)
        main = [t for t in trigs if t.kind != "kill"]
        if not main and any(t.kind == "kill" for t in trigs):
            if self.attach_counts(si, sent, s, claimants):
                return
            main = [t for t in trigs if t.kind == "kill"][:1]
        before = len(self.drafts)
        for trig in self.primary(main):
            self.build(si, sent, s, trig, agents, sent_places, claimants)
        if len(self.drafts) == before and _CONTINUATION.match(s) and self.drafts:
            last = self.drafts[-1]
            if last.sent_index == si - 1 and last.paragraph == self.paragraph_of(sent.start):
                last.report.evidence.append(sent)  # "The process was carried out in stages ..." describes it further
        subs = [(m, p) for m, p in sent_places if p.feature not in ("country", "adm1", "region")]
        if subs:
            self.last_place = subs[-1][1]

    def primary(self, trigs: list[triggers.Trigger]) -> list[triggers.Trigger]:
        """One trigger per incident in the sentence: the highest in ACLED's hierarchy per clause."""
        if not trigs:
            return []
        groups: list[list[triggers.Trigger]] = [[trigs[0]]]
        for t in trigs[1:]:
            if t.start - groups[-1][-1].end > 80:
                groups.append([t])
            else:
                groups[-1].append(t)
        out = []
        for g in groups:
            violent = [t for t in g if t.kind in VIOLENT_KINDS]
            pool = violent or g
            best = min(pool, key=lambda t: (taxonomy.RANK.get(t.sub_event_type, 99), -t.strength))
            named = [t for t in violent if t.strength >= _SPECIFIC]
            if best.strength < _SPECIFIC and named:
                # "A suicide bomber killed four ... in an attack": a bare "attack" names no kind; the clause's
                # specific word does (the trigger keeps its span: it is still the word that tells the event)
                kind = max(named, key=lambda t: t.strength)
                best = replace(best, sub_event_type=kind.sub_event_type, kind=kind.kind, strength=kind.strength)
            out.append(best)
        return out

    def build(self, si: int, sent: Span, s: str, trig: triggers.Trigger, agents: list[Mention],
              sent_places: list[tuple[Mention, Place]], claimants: list[Claimant]) -> None:
        mod = modality.classify(s, trig.start, trig.end)
        if trig.kind == "kill" and _WAR_TOLL.search(s):
            return  # a conflict's toll to date is no incident
        if not mod.is_event:
            return
        sub = trig.sub_event_type
        if trig.kind in ("riot", "mob") and not triggers.PROTEST_CONTEXT.search(s):
            return  # "set fire to buildings" during an attack is part of that attack
        is_move = trig.kind in ("move", "hq", "transfer")
        if is_move and not triggers.is_movement_of_armed_group(s, trig):
            return
        tspan = Span(sent.start + trig.start, sent.start + trig.end)
        slots = roles.actor_slots(self.a, sent, tspan, agents)
        if slots.actor1 is not None and slots.actor1.end <= tspan.start and \
                _SPEAKER.match(self.a.text, slots.actor1.end):
            slots.actor1 = None  # "opposition forces stated that 80 people were killed": who says so, not who did it
        pslot = roles.place_slot(self.a.text, sent, tspan, sent_places, movement=is_move)
        if is_move:
            sub = movement_type(s, trig, pslot)
            if sub == "Headquarters or base established" and pslot.destination:
                pslot.place = pslot.destination
        span, explicit_date, unresolved = self.date_for(s, trig.start, sent.start)
        background = modality.looks_background(s, trig.start)
        if unresolved or (background and not explicit_date):
            return  # background is coded only when its date resolves
        if span and self.a.published and span.latest and (self.a.published - span.latest).days > 4:
            background = True
        place = pslot.place
        national = fallback_place = False
        if pslot.countries_only and row_is_national(sub):
            place = self.capital_of(national_country(s, pslot))  # coded to the capital, precision 3
            pslot.near, national = False, True
        elif _UNNAMED_LOCALITY.search(s) and trig.strength >= _TRIGGER and (
                pslot.countries_only or (place is not None and place.feature in ("adm1", "region"))):
            # "a jihadist-held town in northern Syria", "a town in Aleppo province": the town is named in the
            # next sentences, or elsewhere in the article (at the lowest geo precision)
            area = national_country(s, pslot) if pslot.countries_only else place
            town = self.locality_named_after(si, area)
            if town is not None:
                place = town
            elif pslot.countries_only:
                article = self.article_place()
                if article is None or article.iso3 != area.iso3:
                    return
                place, fallback_place = article, True
        elif pslot.countries_only:
            return  # only countries named: a country-level roll-up, not an incident (ACLED codes none)
        if place is None and _ELSEWHERE.search(s):
            return  # "hit a village in the northwest": somewhere the text does not name, not the place told before
        if place is None and self.continues(si) and self.drafts[-1].report.place is not None:
            place = self.drafts[-1].report.place  # the sentence goes on telling the report before it
        elif place is None and self.last_place is not None and _ANAPHORIC_PLACE.search(s):
            place = self.last_place  # "in the city": the place named last
        if trig.kind in ("capture", "recapture") and place is None:
            return  # a capture with no place captured is no territorial event
        if place is None and pslot.destination is None:
            # the sentence names no place: the article's own place (its dateline or the place it names
            # most), at the lowest geo precision; with none, ACLED codes no country-level events
            strong = trig.strength >= _TRIGGER
            place = self.article_place() if strong and not pslot.countries_only else None
            if place is None:
                return
            fallback_place = True
        country = (place or pslot.destination).iso3 if (place or pslot.destination) else self.country
        when = span.earliest if span else None
        a1 = self.actor(slots.actor1, when, country)
        if a1 is None and not is_move and self.orgs:
            a1 = self.actor(roles.org_actor(self.a, sent, tspan, self.orgs), when, country)
        if a1 is None and trig.kind in ("move", "hq", "transfer"):
            gid = self.ctx.resolve("the group")
            a1 = self.d.to_actor(gid, country_iso3=country, when=when, text="") if gid else None
            if a1 is None:
                return  # civilians fleeing are not a movement of forces
        a2 = None if sub in taxonomy.MOVEMENT else self.actor(slots.actor2, when, country)
        if background and a1 is None:
            return  # a past incident mentioned in passing, with nobody named, is not coded
        if a2 is None and sub not in taxonomy.MOVEMENT and _VICTIM_GROUP.search(s[trig.end:]):
            gid = self.ctx.resolve("the militants")
            a2 = self.d.to_actor(gid, country_iso3=country, when=when, text="") if gid else None
        if trig.kind == "recapture" and a1 is not None and a1.inter not in (1, 8):
            sub = "Non-state actor overtakes territory"
        if trig.kind == "capture" and a1 is not None and a1.inter == 1:
            sub = "Government regains territory"
        if trig.kind in ("kill", "attack") and a2 is not None and a2.inter in (1, 2, 3, 8) and a1 is not None:
            sub = "Armed clash"
        found = counts.find(s)
        if taxonomy.SUB_TYPES[sub].event_type in ("Violence against civilians", "Explosions/Remote violence"):
            if _civilians_hit(s, trig, found) and (a2 is None or a2.inter in (0, 1)) and "generic:civilians" in self.d:
                a2 = self.d.to_actor("generic:civilians", country_iso3=country, when=when)
        protest_here = triggers.PROTEST_CONTEXT.search(s) or triggers.PROTEST_CONTEXT.search(self.previous_sentence(si))
        if protest_here and trig.kind in ("attack", "kill", "protest", "clash", "arrest") and \
                not (trig.kind != "protest" and _ASSAILANT.search(s)):  # "the bomber attacked a crowd": no protest
            sub = protest_subtype(s, sub)
            if sub != trig.sub_event_type and a2 is None:
                a2 = self.d.to_actor("generic:protesters", country_iso3=country, when=when) if "generic:protesters" in self.d else None
        if trig.kind == "arrest" and a1 is not None and a1.inter not in (1, 8, 0):
            sub = "Abduction/forced disappearance"
        figures = counts.totals(found)
        row = taxonomy.SUB_TYPES[sub]
        rep = Report(
            id=report_id(self.a.id, si, trig.start), article_id=self.a.id, event_type=row.event_type,
            sub_event_type=sub, disorder_type=row.disorder, trigger=trig.text, evidence=[sent], sentence=s,
            actor1=a1, actor2=a2,
            assoc_actor1=[x for x in (self.actor(m, when, country) for m in slots.assoc1) if x and (not a1 or x.id != a1.id)],
            assoc_actor2=[x for x in (self.actor(m, when, country) for m in slots.assoc2) if x and (not a2 or x.id != a2.id)],
            place=place if place is not None else pslot.destination,
            geo_precision=3 if national or fallback_place else (places.geo_precision(place or pslot.destination, near=pslot.near)
                                              if (place or pslot.destination) else 0),
            origin=pslot.origin, destination=pslot.destination, date=span,
            fatalities=figures.get("killed", (0, 0))[0], fatalities_max=figures.get("killed", (0, 0))[1],
            injured=figures.get("injured", (0, 0))[0], arrested=figures.get("arrested", (0, 0))[0],
            abducted=figures.get("abducted", (0, 0))[0],
            attributed_to=list(claimants), modality=mod.modality, background=background,
            civilian_targeting=row.event_type == "Violence against civilians" or bool(a2 and a2.inter == 7),
            cameo=row.cameo, plover=taxonomy.plover(sub),
        )
        rep.confidence = scoring.confidence(trig, rep, place_explicit=pslot.explicit, date_explicit=explicit_date,
                                            fallback_place=fallback_place)
        keys = {p.geonameid for p in (rep.place, rep.origin, rep.destination) if p}
        other_day = _OTHER_DAY.search(s)
        # "a week before the pub bombings": the bombings are the incident told before, the anchor of another day's
        anchor = other_day is not None and 0 <= trig.start - other_day.end() < 20
        anaphoric = anchor or (trig.strength < 0.5 or bool(_UNTYPED.fullmatch(trig.text))) and \
            bool(_DEFINITE.search(s[max(0, trig.start - 25):trig.start]) or _THE_ASSAILANT.search(s[:trig.start]))
        self.drafts.append(Draft(rep, si, self.paragraph_of(sent.start), trig.kind, None, explicit_date,
                                 set() if fallback_place else keys, fallback_place,
                                 separate=not anaphoric and bool(_ANOTHER.search(s[:max(trig.start, 1) + 40])
                                                                 or other_day),
                                 anaphoric=anaphoric, vague=counts.vague_fields(found),
                                 specific=trig.strength >= _SPECIFIC))

    def attach_counts(self, si: int, sent: Span, s: str, claimants: list[Claimant]) -> bool:
        """A casualty sentence with no trigger of its own counts the incident just before it."""
        found = counts.find(s)
        figures = counts.totals(found)
        if _WAR_TOLL.search(s) or any(modality.looks_background(s, f.end) for f in found):
            return False  # "The war has since killed 300,000", "7,000 killed since the resolution": no incident's toll
        placed = [d for d in self.drafts if not d.fallback_place or d.sent_index == si - 1]
        if not figures or not placed:
            return False
        draft = placed[-1]
        if si - draft.sent_index > 2 or draft.report.sub_event_type in taxonomy.MOVEMENT:
            return False
        named = {p.geonameid for m, p in self.places if sent.start <= m.start < sent.end and p.feature != "country"}
        if named and draft.key_places and not named & draft.key_places:
            return False  # "... killed 10 people east of Damascus": another place, another incident
        rep = draft.report
        vague = counts.vague_fields(found)
        for f, name in (("fatalities", "killed"), ("injured", "injured")):
            old, new = getattr(rep, f), figures.get(name, (0, 0))[0]
            old_vague, new_vague = name in draft.vague, name in vague
            if not new or (old and new_vague and not old_vague):
                continue  # nothing new, or vaguer than what the report has ("dozens" after "58")
            # a figure given after the incident is told is its toll ("The toll rose to 58"); a number beats a word
            setattr(rep, f, new if old_vague and not new_vague else max(old, new))
            draft.vague.discard(name)
            if new_vague:
                draft.vague.add(name)
        rep.fatalities_max = max(rep.fatalities_max, figures.get("killed", (0, 0))[1])
        rep.evidence.append(sent)
        rep.attributed_to.extend(c for c in claimants if c.name not in {x.name for x in rep.attributed_to})
        par = self.a.paragraphs[draft.paragraph] if draft.paragraph >= 0 else sent
        in_par = dates.resolve_in_context(self.a.text[par.start:par.end], self.a.published, timezone=self.a.timezone)
        for mention, span in in_par:
            inside = sent.start <= par.start + mention.start < sent.end
            if inside and span and span.earliest and span.latest and span.earliest < span.latest:
                draft.count_span = span  # "over the past three days": a total to split per day
                break
        if rep.actor2 is None and _VICTIM_GROUP.search(s):
            gid = self.ctx.resolve("the militants")
            if gid:
                country = rep.place.iso3 if rep.place else self.country
                rep.actor2 = self.d.to_actor(gid, country_iso3=country, when=rep.date.earliest if rep.date else None)
        return True

    def attach_verification(self, note: str, sent: Span, sent_places: list[tuple[Mention, Place]]) -> None:
        ids = {p.geonameid for _, p in sent_places}
        targets = [d for d in self.drafts if d.key_places & ids] or self.drafts[-1:]
        for d in targets:
            if sent not in d.report.evidence:
                d.report.evidence.append(sent)
            if note not in d.report.verification:
                d.report.verification = "; ".join(x for x in (d.report.verification, note) if x)

def headline_paragraph(article: Article) -> int:
    """The paragraph that is the headline, among the first two (a byline may come first), when the body follows
    it; else -1."""
    for k, span in enumerate(article.paragraphs[:2]):
        par = article.text[span.start:span.end]
        if k + 1 < len(article.paragraphs) and article.title and len(par.split()) <= 25 and \
                normalized_words(par) == normalized_words(article.title):
            return k
    return -1


def _civilians_hit(s: str, trig: triggers.Trigger, found: list[counts.Figure]) -> bool:
    """Civilian words for the people the violence hit: after the trigger ("killing 12 villagers"), counted before
    it ("43 people were killed in a suicide bombing"), or those an "of whom" count points back to ("3,600
    patients ..., 355 of whom died")."""
    if triggers.CIVILIAN.search(s[trig.end:]):
        return True
    for f in found:
        if f.field not in ("killed", "injured"):
            continue
        counted = s[max(0, f.start - 80):f.start] if _OF_WHOM.search(f.text) else f.text if f.end <= trig.start else ""
        if triggers.CIVILIAN.search(counted):
            return True
    return False


def dateline_spans(article: Article) -> list[Span]:
    """'KABUL, 4 Oct 2015 (Wire) -': where the story was filed, never where the event happened."""
    out = []
    for p in article.paragraphs[:4]:
        m = _DATELINE.match(article.text[p.start:p.end])
        if m:
            out.append(Span(p.start, p.start + m.end()))
    return out


def national_country(text: str, slot: roles.PlaceSlot) -> Place:
    """Of the countries a sentence names, the one the event is in ('across Syria'), else the last named."""
    for p in slot.countries:
        for m in re.finditer(re.escape(p.text or p.name), text):
            if re.search(r"\b(?:in|across|throughout|inside|within|over)\s+(?:the\s+)?$", text[max(0, m.start() - 15):m.start()]):
                return p
    return slot.countries[-1]


def row_is_national(sub: str) -> bool:
    """Strategic developments ACLED may code at national level (to the capital)."""
    return sub in ("Agreement", "Arrests", "Other", "Change to group/activity")


def protest_subtype(sentence: str, default: str) -> str:
    """Within a demonstration: lethal force, intervention, or peaceful."""
    if re.search(r"\b(?:opened fire|live (?:ammunition|fire|rounds)|shot|killed|killing|dead|died)\b", sentence, re.I):
        return "Excessive force against protesters"
    if re.search(r"\b(?:tear ?gas|water cannons?|dispers\w+|rubber bullets|batons?|arrest\w*|detain\w*|beat)\b", sentence, re.I):
        return "Protest with intervention"
    if re.search(r"\b(?:riot\w*|torched|set fire|stones?|burn\w*|smashed|vandali\w+)\b", sentence, re.I):
        return "Violent demonstration"
    return default if default in ("Peaceful protest",) else "Peaceful protest"


def extract(article: Article, dictionary: actor_dict.ActorDictionary | None = None) -> list[Report]:
    """All reports of one annotated article (needs sentences and mentions from the nlp stage)."""
    ex = ArticleExtractor(article, dictionary or actor_dict.load())
    for si, sent in enumerate(article.sentences):
        ex.sentence(si, sent)
    reports = split_days(merge(fold_headline(ex.drafts, headline_paragraph(article))))
    for r in reports:
        for c in r.attributed_to:
            c.id = c.id or sources.classify_claimant(c.name).id
    return reports
