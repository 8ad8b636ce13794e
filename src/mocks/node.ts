import { setupServer } from 'msw/node';
import { handlers } from './routes';

/** The mock backend for Vitest: the same handlers, served to Node's fetch. */
export const server = setupServer(...handlers);
