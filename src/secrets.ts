import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The JWT secret outside production: generated on first start and kept in DATA_DIR (never in
 * the repository), so tokens survive restarts.
 */
export async function loadOrCreateJwtSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'jwt-secret');
  try {
    const secret = (await fs.readFile(file, 'utf8')).trim();
    if (secret) return secret;
  } catch {
    // first start
  }
  await fs.mkdir(dataDir, { recursive: true });
  const secret = crypto.randomBytes(48).toString('base64url');
  await fs.writeFile(file, secret, { mode: 0o600 });
  return secret;
}
