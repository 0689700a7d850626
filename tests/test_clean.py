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
    assert len(art.removed) == len(captions)


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
