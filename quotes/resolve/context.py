"""What the words around a mention add to it.

Receives: the article text, a mention's character span and the sentence starts. Hands on:
the role and age an apposition gives ("Jane Roe, 25, a spokeswoman for the ministry,"),
whether a name stands as the subject of its sentence or clause (what makes it salient for a
pronoun that follows), and mention spans mended where a name was cut at an ampersand
("S" / "&P" -> "S&P"; "Poor's" -> "Standard & Poor's"). Patterns are compiled once and read a
bounded window of text, so each question costs the same whatever the article's length.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re

import regex

from ..lexicon import word_set
from . import types as T

# ", a spokeswoman for the ministry," / ", WorldCom's ex-head of internal auditing," / ", 25,"
APPOSITION = regex.compile(
    r",\s+(?:(?P<age>\d{1,3})\s*,"
    r"|(?:a|an|the)\s+(?P<role>[^,.;:“”\"()]{3,80}?)(?=,|\s+(?:said|told|says|tells|added|has|had|was|is)\b|\.)"
    r"|(?P<owned>(?:\p{Lu}[\w&’'-]*\s+){0,3}\p{Lu}[\w&.’'-]*(?:’s|'s)\s+[^,.;:“”\"()]{3,60}?)(?=,))"
)
# What may stand in a clause before its subject: "But", "However", "The", "Former".
SUBJECT_LEAD = frozenset("the a an but and however meanwhile so now then yet former ex also both later earlier still".split())
# Searched backwards from a name: a clause break, or a lower-case word (group 1).
BREAK_OR_LOWER = regex.compile(r"(?r)[,;:()\"“”‘’—–\n]|\s-\s|(?<![\w’'-])(\p{Ll}[\p{L}’'-]*)")
AMPERSAND_BEFORE = regex.compile(r"(?:\p{Lu}[\w.’'-]*\s*&\s*)+$")
AMPERSAND_AFTER = regex.compile(r"(?:\s*&\s*\p{Lu}[\w.’'-]*)+")
# After a mended company name: a role and a name ("S&P credit analyst Helena Hessel").
ROLE_AND_NAME = regex.compile(r"((?:\s+[\p{Ll}-]+){1,3})\s+\p{Lu}[\w’'-]+(?:\s+\p{Lu}[\w’'-]+)+")


# ", director of the Institute for Fiscal Studies," / ", deputy chief UK economist at Capital
# Economics": a role with no article, then maybe its organization; up to a comma, a full stop,
# the end, or a speech verb. What the words may be is checked in code (_bare_role).
BARE_ROLE = regex.compile(
    r",\s+(?P<role>[\p{Ll}][\p{L}-]*(?:\s+[\p{L}-]+){0,4}?)"
    r"(?:\s+(?:of|at|for|with)\s+(?:the\s+)?(?:\p{Ll}{1,3}-)?\p{Lu}[^,.;:“”\"()]{1,60}?)?"
    r"(?=\s*[,.;]|\s*$|\s+(?:said|told|says|tells|added|has|had|was|is)\b)"
)
# Words that show the aside is a clause, not a role: ", who is director", ", adding that".
_NOT_IN_ROLE = frozenset("who which whose that is was were are has had have and or but not also said says told then when where while as to in on by from".split())


# The letters a word opens with (a role word's, before a comma or a stop).
_LETTERS = regex.compile(r"[\p{L}-]+")


# "of|at|for|with" and a capitalized organization ("al-Shifa Hospital": a particle before it).
_ROLE_LINK = regex.compile(r"\s+(?:of|at|for|with)\s+(?:the\s+)?((?:\p{Ll}{1,3}-)?\p{Lu}.*)$")


def _bare_role(text: str, end: int) -> str | None:
    """The role of an apposition with no article ("Jo Roe, director of the Harbour Trust,"),
    with its organization; None unless the words before the link end in a role word and none
    of them is a clause's word or a verb's form ("Jo Roe, adding that ...")."""
    window = min(len(text), end + 120)
    # The cheap necessary condition first: the role (five words at most) ends in a role word,
    # so one of the first five words after the comma opens with one.
    for word in text[end + 1 : window].split(None, 5)[:5]:
        run = _LETTERS.match(word)
        if run is not None and T.is_role_word(run.group()):
            break
    else:
        return None
    match = BARE_ROLE.match(text, end, window)
    if match is None:
        return None
    words = match.group("role").split()
    if words[0].endswith(("ing", "ed", "ly")) or any(w.lower() in _NOT_IN_ROLE for w in words):
        return None
    if not T.is_role_word(words[-1]):
        return None
    return text[match.start("role") : match.end()].strip()


# "The chancellor, " + "Rachel Reeves,": a description in apposition before a name.
_ROLE_BEFORE = regex.compile(r"(?r)(?<![\w’'-])(?:The|the)\s+((?:[\p{L}’'-]+\s+){0,3}[\p{L}-]+),\s+$")


def role_before(text: str, start: int, end: int) -> str | None:
    """"The chancellor, Rachel Reeves, insisted": the role a description in apposition before
    a name gives it, when the name is closed by a comma (not a list: "the chancellor, Rachel
    Reeves and Jo Roe") and the description ends in a role word."""
    if text[end : end + 1] != "," or text[max(0, start - 2) : start] != ", ":
        return None  # the cheap necessary conditions first
    found = _ROLE_BEFORE.search(text, max(0, start - 60), start)
    if found is None:
        return None
    words = found.group(1).split()
    if any(w.lower() in _NOT_IN_ROLE for w in words) or not T.is_role_word(words[-1]):
        return None
    return found.group(1)


def role_and_organization(role: str) -> tuple[str, str | None]:
    """"director of the Institute for Fiscal Studies" -> ("director", "Institute for Fiscal
    Studies"): a role linked to a capitalized organization is split into the two; any other
    role is kept whole ("spokeswoman for the ministry")."""
    found = _ROLE_LINK.search(role)
    if found is None or not T.is_role_word(role[: found.start()].split()[-1]):
        return role, None
    return role[: found.start()], found.group(1).strip()


# A relative clause after the role describes the person, it is no part of the role: ", a
# 23-year-old student who joined the march" -> "23-year-old student".
_RELATIVE = regex.compile(r"\s+(?:who|whom|whose|which|that|where)(?:\s|$)")


def apposition(text: str, end: int) -> tuple[str | None, int | None]:
    """'Jane Roe, a spokeswoman for the ministry, said': the role after a name, and the age
    of 'Jane Roe, 25, said'. A role only when a role word is in it ("Jane Roe, 52, said"
    gives an age and no role)."""
    if text[end : end + 1] != "," or not text[end + 1 : end + 2].isspace():
        return None, None
    # After the comma and spaces each branch opens with a digit, "a", "an", "the" or a
    # capital: a word in lower case or a mark rules all three out at once.
    first = text[end + 2 : end + 3]
    if first.isspace():
        first = text[end + 1 : end + 120].lstrip()[:1]
    if not first.isalnum():
        return None, None
    match = APPOSITION.match(text, end, min(len(text), end + 120)) if not first.islower() or first in "at" else None
    if match is None:
        return (_bare_role(text, end) if first.islower() else None), None
    if match.group("age"):
        # "Ana Souza, 23, a student who lives nearby,": the role may follow the age.
        role = apposition(text, match.end() - 1)[0] if text[match.end() - 1 : match.end()] == "," else None
        return role, int(match.group("age"))
    role = _RELATIVE.split((match.group("role") or match.group("owned") or "").strip(), 1)[0]
    words = role.split()
    if any(T.is_role_word(w) or T.is_org_word(w) for w in words):
        return role, None
    return None, None


def mend(text: str, start: int, end: int) -> tuple[int, int]:
    """A mention cut at an ampersand, made whole: "P" of "S&P", "Poor's" of "Standard & Poor's",
    and the role and name after a mended company ("S&P credit analyst Helena Hessel")."""
    if "&" not in text[max(0, start - 3) : start] and "&" not in text[end : end + 3]:
        return start, end
    before = AMPERSAND_BEFORE.search(text, max(0, start - 60), start)
    after = AMPERSAND_AFTER.match(text, end, min(len(text), end + 60))
    if before is None and after is None:
        return start, end
    start = before.start() if before is not None and text[start : start + 1].isupper() else start
    end = after.end() if after is not None else end
    tail = ROLE_AND_NAME.match(text, end, min(len(text), end + 80))
    if tail is not None and T.is_role_word(tail.group(1).split()[-1]):  # "credit analyst Helena Hessel"
        end = tail.end()
    return start, end


# Sentence openers before a subject, and what makes a subject's noun phrase end.
OPENERS = frozenset("but and however meanwhile now then yet so instead still later earlier also separately elsewhere indeed".split())
LEADS = frozenset("after before in on at during following despite with without since from under while when as speaking asked".split())
_TOKEN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}&.’'-]*|[^\s\p{L}\p{N}]")
QUOTES = frozenset("“”\"‘’'«»")
DETERMINERS = frozenset(("the", "a", "an", "his", "her", "their", "its"))
VERBISH = frozenset("said says told tells has have had is was were are will would could can may might must should did does do".split())


