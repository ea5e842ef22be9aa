# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Exploring the extract tables
#
# Who, where, when and what happened in the demo corpus (`data/raw/`: the seed
# article and eighteen short news articles). The notebook runs the extraction
# itself when `data/out/` holds no tables yet, then reads the seven tables with
# pandas. Columns are documented in `docs/tables.md`.
#
# Set `EXTRACT_RAW` / `EXTRACT_OUT` in the environment to explore another corpus
# or run folder.

# %%
import os
from collections import Counter
from itertools import combinations
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import MaxNLocator
from spacy import displacy

from extract.components.events.categories import CATEGORY_FAMILIES, FAMILY
from extract.geo import load as load_gazetteer
from extract.read import read_articles
from extract.report import CATEGORY_COLOURS, country_names, day_of
from extract.report.stories import outline_rings
from extract.run import run
from extract.runs import load_tables
from extract.views import events_caption, shown

ROOT = Path.cwd() if (Path.cwd() / "data" / "raw").is_dir() else Path.cwd().parent
RAW = Path(os.environ.get("EXTRACT_RAW", ROOT / "data" / "raw"))
OUT = Path(os.environ.get("EXTRACT_OUT", ROOT / "data" / "out"))
plt.rcParams.update({"figure.dpi": 100, "axes.spines.top": False, "axes.spines.right": False})

# %%
if not (OUT / "documents.parquet").exists():
    summary = run([RAW], out=OUT)
    print(summary.line())
tables = load_tables(OUT)  # Parquet, DuckDB or CSV: whichever the run wrote
documents, mentions, entities, timexes, every_event = (
    tables[t] for t in ("documents", "mentions", "entities", "timexes", "events")
)
stories, corpus_entities = tables["stories"], tables["corpus_entities"]
# Events counted and drawn below are the asserted and planned ones; `modality` keeps the others.
events = shown(every_event)
tables["events"] = events
print({name: len(frame) for name, frame in tables.items()})
print(events_caption(len(events), len(every_event)))

# %% [markdown]
# ## The articles

# %%
per_doc = pd.DataFrame({name: tables[name].groupby("doc_id").size() for name in ("mentions", "timexes", "events")})
overview = (
    documents.set_index("doc_id")[["title", "published", "status"]]
    .join(per_doc)
    .fillna({"mentions": 0, "timexes": 0, "events": 0})
)
overview

# %% [markdown]
# ## Countries and organisations most mentioned
#
# A country counts when it is named ("le Maroc") or pointed at by a nationality
# ("les services marocains"); both carry its ISO code.

# %%
country_name = country_names()  # ISO code → French name, from the shipped country table
national = mentions[mentions.kind.isin(["country", "nationality"]) & mentions.country_code.notna()]
top_countries = national.groupby("country_code").size().sort_values(ascending=False).head(15)
top_organisations = (
    mentions[mentions.kind == "organisation"].groupby("canonical").size().sort_values(ascending=False).head(15)
)

fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.5))
for axis, counts, title, colour in (
    (
        left,
        top_countries.rename(lambda code: f"{country_name.get(code, code)} ({code})"),
        "Countries (names and nationalities)",
        "#e69138",
    ),
    (right, top_organisations, "Organisations", "#3d85c6"),
):
    if counts.empty:
        axis.text(0.5, 0.5, "none found", ha="center", va="center", transform=axis.transAxes)
    else:
        counts.iloc[::-1].plot.barh(ax=axis, color=colour)
    axis.set_title(title)
    axis.xaxis.set_major_locator(MaxNLocator(integer=True))
    axis.set_xlabel("mentions")
    axis.set_ylabel("")
fig.tight_layout()

# %% [markdown]
# ## Which countries appear together
#
# Two countries co-occur when one article names both (or their nationalities);
# the cell counts such articles.

# %%
per_article = national.groupby("doc_id")["country_code"].agg(lambda codes: sorted(set(codes)))
shown = list(national.groupby("country_code")["doc_id"].nunique().sort_values(ascending=False).head(14).index)
pairs = Counter()
for codes in per_article:
    kept = [c for c in codes if c in shown]
    pairs.update((c, c) for c in kept)
    pairs.update(combinations(kept, 2))
