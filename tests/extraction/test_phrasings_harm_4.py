"""Harm phrasings, round 4 (weapon, injury, strangulation, threats_to_kill, sexual_abuse,
mental_health_suicide, animal_abuse, firearm_access): one row per concept, written for this
test in a call handler's style (not taken from any development set), with traps that must
stay absent or denied: other people's guns, cooking, questions without an answer, a pet
that is hurt rather than a person. Notes of one call are separated by " || "."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows


W, F, K, I = "weapon", "firearm_access", "threats_to_kill", "injury"
ST, SX, MH, A = "strangulation", "sexual_abuse", "mental_health_suicide", "animal_abuse"

ROWS: list[tuple[str, str | None, str]] = [
    # --- threats to kill: graves, bodies, fire with people inside, lethal verbs
    (K, "current", "he texted that she'll end up in the ground if she goes to court"),
    (K, "current", "told her she would end up in a body bag"),
    (K, "current", "ex said they'd never find her body"),
    (K, "current", "he said no one would ever find her body on the moors"),
    (K, "current", "threatening to put the house alight with her and the children inside"),
    (K, "current", "husband says he'll drown her in the canal"),
    (K, "current", "son said he'd fetch the bat and finish her."),
    (K, "negated", "asked about threats: he said he'd teach her a lesson, no mention of killing"),
    (K, None, "he threatened to drown the puppy"),
    (K, None, "he has threatened to drown himself"),
    (K, None, "Q: suicide threats from either? A: no"),
    # --- weapon: gunfire, thrown and swung objects, photos of weapons
    (W, "current", "neighbours report hearing a gunshot from the farm"),
    (W, "current", "he lobbed a full beer bottle over at her"),
    (W, "current", "bf picked up a shovel in the yard"),
    (W, "current", "he swung the bike chain at her"),
    (W, "current", "ex keeps sending her pictures of his machete"),
    (W, "current", "Q: weapons? A: has a lock knife in his pocket"),
    (W, "negated", "Q: any weapons? A: not seen any"),
    (W, "negated", "Q: knives? A: kitchen ones only, not touched"),
    (W, "negated", "he flung his mug at the wall, not at her"),
    (W, "negated", "has a rifle for foxes || Q: has he threatened her with it? A: no"),
    (W, None, "he picked up the remote and turned the telly up"),
    (W, None, "he swung a punch at her and missed"),
    (W, None, "her uncle is a gamekeeper with rifles"),
    (W, None, "she walked in with a swollen eye"),
    (W, None, "his mate says he can get him a gun whenever"),
    # --- firearm access: at work, answers, other owners
    (F, "current", "Q: firearms? A: none at home but access through his job"),
    (F, "negated", "guns - she says absolutely not"),
    (F, "negated", "Q: firearms? A: not him, his brother shoots"),
    (F, None, "the neighbour is a keeper with shotguns, nothing to do with the partner"),
    (F, "current", "husband keeps 3 shotguns || he has not threatened her with the shotguns"),
    # --- injury: parts of the body, verbs, pills, breath, answers
    (I, "current", "graze to her left knee"),
    (I, "current", "he burst her lip"),
    (I, "current", "he beat her senseless"),
    (I, "current", "she is struggling to breath"),
    (I, "current", "partner has just swallowed a packet of pills"),
    (I, "current", "Q: hurt? A: one finger looks broken"),
    (I, "current", "Q: injuries? A: red face"),
    (I, "current", "she keeps cutting her arms"),
    (I, "negated", "he grabbed her arm, no marks seen"),
    (I, "negated", "she did not get hurt"),
    (I, "negated", "Q: has he hurt her? A: no"),
    (I, None, "he told her he'd stab her if she rang us"),
    (I, None, "she was in hospital having the baby"),
    (I, None, "she doesn't want to go to hospital"),
    (I, None, "the cat is unharmed"),
    (I, None, "he burnt the dinner"),
    (I, None, "daughter cannot say if her mum is hurt"),
    # --- strangulation
    (ST, "negated", "says he's never had his hands near her neck"),
    (ST, "negated", "asked about strangulation - he has never gone for her throat"),
    (ST, "negated", "she has not gone for his neck"),
    # --- sexual abuse
    (SX, "current", "he had sex with her while she was crying for him to stop"),
    (SX, "current", "Q: anything sexual? A: yes"),
    (SX, "negated", "Q. anything sexual? A. no."),
    (SX, "current", "she thinks he has been creeping into their daughter's room at night"),
    (SX, None, "he went into the kids' room to read them a story"),
    # --- animal abuse
    (A, "current", "ex sends her clips of him punching the dog"),
    (A, "current", "said he'd break the cat's neck"),
    (A, "current", "he has shut the kitten in the tumble dryer"),
    (A, "current", "he booted the spaniel and now it's limping"),
    (A, "negated", "Q pets? A dog, she's fine"),
    (A, None, "she put the pie in the oven"),
]


@phrasing_rows(ROWS)
def test_harm_phrasing_4(analyser: Analyser, label: str, expected: str | None, notes: str | list[str]) -> None:
    assert_reads(analyser, label, expected, notes)
