"""Presence phrasings, third round (safety_confirmed, cannot_talk_safely, children_present):
one row per concept, written for this test in a call handler's style (not taken from any
development set), with traps that must stay absent or negated: short absences, old prison
terms, refuges only asked about, adult sons and daughters, numbers that are not ages.
Notes of one call are separated by " || "."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows


K, C, T = "children_present", "safety_confirmed", "cannot_talk_safely"

ROWS: list[tuple[str, str | None, str]] = [
    # --- safety confirmed: far away, a long absence
    (C, "current", "he has gone to stay with his brother in Devon and isn't coming up again"),
    (C, "current", "ex said he won't be back, he's got a flat in Hull now"),
    (C, "current", "bf is working in Aberdeen, not home till March"),
    (C, "current", "partner away with the lads all week in Newquay"),
    (C, "current", "he's on holiday in Portugal with his brother"),
    (C, "current", "husband is in Poland for three weeks visiting his mum"),
    (C, "current", "her ex has moved down to Cornwall"),
    (C, "current", "ex flew back home to Ghana on sunday"),
    (C, "current", "he is away at a darts tournament in Blackpool"),
    # --- safety confirmed: he does not know where she is
    (C, "current", "she's at her nan's, he doesn't know nans address"),
    (C, "current", "bf has no knowledge of the new address"),
    (C, "current", "she is at her cousin's in Luton, he has no idea she is there"),
    (C, "current", "housing have kept the address from him"),
    (C, "current", "he knows the street but not the exact address"),
    (C, "current", "ex doesnae know the address"),
    (C, "current", "susp doesn't know she lives there now"),
    # --- safety confirmed: he knows (a denial)
    (C, "negated", "she is stopping at her dad's, ex knows where her dad lives"),
    (C, "negated", "she's at her pal's but the ex knows where she lives"),
    (C, "negated", "he knows she is staying at the hostel"),
    # --- safety confirmed: in hospital
    (C, "current", "he's still at the hospital, they are keeping him in"),
    (C, "current", "p/ner taken to hospital by ambulance, being kept in overnight"),
    # --- safety confirmed: traps that must stay absent
    (C, None, "he's gone to the pub, not back till later tonight"),
    (C, None, "husb at work, not due home until 6pm"),
    (C, None, "he's stormed off to his mum's, says he's not coming back tonight"),
    (C, None, "she has a non-mol which runs until next year"),
    (C, None, "he did 18 months for assaulting her and came out in the spring"),
    (C, None, "he has been to prison before for hitting her"),
    (C, None, "he was arrested and bailed to his mum's address"),
    (C, None, "she wants advice about getting a refuge space"),
    (C, None, "asking if she can go into a refuge tonight"),
    (C, None, "he keeps his shotgun locked up in a cabinet"),
    (C, None, "she doesn't know where he went."),
    (C, None, "caller doesn't know the neighbours' names"),
    (C, None, "he has never been to court"),
    (C, None, "her brother moved back home after he split with his wife"),
    (C, "current", "he's in custody, she wants to know when he'll be let out"),
    # --- cannot talk safely
    (T, "current", "female asking for a pizza and garlic bread to her address"),
    (T, "current", "c/r says she'd like to order a taxi, then answers yes to being in danger"),
    (T, "current", "at the counter she mouthed help to staff while he was at the door"),
    (T, "current", "she passed the officer a note saying he hits me"),
    (T, "current", "you can hear him telling her what to say"),
    (T, "current", "c/r can't really speak, keeps going quiet"),
    (T, "current", "she has dropped her voice, he's in the hallway"),
    (T, "current", "caller barely audible"),
    (T, "current", "gave her address then the line disconnected"),
    # --- cannot talk safely: traps
    (T, None, "he deleted her contacts so she can't talk to her family"),
    (T, None, "he decides who she is allowed to speak to"),
    (T, None, "the call prompted her to come forward"),
    # --- children present: young people with an age after the name
    (K, "current", "Kayla, 16, says her boyfriend slapped her"),
    (K, "current", "Tyler (15): his stepdad pushed him down the stairs"),
    (K, "current", "caller's brother, 14, is in the flat"),
    (K, "current", "a girl of 12 answered the phone"),
    (K, "current", "locked in the bathroom with the babby"),
    (K, "current", "neighbour says a little girl ran out shouting daddy is hitting mummy"),
    # --- children present: traps
    (K, None, "he rang her 9 times, 14 texts since"),
    (K, None, "he was there from 10, 11 at the latest"),
    (K, None, "caller unsure if there are any children at the address"),
    (K, None, "children from the next houses were playing in the street"),
    (K, None, "her NOK son is coming to sit with her"),
    (K, None, "mum says her daughter's fella hit her, daughter is 20 weeks pregnant"),
    (K, None, "she has one son, who is now 30"),
    (K, None, "her brothers were angry she was chatting with a boy at the bus stop"),
    (K, None, "ex Jordan (19) keeps messaging her"),
]


@phrasing_rows(ROWS)
def test_presence_phrasing_3(analyser: Analyser, label: str, expected: str | None, notes: str | list[str]) -> None:
    assert_reads(analyser, label, expected, notes)
