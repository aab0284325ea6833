#!/usr/bin/env python3
"""Writes a small pump-station chamber as OBJ + MTL (Y-up, metres), the CAD model of
sample-data/cad-example: a concrete chamber (floor and four walls, open under its lid), a steel
lid at ground level, two pumps and a rising main stub. Origin: the centre of the lid's top face,
so a project places it with "origin": [x, y, ground level].

    tools/make_pump_station.py sample-data/cad-example/pump_station.obj
"""
import math
import os
import sys

WIDTH, LENGTH, DEPTH, WALL = 3.0, 4.0, 3.2, 0.25  # outer plan size (x, z in Y-up), depth below lid


class Obj:
    def __init__(self):
        self.vertices, self.groups = [], []

    def quad(self, a, b, c, d):
        base = len(self.vertices) + 1
        self.vertices += [a, b, c, d]
        self.groups[-1][1].append((base, base + 1, base + 2, base + 3))

    def box(self, lo, hi):
        """Six outward faces of an axis-aligned box (counter-clockwise seen from outside)."""
        (x0, y0, z0), (x1, y1, z1) = lo, hi
        self.quad((x0, y0, z1), (x1, y0, z1), (x1, y1, z1), (x0, y1, z1))  # +z
        self.quad((x1, y0, z0), (x0, y0, z0), (x0, y1, z0), (x1, y1, z0))  # -z
        self.quad((x1, y0, z1), (x1, y0, z0), (x1, y1, z0), (x1, y1, z1))  # +x
        self.quad((x0, y0, z0), (x0, y0, z1), (x0, y1, z1), (x0, y1, z0))  # -x
        self.quad((x0, y1, z1), (x1, y1, z1), (x1, y1, z0), (x0, y1, z0))  # +y
        self.quad((x0, y0, z0), (x1, y0, z0), (x1, y0, z1), (x0, y0, z1))  # -y

    def cylinder(self, centre, radius, y0, y1, sides=16):
        """Upright (Y) cylinder with caps."""
        cx, cz = centre
        ring = [(cx + radius * math.cos(2 * math.pi * i / sides), cz - radius * math.sin(2 * math.pi * i / sides))
                for i in range(sides)]
        for i in range(sides):
            (ax, az), (bx, bz) = ring[i], ring[(i + 1) % sides]
            self.quad((ax, y0, az), (bx, y0, bz), (bx, y1, bz), (ax, y1, az))
        for y, order in ((y1, ring), (y0, ring[::-1])):
            for i in range(1, sides - 1):
                base = len(self.vertices) + 1
                self.vertices += [(order[0][0], y, order[0][1]), (order[i][0], y, order[i][1]),
                                  (order[i + 1][0], y, order[i + 1][1])]
                self.groups[-1][1].append((base, base + 1, base + 2))

    def material(self, name):
        self.groups.append((name, []))


def main(path):
    obj = Obj()
    hw, hl = WIDTH / 2, LENGTH / 2
    top, bottom = -0.15, -DEPTH  # the lid is 0.15 m thick; the chamber hangs below it
    obj.material("concrete")
    obj.box((-hw, bottom, -hl), (hw, bottom + WALL, hl))                   # floor
    obj.box((-hw, bottom, -hl), (-hw + WALL, top, hl))                     # west wall
    obj.box((hw - WALL, bottom, -hl), (hw, top, hl))                       # east wall
    obj.box((-hw + WALL, bottom, -hl), (hw - WALL, top, -hl + WALL))       # north wall (z = -l)
    obj.box((-hw + WALL, bottom, hl - WALL), (hw - WALL, top, hl))         # south wall
    obj.material("lid_steel")
    obj.box((-hw - 0.1, top, -hl - 0.1), (hw + 0.1, 0.0, hl + 0.1))
    obj.material("pump_blue")
    for x in (-0.6, 0.6):
        obj.cylinder((x, 0.6), 0.35, bottom + WALL, bottom + WALL + 1.1)
    obj.material("rising_main")
    obj.box((-0.12, bottom + 1.0, -hl - 1.5), (0.12, bottom + 1.24, -hl + WALL))  # through the north wall
    mtl = os.path.splitext(path)[0] + ".mtl"
    with open(mtl, "w") as out:
        # The concrete is half see-through so the pumps inside show, as a cut-away drawing would.
        for name, rgb, opacity in (("concrete", "0.62 0.60 0.56", 0.4), ("lid_steel", "0.30 0.32 0.35", 1.0),
                                   ("pump_blue", "0.10 0.35 0.80", 1.0), ("rising_main", "0.85 0.45 0.10", 1.0)):
            out.write(f"newmtl {name}\nKd {rgb}\nd {opacity}\n\n")
    with open(path, "w") as out:
        out.write("# pump-station chamber, Y-up, metres; written by tools/make_pump_station.py\n")
        out.write(f"mtllib {os.path.basename(mtl)}\n")
        for v in obj.vertices:
            out.write("v %.3f %.3f %.3f\n" % v)
        for name, faces in obj.groups:
            out.write(f"g {name}\nusemtl {name}\n")
            for f in faces:
                out.write("f " + " ".join(str(i) for i in f) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "pump_station.obj")
