import 'reflect-metadata';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { createLogger } from '../logger';
import { createMediaFiles, demoCoverMaker } from '../media';
import { DEMO_PASSWORD, isEmptyDatabase, seedDemo } from '../seed/seed-demo';

/** `npm run seed`: demo content into an empty database, wherever it is. */
async function seed(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, createLogger('info'));
  try {
    if (!(await isEmptyDatabase(database.db, config.adminEmail))) {
      console.log('[broadsheet] the database already has content; demo content goes only into an empty one');
      return;
    }
    const covers = demoCoverMaker(createMediaFiles(config), config.media);
    const seeded = await seedDemo(database.db, config.postUrlTemplate, covers);
    console.log(
      `[broadsheet] seeded ${seeded.authors} authors, ${seeded.posts} posts (${seeded.covers} with cover images), ${seeded.comments} comments and ${seeded.links} related links; demo password: ${DEMO_PASSWORD}`,
    );
  } finally {
    await database.close();
  }
}

seed().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[broadsheet] seeding failed:', error);
    process.exit(1);
  },
);
