"""Phrasings of the emergency labels and children (weapon, injury, strangulation,
threats_to_kill, sexual_abuse, mental_health_suicide, children_present), one row per concept,
written for this test in call-handler style (not copied from any development set), with a
few status traps (denials, history) for the same labels."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows


ROWS: list[tuple[str, str | None, list[str]]] = [
    # weapon: shorthand for "weapons"
    ("weapon", "negated", ["c/r ok, he has left. weps? no"]),
    ("weapon", "negated", ["no weps, no inj"]),
    # weapon: a gun threat in words ("a bullet in", "blow your head off")
    ("weapon", "current", ["he said he would put a bullet through her head"]),
    ("weapon", "current", ["bf told her he'd blow her brains out"]),
    # weapon: an air / pellet gun in his hands
    ("weapon", "current", ["he is out the back waving an air rifle about"]),
    # weapon: a thing thrown that hit her (no "at her")
    ("weapon", "current", ["p/ner threw a mug which hit her on the arm"]),
    ("weapon", "current", ["he threw his phone and it caught her on the cheek"]),
    ("weapon", "current", ["he threw a shoe and then a plate at her"]),
    ("weapon", "current", ["hubby thru a plate at c/r"]),
    # weapon: slang for stabbing
    ("weapon", "current", ["ex said he will shank her"]),
    # weapon: a ligature
    ("weapon", "current", ["he choked her with a dressing gown cord"]),
    ("weapon", "current", ["he put a belt round her neck"]),
    # weapon: a slipper used to hit someone
    ("weapon", "current", ["dad hitting the lad with a slipper"]),
    # weapon traps: lawful ownership, mere access, an object not used to threaten
    ("weapon", None, ["husband has a legally held shotgun locked in a cabinet"]),
    ("weapon", None, ["ex has told people he can get hold of a gun"]),
    # threats_to_kill: "you'll be dead", "bury you"
    ("threats_to_kill", "current", ["text from ex: you'll be dead by the weekend"]),
    ("threats_to_kill", "current", ["he told her he will bury her under the patio"]),
    # threats_to_kill traps: threatened with an object, threats of self-harm
    ("threats_to_kill", None, ["he was holding a screwdriver but never threatened her with it"]),
    ("threats_to_kill", None, ["asked if he has made threats of self harm, c/r says no"]),
    # strangulation: suffocation and drowning
    ("strangulation", "current", ["he pulled a carrier bag over her head"]),
    ("strangulation", "current", ["bf held her head under the water in the bath"]),
    ("strangulation", "current", ["he clamped his hand over her mouth and nose"]),
    # injury: present breathing/swallowing difficulty, split lip, a cut
    ("injury", "current", ["she still can't breathe properly"]),
    ("injury", "current", ["c/r says she can't swallow"]),
    ("injury", "current", ["she has a bust lip"]),
    ("injury", "current", ["his daughter has a small cut on her hand"]),
    # injury: healed marks are history
    ("injury", "historical", ["he slapped her two weeks ago, the mark has gone now"]),
    ("injury", "historical", ["he broke her nose in 2019, long healed"]),
    # injury traps: a medical check is not an injury; damage to furniture is not an injury
    ("injury", "negated", ["paramedics checked her over, no injuries"]),
    ("injury", None, ["he is stabbing the mattress with a kitchen knife"]),
    # children_present: dependants, a young caller, denials
    ("children_present", "current", ["3 dependants at the address"]),
    ("children_present", "current", ["IP F 16 says her stepdad hit her"]),
    ("children_present", "negated", ["no under-18s live there"]),
    ("children_present", "negated", ["her kids are all grown up"]),
    # mental_health_suicide: denial of mental health history
    ("mental_health_suicide", "negated", ["c/r says he has no mental health issues"]),
    # sexual_abuse: consent in a sexual context only
    ("sexual_abuse", "current", ["he had sex with her without her consent"]),
    ("sexual_abuse", None, ["ex took money out of her account without her consent"]),
    # --- second batch ---
    # weapon: someone else's gun in his hands; taking a weapon out of where it is kept
    ("weapon", "current", ["he has got his dad's shotgun and is in the lounge"]),
    ("weapon", "current", ["he took the knife out of the drawer and followed her"]),
    # weapon: slashing threats to the face; a thrown object narrowly missing
    ("weapon", "current", ["ex says he will stripe her face"]),
    ("weapon", "current", ["he threw an ashtray which smashed just past her head"]),
    # weapon traps: tyres slashed, a petrol station, a bare place name
    ("weapon", None, ["someone slashed her car tyres overnight, she thinks it was the ex"]),
    ("weapon", None, ["she is safe at the petrol station on the ring road"]),
    ("weapon", None, ["she lives on Rock Street with her mum"]),
    # strangulation: a possessive ("mum's neck"), hands round someone's neck; an animal is not strangulation
    ("strangulation", "current", ["the boy says dad squeezed mummy's neck"]),
    ("strangulation", "current", ["he had his hands round her sisters neck"]),
    ("strangulation", None, ["he had his hands round the dog's neck"]),
    # threats_to_kill: shoot everyone dead
    ("threats_to_kill", "current", ["he said he would shoot everyone dead"]),
    # injury: split lip, someone who cannot be woken, a hanging cut down, pains, GBH on her
    ("injury", "current", ["her lip is split and swollen"]),
    ("injury", "current", ["child says he can't wake mummy up, couldn't wake her"]),
    ("injury", "current", ["she found him in the loft and cut him down"]),
    ("injury", "current", ["she is complaining of pains in her side"]),
    ("injury", "historical", ["he did 2 years for GBH on her in 2018"]),
    ("injury", "historical", ["nurse saw old yellowing bruises on her back"]),
    # injury traps: in hospital for an operation; GBH on someone else
    ("injury", None, ["mum is in hospital recovering from an operation"]),
    ("injury", None, ["he has a conviction for GBH from a pub fight"]),
    # sexual_abuse: touching at night, clothes pulled off, made to copy porn
    ("sexual_abuse", "current", ["her stepdad keeps touching her at night"]),
    ("sexual_abuse", "current", ["he tried to pull her knickers off"]),
    ("sexual_abuse", "current", ["he makes her watch porn with him"]),
    # children_present: a child named with an age, an approximate age, "she's 15."
    ("children_present", "current", ["call from Tyler (11), mum being hit"]),
    ("children_present", "current", ["they have a girl about 12"]),
    ("children_present", "current", ["the caller is scared. she is 15. mum is at work"]),
    ("children_present", None, ["call from Janet (45) re her husband"]),
    # mental_health_suicide: a photo of pills, a knife at his own wrist, driving into a river
    ("mental_health_suicide", "current", ["she sent him a photo of a pile of tablets"]),
    ("mental_health_suicide", "current", ["he is holding a knife to his wrist"]),
    ("mental_health_suicide", "current", ["he said he will drive into the canal"]),
    ("mental_health_suicide", None, ["he held a knife to her throat"]),
    # --- third batch ---
    # weapon: less common weapons, a bottle with a word before it, glass pushed into a face
    ("weapon", "current", ["he is threatening her with a taser"]),
    ("weapon", "current", ["he sprayed pepper spray in her eyes"]),
    ("weapon", "current", ["he has a sledgehammer in the hall"]),
    ("weapon", "current", ["he hit her over the head with a vodka bottle"]),
    ("weapon", "current", ["he rammed a pint glass into his face"]),
    ("weapon", "negated", ["he was empty handed when he came in"]),
    # injury: slang and signs
    ("injury", "current", ["there's claret all over the kitchen floor"]),
    ("injury", "current", ["she has a right shiner"]),
    ("injury", "current", ["he knocked him spark out"]),
    ("injury", "current", ["he punched two of her teeth out"]),
    ("injury", "current", ["she sounds in a bad way"]),
    # threats_to_kill: to death, threatening her life, having her killed
    ("threats_to_kill", "current", ["he said he would kick her to death"]),
    ("threats_to_kill", "current", ["he has been threatening her life all night"]),
    ("threats_to_kill", "current", ["he says he will have her done in"]),
    # sexual_abuse: groping, nudes, molesting
    ("sexual_abuse", "current", ["he keeps groping her in front of his mates"]),
    ("sexual_abuse", "current", ["ex is threatening to send her nudes to her family"]),
    ("sexual_abuse", "current", ["her uncle molested her"]),
    ("sexual_abuse", "negated", ["asked, nothing of a sexual nature"]),
    # mental_health_suicide: unalive, rather be dead, exhaust hose, goodbye notes, breakdown
    ("mental_health_suicide", "current", ["he said he wants to unalive himself"]),
    ("mental_health_suicide", "current", ["she keeps saying she would rather be dead"]),
    ("mental_health_suicide", "current", ["he has run a hose from the exhaust into the car"]),
    ("mental_health_suicide", "current", ["he left a goodbye note on the table"]),
    ("mental_health_suicide", "current", ["he is having a breakdown in the garden"]),
    ("mental_health_suicide", None, ["it was a relationship breakdown"]),
    # children_present: little 'uns, a young family, a lad with an age, a birth year
    ("children_present", "current", ["the little uns are in bed"]),
    ("children_present", "current", ["young family lives there"]),
    ("children_present", "current", ["her lad is 11"]),
    ("children_present", "current", ["one child at address, DOB 2019"]),
    ("children_present", None, ["her lad is 23 and lives in Leeds"]),
    # --- fourth batch: terse CAD shorthand ---
    ("injury", "current", ["NWAS en route to addy"]),
    ("injury", "current", ["IP c/o pain to jaw"]),
    ("injury", "negated", ["amb not required. inj: none"]),
    ("sexual_abuse", "current", ["SA reported by IP"]),
    ("sexual_abuse", "negated", ["no SA"]),
    ("mental_health_suicide", "current", ["OP in MH crisis"]),
    ("mental_health_suicide", "negated", ["no MH concerns"]),
    ("threats_to_kill", "current", ["susp msg saying c/r is dead"]),
    # --- fifth batch: who and what is meant ---
    # an assault in progress is not itself a statement of injury; a hurt body part is
    ("injury", None, ["the girl says her dad is hurting mum downstairs"]),
    ("injury", "current", ["she fell when he pushed her and she has hurt her ankle"]),
    ("injury", "current", ["woman screaming 'you're hurting me'"]),
    # working at a hospital is not an injury
    ("injury", None, ["her partner is on nights at the hospital"]),
    # an adult's own childhood is not a child in the household
    ("children_present", None, ["IP 34 says her stepdad abused her when she was a teenager"]),
    # a threat to make a false allegation is not sexual abuse
    ("sexual_abuse", None, ["his ex has threatened to tell everyone he raped her"]),
    # --- sixth batch: formal statement wording ---
    ("weapon", "current", ["he used a rolling pin to hit her"]),
    ("weapon", "current", ["she was struck by a thrown ashtray"]),
    ("weapon", "current", ["he threatened her with a sharp object"]),
    ("injury", "current", ["she has abrasions to her elbows"]),
    ("injury", "current", ["there is a haematoma above her ear"]),
    ("injury", "current", ["her face is all marked up"]),
    ("injury", "current", ["he lost two teeth in the fight"]),
    ("strangulation", "current", ["he compressed her throat with his forearm"]),
    ("strangulation", "current", ["he cut off her airway"]),
    ("threats_to_kill", "current", ["he told her if he can't have her then no one will"]),
    ("threats_to_kill", "current", ["he said he would slit all their throats"]),
    ("sexual_abuse", "current", ["he grabbed her breasts against her will"]),
    ("sexual_abuse", "current", ["a man exposed himself to her at the bus stop"]),
    ("sexual_abuse", "current", ["she was too drunk to consent"]),
    # --- seventh batch: figurative and everyday uses ---
    ("injury", None, ["she says he is bleeding her dry"]),
    ("children_present", None, ["they lost a baby two years ago"]),
    ("mental_health_suicide", None, ["he was killing himself laughing at her"]),
    ("mental_health_suicide", None, ["he hurt himself at work last month"]),
    ("strangulation", None, ["the toddler choked on a grape, she is fine now"]),
    # --- eighth batch ---
    ("weapon", "current", ["he burned her hand with the hair straighteners"]),
    ("weapon", "current", ["he has something in his hand behind the door"]),
    ("injury", "current", ["her face is a mess after he punched her"]),
    ("injury", "current", ["he split her head open on the radiator"]),
    ("injury", "current", ["the baby seems floppy"]),
    ("threats_to_kill", "current", ["he told her he would swing for her"]),
    ("threats_to_kill", "current", ["he says he'll happily do life for her"]),
    ("sexual_abuse", "current", ["ex keeps sending her dick pics"]),
    ("mental_health_suicide", "current", ["he says he's going to stand in front of a train"]),
    ("mental_health_suicide", "current", ["he was let out of the psychiatric unit yesterday"]),
    # --- ninth batch: adult sons and daughters ---
    ("children_present", None, ["mum calling, her daughter's boyfriend has been hitting her"]),
    ("children_present", None, ["he is stopping with his son in Hull tonight"]),
    ("children_present", "current", ["she is staying with her daughter (7) at her mum's"]),
    ("children_present", None, ["he hit her for talking to boys at college"]),
    # --- tenth batch: unknowns and denials ---
    ("weapon", None, ["weapons: unknown"]),
    ("weapon", None, ["wpns N/K"]),
    ("injury", "negated", ["nobody needs an ambulance, nobody hurt"]),
    # --- eleventh batch: hospital admissions, typos ---
    ("injury", "historical", ["he put her in hospital in 2020, she was hospitalised for a week"]),
    ("injury", "current", ["brused cheek and she is bleding from the lip"]),
    ("children_present", "current", ["her grandaughter (4) lives with them"]),
    # --- twelfth batch: children living there but away tonight (spec: still current) ---
    ("children_present", "current", ["she's not hurt, the kids are at their dad's tonight"]),
    ("children_present", "current", ["the children aren't home, they're with their grandma"]),
    ("children_present", "negated", ["no kids at the house"]),
    # --- thirteenth batch: a knife or tool in ordinary use, ruled out as a weapon (spec) ---
    ("weapon", "negated", ["caller says he has a knife", "update: she was peeling potatoes with it, he never picked it up, no weapons used"]),
    ("weapon", "negated", ["c/r says ex has a hammer", "clarified: the hammer was because he was putting up a shelf, he never threatened her with it"]),
    ("weapon", "negated", ["he has a blade", "caller now says she was wrong about the blade, it was a phone"]),
    ("weapon", "current", ["he has a knife", "he put the knife down when police arrived"]),
    ("weapon", "current", ["he has a baseball bat, swinging it about", "their cat is hiding, he hasn't touched it"]),
    # --- fourteenth batch ---
    ("weapon", "current", ["open line, woman heard saying please put it down"]),
    ("weapon", "current", ["officer told him to drop the knife"]),
    ("injury", None, ["hospital safeguarding nurse calling re a patient's husband"]),
    # --- fifteenth batch: regional words ---
    ("injury", "current", ["she has a keeker on her left eye"]),
    ("injury", "current", ["her lip is burst"]),
    ("strangulation", "current", ["he had her by the thrapple against the wall"]),
    ("threats_to_kill", "current", ["he says he will top her, she believes him"]),
    ("sexual_abuse", "current", ["she says he had his way with her when she was asleep"]),
    ("mental_health_suicide", "current", ["he keeps saying he'll do himself in"]),
    ("mental_health_suicide", "current", ["he is threatening to neck himself"]),
    ("children_present", "current", ["her youngest is 4"]),
    ("children_present", "current", ["the wee one is in her cot"]),
    ("threats_to_kill", None, ["he went to top her up with wine"]),
    # --- sixteenth batch: threats to use a weapon are weapon only (spec) ---
    ("weapon", "current", ["he said he was going to glass her"]),
    ("threats_to_kill", None, ["he threatened to bottle her"]),
    ("injury", None, ["he threatened to stab her"]),
    # --- seventeenth batch ---
    ("children_present", "current", ["ex keeps waiting outside the kids' school"]),
    ("children_present", "current", ["he followed her on the school run"]),
    ("children_present", "current", ["IP aged 79 reports that last night her grandson (15) who lives with her pushed her"]),
    # --- eighteenth batch ---
    ("mental_health_suicide", "current", ["she has a box of pills and is threatening to take them all"]),
    ("mental_health_suicide", "current", ["he keeps talking about ending his life"]),
    ("sexual_abuse", "current", ["school have concerns of CSE"]),
    ("sexual_abuse", "current", ["ex is sextorting her with old photos"]),
    # --- nineteenth batch: 'baby' that is not a child ---
    ("children_present", None, ["ex keeps texting her 'baby please come home'"]),
    ("children_present", None, ["they have been trying for a baby"]),
    ("children_present", None, ["she is the baby of the family"]),
]


@phrasing_rows(ROWS)
def test_harm_phrasing(analyser: Analyser, label: str, expected: str | None, notes: str | list[str]) -> None:
    assert_reads(analyser, label, expected, notes)
