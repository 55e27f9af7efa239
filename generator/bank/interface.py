"""The interface's English words: the browser tools' messages modules, and the site's name and sections.

The tools' words are written in JavaScript, one `addMessages("en", {...})` per area, so that a page
loads only its own. They are object literals of strings and plural forms and nothing else, which this
module reads with a tokenizer of that small language instead of running JavaScript.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import Problem, SourceError
from ..model import Message

SCRIPTS_DIR = "assets/javascripts"
MODULES = "messages*.js"
_CALL = re.compile(r'addMessages\(\s*"(?P<lang>[a-z]{2})"\s*,\s*\{')
_TOKEN = re.compile(r'\s+|//[^\n]*|/\*.*?\*/|"(?:[^"\\\n]|\\.)*"|[A-Za-z_$][\w$]*|[{}:,)]|.', re.S)


def browser_messages(docs_dir: Path, docs_display: str) -> dict[str, dict[str, Message]]:
    """Each messages module's English, keyed by its path in the docs folder, then by message id."""
    modules: dict[str, dict[str, Message]] = {}
    folder = docs_dir / SCRIPTS_DIR
    for path in sorted(folder.rglob(MODULES)) if folder.is_dir() else ():
        uri = path.relative_to(docs_dir).as_posix()
        modules[uri] = read_messages(path.read_text(encoding="utf-8"), f"{docs_display}/{uri}")
    return modules


def read_messages(text: str, display: str) -> dict[str, Message]:
    """The messages of one module's `addMessages("en", {...})`; SourceError where it is not that form."""
    found = _CALL.search(text)
    if found is None:
        raise SourceError(Problem(display, 1, 1, 'no addMessages("en", {...}) call in this messages module'))
    tokens = _tokens(text, found.end())
    try:
        value = _object(tokens)
    except (ValueError, StopIteration) as err:
        line = text.count("\n", 0, found.end()) + 1
        raise SourceError(
            Problem(display, line, 1, f"the messages are not a plain object of strings: {err}")
        ) from None
    return value


def _tokens(text: str, start: int) -> Iterator[str]:
    for token in _TOKEN.finditer(text, start):
        word = token.group()
        if not word.isspace() and not word.startswith(("//", "/*")):
            yield word


def _object(tokens: Iterator[str]) -> dict[str, Any]:
    """An object literal whose opening brace was read: string or bare keys, string or object values."""
    result: dict[str, Any] = {}
    while True:
        token = next(tokens)
        if token == "}":
            return result
        key = json.loads(token) if token.startswith('"') else token
        if not key.strip() or next(tokens) != ":":
            raise ValueError(f"unexpected {token!r}")
        value_token = next(tokens)
        if value_token == "{":
            result[key] = _object(tokens)
        elif value_token.startswith('"'):
            result[key] = json.loads(value_token)
        else:
            raise ValueError(f"the value of {key!r} is not a string or an object of plural forms")
        after = next(tokens)
        if after == "}":
            return result
        if after != ",":
            raise ValueError(f"expected ',' after {key!r}, not {after!r}")


def module_text(language: str, messages: dict[str, Message], english_module: str) -> str:
    """A messages module in `language`, as the translated site serves it in place of the English one."""
    body = json.dumps(messages, ensure_ascii=False, indent=2)
    return (
        f"// The words of {english_module} in '{language}', made by the build from "
        f"interface.{language}.yaml.\n\n"
        'import { addMessages } from "' + _strings_import(english_module) + '";\n\n'
        f'addMessages("{language}", {body});\n'
    )


def _strings_import(module: str) -> str:
    """How a messages module names core/strings.js, from its own folder."""
    depth = module.removeprefix(SCRIPTS_DIR + "/").count("/")
    return "./strings.js" if module.startswith(f"{SCRIPTS_DIR}/core/") else "../" * depth + "core/strings.js"
