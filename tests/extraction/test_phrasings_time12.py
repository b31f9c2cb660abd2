"""Phrasings, twelfth session: a threat he keeps saying or texting is a threat now ("keeps
telling her he'll kill her"); a jail term in a named year or years ago is not custody now ("was
jailed in 2019 for hitting her"); "gonna end it." said by the victim is a suicide risk; he in
his own hallway or kitchen is present (a male victim's home); abuse told over a span ("been
shoving her and taking her card for months", "nasty most nights for about a year") is a history; where he is, read
better: told to go and went, walked out minutes ago, off down the road, still in the cells,
deployed abroad, "not around"; and what is not his presence: a patrol in the area, the victim due
home, "in the police" in quotes, back living in town, "before he comes home"; "two Sundays ago"
is a past, and so are a span of years ("2018 to 2020"), "worst was Xmas", a relationship
followed by "he also ...", and a past told "tonight" ("she told her tonight he raped her during
the relationship") or "most recently a month ago". Rows are written for this test in
a call handler's style, not taken from any data set, each with a trap beside it. Notes of one
call are separated by " || "."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows

S = "suspect_present"
SAFE = "safety_confirmed"
TTK = "threats_to_kill"
MH = "mental_health_suicide"
PREV = "previous_incidents"

CC = "coercive_control"
CTS = "cannot_talk_safely"

ROWS: list[tuple[str, str | None, str]] = [
    # --- a threat he keeps making
    (TTK, "current", "ex keeps texting her saying he will kill her"),
    (TTK, "current", "husband is always telling her he'll murder her if she leaves"),
    # --- trap: he keeps texting, with no threat in it
    (TTK, None, "ex keeps texting her saying he misses the kids"),
    # --- jailed back then is not jailed now
    (S, "current", "bf kicking the door in now || he was jailed in 2019 for beating her"),
    (S, "current", "ex banging on the window, he got jailed 3 years ago for GBH"),
    (SAFE, None, "ex was locked up in 2020 for assaulting her, she's scared"),
    # --- traps: jailed now
    (S, "negated", "ex is in jail until March"),
    (SAFE, "current", "ex was remanded yesterday, she's at home with the kids"),
    # --- "gonna end it." from the victim
    (MH, "current", "mum says daughter texted she cant cope n is gonna end it. not answering"),
    (MH, "current", "c/r sobbing, says she's going to end it tonight"),
    # --- traps: ending the relationship
    (MH, None, "she is going to end it with him next week"),
    # --- he in his own rooms
    (S, "current", "male c/r, wife is in his kitchen throwing plates"),
    (S, "current", "gf is in their hallway shouting at him"),
    # --- trap: the caller alone in his kitchen is not her presence
    (S, None, "gf went to her mum's an hour ago, c/r alone in his kitchen"),
    # --- abuse over a span is a history
    (PREV, "current", "grandson been shoving her and taking her card for months"),
    (PREV, "current", "wife has been nasty most nights for about a year, no violence"),
    # --- where he is, read better
    (S, "negated", "ex came to the door, she told him to go and he went"),
    (S, "negated", "husband taken to the cells and is still there"),
    (S, "negated", "bf smashed a plate then walked out 10 mins ago"),
    (S, "negated", "son ran out, she saw him head off down the road"),
    (S, "negated", "husband deployed to Cyprus till May, she wants to report his control"),
    (S, "negated", "her brothers have been following her, they're not around now"),
    # --- traps: still in the room, or refusing to go
    (S, "current", "he walked out of the lounge into the kitchen, still shouting"),
    (S, "current", "she told him to go but he won't leave"),
    # --- not his presence
    (S, None, "IP due home from work at 6, wants advice re her ex's texts"),
    (S, None, "she says ex is 'in the army', wants advice about his texts"),
    (S, None, "his granddaughter took his pension card, she's back living in town"),
    ("strangulation", "historical", "he choked her 2 saturdays ago, tonight just verbal"),
    # --- pasts read better
    ("injury", "historical", "2018 to 2020 he pushed her about and gave her black eyes more than once"),
    ("injury", "historical", "dad shoves mum around, worst was Xmas when she broke her wrist"),
    ("sexual_abuse", "historical", "during their relationship he also forced her into sex"),
    ("sexual_abuse", "historical", "friend says V told her tonight her ex raped her during the relationship"),
    ("sexual_abuse", "historical", "he has forced her into sexual acts for years, most recently a month ago"),
    # --- traps: told tonight of tonight, a span of years that is not the harm's
    ("sexual_abuse", "current", "she told her mum tonight he raped her an hour ago"),
    ("injury", "current", "together 2018 to 2020, back together now, tonight he broke her nose"),
    # --- presence from holding her in, a witness on video, family at the house, "he's back"
    (S, "current", "c/r locked out of the flat by p/ner, he has the baby inside"),
    (S, "current", "husband locked all the doors, says nobody's leaving"),
    (S, "current", "friend on facetime saw the bf punch her then the screen went black"),
    (S, "current", "girl 16 locked in her room, her dad and uncles at the house now"),
    (S, "current", "sister texted 'hes back cant talk'"),
    # --- traps: a habit of control is no presence; family at the house while she is at the counter
    (S, None, "husband doesnt allow her out without his mother"),
    (S, "negated", "front counter: V says her brothers are at the house now"),
    # --- a lost video call, a bullet, a thrown plate by her head, a death "before the summer"
    (CTS, "current", "c/r cant get her back on the phone, the video went black"),
    ("threats_to_kill", "current", "he said she'd 'get a bullet' if she left"),
    ("weapon", "current", "he threw a plate that smashed on the wall right by her head"),
    ("threats_to_kill", "current", "text this morning: 'you'll be dead before the summer'"),
    # --- economic and technology-enabled control
    (CC, "current", "ex took out a Klarna account in her name"),
    (CC, "current", "he talked her into taking out a loan for him, never paid it back"),
    (CC, "current", "ex still has the app logins, the heating keeps going up at night"),
    (CC, "current", "he keeps logging in to her Amazon and email"),
    (CC, "current", "he makes her stay on video whenever she goes out"),
    (CC, "current", "husband checks up on her through the work systems"),
    ("stalking_harassment", "current", "ex has liked and commented on her posts 3 times this week"),
    # --- traps: a habit in the past, a loan of her own
    (CC, "historical", "he used to take her wages when they were together"),
    (CC, None, "she took out a loan for a car last year"),
    # --- "she isn't hurt" does not undo his injury; a brother named, waiting outside school
    ("injury", "current", "he punched the mirror and cut his knuckles, needed stitches || she isn't hurt"),
    (S, "current", "17yo at school, brother Raj waiting outside school gates to take her"),
    # --- traps: with nothing asserted it denies; outside school hours
    ("injury", "negated", "pushed her against the wall, she wasnt injured"),
    (S, None, "he texts her outside school hours"),
    # --- a victim who plays it down is no escalation; the caller ringing again is no history
    ("escalation", None, "she said 'honestly it wasn't that bad', no marks"),
    (PREV, None, "line dropped, c/r rang in again, still whispering"),
    (PREV, None, "he told her he'd smash her phone if she went out with her friends again"),
    # --- traps: worse than ever; he did it again
    ("escalation", "current", "she says he's never been this bad"),
    (PREV, "current", "he hit her again tonight"),
    # --- contact told by its frequency is a course of conduct
    ("stalking_harassment", "current", "ex sending her dozens of snapchats a day"),
    ("stalking_harassment", "current", "her family ring her every day saying she shamed them"),
    ("stalking_harassment", "current", "since the split he has turned up at her gym three times"),
    # --- traps: the caller ringing back, once
    ("stalking_harassment", None, "sister has tried calling back several times, no answer"),
    ("stalking_harassment", None, "he texted her once last night asking to talk"),
    # --- he is there: asleep after it, unclear if he followed, his car going past just now
    (S, "current", "c/r whispering, p/ner has just hit her and is asleep on the sofa"),
    (S, "current", "she came the back way but isn't sure if he followed her"),
    (S, "current", "housemate has just seen his car go past the station twice"),
    # --- traps: his car went past last week
    (S, None, "last week she saw his car go past her work"),
    # --- custody from a sentence not yet served; "it has healed now" across a sentence;
    # early in the pregnancy; never any kind of weapon; slashed tyres; a threat in a film
    (S, "negated", "son sentenced last month, not out for 2 yrs"),
    (SAFE, "current", "he's in Maghaberry, not out for another two years"),
    ("injury", "historical", "a month ago he threw the remote and split her eyebrow. It has healed now."),
    ("sexual_abuse", "historical", "he made her have sex when she said no, in the early weeks of the pregnancy"),
    ("weapon", "negated", "she says he has never used or threatened any kind of weapon"),
    ("weapon", None, "her tyres were slashed overnight, she thinks it's him"),
    ("threats_to_kill", None, "dad was watching a film where a man says he'll kill everybody"),
    # --- traps: still inside till next week; a cut that is fresh; a knife at her, not her tyres
    (S, "negated", "he gets out of prison next week"),
    ("injury", "current", "he split her eyebrow tonight, it's bleeding"),
    ("weapon", "current", "he slashed her arm with a stanley knife"),
    # --- custody that is not his: a custody officer's job, an arrest that has not happened; a
    # sentence served ("he got out in the spring")
    (SAFE, None, "husband is a custody officer at Oldbury, on shift now"),
    (SAFE, None, "she says she'll take an overdose if he gets arrested"),
    (SAFE, "negated", "he got 8 months for it. He got out in the spring."),
    # --- traps: he is in custody
    (SAFE, "current", "husband arrested at the scene, in custody at Oldbury"),
    # --- control "up until he was remanded" is a past
    (CC, "historical", "son was taking her pension up until he was remanded to HMP Durham today"),
    # --- traps: control that goes on while he is on bail
    (CC, "current", "he is on bail but still takes her bank card every week"),
    # --- Northern Irish words: a serving PSNI constable or peeler, "came in blocked"; a cut "after
    # she ended it" is tonight's; gone to the gun cabinet is in the house
    ("police_perpetrator", "current", "her husband is a serving PSNI constable, on shift now"),
    ("police_perpetrator", "current", "ex is a serving peeler in Tyrone"),
    ("substance_misuse", "current", "p/ner came in blocked and dragged her off the bed"),
    ("injury", "current", "he came back after she ended it, punched her, cut above her eye"),
    (S, "current", "husband has gone to the gun cabinet for his shotgun"),
    # --- traps: the peelers who came out are not him; a blocked number
    ("police_perpetrator", None, "he's done this before, peelers out in May"),
    ("substance_misuse", None, "she has blocked his number"),
    # --- traps: a span that is not the abuse's
    (PREV, None, "he punched her tonight, they have been together for about a year"),
]


@phrasing_rows(ROWS)
def test_phrasings_time12(analyser: Analyser, label: str, expected: str | None, notes: str) -> None:
    assert_reads(analyser, label, expected, notes)
