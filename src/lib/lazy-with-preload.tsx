import { lazy, type ComponentType } from 'react';

/**
 * A code-split component that renders at once (without a Suspense fallback) once its module has
 * been preloaded, e.g. on hover of the button that opens it; before that it suspends like lazy().
 */
export function lazyWithPreload<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null;
  const preload = () =>
    load().then((component) => {
      loaded = component;
      return component;
    });
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Preloadable(props: P) {
    const Component = loaded ?? Lazy;
    return <Component {...props} />;
  }
  return { Component: Preloadable, preload };
}
