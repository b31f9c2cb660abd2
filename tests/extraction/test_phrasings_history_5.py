"""History, control, separation and harassment phrasings, fifth batch: earlier police
involvement said in other words ("officers have been round twice before", "last month's
incident"), a first report, abuse over weeks or since the marriage, control that ended
(prison, "used to", "that all stopped"), control by money, devices and aids, a course of
conduct counted in evenings or messages, and a relationship ending. Rows are written for this
test in a call handler's style, not taken from any data set, with traps: the conjunction
"before she ran", "following her arrest", her phone being read (control, not harassment), a
single message, a demand for money from the victim, fleeing next door, staying away tonight
only, and people who are not the partner. Notes of one call are separated by " || "."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows

P = "previous_incidents"
C = "coercive_control"
SEP = "separation"
ST = "stalking_harassment"
W = "weapon"

ROWS: list[tuple[str, str | None, str]] = [
    # --- earlier police involvement, other wordings
    (P, "current", "officers have been round to the flat twice before this year"),
    (P, "current", "police came out for the same thing in march"),
    (P, "current", "police spoke to him about it last summer"),
    (P, "current", "police were called once by the neighbours in 2021"),
    (P, "current", "he's on bail from last week's assault at her mum's"),
    (P, "current", "follow up to her report last month about his behaviour"),
    (P, "current", "his shotgun was taken off him following an incident with her"),
    (P, "current", "she reported him for the same in the spring"),
    (P, "current", "after he was arrested last week he has kept ringing her"),
    # --- a first report
    (P, "negated", "HX: first DV report at this address"),
    (P, "negated", "this is the first domestic call for the couple"),
    # --- abuse over time
    (P, "current", "she says he shoved her the last time he came round"),
    (P, "current", "reporting abuse throughout marriage, divorced now"),
    (P, "current", "he's been pushing her around for a few weeks now"),
    (P, "current", "he has shouted at her like this ever since they married"),
    (P, "current", "her dad locks her out whenever they row"),
    # --- traps: not an earlier incident
    (P, None, "she took the knife off him before she ran out the back"),
    (P, None, "says he'll come at her again, she's in the bathroom"),
    (P, None, "caller got a second text from her sister saying he's there"),
    (P, None, "she is asking for an IDVA, he is in the cells"),
    (P, None, "patrol on scene, male arrested for assault and taken to custody"),
    (W, "current", "he grabbed a hammer from the shed before she locked the door"),
    # --- coercive control: money, devices, aids, movement
    (C, "current", "he takes her phone and is checking every message she sends"),
    (C, "current", "his family say she has to wear what they choose"),
    (C, "current", "grandson has been using her bank card to take out her pension"),
    (C, "current", "she is deaf and he hid her hearing aids"),
    (C, "current", "his stepdad takes his phone off him at night"),
    (C, "current", "says he will track her wherever she goes"),
    (C, "current", "told her he'll smash the place up if she goes out"),
    (C, "current", "he decides how much she can spend on food"),
    (C, "current", "won't give her any money for the gas"),
    (C, "current", "partner calls her names every night"),
    # --- traps: not control
    (C, None, "son shouting, says he will hurt her if she doesn't give him money"),
    (C, None, "he stormed off and took the car keys"),
    # --- control that has ended
    (C, "historical", "he used to go through her purse and stop her seeing her sister. he's in prison now"),
    (C, "historical", "for much of their marriage he controlled all the money. she left in march"),
    (C, "historical", "he checked her phone every night. That all stopped when he got sent down"),
    (C, "historical", "until his arrest he checked her phone every night"),
    (C, "current", "he used to be kind but now he checks her phone every night"),
    # --- harassment: a course of conduct
    (ST, "current", "he was sat outside her work four nights running"),
    (ST, "current", "she has seen him parked up the road three evenings in a row"),
    (ST, "current", "ex has texted her through her mum's phone most days"),
    (ST, "current", "he gets his mates to pass on messages to her"),
    (ST, "current", "she has had about 30 abusive whatsapp messages from him"),
    (ST, "current", "calls from withheld numbers all evening"),
    (ST, "current", "ex has breached the order again and again"),
    (ST, "current", "he is texting her again despite the non-mol"),
    (ST, "current", "ex rang her 15 times today from a withheld no"),
    (ST, "negated", "she blocked him and has heard nothing since"),
    # --- traps: not harassment
    (ST, None, "she has a non-harassment order against him from last year"),
    (ST, None, "he reads through her messages every evening"),
    (ST, None, "he calls her names most nights"),
    (ST, None, "she attended following her husband's arrest"),
    (ST, None, "ex at the door now, ringing the bell over and over"),
    (ST, None, "she does not want any contact with him"),
    (ST, "current", "no contact with him in person, but 40 messages since friday"),
    # --- separation
    (SEP, "current", "she wants the relationship to be over"),
    (SEP, "current", "her husband, who she left in june, is outside"),
    (SEP, "current", "she's planning to leave next week when he's at work"),
    (SEP, "current", "she and the kids arrived at a refuge tonight"),
    # --- traps: not separation
    (SEP, None, "she has fled next door to number 12"),
    (SEP, None, "she is scared and does not want to leave the station"),
    (SEP, None, "she won't go back there tonight, staying at her mum's"),
    (SEP, None, "he has form for assaulting his ex"),
    (SEP, None, "nan says her grandson leaves her short of money"),
]


@phrasing_rows(ROWS)
def test_history_5_phrasing(analyser: Analyser, label: str, expected: str | None, notes: str | list[str]) -> None:
    assert_reads(analyser, label, expected, notes)
