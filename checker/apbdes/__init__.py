"""The APB Desa: its YAML text and totals (`text`), spreadsheets in and out (`spreadsheet`), placing
spreadsheet rows in the Permendagri 20/2018 structure (`placement`), and `slip import-apbdes`."""