matrix = pd.DataFrame(0, index=shown, columns=shown)
for (a, b), n in pairs.items():
    matrix.loc[a, b] = matrix.loc[b, a] = n

fig, axis = plt.subplots(figsize=(7, 6))
if matrix.empty:
    axis.text(0.5, 0.5, "no countries found", ha="center", va="center", transform=axis.transAxes)
else:
    image = axis.imshow(matrix.values, cmap="YlOrRd")
    axis.set_xticks(range(len(shown)), shown, rotation=90)
    axis.set_yticks(range(len(shown)), [f"{country_name.get(c, c)} ({c})" for c in shown])
    for i in range(len(shown)):
        for j in range(len(shown)):
            if matrix.iat[i, j]:
                axis.text(j, i, matrix.iat[i, j], ha="center", va="center", fontsize=8)
    fig.colorbar(image, ax=axis, label="articles naming both (diagonal: naming it)")
axis.set_title("Country co-occurrence by article")
fig.tight_layout()

# %% [markdown]
# ## A timeline of dated events, by category
#
# Each event is placed at the first day its TIMEX3 value covers (`2018-W50` →
# the Monday of that week, `2018-12` → 1 December). Undated events are left out,
# and so are the hypothetical, negated and generic ones.

# %%
dated = events.assign(day=pd.to_datetime(events.date_value.map(day_of))).dropna(subset=["day"])
print(f"{len(dated)} of {len(events)} events are dated ({events_caption(len(events), len(every_event))})")
categories = [c for c in CATEGORY_COLOURS if c in set(dated.category)]
fig, axis = plt.subplots(figsize=(12, 0.35 * max(len(categories), 4) + 1.2))
for row, category in enumerate(categories):
    points = dated[dated.category == category]
    axis.scatter(points.day, [row] * len(points), s=50, color=CATEGORY_COLOURS[category], edgecolor="white", zorder=3)
axis.set_yticks(range(len(categories)), categories)
axis.invert_yaxis()  # categories top-down in SPEC order, as in the report
axis.grid(axis="x", color="#eeeeee")
axis.set_title(f"Dated events ({events_caption(len(events), len(every_event))})")
if not categories:
    axis.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=axis.transAxes)
fig.tight_layout()

# %%
dated.sort_values("day")[["day", "category", "modality", "trigger", "place", "agents", "targets", "doc_id"]].head(25)

# %% [markdown]
# ## Stories: one event as several articles report it
#
# `stories` clusters the event mentions of all articles (the rule is in
# `docs/tables.md`, *How stories are formed*). Each story is drawn at its date
# (else its first article's publication), one row per category family, sized
# by the number of articles that report it.

# %%
story_days = stories.assign(
    day=pd.to_datetime([day_of(d) or day_of(str(p)[:10]) for d, p in zip(stories.date_value, stories.first_published)]),
    family=stories.category.map(FAMILY),
).dropna(subset=["day"])
families = [f for f in CATEGORY_FAMILIES if f in set(story_days.family)]
fig, axis = plt.subplots(figsize=(12, 0.4 * max(len(families), 4) + 1.2))
for row, family in enumerate(families):
    points = story_days[story_days.family == family]
    axis.scatter(points.day, [row] * len(points), s=40 * points.n_articles, alpha=0.8, edgecolor="white", zorder=3,
                 color=[CATEGORY_COLOURS.get(c, "#444") for c in points.category])  # fmt: skip
axis.set_yticks(range(len(families)), families)
axis.invert_yaxis()
axis.grid(axis="x", color="#eeeeee")
axis.set_title("Stories, sized by the number of articles")
if not families:
    axis.text(0.5, 0.5, "no stories", ha="center", va="center", transform=axis.transAxes)
fig.tight_layout()

# %%
titles = documents.set_index("doc_id").title
several = stories[stories.n_articles > 1].sort_values(["n_articles", "first_published"], ascending=[False, True])
several.assign(articles=several.doc_ids.map(lambda ids: " | ".join(str(titles.get(d, d)) for d in ids)))[
    ["story_id", "category", "date_value", "place", "n_articles", "n_mentions", "articles"]
]

