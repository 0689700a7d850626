"""Cleaning, by example: headlines, bylines, captions, credits, datelines, wraps, titles."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.ingest.clean import clean_text, derive_title
from briefing.ingest.load import read_article

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_000 = next(SEEDS.glob("000_*.txt"), None)
SEED_002 = next(SEEDS.glob("002_*.txt"), None)


from sample_text import BODY, LEAD, write  # noqa: E402


# ----------------------------------------------------------------------------- cleaning


def test_seed_headline_repeated_is_the_title_once_and_hard_wrap_is_joined():
    art = read_article(SEED_002)
    assert art.title == "Allies Fine-Tune NK Proposal in Tokyo"
    assert not art.title_derived
    assert all("Allies Fine-Tune" not in p for p in art.paragraphs)
    assert art.removed.count("Allies Fine-Tune NK Proposal in Tokyo") == 1
    assert art.paragraphs[-1] == (
        "The possibility of an international inspection regime where the participants of the "
        "six-way talks, which also include China and Russia, all dispatch inspectors to North "
        "Korea has also been discussed."
    )


def test_seed_caption_byline_and_email_footer():
    art = read_article(SEED_000)
    body = art.text
    assert art.byline == "Shin Hyon-hee"
    assert art.source == "heraldcorp.com"  # the mail's domain: newspapers are named by what they say
    assert "heeshin@heraldcorp.com" not in body
    assert "(Yonhap News)" not in body
    assert "answers questions from reporters" not in body
    assert "Shin Hyon-hee" not in body
    assert any("answers questions" in r for r in art.removed)


def test_derived_title_for_seed_without_headline_is_short_and_whole_words():
    art = read_article(SEED_000)
    assert art.title_derived
    words = art.title.split()
    assert 4 <= len(words) <= 12
    assert "on Friday" not in art.title
    assert art.title.lower().startswith(("senior u.s. official", "u.s. official"))
    assert "North Korea" in art.title
    lead_words = set(art.paragraphs[0].replace("called", "calls").lower().split())
    assert all(w.lower() in lead_words for w in words)  # never cut mid-word
    assert art.title[0].isupper() and not art.title.endswith((",", "."))


def test_derived_title_cuts_at_a_clause_boundary():
    title = derive_title([
        "Japan's prime minister on Monday announced a package of economic measures worth $50 "
        "billion, which he said would help small businesses hit by rising energy prices."
    ])
    assert title == "Japan's Prime Minister Announces a Package of Economic Measures Worth $50 Billion"


def test_headline_glued_after_email_footer_is_not_body_text():
    text = SEED_000.read_text(encoding="utf-8") + SEED_002.read_text(encoding="utf-8")
    assert "heraldcorp.com)Allies Fine-Tune" in text
    art = clean_text(text, "glued.txt")
    assert art.byline == "Shin Hyon-hee"
    assert all("Allies Fine-Tune" not in p for p in art.paragraphs)
    assert all("@" not in p for p in art.paragraphs)


def test_byline_forms_give_name_only_and_source():
    cases = {
        "By Jack Kim, Reuters": ("Jack Kim", "Reuters"),
        "By Shin Hyon-hee (heeshin@heraldcorp.com)": ("Shin Hyon-hee", "heraldcorp.com"),
        "By Ama Mensah (a.mensah@reuters.com)": ("Ama Mensah", "Reuters"),  # an agency's own domain
        "By Jo Lind (jo.lind@gmail.com)": ("Jo Lind", None),  # webmail says nothing of the outlet
        "Lee Ji-hye | Staff writer": ("Lee Ji-hye", None),
        "By MATTHEW PENNINGTON, Associated Press": ("Matthew Pennington", "The Associated Press"),
        "By Anna Fifield (anna.fifield@washpost.com)": ("Anna Fifield", "washpost.com"),
    }
    for line, (name, source) in cases.items():
        art = clean_text(f"Trade Talks Resume\n{line}\n{LEAD}\n{BODY}\n")
        assert (art.byline, art.source) == (name, source), line
        assert art.paragraphs == [LEAD, BODY], line


def test_byline_split_across_lines_before_the_email():
    art = clean_text(f"{LEAD}\n{BODY}\nBy Kim Tong-hyung (\nthkim@koreatimes.co.kr)\n")
    assert art.byline == "Kim Tong-hyung"
    assert art.source == "koreatimes.co.kr"
    assert art.paragraphs == [LEAD, BODY]


def test_photo_captions_and_credits_are_removed():
    captions = [
        "President Moon Jae-in speaks during a cabinet meeting in Seoul on Monday. (Yonhap)",
        "Protesters hold signs outside the embassy in Tokyo. (AP Photo/Eugene Hoshiko)",
        "Photo: Reuters",
        "Getty Images",
    ]
    art = clean_text("Trade Talks Resume\n" + LEAD + "\n" + "\n".join(captions) + "\n" + BODY)
    assert art.paragraphs == [LEAD, BODY]
    assert all(any(c in r for r in art.removed) for c in captions)  # each kept for the record


def test_agency_dateline_is_stripped_and_date_kept():
    art = clean_text(f"Talks Resume\nSEOUL, Sept. 3, 2013 (Yonhap) -- {LEAD}\n{BODY}")
    assert art.paragraphs[0] == LEAD
    assert art.date == "2013-09-03"
    assert art.source == "Yonhap News Agency"
    art = clean_text(f"Talks Resume\nSEOUL (Reuters) - {LEAD}\n{BODY}")
    assert art.paragraphs[0] == LEAD and art.source == "Reuters"


@pytest.mark.parametrize("stamp", ["8 / 2 / 13 at 1:30 PM", "Posted 11/27/2005 7:21 AM", "Updated 4 / 9 / 2007 6:04 PM"])
def test_a_numeric_date_line_is_no_headline_and_no_paragraph(stamp):
    art = clean_text(f"{stamp}\nTrade Talks Resume\n{LEAD}\n{stamp}\n{BODY}")
    assert art.title == "Trade Talks Resume"
    assert art.paragraphs == [LEAD, BODY]


def test_exact_duplicate_lines_and_boilerplate_are_removed():
    art = clean_text(f"Trade Talks Resume\n{LEAD}\nAdvertisement\n{BODY}\n{LEAD}\n")
    assert art.paragraphs == [LEAD, BODY]
    assert "Advertisement" in art.removed


def test_hard_wrapped_paragraphs_join_but_blank_lines_separate():
    wrapped = (
        "Trade Talks Resume\n\n"
        "The foreign ministers of South Korea and Japan agreed\n"
        "on Tuesday to resume regular talks on trade, officials\n"
        "said.\n\n"
        "The two sides will meet again in Tokyo next month to\n"
        "review progress on the plan.\n"
    )
    art = clean_text(wrapped)
    assert art.title == "Trade Talks Resume"
    assert art.paragraphs == [LEAD, BODY]


def test_html_page_saved_as_txt_becomes_text(tmp_path):
    page = (
        "<!DOCTYPE html><html><head><title>Trade Talks Resume | Example News</title>"
        "<style>p { color: red }</style><script>var x = '<p>not text</p>';</script></head>"
        f"<body><nav>Home | World</nav><h1>Trade Talks Resume</h1><p>{LEAD}</p>"
        f"<p>{BODY.replace('Tokyo', '<b>Tokyo</b>')}</p></body></html>"
    )
    art = read_article(write(tmp_path, "page.txt", page))
    assert art.title == "Trade Talks Resume"
    assert art.paragraphs == [LEAD, BODY]


def test_markup_inside_ordinary_prose_stays_text():
    line = "Critics said the site's <script> tags and <b>bold</b> banners were the problem."
    art = clean_text(f"Web Rules Change\n{LEAD}\n{line}\n")
    assert art.paragraphs == [LEAD, line]


def test_a_long_lead_without_a_full_stop_is_body_not_headline():
    lead = "People who have never been divorced can expect a retirement income far higher than a colleague"
    article = clean_text(lead + "\nThe study looked at 10,000 pension records across the country.\n")
    assert article.title_derived
    assert article.paragraphs[0] == lead


def test_an_agency_credit_opens_the_lead_not_a_headline():
    article = clean_text('(CNN)"A long time ago" is how the song starts\nIt was released in 1971.\n')
    assert article.title_derived
    assert "A long time ago" in article.text


def test_a_short_line_before_the_dateline_is_the_headline_even_with_a_full_stop():
    art = clean_text("Three towns vote first.\n\nDIXVILLE NOTCH, N.H. (AP) — Voters in three towns cast the "
                     "first ballots at midnight, officials said.\n\nThe count took five minutes.")
    assert art.title == "Three towns vote first."
    assert art.paragraphs[0].startswith("Voters in three towns")


def test_a_headline_glued_after_an_agency_credit_is_split_off_but_not_after_any_bracket():
    glued = clean_text(f"{LEAD}\n{BODY} (Reuters)Ports Reopen After Storm\n")
    assert "Ports Reopen After Storm" not in glued.text
    assert glued.source == "Reuters"
    kept = clean_text(f"{LEAD}\n{BODY} (Note)Ports Reopen After Storm\n")
    assert "Ports Reopen After Storm" in kept.text


def test_a_caption_ending_in_a_picture_credit_is_removed():
    art = clean_text(f"{LEAD}\nRescuers walk through the flooded square on Sunday. - Getty Images\n{BODY}\n")
    assert art.paragraphs == [LEAD, BODY]
    assert any("Getty Images" in r for r in art.removed)


# ----------------------------------------------------------------------------- what a body keeps
# An invented local story (our own words): a town council closes two swimming pools.

POOLS_LEAD = ("The town council of Harwick voted on Thursday to close two of its four public swimming pools "
              "next summer, officials said.")
POOLS_BODY = "The pools need repairs that the council says it cannot afford this year."


def pools(*middle: str) -> str:
    """The story with `middle` lines between its lead and its second paragraph."""
    return "\n".join(["Harwick to Close Two Pools", POOLS_LEAD, *middle, POOLS_BODY]) + "\n"


def test_a_photo_caption_with_its_credit_is_not_body_text():
    caption = "Swimmers queue outside the Elm Street pool in Harwick on Wednesday. (Photo: Dana Webb/Harwick Gazette)"
    art = clean_text(pools(caption))
    assert art.paragraphs == [POOLS_LEAD, POOLS_BODY]
    assert caption in art.removed  # kept for the record, not printed


@pytest.mark.parametrize("credit", ["Photo: Dana Webb", "Dana Webb/Getty Images", "(Photo: Harwick Gazette)"])
def test_a_photo_credit_alone_on_its_line_is_dropped(credit):
    art = clean_text(pools(credit))
    assert art.paragraphs == [POOLS_LEAD, POOLS_BODY]
    assert all("Dana Webb" not in p and "Gazette" not in p for p in art.paragraphs)


def test_a_byline_and_a_dateline_are_taken_out_of_the_body_and_kept_as_facts():
    art = clean_text(f"Harwick to Close Two Pools\nBy Tessa Moran\nHARWICK, March 4, 2026 — {POOLS_LEAD}\n"
                     f"{POOLS_BODY}\n")
    assert art.byline == "Tessa Moran" and art.date == "2026-03-04"
    assert art.paragraphs == [POOLS_LEAD, POOLS_BODY]
    assert not any("Tessa Moran" in p or "HARWICK" in p for p in art.paragraphs)


@pytest.mark.parametrize("furniture", [
    "Subscribe to our newsletter",
    "Subscribe to our daily newsletter.",
    "Sign up for our morning newsletter to get the news in your inbox.",
    "Advertisement",
    "Share this article",
])
def test_page_furniture_between_paragraphs_is_dropped(furniture):
    art = clean_text(pools(furniture))
    assert art.paragraphs == [POOLS_LEAD, POOLS_BODY]


def test_a_sentence_about_a_newsletter_is_news_not_furniture():
    line = "The council will subscribe to a state newsletter that lists grants for public buildings."
    art = clean_text(pools(line))
    assert art.paragraphs == [POOLS_LEAD, line, POOLS_BODY]


def test_an_agency_credit_after_the_dateline_names_the_source_and_leaves_the_lead():
    art = clean_text(f"Harwick to Close Two Pools\nHARWICK (Reuters) - {POOLS_LEAD}\n{POOLS_BODY}\n")
    assert art.source == "Reuters"
    assert art.paragraphs[0] == POOLS_LEAD
    assert "(Reuters)" not in art.text


def test_an_agency_credit_closing_the_last_paragraph_names_the_source():
    art = clean_text(f"Harwick to Close Two Pools\n{POOLS_LEAD}\n{POOLS_BODY} (Reuters)\n")
    assert art.source == "Reuters"
    assert art.paragraphs == [POOLS_LEAD, POOLS_BODY]


def test_an_agency_credit_opening_the_lead_without_a_place_is_taken_off():
    art = clean_text(f"Harwick to Close Two Pools\n(Reuters) - {POOLS_LEAD}\n{POOLS_BODY}\n")
    assert art.paragraphs[0] == POOLS_LEAD and art.source == "Reuters"


@pytest.mark.parametrize("quote", [
    "“We built these pools for our children, and now they are taking them away,” said Nora Blake, who swims "
    "at the Elm Street pool every morning.",
    '"It is not a choice we wanted to make," Mayor Alan Price told reporters. "The money simply is not there."',
    "“Close them,” one resident said. “Then what?”",
])
def test_a_quote_is_kept_word_for_word_with_its_marks(quote):
    art = clean_text(pools(quote))
    assert art.paragraphs == [POOLS_LEAD, quote, POOLS_BODY]
@pytest.mark.parametrize(("dateline", "agency"), [
    ("LAGOS (Reuters) -", "Reuters"),
    ("WARSAW, March 3, 2014 (PAP) --", "PAP"),
    ("JAKARTA (Antara) -", "Antara"),
    ("LISBON (Lusa) -", "Lusa"),
])
def test_a_dateline_credit_names_any_listed_agency(dateline, agency):
    art = clean_text(f"Talks Resume\n{dateline} {LEAD}\n{BODY}")
    assert art.paragraphs[0] == LEAD
    assert art.source == agency


def test_an_agencys_own_domain_names_the_agency():
    from briefing.ingest.clean import source_from_domain

    assert source_from_domain("pap.pl") == "PAP"
    assert source_from_domain("mail.antaranews.com") == "Antara"
    assert source_from_domain("example-daily.ng") == "example-daily.ng"  # a newspaper: its domain
