"""What one mention says about its speaker.

Receives: the text of one mention as the article writes it ("England forward Michael Owen",
"Mr Blair", "the 25-year-old", "S&P", "he", "Mr Ebber's lawyers"). Hands on: a
``ParsedMention``: the name it gives (or, unnamed, the description it uses), role, type,
whether it is named, affiliation, gender from an honorific, and what ``entities``,
``pronouns`` and ``descriptions`` need to point it back: the pronoun, the head word, an age,
the honorific. No article context: the same text always parses the same way, so parses are
cached.

The rules run in order, the first that answers wins: a name known whole (outlet, party,
place), a person with a role or honorific before the name, an outlet by the words its name is
made of, an organization (acronym, company, organization head), a bare name, a name after a
word that describes a company, then unnamed speakers (descriptions, groups, unnamed people).
"""
from __future__ import annotations

import functools

import attrs
import regex

from ..lexicon import noun_genders, post_modifiers
from ..model import Gender, SpeakerType
from . import types as T
from .places import affiliation_of, owner_affiliation, place_words

PERSON, ORG, MEDIA, GROUP, UNKNOWN = (
    SpeakerType.PERSON, SpeakerType.ORGANIZATION, SpeakerType.MEDIA, SpeakerType.GROUP, SpeakerType.UNKNOWN,
)  # fmt: skip
PRONOUN_GENDER = {"he": Gender.MALE, "him": Gender.MALE, "his": Gender.MALE, "she": Gender.FEMALE, "her": Gender.FEMALE}
PRONOUNS = frozenset({"he", "him", "she", "her", "they", "it", "we", "i", "you", "who", "which"})
OWNING_PRONOUNS = frozenset({"his", "her", "its", "their", "our", "my", "your"})
GENDERS = {"male": Gender.MALE, "female": Gender.FEMALE, None: None}
# Styles that join a dropped honorific in a judge's name: "Mr Justice Eady".
JUDICIAL = frozenset({"justice"})
POSSESSIVE_ENDINGS = ("’s", "'s", "’", "'")
WORD = regex.compile(r"[\w.’'&-]+")
PHRASE_TAIL = regex.compile(r"(?:\s+\p{Ll}+ing)?\s+(?:in|at|from|through|outside|inside|near|on)\s+(?:the|a|an)?\s*\p{L}")
_TAIL_PREPOSITIONS = frozenset(("in", "at", "from", "through", "outside", "inside", "near", "on"))
# The phrase after an unnamed source that says how near it is: "close to", "familiar with".
CLOSE_TO = regex.compile(r"\s(?:close|closest|familiar|loyal|privy|near)\s+(?:to|with)\s")
PARENTHETICAL = regex.compile(r"\([^()]*\)")
LIST_SEPARATOR = regex.compile(r",|\band\b")  # "Russia and North Korea", "Russia, China"
# The prepositions that tie a role to an organization: "a spokeswoman for Human Rights Watch",
# "an analyst at Matrix Asset Advisors". The name after them is the affiliation, not a person.
ROLE_LINKS = frozenset({"for", "at", "of", "with", "from", "in"})


@attrs.frozen
class ParsedMention:
    """What one mention says about its speaker."""

    text: str
    name: str  # the canonical candidate: "Dmitry Peskov", "U.S. State Department", "officials"
    type: SpeakerType
    named: bool
    role: str | None
    affiliation: str | None
    gender: Gender | None
    pronoun: str | None = None
    description: bool = False  # "the spokesman", "the 25-year-old", "the agency": points back
    honorific: str | None = None  # "Mr" as written before the name ("Mr Blair")
    head: str = ""  # lower-case head word: "mp", "25-year-old", "agency"
    age: int | None = None  # "the 25-year-old", "Jane Roe, 25," (from an apposition)
    owner: str | None = None  # "Mr Ebber" of "Mr Ebber's lawyers", "SNP" of "the SNP's Jane Roe"

    @property
    def speaks(self) -> bool:
        """Can the mention be a speaker at all? ("Her comments", "leave" cannot.)"""
        return self.pronoun is not None or self.type is not UNKNOWN


def _display(raw: str, words: list[str]) -> str:
    """The mention as written, from its first kept word ("U.S., Ukrainian and ... officials")."""
    if not words:
        return raw
    at = raw.find(words[0])
    stop = raw.rfind(words[-1])
    name = raw[at : stop + len(words[-1])] if 0 <= at <= stop else " ".join(words)
    return name.strip() if "&" in name else T.strip_possessive(name.strip())


