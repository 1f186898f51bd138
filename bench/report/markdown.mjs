// docs/performance.md from one run's results: the targets of issue 7 beside the figures and their same-run
// baselines, the scaling table and chart, HTTP per question, and the earlier seed benchmarks.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatSummary } from '../stats.mjs';
import { scaleChart } from './chart.mjs';

const MiB = 2 ** 20;
const GiB = 2 ** 30;
const seconds = (ms) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const msSummary = (s) => `${formatSummary(s)} ms`;
const mib = (bytes) => `${(bytes / MiB).toFixed(0)} MiB`;
const ratio = (x) => `${x.toFixed(2)}x`;
const yesNo = (ok) => (ok ? 'yes' : '**no**');

function readJson(dir, name) {
  const file = join(dir, name);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

function table(header, rows) {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** The target rows and the section of the in-process query figures (bench/query.mjs --snapshot). */
/** When a section was measured and the load around it (a section may be re-measured apart from the rest). */
function measuredLine(measured) {
  if (measured === undefined) return '';
  const when = new Date(measured.at).toISOString().slice(0, 16).replace('T', ' ');
  const load = (l) => l.map((x) => x.toFixed(1)).join(', ');
  return `Measured ${when} UTC, load average ${load(measured.loadavgBefore)} before and ${load(measured.loadavgAfter)} after.`;
}

function queryReport(query, at) {
  if (query === undefined) {
    const none = ['not in this run', '—', '—'];
    return { rows: [['every playground question in-process', 'p99 ≤ 20 ms, never refused', ...none], ['name search', 'p99 ≤ 5 ms', ...none], ['in-process GraphQL vs hand-written graphology', '≤ 5x', ...none]], section: '' };
  }
  const ms = (us) => `${(us / 1000).toFixed(us < 10_000 ? 2 : 1)} ms`;
  const answered = query.questions.filter((q) => q.errors.length === 0);
  const refused = query.questions.filter((q) => q.refused);
  const notFound = query.questions.filter((q) => !q.refused && q.errors.length > 0);
  const worst = answered.reduce((w, q) => (w === undefined || q.p99 > w.p99 ? q : w), undefined);
  const { hub, typical } = query.neighbourhood;
  const worstRatio = Math.max(hub.executeQueryRatio, typical.executeQueryRatio);
  const rows = [
    [
      'every playground question in-process',
      'p99 ≤ 20 ms, never refused',
      `worst p99 **${ms(worst.p99)}** (${worst.name}, ${worst.variant}); ${answered.length} answered, ${refused.length} refused${notFound.length > 0 ? `, ${notFound.length} NOT_FOUND (${notFound.map((q) => `${q.name} ${q.variant}`).join('; ')}: the seed's ids)` : ''}`,
      '—',
      `${yesNo(worst.p99 <= 20_000 && refused.length === 0)}${at.includes('10,000') ? '' : '; not at 10,000'}`,
    ],
    ['name search', 'p99 ≤ 5 ms', `p99 **${ms(query.search.p99)}**, p50 ${ms(query.search.p50)} (${query.search.queries} queries round-robin)`, '—', `${yesNo(query.search.p99 <= 5000)}${at.includes('10,000') ? '' : '; not at 10,000'}`],
    [
      'in-process GraphQL vs hand-written graphology',
      '≤ 5x',
      `2-hop neighbourhood, 50 neighbours: \`executeQuery\` (Apollo's pipeline) **${ratio(hub.executeQueryRatio)}** (hub) / **${ratio(typical.executeQueryRatio)}** (typical person); graphql-js \`execute\` alone ${ratio(hub.executeRatio)} / ${ratio(typical.executeRatio)}`,
      `hand-written over graphology: ${hub.handWritten.p50.toFixed(0)} µs / ${typical.handWritten.p50.toFixed(0)} µs`,
      yesNo(worstRatio <= 5),
    ],
  ];
  const questionTable = table(
    ['question', 'variables', 'p50', 'p99', 'answer bytes', 'errors'],
    query.questions.map((q) => [q.name, q.variant === 'as written' ? 'as written (the seed article\'s)' : `this corpus's: ${Object.values(q.variables ?? {}).join(', ')}`, ms(q.p50), ms(q.p99), q.bytes.toLocaleString('en'), q.errors.length === 0 ? '—' : q.errors.join(', ')]),
  );
  const nb = (label, n) => [label, `${n.handWritten.p50.toFixed(0)} / ${n.handWritten.p99.toFixed(0)}`, `${n.execute.p50.toFixed(0)} / ${n.execute.p99.toFixed(0)} (${ratio(n.executeRatio)})`, `${n.executeQuery.p50.toFixed(0)} / ${n.executeQuery.p99.toFixed(0)} (${ratio(n.executeQueryRatio)})`];
  const section = `## Queries in-process

${measuredLine(query.measured)} On the ${query.articles.toLocaleString('en')}-article corpus (${query.entities.toLocaleString('en')} entities, ${query.relations.toLocaleString('en')} relations), in one process, by \`bench/query.mjs --snapshot\` (graphql-js in \`NODE_ENV=${query.nodeEnv}\` mode, as the \`newsgraph\` command runs it): each case runs up to ${query.rounds} times or ${query.budgetMs} ms after a warm-up. Every playground question goes through \`executeQuery\`, the server's own pipeline (parse cache, limits, cost, execution budget, error masking) without HTTP or the response cache: each run executes. The questions name the seed article's entities; where they take variables, each is asked again naming this corpus's most mentioned person, proposal, place or event.

${questionTable}

Name search (\`searchEntities\`, limit 10, ${query.search.queries} queries: whole names, surnames, prefixes, fragments, a miss): p50 ${ms(query.search.p50)}, p99 ${ms(query.search.p99)}.

GraphQL against the same answer written by hand over graphology (a 2-hop neighbourhood, at most 50 neighbours; µs, p50 / p99):

${table(['centre', 'hand-written', 'graphql-js execute (ratio of p50s)', 'executeQuery (ratio of p50s)'], [nb(`the most mentioned person (\`${hub.centre}\`)`, hub), nb(`a typical person (\`${typical.centre}\`)`, typical)])}
`;
  return { rows, section };
}

export function renderReport({ summary, scale, http, query, postgres, resultsDir }) {
  const biggest = scale.at(-1);
  const full = biggest.articles >= 10_000;
  const at = `at ${biggest.articles.toLocaleString('en')} articles`;
  const httpRows = http.rows.filter((r) => !r.name.startsWith('GET '));
  const minOf = (f) => Math.min(...httpRows.map(f));
  const medianOf = (f) => {
    const xs = httpRows.map(f).sort((a, b) => a - b);
    return xs[xs.length >> 1];
  };
  // The bare server's CPU per request over newsgraph's, median over the questions: the steadier figure.
  // For the cached answer, the median of the per-round ratios when the rounds measured it (http.mjs `method`).
  const cpuRatio = (which) => {
    const ratios = httpRows.map((r) => (which(r) === r.repeated && r.repeatedCpuRatio ? r.repeatedCpuRatio.median : r.baseline.cpuUsPerRequest && which(r).cpuUsPerRequest ? r.baseline.cpuUsPerRequest / which(r).cpuUsPerRequest : null)).filter((x) => x !== null);
    if (ratios.length === 0) return '';
    ratios.sort((a, b) => a - b);
    return `; by server CPU per request ${ratio(ratios[ratios.length >> 1])} (median)`;
  };
  const queries = queryReport(query, at);
  const load = summary.machine.loadavgAtStart.map((x) => x.toFixed(1)).join(', ');
  const loadEnd = summary.loadavgAtEnd.map((x) => x.toFixed(1)).join(', ');

  const targets = table(
    ['figure (issue 7)', 'target', `measured ${at}`, 'baseline in the same run', 'reached?'],
    [
      [
        'build from scratch',
        '≤ 1.5x YAML parse on one thread; peak RSS ≤ 4 GiB (10,000 articles)',
        `${seconds(biggest.buildMs.median)}: **${ratio(biggest.buildVsParse.median)}** the parse; peak RSS ${mib(biggest.peakRssBytes.median)}`,
        `YAML parse alone ${seconds(biggest.yamlParseMs.median)}`,
        `${yesNo(biggest.buildVsParse.median <= 1.5)} (time), ${yesNo(biggest.peakRssBytes.median <= 4 * GiB)} (memory)${full ? '' : '; not at 10,000'}`,
      ],
      biggest.rebuildMs === undefined
        ? ['rebuild after editing one article of 10,000', '≤ 3 s', 'not measured in this run', '—', '—']
        : [
            'rebuild after editing one article of 10,000',
            '≤ 3 s',
            biggest.fullRebuildWithSnapshotMs === undefined
              ? `${seconds(biggest.rebuildMs.median)} (**${seconds(biggest.rebuildWithSnapshotMs.median)}** with the snapshot written), ${biggest.rebuildChecked.join('/')} article(s) checked, the rest from the build cache`
              : `**${seconds(biggest.rebuildWithSnapshotMs.median)}** (${seconds(biggest.rebuildWithSnapshotMs.min)}–${seconds(biggest.rebuildWithSnapshotMs.max)}) for the whole \`newsgraph build\` process, snapshot written (${seconds(biggest.rebuildMs.median)} the build in-process; CPU ${seconds(biggest.rebuildCpuMs.median)}); edits: ${biggest.rebuildEdits.join('; ')}`,
            biggest.fullRebuildWithSnapshotMs === undefined
              ? `the build from scratch in the same run: ${seconds(biggest.buildMs.median)}`
              : `the path before the patch (buildGraph through the build cache, then writeSnapshot) in the same run: ${seconds(biggest.fullRebuildWithSnapshotMs.median)}, CPU ${seconds(biggest.fullRebuildCpuMs.median)}; the build from scratch: ${seconds(biggest.buildMs.median)}`,
            `${yesNo(biggest.rebuildWithSnapshotMs.median <= 3000)}${full ? '' : '; not at 10,000'}`,
          ],
      [
        'load the snapshot',
        '≤ 5 s; RSS after load ≤ 1.5 GiB (10,000 articles)',
        `${seconds(biggest.loadMs.median)}; RSS ${mib(biggest.rssAfterLoadBytes.median)}`,
        biggest.jsonParseMs === null ? 'JSON.parse of graphology JSON: impossible (the string is too long)' : `JSON.parse of the same graph's graphology JSON: ${seconds(biggest.jsonParseMs.median)}`,
        `${yesNo(biggest.loadMs.median <= 5000)} (time), ${yesNo(biggest.rssAfterLoadBytes.median <= 1.5 * GiB)} (memory)${full ? '' : '; not at 10,000'}`,
      ],
      ...queries.rows,
      [
        'HTTP, a repeated question',
        '≥ 0.8x a bare node:http process writing the same bytes',
        `lowest **${ratio(minOf((r) => r.repeatedRatio))}**, median ${ratio(medianOf((r) => r.repeatedRatio))} over ${httpRows.length} questions${cpuRatio((r) => r.repeated)}`,
        `bare node:http, own process: median ${medianOf((r) => r.baseline.rps).toFixed(0)} req/s`,
        yesNo(minOf((r) => r.repeatedRatio) >= 0.8),
      ],
      [
        'HTTP, a question not yet cached',
        '≥ 0.3x the bare process',
        `lowest **${ratio(minOf((r) => r.freshRatio))}**, median ${ratio(medianOf((r) => r.freshRatio))}${cpuRatio((r) => r.fresh)}`,
        'the same bare process',
        yesNo(minOf((r) => r.freshRatio) >= 0.3),
      ],
      ['snapshot bytes per relation', 'record it', `${biggest.snapshotBytesPerRelation.toFixed(0)} B (file ${mib(biggest.snapshotBytes)})`, biggest.jsonBytesPerRelation === null ? '—' : `graphology JSON: ${biggest.jsonBytesPerRelation.toFixed(0)} B`, '—'],
    ],
  );

  const scaleTable = table(
    ['articles', 'entities', 'relations', 'build (median, min–max)', 'YAML parse alone', 'build / parse', 'peak RSS', 'rebuild after one edit (with snapshot)', 'snapshot', 'B/relation (snapshot / JSON)', 'load', 'JSON.parse of JSON', 'RSS after load'],
    scale.map((r) => [
      r.articles.toLocaleString('en'),
      r.nodes.toLocaleString('en'),
      r.relations.toLocaleString('en'),
      msSummary(r.buildMs),
      msSummary(r.yamlParseMs),
      ratio(r.buildVsParse.median),
      mib(r.peakRssBytes.median),
      r.rebuildMs === undefined ? '—' : `${msSummary(r.rebuildMs)} (${seconds(r.rebuildWithSnapshotMs.median)})`,
      mib(r.snapshotBytes),
      `${r.snapshotBytesPerRelation.toFixed(0)} / ${r.jsonBytesPerRelation === null ? '—' : r.jsonBytesPerRelation.toFixed(0)}`,
      msSummary(r.loadMs),
      r.jsonParseMs === null ? '—' : msSummary(r.jsonParseMs),
      mib(r.rssAfterLoadBytes.median),
    ]),
  );

  const cpu = (m) => (m.cpuUsPerRequest === null || m.cpuUsPerRequest === undefined ? '—' : m.cpuUsPerRequest.toFixed(0));
  const httpTable = table(
    ['question', 'answer bytes', 'bare node:http req/s', 'cached req/s (ratio)', 'not cached req/s (ratio)', 'p99 ms bare / cached / not cached', 'server CPU µs/request bare / cached / not cached', "Apollo's floor req/s (ratio), CPU µs/request"],
    http.rows.map((r) => [
      r.name,
      r.bytes.toLocaleString('en'),
      r.baseline.rps.toFixed(0),
      `${r.repeated.rps.toFixed(0)} (${ratio(r.repeatedRatio)}${r.repeatedRatioRange && r.repeatedRatioRange.rounds.length > 1 ? `, rounds ${ratio(r.repeatedRatioRange.min)}-${ratio(r.repeatedRatioRange.max)}; by CPU ${r.repeatedCpuRatio ? ratio(r.repeatedCpuRatio.median) : '—'}` : ''})`,
      `${r.fresh.rps.toFixed(0)} (${ratio(r.freshRatio)})`,
      `${r.baseline.p99} / ${r.repeated.p99} / ${r.fresh.p99}`,
      `${cpu(r.baseline)} / ${cpu(r.repeated)} / ${cpu(r.fresh)}`,
      r.apolloFloor ? `${r.apolloFloor.rps.toFixed(0)} (${ratio(r.apolloFloorRatio)}), ${cpu(r.apolloFloor)}` : '—',
    ]),
  );
  const refused = http.refused.length === 0 ? 'Every question was answered.' : `Not measured, because the corpus does not answer them without errors (they name the seed article's entities or are refused by today's cost limit): ${http.refused.map((r) => `\`${r.name}\` (${r.answer.includes('"code"') ? (r.answer.match(/"code":"([A-Z_]+)"/u)?.[1] ?? r.status) : r.status})`).join(', ')}.`;

  const copies = readJson(resultsDir, 'build-copies.json');
  const seedHttp = readJson(resultsDir, 'http-seed.json');
  const seedSections = [];
  if (copies !== undefined) {
    seedSections.push(
      `### bench/build.mjs: copies of the seed article\n\n${table(
        ['copies', 'entities', 'relations', 'build median ms (min–max)', 'snapshot KiB', 'graphology JSON KiB'],
        copies.rows.map((r) => [r.size, r.nodes, r.edges, `${r.ms.toFixed(0)} (${r.min.toFixed(0)}–${r.max.toFixed(0)})`, (r.snapshotBytes / 1024).toFixed(0), r.jsonBytes === undefined ? '—' : (r.jsonBytes / 1024).toFixed(0)]),
      )}`,
    );
  }
  if (seedHttp !== undefined) {
    const base = seedHttp.rows[0].rps;
    seedSections.push(
      `### bench/http.mjs: the seed graph, each question repeated (so cached), against \`{ __typename }\`\n\n${table(
        ['operation', 'req/s', 'vs { __typename }', 'p50 ms', 'p99 ms'],
        seedHttp.rows.map((r) => [r.name, r.rps.toFixed(0), ratio(r.rps / base), r.p50, r.p99]),
      )}`,
    );
  }

  const points = scale.map((r) => ({ articles: r.articles, buildS: r.buildMs.median / 1000, parseS: r.yamlParseMs.median / 1000, rssMiB: r.peakRssBytes.median / MiB }));
  const svg = scaleChart(points, `Build time and peak memory against corpus size (${summary.machine.cpus} cores, under contention)`);

  const markdown = `# Performance

