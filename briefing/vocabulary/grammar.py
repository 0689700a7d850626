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
