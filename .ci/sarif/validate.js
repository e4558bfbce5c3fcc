#!/usr/bin/env node
// Validates SARIF logs against the SARIF 2.1.0 JSON schema shipped in @microsoft/jest-sarif
// (sarif-2.1.0-rtm.5.json, JSON Schema draft-04), with ajv and ajv-formats.
// Usage: node validate.js LOG.sarif... ; exits 1 when a log is invalid or has no results
// where some are expected (pass --allow-empty before a log that may be empty).
"use strict";

const fs = require("fs");
const path = require("path");
const Ajv = require("ajv-draft-04");
const addFormats = require("ajv-formats");

const schemaPath = path.join(
  path.dirname(require.resolve("@microsoft/jest-sarif/package.json")),
  "lib/schemas/sarif-2.1.0-rtm.5.json",
);
const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
// rtm.5's `language` pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`) is not valid with
// the `u` flag (the final 2.1.0 schema fixed it), so patterns are compiled without it.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

let failed = false;
let allowEmpty = false;
for (const arg of process.argv.slice(2)) {
  if (arg === "--allow-empty") {
    allowEmpty = true;
    continue;
  }
  const log = JSON.parse(fs.readFileSync(arg, "utf8"));
  const results = (log.runs || []).reduce((n, run) => n + (run.results || []).length, 0);
  if (!validate(log)) {
    failed = true;
    console.error(`${arg}: INVALID against ${schema.title}`);
    for (const error of validate.errors) {
      console.error(`  ${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}`);
    }
  } else if (results === 0 && !allowEmpty) {
    failed = true;
    console.error(`${arg}: valid, but has no results (expected some)`);
  } else {
    console.log(`${arg}: valid SARIF 2.1.0 (${results} results)`);
  }
  allowEmpty = false;
}
process.exit(failed ? 1 : 0);
