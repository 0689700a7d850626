"""Three invented days of news (our own words, invented places and people) for the tests of
stories across days: a dock strike that runs all three days, a budget vote on day 1 only, a
flood on day 2 only, and on day 3 a look-alike strike (another union, another city) and a
museum reopening. And two days of a plant fire (`FIRE_DAYS`) whose day-2 reports, as
follow-ups do, repeat day 1's lead before they say what happened next.

    DAYS[1] -> [Item(...), ...]; item.article() -> an `Article`; item.html() -> a web page
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from briefing.model import Article

FIRST_DAY = dt.date(2024, 5, 6)  # a Monday


@dataclass
class Item:
    slug: str
    story: str
    title: str
    source: str
    paragraphs: list[str]
    day: int

    @property
    def date(self) -> dt.date:
        return FIRST_DAY + dt.timedelta(days=self.day - 1)

    def article(self) -> Article:
        return Article(path=f"day{self.day}/{self.slug}.txt", title=self.title, paragraphs=list(self.paragraphs),
                       source=self.source, date=self.date.isoformat())

    def html(self) -> bytes:
        body = "".join(f"<p>{html.escape(p)}</p>" for p in self.paragraphs)
        return (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(self.title)}</title>"
                f"<meta property='og:site_name' content='{html.escape(self.source)}'>"
                f"<meta property='article:published_time' content='{self.date.isoformat()}T09:00:00+00:00'>"
                f"</head><body><nav><a href='/'>Home</a></nav><article><h1>{html.escape(self.title)}</h1>"
                f"{body}</article><footer>All rights reserved.</footer></body></html>").encode("utf-8")


def _strike(day: int, slug: str, title: str, source: str, *paragraphs: str) -> Item:
    return Item(slug, "strike", title, source, list(paragraphs), day)


DAYS: dict[int, list[Item]] = {
    1: [
        _strike(1, "velden-strike-begins", "Dockworkers walk out at the Port of Velden", "Harbour Times",
                "About 3,400 dockworkers at the Port of Velden walked off the job on Monday, halting cargo "
                "handling at the country's busiest container terminal.",
                "The Harbour Workers' Union called the strike after talks with the Velden Port Authority on a "
                "new wage agreement broke down last week.",
                "Union leader Marta Kovell said members wanted a 12 per cent rise over two years to make up for "
                "rising rents in the port district.",
                "Port authority chief Johan Reiss called the demand unaffordable and said the authority had "
                "offered 5 per cent.",
                "By the evening, 40 container ships were waiting at anchor outside the Velden breakwater.",
                "Exporters of timber and machinery warned that deliveries to customers abroad would slip by a week "
                "or more if the stoppage lasted."),
        _strike(1, "velden-ships-wait", "Ships queue off Velden as port strike bites", "Coastal Post",
                "Dozens of container ships queued off the Port of Velden on Monday as a strike by the Harbour "
                "Workers' Union shut the cranes.",
                "Marta Kovell, who leads the union, told a rally at the main gate that the 3,400 dockworkers "
                "would stay out until the Velden Port Authority improved its offer.",
                "Johan Reiss, the head of the port authority, said the 5 per cent offer was fair and urged the "
                "union to return to the table.",
                "Shipping agents counted 40 vessels at anchor by nightfall.",
                "The strike is the first at Velden since a two-day stoppage over night shifts eight years ago."),
        Item("budget-vote", "budget", "Senate passes the digital services levy", "Capital Ledger", [
            "The Senate on Monday passed a 3 per cent levy on the revenue of large digital platforms, after "
            "a debate that ran past midnight.",
            "Finance Minister Ruth Ahlgren said the levy would raise about 400 million crowns a year for "
            "school buildings.",
            "Opposition senators argued that the platforms would pass the cost on to small shops that sell "
            "through them.",
            "The bill now goes to the Assembly, where the governing coalition holds a majority of nine seats.",
            "Ahlgren said she expected the levy to take effect in January.",
        ], 1),
    ],
    2: [
        _strike(2, "velden-talks-open", "Mediator brings Velden port strike talks back to the table",
                "Harbour Times",
                "Talks to end the strike at the Port of Velden resumed on Tuesday under a state mediator, as the "
                "number of ships waiting off the port rose to 62.",
                "Transport Minister Elise Brandt appointed the mediator, retired judge Anton Weiss, and said the "
                "stoppage was costing exporters dearly.",
                "Marta Kovell of the Harbour Workers' Union said the union would lower its 12 per cent claim only "
                "if the Velden Port Authority moved first.",
                "Johan Reiss said the authority was ready to look at housing allowances for dockworkers instead "
                "of a larger pay rise.",
                "Weiss said he would keep both sides at the table until Wednesday night."),
        _strike(2, "velden-exporters", "Velden exporters count the cost of the port strike", "Coastal Post",
                "Timber and machinery exporters said on Tuesday that the strike at the Port of Velden had already "
                "cost them orders, as 62 ships waited at anchor.",
                "The Harbour Workers' Union kept its pickets at the gates for a second day, and union leader "
                "Marta Kovell said the 3,400 dockworkers were united.",
                "Transport Minister Elise Brandt said the government would not order the dockworkers back to "
                "work while the mediator, Anton Weiss, was talking to both sides.",
                "The Velden Port Authority's Johan Reiss said a deal on housing allowances was possible."),
        Item("arnsdal-flood", "flood", "Floods force hundreds from their homes in the Arnsdal valley",
             "Valley Courier", [
                 "About 800 residents of the Arnsdal valley left their homes on Tuesday after the river Lunne "
                 "burst its banks following three days of rain.",
                 "Mayor Peter Holm said the water had reached the old market square in Arnsdal town for the first "
                 "time since 1987.",
                 "Rescue crews used boats to reach farms cut off on the valley floor.",
                 "The weather service said more rain was expected on Wednesday.",
             ], 2),
        Item("arnsdal-rescue", "flood", "Boats reach farms cut off as the Lunne floods Arnsdal",
             "Northern Daily", [
                 "Rescue crews in boats reached farms cut off by the flooded river Lunne in the Arnsdal valley on "
                 "Tuesday, as about 800 people spent the night in school halls.",
                 "Arnsdal mayor Peter Holm asked residents who stayed behind to keep off the flooded roads.",
                 "The Lunne rose more than two metres in 24 hours, the highest level since 1987.",
             ], 2),
    ],
    3: [
        _strike(3, "velden-deal", "Velden dockworkers accept deal, ending three-day port strike", "Harbour Times",
                "Dockworkers at the Port of Velden voted on Wednesday to accept a deal that ends their three-day "
                "strike, and the cranes were turning again by the afternoon.",
                "The agreement, reached overnight with the help of mediator Anton Weiss, gives the 3,400 "
                "dockworkers a 7 per cent rise over two years and a housing allowance.",
                "Marta Kovell of the Harbour Workers' Union called it a fair result won by the members' unity.",
                "Johan Reiss of the Velden Port Authority said clearing the queue of 62 ships would take about "
                "ten days.",
                "Transport Minister Elise Brandt thanked both sides for settling without a court order."),
        Item("kessing-airport-strike", "lookalike", "Baggage handlers strike at Kessing airport", "Skyline News", [
            "About 1,200 baggage handlers and ground staff at Kessing airport walked off the job on Wednesday, "
            "grounding dozens of flights.",
            "The Aviation Staff Union called the strike after Kessing Airport Services refused its claim for a "
            "9 per cent pay rise.",
            "Union leader Tomas Ferreira said the ground staff had not had a rise in three years.",
            "A spokeswoman for Kessing Airport Services, Lena Duval, said the company had offered 4 per cent "
            "and a bonus.",
            "Travellers were told to check with their airlines before setting out for the airport.",
        ], 3),
        Item("kessing-flights", "lookalike", "Kessing flights grounded as ground staff walk out", "Daily Wings", [
            "Dozens of flights from Kessing airport were cancelled on Wednesday as a strike by the Aviation "
            "Staff Union kept baggage handlers off the tarmac.",
            "Tomas Ferreira, who leads the union, said the 1,200 ground staff wanted 9 per cent.",
            "Kessing Airport Services spokeswoman Lena Duval said the walkout was unlawful because the union "
            "had given too little notice.",
            "Airlines put on buses to the airport at Dorn for some passengers.",
        ], 3),
        Item("museum-reopens", "museum", "Restored Halden museum reopens after four years", "Culture Weekly", [
            "The Halden Museum of Shipbuilding reopened on Wednesday after four years of restoration work on "
            "its roof and galleries.",
            "Director Ines Moller said the museum now shows its collection of ship models in the old rope "
            "works, which had been closed since 1961.",
            "Entry will be free for the first month.",
        ], 3),
    ],
}
"""Each day's articles, the stories they belong to in `Item.story`."""


