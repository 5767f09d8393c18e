// Injection sites: log, undo, export (JSON and CSV) and import back
// (tests/e2e/sites.spec.mjs has the keyboard paths, flags and printing).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert, equal } from './lib.mjs';

async function logZone(w, name) {
  await w.click(await w.role('button', { exact: name }));
  await w.click(await w.role('button', { exact: 'Log injection' }));
}

export const flows = [
  {
    name: 'sites: log, undo, export JSON and CSV, delete, import restores the log',
    async run({ page }) {
      await page.open('/');
      const w = page.widget();
      await w.click(await w.role('tab', { exact: 'Injection sites' }));
      await w.css('.kw-sites');
      await logZone(w, 'Left buttock, never used');
      await w.waitCount('.kw-log li', 1);
      await w.click(await w.role('button', { exact: 'Right thigh, never used' }));
      await w.fill(await w.label('Other notes (optional)'), 'felt fine');
      await w.check(await w.label({ exact: 'pain' }));
      await w.click(await w.role('button', { exact: 'Log injection' }));
      await w.waitText('#kw-logged', /^Logged: Right thigh, .*\d.*Undo/);
      await w.waitCount('.kw-log li', 2);
      // Undo: that entry only goes, and what was typed comes back.
      await w.click(await w.role('button', { exact: 'Undo' }));
      await w.waitCount('.kw-log li', 1);
      await w.waitContains('.kw-log li', 'Left buttock');
      await w.role('status', 'Removed from the history: Right thigh');
      equal(await (await w.label('Other notes (optional)')).getAttribute('value'), 'felt fine', 'note kept after undo');
      assert(await (await w.label({ exact: 'pain' })).isSelected(), 'reaction kept after undo');
      await w.click(await w.role('button', { exact: 'Log injection' }));
      await w.waitCount('.kw-log li', 2);
      // Export: the backup and the spreadsheet file.
      await w.click(await w.role('button', { exact: 'Download a backup (JSON)' }));
      await w.click(await w.role('button', { exact: 'Download for a spreadsheet (CSV)' }));
      const [json, csv] = await page.waitDownloads(2);
      assert(/^kineret-sites-\d{4}-\d\d-\d\d\.json$/.test(json.name), `backup file name ${json.name}`);
      const backup = JSON.parse(json.text);
      equal(backup.format, 'kineret-widget-sites', 'backup format');
      equal(backup.entries.map((e) => e.zone).sort(), ['buttock-left', 'thigh-right'], 'backup zones');
      equal(csv.text.split('\n')[0],
        'id,zone,date-time (UTC),given by,reactions,note,date and time (local),site,who injected,skin reactions', 'CSV header');
      assert(csv.text.includes(',thigh-right,') && csv.text.includes('felt fine'), 'CSV rows');
      // Delete everything, then import the backup through the file input.
      await w.click(await w.role('button', { exact: 'Delete all my injection-site data' }));
      await w.click(await w.role('button', { exact: 'Delete everything' }));
      await w.waitCount('.kw-log li', 0);
      const dir = mkdtempSync(join(tmpdir(), 'kw-import-'));
      try {
        const file = join(dir, json.name);
        writeFileSync(file, json.text);
        await (await w.label('Import a backup (JSON file)')).sendKeys(file);
        await w.css('.kw-sites', 'Entries imported: 2. Already here: 0.');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      await w.waitCount('.kw-log li', 2);
      await page.reload();
      await w.click(await w.role('tab', { exact: 'Injection sites' }));
      await w.waitCount('.kw-log li', 2);
      await w.waitContains('.kw-log li', 'pain. felt fine');
    },
  },
];
