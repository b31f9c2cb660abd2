"""Safety, stalking and police phrasings, seventh batch: a release from prison weeks or years ago is
history, not a present fact that ends her safety (only a release during this incident, or in a named
month, negates safety_confirmed); "not due back until 7pm" is a short absence; a suspect following
her "room to room" inside the house is not stalking; calling her mother names is not a course of
calls; a job given in quotes ("husband is 'a copper'"). Rows are written for this test in a call
handler's style, not taken from any data set, with traps: a release an hour ago, following her home
from work again and again, ringing her mother to find her, a relative in the police. Notes of one
call are separated by " || "."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows

SC = "safety_confirmed"
ST = "stalking_harassment"
P = "police_perpetrator"

ROWS: list[tuple[str, str | None, str]] = [
    # --- a release long past says nothing of where he is now
    (SC, None, "her ex was released last month and has been driving past her house"),
    (SC, None, "ex got out of jail in 2022 after serving time for hitting her, she saw him in town today"),
    (SC, None, "he was sent down for hurting her. he was freed two years ago and she saw him at the shops today"),
    (SC, "negated", "he was arrested this afternoon || custody have released him an hour ago and he is texting her he is coming home"),
    (SC, "negated", "custody rang, he was bailed at 6pm and is now outside her door"),
    (SC, "current", "he was remanded at court today and is in prison until the trial"),
    (SC, "negated", "he got out of prison in June and has been texting her since"),
    # --- back in a few hours is no protective fact
    (SC, None, "husband at work, not due back until 7pm"),
    (SC, None, "he's out until 11pm at the darts, kids in bed"),
    (SC, "current", "he's on the rigs, not due home until next month"),
    # --- following inside the house, name calling
    (ST, None, "he's had a drink and followed her room to room shouting at her"),
    (ST, None, "her stepdad keeps calling her mum a useless cow and takes her money"),
    (ST, "current", "ex has followed her home from work three times this week"),
    (ST, "current", "he keeps calling her mum asking where she is staying"),
    # --- a job in quotes
    (P, "current", "caller says her husband is 'a copper' and knows everyone at the station"),
    (P, "current", "she says the bf is 'a PCSO' in the next town, he has gone out"),
    (P, None, "her brother is 'a copper' and is driving over to her"),
]


@phrasing_rows(ROWS)
def test_safe7_phrasing(analyser: Analyser, label: str, expected: str | None, notes: str) -> None:
    assert_reads(analyser, label, expected, notes)