LEADING_ARTICLE = regex.compile(r"(?i)(?:the|a|an)\s+")


def _unnamed_display(raw: str, last: str) -> str:
    """An unnamed source as the article describes it, less a leading article: "Many foreign
    companies", "Mr Ebber's lawyers", "one Iraqi woman" (a quantifier says who they are)."""
    text = raw.strip()
    lead = LEADING_ARTICLE.match(text)
    start = lead.end() if lead else 0
    stop = text.rfind(last)
    return T.strip_possessive(text[start : stop + len(last)] if stop >= start else text[start:])


def _owned_display(w: "_Words") -> str:
    """An unnamed source with its owner, as the article describes it: "Ukraine's air force",
    "Acme's chief executive" (the owner says whose; "air force" alone says too little). Without
    an owner, the mention as written from its first kept word ("the spokesman" -> "spokesman")."""
    if w.owner is None:
        return _display(w.raw, w.words)
    return _unnamed_display(w.raw, w.words[-1])


# ---------------------------------------------------------------------------------------
# The words of a mention, with what its opening words say


class _Words:
    """One mention's words while the rules read it (a plain class: one is made per parse)."""

    __slots__ = ("raw", "words", "lower", "honorific", "gender", "indefinite", "definite", "owner", "owner_affiliation", "age", "head_at")

    def __init__(self, raw: str, words: list[str], lower: list[str], age: int | None) -> None:
        self.raw = raw
        self.words = words
        self.lower = lower
        self.honorific: str | None = None
        self.gender: Gender | None = None
        self.indefinite = bool(lower) and lower[0] in T.INDEFINITE
        # "our correspondent" is the newsroom's own, as definite as "the correspondent".
        self.definite = bool(lower) and lower[0] in ("the", "this", "that", "our")
        self.owner: str | None = None
        self.owner_affiliation: str | None = None
        self.age = age
        self.head_at: int | None = None  # the head's index, when it is not the last word ("a spokesman for X")

    @classmethod
    def of(cls, raw: str, words: list[str]) -> "_Words":
        w = cls(raw, list(words), [x.lower() for x in words], T.age_of(words))
        w._strip_lead()
        return w

    def _strip_lead(self) -> None:
        """Leading determiners and honorifics; a style a name keeps ("Sir") stays."""
        while self.words:
            first = self.lower[0]
            style = T.honorific(first)
            if style is not None and len(self.words) > 1:
                self.gender = GENDERS[style.gender] or self.gender
                if style.kept:
                    self.honorific = self.honorific or self.words[0]
                    return
                self.honorific = self.words[0]  # as written: "Mr" or "Mr."
                if len(self.words) > 2 and self.lower[1] in JUDICIAL and self.words[2][:1].isupper():
                    # "Mr Justice Eady": the whole style is the name, one word of it.
                    self.words = [f"{self.words[0]} {self.words[1]}", *self.words[2:]]
                    self.lower = [w.lower() for w in self.words]
                    return
            elif first not in T.DETERMINERS:
                return
            self.words, self.lower = self.words[1:], self.lower[1:]

    def split_owner(self) -> None:
        """"South Korea's Yonhap News": the owner is an affiliation, the rest is the name;
        "Kim's statement": the statement stands for its author."""
        for k, w in enumerate(self.words[:-1]):
            if w.endswith(POSSESSIVE_ENDINGS) and w[:1].isupper():
                owner_words = [T.strip_possessive(x) for x in self.words[: k + 1]]
                rest = self.words[k + 1 :]
                if len(rest) == 1 and rest[0].lower() in T.DOCUMENT_WORDS:
                    self.words = owner_words
                elif all(x[:1].isupper() and T.is_org_word(x) for x in rest) and owner_affiliation(owner_words) is None:
                    return  # "St Mary's Hospital", "King's College": the possessive is the name's own
                else:
                    self.owner = " ".join(owner_words)
                    self.owner_affiliation = owner_affiliation(owner_words)
                    self.words = rest
                self.lower = [x.lower() for x in self.words]
                return

    def tidy_end(self) -> None:
        if self.words and "&" not in " ".join(self.words):  # "Standard & Poor's" keeps it
            self.words[-1] = T.strip_possessive(self.words[-1])
            self.lower[-1] = self.words[-1].lower()
        while len(self.words) > 1 and self.lower[-1] in T.DOCUMENT_WORDS and self.lower[-2] not in T.FUNCTION_WORDS and self.lower[-2] not in OWNING_PRONOUNS:
            # "the Rodong Sinmun article": the paper; but in "the authors of the report" the
            # document is the object of a phrase after the speaker, and stays, as it does after
            # a pronoun ("Her report" is no one named Her).
            self.words, self.lower = self.words[:-1], self.lower[:-1]

    @property
    def name(self) -> str:
        return " ".join(self.words)

    @property
    def org_head(self) -> bool:
        """Is the head an organization's: "agency", or the last two words together ("coast guard")."""
        if self.head_at is not None or not self.lower:
            return T.is_org_word(self.head)
        return T.is_org_word(self.words[-1]) or len(self.lower) > 1 and " ".join(self.lower[-2:]) in T.org_words()

    @property
    def head(self) -> str:
        if self.head_at is not None:
            return self.lower[self.head_at]
        return self.lower[-1] if self.lower else ""


