"""The blocking client: ``client.py`` is generated from ``_async/client.py``."""
