"""`eventwire eval muc34`: incident dates against the MUC-3/4 answer keys.

For every answer-key template that describes an incident (not the all-'*' template of an irrelevant
message) we resolve the incident's date from the text and compare it with the key's INCIDENT: DATE.

How the text is read (no answer-key content is used to find dates):

* the dateline ("SAN SALVADOR, 4 JAN 90 -- ") is the publication date, the base of relative expressions;
* every sentence with a violent trigger word, every sentence that states its own date, and the lead are
  candidate incidents. A candidate's date is the resolvable expression nearest a trigger word (an expression
  right after a speech verb, "SAID TODAY THAT", comes last; "since X" and bracketed GMT notes are skipped),
  else the nearest dated sentence before it in its paragraph, else the date of the last dated incident
  sentence, else the publication date (the MUC default fill).

How key templates meet candidates: like the MUC scorer's own template mapping, each key template is aligned
to the candidate sentence that shares most of its slot strings (targets, instrument, perpetrators, place
names, type words; a candidate stating its own date gets a small bonus). This is alignment, not date
finding: the key's date is never read before scoring.
The option ``anchor=first`` skips the alignment and gives every template the first candidate's date.

How a key date is scored (docs/dates.md): our span [earliest, latest] is right when it lies inside the key's:
"21 JAN 89" is that day; "15 JAN 89 - 21 JAN 89" is the range; "- 21 JAN 89" ("on or before", the default
fill or a weekday named, anchored on the article date) is the seven days up to 21 JAN 89; "(A) / (B)"
alternatives: any; "-" (no date can be determined) is right when we give no date.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from ..resolve import dates as rdates
from ..resolve import pubdate
from . import EvalContext, EvalResult, log, scorer

_MONTHS = {m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}
_KEY_DAY = re.compile(r"(\d{1,2})\s+([A-Z]{3})[A-Z]*\s+(\d{2,4})")
OPEN_WINDOW_DAYS = 7  # "- D": the week up to D
OWN_DATE_BONUS = 1.0

_TRIGGER = re.compile(
    r"\b(?:KILL\w*|MURDER\w*|ASSASSINAT\w*|SLAIN|SLAY\w*|SHOT|SHOOT\w*|GUNNED|MACHINEGUNNED|WOUND\w*|INJUR\w*|"
    r"DEAD|DEATH|DIED|BOMB\w*|EXPLO\w*|DYNAMIT\w*|BLAST\w*|BLEW|BLOWN|BLOW UP|DETONAT\w*|GRENADE\w*|MORTAR\w*|"
    r"ROCKET\w*|ATTACK\w*|AMBUSH\w*|RAID\w*|MASSACRE\w*|KIDNAP\w*|ABDUCT\w*|HOSTAGE\w*|SEIZ\w*|HELD CAPTIVE|"
    r"BURN\w*|SET FIRE|SET ON FIRE|ARSON|TORCH\w*|ROBB\w*|STOLE\w*|SABOTAG\w*|DESTROY\w*|DAMAG\w*|CAR BOMB|"
    r"TERRORIST ACTION|HIJACK\w*|OCCUP(?:IED|Y|ATION))\b", re.I)
_SPEECH = re.compile(r"\b(?:SAID|SAYS|REPORTED|REPORTS|ANNOUNCED|STATED|DENIED|DECLARED|TOLD|CONFIRMED|"
                     r"INFORMED|DISCLOSED|REVEALED|ADDED|NOTED|ACKNOWLEDGED|CLAIMED|ASSERTED|EXPLAINED|"
                     r"CHARGED|DENOUNCED|CONDEMNED|ISSUED|RELEASED|PUBLISHED|BROADCAST)\b", re.I)
_GMT_NOTE = re.compile(r"\[[^\]]*\bGMT\b[^\]]*\]", re.I)
_ABBREV = re.compile(r"\b(?:MR|MRS|MS|DR|GEN|GENS|COL|LT|MAJ|CAPT|SGT|CPL|GOV|SEN|REP|REV|FR|MSGR|ST|NO|JR|SR|"
                     r"INC|CO|CORP|BROS|DEPT|U\.S|U\.N|[A-Z])\.$", re.I)
_TYPE_WORDS = {
    "BOMBING": r"BOMB|EXPLO|DYNAMIT|BLAST|DETONAT",
    "ATTACK": r"ATTACK|KILL|MURDER|ASSASSIN|SHOT|SHOOT|AMBUSH|MASSACRE|WOUND",
    "KIDNAPPING": r"KIDNAP|ABDUCT|HOSTAGE|SEIZ",
    "ARSON": r"BURN|FIRE|TORCH|ARSON",
    "ROBBERY": r"ROB|STOLE|STEAL|HOLDUP",
    "FORCED WORK STOPPAGE": r"STRIKE|STOPPAGE|HALT",
}
_SLOT_WEIGHTS = {"HUM TGT: NAME": 3.0, "PHYS TGT: ID": 2.0, "HUM TGT: DESCRIPTION": 1.5,
                 "INCIDENT: INSTRUMENT ID": 1.0, "PERP: INDIVIDUAL ID": 1.0, "PERP: ORGANIZATION ID": 0.5}


# ------------------------------------------------------------------------------------------------ key dates
def _key_day(text: str) -> date | None:
    m = _KEY_DAY.search(text)
    if not m or m.group(2) not in _MONTHS:
        return None
    year = int(m.group(3))
    year = year + 1900 if year < 100 else year
    try:
        return date(year, _MONTHS[m.group(2)], int(m.group(1)))
    except ValueError:
        return None


def key_ranges(value: str) -> list[tuple[date, date]] | None:
    """The acceptable day ranges of an INCIDENT: DATE fill; [] for '-' (no date), None if unreadable."""
    value = " ".join(value.split())
    alternatives = [a.strip().strip("()").strip() for a in value.split("/")]
    out: list[tuple[date, date]] = []
    for alt in alternatives:
        if alt in ("-", ""):
            continue
        if alt.startswith("-"):
            d = _key_day(alt)
            if d:
                out.append((d - timedelta(days=OPEN_WINDOW_DAYS - 1), d))
        elif re.search(r"\d\s*-\s*\d", alt):
            a, b = re.split(r"\s+-\s+|(?<=\d)\s*-\s*(?=\d)", alt, maxsplit=1)
            da, db = _key_day(a), _key_day(b)
            if da and db:
                out.append((da, db))
        else:
            d = _key_day(alt)
            if d:
                out.append((d, d))
    if not out and any(a.strip() == "-" for a in alternatives):
        return []
    return out or None


def is_correct(predicted: tuple[date, date] | None, ranges: list[tuple[date, date]]) -> bool:
    if predicted is None:
        return not ranges
    return any(lo <= predicted[0] and predicted[1] <= hi for lo, hi in ranges)


# ------------------------------------------------------------------------------------------------ the text
@dataclass
class Sentence:
    paragraph: int
    text: str


def split_message(text: str) -> tuple[date | None, list[Sentence]]:
    """Publication date from the dateline, and the body's sentences (header brackets removed)."""
    flat = " ".join(text.split())
    found = pubdate.from_paragraphs([flat[:300]])
    body = text.split("--", 1)[1] if "--" in text[:400] else text
    body = re.sub(r"^\s*(?:\[[^\]]*\]\s*)+", "", body)
    sentences: list[Sentence] = []
    for p, par in enumerate(re.split(r"\n\s*\n", body)):
        par = " ".join(par.split())
        start = 0
        for m in re.finditer(r"[.!?]\"?(?=\s+[\"\[(]?[A-Z0-9])", par):
            if _ABBREV.search(par[max(0, m.start() - 6):m.end()]):
                continue
            sentences.append(Sentence(p, par[start:m.end()].strip()))
            start = m.end()
        if par[start:].strip():
            sentences.append(Sentence(p, par[start:].strip()))
    return found.date, sentences


