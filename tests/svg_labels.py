"""Read an exported SVG's text elements with where they sit, to check that a chart's labels survive export.

Text boxes are estimated from the font size and the number of characters (an SVG file holds no glyph
metrics), so the checks leave some slack: they catch labels cut off at the edge and labels drawn over
each other, not a pixel's difference.
"""
from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

SVG = "{http://www.w3.org/2000/svg}"
_NUM = r"-?\d+(?:\.\d+)?(?:e-?\d+)?"
CHAR_WIDTH = 0.5  # average advance of a sans-serif character, in em


@dataclass
class Label:
    text: str
    corners: list[tuple[float, float]]  # the text's box (rotated with it) in the SVG's coordinates

    @property
    def box(self) -> tuple[float, float, float, float]:
        xs, ys = [c[0] for c in self.corners], [c[1] for c in self.corners]
        return min(xs), min(ys), max(xs), max(ys)


def _transform(spec: str | None, x: float, y: float) -> tuple[float, float]:
    """Apply an SVG transform attribute (translate/rotate/scale, applied right to left) to a point."""
    for op, args in reversed(re.findall(r"(translate|rotate|scale)\(([^)]*)\)", spec or "")):
        a = [float(v) for v in re.findall(_NUM, args)]
        if op == "translate":
            x, y = x + a[0], y + (a[1] if len(a) > 1 else 0)
        elif op == "scale":
            x, y = x * a[0], y * (a[1] if len(a) > 1 else a[0])
        else:
            angle = math.radians(a[0])
            cx, cy = (a[1], a[2]) if len(a) == 3 else (0.0, 0.0)
            dx, dy = x - cx, y - cy
            x, y = cx + dx * math.cos(angle) - dy * math.sin(angle), cy + dx * math.sin(angle) + dy * math.cos(angle)
    return x, y


def _font_size(el) -> float:
    m = re.search(r"font-size:\s*([\d.]+)px", el.get("style", "")) or re.search(r"([\d.]+)", el.get("font-size", ""))
    return float(m.group(1)) if m else 12.0


def _length(value: str | None, size: float) -> float:
    """An SVG length (px or em) in px."""
    m = re.match(rf"\s*({_NUM})\s*(em)?", value or "")
    return 0.0 if not m else float(m.group(1)) * (size if m.group(2) else 1.0)


def labels(svg: str | bytes) -> tuple[list[Label], float, float]:
    """Every non-empty text element with its estimated box, and the SVG's width and height."""
    root = ET.fromstring(svg)
    width, height = (_length(root.get(k), 1) for k in ("width", "height"))
    out: list[Label] = []

    def walk(el, chain: list[str]):
        chain = chain + [el.get("transform") or ""]
        if el.tag == SVG + "text":
            text = "".join(el.itertext()).strip()
            if text:
                out.append(_label(el, text, chain))
            return
        for child in el:
            walk(child, chain)

    walk(root, [])
    return out, width, height


def _label(el, text: str, chain: list[str]) -> Label:
    size = _font_size(el)
    w = CHAR_WIDTH * size * len(text)
    x = _length(el.get("x"), size) + _length(el.get("dx"), size)
    y = _length(el.get("y"), size) + _length(el.get("dy"), size)
    styled = re.search(r"text-anchor:\s*(\w+)", el.get("style") or "")
    anchor = el.get("text-anchor") or (styled.group(1) if styled else "start")
    x0 = x - w if anchor == "end" else x - w / 2 if anchor == "middle" else x
    top, bottom = y - 0.75 * size, y + 0.2 * size  # the baseline is at y
    corners = [(x0, top), (x0 + w, top), (x0 + w, bottom), (x0, bottom)]
    for spec in reversed(chain):
        corners = [_transform(spec, cx, cy) for cx, cy in corners]
    return Label(text, corners)


def outside(svg: str | bytes, slack: float = 3.0) -> list[Label]:
    """Labels that reach past the edge of the image (and so are cut off in a PNG of it)."""
    found, width, height = labels(svg)
    return [lb for lb in found if lb.box[0] < -slack or lb.box[1] < -slack or lb.box[2] > width + slack
            or lb.box[3] > height + slack]


def _shrunk(corners, by: float):
    cx, cy = sum(c[0] for c in corners) / 4, sum(c[1] for c in corners) / 4
    return [(cx + (x - cx) * (1 - by), cy + (y - cy) * (1 - by)) for x, y in corners]


def _separated(a, b) -> bool:
    """Two convex quadrilaterals do not meet (separating axis test over both shapes' edges)."""
    for shape in (a, b):
        for i in range(4):
            (x1, y1), (x2, y2) = shape[i], shape[(i + 1) % 4]
            nx, ny = y2 - y1, x1 - x2
            pa = [nx * x + ny * y for x, y in a]
            pb = [nx * x + ny * y for x, y in b]
            if max(pa) < min(pb) or max(pb) < min(pa):
                return True
    return False


def overlapping(svg: str | bytes, shrink: float = 0.2) -> list[tuple[str, str]]:
    """Pairs of labels drawn over each other (boxes shrunk by `shrink`, as their widths are estimates)."""
    found, _, _ = labels(svg)
    boxes = [(lb.text, _shrunk(lb.corners, shrink)) for lb in found]
    return [(a, b) for i, (a, qa) in enumerate(boxes) for b, qb in boxes[i + 1:] if not _separated(qa, qb)]
