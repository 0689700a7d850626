"""Bytes to text: decode any common encoding, refuse binaries, normalise odd characters.

Public API:

- `decode(data)` -> text from bytes in any common encoding; never raises.
- `sniff_binary(data)` -> a reason string when the bytes are not text, else None.
- `decoded_ok(text)` -> False when decoding produced mostly replacement characters.
- `normalize_text(text)` -> newlines, spaces, zero-width/control characters and entities tidied; NFC.
"""

from __future__ import annotations

import codecs
import html
import re
import unicodedata

__all__ = ["decode", "sniff_binary", "decoded_ok", "normalize_text"]

# --------------------------------------------------------------------------- bytes -> text

_MAGIC: list[tuple[bytes, str]] = [
    (b"%PDF", "a PDF"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive or Word/Excel document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word/Excel document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"RIFF", "audio or video"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "audio"),
    (b"\x00\x00\x00\x18ftyp", "a video"),
    (b"\x00\x00\x00\x20ftyp", "a video"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"SQLite format 3\x00", "a database"),
]

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

_SAMPLE = 65536  # bytes read to tell text from a binary: enough for any file's header and first paragraphs


def _bom(data: bytes) -> tuple[str | None, int]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            # a UTF-16 LE BOM followed by a NUL pair could be UTF-32; the table is ordered for that
            return enc, len(bom)
    return None, 0


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the NUL pattern says so (mostly-ASCII UTF-16 text)."""
    sample = data[:_SAMPLE]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) - (len(sample) % 2)]
    half = len(sample) // 2
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    if odd_nul >= 0.3 * half and even_nul <= 0.05 * half:
        return "utf-16-le"
    if even_nul >= 0.3 * half and odd_nul <= 0.05 * half:
        return "utf-16-be"
    return None


def sniff_binary(data: bytes) -> str | None:
    """A one-line reason when `data` is not text (PDF, image, archive, NUL-ridden), else None."""
    head = data[:1024].lstrip(b" \t\r\n\x00")
    for magic, what in _MAGIC:
        if head.startswith(magic) or data.startswith(magic):
            if magic == b"MZ" and len(data) > 2 and b"\x00" not in data[:512]:
                continue  # plain text that happens to start with "MZ"
            if magic in (b"RIFF", b"ID3", b"OggS") and b"\x00" not in data[:512]:
                continue
            return f"binary file, not text (looks like {what})"
    if b"%PDF-" in data[:1024]:
        return "binary file, not text (looks like a PDF)"
    enc, _ = _bom(data)
    if enc is None and b"\x00" in data[:_SAMPLE] and _utf16_without_bom(data) is None:
        sample = data[:_SAMPLE]
        if sample.count(0) > max(2, len(sample) // 1000):
            return "binary file, not text"
    text = decode(data[:_SAMPLE])
    if text:
        bad = len(_BAD_CONTROL.findall(text))
        if bad > 0.05 * len(text) and bad >= 3:
            return "binary file, not text"
    return None


# C0 controls other than whitespace, DEL and the C1 range, and the replacement character: what
# a binary file decoded as text is full of and real text almost never holds. One regex pass
# counts them at C speed (a Python loop over a 64 kB sample cost ~8 ms a page).
_BAD_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def _cp1252_fallback(exc: UnicodeDecodeError):
    """Codec error handler: bytes that are not UTF-8 are read as cp1252 (Latin-1 where undefined)."""
    chunk = exc.object[exc.start : exc.end]
    return "".join(_CP1252[b] for b in chunk), exc.end


_CP1252 = []
for _b in range(256):
    try:
        _CP1252.append(bytes([_b]).decode("cp1252"))
    except UnicodeDecodeError:
        _CP1252.append(chr(_b))  # 0x81 0x8D 0x8F 0x90 0x9D: Latin-1 (a C1 control, cleaned later)
codecs.register_error("briefing-cp1252", _cp1252_fallback)

_TO_CP1252 = {ch: bytes([i]) for i, ch in enumerate(_CP1252)}
_CONT = "".join(re.escape(_CP1252[b]) for b in range(0x80, 0xC0))
_MOJIBAKE_RE = re.compile(
    "[\u00c2-\u00df][" + _CONT + "]|[\u00e0-\u00ef][" + _CONT + "]{2}|[\u00f0-\u00f4][" + _CONT + "]{3}"
)


def _fix_mojibake(text: str) -> str:
    """Repair UTF-8 that was read as cp1252 and saved again ("â€œ" -> "“", "Ã©" -> "é")."""

    def fix(m: re.Match) -> str:
        s = m.group(0)
        try:
            return b"".join(_TO_CP1252[c] for c in s).decode("utf-8")
        except (KeyError, UnicodeDecodeError):
            return s

    text = _MOJIBAKE_RE.sub(fix, text)
    if "\u00e2\u20ac" in text:  # "”" whose last byte (0x9d, undefined in cp1252) was lost
        text = text.replace("\u00e2\u20ac", "\u201d")
    return text


def _decode_with(data: bytes, enc: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return data.decode(enc, errors="replace")


def decode(data: bytes) -> str:
    """Text from `data`: UTF-8 (BOM or not), UTF-16/32 with BOM, BOM-less UTF-16, cp1252, Latin-1.

    Never raises. The result has no BOM; bytes that are not valid UTF-8 are read as
    cp1252 (so a file mixing UTF-8 and Windows quotes still reads right), and
    UTF-8-read-as-cp1252 mojibake ("â€™") is repaired.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        return str(data) if data is not None else ""
    data = bytes(data)
    enc, skip = _bom(data)
    if enc and enc != "utf-8":
        body = data[skip:]
        if enc.startswith("utf-16") and len(body) % 2:
            body = body[:-1]
        if enc.startswith("utf-32") and len(body) % 4:
            body = body[: len(body) - len(body) % 4]
        text = _decode_with(body, enc)
    else:
        body = data[skip:]
        utf16 = None if enc else _utf16_without_bom(body)
        if utf16:
            if len(body) % 2:
                body = body[:-1]
            text = _decode_with(body, utf16)
        else:
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                text = body.decode("utf-8", errors="briefing-cp1252")
            if any(ch in text for ch in "\u00c2\u00c3\u00e2\u00c5"):
                text = _fix_mojibake(text)
    return text.lstrip("\ufeff")


