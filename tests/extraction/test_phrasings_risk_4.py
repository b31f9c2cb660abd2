"""Risk phrasings, round 4 (coercive control, stalking, separation, history, and the smaller
risk labels), one row per concept family, written for this test in a call handler's style
(not taken from any development set), with traps that must stay absent or negated: a one-off
act in a row, an overdose of her own tablets, a suspect taking his own things, physical
escape during an incident, deer stalking, silence "since" about violence rather than contact.
Notes of one call are separated by " || "."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows


CC, ST, SEP, PI = "coercive_control", "stalking_harassment", "separation", "previous_incidents"
SUB, VUL, POL, HBA, PREG, ORD = (
    "substance_misuse", "vulnerable_victim", "police_perpetrator", "honour_based_abuse", "pregnancy", "order_breach",
)

ROWS: list[tuple[str, str | None, str]] = [
    # --- coercive control: monitoring and surveillance
    (CC, "current", "ip says he bugs her phone calls and listens back at night"),
    (CC, "current", "bf has put a hidden camera in the lounge"),
    (CC, "current", "he watches her through the camera app on his phone all day"),
    (CC, "current", "p/ner keeps interrogating her about who she's been talking to"),
    (CC, "current", "husband has changed all the passwords on her banking app"),
    (CC, "current", "her ex is forever checking up on her"),
    (CC, "current", "he demands she send photos of where she is"),
    (CC, "current", "won't give the cat back until she unlocks her laptop for him"),
    (CC, "current", "he checks who she's been messaging every evening"),
    # --- coercive control: restriction of movement, contact and belongings
    (CC, "current", "husband refuses to give her her inhaler back"),
    (CC, "current", "he screamed at her that she's going nowhere"),
    (CC, "current", "voice in bg: you're not going anywhere"),
    (CC, "current", "mum says he keeps her shut up in the back room"),
    (CC, "current", "he has locked her and her son in the garage"),
    (CC, "current", "bf punched her for texting a lad from work"),
    (CC, "current", "he said he'd smash the tv if she goes to the pub with her mates"),
    (CC, "current", "her partner dictates what she can buy and who she sees"),
    (CC, "current", "she can't leave the flat unless he's with her"),
    (CC, "current", "son won't let her friends come round any more"),
    (CC, "current", "told her she's not seeing her family any more"),
    (CC, "current", "he told her she is not going to the gym again"),
    (CC, "current", "he smashed her phone when she tried to call her mum"),
    (CC, "current", "p/ner snatched her mobile to stop her ringing anyone"),
    # --- coercive control: threats used to control, money
    (CC, "current", "he says he'll make sure she never sees the boys if she reports him"),
    (CC, "current", "she keeps threatening to take the kids away to Spain"),
    (CC, "current", "ex threatening to tell her boss about her past"),
    (CC, "current", "he said he will have her deported if she calls police"),
    (CC, "current", "grandson spends her carers allowance every week"),
    # --- coercive control: traps
    (CC, None, "he smashed her phone during a row last night, then left"),
    (CC, None, "he threw his phone on the floor and stormed off"),
    (CC, None, "she has swallowed a handful of her tablets"),
    (CC, None, "he took £40 out of her purse and went to the pub"),
    (CC, None, "he's taken his car and gone to his brothers"),
    (CC, None, "she left and took her keys with her"),
    (CC, None, "he spat at her during the argument"),
    (CC, None, "she has put cctv up at the front door since he kept coming round"),
    (CC, None, "she locked herself in the bathroom"),
    (CC, None, "she has decided where she will stay tonight"),
    (CC, None, "he said he's not going to get away with it"),
    # --- stalking: a course of conduct
    (ST, "current", "ex rings her over and over through the night"),
    (ST, "current", "he turns up at her work again and again"),
    (ST, "current", "her ex won't stop texting since she ended it"),
    (ST, "current", "he has messaged her more than 60 times today"),
    (ST, "current", "ex posting about her on instagram every day"),
    # --- stalking: no contact since
    (ST, "negated", "split 2 yrs ago, not heard a word from him since"),
    (ST, "negated", "he has made no attempt to contact her since he moved"),
    (ST, "negated", "q: any contact from him? a: none"),
    (ST, "negated", "he sent a few texts in june, nothing since"),
    # --- stalking: traps
    (ST, None, "husband goes deer stalking at weekends, keeps rifles"),
    (ST, None, "he followed her from room to room screaming"),
    (ST, None, "he hit her in 2021, nothing since"),
    (ST, None, "he punched her over and over"),
    # --- separation
    (SEP, "current", "she fled from her abusive husband last year"),
    (SEP, "current", "he says he'll hurt himself unless she comes back to him"),
    (SEP, "current", "she doesn't want him back"),
    (SEP, "current", "ex keeps begging to get her back"),
    (SEP, "current", "she's desperate to get out of the marriage"),
    (SEP, None, "he had her by the throat but she got away and ran upstairs"),
    (SEP, None, "he shouted at her to get out of his sight"),
    (SEP, None, "she says she's been thinking about ending her life"),
    # --- previous incidents
    (PI, "current", "officers came out to the same address last month"),
    (PI, "current", "he has hit her countless times"),
    (PI, "current", "he has been violent on a number of occasions"),
    (PI, "current", "this is the fourth night in a row he's come home and kicked off"),
    (PI, "current", "ex was given 6 months for battering her"),
    (PI, "current", "q: police involved before? a: yes, twice"),
    (PI, "negated", "q: police involved before? a: no"),
    (PI, "current", "she says it's no worse than it has always been"),
    (PI, "current", "she first reported him in Feb."),
    (PI, None, "officers came out to the flat tonight"),
    (PI, "current", "his licence was revoked last spring after he assaulted her"),
    (PI, None, "she hit him with a pan after he attacked her"),
    (PI, None, "the caller reported that he had pushed her over last night"),
    (PI, None, "she screamed that he was hitting her before the line went dead"),
    (PI, "current", "he'd never laid a finger on her before this year, now it's weekly"),
    (PI, None, "he stabbed him several times tonight"),
    # --- other risk labels
    (SUB, "current", "male sounds like he's on something, very twitchy"),
    (SUB, "current", "c/r slurring her words"),
    (SUB, "current", "he's nipped to the offie for more cans"),
    (SUB, None, "she hit him with a beer bottle"),
    (SUB, None, "neither of them has ever been in trouble with police"),
    (VUL, "current", "language line used, ll urdu, husband hit her"),
    (VUL, "current", "victim has a heart condition"),
    (VUL, "current", "her grandad (82) says his grandson pushed him"),
    (VUL, None, "her dad, 45, called it in"),
    (POL, "current", "her boyfriend, also a PC at the same station, slapped her"),
    (POL, "current", "husband is civvy staff at headquarters"),
    (POL, "current", "ex, a serving traffic officer, keeps texting her"),
    (HBA, "current", "the family say she has brought shame by leaving"),
    (HBA, "current", "her in-laws say she'll disgrace the family"),
    (HBA, "current", "her parents have arranged a marriage for her next spring"),
    (HBA, "current", "brother told her she will not bring dishonour on them"),
    (HBA, "negated", "asked about pressure from the wider family: none"),
    (PREG, "current", "she's two weeks since giving birth"),
    (PREG, "current", "victim is f 30, ten days after giving birth"),
    (ORD, None, "he keeps three shotguns on certificate"),
]


@phrasing_rows(ROWS)
def test_risk_phrasing_4(analyser: Analyser, label: str, expected: str | None, notes: str | list[str]) -> None:
    assert_reads(analyser, label, expected, notes)
