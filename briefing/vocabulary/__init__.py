"""One home for each vocabulary the stages share: speech verbs, places, boilerplate, stop words
and the closed word classes of English grammar."""
