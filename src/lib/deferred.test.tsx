import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '@testing-library/react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { Deferred } from './deferred';

const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
let before: boolean | undefined;
beforeEach(() => {
  // As in a browser: React's own scheduling, not act()'s, which would flush both renders at once.
  before = actEnvironment.IS_REACT_ACT_ENVIRONMENT;
  actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
});
afterEach(() => {
  actEnvironment.IS_REACT_ACT_ENVIRONMENT = before;
});

describe('Deferred', () => {
  it('commits the fallback in the render that mounts it, and its children in a later one', async () => {
    const container = document.createElement('div');
    const root = createRoot(container);
    flushSync(() =>
      root.render(
        <Deferred fallback={<i>frame</i>}>
          <b>body</b>
        </Deferred>,
      ),
    );
    expect(container.innerHTML).toBe('<i>frame</i>');
    await waitFor(() => expect(container.innerHTML).toBe('<b>body</b>'));
    root.unmount();
  });
});
