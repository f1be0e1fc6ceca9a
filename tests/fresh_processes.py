"""Many commands, each in a fresh process, for the price of one Python start-up.

What is read at start-up (the settings, a bad value stopping manage.py) shows only in a process of
its own, and a process per command spent most of its time importing Django and Celery again. Run
as a script, this file imports them once and forks a child per command; the child takes the
command's environment and runs it (manage.py, or a `-c` script) from there, exactly as the command
would run alone: its own settings, exit status, stdout and stderr. `run_each` is the tests' side.
"""

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Finished:
    returncode: int
    stdout: str
    stderr: str


def run_each(commands):
    """Each (argv, environment) in a fresh process, from the repository root, one after another:
    argv as after `python` (["manage.py", "check"], or ["-c", script]), the environment whole."""
    launcher = subprocess.run(
        [sys.executable, __file__],
        cwd=ROOT,
        input=json.dumps([[list(argv), dict(environment)] for argv, environment in commands]),
        capture_output=True,
        text=True,
        check=False,
    )
    assert launcher.returncode == 0, launcher.stderr
    return [Finished(*result) for result in json.loads(launcher.stdout)]


def _run_in_child(argv, environment):
    """What `python *argv` does after the interpreter has started: never returns (the child ends
    with the command, by SystemExit or an uncaught exception, as the process would)."""
    import runpy

    os.environ.clear()
    os.environ.update(environment)
    if argv[0] == "-c":
        sys.argv, sys.path[0] = ["-c", *argv[2:]], ""
        exec(compile(argv[1], "<string>", "exec"), {"__name__": "__main__"})  # noqa: S102 (the test's own script)
    else:
        sys.argv, sys.path[0] = list(argv), str(Path(argv[0]).resolve().parent)
        runpy.run_path(argv[0], run_name="__main__")
    sys.exit(0)


def _launch(commands):
    import tempfile

    # What every command imports before its settings (manage.py, config/celery_app.py): the
    # settings themselves are left to each child.
    import celery.signals  # noqa: F401
    import dj_database_url  # noqa: F401
    import django.core.management  # noqa: F401
    from celery import Celery  # noqa: F401  (celery imports its app lazily)

    results = []
    for argv, environment in commands:
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            sys.stdout.flush()
            sys.stderr.flush()
            child = os.fork()
            if child == 0:
                os.dup2(out.fileno(), 1)
                os.dup2(err.fileno(), 2)
                _run_in_child(argv, environment)
            _, status = os.waitpid(child, 0)
            out.seek(0)
            err.seek(0)
            results.append([os.waitstatus_to_exitcode(status), out.read().decode(), err.read().decode()])
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    _launch(json.load(sys.stdin))
