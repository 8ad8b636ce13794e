import { getResponse, http as rawHttp, type RequestHandler } from 'msw';
import { notFound, problemResponse } from './problems';

/** `HEAD` on any GET endpoint: the GET's status and headers without its body (RFC 9110 §9.3.2). */
export function headFromGet(routes: () => RequestHandler[]) {
  return rawHttp.head('*/api/*', async ({ request }) => {
    const get = new Request(request.url, { method: 'GET', headers: request.headers });
    const response = await getResponse(routes(), get);
    if (!response) return undefined;
    await response.body?.cancel();
    return new Response(null, { status: response.status, headers: response.headers });
  });
}

/** The last route: any other `/api` path is a 404 problem document. */
export const unknownRoute = rawHttp.all('*/api/*', ({ request }) =>
  problemResponse(
    notFound(`There is no API route ${request.method} ${new URL(request.url).pathname}.`),
  ),
);
