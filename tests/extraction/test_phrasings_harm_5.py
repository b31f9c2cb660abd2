"""Harm and risk phrasings, fifth batch: Scottish court orders (interdicts, non-harassment
orders) and orders that ran out; objects held or used to strike (a stick or a bottle in his
hand, "hitting her with it", a thrown plate that cut her); denials that reach over "or"
("never hit her or threatened her with any weapon"); a kitchen knife she was cooking with;
periods in the past ("between 2018 and 2021", "in the 1990s", "ten days ago"); injuries in
few words ("small cut", "lip is cut") and a dashed question answered no; form-style
"KIDS: none in household"; grown-up children; elderly victims given as "dad 82" or "(V, 84)";
police staff and civilians in a control room, and whose job it is; threats to pets; a drink
problem that lasts; escalation in other words; images shared are not a sexual assault.
Rows are written for this test in a call handler's style, not taken from any data set, with
traps: other people, the past, the victim's own knife, hospitals that are workplaces, a bare
"threatened" about a pet or a weapon, a child hearing the row, tablets that are not pills. Notes of one call are separated by " || "."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows

O = "order_breach"
W = "weapon"
I = "injury"
C = "children_present"
T = "threats_to_kill"
V = "vulnerable_victim"
P = "police_perpetrator"
A = "animal_abuse"
D = "substance_misuse"
F = "firearm_access"
S = "sexual_abuse"
K = "cannot_talk_safely"
M = "mental_health_suicide"
E = "escalation"

ROWS: list[tuple[str, str | None, str]] = [
    # --- Scottish orders, and orders that have run out
    (O, "current", "there's an interdict against him since the spring"),
    (O, "current", "she got a non-harassment order against her ex in 2023"),
    (O, "current", "ex has an interdict with a power of arrest attached"),
    (O, "historical", "she had an interdict but it ran out last year"),
    (O, "historical", "his licence conditions kept him out of the town but they ended in May"),
    (O, None, "she is thinking about asking her lawyer about a non-harassment order"),
    # --- objects held or used to strike
    (W, "current", "he's got a big stick and is hitting her with it"),
    (W, "current", "partner has a bottle in his hand and is shouting at her"),
    (W, "current", "he has a belt in his other hand"),
    (W, "current", "she threw a plate which cut his arm"),
    (W, "current", "he struck her on the back of the head with the remote"),
    (W, "current", "her stepdad keeps hitting mum with it, a metal bar"),
    (W, None, "he came in w his neighbour to make the report"),
    (W, None, "LOC 12 Stanley Road, male shouting"),
    (W, None, "he is away with his golf club for a week"),
    (W, None, "he is holding a bottle of beer in his hand, slurring"),
    (W, "current", "he had a stanley knife in his pocket"),
    # --- denials that reach over "or"
    (W, "negated", "she says he has never hit her or threatened her with any weapon"),
    (W, "negated", "he has never pointed a gun at her or threatened her with a weapon"),
    (W, "negated", "he has not pushed her or threatened anyone with a knife"),
    # --- the knife she was cooking with
    (W, "negated", "she was chopping veg with a knife when he came in, the knife was never used"),
    (W, "negated", "she had a knife in her hand chopping onions, he never touched it"),
    (W, "current", "she was cooking when he took a knife from the drawer and held it to her"),
    # --- periods in the past
    (W, "historical", "between 2017 and 2020 he hit her with a frying pan"),
    (W, "historical", "in the 1990s he held a knife to her mother's throat"),
    (W, "historical", "twelve days ago he had a hammer in his hand at her door"),
    (W, "current", "3 days ago he slapped her, tonight he has a knife"),
    (W, "historical", "he threatened her with a knife on the Friday of last week. The knife was the one from the block"),
    # --- injuries in few words
    (I, "current", "phone thrown at her, small cut above the eye"),
    (I, "current", "her lip is cut and she is crying"),
    (I, "negated", "is he there - yes. Are you hurt - no. Kids - upstairs"),
    (I, "negated", "is anyone hurt - no"),
    (I, "current", "is she hurt - yes, nose bleeding"),
    (I, None, "he is at work at the hospital till 8"),
    (I, None, "her brother was sectioned in hospital last month"),
    (I, None, "she took an overdose last year after he left"),
    (I, "current", "he has taken an overdose tonight in the bathroom"),
    (I, "negated", "INJ: none now"),
    # --- form-style children, grown-up children, her own childhood
    (C, "negated", "KIDS: none in household"),
    (C, "negated", "Kids: none under 18"),
    (C, "negated", "caller in the kitchen, kids grown up and left home"),
    (C, None, "she was abused by her uncle as a child"),
    (C, None, "she's in a mother and baby unit now, 30 weeks pregnant"),
    (C, "current", "KIDS: 2 (4, 9) asleep upstairs"),
    # --- threats: a bare "threatened" about a pet or a weapon says nothing of killing
    (T, None, "they have a cat, he has never hurt or threatened it"),
    (T, None, "she says he has never used or threatened a weapon"),
    (T, "negated", "no threats to her, he's at his mum's"),
    (T, "negated", "he hasn't threatened her"),
    (T, "negated", "No threats."),
    # --- elderly victims in few words, language
    (V, "current", "caller's dad 84 - his wife takes his pension"),
    (V, "current", "neighbour says the lady downstairs is 91 and her grandson shouts at her"),
    (V, "current", "callback answered by female (V, 79), says she pressed the wrong button"),
    (V, "current", "V does not speak much English, interpreter booked"),
    (V, None, "her mum 45 is at work"),
    # --- police staff and their denials
    (P, "current", "SUSP: boyfriend Lee, PC with this force"),
    (P, "current", "husband is a civilian call handler for the police"),
    (P, "negated", "he has no connection to the police"),
    (P, "negated", "wife is a nurse, not connected with the police"),
    (P, None, "he was detained by an off duty officer until the van came"),
    # --- pets
    (A, "current", "he threatened to poison her horses if she leaves"),
    (A, "historical", "she wants to report the cat he kicked last month"),
    (A, "current", "he has grabbed the puppy by the neck and is shaking it"),
    (A, "negated", "they have a dog, he has never hurt or threatened it"),
    # --- a drink problem lasts
    (D, "current", "his wife has a long-standing alcohol problem; she slapped him two weeks ago"),
    # --- a licence is access, wherever the guns are kept
    (F, "current", "he has a shotgun licence, guns kept at the gun club"),
    (F, "current", "he holds a firearm certificate but has never pointed a gun at her"),
    # --- images shared or threatened are not themselves a sexual assault
    (S, None, "ex is threatening to share intimate photos of her unless she goes back to him"),
    (S, None, "he has posted intimate pictures of her on a fake account"),
    (S, "current", "he forced her to have sex last night and filmed it"),
    (S, "historical", "he held her down for sex a few times when they were together"),
    # --- talking: a child hearing the row, speaking freely, a text that cannot call
    (K, None, "caller is 9, in her room, she can hear them shouting downstairs"),
    (K, "negated", "she is speaking to us freely from the station"),
    (K, "current", "text from her friend: he's here, can't call, please send help"),
    (K, "current", "she is whispering, he can hear her"),
    # --- mental health: denials in other words, tablets that are not pills
    (M, "negated", "she has not said anything about harming herself"),
    (M, "negated", "neither of them has ever had mental health problems"),
    (M, None, "he took the kids' tablets when he left"),
    (M, "current", "he has taken all his tablets, ambulance called"),
    # --- injuries that have healed, an offence he was jailed for, a bare "she's fine"
    (I, "historical", "dad had bruises on his arms from her grabbing him, all healed now"),
    (I, "historical", "he is in prison for breaking her jaw, out next month"),
    (I, "current", "he was arrested for hitting her tonight, she has a black eye"),
    (I, "historical", "last Saturday he broke her finger"),
    (I, "historical", "in summer 2021 he broke her wrist"),
    (I, "negated", "she's not hurt, just shaken"),
    # --- a grown daughter who is the victim
    (C, None, "mum calling: daughter's boyfriend took her keys || daughter is at mum's now"),
    (C, None, "caller says her son in law keeps hitting her daughter"),
    (C, "current", "her son-in-law is at the house with her grandson (4)"),
    # --- escalation in other words
    (E, "current", "he is getting bolder each time he breaches it"),
    (E, "current", "the pushing has turned into punching this month"),
    (E, "current", "she says he never used to be like this"),
    (E, None, "it turned into a row about money"),
    # --- whose job: a child's dad is usually the one hitting mum; an in-law or a helper is not
    (P, "current", "c/r is 12, says her dad is hitting her mum, dad is a police officer"),
    (P, None, "her dad is a PC and told her to report it"),
    (P, None, "her brother-in-law is a DS, her partner is a roofer"),
    (P, None, "her friend's dad is a sergeant"),
    (P, None, "her dad is a PC, her husband is a joiner"),
    # --- a pet that was never hurt says nothing of her injuries
    ("injury", None, "they have a dog, he has never hurt it"),
    ("injury", "current", "small bruise on her arm. they have a cat, he has never hurt it"),
    ("animal_abuse", "negated", "dog is fine, he never touched it"),
]


@phrasing_rows(ROWS)
def test_harm_5_phrasing(analyser: Analyser, label: str, expected: str | None, notes: str | list[str]) -> None:
    assert_reads(analyser, label, expected, notes)
