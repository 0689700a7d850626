"""What each story's block on the page says: its summary at its rank's budget, nothing the page
says elsewhere (key points, quotes, the headline)."""

from __future__ import annotations

import datetime as dt

from briefing.analyze.article import analyze_article
from briefing.brief.assemble import assemble_brief
from briefing.brief.blocks import page_summaries
from briefing.brief.points import MIN_KEY_POINTS
from briefing.brief.stories import summary_budget
from briefing.vocabulary.topics import SECTIONS
from briefing.model import Article

# One invented story, three reports: a port strike.
STRIKE = [
    ("Carrow dock workers strike over pay", [
        "Dock workers at the port of Carrow walked off the job on Monday, halting container traffic along the "
        "whole eastern coast.",
        "The union said the strike would last until the port authority agreed to talks on pay and night shifts.",
        "Shipping lines began diverting vessels to the southern port of Fenmouth on Monday afternoon.",
        "\u201cWe have waited three years for a fair offer and we will not wait any longer,\u201d union leader "
        "Mara Ostrow told reporters at the gates.",
        "The port handles about a third of the country's container imports, according to the transport ministry.",
    ]),
    ("Port strike halts eastern container traffic", [
        "Container traffic on the eastern coast stopped on Monday as dock workers at the port of Carrow went on "
        "strike over pay.",
        "The port authority said it was ready to meet union leaders on Wednesday to discuss the night-shift rota.",
        "Retailers warned that shelves could run short of imported goods within two weeks if the strike went on.",
        "Transport Minister Ilse Varga urged both sides to return to talks before the holiday season.",
    ]),
    ("Ships diverted as Carrow strike bites", [
        "A strike by dock workers at the port of Carrow halted container traffic along the eastern coast on Monday.",
        "Shipping lines diverted at least nine vessels to Fenmouth by the evening, a harbour official said.",
        "Freight rates for the eastern routes rose by a fifth in a day, according to a shipping index.",
        "Farmers said exports of fresh produce through Carrow had been halted at the height of the harvest.",
    ]),
]


def analyzed(reports, start=0, source=None):
    out = []
    for n, (title, sentences) in enumerate(reports, start):
        article = Article(path=f"/in/{n:03d}.txt", title=title, paragraphs=sentences,
                          source=source or f"Outlet {n}", date="2031-05-12")
        out.append(analyze_article(article))
    return out


def block_texts(brief, story):
    return [brief.articles[i].sentences[s] for i, s in story.summary]


def test_a_day_of_one_story_has_three_key_points_and_a_block_that_adds_to_them():
    brief = assemble_brief(analyzed(STRIKE), date=dt.date(2031, 5, 12))
    assert len(brief.stories) == 1
    story = brief.stories[0]
    assert len(brief.key_points) == MIN_KEY_POINTS
    assert {kp.story for kp in brief.key_points} == {story.id}
    block = block_texts(brief, story)
    assert block  # the block still has something to say
    for kp in brief.key_points:  # ... and never says a key point again
        assert (kp.article, kp.sentence) not in story.summary
        assert kp.text not in block
    for q in brief.quotes:  # nor prints a quote the page shows
        assert not any(q.text[:30] in text for text in block)
    assert sum(len(t.split()) for t in block) <= summary_budget(0, 1)
    assert sorted(story.summary_rank) == sorted(story.summary)


def test_the_lead_story_says_most_and_each_block_keeps_its_budget():
    # five stories: the strike (three reports) and four one-report stories
    others = [
        ("Council approves new tram line", [
            "The city council of Veldhaven approved a new tram line linking its harbour with the airport.",
            "Construction of the eleven-kilometre line is due to start next spring and take four years.",
            "Planners expect about 40,000 passengers a day once it opens.",
            "Opposition members said the cost had doubled since the plan was first presented.",
        ]),
        ("Storm cuts power in the north", [
            "A storm cut power to 18,000 homes in the northern province of Essby overnight, its utility reported.",
            "Crews expected to restore most lines by the weekend.",
            "Schools in three northern districts were closed for the day as a precaution.",
        ]),
        ("Central bank holds its rate", [
            "The central bank held its main interest rate at 3.5 percent, as most economists had expected.",
            "Inflation had slowed for a fourth month but remained above target, according to the bank.",
            "Its governor will cut rates only once wages grow more slowly.",
        ]),
        ("Museum returns bronze statues", [
            "The national museum handed four bronze statues back to Marrak after a dispute lasting decades.",
            "A colonial expedition took them from a temple there in 1898.",
            "Elders held a ceremony on the quay as the crates were unloaded.",
        ]),
    ]
    day = analyzed(STRIKE) + analyzed(others, start=len(STRIKE))
    # every section a beat: the budgets are the point here, not which beats may give key points
    brief = assemble_brief(day, date=dt.date(2031, 5, 12), beats=SECTIONS)
    shown = [s for s in brief.stories if s.shown]
    assert len(shown) == 5 and len(shown[0].articles) == 3
    assert len(brief.key_points) == 5 and len({kp.story for kp in brief.key_points}) == 5
    words = [sum(len(t.split()) for t in block_texts(brief, st)) for st in shown]
    for rank, n in enumerate(words):
        assert n <= summary_budget(rank, len(shown))
    assert words[0] == max(words)


def test_block_summaries_leave_out_the_headline_and_what_the_points_said():
    day = analyzed(STRIKE)
    brief = assemble_brief(day, date=dt.date(2031, 5, 12))
    before = [(st.summary, st.summary_rank) for st in brief.stories]
    stories = page_summaries(day, brief.stories, brief.key_points, brief.quotes,
                             may_state=lambda a, s: "Fenmouth" not in a.sentences[s])
    assert [(st.summary, st.summary_rank) for st in brief.stories] == before  # new records, the old left as they were
    brief.stories = stories
    block = block_texts(brief, stories[0])
    assert block and not any("Fenmouth" in t for t in block)
    for kp in brief.key_points:
        assert kp.text not in block


def test_the_page_of_a_one_story_day_prints_three_key_points_and_no_sentence_twice():
    import io

    import pypdf

    from briefing.render.fit import fit_to_page

    brief = assemble_brief(analyzed(STRIKE), date=dt.date(2031, 5, 12))
    rendered = fit_to_page(brief)
    assert rendered.pages == 1 and not rendered.overflow
    assert len(rendered.brief.key_points) == MIN_KEY_POINTS
    text = " ".join(pypdf.PdfReader(io.BytesIO(rendered.pdf)).pages[0].extract_text().split())
    for a in rendered.brief.articles:
        for s in a.sentences:
            assert text.count(" ".join(s.split()[:8])) <= 1, s  # no sentence twice
    for kp in rendered.brief.key_points:
        assert " ".join(kp.text.split()[:8]) in text
    printed = rendered.brief.stories[0].printed
    assert printed and rendered.brief.stories[0].shown
