"""Suspect-presence phrasings (suspect_present), third batch: attacks and weapons in hand
that put him at the scene, where he is in or around the house, calls to a station front
office (the caller is at home, not at the counter), expected returns, and where he has gone.
Rows are written for this test in a call handler's style, not taken from any data set, with
traps: other people, the victim's own movements, the past and what is only feared.
Notes of one call are separated by " || "."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows


S = "suspect_present"

ROWS: list[tuple[str, str | None, str]] = [
    # --- at the scene: an attack or a weapon in hand right now
    (S, "current", "c/r says stepdad trying to choke her mum in the hall"),
    (S, "current", "boy aged 7 on the line, daddy is hurting mummy"),
    (S, "current", "she says he is forcing her upstairs"),
    (S, "current", "partner smashed the tv and is holding a piece of glass"),
    (S, "current", "text from ip: he has machete, help"),
    (S, "current", "her son has got her mum by the throat"),
    (S, "current", "bf has her pinned on the kitchen floor"),
    (S, "current", "he is blocking the front door so she can't get out"),
    (S, "current", "he's just headbutted her, she's bleeding"),
    (S, "current", "male seen dragging a woman by the arm into no 9"),
    (S, "current", "man in the back garden shouting abuse at the windows"),
    (S, "current", "he has put the knife down on the worktop"),
    # --- at the scene: where he is in or around the house
    (S, "current", "c/r says hubby 68, lying on settee"),
    (S, "current", "partner is watching football in the lounge"),
    (S, "current", "he is quiet at the moment, sat with a beer"),
    (S, "current", "the in-laws are all downstairs"),
    (S, "current", "ip upstairs, her family all in the kitchen"),
    (S, "current", "he is just through the wall, she can hear him"),
    (S, "current", "ex sat outsdie her flat in a blue van"),
    (S, "current", "ex Dean is out the front revving his engine"),
    (S, "current", "bf with her now, she can only say yes or no"),
    (S, "current", "asked if the man who hit her is in the house - yes"),
    (S, "current", "he's parked opposite her house watching"),
    (S, "current", "man who assaulted her now sat in his car in the car park"),
    # --- calls to the front office: the caller is at home, he is with her
    (S, "current", "call to the front office from a woman, she whispered he's in the kitchen"),
    (S, "current", "caller rang the enquiry desk, says husband is in the next room"),
    (S, "negated", "female at the front counter, says partner is at home"),
    # --- expected back
    (S, "current", "he's gone to the offy, he'll be back once he's got his cans"),
    (S, "current", "went to the garage for fags, coming straight back"),
    (S, "current", "ex rang, said he's coming down tonight to sort her out"),
    # --- gone or elsewhere
    (S, "negated", "not seen him today"),
    (S, "negated", "he stormed off to his mam's"),
    (S, "negated", "dad is at the bookies"),
    (S, "negated", "husband is at work until 10"),
    (S, "negated", "her father and brother both at work"),
    (S, "negated", "p/ner is on a week's holiday in Crete"),
    (S, "negated", "he's been in Ibiza for two weeks"),
    (S, "negated", "he has since moved out and lives with his nan"),
    (S, "negated", "he went off in his van"),
    (S, "negated", "she saw him get on the train"),
    (S, "negated", "officers checked the street, nobody there"),
    (S, "negated", "ex last seen three days ago"),
    (S, "negated", "he left about an hour ago"),
    (S, "negated", "he's currently in a bail hostel"),
    (S, "negated", "he's not been near the house since"),
    # --- traps: the victim, children, the past, the feared
    (S, None, "next time you'll be home, the note said"),
    (S, None, "she managed to push him off and ran to a neighbour"),
    (S, None, "she says she won't leave him"),
    (S, None, "ip is not going back to him"),
    (S, None, "she wants him gone by the weekend"),
    (S, None, "the kids are asleep upstairs"),
    (S, None, "her daughter, 6, was in the house"),
    (S, None, "she is frightened of him coming back"),
    (S, None, "he came back from Spain in May and they split"),
    (S, None, "ex lives nearby"),
    (S, None, "they all live in the same house"),
    (S, None, "he is refusing to return the kids after contact"),
    (S, None, "woman from across the road called it in"),
    (S, None, "not sure if the kids heard anything"),
    (S, None, "she saw him in town last month"),
    (S, None, "he tried to strangle her last year"),
    (S, None, "he has knife crime convictions"),
]


@phrasing_rows(ROWS)
def test_susp_3_phrasing(analyser: Analyser, label: str, expected: str | None, notes: str | list[str]) -> None:
    assert_reads(analyser, label, expected, notes)
