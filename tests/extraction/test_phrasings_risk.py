"""Everyday phrasings of the risk-assessment labels (coercive control, stalking, previous
incidents, separation, escalation, orders, substances, firearms, pregnancy, honour-based abuse,
vulnerability, police perpetrators, pets), one concept a row, written for this test in the
style of call handlers' notes (not taken from any development set), with status traps."""

from __future__ import annotations

import pytest

from assistant.analysis import Analyser


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    return Analyser()


# (label, expected status or None for absent, note)
PHRASINGS: list[tuple[str, str | None, str]] = [
    # previous incidents: a course of abuse over time
    ("previous_incidents", "current", "says he has been knocking her about for years"),
    ("previous_incidents", "current", "wife has been verbally abusive to him for 6 yrs"),
    ("previous_incidents", "current", "he's been hitting her for the last few months"),
    ("previous_incidents", "current", "he punches her regularly when he's had a drink"),
    ("previous_incidents", "current", "she says he slaps her most weekends"),
    ("previous_incidents", "current", "he does this every weekend when he's been out"),
    ("previous_incidents", "current", "she gets hit every few weeks"),
    ("previous_incidents", "current", "he has been getting more violent over the last year"),
    ("previous_incidents", "current", "it's the worst its ever been"),
    ("previous_incidents", "current", "he's gone from shouting at her to throwing things"),
    ("previous_incidents", "current", "he is on bail for assaulting her"),
    ("previous_incidents", "current", "he went to prison for hurting her"),
    ("previous_incidents", "current", "mum says he's known for DV"),
    ("previous_incidents", "current", "she's had police round before"),
    ("previous_incidents", "current", "the last time was about a month ago"),
    ("previous_incidents", "current", "he has smashed the place up twice this month"),
    ("previous_incidents", "current", "guns were seized after a DV incident in 2019"),
    # previous incidents: denials and things that are not a history
    ("previous_incidents", "negated", "c/r says it was a one off"),
    ("previous_incidents", "negated", "no police involvement before"),
    ("previous_incidents", "negated", "no violence during the relationship"),
    ("previous_incidents", "negated", "asked about previous - nothing like this before"),
    ("previous_incidents", None, "he's been arrested tonight for assaulting her"),
    ("previous_incidents", None, "he threatened to hurt her if she goes to her mates again"),
    ("previous_incidents", None, "officers searched the street, no trace of him"),
    ("previous_incidents", None, "ex keeps driving past her house, 3 times this week"),
    # stalking: a course of conduct, and its denials
    ("stalking_harassment", "current", "he's been turning up at her gym, four times now"),
    ("stalking_harassment", "current", "ex has been parked outside her flat twice this week"),
    ("stalking_harassment", "current", "he drove slowly past her house 5 times tonight"),
    ("stalking_harassment", "negated", "she has not seen or heard from him since"),
    ("stalking_harassment", "negated", "no recent contact from the ex"),
    ("stalking_harassment", "current", "he rings her 30 times a day. no contact in person"),
    ("stalking_harassment", None, "he calls her useless and thick every day"),
    # coercive control
    ("coercive_control", "current", "he hid her car keys so she can't go out"),
    ("coercive_control", "current", "took her phone so she couldn't ring her sister"),
    ("coercive_control", "current", "he leaves her without food as a punishment"),
    ("coercive_control", "current", "bf threatening to share nudes of her if she leaves"),
    ("coercive_control", "current", "grandson demands money off her every day"),
    ("coercive_control", "current", "he keeps her short, gives her £15 a week"),
    ("coercive_control", "current", "son takes mums pension each month"),
    ("coercive_control", "current", "husband emptied their joint account"),
    ("coercive_control", "current", "she is kept locked in by his family"),
    ("coercive_control", "current", "she isn't allowed to leave the house on her own"),
    ("coercive_control", "current", "he won't let his wife have a bank card"),
    ("coercive_control", "current", "he rings her at work to check where she is"),
    ("coercive_control", "current", "he logs into her icloud"),
    ("coercive_control", None, "the paramedic checked her over"),
    ("coercive_control", None, "her brother tracked her down through facebook"),
    ("coercive_control", None, "she's locked in the bathroom, he's kicking the door"),
    ("coercive_control", None, "asked about guns - he has no access to any"),
    # separation
    ("separation", "current", "she is ending things with him"),
    ("separation", None, "he is kicking the bedroom door, she wants out of the house"),
    ("coercive_control", None, "she locked herself in the bathroom so he couldn't get to her"),
    ("separation", None, "she wants advice on leaving the house safely tonight"),
    ("separation", "current", "she's thinking about leaving him"),
    ("separation", "current", "IP wants help to leave"),
    ("separation", "current", "she has a bag packed"),
    ("separation", "current", "she has moved into her own flat"),
    ("separation", "current", "the ex keeps begging to get back together"),
    ("separation", None, "he punched her, lip split"),
    ("separation", None, "he said he'd kill her if she tries to leave"),
    ("separation", None, "she managed to get out of the house"),
    ("separation", None, "they argued about his ex"),
    # orders and bail
    ("order_breach", "current", "he has licence conditions not to contact her"),
    ("order_breach", "current", "bail condition not to go to the address"),
    ("order_breach", "historical", "his DVPN ran out on friday"),
    ("order_breach", "current", "her non-mol runs out next month"),
    ("order_breach", None, "he has stopped breathing"),
    ("order_breach", None, "she's not allowed to go to her sisters party"),
    # substances
    ("substance_misuse", "current", "he came home hammered"),
    ("substance_misuse", "current", "he'd had a skinful at the barbecue"),
    ("substance_misuse", "current", "grandson has come in high"),
    ("substance_misuse", "current", "he has been drinkin all day"),
    ("substance_misuse", "current", "he smokes skunk all day"),
    ("substance_misuse", None, "plates getting smashed in the kitchen"),
    # firearms
    ("firearm_access", "negated", "asked re guns, she says he has no access to any"),
    ("firearm_access", "historical", "asked re firearms - he had a shotgun licence until 2016, gave it up"),
    # pregnancy and new babies
    ("pregnancy", "current", "they've got a baby only a few weeks old"),
    ("pregnancy", None, "their son is 10 months old"),
    ("pregnancy", None, "he has a bump on his head"),
    # honour-based abuse
    ("honour_based_abuse", "current", "she is being made to marry her cousin"),
    ("honour_based_abuse", "current", "her family beat her because she refused the marriage"),
    ("honour_based_abuse", "current", "they are arranging a wedding she doesn't want"),
    ("honour_based_abuse", "current", "her dad wants her to marry a man she has never met"),
    ("honour_based_abuse", "current", "she is going to pakistan next month to be married"),
    ("honour_based_abuse", "current", "her in-laws plan to have her cut over the summer"),
    ("honour_based_abuse", "current", "his family say she is the wrong caste"),
    ("honour_based_abuse", "negated", "asked whether the family were pressuring her - she said no"),
    # vulnerable victims
    ("vulnerable_victim", "current", "IP is 83 and lives with her son"),
    ("vulnerable_victim", "current", "front counter: Mrs Patel, 81, reports"),
    ("vulnerable_victim", "current", "M 88 calling re his grandson"),
    ("vulnerable_victim", "current", "the couple next door are in their 80s"),
    ("vulnerable_victim", "current", "she has MS"),
    ("vulnerable_victim", "current", "her sister has downs syndrome"),
    ("vulnerable_victim", "current", "she walks with a stick"),
    ("vulnerable_victim", "current", "he relies on his son for his shopping and personal care"),
    ("vulnerable_victim", "current", "she struggles with her mobility"),
    ("vulnerable_victim", None, "Ms Jones reports her ex keeps texting"),
    ("vulnerable_victim", None, "he shoved her into the door frame"),
    # more coercion, stalking, escalation, pets
    ("coercive_control", "current", "she threatened to out him to his work unless he paid her"),
    ("coercive_control", "current", "he says she has to do as she's told"),
    ("coercive_control", "current", "he tells her no one would believe her"),
    ("coercive_control", "current", "he won't let her go to appointments alone"),
    ("coercive_control", None, "he's gone out, took the car."),
    ("stalking_harassment", "current", "ex has sent 70+ texts tonight"),
    ("stalking_harassment", "current", "he's been phoning her work number constantly"),
    ("stalking_harassment", "current", "ex bf outside again, 2nd time this week"),
    ("stalking_harassment", "negated", "he isn't following or calling her"),
    ("stalking_harassment", None, "DV marker on the address, 2 calls in the last year"),
    ("escalation", "current", "this is the third time he has done it this week"),
    ("escalation", "current", "he's gone from shouting to pushing her about"),
    ("escalation", None, "not the first time, he hit her last year"),
    ("animal_abuse", "current", "he was dragging a dog along by the lead"),
    ("animal_abuse", "current", "he said he'd take the cat and drown it"),
    ("police_perpetrator", "current", "he is a civilian worker in the police control room"),
    # everyday phrasings not seen in any set
    ("coercive_control", "current", "he threatens to have her deported if she tells anyone"),
    ("coercive_control", "current", "he times her when she walks the dog"),
    ("coercive_control", "current", "he rations the food in the house"),
    ("coercive_control", "current", "she has to hand over her phone when he gets in"),
    ("coercive_control", "current", "he's fitted cameras in the lounge to watch her"),
    ("stalking_harassment", "current", "he will not leave her alone"),
    ("stalking_harassment", "current", "ex turned up at her mums four nights running"),
    ("stalking_harassment", "current", "he's contacting her on all platforms"),
    ("stalking_harassment", "current", "she keeps seeing his van near her work"),
    ("previous_incidents", "current", "he has been arrested for domestic before"),
    ("previous_incidents", "current", "she has called police about him before"),
    ("previous_incidents", "current", "she reported him previously"),
    ("previous_incidents", "current", "he's done it plenty of times before"),
    ("previous_incidents", "negated", "this is her first report"),
    ("previous_incidents", "negated", "nothing on systems for either party"),
    ("separation", "current", "she told him it's over last night"),
    ("separation", "current", "their marriage ended in the spring"),
    ("separation", "current", "she wants him to move out"),
    ("substance_misuse", "current", "he's been on a bender since friday"),
    ("substance_misuse", "current", "he's on the charlie"),
    ("pregnancy", "current", "she is due next month"),
    ("pregnancy", "current", "she gave birth 5 days ago"),
    ("vulnerable_victim", "current", "she has very limited mobility"),
    ("police_perpetrator", "current", "her partner is in the Met"),
    ("animal_abuse", "current", "he smacked the puppy"),
    ("animal_abuse", "historical", "he kicked the cat last year"),
    # longer prose, by concept
    ("coercive_control", "current", "he forces her to share her location with him"),
    ("coercive_control", "current", "he made her give up her job at the shop"),
    ("coercive_control", "current", "she is only allowed to go to the shop"),
    ("coercive_control", "current", "he has turned the kids against her"),
    ("coercive_control", "current", "he goes ballistic if she is ten minutes late"),
    ("stalking_harassment", "current", "he's been contacting her via her sister's phone"),
    ("stalking_harassment", "current", "he was seen waiting at the bus stop by her flat four times"),
    ("stalking_harassment", "current", "she gets withheld calls every night"),
    ("previous_incidents", "current", "he attacked her over christmas too"),
    ("previous_incidents", "current", "he was abusive throughout their marriage"),
    ("previous_incidents", "current", "it's been happening since they got married"),
    ("separation", "current", "they are no longer a couple"),
    ("separation", "current", "she called it off in the summer"),
    ("separation", "current", "she's got her own place now"),
    ("vulnerable_victim", "current", "english is not her first language"),
    ("vulnerable_victim", "current", "she has a brain injury from a car crash"),
    ("vulnerable_victim", "current", "she has just been discharged from a psychiatric ward"),
    ("escalation", "current", "the violence has increased over the summer"),
    ("pregnancy", "current", "the baby was born last friday"),
    ("animal_abuse", "current", "he threatened to wring the rabbit's neck"),
    # police perpetrators
    ("police_perpetrator", "historical", "her husband is a retired police officer"),
    ("police_perpetrator", "current", "her husband is a serving police officer"),
    ("police_perpetrator", None, "her dad is a retired sergeant, partner is a builder"),
]


@pytest.mark.parametrize(("label", "expected", "note"), PHRASINGS, ids=[f"{l}:{n}" for l, _, n in PHRASINGS])
def test_risk_phrasing(analyser: Analyser, label: str, expected: str | None, note: str) -> None:
    statuses = analyser.analyse([note]).statuses()
    assert statuses.get(label) == expected, f"{note!r}: {statuses}"
