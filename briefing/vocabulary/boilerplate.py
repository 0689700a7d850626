"""Boilerplate: the page furniture, credits and captions that news pages and feeds wrap around
an article, so that ingest can take such lines out and summaries never pick them.

One home for the words: `briefing.ingest.clean` removes these lines from the text it reads, and
`briefing.analyze.summarize` (which also sees text that never went through ingest) skips such
sentences. The lists are closed classes of page furniture and the news agencies' own names.
"""

from __future__ import annotations

import re

NEWS_AGENCIES = {
    # the world agencies
    "reuters": "Reuters",
    "ap": "The Associated Press", "associated press": "The Associated Press",
    "the associated press": "The Associated Press", "ap photo": "The Associated Press",
    "afp": "AFP", "agence france-presse": "AFP", "afp photo": "AFP",
    "bloomberg": "Bloomberg", "upi": "UPI", "epa": "EPA",
    # the national agencies of the G20 members (France's is AFP, the United States' AP)
    "aap": "AAP", "australian associated press": "AAP",
    "agencia brasil": "Agência Brasil", "agência brasil": "Agência Brasil",
    "canadian press": "The Canadian Press", "the canadian press": "The Canadian Press",
    "xinhua": "Xinhua", "dpa": "dpa", "pti": "PTI", "press trust of india": "PTI",
    "antara": "Antara", "ansa": "ANSA", "kyodo": "Kyodo News", "kyodo news": "Kyodo News",
    "jiji": "Jiji Press", "jiji press": "Jiji Press", "notimex": "Notimex", "telam": "Télam", "télam": "Télam",
    "tass": "TASS", "itar-tass": "TASS", "interfax": "Interfax", "ria novosti": "RIA Novosti",
    "spa": "Saudi Press Agency", "saudi press agency": "Saudi Press Agency",
    "african news agency": "African News Agency", "yonhap": "Yonhap News Agency",
    "yonhap news": "Yonhap News Agency", "yonhap news agency": "Yonhap News Agency",
    "anadolu": "Anadolu Agency", "anadolu agency": "Anadolu Agency",
    "pa": "PA Media", "pa media": "PA Media", "press association": "PA Media",
    # the other members of the European Alliance of News Agencies
    "apa": "APA", "belga": "Belga", "bta": "BTA", "hina": "HINA", "cna": "CNA", "ctk": "ČTK",
    "čtk": "ČTK", "ritzau": "Ritzau", "stt": "STT", "ana-mpa": "ANA-MPA", "mti": "MTI", "lusa": "Lusa",
    "anp": "ANP", "ntb": "NTB", "pap": "PAP", "agerpres": "Agerpres", "tanjug": "Tanjug", "tasr": "TASR",
    "sta": "STA", "efe": "EFE", "tt": "TT", "keystone-sda": "Keystone-SDA", "ukrinform": "Ukrinform",
    "ata": "ATA", "elta": "ELTA", "leta": "LETA", "mia": "MIA",
}
"""News agencies and wire services, as credits write them (lower case) -> the name a brief shows:
the world agencies (AP, Reuters, AFP, and the wires of Bloomberg, UPI and the EPA picture
agency), the national agencies of the G20 members, and the members of the European Alliance of
News Agencies (EANA). Broadcasters and newspapers are not agencies."""

AGENCY_DOMAINS = {
    "reuters.com": "Reuters", "thomsonreuters.com": "Reuters",
    "ap.org": "The Associated Press", "apnews.com": "The Associated Press",
    "afp.com": "AFP", "bloomberg.com": "Bloomberg", "bloomberg.net": "Bloomberg",
    "xinhuanet.com": "Xinhua", "news.cn": "Xinhua", "kyodonews.jp": "Kyodo News", "kyodonews.net": "Kyodo News",
    "yna.co.kr": "Yonhap News Agency", "yonhapnews.co.kr": "Yonhap News Agency", "jiji.com": "Jiji Press",
    "dpa.com": "dpa", "upi.com": "UPI", "efe.com": "EFE", "ansa.it": "ANSA", "tass.com": "TASS", "tass.ru": "TASS",
    "interfax.ru": "Interfax", "interfax.com": "Interfax", "ptinews.com": "PTI", "aa.com.tr": "Anadolu Agency",
    "epa.eu": "EPA", "thecanadianpress.com": "The Canadian Press", "pa.media": "PA Media", "aap.com.au": "AAP",
    "antaranews.com": "Antara", "agenciabrasil.ebc.com.br": "Agência Brasil", "ria.ru": "RIA Novosti",
    "spa.gov.sa": "Saudi Press Agency", "telam.com.ar": "Télam", "notimex.gob.mx": "Notimex",
    "apa.at": "APA", "belga.be": "Belga", "bta.bg": "BTA", "hina.hr": "HINA", "cna.org.cy": "CNA", "ctk.cz": "ČTK",
    "ritzau.dk": "Ritzau", "stt.fi": "STT", "amna.gr": "ANA-MPA", "mti.hu": "MTI", "lusa.pt": "Lusa", "anp.nl": "ANP",
    "ntb.no": "NTB", "pap.pl": "PAP", "agerpres.ro": "Agerpres", "tanjug.rs": "Tanjug", "tasr.sk": "TASR",
    "sta.si": "STA", "tt.se": "TT", "keystone-sda.ch": "Keystone-SDA", "ukrinform.ua": "Ukrinform",
    "ukrinform.net": "Ukrinform", "elta.lt": "ELTA", "leta.lv": "LETA", "mia.mk": "MIA", "ata.gov.al": "ATA",
}
"""The agencies above on their own web domains (an e-mail or a page there is the agency's)."""

