"""Phrasings, fourteenth session (a keyword-and-answer log: "wpns nk", "inj n.", "kids y x2"):
"nk" is "not known", so a topic answered "nk", "unk" or "not known" is not mentioned at all;
an answer letter keeps its full stop apart ("inj n. drink y"), so the "n" answers its own
topic and not the next; a dash followed by nothing but a past time dates what stands before it
("choked her - 2 wks ago"); and control that stopped when contact did (she is in a refuge he
does not know, he is in prison or abroad) is historical when told in the past tense, current
when told in the present or about the incident being reported; an answer that leaves a
question open ("asked about weapons and children - she doesn't know") leaves its topics
unmentioned; a victim at a school office, a surgery or the council is away from home; "never
actually hurt her" and "no one has been hurt" deny; a hospital IDVA, the hospital grounds and a
contractor fitting locks are not injuries; a denial runs on along "strangulation, threats to
kill and weapons"; "no answer at the door" is no denial; a past sentence ("went to prison for
it", "serving a sentence at HMP X for ABH") says nothing of where he is now and dates what it
was for; "she's not going back" is not his absence; an ISVA at a SARC is no sexual assault; marks
that have gone are a healed injury; a past assault named as a noun ("his arrest for an assault on
her last week"), DV in the home, "hit her several times", "lashing out at her for months" are
previous incidents; the topic of a question ("asked IDVA re weapons, threats and violence") asserts
nothing, so the answer in the next sentence decides; a departure she only thinks happened ("he's
walked off towards the station she thinks") leaves it unclear whether he has gone: current (spec); "she thinks he has a knife in the car"
and "he is carrying a knife" are about now, whatever past time follows in the sentence; "before
the divorce goes through" is no past time. Rows are written for this test in a call handler's style, not taken
from any data set, each with a trap beside it. Notes of one call are separated by " || "."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows

ROWS: list[tuple[str, str | None, str]] = [
    # --- "nk": not known, so not mentioned
    ("weapon", None, "c/r female. wpns nk. kids y"),
    ("firearm_access", None, "FIREARMS NK"),
    ("firearm_access", None, "guns: unk"),
    ("injury", None, "inj nk - c/r crying"),
    ("substance_misuse", None, "drink n/k"),
    ("threats_to_kill", None, "ttk nk"),
    ("strangulation", None, "strangled - not known"),
    ("pregnancy", None, "preg unknown"),
    # --- traps: a later answer, a plain yes
    ("injury", "current", "inj nk || inj y - cut lip"),
    ("firearm_access", "current", "firearms y - shotgun lic"),
    ("weapon", "current", "wpns y knife. inj nk"),
    # --- traps: "not sure" about something else, or in the next sentence
    ("firearm_access", "current", "partner has a gun, not sure if it's real, pointed it at her"),
    ("injury", "negated", "No injuries. Unsure re previous"),
    # --- an answer letter with a full stop answers its own topic only
    ("injury", "negated", "wpns nk. kids y x2 upstairs. inj n. drink y"),
    ("substance_misuse", "current", "wpns nk. kids y x2 upstairs. inj n. drink y"),
    ("threats_to_kill", "current", "threats to kill y. firearms n"),
    ("firearm_access", "negated", "threats to kill y. firearms n"),
    # --- a dash then a past time dates what stands before it
    ("strangulation", "historical", "choked her - 2 wks ago"),
    ("strangulation", "historical", "strangled y - last wk."),
    ("weapon", "historical", "knife - last week, none tonight"),
    # --- traps: the past time starts a new statement; a dash before a present statement
    ("injury", "negated", "no one hurt - last week he hit her"),
    ("strangulation", "current", "choked her - he is still in the flat"),
    # --- control that ended with contact
    ("coercive_control", "historical", "she is at a refuge he doesn't know about. he controlled all her money and read her messages"),
    ("coercive_control", "historical", "ex moved to Spain 2 yrs ago, not coming back. he took her wages the whole time"),
    ("previous_incidents", "current", "she is at a refuge he doesn't know about. he controlled all her money"),
    # --- traps: told in the present, about the incident reported, reported (not done) in the
    # past, or no protective fact
    ("coercive_control", "current", "ex is in custody. he still has her bank card and won't give it back"),
    ("coercive_control", "current", "he took her phone last night. he has been arrested and is in custody"),
    ("coercive_control", "current", "she reported him taking her wages. he is in custody"),
    ("coercive_control", "current", "he controlled all her money. she is still living with him"),
    # --- an open answer leaves the question's topics unmentioned
    ("weapon", None, "asked about weapons and children - she doesn't know"),
    ("children_present", None, "Asked IDVA about weapons and children - she doesn't know, will check the minutes"),
    ("children_present", None, "asked about kids - she started to answer then said her mum had come in"),
    # --- traps: a known answer; no question; where he is stays a hedge (spec: current)
    ("children_present", "negated", "asked about weapons and children - she said no"),
    ("separation", "current", "she moved into a refuge on monday, he doesnt know where"),
    ("suspect_present", "current", "is bf at the flat now? mum doesn't know"),
    # --- the victim at a service, away from home
    ("suspect_present", "negated", "Dad is at home, mum is in the school office with staff."),
    ("suspect_present", "negated", "client is at the council offices, he's at home"),
    # --- trap: he is where she is
    ("suspect_present", "current", "mum is in the school office, dad is outside in his car"),
    # --- denials
    ("injury", "negated", "She says he's never actually hurt her."),
    ("injury", "negated", "No one has been hurt today."),
    ("weapon", "negated", "no one has a weapon"),
    # --- trap: a house number
    ("injury", "current", "lives at No 1 Station Rd, she has a cut lip"),
    # --- places and work that are no injury
    ("injury", None, "he is still somewhere in the hospital grounds"),
    ("injury", None, "Caller is Matt, hospital IDVA at County General"),
    ("injury", None, "contractor fitting new locks at the address"),
    # --- traps: taken to hospital, fitting on the floor
    ("injury", "current", "she was taken to hospital"),
    ("injury", "current", "she is fitting on the floor"),
    # --- a denial along a list with a many-word item
    ("threats_to_kill", "negated", "Zoe answered no to strangulation, threats to kill and weapons"),
    ("weapon", "negated", "Zoe answered no to strangulation, threats to kill and weapons"),
    # --- trap: a threat with "and" after it stays a threat
    ("threats_to_kill", "current", "he said he would kill her and the kids"),
    # --- no answer at the door
    ("suspect_present", "current", "neighbour hears a man shouting and her screaming, no answer at the door of flat 4"),
    # --- trap: an open answer to a question
    ("children_present", None, "asked about kids - no answer"),
    # --- a past sentence
    ("suspect_present", "current", "he broke her nose two years ago and went to prison for it || he is sat in his van outside"),
    ("injury", "historical", "ex is serving a sentence at HMP Dovegate for ABH on her, release date 2027"),
    # --- trap: in prison now
    ("suspect_present", "negated", "he is in prison for assaulting her"),
    # --- her going back, not him
    ("safety_confirmed", None, "She's left and says she's not going back, she wants to leave him"),
    # --- trap: he is not coming back
    ("safety_confirmed", "current", "he's moved to Spain and is not coming back"),
    # --- a SARC as a workplace; marks gone
    ("sexual_abuse", None, "Caller Sarah, ISVA at the Rowan SARC, asking for a call back about a client"),
    ("strangulation", "historical", "He choked her 10 days ago. The marks on her neck have gone now."),
    # --- traps: taken to a SARC; marks there now
    ("sexual_abuse", "current", "she was taken to the SARC tonight after he raped her"),
    ("strangulation", "current", "marks on her neck, he choked her tonight"),
    # --- history told with nouns and counts
    ("previous_incidents", "current", "Dean is in custody following his arrest for an assault on Becky last week"),
    ("previous_incidents", "current", "His shotgun certificate was revoked in 2021 after the assault on Carol"),
    ("previous_incidents", "current", "Kids are on a CP plan, category emotional harm due to DV in the home."),
    ("previous_incidents", "current", "over the last 2 years he has hit her several times"),
    ("previous_incidents", "current", "has been lashing out at her for a few months"),
    # --- traps: tonight's assault, a heart attack
    ("previous_incidents", None, "he was arrested tonight for assault"),
    ("previous_incidents", None, "she had a panic attack last week, worried about court"),
    # --- a question's topics assert nothing: the answer decides
    ("weapon", "negated", "asked re weapons. she says he has never had any weapon"),
    ("weapon", "negated", "Asked IDVA re weapons, threats and violence. Per IDVA, he never used or threatened any weapon"),
    # --- traps: the answer asserts; a denial of something else beside an assertion
    ("weapon", "current", "asked about weapons - she said he has a knife"),
    ("weapon", "current", "asked re weapons - yes"),
    ("weapon", "current", "he threw a mug at her head, no other weapons in the house"),
    # --- a departure she only thinks happened
    ("suspect_present", "current", "ex o/s shouting at the window || he's walked off towards the station she thinks"),
    # --- trap: a departure she saw, then a guess where he went
    ("suspect_present", "negated", "he has left, she thinks he went to the pub"),
    # --- a weapon he has now, a past time later in the sentence
    ("weapon", "current", "V thinks he has a knife in the car, he showed her one last week"),
    ("weapon", "current", "he is carrying a knife, he cut her with it last year"),
    # --- traps: had (the same word to the rules as "has"), told without a belief; a past holding
    ("weapon", "historical", "he had a knife last week"),
    ("weapon", "historical", "in the 1990s him holding a carving knife to her mother's throat"),
    # --- a future event is no past time
    ("threats_to_kill", "current", "yesterday evening he sent a voice note saying 'youll be in the ground before the divorce goes thru'"),
    # --- trap: before, then a past event
    ("threats_to_kill", "historical", "he threatened to kill her before they split up two years ago"),
]


@phrasing_rows(ROWS)
def test_phrasings_time14(analyser: Analyser, label: str, expected: str | None, notes: str) -> None:
    assert_reads(analyser, label, expected, notes)
