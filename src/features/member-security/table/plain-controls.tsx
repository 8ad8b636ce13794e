// The styles of the markup below (see plain-markup.tsx).
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/ActionIcon.css';
import type { ChangeEventHandler, CSSProperties, ReactNode, Ref } from 'react';
import { scale } from './plain-markup';

/** The row's checkbox and More button as plain elements: Mantine's markup (plain-markup.tsx). */

const CHECKBOX_VARS = {
  '--checkbox-radius': 'var(--mantine-radius-sm)',
  '--checkbox-color': 'var(--mantine-color-indigo-filled)',
  '--checkbox-icon-color': 'var(--mantine-color-white)',
} as CSSProperties;

export function RowCheckbox({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: ChangeEventHandler<HTMLInputElement>;
}) {
  return (
    <div
      className="m_bf2d988c mantine-Checkbox-root m_5f75b09e mantine-Checkbox-root"
      data-variant="filled"
      data-label-position="right"
      data-checked={checked || undefined}
      style={CHECKBOX_VARS}
    >
      <div className="m_5f6e695e mantine-Checkbox-body">
        <div className="m_26062bec mantine-Checkbox-inner" data-label-position="right">
          <input
            className="mantine-focus-auto m_26063560 mantine-Checkbox-input"
            data-with-error-styles="true"
            aria-label={label}
            type="checkbox"
            checked={checked}
            onChange={onChange}
          />
          <svg
            viewBox="0 0 10 7"
            fill="none"
            xmlns="http://www.w3.org/2000/svg"
            aria-hidden="true"
            className="m_bf295423 mantine-Checkbox-icon"
          >
            <path
              d="M4 4.586L1.707 2.293A1 1 0 1 0 .293 3.707l3 3a.997.997 0 0 0 1.414 0l5-5A1 1 0 1 0 8.293.293L4 4.586z"
              fill="currentColor"
              fillRule="evenodd"
              clipRule="evenodd"
            />
          </svg>
        </div>
        <div className="m_d3ea56bb mantine-Checkbox-labelWrapper" />
      </div>
    </div>
  );
}

const SUBTLE_GRAY = {
  '--ai-bg': 'transparent',
  '--ai-hover': 'var(--mantine-color-gray-light-hover)',
  '--ai-color': 'var(--mantine-color-gray-light-color)',
  '--ai-bd': `${scale(0.0625)} solid transparent`,
} as CSSProperties;

/**
 * `<ActionIcon variant="subtle" color="gray">`. Menu.Target clones it with its ref, aria-*, data-*,
 * handlers and a (usually empty) className, merged here as ActionIcon merges them.
 */
export function SubtleIconButton({
  ref,
  children,
  className,
  style,
  ...props
}: {
  ref?: Ref<HTMLButtonElement>;
  children: ReactNode;
  'aria-label': string;
  className?: string;
  style?: CSSProperties;
}) {
  return (
    <button
      {...props}
      ref={ref}
      className={`mantine-focus-auto mantine-active m_8d3f4000 mantine-ActionIcon-root m_87cf2631 mantine-UnstyledButton-root${className ? ` ${className}` : ''}`}
      data-variant="subtle"
      type="button"
      style={style ? { ...SUBTLE_GRAY, ...style } : SUBTLE_GRAY}
    >
      <span className="m_8d3afb97 mantine-ActionIcon-icon">{children}</span>
    </button>
  );
}
