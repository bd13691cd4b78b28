"""Validates painladder --json outputs against the JSON Schemas in schemas/.

argv[1]: the schemas folder. stdin: JSON [{"schema": NAME, "command": TEXT, "text": OUTPUT,
"lines": BOOL}, ...]; with "lines" each non-empty line is one document (JSON Lines). Prints
one line per invalid document and exits 1 when there is any.
"""
import json
import os
import sys

import jsonschema
from referencing import Registry, Resource

folder = sys.argv[1]
# Every schema by its $id, so one schema can use another's definitions
# ("course.schema.json#/$defs/plan"), as an integrator's validator would resolve them.
schemas = {}
for file in sorted(os.listdir(folder)):
    if file.endswith(".schema.json"):
        with open(os.path.join(folder, file)) as f:
            schemas[file[:-len(".schema.json")]] = json.load(f)
registry = Registry().with_resources(
    [(s["$id"], Resource.from_contents(s)) for s in schemas.values()])
validators = {}
failures = 0
for item in json.load(sys.stdin):
    name = item["schema"]
    if name not in validators:
        schema = schemas[name]
        jsonschema.Draft202012Validator.check_schema(schema)
        validators[name] = jsonschema.Draft202012Validator(schema, registry=registry)
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
