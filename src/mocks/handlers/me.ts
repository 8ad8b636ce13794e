import { guard } from '../problems';
import { http } from '../http';
import { requireSession } from '../sessions';
import { membershipsOf, mfaStatus, orgSummary } from '../views';

export const meHandlers = [
  http.get(
    '/me',
    guard(({ request, response }) => {
      const { session, user } = requireSession(request);
      return response(200).json({
        id: user.id,
        name: user.name,
        email: user.email,
        mfa: mfaStatus(user),
        memberships: membershipsOf(user.id).map(({ org, role }) => orgSummary(org, role, session)),
      });
    }),
  ),

  http.get(
    '/me/mfa',
    guard(({ request, response }) => {
      const { user } = requireSession(request);
      return response(200).json(mfaStatus(user));
    }),
  ),
];
