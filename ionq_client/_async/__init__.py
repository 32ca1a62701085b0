"""The async client, written once: ``client.py`` is the source of ``_sync/client.py``."""
