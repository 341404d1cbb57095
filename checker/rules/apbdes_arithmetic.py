"""Hitungan APB Desa: setiap jumlah sama dengan rinciannya, dengan selisih rupiahnya.

Untuk APB Desa murni dan perubahan (masing-masing utuh, tidak saling menimpa), untuk anggaran dan
realisasi: induk = jumlah anaknya (4 = 4.1 + 4.2 + 4.3, dan seterusnya), belanja per bidang =
belanja per jenis, surplus/defisit = pendapatan - belanja, pembiayaan netto = penerimaan -
pengeluaran, SiLPA = surplus/defisit + pembiayaan netto, dan belanja dari tiap sumber dana tidak
melebihi pendapatannya ditambah SiLPA-nya. Permendagri 20/2018; Perki 1/2018 Pasal 2 huruf d.

LULUS:
    pendapatan:
      - {kode: "4", uraian: Pendapatan, anggaran: 1500000000}
      - {kode: "4.2", uraian: Transfer, anggaran: 1500000000}
      - {kode: "4.2.1", uraian: Dana Desa, anggaran: 1000000000}
      - {kode: "4.2.3", uraian: Alokasi Dana Desa, anggaran: 500000000}
GAGAL:
      - {kode: "4.2", uraian: Transfer, anggaran: 1600000000}   # selisih Rp 100.000.000
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterator, Mapping

from checker.apbdes.model import SECTIONS, amount, income_leaves, is_root, leaves, lines, parent_of, root_sum, source_of
from checker.context import Context
from checker.findings import Problem
from checker.model import Village

ID = "apbdes-arithmetic"
TITLE = {"id": "Hitungan APB Desa benar", "en": "APB Desa figures add up"}
OBLIGATIONS = ("berkala.apbdes", "berkala.laporan_keuangan.realisasi_apbdes")
MESSAGES = {
    "parent_sum": {"id": "{measure} {kode} {rp_got} tidak sama dengan jumlah rinciannya {rp_want} (selisih {selisih}).",
                   "en": "{measure_en} of {kode} {rp_got} does not equal the sum of its lines {rp_want} (difference {selisih})."},
    "total": {"id": "{label} {rp_got} tidak sama dengan {rule} = {rp_want} (selisih {selisih}).",
              "en": "{label} {rp_got} does not equal {rule} = {rp_want} (difference {selisih})."},
    "source_overspent": {"id": "Belanja dari sumber dana {source} {rp_got} melebihi pendapatan dan SiLPA-nya {rp_want} (selisih {selisih}).",
                         "en": "Spending from source {source} {rp_got} exceeds its income and SiLPA {rp_want} (difference {selisih})."},
    "no_source": {"id": "Kegiatan {kode} belum mencantumkan sumber_dana.", "en": "Activity {kode} names no sumber_dana."},
    "no_activity": {"id": "{level} {kode} ({uraian}) belum dirinci menjadi kegiatan yang menyebut sumber_dana.",
                    "en": "{level} {kode} ({uraian}) is not broken down into activities that name their sumber_dana."},
    "duplicate_kode": {"id": "Kode rekening {kode} ditulis dua kali di {section}.", "en": "Account code {kode} appears twice in {section}."},
    "orphan": {"id": "Kode rekening {kode} tidak punya induk {parent} di {section}.", "en": "Account code {kode} has no parent {parent} in {section}."},
    "year_mismatch": {"id": "Tahun {tahun} tidak sama dengan nama berkas ({file}).", "en": "Year {tahun} does not match the file name ({file})."},
}
HINTS = {
    "parent_sum": {"id": "Bila rincian di bawah {kode} sudah benar, tulis `{field}: {angka}` pada baris {kode}; bila belum, perbaiki "
                         "rinciannya sesuai Siskeudes. APB Desa yang diimpor: perbaiki lembar kerjanya lalu impor ulang.",
                   "en": "If the lines under {kode} are right, write `{field}: {angka}` on line {kode}; if not, fix them as in "
                         "Siskeudes. An imported APB Desa: fix the spreadsheet and import it again."},
    "total": {"id": "Angka yang cocok dengan rinciannya adalah {angka}: tulis itu di sini bila rinciannya benar, atau perbaiki "
                    "rinciannya sesuai Siskeudes (`slip import-apbdes` menghitung jumlahnya sendiri).",
              "en": "The figure that matches its parts is {angka}: write it here if the parts are right, or fix the parts as in "
                    "Siskeudes (`slip import-apbdes` computes the totals itself)."},
    "no_source": {"id": "Tambahkan `sumber_dana: DDS` (atau ADD, PAD, PBH, BKK, BKP, DLL, SiLPA) pada baris kegiatan {kode}; "
                        "bila APB Desa diimpor, isi kolom Sumber Dana di lembar kerja lalu impor ulang dengan `slip import-apbdes`.",
                  "en": "Add `sumber_dana: DDS` (or ADD, PAD, PBH, BKK, BKP, DLL, SiLPA) to activity {kode}; if the APB Desa "
                        "was imported, fill the Sumber Dana column of the spreadsheet and import it again with `slip import-apbdes`."},
    "no_activity": {"id": "Di lembar kerja APB Desa (templates/apbdes-template.xlsx), tulis di bawah baris {kode} kegiatannya "
                          "({example}) dengan Anggaran, Sumber Dana (DDS, ADD, ...) dan Jenis Belanja (5.1-5.4){sub_id}, lalu impor "
                          "ulang dengan `slip import-apbdes`. Atau di berkas ini, di bawah baris \"{kode}\": `- {{kode: \"{example}\", "
                          "uraian: ..., anggaran: 25000000, sumber_dana: DDS, jenis: \"5.2\"}}`{sub_id}.",
                    "en": "In the APB Desa spreadsheet (templates/apbdes-template.xlsx), write under line {kode} its activities "
                          "({example}) with Anggaran, Sumber Dana (DDS, ADD, ...) and Jenis Belanja (5.1-5.4){sub_en}, then import "
                          "again with `slip import-apbdes`. Or in this file, under line \"{kode}\": `- {{kode: \"{example}\", "
                          "uraian: ..., anggaran: 25000000, sumber_dana: DDS, jenis: \"5.2\"}}`{sub_en}."},
    "source_overspent": {"id": "Periksa sumber_dana kegiatan-kegiatan ber-{source}: belanjanya tidak boleh melebihi pendapatan {source} "
                               "ditambah SiLPA-nya. Samakan dengan Siskeudes.",
                         "en": "Check the sumber_dana of the {source} activities: their spending may not exceed the {source} "
                               "income plus its SiLPA. Match Siskeudes."},
    "duplicate_kode": {"id": "Hapus salah satu baris {kode} atau gabungkan anggarannya dalam satu baris.",
                       "en": "Delete one of the {kode} lines or merge their amounts into one line."},
    "orphan": {"id": "Tambahkan baris induk \"{parent}\" (uraian dan jumlah anggaran anak-anaknya) di atas {kode}, atau perbaiki kodenya.",
               "en": "Add the parent line \"{parent}\" (its name and the sum of its children) above {kode}, or fix the code."},
    "year_mismatch": {"id": "Tulis `tahun: {file_year}` di berkas ini, atau pindahkan isinya ke apbdes/{tahun}.yaml.",
                      "en": "Write `tahun: {file_year}` in this file, or move its content to apbdes/{tahun}.yaml."},
}
_MEASURES = {"anggaran": ("Anggaran", "Budget"), "realisasi": ("Realisasi", "Actual")}
def _tree(name: str, base: tuple[Any, ...], version: Mapping[str, Any], section: str, measure: str, ob: str) -> Iterator[Problem]:
    found = lines(version, section)
    children: dict[str, list[int | None]] = defaultdict(list)
    codes = {line["kode"] for _, line in found}
    for _, line in found:
        children[parent_of(line["kode"])].append(amount(line, measure))
    seen: set[str] = set()
    for index, line in found:
        kode = line["kode"]
        path = base + (section, index)
        if measure == "anggaran":
            if kode in seen:
                yield Problem(name, path + ("kode",), "duplicate_kode", {"kode": kode, "section": section}, ob)
            elif not is_root(section, kode) and parent_of(kode) not in codes:
                yield Problem(name, path + ("kode",), "orphan", {"kode": kode, "parent": parent_of(kode), "section": section}, ob)
        seen.add(kode)
        got = amount(line, measure)
        parts = children.get(kode)
        # A parent is checked only when every child states the measure (realisasi may be partial).
        if parts and got is not None and None not in parts and got != sum(parts):
            want = sum(parts)
            label = _MEASURES[measure]
            yield Problem(name, path + (measure,), "parent_sum",
                          {"measure": label[0], "measure_en": label[1], "kode": kode, "rp_got": got, "rp_want": want, "selisih": abs(got - want),
                           "field": measure, "angka": want}, ob)


def _totals(name: str, base: tuple[Any, ...], version: Mapping[str, Any], measure: str, ob: str) -> Iterator[Problem]:
    jumlah_key = "jumlah" if measure == "anggaran" else "jumlah_realisasi"
    jumlah = version.get(jumlah_key)
    if not isinstance(jumlah, dict):
        return
    value = lambda k: amount(jumlah, k)  # noqa: E731 - a local reader, not a function of its own
    expected = {
        "pendapatan": (root_sum(version, "pendapatan", measure), "jumlah baris 4"),
        "belanja": (root_sum(version, "belanja", measure), "jumlah bidang 1-5"),
        "penerimaan_pembiayaan": (root_sum(version, "pembiayaan", measure, "6.1"), "baris 6.1"),
        "pengeluaran_pembiayaan": (root_sum(version, "pembiayaan", measure, "6.2"), "baris 6.2"),
    }
    if all(value(k) is not None for k in ("pendapatan", "belanja")):
        expected["surplus_defisit"] = (value("pendapatan") - value("belanja"), "pendapatan - belanja")
    if all(value(k) is not None for k in ("penerimaan_pembiayaan", "pengeluaran_pembiayaan")):
        expected["pembiayaan_netto"] = (value("penerimaan_pembiayaan") - value("pengeluaran_pembiayaan"), "penerimaan - pengeluaran pembiayaan")
    if all(value(k) is not None for k in ("surplus_defisit", "pembiayaan_netto")):
        expected["silpa"] = (value("surplus_defisit") + value("pembiayaan_netto"), "surplus/defisit + pembiayaan netto")
    for key, (want, rule) in expected.items():
        got = value(key)
        if got is not None and want is not None and got != want:
            yield Problem(name, base + (jumlah_key, key), "total",
                          {"label": f"{jumlah_key}.{key}", "rp_got": got, "rp_want": want, "angka": want, "rule": rule, "selisih": abs(got - want)}, ob)
    jenis_total = root_sum(version, "belanja_jenis", measure)
    if lines(version, "belanja_jenis") and None not in (jenis_total, expected["belanja"][0]) and jenis_total != expected["belanja"][0]:
        got, want = jenis_total, expected["belanja"][0]
        yield Problem(name, base + ("belanja_jenis",), "total",
                      {"label": "belanja per jenis (5)", "rp_got": got, "rp_want": want, "angka": want, "rule": "belanja per bidang", "selisih": abs(got - want)}, ob)
    yield from _per_jenis(name, base, version, measure, ob)


def _per_jenis(name: str, base: tuple[Any, ...], version: Mapping[str, Any], measure: str, ob: str) -> Iterator[Problem]:
    kegiatan = leaves(version, "belanja")
    if not kegiatan or not all(isinstance(line.get("jenis"), str) and amount(line, measure) is not None for _, line in kegiatan):
        return  # per-jenis detail is optional; when given for every kegiatan it must agree
    spent: dict[str, int] = defaultdict(int)
    for _, line in kegiatan:
        spent[line["jenis"]] += amount(line, measure) or 0
    for index, line in lines(version, "belanja_jenis"):
        if line["kode"] != "5" and amount(line, measure) is not None and amount(line, measure) != spent[line["kode"]]:
            got, want = amount(line, measure), spent[line["kode"]]
            yield Problem(name, base + ("belanja_jenis", index, measure), "total",
                          {"label": f"{line['kode']} {line.get('uraian', '')}".strip(), "rp_got": got, "rp_want": want, "angka": want,
                           "rule": "jumlah kegiatan berjenis " + line["kode"], "selisih": abs(got - want)}, ob)


def _sources(name: str, base: tuple[Any, ...], version: Mapping[str, Any], context: Context, ob: str) -> Iterator[Problem]:
    defaults = context.catalogue.apbdes.sumber_pendapatan
    income: dict[str, int] = defaultdict(int)
    spend: dict[str, int] = defaultdict(int)
    unknown: set[str] = set()  # a source with an amount that is no number (the schema reports it) is not compared

    def add(into: dict[str, int], source: str, line: Mapping[str, Any]) -> None:
        value = amount(line, "anggaran")
        if value is None and line.get("anggaran") is not None:
            unknown.add(source)
        into[source] += value or 0

    for _, line in income_leaves(version):
        source = source_of(line["kode"], line, defaults)
        if source:
            add(income, source, line)
    for index, line in leaves(version, "belanja"):
        source = line.get("sumber_dana")
        if not isinstance(source, str):
            # A bidang or subbidang at the bottom has no activities yet: that is what to add.
            kode, depth = line["kode"], line["kode"].count(".")
            params = {"kode": kode, "uraian": line.get("uraian", ""), "level": "Subbidang" if depth else "Bidang",
                      "example": f"{kode}.01" if depth else f"{kode}.1.01",
                      "sub_id": "" if depth else f" dan baris subbidangnya ({kode}.1) sebagai jumlahnya",
                      "sub_en": "" if depth else f" and its subbidang line ({kode}.1) holding their sum"}
            yield Problem(name, base + ("belanja", index, "kode"), "no_activity" if depth < 2 else "no_source", params, ob)
            continue
        add(spend, source, line)
    for _, line in leaves(version, "pembiayaan"):
        if line["kode"].startswith("6.2") and isinstance(line.get("sumber_dana"), str):
            add(spend, line["sumber_dana"], line)
    for source in sorted(spend):
        if source not in unknown and spend[source] > income[source]:
            yield Problem(name, base + ("belanja",), "source_overspent",
                          {"source": source, "rp_got": spend[source], "rp_want": income[source], "selisih": spend[source] - income[source]}, ob)


def check(village: Village, context: Context) -> Iterator[Problem]:
    for year, source in village.apbdes_years().items():
        data = source.data
        if isinstance(data.get("tahun"), int) and data["tahun"] != year:
            yield Problem(source.name, ("tahun",), "year_mismatch", {"tahun": data["tahun"], "file": source.name, "file_year": year})
        for stage in ("murni", "perubahan"):
            version = data.get(stage)
            if not isinstance(version, dict):
                continue
            base = (stage,)
            for measure, ob in (("anggaran", OBLIGATIONS[0]), ("realisasi", OBLIGATIONS[1])):
                for section in SECTIONS:
                    yield from _tree(source.name, base, version, section, measure, ob)
                yield from _totals(source.name, base, version, measure, ob)
            yield from _sources(source.name, base, version, context, OBLIGATIONS[0])
