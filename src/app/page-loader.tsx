import { Center, Loader } from '@mantine/core';

/** Where a page will be while its code downloads. */
export const pageLoader = (
  <Center py="xl" h="100%">
    <Loader aria-label="Loading page" />
  </Center>
);
