import { Center, Loader, Paper, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { BRAND } from '@/lib/brand';
import { safeReturnTo } from '@/lib/return-to';
import { sessionQuery } from '@/api/queries';
import { SignInForm } from '@/features/auth/sign-in-form';
import { useAppOptions } from '../app-options';
import { useDocumentTitle } from './use-document-title';

export function SignInRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { demo, devtools } = useAppOptions();
  const session = useQuery({ ...sessionQuery(), retry: false });
  const returnTo = safeReturnTo(params.get('returnTo'));
  useDocumentTitle('Sign in');

  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (session.isSuccess) return <Navigate to={returnTo} replace />;

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={440}>
        <Stack>
          <Text fw={700} size="xl">
            {BRAND.product}
          </Text>
          <SignInForm
            demo={demo}
            notice={
              params.get('expired')
                ? 'Your session has ended. Sign in again to continue where you were.'
                : undefined
            }
            onSignedIn={(next) => {
              queryClient.clear();
              void navigate(next ?? returnTo, { replace: true });
            }}
          />
        </Stack>
      </Paper>
      {devtools}
    </Center>
  );
}
