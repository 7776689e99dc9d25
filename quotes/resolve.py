"""Resolution: from speaker mentions to one canonical entity per source.

Mentions are read in text order. Each is split into role and name ("Kremlin spokesman" +
"Dmitry Peskov"), typed from the gazetteers (person, organization, media, group), and joined
to an entity already seen when it names the same source: a surname, a metonym, a shorter
form of an organization, a pronoun or a description pointing back. Conduits ("in a
statement to Yonhap") are entities too, so that "Yonhap reported" can be recognised as the
outlet passing on someone else's words.
"""
from __future__ import annotations

import bisect
import functools
import itertools

import regex

import attrs

from .detect import Candidate, Detection
from .engines.base import Analysis
from .lexicon import media_outlets, media_words, place_index, word_set
from .model import Attribution, Gender, Kind, Span, Speaker, SpeakerType

HONORIFICS = {"mr.": Gender.MALE, "mr": Gender.MALE, "mrs.": Gender.FEMALE, "mrs": Gender.FEMALE,
              "ms.": Gender.FEMALE, "ms": Gender.FEMALE, "miss": Gender.FEMALE, "dr.": None, "dr": None,
              "sir": Gender.MALE, "lady": Gender.FEMALE}
PRONOUN_GENDER = {"he": Gender.MALE, "him": Gender.MALE, "his": Gender.MALE, "she": Gender.FEMALE, "her": Gender.FEMALE}
PLURAL_PRONOUNS = frozenset({"they", "we"})
DETERMINERS = frozenset({"the", "a", "an", "this", "these", "those", "another", "one", "some", "two", "three", "several", "many"})
INDEFINITE = frozenset({"a", "an", "another", "one", "some", "two", "three", "several", "many"})
# Words that name the document rather than its author: "the Rodong Sinmun article" is the paper.
DOCUMENT_WORDS = frozenset({"article", "report", "reports", "statement", "announcement", "editorial", "commentary", "dispatch", "broadcast", "story", "release", "statements"})
# A mention made of these is a description, not a name, even when capitalized (titles).
FUNCTION_WORDS = frozenset({"of", "for", "at", "the", "and", "from", "in"})
POSSESSIVE = regex.compile(r"(?:’s|'s|’|')$")
WORD = regex.compile(r"[\w.’'-]+")
PHRASE_TAIL = regex.compile(r"(?:\s+\p{Ll}+ing)?\s+(?:in|at|from|through|outside|inside|near|on)\s+(?:the|a|an)?\s*\p{L}")
PARENTHETICAL = regex.compile(r"\([^()]*\)")
LIST_SEPARATOR = regex.compile(r",|\band\b")  # "Russia and North Korea", "Russia, China"
# ", a spokeswoman for the ministry," after a name: its role.
APPOSITION = regex.compile(r",\s+(?:a|an|the)\s+([^,.;“”\"]{3,80}?)(?=,|\s+said\b|\.)")


def _strip_possessive(word: str) -> str:
    """"Moscow's" -> "Moscow", "nations'" -> "nations" (not in words of two letters or fewer)."""
    if len(word) > 2:
        if word.endswith(("’s", "'s")):
            return word[:-2]
        if word.endswith(("’", "'")):
            return word[:-1]
    return word


def _title_words() -> frozenset[str]:
    return word_set("roles.txt")


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
    description: bool = False  # "the spokesman", "the North Korean leader": points back


def _places(words: list[str]) -> list[tuple[int, int, str]]:
    """Places, demonyms and metonyms among the words, longest first, left to right: (first word,
    how many words, the country)."""
    places = place_index()
    low = [_strip_possessive(w).lower() for w in words]
    found = []
    i = 0
    while i < len(low):
        for width in (3, 2, 1):
            if i + width <= len(low):
                hit = places.get(" ".join(low[i : i + width]))
                if hit is not None:
                    found.append((i, width, hit[0]))
                    i += width
                    break
        else:
            i += 1
    return found


def _place_words(words: list[str]) -> set[int]:
    """Indices of the words that are part of a place, demonym or metonym ("North Korean")."""
    return {i + k for i, width, _ in _places(words) for k in range(width)}


