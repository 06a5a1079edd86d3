"""Plain text: the encoding detected (UTF-8, UTF-16, GB18030/GBK, Big5), newlines made universal."""
from __future__ import annotations

from .base import Document

__all__ = ["read_text"]


def read_text(data: bytes, name: str = "<bytes>") -> Document:
    """Decode a text file.

    >>> read_text("江城县政府工作报告\\r\\n年内要完成政务中心搬迁。".encode("gbk")).text
    '江城县政府工作报告\\n年内要完成政务中心搬迁。'
    """
    from ..io import decode_bytes

    text, enc = decode_bytes(data, name)
    return Document(text, "text", encoding=enc)
