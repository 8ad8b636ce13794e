import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MantineStyles, unstyledClasses } from '../../tools/mantine-css-plugin';

/** Per-component Mantine styles (tools/mantine-css-plugin.ts, issue 17 point 5). */
const styles = new MantineStyles(join(process.cwd(), 'node_modules'));
const GLOBAL = ['baseline', 'default-css-variables', 'global'];

describe('per-component Mantine styles', () => {
  it("keeps styles.css's order, in which every component comes after the ones it renders", () => {
    expect(styles.order.slice(0, 3)).toEqual(GLOBAL);
    expect(styles.order).toHaveLength(105);
    const late: string[] = [];
    for (const [index, name] of styles.order.entries())
      for (const used of styles.stylesOf('@mantine/core', name))
        if (styles.order.indexOf(used) > index) late.push(`${used} after ${name}`);
    expect(late).toEqual([]);
  });

  it('gives a module the styles of the components it imports and of what they render', () => {
    expect(styles.stylesFor("import { Button, type ButtonProps } from '@mantine/core';")).toEqual([
      ...GLOBAL,
      'UnstyledButton',
      'Loader',
      'Button',
    ]);
    const modal = styles.stylesFor(`import {\n  Modal,\n  TextInput,\n} from '@mantine/core';`);
    for (const name of ['ModalBase', 'Overlay', 'CloseButton', 'Paper', 'Input', 'Modal'])
      expect(modal).toContain(name);
    expect(modal.indexOf('Input')).toBeLessThan(modal.indexOf('Modal'));
  });

  it('gives nothing for types, hooks and the provider', () => {
    expect(styles.stylesFor("import type { MantineTheme } from '@mantine/core';")).toEqual([]);
    expect(styles.stylesFor("import { useMediaQuery } from '@mantine/hooks';")).toEqual([]);
    expect(
      styles.stylesFor("import { MantineProvider, useComputedColorScheme } from '@mantine/core';"),
    ).toEqual([]);
  });

  it("follows other Mantine packages into core's components", () => {
    const notifications = styles.stylesFor(
      "import { Notifications } from '@mantine/notifications';",
    );
    expect(notifications).toEqual(expect.arrayContaining(['CloseButton', 'Notification']));
  });

  it('puts the dependencies of an explicitly imported style file in front of it', () => {
    const switchStyles = styles.stylesFor("import '@mantine/core/styles/Switch.css';");
    expect(switchStyles.slice(0, 3)).toEqual(GLOBAL);
    expect(switchStyles.indexOf('InlineInput')).toBeLessThan(switchStyles.indexOf('Switch'));
    expect(switchStyles.indexOf('Input')).toBeLessThan(switchStyles.indexOf('InlineInput'));
    expect(() => styles.stylesFor("import '@mantine/core/styles/Nope.css';")).toThrow(/unknown/);
  });

  it('refuses a namespace import, whose components it cannot see', () => {
    expect(() => styles.stylesFor("import * as M from '@mantine/core';")).toThrow(/by name/);
  });
});

describe('pre-rendered HTML against the entry CSS', () => {
  it('names the Mantine classes the HTML uses and the CSS does not define', () => {
    const html = '<div class="m_e615b15f mantine-Card-root x"><p class="m_b6d8b162"></p></div>';
    expect(unstyledClasses(html, '.m_b6d8b162{color:red}')).toEqual(['m_e615b15f']);
    expect(unstyledClasses(html, '.m_e615b15fx{}.m_b6d8b162:hover{}')).toEqual(['m_e615b15f']);
    expect(unstyledClasses(html, '.m_b6d8b162,.m_e615b15f[data-x]{}')).toEqual([]);
  });
});
