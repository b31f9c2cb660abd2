"""Everyday phrasings of the risk-assessment labels, third pass (concepts seen failing on the
newest authors' writing: control through tabs, passcodes, withheld papers and money taken over,
stalking by drive-pasts, message floods and new accounts, family shame and marriage without
consent, leaving in her own words, officers with two descriptors, elderly victims by name and
age, history told through earlier reports and "used to"). One concept a row, written for this
test in the style of call handlers' notes (not taken from any development set), with traps that
must stay absent or negated. Notes of one call are separated by " || "."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows


CC, ST, SEP, PI = "coercive_control", "stalking_harassment", "separation", "previous_incidents"
ESC, OB, HBA, VV = "escalation", "order_breach", "honour_based_abuse", "vulnerable_victim"
PR, PP = "pregnancy", "police_perpetrator"

ROWS: list[tuple[str, str | None, str]] = [
    # --- coercive control: watching, restricting, withholding
    (CC, "current", "caller says p/ner keeps tabs on her through her phone"),
    (CC, "current", "he always knows wherever she goes"),
    (CC, "current", "bf goes mental if she goes out without asking him"),
    (CC, "current", "he monitors her via an app on her laptop"),
    (CC, "current", "ex tied her to a chair for an hour this afternoon"),
    (CC, "current", "husband doesnt allow her any money of her own"),
    (CC, "current", "she is not even allowed to the shop on her own"),
    (CC, "current", "he's keeping hold of her passport and visa papers"),
    (CC, "current", "her uncle has kept her off school for a month"),
    (CC, "current", "she says her texts are checked by her husband each night"),
    (CC, "current", "son pressuring nan to sign her bungalow over to him"),
    (CC, "current", "in-laws keep her inside all day"),
    (CC, "current", "daughter has taken over her dad's savings account"),
    (CC, "current", "stepson will not let him visit his grandkids"),
    (CC, "current", "only lets her out when he drives her"),
    (CC, "current", "p/ner answers her phone for her"),
    (CC, "current", "he knows her passcode and reads everything"),
    (CC, "current", "lodger has been helping himself to her pension"),
    (CC, "current", "ex keeps deadnaming her on purpose"),
    (CC, "current", "dad hides his hormones so he can't take them"),
    (CC, "current", "he watches her location all evening"),
    (CC, "current", "husb cut off the internet so she cant email her sister"),
    (CC, "current", "partner sold her jewellery without asking"),
    (CC, "current", "he makes her do whatever he says"),
    (CC, "current", "she has to beg for her inhaler, he locks away her meds"),
    (CC, "current", "he's been calling her names since christmas"),
    # traps: one-off thefts, overdoses, weapons kept, the word control elsewhere
    (CC, None, "bf took an overdose of his tablets an hour ago"),
    (CC, None, "ex keeps a bat in the boot of his car"),
    (CC, None, "male snatched her handbag and ran off"),
    (CC, None, "he got into his car and drove away"),
    (CC, None, "went back to his van and sat there"),
    (CC, None, "ambulance control passed the call across"),
    (CC, None, "shotguns kept locked in a cabinet in the garage"),
    (CC, None, "she didnt report it as she thought nobody would believe her"),
    (CC, None, "he still has her keys to the flat"),
    # --- stalking: a course of conduct
    (ST, "current", "ex drives past her work several times a day"),
    (ST, "current", "he's been texting her all night"),
    (ST, "current", "she's had calls from him non-stop since 7"),
    (ST, "current", "ex rang the salon more than twenty times today"),
    (ST, "current", "ex phoning her every few minutes"),
    (ST, "current", "he turns up unannounced at her college"),
    (ST, "current", "he keeps walking slowly past her windows"),
    (ST, "current", "she blocked him and now he's ringing her from a withheld number"),
    (ST, "current", "he made a fake profile on instagram to message her"),
    (ST, "current", "he is sending emails about 30 a day"),
    (ST, "current", "ex has texted her dozens of times"),
    (ST, "current", "his sister keeps sending her messages on facebook"),
    (ST, "current", "he's been showing up everywhere she goes"),
    # traps
    (ST, None, "she set up a new account for her business"),
    (ST, None, "he's been calling her 'useless' every day"),
    (ST, None, "he stopped her contacting her friends"),
    (ST, None, "he hit her 3 times tonight"),
    # --- separation: leaving in her own words, and staying
    (SEP, "current", "she's not going back, staying at her sisters"),
    (SEP, "current", "v says she doesn't want to go back"),
    (SEP, "current", "she left with the two kids this morning"),
    (SEP, "current", "she told him last night it was over"),
    (SEP, "current", "IP no longer living with husband"),
    (SEP, "current", "she's moved to her mum's for good"),
    (SEP, "current", "caller has told boyfriend Dan it's finished"),
    (SEP, "negated", "parents still live together, dad is the suspect"),
    (SEP, "negated", "ex has moved back in with her since he got out"),
    (SEP, "negated", "she is staying put, just wants advice"),
    (SEP, "negated", "she says she's not going anywhere"),
    # traps
    (SEP, None, "he's not going back to work till monday"),
    (SEP, None, "her brother moved in after his own divorce"),
    (SEP, None, "for good measure he took her phone"),
    # --- honour-based abuse
    (HBA, "current", "her father says she has brought shame on the family"),
    (HBA, "current", "cousins say she dishonoured the whole family"),
    (HBA, "current", "they beat her for 'disgracing' them"),
    (HBA, "current", "school worried girl will have a special cut over the summer"),
    (HBA, "current", "caller was cut as a child and fears for her daughter"),
    (HBA, "current", "her dad hit her for rejecting the engagement"),
    (HBA, "current", "she's been told she's getting married when they land"),
    (HBA, "current", "they married against her parents' wishes and her brothers are hunting for her"),
    (HBA, "current", "her uncles found out she is bisexual"),
    (HBA, "current", "she did not consent to the marriage"),
    # traps
    (HBA, None, "her ex found out about her new job"),
    # --- vulnerable victim
    (VV, "current", "victim has hardly any English"),
    (VV, "current", "her english is not good, son translating"),
    (VV, "current", "call from carer re her nana (88)"),
    (VV, "current", "female, 83, lives with her nephew"),
    (VV, "current", "AP 90 says grandson shouts at her"),
    (VV, None, "AP 34 says partner shouts at her"),
    (VV, None, "he's refused his tablets for bipolar again, she's ok"),
    (VV, None, "he has stopped his medication for psychosis"),
    # --- pregnancy
    (PR, "current", "baby due next month"),
    (PR, "current", "she had the bairn 2 weeks since"),
    (PR, "negated", "asked if pregnant - she says no"),
    (PR, None, "his new girlfriend is pregnant"),
    (PR, None, "she had the kids 3 weeks ago"),
    # --- escalation
    (ESC, "current", "he's more aggressive every time"),
    (ESC, "current", "the shouting is louder each night"),
    (ESC, "current", "this week it has been worse than the week before"),
    (ESC, "current", "he's become even nastier since she got the job"),
    (ESC, "negated", "she does not believe it is getting any worse"),
    # --- order breach
    (OB, "current", "there is a prohibited steps order for the kids"),
    # --- police perpetrator
    (PP, "current", "husband is a serving firearms officer"),
    (PP, "current", "bf (serving pc) has her pinned to the floor"),
    (PP, "current", "he's a response sergeant at Central station"),
    (PP, None, "an officer at the station told her to ring 101"),
    (PP, None, "her brother is a serving met pc, partner is a plumber"),
    # --- previous incidents: earlier reports, habits and history
    (PI, "current", "after years of abuse she has left"),
    (PI, "current", "police attended that night too"),
    (PI, "current", "he was violent throughout the marriage"),
    (PI, "current", "she reported it to the police last month"),
    (PI, "current", "caller reported him back in 2022"),
    (PI, "current", "she has called us about him twice before"),
    (PI, "current", "it's been going on years"),
    (PI, "current", "her ex used to batter her"),
    (PI, "current", "officer to take statement re the earlier attacks"),
    (PI, "current", "there's a long history between them"),
    (PI, "current", "he has punched her in the past"),
    (PI, "current", "she can't take it any more"),
    (PI, "current", "we've been out to them before"),
    (PI, "current", "released from prison last month after attacking her"),
    (PI, "current", "he did the same thing in march"),
    (PI, "current", "his last girlfriend reported him for domestic abuse"),
    (PI, "negated", "she says he has never done anything like this"),
    (PI, "negated", "he has never ever touched her before"),
    # traps
    (PI, None, "ex in custody for breaching his bail"),
    (PI, None, "he's never hurt the dog before"),
    (PI, None, "he has a history of depression"),
    (PI, None, "she wants to report it to the police"),
]


@phrasing_rows(ROWS)
def test_risk_phrasing(analyser: Analyser, label: str, expected: str | None, notes: str | list[str]) -> None:
    assert_reads(analyser, label, expected, notes)
