"""No app reaches another app through a name in a string.

import-linter (pyproject.toml) sees only `import` statements: `importlib.import_module("cms.demo")`
in teams went up the layers unseen until the demo loader moved to the top. This test reads every
app's code below the top layer (`config`) and fails on a dynamic import (`import_module`,
`__import__`, `import_string`) that names another of our apps, or whose name it cannot read.
An app may still load its own modules by name (messaging's providers). Migrations and tests are
left out: migrations load by name what Django gives them, and tests build worlds across apps.
"""

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
APPS = set(CONTRACTS["root_packages"])
TOP = {name.strip() for name in CONTRACTS["contracts"][0]["layers"][0].split("|")}
DYNAMIC_IMPORTS = {"import_module", "__import__", "import_string"}
NOT_SCANNED = {"migrations", "tests"}


def _string_constants(tree):
    """Module-level names bound to a dict, list or tuple of strings: their strings."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            value = node.value
            items = value.values if isinstance(value, ast.Dict) else getattr(value, "elts", None)
            if isinstance(value, ast.Dict | ast.List | ast.Tuple) and all(
                isinstance(item, ast.Constant) and isinstance(item.value, str) for item in items
            ):
                found[node.targets[0].id] = [item.value for item in items]
    return found


def _names_in(argument, constants):
    """The module paths an argument can name, or None when they cannot be read from the code."""
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        return [argument.value]
    if isinstance(argument, ast.JoinedStr):
        leading = argument.values[0]
        if isinstance(leading, ast.Constant) and "." in leading.value:
            return [leading.value]
        return None
    if isinstance(argument, ast.Subscript) and isinstance(argument.value, ast.Name):
        return constants.get(argument.value.id)
    return None


def dynamic_imports_across(source, own_app):
    """(line, what) for each dynamic import in `source` that names an app other than `own_app`."""
    tree = ast.parse(source)
    constants = _string_constants(tree)
    offences = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
        if called not in DYNAMIC_IMPORTS:
            continue
        names = _names_in(node.args[0], constants)
        if names is None:
            offences.append((node.lineno, f"{called}() of a name the code does not show"))
            continue
        for name in names:
            app = name.split(".")[0]
            if app in APPS and app != own_app:
                offences.append((node.lineno, f"{called}({name!r})"))
    return sorted(offences)


def test_no_app_below_the_top_imports_another_app_by_name():
    offences = []
    for app in sorted(APPS - TOP):
        for path in sorted((ROOT / app).rglob("*.py")):
            if NOT_SCANNED & set(path.relative_to(ROOT).parts):
                continue
            for line, what in dynamic_imports_across(path.read_text(), app):
                offences.append(f"{path.relative_to(ROOT)}:{line}: {what}")
    assert offences == [], "Import the module plainly, or move the code to the top layer:\n" + "\n".join(
        offences
    )


def test_the_scan_tells_a_reach_up_the_layers_from_an_app_loading_its_own_modules():
    reaching_up = """
import importlib
from django.utils.module_loading import import_string
STEPS = ["teams.demo", "cms.demo"]
importlib.import_module("cms.demo")
__import__("reporting.summaries")
import_string(f"trainings.demo.{name}")
for step in STEPS:
    import_string(STEPS[step])
importlib.import_module(f"{app}.demo")
"""
    assert dynamic_imports_across(reaching_up, "teams") == [
        (5, "import_module('cms.demo')"),
        (6, "__import__('reporting.summaries')"),
        (7, "import_string('trainings.demo.')"),
        (9, "import_string('cms.demo')"),
        (10, "import_module() of a name the code does not show"),
    ]
    its_own = """
from importlib.metadata import version
PROVIDERS = {"console": "messaging.providers.console.ConsoleProvider"}
import_string(PROVIDERS[name])
importlib.import_module("messaging.providers.twilio")
version("openpyxl")
"""
    assert dynamic_imports_across(its_own, "messaging") == []
