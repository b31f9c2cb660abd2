"""Chat-layer benchmark: `python -m actions.bench [--calls 8] [--train] [--no-anchor]`.

Starts the action webhook (this venv) and the Rasa 3.6 server (.venv-rasa, SQLite tracker
store in a fresh file), then plays scripted calls over the REST channel and prints a table:
chat turn latency end to end including actions (p50/p95, by kind of turn), server start
times, training time and the RSS of each process. Targets: p50 <= 100 ms, p95 <= 250 ms,
Rasa start <= 60 s, training <= 5 min.

The anchor is measured in the same run: the stock Rasa starter bot (`rasa init --no-prompt`,
the bundled moodbot: no custom actions, in-memory tracker store; built once per Rasa version
into .cache/rasa-stock/ by `scripts/rasa_cmd.sh stock-model`) runs as a second Rasa server on
loopback and gets as many turns as ours, its own kind of messages (greet, mood, yes/no,
goodbye, from its nlu.yml), call by call alternating with ours. Both servers are stopped at
the end, on an error and on Ctrl-C / SIGTERM.
"""

from __future__ import annotations

import argparse
import json
import signal
import statistics
import sys
import tempfile
import time
import urllib.error
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from actions.rasa_service import ROOT, chat, rasa_cmd, start_actions, start_rasa, start_stock_rasa, stock_bot

CALL = [
    ("note", "c/r whispering ex outside w/ knife"),
    ("answer", "no"),
    ("answer", "yes 2 kids"),
    ("side", "what does policy say abt repeat victims"),
    ("note", "hes been drinking all day, threatened to kill her last week"),
    ("answer", "dk"),
    ("answer", "kitchen knife"),
    ("side", "wot grade"),
    ("answer", "no"),
    ("note", "c/r says he's kicking the door now"),
    ("side", "wot next"),
    ("answer", "yes"),
    ("side", "summary for the log"),
]


# The starter bot's three stories (data/stories.yml), each a conversation of its own, closed by
# its "goodbye anytime" rule where the story does not end with the bot's goodbye.
STOCK_STORIES: tuple[tuple[str, ...], ...] = (
    ("greet", "mood_great", "goodbye"),
    ("greet", "mood_unhappy", "affirm", "goodbye"),
    ("greet", "mood_unhappy", "deny"),
)


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))]


def nlu_examples(nlu_yaml: str) -> dict[str, list[str]]:
    """Intent -> training examples, from a Rasa 3 `nlu:` file."""
    out: dict[str, list[str]] = {}
    for item in (yaml.safe_load(nlu_yaml) or {}).get("nlu", []):
        if "intent" in item:
            out[item["intent"]] = [line.strip()[2:].strip() for line in str(item.get("examples", "")).splitlines()
                                   if line.strip().startswith("- ")]
    return out


def stock_script(examples: dict[str, list[str]], turns: int) -> list[tuple[int, str, str]]:
    """Exactly `turns` (conversation number, intent, text) for the starter bot: its stories in turn,
    each intent's examples used in rotation. A conversation may be cut by the end of the script."""
    missing = sorted({i for story in STOCK_STORIES for i in story if not examples.get(i)})
    if missing:
        raise ValueError(f"starter bot NLU data has no examples for {', '.join(missing)}")
    used: Counter[str] = Counter()
    script: list[tuple[int, str, str]] = []
    conversation = 0
    while len(script) < turns:
        for intent in STOCK_STORIES[conversation % len(STOCK_STORIES)]:
            if len(script) == turns:
                break
            options = examples[intent]
            script.append((conversation, intent, options[used[intent] % len(options)]))
            used[intent] += 1
        conversation += 1
    return script


@dataclass(frozen=True)
class TurnStats:
    ms: tuple[float, ...]
    errors: int

    @property
    def n(self) -> int:
        return len(self.ms)

    @property
    def p50(self) -> float:
        return statistics.median(self.ms) if self.ms else float("nan")

    @property
    def p95(self) -> float:
        return pct(list(self.ms), 0.95) if self.ms else float("nan")

    @property
    def max(self) -> float:
        return max(self.ms) if self.ms else float("nan")


@dataclass(frozen=True)
class Anchor:
    """The stock starter bot's figures from this run; `failure` says why they are missing."""
    rasa_version: str = ""
    turns: TurnStats | None = None
    start_s: float | None = None
    train_s: float | None = None
    rss_mb: float | None = None
    failure: str = ""

    @property
    def label(self) -> str:
        return f"stock Rasa {self.rasa_version} starter bot (rasa init moodbot, no actions, in-memory tracker)"

    def part(self, text: str) -> str:
        """`text` when the anchor was measured, else why not (a missing figure is never silent)."""
        return text if self.turns is not None else f"stock Rasa bot not measured: {self.failure or 'unknown'}"


