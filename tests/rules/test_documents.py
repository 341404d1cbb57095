"""documents: every `berkas` exists inside the village, is not empty, and is a document by its content."""
from __future__ import annotations

import io
import os
import zipfile

import pypdf
from PIL import Image

from checker.documents import office
from checker.findings import Severity
from checker.rules import documents
from tests.conftest import DOCX, PDF, make_docx, make_xlsx, run_rule, triples

PPID = """
penetapan:
  nomor: 141/12/2025
  tanggal: 2025-12-01
  berkas: {ref}
"""


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


PNG = _png()


def village(make_village, ref: str, **files: bytes):
    """ppid.yaml with one berkas (line 4) and the given files under dokumen/."""
    return make_village({"ppid.yaml": PPID.format(ref=ref), **{f"dokumen/{name}": data for name, data in files.items()}})


def test_docstring_lulus_a_pdf_inside_the_village(make_village):
    root = village(make_village, "dokumen/sk-ppid.pdf", **{"sk-ppid.pdf": PDF})
    assert run_rule(root, documents) == []


def test_images_and_office_files_are_documents_too(make_village):
    root = make_village({
        "profil.yaml": "bagan: {berkas: dokumen/bagan.png}\nsarana: {foto: {berkas: dokumen/meja.docx}}\n",
        "dokumen/bagan.png": PNG, "dokumen/meja.docx": DOCX,
    })
    assert run_rule(root, documents) == []


def test_docstring_gagal_path_leaving_the_village(make_village, tmp_path):
    (tmp_path / "rahasia.pdf").write_bytes(PDF)  # exists, but outside the village folder
    findings = run_rule(village(make_village, "../rahasia.pdf"), documents)
    assert triples(findings) == [("ppid.yaml", 4, "documents")]
    finding = findings[0]
    assert (finding.obligation, finding.severity) == ("ppid.penetapan", Severity.ERROR)
    assert finding.message_id == "Berkas ../rahasia.pdf berada di luar folder desa."


def test_absolute_path_is_outside(make_village):
    assert triples(run_rule(village(make_village, "/etc/passwd"), documents)) == [("ppid.yaml", 4, "documents")]


def test_symlink_out_of_the_village_is_outside(make_village, tmp_path):
    secret = tmp_path / "rahasia.pdf"
    secret.write_bytes(PDF)
    root = village(make_village, "dokumen/sk-ppid.pdf")
    (root / "dokumen").mkdir()
    os.symlink(secret, root / "dokumen" / "sk-ppid.pdf")
    findings = run_rule(root, documents)
    assert triples(findings) == [("ppid.yaml", 4, "documents")]
    assert findings[0].message_en == "Document dokumen/sk-ppid.pdf is outside the village folder."


def test_missing_file(make_village):
    findings = run_rule(village(make_village, "dokumen/SK-PPID.pdf", **{"sk-ppid.pdf": PDF}), documents)
    assert triples(findings) == [("ppid.yaml", 4, "documents")]
    assert findings[0].message_id == "Berkas dokumen/SK-PPID.pdf tidak ditemukan."


def test_a_folder_is_not_a_document(make_village):
    root = village(make_village, "dokumen", **{"sk-ppid.pdf": PDF})
    assert triples(run_rule(root, documents)) == [("ppid.yaml", 4, "documents")]


def test_empty_file(make_village):
    findings = run_rule(village(make_village, "dokumen/sk-ppid.pdf", **{"sk-ppid.pdf": b""}), documents)
    assert triples(findings) == [("ppid.yaml", 4, "documents")]
    assert findings[0].message_id == "Berkas dokumen/sk-ppid.pdf kosong (0 bita)."


def test_html_named_pdf_is_not_a_document(make_village):
    html = b"<!DOCTYPE html><html><body>404 Not Found</body></html>\n"
    findings = run_rule(village(make_village, "dokumen/sk-ppid.pdf", **{"sk-ppid.pdf": html}), documents)
    assert triples(findings) == [("ppid.yaml", 4, "documents")]
    assert findings[0].message_id == "Berkas dokumen/sk-ppid.pdf bukan PDF, gambar atau dokumen perkantoran menurut isinya."


def test_each_reference_is_reported_where_it_is_written(make_village):
    root = make_village({
        "ppid.yaml": PPID.format(ref="dokumen/hilang.pdf"),
        "apbdes/2026.yaml": "tahun: 2026\nmurni:\n  perdes:\n    nomor: 1 Tahun 2026\n    berkas: dokumen/hilang.pdf\n",
        "pengumuman/banjir.md": "---\njudul: Banjir\nberkas: dokumen/hilang.pdf\n---\nAir naik.\n",
    })
    findings = run_rule(root, documents)
    assert triples(findings) == [
        ("apbdes/2026.yaml", 5, "documents"),
        ("pengumuman/banjir.md", 3, "documents"),
        ("ppid.yaml", 4, "documents"),
    ]
    # each counts against the obligation it is evidence of: the Perdes APB Desa, not the APB data
    assert [f.obligation for f in findings] == ["berkala.perdes_apbdes", "sertamerta.pengumuman", "ppid.penetapan"]