Written by \`npm run bench\` (bench/run.mjs) on ${summary.started.toISOString().slice(0, 16).replace('T', ' ')} UTC: ${summary.machine.cpus} cores (${summary.machine.cpu}), ${(summary.machine.memoryBytes / GiB).toFixed(0)} GiB, node ${summary.machine.node}. Raw figures: \`bench/results/*.json\`. Every figure is the median of ${summary.options.runs} run(s) (min–max beside it) and stands beside a baseline measured in the same run, since figures vary from run to run on a shared machine.

**Under contention.** These figures were taken while other work shared the ${summary.machine.cpus} cores (load average ${load} at the start, ${loadEnd} at the end): absolute times are pessimistic and noisy; the ratios to the same-run baselines are what to read.

**Corpus sizes.** ${full ? 'This run went up to 10,000 articles.' : `This run stopped at ${biggest.articles.toLocaleString('en')} articles (sizes ${summary.options.sizes.join(', ')}) to keep a shared machine usable: the targets are stated for 10,000 articles and are **not** measured here.`} The full run is \`npm run bench\` (sizes ${['100', '300', '1,000', '3,000', '10,000'].join(', ')}; \`--max-articles N\`, \`--sizes\`, \`--runs\`, \`--seconds\` make it shorter).

The corpora come from the corpus generator (\`npm run corpus -- --articles N --seed 1 -o DIR\`): invented countries, people and proposals shared across articles with a Zipf-like frequency, 8 to 20 sentences an article, every kind of fact the vocabulary has.

## Targets

${targets}

## Build, memory and snapshot against corpus size

![Build time and peak memory against corpus size](performance-scale.svg)

${scaleTable}

- *build*: \`buildGraph\` in a fresh process, from scratch (an empty build cache, which it fills, as a first \`newsgraph build\` does; articles checked on the builder's default threads); *peak RSS*: that process's maximum resident set, after the build.
- *rebuild after one edit*: one article edited (in turn its title, a relation's quote, a fact added), then \`newsgraph build\` in a fresh process (bench/scale/rebuildOnce.mjs), which patches the snapshot the previous build wrote when the edit is provably local and builds in full otherwise (src/build/incrementalBuild.ts); the time is the whole process's, from its start to the snapshot written; another article each run. In brackets, the whole process too.
- *YAML parse alone*: reading and parsing the same files with the parser and options the builder uses, one thread, nothing else.
- *snapshot*: the version-1 snapshot file (one JSON record per line; no derivable value stored); *JSON*: graphology's JSON of the same graph (\`newsgraph export --format json\`, the earlier snapshot format).
- *load*: \`loadSnapshot\` in a fresh process, checksum included; *JSON.parse of JSON*: only parsing the graphology JSON (not even making a graph); *RSS after load*: after a full garbage collection.

${queries.section}
## HTTP: a repeated question, a new one, and a bare server writing the same bytes

${measuredLine(http.measured)} On the ${biggest.articles.toLocaleString('en')}-article corpus; four processes (newsgraph with its response cache, newsgraph with \`responseCacheBytes: 0\` so that every request executes, a bare \`node:http\` server that reads the request and writes newsgraph's exact answer bytes, and Apollo's floor: \`node:http\`, \`JSON.parse\` and Apollo with the same schema and resolvers and nothing else of newsgraph's, \`bench/serving/floor.mjs\`, which must send the same bytes); autocannon from a fifth, ${summary.options.connections} connections, one measurement at a time. ${http.method === 'rounds' ? `The bare servers and newsgraph cached are measured in ${http.rounds} rounds of ${Math.max(1, Math.round(summary.options.seconds / 3))} s each, in turn, the order reversed every other round, each server left to finish its requests in flight before the next; a cached ratio is the median of the per-round ratios (their range in the table), so that the load, which moves between rounds, moves both sides of a ratio alike. The uncached server and Apollo's floor: one measurement of ${summary.options.seconds} s each. The baselines run in a session of their own, as newsgraph's server process does (with the kernel's autogroup scheduling, a server in the benchmark's session was favoured: docs/design-choices.md, section \`hitpath\`).` : `${summary.options.seconds} s per measurement.`}

