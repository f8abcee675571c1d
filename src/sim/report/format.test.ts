import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../engine/log';
import { escapeHtml, escapeMarkdown, humanDuration, percent, reportHtml, reportMarkdown } from './format';
import { csvCell, formatLogTime, toCsv, toJsonLines } from './logfile';
import type { RunReport } from './types';

const EVIL = `<script>alert("x")</script> & 'quote' | pipe *bold* _it_ [link](javascript:x)`;

/** A small report written by hand, with user text where user text can go. */
function sample(over: Partial<RunReport> = {}): RunReport {
  return {
    fabricLab: 'report',
    version: 1,
    title: 'Fabric Lab run, seed 42',
    simulatedMs: 2_400_000,
    run: {
      seed: 42,
      timing: 'fast',
      simulatedMs: 2_400_000,
      events: 1234,
      hash: '0123456789abcdef',
      datacenter: { preset: 'classroom', containers: 1, racks: 3, hosts: 12, faultDomains: 3, host: { cores: 8, memoryMiB: 14336, diskGiB: 2040 }, loadBalancer: 'hardware' },
    },
    faults: {
      total: 1,
      open: 0,
      list: [
        {
          n: 1,
          t: 600_000,
          asset: 'c0-r1-tor',
          kind: 'tor',
          what: 'Top-of-rack switch failed',
          mode: 'fail',
          hosts: 4,
          reach: 'partition',
          detectedAt: 610_000,
          repairedAt: 900_000,
          repairedBy: 'operator',
          affectedInstances: 2,
          waitingInstances: 0,
          recoveredAt: 651_265,
          recoveryMs: 51_265,
        },
      ],
    },
    healings: {
      total: 1,
      recovery: { count: 1, medianMs: 51_265, maxMs: 51_265, sampled: false },
      list: [
        {
          t: 623_022,
          instance: `${EVIL}/Web_IN_1`,
          deployment: 'evil/production',
          reason: 'host lost (unreachable)',
          from: 'c0-r1-h00',
          to: 'c0-r3-h00',
          since: 600_000,
          readyAt: 651_265,
          recoveryMs: 51_265,
          outcome: 'ready',
        },
      ],
    },
    availability: [
      {
        deployment: 'shop/production',
        service: 'shop',
        slot: 'production',
        version: 'v1',
        status: 'Running',
        deletedAt: null,
        availableNow: true,
        since: 26_000,
        observedMs: 2_374_000,
        availableMs: 2_314_000,
        downMs: 60_000,
        availabilityPct: (2_314_000 / 2_374_000) * 100,
        outageCount: 1,
        outages: [{ start: 900_000, end: 960_000, durationMs: 60_000 }],
        mttrMs: 60_000,
        mtbfMs: 2_314_000,
      },
    ],
    domains: [
      {
        deployment: 'shop/production',
        faultDomains: 3,
        updateDomains: 2,
        roles: [
          {
            role: 'WebRole',
            instances: 3,
            ready: 2,
            byFaultDomain: [
              { instances: 1, ready: 1 },
              { instances: 1, ready: 0 },
              { instances: 1, ready: 1 },
            ],
            byUpdateDomain: [
              { instances: 2, ready: 1 },
              { instances: 1, ready: 1 },
            ],
          },
        ],
      },
    ],
    recovery: {
      instances: { count: 2, medianMs: 50_000, maxMs: 51_265, sampled: false },
      faults: { count: 1, medianMs: 51_265, maxMs: 51_265, sampled: false },
      waiting: 0,
    },
    elections: {
      total: 2,
      primary: 'fc2',
      term: 2,
      withoutPrimaryMs: 367,
      longestWithoutPrimaryMs: 218,
      withoutPrimarySince: null,
      list: [
        { t: 218, term: 1, primary: 'fc4', previous: null, withoutPrimaryMs: 218 },
        { t: 960_149, term: 2, primary: 'fc2', previous: 'fc4', withoutPrimaryMs: 149 },
      ],
    },
    ...over,
  };
}

describe('escaping', () => {
  it('escapes the five HTML characters, ampersands first', () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;');
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
    expect(escapeHtml('plain text 42')).toBe('plain text 42');
  });

  it('escapes Markdown markup and keeps HTML and line breaks out of a cell', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('*x* _y_ `z` [l](u) #h ~s~ \\')).toBe('\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\#h \\~s\\~ \\\\');
    expect(escapeMarkdown('<b>&</b>')).toBe('&lt;b&gt;&amp;&lt;/b&gt;');
    expect(escapeMarkdown('one\ntwo\r\nthree')).toBe('one two three');
  });

  it('formats durations and percentages for people', () => {
    expect(humanDuration(null)).toBe('—');
    expect(humanDuration(0)).toBe('0 s');
    expect(humanDuration(149)).toBe('149 ms');
    expect(humanDuration(51_265)).toBe('51.3 s');
    expect(humanDuration(2_374_000)).toBe('39m34s');
    expect(percent(100)).toBe('100%');
    expect(percent(99.99999)).toBe('99.999%');
    expect(percent(null)).toBe('—');
  });
});