@functools.lru_cache(maxsize=T.WORD_CACHE)
def is_name_word(word: str) -> bool:
    """A word that can be part of a person's name: capitalized, and no role, place, party,
    organization, medium, group word or acronym. Styles a name keeps ("Sir") are name words."""
    if not word[:1].isupper():
        return False
    style = T.honorific(word)
    if style is not None:
        return style.kept
    low = T.word_key(word)
    if T.is_role_key(low) or low in T.media_words() or low in T.group_words() or T.is_org_word(word) or T.is_plural_role(word):
        return False
    return T.place(low) is None and T.party(low) is None and not T.is_acronym(T.strip_possessive(word))


def name_run_start(words: list[str], after_honorific: bool = False) -> int:
    """Where the run of name words at the end starts (len(words) when there is none). A
    surname that is also a role word ("Oona King", "Ms King", "John Major") counts after a
    given name or an honorific; an acronym never does ("the Salford MP")."""
    start = len(words)
    while start > 0 and is_name_word(words[start - 1]):
        start -= 1
    last = words[-1] if words else ""
    if start < len(words) or not last[:1].isupper() or T.is_acronym(last) or not T.is_role_word(last):
        return start
    if after_honorific and len(words) == 1:
        return 0
    if len(words) >= 2 and is_name_word(words[-2]):
        if " ".join(words[-2:]).lower() not in T.role_words():
            start = len(words) - 1
            while start > 0 and is_name_word(words[start - 1]):
                start -= 1
    return start


# ---------------------------------------------------------------------------------------
# The rules


def _parsed(w: _Words, name: str, kind: SpeakerType, named: bool, role: str | None = None, affiliation: str | None = None, description: bool = False) -> ParsedMention:
    # A kin noun says the gender an honorific would ("her son", "his sister": gendered_nouns.tsv).
    gender = w.gender if w.gender is not None or named else GENDERS[noun_genders().get(w.head)]
    return ParsedMention(
        w.raw, name, kind, named, role, affiliation if affiliation is not None else w.owner_affiliation, gender,
        None, description, w.honorific, w.head, w.age, w.owner,
    )  # fmt: skip


def _party_member(w: _Words) -> ParsedMention | None:
    """"the Democrat", "the Tory": one member of a party, a description that points back to
    the person in focus (as "the Spaniard" does), not the party ("the Tories")."""
    if not (w.definite or w.indefinite) or not w.words or not w.words[0][:1].isupper():
        return None
    party = T.party_member(w.name)
    if party is None:
        return None
    if w.indefinite:  # "a Republican": an unnamed member, somebody new
        return _parsed(w, _unnamed_display(w.raw, w.words[-1]), PERSON, False, w.name, party.name)
    return _parsed(w, w.name, PERSON, False, w.name, party.name, description=True)


def _known_whole(w: _Words) -> ParsedMention | None:
    """A name known whole: an outlet, a speaking place or institution, a party, states together."""
    name = w.name
    known, country = T.outlet_country(name)  # (never in lower case: "an observer", "the sun")
    if known:
        return _parsed(w, name, MEDIA, True, affiliation=country or affiliation_of(w.words))
    place = T.place(name)
    if place is not None and place[1] in ("country", "metonym"):
        return _parsed(w, place[0], ORG, True, affiliation=place[0])
    if place is not None and place[1] == "institution":
        return _parsed(w, name, ORG, True, affiliation=place[0])
    party = T.party(name)
    if party is not None:
        return _parsed(w, party.name, ORG, True, affiliation=party.country)
    if T.is_known_organization(name):
        return _parsed(w, name, ORG, True)  # "Greenpeace": no surname, though one word alone
    parts = [p.strip() for p in LIST_SEPARATOR.split(name) if p.strip()] if "," in name or "and" in name else ()
    if len(parts) > 1 and all((T.place(p) or ("", ""))[1] in ("country", "metonym") or T.party(p) for p in parts):
        return _parsed(w, name, ORG, True)
    return None


