"""Writes nlu_data/nlu_variants.yml: handler-shorthand variants of each intent built from small
phrase lists, so the NLU model sees each pattern with many fillers (seeded, reproducible).
Hand-written examples stay in nlu_data/nlu.yml; an example already there is not repeated.
Run: python3 scripts/rasa_gen_nlu.py (stdlib only)."""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "nlu_data" / "nlu_variants.yml"
PER_INTENT = {"note": 160, "answer_detail": 190, "affirm": 80, "deny": 80, "dont_know": 70, "ask_grade": 80,
              "ask_next_question": 80, "ask_policy": 150, "summary": 70, "new_call": 70, "help": 70,
              "out_of_scope": 110}

REPORTERS = ["c/r says", "cr says", "c/r states", "IP says", "caller says", "c/r reports", "she says", "neighbour says",
             "c/r's daughter says", "IP states", "c/r whispering", "c/r crying,", "c/r", "IP"]
SUSPECTS = ["he", "ex", "her ex", "p/ner", "partner", "husband", "bf", "ex-bf", "suspect", "male", "her son", "ex-husband"]
EVENTS = [
    "punched her in the face", "has a knife", "is outside the house", "threatened to kill her", "smashed the tv",
    "is drunk", "left in a car 10 mins ago", "grabbed her by the throat", "kicked the door in", "is still in the house",
    "has been drinking all day", "took her phone", "hit her with a belt last year", "pushed her down the stairs",
    "is banging on the window", "has a baseball bat", "sent her 50 texts today", "is parked outside watching",
    "broke her arm in 2019", "threw a plate at her", "is high on drugs", "said he would burn the house down",
    "is threatening to take the kids", "strangled her last night", "is in the garden shouting", "bit her arm",
    "has breached his bail", "is not allowed near her", "has left on foot", "is asleep upstairs",
    "controls all her money", "follows her to work", "has a gun licence", "dragged her by the hair",
    "threatened to kill himself", "locked her in the bedroom", "is kicking the back door", "spat at her",
]
EXTRAS = ["", "", "", ", kids upstairs", ", she's bleeding", ", line went quiet", ", she's scared", ", c/r whispering",
          " - 2 kids in the house", ", no injuries", ", baby in the house", ", police called before"]


def notes(rng: random.Random) -> list[str]:
    out = [f"{r} {s} {e}{x}" for r, s, e, x in itertools.product(REPORTERS, SUSPECTS, EVENTS, EXTRAS)]
    out += [f"{s} {e}{x}" for s, e, x in itertools.product(SUSPECTS, EVENTS, EXTRAS)]
    return out


DETAIL = {
    "thing": ["kitchen knife", "a hammer", "his belt", "a bread knife", "screwdriver", "his fists", "a bottle",
              "golf club", "a machete", "an air rifle", "a crowbar", "a bat"],
    "place": ["in the kitchen", "upstairs", "in the bedroom", "at his mums", "in his car", "in the garden",
              "at the pub", "at his brothers", "in the van", "on the sofa", "in the hallway", "at work"],
    "time": ["about 20 mins ago", "an hour ago", "5 mins ago", "last night", "last week", "this morning",
             "after work", "friday night", "about 6", "tonight", "2 days ago", "yesterday"],
    "kids": ["2 kids", "3 kids", "1 child", "two kids", "a baby", "3 children", "twins", "one boy", "2 girls"],
    "ages": ["aged 4 and 6", "aged 2, 5 and 9", "6 months old", "aged 12", "both under 5", "8 and 10",
             "aged 3", "teenagers", "14 and 16"],
    "who": ["white male 30s", "tall, black jacket", "john smith 34", "mixed race male, beard", "bald, grey hoodie",
            "red ford focus", "blue transit van", "black bmw", "on a bike", "on foot"],
    "freq": ["twice before", "every weekend", "3 times this year", "since christmas", "every few days",
             "once before", "most nights", "about a year"],
    "body": ["her left arm", "her face", "her neck", "his hand", "her ribs", "her back", "her head", "her eye",
             "her lip", "her wrist"],
    "hurt": ["cut lip", "black eye", "bruised arm", "nosebleed", "cut to her head", "swollen face", "marks on her neck",
             "sore ribs", "broken nose", "scratches"],
    "dir": ["towards the high street", "towards the station", "west on the main road", "towards the park",
            "into town", "towards the motorway"],
}


def details(rng: random.Random) -> list[str]:
    d = DETAIL
    out = list(itertools.chain.from_iterable(d.values()))
    out += [f"{t} {p}" for t, p in itertools.product(d["thing"], d["place"])]
    out += [f"{k} {a}" for k, a in itertools.product(d["kids"], d["ages"])]
    out += [f"{k} {p}" for k, p in itertools.product(d["kids"], d["place"])]
    out += [f"{w}, {r}" for w, r in itertools.product(d["who"], d["dir"])]
    out += [f"{p} {t}" for p, t in itertools.product(d["place"], d["time"])]
    out += [f"{f}, {t}" for f, t in itertools.product(d["freq"], d["time"])]
    out += [f"{h}, {b}" for h, b in itertools.product(d["hurt"], d["body"])]
    out += [f"{h} {t}" for h, t in itertools.product(d["hurt"], d["time"])]
    return out