def test_a_missing_document_is_an_error_of_its_own_obligation_whatever_its_confidence(make_village):
    # produk_hukum.yaml as a whole answers an inferred obligation; its Perdes KIP item a quoted one.
    # A reference to nothing is a false claim either way, so both are errors (confidence softens
    # only an obligation's own absence).
    root = make_village({"produk_hukum.yaml": """
        produk_hukum:
          - jenis: perdes
            topik: kip
            berkas: dokumen/perdes-kip.pdf
          - jenis: perdes
            topik: lainnya
            berkas: dokumen/perdes-pasar.pdf
        """})
    findings = run_rule(root, documents)
    assert [(f.line, f.obligation, f.severity.label) for f in findings] == [
        (4, "kewajiban.perdes_kip", "error"), (7, "setiapsaat.peraturan_keputusan", "error")]


def test_list_item_berkas_points_at_its_line(make_village):
    produk = """
    produk_hukum:
      - {jenis: perdes, nomor: "3", berkas: dokumen/perdes-kip.pdf}
      - jenis: perdes
        nomor: "1"
        berkas: dokumen/perdes-apbdes.pdf
    """
    root = make_village({"produk_hukum.yaml": produk, "dokumen/perdes-kip.pdf": PDF})
    assert triples(run_rule(root, documents)) == [("produk_hukum.yaml", 5, "documents")]


def test_encrypted_and_corrupt_pdfs_are_reported(make_village):
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(PDF))
    writer.encrypt("rahasia")
    locked = io.BytesIO()
    writer.write(locked)
    root = make_village({
        "ppid.yaml": "formulir:\n  permohonan:\n    berkas: dokumen/a.pdf\n  keberatan:\n    berkas: dokumen/b.pdf\n",
        "dokumen/a.pdf": locked.getvalue(),
        "dokumen/b.pdf": b"%PDF-1.4\n" + b"\x00garbage" * 50,
    })
    findings = run_rule(root, documents)
    assert [(f.line, f.message_id.split(" ")[1]) for f in findings] == [(3, "dokumen/a.pdf"), (5, "dokumen/b.pdf")]
    assert "kata sandi" in findings[0].message_id and "rusak" in findings[1].message_id


def test_a_zip_that_is_no_office_document_is_not_a_document(make_village):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as opened:
        opened.writestr("setup.exe", b"MZ")
    findings = run_rule(village(make_village, "dokumen/sk.docx", **{"sk.docx": archive.getvalue()}), documents)
    assert [(f.line, f.message_en.split(" is ")[1]) for f in findings] == [(4, "not a PDF, image or office document by its content.")]


def test_office_documents_that_cannot_be_scanned_are_findings(make_village, monkeypatch):
    monkeypatch.setattr(office, "MAX_TEXT_BYTES", 50_000)
    macro = make_docx([["Isi."]], {"word/vbaProject.bin": b"\x00" * 10})
    bomb = make_docx([["Isi."]], {"word/header1.xml": "<a>" + " " * 60_000 + "</a>"})  # inflates past the limit
    dtd = make_docx([["Isi."]], {"docProps/core.xml": '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'})
    broken = DOCX[: len(DOCX) // 2]
    root = make_village({
        "dokumen.yaml": "dokumen:\n" + "".join(f"  - berkas: dokumen/{n}.docx\n" for n in ("macro", "bomb", "dtd", "broken", "fine")),
        "dokumen/macro.docx": macro, "dokumen/bomb.docx": bomb, "dokumen/dtd.docx": dtd, "dokumen/broken.docx": broken,
        "dokumen/fine.docx": DOCX,
    })
    findings = run_rule(root, documents)
    assert [(f.line, f.message_en.split(".docx ", 1)[1]) for f in findings] == [
        (2, "holds macros, which can run programs on the reader's computer."),
        (3, "is past the scanning limits (PDF 100 MB or 2,000 pages; office documents 100 MB unpacked or 2,000 parts; "
                "images 50 MB), so it cannot be "
            "checked for NIK numbers."),
        (4, "is damaged and cannot be read."),
        (5, "is damaged and cannot be read."),
    ]


def test_a_spreadsheet_is_a_document(make_village):
    root = village(make_village, "dokumen/sk.xlsx", **{"sk.xlsx": make_xlsx({"Data": [["Nama"], ["Sumiati"]]})})
    assert run_rule(root, documents) == []
