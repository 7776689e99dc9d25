"""Resolution: from speaker mentions to one canonical entity per source, with a reason.

Receives: the ``Analysis`` and detection's ``Detection`` (candidates with their speaker
mention, conduit span and links to neighbours; the person names in the prose). Hands on:
``Attribution``s with their speaker, conduit, ``reason`` and ``confidence``, and the
article's speakers, in text order.

Every mention is read in text order, the names in the prose among them:

    mentions      what one mention says (name, role, type, gender, head, age)
    context       what the words around it add (apposition, subject position, mended spans)
    entities      the registry: joins a mention to the entity it names, canonical names,
                  salience (who was last the subject, who last spoke)
    pronouns      he/she/they/it/who -> the most salient compatible entity
    descriptions  "the 25-year-old", "the Salford MP", "the agency" -> who they describe
    conduits      the span after "told" / "in a statement to": an outlet (via) or a hearer
    reasons       why each attribution got its speaker, and the confidence that follows
"""
from __future__ import annotations

import bisect
from typing import NamedTuple

import attrs

from ..detect import Candidate, Detection, NameSpans
from ..engines.base import Analysis
from ..model import Attribution, Span, Speaker, SpeakerType
from . import reasons
from .conduits import conduit_mention, conduit_name, outlet_named_before, continue_conduits, reporting_conduit
from . import types as T
from .context import (
    Sentences,
    apposition,
    author_after,
    author_before,
    conduit_after,
    expand_acronym,
    is_company_named,
    mend,
    mend_via,
    name_after,
    object_position,
    owner_before,
    party_before,
    role_and_organization,
    role_before,
    sentence_subject,
)
from .descriptions import POINTING_HEADS, resolve_description, resolve_relation
from .entities import Entity, Registry, acronym_letters, person_key
from .mentions import ParsedMention, is_name_word, parse_mention, parse_name
from .places import affiliation_of, owner_affiliation
from .pronouns import resolve_pronoun
from .reasons import CONFIDENCE, Link
from .prose import Prose
from .salience import Walker

__all__ = ["CONFIDENCE", "ParsedMention", "parse_mention", "resolve"]

PERSON = SpeakerType.PERSON
DOCUMENTS = frozenset(("report", "survey", "study", "poll", "figures", "statistics", "data", "analysis", "review", "research"))
# More documents whose author is named after them ("exit polls reported by CNN"); not read for
# an author before them ("Opinion polls suggest" has no author "Opinion").
AUTHORED_AFTER = DOCUMENTS | frozenset(("polls", "polling", "reports", "surveys", "studies"))
DETERMINERS_UPPER = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "some", "many", "one", "two", "three"})


# How far after a relation that is a sentence's subject ("his wife") its name may end.
RELATION_REACH = 40


class _Event(NamedTuple):
    start: int
    what: str  # "name" (a person named in the prose), "speaker", "via"
    index: int  # the candidate's index, -1 for a name
    span: tuple[int, int]


def _events(text: str, candidates: list[Candidate], names: NameSpans) -> tuple[list[_Event], int]:
    """Every speaker mention and conduit in text order, and the name before a "who", with
    where the last mention that may point back starts. The other names in the prose are read
    only when a speaker or pointer needs them (``prose``)."""
    events: list[_Event] = []
    last_pointer = -1
    relatives: set[int] = set()
    for index, cand in enumerate(candidates):
        if cand.mention is not None:
            span = mend(text, *cand.mention)
            span = cand.mention if span == cand.mention else span  # one tuple kept, not two
            events.append(_Event(span[0], "speaker", index, span))
            words = text[span[0] : min(span[1], span[0] + 8)].split()
            if words and words[0].lower() in POINTERS:
                last_pointer = span[0]
                if words[0].lower() == "who":
                    relatives.add(span[0])
        via = mend_via(text, *cand.via) if cand.via is not None else None
        if via is None and cand.cue is not None and text[cand.cue[0] : cand.cue[1]].lower() in ("told", "tells", "telling"):
            via = conduit_after(text, cand.cue[1])
        if via is not None:
            events.append(_Event(via[0], "via", index, via))
    if relatives:
        # "Jane Roe, who said": the name right before the relative pronoun.
        for span in names:
            end = span[1]
            if end + 1 in relatives or end + 2 in relatives or end + 3 in relatives:  # "who" within three characters
                events.append(_Event(span[0], "name", -1, span))
    events.sort(key=lambda e: (e.start, e.what not in ("name", "subject")))
    return events, last_pointer


