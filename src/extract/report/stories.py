"""The report's stories: a timeline of stories sized by their articles, and an offline world map.

Both are inline SVG computed here as plain values for the templates. The map's country
outlines are `resources/world-110m.tsv` (Natural Earth 1:110m, public domain; see its header),
already projected (x = longitude + 180, y = 90 - latitude), so the page draws them with no
tiles and no network. Points are the stories' and the places' coordinates where the tables
have them, else the centroid of their country.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache
from typing import Any

import pandas as pd

from extract.components.events.categories import CATEGORY_FAMILIES, FAMILY
from extract.report.values import CATEGORY_COLOURS, day_of, esc_none

MAX_STORIES = 60  # listed in full, most articles first; the timeline and the map show them all
MAP_TOP, MAP_BOTTOM = 6, 152  # latitude 84 N to 62 S: the inhabited world


@lru_cache(maxsize=1)
def world_paths() -> tuple[str, ...]:
    """The country outlines as SVG path data, in the map's 360 x 180 units."""
    from extract.components.resources import RESOURCES, read_tsv

    return tuple(row["path"] for row in read_tsv(RESOURCES / "world-110m.tsv"))


def _radius(n_articles: int, base: float, step: float) -> float:
    return base + step * math.sqrt(max(n_articles, 1) - 1)


def _story_day(story) -> tuple[dt.date | None, bool]:
    """The day a story is drawn at: its date, else its first publication (then flagged)."""
    day = day_of(story.date_value)
    if day is not None:
        return day, False
    return day_of(esc_none(story.first_published)[:10] or None), True


def story_items(stories: pd.DataFrame, titles: dict[str, str], anchors: dict[str, str]) -> list[dict]:
    """The stories listed under the timeline: most articles first, each linked to its articles."""
    if not len(stories):
        return []
    ranked = stories.sort_values(["n_articles", "n_mentions", "first_published"], ascending=[False, False, True])
    items = []
    for story in ranked.head(MAX_STORIES).itertuples(index=False):
        doc_ids = [str(d) for d in list(story.doc_ids)]
        items.append(
            {
                "anchor": f"story-{story.story_id}",
                "story_id": str(story.story_id),
                "category": esc_none(story.category),
                "date": esc_none(story.date_value),
                "place": esc_none(story.place),
                "n_articles": int(story.n_articles),
                "n_mentions": int(story.n_mentions),
                "articles": [{"href": f"#{anchors[d]}", "title": titles.get(d) or d} for d in doc_ids if d in anchors],
            }
        )
    return items


def story_timeline(stories: pd.DataFrame, anchors: dict[str, str]) -> dict[str, Any]:
    """The SVG geometry of the stories' timeline: one row per category family, one circle per story."""
    drawn = [(day, flagged, s) for s in stories.itertuples(index=False) for day, flagged in [_story_day(s)] if day]
    timeline: dict[str, Any] = {"n_stories": len(stories), "n_drawn": len(drawn)}
    if not drawn:
        return timeline
    families = [f for f in CATEGORY_FAMILIES if any(FAMILY.get(s.category) == f for _, _, s in drawn)]
    first, last = min(d for d, _, _ in drawn), max(d for d, _, _ in drawn)
    first, last = first - dt.timedelta(days=15), last + dt.timedelta(days=15)
    left, right, row_h, top, width = 130, 20, 34, 16, 960
    height = top + row_h * len(families) + 30
    span = (last - first).days or 1

    def x(day: dt.date) -> float:
        return left + (width - left - right) * (day - first).days / span

    years = [
        {"x": f"{x(dt.date(y, 1, 1)):.1f}", "label_x": f"{x(dt.date(y, 1, 1)) + 4:.1f}", "label": y}
        for y in range(first.year + 1, last.year + 1)
    ]
    rows = [{"family": f, "y": f"{top + row_h * (i + 0.5):.1f}", "text_y": f"{top + row_h * (i + 0.5) + 4:.1f}"}
            for i, f in enumerate(families)]  # fmt: skip
    circles = []
    for day, flagged, s in sorted(drawn, key=lambda d: -int(d[2].n_articles)):  # the big ones under the small
        row = families.index(FAMILY.get(s.category, families[0]))
        when = f"{s.date_value}" if not flagged else f"undated, published {s.first_published}"
        tip = f"{s.category} · {when} · {esc_none(s.place) or 'no place'} · {s.n_articles} articles, {s.n_mentions} mentions"
        circles.append({"href": f"#story-{s.story_id}", "cx": f"{x(day):.1f}", "cy": f"{top + row_h * (row + 0.5):.1f}",
                        "r": f"{_radius(int(s.n_articles), 4, 4):.1f}", "colour": CATEGORY_COLOURS.get(s.category, "#444"),
                        "n": int(s.n_articles), "tip": tip})  # fmt: skip
    timeline.update(width=width, height=height, left=left, right_x=width - right, grid_top=top - 6,
                    grid_bottom=height - 24, tick_y=height - 8, cat_x=left - 8, years=years, rows=rows, circles=circles)  # fmt: skip
    return timeline


