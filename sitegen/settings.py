"""Site settings a kabupaten or a village sets without editing code: `slip.toml`, then the
environment, then the command line (strongest last).

`slip.toml` sits in the folder `slip` runs from, the root of the repository that holds `villages/`
(`slip init` writes a starter with every key explained). It is read strictly: a misspelt section or
key, a value that is not text, or an address that is not http(s) is an error naming the file and
line, because a silently ignored `alamt = ...` would print `localhost` on every poster. Nothing here
is required; without an address the site simply shows none.
"""
from __future__ import annotations

import hashlib
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

FILE = Path("slip.toml")
ENVIRONMENT = {"url": "SLIP_SITE_URL", "title": "SLIP_SITE_TITLE"}
# [section] key -> SiteSettings field (sections and keys in Indonesian, as staff read them)
KEYS = {
    "situs": {"alamat": "url", "judul": "title", "penyelenggara": "operator"},
    "kontak": {"email": "email", "telepon": "phone", "alamat": "address"},
}
LOCAL_HOSTS = ("localhost", "127.0.0.1", "0.0.0.0", "::1", "[::1]")

TEXT = {
    "id": {
        "syntax": "{file}:{line}: penulisan tidak sah; periksa tanda kutip (\"...\") dan tanda = pada baris itu",
        "unknown_section": "{file}:{line}: bagian [{section}] tidak dikenal; yang ada: {known}",
        "unknown_key": "{file}:{line}: kunci '{key}' tidak dikenal di [{section}]; yang ada: {known}",
        "not_text": "{file}:{line}: {section}.{key} harus berupa teks dalam tanda kutip, misalnya {key} = \"...\"",
        "bad_url": "{source}: alamat situs '{value}' tidak sah; tulis lengkap dengan https://, misalnya https://desa.lumajangkab.go.id/",
        "unreadable": "{file}: tidak dapat dibaca ({error})",
    },
    "en": {
        "syntax": "{file}:{line}: not valid TOML ({detail}); check the quotes and the = on that line",
        "unknown_section": "{file}:{line}: unknown section [{section}]; known: {known}",
        "unknown_key": "{file}:{line}: unknown key '{key}' in [{section}]; known: {known}",
        "not_text": "{file}:{line}: {section}.{key} must be text in quotes, e.g. {key} = \"...\"",
        "bad_url": "{source}: site address '{value}' is not valid; write it in full with https://, e.g. https://desa.lumajangkab.go.id/",
        "unreadable": "{file}: cannot be read ({error})",
    },
}


class SettingsError(Exception):
    """The settings cannot be used; the message names the file and line, in both languages."""

    def __init__(self, kind: str, **values: Any) -> None:
        super().__init__(kind)
        self.kind, self.values = kind, values

    def message(self, lang: str) -> str:
        return TEXT[lang][self.kind].format(**self.values)


@dataclass(frozen=True)
class SiteSettings:
    url: str = ""  # the public address, ending in "/"; "" when not set
    title: str = ""  # the portal's title; "" lets the build name it after the villages' kabupaten
    operator: str = ""  # who runs the portal (Dinas Kominfo ...)
    contact: Mapping[str, str] = field(default_factory=dict)  # email, phone, address; only those set

    @property
    def local(self) -> bool:
        """No public address yet: none set, or one only this computer can open."""
        return not self.url or (urlsplit(self.url).hostname or "") in LOCAL_HOSTS

    def pelican(self) -> dict[str, Any]:
        """The Pelican settings these become (pelicanconf.py holds the defaults)."""
        values: dict[str, Any] = {"SLIP_SITE_URL": self.url, "SLIP_OPERATOR": self.operator,
                                  "SLIP_CONTACT": dict(self.contact)}
        if self.title:
            values["SITENAME"] = self.title
        return values

    def digest(self) -> str:
        """Part of a built village's reuse key: a new address must reach every page."""
        return hashlib.blake2b(repr(sorted(self.pelican().items())).encode(), digest_size=8).hexdigest()


