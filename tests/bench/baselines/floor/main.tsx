import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * The data floor (issue 17): React + ReactDOM only, no UI kit, router or query library. It makes
 * the API calls the measured page needs to show its data, and renders that data as plain HTML
 * with the page's first control, so "time to usable" has a floor for this stack on this network.
 * Served at the app's addresses by the bench, on the same origin as the mock API (same cookie).
 */
type Json = Record<string, unknown>;

async function get(path: string): Promise<Json> {
  const response = await fetch(`/api${path}`, { credentials: 'include' });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as Json;
}

function useData(paths: string[]): Json[] | null {
  const [data, setData] = useState<Json[] | null>(null);
  const key = paths.join(' ');
  useEffect(() => {
    void Promise.all(key.split(' ').map(get)).then(setData);
  }, [key]);
  return data;
}

function Profile() {
  const data = useData(['/me', '/me/mfa']);
  const [open, setOpen] = useState(false);
  if (!data) return <p aria-busy="true">Loading</p>;
  const [me = {}, mfa = {}] = data;
  const methods = Array.isArray(mfa.methods) ? (mfa.methods as Json[]) : [];
  return (
    <section data-usable="profile">
      <h2>Multi-factor authentication</h2>
      <p>
        {String(me.name ?? me.email)}: {mfa.enabled ? 'enabled' : 'not enabled'}
      </p>
      <ul>
        {methods.map((m, i) => (
          <li key={i}>{String(m.name ?? m.kind ?? m.type)}</li>
        ))}
      </ul>
      <button type="button" onClick={() => setOpen(true)}>
        Set up application
      </button>
      {open && <div role="dialog" aria-label="Set up application" />}
    </section>
  );
}

function Org({ slug }: { slug: string }) {
  const data = useData([
    `/orgs/${slug}/security`,
    `/orgs/${slug}/members/summary`,
    `/orgs/${slug}/members?page=1&perPage=25&sort=name`,
  ]);
  const [checked, setChecked] = useState<Record<string, boolean>>({});
  if (!data) return <p aria-busy="true">Loading</p>;
  const [security = {}, summary = {}, members = {}] = data;
  const items = Array.isArray(members.items) ? (members.items as Json[]) : [];
  return (
    <section data-usable="org">
      <h2>MFA required</h2>
      <p>{security.mfaRequired ? 'Required' : 'Not required'}</p>
      <p>
        {String(summary.mfaEnabled)} of {String(summary.total)} users have MFA enabled
      </p>
      <table>
        <tbody>
          {items.map((m) => {
            const id = String(m.id);
            return (
              <tr key={id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${String(m.name ?? m.email)}`}
                    checked={checked[id] ?? false}
                    onChange={(e) => setChecked({ ...checked, [id]: e.target.checked })}
                  />
                </td>
                <td>{String(m.name ?? '')}</td>
                <td>{String(m.email)}</td>
                <td>{String(m.role)}</td>
                <td>{m.mfaEnabled ? 'Enabled' : 'Not enabled'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function Page() {
  const org = /^\/orgs\/([a-z0-9-]+)\//.exec(location.pathname)?.[1];
  return (
    <main>
      <h1>Security</h1>
      {org ? <Org slug={org} /> : <Profile />}
    </main>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Page />
    </StrictMode>,
  );
}
