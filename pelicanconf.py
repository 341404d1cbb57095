"""Shared Pelican settings for every village site and the kabupaten portal.

`sitegen.build` reads this file and overrides, per run, the output folder and what to write
(`SLIP_VILLAGE` or `SLIP_PORTAL`), and the settings of the repository's `slip.toml` (the public
address, the portal's title, who runs it, contact; see sitegen/settings.py). Do not edit those here:
an installed slip-desa carries its own copy of this file.
"""
from __future__ import annotations

from sitegen import plugin
from sitegen.filters import FILTERS, finalize
from sitegen.templates_cache import SHARED as TEMPLATE_CACHE

SITENAME = "Keterbukaan Informasi Publik Desa"  # + " Kabupaten X" when every village is in X
SLIP_SITE_URL = ""  # the public address ending in "/", or "" when none is set (slip.toml [situs] alamat)
SLIP_OPERATOR = ""  # who runs the portal ([situs] penyelenggara)
SLIP_CONTACT: dict[str, str] = {}  # email, phone, address ([kontak]), only those set
SITEURL = ""
RELATIVE_URLS = True
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"

THEME = "theme"
THEME_STATIC_DIR = "theme"
PLUGINS = [plugin]
JINJA_FILTERS = FILTERS
JINJA_ENVIRONMENT = {"finalize": finalize, "trim_blocks": True, "lstrip_blocks": True, "autoescape": True,
                     "bytecode_cache": TEMPLATE_CACHE}

# Only the portal's own pages (content/pages/*.md) go through Pelican's readers; village files are
# read by checker.loader alone.
PATH = "content"
ARTICLE_PATHS: list[str] = []
PAGE_PATHS = ["pages"]
STATIC_PATHS: list[str] = []
PAGE_URL = "{slug}/index.html"  # links end in index.html: the site also works from file://
PAGE_SAVE_AS = "{slug}/index.html"
DIRECT_TEMPLATES: list[str] = []
ARTICLE_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
DELETE_OUTPUT_DIRECTORY = False
MARKDOWN = {"extension_configs": {"markdown.extensions.extra": {}}, "output_format": "html5"}
READERS = {"rst": None, "htm": None, "html": None}  # Markdown only; docutils would also warn about "id"