def sentence_date(sentence: str, published: date | None) -> tuple[tuple[date, date], bool] | None:
    """The incident date a sentence gives, if any: the resolvable expression nearest a trigger word, with
    statement dates ("SAID TODAY THAT ...", "REPORTED TODAY") last. Returns (span, is_statement_date).
    Bracketed editor notes giving GMT ("[0230 GMT ON 12 JANUARY]") are skipped: MUC dates are local."""
    sentence = _GMT_NOTE.sub(lambda m: " " * len(m.group(0)), sentence)
    triggers = [m.start() for m in _TRIGGER.finditer(sentence)]
    scored = []
    for m in rdates.find_date_expressions(sentence):
        if m.text.lower().startswith("since"):  # a state since then, not the incident's day
            continue
        span = rdates.resolve(m.text, published)
        if span is None or span.earliest is None or span.latest is None:
            continue
        before = sentence[max(0, m.start - 40):m.start]
        after = sentence[m.end:m.end + 20]
        speech = bool(re.search(_SPEECH.pattern + r"(?:\s+\S+){0,3}\s*$", before, re.I)
                      or re.match(r"\s*(?:,\s*)?(?:\S+\s+){0,2}?" + _SPEECH.pattern, after, re.I)
                      or re.match(r"\s*(?:THAT|,)", after, re.I) and _SPEECH.search(before))
        distance = min((abs(t - m.start) for t in triggers), default=10_000)
        scored.append((speech, span.precision > 1, distance, m.start, (span.earliest, span.latest)))
    if not scored:
        return None
    best = min(scored)
    return best[-1], best[0]


@dataclass
class Candidate:
    index: int
    text: str
    span: tuple[date, date] | None
    own: bool = False  # the date comes from the sentence itself, not from a statement date or a neighbour
    trigger: bool = True  # the sentence has a violent trigger word (or is the lead)


