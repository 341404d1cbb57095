"""Facts shared by rules, site and tools that know nothing of villages or findings: the official
kode wilayah data today; NIK, rupiah and dates as they move here."""
