"""freshness: the `diperbarui` date above an obligation's evidence is within its `fresh:` period of as_of."""
from __future__ import annotations

import datetime as dt

from checker.findings import Severity
from checker.rules import freshness
from tests.conftest import run_rule, triples

# dip.yaml whose only met obligation with `fresh:` is kewajiban.dip_mutakhir (P1M)
DIP = "diterbitkan: 2026-01-05\ndiperbarui: {date}\n"
PROFIL = """
diperbarui: {date}
alamat: Jl. Raya Kraton No. 1
kode_wilayah: "35.08.07.2002"
kontak: {{telepon: "0334-561234"}}
visi: Desa yang terbuka
misi: [Pelayanan yang terbuka]
"""


def test_docstring_lulus_dip_updated_two_weeks_ago(make_village):
    root = make_village({"dip.yaml": DIP.format(date="2026-11-15")})
    assert run_rule(root, freshness) == []


def test_docstring_gagal_dip_updated_in_august_is_stale_on_its_line(make_village):
    root = make_village({"dip.yaml": DIP.format(date="2026-08-01")})
    findings = run_rule(root, freshness)
    assert triples(findings) == [("dip.yaml", 2, "freshness")]
    finding = findings[0]
    assert (finding.obligation, finding.severity) == ("kewajiban.dip_mutakhir", Severity.ERROR)
    assert finding.message_id == (
        "Terakhir diperbarui 2026-08-01, lebih dari 1 bulan sebelum 2026-11-28: "
        "memutakhirkan Daftar Informasi Publik Desa paling sedikit 1 (satu) kali dalam sebulan."
    )
    assert finding.message_en.startswith("Last updated 2026-08-01, more than 1 month before 2026-11-28")


def test_the_same_village_is_fresh_at_an_earlier_as_of(make_village):
    root = make_village({"dip.yaml": DIP.format(date="2026-08-01")})
    assert run_rule(root, freshness, as_of=dt.date(2026, 8, 20)) == []
    assert run_rule(root, freshness, as_of=dt.date(2026, 9, 1)) == []  # exactly one month
    assert triples(run_rule(root, freshness, as_of=dt.date(2026, 9, 2))) == [("dip.yaml", 2, "freshness")]


def test_one_month_before_march_31_is_the_end_of_february(make_village):
    fresh = make_village({"dip.yaml": DIP.format(date="2026-02-28")}, slug="a")
    stale = make_village({"dip.yaml": DIP.format(date="2026-02-27")}, slug="b")
    as_of = dt.date(2026, 3, 31)
    assert run_rule(fresh, freshness, as_of=as_of) == []
    assert triples(run_rule(stale, freshness, as_of=as_of)) == [("dip.yaml", 2, "freshness")]


def test_update_date_after_as_of_is_reported(make_village):
    root = make_village({"dip.yaml": DIP.format(date="2026-12-01")})
    findings = run_rule(root, freshness)
    assert triples(findings) == [("dip.yaml", 2, "freshness")]
    assert findings[0].message_id == "Tanggal diperbarui 2026-12-01 melewati tanggal acuan 2026-11-28."


def test_profile_has_six_months_and_each_stale_obligation_is_reported(make_village):
    assert run_rule(make_village({"profil.yaml": PROFIL.format(date="2026-05-28")}, slug="a"), freshness) == []
    findings = run_rule(make_village({"profil.yaml": PROFIL.format(date="2026-05-27")}, slug="b"), freshness)
    # alamat and visi/misi are met; both rest on the same date
    assert triples(findings) == [("profil.yaml", 1, "freshness")] * 2
    assert sorted(f.obligation for f in findings) == ["berkala.profil.alamat", "berkala.profil.visi_misi"]
    assert all("lebih dari 6 bulan" in f.message_id and "6 months" in f.message_en for f in findings)


def test_undated_file_is_reported_once(make_village):
    profil = PROFIL.format(date="x").replace("diperbarui: x\n", "")
    findings = run_rule(make_village({"profil.yaml": profil}), freshness)
    assert triples(findings) == [("profil.yaml", 1, "freshness")]
    assert findings[0].obligation == "berkala.profil.alamat"
    assert findings[0].message_id.startswith("Tidak ada tanggal 'diperbarui' untuk: profil Badan Publik Desa - alamat")


def test_unmet_obligation_is_left_to_completeness(make_village):
    # program.yaml without program_kegiatan: stale, but berkala.program_kegiatan is not met at all
    root = make_village({"program.yaml": "diperbarui: 2020-01-01\n"})
    assert run_rule(root, freshness) == []