def _fire(day: int, slug: str, title: str, source: str, *paragraphs: str) -> Item:
    return Item(slug, "fire", title, source, list(paragraphs), day)


FIRE_DAYS: dict[int, list[Item]] = {
    1: [
        _fire(1, "brannvik-fire", "Fire at Brannvik chemical plant forces Olberg evacuation", "Northern Gazette",
              "A fire at the Brannvik chemical plant in Olberg forced about 2,000 residents from their homes on "
              "Monday.",
              "Fire chief Hanna Lind said her crews had kept the flames away from the plant's chlorine tanks.",
              "Residents of the Eastside district were told to keep their windows shut because of the smoke.",
              "The plant, which makes solvents for paint, employs about 600 people."),
        _fire(1, "olberg-smoke", "Olberg residents flee smoke from chemical plant blaze", "Olberg Courier",
              "About 2,000 Olberg residents left their homes on Monday as smoke from a fire at the Brannvik "
              "chemical plant drifted over the town.",
              "Hanna Lind, the fire chief, said the chlorine tanks at the plant were safe.",
              "Schools in the Eastside district will stay closed on Tuesday, the town council said."),
    ],
    2: [
        _fire(2, "brannvik-valve", "Faulty valve blamed for Brannvik plant fire", "Northern Gazette",
              "A fire at the Brannvik chemical plant in Olberg forced about 2,000 residents from their homes on "
              "Monday.",
              "Investigators said on Tuesday that a faulty valve in the solvent store had started the blaze.",
              "Environment Minister Karin Dahl ordered an inspection of every chemical plant in the region by the "
              "end of the month.",
              "Most residents were allowed back into their homes on Tuesday evening."),
        _fire(2, "brannvik-inspections", "Minister orders checks at chemical plants after Olberg fire",
              "Olberg Courier",
              "About 2,000 Olberg residents left their homes on Monday as smoke from a fire at the Brannvik "
              "chemical plant drifted over the town.",
              "A faulty valve in the plant's solvent store started the fire, investigators said on Tuesday.",
              "Karin Dahl, the environment minister, ordered inspections of all chemical plants in the region.",
              "Residents returned home on Tuesday evening after the air was tested."),
    ],
}
"""A plant fire on day 1 and its follow-up on day 2 (cause found, inspections ordered, residents
home), each day-2 report opening with day 1's lead again."""
