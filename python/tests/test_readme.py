"""The README's Python example, run as written: every expression whose comment shows a value must
give that value, so the example cannot go stale."""

from __future__ import annotations

import ast
import io
import tokenize

from conftest import REPO


def _python_block() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("\n## Python\n") :]
    start = section.index("```python\n") + len("```python\n")
    return section[start : section.index("```", start)]


def _comments(source: str) -> dict[int, str]:
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return {t.start[0]: t.string[1:].strip() for t in tokens if t.type == tokenize.COMMENT}


def _shown(value: object) -> str:
    text = repr(value)
    # `a, b  # x, y`: the comment shows a tuple without its parentheses.
    return text[1:-1] if isinstance(value, tuple) else text


def test_the_readme_python_example_runs_and_shows_true_values(monkeypatch, capsys):
    source = _python_block()
    comments = _comments(source)
    monkeypatch.chdir(REPO)
    namespace: dict[str, object] = {
        "paths": ["tests/fixtures/sample-letter.txt", "tests/fixtures/no-such-letter.txt"]
    }
    checked = 0
    for statement in ast.parse(source).body:
        code = ast.Module(body=[statement], type_ignores=[])
        if not isinstance(statement, ast.Expr):
            exec(compile(code, "README.md", "exec"), namespace)
            continue
        value = eval(compile(ast.Expression(statement.value), "README.md", "eval"), namespace)
        comment = comments.get(statement.end_lineno, "")
        if comment[:1] in ("[", "'", "(", "{", '"') or comment[:1].isdigit():
            assert comment.startswith(_shown(value)), (ast.unparse(statement), comment)
            checked += 1
    assert checked >= 4, "the example shows values in its comments"
    # The read_many loop prints the error it met in place of the missing file.
    assert "no-such-letter" in capsys.readouterr().out
