"""The package a user installs: every subpackage ships in the wheel, and `--help` stays light."""

import re
import shutil
import subprocess
import sys
import zipfile
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


def test_the_wheel_carries_the_record_schemas_and_the_package_data(tmp_path):
    pytest.importorskip("setuptools")  # the build backend (sumy needs it too, so it is there)
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("briefing", "templates"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                            str(source), "-w", str(tmp_path / "dist")], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    [wheel] = (tmp_path / "dist").glob("briefing-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"briefing/schemas/brief.schema.json", "briefing/schemas/analysis.schema.json"} <= names
    data = {p.relative_to(ROOT).as_posix() for p in (ROOT / "briefing").rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc")}
    assert data <= names, sorted(data - names)  # every data file of the package ships


@pytest.mark.parametrize("command", [[], ["build"], ["analyze"], ["serve"], ["daily"], ["send"]])
def test_help_imports_no_numpy_nltk_or_weasyprint(command):
    script = (
        "import sys\n"
        "from briefing.cli import main\n"
        "try:\n"
        f"    main({command + ['--help']!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = sorted(m for m in ('numpy', 'nltk', 'weasyprint', 'sumy', 'trafilatura', 'faker') if m in sys.modules)\n"
        "print('HEAVY', ' '.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert "usage: briefing" in out.stdout
    assert out.stdout.strip().splitlines()[-1] == "HEAVY"


def test_analysis_and_story_grouping_never_import_scipy_stats():
    # NLTK's package __init__ imports scipy.stats (0.7 s) for statistics briefing never uses;
    # briefing.lightnltk imports NLTK without it, and scipy.stats still works when asked for.
    script = (
        "import sys\n"
        "from briefing.model import Article\n"
        "from briefing.analyze.article import analyze_article\n"
        "from briefing.brief.assemble import assemble_brief\n"
        "text = 'Mr. Lind met the ministers in Oslo on Monday. The talks will resume in May.'\n"
        "a = analyze_article(Article(path='a.txt', title='Talks', paragraphs=[text] * 3))\n"
        "assemble_brief([a, a])\n"
        "print('STATS', 'scipy.stats' in sys.modules, len(a.sentences))\n"
        "import scipy.stats\n"
        "print('NORM', scipy.stats.norm.cdf(0.0))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    lines = out.stdout.strip().splitlines()
    assert "STATS False 6" in lines
    assert "NORM 0.5" in lines
