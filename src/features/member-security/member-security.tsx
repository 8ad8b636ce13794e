import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { memberListQuery, type Member, type MemberSort } from './api';
import { BulkReminders } from './reminders/bulk-reminders';
import { EmptyList, PastTheEnd } from './table/empty-list';
import { MemberFilters, type FilterPatch } from './table/member-filters';
import { MemberPager } from './table/member-pager';
import { MembersTable } from './table/members-table';
import { MfaSummary } from './mfa-summary';
import { Notice, type NoticeState } from './reminders/notice';
import { ReminderJobProgress } from './jobs/reminder-jobs';
import { useJobs } from './jobs/use-jobs';
import { RowActionsContext } from './table/row-actions';
import { resetOutcome } from './reset/reset-outcome';
import { useResetMfaFlow } from './reset/reset-mfa-flow';
import { ResetRequests } from './reset/reset-requests';
import { StepUpContext, type StepUpSlot } from './reset/step-up-slot';
import { useSelection } from './table/selection';
import { useCsvExport } from './table/use-csv-export';
import { useReminderFlow } from './reminders/use-reminder-flow';
import { filterOf, useMemberView } from './table/view-params';

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
  const { selection, clear, clearAny, setIds, selectAll } = useSelection();
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

  // Stable callbacks: ticking a row re-renders the table and bulk Remind, not the filters and
  // the pager (memoized).
  const changeFilter = useCallback(
    (patch: FilterPatch) => {
      if (clearAny())
        setNotice({ tone: 'info', text: 'Selection cleared because the filter changed.' });
      update({ ...patch, page: 1 });
    },
    [clearAny, update],
  );
  const clearFilters = () => changeFilter({ q: '', mfa: '', role: '' });
  const onSort = useCallback((sort: MemberSort) => update({ sort, page: 1 }), [update]);
  const onPage = useCallback((page: number) => update({ page }), [update]);
  const onPerPage = useCallback((perPage: number) => update({ perPage, page: 1 }), [update]);
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

  const pages = Math.max(1, Math.ceil(total / view.perPage));
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
      <BulkReminders
        orgSlug={orgSlug}
        selection={selection}
        pageSelected={pageSelected}
        pageSize={rows?.length ?? 0}
        total={total}
        sending={flow.bulkPending}
        onSelectAll={() => selectAll(filterOf(view), total)}
        onClear={clear}
        onSend={() => flow.remindSelection(selection)}
      />
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
      {rows !== undefined && total === 0 && <EmptyList view={view} onClearFilters={clearFilters} />}
      {rows !== undefined && total > 0 && rows.length === 0 && (
        <PastTheEnd onLastPage={() => update({ page: pages })} />
      )}
      {total > 0 && (
        <MemberPager
          view={view}
          total={total}
          pages={pages}
          shown={rows?.length}
          onPage={onPage}
          onPerPage={onPerPage}
        />
      )}
    </Stack>
  );
}
