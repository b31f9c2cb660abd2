"""Presence and safety phrasings, round 4 (safety_confirmed, cannot_talk_safely,
children_present): one row per concept, written for this test in a call handler's style
(not taken from any development set), with traps that must stay absent or negated: the
caller's own ignorance, a habit, a past age, other people's children. Notes of one call are
separated by " || "."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows


C, T, K = "safety_confirmed", "cannot_talk_safely", "children_present"

ROWS: list[tuple[str, str | None, str]] = [
    # --- safety confirmed: travelled far away
    (C, "current", "husband flew to Portugal on Monday to see his family"),
    (C, "current", "bf has gone off to Ireland with his mates for a month"),
    (C, "current", "she has gone home to her family in Romania and won't be coming back"),
    (C, "current", "he set off on a three-week cruise yesterday"),
    (C, "current", "ex is on a six-month contract in Qatar"),
    (C, "current", "she is at her cousin's, four hours away by car"),
    (C, "current", "he was bailed to his dad's address in Glasgow"),
    (C, None, "he went to Turkey in 2019 and hit her on holiday"),
    # --- safety confirmed: he has not been told, will not come back
    (C, "current", "staying with a colleague, partner has not been told where"),
    (C, "current", "at her aunt's, a house he has never been to"),
    (C, "current", "at her gran's, whose address he doesn't know"),
    (C, "current", "he has no idea she's here"),
    (C, "current", "he has said he will never come back to the house"),
    (C, "current", "partner has been in hospital since Friday after a fall"),
    (C, "current", "he's expected to be kept in for several weeks"),
    # --- safety confirmed: he knows the place (negated)
    (C, "negated", "she's at her brother's but he has dropped her there loads"),
    (C, "negated", "he has been round her sister's plenty of times before"),
    (C, "negated", "she could go to her nan's, which he knows well"),
    (C, "negated", "ex already found out her new address last week"),
    (C, "negated", "he knows where the friend lives"),
    (C, "negated", "Q: is she safe where she is? A: no, he's been there before"),
    # --- safety confirmed: traps
    (C, None, "he slammed the door and went, she doesn't know where"),
    (C, None, "he stormed off, she does not know which mate he went to"),
    (C, None, "informant does not know the exact flat number"),
    (C, None, "ip doesn't know the address she is staying at, it's a stranger's house"),
    (C, None, "her colleague doesn't know where she is living now"),
    (C, None, "her mum doesn't know about any of the abuse"),
    (C, "negated", "he was let out of jail in May after serving his sentence"),
    (C, None, "ex works for the probation service"),
    (C, None, "he always seems to know where she is, she thinks he tracks her"),
    (C, None, "are you safe where you are?"),
    (C, None, "he wants to take her to Pakistan to marry"),
    # --- cannot talk safely: voice, speaker, yes/no, line
    (T, "current", "c/r speaking with her voice really low"),
    (T, "current", "she is trying to stay quiet so he doesn't wake"),
    (T, "current", "call is on speakerphone, he is listening"),
    (T, "current", "he is sitting right beside her on the sofa"),
    (T, "current", "caller would only answer 'yes' or 'no'"),
    (T, "current", "woman screamed then the line went down"),
    (T, "current", "Q: can you talk? A: no"),
    (T, "negated", "Q: can you talk freely? A: yeah"),
    # --- cannot talk safely: traps
    (T, None, "witness couldn't say what time it started"),
    (T, None, "she says she can't say no to him when he wants sex"),
    (T, None, "she can hear her neighbour being hit through the wall"),
    (T, None, "ip says all is fine but would like advice about an injunction"),
    (T, None, "officers en route, keep the line open"),
    (T, None, "she doesn't want him to know she reported it, he is at work"),
    # --- children present: ages listed, withheld, Q/A
    (K, "current", "her grandkids, 6 and 9, live with her full time"),
    (K, "current", "the boys, 11 & 14, were at football"),
    (K, "current", "he has refused to give the children back after his weekend"),
    (K, "current", "ex has not brought the baby back since Sunday"),
    (K, "current", "Q any injuries A no Q kids A yes three, all asleep"),
    (K, "current", "caller says she is 15"),
    # --- children present: traps
    (K, None, "any children? unknown"),
    (K, None, "her daughter's dad turned up drunk"),
    (K, None, "some teenagers from the estate were watching"),
    (K, None, "youths hanging about by the shops shouted at him"),
    (K, None, "the children she can hear are from the flat below"),
    (K, None, "next door's kids saw it happen"),
    (K, None, "caller 20, he has been abusing her since she was 12"),
    (K, None, "she is 20 weeks pregnant"),
    (K, None, "her sons, 23 and 27, visit at weekends"),
    (K, None, "no court order about the kids"),
    (K, None, "her son is a nurse and told her to call"),
    (K, "current", "no threats to her or the kids || kids are in bed"),
]


@phrasing_rows(ROWS)
def test_presence_phrasing_4(analyser: Analyser, label: str, expected: str | None, notes: str | list[str]) -> None:
    assert_reads(analyser, label, expected, notes)
