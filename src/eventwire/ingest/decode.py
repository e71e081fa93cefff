"""Bytes to str, repairing what can be repaired, and saying what was done."""
from __future__ import annotations

import codecs

from ..errors import InputError


_LATIN_FAMILY = {"cp1250", "cp1252", "latin-1", "iso8859-1", "iso8859-2", "iso8859-15", "iso-8859-1", "iso-8859-2",
                 "iso-8859-15", "mac-roman", "mac-latin2", "cp850", "cp858", "windows-1250", "windows-1252"}


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding used). Raises InputError when nothing sensible comes out."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        if best.encoding.replace("_", "-") in _LATIN_FAMILY:
            try:  # short Western text is often guessed as a Central European code page: prefer Windows-1252
                return data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                pass
        return str(best), best.encoding
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise InputError("cannot decode the text (not UTF-8, not a known encoding)") from exc
