"""Suspect-presence phrasings (suspect_present), fourth batch: a man heard on the line, an
assault or a hold happening now, the victim hiding from him inside the house, his injury or
collapse at the scene, a return expected within minutes, question-and-answer notes ("where
is he - A ..."), errands and trips that take him away, and the victim calling from somewhere
else while he is at home. Rows are written for this test in a call handler's style, not taken
from any data set, with traps: other people, the victim's own movements, the past, returns
weeks away and phrases that only look like a whereabouts. Notes of one call are separated
by " || "."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows


S = "suspect_present"

ROWS: list[tuple[str, str | None, str]] = [
    # --- heard on the line
    (S, "current", "999 open line, M voice swearing, female sobbing"),
    (S, "current", "call handler heard a man saying get off the phone"),
    (S, "current", "open line, a bloke ranting and a child crying"),
    (S, "current", "neighbour can hear the boyfriend yelling through the wall"),
    (S, "current", "her brother on the phone can hear her being hit"),
    (S, "current", "female voice in bg: put the knife down, please"),
    # --- an attack or a hold happening now
    (S, "current", "son rang, says his stepdad is battering his mum in the lounge"),
    (S, "current", "partner has her in a headlock on the sofa"),
    (S, "current", "husband has his hands on her throat"),
    (S, "current", "she grabbed the blade off her and is holding her down"),
    (S, "current", "passer-by: male waving something like a knife at a woman by the canal"),
    (S, "current", "hes got a kitchen knife, she's locked herself in the loo"),
    (S, "current", "mum and dad are at it again, glass breaking"),
    (S, "current", "ex has got in through the patio door"),
    (S, "current", "bf still sat in his car at the end of her drive"),
    (S, "current", "she could see his van pulling onto the drive"),
    (S, "current", "her dad and brothers with her now, she can't leave"),
    # --- she is hiding from him inside
    (S, "current", "whispering from under the bed, he is looking for her"),
    (S, "current", "he is searching the house for her"),
    (S, "current", "caller is hiding from her husband in the wardrobe"),
    (S, "current", "she's locked in the bathroom with the baby"),
    (S, "current", "yes/no only, he's listening"),
    (S, "current", "she said her partner would hear her if she spoke"),
    # --- hurt or collapsed at the scene
    (S, "current", "bf fell down the stairs mid-row, he is now unconscious in the hall"),
    (S, "current", "bf took an overdose after the row, he's conscious, amb requested"),
    (S, "current", "he is threatening to hang himself in the garage"),
    # --- gone to bed, gone outside, a return within minutes
    (S, "current", "he's gone to sleep on the settee"),
    (S, "current", "husband has gone out to the cow shed across the yard"),
    (S, "current", "he slapped her then walked back inside the house"),
    (S, "current", "he left in the car but said he'd be back in half an hour"),
    (S, "current", "he's popped to the offy, back in about 10 mins"),
    (S, "current", "he's been driving round the estate, she expects him back any minute"),
    (S, "current", "he has texted that he's on his way to get her"),
    # --- question and answer notes
    (S, "current", "Q where is he - A asleep in the back bedroom"),
    (S, "current", "Q: where's he now? A: went upstairs"),
    (S, "current", "Q: where is he? A: at the door shouting"),
    (S, "current", "Q is he with you - yes"),
    (S, "negated", "Q is he with you - no"),
    (S, "negated", "Q where is he A at the pub"),
    (S, "negated", "Q: is he home? A: no, on nights"),
    (S, "negated", "Q: where? A: drove off, she doesn't know where"),
    (S, "negated", "Q: is he there now? A: not tonight"),
    (S, "negated", "Q: where is he? A: at his own flat"),
    # --- away: errands, trips, custody, bail
    (S, "negated", "he's wandered down to the bookies"),
    (S, "negated", "husband is driving off down the lane now"),
    (S, "negated", "her husband is at the auction today"),
    (S, "negated", "husband has gone to the mart for the day"),
    (S, "negated", "he was bailed to an address in another county"),
    (S, "negated", "he hasn't been anywhere near her since the summer"),
    (S, "negated", "he left for nights an hour ago"),
    (S, "negated", "she's flown back to her family in Portugal"),
    (S, "negated", "he's taken the van and gone, no idea where"),
    (S, "negated", "he is now in the back of the police van"),
    (S, "negated", "he's being taken to custody"),
    (S, "negated", "ex walked off about five minutes before the police arrived"),
    (S, "negated", "he drove away ten minutes before she rang us"),
    (S, "negated", "he is still on remand"),
    (S, "negated", "he's been in hospital since Friday"),
    (S, "negated", "he's due out of prison next month"),
    (S, "negated", "husband away on business, due back next week"),
    (S, "negated", "he's working abroad, back in 3 weeks"),
    # --- she is elsewhere, he is at home
    (S, "negated", "she is calling from work, partner at home"),
    (S, "negated", "she rang from the supermarket; he is at home"),
    (S, "negated", "she's on her lunch break. He's at home"),
    (S, "negated", "she has gone to her sister's, he's at home"),
    (S, "negated", "V now at a friend's house, husband at home"),
    (S, "negated", "she's at work now; he's at home with his carer"),
    # --- next door at his family's is still nearby
    (S, "current", "Q: where is he? A: next door at his mum's"),
    (S, "current", "stepdad was shouting at his mum downstairs"),
    # --- traps: the past, other people, the victim's own moves, far-off returns
    (S, None, "caller not at scene, reporting for her friend"),
    (S, None, "she is not going anywhere, they're staying together"),
    (S, None, "she hadn't left a mark on him"),
    (S, None, "the family are pressuring her to marry him"),
    (S, None, "kids are at their nan's tonight"),
    (S, None, "bikes and toys outside the front"),
    (S, None, "he said he'd put his dad in a home"),
    (S, None, "he has a knife collection in the loft"),
    (S, None, "she is still on the line"),
    (S, None, "the non-mol is still in force"),
    (S, None, "the children are still at breakfast club"),
    (S, "negated", "husband in Spain, due back on Saturday"),
    (S, "negated", "he went to the pub, not known when he'll be back"),
]


@phrasing_rows(ROWS)
def test_susp_4_phrasing(analyser: Analyser, label: str, expected: str | None, notes: str | list[str]) -> None:
    assert_reads(analyser, label, expected, notes)
