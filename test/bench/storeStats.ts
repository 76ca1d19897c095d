import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createLogger } from '../../src/logger';
import { createStorage } from '../../src/storage';
import { ReminderStore } from '../../src/storage/reminderStore';
import { DB_FILE_NAME, SQL } from '../../src/storage/sqliteSchema';
import { StoredCase, missingFromCase } from './journey';
import type { SimUser } from './loadDriver';

export interface StoreReport {
  /** Users whose stored case was checked. */
  checked: number;
  /** Users whose case (or reminder) is incomplete, with what is missing (first few). */
  incomplete: string[];
  incompleteCount: number;
  /** Per user with a full case: bytes of key + data of their user record and conversation record, plus their entries in the shared reminder index. */
  bytesPerUser: { avg: number; p50: number; max: number };
  /** The database files (main + WAL) divided by every user who started. */
  dbFileBytesPerUser: number;
}

interface Profile {
  activeCaseId?: string;
  cases?: (StoredCase & { id?: string })[];
}

const byteLength = (value: unknown): number =>
  typeof value === 'string' ? Buffer.byteLength(value) : Buffer.isBuffer(value) ? value.length : 0;

/**
 * Reads the bot's sqlite store (after the bot has stopped): every completed user must have a full case
 * and a pending follow-up reminder; and how many bytes one such user costs. Records are decoded through
 * the project's own storage class (so a change of encoding is followed), sizes are measured on the raw rows.
 */
export async function inspectSqliteStore(dataDir: string, users: SimUser[], startedUsers: number, channelId = 'webchat'): Promise<StoreReport> {
  const storage = createStorage({ kind: 'sqlite', dataDir, retentionDays: 3650, logger: createLogger({ level: 'silent' }) });
  const db = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
  try {
    const rawRow = db.prepare<[string], { data: unknown }>(SQL.selectOne);
    const rawBytes = (key: string): number => {
      const row = rawRow.get(key);
      return row ? byteLength(key) + byteLength(row.data) : 0;
    };
    const reminderBytes = new Map<string, number>();
    for (const reminder of await new ReminderStore(storage).all()) {
      const owner = reminder.owner ?? '';
      reminderBytes.set(owner, (reminderBytes.get(owner) ?? 0) + Buffer.byteLength(JSON.stringify(reminder)) + 1);
    }
    const incomplete: string[] = [];
    let incompleteCount = 0;
    const sizes: number[] = [];
    for (const user of users) {
      const userKey = `${channelId}/users/${user.userId}/`;
      const conversationKey = `${channelId}/conversations/${user.conversationId}/`;
      const record = (await storage.read([userKey]))[userKey] as { profile?: Profile } | undefined;
      const profile = record?.profile;
      const active = profile?.cases?.find((c) => c.id === profile.activeCaseId);
      const missing = missingFromCase(active);
      const owner = `${channelId}/${user.userId}`;
      if (!reminderBytes.has(owner)) missing.push('follow-up reminder');
      if (missing.length > 0) {
        incompleteCount++;
        if (incomplete.length < 10) incomplete.push(`${user.userId}: ${missing.join(', ')}`);
        continue;
      }
      sizes.push(rawBytes(userKey) + rawBytes(conversationKey) + (reminderBytes.get(owner) ?? 0));
    }
    sizes.sort((a, b) => a - b);
    const fileBytes = ['', '-wal']
      .map((suffix) => path.join(dataDir, DB_FILE_NAME + suffix))
      .reduce((sum, file) => sum + (fs.existsSync(file) ? fs.statSync(file).size : 0), 0);
    return {
      checked: users.length,
      incomplete,
      incompleteCount,
      bytesPerUser: {
        avg: sizes.length ? Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length) : Number.NaN,
        p50: sizes[Math.floor(sizes.length / 2)] ?? Number.NaN,
        max: sizes.at(-1) ?? Number.NaN,
      },
      dbFileBytesPerUser: startedUsers > 0 ? Math.round(fileBytes / startedUsers) : Number.NaN,
    };
  } finally {
    db.close();
    await storage.close();
  }
}
