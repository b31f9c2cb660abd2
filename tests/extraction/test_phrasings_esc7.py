"""Weapon, threats-to-kill and escalation phrasings, batch esc7: the victim's own kitchen knife
that she put down (not a weapon) and a denial that covers "neither of them picked it up"; a
weapon denial that must not reach "hasn't touched HER" (he still has the knife); "your last
night alive" as a threat to kill; a threat told "before" or "back
then" is historical; how often an ex follows or is seen near her ("4 times this week") is
stalking, not escalation of the abuse. Rows are written for this test in a call handler's
style, not taken from any data set, with traps: a knife he picks up while she cooks, a knife
he won't put down, a holiday's last night, a threat made tonight, a count of assaults.
Notes of one call are separated by " || "."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows

W = "weapon"
T = "threats_to_kill"
E = "escalation"

ROWS: list[tuple[str, str | None, str]] = [
    # --- her own kitchen knife, put down; he never went for it
    (W, "negated", "she had the knife in her hand for the spuds but put it down, he never touched it"),
    (W, "negated", "ip had been holding a bread knife at the time but had put it down and neither of them picked it up"),
    (W, None, "she was slicing onions and had a knife in her hand when he came in shouting"),
    (W, "current", "she was cooking and he picked up a knife from the block"),
    (W, "current", "she says he has a knife and won't put it down"),
    (W, "current", "she says he's got a knife, she is begging him to put it down"),
    # --- a denial about the knife, not about her
    (W, "current", "he has a knife, hasn't touched anyone"),
    (W, "current", "he's holding a blade, he hasn't touched her yet"),
    (W, "negated", "the knife was never used"),
    # --- threats to kill in other words
    (T, "current", "ex sent a voice note saying tonight is your last night alive"),
    (T, None, "it was the last night of their holiday when they rowed"),
    # --- a threat told before, or back then
    (T, "historical", "he said back then he would kill her if she ever left"),
    (T, "historical", "he has warned her before that he would kill her if she rang police"),
    (T, "current", "tonight he told her he would kill her"),
    # --- how often he follows her or is seen: stalking, not escalation
    (E, None, "ex has been following her to the bus stop, 4 times this week"),
    (E, None, "she has seen him sat outside her work 3 times this month"),
    (E, "current", "he has hit her three times this week, he never used to"),
    (E, "current", "ip calling from her sister's, he kicked off again tonight, 3rd time this week"),
]


@phrasing_rows(ROWS)
def test_esc7_phrasing(analyser: Analyser, label: str, expected: str | None, notes: str | list[str]) -> None:
    assert_reads(analyser, label, expected, notes)
