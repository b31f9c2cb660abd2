"""Phrasings, fifteenth session (a handler writing in clinical shorthand, and one writing English
as a second language): "-ve" and "neg" deny ("weapons -ve"); "c/o" is "complains of" ("c/o L
ankle pain"), and a laceration ("lac") is an injury; "pt" is the victim; "hx" dates what follows
it ("hx strangulation 2019") and "hx DV", "hx: police attended" are previous incidents; spans
in clinical shorthand ("x2/52 ago", "3/12 ago", "bruising 1/52 old") are past times, "34/40" and
"5/12 pregnant" are a pregnancy, a baby "2/52 old" or had "10/7 ago" is a new baby; a person
out in the garden or the barn is at the scene, as is one "in living room" with no verb, one who
"fall asleep on sofa", "lock himself in garage" or is "driving from Luton"; "he live in London"
and "away in Manchester" are away; "line dead" and "answering only yes/no" mean she cannot talk
freely; "end it for both of us" threatens both a killing and a suicide; a thing thrown "to her
head" is a weapon; "he is killing me" is an assault, not a threat; "she doesn't know where he
went" is no safe address; an arrest the bail came from is no custody now; "before hitting her"
and "before she shames the family" are no past time; "no English" denies nothing after it;
bruises "gone now" say nothing of where he is; "he didn't hit her with it" neither asserts nor
denies the weapon; "never this long" is escalation; "relationship over" is a separation; a
victim named with a title and an age of 70 or more ("client Mrs Doreen Platt 82") is elderly,
and her son is an adult; his ex-wife is no separation; "want to take all" her tablets is a
suicide attempt; a sentence for an assault on her is a previous incident; "she can not have
money" is control; police staff ("civilian in police control room") are police, her brother in
the police is not; "he never hurt kids" denies neither the children nor an injury; a bump "for
few days" is on the head; (batch 8) a DASH checklist asks, so its bare answers deny ("DASH:
injury - no"); "grading NOT lowered re intox" denies no drink; "you'll all be dead" threatens to
kill; "not previously known" denies a history but abuse "not previously reported" is one; her
PIP money taken is control; "seeing a boy" is no child; a planned trip abroad is no safety; a DV
history with his ex-wife is no separation of this couple; "can't get through on her phone" is no
control; posting about her online is harassment; a couple "fighting in the kitchen" are there;
he "left before arrival"; "did things she didn't want" and "made her after she said no" are sexual
abuse; a red cheek and "I think it's broken" are injuries, "broke Lisa's ribs" too; wanting to jump
is suicidal; "couldn't establish if any weapon" and "doesn't know if there are any injuries" leave
the topic open; a neighbour who "took the phone" relays the call; "been like this before" is a
history, "previous calls x3" no harassment, "first time she's told anyone" no denial of one; "back
in 6 months" is far away; kids she has taken next door are hers; "she thinks they don't know the
address" is no safety. Rows
are written for this test in a call handler's style, not taken from any data set, each with a
trap beside it. Notes of one call are separated by " || "."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows

ROWS: list[tuple[str, str | None, str]] = [
    # --- "-ve" and "neg" deny
    ("weapon", "negated", "pt states p/ner punched her. weapons -ve; kids nil"),
    ("children_present", "negated", "wpns seen by pt. kids -ve"),
    ("weapon", "negated", "asked re weapons - neg"),
    # --- trap: a weapon after the denial of another topic
    ("weapon", "current", "kids -ve. he has a knife in his hand"),
    # --- "c/o": complains of; a laceration
    ("injury", "current", "pt c/o L knee pain after being pushed"),
    ("injury", "current", "c/o abdo pain, 20 mins ago"),
    ("injury", "current", "small lac to R eyebrow"),
    # --- trap: a complaint about something else
    ("injury", None, "neighbour c/o noise from the flat"),
    # --- "pt" is the victim
    ("safety_confirmed", None, "he has left, pt doesnt know where"),
    # --- trap: he does not know where she is
    ("safety_confirmed", "current", "pt at her aunts in Hull, he doesnt know where she is"),
    # --- "hx"
    ("strangulation", "historical", "hx strangulation 2019 (reported)"),
    ("mental_health_suicide", "historical", "husband hx suicide attempt 2020"),
    ("previous_incidents", "current", "hx DV x3 with this male"),
    ("previous_incidents", "current", "hx: police attended addr 2023"),
    # --- trap: tonight's act after the history
    ("strangulation", "current", "hx dv. tonight he grabbed her by the throat"),
    # --- clinical spans
    ("injury", "historical", "bruising to ribs x2/52 ago, now resolved"),
    ("sexual_abuse", "historical", "disclosing sexual assaults by husband over 2 yrs, last one approx 3/12 ago"),
    ("injury", "historical", "bruise to L arm 1/52 old"),
    # --- trap: a frequency, not a time ago
    ("stalking_harassment", "current", "ex sent 40 msgs x2/52, still messaging tonight"),
    # --- pregnancy in clinical shorthand
    ("pregnancy", "current", "pt 34/40, partner kicked her"),
    ("pregnancy", "current", "she's 5/12 pregnant"),
    ("pregnancy", "current", "pt home with baby 2/52 old"),
    ("pregnancy", "current", "pt had baby 10/7 ago"),
    # --- trap: a score, not a pregnancy
    ("pregnancy", None, "pt scored 12/20 on the risk form"),
    # --- out in the garden; verbless presence
    ("suspect_present", "current", "husband killed the cat, he's out in back garden now"),
    ("suspect_present", "current", "he is out in the barn"),
    ("suspect_present", "current", "caller run to street, he in living room with rifle now"),
    ("suspect_present", "current", "husband fall asleep on sofa"),
    ("suspect_present", "current", "husband lock himself in garage with rope"),
    ("suspect_present", "current", "ex phoned, he driving from Luton, 30 min away"),
    ("suspect_present", "current", "nurse says husband came with her and is waiting in car park now"),
    ("suspect_present", "current", "father and uncle downstairs, she whispering"),
    # --- traps: out on a job; he lives elsewhere
    ("suspect_present", "negated", "he's out on a job till 6"),
    ("suspect_present", "negated", "no contact since. he live in London now"),
    ("suspect_present", "negated", "he is now away in Manchester for work, back Friday"),
    # --- cannot talk safely
    ("cannot_talk_safely", "current", "female screaming then line dead"),
    ("cannot_talk_safely", "current", "husband standing over her, she answering only yes/no"),
    # --- trap: a line that is fine (said so: a denial)
    ("cannot_talk_safely", "negated", "line clear, pt talking freely"),
    # --- a murder-suicide threat
    ("threats_to_kill", "current", "drunk, says he'll 'end it for both of us tonight'"),
    ("mental_health_suicide", "current", "drunk, says he'll 'end it for both of us tonight'"),
    # --- a thing thrown to her head
    ("weapon", "current", "boyfriend throw a glass to her head, cut on forehead"),
    # --- "he is killing me": an assault, not a threat
    ("threats_to_kill", None, "female screaming 'he is killing me'"),
    # --- trap: a real threat
    ("threats_to_kill", "current", "he is saying he will kill me"),
    # --- an earlier arrest
    ("safety_confirmed", None, "ex on bail (from Tues arrest) not to contact her, rung her 14 times"),
    # --- trap: an arrest now
    ("safety_confirmed", "current", "ex arrested at scene and taken to custody"),
    # --- no past time
    ("sexual_abuse", "current", "partner hit her tonight || she says he also forced her to have sex before hitting her"),
    ("threats_to_kill", "current", "father said he'll kill her before she shames the family"),
    # --- trap: before, then a past event
    ("sexual_abuse", "historical", "he raped her before they separated in 2019"),
    # --- "no English" denies nothing after it
    ("pregnancy", "current", "LL Punjabi. caller no English, 4 month pregnant"),
    # --- healed bruises say nothing of his whereabouts
    ("suspect_present", None, "partner assault her 2 weeks ago, bruises are gone now"),
    # --- trap: he has gone now
    ("suspect_present", "negated", "he hit her and has gone now"),
    # --- a weapon he did not strike with
    ("weapon", "current", "threatened her with his baton last night. he didn't hit her with it"),
    # --- escalation; separation
    ("escalation", "current", "he's choked her twice before but never this long"),
    ("separation", "current", "wife left for her parents, relationship over"),
    # --- trap: a relationship that goes on
    ("separation", None, "relationship ok until tonight"),
    # --- an old victim named with a title and age: vulnerable, and her son is an adult
    ("vulnerable_victim", "current", "social worker re client Mrs Doreen Platt 82, husband controls her pension"),
    ("children_present", None, "pt Mr Ivor Jenkins 79 says son Gareth punched him"),
    # --- traps: a young mother's son; a titled caller of working age
    ("children_present", "current", "caller Mrs Smith 34, son 6 upstairs"),
    ("vulnerable_victim", None, "client Mrs Ann Lee 45 reports husband took her car keys"),
    ("vulnerable_victim", "current", "caller Mrs Irena Sadowska 84, son 50 lives with her"),
    # --- his ex-wife is no separation of this couple
    ("separation", None, "husband have DV history with ex-wife"),
    # --- trap: her ex
    ("separation", "current", "c/r's ex-partner at the door"),
    # --- a suicide attempt under way
    ("mental_health_suicide", "current", "she have tablets in hand and want to take all"),
    # --- a sentence for an assault on her is a previous incident
    ("previous_incidents", "current", "card came from prison, he is serving sentence for assault on her"),
    # --- money withheld, told with "can not"
    ("coercive_control", "current", "he took her bank card and say she can not have money for food"),
    # --- trap: money she does not want from him
    ("coercive_control", None, "she does not want his money"),
    # --- police staff; a relative in the police
    ("police_perpetrator", "current", "he work as civilian in police control room"),
    ("police_perpetrator", None, "her brother is police officer in Poland, he told her call us"),
    # --- "never hurt the kids" denies neither the children nor an injury
    ("children_present", "current", "he never hurt kids she say"),
    ("injury", None, "he never hurt kids she say"),
    # --- trap: he hurt them
    ("injury", "current", "he hurt the kids last night"),
    # --- a bump on the head, not a pregnancy
    ("pregnancy", None, "last week he push her and she hit head on door, had bump for few days"),
    # --- waiting in reception
    ("suspect_present", "current", "husband came with her and is waiting in reception"),
    # --- (batch 8) a DASH checklist is a question: its bare answers deny
    ("injury", "negated", "DASH: injury - no. weapons - no."),
    ("threats_to_kill", "negated", "DASH: Q weapons no, Q threats to kill no"),
    # --- trap: a threat to kill told in the same checklist
    ("threats_to_kill", "current", "DASH: Q threats to kill - yes, said he'd kill her tonight"),
    # --- a grade kept, not a denial of drink
    ("substance_misuse", "current", "vic v intox, slurring. grading NOT lowered re intox"),
    ("threats_to_kill", "current", "shouting thru the door 'you'll all be dead by the morning'"),
    ("previous_incidents", "negated", "not previously known to police"),
    # --- trap: abuse she had not reported is still a history
    ("previous_incidents", "current", "he had choked her three times in 2023, which she had not previously reported"),
    ("coercive_control", "current", "her brother has been taking Ellie's PIP money every week"),
    ("children_present", None, "brothers found out she's seeing a boy, say she shamed the family"),
    ("safety_confirmed", None, "husband's family plan a trip to Somalia in the summer hols for her daughter"),
    ("separation", None, "PND on him: DV history with ex-wife"),
    # --- trap: her own ex
    ("separation", "current", "address from previous log - DV history with ex partner Craig"),
    ("coercive_control", None, "dad outside the flat, can't get through on her phone"),
    ("stalking_harassment", "current", "getting his mates to post about her online"),
    ("suspect_present", "current", "child caller: mum & her boyfriend fighting in the kitchen"),
    ("suspect_present", "negated", "male waving a knife || update: male left before arrival"),
    ("sexual_abuse", "current", "says husband 'did things she didn't want' last night"),
    ("sexual_abuse", "current", "says her husband 'made her' last night after she said no"),
    # --- trap: "made her" with nothing sexual
    ("sexual_abuse", None, "he made her hand over her bank card"),
    ("injury", "current", "slapped her across the face, cheek red"),
    ("injury", "current", "'my arm, I think it's broken'"),
    ("injury", "historical", "IDVA says Andy broke Lisa's ribs in 2023"),
    # --- trap: a pet's broken leg is no injury
    ("injury", None, "husband kicked the collie and broken its leg"),
    ("mental_health_suicide", "current", "Jess is on the balcony saying she wants to jump"),
    ("weapon", None, "yes/no only. confirmed she's hurt. couldn't establish if any weapon"),
    ("injury", None, "c/r doesn't know if there are any injuries"),
    ("coercive_control", None, "neighbour Mr Patterson took the phone: she has a bloody nose"),
    ("previous_incidents", "current", "he's been like this before, police came out in November"),
    ("stalking_harassment", None, "PNC - DV marker on addr, previous calls x3"),
    ("previous_incidents", None, "husband has her passport. first time she's told anyone"),
    ("safety_confirmed", "current", "Craig has gone back to his army base in Germany, back in 6 months"),
    ("children_present", "current", "c/r has taken the kids (4 and 7) next door"),
    # --- trap: the neighbours' children
    ("children_present", None, "kids next door screaming"),
    ("safety_confirmed", None, "calling from a friend's. she thinks the family don't know the friend's address"),
]


@phrasing_rows(ROWS)
def test_phrasings_time15(analyser: Analyser, label: str, expected: str | None, notes: str) -> None:
    assert_reads(analyser, label, expected, notes)
