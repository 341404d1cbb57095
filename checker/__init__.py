"""slip-desa: pemeriksa Standar Layanan Informasi Publik Desa (Perki 1/2018)."""
from __future__ import annotations

__version__ = "0.1.0"
