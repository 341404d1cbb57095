"""checker.publication: the one verdict on which documents a site may publish, one exclusion a case (each reason on its own)."""
from __future__ import annotations

import json

from checker.loader import load_village
from checker.publication import plain_reference as plain
from checker.publication import published as verdict
from tests.conftest import PDF, make_pdf

NIK = "3508074506870003"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def _village(make_village, tmp_path, refs: list[str], files: dict[str, bytes], exempt: str = ""):
    rows = [{"judul": f"Dokumen {i}", "berkas": ref} for i, ref in enumerate(refs)]
    dip = {"informasi": [{"judul": "Rahasia", "kategori": "dikecualikan", "berkas": exempt}]} if exempt else {}
    root = make_village({"profil.yaml": "nama: Desa\n", "dokumen.yaml": json.dumps({"dokumen": rows}),
                         "dip.yaml": json.dumps(dip) if dip else "informasi: []\n", **files})
    return {ref for ref, _ in verdict(load_village(root))}, root


def test_only_a_plain_readable_document_without_nik_is_published(make_village, tmp_path):
    (tmp_path / "outside.pdf").write_bytes(PDF)
    files = {"dokumen/ok.pdf": PDF, "dokumen/kosong.pdf": b"", "dokumen/teks.pdf": b"bukan dokumen",
             "dokumen/nik.pdf": make_pdf("Daftar", [f"NIK {NIK}"]), f"dokumen/ktp-{NIK}.pdf": PDF,
             "dokumen/rahasia.pdf": PDF, "dokumen/x.pdf": PDF, "dokumen/a\nb.pdf": PDF, "dokumen/halaman.html": PNG,
             "dokumen/gambar.svg": PNG, "dokumen/folder/isi.pdf": PDF}
    refs = ["dokumen/ok.pdf", "dokumen/hilang.pdf", "dokumen/kosong.pdf", "dokumen/teks.pdf", "dokumen/nik.pdf",
            f"dokumen/ktp-{NIK}.pdf", "dokumen/rahasia.pdf", "dokumen\\x.pdf", "dokumen/a\nb.pdf",
            "dokumen/halaman.html", "dokumen/gambar.svg", "dokumen/folder", "dokumen/luar.pdf", "dokumen/./x.pdf"]
    root = tmp_path / "desa"
    root.mkdir()
    (root / "dokumen").mkdir()
    (root / "dokumen" / "luar.pdf").symlink_to(tmp_path / "outside.pdf")
    published, _ = _village(make_village, tmp_path, refs, files, exempt="dokumen/rahasia.pdf")
    assert published == {"dokumen/ok.pdf"}


def test_the_verdict_names_the_bytes_that_were_checked(make_village, tmp_path):
    import hashlib
    root = make_village({"profil.yaml": "nama: Desa\n", "dokumen.yaml": "dokumen:\n- berkas: dokumen/ok.pdf\n",
                         "dokumen/ok.pdf": PDF})
    assert verdict(load_village(root)) == (("dokumen/ok.pdf", hashlib.sha256(PDF).hexdigest()),)


def test_plain_references():
    assert plain("dokumen/perdes-2026.pdf") and plain("lampiran/foto desa.jpg")
    for ref in ("dokumen\\nama.pdf", "dokumen/a\nb.pdf", "dokumen/\u200bx.pdf", "/etc/x.pdf", "../x.pdf", "dokumen//x.pdf",
                "dokumen/", "https://x.id/a.pdf", "dokumen/a.HTML", "dokumen/a.js", ""):
        assert not plain(ref), ref
