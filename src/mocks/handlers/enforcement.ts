import type { HttpHandler } from 'msw';

export const enforcementHandlers: HttpHandler[] = [];