def _affiliation_of(words: list[str]) -> str | None:
    """The one country that demonyms, names or metonyms in these words point to."""
    unique = list(dict.fromkeys(country for _, _, country in _places(words)))
    return unique[0] if len(unique) == 1 else None


ACRONYMS = frozenset({"un", "u.n.", "fbi", "cia", "eu", "nato"})


def _is_org_word(word: str) -> bool:
    """Organization head words; acronyms only in capitals ("UN", not the name "Un")."""
    low = word.lower()
    if low in ACRONYMS:
        return word.isupper()
    return low in word_set("organizations.txt")


def _display_name(raw: str, words: list[str]) -> str:
    """The mention as written, from its first kept word ("U.S., Ukrainian and ... officials")."""
    if not words:
        return raw
    at = raw.find(words[0])
    stop = raw.rfind(words[-1])
    name = raw[at : stop + len(words[-1])] if 0 <= at <= stop else " ".join(words)
    return _strip_possessive(name.strip())


def _is_place_words(words: list[str]) -> str | None:
    chunk = " ".join(words).lower()
    hit = place_index().get(chunk)
    return hit[0] if hit and hit[1] in ("country", "metonym") else None


@functools.lru_cache(maxsize=4096)
def parse_mention(text: str) -> ParsedMention:
    """Read a mention's words: role, name, type, affiliation and gender."""
    raw = text.strip()
    tail = PHRASE_TAIL.search(raw)
    if tail is not None and tail.start() > 0:
        # "a narrator in the Clinton ad", "Protesters marching through the streets": the
        # speaker is the head before the phrase.
        head = parse_mention(raw[: tail.start()])
        if head.type is not SpeakerType.UNKNOWN and head.pronoun is None:
            return attrs.evolve(head, text=raw)
    at = raw.find(" of ")
    if at > 0:
        # "Mr. Morgan of the Sierra Club", "Jeffrey Lewis of the Martin Center": the person,
        # of an organization (but "Secretary of State", "Bank of America" are no person).
        left = parse_mention(raw[:at])
        if left.type is SpeakerType.PERSON and left.named and (left.gender is not None or left.role or len(left.name.split()) > 1):
            return attrs.evolve(left, text=raw)
    # "Rep. Jim Jordan (R-Ohio)": the party and state in brackets are no part of the name.
    words = WORD.findall(PARENTHETICAL.sub(" ", raw) if "(" in raw else raw)
    lower = [w.lower() for w in words]
    if len(words) == 1 and lower[0] in PRONOUN_GENDER | {"they": None, "it": None, "we": None, "i": None, "you": None, "who": None, "which": None}:
        return ParsedMention(raw, raw, SpeakerType.UNKNOWN, False, None, None, PRONOUN_GENDER.get(lower[0]), pronoun=lower[0])
    gender = None
    indefinite = bool(lower) and lower[0] in INDEFINITE
    while words and (lower[0] in DETERMINERS or lower[0] in HONORIFICS):
        if lower[0] in HONORIFICS:
            gender = HONORIFICS[lower[0]] or gender
        words, lower = words[1:], lower[1:]
    # "South Korea's Yonhap News": the owner is an affiliation, the rest is the name.
    owner = None
    for k, w in enumerate(words[:-1]):
        if POSSESSIVE.search(w) and w[:1].isupper():
            owner_words = [_strip_possessive(x) for x in words[: k + 1]]
            rest = words[k + 1 :]
            if rest and rest[-1].lower() in DOCUMENT_WORDS and len(rest) == 1:
                # "Kim's statement", "Russia's announcement": the author.
                words, lower = owner_words, [x.lower() for x in owner_words]
            else:
                owner = _is_place_words(owner_words) or _affiliation_of(owner_words)
                words, lower = rest, [x.lower() for x in rest]
            break
    if words:
        words[-1] = _strip_possessive(words[-1])
        lower[-1] = words[-1].lower()
    while len(words) > 1 and lower[-1] in DOCUMENT_WORDS:
        words, lower = words[:-1], lower[:-1]
    if not words:
        return ParsedMention(raw, raw, SpeakerType.UNKNOWN, False, None, None, gender)
    name = " ".join(words)
    affiliation = _affiliation_of(words) or owner
    outlets = media_outlets()
    media = media_words()
    groups = word_set("groups.txt")
    titles = _title_words()

    # A country or its capital speaking: "North Korea acknowledged", "Pyongyang said".
    place = place_index().get(name.lower())
    if place is not None and place[1] in ("country", "metonym"):
        return ParsedMention(raw, place[0], SpeakerType.ORGANIZATION, True, None, place[0], None)
    if place is not None and place[1] == "institution":
        return ParsedMention(raw, name, SpeakerType.ORGANIZATION, True, None, place[0], None)
    if name.lower() in outlets:
        return ParsedMention(raw, name, SpeakerType.MEDIA, True, None, outlets[name.lower()] or affiliation, None)
    # "Russia and North Korea": states speaking together.
    parts = [p.strip() for p in LIST_SEPARATOR.split(name) if p.strip()]
    if len(parts) > 1 and all(place_index().get(p.lower(), ("", ""))[1] in ("country", "metonym") for p in parts):
        return ParsedMention(raw, name, SpeakerType.ORGANIZATION, True, None, None, None)

    head = lower[-1]
    capitalized = [w for w in words if w[:1].isupper() and w.lower() not in FUNCTION_WORDS]

    def is_name_word(word: str) -> bool:
        low = _strip_possessive(word).lower()
        generic_word = low in media or low in groups or _is_org_word(_strip_possessive(word))
        return word[:1].isupper() and low not in titles and not generic_word and place_index().get(low) is None

    # A person: a capitalized run at the end that is no title, place or institution word; what
    # comes before it is the role ("Kremlin spokesman" + "Dmitry Peskov").
    start = len(words)
    while start > 0 and is_name_word(words[start - 1]):
        start -= 1
    run = words[start:]
    before = [w.lower() for w in words[:start]]
    if run and (any(w in titles for w in before) or gender is not None or not before) and not any(w.lower() in outlets for w in words):
        role = " ".join(words[:start]) or None
        return ParsedMention(raw, " ".join(run), SpeakerType.PERSON, True, role, affiliation, gender)
    display = _display_name(raw, words)
    if head in media or any(w.lower() in outlets for w in words):
        # "North Korean state media", "state-run newspaper Rodong Sinmun": named when it has a name.
        covered = _place_words(words)
        named_outlet = [w for k, w in enumerate(words) if w[:1].isupper() and k not in covered and w.lower() not in media and w.lower() not in FUNCTION_WORDS]
        return ParsedMention(raw, display, SpeakerType.MEDIA, bool(named_outlet), None, affiliation, None)
    if _is_org_word(words[-1]) or any(_is_org_word(w) and w[:1].isupper() for w in words):
        return ParsedMention(raw, display, SpeakerType.ORGANIZATION, bool(capitalized), None, affiliation, None)
    definite = raw.lower().startswith(("the ", "that ", "this "))
    if head in titles and definite and not head.endswith("s"):
        # "the spokesman", "the North Korean leader": a description that points back.
        return ParsedMention(raw, display, SpeakerType.PERSON, False, display, affiliation, gender, description=True)
    if head in groups:
        # "a senior official", "U.S., Ukrainian and South Korean officials": unnamed people.
        role = display if head in titles else None
        return ParsedMention(raw, display, SpeakerType.GROUP, False, role, affiliation, gender)
    if head in titles:
        # "the spokesman", "the North Korean leader": a description that points back, or, when
        # indefinite ("a spokesman"), an unnamed person.
        if indefinite:
            return ParsedMention(raw, display, SpeakerType.GROUP, False, display, affiliation, gender)
        return ParsedMention(raw, display, SpeakerType.PERSON, False, display, affiliation, gender, description=True)
    return ParsedMention(raw, name, SpeakerType.UNKNOWN, False, None, affiliation, gender)


