// Safety: the monitoring schedule and its calendar file (tests/e2e/
// safety.spec.mjs has triage, the screen and the regions in Chromium).
import { assert, equal } from './lib.mjs';

/** VEVENTs of an .ics text as { NAME: 'params:value' } maps; checks CRLF line ends. */
function events(text) {
  assert(text.startsWith('BEGIN:VCALENDAR\r\n') && text.endsWith('END:VCALENDAR\r\n'), 'a VCALENDAR with CRLF line ends');
  assert(!/[^\r]\n/.test(text), 'every line ends in CRLF');
  const out = [];
  let cur = null;
  for (const l of text.replace(/\r\n[ \t]/g, '').split('\r\n')) {
    if (l === 'BEGIN:VEVENT') cur = {};
    else if (l === 'END:VEVENT') { out.push(cur); cur = null; }
    else if (cur) {
      const i = l.indexOf(':');
      const [name, ...params] = l.slice(0, i).split(';');
      cur[name] = `${params.join(';')}:${l.slice(i + 1)}`;
    }
  }
  return out;
}

export const flows = [
  {
    name: 'safety calendar: the .ics download has the checks not done and the dose reminders (RRULE)',
    async run({ page }) {
      await page.open('/');
      const w = page.widget();
      await w.attrs({ view: 'safety', lang: 'en' });
      await w.fillDate(await w.label('Treatment start date'), '2024-03-10');
      await w.waitCount('.kw-sf-checks li', 7);
      await w.waitContains('.kw-sf-checks li:nth-child(2)', 'Apr 10, 2024');
      await w.check(await w.role('checkbox', 'Before starting Mar 10, 2024'));
      await w.waitText('.kw-sf-checks li:first-child .kw-sf-badge', 'Done');
      await w.check(await w.role('radio', { exact: 'Twice daily' }));
      await w.fillTime(await w.label('Morning dose time'), '07:30');
      await w.fillTime(await w.label('Evening dose time'), '19:45');
      await w.click(await w.role('button', { exact: 'Add to calendar (.ics)' }));
      const [ics] = await page.waitDownloads(1);
      equal(ics.name, 'kineret-safety.ics', 'file name');
      const e = events(ics.text);
      equal(e.length, 8, 'events (6 checks not done, 2 reminders)');
      equal(e.slice(0, 6).map((x) => x.DTSTART),
        ['VALUE=DATE:20240410', 'VALUE=DATE:20240510', 'VALUE=DATE:20240610', 'VALUE=DATE:20240910', 'VALUE=DATE:20241210',
          'VALUE=DATE:20250310'], 'check dates');
      equal(e[0].SUMMARY, ':Neutrophil count blood test', 'first check');
      equal(e[6].SUMMARY, ':Kineret dose (morning)', 'morning reminder');
      equal(e[6].RRULE, ':FREQ=DAILY', 'morning RRULE');
      assert(/T073000$/.test(e[6].DTSTART) && /T194500$/.test(e[7].DTSTART), `reminder times ${e[6].DTSTART} ${e[7].DTSTART}`);
      await w.role('status', 'Calendar file downloaded.');
      // Every other day: one reminder, INTERVAL=2.
      await w.check(await w.role('radio', { exact: 'Every other day' }));
      await w.until(async () => !(await w.has('label', null, 'Evening dose time')), 'no evening time');
      await w.click(await w.role('button', /^Add to calendar/));
      const [, second] = await page.waitDownloads(2);
      const e2 = events(second.text);
      equal(e2.length, 7, 'events with one reminder');
      equal(e2[6].RRULE, ':FREQ=DAILY;INTERVAL=2', 'every other day RRULE');
    },
  },
];
