/**
 * The run report as text: `reportMarkdown` and `reportHtml` (a standalone HTML document
 * with an inline style sheet and no script). Both render one outline of sections,
 * paragraphs and tables built from the report, so they say the same things; every text
 * value is escaped for its format (user text such as service names stays text).
 */

import { formatClock, formatDuration } from '../engine/time';
import type { AvailabilityReport, DomainCount, DurationSummary, RunReport } from './types';

// ---- the outline -------------------------------------------------------------------------

interface Table {
  readonly kind: 'table';
  readonly caption: string;
  readonly head: readonly string[];
  /** The first cell of each row is its header. */
  readonly rows: readonly (readonly string[])[];
}
type Block = { readonly kind: 'p'; readonly text: string } | { readonly kind: 'h3'; readonly text: string } | Table;
interface Section {
  readonly title: string;
  readonly blocks: readonly Block[];
}

const p = (text: string): Block => ({ kind: 'p', text });
const h3 = (text: string): Block => ({ kind: 'h3', text });
const table = (caption: string, head: readonly string[], rows: readonly (readonly string[])[]): Table => ({ kind: 'table', caption, head, rows });

/** A duration for people: `250 ms`, `12.5 s`, `4m05s` style compact units from a minute up. */
export function humanDuration(ms: number | null): string {
  if (ms === null) return '—';
  const r = Math.round(ms);
  if (r === 0) return '0 s';
  if (r < 1000) return `${r} ms`;
  if (r < 60_000) return `${(Math.round(r / 100) / 10).toFixed(1)} s`;
  return formatDuration(Math.round(r / 1000) * 1000);
}

const at = (t: number | null): string => (t === null ? '—' : formatClock(t));
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function percent(pct: number | null): string {
  if (pct === null) return '—';
  if (pct === 100) return '100%';
  // never round a shortfall up to 100%
  const s = (Math.floor(pct * 1000) / 1000).toFixed(3);
  return `${s}%`;
}

function stats(s: DurationSummary): string {
  if (s.count === 0) return 'none measured';
  return `median ${humanDuration(s.medianMs)}, max ${humanDuration(s.maxMs)} over ${s.count}${s.sampled ? ' (median over the newest)' : ''}`;
}

function runSection(r: RunReport): Section {
  const dc = r.run.datacenter;
  const shape = `${dc.preset ? `${dc.preset}: ` : ''}${plural(dc.containers, 'container')}, ${plural(dc.racks, 'rack')}, ${plural(dc.hosts, 'host')} (${dc.host.cores} cores, ${Math.round(dc.host.memoryMiB / 1024)} GiB memory each), ${plural(dc.faultDomains, 'fault domain')} per deployment, ${dc.loadBalancer} load balancers`;
  return {
    title: 'Run',
    blocks: [
      table('Run identity', ['Item', 'Value'], [
        ['Seed', String(r.run.seed)],
        ['Data center', shape],
        ['Timing profile', r.run.timing],
        ['Simulated time', `${formatClock(r.run.simulatedMs)} (${humanDuration(r.run.simulatedMs)})`],
        ['Events logged', String(r.run.events)],
        ['Event-log hash', r.run.hash],
      ]),
    ],
  };
}

function faultsSection(r: RunReport): Section {
  const f = r.faults;
  const intro = f.total === 0 ? 'No fault was injected.' : `${plural(f.total, 'fault')}, ${f.open} not repaired yet.${f.list.length < f.total ? ` The newest ${f.list.length} are listed.` : ''}`;
  const blocks: Block[] = [p(intro)];
  if (f.list.length > 0) {
    blocks.push(
      table(
        'Faults',
        ['#', 'At', 'Asset', 'What', 'Detected', 'Repaired', 'Instances out', 'All ready again after'],
        f.list.map((x) => [
          String(x.n),
          at(x.t),
          x.asset,
          `${x.what}${x.reach ? ` (${x.reach})` : ''}`,
          at(x.detectedAt),
          x.repairedAt === null ? 'not yet' : `${at(x.repairedAt)}${x.repairedBy ? ` by ${x.repairedBy}` : ''}`,
          x.waitingInstances > 0 ? `${x.affectedInstances} (${x.waitingInstances} not ready yet)` : String(x.affectedInstances),
          x.affectedInstances === 0 ? '—' : x.recoveryMs === null ? 'not yet' : humanDuration(x.recoveryMs),
        ]),
      ),
    );
  }
  return { title: 'Faults', blocks };
}

