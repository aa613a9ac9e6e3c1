import { IsUrl, Matches, ValidationOptions } from 'class-validator';

/** An absolute http(s) URL, the only kind the contract accepts for url, coverImageUrl, avatarUrl. */
export function IsHttpUrl(options?: ValidationOptions): PropertyDecorator {
  return IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false, allow_underscores: true },
    { message: '$property must be an absolute http or https URL', ...options },
  );
}

/** Rejects strings that are empty once trimmed. */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return Matches(/\S/, { message: '$property must not be empty', ...options });
}
