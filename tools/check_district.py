#!/usr/bin/env python3
"""Physical clearance check of a Subterra project made of GeoPackage layers (the sample district).

    python3 tools/check_district.py sample-data/district/district.subterra.json [--list N] [--min-clearance 0.1]

Every pipe and duct gets the 3D centreline Subterra's importer would give it (docs/project-format.md:
measured Z, else invert levels, else ground minus cover, else the assumed cover), with its vertical
extent (HEIGHT, or the diameter). Reported:
  * crossings of two line features, with the vertical clearance outer surface to outer surface at the
    crossing point; a clash is a clearance below --min-clearance (an overlap: below 0);
  * crowns less than --min-cover below the DEM (sampled every metre);
  * lines passing through a manhole / chamber shaft of another network;
  * parallel lines closer in plan than their half widths (they would run inside each other).
Needs only Python 3 and gdal_translate (for the DEM).
"""
import argparse
import collections
import json
import math
import os
import sqlite3
import struct
import subprocess
import sys
import tempfile

DEFAULT_COVER = {"water": 1.2, "sewer": 2.5, "storm": 1.5, "gas": 0.9, "power": 0.8, "telecom": 0.6,
                 "heating": 1.0, "other": 1.0}
DEFAULT_SECTION = {"power": ("rect", 0.5, 0.4), "telecom": ("rect", 0.3, 0.2), "sewer": ("pipe", 0.3),
                   "storm": ("pipe", 0.3), "gas": ("pipe", 0.1), "heating": ("pipe", 0.3), "water": ("pipe", 0.15),
                   "other": ("pipe", 0.2)}
UNIT = {"mm": 0.001, "cm": 0.01, "m": 1.0, "in": 0.0254, "ft": 0.3048}


class Dem:
    def __init__(self, path):
        with tempfile.TemporaryDirectory() as tmp:
            asc = os.path.join(tmp, "dem.asc")
            subprocess.run(["gdal_translate", "-q", "-of", "AAIGrid", path, asc], check=True)
            lines = open(asc).read().split("\n")
        header, i = {}, 0
        while lines[i].split()[0].lower() in ("ncols", "nrows", "xllcorner", "yllcorner", "cellsize", "nodata_value"):
            key, value = lines[i].split()
            header[key.lower()] = float(value)
            i += 1
        self.nc, self.nr = int(header["ncols"]), int(header["nrows"])
        self.cell, self.x0, self.y0 = header["cellsize"], header["xllcorner"], header["yllcorner"]
        self.grid = [list(map(float, l.split())) for l in lines[i:i + self.nr]]

    def __call__(self, x, y):  # bilinear between pixel centres, clamped (as the importer)
        c = min(max((x - self.x0) / self.cell - 0.5, 0), self.nc - 1)
        r = min(max((self.y0 + self.nr * self.cell - y) / self.cell - 0.5, 0), self.nr - 1)
        c0, r0 = min(int(c), self.nc - 2), min(int(r), self.nr - 2)
        fc, fr = c - c0, r - r0
        g = self.grid
        return (g[r0][c0] * (1 - fc) * (1 - fr) + g[r0][c0 + 1] * fc * (1 - fr) + g[r0 + 1][c0] * (1 - fc) * fr +
                g[r0 + 1][c0 + 1] * fc * fr)


def parse_gpkg_geometry(blob):
    flags = blob[3]
    envelope = [0, 32, 48, 48, 64][(flags >> 1) & 7]
    wkb = blob[8 + envelope:]
    order = "<" if wkb[0] == 1 else ">"
    kind = struct.unpack(order + "I", wkb[1:5])[0]
    has_z = kind >= 1000 and kind < 2000 or bool(kind & 0x80000000)
    base = (kind & 0xFFFF) % 1000
    dims = 3 if has_z else 2
    off = 5
    if base == 1:
        return "point", [struct.unpack(order + "d" * dims, wkb[off:off + 8 * dims])]
    if base == 2:
        n = struct.unpack(order + "I", wkb[off:off + 4])[0]
        off += 4
        return "line", [struct.unpack(order + "d" * dims, wkb[off + 8 * dims * i:off + 8 * dims * (i + 1)])
                        for i in range(n)]
    return "other", []


