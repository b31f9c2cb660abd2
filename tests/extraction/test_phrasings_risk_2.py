"""Everyday phrasings of the risk-assessment labels, second pass (concepts seen failing on
newer authors' writing: forced marriage arranged by family, officers by rank and force,
elderly victims giving their own age, stalking by habitual waiting and through third parties,
abuse that keeps recurring or went on for years, separation in her own words, orders being
sought rather than held, firearms still held). One concept a row, written for this test in the
style of call handlers' notes (not taken from any development set), with status traps."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows


# (label, expected status or None for absent, note)
PHRASINGS: list[tuple[str, str | None, str]] = [
    # animal abuse: a weapon aimed at a pet, a pet held by the neck, a pet referred to as "it"
    ("animal_abuse", "current", "c/r says he was aiming the air rifle at the cat"),
    ("animal_abuse", "current", "he's grabbed the puppy by the scruff and is shaking it"),
    ("animal_abuse", "current", "he dragged the dog into the garden and kicked it"),
    ("animal_abuse", "negated", "he was yelling at the cat but she says he didnt touch it"),
    # honour-based abuse: a marriage arranged or wanted by family, marrying the wrong person
    ("honour_based_abuse", "current", "school say her parents have arranged for her to get married over easter"),
    ("honour_based_abuse", "current", "text from girl 16 - my uncles want me to marry a man from back home"),
    ("honour_based_abuse", "current", "they're flying her out next week to get married, she doesn't want to"),
    ("honour_based_abuse", "current", "c/r worried her dad will marry her sister off this summer"),
    ("honour_based_abuse", "current", "her cousins have threatened her for marrying outside the faith"),
    ("honour_based_abuse", "current", "she has been cut off by her whole family since the wedding"),
    # police perpetrator: rank and force without "is a"
    ("police_perpetrator", "current", "anon caller says a DS in the CID is hitting his wife"),
    ("police_perpetrator", "current", "her fiance, \"a PC with the Met\", has taken her car keys"),
    # vulnerable victim: her own age in her own words, age after a person word
    ("vulnerable_victim", "current", "c/r states \"he pushed me, I'm 83 and I can't stand up\""),
    ("vulnerable_victim", "current", "caller female, 77, says grandson took her bank card"),
    ("vulnerable_victim", "current", "lady (88) says her son keeps shouting at her"),
    ("vulnerable_victim", "current", "victim has Parkinson's and can't get up off the floor"),
    # stalking: habitual waiting, contact through third parties, repeat sightings, posting
    ("stalking_harassment", "current", "he's been sitting outside her work in his van every morning"),
    ("stalking_harassment", "current", "ex keeps ringing her sister asking where she lives now"),
    ("stalking_harassment", "current", "ex has been posting her private pictures online"),
    ("stalking_harassment", "current", "she's spotted his van at the end of the road three times since friday"),
    ("stalking_harassment", "current", "her ex shows up every time she goes out with friends"),
    # coercive control: benefits taken, documents destroyed, never out without him, reporting threat
    ("coercive_control", "current", "boyfriend has been taking her PIP and leaving her with nothing"),
    ("coercive_control", "current", "he ripped up her passport in front of her"),
    ("coercive_control", "current", "she is never allowed to go to the shops without him"),
    ("coercive_control", "current", "he says if she calls the police nobody will ever believe her"),
    ("coercive_control", "current", "husband is watching her phone all the time"),
    ("coercive_control", "current", "his wife won't let him leave the bedroom"),
    ("coercive_control", None, "the farm is isolated, officers 40 mins away"),
    ("coercive_control", None, "son has stopped taking his medication and is shouting"),
    # separation: ending it in her words, left since, family pressure over leaving
    ("separation", "current", "argument started after she told him she wanted to end it"),
    ("separation", "current", "IP has since moved out and is at her nan's"),
    ("separation", "current", "her family keep pushing her to go back to her husband"),
    ("separation", None, "caller's signal keeps breaking up, could hear shouting"),
    ("separation", None, "he took a handful of pills saying he wanted to end it"),
    ("separation", "negated", "they are still married and she wants to stay with him"),
    # orders: a distance condition; an order wanted is not an order held
    ("order_breach", "current", "he's not permitted within 200 metres of the house"),
    ("order_breach", None, "she'd like to get an injunction against him"),
    # firearms: still held, denied in a list
    ("firearm_access", "current", "he threatened her with it years ago and still has his shotgun"),
    ("firearm_access", "negated", "asked re guns - none, no firearms licence"),
    # previous incidents: happened before, habitual, went on for years, police in a year
    ("previous_incidents", "current", "she says it has happened before but she never rang anyone"),
    ("previous_incidents", "current", "he often pushes her about when he's in a mood"),
    ("previous_incidents", "current", "he throws things at her sometimes"),
    ("previous_incidents", "current", "c/r says it went on for years before she left"),
    ("previous_incidents", "current", "he was violent throughout the marriage"),
    ("previous_incidents", "current", "officers came out to the address in 2022"),
    ("previous_incidents", "current", "she has reported him twice"),
    ("previous_incidents", "current", "he pushed her down the stairs a couple of months ago"),
    ("previous_incidents", None, "she is planning to leave again next week"),
    ("previous_incidents", None, "husband has controlled her money for years"),
    # escalation: never sounded or looked this bad
    ("escalation", "current", "she says he has never looked this angry"),
    # second batch: rank and force, family-forced marriage, repeat calls and letters, ending the
    # marriage, leaving a room is not leaving him, worse by degree, ages and English, babies' ages
    ("police_perpetrator", "current", "her husband, DC Lee Harper of this force, has pushed her over"),
    ("police_perpetrator", "historical", "ex is a retired sergeant from this force"),
    ("honour_based_abuse", "current", "she was pressured by her parents to marry him and now wants out"),
    ("honour_based_abuse", "current", "her brothers say she is flying to Pakistan in june to be married"),
    ("stalking_harassment", "current", "ex has phoned her twelve times since midnight"),
    ("stalking_harassment", "current", "he sent her 9 whatsapp messages this afternoon"),
    ("stalking_harassment", "current", "he keeps leaving notes under her wipers"),
    ("stalking_harassment", "current", "he was stood over the road watching the windows"),
    ("separation", "current", "she has decided to end the marriage"),
    ("separation", None, "he is refusing to leave the house and shouting"),
    ("separation", None, "her dad separated them before police arrived"),
    ("separation", None, "he said that if she ever tried to leave he'd hurt her"),
    ("escalation", "current", "she says his temper has got much worse since christmas"),
    ("vulnerable_victim", "current", "Mrs Ada Cole is 84 and lives with her son"),
    ("vulnerable_victim", "current", "victim struggles with English, daughter translating"),
    ("pregnancy", "current", "her daughter, aged 3 weeks, is asleep in the pram"),
    ("coercive_control", "current", "he refuses to give her any money for the electric"),
    ("coercive_control", None, "he threw the xbox controller at the wall"),
    ("coercive_control", None, "he called her names in front of the neighbours last night"),
    ("previous_incidents", None, "he had left ten minutes prior to the call"),
    ("previous_incidents", None, "he previously owned a shotgun but sold it"),
    ("previous_incidents", None, "they broke up last month and he has been texting since"),
    ("previous_incidents", "negated", "she says there has never been any violence before tonight"),
    ("firearm_access", "negated", "asked about guns, his brother shoots but he does not hold a licence"),
    ("substance_misuse", None, "suspect has gone down the pub"),
    # third batch: dog breeds, asking him for money, contacting her new partner, letting himself
    # in, an order that ended, the same as for years, a threat said before
    ("animal_abuse", "current", "he booted the staffie across the yard"),
    ("coercive_control", "current", "she has to ask him for money for the gas"),
    ("coercive_control", "current", "he keeps telling her you'll never leave me"),
    ("coercive_control", "current", "he's been keeping the child benefit for himself"),
    ("stalking_harassment", "current", "ex keeps texting her new boyfriend with threats"),
    ("stalking_harassment", "current", "he lets himself in with his old key when she's out"),
    ("stalking_harassment", "current", "she says he's been posting on instagram about her"),
    ("order_breach", "historical", "he was on bail for hitting her but the conditions have ended"),
    ("previous_incidents", "current", "she says it's no worse than it's been for years"),
    ("previous_incidents", "current", "he has threatened that before"),
    ("separation", "current", "no contact with him since she left in may"),
    ("separation", None, "she lives with her husband's family in the flat above the shop"),
    # fourth batch: everyday variants written for generalisation
    ("coercive_control", "current", "he goes ballistic if she so much as talks to other men"),
    ("coercive_control", "current", "he keeps her on a short leash"),
    ("coercive_control", "current", "he threatens to ring social services and say she's an unfit mum"),
    ("stalking_harassment", "current", "he keeps ringing her work looking for her"),
    ("stalking_harassment", "current", "he's still sending gifts despite being told to stop"),
    ("previous_incidents", "current", "he is on the system for DV with his last partner"),
    ("previous_incidents", "current", "he has form for violence"),
    ("previous_incidents", "current", "he punched her a while back"),
    ("previous_incidents", "current", "he did the same thing last christmas"),
    ("previous_incidents", "current", "he has been violent in the past"),
    ("previous_incidents", "current", "police have been out to the flat several times"),
    ("previous_incidents", "current", "the violence started after they got married"),
    ("previous_incidents", "negated", "there's never been any DV between them"),
    ("separation", "current", "she's been trying to get away from him for months"),
    ("escalation", "current", "she says he is more aggressive than before"),
    ("vulnerable_victim", "current", "victim can't get up without help"),
    ("pregnancy", "current", "she says she is carrying his baby"),
    ("honour_based_abuse", "current", "her brothers have threatened her over her boyfriend"),
    # shorthand and typos (lexicon: b4, happend, gettin, turnin)
    ("previous_incidents", "current", "c/r says hes done this b4"),
    ("previous_incidents", "current", "says its happend loads"),
    ("escalation", "current", "c/r says its gettin worse"),
    ("stalking_harassment", "current", "ex keeps turnin up at her mums"),
    ("honour_based_abuse", "current", "school raising FM concerns re year 9 pupil"),
    ("police_perpetrator", "current", "c/r says susp is job, works at the local nick"),
    # denials
    ("stalking_harassment", "negated", "she's had no calls or messages from him since"),
    ("previous_incidents", "negated", "checks done, nothing on the system for either party"),
    ("separation", "negated", "they are still an item"),
    ("separation", "negated", "the couple live together with their dog"),
    # formal reported speech
    ("coercive_control", "current", "She stated she is not permitted to go out alone."),
    ("stalking_harassment", "current", "She reported that he had repeatedly visited her home uninvited."),
    ("previous_incidents", "current", "She described abuse over a number of years."),
    ("separation", "current", "The victim informed him she intended to leave."),
    ("separation", None, "He intends to leave for Spain on Friday."),
    ("escalation", "current", "She stated that his temper has deteriorated since the summer."),
    # regional and slang wording
    ("substance_misuse", "current", "c/r says he's mortal, been out since dinner"),
    ("substance_misuse", "current", "partner has had a few cans and is kicking off"),
    ("stalking_harassment", "current", "her ex has been hounding her since the split"),
    ("stalking_harassment", "current", "he won't stop mithering her at work"),
    ("coercive_control", "current", "he keeps her skint so she can't go anywhere"),
    ("coercive_control", "current", "she says she's been under his thumb for years"),
    ("previous_incidents", "current", "she's had hidings off him for years"),
    ("previous_incidents", "current", "he's always been handy with his fists"),
    ("separation", "current", "she's binned him off and he won't accept it"),
    ("escalation", "current", "she says it's gone up a notch lately"),
    ("police_perpetrator", "current", "c/r says her fella is old bill"),
    ("police_perpetrator", None, "her brother is a police officer and told her to ring"),
    ("vulnerable_victim", "current", "victim is in her late 80s"),
    ("animal_abuse", "current", "he lamped the dog when it barked"),
    # professionals' and third parties' wording
    ("previous_incidents", "current", "IDVA says there are longstanding concerns about DA"),
    ("previous_incidents", "current", "family known to childrens services due to domestic abuse"),
    ("previous_incidents", "current", "address flagged as a repeat location"),
    ("previous_incidents", "current", "a DASH was done with her a few weeks ago"),
    ("previous_incidents", "current", "four DV calls to the address this year"),
    ("stalking_harassment", "current", "she has changed her number twice because of him"),
    ("stalking_harassment", "current", "he keeps leaving voicemails every evening"),
    ("vulnerable_victim", "current", "mum has carers in twice a day"),
    # status traps for the new concepts
    ("firearm_access", "negated", "she says he doesn't still have the rifle"),
    ("previous_incidents", "negated", "checks show he is not on the system"),
    ("previous_incidents", "negated", "she says it hasn't happened before"),
    ("stalking_harassment", "negated", "no voicemails or texts since sunday"),
    ("separation", "negated", "she doesn't intend to leave him"),
    ("honour_based_abuse", "negated", "school confirm no FM concerns"),
    ("stalking_harassment", "negated", "he hasn't been hounding her"),
    # pregnancy, honour, pets, shooting: more everyday wording
    ("pregnancy", "current", "c/r is preggers and scared for the baby"),
    ("pregnancy", "current", "she had her 20 week scan on monday"),
    ("pregnancy", "current", "she only found out she was pregnant last week"),
    ("honour_based_abuse", "current", "she says she was promised to a cousin back home"),
    ("honour_based_abuse", "current", "community elders have been pressuring her to return"),
    ("animal_abuse", "current", "neighbour says the puppy has been kicked again"),
    ("firearm_access", "current", "he shoots pheasants with his dad at weekends"),
    # coercive control: degrading treatment, reproductive control, sectioning threats, check-ins
    ("coercive_control", "current", "he hid her contraceptive pill"),
    ("coercive_control", "current", "he makes her sleep in the shed when he's angry"),
    ("coercive_control", "current", "he threatened to get her sectioned if she tells anyone"),
    ("coercive_control", "current", "he tells people she is mental so no one listens to her"),
    ("coercive_control", "current", "she has to get his permission to see her mum"),
    ("coercive_control", "current", "he makes her facetime him every hour at work"),
    ("coercive_control", "current", "he knows her bank passwords and checks everything"),
    ("coercive_control", "current", "he smashes her things whenever she goes out"),
    ("vulnerable_victim", "current", "she has no recourse to public funds"),
    # Q&A about pets
    ("animal_abuse", "negated", "Q any pets harmed? A no"),
    ("animal_abuse", None, "Q pets? A not sure"),
    # phrases whose multi-word alternatives had never matched on their own
    ("firearm_access", "negated", "PNC check: no known access to firearms"),
    ("previous_incidents", "current", "mum says there have been similar incidents"),
    ("animal_abuse", "current", "neighbour says he is cruel to animals"),
    ("coercive_control", "current", "she's not allowed her own key to the flat"),
    ("separation", "negated", "they live together and she does not want to leave"),
    # orders and course-of-conduct gifts
    ("order_breach", "current", "magistrates told him to stay away from her and the kids"),
    ("order_breach", "current", "he was ordered by the court to have no contact"),
    ("order_breach", "current", "he's wearing an electronic tag"),
    ("order_breach", "historical", "his bail conditions were lifted in october"),
    ("stalking_harassment", "current", "she keeps getting unwanted gifts from her ex"),
    ("stalking_harassment", "current", "he's been leaving dead flowers on her car"),
    # substances and escalation: more wording
    ("substance_misuse", "current", "he's high and pacing round the flat"),
    ("substance_misuse", "current", "officers note empty cans all over the lounge"),
    ("substance_misuse", "current", "he's been on a bender since friday"),
    ("substance_misuse", None, "DASH completed, he is high risk"),
    ("escalation", "current", "she says the beatings are more brutal now"),
    ("escalation", "current", "the incidents are getting closer together"),
    ("escalation", "current", "he punched her tonight, before it was just shouting"),
    # separation and vulnerability: more wording
    ("separation", "current", "they have been living apart since easter"),
    ("separation", "current", "she fled the family home with the kids"),
    ("separation", "current", "she has asked him to move out"),
    ("separation", "negated", "they have patched things up"),
    ("separation", "current", "ex keeps begging her to take him back"),
    ("vulnerable_victim", "current", "victim is on dialysis three times a week"),
    ("vulnerable_victim", None, "he has cancer and she looks after him"),
    # police staff and family-arranged matches
    ("police_perpetrator", "current", "her husband is employed by the force as a PCSO supervisor"),
    ("honour_based_abuse", "current", "her parents have chosen her a husband from back home"),
    ("honour_based_abuse", "current", "her family are forcing her to return to her husband"),
]


@phrasing_rows(PHRASINGS)
def test_phrasing(analyser: Analyser, label: str, expected: str | None, notes: str | list[str]) -> None:
    assert_reads(analyser, label, expected, notes)
