"""Descriptions point back to the entity introduced with them.

Receives: a description mention ("the 25-year-old", "the Salford MP", "the American", "the
former finance officer", "the agency", "the firm") and the registry. Hands on: a ``Link`` to
the entity it describes, or None when it describes someone new.

An entity collects descriptors as the article introduces it: its role words ("England
forward"), its appositions ("Standard & Poor's, a ratings agency,"; "Jane Roe, 25,"), its
affiliation, its demonym. A description joins, in order:

1. the most salient entity whose descriptors hold the description's head (or age, or whose
   nationality its demonym names, or whose party its member noun names: "the Democrat"), or
   whose abbreviated title the head spells out ("Sen." -> "the senator", lexicon titles.tsv);
   several that do, and none clearly ahead (also: another the words fit named since the one
   found, "Sen. Mara Quist and Sen. Carl Webb"), is ambiguous;
2. for a head that can only describe a person already in the story (an age, a demonym, a party
   member noun, a role that is no anonymous office like "spokesman"), a person the words fit
   named as an object since the last subject, else the most salient person: news introduces
   "the 25-year-old" or "the Salford MP" about the person it is following; never one the
   article gave another party, nor another title ("the admiral" is no "Sen.");
3. for an organization's generic head ("the agency", "the firm", "the group", "the Bank"), the
   most salient organization whose name or descriptors hold the head, else, for a head that
   can only point back (company nouns, "the party"), the most salient organization; "the
   government" that matches nobody is an institution of its own. A match only through an
   earlier generic description ("Amnesty ... The group said") yields to a nearer organization
   the head fits as well ("Hamas said ... The militant group said").

A relation ("her sister", "his wife", "her lawyer") is the one person the article named with
that same relation ("her sister Mia", "his wife, Ann,"), else a source of its own.

What it gets wrong: a description of somebody new that happens to share a head with someone
earlier ("the minister" for a second minister), and people described only by an office the
article never ties to a name.
"""
from __future__ import annotations

import itertools

from ..lexicon import word_set
from ..model import SpeakerType
from . import types as T
from .entities import SALIENCE_WINDOW, Entity, Registry
from .mentions import ParsedMention
from .reasons import Link
from .salience import Walker

PERSON, ORG, MEDIA, GROUP = SpeakerType.PERSON, SpeakerType.ORGANIZATION, SpeakerType.MEDIA, SpeakerType.GROUP
# Offices held by people the press leaves unnamed: "the spokesman" is a new source unless an
# earlier entity was given that role, never the person the story is following.
# Heads of descriptions that point back to an organization already in the story ("the firm",
# "the agency", "the party"); "the government" or "the police" is an institution of its own.
COMPANY_NOUNS = word_set("company_nouns.txt")
POINTING_HEADS = COMPANY_NOUNS | {"party", "organisation", "organization", "body"}
ANONYMOUS_OFFICES = frozenset({"spokesman", "spokeswoman", "spokesperson", "official", "source", "aide", "adviser", "advisor", "insider", "witness", "officer"})


def _spells_title(entity: Entity, head: str) -> bool:
    """Does the description spell out a title the entity was given in short or in general
    ("Sen. Brian Jones" ... "the senator" or "the lawmaker"; "Dr Jane Roe" ... "the doctor")?"""
    if entity.honorific is not None and head in T.spelled_title(entity.honorific):
        return True
    return any(head in T.spelled_title(word) for word in entity.descriptors)


def _other_title(entity: Entity, head: str) -> bool:
    """Does a title-word description ("the admiral") name an office other than the one the
    entity's title holds ("Sen. Mara Quist")? Then it describes someone else. Styles (Dr,
    Prof) are left out: a Dr may well be the professor."""
    if head not in T.title_words():
        return False
    titles = [T.spelled_title(word) for word in entity.descriptors]
    return any(titles) and not any(head in words for words in titles)


def _same_party(entity: Entity, member: T.Party | None) -> bool:
    """Could a party member ("the Democrat") be this person? Not when the article gave the
    person another party ("Republican state Sen. Mara Quist"); a country or no affiliation
    says nothing against it."""
    if member is None or entity.affiliation is None:
        return True
    party = T.party(entity.affiliation)
    return party is None or party == member


