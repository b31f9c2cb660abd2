"""Everyday paraphrases of each indicator, one short note each, written for this test (not
taken from any development set): the vocabulary a held-out author is likely to use."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows


PARAPHRASES: list[tuple[str, str, str]] = [("weapon","current","he's got a blade on him"),("weapon","current","he pulled a knife on her"),("weapon","current","he had a knife to her throat"),("weapon","current","armed with a baseball bat"),
("weapon","current","he swung a chair at her"),("weapon","current","threatened her with a screwdriver"),("weapon","current","he pulled out a gun"),("weapon","current","he hit her over the head with a bottle"),
("weapon","current","he's got a knife"),("weapon","current","came at her with a kitchen knife"),("weapon","current","he smashed a glass and came at her with it"),("weapon","negated","no weapons involved"),("weapon","negated","she says he has no weapons"),
("strangulation","current","hands around her throat"),("strangulation","current","pinned her against the wall by her neck"),("strangulation","current","he put a pillow over her face"),("strangulation","current","had her in a headlock"),("strangulation","current","he tried to strangle her"),
("threats_to_kill","current","he told her he'd murder her"),("threats_to_kill","current","said he would kill her"),("threats_to_kill","current","he said she's dead when he gets home"),("threats_to_kill","current","threatening to kill her and the kids"),
("injury","current","her nose is bleeding"),("injury","current","she's got a black eye"),("injury","current","cut lip"),("injury","current","she's hurt"),("injury","current","she can't move her arm"),("injury","current","paramedics on scene treating her"),("injury","negated","no injuries"),("injury","negated","she isn't hurt"),
("cannot_talk_safely","current","she's whispering"),("cannot_talk_safely","current","line went dead"),("cannot_talk_safely","current","he's listening"),("cannot_talk_safely","current","she can't talk, he's in the room"),("cannot_talk_safely","current","she can only say yes or no"),
("suspect_present","current","he's still here"),("suspect_present","current","he's in the next room"),("suspect_present","current","he's outside"),("suspect_present","current","banging on the door"),("suspect_present","current","trying to get in"),("suspect_present","current","on his way back"),("suspect_present","negated","he's just left"),("suspect_present","negated","he drove off"),("suspect_present","negated","he's been arrested"),
("children_present","current","two kids in the house"),("children_present","current","her son is 8"),("children_present","current","baby asleep upstairs"),("children_present","negated","no children"),("children_present","current","the kids are at school"),
("safety_confirmed","current","he's been arrested and is in custody"),("safety_confirmed","current","she's in a refuge"),("safety_confirmed","current","she's staying with her mum, he doesn't know the address"),
("coercive_control","current","he controls all the money"),("coercive_control","current","he won't let her see her friends"),("coercive_control","current","he checks her phone"),("coercive_control","current","he tracks her location"),
("stalking_harassment","current","he keeps turning up at her work"),("stalking_harassment","current","he's sent 100 texts today"),("sexual_abuse","current","he raped her"),("sexual_abuse","current","he forced her to have sex"),
("previous_incidents","current","he's done this before"),("previous_incidents","current","police have been called before"),("previous_incidents","negated","first time this has happened"),
("pregnancy","current","she's 6 months pregnant"),("substance_misuse","current","he's drunk"),("substance_misuse","current","he's off his face on coke"),("mental_health_suicide","current","he says he'll kill himself"),
("order_breach","current","he's breaching his bail"),("order_breach","current","there's a non-molestation order"),("firearm_access","current","he has a shotgun licence"),("escalation","current","it's getting worse"),("separation","current","she left him last month"),("separation","current","her ex"),
("honour_based_abuse","current","her family are forcing her to marry"),("vulnerable_victim","current","she's deaf"),("vulnerable_victim","current","she doesn't speak English"),("police_perpetrator","current","her husband is a police officer"),("animal_abuse","current","he kicked the dog"),
]


@phrasing_rows(PARAPHRASES)
def test_paraphrase(analyser: Analyser, label: str, expected: str, notes: str) -> None:
    assert_reads(analyser, label, expected, notes)


# Status traps in everyday wording: denial scope, history, hedges, subjects, later notes.
STATUS_TRAPS: list[tuple[str, str | None, list[str]]] = [
("weapon","current",["no knife seen but he's swinging a hammer about"]),
("weapon","negated",["asked about weapons, she says none"]),
("weapon","historical",["he threatened her with a knife back in 2020, nothing like that tonight"]),
("weapon","current",["he might have a knife in his jacket"]),
("weapon","current",["not sure if he's armed"]),
("strangulation","historical",["he strangled her two years ago"]),
("strangulation","current",["last year he hit her; tonight he grabbed her throat"]),
("strangulation","negated",["he didn't touch her neck"]),
("threats_to_kill","current",["he keeps saying he'll kill her if she calls the police"]),
("threats_to_kill","historical",["he threatened to kill her last summer"]),
("threats_to_kill","negated",["no threats to kill made"]),
("injury","historical",["she had a black eye last month which has healed"]),
("injury","negated",["she's shaken but not injured"]),
("injury","current",["he's bleeding from his hand after punching the window"]),
("suspect_present","negated",["he's gone to work"]),
("suspect_present","current",["not sure if he's left the house"]),
("suspect_present","negated",["he's been arrested by officers"]),
("suspect_present","current",["he left but is now back banging on the door"]),
("suspect_present","negated",["he was in the kitchen", "update: he has now left in his car"]),
("suspect_present","current",["he's gone", "correction - he's hiding in the garden"]),
("children_present","current",["kids at school", "actually her son is upstairs"]),
("children_present",None,["the neighbour's kids were playing outside"]),
("children_present",None,["her son (25) lives nearby"]),
("children_present","negated",["no children live at the address"]),
("police_perpetrator",None,["her brother is a police officer, he's coming over to help"]),
("police_perpetrator","current",["her partner is a serving PC"]),
("safety_confirmed","negated",["she isn't safe there, he knows where her mum lives"]),
("safety_confirmed",None,["she is at the front desk of the police station"]),
("substance_misuse","current",["she was drunk"]),
("previous_incidents","current",["he has hit her before"]),
("previous_incidents","negated",["no previous incidents"]),
("separation","negated",["they're still together and she doesn't want to leave"]),
("stalking_harassment",None,["he turned up at the door once tonight"]),
("coercive_control","current",["he monitors her location on her phone"]),
("animal_abuse","current",["he threatened to kill the cat"]),
("threats_to_kill",None,["he threatened to kill the cat"]),
("mental_health_suicide","current",["he says he'll end it all if she leaves"]),
("pregnancy","current",["she had a baby 3 weeks ago"]),
("children_present","current",["she had a baby 3 weeks ago"]),
("cannot_talk_safely","negated",["she can talk freely now, he's gone out"]),
("order_breach","historical",["her non-mol expired last year"]),
]


@phrasing_rows(STATUS_TRAPS)
def test_status_trap(analyser: Analyser, label: str, expected: str | None, notes: list[str]) -> None:
    assert_reads(analyser, label, expected, notes)