# First words of a mention that may point back: pronouns and definite descriptions.
POINTERS = frozenset({"he", "she", "they", "it", "we", "who", "which", "the", "his", "her", "their", "its"})


def _spelled_name(text: str) -> str:
    return text if "&" in text else T.strip_possessive(text)


def _with_context(parsed: ParsedMention, text: str, span: tuple[int, int]) -> ParsedMention:
    """What an apposition after a name adds: a person's role and age ("Jane Roe, 25, a
    spokeswoman for the ministry,"); an organization's description ("S&P, a ratings
    agency,"), which also says that a name alone ("Telcona, a mobile firm,") is no person;
    and, for a person, a description before it ("The chancellor, Jo Roe,")."""
    start, end = span
    if not parsed.named or parsed.type not in (PERSON, SpeakerType.ORGANIZATION, SpeakerType.MEDIA):
        return parsed
    role, age = apposition(text, end)
    if role is None and parsed.type is PERSON and parsed.role is None:
        role = role_before(text, start, end)
    if role and parsed.role is None:
        head = T.strip_possessive(role.split()[-1])
        if parsed.type is PERSON and Registry.weak_person(parsed) and T.is_org_word(head) and not T.is_role_word(head):
            parsed = attrs.evolve(parsed, type=SpeakerType.ORGANIZATION)
        if parsed.type is PERSON or not T.is_role_word(head):
            # "director of the Institute for Fiscal Studies": the role, and the organization.
            role, organization = role_and_organization(role) if parsed.type is PERSON else (role, None)
            parsed = attrs.evolve(parsed, role=role, affiliation=parsed.affiliation or organization or affiliation_of(role.split()))
    if age is not None and parsed.age is None and parsed.type is PERSON:
        parsed = attrs.evolve(parsed, age=age)
    return parsed


def _coref_antecedent(analysis: Analysis, span: tuple[int, int]) -> tuple[int, int] | None:
    """The nearest earlier non-pronoun mention in the pronoun's coreference chain, if any."""
    first, last = span
    for chain in analysis.coref:
        if any(start <= first and last <= end for start, end in chain.mentions):
            earlier = [(s, e) for s, e in chain.mentions if e <= first and parse_mention(analysis.text[s:e]).pronoun is None]
            if earlier:
                return earlier[-1]
            representative = chain.mentions[chain.representative]
            if representative[1] <= first or representative[0] >= last:
                return representative
    return None


def _story_sentence_starts(analysis: Analysis, furniture: tuple[tuple[int, int], ...]) -> list[int]:
    """Where each sentence starts, a sentence in the page's furniture moved to where the story
    starts (after "LONDON (Reuters) -"), or to the end of a byline or credit line: the walk back
    from "he said" reads no subject there ("By Jane Smith" is nobody in the story)."""
    starts = [s.start for s in analysis.sentences]
    if not furniture:
        return starts
    firsts = [a for a, _ in furniture]
    for k, start in enumerate(starts):
        at = bisect.bisect_right(firsts, start) - 1
        if at >= 0 and start < furniture[at][1]:
            starts[k] = furniture[at][1]
    return starts