def _describes(entity: Entity, parsed: ParsedMention) -> bool:
    head = parsed.head
    if parsed.age is not None:
        return entity.age == parsed.age
    if head in entity.descriptors or _spells_title(entity, head):
        return True
    demonym = T.place(head)
    if demonym is not None and demonym[1] == "demonym":
        return entity.affiliation == demonym[0]
    member = T.party_member(parsed.name)
    if member is not None:
        return entity.affiliation == member.name  # "the Democrat": the article gave the party
    if parsed.affiliation and entity.affiliation == parsed.affiliation and entity.type is PERSON:
        return bool(parsed.owner)  # "the SNP's parliamentary leader" and "the SNP's Jane Roe"
    return head in entity.key()


def _owned(text: str) -> bool:
    """Does a word before the description's head end in a possessive ("the union's leader")?"""
    return any(w.endswith(("'s", "’s")) for w in text.split()[:-1])


def _could_be(entity: Entity, parsed: ParsedMention) -> bool:
    """Could a description the entity's descriptors do not hold still be this person? Not an
    anonymous office ("the spokesman"), an owned one ("the union's leader"), an age, another
    nationality, another party or another title than the article gave it, nor when the
    article gave the person a role at all ("Jo Roe, the opposition leader, ... the minister
    said" is not plainly Jo Roe)."""
    head = parsed.head
    if head in ANONYMOUS_OFFICES or parsed.owner or parsed.age is not None or _owned(parsed.text):
        return False
    if any(T.is_role_key(word) or T.is_person_noun(word) for word in entity.descriptors):
        return False  # (a person noun too: "Her husband, Saeed Roe, ... the president told her")
    demonym = T.place(head)
    if demonym is not None and demonym[1] == "demonym" and entity.affiliation not in (None, demonym[0]):
        return False
    return not _other_title(entity, head) and _same_party(entity, T.party_member(parsed.name))


# Words before a role that say when, not what: "the former minister" may be the minister the
# article named without "former", so they never tell two people apart.
TIME_MODIFIERS = frozenset("former ex then late new outgoing incoming".split())
DETERMINERS = frozenset("the a an this that his her their its".split())
# Words that make another office of the same head: "the deputy mayor" is not "Mayor Lin Ford".
RANKS = frozenset("deputy vice assistant associate junior shadow".split())


def _role_modifiers(parsed: ParsedMention, registry: Registry, start: int, walker: Walker | None) -> frozenset[str]:
    """The lower-case words before a description's head that tell people with the same head
    apart: "prime" of "the prime minister" when the article named a "PM Narendra Rao" (the
    abbreviation spelled out, role_abbreviations.tsv) and a "Chief Minister Asha Patil". A
    word counts when it makes another office ("deputy") or a person named in the story with
    the same head was given it; an epithet none was given ("the embattled minister") tells
    nobody apart. What it
    gets wrong: a role word the article left out when it named the person ("Minister Asha
    Patil" and "PM Rao" ... "the chief minister" is read as nobody)."""
    words = [w for w in parsed.text.split()[:-1] if w.isalpha() and w.islower() and w not in TIME_MODIFIERS and w not in DETERMINERS]
    if not words:
        return frozenset()
    held: set[str] = set()
    for entity in _people_near(registry, start, walker):
        if entity.named and _describes(entity, parsed):
            held |= entity.descriptors  # words that tell the named holders of the head apart
    return frozenset(w for w in words if w in RANKS or w in held)


def _people_near(registry: Registry, start: int, walker: Walker | None) -> list[Entity]:
    """The people of the story so far: the most salient (as many as SALIENCE_WINDOW), and
    those named in the sentences a description reads back over."""
    people = [e for e in itertools.islice(reversed(registry.salient.values()), SALIENCE_WINDOW) if e.type is PERSON]
    if walker is not None and walker.starts:
        for span in walker.prose.named_in(walker.walk_start(start), start):
            entity = walker.named_entity(span)
            if entity is not None and entity.type is PERSON:
                people.append(entity)
    return people


