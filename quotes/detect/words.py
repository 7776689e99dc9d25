"""Word classes, and what detection asks of one token, answered once per distinct word.

Receives: token strings (the engine's ``words`` array). Hands on: for each distinct word its
lower-case form (``LOWER[word]``) and an int of flags (``FLAGS[word]``), both cached per
process, so that a per-token test in the hot loops is a list index and a bit test instead of
a function call that lower-cases the word again.

The word lists are sets of lower-case words; each says why it exists.
"""
from __future__ import annotations

import functools
import itertools

from ..lexicon import exact_words, media_words, speech_verbs, word_set

# Words that sit between a subject and its speech verb: "have said", "also said",
# "had obliquely acknowledged", "on Monday said".
AUXILIARIES = frozenset(
    """has have had is was were are will would could can should may might must did does do
    also previously reportedly repeatedly publicly later earlier then again already recently
    once never not still often frequently further simply just first initially finally
    quickly privately separately has've""".split()
)
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    morning afternoon evening night week month year weekend fall spring summer winter
    january february march april may june july august september october november december
    jan feb mar apr aug sept oct nov dec""".split()
)
TIME_LEADS = frozenset("on last this early late earlier later since next over".split())
# Tokens at which a subject noun phrase cannot extend further to the left.
BOUNDARY_WORDS = frozenset(
    """that who whom which while when as because after before since if but with without
    though although whereas where said says say told tells according than so and or nor
    is was were are be been being
    on in at to by into about over under against between through during within upon across
    behind beyond toward towards like among around off up down out via per of for from""".split()
)
DETERMINERS = frozenset("the a an this that these those his her their its our my your some many several two three four".split())
PRONOUNS = frozenset("he she they it we i you".split())
# Sentence adverbs that may open a sentence before its subject.
OPENERS = frozenset(
    """previously nonetheless however but and so meanwhile still yet now also instead
    separately later earlier then indeed further moreover overall worse here there
    thus therefore besides finally ultimately perhaps maybe clearly notably specifically
    similarly likewise additionally importantly nevertheless otherwise again today tonight
    yesterday""".split()
)
# A finite verb in the words after a cue means they form a clause: "said a monument *will*".
FINITE_WORDS = frozenset(
    "is are was were will would can could should may might must has have had does do did am shall won't".split()
)
CLAUSE_OPENERS = frozenset("that if whether how why what when where who".split())
PREPOSITIONS_IN_NAMES = frozenset("of for at from".split())
PARTICIPLE_SUFFIX = "ing"
QUOTE_CHARS = frozenset("“”\"‘’'«»")
CLOSING_MARKS = frozenset("”\"’'»")
OPENING_MARKS = frozenset("“\"‘'«")
DASHES = frozenset("-—–―")
# Abbreviations whose period stays inside a name: "Mr. Peskov", "Sen. Claire McCaskill".
NAME_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sen sens rep reps gov gen lt col maj sgt capt adm cmdr st jr sr rev hon pres supt messrs mt ft fr".split()
)
# Capitalized adjectives that are no speaker before a noun-or-verb ("Republican claims").
ADJECTIVE_NAMES = frozenset("republican democratic democrat conservative liberal federal gop".split())
# Nouns for words said, owned by whoever said them ("Trump's claim that ...").
SPEECH_NOUNS = frozenset(
    """claim claims statement statements assertion assertions remarks comments comment words promise
    pledge warning warnings accusation accusations argument contention description characterization
    emphasis insistence suggestion prediction complaint allegation allegations declaration tweet
    tweets quip vow plea call demand denial admission boast""".split()
)
# Words before "of" in a speaker's noun phrase ("one of the officials", "the mother of three").
OF_HEADS = frozenset(
    """one some many several most all none each both member members head chief mother father wife
    husband son daughter friend friends leader leaders founder president director chairman""".split()
)
# Prepositions inside a speaker's phrase ("a narrator in the ad", "protesters outside the court").
NP_PREPOSITIONS = frozenset("in at from through outside inside near on".split())
NAME_PREPOSITIONS = frozenset("of in from at for on with to by near".split())
# Speech verbs whose infinitive is what was said ("vowed to build a wall").
PROMISE_VERBS = frozenset("vow pledge promise threaten".split())
SUBJECT_PRONOUNS = frozenset("he she they it we i".split())
# Relative pronouns that speak for the noun phrase before them ("McConnell, who said ...").
RELATIVES = frozenset(("who", "which"))
# Irregular past tenses: the verb of a clause whose subject a participle shares ("Smith
# sought to calm the crowd, saying ...").
IRREGULAR_PAST = frozenset(
    """took sought made gave went came got put set led ran won lost held kept spoke began brought
    thought felt left met sent spent stood struck threw drew became broke chose fought found
    hit knew meant paid rose saw sat shook showed sold stole swore taught tore understood woke
    wore withdrew fell grew slid sank shrank spread shut cut bought built caught dealt drove fled
    forgot froze hid hung lay lent let lit rang rode spun stuck swung bore beat bent bled bred
    fed fit forbade overcame overtook undertook upheld wound""".split()
)
# Words in -ing and -ed that are adjectives inside a speaker's phrase, not verbs after it:
# "the ruling party", "one of the leading rating agencies", "the retired general".
ADJECTIVAL = frozenset(
    """leading ruling governing rating opposing visiting outgoing incoming ongoing sitting acting
    presiding reigning founding managing consulting polling ageing aging retiring retired elected
    unnamed unidentified concerned disgruntled embattled beleaguered respected injured wounded
    detained jailed appointed designated underlying""".split()
)
# Nouns in -ly, no adverbs: "a lawyer for the family said" ends with its noun, and "said family
# friend Jo Bell" is no "said publicly".
LY_NOUNS = frozenset("family assembly rally supply monopoly anomaly homily butterfly".split())
# A leading phrase that ends at its comma before the subject ("Amid the uproar, ...").
LEAD_PREPOSITIONS = frozenset("amid after before in on at during following despite with without since from under while when".split())


@functools.cache
def acronym_words() -> frozenset[str]:
    """"WHO", "IS", "IT": acronyms spelled like small words, exactly as written (acronym_words.txt)."""
    return exact_words("acronym_words.txt")


def _shouted(word: str) -> bool:
    """An all-capital word of two letters or more: shouting, or a headline in capitals."""
    return len(word) > 1 and word.isupper()


def acronyms_in(words: list[str], low: list[str], flags: list[int]) -> None:
    """Read "WHO", "IS", "IT" as the names they are ("The WHO has said"), unless a word
    beside them is all capitals too ("WHO IS TO BLAME"). Found by a C-level scan, so an
    article without one costs no per-token Python work."""
    known = acronym_words()
    if known.isdisjoint(words):
        return  # (one C-level pass: most articles hold none)
    n = len(words)
    for i in itertools.compress(range(n), map(known.__contains__, words)):
        if (i > 0 and _shouted(words[i - 1])) or (i + 1 < n and _shouted(words[i + 1])):
            continue
        low[i] = words[i]  # (kept in capitals: no word list holds it)
        flags[i] = NAME_FLAGS


def plural(noun: str) -> str:
    """The regular plural of a lexicon noun: agency -> agencies, witness -> witnesses."""
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    return noun + "s"


def with_plurals(nouns: frozenset[str]) -> frozenset[str]:
    """The nouns and the plurals of the one-word ones."""
    return nouns | {plural(n) for n in nouns if " " not in n and n[-1:].isalpha()}


@functools.cache
def speaker_nouns() -> frozenset[str]:
    """Nouns that can head a speaker's phrase: roles, groups, organizations, documents, media,
    with their plurals ("one of the world's leading rating agencies says")."""
    return with_plurals(word_set("roles.txt") | word_set("groups.txt") | word_set("organizations.txt") | word_set("documents.txt") | media_words())


@functools.cache
def document_nouns() -> frozenset[str]:
    """Nouns for something written or said ("statement", "tweets"), with their plurals."""
    return with_plurals(word_set("documents.txt"))


# Two-word credits that are no verb: "according to", and "as per" (South Asian English).
CREDIT_PAIRS = frozenset({("according", "to"), ("as", "per")})


@functools.cache
def cue_first_words() -> frozenset[str]:
    """Every word a cue can start with, for a quick test before the full cue match."""
    return frozenset(form[0] for form in speech_verbs()) | {first for first, _ in CREDIT_PAIRS} | {"statement", "statements"}


# Flags: one bit per question; a word's flags are computed once per process.
CAP = 1 << 0  # first character upper-case: a name, a title or a sentence's first word
WORD = 1 << 1  # first character a letter or digit, not punctuation
LOWERCASE = 1 << 2  # str.islower(): no capitals at all ("Will wrote" is a name, "will" an auxiliary)
ADVERB = 1 << 3  # "publicly", "obliquely": lower-case, longer than four letters, -ly
FINITE = 1 << 4  # a finite verb: "will", "won't", "improved" (see ``_finite``)
NP = 1 << 5  # can be part of a speaker noun phrase
CAN_SPEAK = 1 << 6  # can end a speaker noun phrase: a name, a pronoun, a speaker noun
CUE_FIRST = 1 << 7  # some speech cue starts with this word
SPEECH_FORM = 1 << 8  # a one-word form of a speech verb ("said", "claims", "saying")
NAME_ABBREVIATION = 1 << 9  # "Mr", "Sen", or a single capital: its period stays in a name
POSSESSIVE = 1 << 10  # ends with 's or ’s
# The flags of a capitalized word no list holds: a name ("Acme", "WHO" read as an acronym).
NAME_FLAGS = CAP | WORD | NP | CAN_SPEAK


def _finite(word: str, low: str) -> bool:
    if low in FINITE_WORDS or low.endswith("n't") or low.endswith("n’t"):
        return True
    # A past-tense verb ("they improved"): a lower-case word ending in -ed.
    return word.islower() and len(low) > 4 and low.endswith("ed")


# Words no speaker phrase ends with, or runs through.
_NOT_SPEAKER_HEADS = DETERMINERS | OPENERS | BOUNDARY_WORDS | TIME_WORDS
_NOT_IN_PHRASE = BOUNDARY_WORDS | FINITE_WORDS | AUXILIARIES


def flags_of(word: str) -> int:
    """Every flag of one word (computed once per distinct word, then cached)."""
    low = word.lower()
    nouns = speaker_nouns()
    first = word[:1]
    capitalized = first.isupper()
    flags = 0
    if capitalized:
        flags |= CAP
    if first.isalnum():
        flags |= WORD
        # Can it be part of a speaker noun phrase? Names, determiners, pronouns and speaker
        # nouns (but no boundary word); other lower-case words are adjectives and nouns
        # ("state media", "a senior official") unless they look like verbs.
        if capitalized or low in DETERMINERS or low in PRONOUNS or low in nouns:
            if low not in BOUNDARY_WORDS:
                flags |= NP
        elif low not in _NOT_IN_PHRASE and (low in ADJECTIVAL or not (low.endswith("ed") or low.endswith("ing"))):
            flags |= NP
    if word.islower():
        flags |= LOWERCASE
        if len(word) > 4 and word.endswith("ly") and low not in LY_NOUNS:
            flags |= ADVERB
    if _finite(word, low):
        flags |= FINITE
    # Can a noun phrase ending here be a speaker: a name, a pronoun, a speaker noun?
    if low not in _NOT_SPEAKER_HEADS and (capitalized or low in PRONOUNS or low in nouns):
        flags |= CAN_SPEAK
    if low in cue_first_words():
        flags |= CUE_FIRST
    if (low,) in speech_verbs():
        flags |= SPEECH_FORM
    if low in NAME_ABBREVIATIONS or (len(word) == 1 and capitalized):
        flags |= NAME_ABBREVIATION
    if low.endswith(("’s", "'s")):
        flags |= POSSESSIVE
    return flags


# Hostile input can hold millions of distinct "words"; past this many the caches start over.
_CACHE_LIMIT = 200_000


# Invisible characters inside a word (see the rules engine's tokenizer) are not read.
_INVISIBLE = str.maketrans("", "", "\u00ad\u200b\u200c\u200d\u2060\ufeff")


def visible(word: str) -> str:
    """The word without invisible characters ("Ja\u200bne" -> "Jane")."""
    return word.translate(_INVISIBLE) if not word.isascii() else word


class _Flags(dict):
    """word -> flags, filled on first sight (``map(FLAGS.__getitem__, words)`` stays in C)."""

    def __missing__(self, word: str) -> int:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        value = self[word] = flags_of(visible(word))
        return value


class _Lower(dict):
    """word -> word.lower(), filled on first sight."""

    def __missing__(self, word: str) -> str:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        value = self[word] = visible(word).lower()
        return value


FLAGS = _Flags()
LOWER = _Lower()
