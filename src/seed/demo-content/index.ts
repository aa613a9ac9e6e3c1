/** Demo content for `npm run seed` and the embedded database's first start. Written for Broadsheet; fictional. */
import { BUSINESS_DESK } from './business';
import { DemoPost } from './demo-types';
import { FEATURES_DESK } from './features';
import { NEWS_DESK } from './news';
import { PUBLISHER } from './publisher';
import { SCIENCE_AND_TECH_DESK } from './science-and-tech';
import { SPORT_AND_WEATHER_DESK } from './sport-and-weather';

export { DEMO_AUTHORS } from './authors';
export { DEMO_COVERS } from './covers';
export type { DemoComment, DemoCover } from './demo-types';

/** Every demo post, desk by desk. */
export const DEMO_POSTS: DemoPost[] = [
  ...NEWS_DESK,
  ...FEATURES_DESK,
  ...SPORT_AND_WEATHER_DESK,
  ...SCIENCE_AND_TECH_DESK,
  ...BUSINESS_DESK,
  ...PUBLISHER,
];
