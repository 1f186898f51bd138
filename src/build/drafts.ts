/**
 * The draft mark of `newsgraph extract`: a fact or entity written by the extractor carries `draft:` in the
 * YAML until a reviewer deletes it. The graph keeps only whether it is still a draft.
 */

/** `draft: true` for a source item that still carries its draft mark, nothing otherwise. */
export function drafted(source: { readonly draft?: unknown }): { draft?: true } {
  return source.draft === undefined ? {} : { draft: true };
}
