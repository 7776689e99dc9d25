"""Types without a model: what kind of source a word or a name is, from lexicon data alone.

Receives: words of a mention as written ("Standard", "&", "Poor's"; "Tory"; "lawyers").
Hands on: yes/no answers and look-ups that ``mentions`` combines into a type: roles and their
plurals, honorifics, parties, places, outlets (by list and by the words outlet names are made
of), acronyms, companies and organization heads, group nouns. Every set is built once from
the data files in ``quotes/lexicon``; nothing here knows a particular article.
"""
from __future__ import annotations

import functools

import regex

from ..lexicon import (
    Honorific,
    exact_words,
    role_abbreviations,
    Party,
    honorifics,
    media_outlets,
    media_words,
    medium_words,
    outlet_name_words,
    outlet_title_words,
    parties,
    place_index,
    titles,
    word_set,
)

# How many distinct words (or names) each per-word answer below is kept for: a news corpus
# uses tens of thousands; past this many the oldest answers are dropped.
WORD_CACHE = 1 << 15
# Determiners and quantifiers that open a noun phrase; the indefinite ones make a role an
# unnamed somebody ("a spokesman", "one analyst") rather than a description pointing back.
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "another", "one", "some", "two", "three", "four", "several", "many", "most", "all", "both", "other"})
INDEFINITE = frozenset({"a", "an", "another", "one", "some", "two", "three", "four", "several", "many", "most", "all", "both", "other"})
# Words that name the document rather than its author: "the Rodong Sinmun article" is the paper.
DOCUMENT_WORDS = frozenset({"article", "report", "reports", "statement", "announcement", "editorial", "commentary", "dispatch", "broadcast", "story", "release", "statements"})
# Nouns for words said: a mention headed by one ("Her comments", "His claims") names what was
# said, not who said it.
SPEECH_NOUNS = frozenset({"comments", "comment", "claims", "claim", "remarks", "words", "warning", "warnings", "allegations", "criticism", "views", "view", "polls", "poll", "figures", "data", "statistics", "survey", "research", "evidence", "information", "leave", "reply", "response", "answer"})
FUNCTION_WORDS = frozenset({"of", "for", "at", "the", "and", "from", "in", "on", "&"})
# Words left at the end of a mention by a loose boundary: "Turkcell now", "Henson himself".
# "close" and "familiar" are left by a boundary before "to"/"with": "people familiar with the talks".
TRAILING_JUNK = frozenset({"close", "familiar", "now", "himself", "herself", "itself", "themselves", "also", "too", "then", "today", "yesterday", "instead", "however", "though", "alone", "again", "still", "always", "later", "earlier", "meanwhile"})
# The plurals of nouns for people that do not end in -s ("both men", "some of the women").
# ("children" is left out: "a study of school children has revealed" is no children speaking,
# and a boundary that stops at "children" would give them the study's words.)
IRREGULAR_PLURALS = {"men": "man", "women": "woman"}
# "Vice-President", "ex-head", "co-founder": the parts of a hyphenated role.
_HYPHEN = regex.compile(r"[-‐–]")
ACRONYM = regex.compile(r"(?:\p{Lu}[\p{Lu}&.]*\p{Lu}\.?|\p{Lu}\.(?:\p{Lu}\.)+)(?:['’]s)?")
AGE = regex.compile(r"(\d{1,3})-year-old", regex.IGNORECASE)
# Well-known acronyms that are organizations even when written in lower case words.
ORG_ACRONYMS = frozenset({"un", "u.n.", "fbi", "cia", "eu", "nato"})
# The suffixes that end a company's name ("Brevik Dairy Ltd"), lower case, no full stop.
COMPANY_SUFFIXES = frozenset({"inc", "ltd", "plc", "co", "corp", "llc", "llp", "ag", "sa", "nv", "gmbh"})


