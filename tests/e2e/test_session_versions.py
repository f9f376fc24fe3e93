"""A version 1 file keeps working from the command line; only staff saving rewrites it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pypdf

from car_t_guide.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "example-1.json"


def test_exporting_a_version_1_file_prints_it_and_leaves_it_as_it_was(tmp_path):
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert document["version"] == 1
    document["plan"]["product"] = "Kymriah (tisagenlecleucel)"  # a script's unknown field in v1
    session = tmp_path / "family.json"
    session.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    os.utime(session, (1_000_000_000, 1_000_000_000))
    before = session.read_bytes()

    out = tmp_path / "summary.pdf"
    assert main(["export", str(session), "--out", str(out), "--lang", "en"]) == 0
    assert session.read_bytes() == before
    assert session.stat().st_mtime == 1_000_000_000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["family.json", "summary.pdf"]
    text = "".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    assert "Product: Kymriah (tisagenlecleucel)" in text