def decoded_ok(text: str) -> bool:
    """False when decoding produced mostly garbage (replacement characters)."""
    if not text:
        return True
    sample = text[:_SAMPLE]
    bad = sample.count("\ufffd")
    return bad <= 0.02 * len(sample)


# --------------------------------------------------------------------------- normalising

_TRANSLATE: dict[int, str | None] = {}
for _o in range(0x20):
    _TRANSLATE[_o] = None
_TRANSLATE[ord("\n")] = "\n"
_TRANSLATE[ord("\t")] = " "
_TRANSLATE[0x0B] = "\n"
_TRANSLATE[0x0C] = "\n"
for _o in range(0x7F, 0xA0):
    _TRANSLATE[_o] = None
for _ch in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000":
    _TRANSLATE[ord(_ch)] = " "
for _ch in "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufffd\ufffe":
    _TRANSLATE[ord(_ch)] = None
_TRANSLATE[0x2028] = "\n"
_TRANSLATE[0x2029] = "\n"
_TRANSLATE[0x85] = "\n"

_ODD_CHARS_RE = re.compile("[" + "".join(re.escape(chr(o)) for o in sorted(_TRANSLATE) if chr(o) != "\n") + "]")
_ENTITY_RE = re.compile(
    r"&(?:amp|quot|apos|lt|gt|nbsp|[lr]squo|[lr]dquo|[mn]dash|hellip|#\d{2,6}|#x[0-9a-fA-F]{2,5});"
)


def normalize_text(text: str) -> str:
    """Newlines to ``\\n``, odd spaces to spaces, zero-width and control characters out, NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ODD_CHARS_RE.search(text):  # translate only when needed: it is slow on megabytes
        text = _ODD_CHARS_RE.sub(lambda m: _TRANSLATE[ord(m.group(0))] or "", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if "&" in text:
        text = _ENTITY_RE.sub(lambda m: html.unescape(m.group(0)), text)
        text = text.replace("\u00a0", " ")
    # Typewriter stand-ins for a dash: some wire services send " _ " (an underscore standing
    # alone between words), many plain-text feeds " -- ". Neither means anything else in prose.
    if " _ " in text or " -- " in text:
        text = _TYPEWRITER_DASH_RE.sub(" \u2014 ", text)
    return text


_TYPEWRITER_DASH_RE = re.compile(r"(?<=\S) (?:_|--) (?=\S)")
