"""Presence phrasings, ninth session: "at home in <town>" and "gone back to his flat" put the
suspect at his own place, away from her; "inside" after a remand or recall means prison, so
it never undoes the custody stated before it, though with nothing before it he is in the house;
a refuge, "FC" (front counter) and "stayin at her mums" say the victim is away, so "he's at
home" is not with her; "caller has gone out" is the caller leaving, not the suspect; "lives
with her partner at home in <town>" is where they live, not where he is now; a release year,
"coming back tomorrow" and a helper "on his way over to stay with her" are no return of the
suspect; a note that opens by dating the note before ("that was a few years ago") makes its
one-off acts historical; a season ("in the summer", "at Easter") and "nothing since" date
one-off acts, never a lasting state or a plan; throwing her out of bed, bleach on her clothes
and guns on his certificate are no weapon, and "didn't hit her with anything" denies one; "Injuries - none at the moment" answers no;
lifts to hospital appointments, an inpatient after an operation, and a paramedic by job are no
injury; "got 2 years for GBH on her" dates the injury; where family pressure is the abuse,
the family at home with her are the suspects present (implications' only_beside); not knowing
whether the husband is home leaves him possibly there, not knowing whether he still has a
machete says nothing of where he is; gone to bed in the spare room is in the house; back in two
hours is not back soon; a neighbour's "own kids" are not the household's; her fear that he would kill her is no
threat to kill; "no msgs or calls otherwise", "hasn't been messaging her", "no thrs",
"nothing about killing" and "not job" deny; "her husband, DS Mark Hill" and a control-room job
are a police perpetrator; "he'll kill her and the dog", "put a pellet in the cat" and "do her dog
in" threaten a pet; an age of 70 or more beside a name or role ("VIC Maud 81", "Husband, 82")
makes the victim elderly; family shame in other words is honour-based abuse; after a front
counter, "rang from home" puts the victim home again (victim_away's returns); a bump to the
back of her head is an injury. Rows are written
for this test in a call handler's style, not taken from any data set, each with a trap beside
it. Notes of one call are separated by " || "."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows

S = "suspect_present"

ROWS: list[tuple[str, str | None, str]] = [
    # --- at home in a town, or gone back to his own flat: at his own place
    (S, "negated", "ex sending abusive txts all evening, he is at home in Rotherham she thinks"),
    (S, "negated", "c/r says ex keeps ringing her, ex at home in Alnwick, no car"),
    (S, "negated", "bf shoved her then he's gone back to his flat on Mill St"),
    (S, "negated", "p/ner went back to his own house after the row"),
    # --- traps: at home in a room, or into a room of hers, is with her
    (S, "current", "he is at home in the kitchen shouting, c/r in the bathroom"),
    (S, "current", "he's gone back into the bedroom, she's hiding in the loo"),
    # --- inside after custody is prison
    (S, "negated", "husband remanded last week for assault on a neighbour, still inside"),
    (S, "negated", "son was recalled to prison on Monday, while he's inside she feels safe"),
    # --- traps: with nothing before it, inside is the house; a return is a return
    (S, "current", "c/r in the garden, p/ner still inside smashing things"),
    (S, "current", "he left at 6 || he has come back and he's inside now banging about"),
    # --- the victim away: a refuge, a front counter, her mum's
    (S, "negated", "V and the kids are in a refuge now, he's at home"),
    (S, "negated", "FC Ludlow, female reporting husband pushed her yday. he's at home now"),
    (S, "negated", "she's not going back tonight, stayin at her mums, he's at home"),
    # --- traps: with her at home, he's at home
    (S, "current", "c/r whispering from the bathroom, he's at home and drunk"),
    # --- the caller going out is not the suspect leaving
    (S, "current", "c/r says wife is throwing plates || caller has gone out to the car, she is still inside screaming"),
    (S, "negated", "c/r says wife threw a plate at him || she has gone out, took the car"),
    # --- where they live together is not where he is now
    (S, "current", "female whispering, lives with partner at home in Barnsley, he is in the shower now"),
    # --- a return that is a date, tomorrow, or a helper coming to sit with her
    (S, "negated", "ex in HMP Durham for robbery, due out 2028"),
    (S, "negated", "he left after the row, coming back for his clothes tomorrow"),
    (S, "negated", "p/ner has left in a taxi. her dad is on his way over to stay with her"),
    # --- traps: a return within minutes is still coming back
    (S, "current", "he's gone to the shop, coming back in 5 mins"),
    # --- "still on" her medication is not him still on scene; gone off in his car is gone
    (S, "negated", "he's at work until 8, she's still on antidepressants"),
    (S, "negated", "c/r says bf at the address earlier, gone off now in his car"),
    # --- traps: still on the landing, sat in his car on the drive
    (S, "current", "he is still on the landing shouting"),
    (S, "current", "he is sat in his car on the drive revving the engine"),
    # --- a note that opens by dating the note before makes its one-off acts historical
    ("threats_to_kill", "historical", "p/ner threatened to kill her || that was a few years ago, nothing since"),
    ("weapon", "historical", "ex came at her with a knife || Clarified: this was last summer."),
    ("injury", "historical", "he broke her arm || said it was in 2019 when they lived in Hull"),
    ("threats_to_kill", "historical", "bf said 'you're dead if you leave' || said it a few months ago"),
    # --- traps: a time that opens a statement of its own, or an act with a time of its own
    ("threats_to_kill", "current", "he said he would kill her || it was last week he first hit her"),
    ("injury", "current", "he has split her lip tonight || it was 2 months ago, the last time police came"),
    ("weapon", "historical", "husband hits her with his walking stick || Last time was 3 weeks ago. No injuries."),
    # --- a season dates a one-off act; "nothing since" closes it
    ("strangulation", "historical", "c/r says he had her by the throat once in the summer, they are still together"),
    ("sexual_abuse", "historical", "also made her have sex when she said no, at Easter"),
    ("threats_to_kill", "historical", "he told her he'd kill her if she went to police, nothing like it since"),
    ("weapon", "historical", "has been hitting her with a belt on and off since the spring, last time about a fortnight ago"),
    # --- traps: a season does not date a lasting state or a plan; "since" a time is ongoing
    ("honour_based_abuse", "current", "her family are taking her to Pakistan to be married in the summer holidays"),
    ("coercive_control", "current", "he has controlled all her money since about 2 years ago"),
    # --- not a weapon: thrown out of bed, bleach on her clothes, guns on his certificate,
    # and "didn't hit her with anything" takes back an earlier weapon
    ("weapon", None, "last night he threw her out of bed and swore at her"),
    ("weapon", None, "he poured bleach all over her clothes and her bedding"),
    ("weapon", None, "still has a shotgun and a rifle on his certificate, keeps them at the farm"),
    ("weapon", "negated", "c/r says p/ner hit her with a mug || correction - he didn't hit her with anything, threw it at the wall"),
    # --- traps: thrown at her, bleach at her, a gun he threatened her with
    ("weapon", "current", "he threw a mug at her head"),
    ("weapon", "current", "he threw bleach at her face"),
    ("weapon", "current", "he pointed the shotgun at her and said he'd use it"),
    ("weapon", "current", "he hit her with anything he could grab, a pan and a chair"),
    # --- an answer for now denies; routine care is no injury; a sentence served dates the act
    ("injury", "negated", "male c/r. Kids - none. Injuries - none at the moment. Drink - yes"),
    ("weapon", "negated", "weapons - none seen"),
    ("injury", None, "she relies on him for lifts to the hospital"),
    ("injury", None, "he is an inpatient at Ysbyty Glan Clwyd after a knee operation"),
    ("injury", None, "she said he's a paramedic, not police"),
    ("injury", "historical", "ex got 2 years last month for GBH on her, now in HMP Leeds"),
    # --- traps: taken to hospital with an injury is one; an answer with an injury is one
    ("injury", "current", "ambulance took her to hospital with a head wound"),
    ("injury", "current", "Injuries - cut to her lip at the moment bleeding"),
    # --- family pressure: the family at home with her are the suspects there
    (S, "current", "c/r says her niece (18) is being forced to marry, niece at home now with her parents"),
    (S, "current", "17yo texting friend family taking her abroad to marry tonight. Father and uncles with her at home"),
    # --- traps: with no family pressure, at home with her parents is no suspect; nor where she lives
    (S, None, "p/ner punched her last night, she's at home with her parents now"),
    (S, "negated", "FC Leeds. IP says family say she has shamed them, she lives at home with her parents, they're at work"),
    # --- unsure whether he is there is "he may be there"; unsure whether he has a thing is not
    (S, "current", "friend says the husband hits her, caller doesnt know if the husband is home or not"),
    (S, None, "he used to keep a machete under the bed, she doesn't know if he still has it"),
    (S, None, "she is not sure if he has a gun licence"),
    # --- gone to bed in the spare room is in the house
    (S, "current", "they argued about money, he shouted at her and then went to bed in the spare room"),
    # --- back in two hours is not "back soon"; back in twenty minutes or an hour is
    (S, "negated", "Q - is he there now? A - no, at the gym, back in approx 2 hrs"),
    (S, "current", "Q - is he there now? A - no, gone to the shop, back in 20 mins"),
    (S, "current", "he went out for cans, back in about an hour"),
    # --- a neighbour's own kids are not in the household
    ("children_present", None, "c/r next door hears male shouting 'ill kill you', c/r's own kids woken up by it"),
    ("children_present", None, "neighbour says her own children are scared by the noise from no 12"),
    # --- traps: the household's kids
    ("children_present", "current", "c/r says p/ner smashing the kitchen, kids woken up by it"),
    # --- her fear that he would kill her is not a threat he made
    ("threats_to_kill", None, "she thinks he'd kill her if he found out she rang us"),
    ("threats_to_kill", None, "c/r terrified he will kill her one day, no threats made"),
    # --- traps: a threat he made
    ("threats_to_kill", "current", "he told her he'd kill her if she rang us"),
    # --- denials in other words: no contact, "no thrs", "nothing about killing", "not job"
    ("stalking_harassment", "negated", "ex came round once last night, no msgs or calls otherwise"),
    ("stalking_harassment", "negated", "she says he hasn't been messaging or calling her since"),
    ("stalking_harassment", "negated", "he's on remand, he has not contacted her from inside"),
    ("threats_to_kill", "negated", "bf pushed her, no thrs made, gone to his mums"),
    ("threats_to_kill", "negated", "he said he'd sort her out. Nothing about killing."),
    ("police_perpetrator", "negated", "she says bf not job, he's a plumber"),
    ("police_perpetrator", "negated", "asked, he is not an officer or member of staff himself"),
    # --- traps: contact that is happening; a threat that is made
    ("stalking_harassment", "current", "he keeps messaging and calling her, 40 texts today"),
    ("threats_to_kill", "current", "thrs to kill her made tonight"),
    # --- a police rank before his name, a control-room job
    ("police_perpetrator", "current", "IP says her husband, DS Mark Hill (CID), pushed her"),
    ("police_perpetrator", "current", "bf works in the force control room, he is on nights"),
    # --- traps: officers who came, a PC on the phone
    ("police_perpetrator", None, "husband shouting, police arrived and arrested him. Officers found a knife"),
    # --- threats to a pet in other words
    ("animal_abuse", "current", "he said he'll kill her and the dog"),
    ("animal_abuse", "current", "p/ner has an air rifle, said he'll put a pellet in the cat"),
    ("animal_abuse", "current", "ex shouting he'll do her dog in"),
    ("animal_abuse", "current", "he's threatening to get rid of her bloody horses if she leaves"),
    # --- traps: a pet mentioned, not harmed
    ("animal_abuse", None, "she has taken the dog to her mum's"),
    # --- an elderly victim's age beside a name or a role
    ("vulnerable_victim", "current", "101 VIC Maud 81 - son takes her pension"),
    ("vulnerable_victim", "current", "Caller Dennis (79) says his son shoved him"),
    ("vulnerable_victim", "current", "Husband, 82, says wife hit him with a stick"),
    ("vulnerable_victim", "current", "female caller in her 80s, grandson shouting at her"),
    # --- traps: the number rung, a younger age
    ("vulnerable_victim", None, "IP rang 101 last night, bf pushed her"),
    ("vulnerable_victim", None, "Caller Jade (24) says bf pushed her"),
    # --- family shame in other words
    ("honour_based_abuse", "current", "brothers outside shouting she is a 'disgrace' to the family"),
    ("honour_based_abuse", "current", "her in-laws say she dishonours them by working"),
    ("honour_based_abuse", "current", "dad says she must marry the man they've picked"),
    ("honour_based_abuse", "current", "her brother said the family will kill her for the shame"),
    # --- traps: a shame that is no honour
    ("honour_based_abuse", None, "she says it's a shame he drinks so much"),
    # --- the victim home again after a front counter: he at her door is with her
    (S, "current", "IP attended FC re ex sending letters || IP rang later from home, ex is at her front door banging"),
    # --- traps: at the counter still, he at home is not with her
    (S, "negated", "IP attended FC re ex sending letters || she says he's at home now"),
    # --- a bump to her head is an injury; a baby bump is not
    ("injury", "current", "he pushed her into the wardrobe, bump to back of her head, no LOC"),
    ("injury", None, "she is 6 months pregnant, he punched the wall, she is holding her bump"),
]


@phrasing_rows(ROWS)
def test_presence_phrasings(analyser: Analyser, label: str, expected: str | None, notes: str) -> None:
    assert_reads(analyser, label, expected, notes)