def _described_company(w: _Words) -> ParsedMention | None:
    """A capitalized name after a lower-case word for a company: "mobile firm Turkcell", "oil
    giant Yukos", "US behemoth General Electric" (whatever words the name is made of)."""
    words = w.words
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper():
        k -= 1
    if k == 0 or k == len(words) or not words[k - 1].islower() or not T.is_org_word(words[k - 1]) or T.is_role_word(words[k - 1]):
        return None
    return _parsed(w, " ".join(words[k:]), ORG, True, role=" ".join(words[:k]), affiliation=affiliation_of(words[:k]))


def _titled_person(w: _Words, start: int) -> ParsedMention | None:
    """A name after a role, an honorific or an age: "Kremlin spokesman Dmitry Peskov", "Mr
    Blair", "83-year-old Jane Roe", "England forward Michael Owen"."""
    run, before = w.words[start:], w.words[:start]
    if not run:
        return None
    if before and before[-1].lower() in ROLE_LINKS:
        return None  # "a spokeswoman for Human Rights Watch": the name is the organization's
    titled = any(T.is_role_word(x) for x in before) or (w.age is not None and before)
    if not (titled or w.honorific is not None) or T.is_outlet_name(run, False):
        return None
    role = " ".join(before) or None
    affiliation = affiliation_of(before) if before else None
    return _parsed(w, " ".join(run), PERSON, True, role, affiliation)


def _outlet(w: _Words, all_words: list[str]) -> ParsedMention | None:
    """An outlet by the words its name is made of: "BBC Radio Five Live", "Norwich's website".
    Not an outlet's own journalist: "the BBC's Lorna Gordon", "Sky's Jo Lee", "the Guardian's
    economics editor" are people who work for it (GUIDE.md counts the outlet's correspondent
    as a source, the outlet as the affiliation)."""
    if not T.is_outlet_name(all_words, w.definite):
        return None
    if w.owner is not None and T.is_outlet_name(w.owner.split(), w.definite):
        if len(w.words) >= 2 and all(map(is_name_word, w.words)):
            return _parsed(w, " ".join(w.words), PERSON, True, affiliation=w.owner)
        if w.words[-1].islower() and T.is_role_word(w.words[-1]):
            return None  # "the Guardian's economics editor": a person, unnamed (_unnamed)
    covered = place_words(w.words)
    named = any(x[:1].isupper() and k not in covered and not T.is_generic_media(x) for k, x in enumerate(all_words))
    display = _display(w.raw, all_words)
    return _parsed(w, display, MEDIA, named, affiliation=affiliation_of(all_words))


def _organization(w: _Words) -> ParsedMention | None:
    """An acronym ("GE", "S&P"), a company ("Standard & Poor's"), an organization head."""
    words = w.words
    capitalized = [x for x in words if x[:1].isupper() and x.lower() not in T.FUNCTION_WORDS]
    if len(words) == 1 and T.is_acronym(T.strip_possessive(words[0])) and not (T.is_role_word(words[0]) or T.is_group_head(words[0])):
        return _parsed(w, _display(w.raw, words), ORG, True, affiliation=affiliation_of(words))
    if capitalized and T.is_company(words):
        return _parsed(w, _display(w.raw, words), ORG, True, affiliation=affiliation_of(words))
    head = words[-1]
    if (T.is_role_word(head) or T.is_person_noun(head) or T.is_group_head(head)) and not w.org_head and head.islower():
        # "the Rovers boss", "a Treasury source", "Bank of England officials": a person or
        # people of the organization its capitalized words name, not the organization (a
        # capitalized head is the name's own: "the Society of Civil Engineers").
        return None
    if head.islower() and (T.is_plural_role(head) or T.is_plural_person(head)):
        return None  # "Mr Dale's advisers", "the firm's partners": people ("Acme Advisers" is a firm)
    if len(words) > 1 and words[-2].islower() and T.is_role_word(words[-2]) and T.is_role_word(head):
        return None  # "Acme's chief executive": a role of two words, though "the Executive" is a body
    if w.org_head or any(T.is_org_word(x) and x[:1].isupper() for x in words):
        if T.is_generic_media(head) and not capitalized:
            return None  # "the agency": media or an organization, the article decides
        generic = all(T.is_org_word(x) or T.place(x) for x in capitalized)
        # "the Bank", "the Commission": a generic head, capitalized, points back like "the firm".
        name = _owned_display(w) if not capitalized else _display(w.raw, words)
        return _parsed(w, name, ORG, bool(capitalized), affiliation=affiliation_of(words), description=w.definite and (not capitalized or generic and len(capitalized) == 1 and T.place(capitalized[0]) is None))
    return None


