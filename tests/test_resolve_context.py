"""What the words around a mention add (quotes/resolve/context.py), construction by
construction. Every sentence here is invented; positives and negatives side by side."""
import pytest

from quotes.resolve.context import apposition, author_after, author_before, mend, name_after, object_position, owner_before, sentence_subject


def span_of(text, part):
    at = text.index(part)
    return at, at + len(part)


@pytest.mark.parametrize(
    "text, mention, mended",
    [
        # A name cut at an ampersand is made whole, on either side ...
        ("Standard & Poor's has upgraded the bonds.", "Poor's", "Standard & Poor's"),
        ("Marsh & Co said the deal was off.", "Marsh", "Marsh & Co"),
        # ... with a role and a name after it.
        ("“Risks remain,” wrote S&P credit analyst Jo Lee.", "S", "S&P credit analyst Jo Lee"),
        # Negatives: no ampersand, nothing to mend.
        ("Jo Lee said the risks remain.", "Jo Lee", "Jo Lee"),
        ("Marsh said the deal was off & so did Hale.", "Marsh", "Marsh"),
    ],
)
def test_mend(text, mention, mended):
    start, end = mend(text, *span_of(text, mention))
    assert text[start:end] == mended


@pytest.mark.parametrize(
    "sentence, subject",
    [
        ("Johnson was involved in a row.", "Johnson"),
        ("But Sir Peter Lane said no.", "Sir Peter Lane"),
        ("Speaking in Leeds on Monday, Johnson also argued the case.", "Johnson"),
        ("The Harbour Party wants a new tax.", "The Harbour Party"),
        ("The former finance officer told the court.", "The former finance officer"),
        ("Later, the mayor's chief adviser urged calm.", "the mayor's chief adviser"),
        ("Rovers manager Dale is no fan of long balls.", "Rovers manager Dale"),
        ("The 25-year-old joined in May.", "The 25-year-old"),
        ("Mr Dale's lawyers said he was innocent.", "Mr Dale's lawyers"),
        ("Mr Davies, 60, was robbed.", "Mr Davies"),
        # Negatives: a quote opens the sentence, or no subject this can read.
        ("“We will win,” he said.", None),
        ("In May the plan failed.", None),
    ],
)
def test_sentence_subject(sentence, subject):
    found = sentence_subject(sentence, 0, len(sentence))
    assert (sentence[found[0] : found[1]] if found else None) == subject


@pytest.mark.parametrize(
    "text, name, role, age",
    [
        ("Jane Roe, a spokeswoman for the ministry, said it was over.", "Jane Roe", "spokeswoman for the ministry", None),
        ("Jane Roe, 52, said it was over.", "Jane Roe", None, 52),
        ("Ida Penn, Harbour Bank's chief economist, said rates would rise.", "Ida Penn", "Harbour Bank's chief economist", None),
        # Negative: no role word in the aside.
        ("Jane Roe, in Leeds, said it was over.", "Jane Roe", None, None),
    ],
)
def test_apposition(text, name, role, age):
    assert apposition(text, span_of(text, name)[1]) == (role, age)


@pytest.mark.parametrize(
    "text, mention, named",
    [
        ("The organisation, the EEF, said exports fell.", "The organisation", "EEF"),
        ("The body, Harbour Watch, said it would appeal.", "The body", "Harbour Watch"),
        # Negative: a role, not a name.
        ("The body, a charity, said it would appeal.", "The body", None),
    ],
)
def test_name_after(text, mention, named):
    found = name_after(text, span_of(text, mention)[1])
    assert (text[found[0] : found[1]] if found else None) == named


@pytest.mark.parametrize(
    "text, mention, author",
    [
        ("Sales fell, according to a report this week from the Harbour Retail Group. It said more.", "a report", "Harbour Retail Group"),
        ("Sales fell, according to a survey by Ipsum Research.", "a survey", "Ipsum Research"),
        # "published/released/issued by", with a day or a month among the words before "by".
        ("Jobs fell, according to a report published on Friday by the Labour Office.", "a report", "Labour Office"),
        ("Rents rose, according to data released in March by Harbour Lettings.", "data", "Harbour Lettings"),
        # An aside after a comma: "The report, published by X, said".
        ("The report, published by the Harbour Trust, said rents rose.", "The report", "Harbour Trust"),
        ("The survey, which was carried out by Ipsum Research, found that.", "The survey", "Ipsum Research"),
        # Negative: no author named.
        ("Sales fell, according to a report this week.", "a report", None),
        # Negatives: an aside with "by" and no name, and a name too far after the document.
        ("The report, by contrast, said rents rose.", "The report", None),
        ("The report said that the costs, borne in the end by Harbour Bank, doubled.", "The report", None),
    ],
)
def test_author_after(text, mention, author):
    found = author_after(text, span_of(text, mention)[1])
    assert (text[found[0] : found[1]] if found else None) == author


@pytest.mark.parametrize(
    "text, mention, author",
    [
        # Data, figures or statistics from a named body are that body's words.
        ("Sterling fell 1%, according to Harbour Exchange data.", "Harbour Exchange data", "Harbour Exchange"),
        ("Sales fell, according to ONS figures.", "ONS figures", "ONS"),
        ("Labour Office statistics showed a rise.", "Labour Office statistics", "Labour Office"),
        ("Sales fell, according to the Harbour Institute's figures.", "the Harbour Institute's figures", "Harbour Institute"),
        # Negatives: no capitalized name before the words (the caller also rejects a sentence's
        # first capital, "Official data", that names nobody) ...
        ("Sales fell, according to official figures.", "official figures", None),
        # ... and a document alone.
        ("The report said rents rose.", "The report", None),
    ],
)
def test_author_before(text, mention, author):
    found = author_before(text, *span_of(text, mention))
    assert (text[found[0] : found[1]] if found else None) == author


@pytest.mark.parametrize(
    "text, name, owner",
    [
        ("The SNP's Ann Lee has demanded answers.", "Ann Lee", "SNP"),
        ("Harbour Bank's Ida Penn said rates would rise.", "Ida Penn", "Harbour Bank"),
        # Negative: no owner before the name.
        ("Later Ann Lee demanded answers.", "Ann Lee", None),
    ],
)
def test_owner_before(text, name, owner):
    assert owner_before(text, span_of(text, name)[0]) == owner


@pytest.mark.parametrize(
    "text, mention, result",
    [
        ("He told the BBC he would stay.", "the BBC", True),
        ("He won damages from the Daily Gazette said he would stay.", "the Daily Gazette", True),
        # Negatives: a mention that opens its clause.
        ("Jane Roe said she would stay.", "Jane Roe", False),
        ("On Monday the Daily Gazette said he would stay.", "the Daily Gazette", False),
    ],
)
def test_object_position(text, mention, result):
    assert object_position(text, span_of(text, mention)[0]) is result
