"""The article's entities: one per source, however many ways the text names it.

Receives: parsed mentions with their spans, in text order (speakers, conduits and the names
in the prose). Hands on: ``Entity`` objects with a canonical name (the fullest proper name
the article gives the entity anywhere: "Tony Blair" for "Mr Blair", "Cynthia Cooper" for "Ms
Cooper", "Office for National Statistics" for "ONS"), type, role, affiliation, gender,
descriptors and mentions; and the salience order (who was last the subject) that
``pronouns`` and ``descriptions`` read.

Every look-up goes through an index (name, name word, surname, initials, salience list of
bounded length), so joining stays linear however many speakers an article has.
"""
from __future__ import annotations

import functools
import operator
from typing import Callable

import attrs
import regex

from ..model import Gender, Span, Speaker, SpeakerType
from . import types as T
from .mentions import ParsedMention

PERSON, ORG, MEDIA, GROUP = SpeakerType.PERSON, SpeakerType.ORGANIZATION, SpeakerType.MEDIA, SpeakerType.GROUP
# How many people sharing a name word a short name looks through (the latest met).
NAMESAKES = 50
# How many of the most salient entities a pronoun or description looks through.
SALIENCE_WINDOW = 40
_INITIAL = regex.compile(r"\p{Lu}")
_SPLIT = regex.compile(r"[\s&]+")


@functools.lru_cache(maxsize=32768)
def person_key(name: str) -> tuple[str, ...]:
    """A person's name words less the styles it keeps: "Sir Menzies Campbell" -> (menzies,
    campbell), "Mr Justice Eady" -> (eady,), "Kim Jong Un" -> (kim, jong, un)."""
    words = [T.strip_possessive(w).lower() for w in name.split()]
    kept = [w for w in words if not (T.honorific(w) and T.honorific(w).kept) and w not in ("mr", "mrs", "ms", "justice")]
    return tuple(kept or words)


@functools.lru_cache(maxsize=8192)
def initials(name: str) -> str:
    """"Office for National Statistics" -> "ONS", "Standard & Poor's" -> "SP": the capitals
    that open the words of a name (function words aside)."""
    words = [w for w in _SPLIT.split(name) if w and w.lower() not in T.FUNCTION_WORDS]
    return "".join(w[0] for w in words if w[:1].isupper()) if len(words) > 1 else ""


@functools.lru_cache(maxsize=8192)
def acronym_letters(word: str) -> str:
    """"S&P" -> "SP", "U.N." -> "UN", "BRC" -> "BRC"."""
    return "".join(_INITIAL.findall(T.strip_possessive(word)))


_LAST_SEEN = operator.attrgetter("last_seen")


@attrs.define(eq=False)
class Entity:
    """A speaker being assembled while the article is read (mutable until the end)."""

    id: int
    name: str
    type: SpeakerType
    named: bool
    role: str | None
    affiliation: str | None
    gender: Gender | None
    mentions: list[tuple[int, int]]  # character spans, in the order met
    last_seen: int = 0
    honorific: str | None = None  # "Mr", for a person the article names by surname only
    forms: list[str] = attrs.field(factory=list)  # person name forms, in the order met
    descriptors: set[str] = attrs.field(factory=set)  # role and description words: "forward", "mp"
    age: int | None = None
    spoke: int = -1  # where it last spoke (a speaker mention), -1 never

    def key(self) -> tuple[str, ...]:
        return person_key(self.name) if self.type is PERSON else tuple(self.name.lower().split())

    def canonical(self) -> str:
        """The fullest form: most name words, then a kept style ("Sir"), then the first met; a
        surname alone takes the honorific it was given ("Mr Howard")."""
        if self.type is not PERSON or not self.forms:
            return self.name
        forms = self.forms
        best = forms[0] if len(forms) == 1 else max(forms, key=lambda f: (len(person_key(f)), len(f.split()), -forms.index(f)))
        if len(best.split()) == 1 and self.honorific:
            return f"{self.honorific} {best}"
        return best

    def freeze(self, span: Callable[[tuple[int, int]], Span], number: int) -> Speaker:
        """The speaker as the result holds it; ``span`` makes (or reuses) one mention's Span."""
        spans = tuple(map(span, sorted(set(self.mentions))))
        return Speaker(number, self.name, self.type, self.named, self.role, self.affiliation, self.gender, spans)


def _compatible(entity: Entity, gender: Gender | None) -> bool:
    return gender is None or entity.gender is None or entity.gender is gender


