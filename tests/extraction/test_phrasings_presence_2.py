"""Presence and safety phrasings (round 2), one short note per concept, written for this test
(not taken from any development set): where the suspect is, whether she can talk, and the
protective facts, in the shorthand of UK call handlers. Rows with `None` are traps: phrases
that look like the concept but are not it."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows


ROWS: list[tuple[str, str | None, str]] = [
    # armed or hands on her right now: he is there
    ("suspect_present", "current", "she says he's got the bread knife and won't put it down"),
    ("suspect_present", "current", "dad has got a hammer in his hand"),
    ("suspect_present", "current", "boyfriend is holding a blade to her throat"),
    ("suspect_present", "current", "husband has got her neck up against the fridge"),
    ("suspect_present", "current", "partner is kneeling on her chest"),
    ("suspect_present", None, "husband has got a shotgun licence, no other concerns"),
    # where he is, said plainly
    ("suspect_present", "current", "husband sat in the armchair not saying anything"),
    ("suspect_present", "current", "son is now in the workshop at the back"),
    ("suspect_present", "current", "he is back up at the house now"),
    ("suspect_present", "current", "he is 'in the kitchen' she says"),
    ("suspect_present", "current", "she can't say much, he's right next to her"),
    ("suspect_present", "current", "he's only in the toilet, she has to be quick"),
    ("suspect_present", "current", "partner's back now and shouting again"),
    ("suspect_present", "current", "he is in the area but not at her address"),
    # heard, answered, coming
    ("suspect_present", "current", "on ringback a man answered and said she's asleep"),
    ("suspect_present", "current", "he's popped to the shop, back in a sec"),
    ("suspect_present", "current", "he messaged 'on my way round' ten mins ago"),
    ("suspect_present", "current", "ex finishes in 15 mins and is coming straight here"),
    ("suspect_present", "current", "he has gone out to get his bat from the car"),
    ("suspect_present", "current", "hes bangin on the back door"),
    # gone, away, elsewhere
    ("suspect_present", "negated", "he went out the front door about ten minutes ago"),
    ("suspect_present", "negated", "partner out working till late"),
    ("suspect_present", "negated", "he punched the wall and then went off to the bookies"),
    ("suspect_present", "negated", "bf now at his cousins"),
    ("suspect_present", "negated", "ex not at her address tonight"),
    ("suspect_present", "negated", "he lives about an hour away"),
    ("suspect_present", "negated", "he has stayed away since the weekend"),
    ("suspect_present", "negated", "a friend came and took him away to calm down"),
    ("suspect_present", "negated", "neighbour saw him leave on foot"),
    ("suspect_present", "negated", "husband works offshore, not back for three weeks"),
    ("suspect_present", "negated", "is he home? - no"),
    ("suspect_present", "current", "is he there? yes"),
    ("suspect_present", "negated", "he has now been admitted to the ward"),
    # traps: not about where he is now
    ("suspect_present", None, "her ex won't leave her alone, calls her all day"),
    ("suspect_present", None, "he keeps walking past her house every evening"),
    ("suspect_present", "current", "he's back and he's off his head on drink"),
    ("suspect_present", None, "ex has just come out of prison and she is worried"),
    ("safety_confirmed", None, "ex has just come out of prison and she is worried"),
    # protective facts
    ("safety_confirmed", "current", "she says he has never been up here and doesn't drive"),
    ("safety_confirmed", "current", "she doesn't expect him back, he's moved up north"),
    ("safety_confirmed", "current", "husband away working in Glasgow until next Friday"),
    ("safety_confirmed", "current", "she has a new flat now that he doesn't know about"),
    ("safety_confirmed", "current", "her husband moved into a nursing home in the spring"),
    ("safety_confirmed", "current", "he has been taken in by police on an unrelated matter"),
    ("safety_confirmed", "negated", "she's at her mum's but he knows she is there"),
    ("safety_confirmed", None, "the boy calling doesn't know his address"),
    ("safety_confirmed", None, "she's at a mate's, doesn't think he knows where"),
    ("suspect_present", "current", "he says he'll be round in five minutes"),
    ("suspect_present", "current", "he's pacing about the landing"),
    ("suspect_present", "current", "her ex has got her cornered in the kitchen"),
    ("suspect_present", "current", "dad's standing over her shouting"),
    ("suspect_present", "current", "the suspect was reported to remain in the kitchen"),
    ("suspect_present", "current", "Mr Smith was in the lounge at the time of the call"),
    ("suspect_present", "current", "her partner had gone to bed"),
    ("suspect_present", "negated", "he was believed to be at his own flat across town"),
    ("suspect_present", "negated", "Mr Jones was at the bookies"),
    ("suspect_present", "negated", "he smashed a plate before storming out"),
    ("suspect_present", "negated", "he is staying at his sister's house tonight"),
    ("suspect_present", "negated", "he went to work and is due home around 6"),
    ("safety_confirmed", "current", "he was not expected to travel up here"),
    ("safety_confirmed", "current", "she has gone to a place of safety"),
    ("safety_confirmed", None, "he's at the gym and not due back until after 9"),
    ("safety_confirmed", "negated", "he knew where her mum lived"),
    ("cannot_talk_safely", "current", "no verbal response, just breathing only"),
    ("cannot_talk_safely", None, "neighbour says he could hear a woman screaming"),
    ("suspect_present", "current", "he's now got a hammer and is stood in the hall"),
    ("suspect_present", "current", "partner still has the kitchen knife"),
    ("cannot_talk_safely", "current", "Q ok to talk? no"),
    ("cannot_talk_safely", "negated", "Q safe to speak? yes"),
    ("suspect_present", None, "her dad says she can't marry outside religion"),
    ("suspect_present", "negated", "the male has driven off in a white van"),
    ("suspect_present", "negated", "he threw his plate at the wall and went out, she is ok"),
    ("suspect_present", "current", "her brother has her on the floor and is sat on her chest"),
    ("suspect_present", "current", "boyfriend is still out in the garden"),
    ("suspect_present", "current", "her son, aged 30, was lying on the sofa"),
    ("suspect_present", "current", "he is coming to pick her up in 10 minutes"),
    ("suspect_present", None, "her husband won't let her out of the house"),
    ("safety_confirmed", None, "her family have threatened to have her sent back home"),
    ("suspect_present", "current", "she doesn't know where he went, he could still be in the house"),
    ("cannot_talk_safely", "current", "c/r went silent as he walked in"),
    ("cannot_talk_safely", "current", "she said she had to hang up"),
    ("suspect_present", "current", "ex stood outisde the flat"),
    ("suspect_present", "current", "partner in the kitchin with a bottle"),
    ("suspect_present", "current", "offender still on prem"),
    ("suspect_present", "current", "he's just got in from the pub"),
    ("suspect_present", "current", "ex en route to her address now"),
    ("suspect_present", "negated", "susp now away from the address"),
    ("suspect_present", "negated", "bf lifted by police earlier"),
    ("safety_confirmed", "current", "c/r at her nan's, susp doesnt know addy"),
    ("suspect_present", "current", "the male remained on scene until officers arrived"),
    ("safety_confirmed", "current", "the suspect now resides in Canada"),
    ("cannot_talk_safely", "current", "the call was terminated by the caller"),
    ("cannot_talk_safely", "current", "she is replying in one words only"),
    ("cannot_talk_safely", "current", "she can only message, not speak"),
    ("cannot_talk_safely", "current", "text: cant ring he'll hear"),
    # can she talk
    ("cannot_talk_safely", "current", "text relay, no reply to handler since"),
    ("cannot_talk_safely", "current", "phone then left open, voices in the background"),
    ("cannot_talk_safely", "current", "she texted pls dont ring me"),
    ("cannot_talk_safely", "current", "she asked us not to call back"),
    ("cannot_talk_safely", "current", "on callback she said not now and ended the call"),
    ("cannot_talk_safely", "current", "he is listening at the bedroom door"),
    ("cannot_talk_safely", "negated", "he's asleep upstairs, she's in the garden and can talk"),
    ("cannot_talk_safely", None, "her family have cut her off since the wedding"),
]


@phrasing_rows(ROWS)
def test_presence_phrasing(analyser: Analyser, label: str, expected: str | None, notes: str | list[str]) -> None:
    assert_reads(analyser, label, expected, notes)
