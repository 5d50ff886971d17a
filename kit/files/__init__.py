"""Files: reading and writing the kit's own files (layer 1: imports only ``errors`` and ``options``).

* :mod:`~kit.files.resources` - the package data in ``kit/data/`` (importlib.resources)
* :mod:`~kit.files.yamlfile` - YAML read safely, with the line each value starts on
* :mod:`~kit.files.store` - JSON-lines logs appended under a lock, files replaced atomically
* :mod:`~kit.files.loglines` - a JSON-lines log read as it grows: only the lines appended since the last read are parsed
* :mod:`~kit.files.textfile` - one text file: its kind, whether it may be read, its encoding
"""
