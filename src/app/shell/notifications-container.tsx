import { Notifications } from '@mantine/notifications';
import '@mantine/notifications/styles.css';

/** Loaded with the first notification shown (see LazyNotifications in app.tsx). */
export function NotificationsContainer() {
  return <Notifications position="top-right" />;
}
