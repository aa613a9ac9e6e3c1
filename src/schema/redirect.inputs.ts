import { Field, InputType } from 'type-graphql';
import { NewRedirect } from '../services/redirect.commands';

/** Checked and normalised by the service (src/domain/url-path.ts), as an import's redirects are. */
@InputType()
export class CreateRedirectInput implements NewRedirect {
  @Field({ description: 'A path of the site (or a full URL of PUBLIC_BASE_URL), e.g. /2024/05/old-title.html.' })
  path!: string;

  @Field({ description: 'A path of the site, or an absolute http(s) URL elsewhere.' })
  location!: string;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: '301 when true, 302 otherwise.' })
  permanent?: boolean | null;
}
