"""GDIIoT Desktop: offline management of Guangdong's industrial internet pilot applications."""

__version__ = "0.1.0"  # kept equal to pyproject.toml's version (tests/unit/test_logs.py checks)