def _bare_or_described_name(w: _Words, start: int) -> ParsedMention | None:
    """A name alone ("Jane Roe", "Owen"), or after words that describe it: "mobile firm
    Turkcell" is a company, "property website Rightmove" an outlet, "the Brazilian Juninho" a
    person."""
    run, before = w.words[start:], w.words[:start]
    if not run:
        return None
    if not before:
        return _parsed(w, " ".join(run), PERSON, True)
    last = before[-1]
    if last.lower() in ROLE_LINKS:
        return None
    if T.is_org_word(last) and last[:1].islower():
        return _parsed(w, " ".join(run), ORG, True, role=" ".join(before), affiliation=affiliation_of(before))
    if T.is_generic_media(last) or last.lower() in T.medium_words():
        return _parsed(w, " ".join(run), MEDIA, True, affiliation=affiliation_of(before))
    if len(run) >= 2 or T.place(last) is not None:
        return _parsed(w, " ".join(run), PERSON, True, role=" ".join(before), affiliation=affiliation_of(before))
    return None


def _linked_role(w: _Words) -> tuple[int, str | None]:
    """"a spokeswoman for Human Rights Watch": where the role ends (its head) and the
    organization after the link word, when the mention is a role of an organization."""
    for k in range(1, len(w.words) - 1):
        before = w.words[k - 1]
        if w.lower[k] == "to" and T.serves_by_to(before):
            rest = [x for x in w.words[k + 1 :] if x.lower() != "the"]  # "an aide to Ortega"
            return k, _display(w.raw, rest) if rest else None
        if w.lower[k] in ROLE_LINKS and (T.is_role_word(before) or T.is_plural_role(before) or T.is_person_noun(before) or T.is_plural_person(before)):
            rest = [x for x in w.words[k + 1 :] if x.lower() != "the"]
            return k, _display(w.raw, rest) if rest else None
    return len(w.words), None


def _unnamed(w: _Words) -> ParsedMention | None:
    """No name: generic media, a description pointing back, a group, an unnamed person."""
    link, organization = _linked_role(w)
    if organization is not None:
        w.head_at = link - 1
        if not T.is_person_noun(w.words[link - 1]) and w.lower[-1] not in T.document_nouns():
            # "a spokesman for X" speaks for X; "the mother of one of the victims", "the
            # authors of the report" do not.
            w.owner_affiliation = w.owner_affiliation or organization
    words, head, raw = w.words, w.head, w.raw
    # As written (_display) or, for people and groups, less a leading article (_unnamed_display).
    if T.is_generic_media(head):
        covered = place_words(words)
        named = any(x[:1].isupper() and k not in covered and not T.is_generic_media(x) and x.lower() not in T.FUNCTION_WORDS for k, x in enumerate(words))
        return _parsed(w, _display(raw, words), MEDIA, named, affiliation=affiliation_of(words), description=w.definite and not named)
    if w.age is not None and head.endswith("year-old"):
        return _parsed(w, _display(raw, words), PERSON, False, description=w.definite, affiliation=affiliation_of(words))
    # A role, a noun for one person ("mother", "source": people.txt) or a demonym ("the American").
    role_head = T.is_role_word(head) or T.is_person_noun(head) or (T.place(head) or ("", ""))[1] == "demonym" and len(words) <= 2
    people = T.is_plural_role(head) or T.is_plural_person(head)  # "advisers", not "Acme Advisers"
    if not role_head and not people and w.org_head:
        return _parsed(w, _owned_display(w), ORG, False, affiliation=affiliation_of(words), description=w.definite)
    if (T.singular(head) or "") in T.org_words():
        return _parsed(w, _unnamed_display(raw, words[-1]), GROUP, False, affiliation=affiliation_of(words))  # "many companies"
    if role_head and not w.indefinite and (w.definite or w.owner):
        # "the spokesman", "the Salford MP", "the American": a description that points back.
        display = _display(raw, words)
        return _parsed(w, _owned_display(w), PERSON, False, display, affiliation_of(words), description=True)
    if T.is_group_head(head) and not (role_head and not head.endswith("s")):
        role = _display(raw, words) if T.is_role_word(head) else None
        return _parsed(w, _unnamed_display(raw, words[-1]), GROUP, False, role, affiliation_of(words))
    if role_head:
        # "a spokesman", "a senior official", "one Iraqi woman", "a source": an unnamed person.
        return _parsed(w, _unnamed_display(raw, words[-1]), PERSON, False, _display(raw, words), affiliation_of(words))
    if (head in T.record_nouns() or T.singular(head) in T.record_nouns()) and not w.owner and raw.split()[0].lower() not in OWNING_PRONOUNS:
        # "According to the study", "the lawsuit alleged": a record no author is given for is
        # the source itself (GUIDE: "the lawsuit", an organization, named false), never
        # whoever spoke before it. (An author named with it was taken first; "his report" is
        # its owner's; "the statement added" points back to whoever issued it: records.txt.)
        return _parsed(w, _unnamed_display(raw, words[-1]), ORG, False)
    return None


