"""The text an image carries besides its pixels, for the NIK scan, read by Pillow without decoding them.

A photo or a scan can keep a caption, a comment, a camera owner or a whole XMP packet that any
viewer shows under "properties". Read: the EXIF tags (the main IFD, the Exif, GPS and Interop
IFDs; bytes also as UTF-16, which Windows uses for XPComment and XPAuthor), the XMP packet (its
XML text and attributes), every PNG text chunk (tEXt, zTXt, iTXt, also those after the image data,
found by walking the chunks with Pillow's own chunk reader), every JPEG APPn and COM segment (so
IPTC captions too), GIF comments of each frame, and every other metadata value Pillow reports.
Text in the pixels themselves (a photographed KTP) is not read: no OCR. Pillow's own limits on text
chunks and on frame counts here fail closed: such an image is "too_big_to_scan", never half read.
"""
from __future__ import annotations

import io
import warnings
from typing import Any

from PIL import ExifTags, Image, ImageFile, PngImagePlugin

from checker.documents.office import Text

MAX_FRAMES = 1_000  # GIF comments are per frame
_FORMATS = {"PNG": "png", "JPEG": "jpeg", "GIF": "gif", "WEBP": "webp", "MPO": "jpeg"}
_IFDS = (ExifTags.IFD.Exif, ExifTags.IFD.GPSInfo, ExifTags.IFD.Interop)
_PARSED = (b"Exif\x00", b"http://ns.adobe.com/xap/1.0/\x00")  # JPEG segments read above as EXIF and XMP
_SKIP = {"exif", "xmp", "XML:com.adobe.xmp", "comment", "icc_profile", "transparency", "dpi", "gamma"}


def binary(data: bytes) -> str:
    """Bytes of unknown encoding as text: Latin-1, and UTF-16 both ways when there are NUL bytes
    (two decodings from offset 0 cover digits at either alignment)."""
    texts = [data.decode("latin-1")]
    if b"\x00" in data:
        texts += [data.decode("utf-16-le", "ignore"), data.decode("utf-16-be", "ignore")]
    return "\n".join(texts)


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return binary(value)
    if isinstance(value, (tuple, list)):
        return "\n".join(_text(item) for item in value)
    return str(value)


def _exif(image: Image.Image) -> str:
    exif = image.getexif()
    values = list(exif.values())
    for ifd in _IFDS:
        values += list(exif.get_ifd(ifd).values())
    return "\n".join(_text(value) for value in values if not isinstance(value, dict))


def _png_chunks(data: bytes) -> dict[str, str]:
    """Every text chunk of a PNG, before and after the image data, by Pillow's chunk handlers."""
    stream = PngImagePlugin.PngStream(io.BytesIO(data[8:]))
    while True:
        cid, pos, length = stream.read()
        if cid == b"IEND":
            break
        if cid in (b"tEXt", b"zTXt", b"iTXt"):
            stream.crc_skip(cid, stream.call(cid, pos, length))
        else:
            ImageFile._safe_read(stream.fp, length + 4)  # pixels and other chunks: skipped, CRC too
    return {f"teks PNG '{key}'": str(value) for key, value in stream.im_text.items()}


def _comments(image: Image.Image) -> list[str]:
    comments = [image.info.get("comment", b"")]
    if image.format == "GIF":
        if getattr(image, "n_frames", 1) > MAX_FRAMES:
            raise ValueError("frames")
        for frame in range(1, image.n_frames):
            image.seek(frame)
            comments.append(image.info.get("comment", b""))
    return [_text(comment) for comment in comments if comment]


def _metadata(image: Image.Image, data: bytes) -> list[tuple[str, str]]:
    found = [("part:metadata EXIF", _exif(image))]
    xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    found.append(("part:metadata XMP", xmp if isinstance(xmp, str) else _xmp(xmp)))
    found += [(f"part:metadata gambar '{key}'", _text(value)) for key, value in image.info.items()
              if key not in _SKIP and not (image.format == "PNG" and isinstance(value, str))]
    if image.format == "PNG":
        found += [(f"part:{key}", text) for key, text in _png_chunks(data).items()]
    if image.format in ("JPEG", "MPO"):
        found += [(f"part:segmen JPEG {marker}", binary(segment)) for marker, segment in image.applist
                  if marker != "COM" and not segment.startswith(_PARSED)]  # the rest: IPTC captions, ICC, ...
    found += [("part:komentar gambar", comment) for comment in _comments(image)]
    return found


def _xmp(data: bytes) -> str:
    from checker.documents.officexml import xml_text

    return xml_text(data)


def read(data: bytes) -> Text:
    """The metadata texts of an image (PNG, JPEG, GIF, WebP), or why they cannot all be read."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # no pixel is decoded here
            with Image.open(io.BytesIO(data)) as image:
                kind = _FORMATS.get(image.format or "", "")
                found = [(place, text) for place, text in _metadata(image, data) if text.strip()]
    except (ValueError, Image.DecompressionBombError):  # Pillow's text and size limits, and our frame limit
        return Text(problem="too_big_to_scan")
    except Exception:  # a damaged image, in any of Pillow's ways
        return Text(problem="corrupt")
    return Text(tuple(text for _, text in found), tuple(place for place, _ in found), format=kind)
