"""Results kept by what they were made from (briefing.memo)."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.memo import Memo


@dataclass
class Report:
    sentences: list[str]
    date: str | None


def test_equal_inputs_give_one_key_and_any_difference_another():
    one = Memo.key("summary", [Report(["Ferries resumed."], "2024-05-01")], 35)
    assert one == Memo.key("summary", [Report(["Ferries resumed."], "2024-05-01")], 35)
    assert one != Memo.key("summary", [Report(["Ferries resumed!"], "2024-05-01")], 35)
    assert one != Memo.key("summary", [Report(["Ferries resumed."], "2024-05-02")], 35)
    assert one != Memo.key("summary", [Report(["Ferries resumed."], "2024-05-01")], 36)


def test_a_result_is_found_by_its_key_and_lookups_are_counted():
    memo = Memo()
    key = Memo.key("layout", "<p>Harbour reopens</p>")
    assert memo.get(key) is None
    memo.put(key, "laid out")
    assert memo.get(key) == "laid out"
    assert (memo.hits, memo.misses) == (1, 1)


def test_the_end_of_a_build_forgets_what_it_did_not_use():
    memo = Memo()
    old, kept = Memo.key("old page"), Memo.key("same story")
    memo.put(old, 1)
    memo.put(kept, 2)
    memo.end_build()  # the first build made both
    assert len(memo) == 2
    assert memo.get(kept) == 2  # the next build asks only for the story
    memo.put(Memo.key("new page"), 3)
    memo.end_build()
    assert memo.get(old) is None and memo.get(kept) == 2 and len(memo) == 2