@attrs.define
class _Entity:
    """A speaker being assembled while the article is read (mutable until the end)."""

    id: int
    name: str
    type: SpeakerType
    named: bool
    role: str | None
    affiliation: str | None
    gender: Gender | None
    mentions: list[Span]
    last_seen: int = 0
    seen: set[tuple[int, int]] = attrs.field(factory=set)  # mention spans, for a constant-time check

    def name_words(self) -> list[str]:
        return self.name.lower().split()

    def freeze(self) -> Speaker:
        return Speaker(self.id, self.name, self.type, self.named, self.role, self.affiliation, self.gender, tuple(self.mentions))


class _Registry:
    """The article's entities and the rules for joining a mention to one."""

    def __init__(self) -> None:
        self.entities: list[_Entity] = []
        # Indexes, so that joining stays linear however many speakers an article has. Entries
        # may outlive a rename; every look-up checks the entity's current name.
        self._by_name: dict[tuple[SpeakerType, str], list[_Entity]] = {}
        self._person_words: dict[str, list[_Entity]] = {}  # named people, by each name word
        self._surnames: dict[str, list[_Entity]] = {}  # named people known by one word only

    def _index(self, entity: _Entity) -> None:
        self._by_name.setdefault((entity.type, entity.name.lower()), []).append(entity)
        if entity.type is SpeakerType.PERSON and entity.named:
            words = entity.name_words()
            for word in set(words):
                self._person_words.setdefault(word, []).append(entity)
            if len(words) == 1:
                self._surnames.setdefault(words[0], []).append(entity)

    def _rename(self, entity: _Entity, name: str) -> None:
        entity.name = name
        self._index(entity)

    def _people_with(self, word: str) -> list[_Entity]:
        """Named people whose current name holds ``word``, in the order they were met."""
        found = {e.id: e for e in self._person_words.get(word, ()) if word in e.name_words()}
        return [found[i] for i in sorted(found)]

    def _new(self, parsed: ParsedMention, span: Span) -> _Entity:
        entity = _Entity(len(self.entities), parsed.name, parsed.type, parsed.named, parsed.role, parsed.affiliation, parsed.gender, [span], span.start)
        self.entities.append(entity)
        self._index(entity)
        return entity

    def _join(self, entity: _Entity, parsed: ParsedMention | None, span: Span) -> _Entity:
        if (span.start, span.end) not in entity.seen:
            entity.seen.add((span.start, span.end))
            entity.mentions.append(span)
        entity.last_seen = max(entity.last_seen, span.start)
        if parsed is not None:
            entity.role = entity.role or parsed.role
            entity.affiliation = entity.affiliation or parsed.affiliation
            entity.gender = entity.gender or parsed.gender
            # The fuller name becomes canonical: "Yonhap" then "Yonhap News".
            if parsed.type is entity.type and parsed.named and len(parsed.name) > len(entity.name) and entity.type is not SpeakerType.PERSON:
                self._rename(entity, parsed.name)
        return entity

    def recent(self, before: int, accept) -> _Entity | None:
        seen = [e for e in self.entities if e.last_seen < before and accept(e)]
        return max(seen, key=lambda e: e.last_seen) if seen else None

    def add(self, parsed: ParsedMention, span: Span) -> tuple[_Entity | None, str]:
        """Join the mention to its entity (or make one); say how it was resolved."""
        if parsed.pronoun is not None:
            return self._pronoun(parsed, span)
        if parsed.description:
            matches = [e for e in self.entities if e.type is SpeakerType.PERSON and e.role and parsed.name.lower() in e.role.lower() and e.last_seen < span.start]
            if len({e.id for e in matches}) == 1:
                return self._join(matches[0], None, span), "description"
            return self._new(parsed, span), "description-unresolved"
        key = parsed.name.lower()
        same = [e for e in self._by_name.get((parsed.type, key), ()) if e.name.lower() == key]
        if same:
            return self._join(min(same, key=lambda e: e.id), parsed, span), "name"
        if parsed.type is SpeakerType.PERSON:
            words = key.split()
            if len(words) == 1:
                # "Kim", "Putin", "Mr. Peskov": the one person whose name holds this word.
                matches = self._people_with(words[0])
                if matches:
                    best = max(matches, key=lambda e: e.last_seen)
                    return self._join(best, parsed, span), "short-name" if len(matches) == 1 else "short-name-ambiguous"
            elif words:
                # A full name seen first as a surname only: "Peskov ... Dmitry Peskov".
                matches = [e for e in self._surnames.get(words[-1], ()) if e.name_words() == [words[-1]]]
                if len(matches) == 1:
                    self._rename(matches[0], parsed.name)
                    return self._join(matches[0], parsed, span), "name"
        if parsed.type in (SpeakerType.ORGANIZATION, SpeakerType.MEDIA) and parsed.named:
            # "State Department" within "U.S. State Department", "Yonhap" within "Yonhap News".
            words = key.split()
            for entity in reversed(self.entities):
                if entity.type is parsed.type and _contains_run(entity.name_words(), words) or (
                    entity.type is parsed.type and _contains_run(words, entity.name_words())
                ):
                    return self._join(entity, parsed, span), "short-name"
        return self._new(parsed, span), "name" if parsed.named else "description"

    def _pronoun(self, parsed: ParsedMention, span: Span) -> tuple[_Entity | None, str]:
        word = parsed.pronoun
        if word in ("he", "she"):
            def accept(e: _Entity) -> bool:
                return e.type is SpeakerType.PERSON and (e.gender is None or e.gender is parsed.gender)
        elif word in PLURAL_PRONOUNS:
            def accept(e: _Entity) -> bool:
                return e.type in (SpeakerType.GROUP, SpeakerType.ORGANIZATION) and (e.type is SpeakerType.ORGANIZATION or e.name.lower().endswith("s"))
        elif word in ("it", "which"):
            def accept(e: _Entity) -> bool:
                return e.type in (SpeakerType.ORGANIZATION, SpeakerType.MEDIA)
        elif word == "who":
            # "McConnell, who said ...": the person or group just named.
            def accept(e: _Entity) -> bool:
                return e.type in (SpeakerType.PERSON, SpeakerType.GROUP)
        else:
            return None, "pronoun-unresolved"  # "I", "you": the speaker is in the quote's frame, not here
        entity = self.recent(span.start, accept)
        if entity is None:
            return None, "pronoun-unresolved"
        if parsed.gender is not None and entity.gender is None:
            entity.gender = parsed.gender  # gender only from the text: the pronoun that refers to it
        return self._join(entity, None, span), "pronoun"


