"""Statements of casualties and detentions that are not coded as events: roll-ups and summaries.

ACLED codes no event for "73 people have died in police firing over the last five days" or "over
2,500 have been arrested in the state": no single incident, place or day. Such statements still say
what happened and who did it, and document-level tasks (IndiaPoliceEvents' KILL and ARREST) count
them. :func:`statements` lists them per sentence with their figures, the cause phrase ("in police
firing", "by police bullets") and modality; negated, future and hypothetical ones are left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Article, Span
from . import counts, modality

KILLED = re.compile(r"\b(?:killed|killing|dead|died|deaths?|slain|shot dead|gunned down|lost (?:their|his|her) li(?:fe|ves)|"
                    r"succumbed|bodies|toll|casualt(?:y|ies)|fatalit(?:y|ies)|were to (?:police )?firing)\b", re.I)
DETAINED = re.compile(r"\b(?:(?<!cardiac )(?<!court )(?<!courted )(?<!courting )(?<!house )arrest(?:ed|s|ing)?(?! warrants?)|"
                      r"detain(?:ed|ing)?|detention|(?:been|was|were|are|is|be) booked(?! on)|booked under|"
                      r"(?:taken|remanded) (?:in|into) (?:police |judicial )?custody|in (?:police |judicial |their |the )?custody|"
                      r"custodial|locking up|lock(?:ed)? up (?:the )?(?!gates?|doors?|shops?)\w+|(?:keep|kept)\b[^.;]{0,30}\blocked up|"
                      r"behind bars|rounded up|apprehended(?! that)|nabbed|held by (?:the )?police|"
                      r"(?:sent|remanded) to (?:jail|prison)|jailed|held (?:for|on charges))\b", re.I)
_CLAUSE = re.compile(r";|:\s|,\s+(?:while|whereas|but)\b|\bwhile\b|\bwhereas\b|,\s+(?=\d+\s+(?:people|persons)\b)")


@dataclass
class Statement:
    span: Span
    text: str
    killed: list[str] = field(default_factory=list)  # clauses reporting deaths
    detained: list[str] = field(default_factory=list)  # clauses reporting arrests or custody
    figures: list[counts.Figure] = field(default_factory=list)


def clauses(sentence: str) -> list[str]:
    return [c for c in _CLAUSE.split(sentence) if c and c.strip()]


def _stated(clause: str, m: re.Match[str]) -> bool:
    mod = modality.classify(clause, m.start(), m.end())
    return mod.is_event or mod.reason == "habitual"


def statements(article: Article) -> list[Statement]:
    """Every sentence that states deaths or detentions (figures or words), clause by clause."""
    out = []
    text = article.text
    for sent in article.sentences:
        s = text[sent.start:sent.end]
        if not (KILLED.search(s) or DETAINED.search(s)):
            continue
        st = Statement(sent, s, figures=counts.find(s))
        for c in clauses(s):
            k = KILLED.search(c)
            if k and _stated(c, k):
                st.killed.append(c)
            d = DETAINED.search(c)
            if d and _stated(c, d):
                st.detained.append(c)
        if st.killed or st.detained:
            out.append(st)
    return out
