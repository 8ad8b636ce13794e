import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

/**
 * Validates HTTP answers against `src/api/openapi.yaml` with Ajv's JSON Schema 2020-12 validator
 * (the dialect of OpenAPI 3.1), in strict mode: every status must be documented for its
 * operation, the Content-Type must be one the operation declares, the body must match the schema
 * (a `oneOf` that two branches match is a failure), declared headers must match theirs and
 * headers marked `required` must be present. Nothing here is hand-written validation: this file
 * only finds the operation and the schemas, and hands them to Ajv.
 */
type Json = Record<string, unknown>;
interface MediaType {
  schema?: Json;
}
interface Header {
  required?: boolean;
  schema?: Json;
  $ref?: string;
}
interface ResponseObject {
  $ref?: string;
  headers?: Record<string, Header>;
  content?: Record<string, MediaType>;
}
interface Operation {
  operationId: string;
  responses: Record<string, ResponseObject>;
}
interface Route {
  template: string;
  method: string;
  pattern: RegExp;
  literalLength: number;
  operation: Operation;
}

export interface HttpAnswer {
  method: string;
  /** The path after the API base, e.g. `/orgs/acme/members?page=2`. */
  path: string;
  status: number;
  headers: Headers;
  body: string;
}

export interface ValidationResult {
  operationId: string | null;
  errors: string[];
}

const SCHEMA_ID = 'https://nimbus.example/openapi.json';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
// ajv-formats is CommonJS: its default export arrives under `default` when loaded from ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule;

/** `#/components/schemas/X` → the same schema inside the one document Ajv holds. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    const out: Json = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] =
        key === '$ref' && typeof inner === 'string' && inner.startsWith('#/components/schemas/')
          ? `${SCHEMA_ID}#/$defs/${inner.slice('#/components/schemas/'.length)}`
          : rewriteRefs(inner);
    }
    return out;
  }
  return value;
}

export class OpenApiValidator {
  readonly spec: Json;
  readonly routes: Route[] = [];
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<object, ValidateFunction>();

  constructor(specPath: string) {
    this.spec = parse(readFileSync(specPath, 'utf8')) as Json;
    if (!String(this.spec.openapi).startsWith('3.1'))
      throw new Error(`Expected OpenAPI 3.1, got ${String(this.spec.openapi)}`);
    this.ajv = new Ajv2020({
      strictSchema: true,
      strictNumbers: true,
      strictTuples: true,
      allErrors: true,
    });
    addFormats(this.ajv);
    const components = (this.spec.components ?? {}) as { schemas?: Json };
    this.ajv.addSchema({ $id: SCHEMA_ID, $defs: rewriteRefs(components.schemas ?? {}) as Json });
    for (const [template, item] of Object.entries(this.spec.paths as Json)) {
      for (const [method, operation] of Object.entries(item as Json)) {
        if (!METHODS.includes(method)) continue;
        const source = template
          .split(/(\{[^}]+\})/)
          .map((part) =>
            part.startsWith('{') ? '([^/]+)' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
          )
          .join('');
        this.routes.push({
          template,
          method: method.toUpperCase(),
          pattern: new RegExp(`^${source}$`),
          literalLength: template.replace(/\{[^}]+\}/g, '').length,
          operation: operation as Operation,
        });
      }
    }
  }

  /** Every (operationId, status) pair the contract documents. */
  documentedResponses(): Array<{ operationId: string; status: string }> {
    return this.routes.flatMap((r) =>
      Object.keys(r.operation.responses).map((status) => ({
        operationId: r.operation.operationId,
        status,
      })),
    );
  }

  findRoute(method: string, path: string): Route | undefined {
    const pathname = path.split('?')[0] ?? path;
    return this.routes
      .filter((r) => r.method === method.toUpperCase() && r.pattern.test(pathname))
      .sort((a, b) => b.literalLength - a.literalLength)[0];
  }

  private resolve<T extends { $ref?: string }>(value: T): T {
    let current: T = value;
    for (let depth = 0; current.$ref && depth < 10; depth++) {
      const pointer = current.$ref.replace(/^#\//, '').split('/');
      let target: unknown = this.spec;
      for (const part of pointer) target = (target as Json)[part];
      if (!target) throw new Error(`Unresolvable $ref ${current.$ref}`);
      current = target as T;
    }
    return current;
  }

  private validatorFor(schema: Json): ValidateFunction {
    let fn = this.compiled.get(schema);
    if (!fn) {
      fn = this.ajv.compile(rewriteRefs(schema) as Json);
      this.compiled.set(schema, fn);
    }
    return fn;
  }

  /** Ajv's errors for `value` against the contract's schema `name` (empty when it is valid). */
  schemaErrors(name: string, value: unknown): string[] {
    const check = this.validatorFor({ $ref: `#/components/schemas/${name}` });
    return check(value) ? [] : [this.ajv.errorsText(check.errors)];
  }

  /** Ajv's own check that its `oneOf` is exclusive (the suite refuses to run otherwise). */
  oneOfIsStrict(): boolean {
    const fn = this.ajv.compile({
      oneOf: [{ type: 'object' }, { type: 'object', properties: { a: {} }, required: ['a'] }],
    });
    return !fn({ a: 1 }) && fn({ b: 1 });
  }

  validate(answer: HttpAnswer): ValidationResult {
    const route = this.findRoute(answer.method, answer.path);
    const where = `${answer.method} ${answer.path} → ${answer.status}`;
    if (!route) return { operationId: null, errors: [`${where}: no operation in the contract`] };
    const { operation } = route;
    const errors: string[] = [];
    const declared = operation.responses[String(answer.status)] ?? operation.responses.default;
    if (!declared) {
      return {
        operationId: operation.operationId,
        errors: [
          `${where}: status ${answer.status} is not documented for ${operation.operationId}`,
        ],
      };
    }
    const response = this.resolve(declared);
    for (const [name, raw] of Object.entries(response.headers ?? {})) {
      const header = this.resolve(raw);
      const value = answer.headers.get(name);
      if (value === null) {
        if (header.required) errors.push(`${where}: required header ${name} is missing`);
        continue;
      }
      if (!header.schema) continue;
      const isInteger = header.schema.type === 'integer' || header.schema.type === 'number';
      const typed = isInteger && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
      const check = this.validatorFor(header.schema);
      if (!check(typed))
        errors.push(`${where}: header ${name}: ${this.ajv.errorsText(check.errors)} (${value})`);
    }
    const content = response.content;
    const mediaType = (answer.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    if (!content) {
      if (answer.body.length > 0) errors.push(`${where}: a body where the contract has none`);
      return { operationId: operation.operationId, errors };
    }
    const media = content[mediaType];
    if (!media) {
      errors.push(
        `${where}: Content-Type "${mediaType}" is not one of ${Object.keys(content).join(', ')}`,
      );
      return { operationId: operation.operationId, errors };
    }
    let body: unknown = answer.body;
    if (/[/+]json$/.test(mediaType)) {
      try {
        body = JSON.parse(answer.body);
      } catch {
        errors.push(`${where}: body is not JSON`);
        return { operationId: operation.operationId, errors };
      }
    }
    if (media.schema) {
      const check = this.validatorFor(media.schema);
      if (!check(body)) {
        errors.push(
          `${where}: body: ${this.ajv.errorsText(check.errors, { separator: '; ' })}\n    ${answer.body.slice(0, 400)}`,
        );
      }
    }
    return { operationId: operation.operationId, errors };
  }
}
