import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Group, NativeSelect, Pagination, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import {
  activeJobsQuery,
  memberListQuery,
  reminderPreviewQuery,
  type Member,
  type MemberSort,
} from './api';
import { BulkBar } from './reminders/bulk-bar';
import { CONFIRM_ABOVE, ConfirmBulkSend } from './reminders/confirm-bulk-send';
import { MemberFilters, type FilterPatch } from './table/member-filters';
import { MembersTable } from './table/members-table';
import { MfaSummary } from './mfa-summary';
import { Notice, type NoticeState } from './reminders/notice';
import { ReminderJobProgress } from './jobs/reminder-jobs';
import { RowActionsContext } from './table/row-menu';
import { resetOutcome } from './reset/reset-outcome';
import { useResetMfaFlow } from './reset/reset-mfa-flow';
import { ResetRequests } from './reset/reset-requests';
import { StepUpContext, type StepUpSlot } from './reset/step-up-slot';
import { selectedCount, useSelection } from './table/selection';
import { useCsvExport } from './table/use-csv-export';
import { selectionBody, useReminderFlow } from './reminders/use-reminder-flow';
import { filterOf, hasFilter, PER_PAGE_OPTIONS, useMemberView } from './table/view-params';
import { formatCount } from '@/lib/format';
import { returnFocus } from '@/lib/focus-return';

export interface MemberSecurityProps {
  orgSlug: string;
  /** Owner or admin: may see who has MFA and send reminders (the server checks again). */
  canManage: boolean;
  orgName?: string;
  viewerRole?: Member['role'];
  /** The app's "Confirm with MFA" button, for actions that need a fresh step-up. */
  stepUp?: StepUpSlot;
  /** Called once the first page of the list (or its error) is on screen. */
  onListShown?: () => void;
}

/** User security settings: who has MFA, reminders one by one or in bulk, export. */
export function MemberSecurity({
  orgSlug,
  canManage,
  orgName,
  viewerRole,
  stepUp,
  onListShown,
}: MemberSecurityProps) {
  if (!canManage)
    return (
      <Text size="sm" c="dimmed">
        Only owners and admins can see who has MFA and send reminders.
      </Text>
    );
  return (
    <StepUpContext value={stepUp ?? null}>
      <MemberSecurityPanel
        orgSlug={orgSlug}
        orgName={orgName ?? 'This organization'}
        viewerRole={viewerRole}
        onListShown={onListShown}
      />
    </StepUpContext>
  );
}

