import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MantineProvider, Menu } from '@mantine/core';
import { theme } from '@/app/theme';
import { plainMenu } from '@/lib/plain-menu';
import { PlainMenuItem } from '@/lib/plain-menu-dropdown';

/** An element as text, attributes sorted; ids, ARIA links to ids, styles and tabindex aside. */
function canonical(node: Node): string {
  if (!(node instanceof Element)) return node.textContent ?? '';
  const skip = ['id', 'style', 'aria-labelledby', 'aria-controls', 'aria-disabled'];
  const attributes = [...node.attributes]
    .filter((a) => !skip.includes(a.name) && !a.name.startsWith('data-mantine-stop'))
    .map((a) => ` ${a.name}="${a.name === 'disabled' ? '' : a.value}"`)
    .sort()
    .join('');
  const inner = [...node.childNodes].map(canonical).join('');
  return `<${node.tagName.toLowerCase()}${attributes}>${inner}</${node.tagName.toLowerCase()}>`;
}

type Select = (trigger: HTMLElement | null) => void;

function Items({ onSelect }: { onSelect: Select }) {
  return (
    <>
      <PlainMenuItem onSelect={onSelect}>Alpha</PlainMenuItem>
      <PlainMenuItem disabled onSelect={onSelect}>
        Beta
      </PlainMenuItem>
      <PlainMenuItem keepOpen onSelect={onSelect} right={<span>R</span>}>
        Gamma
      </PlainMenuItem>
      <PlainMenuItem onSelect={onSelect}>Delta</PlainMenuItem>
    </>
  );
}
const loads = vi.fn(async () => Items);
const menu = plainMenu(loads);

function Plain({ onSelect = () => {} }: { onSelect?: Select }) {
  return (
    <menu.Menu
      width={240}
      onSelect={onSelect}
      trigger={(props) => <button {...props}>Open</button>}
    />
  );
}

const wrap = (node: React.ReactNode) => <MantineProvider theme={theme}>{node}</MantineProvider>;
const menuHtml = () => canonical(screen.getByRole('menu', { hidden: true }));

describe('PlainMenu', () => {
  it('renders what Mantine’s Menu renders for its dropdown and items', async () => {
    const mantine = render(
      wrap(
        <Menu width={240} position="bottom-end" defaultOpened withInitialFocusPlaceholder={false}>
          <Menu.Target>
            <button>Open</button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item>Alpha</Menu.Item>
            <Menu.Item disabled>Beta</Menu.Item>
            <Menu.Item rightSection={<span>R</span>}>Gamma</Menu.Item>
            <Menu.Item>Delta</Menu.Item>
          </Menu.Dropdown>
        </Menu>,
      ),
    );
    const expected = menuHtml();
    mantine.unmount();
    render(wrap(<Plain />));
    await userEvent.click(screen.getByRole('button', { name: 'Open' }));
    // Mantine's disabled item is `disabled`; ours stays focusable (aria-disabled, below).
    expect(menuHtml().replace(' aria-disabled="true"', '')).toBe(
      expected.replace(' disabled=""', ''),
    );
  });

  it('opens from the keyboard on its first item, moves with the arrows, Home, End and letters', async () => {
    const user = userEvent.setup();
    render(wrap(<Plain />));
    const trigger = screen.getByRole('button', { name: 'Open' });
    expect(trigger).toHaveAttribute('aria-haspopup', 'menu');
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    trigger.focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu', { name: 'Open' });
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    expect(trigger).toHaveAttribute('aria-controls', menu.id);
    const item = (name: string) => screen.getByRole('menuitem', { name });
    expect(item('Alpha')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(item('Beta')).toHaveFocus(); // disabled, but reachable: its reason is read out
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(item('Delta')).toHaveFocus(); // wraps
    await user.keyboard('{Home}');
    expect(item('Alpha')).toHaveFocus();
    await user.keyboard('{End}');
    expect(item('Delta')).toHaveFocus();
    await user.keyboard('g');
    expect(item('Gamma R')).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(trigger).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(item('Delta')).toHaveFocus();
    await user.keyboard('{Tab}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(trigger).toHaveFocus();
  });

  it('a click opens it on its first item; a second click or a click outside closes it', async () => {
    const user = userEvent.setup();
    render(wrap(<Plain />));
    const trigger = screen.getByRole('button', { name: 'Open' });
    await user.click(trigger);
    expect(screen.getByRole('menuitem', { name: 'Alpha' })).toHaveFocus();
    await user.click(trigger);
    expect(screen.queryByRole('menu')).toBeNull();
    await user.click(trigger);
    await user.click(document.body);
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('choosing an item closes it, focuses the trigger, and hands the trigger over', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(wrap(<Plain onSelect={onSelect} />));
    const trigger = screen.getByRole('button', { name: 'Open' });
    await user.click(trigger);
    await user.click(screen.getByRole('menuitem', { name: 'Alpha' }));
    expect(onSelect).toHaveBeenCalledWith(trigger);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(trigger).toHaveFocus();
  });

  it('a disabled item does nothing; a keepOpen item leaves the menu open', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(wrap(<Plain onSelect={onSelect} />));
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await user.click(screen.getByRole('menuitem', { name: 'Beta' }));
    expect(onSelect).not.toHaveBeenCalled();
    await user.click(screen.getByRole('menuitem', { name: 'Gamma R' }));
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('menu')).toBeInTheDocument();
  });

  it('loads its items once for every menu of its kind, when the page is idle', async () => {
    render(
      wrap(
        <>
          <Plain />
          <Plain />
        </>,
      ),
    );
    await screen.findAllByRole('button', { name: 'Open' });
    await vi.waitFor(() => expect(loads).toHaveBeenCalled());
    expect(loads).toHaveBeenCalledTimes(1);
  });

  it('asks again for code that failed to download, and then opens', async () => {
    const user = userEvent.setup();
    let calls = 0;
    const flaky = plainMenu(async () => {
      calls += 1;
      if (calls === 1) throw new Error('offline');
      return Items;
    });
    render(
      wrap(
        <flaky.Menu onSelect={() => {}} trigger={(props) => <button {...props}>Flaky</button>} />,
      ),
    );
    await vi.waitFor(() => expect(calls).toBe(1)); // the idle preload, which fails
    await user.click(screen.getByRole('button', { name: 'Flaky' }));
    expect(await screen.findByRole('menu', { name: 'Flaky' })).toBeInTheDocument();
    expect(calls).toBe(2);
  });

  it('closes when focus leaves it for another control', async () => {
    render(
      wrap(
        <>
          <Plain />
          <button>Elsewhere</button>
        </>,
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    await screen.findByRole('menu');
    const elsewhere = screen.getByRole('button', { name: 'Elsewhere' });
    act(() => elsewhere.focus());
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