def field_of(mapping, role):
    value = mapping.get(role)
    if value is None:
        return None, None
    if isinstance(value, str):
        return value, ("mm" if role == "diameter" else "m")
    return value["field"], value.get("unit", "mm" if role == "diameter" else "m")


class Line:
    __slots__ = ("id", "layer", "kind", "utility", "pts", "z", "vext", "halfw", "source", "length", "cum")


def load(project_path):
    project = json.load(open(project_path))
    base = os.path.dirname(project_path)
    dem = Dem(os.path.join(base, project["terrain"]["dem"]))
    lines, nodes = [], []
    for layer in project["layers"]:
        if layer.get("type") not in ("segments", "nodes"):
            continue
        db = sqlite3.connect(os.path.join(base, layer["source"]))
        geom = db.execute("select column_name from gpkg_geometry_columns where table_name=?",
                          (layer["table"],)).fetchone()[0]
        cursor = db.execute(f'select * from "{layer["table"]}"')
        names = [d[0] for d in cursor.description]
        mapping = layer.get("mapping", {})
        for row in cursor:
            rec = dict(zip(names, row))
            kind, pts = parse_gpkg_geometry(rec[geom])
            utility_field, _ = field_of(mapping, "utility")
            utility = (rec.get(utility_field) if utility_field else None) or layer.get("utility", "other")
            id_field, _ = field_of(mapping, "id")
            fid = rec.get(id_field) if id_field else str(rec.get("fid"))
            if layer["type"] == "nodes":
                gf, gu = field_of(mapping, "ground")
                inf, iu = field_of(mapping, "invert")
                sf, su = field_of(mapping, "size")
                x, y = pts[0][0], pts[0][1]
                ground = rec[gf] * UNIT[gu] if gf and rec.get(gf) is not None else dem(x, y)
                invert = rec[inf] * UNIT[iu] if inf and rec.get(inf) is not None else ground - 1.5
                size = rec[sf] * UNIT[su] if sf and rec.get(sf) is not None else 1.0
                nodes.append((fid, utility, x, y, ground, invert, size, rec))
                continue
            line = Line()
            line.id, line.layer, line.utility = fid, layer["table"], utility
            line.kind = utility
            if layer["table"] == "house_connections":
                line.kind = "hc-" + utility
            elif layer["table"] == "gullies" or rec.get("KIND") == "gully":
                line.kind = "gully"
            wf, wu = field_of(mapping, "width")
            hf, hu = field_of(mapping, "height")
            df, du = field_of(mapping, "diameter")
            if wf and hf and rec.get(wf) is not None and rec.get(hf) is not None:
                line.halfw, line.vext = rec[wf] * UNIT[wu] / 2, rec[hf] * UNIT[hu]
            elif df and rec.get(df):
                d = rec[df] * UNIT[du]
                line.halfw, line.vext = d / 2, d
            else:
                s = DEFAULT_SECTION[utility]
                line.halfw, line.vext = (s[1] / 2, s[2]) if s[0] == "rect" else (s[1] / 2, s[1])
            xy = [(p[0], p[1]) for p in pts]
            cum = [0.0]
            for a, b in zip(xy, xy[1:]):
                cum.append(cum[-1] + math.dist(a, b))
            line.pts, line.cum, line.length = xy, cum, cum[-1]
            usf, _ = field_of(mapping, "invert_start")
            dsf, _ = field_of(mapping, "invert_end")
            cf, cu = field_of(mapping, "cover")
            us = rec.get(usf) if usf else None
            ds = rec.get(dsf) if dsf else None
            if len(pts[0]) == 3 and any(p[2] != 0 for p in pts):
                line.z, line.source = [p[2] for p in pts], "measured"
            elif us is not None or ds is not None:
                us = us if us is not None else ds
                ds = ds if ds is not None else us
                line.z = [us + (ds - us) * (c / line.length if line.length else 0) + line.vext / 2 for c in cum]
                line.source = "invert"
            else:
                cover = rec.get(cf) if cf else None
                line.source = "cover" if cover is not None else "assumed"
                cover = cover * UNIT[cu] if cover is not None else DEFAULT_COVER[utility]
                line.z = [dem(x, y) - cover - line.vext / 2 for x, y in xy]
            lines.append(line)
    return dem, lines, nodes


