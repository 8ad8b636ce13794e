import { useEffect, useState, memo } from 'react';
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { schemas } from '@/api/contract-values';
import type { components } from '@/api/schema';
import type { ListParams } from '../api';
import { SEARCH_MAX_LENGTH } from './view-params';

type Schemas = components['schemas'];

// Long enough to coalesce a burst of typing, short enough for results within 300 ms of the last key.
export const SEARCH_DEBOUNCE_MS = 100;

export interface FilterPatch {
  q?: string;
  mfa?: string;
  role?: string;
  method?: string;
}

// The choices are the contract's values in its order; each needs its label here.
const MFA_LABELS: Record<Schemas['MfaFilterValue'], string> = {
  enabled: 'Enabled',
  disabled: 'Not enabled',
};
const ROLE_LABELS: Record<Schemas['Role'], string> = {
  owner: 'Owner',
  admin: 'Admin',
  member: 'Member',
};
const METHOD_LABELS: Record<Schemas['MfaMethodKind'], string> = { app: 'App', passkey: 'Passkey' };

const choices = <K extends string>(values: readonly K[], labels: Record<K, string>) => [
  { value: '', label: 'Any' },
  ...values.map((value) => ({ value, label: labels[value] })),
];
const MFA_CHOICES = choices(schemas.MfaFilterValue.enum, MFA_LABELS);
const ROLE_CHOICES = choices(schemas.Role.enum, ROLE_LABELS);
const METHOD_CHOICES = choices(schemas.MfaMethodKind.enum, METHOD_LABELS);

/** Search (debounced), MFA status and role; each change goes to the URL. */
export const MemberFilters = memo(function MemberFilters({
  view,
  onChange,
  exporting,
  onExport,
}: {
  view: ListParams;
  onChange: (patch: FilterPatch) => void;
  exporting: boolean;
  onExport: () => void;
}) {
  const [text, setText] = useState(view.q ?? '');
  const [debounced] = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const urlQ = view.q ?? '';
  // The URL can change under the field (Clear filters, a link, back/forward): follow it.
  const [seenUrlQ, setSeenUrlQ] = useState(urlQ);
  if (seenUrlQ !== urlQ) {
    setSeenUrlQ(urlQ);
    if (urlQ.trim() !== text.trim()) setText(urlQ);
  }
  useEffect(() => {
    if (debounced.trim() !== urlQ.trim()) onChange({ q: debounced.trim() });
    // Only a settled keystroke writes the URL; URL changes are followed above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Name or e-mail"
        type="search"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        maxLength={SEARCH_MAX_LENGTH}
        style={{ flex: '1 1 220px' }}
      />
      <NativeSelect
        label="MFA status"
        value={view.mfa ?? ''}
        onChange={(e) => onChange({ mfa: e.currentTarget.value })}
        data={MFA_CHOICES}
        style={{ flex: '0 1 150px' }}
      />
      <NativeSelect
        label="Role"
        value={view.role ?? ''}
        onChange={(e) => onChange({ role: e.currentTarget.value })}
        data={ROLE_CHOICES}
        style={{ flex: '0 1 150px' }}
      />
      <NativeSelect
        label="Method"
        value={view.method ?? ''}
        onChange={(e) => onChange({ method: e.currentTarget.value })}
        data={METHOD_CHOICES}
        style={{ flex: '0 1 150px' }}
      />
      <Button variant="default" onClick={onExport} loading={exporting}>
        Export CSV
      </Button>
    </Group>
  );
});
