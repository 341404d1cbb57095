"""The loader: values with line marks, duplicate keys, aliases, tags, encodings, sizes."""
from __future__ import annotations

import datetime as dt
import os

from checker import loader
from checker.loader import load_village, parse_markdown, parse_yaml


def test_values_and_marks_point_at_keys_and_items():
    text = "nama: Kraton\nmisi:\n  - Satu\n  - Dua\npejabat:\n  - nama: Sugiarto\n    mulai: 2022-01-10\n"
    source, problems, _ = parse_yaml(text, "profil.yaml")
    assert problems == []
    assert source.data["pejabat"][0]["mulai"] == dt.date(2022, 1, 10)
    assert source.marks.locate(("nama",)).line == 1
    assert source.marks.locate(("misi", 1)).line == 4
    assert (source.marks.locate(("pejabat", 0, "mulai")).line, source.marks.locate(("pejabat", 0, "mulai")).col) == (7, 5)
    # a missing key resolves to its nearest existing parent
    assert source.marks.locate(("pejabat", 0, "riwayat")).line == 6


def test_duplicate_key_is_reported_with_both_lines():
    _, problems, _ = parse_yaml("nama: Kraton\nkode: x\nnama: Krai\n", "profil.yaml")
    assert [(p.key, p.line, p.params["first"]) for p in problems] == [("duplicate_key", 3, 1)]


def test_alias_is_refused_so_billion_laughs_cannot_expand():
    text = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b]\n"
    _, problems, _ = parse_yaml(text, "profil.yaml")
    assert problems and {p.key for p in problems} == {"alias"}


def test_python_tag_is_refused_with_its_line():
    _, problems, _ = parse_yaml("nama: Kraton\nx: !!python/object/apply:os.system ['true']\n", "profil.yaml")
    assert [(p.key, p.line) for p in problems] == [("tag", 2)]


def test_syntax_error_and_tab_and_multi_document():
    assert [(p.key, p.line) for p in parse_yaml("a: 1\nb: [1, 2\n", "x.yaml")[1]] == [("syntax", 3)]
    assert [p.key for p in parse_yaml("a:\n\tb: 1\n", "x.yaml")[1]] == ["tab"]
    assert [p.key for p in parse_yaml("a: 1\n---\nb: 2\n", "x.yaml")[1]] == ["multi_doc"]
    assert [p.key for p in parse_yaml("", "x.yaml")[1]] == ["empty"]
    assert [p.key for p in parse_yaml("- a\n- b\n", "x.yaml")[1]] == ["not_mapping"]


def test_markdown_front_matter_lines_count_from_the_file_start():
    source, problems, _ = parse_markdown("---\njudul: Banjir\ntanggal: 2026-11-01\n---\nIsi\n", "pengumuman/a.md")
    assert problems == []
    assert source.marks.locate(("tanggal",)).line == 3
    assert source.body == "Isi\n" and source.body_line == 5


def test_non_utf8_file_names_the_line_of_the_bad_byte(tmp_path):
    village = tmp_path / "desa"
    village.mkdir()
    (village / "profil.yaml").write_bytes("nama: Kraton\nalamat: Jl. Caf\xe9\n".encode("cp1252"))
    problems = load_village(village).problems
    assert [(p.key, p.line) for p in problems] == [("encoding", 2)]


def test_bom_and_crlf_are_fine(tmp_path):
    village = tmp_path / "desa"
    village.mkdir()
    (village / "profil.yaml").write_bytes("\ufeffnama: Kraton\r\nkode: x\r\n".encode("utf-8"))
    loaded = load_village(village)
    assert loaded.problems == () and loaded.files["profil.yaml"].data == {"nama": "Kraton", "kode": "x"}


def test_huge_file_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "MAX_BYTES", 100)
    village = tmp_path / "desa"
    village.mkdir()
    (village / "profil.yaml").write_text("a: " + "x" * 200 + "\n")
    assert [p.key for p in load_village(village).problems] == ["too_big"]


def test_documents_are_inspected_without_leaving_the_village(tmp_path):
    village = tmp_path / "desa"
    (village / "dokumen").mkdir(parents=True)
    (village / "dokumen" / "a.pdf").write_bytes(b"%PDF-1.4 x")
    (village / "dokumen" / "b.pdf").write_bytes(b"MZ\x90\x00 executable")
    (tmp_path / "secret.pdf").write_bytes(b"%PDF-1.4 secret")
    (village / "dokumen" / "link.pdf").symlink_to(tmp_path / "secret.pdf")
    (village / "profil.yaml").write_text(
        "a: {berkas: dokumen/a.pdf}\nb: {berkas: dokumen/b.pdf}\nc: {berkas: ../secret.pdf}\n"
        "d: {berkas: dokumen/link.pdf}\ne: {berkas: /etc/passwd}\nf: {berkas: dokumen/none.pdf}\n"
    )
    docs = load_village(village).documents
    assert (docs["dokumen/a.pdf"].exists, docs["dokumen/a.pdf"].kind) == (True, "pdf")
    assert (docs["dokumen/b.pdf"].exists, docs["dokumen/b.pdf"].kind) == (True, "")
    assert not docs["../secret.pdf"].inside and not docs["dokumen/link.pdf"].inside and not docs["/etc/passwd"].inside
    assert docs["dokumen/none.pdf"].inside and not docs["dokumen/none.pdf"].exists


def test_find_villages_accepts_one_village_or_a_folder_of_them(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "profil.yaml").write_text("nama: A\n")
    (tmp_path / "b").mkdir()
    assert loader.find_villages(tmp_path / "a") == [tmp_path / "a"]
    assert loader.find_villages(tmp_path) == [tmp_path / "a", tmp_path / "b"]


def test_markdown_markup_that_runs_script_is_found_at_its_line_and_plain_html_is_not():
    text = ("---\njudul: Banjir\n---\nSumber data: BPS, <b>tebal</b><br> dan <https://bpbd.example>.\n"
            "Surel <pemdes@example.org>, [peta](https://peta.example \"Peta\").\n"
            "<a title=\"data: 2026\" href=\"https://x.example\">ok</a>\n"
            "<svg onload=alert(1)>\n[x]: JaVaScRiPt:alert(1)\n![a](<data:image/png;base64,AAAA>)\n")
    _, problems, _ = parse_markdown(text, "pengumuman/a.md")
    assert [(p.key, p.line, p.col, p.params) for p in problems] == [
        ("html_tag", 7, 1, {"tag": "svg"}), ("html_event", 7, 6, {"attr": "onload"}),
        ("url_scheme", 8, 6, {"scheme": "javascript"}), ("url_scheme", 9, 7, {"scheme": "data"})]


def test_a_fifo_or_device_is_never_opened(tmp_path):
    village = tmp_path / "desa"
    village.mkdir()
    os.mkfifo(village / "profil.yaml")
    (village / "ppid.yaml").write_text("dokumen: {berkas: dokumen/pipa.pdf}\n")
    (village / "dokumen").mkdir()
    os.mkfifo(village / "dokumen" / "pipa.pdf")
    loaded = load_village(village)  # would block forever on open or read
    assert [(p.file, p.key) for p in loaded.problems] == [("profil.yaml", "special")]
    assert not loaded.documents["dokumen/pipa.pdf"].exists
