import { createOpenApiHttp } from 'openapi-msw';
import type { paths } from '@/api/schema';

/** Typed MSW `http`: paths, params, bodies and responses come from the OpenAPI file. */
export const http = createOpenApiHttp<paths>({ baseUrl: '*/api' });

export const NO_STORE = { 'Cache-Control': 'no-store' } as const;
