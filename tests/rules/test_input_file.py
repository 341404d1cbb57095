"""input-file: unreadable village files are fatal findings at their line; duplicate keys are errors."""
from __future__ import annotations

import os

from checker.findings import Severity
from checker.rules import input_file
from tests.conftest import run_rule, triples


def test_docstring_lulus_a_plain_mapping_is_readable(make_village):
    root = make_village({"profil.yaml": "nama: Kraton\n"})
    assert run_rule(root, input_file) == []


def test_docstring_gagal_duplicate_key_is_an_error_on_the_second_key(make_village):
    root = make_village({"profil.yaml": "nama: Kraton\nnama: Krai\n"})
    findings = run_rule(root, input_file)
    assert triples(findings) == [("profil.yaml", 2, "input-file")]
    # Not fatal: the file is still usable, but the first value is lost.
    assert findings[0].severity is Severity.ERROR
    assert findings[0].obligation == "berkala.profil.alamat"  # profil.yaml's obligation
    assert "pertama di baris 1" in findings[0].message_id
    assert "first on line 1" in findings[0].message_en


def test_broken_yaml_is_fatal_at_the_line_of_the_mistake(make_village):
    root = make_village({"profil.yaml": "nama: Kraton\n  alamat: Jl. Raya\n"})
    findings = run_rule(root, input_file)
    assert triples(findings) == [("profil.yaml", 2, "input-file")]
    assert findings[0].severity is Severity.FATAL
    assert findings[0].message_id.startswith("YAML tidak sah: ada titik dua diikuti spasi")
    assert "(mapping values are not allowed" in findings[0].message_id  # the parser's words, for the IT officer
    assert "tanda kutip" in findings[0].hint_id and "quotes" in findings[0].hint_en


def test_tab_indentation_is_fatal_with_its_own_hint(make_village):
    root = make_village({"profil.yaml": "nama: Kraton\nmisi:\n\t- Satu\n"})
    findings = run_rule(root, input_file)
    assert triples(findings) == [("profil.yaml", 3, "input-file")]
    assert findings[0].severity is Severity.FATAL
    assert "tab" in findings[0].message_id and "spasi" in findings[0].hint_id


def test_non_utf8_file_is_fatal_at_the_line_of_the_bad_byte(make_village):
    root = make_village({"profil.yaml": "nama: Kraton\nalamat: Jl. Caf\xe9\n".encode("cp1252")})
    findings = run_rule(root, input_file)
    assert triples(findings) == [("profil.yaml", 2, "input-file")]
    assert findings[0].severity is Severity.FATAL
    assert "0xE9" in findings[0].message_id


def test_second_yaml_document_is_fatal(make_village):
    root = make_village({"dip.yaml": "diterbitkan: 2026-01-05\n---\ndiperbarui: 2026-11-01\n"})
    findings = run_rule(root, input_file)
    assert [(f.file, f.rule, f.severity) for f in findings] == [("dip.yaml", "input-file", Severity.FATAL)]
    assert findings[0].obligation == "kewajiban.dip_ditetapkan"


def test_python_tag_is_fatal_on_its_line_and_an_alias_on_its_own_line(make_village):
    root = make_village({
        "program.yaml": "nama: x\nperintah: !!python/object/apply:os.system ['true']\n",
        "ppid.yaml": "maklumat: &m Siap melayani\njam_layanan: *m\n",
    })
    findings = run_rule(root, input_file)
    # The alias *m is reported where it is written (line 2), not where its anchor &m is.
    assert triples(findings) == [("ppid.yaml", 2, "input-file"), ("program.yaml", 2, "input-file")]
    assert {f.severity for f in findings} == {Severity.FATAL}
    assert findings[1].message_id == "Tag YAML tag:yaml.org,2002:python/object/apply:os.system tidak diizinkan."


def test_a_list_at_the_top_is_fatal(make_village):
    root = make_village({"profil.yaml": "- nama: Kraton\n"})
    findings = run_rule(root, input_file)
    assert triples(findings) == [("profil.yaml", 1, "input-file")]
    assert findings[0].severity is Severity.FATAL


def test_empty_file_is_an_error_not_fatal(make_village):
    root = make_village({"ppid.yaml": ""})
    findings = run_rule(root, input_file)
    assert triples(findings) == [("ppid.yaml", 1, "input-file")]
    assert findings[0].severity is Severity.ERROR
    assert findings[0].obligation == "ppid.penetapan"


def test_front_matter_not_closed_is_fatal_on_line_1(make_village):
    root = make_village({"pengumuman/banjir.md": "---\njudul: Banjir\n\nAir naik.\n"})
    findings = run_rule(root, input_file)
    assert triples(findings) == [("pengumuman/banjir.md", 1, "input-file")]
    assert findings[0].severity is Severity.FATAL


def test_broken_front_matter_counts_lines_from_the_top_of_the_markdown_file(make_village):
    root = make_village({"pengumuman/banjir.md": "---\njudul: Banjir\n  tanggal: 2026-11-01\n---\nAir naik.\n"})
    assert triples(run_rule(root, input_file)) == [("pengumuman/banjir.md", 3, "input-file")]


def test_markdown_without_front_matter_is_fine(make_village):
    root = make_village({"halaman/sejarah.md": "# Sejarah\n\nDesa ini berdiri ...\n"})
    assert run_rule(root, input_file) == []


def test_symlink_out_of_the_village_is_fatal(make_village, tmp_path):
    secret = tmp_path / "rahasia.yaml"
    secret.write_text("nama: rahasia\n")
    root = make_village({"profil.yaml": "nama: Kraton\n"})
    os.symlink(secret, root / "ppid.yaml")
    findings = run_rule(root, input_file)
    assert triples(findings) == [("ppid.yaml", 1, "input-file")]
    assert findings[0].severity is Severity.FATAL


def test_a_date_that_does_not_exist_is_left_to_the_schema(make_village):
    # 2025-02-31 looks like a YAML date but is not one; the file is still readable
    root = make_village({"program.yaml": "diterbitkan: 2025-02-31\n"})
    assert run_rule(root, input_file) == []
