"""Speech verbs: the words that attribute what someone said, in every form news text uses.

One list for the stages that need it: `analyze.mentions` (a name next to a speech verb is a
person), `analyze.quotes` (the verb that attributes a quote to its speaker) and
`analyze.summarize` (a "Label:" followed by a speech verb is speech, not a caption). The verbs
are the English reporting verbs of the kind the quotation-attribution literature lists (e.g. the
reporting verbs of Krestel, Bergler and Witte 2008, "Minding the Source", and the verb list of
the Gender Gap Tracker's quote extractor), in their -s, -ed and -ing forms; verbs of thinking and
reporting ("believes", "reported") attribute views and reported speech but seldom frame direct
quoted words, so `QUOTE_CUES` leaves them out.
"""

from __future__ import annotations

SPEECH_VERBS: frozenset[str] = frozenset({
    "said", "says", "say", "saying", "told", "tells", "tell", "added", "adds", "add",
    "asked", "asks", "explained", "explains", "noted", "notes", "stated", "states",
    "wrote", "writes", "written", "continued", "continues", "insisted", "insists", "conceded",
    "concedes", "argued", "argues", "claimed", "claims", "replied", "replies",
    "recalled", "recalls", "warned", "warns", "declared", "declares", "tweeted",
    "tweets", "acknowledged", "acknowledges", "remarked", "remarks", "admitted",
    "admits", "suggested", "suggests", "urged", "urges", "responded", "responds",
    "commented", "comments", "agreed", "agrees", "concluded", "concludes", "emphasized",
    "emphasised", "emphasizes", "stressed", "stresses", "observed", "observes",
    "announced", "announces", "answered", "answers", "joked", "jokes", "laughed",
    "shouted", "yelled", "screamed", "whispered", "cried", "exclaimed", "posted",
    "wondered", "wonders", "predicted", "predicts", "promised", "promises", "vowed",
    "vows", "boasted", "complained", "complains", "lamented", "laments", "countered",
    "counters", "described", "describes", "pointed", "points", "reiterated",
    "reiterates", "affirmed", "confirmed", "confirms", "denied", "denies", "mused",
    "quipped", "recounted", "recounts", "testified", "reflected", "reflects", "cautioned",
    "cautions", "charged", "contended", "contends", "maintained", "maintains",
    "speculated", "elaborated", "interjected", "pleaded", "demanded", "demands",
    "texted", "emailed", "e-mailed", "messaged", "shared", "noting", "adding",
    "explaining", "telling", "writing", "asking", "arguing", "insisting", "recalling",
    "warning", "according", "reported", "reports", "believes", "believed", "thinks",
    "thought", "felt", "feels", "hopes", "hoped", "worries", "worried", "acknowledging",
    "announcing", "describing", "continuing", "replying", "responding", "stating",
    "remembered", "remembers", "recalling", "observing", "conceding", "admitting",
})
"""Every form of every speech verb, lower case ("according" stands for "according to")."""

NOT_QUOTE_CUES: frozenset[str] = frozenset({
    "according", "believes", "believed", "thinks", "thought", "felt", "feels", "hopes", "hoped",
    "worries", "worried", "reported", "reports", "described", "describes", "describing",
    "shared", "charged", "points", "pointed",
})
"""Forms that do not by themselves attribute quoted words ("pointed" only as "pointed out")."""

QUOTE_CUES: frozenset[str] = (SPEECH_VERBS - NOT_QUOTE_CUES) | {"pointed out", "points out", "according to", "put it"}
"""What attributes a direct quote to its speaker: single verbs and four two-word cues ("as she put it")."""

TELLING_VERBS: frozenset[str] = frozenset({"told", "tell", "tells", "asked", "asks", "telling", "asking"})
"""Verbs whose object, not their subject, follows them ("told Smith" names the listener)."""
