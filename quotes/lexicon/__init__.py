"""Word lists and gazetteers, kept as data files beside this module.

Extend a list by editing its file; the code reads them once, on first use.
"""
from __future__ import annotations

import functools
from importlib import resources

import attrs


def _lines(name: str) -> list[str]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@attrs.frozen
class SpeechVerb:
    lemma: str
    np_object: bool  # counts only with quoted words after it
    trailing_only: bool  # counts only after the words it reports
    # A directive or evaluative act: the word after the verb's object that makes the object and
    # what follows the content ("urged voters to ...": "to"; "accused X of ...": "of").
    act: str = ""
    question: bool = False  # reports an indirect question: "asked (the minister) whether ..."


@functools.cache
def speech_verbs() -> dict[tuple[str, ...], SpeechVerb]:
    """Inflected form (as a tuple of lower-case words) -> its verb."""
    forms: dict[tuple[str, ...], SpeechVerb] = {}
    for line in _lines("speech_verbs.txt"):
        head, _, flags = line.partition("|")
        lemma, _, inflections = head.partition(":")
        marks = flags.split()
        act = next((m.partition("=")[2] for m in marks if m.startswith("act=")), "")
        verb = SpeechVerb(lemma.strip(), "np" in marks, "trailing" in marks, act, "question" in marks)
        # A multi-word lemma ("point out") has multi-word forms: read them in groups of its width.
        width = len(lemma.split())
        words = inflections.split()
        for i in range(0, len(words), width):
            forms[tuple(w.lower() for w in words[i : i + width])] = verb
        forms[tuple(lemma.lower().split())] = verb
    return forms


@functools.cache
def word_set(name: str) -> frozenset[str]:
    return frozenset(line.strip().lower() for line in _lines(name))


@functools.cache
def noun_genders() -> dict[str, str]:
    """Lower-case noun ("sister") -> "male" or "female": gendered_nouns.tsv."""
    table = {}
    for line in _lines("gendered_nouns.tsv"):
        noun, _, gender = line.partition("\t")
        table[noun.strip().lower()] = gender.strip()
    return table


@functools.cache
def role_abbreviations() -> dict[str, tuple[str, ...]]:
    """Lower-case role abbreviation ("pm") -> the words of the role it stands for ("prime",
    "minister"): role_abbreviations.tsv."""
    table = {}
    for line in _lines("role_abbreviations.tsv"):
        form, _, role = line.partition("\t")
        table[form.strip().lower()] = tuple(role.lower().split())
    return table


@functools.cache
def exact_words(name: str) -> frozenset[str]:
    """A list's words as written, case kept ("WHO" and not "who": acronym_words.txt)."""
    return frozenset(line.strip() for line in _lines(name))


@functools.cache
def post_modifiers() -> dict[tuple[str, ...], bool]:
    """A speaker noun's post-modifier ("familiar with", "close to") as lower-case words ->
    whether it only says the source is anonymous ("speaking on condition of")."""
    found: dict[tuple[str, ...], bool] = {}
    for line in _lines("post_modifiers.txt"):
        words, _, mark = line.partition("|")
        found[tuple(words.lower().split())] = mark.strip() == "anonymous"
    return found


@attrs.frozen
class Country:
    name: str
    demonyms: tuple[str, ...]
    metonyms: tuple[str, ...]  # capitals: "Pyongyang acknowledged" is North Korea speaking
    institutions: tuple[str, ...]  # "the Kremlin said": a speaker of its own, affiliated to the country


@functools.cache
def countries() -> tuple[Country, ...]:
    rows = []
    for line in _lines("countries.tsv"):
        name, demonyms, metonyms, institutions = (line.split("\t") + ["", "", ""])[:4]
        rows.append(
            Country(
                name.strip(),
                tuple(d.strip() for d in demonyms.split(",") if d.strip()),
                tuple(m.strip() for m in metonyms.split(",") if m.strip()),
                tuple(m.strip() for m in institutions.split(",") if m.strip()),
            )
        )
    return tuple(rows)


