"""Shards: `--shard K/N` cuts the villages in kode order into N parts, the same on every machine."""
from __future__ import annotations

import itertools

import pytest

from checker.cli.main import main
from checker.run.shard import Shard


def test_shards_are_deterministic_complete_disjoint_and_ordered_by_kode(corpus):
    villages = sorted(p for p in corpus.iterdir() if p.is_dir())
    for count in range(1, 8):
        parts = [Shard(k, count).select(villages) for k in range(1, count + 1)]
        assert parts == [Shard(k, count).select(list(villages)) for k in range(1, count + 1)]
        flat = [p for part in parts for p in part]
        assert sorted(flat) == villages and len(flat) == len(set(flat))
        assert max(map(len, parts)) - min(map(len, parts)) <= 1
        kodes = [[p.name.rsplit("-", 1)[1] for p in part] for part in parts]  # slug ends in the kode digits
        assert all(max(a) < min(b) for a, b in itertools.pairwise(kodes) if a and b)


def test_shard_falls_back_to_the_folder_name_without_a_kode(make_village):
    a = make_village({"ppid.yaml": "nama: x\n"}, slug="a-desa")
    z = make_village({"profil.yaml": 'kode_wilayah: "00.00.00.0000"\n'}, slug="z-desa")
    assert Shard(1, 2).select([a, z]) == [z]  # "00..." sorts before the folder name "a-desa"


@pytest.mark.parametrize("value", ["0/2", "3/2", "x", "1/0", "2", "-1/2"])
def test_bad_shard_is_a_usage_error_in_both_languages(value, capsys, demo_root):
    assert main(["check", str(demo_root), f"--shard={value}"]) == 2
    assert f"bagian '{value}' tidak sah" in capsys.readouterr().err
    assert main(["check", str(demo_root), f"--shard={value}", "--lang", "en"]) == 2
    assert f"shard '{value}' is not valid" in capsys.readouterr().err