def _contains_run(longer: list[str], shorter: list[str]) -> bool:
    if not shorter or len(shorter) >= len(longer):
        return False
    if all(w in FUNCTION_WORDS or w in media_words() or w in word_set("organizations.txt") for w in shorter):
        return False  # "department", "the agency": too generic to join on
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


CONFIDENCE = {
    "name": 0.9,
    "short-name": 0.85,
    "short-name-ambiguous": 0.5,
    "pronoun": 0.7,
    "description": 0.7,
    "description-unresolved": 0.5,
    "conduit": 0.7,
    "same-paragraph": 0.75,
    "same-sentence": 0.75,
    "continuation": 0.7,
    "previous-paragraph": 0.55,
    "colon": 0.6,
    "clause": 0.5,
    "previous-sentence": 0.45,
}


def _apposition_role(text: str, end: int) -> str | None:
    """'Jane Roe, a spokeswoman for the ministry, said': the role after the name."""
    match = APPOSITION.match(text, end, end + 100)
    if match and any(w.lower() in _title_words() for w in match.group(1).split()):
        return match.group(1).strip()
    return None


def _coref_antecedent(analysis: Analysis, span: Span) -> tuple[int, int] | None:
    """The nearest earlier non-pronoun mention in the pronoun's coreference chain, if any."""
    for chain in analysis.coref:
        if any(start <= span.start and span.end <= end for start, end in chain.mentions):
            earlier = [
                (start, end)
                for start, end in chain.mentions
                if end <= span.start and parse_mention(analysis.text[start:end]).pronoun is None
            ]
            if earlier:
                return earlier[-1]
            representative = chain.mentions[chain.representative]
            if representative[1] <= span.start or representative[0] >= span.end:
                return representative
    return None