class _Reader:
    """Reads the article's mentions in order into the registry."""

    def __init__(self, analysis: Analysis, names: NameSpans, furniture: tuple[tuple[int, int], ...] = ()) -> None:
        self.analysis = analysis
        self.text = analysis.text
        self.registry = Registry()
        self.sentences = Sentences(analysis.text, _story_sentence_starts(analysis, furniture))
        self.last_pointer = -1  # where the last mention that may point back starts
        self.labels: frozenset[tuple[int, int]] = frozenset()  # transcript labels ("TAPPER:")
        self.prose = Prose(analysis.text, names, self.prose_name)
        self.walker = Walker(analysis.text, self.sentences.starts, self._subject_entity, self._named_entity, self.prose)

    def close(self) -> None:
        """Break the reader's cycles (its walker and prose call back into it), so an article's
        arrays are freed as soon as it is done, not at the next full garbage collection."""
        self.walker = self.prose = None  # type: ignore[assignment]

    def _named_entity(self, span: tuple[int, int]) -> Entity | None:
        """The person a prose name is, read into the registry if it is not yet."""
        parsed = parse_name(self.text[span[0] : span[1]])
        if parsed.type is not PERSON:
            return None
        self.prose.read_span(span)
        entity, _ = self.registry.find(parsed)
        return entity

    def _subject_entity(self, span: tuple[int, int]) -> Entity | None:
        """The entity a sentence's subject names, for a pointer reading back: a known one, or
        a new one when the words say what it is (a name of two words, a description, a
        group); a capitalized word alone that names nobody yet ("Recent", "Opinion") is none."""
        said = self.text[span[0] : span[1]]
        first = said.split(None, 1)[0]
        if first[:1].isupper() and first.lower() not in DETERMINERS_UPPER and not T.party(said) and not T.is_acronym(first):
            # A capitalized run: read as a person's name, the cheap way, unless the words say
            # it is something else (an organization, an outlet, a place).
            parsed = _with_context(parse_name(said), self.text, span)
            # A known organization's name ("Oxfam accused ...") is no surname either.
            if parsed.type is not PERSON or not is_name_word(said.split()[-1].rstrip(".,")) or T.place(parsed.name) or T.outlet_country(parsed.name)[0] or T.is_known_organization(said):
                parsed = parse_mention(said)
        else:
            parsed = _with_context(parse_mention(said), self.text, span)
        if parsed.pronoun is not None or not parsed.speaks:
            return None
        if parsed.description:
            link = resolve_description(parsed, self.registry, span[0], self.walker)
            if link is not None:
                # Only a description that matched what the article said of someone; a guess at
                # "the person the story follows" is no subject to point back to.
                return link.entity if link.confidence >= CONFIDENCE["description"] else None
            # Somebody new, introduced as the sentence's subject ("Later, the prime minister's
            # official spokesman urged ..."): a source the next "he said" may mean.
            return self.name(parsed, span, subject=True)[0] if parsed.type is PERSON else None
        if Registry.weak_person(parsed):
            self.prose.complete(parsed.name, span[0])
            if self.registry.find(parsed)[0] is None:
                return None
        # (the name may follow in apposition: "His son Donald Jr. announced", "But his wife,
        # Jane, offered": a relation named up to the end of that name counts)
        if (link := resolve_relation(parsed, min(len(self.text), span[1] + RELATION_REACH), self.walker)) is not None:
            return self.registry.join(link.entity, None, span)  # "Her sister wept.": Mia
        entity, _ = self.name(parsed, span, subject=True)
        return entity

    def name(self, parsed: ParsedMention, span: tuple[int, int], *, subject: bool, speaks: bool = False, later: bool = False) -> tuple[Entity, str]:
        """Join a named (or unnamed but described) mention to its entity, or make one. A
        person's full name is looked for in the prose first, so the entity has it."""
        if parsed.type is PERSON and parsed.named and not later and len(person_key(parsed.name)) == 1:
            self.prose.complete(parsed.name, span[0])  # "Mr Blair": is he "Tony Blair"?
        entity, how = self.registry.find(parsed)
        if entity is None:
            if speaks:
                parsed = self._what_the_article_says(parsed)
            return self.registry.new(parsed, span, subject=subject, later=later), "new"
        return self.registry.join(entity, parsed, span, subject=subject, later=later), how

    def _what_the_article_says(self, parsed: ParsedMention) -> ParsedMention:
        """A new organization known by an acronym takes the name the article spells out
        ("ONS" -> "Office for National Statistics"); a name alone that the article calls a
        company somewhere ("mobile firm Telcona") is one."""
        if parsed.type is SpeakerType.ORGANIZATION and parsed.named and T.is_acronym(parsed.name):
            spelled = expand_acronym(self.text, acronym_letters(parsed.name))
            if spelled is not None:
                return attrs.evolve(parsed, name=_spelled_name(self.text[spelled[0] : spelled[1]]))
        if Registry.weak_person(parsed) and is_company_named(self.text, parsed.name):
            return attrs.evolve(parsed, type=SpeakerType.ORGANIZATION)
        return parsed

    def prose_name(self, span: tuple[int, int], later: bool = False) -> None:
        """A person the prose names, as an object of its sentence (or ``later`` than the
        mention being read): the registry learns the name, salience does not change."""
        said = self.text[span[0] : span[1]]
        parsed = _with_context(parse_name(said), self.text, span)
        if parsed.type is PERSON:
            owner = owner_before(self.text, span[0]) if parsed.affiliation is None else None
            if owner is not None:
                parsed = attrs.evolve(parsed, affiliation=owner_affiliation(owner.split()))
            elif parsed.affiliation is None and (party := party_before(self.text, span[0], parsed.role is not None)) is not None:
                parsed = attrs.evolve(parsed, affiliation=party)  # "Republican state Sen. Jo Roe"
            self.name(parsed, span, subject=False, later=later)

    def via(self, span: tuple[int, int]) -> tuple[str | None, Entity | None]:
        parsed, span = conduit_mention(self.text, span)
        outlet = conduit_name(parsed)
        if outlet is None:
            return None, None
        earlier = outlet_named_before(parsed, self.text[span[0] : span[1]], self.registry)
        if earlier is not None:
            return earlier.name, earlier  # "told the newspaper": the one named before
        entity, _ = self.name(parsed, span, subject=False)
        return outlet, entity

    def speaker(self, span: tuple[int, int], content: tuple[int, int] | None = None) -> Link:
        said = self.text[span[0] : span[1]]
        if span in self.labels and said.isupper():
            # A broadcast transcript prints its speakers in capitals ("SEN. JANE ROE:", "TAPPER:"):
            # a person's name, not an acronym. (An organization labelled so reads as a person.)
            said = said.title()
        parsed = _with_context(parse_mention(said), self.text, span)
        registry = self.registry
        if object_position(self.text, span[0]) and parsed.pronoun is None:
            # "told the BBC he ...", "damages from the Daily Telegraph said": a hearer or an
            # object, never the speaker; the sentence's subject is.
            link = self._subject_of_sentence(span, said)
            if link is not None:
                return link
        named = self._named_by_the_text(parsed, span)
        if named is not None:
            entity, _ = self.name(named[2], named[0], subject=True, speaks=True)
            entity.spoke = span[0]
            self.walker.spoke(span[0], entity)
            return Link.of(entity, "short-name", f"mention '{said.strip()}' -> {entity.name}, named right after it")
        if parsed.pronoun is not None:
            link = self._pronoun(parsed, span, content)
        elif not parsed.speaks:
            return Link(None, f"mention '{said}' cannot speak", 0.0, speaks=False)
        elif parsed.description and (link := resolve_description(parsed, registry, span[0], self.walker)) is not None:
            registry.join(link.entity, parsed, span)
        elif (link := resolve_relation(parsed, span[0], self.walker)) is not None:
            registry.join(link.entity, None, span)  # "her sister said": Mia, named so before
        elif parsed.named:
            entity, how = self.name(parsed, span, subject=True, speaks=True)
            link = reasons.named(entity, said.strip(), how)
        else:
            entity, _ = self.name(parsed, span, subject=True)
            institution = parsed.type is not PERSON and parsed.head not in POINTING_HEADS  # "the government"
            kind = "description-unresolved" if parsed.description and not institution else "unnamed"
            link = Link.of(entity, kind, f"description '{said.strip()}', no one earlier fits" if kind == "description-unresolved" else "unnamed source at cue")
        if link.entity is not None:
            link.entity.spoke = span[0]
            self.walker.spoke(span[0], link.entity)
        return link

    def _subject_of_sentence(self, span: tuple[int, int], said: str) -> Link | None:
        starts = self.sentences.starts
        at = bisect.bisect_right(starts, span[0]) - 1
        lo = starts[at] if at >= 0 else 0
        subject = sentence_subject(self.text, lo, span[0])
        if subject is None or subject[1] > span[0]:
            return None
        entity = self._subject_entity(subject)
        if entity is None:
            return None
        entity.spoke = subject[0]
        self.walker.spoke(span[0], entity)
        return Link(entity, f"mention '{said}' is no subject (it follows 'told' or a preposition): the sentence's subject {entity.name}", CONFIDENCE["colon"])

    def _named_by_the_text(self, parsed: ParsedMention, span: tuple[int, int]) -> tuple[tuple[int, int], str, ParsedMention] | None:
        """An unnamed mention the next words name ("Manufacturers' organisation, the EEF,
        said"), or a document its author ("a report ... from the British Retail Consortium")."""
        found = None
        if parsed.type in (SpeakerType.ORGANIZATION, SpeakerType.MEDIA) and not parsed.named:
            found = name_after(self.text, span[1])
        if found is None and parsed.head in AUTHORED_AFTER and not parsed.named:
            found = author_after(self.text, span[1])
        if found is None and parsed.head in DOCUMENTS:
            # "according to LSEG data": data a named body gives are its words.
            found = author_before(self.text, *span)
        if found is None:
            return None
        said = self.text[found[0] : found[1]]
        named = parse_mention(said)
        if not named.named or named.type not in (SpeakerType.ORGANIZATION, SpeakerType.MEDIA, PERSON):
            return None
        return found, said, named

    def _pronoun(self, parsed: ParsedMention, span: tuple[int, int], content: tuple[int, int] | None = None) -> Link:
        antecedent = _coref_antecedent(self.analysis, span) if self.analysis.coref else None
        if antecedent is not None:
            # The engine's coreference chain names the pronoun's antecedent: trust it first.
            entity, _ = self.name(parse_mention(self.text[antecedent[0] : antecedent[1]]), antecedent, subject=True)
            if entity is not None:
                if parsed.gender is not None and entity.gender is None:
                    entity.gender = parsed.gender
                self.registry.join(entity, None, span)
                return Link.of(entity, "pronoun-coref", f"pronoun '{parsed.text}' -> {entity.name} (coreference)")
        link = resolve_pronoun(parsed, self.registry, span[0], self.walker, content)
        if link.entity is not None:
            self.registry.join(link.entity, None, span)
        return link


