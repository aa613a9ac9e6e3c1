import { validate } from 'class-validator';
import { Role } from '../domain/enums';
import { firstViolation } from '../errors/format-error';
import { CreateAuthorInput } from '../schema/author.inputs';
import { Services } from '../services';

/**
 * The ADMIN named by ADMIN_EMAIL/ADMIN_PASSWORD, unless an author has that email. It goes
 * through the same validation as `createAuthor` (a valid email, a password of 8..200
 * characters), so the start fails with a readable message rather than storing what the API
 * would refuse.
 */
export async function ensureBootstrapAdmin(
  services: Services,
  email: string,
  password: string,
): Promise<'created' | 'exists'> {
  if (await services.authors.emailExists(email)) return 'exists';
  const input = Object.assign(new CreateAuthorInput(), { name: 'Administrator', email, password, role: Role.ADMIN });
  const violation = firstViolation(await validate(input, { forbidUnknownValues: false }));
  if (violation) {
    const variable =
      violation.field === 'password' ? 'ADMIN_PASSWORD' : violation.field === 'email' ? 'ADMIN_EMAIL' : violation.field;
    throw new Error(`${variable} is not usable: ${violation.message}`);
  }
  await services.authors.create(input);
  return 'created';
}
