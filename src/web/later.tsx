/**
 * A page whose code loads when it is first shown (or earlier, by `load()` in the background):
 * preact/compat's lazy and Suspense do this too, but carry React's whole compatibility layer into
 * the first screen, which has a budget.
 */
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface LaterPage<P> {
  (props: P & { fallback: JSX.Element }): JSX.Element;
  /** Starts loading the page's code now; resolves when it can be shown. */
  load(): Promise<ComponentType<P>>;
}

export function later<P extends object>(load: () => Promise<ComponentType<P>>): LaterPage<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const start = () => {
    loading ??= load().then((c) => {
      loaded = c;
      return c;
    });
    return loading;
  };
  const Page = ((props: P & { fallback: JSX.Element }) => {
    const [, setReady] = useState(loaded !== undefined);
    useEffect(() => {
      // Even when the code arrived between this render and now (a background preload), the
      // state must change once, or the page would keep showing its fallback.
      let live = true;
      void start().then(() => live && setReady(true));
      return () => {
        live = false;
      };
    }, []);
    const { fallback, ...rest } = props;
    if (!loaded) return fallback;
    const Loaded = loaded;
    return <Loaded {...(rest as P)} />;
  }) as LaterPage<P>;
  Page.load = start;
  return Page;
}
