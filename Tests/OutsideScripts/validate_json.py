"""Validates painladder --json outputs against the JSON Schemas in schemas/.

argv[1]: the schemas folder. stdin: JSON [{"schema": NAME, "command": TEXT, "text": OUTPUT,
"lines": BOOL}, ...]; with "lines" each non-empty line is one document (JSON Lines). Prints
one line per invalid document and exits 1 when there is any.
"""
import json
import os
import sys

import jsonschema

folder = sys.argv[1]
validators = {}
failures = 0
for item in json.load(sys.stdin):
    name = item["schema"]
    if name not in validators:
        with open(os.path.join(folder, name + ".schema.json")) as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        validators[name] = jsonschema.Draft202012Validator(schema)
    texts = [l for l in item["text"].splitlines() if l.strip()] if item["lines"] else [item["text"]]
    for text in texts:
        try:
            document = json.loads(text)
        except ValueError as e:
            print("%s: not JSON (%s)" % (item["command"], e))
            failures += 1
            continue
        for error in validators[name].iter_errors(document):
            print("%s: %s at /%s" % (item["command"], error.message, "/".join(map(str, error.absolute_path))))
            failures += 1
sys.exit(1 if failures else 0)
