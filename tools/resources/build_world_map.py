"""Build src/extract/resources/world-110m.tsv: country outlines as SVG paths for the offline maps.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/resources/build_world_map.py package/countries-110m.json > src/extract/resources/world-110m.tsv

Source: Natural Earth 1:110m Admin 0 countries, version 4.1.0 (public domain:
naturalearthdata.com/about/terms-of-use), as TopoJSON in the npm package world-atlas 2.0.2
(Mike Bostock, ISC licence). The arcs are decoded, projected equirectangularly (x = longitude
+ 180, y = 90 - latitude, so the map is 360 x 180 units) and rounded to 0.1 degree; points
closer than that to the previous one are dropped; a ring crossing the antimeridian is cut there.
Antarctica is left out.
"""

from __future__ import annotations

import json
import sys


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points += arc if not points else arc[1:]
    return points


def path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for points in rings:
        projected: list[tuple[float, float]] = []
        for lon, lat in points:
            p = (round(lon + 180, 1), round(90 - lat, 1))
            if not projected or p != projected[-1]:
                projected.append(p)
        # A ring that crosses the antimeridian (Russia, Fiji) is cut there, so no edge spans the map.
        pieces: list[list[tuple[float, float]]] = [[]]
        for point in projected:
            if pieces[-1] and abs(point[0] - pieces[-1][-1][0]) > 180:
                pieces.append([])
            pieces[-1].append(point)
        for piece in pieces:
            if len(piece) >= 3:
                head, *rest = piece
                parts.append(f"M{head[0]:g} {head[1]:g}" + "".join(f"L{x:g} {y:g}" for x, y in rest) + "Z")
    return "".join(parts)


def main(argv: list[str]) -> int:
    topology = json.loads(open(argv[1], encoding="utf-8").read())
    arcs = decode_arcs(topology)
    print("# Country outlines for the offline maps of the report and the notebook, as SVG paths.")
    print("# Source: Natural Earth 1:110m Admin 0 countries v4.1.0 (public domain), via the npm package")
    print("# world-atlas 2.0.2 (ISC licence); equirectangular, 360 x 180 units (x = lon + 180, y = 90 - lat).")
    print(
        "# Regenerate: python tools/resources/build_world_map.py countries-110m.json > src/extract/resources/world-110m.tsv"
    )
    print("# columns: id (ISO 3166-1 numeric, as Natural Earth gives it), name (English), path (SVG d)")
    print("id\tname\tpath")
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name", "")
        if name == "Antarctica" or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        rings = [ring(arcs, r) for polygon in polygons for r in polygon]
        d = path(rings)
        if d:
            print(f"{geometry.get('id', '')}\t{name}\t{d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
