"""Regenerate goldstein.tsv: the Goldstein conflict-cooperation score of each CAMEO root code.

Source: GDELT's lookup table CAMEO.goldsteinscale.txt
(https://www.gdeltproject.org/data/lookups/CAMEO.goldsteinscale.txt), the Goldstein (1992)
scale as mapped to CAMEO event codes for GDELT 1.0/2.0: a header `CAMEOEVENTCODE<TAB>GOLDSTEINSCALE`,
then one code per line, roots (two digits), base codes (three) and sub-codes (four). The
events table carries only the root (`cameo_root`), so only the two-digit rows are kept: the
score GDELT gives the root code itself (e.g. 04 consult 1.0, 18 assault -9.0), not a mean
of its sub-codes. No network here: pass a local copy of the file.

    python tools/resources/make_goldstein.py CAMEO.goldsteinscale.txt > src/extract/resources/goldstein.tsv
"""

from __future__ import annotations

import sys
from pathlib import Path

HEADER = """\
# Goldstein conflict-cooperation score (-10 .. +10) of each CAMEO root code, for events.goldstein.
# Source: GDELT lookup CAMEO.goldsteinscale.txt (https://www.gdeltproject.org/data/lookups/CAMEO.goldsteinscale.txt),
# Goldstein, J. S. (1992), "A Conflict-Cooperation Scale for WEIS Events Data", Journal of Conflict
# Resolution 36(2), as mapped to CAMEO codes; the root-level (two-digit) rows, as GDELT scores the root code itself.
# Regenerate: python tools/resources/make_goldstein.py CAMEO.goldsteinscale.txt > src/extract/resources/goldstein.tsv
# columns: cameo_root, goldstein
"""


def roots(lines: list[str]) -> list[tuple[str, float]]:
    """The (root code, score) rows of a CAMEO.goldsteinscale.txt listing, in code order."""
    found = []
    for line in lines[1:]:
        cells = line.split()
        if len(cells) == 2 and len(cells[0]) == 2 and cells[0].isdigit():
            found.append((cells[0], float(cells[1])))
    return sorted(found)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    rows = roots(Path(argv[0]).read_text(encoding="utf-8").splitlines())
    if [code for code, _ in rows] != [f"{n:02d}" for n in range(1, 21)]:
        print("expected the twenty root codes 01-20", file=sys.stderr)
        return 1
    sys.stdout.write(HEADER + "cameo_root\tgoldstein\n" + "".join(f"{code}\t{score}\n" for code, score in rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