def candidates(published: date | None, sentences: list[Sentence]) -> list[Candidate]:
    dated = [sentence_date(s.text, published) for s in sentences]
    out: list[Candidate] = []
    last_incident: tuple[date, date] | None = None  # the date of the latest dated incident sentence so far
    for i, s in enumerate(sentences):
        trigger = bool(_TRIGGER.search(s.text))
        found = dated[i]
        if i > 0 and not trigger and not (found and not found[1]):
            continue
        span = found[0] if found else None
        own = bool(found and not found[1])
        j = i - 1
        while span is None and j >= 0 and sentences[j].paragraph == s.paragraph:
            span = dated[j][0] if dated[j] else None
            j -= 1
        if span is None:
            span = last_incident
        if span is None and published is not None:
            span = (published, published)
        if found and trigger:
            last_incident = found[0]
        out.append(Candidate(i, s.text, span, own, trigger or i == 0))
    return out


def _strings(template: dict[str, str]) -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = []
    for slot, weight in _SLOT_WEIGHTS.items():
        for s in re.findall(r'"((?:[^"\\]|\\.)+)"', template.get(slot, "")):
            s = s.replace('\\"', "").strip()
            if len(s) >= 3:
                out.append((s.upper(), weight))
    loc = template.get("INCIDENT: LOCATION", "")
    for name in re.findall(r"(?:^|:|-)\s*([A-Z][A-Z .']+?)\s*\(", loc):
        out.append((name.strip(), 1.0))
    return out


def align(template: dict[str, str], cands: list[Candidate]) -> Candidate | None:
    """The candidate sentence sharing most slot strings with a key template (first one on ties)."""
    if not cands:
        return None
    strings = _strings(template)
    type_rx = _TYPE_WORDS.get(template.get("INCIDENT: TYPE", "").split(":")[0].strip())

    def score(c: Candidate) -> float:
        up = c.text.upper()
        total = sum(w for s, w in strings if s in up)
        if type_rx and re.search(rf"\b(?:{type_rx})", up):
            total += 0.5
        if total and c.own:
            total += OWN_DATE_BONUS
        return total

    best = max(cands, key=lambda c: (score(c), -c.index))
    if score(best) > 0:
        return best
    return next((c for c in cands if c.trigger), cands[0])


# ------------------------------------------------------------------------------------------------ scorer
@scorer("muc34")
def score_muc34(ctx: EvalContext) -> EvalResult:
    anchor = str(ctx.options.get("anchor", "align"))
    (path,) = ctx.files("muc34", "muc34.*.jsonl")
    n = correct = exact_n = exact_ok = optional_n = optional_ok = 0
    failures: Counter[str] = Counter()
    unreadable = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            msg = json.loads(line)
            published, sentences = split_message(msg["text"])
            cands = candidates(published, sentences)
            for template in msg["templates"]:
                value = template.get("INCIDENT: DATE", "*").strip()
                if value == "*" or template.get("MESSAGE: TEMPLATE", "*").strip() == "*":
                    continue
                ranges = key_ranges(value)
                if ranges is None:
                    unreadable += 1
                    continue
                chosen = cands[0] if anchor == "first" and cands else align(template, cands)
                predicted = chosen.span if chosen else None
                ok = is_correct(predicted, ranges)
                n += 1
                correct += ok
                if "OPTIONAL" not in template.get("MESSAGE: TEMPLATE", ""):
                    optional_n += 1
                    optional_ok += ok
                if len(ranges) == 1 and ranges[0][0] == ranges[0][1] and "-" not in value and "/" not in value:
                    exact_n += 1
                    exact_ok += ok
                if not ok:
                    failures[_failure_class(predicted, ranges, published)] += 1
    if n == 0:
        log("muc34: no scorable templates")
    rows = [(f"failures: {k}", str(v)) for k, v in failures.most_common()]
    if unreadable:
        rows.append(("unreadable key dates (skipped)", str(unreadable)))
    rows.append(("anchor", anchor))
    return EvalResult("muc34", ctx.split, n, {
        "date_accuracy": correct / n if n else None,
        "date_accuracy_single_day_keys": exact_ok / exact_n if exact_n else None,
        "date_accuracy_non_optional": optional_ok / optional_n if optional_n else None,
        "templates_single_day_keys": exact_n,
    }, rows)


def _failure_class(predicted: tuple[date, date] | None, ranges: list[tuple[date, date]],
                   published: date | None) -> str:
    if predicted is None:
        return "no date (no publication date)" if published is None else "no date"
    if not ranges:
        return "key has no date"
    lo, hi = ranges[0]
    if predicted[0] != predicted[1]:
        return "period, key narrower"
    if published is not None and predicted[0] == published:
        return "publication-date default, key earlier" if hi < published else "publication date, key differs"
    return "other day"
