/**
 * Which operations were answered cleanly: with `data` and without `errors`, as Apollo is about to send them (after
 * the execution budget has had its say). The response cache stores only such answers; it used to find out by
 * parsing the answer's JSON text again, a full `JSON.parse` of every answer it stored (milliseconds for the
 * answers of 100 KB and more). The note travels in the operation's context object: Apollo copies that object
 * (shallowly) for each operation, so the note is an object of its own that the copy shares.
 */
import type { BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';

const NOTE = Symbol('newsgraph.answerNote');

interface Note {
  clean: boolean;
}

/** A context object for one operation, and what its answer turned out to be once Apollo has sent it. */
export interface NotedContext {
  readonly contextValue: object;
  /** True when the operation was answered with data and no errors (false before, or with no guards installed). */
  answeredCleanly(): boolean;
}

export function notedContext(): NotedContext {
  const note: Note = { clean: false };
  return { contextValue: { [NOTE]: note }, answeredCleanly: () => note.clean };
}

/** Notes the answer of the operation; called from willSendResponse, after anything that may replace the answer. */
export function noteAnswer(context: GraphQLRequestContextWillSendResponse<BaseContext>): void {
  const note: unknown = Reflect.get(context.contextValue, NOTE);
  if (typeof note !== 'object' || note === null) return;
  const { body } = context.response;
  // The JSON text has an `errors` member exactly when `errors` is defined (JSON.stringify drops undefined), and so for `data`.
  (note as Note).clean = body.kind === 'single' && body.singleResult.errors === undefined && body.singleResult.data !== undefined;
}
