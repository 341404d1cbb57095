"""Folder names that become web addresses: lowercase letters, digits and single hyphens.

A village folder `villages/<slug>/` is published at `https://.../<slug>/`. Spaces and capitals
make an address that is hard to type and that differs between file systems that do and do not
tell capitals apart; the village-folder rule reports such a name, and `slip new` refuses one.
"""
from __future__ import annotations

import re

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
