"""The report's stories and map: a timeline of stories sized by articles, each linked to its articles, on one offline page."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.report import write_report
from extract.report.stories import world_paths
from extract.run import run
from extract.runs import read_table
from test_report import Elements, needs_chromium, open_in_chromium

STORIES = Path(__file__).parent / "data" / "stories" / "articles.jsonl"


@pytest.fixture(scope="module")
def stories_run(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("stories-report") / "out"
    run([STORIES], out=out, fmt="parquet")
    return out, write_report(out, inputs=[STORIES])


def test_the_world_map_is_bundled_small_and_whole():
    paths = world_paths()
    assert len(paths) > 170 and all(p.startswith("M") and p.endswith("Z") for p in paths)
    size = (Path(__file__).parents[1] / "src" / "extract" / "resources" / "world-110m.tsv").stat().st_size
    assert size < 300_000


@needs_chromium
def test_the_page_shows_the_stories_timeline_and_the_map(stories_run, tmp_path):
    out, page = stories_run
    dom, console = open_in_chromium(page, tmp_path, fragment="stories")
    assert console == []
    elements = Elements(dom)
    stories = read_table(out, "stories")
    documents = read_table(out, "documents")
    anchors = dict(zip(documents.doc_id, (f"d{i}" for i in range(1, len(documents) + 1))))
    ids = elements.ids()
    assert {"stories", "stories-svg", "map", "map-svg"} <= ids
    # the timeline: one circle per story (all are dated or published), sized by articles, each linked to its item
    circles = elements.with_class("a", "story")
    assert len(circles) == len(stories)
    assert max(int(c["data-articles"]) for c in circles) == stories["n_articles"].max() >= 3
    assert all(c["href"][1:] in ids for c in circles)
    # each story item links to every one of its articles
    items = {a["id"]: a for a in elements.with_class("li", "story-item")}
    for story in stories[stories["n_articles"] > 1].itertuples(index=False):
        assert f"story-{story.story_id}" in items
        hrefs = {a["href"] for a in elements.having("a") if a.get("href", "").startswith("#d")}
        assert {f"#{anchors[d]}" for d in story.doc_ids} <= hrefs
    # the map: the bundled outlines, a dot per place named, a circle per located story; nothing fetched
    assert len(elements.having("path")) >= len(world_paths())
    assert elements.with_class("circle", "place") and elements.with_class("a", "story-point")
    assert not [a for _, a in elements.elements if any(v.startswith(("http:", "https:", "//")) for v in a.values())]
