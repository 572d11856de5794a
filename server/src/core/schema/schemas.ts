// The JSON Schemas in schemas/, compiled once per SchemaRegistry with ajv. Besides standard JSON
// Schema (draft-07) they use three annotations of ours:
//   "recommended": [keys]    like "required", but reported as a warning
//   "x-message": "..."       the message shown when this subschema fails
//   "x-severity": "warning"  the severity when this subschema fails (default: the rule's)
//   "x-detail": "..."        why, shown by the hover on the finding

import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import careerPage from '../../../../schemas/career-page.schema.json';
import config from '../../../../schemas/career-pages-config.schema.json';
import definitions from '../../../../schemas/definitions.schema.json';
import include from '../../../../schemas/include.schema.json';
import jobFamily from '../../../../schemas/job-family.schema.json';
import page from '../../../../schemas/page.schema.json';
import type { PageKind } from '../config';

export type SchemaName = PageKind | 'config';

const SCHEMAS: Record<SchemaName, object> = {
  'career-page': careerPage,
  'job-family': jobFamily,
  page,
  include,
  config,
};

export class SchemaRegistry {
  private ajvInstance?: Ajv;
  private readonly compiled = new Map<SchemaName, ValidateFunction>();

  /** Created on first validation: building the validator costs milliseconds that readers of schemas need not pay. */
  private get ajv(): Ajv {
    if (this.ajvInstance) return this.ajvInstance;
    // validateSchema off: checking our own bundled schemas against the draft-07 meta-schema compiled
    // it on every run (about 45 ms of a cached career-lint re-run); test/unit/schemas.test.ts checks them once.
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, validateSchema: false });
    ajv.addVocabulary(['x-message', 'x-severity', 'x-detail', 'markdownDescription', 'deprecationMessage', 'defaultSnippets']);
    ajv.addKeyword({
      keyword: 'recommended',
      type: 'object',
      schemaType: 'array',
      errors: true,
      validate: function recommended(keys: string[], data: Record<string, unknown>) {
        const missing = keys.filter((k) => !(k in data));
        (recommended as unknown as { errors: Partial<ErrorObject>[] }).errors = missing.map((k) => ({
          keyword: 'recommended',
          params: { missingProperty: k },
          message: `should have property ${k}`,
        }));
        return missing.length === 0;
      },
    });
    ajv.addSchema(definitions);
    this.ajvInstance = ajv;
    return ajv;
  }

  /** The raw schema object (for hover, completion and docs). */
  schema(name: SchemaName): Record<string, unknown> {
    return SCHEMAS[name] as Record<string, unknown>;
  }

  /** Follows a subschema's "$ref" into definitions.schema.json (the only file our schemas refer to). */
  deref(schema: unknown): Record<string, unknown> {
    let s = schema as Record<string, unknown>;
    for (let guard = 0; guard < 8 && s && typeof s.$ref === 'string'; guard++) {
      const [file, fragment = ''] = (s.$ref as string).split('#');
      let target: unknown = file === '' || file.endsWith('definitions.schema.json') ? definitions : undefined;
      for (const part of fragment.split('/').filter(Boolean)) target = (target as Record<string, unknown> | undefined)?.[part];
      s = (target as Record<string, unknown>) ?? {};
    }
    return s ?? {};
  }

  validate(name: SchemaName, value: unknown): ErrorObject[] {
    let fn = this.compiled.get(name);
    if (!fn) {
      fn = this.ajv.compile(SCHEMAS[name]);
      this.compiled.set(name, fn);
    }
    return fn(value) ? [] : [...(fn.errors ?? [])];
  }
}
