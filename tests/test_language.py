"""The article's language, and articles in other languages left out (briefing/ingest/language.py)."""

from __future__ import annotations

import json

from briefing.ingest.language import detect_language, language_name, language_notes
from briefing.model import Article
from briefing.pipeline import analyze_paths, build

ENGLISH = ("The port authority reopened the northern harbour on Monday after a week of repairs to the "
           "sea wall, and the first ferry docked shortly after nine with two hundred passengers aboard.")
PORTUGUESE = ("A autoridade portuária reabriu o porto norte na segunda-feira, depois de uma semana de obras "
              "no paredão, e o primeiro ferry atracou pouco depois das nove com duzentos passageiros.")
RUSSIAN = ("Портовое управление в понедельник вновь открыло северную гавань после недели ремонта "
           "волнореза, и первый паром причалил вскоре после девяти часов с двумястами пассажирами.")


def test_english_and_other_languages_are_told_apart():
    assert detect_language(ENGLISH) == "en"
    assert detect_language(PORTUGUESE) == "pt"
    assert detect_language(RUSSIAN) == "ru"
    assert detect_language("Ok.") == ""  # too little text to say


def test_language_names_and_the_note_line():
    assert language_name("pt") == "Portuguese"
    unread = [Article(path=f"{n}.txt", title="t", paragraphs=["x"], language=code)
              for n, code in enumerate(["pt", "ru", "pt"])]
    assert language_notes(unread) == ["3 articles in Portuguese and Russian not analysed"]
    assert language_notes([]) == []


def _inbox(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "en.txt").write_text("Harbour reopens\n\n" + "\n\n".join([ENGLISH] * 3) + "\n", encoding="utf-8")
    (folder / "pt.txt").write_text("Porto reabre\n\n" + "\n\n".join([PORTUGUESE] * 3) + "\n", encoding="utf-8")
    (folder / "ru.txt").write_text("Гавань открыта\n\n" + "\n\n".join([RUSSIAN] * 3) + "\n", encoding="utf-8")
    return folder


def test_a_non_english_file_is_noted_and_not_analysed(tmp_path):
    unread: list = []
    analyzed, errors = analyze_paths([_inbox(tmp_path)], not_analysed=unread)
    assert [a.article.language for a in analyzed] == ["en"]
    assert sorted(a.language for a in unread) == ["pt", "ru"] and not errors


def test_the_brief_says_which_languages_it_did_not_analyse(tmp_path):
    result = build([_inbox(tmp_path)], tmp_path / "out")
    data = json.loads((tmp_path / "out" / "brief.json").read_text(encoding="utf-8"))
    assert "2 articles in Portuguese and Russian not analysed" in data["omitted"]
    assert {a["language"] for a in data["not_analysed"]} == {"pt", "ru"}
    assert all(a["language"] == "en" for a in data["articles"])
    html = (tmp_path / "out" / "brief.html").read_text(encoding="utf-8")
    assert "Portuguese and Russian not analysed" in html and "paredão" not in html
    assert result.pages == 1


def test_the_model_kept_uncompressed_names_languages_as_py3langids_own_loader(tmp_path, monkeypatch):
    """The model is decompressed once into the cache folder and mapped from there after: the
    identifier built either way answers as py3langid's own does."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from briefing.ingest.language import load_identifier

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    texts = ["Os pescadores esperaram desde a madrugada à entrada do porto.",
             "Die Fähre legte am Montag nach einer Woche Bauarbeiten wieder an.",
             "Le port a rouvert lundi après une semaine de travaux sur la digue.",
             "The harbour reopened on Monday after a week of work on the sea wall."]
    own = LanguageIdentifier.from_model_file(MODEL_FILE)
    made = load_identifier()  # decompresses and keeps the model
    kept = list((tmp_path / "briefing").glob("py3langid-model-*/*.npy"))
    assert len(kept) == 5
    mapped = load_identifier()  # from the kept copy
    for text in texts:
        assert made.classify(text) == mapped.classify(text) == own.classify(text)
