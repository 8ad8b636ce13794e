import type { HttpHandler } from 'msw';

export const enrollmentHandlers: HttpHandler[] = [];
