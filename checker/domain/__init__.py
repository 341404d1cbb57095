"""Facts shared by rules, site and tools, which know nothing of villages or findings: what a NIK
looks like (nik), Indonesian month names and calendar months (dates), and the official kode
wilayah data (wilayah). A domain module imports nothing from checker but other domain modules."""
