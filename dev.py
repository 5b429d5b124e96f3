"""Developer bootstrap (stdlib only, Windows and Linux): `python dev.py demo` or `python dev.py test [pytest args]`."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYPROJECT = ROOT / "pyproject.toml"
# Holds the hash of what was last installed, so an unchanged pyproject.toml is not reinstalled every run.
STAMP = VENV / ".gdiiot-install-stamp"
# The test suite includes the PyInstaller smoke build, so the build tools come too; `dev` brings the gates.
EXTRAS = "test,build,dev"
DEMO_DB = ROOT / "demo-data" / "gdiiot-demo.sqlite3"
DEMO_MODULE = "gdiiot_desktop.demo"
MIN_PYTHON = (3, 11)


def say(message: str) -> None:
    print(f"[dev.py] {message}", flush=True)


def venv_python() -> Path:
    bin_dir = VENV / ("Scripts" if os.name == "nt" else "bin")
    return bin_dir / ("python.exe" if os.name == "nt" else "python")


def run(command: list[str | Path]) -> int:
    say(" ".join(str(part) for part in command))
    return subprocess.call([str(part) for part in command], cwd=ROOT)


def check(command: list[str | Path]) -> None:
    code = run(command)
    if code != 0:
        say(f"failed with exit code {code}")
        sys.exit(code)


def install_fingerprint() -> str:
    digest = hashlib.sha256(PYPROJECT.read_bytes())
    digest.update(f"\0extras={EXTRAS}\0python={sys.version_info[:2]}".encode())
    return digest.hexdigest()


def ensure_venv() -> Path:
    """Create .venv with this interpreter if needed and install the project into it; returns its python."""
    if sys.version_info < MIN_PYTHON:
        sys.exit(f"Python {'.'.join(map(str, MIN_PYTHON))}+ is needed; this is {sys.version.split()[0]}")
    python = venv_python()
    if not python.exists():
        say(f"creating {VENV}")
        check([sys.executable, "-m", "venv", VENV])
    fingerprint = install_fingerprint()
    if STAMP.exists() and STAMP.read_text(encoding="utf-8").strip() == fingerprint:
        say("pyproject.toml unchanged since the last install: skipping pip install")
        return python
    check([python, "-m", "pip", "install", "--disable-pip-version-check", "-e", f".[{EXTRAS}]"])
    STAMP.write_text(fingerprint + "\n", encoding="utf-8")
    return python


def has_module(python: Path, module: str) -> bool:
    probe = f"import importlib.util, sys; sys.exit(0 if importlib.util.find_spec({module!r}) else 1)"
    return subprocess.call([str(python), "-c", probe], cwd=ROOT) == 0


def demo(_: list[str]) -> int:
    python = ensure_venv()
    DEMO_DB.parent.mkdir(parents=True, exist_ok=True)
    if has_module(python, DEMO_MODULE):
        check([python, "-m", DEMO_MODULE, "--db", DEMO_DB])
    else:
        say(f"{DEMO_MODULE} is not there yet: starting the program without demo data")
    return run([python, "-m", "gdiiot_desktop", "--db", DEMO_DB])


# Run before pytest, cheapest first; any failure stops the run (the guide's gates: ruff, mypy, layers).
GATES: list[list[str]] = [
    ["-m", "ruff", "check", "."],
    ["-m", "mypy", "gdiiot_desktop"],
    ["-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/unit/test_layers.py"],
]


def test(pytest_args: list[str]) -> int:
    python = ensure_venv()
    for gate in GATES:
        code = run([python, *gate])
        if code != 0:
            say(f"gate failed ({' '.join(gate)}): fix it before the tests run")
            return code
    return run([python, "-m", "pytest", *pytest_args])


COMMANDS = {"demo": demo, "test": test}
USAGE = """usage: python dev.py demo          set up .venv, build the demo database, start the program
       python dev.py test [ARGS]    set up .venv, run ruff, mypy and the layer test, then pytest
                                    (ARGS go to pytest, e.g. -q -k paths)"""


def main(argv: list[str] | None = None) -> int:
    # No argparse: every argument after the command, -h included, belongs to pytest.
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in COMMANDS:
        print(USAGE, file=sys.stderr)
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main())