function healingSection(r: RunReport): Section {
  const h = r.healings;
  const intro =
    h.total === 0
      ? 'No role instance was re-created elsewhere.'
      : `${plural(h.total, 'role instance re-creation', 'role instance re-creations')}; time to recover: ${stats(h.recovery)}.${h.list.length < h.total ? ` The newest ${h.list.length} are listed.` : ''}`;
  const blocks: Block[] = [p(intro)];
  if (h.list.length > 0) {
    blocks.push(
      table(
        'Instances re-created by service healing',
        ['Instance', 'Deployment', 'At', 'Why', 'From host', 'To host', 'Out since', 'Ready at', 'Time to recover'],
        h.list.map((x) => [
          x.instance,
          x.deployment,
          at(x.t),
          x.reason,
          x.from ?? '—',
          x.to ?? (x.outcome === 'in progress' ? 'waiting for a host' : '—'),
          at(x.since),
          x.outcome === 'ready' ? at(x.readyAt) : x.outcome,
          humanDuration(x.recoveryMs),
        ]),
      ),
    );
  }
  return { title: 'Service healing', blocks };
}

function availabilityRow(a: AvailabilityReport): string[] {
  return [
    a.deployment,
    `${a.status}${a.deletedAt !== null ? ` at ${at(a.deletedAt)}` : a.availableNow ? ', available' : ', not available'}`,
    percent(a.availabilityPct),
    a.since === null ? 'never available' : `${humanDuration(a.observedMs)} from ${at(a.since)}`,
    humanDuration(a.downMs),
    String(a.outageCount),
    humanDuration(a.mttrMs),
    humanDuration(a.mtbfMs),
  ];
}

function availabilitySection(r: RunReport): Section {
  if (r.availability.length === 0) return { title: 'Availability', blocks: [p('No service was deployed.')] };
  const blocks: Block[] = [
    p(
      'A deployment is available while every role with an input endpoint has an instance in the load balancer, running and reachable. It is observed from the moment it was first available. MTTR is the mean length of completed outages; MTBF is the time available per outage.',
    ),
    table('Availability per deployment', ['Deployment', 'Status', 'Availability', 'Observed', 'Down', 'Outages', 'MTTR', 'MTBF'], r.availability.map(availabilityRow)),
  ];
  for (const a of r.availability) {
    if (a.outages.length === 0) continue;
    blocks.push(
      table(
        `Outages of ${a.deployment}${a.outages.length < a.outageCount ? ` (the newest ${a.outages.length} of ${a.outageCount})` : ''}`,
        ['Started', 'Ended', 'Lasted'],
        a.outages.map((o) => [at(o.start), o.end === null ? 'still down' : at(o.end), humanDuration(o.durationMs)]),
      ),
    );
  }
  return { title: 'Availability', blocks };
}

const cell = (c: DomainCount): string => (c.instances === 0 ? '0' : `${c.ready}/${c.instances} ready`);

function domainsSection(r: RunReport): Section {
  if (r.domains.length === 0) return { title: 'Fault and update domains', blocks: [p('No deployment now.')] };
  const blocks: Block[] = [p('Instances of each role per fault domain and update domain now (ready of placed).')];
  for (const d of r.domains) {
    blocks.push(h3(d.deployment));
    blocks.push(
      table(
        `${d.deployment}: instances per fault domain`,
        ['Role', ...Array.from({ length: d.faultDomains }, (_, i) => `FD ${i}`)],
        d.roles.map((role) => [role.role, ...role.byFaultDomain.map(cell)]),
      ),
    );
    blocks.push(
      table(
        `${d.deployment}: instances per update domain`,
        ['Role', ...Array.from({ length: d.updateDomains }, (_, i) => `UD ${i}`)],
        d.roles.map((role) => [role.role, ...role.byUpdateDomain.map(cell)]),
      ),
    );
  }
  return { title: 'Fault and update domains', blocks };
}

