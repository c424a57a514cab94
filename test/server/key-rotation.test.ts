/** `refugio admin rotate-key`: a new current key, every sensitive value re-encrypted, nothing lost. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config.ts';
import { openRuntime } from '../../src/server/runtime.ts';
import { freshDatabase } from '../support/databases.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('key rotation', () => {
  it('re-encrypts every case, event and note with the new key and still reads them', async () => {
    const fresh = await freshDatabase('pglite');
    try {
      const config = readConfig({ DATA_DIR: fresh.options.dataDir });
      let rt = await openRuntime(config, { env: {}, today: () => '2026-11-22' });
      const { orgId, userId } = await rt.accounts.createOrganisation({
        name: 'Org',
        adminEmail: 'a@b.org',
        adminPassword: 'x'.repeat(12),
      });
      const actor = { orgId, userId, role: 'admin' as const, clientCaseId: null };
      const c = await rt.cases.create(actor, {
        person: { name: 'Γιώργος Παπαδόπουλος', aNumber: 'A123456789' },
      });
      await rt.cases.changeEvent(actor, c.id, c.version, {
        kind: 'add',
        event: { type: 'arrival', date: '2026-01-05' },
      });
      await rt.cases.addNote(actor, c.id, 'confidential note');
      const pdf = new TextEncoder().encode('%PDF-1.4\n% scanned notice\n');
      const file = await rt.cases.addFile(actor, c.id, {
        name: 'Notice to Appear.pdf',
        contentType: 'application/pdf',
        bytes: pdf,
      });
      await rt.close();

      const r = spawnSync(process.execPath, ['bin/refugio.js', 'admin', 'rotate-key'], {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: fresh.options.dataDir, DATABASE_URL: '', REFUGIO_KEY: '' },
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      // One person, one event, one note and a file's name and bytes (no screening answers were given).
      expect(r.stdout).toMatch(/New key k2 is current; 5 encrypted values/);

      rt = await openRuntime(config, { env: {}, today: () => '2026-11-22' });
      const rows = await rt.store.db.selectFrom('cases').select(['person_enc']).execute();
      expect(rows[0]!.person_enc.split('.')[1]).toBe('k2');
      const events = await rt.store.db.selectFrom('case_events').select(['data_enc']).execute();
      expect(events[0]!.data_enc.split('.')[1]).toBe('k2');
      const read = await rt.cases.get(actor, c.id);
      expect(read.person.name).toBe('Γιώργος Παπαδόπουλος');
      expect(
        (await rt.cases.list(actor, { q: 'A123456789', status: 'all', page: 1, pageSize: 10 })).cases,
      ).toHaveLength(1);
      expect((await rt.cases.notes(actor, c.id))[0]!.body).toBe('confidential note');
      const files = await rt.store.db.selectFrom('case_files').select(['name_enc', 'data_enc']).execute();
      expect(files.map((f) => [f.name_enc.split('.')[1], f.data_enc.split('.')[1]])).toEqual([['k2', 'k2']]);
      const back = await rt.cases.readFile(actor, c.id, file.id);
      expect([back.name, back.bytes]).toEqual(['Notice to Appear.pdf', pdf]);
      await rt.close();
    } finally {
      await fresh.remove();
    }
  }, 120_000);
});