_EDGE = ".,;:!?\"“”‘’()[]"


def sentence_subject(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The subject noun phrase of the sentence text[lo:hi], as a span, or None when it opens
    with a quote or has no subject this can read: openers ("But", "However,") and a leading
    phrase up to its comma ("Speaking in Leeds, ...") are skipped; the phrase is a capitalized
    run with "the" or a determiner before it, a role between capitalized words ("Celtic
    manager O'Neill"), and lower-case words up to a role, group or organization noun after a
    determiner or an owner ("The former finance officer", "Mr Dale's lawyers")."""
    chunk = text[lo : min(hi, lo + 200)]
    if chunk.lstrip()[:1] in QUOTES:
        return None  # a quote opens it (a fifth of the sentences read): known before the split
    raw = chunk.split(None, 16)[:16]
    if not raw:
        return None
    n, i = len(raw), 0
    words = list(map(str.strip, raw, itertools.repeat(_EDGE, n)))
    while i < n and (not words[i] or words[i].lower() in OPENERS):
        i += 1
    if i < n and (words[i].lower() in LEADS or words[i].endswith("ing") and words[i][:1].isupper()):
        comma = next((j for j in range(i, n) if raw[j].endswith(",")), None)
        if comma is None:
            return None
        i = comma + 1
    if i >= n or not words[i]:
        return None
    j = _phrase_end(raw, words, i)
    if j == i or (j == i + 1 and words[i].lower() in DETERMINERS):
        return None
    at = 0
    for k in range(j):  # the offsets of the phrase's first and last words
        at = chunk.find(raw[k], at)
        if k == i:
            first = at + (len(raw[k]) - len(raw[k].lstrip(_EDGE)))
        if k < j - 1:
            at += len(raw[k])
    last = raw[j - 1]
    end = at + len(last.rstrip(_EDGE)) if last.rstrip(_EDGE) else at + len(last)
    return lo + first, lo + end


# "of"/"for" inside a name after an organization word ("The Bank of England", "Office for
# National Statistics"); not after a person's name ("Chancellor Ann Ray of Britain" is Ann
# Ray) nor a quantifier ("Most of Europe"), nor an office (a name may follow: "Florida's
# Secretary of State Ken Roe" would read as a name "State Ken Roe"), and never "and" ("The US
# and the UK" are two subjects, and the first one leads). What it misses: a name whose word
# before "of" no lexicon holds ("Church of England" stays "Church").
NAME_LINKS = frozenset(("of", "for"))


def _links_name(words: list[str], j: int, stops) -> bool:
    """Does the word at j join two capitalized words of one name?"""
    if not (0 < j < len(words) - 1 and words[j] in NAME_LINKS and words[j + 1][:1].isupper()):
        return False
    before = words[j - 1]
    return before[:1].isupper() and not stops(j - 1) and not stops(j) and T.is_org_word(before) and not T.is_role_word(before)


def _phrase_end(raw: list[str], words: list[str], i: int) -> int:
    """Where the subject phrase starting at word i ends (exclusive)."""
    n = len(raw)

    def stops(k: int) -> bool:  # punctuation after word k ends the phrase
        if raw[k].endswith(".") and k + 1 < n and (T.spelled_title(words[k]) or T.honorific(raw[k])):
            return False  # the period of a title, not of the sentence: "Democratic Rep. Lena Ortiz"
        return raw[k][-1:] in ",;:.!?" and not raw[k].endswith(("'s", "’s"))

    j = i
    determiner = words[i].lower() in DETERMINERS
    if determiner or words[i][:1].isupper():
        if stops(j):
            return j + 1
        j += 1
    while j < n and (words[j][:1].isupper() or _links_name(words, j, stops)):
        j += 1
        if stops(j - 1):
            return j
    # A role between capitalized words: "Celtic manager O'Neill", "England forward Jo Roe".
    k = j
    while k < n and k - j < 3 and words[k][:1].islower() and T.is_role_word(words[k]):
        k += 1
    if j > i and k > j and k < n and words[k][:1].isupper():
        j = k
        while j < n and words[j][:1].isupper():
            j += 1
            if stops(j - 1):
                return j
    # Lower-case words up to a noun that can speak, after a determiner or an owner.
    if determiner or words[j - 1].endswith(("'s", "’s")):
        for k in range(j, min(n, j + 5)):
            word = words[k]
            if not (word[:1].islower() or T.AGE.fullmatch(word)) or word in VERBISH or word.endswith("ed"):
                break
            if word.endswith(("'s", "’s")):
                continue  # an owner: "the prime minister's official spokesman"
            # (a relation is a person too: "Her sister wept. She said ...")
            if T.is_role_word(word) or T.is_group_head(word) or T.is_org_word(word) or T.AGE.fullmatch(word) or T.is_person_noun(word):
                while k + 1 < n and not stops(k) and (T.is_role_word(words[k + 1]) or T.is_group_head(words[k + 1])) and words[k + 1][:1].islower():
                    k += 1  # "official spokesman", "chief executive"
                return k + 1
            if stops(k):
                break
    return j


class Sentences:
    """Where each sentence starts, to ask whether a name is its clause's subject."""

    def __init__(self, text: str, starts: list[int]) -> None:
        self.text = text
        self.starts = starts

    def is_subject(self, start: int, end: int) -> bool:
        """Does the name open its sentence or clause, after nothing but capitalized words and
        a few openers ("But Sir Alan Budd said", "However, Jane Roe"), and is it no owner
        ("Owen's goal")? Names elsewhere are objects and less salient."""
        text = self.text
        if text.startswith(("'s", "’s"), end - 2) or text.startswith(("'s", "’s"), end):
            return False
        at = bisect.bisect_right(self.starts, start) - 1
        lo = max(self.starts[at] if at >= 0 else 0, start - 160)
        pos = start
        while True:
            # Back from the name: the nearest clause break or lower-case word decides.
            found = BREAK_OR_LOWER.search(text, lo, pos)
            if found is None or found.group(1) is None:
                return True
            word = found.group(1)
            if word.lower() not in SUBJECT_LEAD and not T.is_role_word(word):
                return False  # "has linked Owen", "denied by Jack Straw": an object
            pos = found.start()


# The pieces of a spelled-out acronym, read with the standard library's re (its \w and \s):
# a capitalized word is its letter, a lower-case letter and the rest of the word; words are
# joined by spaces, by a function word between spaces, or by "&".
_LOWER_SECOND = re.compile(r"[a-z\u00e0-\u00ff]")
_WORD_REST = re.compile(r"[\w’'-]*")
_SPACES = re.compile(r"\s*")
_LINK_WORD = re.compile(r"(?:of|for|and|the|on|in|de)(?=\s)")
_WORD_OR_AMPERSAND = re.compile(r"[\w&]")


def _spelled_end(text: str, at: int, letters: str) -> int | None:
    """Where the capitalized words from ``at`` whose initials are ``letters`` end, or None.
    Each word but the last runs to its end (a link must follow it); the last ends before no
    word character or "&", giving back a final apostrophe or hyphen if it must."""
    for k, letter in enumerate(letters):
        if not text.startswith(letter, at) or _LOWER_SECOND.match(text, at + 1) is None:
            return None
        end = _WORD_REST.match(text, at + 2).end()
        if k == len(letters) - 1:
            if not text.startswith("&", end):
                return end
            while end > at + 2:  # "Poor'&": give back to an apostrophe or a hyphen
                end -= 1
                if text[end] in "’'-":
                    return end
            return None
        # The letters are capitals, so after the spaces only one link can go on: a function
        # word ("of", "for" ...), "&", or the next word itself.
        spaces = _SPACES.match(text, end).end()
        linked = _LINK_WORD.match(text, spaces) if spaces > end else None
        if linked is not None:
            at = _SPACES.match(text, linked.end()).end()
        elif text.startswith("&", spaces):
            at = _SPACES.match(text, spaces + 1).end()
        elif spaces > end:
            at = spaces
        else:
            return None
    return None


def expand_acronym(text: str, letters: str) -> tuple[int, int] | None:
    """Where the article spells out an acronym: "ONS" -> "Office for National Statistics",
    "S&P" -> "Standard & Poor's" (the first such run of capitalized words, not inside a word
    or right after "&"). Read from each place the first letter stands, without a pattern
    compiled per acronym."""
    if not 2 <= len(letters) <= 6:
        return None
    at = text.find(letters[0])
    while at >= 0:
        if at == 0 or _WORD_OR_AMPERSAND.match(text, at - 1) is None:
            end = _spelled_end(text, at, letters)
            if end is not None:
                return at, end
        at = text.find(letters[0], at + 1)
    return None


_WORD_BEFORE = regex.compile(r"(?r)([\p{L}-]+)\s+$")
_AFTER_OWNER = frozenset("chief chairman chairwoman boss shares profits sales board founder owner customers staff workers".split())


def is_company_named(text: str, name: str) -> bool:
    """Does the article say a single-word name is a company or team: "mobile firm Telcona",
    "Telcona's chief executive"? A name alone could be anyone; this is what the text says.
    Each occurrence of the name costs a look at the word before and the words after it."""
    nouns = word_set("company_nouns.txt")
    at = text.find(name)
    seen = 0
    while at >= 0 and seen < 50:
        seen += 1
        end = at + len(name)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum() or text[end] in "'’"):
            before = _WORD_BEFORE.search(text, max(0, at - 30), at)
            if before is not None and before.group(1).lower() in nouns:
                return True
            after = text[end : end + 20].split()
            if after and after[0] in ("'s", "’s") or text.startswith(("'s ", "’s "), end):
                following = text[end + 3 : end + 20].split()
                if following and following[0].lower() in _AFTER_OWNER:
                    return True
        at = text.find(name, end)
    return False


@functools.lru_cache(maxsize=1)
def _medium_after() -> regex.Pattern:
    media = "|".join(sorted((regex.escape(w) for w in T.medium_words()), key=len, reverse=True))
    # "Norwich's" + " website", "the club's" + " official website": the medium the owner's
    # name leaves out; after "told", also the whole phrase ("told his club's website").
    return regex.compile(rf"(?:\s+[\p{{Ll}}-]+){{0,2}}?\s+(?:{media})\b")


_TOLD_OWNER = regex.compile(r"\s+((?:(?:the|his|her|their|its)\s+)?[\p{L}-]+(?:’s|'s))")


# A weekday or a month: a capitalized word that is a date, no name (prose.py reads it too).
WHEN = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December"
# "Radio Four's the World" + " at One": a programme's name goes on over a small word.
_TITLE_GOES_ON = regex.compile(rf"(?:\s+(?:at|on|in|of|and)\s+(?:the\s+)?(?!(?:{WHEN})\b)\p{{Lu}}[\w’'-]*(?:\s+\p{{Lu}}[\w’'-]*)*)+")


def mend_via(text: str, start: int, end: int) -> tuple[int, int]:
    """A conduit cut before the medium its owner names ("Norwich's" -> "Norwich's website")
    or inside a programme's title ("Radio Four's the World" -> "... the World at One")."""
    if T.is_outlet_name(text[start:end].split(), False):
        more = _TITLE_GOES_ON.match(text, end, min(len(text), end + 60))
        if more is not None:
            return start, more.end()
    if text.startswith(("'s", "’s"), end - 2):
        more = _medium_after().match(text, end, min(len(text), end + 40))
        if more is not None:
            return start, more.end()
    return start, end


def conduit_after(text: str, cue_end: int) -> tuple[int, int] | None:
    """After "told", an owner's medium that detection left out: "told the club's website",
    "told his club's official website"."""
    owner = _TOLD_OWNER.match(text, cue_end, min(len(text), cue_end + 60))
    if owner is None:
        return None
    more = _medium_after().match(text, owner.end(), min(len(text), owner.end() + 40))
    return (owner.start(1), more.end()) if more is not None else None


# A capitalized word of a name; a period only inside initials ("U.S."), never a sentence's.
NAME_WORD = r"\p{Lu}[\w&’'-]*(?:\.\p{Lu}\.?)*"
# "The SNP's Nicola Sturgeon": the owner before a name is its affiliation.
_OWNER_BEFORE = regex.compile(rf"(?r)({NAME_WORD}(?:\s+{NAME_WORD}){{0,4}})(?:'s|’s)\s+$")
# ", the EEF," / ", Harbour Watch," after an unnamed mention: the name it goes by.
_NAME_APPOSITION = regex.compile(rf",\s+(?:the\s+)?({NAME_WORD}(?:\s+(?:of|for|and|&)?\s*{NAME_WORD}){{0,5}})\s*,")
# "a report earlier this week from the British Retail Consortium", "a report published on
# Friday by the Labor Department", "The report, published by the Resolution Foundation,": a
# document's author, after up to four small words (a day or a month among them) and maybe a comma.
# (a second name with its own "The" is a second author: "reported by CNN and The New York
# Times" is CNN's, the first named)
_AUTHOR = regex.compile(rf",?(?:\s+(?:[\p{{Ll}}\d-]+|{WHEN})){{0,4}}?\s+(?:from|by)\s+(?:the\s+)?({NAME_WORD}(?:\s+(?:of|for|and(?!\s+The\b)|&)?\s*(?!The\b){NAME_WORD}){{0,5}})")
# "LSEG data", "the Harbour Institute's figures": the name a document's words come from, before them.
_AUTHOR_BEFORE = regex.compile(rf"(?:(?i:the|a|an)\s+)?(?!(?i:the|a|an|this|that|these|those|its|their)\s)({NAME_WORD}(?:\s+(?:of|for|and|&)?\s*{NAME_WORD}){{0,5}}?)(?:'s|’s)?\s+[\p{{Ll}}-]+$")
# Words after which a noun phrase is an object or a hearer, not the subject of a speech verb.
_NOT_A_SUBJECT_AFTER = regex.compile(r"(?r)\b(?:told|tells|telling|from)\s+(?:the\s+)?$", regex.IGNORECASE)


def owner_before(text: str, start: int) -> str | None:
    """The capitalized owner right before a name ("The SNP's Nicola Sturgeon" -> "SNP")."""
    lo = max(0, start - 60)
    if not text[lo:start].rstrip().endswith(("'s", "’s")):
        return None  # no possessive right before (the pattern's cheap necessary condition)
    found = _OWNER_BEFORE.search(text, lo, start)
    if found is None:
        return None
    owner = found.group(1)
    return owner[4:] if owner.startswith("The ") else owner


# "Republican state Sen." + a name: a party word, up to two lower-case words, and a title.
_PARTY_BEFORE = regex.compile(r"(?r)(?<![\w-])(\p{Lu}\p{L}+)\s+((?:[\p{Ll}-]+\s+){0,2})(\p{Lu}\p{L}*\.?\s+)?$")


def party_before(text: str, start: int, titled: bool = False) -> str | None:
    """The party a word before a name and its role gives, when the name was read without
    them ("Republican state Sen. Brian Jones", "Tory backbench MP Jane Roe"). The words must
    end in a role, or the name be ``titled`` with one ("Republican state" + "Sen. Brian
    Jones"): "Republican lawmakers and Jane Roe" gives none."""
    word = _WORD_BEFORE.search(text, max(0, start - 30), start)
    member = T.party_member(word.group(1)) if word is not None and word.group(1)[:1].isupper() else None
    if member is not None:
        return member.name  # right before the name, a member noun: "Democrat Tom Hale"
    found = _PARTY_BEFORE.search(text, max(0, start - 50), start)
    if found is None:
        return None
    between = found.group(2).split()
    if any(w in T.FUNCTION_WORDS or w in ("or", "with", "to", "by") for w in between):
        return None  # "Republican voters and Sen. Jo Roe": the party is the voters'
    if not between and found.group(3) is None:
        return None  # a party's name right before a name: "Tories Jo Roe and ..."
    role = found.group(3) or between[-1]
    if not (T.is_role_word(role.strip()) or titled and found.group(3) is None and between):
        return None
    party = T.party(found.group(1))
    return party.name if party is not None else None


def name_after(text: str, end: int) -> tuple[int, int] | None:
    """The name an unnamed mention goes by, in an apposition: "Manufacturers' organisation,
    the EEF, said" -> "EEF"."""
    if text[end : end + 1] != ",":
        return None
    found = _NAME_APPOSITION.match(text, end, min(len(text), end + 90))
    return _no_final_period(text, found.span(1)) if found else None


def author_after(text: str, end: int) -> tuple[int, int] | None:
    """Who wrote a document: "a report earlier this week from the British Retail Consortium"."""
    found = _AUTHOR.match(text, end, min(len(text), end + 120))
    return _no_final_period(text, found.span(1)) if found else None


def author_before(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Who a document's words come from, named before it in the mention: "LSEG data",
    "Labor Department statistics", "the Harbour Institute's figures" -> the name. (A capital
    that only opens the sentence, "Official data", is no name: the caller checks the name.)"""
    found = _AUTHOR_BEFORE.fullmatch(text, start, end)
    if found is None:
        return None
    first, last = found.span(1)
    return (first, last - 2) if text.endswith(("'s", "’s"), first, last) else (first, last)


def _no_final_period(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while end > start and text[end - 1] == "." and not (end - start >= 2 and text[end - 2 : end - 1].isupper() and end - start <= 4):
        end -= 1
    return start, end


def object_position(text: str, start: int) -> bool:
    """Does a mention stand after "told" or "from" ("damages from the Daily Telegraph said")?
    Then it is a hearer or a source of something, that a loose boundary took for a subject."""
    lo = max(0, start - 14)
    before = text[lo:start].lower()
    # The pattern's words, in any case, lower-case to "tell", "told" or "from": a cheap test first.
    if "tell" not in before and "told" not in before and "from" not in before:
        return False
    return _NOT_A_SUBJECT_AFTER.search(text, lo, start) is not None