def figure_rows(ours: TurnStats, *, rasa_start_s: float, train_s: float, train_note: str, rss_rasa_mb: float,
                rss_actions_mb: float, anchor: Anchor) -> list[dict[str, str]]:
    """The rows `python -m assistant bench all` reads (--json-out), the stock bot beside each figure it has."""
    st = anchor.turns
    return [
        {"metric": "chat turn over REST incl. actions, p50 / p95 ms", "value": f"{ours.p50:.0f} / {ours.p95:.0f}",
         "anchor": anchor.part(f"{anchor.label}, same run, {st.n if st else 0} turns: "
                               f"{st.p50 if st else 0:.0f} / {st.p95 if st else 0:.0f}"),
         "target": "<= 100 / 250", "verdict": "PASS" if ours.p50 <= 100 and ours.p95 <= 250 else "FAIL"},
        {"metric": "chat turn errors", "value": str(ours.errors),
         "anchor": f"{ours.n} turns; " + anchor.part(f"stock bot: {st.errors if st else 0} in {st.n if st else 0} turns"),
         "target": "0", "verdict": "PASS" if ours.errors == 0 else "FAIL"},
        {"metric": "Rasa server start (s)", "value": f"{rasa_start_s:.1f}",
         "anchor": anchor.part(f"stock bot: {anchor.start_s or 0:.1f}"),
         "target": "<= 60", "verdict": "PASS" if rasa_start_s <= 60 else "FAIL"},
        {"metric": "training (s)", "value": f"{train_s:.1f}",
         "anchor": train_note + ("" if anchor.train_s is None
                                 else f"; stock bot {anchor.train_s:.0f} (rasa init, when cached)"),
         "target": "<= 300", "verdict": "PASS" if train_s <= 300 else "FAIL"},
        {"metric": "RSS Rasa server / action webhook (MB)", "value": f"{rss_rasa_mb:.0f} / {rss_actions_mb:.0f}",
         "anchor": anchor.part(f"stock bot server: {anchor.rss_mb or 0:.0f}"), "target": "", "verdict": ""},
    ]


def timed_turn(url: str, sender: str, text: str) -> tuple[float, bool]:
    """(ms, ok): ok is HTTP 200 with at least one bot message; a refused or timed-out request is an error."""
    t = time.perf_counter()
    try:
        status, messages = chat(url, sender, text)
        ok = status == 200 and bool(messages)
    except (urllib.error.URLError, OSError):
        ok = False
    return (time.perf_counter() - t) * 1000, ok


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:120] if text else ''}"


