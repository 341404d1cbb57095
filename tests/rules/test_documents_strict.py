"""References are judged strictly: a `berkas` that is not a safe, real document of the village is an
error (exit 1) at its line, even where it serves an `inferred` obligation, and is never published;
a document's name must agree with its content."""
from __future__ import annotations

import io
import json
import os

import pytest
from PIL import Image

from checker.cli.main import main
from checker.loader import load_village
from tests.conftest import DEMO_AS_OF, publishable

LINE = 78  # dokumen.yaml: the berkas of the SOP (an `inferred` obligation) in the demo village Kraton
REF = "dokumen/sop-pelayanan.pdf"


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


def _check(root, capsys) -> tuple[int, list[dict]]:
    code = main(["check", str(root), "--as-of", DEMO_AS_OF.isoformat(), "--format", "json", "--lang", "en",
                 "--jobs", "1", "--no-cache"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    report = json.loads(out)
    return code, [f for village in report["villages"] for f in village["findings"]]


def _refer(root, ref: str) -> None:
    listing = root / "dokumen.yaml"
    text = listing.read_text(encoding="utf-8")
    assert f"berkas: {REF}\n" in text.splitlines(keepends=True)[LINE - 1]
    listing.write_text(text.replace(f"berkas: {REF}\n", f"berkas: '{ref}'\n", 1), encoding="utf-8")


def test_the_demo_village_passes_as_it_is(demo_village, capsys):
    code, findings = _check(demo_village("kraton"), capsys)
    assert (code, [f for f in findings if f["rule"] == "documents"]) == (0, [])


def _outside_link(root) -> str:
    secret = root.parent / "rahasia.pdf"
    secret.write_bytes((root / REF).read_bytes())
    os.symlink(secret, root / "dokumen" / "tautan.pdf")
    return "dokumen/tautan.pdf"


def _html_named_pdf(root) -> str:
    (root / "dokumen" / "halaman.pdf").write_text("<html><script>alert(1)</script></html>", encoding="utf-8")
    return "dokumen/halaman.pdf"


def _svg(root) -> str:
    (root / "dokumen" / "bagan.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
                                                 encoding="utf-8")
    return "dokumen/bagan.svg"


def _png_named(suffix: str):
    def make(root) -> str:
        (root / "dokumen" / f"foto{suffix}").write_bytes(_png())
        return f"dokumen/foto{suffix}"
    make.__name__ = f"_png_named_{suffix.strip('.')}"
    return make


def _pdf_named_png(root) -> str:
    (root / "dokumen" / "sop.png").write_bytes((root / REF).read_bytes())
    return "dokumen/sop.png"


def _backslash(root) -> str:
    return REF.replace("/", "\\")


CASES = [
    (lambda root: "dokumen/tidak-ada.pdf", "was not found"),
    (lambda root: "../../etc/passwd", "outside the village"),
    (_outside_link, "outside the village"),
    (_backslash, "backslashes"),
    (lambda root: "https://desa.example/sop.pdf", "web address"),
    (_html_named_pdf, "not a PDF, image or office document"),
    (_svg, "not a PDF, image or office document"),
    (_png_named(".html"), "holds gambar PNG"),
    (_png_named(".svg"), "holds gambar PNG"),
    (_png_named(".xhtml"), "holds gambar PNG"),
    (_png_named(".js"), "holds gambar PNG"),
    (_pdf_named_png, "holds PDF"),
]


@pytest.mark.parametrize(("make", "says"), CASES, ids=[says.split()[-1] + str(n) for n, (_, says) in enumerate(CASES)])
def test_a_bad_reference_is_an_error_at_its_line_whatever_the_obligation(demo_village, capsys, make, says):
    root = demo_village("kraton")
    ref = make(root)
    _refer(root, ref)
    code, findings = _check(root, capsys)
    located = [(f["file"], f["line"], f["severity"]) for f in findings if f["rule"] == "documents"]
    assert code == 1
    assert located == [("dokumen.yaml", LINE, "error")]
    assert says in next(f["message"] for f in findings if f["rule"] == "documents")
    assert ref not in publishable(load_village(root))


def test_a_png_named_jpg_is_refused_but_named_png_it_passes(make_village):
    from checker.rules import documents
    from tests.conftest import run_rule

    listing = "ppid.yaml"
    yaml = "penetapan:\n  nomor: 141/12/2025\n  tanggal: 2025-12-01\n  berkas: dokumen/{name}\n"
    wrong = make_village({listing: yaml.format(name="bagan.jpg"), "dokumen/bagan.jpg": _png()})
    right = make_village({listing: yaml.format(name="bagan.PNG"), "dokumen/bagan.PNG": _png()}, slug="lain")
    assert [(f.line, f.message_en.split(",")[0]) for f in run_rule(wrong, documents)] == [
        (4, "Document dokumen/bagan.jpg holds gambar PNG")]
    assert run_rule(right, documents) == []


def test_a_backslashed_reference_builds_the_site_without_it(demo_village, tmp_path, capsys):
    """Once this crashed `slip build` for every village; now the document is simply not published."""
    root = demo_village("kraton")
    _refer(root, _backslash(root))
    out = tmp_path / "situs"
    code = main(["build", str(root.parent), "--output", str(out), "--as-of", DEMO_AS_OF.isoformat(), "--jobs", "1",
                 "--no-cache"])
    _, err = capsys.readouterr()
    assert code == 0 and "Traceback" not in err
    assert (out / "kraton" / "index.html").is_file()
    assert not [path for path in out.rglob("*") if "\\" in path.name]
    assert _backslash(root) not in publishable(load_village(root))  # (dip.yaml's own dokumen/ reference still is)
