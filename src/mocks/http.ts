import { createOpenApiHttp } from 'openapi-msw';
import type { paths } from '@/api/schema';
import { headers } from '@/api/contract-values';

/** Typed MSW `http`: paths, params, bodies and responses come from the OpenAPI file. */
export const http = createOpenApiHttp<paths>({ baseUrl: '*/api' });

/** The contract's `NoStore` header, on every answer that carries secrets or codes. */
export const NO_STORE = { 'Cache-Control': headers.NoStore.schema.const } as const;
