"""Phrasings, eleventh session: a history told as a duration or a habit ("been like this for
years", "has done for yrs", "happens every few weeks", "used to be violent", "said stuff like
that before"); where he is when it is not here (a late shift, driven back to his own town, due
home at a clock time, gone in on nights, moved away for work) and where she is when she has left
(at a mate's, at work, driven off with the kids); what keeps her safe (he doesn't know the new
address or which friend, not back for weeks, staying there for good, sentenced, admitted to a
ward); a question the caller did not answer ("asked re kids - no answer") leaves the label
open; and presence read from what he is doing now (stormed upstairs, between her and the door,
waving it about, smashing the place up, parked opposite, his van in the station car
park, bundled into his car); a quoted "dead when he finds her", pills laid out and forced sex are
harm; "can talk" said plainly or as an answer is a denial; a lorry run, a contract abroad,
the next village and home alone put him elsewhere; he outside or on his way the day
before the call says nothing of where he is now. Rows are written for this test in a call handler's
style, not taken from any data set, each with a trap beside it. Notes of one call are
separated by " || "."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows

S = "suspect_present"
SAFE = "safety_confirmed"
PREV = "previous_incidents"
KIDS = "children_present"

ROWS: list[tuple[str, str | None, str]] = [
    # --- a history told as a duration or a habit
    (PREV, "current", "c/r says he's been like this for years, shouting and pushing"),
    (PREV, "current", "wife nips and slaps him when she's stressed, has done for yrs"),
    (PREV, "current", "mum says it happens evry few wks when he's on the cans"),
    (PREV, "current", "ex used to be violent when they were together"),
    (PREV, "current", "he's said stuff like that before but never this bad"),
    (PREV, "current", "bf has been hitting her for about a year, tonight punched her arm"),
    (PREV, "current", "he's been belittling her for months in front of the kids"),
    # --- traps: one incident, or an hour of it
    (PREV, None, "he has been shouting at her for an hour tonight"),
    (PREV, None, "partner pushed her over tonight, she's shaken"),
    # --- he is elsewhere
    (S, "negated", "husband on late shift now, back at 11"),
    (S, "negated", "he has driven back to Carlisle where he lives"),
    (S, "negated", "partner out at the club, due home about 11"),
    (S, "negated", "hes gone in on nights now, she's home with the baby"),
    (S, "negated", "ex has since moved to Belfast for work"),
    # --- traps: due back in minutes, or only gone upstairs
    (S, "current", "he's popped to the shop, due back in 10 mins"),
    (S, "current", "he's stormed upstairs, she's in the kitchen"),
    # --- she has left: he at home is not with her
    (S, "negated", "caller at a mate's now, partner's at home"),
    (S, "negated", "she's driven off with the kids, he's still at the house"),
    (S, "negated", "V at work, can talk. ex at home"),
    # --- traps: she is in the car outside the house he is in
    (S, "current", "she's sat in her car on the drive, he's in the house"),
    (S, "current", "c/r in the garage, husband in the kitchen with a knife"),
    # --- what keeps her safe
    (SAFE, "current", "she's at her nan's, he dont kno the addr"),
    (SAFE, "current", "went to her sister's, partner doesn't know her sister's new address"),
    (SAFE, "current", "ex started a job in Inverness, not back for 3 weeks"),
    (SAFE, "current", "he went to live with his mum in Cork and is staying there for good"),
    (SAFE, "current", "husband, sentenced last month to 3 yrs for burglary"),
    (SAFE, "current", "partner admitted to the general this afternoon, in for at least a week"),
    # --- traps: a ward long ago, a place he knows
    (SAFE, None, "he was sectioned in 2019 and has been well since"),
    (SAFE, "negated", "she's at her mum's but he knows the address"),
    # --- a question not answered leaves the label open
    (KIDS, None, "asked re kids - no answer, she's crying"),
    (KIDS, None, "any kids?? askd, she didnt say"),
    (KIDS, None, "asked if any children in the house - line went dead"),
    ("weapon", None, "asked about weapons - caller didn't answer"),
    # --- traps: an answer given
    (KIDS, "current", "asked re kids - 2 kids asleep upstairs"),
    (KIDS, "negated", "asked about kids - none"),
    ("weapon", "negated", "asked re weapons - no, none"),
    # --- presence from what he is doing now
    (S, "current", "bf is between her and the front door"),
    (S, "current", "son has a hammer, waving it about in the lounge"),
    (S, "current", "husband smashing the house up, she's hiding"),
    (S, "current", "says hes in the nxt room so she can't talk"),
    # --- traps: waving it about last year
    (S, None, "last year he was waving a knife about"),
    # --- presence the day before the call is no presence now
    (S, None, "front desk: ex was banging on her door last night, she wants it logged"),
    (S, None, "she says he drove past her house on Saturday and again yesterday"),
    # --- traps: there then and still there now
    (S, "current", "he turned up last night and he's still outside now"),
    (S, "negated", "he left last night after the row"),
    # --- harm the rules missed: a quoted "dead when he finds her", pills laid out, forced sex
    ("threats_to_kill", "current", "ex put on snapchat that she's 'dead when he finds her'"),
    ("mental_health_suicide", "current", "husband has tablets laid out on the bed, says he's had enough"),
    ("sexual_abuse", "current", "she told him to stop and he pinned her arms down and had sex with her"),
    ("sexual_abuse", "current", "girl 14 says stepdad comes into her room at night and touched her"),
    # --- traps: a touch on the arm, a death in a film, tablets in the cupboard
    ("sexual_abuse", None, "he touched her arm to calm her down"),
    ("threats_to_kill", None, "he says the dog is dead, it died last year"),
    ("mental_health_suicide", None, "her tablets are in the kitchen cupboard"),
    # --- presence the rules missed
    (S, "current", "his van is in the station car park now"),
    (S, "current", "he followed her in to the front office"),
    (S, "current", "ex's car parked opposite her house, 10 mins ago"),
    (S, "current", "colleague says she's been bundled into his car"),
    # --- traps: waiting at the gates is his habit, not where he is now
    (S, None, "he keeps waiting at the school gates when she does the school run"),
    # --- "can talk" said plainly, or as an answer
    ("cannot_talk_safely", "negated", "c/b V at her mum's, can talk. ex at home"),
    ("cannot_talk_safely", "negated", "Q can u talk? A aye, he's oot"),
    ("cannot_talk_safely", "negated", "she spoke freely, husband at the gym"),
    # --- traps: she cannot
    ("cannot_talk_safely", "current", "she can't talk, he's in the room"),
    # --- more places he is not: a lorry run, a contract abroad, the next town, home alone
    (S, "negated", "partner is on a lorry run to Dover till Friday"),
    (S, "negated", "husband on 4 wk contract in Norway"),
    (S, "negated", "she's at home, her ex lives in the next village"),
    (S, "negated", "c/r is home alone, he went out at 8"),
    # --- traps: nobody else there is not him gone
    (S, "current", "son still in the kitchen, no one else there"),
]


@phrasing_rows(ROWS)
def test_phrasings_time11(analyser: Analyser, label: str, expected: str | None, notes: str) -> None:
    assert_reads(analyser, label, expected, notes)
