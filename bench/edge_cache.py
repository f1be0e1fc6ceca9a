"""Varnish in front of gunicorn for the benchmark: the shipped VCL (platform/varnish/default.vcl)
with its backend pointed at the benchmark's gunicorn, in a throw-away working folder.

CI runs no benchmarks and has no varnishd: without it the caller reports a skip with the line
to install it (apt-get install varnish), never a failure.
"""

import re
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from bench.servers import free_port

VCL = Path(__file__).resolve().parent.parent / "platform" / "varnish" / "default.vcl"


def varnishd():
    return shutil.which("varnishd") or next(
        (path for path in ("/usr/sbin/varnishd", "/usr/local/sbin/varnishd") if Path(path).exists()), None
    )


class Varnish:
    """varnishd in the foreground for the length of a `with` block; `.base` is its address."""

    def __init__(self, backend_base):
        self.backend = urlsplit(backend_base)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.folder = tempfile.TemporaryDirectory(prefix="bench-varnish-")
        vcl = Path(self.folder.name) / "default.vcl"
        text = re.sub(r'\.port = "\d+";', f'.port = "{self.backend.port}";', VCL.read_text())
        vcl.write_text(text)
        # Started as root, varnishd reads the VCL as its own unprivileged user.
        Path(self.folder.name).chmod(0o755)
        vcl.chmod(0o644)
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(  # noqa: S603
            [varnishd(), "-F", "-n", str(Path(self.folder.name) / "work"), "-a", f"127.0.0.1:{self.port}",
             "-T", "127.0.0.1:0", "-f", str(vcl), "-s", "malloc,64m"],
            stdout=self.log, stderr=self.log,
        )  # fmt: skip
        for _ in range(100):
            if self.process.poll() is not None:
                break
            try:
                urllib.request.urlopen(f"{self.base}/healthz", timeout=10)  # noqa: S310
                return self
            except urllib.error.HTTPError:
                return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        self.log.seek(0)
        raise RuntimeError(f"varnishd did not start: {self.log.read()[-1000:].decode(errors='replace')}")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.folder.cleanup()