def affirm(rng):
    heads = ["yes", "yeah", "yep", "y", "yh", "yes yes", "ye", "yup", "yeh", "correct", "affirmative", "thats right",
             "c/r says yes", "she says yes", "IP says yes", "caller says yeah", "c/r confirms", "confirmed"]
    tails = ["", "", " he has", " she is", " he did", " there are", " he does", " definitely", " a few times",
             " he's still there", " she thinks so", " all the time", " before", " loads", " to that"]
    return [f"{h}{t}" for h, t in itertools.product(heads, tails)]


def deny(rng):
    heads = ["no", "nope", "n", "nah", "no no", "negative", "c/r says no", "she says no", "IP says no",
             "caller says no", "c/r denies", "not at all", "never", "none"]
    tails = ["", "", " he hasn't", " she isn't", " he didn't", " there aren't", " he doesn't", " never", " none",
             " not tonight", " nothing like that", " first time", " she's fine", " not that", " not hurt"]
    return [f"{h}{t}" for h, t in itertools.product(heads, tails)]


def dont_know(rng):
    heads = ["dk", "d/k", "dunno", "don't know", "dont know", "not sure", "unsure", "no idea", "unknown", "n/k",
             "can't say", "won't say", "not known", "not certain", "can't remember", "hard to say", "maybe", "skip"]
    whos = ["", "", "c/r ", "she ", "IP ", "caller "]
    verbs = {"": "", "c/r ": "", "she ": "", "IP ": "", "caller ": ""}
    return [f"{w}{h}".strip() for w, h in itertools.product(whos, heads)] + [
        f"{w}doesn't know" for w in ("she ", "c/r ", "IP ", "caller ", "")] + [
        f"{w}isn't sure" for w in ("she ", "c/r ", "IP ")] + [f"{h}, come back to it" for h in ("dk", "not sure", "skip")]


def ask_grade(rng):
    frames = ["{w} grade", "{w} grade is this", "{w} grade should this be", "{w} grade pls", "{w}'s the grade",
              "{w} grade now", "{w} would you grade it", "{w} response does this need"]
    whats = ["what", "wot", "wat", "whats", "which"]
    out = [f.format(w=w) for f, w in itertools.product(frames, whats)]
    out += ["grade?", "grade pls", "grading?", "grade it", "grade now?", "current grade", "suggested grade",
            "is this an emergency", "is this an E", "is it E or P", "emergency or priority", "E or P?",
            "immediate or priority", "is this urgent", "how urgent is this", "should this be priority",
            "can this be scheduled", "does this need an immediate", "do we send now", "why emergency",
            "why priority", "why that grade", "explain the grade", "reasons for the grade", "has the grade changed",
            "update the grade", "is it a P1", "is this grade 1", "is a scheduled response ok", "send units now?",
            "risk grade?", "how would you grade it"]
    return out


def ask_next(rng):
    frames = ["{w} next", "{w} do i ask next", "{w} should i ask", "{w} else should i ask", "{w} else do i need",
              "{w} have i missed", "{w} questions are left", "{w} do i need to find out", "{w} q next",
              "{w}'s left to ask", "{w} shall i ask her", "{w} is still unknown"]
    whats = ["what", "wot", "wat", "whats"]
    out = [f.format(w=w) for f, w in itertools.product(frames, whats)]
    out += ["next q", "next question", "next qs", "next qs pls", "nxt q", "next prompt", "any more qs",
            "any other questions", "more questions", "questions?", "qs?", "prompt me", "give me the next q",
            "suggest a question", "outstanding questions", "whats outstanding", "ok what now", "go on",
            "what else", "anything else to ask", "help me with questions", "which q now"]
    return out


TOPICS = ["repeat victims", "strangulation", "non fatal strangulation", "firearms licence holders", "mediation",
          "honour based abuse", "forced marriage", "children at the scene", "coercive control", "stalking",
          "threats to kill", "lack of injury", "separation", "pregnancy", "DVPN breaches", "bail breaches",
          "suicide threats", "vulnerable adults", "police perpetrators", "scheduled appointments", "historic abuse",
          "silent 999 calls", "the escalation question", "THRIVE", "MARAC referrals", "DASH", "risk assessment",
          "call handler responsibilities", "animal abuse", "substance misuse", "emergency grading", "priority grading"]
