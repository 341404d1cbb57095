"""The editor schemas in schemas/: they accept the demo villages (except their deliberate defects),
refuse broken files, agree with the checker's own checks, and never drift from slip_schema.yaml."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from checker.schema import export as jsonschema_export
from checker.catalogue import load_catalogue
from checker.cli.main import main
from checker.schema.validator import check_passes
from tests.conftest import DEMO, DEMO_SLUGS, ROOT

CATALOGUE = load_catalogue()
SCHEMAS = ROOT / "schemas"


class _EditorLoader(yaml.SafeLoader):
    """Reads YAML the way yaml-language-server does for validation: an unquoted date stays text."""


_EditorLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def _data(path: Path) -> object:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = text.split("---\n")[1] if text.startswith("---\n") else "{}"
    return yaml.load(text, Loader=_EditorLoader)


def _schema_for(relative: str) -> dict:
    kind = relative.split("/")[0].split(".")[0]
    return json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))


def _errors(schema: dict, data: object) -> list[jsonschema.ValidationError]:
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    return list(validator.iter_errors(data))


def _village_files() -> list[tuple[str, str]]:
    return sorted((v.name, str(p.relative_to(v))) for v in (DEMO / s for s in DEMO_SLUGS) for p in v.rglob("*")
                  if p.suffix in (".yaml", ".md") and not str(p.relative_to(v)).startswith("dokumen/"))


def test_demo_files_pass_except_the_deliberate_defects_of_sumberwuluh_and_supiturang():
    failing = [(slug, name) for slug, name in _village_files()
               if _errors(_schema_for(name), _data(DEMO / slug / name))]
    # sumberwuluh's DIP lacks a retensi and an uji konsekuensi; supiturang's profil lacks tugas_fungsi:
    # exactly the files the checker's schema rule reports.
    assert failing == [("sumberwuluh", "dip.yaml"), ("supiturang", "profil.yaml")]
    assert len(_village_files()) > 25  # every kind of file was tried


def test_the_defects_are_named_by_the_field_the_checker_names():
    messages = {e.message for e in _errors(_schema_for("profil.yaml"), _data(DEMO / "supiturang" / "profil.yaml"))}
    assert messages == {"'tugas_fungsi' is a required property"}


def _kraton_profil() -> dict:
    return _data(DEMO / "kraton" / "profil.yaml")  # type: ignore[return-value]


@pytest.mark.parametrize("change, validator", [
    (lambda d: d.update(jumlah_penduduk="lima ribu"), "type"),     # wrong type
    (lambda d: d.update(jumlah_pendudukk=5214), "additionalProperties"),  # unknown key (a typo)
    (lambda d: d.pop("visi"), "required"),                          # missing required field
    (lambda d: d.update(diperbarui="05-10-2026"), "format"),        # a date written the other way round
    (lambda d: d.update(kode_wilayah="35.08.10.1003"), "pattern"),  # a kelurahan code
    (lambda d: d.update(misi=[]), "minItems"),                      # empty: false
    (lambda d: d["bagan"].update(berkas="../rahasia.pdf"), "pattern"),  # outside the village
    (lambda d: d["badan_publik_lain"][0].update(jenis="karang_taruna"), "enum"),
])
def test_broken_files_are_refused(change, validator):
    data = _kraton_profil()
    assert _errors(_schema_for("profil.yaml"), data) == []
    change(data)
    assert [e.validator for e in _errors(_schema_for("profil.yaml"), data)] == [validator]


def test_a_negative_amount_and_a_text_amount_are_refused_in_the_apbdes():
    data = _data(DEMO / "kraton" / "apbdes" / "2026.yaml")
    data["murni"]["pendapatan"][0]["anggaran"] = -1
    data["murni"]["pendapatan"][1]["anggaran"] = "Rp 80.900.000"
    data["murni"]["jumlah"]["silpa"] = -5  # rupiah_bertanda: a deficit may be negative
    assert sorted(e.validator for e in _errors(_schema_for("apbdes/2026.yaml"), data)) == ["minimum", "type"]


@pytest.mark.parametrize("check, values", [
    ("kode_rekening", ["4", "4.2.1", "1.1.01", "4.", "4..1", "a.1", "", " 4"]),
    ("berkas", ["dokumen/a.pdf", "a.pdf", "dokumen/..x.pdf", "/etc/passwd", "\\x.pdf", "../a.pdf",
                "dokumen/../../a.pdf", "dokumen\\..\\a.pdf", "https://x.org/a.pdf", "c:/a.pdf", "dokumen/a..pdf"]),
])
def test_patterns_agree_with_the_checkers_own_checks(check, values):
    schema = {"type": "string", **jsonschema_export._check_with(check, CATALOGUE)}
    for value in values:
        assert (not _errors(schema, value)) == check_passes(check, value, CATALOGUE), value


def test_every_field_of_every_file_has_an_indonesian_description():
    def walk(node: dict, where: str) -> list[str]:
        missing = [] if "description" in node or where.endswith("[]") else [where]
        for name, sub in node.get("properties", {}).items():
            missing += walk(sub, f"{where}.{name}")
        if isinstance(node.get("items"), dict) and "type" in node["items"]:
            missing += walk(node["items"], where + "[]")
        return missing

    missing = [m for path in SCHEMAS.glob("*.schema.json") for m in walk(json.loads(path.read_text()), path.stem)]
    assert missing == []


def test_committed_schemas_equal_a_fresh_generation():
    fresh = jsonschema_export.export(CATALOGUE)
    assert sorted(p.name for p in SCHEMAS.glob("*.schema.json")) == sorted(fresh)
    assert jsonschema_export.stale(SCHEMAS, CATALOGUE) == []


def test_vscode_settings_map_every_yaml_file_kind_to_its_schema():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == jsonschema_export.editor_globs(CATALOGUE)
    for schema in settings["yaml.schemas"]:
        assert (ROOT / schema).is_file()


def test_command_writes_checks_and_refuses(tmp_path, capsys):
    out = tmp_path / "skema"
    assert main(["schemas", "--out", str(out)]) == 0
    assert main(["schemas", "--out", str(out), "--check"]) == 0
    (out / "profil.schema.json").write_text("{}", encoding="utf-8")
    assert main(["schemas", "--out", str(out), "--check", "--lang", "en"]) == 1
    assert "profil.schema.json" in capsys.readouterr().out
    assert main(["schemas", "--tidak-ada"]) == 2
    assert capsys.readouterr().err.startswith("slip schemas: perintah tidak dapat dipakai")
