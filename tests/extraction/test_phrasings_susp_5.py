"""Suspect-presence and safety phrasings (suspect_present, safety_confirmed), fifth batch: an
order's "power of arrest" or a warrant that is not an arrest, a suspect sitting in the back
of the police van or kept on a ward, a text saying he is on his way back, where he lives when
the place is named, shifts and nights, an assault heard through the wall, a suspect who
refuses to leave, who keeps her in the house or who would overhear the call, and the victim's
own moves that only look like his whereabouts. Rows are written for this test in a call
handler's style, not taken from any data set, with traps: weapons kept at his flat, a knife
still in someone's hand, a child leaving for school, hedged knowledge of her address,
releases that may come later and returns that are a day or more away. Notes of one call are
separated by " || "."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows


S = "suspect_present"
SC = "safety_confirmed"

ROWS: list[tuple[str, str | None, str]] = [
    # --- an order's power of arrest, a warrant or an arrest in the past is not custody now
    (S, None, "non-mol in place with a power of arrest attached"),
    (SC, None, "the interdict has powers of arrest, she's at her aunt's"),
    (SC, None, "there's a warrant out for his arrest"),
    (SC, None, "he is on bail not to contact her after his arrest last month"),
    # --- in the police van, on a ward
    (S, "negated", "officers detained him, he's now in the back of the van"),
    (S, "negated", "partner collapsed, he is still on a ward at the General"),
    (SC, "current", "he's still on a ward after the overdose"),
    # --- on his way back, due back, back within minutes
    (S, "current", "he went to the shop || he's just texted her 'on my way back'"),
    (S, "negated", "he is in Leeds with work, due back tomorrow evening"),
    # --- where he lives, named
    (S, "negated", "ex lives in Tadcaster, no contact in months"),
    (S, "negated", "Husband lives in Frome now."),
    (S, "negated", "he is at home in Carlisle per his texts, she's in Hull"),
    (S, "negated", "bf lives the other side of Bristol"),
    (S, "negated", "boyfriend lives elsewhere"),
    (S, None, "he lives in fear of his dad"),
    # --- shifts, nights, not near
    (S, "negated", "husband is on nightshift at the depot"),
    (S, "negated", "he works for a security firm and is on shift now"),
    (S, "negated", "V at her own flat, bf at his"),
    (S, "negated", "ex not near, she's at her desk at work"),
    (S, "negated", "he isn't at V's flat tonight"),
    (S, "negated", "assaulted her at the bus stop then got on a bus"),
    (S, "negated", "witness saw the male leave in a blue transit"),
    # --- happening now, heard, refusing to go, keeping her in
    (S, "current", "neighbour can hear a man and a woman rowing through the wall"),
    (S, "current", "couple at no.14 screaming at each other"),
    (S, "current", "the man at the bus shelter is dragging a woman by her coat"),
    (S, "current", "caller upstairs: man downstairs shouting and banging"),
    (S, "current", "the lad at no.3 is battering his dad"),
    (S, "current", "girlfriend bit him and is refusing to leave the flat"),
    (S, "current", "his family are keeping her in the house and took her phone"),
    (S, "current", "text relay: bf has a knife to her throat"),
    (S, "current", "she can't talk, he'll hear her"),
    (S, "current", "she came to the front desk with her husband, who stood next to her the whole time"),
    (S, "current", "girl says she's at home now with her family, they have her passport"),
    (S, "current", "elderly couple, both at home together now"),
    # --- traps: his weapons kept elsewhere, a knife in her hand, other people leaving
    (S, None, "ex keeps an air rifle at his flat"),
    (S, None, "she left her husband in Leeds two years ago"),
    (S, None, "she has moved to Glasgow, he does not know the address"),
    (S, None, "staying with her sister in Wales for now"),
    (S, "negated", "she has run off down the road with the knife still in her hand"),
    (S, None, "her son says dad hit mum before he left for school"),
    (S, None, "the kids have grown up and left"),
    (S, None, "unsure if he knows her new flat"),
    (SC, None, "not sure whether he knows where she's staying"),
    (S, None, "police later found her hiding in the shed"),
    (S, None, "worried he'll hear about it from friends"),
    (S, "current", "she is hiding in the bathroom, he is kicking the door"),
    # --- beside her, answers naming a country, trips abroad, outside her work, the van
    (S, None, "her friend, who is sitting beside her, can talk freely"),
    (S, "current", "husband sat beside her the whole call"),
    (S, "negated", "Q where is he? A Spain on business"),
    (SC, "current", "Q where's he? A Dubai on business for a fortnight"),
    (SC, "current", "he's away in Greece with his mates for ten days"),
    (S, None, "he keeps parking outside her work"),
    (S, "negated", "he isn't outside the gym now, she checked"),
    (S, "negated", "bf arrested, he's in the van"),
    (S, "current", "she rang from work, her ex is outside again"),
    (S, None, "she wants the visit with her sister present"),
    (S, "current", "he is still following her in his car"),
    (S, None, "he followed her home from the shops last month"),
    # --- an older man reporting his daughter, sister or mother: "she" is the suspect
    (S, "negated", "Mr Ahmed, 84, says his daughter takes his pension and shouts at him. She is at work now."),
    (S, "negated", "male caller says his sister smashed his phone last night, she now lives in Spain"),
    (S, "negated", "Caller says his mother's partner takes her money. He is at the pub now."),
    # --- safety: a safe address, months away, not coming back, release not due
    (SC, "current", "she is at a safe address tonight that he does not know"),
    (SC, "current", "he doesn't know her mum's addr"),
    (SC, "current", "he's gone back to London and is working down there for six months"),
    (SC, "current", "he visited for the weekend and is not due up again"),
    (SC, "current", "stepdad in hospital after a fall, not expected out"),
    (SC, "current", "he is in HMP Leeds and may be released in the summer"),
    (SC, "current", "remanded in custody, expected to be sentenced next month"),
    (S, "negated", "he remains in custody and is expected to be charged"),
    (SC, None, "he's on his way home from the pub"),
    # --- voices of both on the line or through the wall
    (S, "current", "neighbour says the shouting is still going on, male and female voices"),
    (S, "current", "can hear a man and woman screaming at each other upstairs"),
    (S, None, "female voice only on the line, then it went dead"),
]


@phrasing_rows(ROWS)
def test_susp_5_phrasing(analyser: Analyser, label: str, expected: str | None, notes: str | list[str]) -> None:
    assert_reads(analyser, label, expected, notes)
