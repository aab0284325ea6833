#!/usr/bin/env python3
"""Writes box_binary.fbx: a 2 x 1 x 0.5 m box (x 0..2, y 0..1 up, z 0..0.5) as binary FBX 7400.

Binary FBX written by hand because Assimp 5.2's own binary FBX exporter writes files its reader
rejects ("FBX-Tokenize ... block offset is out of range", assimp issue #4686). Layout per the
format as Blender's exporter writes it: 27-byte header, node records (end offset, property count,
property bytes, name), a 13-byte null record closing every child list and the top level.
"""
import struct
import sys


def prop(value):
    if isinstance(value, tuple) and value[0] == "L":
        return b"L" + struct.pack("<q", value[1])
    if isinstance(value, int):
        return b"I" + struct.pack("<i", value)
    if isinstance(value, float):
        return b"D" + struct.pack("<d", value)
    if isinstance(value, (str, bytes)):
        raw = value.encode() if isinstance(value, str) else value
        return b"S" + struct.pack("<I", len(raw)) + raw
    if isinstance(value, list) and all(isinstance(v, float) for v in value):
        return b"d" + struct.pack("<III", len(value), 0, 8 * len(value)) + struct.pack("<%dd" % len(value), *value)
    if isinstance(value, list):
        return b"i" + struct.pack("<III", len(value), 0, 4 * len(value)) + struct.pack("<%di" % len(value), *value)
    raise TypeError(value)


NULL_RECORD = b"\0" * 13


def node(name, props=(), children=(), offset=0):
    """Bytes of one node record starting at file offset `offset`."""
    body = b"".join(prop(p) for p in props)
    head_len = 13 + len(name)
    out = b""
    cursor = offset + head_len + len(body)
    for child in children:
        data = child(cursor)
        out += data
        cursor += len(data)
    if children:
        out += NULL_RECORD
        cursor += len(NULL_RECORD)
    return struct.pack("<IIIB", cursor, len(props), len(body), len(name)) + name.encode() + body + out


def n(name, *props, children=()):
    return lambda offset: node(name, props, children, offset)


def p70(name, kind, label, flags, *values):
    return n("P", name, kind, label, flags, *values)


def main(path):
    # 8 corners, 6 quads (the last index of each polygon is stored as -(i + 1)).
    xs, ys, zs = (0.0, 2.0), (0.0, 1.0), (0.0, 0.5)
    vertices = [c for z in zs for y in ys for x in xs for c in (x, y, z)]
    quads = [(0, 2, 3, 1), (4, 5, 7, 6), (0, 1, 5, 4), (2, 6, 7, 3), (0, 4, 6, 2), (1, 3, 7, 5)]
    indices = [i for q in quads for i in (q[0], q[1], q[2], -q[3] - 1)]
    geometry_id, model_id = 1000, 2000
    top = [
        n("FBXHeaderExtension", children=[n("FBXHeaderVersion", 1003), n("FBXVersion", 7400),
                                          n("Creator", "subterra tests/data/mesh/make_box_fbx.py")]),
        n("GlobalSettings", children=[n("Version", 1000), n("Properties70", children=[
            p70("UpAxis", "int", "Integer", "", 1), p70("UpAxisSign", "int", "Integer", "", 1),
            p70("FrontAxis", "int", "Integer", "", 2), p70("FrontAxisSign", "int", "Integer", "", 1),
            p70("CoordAxis", "int", "Integer", "", 0), p70("CoordAxisSign", "int", "Integer", "", 1),
            p70("UnitScaleFactor", "double", "Number", "", 100.0)])]),
        n("Objects", children=[
            n("Geometry", ("L", geometry_id), b"Box\x00\x01Geometry", "Mesh", children=[
                n("Vertices", vertices), n("PolygonVertexIndex", indices), n("GeometryVersion", 124)]),
            n("Model", ("L", model_id), b"Box\x00\x01Model", "Mesh", children=[n("Version", 232)])]),
        n("Connections", children=[n("C", "OO", ("L", geometry_id), ("L", model_id)),
                                   n("C", "OO", ("L", model_id), ("L", 0))]),
    ]
    data = b"Kaydara FBX Binary  \x00\x1a\x00" + struct.pack("<I", 7400)
    for record in top:
        data += record(len(data))
    data += NULL_RECORD
    with open(path, "wb") as out:
        out.write(data)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "box_binary.fbx")
