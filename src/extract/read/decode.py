"""Bytes to text: UTF-8 (with or without BOM), else a detected single-byte encoding."""

from __future__ import annotations

import charset_normalizer

from extract.errors import InputError

# Signatures of common binary formats that may sit in a scraper's output folder.
_MAGIC = {
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive",
    b"\x1f\x8b": "a gzip archive",
    b"PAR1": "a Parquet file",
    b"\x7fELF": "an executable",
}
_FALLBACKS = ["cp1252", "latin_1", "utf_16", "mac_roman", "cp850", "iso8859_15"]


def binary_kind(data: bytes) -> str | None:
    """Say what binary content this is, or None if it looks like text."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return kind
    head = data[:8192]
    if not head:
        return None
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if controls / len(head) > 0.10:
        return "binary data"
    return None


# Byte-order marks, longest first (UTF-32 LE starts like UTF-16 LE).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _bom(data: bytes) -> tuple[str, int] | None:
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding, len(mark)
    return None


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8 (or the encoding a BOM names), else as the detected encoding.

    Raises InputError for binary content or bytes no encoding explains.
    """
    bom = _bom(data)
    if bom and bom[0] != "utf-8":
        try:
            return data[bom[1] :].decode(bom[0])
        except UnicodeDecodeError:
            raise InputError(
                f"undecodable: starts with a {bom[0].upper()} byte-order mark but is not {bom[0].upper()}"
            ) from None
    if bom:
        data = data[bom[1] :]
    kind = binary_kind(data)
    if kind:
        raise InputError(f"not text: {kind}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data, cp_isolation=_FALLBACKS).best()
    if best is None:
        raise InputError("undecodable: neither UTF-8 nor a known single-byte encoding")
    return str(best)


def decode_head(data: bytes) -> str:
    """Decode the first bytes of a file (possibly cut mid-character), for sniffing its header."""
    bom = _bom(data)
    if bom:
        return data[bom[1] :].decode(bom[0], errors="ignore")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3:  # cut inside the last character
            return data[: exc.start].decode("utf-8")
        return data.decode("cp1252", errors="replace")


def decode_line(data: bytes) -> str:
    """Decode one line of a multi-record file: UTF-8, else CP1252 (mixed-encoding files)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