def _parse_words(raw: str, words: list[str]) -> ParsedMention:
    w = _Words.of(raw, words)
    if not w.words:
        return ParsedMention(raw, raw, UNKNOWN, False, None, None, w.gender)
    all_words = list(w.words)
    w.split_owner()
    w.tidy_end()
    if not w.words:
        return ParsedMention(raw, raw, UNKNOWN, False, None, None, w.gender)
    if len(w.words) > 1 and w.lower[0] in OWNING_PRONOUNS and w.lower[-1] in T.document_nouns() and not any(x.endswith(POSSESSIVE_ENDINGS) for x in w.words[1:]):
        # "Her report", "his statement": the owner's words, no source of their own (nor an
        # outlet, nor somebody named Her); the attribution before names the owner. ("his
        # club's website" is the club's.)
        return ParsedMention(raw, raw, UNKNOWN, False, None, None, w.gender)
    start = name_run_start(w.words, w.honorific is not None)
    if start > 0 and _linked_role(w)[1] is not None:
        parsed = _unnamed(w)  # "a spokeswoman for Human Rights Watch": the role is the head
        if parsed is not None:
            return parsed
    parsed = _party_member(w) or _known_whole(w) or _described_company(w) or _titled_person(w, start) or _outlet(w, all_words) or _organization(w)
    parsed = parsed or _bare_or_described_name(w, start) or _unnamed(w)
    if parsed is not None:
        return parsed
    return _parsed(w, w.name, UNKNOWN, False, affiliation=affiliation_of(w.words))


def _words_of(raw: str) -> list[str]:
    # "Rep. Jim Jordan (R-Ohio)": the party and state in brackets are no part of the name.
    if raw.isascii() and raw.replace(" ", "").isalnum():
        words = raw.split()  # letters, digits and spaces only: the pattern's words are these
    else:
        words = WORD.findall(PARENTHETICAL.sub(" ", raw) if "(" in raw else raw)
    # "Turkcell now", "Henson himself": words a loose boundary left at the end.
    while len(words) > 1 and words[-1].lower() in T.TRAILING_JUNK:
        words.pop()
    return words


@functools.cache
def _post_modifier() -> regex.Pattern:
    """A speaker noun's post-modifier: a lexicon phrase or "who" ("people familiar with the
    talks", "a person who attended the meeting")."""
    phrases = sorted((r"\s+".join(map(regex.escape, words)) for words in post_modifiers()), key=len, reverse=True)
    return regex.compile(rf"(?i)\s+(?:who|which|{'|'.join(phrases)})\s+\S")


# Relative clauses that only say the source is unnamed ("who asked not to be named").
ANONYMOUS_CLAUSE = regex.compile(r"(?i)\bwho\b.*\b(?:anonymity|anonymously|to be (?:named|identified)|not (?:authori[sz]ed|allowed|permitted) to)\b")


