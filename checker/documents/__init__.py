"""The text of the documents a village refers to (PDF, Word, Excel, OpenDocument, plain text), for
the privacy scan: `text` reads one file whole, `office` and `officexml` open the zip-based formats
safely, `cache` keeps what was read by the hash of its bytes."""
