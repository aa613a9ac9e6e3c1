import { AuthChecker } from 'type-graphql';
import { Context } from '../context/context';
import { ForbiddenError, UnauthenticatedError } from '../errors/api-errors';

/**
 * `@Authorized()` needs a signed-in author, `@Authorized(roles)` one of those roles. It throws
 * our own errors because type-graphql's own answer to a wrong role is `UNAUTHORIZED`, where the
 * contract says `FORBIDDEN`.
 */
export const authChecker: AuthChecker<Context> = ({ context }, roles) => {
  if (!context.viewer) throw new UnauthenticatedError();
  if (roles.length > 0 && !roles.includes(context.viewer.role)) throw new ForbiddenError();
  return true;
};
