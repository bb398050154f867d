"""pandas peer for `npm run bench`: the same cases as bench/cases on the same CSV, the way an analyst
would write them in a plain pandas script (float sums, no exactness checks).

    python3 bench/pandas_peer.py --csv bench/data/transactions_1m.csv --runs 3 --out result.json

Prints/writes JSON: {"pandas": version, "items": {name: {"runsMs": [...], "cpuMs": [...], "rows": n}},
"peakRssMB": ...}. Item names match the TypeScript cases so the report can put them side by side.
"""
import argparse
import json
import math
import resource
import sys
import time

import numpy as np
import pandas as pd


def pareto(df):
    """Float Pareto: profit per customer, sorted, cumulative share, 80/95% ranks, classes, Gini, 100 bins."""
    per = (df["revenue"] - df["cost"]).groupby(df["customer_id"], sort=False).sum()
    v = np.sort(per.to_numpy())[::-1]
    n = len(v)
    cum = np.cumsum(v)
    total = cum[-1]
    k80 = int(np.argmax(cum >= 0.8 * total)) + 1
    k95 = int(np.argmax(cum >= 0.95 * total)) + 1
    top20 = cum[math.ceil(n / 5) - 1] / total
    ranks = np.arange(1, n + 1)
    gini = float(np.sum((n + 1 - 2 * ranks) * v) / (n * total))
    bins = (ranks - 1) * 100 // n
    curve = pd.Series(cum).groupby(bins).last()
    classes = [k80, k95 - k80, n - k95]
    assert top20 > 0 and gini > 0 and sum(classes) == n
    return len(curve)


def cohorts(df):
    """Monthly cohort matrix: active customers per cohort (month of first order) and months since."""
    month = df["order_date"].dt.to_period("M")
    first = month.groupby(df["customer_id"]).transform("min")
    k = (month - first).apply(lambda x: x.n)
    m = df.assign(cohort=first, k=k).groupby(["cohort", "k"])["customer_id"].nunique().unstack()
    return int(m.notna().sum().sum())


def kaplan_meier(df):
    """KM as bench/cases/kaplanMeier.ts: duration last − first order, churned = silent for 180 days."""
    g = df.groupby("customer_id")["order_date"].agg(["min", "max"])
    end = df["order_date"].max()
    dur = (g["max"] - g["min"]).dt.days.to_numpy()
    event = (g["max"] < end - pd.Timedelta(days=180)).to_numpy()
    order = np.argsort(dur, kind="stable")
    dur, event = dur[order], event[order]
    times, idx = np.unique(dur, return_index=True)
    deaths = np.add.reduceat(event.astype(np.int64), idx)
    at_risk = len(dur) - idx
    surv = np.cumprod(1 - deaths / at_risk)
    return int(np.count_nonzero(deaths)) if len(surv) else 0


def timed(fn, runs):
    out = {"runsMs": [], "cpuMs": [], "rows": 0}
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            out["rows"] = fn()
        except Exception as e:  # noqa: BLE001 - reported in the table, not fatal
            out["error"] = f"{type(e).__name__}: {e}"[:200]
            return out
        out["runsMs"].append((time.perf_counter() - t0) * 1000)
        out["cpuMs"].append((time.process_time() - c0) * 1000)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cases", default="")
    ap.add_argument("--out")
    a = ap.parse_args()
    holder = {}

    def load():
        holder["df"] = pd.read_csv(a.csv, parse_dates=["order_date"])
        return len(holder["df"])

    items = {"CSV ingest": timed(load, a.runs)}
    cases = [
        ("Pareto (profit by customer)", pareto),
        ("Kaplan–Meier (customers from orders)", kaplan_meier),
        ("monthly cohort matrix", cohorts),
    ]
    wanted = [c.strip().lower() for c in a.cases.split(",") if c.strip()]
    if "df" in holder:
        for name, fn in cases:
            if wanted and not any(w in name.lower() for w in wanted):
                continue
            # The cohort matrix takes ~30 s at 10M rows: one run is enough to place it.
            items[name] = timed(lambda fn=fn: fn(holder["df"]), 1 if fn is cohorts else a.runs)
    result = {
        "pandas": pd.__version__,
        "items": items,
        "peakRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    text = json.dumps(result)
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text + "\n")


if __name__ == "__main__":
    main()