@functools.lru_cache(maxsize=WORD_CACHE)
def strip_possessive(word: str) -> str:
    """"Moscow's" -> "Moscow", "nations'" -> "nations" (not in words of two letters or fewer)."""
    if len(word) > 2:
        if word.endswith(("’s", "'s")):
            return word[:-2]
        if word.endswith(("’", "'")):
            return word[:-1]
    return word


@functools.cache
def role_words() -> frozenset[str]:
    return word_set("roles.txt")


@functools.cache
def group_words() -> frozenset[str]:
    return word_set("groups.txt")


@functools.cache
def org_words() -> frozenset[str]:
    return word_set("organizations.txt")


@functools.cache
def organization_names() -> frozenset[str]:
    return word_set("organization_names.txt")


@functools.lru_cache(maxsize=WORD_CACHE)
def is_known_organization(name: str) -> bool:
    """"Greenpeace", "the Taliban", "Amnesty International": a well-known organization whose
    words do not say so (organization_names.txt), the whole name matched, case aside."""
    low = strip_possessive(name).lower()
    return (low[4:] if low.startswith("the ") else low) in organization_names()


@functools.cache
def document_nouns() -> frozenset[str]:
    """"report", "study", "lawsuit": what is written (documents.txt), no body one speaks for."""
    return word_set("documents.txt") | DOCUMENT_WORDS


@functools.cache
def acronym_words() -> frozenset[str]:
    """"WHO", "IS", "IT": acronyms spelled like pronouns and small words, as written: a
    mention of one alone is the body, never the pronoun (acronym_words.txt)."""
    return exact_words("acronym_words.txt")


def serves_by_to(word: str) -> bool:
    """"aide", "adviser": a role tied by "to" to whom it serves ("an aide to Ortega"; roles_to.txt)."""
    return word.lower() in word_set("roles_to.txt")


@functools.lru_cache(maxsize=4096)
def with_abbreviations(words: tuple[str, ...]) -> tuple[str, ...]:
    """A role's words (lower case) with the other form of each abbreviated role among them:
    ("prime", "minister") gains "pm", ("pm",) gains "prime" and "minister", so that either
    form describes the person given the other (role_abbreviations.tsv)."""
    extra: list[str] = []
    for short, spelled in role_abbreviations().items():
        if short in words:
            extra.extend(spelled)
        elif spelled[0] in words and _holds(words, spelled):
            extra.append(short)
    return words + tuple(extra) if extra else words


def _holds(words: tuple[str, ...], run: tuple[str, ...]) -> bool:
    n = len(run)
    return any(words[i : i + n] == run for i in range(len(words) - n + 1))


@functools.cache
def record_nouns() -> frozenset[str]:
    """"study", "lawsuit", "minutes": records that are the source themselves when no author is
    named (records.txt); "statement", "letter" are their author's words instead."""
    return word_set("records.txt")


@functools.cache
def unnamed_people() -> frozenset[str]:
    return word_set("unnamed_people.txt")


@functools.cache
def person_nouns() -> frozenset[str]:
    return word_set("people.txt") | unnamed_people()


@functools.lru_cache(maxsize=WORD_CACHE)
def is_person_noun(word: str) -> bool:
    """"mother", "neighbour", "source": one person, though no title (people.txt, unnamed_people.txt)."""
    return word_key(word) in person_nouns()


def is_unnamed_person(low: str) -> bool:
    """"source", "moderator", "user" (lower case): somebody the press introduces fresh."""
    return low in unnamed_people()


@functools.lru_cache(maxsize=WORD_CACHE)
def is_plural_person(word: str) -> bool:
    """"allies", "relatives", "organizers", "women": the plural of a noun for one person is a group."""
    low = word_key(word)
    return IRREGULAR_PLURALS.get(low, singular(low)) in person_nouns()


@functools.lru_cache(maxsize=WORD_CACHE)
def word_key(word: str) -> str:
    """A word as the word lists hold it: no possessive, lower case ("Moscow's" -> "moscow")."""
    return strip_possessive(word).lower()