def _person_description(parsed: ParsedMention, registry: Registry, start: int, walker: Walker | None) -> Link | None:
    head = parsed.head
    text = parsed.text.strip()
    modifiers = _role_modifiers(parsed, registry, start, walker) if parsed.age is None else frozenset()

    def described(e: Entity) -> bool:
        # The whole role, not only its head: "the prime minister" is not the chief minister.
        return e.type is PERSON and e.named and _describes(e, parsed) and modifiers <= e.descriptors

    # The description's own sentence has a person as its subject whom nothing rules out:
    # "Cruz defends his record: "...," the senator says" is Cruz, however many senators the
    # article named before.
    # Not when someone the words do fit is named after the subject ("Trump said Sen. Rand Paul
    # was wrong, and the senator said ...").
    own = walker.own_subject(start) if walker is not None else None
    if own is not None and own.type is PERSON and own.named:
        if described(own) or _could_be(own, parsed) and walker.named_since(start, described, lambda e: e is own) is None:
            return Link.of(own, "description", f"description '{text}' -> {own.name}, its sentence's subject")
    # Read back first (it brings in people named only as subjects), then the registry.
    found = walker.back(start, described) if walker is not None else None
    matches = [found[0]] if found is not None else []
    for k, entity in enumerate(reversed(registry.salient.values())):
        if k >= SALIENCE_WINDOW:
            break
        if described(entity) and entity not in matches:
            matches.append(entity)
    if len(matches) == 1 and matches[0].spoke < 0 and walker is not None:
        # Another person the words fit, named since the one found ("Sen. Mara Quist and Sen.
        # Carl Webb met ... the senator said"): two in focus, no telling which.
        first = matches[0]
        if walker.named_since(start, lambda e: e is not first and described(e), lambda e: e is first) is not None:
            return None
    if len(matches) == 1 or (matches and matches[0].spoke >= 0 and all(m.spoke < 0 for m in matches[1:])):
        return Link.of(matches[0], "description", f"description '{text}' -> {matches[0].name}")
    if matches:
        return None  # several fit: a source of its own
    # "the moderator", "the source": people the press introduces fresh (unnamed_people.txt)
    anonymous = head in ANONYMOUS_OFFICES or T.singular(head) in ANONYMOUS_OFFICES or T.is_unnamed_person(head)
    owned = _owned(text)  # "the union's leader"
    member = T.party_member(parsed.name)
    if anonymous or owned or parsed.owner or (parsed.affiliation and not T.place(head) and member is None):
        return None

    role_head = T.is_role_word(head)

    def person(e: Entity) -> bool:
        # (not one given the head without the words that set this office apart: "Mayor Lin
        # Ford" is no guess for "the deputy mayor")
        other_office = bool(modifiers) and _describes(e, parsed)
        # (nor one the article gave a relation for a role: "Her husband, Sami Roe, was freed,
        # the president told her" is no guess at the husband)
        kin = role_head and any(T.is_person_noun(w) for w in e.descriptors)
        return e.type is PERSON and e.named and not _other_title(e, head) and _same_party(e, member) and not other_office and not kin

    # Before a guess at the person the story follows, a person named as an object since the
    # last person who was a subject or spoke, whom the words describe ("Republican state Sen.
    # Brian Jones criticized the law. ... the senator said": the subject read is "Republican").
    named = walker.named_since(start, described, person) if walker is not None else None
    if named is not None:
        return Link.of(named, "description", f"description '{text}' -> {named.name}")
    found = walker.back(start, person, objects=True) if walker is not None else None
    entity = found[0] if found is not None else registry.most_salient(person)
    if entity is None:
        return None
    return Link.of(entity, "description-salient", f"description '{text}' -> {entity.name}, the person the story follows")


def _org_heads(entity: Entity) -> set[str]:
    """The organization head words the article gave the entity, in its name ("Foreign
    Ministry") or by calling it so ("the carmaker")."""
    words = {w.rstrip(".") for w in entity.descriptors.union(entity.key())}
    # A company suffix ("Brevik Dairy Ltd") says "company" as plainly as the word.
    return {"company" if w in T.COMPANY_SUFFIXES else w for w in words if w in POINTING_HEADS or T.is_org_word(w) or w in T.COMPANY_SUFFIXES}