# %% [markdown]
# ## A map of the places named and the stories
#
# Country outlines from Natural Earth (1:110m, public domain), bundled with
# `extract`: no tiles, no network. Grey dots are the places and countries the
# articles name (`corpus_entities`, at their coordinates where the tables have
# them, else at their country's centroid); coloured circles are the stories.


# %%
def where(lat, lon, code):
    if pd.notna(lat) and pd.notna(lon):
        return float(lat), float(lon)
    country = load_gazetteer().country(code) if isinstance(code, str) else None
    return (country.latitude, country.longitude) if country is not None else (None, None)


fig, axis = plt.subplots(figsize=(12, 6))
for ring in outline_rings():
    xs, ys = zip(*ring)
    axis.fill(xs, ys, color="#dfe3e8", edgecolor="white", linewidth=0.3)
named = corpus_entities[corpus_entities.kind.isin(["place", "country"])]
spots = [where(e.latitude, e.longitude, e.country_code) for e in named.itertuples()]
spots = [s for s in spots if s[0] is not None]
if spots:
    axis.scatter([s[1] for s in spots], [s[0] for s in spots], s=8, color="#6b7280", zorder=3)
located = [(where(s.latitude, s.longitude, s.place_country_code), s) for s in stories.itertuples()]
located = [(p, s) for p, s in located if p[0] is not None]
if located:
    axis.scatter([p[1] for p, _ in located], [p[0] for p, _ in located], s=[30 * s.n_articles for _, s in located],
                 color=[CATEGORY_COLOURS.get(s.category, "#444") for _, s in located], alpha=0.8, edgecolor="white", zorder=4)  # fmt: skip
axis.set_xlim(-180, 180)
axis.set_ylim(-60, 85)
axis.set_aspect("equal")
axis.set_axis_off()
axis.set_title(f"{len(spots)} places and countries named, {len(located)} stories")
fig.tight_layout()

# %% [markdown]
# ## Places, grouped by the country they lie in
#
# Places without a country are supranational (Europe, a sea) or not in the
# shipped tables.

# %%
places = mentions[mentions.kind == "place"]
places_by_country = (
    places.assign(country=places.country_code.map(lambda c: f"{country_name.get(c, c)} ({c})" if isinstance(c, str) else "(none)"))
    .groupby(["country", "canonical"]).size().rename("mentions").reset_index()
    .sort_values(["country", "mentions"], ascending=[True, False])
    .groupby("country").agg(places=("canonical", lambda names: ", ".join(names)), mentions=("mentions", "sum"))
    .sort_values("mentions", ascending=False)
)  # fmt: skip
places_by_country

# %% [markdown]
# ## One article, with its entities and time expressions highlighted
#
# The article with the most mentions, rendered with displaCy. Where a time
# expression overlaps a mention the mention is shown.

# %%
texts = {article.doc_id: article.text for article in read_articles([RAW]) if article.text}
candidates = [d for d in overview.sort_values("mentions", ascending=False).index if d in texts]
if candidates:
    doc_id = candidates[0]
    spans = [(r.start, r.end, r.kind.upper()) for r in mentions[mentions.doc_id == doc_id].itertuples()]
    spans += [(r.start, r.end, f"TIMEX {r.value}") for r in timexes[timexes.doc_id == doc_id].itertuples()]
    ents, last_end = [], -1
    for start, end, label in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start >= last_end:
            ents.append({"start": int(start), "end": int(end), "label": label})
            last_end = end
    colours = {
        "COUNTRY": "#ffd59e",
        "NATIONALITY": "#ffe9c7",
        "PLACE": "#b9e4c6",
        "ORGANISATION": "#c4d8f7",
        "PERSON": "#f4cbe1",
        "OTHER": "#e4e4e4",
    }
    colours.update({e["label"]: "#dff3f6" for e in ents if e["label"].startswith("TIMEX")})
    title = documents.set_index("doc_id").title.get(doc_id)
    displacy.render(
        {"text": texts[doc_id], "ents": ents, "title": title},
        style="ent",
        manual=True,
        jupyter=True,
        options={"colors": colours},
    )
else:
    print(f"no article text found in {RAW}")

# %% [markdown]
# The same run as one page for a browser: `extract report --out data/out`
# writes `data/out/report.html`.
