"""Phrasings, tenth session: where the suspect is when the victim is elsewhere (a police front
counter, a social-work office, a taxi) and "A his flat" as an answer; "he doesn't
know she's here" is a protective fact except at the police counter (implications' not_beside);
spelt negations ("dusnt", "dosnt"); the dropped g of -ing words ("shoutin", "comin back");
"PAP" (present at the property), "he's home", "he's coming", "parked up in the lane", "just
through the wall"; shouting at his mum is with her, not at his mum's house; knowing everyone
in the nick is no custody; hiding his hearing aids, or hiding in the car, is no presence and
no control of money; "doesn't go through her phone" and "won't leave her alone" are not
refusing to leave; a care home, respite, a ward, an ambulance to hospital and "held at" a
station say where he is and that she is safe; "done for this before", "police before? A aye"
and an unreported assault are previous incidents; sex while she said stop, "no movin" on the
floor, cramping, and tablets in front of her are harm. Rows are written for this test in a call
handler's style, not taken from any data set, each with a trap beside it. Notes of one call
are separated by " || "."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows

S = "suspect_present"
SAFE = "safety_confirmed"
PREV = "previous_incidents"

ROWS: list[tuple[str, str | None, str]] = [
    # --- the victim away: an office, a bridge, a taxi, the counter; he at home is not with her
    (S, "negated", "client is at the social work office with me now, partner is at home"),
    (S, "negated", "woman is at the GP surgery, says husband is at home asleep"),
    (S, "negated", "she is in a taxi heading to her sisters, he's at home"),
    (S, "negated", "front cntr Leek, IP says bf is at home now"),
    (S, "negated", "IP attended re husband, he's at home watching tv"),
    # --- traps: with her at home, he's at home with her
    (S, "current", "c/r at home in the bathroom, he's at home downstairs"),
    # --- an answer that puts him at his own place
    (S, "negated", "Q where is he now? A his flat in Ayr"),
    (S, "negated", "where's susp? A at his mums"),
    # --- traps: an answer that puts him in the house
    (S, "current", "where is he now? A in the kitchen"),
    # --- not knowing she is here: safe, except at the police counter
    (SAFE, "current", "she is at her aunts in Hull, he doesn't know she is here"),
    (SAFE, None, "female attended front counter, her bf doesn't know she is here"),
    (SAFE, None, "IP at FC, he dusnt know she's here"),
    # --- spelt negations
    (SAFE, "current", "she's moved to a friends in Kendal, he dusnt know where"),
    (SAFE, "current", "now at her mums, he dosnt know the address"),
    # --- the dropped g
    (S, "current", "c/r says husband is comin back now, he's drunk"),
    (S, "current", "p/ner in the kitchen shoutin, she's upstairs"),
    (S, "current", "he's in the hoose wi a bat"),
    # --- PAP, home, coming, parked up, through the wall
    (S, "current", "susp still PAP, sat in the lounge"),
    (S, "current", "she said 'I have to go, he's home.' then line went dead"),
    (S, "current", "c/r says sorry I have to go he's coming. and hung up"),
    (S, "current", "he drove off but she's not sure if he's still parked up in the lane"),
    (S, "current", "female whispering, he's just thru the wall in the lounge"),
    # --- traps: his brother's address, his own home elsewhere
    (S, None, "he moved into his brother's yesterday. she knows the brother's address."),
    (S, "negated", "husband has gone round to his brother's house. V at home with 3 kids."),
    # --- shouting at his mum is with her; flinging chairs at his mum is too
    (S, "current", "caller 14, step-dad is flingin chairs at his mum"),
    (S, "current", "boy says his dad is now shouting at his mum downstairs"),
    # --- traps: at his mum's is at his mum's
    (S, "negated", "she says he's at his mums tonight"),
    # --- knowing everyone in the nick is no custody
    (S, "current", "ex is sat outside her flat again, he says he knows everyone in the nick"),
    # --- hiding his aids, hiding in the car
    (S, None, "wife has been hiding his hearing aids and tablets"),
    ("coercive_control", None, "she's hidin in the car w/ the baby, line open"),
    # --- traps: hiding her money is control; hiding in the garden is nearby
    ("coercive_control", "current", "he's been hiding her money and bank cards"),
    (S, "current", "he's hiding in the garden"),
    # --- not refusing to leave
    (S, None, "he doesnt go thru her phone or stop her seeing friends"),
    # --- traps: refusing to go is there
    (S, "current", "he won't go, keeps saying it's his house"),
    # --- a care home, respite, a ward, an ambulance, held at a station
    (S, "negated", "he went into a residential care home on fri, locked unit"),
    (SAFE, "current", "husband taken to the General by ambulance with chest pains, being admitted"),
    (SAFE, "current", "husband now on ward at the infirmary after a fall"),
    (SAFE, "current", "Q where is he now? A lifted on a warrant, held at St Leonards"),
    (SAFE, "current", "He is at the hospital now and she is at home."),
    # --- traps: her in hospital, him taking her to hospital
    (SAFE, None, "she was taken to A&E by her sister, he is at home"),
    # --- previous incidents in other words
    (PREV, "current", "he's been done for this before"),
    (PREV, "current", "Q police before? A aye in Sept"),
    (PREV, "current", "he broke her wrist in 2022, she never reported it at the time"),
    (PREV, "current", "she says this has happened loads since the baby"),
    # --- traps: a first report
    (PREV, "negated", "no previous police involvement, this is the first time"),
    # --- harm in other words: sex while she said stop, not moving, cramping, tablets in front of her
    ("sexual_abuse", "current", "husband woke her at 3am and had sex with her while she was telling him to stop"),
    ("injury", "current", "CALLER 13yo - mum's bf battered his mum, she's on the floor no movin"),
    ("injury", "current", "30 wks pregnant, punched in the stomach, has had some cramping"),
    ("mental_health_suicide", "current", "she cant take it anymore, she has tablets in front of her"),
    # --- traps: sex she wanted, moving out, tablets she takes
    ("sexual_abuse", None, "they had sex last night and then argued about money"),
    ("injury", None, "he is moving out at the weekend"),
    ("mental_health_suicide", None, "she takes tablets for her blood pressure"),
]


@phrasing_rows(ROWS)
def test_phrasings_time10(analyser: Analyser, label: str, expected: str | None, notes: str) -> None:
    assert_reads(analyser, label, expected, notes)