# Mentions found by a weaker frame than a cue, and what the reason says of them.
_CAPPED = {
    "colon": "name before a colon",
    "clause": "subject of the clause holding the quoted words",
    "previous-sentence": "free quote: subject of the sentence before",
    "transcript": "speaker's label in a transcript",
}


def _finish(candidates: list[Candidate], links: dict[int, Link], vias: dict[int, tuple[str, Entity]]) -> tuple[list[Link], list[str | None]]:
    """Each candidate's final link and conduit: frames' mentions, fallbacks for mentions that
    cannot speak, outlets reporting words they were given, and quotes sharing a neighbour's.
    (Lists by candidate index, filled in order: a wire feed has 90,000 candidates.)"""
    final: list[Link] = []
    conduit: list[str | None] = []
    via_entities = {i: entity for i, (_, entity) in vias.items()}
    for index, cand in enumerate(candidates):
        link = links.get(index, reasons.NONE)
        via = vias[index][0] if index in vias else None
        if link.entity is None and index > 0 and (cand.mention is not None and not link.speaks or cand.how == "none" and cand.shares_speaker_with is None):
            link = _fallback(index, candidates, final, link)
        elif cand.how in _CAPPED and cand.mention is not None:
            why = _CAPPED[cand.how]
            link = reasons.capped(link, cand.how, why)
        reported = reporting_conduit(index, candidates, link, via_entities, final)
        if reported is not None:
            link, outlet = reported
            via = outlet.name
        final.append(link)
        conduit.append(via)
    # Quotes that share a neighbour's speaker (links may point forward: '"A." "B," he said.').
    for index, cand in enumerate(candidates):
        if cand.shares_speaker_with is not None:
            final[index] = reasons.shared(final[cand.shares_speaker_with].entity, cand.how)
    return final, conduit


