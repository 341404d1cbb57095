"""Site settings without editing code: slip.toml read strictly, the environment and the command line
override it in that order, `slip init` writes a starter and never overwrites, and the build warns
while residents could not open the address."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker import resources
from checker.cli.main import main
from sitegen import settings
from sitegen.settings import SettingsError, SiteSettings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "slip.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_starter_parses_to_no_settings(tmp_path: Path) -> None:
    assert settings.load(write(tmp_path, settings.STARTER), {}) == SiteSettings()


def test_every_key_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, '[situs]\nalamat = "https://desa.lumajangkab.go.id"\njudul = "Portal Desa"\n'
                           'penyelenggara = "Diskominfo"\n[kontak]\nemail = "ppid@lumajangkab.go.id"\ntelepon = "0334 123"\n')
    site = settings.load(path, {})
    assert site == SiteSettings("https://desa.lumajangkab.go.id/", "Portal Desa", "Diskominfo",
                                {"email": "ppid@lumajangkab.go.id", "phone": "0334 123"})
    assert site.pelican() == {"SLIP_SITE_URL": "https://desa.lumajangkab.go.id/", "SITENAME": "Portal Desa",
                              "SLIP_OPERATOR": "Diskominfo", "SLIP_CONTACT": {"email": "ppid@lumajangkab.go.id", "phone": "0334 123"}}
    assert not site.local


def test_the_environment_overrides_the_file_and_the_command_line_overrides_both(tmp_path: Path) -> None:
    path = write(tmp_path, '[situs]\nalamat = "https://a.go.id/"\njudul = "A"\n')
    env = {"SLIP_SITE_URL": "https://b.go.id/", "SLIP_SITE_TITLE": "B"}
    assert (settings.load(path, env).url, settings.load(path, env).title) == ("https://b.go.id/", "B")
    given = settings.load(path, env, url="https://c.go.id/sub", title="C")
    assert (given.url, given.title) == ("https://c.go.id/sub/", "C")
    assert settings.load(path, {"SLIP_SITE_URL": "  "}).url == "https://a.go.id/"  # blank is not set


@pytest.mark.parametrize("text, line, says", [
    ('[situs]\nalamt = "https://a.go.id/"\n', 2, "kunci 'alamt' tidak dikenal di [situs]"),
    ('[sitis]\nalamat = "https://a.go.id/"\n', 1, "bagian [sitis] tidak dikenal"),
    ('# pengaturan\n[situs]\njudul = 5\n', 3, "situs.judul harus berupa teks"),
    ('[situs]\njudul = "Portal\n', 2, "penulisan tidak sah"),
    ('[situs]\nalamat = "desa.lumajangkab.go.id"\n', 2, "alamat situs 'desa.lumajangkab.go.id' tidak sah"),
    ('[kontak]\nemail = "a@b.id"\n[situs]\nalamat = "ftp://a.go.id/"\n', 4, "tidak sah"),
])
def test_a_mistake_is_named_with_file_and_line(tmp_path: Path, text: str, line: int, says: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(SettingsError) as raised:
        settings.load(path, {})
    message = raised.value.message("id")
    assert message.startswith(f"{path}:{line}:") and says in message, message
    assert raised.value.message("en") != message


def test_a_bad_address_from_the_environment_names_the_variable() -> None:
    with pytest.raises(SettingsError) as raised:
        settings.load(Path("/nonexistent"), {"SLIP_SITE_URL": "localhost:8000"})
    assert raised.value.message("en").startswith("SLIP_SITE_URL: site address 'localhost:8000' is not valid")


@pytest.mark.parametrize("url, local", [("", True), ("http://localhost:8000/", True), ("http://127.0.0.1/", True),
                                        ("https://org.github.io/repo/", False)])
def test_local_addresses(url: str, local: bool) -> None:
    assert SiteSettings(url=url).local is local


def test_a_settings_change_reaches_every_page_of_a_reused_village() -> None:
    assert SiteSettings(url="https://a.go.id/").digest() != SiteSettings(url="https://b.go.id/").digest()


def test_slip_init_writes_a_starter_and_never_overwrites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    assert (tmp_path / "slip.toml").read_text(encoding="utf-8") == settings.STARTER
    assert (tmp_path / "villages").is_dir()
    for template in resources.path("templates").iterdir():
        assert (tmp_path / "templates" / template.name).read_bytes() == template.read_bytes()
    (tmp_path / "slip.toml").write_text('[situs]\nalamat = "https://a.go.id/"\n', encoding="utf-8")
    capsys.readouterr()
    assert main(["init", "--lang", "en"]) == 0
    assert f"Already there, left as it is: {tmp_path / 'slip.toml'}" in capsys.readouterr().out
    assert (tmp_path / "slip.toml").read_text(encoding="utf-8") == '[situs]\nalamat = "https://a.go.id/"\n'


@pytest.mark.parametrize("toml, says", [
    ("", "alamat publik situs belum diatur"),
    ('[situs]\nalamat = "http://localhost:8000"\n', "hanya dapat dibuka di komputer ini"),
])
def test_the_build_warns_while_residents_could_not_open_the_address(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], toml: str, says: str) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, toml)
    (tmp_path / "villages").mkdir()
    assert main(["build", "villages"]) == 2  # no village to build: the warning comes first all the same
    assert says in capsys.readouterr().err


def test_a_broken_slip_toml_stops_the_build_before_anything_is_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "[situs]\nalamt = 'x'\n")
    (tmp_path / "villages").mkdir()
    assert main(["build", "villages"]) == 2
    assert "slip.toml:2: kunci 'alamt' tidak dikenal" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slip.toml", "villages"]
