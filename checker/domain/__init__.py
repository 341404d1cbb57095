"""Facts shared by rules, site and tools, which know nothing of villages or findings: what a NIK
looks like (nik), rupiah written and read (rupiah), Indonesian month names and calendar months
(dates), the shape of a kode wilayah and the official names (wilayah), which folder names can be
a web address (slug), which DIP rows are exempt (dip), and which document references stay inside
the village folder (references). A domain module imports nothing from checker but other domain
modules."""