@functools.lru_cache(maxsize=WORD_CACHE)
def is_role_word(word: str) -> bool:
    """"spokesman", "Secretary", "Vice-President", "ex-head": a role, or a hyphenated one."""
    return is_role_key(word_key(word))


def is_role_key(low: str) -> bool:
    """``is_role_word`` of a word already without its possessive and in lower case."""
    roles = role_words()
    if low in roles:
        return True
    if "-" in low or "‐" in low or "–" in low:
        parts = [p for p in _HYPHEN.split(low) if p]
        return bool(parts) and parts[-1] in roles and all(p in roles or p in ("ex", "vice", "co", "deputy", "acting", "former") for p in parts)
    return False


def singular(low: str) -> str | None:
    """The singular of a regular English plural, or None: "lawyers" -> "lawyer", "mps" -> "mp",
    "secretaries" -> "secretary", "ministers" -> "minister"."""
    if len(low) < 3 or not low.endswith("s") or low.endswith("ss"):
        return None
    if low.endswith("ies"):
        return low[:-3] + "y"
    if low.endswith(("ches", "shes", "xes")):
        return low[:-2]
    return low[:-1]


@functools.lru_cache(maxsize=WORD_CACHE)
def is_plural_role(word: str) -> bool:
    """"lawyers", "economists", "MPs", "ministers": the plural of a role is a group of people."""
    one = singular(word_key(word))
    return one is not None and one in role_words()


# Plural nouns for people that no list holds: "campaigners", "protesters", "locals".
_PEOPLE_PLURAL = regex.compile(r"\p{Ll}{3,}(?:ers|ists|ians|ants|ents|ors|ees)")


@functools.lru_cache(maxsize=WORD_CACHE)
def is_group_head(word: str) -> bool:
    """A head that makes a mention unnamed people: group nouns, plural roles, -ers/-ists plurals."""
    low = word_key(word)
    if low in group_words() or is_plural_role(word) or is_plural_person(word):
        return True  # "lawyers", "allies", "relatives": plural roles and people
    return low not in SPEECH_NOUNS and bool(_PEOPLE_PLURAL.fullmatch(low))


@functools.lru_cache(maxsize=WORD_CACHE)
def honorific(word: str) -> Honorific | None:
    return honorifics().get(word.lower())


@functools.lru_cache(maxsize=WORD_CACHE)
def party(name: str) -> Party | None:
    """"Tories", "the Lib Dems", "Labour": the party a name stands for."""
    low = name.lower()
    return parties().get(low[4:] if low.startswith("the ") else low)


@functools.lru_cache(maxsize=WORD_CACHE)
def spelled_title(word: str) -> tuple[str, ...]:
    """The words a description spells a title out with: "Sen." -> (senator, lawmaker), "Gov"
    -> (governor,), "Dr" -> (doctor,); () for a word that is no such title."""
    return titles().get(word.lower().rstrip("."), ())


@functools.lru_cache(maxsize=WORD_CACHE)
def spelled_role(role: str) -> str:
    """A role with its abbreviated titles spelled out: "Republican state Sen." -> "Republican
    state senator", "Lt. Gen." -> "lieutenant general" (a role is shown to people)."""
    if "." not in role:
        return role
    words = role.split()
    return " ".join(spelled[0] if w.endswith(".") and (spelled := spelled_title(w)) else w for w in words)


@functools.cache
def title_words() -> frozenset[str]:
    """Every word a title is spelled out with ("senator", "admiral", "lawmaker")."""
    return frozenset(word for words in titles().values() for word in words)


@functools.lru_cache(maxsize=WORD_CACHE)
def party_member(name: str) -> Party | None:
    """"Democrat", "Tory", "Lib Dem": the party of a noun for one of its members, or None."""
    low = name.lower()
    return party(low) if low in word_set("party_members.txt") else None