def resolve(analysis: Analysis, detection: Detection) -> tuple[tuple[Attribution, ...], tuple[Speaker, ...]]:
    """Attributions with their speakers, and the article's speakers, in text order."""
    text = analysis.text
    candidates = detection.candidates
    registry = _Registry()
    # Every mention in text order: speaker mentions, conduits and titled names in the prose.
    events: list[tuple[int, str, int, tuple[int, int]]] = []
    for index, cand in enumerate(candidates):
        if cand.mention is not None:
            events.append((cand.mention[0], "speaker", index, cand.mention))
        if cand.via is not None:
            events.append((cand.via[0], "via", index, cand.via))
    # A titled name inside a speaker mention is that mention. Sorted starts with the running
    # furthest end answer "does any speaker span contain it?" in log time, not a scan per name.
    speaker_spans = sorted({c.mention for c in candidates if c.mention})
    starts = [s[0] for s in speaker_spans]
    furthest = list(itertools.accumulate((s[1] for s in speaker_spans), max))
    # Titles directly before a name introduce people who may be spoken of before they speak.
    for span in detection.names:
        at = bisect.bisect_right(starts, span[0]) - 1
        if at < 0 or furthest[at] < span[1]:
            events.append((span[0], "name", -1, span))
    events.sort(key=lambda e: (e[0], e[1] != "name"))
    speaker_of: dict[int, tuple[_Entity | None, str]] = {}
    via_of: dict[int, _Entity] = {}
    for _, what, index, (start, end) in events:
        span = Span.of(text, start, end)
        parsed = parse_mention(span.text)
        if what == "speaker" and parsed.type is SpeakerType.PERSON and parsed.role is None:
            role = _apposition_role(text, end)
            if role:
                parsed = attrs.evolve(parsed, role=role, affiliation=parsed.affiliation or _affiliation_of(role.split()))
        antecedent = _coref_antecedent(analysis, span) if parsed.pronoun is not None else None
        if antecedent is not None:
            # The engine's coreference chain names the pronoun's antecedent: trust it first.
            entity, how = registry.add(parse_mention(text[antecedent[0] : antecedent[1]]), Span.of(text, *antecedent))
            if entity is not None:
                entity = registry._join(entity, None, span)
                if parsed.gender is not None and entity.gender is None:
                    entity.gender = parsed.gender
                how = "pronoun"
        else:
            entity, how = registry.add(parsed, span)
        if what == "speaker":
            speaker_of[index] = (entity, how)
        elif what == "via" and entity is not None:
            via_of[index] = entity

    final: dict[int, tuple[_Entity | None, str]] = {}
    conduit: dict[int, _Entity | None] = {}
    for index, cand in enumerate(candidates):
        entity, how = speaker_of.get(index, (None, "none"))
        via = via_of.get(index)
        if via is not None and via.type not in (SpeakerType.MEDIA, SpeakerType.ORGANIZATION):
            via = None  # "told reporters": a hearer, not a conduit
        # An outlet "reporting" words it was given: the earlier giver is the speaker.
        if entity is not None and entity.type is SpeakerType.MEDIA and cand.kind is Kind.DIRECT and cand.cue is not None:
            for earlier in range(index - 1, -1, -1):
                if candidates[earlier].paragraph < cand.paragraph - 2:
                    break
                if via_of.get(earlier) is entity and final.get(earlier, (None, ""))[0] is not None:
                    via, entity, how = entity, final[earlier][0], "conduit"
                    break
        final[index] = (entity, how)
        conduit[index] = via
    # Quotes that share a neighbour's speaker (links may point forward: '"A." "B," he said.').
    for index, cand in enumerate(candidates):
        if cand.shares_speaker_with is not None:
            entity, _ = final.get(cand.shares_speaker_with, (None, "none"))
            final[index] = (entity, cand.how)

    frozen = {e.id: e.freeze() for e in registry.entities}
    result = []
    for index, cand in enumerate(candidates):
        entity, how = final[index]
        via = conduit[index]
        speaker = frozen[entity.id] if entity is not None else None
        mention = cand.mention
        link = cand.shares_speaker_with
        while mention is None and link is not None:
            # A quote that shares a neighbour's speaker is credited through that mention.
            mention, link = candidates[link].mention, candidates[link].shares_speaker_with
        result.append(
            Attribution(
                index=index,
                kind=cand.kind,
                content=Span.of(text, *cand.content),
                cue=Span.of(text, *cand.cue) if cand.cue else None,
                speaker_mention=Span.of(text, *mention) if mention else None,
                speaker=speaker,
                via=via.name if via is not None else None,
                confidence=CONFIDENCE.get(how, 0.0) if speaker is not None else 0.0,
            )
        )
    used = {a.speaker.id for a in result if a.speaker is not None} | {e.id for e in via_of.values()}
    speakers = tuple(frozen[i] for i in sorted(used))
    return tuple(result), speakers
