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
    const reason = error instanceof Error ? error.name === 'TimeoutError' ? 'timed out' : error.message : String(error);
    throw new NewsgraphError('BAD_USER_INPUT', `the LLM endpoint ${endpoint} could not be reached (${reason}); check --llm URL.`);
  }
  const raw = await response.text();
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
