"""History and control phrasings, sixth batch: a count of visits, calls or messages ("turned
up 4 times this week", "rung her 25 times since 8pm") is the course of conduct being reported,
not an earlier incident; control that ended with the relationship or a remand ("the whole time
they were together", "before he was remanded", "all through the marriage", "for months until
she moved out") is historical and so a previous incident; "for months" and "over the past
year" alone do not keep such control current; a habit told in the present tense ("takes all
her wages") stays current beside a dated assault. Rows are written for this test in a call
handler's style, not taken from any data set, with traps: counted assaults and earlier police
calls, control that goes on after the split, a dated single taking, repeated messages that
are not control. Notes of one call are separated by " || "."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows

P = "previous_incidents"
C = "coercive_control"

ROWS: list[tuple[str, str | None, str]] = [
    # --- a count of contacts is the harassment itself, not a history
    (P, None, "ex keeps turning up outside her work, 4 times this week"),
    (P, None, "he has rung her mobile 25 times since 8pm"),
    (P, None, "her ex has been parked across the road on three occasions this month"),
    (P, None, "he's texted her 40 times since teatime asking to meet"),
    # --- traps: counted assaults and earlier police calls are a history
    (P, "current", "he has hit her 3 times this week"),
    (P, "current", "addr has 2 prev DV calls"),
    (P, "current", "police have been called out to them 3 times this year"),
    # --- earlier police involvement in other words
    (P, "current", "officers were called to the house over his drinking back in 2021"),
    (P, "current", "she tried to leave him at xmas, police came then too"),
    (P, "current", "his shotgun licence was revoked after the last domestic callout"),
    (P, "current", "he was arrested for something similar at this address"),
    (P, "current", "silent 999, number is linked to a DV address"),
    (P, None, "police were called tonight by the neighbours"),
    (P, None, "officers attended at 0130 and he was arrested"),
    # --- control that ended with the relationship or a remand
    (C, "historical", "her son took her pension for months until he moved out in the spring"),
    (C, "historical", "he's been in prison since june. before that, over the last year he took her wages every week"),
    (C, "historical", "she says he kept her bank card the whole time they were together"),
    (C, "historical", "before he was remanded he would not let her see her sister"),
    (C, "historical", "he read her messages every night all through the marriage"),
    (C, "historical", "before he left he took her wages off her"),
    (C, "historical", "she wants to report past controlling behaviour by her ex husband"),
    (C, "historical", "during their 8 yr relationship he decided who she could see"),
    (C, "historical", "her nephew lived with her for two years and took her bank card off her"),
    (P, "current", "before he was remanded he went through her phone every night"),
    (P, "current", "she kept his bank card for the whole 3 years"),
    # --- traps: control that goes on, or goes on after the split
    (C, "current", "since they split he still has her bank card and won't give it back"),
    (C, "current", "he checks her phone every night and won't let her see her mum"),
    (C, "current", "he's been tracking her phone for months"),
    (C, "current", "wants to report his controlling over the last year - he goes through her purse"),
    (P, None, "he checks her phone every night and won't let her see her mum"),
    # --- a habit in the present tense beside a dated assault
    (C, "current", "husband punched her last month and takes all her wages off her"),
    (C, "current", "his wife pushed him last week, she holds his bank card and gives him a tenner"),
    # --- traps: a dated taking, messages that are not control
    (C, "historical", "he took her bank card last month"),
    (C, None, "he keeps sending her messages through her sister"),
]


@phrasing_rows(ROWS)
def test_hist_6_phrasing(analyser: Analyser, label: str, expected: str | None, notes: str | list[str]) -> None:
    assert_reads(analyser, label, expected, notes)
