/**
 * The optional LLM mode: the rule layer finds the corpus's known entities (the gazetteer); the model proposes
 * entities, relations, events and claims; verifyAnswer.ts keeps only what code can verify in the text. The
 * raw response is returned for the audit file (never the key).
 */
import { EntityTable, type KnownEntity } from '../entityTable.js';
import { composeDraft, unitSpans, type ArticleDraft, type ArticleMeta } from '../draftArticle.js';
import { findMentions } from '../mentions.js';
import { askChat, completionsUrl, type ChatOptions } from './chatClient.js';
import { extractionMessages } from './prompt.js';
import { verifyAnswer, type VerificationReport } from './verifyAnswer.js';

export interface LlmAudit {
  readonly endpoint: string;
  readonly model: string;
  readonly requestedAt: string;
  /** The response body exactly as received. */
  readonly rawResponse: string;
  readonly report: VerificationReport;
}

export async function llmDraft(
  text: string,
  meta: ArticleMeta,
  known: readonly KnownEntity[],
  options: ChatOptions,
  reserved: ReadonlySet<string> = new Set(),
): Promise<{ draft: ArticleDraft; audit: LlmAudit }> {
  const table = new EntityTable(known, reserved);
  const sentences = unitSpans(text);
  // Known entities and the corpus's names first, by the rules; the model adds to them.
  const { mentions } = findMentions(text, sentences, table);
  const requestedAt = new Date().toISOString();
  const answer = await askChat(options, extractionMessages(text));
  const { facts, report } = verifyAnswer(text, sentences, table, mentions, answer.content, options.model);
  return {
    draft: composeDraft(text, meta, table, sentences, facts),
    audit: { endpoint: completionsUrl(options.url), model: options.model, requestedAt, rawResponse: answer.raw, report },
  };
}
