"""Our components are spaCy citizens: found through entry points, configurable, saved and loaded back.

The fresh-process tests run Python in a subprocess that never imports
`extract` itself: whatever it finds, spaCy found. They do not depend on which
checkout is installed in the environment: the entry points are the ones this
checkout's pyproject.toml declares, written into a throwaway `.dist-info`
folder put on the subprocess's path with this checkout's `src/`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
COMPONENTS = ("paragraph_breaks", "extract_entities", "extract_timex", "extract_events")
SAMPLE = "Le Maroc et la France ont signé lundi à Rabat un accord de coopération sécuritaire."
PUBLISHED = "2018-12-17"


def declared_entry_points() -> dict[str, str]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["entry-points"]["spacy_factories"]


@pytest.fixture(scope="module")
def fresh_path(tmp_path_factory) -> str:
    """A PYTHONPATH with this checkout's sources and a distribution advertising its entry points."""
    site = tmp_path_factory.mktemp("site")
    dist = site / "extract_entry_points_under_test-0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: extract-entry-points-under-test\nVersion: 0\n")
    lines = "".join(f"{name} = {target}\n" for name, target in declared_entry_points().items())
    (dist / "entry_points.txt").write_text("[spacy_factories]\n" + lines)
    return os.pathsep.join([str(site), str(SRC)])


def run_fresh(code: str, pythonpath: str, cwd: Path) -> str:
    env = {**os.environ, "PYTHONPATH": pythonpath}
    result = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_every_component_has_an_entry_point():
    assert set(declared_entry_points()) == set(COMPONENTS)
    for target in declared_entry_points().values():
        module, _, attribute = target.partition(":")
        assert attribute, target


def test_blank_pipeline_adds_our_components_without_importing_extract(fresh_path, tmp_path):
    code = (
        "import sys, json, spacy\n"
        "assert not any(m == 'extract' or m.startswith('extract.') for m in sys.modules)\n"
        "nlp = spacy.blank('fr')\n"
        f"for name in {COMPONENTS!r}:\n"
        "    nlp.add_pipe(name)\n"
        # extract_events matches trigger lemmas: a blank pipeline has no lemmatizer to run it after.
        "with nlp.select_pipes(disable=['extract_events']):\n"
        "    doc = nlp('Il est arrivé le 3 mars 2019 à Paris.')\n"
        "print(json.dumps({'pipes': nlp.pipe_names, 'timexes': [t.value for t in doc._.timexes],"
        " 'has_mentions': doc._.mentions is not None}))\n"
    )
    out = json.loads(run_fresh(code, fresh_path, tmp_path))
    assert out["pipes"] == list(COMPONENTS)
    assert out["timexes"] == ["2019-03-03"]
    assert out["has_mentions"]


@pytest.mark.parametrize(
    ("name", "assigns", "paths"),
    [
        ("paragraph_breaks", ["token.is_sent_start"], []),
        (
            "extract_entities",
            ["doc._.mentions"],
            ["resources", "countries", "nationalities", "places", "organisations"],
        ),
        ("extract_timex", ["doc._.timexes"], ["lexicon"]),
        ("extract_events", ["doc._.events"], ["triggers"]),
    ],
)
def test_factories_declare_what_they_assign_and_the_files_they_read(name, assigns, paths):
    import extract.pipeline.load  # noqa: F401  (registers the factories in this process)

    meta = Language.get_factory_meta(name)
    assert meta.assigns == assigns
    for key in paths:
        assert key in meta.default_config and meta.default_config[key] is None
    if name == "extract_events":
        assert {"doc._.mentions", "doc._.timexes"} <= set(meta.requires)


def test_config_points_events_at_another_trigger_lexicon(tmp_path):
    import extract.pipeline.load  # noqa: F401

    triggers = tmp_path / "triggers.tsv"
    triggers.write_text(
        "# one entry\npattern\tcategory\tcameo_root\trequires\nbombarder\tattack\t19\t\n", encoding="utf-8"
    )
    nlp = spacy.blank("fr")
    tagger = nlp.add_pipe("extract_events", config={"triggers": str(triggers)})
    assert set(tagger.triggers) == {"bombarder"}


def test_config_points_entities_at_another_country_table(tmp_path):
    from extract.components.resources import RESOURCES

    shipped = (RESOURCES / "countries.tsv").read_text(encoding="utf-8").splitlines()
    header = next(i for i, line in enumerate(shipped) if not line.startswith("#"))
    columns = shipped[header].split("\t")
    row = dict.fromkeys(columns, "")
    row.update(canonical="Syldavie", code="SY", aliases="Syldavie")
    countries = tmp_path / "countries.tsv"
    countries.write_text("\n".join([shipped[header], "\t".join(row[c] for c in columns)]) + "\n", encoding="utf-8")
    nlp = spacy.blank("fr")
    component = nlp.add_pipe("extract_entities", config={"countries": str(countries)})
    assert [e.canonical for entries in component.tables["country"].by_key.values() for e in entries] == ["Syldavie"]


def annotations(doc) -> str:
    return repr((doc._.mentions, doc._.timexes, doc._.events, [s.start for s in doc.sents]))


def test_saved_pipeline_loads_back_in_a_fresh_process(nlp, fresh_path, tmp_path):
    saved = tmp_path / "pipeline"
    nlp.to_disk(saved)
    doc = nlp.make_doc(SAMPLE)
    doc._.published = dt.date.fromisoformat(PUBLISHED)
    expected = annotations(nlp(doc))
    code = (
        "import datetime as dt, sys, spacy\n"
        f"nlp = spacy.load({str(saved)!r})\n"
        f"doc = nlp.make_doc({SAMPLE!r})\n"
        f"doc._.published = dt.date.fromisoformat({PUBLISHED!r})\n"
        "doc = nlp(doc)\n"
        "table = nlp.get_pipe('lemmatizer').lookups.get_table('lemma_index')\n"
        "print(type(next(iter(table.values()))).__name__)\n"
        "print(repr((doc._.mentions, doc._.timexes, doc._.events, [s.start for s in doc.sents])))\n"
    )
    kind, got = run_fresh(code, fresh_path, tmp_path).splitlines()
    assert got == expected
    assert "Maroc" in got and "signer" in got
    assert kind == "IndexedWords"  # the lemma tables' speed-up is back after loading


def readme_snippet() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Using the components in another spaCy project", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_readme_snippet_runs_in_a_fresh_process(fresh_path, tmp_path):
    out = run_fresh(readme_snippet(), fresh_path, tmp_path)
    assert "Maroc" in out