def _fallback(index: int, candidates: list[Candidate], final: list[Link], link: Link) -> Link:
    """No speaker from the mention ("Her comments", "believe me I", an "I" inside the words)
    or no mention and no neighbour: the attribution before, in this paragraph or the one
    before, weakly. Else none."""
    cand = candidates[index]
    before = final[index - 1]  # (index > 0: the one before is final already)
    if before.entity is None or candidates[index - 1].paragraph < cand.paragraph - 1:
        return link
    if cand.mention is None:
        return Link(before.entity, f"free quote: speaker of the attribution before, {before.entity.name}", CONFIDENCE["cannot-speak-fallback"])
    return Link(before.entity, f"{link.reason}: speaker of the attribution before, {before.entity.name}", CONFIDENCE["cannot-speak-fallback"])


def resolve(analysis: Analysis, detection: Detection) -> tuple[tuple[Attribution, ...], tuple[Speaker, ...]]:
    """Attributions with their speakers, and the article's speakers, in text order."""
    text = analysis.text
    candidates = detection.candidates
    reader = _Reader(analysis, detection.names, detection.furniture)
    events, reader.last_pointer = _events(text, candidates, detection.names)
    reader.labels = frozenset(c.mention for c in candidates if c.how == "transcript" and c.mention is not None)
    links: dict[int, Link] = {}
    vias: dict[int, tuple[str, Entity]] = {}
    hearers: set[int] = set()  # "told MPs": an audience, so no conduit carried on to it
    mentions: list[tuple[int, int] | None] = [None] * len(candidates)  # each one's speaker mention
    for event in events:
        span = event.span
        if event.what == "name":
            reader.prose.read_span(span)
        elif event.what == "via":
            outlet, entity = reader.via(span)
            if outlet is not None and entity is not None:
                vias[event.index] = (outlet, entity)
            else:
                hearers.add(event.index)
        else:
            mentions[event.index] = span
            refers = candidates[event.index].refers_to
            if refers is not None:
                # "the committee, which said": the relative pronoun speaks for its antecedent.
                link = reader.speaker(refers, candidates[event.index].content)
                if link.entity is not None:
                    said = text[span[0] : span[1]]
                    links[event.index] = link._replace(reason=f"relative '{said}' -> {link.entity.name}")
                    continue
            links[event.index] = reader.speaker(span, candidates[event.index].content)
    final, conduit = _finish(candidates, links, vias)
    continue_conduits(text, candidates, final, conduit, hearers, reader.sentences.starts)
    registry = reader.registry
    reader.close()
    del events, links, reader  # what the output no longer needs is freed before it is built
    return _output(text, candidates, registry, final, conduit, mentions, vias)


