"""`slip new`: a village from its official code, whose every blank the checker reports as a gap."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from checker import engine, paths, scaffold
from checker.catalogue import load_catalogue
from checker.cli.main import main
from checker.context import Context
from checker.findings import Severity
from checker.loader import load_village

TODAY = dt.date(2026, 11, 28)
CATALOGUE = load_catalogue()


@pytest.fixture(scope="module")
def kraton(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("villages")
    assert main(["new", "35.08.07.2002", "--dir", str(folder), "--as-of", TODAY.isoformat()]) == 0
    return folder / "kraton"


@pytest.fixture(scope="module")
def result(kraton: Path):
    return engine.check(load_village(kraton), CATALOGUE, as_of=TODAY)


def test_a_desa_code_gives_a_folder_with_every_file_of_the_standard(kraton: Path, capsys):
    names = sorted(str(p.relative_to(kraton)) for p in kraton.rglob("*") if p.is_file())
    assert names == ["apbdes/2026.yaml", "dip.yaml", "dokumen.yaml", "dokumen/.gitkeep", "layanan.yaml",
                     "pengumuman/.gitkeep", "ppid.yaml", "produk_hukum.yaml", "profil.yaml", "program.yaml"]
    profil = yaml.safe_load((kraton / "profil.yaml").read_text(encoding="utf-8"))
    assert (profil["kode_wilayah"], profil["nama"], profil["kecamatan"], profil["kabupaten"], profil["provinsi"]) == (
        "35.08.07.2002", "Kraton", "Yosowilangun", "Lumajang", "Jawa Timur")
    assert profil["diterbitkan"] == profil["diperbarui"] == TODAY


def test_every_field_is_commented_in_indonesian(kraton: Path):
    key = re.compile(r"^\s*(?:- )?([a-z_]+):")
    for path in sorted(kraton.rglob("*.yaml")):
        seen: set[str] = set()
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            match = key.match(line)
            if match and match.group(1) not in seen:
                seen.add(match.group(1))  # the first time a key appears, a comment says what it holds
                assert "#" in line or lines[number - 1].strip().startswith("#"), f"{path.name}:{number + 1}: {line}"
    biaya = next(row for row in (kraton / "ppid.yaml").read_text(encoding="utf-8").splitlines() if row.startswith("biaya:"))
    assert "UU 14/2008 Pasal 21" in biaya


def test_the_scaffold_is_not_compliant_and_nothing_in_it_is_fatal(result):
    assert result.exit_code() == 1
    assert not [f for f in result.findings if f.severity is Severity.FATAL]
    assert not [f for f in result.findings if f.rule in ("kode-wilayah", "village-folder", "input-file", "documents")]


def test_every_obligation_with_evidence_is_reported_as_a_gap(kraton: Path, result):
    village = load_village(kraton)
    reported = {f.obligation for f in result.findings}
    expected = {o.id for o in CATALOGUE.obligations.values() if o.evidence and evidence_applies(village, o)}
    # The DIP is dated the day staff create it, so it is current: its gap is kewajiban.dip_ditetapkan.
    assert expected - reported == {"kewajiban.dip_mutakhir"}
    assert "kewajiban.dip_ditetapkan" in reported


def evidence_applies(village, obligation) -> bool:
    from checker import evidence

    return evidence.applies(village, obligation)


def test_every_blank_value_is_reported_on_its_own_line(kraton: Path, result):
    village = load_village(kraton)
    lines = {(f.file, f.line) for f in result.findings}
    blanks = []
    for name, source in village.files.items():
        for path, value in _leaves(source.data):
            if value is None or value == []:
                blanks.append((name, source.marks.locate(path).line, ".".join(map(str, path))))
    assert blanks, "the scaffold has blanks to fill"
    assert [b for b in blanks if (b[0], b[1]) not in lines] == []


def _leaves(data, path=()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, path + (key,))
    elif isinstance(data, list) and data:
        for index, value in enumerate(data):
            yield from _leaves(value, path + (index,))
    else:
        yield path, data


def test_the_apbdes_skeleton_adds_up_and_holds_the_standard_codes(kraton: Path, result):
    sums = [f for f in result.findings if f.rule == "apbdes-arithmetic" and "sumber_dana" not in f.message_id]
    assert sums == []
    data = yaml.safe_load((kraton / "apbdes" / "2026.yaml").read_text(encoding="utf-8"))
    murni = data["murni"]
    assert [row["kode"] for row in murni["belanja"]] == ["1", "2", "3", "4", "5"]
    assert [row["kode"] for row in murni["belanja_jenis"]] == ["5", "5.1", "5.2", "5.3", "5.4"]
    assert [row["kode"] for row in murni["pembiayaan"]] == ["6.1", "6.1.1", "6.2"]
    assert {"4", "4.1", "4.2", "4.2.1", "4.2.3", "4.3"} <= {row["kode"] for row in murni["pendapatan"]}
    assert set(murni["jumlah"].values()) == {0} and data["tahun"] == 2026


def test_report_years_follow_the_reference_date(kraton: Path):
    context = Context(TODAY, CATALOGUE)
    dokumen = yaml.safe_load((kraton / "dokumen.yaml").read_text(encoding="utf-8"))
    lppd = next(d for d in dokumen["dokumen"] if d["jenis"] == "lppd_akhir_tahun")
    assert lppd["tahun"] == context.report_year("04-01") == 2025


@pytest.mark.parametrize("kode, name", [("11.01.02.2018", "Pasi Kuala Ba'u"), ("11.07.06.2022", "Pulo Lon / Pulo Dayah"),
                                        ("3508072002", "Kraton")])
def test_names_that_need_quoting_and_codes_without_dots(tmp_path: Path, kode: str, name: str):
    assert main(["new", kode, "--dir", str(tmp_path), "--as-of", "2026-11-28"]) == 0
    (village,) = tmp_path.iterdir()
    assert village.name == scaffold.slugify(name)
    loaded = load_village(village)
    assert loaded.problems == ()
    assert loaded.data("profil.yaml")["nama"] == name
    assert paths.get(loaded.data("ppid.yaml"), ("formulir", "permohonan", "judul")).endswith(f"Desa {name}")
    result = engine.check(loaded, CATALOGUE, as_of=TODAY)
    assert not [f for f in result.findings if f.rule == "kode-wilayah"]


@pytest.mark.parametrize("kode, lang, message", [
    ("35.08.10.1003", "id", "slip new: 35.08.10.1003 adalah kelurahan Citrodiwangsan, bukan desa: SLIP Desa hanya berlaku bagi desa"),
    ("35.08.10.1003", "en", "slip new: 35.08.10.1003 is the kelurahan Citrodiwangsan, not a desa: SLIP Desa applies to desa only"),
    ("35.08.07.2999", "id", "slip new: kode 35.08.07.2999 tidak ada dalam data kode wilayah Kemendagri (Kepmendagri 300.2.2-2138/2025)"),
    ("35.08.07", "id", "slip new: '35.08.07' bukan kode desa; tulis PP.KK.CC.DDDD, misalnya 35.08.07.2002"),
    ("kraton", "en", "slip new: 'kraton' is not a desa code; write PP.KK.CC.DDDD, e.g. 35.08.07.2002"),
])
def test_codes_that_are_not_a_desa_are_refused_in_one_line(tmp_path: Path, capsys, kode: str, lang: str, message: str):
    assert main(["new", kode, "--dir", str(tmp_path), "--lang", lang]) == 2
    assert capsys.readouterr().err == message + "\n"
    assert list(tmp_path.iterdir()) == []


def test_an_existing_folder_or_code_is_refused_and_left_untouched(tmp_path: Path, capsys):
    (tmp_path / "kraton").mkdir()
    (tmp_path / "kraton" / "catatan.txt").write_text("punya staf", encoding="utf-8")
    assert main(["new", "35.08.07.2002", "--dir", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"slip new: folder {tmp_path / 'kraton'} sudah ada; pilih nama folder lain dengan --slug\n"
    assert [p.name for p in (tmp_path / "kraton").iterdir()] == ["catatan.txt"]
    assert main(["new", "35.08.07.2002", "--dir", str(tmp_path), "--slug", "kraton-yosowilangun"]) == 0
    assert main(["new", "35.08.07.2002", "--dir", str(tmp_path), "--slug", "kraton-2", "--lang", "en"]) == 2
    assert "already used by the village in" in capsys.readouterr().err
    assert main(["new", "35.08.07.2002", "--dir", str(tmp_path), "--slug", "Desa Kraton"]) == 2
    assert "huruf kecil" in capsys.readouterr().err


def test_a_bad_date_is_a_usage_error(tmp_path: Path, capsys):
    assert main(["new", "35.08.07.2002", "--dir", str(tmp_path), "--as-of", "28-11-2026"]) == 2
    assert capsys.readouterr().err == "slip new: perintah tidak dapat dipakai: tanggal '28-11-2026' tidak sah; tulis TTTT-BB-HH, misalnya 2026-11-28\n"
