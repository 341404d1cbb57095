"""The engine: stamping severity and article from the catalogue, locating, sorting, options."""
from __future__ import annotations


from checker import engine
from checker.catalogue import load_catalogue
from checker.findings import Severity
from checker.loader import load_village
from checker.rules import completeness, input_file, schema
from tests.conftest import DEMO_AS_OF, run_rule


def test_inferred_obligation_is_a_warning_that_says_dianjurkan(make_village):
    root = make_village({"ppid.yaml": "diterbitkan: 2026-01-02\ndiperbarui: 2026-11-01\nmaklumat: ''\n"})
    findings = {f.obligation: f for f in run_rule(root, completeness)}
    maklumat = findings["ppid.maklumat"]
    assert maklumat.severity is Severity.WARNING and maklumat.message_id.startswith("Dianjurkan: ")
    assert maklumat.message_en.startswith("Recommended: ") and maklumat.article.startswith("praktik PPID Desa")
    quoted = findings["ppid.penetapan"]
    assert quoted.severity is Severity.ERROR and quoted.article == "Perki 1/2018 Pasal 8"


def test_fatal_file_hides_other_rules_findings_on_that_file_only(make_village):
    root = make_village({"ppid.yaml": "a: [\n", "dip.yaml": "diperbarui: 2026-11-01\n"})
    result = engine.check(load_village(root), load_catalogue(), as_of=DEMO_AS_OF, rules=[input_file, schema, completeness])
    assert [(f.file, f.rule, f.severity) for f in result.findings if f.file == "ppid.yaml"] == [("ppid.yaml", "input-file", Severity.FATAL)]
    assert any(f.file == "dip.yaml" and f.rule == "schema" for f in result.findings)
    assert result.exit_code() == 2


def test_findings_are_sorted_and_unique(make_village):
    root = make_village({"profil.yaml": "nama: 5\nkecamatan: 6\n"})
    findings = run_rule(root, schema)
    assert findings == sorted(set(findings))


def test_exit_code_strict_turns_warnings_into_failure(make_village):
    root = make_village({"ppid.yaml": "diterbitkan: 2026-01-02\ndiperbarui: 2026-11-01\nmaklumat: ''\n"})
    result = engine.check(load_village(root), load_catalogue(), as_of=DEMO_AS_OF, rules=[completeness])
    warnings_only = type(result)(**{**result.__dict__, "findings": tuple(f for f in result.findings if f.severity is Severity.WARNING)})
    assert warnings_only.exit_code() == 0 and warnings_only.exit_code(strict=True) == 1


def test_a_rule_comparing_files_is_silent_while_one_of_them_is_unreadable(make_village):
    # profil.yaml is broken: its BPD profile cannot be seen, so "dip row without a profile" would be false.
    root = make_village({
        "profil.yaml": "nama: Kraton\n\tbadan_publik_lain: []\n",
        "dip.yaml": "informasi:\n  - judul: Keputusan BPD\n    badan_publik: bpd\n",
        "ppid.yaml": "atasan: {nama: Orang Lain, jabatan: Kepala Desa}\n",
    })
    result = engine.check(load_village(root), load_catalogue(), as_of=DEMO_AS_OF)
    assert {f.rule for f in result.findings if f.file in ("dip.yaml", "ppid.yaml")} & {"badan-publik", "ppid-appointment"} == set()
    assert [f.rule for f in result.findings if f.file == "profil.yaml"] == ["input-file"]


def test_obligations_judged_from_an_unreadable_file_count_as_unmet(tmp_path):
    """A broken profil.yaml hides the findings on it, never the gaps: no score, not 99 "Informatif"."""
    import shutil

    from checker import scoring
    from tests.conftest import DEMO

    catalogue = load_catalogue()
    village = tmp_path / "kraton"
    shutil.copytree(DEMO / "kraton", village)
    whole = engine.check(load_village(village), catalogue, as_of=DEMO_AS_OF)
    profile = village / "profil.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("nama: Kraton", "nama: [Kraton", 1), encoding="utf-8")
    broken = engine.check(load_village(village), catalogue, as_of=DEMO_AS_OF)
    assert whole.unverified == () and [f.rule for f in broken.findings] == ["input-file"]
    assert len(broken.unverified) >= 3  # what profil.yaml is the evidence of: identity, officials, contacts...
    score = scoring.score(broken, catalogue)
    assert (score.value, score.band, score.reason) == (None, None, "unreadable")
    assert set(broken.unverified) <= set(score.unmet)