class _Spans(dict):
    """(start, end) -> its Span, made once: a speaker's mention and the attributions credited
    through it share one object, and equal texts (every cue "said", every "Jane Roe") one
    string. A wire feed of 90,000 attributions holds 180,000 mentions."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self.strings: dict[str, str] = {}

    def string(self, start: int, end: int) -> str:
        said = self.text[start:end]
        return self.strings.setdefault(said, said)

    def __missing__(self, key: tuple[int, int]) -> Span:
        span = self[key] = Span(key[0], key[1], self.string(*key))
        return span


def _output(text: str, candidates: list[Candidate], registry: Registry, final: list[Link], conduit: list[str | None],
            mentions: list[tuple[int, int] | None], vias: dict[int, tuple[str, Entity]]) -> tuple[tuple[Attribution, ...], tuple[Speaker, ...]]:
    """The attributions and speakers, built at the output boundary from the article's offsets."""
    # Speakers are numbered in the order the article first mentions them (entities are made
    # when they are needed, not always in text order).
    order = sorted(registry.entities, key=lambda e: (min(e.mentions) if e.mentions else (len(text), 0), e.id))
    number = {entity.id: k for k, entity in enumerate(order)}
    used = {link.entity.id: link.entity for link in final if link.entity is not None}
    used.update((entity.id, entity) for _, entity in vias.values())
    spans = _Spans(text)
    frozen = {i: entity.freeze(spans.__getitem__, number[i]) for i, entity in used.items()}
    strings = spans.strings
    result = []
    for index, cand in enumerate(candidates):
        link = final[index]
        final[index] = None  # type: ignore[call-overload]  # each link freed once read: only its interned reason stays
        mention = mentions[index]
        hop = cand.shares_speaker_with
        while mention is None and hop is not None:
            # A quote that shares a neighbour's speaker is credited through that mention.
            mention, hop = mentions[hop], candidates[hop].shares_speaker_with
        speaker = frozen[link.entity.id] if link.entity is not None else None
        result.append(
            Attribution(
                index=index,
                kind=cand.kind,
                content=Span(cand.content[0], cand.content[1], text[cand.content[0] : cand.content[1]]),
                cue=Span(cand.cue[0], cand.cue[1], spans.string(*cand.cue)) if cand.cue else None,
                speaker_mention=spans[mention] if mention else None,
                speaker=speaker,
                via=conduit[index],
                confidence=link.confidence if speaker is not None else 0.0,
                reason=strings.setdefault(link.reason, link.reason),
            )
        )
    return tuple(result), tuple(sorted(frozen.values(), key=lambda s: s.id))