${httpTable}

*Server CPU per request* is the server process's user and system time over the requests it answered (from
\`/proc\`): unlike requests per second it hardly depends on what else the machine runs, so it is the steadier
comparison under contention. A cached answer makes the same system calls as the bare server (one \`read\`, one
\`writev\` per request). A repeated question is found by the cache's first level, keyed by the exact request
(snapshot, method, target, Accept, Content-Type, body bytes) before anything is parsed, and written with a header
object made once. The bare server replays that answer byte for byte, its seven headers included, at node's
defaults; newsgraph is started as a user starts it (\`newsgraph serve --snapshot FILE\`, which serves from a child
process whose young generation is held at 16 MiB, src/cli/serveRespawn.ts), its CPU and memory summed over the two
processes. What remains between them is some JavaScript per request (routing, reading the body within its limit and
timeout, the exact request's key, connection tracking for graceful shutdown), 2-8 µs of CPU per request in the same
runs, and the heap, 0-2 µs: the bare server holding the same graph in its heap, unused (each minor collection walks
the pages of a 500 MB old generation), costs that much more than the bare server once a full collection has followed
the load (docs/design-choices.md, section \`hitsmall\`, which also says why earlier figures of it were higher). A question not yet cached costs what Apollo's pipeline and the execution
cost: for a small answer Apollo's fixed cost per request (content negotiation, hashing the query, plugins) is
most of it; for a large one, graphql-js's cost per field (see *Queries in-process*).

${refused}

${postgresSection(postgres)}

## The seed benchmarks

${seedSections.length === 0 ? 'Skipped in this run (`--no-seed-benchmarks`).' : seedSections.join('\n\n')}

## Running it

\`\`\`sh
npm run bench                              # everything, corpora of 100 to 10,000 articles (long: the 10,000 build alone takes minutes)
npm run bench -- --max-articles 1000       # what this file shows, in a few minutes
npm run bench -- --sizes 100,1000 --runs 1 --seconds 2 --no-seed-benchmarks
\`\`\`
`;
  return { markdown, svg };
}