def _fits_as_well(entity: Entity, head: str) -> bool:
    """Could a generic head ("the group") name this organization as well as the one an earlier
    description gave it to? Yes when the article called it nothing (the lexicon cannot tell
    what "Hamas" is, so nothing is guessed), or called it that, or called it another company
    noun ("the carmaker" may be "the company"); not a "Foreign Ministry" for "the company"."""
    heads = _org_heads(entity)
    return not heads or head in heads or (head in COMPANY_NOUNS and bool(heads & COMPANY_NOUNS))


def _nearer_rival(entity: Entity, parsed: ParsedMention, start: int, walker: Walker | None) -> Entity:
    """An organization matched only because an earlier generic description was given to it
    ("Amnesty ... The group said") yields to a nearer one the head fits as well ("Hamas said
    ... The militant group said" is Hamas): the alias is no name, the nearer speaker or
    subject is what the article is about now. What it gets wrong: two organizations the head
    fits taking turns, where the writer meant the earlier one."""
    head = parsed.head
    if walker is None or head not in POINTING_HEADS or head in entity.key():
        return entity

    def either(e: Entity) -> bool:
        return e is entity or (e.type is entity.type and e.named and _fits_as_well(e, head))

    near = walker.back(start, either)
    return near[0] if near is not None else entity


def _organization_description(parsed: ParsedMention, registry: Registry, start: int, walker: Walker | None) -> Link | None:
    head = parsed.head
    text = parsed.text.strip()

    def fits(e: Entity) -> bool:
        return e.type in (ORG, MEDIA) and e.named and (head in e.descriptors or head in e.key())

    found = walker.back(start, fits) if walker is not None else None
    entity = found[0] if found is not None else registry.most_salient(fits, any_mention=True)
    if entity is not None:
        entity = _nearer_rival(entity, parsed, start, walker)
        return Link.of(entity, "description", f"description '{text}' -> {entity.name}")
    if head not in POINTING_HEADS:
        return None  # "the government", "the police": an institution of its own
    want = (MEDIA,) if parsed.type is MEDIA and head not in T.org_words() else (ORG, MEDIA)

    def kind(e: Entity) -> bool:
        return e.type in want and e.named

    found = walker.back(start, kind) if walker is not None else None
    entity = found[0] if found is not None else registry.most_salient(kind, any_mention=True)
    if entity is None:
        return None
    return Link.of(entity, "description-salient", f"description '{text}' -> {entity.name}, the organization last named")


OWNERS = frozenset({"his", "her", "their"})


def resolve_relation(parsed: ParsedMention, start: int, walker: Walker | None) -> Link | None:
    """"Her sister said", "his wife said", "her lawyer said": an unnamed person given by a
    relation is the person the article named with that same relation ("Lina Park and her
    sister Mia", "his wife, Ann,"), when there is exactly one. Same possessive only: "his
    lawyer" is not "her lawyer John Roe". What it gets wrong: a second person with the same
    pronoun ("his wife" of another man in the story)."""
    if walker is None or parsed.named or parsed.type is not PERSON:
        return None  # the cheap tests first: most mentions are names
    words = parsed.text.split()
    if len(words) != 2 or words[0].lower() not in OWNERS:
        return None
    head = parsed.head
    if not (T.is_person_noun(head) or T.is_role_word(head)):
        return None
    people = {}
    for span in walker.prose.named_as(words[0].lower(), head, start):
        entity = walker.named_entity(span)
        if entity is not None:
            people[entity.id] = entity
    if len(people) != 1:
        return None  # nobody, or two sisters: a source of its own
    entity = next(iter(people.values()))
    entity.descriptors.add(head)
    entity.role = entity.role or head  # the relation is what the article calls her
    return Link.of(entity, "description", f"'{parsed.text}' -> {entity.name}, named as {words[0].lower()} {head} before")


def resolve_description(parsed: ParsedMention, registry: Registry, start: int = -1, walker: Walker | None = None) -> Link | None:
    """The entity a description at ``start`` points back to, or None for a source of its own."""
    if parsed.type is PERSON:
        link = _person_description(parsed, registry, start, walker)
        if link is None and T.is_org_word(parsed.head):
            link = _organization_description(parsed, registry, start, walker)  # "the executive"
        return link
    if parsed.type in (ORG, MEDIA):
        return _organization_description(parsed, registry, start, walker)
    return None
