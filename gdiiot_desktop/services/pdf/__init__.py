"""PDF machinery shared by the exports and the meeting minutes: fonts and page layout (GB/T 9704)."""

from .linebreak import install_line_breaking

install_line_breaking()  # every paragraph the program makes follows the Chinese line-breaking rules
