"""Across villages: two folders of one run with the same kode wilayah are both told, at their kode line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.run import crossvillage
from checker.catalogue import load_catalogue
from checker.cli.main import main
from checker.findings import CheckResult
from tests.run.conftest import break_yaml, copy, fold_kode

KODE_LINE = 9  # of the demo kraton/profil.yaml


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    code = main(["check", *args, "--as-of", "2026-11-28", "--format", "json"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, json.loads(out)


def findings(report: dict, lang_key: str = "message") -> dict[str, list[tuple[str, int, str, str]]]:
    return {v["slug"]: [(f["file"], f["line"], f["rule"], f[lang_key]) for f in v["findings"]] for v in report["villages"]}


def test_two_villages_with_one_kode_each_get_an_error_naming_the_other(tmp_path, capsys):
    copy(tmp_path / "villages" / "kraton")
    copy(tmp_path / "villages" / "kraton-salinan")
    code, report = check(capsys, str(tmp_path / "villages"), "--jobs", "1")
    assert code == 1
    root = tmp_path / "villages"
    assert findings(report) == {
        "kraton": [("profil.yaml", KODE_LINE, "kode-wilayah", "Kode wilayah 35.08.07.2002 juga dipakai oleh folder desa lain "
                    f"dalam pemeriksaan ini: {root / 'kraton-salinan'}.")],
        "kraton-salinan": [("profil.yaml", KODE_LINE, "kode-wilayah", "Kode wilayah 35.08.07.2002 juga dipakai oleh folder desa "
                            f"lain dalam pemeriksaan ini: {root / 'kraton'}.")],
    }
    village = report["villages"][0]
    assert village["findings"][0]["severity"] == "error" and village["findings"][0]["obligation"] == "berkala.profil.alamat"
    assert village["exit_code"] == 1 and village["score"] < 100  # scored again from the findings
    assert report["summary"]["top_gaps"] == [{"obligation": "berkala.profil.alamat", "villages": 2}]


def test_the_english_report_names_the_other_folder_too(tmp_path, capsys):
    copy(tmp_path / "a")
    copy(tmp_path / "b")
    assert main(["check", str(tmp_path), "--as-of", "2026-11-28", "--format", "json", "--lang", "en", "--jobs", "1"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert [f["message"] for v in out["villages"] for f in v["findings"]] == [
        f"Region code 35.08.07.2002 is also used by another village folder in this run: {tmp_path / 'b'}.",
        f"Region code 35.08.07.2002 is also used by another village folder in this run: {tmp_path / 'a'}."]


def test_three_folders_name_both_others(tmp_path, capsys):
    for name in ("a", "b", "c"):
        copy(tmp_path / name)
    _, report = check(capsys, str(tmp_path), "--jobs", "1")
    assert [f["message"].split(": ", 1)[1] for v in report["villages"] for f in v["findings"]] == [
        f"{tmp_path / 'b'}, {tmp_path / 'c'}.", f"{tmp_path / 'a'}, {tmp_path / 'c'}.", f"{tmp_path / 'a'}, {tmp_path / 'b'}."]


def test_distinct_kodes_give_no_finding(tmp_path, capsys):
    copy(tmp_path / "kraton")
    copy(tmp_path / "darungan", kode="35.08.07.2001", nama="Darungan")
    code, report = check(capsys, str(tmp_path), "--jobs", "1")
    assert (code, findings(report)) == (0, {"darungan": [], "kraton": []})


def test_one_folder_given_twice_is_one_village(tmp_path, capsys):
    copy(tmp_path / "kraton")
    code, report = check(capsys, str(tmp_path / "kraton"), str(tmp_path / "kraton" / "."), "--jobs", "1")
    assert code == 0 and all(not v["findings"] for v in report["villages"])


def test_parallel_and_cached_runs_give_the_same_report_and_the_cache_keeps_villages_apart(tmp_path, capsys):
    copy(tmp_path / "villages" / "kraton")
    copy(tmp_path / "villages" / "kraton-salinan")
    copy(tmp_path / "villages" / "darungan", kode="35.08.07.2001", nama="Darungan")
    serial = check(capsys, str(tmp_path / "villages"), "--jobs", "1", "--no-cache")
    parallel = check(capsys, str(tmp_path / "villages"), "--jobs", "2")
    cached = check(capsys, str(tmp_path / "villages"), "--jobs", "2")
    assert serial == parallel == cached and serial[0] == 1
    assert len(findings(serial[1])["kraton-salinan"]) == 1
    # the cache holds each village's own result: checked alone, from the cache, Kraton is compliant
    alone = check(capsys, str(tmp_path / "villages" / "kraton"), "--jobs", "1")
    assert (alone[0], findings(alone[1])) == (0, {"kraton": []})


def test_duplicate_kode_is_a_pure_function_of_the_results():
    def result(root: str, kode: str) -> CheckResult:
        return CheckResult(Path(root).name, "x", kode, root, (), (), "2026-11-28")

    catalogue = load_catalogue()
    results = [result("/nowhere/a", "35.08.07.2002"), result("/nowhere/b", ""), result("/nowhere/c", "35.08.07.2002"),
               result("/nowhere/d", "35.08.07.2001"), result("/nowhere/e", "")]
    found = crossvillage.duplicate_kode(results, catalogue)
    assert sorted(found) == ["/nowhere/a", "/nowhere/c"]  # an empty kode (unreadable profil) is never a duplicate
    assert [(f.file, f.line, f.rule) for f in found["/nowhere/a"]] == [("profil.yaml", 1, "kode-wilayah")]


def duplicates(report: dict) -> dict[str, list[str]]:
    return {v["slug"]: [f["message"].split(": ", 1)[1] for f in v["findings"] if "juga dipakai" in f["message"]]
            for v in report["villages"]}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_results_decide_where_a_line_scan_of_profil_yaml_reads_another_kode(tmp_path, capsys, jobs):
    # Findings between villages are known ahead from a line scan (a build needs them before publishing);
    # a kode only YAML reads is still compared, and a profil.yaml that does not parse has no kode.
    copy(tmp_path / "a")
    fold_kode(copy(tmp_path / "b"))
    copy(tmp_path / "c", kode="35.08.07.2001", nama="Darungan")
    break_yaml(copy(tmp_path / "d", kode="35.08.07.2001", nama="Darungan"))
    code, report = check(capsys, str(tmp_path), "--jobs", jobs)
    assert code == 2 and duplicates(report) == {"a": [f"{tmp_path / 'b'}."], "b": [f"{tmp_path / 'a'}."], "c": [], "d": []}
    assert [f["line"] for f in report["villages"][1]["findings"] if f["rule"] == "kode-wilayah"] == [KODE_LINE]