def _post_modified(raw: str) -> ParsedMention | None:
    """"People familiar with the talks", "sources close to the minister", "a person who attended
    the meeting": an unnamed person or group described by a post-modifier. The speaker is the
    noun before it, named by the whole description as the article gives it (less a leading
    article), or by the noun phrase alone when the modifier only says the source is anonymous
    ("an official speaking on condition of anonymity")."""
    if " " not in raw:
        return None
    found = _post_modifier().search(raw)
    if found is None or found.start() == 0:
        return None
    head = parse_mention(raw[: found.start()])
    if head.type is UNKNOWN or head.pronoun is not None:
        return None
    if head.named:
        # "Republicans who have praised him": the party. (A longer named head may be a sentence's
        # first capital: "Senior campaign advisers who ..." is no name.)
        return attrs.evolve(head, text=raw) if " " not in raw[: found.start()].strip() else None
    if head.type not in (PERSON, GROUP):
        return attrs.evolve(head, text=raw)  # "the company which makes the drug": the company
    anonymous = post_modifiers().get(tuple(raw[found.start() : found.end() - 1].lower().split()), False) or ANONYMOUS_CLAUSE.search(raw, found.start())
    name = head.name if anonymous else _unnamed_display(raw, raw.split()[-1])
    return attrs.evolve(head, text=raw, name=name)


@functools.lru_cache(maxsize=8192)
def parse_mention(text: str) -> ParsedMention:
    """Read a mention's words: name, role, type, affiliation and gender."""
    raw = text.strip()
    described = _post_modified(raw)  # before the phrase tail: "residents who live near the plant"
    if described is not None:
        return described
    # The phrase's preposition stands alone between spaces, never first: a cheap test first.
    tail = PHRASE_TAIL.search(raw) if not _TAIL_PREPOSITIONS.isdisjoint(raw.split()[1:]) else None
    if tail is not None and tail.start() > 0 and not T.is_outlet_name(WORD.findall(raw), False):
        # "a narrator in the Clinton ad", "Protesters marching through the streets": the
        # speaker is the head before the phrase.
        head = parse_mention(raw[: tail.start()])
        if head.type is not UNKNOWN and head.pronoun is None:
            return attrs.evolve(head, text=raw)
    near = CLOSE_TO.search(raw) if " " in raw else None
    if near is not None:
        # "a source close to the talks", "people familiar with the plan": the unnamed source
        # is the head before the phrase; the phrase stays in its description.
        head = parse_mention(raw[: near.start()])
        if head.type in (PERSON, GROUP) and not head.named and head.pronoun is None:
            lead = LEADING_ARTICLE.match(raw)
            return attrs.evolve(head, text=raw, name=raw[lead.end() if lead else 0 :])
    at = raw.find(" of ")
    if at > 0:
        # "Mr. Morgan of the Sierra Club", "Jeffrey Lewis of the Martin Center": the person,
        # of an organization (but "Secretary of State", "Bank of America" are no person).
        left = parse_mention(raw[:at])
        if left.type is PERSON and left.named and (left.gender is not None or left.role or len(left.name.split()) > 1):
            return attrs.evolve(left, text=raw)
    words = _words_of(raw)
    if len(words) == 1 and words[0].lower() in PRONOUNS and words[0] not in T.acronym_words():
        low = words[0].lower()
        return ParsedMention(raw, raw, UNKNOWN, False, None, None, PRONOUN_GENDER.get(low), pronoun=low, head=low)
    return _parse_words(raw, words)


@functools.lru_cache(maxsize=4096)
def parse_name(text: str) -> ParsedMention:
    """A person the prose names (``detect.names`` found it): its honorific, role and name,
    read without the rules a speaker mention needs."""
    raw = text.strip()
    words = [w for w in raw.split() if w != "."]
    honor, gender = None, None
    while len(words) > 1 and (style := T.honorific(words[0])) is not None and not style.kept:
        honor, gender = words[0], GENDERS[style.gender]
        words = words[1:]
    if words and (style := T.honorific(words[0])) is not None and style.kept:
        honor, gender = words[0], GENDERS[style.gender]
    words[-1] = T.strip_possessive(words[-1])
    start = name_run_start(words, honor is not None)
    if start >= len(words):
        return ParsedMention(raw, raw, UNKNOWN, False, None, None, gender)
    role = " ".join(words[:start]) or None
    affiliation = affiliation_of(words[:start]) if role else None
    return ParsedMention(raw, " ".join(words[start:]), PERSON, True, role, affiliation, gender, honorific=honor, head=words[-1].lower())
