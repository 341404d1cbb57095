"""The Pelican side of slip-desa: one public site per village and a kabupaten portal."""
from __future__ import annotations