function recoverySection(r: RunReport): Section {
  const x = r.recovery;
  return {
    title: 'Recovery times',
    blocks: [
      table('From a fault to its instances being ready again', ['Measure', 'Value'], [
        ['Each instance a fault took out', stats(x.instances)],
        ['Every instance of a fault', stats(x.faults)],
        ['Instances not ready again yet', String(x.waiting)],
      ]),
    ],
  };
}

function electionsSection(r: RunReport): Section {
  const e = r.elections;
  const now = e.primary === null ? `No primary now (since ${at(e.withoutPrimarySince)}).` : `The primary now is ${e.primary}, term ${e.term}.`;
  const blocks: Block[] = [
    p(`${plural(e.total, 'primary elected', 'primaries elected')}. ${now} Without a primary for ${humanDuration(e.withoutPrimaryMs)} in all, at most ${humanDuration(e.longestWithoutPrimaryMs)} at a time.`),
  ];
  if (e.list.length > 0) {
    blocks.push(
      table(
        `FC elections${e.list.length < e.total ? ` (the newest ${e.list.length})` : ''}`,
        ['Term', 'New primary', 'At', 'Previous primary', 'Without a primary for'],
        e.list.map((x) => [String(x.term), x.primary, at(x.t), x.previous ?? '—', humanDuration(x.withoutPrimaryMs)]),
      ),
    );
  }
  return { title: 'FC elections', blocks };
}

function outline(r: RunReport): Section[] {
  return [runSection(r), faultsSection(r), healingSection(r), availabilitySection(r), domainsSection(r), recoverySection(r), electionsSection(r)];
}

// ---- Markdown --------------------------------------------------------------------------------

/** Text safe in Markdown, inside a table cell too: markup characters escaped, HTML kept as text, one line. */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~])/g, '\\$1');
}

function mdTable(t: Table): string {
  const row = (cells: readonly string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return [`**${escapeMarkdown(t.caption)}**`, '', row(t.head), `|${t.head.map(() => ' --- ').join('|')}|`, ...t.rows.map(row)].join('\n');
}

export function reportMarkdown(r: RunReport): string {
  const out: string[] = [`# ${escapeMarkdown(r.title)}`];
  for (const s of outline(r)) {
    out.push(`## ${escapeMarkdown(s.title)}`);
    for (const b of s.blocks) out.push(b.kind === 'table' ? mdTable(b) : b.kind === 'h3' ? `### ${escapeMarkdown(b.text)}` : escapeMarkdown(b.text));
  }
  return `${out.join('\n\n')}\n`;
}

// ---- HTML ------------------------------------------------------------------------------------

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML content and in quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

const STYLE = `
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1f24; background: #ffffff; margin: 0; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid #d0d7de; padding-bottom: 0.2rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 0.4rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding: 0.2rem 0; }
th, td { border: 1px solid #d0d7de; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #f6f8fa; }
tbody th { font-weight: 600; }
td { font-variant-numeric: tabular-nums; }
footer { color: #57606a; font-size: 0.8rem; margin-top: 2rem; }
@media print { main { padding: 0; } h2 { break-after: avoid; } table { break-inside: auto; } }
`;

function htmlTable(t: Table): string {
  const head = `<thead><tr>${t.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const body = t.rows.map((row) => `<tr>${row.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join('')}</tr>`).join('\n');
  return `<table>\n<caption>${escapeHtml(t.caption)}</caption>\n${head}\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** A complete HTML document: inline style only, no script, every value escaped. */
export function reportHtml(r: RunReport): string {
  const parts: string[] = [];
  for (const s of outline(r)) {
    parts.push(`<section>\n<h2>${escapeHtml(s.title)}</h2>`);
    for (const b of s.blocks) parts.push(b.kind === 'table' ? htmlTable(b) : b.kind === 'h3' ? `<h3>${escapeHtml(b.text)}</h3>` : `<p>${escapeHtml(b.text)}</p>`);
    parts.push('</section>');
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(r.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(r.title)}</h1>`,
    ...parts,
    `<footer>Fabric Lab run report, format version ${escapeHtml(String(r.version))}. Times are simulated time (days+hh:mm:ss) from the start of the run.</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