@functools.lru_cache(maxsize=WORD_CACHE)
def place(name: str) -> tuple[str, str] | None:
    """(country, how) for a country, demonym, capital or institution: "Pyongyang" -> North Korea."""
    return place_index().get(strip_possessive(name).lower())


@functools.cache
def place_prefixes() -> frozenset[str]:
    """The first words of the place names of two words or more ("north" of "north korea")."""
    return frozenset(key.split(" ")[0] for key in place_index() if " " in key)


@functools.lru_cache(maxsize=WORD_CACHE)
def is_acronym(word: str) -> bool:
    """"GE", "S&P", "IAAF", "U.N.", "BRC's": capitals only, two letters or more."""
    return bool(ACRONYM.fullmatch(word))


@functools.lru_cache(maxsize=WORD_CACHE)
def is_org_word(word: str) -> bool:
    """Organization head words; well-known acronyms only in capitals ("UN", not the name "Un")."""
    low = word_key(word)
    if low in ORG_ACRONYMS:
        return word.isupper()
    return low in org_words()


def is_company(words: list[str]) -> bool:
    """"Standard & Poor's", "Marks and Spencer plc", "Smith & Co": an ampersand between
    capitalized words, or a company suffix (Inc, Ltd, plc, Co) at the end."""
    if "&" in words[1:-1] or any("&" in w and w[:1].isupper() for w in words):
        return True
    return bool(words) and words[-1].lower().rstrip(".") in COMPANY_SUFFIXES


def outlet_country(name: str) -> tuple[bool, str | None]:
    """Is the name a known outlet, and its country."""
    if name.islower():
        return False, None  # "an insider", "the times": outlets are named in capitals
    outlets = media_outlets()
    low = name.lower()
    if low in outlets:
        return True, outlets[low]
    if low.startswith("the ") and low[4:] in outlets:
        return True, outlets[low[4:]]
    if "the " + low in outlets:
        return True, outlets["the " + low]
    return False, None


@functools.lru_cache(maxsize=WORD_CACHE)
def _outlet_name_word(word: str) -> bool:
    """A capitalized word that makes a name an outlet's wherever it stands ("Radio", "BBC")."""
    return word[:1].isupper() and word_key(word) in outlet_name_words()


def is_outlet_name(words: list[str], definite: bool) -> bool:
    """An outlet by the words its name is made of, not by a list of this or that paper:
    "BBC Radio Five Live", "Radio Four's the World at One", "the Financial Times", "the Sun",
    "Norwich's website", "the Jeremy Vine show". Capitalized outlet words count anywhere
    (Radio, TV, Times, Post, Telegraph, BBC, Sky ...); title words (Sun, Mail, Mirror ...)
    only as "the X" or after Daily/Sunday/Evening; a generic medium word (website, programme,
    show) only after a name or a possessive."""
    if not words:
        return False
    names, titles, media = outlet_name_words(), outlet_title_words(), medium_words()
    last = word_key(words[-1])
    if is_org_word(words[-1]) and last not in names:
        return False  # "the Post Office", "Times Group": an organization
    if any(map(_outlet_name_word, words)):
        return True
    if words[-1][:1].isupper() and last in titles:
        if definite or (len(words) > 1 and words[-2].lower() in ("daily", "sunday", "evening", "weekly")):
            return True
    if last in media and len(words) > 1 and words[-1].islower():
        before = words[:-1]
        return any(w.endswith(("'s", "’s")) for w in before) or any(w[:1].isupper() for w in before)
    return False


@functools.lru_cache(maxsize=WORD_CACHE)
def is_generic_media(word: str) -> bool:
    return word_key(word) in media_words()


def age_of(words: list[str]) -> int | None:
    """"the 25-year-old", "83-year-old Jane Roe": the age a mention gives."""
    if "-year-old" not in " ".join(words).lower():
        return None  # the pattern's words, in any case, are ASCII letters only
    for word in words:
        match = AGE.fullmatch(word)
        if match:
            return int(match.group(1))
    return None
