"""The wheel is the product: templates, compiled catalogs and KERN go inside the package.

The repository keeps `templates/` and `translations/` at its root (see DESIGN.md); this
build step copies them into `consult/` and compiles the catalogs, so an installed Consult
serves pages in every language without a checkout. Everything else is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildProduct(build_py):
    """build_py, then templates and compiled catalogs into the built `consult` package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads templates/ and translations/ in place
        target = Path(self.build_lib) / "consult"
        kern = target / "static" / "vendor" / "kern" / "kern.min.css"
        if not kern.is_file():
            raise SystemExit("KERN is missing from consult/static/vendor: run `make vendor` first.")
        shutil.copytree(ROOT / "templates", target / "templates", dirs_exist_ok=True)
        _compile_catalogs(ROOT / "translations", target / "translations")


def _compile_catalogs(source: Path, target: Path) -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in sorted(source.glob("*/LC_MESSAGES/messages.po")):
        folder = target / po.parent.relative_to(source)
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy2(po, folder / "messages.po")
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=po.parent.parent.name)
        with (folder / "messages.mo").open("wb") as handle:
            write_mo(handle, catalog)
    # The review status and the glossary, for the administrators' languages page.
    for data in sorted(source.glob("*.toml")):
        shutil.copy2(data, target / data.name)


setup(cmdclass={"build_py": BuildProduct})
