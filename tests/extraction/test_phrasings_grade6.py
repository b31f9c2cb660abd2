"""Grade and question phrasings, sixth batch: a bare "she's ok" is how she is, not an answer
about injuries (it still denies after "he shoved her, she's fine" or "asked about injuries - I'm
ok"); a blackout from a strangling in the past belongs to the strangling and leaves the injury
question open, while one tonight is an injury; abuse that goes on to the present ("over the last
year, most recently last night", "since then he has kept ...", "has been abusing her since she
was 12") is current, and one whose latest time is in the past stays historical; weapons in other
words (at knifepoint, round the head with a wine bottle, "anything in his hand? says a bottle");
injuries in few words (blacked her eye, pain when breathing) and "before the door shut" as a time
in the incident; a victim's parent calling about a grown son or daughter; a suicide threat in other
words ("you'll find my body in the canal"). Rows are written for this test in a call handler's
style, not taken from any data set, with traps: a graze before "she's fine", a strangling tonight,
a latest time in January, abuse in her childhood, a head held with both hands, a child with an
age, the bottom of the garden."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows

I = "injury"
S = "sexual_abuse"
W = "weapon"
C = "children_present"
M = "mental_health_suicide"

ROWS: list[tuple[str, str | None, str]] = [
    # --- a bare "she's ok" is about how she is, not an injury answer
    (I, None, "callback, she says she's ok and wants advice about leaving him"),
    (I, None, "ex is in custody since Friday, she is ok, wants an update on bail"),
    (I, "negated", "he shoved her into the door, she's fine, he has gone to the pub"),
    (I, "negated", "asked about injuries - 'I'm ok, he missed'"),
    (I, "negated", "she's alright, not injured, just shaken up"),
    (I, "negated", "both unhurt, he drove off"),
    (I, "current", "graze to her elbow, she's fine, does not want an ambulance"),
    # --- a blackout from a past strangling is part of the strangling, not an injury to ask about
    (I, None, "he strangled her in 2019 until she passed out, he is in prison for it"),
    (I, None, "two years ago her ex choked her till she blacked out, no contact since"),
    (I, None, "he put his hands round her neck last summer and she blacked out"),
    (I, "current", "tonight he choked her till she blacked out, she is on the floor"),
    (I, "current", "he strangled her 10 mins ago until she passed out"),
    (I, "historical", "the bruises on her arm from last month have faded now"),
    # --- injuries in few words
    (I, "current", "he has blacked her eye and left"),
    (I, "current", "kicked in the ribs, pain when breathing in"),
    (I, "current", "she is getting pain on breathing after he sat on her chest"),
    # --- "before the door shut" is a time in the incident, not "before" as in the past
    (I, "current", "he pulled her into his van, her lip was bleeding before the door slammed shut"),
    (I, "historical", "he split her lip once before, in 2020"),
    # --- abuse that goes on to the present: "most recently last night", "since then", "since she was 14"
    (S, "current", "he has forced himself on her lots of times over the last year, most recently this morning"),
    (S, "current", "he raped her repeatedly in the last couple of months, most recently tonight"),
    (S, "historical", "he raped her a few times over the last year, most recently in January"),
    (S, "current", "he raped her in 2021 and since then he has kept forcing her to have sex when she says no"),
    (S, "current", "her uncle has been sexually abusing her since she was 12, she still lives with him"),
    (S, "historical", "she was sexually abused by her uncle when she was 12"),
    # --- weapons in other words
    (W, "current", "he made her get in the car at knifepoint"),
    (W, "current", "he held her at gun point in the kitchen"),
    (W, "current", "she smashed him round the head with a wine bottle"),
    (W, "current", "she hit him over the head with a beer bottle when he grabbed her"),
    (W, "current", "he struck her across the face with the tv remote"),
    (W, "current", "asked if he has anything in his hand, says a bottle"),
    (W, "current", "anything in his hands? a glass"),
    (W, None, "she held her head with both hands and cried"),
    (W, None, "he has a bandage round his head with a cut underneath"),
    # --- a suicide threat in other words
    (M, "current", "he has driven off, texted her 'they'll find my body in the canal'"),
    (M, "current", "his last message said she would find me at the bottom of the reservoir"),
    (M, None, "he told her she'll find me at the bottom of the garden in the shed"),
    # --- the victim's parent calling about a grown son or daughter
    (C, None, "V's mum calling, her daughter has been hit by her boyfriend"),
    (C, None, "mother of the victim reports her daughter is being kept in the house by her husband"),
    (C, None, "caller is the victim's dad, says his son was punched by his girlfriend last night"),
    (C, None, "mum says her daughter rang her sobbing, the boyfriend has hit her"),
    (C, "current", "V's mum says the kids (3, 5) are with her now"),
    (C, "current", "her son (8) is upstairs asleep"),
    (C, "current", "c/r says her daughter, 9, is hiding in the bedroom crying"),
]


@phrasing_rows(ROWS)
def test_grade_6_phrasing(analyser: Analyser, label: str, expected: str | None, notes: str | list[str]) -> None:
    assert_reads(analyser, label, expected, notes)
