// The bundled JSON Schemas are valid draft-07 schemas. The registry that validates pages against them
// (core/schema/schemas.ts) skips checking them against the meta-schema at run time, so it is checked here.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { SchemaRegistry } from '../../server/src/core/schema/schemas';
import { repoRoot } from '../support/fixtureSite';

const folder = path.join(repoRoot, 'schemas');

describe('bundled schemas', () => {
  it('each one is valid against the draft-07 meta-schema', () => {
    const ajv = new Ajv({ strict: false, allowUnionTypes: true });
    const files = readdirSync(folder).filter((f) => f.endsWith('.schema.json'));
    assert.ok(files.length >= 6, files.join(', '));
    for (const f of files) {
      const schema = JSON.parse(readFileSync(path.join(folder, f), 'utf8')) as object;
      assert.ok(ajv.validateSchema(schema), `${f}: ${ajv.errorsText(ajv.errors)}`);
    }
  });

  it('a page schema validates with the registry as the checks build it', () => {
    const registry = new SchemaRegistry();
    for (const name of ['career-page', 'job-family', 'page', 'include', 'config'] as const) assert.ok(Array.isArray(registry.validate(name, {})), name);
  });
});
