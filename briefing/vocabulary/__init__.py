"""One home for each vocabulary the stages share: speech verbs, places, boilerplate."""
