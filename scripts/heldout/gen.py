#!/usr/bin/env python3
"""Invented minutes (held-out check): each document is written from blocks, with its truth beside it.
Names, bodies and layouts are invented; none is taken from the shared corpus."""
import json, sys, os
from reportlab.lib.pagesizes import A4, letter
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib import colors

OUT = os.environ.get("HELDOUT_OUT") or os.path.dirname(os.path.abspath(__file__))
body = ParagraphStyle("b", fontName="Helvetica", fontSize=10.5, leading=13.5, spaceAfter=5)
bold = ParagraphStyle("h", parent=body, fontName="Helvetica-Bold", spaceBefore=6)
big = ParagraphStyle("t", parent=body, fontName="Helvetica-Bold", fontSize=15, leading=19, alignment=1)
centre = ParagraphStyle("c", parent=body, alignment=1)
cell = ParagraphStyle("cell", parent=body, fontSize=9.5, leading=11.5, spaceAfter=0)

def build(name, blocks, truth, size=A4):
    story = []
    for b in blocks:
        kind, rest = b[0], b[1:]
        if kind == "T": story.append(Paragraph(rest[0], big))
        elif kind == "C": story.append(Paragraph(rest[0], centre))
        elif kind == "H": story.append(Paragraph(rest[0], bold))
        elif kind == "P": story.append(Paragraph(rest[0], body))
        elif kind == "S": story.append(Spacer(1, rest[0]))
        elif kind == "G":
            rows = [[Paragraph(c, cell) for c in r] for r in rest[0]]
            t = Table(rows, colWidths=rest[1], repeatRows=1)
            style = [("VALIGN", (0, 0), (-1, -1), "TOP")]
            if len(rest) < 3 or rest[2]: style += [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
            t.setStyle(TableStyle(style)); story.append(t)
    SimpleDocTemplate(os.path.join(OUT, name + ".pdf"), pagesize=size,
                      leftMargin=60, rightMargin=60, topMargin=55, bottomMargin=55,
                      title="", author="").build(story)
    with open(os.path.join(OUT, name + ".truth.json"), "w") as f:
        json.dump(truth, f, indent=1, ensure_ascii=False)

def P(name, role=None, initials=None): return {"name": name, "role": role, "initials": initials}
def A(desc, owners, item=None, due=None, ref=None): return {"ref": ref, "item": item, "description": desc, "owners": owners, "due": due, "status": None}
def M(item, text, mover, seconder, result, f=None, a=None, ab=None):
    m = {"item": item, "text": text, "mover": mover, "seconder": seconder, "result": result}
    if f is not None: m["for"] = f
    if a is not None: m["against"] = a
    if ab is not None: m["abstain"] = ab
    return m