@functools.cache
def place_index() -> dict[str, tuple[str, str]]:
    """Lower-case name, demonym or metonym -> (country, how it names it)."""
    index: dict[str, tuple[str, str]] = {}
    for country in countries():
        index.setdefault(country.name.lower(), (country.name, "country"))
        for demonym in country.demonyms:
            index.setdefault(demonym.lower(), (country.name, "demonym"))
        for metonym in country.metonyms:
            index.setdefault(metonym.lower(), (country.name, "metonym"))
        for institution in country.institutions:
            index.setdefault(institution.lower(), (country.name, "institution"))
    return index


@functools.cache
def media_outlets() -> dict[str, str | None]:
    """Lower-case outlet name -> its country (or None)."""
    outlets: dict[str, str | None] = {}
    for line in _lines("media.txt"):
        if line.startswith("@"):
            break  # the outlets come first; generic words and name words follow
        name, _, country = line.partition("\t")
        outlets[name.strip().lower()] = country.strip() or None
    return outlets


def _section(name: str, section: str) -> list[str]:
    """The lines of ``@section`` in a sectioned file, up to the next ``@`` line."""
    lines = _lines(name)
    start = lines.index(section) + 1
    stop = next((i for i in range(start, len(lines)) if lines[i].startswith("@")), len(lines))
    return [line.strip().lower() for line in lines[start:stop]]


@functools.cache
def media_words() -> frozenset[str]:
    """Generic words for media as speakers: "state media", "the newspaper", "the agency"."""
    return frozenset(_section("media.txt", "@words"))


@functools.cache
def outlet_name_words() -> frozenset[str]:
    """Words that make a capitalized name an outlet wherever they stand ("BBC Radio Five Live")."""
    return frozenset(_section("media.txt", "@names"))


@functools.cache
def outlet_title_words() -> frozenset[str]:
    """Words that name an outlet only as "the X" or after Daily/Sunday ("the Sun", "the Mirror")."""
    return frozenset(_section("media.txt", "@titles"))


@functools.cache
def outlet_descriptors() -> frozenset[str]:
    """Nouns that before a name say it is an outlet's ("public broadcaster ZDF", "daily Le Monde")."""
    return frozenset(_section("media.txt", "@descriptors"))


@functools.cache
def programme_words() -> frozenset[str]:
    """Words of programmes' titles ("Morning Edition", "This Week"): no person's name."""
    return frozenset(_section("media.txt", "@programmes"))


@functools.cache
def outlet_media() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Words of printed outlets, words of broadcasters, and news agencies' names (lower case)."""
    return tuple(frozenset(_section("media.txt", s)) for s in ("@print", "@broadcast", "@agencies"))


@functools.cache
def medium_words() -> frozenset[str]:
    """Words for a medium after a name or possessive ("Norwich's website", "the Vine show")."""
    return frozenset(_section("media.txt", "@media"))


@attrs.frozen
class Honorific:
    gender: str | None  # "male", "female" or None
    kept: bool  # stays in the name ("Sir Alan Budd"), or is dropped from a full one ("Mr")


@functools.cache
def honorifics() -> dict[str, Honorific]:
    """Lower-case honorific ("mr", "sir", "dr.") -> its gender and whether a name keeps it."""
    table = {}
    for line in _lines("honorifics.tsv"):
        form, gender, kept = (line.split("\t") + ["-", "-"])[:3]
        table[form.strip().lower()] = Honorific(None if gender.strip() == "-" else gender.strip(), kept.strip() == "kept")
    return table


@functools.cache
def titles() -> dict[str, tuple[str, ...]]:
    """Lower-case title before a name, without its final period ("sen", "gov", "dr") -> the
    words a description may spell it out with ("senator", "lawmaker")."""
    table = {}
    for line in _lines("titles.tsv"):
        form, words = (line.split("\t") + [""])[:2]
        table[form.strip().lower()] = tuple(w.strip().lower() for w in words.split(",") if w.strip())
    return table


@attrs.frozen
class Party:
    name: str
    country: str | None


@functools.cache
def parties() -> dict[str, Party]:
    """Lower-case form of a party ("tories", "lib dems") -> the party."""
    table: dict[str, Party] = {}
    for line in _lines("parties.tsv"):
        name, forms, country = (line.split("\t") + ["", ""])[:3]
        party = Party(name.strip(), country.strip() or None)
        for form in [name, *forms.split(",")]:
            if form.strip():
                table.setdefault(form.strip().lower(), party)
    return table
