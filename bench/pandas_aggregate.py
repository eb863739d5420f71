"""Year aggregation (applications → table 三) with pandas, the peer of ``zfxxgk.aggregate`` in
bench/peers.py. Handles the event types the benchmark's applications use (received, consultation,
extension, replied, withdrawn); input is the same JSON Lines text."""

import io

import pandas as pd

CLOSING = {"replied", "withdrawn", "correction_lapsed", "fee_lapsed"}
CLOSING_OUTCOME = {"withdrawn": "other_misc", "correction_lapsed": "other_no_correction", "fee_lapsed": "other_fee_unpaid"}


def aggregate(jsonl: str, year: int) -> dict:
    apps = pd.read_json(io.StringIO(jsonl), lines=True, dtype=False)
    events = apps[["events"]].explode("events", ignore_index=False)
    ev = pd.json_normalize(events["events"].tolist())
    ev.index = events.index
    ev["at"] = pd.to_datetime(ev["at"])
    received = ev[ev["type"] == "received"].groupby(level=0).first()[["at", "applicant"]]
    closing = ev[ev["type"].isin(CLOSING)].groupby(level=0).last()
    outcome = closing["outcome"].where(closing["type"] == "replied", closing["type"].map(CLOSING_OUTCOME))
    df = received.rename(columns={"at": "received"}).join(closing[["at"]].rename(columns={"at": "closed"}))
    df["outcome"] = outcome
    first, last = pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31)
    df = df[(df["received"] <= last) & ~(df["closed"] < first)]
    intake = pd.Series("carried_in", index=df.index).where(df["received"] < first, "received")
    result = df["outcome"].where(df["closed"] <= last, "carried_over")
    rows = pd.concat([pd.DataFrame({"row": intake, "col": df["applicant"]}),
                      pd.DataFrame({"row": result, "col": df["applicant"]})])
    table = pd.crosstab(rows["row"], rows["col"])
    out = {}
    for row in table.index:
        counts = {c: int(table.at[row, c]) for c in table.columns}
        out[row] = counts
    handled = {}
    for row, counts in out.items():
        if row not in ("received", "carried_in", "carried_over"):
            for c, n in counts.items():
                handled[c] = handled.get(c, 0) + n
    out["total_handled"] = handled
    return out
