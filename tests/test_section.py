"""Sections and opinion from every signal an article carries (briefing/ingest/section.py)."""

from __future__ import annotations

from briefing.ingest.clean import clean_text
from briefing.ingest.feeds import parse_feed
from briefing.ingest.load import read_article
from briefing.ingest.section import SECTIONS, classify, describe, text_scores
from briefing.ingest.webpage import extract_page, page_meta
from briefing.model import Article
from briefing.vocabulary.topics import is_press_release, topic_concepts

MATCH = [
    "Harbour City beat Northvale 3-1 in the league on Saturday, with two goals from their striker in the second half.",
    "The home side's coach praised the players after the team climbed to second in the standings.",
    "Northvale's goalkeeper was sent off before the interval, and the referee awarded a penalty.",
]
BUDGET = [
    "The finance minister presented the government's budget to parliament on Tuesday, raising taxes on fuel.",
    "Opposition lawmakers said the plan would hurt families, and the governing party defended the spending.",
    "The vote in the legislature is expected next week, after a debate on the public finances.",
]
ESSAY = [
    "We should stop pretending that the harbour plan is anything but a gift to developers.",
    "I have watched this council make the same mistake three times, and each time the city paid for it.",
    "It is time the mayor admitted that the numbers never added up.",
]


def article(paragraphs, title="A headline", url=None, **kw) -> Article:
    return Article(path="x.txt", title=title, paragraphs=list(paragraphs), url=url, **kw)


def test_every_section_has_vocabulary_from_the_iptc_media_topics():
    found = {section for section, _, _ in topic_concepts()}
    assert found >= set(SECTIONS) - {"commerce"}  # commerce is a genre, read from its own language
    assert all(label and definition for _, label, definition in topic_concepts())


def test_a_plain_text_match_report_is_sport_and_a_budget_story_politics():
    assert classify(article(MATCH, "Harbour City win at Northvale")).section == "sport"
    assert classify(article(BUDGET, "Minister presents budget")).section == "politics"
    scores = text_scores("Harbour City win at Northvale", " ".join(MATCH))
    assert max(scores, key=scores.get) == "sport"


def test_a_txt_file_with_sport_text_is_classified_from_its_text(tmp_path):
    path = tmp_path / "match.txt"
    path.write_text("Harbour City win at Northvale\n\n" + "\n\n".join(MATCH) + "\n", encoding="utf-8")
    assert describe(read_article(path)).section == "sport"


def test_the_url_path_names_the_section_and_the_opinion_page():
    sport = article(BUDGET[:1], url="https://news.example.org/sport/football/2024/05/01/cup-final")
    assert classify(sport).section in ("sport", "politics")  # the text says budget, the path sport
    assert classify(article(MATCH, url="https://news.example.org/sport/2024/cup-final")).section == "sport"
    assert classify(article(ESSAY, url="https://news.example.org/opinion/2024/05/01/harbour")).opinion
    assert not classify(article(ESSAY, url="https://news.example.org/news/2024/05/01/harbour")).opinion


def test_a_deals_page_is_commerce():
    deals = ["The best deals of the day: the cordless drill is 40% off, and the promo code adds free shipping.",
             "We may earn a commission when you buy through links on our site.",
             "Black Friday prices end at midnight, so add to cart now."]
    assert classify(article(deals, url="https://shop.example.org/deals/drill")).section == "commerce"


def test_a_press_release_is_commerce_by_its_furniture():
    release = ["Brightwell Systems today announced a partnership with Orrin Medical for hospital monitors.",
               "Brightwell Systems is a leading provider of clinical software.",
               "The company is headquartered in Lyon and employs 900 people.",
               "For more information, contact press@brightwell.example."]
    assert is_press_release("\n".join(release))
    assert classify(article(release)).section == "commerce"
    assert not is_press_release("\n".join(BUDGET))


def test_the_byline_and_a_genre_label_in_the_headline_mark_opinion():
    assert classify(article(ESSAY, byline="Dana Reyes, columnist")).opinion
    assert classify(article(ESSAY, title="Opinion: The harbour plan is a gift to developers")).opinion
    assert not classify(article(BUDGET, byline="Dana Reyes")).opinion


JSON_LD_OPINION = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>The harbour plan is a gift to developers</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "OpinionNewsArticle", "headline": "The harbour plan is a gift to developers",
  "articleSection": "Comment", "keywords": ["harbour", "council"]},
 {"@type": "Organization", "name": "Valdria Courier"}]}</script>
<meta property="og:type" content="article">
</head><body><article><h1>The harbour plan is a gift to developers</h1>
""" + "\n".join(f"<p>{p}</p>" for p in ESSAY * 2) + "</article></body></html>"


def test_a_json_ld_opinion_news_article_is_opinion():
    meta = page_meta(JSON_LD_OPINION)
    assert "OpinionNewsArticle" in meta["types"] and "Comment" in meta["sections"]
    page = extract_page(JSON_LD_OPINION, "essay.html", url="https://courier.example.org/2024/05/01/harbour")
    assert page.meta["types"][0] == "OpinionNewsArticle"
    assert classify(page).opinion


def test_a_review_is_not_opinion_even_on_an_opinion_labelled_page():
    review = JSON_LD_OPINION.replace("OpinionNewsArticle", "ReviewNewsArticle")
    assert not classify(extract_page(review, "review.html")).opinion


def test_article_section_metadata_counts_with_the_text():
    html = JSON_LD_OPINION.replace("OpinionNewsArticle", "NewsArticle").replace('"Comment"', '"Sport"')
    html = html.replace("\n".join(f"<p>{p}</p>" for p in ESSAY * 2), "\n".join(f"<p>{p}</p>" for p in MATCH * 2))
    found = classify(extract_page(html, "match.html"))
    assert found.section == "sport" and not found.opinion


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Valdria Courier</title>
<link>https://courier.example.org/</link>
<item><title>Harbour City win at Northvale</title><link>https://courier.example.org/2024/05/01/win</link>
<category>Sport</category><category>Football</category>
<description>Harbour City beat Northvale.</description></item></channel></rss>"""


def test_a_feed_entrys_categories_are_kept_and_vote_for_the_section():
    entry = parse_feed(RSS.encode(), "feed.xml").entries[0]
    assert entry.categories == ["Sport", "Football"]
    a = article(["The club said the new stand would open in August, weeks before the season starts."],
                meta={"categories": entry.categories})
    assert classify(a).section == "sport"


def test_describe_keeps_a_section_already_known():
    a = article(MATCH, section="politics")
    assert describe(a).section == "politics"


def test_a_text_with_no_topic_words_is_other():
    assert classify(clean_text("Lorem ipsum dolor.", "x.txt")).section == "other"
