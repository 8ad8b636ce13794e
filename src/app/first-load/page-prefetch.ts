import type { QueryClient } from '@tanstack/react-query';
import type { Params } from 'react-router';

/**
 * What a page asks the server for first, given the address it was opened at. Its own module, so
 * the route pages that export one and the router that loads them do not import each other.
 */
export type PagePrefetch = (
  client: QueryClient,
  at: { params: Params; search: string },
) => Promise<unknown>;
