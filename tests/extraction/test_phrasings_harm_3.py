"""Harm phrasings, third round (weapon, injury, strangulation, threats_to_kill, sexual_abuse,
mental_health_suicide, animal_abuse, firearm_access): one row per concept, written for this
test in a call handler's style (not taken from any development set), with traps that must
stay absent or negated: animals, other people's guns, wellbeing talk, questions without an
answer. Notes of one call are separated by " || "."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows


W, I, ST, TK = "weapon", "injury", "strangulation", "threats_to_kill"
SX, MH, AN, FA = "sexual_abuse", "mental_health_suicide", "animal_abuse", "firearm_access"

ROWS: list[tuple[str, str | None, str]] = [
    # --- threats to kill: implied death, murder-suicide, burning with someone inside
    (TK, "current", "bf texted that he'd put her down like a dog"),
    (TK, "current", "male heard yelling 'youre dead' at caller"),
    (TK, "current", "voice in bg: you'll no see the morning"),
    (TK, "current", "says he will hang himself and take the kids with him"),
    (TK, "current", "he is saying he'll kill himself and her"),
    (TK, "current", "partner threatening to kill himself and the kids"),
    (TK, "current", "ex told her he'd end both their lives"),
    (TK, "current", "he said he'd set the house alight with her inside"),
    (TK, "current", "he says he will shoot her and her mum dead"),
    (TK, "current", "ex posted online 'I'll end her' last night"),
    (TK, "current", "he's going to kill her and the cat, she's hiding upstairs"),
    (TK, "current", "he shouted one bullet and you're gone"),
    (TK, "negated", "asked re weapons and threats to kill - said none"),
    (TK, None, "son threatening to kill himself, in his room"),
    (TK, None, "c/r says hubby threatening to kill himself"),
    (TK, "negated", "no threats to kill"),
    (TK, "current", "ex has made threats to kill"),
    (TK, None, "she says he'll put a knife in her"),
    (TK, None, "he controls her by threatening to keep the kids from her"),
    (TK, None, "knife on the side, he never picked it up or threatened with it"),
    # --- weapon: thrown, fired, loaded, vehicle, shards; denials
    (W, "current", "he hoyed a mug at her head"),
    (W, "current", "she launched a glass at him"),
    (W, "current", "ex battered her wi a bat"),
    (W, "current", "he has fired it at the ceiling"),
    (W, "current", "husband brought his air rifle down from the attic"),
    (W, "current", "he is sat in the lounge loading his shotgun"),
    (W, "current", "ex rammed her car on the motorway with the kids in it"),
    (W, "current", "she is waving a shard of mirror at him"),
    (W, "negated", "asked re wpns - none"),
    (W, "negated", "is he armed - no"),
    (W, "negated", "punched her, nothing used, just his fists"),
    (W, "negated", "threw the plate at the wall not at her"),
    (W, "negated", "she'd been slicing bread, knife is on the counter, he never touched it"),
    (W, "negated", "first said he had a gun, now says it was a phone, no weapon"),
    (W, None, "knife is in the drawer, she was making tea"),
    (W, None, "he could get a gun from his cousin"),
    (W, None, "gamekeeper, has shotguns and rifles at the farm"),
    (W, None, "he turned up at the desk with an older woman"),
    (W, None, "he goes everywhere with her"),
    # --- injury: eye cuts without a possessive, breaks, blisters, answers to questions
    (I, "current", "gash over eye, bleeding"),
    (I, "current", "she reckons a rib is cracked"),
    (I, "current", "her wrist broken, she thinks"),
    (I, "current", "small cut on forearm from the glass"),
    (I, "current", "hot tea over her hand, big blister"),
    (I, "current", "asked if injured - yes"),
    (I, "current", "mum on the kitchen floor and will not wake up"),
    (I, "current", "partner necked a load of his tablets"),
    (I, "historical", "he broke three ribs in 2020"),
    (I, "historical", "fractured her wrist last spring, healed now"),
    (I, "historical", "there was swelling on her cheek that has since gone"),
    (I, "current", "graze on her knee, he has now gone to the pub"),
    (I, "negated", "asked if hurt - says no"),
    (I, "negated", "he did not touch her"),
    (I, "negated", "ex smashed the telly but he hasn't touched her"),
    (I, "negated", "car hit from behind, mum and baby both ok"),
    (I, None, "asked if hurt"),
    (I, None, "not sure whether Kayla is hurt"),
    (I, None, "he's asleep on the sofa, sparked out drunk"),
    (I, None, "she has arthritis and can't walk far"),
    (I, None, "she says she's ok now, just wants advice"),
    (I, "negated", "he shoved her, she's fine"),
    (I, None, "he's never harmed the pets"),
    (I, None, "little girl rang saying daddy is hurting mummy"),
    # --- strangulation: denials, neck wounds, breathing after body blows
    (ST, "negated", "she denies he grabbed her throat"),
    (ST, "negated", "mum says he denies he touched her neck"),
    (ST, None, "glass cut on his neck, not deep"),
    (ST, None, "kicked in the chest, she's struggling to breathe"),
    # --- sexual abuse
    (SX, "current", "he had sex with her after she told him to stop"),
    (SX, "current", "husband had sex with her against her will last night"),
    (SX, "current", "she woke up to find him having sex with her"),
    (SX, "current", "boyfriend touches her down below when she says no"),
    (SX, "current", "txt: hes forcing me in the bed help"),
    (SX, "negated", "asked about anything sexual - she said no"),
    # --- mental health / suicide
    (MH, "current", "she has cut her arms again, blood on the bath"),
    (MH, "current", "he sent a clip of himself slashing his wrists"),
    (MH, "current", "he said he'd turn the gun on himself"),
    (MH, "current", "his wife has swallowed a handful of her pills"),
    (MH, "current", "tonight he's convinced she is poisoning his tea"),
    (MH, "current", "he says if he's going, she's coming with him"),
    (MH, "current", "sent pictures of a rope tied to the banister"),
    (MH, "negated", "she says she has no thoughts of hurting herself"),
    (MH, None, "dad on the floor and won't wake up"),
    # --- animal abuse
    (AN, "current", "ex keeps sending her videos of him kicking the dog"),
    (AN, "current", "he grabbed the puppy by its scruff"),
    (AN, "current", "he says he'll do the same to the cat"),
    (AN, "current", "she is screaming that she'll snap its neck, the dog is cowering"),
    (AN, "current", "he threatened to slash the dog"),
    (AN, "current", "he kicked her terrier this morn"),
    (AN, "current", "he's going to kill her and the dog, she's in the loo"),
    # --- firearm access
    (FA, "current", "he has never had a gun but knows lads who do"),
    (FA, "current", "his shotgun cert was renewed in may"),
    (FA, "current", "used to keep a pistol in the loft, she doesn't know if he still has it"),
    (FA, "current", "he owns a rimfire for rabbiting"),
    (FA, "negated", "her uncle has a rifle for deer but her partner has no access to it"),
    (FA, "negated", "grandad holds a shotgun licence though bf does not have access to it"),
    (FA, "negated", "sister doesn't think he has access to any firearms"),
    (FA, None, "he took a knife from the drawer, not sure if he still has it"),
]


@phrasing_rows(ROWS)
def test_harm_phrasing_3(analyser: Analyser, label: str, expected: str | None, notes: str | list[str]) -> None:
    assert_reads(analyser, label, expected, notes)
