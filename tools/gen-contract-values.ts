import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { parse } from 'yaml';

/**
 * Writes src/api/contract-values.ts: the enumerations, limits and defaults of openapi.yaml as
 * values, for the client and the mock alike (`npm run gen:api`; tests/unit/api-types.test.ts
 * fails when the committed file is stale). Each export mirrors a part of the contract, keeping
 * only the keywords below, so a value's path in the module is its path in the YAML:
 * `schemas.MfaResetCreate.properties.reason.maxLength` is
 * `#/components/schemas/MfaResetCreate/properties/reason/maxLength`. References are not followed
 * (`MemberFilter.properties.role` is a `$ref`: read `schemas.Role`), and neither are
 * `oneOf`/`anyOf`/`allOf`.
 */
const KEYWORDS = [
  'enum',
  'const',
  'default',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'pattern',
] as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** A schema (or parameter, header) reduced to its keywords and those of its parts; null if none. */
function reduce(node: unknown): Json | null {
  if (!isObject(node)) return null;
  const out: Json = {};
  for (const key of KEYWORDS) if (key in node) out[key] = node[key];
  for (const part of ['schema', 'items', 'additionalProperties'] as const) {
    const inner = reduce(node[part]);
    if (inner) out[part] = inner;
  }
  if (isObject(node.properties)) {
    const properties = reduceEach(node.properties);
    if (properties) out.properties = properties;
  }
  return Object.keys(out).length > 0 ? out : null;
}

function reduceEach(nodes: unknown): Json | null {
  if (!isObject(nodes)) return null;
  const out: Json = {};
  for (const [name, node] of Object.entries(nodes)) {
    const reduced = reduce(node);
    if (reduced) out[name] = reduced;
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** The inline (not `$ref`) parameters of each operation, by operationId and parameter name. */
function operationParameters(paths: unknown): Json {
  const out: Json = {};
  for (const item of Object.values(isObject(paths) ? paths : {})) {
    for (const [method, operation] of Object.entries(isObject(item) ? item : {})) {
      if (!HTTP_METHODS.includes(method) || !isObject(operation)) continue;
      const parameters: Json = {};
      for (const p of Array.isArray(operation.parameters) ? operation.parameters : []) {
        const reduced = isObject(p) && typeof p.name === 'string' ? reduce(p) : null;
        if (!reduced || !isObject(p)) continue;
        if (String(p.name) in parameters)
          throw new Error(
            `${String(operation.operationId)}: two parameters named ${String(p.name)}`,
          );
        parameters[String(p.name)] = reduced;
      }
      if (Object.keys(parameters).length > 0) out[String(operation.operationId)] = { parameters };
    }
  }
  return out;
}

const exported = (doc: string, name: string, value: unknown) =>
  `/** ${doc} */\nexport const ${name} = ${JSON.stringify(value ?? {})} as const;\n`;

/** The module's source for the given openapi.yaml text, formatted as the repository formats it. */
export async function contractValuesSource(yamlText: string, filepath: string): Promise<string> {
  const doc = parse(yamlText) as Json;
  const components = isObject(doc.components) ? doc.components : {};
  const source = [
    '// Generated from src/api/openapi.yaml by tools/gen-contract-values.ts (`npm run gen:api`).',
    '// Do not edit: tests/unit/api-types.test.ts fails when this file and the contract differ.',
    '',
    exported('`#/x-limits`: limits that hold for every operation.', 'limits', doc['x-limits']),
    exported('`#/components/schemas`', 'schemas', reduceEach(components.schemas)),
    exported('`#/components/parameters`', 'parameters', reduceEach(components.parameters)),
    exported('`#/components/headers`', 'headers', reduceEach(components.headers)),
    exported(
      "`#/paths/…/parameters`: each operation's own parameters, by operationId and name.",
      'operations',
      operationParameters(doc.paths),
    ),
  ].join('\n');
  const options = await prettier.resolveConfig(filepath);
  return prettier.format(source, { ...options, filepath });
}

export const OUTPUT = fileURLToPath(new URL('../src/api/contract-values.ts', import.meta.url));
export const INPUT = fileURLToPath(new URL('../src/api/openapi.yaml', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OUTPUT, await contractValuesSource(readFileSync(INPUT, 'utf8'), OUTPUT));
  console.warn(`wrote ${OUTPUT}`);
}
