"""Capitalised words that are no name: English words a news text writes with a capital where no
person is named.

`analyze.mentions` reads a capitalised word on this list as a common word, never a name (nor the
first word of one); `analyze.quotes` as no speaker's first word. The entries are English, not any
text's: the function words (articles, prepositions, conjunctions, pronouns, determiners,
numerals) that open a sentence; adverbs and other words that often open one ("However",
"Meanwhile", "Updated"); the labels of page furniture ("Photo", "Watch"); greetings; compass and
scope adjectives ("Northern", "Federal", "International"); the names of faiths, creeds and
political families that English capitalises as ordinary words ("Catholic", "Liberal",
"Conservative", "Labour", "Green"), and the words for groups of people ("Officials",
"Residents").
"""

from __future__ import annotations

COMMON_CAPS: set[str] = {
    "the", "a", "an", "in", "on", "at", "of", "for", "to", "from", "by", "with", "and",
    "but", "or", "nor", "so", "yet", "if", "when", "while", "after", "before", "since",
    "as", "though", "although", "because", "despite", "during", "until", "unless",
    "this", "that", "these", "those", "there", "here", "it", "its", "he", "she", "they",
    "we", "i", "you", "his", "her", "their", "our", "my", "your", "him", "them", "us",
    "me", "who", "what", "where", "why", "how", "which", "whose", "whom", "all", "some",
    "many", "most", "more", "much", "few", "several", "any", "each", "every", "no",
    "not", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "also", "still", "even", "just", "only", "then", "now", "yes", "well", "like",
    "about", "against", "among", "between", "into", "over", "under", "through",
    "without", "within", "upon", "across", "around", "toward", "towards", "per",
    "via", "amid", "whether", "however", "meanwhile", "instead", "indeed", "perhaps",
    "according", "asked", "said", "says", "told", "added", "last", "next",
    "new", "other", "another", "such", "both", "either", "neither", "once", "twice",
    "first", "second", "third", "early", "late", "later", "earlier", "former",
    "senior", "top", "local", "federal", "national", "international", "global",
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "mr", "mrs", "ms", "dr", "photo", "photos", "video", "watch", "read",
    "listen", "click", "subscribe", "follow", "related", "editor's", "note", "update",
    "updated", "breaking", "exclusive", "opinion", "analysis", "advertisement",
    "god", "christ", "jesus", "allah", "lord", "ok", "okay", "oh", "hey", "please",
    "thank", "thanks", "dear", "hi", "hello", "let", "let's", "don't", "can't",
    "it's", "i'm", "we're", "they're", "that's", "there's", "here's", "what's",
    "covid-19", "covid", "coronavirus", "internet", "web",
    "communist", "liberal", "liberals", "conservative", "conservatives",
    "democrat", "democrats", "republican", "republicans",
    "green", "greens", "labour", "labor", "catholic", "muslim", "christian",
    "jewish", "hindu", "sikh", "buddhist", "indigenous", "aboriginal", "black", "white",
    "asian", "african", "european", "latino", "hispanic", "arab",
    "unlike", "besides", "beyond", "inside", "outside", "following", "regarding", "given",
    "overall", "sometimes", "often", "never", "always", "thus", "therefore",
    "otherwise", "nevertheless", "nonetheless", "anyway", "actually", "currently",
    "recently", "finally", "initially", "originally", "eventually", "mps",
    "protesters", "officials", "police", "staff", "experts", "residents", "hon", "mp",
}
"""Capitalised English words that are never a name (lower case)."""
