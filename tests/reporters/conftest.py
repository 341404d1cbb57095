"""Fixtures for the reporter tests: two hand-built villages, one with a finding of each severity."""

from __future__ import annotations

import pytest
from reportkit import APBDES_ERROR, DIP_FATAL, PROFIL_WARNING, make_report, make_village

from checker.report import Report, VillageReport


@pytest.fixture
def kraton() -> VillageReport:
    return make_village(
        "kraton", (APBDES_ERROR, PROFIL_WARNING, DIP_FATAL), 87.5, "Menuju Informatif"
    )


@pytest.fixture
def sukamaju() -> VillageReport:
    return make_village("sukamaju", (), 100.0, "Informatif")


@pytest.fixture
def one(kraton: VillageReport) -> Report:
    return make_report(kraton)


@pytest.fixture
def two(kraton: VillageReport, sukamaju: VillageReport) -> Report:
    return make_report(kraton, sukamaju)