describe('reportMarkdown', () => {
  const md = reportMarkdown(sample());

  it('has a section per part of the report, with tables', () => {
    for (const h of ['# Fabric Lab run, seed 42', '## Run', '## Faults', '## Service healing', '## Availability', '## Fault and update domains', '## Recovery times', '## FC elections']) {
      expect(md.split('\n')).toContain(h);
    }
    expect(md).toContain('| Event-log hash | 0123456789abcdef |');
    expect(md).toContain('| 1 | 0+00:10:00 | c0-r1-tor | Top-of-rack switch failed (partition) | 0+00:10:10 | 0+00:15:00 by operator | 2 | 51.3 s |');
    expect(md).toContain('| shop/production | Running, available | 97.472% | 39m34s from 0+00:00:26 | 1m | 1 | 1m | 38m34s |');
    expect(md).toContain('| WebRole | 1/1 ready | 0/1 ready | 1/1 ready |');
    expect(md).toContain('| WebRole | 1/2 ready | 1/1 ready |');
    expect(md).toContain('| 2 | fc2 | 0+00:16:00 | fc4 | 149 ms |');
  });

  it('writes well-formed tables: a header, a separator and rows of the same width', () => {
    const lines = md.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!/^\| --- /.test(lines[i]!)) continue;
      const width = (l: string) => l.replace(/\\\|/g, '').split('|').length;
      const w = width(lines[i - 1]!);
      expect(width(lines[i]!)).toBe(w);
      for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++) expect(width(lines[j]!)).toBe(w);
    }
  });

  it('keeps user text as text', () => {
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;');
    expect(md).toContain('\\| pipe \\*bold\\*');
  });

  it('says when there is nothing to report', () => {
    const empty = reportMarkdown(
      sample({
        faults: { total: 0, open: 0, list: [] },
        healings: { total: 0, recovery: { count: 0, medianMs: null, maxMs: null, sampled: false }, list: [] },
        availability: [],
        domains: [],
      }),
    );
    expect(empty).toContain('No fault was injected.');
    expect(empty).toContain('No role instance was re-created elsewhere.');
    expect(empty).toContain('No service was deployed.');
  });
});

describe('reportHtml', () => {
  const html = reportHtml(sample({ title: EVIL }));

  it('is a complete document with an inline style sheet and no script', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<style>[^<]+<\/style>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|<iframe|\son\w+=/i);
  });

  it('escapes every value, in the title, the headings and the cells', () => {
    const escaped = escapeHtml(EVIL);
    expect(html).toContain(`<title>${escaped}</title>`);
    expect(html).toContain(`<h1>${escaped}</h1>`);
    expect(html).toContain(`<th scope="row">${escaped}/Web_IN_1</th>`);
    expect(html).not.toContain('<script>alert');
  });

  it('gives tables captions and header cells', () => {
    const doc = new DOMParserLike(html);
    expect(doc.count('<table>')).toBe(doc.count('<caption>'));
    expect(html).toContain('<caption>Availability per deployment</caption>');
    expect(html).toContain('<th scope="col">Availability</th>');
    expect(html).toContain('<td>97.472%</td>');
  });
});

/** Counts tags in a string (the sim tests run without a DOM). */
class DOMParserLike {
  constructor(private readonly text: string) {}
  count(tag: string): number {
    return this.text.split(tag).length - 1;
  }
}

const rec = (seq: number, t: number, kind: string, subject: string, fields: LogRecord['fields'] = {}): LogRecord => ({ seq, t, kind, subject, fields });

describe('event log files', () => {
  it('formats simulated time with milliseconds', () => {
    expect(formatLogTime(0)).toBe('0+00:00:00.000');
    expect(formatLogTime(7)).toBe('0+00:00:00.007');
    expect(formatLogTime(86_400_000 + 3_723_045)).toBe('1+01:02:03.045');
  });

  it('writes JSON Lines: one object per record with t, time, seq, kind, subject, fields', () => {
    const text = toJsonLines([rec(0, 218, 'fc.raft.primary', 'fc4', { primary: 'fc4', term: 1 }), rec(1, 600_000, 'fault.inject', 'c0-r1-tor', { mode: 'fail', reach: null })]);
    const lines = text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[0]!)).toEqual({ t: 218, time: '0+00:00:00.218', seq: 0, kind: 'fc.raft.primary', subject: 'fc4', fields: { primary: 'fc4', term: 1 } });
    expect(JSON.parse(lines[1]!)).toMatchObject({ seq: 1, fields: { mode: 'fail', reach: null } });
    expect(toJsonLines([])).toBe('');
  });

  it('quotes CSV cells as RFC 4180 says', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('')).toBe('');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+cmd')).toBe("'+cmd");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes a header and a row per record, fields as JSON, CRLF line ends', () => {
    const csv = toCsv([rec(0, 600_000, 'fault.inject', 'c0-r1-tor', { mode: 'fail', hosts: 4 }), rec(1, 600_001, 'deploy.request', '=cmd|x', { refused: 'does not fit, "really"' })]);
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe('t_ms,time,seq,kind,subject,fields');
    expect(rows[1]).toBe('600000,0+00:10:00.000,0,fault.inject,c0-r1-tor,"{""mode"":""fail"",""hosts"":4}"');
    expect(rows[2]).toBe(`600001,0+00:10:00.001,1,deploy.request,'=cmd|x,"{""refused"":""does not fit, \\""really\\""""}"`);
    expect(rows[3]).toBe('');
    expect(rows).toHaveLength(4);
  });
});
