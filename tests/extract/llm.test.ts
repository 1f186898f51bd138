/**
 * The LLM mode against a real HTTP server on loopback that replays a model's answer (written for this test in
 * the chat-completions format; no model runs on these machines). The answer holds a good relation, a
 * hallucinated quote, off-vocabulary predicates, kinds and event types, a name the article never mentions, a
 * fact that misses a negation and one that misses its speaker: the guards must keep, drop and flag each.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { readFileSync, existsSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { validateData } from '../../src/build/index.js';
import type { ArticleFileSource } from '../../src/build/sourceModel.js';
import { extractIntoDirectory } from '../../src/extract/index.js';
import { PROJECT_ROOT, copyData, removeDir, tempDir } from '../utils/fixtures.js';
import { BASE, DEV_TEXTS, EXTRACTION } from './devSet.js';

const ANSWER = readFileSync(join(EXTRACTION, 'llm', 'taiwan-drills.answer.json'), 'utf8');
const TEXT = readFileSync(join(DEV_TEXTS, 'taiwan-drills.txt'), 'utf8');
const KEY = 'sk-test-never-print-me-7d1f';

interface Seen { url: string; headers: IncomingHttpHeaders; body: { model?: string; messages?: { role: string; content: string }[] } }
const seen: Seen[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body: JSON.parse(body) as Seen['body'] });
      if (req.url === '/broken/chat/completions') {
        res.writeHead(500).end('{"error":"boom"}');
        return;
      }
      if (req.url === '/endless/chat/completions') {
        // An answer that never ends, 1 MB at a time, for as long as the client reads.
        res.writeHead(200, { 'content-type': 'application/json' });
        const megabyte = Buffer.alloc(1024 * 1024, 0x20);
        const more = (): void => {
          while (!res.destroyed && res.write(megabyte));
          if (!res.destroyed) res.once('drain', more);
        };
        res.write('{"choices": [');
        more();
        return;
      }
      if (req.url === '/stalled/chat/completions') {
        // The head and the start of an answer, then nothing: the client's time limit must end the wait.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"choices": [');
        return;
      }
      const content = req.url === '/prose/chat/completions' ? 'Sure! Here are the facts: China did drills.' : ANSWER;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'replay-1', object: 'chat.completion', model: 'replayed', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('LLM mode guards', () => {
  let dir: string;
  let result: Awaited<ReturnType<typeof extractIntoDirectory>>;
  beforeAll(async () => {
    dir = copyData(BASE);
    result = await extractIntoDirectory(dir, TEXT, { id: 'taiwan-drills', title: 't' }, { llm: { url: `${base}/v1`, model: 'replayed-model', apiKey: KEY } });
  });
  afterAll(() => removeDir(dir));

  const article = () => parse(readFileSync(join(dir, 'articles', 'taiwan-drills.yaml'), 'utf8')) as ArticleFileSource;

  test('the request: the chat-completions route, the model, the article, the key only in the header', () => {
    const request = seen.find((s) => s.url === '/v1/chat/completions');
    expect(request?.body.model).toBe('replayed-model');
    expect(request?.body.messages?.[1]?.content).toBe(TEXT);
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  test('verified facts are kept, with the quotes found by code, and the directory validates', async () => {
    expect(await validateData(dir)).toEqual([]);
    const a = article();
    expect(a.relations).toEqual(expect.arrayContaining([
      expect.objectContaining({ subject: 'state-department', predicate: 'URGED', object: 'china', properties: { to: 'exercise restraint' }, evidence: 'urged Beijing to exercise restraint' }),
      expect.objectContaining({ subject: 'china', predicate: 'DEPLOYED_FORCES_TO', object: 'taiwan' }),
    ]));
    expect(a.events).toEqual(expect.arrayContaining([expect.objectContaining({ eventType: 'VISIT', status: 'occurred' })]));
    expect(a.claims?.map((c) => c.name)).toEqual(['the exercises were a warning to separatist forces']);
  });

  test('hallucinated quotes, off-vocabulary words and unmentioned names are rejected and reported, never repaired', () => {
    const rejected = result.llm?.report.rejected.join('\n') ?? '';
    expect(rejected).toContain('quote not in the article: "The State Department strongly condemned China"');
    expect(rejected).toContain('"the exercises were a warning to Taiwan\'s leaders"');
    expect(rejected).toContain('predicate "CONDUCTED_DRILLS_AROUND" is not in the vocabulary');
    expect(rejected).toContain('type "MILITARY_PARADE" is not in the vocabulary');
    expect(rejected).toContain('kind "BODY_OF_WATER" is not in the vocabulary');
    expect(rejected).toContain('entity "Xi Jinping": the name is not in the article');
    const a = article();
    expect((a.relations ?? []).some((r) => r.predicate === 'CRITICIZED' && r.subject === 'state-department')).toBe(false);
    const entities = readFileSync(join(dir, 'entities.yaml'), 'utf8');
    expect(entities).not.toMatch(/Xi Jinping|Taiwan Strait/u);
  });

  test('a negation or a reporting verb the model missed flags the fact for review', () => {
    const a = article();
    const japan = (a.relations ?? []).find((r) => r.subject === 'japan' && r.predicate === 'CRITICIZED');
    expect(japan?.negated).toBeUndefined();
    expect(japan?.draft?.flags?.join(' ')).toMatch(/negation/u);
    const threat = (a.relations ?? []).find((r) => r.predicate === 'THREATENED');
    expect(threat?.draft?.flags?.join(' ')).toMatch(/reporting verb/u);
    expect(threat?.draft?.confidence).toBeLessThan(0.5);
    expect(result.llm?.report.flagged).toHaveLength(2);
  });

  test('the raw response is kept for audit, without the key', () => {
    const file = result.llm?.auditFile ?? '';
    const audit = JSON.parse(readFileSync(file, 'utf8')) as { rawResponse: string; model: string; report: { rejected: string[] } };
    expect(JSON.parse(audit.rawResponse)).toMatchObject({ id: 'replay-1' });
    expect(audit.model).toBe('replayed-model');
    expect(audit.report.rejected.length).toBeGreaterThan(5);
    expect(readFileSync(file, 'utf8')).not.toContain(KEY);
  });
});

describe('LLM mode failures', () => {
  test('an endpoint error is a clear error; nothing is written', async () => {
    const dir = copyData(BASE);
    try {
      const before = readdirSync(join(dir, 'articles')).sort();
      await expect(extractIntoDirectory(dir, TEXT, { id: 'x', title: 't' }, { llm: { url: `${base}/broken`, model: 'm', apiKey: KEY } })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      await expect(extractIntoDirectory(dir, TEXT, { id: 'x', title: 't' }, { llm: { url: 'http://127.0.0.1:9/v1', model: 'm', timeoutMs: 2000 } })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(readdirSync(join(dir, 'articles')).sort()).toEqual(before);
    } finally {
      removeDir(dir);
    }
  });

  test('an answer that never ends is cut at its size limit, one that stops coming at the time limit: clear errors, nothing written', async () => {
    const dir = copyData(BASE);
    try {
      const before = readdirSync(join(dir, 'articles')).sort();
      await expect(extractIntoDirectory(dir, TEXT, { id: 'x', title: 't' }, { llm: { url: `${base}/endless`, model: 'm' } })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        message: expect.stringMatching(/sent more than 32 MB/u),
      });
      await expect(extractIntoDirectory(dir, TEXT, { id: 'x', title: 't' }, { llm: { url: `${base}/stalled`, model: 'm', timeoutMs: 1500 } })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        message: expect.stringMatching(/stopped answering \(timed out\)/u),
      });
      expect(readdirSync(join(dir, 'articles')).sort()).toEqual(before);
    } finally {
      removeDir(dir);
    }
  }, 60_000);

  test('an answer that is not JSON keeps only the corpus’s own names, and says so', async () => {
    const dir = copyData(BASE);
    try {
      const r = await extractIntoDirectory(dir, TEXT, { id: 'x', title: 't' }, { llm: { url: `${base}/prose`, model: 'm' } });
      expect(r.llm?.report.rejected).toEqual(['the answer is not a JSON object; nothing of it was used']);
      expect(r.draft.article.relations).toEqual([]);
      expect(await validateData(dir)).toEqual([]);
    } finally {
      removeDir(dir);
    }
  });

  test('the command reads the key from the environment and never prints it', async () => {
    const dir = copyData(BASE);
    const work = tempDir();
    try {
      const file = join(work, 'taiwan-drills.txt');
      writeFileSync(file, TEXT);
      const bin = join(PROJECT_ROOT, 'dist', 'cli', 'bin.js');
      const child = spawn(process.execPath, [bin, 'extract', file, '--data', dir, '--llm', `${base}/v1`, '--model', 'replayed-model'], { env: { ...process.env, NEWSGRAPH_LLM_API_KEY: KEY } });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(0);
      expect(out).toContain('rejected (model): relation State Department CRITICIZED China: quote not in the article');
      expect(out).toContain('flagged for review (model)');
      expect(out).not.toContain(KEY);
      expect(seen.some((s) => s.headers.authorization === `Bearer ${KEY}` && s.url === '/v1/chat/completions')).toBe(true);
      expect(existsSync(join(dir, 'audit', 'taiwan-drills.llm.json'))).toBe(true);
    } finally {
      removeDir(dir);
      removeDir(work);
    }
  });
});
