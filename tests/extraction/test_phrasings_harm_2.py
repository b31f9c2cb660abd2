"""Everyday phrasings of the emergency labels and children added in the second harm pass
(threats to kill, weapon, injury, strangulation, sexual abuse, mental health and suicide,
children present), one short note each, written for this test (not taken from any
development set), with a few status traps (denials, history, look-alikes)."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows


ROWS: list[tuple[str, str | None, str]] = [
    # threats to kill
    ("threats_to_kill", "current", "he told her he'd finish her off tonight"),
    ("threats_to_kill", "current", "ex shouting 'I'm going to finish you'"),
    ("threats_to_kill", "current", "he said she would never see the kids alive again"),
    ("threats_to_kill", "current", "he kept saying he'd cut your throat if you grass"),
    ("threats_to_kill", "current", "says he'll put one in her head"),
    ("threats_to_kill", "current", "he drowned the rabbit and said you're next"),
    ("threats_to_kill", "current", "msg from him: im dead when he gets home"),
    ("threats_to_kill", "current", "he's threatening to torch the house down with her inside"),
    ("threats_to_kill", "current", "he says he'll set the car on fire with us in it"),
    ("threats_to_kill", "current", "bf says he's going to crash the car into a tree with the kids"),
    ("threats_to_kill", "historical", "in 2019 he told her he'd finish her off"),
    # mental health and suicide
    ("mental_health_suicide", "current", "he said he'd stab her then himself"),
    ("mental_health_suicide", "current", "she says she's going to walk into the sea"),
    ("mental_health_suicide", "current", "he keeps saying he'll step in front of a train"),
    ("mental_health_suicide", "current", "threatening to drive into the reservoir with the kids"),
    # weapon
    ("weapon", "current", "he's in the yard with a pitchfork"),
    ("weapon", "current", "came at him with the wheel brace"),
    ("weapon", "current", "she lashes out with whatever's to hand"),
    ("weapon", "current", "he pointed it at me and laughed"),
    ("weapon", "current", "said he'd use it on her if she moved"),
    ("weapon", "current", "he's gone to the garage for his crossbow"),
    ("weapon", "current", "bf came at me w a hammer"),
    ("weapon", None, "victim is 82 and walks with a stick"),
    ("weapon", "historical", "he pointed it at her back in 2017"),
    # injury
    ("injury", "current", "front tooth knocked out"),
    ("injury", "current", "her tooth's come out after he hit her"),
    ("injury", "current", "she's getting bad pains in her belly"),
    ("injury", "current", "complaining of a headache after he hit her head on the wall"),
    ("injury", "current", "victim semi-conscious on the floor"),
    ("injury", "current", "he pulled chunks of her hair out"),
    ("injury", "current", "he's split her head open"),
    ("injury", "current", "he stabbed her in the arm"),
    ("injury", "negated", "no pain, no marks"),
    # strangulation
    ("strangulation", "current", "he held a cushion over her face"),
    ("strangulation", "current", "tried to smother me"),
    ("strangulation", None, "he was swinging the bottle by the neck of it"),
    ("strangulation", None, "he grabbed the cat by the scruff"),
    # sexual abuse
    ("sexual_abuse", "current", "he forces me to do sexual things to him"),
    ("sexual_abuse", "current", "made her do stuff she didn't want"),
    ("sexual_abuse", "current", "he forced himself onto me last night"),
    ("sexual_abuse", "current", "her uncle keeps touching her"),
    ("sexual_abuse", "current", "he touched her inappropriately"),
    ("sexual_abuse", "current", "tried to force her into sex"),
    # children present
    ("children_present", "current", "the little lad is only 6."),
    ("children_present", None, "she's 7 months pregnant, baby moving ok"),
    ("children_present", None, "he says he'll make her lose the baby"),
    ("children_present", None, "family want him to marry a girl from back home"),
    # second batch
    ("threats_to_kill", "current", "he screamed 'you're going to die tonight'"),
    ("sexual_abuse", "current", "he had sex with her although she kept telling him to stop"),
    ("injury", "current", "he threw a mug, leaving a nasty gash"),
    ("weapon", "current", "she held a lit cigarette against his arm"),
    ("weapon", "current", "waving the broken neck of a bottle"),
    ("weapon", "negated", "she didn't notice anything in his hands"),
    ("weapon", None, "he's gone to the golf club for the evening"),
    ("weapon", None, "she was using the bread knife to slice a cake"),
    # third batch: slang, typos, self-harm
    ("threats_to_kill", "current", "he said he'd wipe the lot of them out"),
    ("threats_to_kill", "current", "told her she'd be pushing up daisies"),
    ("weapon", "current", "he took his belt to the lad"),
    ("weapon", "current", "he used a dog lead on her"),
    ("weapon", "current", "she was threatening him with a lit candle"),
    ("injury", "current", "she can't see out of her left eye"),
    ("injury", "current", "says her ribs are killing her"),
    ("injury", "current", "she's been badly beaten"),
    ("injury", "current", "bleedin from the mouth"),
    ("injury", "current", "swolen cheek"),
    ("sexual_abuse", "current", "her stepdad has been sexually abusing her"),
    ("sexual_abuse", "current", "she was sexually assulted by him"),
    ("strangulation", "current", "he clamped his hand over her nose and mouth"),
    ("strangulation", "current", "he had her by the troat"),
    ("mental_health_suicide", "current", "he keeps saying there's no point carrying on"),
    ("mental_health_suicide", "current", "she's slashed her wrists"),
    ("mental_health_suicide", "current", "threatening sucide again"),
    ("mental_health_suicide", "current", "he says he'll hang hisself"),
    ("weapon", "current", "hes got a machette"),
    ("mental_health_suicide", "negated", "asked re self harm - none, not suicidal"),
    ("weapon", "current", "his little girl says daddy threw a cup at mammy"),
    ("weapon", "current", "she threw a plate at her stepdad"),
    ("mental_health_suicide", "current", "he's bipolar and has stopped his medication"),
    ("mental_health_suicide", "current", "she says he is in crisis again"),
    ("injury", "current", "her left eye is closing up"),
    ("threats_to_kill", "current", "text from him saying he'll end you"),
    ("threats_to_kill", "current", "he messaged her ur gonna die"),
    ("threats_to_kill", "current", "he told her she won't live to see tmrw"),
    ("threats_to_kill", "current", "he said she'd be six foot under by friday"),
    ("threats_to_kill", "current", "he keeps telling her she's a goner"),
    ("threats_to_kill", "current", "he said tonight is the last night of her life"),
    ("threats_to_kill", "current", "he said he'd choke her till she's dead"),
    ("injury", "current", "she thinks her wrist is broke"),
    ("injury", "current", "he knocked her out cold"),
    ("injury", "current", "she's cut me with a glass"),
    ("sexual_abuse", "current", "he makes her sleep with his mates"),
    ("mental_health_suicide", "current", "she's necked a load of paracetamol"),
    ("injury", None, "he said he'd knock her out"),
    ("children_present", "negated", "her children are all adults now"),
    ("children_present", "current", "her son is 6, the other kids are grown up"),
]


@phrasing_rows(ROWS)
def test_harm_phrasing(analyser: Analyser, label: str, expected: str | None, notes: str | list[str]) -> None:
    assert_reads(analyser, label, expected, notes)
