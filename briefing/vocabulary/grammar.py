"""Closed word classes of English grammar, for the rules that read a sentence's structure.

`analyze.quotes` uses them to tell quoted words bound into the writer's own clause from a
direct quote (`said that "..."`, `according to "..."`) and to find the main clause after an
opening subordinate one; `analyze.titles` to tell a title's noun phrase from a clause. These are
closed classes (a grammar lists them all), not entries for any text.
"""

from __future__ import annotations

COORDINATORS: frozenset[str] = frozenset({"and", "but", "or", "nor", "so", "yet", "for"})
"""Coordinating conjunctions."""

PREPOSITIONS: frozenset[str] = frozenset({
    "of", "to", "on", "in", "at", "from", "by", "for", "with", "about", "into", "under", "over",
    "after", "before", "as", "than",
})
"""The prepositions a quotation or a title can follow ("according to", "chief of staff")."""

SUBORDINATORS: frozenset[str] = frozenset({
    "that", "because", "while", "although", "though", "since", "unless", "whether", "if", "so",
    "as", "than", "when", "whenever", "once", "until", "after", "before", "whereas",
})
"""Subordinating conjunctions, with the complementizer "that" ("said that ...")."""

CLAUSE_ONLY_SUBORDINATORS: frozenset[str] = frozenset({
    "because", "while", "although", "though", "until", "unless", "whereas", "whether", "if", "when",
})
"""Subordinators that are never prepositions: after one of these a clause follows."""

RELATIVE_WORDS: frozenset[str] = frozenset({"that", "which", "who", "whom", "whose", "where", "when"})
"""Relative pronouns and adverbs, which open a relative clause."""

DETERMINERS: frozenset[str] = frozenset({
    "a", "an", "the", "his", "their", "its", "our", "my", "your", "this", "these", "those",
})
"""Articles, demonstratives and possessive determiners ("her" is left out: as often an object
pronoun, "told her ...")."""

PERSONAL_PRONOUNS: frozenset[str] = frozenset({
    "he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us",
    "himself", "herself", "itself", "themselves", "there",
})
"""Personal and reflexive pronouns, with the expletive "there"."""

COPULA: frozenset[str] = frozenset({"is", "was", "are", "were", "be", "been", "being"})
"""The forms of "be"."""

SHELL_NOUNS: frozenset[str] = frozenset({
    # linguistic acts: what someone said or wrote
    "news", "announcement", "statement", "remarks", "comments", "claim", "claims", "report", "warning",
    "request", "proposal", "question", "answer", "response", "reaction", "criticism", "revelation",
    "revelations", "findings", "ruling", "verdict",
    # mental acts and plans
    "decision", "plan", "idea", "move", "step", "effort", "attempt", "measure", "measures",
    # facts and events
    "fact", "reason", "result", "results", "outcome", "consequence", "consequences", "development",
    "developments", "incident", "episode", "event", "situation", "problem", "issue", "change", "changes",
    "agreement", "deal",
})
"""Abstract nouns that take their content from the text around them ("shell nouns": Schmid,
*English Abstract Nouns as Conceptual Shells*, 2000; the frequent ones of his factual, linguistic,
mental and eventive classes, with the news reports' own: ruling, verdict, deal). "The move came
after ..." or "This decision was ..." at the start of a sentence points back to what the sentence
before said; "the decision to ..." or "the news that ..." carries its content with it."""

SHELL_COMPLEMENTS: frozenset[str] = frozenset({
    "of", "to", "that", "by", "from", "for", "on", "about", "in", "at", "with", "between", "against",
    "over", "into", "among", "which", "who", "whose",
})
"""Words that open a shell noun's own content right after it (a complement or a relative clause)."""
