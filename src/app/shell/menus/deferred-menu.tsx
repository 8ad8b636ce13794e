import {
  cloneElement,
  useState,
  type ComponentType,
  type ReactElement,
  type SyntheticEvent,
} from 'react';

export interface MenuBodyProps {
  /** The trigger button, for Menu.Target. */
  trigger: ReactElement;
  /** True when the person opened the menu before its code had loaded: open at once. */
  initiallyOpened: boolean;
}

/**
 * A header menu whose code (Mantine Menu, Popover and floating-ui: about a fifth of the first
 * page's JS) loads on first hover, focus or activation instead of with the first page. Until then
 * the trigger is a plain button announcing a menu; activating it loads the menu and opens it.
 */
export function deferredMenu<P extends object>(
  load: () => Promise<ComponentType<P & MenuBodyProps>>,
) {
  let loaded: ComponentType<P & MenuBodyProps> | null = null;
  let pending: Promise<ComponentType<P & MenuBodyProps>> | null = null;
  const preload = () => {
    pending ??= load().then((component) => (loaded = component));
    return pending;
  };

  function DeferredMenu({ trigger, ...props }: P & { trigger: ReactElement }) {
    const [state, setState] = useState<{
      Body: ComponentType<P & MenuBodyProps>;
      open: boolean;
    } | null>(loaded ? { Body: loaded, open: false } : null);
    if (state) {
      const { Body } = state;
      return <Body {...(props as P)} trigger={trigger} initiallyOpened={state.open} />;
    }
    const activate = (event: SyntheticEvent) => {
      event.preventDefault();
      void preload().then((Body) => setState({ Body, open: true }));
    };
    return cloneElement(trigger as ReactElement<Record<string, unknown>>, {
      'aria-haspopup': 'menu',
      'aria-expanded': false,
      onClick: activate,
      onKeyDown: (event: React.KeyboardEvent) => {
        if (event.key === 'ArrowDown') activate(event);
      },
      onPointerEnter: () => void preload(),
      onFocus: () => void preload(),
    });
  }
  return DeferredMenu;
}
