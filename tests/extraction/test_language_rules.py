"""Table-driven cases for the extraction language rules: shorthand, negation scope,
history, subject, hedges and later notes overriding earlier ones (risk-indicators.md).

Each row: the notes of one call, and the statuses expected for the labels named (labels
not named are not checked, except where the row says a label must be absent with None).
"""

from __future__ import annotations

import pytest

from assistant.analysis import Analyser


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    return Analyser()


CASES: list[tuple[str, list[str], dict[str, str | None]]] = [
    # shorthand and typos
    ("shorthand", ["c/r v quiet, p/ner downstairs w/ a blade"],
     {"cannot_talk_safely": "current", "suspect_present": "current", "weapon": "current"}),
    ("typo strangled", ["he strangeld her on the landing tonight"], {"strangulation": "current"}),
    ("kids shorthand", ["3 kds in the flat"], {"children_present": "current"}),
    ("non-mol", ["he is breaching his non-mol by being here"], {"order_breach": "current"}),
    # negation scope
    ("negation then assertion", ["no weapons seen but he's holding a hammer"], {"weapon": "current"}),
    ("negated list", ["no knife, gun or bat seen"], {"weapon": "negated"}),
    ("negation stops at a new clause", ["no injuries, he's still inside"],
     {"injury": "negated", "suspect_present": "current"}),
    ("denies", ["IP denies any injuries"], {"injury": "negated"}),
    ("no kids", ["no children at the address"], {"children_present": "negated"}),
    ("double negative on a left-phrase", ["he hasn't left, he's in the kitchen"], {"suspect_present": "current"}),
    # history
    ("historical strangulation", ["he choked her 2 years ago"],
     {"strangulation": "historical", "previous_incidents": "current"}),
    ("present beats history", ["hit her last year, tonight he hit her with a belt"], {"weapon": "current"}),
    ("expired order", ["her non-mol expired last year"], {"order_breach": "historical"}),
    # the suspect's whereabouts, as handlers write them (session 3)
    ("terse location, no verb", ["bf in kitchen w/ nife"], {"suspect_present": "current", "weapon": "current"}),
    ("terse state", ["stepdad now asleep on sofa"], {"suspect_present": "current"}),
    ("he is at home with her", ["Husband is at home with the victim now"], {"suspect_present": "current"}),
    ("departed in a taxi", ["She saw the man leave in a taxi about ten minutes ago"], {"suspect_present": "negated"}),
    ("ran off down the road is a departure", ["The boyfriend has run off down the road"], {"suspect_present": "negated"}),
    ("still in the cells", ["he was nicked and is still in cells"], {"suspect_present": "negated"}),
    ("not home, then a shift: no double flip", ["p/ner not home, on a late shift"], {"suspect_present": "negated"}),
    ("lives far away", ["ex lives in Poland now"], {"suspect_present": "negated", "safety_confirmed": "current"}),
    ("hedge over a departure", ["caller isn't sure if he has left or is still out on the landing"],
     {"suspect_present": "current"}),
    ("Q&A: where is he, at home", ["Q where is he? A asleep on the sofa"], {"suspect_present": "current"}),
    ("Q&A: where is he, at work", ["Q where is he now? A at work til 6"], {"suspect_present": "negated"}),
    ("victim at the front counter: he is at home = not with her",
     ["Front counter: female reports husband pushed her last night", "Husband at home now."],
     {"suspect_present": "negated"}),
    ("victim at home: he is at home = present", ["c/r at home, husband in the lounge"], {"suspect_present": "current"}),
    ("fear of his return is not his return", ["he was arrested and is held in the cells, she is frightened of him coming home"],
     {"suspect_present": "negated"}),
    # safety and threats phrasings (session 3)
    ("no contact since does not deny safety", ["no contact since he moved to Spain last year"],
     {"safety_confirmed": "current"}),
    ("doesn't know where her mum lives", ["she is at her mum's and he doesn't know where her mum lives"],
     {"safety_confirmed": "current"}),
    ("the victim not knowing where he is is not safety", ["partner has driven off, she doesn't know where"],
     {"safety_confirmed": None}),
    ("threat paraphrase", ["he said she'd be found in a ditch"], {"threats_to_kill": "current"}),
    ("gap does not swallow a denial", ["he has not threatened to kill her"], {"threats_to_kill": "negated"}),
    ("object used as a weapon", ["bf hit her round the head w/ a mug"], {"weapon": "current"}),
    ("gun kept is access, not a weapon", ["p/ner owns 2 air rifles, stored at his mums"],
     {"weapon": None, "firearm_access": "current"}),
    ("pregnancy weeks are not a child's age", ["c/r 16 wks pregnant"], {"children_present": None, "pregnancy": "current"}),
    ("age unit joined to the number", ["c/r and 4yo in bedroom"], {"children_present": "current"}),
    ("elderly victim's son is an adult", ["an 86-year-old widow says her son, who lives with her, took her stick"],
     {"children_present": None}),
    ("declining an ambulance does not deny injury", ["c/r minor scratches, doesnt want amb"], {"injury": "current"}),
    ("healed injury is history", ["partner bit her arm a fortnight ago and it has now healed"], {"injury": "historical"}),
    # hedges and hypotheticals count as current
    ("hedged weapon", ["might have a knife on him??"], {"weapon": "current"}),
    ("threatened weapon", ["said he'd get the hammer from the shed"], {"weapon": "current"}),
    ("threat to stab is weapon only", ["threatening to stab her"], {"weapon": "current", "threats_to_kill": None}),
    # subject
    ("neighbour's kids", ["neighbours kids playing in the street"], {"children_present": None}),
    ("adult son", ["her son (27) is staying over"], {"children_present": None}),
    ("relative is police", ["her brother is a police officer, he's on his way to help"], {"police_perpetrator": None}),
    ("suspect is police", ["her husband is a serving PC"], {"police_perpetrator": "current"}),
    ("pet threat", ["he threatened to kill the dog"], {"animal_abuse": "current", "threats_to_kill": None}),
    ("suicide threat", ["he said he'd kill himself if she leaves"],
     {"mental_health_suicide": "current", "threats_to_kill": None}),
    ("threat to kill", ["he told her he would kill her"], {"threats_to_kill": "current"}),
    # present-only labels and protective facts
    ("custody", ["susp in custody"], {"suspect_present": "negated", "safety_confirmed": "current"}),
    ("he knows the address", ["staying at her mums but he knows the address"], {"safety_confirmed": "negated"}),
    ("ex", ["ex-partner turned up"], {"separation": "current"}),
    # later notes override earlier ones
    ("correction", ["no kids in the house", "correction - son (6) asleep upstairs"], {"children_present": "current"}),
    ("weapon withdrawn", ["he has a knife", "update: it was his phone, no weapon"], {"weapon": "negated"}),
    # session 2: presence, topical negation, adult kin across notes, past abuse under a current label
    ("assault in progress means he is there", ["c/r screaming, her p/ner is hitting her now"],
     {"suspect_present": "current"}),
    ("held by the hair", ["he has her by the hair"], {"suspect_present": "current"}),
    ("somewhere else not listed", ["he's at the barbers"], {"suspect_present": "negated"}),
    ("at the door is not elsewhere", ["he's at the front door"], {"suspect_present": "current"}),
    ("victim at a friend's says nothing of him", ["she is at a friend's flat"], {"suspect_present": None}),
    ("custody then arrest stays negated", ["husband in custody following arrest for affray"],
     {"suspect_present": "negated"}),
    ("a past arrest does not remove him now", ["he is at the door", "he was arrested last week for hitting her"],
     {"suspect_present": "current"}),
    ("adult daughter stays adult in a later note", ["daughter (20) is being harassed by her ex", "daughter is at a mate's"],
     {"children_present": None}),
    ("a weeks-away date is not a pregnancy", ["wedding in 3 weeks"], {"pregnancy": None}),
    ("shorthand weeks is a pregnancy", ["she's 33 wks, has a 2yo"], {"pregnancy": "current"}),
    ("hit with any object", ["he hit her with a wooden spoon"], {"weapon": "current"}),
    ("hit with his fists is not a weapon", ["he hit her with his fists"], {"weapon": None}),
    ("past threat under a current one is a previous incident",
     ["he threatened to kill her last week, tonight he said he will kill her"],
     {"threats_to_kill": "current", "previous_incidents": "current"}),
    ("pets not harmed is not an injury denial", ["no pets harmed"], {"injury": None}),
    ("hes is he is", ["hubby threatened her, hes in the lounge"], {"suspect_present": "current"}),
    ("jailed last month is still away", ["he was jailed last month and is in HMP Leeds"], {"suspect_present": "negated"}),
    ("arrested last week says nothing of now", ["he is outside", "he was arrested last week"], {"suspect_present": "current"}),
    ("locked himself in", ["she's got a knife, he has locked himself in the bedroom"], {"weapon": "current"}),
    ("came home from work is not away", ["he came home from work and hit her"], {"suspect_present": "current"}),
    ("on bail is not away", ["he's at the door, he's on bail not to come here"], {"suspect_present": "current"}),
    ("walked past her window is nearby", ["ex has just walked past her window twice"],
     {"suspect_present": "current", "stalking_harassment": "current"}),
    ("back in minutes is not history", ["he's gone to the shop, back in 5 mins"], {"suspect_present": "current"}),
    ("released from prison", ["ex released from prison today"], {"suspect_present": "current", "safety_confirmed": None}),
    ("a child caller", ["c/r is 13, dad hit mum"], {"children_present": "current"}),
    ("an adult caller is not a child", ["c/r is 34, p/ner hit her"], {"children_present": None}),
    ("the kids' dad is not kids present", ["kids' dad keeps ringing"], {"children_present": None}),
    ("left in the car is not money control", ["dad has left in the car"], {"coercive_control": None}),
    ("got hold of her throat", ["he got hold of her throat"], {"strangulation": "current"}),
    ("put her in the ground", ["he said he'll put her in the ground"], {"threats_to_kill": "current"}),
    ("kill you and then myself is both", ["p/ner said 'i'll kill you and then myself'"],
     {"threats_to_kill": "current", "mental_health_suicide": "current"}),
    ("locked himself in", ["he's locked himself in the bathroom"], {"suspect_present": "current"}),
    ("markup around a word", ["he has a <b>knife</b>"], {"weapon": "current"}),
    # coercive control: money, belongings, restriction, monitoring, humiliation
    ("took her documents", ["he has taken her passport and birth certificate"], {"coercive_control": "current"}),
    ("hid mobility aid", ["her son hid her walking frame so she can't get up"], {"coercive_control": "current"}),
    ("hand over benefits", ["he makes her hand over her universal credit money"], {"coercive_control": "current"}),
    ("only gives her", ["only gives her £10 a week for food"], {"coercive_control": "current"}),
    ("refusing to let", ["she keeps refusing to let him see his family"], {"coercive_control": "current"}),
    ("won't let then takes phone", ["wont let her go out and takes her phone off her"], {"coercive_control": "current"}),
    ("name calling in front of", ["he calls her thick in front of his mates"], {"coercive_control": "current"}),
    ("one-off name calling", ["tonight he called her names during the row"], {"coercive_control": None}),
    ("control room is not control", ["update from control room: units en route"], {"coercive_control": None}),
    ("order not allowed is not control", ["court order says he is not allowed to collect the kids"],
     {"coercive_control": None, "order_breach": "current"}),
    ("control during marriage", ["ex controlled all the money throughout the marriage"], {"coercive_control": "historical"}),
    # stalking: course of conduct, not a single contact
    ("rung 30+ times", ["he has rung her 30+ times today"], {"stalking_harassment": "current"}),
    ("fake profiles", ["ex keeps making fake snapchat accounts to msg her"], {"stalking_harassment": "current"}),
    ("hanging about her work", ["he's been hanging about outside her office"], {"stalking_harassment": "current"}),
    ("turned up twice", ["he turned up at her mums twice this week"], {"stalking_harassment": "current"}),
    ("one text is not stalking", ["he sent one abusive text last night"], {"stalking_harassment": None}),
    ("bail conditions no contact", ["bail conds: no contact with IP"], {"stalking_harassment": None}),
    ("not contacted since", ["he hasn't contacted her since she left"], {"stalking_harassment": "negated"}),
    ("ongoing since a past event", ["he's been texting her every night since she ended it 2 weeks ago"],
     {"stalking_harassment": "current"}),
    # previous incidents
    ("abuse before", ["he has pushed her over before"], {"previous_incidents": "current"}),
    ("never violent before", ["she says he's never been violent towards her before"], {"previous_incidents": "negated"}),
    ("message counts are not previous incidents", ["he sent her 200 msgs today"], {"previous_incidents": None}),
    ("drinking again is not a previous incident", ["he has started drinking again"], {"previous_incidents": None}),
    ("past assault with a date", ["he slapped her a fortnight ago"], {"previous_incidents": "current"}),
    ("pol attended x3", ["pol attended addy x3 this yr"], {"previous_incidents": "current"}),
    # separation
    ("split lip is not separation", ["he has split her lip"], {"separation": None}),
    ("ex-army is not an ex", ["husband is ex-army"], {"separation": None}),
    ("want out of the marriage", ["she wants out of the marriage"], {"separation": "current"}),
    ("ex not there is still an ex", ["ex is not there now"], {"separation": "current"}),
    # police perpetrator
    ("serving PC", ["c/r states her husband is a serving PC"], {"police_perpetrator": "current"}),
    ("officer to visit is not the suspect", ["she wants an officer to visit tomorrow"], {"police_perpetrator": None}),
    ("prison officer is not police", ["he is a prison officer"], {"police_perpetrator": None}),
    # animal abuse
    ("booted the dog", ["he booted the dog across the room"], {"animal_abuse": "current"}),
    ("pet shut outside", ["he locked the cat outside in the cold all night"], {"animal_abuse": "current"}),
    ("dog not hurt", ["the dog wasn't hurt"], {"animal_abuse": "negated"}),
    # mental health, vulnerability, pregnancy, substances, orders, honour
    ("shoot himself", ["he said he'd shoot himself"], {"mental_health_suicide": "current"}),
    ("stockpiling pills", ["she has been stockpiling pills"], {"mental_health_suicide": "current"}),
    ("end it is not suicide when it is the relationship", ["she is planning to end it with him"],
     {"mental_health_suicide": None, "separation": "current"}),
    ("hyphenated age", ["caller is an 83-year-old man"], {"vulnerable_victim": "current"}),
    ("suspect's disability is not the victim's", ["her husband has dementia and hit her"], {"vulnerable_victim": None}),
    ("hyphenated baby age", ["she has a 3-week-old baby"], {"pregnancy": "current"}),
    ("past pregnancy", ["he kicked her when she was pregnant with their son"], {"pregnancy": "historical"}),
    ("tanked up", ["he is tanked up"], {"substance_misuse": "current"}),
    ("smashed the window is not drunk", ["he has smashed the window"], {"substance_misuse": None}),
    ("asking about an order is not one", ["she wants advice about a non-mol"], {"order_breach": None}),
    ("order served last week is in force", ["DVPO served on him last week"], {"order_breach": "current"}),
    ("disgraced the family", ["her dad says she has disgraced the family"], {"honour_based_abuse": "current"}),
    ("escalation lately", ["he's got much nastier lately"], {"escalation": "current"}),
    # generic context layer (session 3): pseudo scope per label, since..ago, Q&A answers,
    # anaphoric times, longer phrases winning, lasting states
    ("won't let her is not a denial of the kids", ["he won't let her see the kids"],
     {"children_present": "current", "coercive_control": "current"}),
    ("not allowed near is not a denial", ["he is not allowed near the kids"], {"children_present": "current"}),
    ("since a birth weeks ago is ongoing", ["more controlling since the baby was born 3 weeks ago"],
     {"coercive_control": "current", "children_present": "current", "previous_incidents": None}),
    ("asked re - she says no", ["asked re any sexual assault - she says no"], {"sexual_abuse": "negated"}),
    ("asked if - said no", ["Asked if there is a weapon - said no. Asked if kids are there - yes"],
     {"weapon": "negated", "children_present": "current"}),
    ("Q and A", ["Q weapons? A no"], {"weapon": "negated"}),
    ("bare topic answer", ["is he there - yes. any children there? - no"],
     {"children_present": "negated", "suspect_present": "current"}),
    ("a said-no inside the story is not an answer", ["he made her have sex even tho she said no"],
     {"sexual_abuse": "current"}),
    ("a full stop is no question", ["she's whispering. line dropped. no further info"], {"cannot_talk_safely": "current"}),
    ("that was last week", ["p/ner told her he'd kill her and nobody would ever find her, that was last week"],
     {"threats_to_kill": "historical", "previous_incidents": "current"}),
    ("that was weeks ago, next sentence", ["he said he'd stab her. That was 6 weeks ago. He is at work now."],
     {"weapon": "historical", "previous_incidents": "current"}),
    ("this stopped when", ["for 4 years he controlled all her money. This stopped when he went to prison in 2023."],
     {"coercive_control": "historical"}),
    ("before he went to prison", ["he controlled all the finances before he went to prison"],
     {"coercive_control": "historical", "previous_incidents": "current"}),
    ("serving constable with a past date", ["her husband, who's a serving constable, raped her in 2019"],
     {"police_perpetrator": "current", "sexual_abuse": "historical"}),
    ("escalating with a past arrest", ["c/r says its escalating, he was arrested in jan after he pushed her"],
     {"escalation": "current", "previous_incidents": "current"}),
    ("back in 10 is not history", ["bf gone out for more beer, said he'd be back in 10"], {"substance_misuse": "current"}),
    ("now healed holds now", ["he bit her arm a fortnight ago and it has now healed"], {"injury": "historical"}),
    ("while is not a full stop", ["he sexually assaulted her while she was asleep, this was in 2021"],
     {"sexual_abuse": "historical"}),
    ("during the marriage", ["During the marriage he regularly threatened to kill her and once held a knife to her."],
     {"threats_to_kill": "historical", "weapon": "historical"}),
    ("before the weekend is the future", ["he said he would come round and finish her off before the weekend"],
     {"threats_to_kill": "current"}),
    ("kids in a past event are still kids", ["he threatened to kill her in front of the kids on Xmas day"],
     {"children_present": "current", "threats_to_kill": "historical"}),
    # previous incidents
    ("used to hit her", ["ex used to hit her, stopped when they split"], {"previous_incidents": "current"}),
    ("police attended last weekend for similar", ["pol attended last wknd for similar"], {"previous_incidents": "current"}),
    ("police called in a month", ["pol called in feb"], {"previous_incidents": "current"}),
    ("done similar before", ["she has done similar things before"], {"previous_incidents": "current"}),
    ("worse each time", ["each time he's worse than the last"], {"previous_incidents": "current"}),
    ("more violent lately", ["he has got more violent over the last few months"], {"previous_incidents": "current"}),
    ("never laid a finger on her", ["he has never laid a finger on her before"], {"previous_incidents": "negated"}),
    ("slapped her in a month", ["her husband slapped her in Sept"], {"previous_incidents": "current"}),
    ("kicked when pregnant", ["he kicked her in the stomach when she was pregnant"], {"previous_incidents": "current"}),
    ("3rd call tonight", ["3rd call tonight from this addy"], {"previous_incidents": "current"}),
    ("second call, from her", ["Second call, from the woman herself: he has gone"], {"previous_incidents": None}),
    ("per PNC is a check, not a history", ["no children linked to this addy per PNC"], {"previous_incidents": None}),
    ("DA at addy is this incident", ["DA at addy, stepdad hit mum"], {"previous_incidents": None}),
]


@pytest.mark.parametrize(("name", "notes", "expected"), CASES, ids=[c[0] for c in CASES])
def test_language_rule(analyser: Analyser, name: str, notes: list[str], expected: dict[str, str | None]) -> None:
    statuses = analyser.analyse(notes).statuses()
    got = {label: statuses.get(label) for label in expected}
    assert got == expected, f"{name}: notes={notes} all={statuses}"


def test_evidence_points_at_the_words(analyser: Analyser) -> None:
    notes = ["c/r whispering", "he grabbed her by the throat"]
    analysis = analyser.analyse(notes)
    for indicator in analysis.indicators:
        for evidence in indicator.evidence:
            assert notes[evidence.message][evidence.start : evidence.end] == evidence.text
    strangulation = next(i for i in analysis.indicators if i.label == "strangulation")
    assert "throat" in strangulation.evidence[0].text
