"""What the running system gives every app: the one throttle (rate limits counted in the shared
cache) and the private file storage for personal files.

The bottom layer: it imports no app of ours, and every app may import it. Library code lives
here rather than in `config/`, which is the top layer (settings, URLs, the Celery app) and
imports the apps; pyproject.toml's import-linter contracts keep it so.
"""