def load(path: Path | None = None, environ: Mapping[str, str] = os.environ, *, url: str | None = None,
         title: str | None = None) -> SiteSettings:
    """The settings from `path` (FILE unless given; if it exists), overridden by the environment,
    then by `url`/`title`."""
    path = path or FILE
    values = _read(path) if path.is_file() else {}
    for name, variable in ENVIRONMENT.items():
        if environ.get(variable, "").strip():
            values[name] = (environ[variable].strip(), variable)
    for name, given in (("url", url), ("title", title)):
        if given is not None:
            values[name] = (given.strip(), f"--{'site-url' if name == 'url' else name}")
    address, source = values.pop("url", ("", ""))
    contact = {name: values.pop(name)[0] for name in ("email", "phone", "address") if name in values and values[name][0]}
    return SiteSettings(url=normal_url(address, source), title=values.get("title", ("", ""))[0],
                        operator=values.get("operator", ("", ""))[0], contact=contact)


def normal_url(value: str, source: str) -> str:
    """`https://desa.example.go.id` -> `https://desa.example.go.id/`; refuse what is not an address."""
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment or " " in value:
        raise SettingsError("bad_url", source=source, value=value)
    return value if value.endswith("/") else value + "/"


def _read(path: Path) -> dict[str, tuple[str, str]]:
    """field -> (value, where it was written) from a slip.toml, strictly."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsError("unreadable", file=path, error=getattr(error, "strerror", None) or error) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"at line (\d+)", str(error))
        detail = str(error).split(" (at ")[0]
        raise SettingsError("syntax", file=path, line=line.group(1) if line else 1, detail=detail) from None
    found: dict[str, tuple[str, str]] = {}
    for section, entries in data.items():
        if section not in KEYS or not isinstance(entries, dict):
            raise SettingsError("unknown_section", file=path, line=_line(text, rf"\[\s*{re.escape(section)}\s*\]|^{re.escape(section)}\s*="),
                                section=section, known=", ".join(f"[{s}]" for s in KEYS))
        for key, value in entries.items():
            line = _line(text, rf"^\s*{re.escape(key)}\s*=", after=rf"\[\s*{re.escape(section)}\s*\]")
            if key not in KEYS[section]:
                raise SettingsError("unknown_key", file=path, line=line, key=key, section=section, known=", ".join(KEYS[section]))
            if not isinstance(value, str):
                raise SettingsError("not_text", file=path, line=line, section=section, key=key)
            found[KEYS[section][key]] = (value.strip(), f"{path}:{line}")
    return found


def _line(text: str, pattern: str, after: str | None = None) -> int:
    """The line where `pattern` first matches (below the first match of `after`, if given)."""
    lines = text.splitlines()
    start = 0
    if after:
        start = next((i for i, line in enumerate(lines) if re.search(after, line)), 0)
    return next((i + 1 for i, line in enumerate(lines[start:], start) if re.search(pattern, line)), 1)


STARTER = '''\
# Pengaturan situs slip-desa (dibuat oleh `slip init`). Semua isian boleh dikosongkan.
# Urutan yang berlaku, terkuat lebih dulu: opsi perintah (slip build --site-url URL --title "..."),
# variabel lingkungan (SLIP_SITE_URL, SLIP_SITE_TITLE), lalu berkas ini.

[situs]
# Alamat publik situs, lengkap dengan https://. Poster APB Desa mencetaknya beserta kode QR-nya;
# selama kosong, poster tidak memuat alamat. Contoh: "https://desa.lumajangkab.go.id/"
# atau, untuk GitHub Pages, "https://nama-organisasi.github.io/nama-repositori/".
alamat = ""

# Judul portal. Kosong: "Keterbukaan Informasi Publik Desa Kabupaten <nama kabupaten desa-desanya>".
judul = ""

# Penyelenggara portal, tampil di kaki halaman. Contoh: "Dinas Komunikasi dan Informatika Kabupaten Lumajang"
penyelenggara = ""

[kontak]
# Kontak penyelenggara portal (bukan PPID desa; itu ditulis di villages/<desa>/ppid.yaml).
email = ""
telepon = ""
alamat = ""
'''
