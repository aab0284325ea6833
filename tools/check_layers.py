#!/usr/bin/env python3
"""Checks the source tree's layering (README, "Architecture"); exit 1 with one line per breach.

- Every `#include "x.h"` points down: to the same folder or to a folder of a lower layer.
- No include cycle between files (a unit is x.h with x.cpp): every cycle is printed.
- The OSG-free layers (importers, document, analysis) and their tests (tests/core) include no
  OpenSceneGraph or GL header, and nothing below the viewer includes Dear ImGui or GLFW.
- Header names are unique across the layers (includes are by bare name).

Usage: tools/check_layers.py [SOURCE_ROOT]   (default: the repository this script is in)
"""
import os
import re
import sys

# Lower number = lower layer. Folders of one rank are independent: neither may include the other.
LAYERS = {
    "importers": 0,
    "core/document": 1,
    "core/analysis": 2,
    "core/scene": 3,
    "core/view": 4,
    "core/overlay": 5,
    "core/output": 5,
    "core/animate": 6,
    "core/session": 7,
    "viewer": 8,
    "app": 9,
    # The OSG-free layers' tests: they may use those layers and nothing above.
    "tests/core": 2.5,
}
OSG_FREE = {"importers", "core/document", "core/analysis", "tests/core"}
UI_FREE = OSG_FREE | {"core/scene", "core/view", "core/overlay", "core/output", "core/animate", "core/session"}
OSG_OR_GL = re.compile(r"#\s*include\s*<(osg\w*/|OpenThreads/|GL/|EGL/|GLES)")
UI = re.compile(r"#\s*include\s*<(imgui|backends/imgui|GLFW/)")
LOCAL = re.compile(r'#\s*include\s*"([^"]+)"')


def source_files(root, folder):
    path = os.path.join(root, folder)
    for name in sorted(os.listdir(path)):
        if name.endswith((".h", ".cpp")):
            yield os.path.join(folder, name)


def find_cycles(edges):
    """Strongly connected components of more than one unit (Tarjan, iterative)."""
    index, low, on_stack, stack, cycles = {}, {}, set(), [], []
    counter = 0
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    cycles.append(sorted(component))
    return cycles


def check(root):
    problems = []
    header_folder = {}  # "x.h" -> folder
    files = []
    for folder in LAYERS:
        for path in source_files(root, folder):
            files.append((folder, path))
            name = os.path.basename(path)
            if name.endswith(".h"):
                if name in header_folder:
                    problems.append(f"{path}: header name also used in {header_folder[name]}/ (includes are by bare name)")
                header_folder[name] = folder

    edges = {}
    for folder, path in files:
        unit = os.path.splitext(path)[0]
        edges.setdefault(unit, set())
        with open(os.path.join(root, path), encoding="utf-8") as text:
            for number, line in enumerate(text, 1):
                where = f"{path}:{number}"
                if folder in OSG_FREE and OSG_OR_GL.match(line.strip()):
                    problems.append(f"{where}: {folder}/ is OSG-free but includes {line.strip()[9:]}")
                if folder in UI_FREE and UI.match(line.strip()):
                    problems.append(f"{where}: {folder}/ is UI-free but includes {line.strip()[9:]}")
                match = LOCAL.match(line.strip())
                if not match:
                    continue
                name = os.path.basename(match.group(1))
                target = header_folder.get(name)
                if target is None:
                    continue  # generated or outside the layers (embedded shaders, tests)
                target_unit = os.path.join(target, os.path.splitext(name)[0])
                if target_unit != unit:
                    edges[unit].add(target_unit)
                if target != folder and LAYERS[target] >= LAYERS[folder]:
                    problems.append(f"{where}: {folder}/ includes {name} from {target}/, which is not below it")

    for cycle in find_cycles(edges):
        problems.append("include cycle between " + ", ".join(cycle))
    return problems


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    problems = check(root)
    for problem in problems:
        print(problem)
    if problems:
        print(f"check_layers: {len(problems)} problem(s)")
        return 1
    print(f"check_layers: {len(LAYERS)} layers, no upward include, no include cycle")
    return 0


if __name__ == "__main__":
    sys.exit(main())