function MemberSecurityPanel({
  orgSlug,
  orgName,
  viewerRole,
  onListShown,
}: {
  orgSlug: string;
  orgName: string;
  viewerRole?: Member['role'];
  onListShown?: () => void;
}) {
  const { view, update } = useMemberView();
  const list = useQuery(memberListQuery(orgSlug, view));
  const { selection, clear, setIds, selectAll } = useSelection();
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const jobs = useJobs(orgSlug);
  const reset = useResetMfaFlow({
    orgSlug,
    orgName,
    onDone: (result) => setNotice({ tone: 'success', text: resetOutcome(result) }),
  });
  const flow = useReminderFlow(orgSlug, {
    setNotice,
    clearSelection: clear,
    onJob: jobs.watch,
  });
  const csv = useCsvExport(orgSlug, view, setNotice);
  const preview = useQuery(reminderPreviewQuery(orgSlug, selectionBody(selection)));
  const remindRef = useRef<HTMLButtonElement>(null);
  const pagerRef = useRef<HTMLDivElement>(null);
  // After a send, focus moves to what replaced the pressed button: the outcome or the job.
  const focusOutcome = () =>
    returnFocus(
      () => document.querySelector<HTMLElement>('[data-outcome-notice]'),
      () => document.querySelector<HTMLElement>('[data-reminder-job]'),
      remindRef.current,
    );

  const rows = list.data?.items;
  const settled = list.isSuccess || list.isError;
  useEffect(() => {
    if (settled) onListShown?.();
  }, [settled, onListShown]);
  const total = list.data?.total ?? 0;
  const pageSelected =
    rows !== undefined &&
    rows.length > 0 &&
    (selection.mode === 'all' || rows.every((m) => selection.members.has(m.id)));

  const changeFilter = (patch: FilterPatch) => {
    if (selection.mode === 'all' || selection.members.size > 0) {
      clear();
      setNotice({ tone: 'info', text: 'Selection cleared because the filter changed.' });
    }
    update({ ...patch, page: 1 });
  };
  const clearFilters = () => changeFilter({ q: '', mfa: '', role: '' });
  const onSort = useCallback((sort: MemberSort) => update({ sort, page: 1 }), [update]);
  const onSelect = useCallback(
    (ids: Record<string, boolean>, pageRows: readonly Member[]) => setIds(ids, pageRows),
    [setIds],
  );
  const rowActions = useMemo(
    () => ({
      remind: flow.remindOne,
      pendingId: flow.pendingId,
      canManage: true,
      resetMfa: reset.start,
      viewerRole,
    }),
    [flow.remindOne, flow.pendingId, reset.start, viewerRole],
  );

  const [confirming, setConfirming] = useState(false);
  const pages = Math.max(1, Math.ceil(total / view.perPage));
  const first = (view.page - 1) * view.perPage + 1;
  return (
    <Stack gap="md">
      <ResetRequests orgSlug={orgSlug} />
      {reset.dialog}
      <MfaSummary orgSlug={orgSlug} />
      {jobs.ids.map((id) => (
        <ReminderJobProgress
          key={id}
          orgSlug={orgSlug}
          jobId={id}
          canManage
          onDismiss={() => jobs.dismiss(id)}
        />
      ))}
      <MemberFilters
        view={view}
        onChange={changeFilter}
        exporting={csv.pending}
        onExport={csv.run}
      />
      {notice && <Notice notice={notice} onClose={() => setNotice(null)} />}
      <BulkBar
        selection={selection}
        pageSelected={pageSelected}
        pageSize={rows?.length ?? 0}
        total={total}
        canManage
        sending={flow.bulkPending}
        preview={{
          data: preview.isPlaceholderData ? undefined : preview.data,
          failed: preview.isError,
        }}
        remindRef={remindRef}
        onSelectAll={() => {
          selectAll(filterOf(view), total);
          // The link is replaced by "All N … are selected": continue on Remind.
          returnFocus(remindRef.current);
        }}
        onClear={clear}
        onRemind={() => {
          if ((preview.data?.wouldSend ?? selectedCount(selection)) > CONFIRM_ABOVE)
            return setConfirming(true);
          flow.remindSelection(selection);
          focusOutcome();
        }}
      />
      {confirming && (
        <ConfirmBulkSend
          filter={selection.mode === 'all' ? selection.filter : null}
          selected={selectedCount(selection)}
          preview={preview.data}
          onCancel={() => {
            setConfirming(false);
            returnFocus(remindRef.current);
          }}
          onConfirm={() => {
            setConfirming(false);
            flow.remindSelection(selection);
            focusOutcome();
          }}
        />
      )}
      {list.isError && (
        <Alert color="red" title="Could not load the users" role="alert">
          <Group gap="sm">
            <Text size="sm">{list.error.message}</Text>
            <Button size="xs" variant="light" color="red" onClick={() => void list.refetch()}>
              Retry
            </Button>
          </Group>
        </Alert>
      )}
      {!(list.isError && !rows) && (
        <RowActionsContext value={rowActions}>
          <MembersTable
            rows={rows}
            total={total}
            view={view}
            selection={selection}
            dimmed={list.isPlaceholderData}
            onSort={onSort}
            onSelect={onSelect}
          />
        </RowActionsContext>
      )}
      {rows !== undefined && total === 0 && (
        <Stack align="center" gap="xs" py="md">
          <Text size="sm">
            {hasFilter(view)
              ? `No one matches ${describeFilter(view)}.`
              : 'No one is in this organization yet.'}
          </Text>
          {hasFilter(view) && (
            <Button variant="light" size="xs" onClick={clearFilters}>
              Clear filters
            </Button>
          )}
        </Stack>
      )}
      {rows !== undefined && total > 0 && rows.length === 0 && (
        <Group justify="center" gap="xs">
          <Text size="sm">This page is past the end of the list.</Text>
          <Button variant="light" size="xs" onClick={() => update({ page: pages })}>
            Go to the last page
          </Button>
        </Group>
      )}
      {total > 0 && (
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text size="sm" c="dimmed" aria-live="polite">
            {rows && rows.length > 0
              ? `${formatCount(first)}–${formatCount(first + rows.length - 1)} of ${formatCount(total)}`
              : `${formatCount(total)} users`}
          </Text>
          <Group gap="sm" wrap="wrap" ref={pagerRef}>
            <NativeSelect
              aria-label="Rows per page"
              size="xs"
              value={String(view.perPage)}
              onChange={(e) => update({ perPage: Number(e.currentTarget.value), page: 1 })}
              data={PER_PAGE_OPTIONS.map((n) => ({ value: String(n), label: `${n} per page` }))}
            />
            <Pagination
              size="sm"
              total={pages}
              value={Math.min(view.page, pages)}
              onChange={(page) => {
                // The pressed page button may be re-created: keep focus on the same control.
                const label = document.activeElement?.getAttribute('aria-label');
                update({ page });
                // At the last page "next page" is disabled: the current page's button then.
                returnFocus(
                  document.activeElement as HTMLElement | null,
                  () =>
                    label
                      ? pagerRef.current?.querySelector<HTMLElement>(`[aria-label="${label}"]`)
                      : null,
                  () => pagerRef.current?.querySelector<HTMLElement>('[data-active]'),
                );
              }}
              siblings={1}
              boundaries={1}
              getControlProps={(control) => ({ 'aria-label': `${control} page` })}
              getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
            />
          </Group>
        </Group>
      )}
    </Stack>
  );
}

function describeFilter(view: {
  q?: string;
  mfa?: string;
  role?: string;
  method?: string;
}): string {
  const parts = [
    view.q && `“${view.q}”`,
    view.mfa && (view.mfa === 'enabled' ? 'MFA enabled' : 'MFA not enabled'),
    view.role && `role ${view.role}`,
    view.method && (view.method === 'app' ? 'has an app' : 'has a passkey'),
  ].filter(Boolean);
  return parts.join(', ');
}

/** Jobs shown: the running ones the server reports (after a reload) and the ones started here. */
function useJobs(orgSlug: string) {
  const active = useQuery(activeJobsQuery(orgSlug));
  // Once seen, a job stays on screen after it finishes, so its outcome can be read.
  const [known, setKnown] = useState<string[]>([]);
  const [dismissed, setDismissed] = useState<string[]>([]);
  const fresh = (active.data ?? []).map((j) => j.id).filter((id) => !known.includes(id));
  if (fresh.length > 0) setKnown([...known, ...fresh]);
  const ids = useMemo(() => known.filter((id) => !dismissed.includes(id)), [known, dismissed]);
  return {
    ids,
    watch: useCallback((id: string) => setKnown((k) => (k.includes(id) ? k : [...k, id])), []),
    dismiss: (id: string) => setDismissed((d) => [...d, id]),
  };
}
