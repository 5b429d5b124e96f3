"""Scanned images (JPG/PNG…) placed on A4 pages inside the text block, numbered like the rest."""

from __future__ import annotations

import io

from PIL import Image, ImageOps
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from ..pdf.fonts import FontSet
from ..pdf.layout import BOTTOM, PAGE, TEXT_HEIGHT, TEXT_WIDTH, text_block_left
from ..pdf.stamps import draw_footer, draw_page_number


def image_page(data: bytes, number: int, footer: str, fonts: FontSet) -> bytes:
    """One A4 page with the image fitted into the text block (EXIF rotation applied)."""
    with Image.open(io.BytesIO(data)) as source:
        image = ImageOps.exif_transpose(source)
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        width, height = image.size
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=PAGE, invariant=True, initialFontName=fonts.body)
        scale = min(TEXT_WIDTH / width, TEXT_HEIGHT / height)
        w, h = width * scale, height * scale
        x = text_block_left(number) + (TEXT_WIDTH - w) / 2
        y = BOTTOM + (TEXT_HEIGHT - h)  # top of the text block
        canvas.drawImage(ImageReader(image), x, y, w, h)
    draw_page_number(canvas, number, fonts)
    draw_footer(canvas, footer, fonts)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
