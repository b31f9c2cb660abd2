"""Presence and safety phrasings (suspect_present, safety_confirmed, cannot_talk_safely), one
row per concept, written for this test in a call handler's style (not taken from any
development set), with status traps: denials, habits, hypotheticals and things that only
look like a whereabouts. Notes of one call are separated by " || "."""

from __future__ import annotations

import pytest

from assistant.analysis import Analyser


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    return Analyser()


S, C, T = "suspect_present", "safety_confirmed", "cannot_talk_safely"

ROWS: list[tuple[str, str | None, str]] = [
    # --- suspect present: sounds and acts in progress
    (S, "current", "neighbour rang, heard smashing from no.12"),
    (S, "current", "open line, sounds of slapping and a woman crying"),
    (S, "current", "ip says bf is hurting her right now"),
    (S, "current", "he has dragged her back inside by the arm"),
    (S, "current", "her ex is walking behind her down the high st shouting"),
    (S, "current", "text from daughter: help he's going mental"),
    (S, "current", "partner is trying to strangle her"),
    (S, "current", "he's trying to climb in through the kitchen window"),
    (S, "current", "c/r in the en suite, he is lying next to her side of the bed"),
    (S, "current", "c/r and kids barricaded in the back bedroom"),
    (S, "current", "c/r holding the bathroom door shut"),
    (S, "current", "male in bg shouting and swearing"),
    (S, "current", "susp has snatched the phone off her"),
    (S, "current", "he has her by the hair now"),
    (S, "current", "he's got his hands round her throat"),
    (S, "current", "bf is sat smoking in the kitchen"),
    (S, "current", "ex banging on door for 10 mins, he's now gone in"),
    (S, "current", "husband is next door at his mates"),
    (S, "current", "she's in the car with her partner, he's driving erratically"),
    (S, "current", "p/ner back at the flat now"),
    (S, "current", "the brothers are in the house with her"),
    # --- suspect present: away, with the victim elsewhere
    (S, "negated", "ip ringing from the Asda car park, p/ner at home"),
    (S, "negated", "c/r on the bus into town, bf at home"),
    (S, "negated", "she is in her car at the retail park. husband is at home"),
    (S, "negated", "he is stopping at his cousins for now"),
    (S, "negated", "ex lives with his parents"),
    (S, "negated", "ex is at her own flat"),
    (S, "negated", "husb is staying in Leeds with work"),
    (S, "negated", "partner not at the mum's, she's checked"),
    (S, "negated", "none of them there now"),
    (S, "negated", "the husband's van has gone from the drive"),
    (S, "negated", "he flew out to the rigs on sunday"),
    (S, "negated", "he has been admitted to the psychiatric unit"),
    (S, "negated", "he got 2 years at crown court last month"),
    (S, "negated", "he's out at the bookies"),
    (S, "current", "0215 hes back"),
    (S, "current", "she pushed him out the front door, he's still out there kicking off"),
    (S, "current", "he's gone out into the back garden to cool off"),
    (S, "current", "ex has put the window through and is climbing in"),
    (S, "current", "child says mummy and daddy are fighting"),
    (S, "current", "stepdad still at mum's, c/r at her own flat"),
    (S, "negated", "she threw a cup and stormed out"),
    (S, "negated", "units attended, susp left prior"),
    (S, "negated", "p/ner made off before police arrival"),
    (S, "negated", "bf currently at the gym"),
    (S, "negated", "husband not at home, whereabouts unknown"),
    (S, "current", "she hit him with a mug and is now locked in the spare room"),
    (S, "current", "he came back an hour ago and is in the lounge"),
    (S, "current", "p/ner stomping around the house with a hammer"),
    (S, "current", "neighbour heard a bang next door"),
    (S, "current", "nobody has left the flat, neighbour watching the door"),
    (S, "negated", "he kicked the door and has left on foot"),
    (S, "current", "her ex has just turned up"),
    (S, "current", "ex turned up at the house an hour ago"),
    (S, "current", "he's round the back trying the doors"),
    (S, "current", "bf says he's 10 mins away"),
    (S, "current", "male has returned to the address"),
    (S, "current", "p/ner present, c/r in kitchen"),
    (S, "current", "he's in with the kids"),
    (S, "negated", "he's done one, c/r safe for now"),
    (S, "negated", "he legged it when she rang us"),
    (S, "negated", "left approx 20 mins ago"),
    (S, "negated", "he's been gone about an hour"),
    (S, "negated", "he got a taxi to his brothers"),
    # --- suspect present: status traps
    (S, None, "he used to come home drunk and when he was drunk he'd shout"),
    (S, None, "ex left a card on her car windscreen"),
    (S, None, "ex keeps ringing and left voicemails all night"),
    (S, None, "she's being sent to bangladesh to marry a cousin from sylhet"),
    (S, None, "caller is stood outside the block waiting for police"),
    (S, None, "he's been hitting her for years, never reported"),
    (S, None, "ex lives 5 mins away from her"),
    (S, None, "he threw her bags out the window last week"),
    (S, "current", "he is drunk and has gone up to bed"),
    (S, None, "kids aren't home, they're at their dad's"),
    (S, "current", "he is out on the balcony"),
    (S, "negated", "he's at work, she doesn't know when he'll be back"),
    # --- safety confirmed
    (C, "current", "he does not know this address"),
    (C, "current", "parents don't know where the caller lives"),
    (C, "current", "ex has no addy for her"),
    (C, "current", "he got 3 years, sentenced today"),
    (C, "current", "husband admitted to a residential rehab for 6 weeks"),
    (C, "current", "he's gone back home to Poland"),
    (C, "current", "he's in the north sea for the next 3 weeks"),
    (C, "current", "she's gone to stay with her sister in Glasgow for a fortnight"),
    (C, "current", "he lives in Norwich and has no reason to come over here"),
    (C, "negated", "she's at a friend's but he knows the friend's address"),
    (C, "negated", "ex knows all her family's addresses"),
    (C, "negated", "she's at her nan's, he knows where that is"),
    (C, "negated", "staying at her sister's, he has been there before"),
    (C, "negated", "p/ner arrested this morning || custody update: released on bail at 1500"),
    (C, "current", "he is in Swansea with work till the end of the month"),
    (C, "current", "ex has gone to live in another city"),
    (C, "current", "ex lives in Hull, not due to visit"),
    (C, "negated", "he was remanded || update: bailed 1130 with conditions"),
    (C, "current", "ex left the UK for good in the summer"),
    (C, "current", "he started a six month contract in Qatar"),
    (C, "current", "he went to his mum's in Dundee on Friday for a fortnight"),
    (C, "negated", "she's at her aunt's but he's found out where"),
    # --- safety confirmed: status traps
    (C, None, "she doesn't want him arrested, just wants advice"),
    (C, None, "he told her she'll be deported if she calls the police"),
    (C, None, "she's scared he'll find out where she's staying"),
    (C, None, "they want her to marry a man in pakistan"),
    (C, "current", "he's serving 4 years, she wants advice for when he is released"),
    (C, "current", "he is locked up || she has let go of the idea of getting back with him"),
    # --- cannot talk safely
    (T, "current", "she's texting us, he is in next room"),
    (T, "current", "she hung up, phone put down mid call"),
    (T, "current", "silent call, operator asked caller to press 55"),
    (T, "current", "c/r says all is fine then asks for a taxi to her address"),
    (T, "current", "line cut, c/b x2 no answer"),
    (T, "current", "rang back, no reply"),
    (T, "current", "female on callback wouldn't answer yes or no"),
    (T, "current", "bf ripped the phone out of her hand"),
    (T, "current", "she does not want him to hear her"),
    (T, "current", "he doesn't know she's on the phone to us"),
    (T, "negated", "c/r can talk ok, he is out"),
    (T, "negated", "ip happy to talk, alone in the house"),
    (T, "negated", "he has left, she can talk properly now"),
    (T, "current", "caller in the same room as him"),
    (T, "current", "she said she had to hang up"),
    (T, "current", "caller rang off mid sentence"),
    (T, "current", "phone goes dead"),
    (T, "current", "line went quiet, could hear breathing"),
    (T, "negated", "she's alone and can talk"),
    # --- cannot talk safely: status traps
    (T, None, "she rang her sister, no answer"),
]


@pytest.mark.parametrize(("label", "expected", "note"), ROWS, ids=[f"{l}:{n}" for l, _, n in ROWS])
def test_presence_phrasing(analyser: Analyser, label: str, expected: str | None, note: str) -> None:
    statuses = analyser.analyse(note.split(" || ")).statuses()
    assert statuses.get(label) == expected, f"{note!r}: {statuses}"
