"""Code found by path or by name is found through the modules themselves, and a missing one stops loudly."""

from __future__ import annotations

import importlib
import tomllib
import types
from pathlib import Path

import pytest

from generator.bank import load_project, parse_cache, prose, read_project, source
from generator.code import MissingCodeError, code_digest, module_file
from generator.errors import GeneratorError
from generator.handouts import plan, render
from generator.site import checklist_markdown, offline, pages
from generator.stage import STAGED_OVERRIDES, staged_config

ROOT = Path(__file__).resolve().parent.parent


def test_a_module_without_its_file_is_named_in_the_error(tmp_path: Path) -> None:
    gone = types.ModuleType("generator.site.gone")
    gone.__file__ = str(tmp_path / "gone.py")
    with pytest.raises(MissingCodeError) as caught:
        code_digest(source, gone)
    assert isinstance(caught.value, GeneratorError)
    assert "generator.site.gone" in str(caught.value) and str(tmp_path / "gone.py") in str(caught.value)
    with pytest.raises(MissingCodeError, match=r"generator\.site\.gone has no source file to hash"):
        module_file(types.ModuleType("generator.site.gone"))


def test_the_code_digest_changes_with_the_code(tmp_path: Path) -> None:
    copy = types.ModuleType("generator.bank.source")
    copy.__file__ = str(tmp_path / "source.py")
    Path(copy.__file__).write_bytes(module_file(source).read_bytes())
    assert code_digest(copy) == code_digest(source)
    Path(copy.__file__).write_bytes(module_file(source).read_bytes() + b"\n# changed\n")
    assert code_digest(copy) != code_digest(source)


def test_the_parse_cache_keys_on_the_reader_module(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(source, "__file__", str(tmp_path / "moved.py"))
    with pytest.raises(MissingCodeError, match=r"generator\.bank\.source"):
        parse_cache.parse_yaml_cached("a: 1\n", "bank.yaml", tmp_path)


def test_the_handout_keys_hash_the_markdown_modules(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    modules = plan.MARKDOWN_MODULES
    assert modules == (checklist_markdown, prose)
    monkeypatch.setattr(prose, "__file__", str(tmp_path / "moved.py"))
    with pytest.raises(MissingCodeError, match=r"generator\.bank\.prose"):
        plan._engine_version()


def test_the_staged_config_needs_nothing_of_the_generator() -> None:
    # Engines that cannot import the generator (Zensical) build the staged tree: its pages carry the
    # checklist markup, and the theme's overrides are copied into it.
    project = read_project(ROOT / "mkdocs.yml")
    config = staged_config(project, load_project(project))
    extensions = [
        next(iter(item)) if isinstance(item, dict) else item for item in config["markdown_extensions"]
    ]
    assert not [name for name in extensions if not isinstance(name, str) or name.startswith("generator")]
    assert {"attr_list", "md_in_html"} <= set(extensions)
    plugins = [next(iter(item)) if isinstance(item, dict) else item for item in config["plugins"]]
    assert "guide" not in plugins
    assert config["theme"]["custom_dir"] == STAGED_OVERRIDES


def test_the_package_data_holds_every_template() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["generator"]
    package = module_file(importlib.import_module("generator")).parent
    assert (package / "py.typed").is_file() and "py.typed" in globs
    for folder in (pages.TEMPLATES, render.TEMPLATES):
        files = sorted(path for path in folder.iterdir() if path.is_file())
        assert files, f"{folder} has no templates"
        for path in files:
            relative = path.relative_to(package)
            assert any(relative.match(glob) for glob in globs), (
                f"{relative} is in no package-data glob: {globs}"
            )
    worker = offline.WORKER_SOURCE.relative_to(package)  # the service worker's source, read as text
    assert offline.WORKER_SOURCE.is_file() and any(worker.match(glob) for glob in globs), worker
