"""Every text of the documents a village refers to (PDF, images, Word, Excel, OpenDocument, old
Office files), for the privacy scan: `text` tells a document's kind by its first bytes and reads it
whole, `pdf` its pages (pypdfium2) and structure (pypdf), `image` its metadata (Pillow), `office` and
`officexml` the zip-based formats safely, part by part; `cache` keeps what was read by the hash of
its bytes and of the reader. Whatever cannot be read whole within the bounds is refused, with a
`problem` the documents rule reports, and is never published."""