def z_at(line, s):
    cum = line.cum
    for k in range(len(cum) - 1):
        if s <= cum[k + 1] or k == len(cum) - 2:
            u = (s - cum[k]) / (cum[k + 1] - cum[k]) if cum[k + 1] > cum[k] else 0
            return line.z[k] + (line.z[k + 1] - line.z[k]) * u
    return line.z[0]


def point_at(line, s):
    cum = line.cum
    for k in range(len(cum) - 1):
        if s <= cum[k + 1] or k == len(cum) - 2:
            u = (s - cum[k]) / (cum[k + 1] - cum[k]) if cum[k + 1] > cum[k] else 0
            (ax, ay), (bx, by) = line.pts[k], line.pts[k + 1]
            return ax + (bx - ax) * u, ay + (by - ay) * u
    return line.pts[0]


def segments(lines):
    for li, line in enumerate(lines):
        for k in range(len(line.pts) - 1):
            yield li, k


def grid_index(lines, cell=20.0):
    index = collections.defaultdict(list)
    for li, k in segments(lines):
        (ax, ay), (bx, by) = lines[li].pts[k], lines[li].pts[k + 1]
        for gx in range(int(math.floor(min(ax, bx) / cell)), int(math.floor(max(ax, bx) / cell)) + 1):
            for gy in range(int(math.floor(min(ay, by) / cell)), int(math.floor(max(ay, by) / cell)) + 1):
                index[(gx, gy)].append((li, k))
    return index


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("project")
    parser.add_argument("--min-clearance", type=float, default=0.1)
    parser.add_argument("--min-cover", type=float, default=0.3)
    parser.add_argument("--list", type=int, default=10, help="clashes to list (worst first)")
    args = parser.parse_args()
    dem, lines, nodes = load(args.project)
    index = grid_index(lines)
    seen = set()
    crossings = []  # (clearance, key, a, b, x, y)
    parallel = []
    for cell_items in index.values():
        for i in range(len(cell_items)):
            for j in range(i + 1, len(cell_items)):
                (la, ka), (lb, kb) = cell_items[i], cell_items[j]
                if la == lb:
                    continue
                if la > lb:
                    la, ka, lb, kb = lb, kb, la, ka
                key = (la, ka, lb, kb)
                if key in seen:
                    continue
                seen.add(key)
                A, B = lines[la], lines[lb]
                (ax, ay), (bx, by) = A.pts[ka], A.pts[ka + 1]
                (cx, cy), (dx, dy) = B.pts[kb], B.pts[kb + 1]
                rx, ry, sx, sy = bx - ax, by - ay, dx - cx, dy - cy
                la_len, lb_len = math.hypot(rx, ry), math.hypot(sx, sy)
                den = rx * sy - ry * sx
                if abs(den) < 1e-9 * la_len * lb_len:  # parallel: do they run inside each other?
                    ux, uy = rx / la_len, ry / la_len
                    dist = abs((cx - ax) * uy - (cy - ay) * ux)
                    if dist >= A.halfw + B.halfw + 0.05:
                        continue
                    p0 = (cx - ax) * ux + (cy - ay) * uy
                    p1 = (dx - ax) * ux + (dy - ay) * uy
                    lo, hi = max(0, min(p0, p1)), min(la_len, max(p0, p1))
                    if hi - lo < 0.05:
                        continue
                    mid = (lo + hi) / 2
                    sa = A.cum[ka] + mid
                    px, py = ax + ux * mid, ay + uy * mid
                    sb = B.cum[kb] + math.hypot(px - cx, py - cy)
                    za, zb = z_at(A, sa), z_at(B, sb)
                    clearance = max(za - A.vext / 2 - (zb + B.vext / 2), zb - B.vext / 2 - (za + A.vext / 2))
                    if clearance < args.min_clearance:
                        parallel.append((clearance, A.id, B.id, px, py))
                    continue
                t = ((cx - ax) * sy - (cy - ay) * sx) / den
                u = ((cx - ax) * ry - (cy - ay) * rx) / den
                if not (-1e-9 <= t <= 1 + 1e-9 and -1e-9 <= u <= 1 + 1e-9):
                    continue
                sa, sb = A.cum[ka] + t * la_len, B.cum[kb] + u * lb_len
                # Meeting at a feature's end is a connection (junction, service to main), not a crossing.
                if sa < 0.01 or sa > A.length - 0.01 or sb < 0.01 or sb > B.length - 0.01:
                    continue
                za, zb = z_at(A, sa), z_at(B, sb)
                clearance = max(za - A.vext / 2 - (zb + B.vext / 2), zb - B.vext / 2 - (za + A.vext / 2))
                kinds = tuple(sorted((A.kind, B.kind)))
                crossings.append((clearance, kinds, A, B, ax + rx * t, ay + ry * t))
    # the same pair can be found from two vertices when the crossing is at a vertex
    unique = {}
    for c in crossings:
        k = (id(c[2]), id(c[3]))
        if k not in unique or c[0] < unique[k][0]:
            unique[k] = c
    crossings = list(unique.values())
    total = collections.Counter(c[1] for c in crossings)
    clashes = collections.Counter(c[1] for c in crossings if c[0] < args.min_clearance)
    overlaps = collections.Counter(c[1] for c in crossings if c[0] < 0)
    print(f"line features {len(lines)}, crossings {len(crossings)}, clashes (clearance < {args.min_clearance} m) "
          f"{sum(clashes.values())}, of which overlapping {sum(overlaps.values())}")
    clear = [c[0] for c in crossings if c[0] >= args.min_clearance]
    if clear:
        print(f"  smallest clearance of the other crossings: {min(clear):.3f} m")
    for k, n in sorted(total.items(), key=lambda kv: (-clashes[kv[0]], -kv[1])):
        print(f"  {k[0]:>9} x {k[1]:<9} crossings {n:4d}  clashes {clashes[k]:4d}  overlapping {overlaps[k]:4d}")
    worst = sorted(c for c in crossings if c[0] < args.min_clearance)[:args.list] if args.list else []
    for c in sorted((c for c in crossings if c[0] < args.min_clearance), key=lambda c: c[0])[:args.list]:
        print(f"    clash {c[2].id} ({c[2].layer}) x {c[3].id} ({c[3].layer}): clearance {c[0]:+.3f} m "
              f"at {c[4]:.1f} {c[5]:.1f}")
    print(f"parallel lines inside each other: {len(parallel)}")
    for p in parallel[:args.list]:
        print(f"    {p[1]} | {p[2]}: clearance {p[0]:+.3f} at {p[3]:.1f} {p[4]:.1f}")

    # cover: the crown at least min-cover below the DEM, sampled every metre and at every vertex
    shallow, min_cover = [], 1e9
    source_count = collections.Counter()
    for line in lines:
        source_count[(line.layer, line.source)] += 1
        n = max(1, int(math.ceil(line.length)))
        worst_line = (1e9, 0, 0)
        for s in sorted(set([line.length * i / n for i in range(n + 1)] + line.cum)):
            x, y = point_at(line, s)
            cover = dem(x, y) - (z_at(line, s) + line.vext / 2)
            if cover < worst_line[0]:
                worst_line = (cover, x, y)
        min_cover = min(min_cover, worst_line[0])
        if worst_line[0] < args.min_cover:
            shallow.append((worst_line[0], line.id, line.layer, worst_line[1], worst_line[2]))
    print(f"crowns less than {args.min_cover} m below the DEM: {len(shallow)} (smallest cover {min_cover:.3f} m)")
    for s in sorted(shallow)[:args.list]:
        print(f"    {s[1]} ({s[2]}): cover {s[0]:.3f} at {s[3]:.1f} {s[4]:.1f}")

    # manhole and chamber shafts (invert to ground) passed by lines of other networks
    cell = 20.0
    through = []
    for fid, utility, x, y, ground, invert, size, rec in nodes:
        gx, gy = int(math.floor(x / cell)), int(math.floor(y / cell))
        near = set()
        for ox in (-1, 0, 1):
            for oy in (-1, 0, 1):
                near.update(li for li, _ in index.get((gx + ox, gy + oy), []))
        for li in near:
            line = lines[li]
            best = None
            for k in range(len(line.pts) - 1):
                (ax, ay), (bx, by) = line.pts[k], line.pts[k + 1]
                L = math.hypot(bx - ax, by - ay)
                if L == 0:
                    continue
                t = max(0, min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / L / L))
                d = math.hypot(ax + (bx - ax) * t - x, ay + (by - ay) * t - y)
                if best is None or d < best[0]:
                    best = (d, line.cum[k] + t * L)
            d, s = best
            if d >= size / 2 + line.halfw + 0.05:
                continue
            if line.utility == utility and d < 0.05:
                continue  # its own network passing or ending in it
            z = z_at(line, s)
            if z + line.vext / 2 < invert:
                continue  # passes below the shaft
            through.append((fid, line.id, d))
    print(f"lines through a manhole or chamber shaft: {len(through)}")
    for t in through[:args.list]:
        print(f"    {t[1]} passes {t[2]:.2f} m from the centre of {t[0]}")
    print("depth sources: " + ", ".join(f"{k[0]} {k[1]} {v}" for k, v in sorted(source_count.items())))

    # depths by kind: crown cover and centreline depth at the vertices; gravity lines: falls
    print("depths below the DEM (m, at vertices): kind: cover to crown min/median/max; invert depth min/max")
    by_kind = collections.defaultdict(lambda: ([], []))
    uphill, grades = [], collections.defaultdict(list)
    for line in lines:
        covers, inverts = by_kind[line.kind]
        for (x, y), z in zip(line.pts, line.z):
            g = dem(x, y)
            covers.append(g - (z + line.vext / 2))
            inverts.append(g - (z - line.vext / 2))
        if line.kind in ("gully", "hc-sewer", "sewer", "storm"):
            for k in range(len(line.z) - 1):
                run = line.cum[k + 1] - line.cum[k]
                fall = line.z[k] - line.z[k + 1]
                if fall < -1e-6 and line.kind in ("gully", "hc-sewer"):
                    uphill.append((line.id, k, fall))
                if line.kind in ("sewer", "storm") and run > 0:
                    grades[line.kind].append(abs(fall) / run * 100)
    for kind, (covers, inverts) in sorted(by_kind.items()):
        covers.sort()
        print(f"  {kind:>9}: cover {covers[0]:.2f} / {covers[len(covers) // 2]:.2f} / {covers[-1]:.2f}; "
              f"invert depth {min(inverts):.2f} - {max(inverts):.2f}")
    for kind, values in grades.items():
        print(f"  {kind} gradients {min(values):.2f} - {max(values):.2f} %")
    print(f"gravity connections rising somewhere: {len(uphill)}")
    for u in uphill[:args.list]:
        print(f"    {u[0]} rises {-u[2]:.3f} m after vertex {u[1]}")


if __name__ == "__main__":
    main()
