"""One outlet resolver for the story records and the page (`briefing.outlets`)."""

from briefing.model import AnalyzedArticle, Article
from briefing.outlets import agency_of, outlet, site_of


def article(source=None, url=None) -> AnalyzedArticle:
    art = Article(path="/in/a.txt", title="Harbour reopens", paragraphs=["The harbour reopened."],
                  source=source, url=url)
    return AnalyzedArticle(article=art, sentences=["The harbour reopened."], spans=[(0, 21)], summary=[0])


def test_an_outlet_is_the_source_the_article_gives():
    assert outlet(article(source="  Valley Gazette ", url="https://www.valleygazette.example/x")) == "Valley Gazette"


def test_without_a_source_the_outlet_is_the_site_without_www():
    assert outlet(article(url="https://www.capitalnews.example/news/1")) == "capitalnews.example"
    assert outlet(article(source="   ", url="http://capitalnews.example:8080/x")) == "capitalnews.example"


def test_a_news_agency_site_is_named_as_readers_know_the_agency():
    assert outlet(article(url="https://www.reuters.com/world/harbour")) == "Reuters"
    assert site_of("https://mobile.apnews.com/article/x") == "The Associated Press"
    assert agency_of("notreuters.example") is None


def test_a_file_that_names_no_outlet_has_none():
    assert outlet(article()) is None
    assert site_of("") is None and site_of(None) is None
