"""Pelican generators: one writes a village's pages from its VillageSite, one writes the portal.

A build passes what to write through the settings (`SLIP_VILLAGE` for a village run, `SLIP_PORTAL`
for the portal run), so every village is loaded and checked once, by the build, and Pelican only
renders. Page URLs are relative (Pelican sets SITEURL to the way back to the site root on each page)
and every link to a page names its index.html, so a site works from any folder, a sub-path of a web
server, or straight from the disk (file://, where no server turns a folder into its index.html).
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from sitegen import exports, pages
from sitegen.village_build import BuildError
from sitegen.templates_cache import SharedTemplates


def get_generators(pelican: Any) -> list[type[Generator]]:
    """Receiver of Pelican's get_generators signal."""
    settings = pelican.settings
    if settings.get("SLIP_VILLAGE") is not None:
        return [VillageGenerator]
    if settings.get("SLIP_PORTAL") is not None:
        return [PortalGenerator]
    return []


class VillageGenerator(SharedTemplates, Generator):
    def generate_output(self, writer: Any) -> None:
        site = self.settings["SLIP_VILLAGE"]
        for page in pages.village_pages(site):
            template = self.get_template(page.template)
            writer.write_file(page.name, template, self.context, True, override_output=True, url=page.name,
                              village=site, page_id=page.page_id, **page.extra)
        out = Path(self.output_path)
        for name, content in exports.village_files(site, self.settings["SLIP_SITE_URL"]).items():
            target = out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        root = Path(self.settings["SLIP_VILLAGE_ROOT"])
        for ref in sorted(site.published):  # the checker's verdict: never exempt, unchecked or unsafe files
            copy_checked(root / ref, out / ref, site.digests.get(ref, ""))


def copy_checked(source: Path, target: Path, digest: str) -> None:
    """Copy the bytes of a document only when they are the bytes the check judged (same SHA-256).

    Read once, hashed, then written: a file rewritten between the check and the copy (or a result
    that names the wrong bytes) fails the build instead of publishing what nobody checked.
    """
    data = source.read_bytes()
    if not digest or hashlib.sha256(data).hexdigest() != digest:
        raise BuildError(f"{target.name}: dokumen berubah sejak diperiksa, tidak diterbitkan; jalankan ulang slip build "
                         f"(the document changed after it was checked)")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


class PortalGenerator(SharedTemplates, Generator):
    def generate_output(self, writer: Any) -> None:
        portal = self.settings["SLIP_PORTAL"]
        for page in pages.portal_pages(portal):
            template = self.get_template(page.template)
            writer.write_file(page.name, template, self.context, True, override_output=True, url=page.name,
                              page_id=page.page_id, **{"portal": portal, **page.extra})
        out = Path(self.output_path)
        names = [spec.name for spec in pages.portal_pages(portal) if spec.name != "index.html"]
        names += [page.save_as for page in self.context.get("pages", ())]  # content/pages/*.md, written by Pelican
        for name, content in exports.portal_files(portal, self.settings["SLIP_SITE_URL"], names).items():
            (out / name).write_text(content, encoding="utf-8")
