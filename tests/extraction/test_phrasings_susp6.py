"""Suspect-presence phrasings (suspect_present), sixth batch: "at his flat" or "at his work" as
the place where something happened, not where he is now (most authors leave whereabouts out);
a suspect located or traced at his own address; guns or a cabinet kept at his dad's or his
mate's place; couples or parents at home together; a suspect "watching" her (surveillance)
or "getting worse" is not at the scene, while one watching TV or getting out of a car is; a
prison term told as the reason ("jailed for assaulting her", "after serving a sentence") that
no longer says where he is; "hasn't been to the door"; on the drive in his van; walked off
down the road; on a bridge threatening to jump; an uncle or cousin downstairs. Rows are written for this test in a
call handler's style, not taken from any data set, with traps: a suspect who is at his mum's
or at his flat now, a release date still ahead, a sentence still being served, "out the
front" where he stands on the pavement. Notes of one call are separated by " || "."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows

S = "suspect_present"

ROWS: list[tuple[str, str | None, str]] = [
    # --- the place where it happened is not where he is now
    (S, None, "she says her bf hit her at his flat on Saturday, she is staying at her aunt's now"),
    (S, None, "IP reports boyfriend assaulted her at his house two days ago, he doesn't know where she is"),
    (S, None, "he keeps threatening to turn up at his work and tell everyone"),
    (S, None, "they argued at his place last night and he pushed her, no marks, she's at home"),
    # traps: where he is now
    (S, "negated", "ex is at his flat in Kirkham tonight, she is at home"),
    (S, "negated", "he's gone back to his mum's, she is at home with the baby"),
    (S, "negated", "officers have located him at his home address across town"),
    (S, "negated", "he was found at his own place by the response unit"),
    (S, "negated", "update: ex located at his flat by officers"),
    (S, "negated", "update: partner traced at his house in Leigh"),
    (S, "negated", "husband is at work till 10"),
    # --- weapons kept at a relative's or a friend's place
    (S, "current", "husband asleep on the couch || he has two shotguns, kept at his dad's farm"),
    (S, "current", "bf is in the kitchen now || he's got an air rifle at his brother's"),
    (S, "current", "partner still in the lounge, his gun cabinet is at his mate's"),
    # trap: the suspect himself at his dad's
    (S, "negated", "he is at his dad's tonight, the guns are locked up there"),
    # --- together at home
    (S, "current", "her parents are at home together now, dad has dementia and hits mum"),
    (S, "current", "both parents at home together, mum says he grabbed her"),
    (S, "current", "row over money, both of them still at home together, he pushed her"),
    (S, "current", "her parents are at their bungalow together, dad shoved mum earlier"),
    # --- walked out, and out the front where he still stands
    (S, "negated", "partner walked out the door an hour ago"),
    (S, "current", "he's gone out the front and is stood on the pavement shouting"),
    # --- watching her, getting worse: not presence
    (S, None, "ex keeps texting that he's watching her, she hasn't seen him"),
    (S, None, "she says he's getting worse every month, messages all day"),
    (S, None, "he texted that he's getting a knife off his mate"),
    # traps: watching TV, getting out of the car, getting nasty
    (S, "current", "he's watching TV in the other room, she's whispering"),
    (S, "current", "a car pulled up, he's getting out now"),
    (S, "current", "he has been drinking since noon and he's getting nasty"),
    # --- a prison term told as the reason, after a release
    (S, None, "ex got out of prison in June, he was jailed for assaulting her || texts every night since"),
    (S, None, "her ex was released last month after serving a sentence for GBH on her"),
    (S, None, "he has been to prison for hurting her before, now back living round the corner from her mum"),
    # traps: still inside, release ahead
    (S, "negated", "he is in HMP Durham, jailed for assaulting her, not out till 2027"),
    (S, "negated", "he's since been jailed for 8 months for another matter"),
    # --- has not been to the door
    (S, "negated", "he keeps driving past || hes not been to door tonight"),
    (S, "negated", "ex has not been near the house since Friday"),
    # --- on the drive in his van is there; walking off down the road is leaving
    (S, "current", "he's outside on the drive in his van, revving the engine"),
    (S, "negated", "shouting heard from no.9, male has now walked off down the road"),
    (S, "negated", "after the row her partner stormed off up the street"),
    (S, "current", "he walked off down the road but he's at the end of the road now, watching"),
    # --- on a bridge threatening to jump: not at the scene (most authors leave it out)
    (S, None, "her ex is stood on the railway bridge saying he'll jump if she doesn't call"),
    (S, None, "husband sitting on the bridge over the A road, texting her goodbye"),
    (S, "current", "he is standing on the balcony threatening to jump"),
    # --- relatives other than he/dad/brother: "uncle is downstairs"
    (S, "current", "family want her to marry, her uncle took her phone, uncle is downstairs"),
    (S, "current", "she's locked in her room, her cousin is still outside the door"),
    (S, None, "her uncle used to be a police officer"),
    # --- a bare "not outside" with a time says he is not there now; without one it may
    # just correct where he is ("in the hallway, not outside")
    (S, "negated", "drives past her house most nights, his van was outside at 2. not outside now"),
    (S, "negated", "ex lives two streets away, not outside tonight"),
    (S, "negated", "He's walked past the shop 3 times today. Not outside right now."),
    (S, "current", "update - he is now in the stairwell, not outside"),
]


@phrasing_rows(ROWS)
def test_susp6_phrasing(analyser: Analyser, label: str, expected: str | None, notes: str | list[str]) -> None:
    assert_reads(analyser, label, expected, notes)
