"""What every rule gets besides the village: the reference date and the catalogue."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from checker.catalogue import Catalogue


@dataclass(frozen=True)
class Context:
    as_of: dt.date
    catalogue: Catalogue

    def report_year(self, due_from: str | None) -> int:
        """The latest year whose report is due on as_of: last year from MM-DD on, else the one before."""
        if not due_from:
            return self.as_of.year - 1
        month, day = (int(part) for part in due_from.split("-"))
        return self.as_of.year - (1 if self.as_of >= dt.date(self.as_of.year, month, day) else 2)