def world_map(stories: pd.DataFrame, corpus_entities: pd.DataFrame) -> dict[str, Any]:
    """The map: country outlines, a dot per place or country named, a circle per located story."""
    places: dict[tuple[float, float], dict] = {}
    named = (
        corpus_entities[corpus_entities["kind"].isin(["place", "country"])] if len(corpus_entities) else corpus_entities
    )
    for e in named.itertuples(index=False):
        lat, lon = _where(e.latitude, e.longitude, e.country_code)
        if lat is None or lon is None:
            continue
        key = (round(lon + 180, 1), round(90 - lat, 1))
        point = places.setdefault(key, {"cx": f"{key[0]:.1f}", "cy": f"{key[1]:.1f}", "names": [], "n": 0})
        point["names"].append(str(e.canonical))
        point["n"] += int(e.n_articles)
    dots = [{"cx": p["cx"], "cy": p["cy"], "tip": f"{', '.join(p['names'][:5])} — {p['n']} article(s)"}
            for p in places.values()]  # fmt: skip
    circles = []
    for s in stories.sort_values("n_articles", ascending=False).itertuples(index=False) if len(stories) else ():
        lat, lon = _where(s.latitude, s.longitude, s.place_country_code)
        if lat is None or lon is None:
            continue
        circles.append({"href": f"#story-{s.story_id}", "cx": f"{lon + 180:.1f}", "cy": f"{90 - lat:.1f}",
                        "r": f"{_radius(int(s.n_articles), 1.2, 1.2):.1f}", "colour": CATEGORY_COLOURS.get(s.category, "#444"),
                        "tip": f"{s.category} · {esc_none(s.date_value)} · {esc_none(s.place)} · {s.n_articles} articles"})  # fmt: skip
    return {"paths": world_paths(), "dots": dots, "circles": circles, "top": MAP_TOP, "height": MAP_BOTTOM - MAP_TOP}


def _where(lat, lon, code) -> tuple[float | None, float | None]:
    if lat is not None and lon is not None and not pd.isna(lat) and not pd.isna(lon):
        return float(lat), float(lon)
    if not isinstance(code, str) or not code:
        return None, None
    from extract.geo import load

    country = load().country(code)
    return (country.latitude, country.longitude) if country is not None else (None, None)


def outline_rings() -> list[list[tuple[float, float]]]:
    """The country outlines as rings of (longitude, latitude), for a notebook's own plot."""
    rings = []
    for d in world_paths():
        for part in d.split("M")[1:]:
            points = [tuple(map(float, p.split())) for p in part.rstrip("Z").split("L")]
            rings.append([(x - 180, 90 - y) for x, y in points])
    return rings
