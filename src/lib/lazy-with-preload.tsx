import { lazy, type ComponentType } from 'react';

/**
 * A code-split component that renders at once (without a Suspense fallback) once its module has
 * been preloaded, e.g. on hover of the button that opens it; before that it suspends like lazy().
 * The module is asked for once: `preload` is called on every hover and focus, and each import()
 * of a chunk with dependencies costs Vite's loader a look through the page's links (about 50 ms
 * at 4x CPU throttling, on the pointer event that a click follows). A failed download is asked
 * for again on the next call.
 */
export function lazyWithPreload<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Preloadable(props: P) {
    const Component = loaded ?? Lazy;
    return <Component {...props} />;
  }
  return { Component: Preloadable, preload };
}
