/**
 * A minimal client for an OpenAI-compatible chat endpoint (POST {base}/chat/completions). The key comes from
 * the environment and goes only into the Authorization header: it is never logged, never put in an error
 * message, never written to the audit file. A request that takes too long is aborted, so nothing hangs.
 */
import { NewsgraphError } from '../../errors.js';

export interface ChatOptions {
  /** The endpoint's base URL ("http://localhost:8080/v1"), or the full .../chat/completions URL. */
  readonly url: string;
  readonly model: string;
  /** The API key, when the endpoint needs one; read from the environment by the caller. */
  readonly apiKey?: string;
  /** @default 120000 */
  readonly timeoutMs?: number;
}

export interface ChatMessage {
  readonly role: 'system' | 'user';
  readonly content: string;
}

export interface ChatAnswer {
  /** The response body exactly as received: kept for audit. */
  readonly raw: string;
  /** The first choice's message content. */
  readonly content: string;
}

export function completionsUrl(url: string): string {
  const trimmed = url.replace(/\/+$/u, '');
  return trimmed.endsWith('/chat/completions') ? trimmed : `${trimmed}/chat/completions`;
}

export async function askChat(options: ChatOptions, messages: readonly ChatMessage[]): Promise<ChatAnswer> {
  const endpoint = completionsUrl(options.url);
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}) },
      body: JSON.stringify({ model: options.model, messages, temperature: 0, response_format: { type: 'json_object' } }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 120_000),
    });
  } catch (error) {
    throw new NewsgraphError('BAD_USER_INPUT', `the LLM endpoint ${endpoint} could not be reached (${failureReason(error)}); check --llm URL.`);
  }
  const raw = await boundedText(response, endpoint);
  if (!response.ok) {
    throw new NewsgraphError('BAD_USER_INPUT', `the LLM endpoint ${endpoint} answered HTTP ${response.status}; check --llm URL, --model and the key's environment variable.`);
  }
  let content: unknown;
  try {
    const body = JSON.parse(raw) as { choices?: { message?: { content?: unknown } }[] };
    content = body.choices?.[0]?.message?.content;
  } catch {
    content = undefined;
  }
  if (typeof content !== 'string') throw new NewsgraphError('BAD_USER_INPUT', `the LLM endpoint ${endpoint} did not answer in the chat-completions format (choices[0].message.content).`);
  return { raw, content };
}

/**
 * The most of an answer the client reads: a draft of the longest article extract takes (200,000 characters) is a
 * few MB of JSON; an endpoint that sends more is broken, and reading it whole could exhaust the memory.
 */
export const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

/**
 * The answer's body as text, read within MAX_ANSWER_BYTES and the request's time limit (the signal given to fetch
 * also stops a body that stops arriving).
 * @throws NewsgraphError BAD_USER_INPUT when the body is too large or stops arriving.
 */
async function boundedText(response: Response, endpoint: string): Promise<string> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    if (response.body !== null) {
      for await (const chunk of response.body) {
        bytes += chunk.byteLength;
        if (bytes > MAX_ANSWER_BYTES) {
          await response.body.cancel().catch(() => undefined);
          throw new NewsgraphError('BAD_USER_INPUT', `the LLM endpoint ${endpoint} sent more than ${MAX_ANSWER_BYTES / 1024 / 1024} MB; an answer is a few MB at most: check --llm URL.`);
        }
        chunks.push(chunk);
      }
    }
  } catch (error) {
    if (error instanceof NewsgraphError) throw error;
    throw new NewsgraphError('BAD_USER_INPUT', `the LLM endpoint ${endpoint} stopped answering (${failureReason(error)}) after ${bytes} bytes; try again, or check --llm URL.`);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** What went wrong with a request, in a few words: "timed out" for the time limit (an error of fetch's own realm, so read by name). */
function failureReason(error: unknown): string {
  const { name, message } = typeof error === 'object' && error !== null ? (error as { name?: unknown; message?: unknown }) : {};
  if (name === 'TimeoutError') return 'timed out';
  return typeof message === 'string' ? message : String(error);
}
