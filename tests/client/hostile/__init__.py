"""The client against a hostile HTTP server: a raw-socket server (``rawserver``) that
trickles, floods, bombs, truncates, lies and echoes secrets, scripted per test."""
