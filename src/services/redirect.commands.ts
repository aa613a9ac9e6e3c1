import { RedirectSource } from '../domain/enums';

/** A redirect as an editor gives it: `path` and `location` as typed (the service normalises them). */
export interface NewRedirect {
  path: string;
  location: string;
  /** 301 when true (the default), 302 otherwise. */
  permanent?: boolean | null;
}

/** A redirect from any source: editors' (MANUAL) or an import's (IMPORT, with the post it leads to when known). */
export interface RedirectCommand extends NewRedirect {
  source: RedirectSource;
  postId?: string | null;
}
