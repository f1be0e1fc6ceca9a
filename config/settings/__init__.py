"""Settings modules: base.py (shared, with features.py: the platform's own work), local.py (the
embedded mode, the default), production.py (a deployment: DJANGO_SETTINGS_MODULE=
config.settings.production) and test.py (pytest)."""
