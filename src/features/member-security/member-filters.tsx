import { useEffect, useState } from 'react';
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ListParams } from './api';

// Long enough to coalesce a burst of typing, short enough for results within 300 ms of the last key.
export const SEARCH_DEBOUNCE_MS = 100;

export interface FilterPatch {
  q?: string;
  mfa?: string;
  role?: string;
  method?: string;
}

/** Search (debounced), MFA status and role; each change goes to the URL. */
export function MemberFilters({
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
        maxLength={200}
        style={{ flex: '1 1 220px' }}
      />
      <NativeSelect
        label="MFA status"
        value={view.mfa ?? ''}
        onChange={(e) => onChange({ mfa: e.currentTarget.value })}
        data={[
          { value: '', label: 'Any' },
          { value: 'enabled', label: 'Enabled' },
          { value: 'disabled', label: 'Not enabled' },
        ]}
        style={{ flex: '0 1 150px' }}
      />
      <NativeSelect
        label="Role"
        value={view.role ?? ''}
        onChange={(e) => onChange({ role: e.currentTarget.value })}
        data={[
          { value: '', label: 'Any' },
          { value: 'owner', label: 'Owner' },
          { value: 'admin', label: 'Admin' },
          { value: 'member', label: 'Member' },
        ]}
        style={{ flex: '0 1 150px' }}
      />
      <NativeSelect
        label="Method"
        value={view.method ?? ''}
        onChange={(e) => onChange({ method: e.currentTarget.value })}
        data={[
          { value: '', label: 'Any' },
          { value: 'app', label: 'App' },
          { value: 'passkey', label: 'Passkey' },
        ]}
        style={{ flex: '0 1 150px' }}
      />
      <Button variant="default" onClick={onExport} loading={exporting}>
        Export CSV
      </Button>
    </Group>
  );
}