POLICY_FRAMES = ["what does policy say abt {t}", "what does policy say about {t}", "policy on {t}",
                 "policy re {t}", "guidance on {t}", "whats the guidance on {t}", "what's the policy for {t}",
                 "APP on {t}", "what does the APP say about {t}", "what do we do about {t}",
                 "where does it say about {t}", "show me policy on {t}", "what's the rule on {t}",
                 "any guidance re {t}", "what does force policy say on {t}", "policy wording for {t}"]


DUTIES = ["tell the inspector", "refer to marac", "see the children", "do a DASH", "record the kids",
          "flag the address", "check previous calls", "send someone", "notify a supervisor", "offer an appointment",
          "arrest for a breach", "contact social services", "keep the line open", "safeguard the kids"]
DUTY_FRAMES = ["do we have to {d}", "do i need to {d}", "when do we {d}", "policy says we must {d}?",
               "is it policy to {d}", "does the APP say to {d}", "are we required to {d}"]


def ask_policy(rng):
    return ([f.format(t=t) for f, t in itertools.product(POLICY_FRAMES, TOPICS)]
            + [f.format(d=d) for f, d in itertools.product(DUTY_FRAMES, DUTIES)])


def summary(rng):
    heads = ["summary", "summarise", "summarize", "sum up", "recap", "write up", "log entry", "overview", "sitrep",
             "rundown", "handover summary", "close off summary", "final summary", "brief summary", "quick summary"]
    tails = ["", " pls", " for the log", " of the call", " so far", " for officers", " for storm", " now"]
    return [f"{h}{t}" for h, t in itertools.product(heads, tails)]


def new_call(rng):
    heads = ["new call", "new 999", "new 101", "new job", "new incident", "new caller", "next call", "next caller",
             "fresh call", "another call", "start new call", "open new call", "begin new call", "new log",
             "new report", "new front counter report", "new dv call", "reset call"]
    tails = ["", " pls", " now", " coming in", ", clear the last one", " please"]
    return [f"{h}{t}" for h, t in itertools.product(heads, tails)] + ["start again", "start over", "reset",
                                                                       "clear all", "wipe and start again"]


def help_(rng):
    heads = ["help", "how does this work", "how do i use this", "what can you do", "what can i type", "commands",
             "instructions", "usage", "menu", "show help", "what do i type", "how do i start", "what is this",
             "who are you", "what are you", "are you a robot", "what's your name", "hi", "hello", "hey", "hiya",
             "morning", "good evening", "test", "testing", "how do i add a note", "how do i get the grade"]
    tails = ["", " pls", "?", " please", " mate"]
    return [f"{h}{t}" for h, t in itertools.product(heads, tails)]


def out_of_scope(rng):
    asks = ["whats the weather", "tell me a joke", "whats the football score", "whats the capital of france",
            "whats the time in new york", "whats on tv tonight", "whats bitcoin worth", "whats the meaning of life",
            "order a pizza", "book my annual leave", "play some music", "sing a song", "write a poem",
            "recommend a film", "whats for lunch", "when is payday", "wheres the canteen", "whos on nights tonight",
            "how tall is everest", "how many miles to london", "remind me to call my mum", "fix the printer",
            "get me a coffee", "whats 2 plus 2", "who won the match", "book a meeting room", "claim my overtime",
            "translate this into french", "my computer is slow", "the printer is jammed", "who is the prime minister",
            "whats the latest news", "lottery numbers", "where do i park", "best takeaway near here"]
    frames = ["{a}", "{a} pls", "{a}?", "hey {a}", "random but {a}", "off topic, {a}"]
    return [f.format(a=a) for f, a in itertools.product(frames, asks)]


GEN = {"note": notes, "answer_detail": details, "affirm": affirm, "deny": deny, "dont_know": dont_know,
       "ask_grade": ask_grade, "ask_next_question": ask_next, "ask_policy": ask_policy, "summary": summary,
       "new_call": new_call, "help": help_, "out_of_scope": out_of_scope}


def existing() -> set[str]:
    text = (ROOT / "nlu_data" / "nlu.yml").read_text()
    return {re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", m).strip().lower() for m in re.findall(r"^    - (.+)$", text, re.M)}


def main() -> None:
    rng = random.Random(42)
    seen = existing()
    lines = ['version: "3.1"', "# GENERATED by scripts/rasa_gen_nlu.py (seeded): do not edit; edit the phrase lists.",
             "nlu:"]
    for intent, gen in GEN.items():
        pool = sorted({" ".join(e.split()) for e in gen(rng)})
        pool = [e for e in pool if e.lower() not in seen]
        rng.shuffle(pool)
        chosen = pool[: PER_INTENT[intent]]
        seen.update(e.lower() for e in chosen)
        lines += [f"- intent: {intent}", "  examples: |"] + [f"    - {e}" for e in sorted(chosen)]
    OUT.write_text("\n".join(lines) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
