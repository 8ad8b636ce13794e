import {
  useEffect,
  useId,
  useRef,
  useState,
  type ComponentType,
  type KeyboardEvent,
  type ReactElement,
  type Ref,
  type RefObject,
} from 'react';
import type { Opening } from './plain-menu-dropdown';
import { whenIdle } from './when-idle';

/** What the trigger button must carry: spread them onto it. */
export interface MenuTriggerProps {
  ref: Ref<HTMLButtonElement>;
  id: string;
  'aria-haspopup': 'menu';
  'aria-expanded': boolean;
  'aria-controls'?: string;
  'data-expanded'?: true;
  onClick: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
  onPointerEnter: () => void;
  onFocus: () => void;
}

interface OpenProps<P> {
  opening: Opening;
  id: string;
  triggerRef: RefObject<HTMLButtonElement | null>;
  position: 'bottom-end' | 'bottom-start';
  width: number | undefined;
  onClose: () => void;
  items: P;
}

export interface PlainMenuProps {
  trigger: (props: MenuTriggerProps) => ReactElement;
  position?: 'bottom-end' | 'bottom-start';
  /** In px, as Mantine's `width`; absent: as wide as the items. */
  width?: number;
}

/**
 * A menu button (WAI-ARIA APG "menu button") with Mantine's Menu markup and styles, without its
 * machinery: opening Mantine's Menu (Popover, Portal, Transition, focus trap, floating-ui) took
 * 150–250 ms at 4× CPU. `loadItems` loads the component that renders the menu's PlainMenuItems;
 * it and the open menu (plain-menu-dropdown.tsx) are code the first page does not need: loaded
 * by `preload` (once the page is idle, or on the trigger's hover or focus), so that a click
 * opens the menu in its own event, at once. Before that a click loads them and then opens.
 *
 * A click, Enter, Space or ArrowDown on the trigger open the menu on its first item (as Mantine's
 * does), ArrowUp on its last. Disabled items stay focusable
 * (`aria-disabled`), so their reason is read out.
 */
export function plainMenu<P extends object>(loadItems: () => Promise<ComponentType<P>>) {
  let Open: ComponentType<OpenProps<P>> | null = null;
  let loading: Promise<unknown> | null = null;
  const preload = () =>
    (loading ??= Promise.all([loadItems(), import('./plain-menu-dropdown')]).then(
      ([Items, { MenuDropdown }]) => {
        Open = ({ items, ...dropdown }) => (
          <MenuDropdown {...dropdown}>
            <Items {...items} />
          </MenuDropdown>
        );
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));

  let scheduled = false;

  function Menu({ trigger, position, width, ...items }: PlainMenuProps & P) {
    const [opening, setOpening] = useState<Opening | null>(null);
    useEffect(() => {
      if (scheduled) return;
      scheduled = true;
      whenIdle(() => void preload().catch(() => (scheduled = false)));
    }, []);
    const triggerRef = useRef<HTMLButtonElement>(null);
    const id = useId();
    const open = opening !== null && Open !== null;
    const openOn = (where: Opening) => {
      if (Open) setOpening(where);
      // A failed download (offline, a new deploy) leaves the menu closed; the next click asks again.
      else
        preload().then(
          () => setOpening(where),
          () => {},
        );
    };
    const props: MenuTriggerProps = {
      ref: triggerRef,
      id,
      'aria-haspopup': 'menu',
      'aria-expanded': open,
      'aria-controls': open ? `${id}-menu` : undefined,
      'data-expanded': open || undefined,
      onClick: () => (open ? setOpening(null) : openOn('first')),
      onKeyDown: (event) => {
        if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
        event.preventDefault();
        openOn(event.key === 'ArrowDown' ? 'first' : 'last');
      },
      onPointerEnter: () => void preload().catch(() => {}),
      onFocus: () => void preload().catch(() => {}),
    };
    return (
      <>
        {trigger(props)}
        {open && Open && (
          <Open
            opening={opening}
            id={id}
            triggerRef={triggerRef}
            position={position ?? 'bottom-end'}
            width={width}
            onClose={() => setOpening(null)}
            items={items as unknown as P}
          />
        )}
      </>
    );
  }
  return { Menu, preload };
}
