"""An image's metadata is read for the NIK scan (EXIF, XMP, PNG text chunks, JPEG and GIF comments),
with real images written by Pillow; a NIK there keeps the image off the site."""
from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image, PngImagePlugin

from checker.documents import image
from checker.loader import load_village
from checker.rules import documents, nik
from tests.conftest import run_rule, publishable

NIK = "3508074506870003"
PROFIL = "bagan: {{berkas: dokumen/{name}}}\n"  # the berkas is on line 1


def picture() -> Image.Image:
    return Image.new("RGB", (8, 8), "white")


def saved(im: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    im.save(buffer, fmt, **options)
    return buffer.getvalue()


def jpeg_exif(value: str) -> bytes:
    exif = Image.Exif()
    exif[0x010E] = f"Foto KTP {value}"  # ImageDescription
    return saved(picture(), "JPEG", exif=exif)


def jpeg_user_comment(value: str) -> bytes:
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9286] = b"UNICODE\x00" + f"Pemilik {value}".encode("utf-16-le")  # UserComment
    return saved(picture(), "JPEG", exif=exif)


def jpeg_comment(value: str) -> bytes:
    return saved(picture(), "JPEG", comment=f"NIK {value}")


def jpeg_xmp(value: str) -> bytes:
    packet = f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description dc:title="{value}"/></rdf:RDF></x:xmpmeta>'
    return saved(picture(), "JPEG", xmp=packet.encode())


def png_text(value: str) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", f"NIK {value}")
    return saved(picture(), "PNG", pnginfo=info)


def png_compressed(value: str) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Description", f"Penerima {value}", zip=True)  # zTXt
    return saved(picture(), "PNG", pnginfo=info)


def png_text_after_the_pixels(value: str) -> bytes:
    """A tEXt chunk placed after IDAT, which Pillow's open() alone never reads."""
    data = saved(picture(), "PNG")
    body = b"Comment\x00" + f"NIK {value}".encode()
    chunk = struct.pack(">I", len(body)) + b"tEXt" + body + struct.pack(">I", zlib.crc32(b"tEXt" + body))
    end = data.rindex(b"IEND") - 4
    return data[:end] + chunk + data[end:]


def gif_comment(value: str) -> bytes:
    return saved(picture(), "GIF", comment=f"NIK {value}")


CASES = [(jpeg_exif, "jpg"), (jpeg_user_comment, "jpg"), (jpeg_comment, "jpg"), (jpeg_xmp, "jpg"), (png_text, "png"),
         (png_compressed, "png"), (png_text_after_the_pixels, "png"), (gif_comment, "gif")]


@pytest.mark.parametrize(("make", "suffix"), CASES, ids=[make.__name__ for make, _ in CASES])
def test_a_nik_in_image_metadata_is_found_and_the_image_not_published(make_village, make, suffix):
    name = f"bagan.{suffix}"
    root = make_village({"profil.yaml": PROFIL.format(name=name), f"dokumen/{name}": make(NIK)})
    findings = run_rule(root, nik)
    assert [(f.file, f.line, f.rule) for f in findings] == [("profil.yaml", 1, "nik")]
    assert "350807******0003" in findings[0].message_id and "bagian" in findings[0].message_id
    assert publishable(load_village(root)) == frozenset()


@pytest.mark.parametrize(("make", "suffix"), CASES, ids=[make.__name__ for make, _ in CASES])
def test_the_same_metadata_without_a_nik_passes_and_is_published(make_village, make, suffix):
    name = f"bagan.{suffix}"
    root = make_village({"profil.yaml": PROFIL.format(name=name), f"dokumen/{name}": make("tanpa nomor")})
    assert run_rule(root, nik) == [] and run_rule(root, documents) == []
    assert publishable(load_village(root)) == {f"dokumen/{name}"}


def test_the_place_names_the_kind_of_metadata():
    assert "part:metadata EXIF" in image.read(jpeg_exif(NIK)).places
    assert "part:teks PNG 'Comment'" in image.read(png_text_after_the_pixels(NIK)).places
    assert image.read(png_text(NIK)).format == "png" and image.read(gif_comment(NIK)).format == "gif"


def test_a_damaged_image_is_a_finding_not_an_unread_pass(make_village):
    data = png_text("tanpa nomor")
    root = make_village({"profil.yaml": PROFIL.format(name="bagan.png"), "dokumen/bagan.png": data[:40]})
    assert [(f.line, f.message_en) for f in run_rule(root, documents)] == [
        (1, "Document dokumen/bagan.png is damaged and cannot be read.")]