def _sigterm(_signum: int, _frame: object) -> None:
    raise SystemExit(143)  # runs the finally blocks that stop both servers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=8, help="scripted calls to play (13 turns each)")
    parser.add_argument("--train", action="store_true", help="retrain from scratch to time training (about 2 min)")
    parser.add_argument("--no-anchor", action="store_true", help="skip the stock Rasa starter bot")
    parser.add_argument("--json-out", help="also write the figures as JSON (for `python -m assistant bench all`)")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _sigterm)

    if args.train:
        with tempfile.TemporaryDirectory() as tmp:
            t = time.monotonic()
            done = rasa_cmd("train", env={"RASA_MODELS_DIR": tmp})
            train_s = time.monotonic() - t
            if done.returncode:
                raise SystemExit(done.stderr[-2000:])
        train_note = "measured now"
    else:
        done = rasa_cmd("train")
        if done.returncode:
            raise SystemExit(done.stderr[-2000:])
        model = rasa_cmd("model").stdout.strip().splitlines()[-1]
        stamp = Path(model.removesuffix(".tar.gz") + ".train_seconds")
        train_s = float(stamp.read_text()) if stamp.exists() else float("nan")
        train_note = "when models/ was trained (--train to re-measure)"

    n_turns = args.calls * len(CALL)
    anchor = Anchor(failure="--no-anchor")
    script: list[tuple[int, str, str]] = []
    if not args.no_anchor:
        try:  # built (offline, a few minutes) only the first time for this Rasa version
            bot = stock_bot()
            script = stock_script(nlu_examples((bot.project / "data" / "nlu.yml").read_text(encoding="utf-8")), n_turns)
            anchor = Anchor(bot.rasa_version, train_s=bot.train_seconds)
        except Exception as exc:  # noqa: BLE001 - our figures are still measured, the row says why
            anchor = Anchor(failure=_first_line(exc))

    actions = start_actions()
    db = Path(tempfile.mkdtemp()) / "trackers.db"
    rasa = stock = None
    try:
        rasa = start_rasa(f"{actions.url}/webhook", env={"RASA_TRACKER_DB": str(db)})
        if script:  # started after ours, so neither start time is measured against the other
            try:
                stock = start_stock_rasa()
            except Exception as exc:  # noqa: BLE001
                anchor = Anchor(anchor.rasa_version, train_s=anchor.train_s, failure=_first_line(exc))
        timed_turn(rasa.url, "warmup", "c/r says he hit her")  # first turn compiles TF graphs
        if stock:
            timed_turn(stock.url, "warmup", "hello")

        by_kind: dict[str, list[float]] = {}
        errors = 0
        stock_ms: list[float] = []
        stock_errors = 0
        run = uuid.uuid4().hex[:8]

        def play_ours() -> None:
            nonlocal errors
            sender = uuid.uuid4().hex
            for kind, text in CALL:
                ms, ok = timed_turn(rasa.url, sender, text)
                errors += not ok
                by_kind.setdefault(kind, []).append(ms)

        def play_stock(call: int) -> None:
            nonlocal stock_errors
            for conversation, _intent, text in script[call * len(CALL):(call + 1) * len(CALL)]:
                ms, ok = timed_turn(stock.url, f"stock-{run}-{conversation}", text)
                stock_errors += not ok
                stock_ms.append(ms)

        for call in range(args.calls):  # alternating call by call, each side first every other call
            if stock and call % 2:
                play_stock(call)
            play_ours()
            if stock and not call % 2:
                play_stock(call)

        all_ms = [v for vs in by_kind.values() for v in vs]
        ours = TurnStats(tuple(all_ms), errors)
        if stock:
            anchor = Anchor(anchor.rasa_version, TurnStats(tuple(stock_ms), stock_errors), stock.ready_seconds,
                            anchor.train_s, stock.rss_mb())
        rows = [("chat turn, all", all_ms)] + [(f"  {k} turns", v) for k, v in by_kind.items()]
        if anchor.turns:
            rows.append(("stock Rasa bot, all", list(anchor.turns.ms)))
        print(f"\nchat turns over REST incl. actions ({args.calls} calls x {len(CALL)} turns, {errors} errors)")
        print("anchor, same run, call by call alternating with ours: " + anchor.part(
            f"{anchor.label}, {anchor.turns.n if anchor.turns else 0} turns, "
            f"{anchor.turns.errors if anchor.turns else 0} errors"))
        print(f"{'':<22}{'n':>5}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
        for name, vs in rows:
            print(f"{name:<22}{len(vs):>5}{statistics.median(vs):>9.1f}{pct(vs, 0.95):>9.1f}{max(vs):>9.1f}")

        def stock_col(value: float | None, fmt: str = ".1f") -> str:
            return "" if value is None or anchor.turns is None else format(value, fmt)

        print(f"\n{'measure':<34}{'value':>10}{'stock bot':>12}  target")
        print(f"{'Rasa server start (s)':<34}{rasa.ready_seconds:>10.1f}{stock_col(anchor.start_s):>12}  <= 60")
        print(f"{'action webhook start, warm (s)':<34}{actions.ready_seconds:>10.1f}")
        print(f"{'training (s)':<34}{train_s:>10.1f}{stock_col(anchor.train_s):>12}  <= 300 ({train_note})")
        print(f"{'RSS Rasa server (MB)':<34}{rasa.rss_mb():>10.0f}{stock_col(anchor.rss_mb, '.0f'):>12}")
        print(f"{'RSS action webhook (MB)':<34}{actions.rss_mb():>10.0f}")
        stock_p = f"{anchor.turns.p50:.0f} / {anchor.turns.p95:.0f}" if anchor.turns else ""
        print(f"{'chat p50 / p95 (ms)':<34}{ours.p50:>5.0f} / {ours.p95:<3.0f}{stock_p:>12}  <= 100 / 250")
        if not anchor.turns:
            print(anchor.part(""))
        if args.json_out:
            rows_out = figure_rows(ours, rasa_start_s=rasa.ready_seconds, train_s=train_s, train_note=train_note,
                                   rss_rasa_mb=rasa.rss_mb(), rss_actions_mb=actions.rss_mb(), anchor=anchor)
            Path(args.json_out).parent.mkdir(parents=True, exist_ok=True)
            Path(args.json_out).write_text(json.dumps({"rows": rows_out}, indent=1), encoding="utf-8")
        return 1 if errors else 0
    finally:
        for service in (stock, rasa, actions):
            if service:
                service.stop()


if __name__ == "__main__":
    sys.exit(main())
