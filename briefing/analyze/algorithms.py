"""The summary algorithms `briefing.analyze.summarize` offers (named here so that listing them
imports no numpy or NLTK)."""

ALGORITHMS: tuple[str, ...] = ("news", "lead", "lexrank", "textrank", "lsa", "luhn", "sumbasic", "kl")
"""'news' is ours (sumy's ranking with news priors); 'lead' takes the first sentences; the rest are sumy's."""
