# Generated from ionq_client/_async/ by scripts/make_sync.py: edit the async file,
# then run `make unasync`. `make test` fails when this file drifts from it.