class Registry:
    """The article's entities and the rules for joining a mention to one."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        # Indexes; entries may outlive a rename, so every look-up checks the entity again.
        self._by_name: dict[str, list[Entity]] = {}  # lower-case name, any type
        self._person_words: dict[str, list[Entity]] = {}  # named people, by each name word
        self._surnames: dict[str, list[Entity]] = {}  # named people, by last name word
        self._surname_only: dict[str, list[Entity]] = {}  # people known by one word only
        self._by_first_last: dict[tuple[str, str], list[Entity]] = {}  # by first and last word
        self._org_words: dict[str, list[Entity]] = {}  # organizations and outlets, by name word
        self._initials: dict[str, list[Entity]] = {}  # organizations by initials / acronym letters
        # Salience: entities in the order they were last the subject (most recent last), and
        # in the order they were last mentioned at all.
        self.salient: dict[int, Entity] = {}
        self.mentioned: dict[int, Entity] = {}

    # -- indexes ----------------------------------------------------------------------

    def _index(self, entity: Entity) -> None:
        self._by_name.setdefault(entity.name.lower(), []).append(entity)
        if entity.type is PERSON and entity.named:
            key = entity.key()
            for word in set(key):
                self._person_words.setdefault(word, []).append(entity)
            if key:
                self._surnames.setdefault(key[-1], []).append(entity)
                if len(key) == 1:
                    self._surname_only.setdefault(key[0], []).append(entity)
                else:
                    self._by_first_last.setdefault((key[0], key[-1]), []).append(entity)
                    if len(key[0]) <= 2:  # an initial: "G. Bush" may be "George Bush"
                        self._by_first_last.setdefault((key[0][0], key[-1]), []).append(entity)
        elif entity.type in (ORG, MEDIA) and entity.named:
            for word in set(entity.key()):
                if not (T.is_org_word(word) or T.is_generic_media(word) or word in T.FUNCTION_WORDS):
                    self._org_words.setdefault(word, []).append(entity)
            letters = initials(entity.name) or (acronym_letters(entity.name) if T.is_acronym(entity.name) else "")
            if len(letters) > 1:
                self._initials.setdefault(letters, []).append(entity)

    def _rename(self, entity: Entity, name: str) -> None:
        if name != entity.name:
            entity.name = name
            self._index(entity)

    def new(self, parsed: ParsedMention, span: tuple[int, int], *, subject: bool = True, later: bool = False) -> Entity:
        entity = Entity(len(self.entities), parsed.name, parsed.type, parsed.named, None, parsed.affiliation, parsed.gender, [], -1 if later else span[0])
        self.entities.append(entity)
        self._index(entity)
        self.join(entity, parsed, span, subject=subject, later=later)
        return entity



    # -- joining ----------------------------------------------------------------------

    def join(self, entity: Entity, parsed: ParsedMention | None, span: tuple[int, int], *, subject: bool = True, later: bool = False) -> Entity:
        """Add the mention to the entity, take what it says, and make it the most salient (a
        mention ``later`` in the article than the one being read only gives its name)."""
        entity.mentions.append(span)
        if parsed is not None:
            self._learn(entity, parsed)
        if later:
            return entity
        if span[0] > entity.last_seen:
            entity.last_seen = span[0]
        self.mentioned.pop(entity.id, None)
        self.mentioned[entity.id] = entity
        if subject:
            self.salient.pop(entity.id, None)
            self.salient[entity.id] = entity
        return entity

    def _learn(self, entity: Entity, parsed: ParsedMention) -> None:
        if self._weak_person_entity(entity, parsed):
            # "Rodong Sinmun" named in the prose, then "the Rodong Sinmun article": a paper.
            entity.type, entity.forms, entity.honorific = parsed.type, [], None
            self._rename(entity, parsed.name)
        if parsed.role:
            # Titles spelled out ("Sen." -> "senator"), and a fuller form of the same role taken
            # ("Sen." then "Republican state Sen.").
            role = T.spelled_role(parsed.role)
            if entity.role is None or (len(role) > len(entity.role) and role.endswith(" " + entity.role)):
                entity.role = role
        entity.affiliation = entity.affiliation or parsed.affiliation
        entity.gender = entity.gender or parsed.gender
        entity.age = entity.age or parsed.age
        if parsed.role:
            entity.descriptors.update(T.with_abbreviations(_words(parsed.role)))  # ("the PM": the prime minister)
        if parsed.description:
            entity.descriptors.update(_words(parsed.name))
            entity.descriptors.add(parsed.head)
        if parsed.type is ORG and parsed.named and T.party(parsed.name) is not None:
            entity.descriptors.add("party")  # "the party" may mean any party
        if entity.type is PERSON and parsed.type is PERSON and parsed.named:
            changed = parsed.name not in entity.forms or (entity.honorific is None and parsed.honorific is not None)
            entity.honorific = entity.honorific or parsed.honorific
            if changed:
                if parsed.name not in entity.forms:
                    entity.forms.append(parsed.name)
                self._rename(entity, entity.canonical())
        elif parsed.type is entity.type and parsed.named and entity.type in (ORG, MEDIA):
            # The fuller name becomes canonical: "ONS" then "Office for National Statistics".
            if len(parsed.name) > len(entity.name) and not T.is_acronym(parsed.name):
                self._rename(entity, parsed.name)
            elif T.is_acronym(entity.name) and not T.is_acronym(parsed.name):
                self._rename(entity, parsed.name)

    def find(self, parsed: ParsedMention) -> tuple[Entity | None, str]:
        """The entity a named mention names, and how it was found ("name", "short", "ambiguous"),
        or (None, "") for a new one."""
        low = parsed.name.lower()
        same = self._by_name.get(low)
        if same:
            weak = self.weak_person(parsed)
            same = [e for e in same if e.name.lower() == low and (e.type is parsed.type or weak or self._weak_person_entity(e, parsed))]
            if same:
                return max(same, key=_LAST_SEEN), "name"
        if parsed.type is PERSON and parsed.named:
            return self._find_person(parsed)
        if parsed.type in (ORG, MEDIA) and parsed.named:
            return self._find_organization(parsed), "short"
        return None, ""

    @staticmethod
    def weak_person(parsed: ParsedMention) -> bool:
        """A capitalized word alone ("Turkcell", "Owen"): a person only when nothing says otherwise."""
        return parsed.type is PERSON and parsed.role is None and parsed.honorific is None and len(parsed.name.split()) == 1

    @staticmethod
    def _weak_person_entity(entity: Entity, parsed: ParsedMention) -> bool:
        return entity.type is PERSON and entity.role is None and entity.honorific is None and len(entity.forms) <= 1 and parsed.type in (ORG, MEDIA)

    def _find_person(self, parsed: ParsedMention) -> tuple[Entity | None, str]:
        key = person_key(parsed.name)
        if len(key) == 1:
            # "Owen", "Mr Blair", "Sir Menzies": the person whose name holds this word,
            # by surname first, then any name word; the most recently seen when several
            # (of the last few with that word: an article with thousands of Olens is hostile).
            word, gender = key[0], parsed.gender
            if word not in self._person_words:
                return None, ""  # (every surname is a name word: nobody has this one)
            pool = [e for e in self._surnames.get(word, ())[-NAMESAKES:] if e.key()[-1:] == key]
            by_surname = bool(pool)
            pool = pool or [e for e in self._person_words.get(word, ())[-NAMESAKES:] if word in e.key()]
            pool = list({e.id: e for e in pool if gender is None or e.gender is None or e.gender is gender}.values())
            if not pool or (not by_surname and len(pool) > 1):
                # A first name two people share ("Lina Park and Lina Cho ... Lina said"): news
                # gives no rule for which one, so the mention is a speaker of its own.
                return None, ""
            best = max(pool, key=_LAST_SEEN)
            return best, "short" if len(pool) == 1 else "ambiguous"
        # A full name: the same person known by surname only ("Peskov ... Dmitry Peskov"), or
        # by the same first name ("George Bush" = "George W. Bush"), looked up by index.
        for entity in reversed(self._by_first_last.get((key[0], key[-1]), ())[-NAMESAKES:]):
            if entity.key()[:1] == key[:1] and entity.key()[-1:] == key[-1:] and _compatible(entity, parsed.gender):
                return entity, "name"
        for entity in reversed(self._surname_only.get(key[-1], ())[-NAMESAKES:]):
            if entity.key() == key[-1:] and _compatible(entity, parsed.gender):
                return entity, "name"
        return None, ""

    def _find_organization(self, parsed: ParsedMention) -> Entity | None:
        name = parsed.name
        letters = acronym_letters(name) if T.is_acronym(name) else initials(name)
        for entity in reversed(self._initials.get(letters, ()) if len(letters) > 1 else ()):
            if entity.type in (ORG, MEDIA) and entity.name.lower() != name.lower():
                own = initials(entity.name) or acronym_letters(entity.name)
                if own == letters:
                    return entity  # "S&P" = "Standard & Poor's", "ONS" = "Office for National Statistics"
        words = tuple(name.lower().split())
        pool: dict[int, Entity] = {}
        for word in words:
            for entity in self._org_words.get(word, ()):
                pool[entity.id] = entity
        for entity in sorted(pool.values(), key=lambda e: -e.last_seen):
            if entity.type is parsed.type and (_contains_run(entity.key(), words) or _contains_run(words, entity.key())):
                return entity  # "State Department" within "U.S. State Department"
        return None

    # -- salience ---------------------------------------------------------------------

    def most_salient(self, accept, *, before: int | None = None, any_mention: bool = False) -> Entity | None:
        """The most recently salient entity that ``accept`` takes, among the last few."""
        order = self.mentioned if any_mention else self.salient
        for k, entity in enumerate(reversed(order.values())):
            if k >= SALIENCE_WINDOW:
                break
            if (before is None or entity.last_seen < before or any_mention) and accept(entity):
                return entity
        return None

    def last_speaker(self, accept) -> Entity | None:
        """Of the salient entities ``accept`` takes, the one that spoke last."""
        best = None
        for k, entity in enumerate(reversed(self.salient.values())):
            if k >= SALIENCE_WINDOW:
                break
            if entity.spoke >= 0 and accept(entity) and (best is None or entity.spoke > best.spoke):
                best = entity
        return best


@functools.lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(T.strip_possessive(w).lower() for w in text.split())


def _contains_run(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    if not shorter or len(shorter) >= len(longer):
        return False
    if all(w in T.FUNCTION_WORDS or T.is_generic_media(w) or T.is_org_word(w) for w in shorter):
        return False  # "department", "the agency": too generic to join on
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))