/** The PostgreSQL store beside the in-memory one (bench/postgres.mjs, issue 12), or why it was not measured. */
function postgresSection(postgres) {
  const heading = '## The PostgreSQL store beside the in-memory one';
  if (postgres === null || postgres === undefined || postgres.skipped !== undefined) return `${heading}\n\n${postgres?.skipped ?? 'Not measured in this run.'}`;
  const rows = postgres.rows.map((r) => `| ${r.question} | ${r['memory p50']} / ${r['memory p99']} | ${r['postgres p50']} / ${r['postgres p99']} | ${r['memory refused']} / ${r['postgres refused']} |`);
  return `${heading}

${measuredLine(postgres.measured)} \`bench/postgres.mjs\` on ${postgres.articles.toLocaleString('en')} generated articles (${postgres.entities.toLocaleString('en')} entities, ${postgres.relations.toLocaleString('en')} relations): built in ${postgres.buildSeconds} s, then loaded into a throwaway PostgreSQL cluster in **${postgres.loadSeconds} s** (COPY, indexes and the switch of the readers' views, one transaction). Two servers started as a user starts them, \`serve --snapshot\` (in memory) and \`serve --store\` (PostgreSQL), answer the same questions over HTTP, one request at a time, each about another entity so that the response cache never answers. Targets (issue 12, at 100,000 articles): load ≤ 5 minutes, every question p99 ≤ 30 ms, API server RSS ≤ 300 MB; see docs/scale-out.md for what is reached.

| question | in-memory p50 / p99 ms | PostgreSQL p50 / p99 ms | refused (memory / PostgreSQL) |
| --- | --- | --- | --- |
${rows.join('\n')}

API server RSS after the run: in-memory **${postgres.rss.memory} MB**, PostgreSQL store **${postgres.rss.postgres} MB**.${exportsTable(postgres.exports)}`;
}

