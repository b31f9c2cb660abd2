"""Phrasings, thirteenth session (a web-chat desk and North East nights): a chat that drops,
freezes or goes quiet is a call cut off, and "asked if she can talk - reply 'no'" is a no; an
optional punctuation mark in a rule may be two ("asked if hurt - 'yes'": a dash, then a quote);
an ear ringing or a red neck is an injury; "he's going to end it" and "I'll kill them and then
me" are suicide risks; posting pictures of her online is harassment; "I'm coming to get you" or
a text saying "on my way" puts him on his way; and where he is not: back at his own place, his
van outside his own flat, lost at the roundabout, and a cat hiding is not a victim hiding; a
pillow over his wife's face, a bottle swung, "did things to me while i was asleep"; and "don't
know he was ..." is not a denial of what follows. Rows
are written for this test in a call handler's style, not taken from any data set, each with a
trap beside it. Notes of one call are separated by " || "."""

from __future__ import annotations

from assistant.analysis import Analyser

from phrasing import assert_reads, phrasing_rows

S = "suspect_present"
CTS = "cannot_talk_safely"
INJ = "injury"
MH = "mental_health_suicide"
STALK = "stalking_harassment"
SEP = "separation"

ROWS: list[tuple[str, str | None, str]] = [
    # --- a chat that is lost
    (CTS, "current", "webchat: 'hes here' || chat disconnected 01:12, could not reconnect"),
    (CTS, "current", "V typing 'he's back' then the chat went quiet"),
    (CTS, "current", "chat closed by V suddenly at 22:40"),
    (CTS, "current", "no reply to the last 4 messages from the victim"),
    # --- trap: a chat that ends normally
    (CTS, None, "chat ended, V happy with advice and will ring back tomorrow"),
    # --- an answer in quotes
    (CTS, "current", "Asked if she can talk - reply 'no'"),
    (INJ, "current", "Asked if hurt - 'yes', her wrist"),
    # --- trap: the quoted answer is yes
    (CTS, "negated", "Asked if she can talk - reply 'yes' he's out"),
    # --- signs of injury
    (INJ, "current", "he slapped her round the head, her ear is still ringing"),
    (INJ, "current", "had his hands round her throat, her neck is really red"),
    # --- trap: a phone ringing is not an ear ringing
    (INJ, None, "her phone is ringing non stop, it's him"),
    # --- suicide risk
    (MH, "current", "he's locked in the bathroom saying he's going to end it"),
    (MH, "current", "ex texted 'ill kill them and then me'"),
    # --- trap: ending it with him is a separation
    (MH, None, "she says she's going to end it with him this week"),
    (SEP, "current", "she says she's going to end it with him this week"),
    # --- harassment online
    (STALK, "current", "ex keeps posting pics of her on facebook and tagging her mates"),
    # --- trap: she posted, not him
    (STALK, None, "she posted on facebook about the break up"),
    # --- on his way
    (S, "current", "ex messaging her 'im coming to get you'"),
    (S, "current", "he texted 'on my way' ten minutes ago"),
    # --- trap: the police are on their way
    (S, None, "told her officers are on their way"),
    # --- where he is not
    (S, "negated", "he's not outside tonight, his van is outside his own flat across town"),
    (S, "negated", "bloke chased her taxi || driver lost him at the lights"),
    (S, "negated", "he kicked the dog and stormed off to the pub. the dog is hiding under the table"),
    # --- trap: she is hiding from him
    (S, "current", "she is hiding in the bathroom, he's kicking the door"),
    # --- smothering someone's partner, a bottle swung, a typo, what was done while she slept
    ("strangulation", "current", "neighbour can see him holding a pillow over his wife's face"),
    ("weapon", "current", "he's swinging a bottle about in the kitchen"),
    ("weapon", "current", "c/r whispering says he has a knfie"),
    ("sexual_abuse", "current", "V says bf 'did things to me while i was asleep'"),
    ("sexual_abuse", "current", "she woke up with him on top of her"),
    # --- traps: a bottle of beer, the dog on the bed
    ("weapon", None, "he's waving a bottle of beer about, singing"),
    ("sexual_abuse", None, "she woke up with the dog on top of her"),
    # --- "don't know" then a statement is not a denial of the statement
    ("weapon", "current", "asked re weapons - 'dont know he was swinging a bottle about earlier'"),
    # --- trap: a plain "don't know" stays unknown
    ("weapon", None, "asked re weapons - dont know"),
]


@phrasing_rows(ROWS)
def test_phrasings_time13(analyser: Analyser, label: str, expected: str | None, notes: str) -> None:
    assert_reads(analyser, label, expected, notes)
