// The styles of the markup below: Mantine's Menu, as <Menu> renders it (tests/unit/plain-menu.test.tsx).
import '@mantine/core/styles/UnstyledButton.css';
import '@mantine/core/styles/Popover.css';
import '@mantine/core/styles/Menu.css';
import {
  createContext,
  use,
  useLayoutEffect,
  useRef,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { createPortal } from 'react-dom';

/** Where focus goes when the menu opens: its first item, or its last (ArrowUp on the trigger). */
export type Opening = 'first' | 'last';

interface MenuApi {
  close: () => void;
  trigger: () => HTMLButtonElement | null;
}
const MenuContext = createContext<MenuApi | null>(null);

/** Mantine's Popover: 8 px from the trigger, 5 px from the window's edges. */
const OFFSET = 8;
const EDGE = 5;

const itemsOf = (menu: HTMLElement) => [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];

/**
 * The open menu of a PlainMenu (plain-menu.tsx): placed under its trigger (above when there is
 * no room below, inside the window), focused as `opening` says, with the keyboard of the WAI-ARIA
 * APG menu:
 * - ArrowUp/ArrowDown (wrapping), Home/End; a letter moves to the next item that starts with it;
 * - Escape and Tab close it and focus the trigger;
 * - a click outside, or focus leaving it for another control, closes it.
 */
export function MenuDropdown({
  id,
  triggerRef,
  opening,
  position,
  width,
  onClose,
  children,
}: {
  /** The trigger's id; the menu's is `${id}-menu`. */
  id: string;
  triggerRef: RefObject<HTMLButtonElement | null>;
  opening: Opening;
  position: 'bottom-end' | 'bottom-start';
  width: number | undefined;
  onClose: () => void;
  children: ReactNode;
}) {
  const menuRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const menu = menuRef.current;
    const button = triggerRef.current;
    if (!menu || !button) return;
    const place = () => {
      const anchor = button.getBoundingClientRect();
      const { offsetWidth: w, offsetHeight: h } = menu;
      const below = anchor.bottom + OFFSET;
      const above = anchor.top - OFFSET - h;
      const flip = below + h > window.innerHeight && above >= 0;
      const start = position === 'bottom-end' ? anchor.right - w : anchor.left;
      const left = Math.max(EDGE, Math.min(start, document.documentElement.clientWidth - w - EDGE));
      menu.style.top = `${(flip ? above : below) + window.scrollY}px`;
      menu.style.left = `${left + window.scrollX}px`;
      menu.dataset.position = flip ? position.replace('bottom', 'top') : position;
    };
    place();
    const items = itemsOf(menu);
    (opening === 'first' ? items[0] : items.at(-1))?.focus();
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.contains(target) && !button.contains(target)) onClose();
    };
    document.addEventListener('pointerdown', outside, true);
    document.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      document.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
    // Placed and focused once, when it opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const close = () => {
    onClose();
    triggerRef.current?.focus();
  };

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const items = itemsOf(event.currentTarget);
    const at = items.indexOf(document.activeElement as HTMLElement);
    const go = (index: number) => items[(index + items.length) % items.length]?.focus();
    const { key } = event;
    if (key === 'ArrowDown') go(at + 1);
    else if (key === 'ArrowUp') go(at < 0 ? -1 : at - 1);
    else if (key === 'Home') go(0);
    else if (key === 'End') go(-1);
    else if (key === 'Escape' || key === 'Tab') close();
    else if (key.length === 1 && key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const letter = key.toLowerCase();
      const order = [...items.slice(at + 1), ...items.slice(0, at + 1)];
      order.find((item) => item.textContent?.trim().toLowerCase().startsWith(letter))?.focus();
    } else return; // Enter and Space activate the item: a button's own behaviour.
    event.preventDefault();
  }

  function onBlur(event: FocusEvent<HTMLDivElement>) {
    const next = event.relatedTarget as Node | null;
    if (next && !event.currentTarget.contains(next) && !triggerRef.current?.contains(next))
      onClose();
  }

  return createPortal(
    <div
      ref={menuRef}
      id={`${id}-menu`}
      role="menu"
      tabIndex={-1}
      aria-labelledby={id}
      aria-orientation="vertical"
      data-menu-dropdown="true"
      data-position={position}
      className="m_38a85659 mantine-Menu-dropdown m_dc9b7c9f"
      style={{
        zIndex: 300,
        top: 0,
        left: 0,
        // Menu.css's padding, which must win over Popover.css's: those two files can reach the
        // page in either order (Popover.css is a chunk shared with other lazy code).
        padding: 'calc(0.25rem * var(--mantine-scale))',
        width: width ? `calc(${width / 16}rem * var(--mantine-scale))` : undefined,
      }}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    >
      <MenuContext value={{ close, trigger: () => triggerRef.current }}>{children}</MenuContext>
    </div>,
    document.body,
  );
}

/**
 * One item: `<Menu.Item>`'s markup. Choosing it closes the menu (focus back on the trigger, from
 * where a dialog or a new page takes it) and then runs `onSelect` with the trigger; `keepOpen`
 * items (whose words change) leave the menu open. A disabled item does nothing.
 */
export function PlainMenuItem({
  children,
  onSelect,
  disabled = false,
  keepOpen = false,
  right,
  ...aria
}: {
  children: ReactNode;
  onSelect: (trigger: HTMLButtonElement | null) => void;
  disabled?: boolean;
  keepOpen?: boolean;
  /** Mantine's `rightSection`. */
  right?: ReactNode;
  'aria-label'?: string;
  'aria-describedby'?: string;
  'aria-current'?: 'true';
}) {
  const menu = use(MenuContext);
  return (
    <button
      {...aria}
      type="button"
      tabIndex={-1}
      role="menuitem"
      className="mantine-focus-auto m_99ac2aa1 mantine-Menu-item m_87cf2631 mantine-UnstyledButton-root"
      data-menu-item="true"
      aria-disabled={disabled || undefined}
      data-disabled={disabled || undefined}
      onClick={() => {
        if (disabled) return;
        const trigger = menu?.trigger() ?? null;
        if (!keepOpen) menu?.close();
        onSelect(trigger);
      }}
    >
      <div className="m_5476e0d3 mantine-Menu-itemLabel" data-menu-item-label="true">
        {children}
      </div>
      {right !== undefined && (
        <div className="m_8b75e504 mantine-Menu-itemSection" data-position="right">
          {right}
        </div>
      )}
    </button>
  );
}