PICTURE_AGENCIES = {"getty images": "Getty Images", "getty": "Getty Images", "shutterstock": "Shutterstock",
                    "alamy": "Alamy", "rex features": "Rex Features"}
"""Picture agencies whose credit a caption carries."""


def _credit_forms(key: str, shown: str) -> set[str]:
    """How credits write an agency's one-word name: "ap" -> AP, "reuters" -> Reuters, "dpa" ->
    dpa as the agency writes itself."""
    forms = {key.upper() if len(key) <= 4 else key.capitalize()}
    if shown.lower() == key:
        forms.add(shown)
    return forms


WIRE_CREDITS = tuple(sorted({f for k, shown in (NEWS_AGENCIES | PICTURE_AGENCIES).items()
                             if " " not in k and "photo" not in k for f in _credit_forms(k, shown)},
                            key=lambda c: (-len(c), c)))
"""The credits a dateline or a caption puts in brackets: "(AP)", "(Reuters/Getty)": every
one-word agency of `NEWS_AGENCIES` and `PICTURE_AGENCIES`, as credits write it (longest first)."""


def credit_pattern() -> str:
    """A regex alternation (no groups) of every agency name, one-word or not, lower case, for a
    case-insensitive search inside a credit."""
    names = sorted({*NEWS_AGENCIES, *PICTURE_AGENCIES}, key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


PHOTO_SERVICES = {*PICTURE_AGENCIES, "pool", "file", "file photo", "epa-efe", "courtesy",
                  *(f"{agency} photo" for agency in NEWS_AGENCIES if " " not in agency)}
"""Picture agencies, agencies' photo credits ("Reuters photo") and credit words that make a line a
photo credit."""

SOCIAL_NETWORKS = ("facebook", "twitter", "linkedin", "whatsapp", "pinterest", "reddit", "google\\+", "telegram",
                   "wechat", "weibo", "kakaotalk")
"""Share-button labels that stand alone on a line of a saved page (regex-escaped)."""

PHOTO_WORDS = re.compile(r"(?i)\b(?:photo|photos|photograph|image|images|getty|pool|file|courtesy|epa|shutterstock|afp|ap photo)\b")
"""Words that make a bracketed credit a photo credit: "(Photo: AFP)"."""

CAPTION_START = re.compile(
    r"^(?:photo|photos|photograph|picture|pictured|image|caption|file photo|top photo|main photo|"
    r"above|below|video)\s*(?:by\b|:|\u2014|-)|open this (?:photo|image) in gallery",
    re.I,
)
"""How a caption opens: "Photo: ...", "Pictured above - ..."."""

CAPTION_VERBS = re.compile(
    r"\b(?:answers|speaks|poses|pose|looks on|look on|listens|listen|shakes|shake hands|arrives|arrive|"
    r"attends|walks|walk|waves|wave|gestures|holds|talks|talk|delivers|addresses|greets|smiles|sits|"
    r"stands|leaves|enters|inspects|reviews|presides|salutes|bows|signs|rides|watches|chats|"
    r"applauds|hugs|boards|is seen|are seen|is pictured|are pictured|participate|participates|"
    r"take part|takes part|gather|gathers|march|marches|stage|stages|hold|react|reacts|"
    r"\((?:left|right|center|centre|second from (?:left|right)|L|R|C)\)|from left|"
    r"this photo|file photo|in this|undated)\b",
    re.I,
)
"""The present-tense verbs and stage directions of a photo caption ("... speaks to reporters")."""

FURNITURE_LINE = re.compile(
    r"^(?:advertisement|advertising|story continues below(?: advertisement)?|continue reading(?: the main story)?|"
    r"read more|related|related articles?|share(?: this(?: article| story)?)?|tweet|print|e-?mail|comments?|"
    r"click here.*|sign up.*newsletter.*|subscribe(?: now| (?:to|for) (?:our|the) .{0,40}newsletters?[.!]?)?|"
    r"follow us on .{1,40}|"
    r"(?:copyright\s*(?:\u00a9|\(c\)|\d{4})|\u00a9|\(c\)\s*\d{4}).{0,120}|.{0,80}\ball rights reserved.{0,60}|"
    r"(?:read more|related|see also|also read)\s*:.{0,160}|"
    r"scroll (?:down|to continue)(?: for (?:video|more))?|skip to (?:main )?content|article continued below|"
    r"" + "|".join(SOCIAL_NETWORKS) + "|"
    r"(?:facebook|twitter|linkedin|whatsapp|email|print)(?:\s*[|/,]\s*(?:facebook|twitter|linkedin|whatsapp|email|e-mail|print|share))+)$",
    re.I,
)
"""A line that is nothing but page furniture: share buttons, "Read more", copyright lines."""

GLUED_FURNITURE = re.compile(
    r"^(?:scroll down for (?:video|more)|story continues below(?: advertisement)?|advertisement|"
    r"article continued below)\s+(?-i:(?=[A-Z\u201c\u2018\"']))",
    re.I,
)
"""Page furniture glued to the start of the article's first sentence."""

PROMO_WORDS = re.compile(
    r"(?i)\b(?:newsletters?|subscri(?:be|bed|bing|ption|ptions|bers?)|sign(?:ing)? up|your inbox|your letterbox|"
    r"click here|use the code|free trial|delivered (?:to|through|straight to|right to) your)\b"
)
"""The words of a call to subscribe. Two different ones in one short paragraph make it an advert
for the publication ("Sign up for the free daily newsletter delivered to your inbox"), not news."""

PRODUCTION_CREDITS = re.compile(
    r"(?i)^[(\[]?\s*(?:additional )?(?:reporting|writing|editing|compiled|research|produced|graphics?)(?: by)?\b"
    r".{0,200}\bby\b"
)
"""A newswire's closing production line: "(Reporting by ...; Editing by ...)"."""

CONTACT_LINE = re.compile(r"(?i)\b(?:may|can) be (?:reached|contacted) at\b|^have a (?:news )?tip\b")
"""How to reach the reporter ("Have a tip? ... may be reached at ...")."""

RELATED_LINKS_LEAD = re.compile(r"^(?:SEE MORE|DON[\u2019']?T MISS|READ NEXT|MORE ON THIS|RECOMMENDED|MOST READ|ALSO READ)\b")
"""The capitalised lead-in of a list of links to other stories ("SEE MORE: ...", "DON'T MISS")."""

REPORTING_CREDIT_BEFORE = re.compile(r"(?i)(?:^|[\n.;—–-])\s*(?:with files from|files from|"
                                     r"(?:additional )?reporting by)\b[^\n.;]*$")
"""A name in a line that credits reporters ("With files from Ana Ruiz and Tom Hale"; "Reporting by
..."): the newsroom's credit, not a person in the news."""

REPORTING_CREDIT_AFTER = re.compile(r"^\s*(?:(?:also\s+)?contributed\b|has (?:more|the latest|the details|the story|"
                                    r"this report|details)\b)", re.I)
"""A name followed by "contributed to this report" (a wire credit) or "has more" / "has the latest"
(a broadcaster's lead-in to its reporter's video): a credit, not a person in the news."""

VIDEO_PROMO = re.compile(r"^\s*(?:WATCH|VIDEO|LISTEN)(?:\s+(?:BELOW|ABOVE|LIVE|NOW|MORE))?\s*[:|—–-]")
"""A promo for a video or audio clip ("WATCH: ...", "WATCH BELOW: ..."), as news sites set it
inside an article: page furniture, whoever it names."""

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"

OPENING_STAMP = re.compile(
    # an update or publication stamp: "UPDATED 05/03/2013 at 11:00 AM EDT", "Posted: March 3 ..."
    r"^\W*(?i:(?:last\s+)?(?:updated|published|posted|modified)\s*:?\s*(?:on\s+|at\s+)?"
    r"(?:\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}|" + _MONTH + r"\s+\d{1,2}|\d{1,2}\s+" + _MONTH
    + r"|" + _WEEKDAY + r"))"
    # a date line run into the text: "Saturday, March 26, 2005 Up to four times as many ..."
    r"|^\W*" + _WEEKDAY + r",?\s+(?:" + _MONTH + r"\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+" + _MONTH + r",?\s+\d{4})"
    # a wire dateline: "LONDON (AP) _ ...", "SANTIAGO, Chile -- ...", "WASHINGTON — ..."
    r"|^[A-Z][A-Z.'\u2019-]+(?:\s[A-Z][A-Z.'\u2019-]+){0,3}(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?"
    r"\s*(?:\([A-Za-z .&/-]{1,30}\)\s*)?(?:_|--|\u2014|\u2013)\s"
    # ... or as a place and its region before a dash: "Meadow Lake, Saskatchewan – The council ..."
    r"|^[A-Z][\w.'\u2019-]+(?:\s[A-Z][\w.'\u2019-]+){0,2},\s*[A-Z][\w.]+(?:\s[A-Z][\w.]+)?\s*(?:--|\u2014|\u2013)\s"
)
"""What opens a sentence that still carries the page's stamps: an update or publication stamp,
a weekday date line, a wire dateline ("CITY (AGENCY) _"). Such a sentence is never printed out of
its article (a summary, a key point)."""
