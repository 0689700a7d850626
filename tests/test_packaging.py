"""The package a user installs: every subpackage ships in the wheel, and `--help` stays light."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed_for_the_wheel():
    listed = set(re.findall(r'"(briefing(?:\.\w+)*)"', (ROOT / "pyproject.toml").read_text()))
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "briefing").rglob("__init__.py")
    }
    assert on_disk <= listed, sorted(on_disk - listed)


@pytest.mark.parametrize("command", [[], ["build"], ["analyze"], ["serve"], ["daily"], ["send"]])
def test_help_imports_no_numpy_nltk_or_weasyprint(command):
    script = (
        "import sys\n"
        "from briefing.cli import main\n"
        "try:\n"
        f"    main({command + ['--help']!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = sorted(m for m in ('numpy', 'nltk', 'weasyprint', 'sumy', 'trafilatura') if m in sys.modules)\n"
        "print('HEAVY', ' '.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert "usage: briefing" in out.stdout
    assert out.stdout.strip().splitlines()[-1] == "HEAVY"