/** The whole graph's exports streamed from PostgreSQL beside the in-memory server's and a plain read of the records. */
function exportsTable(exports) {
  if (exports === undefined || exports.rows.length === 0) return '';
  const cell = (d) => (d === undefined ? '—' : `${d.status} · ${(d.bytes / 1e6).toFixed(1)} MB · ${d.seconds.toFixed(2)} s · ${d.peakMb} MB`);
  const rows = exports.rows.map((r) => `| ${r.format} | ${cell(r.memory)} | ${cell(r.postgres)} |`);
  return `

The whole graph's exports that stream from the database, downloaded whole from each server in turn (status · size ·
seconds · the server's peak resident memory meanwhile); the in-memory server builds its file first. Baseline: a plain
read of the records they read (\`COPY ... TO STDOUT\` of the articles, entities and relations in graph order)
${(exports.plainRead.bytes / 1e6).toFixed(1)} MB in ${exports.plainRead.seconds.toFixed(2)} s.

| format | in-memory server | PostgreSQL server |
| --- | --- | --- |
${rows.join('\n')}

csv is a zip whose entries are deflated a part at a time as the text comes; the two servers' parts end at different
places, so the zips' sizes may differ while the files in them are the same (tests/store/postgresStore.test.ts compares
them).`;
}
